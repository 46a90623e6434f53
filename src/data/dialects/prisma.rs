//! The Prisma platform: quoted PascalCase tables, camelCase columns, CUID text ids, enums, and
//! `TIMESTAMP(3)` without time zone holding UTC. "User".password, "twoFactorSecret" and "ApiKey".key are
//! never named.
//!
//! The statements are templates (`data::sqlt`): markers name Prisma's tables and columns without quotes
//! (`{@CallLog c}`, `{c.organizationId}`), the catalog quotes them.

use super::Platform;
use super::caller::CallerSql;
use super::{CallsSql, DialectSql, FilterSql, OnCallSql};
use crate::core::model::Dialect;
use crate::data::indexes::{WantedIndex, asc, desc, phone};

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT {o.id} AS id, COALESCE({o.name?text}, {o.slug?text}, {o.id}) AS name, \
           {o.plan?text}::text AS industry, NULL::text AS timezone, NULL::text AS status, {o.slug?text} AS slug \
           FROM {@Organization o} ORDER BY {o.name?text}, {o.id}",
    calls: CallsSql {
        select: "SELECT {c.id} AS id, {c.timestamp} AT TIME ZONE 'UTC' AS ts, lower({c.callType?text}::text) AS direction, \
                 {c.phoneNumber?text} AS phone, lower({c.status?text}::text) AS status, {c.duration?int4} AS duration, \
                 NULL::bool AS emergency, NULL::float8 AS urgency, NULL::text AS urgency_label, \
                 {a.name?text} AS assistant, {c.customer?text} AS caller, NULL::text AS language \
                 FROM {@CallLog c} [[LEFT JOIN {@Agent a} ON {a.id} = {c.agentId?text}]]",
        org: "{c.organizationId} = $1::text",
        ts: "{c.timestamp}",
        ts_param: "($3 AT TIME ZONE 'UTC')",
        id: "{c.id}",
        key_cast: "text",
        ts_nullable: false,
        filter: FilterSql {
            status: "lower({c.status}::text)",
            direction: Some("lower({c.callType}::text)"),
            agent: Some("{a.name}"),
            phone: "{c.phoneNumber}",
            urgent: None,
            text: ["{c.transcript}", "{c.metadata}->>'summary'"],
        },
    },
    call: "SELECT {c.id} AS id, {c.timestamp?timestamp} AT TIME ZONE 'UTC' AS ts, lower({c.callType?text}::text) AS direction, \
           {c.phoneNumber?text} AS phone, lower({c.status?text}::text) AS status, {c.duration?int4} AS duration, \
           NULL::bool AS emergency, NULL::float8 AS urgency, NULL::text AS urgency_label, \
           {a.name?text} AS assistant, {c.customer?text} AS caller, NULL::text AS language, \
           {c.callId?text} AS external_id, {c.updatedAt?timestamp} AT TIME ZONE 'UTC' AS updated_at, \
           {c.metadata?jsonb}->>'summary' AS summary, {c.transcript?text} AS transcript, \
           jsonb_build_array( \
             jsonb_build_array('Call type', {c.callType?text}), \
             jsonb_build_array('Customer', {c.customer?text}), \
             jsonb_build_array('Agent', {a.name?text}), \
             jsonb_build_array('Campaign', {cp.batchName?text}), \
             jsonb_build_array('Recording', {c.recordingUrl?text}), \
             jsonb_build_array('Metadata', left(jsonb_pretty({c.metadata?jsonb}), 20000))) AS facts \
           FROM {@CallLog c} [[LEFT JOIN {@Agent a} ON {a.id} = {c.agentId?text}]] \
           [[LEFT JOIN {@Campaign cp} ON {cp.id} = {c.campaignId?text}]] \
           WHERE {c.organizationId} = $1::text AND {c.id} = $2::text",
    tenant_schema: None,
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

