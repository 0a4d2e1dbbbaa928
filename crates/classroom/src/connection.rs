//! One page's connection: it says who it is (a code, a token, or the
//! projector watching), then sends acts and receives its seat's views until
//! it leaves, a newer connection takes its seat, or its token stops
//! working. Nothing a page sends can stop the server: a bad message gets an
//! error answer and the connection goes on.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::ws::{Message, WebSocket};
use futures_util::StreamExt;
use futures_util::stream::{SplitSink, SplitStream};
use tokio::sync::watch;

use crate::protocol::{ClientMessage, Request, ServerMessage};
use crate::room::Denied;
use crate::shared::{
    BURST, FLOOD, HELLO_SECONDS, Link, MAX_MESSAGE, PER_SECOND, Slot, parse, send, text,
};

type Sink = SplitSink<WebSocket, Message>;
type Stream = SplitStream<WebSocket>;

/// Who a connection is, once it has said so.
enum Who {
    Seat { seat: usize, token: String },
    Room,
}

pub(crate) async fn run(socket: WebSocket, from: IpAddr, slot: Slot) {
    // The slot counts this connection until it ends.
    let link = slot.link();
    let (mut sink, mut stream) = socket.split();
    let hello = tokio::time::timeout(
        Duration::from_secs(HELLO_SECONDS),
        hello(&link, &mut sink, &mut stream, from),
    )
    .await;
    match hello {
        Ok(Some(Who::Seat { seat, token })) => {
            serve_seat(&link, sink, stream, seat, token).await;
            link.release(seat);
        }
        Ok(Some(Who::Room)) => watch_room(&link, sink, stream).await,
        _ => {}
    }
}

/// Reads messages until one says who the page is.
async fn hello(link: &Link, sink: &mut Sink, stream: &mut Stream, from: IpAddr) -> Option<Who> {
    let mut limiter = Limiter::new();
    while let Some(Ok(message)) = stream.next().await {
        let Some(body) = body(message) else { continue };
        if !limiter.allow() {
            if limiter.flooding() {
                return None;
            }
            let message = "too many messages: slow down".to_string();
            send(sink, text(&ServerMessage::Error { message })).await;
            continue;
        }
        let who = match parse(&body) {
            Ok(ClientMessage::Join { code }) => {
                // Guessing is slowed: each wrong code waits longer.
                tokio::time::sleep(link.join_delay(from)).await;
                link.join(from, &code)
                    .map(|(seat, token)| Who::Seat { seat, token })
            }
            Ok(ClientMessage::Resume { token }) => {
                link.resume(&token).map(|seat| Who::Seat { seat, token })
            }
            Ok(ClientMessage::Watch) => Ok(Who::Room),
            Ok(ClientMessage::Ping) => {
                send(sink, text(&ServerMessage::Pong)).await;
                continue;
            }
            Ok(ClientMessage::Act { .. } | ClientMessage::Change { .. }) => {
                let message = "join with your code first".to_string();
                send(sink, text(&ServerMessage::Error { message })).await;
                continue;
            }
            Err(message) => {
                send(sink, text(&ServerMessage::Error { message })).await;
                continue;
            }
        };
        match who {
            Ok(who) => return Some(who),
            Err(denied) => {
                send(sink, text(&denial(&denied))).await;
            }
        }
    }
    None
}

