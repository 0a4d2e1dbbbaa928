//! The chamber: the horseshoe table, the draft on the table, the player's
//! actions, the decisions and the record.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui::{self, Color32, RichText};

use horseshoe_core::ai::{Context, Situation, reasons};
use horseshoe_core::game::decisions::adopted_title;
use horseshoe_core::model::act::Act;
use horseshoe_core::model::compiled::{CompiledScenario, SeatId};
use horseshoe_core::model::decision::Item;
use horseshoe_core::model::draft::{AmendmentState, Change, DraftState, DraftStatus};
use horseshoe_core::model::record::{Entry, VoteSubject, What};
use horseshoe_core::model::scoring;
use horseshoe_core::model::state::*;
use horseshoe_core::rules::{ProductKind, Vote, VoteOutcome};

use super::desk::{REVEAL_STEP, Tab};
use super::teacher::{self, TeacherDesk};
use super::{Desk, Screen, root_ui, style};
use crate::play::{Command, CurrentGame, GameState, Phase, PhaseGate};

/// Read-only view of the game for drawing.
#[derive(SystemParam)]
pub struct GameView<'w> {
    pub current: Res<'w, CurrentGame>,
    pub game: Res<'w, State<GameState>>,
    pub phase: Option<Res<'w, State<Phase>>>,
}

impl GameView<'_> {
    pub(crate) fn sc(&self) -> &CompiledScenario {
        self.current.scenario()
    }

    pub(crate) fn situation(&self) -> Situation<'_> {
        self.current.situation()
    }

    pub(crate) fn controller(&self, seat: SeatId) -> Controller {
        self.current.controller(seat)
    }

    pub(crate) fn action_points(&self, seat: SeatId) -> u32 {
        self.current.action_points(seat)
    }

    pub(crate) fn phase(&self) -> Option<Phase> {
        self.phase.as_deref().map(|p| *p.get())
    }
}

/// "16 November 2012" for day `day` of a scenario starting on `start`.
pub fn long_date(start: &str, day: u32) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<u32> = start.split('-').filter_map(|p| p.parse().ok()).collect();
    let [mut y, mut m, mut d] = parts[..] else {
        return format!("day {day}");
    };
    for _ in 1..day {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let len = match m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        d += 1;
        if d > len {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    let month = MONTHS.get((m as usize).wrapping_sub(1)).unwrap_or(&"?");
    format!("{d} {month} {y}")
}

/// What a delegation says of a draft in consultations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attitude {
    Supports,
    CanAccept,
    Concerns,
    Opposes,
    RedLine,
    Human,
}

impl Attitude {
    pub fn word(self) -> &'static str {
        match self {
            Attitude::Supports => "supports",
            Attitude::CanAccept => "can accept",
            Attitude::Concerns => "concerns",
            Attitude::Opposes => "opposes",
            Attitude::RedLine => "red line",
            Attitude::Human => "player",
        }
    }

    pub fn colour(self) -> Color32 {
        match self {
            Attitude::Supports => style::GREEN,
            Attitude::CanAccept => style::LIGHT_GREEN,
            Attitude::Concerns => style::AMBER,
            Attitude::Opposes => style::RED,
            Attitude::RedLine => style::DARK_RED,
            Attitude::Human => style::HUMAN,
        }
    }
}

/// A delegation's public position on a draft, with the reason it gives.
pub fn attitude(sit: &Situation, seat: SeatId, draft: &DraftState) -> (Attitude, String) {
    let ctx = Context::of(draft);
    let text = draft.text();
    let a = sit.assess(seat, text, ctx);
    if let Some(line) = a.breach {
        return (
            Attitude::RedLine,
            sit.sc.delegations[seat].red_lines[line].reason.clone(),
        );
    }
    let consensus = sit.sc.rules.needs_consensus(text.kind);
    let (blocks, reason) = if consensus {
        let (keep, reason) = sit.silence(seat, text, ctx);
        (!keep, reason)
    } else {
        let (vote, reason) = sit.vote(seat, text, ctx);
        (vote == Vote::No, reason)
    };
    let att = if blocks {
        Attitude::Opposes
    } else if a.value > 0.5 {
        Attitude::Supports
    } else if a.value > 0.0 {
        Attitude::CanAccept
    } else {
        Attitude::Concerns
    };
    (att, reason)
}

#[allow(clippy::too_many_arguments)]
pub fn chamber_screen(
    mut contexts: EguiContexts,
    view: GameView,
    mut desk: ResMut<Desk>,
    mut gate: ResMut<PhaseGate>,
    mut commands_out: MessageWriter<Command>,
    mut next_screen: ResMut<NextState<Screen>>,
    time: Res<Time<Real>>,
    mut teacher: ResMut<TeacherDesk>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut ui = root_ui(ctx);
    let text_focus = ctx.memory(|m| m.focused().is_some());
    // While the teacher pauses the class, no key acts on the game.
    let paused = teacher.paused;
    let key = |k: egui::Key| !text_focus && !paused && ctx.input(|i| i.key_pressed(k));

    if let Some(seat) = desk.handover_to {
        let now = time.elapsed_secs_f64();
        handover(&mut ui, &view, &mut desk, seat, key(egui::Key::Enter), now);
        return Ok(());
    }
    // Asked before this frame: only then may this frame's Enter answer it.
    let confirming = desk.confirm_end_turn;
    if confirming && key(egui::Key::Escape) {
        desk.confirm_end_turn = false;
    } else if desk.menu_open || key(egui::Key::Escape) {
        desk.menu_open = true;
        pause_menu(ctx, &mut desk, &mut teacher, &mut next_screen);
    }

    let mut send = |seat: SeatId, act: Act| {
        commands_out.write(Command { seat, act });
    };

    top_bar(
        &mut ui,
        &view,
        &mut desk,
        &mut gate,
        &mut send,
        key(egui::Key::Enter),
        teacher::countdown(&teacher),
        time.elapsed_secs_f64(),
    );
    let sit = view.situation();
    egui::Panel::left("left")
        .resizable(false)
        .exact_size(ui.available_width() * 0.5)
        .show(&mut ui, |ui| {
            horseshoe(ui, &view, &sit, &mut desk);
            ui.separator();
            ui.horizontal(|ui| {
                for (tab, label) in [
                    (Tab::Actions, "Actions"),
                    (Tab::Instructions, "Your instructions"),
                    (Tab::Delegation, "Delegation"),
                ] {
                    if ui.selectable_label(desk.tab == tab, label).clicked() {
                        desk.tab = tab;
                    }
                }
            });
            egui::ScrollArea::vertical()
                .id_salt("left_tab")
                .show(ui, |ui| match desk.tab {
                    Tab::Actions => actions(ui, &view, &sit, &mut desk, &mut send),
                    Tab::Instructions => match desk.viewer {
                        Some(seat) => instructions(ui, view.sc(), seat, Some(view.current.history())),
                        None if desk.hot_seat => {
                            ui.label(
                                "Each delegation's instructions show during its own turn, after the hand-over.",
                            );
                        }
                        None => {
                            ui.label("You are watching: no delegation of yours is at the table.");
                        }
                    },
                    Tab::Delegation => delegation_tab(ui, &view, &sit, &desk),
                });
        });
    // The right column: the record below the draft, so the left column keeps
    // its full height for the seats and the player's actions.
    egui::CentralPanel::default().show(&mut ui, |ui| {
        log_panel(ui, &view, &desk);
        draft_view(ui, &view, &sit, &mut desk);
    });

    if confirming {
        confirm_end_turn(ctx, &view, &mut desk, &mut send, key(egui::Key::Enter));
    }
    decision_window(ctx, &view, &mut desk, &mut send, &key);
    reveal_window(
        ctx,
        &view,
        &mut desk,
        time.elapsed_secs_f64(),
        key(egui::Key::Enter),
    );
    Ok(())
}

