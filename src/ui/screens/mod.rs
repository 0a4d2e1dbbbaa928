//! The window's screens, one file (or folder) each, and the state that says
//! which is showing.

mod briefing;
mod chamber;
mod debrief;
mod instructions;
mod menu;
mod settings;
mod setup;

use bevy::prelude::*;

pub use setup::SetupChoices;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>().add_plugins((
        menu::plugin,
        settings::plugin,
        setup::plugin,
        briefing::plugin,
        chamber::plugin,
        debrief::plugin,
    ));
}

/// Which screen is showing.
#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Menu,
    Settings,
    Setup,
    Briefing,
    Chamber,
    Debrief,
}
