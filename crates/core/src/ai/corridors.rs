//! Corridor diplomacy: what an AI delegation does with its action points,
//! and how it answers lobbying, trades and amendments.

use rand::RngExt;

use super::initiative;
use super::penholder::{self, join_names};
use super::reasons::{self, phrase};
use super::{Assessment, Context, Situation};
use crate::model::act::Act;
use crate::model::compiled::{DraftId, SeatId};
use crate::model::draft::{AmendmentState, Change, DraftState, DraftStatus, Text};
use crate::model::state::Table;
use crate::rules::{Motion, ProductKind};

/// What moves a delegation to grant or refuse a request for support.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lean {
    /// Its readiness to compromise (flexibility).
    Flexibility,
    /// Its relations with the delegation asking.
    Ties,
    /// What it owes the delegation asking: favours or a grudge.
    Owed,
    /// The pressure of the crisis.
    Urgency,
    /// What it thinks of the text.
    Text,
}

/// Answers a request to support a draft: (agrees, reason).
pub fn answer_lobby(
    sit: &Situation,
    target: SeatId,
    by: SeatId,
    draft: &DraftState,
    rng: &mut impl rand::Rng,
) -> (bool, String) {
    // One roll whatever the answer, so the random sequence does not depend on it.
    let noise = (rng.random::<f32>() - 0.5) * 0.3;
    answer_lobby_with(sit, target, by, draft, noise)
}

/// [`answer_lobby`] with the day's mood given: `noise` is added to the
/// target's willingness (0 for its considered answer, as the debrief asks).
pub fn answer_lobby_with(
    sit: &Situation,
    target: SeatId,
    by: SeatId,
    draft: &DraftState,
    noise: f32,
) -> (bool, String) {
    let ctx = Context::of(draft);
    let a = sit.assess(target, draft.text(), ctx);
    if let Some((decision, reason)) = sit.script(target, draft.id) {
        return if decision.supports() {
            (true, "it has already decided to support the text".into())
        } else {
            (false, reason.to_string())
        };
    }
    if let Some(line) = a.breach {
        return (
            false,
            sit.sc.delegations[target].red_lines[line].reason.clone(),
        );
    }
    let b = sit.breakdown(target, draft.text(), ctx);
    if a.value > 0.2 {
        let why = reasons::say(sit, target, ctx.into(), reasons::deciding_for(&b), "");
        return (true, format!("it already supports the text: {why}"));
    }
    let d = &sit.disp[target];
    let leans = [
        (Lean::Flexibility, 0.4 * d.personality.flexibility),
        (Lean::Ties, 0.5 * d.relationships[by]),
        (Lean::Owed, d.goodwill[by]),
        (Lean::Urgency, 0.3 * sit.urgency),
        (Lean::Text, -d.salience * (-a.value).max(0.0)),
    ];
    let willingness: f32 = leans.iter().map(|l| l.1).sum::<f32>() + noise;
    let agree = willingness > 0.35;
    // The lean that weighed most in the direction of the answer.
    let decisive = if agree {
        leans
            .iter()
            .filter(|l| l.1 > 0.0)
            .max_by(|x, y| x.1.total_cmp(&y.1))
    } else {
        leans
            .iter()
            .filter(|l| l.1 < 0.0)
            .min_by(|x, y| x.1.total_cmp(&y.1))
    };
    let them = reasons::named(sit, by);
    let why = match decisive {
        Some((Lean::Flexibility, _)) => "it is ready to meet its partners halfway".to_string(),
        Some((Lean::Ties, v)) if *v > 0.0 => format!("it values its partnership with {them}"),
        Some((Lean::Ties, _)) => format!("it does not trust {them}"),
        Some((Lean::Owed, v)) if *v > 0.0 => format!("it has not forgotten the help of {them}"),
        Some((Lean::Owed, _)) => format!("it has not forgotten that {them} let it down"),
        Some((Lean::Urgency, _)) => {
            "the Council must not stay divided while the crisis goes on".to_string()
        }
        Some((Lean::Text, _)) => {
            reasons::say(sit, target, ctx.into(), reasons::deciding_against(&b), "")
        }
        None => "it sees no reason to commit itself".to_string(),
    };
    (agree, why)
}

