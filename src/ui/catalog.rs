//! The scenarios on offer: every file in `scenarios/` and those named on
//! the command line, each as last loaded (or why it would not load).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use bevy::prelude::*;
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
