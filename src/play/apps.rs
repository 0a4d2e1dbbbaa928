//! Apps that play a game with no window: one game at a time for tests and
//! servers ([`headless_app`]), or many in a row for batch simulation
//! ([`batch_app`]).

use bevy::prelude::*;

use super::{GamePlugin, GameState, Phase};

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
