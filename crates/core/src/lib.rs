//! Horseshoe's game without a window: everything that does not need Bevy.
//!
//! Layers, each using only those above it:
//! - [`rules`]: the Council's decision rules (Charter article 27, amendment
//!   order) and voting power, as plain functions;
//! - [`scenario`]: the RON scenario format, loading, validation and
//!   diagnostics with `file:line:column`;
//! - [`text`]: clauses rendered as UN-style text;
//! - [`model`]: the game's data (compiled scenario, drafts, acts, each
//!   delegation's disposition, clock, crisis, decision queue, record, scoring);
//! - [`ai`]: how AI delegations judge a text and what they do, with reasons;
//! - [`game`]: a [`game::Game`] in progress and every move that changes it:
//!   the acts of delegations, the phases of a day, decisions, news, the
//!   teacher's orders;
//! - [`save`]: a game written to a file and read back, and [`journal`]: the
//!   inputs accepted since, so that a crash loses nothing;
//! - [`narration`]: record entries in sentences, and who may see each;
//! - [`view`]: what one reader (a delegation, the room, the teacher) may
//!   know of a game, as plain data for a screen or a browser.
//!
//! The game's one random generator is seeded and held in the [`game::Game`]:
//! the same scenario, seed and inputs give the same game, byte for byte.

pub mod ai;
pub mod game;
pub mod journal;
pub mod model;
pub mod narration;
pub mod rules;
pub mod save;
pub mod scenario;
pub mod text;
pub mod view;
