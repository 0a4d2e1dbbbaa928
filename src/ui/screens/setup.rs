//! Set-up: who plays which delegation, and the seed.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use horseshoe_core::game::GameConfig;
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::model::state::Controller;

use super::Screen;
use crate::classroom::Hands;
use crate::play::CurrentGame;
use crate::ui::catalog::Catalog;
use crate::ui::teacher::{TIMER_CHOICES, TeacherDesk, timer_label};
use crate::ui::{UiPass, root_ui, theme};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        setup_screen
            .run_if(in_state(Screen::Setup))
            .in_set(UiPass::Screen),
    );
}

/// The choices on the set-up screen.
#[derive(Resource, Debug, Clone)]
pub struct SetupChoices {
    /// Who plays each seat of the scenario being set up.
    pub hands: Vec<Hands>,
    /// For which catalog entry `hands` was made.
    pub for_entry: Option<usize>,
    pub seed_text: String,
    /// The teacher's timer for each phase (off by default).
    pub minutes_per_phase: Option<u32>,
    /// Names of the students at each human delegation (optional).
    pub teams: Vec<String>,
}

impl SetupChoices {
    pub fn new(seed: Option<u64>) -> Self {
        SetupChoices {
            hands: Vec::new(),
            for_entry: None,
            seed_text: seed.unwrap_or_else(crate::play::clock_seed).to_string(),
            minutes_per_phase: None,
            teams: Vec::new(),
        }
    }

    pub fn seed(&self) -> Option<u64> {
        self.seed_text.trim().parse().ok()
    }
}

fn setup_screen(
    mut contexts: EguiContexts,
    catalog: Res<Catalog>,
    mut choices: ResMut<SetupChoices>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(Ok(sc)) = catalog.current().map(|e| e.loaded.clone()) else {
        next.set(Screen::Menu);
        return Ok(());
    };
    if choices.for_entry != Some(catalog.selected) || choices.hands.len() != sc.seat_count() {
        choices.hands = vec![Hands::Ai; sc.seat_count()];
        // A sensible start: play the first member with objectives.
        if let Some(first) =
            (0..sc.seat_count()).find(|&s| !sc.delegations[s].objectives.is_empty())
        {
            choices.hands[first] = Hands::Keyboard;
        }
        choices.for_entry = Some(catalog.selected);
        choices.teams = vec![String::new(); sc.seat_count()];
    }
    choices.teams.resize(sc.seat_count(), String::new());
    let mut ui = root_ui(ctx);
    let (enter, escape) = ctx.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
        )
    });
    egui::CentralPanel::default().show(&mut ui, |ui| {
        ui.label(theme::title(format!("Set-up: {}", sc.source.title)));
        ui.label(theme::muted(
            "Click to choose who plays each delegation: the AI, students at this computer \
             (several: hot seat, with a hand-over), or students on their own devices \
             (a phone or a Chromebook on this network, with a code).",
        ));
        if let Some(entry) = catalog.current() {
            crate::ui::reload::reload_banner(ui, entry);
        }
        ui.add_space(8.0);
        ui.columns(2, |cols| {
            seats(&mut cols[0], &sc, &mut choices);
            let ui = &mut cols[1];
            mode(ui, &sc, &mut choices);
            ui.add_space(12.0);
            let seed = seed_and_timer(ui, &mut choices);
            ui.add_space(16.0);
            ui.horizontal(|ui| {
                if theme::button(ui, "Back", 100.0).clicked() || escape {
                    next.set(Screen::Menu);
                }
                let start = egui::Button::new(
                    egui::RichText::new("Start  (Enter)")
                        .strong()
                        .size(theme::BODY + 2.0),
                )
                .fill(egui::Color32::from_rgb(40, 92, 170))
                .min_size(egui::vec2(160.0, 34.0));
                let start = ui.add_enabled(seed.is_some(), start);
                if let Some(seed) = seed
                    && (start.clicked() || enter)
                {
                    commands.queue(start_game(&sc, seed, &choices));
                    next.set(Screen::Briefing);
                }
            });
        });
    });
    Ok(())
}

/// Each member: the AI, students here or on a device, and their names.
fn seats(ui: &mut egui::Ui, sc: &CompiledScenario, choices: &mut SetupChoices) {
    egui::ScrollArea::vertical()
        .id_salt("seats")
        .show(ui, |ui| {
            egui::Grid::new("seats_grid")
                .num_columns(4)
                .striped(true)
                .show(ui, |ui| {
                    for (seat, m) in sc.members.iter().enumerate() {
                        let hands = choices.hands[seat];
                        let star = if m.permanent { "  ★" } else { "" };
                        ui.label(format!("{}{star}", m.name));
                        let (text, colour) = match hands {
                            Hands::Ai => ("AI", theme::MUTED),
                            Hands::Keyboard => ("This computer", theme::HUMAN),
                            Hands::Device => ("A device", theme::GOLD),
                        };
                        let toggle =
                            egui::Button::new(egui::RichText::new(text).color(colour).strong())
                                .min_size(egui::vec2(130.0, 26.0));
                        if ui
                            .add(toggle)
                            .on_hover_text("AI, then students at this computer, then on a device")
                            .clicked()
                        {
                            choices.hands[seat] = match hands {
                                Hands::Ai => Hands::Keyboard,
                                Hands::Keyboard => Hands::Device,
                                Hands::Device => Hands::Ai,
                            };
                        }
                        if ui.button("Only this one").clicked() {
                            choices.hands = vec![Hands::Ai; sc.seat_count()];
                            choices.hands[seat] = Hands::Keyboard;
                        }
                        if hands != Hands::Ai {
                            ui.add(
                                egui::TextEdit::singleline(&mut choices.teams[seat])
                                    .hint_text("Students (optional)")
                                    .desired_width(150.0),
                            );
                        } else {
                            ui.label("");
                        }
                        ui.end_row();
                    }
                });
        });
}