/// Answers "we support your draft `give` if you support our draft `get`".
pub fn answer_trade(
    sit: &Situation,
    target: SeatId,
    by: SeatId,
    give: &DraftState,
    get: &DraftState,
) -> (bool, String) {
    if let Some((decision, reason)) = sit.script(target, get.id)
        && !decision.supports()
    {
        return (false, reason.to_string());
    }
    let on_get = sit.assess(target, get.text(), Context::of(get));
    if let Some(line) = on_get.breach {
        return (
            false,
            sit.sc.delegations[target].red_lines[line].reason.clone(),
        );
    }
    let on_give = sit.assess(target, give.text(), Context::of(give));
    let d = &sit.disp[target];
    // What the partner's support is worth: only something if the target
    // wants `give` adopted and the partner does not support it yet.
    let partner = sit.assess(by, give.text(), Context::of(give));
    let support_gain = if partner.value > 0.0 || partner.breach.is_some() {
        0.0
    } else {
        on_give.value.max(0.0)
    };
    let price = (-on_get.value).max(0.0) * (1.0 - 0.5 * d.personality.flexibility);
    if support_gain > price + 0.05 {
        (
            true,
            format!(
                "support from {} for \"{}\" is worth more than its doubts",
                reasons::named(sit, by),
                give.title
            ),
        )
    } else if support_gain <= 0.0 {
        (false, "it has nothing to gain from the offer".to_string())
    } else {
        let b = sit.breakdown(target, get.text(), Context::of(get));
        let ctx = Context::of(get).into();
        (
            false,
            reasons::say(sit, target, ctx, reasons::deciding_against(&b), ""),
        )
    }
}

/// The penholder's answer to an amendment: (accept, reason).
pub fn answer_amendment(
    sit: &Situation,
    pen: SeatId,
    draft: &DraftState,
    by: SeatId,
    change: Change,
) -> (bool, String) {
    let ctx = Context::of(draft);
    let Some(amended) = draft.text().with(change, &sit.sc.parts) else {
        return (false, "the amendment no longer fits the text".into());
    };
    if let Some(line) = sit.breach(pen, &amended) {
        return (
            false,
            sit.sc.delegations[pen].red_lines[line].reason.clone(),
        );
    }
    let before = sit.predict(pen, draft.text(), ctx);
    let after = sit.predict(pen, &amended, ctx);
    let value_before = sit.assess(pen, draft.text(), ctx).value;
    let value_after = sit.assess(pen, &amended, ctx).value;
    let d = &sit.disp[pen];
    let quota = sit.sc.rules.quota;
    let closer = after.shortfall(quota) < before.shortfall(quota);
    let further = after.shortfall(quota) > before.shortfall(quota);
    let tolerance =
        0.1 + 0.3 * d.personality.flexibility + 0.2 * d.relationships[by].max(0.0) + d.goodwill[by];
    if further {
        return (false, "it would cost the text the support it needs".into());
    }
    if closer && value_after > 0.0 {
        return (true, "it brings the Council closer to agreement".into());
    }
    if value_after >= value_before - tolerance {
        let why = if value_after >= value_before {
            "it improves the text".to_string()
        } else {
            format!("it can accommodate {}", reasons::named(sit, by))
        };
        (true, why)
    } else {
        let change =
            sit.breakdown(pen, &amended, ctx)
                .minus(&sit.breakdown(pen, draft.text(), ctx));
        let about = reasons::About {
            ctx,
            proposer: Some(by),
        };
        let decisive = reasons::deciding_against(&change);
        (false, reasons::say(sit, pen, about, decisive, ""))
    }
}

