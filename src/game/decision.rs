//! The decision phase: silence procedures and votes, one item at a time.
//!
//! Items are queued when the phase opens: every statement under silence, then
//! for each resolution called to a vote its amendments (rule 33 order) and
//! the draft itself. AI delegations decide at once; the item waits for each
//! human delegation's [`Act::Silence`] or [`Act::CastVote`].

use std::collections::VecDeque;

use bevy::prelude::*;

use super::actions::{Act, ActError};
use super::compiled::{DraftId, SeatId};
use super::draft::{AmendmentState, DraftStatus, Text};
use super::record::{PhaseName, Stated, VoteSubject, What};
use super::state::{AdoptedProduct, Controller};
use super::turn::{GameCtx, dispositions};
use crate::ai::{Context, Situation};
use crate::rules::{self, Matter, Vote};

/// What is being decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Silence { draft: DraftId },
    Amendment { draft: DraftId, amendment: usize },
    Draft { draft: DraftId },
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
    /// The text as it would stand if the item passed.
    pub text: Text,
    pub choices: Vec<Option<(Choice, String)>>,
}

#[derive(Resource, Debug, Clone, Default, PartialEq)]
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
}

/// Opens the phase: queues every item due today.
pub(super) fn open(mut g: GameCtx, mut queue: ResMut<DecisionQueue>) {
    g.clock.phase = PhaseName::Decision;
    let n = g.seats.0.len();
    g.turns.done = vec![false; n];
    queue.pending.clear();
    queue.current = None;
    queue.humans_absent = false;
    let day = g.clock.day;
    for d in &g.table.drafts {
        if d.status == DraftStatus::UnderSilence {
            queue.pending.push_back(Item::Silence { draft: d.id });
        }
    }
    for d in &g.table.drafts {
        let due = matches!(d.status, DraftStatus::InBlue { since_day } if since_day < day);
        if !(due && d.vote_requested) {
            continue;
        }
        let to_vote: Vec<_> = d
            .amendments
            .iter()
            .filter(|a| a.state == AmendmentState::ToVote)
            .collect();
        let changes: Vec<_> = to_vote
            .iter()
            .map(|a| a.change.for_ordering(d.text()))
            .collect();
        for i in rules::amendment_voting_order(&changes) {
            queue.pending.push_back(Item::Amendment {
                draft: d.id,
                amendment: to_vote[i].id,
            });
        }
        queue.pending.push_back(Item::Draft { draft: d.id });
    }
}

/// Takes the next item, has the AI delegations decide, and resolves every
/// item whose choices are all in. Stops at an item waiting for a human.
/// Runs only in the decision phase (see `turn::deciding`).
pub(super) fn run(mut g: GameCtx, mut queue: ResMut<DecisionQueue>) {
    loop {
        if queue.current.is_none() {
            let Some(item) = queue.pending.pop_front() else {
                return;
            };
            match start(&g, item) {
                Some(current) => queue.current = Some(current),
                None => continue,
            }
        }
        fill_ai_choices(&mut g, &mut queue);
        let complete = queue
            .current
            .as_ref()
            .is_some_and(|c| c.choices.iter().all(Option::is_some));
        if !complete {
            return;
        }
        if let Some(current) = queue.current.take() {
            resolve(&mut g, current);
        }
    }
}

/// Sets up an item, or skips it if it no longer applies.
fn start(g: &GameCtx, item: Item) -> Option<Current> {
    let sc = g.sc();
    let n = g.seats.0.len();
    let text = match item {
        Item::Silence { draft } => {
            let d = &g.table.drafts[draft];
            (d.status == DraftStatus::UnderSilence).then(|| d.text().clone())?
        }
        Item::Amendment { draft, amendment } => {
            let d = &g.table.drafts[draft];
            let a = d.amendments.iter().find(|a| a.id == amendment)?;
            if a.state != AmendmentState::ToVote {
                return None;
            }
            d.text().with(a.change, &sc.parts)?
        }
        Item::Draft { draft } => {
            let d = &g.table.drafts[draft];
            matches!(d.status, DraftStatus::InBlue { .. }).then(|| d.text().clone())?
        }
    };
    Some(Current {
        item,
        text,
        choices: vec![None; n],
    })
}

