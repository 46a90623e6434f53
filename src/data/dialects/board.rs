//! The attention board's aggregates: one statement per platform for every org (a GROUP BY over the last
//! seven days of calls, on the time index), except Retell, whose per-org schemas are read from their
//! `call_rollups` in batches.
//!
//! Standard columns: `id` (text), `name`, `status`, `calls_24h`, `failed_24h`, `calls_7d`, `failed_7d`
//! (int8), `open_emergencies` (int8 or NULL where the platform has none: notifications still pending, or
//! whose delivery failed), `last_activity` (timestamptz).

use crate::core::model::Dialect;

pub fn board_sql(d: Dialect) -> Option<&'static str> {
    super::platform(d).board
}

pub use super::retell::{BOARD_ORGS as RETELL_ORGS, BOARD_ROLLUP as RETELL_ROLLUP};

/// How many tenant schemas one statement reads (each takes lock slots until the transaction ends).
pub const RETELL_BATCH: usize = 200;

/// Statuses counted as successful and as failed in the overview (lowercased), across platforms.
pub const OK_STATUSES: &str = "('completed', 'ended', 'success', 'called', 'transferred')";
pub const FAILED_STATUSES: &str = "('failed', 'error')";