/// Why a delegation proposes a change.
fn amendment_reason(sit: &Situation, seat: SeatId, draft: &DraftState, change: Change) -> String {
    let sc = sit.sc;
    let topic = &sc.clause(change.clause()).topic;
    match change {
        // The record already quotes the added paragraph: say only why.
        Change::Add { .. } => format!("in its view the Council cannot stay silent on {topic}"),
        Change::Delete { clause } => {
            let w = draft.text().wording_of(clause).unwrap_or(0);
            format!("it cannot accept that the text {}", phrase(sc, clause, w))
        }
        Change::Reword { clause, wording } => {
            let current = draft.text().wording_of(clause).unwrap_or(0);
            if sit.own_stance(seat, clause, wording) > sit.own_stance(seat, clause, current)
                && wording > current
            {
                format!("the language on {topic} is too weak")
            } else {
                format!("the language on {topic} goes too far")
            }
        }
    }
}

/// The best amendment a delegation could propose to a draft: the change that
/// improves the text most for it without crossing anyone's red line, if it
/// gains more than `min_gain` (below that, proposing is not worth a point).
///
/// A change moves the delegation's value by the difference in one clause
/// alone, so every move is valued by that difference; red lines (the costly
/// part) are checked from the best move down, until one keeps the text
/// passable or the gain left is too small. Most often no move is worth
/// proposing, which a bound from each clause's best wording shows before
/// any move is valued ([`most_to_gain`]).
pub fn best_amendment(
    sit: &Situation,
    seat: SeatId,
    draft: &DraftState,
    min_gain: f32,
) -> Option<(Change, f32)> {
    let text = draft.text();
    let value_of = |c, w: Option<u8>| w.map_or(0.0, |w| sit.clause_value(seat, c, w));
    // What a change gains: the new wording's value less the current one's.
    let gain = |change: Change, current: Option<u8>| {
        value_of(change.clause(), change.wording()) - value_of(change.clause(), current)
    };
    if most_to_gain(sit, seat, text) <= min_gain {
        return None;
    }
    let proposed: Vec<Change> = draft
        .amendments
        .iter()
        .filter(|a| a.by == seat)
        .map(|a| a.change)
        .collect();
    // The moves that gain enough, best first; among equal gains, the
    // earlier move (the sort is stable).
    let mut valued: Vec<(Change, f32)> = Vec::new();
    penholder::each_move(sit, text, |change, current| {
        let gain = gain(change, current);
        if gain > min_gain && !proposed.contains(&change) {
            valued.push((change, gain));
        }
    });
    valued.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    let breached = |s: SeatId, t: &Text| sit.breach(s, t).is_some();
    let keeps_passable = |change: Change| {
        let Some(candidate) = text.with(change, &sit.sc.parts) else {
            return false;
        };
        if breached(seat, &candidate) {
            return false;
        }
        // No more members with a red line crossed than before. Only members
        // whose red lines name the clause can change.
        let (mut before, mut after) = (0, 0);
        for &s in sit
            .sc
            .seats_naming(change.clause())
            .iter()
            .filter(|&&s| s != seat)
        {
            before += breached(s, text) as usize;
            after += breached(s, &candidate) as usize;
        }
        after <= before
    };
    valued
        .into_iter()
        .find(|&(change, _)| keeps_passable(change))
}

/// An upper bound on what one change to the text could gain the seat: no
/// change to a clause gains more than its best wording (or deleting it) over
/// the current one. Most often even that is too little to propose anything.
fn most_to_gain(sit: &Situation, seat: SeatId, text: &Text) -> f32 {
    let mut most = f32::NEG_INFINITY;
    // The clauses in the text, as a bit set when there are few enough clauses.
    let few = sit.sc.clause_count() <= 128;
    let mut present = 0u128;
    for &(c, now) in &text.clauses {
        if few {
            present |= 1 << c;
        }
        if sit.available(c) {
            let gain = sit.best_clause_value(seat, c).max(0.0) - sit.clause_value(seat, c, now);
            most = most.max(gain);
        }
    }
    for c in 0..sit.sc.clause_count() {
        let absent = if few {
            present & (1 << c) == 0
        } else {
            text.wording_of(c).is_none()
        };
        if absent && sit.available(c) {
            most = most.max(sit.best_clause_value(seat, c));
        }
    }
    most
}