/// The teacher ended the decision phase (see [`DecisionQueue::humans_absent`]).
pub(super) fn decide_for_absent_humans(g: &mut GameCtx, queue: &mut DecisionQueue) {
    queue.humans_absent = true;
    fill_ai_choices(g, queue);
}

fn fill_ai_choices(g: &mut GameCtx, queue: &mut DecisionQueue) {
    let absent = queue.humans_absent;
    let Some(current) = queue.current.as_mut() else {
        return;
    };
    let sc = g.sc();
    let humans = g.seats_of(Controller::Human);
    let mut ai_seats = g.seats_of(Controller::Ai);
    if absent {
        ai_seats.extend(&humans);
    }
    let disp = dispositions(&g.seats, &g.delegations);
    let sit = Situation::with_outlook(
        &sc,
        disp,
        g.outlook.0.clone(),
        g.crisis.urgency,
        g.clock.day,
        &g.crisis.events_happened,
    );
    let draft = match current.item {
        Item::Silence { draft } | Item::Amendment { draft, .. } | Item::Draft { draft } => draft,
    };
    let d = &g.table.drafts[draft];
    let ctx = Context::of(d);
    for seat in ai_seats {
        if current.choices[seat].is_some() {
            continue;
        }
        let (choice, reason) = match current.item {
            Item::Silence { .. } => {
                let (keep, reason) = sit.silence(seat, &current.text, ctx);
                (Choice::Silence { keep }, reason)
            }
            Item::Amendment { .. } | Item::Draft { .. } => {
                let (vote, reason) = sit.vote(seat, &current.text, ctx);
                (Choice::Vote(vote), reason)
            }
        };
        let reason = if humans.contains(&seat) {
            format!("{reason} (time was up: it followed its instructions)")
        } else {
            reason
        };
        current.choices[seat] = Some((choice, reason));
    }
}

/// Records a human delegation's silence or vote on the current item.
pub(super) fn record_human_choice(
    g: &GameCtx,
    queue: &mut DecisionQueue,
    seat: SeatId,
    act: &Act,
) -> Result<(), ActError> {
    if g.clock.phase != PhaseName::Decision {
        return Err(ActError::WrongPhase("decision"));
    }
    let current = queue
        .current
        .as_mut()
        .ok_or(ActError::WrongPhase("decision"))?;
    let slot = current.choices.get_mut(seat).ok_or(ActError::SelfTarget)?;
    if slot.is_some() {
        return Err(ActError::AlreadyDone);
    }
    // Reasons are woven into sentences ("United States: ...; Germany: ..."),
    // like the AI's, so a player's closing full stop is dropped.
    let default_reason = |r: &str, fallback: &str| {
        let r = r.trim().trim_end_matches('.').trim_end();
        if r.is_empty() {
            fallback.to_string()
        } else {
            r.to_string()
        }
    };
    match (current.item, act) {
        (
            Item::Silence { draft },
            Act::Silence {
                draft: d,
                keep,
                reason,
            },
        ) if draft == *d => {
            let fallback = if *keep {
                "it joins the consensus"
            } else {
                "it cannot accept the text"
            };
            *slot = Some((
                Choice::Silence { keep: *keep },
                default_reason(reason, fallback),
            ));
            Ok(())
        }
        (Item::Amendment { .. } | Item::Draft { .. }, Act::CastVote { vote, explanation }) => {
            *slot = Some((
                Choice::Vote(*vote),
                default_reason(explanation, "it gave no explanation"),
            ));
            Ok(())
        }
        _ => Err(ActError::WrongPhase("decision on another item")),
    }
}