fn handover(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &mut Desk,
    seat: SeatId,
    enter: bool,
    now: f64,
) {
    let name = horseshoe_core::text::country_in_sentence(view.sc().name(seat));
    let team = view
        .current
        .record()
        .members
        .get(seat)
        .map(|m| m.team.trim())
        .filter(|t| !t.is_empty());
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.3);
            ui.label(style::title(format!("Pass to the delegation of {name}")));
            if let Some(team) = team {
                ui.label(style::heading(team));
            }
            ui.add_space(8.0);
            ui.label(style::muted(
                "Other delegations' instructions and private talks stay hidden. Take the keyboard, then continue.",
            ));
            ui.add_space(24.0);
            if style::primary(ui, &format!("Take the seat of {name}  (Enter)")).clicked() || enter {
                desk.viewer = Some(seat);
                desk.handover_to = None;
                desk.selected_draft = None;
                desk.pick_clause = None;
                // The next player's first click or Enter is not taken as theirs.
                desk.phase_shown_at = now;
            }
        });
    });
}

/// "End your turn?" when action points are left: they do not carry over.
fn confirm_end_turn(
    ctx: &egui::Context,
    view: &GameView,
    desk: &mut Desk,
    send: &mut impl FnMut(SeatId, Act),
    enter: bool,
) {
    let Some(me) = desk.viewer else {
        desk.confirm_end_turn = false;
        return;
    };
    let points = view.action_points(me);
    egui::Modal::new(egui::Id::new("confirm_end_turn")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.label(style::heading("End your turn?"));
        ui.add_space(4.0);
        ui.label(format!(
            "{} still has {points} action point{} today. Points do not carry over to tomorrow.",
            view.sc().name(me),
            if points == 1 { "" } else { "s" }
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if style::primary(ui, "End turn  (Enter)").clicked() || enter {
                send(me, Act::EndTurn);
                desk.message = None;
                desk.confirm_end_turn = false;
            }
            if ui.button("Keep negotiating  (Esc)").clicked() {
                desk.confirm_end_turn = false;
            }
        });
    });
}

fn pause_menu(
    ctx: &egui::Context,
    desk: &mut Desk,
    teacher: &mut TeacherDesk,
    next_screen: &mut NextState<Screen>,
) {
    egui::Modal::new(egui::Id::new("pause")).show(ctx, |ui| {
        ui.set_width(320.0);
        ui.label(style::heading("Paused"));
        ui.add_space(8.0);
        if style::button(ui, "Resume", 280.0).clicked() {
            desk.menu_open = false;
        }
        if style::button(ui, "Settings", 280.0).clicked() {
            desk.menu_open = false;
            next_screen.set(Screen::Settings);
        }
        if style::button(ui, "Teacher's controls  (Ctrl+T)", 280.0).clicked() {
            desk.menu_open = false;
            teacher.open = true;
        }
        if style::button(ui, "Leave the game (main menu)", 280.0).clicked() {
            desk.menu_open = false;
            next_screen.set(Screen::Menu);
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn top_bar(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &mut Desk,
    gate: &mut PhaseGate,
    send: &mut impl FnMut(SeatId, Act),
    enter: bool,
    countdown: Option<String>,
    now: f64,
) {
    let sc = view.sc();
    // A click or Enter meant for the last phase's button does not act on this one.
    let settled = desk.phase_settled(now);
    let enter = enter && settled;
    egui::Panel::top("top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui.button("☰ Menu").clicked() {
                desk.menu_open = true;
            }
            ui.label(
                RichText::new(format!(
                    "Day {} of {} · {}",
                    view.current.clock().day,
                    view.current.clock().days,
                    long_date(&sc.source.start_date, view.current.clock().day)
                ))
                .strong()
                .size(style::BODY + 2.0),
            );
            let phase = view.phase();
            let phase_name = match (view.game.get(), phase) {
                (GameState::Over, _) => "The crisis is over",
                (_, Some(p)) => p.name().label(),
                _ => "",
            };
            ui.label(
                RichText::new(phase_name)
                    .color(style::GOLD)
                    .strong()
                    .size(style::BODY + 2.0),
            );
            if let Some(countdown) = countdown {
                ui.label(RichText::new(countdown).strong().size(style::BODY + 2.0))
                    .on_hover_text("Time left in this phase (teacher's timer)");
            }
            ui.label(style::muted("Urgency"));
            ui.add(
                egui::ProgressBar::new(view.current.crisis().urgency)
                    .desired_width(80.0)
                    .fill(style::RED),
            );
            if let Some(seat) = desk.viewer {
                ui.label(
                    RichText::new(format!(
                        "{} · {} action point{}",
                        sc.name(seat),
                        view.action_points(seat),
                        if view.action_points(seat) == 1 {
                            ""
                        } else {
                            "s"
                        }
                    ))
                    .color(style::HUMAN)
                    .strong(),
                );
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let over = *view.game.get() == GameState::Over;
                match (over, phase) {
                    (true, _) => {
                        let clicked = style::primary(ui, "Debrief  (Enter)").clicked() && settled;
                        if clicked || enter {
                            desk.wants_debrief = true;
                        }
                    }
                    (false, Some(p @ (Phase::Morning | Phase::Consultations))) if gate.hold => {
                        let label = if p == Phase::Morning {
                            "To the consultations  (Enter)"
                        } else {
                            "To the corridors  (Enter)"
                        };
                        let clicked = style::primary(ui, label).clicked() && settled;
                        if clicked || enter {
                            gate.proceed = true;
                        }
                    }
                    (false, Some(Phase::Evening)) if gate.hold => {
                        let label = if view.current.clock().day >= view.current.clock().days
                            || view.current.clock().ending.is_some()
                        {
                            "End of the crisis  (Enter)"
                        } else {
                            "Next day  (Enter)"
                        };
                        if desk.reveal.is_none()
                            && ((style::primary(ui, label).clicked() && settled) || enter)
                        {
                            gate.proceed = true;
                        }
                    }
                    (false, Some(Phase::Corridors)) => {
                        if let Some(seat) = desk.viewer
                            && view.controller(seat) == Controller::Human
                            && ((style::primary(ui, "End turn  (Enter)").clicked() && settled)
                                || enter)
                            && !desk.confirm_end_turn
                        {
                            if view.action_points(seat) > 0 {
                                // Points do not carry over: make sure it is meant.
                                desk.confirm_end_turn = true;
                            } else {
                                send(seat, Act::EndTurn);
                                desk.message = None;
                            }
                        }
                    }
                    _ => {}
                }
            });
        });
        if let Some((message, error)) = &desk.message {
            ui.label(RichText::new(message).color(if *error { style::RED } else { style::GREEN }));
        }
        ui.add_space(2.0);
    });
}

