//! Whole-game checks of the rules, driving a [`Game`] as the game plugin
//! does, with some seats played by the test.

use std::sync::Arc;

use super::day::Step;
use super::*;
use crate::model::act::{Act, ActError};
use crate::model::draft::{Amendment, AmendmentState, Change, DraftStatus, Text};
use crate::model::record::{VoteSubject, What};
use crate::rules::Vote;

pub(super) fn scenario(src: &str) -> Arc<CompiledScenario> {
    let loaded = crate::scenario::parse("test.ron", src).expect("shipped scenario");
    Arc::new(CompiledScenario::new(loaded.scenario))
}

pub(super) fn gaza() -> Arc<CompiledScenario> {
    scenario(include_str!("../../../../scenarios/gaza-2012.ron"))
}

/// A game whose seats named in `humans` are played by the test.
pub(super) fn game_with(sc: &Arc<CompiledScenario>, seed: u64, humans: &[&str]) -> Game {
    let mut config = GameConfig::all_ai(sc.clone(), seed);
    for code in humans {
        let seat = sc.seat_of(code).expect("member");
        config.controllers[seat] = Controller::Human;
    }
    let mut game = Game::new(config);
    game.enter(PhaseName::Morning);
    game
}

/// Plays on, as the game plugin does, until a human delegation must act or
/// the game is over.
pub(super) fn drive(game: &mut Game) {
    loop {
        let phase = game.clock().phase;
        if phase == PhaseName::Decision {
            game.run_decisions();
        }
        match game.advance(phase, false) {
            Step::Next(next) => game.enter(next),
            Step::Stay | Step::GameOver => return,
        }
    }
}

pub(super) fn seat(game: &Game, code: &str) -> SeatId {
    game.scenario().seat_of(code).expect("member")
}

pub(super) fn draft(game: &Game, id: &str) -> usize {
    let sc = game.scenario();
    (0..sc.drafts.len())
        .find(|&d| sc.draft_id(d) == id)
        .expect("draft")
}

pub(super) fn clause(game: &Game, id: &str) -> usize {
    let sc = game.scenario();
    (0..sc.clause_count())
        .find(|&c| sc.clause(c).id == id)
        .expect("clause")
}

/// The votes on amendments and drafts, in the order they were taken.
fn votes(game: &Game) -> Vec<(&VoteSubject, &[crate::model::record::Stated<Vote>])> {
    game.record()
        .entries
        .iter()
        .filter_map(|e| match &e.what {
            What::Vote {
                subject, ballots, ..
            } => Some((subject, ballots.as_slice())),
            _ => None,
        })
        .collect()
}

fn ballot<'a>(
    ballots: &'a [crate::model::record::Stated<Vote>],
    code: &str,
) -> &'a crate::model::record::Stated<Vote> {
    ballots.iter().find(|b| b.member == code).expect("ballot")
}

/// Russia's draft in blue and due for a vote today, with these amendments
/// pressed to the vote, every seat played by the test.
fn russian_draft_with(amendments: &[Change]) -> Game {
    let sc = gaza();
    let codes: Vec<String> = (0..sc.seat_count())
        .map(|s| sc.code(s).to_string())
        .collect();
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    let mut game = game_with(&sc, 1, &codes);
    let res = draft(&game, "russia_res");
    let gbr = seat(&game, "GBR");
    let d = &mut game.table.drafts[res];
    d.status = DraftStatus::InBlue { since_day: 0 };
    d.vote_requested = true;
    for (i, &change) in amendments.iter().enumerate() {
        d.amendments.push(Amendment {
            id: i + 1,
            by: gbr,
            change,
            day: 1,
            state: AmendmentState::ToVote,
            refused: true,
        });
    }
    game.open_decisions();
    game
}

