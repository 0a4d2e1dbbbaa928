//! The penholder: looks for the text that serves it best and can still pass,
//! and decides when to put it to the Council.

use rand::RngExt;

use super::{Context, Prediction, Situation};
use crate::model::compiled::{ClauseId, SeatId};
use crate::model::draft::{AmendmentState, Change, DraftState, DraftStatus, Text};
use crate::rules::Vote;
use crate::scenario::Decision;

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
/// What one obstacle to adoption costs the penholder in the search.
const OBSTACLE: f32 = 1.5;
/// Weight of the others' discontent: a penholder avoids texts that leave
/// members grudging even when they would not block.
const GOODWILL: f32 = 0.1;
/// What going back on an accepted amendment costs the penholder: less than
/// an obstacle, so it reverts one only to get the text adopted.
const BROKEN_WORD: f32 = 1.0;
/// What a text that can pass is worth over one that cannot, beyond its
/// obstacles: a penholder wants a product.
const PASS_BONUS: f32 = 1.0;
/// What crossing one of its own red lines costs the penholder: more than
/// any text could gain, so it never writes one into its own draft.
const OWN_LINE: f32 = 20.0;

/// Every seat's standing on a text, as the penholder reads it.
struct Standing {
    /// Perceived value per seat (the penholder's misreadings included).
    values: Vec<f32>,
    /// Red lines crossed per seat, and whether one brings a no vote.
    crossed: Vec<(u8, bool)>,
}

impl Clone for Standing {
    fn clone(&self) -> Self {
        Standing {
            values: self.values.clone(),
            crossed: self.crossed.clone(),
        }
    }

    /// Reuses the buffers (the search's scratch standing).
    fn clone_from(&mut self, source: &Self) {
        self.values.clone_from(&source.values);
        self.crossed.clone_from(&source.crossed);
    }
}

impl Standing {
    fn of(sit: &Situation, judges: &Judges, text: &Text, ctx: Context) -> Self {
        let pen = judges.pen;
        let misread = &sit.disp[pen].misread;
        let values = (0..sit.seats())
            .map(|s| {
                let v = sit.content_value(s, text) + sit.context_value(s, ctx);
                if s == pen { v } else { v + misread[s] }
            })
            .collect();
        let crossed = (0..sit.seats())
            .map(|s| judges.crossed(sit, s, text))
            .collect();
        Standing { values, crossed }
    }

    /// Makes `self` the standing after one change to `text` (giving
    /// `candidate`), starting from `before`: red lines are recomputed only
    /// where they name the changed clause. Reuses `self`'s buffers, as the
    /// search tries thousands of changes.
    fn set_after(
        &mut self,
        before: &Standing,
        sit: &Situation,
        judges: &Judges,
        text: &Text,
        candidate: &Text,
        change: Change,
    ) {
        let c = change.clause();
        let old = text.wording_of(c);
        let new = candidate.wording_of(c);
        self.clone_from(before);
        for s in 0..sit.seats() {
            let before = old.map(|w| sit.clause_value(s, c, w)).unwrap_or(0.0);
            let after = new.map(|w| sit.clause_value(s, c, w)).unwrap_or(0.0);
            self.values[s] += after - before;
        }
        for &s in sit.sc.seats_naming(c) {
            self.crossed[s] = judges.crossed(sit, s, candidate);
        }
    }

    /// How many of the red lines this standing counts a change to `clause`
    /// cannot mend: those of seats whose lines do not name the clause.
    /// `crossed` is the standing's total.
    fn unmendable(&self, sit: &Situation, crossed: u32, clause: ClauseId) -> u32 {
        let mendable: u32 = sit
            .sc
            .seats_naming(clause)
            .iter()
            .map(|&s| u32::from(self.crossed[s].0))
            .sum();
        crossed.saturating_sub(mendable)
    }

    /// Every red line crossed, by anyone.
    fn crossed_total(&self) -> u32 {
        self.crossed.iter().map(|&(n, _)| u32::from(n)).sum()
    }

    /// How far the text is from adoption, counting every red line crossed
    /// (so that a text already blocked is not loaded with more), and the
    /// penholder's score for it.
    fn score(&self, judges: &Judges) -> (f32, bool) {
        judges.score(&self.values, &self.crossed)
    }

