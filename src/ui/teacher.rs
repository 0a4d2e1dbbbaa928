//! The teacher's controls, behind Ctrl+T (or the in-game menu) so that
//! students do not open them by accident: pause, a timer per phase, end the
//! phase now, news of the scenario or of the teacher's own, and handing a
//! delegation between a student and the AI.
//!
//! Everything that changes the game is sent as a [`TeacherCommand`] and
//! recorded by the game like any act.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use horseshoe_core::game::control::TeacherOrder;

use super::classroom::{self, RoomError};
use super::screens::Screen;
use super::{UiPass, UiUpdate, theme};
use crate::classroom::{ClassSession, Room};
use crate::play::autosave::LastAutosave;
use crate::play::{CurrentGame, GameState, Phase, TeacherCommand};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TeacherDesk>()
        .add_systems(
            EguiPrimaryContextPass,
            teacher_screen
                .run_if(in_state(Screen::Chamber))
                .in_set(UiPass::Overlay),
        )
        .add_systems(Update, run_phase_timer.in_set(UiUpdate::Navigate))
        .add_systems(
            Update,
            pass_on_session
                .run_if(resource_exists::<Room>)
                .in_set(UiUpdate::Follow),
        );
}

/// The game as the teacher's controls read it: everything.
#[derive(SystemParam)]
struct GameView<'w> {
    current: Res<'w, CurrentGame>,
    game: Res<'w, State<GameState>>,
    phase: Option<Res<'w, State<Phase>>>,
    room: Option<Res<'w, Room>>,
    room_error: Res<'w, RoomError>,
}

/// Phase timer choices offered in set-up and in the teacher's window.
pub const TIMER_CHOICES: [Option<u32>; 6] = [None, Some(2), Some(3), Some(5), Some(8), Some(10)];

pub fn timer_label(minutes: Option<u32>) -> String {
    match minutes {
        None => "Off".to_string(),
        Some(m) => format!("{m} min"),
    }
}

#[derive(Resource, Debug, Clone, Default)]
pub struct TeacherDesk {
    /// The teacher's window is open.
    pub open: bool,
    /// The class is paused: the screen is covered and the timer stops.
    pub paused: bool,
    /// Minutes for each phase; when they run out the phase ends.
    pub minutes_per_phase: Option<u32>,
    /// Seconds spent in the current phase, pauses excepted.
    spent: f64,
    last_tick: Option<f64>,
    phase: Option<(u32, Option<Phase>)>,
    /// The timer already ended this phase.
    expired: bool,
    headline: String,
    text: String,
    event: Option<usize>,
    /// The seat whose QR code is showing.
    pub shown_qr: Option<usize>,
}

impl TeacherDesk {
    /// Seconds left in the phase, when a timer runs.
    pub fn remaining(&self) -> Option<f64> {
        self.minutes_per_phase
            .map(|m| (f64::from(m) * 60.0 - self.spent).max(0.0))
    }

    /// A fresh desk for a game, with a timer of `minutes` per phase.
    pub fn with_timer(minutes: Option<u32>) -> TeacherDesk {
        TeacherDesk {
            minutes_per_phase: minutes,
            ..TeacherDesk::default()
        }
    }
}

/// Counts the phase's time down and ends the phase when it runs out.
fn run_phase_timer(
    mut teacher: ResMut<TeacherDesk>,
    view: Option<GameView>,
    time: Res<Time<Real>>,
    mut orders: MessageWriter<TeacherCommand>,
) {
    let now = time.elapsed_secs_f64();
    let Some(view) = view else {
        teacher.last_tick = None;
        return;
    };
    let playing = *view.game.get() == GameState::Playing;
    let key = (
        view.current.clock().day,
        view.phase.as_ref().map(|p| *p.get()),
    );
    if teacher.phase != Some(key) {
        teacher.phase = Some(key);
        teacher.spent = 0.0;
        teacher.expired = false;
    }
    if let Some(last) = teacher.last_tick
        && playing
        && !teacher.paused
    {
        teacher.spent += (now - last).max(0.0);
    }
    teacher.last_tick = Some(now);
    if playing && !teacher.expired && teacher.remaining().is_some_and(|left| left <= 0.0) {
        teacher.expired = true;
        orders.write(TeacherCommand(TeacherOrder::EndPhase));
    }
}

/// The countdown, for the top bar.
pub fn countdown(teacher: &TeacherDesk) -> Option<String> {
    let left = countdown_seconds(teacher)?;
    Some(format!("Time left {}:{:02}", left / 60, left % 60))
}

/// The teacher's timer and pause, for the students' pages.
fn pass_on_session(teacher: Res<TeacherDesk>, mut session: ResMut<ClassSession>) {
    let now = ClassSession {
        countdown: countdown_seconds(&teacher),
        paused: teacher.paused,
    };
    if *session != now {
        *session = now;
    }
}

/// Whole seconds left in the phase, when a timer runs.
pub fn countdown_seconds(teacher: &TeacherDesk) -> Option<u64> {
    Some(teacher.remaining()?.ceil() as u64)
}