#[test]
fn rule_36_votes_additions_and_deletions_first_then_the_furthest_removed() {
    let sc = gaza();
    let probe = game_with(&sc, 1, &[]);
    let access = clause(&probe, "humanitarian_access");
    let concern = clause(&probe, "grave_concern");
    let durable = clause(&probe, "durable_outcome");
    let game = russian_draft_with(&[
        // Rewordings: grave_concern 2 -> 0 is further removed than access 1 -> 0.
        Change::Reword {
            clause: access,
            wording: 0,
        },
        Change::Reword {
            clause: concern,
            wording: 0,
        },
        Change::Add {
            clause: durable,
            wording: 0,
        },
        Change::Delete { clause: access },
    ]);
    let order: Vec<Option<usize>> = game
        .decisions()
        .pending
        .iter()
        .map(|item| match item {
            crate::model::decision::Item::Amendment { amendment, .. } => Some(*amendment),
            _ => None,
        })
        .collect();
    // The deletion (distance 2) and the addition (1), then the rewordings by
    // distance, then the draft.
    assert_eq!(order, vec![Some(4), Some(3), Some(2), Some(1), None]);
}

#[test]
fn an_amendment_that_no_longer_fits_is_withdrawn_with_a_line_in_the_record() {
    let probe = game_with(&gaza(), 1, &[]);
    let access = clause(&probe, "humanitarian_access");
    let mut game = russian_draft_with(&[
        Change::Reword {
            clause: access,
            wording: 0,
        },
        Change::Delete { clause: access },
    ]);
    // Every member votes yes on the deletion, voted first.
    for s in 0..game.seat_count() {
        let yes = Act::CastVote {
            vote: Vote::Yes,
            explanation: String::new(),
        };
        game.run_decisions();
        game.command(s, &yes).expect("a vote on the deletion");
    }
    game.run_decisions();
    let res = draft(&game, "russia_res");
    let d = &game.table().drafts[res];
    assert_eq!(
        d.text().wording_of(access),
        None,
        "the deletion was adopted"
    );
    assert_eq!(d.amendments[0].state, AmendmentState::Lapsed);
    let withdrawn = game.record().entries.iter().any(|e| {
        matches!(&e.what, What::Announcement { text }
            if text.contains("withdraws its amendment 1") && text.contains("no longer fits"))
    });
    assert!(withdrawn, "the record says the rewording was withdrawn");
    // Next is the draft itself, not the withdrawn rewording.
    assert!(matches!(
        game.decisions().current.as_ref().map(|c| c.item),
        Some(crate::model::decision::Item::Draft { .. })
    ));
}

#[test]
fn an_unanswered_amendment_is_pressed_to_a_vote_and_judged_by_what_it_changes() {
    let sc = gaza();
    let mut game = game_with(&sc, 3, &["RUS", "GBR"]);
    let (rus, gbr, usa) = (seat(&game, "RUS"), seat(&game, "GBR"), seat(&game, "USA"));
    let res = draft(&game, "russia_res");
    let rockets = clause(&game, "halt_rockets");
    drive(&mut game);
    assert_eq!(game.clock().phase, PhaseName::Corridors);
    game.command(rus, &Act::Circulate { draft: res }).unwrap();
    let amend = Act::ProposeAmendment {
        draft: res,
        change: Change::Reword {
            clause: rockets,
            wording: 2,
        },
        reason: "the rockets must stop".into(),
    };
    game.command(gbr, &amend).unwrap();
    // Russia never answers; once its draft is in blue, the United Kingdom
    // presses its amendment to the vote.
    game.command(
        rus,
        &Act::PutInBlue {
            draft: res,
            reason: String::new(),
        },
    )
    .unwrap();
    let amendment = game.table().drafts[res].amendments[0].id;
    let press = Act::InsistOnAmendment {
        draft: res,
        amendment,
    };
    game.command(gbr, &press).unwrap();
    for s in [rus, gbr] {
        game.command(s, &Act::EndTurn).unwrap();
    }
    drive(&mut game);
    // Day 2: Russia asks for the vote.
    assert_eq!(
        (game.clock().day, game.clock().phase),
        (2, PhaseName::Corridors)
    );
    game.command(
        rus,
        &Act::RequestVote {
            draft: res,
            reason: String::new(),
        },
    )
    .unwrap();
    for s in [rus, gbr] {
        game.command(s, &Act::EndTurn).unwrap();
    }
    drive(&mut game);
    for (s, vote) in [(gbr, Vote::Yes), (rus, Vote::No)] {
        let cast = Act::CastVote {
            vote,
            explanation: String::new(),
        };
        game.command(s, &cast).unwrap();
    }
    drive(&mut game);
    let votes = votes(&game);
    assert!(
        matches!(votes[0].0, VoteSubject::Amendment { .. }),
        "the amendment is voted before the draft: {votes:?}"
    );
    // The draft still holds a paragraph the United States will veto, but
    // the amendment mends its rocket red line: it votes for the change.
    let us = ballot(votes[0].1, sc.code(usa));
    assert_eq!(us.choice, Vote::Yes, "{}", us.reason);
    assert!(us.reason.starts_with("without the change"), "{}", us.reason);
}

