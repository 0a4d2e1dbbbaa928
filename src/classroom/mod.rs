//! The classroom plugin: students play their delegations from their own
//! browsers on the local network, through a `horseshoe_classroom` server.
//!
//! The network is one more controller of seats, beside the keyboard and
//! the AI: a seat played from a device is a human seat of the game whose
//! acts arrive from its page. Each arrives as a [`Command`] with a ticket,
//! goes through the same command handling as a click, and is answered to
//! the page once carried out and journaled. After every change each device
//! seat is sent the [`GameView`] it may know, and the projector's page the
//! room's.

mod address;

use std::collections::HashMap;
use std::sync::Arc;

use bevy::prelude::*;
use horseshoe_classroom::protocol::{Request, Session, ViewMessage};
use horseshoe_classroom::{Classroom, Config, Inbound, Reply};
use horseshoe_core::game::Game;
use horseshoe_core::game::control::TeacherOrder;
use horseshoe_core::model::act::{Act, change_act};
use horseshoe_core::model::state::Controller;
use horseshoe_core::view::{GameView, Reader};

pub use address::lan_address;

use crate::play::autosave::{self, SavedRoom};
use crate::play::{Answered, Command, CurrentGame, TeacherCommand, Turn};

pub fn plugin(app: &mut App) {
    app.init_resource::<ClassSession>().add_systems(
        Update,
        (
            receive.before(Turn::Inputs),
            answer.after(Turn::Inputs),
            publish.after(Turn::Advance),
        )
            .run_if(resource_exists::<Room>),
    );
}

/// The open classroom: its server, and the pages' acts waiting for their
/// answers.
#[derive(Resource)]
pub struct Room {
    pub classroom: Classroom,
    /// `http://192.168.1.20:8080/`: the address students open.
    pub url: String,
    pending: HashMap<u64, Reply>,
    next_ticket: u64,
    /// Set when something the pages show besides the game changed.
    dirty: bool,
}

/// The class around the game, for the pages: the teacher's timer and pause.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct ClassSession {
    pub countdown: Option<u64>,
    pub paused: bool,
}

/// Opens the classroom on `port` (0 for any) with these seats on devices,
/// or as a resumed save left it; `waker` is called when a page sends
/// something (the window wakes up, a server's loop looks).
pub fn open(
    world: &mut World,
    port: u16,
    devices: &[usize],
    waker: Arc<dyn Fn() + Send + Sync>,
) -> std::io::Result<()> {
    let Some(game) = world.get_resource::<CurrentGame>() else {
        return Err(std::io::Error::other("no game to open a classroom for"));
    };
    let members = game
        .scenario()
        .members
        .iter()
        .map(|m| (m.code.clone(), m.name.clone()))
        .collect();
    let seats = game.seat_count();
    let saved = world.get_resource::<SavedRoom>().map(|r| r.0.clone());
    let classroom = Classroom::start(Config {
        port,
        seats,
        members,
        room: saved,
        waker,
    })?;
    for &seat in devices {
        classroom
            .room()
            .to_device(seat)
            .map_err(std::io::Error::other)?;
    }
    let url = format!("http://{}:{}/", lan_address(), classroom.addr.port());
    let room = classroom.room().save();
    world.insert_resource(Room {
        classroom,
        url,
        pending: HashMap::new(),
        next_ticket: 1,
        dirty: true,
    });
    autosave::room_changed(world, room);
    Ok(())
}

/// Closes the classroom (the game goes on without it).
pub fn close(world: &mut World) {
    world.remove_resource::<Room>();
}

/// Who plays a seat, as the teacher switches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hands {
    Ai,
    /// A student at the host's keyboard (hot seat).
    Keyboard,
    /// A student on a device.
    Device,
}

/// Gives a seat to the AI, the keyboard or a device, at any moment.
pub fn set_hands(world: &mut World, seat: usize, hands: Hands) -> std::io::Result<()> {
    if let Some(mut room) = world.get_resource_mut::<Room>() {
        let changed = {
            let mut r = room.classroom.room();
            match hands {
                Hands::Device => r.to_device(seat).map_err(std::io::Error::other)?,
                _ => r.off_device(seat),
            }
            r.save()
        };
        room.classroom.room_changed();
        room.dirty = true;
        autosave::room_changed(world, changed);
    } else if hands == Hands::Device {
        return Err(std::io::Error::other("the classroom is not open"));
    }
    let controller = match hands {
        Hands::Ai => Controller::Ai,
        Hands::Keyboard | Hands::Device => Controller::Human,
    };
    world.write_message(TeacherCommand(TeacherOrder::SetController {
        seat,
        controller,
    }));
    Ok(())
}

