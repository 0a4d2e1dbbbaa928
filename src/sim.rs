//! Batch simulation: many AI-only games of one scenario, and what they add up to.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use horseshoe_core::game::GameConfig;
use horseshoe_core::model::compiled::{CompiledScenario, DraftSpec};
use horseshoe_core::model::record::{Record, VoteSubject, What};
use horseshoe_core::rules::VoteOutcome;
use serde::Serialize;

use crate::play::{self, CurrentGame};

/// Updates allowed for one AI-only game: far more than any game needs
/// (about six per day), so hitting it means the game stalled.
const MAX_UPDATES: usize = 10_000;

/// What became of one draft in one game.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum DraftFate {
    /// On this day.
    Adopted(u32),
    /// Silence broken by these members.
    Blocked(Vec<String>),
    Vetoed(Vec<String>),
    /// Short of the quota.
    Failed,
    /// On the table but never decided.
    NotDecided,
    NotCirculated,
}

impl DraftFate {
    pub fn label(&self) -> String {
        match self {
            DraftFate::Adopted(day) => format!("adopted on day {day}"),
            DraftFate::Blocked(by) => format!("blocked by {}", by.join("+")),
            DraftFate::Vetoed(by) => format!("vetoed by {}", by.join("+")),
            DraftFate::Failed => "failed (short of votes)".into(),
            DraftFate::NotDecided => "never decided".into(),
            DraftFate::NotCirculated => "never circulated".into(),
        }
    }
}

/// One game, summarised.
#[derive(Debug, Clone, Serialize)]
pub struct GameSummary {
    pub seed: u64,
    /// Draft id to what became of it; a statement blocked and later adopted counts as adopted.
    pub drafts: BTreeMap<String, DraftFate>,
    /// The first blocking of each draft, if any.
    pub first_blocked: BTreeMap<String, DraftFate>,
    /// `clause:wording` of every clause in an adopted product.
    pub adopted_clauses: Vec<String>,
    pub scores: Vec<(String, u32, u32)>,
    /// Draft id to the members that co-sponsored it.
    pub sponsors: BTreeMap<String, Vec<String>>,
    /// Every procedural motion, and whether it was adopted.
    pub motions: Vec<(String, bool)>,
    /// Ids of the news events that happened and the triggers that fired.
    pub events: Vec<String>,
    pub triggers: Vec<String>,
    /// Per member, whether each of its objectives was met, in order.
    pub objectives: Vec<Vec<bool>>,
    /// Draft id to the tally of its last vote: yes, no, abstentions.
    pub tallies: BTreeMap<String, (u32, u32, u32)>,
    pub micros: u64,
}

impl GameSummary {
    /// The game's outcome in one line: what became of every draft that
    /// was circulated, in the scenario's order, then any new drafts.
    pub fn outcome(&self) -> String {
        let parts: Vec<String> = self
            .drafts
            .iter()
            .filter(|(_, f)| **f != DraftFate::NotCirculated)
            .map(|(d, f)| format!("{d} {}", f.label()))
            .collect();
        if parts.is_empty() {
            "nothing circulated".into()
        } else {
            parts.join("; ")
        }
    }
}