/// Russia (played by the test) with its draft on the table on day 1, and
/// South Africa's promise to support it.
fn russian_draft_with_a_promise_from(code: &str, humans: &[&str]) -> (Game, SeatId) {
    let sc = gaza();
    let mut game = game_with(&sc, 5, humans);
    let (rus, promiser) = (seat(&game, "RUS"), seat(&game, code));
    let res = draft(&game, "russia_res");
    drive(&mut game);
    game.command(rus, &Act::Circulate { draft: res }).unwrap();
    game.dispositions[promiser]
        .commitments
        .push(crate::model::state::Commitment {
            draft: res,
            to: rus,
            version: 1,
        });
    (game, promiser)
}

#[test]
fn a_revision_worse_for_the_promiser_frees_its_promise() {
    let (mut game, zaf) = russian_draft_with_a_promise_from("ZAF", &["RUS"]);
    let (rus, res) = (seat(&game, "RUS"), draft(&game, "russia_res"));
    let access = clause(&game, "humanitarian_access");
    // A revision South Africa gains from keeps the promise.
    let concern = clause(&game, "durable_outcome");
    let mut better = game.table().drafts[res].text().clone();
    better.apply(
        Change::Add {
            clause: concern,
            wording: 0,
        },
        &game.scenario().parts,
    );
    let revise = |text| Act::Revise {
        draft: res,
        text,
        reason: String::new(),
    };
    game.command(rus, &revise(better.clone())).unwrap();
    assert_eq!(game.dispositions()[zaf].commitments.len(), 1);
    // Taking out humanitarian access frees it, and South Africa says so.
    let mut worse = better;
    worse.apply(Change::Delete { clause: access }, &game.scenario().parts);
    game.command(rus, &revise(worse)).unwrap();
    assert!(game.dispositions()[zaf].commitments.is_empty());
    let said = game.record().entries.iter().find_map(|e| match &e.what {
        What::PromiseReleased { by, to, reason, .. } if by == "ZAF" && to == "RUS" => {
            Some(reason.clone())
        }
        _ => None,
    });
    let reason = said.expect("South Africa tells Russia its promise no longer holds");
    assert!(
        reason.contains("no longer") && reason.contains("humanitarian access"),
        "{reason}"
    );
}

