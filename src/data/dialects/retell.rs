//! Retell Metrics: `system.organizations`, and one schema per organization (`schema_name`) holding
//! `calls` and `call_rollups`. The schema name comes from data: it is only ever used quoted.
//! `retell_api_key` is never named but for whether it is set; the raw payload is shown without a web
//! call's `access_token` (top level or under `call`).
//!
//! The statements are templates (`data::sqlt`): `{@~.calls c}` is the org's own `calls`, in the tenant
//! schema the console reads from `system.organizations.schema_name`.

use super::Platform;
use super::caller::CallerSql;
use super::profile::OrgStatusSql;
use super::{CallsSql, DialectSql, FilterSql, OnCallSql};
use crate::core::model::Dialect;
use crate::data::indexes::{WantedIndex, asc, desc, phone};

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT {o.id}::text AS id, COALESCE({o.name?text}, {o.slug?text}, {o.id}::text) AS name, \
           NULL::text AS industry, NULL::text AS timezone, {o.status?text} AS status, {o.slug?text} AS slug \
           FROM {@system.organizations o} ORDER BY {o.name?text}, {o.id}",
    calls: CallsSql {
        select: "SELECT {c.id}::text AS id, {c.created_at} AS ts, {c.direction?text} AS direction, \
                 CASE WHEN {c.direction?text} = 'outbound' THEN {c.to_e164?text} ELSE {c.from_e164?text} END AS phone, \
                 {c.status?text} AS status, {c.duration_seconds?int4} AS duration, NULL::bool AS emergency, \
                 NULL::float8 AS urgency, NULL::text AS urgency_label, {c.agent_id?text} AS assistant, \
                 NULL::text AS caller, NULL::text AS language \
                 FROM {@~.calls c}",
        // Every row of the org's schema is the org's: organization_id may be NULL in migrated rows.
        org: "$1::uuid IS NOT NULL",
        ts: "{c.created_at}",
        ts_param: "$3",
        id: "{c.id}",
        key_cast: "uuid",
        ts_nullable: true,
        filter: FilterSql {
            status: "{c.status}",
            direction: Some("{c.direction}"),
            agent: Some("{c.agent_id}"),
            phone: "CASE WHEN {c.direction} = 'outbound' THEN {c.to_e164} ELSE {c.from_e164} END",
            urgent: None,
            text: ["{c.transcript}", "{c.detailed_summary}"],
        },
    },
    call: "SELECT {c.id}::text AS id, {c.created_at?timestamptz} AS ts, {c.direction?text} AS direction, \
           CASE WHEN {c.direction?text} = 'outbound' THEN {c.to_e164?text} ELSE {c.from_e164?text} END AS phone, \
           {c.status?text} AS status, {c.duration_seconds?int4} AS duration, NULL::bool AS emergency, \
           NULL::float8 AS urgency, NULL::text AS urgency_label, {c.agent_id?text} AS assistant, \
           NULL::text AS caller, NULL::text AS language, \
           {c.external_call_id?text} AS external_id, {c.updated_at?timestamptz} AS updated_at, \
           {c.detailed_summary?text} AS summary, {c.transcript?text} AS transcript, \
           jsonb_build_array( \
             jsonb_build_array('End reason', {c.end_reason?text}), \
             jsonb_build_array('Outcome', {c.outcome?text}), \
             jsonb_build_array('Billed minutes', {c.billed_minutes?numeric}), \
             jsonb_build_array('Direction', {c.direction?text}), \
             jsonb_build_array('From', {c.from_e164?text}), \
             jsonb_build_array('To', {c.to_e164?text}), \
             jsonb_build_array('Started', {c.started_at?timestamptz}), \
             jsonb_build_array('Connected', {c.connected_at?timestamptz}), \
             jsonb_build_array('Ended', {c.ended_at?timestamptz}), \
             jsonb_build_array('Agent', {c.agent_id?text}), \
             jsonb_build_array('Retell call id', {c.external_call_id?text}), \
             jsonb_build_array('Raw', left(jsonb_pretty(CASE WHEN jsonb_typeof({c.raw?jsonb}) <> 'object' THEN {c.raw?jsonb} \
               WHEN jsonb_typeof({c.raw?jsonb}->'call') = 'object' \
               THEN ({c.raw?jsonb} - 'access_token') || jsonb_build_object('call', ({c.raw?jsonb}->'call') - 'access_token') \
               ELSE {c.raw?jsonb} - 'access_token' END), 20000))) AS facts \
           FROM {@~.calls c} WHERE $1::uuid IS NOT NULL AND {c.id} = $2::uuid",
    tenant_schema: Some(
        "SELECT o.schema_name, to_regclass(format('%I.calls', o.schema_name)) IS NOT NULL AS calls_table_exists \
         FROM system.organizations o WHERE o.id = $1::uuid",
    ),
    appointments: None,
    oncall: OnCallSql {
        contacts: None,
        notifications: None,
        transfers: None,
        urgent_calls: None,
        org: None,
        acknowledge: None,
        audit_acknowledge: None,
        function: None,
    },
};

