//! The game itself, headless: Bevy states, resources and systems that play a
//! scenario day by day. The same plugin runs headless (see [`headless_app`]) in tests
//! and batch simulation, and under the window.
//!
//! A day has five phases, each a Bevy sub-state of [`GameState::Playing`]:
//! 1. [`Phase::Morning`]: news events move urgency and stances;
//! 2. [`Phase::Consultations`]: drafts are circulated and revised by their penholders;
//! 3. [`Phase::Corridors`]: delegations spend action points (lobby, trade, amend, ...);
//!    the phase waits for every human delegation to end its turn;
//! 4. [`Phase::Decision`]: statements under silence are decided, resolutions voted,
//!    amendments first; it waits for every human decision;
//! 5. [`Phase::Evening`]: triggers fire, scores are updated, the next day begins.
//!
//! Between two phases a game can be saved and later restored ([`save`]).

pub mod actions;
pub mod compiled;
pub mod decision;
pub mod draft;
pub mod record;
pub mod save;
pub mod scoring;
pub mod state;
mod turn;

use std::sync::Arc;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

pub use actions::{Act, ActError, Command};
pub use compiled::{CompiledScenario, DraftId, SeatId};
use record::{MemberLine, PhaseName, RECORD_FORMAT, Record};
use state::*;

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
            .add_message::<ActRefused>()
            .add_message::<TeacherCommand>()
            .init_resource::<PhaseGate>();
        turn::build(app);
    }
}

/// What the teacher (or whoever runs the session) can do to a game in
/// progress. Recorded in the transcript like everything else.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum TeacherCommand {
    /// Ends the current phase now: held phases go on, human delegations'
    /// turns end, and human delegations that have not yet decided follow
    /// their instructions (the AI decides for them, saying so).
    EndPhase,
    /// One of the scenario's news events happens now.
    InjectEvent { event: usize },
    /// A headline of the teacher's own.
    Headline { headline: String, text: String },
    /// A delegation changes hands: a student leaves or joins.
    SetController {
        seat: SeatId,
        controller: Controller,
    },
}

/// A refused act, for the player who tried it.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct ActRefused {
    pub seat: SeatId,
    pub act: Act,
    pub error: ActError,
}

/// Lets a window hold the automatic phases (morning, consultations, evening)
/// until the players have read them. Headless games leave it open.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct PhaseGate {
    pub hold: bool,
    /// Set to let the current held phase end.
    pub proceed: bool,
}

/// How to start a game.
#[derive(Debug, Clone)]
pub struct GameConfig {
    pub scenario: Arc<CompiledScenario>,
    pub seed: u64,
    /// Who controls each seat; missing seats are AI.
    pub controllers: Vec<Controller>,
}

impl GameConfig {
    pub fn all_ai(scenario: Arc<CompiledScenario>, seed: u64) -> Self {
        let n = scenario.seat_count();
        GameConfig {
            scenario,
            seed,
            controllers: vec![Controller::Ai; n],
        }
    }
}

/// Seat to entity.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct Seats(pub Vec<Entity>);

