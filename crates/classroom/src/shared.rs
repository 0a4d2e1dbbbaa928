//! What the server's side and the connections share: the room, the views,
//! who holds each seat, the limits, and the way to the game ([`Link`]).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::time::Instant;

use axum::extract::ws::{Message, WebSocket};
use futures_util::SinkExt;
use tokio::sync::{oneshot, watch};

use crate::protocol::{ClientMessage, Request, ServerMessage};
use crate::room::{Denied, Room};

/// The largest message a page may send.
pub const MAX_MESSAGE: usize = 16 * 1024;
/// Connections at once, and from one address.
pub const MAX_CONNECTIONS: usize = 256;
pub const MAX_PER_ADDRESS: usize = 64;
/// Messages a connection may send in a burst, and per second after it.
pub const BURST: f64 = 20.0;
pub const PER_SECOND: f64 = 10.0;
/// Messages over the rate in a row before the connection is closed.
pub const FLOOD: u32 = 100;
/// Seconds a new connection has to say who it is.
pub const HELLO_SECONDS: u64 = 30;

/// The answer the game gives a page's act: carried out (and saved), or
/// why not.
pub type Reply = oneshot::Sender<Result<(), String>>;

/// What comes from the classroom to the game.
#[derive(Debug)]
pub enum Inbound {
    /// A seat's act, to be answered.
    Act {
        seat: usize,
        request: Request,
        reply: Reply,
    },
    /// A seat's students connected or left.
    Presence,
}

/// What both sides share.
pub(crate) struct Shared {
    pub(crate) room: Mutex<Room>,
    pub(crate) members: Vec<(String, String)>,
    pub(crate) to_game: Mutex<mpsc::Sender<Inbound>>,
    pub(crate) waker: Arc<dyn Fn() + Send + Sync>,
    /// The latest view of each seat, and of the room, as message text.
    pub(crate) seat_views: Vec<watch::Sender<Arc<str>>>,
    pub(crate) room_view: watch::Sender<Arc<str>>,
    /// Per seat: the connection that holds it (the newest wins).
    pub(crate) holders: Vec<watch::Sender<u64>>,
    /// Raised when codes, tokens or devices change: connections check
    /// their token again.
    pub(crate) room_changes: watch::Sender<u64>,
    pub(crate) connected: Vec<AtomicUsize>,
    pub(crate) connections: AtomicUsize,
    pub(crate) per_address: Mutex<HashMap<IpAddr, usize>>,
    pub(crate) next_id: AtomicU64,
}

/// A mutex whose holder panicked is still usable: the data is plain.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Counts a connection for its address while it lives.
pub(crate) struct Slot {
    pub(crate) shared: Arc<Shared>,
    pub(crate) from: IpAddr,
}

impl Slot {
    pub(crate) fn link(&self) -> Link {
        Link::new(self.shared.clone())
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.shared.connections.fetch_sub(1, Ordering::Relaxed);
        let mut per = lock(&self.shared.per_address);
        if let Some(n) = per.get_mut(&self.from) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                per.remove(&self.from);
            }
        }
    }
}

/// What a connection needs of the shared state (see [`crate::connection`]).
pub(crate) struct Link {
    shared: Arc<Shared>,
}

impl Link {
    pub(crate) fn new(shared: Arc<Shared>) -> Link {
        Link { shared }
    }

    pub(crate) fn next_id(&self) -> u64 {
        self.shared.next_id.fetch_add(1, Ordering::Relaxed)
    }

    pub(crate) fn member(&self, seat: usize) -> (String, String) {
        self.shared.members.get(seat).cloned().unwrap_or_default()
    }

    pub(crate) fn join(&self, from: IpAddr, code: &str) -> Result<(usize, String), Denied> {
        lock(&self.shared.room).join(from, code, Instant::now())
    }

    pub(crate) fn join_delay(&self, from: IpAddr) -> std::time::Duration {
        lock(&self.shared.room).delay_for(from)
    }

    pub(crate) fn resume(&self, token: &str) -> Result<usize, Denied> {
        lock(&self.shared.room).resume(token)
    }

    pub(crate) fn seat_view(&self, seat: usize) -> watch::Receiver<Arc<str>> {
        self.shared.seat_views[seat].subscribe()
    }

    pub(crate) fn room_view(&self) -> watch::Receiver<Arc<str>> {
        self.shared.room_view.subscribe()
    }

    pub(crate) fn room_changes(&self) -> watch::Receiver<u64> {
        self.shared.room_changes.subscribe()
    }

    /// Takes the seat for connection `id`: older connections see it go.
    pub(crate) fn hold(&self, seat: usize, id: u64) -> watch::Receiver<u64> {
        let holder = &self.shared.holders[seat];
        holder.send_replace(id);
        self.shared.connected[seat].fetch_add(1, Ordering::Relaxed);
        self.tell_game(Inbound::Presence);
        holder.subscribe()
    }

    pub(crate) fn release(&self, seat: usize) {
        self.shared.connected[seat].fetch_sub(1, Ordering::Relaxed);
        self.tell_game(Inbound::Presence);
    }

    /// Sends an act to the game and waits for its answer.
    pub(crate) async fn act(&self, seat: usize, request: Request) -> Result<(), String> {
        let (reply, answer) = oneshot::channel();
        self.tell_game(Inbound::Act {
            seat,
            request,
            reply,
        });
        answer
            .await
            .unwrap_or_else(|_| Err("the game is not running".to_string()))
    }

    fn tell_game(&self, message: Inbound) {
        let _ = lock(&self.shared.to_game).send(message);
        (self.shared.waker)();
    }
}

/// Encodes a server message.
pub(crate) fn text(message: &ServerMessage) -> Message {
    Message::Text(
        serde_json::to_string(message)
            .unwrap_or_else(|_| r#"{"type":"error","message":"encoding"}"#.to_string())
            .into(),
    )
}

/// Sends a message, whether or not the page is still there.
pub(crate) async fn send(
    sink: &mut futures_util::stream::SplitSink<WebSocket, Message>,
    message: Message,
) -> bool {
    sink.send(message).await.is_ok()
}

pub(crate) fn parse(bytes: &str) -> Result<ClientMessage, String> {
    serde_json::from_str(bytes).map_err(|e| format!("not a message: {e}"))
}
