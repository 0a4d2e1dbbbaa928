//! A view holds what its reader may know, and nothing else.

use std::sync::Arc;

use super::positions::Stance;
use super::*;
use crate::game::GameConfig;
use crate::game::day::Step;
use crate::model::compiled::CompiledScenario;
use crate::model::record::What;
use crate::narration::Audience;

fn gaza() -> Arc<CompiledScenario> {
    let src = include_str!("../../../../scenarios/gaza-2012.ron");
    Arc::new(CompiledScenario::new(
        crate::scenario::parse("gaza-2012.ron", src)
            .expect("the shipped scenario is valid")
            .scenario,
    ))
}

/// Plays an all-AI game phase by phase, as the game plugin would, until
/// `stop` holds after a phase (or the game ends).
fn play_until(game: &mut Game, stop: impl Fn(&Game) -> bool) {
    let mut phase = PhaseName::Morning;
    game.enter(phase);
    while !stop(game) {
        if phase == PhaseName::Decision {
            game.run_decisions();
        }
        match game.advance(phase, false) {
            Step::Next(next) => {
                phase = next;
                game.enter(phase);
            }
            Step::GameOver | Step::Stay => return,
        }
    }
}

fn game_after_a_silence(seed: u64) -> Game {
    let mut game = Game::new(GameConfig::all_ai(gaza(), seed));
    let silence = |g: &Game| {
        g.record()
            .entries
            .iter()
            .any(|e| matches!(e.what, What::Silence { .. }))
    };
    play_until(&mut game, silence);
    assert!(silence(&game), "a silence procedure within the game");
    game
}

#[test]
fn a_delegation_reads_public_entries_and_its_own_talks_only() {
    let game = game_after_a_silence(4);
    let sc = game.scenario().clone();
    for seat in 0..sc.seat_count() {
        let view = GameView::of(&game, Reader::Delegation(seat));
        let audience = Audience::Delegation(sc.code(seat));
        let shown: Vec<usize> = view.record.iter().map(|l| l.entry).collect();
        let visible: Vec<usize> = (0..game.record().entries.len())
            .filter(|&i| visible_to(&game.record().entries[i], audience))
            .collect();
        assert_eq!(shown, visible, "{}", sc.code(seat));
        let desk = view.desk.as_ref().expect("a delegation has its desk");
        assert_eq!(desk.seat, seat);
        assert_eq!(
            desk.instructions.red_lines.len(),
            sc.delegations[seat].red_lines.len()
        );
    }
}

#[test]
fn the_room_sees_no_private_talk_no_instructions_and_no_drawer() {
    let mut game = Game::new(GameConfig::all_ai(gaza(), 4));
    play_until(&mut game, |g| {
        g.clock().phase == PhaseName::Corridors && g.table().live().next().is_some()
    });
    let sc = game.scenario().clone();
    let (mar, usa) = (sc.seat_of("MAR").unwrap(), sc.seat_of("USA").unwrap());
    let draft = game.table().live().next().unwrap().id;
    let lobby = crate::model::act::Act::Lobby { target: usa, draft };
    game.command(mar, &lobby).expect("Morocco may lobby");
    let private = game
        .record()
        .entries
        .iter()
        .filter(|e| !visible_to(e, Audience::Room))
        .count();
    assert!(private > 0, "the game has private talks to hide");
    let room = GameView::of(&game, Reader::Room);
    assert!(room.desk.is_none());
    assert_eq!(room.record.len(), game.record().entries.len() - private);
    assert!(room.drafts.iter().all(|d| !d.in_drawer()));
    assert!(room.drafts.iter().all(|d| d.crosses_my_red_line.is_none()));
    let teacher = GameView::of(&game, Reader::Teacher);
    assert_eq!(teacher.record.len(), game.record().entries.len());
    for (seat, sees) in [
        (mar, true),
        (usa, true),
        (sc.seat_of("FRA").unwrap(), false),
    ] {
        let view = GameView::of(&game, Reader::Delegation(seat));
        assert_eq!(view.record.len() == teacher.record.len(), sees);
    }
}

