//! Briefing: the crisis, the rules in two lines, and each human delegation's brief.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use horseshoe_core::model::state::Controller;
use horseshoe_core::view::instructions::Instructions;

use super::Screen;
use super::instructions::instructions;
use crate::play::CurrentGame;
use crate::ui::catalog::Catalog;
use crate::ui::{UiPass, root_ui, theme};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        briefing_screen
            .run_if(in_state(Screen::Briefing))
            .in_set(UiPass::Screen),
    );
}

fn briefing_screen(
    mut contexts: EguiContexts,
    game: Option<Res<CurrentGame>>,
    catalog: Res<Catalog>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(game) = game else {
        return Ok(());
    };
    let sc = game.scenario();
    let humans = game.seats_of(Controller::Human);
    let enter = ctx.input(|i| i.key_pressed(egui::Key::Enter));
    let mut ui = root_ui(ctx);
    egui::Panel::bottom("briefing_bottom").show(&mut ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if theme::primary(ui, "Take your seats  (Enter)").clicked() || enter {
                next.set(Screen::Chamber);
            }
            ui.label(theme::muted(format!(
                "Day 1 of {} begins with the morning news.",
                sc.source.days
            )));
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(&mut ui, |ui| {
        ui.label(theme::title(&sc.source.title));
        if let Some(entry) = catalog.current() {
            crate::ui::reload::reload_banner(ui, entry);
        }
        // A scenario played on chosen days says which span they cover.
        let span = if sc.source.dates.is_empty() {
            format!("from {}", sc.source.long_date(1))
        } else {
            format!(
                "between {} and {}",
                sc.source.long_date(1),
                sc.source.long_date(sc.source.days)
            )
        };
        ui.label(theme::muted(format!(
            "{} days {span} · {} members · president: {}",
            sc.source.days,
            sc.seat_count(),
            sc.name(sc.presidency)
        )));
        ui.add_space(6.0);
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical().id_salt("crisis").show(&mut cols[0], |ui| {
                ui.label(theme::heading("The crisis"));
                for para in sc.source.briefing.split("\n\n") {
                    ui.label(para);
                    ui.add_space(4.0);
                }
                ui.add_space(6.0);
                ui.label(theme::heading("The rules in two lines"));
                ui.label(format!(
                    "Statements need every member's consent: one member breaking silence blocks them. \
                     A resolution needs {} yes votes and no veto from {}; an abstention is not a veto.",
                    sc.rules.quota,
                    sc.rules.veto_holders.join(", ")
                ));
            });
            egui::ScrollArea::vertical().id_salt("yours").show(&mut cols[1], |ui| {
                match humans.as_slice() {
                    [] => {
                        ui.label(theme::heading("You are watching"));
                        ui.label("Every delegation is played by the AI. Follow the drafts, the votes and their reasons.");
                    }
                    [seat] => {
                        ui.label(theme::heading(format!("You are {}", sc.name(*seat))));
                        instructions(ui, &Instructions::of(sc, *seat, None));
                    }
                    many => {
                        ui.label(theme::heading("Hot seat"));
                        let names: Vec<String> = many
                            .iter()
                            .map(|&s| horseshoe_core::text::country_in_sentence(sc.name(s)))
                            .collect();
                        let names: Vec<&str> = names.iter().map(String::as_str).collect();
                        ui.label(format!(
                            "Played here: {}. Between turns the screen shows only what the whole room may see; each delegation sees its own instructions and private talks after the hand-over, in its turn.",
                            horseshoe_core::ai::penholder::join_names(&names)
                        ));
                    }
                }
            });
        });
    });
    Ok(())
}
