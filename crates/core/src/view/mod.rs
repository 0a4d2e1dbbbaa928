//! What one reader may know of a game, as plain data.
//!
//! A [`GameView`] is made for a [`Reader`]: one delegation, the whole room,
//! or the teacher. It holds the public state of the game (the clock, the
//! seats, the drafts circulated, the record's public entries) and, for a
//! delegation, what is its own (its instructions, action points, private
//! talks, the red lines a text crosses, the drafts in its drawer). It never
//! holds what another delegation thinks: positions come from what each has
//! shown ([`positions`]). The window draws its panels from it; a browser
//! can be sent it as it is.

pub mod drafts;
pub mod instructions;
pub mod positions;

use serde::{Deserialize, Serialize};

use crate::game::Game;
use crate::model::compiled::{DraftId, SeatId};
use crate::model::decision::Item;
use crate::model::draft::DraftStatus;
use crate::model::record::{PhaseName, Record, VoteSubject, What};
use crate::model::state::Controller;
use crate::narration::{Audience, Narrator, Tone, visible_to};
use crate::rules::{Motion, Vote};
use crate::scenario::Part;
use drafts::{ClauseView, DraftView};
use instructions::Instructions;
use positions::known_positions;

/// Who a view is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reader {
    /// One delegation: public things and its own.
    Delegation(SeatId),
    /// The whole room (a projector, a shared screen between turns).
    Room,
    /// The teacher, or someone watching an all-AI game: every entry of the
    /// record, private talks included, but no delegation's instructions.
    Teacher,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GameView {
    pub reader: Reader,
    pub title: String,
    pub day: u32,
    pub days: u32,
    /// "16 November 2012".
    pub date: String,
    pub phase: PhaseName,
    /// Today is the crisis's last day (the calendar's, or an event ends it).
    pub last_day: bool,
    /// Why the game ended, once it has.
    pub over: Option<String>,
    /// The pressure of events on the Council, from 0 to 1.
    pub urgency: f32,
    pub seats: Vec<SeatView>,
    /// The drafts circulated, and the reader's own still in the drawer.
    pub drafts: Vec<DraftView>,
    /// The record as the reader may see it, oldest first.
    pub record: Vec<RecordLine>,
    /// The item being decided, in the decision phase.
    pub decision: Option<DecisionView>,
    /// The reader's own delegation.
    pub desk: Option<DeskView>,
    /// The clause library as usable today.
    pub clauses: Vec<ClauseView>,
    /// Preambular or operative, for every clause of the library (to place a
    /// clause in a text).
    pub parts: Vec<Part>,
    /// Procedural motions a member may move now (none of that kind waits
    /// for a vote).
    pub motions_open: Vec<Motion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeatView {
    pub seat: SeatId,
    pub code: String,
    pub name: String,
    pub permanent: bool,
    pub veto: bool,
    pub presidency: bool,
    pub groups: Vec<String>,
    /// Played by students.
    pub human: bool,
    /// The students' names, as set up.
    pub team: String,
    /// Has ended its turn in the corridors today.
    pub turn_done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordLine {
    /// Index of the entry in the whole record.
    pub entry: usize,
    pub day: u32,
    pub phase: PhaseName,
    pub text: String,
    pub tone: Tone,
    /// For a vote or a silence procedure: every member's choice and reason.
    pub ballots: Option<Ballots>,
}

/// A decision member by member, as it is revealed to the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ballots {
    /// "Vote: Draft resolution on ..." or "Silence procedure: ...".
    pub heading: String,
    pub rows: Vec<Ballot>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    pub name: String,
    pub choice: BallotChoice,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BallotChoice {
    Yes,
    No,
    /// A veto holder's no.
    Veto,
    Abstain,
    Absent,
    KeepSilence,
    BreakSilence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionView {
    pub item: Item,
    /// The draft decided on (none for a procedural motion).
    pub draft: Option<DraftId>,
    /// The draft's title, or what the motion would have the Council do.
    pub title: String,
    /// For an amendment: who proposed it and what it changes.
    pub amendment: Option<String>,
    /// Seats that have not decided yet.
    pub waiting_for: Vec<SeatId>,
}

/// What is the reader's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeskView {
    pub seat: SeatId,
    pub human: bool,
    pub points: u32,
    pub instructions: Instructions,
    /// It must decide on the current item now.
    pub decides_now: bool,
    /// One of its red lines the text being decided crosses, in words.
    pub decision_crosses: Option<String>,
}

impl GameView {
    pub fn of(game: &Game, reader: Reader) -> GameView {
        let sc = game.scenario();
        let clock = game.clock();
        let me = match reader {
            Reader::Delegation(seat) if seat < game.seat_count() => Some(seat),
            _ => None,
        };
        let audience = match me {
            Some(seat) => Audience::Delegation(sc.code(seat)),
            None if reader == Reader::Teacher => Audience::Teacher,
            None => Audience::Room,
        };
        let sit = game.situation();
        GameView {
            reader,
            title: sc.source.title.clone(),
            day: clock.day,
            days: clock.days,
            date: sc.source.long_date(clock.day),
            phase: clock.phase,
            last_day: clock.day >= clock.days || clock.ending.is_some(),
            over: clock.over.clone(),
            urgency: game.crisis().urgency,
            seats: seats(game),
            drafts: drafts(game, audience, me),
            record: record_lines(game.record(), audience),
            decision: decision(game),
            desk: me.map(|seat| desk(game, seat)),
            clauses: (0..sc.clause_count())
                .filter(|&c| sit.available(c))
                .map(|c| ClauseView::of(sc, c))
                .collect(),
            parts: sc.parts.clone(),
            motions_open: Motion::ALL
                .into_iter()
                .filter(|&m| !game.table().motion_pending(m))
                .collect(),
        }
    }

    pub fn draft(&self, id: DraftId) -> Option<&DraftView> {
        self.drafts.iter().find(|d| d.id == id)
    }

    pub fn seat(&self, seat: SeatId) -> Option<&SeatView> {
        self.seats.get(seat)
    }

    /// A member's name within a sentence ("the United States").
    pub fn name_in_sentence(&self, seat: SeatId) -> String {
        self.seats
            .get(seat)
            .map(|s| crate::text::country_in_sentence(&s.name))
            .unwrap_or_default()
    }

    /// The reader's seat, when it is a delegation.
    pub fn me(&self) -> Option<SeatId> {
        self.desk.as_ref().map(|d| d.seat)
    }
}

/// The record's entries an audience may see, in words.
fn record_lines(record: &Record, audience: Audience) -> Vec<RecordLine> {
    let narrator = Narrator::new(record);
    record
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| visible_to(e, audience))
        .map(|(i, e)| {
            let line = narrator.line(e);
            RecordLine {
                entry: i,
                day: e.day,
                phase: e.phase,
                text: line.text,
                tone: line.tone,
                ballots: ballots(&narrator, &e.what),
            }
        })
        .collect()
}

/// The drafts circulated, and `me`'s own still in the drawer, each with the
/// positions shown on it and the red line of `me`'s it crosses.
fn drafts(game: &Game, audience: Audience, me: Option<SeatId>) -> Vec<DraftView> {
    let sc = game.scenario();
    let sit = game.situation();
    let draft_ids: Vec<String> = game.table().drafts.iter().map(|d| d.code.clone()).collect();
    let mut positions = known_positions(game.record(), audience, &draft_ids);
    game.table()
        .drafts
        .iter()
        .filter(|d| d.status != DraftStatus::InDrawer || Some(d.penholder) == me)
        .map(|d| {
            let mut known = std::mem::take(&mut positions[d.id]);
            // A delegation's reader also sees its own estimate of those who
            // have not shown their hand.
            if let Some(reader) = me
                && d.status.is_live()
                && d.status != DraftStatus::InDrawer
            {
                for (seat, k) in known.iter_mut().enumerate() {
                    if seat != reader && k.stance == positions::Stance::Unknown {
                        *k = positions::estimate(&sit, reader, seat, d);
                    }
                }
            }
            let mut view = DraftView::of(sc, d, game.clock().day, known);
            view.crosses_my_red_line = me.and_then(|seat| {
                let line = sit.breach(seat, d.text())?;
                Some(sc.delegations[seat].red_lines[line].reason.clone())
            });
            view
        })
        .collect()
}

/// The item being decided, if any.
fn decision(game: &Game) -> Option<DecisionView> {
    let sc = game.scenario();
    let current = game.decisions().current.as_ref()?;
    let waiting_for = (0..game.seat_count())
        .filter(|&s| game.decisions().waits_for(s))
        .collect();
    let Some(draft) = current.item.draft() else {
        let Item::Motion { motion } = current.item else {
            return None;
        };
        let m = game.table().motions.get(motion)?;
        return Some(DecisionView {
            item: current.item,
            draft: None,
            title: format!(
                "Motion of {} to {}",
                crate::text::country_in_sentence(sc.name(m.by)),
                m.motion.describe()
            ),
            amendment: None,
            waiting_for,
        });
    };
    let d = &game.table().drafts[draft];
    let amendment = match current.item {
        Item::Amendment { amendment, .. } => d
            .amendments
            .iter()
            .find(|a| a.id == amendment)
            .map(|a| format!("{} by {}: {}", a.id, sc.name(a.by), a.change.describe(sc))),
        _ => None,
    };
    Some(DecisionView {
        item: current.item,
        draft: Some(d.id),
        title: d.title.clone(),
        amendment,
        waiting_for,
    })
}

/// What is `seat`'s own.
fn desk(game: &Game, seat: SeatId) -> DeskView {
    let sc = game.scenario();
    DeskView {
        seat,
        human: game.controller(seat) == Controller::Human,
        points: game.action_points(seat),
        instructions: Instructions::of(sc, seat, Some(game.history())),
        decides_now: game.decisions().waits_for(seat),
        decision_crosses: game.decisions().current.as_ref().and_then(|c| {
            let line = game.situation().breach(seat, &c.text)?;
            Some(sc.delegations[seat].red_lines[line].reason.clone())
        }),
    }
}

/// The member-by-member choices of a vote or a silence procedure.
fn ballots(narrator: &Narrator, what: &What) -> Option<Ballots> {
    let row = |member: &str, choice, reason: &str| Ballot {
        name: narrator.label(member).to_string(),
        choice,
        reason: reason.to_string(),
    };
    match what {
        What::Vote {
            subject, ballots, ..
        } => {
            let on = match subject {
                VoteSubject::Draft { draft, .. } => narrator.title(draft).to_string(),
                VoteSubject::Amendment {
                    amendment, change, ..
                } => format!("Amendment {amendment}: {change}"),
                VoteSubject::Motion { motion, .. } => {
                    format!("Motion to {}", motion.describe())
                }
            };
            let rows = ballots
                .iter()
                .map(|b| {
                    let choice = match b.choice {
                        Vote::Yes => BallotChoice::Yes,
                        Vote::No if narrator.is_veto_holder(&b.member) => BallotChoice::Veto,
                        Vote::No => BallotChoice::No,
                        Vote::Abstain => BallotChoice::Abstain,
                        Vote::Absent => BallotChoice::Absent,
                    };
                    row(&b.member, choice, &b.reason)
                })
                .collect();
            Some(Ballots {
                heading: format!("Vote: {on}"),
                rows,
            })
        }
        What::Silence {
            draft, positions, ..
        } => Some(Ballots {
            heading: format!("Silence procedure: {}", narrator.title(draft)),
            rows: positions
                .iter()
                .map(|p| {
                    let choice = if p.choice {
                        BallotChoice::KeepSilence
                    } else {
                        BallotChoice::BreakSilence
                    };
                    row(&p.member, choice, &p.reason)
                })
                .collect(),
        }),
        _ => None,
    }
}

fn seats(game: &Game) -> Vec<SeatView> {
    let sc = game.scenario();
    let record = game.record();
    sc.members
        .iter()
        .enumerate()
        .map(|(seat, m)| SeatView {
            seat,
            code: m.code.clone(),
            name: m.name.clone(),
            permanent: m.permanent,
            veto: m.veto,
            presidency: seat == sc.presidency,
            groups: m.groups.clone(),
            human: game.controller(seat) == Controller::Human,
            team: record
                .members
                .get(seat)
                .map(|l| l.team.clone())
                .unwrap_or_default(),
            turn_done: game.turns().done.get(seat).copied().unwrap_or(false),
        })
        .collect()
}

#[cfg(test)]
mod tests;
