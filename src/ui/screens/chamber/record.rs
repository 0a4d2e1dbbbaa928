//! The record, newest first, as the player may see it: public entries and
//! the player's own private talks.

use bevy_egui::egui::{self, RichText};
use horseshoe_core::view::GameView;

use crate::ui::theme;

pub(super) fn record(ui: &mut egui::Ui, view: &GameView) {
    egui::Panel::bottom("log")
        .resizable(false)
        .exact_size(ui.available_height() * 0.36)
        .show(ui, |ui| {
            ui.label(RichText::new("Record (newest first)").strong());
            egui::ScrollArea::vertical()
                .id_salt("log_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for line in view.record.iter().rev() {
                        ui.horizontal_wrapped(|ui| {
                            let when = format!("Day {} · {}", line.day, line.phase.label());
                            ui.label(RichText::new(when).color(theme::MUTED).size(theme::SMALL));
                            let colour = theme::tone_colour(line.tone);
                            ui.label(RichText::new(&line.text).color(colour));
                        });
                    }
                });
        });
}
