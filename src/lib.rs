//! Horseshoe: a UN Security Council simulation.
//!
//! The crate is layered so that the rules never depend on the screen:
//! - [`rules`]: the Council's decision rules and voting power, plain functions;
//! - [`scenario`]: the RON scenario format, loading and validation;
//! - [`text`]: drafts rendered as UN-style text;
//! - [`ai`]: how AI delegations judge texts and act, plain functions;
//! - [`game`]: the headless Bevy plugin that plays a scenario day by day;
//! - [`sim`]: batches of AI-only games and their outcome statistics;
//! - [`export`]: a game's record as a Markdown or HTML document;
//! - [`storage`]: where saves and exports go on this computer;
//! - [`ui`]: the game window, on top of the game plugin;
//! - [`cli`]: the `horseshoe` command line.

pub mod ai;
pub mod cli;
pub mod export;
pub mod game;
pub mod rules;
pub mod scenario;
pub mod sim;
pub mod storage;
pub mod text;
pub mod ui;
