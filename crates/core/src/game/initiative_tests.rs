//! Whole-game checks of initiative and the debrief: new drafts tabled
//! during the game, the presidency chairing, and turning points whose named
//! change or request flips the decision when replayed.

use std::sync::Arc;

use super::tests::{clause, draft, drive, game_with, gaza, scenario, seat, votes};
use super::*;
use crate::model::act::{Act, ActError};
use crate::model::draft::{DraftStatus, Text};
use crate::model::record::{VoteSubject, What};

fn tutorial_with_guatemala_blocking_the_press_statement() -> Arc<CompiledScenario> {
    let src = include_str!("../testdata/tutorial-rules.ron").replace(
        r#"(member: "GTM", salience: 0.3,"#,
        r#"(member: "GTM", script: (decisions: [(draft: "mira_ps", decision: BreakSilence, reason: "its capital wants a word on its own convoys first")]), salience: 0.3,"#,
    );
    scenario(&src)
}

#[test]
fn a_blocked_statement_is_escalated_and_the_old_one_withdrawn() {
    let sc = tutorial_with_guatemala_blocking_the_press_statement();
    let mut game = game_with(&sc, 3, &[]);
    drive(&mut game);
    let entries = &game.record().entries;
    // France, whose statement it was, tables a weightier text of its own,
    // and says why.
    let (day, reason) = entries
        .iter()
        .find_map(|e| match &e.what {
            What::Circulated {
                draft,
                penholder,
                reason,
                ..
            } if draft.starts_with("fra-") && penholder == "FRA" => Some((e.day, reason.clone())),
            _ => None,
        })
        .expect("France escalates");
    assert!(day >= 2, "a day after the statement was circulated");
    assert!(reason.contains("Guatemala"), "{reason}");
    let new = game
        .table()
        .drafts
        .iter()
        .find(|d| d.code.starts_with("fra-"))
        .expect("on the table");
    assert_ne!(new.kind(), crate::rules::ProductKind::PressStatement);
    // The blocked statement gives way to it.
    let ps = &game.table().drafts[draft(&game, "mira_ps")];
    assert!(
        matches!(ps.status, DraftStatus::Withdrawn { .. }) || !ps.status.is_live(),
        "{:?}",
        ps.status
    );
}

#[test]
fn a_member_tables_a_draft_of_its_own_within_the_rules() {
    let sc = gaza();
    let mut game = game_with(&sc, 2, &["MAR"]);
    let mar = seat(&game, "MAR");
    drive(&mut game);
    let prst = |clauses: Vec<(usize, u8)>| Act::TableDraft {
        title: String::new(),
        text: Text {
            kind: crate::rules::ProductKind::PresidentialStatement,
            clauses,
        },
        reason: "to raise the stakes".into(),
    };
    let (grave, two_state) = (clause(&game, "grave_concern"), clause(&game, "two_state"));
    let welcome = clause(&game, "welcome_ceasefire");
    assert_eq!(game.command(mar, &prst(vec![])), Err(ActError::EmptyText));
    assert_eq!(
        game.command(mar, &prst(vec![(grave, 9)])),
        Err(ActError::ChangeDoesNotFit)
    );
    assert_eq!(
        game.command(mar, &prst(vec![(grave, 0), (grave, 1)])),
        Err(ActError::ChangeDoesNotFit)
    );
    assert_eq!(
        game.command(mar, &prst(vec![(welcome, 0)])),
        Err(ActError::ClauseNotAvailable),
        "no ceasefire yet"
    );
    let points = game.action_points(mar);
    let drafts = game.table().drafts.len();
    let cessation = clause(&game, "cessation_hostilities");
    game.command(mar, &prst(vec![(cessation, 1), (two_state, 0)]))
        .unwrap();
    assert_eq!(game.action_points(mar), points - 1);
    let d = &game.table().drafts[drafts];
    assert_eq!(d.code, "mar-prst");
    assert_eq!(d.penholder, mar);
    assert_eq!(d.status, DraftStatus::OnTable);
    assert_eq!(d.title, "Draft presidential statement (Morocco)");
    // The clauses stand in the order of the parts, preambular first.
    assert_eq!(d.text().clauses, vec![(two_state, 0), (cessation, 1)]);
    let said = game.record().entries.iter().any(|e| {
        matches!(&e.what, What::Circulated { draft, reason, .. } if draft == "mar-prst" && reason == "to raise the stakes")
    });
    assert!(said);
    // One live draft of a kind of its own at a time.
    assert_eq!(
        game.command(mar, &prst(vec![(grave, 0)])),
        Err(ActError::AlreadyDone)
    );
}

