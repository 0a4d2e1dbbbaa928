//! What the player knows of the delegation selected on the horseshoe: its
//! seat and groups, and the position it has shown on each draft, with what
//! that rests on. Only what the record shows: another delegation's mind is
//! its own.

use bevy_egui::egui::{self, RichText};
use horseshoe_core::narration::sentence;
use horseshoe_core::view::GameView;
use horseshoe_core::view::positions::Stance;

use crate::ui::desk::Desk;
use crate::ui::theme;

pub(super) fn delegation(ui: &mut egui::Ui, view: &GameView, desk: &Desk) {
    let Some(m) = desk.selected_seat.and_then(|s| view.seat(s)) else {
        ui.label("Click a seat on the horseshoe to see what that delegation has said and done.");
        return;
    };
    ui.label(theme::heading(&m.name));
    let seat_kind = if m.permanent {
        "Permanent member"
    } else {
        "Elected member"
    };
    let veto = if m.veto { ", holds a veto" } else { "" };
    let groups = if m.groups.is_empty() {
        String::new()
    } else {
        format!(" · {}", m.groups.join(", "))
    };
    ui.label(theme::muted(format!("{seat_kind}{veto}{groups}")));
    if m.human {
        let team = m.team.trim();
        ui.label(if team.is_empty() {
            "Played by students.".to_string()
        } else {
            format!("Played by students: {team}.")
        });
    }
    let drafts: Vec<_> = view.drafts.iter().filter(|d| !d.in_drawer()).collect();
    if drafts.is_empty() {
        ui.label(theme::muted("No draft is on the table yet."));
    }
    for d in drafts {
        let Some(known) = d.positions.get(m.seat) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", d.title)).strong());
            let colour = theme::stance_colour(known.stance);
            ui.label(RichText::new(known.word()).color(colour).strong());
        });
        if known.stance != Stance::Unknown {
            ui.label(theme::muted(sentence(&known.basis)));
        }
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(
            "Positions come from what a delegation has done in the open (or told you in private): \
             the pen, co-sponsoring, amendments, silence and votes. A question mark is your \
             delegation's own estimate of one that has not shown its hand: it may be wrong; \
             lobbying it tells you more.",
        )
        .size(theme::SMALL)
        .color(theme::MUTED),
    );
}
