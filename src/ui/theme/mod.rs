//! The look of the window: colours, text sizes, the egui style, small
//! widgets shared by the screens ([`widgets`]) and the player's display
//! settings ([`display`]).

pub mod display;
pub mod widgets;

use bevy_egui::egui::{self, Color32};
use horseshoe_core::narration::Tone;
use horseshoe_core::view::positions::Stance;

pub use widgets::*;

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

/// The colour of a record line of this tone.
pub fn tone_colour(tone: Tone) -> Color32 {
    match tone {
        Tone::News => GOLD,
        Tone::Procedure => UN_BLUE,
        Tone::Plain => TEXT,
        Tone::Agreed | Tone::Adopted => GREEN,
        Tone::Declined => AMBER,
        Tone::Failed => RED,
        Tone::Request => HUMAN,
        Tone::Aside => MUTED,
    }
}

/// The colour of a position a delegation has shown.
pub fn stance_colour(stance: Stance) -> Color32 {
    match stance {
        Stance::Unknown => Color32::from_gray(110),
        Stance::Supports => GREEN,
        Stance::CanAccept => LIGHT_GREEN,
        Stance::Reservations => AMBER,
        Stance::Opposes => RED,
    }
}
