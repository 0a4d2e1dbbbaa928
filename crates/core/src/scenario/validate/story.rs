//! The story: drafts, news events and their effects, triggers and their
//! conditions.

use std::collections::HashSet;

use super::Validator;
use crate::scenario::locate::Path;
use crate::scenario::model::*;

impl Validator<'_> {
    pub(super) fn drafts(&mut self) {
        let path = Path::root().field("drafts");
        self.duplicates(
            self.s
                .drafts
                .iter()
                .enumerate()
                .map(|(i, d)| (path.index(i).field("id"), d.id.as_str())),
            "draft",
        );
        for (i, d) in self.s.drafts.iter().enumerate() {
            let dp = path.index(i);
            self.member_ref(dp.field("penholder"), &d.penholder);
            for (k, sponsor) in d.sponsors.iter().enumerate() {
                self.member_ref(dp.field("sponsors").index(k), sponsor);
            }
            if d.clauses.is_empty() {
                self.error(
                    dp.field("clauses"),
                    format!("draft `{}` has no clauses", d.id),
                );
            }
            let mut seen = HashSet::new();
            for (k, (clause, wording)) in d.clauses.iter().enumerate() {
                let cp = dp.field("clauses").index(k);
                let c = self.clause_ref(cp.index(0), clause);
                self.wording_ref(cp.index(1), c, *wording);
                if !seen.insert(clause.as_str()) {
                    self.error(
                        cp,
                        format!("clause `{clause}` appears twice in draft `{}`", d.id),
                    );
                }
            }
            if let Some(day) = d.circulated_on {
                self.day(dp.field("circulated_on"), day);
            }
        }
    }

    pub(super) fn events(&mut self) {
        let path = Path::root().field("events");
        self.duplicates(
            self.s
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| (path.index(i).field("id"), e.id.as_str())),
            "event",
        );
        for (i, e) in self.s.events.iter().enumerate() {
            let ep = path.index(i);
            if let Some(day) = e.day {
                self.day(ep.field("day"), day);
            }
            self.range(ep.field("chance"), "chance", e.chance, 0.0, 1.0);
            self.range(ep.field("urgency"), "urgency change", e.urgency, -1.0, 1.0);
            if e.headline.trim().is_empty() {
                self.error(
                    ep.field("headline"),
                    format!("event `{}` has no headline", e.id),
                );
            }
            for (k, effect) in e.effects.iter().enumerate() {
                self.effect(effect, &ep.field("effects").index(k));
            }
            for (k, action) in e.then.iter().enumerate() {
                self.action(action, &ep.field("then").index(k));
            }
            for (k, voice) in e.voices.iter().enumerate() {
                let vp = ep.field("voices").index(k);
                if voice.speaker.trim().is_empty() {
                    self.error(
                        vp.field("speaker"),
                        format!("a voice in event `{}` has no speaker", e.id),
                    );
                }
                if voice.words.trim().is_empty() {
                    self.error(
                        vp.field("words"),
                        format!("a voice in event `{}` says nothing", e.id),
                    );
                }
            }
        }
    }

    fn effect(&mut self, effect: &Effect, p: &Path) {
        match effect {
            Effect::ShiftStance {
                member,
                clause,
                delta,
            } => {
                self.member_ref(p.field("member"), member);
                self.clause_ref(p.field("clause"), clause);
                self.range(p.field("delta"), "stance change", *delta, -2.0, 2.0);
            }
            Effect::ShiftWantsProduct { member, delta } => {
                self.member_ref(p.field("member"), member);
                self.range(p.field("delta"), "change", *delta, -2.0, 2.0);
            }
            Effect::LiftRedLine { member, red_line } => {
                if self.member_ref(p.field("member"), member) {
                    let ids: Vec<&str> = self
                        .s
                        .delegations
                        .iter()
                        .filter(|d| &d.member == member)
                        .flat_map(|d| d.red_lines.iter().map(|r| r.id.as_str()))
                        .collect();
                    if !ids.contains(&red_line.as_str()) {
                        self.unknown(p.field("red_line"), "red line", red_line, &ids, false);
                        if let Some(last) = self.problems.last_mut() {
                            last.message = format!("`{member}` has no red line `{red_line}`");
                        }
                    }
                }
            }
            Effect::ShiftRelationship {
                member,
                toward,
                delta,
            } => {
                self.member_ref(p.field("member"), member);
                self.member_ref(p.field("toward"), toward);
                self.range(p.field("delta"), "change", *delta, -2.0, 2.0);
            }
        }
    }

    pub(super) fn triggers(&mut self) {
        let path = Path::root().field("triggers");
        self.duplicates(
            self.s
                .triggers
                .iter()
                .enumerate()
                .map(|(i, t)| (path.index(i).field("id"), t.id.as_str())),
            "trigger",
        );
        for (i, t) in self.s.triggers.iter().enumerate() {
            let tp = path.index(i);
            self.condition(&t.when, &tp.field("when"));
            if t.then.is_empty() {
                self.error(tp.field("then"), format!("trigger `{}` does nothing", t.id));
            }
            for (k, action) in t.then.iter().enumerate() {
                self.action(action, &tp.field("then").index(k));
            }
        }
    }

    /// One action of a trigger or an event.
    fn action(&mut self, action: &Action, ap: &Path) {
        match action {
            Action::TableDraft(id) => {
                self.draft_ref(ap.index(0), id);
            }
            Action::PutInBlue(id) | Action::CallVote(id) => {
                if let Some(d) = self.draft_ref(ap.index(0), id)
                    && self.s.council.rules.needs_consensus(d.kind)
                {
                    self.error_hint(
                        ap.clone(),
                        format!("`{}` is a {}, which is agreed by consensus, not voted", d.id, d.kind.name()),
                        "only drafts put to a vote go into blue; statements go under silence by themselves",
                    );
                }
            }
            Action::FireEvent(id) => self.event_ref(ap.index(0), id),
            Action::Announce(_) | Action::EndGame(_) => {}
            Action::ProposeMotion(by, _) => {
                self.member_ref(ap.index(0), by);
            }
        }
    }

    fn condition(&mut self, c: &Condition, p: &Path) {
        match c {
            Condition::FromDay(day) => self.day(p.index(0), *day),
            Condition::NoProductAdopted { by_day, .. } => self.day(p.field("by_day"), *by_day),
            Condition::ProductAdopted { .. } => {}
            Condition::DraftBlocked(id)
            | Condition::DraftAdopted(id)
            | Condition::DraftCirculated(id) => {
                self.draft_ref(p.index(0), id);
            }
            Condition::EventHappened(id) => self.event_ref(p.index(0), id),
            Condition::UrgencyAtLeast(u) => self.range(p.index(0), "urgency", *u, 0.0, 1.0),
            Condition::All(list) | Condition::Any(list) => {
                for (k, inner) in list.iter().enumerate() {
                    self.condition(inner, &p.index(0).index(k));
                }
            }
            Condition::Not(inner) => self.condition(inner, &p.index(0)),
        }
    }

    /// The audit's expectations: drafts that exist, shares between 0 and 1
    /// in order, a tally no larger than the Council.
    pub(super) fn expectations(&mut self) {
        let path = Path::root().field("expect");
        let seats = self.members.len() as u32;
        for (i, e) in self.s.expect.iter().enumerate() {
            let p = path.index(i);
            let range = |at_least: f32, at_most: f32| {
                (0.0..=1.0).contains(&at_least)
                    && (0.0..=1.0).contains(&at_most)
                    && at_least <= at_most
            };
            match e {
                Expectation::MostCommon(outcome) if outcome.trim().is_empty() => {
                    self.error(p, "an empty outcome: copy one from `horseshoe audit`");
                }
                Expectation::MostCommon(_) => {}
                Expectation::Share {
                    draft,
                    at_least,
                    at_most,
                    ..
                } => {
                    self.draft_ref(p.field("draft"), draft);
                    if !range(*at_least, *at_most) {
                        self.error(
                            p,
                            "shares run from 0 to 1, and `at_least` may not exceed `at_most`",
                        );
                    }
                }
                Expectation::NoProduct { at_least, at_most } => {
                    if !range(*at_least, *at_most) {
                        self.error(
                            p,
                            "shares run from 0 to 1, and `at_least` may not exceed `at_most`",
                        );
                    }
                }
                Expectation::Tally {
                    draft,
                    yes,
                    no,
                    abstain,
                } => {
                    self.draft_ref(p.field("draft"), draft);
                    if yes + no + abstain > seats {
                        self.error(
                            p,
                            format!("a tally of more votes than the Council's {seats} members"),
                        );
                    }
                }
            }
        }
    }
}