/// A new code (and token) for a seat: the old ones stop working.
pub fn new_code(world: &mut World, seat: usize) -> std::io::Result<()> {
    room_change(world, |r| r.new_code(seat).map_err(std::io::Error::other))
}

/// Locks or unlocks the room: a locked room takes no new code.
pub fn lock(world: &mut World, locked: bool) -> std::io::Result<()> {
    room_change(world, |r| {
        r.set_locked(locked);
        Ok(())
    })
}

fn room_change(
    world: &mut World,
    change: impl FnOnce(&mut horseshoe_classroom::room::Room) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let Some(mut room) = world.get_resource_mut::<Room>() else {
        return Ok(());
    };
    let saved = {
        let mut r = room.classroom.room();
        change(&mut r)?;
        r.save()
    };
    room.classroom.room_changed();
    room.dirty = true;
    autosave::room_changed(world, saved);
    Ok(())
}

/// Seats played from devices now.
pub fn device_seats(room: Option<&Room>) -> Vec<usize> {
    room.map(|r| r.classroom.room().devices().collect())
        .unwrap_or_default()
}

/// The pages' acts become commands with tickets, as any controller's.
fn receive(game: Res<CurrentGame>, mut room: ResMut<Room>, mut commands: MessageWriter<Command>) {
    for inbound in room.classroom.receive() {
        let Inbound::Act {
            seat,
            request,
            reply,
        } = inbound
        else {
            room.dirty = true;
            continue;
        };
        if !room.classroom.room().on_device(seat) {
            let _ = reply.send(Err("your delegation is not played from a device now".into()));
            continue;
        }
        let Some(act) = act_of(&game, seat, request) else {
            let _ = reply.send(Err("that change does not fit the text".into()));
            continue;
        };
        let ticket = room.next_ticket;
        room.next_ticket += 1;
        room.pending.insert(ticket, reply);
        commands.write(Command {
            seat,
            act,
            ticket: Some(ticket),
        });
    }
}

/// The act a page's request means: as sent, or for a change to a clause,
/// the revision or the amendment that the window's button would make.
fn act_of(game: &Game, seat: usize, request: Request) -> Option<Act> {
    match request {
        Request::Act(act) => Some(act),
        Request::Change { draft, change } => {
            let d = game.table().drafts.get(draft)?;
            let parts = &game.scenario().parts;
            change_act(seat, draft, d.penholder, d.text(), change, parts)
        }
    }
}

/// Each page's act answered, once carried out and journaled.
fn answer(mut room: ResMut<Room>, mut answers: MessageReader<Answered>) {
    for a in answers.read() {
        let Some(reply) = a.ticket.and_then(|t| room.pending.remove(&t)) else {
            continue;
        };
        let _ = reply.send(a.result.clone().map_err(|e| e.to_string()));
    }
}

/// After a change, each device seat's view and the room's.
fn publish(game: Res<CurrentGame>, session: Res<ClassSession>, mut room: ResMut<Room>) {
    if !(game.is_changed() || session.is_changed() || room.dirty) {
        return;
    }
    room.dirty = false;
    let connected = room.classroom.connected();
    let seats: Vec<(usize, bool)> = {
        let r = room.classroom.room();
        (0..r.seat_count())
            .filter_map(|s| r.access(s).map(|_| (s, r.on_device(s))))
            .collect()
    };
    let message = |view: GameView, on_device: bool| {
        let session = Session {
            countdown: session.countdown,
            paused: session.paused,
            on_device,
            connected: connected.clone(),
        };
        serde_json::to_string(&ViewMessage::new(view, session)).unwrap_or_default()
    };
    for (seat, on_device) in seats {
        let view = GameView::of(&game, Reader::Delegation(seat));
        room.classroom.publish_seat(seat, &message(view, on_device));
    }
    let view = GameView::of(&game, Reader::Room);
    room.classroom.publish_room(&message(view, false));
}