#[test]
fn a_broken_promise_is_noticed_and_remembered_and_fades() {
    // The United Kingdom, played by a student, promised Russia its support,
    // then votes against.
    let (mut game, gbr) = russian_draft_with_a_promise_from("GBR", &["RUS", "GBR"]);
    let (rus, res) = (seat(&game, "RUS"), draft(&game, "russia_res"));
    game.command(
        rus,
        &Act::PutInBlue {
            draft: res,
            reason: String::new(),
        },
    )
    .unwrap();
    for s in [rus, gbr] {
        game.command(s, &Act::EndTurn).unwrap();
    }
    drive(&mut game);
    game.command(
        rus,
        &Act::RequestVote {
            draft: res,
            reason: String::new(),
        },
    )
    .unwrap();
    for s in [rus, gbr] {
        game.command(s, &Act::EndTurn).unwrap();
    }
    drive(&mut game);
    for (s, vote) in [(rus, Vote::Yes), (gbr, Vote::No)] {
        let cast = Act::CastVote {
            vote,
            explanation: String::new(),
        };
        game.command(s, &cast).unwrap();
    }
    drive(&mut game);
    let noticed = game.record().entries.iter().any(
        |e| matches!(&e.what, What::PromiseBroken { by, to, .. } if by == "GBR" && to == "RUS"),
    );
    assert!(noticed, "Russia noticed");
    let grudge = game.dispositions()[rus].goodwill[gbr];
    assert!(grudge < 0.0, "{grudge}");
    // The grudge fades with each morning.
    game.enter(PhaseName::Morning);
    let later = game.dispositions()[rus].goodwill[gbr];
    assert!(later < 0.0 && later > grudge, "{grudge} -> {later}");
}

#[test]
fn a_procedural_vote_passes_9_4_2_with_a_permanent_member_against() {
    let sc = gaza();
    let codes: Vec<String> = (0..sc.seat_count())
        .map(|s| sc.code(s).to_string())
        .collect();
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    let mut game = game_with(&sc, 2, &codes);
    drive(&mut game);
    let mar = seat(&game, "MAR");
    let motion = Act::ProposeMotion {
        motion: crate::rules::Motion::PublicMeeting,
        reason: "the world must hear the Council".into(),
    };
    game.command(mar, &motion).unwrap();
    assert_eq!(
        game.command(mar, &motion),
        Err(crate::model::act::ActError::AlreadyDone)
    );
    for s in 0..game.seat_count() {
        game.command(s, &Act::EndTurn).unwrap();
    }
    drive(&mut game);
    assert!(matches!(
        game.decisions().current.as_ref().map(|c| c.item),
        Some(crate::model::decision::Item::Motion { .. })
    ));
    let no = ["USA", "GBR", "DEU", "COL"];
    let abstain = ["GTM", "AZE"];
    for s in 0..game.seat_count() {
        let code = game.scenario().code(s).to_string();
        let vote = if no.contains(&code.as_str()) {
            Vote::No
        } else if abstain.contains(&code.as_str()) {
            Vote::Abstain
        } else {
            Vote::Yes
        };
        let cast = Act::CastVote {
            vote,
            explanation: String::new(),
        };
        game.command(s, &cast).unwrap();
    }
    game.run_decisions();
    let result = game.record().entries.iter().find_map(|e| match &e.what {
        What::Vote {
            subject: VoteSubject::Motion { .. },
            result,
            ..
        } => Some(result.clone()),
        _ => None,
    });
    let result = result.expect("the motion was voted");
    assert_eq!(result.tally.to_string(), "9-4-2");
    assert!(result.outcome.adopted(), "{:?}", result.outcome);
    assert_eq!(
        game.table().motions[0].status,
        crate::model::draft::MotionStatus::Adopted
    );
}

#[test]
fn words_to_the_press_press_a_blocker_and_backfire_on_a_bystander() {
    let sc = gaza();
    let mut game = game_with(&sc, 4, &["MAR"]);
    let (mar, usa, gtm) = (seat(&game, "MAR"), seat(&game, "USA"), seat(&game, "GTM"));
    drive(&mut game);
    game.command(mar, &Act::EndTurn).unwrap();
    drive(&mut game);
    // Day 2: Morocco's statement is on the table, and crosses the United
    // States' red line.
    assert_eq!(game.clock().day, 2);
    let before = game.dispositions()[usa].pressure;
    let blame = |about| Act::PressRemarks {
        about: Some(about),
        remarks: "They stand in the way.".into(),
    };
    game.command(mar, &blame(usa)).unwrap();
    assert!(game.dispositions()[usa].pressure > before);
    assert!(game.dispositions()[usa].goodwill[mar] < 0.0, "a grudge");
    let said = game
        .record()
        .entries
        .iter()
        .any(|e| matches!(&e.what, What::PressRemarks { about: Some(a), .. } if a == "USA"));
    assert!(said, "the record says whom the remarks named");
    // Guatemala has blocked nothing: the remarks fall flat, and Guatemala
    // holds them against Morocco.
    game.command(mar, &blame(gtm)).unwrap();
    assert_eq!(game.dispositions()[gtm].pressure, 0.0);
    assert!(game.dispositions()[gtm].goodwill[mar] < 0.0);
    let flat = game
        .record()
        .entries
        .iter()
        .any(|e| matches!(&e.what, What::Announcement { text } if text.contains("fall flat")));
    assert!(flat);
    // Pressure fades overnight.
    let pressed = game.dispositions()[usa].pressure;
    game.enter(PhaseName::Morning);
    assert!(game.dispositions()[usa].pressure < pressed);
}

