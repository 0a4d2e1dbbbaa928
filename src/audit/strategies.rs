//! What a student's seat can score: each delegation played by simple
//! strategies in turn, the others by the AI, over a few seeds. A strategy
//! that always scores full marks, or a seat that scores nothing whatever it
//! does, is a balance problem for the author.

use std::sync::Arc;

use serde::Serialize;

use horseshoe_core::game::day::Step;
use horseshoe_core::game::{Game, GameConfig};
use horseshoe_core::model::act::Act;
use horseshoe_core::model::compiled::{CompiledScenario, SeatId};
use horseshoe_core::model::record::PhaseName;
use horseshoe_core::model::state::Controller;
use horseshoe_core::rules::Vote;

/// How a seat decides (in the corridors it acts as the AI would).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Strategy {
    /// As the AI decides.
    Ai,
    /// Breaks every silence, votes no on everything.
    Obstruct,
    /// Keeps every silence, votes yes on everything.
    Accommodate,
    /// Keeps every silence, abstains on every vote.
    Abstain,
}

impl Strategy {
    pub const ALL: [Strategy; 4] = [
        Strategy::Ai,
        Strategy::Obstruct,
        Strategy::Accommodate,
        Strategy::Abstain,
    ];

    pub fn describe(self) -> &'static str {
        match self {
            Strategy::Ai => "decides as the AI",
            Strategy::Obstruct => "breaks every silence and votes no on everything",
            Strategy::Accommodate => "keeps every silence and votes yes on everything",
            Strategy::Abstain => "keeps every silence and abstains on every vote",
        }
    }

    /// The seat's decision on the item being decided.
    fn decide(self, game: &Game, seat: SeatId) -> Option<Act> {
        let silence = |keep: bool| {
            let draft = game.decisions().current.as_ref()?.item.draft()?;
            Some(Act::Silence {
                draft,
                keep,
                reason: String::new(),
            })
        };
        let needs_silence = game.decisions().current.as_ref().is_some_and(|c| {
            matches!(
                c.item,
                horseshoe_core::model::decision::Item::Silence { .. }
            )
        });
        let vote = |vote: Vote| Act::CastVote {
            vote,
            explanation: String::new(),
        };
        match (self, needs_silence) {
            (Strategy::Ai, _) => game.ai_decision(seat),
            (Strategy::Obstruct, true) => silence(false),
            (_, true) => silence(true),
            (Strategy::Obstruct, false) => Some(vote(Vote::No)),
            (Strategy::Accommodate, false) => Some(vote(Vote::Yes)),
            (Strategy::Abstain, false) => Some(vote(Vote::Abstain)),
        }
    }
}

/// One seat's scores under each strategy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeatRange {
    pub member: String,
    /// The most points its objectives give.
    pub max: u32,
    /// Mean points under each strategy, in the order of [`Strategy::ALL`].
    pub mean: Vec<(Strategy, f64)>,
    /// A strategy that scored full marks in every game, if one did.
    pub always_full: Option<Strategy>,
}

impl SeatRange {
    /// The best strategy; among equals the first (the AI's own play).
    pub fn best(&self) -> Option<(Strategy, f64)> {
        self.mean
            .iter()
            .copied()
            .reduce(|a, b| if b.1 > a.1 { b } else { a })
    }

    /// The worst strategy; among equals the first.
    pub fn worst(&self) -> Option<(Strategy, f64)> {
        self.mean
            .iter()
            .copied()
            .reduce(|a, b| if b.1 < a.1 { b } else { a })
    }
}

/// Every seat under every strategy, over seeds `seed..seed + games`.
pub fn seat_ranges(sc: &Arc<CompiledScenario>, seed: u64, games: u64) -> Vec<SeatRange> {
    (0..sc.seat_count())
        .map(|seat| {
            let mut max = 0;
            let mut always_full = None;
            let mean = Strategy::ALL
                .iter()
                .map(|&strategy| {
                    let scores: Vec<(u32, u32)> = (seed..seed + games)
                        .filter_map(|s| play(sc, s, seat, strategy))
                        .collect();
                    max = scores.iter().map(|s| s.1).max().unwrap_or(max);
                    let full = !scores.is_empty() && scores.iter().all(|&(p, m)| m > 0 && p == m);
                    if full && strategy != Strategy::Ai && always_full.is_none() {
                        always_full = Some(strategy);
                    }
                    let total: u32 = scores.iter().map(|s| s.0).sum();
                    (strategy, f64::from(total) / scores.len().max(1) as f64)
                })
                .collect();
            SeatRange {
                member: sc.code(seat).to_string(),
                max,
                mean,
                always_full,
            }
        })
        .collect()
}

/// Phases a game may take before it is taken to be stuck.
const MAX_STEPS: usize = 10_000;

/// One game with `seat` deciding by `strategy`: its points and the most it
/// could have scored. None if the game does not end.
fn play(
    sc: &Arc<CompiledScenario>,
    seed: u64,
    seat: SeatId,
    strategy: Strategy,
) -> Option<(u32, u32)> {
    let mut game = Game::new(GameConfig::all_ai(sc.clone(), seed));
    let mut phase = PhaseName::Morning;
    game.enter(phase);
    for _ in 0..MAX_STEPS {
        if phase == PhaseName::Decision {
            game.run_decisions();
            while game.decisions().waits_for(seat) {
                let act = strategy.decide(&game, seat)?;
                game.command(seat, &act).ok()?;
                game.run_decisions();
            }
        }
        match game.advance(phase, false) {
            Step::Next(next) => {
                // The seat is the student's for its decisions only: in the
                // corridors it acts as the AI would.
                if strategy != Strategy::Ai {
                    let controller = if next == PhaseName::Decision {
                        Controller::Human
                    } else {
                        Controller::Ai
                    };
                    game.set_controller(seat, controller);
                }
                phase = next;
                game.enter(phase);
            }
            Step::GameOver => {
                let line = game.record().outcome.as_ref()?.scores.get(seat)?.clone();
                return Some((line.points, line.max));
            }
            Step::Stay => return None,
        }
    }
    None
}
