//! A validated scenario turned into indices, for a fast game loop.
//!
//! The RON file speaks in ids (`"USA"`, `"halt_rockets"`); the game speaks in
//! seat and clause indices. Compiling resolves every id once, fills in the
//! neutral delegation of any member the file leaves out, and keeps the
//! original scenario for names and text.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::rules::{DecisionRules, ProductKind};
use crate::scenario::{self, Condition, Decision, Part, Personality, Scenario, Seat};

/// Index of a member in `council.members`: its seat at the table.
pub type SeatId = usize;
/// Index of a clause in the clause library.
pub type ClauseId = usize;
/// Index of a draft in the scenario's draft list.
pub type DraftId = usize;
/// Index of an event in the scenario's event list.
pub type EventId = usize;

/// A requirement "clause at this wording or stronger".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseReq {
    pub clause: ClauseId,
    pub min_wording: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RedLineTest {
    MustContain(Vec<ClauseReq>),
    MustNotContain(ClauseReq),
}

/// What a red line makes its holder do on a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteResponse {
    /// Vote no (a veto for a veto holder).
    No,
    Abstain,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompiledRedLine {
    pub id: String,
    pub products: Vec<ProductKind>,
    pub test: RedLineTest,
    pub reason: String,
    pub on_resolution: VoteResponse,
}

