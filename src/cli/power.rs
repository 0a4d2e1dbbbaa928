//! `horseshoe power SCENARIO`: voting power under a scenario's rules.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use horseshoe_core::rules::power::{PowerIndex, power_indices, to_f64};
use horseshoe_core::scenario::{self, Scenario};

pub fn run(file: &Path) -> ExitCode {
    match scenario::load(file) {
        Ok(loaded) => {
            print!("{}", report(&loaded.scenario));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", e.report(super::stderr_is_terminal()));
            ExitCode::FAILURE
        }
    }
}

/// The power table of a scenario's Council, exact and as decimals.
pub fn report(s: &Scenario) -> String {
    let c = &s.council;
    let veto: Vec<bool> = c
        .members
        .iter()
        .map(|m| c.rules.is_veto_holder(&m.code))
        .collect();
    let indices = power_indices(c.rules.quota, &veto);

    let mut out = String::new();
    let _ = writeln!(out, "Voting power in the Council of \"{}\"", s.title);
    let _ = writeln!(
        out,
        "{} members, {} votes to adopt, veto: {}\n",
        c.members.len(),
        c.rules.quota,
        if c.rules.veto_holders.is_empty() {
            "nobody".into()
        } else {
            c.rules.veto_holders.join(" ")
        }
    );
    let rows: Vec<[String; 4]> = c
        .members
        .iter()
        .zip(&indices)
        .zip(&veto)
        .map(|((m, p), &v)| {
            [
                format!("{} ({}){}", m.name, m.code, if v { " *" } else { "" }),
                cell(&p.shapley_shubik),
                cell(&p.banzhaf_normalised),
                cell(&p.banzhaf_absolute),
            ]
        })
        .collect();
    let header = [
        "member".to_string(),
        "Shapley-Shubik".into(),
        "Banzhaf (share)".into(),
        "Banzhaf (absolute)".into(),
    ];
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |r: &[String; 4]| {
        format!(
            "{:<w0$}  {:>w1$}  {:>w2$}  {:>w3$}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        )
    };
    let _ = writeln!(out, "{}", line(&header));
    for r in &rows {
        let _ = writeln!(out, "{}", line(r));
    }
    let _ = writeln!(out, "\n* holds a veto");
    if let Some(comparison) = comparison(&indices, &veto) {
        let _ = writeln!(out, "{comparison}");
    }
    let _ = writeln!(
        out,
        "Shapley-Shubik: the share of the orders of voting in which the member's vote turns a \
         losing coalition into a winning one.\n\
         Banzhaf: how often the member's vote is decisive, as a share of all decisive votes \
         and as a chance if every vote were a coin toss.\n\
         On procedural matters there is no veto and every member has the same power."
    );
    out
}

fn cell(r: &horseshoe_core::rules::power::BigRational) -> String {
    format!("{r}  {:.6}", to_f64(r))
}

/// "A veto holder has N times the power of another member."
fn comparison(indices: &[PowerIndex], veto: &[bool]) -> Option<String> {
    let with = veto.iter().position(|&v| v)?;
    let without = veto.iter().position(|&v| !v)?;
    let a = to_f64(&indices[with].shapley_shubik);
    let b = to_f64(&indices[without].shapley_shubik);
    if b == 0.0 {
        return Some(
            "A member without a veto is never pivotal: it has no voting power at all.".into(),
        );
    }
    Some(format!(
        "A veto holder has {:.1} times the voting power of a member without one (Shapley-Shubik).",
        a / b
    ))
}
