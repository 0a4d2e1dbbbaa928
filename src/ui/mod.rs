//! The game window: menus, set-up, briefing, the chamber, the debrief.
//!
//! Rendering and input only: the rules and the AI live in the headless
//! [`GamePlugin`], and every player action is sent to it as a
//! [`crate::play::Command`], exactly as the AI acts. Every screen is egui
//! (through `bevy_egui`), painted with OpenGL by [`painter`]; the window
//! redraws only on input or while the game has something to do, so an idle
//! window uses close to no CPU.

mod autoplay;
mod briefing;
mod chamber;
mod debrief;
mod desk;
mod menu;
mod painter;
mod reload;
mod saves;
mod setup;
mod style;
mod teacher;

use std::path::PathBuf;
use std::time::Duration;

use bevy::prelude::*;
use bevy::window::{PrimaryWindow, RequestRedraw, WindowResolution};
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiInput, EguiInputSet, EguiPlugin, EguiPreUpdateSet,
    EguiPrimaryContextPass, egui,
};

use crate::play::{GamePlugin, GameState, Phase, PhaseGate};
pub use autoplay::Autoplay;
pub use desk::Desk;

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

/// Which screen is showing.
#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Menu,
    Settings,
    Setup,
    Briefing,
    Chamber,
    Debrief,
}

/// Display settings, changed in the settings screen or with Ctrl +/-.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct DisplaySettings {
    /// Multiplies every text and widget size.
    pub text_scale: f32,
    pub fullscreen: bool,
}

impl Default for DisplaySettings {
    fn default() -> Self {
        DisplaySettings {
            text_scale: 1.0,
            fullscreen: false,
        }
    }
}

