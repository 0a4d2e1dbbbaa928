//! The top bar: the day and date, the phase, the teacher's countdown, the
//! urgency of the crisis, the player's action points, and the one button
//! that moves the game on (Enter).

use bevy_egui::egui::{self, RichText};
use horseshoe_core::model::act::Act;
use horseshoe_core::model::record::PhaseName;
use horseshoe_core::view::GameView;

use super::{Keys, Outbox};
use crate::play::PhaseGate;
use crate::ui::desk::Desk;
use crate::ui::theme;

#[allow(clippy::too_many_arguments)]
pub(super) fn top_bar(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &mut Desk,
    gate: &mut PhaseGate,
    out: &mut Outbox,
    keys: &Keys,
    countdown: Option<String>,
    now: f64,
) {
    egui::Panel::top("top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui.button("☰ Menu").clicked() {
                desk.menu_open = true;
            }
            status(ui, view, desk, countdown);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // A click or Enter meant for the last phase's button does not
                // act on this one.
                let settled = desk.phase_settled(now);
                let enter = keys.pressed(egui::Key::Enter) && settled;
                move_on(ui, view, desk, gate, out, enter, settled);
            });
        });
        if let Some((message, error)) = &desk.message {
            let colour = if *error { theme::RED } else { theme::GREEN };
            ui.label(RichText::new(message).color(colour));
        }
        ui.add_space(2.0);
    });
}

/// Where the game stands, left to right.
fn status(ui: &mut egui::Ui, view: &GameView, desk: &Desk, countdown: Option<String>) {
    let big = theme::BODY + 2.0;
    let day = format!("Day {} of {} · {}", view.day, view.days, view.date);
    ui.label(RichText::new(day).strong().size(big));
    let phase = if view.over.is_some() {
        "The crisis is over"
    } else {
        view.phase.label()
    };
    ui.label(RichText::new(phase).color(theme::GOLD).strong().size(big));
    if let Some(countdown) = countdown {
        ui.label(RichText::new(countdown).strong().size(big))
            .on_hover_text("Time left in this phase (teacher's timer)");
    }
    ui.label(theme::muted("Urgency"));
    ui.add(
        egui::ProgressBar::new(view.urgency)
            .desired_width(80.0)
            .fill(theme::RED),
    );
    if let (Some(seat), Some(mine)) = (desk.viewer, &view.desk) {
        let name = view.seat(seat).map(|s| s.name.as_str()).unwrap_or_default();
        let points = mine.points;
        let plural = if points == 1 { "" } else { "s" };
        ui.label(
            RichText::new(format!("{name} · {points} action point{plural}"))
                .color(theme::HUMAN)
                .strong(),
        );
    }
}

/// The button that moves the game on, if the phase has one: on to the next
/// phase, end the turn, or to the debrief.
fn move_on(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &mut Desk,
    gate: &mut PhaseGate,
    out: &mut Outbox,
    enter: bool,
    settled: bool,
) {
    let button =
        |ui: &mut egui::Ui, label: &str| (theme::primary(ui, label).clicked() && settled) || enter;
    if view.over.is_some() {
        if button(ui, "Debrief  (Enter)") {
            desk.wants_debrief = true;
        }
        return;
    }
    match view.phase {
        PhaseName::Morning | PhaseName::Consultations if gate.hold => {
            let label = if view.phase == PhaseName::Morning {
                "To the consultations  (Enter)"
            } else {
                "To the corridors  (Enter)"
            };
            if button(ui, label) {
                gate.proceed = true;
            }
        }
        PhaseName::Evening if gate.hold => {
            let label = if view.last_day {
                "End of the crisis  (Enter)"
            } else {
                "Next day  (Enter)"
            };
            if desk.reveal.is_none() && button(ui, label) {
                gate.proceed = true;
            }
        }
        PhaseName::Corridors => {
            let Some(mine) = view.desk.as_ref().filter(|m| m.human) else {
                return;
            };
            if button(ui, "End turn  (Enter)") && !desk.confirm_end_turn {
                if mine.points > 0 {
                    // Points do not carry over: make sure it is meant.
                    desk.confirm_end_turn = true;
                } else {
                    out.send(mine.seat, Act::EndTurn);
                    desk.message = None;
                }
            }
        }
        _ => {}
    }
}
