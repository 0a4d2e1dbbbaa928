//! The chamber: the horseshoe table, the draft on the table, the player's
//! actions, the decisions and the record.
//!
//! Each frame the screen makes a [`GameView`] of the game for whoever is at
//! the keyboard (a delegation, or the whole room between hot-seat turns)
//! and draws its panels from it, one file each: [`top_bar`], [`horseshoe`],
//! [`draft`], [`actions`] (with [`amend`] and [`delegation`]), [`record`],
//! [`decision`], [`reveal`] and the [`overlays`] (hand-over, confirmations,
//! the pause menu). Panels never read the game itself: what the player
//! does is queued in an [`Outbox`] and sent to the game plugin as
//! [`Command`]s, as any controller of a seat would.

mod actions;
mod amend;
mod decision;
mod delegation;
mod draft;
mod horseshoe;
mod overlays;
mod record;
mod reveal;
mod top_bar;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use horseshoe_core::model::act::Act;
use horseshoe_core::model::compiled::SeatId;
use horseshoe_core::view::{GameView, Reader};

use super::Screen;
use super::instructions::instructions;
use crate::play::{Command, CurrentGame, GameState, PhaseGate};
use crate::ui::desk::{Desk, Tab};
use crate::ui::teacher::{self, TeacherDesk};
use crate::ui::{UiPass, UiUpdate, root_ui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        chamber_screen
            .run_if(in_state(Screen::Chamber).and_then(resource_exists::<CurrentGame>))
            .in_set(UiPass::Screen),
    )
    .add_systems(
        Update,
        to_debrief_when_over
            .run_if(in_state(Screen::Chamber))
            .in_set(UiUpdate::Navigate),
    );
}

/// Once the game is over and its last decision has been revealed, the
/// debrief (when the room asks for it).
fn to_debrief_when_over(
    game: Res<State<GameState>>,
    desk: Res<Desk>,
    mut next: ResMut<NextState<Screen>>,
) {
    if *game.get() == GameState::Over && desk.reveal.is_none() && desk.wants_debrief {
        next.set(Screen::Debrief);
    }
}

/// Acts the player chose this frame, sent to the game once drawn.
#[derive(Default)]
pub(super) struct Outbox(Vec<(SeatId, Act)>);

impl Outbox {
    pub(super) fn send(&mut self, seat: SeatId, act: Act) {
        self.0.push((seat, act));
    }
}

/// The chamber's shortcuts pressed this frame. None counts while a text
/// field has the focus or the teacher pauses the class.
pub(super) struct Keys(Vec<egui::Key>);

impl Keys {
    const SHORTCUTS: [egui::Key; 11] = {
        use egui::Key::*;
        [Enter, Escape, K, B, Y, N, A, Num1, Num2, Num3, Num4]
    };

    fn of(ctx: &egui::Context, paused: bool) -> Keys {
        if paused || ctx.memory(|m| m.focused().is_some()) {
            return Keys(Vec::new());
        }
        ctx.input(|i| {
            let pressed = Self::SHORTCUTS
                .into_iter()
                .filter(|&k| i.key_pressed(k) && !i.modifiers.any())
                .collect();
            Keys(pressed)
        })
    }

    pub(super) fn pressed(&self, key: egui::Key) -> bool {
        self.0.contains(&key)
    }
}

/// Everything the chamber reads and changes besides the egui context.
#[derive(SystemParam)]
struct Chamber<'w> {
    game: Res<'w, CurrentGame>,
    desk: ResMut<'w, Desk>,
    gate: ResMut<'w, PhaseGate>,
    teacher: ResMut<'w, TeacherDesk>,
    commands: MessageWriter<'w, Command>,
    next_screen: ResMut<'w, NextState<Screen>>,
    time: Res<'w, Time<Real>>,
}

/// Who the screen is for: the delegation at the keyboard; between hot-seat
/// turns the whole room; when no one plays, whoever watches.
fn reader(desk: &Desk) -> Reader {
    match desk.viewer {
        Some(seat) => Reader::Delegation(seat),
        None if desk.hot_seat || desk.projector => Reader::Room,
        None => Reader::Teacher,
    }
}

fn chamber_screen(mut contexts: EguiContexts, mut c: Chamber) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut ui = root_ui(ctx);
    let keys = Keys::of(ctx, c.teacher.paused);
    let now = c.time.elapsed_secs_f64();
    let desk = &mut *c.desk;
    if let Some(seat) = desk.handover_to {
        let view = GameView::of(&c.game, Reader::Room);
        overlays::handover(
            &mut ui,
            &view,
            desk,
            seat,
            keys.pressed(egui::Key::Enter),
            now,
        );
        return Ok(());
    }
    let view = GameView::of(&c.game, reader(desk));
    // Asked before this frame: only then may this frame's Enter answer it.
    let confirming = desk.confirm_end_turn;
    if confirming && keys.pressed(egui::Key::Escape) {
        desk.confirm_end_turn = false;
    } else if desk.menu_open || keys.pressed(egui::Key::Escape) {
        desk.menu_open = true;
        overlays::pause_menu(ctx, desk, &mut c.teacher, &mut c.next_screen);
    }
    let mut out = Outbox::default();
    let countdown = teacher::countdown(&c.teacher);
    top_bar::top_bar(
        &mut ui,
        &view,
        desk,
        &mut c.gate,
        &mut out,
        &keys,
        countdown,
        now,
    );
    egui::Panel::left("left")
        .resizable(false)
        .exact_size(ui.available_width() * 0.5)
        .show(&mut ui, |ui| left_column(ui, &view, desk, &mut out));
    // The right column: the record below the draft, so the left column keeps
    // its full height for the seats and the player's actions.
    egui::CentralPanel::default().show(&mut ui, |ui| {
        record::record(ui, &view);
        draft::drafts(ui, &view, desk, &keys);
    });
    if confirming {
        overlays::confirm_end_turn(ctx, &view, desk, &mut out, keys.pressed(egui::Key::Enter));
    }
    decision::decision_window(ctx, &view, desk, &mut out, &keys);
    reveal::reveal_window(ctx, &view, desk, now, keys.pressed(egui::Key::Enter));
    for (seat, act) in out.0 {
        c.commands.write(Command::new(seat, act));
    }
    Ok(())
}

/// The horseshoe, then the tabs: the player's actions, its instructions, and
/// what is known of the delegation selected on the horseshoe.
fn left_column(ui: &mut egui::Ui, view: &GameView, desk: &mut Desk, out: &mut Outbox) {
    horseshoe::horseshoe(ui, view, desk);
    ui.separator();
    ui.horizontal(|ui| {
        for (tab, label) in [
            (Tab::Actions, "Actions"),
            (Tab::Instructions, "Your instructions"),
            (Tab::Delegation, "Delegation"),
        ] {
            if ui.selectable_label(desk.tab == tab, label).clicked() {
                desk.tab = tab;
            }
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("left_tab")
        .show(ui, |ui| match desk.tab {
            Tab::Actions => actions::actions(ui, view, desk, out),
            Tab::Instructions => match &view.desk {
                Some(mine) => instructions(ui, &mine.instructions),
                None if desk.projector => {
                    ui.label("Each delegation reads its instructions on its own device.");
                }
                None if desk.hot_seat => {
                    ui.label(
                        "Each delegation's instructions show during its own turn, after the hand-over.",
                    );
                }
                None => {
                    ui.label("You are watching: no delegation of yours is at the table.");
                }
            },
            Tab::Delegation => delegation::delegation(ui, view, desk),
        });
}
