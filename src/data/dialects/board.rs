//! The attention board's aggregates: one statement per platform for every org (a GROUP BY over the last
//! seven days of calls, on the time index), except Retell, whose per-org schemas are read from their
//! `call_rollups` in batches.
//!
//! Standard columns: `id` (text), `name`, `status`, `calls_24h`, `failed_24h`, `calls_7d`, `failed_7d`
//! (int8), `open_emergencies` (int8 or NULL where the platform has none: notifications still pending, or
//! whose delivery failed), `last_activity` (timestamptz).

use crate::core::model::Dialect;

pub fn board_sql(d: Dialect) -> Option<&'static str> {
    match d {
        Dialect::Retell => None,
        Dialect::ServiceAi => Some(SERVICEAI),
        Dialect::Voxanne => Some(VOXANNE),
        Dialect::Prisma => Some(PRISMA),
        Dialect::Quinite => Some(QUINITE),
    }
}

/// Retell: the org registry, with whether each tenant schema has its rollups table.
pub const RETELL_ORGS: &str = "SELECT o.id::text AS id, o.name, o.status, o.last_activity_at AS last_activity, o.schema_name, \
     to_regclass(format('%I.call_rollups', o.schema_name)) IS NOT NULL AS has_rollups \
     FROM system.organizations o ORDER BY o.name, o.id";

/// Retell: one tenant's rollups over the last seven days; `{schema}` is filled with a quoted identifier
/// and `{org}` with a uuid the console parsed itself.
pub const RETELL_ROLLUP: &str = "SELECT '{org}'::text AS id, \
     COALESCE(sum(r.total_calls) FILTER (WHERE r.day >= current_date - 1), 0)::int8 AS calls_24h, \
     COALESCE(sum(r.failed_calls) FILTER (WHERE r.day >= current_date - 1), 0)::int8 AS failed_24h, \
     COALESCE(sum(r.total_calls), 0)::int8 AS calls_7d, COALESCE(sum(r.failed_calls), 0)::int8 AS failed_7d \
     FROM {schema}.call_rollups r WHERE r.day >= current_date - 7";

/// How many tenant schemas one statement reads (each takes lock slots until the transaction ends).
pub const RETELL_BATCH: usize = 200;

const SERVICEAI: &str = "WITH w AS ( \
     SELECT c.organization_id AS org, count(*) FILTER (WHERE c.created_at >= now() - interval '24 hours') AS calls_24h, \
       count(*) FILTER (WHERE c.created_at >= now() - interval '24 hours' AND lower(c.call_status) IN ('failed', 'error')) AS failed_24h, \
       count(*) AS calls_7d, count(*) FILTER (WHERE lower(c.call_status) IN ('failed', 'error')) AS failed_7d, \
       max(c.created_at) AS last_activity \
     FROM call_logs c WHERE c.created_at >= now() - interval '7 days' GROUP BY 1), \
   e AS (SELECT n.organization_id AS org, count(*) AS open FROM emergency_notifications n \
     WHERE n.status IN ('pending', 'failed') GROUP BY 1) \
   SELECT o.id::text AS id, o.name, NULL::text AS status, COALESCE(w.calls_24h, 0) AS calls_24h, \
     COALESCE(w.failed_24h, 0) AS failed_24h, COALESCE(w.calls_7d, 0) AS calls_7d, COALESCE(w.failed_7d, 0) AS failed_7d, \
     COALESCE(e.open, 0) AS open_emergencies, w.last_activity \
   FROM organizations o LEFT JOIN w ON w.org = o.id LEFT JOIN e ON e.org = o.id ORDER BY o.name, o.id";