/// What weighs on co-sponsoring a draft.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sponsorship {
    /// How much it wants the text adopted.
    Text,
    /// Its relations with the penholder.
    Penholder,
    /// Its friends who will veto the text or vote against it.
    Friends,
    /// A text bound to be vetoed: co-sponsoring it is a gesture.
    Doomed,
}

/// Relations at or above this make two delegations close friends.
const CLOSE_FRIEND: f32 = 0.4;

/// Whether a delegation co-sponsors a draft, and why: the sum of what
/// weighs on it must clear a high bar (co-sponsoring ties a delegation's
/// name to the text).
fn sponsorship(
    sit: &Situation,
    seat: SeatId,
    draft: &DraftState,
    a: Assessment,
    councils: &mut Councils,
) -> Option<String> {
    let ctx = Context::of(draft);
    let p = sit.predict_from(seat, draft.kind(), ctx, councils.judge(sit, draft));
    let d = &sit.disp[seat];
    // No delegation puts its name to a text a close friend will veto: that
    // would make the friend veto its own partner's text.
    if p.vetoes.iter().any(|&v| d.relationships[v] >= CLOSE_FRIEND) {
        return None;
    }
    let friend = |s: &SeatId| d.relationships[*s].max(0.0);
    // A friend's veto weighs twice: it would be made to cast it against us.
    let against: f32 =
        p.blockers.iter().map(friend).sum::<f32>() + 2.0 * p.vetoes.iter().map(friend).sum::<f32>();
    let doomed = if p.vetoes.is_empty() { 0.0 } else { -0.5 };
    let terms = [
        (Sponsorship::Text, a.value),
        (
            Sponsorship::Penholder,
            0.3 * d.relationships[draft.penholder],
        ),
        (Sponsorship::Friends, -1.5 * against),
        (Sponsorship::Doomed, doomed),
    ];
    let score: f32 = terms.iter().map(|t| t.1).sum();
    if score <= 0.9 {
        return None;
    }
    let heaviest = terms.iter().filter(|t| t.1 > 0.0).fold(
        None::<(Sponsorship, f32)>,
        |best, &t| match best {
            Some(b) if b.1 >= t.1 => Some(b),
            _ => Some(t),
        },
    )?;
    Some(match heaviest.0 {
        Sponsorship::Penholder => {
            format!("it stands with {}", reasons::named(sit, draft.penholder))
        }
        _ => {
            let b = sit.breakdown(seat, draft.text(), ctx);
            let why = reasons::say(sit, seat, ctx.into(), reasons::deciding_for(&b), "");
            format!("it strongly supports the text: {why}")
        }
    })
}

/// A corridor action with how much the delegation expects to gain from it.
struct Option_ {
    gain: f32,
    act: Act,
}

/// Every seat's assessment of each draft, as the delegations planning their
/// day need it: made once and shared between their plans while nothing has
/// changed. Whoever carries out an act must [`Councils::forget`] them.
#[derive(Debug, Default)]
pub struct Councils {
    /// By draft; empty until judged.
    by_draft: Vec<Vec<Assessment>>,
}

impl Councils {
    /// Something changed on the table or in a delegation.
    pub fn forget(&mut self) {
        for council in &mut self.by_draft {
            council.clear();
        }
    }

