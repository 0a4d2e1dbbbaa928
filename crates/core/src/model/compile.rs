//! Compiling a validated scenario: every id resolved to an index once, the
//! neutral delegation of any member the file leaves out filled in, and the
//! paragraphs of every clause written in advance.
//!
//! A reference that does not resolve (impossible after validation) is
//! dropped rather than panicking.

use std::sync::Arc;

use super::compiled::*;
use crate::rules::ProductKind;
use crate::scenario::{self, Condition, Personality, Scenario, Seat};

/// Resolves the file's ids to indices.
struct Resolver<'s> {
    s: &'s Scenario,
    /// Number of wordings of each clause.
    wordings: Vec<u8>,
}

impl Resolver<'_> {
    fn seat(&self, code: &str) -> Option<SeatId> {
        self.s.council.members.iter().position(|m| m.code == code)
    }

    fn clause(&self, id: &str) -> Option<ClauseId> {
        self.s.clauses.iter().position(|c| c.id == id)
    }

    fn draft(&self, id: &str) -> Option<DraftId> {
        self.s.drafts.iter().position(|d| d.id == id)
    }

    fn event(&self, id: &str) -> Option<EventId> {
        self.s.events.iter().position(|e| e.id == id)
    }

    /// A requirement, its wording held within the clause's wordings.
    fn req(&self, id: &str, min: u32) -> Option<ClauseReq> {
        let clause = self.clause(id)?;
        Some(ClauseReq {
            clause,
            min_wording: self.wording(clause, min),
        })
    }

    fn wording(&self, clause: ClauseId, wording: u32) -> u8 {
        wording.min(self.wordings[clause] as u32 - 1) as u8
    }
}

impl CompiledScenario {
    /// Compiles a scenario that passed validation.
    pub fn new(s: Scenario) -> Self {
        let r = Resolver {
            wordings: s
                .clauses
                .iter()
                .map(|c| c.wordings.len().clamp(1, u8::MAX as usize) as u8)
                .collect(),
            s: &s,
        };
        let members = members(&s);
        let delegations: Vec<DelegationSpec> = members.iter().map(|m| delegation(&r, m)).collect();
        let seats_naming = seats_naming(&delegations, r.wordings.len());
        CompiledScenario {
            presidency: r.seat(&s.council.presidency).unwrap_or(0),
            rules: s.council.rules.clone(),
            parts: s.clauses.iter().map(|c| c.part).collect(),
            requires_event: s
                .clauses
                .iter()
                .map(|c| c.requires_event.as_deref().and_then(|e| r.event(e)))
                .collect(),
            drafts: s.drafts.iter().map(|d| draft(&r, d)).collect(),
            events: s.events.iter().map(|e| event(&r, e)).collect(),
            triggers: s.triggers.iter().map(|t| trigger(&r, t)).collect(),
            shared_groups: shared_groups(&members),
            paragraphs: paragraphs(&s, &r.wordings),
            wordings: r.wordings,
            members,
            delegations,
            seats_naming,
            source: Arc::new(s),
        }
    }
}

fn members(s: &Scenario) -> Vec<MemberSpec> {
    s.council
        .members
        .iter()
        .map(|m| MemberSpec {
            code: m.code.clone(),
            name: m.name.clone(),
            permanent: m.seat == Seat::Permanent,
            veto: s.council.rules.is_veto_holder(&m.code),
            groups: m.groups.clone(),
        })
        .collect()
}