const VOXANNE: &str = "WITH w AS ( \
     SELECT c.org_id AS org, count(*) FILTER (WHERE c.created_at >= now() - interval '24 hours') AS calls_24h, \
       count(*) FILTER (WHERE c.created_at >= now() - interval '24 hours' AND c.status = 'failed') AS failed_24h, \
       count(*) AS calls_7d, count(*) FILTER (WHERE c.status = 'failed') AS failed_7d, max(c.created_at) AS last_activity \
     FROM calls c WHERE c.created_at >= now() - interval '7 days' GROUP BY 1), \
   e AS (SELECT h.org_id AS org, count(*) AS open FROM hot_lead_alerts h WHERE h.status = 'pending' GROUP BY 1) \
   SELECT o.id::text AS id, o.name, NULL::text AS status, COALESCE(w.calls_24h, 0) AS calls_24h, \
     COALESCE(w.failed_24h, 0) AS failed_24h, COALESCE(w.calls_7d, 0) AS calls_7d, COALESCE(w.failed_7d, 0) AS failed_7d, \
     COALESCE(e.open, 0) AS open_emergencies, w.last_activity \
   FROM organizations o LEFT JOIN w ON w.org = o.id LEFT JOIN e ON e.org = o.id ORDER BY o.name, o.id";

const PRISMA: &str = "WITH w AS ( \
     SELECT c.\"organizationId\" AS org, \
       count(*) FILTER (WHERE c.\"timestamp\" >= (now() AT TIME ZONE 'UTC') - interval '24 hours') AS calls_24h, \
       count(*) FILTER (WHERE c.\"timestamp\" >= (now() AT TIME ZONE 'UTC') - interval '24 hours' AND c.status IN ('FAILED', 'MISSED')) AS failed_24h, \
       count(*) AS calls_7d, count(*) FILTER (WHERE c.status IN ('FAILED', 'MISSED')) AS failed_7d, \
       max(c.\"timestamp\") AT TIME ZONE 'UTC' AS last_activity \
     FROM \"CallLog\" c WHERE c.\"timestamp\" >= (now() AT TIME ZONE 'UTC') - interval '7 days' GROUP BY 1) \
   SELECT o.id AS id, o.name, NULL::text AS status, COALESCE(w.calls_24h, 0) AS calls_24h, \
     COALESCE(w.failed_24h, 0) AS failed_24h, COALESCE(w.calls_7d, 0) AS calls_7d, COALESCE(w.failed_7d, 0) AS failed_7d, \
     NULL::int8 AS open_emergencies, w.last_activity \
   FROM \"Organization\" o LEFT JOIN w ON w.org = o.id ORDER BY o.name, o.id";

const QUINITE: &str = "WITH w AS ( \
     SELECT c.organization_id AS org, count(*) FILTER (WHERE c.call_timestamp >= now() - interval '24 hours') AS calls_24h, \
       count(*) FILTER (WHERE c.call_timestamp >= now() - interval '24 hours' AND c.call_status = 'no_answer') AS failed_24h, \
       count(*) AS calls_7d, count(*) FILTER (WHERE c.call_status = 'no_answer') AS failed_7d, max(c.call_timestamp) AS last_activity \
     FROM call_logs c WHERE c.call_timestamp >= now() - interval '7 days' GROUP BY 1) \
   SELECT o.id::text AS id, o.name, o.status, COALESCE(w.calls_24h, 0) AS calls_24h, \
     COALESCE(w.failed_24h, 0) AS failed_24h, COALESCE(w.calls_7d, 0) AS calls_7d, COALESCE(w.failed_7d, 0) AS failed_7d, \
     NULL::int8 AS open_emergencies, w.last_activity \
   FROM organizations o LEFT JOIN w ON w.org = o.id ORDER BY o.name, o.id";

/// Retell's per-minute billing rate and cost of an org (`$1`).
pub const RETELL_RATES: &str = "SELECT o.billing_rate_per_minute::float8 AS rate, o.cogs_per_minute::float8 AS cost \
     FROM system.organizations o WHERE o.id = $1::uuid";

/// Statuses counted as successful and as failed in the overview (lowercased), across platforms.
pub const OK_STATUSES: &str = "('completed', 'ended', 'success', 'called', 'transferred')";
pub const FAILED_STATUSES: &str = "('failed', 'error')";
