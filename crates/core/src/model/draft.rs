//! Drafts on the table: their text, versions, amendments and status.

use serde::{Deserialize, Serialize};

use super::compiled::{ClauseId, ClauseReq, CompiledScenario, DraftId, SeatId};
use crate::rules::{AmendmentChange, ProductKind};
use crate::scenario::Part;
use crate::text::{self, RenderedText};

/// The content of a draft: its kind and its clauses in order, each at a wording.
#[derive(Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text {
    pub kind: ProductKind,
    pub clauses: Vec<(ClauseId, u8)>,
}

impl Clone for Text {
    fn clone(&self) -> Self {
        Text {
            kind: self.kind,
            clauses: self.clauses.clone(),
        }
    }

    /// Reuses the clause buffer: the AI's searches copy texts thousands of
    /// times a game.
    fn clone_from(&mut self, source: &Self) {
        self.kind = source.kind;
        self.clauses.clone_from(&source.clauses);
    }
}

impl Text {
    #[inline]
    pub fn wording_of(&self, clause: ClauseId) -> Option<u8> {
        self.clauses
            .iter()
            .find(|(c, _)| *c == clause)
            .map(|&(_, w)| w)
    }

    /// Holds the clause at the required wording or stronger.
    #[inline]
    pub fn satisfies(&self, req: ClauseReq) -> bool {
        self.wording_of(req.clause)
            .is_some_and(|w| w >= req.min_wording)
    }

    /// Applies a change; a change that does not fit (deleting an absent
    /// clause) leaves the text as it is and returns false.
    pub fn apply(&mut self, change: Change, parts: &[Part]) -> bool {
        match change {
            Change::Add { clause, wording } => {
                if self.wording_of(clause).is_some() {
                    return false;
                }
                // Keep preambular clauses ahead of operative ones.
                let part = parts[clause];
                let at = self
                    .clauses
                    .iter()
                    .rposition(|&(c, _)| parts[c] <= part)
                    .map(|i| i + 1)
                    .unwrap_or(0);
                self.clauses.insert(at, (clause, wording));
                true
            }
            Change::Delete { clause } => {
                let before = self.clauses.len();
                self.clauses.retain(|&(c, _)| c != clause);
                self.clauses.len() != before
            }
            Change::Reword { clause, wording } => {
                match self.clauses.iter_mut().find(|(c, _)| *c == clause) {
                    Some(entry) if entry.1 != wording => {
                        entry.1 = wording;
                        true
                    }
                    _ => false,
                }
            }
        }
    }

    pub fn with(&self, change: Change, parts: &[Part]) -> Option<Text> {
        let mut t = self.clone();
        t.apply(change, parts).then_some(t)
    }

    /// The text as the Council would issue it.
    pub fn render(&self, sc: &CompiledScenario, title: &str) -> RenderedText {
        let clauses: Vec<(&crate::scenario::Clause, u32)> = self
            .clauses
            .iter()
            .map(|&(c, w)| (sc.clause(c), w as u32))
            .collect();
        text::render(self.kind, title, &clauses)
    }

    /// The text as plain lines, as `render(..).plain()` writes it, from the
    /// scenario's paragraphs written in advance: this is how every version
    /// of a draft goes into the record, many times a game.
    pub fn plain(&self, sc: &CompiledScenario, title: &str) -> String {
        let kind = self.kind as usize;
        let paragraph = |c: ClauseId, w: u8| -> &str {
            sc.paragraphs
                .get(c)
                .and_then(|p| p.get((w as usize).min(p.len().saturating_sub(1))))
                .map_or("", |p| p[kind].as_str())
        };
        let mut out = String::with_capacity(
            title.len()
                + 64
                + self
                    .clauses
                    .iter()
                    .map(|&(c, w)| paragraph(c, w).len() + 6)
                    .sum::<usize>(),
        );
        out.push_str(title);
        out.push_str("\n\n");
        if let Some(opening) = text::opening(self.kind) {
            out.push_str(opening);
            out.push_str("\n\n");
        }
        let resolution = self.kind == ProductKind::Resolution;
        let mut number = 0;
        let mut first = true;
        // Preambular paragraphs first, then operative, each in draft order.
        for part in [Part::Preambular, Part::Operative] {
            for &(c, w) in self.clauses.iter().filter(|&&(c, _)| sc.parts[c] == part) {
                if !first {
                    out.push_str("\n\n");
                }
                first = false;
                if resolution && part == Part::Operative {
                    number += 1;
                    push_number(&mut out, number);
                }
                out.push_str(paragraph(c, w));
            }
        }
        if resolution {
            if !first {
                out.push_str("\n\n");
            }
            push_number(&mut out, number + 1);
            out.push_str("Decides to remain seized of the matter.");
        }
        out
    }
}

/// "3. ", an operative paragraph's number.
fn push_number(out: &mut String, n: u32) {
    use std::fmt::Write as _;
    let _ = write!(out, "{n}. ");
}

