//! The scenario file format: plain serde types, one per RON structure.
//!
//! Every field is documented in `docs/scenario-format.md`; keep the two in step.
//! References between parts of a scenario (a clause in a stance, a member in a
//! relationship) are plain ids here; `validate` checks that each one resolves.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::rules::{DecisionRules, ProductKind};

/// A whole scenario: one crisis, one Council, one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short machine name, for example `"gaza-2012"`.
    pub id: String,
    pub title: String,
    /// Date of the first day, `YYYY-MM-DD`.
    pub start_date: String,
    /// How many days (turns) the crisis lasts.
    pub days: u32,
    /// The date of each day, when the Council's days are not consecutive
    /// (a crisis that spans weeks, played on its meeting days); empty: one
    /// day after another from `start_date`.
    #[serde(default)]
    pub dates: Vec<String>,
    /// What the players read before the first day.
    pub briefing: String,
    /// Shown in the debrief: what the real Council did.
    #[serde(default)]
    pub what_really_happened: String,
    /// Questions for the class after the game, shown in the debrief.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discussion: Vec<String>,
    /// Where the scenario's facts and stances come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Pressure to act at the start, from 0 (none) to 1 (a burning crisis).
    #[serde(default = "default_urgency")]
    pub initial_urgency: f32,
    /// Actions each delegation may take per day in the corridors.
    #[serde(default = "default_action_points")]
    pub action_points: u32,
    pub council: Council,
    pub clauses: Vec<Clause>,
    pub delegations: Vec<Delegation>,
    #[serde(default)]
    pub drafts: Vec<Draft>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub triggers: Vec<Trigger>,
    /// What the author expects of many AI-only games, checked by
    /// `horseshoe audit` (for a historical scenario: its history).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expect: Vec<Expectation>,
}

impl Scenario {
    /// Day `day`'s date in words ("14 November 2012"): from `dates` when the
    /// scenario lists them, else counted from `start_date`.
    pub fn long_date(&self, day: u32) -> String {
        match day.checked_sub(1).and_then(|i| self.dates.get(i as usize)) {
            Some(date) => crate::text::long_date(date, 1),
            None => crate::text::long_date(&self.start_date, day),
        }
    }
}

/// An expectation of many AI-only games, checked by `horseshoe audit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Expectation {
    /// The most common outcome is this one, as `simulate` and `audit` print
    /// it: `"moroccan_ps adopted on day 8; russia_res never decided"`.
    MostCommon(String),
    /// The share of games in which a draft ends so lies between the two.
    Share {
        draft: String,
        fate: Fate,
        #[serde(default)]
        at_least: f32,
        #[serde(default = "one")]
        at_most: f32,
    },
    /// The most common vote on the draft, when it is voted: yes, no and
    /// abstentions.
    Tally {
        draft: String,
        yes: u32,
        no: u32,
        abstain: u32,
    },
    /// The share of games in which the Council adopts nothing lies between
    /// the two.
    NoProduct {
        #[serde(default)]
        at_least: f32,
        #[serde(default = "one")]
        at_most: f32,
    },
}

fn one() -> f32 {
    1.0
}

/// How a draft ends, for an expectation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fate {
    Adopted,
    /// Its silence broken, never adopted after.
    Blocked,
    Vetoed,
    /// Short of the quota.
    Failed,
    /// Circulated, never decided (or withdrawn).
    NotDecided,
    NotCirculated,
}

fn default_urgency() -> f32 {
    0.5
}

fn default_action_points() -> u32 {
    3
}

/// The members, who presides, and how the Council decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Council {
    pub members: Vec<Member>,
    /// Code of the member holding the presidency this month.
    pub presidency: String,
    pub rules: DecisionRules,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Short code used everywhere else in the file, for example `"USA"`.
    pub code: String,
    /// Name as it appears on the nameplate: `"United States"`.
    pub name: String,
    pub seat: Seat,
    /// Political groups: `"EU"`, `"Arab Group"`, `"NAM"`, ...
    #[serde(default)]
    pub groups: Vec<String>,
    /// Last year of an elected member's term.
    #[serde(default)]
    pub term_ends: Option<u32>,
    /// The ambassador, for flavour text.
    #[serde(default)]
    pub ambassador: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Seat {
    Permanent,
    Elected,
}

/// One entry of the clause library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub id: String,
    pub part: Part,
    /// A few words for menus and tables: `"Rocket fire from Gaza"`.
    pub topic: String,
    /// Wording variants, weakest first. The index is the wording's strength.
    pub wordings: Vec<Wording>,
    /// The clause can only be used once this event has happened
    /// (one cannot welcome a ceasefire before there is one).
    #[serde(default)]
    pub requires_event: Option<String>,
}

/// Preambular clauses come first in a resolution ("Recalling ...,");
/// operative clauses are numbered ("1. Demands ...;").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Part {
    Preambular,
    Operative,
}