/// Applies the rules to a complete item and records the result.
fn resolve(g: &mut GameCtx, current: Current) {
    let sc = g.sc();
    let day = g.clock.day;
    let code = |s: usize| sc.code(s).to_string();
    match current.item {
        Item::Silence { draft } => {
            let positions: Vec<Stated<bool>> = current
                .choices
                .iter()
                .enumerate()
                .map(|(s, c)| {
                    let (choice, reason) = c
                        .clone()
                        .unwrap_or((Choice::Silence { keep: true }, String::new()));
                    Stated {
                        member: code(s),
                        choice: matches!(choice, Choice::Silence { keep: true }),
                        reason,
                    }
                })
                .collect();
            let breakers: Vec<String> = positions
                .iter()
                .filter(|p| !p.choice)
                .map(|p| p.member.clone())
                .collect();
            let outcome = rules::decide_silence(breakers.iter().map(String::as_str));
            let version = g.table.drafts[draft].version();
            g.log(What::Silence {
                draft: sc.draft_id(draft),
                version,
                positions,
                broken_by: breakers,
            });
            if outcome.agreed() {
                adopt(g, draft, current.text);
            } else {
                g.table.drafts[draft].status = DraftStatus::Blocked { day };
                g.history.blocked.push(draft);
            }
        }
        Item::Amendment { draft, amendment } => {
            let (ballots, result) = tally(g, &current);
            let change = g.table.drafts[draft]
                .amendments
                .iter()
                .find(|a| a.id == amendment)
                .map(|a| a.change);
            let Some(change) = change else { return };
            g.log(What::Vote {
                subject: VoteSubject::Amendment {
                    draft: sc.draft_id(draft),
                    amendment,
                    change: change.describe(&sc),
                },
                ballots,
                result: result.clone(),
            });
            note_vetoes(g, &result.outcome);
            let d = &mut g.table.drafts[draft];
            if let Some(a) = d.amendments.iter_mut().find(|a| a.id == amendment) {
                a.state = if result.outcome.adopted() {
                    AmendmentState::Adopted
                } else {
                    AmendmentState::Defeated
                };
            }
            if result.outcome.adopted() {
                d.versions.push(current.text);
            }
        }
        Item::Draft { draft } => {
            let (ballots, result) = tally(g, &current);
            let version = g.table.drafts[draft].version();
            g.log(What::Vote {
                subject: VoteSubject::Draft {
                    draft: sc.draft_id(draft),
                    version,
                },
                ballots,
                result: result.clone(),
            });
            note_vetoes(g, &result.outcome);
            if result.outcome.adopted() {
                adopt(g, draft, current.text);
            } else {
                g.table.drafts[draft].status = DraftStatus::Failed { day };
                g.history.blocked.push(draft);
            }
        }
    }
}

fn tally(g: &GameCtx, current: &Current) -> (Vec<Stated<Vote>>, rules::VoteResult) {
    let sc = g.sc();
    let ballots: Vec<Stated<Vote>> = current
        .choices
        .iter()
        .enumerate()
        .map(|(s, c)| {
            let (vote, reason) = match c {
                Some((Choice::Vote(v), r)) => (*v, r.clone()),
                _ => (Vote::Absent, String::new()),
            };
            Stated {
                member: sc.code(s).to_string(),
                choice: vote,
                reason,
            }
        })
        .collect();
    let result = rules::decide_vote(
        &sc.rules,
        Matter::Substantive,
        ballots.iter().map(|b| (b.member.as_str(), b.choice)),
    );
    (ballots, result)
}

fn note_vetoes(g: &mut GameCtx, outcome: &rules::VoteOutcome) {
    let sc = g.sc();
    if let rules::VoteOutcome::Vetoed { by } = outcome {
        for code in by {
            if let Some(seat) = sc.seat_of(code) {
                g.history.vetoes.push(seat);
            }
        }
    }
}

fn adopt(g: &mut GameCtx, draft: DraftId, text: Text) {
    let sc = g.sc();
    let day = g.clock.day;
    let d = &mut g.table.drafts[draft];
    d.status = DraftStatus::Adopted { day };
    let kind = d.kind();
    let title = d.title.clone();
    g.history.adopted.push(AdoptedProduct {
        draft,
        kind,
        day,
        text: text.clone(),
    });
    let rendered = text.plain(&sc, &adopted_title(kind, &title));
    g.log(What::Adopted {
        draft: sc.draft_id(draft),
        kind,
        title,
        text: rendered,
    });
}

/// The heading of an adopted text: "Draft press statement ..." becomes "Press statement ...".
pub fn adopted_title(kind: rules::ProductKind, title: &str) -> String {
    let stripped = title
        .strip_prefix("Draft ")
        .or_else(|| title.strip_prefix("draft "))
        .unwrap_or(title);
    let mut chars = stripped.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => kind.name().to_string(),
    }
}