/// The seats of the horseshoe: a U of five seats per side.
fn seat_rects(rect: egui::Rect, n: usize) -> Vec<egui::Rect> {
    let per_side = n.div_ceil(3).max(1);
    let gap = 6.0;
    let w = ((rect.width() - gap * (per_side as f32 - 1.0)) / per_side as f32).max(40.0);
    let h = 44.0;
    let mut out = Vec::with_capacity(n);
    // Left arm top to bottom, the bottom row left to right, the right arm bottom to top.
    let left_count = (n - per_side) / 2;
    let right_count = n - per_side - left_count;
    for i in 0..left_count {
        let y = rect.top() + i as f32 * (h + gap);
        out.push(egui::Rect::from_min_size(
            egui::pos2(rect.left(), y),
            egui::vec2(w, h),
        ));
    }
    let bottom_y = rect.top() + left_count.max(right_count) as f32 * (h + gap);
    for i in 0..per_side {
        let x = rect.left() + i as f32 * (w + gap);
        out.push(egui::Rect::from_min_size(
            egui::pos2(x, bottom_y),
            egui::vec2(w, h),
        ));
    }
    for i in 0..right_count {
        let y = bottom_y - (i + 1) as f32 * (h + gap);
        out.push(egui::Rect::from_min_size(
            egui::pos2(rect.right() - w, y),
            egui::vec2(w, h),
        ));
    }
    out
}

fn horseshoe(ui: &mut egui::Ui, view: &GameView, sit: &Situation, desk: &mut Desk) {
    let sc = view.sc();
    let n = sc.seat_count();
    let rows = (n - n.div_ceil(3)).div_ceil(2) + 1;
    let height = rows as f32 * 50.0;
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::hover(),
    );
    let rects = seat_rects(rect, n);
    let draft = desk
        .selected_draft
        .and_then(|d| view.current.table().drafts.get(d))
        .filter(|d| d.status != DraftStatus::InDrawer);
    // In the middle of the U: the draft on the table.
    let inner = egui::Rect::from_min_max(
        egui::pos2(rect.left() + rects[0].width() + 12.0, rect.top() + 4.0),
        egui::pos2(
            rect.right() - rects[0].width() - 12.0,
            rects
                .get(n / 3)
                .map(|r| r.top() - 8.0)
                .unwrap_or(rect.bottom()),
        ),
    );
    let painter = ui.painter_at(rect);
    let centre_text = match draft {
        Some(d) => format!(
            "{}\n{} · version {}",
            d.title,
            d.status.label(),
            d.version()
        ),
        None => "No draft selected".to_string(),
    };
    let galley = painter.layout(
        centre_text,
        egui::FontId::proportional(style::SMALL),
        style::MUTED,
        inner.width().max(40.0),
    );
    painter.galley(inner.center() - galley.size() / 2.0, galley, style::MUTED);

    for (seat, r) in rects.iter().enumerate() {
        let member = &sc.members[seat];
        let human = view.controller(seat) == Controller::Human;
        let (att, reason) = match (draft, human) {
            (_, true) => (Attitude::Human, String::new()),
            (Some(d), false) => attitude(sit, seat, d),
            (None, false) => (Attitude::CanAccept, String::new()),
        };
        let response = ui.interact(*r, egui::Id::new(("seat", seat)), egui::Sense::click());
        let selected = desk.selected_seat == Some(seat);
        let fill = if desk.viewer == Some(seat) {
            Color32::from_rgb(38, 52, 84)
        } else {
            Color32::from_rgb(34, 40, 50)
        };
        painter.rect_filled(*r, 5.0, fill);
        let border = if selected {
            egui::Stroke::new(2.5, style::GOLD)
        } else {
            egui::Stroke::new(
                1.5,
                if draft.is_some() || human {
                    att.colour()
                } else {
                    Color32::from_gray(80)
                },
            )
        };
        painter.rect_stroke(*r, 5.0, border, egui::StrokeKind::Inside);
        // Name: full if it fits, else the code.
        let font = egui::FontId::proportional(12.5);
        let name_galley = painter.layout_no_wrap(member.name.clone(), font.clone(), style::TEXT);
        let name = if name_galley.size().x <= r.width() - 8.0 {
            name_galley
        } else {
            painter.layout_no_wrap(member.code.clone(), font, style::TEXT)
        };
        painter.galley(egui::pos2(r.left() + 4.0, r.top() + 3.0), name, style::TEXT);
        let mut marks = String::new();
        if member.veto {
            marks.push('★');
        }
        if seat == sc.presidency {
            marks.push_str(" P");
        }
        if draft.is_some_and(|d| d.penholder == seat) {
            marks.push_str(" ✒");
        }
        let team = view
            .current
            .record()
            .members
            .get(seat)
            .map(|m| m.team.trim())
            .filter(|t| human && !t.is_empty());
        let line2 = if let Some(team) = team {
            // The students' names on their nameplate, cut to fit.
            let room = ((r.width() - 30.0) / 6.5).max(4.0) as usize;
            let mut short: String = team.chars().take(room).collect();
            if short.len() < team.len() {
                short.push('…');
            }
            format!("{short}  {}", marks.trim())
        } else if draft.is_some() || human {
            format!("{}  {}", att.word(), marks.trim())
        } else {
            marks.trim().to_string()
        };
        painter.text(
            egui::pos2(r.left() + 4.0, r.bottom() - 4.0),
            egui::Align2::LEFT_BOTTOM,
            line2,
            egui::FontId::proportional(11.5),
            if draft.is_some() || human {
                att.colour()
            } else {
                style::MUTED
            },
        );
        let response = response.on_hover_text(if let Some(team) = team {
            format!("{}: {team}", member.name)
        } else if reason.is_empty() {
            member.name.clone()
        } else {
            format!("{}: {}", member.name, reason)
        });
        if response.clicked() {
            desk.selected_seat = Some(seat);
            desk.tab = Tab::Delegation;
        }
    }
    ui.label(
        RichText::new("★ veto · P president · ✒ penholder · click a seat for its position")
            .size(style::SMALL)
            .color(style::MUTED),
    );
}