/// The org profile, as one JSON document of sections.
pub const PROFILE: &str = "SELECT jsonb_build_array( \
  [[jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', {o.name?text}), jsonb_build_array('Slug', {o.slug?text}), \
    jsonb_build_array('Subdomain', {o.subdomain?text}), jsonb_build_array('Domain', {o.domain?text}), \
    jsonb_build_array('Status', {o.status?text}), jsonb_build_array('Schema', {o.schema_name?text}), \
    jsonb_build_array('Created', {o.created_at?timestamptz}), jsonb_build_array('Last activity', {o.last_activity_at?timestamptz}))) \
   |else| jsonb_build_object('title', 'Identity', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Branding', 'pairs', jsonb_build_array( \
    jsonb_build_array('Company name', {o.branding?jsonb}->>'company_name'), \
    jsonb_build_array('Primary color', {o.branding?jsonb}->>'primary_color'), \
    jsonb_build_array('Secondary color', {o.branding?jsonb}->>'secondary_color'), \
    jsonb_build_array('Logo', {o.branding?jsonb}->>'logo_url'))) \
   |else| jsonb_build_object('title', 'Branding', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Integrations', 'pairs', jsonb_build_array( \
    jsonb_build_array('Retell configured', [[CASE WHEN {o.retell_configured} THEN 'yes' ELSE 'no' END |else| NULL]]), \
    jsonb_build_array('Retell API key', [[CASE WHEN {o.retell_api_key} IS NOT NULL THEN 'set' ELSE 'not set' END |else| NULL]]), \
    jsonb_build_array('Retell agent', {o.retell_agent_id?text}))) \
   |else| jsonb_build_object('title', 'Integrations', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Money', 'pairs', jsonb_build_array( \
    jsonb_build_array('Billing rate / min', {o.billing_rate_per_minute?numeric}), \
    jsonb_build_array('Cost (COGS) / min', {o.cogs_per_minute?numeric}), \
    jsonb_build_array('Margin / min', {o.billing_rate_per_minute?numeric} - {o.cogs_per_minute?numeric}), \
    jsonb_build_array('Margin', CASE WHEN {o.billing_rate_per_minute?numeric} > 0 THEN \
      to_char(100 * ({o.billing_rate_per_minute?numeric} - {o.cogs_per_minute?numeric}) / {o.billing_rate_per_minute?numeric}, \
      'FM990.0') || ' %' END))) \
   |else| jsonb_build_object('title', 'Money', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Email', 'Role', 'Since'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({u.email?text}, {ou.role?text}, {ou.created_at?timestamptz}) \
        ORDER BY {ou.role?text}, {u.email?text}) \
      FROM {@system.organization_users ou} [[LEFT JOIN {@auth.users u} ON {u.id} = {ou.user_id?uuid}]] \
      WHERE {ou.organization_id} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'People', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Billing history', 'columns', jsonb_build_array('Period start', 'Period end', 'Minutes', 'Cost', 'Status'), \
    'rows', COALESCE((SELECT jsonb_agg(x) FROM (SELECT jsonb_build_array({b.period_start}::date, {b.period_end?timestamptz}::date, \
        {b.total_minutes?numeric}, {b.total_cost?numeric}, {b.status?text}) AS x \
      FROM {@system.billing_history b} WHERE {b.organization_id} = {o.id} ORDER BY {b.period_start} DESC LIMIT 10) t), '[]')) \
   |else| jsonb_build_object('title', 'Billing history', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Status changes', 'columns', jsonb_build_array('When', 'From', 'To', 'By'), \
    'rows', COALESCE((SELECT jsonb_agg(x) FROM (SELECT jsonb_build_array({a.created_at}, {a.metadata?jsonb}->>'from', \
        {a.metadata?jsonb}->>'to', COALESCE({a.metadata?jsonb}->>'db_user', {a.metadata?jsonb}->>'by', {a.user_id?uuid}::text)) AS x \
      FROM {@system.activity_logs a} WHERE {a.organization_id} = {o.id} AND {a.action} = 'organization.status_changed' \
      ORDER BY {a.created_at} DESC LIMIT 5) t), '[]')) \
   |else| jsonb_build_object('title', 'Status changes', 'unavailable', {reason})]] \
) AS sections, {o.status?text} AS status FROM {@system.organizations o} WHERE {o.id} = $1::uuid";

