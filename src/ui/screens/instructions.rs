//! A delegation's instructions as the briefing and the chamber show them.

use bevy_egui::egui::{self, RichText};
use horseshoe_core::view::instructions::Instructions;

use crate::ui::theme;

/// Objectives (met or not, once the game is under way), red lines, the
/// topics it wants and resists, its pens and its veto.
pub(super) fn instructions(ui: &mut egui::Ui, brief: &Instructions) {
    ui.label(RichText::new("Objectives").strong());
    if brief.objectives.is_empty() {
        ui.label(theme::muted(
            "None set by the scenario: play as you see fit.",
        ));
    }
    for o in &brief.objectives {
        let mark = match o.met {
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
    if !brief.red_lines.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("Red lines: you cannot accept a text where").strong());
        for line in &brief.red_lines {
            ui.label(format!("• {line}"));
        }
    }
    if !brief.wants.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("You want the Council to address").strong());
        ui.label(brief.wants.join(", "));
    }
    if !brief.resists.is_empty() {
        ui.label(RichText::new("You resist language on").strong());
        ui.label(brief.resists.join(", "));
    }
    if !brief.pens.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("You hold the pen on").strong());
        for pen in &brief.pens {
            ui.label(format!("• {pen}"));
        }
    }
    if brief.veto {
        ui.add_space(4.0);
        ui.label(
            RichText::new(
                "You hold a veto: your no vote defeats any resolution. Abstaining does not.",
            )
            .color(theme::GOLD),
        );
    }
}
