//! What a delegation can do: the acts a player or an AI delegation sends,
//! and why one may be refused. [`crate::game::Game::apply`] carries them out.

use serde::{Deserialize, Serialize};

use super::compiled::{DraftId, SeatId};
use super::draft::{Change, Text};
use crate::rules::Vote;
use crate::scenario::Part;

/// The most characters of free text an act may carry (remarks to the
/// press, reasons, explanations of vote): a record is read by a class.
pub const MAX_CHARS: usize = 1000;

/// One thing a delegation does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Act {
    /// Circulate a draft kept in the drawer (its penholder only).
    Circulate {
        draft: DraftId,
    },
    /// Circulate a new version (its penholder only).
    Revise {
        draft: DraftId,
        text: Text,
        reason: String,
    },
    ProposeAmendment {
        draft: DraftId,
        change: Change,
        reason: String,
    },
    /// The penholder takes an amendment into the text, or refuses it.
    AnswerAmendment {
        draft: DraftId,
        amendment: usize,
        accept: bool,
        reason: String,
    },
    /// A refused amendment to a resolution goes to a vote before the draft.
    InsistOnAmendment {
        draft: DraftId,
        amendment: usize,
    },
    /// Move a procedural motion (a public meeting, an open debate), voted
    /// without veto in the next decision phase.
    ProposeMotion {
        motion: crate::rules::Motion,
        #[serde(default)]
        reason: String,
    },
    /// Ask another delegation to support a draft.
    Lobby {
        target: SeatId,
        draft: DraftId,
    },
    /// "We support your draft if you support ours."
    OfferTrade {
        target: SeatId,
        give: DraftId,
        get: DraftId,
    },
    CoSponsor {
        draft: DraftId,
        /// Why, in words (a player may leave it empty).
        #[serde(default)]
        reason: String,
    },
    /// Speak to the press, optionally naming who is blocking the Council.
    PressRemarks {
        about: Option<SeatId>,
        remarks: String,
    },
    /// Put a statement under silence procedure until today's decision.
    PutUnderSilence {
        draft: DraftId,
        /// Why, in words (a player may leave it empty).
        #[serde(default)]
        reason: String,
    },
    /// Put a draft resolution in its final form; it can be voted tomorrow.
    PutInBlue {
        draft: DraftId,
        /// Why, in words (a player may leave it empty).
        #[serde(default)]
        reason: String,
    },
    /// Ask the president to put a draft in blue to the vote.
    RequestVote {
        draft: DraftId,
        /// Why, in words (a player may leave it empty).
        #[serde(default)]
        reason: String,
    },
    Withdraw {
        draft: DraftId,
    },
    /// Put a new draft of one's own on the table, built from the clauses the
    /// scenario offers; the member holds its pen.
    TableDraft {
        /// Its title; empty for the usual one ("Draft presidential
        /// statement (Morocco)").
        #[serde(default)]
        title: String,
        text: Text,
        #[serde(default)]
        reason: String,
    },
    /// Done for this phase.
    EndTurn,
    /// Decision phase: on a statement under silence.
    Silence {
        draft: DraftId,
        keep: bool,
        reason: String,
    },
    /// Decision phase: on the item now being voted.
    CastVote {
        vote: Vote,
        explanation: String,
    },
}

impl Act {
    /// Action points it costs.
    pub fn cost(&self) -> u32 {
        match self {
            Act::Circulate { .. }
            | Act::Revise { .. }
            | Act::ProposeAmendment { .. }
            | Act::ProposeMotion { .. }
            | Act::Lobby { .. }
            | Act::OfferTrade { .. }
            | Act::PressRemarks { .. }
            | Act::TableDraft { .. } => 1,
            _ => 0,
        }
    }

    /// The free text it carries, if any.
    pub fn words(&self) -> &str {
        match self {
            Act::Revise { reason, .. }
            | Act::ProposeAmendment { reason, .. }
            | Act::ProposeMotion { reason, .. }
            | Act::CoSponsor { reason, .. }
            | Act::PutUnderSilence { reason, .. }
            | Act::PutInBlue { reason, .. }
            | Act::RequestVote { reason, .. }
            | Act::AnswerAmendment { reason, .. }
            | Act::TableDraft { reason, .. }
            | Act::Silence { reason, .. } => reason,
            Act::PressRemarks { remarks, .. } => remarks,
            Act::CastVote { explanation, .. } => explanation,
            _ => "",
        }
    }

    /// Whether it is a decision (silence, vote) rather than a corridor action.
    pub fn is_decision(&self) -> bool {
        matches!(self, Act::Silence { .. } | Act::CastVote { .. })
    }
}

/// Why an act was refused. Shown to the player; nothing is changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActError {
    #[error("no action points left today")]
    NoActionPoints,
    #[error("that can only be done in the {0}")]
    WrongPhase(&'static str),
    #[error("only the penholder can do that")]
    NotPenholder,
    #[error("there is no such draft")]
    NoSuchDraft,
    #[error("there is no such amendment")]
    NoSuchAmendment,
    #[error("the draft is {0}")]
    DraftNotOpen(&'static str),
    #[error("that change does not fit the text")]
    ChangeDoesNotFit,
    #[error("that clause cannot be used yet")]
    ClauseNotAvailable,
    #[error("a delegation cannot do that with itself")]
    SelfTarget,
    #[error("only a draft resolution can be put in blue and voted")]
    NotAResolution,
    #[error("a resolution is voted, not agreed under silence")]
    NotAStatement,
    #[error("the draft must be in blue since a previous day")]
    NotInBlueYet,
    #[error("already done")]
    AlreadyDone,
    #[error("a draft needs at least one clause")]
    EmptyText,
    #[error("that is too long: {MAX_CHARS} characters at most")]
    TooLong,
    #[error("there are too many drafts on the table: withdraw one first")]
    TableFull,
}

/// The act a player means by changing a draft's clause: the penholder
/// revises its own text at once, another member proposes an amendment for
/// the penholder to answer. `None` when the change does not fit the text.
pub fn change_act(
    me: SeatId,
    draft: DraftId,
    penholder: SeatId,
    text: &Text,
    change: Change,
    parts: &[Part],
) -> Option<Act> {
    if penholder == me {
        let text = text.with(change, parts)?;
        Some(Act::Revise {
            draft,
            text,
            reason: "the penholder revises the text".into(),
        })
    } else {
        Some(Act::ProposeAmendment {
            draft,
            change,
            reason: String::new(),
        })
    }
}