#[test]
fn the_change_a_turning_point_names_flips_the_decision_when_replayed() {
    let sc = gaza();
    let mut game = game_with(&sc, 5, &["MAR"]);
    let mar = seat(&game, "MAR");
    let ps = draft(&game, "moroccan_ps");
    drive(&mut game);
    game.command(mar, &Act::EndTurn).unwrap();
    drive(&mut game);
    assert_eq!(game.clock().phase, PhaseName::Corridors);
    let day = game.clock().day;
    let before = game.clone();
    let silence = |game: &mut Game| {
        let put = Act::PutUnderSilence {
            draft: ps,
            reason: String::new(),
        };
        game.command(mar, &put).unwrap();
        game.command(mar, &Act::EndTurn).unwrap();
        drive(game);
        // Morocco's own decisions, as the AI would take them.
        while game.clock().day == day && game.clock().phase == PhaseName::Decision {
            let act = game.ai_decision(mar).expect("Morocco decides");
            game.command(mar, &act).unwrap();
            drive(game);
        }
    };
    let kept = |game: &Game, member: &str| {
        game.record().entries.iter().find_map(|e| match &e.what {
            What::Silence {
                draft, positions, ..
            } if e.day == day && draft == "moroccan_ps" => positions
                .iter()
                .find(|p| p.member == member)
                .map(|p| p.choice),
            _ => None,
        })
    };
    // As it was: the United States breaks silence, and the debrief says
    // what would have moved it.
    silence(&mut game);
    assert_eq!(kept(&game, "USA"), Some(false));
    let point = game
        .history()
        .turning_points
        .iter()
        .find(|t| t.day == day && t.draft == "moroccan_ps")
        .unwrap_or_else(|| {
            panic!(
                "no turning point: {:?}",
                game.record()
                    .entries
                    .iter()
                    .filter(|e| e.day == day && matches!(e.what, What::Silence { .. }))
                    .map(|e| format!("{:?}", e.what))
                    .collect::<Vec<_>>()
            )
        })
        .clone();
    assert!(
        point.deciding.contains(&"USA".to_string()),
        "{:?}",
        point.deciding
    );
    assert!(!point.changes.is_empty(), "{}", point.flip);
    assert!(
        point.flip.contains("would have kept silence"),
        "{}",
        point.flip
    );
    // Played again from the corridors with the named change: it keeps silence.
    let mut again = before;
    let mut text = again.table().drafts[ps].text().clone();
    for &change in &point.changes {
        assert!(text.apply(change, &sc.parts));
    }
    let revise = Act::Revise {
        draft: ps,
        text,
        reason: String::new(),
    };
    again.command(mar, &revise).unwrap();
    silence(&mut again);
    for member in &point.deciding {
        assert_eq!(kept(&again, member), Some(true), "{member}: {}", point.flip);
    }
}

#[test]
fn the_presidency_proposes_a_compromise_when_a_student_penholder_will_not() {
    // Guatemala will not have the flash appeal in a statement; France, a
    // student, puts its statement under silence unchanged.
    let src = include_str!("../testdata/tutorial-rules.ron").replace(
        r#"(member: "GTM", salience: 0.3,"#,
        r#"(member: "GTM", red_lines: [(id: "no_appeal", products: [PressStatement], rule: MustNotContain(clause: "donors"), reason: "its capital will not be lectured about the flash appeal")], salience: 0.3,"#,
    );
    let sc = scenario(&src);
    let mut game = game_with(&sc, 3, &["FRA"]);
    let fra = seat(&game, "FRA");
    let ps = draft(&game, "mira_ps");
    drive(&mut game);
    let put = Act::PutUnderSilence {
        draft: ps,
        reason: String::new(),
    };
    game.command(fra, &put).unwrap();
    game.command(fra, &Act::EndTurn).unwrap();
    drive(&mut game);
    while game.clock().day == 1 && game.clock().phase == PhaseName::Decision {
        let act = game.ai_decision(fra).expect("France decides");
        game.command(fra, &act).unwrap();
        drive(&mut game);
    }
    assert!(matches!(
        game.table().drafts[ps].status,
        DraftStatus::Blocked { .. }
    ));
    // Day 2: the presidency, the United States, tables a statement without
    // the paragraph, and says why.
    let entries = &game.record().entries;
    let (text, reason) = entries
        .iter()
        .find_map(|e| match &e.what {
            What::Circulated {
                penholder,
                title,
                clauses,
                reason,
                ..
            } if penholder == "USA" && title.contains("compromise") => {
                Some((clauses.clone(), reason.clone()))
            }
            _ => None,
        })
        .expect("the presidency's compromise");
    assert!(!text.iter().any(|(c, _)| c == "donors"), "{text:?}");
    assert!(
        reason.starts_with("As President of the Council"),
        "{reason}"
    );
}

