//! What a delegation can do, and what doing it changes.
//!
//! Human players and AI delegations act through the same [`Act`]s, sent as
//! [`Command`] messages, so a seat can change hands mid-game. [`perform`]
//! checks an act against the rules (whose pen, which phase, action points)
//! and carries it out; the answers of AI delegations to lobbying, trades and
//! amendments come from [`crate::ai`].

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::compiled::{DraftId, SeatId};
use super::draft::{Amendment, AmendmentState, Change, DraftStatus, Text};
use super::record::{PhaseName, What};
use super::state::{Clock, Commitment, GameRng, Table};
use crate::ai::{self, Situation};
use crate::rules::Vote;

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
    },
    /// Speak to the press, optionally naming who is blocking the Council.
    PressRemarks {
        about: Option<SeatId>,
        remarks: String,
    },
    /// Put a statement under silence procedure until today's decision.
    PutUnderSilence {
        draft: DraftId,
    },
    /// Put a draft resolution in its final form; it can be voted tomorrow.
    PutInBlue {
        draft: DraftId,
    },
    /// Ask the president to put a draft in blue to the vote.
    RequestVote {
        draft: DraftId,
    },
    Withdraw {
        draft: DraftId,
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
            | Act::Lobby { .. }
            | Act::OfferTrade { .. }
            | Act::PressRemarks { .. } => 1,
            _ => 0,
        }
    }

    /// Whether it is a decision (silence, vote) rather than a corridor action.
    pub fn is_decision(&self) -> bool {
        matches!(self, Act::Silence { .. } | Act::CastVote { .. })
    }
}

/// Proposed amendments that no longer fit the current text (their clause
/// changed, or the text already says what they propose) lapse.
fn lapse_stale_amendments(d: &mut super::draft::DraftState, parts: &[crate::scenario::Part]) {
    let text = d.text().clone();
    for a in d.amendments.iter_mut() {
        if a.state == AmendmentState::Proposed
            && text.with(a.change, parts).is_none_or(|t| t == text)
        {
            a.state = AmendmentState::Lapsed;
        }
    }
}

/// A delegation acting.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct Command {
    pub seat: SeatId,
    pub act: Act,
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
}

/// A change to delegations or the crisis, applied after the act is judged
/// (the judging borrows every delegation's disposition).
#[derive(Debug, Clone, PartialEq)]
pub enum Deferred {
    Commit {
        seat: SeatId,
        commitment: Commitment,
    },
    Goodwill {
        seat: SeatId,
        toward: SeatId,
        delta: f32,
    },
    Pressure {
        seat: SeatId,
        delta: f32,
    },
    Urgency(f32),
}