/// Retell keeps each org's calls in its own schema (`{@~.calls c}`); the customer side of a call is
/// `to_e164` outbound and `from_e164` otherwise.
pub const CALLER: CallerSql = CallerSql {
    // The country of the newest caller number in the org's schema.
    country: Some(
        "SELECT NULL::text AS zone, NULL::text AS country, \
         [[ARRAY(SELECT x.p FROM (SELECT CASE WHEN {c.direction?text} = 'outbound' THEN {c.from_e164} ELSE {c.to_e164} END AS p, {c.created_at} AS t FROM {@~.calls c} WHERE $1::uuid IS NOT NULL AND CASE WHEN {c.direction?text} = 'outbound' THEN {c.from_e164} ELSE {c.to_e164} END LIKE '+%' ORDER BY {c.created_at} DESC NULLS LAST LIMIT 200) x GROUP BY x.p ORDER BY max(x.t) DESC NULLS LAST LIMIT 50) |else| NULL::text[] ]] AS own, \
         [[ARRAY(SELECT x.p FROM (SELECT CASE WHEN {c.direction?text} = 'outbound' THEN {c.to_e164} ELSE {c.from_e164} END AS p, {c.created_at} AS t FROM {@~.calls c} WHERE $1::uuid IS NOT NULL AND CASE WHEN {c.direction?text} = 'outbound' THEN {c.to_e164} ELSE {c.from_e164} END LIKE '+%' ORDER BY {c.created_at} DESC NULLS LAST LIMIT 200) x GROUP BY x.p ORDER BY max(x.t) DESC NULLS LAST LIMIT 50) |else| NULL::text[] ]] AS callers",
    ),
    records: &[],
    events: &["SELECT 'call' AS kind, {c.id}::text AS id, {c.created_at} AS at, NULL::timestamp AS local, \
               {c.agent_id?text} AS title, {c.status?text} AS status, {c.direction?text} AS direction, \
               {c.duration_seconds?int4} AS duration, \
               NULLIF(concat_ws(' · ', {c.outcome?text}, {c.end_reason?text}, {c.detailed_summary?text}), '') AS detail, \
               {c.id}::text AS call_id, \
               ([[{c.connected_at} IS NOT NULL |else| lower({c.status?text}) IN ('completed', 'ended')]] \
                 AND lower({c.status?text}) IS DISTINCT FROM 'voicemail') AS answered \
               FROM {@~.calls c} WHERE $1::uuid IS NOT NULL \
                 AND (({c.direction?text} = 'outbound' AND {c.to_e164} = ANY($2)) \
                   OR ({c.direction?text} IS DISTINCT FROM 'outbound' AND {c.from_e164} = ANY($2))) \
               ORDER BY {c.created_at} DESC NULLS LAST, {c.id} DESC LIMIT $3"],
    other_orgs: None,
    names: None,
};

