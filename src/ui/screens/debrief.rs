//! Debrief: what the Council adopted, the scores, the key moments, what really happened.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use horseshoe_core::game::Game;
use horseshoe_core::model::compiled::{CompiledScenario, SeatId};
use horseshoe_core::model::record::{Record, What};
use horseshoe_core::model::state::{Disposition, History};

use horseshoe_core::narration::Narrator;

use super::Screen;
use crate::export;
use crate::play::CurrentGame;
use crate::play::autosave::{self, AutosaveTo};
use crate::ui::saves;
use crate::ui::{UiPass, root_ui, theme};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        debrief_screen
            .run_if(in_state(Screen::Debrief))
            .in_set(UiPass::Screen),
    );
}

/// Width kept free at the right of each column for its scroll bar.
const SCROLL_BAR_ROOM: f32 = 14.0;

fn debrief_screen(
    mut contexts: EguiContexts,
    game: Option<Res<CurrentGame>>,
    save: Option<Res<AutosaveTo>>,
    mut next: ResMut<NextState<Screen>>,
    mut exported: Local<Option<Result<String, String>>>,
    again_failed: Option<Res<AgainFailed>>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(game) = game else {
        next.set(Screen::Menu);
        return Ok(());
    };
    let record = game.record();
    let enter = ctx.input(|i| i.key_pressed(egui::Key::Enter));
    let mut ui = root_ui(ctx);
    egui::Panel::bottom("debrief_bottom").show(&mut ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if theme::primary(ui, "Main menu  (Enter)").clicked() || enter {
                *exported = None;
                next.set(Screen::Menu);
            }
            ui.add_space(16.0);
            transcript_buttons(ui, record, &mut exported);
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(&mut ui, |ui| {
        ui.label(theme::title(format!("Debrief: {}", record.scenario_title)));
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical()
                .id_salt("adopted")
                .show(&mut cols[0], |ui| {
                    // Room for the scroll bar: justified text otherwise runs
                    // under it and loses its last letters.
                    ui.set_max_width(ui.available_width() - SCROLL_BAR_ROOM);
                    let failed = again_failed.as_deref().map(|a| a.0.as_str());
                    let again = what_happened(ui, record, save.as_deref(), failed);
                    if let (Some(day), Some(save)) = (again, save.as_deref()) {
                        let path = save.0.clone();
                        commands.remove_resource::<AgainFailed>();
                        commands.queue(move |world: &mut World| {
                            if let Err(e) = saves::play_again(world, &path, day) {
                                error!("{e}");
                                world.insert_resource(AgainFailed(e));
                            }
                        });
                    }
                });
            egui::ScrollArea::vertical()
                .id_salt("scores")
                .show(&mut cols[1], |ui| {
                    ui.set_max_width(ui.available_width() - SCROLL_BAR_ROOM);
                    scores(ui, &game);
                });
        });
    });
    Ok(())
}

/// Save the transcript as HTML or Markdown, and where it went.
fn transcript_buttons(
    ui: &mut egui::Ui,
    record: &Record,
    exported: &mut Option<Result<String, String>>,
) {
    let html = ui.button("Save the transcript (HTML, to print)");
    let md = ui.button("Save the transcript (Markdown)");
    let format = if html.clicked() {
        Some(export::Format::Html)
    } else if md.clicked() {
        Some(export::Format::Markdown)
    } else {
        None
    };
    if let Some(format) = format {
        *exported = Some(save_transcript(record, format));
    }
    match exported {
        Some(Ok(path)) => {
            ui.label(RichText::new(format!("Saved to {path}")).color(theme::GREEN));
        }
        Some(Err(e)) => {
            ui.label(RichText::new(e.as_str()).color(theme::RED));
        }
        None => {}
    }
}

/// Why the class could not play again from a moment, for the debrief.
#[derive(Resource, Debug, Clone)]
struct AgainFailed(String);

/// What the Council adopted, the key moments, what would have changed them
/// (and a day to play again from, if one is chosen), what really happened.
fn what_happened(
    ui: &mut egui::Ui,
    record: &Record,
    save: Option<&AutosaveTo>,
    failed: Option<&str>,
) -> Option<u32> {
    ui.label(theme::heading("What the Council adopted"));
    match record.outcome.as_ref().map(|o| o.products.as_slice()) {
        Some([]) | None => {
            ui.label("Nothing. The Council did not speak.");
        }
        Some(products) => {
            // Each text folded under its line: the moments below are what a
            // class discusses first.
            for (i, p) in products.iter().enumerate() {
                let heading = RichText::new(format!("Day {}: {} (the text)", p.day, p.kind.name()))
                    .color(theme::GREEN)
                    .strong();
                egui::CollapsingHeader::new(heading)
                    .id_salt(("adopted", i))
                    .default_open(false)
                    .show(ui, |ui| {
                        ui.label(RichText::new(&p.text).size(theme::SMALL + 1.0));
                    });
                ui.add_space(4.0);
            }
        }
    }
    ui.add_space(8.0);
    ui.label(theme::heading("Key moments"));
    let narrator = Narrator::new(record);
    for e in &record.entries {
        let key = matches!(
            e.what,
            What::Silence { .. }
                | What::Vote { .. }
                | What::TriggerFired { .. }
                | What::Adopted { .. }
        );
        if key {
            let line = narrator.line(e);
            let colour = theme::tone_colour(line.tone);
            let text = format!("Day {}: {}", e.day, line.text);
            ui.label(RichText::new(text).color(colour));
        }
    }
    let again = turning_points(ui, record, save);
    if let Some(e) = failed {
        ui.label(RichText::new(format!("Cannot play it again: {e}")).color(theme::RED));
    }
    ui.add_space(8.0);
    ui.label(theme::heading("What really happened"));
    ui.label(if record.what_really_happened.is_empty() {
        "The scenario does not say."
    } else {
        &record.what_really_happened
    });
    if !record.discussion.is_empty() {
        ui.add_space(8.0);
        ui.label(theme::heading("For discussion"));
        for q in &record.discussion {
            ui.label(format!("• {q}"));
        }
    }
    again
}

