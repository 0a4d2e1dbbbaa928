//! The drafts: one tab per draft the player can see (keys 1-4), and the
//! selected one as UN text, changes since the last version highlighted,
//! with the amendments proposed to it.

use bevy_egui::egui::{self, RichText};
use horseshoe_core::model::draft::AmendmentState;
use horseshoe_core::rules::ProductKind;
use horseshoe_core::view::GameView;
use horseshoe_core::view::drafts::DraftView;

use super::Keys;
use crate::ui::desk::Desk;
use crate::ui::theme;

pub(super) fn drafts(ui: &mut egui::Ui, view: &GameView, desk: &mut Desk, keys: &Keys) {
    // The Council sees what is circulated; a penholder also sees its own
    // drafts still in the drawer, so it can circulate one early.
    if view.drafts.is_empty() {
        ui.label(theme::heading("No draft on the table yet"));
        ui.label(theme::muted("Drafts are circulated in the consultations."));
        return;
    }
    if desk.selected_draft.is_none_or(|d| view.draft(d).is_none()) {
        desk.selected_draft = view
            .drafts
            .iter()
            .find(|d| d.live)
            .or(view.drafts.first())
            .map(|d| d.id);
    }
    tabs(ui, view, desk, keys);
    let Some(d) = desk.selected_draft.and_then(|i| view.draft(i)) else {
        return;
    };
    ui.separator();
    ui.label(theme::muted(about(view, d)));
    egui::ScrollArea::vertical()
        .id_salt("draft_text")
        .show(ui, |ui| {
            council_text(ui, d);
            amendments(ui, view, d);
        });
}

fn tabs(ui: &mut egui::Ui, view: &GameView, desk: &mut Desk, keys: &Keys) {
    ui.horizontal_wrapped(|ui| {
        for (i, d) in view.drafts.iter().enumerate() {
            let status = if d.in_drawer() {
                "in your drawer"
            } else {
                d.status.label()
            };
            let label = format!("{} {} ({status})", i + 1, short_kind(d.kind));
            if ui
                .selectable_label(desk.selected_draft == Some(d.id), label)
                .clicked()
            {
                desk.selected_draft = Some(d.id);
            }
        }
    });
    // Number keys pick a draft.
    use egui::Key::{Num1, Num2, Num3, Num4};
    for (key, d) in [Num1, Num2, Num3, Num4].into_iter().zip(&view.drafts) {
        if keys.pressed(key) {
            desk.selected_draft = Some(d.id);
        }
    }
}

/// "press statement · pen: Morocco · sponsors: ... · version 2".
fn about(view: &GameView, d: &DraftView) -> String {
    let name = |s: usize| view.seat(s).map(|m| m.name.clone()).unwrap_or_default();
    let sponsors = if d.sponsors.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = d.sponsors.iter().map(|&s| name(s)).collect();
        format!(" · sponsors: {}", names.join(", "))
    };
    format!(
        "{} · pen: {}{sponsors} · version {}",
        d.kind.name(),
        name(d.penholder),
        d.version
    )
}

/// The text as the Council would issue it.
fn council_text(ui: &mut egui::Ui, d: &DraftView) {
    let rendered = &d.rendered;
    ui.label(
        RichText::new(&rendered.heading)
            .strong()
            .size(theme::BODY + 3.0),
    );
    ui.add_space(6.0);
    if let Some(opening) = &rendered.opening {
        ui.label(opening);
        ui.add_space(4.0);
    }
    let font = egui::FontId::proportional(theme::BODY + 1.0);
    for p in &rendered.paragraphs {
        let changed = p.clause.as_ref().is_some_and(|id| d.changed.contains(id));
        let colour = if changed { theme::CHANGED } else { theme::TEXT };
        let plain = egui::TextFormat::simple(font.clone(), colour);
        let mut job = egui::text::LayoutJob::default();
        if let Some(n) = p.number {
            job.append(&format!("{n}. "), 0.0, plain.clone());
        }
        let lead = egui::TextFormat {
            italics: d.kind == ProductKind::Resolution,
            ..plain.clone()
        };
        job.append(&p.lead, 0.0, lead);
        job.append(&p.rest, 0.0, plain);
        job.wrap.max_width = ui.available_width();
        ui.label(job);
        ui.add_space(6.0);
    }
    if !d.changed.is_empty() {
        ui.label(
            RichText::new("Highlighted: changed since the last version.")
                .color(theme::CHANGED)
                .size(theme::SMALL),
        );
    }
}

/// Amendments still in play: awaiting the penholder, refused, or to be voted.
fn amendments(ui: &mut egui::Ui, view: &GameView, d: &DraftView) {
    let open: Vec<_> = d
        .amendments
        .iter()
        .filter(|a| {
            matches!(
                a.state,
                AmendmentState::Proposed | AmendmentState::ToVote | AmendmentState::Rejected
            )
        })
        .collect();
    if open.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(theme::heading("Amendments"));
    for a in open {
        let state = match a.state {
            AmendmentState::Proposed => "awaiting the penholder",
            AmendmentState::ToVote => "to be voted before the draft",
            _ => "refused by the penholder",
        };
        let by = view.seat(a.by).map(|s| s.name.as_str()).unwrap_or_default();
        ui.label(format!("{} ({by}): {} — {state}", a.id, a.description));
    }
}

pub(super) fn short_kind(kind: ProductKind) -> &'static str {
    match kind {
        ProductKind::PressStatement => "Press statement",
        ProductKind::PresidentialStatement => "Presidential statement",
        ProductKind::Resolution => "Resolution",
    }
}
