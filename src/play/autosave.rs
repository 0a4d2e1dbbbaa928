//! Autosave: a snapshot of the game when it starts and whenever a phase
//! ends, and between two snapshots a journal of every input accepted, so
//! that a crash loses nothing a player was told was done (see
//! `horseshoe_core::save` and `horseshoe_core::journal`). Resuming a save
//! replays its journal once the saved phase has begun.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use horseshoe_core::journal::{Input, Journal, Stamp};
use horseshoe_core::model::record::PhaseName;
use horseshoe_core::save::{ClassroomSave, SaveError, SavedGame};

use super::{CurrentGame, Phase, PhaseEnded, PhaseGate, ResumeAt, Turn};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            replay
                .in_set(Turn::Replay)
                .run_if(resource_exists::<Replay>.and_then(not(resource_exists::<ResumeAt>))),
            autosave
                .after(Turn::Advance)
                .run_if(resource_exists::<AutosaveTo>),
        ),
    );
}

/// Where to save the game; without it, nothing is saved (batch simulation).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct AutosaveTo(pub PathBuf);

/// The outcome of the last write (snapshot or journal); the window shows a
/// failure.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct LastAutosave(pub Option<Result<u64, String>>);

/// The journal of inputs since the last snapshot.
#[derive(Resource, Debug)]
pub struct ActiveJournal(Journal);

/// Inputs of a restored save's journal, replayed once its phase has begun.
#[derive(Resource, Debug)]
struct Replay(VecDeque<Input>);

/// The classroom of a game played from devices, as its save carries it:
/// kept up to date by the classroom, written into every snapshot, and
/// each change journaled.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct SavedRoom(pub ClassroomSave);

/// The classroom changed: it goes into the journal at once, so that a
/// crash does not bring back an old code or token.
pub fn room_changed(world: &mut World, room: ClassroomSave) {
    world.insert_resource(SavedRoom(room.clone()));
    let input = Input::Room(room);
    let failed = world
        .get_resource_mut::<ActiveJournal>()
        .and_then(|mut journal| {
            let path = journal.0.path().display().to_string();
            journal
                .0
                .append(&input)
                .err()
                .map(|e| format!("cannot write to {path}: {e}"))
        });
    if let Some(e) = failed {
        error!("{e}");
        world.insert_resource(LastAutosave(Some(Err(e))));
    }
}

/// Writes a snapshot of the game, about to enter `next`, and starts its
/// journal.
pub fn snapshot(world: &mut World, next: PhaseName) {
    let Some(path) = world.get_resource::<AutosaveTo>().map(|a| a.0.clone()) else {
        return;
    };
    let result = match world.get_resource::<CurrentGame>() {
        Some(game) => {
            let mut saved = SavedGame::capture(game, next);
            saved.classroom = world.get_resource::<SavedRoom>().map(|r| r.0.clone());
            if next == PhaseName::Corridors {
                keep_moment(&saved, &path);
            }
            write_snapshot(&saved, &path).map(|journal| {
                world.insert_resource(ActiveJournal(journal));
                saved.saved_at
            })
        }
        None => Err("there is no game to save".to_string()),
    };
    if let Err(e) = &result {
        error!("autosave failed: {e}");
        world.remove_resource::<ActiveJournal>();
    }
    world.insert_resource(LastAutosave(Some(result)));
}

/// The folder of a save's moments: a snapshot of each day's corridors, from
/// which the class may play the crisis again (see [`play_again`]).
pub fn moments_dir(save: &Path) -> PathBuf {
    save.with_extension("moments")
}

/// The snapshot of day `day`'s corridors of the game saved at `save`.
pub fn moment_path(save: &Path, day: u32) -> PathBuf {
    moments_dir(save).join(format!("day{day}.ron"))
}

/// Keeps the snapshot of a day's corridors. A failure costs only the
/// chance to play again from that day: it is logged, and the game goes on.
fn keep_moment(saved: &SavedGame, save: &Path) {
    let path = moment_path(save, saved.clock.day);
    let written = std::fs::create_dir_all(moments_dir(save))
        .map_err(|e| e.to_string())
        .and_then(|()| saved.write(&path).map_err(|e| e.to_string()));
    if let Err(e) = written {
        warn!("cannot keep {}: {e}", path.display());
    }
}

