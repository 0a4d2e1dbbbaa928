//! Turning points: at each decisive moment (a silence broken by one member,
//! a veto cast by one, a vote one short of the quota or carried with none to
//! spare), the smallest change of the text, and the one request for support,
//! that would have flipped the deciding delegation. Judged at that moment,
//! by the AI's own judgement on the counterfactual text, so that replaying
//! the named change flips the decision (see the tests).

use super::Game;
use crate::ai::corridors::answer_lobby_with;
use crate::ai::penholder::{join_names, moves};
use crate::ai::{Context, Situation};
use crate::model::compiled::{DraftId, SeatId};
use crate::model::decision::{Choice, Current};
use crate::model::draft::{Change, DraftState, Text, wording_words};
use crate::model::record::TurningPoint;
use crate::model::state::{Commitment, Controller};
use crate::rules::Vote;
use crate::text::{capitalise, country_in_sentence};

/// What the deciding delegation would have had to do for the outcome to
/// change.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Flip {
    /// It broke silence alone.
    KeepSilence,
    /// It cast the only veto.
    NoVeto,
    /// The vote was one short: its yes would have carried it.
    VoteYes,
    /// The vote had no yes to spare: without its yes it would have failed.
    NotYes,
}

impl Flip {
    /// The decision the deciding member would have taken instead on `text`,
    /// in words, if it flips.
    /// The decision all of `seats` would have taken instead on `text`, if
    /// every one of them flips (that of the first, in words).
    fn on_all(
        self,
        sit: &Situation,
        seats: &[SeatId],
        text: &Text,
        ctx: Context,
    ) -> Option<&'static str> {
        let mut said = None;
        for &seat in seats {
            let now = self.on(sit, seat, text, ctx)?;
            said.get_or_insert(now);
        }
        said
    }

    fn on(self, sit: &Situation, seat: SeatId, text: &Text, ctx: Context) -> Option<&'static str> {
        match self {
            Flip::KeepSilence => sit.silence(seat, text, ctx).0.then_some("kept silence"),
            _ => {
                let (vote, _) = sit.vote(seat, text, ctx);
                let flips = match self {
                    Flip::NoVeto => vote != Vote::No,
                    Flip::VoteYes => vote == Vote::Yes,
                    _ => vote != Vote::Yes,
                };
                flips.then_some(match vote {
                    Vote::Yes => "voted yes",
                    Vote::No => "voted no",
                    Vote::Abstain => "abstained",
                    Vote::Absent => "stayed away",
                })
            }
        }
    }
}

/// How big a change is, for "the smallest": a wording one step away is the
/// least, a paragraph added or dropped more, a wording further away more.
fn size(change: Change, text: &Text) -> u32 {
    match change {
        Change::Reword { clause, wording } => {
            let from = text.wording_of(clause).unwrap_or(wording);
            2 * u32::from(from.abs_diff(wording))
        }
        Change::Add { .. } | Change::Delete { .. } => 3,
    }
}

impl Game {
    /// Notes a turning point of a silence just broken or a vote just taken
    /// on a draft, if one delegation's choice decided it.
    pub(super) fn note_turning_point(&mut self, draft: DraftId, current: &Current) {
        let Some((seats, flip)) = self.deciding(current) else {
            return;
        };
        // A student's choice is theirs: the AI's judgement does not speak
        // for it, and a script is not moved by words.
        let judged = |s: &SeatId| {
            self.controllers[*s] == Controller::Ai
                && self.scenario.delegations[*s].scripted.is_empty()
        };
        if !seats.iter().all(judged) {
            return;
        }
        let d = &self.table.drafts[draft];
        let point = {
            let sit = situation!(self);
            turning_point(self, &sit, d, current, &seats, flip)
        };
        // The same moment again (the same text judged the same way): one
        // entry, with the days it came back.
        let same = self.history.turning_points.iter_mut().find(|t| {
            t.draft == point.draft
                && t.deciding == point.deciding
                && t.happened == point.happened
                && t.flip == point.flip
        });
        match same {
            Some(t) => t.again.push(point.day),
            None => self.history.turning_points.push(point),
        }
    }

