//! A validated scenario turned into indices, for a fast game loop.
//!
//! The RON file speaks in ids (`"USA"`, `"halt_rockets"`); the game speaks in
//! seat and clause indices. Compiling resolves every id once, fills in the
//! neutral delegation of any member the file leaves out, and keeps the
//! original scenario for names and text. The compiling itself is in
//! [`super::compile`].

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::rules::{DecisionRules, ProductKind};
use crate::scenario::{self, Decision, Part, Personality, Scenario};

/// Index of a member in `council.members`: its seat at the table.
pub type SeatId = usize;
/// Index of a clause in the clause library.
pub type ClauseId = usize;
/// Index of a draft in the scenario's draft list.
pub type DraftId = usize;
/// Index of an event in the scenario's event list.
pub type EventId = usize;

/// A requirement "clause at this wording or stronger".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseReq {
    pub clause: ClauseId,
    pub min_wording: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RedLineTest {
    MustContain(Vec<ClauseReq>),
    MustNotContain(ClauseReq),
}

/// What a red line makes its holder do on a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteResponse {
    /// Vote no (a veto for a veto holder).
    No,
    Abstain,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompiledRedLine {
    pub id: String,
    pub products: Vec<ProductKind>,
    pub test: RedLineTest,
    pub reason: String,
    pub on_resolution: VoteResponse,
}

impl CompiledRedLine {
    #[inline]
    pub fn applies_to(&self, kind: ProductKind) -> bool {
        self.products.is_empty() || self.products.contains(&kind)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompiledGoal {
    ProductAdopted {
        kinds: Vec<ProductKind>,
        with: Vec<ClauseReq>,
        by_day: Option<u32>,
    },
    NoProductWith {
        kinds: Vec<ProductKind>,
        req: ClauseReq,
    },
    NoProductAdopted {
        kinds: Vec<ProductKind>,
    },
    DraftAdopted(DraftId),
    DraftNotAdopted(DraftId),
    AvoidVeto,
    DraftSupported {
        draft: DraftId,
        at_least: u32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompiledObjective {
    pub description: String,
    pub goal: CompiledGoal,
    pub points: u32,
}

/// A delegation's starting disposition, by index.
#[derive(Debug, Clone, PartialEq)]
pub struct DelegationSpec {
    pub salience: f32,
    pub wants_product: f32,
    pub personality: Personality,
    /// `stances[clause][wording]`, zero where the file says nothing.
    pub stances: Vec<Vec<f32>>,
    pub red_lines: Vec<CompiledRedLine>,
    /// Affinity toward every seat (zero for itself and the unmentioned).
    pub relationships: Vec<f32>,
    pub objectives: Vec<CompiledObjective>,
    /// Fixed decisions by draft.
    pub scripted: Vec<(DraftId, Decision, String)>,
    pub fixed_stances: bool,
    pub source: String,
    /// The file gave no delegation: neutral defaults.
    pub neutral: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberSpec {
    pub code: String,
    pub name: String,
    pub permanent: bool,
    pub veto: bool,
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftSpec {
    pub id: String,
    pub kind: ProductKind,
    pub title: String,
    pub penholder: SeatId,
    pub sponsors: Vec<SeatId>,
    pub clauses: Vec<(ClauseId, u8)>,
    pub circulated_on: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompiledEffect {
    ShiftStance {
        seat: SeatId,
        clause: ClauseId,
        delta: f32,
    },
    ShiftWantsProduct {
        seat: SeatId,
        delta: f32,
    },
    LiftRedLine {
        seat: SeatId,
        red_line: usize,
    },
    ShiftRelationship {
        seat: SeatId,
        toward: SeatId,
        delta: f32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventSpec {
    pub id: String,
    pub day: Option<u32>,
    pub chance: f32,
    pub headline: String,
    pub text: String,
    pub urgency: f32,
    pub effects: Vec<CompiledEffect>,
    pub ends_game: bool,
    pub voices: Vec<crate::scenario::Voice>,
    /// Actions taken the moment it happens, as a trigger's.
    pub then: Vec<CompiledAction>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompiledCondition {
    FromDay(u32),
    NoProductAdopted {
        kinds: Vec<ProductKind>,
        by_day: u32,
    },
    ProductAdopted {
        kinds: Vec<ProductKind>,
    },
    DraftBlocked(DraftId),
    DraftAdopted(DraftId),
    DraftCirculated(DraftId),
    EventHappened(EventId),
    UrgencyAtLeast(f32),
    All(Vec<CompiledCondition>),
    Any(Vec<CompiledCondition>),
    Not(Box<CompiledCondition>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompiledAction {
    TableDraft(DraftId),
    PutInBlue(DraftId),
    CallVote(DraftId),
    FireEvent(EventId),
    Announce(String),
    EndGame(String),
    ProposeMotion(SeatId, crate::rules::Motion),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TriggerSpec {
    pub id: String,
    pub description: String,
    pub when: CompiledCondition,
    pub then: Vec<CompiledAction>,
}

/// Everything the game needs from a scenario, resolved to indices.
#[derive(Debug, Clone)]
pub struct CompiledScenario {
    pub source: Arc<Scenario>,
    pub members: Vec<MemberSpec>,
    pub presidency: SeatId,
    pub rules: DecisionRules,
    /// Number of wordings of each clause.
    pub wordings: Vec<u8>,
    pub parts: Vec<Part>,
    pub requires_event: Vec<Option<EventId>>,
    pub delegations: Vec<DelegationSpec>,
    pub drafts: Vec<DraftSpec>,
    pub events: Vec<EventSpec>,
    pub triggers: Vec<TriggerSpec>,
    /// `shares_group[a][b]`: how many groups seats a and b share.
    pub shared_groups: Vec<Vec<u8>>,
    /// `paragraphs[clause][wording][kind as usize]`: the clause as a paragraph
    /// of each kind of text, without its number. Every version of a draft
    /// goes into the record as text, so it is written once here.
    pub paragraphs: Vec<Vec<[String; 3]>>,
    /// `seats_naming[clause]`: the seats with a red line naming the clause,
    /// in seat order: changing the clause may cross or mend one of their
    /// lines, and no one else's.
    pub(super) seats_naming: Vec<Vec<SeatId>>,
}

impl CompiledScenario {
    /// The seats with a red line naming the clause, in seat order.
    #[inline]
    pub fn seats_naming(&self, clause: ClauseId) -> &[SeatId] {
        self.seats_naming.get(clause).map_or(&[], Vec::as_slice)
    }

    #[inline]
    pub fn seat_count(&self) -> usize {
        self.members.len()
    }

    #[inline]
    pub fn clause_count(&self) -> usize {
        self.wordings.len()
    }

    pub fn seat_of(&self, code: &str) -> Option<SeatId> {
        self.members.iter().position(|m| m.code == code)
    }

    pub fn clause_of(&self, id: &str) -> Option<ClauseId> {
        self.source.clauses.iter().position(|c| c.id == id)
    }

    pub fn clause(&self, c: ClauseId) -> &scenario::Clause {
        &self.source.clauses[c]
    }

    pub fn name(&self, seat: SeatId) -> &str {
        &self.members[seat].name
    }

    pub fn code(&self, seat: SeatId) -> &str {
        &self.members[seat].code
    }

    /// The scenario's id for a draft.
    pub fn draft_id(&self, draft: DraftId) -> String {
        self.drafts
            .get(draft)
            .map(|d| d.id.clone())
            .unwrap_or_else(|| format!("draft-{draft}"))
    }
}
