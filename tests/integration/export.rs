//! Transcript export of whole games, through the library and the command.

use std::process::Command;
use std::sync::Arc;

use horseshoe::export::{self, Format};
use horseshoe::play::{self, CurrentGame};
use horseshoe_core::game::GameConfig;
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::model::record::{Record, VoteSubject};
use horseshoe_core::scenario;

fn play_gaza(seed: u64) -> Record {
    let sc = Arc::new(CompiledScenario::new(
        scenario::parse(
            "gaza-2012.ron",
            include_str!("../../scenarios/gaza-2012.ron"),
        )
        .expect("valid")
        .scenario,
    ));
    let mut app = play::headless_app();
    play::start_game(app.world_mut(), GameConfig::all_ai(sc, seed));
    assert!(play::run_until_over(&mut app, 1000), "the game did not end");
    app.world().resource::<CurrentGame>().record().clone()
}

/// Finds a seed whose game has at least one vote, so the check below bites.
fn game_with_votes() -> Record {
    (1..40)
        .map(play_gaza)
        .find(|r| r.votes().next().is_some())
        .expect("some game of gaza-2012 within 40 seeds goes to a vote")
}

#[test]
fn the_export_of_a_whole_game_contains_every_vote_with_its_tally_and_every_explanation() {
    let record = game_with_votes();
    for format in [Format::Markdown, Format::Html] {
        // Markdown escapes punctuation with backslashes: compare the text.
        let doc = export::export(&record, format).replace('\\', "");
        let mut from = 0;
        // Votes appear in the order of the record, each with its tally and
        // each member's explanation.
        for (subject, ballots, result) in record.votes() {
            let heading = match subject {
                VoteSubject::Draft { draft, version } => {
                    format!(
                        "Vote on {} (version {version})",
                        export::draft_title(&record, draft)
                    )
                }
                VoteSubject::Amendment {
                    draft, amendment, ..
                } => format!(
                    "Vote on amendment {amendment} to {}",
                    export::draft_title(&record, draft)
                ),
                VoteSubject::Motion { motion, .. } => format!("to {}", motion.describe()),
            };
            let at = doc[from..]
                .find(&heading)
                .unwrap_or_else(|| panic!("{format:?}: `{heading}` missing after byte {from}"));
            from += at + heading.len();
            let tally = format!("{} (", result.tally);
            assert!(doc[from..].contains(&tally), "{format:?}: tally {tally}");
            for b in ballots {
                let name = record.name_of(&b.member);
                assert!(doc.contains(name), "{format:?}: {name}");
                let reason_start: String = b.reason.chars().take(30).collect();
                let reason_start = match format {
                    Format::Html => reason_start
                        .replace('&', "&amp;")
                        .replace('"', "&quot;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;"),
                    Format::Markdown => reason_start.replace('\\', ""),
                };
                assert!(
                    doc.contains(&reason_start),
                    "{format:?}: explanation of {name}: {reason_start}"
                );
            }
        }
        if let Some(outcome) = &record.outcome {
            for p in &outcome.products {
                assert!(doc.contains(&p.title), "{format:?}: adopted {}", p.title);
            }
        }
    }
}

#[test]
fn horseshoe_export_reads_a_transcript_file_and_reports_a_broken_one() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("export-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let record = play_gaza(2);
    let transcript = dir.join("game.ron");
    std::fs::write(&transcript, record.to_ron()).unwrap();
    let html = dir.join("game.html");
    let status = Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .args(["export", "--format", "html", "--out"])
        .arg(&html)
        .arg(&transcript)
        .status()
        .expect("horseshoe runs");
    assert!(status.success());
    let written = std::fs::read_to_string(&html).unwrap();
    assert_eq!(written, export::export(&record, Format::Html));

    let md = Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .args(["export", "--format", "md"])
        .arg(&transcript)
        .output()
        .expect("horseshoe runs");
    assert!(md.status.success());
    assert_eq!(
        String::from_utf8(md.stdout).unwrap(),
        export::export(&record, Format::Markdown)
    );

    let broken = dir.join("broken.ron");
    let truncated: String = record.to_ron().chars().take(200).collect();
    std::fs::write(&broken, truncated).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .args(["export"])
        .arg(&broken)
        .output()
        .expect("horseshoe runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.ron"), "{err}");
    assert!(err.contains("not a Horseshoe transcript"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_transcript_ends_with_the_scenarios_questions_for_the_class() {
    let record = play_gaza(2);
    assert_eq!(record.discussion.len(), 5);
    let md = export::export(&record, Format::Markdown);
    let at = md.find("## For discussion").expect("the questions");
    assert!(md[at..].contains("What does a threatened veto achieve"));
    assert!(md.find("## What really happened").is_some_and(|w| w < at));
    // A scenario without questions has no such heading.
    let mut silent = record.clone();
    silent.discussion.clear();
    let md = export::export(&silent, Format::Markdown);
    assert!(!md.contains("For discussion"));
}
