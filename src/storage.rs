//! Where the game keeps files on this computer.

use std::path::PathBuf;

/// Folder for exported transcripts: `Documents/Horseshoe` where the platform
/// has a documents folder, else the game's data folder, else the current
/// folder.
pub fn exports_dir() -> PathBuf {
    if let Some(docs) =
        directories::UserDirs::new().and_then(|u| u.document_dir().map(PathBuf::from))
    {
        return docs.join("Horseshoe");
    }
    data_dir()
        .map(|d| d.join("exports"))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The game's own data folder (`~/.local/share/horseshoe` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Horseshoe", "horseshoe")
        .map(|p| p.data_dir().to_path_buf())
}

/// Autosaves (`~/.local/share/horseshoe/saves` on Linux).
pub fn saves_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("saves"))
}

/// A file name made of safe characters only.
pub fn file_stem(parts: &[&str]) -> String {
    let joined = parts.join("-");
    joined
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
