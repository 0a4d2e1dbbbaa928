//! `horseshoe audit`: what an author needs to know of a scenario from many
//! AI-only games: how its games end, and what never (or always) happens in
//! them: clauses never adopted, drafts never circulated, events and
//! triggers that never fire, objectives always or never met.

pub mod html;
pub mod strategies;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use serde::Serialize;

use crate::sim::{Batch, DraftFate};
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::scenario::{Expectation, Fate};

/// How often something happened, over the batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    pub what: String,
    /// From 0 to 1.
    pub share: f64,
}

/// One delegation's objective and how often it was met.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveRate {
    pub member: String,
    pub description: String,
    pub share: f64,
}

/// What an audit found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    pub scenario: String,
    pub games: usize,
    /// Each way a game ended, most common first.
    pub outcomes: Vec<Share>,
    /// Games in which the Council adopted nothing.
    pub no_product: f64,
    /// Clauses never in an adopted product, at any wording.
    pub clauses_never_adopted: Vec<String>,
    pub drafts_never_circulated: Vec<String>,
    /// Events (with their chance, when under 1) that never happened.
    pub events_never: Vec<String>,
    pub triggers_never: Vec<String>,
    pub objectives: Vec<ObjectiveRate>,
    /// What each seat scores when a student plays it by simple strategies.
    pub seats: Vec<strategies::SeatRange>,
    /// The scenario's expectations, each with what the games showed.
    pub expectations: Vec<Checked>,
    /// The findings, in words, for an author.
    pub findings: Vec<String>,
}

/// One expectation of the scenario, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checked {
    pub expected: String,
    pub found: String,
    pub met: bool,
}

impl Audit {
    /// Whether every expectation of the scenario held.
    pub fn expectations_met(&self) -> bool {
        self.expectations.iter().all(|c| c.met)
    }
}

/// Reads a batch of games of `sc`, and plays each seat by simple
/// strategies over `strategy_games` seeds (from the batch's first).
pub fn audit(batch: &Batch, sc: &Arc<CompiledScenario>, strategy_games: u64) -> Audit {
    let n = batch.games.len().max(1) as f64;
    let s = &sc.source;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for g in &batch.games {
        *counts.entry(g.outcome()).or_default() += 1;
    }
    let mut outcomes: Vec<Share> = counts
        .into_iter()
        .map(|(what, c)| Share {
            what,
            share: c as f64 / n,
        })
        .collect();
    outcomes.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.what.cmp(&b.what)));
    let adopted_anything = |g: &crate::sim::GameSummary| {
        g.drafts
            .values()
            .any(|f| matches!(f, DraftFate::Adopted(_)))
    };
    let no_product = batch.games.iter().filter(|g| !adopted_anything(g)).count() as f64 / n;
    let ever = |pred: &dyn Fn(&crate::sim::GameSummary) -> bool| batch.games.iter().any(pred);
    let clauses_never_adopted: Vec<String> = s
        .clauses
        .iter()
        .filter(|c| {
            let prefix = format!("{}:", c.id);
            !ever(&|g| g.adopted_clauses.iter().any(|a| a.starts_with(&prefix)))
        })
        .map(|c| c.id.clone())
        .collect();
    let drafts_never_circulated: Vec<String> = s
        .drafts
        .iter()
        .filter(|d| {
            !ever(&|g| {
                g.drafts
                    .get(&d.id)
                    .is_some_and(|f| *f != DraftFate::NotCirculated)
            })
        })
        .map(|d| d.id.clone())
        .collect();
    let events_never: Vec<String> = s
        .events
        .iter()
        .filter(|e| !ever(&|g| g.events.contains(&e.id)))
        .map(|e| {
            if e.chance < 1.0 {
                format!("{} (chance {})", e.id, e.chance)
            } else {
                e.id.clone()
            }
        })
        .collect();
    let triggers_never: Vec<String> = s
        .triggers
        .iter()
        .filter(|t| !ever(&|g| g.triggers.contains(&t.id)))
        .map(|t| t.id.clone())
        .collect();
    let objectives = objective_rates(batch, sc, n);
    let expectations = s
        .expect
        .iter()
        .map(|e| check(e, batch, &outcomes, no_product))
        .collect();
    let first_seed = batch.games.iter().map(|g| g.seed).min().unwrap_or(1);
    let seats = strategies::seat_ranges(sc, first_seed, strategy_games);
    let mut audit = Audit {
        scenario: s.id.clone(),
        games: batch.games.len(),
        outcomes,
        no_product,
        clauses_never_adopted,
        drafts_never_circulated,
        events_never,
        triggers_never,
        objectives,
        seats,
        expectations,
        findings: Vec::new(),
    };
    audit.findings = findings(&audit);
    audit
}

