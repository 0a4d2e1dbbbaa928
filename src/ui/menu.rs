//! Main menu, scenario picker and settings.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::saves::SaveList;
use super::{DisplaySettings, Screen, root_ui, style};
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::scenario;

/// A scenario file offered in the picker.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub path: PathBuf,
    /// The last version that loaded, or why none did.
    pub loaded: Result<Arc<CompiledScenario>, String>,
    /// When the file was last read.
    pub modified: Option<SystemTime>,
    /// The file was edited and its new version has errors: the last good
    /// version stays in use.
    pub reload_error: Option<String>,
    /// When the file was last reloaded successfully.
    pub reloaded: Option<SystemTime>,
}

impl CatalogEntry {
    fn read(path: PathBuf) -> CatalogEntry {
        let modified = modified(&path);
        let loaded = scenario::load(&path)
            .map(|l| Arc::new(CompiledScenario::new(l.scenario)))
            .map_err(|e| e.report(false));
        CatalogEntry {
            path,
            loaded,
            modified,
            reload_error: None,
            reloaded: None,
        }
    }

    /// Reads the file again if it changed since; returns whether a new
    /// version was loaded. A broken edit keeps the last good version and
    /// records its errors.
    pub fn reload_if_changed(&mut self) -> bool {
        let now = modified(&self.path);
        if now.is_none() || now == self.modified {
            return false;
        }
        self.modified = now;
        match scenario::load(&self.path) {
            Ok(l) => {
                self.loaded = Ok(Arc::new(CompiledScenario::new(l.scenario)));
                self.reload_error = None;
                self.reloaded = Some(SystemTime::now());
                true
            }
            Err(e) => {
                let report = e.report(false);
                if self.loaded.is_ok() {
                    self.reload_error = Some(report);
                } else {
                    self.loaded = Err(report);
                }
                false
            }
        }
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The scenarios the player can choose from.
#[derive(Resource, Debug, Clone)]
pub struct Catalog {
    pub entries: Vec<CatalogEntry>,
    pub selected: usize,
}

impl Catalog {
    /// The files named on the command line, then every `.ron` in `scenarios/`.
    pub fn new(named: &[PathBuf]) -> Self {
        let mut paths: Vec<PathBuf> = named.to_vec();
        if let Ok(dir) = std::fs::read_dir("scenarios") {
            let mut found: Vec<PathBuf> = dir
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect();
            found.sort();
            for p in found {
                if !paths.iter().any(|q| same_file(q, &p)) {
                    paths.push(p);
                }
            }
        }
        let entries = paths.into_iter().map(CatalogEntry::read).collect();
        Catalog {
            entries,
            selected: 0,
        }
    }

    pub fn current(&self) -> Option<&CatalogEntry> {
        self.entries.get(self.selected)
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

pub fn menu_screen(
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
            ui.label(style::title("Horseshoe"));
            ui.label(style::muted("The UN Security Council in crisis"));
            ui.add_space(12.0);
            if let Some((path, saved)) = saves.latest() {
                let label = format!("Continue  (C)    {}", saved.label());
                let continue_key = ctx.input(|i| i.key_pressed(egui::Key::C));
                if style::primary(ui, &label).clicked() || continue_key {
                    let path = path.to_path_buf();
                    commands.queue(move |world: &mut World| super::saves::resume_file(world, &path));
                }
            }
            if let Some(failed) = &saves.failed {
                ui.colored_label(style::RED, failed);
            }
            let unreadable = saves.unreadable().count();
            if unreadable > 0 {
                let first = saves.unreadable().next().map(ToString::to_string).unwrap_or_default();
                ui.label(style::muted(format!(
                    "{unreadable} saved game(s) cannot be continued: {first}"
                )));
            }
            ui.add_space(8.0);
        });
        ui.columns(2, |cols| {
            cols[0].label(style::heading("Scenarios"));
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
                    right.label(style::heading(&sc.source.title));
                    egui::ScrollArea::vertical()
                        .id_salt("preview")
                        .max_height(300.0)
                        .show(right, |ui| {
                            let first = sc.source.briefing.split("\n\n").next().unwrap_or("");
                            ui.label(first);
                        });
                    right.add_space(8.0);
                    if style::primary(right, "New game  (Enter)").clicked() || enter {
                        next.set(Screen::Setup);
                    }
                }
                Some(Err(report)) => {
                    right.label(style::heading("This scenario has errors"));
                    egui::ScrollArea::vertical()
                        .id_salt("errors")
                        .max_height(320.0)
                        .show(right, |ui| {
                            ui.label(egui::RichText::new(report).monospace().size(style::SMALL));
                        });
                }
                None => {}
            }
            right.add_space(12.0);
            right.horizontal(|ui| {
                if style::button(ui, "Settings", 120.0).clicked() {
                    next.set(Screen::Settings);
                }
                if style::button(ui, "Quit", 120.0).clicked() {
                    exit.write(AppExit::Success);
                }
            });
        });
    });
    Ok(())
}

