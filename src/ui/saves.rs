//! Autosaves in the window: where they go, the main menu's "Continue", and
//! `horseshoe play --resume FILE`.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use horseshoe_core::game::GameConfig;
use horseshoe_core::save::{self, SaveError, SavedGame};

use super::desk::Desk;
use super::screens::Screen;
use super::teacher::TeacherDesk;
use crate::play::autosave::{self, AutosaveTo, LastAutosave};
use crate::play::{self, CurrentGame};

/// The folder autosaves are written to and read from.
#[derive(Resource, Debug, Clone)]
pub struct SavesDir(pub PathBuf);

/// The saves found when the main menu opened, newest first.
#[derive(Resource, Debug, Default)]
pub struct SaveList {
    pub saves: Vec<(PathBuf, Result<SavedGame, SaveError>)>,
    /// A save that could not be resumed, to explain on the menu.
    pub failed: Option<String>,
}

impl SaveList {
    /// The newest save that loads.
    pub fn latest(&self) -> Option<(&Path, &SavedGame)> {
        self.saves
            .iter()
            .find_map(|(p, s)| s.as_ref().ok().map(|s| (p.as_path(), s)))
    }

    /// Saves that cannot be read, with their errors.
    pub fn unreadable(&self) -> impl Iterator<Item = &SaveError> {
        self.saves.iter().filter_map(|(_, s)| s.as_ref().err())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SaveList>()
        .add_systems(OnEnter(Screen::Menu), refresh_save_list);
}

fn refresh_save_list(dir: Res<SavesDir>, mut list: ResMut<SaveList>) {
    let failed = list.failed.take();
    *list = SaveList {
        saves: save::list(&dir.0),
        failed,
    };
}

/// The autosave file for a new game.
pub fn autosave_path(dir: &Path, config: &GameConfig) -> PathBuf {
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let stem = crate::storage::file_stem(&[
        &config.scenario.source.id,
        &format!("seed{}", config.seed),
        &started.to_string(),
    ]);
    dir.join(format!("{stem}.ron"))
}

/// Starts a new game that saves itself after every phase.
pub fn start_new_game(world: &mut World, config: GameConfig) {
    let dir = world.resource::<SavesDir>().0.clone();
    let path = autosave_path(&dir, &config);
    world.resource_mut::<Desk>().reset();
    world.remove_resource::<LastAutosave>();
    world.insert_resource(AutosaveTo(path));
    play::start_game(world, config);
}

/// Resumes a saved game in the chamber, saving on into the same file; the
/// inputs of its journal are replayed.
pub fn resume(world: &mut World, path: &Path) -> Result<(), SaveError> {
    autosave::resume_file(world, path)?;
    enter_resumed(world);
    Ok(())
}

/// Plays the game saved at `save` again from the corridors of day `day`,
/// as a new game beside it; on failure the debrief explains.
pub fn play_again(world: &mut World, save: &Path, day: u32) -> Result<(), String> {
    autosave::play_again(world, save, day)?;
    enter_resumed(world);
    Ok(())
}

/// The chamber, after a save was resumed: the room reopens, the timer and
/// the desk start afresh.
fn enter_resumed(world: &mut World) {
    super::classroom::reopen_if_saved(world);
    let seen = world
        .get_resource::<CurrentGame>()
        .map(|g| g.record().entries.len())
        .unwrap_or(0);
    let minutes = world.resource::<TeacherDesk>().minutes_per_phase;
    world.insert_resource(TeacherDesk::with_timer(minutes));
    let mut desk = world.resource_mut::<Desk>();
    desk.reset();
    // Votes already shown before the save are not revealed again.
    desk.seen_entries = seen;
    world
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Chamber);
}

/// Reads and resumes the save at `path`; on failure the menu explains.
pub fn resume_file(world: &mut World, path: &Path) {
    if let Err(e) = resume(world, path) {
        error!("{e}");
        world.resource_mut::<SaveList>().failed = Some(e.to_string());
        world.resource_mut::<NextState<Screen>>().set(Screen::Menu);
    }
}
