//! Reasons in plain words, built from the same numbers as the decisions.
//!
//! A reason completes a sentence such as "The United States votes no: ..."
//! or "France keeps silence: ...", and names the clause that weighed most.

use super::{Context, Situation};
use crate::model::compiled::{ClauseId, CompiledScenario, SeatId};
use crate::model::draft::Text;

/// "calls for an end to rocket fire from Gaza into Israel".
pub fn phrase(sc: &CompiledScenario, clause: ClauseId, wording: u8) -> String {
    let c = sc.clause(clause);
    let w = &c.wordings[(wording as usize).min(c.wordings.len() - 1)];
    format!("{} {}", w.verb, w.text).replace("{its}", "its")
}

/// The present clause this seat likes most, if it likes any.
fn best_clause(sit: &Situation, seat: SeatId, text: &Text) -> Option<(ClauseId, u8, f32)> {
    text.clauses
        .iter()
        .map(|&(c, w)| (c, w, sit.own_stance(seat, c, w)))
        .filter(|&(_, _, v)| v > 0.1)
        .max_by(|a, b| a.2.total_cmp(&b.2))
}

/// The present clause this seat dislikes most, if it dislikes any.
fn worst_clause(sit: &Situation, seat: SeatId, text: &Text) -> Option<(ClauseId, u8, f32)> {
    text.clauses
        .iter()
        .map(|&(c, w)| (c, w, sit.own_stance(seat, c, w)))
        .filter(|&(_, _, v)| v < -0.1)
        .min_by(|a, b| a.2.total_cmp(&b.2))
}

/// The clause this seat misses most: absent, or present at a weaker wording
/// than the one it prefers.
fn missing_clause(sit: &Situation, seat: SeatId, text: &Text) -> Option<ClauseId> {
    (0..sit.sc.clause_count())
        .filter(|&c| sit.available(c))
        .filter_map(|c| {
            let best = (0..sit.sc.wordings[c])
                .map(|w| sit.own_stance(seat, c, w))
                .fold(f32::MIN, f32::max);
            let have = text
                .wording_of(c)
                .map(|w| sit.own_stance(seat, c, w))
                .unwrap_or(0.0);
            (best - have > 0.3).then_some((c, best - have))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// The group through which this seat leans, if its partners sway it.
fn group_with_most_weight(sit: &Situation, seat: SeatId) -> Option<String> {
    let shared = &sit.sc.shared_groups[seat];
    let me = &sit.sc.members[seat];
    me.groups
        .iter()
        .max_by_key(|g| {
            shared
                .iter()
                .enumerate()
                .filter(|&(p, &k)| k > 0 && sit.sc.members[p].groups.contains(g))
                .count()
        })
        .cloned()
}

/// Own value of the content, without the blending by group loyalty.
fn own_content(sit: &Situation, seat: SeatId, text: &Text) -> f32 {
    let d = &sit.disp[seat];
    d.salience
        * text
            .clauses
            .iter()
            .map(|&(c, w)| sit.own_stance(seat, c, w))
            .sum::<f32>()
}

/// Why a delegation accepts a text (keeps silence, votes yes).
pub fn acceptance(sit: &Situation, seat: SeatId, text: &Text, ctx: Context, value: f32) -> String {
    let d = &sit.disp[seat];
    if let Some(draft) = ctx.draft
        && let Some(c) = d.commitments.iter().find(|c| c.draft == draft)
        && value <= 0.0
    {
        return format!(
            "it gave its word to {} to support this text",
            sit.sc.name(c.to)
        );
    }
    if own_content(sit, seat, text) < 0.0
        && value > 0.0
        && let Some(group) = group_with_most_weight(sit, seat)
    {
        return format!("it has reservations, but stands with its partners in the {group}");
    }
    match best_clause(sit, seat, text) {
        Some((c, w, _)) => format!("the text {}", phrase(sit.sc, c, w)),
        None if d.wants_product > 0.0 => "the Council must respond to the crisis".into(),
        None => "it will not stand in the way of the Council".into(),
    }
}

/// Why a delegation rejects a text (breaks silence, votes no).
pub fn objection(sit: &Situation, seat: SeatId, text: &Text) -> String {
    if let Some((c, w, _)) = worst_clause(sit, seat, text) {
        return format!("the text {}", phrase(sit.sc, c, w));
    }
    if let Some(c) = missing_clause(sit, seat, text) {
        return format!(
            "the text does not address {}",
            sit.sc.clause(c).topic.clone()
        );
    }
    if sit.disp[seat].wants_product < 0.0 {
        return "the Council should leave room for diplomacy rather than adopt this text".into();
    }
    "the text does not serve the people it claims to help".into()
}

/// Why a delegation abstains without a red line.
pub fn reservation(sit: &Situation, seat: SeatId, text: &Text) -> String {
    let best = best_clause(sit, seat, text);
    let worst = worst_clause(sit, seat, text);
    match (best, worst) {
        (Some((b, bw, _)), Some((w, ww, _))) => format!(
            "it welcomes that the text {}, but cannot support that it {}",
            phrase(sit.sc, b, bw),
            phrase(sit.sc, w, ww)
        ),
        (_, Some((w, ww, _))) => {
            format!("it cannot support that the text {}", phrase(sit.sc, w, ww))
        }
        _ => match missing_clause(sit, seat, text) {
            Some(c) => format!(
                "the text does not address {}",
                sit.sc.clause(c).topic.clone()
            ),
            None => "it is not convinced the text will help".into(),
        },
    }
}

/// A red line that brings only an abstention.
pub fn abstain_over_red_line(reason: &str, veto_holder: bool) -> String {
    if veto_holder {
        format!("{reason}; it will not use its veto to block the Council")
    } else {
        reason.to_string()
    }
}