/// Summarises a finished game from its record alone.
pub fn summarise(record: &Record, drafts: &[String], micros: u64) -> GameSummary {
    let mut fates: BTreeMap<String, DraftFate> = drafts
        .iter()
        .map(|d| (d.clone(), DraftFate::NotCirculated))
        .collect();
    let mut first_blocked = BTreeMap::new();
    let mut sponsors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut motions = Vec::new();
    let (mut events, mut triggers) = (Vec::new(), Vec::new());
    let mut tallies = BTreeMap::new();
    for e in &record.entries {
        match &e.what {
            What::News { event, .. } if !event.is_empty() => events.push(event.clone()),
            What::TriggerFired { trigger, .. } => triggers.push(trigger.clone()),
            What::Circulated { draft, .. }
                if fates
                    .get(draft)
                    .is_none_or(|f| *f == DraftFate::NotCirculated) =>
            {
                fates.insert(draft.clone(), DraftFate::NotDecided);
            }
            What::CoSponsored { by, draft, .. } => {
                sponsors.entry(draft.clone()).or_default().push(by.clone());
            }
            What::Vote {
                subject: VoteSubject::Motion { motion, .. },
                result,
                ..
            } => motions.push((format!("{motion:?}"), result.outcome.adopted())),
            What::Silence {
                draft, broken_by, ..
            } if !broken_by.is_empty() => {
                let fate = DraftFate::Blocked(broken_by.clone());
                first_blocked
                    .entry(draft.clone())
                    .or_insert_with(|| fate.clone());
                fates.insert(draft.clone(), fate);
            }
            What::Vote {
                subject: VoteSubject::Draft { draft, .. },
                result,
                ..
            } => {
                let t = &result.tally;
                tallies.insert(draft.clone(), (t.yes, t.no, t.abstain));
                let fate = match &result.outcome {
                    VoteOutcome::Adopted => DraftFate::Adopted(e.day),
                    VoteOutcome::Vetoed { by } => DraftFate::Vetoed(by.clone()),
                    VoteOutcome::FailedQuota { .. } => DraftFate::Failed,
                };
                if !matches!(fate, DraftFate::Adopted(_)) {
                    first_blocked
                        .entry(draft.clone())
                        .or_insert_with(|| fate.clone());
                }
                fates.insert(draft.clone(), fate);
            }
            What::Adopted { draft, .. } => {
                fates.insert(draft.clone(), DraftFate::Adopted(e.day));
            }
            _ => {}
        }
    }
    let outcome = record.outcome.as_ref();
    let mut adopted_clauses: Vec<String> = outcome
        .map(|o| {
            o.products
                .iter()
                .flat_map(|p| p.clauses.iter().map(|(c, w)| format!("{c}:{w}")))
                .collect()
        })
        .unwrap_or_default();
    adopted_clauses.sort();
    adopted_clauses.dedup();
    GameSummary {
        seed: record.seed,
        drafts: fates,
        first_blocked,
        adopted_clauses,
        scores: outcome
            .map(|o| {
                o.scores
                    .iter()
                    .map(|s| (s.member.clone(), s.points, s.max))
                    .collect()
            })
            .unwrap_or_default(),
        sponsors,
        motions,
        events,
        triggers,
        tallies,
        objectives: outcome
            .map(|o| {
                o.scores
                    .iter()
                    .map(|s| s.objectives.iter().map(|r| r.achieved).collect())
                    .collect()
            })
            .unwrap_or_default(),
        micros,
    }
}

/// Plays one AI-only game in an app (reused between games) and returns its record.
pub fn play_one(
    app: &mut bevy::app::App,
    scenario: &Arc<CompiledScenario>,
    seed: u64,
) -> Option<Record> {
    play::start_game(app.world_mut(), GameConfig::all_ai(scenario.clone(), seed));
    if !play::run_until_over(app, MAX_UPDATES) {
        return None;
    }
    // The next game brings its own record: take this one rather than copy it.
    let mut game = app.world_mut().get_resource_mut::<CurrentGame>()?;
    Some(game.take_record())
}

#[derive(Debug, Clone)]
pub struct SimOptions {
    pub games: usize,
    pub seed: u64,
    pub threads: usize,
    pub transcripts: Option<PathBuf>,
    pub progress: bool,
}

/// The result of a batch.
#[derive(Debug, Clone, Serialize)]
pub struct Batch {
    pub scenario: String,
    pub games: Vec<GameSummary>,
    pub stalled: Vec<u64>,
    pub wall_seconds: f64,
    pub threads: usize,
}

