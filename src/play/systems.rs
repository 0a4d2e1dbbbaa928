//! The systems that drive a game: each phase's opening, then on every
//! update the teacher's orders, the players' commands, the decisions and the
//! move to the next phase. Each only hands over to the game's own methods.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use horseshoe_core::game::control::OrderEffect;
use horseshoe_core::game::day::Step;
use horseshoe_core::model::record::PhaseName;

use super::{
    ActRefused, Command, CurrentGame, GameState, Phase, PhaseEnded, PhaseGate, ResumeAt,
    TeacherCommand,
};

pub(super) fn plugin(app: &mut App) {
    for phase in [
        Phase::Morning,
        Phase::Consultations,
        Phase::Corridors,
        Phase::Decision,
        Phase::Evening,
    ] {
        // A restored game passes through phases on its way to the saved one
        // without doing their work.
        app.add_systems(
            OnEnter(phase),
            (move |mut game: ResMut<CurrentGame>| game.enter(phase.name())).run_if(not_resuming),
        );
    }
    app.add_systems(
        Update,
        (
            // Only when there is something to do: an AI-only game sends
            // no commands.
            process_teacher.run_if(on_message::<TeacherCommand>),
            process_commands.run_if(on_message::<Command>),
            run_decisions.run_if(deciding),
            advance,
        )
            .chain()
            .run_if(in_state(GameState::Playing)),
    );
}

fn not_resuming(resume: Option<Res<ResumeAt>>) -> bool {
    resume.is_none()
}

/// The decision phase has begun (its items are taken one by one, over as
/// many updates as human delegations take to decide).
fn deciding(game: Option<Res<CurrentGame>>) -> bool {
    game.is_some_and(|g| g.clock().phase == PhaseName::Decision)
}

fn process_teacher(
    mut game: ResMut<CurrentGame>,
    mut gate: ResMut<PhaseGate>,
    phase: Res<State<Phase>>,
    mut orders: MessageReader<TeacherCommand>,
) {
    for TeacherCommand(order) in orders.read() {
        if game.teacher(order, phase.get().name()) == OrderEffect::ReleasePhase {
            gate.proceed = true;
        }
    }
}

fn process_commands(
    mut game: ResMut<CurrentGame>,
    mut commands: MessageReader<Command>,
    mut refused: MessageWriter<ActRefused>,
) {
    for Command { seat, act } in commands.read() {
        if let Err(error) = game.command(*seat, act) {
            refused.write(ActRefused {
                seat: *seat,
                act: act.clone(),
                error,
            });
        }
    }
}

fn run_decisions(mut game: ResMut<CurrentGame>) {
    game.run_decisions();
}

/// Where a game goes next: the states to set and the message that a phase
/// has ended.
#[derive(SystemParam)]
pub(super) struct Transitions<'w> {
    phase: Res<'w, State<Phase>>,
    next_phase: ResMut<'w, NextState<Phase>>,
    next_game: ResMut<'w, NextState<GameState>>,
    ended: MessageWriter<'w, PhaseEnded>,
}

/// Moves to the next phase when the current one has nothing left to wait for.
pub(super) fn advance(
    mut game: ResMut<CurrentGame>,
    mut to: Transitions,
    mut gate: ResMut<PhaseGate>,
    resume: Option<Res<ResumeAt>>,
    mut commands: Commands,
) {
    // A restored game: go straight to its saved phase (`set` enters it even
    // when it is the phase the game is in).
    if let Some(resume) = resume {
        to.next_phase.set(resume.0);
        commands.remove_resource::<ResumeAt>();
        return;
    }
    let held = gate.hold && !gate.proceed;
    match game.advance(to.phase.get().name(), held) {
        Step::Next(p) => {
            let p = Phase::from_name(p);
            to.next_phase.set(p);
            gate.proceed = false;
            to.ended.write(PhaseEnded { next: p });
        }
        Step::GameOver => {
            to.next_game.set(GameState::Over);
            gate.proceed = false;
        }
        Step::Stay => {}
    }
}