    /// Every seat's assessment of the draft, by seat.
    pub fn judge(&mut self, sit: &Situation, draft: &DraftState) -> &[Assessment] {
        if self.by_draft.len() <= draft.id {
            self.by_draft.resize_with(draft.id + 1, Vec::new);
        }
        let council = &mut self.by_draft[draft.id];
        if council.is_empty() {
            let ctx = Context::of(draft);
            council.extend((0..sit.seats()).map(|t| sit.assess(t, draft.text(), ctx)));
        }
        council
    }
}

/// Plans an AI delegation's corridor actions for the day.
pub fn plan(
    sit: &Situation,
    seat: SeatId,
    table: &Table,
    action_points: u32,
    rng: &mut impl rand::Rng,
) -> Vec<Act> {
    plan_with(
        sit,
        seat,
        table,
        action_points,
        rng,
        &mut Councils::default(),
    )
}

/// [`plan`], with the Council's assessments of the drafts shared with the
/// other delegations' plans.
pub fn plan_with(
    sit: &Situation,
    seat: SeatId,
    table: &Table,
    action_points: u32,
    rng: &mut impl rand::Rng,
    councils: &mut Councils,
) -> Vec<Act> {
    let mut plan = Plan {
        sit,
        seat,
        assertive: sit.disp[seat].personality.assertiveness,
        options: Vec::new(),
        free: Vec::new(),
    };
    for draft in table.live() {
        let a = sit.assess(seat, draft.text(), Context::of(draft));
        plan.amend(draft);
        plan.seek_support(table, draft, a, councils);
        plan.co_sponsor(draft, a, councils);
        plan.press_amendments(draft);
        plan.blame_blockers(draft, a, rng, councils);
        plan.call_for_debate(table, draft, a);
    }
    plan.take_initiative(table);
    plan.options.sort_by(|x, y| y.gain.total_cmp(&x.gain));
    let mut acts: Vec<Act> = plan
        .options
        .into_iter()
        .take(action_points as usize)
        .map(|o| o.act)
        .collect();
    acts.extend(plan.free);
    acts
}

/// A delegation's day in the making: the actions it weighs (the best are
/// taken, as many as it has action points) and those that cost nothing.
struct Plan<'s, 'a> {
    sit: &'s Situation<'a>,
    seat: SeatId,
    assertive: f32,
    options: Vec<Option_>,
    free: Vec<Act>,
}

impl Plan<'_, '_> {
    /// New texts and withdrawals (see [`super::initiative`]). A delegation
    /// that follows a script keeps to the drafts it names.
    fn take_initiative(&mut self, table: &Table) {
        let (sit, seat) = (self.sit, self.seat);
        if !sit.sc.delegations[seat].scripted.is_empty() {
            return;
        }
        let new = initiative::escalation(sit, seat, table)
            .or_else(|| initiative::compromise(sit, seat, table));
        if let Some(act) = new {
            // Worth more than any amendment or lobbying: it changes the game.
            self.options.push(Option_ { gain: 2.0, act });
        }
        for draft in initiative::withdrawals(sit, seat, table) {
            self.free.push(Act::Withdraw { draft });
        }
        self.free.extend(initiative::chair_votes(sit, seat, table));
    }

    /// Amendments: move the text toward us.
    fn amend(&mut self, draft: &DraftState) {
        let (sit, seat) = (self.sit, self.seat);
        let open = matches!(
            draft.status,
            DraftStatus::OnTable | DraftStatus::Blocked { .. }
        );
        if !open || draft.penholder == seat {
            return;
        }
        let proposed_today = draft
            .amendments
            .iter()
            .any(|am| am.by == seat && am.day == sit.day);
        let threshold = 0.1 + 0.4 * (1.0 - self.assertive);
        if !proposed_today && let Some((change, gain)) = best_amendment(sit, seat, draft, threshold)
        {
            self.options.push(Option_ {
                gain,
                act: Act::ProposeAmendment {
                    draft: draft.id,
                    change,
                    reason: amendment_reason(sit, seat, draft, change),
                },
            });
        }
    }

