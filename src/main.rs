use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    horseshoe::cli::run(horseshoe::cli::Cli::parse())
}
