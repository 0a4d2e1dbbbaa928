//! Procedural motions, and words to the press: public pressure.
//!
//! Motions: adopting the agenda, a public meeting, an open debate. Any member moves one in the corridors (or a scenario's trigger
//! does); it is voted first in the next decision phase, with the procedural
//! quota and no veto. An adopted meeting raises the urgency and puts the
//! members standing in the way under public pressure. Under pressure, a
//! delegation's capital may relent on a red line that blocks a text.

use super::Game;
use crate::model::act::ActError;
use crate::model::compiled::SeatId;
use crate::model::decision::Current;
use crate::model::draft::{DraftStatus, MotionState, MotionStatus};
use crate::model::record::{VoteSubject, What};
use crate::model::state::Controller;
use crate::rules::{self, Matter, Motion};
use crate::text::{capitalise, country_in_sentence};
use rand::RngExt;

/// How strongly public pressure moves a capital to relent, per morning: the
/// chance is this times the pressure, the delegation's flexibility and how
/// little the crisis matters to it (a delegation with salience 0.95 and
/// flexibility 0.2 under the most pressure relents one morning in a hundred).
const RELENTING: f32 = 2.0;

impl Game {
    /// A member moves a motion; the record says so. One motion of a kind
    /// waits at a time.
    pub(super) fn move_motion(
        &mut self,
        seat: SeatId,
        motion: Motion,
        reason: &str,
    ) -> Result<(), ActError> {
        if self.table.motion_pending(motion) {
            return Err(ActError::AlreadyDone);
        }
        let id = self.table.motions.len();
        self.table.motions.push(MotionState {
            id,
            by: seat,
            motion,
            day: self.clock.day,
            status: MotionStatus::Proposed,
        });
        let by = self.scenario.code(seat).to_string();
        self.log(What::MotionProposed {
            by,
            motion,
            reason: reason.to_string(),
        });
        Ok(())
    }

    /// Members whose position a public meeting would put on trial: they
    /// blocked a text, or a text still on the table crosses their red line.
    pub(super) fn exposed(&self) -> Vec<bool> {
        let sit = situation!(self);
        (0..self.seat_count())
            .map(|seat| {
                let blocked = self.record.entries.iter().any(|e| match &e.what {
                    What::Silence { broken_by, .. } => {
                        broken_by.iter().any(|c| c == self.scenario.code(seat))
                    }
                    What::Vote { result, .. } => matches!(
                        &result.outcome,
                        rules::VoteOutcome::Vetoed { by } if by.iter().any(|c| c == self.scenario.code(seat))
                    ),
                    _ => false,
                });
                blocked
                    || self.table.live().any(|d| {
                        d.status != DraftStatus::InDrawer && sit.breach(seat, d.text()).is_some()
                    })
            })
            .collect()
    }

    /// Remarks to the press naming a member: if it stands in the way of the
    /// Council, the pressure on it rises and it bears a grudge; if it does
    /// not, the remarks backfire, and its friends hold them against the
    /// speaker. Either way the pressure fades overnight.
    pub(super) fn press_effects(&mut self, speaker: SeatId, target: SeatId) {
        let exposed = self.exposed().get(target).copied().unwrap_or(false);
        let grudge = |g: &mut f32, by: f32| *g = (*g - by).clamp(-0.6, 0.6);
        if exposed {
            let disp = &mut self.dispositions[target];
            disp.pressure = (disp.pressure + 0.1).min(0.5);
            grudge(&mut disp.goodwill[speaker], 0.1);
            return;
        }
        for seat in 0..self.seat_count() {
            let friend = seat == target || self.dispositions[seat].relationships[target] >= 0.4;
            if friend && seat != speaker {
                grudge(&mut self.dispositions[seat].goodwill[speaker], 0.15);
            }
        }
        let sc = &self.scenario;
        let text = format!(
            "The remarks of {} about {} fall flat: {} has blocked nothing.",
            country_in_sentence(sc.name(speaker)),
            country_in_sentence(sc.name(target)),
            capitalise(&country_in_sentence(sc.name(target)))
        );
        self.log(What::Announcement { text });
    }

    /// Counts the votes on a motion and carries out what was decided.
    pub(super) fn resolve_motion(&mut self, id: usize, current: Current) {
        let Some(m) = self.table.motions.get(id).cloned() else {
            return;
        };
        let (ballots, result) = self.tally(&current, Matter::Procedural);
        let by = self.scenario.code(m.by).to_string();
        self.log(What::Vote {
            subject: VoteSubject::Motion {
                motion: m.motion,
                by,
            },
            ballots,
            result: result.clone(),
        });
        let adopted = result.outcome.adopted();
        self.table.motions[id].status = if adopted {
            MotionStatus::Adopted
        } else {
            MotionStatus::Rejected
        };
        let (urgency, pressure) = match (m.motion, adopted) {
            (Motion::AdoptAgenda, true) => (0.05, 0.0),
            (Motion::AdoptAgenda, false) => (-0.05, 0.0),
            (Motion::PublicMeeting, true) => (0.05, 0.1),
            (Motion::OpenDebate, true) => (0.1, 0.15),
            (_, false) => (0.0, 0.0),
        };
        self.crisis.urgency = (self.crisis.urgency + urgency).clamp(0.0, 1.0);
        if pressure > 0.0 {
            for (seat, exposed) in self.exposed().into_iter().enumerate() {
                if exposed {
                    let disp = &mut self.dispositions[seat];
                    disp.pressure = (disp.pressure + pressure).min(0.5);
                }
            }
        }
        let said = match (m.motion, adopted) {
            (Motion::PublicMeeting, true) => {
                Some("The Council meets in public: every member states its position on the record.")
            }
            (Motion::OpenDebate, true) => Some(
                "In the open debate, speakers from dozens of Member States call on the Council to act.",
            ),
            _ => None,
        };
        if let Some(text) = said {
            self.log(What::Announcement { text: text.into() });
        }
    }

    /// Each morning, an AI delegation under public pressure whose red line
    /// blocks a text on the table may receive new instructions: the red
    /// line is lifted, and the record says so. Scripted delegations and
    /// students keep theirs.
    pub(super) fn capital_relents(&mut self) {
        for seat in 0..self.seat_count() {
            if self.controllers[seat] != Controller::Ai
                || self.scenario.delegations[seat].fixed_stances
            {
                continue;
            }
            let blocking = {
                let sit = situation!(self);
                self.table
                    .live()
                    .filter(|d| d.status != DraftStatus::InDrawer && d.penholder != seat)
                    .find_map(|d| sit.breach(seat, d.text()))
            };
            let Some(line) = blocking else { continue };
            let d = &self.dispositions[seat];
            let spec = &self.scenario.delegations[seat];
            let chance =
                RELENTING * d.pressure * d.personality.flexibility * (1.0 - spec.salience).max(0.0);
            if chance <= 0.0 || self.rng.0.random::<f32>() >= chance {
                continue;
            }
            self.dispositions[seat].red_line_active[line] = false;
            let name = country_in_sentence(self.scenario.name(seat));
            let text = format!(
                "{} has new instructions from its capital: it will no longer object that {}.",
                capitalise(&name),
                spec.red_lines[line].reason
            );
            self.log(What::Announcement { text });
        }
    }
}
