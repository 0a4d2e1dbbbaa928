//! The player's corridor actions on the selected draft: circulate it,
//! revise or amend it ([`super::amend`]), answer amendments, put it under
//! silence or in blue, ask for the vote, co-sponsor, lobby and trade with
//! the delegation selected on the horseshoe, and speak to the press.

use bevy_egui::egui::{self, RichText};
use horseshoe_core::model::act::Act;
use horseshoe_core::model::compiled::SeatId;
use horseshoe_core::model::draft::{AmendmentState, DraftStatus, Text};
use horseshoe_core::model::record::PhaseName;
use horseshoe_core::rules::{Motion, ProductKind};
use horseshoe_core::text::capitalise;
use horseshoe_core::view::GameView;
use horseshoe_core::view::drafts::DraftView;

use super::{Outbox, amend};
use crate::ui::desk::Desk;
use crate::ui::theme;

pub(super) fn actions(ui: &mut egui::Ui, view: &GameView, desk: &mut Desk, out: &mut Outbox) {
    let Some(mine) = &view.desk else {
        ui.label(if desk.projector {
            "The whole room's view: the students act from their devices. The news, the drafts, the positions shown and the results appear here; the teacher's controls (Ctrl+T) have the codes. Use the button at the top to move the crisis on."
        } else if desk.hot_seat {
            "The whole room's view: the news, the drafts and the results. Each delegation takes the keyboard for its own turn in the corridors and for its decisions. Use the button at the top to move the crisis on."
        } else {
            "You are watching. Use the buttons at the top to move the crisis on."
        });
        return;
    };
    if view.phase != PhaseName::Corridors || !mine.human || view.over.is_some() {
        ui.label(match view.phase {
            PhaseName::Morning => {
                "Morning: read the news in the record, then go to the consultations."
            }
            PhaseName::Consultations => "Consultations: drafts are circulated and revised.",
            PhaseName::Decision => "Decision: statements under silence and votes.",
            PhaseName::Evening => "Evening: the day's results are in the record.",
            PhaseName::Corridors => "",
        });
        return;
    }
    let me = mine.seat;
    let points = mine.points;
    let Some(d) = desk.selected_draft.and_then(|i| view.draft(i)) else {
        ui.label(if view.drafts.iter().any(|d| !d.in_drawer()) {
            "Select a draft to act on it."
        } else {
            "No draft is on the table yet: there is nothing to amend or lobby for."
        });
        press_remarks(ui, view, desk, out, me, points);
        return;
    };
    ui.label(RichText::new(format!("On \"{}\"", d.title)).strong());
    // The player's own red lines are theirs to keep: say when a text crosses one.
    if let Some(reason) = &d.crosses_my_red_line {
        ui.label(
            RichText::new(format!(
                "This text crosses one of your red lines: {reason}."
            ))
            .color(theme::RED),
        );
    }
    if d.in_drawer() {
        ui.label(
            "This draft is in your drawer: the Council has not seen it. Circulate it and \
             every delegation can read it, amend it and take a position on it.",
        );
        let circulate = egui::Button::new("Circulate it to the Council (1 point)");
        if ui.add_enabled(points > 0, circulate).clicked() {
            out.send(me, Act::Circulate { draft: d.id });
        }
        return;
    }
    if !d.live {
        ui.label(format!(
            "This draft is {}: nothing more can be done with it.",
            d.status.label()
        ));
    }
    if d.open {
        amend::amend(ui, view, desk, out, d, me, points);
    }
    if d.penholder == me {
        penholder_actions(ui, view, desk, out, d, me);
    } else if d.live {
        member_actions(ui, view, out, d, me);
    }
    lobbying(ui, view, desk, out, d, me, points);
    table_own(ui, out, d, me, points);
    press_remarks(ui, view, desk, out, me, points);
    motions(ui, view, out, me, points);
}

/// A text of one's own from this one's paragraphs, of any kind: a blocked
/// statement escalated, or a rival text to revise.
fn table_own(ui: &mut egui::Ui, out: &mut Outbox, d: &DraftView, me: SeatId, points: u32) {
    if !d.live
        && !matches!(
            d.status,
            DraftStatus::Adopted { .. } | DraftStatus::Failed { .. }
        )
    {
        return;
    }
    ui.add_space(6.0);
    ui.label("Table a draft of your own from this text (1 point), then revise it:");
    ui.horizontal_wrapped(|ui| {
        for kind in ProductKind::ALL {
            let button = egui::Button::new(format!("A {}", kind.name()));
            let hover = match kind {
                ProductKind::Resolution => "Nine votes and no veto: one objection cannot stop it.",
                _ => "Agreed by every member under silence.",
            };
            if ui
                .add_enabled(points > 0, button)
                .on_hover_text(hover)
                .clicked()
            {
                let text = Text {
                    kind,
                    clauses: d.text.clauses.clone(),
                };
                let reason = String::new();
                let title = String::new();
                out.send(
                    me,
                    Act::TableDraft {
                        title,
                        text,
                        reason,
                    },
                );
            }
        }
    });
}

/// Procedural motions a member may move: voted first in the decision
/// phase, nine votes, no veto.
fn motions(ui: &mut egui::Ui, view: &GameView, out: &mut Outbox, me: SeatId, points: u32) {
    let open: Vec<Motion> = view
        .motions_open
        .iter()
        .copied()
        .filter(|m| *m != Motion::AdoptAgenda)
        .collect();
    if open.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label("Move a procedural motion (1 point; voted first, nine votes, no veto):");
    ui.horizontal_wrapped(|ui| {
        for motion in open {
            let label = match motion {
                Motion::OpenDebate => "An open debate",
                _ => "A public meeting",
            };
            let button = egui::Button::new(label);
            if ui
                .add_enabled(points > 0, button)
                .on_hover_text(format!("That the Council {}", motion.describe()))
                .clicked()
            {
                out.send(
                    me,
                    Act::ProposeMotion {
                        motion,
                        reason: String::new(),
                    },
                );
            }
        }
    });
}