/// The attention board: every org with its figures of the last seven days.
pub const BOARD: &str = "WITH w AS ( \
     SELECT {c.organizationId} AS org, \
       count(*) FILTER (WHERE {c.timestamp} >= (now() AT TIME ZONE 'UTC') - interval '24 hours') AS calls_24h, \
       count(*) FILTER (WHERE {c.timestamp} >= (now() AT TIME ZONE 'UTC') - interval '24 hours' \
         AND {c.status?text}::text IN ('FAILED', 'MISSED')) AS failed_24h, \
       count(*) AS calls_7d, count(*) FILTER (WHERE {c.status?text}::text IN ('FAILED', 'MISSED')) AS failed_7d \
     FROM {@CallLog c} WHERE {c.timestamp} >= (now() AT TIME ZONE 'UTC') - interval '7 days' GROUP BY 1) \
   SELECT {o.id} AS id, {o.name?text} AS name, NULL::text AS status, COALESCE(w.calls_24h, 0) AS calls_24h, \
     COALESCE(w.failed_24h, 0) AS failed_24h, COALESCE(w.calls_7d, 0) AS calls_7d, COALESCE(w.failed_7d, 0) AS failed_7d, \
     NULL::int8 AS open_emergencies, lc.t AS last_call, \
     CASE WHEN lc.t IS NOT NULL THEN true ELSE EXISTS (SELECT 1 FROM {@CallLog k} WHERE {k.organizationId} = {o.id}) END AS any_call \
   FROM {@Organization o} LEFT JOIN w ON w.org = {o.id} \
   LEFT JOIN LATERAL (SELECT {k.timestamp} AT TIME ZONE 'UTC' AS t FROM {@CallLog k} WHERE {k.organizationId} = {o.id} AND {k.timestamp} IS NOT NULL \
     ORDER BY {k.timestamp} DESC LIMIT 1) lc ON true ORDER BY {o.name?text}, {o.id}";

/// The org profile, as one JSON document of sections.
pub const PROFILE: &str = "SELECT jsonb_build_array( \
  [[jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', {o.name?text}), jsonb_build_array('Slug', {o.slug?text}), jsonb_build_array('Plan', {o.plan?text}), \
    jsonb_build_array('Created', {o.createdAt?timestamp}), jsonb_build_array('Updated', {o.updatedAt?timestamp}), \
    jsonb_build_array('Last call', [[(SELECT max({cl.timestamp}) FROM {@CallLog cl} WHERE {cl.organizationId} = {o.id}) |else| NULL]]))) \
   |else| jsonb_build_object('title', 'Identity', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Money', 'pairs', jsonb_build_array(jsonb_build_array('Credits', {o.credits?int4}))) \
   |else| jsonb_build_object('title', 'Money', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Name', 'Email', 'Org role', 'Status', '2FA'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(NULLIF(concat_ws(' ', {u.firstName?text}, {u.lastName?text}), ''), {u.email?text}, \
        {uo.role?text}, {u.status?text}, \
        [[CASE WHEN {u.twoFactorEnabled} THEN 'on' ELSE 'off' END |else| NULL]]) ORDER BY {uo.role?text}, {u.email?text}) \
      FROM {@UserOrganization uo} JOIN {@User u} ON {u.id} = {uo.userId} WHERE {uo.organizationId} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'People', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Agents', 'columns', jsonb_build_array('Name', 'Type', 'Status', 'Caller', 'STT', 'LLM', 'TTS / voice', 'Number', 'Calls', 'Success'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({a.name?text}, {a.type?text}, {a.status?text}, {a.callerType?text}, \
        NULLIF(concat_ws(' ', {a.configuration?jsonb}->'stt'->>'provider', {a.configuration?jsonb}->'stt'->>'model'), ''), \
        NULLIF(concat_ws(' ', {a.configuration?jsonb}->'llm'->>'provider', {a.configuration?jsonb}->'llm'->>'model'), ''), \
        NULLIF(concat_ws(' ', {a.configuration?jsonb}->'tts'->>'provider', {a.configuration?jsonb}->'tts'->>'voice'), ''), \
        {pn.phoneNumber?text}, {a.totalCalls?int4}, \
        CASE WHEN {a.successRate?float8} IN ('Infinity', '-Infinity', 'NaN') THEN 'not a number (' || {a.successRate?float8} || ')' \
          ELSE round({a.successRate?float8}::numeric, 1)::text || '%' END) ORDER BY {a.name?text}) \
      FROM {@Agent a} [[LEFT JOIN {@PhoneNumber pn} ON {pn.id} = {a.phoneNumberId?text}]] \
      WHERE {a.organizationId} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'Agents', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Phone numbers', 'columns', jsonb_build_array('Label', 'Number', 'Inbound', 'Outbound'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({p.label?text}, {p.phoneNumber?text}, {p.inboundStatus?text}, \
        {p.outboundStatus?text}) ORDER BY {p.label?text}) \
      FROM {@PhoneNumber p} WHERE {p.organizationId} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'Phone numbers', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Campaigns', 'columns', jsonb_build_array('Name', 'Status', 'Progress', 'Calls', 'Completed'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({cp.batchName?text}, {cp.status?text}, {cp.progress?int4} || ' %', \
        {cp.totalCalls?int4}, {cp.completedCalls?int4}) ORDER BY {cp.createdAt?timestamp} DESC) \
      FROM {@Campaign cp} WHERE {cp.organizationId} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'Campaigns', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'API keys', 'columns', jsonb_build_array('Name', 'Status', 'Expires'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({k.name?text}, {k.status?text}, {k.expirationDate?timestamp}) \
        ORDER BY {k.name?text}) \
      FROM {@ApiKey k} WHERE {k.organizationId} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'API keys', 'unavailable', {reason})]] \
) AS sections, NULL::text AS status FROM {@Organization o} WHERE {o.id} = $1::text";

