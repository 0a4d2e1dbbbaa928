//! The systems of a day, and the one place where acts are carried out.

use std::sync::Arc;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use rand::RngExt;
use rand::seq::SliceRandom;

use super::Seats;
use super::actions::{self, Act, ActError, Command, Deferred};
use super::compiled::{CompiledAction, CompiledEffect, CompiledScenario, SeatId};
use super::decision::{self, DecisionQueue};
use super::draft::DraftStatus;
use super::record::{Outcome, PhaseName, Product, What};
use super::save::{self, AutosaveTo, PhaseEnded, ResumeAt};
use super::state::*;
use super::{ActRefused, GameState, Phase, PhaseGate, TeacherCommand, scoring};
use crate::ai::{self, Situation};

pub(super) fn build(app: &mut App) {
    app.init_resource::<Turns>()
        .add_message::<PhaseEnded>()
        // A restored game passes through phases on its way to the saved one
        // without doing their work.
        .add_systems(OnEnter(Phase::Morning), morning.run_if(not_resuming))
        .add_systems(
            OnEnter(Phase::Consultations),
            consultations.run_if(not_resuming),
        )
        .add_systems(OnEnter(Phase::Corridors), ai_corridors.run_if(not_resuming))
        .add_systems(
            OnEnter(Phase::Decision),
            decision::open.run_if(not_resuming),
        )
        .add_systems(OnEnter(Phase::Evening), evening.run_if(not_resuming))
        .add_systems(
            Update,
            (
                // Only when there is something to do: an AI-only game sends
                // no commands, and every system that takes the whole game
                // context costs a few hundred resource lookups an update.
                hand_over_delegations.run_if(on_message::<TeacherCommand>),
                process_teacher.run_if(on_message::<TeacherCommand>),
                process_commands.run_if(on_message::<Command>),
                decision::run.run_if(deciding),
                advance,
            )
                .chain()
                .run_if(in_state(GameState::Playing)),
        )
        .add_systems(
            Update,
            save::autosave
                .after(advance)
                .run_if(resource_exists::<AutosaveTo>),
        );
}

fn not_resuming(resume: Option<Res<ResumeAt>>) -> bool {
    resume.is_none()
}

/// The decision phase has begun (its items are taken one by one, over as
/// many updates as human delegations take to decide). Checked before the
/// system fetches the whole game context.
fn deciding(clock: Option<Res<Clock>>) -> bool {
    clock.is_some_and(|c| c.phase == PhaseName::Decision)
}

/// Everything acting on the game needs, as one system parameter.
#[derive(SystemParam)]
pub struct GameCtx<'w, 's> {
    pub scenario: Res<'w, CurrentScenario>,
    pub clock: ResMut<'w, Clock>,
    pub crisis: ResMut<'w, Crisis>,
    pub table: ResMut<'w, Table>,
    pub history: ResMut<'w, History>,
    pub transcript: ResMut<'w, Transcript>,
    pub rng: ResMut<'w, GameRng>,
    pub seats: Res<'w, Seats>,
    pub turns: ResMut<'w, Turns>,
    pub outlook: ResMut<'w, CurrentOutlook>,
    pub delegations: Query<
        'w,
        's,
        (
            &'static Delegation,
            &'static mut Disposition,
            &'static mut ActionPoints,
            &'static Controller,
        ),
    >,
}

/// Every delegation's disposition, by seat.
///
/// The AI builds this list before each of its acts, so it walks the query
/// (delegations are spawned in seat order and sit in one table) rather than
/// looking up fifteen entities; only if that order is broken does it look
/// each seat up.
pub fn dispositions<'a>(
    seats: &Seats,
    query: &'a Query<(
        &Delegation,
        &mut Disposition,
        &mut ActionPoints,
        &Controller,
    )>,
) -> Vec<&'a Disposition> {
    let mut out = Vec::with_capacity(seats.0.len());
    for (delegation, d, _, _) in query.iter() {
        if delegation.seat != out.len() {
            break;
        }
        out.push(d);
    }
    if out.len() == seats.0.len() {
        return out;
    }
    seats
        .0
        .iter()
        .filter_map(|&e| query.get(e).ok().map(|(_, d, _, _)| d))
        .collect()
}