/// Sets up a new game in the world (despawning any previous one) and starts it.
pub fn start_game(world: &mut World, config: GameConfig) {
    let sc = config.scenario;
    let mut rng = GameRng::seeded(config.seed);
    let controllers: Vec<Controller> = (0..sc.seat_count())
        .map(|s| config.controllers.get(s).copied().unwrap_or(Controller::Ai))
        .collect();
    let per_day = sc.source.action_points;
    let seats: Vec<(Controller, ActionPoints)> = controllers
        .iter()
        .map(|&c| {
            (
                c,
                ActionPoints {
                    left: per_day,
                    per_day,
                },
            )
        })
        .collect();
    seat_delegations(world, seats, |seat, d| d.reset(&sc, seat, &mut rng.0));
    // Every game of a scenario starts from the same stances, so from the same
    // outlook: a world that plays many games in a row blends it once.
    let outlook = match world.get_resource::<StartingOutlook>() {
        Some(cached) if Arc::ptr_eq(&cached.scenario, &sc) => cached.outlook.clone(),
        _ => {
            let outlook = blend_outlook(world, &sc);
            world.insert_resource(StartingOutlook {
                scenario: sc.clone(),
                outlook: outlook.clone(),
            });
            outlook
        }
    };
    world.insert_resource(CurrentOutlook(outlook));
    let s = &sc.source;
    let record = Record {
        format: RECORD_FORMAT,
        scenario_id: s.id.clone(),
        scenario_title: s.title.clone(),
        start_date: s.start_date.clone(),
        days: s.days,
        seed: config.seed,
        members: sc
            .members
            .iter()
            .zip(&controllers)
            .map(|(m, c)| MemberLine {
                code: m.code.clone(),
                name: m.name.clone(),
                veto: m.veto,
                human: *c == Controller::Human,
                team: String::new(),
            })
            .collect(),
        what_really_happened: s.what_really_happened.clone(),
        entries: Vec::new(),
        outcome: None,
    };
    world.insert_resource(Clock {
        day: 1,
        days: s.days,
        phase: PhaseName::Morning,
        over: None,
        ending: None,
    });
    world.insert_resource(Crisis {
        urgency: s.initial_urgency,
        events_happened: vec![false; sc.events.len()],
        events_queued: Vec::new(),
        triggers_fired: vec![false; sc.triggers.len()],
    });
    world.insert_resource(Table::new(&sc));
    world.insert_resource(History::default());
    world.insert_resource(Transcript(record));
    world.insert_resource(rng);
    world.insert_resource(decision::DecisionQueue::default());
    world.insert_resource(CurrentScenario(sc));
    world
        .resource_mut::<NextState<GameState>>()
        .set(GameState::Playing);
}

/// The outlook every game of a scenario starts from (it depends only on the
/// scenario's stances, not on the seed), kept for the next game.
#[derive(Resource)]
struct StartingOutlook {
    scenario: Arc<CompiledScenario>,
    outlook: Arc<crate::ai::Outlook>,
}

/// Replaces the delegations in the world (any previous game's) by one per
/// seat, in order, with these controllers and action points; `fill` writes
/// each seat's disposition.
///
/// The previous game's delegation entities are reused, seat by seat, and
/// `fill` writes into their dispositions: a world that plays many games in
/// a row neither despawns nor spawns, and keeps the dispositions' buffers.
pub(crate) fn seat_delegations(
    world: &mut World,
    seats: Vec<(Controller, ActionPoints)>,
    mut fill: impl FnMut(SeatId, &mut Disposition),
) {
    let mut old: Vec<(usize, Entity)> = world
        .query::<(Entity, &Delegation)>()
        .iter(world)
        .map(|(e, d)| (d.seat, e))
        .collect();
    old.sort_unstable();
    for &(_, e) in old.iter().skip(seats.len()) {
        world.despawn(e);
    }
    let mut old = old.into_iter().map(|(_, e)| e);
    let entities: Vec<Entity> = seats
        .into_iter()
        .enumerate()
        .map(|(seat, (controller, points))| {
            let entity = match old.next() {
                Some(e) => {
                    world
                        .entity_mut(e)
                        .insert((Delegation { seat }, controller, points));
                    e
                }
                None => world.spawn((Delegation { seat }, controller, points)).id(),
            };
            let mut entity = world.entity_mut(entity);
            match entity.get_mut::<Disposition>() {
                Some(mut d) => fill(seat, &mut d),
                None => {
                    let mut d = Disposition::blank();
                    fill(seat, &mut d);
                    entity.insert(d);
                }
            }
            entity.id()
        })
        .collect();
    world.insert_resource(Seats(entities));
}

/// The outlook of the delegations in the world: their stances blended.
pub(crate) fn blend_outlook(world: &mut World, sc: &CompiledScenario) -> Arc<crate::ai::Outlook> {
    let mut delegations: Vec<(usize, &Disposition)> = world
        .query::<(&Delegation, &Disposition)>()
        .iter(world)
        .map(|(seat, d)| (seat.seat, d))
        .collect();
    delegations.sort_unstable_by_key(|&(seat, _)| seat);
    let disp: Vec<&Disposition> = delegations.into_iter().map(|(_, d)| d).collect();
    Arc::new(crate::ai::Outlook::new(sc, &disp))
}

/// Runs a headless game to its end, or until it waits on a human delegation
/// for `max_updates` updates. Returns whether the game is over.
pub fn run_until_over(app: &mut App, max_updates: usize) -> bool {
    for _ in 0..max_updates {
        app.update();
        if *app.world().resource::<State<GameState>>().get() == GameState::Over {
            return true;
        }
    }
    false
}

