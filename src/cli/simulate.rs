//! `horseshoe simulate`: many AI-only games and their outcome table.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use crate::sim::{self, SimOptions};
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::scenario;

pub fn run(
    file: &Path,
    games: usize,
    seed: u64,
    transcripts: Option<PathBuf>,
    json: bool,
    threads: Option<usize>,
) -> ExitCode {
    let (scenario, batch) = match play_batch(file, games, seed, transcripts, threads) {
        Ok(done) => done,
        Err(code) => return code,
    };
    if json {
        match serde_json::to_string_pretty(&batch) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", sim::table(&batch, &scenario));
    }
    if batch.stalled.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Loads a scenario and plays `games` AI-only games of it (with a progress
/// bar on a terminal); a bad file or an empty batch is reported here.
pub(super) fn play_batch(
    file: &Path,
    games: usize,
    seed: u64,
    transcripts: Option<PathBuf>,
    threads: Option<usize>,
) -> Result<(Arc<CompiledScenario>, sim::Batch), ExitCode> {
    let loaded = scenario::load(file).map_err(|e| {
        eprint!("{}", e.report(super::stderr_is_terminal()));
        ExitCode::FAILURE
    })?;
    if games == 0 {
        eprintln!("nothing to do: --games 0");
        return Err(ExitCode::FAILURE);
    }
    let scenario = Arc::new(CompiledScenario::new(loaded.scenario));
    let options = SimOptions {
        games,
        seed,
        threads: threads.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        }),
        transcripts,
        progress: std::io::stderr().is_terminal(),
    };
    let batch = sim::run(scenario.clone(), &options).map_err(|e| {
        eprintln!("{e}");
        ExitCode::FAILURE
    })?;
    Ok((scenario, batch))
}
