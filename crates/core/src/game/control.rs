//! What reaches a game from outside it: a player's act or decision, and the
//! teacher's orders. The window, a headless test and the classroom server
//! all send the same.

use serde::{Deserialize, Serialize};

use super::Game;
use crate::model::act::{Act, ActError, MAX_CHARS};
use crate::model::compiled::SeatId;
use crate::model::record::{PhaseName, What};
use crate::model::state::Controller;

/// What the teacher (or whoever runs the session) can do to a game in
/// progress. Recorded in the transcript like everything else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum TeacherOrder {
    /// Ends the current phase now: held phases go on, human delegations'
    /// turns end, and human delegations that have not yet decided follow
    /// their instructions (the AI decides for them, saying so).
    EndPhase,
    /// One of the scenario's news events happens now.
    InjectEvent { event: usize },
    /// A headline of the teacher's own.
    Headline { headline: String, text: String },
    /// A delegation changes hands: a student leaves or joins.
    SetController {
        seat: SeatId,
        controller: Controller,
    },
}

/// What a teacher's order asks of the caller, beyond what the game did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderEffect {
    /// Done in the game.
    Done,
    /// An automatic phase held for the room should end now: the caller
    /// releases it.
    ReleasePhase,
}

impl Game {
    /// A delegation's act sent by whoever controls it: a decision (silence
    /// or vote) on the item being decided, or any other act.
    pub fn command(&mut self, seat: SeatId, act: &Act) -> Result<(), ActError> {
        if act.words().chars().count() > MAX_CHARS {
            return Err(ActError::TooLong);
        }
        if act.is_decision() {
            self.record_human_choice(seat, act)
        } else {
            self.apply(seat, act)
        }
    }

    /// Carries out a teacher's order in the phase `phase`.
    pub fn teacher(&mut self, order: &TeacherOrder, phase: PhaseName) -> OrderEffect {
        match order {
            TeacherOrder::EndPhase => match phase {
                PhaseName::Corridors => {
                    for seat in self.seats_of(Controller::Human) {
                        if let Some(done) = self.turns.done.get_mut(seat) {
                            *done = true;
                        }
                    }
                }
                PhaseName::Decision => self.decide_for_absent_humans(),
                _ => return OrderEffect::ReleasePhase,
            },
            TeacherOrder::InjectEvent { event } => {
                if *event < self.scenario.events.len() {
                    self.fire_event(*event);
                }
            }
            TeacherOrder::Headline { headline, text } => {
                let headline = headline.trim();
                if !headline.is_empty() {
                    let urgency = self.crisis.urgency;
                    self.log(What::News {
                        event: "teacher".to_string(),
                        headline: headline.to_string(),
                        text: text.trim().to_string(),
                        urgency,
                    });
                }
            }
            TeacherOrder::SetController { seat, controller } => {
                self.set_controller(*seat, *controller)
            }
        }
        OrderEffect::Done
    }

    /// A delegation changes hands between a human and the AI.
    pub fn set_controller(&mut self, seat: SeatId, controller: Controller) {
        let Some(current) = self.controllers.get_mut(seat) else {
            return;
        };
        if *current == controller {
            return;
        }
        *current = controller;
        let human = controller == Controller::Human;
        if let Some(line) = self.record.members.get_mut(seat) {
            line.human = human;
        }
        let member = self.scenario.code(seat).to_string();
        self.log(What::ControlChanged { member, human });
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::game::GameConfig;

    #[test]
    fn a_players_text_has_a_length_limit() {
        let src = include_str!("../../../../scenarios/tutorial.ron");
        let sc = crate::model::compiled::CompiledScenario::new(
            crate::scenario::parse("tutorial.ron", src)
                .unwrap()
                .scenario,
        );
        let mut game = Game::new(GameConfig::all_ai(Arc::new(sc), 1));
        let long = Act::PressRemarks {
            about: None,
            remarks: "a".repeat(MAX_CHARS + 1),
        };
        assert_eq!(game.command(0, &long), Err(ActError::TooLong));
        let vote = Act::CastVote {
            vote: crate::rules::Vote::Yes,
            explanation: "é".repeat(MAX_CHARS),
        };
        // Within the limit, the act is judged on its merits.
        assert_ne!(game.command(0, &vote), Err(ActError::TooLong));
    }
}
