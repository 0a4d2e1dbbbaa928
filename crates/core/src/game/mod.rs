//! A game in progress, and every move that changes it.
//!
//! A [`Game`] holds the whole state of one game: the scenario, each seat's
//! controller, action points and disposition, the clock, the crisis, the
//! drafts on the table, what the Council has done, the record, the decision
//! queue and the one seeded random generator. Nothing else changes it than
//! the methods in this module's files, each a layer over the last:
//! - [`acts`]: a delegation's act, human or AI, checked and carried out
//!   ([`Game::apply`]), one function per kind of act;
//! - [`news`]: events of the crisis, drafts brought out by the scenario, and
//!   the scenario's triggers;
//! - [`decisions`]: the decision phase, silence procedures and votes, one
//!   item at a time;
//! - `motions`: procedural motions (the agenda, a public meeting, an open
//!   debate), voted without veto;
//! - `promises`: promises of support tied to a text, kept or broken, and
//!   remembered;
//! - [`control`]: what arrives from outside the game: a player's act or
//!   decision ([`Game::command`]) and the teacher's orders ([`Game::teacher`]);
//! - [`day`]: the five phases of a day and the move from one to the next
//!   ([`Game::advance`]).
//!
//! The game knows nothing of Bevy or of a screen: the game plugin calls these
//! methods from its systems, in the same order in a window, a headless test,
//! a batch of simulations or a classroom server.

/// The AI's situation in a game, borrowing only the parts the AI reads (the
/// scenario, dispositions, outlook, crisis and clock), so that the rest of
/// the game (the table, the generator, the record) can change while it is
/// read.
macro_rules! situation {
    ($game:expr) => {
        $crate::game::situation(
            &$game.scenario,
            &$game.dispositions,
            &$game.outlook,
            &$game.crisis,
            &$game.clock,
        )
    };
}

pub mod acts;
pub mod control;
pub mod day;
pub mod decisions;
mod drafting;
#[cfg(test)]
mod initiative_tests;
mod motions;
pub mod news;
mod promises;
#[cfg(test)]
mod tests;
mod turning;

use std::sync::Arc;

use crate::ai::{Outlook, Situation};
use crate::model::compiled::{CompiledScenario, SeatId};
use crate::model::decision::DecisionQueue;
use crate::model::record::{Entry, MemberLine, PhaseName, RECORD_FORMAT, Record, What};
use crate::model::state::{
    ActionPoints, Clock, Controller, Crisis, Disposition, GameRng, History, Table, Turns,
};

/// How to start a game.
#[derive(Debug, Clone)]
pub struct GameConfig {
    pub scenario: Arc<CompiledScenario>,
    pub seed: u64,
    /// Who controls each seat; missing seats are AI.
    pub controllers: Vec<Controller>,
}

impl GameConfig {
    pub fn all_ai(scenario: Arc<CompiledScenario>, seed: u64) -> Self {
        let n = scenario.seat_count();
        GameConfig {
            scenario,
            seed,
            controllers: vec![Controller::Ai; n],
        }
    }
}

/// One game of one scenario, from its first morning to its debrief.
#[derive(Debug, Clone)]
pub struct Game {
    scenario: Arc<CompiledScenario>,
    /// Per seat.
    controllers: Vec<Controller>,
    /// Per seat.
    points: Vec<ActionPoints>,
    /// Per seat.
    dispositions: Vec<Disposition>,
    /// Stances blended by group loyalty, shared by every judgement until the
    /// next news event moves a stance.
    outlook: Arc<Outlook>,
    clock: Clock,
    crisis: Crisis,
    table: Table,
    history: History,
    record: Record,
    rng: GameRng,
    turns: Turns,
    decisions: DecisionQueue,
}

/// The parts of a game that a restored save brings back as they were.
pub struct Restored {
    pub controllers: Vec<Controller>,
    pub points: Vec<ActionPoints>,
    pub dispositions: Vec<Disposition>,
    pub clock: Clock,
    pub crisis: Crisis,
    pub table: Table,
    pub history: History,
    pub record: Record,
    pub rng: GameRng,
    pub turns: Turns,
}