    /// Lobbying and trades: for drafts we want adopted that would not pass.
    fn seek_support(
        &mut self,
        table: &Table,
        draft: &DraftState,
        a: Assessment,
        councils: &mut Councils,
    ) {
        let (sit, seat) = (self.sit, self.seat);
        let wants_it = draft.penholder == seat || (a.breach.is_none() && a.value > 0.3);
        if !wants_it || !sit.may_support(seat, draft.id) {
            return;
        }
        let ctx = Context::of(draft);
        let council = councils.judge(sit, draft);
        let p = sit.predict_from(seat, draft.kind(), ctx, council);
        if p.passes {
            return;
        }
        // Lobby those who stand in the way without a red line.
        let uncommitted = |t: SeatId| sit.disp[t].commitment(draft.id) == 0.0;
        let mut targets: Vec<(SeatId, f32)> = p
            .blockers
            .iter()
            .chain(&p.vetoes)
            .copied()
            .filter(|&t| t != seat && council[t].breach.is_none())
            // A member bound by its script on this draft cannot be moved.
            .filter(|&t| uncommitted(t) && sit.script(t, draft.id).is_none())
            .map(|t| (t, council[t].value))
            .collect();
        if !p.consensus && p.yes < sit.sc.rules.quota {
            // Also the abstainers, for the ninth vote.
            for (t, at) in council.iter().enumerate() {
                if t != seat
                    && at.breach.is_none()
                    && at.value <= 0.0
                    && !targets.iter().any(|x| x.0 == t)
                    && uncommitted(t)
                {
                    targets.push((t, at.value));
                }
            }
        }
        targets.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        for &(t, v) in targets.iter().take(2) {
            let closeness = 1.0 / (1.0 + (-v).max(0.0));
            self.options.push(Option_ {
                gain: a.value.max(0.2) * closeness * (0.5 + self.assertive),
                act: Act::Lobby {
                    target: t,
                    draft: draft.id,
                },
            });
        }
        // Trades: a blocker with a draft of its own we can live with.
        if let Some(&(t, _)) = targets.first()
            && let Some(theirs) = table.live().find(|o| {
                o.penholder == t
                    && o.id != draft.id
                    && sit.may_support(seat, o.id)
                    && sit.breach(seat, o.text()).is_none()
                    && sit.assess(seat, o.text(), Context::of(o)).value > -0.2
                    && sit.assess(seat, o.text(), Context::of(o)).value <= 0.0
            })
        {
            self.options.push(Option_ {
                gain: 0.3 * a.value.max(0.2) * (0.5 + self.assertive),
                act: Act::OfferTrade {
                    target: t,
                    give: theirs.id,
                    get: draft.id,
                },
            });
        }
    }

    /// An amendment to a resolution that the penholder refused, or has
    /// left unanswered since an earlier day, is pressed to a vote (voted
    /// before the draft, rule 36), if it is worth it: costs nothing.
    fn press_amendments(&mut self, draft: &DraftState) {
        let (sit, seat) = (self.sit, self.seat);
        for a in &draft.amendments {
            let refused_or_waiting =
                matches!(a.state, AmendmentState::Proposed | AmendmentState::Rejected);
            let waiting = a.by == seat && refused_or_waiting && a.day < sit.day;
            if waiting && insists(sit, seat, draft, a.id) {
                self.free.push(Act::InsistOnAmendment {
                    draft: draft.id,
                    amendment: a.id,
                });
            }
        }
    }

    /// Co-sponsor a resolution it strongly supports (costs no point),
    /// weighing its partners: a text a friend will veto or vote against
    /// costs it with that friend, and a friend's text is easier to back.
    fn co_sponsor(&mut self, draft: &DraftState, a: Assessment, councils: &mut Councils) {
        let (sit, seat) = (self.sit, self.seat);
        let eligible = draft.penholder != seat
            && sit.may_support(seat, draft.id)
            && draft.kind() == ProductKind::Resolution
            && draft.status.is_live()
            && !draft.sponsors.contains(&seat)
            && a.breach.is_none()
            && a.value > 0.3;
        if !eligible {
            return;
        }
        if let Some(reason) = sponsorship(sit, seat, draft, a, councils) {
            self.free.push(Act::CoSponsor {
                draft: draft.id,
                reason,
            });
        }
    }

