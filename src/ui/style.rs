//! Colours, text sizes and small widgets shared by the screens.

use bevy_egui::egui::{self, Color32, RichText};

/// Behind every panel (the window is cleared to it).
pub const BACKGROUND: Color32 = Color32::from_rgb(23, 28, 36);
pub const PANEL: Color32 = Color32::from_rgb(26, 31, 39);
pub const PANEL_DARK: Color32 = Color32::from_rgb(18, 22, 28);
pub const TEXT: Color32 = Color32::from_rgb(232, 234, 238);
pub const MUTED: Color32 = Color32::from_rgb(160, 168, 180);
pub const UN_BLUE: Color32 = Color32::from_rgb(91, 146, 229);
pub const GOLD: Color32 = Color32::from_rgb(232, 190, 90);
pub const GREEN: Color32 = Color32::from_rgb(96, 190, 120);
pub const LIGHT_GREEN: Color32 = Color32::from_rgb(160, 205, 120);
pub const AMBER: Color32 = Color32::from_rgb(232, 168, 64);
pub const RED: Color32 = Color32::from_rgb(226, 96, 86);
pub const DARK_RED: Color32 = Color32::from_rgb(170, 40, 40);
pub const HUMAN: Color32 = Color32::from_rgb(120, 150, 230);
pub const CHANGED: Color32 = Color32::from_rgb(255, 220, 120);

/// Text sizes in logical points at zoom 1 (1280x720).
pub const BODY: f32 = 15.0;
pub const SMALL: f32 = 13.0;
pub const HEADING: f32 = 22.0;
pub const TITLE: f32 = 34.0;

/// Dark theme with readable sizes for a projector.
pub fn install(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Dark);
    // The text scale setting owns zooming (Ctrl + / Ctrl -).
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    let mut style = (*ctx.global_style()).clone();
    use egui::{FontFamily, FontId, TextStyle};
    style.text_styles = [
        (
            TextStyle::Small,
            FontId::new(SMALL, FontFamily::Proportional),
        ),
        (TextStyle::Body, FontId::new(BODY, FontFamily::Proportional)),
        (
            TextStyle::Button,
            FontId::new(BODY, FontFamily::Proportional),
        ),
        (
            TextStyle::Heading,
            FontId::new(HEADING, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(BODY, FontFamily::Monospace),
        ),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    style.spacing.button_padding = egui::vec2(10.0, 5.0);
    style.spacing.interact_size.y = 26.0;
    let mut visuals = egui::Visuals::dark();
    visuals.panel_fill = PANEL;
    visuals.window_fill = PANEL_DARK;
    visuals.override_text_color = Some(TEXT);
    visuals.selection.bg_fill = Color32::from_rgb(45, 85, 150);
    style.visuals = visuals;
    ctx.set_global_style(style);
}

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