/// A member's delegation, or a neutral one if the file gives none.
fn delegation(r: &Resolver, m: &MemberSpec) -> DelegationSpec {
    let n = r.s.council.members.len();
    let Some(d) = r.s.delegations.iter().find(|d| d.member == m.code) else {
        return DelegationSpec {
            salience: 0.2,
            wants_product: 0.3,
            personality: Personality::default(),
            stances: r.wordings.iter().map(|&w| vec![0.0; w as usize]).collect(),
            red_lines: Vec::new(),
            relationships: vec![0.0; n],
            objectives: Vec::new(),
            scripted: Vec::new(),
            fixed_stances: false,
            source: String::new(),
            neutral: true,
        };
    };
    // One value for every wording, or one per wording (missing ones zero).
    let stances =
        r.s.clauses
            .iter()
            .zip(&r.wordings)
            .map(|(c, &w)| match d.stances.get(&c.id) {
                Some(values) if values.len() == 1 => vec![values[0]; w as usize],
                Some(values) => (0..w as usize)
                    .map(|i| values.get(i).copied().unwrap_or(0.0))
                    .collect(),
                None => vec![0.0; w as usize],
            })
            .collect();
    let mut relationships = vec![0.0; n];
    for (code, &a) in &d.relationships {
        if let Some(i) = r.seat(code) {
            relationships[i] = a;
        }
    }
    let objectives = d
        .objectives
        .iter()
        .filter_map(|o| {
            Some(CompiledObjective {
                description: o.description.clone(),
                goal: goal(r, &o.goal)?,
                points: o.points,
            })
        })
        .collect();
    let (scripted, fixed_stances) = match &d.script {
        Some(script) => (
            script
                .decisions
                .iter()
                .filter_map(|sd| Some((r.draft(&sd.draft)?, sd.decision, sd.reason.clone())))
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
        red_lines: d
            .red_lines
            .iter()
            .filter_map(|line| red_line(r, m, d, line))
            .collect(),
        relationships,
        objectives,
        scripted,
        fixed_stances,
        source: d.source.clone(),
        neutral: false,
    }
}

fn red_line(
    r: &Resolver,
    m: &MemberSpec,
    d: &scenario::Delegation,
    line: &scenario::RedLine,
) -> Option<CompiledRedLine> {
    let test = match &line.rule {
        scenario::RedLineRule::MustContain { any_of } => RedLineTest::MustContain(
            any_of
                .iter()
                .filter_map(|q| r.req(&q.clause, q.min_wording))
                .collect(),
        ),
        scenario::RedLineRule::MustNotContain {
            clause,
            min_wording,
        } => RedLineTest::MustNotContain(r.req(clause, *min_wording)?),
    };
    // Elected members vote no over a red line. Veto holders veto only over
    // the lines their veto stance names and otherwise abstain: casting a
    // veto is a choice.
    let vetoes = d
        .veto_stance
        .as_ref()
        .is_some_and(|v| v.vetoes.contains(&line.id));
    let on_resolution = if line.abstain {
        VoteResponse::Abstain
    } else if !m.veto || vetoes {
        VoteResponse::No
    } else {
        VoteResponse::Abstain
    };
    Some(CompiledRedLine {
        id: line.id.clone(),
        products: line.products.clone(),
        test,
        reason: line.reason.clone(),
        on_resolution,
    })
}

fn goal(r: &Resolver, g: &scenario::Goal) -> Option<CompiledGoal> {
    Some(match g {
        scenario::Goal::ProductAdopted {
            kinds,
            with,
            by_day,
        } => CompiledGoal::ProductAdopted {
            kinds: kinds.clone(),
            with: with
                .iter()
                .filter_map(|q| r.req(&q.clause, q.min_wording))
                .collect(),
            by_day: *by_day,
        },
        scenario::Goal::NoProductWith {
            kinds,
            clause,
            min_wording,
        } => CompiledGoal::NoProductWith {
            kinds: kinds.clone(),
            req: r.req(clause, *min_wording)?,
        },
        scenario::Goal::NoProductAdopted { kinds } => CompiledGoal::NoProductAdopted {
            kinds: kinds.clone(),
        },
        scenario::Goal::DraftAdopted(d) => CompiledGoal::DraftAdopted(r.draft(d)?),
        scenario::Goal::DraftNotAdopted(d) => CompiledGoal::DraftNotAdopted(r.draft(d)?),
        scenario::Goal::DraftSupported { draft, at_least } => CompiledGoal::DraftSupported {
            draft: r.draft(draft)?,
            at_least: *at_least,
        },
        scenario::Goal::AvoidVeto => CompiledGoal::AvoidVeto,
    })
}

fn draft(r: &Resolver, d: &scenario::Draft) -> DraftSpec {
    DraftSpec {
        id: d.id.clone(),
        kind: d.kind,
        title: d.title.clone(),
        penholder: r.seat(&d.penholder).unwrap_or(0),
        sponsors: d.sponsors.iter().filter_map(|c| r.seat(c)).collect(),
        clauses: d
            .clauses
            .iter()
            .filter_map(|(id, w)| {
                let c = r.clause(id)?;
                Some((c, r.wording(c, *w)))
            })
            .collect(),
        circulated_on: d.circulated_on,
    }
}

fn event(r: &Resolver, e: &scenario::Event) -> EventSpec {
    EventSpec {
        id: e.id.clone(),
        day: e.day,
        chance: e.chance,
        headline: e.headline.clone(),
        text: e.text.clone(),
        urgency: e.urgency,
        ends_game: e.ends_game,
        voices: e.voices.clone(),
        then: e.then.iter().filter_map(|a| action(r, a)).collect(),
        effects: e.effects.iter().filter_map(|f| effect(r, f)).collect(),
    }
}

fn effect(r: &Resolver, f: &scenario::Effect) -> Option<CompiledEffect> {
    Some(match f {
        scenario::Effect::ShiftStance {
            member,
            clause,
            delta,
        } => CompiledEffect::ShiftStance {
            seat: r.seat(member)?,
            clause: r.clause(clause)?,
            delta: *delta,
        },
        scenario::Effect::ShiftWantsProduct { member, delta } => {
            CompiledEffect::ShiftWantsProduct {
                seat: r.seat(member)?,
                delta: *delta,
            }
        }
        scenario::Effect::LiftRedLine { member, red_line } => {
            let d = r.s.delegations.iter().find(|d| &d.member == member)?;
            CompiledEffect::LiftRedLine {
                seat: r.seat(member)?,
                red_line: d.red_lines.iter().position(|l| &l.id == red_line)?,
            }
        }
        scenario::Effect::ShiftRelationship {
            member,
            toward,
            delta,
        } => CompiledEffect::ShiftRelationship {
            seat: r.seat(member)?,
            toward: r.seat(toward)?,
            delta: *delta,
        },
    })
}

fn trigger(r: &Resolver, t: &scenario::Trigger) -> TriggerSpec {
    TriggerSpec {
        id: t.id.clone(),
        description: t.description.clone(),
        when: condition(r, &t.when),
        then: t.then.iter().filter_map(|a| action(r, a)).collect(),
    }
}

/// A trigger's or an event's action; one naming an unknown draft, event or
/// member is left out (the validator has reported it).
fn action(r: &Resolver, a: &scenario::Action) -> Option<CompiledAction> {
    Some(match a {
        scenario::Action::TableDraft(d) => CompiledAction::TableDraft(r.draft(d)?),
        scenario::Action::PutInBlue(d) => CompiledAction::PutInBlue(r.draft(d)?),
        scenario::Action::CallVote(d) => CompiledAction::CallVote(r.draft(d)?),
        scenario::Action::FireEvent(e) => CompiledAction::FireEvent(r.event(e)?),
        scenario::Action::Announce(t) => CompiledAction::Announce(t.clone()),
        scenario::Action::EndGame(t) => CompiledAction::EndGame(t.clone()),
        scenario::Action::ProposeMotion(by, motion) => {
            CompiledAction::ProposeMotion(r.seat(by)?, *motion)
        }
    })
}

/// A condition; one naming an unknown draft or event never holds.
fn condition(r: &Resolver, c: &Condition) -> CompiledCondition {
    let never = || CompiledCondition::Any(Vec::new());
    let each = |list: &[Condition]| list.iter().map(|c| condition(r, c)).collect();
    match c {
        Condition::FromDay(d) => CompiledCondition::FromDay(*d),
        Condition::NoProductAdopted { kinds, by_day } => CompiledCondition::NoProductAdopted {
            kinds: kinds.clone(),
            by_day: *by_day,
        },
        Condition::ProductAdopted { kinds } => CompiledCondition::ProductAdopted {
            kinds: kinds.clone(),
        },
        Condition::DraftBlocked(d) => r
            .draft(d)
            .map_or_else(never, CompiledCondition::DraftBlocked),
        Condition::DraftAdopted(d) => r
            .draft(d)
            .map_or_else(never, CompiledCondition::DraftAdopted),
        Condition::DraftCirculated(d) => r
            .draft(d)
            .map_or_else(never, CompiledCondition::DraftCirculated),
        Condition::EventHappened(e) => r
            .event(e)
            .map_or_else(never, CompiledCondition::EventHappened),
        Condition::UrgencyAtLeast(u) => CompiledCondition::UrgencyAtLeast(*u),
        Condition::All(list) => CompiledCondition::All(each(list)),
        Condition::Any(list) => CompiledCondition::Any(each(list)),
        Condition::Not(inner) => CompiledCondition::Not(Box::new(condition(r, inner))),
    }
}

/// `shared[a][b]`: how many groups seats a and b share (none with itself).
fn shared_groups(members: &[MemberSpec]) -> Vec<Vec<u8>> {
    members
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
        .collect()
}

/// Each clause at each wording as a paragraph of each kind of text.
fn paragraphs(s: &Scenario, wordings: &[u8]) -> Vec<Vec<[String; 3]>> {
    s.clauses
        .iter()
        .zip(wordings)
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
        .collect()
}

/// `seats_naming[clause]`: the seats with a red line naming the clause.
/// Seats are visited in order, so each list is in seat order and a seat
/// naming a clause twice is listed once.
fn seats_naming(delegations: &[DelegationSpec], clauses: usize) -> Vec<Vec<SeatId>> {
    let mut out: Vec<Vec<SeatId>> = vec![Vec::new(); clauses];
    for (seat, d) in delegations.iter().enumerate() {
        for r in &d.red_lines {
            let named: Vec<ClauseId> = match &r.test {
                RedLineTest::MustContain(any) => any.iter().map(|q| q.clause).collect(),
                RedLineTest::MustNotContain(q) => vec![q.clause],
            };
            for c in named {
                if out[c].last() != Some(&seat) {
                    out[c].push(seat);
                }
            }
        }
    }
    out
}