/// Plays `games` games with seeds `seed, seed+1, ...` on `threads` threads.
/// The results are in seed order, whatever the threads did.
pub fn run(scenario: Arc<CompiledScenario>, options: &SimOptions) -> Result<Batch, String> {
    if let Some(dir) = &options.transcripts {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let drafts: Vec<String> = scenario.drafts.iter().map(|d| d.id.clone()).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let started = Instant::now();
    let bar = options.progress.then(|| {
        let bar = indicatif::ProgressBar::new(options.games as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} games, {per_sec}, {eta} left",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let threads = options.threads.max(1).min(options.games.max(1));
    let mut results: Vec<(usize, Result<GameSummary, u64>)> = Vec::with_capacity(options.games);
    let write_errors = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut app = play::batch_app();
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= options.games {
                            break;
                        }
                        let seed = options.seed.wrapping_add(i as u64);
                        let t = Instant::now();
                        let record = play_one(&mut app, &scenario, seed);
                        let micros = t.elapsed().as_micros() as u64;
                        let summary = match record {
                            Some(record) => {
                                if let Some(dir) = &options.transcripts {
                                    let path =
                                        dir.join(format!("{}-{seed}.ron", record.scenario_id));
                                    if let Err(e) = std::fs::write(&path, record.to_ron()) {
                                        write_errors
                                            .lock()
                                            .map(|mut v| v.push(format!("{}: {e}", path.display())))
                                            .ok();
                                    }
                                }
                                Ok(summarise(&record, &drafts, micros))
                            }
                            None => Err(seed),
                        };
                        out.push((i, summary));
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        if let Some(bar) = &bar {
                            bar.set_position(n as u64);
                        }
                    }
                    out
                })
            })
            .collect();
        for h in handles {
            if let Ok(part) = h.join() {
                results.extend(part);
            }
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let errors = write_errors.into_inner().unwrap_or_default();
    if let Some(first) = errors.first() {
        return Err(format!("could not write transcripts: {first}"));
    }
    results.sort_by_key(|(i, _)| *i);
    let mut games = Vec::new();
    let mut stalled = Vec::new();
    for (_, r) in results {
        match r {
            Ok(g) => games.push(g),
            Err(seed) => stalled.push(seed),
        }
    }
    Ok(Batch {
        scenario: scenario.source.id.clone(),
        games,
        stalled,
        wall_seconds: started.elapsed().as_secs_f64(),
        threads,
    })
}

/// The outcome table of a batch, as text.
pub fn table(batch: &Batch, scenario: &CompiledScenario) -> String {
    use std::fmt::Write as _;
    let n = batch.games.len().max(1) as f64;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} AI-only games of \"{}\" (seeds from {})\n",
        batch.games.len(),
        scenario.source.title,
        batch.games.first().map(|g| g.seed).unwrap_or(0)
    );
    outcomes(&mut out, batch);
    for d in &scenario.drafts {
        draft_fates(&mut out, batch, scenario, d);
    }
    motions(&mut out, batch);
    clauses_adopted(&mut out, batch, scenario);
    let _ = writeln!(out, "\nMean score per delegation:");
    for (seat, m) in scenario.members.iter().enumerate() {
        let (sum, max) = batch.games.iter().fold((0u64, 0u32), |(s, mx), g| {
            let (p, m) = g.scores.get(seat).map(|x| (x.1, x.2)).unwrap_or((0, 0));
            (s + p as u64, mx.max(m))
        });
        let _ = writeln!(out, "  {:<20} {:>5.2} / {max}", m.name, sum as f64 / n);
    }
    let mean_micros = batch.games.iter().map(|g| g.micros).sum::<u64>() as f64 / n;
    let _ = writeln!(
        out,
        "\n{} games in {:.2} s on {} thread(s): {:.0} games/s; mean {:.2} ms per game",
        batch.games.len(),
        batch.wall_seconds,
        batch.threads,
        batch.games.len() as f64 / batch.wall_seconds.max(1e-9),
        mean_micros / 1000.0
    );
    if !batch.stalled.is_empty() {
        let _ = writeln!(
            out,
            "{} game(s) stalled and were left out (seeds {:?})",
            batch.stalled.len(),
            batch.stalled
        );
    }
    out
}

/// Share of games, as a percentage.
fn share(batch: &Batch, k: usize) -> f64 {
    100.0 * k as f64 / batch.games.len().max(1) as f64
}