/// An amendment's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Change {
    Add { clause: ClauseId, wording: u8 },
    Delete { clause: ClauseId },
    Reword { clause: ClauseId, wording: u8 },
}

impl Change {
    pub fn clause(self) -> ClauseId {
        match self {
            Change::Add { clause, .. }
            | Change::Delete { clause }
            | Change::Reword { clause, .. } => clause,
        }
    }

    /// The clause's wording after the change (none once deleted).
    #[inline]
    pub fn wording(self) -> Option<u8> {
        match self {
            Change::Add { wording, .. } | Change::Reword { wording, .. } => Some(wording),
            Change::Delete { .. } => None,
        }
    }

    /// The change as the rules engine orders amendments.
    pub fn for_ordering(self, text: &Text) -> AmendmentChange {
        let current = text.wording_of(self.clause()).unwrap_or(0) as u32;
        match self {
            Change::Add { wording, .. } => AmendmentChange::Add {
                wording: wording as u32,
            },
            Change::Delete { .. } => AmendmentChange::Delete { wording: current },
            Change::Reword { wording, .. } => AmendmentChange::Reword {
                from: current,
                to: wording as u32,
            },
        }
    }

    /// "add: expresses its concern at the firing of rockets ...".
    pub fn describe(self, sc: &CompiledScenario) -> String {
        let c = sc.clause(self.clause());
        let wording = |w: u8| format!("\"{}\"", wording_words(sc, self.clause(), w));
        match self {
            Change::Add { wording: w, .. } => format!("add {}", wording(w)),
            Change::Delete { .. } => format!("delete the paragraph on {}", c.topic.clone()),
            Change::Reword { wording: w, .. } => {
                format!(
                    "reword the paragraph on {} to {}",
                    c.topic.clone(),
                    wording(w)
                )
            }
        }
    }
}

