//! The org profile of each platform, as SQL that answers one JSON document of sections.
//!
//! A section is `{"title": ..., "pairs": [[label, value], ...]}` or `{"title": ..., "columns": [...],
//! "rows": [[...], ...]}`. Secrets (tokens, API keys, SIP credentials, password hashes, 2FA secrets) are
//! never selected: only whether one is set, computed here (`x IS NOT NULL`).

use crate::core::model::Dialect;

/// Changing an org's status (suspend / reactivate), where the platform has a status column.
#[derive(Debug, Clone, Copy)]
pub struct OrgStatusSql {
    /// `$1` org, `$2` the new status; returns the id when a row changed.
    pub update: &'static str,
    /// `$1` org, `$2` the new status, `$3` the previous one: the audit row, where there is an audit table.
    pub audit: Option<&'static str>,
}

pub fn profile_sql(d: Dialect) -> &'static str {
    super::platform(d).profile
}

pub fn status_sql(d: Dialect) -> Option<OrgStatusSql> {
    super::platform(d).status
}
