//! `horseshoe audit`: what an author learns of a scenario from many games.

use std::process::Command;
use std::sync::Arc;

use horseshoe::audit;
use horseshoe::sim::{self, SimOptions};
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::scenario;

fn compile(name: &str, src: &str) -> Arc<CompiledScenario> {
    Arc::new(CompiledScenario::new(
        scenario::parse(name, src).expect("valid").scenario,
    ))
}

fn run(sc: &Arc<CompiledScenario>, games: usize) -> audit::Audit {
    let options = SimOptions {
        games,
        seed: 1,
        threads: 2,
        transcripts: None,
        progress: false,
    };
    let batch = sim::run(sc.clone(), &options).expect("a batch");
    audit::audit(&batch, sc, 4)
}

#[test]
fn the_audit_says_what_never_and_always_happens() {
    let tutorial = compile("tutorial.ron", include_str!("../../scenarios/tutorial.ron"));
    let a = run(&tutorial, 40);
    assert_eq!(a.games, 40);
    assert_eq!(a.outcomes.len(), 1, "{:?}", a.outcomes);
    assert_eq!(a.outcomes[0].share, 1.0);
    assert!(a.findings[0].starts_with("Every game ends the same way"));
    // Russia's own draft never wins its nine votes with the AI.
    let consent = a
        .objectives
        .iter()
        .find(|o| o.member == "RUS" && o.description.contains("consent"))
        .expect("an objective");
    assert_eq!(consent.share, 0.0);
    assert!(
        a.findings
            .iter()
            .any(|f| f.contains("never meets") && f.contains("RUS"))
    );
    // The corridor the United States holds to is always established.
    let corridor = a
        .objectives
        .iter()
        .find(|o| o.member == "USA")
        .expect("an objective");
    assert_eq!(corridor.share, 1.0);

    // Gaza: games differ, every draft is circulated, and the clause no
    // majority carries (condemning the strikes) is named.
    let src = include_str!("../../scenarios/gaza-2012.ron");
    let gaza = compile("gaza-2012.ron", src);
    let a = run(&gaza, 40);
    assert!(a.outcomes.len() >= 2, "{:?}", a.outcomes);
    assert!(
        a.drafts_never_circulated.is_empty(),
        "{:?}",
        a.drafts_never_circulated
    );
    assert!(
        a.clauses_never_adopted
            .contains(&"condemn_strikes".to_string())
    );
    assert!(a.findings.iter().any(|f| f.contains("condemn_strikes")));
}

#[test]
fn horseshoe_audit_prints_a_table_or_json_and_refuses_a_broken_file() {
    let out = Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["audit", "scenarios/tutorial.ron", "--games", "10", "--json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["games"], 10);
    assert!(json["findings"].as_array().is_some_and(|f| !f.is_empty()));
    let table = Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["audit", "scenarios/tutorial.ron", "--games", "10"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("What the audit found"), "{text}");
    // The page for authors: self-contained, with its charts.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("audit-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("tutorial.html");
    let html = Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["audit", "scenarios/tutorial.ron", "--games", "10", "--html"])
        .arg(&page)
        .output()
        .expect("runs");
    assert!(html.status.success());
    let page = std::fs::read_to_string(&page).expect("the page");
    for heading in [
        "How the games end",
        "What a student's seat scores",
        "What the audit found",
    ] {
        assert!(page.contains(heading), "{heading}");
    }
    assert!(
        page.matches("<svg").count() >= 15,
        "a bar per seat at least"
    );
    assert!(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"));
    let broken = dir.join("broken.ron");
    std::fs::write(&broken, "(id: \"x\",").unwrap();
    let refused = Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .arg("audit")
        .arg(&broken)
        .output()
        .expect("runs");
    assert!(!refused.status.success());
    assert!(!refused.stderr.is_empty());
}

#[test]
fn every_shipped_scenario_meets_its_expectations() {
    let mut checked = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&path).unwrap();
        let sc = compile(&name, &src);
        let a = run(&sc, 200);
        for c in &a.expectations {
            assert!(c.met, "{name}: expected {}, found {}", c.expected, c.found);
        }
        checked += a.expectations.len();
    }
    assert!(checked >= 3, "the historical scenarios carry expectations");
}

#[test]
fn an_expectation_that_fails_makes_the_audit_fail() {
    let src = include_str!("../../scenarios/gaza-2012.ron").replace(
        r#"MostCommon("moroccan_ps blocked by USA; russia_res never decided; usa_ps adopted on day 8"),"#,
        r#"MostCommon("russia_res adopted on day 6"),"#,
    );
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("audit-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("gaza-wrong.ron");
    std::fs::write(&file, src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_horseshoe"))
        .arg("audit")
        .arg(&file)
        .args(["--games", "30"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("FAIL  most common outcome: russia_res adopted on day 6"),
        "{text}"
    );
}

#[test]
fn each_seat_is_played_by_simple_strategies_and_the_ai_one_is_the_batch_game() {
    use horseshoe::audit::strategies::Strategy;
    let tutorial = compile("tutorial.ron", include_str!("../../scenarios/tutorial.ron"));
    let options = SimOptions {
        games: 4,
        seed: 1,
        threads: 1,
        transcripts: None,
        progress: false,
    };
    let batch = sim::run(tutorial.clone(), &options).expect("a batch");
    let a = audit::audit(&batch, &tutorial, 4);
    assert_eq!(a.seats.len(), tutorial.seat_count());
    for (seat, r) in a.seats.iter().enumerate() {
        assert_eq!(r.mean.len(), Strategy::ALL.len());
        // Played as the AI, the seat scores what it scored in the batch.
        let batch_mean = batch
            .games
            .iter()
            .map(|g| f64::from(g.scores[seat].1))
            .sum::<f64>()
            / batch.games.len() as f64;
        assert_eq!(r.mean[0], (Strategy::Ai, batch_mean), "{}", r.member);
        assert!(r.mean.iter().all(|(_, m)| *m <= f64::from(r.max)));
    }
    // France, vetoing the resolution on access it wants, scores less.
    let fra = a.seats.iter().find(|r| r.member == "FRA").expect("France");
    let obstruct = fra
        .mean
        .iter()
        .find(|m| m.0 == Strategy::Obstruct)
        .unwrap()
        .1;
    assert!(obstruct < fra.mean[0].1, "{fra:?}");
}
