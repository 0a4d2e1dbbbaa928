//! What a delegation's value of a text is made of, term by term.
//!
//! [`Situation::assess`] sums a delegation's value of a text in one pass (the
//! penholder's search calls it thousands of times). [`Situation::breakdown`]
//! computes the same sum as named terms: each paragraph at its wording, the
//! pull of its partners, its wish for a product, its ties with the penholder,
//! favours, sponsorship and promises. A reason names the term that weighed
//! most, so what a delegation says is what decided.

use super::{Context, Situation, kind_weight, pressure};
use crate::model::compiled::{ClauseId, SeatId};
use crate::model::draft::Text;

/// One cause of a delegation's value of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Factor {
    /// Its own stance on a paragraph the text holds, at that wording.
    Clause { clause: ClauseId, wording: u8 },
    /// Its own stance on a paragraph a change takes away (or the wording a
    /// rewording replaces).
    Removed { clause: ClauseId, wording: u8 },
    /// The views of the members it shares groups with (its group loyalty).
    Partners,
    /// Its wish that the Council act at all, under the pressure of events.
    Product,
    /// Its relations with the penholder.
    Penholder,
    /// What it owes the penholder: favours, or a grudge.
    Favour,
    /// It holds the pen on the text, or co-sponsors it.
    OwnText,
    /// Its relations with the text's other sponsors.
    Sponsors,
    /// Its promise to support the draft.
    Promise,
    /// Its relations with, and what it owes, the delegation proposing an
    /// amendment.
    Proposer,
    /// Its relations with, and what it owes, a penholder that refused the
    /// amendment being voted.
    PenholderRefusal,
}

/// A factor and how much it adds to (or takes from) the value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Term {
    pub factor: Factor,
    pub value: f32,
}

/// A value as the sum of its terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Breakdown {
    pub terms: Vec<Term>,
}

impl Breakdown {
    pub fn total(&self) -> f32 {
        self.terms.iter().map(|t| t.value).sum()
    }

    fn push(&mut self, factor: Factor, value: f32) {
        if value != 0.0 {
            self.terms.push(Term { factor, value });
        }
    }

    /// The term that adds most, if any adds anything (the first of equals).
    pub fn strongest_for(&self) -> Option<Term> {
        self.heaviest(|v| v > 0.0)
    }

    /// The term that takes away most, if any takes anything (the first of
    /// equals).
    pub fn strongest_against(&self) -> Option<Term> {
        self.heaviest(|v| v < 0.0)
    }

    fn heaviest(&self, counts: impl Fn(f32) -> bool) -> Option<Term> {
        let mut best: Option<Term> = None;
        for t in self.terms.iter().filter(|t| counts(t.value)) {
            if best.is_none_or(|b| t.value.abs() > b.value.abs()) {
                best = Some(*t);
            }
        }
        best
    }

    /// What changes from `before` to `self`: paragraphs that differ appear as
    /// [`Factor::Clause`] (what the change brings) and [`Factor::Removed`]
    /// (what it takes away); every other factor by its difference.
    pub fn minus(&self, before: &Breakdown) -> Breakdown {
        let mut out = Breakdown::default();
        for t in &self.terms {
            let old = before.terms.iter().find(|b| b.factor == t.factor);
            out.push(t.factor, t.value - old.map_or(0.0, |b| b.value));
        }
        for b in &before.terms {
            if self.terms.iter().any(|t| t.factor == b.factor) {
                continue;
            }
            let factor = match b.factor {
                Factor::Clause { clause, wording } => Factor::Removed { clause, wording },
                other => other,
            };
            out.push(factor, -b.value);
        }
        out
    }

    /// Adds one more term (an amendment's proposer, for example).
    pub fn with(mut self, factor: Factor, value: f32) -> Breakdown {
        self.push(factor, value);
        self
    }
}

impl Situation<'_> {
    /// How much of its own view a seat keeps against its partners' (see
    /// [`super::Outlook`]): the rest is theirs.
    pub fn own_share(&self, seat: SeatId) -> f32 {
        let shared: u32 = self.sc.shared_groups[seat].iter().map(|&k| k as u32).sum();
        if shared > 0 {
            1.0 - 0.5 * self.disp[seat].personality.group_loyalty
        } else {
            1.0
        }
    }

    /// [`Situation::assess`]'s value of a text, as named terms that sum to it.
    pub fn breakdown(&self, seat: SeatId, text: &Text, ctx: Context<'_>) -> Breakdown {
        let d = &self.disp[seat];
        let own = self.own_share(seat);
        let mut b = Breakdown::default();
        let mut own_total = 0.0;
        for &(clause, wording) in &text.clauses {
            let v = own * d.salience * self.own_stance(seat, clause, wording);
            own_total += v;
            b.push(Factor::Clause { clause, wording }, v);
        }
        let product = own * d.wants_product * pressure(self.urgency) * kind_weight(text.kind);
        own_total += product;
        b.push(Factor::Product, product);
        b.push(Factor::Partners, self.content_value(seat, text) - own_total);
        self.context_terms(seat, ctx, &mut b);
        b
    }

    /// The terms of [`Situation::context_value`].
    fn context_terms(&self, seat: SeatId, ctx: Context<'_>, b: &mut Breakdown) {
        let d = &self.disp[seat];
        if ctx.penholder == seat {
            b.push(Factor::OwnText, 0.3);
            return;
        }
        b.push(Factor::Penholder, 0.2 * d.relationships[ctx.penholder]);
        b.push(Factor::Favour, 0.5 * d.goodwill[ctx.penholder]);
        let mut sponsors = 0.0;
        for &s in ctx.sponsors {
            if s == seat {
                b.push(Factor::OwnText, 0.3);
            } else {
                sponsors += 0.05 * d.relationships[s];
            }
        }
        b.push(Factor::Sponsors, sponsors);
        if let Some(draft) = ctx.draft {
            b.push(Factor::Promise, d.commitment(draft));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(factor: Factor, value: f32) -> Term {
        Term { factor, value }
    }

    #[test]
    fn a_difference_names_what_a_change_brings_and_takes_away() {
        let before = Breakdown {
            terms: vec![
                term(
                    Factor::Clause {
                        clause: 1,
                        wording: 0,
                    },
                    0.5,
                ),
                term(
                    Factor::Clause {
                        clause: 2,
                        wording: 1,
                    },
                    -0.2,
                ),
                term(Factor::Partners, 0.25),
            ],
        };
        let after = Breakdown {
            terms: vec![
                term(
                    Factor::Clause {
                        clause: 1,
                        wording: 0,
                    },
                    0.5,
                ),
                term(
                    Factor::Clause {
                        clause: 2,
                        wording: 2,
                    },
                    0.4,
                ),
                term(Factor::Partners, 0.5),
            ],
        };
        let diff = after.minus(&before);
        assert_eq!(
            diff.terms,
            vec![
                term(
                    Factor::Clause {
                        clause: 2,
                        wording: 2
                    },
                    0.4
                ),
                term(Factor::Partners, 0.25),
                term(
                    Factor::Removed {
                        clause: 2,
                        wording: 1
                    },
                    0.2
                ),
            ]
        );
        assert_eq!(
            diff.strongest_for().map(|t| t.factor),
            Some(Factor::Clause {
                clause: 2,
                wording: 2
            })
        );
        assert_eq!(diff.strongest_against(), None);
    }
}
