//! The attention board's aggregates: one statement per platform for every org (a GROUP BY over the last
//! seven days of calls, on the time index, and each org's real last call, one probe of that index per org
//! in a LATERAL), except Retell, whose per-org schemas are read from their `call_rollups` and probed for
//! their last call in batches.
//!
//! Standard columns: `id` (text), `name`, `status`, `calls_24h`, `failed_24h`, `calls_7d`, `failed_7d`
//! (int8), `open_emergencies` (int8 or NULL where the platform has none: notifications still pending, or
//! whose delivery failed), `last_call` (timestamptz: the newest call with a time, however old) and
//! `any_call` (bool: whether the org has any call at all).

use crate::core::model::Dialect;

pub fn board_sql(d: Dialect) -> Option<&'static str> {
    super::platform(d).board
}

pub use super::retell::{
    BOARD_LAST_CALL as RETELL_LAST_CALL, BOARD_NO_LAST_CALL as RETELL_NO_LAST_CALL,
    BOARD_NO_ROLLUP as RETELL_NO_ROLLUP, BOARD_ORGS as RETELL_ORGS, BOARD_ROLLUP as RETELL_ROLLUP,
};

/// How many tenant schemas one statement reads (each takes lock slots until the transaction ends).
pub const RETELL_BATCH: usize = 200;

/// Statuses counted as successful and as failed in the overview (lowercased), across platforms.
pub const OK_STATUSES: &str = "('completed', 'ended', 'success', 'called', 'transferred')";
pub const FAILED_STATUSES: &str = "('failed', 'error')";

/// How a platform's overview counts, where it differs from the generic definitions above: the
/// platform's own overview function, whose figures the console's then equal.
#[derive(Debug, Clone, Copy)]
pub struct OverviewSql {
    /// A successful call, on the overview's standard columns (`c.status`, as stored).
    pub successful: &'static str,
    pub failed: &'static str,
    /// One call's billed minutes as the platform records them (a template fragment on the call list's
    /// aliases); None: each call's duration rounded up to the minute.
    pub billed: Option<&'static str>,
    /// Where the console's figures differ from the platform's own function, said on screen.
    pub notes: &'static [&'static str],
    /// Said when `billed` is not recorded in this database.
    pub billed_missing: &'static str,
}

/// The generic overview: statuses of every platform lowercased, billed minutes rounded up per call.
pub const GENERIC_OVERVIEW: OverviewSql = OverviewSql {
    successful: "lower(c.status) IN ('completed', 'ended', 'success', 'called', 'transferred')",
    failed: "lower(c.status) IN ('failed', 'error')",
    billed: None,
    notes: &[],
    billed_missing: "",
};

pub fn overview_sql(d: Dialect) -> OverviewSql {
    match d {
        Dialect::Retell => super::retell::OVERVIEW,
        _ => GENERIC_OVERVIEW,
    }
}
