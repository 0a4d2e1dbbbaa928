//! Saving and restoring games: the continuation is the same game, and bad
//! save files are refused with a clear error.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use horseshoe::play::autosave::{self, AutosaveTo};
use horseshoe::play::{self, Answered, Command, CurrentGame, GameState};
use horseshoe_core::game::GameConfig;
use horseshoe_core::model::act::Act;
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::model::decision::Item;
use horseshoe_core::model::draft::Change;
use horseshoe_core::model::record::{PhaseName, Record};
use horseshoe_core::model::state::Controller;
use horseshoe_core::rules::Vote;
use horseshoe_core::save::{self, SAVE_FORMAT, SaveError, SavedGame};
use horseshoe_core::scenario;

fn gaza() -> Arc<CompiledScenario> {
    Arc::new(CompiledScenario::new(
        scenario::parse(
            "gaza-2012.ron",
            include_str!("../../scenarios/gaza-2012.ron"),
        )
        .expect("valid")
        .scenario,
    ))
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("saves")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn finish(app: &mut bevy::app::App) -> Record {
    assert!(play::run_until_over(app, 1000), "the game did not end");
    app.world().resource::<CurrentGame>().record().clone()
}

#[test]
fn a_game_restored_from_its_autosave_continues_exactly_as_the_uninterrupted_game() {
    let sc = gaza();
    for seed in [3, 11] {
        let uninterrupted = {
            let mut app = play::headless_app();
            play::start_game(app.world_mut(), GameConfig::all_ai(sc.clone(), seed));
            finish(&mut app)
        };
        // The same game, saving after every phase, stopped on day 3.
        let dir = tmp(&format!("continue-{seed}"));
        let path = dir.join("autosave.ron");
        let mut app = play::headless_app();
        app.insert_resource(AutosaveTo(path.clone()));
        play::start_game(app.world_mut(), GameConfig::all_ai(sc.clone(), seed));
        while app
            .world()
            .get_resource::<CurrentGame>()
            .is_none_or(|g| g.clock().day < 3)
        {
            app.update();
        }
        for _ in 0..3 {
            app.update();
        }
        drop(app);
        // A new session: a fresh app resumes from the file.
        let saved = SavedGame::read(&path).expect("the autosave loads");
        assert_eq!(saved.clock.day, 3);
        let mut resumed = play::headless_app();
        play::restore(resumed.world_mut(), &saved, "autosave.ron").expect("restores");
        let continued = finish(&mut resumed);
        assert_eq!(
            continued.to_ron(),
            uninterrupted.to_ron(),
            "seed {seed}: the restored game ends exactly as the uninterrupted one"
        );
    }
}

#[test]
fn every_phase_boundary_is_a_valid_restore_point() {
    // Restore at each save of a whole game and check the end is the same.
    let sc = gaza();
    let seed = 5;
    let uninterrupted = {
        let mut app = play::headless_app();
        play::start_game(app.world_mut(), GameConfig::all_ai(sc.clone(), seed));
        finish(&mut app)
    };
    let dir = tmp("every-phase");
    let path = dir.join("autosave.ron");
    let mut app = play::headless_app();
    app.insert_resource(AutosaveTo(path.clone()));
    play::start_game(app.world_mut(), GameConfig::all_ai(sc, seed));
    let mut saves = Vec::new();
    let mut last = None;
    for _ in 0..1000 {
        app.update();
        if let Ok(text) = std::fs::read_to_string(&path)
            && last.as_ref() != Some(&text)
        {
            saves.push(text.clone());
            last = Some(text);
        }
        if *app
            .world()
            .resource::<bevy::prelude::State<GameState>>()
            .get()
            == GameState::Over
        {
            break;
        }
    }
    assert!(
        saves.len() >= 20,
        "a save after every phase: {}",
        saves.len()
    );
    for (i, text) in saves.iter().enumerate().step_by(3) {
        let saved = SavedGame::from_ron("autosave.ron", text).expect("loads");
        let mut resumed = play::headless_app();
        play::restore(resumed.world_mut(), &saved, "autosave.ron").unwrap();
        assert_eq!(
            finish(&mut resumed),
            uninterrupted,
            "restoring save {i} ({}) changes the game",
            saved.label()
        );
    }
}

/// A save of a game of gaza-2012 a few phases in, written under its own
/// folder `name` (tests run in parallel).
fn a_save(name: &str) -> SavedGame {
    let dir = tmp(&format!("a-save-{name}"));
    let path = dir.join("autosave.ron");
    let mut app = play::headless_app();
    app.insert_resource(AutosaveTo(path.clone()));
    play::start_game(app.world_mut(), GameConfig::all_ai(gaza(), 1));
    for _ in 0..12 {
        app.update();
    }
    SavedGame::read(&path).expect("an autosave was written")
}

#[test]
fn damaged_old_and_future_saves_get_their_own_clear_error_and_other_saves_still_load() {
    let saved = a_save("errors");
    let good = saved.to_ron().unwrap();
    let dir = tmp("bad-saves");

    let truncated: String = good.chars().take(good.chars().count() / 2).collect();
    match SavedGame::from_ron("half.ron", &truncated) {
        Err(SaveError::Damaged { path, detail }) => {
            assert_eq!(path, "half.ron");
            assert!(detail.contains("line"), "{detail}");
        }
        other => panic!("a truncated save is damaged: {other:?}"),
    }
    assert!(matches!(
        SavedGame::from_ron("junk.ron", "\u{0}\u{1}garbage{{"),
        Err(SaveError::Damaged { .. })
    ));
    assert!(matches!(
        SavedGame::from_ron("empty.ron", ""),
        Err(SaveError::Damaged { .. })
    ));

    let future = good.replacen(
        &format!("format: {SAVE_FORMAT},"),
        &format!("format: {},", SAVE_FORMAT + 1),
        1,
    );
    assert_ne!(future, good);
    let e = SavedGame::from_ron("future.ron", &future).unwrap_err();
    assert!(matches!(e, SaveError::Newer { found, .. } if found == SAVE_FORMAT + 1));
    assert!(e.to_string().contains("newer version"), "{e}");
    // A newer format may have changed shape: still named as newer.
    let reshaped = format!("(format: {}, something_new: [1, 2, 3])", SAVE_FORMAT + 1);
    assert!(matches!(
        SavedGame::from_ron("reshaped.ron", &reshaped),
        Err(SaveError::Newer { .. })
    ));
    let old = "(format: 0, whatever: true)";
    assert!(matches!(
        SavedGame::from_ron("old.ron", old),
        Err(SaveError::Older { found: 0, .. })
    ));

    // A save that parses but does not fit its scenario is refused, not played.
    let mut unfit = saved.clone();
    unfit.delegations.pop();
    let mut app = play::headless_app();
    let e = play::restore(app.world_mut(), &unfit, "unfit.ron").unwrap_err();
    assert!(e.to_string().contains("does not fit"), "{e}");
    let mut unfit = saved.clone();
    unfit.table.drafts[0].penholder = 99;
    assert!(play::restore(app.world_mut(), &unfit, "unfit.ron").is_err());

    // In a folder with broken saves, the good one still loads.
    std::fs::write(dir.join("a-broken.ron"), &truncated).unwrap();
    std::fs::write(dir.join("b-future.ron"), &future).unwrap();
    saved.write(&dir.join("c-good.ron")).unwrap();
    let listed = save::list(&dir);
    assert_eq!(listed.len(), 3);
    let good_ones: Vec<_> = listed.iter().filter(|(_, s)| s.is_ok()).collect();
    assert_eq!(good_ones.len(), 1);
    assert!(good_ones[0].0.ends_with("c-good.ron"));
    assert_eq!(good_ones[0].1.as_ref().unwrap(), &saved);
}

#[test]
fn writing_a_save_replaces_the_old_one_whole_and_leaves_no_temporary_file() {
    let saved = a_save("atomic");
    let dir = tmp("atomic");
    let path = dir.join("game.ron");
    std::fs::write(&path, "old contents").unwrap();
    saved.write(&path).unwrap();
    assert_eq!(SavedGame::read(&path).unwrap(), saved);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["game.ron".to_string()]);
    // A folder that cannot be written is an error, not a panic.
    let blocked = dir.join("game.ron").join("inside-a-file.ron");
    assert!(matches!(
        saved.write(&blocked),
        Err(SaveError::Write { .. })
    ));
}

