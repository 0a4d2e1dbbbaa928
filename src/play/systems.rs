//! The systems that drive a game: each phase's opening, then on every
//! update the teacher's orders, the players' commands, the decisions and the
//! move to the next phase. Each only hands over to the game's own methods.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use horseshoe_core::game::control::OrderEffect;
use horseshoe_core::game::day::Step;
use horseshoe_core::model::record::PhaseName;

use horseshoe_core::journal::Input;

use super::autosave::{self, ActiveJournal, LastAutosave};
use super::{
    Answered, Command, CurrentGame, GameState, Phase, PhaseEnded, PhaseGate, ResumeAt,
    TeacherCommand, Turn,
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
            (
                process_teacher.run_if(on_message::<TeacherCommand>),
                process_commands.run_if(on_message::<Command>),
            )
                .chain()
                .in_set(Turn::Inputs),
            run_decisions.run_if(deciding).in_set(Turn::Decide),
            advance.in_set(Turn::Advance),
        ),
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

/// The journal of a game that saves itself, and where its failures go.
#[derive(SystemParam)]
struct Journaling<'w> {
    journal: Option<ResMut<'w, ActiveJournal>>,
    last: Option<ResMut<'w, LastAutosave>>,
}

impl Journaling<'_> {
    fn write(&mut self, input: &Input) {
        autosave::journal(&mut self.journal, &mut self.last, input);
    }
}

fn process_teacher(
    mut game: ResMut<CurrentGame>,
    mut gate: ResMut<PhaseGate>,
    phase: Res<State<Phase>>,
    mut orders: MessageReader<TeacherCommand>,
    mut journal: Journaling,
) {
    for TeacherCommand(order) in orders.read() {
        if game.teacher(order, phase.get().name()) == OrderEffect::ReleasePhase {
            gate.proceed = true;
        }
        journal.write(&Input::Teacher(order.clone()));
    }
}

/// Every player's act or decision, carried out (and journaled) or refused,
/// and answered either way.
fn process_commands(
    mut game: ResMut<CurrentGame>,
    mut commands: MessageReader<Command>,
    mut answers: MessageWriter<Answered>,
    mut journal: Journaling,
) {
    for command in commands.read() {
        let (seat, act) = (command.seat, &command.act);
        let result = game.command(seat, act);
        if result.is_ok() {
            journal.write(&Input::Act {
                seat,
                act: act.clone(),
            });
        }
        answers.write(Answered {
            seat,
            act: act.clone(),
            ticket: command.ticket,
            result,
        });
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
