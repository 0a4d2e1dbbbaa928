//! What a reader can know of each delegation's position on each draft: only
//! what the record shows it (public acts, and its own private talks), never
//! what an AI delegation thinks.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::compiled::{DraftId, SeatId};
use crate::model::record::{Record, VoteSubject, What};
use crate::narration::{Audience, visible_to};
use crate::rules::Vote;

/// A delegation's position on a draft, as far as it has shown it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stance {
    /// Nothing said or done about this draft yet.
    Unknown,
    /// Holds the pen, co-sponsors, voted for it, or promised support.
    Supports,
    /// Kept silence on it.
    CanAccept,
    /// Wants it changed, declined to support it, or abstained.
    Reservations,
    /// Broke silence on it or voted against it.
    Opposes,
}

impl Stance {
    pub fn word(self) -> &'static str {
        match self {
            Stance::Unknown => "no position yet",
            Stance::Supports => "supports",
            Stance::CanAccept => "can accept",
            Stance::Reservations => "reservations",
            Stance::Opposes => "opposes",
        }
    }
}

/// How sure the reader can be of a position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sure {
    /// The delegation showed it: in the open, or to the reader in private.
    #[default]
    Shown,
    /// The reader's own delegation's estimate, from the delegation's public
    /// line and red lines, read through its own misreadings, as an AI
    /// delegation reads the others: it may be wrong.
    Guess,
}

/// A position and what it rests on, in words ("broke silence on day 3: ...").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Known {
    pub stance: Stance,
    pub basis: String,
    #[serde(default)]
    pub sure: Sure,
}

impl Known {
    fn unknown() -> Known {
        Known {
            stance: Stance::Unknown,
            basis: String::new(),
            sure: Sure::Shown,
        }
    }

    /// The stance in words, with a question mark when it is a guess.
    pub fn word(&self) -> String {
        match self.sure {
            Sure::Shown => self.stance.word().to_string(),
            Sure::Guess => format!("{}?", self.stance.word()),
        }
    }
}

/// What `reader` expects of `seat` on a draft it has shown no position on:
/// its value of the text as the reader misreads it, and any red line the
/// text crosses (red lines are public), as an AI delegation predicts.
pub fn estimate(
    sit: &crate::ai::Situation,
    reader: SeatId,
    seat: SeatId,
    draft: &crate::model::draft::DraftState,
) -> Known {
    let ctx = crate::ai::Context::of(draft);
    let a = sit.assess(seat, draft.text(), ctx);
    let (stance, basis) = if let Some(line) = a.breach {
        let reason = &sit.sc.delegations[seat].red_lines[line].reason;
        (
            Stance::Opposes,
            format!("your estimate: the text crosses its known red line ({reason})"),
        )
    } else {
        // Favours owed and promises given are private: the reader does not
        // count them.
        let d = &sit.disp[seat];
        let private = if draft.penholder == seat {
            0.0
        } else {
            0.5 * d.goodwill[draft.penholder] + d.commitment(draft.id)
        };
        let value = a.value - private + sit.disp[reader].misread.get(seat).copied().unwrap_or(0.0);
        let stance = match value {
            v if v > 0.35 => Stance::Supports,
            v if v > 0.0 => Stance::CanAccept,
            v if v > -0.3 => Stance::Reservations,
            _ => Stance::Opposes,
        };
        (
            stance,
            "your estimate from its public line and its partners; ask it to learn more".to_string(),
        )
    };
    Known {
        stance,
        basis,
        sure: Sure::Guess,
    }
}

/// `known[draft][seat]`: each delegation's last shown position on each
/// draft, from the record entries the audience may see.
pub fn known_positions(
    record: &Record,
    audience: Audience,
    draft_ids: &[String],
) -> Vec<Vec<Known>> {
    let mut positions = Positions {
        record,
        seat_of: record
            .members
            .iter()
            .enumerate()
            .map(|(s, m)| (m.code.as_str(), s))
            .collect(),
        draft_of: draft_ids
            .iter()
            .enumerate()
            .map(|(d, id)| (id.as_str(), d))
            .collect(),
        known: vec![vec![Known::unknown(); record.members.len()]; draft_ids.len()],
        proposers: HashMap::new(),
    };
    for e in record.entries.iter().filter(|e| visible_to(e, audience)) {
        positions.read(e.day, &e.what);
    }
    positions.known
}

