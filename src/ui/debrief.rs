//! Debrief: what the Council adopted, the scores, the key moments, what really happened.

use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui::{self, RichText};

use super::chamber::describe;
use super::{Screen, root_ui, style};
use crate::game::record::What;
use crate::game::state::{CurrentScenario, Transcript};

pub fn debrief_screen(
    mut contexts: EguiContexts,
    scenario: Option<Res<CurrentScenario>>,
    transcript: Option<Res<Transcript>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (Some(scenario), Some(transcript)) = (scenario, transcript) else {
        next.set(Screen::Menu);
        return Ok(());
    };
    let sc = &scenario.0;
    let record = &transcript.0;
    let enter = ctx.input(|i| i.key_pressed(egui::Key::Enter));
    let mut ui = root_ui(ctx);
    egui::Panel::bottom("debrief_bottom").show(&mut ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if style::primary(ui, "Main menu  (Enter)").clicked() || enter {
                next.set(Screen::Menu);
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(&mut ui, |ui| {
        ui.label(style::title(format!("Debrief: {}", record.scenario_title)));
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical()
                .id_salt("adopted")
                .show(&mut cols[0], |ui| {
                    ui.label(style::heading("What the Council adopted"));
                    match record.outcome.as_ref().map(|o| o.products.as_slice()) {
                        Some([]) | None => {
                            ui.label("Nothing. The Council did not speak.");
                        }
                        Some(products) => {
                            for p in products {
                                ui.label(
                                    RichText::new(format!("Day {}: {}", p.day, p.kind.name()))
                                        .color(style::GREEN)
                                        .strong(),
                                );
                                ui.label(RichText::new(&p.text).size(style::SMALL + 1.0));
                                ui.add_space(6.0);
                            }
                        }
                    }
                    ui.add_space(8.0);
                    ui.label(style::heading("Key moments"));
                    for e in &record.entries {
                        let key = matches!(
                            e.what,
                            What::Silence { .. }
                                | What::Vote { .. }
                                | What::TriggerFired { .. }
                                | What::Adopted { .. }
                        );
                        if key {
                            let (text, colour) = describe(e, sc);
                            ui.label(RichText::new(format!("Day {}: {text}", e.day)).color(colour));
                        }
                    }
                    ui.add_space(8.0);
                    ui.label(style::heading("What really happened"));
                    ui.label(if record.what_really_happened.is_empty() {
                        "The scenario does not say."
                    } else {
                        &record.what_really_happened
                    });
                });
            egui::ScrollArea::vertical()
                .id_salt("scores")
                .show(&mut cols[1], |ui| {
                    ui.label(style::heading("Scores"));
                    if let Some(outcome) = &record.outcome {
                        let mut lines: Vec<_> = outcome.scores.iter().enumerate().collect();
                        // Human delegations first, then by seat.
                        lines.sort_by_key(|(i, _)| (!record.members[*i].human, *i));
                        for (i, line) in lines {
                            let member = &record.members[i];
                            let who = if member.human { " (player)" } else { "" };
                            ui.label(
                                RichText::new(format!(
                                    "{}{who}: {} / {}",
                                    member.name, line.points, line.max
                                ))
                                .strong()
                                .color(if member.human {
                                    style::HUMAN
                                } else {
                                    style::TEXT
                                }),
                            );
                            for o in &line.objectives {
                                ui.label(
                                    RichText::new(format!(
                                        "   {} {} ({})",
                                        if o.achieved { "✔" } else { "✖" },
                                        o.description,
                                        o.points
                                    ))
                                    .size(style::SMALL)
                                    .color(if o.achieved {
                                        style::GREEN
                                    } else {
                                        style::MUTED
                                    }),
                                );
                            }
                        }
                    }
                });
        });
    });
    Ok(())
}
