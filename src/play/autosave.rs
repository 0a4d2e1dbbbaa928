//! Autosave: the game is written to a file whenever a phase ends, so that a
//! class never loses its session (see `horseshoe_core::save`).

use std::path::PathBuf;

use bevy::prelude::*;
use horseshoe_core::save::SavedGame;

use super::{CurrentGame, PhaseEnded, systems};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        autosave
            .after(systems::advance)
            .run_if(resource_exists::<AutosaveTo>),
    );
}

/// Where to save the game after every phase; without it, nothing is saved
/// (batch simulation).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct AutosaveTo(pub PathBuf);

/// The outcome of the last autosave; the window shows a failure.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct LastAutosave(pub Option<Result<u64, String>>);

/// Saves the game when a phase has ended.
fn autosave(
    mut ended: MessageReader<PhaseEnded>,
    game: Option<Res<CurrentGame>>,
    to: Res<AutosaveTo>,
    mut commands: Commands,
) {
    let Some(next) = ended.read().last().map(|e| e.next) else {
        return;
    };
    let result = match game {
        Some(game) => {
            let saved = SavedGame::capture(&game, next.name());
            saved
                .write(&to.0)
                .map(|()| saved.saved_at)
                .map_err(|e| e.to_string())
        }
        None => Err("there is no game to save".to_string()),
    };
    if let Err(e) = &result {
        error!("autosave failed: {e}");
    }
    commands.insert_resource(LastAutosave(Some(result)));
}
