//! New drafts tabled during the game: a member's own text, built from the
//! clauses the scenario offers (an escalation after a blocked statement, a
//! presidency's compromise, a student's rival text).

use super::Game;
use super::acts::circulated_entry;
use crate::model::act::{ActError, MAX_CHARS};
use crate::model::compiled::{DraftId, SeatId};
use crate::model::draft::{DraftState, DraftStatus, Text};
use crate::rules::ProductKind;
use crate::text::country_in_sentence;

/// Drafts a table may hold, all kinds and states together: a limit on a
/// student who tables and withdraws day after day, far above any real game.
pub const MAX_DRAFTS: usize = 64;

/// The short name of a kind, for a tabled draft's code.
fn kind_code(kind: ProductKind) -> &'static str {
    match kind {
        ProductKind::PressStatement => "ps",
        ProductKind::PresidentialStatement => "prst",
        ProductKind::Resolution => "res",
    }
}

impl Game {
    /// `seat` tables a new draft of its own, on the table at once, and the
    /// record says why. A member holds at most one live draft of each kind
    /// it tabled itself.
    pub(super) fn table_new_draft(
        &mut self,
        seat: SeatId,
        title: &str,
        text: &Text,
        reason: &str,
    ) -> Result<DraftId, ActError> {
        let sc = self.scenario.clone();
        if title.chars().count() > MAX_CHARS {
            return Err(ActError::TooLong);
        }
        if text.clauses.is_empty() {
            return Err(ActError::EmptyText);
        }
        let fits = |&(c, w): &(usize, u8)| c < sc.clause_count() && w < sc.wordings[c];
        let mut seen = Vec::with_capacity(text.clauses.len());
        for &(c, w) in &text.clauses {
            if !fits(&(c, w)) || seen.contains(&c) {
                return Err(ActError::ChangeDoesNotFit);
            }
            seen.push(c);
        }
        let sit = situation!(self);
        if text.clauses.iter().any(|&(c, _)| !sit.available(c)) {
            return Err(ActError::ClauseNotAvailable);
        }
        if self.table.drafts.len() >= MAX_DRAFTS {
            return Err(ActError::TableFull);
        }
        let scenario_drafts = sc.drafts.len();
        let holds_one = self
            .table
            .live()
            .any(|d| d.id >= scenario_drafts && d.penholder == seat && d.kind() == text.kind);
        if holds_one {
            return Err(ActError::AlreadyDone);
        }
        // Clauses in the order of the parts: preambular first.
        let mut ordered = Text {
            kind: text.kind,
            clauses: Vec::with_capacity(text.clauses.len()),
        };
        for &(clause, wording) in &text.clauses {
            ordered.apply(
                crate::model::draft::Change::Add { clause, wording },
                &sc.parts,
            );
        }
        let id = self.table.drafts.len();
        let stem = format!("{}-{}", sc.code(seat).to_lowercase(), kind_code(text.kind));
        let taken = |code: &str| self.table.drafts.iter().any(|d| d.code == code);
        let code = (1..)
            .map(|n| {
                if n == 1 {
                    stem.clone()
                } else {
                    format!("{stem}-{n}")
                }
            })
            .find(|c| !taken(c))
            .unwrap_or(stem);
        let title = match title.trim() {
            "" => format!(
                "Draft {} ({})",
                text.kind.name(),
                country_in_sentence(sc.name(seat))
            ),
            t => t.to_string(),
        };
        let draft = DraftState {
            id,
            code,
            title,
            penholder: seat,
            sponsors: Vec::new(),
            status: DraftStatus::OnTable,
            versions: vec![ordered],
            amendments: Vec::new(),
            vote_requested: false,
            silence_attempts: 0,
            circulated_day: Some(self.clock.day),
        };
        let what = circulated_entry(&sit, &draft, Vec::new(), reason.to_string());
        self.table.drafts.push(draft);
        self.log(what);
        Ok(id)
    }
}
