//! `horseshoe serve`: a game with no window, its human delegations played
//! from browsers on the local network, for a school server and for tests.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use horseshoe_core::game::GameConfig;
use horseshoe_core::game::control::TeacherOrder;
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::model::state::Controller;

use crate::classroom::{self, Room};
use crate::play::autosave::{self, AutosaveTo};
use crate::play::{self, CurrentGame, GameState, TeacherCommand};

/// Options of `horseshoe serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Scenario file (RON); not needed with --resume.
    pub file: Option<PathBuf>,
    /// Port to listen on, on every address of this computer.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// A delegation played from a device (member code, repeatable); the
    /// others are played by the AI.
    #[arg(long = "human", value_name = "CODE")]
    pub humans: Vec<String>,
    /// Write the join codes here, as a JSON object from member code to code.
    #[arg(long, value_name = "PATH")]
    pub codes_out: Option<PathBuf>,
    /// Seed of the game (default: from the clock).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Folder of the autosave (default: the game's data folder).
    #[arg(long, value_name = "DIR")]
    pub saves: Option<PathBuf>,
    /// Continue the game saved in FILE, its room and codes as they were.
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// End each phase that waits for students after this many minutes:
    /// those who have not acted follow their instructions.
    #[arg(long, value_name = "MINUTES")]
    pub minutes: Option<u32>,
}

pub fn run(args: ServeArgs) -> ExitCode {
    match serve(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: ServeArgs) -> Result<(), String> {
    let mut app = play::headless_app();
    app.add_plugins(classroom::plugin);
    let (wake, woken) = mpsc::channel();
    let wake = Mutex::new(wake);
    let waker: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
        if let Ok(wake) = wake.lock() {
            let _ = wake.send(());
        }
    });
    let devices = match &args.resume {
        Some(save) => {
            autosave::resume_file(app.world_mut(), save).map_err(|e| e.to_string())?;
            Vec::new()
        }
        None => start(&mut app, &args)?,
    };
    classroom::open(app.world_mut(), args.port, &devices, waker)
        .map_err(|e| format!("cannot open the classroom on port {}: {e}", args.port))?;
    announce(app.world(), args.codes_out.as_deref())?;
    run_until_stopped(&mut app, &woken, args.minutes);
    Ok(())
}

/// A new game of the scenario, saving itself; returns the device seats.
fn start(app: &mut App, args: &ServeArgs) -> Result<Vec<usize>, String> {
    let file = args
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from(super::DEFAULT_SCENARIO));
    let loaded = horseshoe_core::scenario::load(&file).map_err(|e| e.report(false))?;
    let sc = Arc::new(CompiledScenario::new(loaded.scenario));
    let mut controllers = vec![Controller::Ai; sc.seat_count()];
    let mut devices = Vec::new();
    for code in &args.humans {
        let seat = sc
            .seat_of(code)
            .ok_or_else(|| format!("`{code}` is not a member of {}", file.display()))?;
        controllers[seat] = Controller::Human;
        devices.push(seat);
    }
    let seed = args.seed.unwrap_or_else(play::clock_seed);
    let dir = args
        .saves
        .clone()
        .or_else(crate::storage::saves_dir)
        .unwrap_or_else(|| PathBuf::from("saves"));
    let stem = crate::storage::file_stem(&[&sc.source.id, &format!("seed{seed}"), "class"]);
    let save = dir.join(format!("{stem}.ron"));
    app.insert_resource(AutosaveTo(save));
    play::start_game(
        app.world_mut(),
        GameConfig {
            scenario: sc,
            seed,
            controllers,
        },
    );
    Ok(devices)
}

/// Writes the codes out, then prints where to go and each delegation's
/// code (a script reading the output finds the file written).
fn announce(world: &World, codes_out: Option<&Path>) -> Result<(), String> {
    let (Some(room), Some(game)) = (
        world.get_resource::<Room>(),
        world.get_resource::<CurrentGame>(),
    ) else {
        return Err("the classroom did not open".to_string());
    };
    let sc = game.scenario();
    let r = room.classroom.room();
    let seats: Vec<(usize, String)> = r
        .devices()
        .filter_map(|seat| Some((seat, r.access(seat)?.code.clone())))
        .collect();
    if let Some(path) = codes_out {
        let codes: serde_json::Map<String, serde_json::Value> = seats
            .iter()
            .map(|(seat, code)| (sc.code(*seat).to_string(), code.clone().into()))
            .collect();
        let json = serde_json::to_string_pretty(&codes).map_err(|e| e.to_string())?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!("Horseshoe: {}", sc.source.title);
    if let Some(save) = world.get_resource::<AutosaveTo>() {
        println!("Saving into {} (continue with --resume).", save.0.display());
    }
    println!(
        "Students open {} and type their delegation's code:",
        room.url
    );
    for (seat, code) in &seats {
        println!(
            "  {:<4} {:<24} {code}   {}?code={code}",
            sc.code(*seat),
            sc.name(*seat),
            room.url,
        );
    }
    Ok(())
}

/// Updates the game while it has work of its own, and otherwise waits for
/// the students (or the phase timer), using no CPU while it waits.
fn run_until_stopped(app: &mut App, woken: &mpsc::Receiver<()>, minutes: Option<u32>) {
    let mut timer = PhaseTimer::new(minutes);
    loop {
        let before = progress(app.world());
        app.update();
        let after = progress(app.world());
        timer.check(app.world_mut());
        if after != before {
            continue;
        }
        // Nothing moved: the game waits for the students.
        let _ = woken.recv_timeout(Duration::from_secs(1));
        while woken.try_recv().is_ok() {}
    }
}

/// What changes when the game moves: the record, the phase, the clock.
fn progress(world: &World) -> Option<(usize, u32, String, bool)> {
    let game = world.get_resource::<CurrentGame>()?;
    let state = world.get_resource::<State<GameState>>().map(|s| *s.get());
    Some((
        game.record().entries.len(),
        game.clock().day,
        format!("{:?}{:?}", game.clock().phase, state),
        game.decisions().current.is_some(),
    ))
}

/// Ends a phase that waits for students after the given minutes.
struct PhaseTimer {
    limit: Option<Duration>,
    phase: Option<(u32, String)>,
    since: Instant,
}

impl PhaseTimer {
    fn new(minutes: Option<u32>) -> PhaseTimer {
        PhaseTimer {
            limit: minutes.map(|m| Duration::from_secs(u64::from(m) * 60)),
            phase: None,
            since: Instant::now(),
        }
    }

    fn check(&mut self, world: &mut World) {
        let Some(limit) = self.limit else { return };
        let Some(game) = world.get_resource::<CurrentGame>() else {
            return;
        };
        let now = Some((game.clock().day, format!("{:?}", game.clock().phase)));
        if now != self.phase {
            self.phase = now;
            self.since = Instant::now();
        } else if self.since.elapsed() >= limit && !game.is_over() {
            world.write_message(TeacherCommand(TeacherOrder::EndPhase));
            self.since = Instant::now();
        }
    }
}