fn draft_view(ui: &mut egui::Ui, view: &GameView, _sit: &Situation, desk: &mut Desk) {
    let sc = view.sc();
    // The Council sees what is circulated; a penholder also sees its own
    // drafts still in the drawer, so it can circulate one early.
    let visible: Vec<&DraftState> = view
        .current
        .table()
        .drafts
        .iter()
        .filter(|d| d.status != DraftStatus::InDrawer || Some(d.penholder) == desk.viewer)
        .collect();
    if visible.is_empty() {
        ui.label(style::heading("No draft on the table yet"));
        ui.label(style::muted("Drafts are circulated in the consultations."));
        return;
    }
    if desk
        .selected_draft
        .is_none_or(|d| !visible.iter().any(|v| v.id == d))
    {
        desk.selected_draft = visible
            .iter()
            .find(|d| d.status.is_live())
            .or(visible.first())
            .map(|d| d.id);
    }
    ui.horizontal_wrapped(|ui| {
        for (i, d) in visible.iter().enumerate() {
            let status = if d.status == DraftStatus::InDrawer {
                "in your drawer"
            } else {
                d.status.label()
            };
            let label = format!("{} {} ({status})", i + 1, short_kind(d.kind()));
            if ui
                .selectable_label(desk.selected_draft == Some(d.id), label)
                .clicked()
            {
                desk.selected_draft = Some(d.id);
            }
        }
    });
    // Number keys pick a draft.
    ui.input(|i| {
        for (k, d) in [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
        ]
        .iter()
        .zip(&visible)
        {
            if i.key_pressed(*k) && !i.modifiers.any() {
                desk.selected_draft = Some(d.id);
            }
        }
    });
    let Some(d) = desk
        .selected_draft
        .and_then(|i| view.current.table().drafts.get(i))
    else {
        return;
    };
    ui.separator();
    ui.label(style::muted(format!(
        "{} · pen: {}{} · version {}",
        d.kind().name(),
        sc.name(d.penholder),
        if d.sponsors.is_empty() {
            String::new()
        } else {
            format!(
                " · sponsors: {}",
                d.sponsors
                    .iter()
                    .map(|&s| sc.name(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        },
        d.version()
    )));
    let changed = d.changed_clauses();
    let rendered = d.text().render(sc, &d.title);
    egui::ScrollArea::vertical()
        .id_salt("draft_text")
        .show(ui, |ui| {
            ui.label(
                RichText::new(&rendered.heading)
                    .strong()
                    .size(style::BODY + 3.0),
            );
            ui.add_space(6.0);
            if let Some(opening) = &rendered.opening {
                ui.label(opening);
                ui.add_space(4.0);
            }
            for p in &rendered.paragraphs {
                let is_changed = p
                    .clause
                    .as_ref()
                    .and_then(|id| sc.clause_of(id))
                    .is_some_and(|c| changed.contains(&c));
                let mut job = egui::text::LayoutJob::default();
                let body_colour = if is_changed {
                    style::CHANGED
                } else {
                    style::TEXT
                };
                let font = egui::FontId::proportional(style::BODY + 1.0);
                if let Some(n) = p.number {
                    job.append(
                        &format!("{n}. "),
                        0.0,
                        egui::TextFormat::simple(font.clone(), body_colour),
                    );
                }
                let italic_lead = d.kind() == ProductKind::Resolution;
                job.append(
                    &p.lead,
                    0.0,
                    egui::TextFormat {
                        font_id: font.clone(),
                        color: body_colour,
                        italics: italic_lead,
                        ..Default::default()
                    },
                );
                job.append(&p.rest, 0.0, egui::TextFormat::simple(font, body_colour));
                job.wrap.max_width = ui.available_width();
                ui.label(job);
                ui.add_space(6.0);
            }
            if !changed.is_empty() {
                ui.label(
                    RichText::new("Highlighted: changed since the last version.")
                        .color(style::CHANGED)
                        .size(style::SMALL),
                );
            }
            // Amendments proposed on this draft.
            let open: Vec<_> = d
                .amendments
                .iter()
                .filter(|a| {
                    matches!(
                        a.state,
                        AmendmentState::Proposed
                            | AmendmentState::ToVote
                            | AmendmentState::Rejected
                    )
                })
                .collect();
            if !open.is_empty() {
                ui.add_space(8.0);
                ui.label(style::heading("Amendments"));
                for a in open {
                    let state = match a.state {
                        AmendmentState::Proposed => "awaiting the penholder",
                        AmendmentState::ToVote => "to be voted before the draft",
                        AmendmentState::Rejected => "refused by the penholder",
                        _ => "",
                    };
                    ui.label(format!(
                        "{} ({}): {} — {}",
                        a.id,
                        sc.name(a.by),
                        a.change.describe(sc),
                        state
                    ));
                }
            }
        });
}

fn short_kind(kind: ProductKind) -> &'static str {
    match kind {
        ProductKind::PressStatement => "Press statement",
        ProductKind::PresidentialStatement => "Presidential statement",
        ProductKind::Resolution => "Resolution",
    }
}

fn actions(
    ui: &mut egui::Ui,
    view: &GameView,
    sit: &Situation,
    desk: &mut Desk,
    send: &mut impl FnMut(SeatId, Act),
) {
    let sc = view.sc();
    let Some(me) = desk.viewer else {
        ui.label(if desk.hot_seat {
            "The whole room's view: the news, the drafts and the results. Each delegation takes the keyboard for its own turn in the corridors and for its decisions. Use the button at the top to move the crisis on."
        } else {
            "You are watching. Use the buttons at the top to move the crisis on."
        });
        return;
    };
    if view.phase() != Some(Phase::Corridors) || view.controller(me) != Controller::Human {
        ui.label(match view.phase() {
            Some(Phase::Morning) => {
                "Morning: read the news in the record, then go to the consultations."
            }
            Some(Phase::Consultations) => "Consultations: drafts are circulated and revised.",
            Some(Phase::Decision) => "Decision: statements under silence and votes.",
            Some(Phase::Evening) => "Evening: the day's results are in the record.",
            _ => "",
        });
        return;
    }
    let points = view.action_points(me);
    let Some(d) = desk
        .selected_draft
        .and_then(|i| view.current.table().drafts.get(i))
    else {
        ui.label(
            if view
                .current
                .table()
                .drafts
                .iter()
                .any(|d| d.status != DraftStatus::InDrawer)
            {
                "Select a draft to act on it."
            } else {
                "No draft is on the table yet: there is nothing to amend or lobby for."
            },
        );
        press_remarks(ui, view, desk, send, me, points);
        return;
    };
    let own = d.penholder == me;
    let open = matches!(d.status, DraftStatus::OnTable | DraftStatus::Blocked { .. });
    ui.label(RichText::new(format!("On \"{}\"", d.title)).strong());
    // The player's own red lines are theirs to keep: say when a text crosses one.
    if let Some(line) = sit.breach(me, d.text()) {
        ui.label(
            RichText::new(format!(
                "This text crosses one of your red lines: {}.",
                sc.delegations[me].red_lines[line].reason
            ))
            .color(style::RED),
        );
    }
    if d.status == DraftStatus::InDrawer {
        if own {
            ui.label(
                "This draft is in your drawer: the Council has not seen it. Circulate it and \
                 every delegation can read it, amend it and take a position on it.",
            );
            if ui
                .add_enabled(
                    points > 0,
                    egui::Button::new("Circulate it to the Council (1 point)"),
                )
                .clicked()
            {
                send(me, Act::Circulate { draft: d.id });
            }
        }
        return;
    }
    if !d.status.is_live() {
        ui.label(format!(
            "This draft is {}: nothing more can be done with it.",
            d.status.label()
        ));
    }

    // The change picker, for amendments (or revisions by the penholder).
    if open {
        ui.add_space(4.0);
        ui.label(if own {
            "Revise your text (1 point):"
        } else {
            "Propose an amendment (1 point):"
        });
        change_picker(ui, view, sit, desk, d);
        if let Some(clause) = desk.pick_clause {
            let present = d.text().wording_of(clause);
            let wording = desk.pick_wording.min(sc.wordings[clause] - 1);
            let change = match present {
                None => Some(Change::Add { clause, wording }),
                Some(w) if w != wording => Some(Change::Reword { clause, wording }),
                Some(_) => None,
            };
            ui.horizontal(|ui| {
                if let Some(change) = change {
                    let label = match (change, own) {
                        (Change::Add { .. }, true) => "Add it",
                        (Change::Add { .. }, false) => "Propose adding it",
                        (_, true) => "Change the wording",
                        (_, false) => "Propose this wording",
                    };
                    if ui
                        .add_enabled(points > 0, egui::Button::new(label))
                        .clicked()
                    {
                        submit_change(view, desk, send, me, d, change);
                    }
                }
                if present.is_some()
                    && ui
                        .add_enabled(
                            points > 0,
                            egui::Button::new(if own {
                                "Delete it"
                            } else {
                                "Propose deleting it"
                            }),
                        )
                        .clicked()
                {
                    submit_change(view, desk, send, me, d, Change::Delete { clause });
                }
            });
        }
    }

    if own {
        let pending: Vec<_> = d
            .amendments
            .iter()
            .filter(|a| a.state == AmendmentState::Proposed)
            .collect();
        if !pending.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new("Amendments awaiting your answer:").strong());
            for a in pending {
                ui.label(format!(
                    "{} proposes to {}",
                    horseshoe_core::text::capitalise(&horseshoe_core::text::country_in_sentence(
                        sc.name(a.by)
                    )),
                    a.change.describe(sc)
                ));
                ui.horizontal(|ui| {
                    if ui.button("Accept").clicked() {
                        send(
                            me,
                            Act::AnswerAmendment {
                                draft: d.id,
                                amendment: a.id,
                                accept: true,
                                // A player's choice needs no stated reason.
                                reason: String::new(),
                            },
                        );
                    }
                    if ui.button("Refuse").clicked() {
                        send(
                            me,
                            Act::AnswerAmendment {
                                draft: d.id,
                                amendment: a.id,
                                accept: false,
                                reason: String::new(),
                            },
                        );
                    }
                });
            }
        }
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            let consensus = sc.rules.needs_consensus(d.kind());
            if consensus && open && ui.button("Put under silence").on_hover_text("Every member must keep silence until today's decision for it to be adopted.").clicked() {
                send(me, Act::PutUnderSilence { draft: d.id });
                desk.message = Some(("The text goes under silence until the decision.".into(), false));
            }
            if !consensus && open && ui.button("Put in blue").on_hover_text("The final text: it can be voted from tomorrow.").clicked() {
                send(me, Act::PutInBlue { draft: d.id });
            }
            if matches!(d.status, DraftStatus::InBlue { since_day } if since_day < view.current.clock().day) && !d.vote_requested && ui.button("Request the vote").clicked() {
                send(me, Act::RequestVote { draft: d.id });
            }
            if d.status.is_live() && ui.button("Withdraw").clicked() {
                send(me, Act::Withdraw { draft: d.id });
            }
        });
    } else if d.status.is_live() {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if d.kind() == ProductKind::Resolution
                && !d.sponsors.contains(&me)
                && ui.button("Co-sponsor").clicked()
            {
                send(me, Act::CoSponsor { draft: d.id });
            }
            for a in d.amendments.iter().filter(|a| {
                a.by == me
                    && a.state == AmendmentState::Rejected
                    && d.kind() == ProductKind::Resolution
            }) {
                if ui
                    .button(format!("Put amendment {} to the vote", a.id))
                    .clicked()
                {
                    send(
                        me,
                        Act::InsistOnAmendment {
                            draft: d.id,
                            amendment: a.id,
                        },
                    );
                }
            }
        });
    }

    // Lobbying and trades need a delegation: the one selected on the horseshoe.
    ui.add_space(6.0);
    match desk.selected_seat.filter(|&s| s != me) {
        None => {
            ui.label(style::muted(
                "Click a seat on the horseshoe to lobby that delegation or offer it a trade.",
            ));
        }
        Some(target) => {
            let name = horseshoe_core::text::country_in_sentence(sc.name(target));
            if d.status.is_live()
                && ui
                    .add_enabled(
                        points > 0,
                        egui::Button::new(format!("Ask {name} to support this draft (1 point)")),
                    )
                    .clicked()
            {
                send(
                    me,
                    Act::Lobby {
                        target,
                        draft: d.id,
                    },
                );
            }
            // A trade: our support for one of their drafts against theirs for this one.
            let theirs: Vec<&DraftState> = view
                .current
                .table()
                .live()
                .filter(|o| o.penholder == target && o.id != d.id)
                .collect();
            for o in theirs {
                if ui
                    .add_enabled(points > 0, egui::Button::new(format!("Offer {name}: your support for \"{}\" against theirs for this draft (1 point)", o.title)).wrap())
                    .clicked()
                {
                    send(me, Act::OfferTrade { target, give: o.id, get: d.id });
                }
            }
        }
    }

    press_remarks(ui, view, desk, send, me, points);
}

