//! The state of a game in progress: each delegation's disposition, the
//! clock, the crisis, the drafts on the table and what the Council has done.
//! A [`crate::game::Game`] holds one of each.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use serde::{Deserialize, Serialize};

use super::compiled::{CompiledScenario, DraftId, SeatId};
use super::draft::{AmendmentState, DraftState, DraftStatus, MotionState, MotionStatus, Text};
use super::record::PhaseName;
use crate::rules::ProductKind;
use crate::scenario::Personality;

/// How far each game moves a delegation's flexibility, assertiveness and
/// aversion to the veto from the scenario's, at most, either way.
pub const VARIATION: f32 = 0.15;

/// How far each game moves a delegation's stance on each wording from the
/// scenario's, at most, either way.
pub const STANCE_VARIATION: f32 = 0.1;

/// Who decides for a delegation. Both go through the same [`super::act::Act`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Controller {
    Ai,
    Human,
}

/// Actions left today in the corridors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPoints {
    pub left: u32,
    pub per_day: u32,
}

/// Which human delegations have finished their turn in the current phase.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turns {
    pub done: Vec<bool>,
}

/// A promise to support a draft, given to a delegation for the text as it
/// stood: a revision that makes the text worse for the promiser frees it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub draft: DraftId,
    pub to: SeatId,
    /// The version of the draft it was given for (1 is the first; saves
    /// from before promises were tied to a text read 0: the first).
    #[serde(default)]
    pub version: usize,
}

/// What a delegation wants and how it feels about the others: the scenario's
/// starting point, moved by events, lobbying and trades.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disposition {
    pub salience: f32,
    pub wants_product: f32,
    pub personality: Personality,
    /// `stances[clause][wording]`.
    pub stances: Vec<Vec<f32>>,
    /// Red lines still held (an event can lift one).
    pub red_line_active: Vec<bool>,
    /// Affinity toward each seat.
    pub relationships: Vec<f32>,
    /// Favours this delegation owes each seat: it remembers who helped it.
    pub goodwill: Vec<f32>,
    /// Promises of support it has given.
    pub commitments: Vec<Commitment>,
    /// Public pressure from others' remarks to the press: raises the cost of blocking.
    pub pressure: f32,
    /// How far off this delegation reads each other's position (seeded per game).
    pub misread: Vec<f32>,
}

impl Disposition {
    /// The scenario's starting disposition for a seat, with seeded misreadings.
    pub fn new(sc: &CompiledScenario, seat: SeatId, rng: &mut impl rand::Rng) -> Self {
        let mut d = Disposition::blank();
        d.reset(sc, seat, rng);
        d
    }

    /// A disposition with nothing in it, for [`Self::reset`] to fill.
    pub fn blank() -> Self {
        Disposition {
            salience: 0.0,
            wants_product: 0.0,
            personality: Personality::default(),
            stances: Vec::new(),
            red_line_active: Vec::new(),
            relationships: Vec::new(),
            goodwill: Vec::new(),
            commitments: Vec::new(),
            pressure: 0.0,
            misread: Vec::new(),
        }
    }

    /// Makes this the scenario's starting disposition for a seat, as
    /// [`Self::new`] would, in the buffers it already has (a world playing
    /// game after game keeps them).
    pub fn reset(&mut self, sc: &CompiledScenario, seat: SeatId, rng: &mut impl rand::Rng) {
        use rand::RngExt;
        let spec = &sc.delegations[seat];
        let n = sc.seat_count();
        // Perceptive delegations (the flexible, who listen) misread less.
        let spread = 0.25 * (1.0 - 0.5 * spec.personality.flexibility);
        self.misread.clear();
        self.misread.extend((0..n).map(|other| {
            if other == seat {
                0.0
            } else {
                (rng.random::<f32>() * 2.0 - 1.0) * spread
            }
        }));
        // Each game, the delegations' characters vary a little around the
        // scenario's (ambassadors have their days): games differ, while the
        // scenario's stances keep the historical shape. Group loyalty stays
        // as written: the blended values every game starts from rest on it.
        let mut vary = |v: f32| (v + (rng.random::<f32>() * 2.0 - 1.0) * VARIATION).clamp(0.0, 1.0);
        self.personality = Personality {
            flexibility: vary(spec.personality.flexibility),
            assertiveness: vary(spec.personality.assertiveness),
            veto_aversion: vary(spec.personality.veto_aversion),
            group_loyalty: spec.personality.group_loyalty,
        };
        self.salience = spec.salience;
        self.wants_product = spec.wants_product;
        self.stances.clone_from(&spec.stances);
        // A delegation whose script fixes its stances keeps them as written.
        if !spec.fixed_stances {
            for wordings in &mut self.stances {
                for v in wordings.iter_mut() {
                    *v = (*v + (rng.random::<f32>() * 2.0 - 1.0) * STANCE_VARIATION)
                        .clamp(-1.0, 1.0);
                }
            }
        }
        self.red_line_active.clear();
        self.red_line_active.resize(spec.red_lines.len(), true);
        self.relationships.clone_from(&spec.relationships);
        self.goodwill.clear();
        self.goodwill.resize(n, 0.0);
        self.commitments.clear();
        self.pressure = 0.0;
    }