/// One wording of a clause: a verb phrase and its object.
///
/// The verb is written as in an operative clause, third person present
/// (`"calls for"`, `"expresses {its} grave concern at"`); the renderer turns it
/// into `"Calling for"` in a preamble and `"called for"` in a press statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub verb: String,
    pub text: String,
    /// Past tense of the verb phrase, when the automatic one is wrong.
    #[serde(default)]
    pub past: Option<String>,
    /// Gerund of the verb phrase, when the automatic one is wrong.
    #[serde(default)]
    pub gerund: Option<String>,
}

/// What one member wants in this crisis, and how it behaves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delegation {
    /// Code of the member this delegation represents.
    pub member: String,
    /// How much the crisis matters to it, 0 to 1.
    pub salience: f32,
    /// How much it wants the Council to say something at all, -1 to 1
    /// (negative: it would rather the Council stayed silent).
    #[serde(default)]
    pub wants_product: f32,
    #[serde(default)]
    pub personality: Personality,
    /// Clause id to stance: one value for every wording, or one value per
    /// wording (weakest first), each from -1 (rejects) to 1 (wants).
    #[serde(default)]
    pub stances: BTreeMap<String, Vec<f32>>,
    #[serde(default)]
    pub red_lines: Vec<RedLine>,
    /// Only for veto holders: which red lines it vetoes over.
    #[serde(default)]
    pub veto_stance: Option<VetoStance>,
    /// Member code to affinity, -1 (hostile) to 1 (close ally).
    #[serde(default)]
    pub relationships: BTreeMap<String, f32>,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Fixed decisions, for replaying a historical session.
    #[serde(default)]
    pub script: Option<Script>,
    /// Where this delegation's stances come from.
    #[serde(default)]
    pub source: String,
}

/// Character traits, each from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Personality {
    /// How readily it moves toward others and accepts compromise.
    pub flexibility: f32,
    /// How actively it drafts, amends and lobbies.
    pub assertiveness: f32,
    /// How much it fears the political cost of casting a veto.
    pub veto_aversion: f32,
    /// How closely it follows the members of its groups.
    pub group_loyalty: f32,
}

impl Default for Personality {
    fn default() -> Self {
        Self {
            flexibility: 0.5,
            assertiveness: 0.5,
            veto_aversion: 0.5,
            group_loyalty: 0.5,
        }
    }
}

/// A condition a text must meet for this delegation to let it through.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedLine {
    pub id: String,
    /// The product kinds it applies to; empty means every kind.
    #[serde(default)]
    pub products: Vec<ProductKind>,
    pub rule: RedLineRule,
    /// Said in explanations: "the draft does not call for an end to rocket fire".
    pub reason: String,
    /// `true`: over this line the member abstains on a resolution rather
    /// than votes no (an elected member that will not stand in the way; a
    /// veto holder's other lines follow its veto stance).
    #[serde(default)]
    pub abstain: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RedLineRule {
    /// The text must contain at least one of these clauses, each at its
    /// `min_wording` or stronger.
    MustContain { any_of: Vec<ClauseRequirement> },
    /// The text must not contain this clause at `min_wording` or stronger.
    MustNotContain {
        clause: String,
        #[serde(default)]
        min_wording: u32,
    },
}

/// How a permanent member uses its veto.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VetoStance {
    /// Red lines it casts a veto over when a resolution crosses them.
    #[serde(default)]
    pub vetoes: Vec<String>,
    /// Red lines over which it only abstains on a resolution
    /// (it still breaks silence on a statement).
    #[serde(default)]
    pub abstains_on: Vec<String>,
}

/// Something a delegation is trying to achieve; the debrief scores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub description: String,
    pub goal: Goal,
    #[serde(default = "default_points")]
    pub points: u32,
}

fn default_points() -> u32 {
    1
}

/// A requirement on one clause of an adopted text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseRequirement {
    pub clause: String,
    #[serde(default)]
    pub min_wording: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Goal {
    /// The Council adopts a product of one of these kinds (empty: any kind)
    /// containing all the listed clauses, by the given day if any.
    ProductAdopted {
        #[serde(default)]
        kinds: Vec<ProductKind>,
        #[serde(default)]
        with: Vec<ClauseRequirement>,
        #[serde(default)]
        by_day: Option<u32>,
    },
    /// No adopted product of these kinds (empty: any) contains the clause.
    NoProductWith {
        #[serde(default)]
        kinds: Vec<ProductKind>,
        clause: String,
        #[serde(default)]
        min_wording: u32,
    },
    /// Nothing of these kinds (empty: any) is adopted.
    NoProductAdopted {
        #[serde(default)]
        kinds: Vec<ProductKind>,
    },
    /// This draft, in any revision, is adopted.
    DraftAdopted(String),
    /// This draft is never adopted.
    DraftNotAdopted(String),
    /// The delegation ends the game without having cast a veto.
    AvoidVeto,
    /// This draft is put to the vote and wins at least this many votes in
    /// favour, adopted or not: a majority shown in public even against a veto.
    DraftSupported { draft: String, at_least: u32 },
}