/// A seat's connection: its views out, its acts in.
async fn serve_seat(link: &Link, mut sink: Sink, mut stream: Stream, seat: usize, token: String) {
    let id = link.next_id();
    let mut holder = link.hold(seat, id);
    let mut views = link.seat_view(seat);
    let mut room = link.room_changes();
    let (member, name) = link.member(seat);
    let welcome = ServerMessage::Welcome {
        token: token.clone(),
        seat,
        member,
        name,
    };
    if !send(&mut sink, text(&welcome)).await || !send_view(&mut sink, &mut views).await {
        return;
    }
    let mut limiter = Limiter::new();
    loop {
        tokio::select! {
            incoming = stream.next() => {
                let Some(Ok(message)) = incoming else {
                    // Gone, or a message too big to read: say so and close.
                    let message = format!("messages are limited to {MAX_MESSAGE} bytes");
                    send(&mut sink, text(&ServerMessage::Error { message })).await;
                    return;
                };
                if let Message::Close(_) = message {
                    return;
                }
                let Some(body) = body(message) else { continue };
                if !limiter.allow() {
                    if limiter.flooding() {
                        return;
                    }
                    let message = "too many messages: slow down".to_string();
                    send(&mut sink, text(&ServerMessage::Error { message })).await;
                    continue;
                }
                let answer = match parse(&body) {
                    Ok(ClientMessage::Act { id, act }) => {
                        answer(id, link.act(seat, Request::Act(act)).await)
                    }
                    Ok(ClientMessage::Change { id, draft, change }) => {
                        answer(id, link.act(seat, Request::Change { draft, change }).await)
                    }
                    Ok(ClientMessage::Ping) => ServerMessage::Pong,
                    Ok(_) => ServerMessage::Error {
                        message: "already joined".to_string(),
                    },
                    Err(message) => ServerMessage::Error { message },
                };
                if !send(&mut sink, text(&answer)).await {
                    return;
                }
            }
            changed = views.changed() => {
                if changed.is_err() || !send_view(&mut sink, &mut views).await {
                    return;
                }
            }
            changed = holder.changed() => {
                if changed.is_err() || *holder.borrow_and_update() != id {
                    send(&mut sink, text(&ServerMessage::Replaced)).await;
                    return;
                }
            }
            changed = room.changed() => {
                room.borrow_and_update();
                let still = link.resume(&token);
                if changed.is_err() || still != Ok(seat) {
                    let message = match still {
                        Err(denied) => denial(&denied),
                        Ok(_) => ServerMessage::Denied {
                            reason: "your seat changed".to_string(),
                            retry: false,
                        },
                    };
                    send(&mut sink, text(&message)).await;
                    return;
                }
            }
        }
    }
}

/// The projector's connection: the room's view, nothing else.
async fn watch_room(link: &Link, mut sink: Sink, mut stream: Stream) {
    let mut views = link.room_view();
    if !send(&mut sink, text(&ServerMessage::Watching)).await
        || !send_view(&mut sink, &mut views).await
    {
        return;
    }
    loop {
        tokio::select! {
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => {}
            },
            changed = views.changed() => {
                if changed.is_err() || !send_view(&mut sink, &mut views).await {
                    return;
                }
            }
        }
    }
}

fn answer(id: u64, result: Result<(), String>) -> ServerMessage {
    let (ok, error) = match result {
        Ok(()) => (true, None),
        Err(e) => (false, Some(e)),
    };
    ServerMessage::Answer { id, ok, error }
}

fn denial(denied: &Denied) -> ServerMessage {
    ServerMessage::Denied {
        reason: denied.to_string(),
        retry: matches!(denied, Denied::NotOnDevice | Denied::LockedOut { .. }),
    }
}

/// Sends the latest view, if there is one yet.
async fn send_view(sink: &mut Sink, views: &mut watch::Receiver<Arc<str>>) -> bool {
    let view = views.borrow_and_update().clone();
    if view.is_empty() {
        return true;
    }
    send(sink, Message::Text(view.to_string().into())).await
}

/// The text of a message; binary, ping and pong frames carry none.
fn body(message: Message) -> Option<String> {
    match message {
        Message::Text(t) => Some(t.to_string()),
        _ => None,
    }
}

/// A token bucket: a burst, then a steady rate.
struct Limiter {
    tokens: f64,
    last: Instant,
    over: u32,
}

impl Limiter {
    fn new() -> Limiter {
        Limiter {
            tokens: BURST,
            last: Instant::now(),
            over: 0,
        }
    }

    fn allow(&mut self) -> bool {
        let now = Instant::now();
        let refill = now.duration_since(self.last).as_secs_f64() * PER_SECOND;
        self.tokens = (self.tokens + refill).min(BURST);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            self.over = 0;
            true
        } else {
            self.over += 1;
            false
        }
    }

    /// Far over the rate for long: the connection is closed.
    fn flooding(&self) -> bool {
        self.over >= FLOOD
    }
}
