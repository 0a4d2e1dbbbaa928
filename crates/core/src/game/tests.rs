//! Whole-game checks of the rules, driving a [`Game`] as the game plugin
//! does, with some seats played by the test.

use std::sync::Arc;

use super::day::Step;
use super::*;
use crate::model::act::Act;
use crate::model::draft::{Amendment, AmendmentState, Change, DraftStatus};
use crate::model::record::{VoteSubject, What};
use crate::rules::Vote;

pub(super) fn scenario(src: &str) -> Arc<CompiledScenario> {
    let loaded = crate::scenario::parse("test.ron", src).expect("shipped scenario");
    Arc::new(CompiledScenario::new(loaded.scenario))
}

pub(super) fn gaza() -> Arc<CompiledScenario> {
    scenario(include_str!("../testdata/gaza-2012-rules.ron"))
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
pub(super) fn votes(game: &Game) -> Vec<(&VoteSubject, &[crate::model::record::Stated<Vote>])> {
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