/// Decisions fixed by the scenario author, which the AI will not change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    /// Fixed decisions on drafts, in any revision.
    #[serde(default)]
    pub decisions: Vec<ScriptedDecision>,
    /// Stances stay as written: events and lobbying do not move them.
    #[serde(default)]
    pub fixed_stances: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptedDecision {
    pub draft: String,
    pub decision: Decision,
    /// The explanation the delegation gives.
    pub reason: String,
}

/// What a delegation can do with a draft at decision time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Yes,
    No,
    Abstain,
    /// Stays away from the vote: a boycott, as the Soviet Union's in 1950.
    Absent,
    BreakSilence,
    KeepSilence,
}

impl Decision {
    /// The vote it casts, for a draft put to the vote.
    pub fn vote(self) -> Option<crate::rules::Vote> {
        use crate::rules::Vote;
        match self {
            Decision::Yes => Some(Vote::Yes),
            Decision::No => Some(Vote::No),
            Decision::Abstain => Some(Vote::Abstain),
            Decision::Absent => Some(Vote::Absent),
            Decision::BreakSilence | Decision::KeepSilence => None,
        }
    }

    /// Whether it supports the draft (a yes, or silence kept).
    pub fn supports(self) -> bool {
        matches!(self, Decision::Yes | Decision::KeepSilence)
    }
}

/// A draft on the table at the start, or kept in a drawer for a trigger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub id: String,
    pub kind: ProductKind,
    /// `"Draft press statement on Gaza"`.
    pub title: String,
    pub penholder: String,
    #[serde(default)]
    pub sponsors: Vec<String>,
    /// Ordered clauses, each with the index of its wording.
    pub clauses: Vec<(String, u32)>,
    /// The day it is circulated; none means only a trigger tables it.
    #[serde(default)]
    pub circulated_on: Option<u32>,
}

/// News of the crisis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// The morning it may happen; none means only a trigger fires it.
    #[serde(default)]
    pub day: Option<u32>,
    /// Probability that it happens on its day (seeded).
    #[serde(default = "default_chance")]
    pub chance: f32,
    pub headline: String,
    #[serde(default)]
    pub text: String,
    /// Change to the pressure on the Council, -1 to 1.
    #[serde(default)]
    pub urgency: f32,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// The crisis is over: the game ends that evening.
    #[serde(default)]
    pub ends_game: bool,
    /// Words the players hear with the news, from someone outside the
    /// Council's fifteen (a party, a mediator, the Secretary-General).
    #[serde(default)]
    pub voices: Vec<Voice>,
    /// What it sets off in the chamber the moment it happens (the morning),
    /// as a trigger's actions: a ceasefire brings a draft out of the drawer.
    #[serde(default)]
    pub then: Vec<Action>,
}

/// Someone outside the Council speaks: a quotation with the news.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    /// Who speaks, as a label: "Egypt (Ambassador Maged Abdelaziz)".
    pub speaker: String,
    /// What they said, without quotation marks.
    pub words: String,
}

fn default_chance() -> f32 {
    1.0
}

/// How news moves delegations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// Adds `delta` to every wording of the member's stance on the clause.
    ShiftStance {
        member: String,
        clause: String,
        delta: f32,
    },
    /// Adds `delta` to how much the member wants a product at all.
    ShiftWantsProduct { member: String, delta: f32 },
    /// The member drops this red line.
    LiftRedLine { member: String, red_line: String },
    /// Adds `delta` to the member's affinity toward `toward`.
    ShiftRelationship {
        member: String,
        toward: String,
        delta: f32,
    },
}

/// "If this happens, then that": checked every evening, fires once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    pub id: String,
    /// Shown in the record when it fires.
    #[serde(default)]
    pub description: String,
    pub when: Condition,
    pub then: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// It is this day or later.
    FromDay(u32),
    /// By the evening of `by_day`, nothing of these kinds (empty: any) is adopted.
    NoProductAdopted {
        #[serde(default)]
        kinds: Vec<ProductKind>,
        by_day: u32,
    },
    /// Something of these kinds (empty: any) has been adopted.
    ProductAdopted {
        #[serde(default)]
        kinds: Vec<ProductKind>,
    },
    /// This draft was blocked: silence broken, or vote failed or vetoed.
    DraftBlocked(String),
    DraftAdopted(String),
    /// This draft has left the drawer: circulated by its penholder or by a
    /// trigger.
    DraftCirculated(String),
    EventHappened(String),
    UrgencyAtLeast(f32),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// Circulate a draft kept in the drawer.
    TableDraft(String),
    /// Put a draft resolution in blue: it can be voted from the next day.
    PutInBlue(String),
    /// Put a draft in blue if needed and have it voted as soon as the rules allow.
    CallVote(String),
    /// Make an event happen the next morning.
    FireEvent(String),
    /// A line in the record and the news ticker.
    Announce(String),
    /// End the game this evening.
    EndGame(String),
    /// A member moves a procedural motion (an open debate, say), voted in
    /// the next decision phase without veto.
    ProposeMotion(String, crate::rules::Motion),
}
