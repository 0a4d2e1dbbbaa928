//! `horseshoe check FILE...`: validate scenarios and summarise them.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use horseshoe_core::scenario::{self, LoadedScenario, Part, Seat};

pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut failed = 0;
    for (i, file) in files.iter().enumerate() {
        if i > 0 {
            println!();
        }
        match scenario::load(file) {
            Ok(loaded) => {
                print!("{}", summary(&loaded));
                for w in &loaded.warnings {
                    eprint!("{}", render_warning(w));
                }
            }
            Err(e) => {
                failed += 1;
                eprint!("{}", e.report(super::stderr_is_terminal()));
            }
        }
    }
    if failed > 0 {
        if files.len() > 1 {
            eprintln!("{failed} of {} files failed the check", files.len());
        }
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn render_warning(w: &scenario::SourceProblem) -> String {
    let mut s = format!("{w}\n");
    if let Some(h) = &w.hint {
        let _ = writeln!(s, "  help: {h}");
    }
    s
}

/// A one-screen summary of a valid scenario.
pub fn summary(loaded: &LoadedScenario) -> String {
    let s = &loaded.scenario;
    let c = &s.council;
    let mut out = String::new();
    let _ = writeln!(out, "{}: ok: \"{}\" ({})", loaded.file, s.title, s.id);

    let permanent = c
        .members
        .iter()
        .filter(|m| m.seat == Seat::Permanent)
        .count();
    let president = c
        .members
        .iter()
        .find(|m| m.code == c.presidency)
        .map(|m| m.name.as_str())
        .unwrap_or("?");
    let _ = writeln!(
        out,
        "  council     {} members ({permanent} permanent), presidency {president}",
        c.members.len()
    );
    let consensus: Vec<&str> = c.rules.consensus.iter().map(|k| k.name()).collect();
    let _ = writeln!(
        out,
        "  rules       quota {}, veto: {}; by consensus: {}",
        c.rules.quota,
        if c.rules.veto_holders.is_empty() {
            "nobody".to_string()
        } else {
            c.rules.veto_holders.join(" ")
        },
        if consensus.is_empty() {
            "nothing".to_string()
        } else {
            consensus.join(", ")
        }
    );
    let preambular = s
        .clauses
        .iter()
        .filter(|c| c.part == Part::Preambular)
        .count();
    let wordings: usize = s.clauses.iter().map(|c| c.wordings.len()).sum();
    let _ = writeln!(
        out,
        "  clauses     {} ({preambular} preambular, {} operative), {wordings} wordings",
        s.clauses.len(),
        s.clauses.len() - preambular
    );
    let red_lines: usize = s.delegations.iter().map(|d| d.red_lines.len()).sum();
    let objectives: usize = s.delegations.iter().map(|d| d.objectives.len()).sum();
    let scripted = s.delegations.iter().filter(|d| d.script.is_some()).count();
    let _ = writeln!(
        out,
        "  delegations {}, {red_lines} red lines, {objectives} objectives, {scripted} scripted",
        s.delegations.len()
    );
    match (s.dates.first(), s.dates.last()) {
        (Some(first), Some(last)) => {
            let _ = writeln!(
                out,
                "  days        {}, chosen days from {first} to {last}",
                s.days
            );
        }
        _ => {
            let _ = writeln!(out, "  days        {}, from {}", s.days, s.start_date);
        }
    }
    let _ = writeln!(out, "  drafts      {}", s.drafts.len());
    for d in &s.drafts {
        let when = d
            .circulated_on
            .map(|day| format!("day {day}"))
            .unwrap_or_else(|| "in the drawer".into());
        let _ = writeln!(
            out,
            "    {:<18} {} by {}, {} clauses, {when}",
            d.id,
            d.kind.name(),
            d.penholder,
            d.clauses.len()
        );
    }
    let _ = writeln!(out, "  events      {}", s.events.len());
    for e in &s.events {
        let when = match e.day {
            Some(day) if e.chance < 1.0 => format!("day {day} ({:.0}%)", e.chance * 100.0),
            Some(day) => format!("day {day}"),
            None => "by trigger".into(),
        };
        let _ = writeln!(out, "    {when:<12} {}", e.headline);
        if !e.then.is_empty() {
            let actions: Vec<String> = e.then.iter().map(|a| a.to_string()).collect();
            let _ = writeln!(out, "    {:<12} then {}", "", actions.join(", "));
        }
        if !e.voices.is_empty() {
            let n = e.voices.len();
            let noun = if n == 1 { "voice" } else { "voices" };
            let _ = writeln!(out, "    {:<12} {n} {noun} heard", "");
        }
    }
    let _ = writeln!(out, "  triggers    {}", s.triggers.len());
    for t in &s.triggers {
        let actions: Vec<String> = t.then.iter().map(|a| a.to_string()).collect();
        let _ = writeln!(
            out,
            "    {}: when {}, then {}",
            t.id,
            t.when,
            actions.join(", ")
        );
    }
    if !s.expect.is_empty() {
        let _ = writeln!(
            out,
            "  expect      {} (checked by `horseshoe audit`)",
            s.expect.len()
        );
    }
    out
}