impl CompiledRedLine {
    #[inline]
    pub fn applies_to(&self, kind: ProductKind) -> bool {
        self.products.is_empty() || self.products.contains(&kind)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompiledGoal {
    ProductAdopted {
        kinds: Vec<ProductKind>,
        with: Vec<ClauseReq>,
        by_day: Option<u32>,
    },
    NoProductWith {
        kinds: Vec<ProductKind>,
        req: ClauseReq,
    },
    NoProductAdopted {
        kinds: Vec<ProductKind>,
    },
    DraftAdopted(DraftId),
    DraftNotAdopted(DraftId),
    AvoidVeto,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompiledObjective {
    pub description: String,
    pub goal: CompiledGoal,
    pub points: u32,
}

/// A delegation's starting disposition, by index.
#[derive(Debug, Clone, PartialEq)]
pub struct DelegationSpec {
    pub salience: f32,
    pub wants_product: f32,
    pub personality: Personality,
    /// `stances[clause][wording]`, zero where the file says nothing.
    pub stances: Vec<Vec<f32>>,
    pub red_lines: Vec<CompiledRedLine>,
    /// Affinity toward every seat (zero for itself and the unmentioned).
    pub relationships: Vec<f32>,
    pub objectives: Vec<CompiledObjective>,
    /// Fixed decisions by draft.
    pub scripted: Vec<(DraftId, Decision, String)>,
    pub fixed_stances: bool,
    pub source: String,
    /// The file gave no delegation: neutral defaults.
    pub neutral: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberSpec {
    pub code: String,
    pub name: String,
    pub permanent: bool,
    pub veto: bool,
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftSpec {
    pub id: String,
    pub kind: ProductKind,
    pub title: String,
    pub penholder: SeatId,
    pub sponsors: Vec<SeatId>,
    pub clauses: Vec<(ClauseId, u8)>,
    pub circulated_on: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompiledEffect {
    ShiftStance {
        seat: SeatId,
        clause: ClauseId,
        delta: f32,
    },
    ShiftWantsProduct {
        seat: SeatId,
        delta: f32,
    },
    LiftRedLine {
        seat: SeatId,
        red_line: usize,
    },
    ShiftRelationship {
        seat: SeatId,
        toward: SeatId,
        delta: f32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventSpec {
    pub id: String,
    pub day: Option<u32>,
    pub chance: f32,
    pub headline: String,
    pub text: String,
    pub urgency: f32,
    pub effects: Vec<CompiledEffect>,
    pub ends_game: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompiledCondition {
    FromDay(u32),
    NoProductAdopted {
        kinds: Vec<ProductKind>,
        by_day: u32,
    },
    ProductAdopted {
        kinds: Vec<ProductKind>,
    },
    DraftBlocked(DraftId),
    DraftAdopted(DraftId),
    DraftCirculated(DraftId),
    EventHappened(EventId),
    UrgencyAtLeast(f32),
    All(Vec<CompiledCondition>),
    Any(Vec<CompiledCondition>),
    Not(Box<CompiledCondition>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompiledAction {
    TableDraft(DraftId),
    PutInBlue(DraftId),
    CallVote(DraftId),
    FireEvent(EventId),
    Announce(String),
    EndGame(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TriggerSpec {
    pub id: String,
    pub description: String,
    pub when: CompiledCondition,
    pub then: Vec<CompiledAction>,
}

/// Everything the game needs from a scenario, resolved to indices.
#[derive(Debug, Clone)]
pub struct CompiledScenario {
    pub source: Arc<Scenario>,
    pub members: Vec<MemberSpec>,
    pub presidency: SeatId,
    pub rules: DecisionRules,
    /// Number of wordings of each clause.
    pub wordings: Vec<u8>,
    pub parts: Vec<Part>,
    pub requires_event: Vec<Option<EventId>>,
    pub delegations: Vec<DelegationSpec>,
    pub drafts: Vec<DraftSpec>,
    pub events: Vec<EventSpec>,
    pub triggers: Vec<TriggerSpec>,
    /// `shares_group[a][b]`: how many groups seats a and b share.
    pub shared_groups: Vec<Vec<u8>>,
    /// `paragraphs[clause][wording][kind as usize]`: the clause as a paragraph
    /// of each kind of text, without its number. Every version of a draft
    /// goes into the record as text, so it is written once here.
    pub paragraphs: Vec<Vec<[String; 3]>>,
    /// `seats_naming[clause]`: the seats with a red line naming the clause,
    /// in seat order: changing the clause may cross or mend one of their
    /// lines, and no one else's.
    seats_naming: Vec<Vec<SeatId>>,
}

impl CompiledScenario {
    /// Compiles a scenario that passed validation. A reference that does not
    /// resolve (impossible after validation) is dropped rather than panicking.
    pub fn new(s: Scenario) -> Self {
        let seat = |code: &str| s.council.members.iter().position(|m| m.code == code);
        let clause = |id: &str| s.clauses.iter().position(|c| c.id == id);
        let draft = |id: &str| s.drafts.iter().position(|d| d.id == id);
        let event = |id: &str| s.events.iter().position(|e| e.id == id);
        let n = s.council.members.len();

        let members: Vec<MemberSpec> = s
            .council
            .members
            .iter()
            .map(|m| MemberSpec {
                code: m.code.clone(),
                name: m.name.clone(),
                permanent: m.seat == Seat::Permanent,
                veto: s.council.rules.is_veto_holder(&m.code),
                groups: m.groups.clone(),
            })
            .collect();
        let wordings: Vec<u8> = s
            .clauses
            .iter()
            .map(|c| c.wordings.len().clamp(1, u8::MAX as usize) as u8)
            .collect();
        let req = |id: &str, min: u32| {
            clause(id).map(|c| ClauseReq {
                clause: c,
                min_wording: min.min(wordings[c] as u32 - 1) as u8,
            })
        };
        let kinds_goal = |g: &scenario::Goal| -> Option<CompiledGoal> {
            Some(match g {
                scenario::Goal::ProductAdopted {
                    kinds,
                    with,
                    by_day,
                } => CompiledGoal::ProductAdopted {
                    kinds: kinds.clone(),
                    with: with
                        .iter()
                        .filter_map(|r| req(&r.clause, r.min_wording))
                        .collect(),
                    by_day: *by_day,
                },
                scenario::Goal::NoProductWith {
                    kinds,
                    clause,
                    min_wording,
                } => CompiledGoal::NoProductWith {
                    kinds: kinds.clone(),
                    req: req(clause, *min_wording)?,
                },
                scenario::Goal::NoProductAdopted { kinds } => CompiledGoal::NoProductAdopted {
                    kinds: kinds.clone(),
                },
                scenario::Goal::DraftAdopted(d) => CompiledGoal::DraftAdopted(draft(d)?),
                scenario::Goal::DraftNotAdopted(d) => CompiledGoal::DraftNotAdopted(draft(d)?),
                scenario::Goal::AvoidVeto => CompiledGoal::AvoidVeto,
            })
        };

        let delegations: Vec<DelegationSpec> = members
            .iter()
            .map(|m| {
                let Some(d) = s.delegations.iter().find(|d| d.member == m.code) else {
                    return DelegationSpec {
                        salience: 0.2,
                        wants_product: 0.3,
                        personality: Personality::default(),
                        stances: wordings.iter().map(|&w| vec![0.0; w as usize]).collect(),
                        red_lines: Vec::new(),
                        relationships: vec![0.0; n],
                        objectives: Vec::new(),
                        scripted: Vec::new(),
                        fixed_stances: false,
                        source: String::new(),
                        neutral: true,
                    };
                };
                let stances = s
                    .clauses
                    .iter()
                    .zip(&wordings)
                    .map(|(c, &w)| match d.stances.get(&c.id) {
                        Some(values) if values.len() == 1 => vec![values[0]; w as usize],
                        Some(values) => (0..w as usize)
                            .map(|i| values.get(i).copied().unwrap_or(0.0))
                            .collect(),
                        None => vec![0.0; w as usize],
                    })
                    .collect();
                let veto = d.veto_stance.as_ref();
                let red_lines = d
                    .red_lines
                    .iter()
                    .filter_map(|r| {
                        let test = match &r.rule {
                            scenario::RedLineRule::MustContain { any_of } => {
                                RedLineTest::MustContain(
                                    any_of
                                        .iter()
                                        .filter_map(|q| req(&q.clause, q.min_wording))
                                        .collect(),
                                )
                            }
                            scenario::RedLineRule::MustNotContain {
                                clause,
                                min_wording,
                            } => RedLineTest::MustNotContain(req(clause, *min_wording)?),
                        };
                        // Elected members vote no over a red line. Veto holders
                        // veto only over the lines their veto stance names and
                        // otherwise abstain: casting a veto is a choice.
                        let on_resolution =
                            if !m.veto || veto.is_some_and(|v| v.vetoes.contains(&r.id)) {
                                VoteResponse::No
                            } else {
                                VoteResponse::Abstain
                            };
                        Some(CompiledRedLine {
                            id: r.id.clone(),
                            products: r.products.clone(),
                            test,
                            reason: r.reason.clone(),
                            on_resolution,
                        })
                    })
                    .collect();
                let mut relationships = vec![0.0; n];
                for (code, &a) in &d.relationships {
                    if let Some(i) = seat(code) {
                        relationships[i] = a;
                    }
                }
                let objectives = d
                    .objectives
                    .iter()
                    .filter_map(|o| {
                        Some(CompiledObjective {
                            description: o.description.clone(),
                            goal: kinds_goal(&o.goal)?,
                            points: o.points,
                        })
                    })
                    .collect();
                let (scripted, fixed_stances) = match &d.script {
                    Some(script) => (
                        script
                            .decisions
                            .iter()
                            .filter_map(|sd| {
                                Some((draft(&sd.draft)?, sd.decision, sd.reason.clone()))
                            })
                            .collect(),
                        script.fixed_stances,
                    ),
                    None => (Vec::new(), false),
                };
                DelegationSpec {
                    salience: d.salience,
                    wants_product: d.wants_product,
                    personality: d.personality,
                    stances,
                    red_lines,
                    relationships,
                    objectives,
                    scripted,
                    fixed_stances,
                    source: d.source.clone(),
                    neutral: false,
                }
            })
            .collect();

        let drafts = s
            .drafts
            .iter()
            .map(|d| DraftSpec {
                id: d.id.clone(),
                kind: d.kind,
                title: d.title.clone(),
                penholder: seat(&d.penholder).unwrap_or(0),
                sponsors: d.sponsors.iter().filter_map(|c| seat(c)).collect(),
                clauses: d
                    .clauses
                    .iter()
                    .filter_map(|(id, w)| {
                        let c = clause(id)?;
                        Some((c, (*w).min(wordings[c] as u32 - 1) as u8))
                    })
                    .collect(),
                circulated_on: d.circulated_on,
            })
            .collect();

        let events = s
            .events
            .iter()
            .map(|e| EventSpec {
                id: e.id.clone(),
                day: e.day,
                chance: e.chance,
                headline: e.headline.clone(),
                text: e.text.clone(),
                urgency: e.urgency,
                ends_game: e.ends_game,
                effects: e
                    .effects
                    .iter()
                    .filter_map(|f| {
                        Some(match f {
                            scenario::Effect::ShiftStance {
                                member,
                                clause: c,
                                delta,
                            } => CompiledEffect::ShiftStance {
                                seat: seat(member)?,
                                clause: clause(c)?,
                                delta: *delta,
                            },
                            scenario::Effect::ShiftWantsProduct { member, delta } => {
                                CompiledEffect::ShiftWantsProduct {
                                    seat: seat(member)?,
                                    delta: *delta,
                                }
                            }
                            scenario::Effect::LiftRedLine { member, red_line } => {
                                let st = seat(member)?;
                                let dl = s.delegations.iter().find(|d| &d.member == member)?;
                                CompiledEffect::LiftRedLine {
                                    seat: st,
                                    red_line: dl
                                        .red_lines
                                        .iter()
                                        .position(|r| &r.id == red_line)?,
                                }
                            }
                            scenario::Effect::ShiftRelationship {
                                member,
                                toward,
                                delta,
                            } => CompiledEffect::ShiftRelationship {
                                seat: seat(member)?,
                                toward: seat(toward)?,
                                delta: *delta,
                            },
                        })
                    })
                    .collect(),
            })
            .collect();

        fn condition(
            c: &Condition,
            draft: &dyn Fn(&str) -> Option<DraftId>,
            event: &dyn Fn(&str) -> Option<EventId>,
        ) -> CompiledCondition {
            match c {
                Condition::FromDay(d) => CompiledCondition::FromDay(*d),
                Condition::NoProductAdopted { kinds, by_day } => {
                    CompiledCondition::NoProductAdopted {
                        kinds: kinds.clone(),
                        by_day: *by_day,
                    }
                }
                Condition::ProductAdopted { kinds } => CompiledCondition::ProductAdopted {
                    kinds: kinds.clone(),
                },
                Condition::DraftBlocked(d) => match draft(d) {
                    Some(i) => CompiledCondition::DraftBlocked(i),
                    None => CompiledCondition::Any(Vec::new()),
                },
                Condition::DraftAdopted(d) => match draft(d) {
                    Some(i) => CompiledCondition::DraftAdopted(i),
                    None => CompiledCondition::Any(Vec::new()),
                },
                Condition::DraftCirculated(d) => match draft(d) {
                    Some(i) => CompiledCondition::DraftCirculated(i),
                    None => CompiledCondition::Any(Vec::new()),
                },
                Condition::EventHappened(e) => match event(e) {
                    Some(i) => CompiledCondition::EventHappened(i),
                    None => CompiledCondition::Any(Vec::new()),
                },
                Condition::UrgencyAtLeast(u) => CompiledCondition::UrgencyAtLeast(*u),
                Condition::All(list) => CompiledCondition::All(
                    list.iter().map(|c| condition(c, draft, event)).collect(),
                ),
                Condition::Any(list) => CompiledCondition::Any(
                    list.iter().map(|c| condition(c, draft, event)).collect(),
                ),
                Condition::Not(inner) => {
                    CompiledCondition::Not(Box::new(condition(inner, draft, event)))
                }
            }
        }
        let triggers = s
            .triggers
            .iter()
            .map(|t| TriggerSpec {
                id: t.id.clone(),
                description: t.description.clone(),
                when: condition(&t.when, &draft, &event),
                then: t
                    .then
                    .iter()
                    .filter_map(|a| {
                        Some(match a {
                            scenario::Action::TableDraft(d) => {
                                CompiledAction::TableDraft(draft(d)?)
                            }
                            scenario::Action::PutInBlue(d) => CompiledAction::PutInBlue(draft(d)?),
                            scenario::Action::CallVote(d) => CompiledAction::CallVote(draft(d)?),
                            scenario::Action::FireEvent(e) => CompiledAction::FireEvent(event(e)?),
                            scenario::Action::Announce(t) => CompiledAction::Announce(t.clone()),
                            scenario::Action::EndGame(t) => CompiledAction::EndGame(t.clone()),
                        })
                    })
                    .collect(),
            })
            .collect();

        let shared_groups = members
            .iter()
            .map(|a| {
                members
                    .iter()
                    .map(|b| {
                        if a.code == b.code {
                            0
                        } else {
                            a.groups.iter().filter(|g| b.groups.contains(g)).count() as u8
                        }
                    })
                    .collect()
            })
            .collect();

        let paragraphs = s
            .clauses
            .iter()
            .zip(&wordings)
            .map(|(c, &n)| {
                (0..n as u32)
                    .map(|w| {
                        ProductKind::ALL.map(|kind| {
                            let (lead, rest) = crate::text::paragraph(kind, c, w);
                            lead + &rest
                        })
                    })
                    .collect()
            })
            .collect();

        // Seats are visited in order, so each list is in seat order and a
        // seat naming a clause twice is listed once.
        let mut seats_naming: Vec<Vec<SeatId>> = vec![Vec::new(); wordings.len()];
        for (seat, d) in delegations.iter().enumerate() {
            for r in &d.red_lines {
                let named: Vec<ClauseId> = match &r.test {
                    RedLineTest::MustContain(any) => any.iter().map(|q| q.clause).collect(),
                    RedLineTest::MustNotContain(q) => vec![q.clause],
                };
                for c in named {
                    if seats_naming[c].last() != Some(&seat) {
                        seats_naming[c].push(seat);
                    }
                }
            }
        }

        CompiledScenario {
            presidency: seat(&s.council.presidency).unwrap_or(0),
            rules: s.council.rules.clone(),
            parts: s.clauses.iter().map(|c| c.part).collect(),
            requires_event: s
                .clauses
                .iter()
                .map(|c| c.requires_event.as_deref().and_then(event))
                .collect(),
            wordings,
            members,
            delegations,
            drafts,
            events,
            triggers,
            shared_groups,
            paragraphs,
            seats_naming,
            source: Arc::new(s),
        }
    }

    /// The seats with a red line naming the clause, in seat order.
    #[inline]
    pub fn seats_naming(&self, clause: ClauseId) -> &[SeatId] {
        self.seats_naming.get(clause).map_or(&[], Vec::as_slice)
    }

    #[inline]
    pub fn seat_count(&self) -> usize {
        self.members.len()
    }

    #[inline]
    pub fn clause_count(&self) -> usize {
        self.wordings.len()
    }

    pub fn seat_of(&self, code: &str) -> Option<SeatId> {
        self.members.iter().position(|m| m.code == code)
    }

    pub fn clause_of(&self, id: &str) -> Option<ClauseId> {
        self.source.clauses.iter().position(|c| c.id == id)
    }

    pub fn clause(&self, c: ClauseId) -> &scenario::Clause {
        &self.source.clauses[c]
    }

    pub fn name(&self, seat: SeatId) -> &str {
        &self.members[seat].name
    }

    pub fn code(&self, seat: SeatId) -> &str {
        &self.members[seat].code
    }

    /// The scenario's id for a draft.
    pub fn draft_id(&self, draft: DraftId) -> String {
        self.drafts
            .get(draft)
            .map(|d| d.id.clone())
            .unwrap_or_else(|| format!("draft-{draft}"))
    }
}
