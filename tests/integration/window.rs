//! The real game window, driven through a whole game of the tutorial by the
//! scripted player (`--autoplay`), with a screenshot of every screen.
//!
//! It needs a display, so it is ignored by a plain `cargo test`; `.ci/run`
//! runs it under Xvfb with Mesa's software OpenGL (see the README):
//!
//! ```text
//! xvfb-run -a -s "-screen 0 1920x1080x24" cargo test --test integration -- --ignored window
//! ```
//!
//! The screenshots stay in `target/tmp/window-*` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A decoded screenshot: RGBA pixels, row by row.
struct Image {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

/// Screens every hotseat game of the tutorial must show.
const SCREENS: &[&str] = &[
    "menu",
    "settings",
    "setup",
    "briefing",
    "handover",
    "morning",
    "corridors",
    "decision",
    "reveal",
    "evening",
    "debrief",
];

/// A whole game takes well under this, even with software rendering.
const LIMIT: Duration = Duration::from_secs(600);

fn play_tutorial(size: &str, humans: &[&str], devices: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("window-{size}"));
    let _ = std::fs::remove_dir_all(&dir);
    let mut command = Command::new(env!("CARGO_BIN_EXE_horseshoe"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "play",
            "scenarios/tutorial.ron",
            "--seed",
            "7",
            "--size",
            size,
        ])
        .arg("--screenshots")
        .arg(&dir)
        .arg("--saves")
        .arg(dir.join("saves"))
        .stdout(Stdio::null());
    for h in humans {
        command.args(["--human", h]);
    }
    for d in devices {
        command.args(["--device", d]);
    }
    run_to_exit(command);
    // The game saved itself after every phase, into one file.
    let saved = horseshoe_core::save::SavedGame::read(&autosave_in(&dir)).expect("it loads");
    assert_eq!(saved.scenario.id, "tutorial");
    dir
}

/// Runs the game until it exits by itself; panics if it fails or hangs.
fn run_to_exit(mut command: Command) {
    let mut child = command.spawn().expect("the horseshoe binary starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for the window") {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("the scripted game did not end within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(status.success(), "the window exited with {status}");
}

/// The single autosave file the game wrote into `dir/saves` (beside it,
/// its journal of the inputs since).
fn autosave_in(dir: &Path) -> PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir.join("saves"))
        .expect("the window wrote autosaves")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    let saves: Vec<_> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert_eq!(saves.len(), 1, "one autosave file per game: {files:?}");
    let journal = horseshoe_core::journal::path_for(saves[0]);
    assert!(files.contains(&journal), "its journal: {files:?}");
    // And the folder of its days' corridors, to play again from.
    let moments = horseshoe::play::autosave::moments_dir(saves[0]);
    assert!(moments.is_dir(), "its moments: {files:?}");
    assert_eq!(files.len(), 3, "nothing else: {files:?}");
    saves[0].clone()
}

/// The screenshot of a screen, decoded; panics if it is missing.
fn screenshot(dir: &Path, screen: &str) -> Image {
    let path = std::fs::read_dir(dir)
        .expect("the screenshot folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.split_once('-'))
                .is_some_and(|(_, name)| name == screen)
        })
        .unwrap_or_else(|| panic!("no screenshot of the {screen} screen in {}", dir.display()));
    decode_png(&path).unwrap_or_else(|e| panic!("{} is not a PNG: {e}", path.display()))
}

fn decode_png(path: &Path) -> Result<Image, png::DecodingError> {
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::ALPHA | png::Transformations::EXPAND);
    let mut reader = decoder.read_info()?;
    let mut rgba = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let frame = reader.next_frame(&mut rgba)?;
    rgba.truncate(frame.buffer_size());
    Ok(Image {
        width: frame.width,
        height: frame.height,
        rgba,
    })
}

/// Distinct colours in an image: a blank or single-colour screen has one or two.
fn colours(image: &Image) -> usize {
    let mut seen: Vec<[u8; 4]> = image
        .rgba
        .chunks_exact(4)
        .map(|p| [p[0], p[1], p[2], p[3]])
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

fn check_screens(dir: &Path, width: u32, height: u32) {
    for screen in SCREENS {
        let image = screenshot(dir, screen);
        assert_eq!(
            (image.width, image.height),
            (width, height),
            "the {screen} screenshot has the window's size"
        );
        // Text is anti-aliased: a screen with readable text has many shades.
        assert!(
            colours(&image) > 50,
            "the {screen} screen looks blank ({} colours)",
            colours(&image)
        );
    }
}

#[test]
#[ignore = "needs a display: run it under Xvfb, see the README"]
fn window_plays_the_tutorial_in_hotseat_at_1280x720() {
    let dir = play_tutorial("1280x720", &["FRA", "CHN"], &[]);
    check_screens(&dir, 1280, 720);

    // A new session continues the class's game from its last autosave
    // (`--resume`), in the chamber, and plays it to its debrief.
    let save = autosave_in(&dir);
    let before = horseshoe_core::save::SavedGame::read(&save).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_horseshoe"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["play", "--autoplay", "--size", "1280x720", "--resume"])
        .arg(&save)
        .arg("--saves")
        .arg(dir.join("saves"))
        .stdout(Stdio::null());
    run_to_exit(command);
    let after = horseshoe_core::save::SavedGame::read(&save).unwrap();
    assert_eq!(after.transcript.0.seed, before.transcript.0.seed);
    assert!(
        after.transcript.0.entries.len() >= before.transcript.0.entries.len(),
        "the resumed game went on from the save"
    );
}

#[test]
#[ignore = "needs a display: run it under Xvfb, see the README"]
fn window_plays_the_tutorial_single_player_at_1920x1080() {
    // France is played from a device: the room opens, the teacher's window
    // shows its code and QR code, and the teacher ends the phases France
    // leaves open.
    let dir = play_tutorial("1920x1080", &["CHN"], &["FRA"]);
    let classroom = screenshot(&dir, "classroom");
    assert!(colours(&classroom) > 50, "the classroom panel looks blank");
    let saved = horseshoe_core::save::SavedGame::read(&autosave_in(&dir)).unwrap();
    let room = saved.classroom.expect("the save carries the room");
    let france = saved
        .transcript
        .0
        .members
        .iter()
        .position(|m| m.code == "FRA")
        .unwrap();
    assert!(room.seats[france].as_ref().is_some_and(|a| a.device));
    let single: Vec<&str> = SCREENS
        .iter()
        .copied()
        .filter(|s| *s != "handover")
        .collect();
    for screen in single {
        let image = screenshot(&dir, screen);
        assert_eq!((image.width, image.height), (1920, 1080));
        assert!(colours(&image) > 50, "the {screen} screen looks blank");
    }
    assert!(
        std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .all(|e| !e.file_name().to_string_lossy().contains("handover")),
        "a single player is never asked to hand over the screen"
    );
}