    /// The score of the text after one change, as [`Self::set_after`] then
    /// [`Self::score`] would give it, without writing the standing or the
    /// changed text down: the search scores every change and keeps few.
    /// `scratch` is the search's to reuse.
    fn score_after(
        &self,
        sit: &Situation,
        judges: &Judges,
        text: &Text,
        change: Change,
        scratch: &mut Standing,
    ) -> f32 {
        let c = change.clause();
        sit.values_after(
            c,
            text.wording_of(c),
            change.wording(),
            &self.values,
            &mut scratch.values,
        );
        scratch.crossed.clone_from(&self.crossed);
        // Only red lines naming the changed clause can be crossed or mended.
        for &s in sit.sc.seats_naming(c) {
            scratch.crossed[s] = if judges.seats[s].fixed.is_some() {
                (0, false)
            } else {
                sit.crossed_after(s, text, change)
            };
        }
        scratch.score(judges).0
    }
}

/// The penholder's own value of the text after one change, as
/// [`Standing::score_after`] reckons it.
fn own_after(
    sit: &Situation,
    pen: SeatId,
    standing: &Standing,
    text: &Text,
    change: Change,
) -> f32 {
    let c = change.clause();
    let before = text
        .wording_of(c)
        .map(|w| sit.clause_value(pen, c, w))
        .unwrap_or(0.0);
    let after = change
        .wording()
        .map(|w| sit.clause_value(pen, c, w))
        .unwrap_or(0.0);
    standing.values[pen] + (after - before)
}

/// What each seat's decision on the draft turns on, besides the text: the
/// same for every text the search tries, so worked out once per search.
struct Judge {
    /// It breaks silence on a text it values below this.
    silence_floor: f32,
    /// Without a red line, it votes no on a text it values below this.
    no_floor: f32,
    /// It has promised to support the draft.
    committed: bool,
    veto: bool,
    /// Its script fixes its decision on the draft, whatever the text.
    fixed: Option<Decision>,
}

/// How the penholder reckons the Council's answer to the texts it tries:
/// the rules of [`Situation::breaks_silence`] and [`Situation::vote_for`],
/// with each seat's thresholds worked out in advance.
struct Judges {
    pen: SeatId,
    consensus: bool,
    quota: u32,
    seats: Vec<Judge>,
}

impl Judges {
    fn new(sit: &Situation, pen: SeatId, consensus: bool, ctx: Context) -> Self {
        let seats = (0..sit.seats())
            .map(|s| {
                let veto = sit.sc.members[s].veto;
                let threshold = if veto {
                    sit.veto_cost(s)
                } else {
                    0.3 + 0.4 * sit.disp[s].personality.flexibility
                };
                Judge {
                    silence_floor: -sit.blocking_cost(s),
                    no_floor: -threshold,
                    committed: ctx.draft.is_some_and(|d| sit.disp[s].commitment(d) > 0.0),
                    veto,
                    fixed: ctx.draft.and_then(|d| sit.script(s, d)).map(|(d, _)| d),
                }
            })
            .collect();
        Judges {
            pen,
            consensus,
            quota: sit.sc.rules.quota,
            seats,
        }
    }

    /// The red lines of a seat the text crosses, as the search counts them:
    /// none for a seat whose script fixes its decision (its lines cannot
    /// change it).
    fn crossed(&self, sit: &Situation, seat: SeatId, text: &Text) -> (u8, bool) {
        if self.seats[seat].fixed.is_some() {
            (0, false)
        } else {
            sit.crossed(seat, text)
        }
    }

    /// The highest score a text could have with the penholder's value `own`
    /// and at least `crossed` red lines crossed: what [`Self::score`] gives
    /// cannot exceed it (obstacles and grudges only take away).
    fn ceiling(&self, own: f32, crossed: u32) -> f32 {
        if self.consensus {
            // Consensus fails on any red line crossed: no bonus then.
            let bonus = if crossed == 0 { PASS_BONUS } else { 0.0 };
            own - OBSTACLE * crossed as f32 + bonus
        } else {
            own - OBSTACLE * (0.5 * crossed as f32) + PASS_BONUS
        }
    }

