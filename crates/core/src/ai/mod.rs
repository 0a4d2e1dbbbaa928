//! AI delegations: how a delegation judges a text and what it does about it.
//!
//! Everything here is a plain function of the situation (stances, red lines,
//! relationships, urgency, the drafts on the table) and of the game's seeded
//! random generator: no Bevy, no hidden state, so the same inputs always give
//! the same decisions, and tests can call each function directly.
//!
//! How a delegation values a text:
//! - its own view: salience times the sum of its stances on the clauses, at
//!   their wordings, plus how much it wants a product at all, scaled by the
//!   urgency of the crisis and the weight of the product kind;
//! - blended with the views of the members it shares groups with, by its
//!   group loyalty (the EU members move together, so do the NAM members);
//! - plus its affinity for the penholder, the favours it owes, and any
//!   support it promised;
//! - a red line crossed overrides all of that.
//!
//! The value of "no product" is zero: a delegation keeps silence or votes yes
//! for a text it values above zero, with some tolerance for compromise.

pub mod amendments;
pub mod corridors;
pub mod factors;
pub mod initiative;
pub mod motions;
pub mod penholder;
pub mod reasons;

use std::sync::Arc;

use crate::model::compiled::{ClauseId, CompiledScenario, DraftId, SeatId, VoteResponse};
use crate::model::draft::{Change, DraftState, Text};
use crate::model::state::Disposition;
use crate::rules::{ProductKind, Vote};
use crate::scenario::Decision;

/// Everything a delegation can see when it judges a text.
pub struct Situation<'a> {
    pub sc: &'a CompiledScenario,
    /// Every delegation's current disposition, by seat.
    pub disp: &'a [Disposition],
    pub urgency: f32,
    pub day: u32,
    pub events_happened: &'a [bool],
    outlook: Arc<Outlook>,
}

/// Values blended by group loyalty, precomputed so that judging a text is a
/// sum over its clauses. It changes only when stances do (news events), so
/// the game keeps one and shares it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlook {
    /// `eff[seat][clause][wording]`, flattened.
    eff: Vec<f32>,
    stride_seat: usize,
    max_wordings: usize,
    /// Blended wish for any product, per seat.
    wants: Vec<f32>,
    /// `best[seat][clause]`: the highest value of any of the clause's
    /// wordings, which bounds what a change to the clause can gain.
    best: Vec<f32>,
}

/// How a delegation judges one text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// Above zero: better than no product.
    pub value: f32,
    /// The first of its active red lines the text crosses.
    pub breach: Option<usize>,
}

/// Who the text belongs to, which colours how others judge it.
#[derive(Debug, Clone, Copy)]
pub struct Context<'d> {
    pub draft: Option<DraftId>,
    pub penholder: SeatId,
    pub sponsors: &'d [SeatId],
}

impl<'d> Context<'d> {
    pub fn of(d: &'d DraftState) -> Self {
        Context {
            draft: Some(d.id),
            penholder: d.penholder,
            sponsors: &d.sponsors,
        }
    }
}

/// Weight of a product kind in how much a delegation cares that it is adopted.
#[inline]
pub fn kind_weight(kind: ProductKind) -> f32 {
    match kind {
        ProductKind::PressStatement => 0.8,
        ProductKind::PresidentialStatement => 1.0,
        ProductKind::Resolution => 1.3,
    }
}

/// The pressure of events on the wish to see the Council act.
#[inline]
pub fn pressure(urgency: f32) -> f32 {
    0.5 + urgency.clamp(0.0, 1.0)
}

impl<'a> Situation<'a> {
    pub fn new(
        sc: &'a CompiledScenario,
        disp: &'a [Disposition],
        urgency: f32,
        day: u32,
        events_happened: &'a [bool],
    ) -> Self {
        let outlook = Arc::new(Outlook::new(sc, disp));
        Self::with_outlook(sc, disp, outlook, urgency, day, events_happened)
    }

    /// A situation reusing an outlook computed from the same dispositions.
    pub fn with_outlook(
        sc: &'a CompiledScenario,
        disp: &'a [Disposition],
        outlook: Arc<Outlook>,
        urgency: f32,
        day: u32,
        events_happened: &'a [bool],
    ) -> Self {
        Situation {
            sc,
            disp,
            urgency,
            day,
            events_happened,
            outlook,
        }
    }

    #[inline]
    pub fn seats(&self) -> usize {
        self.sc.seat_count()
    }

    /// Whether a clause may be used today (its required event has happened).
    #[inline]
    pub fn available(&self, clause: ClauseId) -> bool {
        self.sc.requires_event[clause]
            .is_none_or(|e| self.events_happened.get(e).copied().unwrap_or(false))
    }

