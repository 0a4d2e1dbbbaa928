//! The drafts a reader can see, as UN text, with their amendments and the
//! positions delegations have shown on them; and the clause library a
//! delegation drafts from.

use serde::{Deserialize, Serialize};

use crate::ai::reasons::phrase;
use crate::model::compiled::{ClauseId, CompiledScenario, DraftId, SeatId};
use crate::model::draft::{AmendmentState, Change, DraftState, DraftStatus, Text};
use crate::rules::ProductKind;
use crate::scenario::Part;
use crate::text::RenderedText;

use super::positions::Known;

/// A draft as the Council (or its penholder, for one in the drawer) sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftView {
    pub id: DraftId,
    /// The scenario's id for it.
    pub code: String,
    pub title: String,
    pub kind: ProductKind,
    pub status: DraftStatus,
    /// The status in words: "under negotiation", "in blue", ...
    pub status_label: String,
    /// Open to amendments and revisions.
    pub open: bool,
    /// Still open to negotiation or a decision.
    pub live: bool,
    /// In blue since a previous day: it may be put to the vote.
    pub votable: bool,
    pub penholder: SeatId,
    pub sponsors: Vec<SeatId>,
    pub version: usize,
    pub text: Text,
    pub rendered: RenderedText,
    /// Library ids of the clauses changed since the last version.
    pub changed: Vec<String>,
    pub amendments: Vec<AmendmentView>,
    pub vote_requested: bool,
    /// Agreed by consensus under silence (a statement), not voted.
    pub consensus: bool,
    /// `positions[seat]`: what each delegation has shown of its position.
    pub positions: Vec<Known>,
    /// The reader's own red line this text crosses, in words.
    pub crosses_my_red_line: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmendmentView {
    pub id: usize,
    pub by: SeatId,
    pub change: Change,
    pub description: String,
    pub state: AmendmentState,
    /// Its proposer may press it to a vote before the draft's: a resolution
    /// still open, the amendment refused or not yet answered.
    pub pressable: bool,
}

impl DraftView {
    /// The draft on day `today`, with the positions shown on it.
    pub fn of(
        sc: &CompiledScenario,
        d: &DraftState,
        today: u32,
        positions: Vec<Known>,
    ) -> DraftView {
        let resolution = !sc.rules.needs_consensus(d.kind()) && d.status.is_live();
        let changed = d
            .changed_clauses()
            .into_iter()
            .map(|c| sc.clause(c).id.clone())
            .collect();
        DraftView {
            id: d.id,
            code: d.code.clone(),
            title: d.title.clone(),
            kind: d.kind(),
            status: d.status,
            status_label: d.status.label().to_string(),
            open: matches!(d.status, DraftStatus::OnTable | DraftStatus::Blocked { .. }),
            live: d.status.is_live(),
            votable: matches!(d.status, DraftStatus::InBlue { since_day } if since_day < today),
            penholder: d.penholder,
            sponsors: d.sponsors.clone(),
            version: d.version(),
            text: d.text().clone(),
            rendered: d.text().render(sc, &d.title),
            changed,
            amendments: d
                .amendments
                .iter()
                .map(|a| AmendmentView {
                    id: a.id,
                    by: a.by,
                    change: a.change,
                    description: a.change.describe(sc),
                    state: a.state,
                    pressable: resolution
                        && matches!(a.state, AmendmentState::Rejected | AmendmentState::Proposed),
                })
                .collect(),
            vote_requested: d.vote_requested,
            consensus: sc.rules.needs_consensus(d.kind()),
            positions,
            crosses_my_red_line: None,
        }
    }

    pub fn in_drawer(&self) -> bool {
        self.status == DraftStatus::InDrawer
    }
}

/// A clause of the library that may be used today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseView {
    pub id: ClauseId,
    pub code: String,
    /// A few words for menus ("rocket fire from Gaza").
    pub topic: String,
    pub part: Part,
    /// Each wording in words, the mildest first.
    pub wordings: Vec<String>,
}

impl ClauseView {
    pub fn of(sc: &CompiledScenario, c: ClauseId) -> ClauseView {
        let clause = sc.clause(c);
        ClauseView {
            id: c,
            code: clause.id.clone(),
            topic: clause.topic.clone(),
            part: clause.part,
            wordings: (0..sc.wordings[c]).map(|w| phrase(sc, c, w)).collect(),
        }
    }

    /// How strong a wording is, in a word.
    pub fn strength(&self, wording: u8) -> &'static str {
        match (wording as usize, self.wordings.len()) {
            (_, 1) => "only wording",
            (0, _) => "mild",
            (w, n) if w + 1 == n => "strongest",
            _ => "firm",
        }
    }
}
