//! Every kind of bad scenario file gets a clear, located error, and nothing panics.

use horseshoe_core::scenario::{self, ScenarioError, validate::Severity};

const TUTORIAL: &str = include_str!("../../../scenarios/tutorial.ron");

/// The tutorial with one piece of text replaced; panics if the piece is absent,
/// so a test cannot silently stop testing anything.
fn mutate(from: &str, to: &str) -> String {
    assert!(
        TUTORIAL.contains(from),
        "test setup: {from:?} not in the tutorial"
    );
    TUTORIAL.replacen(from, to, 1)
}

fn errors(src: &str) -> Vec<scenario::SourceProblem> {
    match scenario::parse("bad.ron", src) {
        Ok(_) => panic!("the file should have been rejected"),
        Err(e) => e
            .problems()
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .cloned()
            .collect(),
    }
}

/// Line number (1-based) of the first occurrence of `needle` in `src`.
fn line_of(src: &str, needle: &str) -> usize {
    let at = src.find(needle).expect("needle present");
    src[..at].matches('\n').count() + 1
}

#[test]
fn the_shipped_scenarios_are_valid_without_warnings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("the scenarios folder") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(&path).unwrap();
        let loaded = scenario::parse(&name, &src).unwrap_or_else(|e| panic!("{}", e.report(false)));
        assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
        checked += 1;
    }
    assert!(checked >= 2, "only {checked} scenarios found in {dir}");
}

#[test]
fn a_voice_needs_a_speaker_and_an_event_action_a_real_draft() {
    let src = mutate(
        "            urgency: -0.2,\n        ),",
        "            urgency: -0.2,\n            voices: [(speaker: \" \", words: \"The border is open.\")],\n            then: [TableDraft(\"mira_pss\")],\n        ),",
    );
    let e = errors(&src);
    let messages: Vec<&str> = e.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(e.len(), 2, "{messages:?}");
    assert!(
        messages.contains(&"unknown draft `mira_pss`"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"a voice in event `calvera_opens` has no speaker"),
        "{messages:?}"
    );
    let draft = e.iter().find(|p| p.message.contains("mira_pss")).unwrap();
    assert_eq!(draft.line, line_of(&src, "TableDraft"));
}

#[test]
fn a_syntax_error_gives_line_column_and_the_offending_text() {
    // A missing comma between two fields.
    let src = mutate("days: 4,", "days: 4");
    let e = errors(&src);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, line_of(&src, "days: 4") + 1);
    assert!(
        e[0].to_string()
            .starts_with(&format!("bad.ron:{}:", e[0].line))
    );
    assert!(!e[0].excerpt.is_empty());
}

#[test]
fn a_type_error_points_at_the_value() {
    let src = mutate(
        "salience: 0.3, wants_product: 0.5",
        "salience: \"high\", wants_product: 0.5",
    );
    let e = errors(&src);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, line_of(&src, "\"high\""));
    assert!(
        e[0].message.to_lowercase().contains("float"),
        "{}",
        e[0].message
    );
}

#[test]
fn a_misspelt_field_gets_a_suggestion() {
    let src = mutate(
        "salience: 0.3, wants_product: 0.5",
        "salince: 0.3, wants_product: 0.5",
    );
    let e = errors(&src);
    assert_eq!(e[0].hint.as_deref(), Some("did you mean `salience`?"));
    assert_eq!(e[0].line, line_of(&src, "salince"));
}

#[test]
fn an_unknown_clause_in_a_stance_is_located_with_a_hint() {
    let src = mutate(
        "\"sovereignty\": [0.9], \"aid_access\": [0.5, 0.1]",
        "\"sovereignity\": [0.9], \"aid_access\": [0.5, 0.1]",
    );
    let e = errors(&src);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].message, "unknown clause `sovereignity`");
    assert_eq!(e[0].hint.as_deref(), Some("did you mean `sovereignty`?"));
    assert_eq!(e[0].line, line_of(&src, "\"sovereignity\""));
    assert_eq!(e[0].excerpt, "\"sovereignity\"");
    assert_eq!(
        e[0].path.as_ref().unwrap().to_string(),
        "delegations[0].stances[\"sovereignity\"]"
    );
}

#[test]
fn an_unknown_member_in_a_relationship_is_an_error() {
    let src = mutate(
        "relationships: { \"RUS\": 0.7, \"PAK\": 0.5 }",
        "relationships: { \"RUS\": 0.7, \"PAQ\": 0.5 }",
    );
    let e = errors(&src);
    assert_eq!(e[0].message, "unknown member `PAQ`");
    assert_eq!(e[0].hint.as_deref(), Some("did you mean `PAK`?"));
}

