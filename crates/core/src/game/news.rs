//! What happens to the Council from outside: the crisis's news events, and
//! the scenario's triggers that table drafts, call votes, schedule news or
//! end the game.

use std::sync::Arc;

use super::Game;
use crate::model::compiled::{CompiledAction, CompiledEffect, EventId};
use crate::model::draft::DraftStatus;
use crate::model::record::What;
use crate::model::scoring;

impl Game {
    /// Makes an event happen now: urgency, effects, the news.
    pub(super) fn fire_event(&mut self, event: EventId) {
        let sc = self.scenario.clone();
        let e = &sc.events[event];
        if self.crisis.events_happened[event] {
            return;
        }
        self.crisis.events_happened[event] = true;
        self.crisis.urgency = (self.crisis.urgency + e.urgency).clamp(0.0, 1.0);
        for effect in &e.effects {
            self.take_effect(effect);
        }
        self.reblend_after(&e.effects);
        self.log(What::News {
            event: e.id.clone(),
            headline: e.headline.clone(),
            text: e.text.clone(),
            urgency: self.crisis.urgency,
        });
        for voice in &e.voices {
            self.log(What::Said {
                speaker: voice.speaker.clone(),
                words: voice.words.clone(),
            });
        }
        for action in &e.then {
            self.run_action(action, "brought out by the news");
        }
        if e.ends_game {
            self.clock.ending = Some(e.headline.clone());
        }
    }

    /// One effect of an event on one delegation (none on a delegation whose
    /// stances the scenario fixes).
    fn take_effect(&mut self, effect: &CompiledEffect) {
        let seat = effect_seat(effect);
        if self.scenario.delegations[seat].fixed_stances {
            return;
        }
        let d = &mut self.dispositions[seat];
        match effect {
            CompiledEffect::ShiftStance { clause, delta, .. } => {
                for v in d.stances[*clause].iter_mut() {
                    *v = (*v + delta).clamp(-1.0, 1.0);
                }
            }
            CompiledEffect::ShiftWantsProduct { delta, .. } => {
                d.wants_product = (d.wants_product + delta).clamp(-1.0, 1.0);
            }
            CompiledEffect::LiftRedLine { red_line, .. } => {
                if let Some(active) = d.red_line_active.get_mut(*red_line) {
                    *active = false;
                }
            }
            CompiledEffect::ShiftRelationship { toward, delta, .. } => {
                d.relationships[*toward] = (d.relationships[*toward] + delta).clamp(-1.0, 1.0);
            }
        }
    }

    /// The outlook holds blended stances and wishes for a product: only
    /// effects on those change it, and only for the clauses they name.
    fn reblend_after(&mut self, effects: &[CompiledEffect]) {
        let sc = self.scenario.clone();
        let moved = |effect: &&CompiledEffect| match effect {
            CompiledEffect::ShiftStance { seat, .. }
            | CompiledEffect::ShiftWantsProduct { seat, .. } => {
                !sc.delegations[*seat].fixed_stances
            }
            _ => false,
        };
        let mut clauses: Vec<usize> = effects
            .iter()
            .filter(moved)
            .filter_map(|effect| match effect {
                CompiledEffect::ShiftStance { clause, .. } => Some(*clause),
                _ => None,
            })
            .collect();
        clauses.sort_unstable();
        clauses.dedup();
        let wants = effects
            .iter()
            .filter(moved)
            .any(|effect| matches!(effect, CompiledEffect::ShiftWantsProduct { .. }));
        if !clauses.is_empty() || wants {
            Arc::make_mut(&mut self.outlook).reblend(
                &sc,
                &self.dispositions,
                clauses.iter().copied(),
                wants,
            );
        }
    }

    /// The morning's news: events a trigger scheduled, then each event dated
    /// today, by its chance.
    pub(super) fn news_of_the_day(&mut self) {
        use rand::RngExt;
        let day = self.clock.day;
        let queued = std::mem::take(&mut self.crisis.events_queued);
        for event in queued {
            self.fire_event(event);
        }
        let sc = self.scenario.clone();
        for (i, e) in sc.events.iter().enumerate() {
            if e.day == Some(day) && !self.crisis.events_happened[i] {
                // A roll for every dated event keeps the random sequence stable.
                let roll: f32 = self.rng.0.random();
                if roll < e.chance {
                    self.fire_event(i);
                }
            }
        }
    }

    /// The evening: each trigger whose condition now holds fires, once.
    pub(super) fn check_triggers(&mut self) {
        let sc = self.scenario.clone();
        for (i, t) in sc.triggers.iter().enumerate() {
            if self.crisis.triggers_fired[i]
                || !scoring::holds(
                    &t.when,
                    &self.clock,
                    &self.crisis,
                    &self.history,
                    &self.table,
                )
            {
                continue;
            }
            self.crisis.triggers_fired[i] = true;
            self.log(What::TriggerFired {
                trigger: t.id.clone(),
                description: t.description.clone(),
            });
            for action in &t.then {
                self.run_action(action, "circulated as the scenario's trigger fires");
            }
        }
    }

    /// A trigger's or an event's action; `reason` says why a draft it
    /// tables leaves the drawer.
    fn run_action(&mut self, action: &CompiledAction, reason: &str) {
        match action {
            CompiledAction::TableDraft(d) => self.table_draft(*d, reason),
            CompiledAction::PutInBlue(d) | CompiledAction::CallVote(d) => {
                self.table_draft(*d, reason);
                self.put_in_blue_now(*d);
                if matches!(action, CompiledAction::CallVote(_)) {
                    self.call_vote_now(*d);
                }
            }
            CompiledAction::FireEvent(e) => {
                if !self.crisis.events_happened[*e] && !self.crisis.events_queued.contains(e) {
                    self.crisis.events_queued.push(*e);
                }
            }
            CompiledAction::Announce(text) => self.log(What::Announcement { text: text.clone() }),
            CompiledAction::EndGame(reason) => self.clock.ending = Some(reason.clone()),
            CompiledAction::ProposeMotion(by, motion) => {
                let _ = self.move_motion(*by, *motion, "");
            }
        }
    }

    /// A trigger puts a draft in blue in its penholder's name.
    fn put_in_blue_now(&mut self, draft: usize) {
        let sc = self.scenario.clone();
        let day = self.clock.day;
        let d = &mut self.table.drafts[draft];
        if matches!(d.status, DraftStatus::OnTable | DraftStatus::Blocked { .. }) {
            d.status = DraftStatus::InBlue { since_day: day };
            let what = What::PutInBlue {
                draft: d.code.clone(),
                version: d.version(),
                by: sc.code(d.penholder).to_string(),
                reason: String::new(),
            };
            self.log(what);
        }
    }

    /// A trigger asks for a vote on a draft in blue, in its penholder's name.
    fn call_vote_now(&mut self, draft: usize) {
        let sc = self.scenario.clone();
        let d = &mut self.table.drafts[draft];
        if matches!(d.status, DraftStatus::InBlue { .. }) && !d.vote_requested {
            d.vote_requested = true;
            let what = What::VoteRequested {
                draft: d.code.clone(),
                by: sc.code(d.penholder).to_string(),
                reason: String::new(),
            };
            self.log(what);
        }
    }
}

fn effect_seat(effect: &CompiledEffect) -> usize {
    match effect {
        CompiledEffect::ShiftStance { seat, .. }
        | CompiledEffect::ShiftWantsProduct { seat, .. }
        | CompiledEffect::LiftRedLine { seat, .. }
        | CompiledEffect::ShiftRelationship { seat, .. } => *seat,
    }
}
