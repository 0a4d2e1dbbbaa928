//! Horseshoe: a UN Security Council simulation.
//!
//! The game itself (rules, scenarios, model, AI, saves, narration) is the
//! `horseshoe_core` crate, with no Bevy. This crate plays it:
//! - [`play`]: the Bevy game plugin that drives a game phase by phase,
//!   headless or under the window;
//! - [`classroom`]: students on their own devices, through the
//!   `horseshoe_classroom` server;
//! - [`sim`]: batches of AI-only games and their outcome statistics;
//! - [`export`]: a game's record as a Markdown or HTML document;
//! - [`storage`]: where saves and exports go on this computer;
//! - [`ui`]: the game window, on top of the game plugin;
//! - [`cli`]: the `horseshoe` command line.
//!
//! See ARCHITECTURE.md for the layers and the way of one act through them.

pub mod audit;
pub mod classroom;
pub mod cli;
pub mod export;
pub mod play;
pub mod sim;
pub mod storage;
pub mod ui;