#[test]
fn a_duplicate_id_is_an_error() {
    let src = mutate("id: \"donors\",", "id: \"report\",");
    let e = errors(&src);
    assert!(
        e.iter()
            .any(|p| p.message == "duplicate clause id `report`"),
        "{e:?}"
    );
}

#[test]
fn a_veto_holder_must_be_a_member() {
    let src = mutate(
        "veto_holders: [\"CHN\", \"FRA\", \"RUS\", \"GBR\", \"USA\"]",
        "veto_holders: [\"CHN\", \"FRA\", \"RUS\", \"GBR\", \"US\"]",
    );
    let e = errors(&src);
    assert!(
        e.iter().any(
            |p| p.message == "veto holder `US` is not a member of the Council"
                && p.hint.as_deref() == Some("did you mean `USA`?")
        ),
        "{e:?}"
    );
}

#[test]
fn a_veto_stance_needs_a_veto() {
    let src = mutate(
        "(member: \"AZE\", salience: 0.3,",
        "(member: \"AZE\", veto_stance: (), salience: 0.3,",
    );
    let e = errors(&src);
    assert!(
        e.iter()
            .any(|p| p.message == "`AZE` has a veto stance but holds no veto"),
        "{e:?}"
    );
}

#[test]
fn a_stance_out_of_range_is_an_error() {
    let src = mutate(
        "\"solidarity\": [0.6], \"sovereignty\": [0.9]",
        "\"solidarity\": [1.6], \"sovereignty\": [0.9]",
    );
    let e = errors(&src);
    assert_eq!(e[0].message, "stance 1.6 is out of range");
    assert_eq!(e[0].excerpt, "1.6");
}

#[test]
fn a_stance_with_the_wrong_number_of_wordings_is_an_error() {
    let src = mutate(
        "\"aid_access\": [0.5, 0.1]",
        "\"aid_access\": [0.5, 0.1, 0.2]",
    );
    let e = errors(&src);
    assert!(
        e[0].message
            .contains("has 3 values, the clause has 2 wordings"),
        "{e:?}"
    );
}

#[test]
fn a_trigger_naming_a_missing_draft_is_an_error() {
    let src = mutate(
        "    triggers: [\n",
        "    triggers: [\n        (id: \"t\", when: DraftBlocked(\"mira_rez\"), then: [Announce(\"x\")]),\n",
    );
    let e = errors(&src);
    assert_eq!(e[0].message, "unknown draft `mira_rez`");
    assert_eq!(e[0].hint.as_deref(), Some("did you mean `mira_res`?"));
    assert_eq!(e[0].excerpt, "\"mira_rez\"");
}

#[test]
fn a_quota_larger_than_the_council_is_an_error() {
    let src = mutate("quota: 9,", "quota: 16,");
    let e = errors(&src);
    assert_eq!(
        e[0].message,
        "a quota of 16 votes cannot be met by 15 members"
    );
    assert_eq!(e[0].line, line_of(&src, "quota: 16"));
}

#[test]
fn a_draft_with_a_wording_the_clause_lacks_is_an_error() {
    let src = mutate(
        "(\"solidarity\", 0), (\"aid_access\", 0), (\"donors\", 0)",
        "(\"solidarity\", 0), (\"aid_access\", 5), (\"donors\", 0)",
    );
    let e = errors(&src);
    assert_eq!(e[0].message, "clause `aid_access` has no wording 5");
}

#[test]
fn putting_a_statement_in_blue_is_an_error() {
    let src = mutate(
        "    triggers: [\n",
        "    triggers: [\n        (id: \"t\", when: FromDay(2), then: [PutInBlue(\"mira_ps\")]),\n",
    );
    let e = errors(&src);
    assert!(
        e[0].message.contains("agreed by consensus, not voted"),
        "{e:?}"
    );
}

#[test]
fn every_meaning_error_of_a_file_is_reported_at_once() {
    let src = mutate("quota: 9,", "quota: 0,")
        .replacen("presidency: \"USA\"", "presidency: \"XXX\"", 1)
        .replacen("days: 4,", "days: 0,", 1);
    let e = errors(&src);
    assert!(e.len() >= 3, "{e:?}");
    let messages: Vec<&str> = e.iter().map(|p| p.message.as_str()).collect();
    assert!(messages.contains(&"unknown member `XXX`"));
    assert!(messages.iter().any(|m| m.starts_with("a quota of 0")));
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("a scenario of 0 days"))
    );
}

