//! The teacher's controls on a game in progress, headless.

use std::sync::Arc;

use bevy::app::App;
use bevy::prelude::State;
use horseshoe::play::{self, CurrentGame, GameState, Phase, PhaseGate, TeacherCommand};
use horseshoe_core::game::GameConfig;
use horseshoe_core::game::control::TeacherOrder;
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::model::record::{Record, What};
use horseshoe_core::model::state::Controller;
use horseshoe_core::scenario;

fn scenario(src: &str) -> Arc<CompiledScenario> {
    Arc::new(CompiledScenario::new(
        scenario::parse("test.ron", src).expect("valid").scenario,
    ))
}

fn gaza() -> Arc<CompiledScenario> {
    scenario(include_str!("../../scenarios/gaza-2012.ron"))
}

/// A game with `humans` at the keyboard who never act on their own.
fn absent_class(sc: &Arc<CompiledScenario>, humans: &[&str]) -> App {
    let mut controllers = vec![Controller::Ai; sc.seat_count()];
    for h in humans {
        controllers[sc.seat_of(h).unwrap()] = Controller::Human;
    }
    let mut app = play::headless_app();
    play::start_game(
        app.world_mut(),
        GameConfig {
            scenario: sc.clone(),
            seed: 4,
            controllers,
        },
    );
    app
}

fn phase(app: &App) -> Option<Phase> {
    app.world().get_resource::<State<Phase>>().map(|p| *p.get())
}

fn record(app: &App) -> Record {
    app.world().resource::<CurrentGame>().record().clone()
}

fn order(app: &mut App, command: TeacherCommand) {
    app.world_mut().write_message(command);
}

#[test]
fn ending_the_phase_moves_a_class_that_does_not_act_through_the_whole_game() {
    let sc = gaza();
    let usa = sc.seat_of("USA").unwrap();
    let mut app = absent_class(&sc, &["USA", "FRA"]);
    let mut waited = 0;
    let mut ended = 0;
    for _ in 0..3000 {
        app.update();
        if *app.world().resource::<State<GameState>>().get() == GameState::Over {
            break;
        }
        let stuck = matches!(phase(&app), Some(Phase::Corridors | Phase::Decision));
        if stuck {
            waited += 1;
            // The game waits for its humans until the teacher ends the phase.
            if waited % 5 == 0 {
                order(&mut app, TeacherCommand(TeacherOrder::EndPhase));
                ended += 1;
            }
        }
    }
    assert_eq!(
        *app.world().resource::<State<GameState>>().get(),
        GameState::Over,
        "the game reached its end"
    );
    assert!(ended >= 8, "the teacher ended {ended} phases");
    let r = record(&app);
    // Every decision of the absent United States was taken by its
    // instructions, and says so.
    let mut decided_for = 0;
    for e in &r.entries {
        let reason = match &e.what {
            What::Vote { ballots, .. } => Some(&ballots[usa].reason),
            What::Silence { positions, .. } => Some(&positions[usa].reason),
            _ => None,
        };
        if let Some(reason) = reason {
            assert!(reason.contains("time was up"), "{reason}");
            decided_for += 1;
        }
    }
    assert!(decided_for > 0, "the United States had decisions to take");
}

#[test]
fn a_held_phase_goes_on_when_the_teacher_ends_it() {
    let sc = gaza();
    let mut app = absent_class(&sc, &[]);
    app.insert_resource(PhaseGate {
        hold: true,
        proceed: false,
    });
    for _ in 0..10 {
        app.update();
    }
    assert_eq!(
        phase(&app),
        Some(Phase::Morning),
        "the window holds the morning"
    );
    order(&mut app, TeacherCommand(TeacherOrder::EndPhase));
    for _ in 0..3 {
        app.update();
    }
    assert_eq!(phase(&app), Some(Phase::Consultations));
}

#[test]
fn injected_news_and_headlines_are_reported_and_an_event_happens_once() {
    let sc = gaza();
    let ceasefire = sc
        .source
        .events
        .iter()
        .position(|e| e.id == "ceasefire")
        .expect("gaza-2012 has the ceasefire");
    let mut app = absent_class(&sc, &[]);
    app.insert_resource(PhaseGate {
        hold: true,
        proceed: false,
    });
    app.update();
    app.update();
    order(
        &mut app,
        TeacherCommand(TeacherOrder::InjectEvent { event: ceasefire }),
    );
    order(
        &mut app,
        TeacherCommand(TeacherOrder::Headline {
            headline: "  Students march for peace  ".into(),
            text: "Thousands in the streets.".into(),
        }),
    );
    order(
        &mut app,
        TeacherCommand(TeacherOrder::Headline {
            headline: "   ".into(),
            text: "ignored".into(),
        }),
    );
    order(
        &mut app,
        TeacherCommand(TeacherOrder::InjectEvent { event: 9999 }),
    );
    app.update();
    order(
        &mut app,
        TeacherCommand(TeacherOrder::InjectEvent { event: ceasefire }),
    );
    app.update();
    let news: Vec<(String, String)> = record(&app)
        .entries
        .iter()
        .filter_map(|e| match &e.what {
            What::News {
                event, headline, ..
            } => Some((event.clone(), headline.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        news.iter().filter(|(e, _)| e == "ceasefire").count(),
        1,
        "{news:?}"
    );
    assert!(news.contains(&("teacher".into(), "Students march for peace".into())));
    assert!(!news.iter().any(|(_, h)| h.trim().is_empty()));
}

#[test]
fn a_delegation_changes_hands_mid_game_and_the_record_says_so() {
    let sc = gaza();
    let fra = sc.seat_of("FRA").unwrap();
    let mut app = absent_class(&sc, &["FRA"]);
    // Wait in the corridors for France, whose student then leaves.
    for _ in 0..200 {
        app.update();
        if phase(&app) == Some(Phase::Corridors) {
            break;
        }
    }
    for _ in 0..5 {
        app.update();
    }
    assert_eq!(
        phase(&app),
        Some(Phase::Corridors),
        "the game waits for France"
    );
    order(
        &mut app,
        TeacherCommand(TeacherOrder::SetController {
            seat: fra,
            controller: Controller::Ai,
        }),
    );
    assert!(
        play::run_until_over(&mut app, 3000),
        "with France played by the AI the game goes on to its end"
    );
    let r = record(&app);
    assert!(!r.members[fra].human);
    let changes: Vec<_> = r
        .entries
        .iter()
        .filter(
            |e| matches!(&e.what, What::ControlChanged { member, human: false } if member == "FRA"),
        )
        .collect();
    assert_eq!(changes.len(), 1);
}
