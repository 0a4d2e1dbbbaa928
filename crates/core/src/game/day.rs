//! A day of the crisis, phase by phase:
//! 1. morning: action points renewed, the news ([`Game::morning`]);
//! 2. consultations: drafts circulated on schedule, AI penholders revise and
//!    answer amendments ([`Game::consultations`]);
//! 3. corridors: AI delegations spend their action points in a seeded order,
//!    human delegations until they end their turn ([`Game::corridors`]);
//! 4. decision: statements under silence and resolutions voted
//!    ([`Game::decision`], then [`Game::run_decisions`]);
//! 5. evening: the scenario's triggers ([`Game::evening`]).
//!
//! [`Game::advance`] says when a phase is over and which comes next; the
//! caller (the game plugin) enters it, which runs the phase's opening.

use rand::seq::SliceRandom;

use super::Game;
use crate::ai;
use crate::model::act::Act;
use crate::model::record::{Outcome, PhaseName, Product, What};
use crate::model::scoring;
use crate::model::state::Controller;

/// What [`Game::advance`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The phase goes on: it waits for players, or for the room to be ready.
    Stay,
    /// The phase is over: enter this one.
    Next(PhaseName),
    /// The last evening is over: the record holds the outcome.
    GameOver,
}

impl Game {
    /// Opens a phase: the work it does as it begins.
    pub fn enter(&mut self, phase: PhaseName) {
        match phase {
            PhaseName::Morning => self.morning(),
            PhaseName::Consultations => self.consultations(),
            PhaseName::Corridors => self.corridors(),
            PhaseName::Decision => self.decision(),
            PhaseName::Evening => self.evening(),
        }
    }

    pub(super) fn set_phase(&mut self, phase: PhaseName) {
        self.clock.phase = phase;
        self.turns.done = vec![false; self.seat_count()];
    }

    /// Morning: action points are renewed and the day's news arrives.
    pub fn morning(&mut self) {
        self.set_phase(PhaseName::Morning);
        for points in &mut self.points {
            points.left = points.per_day;
        }
        self.capital_relents();
        self.fade_memories();
        self.news_of_the_day();
    }

    /// Consultations: scheduled drafts are circulated, AI penholders answer
    /// the amendments still waiting and revise their drafts.
    pub fn consultations(&mut self) {
        self.set_phase(PhaseName::Consultations);
        let sc = self.scenario.clone();
        let day = self.clock.day;
        for (i, d) in sc.drafts.iter().enumerate() {
            if d.circulated_on == Some(day) {
                self.table_draft(i, "its penholder circulates it to the Council");
            }
        }
        for pen in self.seats_of(Controller::Ai) {
            self.answer_pending_amendments(pen);
            let own: Vec<usize> = ai::corridors::own_drafts(&self.table, pen).collect();
            for draft in own {
                let revision =
                    ai::penholder::revise(&self.situation(), pen, &self.table.drafts[draft]);
                if let Some((text, reason)) = revision {
                    let _ = self.apply(
                        pen,
                        &Act::Revise {
                            draft,
                            text,
                            reason,
                        },
                    );
                }
            }
        }
    }

    /// An AI penholder answers each amendment still waiting on its drafts.
    fn answer_pending_amendments(&mut self, pen: usize) {
        let pending: Vec<(usize, usize)> = self
            .table
            .pending_amendments()
            .filter(|&(d, _)| self.table.drafts[d].penholder == pen)
            .collect();
        for (draft, amendment) in pending {
            let d = &self.table.drafts[draft];
            let answer = d.amendments.iter().find(|a| a.id == amendment).map(|a| {
                ai::corridors::answer_amendment(&self.situation(), pen, d, a.by, a.change)
            });
            if let Some((accept, reason)) = answer {
                let act = Act::AnswerAmendment {
                    draft,
                    amendment,
                    accept,
                    reason,
                };
                let _ = self.apply(pen, &act);
            }
        }
    }

    /// Corridors: each AI delegation, in a seeded random order, spends its
    /// action points. Human delegations act until they end their turn.
    pub fn corridors(&mut self) {
        self.set_phase(PhaseName::Corridors);
        let mut order = self.seats_of(Controller::Ai);
        order.shuffle(&mut self.rng.0);
        // The Council's view of each draft, shared between plans until an act
        // changes something it reads.
        let mut councils = ai::corridors::Councils::default();
        let mut inputs = AssessmentInputs::of(self);
        for seat in order {
            let acts = {
                let sit = situation!(self);
                let points = self.action_points(seat);
                ai::corridors::plan_with(
                    &sit,
                    seat,
                    &self.table,
                    points,
                    &mut self.rng.0,
                    &mut councils,
                )
            };
            for act in acts {
                // A plan made at the start of the turn may no longer fit after
                // earlier acts: such an act is simply dropped, and changes nothing.
                if self.apply(seat, &act).is_err() {
                    continue;
                }
                // Many acts change nothing the Council's view reads (a refused
                // request, a rejected amendment): that view is kept.
                let after = AssessmentInputs::of(self);
                if after != inputs {
                    councils.forget();
                    inputs = after;
                }
            }
        }
    }

