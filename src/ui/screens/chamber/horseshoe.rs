//! The horseshoe table: fifteen nameplates in a U, each coloured by the
//! position its delegation has shown on the draft selected (what the record
//! says it did, never what an AI thinks), with the draft in the middle.

use bevy_egui::egui::{self, Color32, RichText};
use horseshoe_core::model::record::PhaseName;
use horseshoe_core::view::GameView;
use horseshoe_core::view::drafts::DraftView;
use horseshoe_core::view::positions::{Known, Stance};

use crate::ui::desk::{Desk, Tab};
use crate::ui::theme;

/// Height of a nameplate, and the gap between two.
const PLATE: f32 = 44.0;
const GAP: f32 = 6.0;

pub(super) fn horseshoe(ui: &mut egui::Ui, view: &GameView, desk: &mut Desk) {
    let n = view.seats.len();
    if n == 0 {
        return;
    }
    let rows = (n - n.div_ceil(3)).div_ceil(2) + 1;
    let height = rows as f32 * (PLATE + GAP);
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::hover(),
    );
    let rects = seat_rects(rect, n);
    let draft = desk
        .selected_draft
        .and_then(|d| view.draft(d))
        .filter(|d| !d.in_drawer());
    let painter = ui.painter_at(rect);
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
    let centre = match draft {
        Some(d) => format!("{}\n{} · version {}", d.title, d.status.label(), d.version),
        None => "No draft selected".to_string(),
    };
    let galley = painter.layout(
        centre,
        egui::FontId::proportional(theme::SMALL),
        theme::MUTED,
        inner.width().max(40.0),
    );
    painter.galley(inner.center() - galley.size() / 2.0, galley, theme::MUTED);
    for (seat, r) in rects.iter().enumerate() {
        let response = nameplate(ui, &painter, *r, view, desk, draft, seat);
        if response.clicked() {
            desk.selected_seat = Some(seat);
            desk.tab = Tab::Delegation;
        }
    }
    ui.label(
        RichText::new(
            "★ veto · P president · ✒ penholder · 👤 students · click a seat for what it has said",
        )
        .size(theme::SMALL)
        .color(theme::MUTED),
    );
}

/// One nameplate: the name, the position shown on the draft (or the
/// students' names), the marks; hovering tells what the position rests on.
fn nameplate(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    r: egui::Rect,
    view: &GameView,
    desk: &Desk,
    draft: Option<&DraftView>,
    seat: usize,
) -> egui::Response {
    let member = &view.seats[seat];
    let known = draft.and_then(|d| d.positions.get(seat));
    let colour = known.map_or(Color32::from_gray(80), |k| theme::stance_colour(k.stance));
    let response = ui.interact(r, egui::Id::new(("seat", seat)), egui::Sense::click());
    let fill = if desk.viewer == Some(seat) {
        Color32::from_rgb(38, 52, 84)
    } else {
        Color32::from_rgb(34, 40, 50)
    };
    painter.rect_filled(r, 5.0, fill);
    let border = if desk.selected_seat == Some(seat) {
        egui::Stroke::new(2.5, theme::GOLD)
    } else {
        egui::Stroke::new(1.5, colour)
    };
    painter.rect_stroke(r, 5.0, border, egui::StrokeKind::Inside);
    // Name: full if it fits, then in a smaller size ("Bosnia and
    // Herzegovina"), else the code, with the full name on hover.
    let room = r.width() - 8.0;
    let layout = |text: &str, size: f32| {
        painter.layout_no_wrap(
            text.to_owned(),
            egui::FontId::proportional(size),
            theme::TEXT,
        )
    };
    let mut name = layout(&member.name, 12.5);
    if name.size().x > room {
        name = layout(&member.name, 10.5);
    }
    let response = if name.size().x > room {
        name = layout(&member.code, 12.5);
        response.on_hover_text(&member.name)
    } else {
        response
    };
    painter.galley(egui::pos2(r.left() + 4.0, r.top() + 3.0), name, theme::TEXT);
    let mut marks = String::new();
    if member.veto {
        marks.push('★');
    }
    if member.presidency {
        marks.push_str(" P");
    }
    if draft.is_some_and(|d| d.penholder == seat) {
        marks.push_str(" ✒");
    }
    if member.human {
        marks.push_str(" 👤");
    }
    // The room sees who has ended its turn.
    if member.human && member.turn_done && view.phase == PhaseName::Corridors {
        marks.push_str(" ✔");
    }
    let team = member.team.trim();
    let line2 = if member.human && !team.is_empty() {
        // The students' names on their nameplate, cut to fit.
        let room = ((r.width() - 30.0) / 6.5).max(4.0) as usize;
        let mut short: String = team.chars().take(room).collect();
        if short.len() < team.len() {
            short.push('…');
        }
        format!("{short}  {}", marks.trim())
    } else if let Some(k) = known {
        format!("{}  {}", k.word(), marks.trim())
    } else {
        marks.trim().to_string()
    };
    let line2_colour = if known.is_some() {
        colour
    } else {
        theme::MUTED
    };
    painter.text(
        egui::pos2(r.left() + 4.0, r.bottom() - 4.0),
        egui::Align2::LEFT_BOTTOM,
        line2,
        egui::FontId::proportional(11.5),
        line2_colour,
    );
    response.on_hover_text(hover(&member.name, team, known))
}

fn hover(name: &str, team: &str, known: Option<&Known>) -> String {
    let mut out = name.to_string();
    if !team.is_empty() {
        out.push_str(&format!(" ({team})"));
    }
    match known {
        Some(k) if k.stance != Stance::Unknown => {
            out.push_str(&format!(": {}, {}", k.word(), k.basis));
        }
        Some(_) => out.push_str(": has shown no position on this draft yet"),
        None => {}
    }
    out
}

/// The seats of the horseshoe: a U of five seats per side.
fn seat_rects(rect: egui::Rect, n: usize) -> Vec<egui::Rect> {
    let per_side = n.div_ceil(3).max(1);
    let w = ((rect.width() - GAP * (per_side as f32 - 1.0)) / per_side as f32).max(40.0);
    let size = egui::vec2(w, PLATE);
    let mut out = Vec::with_capacity(n);
    // Left arm top to bottom, the bottom row left to right, the right arm bottom to top.
    let left_count = (n - per_side) / 2;
    let right_count = n - per_side - left_count;
    for i in 0..left_count {
        let y = rect.top() + i as f32 * (PLATE + GAP);
        out.push(egui::Rect::from_min_size(egui::pos2(rect.left(), y), size));
    }
    let bottom_y = rect.top() + left_count.max(right_count) as f32 * (PLATE + GAP);
    for i in 0..per_side {
        let x = rect.left() + i as f32 * (w + GAP);
        out.push(egui::Rect::from_min_size(egui::pos2(x, bottom_y), size));
    }
    for i in 0..right_count {
        let y = bottom_y - (i + 1) as f32 * (PLATE + GAP);
        out.push(egui::Rect::from_min_size(
            egui::pos2(rect.right() - w, y),
            size,
        ));
    }
    out
}