/// Retell: the org registry, with whether each tenant schema has its rollups table.
/// Whether a tenant's `call_rollups` can be read by [`BOARD_ROLLUP`]: the table exists and the role may
/// read its three columns (one unreadable schema must not fail the whole board's batch). `$schema` is a SQL
/// expression for the schema's name.
macro_rules! rollups_readable {
    ($schema:literal) => {
        concat!(
            "(SELECT count(*) = 3 FROM pg_catalog.pg_attribute a WHERE a.attrelid = to_regclass(format('%I.call_rollups', ",
            $schema,
            ")) AND a.attname IN ('day', 'total_calls', 'failed_calls') AND a.attnum > 0 AND NOT a.attisdropped \
             AND has_column_privilege(a.attrelid, a.attnum, 'SELECT'))"
        )
    };
}
pub(crate) use rollups_readable;

/// Whether a tenant's `calls` can be probed for its last call: the table exists and the role may read its
/// `created_at`. `$schema` is a SQL expression for the schema's name.
macro_rules! last_call_readable {
    ($schema:literal) => {
        concat!(
            "(SELECT count(*) = 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = to_regclass(format('%I.calls', ",
            $schema,
            ")) AND a.attname = 'created_at' AND a.attnum > 0 AND NOT a.attisdropped \
             AND has_column_privilege(a.attrelid, a.attnum, 'SELECT'))"
        )
    };
}

/// The registry, with whether each tenant's rollups and calls can be read. `last_activity_at` is not read:
/// it is not the last call (the board probes each tenant's calls for that).
pub const BOARD_ORGS: &str = concat!(
    "SELECT {o.id}::text AS id, {o.name?text} AS name, {o.status?text} AS status, \
     {o.schema_name?text} AS schema_name, [[",
    rollups_readable!("{o.schema_name}"),
    " |else| false]] AS has_rollups, [[",
    last_call_readable!("{o.schema_name}"),
    " |else| false]] AS has_calls FROM {@system.organizations o} ORDER BY {o.name?text}, {o.id}"
);

/// Retell: one tenant's rollups over the last seven days; `{schema}` is filled with a quoted identifier
/// and `{org}` with a uuid the console parsed itself. `{last}` is [`BOARD_LAST_CALL`] or
/// [`BOARD_NO_LAST_CALL`].
pub const BOARD_ROLLUP: &str = "SELECT '{org}'::text AS id, \
     COALESCE(sum(r.total_calls) FILTER (WHERE r.day >= current_date - 1), 0)::int8 AS calls_24h, \
     COALESCE(sum(r.failed_calls) FILTER (WHERE r.day >= current_date - 1), 0)::int8 AS failed_24h, \
     COALESCE(sum(r.total_calls), 0)::int8 AS calls_7d, COALESCE(sum(r.failed_calls), 0)::int8 AS failed_7d, \
     true AS has_figures, {last} \
     FROM {schema}.call_rollups r WHERE r.day >= current_date - 7";

/// A tenant whose rollups cannot be read, probed for its last call only (`{last}` as above).
pub const BOARD_NO_ROLLUP: &str = "SELECT '{org}'::text AS id, NULL::int8 AS calls_24h, NULL::int8 AS failed_24h, \
     NULL::int8 AS calls_7d, NULL::int8 AS failed_7d, false AS has_figures, {last}";

