//! The messages between a student's page and the game, as JSON text over
//! one WebSocket (`/ws`). `docs/protocol.md` describes them for readers.
//!
//! The page speaks first: `join` with a code or `resume` with a token (or
//! `watch` for the projector's room view). From then on the seat is the
//! token's: no message names one. The game answers every `act` by its `id`,
//! and sends a `view` whenever what the seat may know changes.

use horseshoe_core::model::act::Act;
use horseshoe_core::model::compiled::DraftId;
use horseshoe_core::model::draft::Change;
use horseshoe_core::view::GameView;
use serde::{Deserialize, Serialize};

/// What a page sends.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientMessage {
    /// The first time: the code the teacher gave the team.
    Join { code: String },
    /// Coming back: the token the page was given.
    Resume { token: String },
    /// The projector: the whole room's view, no seat.
    Watch,
    /// An act or decision of the seat, answered by `id`.
    Act { id: u64, act: Act },
    /// A change to a draft's clause, answered by `id`: the penholder's
    /// revision, or another member's amendment (the game knows which).
    Change {
        id: u64,
        draft: DraftId,
        change: Change,
    },
    /// Keeps the connection alive; answered with `pong`.
    Ping,
}

/// What the game sends a page (besides views, see [`ViewMessage`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage {
    /// Joined or back: keep the token to come back.
    Welcome {
        token: String,
        seat: usize,
        member: String,
        name: String,
    },
    /// Watching the room.
    Watching,
    /// The act `id` was carried out (and saved), or refused with why.
    Answer {
        id: u64,
        ok: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
    /// The message could not be taken (malformed, too big, too many); the
    /// connection stays open.
    Error {
        message: String,
    },
    /// The code or token was not taken; the connection closes. With
    /// `retry`, the same token may work later (the seat is back on a
    /// device, the lockout is over); without, the page needs a new code.
    Denied {
        reason: String,
        retry: bool,
    },
    /// A newer connection took this seat; this one closes.
    Replaced,
    Pong,
}

/// What a page asks of its seat, for the game to carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Act(Act),
    Change { draft: DraftId, change: Change },
}

/// A seat's (or the room's) view, sent whenever it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewMessage {
    /// Always `"view"`.
    #[serde(rename = "type")]
    pub kind: String,
    pub view: GameView,
    pub session: Session,
}

impl ViewMessage {
    pub fn new(view: GameView, session: Session) -> ViewMessage {
        ViewMessage {
            kind: "view".to_string(),
            view,
            session,
        }
    }
}

/// The state of the class around the game.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Seconds left in the phase, when the teacher runs a timer.
    pub countdown: Option<u64>,
    /// The teacher has paused the class.
    pub paused: bool,
    /// For a seat: whether it is played from its device now (else the AI
    /// or the host plays it).
    pub on_device: bool,
    /// Seats whose students are connected now.
    pub connected: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_documented() {
        let m: ClientMessage =
            serde_json::from_str(r#"{"type":"act","id":7,"act":{"Lobby":{"target":3,"draft":0}}}"#)
                .unwrap();
        assert_eq!(
            m,
            ClientMessage::Act {
                id: 7,
                act: Act::Lobby {
                    target: 3,
                    draft: 0
                }
            }
        );
        let end: ClientMessage =
            serde_json::from_str(r#"{"type":"act","id":8,"act":"EndTurn"}"#).unwrap();
        assert_eq!(
            end,
            ClientMessage::Act {
                id: 8,
                act: Act::EndTurn
            }
        );
        // A message may not name a seat: the seat is the token's.
        let other = r#"{"type":"act","id":9,"seat":4,"act":"EndTurn"}"#;
        assert!(serde_json::from_str::<ClientMessage>(other).is_err());
        let answer = ServerMessage::Answer {
            id: 7,
            ok: true,
            error: None,
        };
        assert_eq!(
            serde_json::to_string(&answer).unwrap(),
            r#"{"type":"answer","id":7,"ok":true}"#
        );
    }
}