/// A clause's wording as one phrase, verb and text: "calls for an end to
/// rocket fire from Gaza into Israel" (the strongest, if `wording` is past
/// the last).
pub fn wording_words(sc: &CompiledScenario, clause: ClauseId, wording: u8) -> String {
    let c = sc.clause(clause);
    let wd = &c.wordings[(wording as usize).min(c.wordings.len() - 1)];
    format!(
        "{} {}",
        wd.verb.replace("{its}", "its"),
        wd.text.replace("{its}", "its")
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftStatus {
    /// Kept back until a trigger or its penholder circulates it.
    InDrawer,
    /// Circulated and under negotiation.
    OnTable,
    /// A statement under silence procedure until today's decision.
    UnderSilence,
    /// A resolution in its final form: it can be voted from the day after.
    InBlue {
        since_day: u32,
    },
    Adopted {
        day: u32,
    },
    /// Silence broken: a statement may be revised and tried again.
    Blocked {
        day: u32,
    },
    /// A resolution that failed its vote or was vetoed: it is dead.
    Failed {
        day: u32,
    },
    Withdrawn {
        day: u32,
    },
}

impl DraftStatus {
    /// Still open to negotiation or decision.
    pub fn is_live(self) -> bool {
        matches!(
            self,
            DraftStatus::OnTable
                | DraftStatus::UnderSilence
                | DraftStatus::InBlue { .. }
                | DraftStatus::Blocked { .. }
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            DraftStatus::InDrawer => "not circulated",
            DraftStatus::OnTable => "under negotiation",
            DraftStatus::UnderSilence => "under silence procedure",
            DraftStatus::InBlue { .. } => "in blue",
            DraftStatus::Adopted { .. } => "adopted",
            DraftStatus::Blocked { .. } => "blocked",
            DraftStatus::Failed { .. } => "failed",
            DraftStatus::Withdrawn { .. } => "withdrawn",
        }
    }
}

/// A proposed amendment and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amendment {
    pub id: usize,
    pub by: SeatId,
    pub change: Change,
    pub day: u32,
    pub state: AmendmentState,
    /// The penholder refused it (rather than never answering).
    #[serde(default)]
    pub refused: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AmendmentState {
    /// Waiting for the penholder's answer.
    Proposed,
    /// Taken into the text by the penholder.
    Accepted,
    /// Refused by the penholder; on a resolution its sponsor may still have it voted.
    Rejected,
    /// To be voted before the draft (a resolution only): its sponsor pressed
    /// it to a vote, refused or never answered.
    ToVote,
    Adopted,
    Defeated,
    /// No longer applies (the clause changed or the draft ended).
    Lapsed,
}

/// A procedural motion and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MotionState {
    pub id: usize,
    pub by: SeatId,
    pub motion: crate::rules::Motion,
    pub day: u32,
    pub status: MotionStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MotionStatus {
    /// To be voted in the next decision phase.
    Proposed,
    Adopted,
    Rejected,
}

/// A draft and its life on the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftState {
    pub id: DraftId,
    /// What the record calls it: the scenario's id, or for a draft tabled
    /// during the game, its penholder's code and kind (`mar-prst`).
    #[serde(default)]
    pub code: String,
    pub title: String,
    pub penholder: SeatId,
    pub sponsors: Vec<SeatId>,
    pub status: DraftStatus,
    /// Every version, first to current.
    pub versions: Vec<Text>,
    pub amendments: Vec<Amendment>,
    /// A vote has been requested for the next decision it is eligible for.
    pub vote_requested: bool,
    /// Times put under silence, for the penholder's patience.
    pub silence_attempts: u32,
    /// Day it was circulated.
    pub circulated_day: Option<u32>,
}

impl DraftState {
    pub fn text(&self) -> &Text {
        self.versions.last().expect("a draft always has a version")
    }

    pub fn kind(&self) -> ProductKind {
        self.text().kind
    }

    pub fn version(&self) -> usize {
        self.versions.len()
    }

    /// The clauses that changed between the previous version and this one.
    pub fn changed_clauses(&self) -> Vec<ClauseId> {
        let Some(previous) = self.versions.iter().rev().nth(1) else {
            return Vec::new();
        };
        self.text()
            .clauses
            .iter()
            .filter(|&&(c, w)| previous.wording_of(c) != Some(w))
            .map(|&(c, _)| c)
            .collect()
    }

    pub fn sponsors_or_pen(&self, seat: SeatId) -> bool {
        self.penholder == seat || self.sponsors.contains(&seat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTS: [Part; 4] = [
        Part::Preambular,
        Part::Operative,
        Part::Preambular,
        Part::Operative,
    ];

    fn text(clauses: &[(ClauseId, u8)]) -> Text {
        Text {
            kind: ProductKind::Resolution,
            clauses: clauses.to_vec(),
        }
    }

    #[test]
    fn an_added_preambular_clause_goes_before_the_operative_ones() {
        let mut t = text(&[(0, 0), (1, 0)]);
        assert!(t.apply(
            Change::Add {
                clause: 2,
                wording: 0
            },
            &PARTS
        ));
        assert_eq!(t.clauses, vec![(0, 0), (2, 0), (1, 0)]);
        assert!(t.apply(
            Change::Add {
                clause: 3,
                wording: 0
            },
            &PARTS
        ));
        assert_eq!(t.clauses.last(), Some(&(3, 0)));
    }

    #[test]
    fn changes_that_do_not_fit_leave_the_text_alone() {
        let mut t = text(&[(0, 0)]);
        assert!(!t.apply(Change::Delete { clause: 1 }, &PARTS));
        assert!(!t.apply(
            Change::Add {
                clause: 0,
                wording: 1
            },
            &PARTS
        ));
        assert!(!t.apply(
            Change::Reword {
                clause: 0,
                wording: 0
            },
            &PARTS
        ));
        assert_eq!(t, text(&[(0, 0)]));
    }

    /// The record's plain text comes from paragraphs written in advance; it
    /// must read exactly as the renderer writes it, for every kind of text,
    /// clause, wording (one past the last too) and order of clauses.
    #[test]
    fn plain_text_reads_as_the_renderer_writes_it() {
        for src in [
            include_str!("../../../../scenarios/gaza-2012.ron"),
            include_str!("../../../../scenarios/tutorial.ron"),
        ] {
            let loaded = crate::scenario::parse("test.ron", src).expect("shipped scenario");
            let sc = CompiledScenario::new(loaded.scenario);
            let n = sc.clause_count();
            let mut texts: Vec<Vec<(ClauseId, u8)>> = vec![Vec::new()];
            for c in 0..n {
                for w in 0..=sc.wordings[c] {
                    texts.push(vec![(c, w)]);
                }
            }
            // Every clause, operative and preambular interleaved, both ways round.
            let all: Vec<(ClauseId, u8)> = (0..n).map(|c| (c, (c % 3) as u8)).collect();
            texts.push(all.iter().rev().copied().collect());
            texts.push(all);
            texts.extend(sc.drafts.iter().map(|d| d.clauses.clone()));
            for kind in ProductKind::ALL {
                for clauses in &texts {
                    let t = Text {
                        kind,
                        clauses: clauses.clone(),
                    };
                    assert_eq!(
                        t.plain(&sc, "A title"),
                        t.render(&sc, "A title").plain(),
                        "{kind:?} {clauses:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn requirements_accept_stronger_wordings() {
        let t = text(&[(1, 2)]);
        assert!(t.satisfies(ClauseReq {
            clause: 1,
            min_wording: 1
        }));
        assert!(!t.satisfies(ClauseReq {
            clause: 1,
            min_wording: 3
        }));
        assert!(!t.satisfies(ClauseReq {
            clause: 0,
            min_wording: 0
        }));
    }
}
