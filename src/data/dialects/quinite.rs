//! Quinite Vantage: `organizations`, `call_logs` with leads and campaigns; tenancy by organization_id.
//!
//! The statements are templates (`data::sqlt`). The seed documents leads, call_logs and part of campaigns
//! (its analytics columns, name and organization_id); organizations, projects and profiles it only names,
//! so their columns other than id and the org column are optional (organizations.status is required only
//! where it is changed).

use super::Platform;
use super::caller::CallerSql;
use super::profile::OrgStatusSql;
use super::{CallsSql, DialectSql, FilterSql, OnCallSql};
use crate::core::model::Dialect;
use crate::data::indexes::{WantedIndex, asc, desc, phone};

pub const SQL: DialectSql = DialectSql {
    // The seed implies no name column: without one, the slug or the id is what the switcher shows.
    orgs: "SELECT {o.id}::text AS id, COALESCE({o.name?text}, {o.slug?text}, {o.id}::text) AS name, \
           NULL::text AS industry, NULL::text AS timezone, {o.status?text} AS status, {o.slug?text} AS slug \
           FROM {@organizations o} ORDER BY {o.name?text}, {o.id}",
    calls: CallsSql {
        select: "SELECT {c.id}::text AS id, {c.call_timestamp} AS ts, 'outbound'::text AS direction, \
                 {l.phone?text} AS phone, {c.call_status?text} AS status, {c.duration?int4} AS duration, \
                 NULL::bool AS emergency, NULL::float8 AS urgency, \
                 CASE WHEN {c.transferred?bool} THEN 'transferred' END AS urgency_label, \
                 {cp.name?text} AS assistant, {l.name?text} AS caller, NULL::text AS language \
                 FROM {@call_logs c} [[LEFT JOIN {@leads l} ON {l.id} = {c.lead_id?uuid}]] \
                 [[LEFT JOIN {@campaigns cp} ON {cp.id} = {c.campaign_id?uuid}]]",
        org: "{c.organization_id} = $1::uuid",
        ts: "{c.call_timestamp}",
        ts_param: "$3",
        id: "{c.id}",
        key_cast: "uuid",
        ts_nullable: false,
        filter: FilterSql {
            status: "{c.call_status}",
            direction: Some("'outbound'::text"),
            agent: Some("{cp.name}"),
            phone: "{l.phone}",
            urgent: None,
            text: ["{c.transcript}", "{c.conversation_summary}"],
        },
    },
    call: "SELECT {c.id}::text AS id, {c.call_timestamp?timestamptz} AS ts, 'outbound'::text AS direction, \
           {l.phone?text} AS phone, {c.call_status?text} AS status, {c.duration?int4} AS duration, \
           NULL::bool AS emergency, NULL::float8 AS urgency, \
           CASE WHEN {c.transferred?bool} THEN 'transferred' END AS urgency_label, \
           {cp.name?text} AS assistant, {l.name?text} AS caller, NULL::text AS language, \
           {c.call_sid?text} AS external_id, NULL::timestamptz AS updated_at, \
           {c.conversation_summary?text} AS summary, {c.transcript?text} AS transcript, \
           jsonb_build_array( \
             jsonb_build_array('Campaign', {cp.name?text}), \
             jsonb_build_array('Lead', {l.name?text}), \
             jsonb_build_array('Lead status', {l.status?text}), \
             jsonb_build_array('Transferred', {c.transferred?bool}), \
             jsonb_build_array('Transferred at', {c.transferred_at?timestamptz}), \
             jsonb_build_array('Transfer reason', {c.transfer_reason?text}), \
             jsonb_build_array('Department', {c.transfer_department?text}), \
             jsonb_build_array('Recording', {c.recording_url?text}), \
             jsonb_build_array('Notes', {c.notes?text}), \
             jsonb_build_array('Plivo call id', {c.call_sid?text})) AS facts \
           FROM {@call_logs c} [[LEFT JOIN {@leads l} ON {l.id} = {c.lead_id?uuid}]] \
           [[LEFT JOIN {@campaigns cp} ON {cp.id} = {c.campaign_id?uuid}]] \
           WHERE {c.organization_id} = $1::uuid AND {c.id} = $2::uuid",
    tenant_schema: None,
    appointments: None,
    // No contacts or notifications in this schema; transferred calls are its escalations.
    oncall: OnCallSql {
        contacts: None,
        notifications: None,
        transfers: Some(
            "SELECT {c.id}::text AS id, {c.transferred_at} AS created_at, {l.name?text} AS customer, \
             {c.transfer_reason?text} AS reason, NULL::text AS urgency, {c.transfer_department?text} AS \"to\", \
             {c.call_status?text} AS status, {c.transferred_at} AS connected_at, \
             NULL::timestamptz AS completed_at, {c.conversation_summary?text} AS summary, {c.id}::text AS call_id \
             FROM {@call_logs c} [[LEFT JOIN {@leads l} ON {l.id} = {c.lead_id?uuid}]] \
             WHERE {c.organization_id} = $1::uuid AND {c.transferred} \
             ORDER BY {c.transferred_at} DESC NULLS LAST, {c.id} DESC LIMIT 200",
        ),
        urgent_calls: None,
        org: None,
        acknowledge: None,
        audit_acknowledge: None,
        function: None,
    },
};

