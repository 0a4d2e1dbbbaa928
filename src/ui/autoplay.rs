//! A scripted player for the window smoke test: walks every screen, plays
//! the human delegations with the AI's own choices, takes a screenshot of
//! each kind of screen, and exits at the debrief.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bevy::prelude::*;
use horseshoe_core::ai::Situation;
use horseshoe_core::game::GameConfig;
use horseshoe_core::model::act::Act;
use horseshoe_core::model::record::PhaseName;
use horseshoe_core::model::state::{Controller, GameRng, Table};

use super::catalog::Catalog;
use super::desk::Desk;
use super::painter::ScreenshotQueue;
use super::screens::{Screen, SetupChoices};
use super::teacher::TeacherDesk;

use crate::play::{Command, CurrentGame, GameState, Phase, PhaseGate, TeacherCommand};
use horseshoe_core::game::control::TeacherOrder;

/// What the scripted player does.
#[derive(Debug, Clone, Default)]
pub struct Autoplay {
    /// Save a PNG of each kind of screen here.
    pub screenshots: Option<PathBuf>,
    /// Codes of the delegations it plays as humans.
    pub humans: Vec<String>,
    /// Codes of delegations played from devices: the room opens, the
    /// teacher's window with a QR code is photographed, and the teacher
    /// ends each phase that waits for them.
    pub devices: Vec<String>,
}

#[derive(Resource)]
struct Script {
    config: Autoplay,
    /// The stage now on screen and for how many frames.
    stage: String,
    frames: u32,
    /// Stages already photographed.
    shot: Vec<String>,
    capturing: Option<Arc<AtomicBool>>,
    counter: u32,
    /// Frames since anything last changed, to catch a stalled game.
    idle: u32,
    visited_settings: bool,
    /// The teacher's classroom panel has been shown.
    classroom_shown: bool,
}

/// Frames to let a screen settle before photographing it.
const SETTLE: u32 = 12;
/// Frames before acting on a screen already photographed.
const ACT_AFTER: u32 = 2;
/// Frames without progress before the run is declared stuck.
const STUCK: u32 = 3000;

pub fn install(app: &mut App, config: Autoplay) {
    if let Some(dir) = &config.screenshots
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        error!("cannot create {}: {e}", dir.display());
    }
    app.insert_resource(Script {
        config,
        stage: String::new(),
        frames: 0,
        shot: Vec::new(),
        capturing: None,
        counter: 0,
        idle: 0,
        visited_settings: false,
        classroom_shown: false,
    })
    .add_systems(Last, step);
}

/// Which stage is on screen, and whether the script must act on it.
fn current_stage(world: &World) -> String {
    let screen = *world.resource::<State<Screen>>().get();
    let desk = world.resource::<Desk>();
    match screen {
        Screen::Menu => "menu".into(),
        Screen::Settings => "settings".into(),
        Screen::Setup => "setup".into(),
        Screen::Briefing => "briefing".into(),
        Screen::Debrief => "debrief".into(),
        Screen::Chamber => {
            if desk.handover_to.is_some() {
                return "handover".into();
            }
            if desk.reveal.is_some() {
                return "reveal".into();
            }
            let script = world.resource::<Script>();
            if !script.config.devices.is_empty() && !script.classroom_shown {
                return "classroom".into();
            }
            let game = world.get_resource::<State<GameState>>().map(|s| *s.get());
            if game == Some(GameState::Over) {
                return "over".into();
            }
            match world.get_resource::<State<Phase>>().map(|p| *p.get()) {
                Some(Phase::Morning) => "morning".into(),
                Some(Phase::Consultations) => "consultations".into(),
                Some(Phase::Corridors) => "corridors".into(),
                Some(Phase::Decision) => "decision".into(),
                Some(Phase::Evening) => "evening".into(),
                None => "chamber".into(),
            }
        }
    }
}

fn step(world: &mut World) {
    let stage = current_stage(world);
    if stage == "classroom" {
        show_classroom(world);
    }
    let day = world
        .get_resource::<CurrentGame>()
        .map(|g| g.clock().day)
        .unwrap_or(0);
    let stage_key = format!("{stage}-{day}");
    {
        let mut script = world.resource_mut::<Script>();
        if script.stage != stage_key {
            script.stage = stage_key;
            script.frames = 0;
            script.idle = 0;
        } else {
            script.frames += 1;
            script.idle += 1;
        }
        if script.idle > STUCK {
            error!("autoplay: stuck on stage {stage}");
            world.write_message(AppExit::error());
            return;
        }
        if let Some(flag) = &script.capturing {
            if !flag.load(Ordering::SeqCst) {
                return;
            }
            script.capturing = None;
        }
        // Let a screen settle before photographing it; act on the others
        // almost at once, so that a whole game stays quick under software
        // rendering.
        let photographing = script.config.screenshots.is_some() && !script.shot.contains(&stage);
        if script.frames < if photographing { SETTLE } else { ACT_AFTER } {
            return;
        }
    }
    // Photograph each kind of stage once.
    let photograph = {
        let script = world.resource::<Script>();
        script
            .config
            .screenshots
            .clone()
            .filter(|_| !script.shot.contains(&stage))
    };
    if let Some(dir) = photograph {
        let path = {
            let mut script = world.resource_mut::<Script>();
            script.shot.push(stage.clone());
            script.counter += 1;
            dir.join(format!("{:02}-{stage}.png", script.counter))
        };
        let flag = world.resource_mut::<ScreenshotQueue>().request(path);
        world.resource_mut::<Script>().capturing = Some(flag);
        return;
    }
    act(world, &stage);
    world.resource_mut::<Script>().frames = 0;
}