/// The decisive moments and what would have flipped them, judged as the
/// delegation judged at that moment.
/// Offers to play again from the day's corridors, when the game kept them:
/// returns the day chosen.
fn turning_points(ui: &mut egui::Ui, record: &Record, save: Option<&AutosaveTo>) -> Option<u32> {
    let outcome = record.outcome.as_ref()?;
    if outcome.turning_points.is_empty() {
        return None;
    }
    let mut chosen = None;
    ui.add_space(8.0);
    ui.label(theme::heading("What would have changed it"));
    for t in &outcome.turning_points {
        ui.label(
            RichText::new(format!("{}: {}.", t.when(), t.happened))
                .strong()
                .color(theme::TEXT),
        );
        ui.label(RichText::new(&t.flip).size(theme::SMALL + 1.0));
        let moment = save.map(|s| autosave::moment_path(&s.0, t.day));
        if moment.is_some_and(|m| m.exists())
            && ui
                .button(format!("Play it again from day {}", t.day))
                .on_hover_text(
                    "The class takes up the crisis again from that day's corridors, as a new game: this one's transcript is kept as it is.",
                )
                .clicked()
        {
            chosen = Some(t.day);
        }
        ui.add_space(4.0);
    }
    chosen
}

/// Each delegation's score, the players' first, with its objectives and,
/// for a player, the red lines it let the Council cross.
fn scores(ui: &mut egui::Ui, game: &Game) {
    let record = game.record();
    ui.label(theme::heading("Scores"));
    let Some(outcome) = &record.outcome else {
        return;
    };
    let mut lines: Vec<_> = outcome.scores.iter().enumerate().collect();
    // Human delegations first, then by seat.
    lines.sort_by_key(|(i, _)| (!record.members[*i].human, *i));
    for (i, line) in lines {
        let member = &record.members[i];
        let who = if member.human { " (player)" } else { "" };
        let colour = if member.human {
            theme::HUMAN
        } else {
            theme::TEXT
        };
        let score = format!("{}{who}: {} / {}", member.name, line.points, line.max);
        ui.label(RichText::new(score).strong().color(colour));
        if member.human {
            let disposition = game.dispositions().get(i);
            for crossed in red_lines_crossed(game.scenario(), i, disposition, game.history()) {
                ui.label(
                    RichText::new(format!("   ⚠ {crossed}"))
                        .size(theme::SMALL)
                        .color(theme::RED),
                );
            }
        }
        for o in &line.objectives {
            let mark = if o.achieved { "✔" } else { "✖" };
            let colour = if o.achieved {
                theme::GREEN
            } else {
                theme::MUTED
            };
            let text = format!("   {mark} {} ({})", o.description, o.points);
            ui.label(RichText::new(text).size(theme::SMALL).color(colour));
        }
    }
}

/// The red lines of a delegation that a text the Council adopted crosses,
/// as sentences: a player's red lines are theirs to keep, and the debrief
/// says when they let one go.
fn red_lines_crossed(
    sc: &CompiledScenario,
    seat: SeatId,
    disposition: Option<&Disposition>,
    history: &History,
) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, r) in sc.delegations[seat].red_lines.iter().enumerate() {
        // A red line the crisis lifted no longer binds.
        let active = disposition.is_none_or(|d| d.red_line_active.get(i).copied().unwrap_or(true));
        if let Some(p) = history
            .adopted
            .iter()
            .find(|p| active && horseshoe_core::ai::red_line_crossed(r, &p.text))
        {
            lines.push(format!(
                "Red line crossed by the {} adopted on day {}: {}",
                p.kind.name(),
                p.day,
                r.reason
            ));
        }
    }
    lines
}

/// Writes the transcript into the exports folder; returns its path.
fn save_transcript(record: &Record, format: export::Format) -> Result<String, String> {
    let dir = crate::storage::exports_dir();
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("Cannot create the folder {}: {e}", dir.display()))?;
    let extension = match format {
        export::Format::Html => "html",
        export::Format::Markdown => "md",
    };
    let stem = crate::storage::file_stem(&[&record.scenario_id, &format!("seed{}", record.seed)]);
    let path = dir.join(format!("{stem}.{extension}"));
    std::fs::write(&path, export::export(record, format))
        .map_err(|e| format!("Cannot write {}: {e}", path.display()))?;
    Ok(path.display().to_string())
}