pub fn settings_screen(
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
            ui.label(style::title("Settings"));
            ui.add_space(24.0);
            ui.label(style::heading("Text size"));
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
            ui.label(style::muted(
                "Larger text for a projector at the back of the room. Also Ctrl + and Ctrl - in game.",
            ));
            ui.add_space(16.0);
            ui.checkbox(&mut settings.fullscreen, "Full screen (F11)");
            ui.add_space(24.0);
            if style::primary(ui, "Back  (Enter)").clicked() || back {
                next.set(Screen::Menu);
            }
        });
    });
    Ok(())
}

/// Keyboard shortcuts available on every screen: text size and full screen.
pub fn global_keys(ctx: &egui::Context, settings: &mut DisplaySettings) {
    ctx.input(|i| {
        if style::command_key(i, egui::Key::Plus) || style::command_key(i, egui::Key::Equals) {
            settings.text_scale = (settings.text_scale + 0.1).min(1.6);
        }
        if style::command_key(i, egui::Key::Minus) {
            settings.text_scale = (settings.text_scale - 0.1).max(0.8);
        }
        if i.key_pressed(egui::Key::F11) {
            settings.fullscreen = !settings.fullscreen;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn set_modified(path: &Path, at: SystemTime) {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(at))
            .expect("the test can set the file's time");
    }

    #[test]
    fn an_edited_scenario_reloads_and_a_broken_edit_keeps_the_last_good_version() {
        let dir = std::env::temp_dir().join(format!("horseshoe-reload-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("tutorial.ron");
        let good = include_str!("../../scenarios/tutorial.ron");
        std::fs::write(&path, good).unwrap();
        let start = SystemTime::now() - Duration::from_secs(60);
        set_modified(&path, start);
        let mut entry = CatalogEntry::read(path.clone());
        let title = |e: &CatalogEntry| e.loaded.as_ref().map(|s| s.source.title.clone()).unwrap();
        assert_eq!(title(&entry), "Tutorial: Cyclone Mira");
        assert!(
            !entry.reload_if_changed(),
            "an unchanged file is not read again"
        );

        // A good edit replaces the scenario.
        let edited = good.replace("Tutorial: Cyclone Mira", "Tutorial: Cyclone Nora");
        assert_ne!(edited, good);
        std::fs::write(&path, &edited).unwrap();
        set_modified(&path, start + Duration::from_secs(10));
        assert!(entry.reload_if_changed());
        assert_eq!(title(&entry), "Tutorial: Cyclone Nora");
        assert!(entry.reload_error.is_none() && entry.reloaded.is_some());

        // A broken edit shows the check's errors and keeps the last good one.
        std::fs::write(&path, edited.replacen("quota", "quotaa", 1)).unwrap();
        set_modified(&path, start + Duration::from_secs(20));
        assert!(!entry.reload_if_changed());
        assert_eq!(title(&entry), "Tutorial: Cyclone Nora");
        let report = entry
            .reload_error
            .clone()
            .expect("the errors are kept for the screen");
        assert!(report.contains("tutorial.ron"), "{report}");

        // Fixing it clears the errors.
        std::fs::write(&path, good).unwrap();
        set_modified(&path, start + Duration::from_secs(30));
        assert!(entry.reload_if_changed());
        assert!(entry.reload_error.is_none());
        assert_eq!(title(&entry), "Tutorial: Cyclone Mira");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