/// Speaking to the press, optionally naming the delegation selected.
fn press_remarks(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &mut Desk,
    send: &mut impl FnMut(SeatId, Act),
    me: SeatId,
    points: u32,
) {
    let sc = view.sc();
    ui.add_space(6.0);
    ui.label("Speak to the press (1 point):");
    ui.add(
        egui::TextEdit::multiline(&mut desk.press_text)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .hint_text("What you tell the journalists outside the chamber"),
    );
    let about = desk.selected_seat.filter(|&s| s != me);
    let label = match about {
        Some(s) => format!(
            "Speak, naming {}",
            horseshoe_core::text::country_in_sentence(sc.name(s))
        ),
        None => "Speak".to_string(),
    };
    if ui
        .add_enabled(
            points > 0 && !desk.press_text.trim().is_empty(),
            egui::Button::new(label),
        )
        .clicked()
    {
        send(
            me,
            Act::PressRemarks {
                about,
                remarks: desk.press_text.trim().to_string(),
            },
        );
        desk.press_text.clear();
    }
}

fn change_picker(
    ui: &mut egui::Ui,
    view: &GameView,
    sit: &Situation,
    desk: &mut Desk,
    d: &DraftState,
) {
    let sc = view.sc();
    let clause_label = |c: usize| {
        let present = if d.text().wording_of(c).is_some() {
            "in the text"
        } else {
            "not in the text"
        };
        format!(
            "{} ({present})",
            horseshoe_core::text::capitalise(&sc.clause(c).topic)
        )
    };
    let selected = desk
        .pick_clause
        .map(clause_label)
        .unwrap_or_else(|| "Choose a paragraph".into());
    egui::ComboBox::from_id_salt("pick_clause")
        .selected_text(selected)
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            for c in 0..sc.clause_count() {
                if !sit.available(c) {
                    continue;
                }
                let before = desk.pick_clause;
                ui.selectable_value(&mut desk.pick_clause, Some(c), clause_label(c));
                if desk.pick_clause != before {
                    desk.pick_wording = d.text().wording_of(c).unwrap_or(0);
                }
            }
        });
    if let Some(c) = desk.pick_clause {
        let wording_text = |w: u8| reasons::phrase(sc, c, w);
        let w = desk.pick_wording.min(sc.wordings[c] - 1);
        egui::ComboBox::from_id_salt("pick_wording")
            .selected_text(wording_text(w))
            .width(ui.available_width() - 8.0)
            .wrap_mode(egui::TextWrapMode::Truncate)
            .show_ui(ui, |ui| {
                for w in 0..sc.wordings[c] {
                    ui.selectable_value(
                        &mut desk.pick_wording,
                        w,
                        format!("{}: {}", strength(w, sc.wordings[c]), wording_text(w)),
                    );
                }
            });
    }
}

fn strength(w: u8, of: u8) -> &'static str {
    match (w, of) {
        (_, 1) => "only wording",
        (0, _) => "mild",
        (w, n) if w + 1 == n => "strongest",
        _ => "firm",
    }
}

