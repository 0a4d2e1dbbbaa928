//! Hot reload for scenario authors: while a scenario is open in the set-up
//! or briefing screen, saving the file in an editor reloads it. A broken
//! edit shows the `check` errors in the window and keeps the last good
//! version; a good one replaces it (in the briefing, the game restarts on
//! the new version with the same seed and players).
//!
//! The file's modification time is polled once a second: one file, no
//! watcher thread, and it works on every platform and network drive.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::egui;

use horseshoe_core::game::GameConfig;

use super::catalog::{Catalog, CatalogEntry};
use super::screens::Screen;
use super::{saves, theme};
use crate::play::CurrentGame;

/// Seconds between two looks at the file.
const POLL: f64 = 1.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        watch_scenario_file.run_if(in_state(Screen::Setup).or_else(in_state(Screen::Briefing))),
    );
}

fn watch_scenario_file(world: &mut World, mut next_look: Local<f64>) {
    let now = world.resource::<Time<Real>>().elapsed_secs_f64();
    if now < *next_look {
        return;
    }
    *next_look = now + POLL;
    let (changed, error_before, error_after) = {
        let mut catalog = world.resource_mut::<Catalog>();
        let selected = catalog.selected;
        let Some(entry) = catalog.entries.get_mut(selected) else {
            return;
        };
        let before = entry.reload_error.clone();
        let changed = entry.reload_if_changed();
        (changed, before, entry.reload_error.clone())
    };
    if changed && *world.resource::<State<Screen>>().get() == Screen::Briefing {
        restart_on_new_version(world);
    }
    if changed || error_before != error_after {
        world.write_message(RequestRedraw);
    }
}

/// The briefing's game starts again on the reloaded scenario, same seed
/// and players; if the Council itself changed, back to the set-up.
fn restart_on_new_version(world: &mut World) {
    let Some(Ok(sc)) = world
        .resource::<Catalog>()
        .current()
        .map(|e| e.loaded.clone())
    else {
        return;
    };
    let playing = world
        .get_resource::<CurrentGame>()
        .map(|g| (g.record().seed, g.controllers().to_vec()));
    match playing {
        Some((seed, controllers)) if controllers.len() == sc.seat_count() => {
            saves::start_new_game(
                world,
                GameConfig {
                    scenario: sc,
                    seed,
                    controllers,
                },
            );
        }
        _ => world.resource_mut::<NextState<Screen>>().set(Screen::Setup),
    }
}

/// Under a screen's title: the errors of a broken edit, or that the file was
/// reloaded.
pub fn reload_banner(ui: &mut egui::Ui, entry: &CatalogEntry) {
    if let Some(report) = &entry.reload_error {
        ui.colored_label(
            theme::RED,
            format!(
                "{} was edited and has errors: the last good version stays in use until they are fixed.",
                entry.path.display()
            ),
        );
        egui::ScrollArea::vertical()
            .id_salt("reload_errors")
            .max_height(160.0)
            .show(ui, |ui| {
                ui.label(egui::RichText::new(report).monospace().size(theme::SMALL));
            });
    } else if entry.reloaded.is_some() {
        ui.colored_label(
            theme::GREEN,
            format!("Reloaded {} after it was edited.", entry.path.display()),
        );
    }
}
