//! The terminal side: ratatui only, never sqlx. The event loop, the effect runner, key translation, the
//! theme and the views.

pub mod app;
pub mod cells;
pub mod clipboard;
pub mod files;
pub mod keys;
pub mod runner;
pub mod terminal;
pub mod theme;
pub mod views;