/// Watch, single player, hot seat or a class on its devices, as the seats
/// make it.
fn mode(ui: &mut egui::Ui, sc: &CompiledScenario, choices: &mut SetupChoices) {
    let count = |h: Hands| choices.hands.iter().filter(|&&x| x == h).count();
    let (here, devices) = (count(Hands::Keyboard), count(Hands::Device));
    ui.label(theme::heading("Mode"));
    ui.label(match (here, devices) {
        (0, 0) => "Watch: every delegation is played by the AI.".to_string(),
        (1, 0) => format!(
            "Single player: you are {}; the other delegations are the AI.",
            sc.name(
                choices
                    .hands
                    .iter()
                    .position(|h| *h == Hands::Keyboard)
                    .unwrap_or(0)
            )
        ),
        (n, 0) => format!("Hot seat: {n} delegations take turns at this computer."),
        (0, d) => format!(
            "A class on its devices: {d} delegations play from phones or Chromebooks; \
             this screen shows the room (put it on the projector)."
        ),
        (n, d) => format!("{d} delegations on devices and {n} at this computer."),
    });
    if devices > 0 {
        ui.label(theme::muted(
            "The game opens its room on this computer's network: the teacher's controls \
             (Ctrl+T) show the address and each delegation's code.",
        ));
    }
    ui.horizontal(|ui| {
        if ui.button("All AI").clicked() {
            choices.hands = vec![Hands::Ai; sc.seat_count()];
        }
        if ui.button("All at this computer").clicked() {
            choices.hands = vec![Hands::Keyboard; sc.seat_count()];
        }
        if ui.button("All on devices").clicked() {
            choices.hands = vec![Hands::Device; sc.seat_count()];
        }
    });
}

/// The seed and the phase timer; returns the seed if it is a number.
fn seed_and_timer(ui: &mut egui::Ui, choices: &mut SetupChoices) -> Option<u64> {
    ui.label(theme::heading("Seed"));
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(&mut choices.seed_text).desired_width(140.0));
        if ui.button("New seed").clicked() {
            choices.seed_text = crate::play::clock_seed().to_string();
        }
    });
    let seed = choices.seed();
    if seed.is_none() {
        ui.colored_label(theme::RED, "The seed must be a whole number, such as 42.");
    } else {
        ui.label(theme::muted(
            "The same seed and the same moves give the same game.",
        ));
    }
    ui.add_space(12.0);
    ui.label(theme::heading("Phase timer"));
    ui.horizontal_wrapped(|ui| {
        for choice in TIMER_CHOICES {
            if ui
                .selectable_label(choices.minutes_per_phase == choice, timer_label(choice))
                .clicked()
            {
                choices.minutes_per_phase = choice;
            }
        }
    });
    ui.label(theme::muted(
        "For a class: each phase ends when its time is up. The teacher's controls: Ctrl+T.",
    ));
    seed
}

/// Starts the game as set up, with its timer and the students' names, and
/// opens the classroom if any seat is played from a device.
fn start_game(
    sc: &Arc<CompiledScenario>,
    seed: u64,
    choices: &SetupChoices,
) -> impl FnOnce(&mut World) + Send + 'static {
    let config = GameConfig {
        scenario: sc.clone(),
        seed,
        controllers: choices
            .hands
            .iter()
            .map(|&h| match h {
                Hands::Ai => Controller::Ai,
                Hands::Keyboard | Hands::Device => Controller::Human,
            })
            .collect(),
    };
    let minutes = choices.minutes_per_phase;
    let teams: Vec<String> = choices
        .teams
        .iter()
        .zip(&choices.hands)
        .map(|(t, &h)| {
            if h == Hands::Ai {
                String::new()
            } else {
                t.trim().to_string()
            }
        })
        .collect();
    let devices: Vec<usize> = (0..choices.hands.len())
        .filter(|&s| choices.hands[s] == Hands::Device)
        .collect();
    move |world: &mut World| {
        world.insert_resource(TeacherDesk::with_timer(minutes));
        crate::ui::saves::start_new_game(world, config);
        if let Some(mut game) = world.get_resource_mut::<CurrentGame>() {
            for (seat, team) in teams.iter().enumerate() {
                game.set_team(seat, team);
            }
        }
        if !devices.is_empty() {
            crate::ui::classroom::open_room(world, &devices);
        }
    }
}
