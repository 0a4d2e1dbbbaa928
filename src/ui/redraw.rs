//! When the window draws: it waits for input (an idle window uses close to
//! no CPU), asks for frames while the game has work of its own to do, and
//! ticks once a second while something changes by itself.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiInput, EguiInputSet, EguiPreUpdateSet, egui};

use super::desk::Desk;
use super::screens::Screen;
use super::{UiUpdate, teacher};
use crate::play::{GameState, Phase, PhaseGate};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        quiet_modifier_events
            .after(EguiInputSet::WriteEguiEvents)
            .before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(
        Update,
        (keep_game_moving, choose_update_mode)
            .chain()
            .in_set(UiUpdate::Redraw),
    );
}

/// bevy_egui adds a `ModifiersChanged` event to every frame's input, and egui
/// asks for another frame whenever a frame had any event: the window then
/// redraws forever (measured: 43% of a core, idle at the menu). egui keeps
/// the modifier state between frames, so the event is only passed on when
/// the modifiers really changed, and an idle window waits for real input.
fn quiet_modifier_events(
    mut inputs: Query<&mut EguiInput>,
    mut last: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.events.retain(|e| match e {
            egui::Event::ModifiersChanged(m) if *last == Some(*m) => false,
            egui::Event::ModifiersChanged(m) => {
                *last = Some(*m);
                true
            }
            _ => true,
        });
    }
}

/// In reactive mode the window only updates on input: while the game has
/// automatic work to do (AI phases), ask for the next frame.
fn keep_game_moving(
    game: Res<State<GameState>>,
    phase: Option<Res<State<Phase>>>,
    gate: Res<PhaseGate>,
    desk: Res<Desk>,
    next_phase: Option<Res<NextState<Phase>>>,
    next_game: Res<NextState<GameState>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let pending_transition = matches!(*next_game, NextState::Pending(_))
        || next_phase.is_some_and(|n| matches!(*n, NextState::Pending(_)));
    let busy = match (game.get(), phase.as_deref().map(State::get)) {
        (GameState::Playing, Some(Phase::Morning | Phase::Consultations | Phase::Evening)) => {
            !gate.hold || gate.proceed
        }
        (GameState::Playing, Some(Phase::Decision)) => !desk.waiting_for_human,
        _ => false,
    };
    if pending_transition || busy || desk.reveal.is_some() {
        redraw.write(RequestRedraw);
    }
}

/// The window waits for input, but ticks once a second while something
/// changes by itself: the teacher's countdown, or a scenario file being
/// edited (set-up and briefing). The scripted player's continuous mode is
/// left alone.
fn choose_update_mode(
    screen: Res<State<Screen>>,
    game: Res<State<GameState>>,
    teacher: Res<teacher::TeacherDesk>,
    mut winit: ResMut<WinitSettings>,
) {
    if winit.focused_mode == UpdateMode::Continuous {
        return;
    }
    let countdown = teacher.minutes_per_phase.is_some()
        && *game.get() == GameState::Playing
        && *screen.get() == Screen::Chamber;
    let watching = matches!(screen.get(), Screen::Setup | Screen::Briefing);
    let wanted = if countdown || watching {
        WinitSettings {
            focused_mode: UpdateMode::reactive(Duration::from_secs(1)),
            unfocused_mode: UpdateMode::reactive_low_power(Duration::from_secs(1)),
        }
    } else {
        WinitSettings::desktop_app()
    };
    if winit.focused_mode != wanted.focused_mode || winit.unfocused_mode != wanted.unfocused_mode {
        *winit = wanted;
    }
}
