//! Saved games: the whole state of a game between two phases, so that a
//! class never loses its session.
//!
//! A save is taken when a phase has ended and the next has not begun
//! ([`SavedGame::capture`]); restoring it enters that next phase exactly as the
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

use serde::{Deserialize, Serialize};

use crate::game::{Game, Restored};
use crate::model::compiled::CompiledScenario;
use crate::model::draft::Text;
use crate::model::record::{PhaseName, Record};
use crate::model::state::*;
use crate::scenario::{self, Scenario};

/// Version of the save format. Raise it when a saved type changes shape.
pub const SAVE_FORMAT: u32 = 1;

/// The game's record, as a save writes it (a named wrapper, kept so that
/// saves stay readable across versions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transcript(pub Record);

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
    /// The classroom on the local network, if the game had one: which
    /// seats are played from devices, with their codes and tokens, so that
    /// after a crash the students' pages find their seats again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classroom: Option<ClassroomSave>,
}

/// A classroom's seats and whether it takes new students.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassroomSave {
    /// Per seat: its access from a device, if it has been given one.
    pub seats: Vec<Option<SeatAccess>>,
    /// No new student may join with a code (tokens still work).
    pub locked: bool,
}

/// How a seat is reached from a device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatAccess {
    /// Played from a device now (rather than by the AI or at the host).
    pub device: bool,
    /// The code a student types to join.
    pub code: String,
    /// What the student's browser keeps to come back.
    pub token: String,
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
    /// The game as it stands between two phases, about to enter `next`.
    pub fn capture(game: &Game, next: PhaseName) -> SavedGame {
        let delegations = (0..game.seat_count())
            .map(|seat| SavedDelegation {
                controller: game.controller(seat),
                points: game.points()[seat],
                disposition: game.dispositions()[seat].clone(),
            })
            .collect();
        SavedGame {
            format: SAVE_FORMAT,
            saved_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
            next_phase: next,
            scenario: (*game.scenario().source).clone(),
            clock: game.clock().clone(),
            crisis: game.crisis().clone(),
            table: game.table().clone(),
            history: game.history().clone(),
            transcript: Transcript(game.record().clone()),
            rng: game.rng().clone(),
            turns: game.turns().clone(),
            delegations,
            classroom: None,
        }
    }

    /// The game this save holds, checked against its own scenario, and the
    /// phase it resumes at.
    pub fn into_game(self, path: &str) -> Result<(Game, PhaseName), SaveError> {
        let sc = self.validate(path)?;
        let (controllers, (points, dispositions)) = self
            .delegations
            .into_iter()
            .map(|d| (d.controller, (d.points, d.disposition)))
            .unzip();
        let restored = Restored {
            controllers,
            points,
            dispositions,
            clock: self.clock,
            crisis: self.crisis,
            table: self.table,
            history: self.history,
            record: self.transcript.0,
            rng: self.rng,
            turns: self.turns,
        };
        Ok((Game::restore(sc, restored), self.next_phase))
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
            let clause_ok = |t: &Text| {
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
