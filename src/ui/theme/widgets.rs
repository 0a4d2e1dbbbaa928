//! Small widgets shared by the screens, as functions of an `egui::Ui`.

use bevy_egui::egui::{self, Color32, RichText};

use super::{BODY, HEADING, MUTED, TEXT, TITLE};

pub fn title(text: impl Into<String>) -> RichText {
    RichText::new(text).size(TITLE).strong().color(TEXT)
}

pub fn heading(text: impl Into<String>) -> RichText {
    RichText::new(text).size(HEADING).strong().color(TEXT)
}

pub fn muted(text: impl Into<String>) -> RichText {
    RichText::new(text).color(MUTED)
}

/// A wide primary button.
pub fn primary(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.add(
        egui::Button::new(RichText::new(text).size(BODY + 2.0).strong())
            .fill(Color32::from_rgb(40, 92, 170))
            .min_size(egui::vec2(180.0, 34.0)),
    )
}

/// A button of a given width.
pub fn button(ui: &mut egui::Ui, text: &str, width: f32) -> egui::Response {
    ui.add(egui::Button::new(text).min_size(egui::vec2(width, 28.0)))
}

/// Whether `key` was first pressed with Ctrl (Cmd on a Mac) this frame,
/// reading the modifiers the key event carries. A held key's repeats do not
/// count, so a toggle such as Ctrl+T does not flicker.
pub fn command_key(i: &egui::InputState, key: egui::Key) -> bool {
    i.events.iter().any(|e| {
        matches!(e, egui::Event::Key { key: k, pressed: true, repeat: false, modifiers, .. }
            if *k == key && modifiers.command)
    })
}
