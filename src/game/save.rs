//! Saved games: the whole state of a game between two phases, so that a
//! class never loses its session.
//!
//! A save is taken when a phase has ended and the next has not begun
//! ([`PhaseEnded`]); restoring it enters that next phase exactly as the
//! uninterrupted game would have, random generator included, so the same
//! inputs give the same continuation. It carries the scenario itself, so a
//! save still loads after the scenario file has changed or moved.
//!
//! Files are RON, written atomically (a temporary file, flushed to disk, then
//! renamed over the old one): a crash or power cut mid-write leaves the
//! previous save whole. A save states its format version; a damaged file, an
//! old format or a newer one each get a clear error, never a panic.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bevy::ecs::message::{MessageCursor, Messages};
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::compiled::CompiledScenario;
use super::record::PhaseName;
use super::state::*;
use super::{GameState, Phase, Seats, decision};
use crate::scenario::{self, Scenario};

/// Version of the save format. Raise it when a saved type changes shape.
pub const SAVE_FORMAT: u32 = 1;

/// A phase has ended; `next` begins on the next update. The moment to save.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseEnded {
    pub next: Phase,
}

/// Set while a restored game is entering its saved phase: the phases it
/// passes through on the way do nothing.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResumeAt(pub Phase);

/// Where to save the game after every phase; without it, nothing is saved
/// (batch simulation).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct AutosaveTo(pub PathBuf);

/// The outcome of the last autosave; the window shows a failure.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct LastAutosave(pub Option<Result<u64, String>>);

/// Saves the game when a phase has ended (an exclusive system: it reads the
/// whole game).
pub fn autosave(world: &mut World, mut cursor: Local<MessageCursor<PhaseEnded>>) {
    let Some(next) = cursor
        .read(world.resource::<Messages<PhaseEnded>>())
        .last()
        .map(|e| e.next)
    else {
        return;
    };
    let Some(path) = world.get_resource::<AutosaveTo>().map(|a| a.0.clone()) else {
        return;
    };
    let result = match SavedGame::capture(world, next) {
        Some(saved) => saved
            .write(&path)
            .map(|()| saved.saved_at)
            .map_err(|e| e.to_string()),
        None => Err("the game could not be read for saving".to_string()),
    };
    if let Err(e) = &result {
        error!("autosave failed: {e}");
    }
    world.insert_resource(LastAutosave(Some(result)));
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedGame {
    pub format: u32,
    /// Seconds since 1970 when it was written, for listing saves.
    pub saved_at: u64,
    /// The phase the game enters when it resumes.
    pub next_phase: PhaseName,
    pub scenario: Scenario,
    pub clock: Clock,
    pub crisis: Crisis,
    pub table: Table,
    pub history: History,
    pub transcript: Transcript,
    pub rng: GameRng,
    pub turns: Turns,
    /// Per seat.
    pub delegations: Vec<SavedDelegation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedDelegation {
    pub controller: Controller,
    pub points: ActionPoints,
    pub disposition: Disposition,
}

/// Only the version, read first so that a save of another format is named
/// as such rather than as damaged.
#[derive(Deserialize)]
struct Header {
    format: u32,
}

/// Why a save cannot be loaded, in words for the player.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("cannot read {path}: {error}")]
    Read { path: String, error: String },
    #[error("{path} is damaged or not a Horseshoe save ({detail})")]
    Damaged { path: String, detail: String },
    #[error(
        "{path} was saved by a newer version of Horseshoe (save format {found}; this version reads {}): update the game to continue it",
        SAVE_FORMAT
    )]
    Newer { path: String, found: u32 },
    #[error(
        "{path} was saved by an older version of Horseshoe (save format {found}; this version reads {}) and cannot be continued",
        SAVE_FORMAT
    )]
    Older { path: String, found: u32 },
    #[error("cannot write {path}: {error}")]
    Write { path: String, error: String },
}