/// Whether the games bear out one expectation, and what they showed.
fn check(e: &Expectation, batch: &Batch, outcomes: &[Share], no_product: f64) -> Checked {
    let n = batch.games.len().max(1) as f64;
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let within = |x: f64, lo: f32, hi: f32| x + 1e-9 >= f64::from(lo) && x - 1e-9 <= f64::from(hi);
    match e {
        Expectation::MostCommon(outcome) => {
            let top = outcomes.first();
            // A tie at the top counts for every outcome in it.
            let met = top.is_some_and(|t| {
                outcomes
                    .iter()
                    .any(|o| o.share == t.share && o.what == *outcome)
            });
            Checked {
                expected: format!("most common outcome: {outcome}"),
                found: top.map_or("no games".into(), |t| {
                    format!("{} ({})", t.what, pct(t.share))
                }),
                met,
            }
        }
        Expectation::Share {
            draft,
            fate,
            at_least,
            at_most,
        } => {
            let count = batch
                .games
                .iter()
                .filter(|g| g.drafts.get(draft).is_some_and(|f| fate_is(f, *fate)))
                .count();
            let share = count as f64 / n;
            Checked {
                expected: format!(
                    "{draft} {fate:?} in {} to {} of games",
                    pct(f64::from(*at_least)),
                    pct(f64::from(*at_most))
                ),
                found: pct(share),
                met: within(share, *at_least, *at_most),
            }
        }
        Expectation::NoProduct { at_least, at_most } => Checked {
            expected: format!(
                "no product in {} to {} of games",
                pct(f64::from(*at_least)),
                pct(f64::from(*at_most))
            ),
            found: pct(no_product),
            met: within(no_product, *at_least, *at_most),
        },
        Expectation::Tally {
            draft,
            yes,
            no,
            abstain,
        } => {
            let mut counts: BTreeMap<(u32, u32, u32), usize> = BTreeMap::new();
            for g in &batch.games {
                if let Some(t) = g.tallies.get(draft) {
                    *counts.entry(*t).or_default() += 1;
                }
            }
            let top = counts
                .iter()
                .max_by_key(|(t, c)| (**c, std::cmp::Reverse(**t)));
            Checked {
                expected: format!("{draft} most often voted {yes}-{no}-{abstain}"),
                found: top.map_or("never voted".into(), |((y, n_, a), c)| {
                    format!("{y}-{n_}-{a} ({} of the games)", pct(*c as f64 / n))
                }),
                met: top.is_some_and(|(t, _)| *t == (*yes, *no, *abstain)),
            }
        }
    }
}

fn fate_is(f: &DraftFate, fate: Fate) -> bool {
    matches!(
        (f, fate),
        (DraftFate::Adopted(_), Fate::Adopted)
            | (DraftFate::Blocked(_), Fate::Blocked)
            | (DraftFate::Vetoed(_), Fate::Vetoed)
            | (DraftFate::Failed, Fate::Failed)
            | (DraftFate::NotDecided, Fate::NotDecided)
            | (DraftFate::NotCirculated, Fate::NotCirculated)
    )
}

/// How often each delegation met each of its objectives.
fn objective_rates(batch: &Batch, sc: &CompiledScenario, n: f64) -> Vec<ObjectiveRate> {
    let mut out = Vec::new();
    for (seat, member) in sc.members.iter().enumerate() {
        let Some(d) = sc
            .source
            .delegations
            .iter()
            .find(|d| d.member == member.code)
        else {
            continue;
        };
        for (i, o) in d.objectives.iter().enumerate() {
            let met = batch
                .games
                .iter()
                .filter(|g| g.objectives.get(seat).and_then(|v| v.get(i)) == Some(&true))
                .count();
            out.push(ObjectiveRate {
                member: member.code.clone(),
                description: o.description.clone(),
                share: met as f64 / n,
            });
        }
    }
    out
}

