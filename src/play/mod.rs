//! The game plugin: Bevy states, messages and systems that play a
//! [`Game`] day by day. The same plugin runs headless ([`apps`]) in tests,
//! batch simulation and a classroom server, and under the window.
//!
//! The game itself, its rules and its AI are in `horseshoe_core`; this
//! plugin only drives it:
//! - [`GameState`] says whether a game is being played, and [`Phase`] which
//!   phase of the day it is in (a Bevy sub-state, so screens can react to
//!   it);
//! - entering a phase calls [`Game::enter`]; every update hands the
//!   players' [`Command`]s and the teacher's [`TeacherCommand`]s to the game,
//!   takes decisions in the decision phase, and asks [`Game::advance`]
//!   whether to move on ([`systems`]);
//! - between two phases the game can be saved ([`autosave`]).

pub mod apps;
pub mod autosave;
mod systems;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use horseshoe_core::game::control::TeacherOrder;
use horseshoe_core::game::{Game, GameConfig};
use horseshoe_core::model::act::{Act, ActError};
use horseshoe_core::model::compiled::SeatId;
use horseshoe_core::model::record::PhaseName;
use horseshoe_core::save::{SaveError, SavedGame};

pub use apps::{batch_app, headless_app, run_until_over};

/// Whether a game is being played.
#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum GameState {
    /// No game loaded (menus).
    #[default]
    Idle,
    Playing,
    /// The game has ended: the record holds the outcome.
    Over,
}

/// The phase of the current day.
#[derive(SubStates, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[source(GameState = GameState::Playing)]
pub enum Phase {
    #[default]
    Morning,
    Consultations,
    Corridors,
    Decision,
    Evening,
}

impl Phase {
    pub fn from_name(name: PhaseName) -> Phase {
        match name {
            PhaseName::Morning => Phase::Morning,
            PhaseName::Consultations => Phase::Consultations,
            PhaseName::Corridors => Phase::Corridors,
            PhaseName::Decision => Phase::Decision,
            PhaseName::Evening => Phase::Evening,
        }
    }

    pub fn name(self) -> PhaseName {
        match self {
            Phase::Morning => PhaseName::Morning,
            Phase::Consultations => PhaseName::Consultations,
            Phase::Corridors => PhaseName::Corridors,
            Phase::Decision => PhaseName::Decision,
            Phase::Evening => PhaseName::Evening,
        }
    }
}

/// The game being played. Everything about it is read from here; it changes
/// only through the game's own methods, called by this plugin's systems.
#[derive(Resource, Debug, Clone, Deref, DerefMut)]
pub struct CurrentGame(pub Game);

/// A delegation acting: sent by the window, a test or the network for the
/// seats they control. AI delegations act from within the game.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct Command {
    pub seat: SeatId,
    pub act: Act,
    /// Set by a sender that waits for the answer (the network): the
    /// [`Answered`] message carries it back.
    pub ticket: Option<u64>,
}

impl Command {
    pub fn new(seat: SeatId, act: Act) -> Command {
        Command {
            seat,
            act,
            ticket: None,
        }
    }
}

/// A teacher's order (see [`TeacherOrder`]).
#[derive(Message, Debug, Clone, PartialEq)]
pub struct TeacherCommand(pub TeacherOrder);

/// A phase has ended; `next` begins on the next update. The moment to save.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseEnded {
    pub next: Phase,
}

/// The answer to a [`Command`]: carried out (and, when the game is saved,
/// written to its journal), or refused with why.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct Answered {
    pub seat: SeatId,
    pub act: Act,
    pub ticket: Option<u64>,
    pub result: Result<(), ActError>,
}

/// Lets a window hold the automatic phases (morning, consultations, evening)
/// until the players have read them. Headless games leave it open.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct PhaseGate {
    pub hold: bool,
    /// Set to let the current held phase end.
    pub proceed: bool,
}

/// The order of the game's work in each update: a restored journal's
/// inputs, then new inputs (the teacher's, the players'), the decisions,
/// and the move to the next phase.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Turn {
    Replay,
    Inputs,
    Decide,
    Advance,
}

/// Set while a restored game is entering its saved phase: the phases it
/// passes through on the way do nothing.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResumeAt(pub Phase);

/// The turn logic. Add it to a bare app ([`headless_app`]) or one with
/// `MinimalPlugins` for a headless game, or `DefaultPlugins` for the window;
/// then call [`start_game`].
pub struct GamePlugin;

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        if !app.is_plugin_added::<StatesPlugin>() {
            app.add_plugins(StatesPlugin);
        }
        app.init_state::<GameState>()
            .add_sub_state::<Phase>()
            .add_message::<Command>()
            .add_message::<Answered>()
            .add_message::<TeacherCommand>()
            .add_message::<PhaseEnded>()
            .init_resource::<PhaseGate>()
            .configure_sets(
                Update,
                (Turn::Replay, Turn::Inputs, Turn::Decide, Turn::Advance)
                    .chain()
                    .run_if(in_state(GameState::Playing)),
            );
        systems::plugin(app);
        autosave::plugin(app);
    }
}

/// Starts a new game in the world, in place of any game there.
pub fn start_game(world: &mut World, config: GameConfig) {
    // A world that plays game after game (batch simulation) restarts the
    // same game in place, keeping its buffers.
    match world.get_resource_mut::<CurrentGame>() {
        Some(mut current) => current.0.restart(config),
        None => world.insert_resource(CurrentGame(Game::new(config))),
    }
    world.remove_resource::<ResumeAt>();
    // A game that saves itself is saved before its first morning, so that
    // its first inputs have a journal to go to.
    autosave::snapshot(world, PhaseName::Morning);
    world
        .resource_mut::<NextState<GameState>>()
        .set(GameState::Playing);
}

/// Puts a restored game into the world (in place of any game there) and
/// starts it at the phase it was saved before.
pub fn resume_game(world: &mut World, game: Game, next: PhaseName) {
    world.insert_resource(CurrentGame(game));
    // The game (re)enters `Playing` doing nothing until the turn logic sees
    // this and enters the saved phase.
    world.insert_resource(ResumeAt(Phase::from_name(next)));
    world
        .resource_mut::<NextState<GameState>>()
        .set(GameState::Playing);
}

/// Puts a saved game into the world and resumes it at its saved phase; a
/// save that does not fit its own scenario is refused (`path` names it in
/// the error).
pub fn restore(world: &mut World, saved: &SavedGame, path: &str) -> Result<(), SaveError> {
    let (game, next) = saved.clone().into_game(path)?;
    resume_game(world, game, next);
    Ok(())
}

/// A seed from the clock, for a game nobody asked to repeat.
pub fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() % 100_000)
        .unwrap_or(1)
}
