//! The game's data, without the moves that change it: the compiled
//! scenario, drafts and their texts, the acts a delegation can send, each
//! delegation's disposition, the clock, the crisis, the decision queue, the
//! record and scoring. [`crate::game`] changes it; [`crate::ai`] reads it.

pub mod act;
mod compile;
pub mod compiled;
pub mod decision;
pub mod draft;
pub mod record;
pub mod scoring;
pub mod state;
