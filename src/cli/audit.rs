//! `horseshoe audit`: a scenario's games as an author needs to see them.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::audit;
use crate::sim::{self, SimOptions};
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::scenario;

/// Seeds each seat is played on by each strategy.
const STRATEGY_GAMES: u64 = 20;

pub fn run(
    file: &Path,
    games: usize,
    seed: u64,
    json: bool,
    html: Option<&Path>,
    threads: Option<usize>,
) -> ExitCode {
    let loaded = match scenario::load(file) {
        Ok(l) => l,
        Err(e) => {
            eprint!("{}", e.report(super::stderr_is_terminal()));
            return ExitCode::FAILURE;
        }
    };
    if games == 0 {
        eprintln!("nothing to do: --games 0");
        return ExitCode::FAILURE;
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
        transcripts: None,
        progress: std::io::stderr().is_terminal(),
    };
    let batch = match sim::run(scenario.clone(), &options) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let found = audit::audit(&batch, &scenario, STRATEGY_GAMES);
    if json {
        match serde_json::to_string_pretty(&found) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", audit::table(&found));
    }
    if let Some(path) = html {
        if let Err(e) = std::fs::write(path, audit::html::page(&found)) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", path.display());
    }
    if !batch.stalled.is_empty() {
        eprintln!("games that never ended: seeds {:?}", batch.stalled);
        return ExitCode::FAILURE;
    }
    if !found.expectations_met() {
        eprintln!("the scenario's expectations do not all hold (see above)");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