/// Ctrl+T toggles the teacher's window; the pause covers the screen.
fn teacher_screen(
    mut contexts: EguiContexts,
    mut teacher: ResMut<TeacherDesk>,
    view: Option<GameView>,
    mut orders: MessageWriter<TeacherCommand>,
    autosave: Option<Res<LastAutosave>>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if ctx.input(|i| theme::command_key(i, egui::Key::T)) {
        teacher.open = !teacher.open;
    }
    let Some(view) = view else {
        return Ok(());
    };
    // A class must know when its session is no longer being saved.
    if let Some(Some(Err(error))) = autosave.as_deref().map(|a| &a.0) {
        egui::Area::new(egui::Id::new("autosave_failed"))
            .anchor(egui::Align2::LEFT_BOTTOM, egui::vec2(8.0, -8.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.colored_label(theme::RED, format!("This game is not being saved: {error}"));
                });
            });
    }
    if teacher.paused {
        egui::Modal::new(egui::Id::new("teacher_pause")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.vertical_centered(|ui| {
                ui.label(theme::title("Paused"));
                ui.label(theme::muted("The teacher has paused the session."));
                ui.add_space(12.0);
                if theme::primary(ui, "Resume").clicked() {
                    teacher.paused = false;
                }
            });
        });
    }
    if !teacher.open {
        return Ok(());
    }
    let mut open = true;
    egui::Window::new("Teacher's controls")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        // As tall as the screen allows; longer, it scrolls.
        .default_height(ctx.content_rect().height() - 80.0)
        .max_height(ctx.content_rect().height() - 80.0)
        .vscroll(true)
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-8.0, 60.0))
        .show(ctx, |ui| {
            controls(ui, &mut teacher, &view, &mut orders);
            ui.separator();
            ui.label(theme::heading("Who plays each delegation"));
            let playing = *view.game.get() == GameState::Playing;
            let room = view.room.as_deref();
            let asked = classroom::panel(
                ui,
                &view.current,
                room,
                &view.room_error,
                &mut teacher.shown_qr,
                playing,
            );
            for order in asked {
                commands.queue(move |world: &mut World| order.apply(world));
            }
        });
    if !open {
        teacher.open = false;
    }
    if let (Some(seat), Some(room)) = (teacher.shown_qr, view.room.as_deref()) {
        let mut showing = true;
        let name = view.current.scenario().name(seat).to_string();
        classroom::qr_window(ctx, room, seat, &name, &mut showing);
        if !showing {
            teacher.shown_qr = None;
        }
    }
    Ok(())
}

fn controls(
    ui: &mut egui::Ui,
    teacher: &mut TeacherDesk,
    view: &GameView,
    orders: &mut MessageWriter<TeacherCommand>,
) {
    let playing = *view.game.get() == GameState::Playing;
    ui.horizontal(|ui| {
        let pause = if teacher.paused { "Resume" } else { "Pause" };
        if ui.button(pause).clicked() {
            teacher.paused = !teacher.paused;
        }
        if ui
            .add_enabled(playing, egui::Button::new("End this phase now"))
            .clicked()
        {
            orders.write(TeacherCommand(TeacherOrder::EndPhase));
        }
    });
    ui.label(theme::muted(
        "Ending a phase: delegations that have not acted or decided follow their instructions.",
    ));
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label("Phase timer:");
        for choice in TIMER_CHOICES {
            if ui
                .selectable_label(teacher.minutes_per_phase == choice, timer_label(choice))
                .clicked()
            {
                teacher.minutes_per_phase = choice;
            }
        }
    });
    ui.separator();
    news(ui, teacher, view, orders, playing);
}

/// One of the scenario's news events now, or a headline of the teacher's own.
fn news(
    ui: &mut egui::Ui,
    teacher: &mut TeacherDesk,
    view: &GameView,
    orders: &mut MessageWriter<TeacherCommand>,
    playing: bool,
) {
    let sc = view.current.scenario();
    ui.label(theme::heading("News"));
    let waiting: Vec<usize> = (0..sc.events.len())
        .filter(|&e| {
            !view
                .current
                .crisis()
                .events_happened
                .get(e)
                .copied()
                .unwrap_or(true)
        })
        .collect();
    if teacher.event.is_none_or(|e| !waiting.contains(&e)) {
        teacher.event = waiting.first().copied();
    }
    if waiting.is_empty() {
        ui.label(theme::muted(
            "Every news event of the scenario has happened.",
        ));
    } else {
        ui.horizontal(|ui| {
            let selected = teacher
                .event
                .map(|e| sc.events[e].headline.clone())
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("teacher_event")
                .width(280.0)
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for &e in &waiting {
                        ui.selectable_value(
                            &mut teacher.event,
                            Some(e),
                            sc.events[e].headline.as_str(),
                        );
                    }
                });
            if ui.add_enabled(playing, egui::Button::new("Now")).clicked()
                && let Some(event) = teacher.event
            {
                orders.write(TeacherCommand(TeacherOrder::InjectEvent { event }));
            }
        });
    }
    ui.add(
        egui::TextEdit::singleline(&mut teacher.headline)
            .hint_text("Your own headline")
            .desired_width(f32::INFINITY),
    );
    ui.add(
        egui::TextEdit::multiline(&mut teacher.text)
            .hint_text("The story (optional)")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    if ui
        .add_enabled(
            playing && !teacher.headline.trim().is_empty(),
            egui::Button::new("Publish the headline"),
        )
        .clicked()
    {
        orders.write(TeacherCommand(TeacherOrder::Headline {
            headline: std::mem::take(&mut teacher.headline),
            text: std::mem::take(&mut teacher.text),
        }));
    }
}
