//! Trigger conditions and objectives, judged against what has happened.

use super::compiled::{CompiledCondition, CompiledGoal, CompiledScenario, SeatId};
use super::record::{ObjectiveResult, ScoreLine};
use super::state::{Clock, Crisis, History, Table};

/// Whether a trigger's condition holds this evening.
pub fn holds(
    c: &CompiledCondition,
    clock: &Clock,
    crisis: &Crisis,
    history: &History,
    table: &Table,
) -> bool {
    match c {
        CompiledCondition::FromDay(d) => clock.day >= *d,
        CompiledCondition::NoProductAdopted { kinds, by_day } => {
            clock.day >= *by_day && !history.adopted_of(kinds).any(|p| p.day <= *by_day)
        }
        CompiledCondition::ProductAdopted { kinds } => history.adopted_of(kinds).next().is_some(),
        CompiledCondition::DraftBlocked(d) => history.blocked.contains(d),
        CompiledCondition::DraftAdopted(d) => history.adopted.iter().any(|p| p.draft == *d),
        CompiledCondition::DraftCirculated(d) => table
            .drafts
            .get(*d)
            .is_some_and(|draft| draft.circulated_day.is_some()),
        CompiledCondition::EventHappened(e) => {
            crisis.events_happened.get(*e).copied().unwrap_or(false)
        }
        CompiledCondition::UrgencyAtLeast(u) => crisis.urgency >= *u,
        CompiledCondition::All(list) => {
            list.iter().all(|c| holds(c, clock, crisis, history, table))
        }
        CompiledCondition::Any(list) => {
            list.iter().any(|c| holds(c, clock, crisis, history, table))
        }
        CompiledCondition::Not(inner) => !holds(inner, clock, crisis, history, table),
    }
}

/// Whether an objective is met by what has happened so far.
pub fn achieved(goal: &CompiledGoal, seat: SeatId, history: &History) -> bool {
    match goal {
        CompiledGoal::ProductAdopted {
            kinds,
            with,
            by_day,
        } => history.adopted_of(kinds).any(|p| {
            by_day.is_none_or(|d| p.day <= d) && with.iter().all(|&q| p.text.satisfies(q))
        }),
        CompiledGoal::NoProductWith { kinds, req } => {
            !history.adopted_of(kinds).any(|p| p.text.satisfies(*req))
        }
        CompiledGoal::NoProductAdopted { kinds } => history.adopted_of(kinds).next().is_none(),
        CompiledGoal::DraftAdopted(d) => history.adopted.iter().any(|p| p.draft == *d),
        CompiledGoal::DraftNotAdopted(d) => !history.adopted.iter().any(|p| p.draft == *d),
        CompiledGoal::AvoidVeto => !history.vetoes.contains(&seat),
        CompiledGoal::DraftSupported { draft, at_least } => history
            .support
            .iter()
            .rev()
            .find(|(d, _)| d == draft)
            .is_some_and(|(_, yes)| yes >= at_least),
    }
}

/// A seat's score line: each objective, met or not.
pub fn score(sc: &CompiledScenario, seat: SeatId, history: &History) -> ScoreLine {
    let objectives: Vec<ObjectiveResult> = sc.delegations[seat]
        .objectives
        .iter()
        .map(|o| ObjectiveResult {
            description: o.description.clone(),
            points: o.points,
            achieved: achieved(&o.goal, seat, history),
        })
        .collect();
    ScoreLine {
        member: sc.code(seat).to_string(),
        points: objectives
            .iter()
            .filter(|o| o.achieved)
            .map(|o| o.points)
            .sum(),
        max: objectives.iter().map(|o| o.points).sum(),
        objectives,
    }
}
