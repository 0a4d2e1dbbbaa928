//! What covers the chamber for a moment: the hot-seat hand-over, "end your
//! turn with points left?", and the pause menu.

use bevy::prelude::NextState;
use bevy_egui::egui;
use horseshoe_core::model::act::Act;
use horseshoe_core::model::compiled::SeatId;
use horseshoe_core::view::GameView;

use super::Outbox;
use crate::ui::desk::Desk;
use crate::ui::screens::Screen;
use crate::ui::teacher::TeacherDesk;
use crate::ui::theme;

/// "Pass to the delegation of France": hides everything until the next
/// delegation takes the keyboard.
pub(super) fn handover(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &mut Desk,
    seat: SeatId,
    enter: bool,
    now: f64,
) {
    let name = view.name_in_sentence(seat);
    let team = view
        .seat(seat)
        .map(|s| s.team.trim())
        .filter(|t| !t.is_empty());
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.3);
            ui.label(theme::title(format!("Pass to the delegation of {name}")));
            if let Some(team) = team {
                ui.label(theme::heading(team));
            }
            ui.add_space(8.0);
            ui.label(theme::muted(
                "Other delegations' instructions and private talks stay hidden. Take the keyboard, then continue.",
            ));
            ui.add_space(24.0);
            if theme::primary(ui, &format!("Take the seat of {name}  (Enter)")).clicked() || enter
            {
                desk.viewer = Some(seat);
                desk.handover_to = None;
                desk.selected_draft = None;
                desk.pick_clause = None;
                // The next player's first click or Enter is not taken as theirs.
                desk.phase_shown_at = now;
            }
        });
    });
}

/// "End your turn?" when action points are left: they do not carry over.
pub(super) fn confirm_end_turn(
    ctx: &egui::Context,
    view: &GameView,
    desk: &mut Desk,
    out: &mut Outbox,
    enter: bool,
) {
    let Some(mine) = &view.desk else {
        desk.confirm_end_turn = false;
        return;
    };
    let points = mine.points;
    let name = view
        .seat(mine.seat)
        .map(|s| s.name.as_str())
        .unwrap_or_default();
    egui::Modal::new(egui::Id::new("confirm_end_turn")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.label(theme::heading("End your turn?"));
        ui.add_space(4.0);
        ui.label(format!(
            "{name} still has {points} action point{} today. Points do not carry over to tomorrow.",
            if points == 1 { "" } else { "s" }
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if theme::primary(ui, "End turn  (Enter)").clicked() || enter {
                out.send(mine.seat, Act::EndTurn);
                desk.message = None;
                desk.confirm_end_turn = false;
            }
            if ui.button("Keep negotiating  (Esc)").clicked() {
                desk.confirm_end_turn = false;
            }
        });
    });
}

pub(super) fn pause_menu(
    ctx: &egui::Context,
    desk: &mut Desk,
    teacher: &mut TeacherDesk,
    next_screen: &mut NextState<Screen>,
) {
    egui::Modal::new(egui::Id::new("pause")).show(ctx, |ui| {
        ui.set_width(320.0);
        ui.label(theme::heading("Paused"));
        ui.add_space(8.0);
        if theme::button(ui, "Resume", 280.0).clicked() {
            desk.menu_open = false;
        }
        if theme::button(ui, "Settings", 280.0).clicked() {
            desk.menu_open = false;
            next_screen.set(Screen::Settings);
        }
        if theme::button(ui, "Teacher's controls  (Ctrl+T)", 280.0).clicked() {
            desk.menu_open = false;
            teacher.open = true;
        }
        if theme::button(ui, "Leave the game (main menu)", 280.0).clicked() {
            desk.menu_open = false;
            next_screen.set(Screen::Menu);
        }
    });
}