impl SavedGame {
    /// The game in `world` as it stands between two phases, about to enter `next`.
    pub fn capture(world: &World, next: Phase) -> Option<SavedGame> {
        let sc = world.get_resource::<CurrentScenario>()?.0.clone();
        let seats = world.get_resource::<Seats>()?;
        let delegations = seats
            .0
            .iter()
            .map(|&e| {
                Some(SavedDelegation {
                    controller: *world.get::<Controller>(e)?,
                    points: *world.get::<ActionPoints>(e)?,
                    disposition: world.get::<Disposition>(e)?.clone(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(SavedGame {
            format: SAVE_FORMAT,
            saved_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
            next_phase: next.name(),
            scenario: (*sc.source).clone(),
            clock: world.get_resource::<Clock>()?.clone(),
            crisis: world.get_resource::<Crisis>()?.clone(),
            table: world.get_resource::<Table>()?.clone(),
            history: world.get_resource::<History>()?.clone(),
            transcript: world.get_resource::<Transcript>()?.clone(),
            rng: world.get_resource::<GameRng>()?.clone(),
            turns: world.get_resource::<Turns>()?.clone(),
            delegations,
        })
    }

    pub fn to_ron(&self) -> Result<String, String> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())
    }

    /// Reads a save from its text; `path` names it in errors.
    pub fn from_ron(path: &str, text: &str) -> Result<SavedGame, SaveError> {
        let damaged = |e: ron::error::SpannedError| SaveError::Damaged {
            path: path.to_string(),
            detail: format!(
                "line {}, column {}: {}",
                e.span.start.line, e.span.start.col, e.code
            ),
        };
        let header: Header = scenario::ron_options().from_str(text).map_err(damaged)?;
        if header.format > SAVE_FORMAT {
            return Err(SaveError::Newer {
                path: path.to_string(),
                found: header.format,
            });
        }
        if header.format < SAVE_FORMAT {
            return Err(SaveError::Older {
                path: path.to_string(),
                found: header.format,
            });
        }
        let saved: SavedGame = scenario::ron_options().from_str(text).map_err(damaged)?;
        Ok(saved)
    }

    /// Writes the save atomically: the file at `path` is either the old
    /// save or the new one, whatever happens during the write.
    pub fn write(&self, path: &Path) -> Result<(), SaveError> {
        let err = |e: String| SaveError::Write {
            path: path.display().to_string(),
            error: e,
        };
        let text = self.to_ron().map_err(err)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        let tmp = path.with_extension("ron.tmp");
        {
            use std::io::Write;
            let mut file = std::fs::File::create(&tmp).map_err(|e| err(e.to_string()))?;
            file.write_all(text.as_bytes())
                .map_err(|e| err(e.to_string()))?;
            file.sync_all().map_err(|e| err(e.to_string()))?;
        }
        std::fs::rename(&tmp, path).map_err(|e| err(e.to_string()))
    }

    pub fn read(path: &Path) -> Result<SavedGame, SaveError> {
        let text = std::fs::read_to_string(path).map_err(|e| SaveError::Read {
            path: path.display().to_string(),
            error: e.to_string(),
        })?;
        SavedGame::from_ron(&path.display().to_string(), &text)
    }

    /// One line for a list of saves: scenario, day and phase, players.
    pub fn label(&self) -> String {
        let humans: Vec<&str> = self
            .transcript
            .0
            .members
            .iter()
            .zip(&self.delegations)
            .filter(|(_, d)| d.controller == Controller::Human)
            .map(|(m, _)| m.name.as_str())
            .collect();
        let players = if humans.is_empty() {
            "no players".to_string()
        } else {
            humans.join(", ")
        };
        format!(
            "{}: day {} of {}, {}; {players}",
            self.scenario.title,
            self.clock.day,
            self.clock.days,
            self.next_phase.label().to_lowercase()
        )
    }

    /// Checks the save against its own scenario and turns it into a game:
    /// a hand-edited or damaged save is refused here rather than breaking
    /// the game later.
    pub fn validate(&self, path: &str) -> Result<Arc<CompiledScenario>, SaveError> {
        let damaged = |detail: String| SaveError::Damaged {
            path: path.to_string(),
            detail,
        };
        // The scenario goes through the same checks as a scenario file.
        let text = ron::ser::to_string(&self.scenario).map_err(|e| damaged(e.to_string()))?;
        let loaded = scenario::parse(path, &text)
            .map_err(|e| damaged(format!("its scenario is invalid: {}", e.report(false))))?;
        let sc = CompiledScenario::new(loaded.scenario);
        let n = sc.seat_count();
        let clauses = sc.clause_count();
        let check = |ok: bool, what: &str| {
            if ok {
                Ok(())
            } else {
                Err(damaged(format!("{what} does not fit its scenario")))
            }
        };
        check(self.delegations.len() == n, "the number of delegations")?;
        for d in &self.delegations {
            let p = &d.disposition;
            check(
                p.stances.len() == clauses
                    && p.stances
                        .iter()
                        .zip(&sc.wordings)
                        .all(|(s, &w)| s.len() == w as usize),
                "a delegation's stances",
            )?;
            check(
                p.relationships.len() == n && p.goodwill.len() == n && p.misread.len() == n,
                "a delegation's relationships",
            )?;
            check(
                p.commitments
                    .iter()
                    .all(|c| c.to < n && c.draft < self.table.drafts.len()),
                "a delegation's commitments",
            )?;
        }
        check(
            self.crisis.events_happened.len() == sc.events.len()
                && self.crisis.triggers_fired.len() == sc.triggers.len()
                && self
                    .crisis
                    .events_queued
                    .iter()
                    .all(|&e| e < sc.events.len()),
            "the crisis",
        )?;
        check(
            self.table.drafts.len() >= sc.drafts.len(),
            "the table of drafts",
        )?;
        for (i, d) in self.table.drafts.iter().enumerate() {
            let clause_ok = |t: &super::draft::Text| {
                t.clauses
                    .iter()
                    .all(|&(c, w)| c < clauses && w < sc.wordings[c])
            };
            check(
                d.id == i
                    && d.penholder < n
                    && d.sponsors.iter().all(|&s| s < n)
                    && !d.versions.is_empty()
                    && d.versions.iter().all(clause_ok)
                    && d.amendments.iter().all(|a| a.by < n),
                "a draft",
            )?;
        }
        check(
            self.history
                .adopted
                .iter()
                .all(|p| p.draft < self.table.drafts.len())
                && self.history.vetoes.iter().all(|&s| s < n),
            "the history",
        )?;
        check(
            self.turns.done.is_empty() || self.turns.done.len() == n,
            "the turns",
        )?;
        check(
            self.clock.day >= 1 && self.clock.day <= self.clock.days,
            "the day",
        )?;
        Ok(Arc::new(sc))
    }
}

/// Puts a saved game into the world (replacing any game there) and starts
/// it at its saved phase.
pub fn restore(world: &mut World, saved: &SavedGame, path: &str) -> Result<(), SaveError> {
    let sc = saved.validate(path)?;
    let seats = saved
        .delegations
        .iter()
        .map(|d| (d.controller, d.points))
        .collect();
    super::seat_delegations(world, seats, |seat, d| {
        d.clone_from(&saved.delegations[seat].disposition);
    });
    // A saved game's stances have moved with its news: blend them afresh.
    let outlook = super::blend_outlook(world, &sc);
    world.insert_resource(CurrentOutlook(outlook));
    world.insert_resource(saved.clock.clone());
    world.insert_resource(saved.crisis.clone());
    world.insert_resource(saved.table.clone());
    world.insert_resource(saved.history.clone());
    world.insert_resource(saved.transcript.clone());
    world.insert_resource(saved.rng.clone());
    world.insert_resource(saved.turns.clone());
    world.insert_resource(decision::DecisionQueue::default());
    world.insert_resource(CurrentScenario(sc));
    // The game (re)enters `Playing` doing nothing until the turn logic sees
    // this and enters the saved phase.
    world.insert_resource(ResumeAt(Phase::from_name(saved.next_phase)));
    world
        .resource_mut::<NextState<GameState>>()
        .set(GameState::Playing);
    Ok(())
}

/// The saves in `dir`, newest first, each read (or its error).
pub fn list(dir: &Path) -> Vec<(PathBuf, Result<SavedGame, SaveError>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            let modified = std::fs::metadata(&p)
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, p)
        })
        .collect();
    files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    files
        .into_iter()
        .map(|(_, p)| {
            let saved = SavedGame::read(&p);
            (p, saved)
        })
        .collect()
}
