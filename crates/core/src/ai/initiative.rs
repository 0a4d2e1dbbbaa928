//! Initiative: new texts an AI delegation tables on its own, and drafts it
//! gives up. A penholder whose statement was blocked escalates to a kind of
//! product the blockers cannot stop (a resolution needs nine votes, not
//! every member's consent), the presidency proposes a compromise every
//! member can accept, and a text overtaken by another, or by events, is
//! withdrawn. Each happens only when the delegation's own prediction says it
//! is worth it, so a Council where nothing can pass stays as it is.

use super::penholder::{join_names, search};
use super::{Context, Situation};
use crate::model::act::Act;
use crate::model::compiled::{DraftId, SeatId};
use crate::model::draft::{DraftState, DraftStatus, Text};
use crate::model::state::Table;
use crate::rules::ProductKind;

/// The rank of a kind: a presidential statement weighs more than a press
/// statement, a resolution more than both.
fn rank(kind: ProductKind) -> usize {
    ProductKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(0)
}

/// Whether `seat` already holds a live draft of `kind` it tabled itself.
fn holds_own(sit: &Situation, table: &Table, seat: SeatId, kind: ProductKind) -> bool {
    table
        .live()
        .any(|d| d.id >= sit.sc.drafts.len() && d.penholder == seat && d.kind() == kind)
}

/// A draft as it would stand if `pen` tabled `text` today.
fn would_be(sit: &Situation, table: &Table, pen: SeatId, text: Text) -> DraftState {
    DraftState {
        id: table.drafts.len(),
        code: String::new(),
        title: String::new(),
        penholder: pen,
        sponsors: Vec::new(),
        status: DraftStatus::OnTable,
        versions: vec![text],
        amendments: Vec::new(),
        vote_requested: false,
        silence_attempts: 0,
        circulated_day: Some(sit.day),
    }
}

/// Whether a day is left after today for a new text to be decided: a
/// resolution must be in blue from a previous day.
fn time_left(sit: &Situation) -> bool {
    sit.day < sit.sc.source.days
}

/// A penholder whose statement was blocked tables the same aims as a
/// weightier product, if its own prediction says that one would pass.
pub fn escalation(sit: &Situation, seat: SeatId, table: &Table) -> Option<Act> {
    if !time_left(sit) || sit.wants(seat) <= 0.0 {
        return None;
    }
    // Its statements blocked yesterday, or circulated yesterday and still
    // unable to pass: a penholder reconsiders the morning after, not every
    // day (and the search this takes is the dearest thing the AI does).
    let stuck = table.live().filter(|d| {
        d.penholder == seat
            && sit.sc.rules.needs_consensus(d.kind())
            && match d.status {
                DraftStatus::Blocked { day } => day + 1 == sit.day,
                DraftStatus::OnTable => d.circulated_day.is_some_and(|c| c + 1 == sit.day),
                _ => false,
            }
    });
    for d in stuck {
        let p = sit.predict(seat, d.text(), Context::of(d));
        let was_blocked = matches!(d.status, DraftStatus::Blocked { .. });
        if p.passes && !was_blocked {
            continue;
        }
        let blockers = p.blockers;
        for &kind in ProductKind::ALL
            .iter()
            .filter(|&&k| rank(k) > rank(d.kind()))
        {
            if holds_own(sit, table, seat, kind) {
                continue;
            }
            let start = Text {
                kind,
                clauses: d.text().clauses.clone(),
            };
            let hyp = would_be(sit, table, seat, start);
            let found = search(sit, seat, &hyp);
            let own_line = sit.breach(seat, &found.text).is_some();
            if own_line || !found.prediction.passes || found.value <= 0.0 {
                continue;
            }
            let names: Vec<&str> = blockers.iter().map(|&b| sit.sc.name(b)).collect();
            let why = match kind {
                ProductKind::Resolution => {
                    "a resolution needs nine votes and no veto, not every member's consent"
                }
                _ => "a presidential statement carries the weight of the whole Council",
            };
            let reason = match (names.is_empty(), was_blocked) {
                (true, _) => format!("\"{}\" was blocked; {why}", d.title),
                (false, true) => format!("{} blocked \"{}\"; {why}", join_names(&names), d.title),
                (false, false) => {
                    format!("{} would block \"{}\"; {why}", join_names(&names), d.title)
                }
            };
            return Some(Act::TableDraft {
                title: String::new(),
                text: found.text,
                reason: crate::text::capitalise(&reason),
            });
        }
    }
    None
}