    /// The delegations whose choices decided the item (those who broke
    /// silence, those who vetoed, or the one vote that was missing or had
    /// none to spare), and what they would have had to do instead.
    fn deciding(&self, current: &Current) -> Option<(Vec<SeatId>, Flip)> {
        let sc = &self.scenario;
        let choice = |s: usize| {
            current
                .choices
                .get(s)
                .and_then(|c| c.as_ref())
                .map(|c| c.0.clone())
        };
        let seats = 0..self.seat_count();
        let breakers: Vec<SeatId> = seats
            .clone()
            .filter(|&s| matches!(choice(s), Some(Choice::Silence { keep: false })))
            .collect();
        if !breakers.is_empty() {
            return Some((breakers, Flip::KeepSilence));
        }
        if !seats
            .clone()
            .any(|s| matches!(choice(s), Some(Choice::Vote(_))))
        {
            return None;
        }
        let vote = |s: usize| match choice(s) {
            Some(Choice::Vote(v)) => v,
            _ => Vote::Absent,
        };
        let yes: Vec<SeatId> = seats.clone().filter(|&s| vote(s) == Vote::Yes).collect();
        let vetoes: Vec<SeatId> = seats
            .clone()
            .filter(|&s| vote(s) == Vote::No && sc.members[s].veto)
            .collect();
        let quota = sc.rules.quota as usize;
        match (yes.len(), vetoes.as_slice()) {
            (n, [_, ..]) if n >= quota => Some((vetoes, Flip::NoVeto)),
            (n, []) if n + 1 == quota => {
                // The member nearest to yes among those who did not say it.
                let sit = situation!(self);
                let text = &current.text;
                seats
                    .filter(|&s| vote(s) != Vote::Yes)
                    .max_by(|&a, &b| {
                        let value = |s| sit.content_value(s, text);
                        value(a).total_cmp(&value(b)).then(b.cmp(&a))
                    })
                    .map(|s| (vec![s], Flip::VoteYes))
            }
            (n, []) if n == quota => {
                let sit = situation!(self);
                let text = &current.text;
                yes.into_iter()
                    .min_by(|&a, &b| {
                        let value = |s| sit.content_value(s, text);
                        value(a).total_cmp(&value(b)).then(a.cmp(&b))
                    })
                    .map(|s| (vec![s], Flip::NotYes))
            }
            _ => None,
        }
    }
}

/// What would have flipped `seats` on the version decided.
fn turning_point(
    game: &Game,
    sit: &Situation,
    d: &DraftState,
    current: &Current,
    seats: &[SeatId],
    flip: Flip,
) -> TurningPoint {
    let sc = sit.sc;
    let text = &current.text;
    let ctx = Context::of(d);
    let names: Vec<&str> = seats.iter().map(|&s| sc.name(s)).collect();
    let who = join_names(&names);
    let happened = match flip {
        Flip::KeepSilence => format!("{} broke silence on \"{}\"", capitalise(&who), d.title),
        Flip::NoVeto => format!("{} vetoed \"{}\"", capitalise(&who), d.title),
        Flip::VoteYes => format!(
            "\"{}\" fell one vote short; {who} was the nearest to a yes",
            d.title
        ),
        Flip::NotYes => format!(
            "\"{}\" passed with no vote to spare; {who} was the least sure of its yes",
            d.title
        ),
    };
    let change = smallest_change(sit, d, text, seats, flip, ctx);
    // A request for support it would have granted, and that would have
    // flipped it (one request moves one member): the first such member, by
    // seat.
    let lone = match seats {
        [one] => Some(*one),
        _ => None,
    };
    let lobby = lone.and_then(|seat| {
        (0..sit.seats()).filter(|&by| by != seat).find_map(|by| {
            let (agreed, _) = answer_lobby_with(sit, seat, by, d, 0.0);
            if !agreed {
                return None;
            }
            let mut disp = sit.disp.to_vec();
            disp[seat].commitments.push(Commitment {
                draft: d.id,
                to: by,
                version: d.version(),
            });
            let promised = super::situation(
                &game.scenario,
                &disp,
                &game.outlook,
                &game.crisis,
                &game.clock,
            );
            flip.on(&promised, seat, text, ctx).map(|now| (by, now))
        })
    });
    let mut flip_text = Vec::new();
    if let Some((changes, now)) = &change {
        // In the order of the text's paragraphs, additions last.
        let mut in_order = changes.clone();
        in_order.sort_by_key(|c| {
            text.clauses
                .iter()
                .position(|&(x, _)| x == c.clause())
                .unwrap_or(usize::MAX)
        });
        let said: Vec<String> = in_order
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let words = had(sc, text, c);
                // "the text left out …, and added …"
                match words.strip_prefix("the text ") {
                    Some(rest) if i > 0 => rest.to_string(),
                    _ => words,
                }
            })
            .collect();
        let mut t = text.clone();
        for &c in changes {
            t.apply(c, &sc.parts);
        }
        flip_text.push(format!(
            "Had {}, {who} would have {now}; {}.",
            said.join(", and "),
            council_on(sit, d, &t, current, &game.controllers)
        ));
    }
    if let Some((by, now)) = lobby {
        flip_text.push(format!(
            "Had {} asked {who} for its support, it would have agreed and {now}; {}.",
            country_in_sentence(sc.name(by)),
            if matches!(flip, Flip::NotYes) {
                "the text would have failed"
            } else {
                "the text would have been adopted"
            }
        ));
    }
    if flip_text.is_empty() {
        flip_text.push(format!(
            "No single change of the text and no single request for support would have moved {who}."
        ));
    }
    TurningPoint {
        day: sit.day,
        draft: d.code.clone(),
        version: d.version(),
        deciding: seats.iter().map(|&s| sc.code(s).to_string()).collect(),
        happened,
        changes: change.map(|c| c.0).unwrap_or_default(),
        lobby_by: lobby.map(|(by, _)| sc.code(by).to_string()),
        flip: flip_text.join(" "),
        again: Vec::new(),
    }
}