/// What an author may want to look at, in sentences.
fn findings(a: &Audit) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(top) = a.outcomes.first() {
        if a.outcomes.len() == 1 {
            out.push(format!(
                "Every game ends the same way ({}): the delegations' personalities and the scenario's chances never change the outcome.",
                top.what
            ));
        } else {
            out.push(format!(
                "{} different outcomes; the most common ({:.0}% of games): {}.",
                a.outcomes.len(),
                top.share * 100.0,
                top.what
            ));
        }
    }
    let list = |items: &[String]| items.join(", ");
    if !a.drafts_never_circulated.is_empty() {
        out.push(format!(
            "Drafts never circulated: {}. Check their schedule and the triggers that table them.",
            list(&a.drafts_never_circulated)
        ));
    }
    if !a.clauses_never_adopted.is_empty() {
        out.push(format!(
            "Clauses never in an adopted text: {}. A player can still use them; the AI never carries them through.",
            list(&a.clauses_never_adopted)
        ));
    }
    if !a.events_never.is_empty() {
        out.push(format!(
            "Events that never happened: {}.",
            list(&a.events_never)
        ));
    }
    if !a.triggers_never.is_empty() {
        out.push(format!(
            "Triggers that never fired: {}. Their conditions may never hold.",
            list(&a.triggers_never)
        ));
    }
    for r in &a.seats {
        if let Some(strategy) = r.always_full {
            out.push(format!(
                "{}: a student who {} scores full marks ({}) in every game: too easy.",
                r.member,
                strategy.describe(),
                r.max
            ));
        }
        if r.max > 0 && r.best().is_some_and(|b| b.1 == 0.0) {
            out.push(format!(
                "{} scores nothing whatever it does among the strategies tried: a hard seat for a student.",
                r.member
            ));
        }
    }
    let named = |o: &ObjectiveRate| format!("{} \"{}\"", o.member, o.description);
    let never: Vec<String> = a
        .objectives
        .iter()
        .filter(|o| o.share == 0.0)
        .map(named)
        .collect();
    if !never.is_empty() {
        out.push(format!(
            "Objectives the AI never meets (a student in the seat must do better than the AI ever does): {}.",
            list(&never)
        ));
    }
    let always: Vec<String> = a
        .objectives
        .iter()
        .filter(|o| o.share == 1.0)
        .map(named)
        .collect();
    if !always.is_empty() {
        out.push(format!(
            "Objectives always met, even by the AI (points without effort): {}.",
            list(&always)
        ));
    }
    out
}

/// The audit as a table and words, for a terminal.
pub fn table(a: &Audit) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Audit of \"{}\" over {} AI-only games\n",
        a.scenario, a.games
    );
    let _ = writeln!(out, "Outcomes:");
    for o in &a.outcomes {
        let _ = writeln!(out, "  {:>6.1}%  {}", o.share * 100.0, o.what);
    }
    let _ = writeln!(out, "  No product adopted: {:.1}%\n", a.no_product * 100.0);
    let _ = writeln!(out, "Objectives met by the AI (share of games):");
    for o in &a.objectives {
        let _ = writeln!(
            out,
            "  {:>6.1}%  {}  {}",
            o.share * 100.0,
            o.member,
            o.description
        );
    }
    if !a.seats.is_empty() {
        let _ = writeln!(
            out,
            "\nWhat a student's seat scores (mean points; the seat decides by each strategy, acts as the AI in the corridors):"
        );
        let _ = writeln!(out, "  member  max     AI  obstruct  accommodate  abstain");
        for r in &a.seats {
            let m: Vec<String> = r.mean.iter().map(|(_, v)| format!("{v:.2}")).collect();
            let _ = writeln!(
                out,
                "  {:<6} {:>4} {:>6} {:>9} {:>12} {:>8}",
                r.member,
                r.max,
                m.first().map_or("", String::as_str),
                m.get(1).map_or("", String::as_str),
                m.get(2).map_or("", String::as_str),
                m.get(3).map_or("", String::as_str)
            );
        }
    }
    if !a.expectations.is_empty() {
        let _ = writeln!(out, "\nThe scenario's expectations:");
        for c in &a.expectations {
            let mark = if c.met { "ok  " } else { "FAIL" };
            let _ = writeln!(out, "  {mark}  {}: found {}", c.expected, c.found);
        }
    }
    let _ = writeln!(out, "\nWhat the audit found:");
    for f in &a.findings {
        let _ = writeln!(out, "  - {f}");
    }
    out
}