/// The penholder answers amendments and moves its text to a decision.
fn penholder_actions(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &mut Desk,
    out: &mut Outbox,
    d: &DraftView,
    me: SeatId,
) {
    let pending: Vec<_> = d
        .amendments
        .iter()
        .filter(|a| a.state == AmendmentState::Proposed)
        .collect();
    if !pending.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Amendments awaiting your answer:").strong());
    }
    for a in pending {
        ui.label(format!(
            "{} proposes to {}",
            capitalise(&view.name_in_sentence(a.by)),
            a.description
        ));
        ui.horizontal(|ui| {
            for (label, accept) in [("Accept", true), ("Refuse", false)] {
                if ui.button(label).clicked() {
                    let answer = Act::AnswerAmendment {
                        draft: d.id,
                        amendment: a.id,
                        accept,
                        // A player's choice needs no stated reason.
                        reason: String::new(),
                    };
                    out.send(me, answer);
                }
            }
        });
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if d.consensus
            && d.open
            && ui
                .button("Put under silence")
                .on_hover_text(
                    "Every member must keep silence until today's decision for it to be adopted.",
                )
                .clicked()
        {
            out.send(
                me,
                Act::PutUnderSilence {
                    draft: d.id,
                    reason: String::new(),
                },
            );
            let note = "The text goes under silence until the decision.";
            desk.message = Some((note.into(), false));
        }
        if !d.consensus
            && d.open
            && ui
                .button("Put in blue")
                .on_hover_text("The final text: it can be voted from tomorrow.")
                .clicked()
        {
            out.send(
                me,
                Act::PutInBlue {
                    draft: d.id,
                    reason: String::new(),
                },
            );
        }
        if d.votable && !d.vote_requested && ui.button("Request the vote").clicked() {
            out.send(
                me,
                Act::RequestVote {
                    draft: d.id,
                    reason: String::new(),
                },
            );
        }
        if d.live && ui.button("Withdraw").clicked() {
            out.send(me, Act::Withdraw { draft: d.id });
        }
    });
}

/// Another member may co-sponsor a resolution, and press an amendment of
/// its own to the vote (refused, or left unanswered by the penholder).
fn member_actions(ui: &mut egui::Ui, view: &GameView, out: &mut Outbox, d: &DraftView, me: SeatId) {
    if d.kind != ProductKind::Resolution {
        return;
    }
    // On the last day the President may call the vote on a text in blue.
    let chair = view.last_day && view.seats.get(me).is_some_and(|s| s.presidency);
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if chair
            && d.votable
            && !d.vote_requested
            && ui
                .button("Call the vote (as President)")
                .on_hover_text("The crisis ends today: the Council decides this text.")
                .clicked()
        {
            out.send(
                me,
                Act::RequestVote {
                    draft: d.id,
                    reason: String::new(),
                },
            );
        }
        if !d.sponsors.contains(&me) && ui.button("Co-sponsor").clicked() {
            out.send(
                me,
                Act::CoSponsor {
                    draft: d.id,
                    reason: String::new(),
                },
            );
        }
        let pressable = d.amendments.iter().filter(|a| a.by == me && a.pressable);
        for a in pressable {
            if ui
                .button(format!("Put amendment {} to the vote", a.id))
                .clicked()
            {
                let insist = Act::InsistOnAmendment {
                    draft: d.id,
                    amendment: a.id,
                };
                out.send(me, insist);
            }
        }
    });
}

/// Lobbying and trades need a delegation: the one selected on the horseshoe.
fn lobbying(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &Desk,
    out: &mut Outbox,
    d: &DraftView,
    me: SeatId,
    points: u32,
) {
    ui.add_space(6.0);
    let Some(target) = desk.selected_seat.filter(|&s| s != me) else {
        ui.label(theme::muted(
            "Click a seat on the horseshoe to lobby that delegation or offer it a trade.",
        ));
        return;
    };
    let name = view.name_in_sentence(target);
    if d.live {
        let ask = egui::Button::new(format!("Ask {name} to support this draft (1 point)"));
        if ui.add_enabled(points > 0, ask).clicked() {
            let lobby = Act::Lobby {
                target,
                draft: d.id,
            };
            out.send(me, lobby);
        }
    }
    // A trade: our support for one of their drafts against theirs for this one.
    let theirs = view
        .drafts
        .iter()
        .filter(|o| o.live && o.penholder == target && o.id != d.id);
    for o in theirs {
        let offer = egui::Button::new(format!(
            "Offer {name}: your support for \"{}\" against theirs for this draft (1 point)",
            o.title
        ))
        .wrap();
        if ui.add_enabled(points > 0, offer).clicked() {
            let trade = Act::OfferTrade {
                target,
                give: o.id,
                get: d.id,
            };
            out.send(me, trade);
        }
    }
}

/// Speaking to the press, optionally naming the delegation selected.
fn press_remarks(
    ui: &mut egui::Ui,
    view: &GameView,
    desk: &mut Desk,
    out: &mut Outbox,
    me: SeatId,
    points: u32,
) {
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
        Some(s) => format!("Speak, naming {}", view.name_in_sentence(s)),
        None => "Speak".to_string(),
    };
    let speak = egui::Button::new(label);
    if ui
        .add_enabled(points > 0 && !desk.press_text.trim().is_empty(), speak)
        .clicked()
    {
        let remarks = desk.press_text.trim().to_string();
        out.send(me, Act::PressRemarks { about, remarks });
        desk.press_text.clear();
    }
}