/// What the Council would have done with the changed text `t`: each AI
/// member judged afresh (students as they chose), the deciding member
/// included.
fn council_on(
    sit: &Situation,
    d: &DraftState,
    t: &Text,
    current: &Current,
    controllers: &[Controller],
) -> String {
    let sc = sit.sc;
    let ctx = Context::of(d);
    let chosen = |s: usize| {
        current
            .choices
            .get(s)
            .and_then(|c| c.as_ref())
            .map(|c| c.0.clone())
    };
    let human = |s: usize| controllers.get(s) == Some(&Controller::Human);
    if sc.rules.needs_consensus(t.kind) {
        let breakers: Vec<&str> = (0..sit.seats())
            .filter(|&s| {
                if human(s) {
                    matches!(chosen(s), Some(Choice::Silence { keep: false }))
                } else {
                    !sit.silence(s, t, ctx).0
                }
            })
            .map(|s| sc.name(s))
            .collect();
        return if breakers.is_empty() {
            "the text would have been adopted".into()
        } else {
            format!(
                "but {} would then have broken silence",
                join_names(&breakers)
            )
        };
    }
    let votes: Vec<(&str, Vote)> = (0..sit.seats())
        .map(|s| {
            let vote = match chosen(s) {
                Some(Choice::Vote(v)) if human(s) => v,
                _ => sit.vote(s, t, ctx).0,
            };
            (sc.code(s), vote)
        })
        .collect();
    let result = crate::rules::decide_vote(&sc.rules, crate::rules::Matter::Substantive, votes);
    match result.outcome {
        crate::rules::VoteOutcome::Adopted => format!(
            "the text would have been adopted, {} votes to {}",
            result.tally.yes, result.tally.no
        ),
        crate::rules::VoteOutcome::Vetoed { by } => {
            let names: Vec<&str> = by
                .iter()
                .filter_map(|c| sc.seat_of(c))
                .map(|s| sc.name(s))
                .collect();
            format!("but {} would then have vetoed it", join_names(&names))
        }
        crate::rules::VoteOutcome::FailedQuota { .. } => format!(
            "but it would still have had only {} votes of the {} it needed",
            result.tally.yes, result.quota
        ),
    }
}

/// Changes a text may need at most before the debrief gives up looking.
const MOST_CHANGES: usize = 3;

/// The smallest change of the text that flips all of `seats`: a single change if
/// one does (the smallest, and among equals the one the penholder minds
/// least); otherwise up to [`MOST_CHANGES`], each the one that mends most
/// of its red lines and then pleases it most. With the decision it would
/// then have taken.
fn smallest_change(
    sit: &Situation,
    d: &DraftState,
    text: &Text,
    seats: &[SeatId],
    flip: Flip,
    ctx: Context,
) -> Option<(Vec<Change>, &'static str)> {
    let parts = &sit.sc.parts;
    let mut changes = Vec::new();
    moves(sit, text, &mut changes);
    let single = changes
        .iter()
        .filter_map(|&c| {
            let t = text.with(c, parts)?;
            let now = flip.on_all(sit, seats, &t, ctx)?;
            let pen = sit.content_value(d.penholder, &t);
            Some((c, now, size(c, text), pen))
        })
        .min_by(|a, b| a.2.cmp(&b.2).then(b.3.total_cmp(&a.3)));
    if let Some((c, now, _, _)) = single {
        return Some((vec![c], now));
    }
    let mut t = text.clone();
    let mut made: Vec<Change> = Vec::new();
    for _ in 0..MOST_CHANGES {
        moves(sit, &t, &mut changes);
        let best = changes
            .iter()
            .filter(|c| !made.iter().any(|m| m.clause() == c.clause()))
            .filter_map(|&c| {
                let next = t.with(c, parts)?;
                let crossed: u32 = seats
                    .iter()
                    .map(|&s| u32::from(sit.crossed(s, &next).0))
                    .sum();
                let value: f32 = seats.iter().map(|&s| sit.assess(s, &next, ctx).value).sum();
                Some((c, next, crossed, value))
            })
            .min_by(|a, b| a.2.cmp(&b.2).then(b.3.total_cmp(&a.3)))?;
        made.push(best.0);
        t = best.1;
        if let Some(now) = flip.on_all(sit, seats, &t, ctx) {
            return Some((made, now));
        }
    }
    None
}

/// "paragraph 3 said "calls for …" instead of "expresses …"", in words.
fn had(sc: &crate::model::compiled::CompiledScenario, text: &Text, change: Change) -> String {
    let c = sc.clause(change.clause());
    let words = |w: u8| format!("\u{201c}{}\u{201d}", wording_words(sc, change.clause(), w));
    let paragraph = |clause| {
        text.clauses
            .iter()
            .position(|&(x, _)| x == clause)
            .map_or(0, |i| i + 1)
    };
    match change {
        Change::Reword { clause, wording } => format!(
            "paragraph {} said {} instead of {}",
            paragraph(clause),
            words(wording),
            words(text.wording_of(clause).unwrap_or(0))
        ),
        Change::Add { wording, .. } => format!("the text added {}", words(wording)),
        Change::Delete { clause } => format!(
            "the text left out paragraph {} ({})",
            paragraph(clause),
            c.topic
        ),
    }
}
