//! The journal of a game: every input accepted since its last save, so that
//! a crash loses nothing a player was told was done.
//!
//! A save is a whole snapshot, taken when a phase ends. Between two
//! snapshots each accepted input (a delegation's act or decision, a
//! teacher's order) is appended to the journal beside the save, one JSON
//! line each, and flushed to disk before the input is acknowledged.
//! Restoring a save replays its journal once the saved phase has begun:
//! the game is deterministic, so the same inputs give the same game.
//!
//! The journal's first line names the snapshot it follows ([`Stamp`]): a
//! journal left from an older snapshot (a crash between writing the save
//! and starting its journal) is ignored. A last line cut short by a crash
//! was never acknowledged, and is dropped.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::game::control::TeacherOrder;
use crate::model::act::Act;
use crate::model::compiled::SeatId;
use crate::model::record::PhaseName;
use crate::save::{ClassroomSave, SavedGame};

/// One accepted input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// A delegation's act or decision, sent by whoever controls it.
    Act { seat: SeatId, act: Act },
    /// A teacher's order.
    Teacher(TeacherOrder),
    /// The classroom changed (a seat given to a device, a new code, the
    /// room locked): not the game, but the session the save carries.
    Room(ClassroomSave),
}

/// Which snapshot a journal follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub saved_at: u64,
    pub day: u32,
    pub next_phase: PhaseName,
    /// Entries in the snapshot's record.
    pub entries: usize,
}

impl Stamp {
    pub fn of(saved: &SavedGame) -> Stamp {
        Stamp {
            saved_at: saved.saved_at,
            day: saved.clock.day,
            next_phase: saved.next_phase,
            entries: saved.transcript.0.entries.len(),
        }
    }
}

/// The journal file of the save at `save`.
pub fn path_for(save: &Path) -> PathBuf {
    let mut name = save.as_os_str().to_owned();
    name.push(".journal");
    PathBuf::from(name)
}

/// A journal open for appending.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
}

impl Journal {
    /// Starts the journal of a new snapshot, replacing any older one.
    pub fn start(save: &Path, stamp: Stamp) -> std::io::Result<Journal> {
        let path = path_for(save);
        let mut file = File::create(&path)?;
        writeln!(file, "{}", serde_json::to_string(&stamp).map_err(other)?)?;
        file.sync_data()?;
        Ok(Journal { file, path })
    }

    /// Reopens the journal of a restored snapshot to append to it, and
    /// returns the inputs already in it (to replay). A missing journal, or
    /// one that follows another snapshot, is started afresh.
    pub fn resume(save: &Path, stamp: Stamp) -> std::io::Result<(Journal, Vec<Input>)> {
        let path = path_for(save);
        let inputs = match read(&path, stamp) {
            Ok(Some(inputs)) => inputs,
            Ok(None) | Err(_) => return Journal::start(save, stamp).map(|j| (j, Vec::new())),
        };
        // Rewrite it whole: a torn last line is dropped, not appended to.
        let mut journal = Journal::start(save, stamp)?;
        for input in &inputs {
            journal.write_line(input)?;
        }
        journal.file.sync_data()?;
        Ok((journal, inputs))
    }

    /// Appends an input and flushes it to disk: once this returns, a crash
    /// does not lose it.
    pub fn append(&mut self, input: &Input) -> std::io::Result<()> {
        self.write_line(input)?;
        self.file.sync_data()
    }

    fn write_line(&mut self, input: &Input) -> std::io::Result<()> {
        let line = serde_json::to_string(input).map_err(other)?;
        writeln!(self.file, "{line}")
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The inputs of the journal at `path` if it follows the snapshot `stamp`.
fn read(path: &Path, stamp: Stamp) -> std::io::Result<Option<Vec<Input>>> {
    let file = File::open(path)?;
    let mut lines = BufReader::new(file).lines();
    let Some(first) = lines.next().transpose()? else {
        return Ok(None);
    };
    if serde_json::from_str::<Stamp>(&first).ok() != Some(stamp) {
        return Ok(None);
    }
    let mut inputs = Vec::new();
    for line in lines {
        let Ok(line) = line else { break };
        match serde_json::from_str(&line) {
            Ok(input) => inputs.push(input),
            // Cut short by a crash: never acknowledged.
            Err(_) => break,
        }
    }
    Ok(Some(inputs))
}

fn other(e: serde_json::Error) -> std::io::Error {
    std::io::Error::other(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Vote;

    fn open_for_append(path: &Path) -> std::io::Result<File> {
        std::fs::OpenOptions::new().append(true).open(path)
    }

    fn stamp(entries: usize) -> Stamp {
        Stamp {
            saved_at: 1,
            day: 2,
            next_phase: PhaseName::Corridors,
            entries,
        }
    }

    fn dir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("horseshoe-journal-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn inputs_come_back_in_order_and_a_torn_line_is_dropped() {
        let save = dir("order").join("game.ron");
        let inputs = [
            Input::Act {
                seat: 3,
                act: Act::EndTurn,
            },
            Input::Teacher(TeacherOrder::EndPhase),
            Input::Act {
                seat: 1,
                act: Act::CastVote {
                    vote: Vote::Abstain,
                    explanation: "it says \"nothing\"\nof the rockets".into(),
                },
            },
        ];
        let mut journal = Journal::start(&save, stamp(9)).unwrap();
        for input in &inputs {
            journal.append(input).unwrap();
        }
        drop(journal);
        // A crash in the middle of a line.
        write!(
            open_for_append(&path_for(&save)).unwrap(),
            "{{\"Act\":{{\"seat\":2,"
        )
        .unwrap();
        let (mut journal, back) = Journal::resume(&save, stamp(9)).unwrap();
        assert_eq!(back, inputs);
        journal
            .append(&Input::Teacher(TeacherOrder::EndPhase))
            .unwrap();
        let (_, again) = Journal::resume(&save, stamp(9)).unwrap();
        assert_eq!(
            again.len(),
            4,
            "appending after the torn line keeps every input"
        );
    }

    #[test]
    fn a_journal_of_another_snapshot_is_not_replayed() {
        let save = dir("stale").join("game.ron");
        let mut journal = Journal::start(&save, stamp(9)).unwrap();
        journal
            .append(&Input::Teacher(TeacherOrder::EndPhase))
            .unwrap();
        let (_, back) = Journal::resume(&save, stamp(10)).unwrap();
        assert!(back.is_empty());
        let (_, none) = Journal::resume(&dir("none").join("game.ron"), stamp(1)).unwrap();
        assert!(none.is_empty());
    }
}