#[test]
fn the_request_a_turning_point_names_would_have_won_the_breaker_over() {
    // Guatemala minds the flash appeal, without a red line, and listens to
    // Colombia; France, a student, puts its statement under silence as it is.
    let src = include_str!("../testdata/tutorial-rules.ron").replace(
        r#"(member: "GTM", salience: 0.3, wants_product: 0.6, stances: { "solidarity": [0.7],"#,
        r#"(member: "GTM", salience: 0.5, wants_product: -0.5, personality: (flexibility: 0.1, group_loyalty: 0.0), relationships: { "COL": 1.0 }, stances: { "donors": [-1.0, -1.0], "solidarity": [0.0],"#,
    );
    let sc = scenario(&src);
    let mut game = game_with(&sc, 3, &["FRA"]);
    let (fra, col, gtm) = (seat(&game, "FRA"), seat(&game, "COL"), seat(&game, "GTM"));
    let ps = draft(&game, "mira_ps");
    drive(&mut game);
    let before = game.clone();
    let decide = |game: &mut Game| {
        let put = Act::PutUnderSilence {
            draft: ps,
            reason: String::new(),
        };
        game.command(fra, &put).unwrap();
        game.command(fra, &Act::EndTurn).unwrap();
        drive(game);
        while game.clock().day == 1 && game.clock().phase == PhaseName::Decision {
            let act = game.ai_decision(fra).expect("France decides");
            game.command(fra, &act).unwrap();
            drive(game);
        }
    };
    let kept = |game: &Game| {
        game.record().entries.iter().find_map(|e| match &e.what {
            What::Silence {
                draft, positions, ..
            } if draft == "mira_ps" => positions
                .iter()
                .find(|p| p.member == "GTM")
                .map(|p| p.choice),
            _ => None,
        })
    };
    decide(&mut game);
    assert_eq!(kept(&game), Some(false), "Guatemala breaks silence");
    let point = game
        .history()
        .turning_points
        .first()
        .expect("a turning point")
        .clone();
    assert_eq!(point.deciding, ["GTM"]);
    let by = point
        .lobby_by
        .clone()
        .expect("a request that would have worked");
    assert!(
        point.flip.contains("asked Guatemala for its support"),
        "{}",
        point.flip
    );
    // Played again: that member asks first, and Guatemala keeps silence.
    let mut again = before;
    let asker = sc.seat_of(&by).expect("member");
    assert_eq!(asker, col, "{}", point.flip);
    again
        .apply(
            asker,
            &Act::Lobby {
                target: gtm,
                draft: ps,
            },
        )
        .unwrap();
    decide(&mut again);
    assert_eq!(kept(&again), Some(true), "{}", point.flip);
}

#[test]
fn on_the_last_day_the_president_calls_the_vote_a_penholder_left_waiting() {
    // China presides; the United States, a student, puts its resolution in
    // blue and never asks for the vote.
    let src = include_str!("../testdata/tutorial-rules.ron")
        .replace(r#"presidency: "USA","#, r#"presidency: "CHN","#);
    let sc = scenario(&src);
    let mut game = game_with(&sc, 3, &["USA"]);
    let usa = seat(&game, "USA");
    let res = draft(&game, "mira_res");
    loop {
        drive(&mut game);
        if game.is_over() {
            break;
        }
        let phase = game.clock().phase;
        if phase == PhaseName::Corridors {
            let blue = Act::PutInBlue {
                draft: res,
                reason: String::new(),
            };
            let _ = game.command(usa, &blue);
            game.command(usa, &Act::EndTurn).unwrap();
        } else if phase == PhaseName::Decision {
            let act = game.ai_decision(usa).expect("the United States decides");
            game.command(usa, &act).unwrap();
        }
    }
    let called = game.record().entries.iter().any(|e| {
        matches!(&e.what, What::VoteRequested { draft, by, reason }
            if draft == "mira_res" && by == "CHN" && reason.starts_with("as President"))
    });
    assert!(called, "China calls the vote");
    let voted = votes(&game)
        .iter()
        .any(|(s, _)| matches!(s, VoteSubject::Draft { draft, .. } if draft == "mira_res"));
    assert!(voted);
    // Not before the last day: a President does not take the pen's place.
    let early = game
        .record()
        .entries
        .iter()
        .any(|e| matches!(&e.what, What::VoteRequested { by, .. } if by == "CHN") && e.day < 3);
    assert!(!early);
}