/// Plays the game saved at `save` again from the corridors of day `day`, as
/// a new game saved beside it (`…-again-2.ron`): the first game's save and
/// transcript stay as they were. Returns the new save's path.
pub fn play_again(world: &mut World, save: &Path, day: u32) -> Result<PathBuf, String> {
    let moment = moment_path(save, day);
    let saved = SavedGame::read(&moment).map_err(|e| e.to_string())?;
    let stem = save
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "game".into());
    let branch = (2..)
        .map(|n| save.with_file_name(format!("{stem}-again-{n}.ron")))
        .find(|p| !p.exists())
        .ok_or("no free name for the new game")?;
    saved.write(&branch).map_err(|e| e.to_string())?;
    // The moments before this one belong to the new game too.
    for earlier in 1..=day {
        let from = moment_path(save, earlier);
        if from.exists() {
            let to = moment_path(&branch, earlier);
            std::fs::create_dir_all(moments_dir(&branch)).map_err(|e| e.to_string())?;
            std::fs::copy(&from, &to).map_err(|e| e.to_string())?;
        }
    }
    resume_file(world, &branch).map_err(|e| e.to_string())?;
    let from = format!(
        "a branch of {}",
        save.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    );
    if let Some(mut game) = world.get_resource_mut::<CurrentGame>() {
        game.play_again_from(&from);
    }
    // The branch's own first snapshot holds that line.
    snapshot(world, PhaseName::Corridors);
    Ok(branch)
}

fn write_snapshot(saved: &SavedGame, path: &Path) -> Result<Journal, String> {
    saved.write(path).map_err(|e| e.to_string())?;
    Journal::start(path, Stamp::of(saved)).map_err(|e| format!("cannot start the journal: {e}"))
}

/// Saves the game when a phase has ended.
fn autosave(world: &mut World, mut cursor: Local<bevy::ecs::message::MessageCursor<PhaseEnded>>) {
    let messages = world.resource::<Messages<PhaseEnded>>();
    let Some(next) = cursor.read(messages).last().map(|e| e.next) else {
        return;
    };
    snapshot(world, next.name());
}

/// Writes an accepted input to the journal, flushed to disk, before it is
/// acknowledged. A failure is shown, and the game goes on.
pub(super) fn journal(
    journal: &mut Option<ResMut<ActiveJournal>>,
    last: &mut Option<ResMut<LastAutosave>>,
    input: &Input,
) {
    let Some(journal) = journal else { return };
    if let Err(e) = journal.0.append(input) {
        let e = format!("cannot write to {}: {e}", journal.0.path().display());
        error!("{e}");
        if let Some(last) = last {
            last.0 = Some(Err(e));
        }
    }
}

/// Resumes the save at `path` and goes on saving into it: the game enters
/// its saved phase, then replays the inputs of its journal.
pub fn resume_file(world: &mut World, path: &Path) -> Result<(), SaveError> {
    let saved = SavedGame::read(path)?;
    super::restore(world, &saved, &path.display().to_string())?;
    world.insert_resource(AutosaveTo(path.to_path_buf()));
    world.remove_resource::<SavedRoom>();
    if let Some(room) = &saved.classroom {
        world.insert_resource(SavedRoom(room.clone()));
    }
    match Journal::resume(path, Stamp::of(&saved)) {
        Ok((journal, inputs)) => {
            // The room as it was last: its changes are applied at once (the
            // classroom reopens from it), the game's inputs once the saved
            // phase has begun.
            for input in &inputs {
                if let Input::Room(room) = input {
                    world.insert_resource(SavedRoom(room.clone()));
                }
            }
            world.insert_resource(ActiveJournal(journal));
            world.insert_resource(Replay(inputs.into()));
            world.insert_resource(LastAutosave(None));
        }
        Err(e) => {
            let e = format!("cannot reopen the journal: {e}");
            world.insert_resource(LastAutosave(Some(Err(e))));
        }
    }
    Ok(())
}

/// Replays a restored journal, input by input, as the inputs were first
/// carried out.
fn replay(world: &mut World) {
    let Some(Replay(inputs)) = world.remove_resource::<Replay>() else {
        return;
    };
    let phase = world.resource::<State<Phase>>().get().name();
    let mut release = false;
    let mut game = world.resource_mut::<CurrentGame>();
    for input in inputs {
        match input {
            Input::Act { seat, act } => {
                let _ = game.command(seat, &act);
            }
            Input::Teacher(order) => {
                release |= game.teacher(&order, phase)
                    == horseshoe_core::game::control::OrderEffect::ReleasePhase;
            }
            // Applied when the save was resumed.
            Input::Room(_) => {}
        }
        if phase == PhaseName::Decision {
            game.run_decisions();
        }
    }
    if release {
        world.resource_mut::<PhaseGate>().proceed = true;
    }
}