impl Game {
    /// A new game, before its first morning.
    pub fn new(config: GameConfig) -> Game {
        Self::start(config, Vec::new())
    }

    /// Starts a new game in place of this one, keeping its buffers: batch
    /// simulation plays thousands of games in a row.
    pub fn restart(&mut self, config: GameConfig) {
        let dispositions = std::mem::take(&mut self.dispositions);
        *self = Self::start(config, dispositions);
    }

    fn start(config: GameConfig, mut dispositions: Vec<Disposition>) -> Game {
        let sc = config.scenario;
        let n = sc.seat_count();
        let mut rng = GameRng::seeded(config.seed);
        let controllers: Vec<Controller> = (0..n)
            .map(|s| config.controllers.get(s).copied().unwrap_or(Controller::Ai))
            .collect();
        let per_day = sc.source.action_points;
        let points = vec![
            ActionPoints {
                left: per_day,
                per_day,
            };
            n
        ];
        // Seat by seat, in order: each draws its misreadings from the game's
        // generator.
        dispositions.truncate(n);
        for seat in 0..n {
            match dispositions.get_mut(seat) {
                Some(d) => d.reset(&sc, seat, &mut rng.0),
                None => dispositions.push(Disposition::new(&sc, seat, &mut rng.0)),
            }
        }
        // Each game's stances vary a little (see `Disposition::reset`): the
        // blend is the game's own.
        let outlook = Arc::new(Outlook::new(&sc, &dispositions));
        let s = &sc.source;
        let record = Record {
            format: RECORD_FORMAT,
            scenario_id: s.id.clone(),
            scenario_title: s.title.clone(),
            start_date: s.start_date.clone(),
            days: s.days,
            seed: config.seed,
            members: sc
                .members
                .iter()
                .zip(&controllers)
                .map(|(m, c)| MemberLine {
                    code: m.code.clone(),
                    name: m.name.clone(),
                    veto: m.veto,
                    human: *c == Controller::Human,
                    team: String::new(),
                })
                .collect(),
            what_really_happened: s.what_really_happened.clone(),
            discussion: s.discussion.clone(),
            entries: Vec::new(),
            outcome: None,
            branch: None,
        };
        Game {
            clock: Clock {
                day: 1,
                days: s.days,
                phase: PhaseName::Morning,
                over: None,
                ending: None,
            },
            crisis: Crisis {
                urgency: s.initial_urgency,
                events_happened: vec![false; sc.events.len()],
                events_queued: Vec::new(),
                triggers_fired: vec![false; sc.triggers.len()],
            },
            table: Table::new(&sc),
            history: History::default(),
            record,
            rng,
            turns: Turns::default(),
            decisions: DecisionQueue::default(),
            controllers,
            points,
            dispositions,
            outlook,
            scenario: sc,
        }
    }

    /// A game brought back from a save (already checked against its
    /// scenario, see [`crate::save::SavedGame::validate`]).
    pub fn restore(scenario: Arc<CompiledScenario>, saved: Restored) -> Game {
        // A saved game's stances have moved with its news: blend them afresh.
        let outlook = Arc::new(Outlook::new(&scenario, &saved.dispositions));
        let mut table = saved.table;
        // Saves from before drafts carried their code.
        for d in table.drafts.iter_mut().filter(|d| d.code.is_empty()) {
            d.code = scenario.draft_id(d.id);
        }
        Game {
            controllers: saved.controllers,
            points: saved.points,
            dispositions: saved.dispositions,
            outlook,
            clock: saved.clock,
            crisis: saved.crisis,
            table,
            history: saved.history,
            record: saved.record,
            rng: saved.rng,
            turns: saved.turns,
            decisions: DecisionQueue::default(),
            scenario,
        }
    }

    pub fn scenario(&self) -> &Arc<CompiledScenario> {
        &self.scenario
    }

