//! The classroom in the window: opening the room when a seat is played from
//! a device (or a save had one), waking the window when a page sends
//! something, the teacher's timer and pause passed on to the pages, and the
//! teacher's panel: the address, each seat's code and QR code, new codes,
//! the lock, and who plays each seat. Codes show only in the teacher's
//! window, never on the chamber's room view.

use std::sync::{Arc, Mutex};

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use bevy_egui::egui;
use horseshoe_core::model::state::Controller;

use super::theme;
use crate::classroom::{self, Hands, Room};
use crate::play::CurrentGame;
use crate::play::autosave::SavedRoom;

/// The port a class room opens on, if it is free (else any free port).
pub const PORT: u16 = 8080;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(classroom::plugin)
        .init_resource::<RoomError>();
}

/// Why the room could not open, for the teacher.
#[derive(Resource, Debug, Default, Clone)]
pub struct RoomError(pub Option<String>);

/// Opens the room for these device seats (or as a resumed save left it),
/// on [`PORT`] if free. A failure is shown in the teacher's window.
pub fn open_room(world: &mut World, devices: &[usize]) {
    let waker = waker(world);
    let opened = classroom::open(world, PORT, devices, waker.clone())
        .or_else(|_| classroom::open(world, 0, devices, waker));
    let error = opened
        .err()
        .map(|e| format!("The classroom could not open: {e}"));
    if let Some(e) = &error {
        error!("{e}");
    }
    world.insert_resource(RoomError(error));
}

/// Opens the room of a resumed save that had one.
pub fn reopen_if_saved(world: &mut World) {
    if world.contains_resource::<SavedRoom>() && !world.contains_resource::<Room>() {
        open_room(world, &[]);
    }
}

/// The first seat played from a device, if the room is open.
pub fn first_device(world: &World) -> Option<usize> {
    classroom::device_seats(world.get_resource::<Room>())
        .first()
        .copied()
}

/// Wakes the window's event loop (it sleeps while idle) when a page sends
/// something.
fn waker(world: &World) -> Arc<dyn Fn() + Send + Sync> {
    match world.get_resource::<EventLoopProxyWrapper>() {
        Some(proxy) => {
            let proxy = Mutex::new((**proxy).clone());
            Arc::new(move || {
                if let Ok(proxy) = proxy.lock() {
                    let _ = proxy.send_event(WinitUserEvent::WakeUp);
                }
            })
        }
        None => Arc::new(|| {}),
    }
}

/// What the teacher's classroom panel asks for.
pub enum RoomOrder {
    Hands(usize, Hands),
    NewCode(usize),
    Lock(bool),
}

impl RoomOrder {
    /// Carries out the order (in a command, with the whole world).
    pub fn apply(self, world: &mut World) {
        let result = match self {
            RoomOrder::Hands(seat, hands) => {
                if hands == Hands::Device && !world.contains_resource::<Room>() {
                    open_room(world, &[]);
                }
                classroom::set_hands(world, seat, hands)
            }
            RoomOrder::NewCode(seat) => classroom::new_code(world, seat),
            RoomOrder::Lock(locked) => classroom::lock(world, locked),
        };
        if let Err(e) = result {
            world.insert_resource(RoomError(Some(e.to_string())));
        }
    }
}

