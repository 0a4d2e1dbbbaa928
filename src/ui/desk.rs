//! The player's desk: who is at the keyboard, what is selected, what is
//! being revealed. Follows the game and decides when to hand over.

use std::collections::VecDeque;

use bevy::prelude::*;

use horseshoe_core::model::compiled::{ClauseId, DraftId, SeatId};
use horseshoe_core::model::record::What;
use horseshoe_core::model::state::Controller;

use super::UiUpdate;
use crate::classroom::{self, Room};
use crate::play::{Answered, CurrentGame, GameState, Phase};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Desk>().add_systems(
        Update,
        follow_game
            .run_if(in_state(GameState::Playing).or_else(in_state(GameState::Over)))
            .in_set(UiUpdate::Follow),
    );
}

/// A vote or silence procedure being shown ballot by ballot.
#[derive(Debug, Clone, PartialEq)]
pub struct Reveal {
    /// Index of the entry in the record.
    pub entry: usize,
    /// When the reveal started (real time, seconds).
    pub started: f64,
}

/// Seconds between two revealed ballots.
pub const REVEAL_STEP: f64 = 0.25;

#[derive(Resource, Debug, Clone, Default)]
pub struct Desk {
    /// The human delegation at the keyboard.
    pub viewer: Option<SeatId>,
    /// A hand-over screen is showing for this delegation.
    pub handover_to: Option<SeatId>,
    pub selected_draft: Option<DraftId>,
    pub selected_seat: Option<SeatId>,
    /// The change picker: clause and wording.
    pub pick_clause: Option<ClauseId>,
    pub pick_wording: u8,
    pub press_text: String,
    pub decision_reason: String,
    /// Feedback on the last action: (text, is an error).
    pub message: Option<(String, bool)>,
    pub reveal: Option<Reveal>,
    pub reveal_queue: VecDeque<usize>,
    pub seen_entries: usize,
    /// The game waits for a human delegation (corridors or a decision).
    pub waiting_for_human: bool,
    /// The game is over and the debrief should open once reveals are done.
    pub wants_debrief: bool,
    /// The in-game menu is open.
    pub menu_open: bool,
    /// Which tab of the left panel is open.
    pub tab: Tab,
    /// The day and phase on screen, and when it came (real time, seconds):
    /// the button that moves the game on ignores clicks in its first moments,
    /// so a double click cannot skip a phase or end a turn unseen.
    pub phase_on_screen: Option<(u32, Phase)>,
    pub phase_shown_at: f64,
    /// "End your turn with points left?" is being asked.
    pub confirm_end_turn: bool,
    /// Several human delegations share the screen: between their turns it
    /// shows only what the whole room may see.
    pub hot_seat: bool,
    /// Students play from their devices: this screen is the projector's,
    /// and shows the whole room's view when no one plays at it.
    pub projector: bool,
}

/// Seconds a new phase is on screen before its button takes a click.
pub const PHASE_BUTTON_DELAY: f64 = 0.6;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Actions,
    Instructions,
    Delegation,
}

impl Desk {
    /// A fresh desk for a new game, keeping nothing from the last one.
    pub fn reset(&mut self) {
        *self = Desk::default();
    }

    /// Whether the current phase has been on screen long enough for its
    /// button to act.
    pub fn phase_settled(&self, now: f64) -> bool {
        now - self.phase_shown_at >= PHASE_BUTTON_DELAY
    }
}