impl GameCtx<'_, '_> {
    pub fn sc(&self) -> Arc<CompiledScenario> {
        self.scenario.0.clone()
    }

    pub fn controller(&self, seat: SeatId) -> Controller {
        self.seats
            .0
            .get(seat)
            .and_then(|&e| self.delegations.get(e).ok())
            .map(|(_, _, _, c)| *c)
            .unwrap_or(Controller::Ai)
    }

    pub fn action_points(&self, seat: SeatId) -> u32 {
        self.seats
            .0
            .get(seat)
            .and_then(|&e| self.delegations.get(e).ok())
            .map(|(_, _, ap, _)| ap.left)
            .unwrap_or(0)
    }

    pub fn log(&mut self, what: What) {
        self.transcript.log(&self.clock, what);
    }

    /// Carries out one act of one delegation (not a decision), then lets AI
    /// delegations answer what needs an answer (an amendment to their draft).
    pub fn apply(&mut self, seat: SeatId, act: &Act) -> Result<(), ActError> {
        if seat >= self.seats.0.len() {
            return Err(ActError::SelfTarget);
        }
        if act.cost() > self.action_points(seat) {
            return Err(ActError::NoActionPoints);
        }
        let sc = self.sc();
        // A human delegation answers for itself: lobbying it or offering it a
        // trade puts the request before it, with no automatic answer.
        if let Act::Lobby { target, draft }
        | Act::OfferTrade {
            target, get: draft, ..
        } = act
            && *target != seat
            && *target < sc.seat_count()
            && self.controller(*target) == Controller::Human
            && self
                .table
                .drafts
                .get(*draft)
                .is_some_and(|d| d.status.is_live())
        {
            let in_return_for = match act {
                Act::OfferTrade { give, .. } => Some(sc.draft_id(*give)),
                _ => None,
            };
            if let Ok((_, _, mut ap, _)) = self.delegations.get_mut(self.seats.0[seat]) {
                ap.left -= act.cost();
            }
            self.log(What::Requested {
                by: sc.code(seat).to_string(),
                target: sc.code(*target).to_string(),
                draft: sc.draft_id(*draft),
                in_return_for,
            });
            return Ok(());
        }
        let mut log = Vec::new();
        let deferred = {
            let disp = dispositions(&self.seats, &self.delegations);
            let sit = Situation::with_outlook(
                &sc,
                disp,
                self.outlook.0.clone(),
                self.crisis.urgency,
                self.clock.day,
                &self.crisis.events_happened,
            );
            actions::perform(
                seat,
                act,
                &sit,
                &mut self.table,
                &self.clock,
                &mut self.rng,
                &mut log,
            )?
        };
        if let Ok((_, _, mut ap, _)) = self.delegations.get_mut(self.seats.0[seat]) {
            ap.left -= act.cost();
        }
        for what in log {
            self.log(what);
        }
        self.apply_deferred(deferred);
        if matches!(act, Act::EndTurn)
            && let Some(done) = self.turns.done.get_mut(seat)
        {
            *done = true;
        }
        self.follow_up(seat, act);
        Ok(())
    }

    fn apply_deferred(&mut self, deferred: Vec<Deferred>) {
        for d in deferred {
            match d {
                Deferred::Commit { seat, commitment } => {
                    if let Ok((_, mut disp, _, _)) = self.delegations.get_mut(self.seats.0[seat])
                        && !disp.commitments.contains(&commitment)
                    {
                        disp.commitments.push(commitment);
                    }
                }
                Deferred::Goodwill {
                    seat,
                    toward,
                    delta,
                } => {
                    if let Ok((_, mut disp, _, _)) = self.delegations.get_mut(self.seats.0[seat]) {
                        disp.goodwill[toward] = (disp.goodwill[toward] + delta).clamp(0.0, 0.6);
                    }
                }
                Deferred::Pressure { seat, delta } => {
                    if let Ok((_, mut disp, _, _)) = self.delegations.get_mut(self.seats.0[seat]) {
                        disp.pressure = (disp.pressure + delta).min(0.5);
                    }
                }
                Deferred::Urgency(delta) => {
                    self.crisis.urgency = (self.crisis.urgency + delta).clamp(0.0, 1.0);
                }
            }
        }
    }

