//! The player's display settings: text size for a projector, full screen.
//! Applied on every screen, with their keyboard shortcuts.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{command_key, install};
use crate::ui::UiPass;

pub(in crate::ui) fn plugin(app: &mut App) {
    app.init_resource::<DisplaySettings>().add_systems(
        EguiPrimaryContextPass,
        apply_display_settings.in_set(UiPass::Display),
    );
}

/// Display settings, changed in the settings screen or with Ctrl +/-.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct DisplaySettings {
    /// Multiplies every text and widget size.
    pub text_scale: f32,
    pub fullscreen: bool,
}

impl Default for DisplaySettings {
    fn default() -> Self {
        DisplaySettings {
            text_scale: 1.0,
            fullscreen: false,
        }
    }
}

/// Scales egui so that 1280x720 and a 1920x1080 projector show the same
/// layout, times the player's text scale; and applies full screen.
fn apply_display_settings(
    mut contexts: EguiContexts,
    mut settings: ResMut<DisplaySettings>,
    mut window: Single<&mut Window, With<PrimaryWindow>>,
    mut styled: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !*styled {
        install(ctx);
        *styled = true;
    }
    global_keys(ctx, &mut settings);
    let logical_height = window.height().max(1.0);
    let fit = (logical_height / 720.0).clamp(0.75, 3.0);
    let zoom = fit * settings.text_scale;
    if (ctx.zoom_factor() - zoom).abs() > 0.001 {
        ctx.set_zoom_factor(zoom);
    }
    let mode = if settings.fullscreen {
        bevy::window::WindowMode::BorderlessFullscreen(bevy::window::MonitorSelection::Current)
    } else {
        bevy::window::WindowMode::Windowed
    };
    if window.mode != mode {
        window.mode = mode;
    }
    Ok(())
}

/// Keyboard shortcuts available on every screen: text size and full screen.
fn global_keys(ctx: &egui::Context, settings: &mut DisplaySettings) {
    ctx.input(|i| {
        if command_key(i, egui::Key::Plus) || command_key(i, egui::Key::Equals) {
            settings.text_scale = (settings.text_scale + 0.1).min(1.6);
        }
        if command_key(i, egui::Key::Minus) {
            settings.text_scale = (settings.text_scale - 0.1).max(0.8);
        }
        if i.key_pressed(egui::Key::F11) {
            settings.fullscreen = !settings.fullscreen;
        }
    });
}