fn submit_change(
    view: &GameView,
    desk: &mut Desk,
    send: &mut impl FnMut(SeatId, Act),
    me: SeatId,
    d: &DraftState,
    change: Change,
) {
    let sc = view.sc();
    if d.penholder == me {
        if let Some(text) = d.text().with(change, &sc.parts) {
            send(
                me,
                Act::Revise {
                    draft: d.id,
                    text,
                    reason: "the penholder revises the text".into(),
                },
            );
        }
    } else {
        send(
            me,
            Act::ProposeAmendment {
                draft: d.id,
                change,
                reason: String::new(),
            },
        );
    }
    desk.pick_clause = None;
    desk.message = None;
}

/// Objectives, red lines and main stances of a delegation.
pub fn instructions(
    ui: &mut egui::Ui,
    sc: &CompiledScenario,
    seat: SeatId,
    history: Option<&History>,
) {
    let spec = &sc.delegations[seat];
    ui.label(RichText::new("Objectives").strong());
    if spec.objectives.is_empty() {
        ui.label(style::muted(
            "None set by the scenario: play as you see fit.",
        ));
    }
    for o in &spec.objectives {
        let mark = match history.map(|h| scoring::achieved(&o.goal, seat, h)) {
            Some(true) => "✔ ",
            Some(false) => "✖ ",
            None => "• ",
        };
        ui.label(format!(
            "{mark}{} ({} point{})",
            o.description,
            o.points,
            if o.points == 1 { "" } else { "s" }
        ));
    }
    if !spec.red_lines.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("Red lines: you cannot accept a text where").strong());
        for r in &spec.red_lines {
            let kinds = if r.products.is_empty() {
                String::new()
            } else {
                format!(
                    " ({})",
                    r.products
                        .iter()
                        .map(|k| k.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            ui.label(format!("• {}{kinds}", r.reason));
        }
    }
    let mut likes: Vec<(usize, f32)> = (0..sc.clause_count())
        .map(|c| (c, spec.stances[c].iter().copied().fold(f32::MIN, f32::max)))
        .filter(|(_, v)| *v >= 0.5)
        .collect();
    likes.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut dislikes: Vec<(usize, f32)> = (0..sc.clause_count())
        .map(|c| (c, spec.stances[c].iter().copied().fold(f32::MAX, f32::min)))
        .filter(|(_, v)| *v <= -0.5)
        .collect();
    dislikes.sort_by(|a, b| a.1.total_cmp(&b.1));
    if !likes.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("You want the Council to address").strong());
        ui.label(
            likes
                .iter()
                .take(6)
                .map(|&(c, _)| sc.clause(c).topic.clone())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if !dislikes.is_empty() {
        ui.label(RichText::new("You resist language on").strong());
        ui.label(
            dislikes
                .iter()
                .take(6)
                .map(|&(c, _)| sc.clause(c).topic.clone())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    let pens: Vec<String> = sc
        .drafts
        .iter()
        .filter(|d| d.penholder == seat)
        .map(|d| match d.circulated_on {
            Some(day) => format!(
                "• {} (circulated on day {day}, or earlier if you choose)",
                d.title
            ),
            None => format!(
                "• {} (in your drawer: circulate it in the corridors when you choose)",
                d.title
            ),
        })
        .collect();
    if !pens.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("You hold the pen on").strong());
        for line in pens {
            ui.label(line);
        }
    }
    if sc.members[seat].veto {
        ui.add_space(4.0);
        ui.label(
            RichText::new(
                "You hold a veto: your no vote defeats any resolution. Abstaining does not.",
            )
            .color(style::GOLD),
        );
    }
}

fn delegation_tab(ui: &mut egui::Ui, view: &GameView, sit: &Situation, desk: &Desk) {
    let sc = view.sc();
    let Some(seat) = desk.selected_seat else {
        ui.label("Click a seat on the horseshoe to see that delegation's positions.");
        return;
    };
    let m = &sc.members[seat];
    ui.label(style::heading(&m.name));
    ui.label(style::muted(format!(
        "{}{}{}",
        if m.permanent {
            "Permanent member"
        } else {
            "Elected member"
        },
        if m.veto { ", holds a veto" } else { "" },
        if m.groups.is_empty() {
            String::new()
        } else {
            format!(" · {}", m.groups.join(", "))
        }
    )));
    if view.controller(seat) == Controller::Human {
        ui.label("Played by a human delegation.");
        return;
    }
    for d in view.current.table().live() {
        let (att, reason) = attitude(sit, seat, d);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", d.title)).strong());
            ui.label(RichText::new(att.word()).color(att.colour()).strong());
        });
        ui.label(style::muted(reason));
    }
}

/// Who is looking at the record.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Audience<'a> {
    /// One delegation, by code.
    Delegation(&'a str),
    /// A hot-seat room between turns: public entries only.
    Room,
    /// Someone watching an all-AI game: everything.
    Spectator,
}

impl<'a> Audience<'a> {
    fn of(desk: &Desk, viewer: Option<&'a str>) -> Self {
        match viewer {
            Some(code) => Audience::Delegation(code),
            None if desk.hot_seat => Audience::Room,
            None => Audience::Spectator,
        }
    }
}

/// Which record entries an audience may see: lobbying and trades are
/// private to the two delegations involved.
fn visible_to(entry: &Entry, audience: Audience) -> bool {
    match &entry.what {
        What::Lobbied { by, target, .. }
        | What::TradeOffered { by, target, .. }
        | What::Requested { by, target, .. } => match audience {
            Audience::Delegation(v) => v == by || v == target,
            Audience::Room => false,
            Audience::Spectator => true,
        },
        _ => true,
    }
}