#[test]
fn a_capital_relents_only_under_pressure_and_only_for_its_ai() {
    let sc = gaza();
    let mut game = game_with(&sc, 4, &["MAR"]);
    let (mar, usa) = (seat(&game, "MAR"), seat(&game, "USA"));
    drive(&mut game);
    game.command(mar, &Act::EndTurn).unwrap();
    drive(&mut game);
    // Day 2: Morocco's statement crosses the United States' "rockets" line.
    let rockets = sc.delegations[usa]
        .red_lines
        .iter()
        .position(|l| l.id == "rockets")
        .expect("red line");
    let relented = |game: &Game| !game.dispositions()[usa].red_line_active[rockets];
    game.dispositions[usa].personality.flexibility = 1.0;
    // No pressure, no new instructions.
    let mut calm = game.clone();
    for _ in 0..300 {
        calm.capital_relents();
    }
    assert!(!relented(&calm));
    // A student's red lines are the student's own.
    let mut student = game.clone();
    student.controllers[usa] = Controller::Human;
    student.dispositions[usa].pressure = 0.5;
    for _ in 0..300 {
        student.capital_relents();
    }
    assert!(!relented(&student));
    // Under pressure, the AI's capital relents in time, and says why.
    game.dispositions[usa].pressure = 0.5;
    for _ in 0..300 {
        game.capital_relents();
    }
    assert!(relented(&game));
    let said = game.record().entries.iter().any(|e| {
        matches!(&e.what, What::Announcement { text }
            if text.starts_with("The United States has new instructions") && text.contains("root cause"))
    });
    assert!(said, "the record says the capital relented");
}

#[test]
fn each_game_varies_characters_around_the_scenario() {
    let sc = gaza();
    let usa = sc.seat_of("USA").expect("member");
    let stances =
        |seed| Game::new(GameConfig::all_ai(sc.clone(), seed)).dispositions()[usa].clone();
    let (a, b) = (stances(1), stances(2));
    assert_eq!(
        a.stances,
        stances(1).stances,
        "the same seed, the same game"
    );
    assert_ne!(
        a.stances, b.stances,
        "another seed, another ambassador's day"
    );
    let written = &sc.delegations[usa];
    for (game, scenario) in a
        .stances
        .iter()
        .flatten()
        .zip(written.stances.iter().flatten())
    {
        assert!((game - scenario).abs() <= crate::model::state::STANCE_VARIATION + 1e-6);
    }
    let flex = a.personality.flexibility - written.personality.flexibility;
    assert!(flex.abs() <= crate::model::state::VARIATION + 1e-6);
    assert_eq!(
        a.personality.group_loyalty,
        written.personality.group_loyalty
    );
}

fn tutorial_with_guatemala_blocking_the_press_statement() -> Arc<CompiledScenario> {
    let src = include_str!("../../../../scenarios/tutorial.ron").replace(
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
    let src = include_str!("../../../../scenarios/tutorial.ron").replace(
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
    let src = include_str!("../../../../scenarios/tutorial.ron").replace(
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
    let src = include_str!("../../../../scenarios/tutorial.ron")
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