    /// The blended value of one clause at one wording for a seat.
    #[inline]
    pub fn clause_value(&self, seat: SeatId, clause: ClauseId, wording: u8) -> f32 {
        self.outlook.eff[seat * self.outlook.stride_seat
            + clause * self.outlook.max_wordings
            + wording as usize]
    }

    /// The seat's own (unblended) stance on a clause at a wording.
    pub fn own_stance(&self, seat: SeatId, clause: ClauseId, wording: u8) -> f32 {
        self.disp[seat].stances[clause]
            .get(wording as usize)
            .copied()
            .unwrap_or(0.0)
    }

    /// The active red line of `seat` that `text` crosses, the gravest first:
    /// a line that brings a no vote outranks one that brings an abstention.
    pub fn breach(&self, seat: SeatId, text: &Text) -> Option<usize> {
        let d = &self.disp[seat];
        let mut found = None;
        for (i, r) in self.sc.delegations[seat].red_lines.iter().enumerate() {
            let crossed = d.red_line_active[i] && red_line_crossed(r, text);
            if crossed {
                if r.on_resolution == VoteResponse::No {
                    return Some(i);
                }
                found.get_or_insert(i);
            }
        }
        found
    }

    /// How many of its active red lines `seat`'s text crosses, and whether
    /// one of them brings a no vote.
    pub fn crossed(&self, seat: SeatId, text: &Text) -> (u8, bool) {
        self.crossed_by(seat, text.kind, |c| text.wording_of(c))
    }

    /// [`Self::crossed`] for the text after one change, without writing that
    /// text down: the penholder's search asks it of thousands of changes.
    pub fn crossed_after(&self, seat: SeatId, text: &Text, change: Change) -> (u8, bool) {
        let (clause, wording) = (change.clause(), change.wording());
        let wording_of = |c: ClauseId| {
            if c == clause {
                wording
            } else {
                text.wording_of(c)
            }
        };
        self.crossed_by(seat, text.kind, wording_of)
    }

    /// [`Self::crossed`] for a text of this kind holding each clause at the
    /// wording `wording_of` gives.
    fn crossed_by(
        &self,
        seat: SeatId,
        kind: ProductKind,
        wording_of: impl Fn(ClauseId) -> Option<u8>,
    ) -> (u8, bool) {
        let d = &self.disp[seat];
        let mut count = 0;
        let mut no = false;
        for (i, r) in self.sc.delegations[seat].red_lines.iter().enumerate() {
            if d.red_line_active[i] && red_line_crossed_by(r, kind, &wording_of) {
                count += 1;
                no |= r.on_resolution == VoteResponse::No;
            }
        }
        (count, no)
    }

    /// Every seat's value after one clause goes from wording `old` to `new`
    /// (none: absent), from its value before (`before[seat]`), written into
    /// `after`: one pass over the seats for the penholder's search.
    pub fn values_after(
        &self,
        clause: ClauseId,
        old: Option<u8>,
        new: Option<u8>,
        before: &[f32],
        after: &mut Vec<f32>,
    ) {
        let o = &*self.outlook;
        let at = |w: Option<u8>| w.map(|w| clause * o.max_wordings + w as usize);
        let (old, new) = (at(old), at(new));
        after.clear();
        after.extend(
            before
                .iter()
                .zip(o.eff.chunks_exact(o.stride_seat))
                .map(|(&v, row)| {
                    let b = old.map_or(0.0, |i| row[i]);
                    let a = new.map_or(0.0, |i| row[i]);
                    v + (a - b)
                }),
        );
    }

    /// The seat's wish for any product, blended with its partners'.
    #[inline]
    pub fn wants(&self, seat: SeatId) -> f32 {
        self.outlook.wants[seat]
    }

    /// The highest value the seat sees in any wording of the clause.
    #[inline]
    pub fn best_clause_value(&self, seat: SeatId, clause: ClauseId) -> f32 {
        self.outlook.best[seat * self.sc.clause_count() + clause]
    }

    /// The value of the text's content alone (no relationships).
    pub fn content_value(&self, seat: SeatId, text: &Text) -> f32 {
        let clauses: f32 = text
            .clauses
            .iter()
            .map(|&(c, w)| self.clause_value(seat, c, w))
            .sum();
        clauses + self.outlook.wants[seat] * pressure(self.urgency) * kind_weight(text.kind)
    }