/// Opens the window and runs until it is closed.
pub fn run(options: WindowOptions) -> AppExit {
    let title = "Horseshoe: the UN Security Council".to_string();
    let autoplay = options.autoplay.is_some();
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title,
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
    .add_plugins(EguiPlugin::default())
    .add_plugins(painter::PainterPlugin)
    .add_plugins(GamePlugin)
    .insert_resource(if autoplay {
        WinitSettings::continuous()
    } else {
        WinitSettings::desktop_app()
    })
    .insert_resource(DisplaySettings {
        fullscreen: options.fullscreen,
        ..default()
    })
    .insert_resource(PhaseGate {
        hold: true,
        proceed: false,
    })
    .insert_resource(menu::Catalog::new(&options.scenarios))
    .insert_resource(saves::SavesDir(options.saves_dir.clone()))
    .init_resource::<saves::SaveList>()
    .add_systems(OnEnter(Screen::Menu), saves::refresh_save_list)
    .insert_resource(setup::SetupChoices::new(options.seed))
    .init_resource::<Desk>()
    .init_resource::<teacher::TeacherDesk>()
    .init_state::<Screen>()
    .add_systems(Startup, (spawn_camera, configure_egui))
    .add_systems(
        PreUpdate,
        quiet_modifier_events
            .after(EguiInputSet::WriteEguiEvents)
            .before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(
        EguiPrimaryContextPass,
        (
            apply_display_settings,
            menu::menu_screen.run_if(in_state(Screen::Menu)),
            menu::settings_screen.run_if(in_state(Screen::Settings)),
            setup::setup_screen.run_if(in_state(Screen::Setup)),
            briefing::briefing_screen.run_if(in_state(Screen::Briefing)),
            chamber::chamber_screen.run_if(in_state(Screen::Chamber)),
            debrief::debrief_screen.run_if(in_state(Screen::Debrief)),
            teacher::teacher_screen.run_if(in_state(Screen::Chamber)),
        )
            .chain(),
    )
    .add_systems(
        Update,
        (
            desk::follow_game
                .run_if(in_state(GameState::Playing).or_else(in_state(GameState::Over))),
            to_debrief_when_over,
            keep_game_moving,
            teacher::run_phase_timer,
            choose_update_mode,
        )
            .chain(),
    )
    .add_systems(
        Update,
        reload::watch_scenario_file
            .run_if(in_state(Screen::Setup).or_else(in_state(Screen::Briefing))),
    );
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

/// bevy_egui adds a `ModifiersChanged` event to every frame's input, and egui
/// asks for another frame whenever a frame had any event: the window then
/// redraws forever (measured: 43% of a core, idle at the menu). egui keeps
/// the modifier state between frames, so the event is only passed on when
/// the modifiers really changed, and an idle window waits for real input.
fn quiet_modifier_events(
    mut inputs: Query<&mut EguiInput>,
    mut last: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.events.retain(|e| match e {
            egui::Event::ModifiersChanged(m) if *last == Some(*m) => false,
            egui::Event::ModifiersChanged(m) => {
                *last = Some(*m);
                true
            }
            _ => true,
        });
    }
}

/// Scales egui so that 1280x720 and a 1920x1080 projector show the same
/// layout, times the player's text scale; and applies full screen.
fn apply_display_settings(
    mut contexts: EguiContexts,
    mut settings: ResMut<DisplaySettings>,
    mut window: Single<&mut Window, With<PrimaryWindow>>,
    mut styled: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !*styled {
        style::install(ctx);
        *styled = true;
    }
    menu::global_keys(ctx, &mut settings);
    let logical_height = window.height().max(1.0);
    let fit = (logical_height / 720.0).clamp(0.75, 3.0);
    let zoom = fit * settings.text_scale;
    if (ctx.zoom_factor() - zoom).abs() > 0.001 {
        ctx.set_zoom_factor(zoom);
    }
    let mode = if settings.fullscreen {
        bevy::window::WindowMode::BorderlessFullscreen(bevy::window::MonitorSelection::Current)
    } else {
        bevy::window::WindowMode::Windowed
    };
    if window.mode != mode {
        window.mode = mode;
    }
    Ok(())
}

fn to_debrief_when_over(
    game: Res<State<GameState>>,
    screen: Res<State<Screen>>,
    desk: Res<Desk>,
    mut next: ResMut<NextState<Screen>>,
) {
    if *game.get() == GameState::Over
        && *screen.get() == Screen::Chamber
        && desk.reveal.is_none()
        && desk.wants_debrief
    {
        next.set(Screen::Debrief);
    }
}

/// In reactive mode the window only updates on input: while the game has
/// automatic work to do (AI phases), ask for the next frame.
fn keep_game_moving(
    game: Res<State<GameState>>,
    phase: Option<Res<State<Phase>>>,
    gate: Res<PhaseGate>,
    desk: Res<Desk>,
    next_phase: Option<Res<NextState<Phase>>>,
    next_game: Res<NextState<GameState>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let pending_transition = matches!(*next_game, NextState::Pending(_))
        || next_phase.is_some_and(|n| matches!(*n, NextState::Pending(_)));
    let busy = match (game.get(), phase.as_deref().map(State::get)) {
        (GameState::Playing, Some(Phase::Morning | Phase::Consultations | Phase::Evening)) => {
            !gate.hold || gate.proceed
        }
        (GameState::Playing, Some(Phase::Decision)) => !desk.waiting_for_human,
        _ => false,
    };
    if pending_transition || busy || desk.reveal.is_some() {
        redraw.write(RequestRedraw);
    }
}

/// The window waits for input, but ticks once a second while something
/// changes by itself: the teacher's countdown, or a scenario file being
/// edited (set-up and briefing). The scripted player's continuous mode is
/// left alone.
fn choose_update_mode(
    screen: Res<State<Screen>>,
    game: Res<State<GameState>>,
    teacher: Res<teacher::TeacherDesk>,
    mut winit: ResMut<WinitSettings>,
) {
    if winit.focused_mode == UpdateMode::Continuous {
        return;
    }
    let countdown = teacher.minutes_per_phase.is_some()
        && *game.get() == GameState::Playing
        && *screen.get() == Screen::Chamber;
    let watching = matches!(screen.get(), Screen::Setup | Screen::Briefing);
    let wanted = if countdown || watching {
        WinitSettings {
            focused_mode: UpdateMode::reactive(Duration::from_secs(1)),
            unfocused_mode: UpdateMode::reactive_low_power(Duration::from_secs(1)),
        }
    } else {
        WinitSettings::desktop_app()
    };
    if winit.focused_mode != wanted.focused_mode || winit.unfocused_mode != wanted.unfocused_mode {
        *winit = wanted;
    }
}

/// The root `Ui` covering the whole window, for panels.
pub(crate) fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}
