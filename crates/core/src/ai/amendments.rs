//! Votes on amendments: a delegation judges an amendment by what it changes
//! in the text as it stands, not by the amended text on its own. A member
//! that dislikes some other paragraph of the draft can still welcome a
//! change it gains from; a promise to support the draft says nothing of
//! the amendments to it.

use super::factors::Factor;
use super::reasons::{self, About, Decisive};
use super::{Context, Situation};
use crate::model::compiled::{SeatId, VoteResponse};
use crate::model::draft::Text;
use crate::rules::Vote;

/// Whose amendment it is and what the penholder said of it.
#[derive(Debug, Clone, Copy)]
pub struct AmendmentCtx<'d> {
    pub draft: Context<'d>,
    /// The delegation that proposed it.
    pub by: SeatId,
    /// The penholder refused it in the corridors (rather than never
    /// answering).
    pub refused: bool,
}

impl Situation<'_> {
    /// A vote on an amendment that turns `before` (the draft as it stands)
    /// into `after`, with the explanation of vote.
    pub fn vote_on_amendment(
        &self,
        seat: SeatId,
        before: &Text,
        after: &Text,
        am: AmendmentCtx<'_>,
    ) -> (Vote, String) {
        if seat == am.by {
            return (Vote::Yes, "it proposed the amendment".into());
        }
        if seat == am.draft.penholder && am.refused {
            return (
                Vote::No,
                "it refused the change to its text and holds to its answer".into(),
            );
        }
        if let Some(vote) = self.red_line_moved(seat, before, after) {
            return vote;
        }
        let d = &self.disp[seat];
        let mut change = self
            .breakdown(seat, after, am.draft)
            .minus(&self.breakdown(seat, before, am.draft))
            .with(
                Factor::Proposer,
                0.15 * d.relationships[am.by] + 0.3 * d.goodwill[am.by],
            );
        if am.refused {
            let pen = am.draft.penholder;
            change = change.with(
                Factor::PenholderRefusal,
                -(0.15 * d.relationships[pen] + 0.3 * d.goodwill[pen]),
            );
        }
        let value = change.total();
        let veto = self.sc.members[seat].veto;
        // A no from a veto holder defeats the amendment: it weighs more.
        let threshold = if veto {
            0.1 + 0.3 * d.personality.veto_aversion
        } else {
            0.05 + 0.15 * d.personality.flexibility
        };
        let (vote, decisive) = if value > 0.01 {
            (Vote::Yes, reasons::deciding_for(&change))
        } else if value < -threshold {
            (Vote::No, reasons::deciding_against(&change))
        } else if value < 0.0 {
            let doubt = change.strongest_against();
            (Vote::Abstain, Decisive::NotEnoughToBlock { doubt })
        } else {
            (Vote::Abstain, Decisive::Indifferent)
        };
        let about = About {
            ctx: am.draft,
            proposer: Some(am.by),
        };
        let blocking = if veto { "cast a veto" } else { "vote against" };
        (vote, reasons::say(self, seat, about, decisive, blocking))
    }

    /// A change that crosses one of the seat's red lines is voted as the
    /// line says; one that mends a line it crossed is voted for.
    fn red_line_moved(&self, seat: SeatId, before: &Text, after: &Text) -> Option<(Vote, String)> {
        let lines = &self.sc.delegations[seat].red_lines;
        let active = &self.disp[seat].red_line_active;
        let crossed = |t: &Text, i: usize| active[i] && super::red_line_crossed(&lines[i], t);
        let newly = (0..lines.len()).find(|&i| crossed(after, i) && !crossed(before, i));
        if let Some(i) = newly {
            let vote = match lines[i].on_resolution {
                VoteResponse::No => Vote::No,
                VoteResponse::Abstain => Vote::Abstain,
            };
            return Some((vote, lines[i].reason.clone()));
        }
        let mended = (0..lines.len()).find(|&i| crossed(before, i) && !crossed(after, i))?;
        Some((
            Vote::Yes,
            format!("without the change, {}", lines[mended].reason),
        ))
    }
}