/// Checks and carries out a corridor or consultation act (not a decision).
/// Returns the changes to apply to delegations; the record is written here.
pub fn perform(
    seat: SeatId,
    act: &Act,
    sit: &Situation,
    table: &mut Table,
    clock: &Clock,
    rng: &mut GameRng,
    log: &mut Vec<What>,
) -> Result<Vec<Deferred>, ActError> {
    let sc = sit.sc;
    let code = |s: SeatId| sc.code(s).to_string();
    let in_negotiation = matches!(clock.phase, PhaseName::Consultations | PhaseName::Corridors);
    if !in_negotiation && !matches!(act, Act::EndTurn) {
        return Err(ActError::WrongPhase("consultations or corridors"));
    }
    let mut deferred = Vec::new();
    match act {
        Act::Circulate { draft } => {
            let d = draft_mut(table, *draft)?;
            if d.penholder != seat {
                return Err(ActError::NotPenholder);
            }
            if d.status != DraftStatus::InDrawer {
                return Err(ActError::AlreadyDone);
            }
            circulate(sit, d, clock.day, log, "the penholder circulates it");
        }
        Act::Revise {
            draft,
            text,
            reason,
        } => {
            let d = draft_mut(table, *draft)?;
            if d.penholder != seat {
                return Err(ActError::NotPenholder);
            }
            open_for_changes(d.status)?;
            if text.clauses.is_empty() {
                return Err(ActError::EmptyText);
            }
            if text.kind != d.kind()
                || text
                    .clauses
                    .iter()
                    .any(|&(c, w)| c >= sc.clause_count() || w >= sc.wordings[c])
            {
                return Err(ActError::ChangeDoesNotFit);
            }
            if text.clauses.iter().any(|&(c, _)| !sit.available(c)) {
                return Err(ActError::ClauseNotAvailable);
            }
            if text == d.text() {
                return Err(ActError::AlreadyDone);
            }
            let changes = describe_changes(sit, d.text(), text);
            d.versions.push(text.clone());
            if matches!(d.status, DraftStatus::Blocked { .. }) {
                d.status = DraftStatus::OnTable;
            }
            lapse_stale_amendments(d, &sc.parts);
            log.push(circulated_entry(sit, d, changes, reason.clone()));
        }
        Act::ProposeAmendment {
            draft,
            change,
            reason,
        } => {
            let d = draft_mut(table, *draft)?;
            open_for_changes(d.status)?;
            if d.penholder == seat {
                return Err(ActError::NotPenholder);
            }
            if change.clause() >= sc.clause_count() {
                return Err(ActError::ChangeDoesNotFit);
            }
            if !sit.available(change.clause()) {
                return Err(ActError::ClauseNotAvailable);
            }
            if let Change::Add { clause, wording } | Change::Reword { clause, wording } = change
                && *wording >= sc.wordings[*clause]
            {
                return Err(ActError::ChangeDoesNotFit);
            }
            if d.text().with(*change, &sc.parts).is_none() {
                return Err(ActError::ChangeDoesNotFit);
            }
            if d.amendments
                .iter()
                .any(|a| a.by == seat && a.change == *change && a.state == AmendmentState::Proposed)
            {
                return Err(ActError::AlreadyDone);
            }
            let id = table.next_amendment_id();
            let d = &mut table.drafts[*draft];
            d.amendments.push(Amendment {
                id,
                by: seat,
                change: *change,
                day: clock.day,
                state: AmendmentState::Proposed,
            });
            log.push(What::AmendmentProposed {
                draft: sc.draft_id(d.id),
                by: code(seat),
                amendment: id,
                change: change.describe(sc),
                reason: reason.clone(),
            });
        }
        Act::AnswerAmendment {
            draft,
            amendment,
            accept,
            reason,
        } => {
            let d = draft_mut(table, *draft)?;
            if d.penholder != seat {
                return Err(ActError::NotPenholder);
            }
            open_for_changes(d.status)?;
            let a = d
                .amendments
                .iter()
                .position(|a| a.id == *amendment)
                .ok_or(ActError::NoSuchAmendment)?;
            if d.amendments[a].state != AmendmentState::Proposed {
                return Err(ActError::AlreadyDone);
            }
            let change = d.amendments[a].change;
            let by = d.amendments[a].by;
            if *accept {
                let Some(text) = d.text().with(change, &sc.parts) else {
                    d.amendments[a].state = AmendmentState::Lapsed;
                    return Err(ActError::ChangeDoesNotFit);
                };
                d.amendments[a].state = AmendmentState::Accepted;
                let changes = describe_changes(sit, d.text(), &text);
                d.versions.push(text);
                // Others' amendments making the same change are now moot.
                lapse_stale_amendments(d, &sc.parts);
                if matches!(d.status, DraftStatus::Blocked { .. }) {
                    d.status = DraftStatus::OnTable;
                }
                log.push(What::AmendmentAnswered {
                    draft: sc.draft_id(d.id),
                    penholder: code(seat),
                    amendment: *amendment,
                    accepted: true,
                    reason: reason.clone(),
                });
                log.push(circulated_entry(
                    sit,
                    d,
                    changes,
                    format!("amendment {amendment} by {}", sc.name(by)),
                ));
                // The proposer remembers the favour.
                deferred.push(Deferred::Goodwill {
                    seat: by,
                    toward: seat,
                    delta: 0.1,
                });
            } else {
                d.amendments[a].state = AmendmentState::Rejected;
                log.push(What::AmendmentAnswered {
                    draft: sc.draft_id(d.id),
                    penholder: code(seat),
                    amendment: *amendment,
                    accepted: false,
                    reason: reason.clone(),
                });
            }
        }
        Act::InsistOnAmendment { draft, amendment } => {
            let d = draft_mut(table, *draft)?;
            if !sit.sc.rules.needs_consensus(d.kind()) {
                let a = d
                    .amendments
                    .iter_mut()
                    .find(|a| a.id == *amendment)
                    .ok_or(ActError::NoSuchAmendment)?;
                if a.by != seat {
                    return Err(ActError::SelfTarget);
                }
                if a.state != AmendmentState::Rejected {
                    return Err(ActError::AlreadyDone);
                }
                a.state = AmendmentState::ToVote;
                log.push(What::Announcement {
                    text: format!(
                        "{} asks for its amendment {amendment} to \"{}\" to be put to the vote.",
                        sc.name(seat),
                        d.title
                    ),
                });
            } else {
                return Err(ActError::NotAResolution);
            }
        }
        Act::Lobby { target, draft } => {
            if *target == seat {
                return Err(ActError::SelfTarget);
            }
            if *target >= sc.seat_count() {
                return Err(ActError::SelfTarget);
            }
            let d = table.drafts.get(*draft).ok_or(ActError::NoSuchDraft)?;
            if !d.status.is_live() {
                return Err(ActError::DraftNotOpen(d.status.label()));
            }
            if sit.disp[*target]
                .commitments
                .iter()
                .any(|c| c.draft == *draft)
            {
                return Err(ActError::AlreadyDone);
            }
            let (agreed, reason) = ai::corridors::answer_lobby(sit, *target, seat, d, &mut rng.0);
            log.push(What::Lobbied {
                by: code(seat),
                target: code(*target),
                draft: sc.draft_id(d.id),
                agreed,
                reason,
            });
            if agreed {
                deferred.push(Deferred::Commit {
                    seat: *target,
                    commitment: Commitment {
                        draft: *draft,
                        to: seat,
                    },
                });
                // The lobbyist now owes the target a favour.
                deferred.push(Deferred::Goodwill {
                    seat,
                    toward: *target,
                    delta: 0.15,
                });
            }
        }
        Act::OfferTrade { target, give, get } => {
            if *target == seat || *target >= sc.seat_count() {
                return Err(ActError::SelfTarget);
            }
            let g = table.drafts.get(*give).ok_or(ActError::NoSuchDraft)?;
            let t = table.drafts.get(*get).ok_or(ActError::NoSuchDraft)?;
            for d in [g, t] {
                if !d.status.is_live() {
                    return Err(ActError::DraftNotOpen(d.status.label()));
                }
            }
            if give == get {
                return Err(ActError::ChangeDoesNotFit);
            }
            let (accepted, reason) = ai::corridors::answer_trade(sit, *target, seat, g, t);
            log.push(What::TradeOffered {
                by: code(seat),
                target: code(*target),
                give: sc.draft_id(*give),
                get: sc.draft_id(*get),
                accepted,
                reason,
            });
            if accepted {
                deferred.push(Deferred::Commit {
                    seat,
                    commitment: Commitment {
                        draft: *give,
                        to: *target,
                    },
                });
                deferred.push(Deferred::Commit {
                    seat: *target,
                    commitment: Commitment {
                        draft: *get,
                        to: seat,
                    },
                });
            }
        }
        Act::CoSponsor { draft } => {
            let d = draft_mut(table, *draft)?;
            if !d.status.is_live() {
                return Err(ActError::DraftNotOpen(d.status.label()));
            }
            if d.sponsors_or_pen(seat) {
                return Err(ActError::AlreadyDone);
            }
            d.sponsors.push(seat);
            log.push(What::CoSponsored {
                by: code(seat),
                draft: sc.draft_id(d.id),
            });
            deferred.push(Deferred::Goodwill {
                seat: d.penholder,
                toward: seat,
                delta: 0.1,
            });
        }
        Act::PressRemarks { about, remarks } => {
            if *about == Some(seat) {
                return Err(ActError::SelfTarget);
            }
            log.push(What::PressRemarks {
                by: code(seat),
                remarks: remarks.clone(),
            });
            deferred.push(Deferred::Urgency(0.03));
            if let Some(target) = about
                && *target < sc.seat_count()
            {
                deferred.push(Deferred::Pressure {
                    seat: *target,
                    delta: 0.1,
                });
            }
        }
        Act::PutUnderSilence { draft } => {
            let d = draft_mut(table, *draft)?;
            if d.penholder != seat {
                return Err(ActError::NotPenholder);
            }
            if !sc.rules.needs_consensus(d.kind()) {
                return Err(ActError::NotAStatement);
            }
            open_for_changes(d.status)?;
            d.status = DraftStatus::UnderSilence;
            d.silence_attempts += 1;
            log.push(What::UnderSilence {
                draft: sc.draft_id(d.id),
                version: d.version(),
                by: code(seat),
            });
        }
        Act::PutInBlue { draft } => {
            let d = draft_mut(table, *draft)?;
            if d.penholder != seat {
                return Err(ActError::NotPenholder);
            }
            if sc.rules.needs_consensus(d.kind()) {
                return Err(ActError::NotAResolution);
            }
            open_for_changes(d.status)?;
            d.status = DraftStatus::InBlue {
                since_day: clock.day,
            };
            log.push(What::PutInBlue {
                draft: sc.draft_id(d.id),
                version: d.version(),
                by: code(seat),
            });
        }
        Act::RequestVote { draft } => {
            let d = draft_mut(table, *draft)?;
            if !d.sponsors_or_pen(seat) {
                return Err(ActError::NotPenholder);
            }
            if !matches!(d.status, DraftStatus::InBlue { .. }) {
                return Err(ActError::NotInBlueYet);
            }
            if d.vote_requested {
                return Err(ActError::AlreadyDone);
            }
            d.vote_requested = true;
            log.push(What::VoteRequested {
                draft: sc.draft_id(d.id),
                by: code(seat),
            });
        }
        Act::Withdraw { draft } => {
            let d = draft_mut(table, *draft)?;
            if d.penholder != seat {
                return Err(ActError::NotPenholder);
            }
            if !d.status.is_live() {
                return Err(ActError::DraftNotOpen(d.status.label()));
            }
            d.status = DraftStatus::Withdrawn { day: clock.day };
            log.push(What::Announcement {
                text: format!("{} withdraws \"{}\".", sc.name(seat), d.title),
            });
        }
        Act::EndTurn => {}
        Act::Silence { .. } | Act::CastVote { .. } => {
            return Err(ActError::WrongPhase("decision"));
        }
    }
    Ok(deferred)
}