/// The attention board: every org with its figures of the last seven days.
pub const BOARD: &str = "WITH w AS ( \
     SELECT {c.organization_id} AS org, \
       count(*) FILTER (WHERE {c.call_timestamp} >= now() - interval '24 hours') AS calls_24h, \
       count(*) FILTER (WHERE {c.call_timestamp} >= now() - interval '24 hours' \
         AND {c.call_status?text} = 'no_answer') AS failed_24h, \
       count(*) AS calls_7d, count(*) FILTER (WHERE {c.call_status?text} = 'no_answer') AS failed_7d \
     FROM {@call_logs c} WHERE {c.call_timestamp} >= now() - interval '7 days' GROUP BY 1) \
   SELECT {o.id}::text AS id, {o.name?text} AS name, {o.status?text} AS status, COALESCE(w.calls_24h, 0) AS calls_24h, \
     COALESCE(w.failed_24h, 0) AS failed_24h, COALESCE(w.calls_7d, 0) AS calls_7d, COALESCE(w.failed_7d, 0) AS failed_7d, \
     NULL::int8 AS open_emergencies, lc.t AS last_call, \
     CASE WHEN lc.t IS NOT NULL THEN true ELSE EXISTS (SELECT 1 FROM {@call_logs k} WHERE {k.organization_id} = {o.id}) END AS any_call \
   FROM {@organizations o} LEFT JOIN w ON w.org = {o.id} \
   LEFT JOIN LATERAL (SELECT {k.call_timestamp} AS t FROM {@call_logs k} WHERE {k.organization_id} = {o.id} AND {k.call_timestamp} IS NOT NULL \
     ORDER BY {k.call_timestamp} DESC LIMIT 1) lc ON true ORDER BY {o.name?text}, {o.id}";

/// The org profile, as one JSON document of sections.
pub const PROFILE: &str = "SELECT jsonb_build_array( \
  [[jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', {o.name?text}), jsonb_build_array('Slug', {o.slug?text}), \
    jsonb_build_array('Status', {o.status?text}), \
    jsonb_build_array('Created', {o.created_at?timestamptz}), jsonb_build_array('Updated', {o.updated_at?timestamptz}), \
    jsonb_build_array('Last call', [[(SELECT max({cl.call_timestamp}) FROM {@call_logs cl} \
      WHERE {cl.organization_id} = {o.id}) |else| NULL]]))) \
   |else| jsonb_build_object('title', 'Identity', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Name', 'Email', 'Role', 'Since'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({pf.full_name?text}, {pf.email?text}, {pf.role?text}, \
        {pf.created_at?timestamptz}) ORDER BY {pf.role?text}, {pf.email?text}) \
      FROM {@profiles pf} WHERE {pf.organization_id} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'People', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Campaigns', 'columns', jsonb_build_array('Name', 'Status', 'Calls', 'Transfers', 'Conversion'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({cp.name?text}, {cp.status?text}, {cp.total_calls?int4}, \
        {cp.transferred_calls?int4}, {cp.conversion_rate?numeric} || ' %') \
        ORDER BY {cp.created_at?timestamptz} DESC) FROM {@campaigns cp} WHERE {cp.organization_id} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'Campaigns', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Projects', 'columns', jsonb_build_array('Name', 'Created'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({pj.name?text}, {pj.created_at?timestamptz}) \
        ORDER BY {pj.name?text}) \
      FROM {@projects pj} WHERE {pj.organization_id} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'Projects', 'unavailable', {reason})]] \
) AS sections, {o.status?text} AS status FROM {@organizations o} WHERE {o.id} = $1::uuid";