/// Prisma stores `TIMESTAMP(3)` in UTC.
pub const CALLER: CallerSql = CallerSql {
    // The country of the newest call number written in E.164, else the owner's time zone.
    country: Some(
        "SELECT [[ARRAY(SELECT x.p FROM (SELECT {c.phoneNumber} AS p, {c.timestamp} AS t FROM {@CallLog c} WHERE {c.organizationId} = $1::text AND {c.phoneNumber} LIKE '+%' ORDER BY {c.timestamp} DESC NULLS LAST LIMIT 200) x GROUP BY x.p ORDER BY max(x.t) DESC NULLS LAST LIMIT 50) \
           |else| NULL::text[] ]] AS callers, \
         [[ARRAY(SELECT {pn.phoneNumber} FROM {@PhoneNumber pn} WHERE {pn.organizationId} = $1::text \
           ORDER BY {pn.phoneNumber} LIMIT 20) |else| NULL::text[] ]] AS own, \
         [[(SELECT {u.timeZone} FROM {@UserOrganization uo} JOIN {@User u} ON {u.id} = {uo.userId} \
           WHERE {uo.organizationId} = $1::text ORDER BY ({uo.role?text}::text = 'OWNER') DESC, {u.id} LIMIT 1) \
         |else| NULL::text]] AS zone, \
         NULL::text AS country",
    ),
    records: &["SELECT 'recipient' AS kind, {r.id} AS id, {r.name?text} AS name, {r.phoneNumber} AS phone, \
                jsonb_build_array( \
                  jsonb_build_array('Campaign', {cp.batchName?text}), \
                  jsonb_build_array('Status', {r.status?text}::text), \
                  jsonb_build_array('Notes', {r.notes?text}), \
                  jsonb_build_array('Added', {r.createdAt?timestamp} AT TIME ZONE 'UTC')) AS facts \
                FROM {@CampaignRecipient r} JOIN {@Campaign cp} ON {cp.id} = {r.campaignId} \
                WHERE {cp.organizationId} = $1::text AND {r.phoneNumber} = ANY($2) \
                ORDER BY {r.createdAt?timestamp} DESC, {r.id} LIMIT $3"],
    events: &[
        "SELECT 'call' AS kind, {c.id} AS id, {c.timestamp} AT TIME ZONE 'UTC' AS at, NULL::timestamp AS local, \
               {a.name?text} AS title, lower({c.status?text}::text) AS status, lower({c.callType?text}::text) AS direction, \
               {c.duration?int4} AS duration, NULLIF(concat_ws(' · ', {c.customer?text}, {cp.batchName?text}), '') AS detail, \
               {c.id} AS call_id, upper({c.status?text}::text) = 'COMPLETED' AS answered \
               FROM {@CallLog c} [[LEFT JOIN {@Agent a} ON {a.id} = {c.agentId?text}]] \
               [[LEFT JOIN {@Campaign cp} ON {cp.id} = {c.campaignId?text}]] \
               WHERE {c.organizationId} = $1::text AND {c.phoneNumber} = ANY($2) \
               ORDER BY {c.timestamp} DESC, {c.id} DESC LIMIT $3",
    ],
    other_orgs: Some(
        "SELECT {o.id} AS id, {o.name?text} AS name, count(*) AS n FROM ( \
           SELECT {c.organizationId} AS org FROM {@CallLog c} WHERE {c.phoneNumber} = ANY($2) \
           [[UNION ALL SELECT {cp.organizationId} FROM {@CampaignRecipient r} \
           JOIN {@Campaign cp} ON {cp.id} = {r.campaignId} WHERE {r.phoneNumber} = ANY($2)]]) x \
         JOIN {@Organization o} ON {o.id} = x.org WHERE x.org <> $1::text \
         GROUP BY {o.id}, {o.name?text} ORDER BY {o.name?text}, {o.id} LIMIT 50",
    ),
    names: Some(concat!(
        "SELECT name, phone FROM ( \
           SELECT {c.customer} AS name, {c.phoneNumber} AS phone FROM {@CallLog c} \
           WHERE {c.organizationId} = $1::text AND ",
        folded!("{c.customer}"),
        " ILIKE $2 ESCAPE '\\' \
           [[UNION SELECT {r.name}, {r.phoneNumber} FROM {@CampaignRecipient r} \
           JOIN {@Campaign cp} ON {cp.id} = {r.campaignId} \
           WHERE {cp.organizationId} = $1::text AND ",
        folded!("{r.name}"),
        " ILIKE $2 ESCAPE '\\']]) x \
         ORDER BY name, phone LIMIT $3"
    )),
};