#[test]
fn play_resume_refuses_a_bad_save_before_opening_a_window() {
    let dir = tmp("resume-cli");
    let saved = a_save("resume");
    let good = saved.to_ron().unwrap();
    let half: String = good.chars().take(300).collect();
    let broken = dir.join("broken.ron");
    std::fs::write(&broken, half).unwrap();
    let newer = dir.join("newer.ron");
    std::fs::write(&newer, format!("(format: {})", SAVE_FORMAT + 7)).unwrap();
    for (file, words) in [
        (&broken, "damaged or not a Horseshoe save"),
        (&newer, "newer version"),
        (&dir.join("missing.ron"), "cannot read"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_horseshoe"))
            .args(["play", "--resume"])
            .arg(file)
            .output()
            .expect("horseshoe runs");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{}: {err}", file.display());
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn a_saved_game_exports_as_a_transcript_of_the_game_so_far() {
    let saved = a_save("export");
    let dir = tmp("export-save");
    let path = dir.join("class.ron");
    saved.write(&path).unwrap();
    let record = horseshoe::export::load_record(&path).expect("a save exports");
    assert_eq!(record, saved.transcript.0);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .args(["export", "--format", "md"])
        .arg(&path)
        .output()
        .expect("horseshoe runs");
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Gaza, November 2012"), "{md}");
    assert!(md.contains("The game was not finished"), "{md}");
}

/// A game with these seats played by students, saving into `path`.
fn saving_game_with_humans(path: &Path, seed: u64, humans: &[&str]) -> bevy::app::App {
    let sc = tutorial();
    let mut controllers = vec![Controller::Ai; sc.seat_count()];
    for code in humans {
        controllers[sc.seat_of(code).unwrap()] = Controller::Human;
    }
    let mut app = play::headless_app();
    app.insert_resource(AutosaveTo(path.to_path_buf()));
    play::start_game(
        app.world_mut(),
        GameConfig {
            scenario: sc,
            seed,
            controllers,
        },
    );
    app
}

fn tutorial() -> Arc<CompiledScenario> {
    Arc::new(CompiledScenario::new(
        scenario::parse("tutorial.ron", include_str!("../../scenarios/tutorial.ron"))
            .expect("valid")
            .scenario,
    ))
}

fn run_to_corridors(app: &mut bevy::app::App) {
    for _ in 0..50 {
        if app.world().resource::<CurrentGame>().clock().phase == PhaseName::Corridors {
            return;
        }
        app.update();
    }
    panic!("the game did not reach the corridors");
}

/// The acts a student makes in the corridors of day 1, each answered.
fn corridor_acts(app: &mut bevy::app::App, chn: usize) -> Vec<Act> {
    let acts = vec![
        Act::PressRemarks {
            about: None,
            remarks: "China stands with the people of Pelora.".into(),
        },
        Act::ProposeAmendment {
            draft: 0,
            change: Change::Delete { clause: 2 },
            reason: "the text should not say that".into(),
        },
    ];
    for act in &acts {
        app.world_mut()
            .write_message(Command::new(chn, act.clone()));
        app.update();
        let answers: Vec<_> = app
            .world_mut()
            .resource_mut::<bevy::prelude::Messages<Answered>>()
            .drain()
            .collect();
        assert!(answers.iter().all(|a| a.result.is_ok()), "{answers:?}");
    }
    acts
}

#[test]
fn a_crash_loses_no_answered_act_the_journal_replays_them() {
    let dir = tmp("journal");
    let path = dir.join("class.ron");
    let mut app = saving_game_with_humans(&path, 4, &["CHN"]);
    let chn = tutorial().seat_of("CHN").unwrap();
    run_to_corridors(&mut app);
    let before = app.world().resource::<CurrentGame>().record().entries.len();
    corridor_acts(&mut app, chn);
    let live = app.world().resource::<CurrentGame>().record().clone();
    assert!(live.entries.len() > before, "the acts are in the record");
    assert!(
        horseshoe_core::journal::path_for(&path).exists(),
        "the journal is beside the save"
    );
    // The host crashes: no phase ends, no snapshot is taken.
    drop(app);
    let mut resumed = play::headless_app();
    autosave::resume_file(resumed.world_mut(), &path).expect("the save resumes");
    for _ in 0..10 {
        resumed.update();
    }
    let after = resumed.world().resource::<CurrentGame>().record().clone();
    assert_eq!(
        after.entries, live.entries,
        "every answered act is back, and nothing else"
    );
    // And the game goes on as the uninterrupted one would.
    resumed
        .world_mut()
        .write_message(Command::new(chn, Act::EndTurn));
    let mut twin = saving_game_with_humans(&dir.join("twin.ron"), 4, &["CHN"]);
    run_to_corridors(&mut twin);
    corridor_acts(&mut twin, chn);
    twin.world_mut()
        .write_message(Command::new(chn, Act::EndTurn));
    for app in [&mut resumed, &mut twin] {
        for _ in 0..200 {
            let waiting = {
                let g = app.world().resource::<CurrentGame>();
                g.clock().phase == PhaseName::Corridors && !g.humans_done()
            };
            if waiting {
                app.world_mut()
                    .write_message(Command::new(chn, Act::EndTurn));
            }
            let decide = {
                let g = app.world().resource::<CurrentGame>();
                g.decisions()
                    .waits_for(chn)
                    .then(|| g.decisions().current.clone())
                    .flatten()
            };
            if let Some(current) = decide {
                let act = match current.item {
                    Item::Silence { draft } => Act::Silence {
                        draft,
                        keep: true,
                        reason: String::new(),
                    },
                    _ => Act::CastVote {
                        vote: Vote::Yes,
                        explanation: String::new(),
                    },
                };
                app.world_mut().write_message(Command::new(chn, act));
            }
            app.update();
        }
    }
    let (a, b) = (
        resumed.world().resource::<CurrentGame>().record().to_ron(),
        twin.world().resource::<CurrentGame>().record().to_ron(),
    );
    assert!(resumed.world().resource::<CurrentGame>().is_over());
    assert_eq!(a, b, "the resumed game ends as the uninterrupted one");
}

#[test]
fn a_class_plays_again_from_a_turning_point_and_both_games_are_kept_apart() {
    let sc = gaza();
    let dir = tmp("again");
    let path = dir.join("autosave.ron");
    let mut app = play::headless_app();
    app.insert_resource(AutosaveTo(path.clone()));
    play::start_game(app.world_mut(), GameConfig::all_ai(sc, 5));
    let first = finish(&mut app);
    drop(app);
    let point = first
        .outcome
        .as_ref()
        .and_then(|o| o.turning_points.first())
        .expect("a decisive moment")
        .clone();
    let day = point.day;
    assert!(
        autosave::moment_path(&path, day).exists(),
        "the day's corridors were kept"
    );
    let first_save = std::fs::read_to_string(&path).unwrap();

    let mut again = play::headless_app();
    let branch = autosave::play_again(again.world_mut(), &path, day).expect("plays again");
    assert_eq!(branch, dir.join("autosave-again-2.ron"));
    let second = finish(&mut again);
    // The new game says what it is, and shares the first one's days before.
    assert!(
        second
            .branch
            .as_deref()
            .is_some_and(|b| b.contains("autosave.ron"))
    );
    let before = |r: &Record| -> Vec<String> {
        r.entries
            .iter()
            .filter(|e| e.day < day)
            .map(|e| format!("{:?}", e.what))
            .collect()
    };
    assert_eq!(before(&second), before(&first));
    assert!(second.entries.iter().any(|e| e.day == day
        && matches!(&e.what, horseshoe_core::model::record::What::Announcement { text } if text.contains("new branch"))));
    // The first game's save is untouched; the new one saves beside it.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first_save);
    let saved = SavedGame::read(&branch).expect("the new game's save");
    assert!(saved.transcript.0.branch.is_some());
}