    /// The part of the value that comes from who holds the pen and who asked.
    pub fn context_value(&self, seat: SeatId, ctx: Context<'_>) -> f32 {
        let d = &self.disp[seat];
        if ctx.penholder == seat {
            return 0.3;
        }
        let mut v = 0.2 * d.relationships[ctx.penholder] + 0.5 * d.goodwill[ctx.penholder];
        for &s in ctx.sponsors {
            if s == seat {
                v += 0.3;
            } else {
                v += 0.05 * d.relationships[s];
            }
        }
        if let Some(draft) = ctx.draft {
            v += d.commitment(draft);
        }
        v
    }

    pub fn assess(&self, seat: SeatId, text: &Text, ctx: Context<'_>) -> Assessment {
        Assessment {
            value: self.content_value(seat, text) + self.context_value(seat, ctx),
            breach: self.breach(seat, text),
        }
    }

    /// The cost a delegation feels in standing alone against the Council:
    /// it rises with urgency, flexibility and public pressure.
    #[inline]
    pub fn blocking_cost(&self, seat: SeatId) -> f32 {
        let d = &self.disp[seat];
        0.1 + 0.5 * d.personality.flexibility + 0.4 * self.urgency + d.pressure
    }

    /// Silence procedure: keep silence (true) or break it, with a reason.
    pub fn silence(&self, seat: SeatId, text: &Text, ctx: Context<'_>) -> (bool, String) {
        if let Some((decision, reason)) = ctx.draft.and_then(|d| self.script(seat, d))
            && matches!(decision, Decision::BreakSilence | Decision::KeepSilence)
        {
            return (decision == Decision::KeepSilence, reason.to_string());
        }
        let a = self.assess(seat, text, ctx);
        if let Some(line) = a.breach {
            return (
                false,
                self.sc.delegations[seat].red_lines[line].reason.clone(),
            );
        }
        let keep = !self.breaks_silence(seat, a.value, None);
        let b = self.breakdown(seat, text, ctx);
        let decisive = if !keep {
            reasons::deciding_against(&b)
        } else if a.value > 0.0 {
            reasons::deciding_for(&b)
        } else {
            reasons::Decisive::NotEnoughToBlock {
                doubt: b.strongest_against(),
            }
        };
        let reason = reasons::say(self, seat, ctx.into(), decisive, "block the Council alone");
        (keep, reason)
    }

    /// The rule behind [`Self::silence`], also used to predict others.
    #[inline]
    pub fn breaks_silence(&self, seat: SeatId, value: f32, breach: Option<usize>) -> bool {
        breach.is_some() || value < -self.blocking_cost(seat)
    }

    /// The rule behind [`Self::vote`], also used to predict others.
    pub fn vote_for(
        &self,
        seat: SeatId,
        value: f32,
        breach: Option<usize>,
        committed: bool,
    ) -> Vote {
        if let Some(line) = breach {
            return match self.sc.delegations[seat].red_lines[line].on_resolution {
                VoteResponse::No => Vote::No,
                VoteResponse::Abstain => Vote::Abstain,
            };
        }
        if value > 0.0 || committed {
            return Vote::Yes;
        }
        // A negative vote is a strong signal; from a veto holder it kills the
        // draft, and the political cost of that weighs on the choice.
        let threshold = if self.sc.members[seat].veto {
            self.veto_cost(seat)
        } else {
            0.3 + 0.4 * self.disp[seat].personality.flexibility
        };
        if value < -threshold {
            Vote::No
        } else {
            Vote::Abstain
        }
    }

    /// A vote on a draft resolution, with the explanation of vote (an
    /// amendment is judged by what it changes: [`Self::vote_on_amendment`]).
    pub fn vote(&self, seat: SeatId, text: &Text, ctx: Context<'_>) -> (Vote, String) {
        if let Some((decision, reason)) = ctx.draft.and_then(|d| self.script(seat, d))
            && let Some(vote) = decision.vote()
        {
            return (vote, reason.to_string());
        }
        let a = self.assess(seat, text, ctx);
        let committed = ctx
            .draft
            .is_some_and(|d| self.disp[seat].commitment(d) > 0.0);
        let vote = self.vote_for(seat, a.value, a.breach, committed);
        let veto = self.sc.members[seat].veto;
        if let Some(line) = a.breach {
            let reason = &self.sc.delegations[seat].red_lines[line].reason;
            return match vote {
                Vote::No => (vote, reason.clone()),
                _ => (vote, reasons::abstain_over_red_line(reason, veto)),
            };
        }
        let b = self.breakdown(seat, text, ctx);
        let decisive = match vote {
            Vote::Yes if a.value <= 0.0 => b
                .terms
                .iter()
                .find(|t| t.factor == factors::Factor::Promise)
                .map_or_else(
                    || reasons::deciding_for(&b),
                    |t| reasons::Decisive::Term(*t),
                ),
            Vote::Yes => reasons::deciding_for(&b),
            Vote::No => reasons::deciding_against(&b),
            _ => reasons::Decisive::NotEnoughToBlock {
                doubt: b.strongest_against(),
            },
        };
        let blocking = if veto { "cast a veto" } else { "vote against" };
        (
            vote,
            reasons::say(self, seat, ctx.into(), decisive, blocking),
        )
    }