/// One record entry as a line of text.
pub fn describe(entry: &Entry, sc: &CompiledScenario) -> (String, Color32) {
    // "the United States" within a sentence, "The United States" at its start.
    let name = |code: &str| {
        sc.seat_of(code)
            .map(|s| horseshoe_core::text::country_in_sentence(sc.name(s)))
            .unwrap_or_else(|| code.to_string())
    };
    let subject = |code: &str| horseshoe_core::text::capitalise(&name(code));
    // A bare name, as a label before a colon.
    let label = |code: &str| {
        sc.seat_of(code)
            .map(|s| sc.name(s).to_string())
            .unwrap_or_else(|| code.to_string())
    };
    let title = |id: &str| {
        sc.drafts
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.title.clone())
            .unwrap_or_else(|| id.to_string())
    };
    match &entry.what {
        What::News { headline, text, .. } => (
            if text.is_empty() {
                headline.clone()
            } else {
                format!("{headline}. {text}")
            },
            style::GOLD,
        ),
        What::Circulated {
            draft,
            version,
            penholder,
            changes,
            reason,
            ..
        } => {
            if *version == 1 || changes.is_empty() {
                (
                    format!(
                        "{} circulates \"{}\" ({reason}).",
                        subject(penholder),
                        title(draft)
                    ),
                    style::UN_BLUE,
                )
            } else {
                (
                    format!(
                        "{} circulates version {version} of \"{}\", {reason}: {}.",
                        subject(penholder),
                        title(draft),
                        changes.join("; ")
                    ),
                    style::UN_BLUE,
                )
            }
        }
        What::AmendmentProposed {
            draft,
            by,
            change,
            reason,
            ..
        } => (
            format!(
                "{} proposes to {change} in \"{}\"{}.",
                subject(by),
                title(draft),
                because(reason)
            ),
            style::TEXT,
        ),
        What::AmendmentAnswered {
            penholder,
            amendment,
            accepted,
            reason,
            ..
        } => (
            format!(
                "{} {} amendment {amendment}{}.",
                subject(penholder),
                if *accepted { "accepts" } else { "refuses" },
                because(reason)
            ),
            style::TEXT,
        ),
        What::Lobbied {
            by,
            target,
            draft,
            agreed,
            reason,
        } => (
            format!(
                "{} asks {} to support \"{}\". {} {}: {reason}.",
                subject(by),
                name(target),
                title(draft),
                subject(target),
                if *agreed { "agrees" } else { "declines" }
            ),
            if *agreed { style::GREEN } else { style::AMBER },
        ),
        What::TradeOffered {
            by,
            target,
            give,
            get,
            accepted,
            reason,
        } => (
            format!(
                "{} offers {} its support for \"{}\" against support for \"{}\". {} {}: {reason}.",
                subject(by),
                name(target),
                title(give),
                title(get),
                subject(target),
                if *accepted { "accepts" } else { "declines" }
            ),
            if *accepted {
                style::GREEN
            } else {
                style::AMBER
            },
        ),
        What::Requested {
            by,
            target,
            draft,
            in_return_for,
        } => (
            match in_return_for {
                Some(give) => format!(
                    "{} asks {} to support \"{}\", offering its support for \"{}\" in return.",
                    subject(by),
                    name(target),
                    title(draft),
                    title(give)
                ),
                None => format!(
                    "{} asks {} to support \"{}\".",
                    subject(by),
                    name(target),
                    title(draft)
                ),
            },
            style::HUMAN,
        ),
        What::CoSponsored { by, draft } => (
            format!("{} co-sponsors \"{}\".", subject(by), title(draft)),
            style::TEXT,
        ),
        What::PressRemarks { by, remarks } => (
            format!("{} to the press: \"{remarks}\"", subject(by)),
            style::MUTED,
        ),
        What::UnderSilence { draft, by, .. } => (
            format!(
                "{} puts \"{}\" under silence procedure until the decision.",
                subject(by),
                title(draft)
            ),
            style::UN_BLUE,
        ),
        What::Silence {
            draft,
            broken_by,
            positions,
            ..
        } => {
            if broken_by.is_empty() {
                (
                    format!("Silence holds on \"{}\": it is agreed.", title(draft)),
                    style::GREEN,
                )
            } else {
                let why: Vec<String> = positions
                    .iter()
                    .filter(|p| !p.choice)
                    .map(|p| format!("{}: {}", label(&p.member), p.reason))
                    .collect();
                (
                    format!(
                        "Silence broken on \"{}\". {}.",
                        title(draft),
                        why.join("; ")
                    ),
                    style::RED,
                )
            }
        }
        What::PutInBlue { draft, by, .. } => (
            format!(
                "{} puts \"{}\" in blue: it can be voted from tomorrow.",
                subject(by),
                title(draft)
            ),
            style::UN_BLUE,
        ),
        What::VoteRequested { draft, by } => (
            format!("{} asks for a vote on \"{}\".", subject(by), title(draft)),
            style::UN_BLUE,
        ),
        What::Vote {
            subject, result, ..
        } => {
            let what = match subject {
                VoteSubject::Draft { draft, .. } => format!("\"{}\"", title(draft)),
                VoteSubject::Amendment {
                    amendment, change, ..
                } => format!("amendment {amendment} ({change})"),
            };
            let outcome = match &result.outcome {
                VoteOutcome::Adopted => "adopted".to_string(),
                VoteOutcome::Vetoed { by } => format!(
                    "vetoed by {}",
                    by.iter().map(|c| name(c)).collect::<Vec<_>>().join(" and ")
                ),
                VoteOutcome::FailedQuota { .. } => format!(
                    "not adopted: {} yes votes, {} needed",
                    result.tally.yes, result.quota
                ),
            };
            (
                format!(
                    "Vote on {what}: {} (yes-no-abstentions), {outcome}.",
                    result.tally
                ),
                if result.outcome.adopted() {
                    style::GREEN
                } else {
                    style::RED
                },
            )
        }
        What::Adopted { kind, title: t, .. } => (
            format!(
                "The Council adopts the {}: {}.",
                kind.name(),
                adopted_title(*kind, t)
            ),
            style::GREEN,
        ),
        What::TriggerFired { description, .. } => (description.clone(), style::GOLD),
        What::Announcement { text } => (text.clone(), style::GOLD),
        What::ControlChanged { member, human } => (
            format!(
                "{} is now played by {}.",
                name(member),
                if *human { "a human" } else { "the AI" }
            ),
            style::MUTED,
        ),
        What::GameOver { reason } => (format!("The game ends: {reason}."), style::GOLD),
    }
}

/// ": reason" after a sentence, or nothing when no reason was given.
fn because(reason: &str) -> String {
    if reason.trim().is_empty() {
        String::new()
    } else {
        format!(": {reason}")
    }
}

fn log_panel(ui: &mut egui::Ui, view: &GameView, desk: &Desk) {
    let sc = view.sc();
    let viewer = desk.viewer.map(|s| sc.code(s).to_string());
    egui::Panel::bottom("log")
        .resizable(false)
        .exact_size(ui.available_height() * 0.36)
        .show(ui, |ui| {
            ui.label(RichText::new("Record (newest first)").strong());
            egui::ScrollArea::vertical()
                .id_salt("log_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let audience = Audience::of(desk, viewer.as_deref());
                    for e in view.current.record().entries.iter().rev() {
                        if !visible_to(e, audience) {
                            continue;
                        }
                        let (text, colour) = describe(e, sc);
                        ui.horizontal_wrapped(|ui| {
                            ui.label(
                                RichText::new(format!("Day {} · {}", e.day, e.phase.label()))
                                    .color(style::MUTED)
                                    .size(style::SMALL),
                            );
                            ui.label(RichText::new(text).color(colour));
                        });
                    }
                });
        });
}

