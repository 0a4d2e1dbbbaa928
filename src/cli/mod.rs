//! The `horseshoe` command line.

mod audit;
mod check;
mod power;
mod serve;
mod simulate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The scenario played when none is named.
pub const DEFAULT_SCENARIO: &str = "scenarios/gaza-2012.ron";

#[derive(Debug, Parser)]
#[command(
    name = "horseshoe",
    version,
    about = "A UN Security Council simulation game",
    long_about = "Horseshoe: negotiate press statements, presidential statements and resolutions \
                  in the UN Security Council, under its real rules."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the game window (the default when no command is given).
    Play(PlayArgs),
    /// Check scenario files and summarise them; exits non-zero if any is invalid.
    Check {
        /// Scenario files (RON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print each member's voting power (Shapley-Shubik and Banzhaf) under a scenario's rules.
    Power {
        /// Scenario file (RON).
        scenario: PathBuf,
    },
    /// Play many AI-only games and print how often each draft was adopted, blocked or vetoed.
    Simulate {
        /// Scenario file (RON).
        scenario: PathBuf,
        /// Number of games.
        #[arg(long, default_value_t = 100)]
        games: usize,
        /// Seed of the first game; game i uses seed + i.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write each game's transcript (RON) into this folder.
        #[arg(long)]
        transcripts: Option<PathBuf>,
        /// Print the results as JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Worker threads (default: every core).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// For authors: play many AI-only games and say how they end and what never (or always) happens.
    Audit {
        /// Scenario file (RON).
        scenario: PathBuf,
        /// Number of games.
        #[arg(long, default_value_t = 500)]
        games: usize,
        /// Seed of the first game; game i uses seed + i.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print the audit as JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Also write the audit as one self-contained HTML page, with charts.
        #[arg(long, value_name = "PATH")]
        html: Option<PathBuf>,
        /// Worker threads (default: every core).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Run a game with no window, its human delegations played from browsers on the local network.
    Serve(serve::ServeArgs),
    /// Write a game's transcript as a document: every draft, amendment, silence, vote and score.
    Export {
        /// A saved game, or a transcript written by `simulate --transcripts` (RON or JSON).
        file: PathBuf,
        /// Markdown (md) or a self-contained HTML page (html).
        #[arg(long, value_enum, default_value = "html")]
        format: crate::export::Format,
        /// Write here instead of to standard output.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
}

/// Options of the game window.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PlayArgs {
    /// Scenario file to preselect (default: scenarios/gaza-2012.ron).
    pub file: Option<PathBuf>,
    /// Seed of the game (default: from the clock).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Window size, WIDTHxHEIGHT.
    #[arg(long, default_value = "1280x720", value_parser = parse_size)]
    pub size: (u32, u32),
    /// Start in full screen.
    #[arg(long)]
    pub fullscreen: bool,
    /// Play by itself through every screen and exit (for tests and demos).
    #[arg(long)]
    pub autoplay: bool,
    /// With --autoplay: the delegations it plays as humans (codes, repeatable).
    #[arg(long = "human", value_name = "CODE")]
    pub humans: Vec<String>,
    /// With --autoplay: delegations played from devices (codes, repeatable):
    /// the classroom opens and the teacher ends the phases they leave open.
    #[arg(long = "device", value_name = "CODE")]
    pub devices: Vec<String>,
    /// With --autoplay: save a screenshot of each screen into this folder.
    #[arg(long, value_name = "DIR")]
    pub screenshots: Option<PathBuf>,
    /// Continue the game saved in FILE (an autosave).
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// Folder of autosaves (default: the game's data folder).
    #[arg(long, value_name = "DIR")]
    pub saves: Option<PathBuf>,
}

fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{s}` is not WIDTHxHEIGHT, such as 1280x720"))?;
    let w: u32 = w
        .trim()
        .parse()
        .map_err(|_| format!("bad width in `{s}`"))?;
    let h: u32 = h
        .trim()
        .parse()
        .map_err(|_| format!("bad height in `{s}`"))?;
    if !(320..=10_000).contains(&w) || !(240..=10_000).contains(&h) {
        return Err(format!("{w}x{h} is not a usable window size"));
    }
    Ok((w, h))
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Play(args)) => play(args),
        Some(Command::Check { files }) => check::run(&files),
        Some(Command::Power { scenario }) => power::run(&scenario),
        Some(Command::Simulate {
            scenario,
            games,
            seed,
            transcripts,
            json,
            threads,
        }) => simulate::run(&scenario, games, seed, transcripts, json, threads),
        Some(Command::Audit {
            scenario,
            games,
            seed,
            json,
            html,
            threads,
        }) => audit::run(&scenario, games, seed, json, html.as_deref(), threads),
        Some(Command::Export { file, format, out }) => export(&file, format, out.as_deref()),
        Some(Command::Serve(args)) => serve::run(args),
        None => play(PlayArgs {
            size: (1280, 720),
            ..PlayArgs::default()
        }),
    }
}

fn play(args: PlayArgs) -> ExitCode {
    let mut scenarios = Vec::new();
    match args.file {
        Some(f) => {
            // Check it first: a broken file is reported here, clearly.
            if let Err(e) = horseshoe_core::scenario::load(&f) {
                eprint!("{}", e.report(stderr_is_terminal()));
                return ExitCode::FAILURE;
            }
            scenarios.push(f);
        }
        None => {
            let default = PathBuf::from(DEFAULT_SCENARIO);
            if default.exists() {
                scenarios.push(default);
            }
        }
    }
    // A save that cannot be continued is reported here, before the window.
    if let Some(path) = &args.resume
        && let Err(e) = horseshoe_core::save::SavedGame::read(path)
            .and_then(|saved| saved.validate(&path.display().to_string()).map(|_| ()))
    {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let saves_dir = args
        .saves
        .clone()
        .or_else(crate::storage::saves_dir)
        .unwrap_or_else(|| PathBuf::from("saves"));
    let autoplay = (args.autoplay || args.screenshots.is_some()).then(|| crate::ui::Autoplay {
        screenshots: args.screenshots.clone(),
        humans: args.humans.clone(),
        devices: args.devices.clone(),
    });
    let exit = crate::ui::run(crate::ui::WindowOptions {
        scenarios,
        seed: args.seed,
        autoplay,
        size: args.size,
        fullscreen: args.fullscreen,
        saves_dir,
        resume: args.resume.clone(),
    });
    if exit.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn export(
    file: &std::path::Path,
    format: crate::export::Format,
    out: Option<&std::path::Path>,
) -> ExitCode {
    let record = match crate::export::load_record(file) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let document = crate::export::export(&record, format);
    let written = match out {
        Some(path) => std::fs::write(path, document)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(document.as_bytes())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Whether to colour output written to standard error.
fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