/// A headless app ready to play: Bevy's main schedule, states and the game
/// plugin, and nothing else.
///
/// The game needs no clock, frame count or task pools, so a headless game
/// leaves out even `MinimalPlugins`: their systems ran on every update (the
/// task pools' tick alone was about 4% of a whole game, see
/// `docs/performance.md`). The window adds `DefaultPlugins` instead.
pub fn headless_app() -> App {
    let mut app = App::new();
    app.add_plugins(GamePlugin);
    run_on_one_thread(&mut app);
    app
}

/// A headless app for playing many AI-only games in a row (`simulate`, the
/// benchmarks): [`headless_app`], less the main schedules that have no
/// systems and the state-scoped entity systems.
///
/// A game is over in about forty updates, and an update that does nothing
/// cost about 30,000 instructions (half a percent of a game each):
/// - Bevy runs each of its main schedules on every update, empty or not,
///   and takes each out of its map to run it and puts it back. Systems added
///   to one of the dropped schedules after this would never run, so add
///   them before, or use [`headless_app`].
/// - Bevy cleans up unused one-shot systems in `Last` on every update; the
///   game registers none.
/// - Every state brings nine systems that despawn, disable or enable the
///   entities scoped to its states (`DespawnOnExit` and the like; Bevy 0.19
///   adds them whatever the `States` derive says), run on every update. The
///   game scopes no entity to a state, so a batch leaves them out.
pub fn batch_app() -> App {
    use bevy::app::MainScheduleOrder;
    use bevy::ecs::schedule::Schedules;
    let mut app = headless_app();
    without_state_scoped_entities::<GameState>(&mut app);
    without_state_scoped_entities::<Phase>(&mut app);
    // `Last` holds only Bevy's cleanup of one-shot systems (`World::
    // register_system`), which the game does not use: it empties, and goes.
    let _ = app.remove_systems_in_set(
        bevy::app::Last,
        bevy::ecs::system::despawn_unused_registered_systems,
        bevy::ecs::schedule::ScheduleCleanupPolicy::RemoveSystemsOnly,
    );
    let world = app.world_mut();
    let empty: Vec<_> = {
        let schedules = world.resource::<Schedules>();
        world
            .resource::<MainScheduleOrder>()
            .labels
            .iter()
            .copied()
            .filter(|&label| schedules.get(label).is_none_or(|s| s.systems_len() == 0))
            .collect()
    };
    world
        .resource_mut::<MainScheduleOrder>()
        .labels
        .retain(|label| !empty.contains(label));
    app
}

/// Removes the systems that despawn, disable and enable entities scoped to
/// the states of `S` (see [`batch_app`]).
fn without_state_scoped_entities<S: States>(app: &mut App) {
    use bevy::ecs::schedule::{InternedSystemSet, ScheduleCleanupPolicy::RemoveSystemsOnly};
    use bevy::state::state::StateTransition;
    use bevy::state::state_scoped::*;
    fn set<M>(system: impl IntoSystemSet<M>) -> InternedSystemSet {
        system.into_system_set().intern()
    }
    let sets = [
        set(despawn_entities_on_exit_state::<S>),
        set(disable_entities_on_exit_state::<S>),
        set(enable_entities_on_exit_state::<S>),
        set(despawn_entities_on_enter_state::<S>),
        set(disable_entities_on_enter_state::<S>),
        set(enable_entities_on_enter_state::<S>),
        set(despawn_entities_when_state::<S>),
        set(disable_entities_when_state::<S>),
        set(enable_entities_when_state::<S>),
    ];

    for set in sets {
        // Each is in the schedule once; an error would only mean that a
        // later Bevy no longer adds it, which is what this wants anyway.
        let _ = app.remove_systems_in_set(StateTransition, set, RemoveSystemsOnly);
    }
}

/// Runs every schedule of the app on the calling thread. A headless update
/// is a handful of small systems: handing them to the thread pool costs more
/// than running them. Batch simulation gets its parallelism from playing
/// games on separate threads instead.
fn run_on_one_thread(app: &mut App) {
    use bevy::ecs::schedule::{Schedules, SingleThreadedExecutor};
    for (_, schedule) in app.world_mut().resource_mut::<Schedules>().iter_mut() {
        schedule.set_executor(SingleThreadedExecutor::new());
    }
}
