//! A decision revealed to the room ballot by ballot against the quota, then
//! its outcome. Enter (or Continue) closes it.

use std::time::Duration;

use bevy_egui::egui::{self, RichText};
use horseshoe_core::view::{BallotChoice, GameView};

use crate::ui::desk::{Desk, REVEAL_STEP, Reveal};
use crate::ui::theme;

pub(super) fn reveal_window(
    ctx: &egui::Context,
    view: &GameView,
    desk: &mut Desk,
    now: f64,
    enter: bool,
) {
    let Some(reveal) = desk.reveal.clone() else {
        return;
    };
    let Some((line, ballots)) = view
        .record
        .iter()
        .find(|l| l.entry == reveal.entry)
        .and_then(|l| Some((l, l.ballots.as_ref()?)))
    else {
        desk.reveal = None;
        return;
    };
    let total = ballots.rows.len();
    let shown = ((now - reveal.started) / REVEAL_STEP).floor().max(0.0) as usize;
    if shown <= total {
        ctx.request_repaint_after(Duration::from_secs_f64(REVEAL_STEP / 2.0));
    }
    let mut close = false;
    egui::Window::new("The Council decides")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        // Wide enough that most reasons fit on one line, so all fifteen
        // ballots fit on a 720-pixel screen.
        .default_width((ctx.content_rect().width() * 0.62).clamp(640.0, 1100.0))
        .show(ctx, |ui| {
            ui.label(theme::heading(&ballots.heading));
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.68)
                // The newest ballot stays in view as they are revealed.
                .stick_to_bottom(true)
                .show(ui, |ui| {
                    egui::Grid::new("ballots")
                        .num_columns(3)
                        .striped(true)
                        .show(ui, |ui| {
                            for b in ballots.rows.iter().take(shown) {
                                let (word, colour) = choice(b.choice);
                                ui.label(RichText::new(&b.name).strong());
                                ui.label(RichText::new(word).color(colour).strong());
                                let reason = RichText::new(&b.reason)
                                    .size(theme::SMALL)
                                    .color(theme::MUTED);
                                ui.add(egui::Label::new(reason).wrap());
                                ui.end_row();
                            }
                        });
                });
            if shown >= total {
                ui.separator();
                let colour = theme::tone_colour(line.tone);
                ui.label(RichText::new(&line.text).color(colour).strong());
                if theme::primary(ui, "Continue  (Enter)").clicked() || enter {
                    close = true;
                }
            } else if ui.button("Show all").clicked() {
                desk.reveal = Some(Reveal {
                    entry: reveal.entry,
                    started: now - REVEAL_STEP * (total as f64 + 1.0),
                });
            }
        });
    if close {
        desk.reveal = None;
    }
}

fn choice(c: BallotChoice) -> (&'static str, egui::Color32) {
    match c {
        BallotChoice::Yes => ("YES", theme::GREEN),
        BallotChoice::Veto => ("NO (veto)", theme::DARK_RED),
        BallotChoice::No => ("NO", theme::RED),
        BallotChoice::Abstain => ("ABSTAINS", theme::AMBER),
        BallotChoice::Absent => ("ABSENT", theme::MUTED),
        BallotChoice::KeepSilence => ("keeps silence", theme::GREEN),
        BallotChoice::BreakSilence => ("BREAKS SILENCE", theme::RED),
    }
}