    /// The penholder's score for a text, from each seat's value and red
    /// lines crossed (their number, and whether one brings a no vote).
    fn score(&self, values: &[f32], crossed: &[(u8, bool)]) -> (f32, bool) {
        let mut obstacles = 0.0;
        let mut yes = 0;
        let mut vetoes = 0;
        let mut grudge = 0.0;
        let mut own = 0.0;
        for (s, ((judge, &v), &(count, no))) in
            self.seats.iter().zip(values).zip(crossed).enumerate()
        {
            if s != self.pen {
                grudge += v.min(0.0);
            } else {
                own = v;
                obstacles += OWN_LINE * count as f32;
            }
            if let Some(decision) = judge.fixed {
                match decision {
                    Decision::BreakSilence => obstacles += 1.0,
                    Decision::Yes => yes += 1,
                    Decision::No if judge.veto => vetoes += 1,
                    _ => {}
                }
                continue;
            }
            if self.consensus {
                obstacles += count as f32;
                if count == 0 && v < judge.silence_floor {
                    obstacles += 1.0;
                }
            } else {
                obstacles += 0.5 * count as f32;
                // A red line crossed decides the vote: no if one of them
                // brings a no vote, else an abstention.
                let vote = if count > 0 {
                    if no { Vote::No } else { Vote::Abstain }
                } else if v > 0.0 || judge.committed {
                    Vote::Yes
                } else if v < judge.no_floor {
                    Vote::No
                } else {
                    Vote::Abstain
                };
                match vote {
                    Vote::Yes => yes += 1,
                    Vote::No if judge.veto => vetoes += 1,
                    _ => {}
                }
            }
        }
        let passes = if self.consensus {
            obstacles == 0.0
        } else {
            vetoes == 0 && yes >= self.quota
        };
        if !self.consensus {
            obstacles += 2.0 * vetoes as f32 + 0.5 * self.quota.saturating_sub(yes) as f32;
        }
        let bonus = if passes { PASS_BONUS } else { 0.0 };
        (
            own - OBSTACLE * obstacles + GOODWILL * grudge + bonus,
            passes,
        )
    }
}

/// Every single change the penholder could make to a text, clause by clause
/// (delete it or reword it if present, add it at any wording if absent),
/// written into `out`, which the searches reuse.
pub fn moves(sit: &Situation, text: &Text, out: &mut Vec<Change>) {
    out.clear();
    each_move(sit, text, |change, _| out.push(change));
}

/// Calls `f` with every single change to a text, in the order of
/// [`moves`], and the clause's current wording.
pub fn each_move(sit: &Situation, text: &Text, mut f: impl FnMut(Change, Option<u8>)) {
    let can_delete = text.clauses.len() > MIN_CLAUSES;
    for c in 0..sit.sc.clause_count() {
        if !sit.available(c) {
            continue;
        }
        let wordings = sit.sc.wordings[c];
        let current = text.wording_of(c);
        match current {
            Some(now) => {
                if can_delete {
                    f(Change::Delete { clause: c }, current);
                }
                for w in (0..wordings).filter(|&w| w != now) {
                    f(
                        Change::Reword {
                            clause: c,
                            wording: w,
                        },
                        current,
                    );
                }
            }
            None => {
                for w in 0..wordings {
                    f(
                        Change::Add {
                            clause: c,
                            wording: w,
                        },
                        current,
                    );
                }
            }
        }
    }
}

/// Clauses the penholder has agreed to, through an accepted or adopted
/// amendment: taking them back breaks its word, which it does only to
/// remove an obstacle to adoption.
fn locked(draft: &DraftState) -> Vec<ClauseId> {
    draft
        .amendments
        .iter()
        .filter(|a| matches!(a.state, AmendmentState::Accepted | AmendmentState::Adopted))
        .map(|a| a.change.clause())
        .collect()
}

/// Every red line crossed, by whom: the number, for choosing between fixes.
fn total_crossed(sit: &Situation, text: &Text) -> u32 {
    (0..sit.seats())
        .map(|s| sit.crossed(s, text).0 as u32)
        .sum()
}

