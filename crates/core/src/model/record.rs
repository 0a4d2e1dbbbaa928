//! The record of a game: a complete, self-contained transcript.
//!
//! Every entry names members by code and carries rendered text, so a record
//! can be read, exported or compared without the scenario file. It
//! serialises to RON and JSON; two games with the same scenario, seed and
//! inputs produce byte-identical records.

use serde::{Deserialize, Serialize};

use crate::rules::{ProductKind, Vote, VoteResult};

/// Version of the record format, written into every record.
pub const RECORD_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub format: u32,
    pub scenario_id: String,
    pub scenario_title: String,
    pub start_date: String,
    pub days: u32,
    pub seed: u64,
    pub members: Vec<MemberLine>,
    pub what_really_happened: String,
    pub entries: Vec<Entry>,
    /// Filled in when the game ends.
    pub outcome: Option<Outcome>,
    /// The scenario's questions for the class, for the debrief.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discussion: Vec<String>,
    /// For a game played again from a moment of another: which, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberLine {
    pub code: String,
    pub name: String,
    pub veto: bool,
    pub human: bool,
    /// The students playing it, as named in set-up (a class may put several
    /// on one delegation).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
}

/// When something happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhaseName {
    Morning,
    Consultations,
    Corridors,
    Decision,
    Evening,
}