#[test]
fn the_report_shows_the_location_and_the_hint() {
    let src = mutate("quota: 9,", "quota: 16,");
    let err = scenario::parse("bad.ron", &src).unwrap_err();
    let report = err.report(false);
    assert!(
        report.contains(&format!("bad.ron:{}", line_of(&src, "quota: 16"))),
        "{report}"
    );
    assert!(report.contains("use a quota from 1 to 15"), "{report}");
    assert!(report.contains("bad.ron: 1 error"), "{report}");
}

#[test]
fn hostile_input_never_panics() {
    let inputs: Vec<String> = vec![
        String::new(),
        "(".into(),
        "Scenario(".into(),
        "\u{0}\u{1}\u{2}".into(),
        "[".repeat(100_000),
        "Scenario(id: \"x\", title: \"y\", start_date: \"2012-02-30\", days: 4294967295)".into(),
        TUTORIAL[..TUTORIAL.len() / 2].to_string(),
        TUTORIAL.replace("0.", "-9."),
        TUTORIAL.replace('"', "'"),
        TUTORIAL.replace("[", "("),
    ];
    for src in inputs {
        let result = std::panic::catch_unwind(|| scenario::parse("x.ron", &src).map(|_| ()));
        let Ok(outcome) = result else {
            panic!("parse panicked on {:?}", &src[..src.len().min(60)]);
        };
        if let Err(e) = outcome {
            let _ = e.report(false);
        }
    }
}

#[test]
fn a_missing_file_is_a_read_error() {
    let e = scenario::load(std::path::Path::new("scenarios/does-not-exist.ron")).unwrap_err();
    assert!(matches!(e, ScenarioError::Read { .. }));
    assert!(
        e.to_string()
            .starts_with("cannot read scenarios/does-not-exist.ron")
    );
}

#[test]
fn an_expectation_names_a_real_draft_and_shares_in_order() {
    let src = mutate(
        "    expect: [\n",
        "    expect: [\n        Share(draft: \"mira_pss\", fate: Adopted, at_least: 0.5),\n        NoProduct(at_least: 0.6, at_most: 0.2),\n        Tally(draft: \"mira_res\", yes: 15, no: 1, abstain: 0),\n",
    );
    let e = errors(&src);
    let messages: Vec<&str> = e.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(e.len(), 3, "{messages:?}");
    assert_eq!(messages[0], "unknown draft `mira_pss`");
    assert_eq!(e[0].hint.as_deref(), Some("did you mean `mira_ps`?"));
    assert_eq!(e[0].line, line_of(&src, "\"mira_pss\""));
    assert!(messages[1].contains("`at_least` may not exceed `at_most`"));
    assert!(messages[2].contains("more votes than the Council's 15 members"));
    // A variant the format does not know is refused by the parser, located.
    let src = mutate("    expect: [\n", "    expect: [MostLikely(\"x\"),\n");
    let e = errors(&src);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, line_of(&src, "MostLikely"));
}

#[test]
fn dates_are_one_per_day_in_order_from_the_start() {
    let src = mutate(
        "days: 4,",
        "days: 4,\n    dates: [\"2030-03-02\", \"2030-03-09\", \"2030-03-05\"],",
    );
    let e = errors(&src);
    let messages: Vec<&str> = e.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(e.len(), 2, "{messages:?}");
    assert_eq!(messages[0], "3 dates for 4 days");
    assert_eq!(messages[1], "`2030-03-05` does not come after `2030-03-09`");
    assert_eq!(e[1].line, line_of(&src, "dates:"));
    let src = mutate(
        "days: 4,",
        "days: 4,\n    dates: [\"2030-03-03\", \"2030-03-04\", \"2030-02-30\", \"2030-03-08\"],",
    );
    let messages: Vec<String> = errors(&src).into_iter().map(|p| p.message).collect();
    assert!(
        messages.contains(
            &"the first date `2030-03-03` is not the start date `2030-03-02`".to_string()
        ),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"`2030-02-30` is not a date".to_string()),
        "{messages:?}"
    );
}

#[test]
fn a_vetoed_red_line_cannot_also_abstain_and_support_is_counted_within_the_council() {
    let src = mutate(
        "reason: \"the text opens the door to the use of force against Calvera\")",
        "reason: \"the text opens the door to the use of force against Calvera\", abstain: true)",
    );
    let e = errors(&src);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].message,
        "red line `no_force` is vetoed but says `abstain: true`"
    );
    let src = mutate(
        "goal: DraftAdopted(\"mira_consent\"), points: 1)",
        "goal: DraftSupported(draft: \"mira_consent\", at_least: 16), points: 1)",
    );
    let e = errors(&src);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].message,
        "`at_least: 16` votes is not a goal for a Council of 15"
    );
}