/// The teacher's panel: who plays each delegation, and for a class on its
/// devices, the address, the codes, their QR codes and the lock.
pub fn panel(
    ui: &mut egui::Ui,
    game: &CurrentGame,
    room: Option<&Room>,
    error: &RoomError,
    shown_qr: &mut Option<usize>,
    playing: bool,
) -> Vec<RoomOrder> {
    let mut orders = Vec::new();
    let sc = game.scenario();
    if let Some(e) = &error.0 {
        ui.colored_label(theme::RED, e);
    }
    if let Some(room) = room {
        address_and_lock(ui, room, &mut orders);
    }
    let devices = classroom::device_seats(room);
    let connected = room.map(|r| r.classroom.connected()).unwrap_or_default();
    egui::Grid::new("teacher_seats")
        .num_columns(4)
        .spacing(egui::vec2(6.0, 4.0))
        .show(ui, |ui| {
            for seat in 0..sc.seat_count() {
                let hands = if devices.contains(&seat) {
                    Hands::Device
                } else if game.controller(seat) == Controller::Human {
                    Hands::Keyboard
                } else {
                    Hands::Ai
                };
                ui.label(egui::RichText::new(sc.code(seat)).strong())
                    .on_hover_text(sc.name(seat));
                for (label, h) in [
                    ("AI", Hands::Ai),
                    ("Here", Hands::Keyboard),
                    ("Device", Hands::Device),
                ] {
                    let button = egui::Button::selectable(hands == h, label);
                    if ui.add_enabled(playing, button).clicked() && hands != h {
                        orders.push(RoomOrder::Hands(seat, h));
                    }
                }
                ui.end_row();
                if let Some(access) = room.and_then(|r| r.classroom.room().access(seat).cloned())
                    && access.device
                {
                    ui.label("");
                    let code = egui::RichText::new(&access.code)
                        .monospace()
                        .size(theme::BODY + 2.0);
                    ui.label(code);
                    ui.label(if connected.contains(&seat) {
                        egui::RichText::new("connected").color(theme::GREEN)
                    } else {
                        egui::RichText::new("not connected").color(theme::MUTED)
                    });
                    ui.horizontal(|ui| {
                        if ui.button("QR").clicked() {
                            *shown_qr = Some(seat);
                        }
                        if ui
                            .button("New code")
                            .on_hover_text("The old code and the pages that used it stop working")
                            .clicked()
                        {
                            orders.push(RoomOrder::NewCode(seat));
                        }
                    });
                    ui.end_row();
                }
            }
        });
    orders
}

fn address_and_lock(ui: &mut egui::Ui, room: &Room, orders: &mut Vec<RoomOrder>) {
    ui.label(theme::heading("A class on its devices"));
    ui.horizontal_wrapped(|ui| {
        ui.label("Students open");
        ui.label(egui::RichText::new(&room.url).monospace().strong());
        ui.label("and type their code.");
    });
    let locked = room.classroom.room().locked();
    let label = if locked {
        "Unlock the room"
    } else {
        "Lock the room (every team is in)"
    };
    if ui.button(label).clicked() {
        orders.push(RoomOrder::Lock(!locked));
    }
    if locked {
        ui.label(theme::muted(
            "Locked: no new code is taken; students already in come back as before.",
        ));
    }
    ui.separator();
}

/// A seat's QR code: the page's address with its code, to scan.
pub fn qr_window(ctx: &egui::Context, room: &Room, seat: usize, name: &str, open: &mut bool) {
    let Some(access) = room.classroom.room().access(seat).cloned() else {
        *open = false;
        return;
    };
    let url = format!("{}?code={}", room.url, access.code);
    egui::Window::new(format!("{name}: scan to join"))
        .collapsible(false)
        .resizable(false)
        .open(open)
        .show(ctx, |ui| {
            draw_qr(ui, &url, 260.0);
            ui.label(
                egui::RichText::new(&access.code)
                    .monospace()
                    .size(theme::HEADING),
            );
            ui.label(theme::muted(&url));
        });
}

/// Paints a QR code of `text`, `size` points wide, with its quiet zone.
fn draw_qr(ui: &mut egui::Ui, text: &str, size: f32) {
    let Ok(code) = qrcode::QrCode::new(text.as_bytes()) else {
        ui.label("(this address is too long for a QR code)");
        return;
    };
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let cells = width + 2 * quiet;
    let cell = (size / cells as f32).floor().max(1.0);
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(cell * cells as f32, cell * cells as f32),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    for y in 0..width {
        for x in 0..width {
            if colors[y * width + x] == qrcode::Color::Dark {
                let min =
                    rect.min + egui::vec2((x + quiet) as f32 * cell, (y + quiet) as f32 * cell);
                painter.rect_filled(
                    egui::Rect::from_min_size(min, egui::vec2(cell, cell)),
                    0.0,
                    egui::Color32::BLACK,
                );
            }
        }
    }
}