    /// How bad a draft must be before a veto holder vetoes it without a red line.
    pub fn veto_cost(&self, seat: SeatId) -> f32 {
        let d = &self.disp[seat];
        0.6 + 1.5 * d.personality.veto_aversion * (0.5 + self.urgency) + d.pressure
    }

    /// The decision the scenario's script fixes for this seat on this
    /// draft, and the reason it gives.
    pub fn script(&self, seat: SeatId, draft: DraftId) -> Option<(Decision, &str)> {
        self.sc.delegations[seat]
            .scripted
            .iter()
            .find(|(d, _, _)| *d == draft)
            .map(|(_, decision, reason)| (*decision, reason.as_str()))
    }

    /// Whether the script lets this seat work for the draft (lobby for it,
    /// co-sponsor it, promise it support): no script on it, or one that
    /// supports it.
    pub fn may_support(&self, seat: SeatId, draft: DraftId) -> bool {
        self.script(seat, draft).is_none_or(|(d, _)| d.supports())
    }

    /// What `observer` expects the Council to do with a text: red lines are
    /// public, but it reads the others' values through its own misreadings.
    pub fn predict(&self, observer: SeatId, text: &Text, ctx: Context<'_>) -> Prediction {
        self.predict_with(observer, text.kind, ctx, |seat| {
            self.assess(seat, text, ctx)
        })
    }

    /// [`Self::predict`] from every seat's assessment of the text, already
    /// made: a delegation planning its day judges each draft once.
    pub fn predict_from(
        &self,
        observer: SeatId,
        kind: ProductKind,
        ctx: Context<'_>,
        council: &[Assessment],
    ) -> Prediction {
        self.predict_with(observer, kind, ctx, |seat| council[seat])
    }

    fn predict_with(
        &self,
        observer: SeatId,
        kind: ProductKind,
        ctx: Context<'_>,
        assess: impl Fn(SeatId) -> Assessment,
    ) -> Prediction {
        let consensus = self.sc.rules.needs_consensus(kind);
        let mut p = Prediction {
            consensus,
            ..Default::default()
        };
        let misread = &self.disp[observer].misread;
        for (seat, bias) in misread.iter().enumerate().take(self.seats()) {
            // A scripted delegation decides as its script says, and the
            // others expect it to.
            if let Some((decision, _)) = ctx.draft.and_then(|d| self.script(seat, d)) {
                p.count_scripted(seat, decision, self.sc.members[seat].veto);
                continue;
            }
            let a = assess(seat);
            let value = if seat == observer {
                a.value
            } else {
                a.value + bias
            };
            if consensus {
                if self.breaks_silence(seat, value, a.breach) {
                    p.blockers.push(seat);
                }
            } else {
                let committed = ctx
                    .draft
                    .is_some_and(|d| self.disp[seat].commitment(d) > 0.0);
                match self.vote_for(seat, value, a.breach, committed) {
                    Vote::Yes => p.yes += 1,
                    Vote::No if self.sc.members[seat].veto => p.vetoes.push(seat),
                    Vote::No => p.blockers.push(seat),
                    _ => {}
                }
            }
        }
        p.passes = if consensus {
            p.blockers.is_empty()
        } else {
            p.yes >= self.sc.rules.quota && p.vetoes.is_empty()
        };
        p
    }
}

/// What a delegation expects to happen to a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prediction {
    pub consensus: bool,
    pub passes: bool,
    /// Members expected to break silence, or (on a vote) to vote no without a veto.
    pub blockers: Vec<SeatId>,
    /// Veto holders expected to vote no.
    pub vetoes: Vec<SeatId>,
    pub yes: u32,
}

impl Prediction {
    fn count_scripted(&mut self, seat: SeatId, decision: Decision, veto: bool) {
        match decision {
            Decision::BreakSilence => self.blockers.push(seat),
            Decision::Yes => self.yes += 1,
            Decision::No if veto => self.vetoes.push(seat),
            Decision::No => self.blockers.push(seat),
            _ => {}
        }
    }

