//! Changing a text: pick a paragraph of the clause library and a wording;
//! the penholder revises its own text at once, another member proposes an
//! amendment for the penholder to answer.

use bevy_egui::egui;
use horseshoe_core::model::act::change_act;
use horseshoe_core::model::compiled::SeatId;
use horseshoe_core::model::draft::Change;
use horseshoe_core::text::capitalise;
use horseshoe_core::view::GameView;
use horseshoe_core::view::drafts::{ClauseView, DraftView};

use super::Outbox;
use crate::ui::desk::Desk;

pub(super) fn amend(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &mut Desk,
    out: &mut Outbox,
    d: &DraftView,
    me: SeatId,
    points: u32,
) {
    let own = d.penholder == me;
    ui.add_space(4.0);
    ui.label(if own {
        "Revise your text (1 point):"
    } else {
        "Propose an amendment (1 point):"
    });
    picker(ui, view, desk, d);
    let Some(clause) = desk
        .pick_clause
        .and_then(|c| view.clauses.iter().find(|v| v.id == c))
    else {
        return;
    };
    let present = d.text.wording_of(clause.id);
    let wording = desk
        .pick_wording
        .min(clause.wordings.len().saturating_sub(1) as u8);
    let change = match present {
        None => Some(Change::Add {
            clause: clause.id,
            wording,
        }),
        Some(w) if w != wording => Some(Change::Reword {
            clause: clause.id,
            wording,
        }),
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
                submit(view, desk, out, me, d, change);
            }
        }
        let delete = if own {
            "Delete it"
        } else {
            "Propose deleting it"
        };
        if present.is_some()
            && ui
                .add_enabled(points > 0, egui::Button::new(delete))
                .clicked()
        {
            let change = Change::Delete { clause: clause.id };
            submit(view, desk, out, me, d, change);
        }
    });
}

/// Two menus: the paragraph, then its wording.
fn picker(ui: &mut egui::Ui, view: &GameView, desk: &mut Desk, d: &DraftView) {
    let label = |c: &ClauseView| {
        let present = if d.text.wording_of(c.id).is_some() {
            "in the text"
        } else {
            "not in the text"
        };
        format!("{} ({present})", capitalise(&c.topic))
    };
    let chosen = desk
        .pick_clause
        .and_then(|c| view.clauses.iter().find(|v| v.id == c));
    let selected = chosen
        .map(label)
        .unwrap_or_else(|| "Choose a paragraph".into());
    egui::ComboBox::from_id_salt("pick_clause")
        .selected_text(selected)
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            for c in &view.clauses {
                let before = desk.pick_clause;
                ui.selectable_value(&mut desk.pick_clause, Some(c.id), label(c));
                if desk.pick_clause != before {
                    desk.pick_wording = d.text.wording_of(c.id).unwrap_or(0);
                }
            }
        });
    let Some(c) = chosen else { return };
    let w = desk
        .pick_wording
        .min(c.wordings.len().saturating_sub(1) as u8);
    egui::ComboBox::from_id_salt("pick_wording")
        .selected_text(c.wordings[w as usize].as_str())
        .width(ui.available_width() - 8.0)
        .wrap_mode(egui::TextWrapMode::Truncate)
        .show_ui(ui, |ui| {
            for (i, text) in c.wordings.iter().enumerate() {
                let i = i as u8;
                let item = format!("{}: {text}", c.strength(i));
                ui.selectable_value(&mut desk.pick_wording, i, item);
            }
        });
}

fn submit(
    view: &GameView,
    desk: &mut Desk,
    out: &mut Outbox,
    me: SeatId,
    d: &DraftView,
    change: Change,
) {
    if let Some(act) = change_act(me, d.id, d.penholder, &d.text, change, &view.parts) {
        out.send(me, act);
    }
    desk.pick_clause = None;
    desk.message = None;
}