impl PhaseName {
    pub fn label(self) -> &'static str {
        match self {
            PhaseName::Morning => "Morning",
            PhaseName::Consultations => "Consultations",
            PhaseName::Corridors => "Corridors",
            PhaseName::Decision => "Decision",
            PhaseName::Evening => "Evening",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub day: u32,
    pub phase: PhaseName,
    pub what: What,
}

/// A member's decision with the reason it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stated<T> {
    pub member: String,
    pub choice: T,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum VoteSubject {
    Draft {
        draft: String,
        version: usize,
    },
    Amendment {
        draft: String,
        amendment: usize,
        change: String,
    },
    /// A procedural motion: the procedural quota, no veto.
    Motion {
        motion: crate::rules::Motion,
        by: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum What {
    News {
        event: String,
        headline: String,
        text: String,
        urgency: f32,
    },
    /// Someone outside the Council is heard with the news.
    Said {
        speaker: String,
        words: String,
    },
    /// A draft is circulated, or a new version of it.
    Circulated {
        draft: String,
        title: String,
        kind: ProductKind,
        penholder: String,
        version: usize,
        clauses: Vec<(String, u8)>,
        text: String,
        /// What changed from the last version, and why.
        changes: Vec<String>,
        reason: String,
    },
    AmendmentProposed {
        draft: String,
        by: String,
        amendment: usize,
        change: String,
        reason: String,
    },
    /// A member moves a procedural motion, voted in the next decision phase.
    MotionProposed {
        by: String,
        motion: crate::rules::Motion,
        reason: String,
    },
    AmendmentAnswered {
        draft: String,
        penholder: String,
        amendment: usize,
        accepted: bool,
        reason: String,
    },
    Lobbied {
        by: String,
        target: String,
        draft: String,
        agreed: bool,
        reason: String,
    },
    TradeOffered {
        by: String,
        target: String,
        /// The draft `by` promises to support.
        give: String,
        /// The draft `by` wants `target` to support.
        get: String,
        accepted: bool,
        reason: String,
    },
    /// A request to a human delegation, which answers by what it does.
    Requested {
        by: String,
        target: String,
        draft: String,
        /// For a trade: the draft `by` offers to support in return.
        in_return_for: Option<String>,
    },
    /// A promise of support no longer binds: a revision made the text
    /// worse for the delegation that gave it.
    PromiseReleased {
        by: String,
        to: String,
        draft: String,
        reason: String,
    },
    /// A delegation did not keep its promise of support in a decision, and
    /// the one it promised noticed.
    PromiseBroken {
        by: String,
        to: String,
        draft: String,
    },
    CoSponsored {
        by: String,
        draft: String,
        #[serde(default)]
        reason: String,
    },
    PressRemarks {
        by: String,
        remarks: String,
        /// The member the remarks name, if any.
        #[serde(default)]
        about: Option<String>,
    },
    UnderSilence {
        draft: String,
        version: usize,
        by: String,
        #[serde(default)]
        reason: String,
    },
    /// The end of a silence procedure: every member's position.
    Silence {
        draft: String,
        version: usize,
        positions: Vec<Stated<bool>>,
        /// Members who broke silence.
        broken_by: Vec<String>,
    },
    PutInBlue {
        draft: String,
        version: usize,
        by: String,
        #[serde(default)]
        reason: String,
    },
    VoteRequested {
        draft: String,
        by: String,
        #[serde(default)]
        reason: String,
    },
    Vote {
        subject: VoteSubject,
        ballots: Vec<Stated<Vote>>,
        result: VoteResult,
    },
    Adopted {
        draft: String,
        kind: ProductKind,
        title: String,
        text: String,
    },
    TriggerFired {
        trigger: String,
        description: String,
    },
    Announcement {
        text: String,
    },
    ControlChanged {
        member: String,
        human: bool,
    },
    GameOver {
        reason: String,
    },
}

/// The end of the game: products and scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub products: Vec<Product>,
    pub scores: Vec<ScoreLine>,
    pub vetoes: Vec<String>,
    /// The decisive moments and what would have flipped them, for the
    /// debrief.
    #[serde(default)]
    pub turning_points: Vec<TurningPoint>,
}

/// A decisive moment: one delegation's choice decided it (a lone broken
/// silence, a lone veto, a vote one short of the quota or carried by one),
/// and what would have changed that choice, by the AI's own judgement at
/// that moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurningPoint {
    pub day: u32,
    pub draft: String,
    pub version: usize,
    /// The members whose choices decided.
    pub deciding: Vec<String>,
    /// What happened, in a sentence.
    pub happened: String,
    /// The smallest change of the text that would have flipped the deciding
    /// member (one change or a few), or none.
    #[serde(default)]
    pub changes: Vec<super::draft::Change>,
    /// A member whose request for support would have been granted and would
    /// have flipped it, if any.
    #[serde(default)]
    pub lobby_by: Option<String>,
    /// What would have flipped it, in sentences.
    pub flip: String,
    /// Later days the same moment came again on the same draft, for the
    /// same reasons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub again: Vec<u32>,
}

impl TurningPoint {
    /// "Day 4" or "Day 4 (again on days 5 and 6)".
    pub fn when(&self) -> String {
        match self.again.as_slice() {
            [] => format!("Day {}", self.day),
            [one] => format!("Day {} (again on day {one})", self.day),
            [rest @ .., last] => {
                let rest: Vec<String> = rest.iter().map(u32::to_string).collect();
                format!(
                    "Day {} (again on days {} and {last})",
                    self.day,
                    rest.join(", ")
                )
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub draft: String,
    pub kind: ProductKind,
    pub title: String,
    pub day: u32,
    pub clauses: Vec<(String, u8)>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreLine {
    pub member: String,
    pub points: u32,
    pub max: u32,
    pub objectives: Vec<ObjectiveResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveResult {
    pub description: String,
    pub points: u32,
    pub achieved: bool,
}

impl Record {
    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .unwrap_or_else(|e| format!("// could not write the record: {e}"))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"could not write the record: {e}\"}}"))
    }

    /// Every vote in the record.
    pub fn votes(&self) -> impl Iterator<Item = (&VoteSubject, &[Stated<Vote>], &VoteResult)> {
        self.entries.iter().filter_map(|e| match &e.what {
            What::Vote {
                subject,
                ballots,
                result,
            } => Some((subject, ballots.as_slice(), result)),
            _ => None,
        })
    }

    pub fn name_of<'a>(&'a self, code: &'a str) -> &'a str {
        self.members
            .iter()
            .find(|m| m.code == code)
            .map(|m| m.name.as_str())
            .unwrap_or(code)
    }
}

#[cfg(test)]
mod turning_point_tests {
    use super::TurningPoint;

    #[test]
    fn a_moment_that_came_back_says_on_which_days() {
        let mut t = TurningPoint {
            day: 4,
            draft: "d".into(),
            version: 1,
            deciding: vec!["USA".into()],
            happened: String::new(),
            changes: Vec::new(),
            lobby_by: None,
            flip: String::new(),
            again: Vec::new(),
        };
        assert_eq!(t.when(), "Day 4");
        t.again.push(5);
        assert_eq!(t.when(), "Day 4 (again on day 5)");
        t.again.extend([6, 7]);
        assert_eq!(t.when(), "Day 4 (again on days 5, 6 and 7)");
    }
}