/// The most common outcomes of whole games: how much the games differ.
fn outcomes(out: &mut String, batch: &Batch) {
    use std::fmt::Write as _;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for g in &batch.games {
        *counts.entry(g.outcome()).or_default() += 1;
    }
    let mut rows: Vec<(String, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let _ = writeln!(out, "Outcomes ({} different):", rows.len());
    for (outcome, k) in rows.iter().take(8) {
        let _ = writeln!(out, "  {:>6.1}%  {outcome}", share(batch, *k));
    }
    if rows.len() > 8 {
        let rest: usize = rows[8..].iter().map(|r| r.1).sum();
        let _ = writeln!(
            out,
            "  {:>6.1}%  {} others",
            share(batch, rest),
            rows.len() - 8
        );
    }
    let _ = writeln!(out);
}

/// How often procedural motions were moved and adopted.
fn motions(out: &mut String, batch: &Batch) {
    use std::fmt::Write as _;
    let mut moved: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for g in &batch.games {
        for (m, adopted) in &g.motions {
            let e = moved.entry(m.as_str()).or_default();
            e.0 += 1;
            e.1 += usize::from(*adopted);
        }
    }
    if moved.is_empty() {
        return;
    }
    let _ = writeln!(out, "Procedural motions (per game):");
    for (m, (n, adopted)) in moved {
        let _ = writeln!(
            out,
            "  {m}: moved {:.2}, adopted {:.2}",
            n as f64 / batch.games.len().max(1) as f64,
            adopted as f64 / batch.games.len().max(1) as f64
        );
    }
}

/// What became of one draft, and how it was first blocked, over the batch.
fn draft_fates(out: &mut String, batch: &Batch, scenario: &CompiledScenario, d: &DraftSpec) {
    use std::fmt::Write as _;
    let mut counts: BTreeMap<DraftFate, usize> = BTreeMap::new();
    let mut first: BTreeMap<DraftFate, usize> = BTreeMap::new();
    for g in &batch.games {
        if let Some(f) = g.drafts.get(&d.id) {
            *counts.entry(f.clone()).or_default() += 1;
        }
        if let Some(f) = g.first_blocked.get(&d.id) {
            *first.entry(f.clone()).or_default() += 1;
        }
    }
    let _ = writeln!(
        out,
        "{} ({}, pen: {})",
        d.id,
        d.kind.name(),
        scenario.code(d.penholder)
    );
    let mut rows: Vec<(DraftFate, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (fate, k) in rows {
        let _ = writeln!(out, "  {:>6.1}%  {}", share(batch, k), fate.label());
    }
    if !first.is_empty() {
        let mut rows: Vec<(DraftFate, usize)> = first.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let _ = write!(out, "  first blocked:");
        for (fate, k) in rows.iter().take(4) {
            let _ = write!(out, " {} {:.1}%;", fate.label(), share(batch, *k));
        }
        let _ = writeln!(out);
    }
    let mut sponsors: BTreeMap<&str, usize> = BTreeMap::new();
    for g in &batch.games {
        for by in g.sponsors.get(&d.id).into_iter().flatten() {
            *sponsors.entry(by.as_str()).or_default() += 1;
        }
    }
    if !sponsors.is_empty() {
        let _ = write!(out, "  co-sponsored by:");
        for (by, k) in sponsors {
            let _ = write!(out, " {by} {:.1}%;", share(batch, k));
        }
        let _ = writeln!(out);
    }
}

/// How often no product was adopted, and each clause's share of games in
/// which an adopted product held it, by wording.
fn clauses_adopted(out: &mut String, batch: &Batch, scenario: &CompiledScenario) {
    use std::fmt::Write as _;
    let none = batch
        .games
        .iter()
        .filter(|g| g.adopted_clauses.is_empty())
        .count();
    let _ = writeln!(out, "\nNo product adopted: {:.1}%", share(batch, none));
    let _ = writeln!(
        out,
        "Clauses in adopted products (share of games), by wording:"
    );
    let mut clause_counts: BTreeMap<String, usize> = BTreeMap::new();
    for g in &batch.games {
        for c in &g.adopted_clauses {
            *clause_counts.entry(c.clone()).or_default() += 1;
        }
    }
    let mut clause_counts: Vec<(String, usize)> = clause_counts.into_iter().collect();
    clause_counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (c, k) in clause_counts {
        let (id, w) = c.split_once(':').unwrap_or((&c, "0"));
        let words = scenario
            .clause_of(id)
            .and_then(|i| {
                w.parse::<u8>()
                    .ok()
                    .map(|w| horseshoe_core::ai::reasons::phrase(scenario, i, w))
            })
            .unwrap_or_default();
        let _ = writeln!(out, "  {:>6.1}%  {c:<24} {words}", share(batch, k));
    }
}

/// Time per game, for reports.
pub fn mean_game_time(batch: &Batch) -> Duration {
    let n = batch.games.len().max(1) as u64;
    Duration::from_micros(batch.games.iter().map(|g| g.micros).sum::<u64>() / n)
}
