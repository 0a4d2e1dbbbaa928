//! Horseshoe's classroom on the local network: students play their
//! delegations from their own browsers.
//!
//! - [`codes`]: join codes and resume tokens, from the operating system's
//!   randomness;
//! - [`room`]: who may sit where, the room's lock, and limits on guessing;
//! - [`protocol`]: the messages between a page and the game (JSON over a
//!   WebSocket);
//! - [`server`]: the HTTP and WebSocket server (axum on tokio, on a thread
//!   of its own), and [`Classroom`], the game's side of it: acts come in
//!   through a channel, views go out per seat;
//! - `shared`: what the server's side and the connections share, and the
//!   limits on connections and messages;
//! - `connection`: one page's connection, with its limits;
//! - `assets`: the page itself, from the top-level `assets/` folder.
//!
//! No Bevy here: the game plugin bridges a [`Classroom`] to a game.

mod assets;
pub mod codes;
mod connection;
pub mod protocol;
pub mod room;
pub mod server;
mod shared;

pub use server::{Classroom, Config};
pub use shared::{Inbound, Reply};