/// The text with every crossed red line mended at once: the clause that
/// crosses a "must not contain" line weakened below it or deleted; for a
/// "must contain" line, the required clause added, choosing among the
/// alternatives the one that crosses fewest other lines. Single changes
/// cannot find this when a text crosses several lines, each worth keeping
/// alone.
fn repair(sit: &Situation, text: &Text) -> Option<Text> {
    use crate::model::compiled::RedLineTest::*;
    let parts = &sit.sc.parts;
    let mut fixed = text.clone();
    for _ in 0..3 {
        let mut changed = false;
        for seat in 0..sit.seats() {
            let d = &sit.disp[seat];
            for (i, r) in sit.sc.delegations[seat].red_lines.iter().enumerate() {
                if !d.red_line_active[i] || !r.applies_to(fixed.kind) {
                    continue;
                }
                match &r.test {
                    MustNotContain(q) if fixed.satisfies(*q) => {
                        let change = if q.min_wording > 0 {
                            Change::Reword {
                                clause: q.clause,
                                wording: q.min_wording - 1,
                            }
                        } else {
                            Change::Delete { clause: q.clause }
                        };
                        changed |= fixed.apply(change, parts);
                    }
                    MustContain(any) if !any.iter().any(|&q| fixed.satisfies(q)) => {
                        let best = any
                            .iter()
                            .filter(|q| sit.available(q.clause))
                            .filter_map(|q| {
                                let change = match fixed.wording_of(q.clause) {
                                    Some(_) => Change::Reword {
                                        clause: q.clause,
                                        wording: q.min_wording,
                                    },
                                    None => Change::Add {
                                        clause: q.clause,
                                        wording: q.min_wording,
                                    },
                                };
                                let t = fixed.with(change, parts)?;
                                Some((total_crossed(sit, &t), t))
                            })
                            .min_by_key(|(n, _)| *n);
                        if let Some((_, t)) = best {
                            fixed = t;
                            changed = true;
                        }
                    }
                    _ => {}
                }
            }
        }
        if !changed {
            break;
        }
    }
    (fixed != *text && fixed.clauses.len() >= MIN_CLAUSES).then_some(fixed)
}

