//! The penholder: looks for the text that serves it best and can still pass,
//! and decides when to put it to the Council.

use rand::RngExt;

use super::{Context, Prediction, Situation};
use crate::game::compiled::{ClauseId, SeatId};
use crate::game::draft::{Change, DraftState, DraftStatus, Text};

/// The result of a penholder's search.
#[derive(Debug, Clone, PartialEq)]
pub struct Search {
    pub text: Text,
    /// The penholder's own value of the text.
    pub value: f32,
    pub prediction: Prediction,
}

/// Limits the hill climb; texts rarely need more steps than this.
const MAX_STEPS: usize = 12;
/// A text keeps at least this many clauses.
const MIN_CLAUSES: usize = 2;

/// How the penholder scores a candidate: its own value, minus a heavy
/// penalty for every obstacle to adoption.
fn score(sit: &Situation, pen: SeatId, text: &Text, ctx: Context) -> (f32, f32, Prediction) {
    let prediction = sit.predict(pen, text, ctx);
    let value = sit.assess(pen, text, ctx).value;
    let shortfall = prediction.shortfall(sit.sc.rules.quota);
    (value - 1.5 * shortfall, value, prediction)
}

/// Every single change the penholder could make to a text.
pub fn moves(sit: &Situation, text: &Text) -> Vec<Change> {
    let mut out = Vec::new();
    for c in 0..sit.sc.clause_count() {
        if !sit.available(c) {
            continue;
        }
        let wordings = sit.sc.wordings[c];
        match text.wording_of(c) {
            Some(current) => {
                if text.clauses.len() > MIN_CLAUSES {
                    out.push(Change::Delete { clause: c });
                }
                for w in 0..wordings {
                    if w != current {
                        out.push(Change::Reword {
                            clause: c,
                            wording: w,
                        });
                    }
                }
            }
            None => {
                for w in 0..wordings {
                    out.push(Change::Add {
                        clause: c,
                        wording: w,
                    });
                }
            }
        }
    }
    out
}

/// Hill-climbs from the draft's current text toward the best text that can
/// pass, one change at a time.
pub fn search(sit: &Situation, pen: SeatId, draft: &DraftState) -> Search {
    let ctx = Context::of(draft);
    let mut text = draft.text().clone();
    // Clauses that can no longer be used stay only if already there.
    let (mut best_score, mut value, mut prediction) = score(sit, pen, &text, ctx);
    for _ in 0..MAX_STEPS {
        let mut improved = None;
        for change in moves(sit, &text) {
            let Some(candidate) = text.with(change, &sit.sc.parts) else {
                continue;
            };
            let (s, v, p) = score(sit, pen, &candidate, ctx);
            if s > best_score + 1e-4 {
                best_score = s;
                improved = Some((candidate, v, p));
            }
        }
        match improved {
            Some((t, v, p)) => {
                text = t;
                value = v;
                prediction = p;
            }
            None => break,
        }
    }
    Search {
        text,
        value,
        prediction,
    }
}

/// The penholder's revision for today, if the search finds a better text.
/// Returns the new text and why it was revised.
pub fn revise(sit: &Situation, pen: SeatId, draft: &DraftState) -> Option<(Text, String)> {
    if !matches!(
        draft.status,
        DraftStatus::OnTable | DraftStatus::Blocked { .. }
    ) {
        return None;
    }
    let before = sit.predict(pen, draft.text(), Context::of(draft));
    let found = search(sit, pen, draft);
    if &found.text == draft.text() {
        return None;
    }
    let sc = sit.sc;
    let won_over: Vec<&str> = before
        .blockers
        .iter()
        .chain(&before.vetoes)
        .filter(|s| !found.prediction.blockers.contains(s) && !found.prediction.vetoes.contains(s))
        .map(|&s| sc.name(s))
        .collect();
    let added_new: Vec<ClauseId> = found
        .text
        .clauses
        .iter()
        .filter(|(c, _)| draft.text().wording_of(*c).is_none() && sc.requires_event[*c].is_some())
        .map(|&(c, _)| c)
        .collect();
    let reason = if !won_over.is_empty() {
        format!("to meet the concerns of {}", join_names(&won_over))
    } else if let Some(&c) = added_new.first() {
        format!(
            "to take account of events: {}",
            sc.clause(c).topic.to_lowercase()
        )
    } else if found.prediction.passes {
        "to strengthen the text while keeping it acceptable to all".to_string()
    } else {
        "to bring the text closer to agreement".to_string()
    };
    Some((found.text, reason))
}

/// What a penholder does with its draft at the end of the corridors.
#[derive(Debug, Clone, PartialEq)]
pub enum PenDecision {
    PutUnderSilence,
    PutInBlue,
    RequestVote,
    Wait,
}

/// Decides whether to put the draft to the Council today. A text expected to
/// pass goes ahead; one expected to fail goes ahead only when an assertive
/// penholder wants to make the objectors show their hand, and the Council is
/// under pressure to act.
pub fn decide(
    sit: &Situation,
    pen: SeatId,
    draft: &DraftState,
    rng: &mut impl rand::Rng,
) -> PenDecision {
    let ctx = Context::of(draft);
    let p = sit.predict(pen, draft.text(), ctx);
    let value = sit.assess(pen, draft.text(), ctx).value;
    let d = sit.disp[pen];
    let assertive = d.personality.assertiveness;
    // A text the penholder values below nothing is not worth pushing.
    if value <= 0.0 {
        return PenDecision::Wait;
    }
    let days_out = draft
        .circulated_day
        .map(|c| sit.day.saturating_sub(c))
        .unwrap_or(0);
    // Forcing a decision on a text bound to fail: more tempting the more
    // assertive the penholder, the longer the delay and the higher the
    // urgency; less so each time it has been tried.
    // One roll per decision, whatever the branch, keeps the sequence of
    // random numbers independent of how the decision goes.
    let roll: f32 = rng.random();
    let force = |hostility: f32| {
        let patience_spent = (days_out as f32 / 3.0).min(1.0);
        let chance = assertive * sit.urgency * patience_spent * hostility
            / (1.0 + 2.0 * draft.silence_attempts as f32);
        roll < chance
    };
    match draft.status {
        DraftStatus::OnTable | DraftStatus::Blocked { .. } => {
            if sit.sc.rules.needs_consensus(draft.kind()) {
                if p.passes || (p.blockers.len() <= 2 && force(0.8)) {
                    PenDecision::PutUnderSilence
                } else {
                    PenDecision::Wait
                }
            } else if p.passes || force(0.5) {
                PenDecision::PutInBlue
            } else {
                PenDecision::Wait
            }
        }
        DraftStatus::InBlue { since_day } if since_day < sit.day && !draft.vote_requested => {
            if p.passes {
                return PenDecision::RequestVote;
            }
            // Forcing a veto: worth it only against members the penholder is
            // at odds with, to make them pay for it in public.
            let hostility = p
                .vetoes
                .iter()
                .map(|&v| (-d.relationships[v]).max(0.0))
                .fold(0.0, f32::max);
            if p.vetoes.is_empty() || !force(hostility) {
                PenDecision::Wait
            } else {
                PenDecision::RequestVote
            }
        }
        _ => PenDecision::Wait,
    }
}

pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
