//! Settings: the text size for a projector, full screen.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::ui::theme::display::DisplaySettings;
use crate::ui::{UiPass, root_ui, theme};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        settings_screen
            .run_if(in_state(Screen::Settings))
            .in_set(UiPass::Screen),
    );
}

fn settings_screen(
    mut contexts: EguiContexts,
    mut settings: ResMut<DisplaySettings>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut ui = root_ui(ctx);
    let back = ctx.input(|i| i.key_pressed(egui::Key::Escape) || i.key_pressed(egui::Key::Enter));
    egui::CentralPanel::default().show(&mut ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(24.0);
            ui.label(theme::title("Settings"));
            ui.add_space(24.0);
            ui.label(theme::heading("Text size"));
            // A slider fills its row from the left: centre it by hand.
            ui.horizontal(|ui| {
                let width = ui.spacing().slider_width + 80.0;
                ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
                ui.add(
                    egui::Slider::new(&mut settings.text_scale, 0.8..=1.6)
                        .step_by(0.1)
                        .custom_formatter(|v, _| format!("{:.0}%", v * 100.0)),
                );
            });
            ui.label(theme::muted(
                "Larger text for a projector at the back of the room. Also Ctrl + and Ctrl - in game.",
            ));
            ui.add_space(16.0);
            ui.checkbox(&mut settings.fullscreen, "Full screen (F11)");
            ui.add_space(24.0);
            if theme::primary(ui, "Back  (Enter)").clicked() || back {
                next.set(Screen::Menu);
            }
        });
    });
    Ok(())
}
