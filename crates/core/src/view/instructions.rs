//! A delegation's instructions from its capital: what it wants, what it
//! cannot accept, which pens it holds. Shown to that delegation only.

use serde::{Deserialize, Serialize};

use crate::model::compiled::{CompiledScenario, SeatId};
use crate::model::scoring;
use crate::model::state::History;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instructions {
    pub objectives: Vec<ObjectiveLine>,
    /// Each red line's reason, with the products it applies to.
    pub red_lines: Vec<String>,
    /// Topics it wants the Council to address, the most wanted first.
    pub wants: Vec<String>,
    /// Topics it resists, the most resisted first.
    pub resists: Vec<String>,
    /// The drafts it holds the pen on, with when they are circulated.
    pub pens: Vec<String>,
    pub veto: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveLine {
    pub description: String,
    pub points: u32,
    /// Met by what has happened so far (`None` before the game starts).
    pub met: Option<bool>,
}

/// How many topics each list names at most.
const TOPICS: usize = 6;

impl Instructions {
    /// The instructions of `seat`; with a game's history, each objective
    /// says whether it is met so far.
    pub fn of(sc: &CompiledScenario, seat: SeatId, history: Option<&History>) -> Instructions {
        let spec = &sc.delegations[seat];
        let objectives = spec
            .objectives
            .iter()
            .map(|o| ObjectiveLine {
                description: o.description.clone(),
                points: o.points,
                met: history.map(|h| scoring::achieved(&o.goal, seat, h)),
            })
            .collect();
        let red_lines = spec
            .red_lines
            .iter()
            .map(|r| {
                if r.products.is_empty() {
                    r.reason.clone()
                } else {
                    let kinds: Vec<&str> = r.products.iter().map(|k| k.name()).collect();
                    format!("{} ({})", r.reason, kinds.join(", "))
                }
            })
            .collect();
        let strongest = |c: usize, better: fn(f32, f32) -> f32, start: f32| {
            spec.stances[c].iter().copied().fold(start, better)
        };
        let mut wants: Vec<(usize, f32)> = (0..sc.clause_count())
            .map(|c| (c, strongest(c, f32::max, f32::MIN)))
            .filter(|(_, v)| *v >= 0.5)
            .collect();
        wants.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut resists: Vec<(usize, f32)> = (0..sc.clause_count())
            .map(|c| (c, strongest(c, f32::min, f32::MAX)))
            .filter(|(_, v)| *v <= -0.5)
            .collect();
        resists.sort_by(|a, b| a.1.total_cmp(&b.1));
        let topics = |list: Vec<(usize, f32)>| {
            list.into_iter()
                .take(TOPICS)
                .map(|(c, _)| sc.clause(c).topic.clone())
                .collect()
        };
        let pens = sc
            .drafts
            .iter()
            .filter(|d| d.penholder == seat)
            .map(|d| match d.circulated_on {
                Some(day) => format!(
                    "{} (circulated on day {day}, or earlier if you choose)",
                    d.title
                ),
                None => format!(
                    "{} (in your drawer: circulate it in the corridors when you choose)",
                    d.title
                ),
            })
            .collect();
        Instructions {
            objectives,
            red_lines,
            wants: topics(wants),
            resists: topics(resists),
            pens,
            veto: sc.members[seat].veto,
        }
    }
}