/// Keeps the desk in step with the game: new votes to reveal, refused acts
/// to report, and which human delegation should be at the keyboard.
#[allow(clippy::too_many_arguments)]
pub fn follow_game(
    mut desk: ResMut<Desk>,
    current: Option<Res<CurrentGame>>,
    room: Option<Res<Room>>,
    time: Res<Time<Real>>,
    game: Res<State<GameState>>,
    phase: Option<Res<State<Phase>>>,
    mut answers: MessageReader<Answered>,
) {
    let Some(current) = current else { return };
    let on_screen = phase.as_deref().map(|p| (current.clock().day, *p.get()));
    if on_screen != desk.phase_on_screen {
        desk.phase_on_screen = on_screen;
        desk.phase_shown_at = time.elapsed_secs_f64();
        desk.confirm_end_turn = false;
    }
    let entries = &current.record().entries;
    if desk.seen_entries > entries.len() {
        desk.seen_entries = 0;
    }
    let new_decisions: Vec<usize> = entries
        .iter()
        .enumerate()
        .skip(desk.seen_entries)
        .filter(|(_, e)| matches!(e.what, What::Vote { .. } | What::Silence { .. }))
        .map(|(i, _)| i)
        .collect();
    desk.reveal_queue.extend(new_decisions);
    desk.seen_entries = entries.len();
    if desk.reveal.is_none()
        && let Some(entry) = desk.reveal_queue.pop_front()
    {
        desk.reveal = Some(Reveal {
            entry,
            started: time.elapsed_secs_f64(),
        });
    }
    for answer in answers.read() {
        if let Err(error) = &answer.result {
            desk.message = Some((format!("Not done: {error}."), true));
        }
    }

    // The students at this keyboard: not those on their devices.
    let devices = classroom::device_seats(room.as_deref());
    let humans: Vec<SeatId> = current
        .seats_of(Controller::Human)
        .into_iter()
        .filter(|s| !devices.contains(s))
        .collect();
    desk.projector = !devices.is_empty();
    desk.hot_seat = humans.len() > 1;
    if *game.get() == GameState::Over {
        desk.waiting_for_human = false;
        desk.wants_debrief = true;
        return;
    }
    let needed = match phase.as_deref().map(State::get) {
        Some(Phase::Corridors) => {
            let done = &current.turns().done;
            humans
                .iter()
                .copied()
                .find(|&s| !done.get(s).copied().unwrap_or(false))
        }
        Some(Phase::Decision) => humans
            .iter()
            .copied()
            .find(|&s| current.decisions().waits_for(s)),
        _ => None,
    };
    desk.waiting_for_human = needed.is_some();
    // Hot seat: once no delegation's turn is under way (the news, the
    // consultations, the results), the screen belongs to the whole room:
    // no one's instructions or private talks stay on it.
    if desk.hot_seat && needed.is_none() && desk.viewer.is_some() {
        desk.viewer = None;
        desk.selected_seat = None;
        desk.press_text.clear();
        desk.decision_reason.clear();
        desk.message = None;
        desk.confirm_end_turn = false;
    }
    if let Some(seat) = needed
        && desk.viewer != Some(seat)
        && desk.handover_to != Some(seat)
    {
        if humans.len() > 1 {
            // Hot seat: hide everything until the next delegation takes over.
            desk.handover_to = Some(seat);
            desk.viewer = None;
            desk.selected_seat = None;
            desk.press_text.clear();
            desk.decision_reason.clear();
            desk.message = None;
        } else {
            desk.viewer = Some(seat);
        }
    }
    // Single player: the player is always at the keyboard.
    if desk.viewer.is_none() && desk.handover_to.is_none() && humans.len() == 1 {
        desk.viewer = humans.first().copied();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use horseshoe_core::game::GameConfig;
    use horseshoe_core::model::act::Act;
    use horseshoe_core::model::compiled::CompiledScenario;

    use super::*;
    use crate::play::{self, Command};

    /// A headless gaza-2012 game with these seats human and the desk
    /// following it, as the window does.
    fn game_with_desk(humans: &[&str]) -> (App, Vec<SeatId>) {
        let src = include_str!("../../scenarios/gaza-2012.ron");
        let sc = Arc::new(CompiledScenario::new(
            horseshoe_core::scenario::parse("gaza-2012.ron", src)
                .expect("the shipped scenario is valid")
                .scenario,
        ));
        let seats: Vec<SeatId> = humans.iter().map(|c| sc.seat_of(c).unwrap()).collect();
        let mut controllers = vec![Controller::Ai; sc.seat_count()];
        for &s in &seats {
            controllers[s] = Controller::Human;
        }
        let mut app = play::headless_app();
        // The desk times its hand-overs on the real clock.
        app.add_plugins(bevy::time::TimePlugin)
            .init_resource::<Desk>()
            .add_systems(Update, follow_game);
        play::start_game(
            app.world_mut(),
            GameConfig {
                scenario: sc,
                seed: 3,
                controllers,
            },
        );
        (app, seats)
    }

    fn phase(app: &App) -> Option<Phase> {
        app.world().get_resource::<State<Phase>>().map(|p| *p.get())
    }

    fn desk(app: &App) -> &Desk {
        app.world().resource::<Desk>()
    }

    #[test]
    fn hot_seat_shows_the_room_between_turns_and_hands_over_for_each() {
        let (mut app, seats) = game_with_desk(&["RUS", "USA"]);
        app.update();
        assert_eq!(phase(&app), Some(Phase::Morning));
        assert_eq!(desk(&app).viewer, None, "the morning is the room's");
        assert_eq!(desk(&app).handover_to, None);
        for _ in 0..10 {
            if phase(&app) == Some(Phase::Corridors) {
                break;
            }
            app.update();
        }
        assert_eq!(phase(&app), Some(Phase::Corridors));
        app.update();
        // Each human delegation is handed the keyboard in turn.
        for &seat in &seats {
            assert_eq!(desk(&app).handover_to, Some(seat));
            assert_eq!(desk(&app).viewer, None, "the hand-over hides the last desk");
            {
                let mut desk = app.world_mut().resource_mut::<Desk>();
                desk.viewer = desk.handover_to.take();
            }
            app.update();
            assert_eq!(desk(&app).viewer, Some(seat));
            app.world_mut()
                .write_message(Command::new(seat, Act::EndTurn));
            app.update();
            app.update();
        }
        assert_ne!(phase(&app), Some(Phase::Corridors));
        assert_eq!(
            desk(&app).viewer,
            None,
            "once every turn is over, no delegation's desk stays on screen"
        );
    }

    #[test]
    fn a_single_player_keeps_the_keyboard_all_day() {
        let (mut app, seats) = game_with_desk(&["MAR"]);
        for _ in 0..12 {
            app.update();
            assert_eq!(desk(&app).viewer, Some(seats[0]));
            assert_eq!(desk(&app).handover_to, None);
            if phase(&app) == Some(Phase::Corridors) {
                app.world_mut()
                    .write_message(Command::new(seats[0], Act::EndTurn));
            }
        }
    }
}