    /// The extra value a promise of support adds to a draft.
    #[inline]
    pub fn commitment(&self, draft: DraftId) -> f32 {
        if self.commitments.iter().any(|c| c.draft == draft) {
            0.8
        } else {
            0.0
        }
    }
}

/// Day of the crisis and whether the game is over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clock {
    pub day: u32,
    pub days: u32,
    pub phase: PhaseName,
    /// Why the game ended, once it has.
    pub over: Option<String>,
    /// Set by an event or trigger: the game ends this evening.
    pub ending: Option<String>,
}

/// The state of the crisis: pressure on the Council and what has happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Crisis {
    pub urgency: f32,
    pub events_happened: Vec<bool>,
    /// Events a trigger scheduled for the next morning.
    pub events_queued: Vec<usize>,
    pub triggers_fired: Vec<bool>,
}

/// The drafts, in the scenario's order (its [`DraftId`]s), plus any new ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub drafts: Vec<DraftState>,
    next_amendment: usize,
    /// Procedural motions, in the order they were made.
    #[serde(default)]
    pub motions: Vec<MotionState>,
}

impl Table {
    pub fn new(sc: &CompiledScenario) -> Self {
        let drafts = sc
            .drafts
            .iter()
            .enumerate()
            .map(|(i, d)| DraftState {
                id: i,
                code: d.id.clone(),
                title: d.title.clone(),
                penholder: d.penholder,
                sponsors: d.sponsors.clone(),
                status: DraftStatus::InDrawer,
                versions: vec![Text {
                    kind: d.kind,
                    clauses: d.clauses.clone(),
                }],
                amendments: Vec::new(),
                vote_requested: false,
                silence_attempts: 0,
                circulated_day: None,
            })
            .collect();
        Table {
            drafts,
            next_amendment: 1,
            motions: Vec::new(),
        }
    }

    pub fn next_amendment_id(&mut self) -> usize {
        let id = self.next_amendment;
        self.next_amendment += 1;
        id
    }

    /// What the record calls a draft.
    pub fn code(&self, draft: DraftId) -> String {
        self.drafts
            .get(draft)
            .map(|d| d.code.clone())
            .unwrap_or_else(|| format!("draft-{draft}"))
    }

    /// Drafts still open to negotiation or decision.
    pub fn live(&self) -> impl Iterator<Item = &DraftState> {
        self.drafts.iter().filter(|d| d.status.is_live())
    }

    /// A motion of this kind waits for today's decision.
    pub fn motion_pending(&self, motion: crate::rules::Motion) -> bool {
        self.motions
            .iter()
            .any(|m| m.motion == motion && m.status == MotionStatus::Proposed)
    }

    /// Amendments waiting for a penholder's answer.
    pub fn pending_amendments(&self) -> impl Iterator<Item = (DraftId, usize)> + '_ {
        self.drafts.iter().flat_map(|d| {
            d.amendments
                .iter()
                .filter(|a| a.state == AmendmentState::Proposed)
                .map(move |a| (d.id, a.id))
        })
    }
}

/// What the Council has done, for triggers and objectives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub adopted: Vec<AdoptedProduct>,
    pub blocked: Vec<DraftId>,
    /// Seats that cast a veto, once per veto.
    pub vetoes: Vec<SeatId>,
    /// The votes in favour of each draft at its last vote.
    #[serde(default)]
    pub support: Vec<(DraftId, u32)>,
    /// Decisive moments so far, for the debrief.
    #[serde(default)]
    pub turning_points: Vec<super::record::TurningPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdoptedProduct {
    pub draft: DraftId,
    pub kind: ProductKind,
    pub day: u32,
    pub text: Text,
}

impl History {
    pub fn adopted_of(&self, kinds: &[ProductKind]) -> impl Iterator<Item = &AdoptedProduct> {
        self.adopted
            .iter()
            .filter(move |p| kinds.is_empty() || kinds.contains(&p.kind))
    }
}

/// The game's one random generator: seeded, so the same seed and inputs give
/// the same game. Serialisable, so a save resumes the same sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GameRng(pub Pcg64Mcg);

impl GameRng {
    pub fn seeded(seed: u64) -> Self {
        GameRng(Pcg64Mcg::seed_from_u64(seed))
    }
}