    pub fn seat_count(&self) -> usize {
        self.controllers.len()
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn crisis(&self) -> &Crisis {
        &self.crisis
    }

    pub fn table(&self) -> &Table {
        &self.table
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The transcript so far; complete, with the outcome, once the game is over.
    pub fn record(&self) -> &Record {
        &self.record
    }

    pub fn turns(&self) -> &Turns {
        &self.turns
    }

    pub fn decisions(&self) -> &DecisionQueue {
        &self.decisions
    }

    pub fn rng(&self) -> &GameRng {
        &self.rng
    }

    pub fn controller(&self, seat: SeatId) -> Controller {
        self.controllers
            .get(seat)
            .copied()
            .unwrap_or(Controller::Ai)
    }

    pub fn controllers(&self) -> &[Controller] {
        &self.controllers
    }

    /// Action points and their daily allowance, per seat.
    pub fn points(&self) -> &[ActionPoints] {
        &self.points
    }

    pub fn action_points(&self, seat: SeatId) -> u32 {
        self.points.get(seat).map(|p| p.left).unwrap_or(0)
    }

    /// Every delegation's disposition, by seat. What an AI delegation thinks:
    /// a screen shows a delegation only its own.
    pub fn dispositions(&self) -> &[Disposition] {
        &self.dispositions
    }

    /// Seats of one kind of controller, in seat order.
    pub fn seats_of(&self, controller: Controller) -> Vec<SeatId> {
        (0..self.controllers.len())
            .filter(|&s| self.controllers[s] == controller)
            .collect()
    }

    /// The situation every judgement of the AI starts from.
    pub fn situation(&self) -> Situation<'_> {
        situation!(self)
    }

    /// Whether the game has ended (its record holds the outcome).
    pub fn is_over(&self) -> bool {
        self.clock.over.is_some()
    }

    /// Takes the record out of a finished game (batch simulation keeps the
    /// record and plays the next game in its place).
    pub fn take_record(&mut self) -> Record {
        let r = &self.record;
        let empty = Record {
            format: r.format,
            scenario_id: r.scenario_id.clone(),
            scenario_title: r.scenario_title.clone(),
            start_date: r.start_date.clone(),
            days: r.days,
            seed: r.seed,
            members: r.members.clone(),
            what_really_happened: String::new(),
            discussion: Vec::new(),
            entries: Vec::new(),
            outcome: None,
            branch: None,
        };
        std::mem::replace(&mut self.record, empty)
    }

    /// Marks this game as played again from a moment of another (`from`
    /// says which): the record says so, and its transcript is its own.
    pub fn play_again_from(&mut self, from: &str) {
        let day = self.clock.day;
        self.record.branch = Some(from.to_string());
        self.log(What::Announcement {
            text: format!(
                "The class plays the crisis again from the corridors of day {day}: {from}. What follows is a new branch; the first game's transcript is kept as it was."
            ),
        });
    }

    /// Names the students playing a delegation, for the record.
    pub fn set_team(&mut self, seat: SeatId, team: &str) {
        if let Some(line) = self.record.members.get_mut(seat) {
            line.team = team.trim().to_string();
        }
    }

    /// Writes an entry into the record, dated now.
    fn log(&mut self, what: What) {
        log(&mut self.record, &self.clock, what);
    }
}

/// A situation from the parts of a game, borrowed one by one so that the
/// rest of the game can change while it is read.
fn situation<'a>(
    sc: &'a CompiledScenario,
    dispositions: &'a [Disposition],
    outlook: &Arc<Outlook>,
    crisis: &'a Crisis,
    clock: &Clock,
) -> Situation<'a> {
    Situation::with_outlook(
        sc,
        dispositions,
        outlook.clone(),
        crisis.urgency,
        clock.day,
        &crisis.events_happened,
    )
}

fn log(record: &mut Record, clock: &Clock, what: What) {
    record.entries.push(Entry {
        day: clock.day,
        phase: clock.phase,
        what,
    });
}