    /// When a statement we wanted was blocked yesterday, an assertive
    /// delegation moves an open debate, so that the whole membership is
    /// heard and the blockers answer in public (once a game).
    fn call_for_debate(&mut self, table: &Table, draft: &DraftState, a: Assessment) {
        let sit = self.sit;
        let blocked_yesterday =
            matches!(draft.status, DraftStatus::Blocked { day } if day + 1 == sit.day);
        let moved_before = table.motions.iter().any(|m| m.motion == Motion::OpenDebate);
        if !blocked_yesterday || moved_before || a.breach.is_some() || a.value <= 0.3 {
            return;
        }
        if self.assertive < 0.5 {
            return;
        }
        self.options.push(Option_ {
            gain: 0.3 * self.assertive * a.value.min(1.0),
            act: Act::ProposeMotion {
                motion: Motion::OpenDebate,
                reason: format!(
                    "the Council has failed to agree on \"{}\", and the membership must be heard",
                    draft.title
                ),
            },
        });
    }

    /// Speak to the press about whoever blocked a text we wanted.
    fn blame_blockers(
        &mut self,
        draft: &DraftState,
        a: Assessment,
        rng: &mut impl rand::Rng,
        councils: &mut Councils,
    ) {
        let (sit, seat) = (self.sit, self.seat);
        let blocked_yesterday =
            matches!(draft.status, DraftStatus::Blocked { day } if day + 1 == sit.day);
        if !blocked_yesterday || a.breach.is_some() || a.value <= 0.3 {
            return;
        }
        let council = councils.judge(sit, draft);
        let blockers: Vec<SeatId> = (0..sit.seats())
            .filter(|&s| s != seat && council[s].breach.is_some())
            .collect();
        if let Some(&target) = blockers.first()
            && rng.random::<f32>() < self.assertive * 0.6
        {
            let names: Vec<&str> = blockers.iter().map(|&s| sit.sc.name(s)).collect();
            self.options.push(Option_ {
                gain: 0.25 * self.assertive,
                act: Act::PressRemarks {
                    about: Some(target),
                    remarks: format!(
                        "The Council has failed to speak on \"{}\" because {} blocked it. The world is watching.",
                        draft.title,
                        join_names(&names)
                    ),
                },
            });
        }
    }
}

/// Whether an AI proposer presses its amendment to a resolution to a vote,
/// refused or left unanswered by the penholder.
pub fn insists(sit: &Situation, seat: SeatId, draft: &DraftState, amendment: usize) -> bool {
    if sit.sc.rules.needs_consensus(draft.kind()) {
        return false;
    }
    let Some(a) = draft.amendments.iter().find(|a| a.id == amendment) else {
        return false;
    };
    if !matches!(a.state, AmendmentState::Rejected | AmendmentState::Proposed) {
        return false;
    }
    let ctx = Context::of(draft);
    let Some(amended) = draft.text().with(a.change, &sit.sc.parts) else {
        return false;
    };
    let gain = sit.assess(seat, &amended, ctx).value - sit.assess(seat, draft.text(), ctx).value;
    gain > 0.6 * (1.2 - sit.disp[seat].personality.assertiveness)
}

/// Drafts this seat holds the pen on that are on the table.
pub fn own_drafts(table: &Table, seat: SeatId) -> impl Iterator<Item = DraftId> + '_ {
    table
        .drafts
        .iter()
        .filter(move |d| d.penholder == seat && d.status.is_live())
        .map(|d| d.id)
}