fn decision_window(
    ctx: &egui::Context,
    view: &GameView,
    desk: &mut Desk,
    send: &mut impl FnMut(SeatId, Act),
    key: &dyn Fn(egui::Key) -> bool,
) {
    if desk.reveal.is_some() || view.phase() != Some(Phase::Decision) {
        return;
    }
    let Some(me) = desk.viewer else { return };
    let Some(current) = &view.current.decisions().current else {
        return;
    };
    if current.choices.get(me).is_none_or(Option::is_some) {
        return;
    }
    let sc = view.sc();
    let (draft, heading, explain) = match current.item {
        Item::Silence { draft } => (
            draft,
            "Silence procedure",
            "Keep silence and the text is adopted if no one objects. Break silence and it is blocked.",
        ),
        Item::Amendment { draft, .. } => (
            draft,
            "Vote on an amendment",
            "Amendments are voted before the draft.",
        ),
        Item::Draft { draft } => (
            draft,
            "Vote on a draft resolution",
            if sc.members[me].veto {
                "Your no vote is a veto. An abstention is not."
            } else {
                "Nine yes votes and no veto are needed."
            },
        ),
    };
    let d = &view.current.table().drafts[draft];
    // Show the text being decided beside the window, which sits over the
    // actions (bottom left) so that the draft stays readable.
    desk.selected_draft = Some(draft);
    egui::Window::new(heading)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::LEFT_BOTTOM, egui::vec2(8.0, -175.0))
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(RichText::new(&d.title).strong());
            if let Item::Amendment { amendment, .. } = current.item
                && let Some(a) = d.amendments.iter().find(|a| a.id == amendment)
            {
                ui.label(format!(
                    "Amendment {} by {}: {}",
                    a.id,
                    sc.name(a.by),
                    a.change.describe(sc)
                ));
            }
            ui.label(style::muted(explain));
            if let Some(line) = view.situation().breach(me, d.text()) {
                ui.label(
                    RichText::new(format!(
                        "The text crosses one of your red lines: {}.",
                        sc.delegations[me].red_lines[line].reason
                    ))
                    .color(style::RED),
                );
            }
            ui.add(
                egui::TextEdit::singleline(&mut desk.decision_reason)
                    .desired_width(f32::INFINITY)
                    .hint_text("Your explanation (optional)"),
            );
            ui.horizontal(|ui| {
                let reason = desk.decision_reason.clone();
                match current.item {
                    Item::Silence { .. } => {
                        if style::button(ui, "Keep silence (K)", 170.0).clicked()
                            || key(egui::Key::K)
                        {
                            send(
                                me,
                                Act::Silence {
                                    draft,
                                    keep: true,
                                    reason: reason.clone(),
                                },
                            );
                            desk.decision_reason.clear();
                        }
                        if style::button(ui, "Break silence (B)", 170.0).clicked()
                            || key(egui::Key::B)
                        {
                            send(
                                me,
                                Act::Silence {
                                    draft,
                                    keep: false,
                                    reason,
                                },
                            );
                            desk.decision_reason.clear();
                        }
                    }
                    _ => {
                        for (label, k, vote) in [
                            ("Yes (Y)", egui::Key::Y, Vote::Yes),
                            ("No (N)", egui::Key::N, Vote::No),
                            ("Abstain (A)", egui::Key::A, Vote::Abstain),
                        ] {
                            if style::button(ui, label, 120.0).clicked() || key(k) {
                                send(
                                    me,
                                    Act::CastVote {
                                        vote,
                                        explanation: reason.clone(),
                                    },
                                );
                                desk.decision_reason.clear();
                            }
                        }
                    }
                }
            });
        });
}

fn reveal_window(ctx: &egui::Context, view: &GameView, desk: &mut Desk, now: f64, enter: bool) {
    let Some(reveal) = desk.reveal.clone() else {
        return;
    };
    let sc = view.sc();
    let Some(entry) = view.current.record().entries.get(reveal.entry) else {
        desk.reveal = None;
        return;
    };
    let shown = ((now - reveal.started) / REVEAL_STEP).floor().max(0.0) as usize;
    let total = sc.seat_count();
    if shown <= total {
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(REVEAL_STEP / 2.0));
    }
    let title = |id: &str| {
        sc.drafts
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.title.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let mut close = false;
    egui::Window::new("The Council decides")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        // Wide enough that most reasons fit on one line, so all fifteen
        // ballots fit on a 720-pixel screen.
        .default_width((ctx.content_rect().width() * 0.62).clamp(640.0, 1100.0))
        .show(ctx, |ui| {
            let rows: Vec<(String, String, Color32, String)> = match &entry.what {
                What::Vote {
                    subject, ballots, ..
                } => {
                    let what = match subject {
                        VoteSubject::Draft { draft, .. } => title(draft),
                        VoteSubject::Amendment {
                            amendment, change, ..
                        } => format!("Amendment {amendment}: {change}"),
                    };
                    ui.label(style::heading(format!("Vote: {what}")));
                    ballots
                        .iter()
                        .map(|b| {
                            let veto = b.choice == Vote::No && sc.rules.is_veto_holder(&b.member);
                            let (word, colour) = match b.choice {
                                Vote::Yes => ("YES", style::GREEN),
                                Vote::No if veto => ("NO (veto)", style::DARK_RED),
                                Vote::No => ("NO", style::RED),
                                Vote::Abstain => ("ABSTAINS", style::AMBER),
                                Vote::Absent => ("ABSENT", style::MUTED),
                            };
                            (
                                sc.seat_of(&b.member)
                                    .map(|s| sc.name(s).to_string())
                                    .unwrap_or_default(),
                                word.to_string(),
                                colour,
                                b.reason.clone(),
                            )
                        })
                        .collect()
                }
                What::Silence {
                    draft, positions, ..
                } => {
                    ui.label(style::heading(format!(
                        "Silence procedure: {}",
                        title(draft)
                    )));
                    positions
                        .iter()
                        .map(|p| {
                            let (word, colour) = if p.choice {
                                ("keeps silence", style::GREEN)
                            } else {
                                ("BREAKS SILENCE", style::RED)
                            };
                            (
                                sc.seat_of(&p.member)
                                    .map(|s| sc.name(s).to_string())
                                    .unwrap_or_default(),
                                word.to_string(),
                                colour,
                                p.reason.clone(),
                            )
                        })
                        .collect()
                }
                _ => Vec::new(),
            };
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.68)
                // The newest ballot stays in view as they are revealed.
                .stick_to_bottom(true)
                .show(ui, |ui| {
                    egui::Grid::new("ballots")
                        .num_columns(3)
                        .striped(true)
                        .show(ui, |ui| {
                            for (name, word, colour, reason) in rows.iter().take(shown) {
                                ui.label(RichText::new(name).strong());
                                ui.label(RichText::new(word).color(*colour).strong());
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(reason)
                                            .size(style::SMALL)
                                            .color(style::MUTED),
                                    )
                                    .wrap(),
                                );
                                ui.end_row();
                            }
                        });
                });
            if shown >= rows.len() {
                let (summary, colour) = describe(entry, sc);
                ui.separator();
                ui.label(RichText::new(summary).color(colour).strong());
                if style::primary(ui, "Continue  (Enter)").clicked() || enter {
                    close = true;
                }
            } else if ui.button("Show all").clicked() {
                desk.reveal = Some(super::desk::Reveal {
                    entry: reveal.entry,
                    started: now - REVEAL_STEP * (total as f64 + 1.0),
                });
            }
        });
    if close {
        desk.reveal = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use horseshoe_core::model::record::PhaseName;

    fn entry(what: What) -> Entry {
        Entry {
            day: 2,
            phase: PhaseName::Corridors,
            what,
        }
    }

    #[test]
    fn private_talks_show_to_their_two_delegations_and_to_no_room() {
        let lobbied = entry(What::Lobbied {
            by: "RUS".into(),
            target: "USA".into(),
            draft: "moroccan_ps".into(),
            agreed: false,
            reason: "it cannot accept the text".into(),
        });
        let news = entry(What::Announcement {
            text: "The Secretary-General flies to the region.".into(),
        });
        assert!(visible_to(&lobbied, Audience::Delegation("RUS")));
        assert!(visible_to(&lobbied, Audience::Delegation("USA")));
        assert!(!visible_to(&lobbied, Audience::Delegation("MAR")));
        assert!(!visible_to(&lobbied, Audience::Room));
        assert!(visible_to(&lobbied, Audience::Spectator));
        for audience in [
            Audience::Delegation("MAR"),
            Audience::Room,
            Audience::Spectator,
        ] {
            assert!(visible_to(&news, audience));
        }
    }
}
