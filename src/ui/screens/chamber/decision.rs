//! The decision window: the player keeps or breaks silence on a statement,
//! or votes on an amendment or a draft resolution, with an explanation.
//! Keys K and B, or Y, N and A.

use bevy_egui::egui::{self, RichText};
use horseshoe_core::model::act::Act;
use horseshoe_core::model::decision::Item;
use horseshoe_core::model::record::PhaseName;
use horseshoe_core::rules::Vote;
use horseshoe_core::view::GameView;

use super::{Keys, Outbox};
use crate::ui::desk::Desk;
use crate::ui::theme;

pub(super) fn decision_window(
    ctx: &egui::Context,
    view: &GameView,
    desk: &mut Desk,
    out: &mut Outbox,
    keys: &Keys,
) {
    if desk.reveal.is_some() || view.phase != PhaseName::Decision {
        return;
    }
    let (Some(mine), Some(decision)) = (&view.desk, &view.decision) else {
        return;
    };
    if !mine.decides_now {
        return;
    }
    let me = mine.seat;
    let veto = view.seat(me).is_some_and(|s| s.veto);
    let (heading, explain) = match decision.item {
        Item::Motion { .. } => (
            "Procedural vote",
            "Nine yes votes adopt it; no veto applies to a procedural matter.",
        ),
        Item::Silence { .. } => (
            "Silence procedure",
            "Keep silence and the text is adopted if no one objects. Break silence and it is blocked.",
        ),
        Item::Amendment { .. } => (
            "Vote on an amendment",
            "Amendments are voted before the draft.",
        ),
        Item::Draft { .. } if veto => (
            "Vote on a draft resolution",
            "Your no vote is a veto. An abstention is not.",
        ),
        Item::Draft { .. } => (
            "Vote on a draft resolution",
            "Nine yes votes and no veto are needed.",
        ),
    };
    // Show the text being decided beside the window, which sits over the
    // actions (bottom left) so that the draft stays readable.
    if let Some(draft) = decision.draft {
        desk.selected_draft = Some(draft);
    }
    egui::Window::new(heading)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::LEFT_BOTTOM, egui::vec2(8.0, -175.0))
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(RichText::new(&decision.title).strong());
            if let Some(amendment) = &decision.amendment {
                ui.label(format!("Amendment {amendment}"));
            }
            ui.label(theme::muted(explain));
            if let Some(reason) = &mine.decision_crosses {
                ui.label(
                    RichText::new(format!("The text crosses one of your red lines: {reason}."))
                        .color(theme::RED),
                );
            }
            ui.add(
                egui::TextEdit::singleline(&mut desk.decision_reason)
                    .desired_width(f32::INFINITY)
                    .hint_text("Your explanation (optional)"),
            );
            ui.horizontal(|ui| {
                let chosen = match decision.item {
                    Item::Silence { draft } => silence_buttons(ui, keys).map(|keep| Act::Silence {
                        draft,
                        keep,
                        reason: desk.decision_reason.clone(),
                    }),
                    _ => vote_buttons(ui, keys).map(|vote| Act::CastVote {
                        vote,
                        explanation: desk.decision_reason.clone(),
                    }),
                };
                if let Some(act) = chosen {
                    out.send(me, act);
                    desk.decision_reason.clear();
                }
            });
        });
}

/// Keep (true) or break (false) silence, if chosen this frame.
fn silence_buttons(ui: &mut egui::Ui, keys: &Keys) -> Option<bool> {
    let mut chosen = None;
    for (label, key, keep) in [
        ("Keep silence (K)", egui::Key::K, true),
        ("Break silence (B)", egui::Key::B, false),
    ] {
        if theme::button(ui, label, 170.0).clicked() || keys.pressed(key) {
            chosen = Some(keep);
        }
    }
    chosen
}

/// A vote, if cast this frame.
fn vote_buttons(ui: &mut egui::Ui, keys: &Keys) -> Option<Vote> {
    let mut chosen = None;
    for (label, key, vote) in [
        ("Yes (Y)", egui::Key::Y, Vote::Yes),
        ("No (N)", egui::Key::N, Vote::No),
        ("Abstain (A)", egui::Key::A, Vote::Abstain),
    ] {
        if theme::button(ui, label, 120.0).clicked() || keys.pressed(key) {
            chosen = Some(vote);
        }
    }
    chosen
}
