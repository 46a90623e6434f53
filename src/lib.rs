//! Switchboard: a terminal console for operating AI voice-call platforms on PostgreSQL.
//!
//! Layers (see docs/ARCHITECTURE.md):
//! - [`core`]: pure model, state, reducer and effects; no I/O, no terminal, no database.
//! - [`data`]: sqlx only; the queries each view needs, per dialect.
//! - [`ui`]: ratatui only; the event loop, effect runner, keymap and views.
//! - [`demo`]: the embedded (or private) demo database.

// A console on someone's production database answers bad input with a message, never a panic: no
// `unwrap`/`expect` outside tests (clippy.toml allows them in tests).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod bench;
pub mod cli;
pub mod config;
pub mod core;
pub mod data;
pub mod demo;
pub mod export;
pub mod logging;
pub mod ui;
