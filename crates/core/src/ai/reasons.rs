//! Reasons in plain words, built from the same numbers as the decisions.
//!
//! A reason completes a sentence such as "The United States votes no: ..."
//! or "France keeps silence: ...". It names the term of the delegation's
//! value ([`super::factors`]) that weighed most in the direction it went, or
//! the rule that decided (a red line, the cost of blocking the Council).

use super::factors::{Breakdown, Factor, Term};
use super::{Context, Situation};
use crate::model::compiled::{ClauseId, CompiledScenario, SeatId};
use crate::text::country_in_sentence;

/// "calls for an end to rocket fire from Gaza into Israel".
pub fn phrase(sc: &CompiledScenario, clause: ClauseId, wording: u8) -> String {
    let c = sc.clause(clause);
    let w = &c.wordings[(wording as usize).min(c.wordings.len() - 1)];
    format!("{} {}", w.verb, w.text).replace("{its}", "its")
}

/// A member's name inside a sentence: "the United States", "France".
pub fn named(sit: &Situation, seat: SeatId) -> String {
    country_in_sentence(sit.sc.name(seat))
}

/// The group through which this seat leans most: the one it shares with
/// the most members.
fn group_with_most_weight(sit: &Situation, seat: SeatId) -> Option<String> {
    let shared = &sit.sc.shared_groups[seat];
    let me = &sit.sc.members[seat];
    me.groups
        .iter()
        .max_by_key(|g| {
            shared
                .iter()
                .enumerate()
                .filter(|&(p, &k)| k > 0 && sit.sc.members[p].groups.contains(g))
                .count()
        })
        .cloned()
}

/// Who a decision is about, for the factors that name a delegation.
#[derive(Debug, Clone, Copy)]
pub struct About<'d> {
    pub ctx: Context<'d>,
    /// The delegation proposing the amendment being judged, if any.
    pub proposer: Option<SeatId>,
}

impl<'d> From<Context<'d>> for About<'d> {
    fn from(ctx: Context<'d>) -> Self {
        About {
            ctx,
            proposer: None,
        }
    }
}

/// How one factor reads as a reason, when it weighs for the text (`for_`)
/// or against it.
pub fn factor_phrase(
    sit: &Situation,
    seat: SeatId,
    about: About,
    factor: Factor,
    for_: bool,
) -> String {
    let sc = sit.sc;
    let pen = named(sit, about.ctx.penholder);
    match (factor, for_) {
        (Factor::Clause { clause, wording }, _) if about.proposer.is_some() => {
            format!("the amended text {}", phrase(sc, clause, wording))
        }
        (Factor::Clause { clause, wording }, _) => {
            format!("the text {}", phrase(sc, clause, wording))
        }
        (Factor::Removed { clause, wording }, true) => format!(
            "the change takes out that the text {}",
            phrase(sc, clause, wording)
        ),
        (Factor::Removed { clause, wording }, false) => format!(
            "the change would take out that the text {}",
            phrase(sc, clause, wording)
        ),
        (Factor::Partners, _) => match group_with_most_weight(sit, seat) {
            Some(g) if for_ => format!("it stands with its partners in the {g}"),
            Some(g) => format!("its partners in the {g} cannot accept the text"),
            None if for_ => "its partners support the text".into(),
            None => "its partners cannot accept the text".into(),
        },
        (Factor::Product, true) => "the Council must respond to the crisis".into(),
        (Factor::Product, false) => {
            "the Council should leave room for diplomacy rather than adopt this text".into()
        }
        (Factor::Penholder, true) => format!("it values its ties with {pen}"),
        (Factor::Penholder, false) => format!("it mistrusts the aims of {pen}"),
        (Factor::Favour, true) => format!("it has not forgotten the help of {pen}"),
        (Factor::Favour, false) => format!("it has not forgotten that {pen} let it down"),
        (Factor::OwnText, _) if about.ctx.penholder == seat => {
            "it holds the pen on this text".into()
        }
        (Factor::OwnText, _) => "it co-sponsors the text".into(),
        (Factor::Sponsors, true) => "it stands with the text's sponsors".into(),
        (Factor::Sponsors, false) => "it is wary of the text's sponsors".into(),
        (Factor::Promise, _) => {
            let to = about
                .ctx
                .draft
                .and_then(|d| sit.disp[seat].commitments.iter().find(|c| c.draft == d))
                .map(|c| named(sit, c.to));
            match to {
                Some(to) => format!("it gave its word to {to} to support this text"),
                None => "it gave its word to support this text".into(),
            }
        }
        (Factor::Proposer, true) => match about.proposer {
            Some(by) => format!("it backs the proposal of {}", named(sit, by)),
            None => "it backs the proposal".into(),
        },
        (Factor::Proposer, false) => match about.proposer {
            Some(by) => format!("it will not back a proposal of {}", named(sit, by)),
            None => "it will not back the proposal".into(),
        },
        (Factor::PenholderRefusal, false) => {
            format!("it stands by {pen}, which refused the change")
        }
        (Factor::PenholderRefusal, true) => {
            format!("it will not side with {pen}, which refused the change")
        }
    }
}

/// What decided a delegation, for the record and for tests.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decisive {
    /// A term of its value: the one that weighed most in the direction it went.
    Term(Term),
    /// Its value was below zero, but not by enough to block the Council
    /// (silence) or to vote against (a vote); `doubt` is what weighed most
    /// against.
    NotEnoughToBlock { doubt: Option<Term> },
    /// Nothing in the text matters to it either way.
    Indifferent,
}

/// Why it accepted: the term that added most.
pub fn deciding_for(b: &Breakdown) -> Decisive {
    b.strongest_for()
        .map_or(Decisive::Indifferent, Decisive::Term)
}

/// Why it rejected: the term that took away most.
pub fn deciding_against(b: &Breakdown) -> Decisive {
    b.strongest_against()
        .map_or(Decisive::Indifferent, Decisive::Term)
}

/// The reason as words. `blocking` is how the delegation would have blocked
/// ("block the Council alone", "vote against", "cast a veto").
pub fn say(
    sit: &Situation,
    seat: SeatId,
    about: About,
    decisive: Decisive,
    blocking: &str,
) -> String {
    match decisive {
        Decisive::Term(t) => factor_phrase(sit, seat, about, t.factor, t.value > 0.0),
        Decisive::NotEnoughToBlock { doubt: Some(t) } => format!(
            "it has doubts, as {}, but not enough to {blocking}",
            factor_phrase(sit, seat, about, t.factor, false)
        ),
        Decisive::NotEnoughToBlock { doubt: None } | Decisive::Indifferent => {
            "the outcome matters little to it".into()
        }
    }
}

/// A red line that brings only an abstention.
pub fn abstain_over_red_line(reason: &str, veto_holder: bool) -> String {
    if veto_holder {
        format!("{reason}; it will not use its veto to block the Council")
    } else {
        reason.to_string()
    }
}