    /// How far the text is from passing: 0 when it passes.
    pub fn shortfall(&self, quota: u32) -> f32 {
        if self.consensus {
            self.blockers.len() as f32
        } else {
            2.0 * self.vetoes.len() as f32 + quota.saturating_sub(self.yes) as f32 * 0.5
        }
    }
}

impl Outlook {
    pub fn new(sc: &CompiledScenario, disp: &[Disposition]) -> Self {
        let n = sc.seat_count();
        let clauses = sc.clause_count();
        let max_wordings = sc.wordings.iter().copied().max().unwrap_or(1) as usize;
        let stride_seat = clauses * max_wordings;
        let mut outlook = Outlook {
            eff: vec![0.0; n * stride_seat],
            stride_seat,
            max_wordings,
            wants: vec![0.0; n],
            best: vec![f32::NEG_INFINITY; n * clauses],
        };
        outlook.reblend(sc, disp, 0..clauses, true);
        outlook
    }

    /// Blends again the values of these clauses (and the wish for a product,
    /// if `wants`), after news moved the stances behind them. Each value is
    /// summed in the same order as a fresh outlook's, so it is the same to
    /// the bit.
    pub fn reblend(
        &mut self,
        sc: &CompiledScenario,
        disp: &[Disposition],
        clauses: impl Iterator<Item = ClauseId>,
        wants: bool,
    ) {
        let n = sc.seat_count();
        let mw = self.max_wordings;
        let clauses: Vec<ClauseId> = clauses.collect();
        // Own values of these clauses, salience-scaled, one row per seat
        // (missing wordings are zero), so that blending sums whole rows.
        let stride = clauses.len() * mw;
        let mut own = vec![0.0; n * stride];
        for s in 0..n {
            for (i, &c) in clauses.iter().enumerate() {
                let stances = disp[s].stances[c].iter().take(sc.wordings[c] as usize);
                for (w, v) in stances.enumerate() {
                    own[s * stride + i * mw + w] = disp[s].salience * v;
                }
            }
        }
        let mut row = vec![0.0; stride];
        let mut weights: Vec<(SeatId, f32)> = Vec::with_capacity(n);
        for s in 0..n {
            // Blend toward the members sharing groups, weighted by how many.
            let shared = &sc.shared_groups[s];
            let total: f32 = shared.iter().map(|&k| k as f32).sum();
            let loyalty = if total > 0.0 {
                0.5 * disp[s].personality.group_loyalty
            } else {
                0.0
            };
            weights.clear();
            weights.extend(
                shared
                    .iter()
                    .enumerate()
                    .filter(|&(_, &k)| k > 0)
                    .map(|(p, &k)| (p, loyalty * k as f32 / total)),
            );
            for (e, o) in row.iter_mut().zip(&own[s * stride..(s + 1) * stride]) {
                *e = (1.0 - loyalty) * o;
            }
            for &(p, wt) in &weights {
                for (e, o) in row.iter_mut().zip(&own[p * stride..(p + 1) * stride]) {
                    *e += wt * o;
                }
            }
            for (i, &c) in clauses.iter().enumerate() {
                let at = s * self.stride_seat + c * mw;
                let values = &row[i * mw..(i + 1) * mw];
                self.eff[at..at + mw].copy_from_slice(values);
                self.best[s * sc.clause_count() + c] = values[..(sc.wordings[c] as usize).min(mw)]
                    .iter()
                    .copied()
                    .fold(f32::NEG_INFINITY, f32::max);
            }
            if wants {
                let mut wv = (1.0 - loyalty) * disp[s].wants_product;
                for &(p, wt) in &weights {
                    wv += wt * disp[p].wants_product;
                }
                self.wants[s] = wv;
            }
        }
    }
}

/// Whether a text crosses one red line (active or not).
#[inline]
pub fn red_line_crossed(r: &crate::model::compiled::CompiledRedLine, text: &Text) -> bool {
    red_line_crossed_by(r, text.kind, |c| text.wording_of(c))
}

/// Whether a text of this kind, holding each clause at the wording
/// `wording_of` gives, crosses one red line (active or not).
#[inline]
fn red_line_crossed_by(
    r: &crate::model::compiled::CompiledRedLine,
    kind: ProductKind,
    wording_of: impl Fn(ClauseId) -> Option<u8>,
) -> bool {
    use crate::model::compiled::RedLineTest::*;
    let satisfies = |q: &crate::model::compiled::ClauseReq| {
        wording_of(q.clause).is_some_and(|w| w >= q.min_wording)
    };
    r.applies_to(kind)
        && match &r.test {
            MustContain(any) => !any.iter().any(satisfies),
            MustNotContain(q) => satisfies(q),
        }
}

#[cfg(test)]
mod tests;
