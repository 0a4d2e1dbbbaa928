//! The classroom's server: HTTP for the page, a WebSocket per student, on a
//! tokio runtime of its own thread. It never touches the game: acts go to
//! the game's side through a channel ([`Inbound`]), views come back through
//! one watch channel per seat, and a waker tells the game's side to look.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};

use axum::Router;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::serve::ListenerExt;
use horseshoe_core::save::ClassroomSave;
use tokio::sync::{oneshot, watch};

use crate::assets;
use crate::room::Room;
use crate::shared::{Inbound, MAX_CONNECTIONS, MAX_MESSAGE, MAX_PER_ADDRESS, Shared, Slot, lock};

/// How to open a classroom.
pub struct Config {
    /// `0` for any free port.
    pub port: u16,
    pub seats: usize,
    /// Each seat's member code and name, for the welcome.
    pub members: Vec<(String, String)>,
    /// A room as a save left it (codes and tokens kept).
    pub room: Option<ClassroomSave>,
    /// Called whenever something arrives for the game's side.
    pub waker: Arc<dyn Fn() + Send + Sync>,
}

/// The game's side of a running classroom. Dropping it stops the server.
pub struct Classroom {
    /// Where the server listens (all addresses, this port).
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    inbound: Mutex<mpsc::Receiver<Inbound>>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Classroom {
    /// Binds the port and starts serving on a thread of its own.
    pub fn start(config: Config) -> std::io::Result<Classroom> {
        let listener = std::net::TcpListener::bind(("0.0.0.0", config.port))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (to_game, inbound) = mpsc::channel();
        let empty: Arc<str> = Arc::from("");
        let room = match &config.room {
            Some(saved) => Room::restore(saved, config.seats),
            None => Room::new(config.seats),
        };
        let shared = Arc::new(Shared {
            room: Mutex::new(room),
            members: config.members,
            to_game: Mutex::new(to_game),
            waker: config.waker,
            seat_views: (0..config.seats)
                .map(|_| watch::Sender::new(empty.clone()))
                .collect(),
            room_view: watch::Sender::new(empty),
            holders: (0..config.seats).map(|_| watch::Sender::new(0)).collect(),
            room_changes: watch::Sender::new(0),
            connected: (0..config.seats).map(|_| AtomicUsize::new(0)).collect(),
            connections: AtomicUsize::new(0),
            per_address: Mutex::new(Default::default()),
            next_id: AtomicU64::new(1),
        });
        let (stop, stopped) = oneshot::channel();
        let serving = shared.clone();
        let thread = std::thread::Builder::new()
            .name("classroom".into())
            .spawn(move || serve(listener, serving, stopped))?;
        Ok(Classroom {
            addr,
            shared,
            inbound: Mutex::new(inbound),
            shutdown: Some(stop),
            thread: Some(thread),
        })
    }

    /// The room, to read or change codes, devices and the lock. Call
    /// [`Classroom::room_changed`] after a change.
    pub fn room(&self) -> MutexGuard<'_, Room> {
        lock(&self.shared.room)
    }

    /// Connections check their tokens again after a change to the room.
    pub fn room_changed(&self) {
        self.shared.room_changes.send_modify(|g| *g += 1);
    }

    /// What arrived since the last call.
    pub fn receive(&self) -> Vec<Inbound> {
        let inbound = lock(&self.inbound);
        inbound.try_iter().collect()
    }

    /// A seat's view (message text), sent to its page if it changed.
    pub fn publish_seat(&self, seat: usize, text: &str) {
        if let Some(view) = self.shared.seat_views.get(seat) {
            publish(view, text);
        }
    }

    /// The room's view (message text), sent to watching pages if it changed.
    pub fn publish_room(&self, text: &str) {
        publish(&self.shared.room_view, text);
    }

    /// Seats with at least one page connected now.
    pub fn connected(&self) -> Vec<usize> {
        (0..self.shared.connected.len())
            .filter(|&s| self.shared.connected[s].load(Ordering::Relaxed) > 0)
            .collect()
    }
}

impl Drop for Classroom {
    fn drop(&mut self) {
        if let Some(stop) = self.shutdown.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn publish(view: &watch::Sender<Arc<str>>, text: &str) {
    view.send_if_modified(|current| {
        if &**current == text {
            false
        } else {
            *current = Arc::from(text);
            true
        }
    });
}

/// The server's thread: a small runtime, the routes, until stopped.
fn serve(listener: std::net::TcpListener, shared: Arc<Shared>, stopped: oneshot::Receiver<()>) {
    let Ok(runtime) = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    else {
        eprintln!("the classroom could not start its runtime");
        return;
    };
    runtime.block_on(async move {
        let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
            eprintln!("the classroom could not listen");
            return;
        };
        // Views go out at once: without this, a view's last segment waits
        // for the page to acknowledge the one before (Nagle and delayed
        // acknowledgement: about 40 ms).
        let listener = listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let app = Router::new()
            .route("/ws", get(upgrade))
            .merge(assets::routes())
            .with_state(shared);
        let service = app.into_make_service_with_connect_info::<SocketAddr>();
        let _ = axum::serve(listener, service)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await;
    });
}

async fn upgrade(
    ws: WebSocketUpgrade,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    State(shared): State<Arc<Shared>>,
) -> Response {
    let from = peer.ip();
    {
        let mut per = lock(&shared.per_address);
        let here = per.entry(from).or_default();
        if shared.connections.load(Ordering::Relaxed) >= MAX_CONNECTIONS || *here >= MAX_PER_ADDRESS
        {
            return (StatusCode::SERVICE_UNAVAILABLE, "too many connections").into_response();
        }
        *here += 1;
        shared.connections.fetch_add(1, Ordering::Relaxed);
    }
    let slot = Slot {
        shared: shared.clone(),
        from,
    };
    ws.max_message_size(MAX_MESSAGE)
        .max_frame_size(MAX_MESSAGE)
        .on_upgrade(move |socket| crate::connection::run(socket, from, slot))
}