/// Positions being read from the record, entry by entry: the last word wins.
struct Positions<'r> {
    record: &'r Record,
    seat_of: HashMap<&'r str, SeatId>,
    draft_of: HashMap<&'r str, DraftId>,
    known: Vec<Vec<Known>>,
    /// Who proposed each amendment, by draft and number.
    proposers: HashMap<(&'r str, usize), &'r str>,
}

impl<'r> Positions<'r> {
    fn set(&mut self, draft: &str, member: &str, stance: Stance, basis: String) {
        if let (Some(&d), Some(&s)) = (self.draft_of.get(draft), self.seat_of.get(member)) {
            self.known[d][s] = Known {
                stance,
                basis,
                sure: Sure::Shown,
            };
        }
    }

    fn read(&mut self, day: u32, what: &'r What) {
        match what {
            What::Circulated {
                draft,
                penholder,
                version: 1,
                ..
            } => self.set(draft, penholder, Stance::Supports, "holds the pen".into()),
            What::CoSponsored { by, draft, .. } => {
                let basis = format!("co-sponsored it on day {day}");
                self.set(draft, by, Stance::Supports, basis)
            }
            What::AmendmentProposed {
                draft,
                by,
                change,
                amendment,
                ..
            } => {
                self.proposers
                    .insert((draft.as_str(), *amendment), by.as_str());
                let basis = format!("proposed on day {day} to {change}");
                self.set(draft, by, Stance::Reservations, basis)
            }
            // Its amendment taken in, the proposer's reservation is met.
            What::AmendmentAnswered {
                draft,
                amendment,
                accepted: true,
                ..
            } => {
                let Some(&by) = self.proposers.get(&(draft.as_str(), *amendment)) else {
                    return;
                };
                let still_reserved = match (self.draft_of.get(draft.as_str()), self.seat_of.get(by))
                {
                    (Some(&d), Some(&s)) => self.known[d][s].stance == Stance::Reservations,
                    _ => false,
                };
                if still_reserved {
                    let basis = format!("its amendment was taken into the text on day {day}");
                    self.set(draft, by, Stance::CanAccept, basis)
                }
            }
            What::Silence {
                draft,
                version,
                positions,
                ..
            } => {
                for p in positions {
                    let (stance, basis) = if p.choice {
                        (
                            Stance::CanAccept,
                            format!("kept silence on version {version}"),
                        )
                    } else {
                        let basis = format!("broke silence on version {version}: {}", p.reason);
                        (Stance::Opposes, basis)
                    };
                    self.set(draft, &p.member, stance, basis);
                }
            }
            What::Vote {
                subject: VoteSubject::Draft { draft, version },
                ballots,
                ..
            } => {
                for b in ballots {
                    let (stance, did) = match b.choice {
                        Vote::Yes => (Stance::Supports, "voted yes"),
                        Vote::No => (Stance::Opposes, "voted no"),
                        Vote::Abstain => (Stance::Reservations, "abstained"),
                        Vote::Absent => continue,
                    };
                    self.set(
                        draft,
                        &b.member,
                        stance,
                        format!("{did} on version {version}"),
                    );
                }
            }
            What::Lobbied { .. } | What::TradeOffered { .. } => self.read_promise(what),
            What::PromiseReleased {
                by, draft, reason, ..
            } => {
                let basis = format!("withdrew its promise of support on day {day}: {reason}");
                self.set(draft, by, Stance::Reservations, basis)
            }
            _ => {}
        }
    }

    /// Private talks, seen by their two parties (and the teacher).
    fn read_promise(&mut self, what: &What) {
        match what {
            What::Lobbied {
                by,
                target,
                draft,
                agreed,
                reason,
            } => {
                let (stance, basis) = if *agreed {
                    let basis = format!("promised {} its support", name(self.record, by));
                    (Stance::Supports, basis)
                } else {
                    let basis = format!("declined to support it: {reason}");
                    (Stance::Reservations, basis)
                };
                self.set(draft, target, stance, basis);
            }
            What::TradeOffered {
                by,
                target,
                give,
                get,
                accepted: true,
                ..
            } => {
                let promise =
                    |to: &str| format!("promised {} its support in a trade", name(self.record, to));
                let (to_by, to_target) = (promise(by), promise(target));
                self.set(get, target, Stance::Supports, to_by);
                self.set(give, by, Stance::Supports, to_target);
            }
            _ => {}
        }
    }
}

fn name<'a>(record: &'a Record, code: &'a str) -> String {
    crate::text::country_in_sentence(record.name_of(code))
}