/// A tenant's real last call: one probe of its `created_at` index (newest first), and whether it has calls
/// at all when none has a time.
pub const BOARD_LAST_CALL: &str = "(SELECT c.created_at FROM {schema}.calls c WHERE c.created_at IS NOT NULL \
     ORDER BY c.created_at DESC LIMIT 1) AS last_call, \
     EXISTS (SELECT 1 FROM {schema}.calls c WHERE c.created_at IS NULL) AS undated_calls";

pub const BOARD_NO_LAST_CALL: &str = "NULL::timestamptz AS last_call, NULL::bool AS undated_calls";

/// Retell's per-minute billing rate and cost of an org (`$1`), as recorded (numeric).
pub const RATES: &str = "SELECT {o.billing_rate_per_minute?numeric} AS rate, {o.cogs_per_minute?numeric} AS cost \
     FROM {@system.organizations o} WHERE {o.id} = $1::uuid";

/// The overview as `public.get_organization_overview` counts: successful is status `completed`, failed is
/// `failed` (as stored), billed minutes are the calls' `billed_minutes`, averages are over the calls that
/// recorded the value, rounded to 2 decimals.
pub const OVERVIEW: super::board::OverviewSql = super::board::OverviewSql {
    successful: "c.status = 'completed'",
    failed: "c.status = 'failed'",
    billed: Some("{c.billed_minutes}::numeric"),
    notes: &["As get_organization_overview counts, but over local days ending at a midnight excluded (its p_to_date \
         is included), in 64 bits (its integer total_duration fails past 2^31 s)."],
    billed_missing: "This tenant's calls have no readable billed_minutes column: billed minutes are each call's duration \
         rounded up (get_organization_overview fails here).",
};

/// The indexes the console's queries rely on: what `check` reports missing (`data::indexes`).
pub const INDEXES: &[WantedIndex] = &[
    WantedIndex {
        name: "sb_calls_created_id",
        table: "calls",
        eq: &[],
        order: &[desc("created_at"), desc("id")],
        per_tenant: true,
        partial_ok: false,
        serves: "call list: keyset paging on (created_at, id) in each tenant schema",
        cost: "the seed's (created_at DESC) index partly serves it (calls sharing a created_at are sorted by id per \
           page): measured 0.67 ms vs 0.63 ms a page 1M deep, so optional (BENCHMARKS.md)",
    },
    WantedIndex {
        per_tenant: true,
        ..phone("sb_calls_from_e164", "calls", &[asc("from_e164")], "caller history: calls from the caller")
    },
    WantedIndex {
        per_tenant: true,
        ..phone("sb_calls_to_e164", "calls", &[asc("to_e164")], "caller history: calls to the caller")
    },
];

pub const PLATFORM: Platform = Platform {
    dialect: Dialect::Retell,
    signature: &["system.organizations"],
    sql: SQL,
    board: None,
    profile: PROFILE,
    status: Some(OrgStatusSql {
        update: "UPDATE {@system.organizations o} SET {o.status!} = $2, {o.updated_at!} = now() \
                     WHERE {o.id} = $1::uuid AND {o.status} IS DISTINCT FROM $2 RETURNING {o.id}::text AS id",
        audit: Some(
            "INSERT INTO {@system.activity_logs a} ({a.organization_id!}, {a.action!}, {a.resource_type!}, \
                 {a.resource_id!}, {a.metadata!}) \
                 VALUES ($1::uuid, 'organization.status_changed', 'organization', $1::text, \
                 jsonb_build_object('from', $3::text, 'to', $2::text, 'by', 'switchboard', 'db_user', current_user))",
        ),
    }),
    caller: CALLER,
    functions: &["get_organization_overview", "get_organization_calls", "list_organizations"],
    rates: Some(RATES),
    indexes: INDEXES,
    schema_ddl: include_str!("../../../assets/schemas/retell.sql"),
    demo_data: include_str!("../../../assets/demo/retell.sql"),
    calls_table: None,
};
