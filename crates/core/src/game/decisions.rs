//! The decision phase: silence procedures and votes, one item at a time.
//!
//! Items are queued when the phase opens: every statement under silence, then
//! for each resolution called to a vote its amendments (in the order of
//! rule 36) and the draft itself. AI delegations decide at once; the item
//! waits for each human delegation's [`Act::Silence`] or [`Act::CastVote`].
//! Both kinds of delegation record their choice through [`choose`].

use super::Game;
use crate::ai::Context;
use crate::ai::amendments::AmendmentCtx;
use crate::model::act::{Act, ActError};
use crate::model::compiled::{DraftId, SeatId};
use crate::model::decision::{Choice, Current, Item};
use crate::model::draft::{AmendmentState, DraftStatus, MotionStatus, Text};
use crate::model::record::{PhaseName, Stated, VoteSubject, What};
use crate::model::state::{AdoptedProduct, Controller};
use crate::rules::{self, Matter, ProductKind, Vote};
use crate::text::{capitalise, country_in_sentence};

impl Game {
    /// Opens the phase: queues every item due today.
    pub(super) fn open_decisions(&mut self) {
        self.set_phase(PhaseName::Decision);
        let queue = &mut self.decisions;
        queue.pending.clear();
        queue.current = None;
        queue.humans_absent = false;
        let day = self.clock.day;
        // Procedural motions come first: whether and how the Council meets.
        for m in &self.table.motions {
            if m.status == MotionStatus::Proposed {
                queue.pending.push_back(Item::Motion { motion: m.id });
            }
        }
        for d in &self.table.drafts {
            if d.status == DraftStatus::UnderSilence {
                queue.pending.push_back(Item::Silence { draft: d.id });
            }
        }
        for d in &self.table.drafts {
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
    pub fn run_decisions(&mut self) {
        loop {
            if self.decisions.current.is_none() {
                let Some(item) = self.decisions.pending.pop_front() else {
                    return;
                };
                self.decisions.current = self.start_item(item);
                if self.decisions.current.is_none() {
                    continue;
                }
            }
            self.fill_ai_choices();
            let complete = self
                .decisions
                .current
                .as_ref()
                .is_some_and(|c| c.choices.iter().all(Option::is_some));
            if !complete {
                return;
            }
            if let Some(current) = self.decisions.current.take() {
                self.resolve(current);
            }
        }
    }

    /// Sets up an item, or skips it if it no longer applies. An amendment
    /// that no longer fits the text (an earlier one changed its paragraph)
    /// is withdrawn, and the record says so.
    fn start_item(&mut self, item: Item) -> Option<Current> {
        let choices = vec![None; self.seat_count()];
        let Some(draft) = item.draft() else {
            let Item::Motion { motion } = item else {
                return None;
            };
            let m = self.table.motions.get(motion)?;
            return (m.status == MotionStatus::Proposed).then(|| Current {
                item,
                text: Text {
                    kind: ProductKind::PressStatement,
                    clauses: Vec::new(),
                },
                choices,
            });
        };
        let d = &self.table.drafts[draft];
        let text = match item {
            Item::Silence { .. } => {
                (d.status == DraftStatus::UnderSilence).then(|| d.text().clone())?
            }
            Item::Amendment { amendment, .. } => {
                let a = d.amendments.iter().find(|a| a.id == amendment)?;
                if a.state != AmendmentState::ToVote {
                    return None;
                }
                match d.text().with(a.change, &self.scenario.parts) {
                    Some(text) => text,
                    None => {
                        self.withdraw_amendment(draft, amendment);
                        return None;
                    }
                }
            }
            Item::Draft { .. } => {
                matches!(d.status, DraftStatus::InBlue { .. }).then(|| d.text().clone())?
            }
            Item::Motion { .. } => return None,
        };
        Some(Current {
            item,
            text,
            choices,
        })
    }

    fn withdraw_amendment(&mut self, draft: DraftId, amendment: usize) {
        let d = &mut self.table.drafts[draft];
        let Some(a) = d.amendments.iter_mut().find(|a| a.id == amendment) else {
            return;
        };
        a.state = AmendmentState::Lapsed;
        let by = capitalise(&country_in_sentence(self.scenario.name(a.by)));
        let text = format!(
            "{by} withdraws its amendment {amendment} to \"{}\": after the amendments already adopted, it no longer fits the text.",
            d.title
        );
        self.log(What::Announcement { text });
    }

    /// The teacher ended the decision phase: human delegations that have not
    /// decided follow their instructions for the rest of today's decisions.
    pub(super) fn decide_for_absent_humans(&mut self) {
        self.decisions.humans_absent = true;
        self.fill_ai_choices();
    }

    /// Every AI delegation (and every absent human one) decides on the
    /// current item.
    fn fill_ai_choices(&mut self) {
        let absent = self.decisions.humans_absent;
        let Some(current) = self.decisions.current.as_ref() else {
            return;
        };
        let exposed = self.exposure_for(current.item);
        let decided: Vec<(SeatId, Choice, String)> = (0..self.seat_count())
            .filter(|&seat| current.choices[seat].is_none())
            .filter_map(|seat| {
                let human = self.controllers[seat] == Controller::Human;
                if human && !absent {
                    return None;
                }
                let (choice, reason) = self.ai_choice(seat, current, &exposed)?;
                let reason = if human {
                    format!("{reason} (time was up: it followed its instructions)")
                } else {
                    reason
                };
                Some((seat, choice, reason))
            })
            .collect();
        if let Some(current) = self.decisions.current.as_mut() {
            for (seat, choice, reason) in decided {
                let _ = choose(current, seat, choice, reason);
            }
        }
    }

    /// What the AI would decide for `seat` on the current item, as an act a
    /// player could send (the window's autoplay and absent students use it).
    pub fn ai_decision(&self, seat: SeatId) -> Option<Act> {
        let current = self.decisions.current.as_ref()?;
        let exposed = self.exposure_for(current.item);
        let (choice, reason) = self.ai_choice(seat, current, &exposed)?;
        Some(match (choice, current.item) {
            (Choice::Silence { keep }, Item::Silence { draft }) => Act::Silence {
                draft,
                keep,
                reason,
            },
            (Choice::Vote(vote), _) => Act::CastVote {
                vote,
                explanation: reason,
            },
            _ => return None,
        })
    }

    /// Who is exposed by a motion, if the item is one.
    fn exposure_for(&self, item: Item) -> Vec<bool> {
        match item {
            Item::Motion { .. } => self.exposed(),
            _ => Vec::new(),
        }
    }

    /// The AI's choice for `seat` on an item, and its reason.
    fn ai_choice(
        &self,
        seat: SeatId,
        current: &Current,
        exposed: &[bool],
    ) -> Option<(Choice, String)> {
        let sit = situation!(self);
        Some(match current.item {
            Item::Motion { motion } => {
                let m = self.table.motions.get(motion)?;
                let exposed = exposed.get(seat).copied().unwrap_or(false);
                let (vote, reason) = sit.vote_on_motion(seat, m.motion, exposed, m.by);
                (Choice::Vote(vote), reason)
            }
            Item::Silence { draft } => {
                let ctx = Context::of(&self.table.drafts[draft]);
                let (keep, reason) = sit.silence(seat, &current.text, ctx);
                (Choice::Silence { keep }, reason)
            }
            Item::Amendment { draft, amendment } => {
                let d = &self.table.drafts[draft];
                let a = d.amendments.iter().find(|a| a.id == amendment)?;
                let am = AmendmentCtx {
                    draft: Context::of(d),
                    by: a.by,
                    refused: a.refused,
                };
                let (vote, reason) = sit.vote_on_amendment(seat, d.text(), &current.text, am);
                (Choice::Vote(vote), reason)
            }
            Item::Draft { draft } => {
                let ctx = Context::of(&self.table.drafts[draft]);
                let (vote, reason) = sit.vote(seat, &current.text, ctx);
                (Choice::Vote(vote), reason)
            }
        })
    }

    /// Records a human delegation's silence or vote on the current item.
    pub(super) fn record_human_choice(&mut self, seat: SeatId, act: &Act) -> Result<(), ActError> {
        if self.clock.phase != PhaseName::Decision {
            return Err(ActError::WrongPhase("decision"));
        }
        let current = self
            .decisions
            .current
            .as_mut()
            .ok_or(ActError::WrongPhase("decision"))?;
        // Reasons are woven into sentences ("United States: ...; Germany:
        // ..."), like the AI's, so a player's closing full stop is dropped.
        let reason_or = |r: &str, fallback: &str| {
            let r = r.trim().trim_end_matches('.').trim_end();
            if r.is_empty() { fallback } else { r }.to_string()
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
                let choice = Choice::Silence { keep: *keep };
                choose(current, seat, choice, reason_or(reason, fallback))
            }
            (
                Item::Motion { .. } | Item::Amendment { .. } | Item::Draft { .. },
                Act::CastVote { vote, explanation },
            ) => {
                let reason = reason_or(explanation, "it gave no explanation");
                choose(current, seat, Choice::Vote(*vote), reason)
            }
            _ => Err(ActError::WrongPhase("decision on another item")),
        }
    }

    /// Applies the rules to a complete item and records the result.
    fn resolve(&mut self, current: Current) {
        match current.item {
            Item::Motion { motion } => self.resolve_motion(motion, current),
            Item::Silence { draft } => self.resolve_silence(draft, current),
            Item::Amendment { draft, amendment } => {
                self.resolve_amendment(draft, amendment, current)
            }
            Item::Draft { draft } => self.resolve_draft(draft, current),
        }
    }

    fn resolve_silence(&mut self, draft: DraftId, current: Current) {
        self.note_turning_point(draft, &current);
        let sc = self.scenario.clone();
        let positions: Vec<Stated<bool>> = current
            .choices
            .iter()
            .enumerate()
            .map(|(s, c)| {
                let (choice, reason) = c
                    .clone()
                    .unwrap_or((Choice::Silence { keep: true }, String::new()));
                Stated {
                    member: sc.code(s).to_string(),
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
        let version = self.table.drafts[draft].version();
        self.log(What::Silence {
            draft: self.table.code(draft),
            version,
            positions,
            broken_by: breakers,
        });
        if outcome.agreed() {
            self.adopt(draft, current.text);
        } else {
            let day = self.clock.day;
            self.table.drafts[draft].status = DraftStatus::Blocked { day };
            self.history.blocked.push(draft);
        }
        self.settle_promises(draft, &current.choices);
    }

    fn resolve_amendment(&mut self, draft: DraftId, amendment: usize, current: Current) {
        let sc = self.scenario.clone();
        let (ballots, result) = self.tally(&current, Matter::Substantive);
        let change = self.table.drafts[draft]
            .amendments
            .iter()
            .find(|a| a.id == amendment)
            .map(|a| a.change);
        let Some(change) = change else { return };
        self.log(What::Vote {
            subject: VoteSubject::Amendment {
                draft: self.table.code(draft),
                amendment,
                change: change.describe(&sc),
            },
            ballots,
            result: result.clone(),
        });
        // A permanent member's no defeats an amendment, but the record of
        // vetoes (and the objective of avoiding one) counts drafts only.
        let d = &mut self.table.drafts[draft];
        if let Some(a) = d.amendments.iter_mut().find(|a| a.id == amendment) {
            a.state = if result.outcome.adopted() {
                AmendmentState::Adopted
            } else {
                AmendmentState::Defeated
            };
        }
        if result.outcome.adopted() {
            d.versions.push(current.text);
            self.review_promises();
        }
    }

    fn resolve_draft(&mut self, draft: DraftId, current: Current) {
        self.note_turning_point(draft, &current);
        let (ballots, result) = self.tally(&current, Matter::Substantive);
        let version = self.table.drafts[draft].version();
        self.log(What::Vote {
            subject: VoteSubject::Draft {
                draft: self.table.code(draft),
                version,
            },
            ballots,
            result: result.clone(),
        });
        self.note_vetoes(&result.outcome);
        self.history.support.push((draft, result.tally.yes));
        if result.outcome.adopted() {
            self.adopt(draft, current.text.clone());
        } else {
            let day = self.clock.day;
            self.table.drafts[draft].status = DraftStatus::Failed { day };
            self.history.blocked.push(draft);
        }
        self.settle_promises(draft, &current.choices);
    }

    pub(super) fn tally(
        &self,
        current: &Current,
        matter: Matter,
    ) -> (Vec<Stated<Vote>>, rules::VoteResult) {
        let sc = &self.scenario;
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
            matter,
            ballots.iter().map(|b| (b.member.as_str(), b.choice)),
        );
        (ballots, result)
    }

    fn note_vetoes(&mut self, outcome: &rules::VoteOutcome) {
        if let rules::VoteOutcome::Vetoed { by } = outcome {
            for code in by {
                if let Some(seat) = self.scenario.seat_of(code) {
                    self.history.vetoes.push(seat);
                }
            }
        }
    }

    fn adopt(&mut self, draft: DraftId, text: Text) {
        let sc = self.scenario.clone();
        let day = self.clock.day;
        let d = &mut self.table.drafts[draft];
        d.status = DraftStatus::Adopted { day };
        let kind = d.kind();
        let title = d.title.clone();
        self.history.adopted.push(AdoptedProduct {
            draft,
            kind,
            day,
            text: text.clone(),
        });
        let rendered = text.plain(&sc, &crate::text::adopted_title(kind, &title));
        self.log(What::Adopted {
            draft: self.table.code(draft),
            kind,
            title,
            text: rendered,
        });
    }
}

/// Records one member's choice on the current item, human or AI alike.
fn choose(
    current: &mut Current,
    seat: SeatId,
    choice: Choice,
    reason: String,
) -> Result<(), ActError> {
    let slot = current.choices.get_mut(seat).ok_or(ActError::SelfTarget)?;
    if slot.is_some() {
        return Err(ActError::AlreadyDone);
    }
    *slot = Some((choice, reason));
    Ok(())
}
