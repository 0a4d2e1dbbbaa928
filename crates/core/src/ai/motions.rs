//! Votes on procedural motions: whether the Council takes up the crisis, and
//! in public. A delegation that wants the Council to act welcomes a meeting;
//! one whose position would be put on trial in public (it blocked a text, or
//! a text on the table crosses its red line) resists it. No veto applies.

use super::{Situation, pressure};
use crate::model::compiled::SeatId;
use crate::rules::{Motion, Vote};

/// What a motion weighs with a delegation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MotionFactor {
    /// Its wish that the Council act at all, under the pressure of events.
    Product,
    /// The Council's habit of taking up what is brought before it.
    Custom,
    /// Being singled out in public for its position.
    Exposure,
}

impl Situation<'_> {
    /// The terms of a delegation's value of a motion. `exposed`: it has
    /// blocked a text, or one on the table crosses its red line.
    pub fn motion_terms(
        &self,
        seat: SeatId,
        motion: Motion,
        exposed: bool,
    ) -> Vec<(MotionFactor, f32)> {
        let wants = self.wants(seat) * pressure(self.urgency);
        let (custom, exposure) = match motion {
            Motion::AdoptAgenda => (0.3, 0.3),
            Motion::PublicMeeting => (0.0, 0.6),
            // An open debate takes a day of the Council's time.
            Motion::OpenDebate => (-0.1, 0.8),
        };
        let mut terms = vec![
            (MotionFactor::Product, wants),
            (MotionFactor::Custom, custom),
        ];
        if exposed {
            terms.push((MotionFactor::Exposure, -exposure));
        }
        terms
    }

    /// A vote on a procedural motion moved by `by`, with the explanation.
    pub fn vote_on_motion(
        &self,
        seat: SeatId,
        motion: Motion,
        exposed: bool,
        by: SeatId,
    ) -> (Vote, String) {
        if seat == by {
            return (Vote::Yes, "it moved the motion".into());
        }
        let terms = self.motion_terms(seat, motion, exposed);
        let value: f32 = terms.iter().map(|t| t.1).sum();
        let flexibility = self.disp[seat].personality.flexibility;
        let heaviest = |for_: bool| {
            terms
                .iter()
                .filter(|t| if for_ { t.1 > 0.0 } else { t.1 < 0.0 })
                .fold(None::<(MotionFactor, f32)>, |best, &t| match best {
                    Some(b) if b.1.abs() >= t.1.abs() => Some(b),
                    _ => Some(t),
                })
                .map(|t| t.0)
        };
        let (vote, factor) = if value > 0.05 {
            (Vote::Yes, heaviest(true))
        } else if value < -(0.2 + 0.3 * flexibility) {
            (Vote::No, heaviest(false))
        } else {
            (Vote::Abstain, heaviest(false))
        };
        let phrase = |f: Option<MotionFactor>, for_: bool| match (f, for_) {
            (Some(MotionFactor::Product), true) => "the Council must respond to the crisis",
            (Some(MotionFactor::Product), false) => "the Council should leave room for diplomacy",
            (Some(MotionFactor::Custom), true) => {
                "the Council should take up what is brought before it"
            }
            (Some(MotionFactor::Custom), false) => "the Council's time is better spent negotiating",
            (Some(MotionFactor::Exposure), _) => "a meeting in public would only harden positions",
            (None, _) => "the motion matters little to it",
        };
        let reason = match vote {
            Vote::Yes => phrase(factor, true).to_string(),
            Vote::No => phrase(factor, false).to_string(),
            _ => match factor {
                Some(_) => format!(
                    "it has doubts, as {}, but not enough to vote against",
                    phrase(factor, false)
                ),
                None => phrase(None, false).to_string(),
            },
        };
        (vote, reason)
    }
}
