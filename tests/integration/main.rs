//! Integration tests, gathered in one test binary: every test binary links
//! all of Bevy, and linking is the slowest part of a fresh `cargo test`.

mod audit;
mod browser;
mod classroom;
mod export;
mod game;
mod layout;
mod save;
mod teacher;
mod window;