    /// AI penholders answer amendments at once; an AI proposer may then
    /// press a refused amendment to a resolution to a vote.
    fn follow_up(&mut self, seat: SeatId, act: &Act) {
        let sc = self.sc();
        match act {
            Act::ProposeAmendment { draft, .. } => {
                let d = &self.table.drafts[*draft];
                let pen = d.penholder;
                if self.controller(pen) != Controller::Ai {
                    return;
                }
                let Some(amendment) = d.amendments.last().cloned() else {
                    return;
                };
                let (accept, reason) = {
                    let disp = dispositions(&self.seats, &self.delegations);
                    let sit = Situation::with_outlook(
                        &sc,
                        disp,
                        self.outlook.0.clone(),
                        self.crisis.urgency,
                        self.clock.day,
                        &self.crisis.events_happened,
                    );
                    ai::corridors::answer_amendment(&sit, pen, d, seat, amendment.change)
                };
                let _ = self.apply(
                    pen,
                    &Act::AnswerAmendment {
                        draft: *draft,
                        amendment: amendment.id,
                        accept,
                        reason,
                    },
                );
            }
            Act::AnswerAmendment {
                draft,
                amendment,
                accept: false,
                ..
            } => {
                let d = &self.table.drafts[*draft];
                let Some(by) = d
                    .amendments
                    .iter()
                    .find(|a| a.id == *amendment)
                    .map(|a| a.by)
                else {
                    return;
                };
                if self.controller(by) != Controller::Ai {
                    return;
                }
                let insists = {
                    let disp = dispositions(&self.seats, &self.delegations);
                    let sit = Situation::with_outlook(
                        &sc,
                        disp,
                        self.outlook.0.clone(),
                        self.crisis.urgency,
                        self.clock.day,
                        &self.crisis.events_happened,
                    );
                    ai::corridors::insists(&sit, by, d, *amendment)
                };
                if insists {
                    let _ = self.apply(
                        by,
                        &Act::InsistOnAmendment {
                            draft: *draft,
                            amendment: *amendment,
                        },
                    );
                }
            }
            _ => {}
        }
    }

    /// Seats of one kind of controller, in seat order.
    pub fn seats_of(&self, controller: Controller) -> Vec<SeatId> {
        // One walk over the delegations, rather than a lookup per seat: this
        // runs on every update.
        let mut seats: Vec<SeatId> = self
            .delegations
            .iter()
            .filter(|&(d, _, _, c)| *c == controller && d.seat < self.seats.0.len())
            .map(|(d, _, _, _)| d.seat)
            .collect();
        seats.sort_unstable();
        seats
    }

    fn set_phase(&mut self, phase: PhaseName) {
        self.clock.phase = phase;
        let n = self.seats.0.len();
        self.turns.done = vec![false; n];
    }