/// The indexes the console's queries rely on: what `check` reports missing (`data::indexes`).
pub const INDEXES: &[WantedIndex] = &[
    WantedIndex {
        name: "sb_calllog_org_timestamp_id",
        table: "public.\"CallLog\"",
        eq: &[asc("organizationId")],
        order: &[desc("timestamp"), desc("id")],
        per_tenant: false,
        partial_ok: false,
        serves: "call list: keyset paging of one org's calls on (\"timestamp\", id)",
        cost: "the seed's (\"organizationId\", \"timestamp\" DESC) index partly serves it (ties sorted by id)",
    },
    phone("sb_calllog_phone", "public.\"CallLog\"", &[asc("phoneNumber")], "caller history: the caller's calls"),
    phone(
        "sb_recipient_phone",
        "public.\"CampaignRecipient\"",
        &[asc("phoneNumber")],
        "caller history: the caller's campaign recipients",
    ),
];

pub const PLATFORM: Platform = Platform {
    dialect: Dialect::Prisma,
    signature: &["public.Organization", "public.CallLog", "public.Agent"],
    sql: SQL,
    board: Some(BOARD),
    profile: PROFILE,
    status: None,
    caller: CALLER,
    functions: &[],
    rates: None,
    indexes: INDEXES,
    schema_ddl: include_str!("../../../assets/schemas/prisma.sql"),
    demo_data: include_str!("../../../assets/demo/prisma.sql"),
    calls_table: Some("CallLog"),
};
