//! Each platform's SQL, as data: the same questions, the same column names in the answers.
//!
//! Every query returns the console's standard columns, so one row mapping serves all dialects:
//! - orgs: `id` (text), `name`, `industry`, `timezone`, `status`, `slug`;
//! - calls: `id` (text), `ts` (timestamptz), `direction`, `phone`, `status`, `duration` (int4),
//!   `emergency` (bool), `urgency` (float8), `urgency_label`, `assistant`, `caller`, `language`;
//! - one call: the call columns plus `external_id`, `updated_at`, `summary`, `transcript` and `facts`, a
//!   JSON array of `[label, value]` pairs shown in the call's details.
//!
//! These strings are the console's own constants. The only part ever filled in at run time is the
//! `{schema}` of a schema-per-tenant dialect, with a quoted identifier (see `quote_ident`).

pub mod board;
pub mod caller;
pub mod prisma;
pub mod profile;
pub mod quinite;
pub mod retell;
pub mod serviceai;
pub mod voxanne;

use crate::core::model::Dialect;

/// How a dialect's call list is read. The paging statements are built from these parts only.
#[derive(Debug, Clone, Copy)]
pub struct CallsSql {
    /// `SELECT <standard columns> FROM ... c [JOIN ...]`, may hold `{schema}`.
    pub select: &'static str,
    /// The tenant condition on `$1` (e.g. `c.organization_id = $1::uuid`).
    pub org: &'static str,
    /// The time column as stored (used in WHERE and ORDER BY, so that its index serves).
    pub ts: &'static str,
    /// `$3` turned into the time column's type (e.g. `($3 AT TIME ZONE 'UTC')` for timestamp without zone).
    pub ts_param: &'static str,
    /// The id column.
    pub id: &'static str,
    /// The SQL type of ids, for binding keys.
    pub key_cast: &'static str,
    /// Whether the time column may be NULL (then NULL-time rows are paged after the others).
    pub ts_nullable: bool,
    /// What the call-list filters compare.
    pub filter: FilterSql,
}

/// The expressions the call-list filters compare; None where the platform does not record it.
#[derive(Debug, Clone, Copy)]
pub struct FilterSql {
    pub status: &'static str,
    pub direction: Option<&'static str>,
    pub agent: Option<&'static str>,
    pub phone: &'static str,
    /// The platform's own "urgent or emergency" condition.
    pub urgent: Option<&'static str>,
    /// Transcript and summary.
    pub text: [&'static str; 2],
}

pub struct DialectSql {
    pub orgs: &'static str,
    pub calls: CallsSql,
    /// One call of one org: `$1` the org, `$2` the call. May hold `{schema}`.
    pub call: &'static str,
    /// For schema-per-tenant dialects: `$1` the org → `schema_name`, `calls_table_exists`.
    pub tenant_schema: Option<&'static str>,
    /// Appointments, where the platform stores them.
    pub appointments: Option<AppointmentsSql>,
    /// On-call data, where the platform has any.
    pub oncall: OnCallSql,
}

/// On-call queries, each `$1` the org, each optional. Standard columns:
/// - contacts: `id`, `name`, `phone`, `email`, `role`, `is_primary`, `is_active`, `days` (text[]),
///   `hours_start`, `hours_end` (time), `priority`, `timeout` (int4), `call`, `sms`, `email_enabled` (bool);
/// - notifications: `id`, `created_at`, `contact`, `kind`, `urgency`, `message`, `status`, `sent_at`,
///   `delivered_at`, `acknowledged_at`, `call_id`;
/// - transfers: `id`, `created_at`, `customer`, `reason`, `urgency`, `to`, `status`, `connected_at`,
///   `completed_at`, `summary`, `call_id`;
/// - urgent calls: the call-list columns; org: `fallback_phone`, `transfer_to`.
#[derive(Debug, Clone, Copy, Default)]
pub struct OnCallSql {
    pub contacts: Option<&'static str>,
    pub notifications: Option<&'static str>,
    pub transfers: Option<&'static str>,
    pub urgent_calls: Option<&'static str>,
    pub org: Option<&'static str>,
    /// Acknowledges one notification (`$1` org, `$2` notification) in a write transaction; returns its id.
    pub acknowledge: Option<&'static str>,
    /// Records the acknowledgement in the platform's audit table (`$1` org, `$2` notification).
    pub audit_acknowledge: Option<&'static str>,
}

/// How appointments are kept: as a local date and time in the org's zone, or as an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApptRange {
    /// `$2`/`$3` are local dates (`date`), end exclusive.
    LocalDate,
    /// `$2`/`$3` are instants (`timestamptz`), end exclusive.
    Instant,
}

/// Appointment queries. Standard columns: `id` (text), `at` (timestamptz), `local` (timestamp),
/// `duration` (int4), `customer`, `phone`, `title`, `status`, `urgency` (float8), `urgency_label`,
/// `emergency` (bool); the single-appointment query adds `facts` (JSON `[label, value]` pairs) and
/// `call_id` (text, the call that booked it). The counts query answers `day` (int4, days from the range's
/// first local day), `status` (as stored), `n` and `emergency` (int8), one row per day and status.
#[derive(Debug, Clone, Copy)]
pub struct AppointmentsSql {
    /// `$1` the org, `$2`..`$3` the range; ordered by start. The grid's selected day (a one-day range) and
    /// `export appointments` read rows through it.
    pub range: &'static str,
    pub range_kind: ApptRange,
    /// Counts per local day and status of the same range, on the same index: `$1`..`$3` as for `range`;
    /// for `ApptRange::Instant` also `$4`, the local midnights of every day of the range and of the day
    /// after it (`timestamptz[]`, computed in Rust as the range's bounds are), which `width_bucket` turns
    /// into the day. Counts only the appointments the agenda can place (a start on a local day).
    pub counts: &'static str,
    /// `$1` the org, `$2` the appointment.
    pub one: &'static str,
}

pub fn sql(d: Dialect) -> &'static DialectSql {
    match d {
        Dialect::Retell => &retell::SQL,
        Dialect::ServiceAi => &serviceai::SQL,
        Dialect::Voxanne => &voxanne::SQL,
        Dialect::Prisma => &prisma::SQL,
        Dialect::Quinite => &quinite::SQL,
    }
}

/// A PostgreSQL identifier, quoted: `a"b` becomes `"a""b"`.
pub fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_capability_matches_the_sql() {
        for d in Dialect::ALL {
            assert_eq!(d.has_appointments(), sql(*d).appointments.is_some(), "{d}");
        }
    }

    #[test]
    fn the_oncall_capability_matches_the_sql() {
        for d in Dialect::ALL {
            let q = sql(*d).oncall;
            let any = q.contacts.is_some() || q.notifications.is_some() || q.transfers.is_some();
            assert_eq!(d.has_oncall(), any, "{d}");
        }
    }

    #[test]
    fn the_status_capability_matches_the_sql() {
        for d in Dialect::ALL {
            assert_eq!(d.has_org_status(), profile::status_sql(*d).is_some(), "{d}");
        }
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quote_ident("org_a"), "\"org_a\"");
        assert_eq!(quote_ident("org_Tōkyō\"Dental"), "\"org_Tōkyō\"\"Dental\"");
        assert_eq!(quote_ident("x\"; DROP TABLE y; --"), "\"x\"\"; DROP TABLE y; --\"");
    }
}