    /// Makes an event happen now: urgency, effects, the news.
    fn fire_event(&mut self, event: usize) {
        let sc = self.sc();
        let e = &sc.events[event];
        if self.crisis.events_happened[event] {
            return;
        }
        self.crisis.events_happened[event] = true;
        self.crisis.urgency = (self.crisis.urgency + e.urgency).clamp(0.0, 1.0);
        for effect in &e.effects {
            let seat = match effect {
                CompiledEffect::ShiftStance { seat, .. }
                | CompiledEffect::ShiftWantsProduct { seat, .. }
                | CompiledEffect::LiftRedLine { seat, .. }
                | CompiledEffect::ShiftRelationship { seat, .. } => *seat,
            };
            if sc.delegations[seat].fixed_stances {
                continue;
            }
            let Ok((_, mut d, _, _)) = self.delegations.get_mut(self.seats.0[seat]) else {
                continue;
            };
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
        // The outlook holds blended stances and wishes for a product: only
        // effects on those change it, and only for the clauses they name.
        let moved = |effect: &&CompiledEffect| match effect {
            CompiledEffect::ShiftStance { seat, .. }
            | CompiledEffect::ShiftWantsProduct { seat, .. } => {
                !sc.delegations[*seat].fixed_stances
            }
            _ => false,
        };
        let mut clauses: Vec<usize> = e
            .effects
            .iter()
            .filter(moved)
            .filter_map(|effect| match effect {
                CompiledEffect::ShiftStance { clause, .. } => Some(*clause),
                _ => None,
            })
            .collect();
        clauses.sort_unstable();
        clauses.dedup();
        let wants = e
            .effects
            .iter()
            .filter(moved)
            .any(|effect| matches!(effect, CompiledEffect::ShiftWantsProduct { .. }));
        if !clauses.is_empty() || wants {
            let disp = dispositions(&self.seats, &self.delegations);
            Arc::make_mut(&mut self.outlook.0).reblend(&sc, &disp, clauses.iter().copied(), wants);
        }
        self.log(What::News {
            event: e.id.clone(),
            headline: e.headline.clone(),
            text: e.text.clone(),
            urgency: self.crisis.urgency,
        });
        if e.ends_game {
            self.clock.ending = Some(e.headline.clone());
        }
    }

    /// Circulates a draft from the drawer, as its penholder.
    fn table_draft(&mut self, draft: usize, reason: &str) {
        let sc = self.sc();
        if self.table.drafts[draft].status != DraftStatus::InDrawer {
            return;
        }
        let mut log = Vec::new();
        {
            let disp = dispositions(&self.seats, &self.delegations);
            let sit = Situation::with_outlook(
                &sc,
                disp,
                self.outlook.0.clone(),
                self.crisis.urgency,
                self.clock.day,
                &self.crisis.events_happened,
            );
            let day = self.clock.day;
            actions::circulate(&sit, &mut self.table.drafts[draft], day, &mut log, reason);
        }
        for what in log {
            self.log(what);
        }
    }
}

/// Morning: action points are renewed and the day's news arrives.
fn morning(mut g: GameCtx) {
    g.set_phase(PhaseName::Morning);
    for (_, _, mut ap, _) in g.delegations.iter_mut() {
        ap.left = ap.per_day;
    }
    let sc = g.sc();
    let day = g.clock.day;
    let queued = std::mem::take(&mut g.crisis.events_queued);
    for event in queued {
        g.fire_event(event);
    }
    for (i, e) in sc.events.iter().enumerate() {
        if e.day == Some(day) && !g.crisis.events_happened[i] {
            // A roll for every dated event keeps the random sequence stable.
            let roll: f32 = g.rng.0.random();
            if roll < e.chance {
                g.fire_event(i);
            }
        }
    }
}

/// Consultations: scheduled drafts are circulated, AI penholders revise
/// their drafts and answer the amendments still waiting.
fn consultations(mut g: GameCtx) {
    g.set_phase(PhaseName::Consultations);
    let sc = g.sc();
    let day = g.clock.day;
    for (i, d) in sc.drafts.iter().enumerate() {
        if d.circulated_on == Some(day) {
            g.table_draft(i, "its penholder circulates it to the Council");
        }
    }
    for pen in g.seats_of(Controller::Ai) {
        let pending: Vec<(usize, usize)> = g
            .table
            .pending_amendments()
            .filter(|&(d, _)| g.table.drafts[d].penholder == pen)
            .collect();
        for (draft, amendment) in pending {
            let answer = {
                let disp = dispositions(&g.seats, &g.delegations);
                let sit = Situation::with_outlook(
                    &sc,
                    disp,
                    g.outlook.0.clone(),
                    g.crisis.urgency,
                    day,
                    &g.crisis.events_happened,
                );
                let d = &g.table.drafts[draft];
                d.amendments
                    .iter()
                    .find(|a| a.id == amendment)
                    .map(|a| ai::corridors::answer_amendment(&sit, pen, d, a.by, a.change))
            };
            if let Some((accept, reason)) = answer {
                let _ = g.apply(
                    pen,
                    &Act::AnswerAmendment {
                        draft,
                        amendment,
                        accept,
                        reason,
                    },
                );
            }
        }
        let own: Vec<usize> = ai::corridors::own_drafts(&g.table, pen).collect();
        for draft in own {
            let revision = {
                let disp = dispositions(&g.seats, &g.delegations);
                let sit = Situation::with_outlook(
                    &sc,
                    disp,
                    g.outlook.0.clone(),
                    g.crisis.urgency,
                    day,
                    &g.crisis.events_happened,
                );
                ai::penholder::revise(&sit, pen, &g.table.drafts[draft])
            };
            if let Some((text, reason)) = revision {
                let _ = g.apply(
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

/// Corridors: each AI delegation, in a seeded random order, spends its
/// action points. Human delegations act through [`Command`]s until they end
/// their turn.
fn ai_corridors(mut g: GameCtx) {
    g.set_phase(PhaseName::Corridors);
    let sc = g.sc();
    let mut order = g.seats_of(Controller::Ai);
    order.shuffle(&mut g.rng.0);
    // The Council's view of each draft, shared between plans until an act
    // changes something it reads.
    let mut councils = ai::corridors::Councils::default();
    let mut inputs = AssessmentInputs::of(&g);
    for seat in order {
        let acts = {
            let disp = dispositions(&g.seats, &g.delegations);
            let sit = Situation::with_outlook(
                &sc,
                disp,
                g.outlook.0.clone(),
                g.crisis.urgency,
                g.clock.day,
                &g.crisis.events_happened,
            );
            let points = g.action_points(seat);
            ai::corridors::plan_with(&sit, seat, &g.table, points, &mut g.rng.0, &mut councils)
        };
        for act in acts {
            // A plan made at the start of the turn may no longer fit after
            // earlier acts: such an act is simply dropped, and changes nothing.
            #[cfg(debug_assertions)]
            let owed = favours_owed(&g);
            if g.apply(seat, &act).is_err() {
                continue;
            }
            // Many acts change nothing the Council's view reads (a refused
            // request, a rejected amendment): that view is kept.
            let after = AssessmentInputs::of(&g);
            if after != inputs {
                councils.forget();
                inputs = after;
            } else {
                #[cfg(debug_assertions)]
                assert_eq!(
                    owed,
                    favours_owed(&g),
                    "{act:?} changed favours owed alone: AssessmentInputs must see it"
                );
            }
        }
    }
}

/// What a delegation's assessment of a draft reads that a corridor act can
/// change (see `Situation::assess`), in summary: the drafts' texts and
/// sponsors, the delegations' promises, and the urgency. Stances and red
/// lines move only with the news, in the morning; favours owed change only
/// with a promise, a co-sponsor or an accepted amendment, which debug builds
/// check. Equal summaries mean every assessment is as it was.
#[derive(PartialEq)]
struct AssessmentInputs {
    urgency: u32,
    drafts: usize,
    versions: usize,
    sponsors: usize,
    commitments: usize,
}

impl AssessmentInputs {
    fn of(g: &GameCtx) -> Self {
        let drafts = &g.table.drafts;
        AssessmentInputs {
            urgency: g.crisis.urgency.to_bits(),
            drafts: drafts.len(),
            versions: drafts.iter().map(|d| d.versions.len()).sum(),
            sponsors: drafts.iter().map(|d| d.sponsors.len()).sum(),
            commitments: g
                .delegations
                .iter()
                .map(|(_, d, _, _)| d.commitments.len())
                .sum(),
        }
    }
}

/// Every favour owed, bit for bit (debug builds' check on
/// [`AssessmentInputs`]).
#[cfg(debug_assertions)]
fn favours_owed(g: &GameCtx) -> Vec<u32> {
    g.delegations
        .iter()
        .flat_map(|(_, d, _, _)| d.goodwill.iter().map(|v| v.to_bits()))
        .collect()
}

/// End of the corridors: AI penholders decide whether to put their drafts
/// to the Council today.
fn ai_closing(g: &mut GameCtx) {
    let sc = g.sc();
    for pen in g.seats_of(Controller::Ai) {
        let own: Vec<usize> = ai::corridors::own_drafts(&g.table, pen).collect();
        for draft in own {
            let decision = {
                let disp = dispositions(&g.seats, &g.delegations);
                let sit = Situation::with_outlook(
                    &sc,
                    disp,
                    g.outlook.0.clone(),
                    g.crisis.urgency,
                    g.clock.day,
                    &g.crisis.events_happened,
                );
                ai::penholder::decide(&sit, pen, &g.table.drafts[draft], &mut g.rng.0)
            };
            let act = match decision {
                ai::penholder::PenDecision::PutUnderSilence => Act::PutUnderSilence { draft },
                ai::penholder::PenDecision::PutInBlue => Act::PutInBlue { draft },
                ai::penholder::PenDecision::RequestVote => Act::RequestVote { draft },
                ai::penholder::PenDecision::Wait => continue,
            };
            let _ = g.apply(pen, &act);
        }
    }
}

/// Evening: triggers fire, and the game ends after the last day.
fn evening(mut g: GameCtx) {
    g.set_phase(PhaseName::Evening);
    let sc = g.sc();
    for (i, t) in sc.triggers.iter().enumerate() {
        if g.crisis.triggers_fired[i]
            || !scoring::holds(&t.when, &g.clock, &g.crisis, &g.history, &g.table)
        {
            continue;
        }
        g.crisis.triggers_fired[i] = true;
        g.log(What::TriggerFired {
            trigger: t.id.clone(),
            description: t.description.clone(),
        });
        for action in &t.then {
            run_trigger_action(&mut g, action);
        }
    }
}

fn run_trigger_action(g: &mut GameCtx, action: &CompiledAction) {
    let sc = g.sc();
    let day = g.clock.day;
    match action {
        CompiledAction::TableDraft(d) => {
            g.table_draft(*d, "circulated as the scenario's trigger fires")
        }
        CompiledAction::PutInBlue(d) | CompiledAction::CallVote(d) => {
            g.table_draft(*d, "circulated as the scenario's trigger fires");
            let draft = &mut g.table.drafts[*d];
            if matches!(
                draft.status,
                DraftStatus::OnTable | DraftStatus::Blocked { .. }
            ) {
                draft.status = DraftStatus::InBlue { since_day: day };
                let what = What::PutInBlue {
                    draft: sc.draft_id(*d),
                    version: draft.version(),
                    by: sc.code(draft.penholder).to_string(),
                };
                g.log(what);
            }
            if matches!(action, CompiledAction::CallVote(_)) {
                let draft = &mut g.table.drafts[*d];
                if matches!(draft.status, DraftStatus::InBlue { .. }) && !draft.vote_requested {
                    draft.vote_requested = true;
                    let what = What::VoteRequested {
                        draft: sc.draft_id(*d),
                        by: sc.code(draft.penholder).to_string(),
                    };
                    g.log(what);
                }
            }
        }
        CompiledAction::FireEvent(e) => {
            if !g.crisis.events_happened[*e] && !g.crisis.events_queued.contains(e) {
                g.crisis.events_queued.push(*e);
            }
        }
        CompiledAction::Announce(text) => g.log(What::Announcement { text: text.clone() }),
        CompiledAction::EndGame(reason) => g.clock.ending = Some(reason.clone()),
    }
}

/// Human commands, in the order they arrive.
fn process_teacher(
    mut g: GameCtx,
    mut queue: ResMut<DecisionQueue>,
    mut gate: ResMut<PhaseGate>,
    phase: Res<State<Phase>>,
    mut orders: MessageReader<TeacherCommand>,
) {
    for order in orders.read() {
        match order {
            TeacherCommand::EndPhase => match phase.get() {
                Phase::Corridors => {
                    for seat in g.seats_of(Controller::Human) {
                        if let Some(done) = g.turns.done.get_mut(seat) {
                            *done = true;
                        }
                    }
                }
                Phase::Decision => decision::decide_for_absent_humans(&mut g, &mut queue),
                _ => gate.proceed = true,
            },
            TeacherCommand::InjectEvent { event } => {
                if *event < g.scenario.0.events.len() {
                    g.fire_event(*event);
                }
            }
            TeacherCommand::Headline { headline, text } => {
                let headline = headline.trim();
                if !headline.is_empty() {
                    let urgency = g.crisis.urgency;
                    g.log(What::News {
                        event: "teacher".to_string(),
                        headline: headline.to_string(),
                        text: text.trim().to_string(),
                        urgency,
                    });
                }
            }
            // Handled by `hand_over_delegations`.
            TeacherCommand::SetController { .. } => {}
        }
    }
}

/// A delegation changes hands between a human and the AI.
fn hand_over_delegations(
    mut orders: MessageReader<TeacherCommand>,
    scenario: Res<CurrentScenario>,
    seats: Res<Seats>,
    clock: Res<Clock>,
    mut transcript: ResMut<Transcript>,
    mut controllers: Query<&mut Controller>,
) {
    for order in orders.read() {
        let TeacherCommand::SetController { seat, controller } = order else {
            continue;
        };
        let Some(mut current) = seats
            .0
            .get(*seat)
            .and_then(|&e| controllers.get_mut(e).ok())
        else {
            continue;
        };
        if *current == *controller {
            continue;
        }
        *current = *controller;
        let human = *controller == Controller::Human;
        if let Some(line) = transcript.0.members.get_mut(*seat) {
            line.human = human;
        }
        transcript.log(
            &clock,
            What::ControlChanged {
                member: scenario.0.code(*seat).to_string(),
                human,
            },
        );
    }
}

fn process_commands(
    mut g: GameCtx,
    mut queue: ResMut<DecisionQueue>,
    mut commands: MessageReader<Command>,
    mut refused: MessageWriter<ActRefused>,
) {
    for Command { seat, act } in commands.read() {
        let result = if act.is_decision() {
            decision::record_human_choice(&g, &mut queue, *seat, act)
        } else {
            g.apply(*seat, act)
        };
        if let Err(error) = result {
            refused.write(ActRefused {
                seat: *seat,
                act: act.clone(),
                error,
            });
        }
    }
}

/// Moves to the next phase when the current one has nothing left to wait for.
#[allow(clippy::too_many_arguments)]
fn advance(
    mut g: GameCtx,
    phase: Res<State<Phase>>,
    mut next_phase: ResMut<NextState<Phase>>,
    mut next_game: ResMut<NextState<GameState>>,
    mut gate: ResMut<PhaseGate>,
    queue: Res<DecisionQueue>,
    resume: Option<Res<ResumeAt>>,
    mut ended: MessageWriter<PhaseEnded>,
    mut commands: Commands,
) {
    // A restored game: go straight to its saved phase (`set` enters it even
    // when it is the phase the game is in).
    if let Some(resume) = resume {
        next_phase.set(resume.0);
        commands.remove_resource::<ResumeAt>();
        return;
    }
    // Runs on every update: a walk over the delegations, no list.
    let humans_done = g.delegations.iter().all(|(d, _, _, c)| {
        *c != Controller::Human
            || d.seat >= g.seats.0.len()
            || g.turns.done.get(d.seat).copied().unwrap_or(true)
    });
    let held = gate.hold && !gate.proceed;
    let next = match phase.get() {
        Phase::Morning if !held => Some(Phase::Consultations),
        Phase::Consultations if !held => Some(Phase::Corridors),
        Phase::Corridors if humans_done => {
            ai_closing(&mut g);
            Some(Phase::Decision)
        }
        Phase::Decision if queue.is_empty() => Some(Phase::Evening),
        Phase::Evening if !held => {
            if g.clock.day >= g.clock.days || g.clock.ending.is_some() {
                finish(&mut g);
                next_game.set(GameState::Over);
                None
            } else {
                g.clock.day += 1;
                Some(Phase::Morning)
            }
        }
        _ => None,
    };
    if let Some(p) = next {
        next_phase.set(p);
        gate.proceed = false;
        ended.write(PhaseEnded { next: p });
    } else if g.clock.over.is_some() {
        gate.proceed = false;
    }
}

/// Writes the outcome into the record: products, scores, vetoes.
fn finish(g: &mut GameCtx) {
    let sc = g.sc();
    let reason = g
        .clock
        .ending
        .clone()
        .unwrap_or_else(|| format!("the crisis ends after day {}", g.clock.days));
    g.clock.over = Some(reason.clone());
    g.log(What::GameOver { reason });
    let products = g
        .history
        .adopted
        .iter()
        .map(|p| {
            let title = g.table.drafts[p.draft].title.clone();
            Product {
                draft: sc.draft_id(p.draft),
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
        .map(|s| scoring::score(&sc, s, &g.history))
        .collect();
    let vetoes = g
        .history
        .vetoes
        .iter()
        .map(|&s| sc.code(s).to_string())
        .collect();
    g.transcript.0.outcome = Some(Outcome {
        products,
        scores,
        vetoes,
    });
}