#[test]
fn positions_are_what_each_delegation_showed_not_what_it_thinks() {
    let game = Game::new(GameConfig::all_ai(gaza(), 1));
    let mut early = game.clone();
    play_until(&mut early, |g| g.clock().phase == PhaseName::Consultations);
    let room = GameView::of(&early, Reader::Room);
    for d in &room.drafts {
        for (seat, known) in d.positions.iter().enumerate() {
            // Before anyone has said a word, only the penholder's is known.
            let expected = if seat == d.penholder {
                Stance::Supports
            } else {
                Stance::Unknown
            };
            assert_eq!(known.stance, expected, "{} on {}", seat, d.code);
        }
    }
    let after = game_after_a_silence(1);
    let room = GameView::of(&after, Reader::Room);
    let (draft, positions) = after
        .record()
        .entries
        .iter()
        .rev()
        .find_map(|e| match &e.what {
            What::Silence {
                draft, positions, ..
            } => Some((draft.clone(), positions.clone())),
            _ => None,
        })
        .unwrap();
    let view = room.drafts.iter().find(|d| d.code == draft).unwrap();
    for p in positions {
        let seat = after.scenario().seat_of(&p.member).unwrap();
        let known = &view.positions[seat];
        if p.choice {
            // Kept silence: unless it has since said more.
            assert_ne!(known.stance, Stance::Unknown, "{}", p.member);
        } else {
            assert_eq!(known.stance, Stance::Opposes, "{}", p.member);
            assert!(known.basis.contains(&p.reason), "{}", known.basis);
        }
    }
}

#[test]
fn a_delegation_sees_its_own_estimate_of_the_silent_marked_as_a_guess_and_the_room_none() {
    use super::positions::Sure;
    let mut game = Game::new(GameConfig::all_ai(gaza(), 6));
    play_until(&mut game, |g| {
        g.table()
            .drafts
            .iter()
            .any(|d| d.status == DraftStatus::OnTable)
    });
    let sc = game.scenario().clone();
    let room = GameView::of(&game, Reader::Room);
    assert!(
        room.drafts
            .iter()
            .flat_map(|d| &d.positions)
            .all(|k| k.sure == Sure::Shown),
        "the room's view holds no one's estimate"
    );
    // Each guess is the reader's own reading: the delegation's value of
    // the text as the reader misreads it, as an AI delegation predicts.
    let sit = game.situation();
    for reader in 0..sc.seat_count() {
        let view = GameView::of(&game, Reader::Delegation(reader));
        for dv in &view.drafts {
            let d = &game.table().drafts[dv.id];
            for (seat, k) in dv.positions.iter().enumerate() {
                if k.sure != Sure::Guess {
                    continue;
                }
                // Red lines are public: a text across one is expected to
                // meet opposition.
                if sit.breach(seat, d.text()).is_some() {
                    assert_eq!(k.stance, Stance::Opposes);
                    continue;
                }
                let ctx = crate::ai::Context::of(d);
                // Favours and promises are private: not in the reading.
                let disp = &game.dispositions()[seat];
                let private = if d.penholder == seat {
                    0.0
                } else {
                    0.5 * disp.goodwill[d.penholder] + disp.commitment(d.id)
                };
                let read = sit.assess(seat, d.text(), ctx).value - private
                    + game.dispositions()[reader].misread[seat];
                let expected = match read {
                    v if v > 0.35 => Stance::Supports,
                    v if v > 0.0 => Stance::CanAccept,
                    v if v > -0.3 => Stance::Reservations,
                    _ => Stance::Opposes,
                };
                assert_eq!(k.stance, expected, "{reader} reading {seat}");
            }
        }
    }
}

#[test]
fn an_amendment_taken_into_the_text_meets_its_proposers_reservation() {
    use super::positions::known_positions;
    let src = include_str!("../../../../scenarios/tutorial.ron");
    let sc = Arc::new(CompiledScenario::new(
        crate::scenario::parse("tutorial.ron", src)
            .expect("valid")
            .scenario,
    ));
    let mut game = Game::new(GameConfig::all_ai(sc, 3));
    play_until(&mut game, |g| g.is_over());
    let record = game.record();
    let at = record
        .entries
        .iter()
        .position(|e| matches!(e.what, What::AmendmentAnswered { accepted: true, .. }))
        .expect("an amendment accepted in the tutorial");
    let What::AmendmentAnswered {
        draft, amendment, ..
    } = &record.entries[at].what
    else {
        unreachable!()
    };
    let by = record.entries[..at]
        .iter()
        .find_map(|e| match &e.what {
            What::AmendmentProposed {
                draft: d,
                amendment: a,
                by,
                ..
            } if d == draft && a == amendment => Some(by.clone()),
            _ => None,
        })
        .expect("its proposal");
    let ids: Vec<String> = game.table().drafts.iter().map(|d| d.code.clone()).collect();
    let d = ids.iter().position(|id| id == draft).expect("draft");
    let seat = record
        .members
        .iter()
        .position(|m| m.code == by)
        .expect("member");
    let mut cut = record.clone();
    cut.entries.truncate(at);
    let before = known_positions(&cut, Audience::Room, &ids);
    cut.entries.push(record.entries[at].clone());
    let after = known_positions(&cut, Audience::Room, &ids);
    assert_eq!(before[d][seat].stance, Stance::Reservations, "its proposal");
    assert_eq!(after[d][seat].stance, Stance::CanAccept);
    assert!(after[d][seat].basis.starts_with("its amendment was taken"));
}
