//! The main menu: continue the last game, pick a scenario, settings, quit.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::ui::catalog::Catalog;
use crate::ui::saves::SaveList;
use crate::ui::{UiPass, root_ui, theme};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        menu_screen
            .run_if(in_state(Screen::Menu))
            .in_set(UiPass::Screen),
    );
}

fn menu_screen(
    mut contexts: EguiContexts,
    mut catalog: ResMut<Catalog>,
    saves: Res<SaveList>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut ui = root_ui(ctx);
    let enter = ctx.input(|i| i.key_pressed(egui::Key::Enter));
    egui::CentralPanel::default().show(&mut ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(24.0);
            ui.label(theme::title("Horseshoe"));
            ui.label(theme::muted("The UN Security Council in crisis"));
            ui.add_space(12.0);
            continue_last_game(ui, &saves, &mut commands);
            ui.add_space(8.0);
        });
        ui.columns(2, |cols| {
            cols[0].label(theme::heading("Scenarios"));
            egui::ScrollArea::vertical()
                .id_salt("scenarios")
                .max_height(360.0)
                .show(&mut cols[0], |ui| {
                    for i in 0..catalog.entries.len() {
                        let entry = &catalog.entries[i];
                        let label = match &entry.loaded {
                            Ok(sc) => format!(
                                "{}\n{} · {} days",
                                sc.source.title, sc.source.start_date, sc.source.days
                            ),
                            Err(_) => format!("{} (cannot be loaded)", entry.path.display()),
                        };
                        let selected = catalog.selected == i;
                        if ui.selectable_label(selected, label).clicked() {
                            catalog.selected = i;
                        }
                    }
                    if catalog.entries.is_empty() {
                        ui.label("No scenario found: run the game from its folder, or name a file: horseshoe play FILE.ron");
                    }
                });
            let right = &mut cols[1];
            match catalog.current().map(|e| &e.loaded) {
                Some(Ok(sc)) => {
                    right.label(theme::heading(&sc.source.title));
                    egui::ScrollArea::vertical()
                        .id_salt("preview")
                        .max_height(300.0)
                        .show(right, |ui| {
                            let first = sc.source.briefing.split("\n\n").next().unwrap_or("");
                            ui.label(first);
                        });
                    right.add_space(8.0);
                    if theme::primary(right, "New game  (Enter)").clicked() || enter {
                        next.set(Screen::Setup);
                    }
                }
                Some(Err(report)) => {
                    right.label(theme::heading("This scenario has errors"));
                    egui::ScrollArea::vertical()
                        .id_salt("errors")
                        .max_height(320.0)
                        .show(right, |ui| {
                            ui.label(egui::RichText::new(report).monospace().size(theme::SMALL));
                        });
                }
                None => {}
            }
            right.add_space(12.0);
            right.horizontal(|ui| {
                if theme::button(ui, "Settings", 120.0).clicked() {
                    next.set(Screen::Settings);
                }
                if theme::button(ui, "Quit", 120.0).clicked() {
                    exit.write(AppExit::Success);
                }
            });
        });
    });
    Ok(())
}

/// "Continue" (key C) with the newest save, and why any save cannot be read.
fn continue_last_game(ui: &mut egui::Ui, saves: &SaveList, commands: &mut Commands) {
    if let Some((path, saved)) = saves.latest() {
        let label = format!("Continue  (C)    {}", saved.label());
        let continue_key = ui.input(|i| i.key_pressed(egui::Key::C));
        if theme::primary(ui, &label).clicked() || continue_key {
            let path = path.to_path_buf();
            commands.queue(move |world: &mut World| crate::ui::saves::resume_file(world, &path));
        }
    }
    if let Some(failed) = &saves.failed {
        ui.colored_label(theme::RED, failed);
    }
    let unreadable = saves.unreadable().count();
    if unreadable > 0 {
        let first = saves
            .unreadable()
            .next()
            .map(ToString::to_string)
            .unwrap_or_default();
        ui.label(theme::muted(format!(
            "{unreadable} saved game(s) cannot be continued: {first}"
        )));
    }
}