pub const CALLER: CallerSql = CallerSql {
    // No country or zone on record: the country of the newest lead number written in E.164.
    country: Some(
        "SELECT NULL::text AS zone, NULL::text AS country, NULL::text[] AS own, \
         [[ARRAY(SELECT x.p FROM (SELECT {l.phone} AS p, {l.created_at} AS t FROM {@leads l} WHERE {l.organization_id} = $1::uuid AND {l.phone} LIKE '+%' ORDER BY {l.created_at} DESC NULLS LAST LIMIT 200) x GROUP BY x.p ORDER BY max(x.t) DESC NULLS LAST LIMIT 50) \
         |else| NULL::text[] ]] AS callers",
    ),
    records: &["SELECT 'lead' AS kind, {l.id}::text AS id, {l.name?text} AS name, {l.phone} AS phone, \
                jsonb_build_array( \
                  jsonb_build_array('Status', {l.status?text}), \
                  jsonb_build_array('Call status', {l.call_status?text}), \
                  jsonb_build_array('Transferred to a human', {l.transferred_to_human?bool}), \
                  jsonb_build_array('Last call', {l.call_date?timestamptz}), \
                  jsonb_build_array('Source', {l.source?text}), \
                  jsonb_build_array('Project', {pj.name?text}), \
                  jsonb_build_array('Email', {l.email?text}), \
                  jsonb_build_array('Notes', {l.notes?text}), \
                  jsonb_build_array('Lead since', {l.created_at})) AS facts \
                FROM {@leads l} [[LEFT JOIN {@projects pj} ON {pj.id} = {l.project_id?uuid}]] \
                WHERE {l.organization_id} = $1::uuid AND {l.phone} = ANY($2) \
                ORDER BY {l.created_at} DESC, {l.id} LIMIT $3"],
    events: &[
        "SELECT 'call' AS kind, {c.id}::text AS id, {c.call_timestamp} AS at, NULL::timestamp AS local, \
         {cp.name?text} AS title, {c.call_status?text} AS status, 'outbound'::text AS direction, \
         {c.duration?int4} AS duration, {c.conversation_summary?text} AS detail, {c.id}::text AS call_id, \
         {c.call_status?text} IN ('called', 'transferred') AS answered \
         FROM {@call_logs c} [[LEFT JOIN {@campaigns cp} ON {cp.id} = {c.campaign_id?uuid}]] \
         WHERE {c.organization_id} = $1::uuid \
           AND {c.lead_id} IN (SELECT {l.id} FROM {@leads l} WHERE {l.organization_id} = $1::uuid AND {l.phone} = ANY($2)) \
         ORDER BY {c.call_timestamp} DESC, {c.id} DESC LIMIT $3",
        "SELECT 'transfer' AS kind, {c.id}::text AS id, COALESCE({c.transferred_at?timestamptz}, {c.call_timestamp}) AS at, \
         NULL::timestamp AS local, 'to ' || COALESCE({c.transfer_department?text}, 'a human') AS title, \
         'transferred'::text AS status, NULL::text AS direction, NULL::int4 AS duration, \
         {c.transfer_reason?text} AS detail, {c.id}::text AS call_id \
         FROM {@call_logs c} WHERE {c.organization_id} = $1::uuid AND {c.transferred} \
           AND {c.lead_id} IN (SELECT {l.id} FROM {@leads l} WHERE {l.organization_id} = $1::uuid AND {l.phone} = ANY($2)) \
         ORDER BY 3 DESC, {c.id} DESC LIMIT $3",
    ],
    other_orgs: Some(
        "SELECT {o.id}::text AS id, {o.name?text} AS name, count(*) AS n \
         FROM {@leads l} JOIN {@organizations o} ON {o.id} = {l.organization_id} \
         WHERE {l.phone} = ANY($2) AND {l.organization_id} <> $1::uuid \
         GROUP BY {o.id}, {o.name?text} ORDER BY {o.name?text}, {o.id} LIMIT 50",
    ),
    names: Some(concat!(
        "SELECT {l.name} AS name, {l.phone} AS phone FROM {@leads l} WHERE {l.organization_id} = $1::uuid AND ",
        folded!("{l.name}"),
        " ILIKE $2 ESCAPE '\\' \
         GROUP BY {l.name}, {l.phone} ORDER BY {l.name}, {l.phone} LIMIT $3"
    )),
};

/// The indexes the console's queries rely on: what `check` reports missing (`data::indexes`).
pub const INDEXES: &[WantedIndex] = &[
    WantedIndex {
        name: "sb_call_logs_org_ts_id",
        table: "public.call_logs",
        eq: &[asc("organization_id")],
        order: &[desc("call_timestamp"), desc("id")],
        per_tenant: false,
        partial_ok: false,
        serves: "call list: keyset paging of one org's calls on (call_timestamp, id)",
        cost: "seed indexes (organization_id) and (call_timestamp DESC) apart: like ServiceAI's (see BENCHMARKS.md)",
    },
    phone("sb_leads_phone", "public.leads", &[asc("phone")], "caller history: the caller's leads"),
    phone(
        "sb_call_logs_lead",
        "public.call_logs",
        &[asc("lead_id")],
        "caller history: the calls of the caller's leads",
    ),
];

pub const PLATFORM: Platform = Platform {
    dialect: Dialect::Quinite,
    signature: &["public.organizations", "public.call_logs", "public.leads", "public.campaigns"],
    sql: SQL,
    board: Some(BOARD),
    profile: PROFILE,
    status: Some(OrgStatusSql {
        update: "UPDATE {@organizations o} SET {o.status!} = $2, {o.updated_at!} = now() \
                 WHERE {o.id} = $1::uuid AND {o.status} IS DISTINCT FROM $2 RETURNING {o.id}::text AS id",
        audit: None,
    }),
    caller: CALLER,
    functions: &[],
    rates: None,
    indexes: INDEXES,
    schema_ddl: include_str!("../../../assets/schemas/quinite.sql"),
    demo_data: include_str!("../../../assets/demo/quinite.sql"),
    calls_table: Some("call_logs"),
};