/// Hill-climbs from the draft's current text toward the best text that can
/// pass, one change at a time, trying also to mend every red line at once.
pub fn search(sit: &Situation, pen: SeatId, draft: &DraftState) -> Search {
    let ctx = Context::of(draft);
    let consensus = sit.sc.rules.needs_consensus(draft.kind());
    let locked = locked(draft);
    let mut text = draft.text().clone();
    let judges = Judges::new(sit, pen, consensus, ctx);
    let mut standing = Standing::of(sit, &judges, &text, ctx);
    let (mut best, _) = standing.score(&judges);
    // Scratch buffers for the candidates.
    let mut candidate = text.clone();
    let mut next = standing.clone();
    let mut scratch = standing.clone();
    let mut changes = Vec::new();
    for _ in 0..MAX_STEPS {
        let mut improved: Option<(Text, Standing, f32)> = None;
        moves(sit, &text, &mut changes);
        let crossed = standing.crossed_total();
        for &change in &changes {
            // A change cannot mend the red lines of seats whose lines do not
            // name its clause, and the score cannot exceed the penholder's
            // own value less those obstacles, plus the bonus for passing: a
            // change whose ceiling is below the best so far is passed over
            // without scoring the Council.
            let own = own_after(sit, pen, &standing, &text, change);
            let left = standing.unmendable(sit, crossed, change.clause());
            if judges.ceiling(own, left) <= best + 1e-4 {
                continue;
            }
            let mut s = standing.score_after(sit, &judges, &text, change, &mut scratch);
            if locked.contains(&change.clause()) {
                s -= BROKEN_WORD;
            }
            if s > best + 1e-4 {
                best = s;
                // Every move fits the text it was drawn from.
                candidate.clone_from(&text);
                let applied = candidate.apply(change, &sit.sc.parts);
                debug_assert!(applied, "{change:?} does not fit the text");
                next.set_after(&standing, sit, &judges, &text, &candidate, change);
                // Keep the better one; the old best's buffers become scratch.
                match &mut improved {
                    Some((t, st, v)) => {
                        std::mem::swap(t, &mut candidate);
                        std::mem::swap(st, &mut next);
                        *v = s;
                    }
                    None => {
                        improved = Some((candidate.clone(), next.clone(), s));
                    }
                }
            }
        }
        if let Some(candidate) = repair(sit, &text) {
            let next = Standing::of(sit, &judges, &candidate, ctx);
            let (mut s, _) = next.score(&judges);
            let reverted = candidate
                .clauses
                .iter()
                .map(|&(c, _)| c)
                .chain(text.clauses.iter().map(|&(c, _)| c))
                .filter(|c| locked.contains(c) && candidate.wording_of(*c) != text.wording_of(*c))
                .count();
            s -= BROKEN_WORD * reverted as f32;
            if s > best + 1e-4 {
                best = s;
                improved = Some((candidate, next, s));
            }
        }
        match improved {
            Some((t, st, _)) => {
                text = t;
                standing = st;
            }
            None => break,
        }
    }
    let prediction = sit.predict(pen, &text, ctx);
    Search {
        value: sit.assess(pen, &text, ctx).value,
        text,
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
        format!("to take account of events: {}", sc.clause(c).topic.clone())
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
    /// With the reason it gives.
    PutUnderSilence(String),
    PutInBlue(String),
    RequestVote(String),
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
    let d = &sit.disp[pen];
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
    let names = |seats: &[SeatId]| {
        let names: Vec<&str> = seats.iter().map(|&s| sit.sc.name(s)).collect();
        join_names(&names)
    };
    match draft.status {
        DraftStatus::OnTable | DraftStatus::Blocked { .. } => {
            if sit.sc.rules.needs_consensus(draft.kind()) {
                if p.passes {
                    PenDecision::PutUnderSilence("it expects every member to keep silence".into())
                } else if p.blockers.len() <= 2 && force(0.8) {
                    PenDecision::PutUnderSilence(format!(
                        "to make {} show its hand",
                        names(&p.blockers)
                    ))
                } else {
                    PenDecision::Wait
                }
            } else if p.passes {
                PenDecision::PutInBlue("it expects nine votes and no veto".into())
            } else if force(0.5) {
                PenDecision::PutInBlue(format!(
                    "to force a decision after {days_out} days of talks"
                ))
            } else {
                PenDecision::Wait
            }
        }
        DraftStatus::InBlue { since_day } if since_day < sit.day && !draft.vote_requested => {
            if p.passes {
                return PenDecision::RequestVote("it expects nine votes and no veto".into());
            }
            // Forcing a veto: worth it only against members the penholder is
            // at odds with, to make them pay for it in public.
            let hostility = p
                .vetoes
                .iter()
                .map(|&v| (-d.relationships[v]).max(0.0))
                .fold(0.0, f32::max);
            // Historically rarer than a forced silence: a veto in public is a
            // confrontation between permanent members.
            if p.vetoes.is_empty() || !force(0.6 * hostility) {
                PenDecision::Wait
            } else {
                PenDecision::RequestVote(format!(
                    "to make {} cast its veto in public",
                    names(&p.vetoes)
                ))
            }
        }
        _ => PenDecision::Wait,
    }
}

/// Members' names joined for a sentence: "China and the Russian Federation".
pub fn join_names(names: &[&str]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| crate::text::country_in_sentence(n))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    use super::*;
    use crate::model::compiled::CompiledScenario;
    use crate::model::state::{Disposition, Table};

    /// The search passes over changes whose ceiling is below the best score
    /// so far: no change may score above its ceiling, for any penholder of
    /// any draft, on texts that cross red lines and texts that do not.
    #[test]
    fn no_change_scores_above_its_ceiling() {
        let mut with_red_lines_left = 0;
        for src in [
            include_str!("../../../../scenarios/gaza-2012.ron"),
            include_str!("../../../../scenarios/tutorial.ron"),
        ] {
            let parsed = crate::scenario::parse("test.ron", src).expect("valid");
            let mut sc = CompiledScenario::new(parsed.scenario);
            // Scripted seats count by their scripts, whatever the text.
            for (seat, draft) in [(0, 0), (4, 1), (7, 2 % sc.drafts.len())] {
                let decision = if sc.rules.needs_consensus(sc.drafts[draft].kind) {
                    Decision::BreakSilence
                } else {
                    Decision::No
                };
                sc.delegations[seat]
                    .scripted
                    .push((draft, decision, String::new()));
            }
            let mut rng = Pcg64Mcg::seed_from_u64(3);
            let disp: Vec<Disposition> = (0..sc.seat_count())
                .map(|s| Disposition::new(&sc, s, &mut rng))
                .collect();
            let happened = vec![true; sc.events.len()];
            let sit = Situation::new(&sc, &disp, 0.7, 3, &happened);
            let mut changes = Vec::new();
            for d in &Table::new(&sc).drafts {
                let (text, ctx) = (d.text(), Context::of(d));
                moves(&sit, text, &mut changes);
                for pen in 0..sc.seat_count() {
                    let consensus = sc.rules.needs_consensus(d.kind());
                    let judges = Judges::new(&sit, pen, consensus, ctx);
                    let standing = Standing::of(&sit, &judges, text, ctx);
                    let mut scratch = standing.clone();
                    let crossed = standing.crossed_total();
                    for &change in &changes {
                        let own = own_after(&sit, pen, &standing, text, change);
                        let left = standing.unmendable(&sit, crossed, change.clause());
                        with_red_lines_left += usize::from(left > 0);
                        let score = standing.score_after(&sit, &judges, text, change, &mut scratch);
                        assert!(
                            score <= judges.ceiling(own, left),
                            "{change:?} by seat {pen}: {score} above its ceiling"
                        );
                    }
                }
            }
        }
        assert!(with_red_lines_left > 0, "no text crossed a red line");
    }
}
