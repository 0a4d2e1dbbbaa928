//! The game window: menus, set-up, briefing, the chamber, the debrief.
//!
//! Rendering and input only: the rules and the AI live in the headless
//! [`GamePlugin`], and every player action is sent to it as a
//! [`crate::play::Command`], as any controller of a seat would. Every screen
//! is egui (through `bevy_egui`), painted with OpenGL by [`painter`]; the
//! window redraws only on input or while the game has something to do
//! ([`redraw`]), so an idle window uses close to no CPU.
//!
//! One Bevy plugin per feature, each a `plugin` function in its module:
//! [`screens`] (one per screen), [`theme`] (the look and the display
//! settings), [`desk`] (who is at the keyboard), [`teacher`],
//! [`classroom`] (students on their devices), [`saves`]
//! (autosave and Continue), [`reload`] (hot reload of a scenario),
//! [`redraw`], [`painter`] and, for tests, [`autoplay`].

mod autoplay;
mod catalog;
mod classroom;
mod desk;
mod painter;
mod redraw;
mod reload;
mod saves;
mod screens;
mod teacher;
mod theme;

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::WinitSettings;
use bevy_egui::{EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, egui};

pub use autoplay::Autoplay;
pub use desk::Desk;

use crate::play::{GamePlugin, PhaseGate};
use theme::display::DisplaySettings;

/// What the window was asked to do on the command line.
#[derive(Debug, Clone, Default)]
pub struct WindowOptions {
    /// Scenario files offered in the picker; the first is preselected.
    pub scenarios: Vec<PathBuf>,
    /// Seed for the first game (otherwise drawn from the clock).
    pub seed: Option<u64>,
    /// Drive the game automatically and save screenshots (for tests).
    pub autoplay: Option<Autoplay>,
    /// Window size in logical pixels.
    pub size: (u32, u32),
    /// Folder of autosaves (read by "Continue").
    pub saves_dir: PathBuf,
    /// A save to resume at once.
    pub resume: Option<PathBuf>,
    pub fullscreen: bool,
}

/// The order of the window's work in each egui pass: the display settings,
/// then the screen, then what is drawn over it (the teacher's window).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum UiPass {
    Display,
    Screen,
    Overlay,
}

/// The order of the window's work in each update: follow the game, then
/// move between screens, then decide when to draw next.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum UiUpdate {
    Follow,
    Navigate,
    Redraw,
}

/// Opens the window and runs until it is closed.
pub fn run(options: WindowOptions) -> AppExit {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Horseshoe: the UN Security Council".to_string(),
                    resolution: WindowResolution::new(options.size.0, options.size.1),
                    ..default()
                }),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: "warn,horseshoe=info".into(),
                ..default()
            }),
    )
    .add_plugins((EguiPlugin::default(), GamePlugin))
    .configure_sets(
        EguiPrimaryContextPass,
        (UiPass::Display, UiPass::Screen, UiPass::Overlay).chain(),
    )
    .configure_sets(
        Update,
        (UiUpdate::Follow, UiUpdate::Navigate, UiUpdate::Redraw).chain(),
    )
    .add_plugins((
        painter::plugin,
        theme::display::plugin,
        screens::plugin,
        desk::plugin,
        teacher::plugin,
        classroom::plugin,
        saves::plugin,
        reload::plugin,
        redraw::plugin,
    ))
    .insert_resource(if options.autoplay.is_some() {
        WinitSettings::continuous()
    } else {
        WinitSettings::desktop_app()
    })
    .insert_resource(DisplaySettings {
        fullscreen: options.fullscreen,
        ..default()
    })
    // The window holds the automatic phases until the room has read them.
    .insert_resource(PhaseGate {
        hold: true,
        proceed: false,
    })
    .insert_resource(catalog::Catalog::new(&options.scenarios))
    .insert_resource(saves::SavesDir(options.saves_dir.clone()))
    .insert_resource(screens::SetupChoices::new(options.seed))
    .add_systems(Startup, (spawn_camera, configure_egui));
    if let Some(path) = options.resume.clone() {
        app.add_systems(Startup, move |mut commands: Commands| {
            let path = path.clone();
            commands.queue(move |world: &mut World| saves::resume_file(world, &path));
        });
    }
    if let Some(a) = options.autoplay {
        autoplay::install(&mut app, a);
    }
    app.run()
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

fn configure_egui(mut settings: ResMut<EguiGlobalSettings>) {
    settings.enable_absorb_bevy_input_system = false;
}

/// The root `Ui` covering the whole window, for panels.
fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}