fn open_for_changes(status: DraftStatus) -> Result<(), ActError> {
    match status {
        DraftStatus::OnTable | DraftStatus::Blocked { .. } => Ok(()),
        other => Err(ActError::DraftNotOpen(other.label())),
    }
}

/// Puts a draft on the table and records it.
pub fn circulate(
    sit: &Situation,
    d: &mut super::draft::DraftState,
    day: u32,
    log: &mut Vec<What>,
    reason: &str,
) {
    d.status = DraftStatus::OnTable;
    d.circulated_day = Some(day);
    log.push(circulated_entry(sit, d, Vec::new(), reason.to_string()));
}

fn circulated_entry(
    sit: &Situation,
    d: &super::draft::DraftState,
    changes: Vec<String>,
    reason: String,
) -> What {
    let sc = sit.sc;
    What::Circulated {
        draft: sc.draft_id(d.id),
        title: d.title.clone(),
        kind: d.kind(),
        penholder: sc.code(d.penholder).to_string(),
        version: d.version(),
        clauses: d
            .text()
            .clauses
            .iter()
            .map(|&(c, w)| (sc.clause(c).id.clone(), w))
            .collect(),
        text: d.text().plain(sc, &d.title),
        changes,
        reason,
    }
}

/// The changes between two versions, in words.
pub fn describe_changes(sit: &Situation, from: &Text, to: &Text) -> Vec<String> {
    let sc = sit.sc;
    let mut out = Vec::new();
    for &(c, w) in &to.clauses {
        match from.wording_of(c) {
            None => out.push(
                Change::Add {
                    clause: c,
                    wording: w,
                }
                .describe(sc),
            ),
            Some(old) if old != w => out.push(
                Change::Reword {
                    clause: c,
                    wording: w,
                }
                .describe(sc),
            ),
            _ => {}
        }
    }
    for &(c, _) in &from.clauses {
        if to.wording_of(c).is_none() {
            out.push(Change::Delete { clause: c }.describe(sc));
        }
    }
    out
}

fn draft_mut(table: &mut Table, id: DraftId) -> Result<&mut super::draft::DraftState, ActError> {
    table.drafts.get_mut(id).ok_or(ActError::NoSuchDraft)
}