/// Opens the teacher's window with the first device seat's QR code.
fn show_classroom(world: &mut World) {
    let first = super::classroom::first_device(world);
    let mut teacher = world.resource_mut::<TeacherDesk>();
    teacher.open = true;
    teacher.shown_qr = first;
}

/// Does what a player would do on this stage.
fn act(world: &mut World, stage: &str) {
    match stage {
        "menu" => {
            let visited = world.resource::<Script>().visited_settings;
            let next = if visited {
                Screen::Setup
            } else {
                Screen::Settings
            };
            world.resource_mut::<Script>().visited_settings = true;
            world.resource_mut::<NextState<Screen>>().set(next);
        }
        "settings" => world.resource_mut::<NextState<Screen>>().set(Screen::Menu),
        "setup" => set_up(world),
        "briefing" => world
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Chamber),
        "handover" => {
            let mut desk = world.resource_mut::<Desk>();
            desk.viewer = desk.handover_to.take();
        }
        "reveal" => world.resource_mut::<Desk>().reveal = None,
        "morning" | "consultations" | "evening" => {
            world.resource_mut::<PhaseGate>().proceed = true;
        }
        "classroom" => {
            world.resource_mut::<Script>().classroom_shown = true;
            let mut teacher = world.resource_mut::<TeacherDesk>();
            teacher.open = false;
            teacher.shown_qr = None;
        }
        "corridors" | "decision" if !keyboard_waited_for(world) => {
            // Only students on devices are waited for: the teacher ends
            // the phase, as in a class where they do not answer.
            world.write_message(TeacherCommand(TeacherOrder::EndPhase));
        }
        "corridors" => corridors(world),
        "decision" => decide(world),
        "over" => world.resource_mut::<Desk>().wants_debrief = true,
        "debrief" => {
            world.write_message(AppExit::Success);
        }
        _ => {}
    }
}

/// Whether the game waits for the player at the keyboard (rather than for
/// students on their devices).
fn keyboard_waited_for(world: &World) -> bool {
    let (Some(me), Some(game)) = (
        world.resource::<Desk>().viewer,
        world.get_resource::<CurrentGame>(),
    ) else {
        return false;
    };
    match game.clock().phase {
        PhaseName::Corridors => !game.turns().done.get(me).copied().unwrap_or(true),
        PhaseName::Decision => game.decisions().waits_for(me),
        _ => false,
    }
}

/// Starts the game with the script's human delegations.
fn set_up(world: &mut World) {
    let Some(Ok(sc)) = world
        .resource::<Catalog>()
        .current()
        .map(|e| e.loaded.clone())
    else {
        world.write_message(AppExit::error());
        return;
    };
    let config = world.resource::<Script>().config.clone();
    let seed = world.resource::<SetupChoices>().seed().unwrap_or(1);
    let named = |list: &[String], s: usize| list.iter().any(|h| h == sc.code(s));
    let controllers = (0..sc.seat_count())
        .map(|s| {
            if named(&config.humans, s) || named(&config.devices, s) {
                Controller::Human
            } else {
                Controller::Ai
            }
        })
        .collect();
    let devices: Vec<usize> = (0..sc.seat_count())
        .filter(|&s| named(&config.devices, s))
        .collect();
    let game = GameConfig {
        scenario: sc,
        seed,
        controllers,
    };
    super::saves::start_new_game(world, game);
    if !devices.is_empty() {
        super::classroom::open_room(world, &devices);
    }
    world
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Briefing);
}

/// The player at the keyboard takes the AI's first corridor action, then
/// ends its turn.
fn corridors(world: &mut World) {
    let Some(me) = world.resource::<Desk>().viewer else {
        return;
    };
    let acts = with_situation(world, |sit, table| {
        let mut rng = GameRng::seeded(1).0;
        horseshoe_core::ai::corridors::plan(sit, me, table, 1, &mut rng)
    });
    for act in acts.into_iter().flatten().take(1) {
        world.write_message(Command::new(me, act));
    }
    world.write_message(Command::new(me, Act::EndTurn));
}

/// The player at the keyboard decides as the AI would.
fn decide(world: &mut World) {
    let Some(me) = world.resource::<Desk>().viewer else {
        return;
    };
    let Some(current) = world
        .get_resource::<CurrentGame>()
        .and_then(|g| g.decisions().current.clone())
    else {
        return;
    };
    if current.choices.get(me).is_none_or(Option::is_some) {
        return;
    }
    let act = world
        .get_resource::<CurrentGame>()
        .and_then(|g| g.ai_decision(me));
    if let Some(act) = act {
        world.write_message(Command::new(me, act));
    }
}

/// Runs `f` with the game's situation and table.
fn with_situation<T>(world: &World, f: impl FnOnce(&Situation, &Table) -> T) -> Option<T> {
    let game = world.get_resource::<CurrentGame>()?;
    Some(f(&game.situation(), game.table()))
}