/// The presidency, when a statement was blocked and no other text of its
/// kind on the table can pass, proposes one every member can accept.
pub fn compromise(sit: &Situation, seat: SeatId, table: &Table) -> Option<Act> {
    if seat != sit.sc.presidency || !time_left(sit) {
        return None;
    }
    if table
        .live()
        .any(|d| d.penholder == seat && d.id >= sit.sc.drafts.len())
    {
        return None;
    }
    let passes = |d: &DraftState| sit.predict(seat, d.text(), Context::of(d)).passes;
    let blocked = table.live().filter(|d| {
        // The morning after the block, as a penholder would reconsider.
        d.penholder != seat
            && matches!(d.status, DraftStatus::Blocked { day } if day + 1 == sit.day)
            && sit.sc.rules.needs_consensus(d.kind())
    });
    for d in blocked {
        // Another text of the kind that can pass makes a compromise needless.
        let other_passes = table.live().any(|o| {
            o.id != d.id && o.kind() == d.kind() && o.status != DraftStatus::InDrawer && passes(o)
        });
        if other_passes {
            continue;
        }
        let hyp = would_be(sit, table, seat, d.text().clone());
        let found = search(sit, seat, &hyp);
        let own_line = sit.breach(seat, &found.text).is_some();
        if own_line || !found.prediction.passes || found.value < 0.0 || &found.text == d.text() {
            continue;
        }
        return Some(Act::TableDraft {
            title: format!("{} (the presidency's compromise)", d.title),
            text: found.text,
            reason: format!(
                "As President of the Council, to find a text every member can accept after \"{}\" was blocked",
                d.title
            ),
        });
    }
    None
}

/// The President, on the crisis's last day, calls the vote on a resolution
/// left in blue by its penholder, when it expects nine votes and no veto.
pub fn chair_votes(sit: &Situation, seat: SeatId, table: &Table) -> Vec<Act> {
    if seat != sit.sc.presidency || time_left(sit) {
        return Vec::new();
    }
    table
        .live()
        .filter(|d| {
            d.penholder != seat
                && !d.vote_requested
                && matches!(d.status, DraftStatus::InBlue { since_day } if since_day < sit.day)
                && sit.predict(seat, d.text(), Context::of(d)).passes
        })
        .map(|d| Act::RequestVote {
            draft: d.id,
            reason: format!(
                "as President of the Council, so that the crisis does not end with \"{}\" undecided when nine members support it",
                d.title
            ),
        })
        .collect()
}

/// A penholder withdraws its draft when a weightier text of its own has
/// taken its place, when events have left it worth less than nothing to its
/// author, or when its statement has been blocked and another member's text
/// of the same kind, one it can accept, is now expected to be agreed: the
/// Council speaks once, and a text that failed gives way to one that can pass.
pub fn withdrawals(sit: &Situation, seat: SeatId, table: &Table) -> Vec<DraftId> {
    table
        .live()
        .filter(|d| d.penholder == seat && d.status != DraftStatus::InDrawer)
        .filter(|d| {
            // A weightier text of its own, still alive or already adopted.
            let overtaken = table.drafts.iter().any(|o| {
                o.penholder == seat
                    && o.id > d.id
                    && (o.status.is_live() || matches!(o.status, DraftStatus::Adopted { .. }))
                    && o.status != DraftStatus::InDrawer
                    && rank(o.kind()) > rank(d.kind())
            });
            overtaken
                || gives_way(sit, seat, table, d)
                || sit.assess(seat, d.text(), Context::of(d)).value < -0.2
        })
        .map(|d| d.id)
        .collect()
}

/// Whether a statement that has been blocked gives way to another member's
/// text of its kind that its penholder accepts and expects to be agreed.
fn gives_way(sit: &Situation, seat: SeatId, table: &Table, d: &DraftState) -> bool {
    let failed = d.silence_attempts > 0 || matches!(d.status, DraftStatus::Blocked { .. });
    if !failed || !sit.sc.rules.needs_consensus(d.kind()) {
        return false;
    }
    table.live().any(|o| {
        o.penholder != seat
            && o.kind() == d.kind()
            && matches!(o.status, DraftStatus::OnTable)
            && sit.breach(seat, o.text()).is_none()
            && sit.assess(seat, o.text(), Context::of(o)).value > 0.0
            && sit.predict(seat, o.text(), Context::of(o)).passes
    })
}
