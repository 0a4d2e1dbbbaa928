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

/// A position and what it rests on, in words ("broke silence on day 3: ...").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Known {
    pub stance: Stance,
    pub basis: String,
}

impl Known {
    fn unknown() -> Known {
        Known {
            stance: Stance::Unknown,
            basis: String::new(),
        }
    }
}

/// `known[draft][seat]`: each delegation's last shown position on each
/// draft, from the record entries the audience may see.
pub fn known_positions(
    record: &Record,
    audience: Audience,
    draft_ids: &[String],
) -> Vec<Vec<Known>> {
    let seat_of: HashMap<&str, SeatId> = record
        .members
        .iter()
        .enumerate()
        .map(|(s, m)| (m.code.as_str(), s))
        .collect();
    let draft_of: HashMap<&str, DraftId> = draft_ids
        .iter()
        .enumerate()
        .map(|(d, id)| (id.as_str(), d))
        .collect();
    let mut known = vec![vec![Known::unknown(); record.members.len()]; draft_ids.len()];
    let mut set = |draft: &str, member: &str, stance: Stance, basis: String| {
        if let (Some(&d), Some(&s)) = (draft_of.get(draft), seat_of.get(member)) {
            known[d][s] = Known { stance, basis };
        }
    };
    for e in record.entries.iter().filter(|e| visible_to(e, audience)) {
        let day = e.day;
        match &e.what {
            What::Circulated {
                draft,
                penholder,
                version,
                ..
            } if *version == 1 => set(draft, penholder, Stance::Supports, "holds the pen".into()),
            What::CoSponsored { by, draft } => set(
                draft,
                by,
                Stance::Supports,
                format!("co-sponsored it on day {day}"),
            ),
            What::AmendmentProposed {
                draft, by, change, ..
            } => set(
                draft,
                by,
                Stance::Reservations,
                format!("proposed on day {day} to {change}"),
            ),
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
                    set(draft, &p.member, stance, basis);
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
                    let basis = format!("{did} on version {version}");
                    set(draft, &b.member, stance, basis);
                }
            }
            What::Lobbied {
                by,
                target,
                draft,
                agreed,
                reason,
            } => {
                let (stance, basis) = if *agreed {
                    (
                        Stance::Supports,
                        format!("promised {} its support", name(record, by)),
                    )
                } else {
                    let basis = format!("declined to support it: {reason}");
                    (Stance::Reservations, basis)
                };
                set(draft, target, stance, basis);
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
                    |to: &str| format!("promised {} its support in a trade", name(record, to));
                set(get, target, Stance::Supports, promise(by));
                set(give, by, Stance::Supports, promise(target));
            }
            _ => {}
        }
    }
    known
}

fn name<'a>(record: &'a Record, code: &'a str) -> String {
    crate::text::country_in_sentence(record.name_of(code))
}