    /// End of the corridors: AI penholders decide whether to put their drafts
    /// to the Council today.
    fn close_corridors(&mut self) {
        for pen in self.seats_of(Controller::Ai) {
            let own: Vec<usize> = ai::corridors::own_drafts(&self.table, pen).collect();
            for draft in own {
                let decision = {
                    let sit = situation!(self);
                    ai::penholder::decide(&sit, pen, &self.table.drafts[draft], &mut self.rng.0)
                };
                let act = match decision {
                    ai::penholder::PenDecision::PutUnderSilence(reason) => {
                        Act::PutUnderSilence { draft, reason }
                    }
                    ai::penholder::PenDecision::PutInBlue(reason) => {
                        Act::PutInBlue { draft, reason }
                    }
                    ai::penholder::PenDecision::RequestVote(reason) => {
                        Act::RequestVote { draft, reason }
                    }
                    ai::penholder::PenDecision::Wait => continue,
                };
                let _ = self.apply(pen, &act);
            }
        }
    }

    /// Decision: every item due today is queued; [`Game::run_decisions`]
    /// takes them one by one.
    pub fn decision(&mut self) {
        self.open_decisions();
    }

    /// Evening: triggers fire.
    pub fn evening(&mut self) {
        self.set_phase(PhaseName::Evening);
        self.check_triggers();
    }

    /// Whether the current phase, `phase`, is over and what comes next. The
    /// automatic phases (morning, consultations, evening) wait while `held`
    /// (a window holds them until the room has read them); the corridors wait
    /// for every human delegation's turn, the decision for every item.
    ///
    /// Ending the corridors lets AI penholders put their drafts forward;
    /// ending the last evening writes the outcome.
    pub fn advance(&mut self, phase: PhaseName, held: bool) -> Step {
        match phase {
            PhaseName::Morning if !held => Step::Next(PhaseName::Consultations),
            PhaseName::Consultations if !held => Step::Next(PhaseName::Corridors),
            PhaseName::Corridors if self.humans_done() => {
                self.close_corridors();
                Step::Next(PhaseName::Decision)
            }
            PhaseName::Decision if self.decisions.is_empty() => Step::Next(PhaseName::Evening),
            PhaseName::Evening if !held => {
                if self.clock.day >= self.clock.days || self.clock.ending.is_some() {
                    self.finish();
                    Step::GameOver
                } else {
                    self.clock.day += 1;
                    Step::Next(PhaseName::Morning)
                }
            }
            _ => Step::Stay,
        }
    }

    /// Every human delegation has ended its turn.
    pub fn humans_done(&self) -> bool {
        self.controllers.iter().enumerate().all(|(seat, c)| {
            *c != Controller::Human || self.turns.done.get(seat).copied().unwrap_or(true)
        })
    }

    /// Writes the outcome into the record: products, scores, vetoes.
    fn finish(&mut self) {
        let sc = self.scenario.clone();
        let reason = self
            .clock
            .ending
            .clone()
            .unwrap_or_else(|| format!("the crisis ends after day {}", self.clock.days));
        self.clock.over = Some(reason.clone());
        self.log(What::GameOver { reason });
        let products = self
            .history
            .adopted
            .iter()
            .map(|p| {
                let title = self.table.drafts[p.draft].title.clone();
                Product {
                    draft: self.table.code(p.draft),
                    kind: p.kind,
                    title: title.clone(),
                    day: p.day,
                    clauses: p
                        .text
                        .clauses
                        .iter()
                        .map(|&(c, w)| (sc.clause(c).id.clone(), w))
                        .collect(),
                    text: p.text.plain(&sc, &title),
                }
            })
            .collect();
        let scores: Vec<_> = (0..sc.seat_count())
            .map(|s| scoring::score(&sc, s, &self.history))
            .collect();
        let vetoes = self
            .history
            .vetoes
            .iter()
            .map(|&s| sc.code(s).to_string())
            .collect();
        self.record.outcome = Some(Outcome {
            products,
            scores,
            vetoes,
            turning_points: self.history.turning_points.clone(),
        });
    }
}

/// What a delegation's assessment of a draft reads that a corridor act can
/// change (see `Situation::assess`), in summary: the drafts' texts and
/// sponsors, the delegations' promises, favours and grudges, and the
/// urgency. Stances and red lines move only with the news, in the morning.
/// Equal summaries mean every assessment is as it was.
#[derive(PartialEq)]
struct AssessmentInputs {
    urgency: u32,
    drafts: usize,
    versions: usize,
    sponsors: usize,
    commitments: usize,
    /// Every favour owed, bit for bit.
    favours: Vec<u32>,
}

impl AssessmentInputs {
    fn of(g: &Game) -> Self {
        let drafts = &g.table.drafts;
        AssessmentInputs {
            urgency: g.crisis.urgency.to_bits(),
            drafts: drafts.len(),
            versions: drafts.iter().map(|d| d.versions.len()).sum(),
            sponsors: drafts.iter().map(|d| d.sponsors.len()).sum(),
            commitments: g.dispositions.iter().map(|d| d.commitments.len()).sum(),
            favours: g
                .dispositions
                .iter()
                .flat_map(|d| d.goodwill.iter().map(|v| v.to_bits()))
                .collect(),
        }
    }
}
