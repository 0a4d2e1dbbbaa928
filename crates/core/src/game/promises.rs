//! Promises of support and what delegations remember of them.
//!
//! A promise (given to a lobbyist, or in a trade, by an AI or a human
//! delegation) is tied to the version of the draft it was given for: a
//! revision that makes the text worse for the promiser frees it, and the
//! promiser says so. In a decision on the draft, a promise is kept (silence
//! kept, a yes vote) or broken; the delegation it was given to remembers
//! both, as a favour or a grudge, and both fade day by day.

use super::Game;
use crate::ai::factors::Factor;
use crate::ai::reasons::{self, phrase};
use crate::ai::{Context, Situation};
use crate::model::compiled::{DraftId, SeatId};
use crate::model::decision::Choice;
use crate::model::draft::{DraftState, Text};
use crate::model::record::What;
use crate::model::state::Commitment;

/// How much worse a revision must be for the promiser before it frees it.
const WORSE: f32 = 0.05;
/// A kept promise: the favour the delegation it was given to owes back.
const KEPT: f32 = 0.15;
/// A broken promise: the grudge it leaves.
const BROKEN: f32 = -0.3;
/// Share of favours and grudges left after each night.
const FADE: f32 = 0.8;

impl Game {
    /// Frees every promise given for an earlier version of a draft that the
    /// current version makes worse for the promiser; the record says why.
    pub(super) fn review_promises(&mut self) {
        let released: Vec<(SeatId, Commitment, String)> = {
            let sit = situation!(self);
            let mut out = Vec::new();
            for (seat, disp) in self.dispositions.iter().enumerate() {
                for c in &disp.commitments {
                    let d = &self.table.drafts[c.draft];
                    if c.version >= d.version() || !d.status.is_live() {
                        continue;
                    }
                    let promised = &d.versions[c.version.max(1) - 1];
                    if let Some(reason) = worse_for(&sit, seat, d, promised) {
                        out.push((seat, *c, reason));
                    }
                }
            }
            out
        };
        for (seat, c, reason) in released {
            self.dispositions[seat].commitments.retain(|k| *k != c);
            let sc = &self.scenario;
            let what = What::PromiseReleased {
                by: sc.code(seat).to_string(),
                to: sc.code(c.to).to_string(),
                draft: self.table.code(c.draft),
                reason,
            };
            self.log(what);
        }
    }

    /// After a decision on a draft: each promise of support for it was kept
    /// or broken, and the delegation it was given to remembers which. A
    /// broken promise is over; the others end with the draft.
    pub(super) fn settle_promises(&mut self, draft: DraftId, choices: &[Option<(Choice, String)>]) {
        let live = self.table.drafts[draft].status.is_live();
        let mut broken = Vec::new();
        for seat in 0..self.seat_count() {
            let supported = matches!(
                choices.get(seat),
                Some(Some((
                    Choice::Silence { keep: true } | Choice::Vote(crate::rules::Vote::Yes),
                    _
                )))
            );
            let promises: Vec<Commitment> = self.dispositions[seat]
                .commitments
                .iter()
                .filter(|c| c.draft == draft)
                .copied()
                .collect();
            for c in promises {
                let memory = &mut self.dispositions[c.to].goodwill[seat];
                let change = if supported { KEPT } else { BROKEN };
                *memory = (*memory + change).clamp(-0.6, 0.6);
                if !supported {
                    broken.push((seat, c));
                }
            }
            self.dispositions[seat]
                .commitments
                .retain(|c| c.draft != draft || (live && supported));
        }
        for (seat, c) in broken {
            let sc = &self.scenario;
            let what = What::PromiseBroken {
                by: sc.code(seat).to_string(),
                to: sc.code(c.to).to_string(),
                draft: self.table.code(draft),
            };
            self.log(what);
        }
    }

    /// Overnight, favours and grudges fade, and so does public pressure.
    pub(super) fn fade_memories(&mut self) {
        for disp in &mut self.dispositions {
            for g in &mut disp.goodwill {
                *g *= FADE;
            }
            disp.pressure *= FADE;
        }
    }
}

/// Why the current text of `d` is worse for `seat` than the one it
/// promised to support, if it is.
fn worse_for(sit: &Situation, seat: SeatId, d: &DraftState, promised: &Text) -> Option<String> {
    let now = d.text();
    let lines = &sit.sc.delegations[seat].red_lines;
    if let Some(line) = sit.breach(seat, now)
        && sit.breach(seat, promised) != Some(line)
    {
        return Some(lines[line].reason.clone());
    }
    let ctx = Context::of(d);
    let change = sit
        .breakdown(seat, now, ctx)
        .minus(&sit.breakdown(seat, promised, ctx));
    if change.total() >= -WORSE {
        return None;
    }
    let worst = change.strongest_against()?;
    Some(match worst.factor {
        Factor::Clause { clause, wording } => {
            format!("the new version {}", phrase(sit.sc, clause, wording))
        }
        Factor::Removed { clause, wording } => {
            format!(
                "the new version no longer {}",
                phrase(sit.sc, clause, wording)
            )
        }
        _ => reasons::say(sit, seat, ctx.into(), reasons::Decisive::Term(worst), ""),
    })
}
