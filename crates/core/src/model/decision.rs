//! The decision phase's queue: what is being decided today, one item at a
//! time, and the choices made so far. [`crate::game`] fills and resolves it.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::compiled::DraftId;
use super::draft::Text;
use crate::rules::Vote;

/// What is being decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Item {
    /// A procedural motion, voted without veto: index into the table's
    /// motions.
    Motion {
        motion: usize,
    },
    Silence {
        draft: DraftId,
    },
    Amendment {
        draft: DraftId,
        amendment: usize,
    },
    Draft {
        draft: DraftId,
    },
}

impl Item {
    /// The draft the item belongs to (none for a motion).
    pub fn draft(self) -> Option<DraftId> {
        match self {
            Item::Silence { draft } | Item::Amendment { draft, .. } | Item::Draft { draft } => {
                Some(draft)
            }
            Item::Motion { .. } => None,
        }
    }
}

/// A member's choice on the current item.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    Silence { keep: bool },
    Vote(Vote),
}

/// The item under decision and the choices made so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    pub item: Item,
    /// The text as it would stand if the item passed (for a motion, the
    /// empty text: there is none).
    pub text: Text,
    /// Per seat: its choice and the reason it gave, once made.
    pub choices: Vec<Option<(Choice, String)>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecisionQueue {
    pub pending: VecDeque<Item>,
    pub current: Option<Current>,
    /// The teacher ended the phase: human delegations that have not decided
    /// follow their instructions for the rest of today's decisions.
    pub humans_absent: bool,
}

impl DecisionQueue {
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty() && self.current.is_none()
    }

    /// Whether `seat` still has to decide on the current item.
    pub fn waits_for(&self, seat: usize) -> bool {
        self.current
            .as_ref()
            .is_some_and(|c| c.choices.get(seat).is_some_and(Option::is_none))
    }
}
