//! `horseshoe audit`: a scenario's games as an author needs to see them.

use std::path::Path;
use std::process::ExitCode;

use crate::audit;

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
    let (scenario, batch) = match super::simulate::play_batch(file, games, seed, None, threads) {
        Ok(done) => done,
        Err(code) => return code,
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
