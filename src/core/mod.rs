//! The pure core: model, state, actions, effects and the reducer. Imports neither `data` nor `ui`.

pub mod action;
pub mod board;
pub mod calendar;
pub mod caller;
pub mod cmdline;
pub mod effect;
pub mod error;
pub mod filter;
pub mod keymap;
pub mod model;
pub mod names;
pub mod oncall;
pub mod overlay;
pub mod overview;
pub mod profile;
pub mod reducer;
pub mod sanitize;
pub mod state;
pub mod textfield;
pub mod time;
pub mod transcript;
