//! Voxanne AI: `organizations`, `calls`; tenancy by org_id. org_credentials and stripe ids are never named.
//!
//! The statements are templates (`data::sqlt`). The seed documents the nine production tables column by
//! column and only names the configuration ones (agents, leads, hot_lead_alerts, escalation_rules, ...):
//! their columns other than id and org_id are optional, or required only inside the block that needs them.

use super::Platform;
use super::caller::CallerSql;
use super::{AppointmentsSql, ApptRange, CallsSql, DialectSql, FilterSql, OnCallSql};
use crate::core::model::Dialect;
use crate::data::indexes::{WantedIndex, asc, desc, phone};

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT {o.id}::text AS id, COALESCE({o.name?text}, {o.id}::text) AS name, {o.plan?text} AS industry, \
           NULLIF({o.settings?jsonb}->>'timezone', '') AS timezone, NULL::text AS status, NULL::text AS slug \
           FROM {@organizations o} ORDER BY {o.name?text}, {o.id}",
    calls: CallsSql {
        select: "SELECT {c.id}::text AS id, {c.created_at} AS ts, {c.call_direction?text} AS direction, \
                 CASE WHEN {c.call_direction?text} = 'outbound' THEN {c.to_number?text} \
                   ELSE COALESCE({c.from_number?text}, {c.phone_number?text}) END AS phone, \
                 {c.status?text} AS status, {c.duration_seconds?int4} AS duration, \
                 ({c.sentiment_urgency?text} = 'critical') AS emergency, \
                 NULL::float8 AS urgency, {c.sentiment_urgency?text} AS urgency_label, NULL::text AS assistant, \
                 {c.caller_name?text} AS caller, NULL::text AS language \
                 FROM {@calls c}",
        org: "{c.org_id} = $1::uuid",
        ts: "{c.created_at}",
        ts_param: "$3",
        id: "{c.id}",
        key_cast: "uuid",
        ts_nullable: false,
        filter: FilterSql {
            status: "{c.status}",
            direction: Some("{c.call_direction}"),
            agent: None,
            phone: "CASE WHEN {c.call_direction} = 'outbound' THEN {c.to_number} \
                    ELSE COALESCE({c.from_number}, {c.phone_number?text}) END",
            urgent: Some("{c.sentiment_urgency} IN ('high', 'critical')"),
            text: ["{c.transcript}", "{c.summary}"],
        },
    },
    call: "SELECT {c.id}::text AS id, {c.created_at?timestamptz} AS ts, {c.call_direction?text} AS direction, \
           CASE WHEN {c.call_direction?text} = 'outbound' THEN {c.to_number?text} \
             ELSE COALESCE({c.from_number?text}, {c.phone_number?text}) END AS phone, \
           {c.status?text} AS status, {c.duration_seconds?int4} AS duration, \
           ({c.sentiment_urgency?text} = 'critical') AS emergency, \
           NULL::float8 AS urgency, {c.sentiment_urgency?text} AS urgency_label, NULL::text AS assistant, \
           {c.caller_name?text} AS caller, NULL::text AS language, \
           {c.vapi_call_id?text} AS external_id, {c.updated_at?timestamptz} AS updated_at, \
           {c.summary?text} AS summary, {c.transcript?text} AS transcript, \
           jsonb_build_array( \
             jsonb_build_array('Caller', {c.caller_name?text}), \
             jsonb_build_array('Sentiment', {c.sentiment_label?text}), \
             jsonb_build_array('Sentiment score', {c.sentiment_score?numeric}), \
             jsonb_build_array('Urgency', {c.sentiment_urgency?text}), \
             jsonb_build_array('Sentiment summary', {c.sentiment_summary?text}), \
             jsonb_build_array('Direction', {c.call_direction?text}), \
             jsonb_build_array('From', {c.from_number?text}), \
             jsonb_build_array('To', {c.to_number?text}), \
             jsonb_build_array('Recording', {c.recording_url?text}), \
             jsonb_build_array('Vapi call id', {c.vapi_call_id?text})) AS facts \
           FROM {@calls c} WHERE {c.org_id} = $1::uuid AND {c.id} = $2::uuid",
    tenant_schema: None,
    // scheduled_at is an instant: the month (its counts) and the day (its rows) are ranges on its index,
    // bounded by the org's local midnights.
    appointments: Some(AppointmentsSql {
        range: "SELECT {a.id}::text AS id, {a.scheduled_at} AS at, NULL::timestamp AS local, \
                {a.duration_minutes?int4} AS duration, \
                NULLIF(trim(concat_ws(' ', {ct.first_name?text}, {ct.last_name?text})), '') AS customer, \
                {ct.phone?text} AS phone, {a.title?text} AS title, {a.status?text} AS status, \
                NULL::float8 AS urgency, NULL::text AS urgency_label, NULL::bool AS emergency \
                FROM {@appointments a} [[LEFT JOIN {@contacts ct} ON {ct.id} = {a.contact_id?uuid}]] \
                WHERE {a.org_id} = $1::uuid AND {a.scheduled_at} >= $2::timestamptz AND {a.scheduled_at} < $3::timestamptz \
                ORDER BY {a.scheduled_at}, {a.id}",
        range_kind: ApptRange::Instant,
        // The instant's local day: the bucket of the local midnights ($4) it falls in, so days and bounds are
        // the same instants, with the zone rules the console uses (no zone name is sent to the server).
        counts: "SELECT width_bucket({a.scheduled_at}, $4::timestamptz[]) - 1 AS day, {a.status?text} AS status, \
                 count(*)::int8 AS n, 0::int8 AS emergency \
                 FROM {@appointments a} \
                 WHERE {a.org_id} = $1::uuid AND {a.scheduled_at} >= $2::timestamptz AND {a.scheduled_at} < $3::timestamptz \
                 GROUP BY 1, 2",
        one: "SELECT {a.id}::text AS id, {a.scheduled_at?timestamptz} AS at, NULL::timestamp AS local, \
              {a.duration_minutes?int4} AS duration, \
              NULLIF(trim(concat_ws(' ', {ct.first_name?text}, {ct.last_name?text})), '') AS customer, \
              {ct.phone?text} AS phone, {a.title?text} AS title, {a.status?text} AS status, \
              NULL::float8 AS urgency, NULL::text AS urgency_label, NULL::bool AS emergency, NULL::text AS call_id, \
              jsonb_build_array( \
                jsonb_build_array('Description', {a.description?text}), \
                jsonb_build_array('Location', {a.location?text}), \
                jsonb_build_array('Notes', {a.notes?text}), \
                jsonb_build_array('Contact email', {ct.email?text}), \
                jsonb_build_array('Lead status', {ct.lead_status?text}), \
                jsonb_build_array('Lead score', {ct.lead_score?int4}), \
                jsonb_build_array('Reminder sent', {a.reminder_sent_at?timestamptz}), \
                jsonb_build_array('Created', {a.created_at?timestamptz}), \
                jsonb_build_array('Updated', {a.updated_at?timestamptz})) AS facts \
              FROM {@appointments a} [[LEFT JOIN {@contacts ct} ON {ct.id} = {a.contact_id?uuid}]] \
              WHERE {a.org_id} = $1::uuid AND {a.id} = $2::uuid",
    }),
    // Escalation rules stand in for contacts (always available, by priority); hot lead alerts are the
    // notifications; critical and high-urgency calls are the urgent ones. The seed only names
    // escalation_rules and hot_lead_alerts: everything but their id and org_id is optional, except what a
    // write changes.
    oncall: OnCallSql {
        contacts: Some(
            "SELECT {r.id}::text AS id, {r.name?text} AS name, {r.escalate_to_phone?text} AS phone, NULL::text AS email, \
             concat_ws(' ', {r.trigger?text}, {r.threshold?text}) AS role, NULL::bool AS is_primary, \
             {r.is_active?bool} AS is_active, NULL::text[] AS days, \
             NULL::time AS hours_start, NULL::time AS hours_end, {r.priority?int4} AS priority, NULL::int4 AS timeout, \
             true AS call, NULL::bool AS sms, NULL::bool AS email_enabled \
             FROM {@escalation_rules r} WHERE {r.org_id} = $1::uuid ORDER BY {r.priority?int4}, {r.id}",
        ),
        notifications: Some(
            "SELECT {h.id}::text AS id, {h.created_at?timestamptz} AS created_at, \
             NULLIF(trim(concat_ws(' ', {ct.first_name?text}, {ct.last_name?text})), '') AS contact, \
             'hot lead'::text AS kind, {h.urgency?text} AS urgency, {h.message?text} AS message, \
             {h.status?text} AS status, NULL::timestamptz AS sent_at, \
             NULL::timestamptz AS delivered_at, {h.acknowledged_at?timestamptz} AS acknowledged_at, \
             {cl.id?uuid}::text AS call_id, {h.call_id?uuid}::text AS call_ref \
             FROM {@hot_lead_alerts h} [[LEFT JOIN {@contacts ct} ON {ct.id} = {h.contact_id?uuid}]] \
             [[LEFT JOIN {@calls cl} ON {cl.id} = {h.call_id?uuid} AND {cl.org_id} = {h.org_id}]] \
             WHERE {h.org_id} = $1::uuid ORDER BY {h.created_at?timestamptz} DESC, {h.id} DESC LIMIT 200",
        ),
        transfers: None,
        urgent_calls: Some(
            "SELECT {c.id}::text AS id, {c.created_at} AS ts, {c.call_direction?text} AS direction, \
             CASE WHEN {c.call_direction?text} = 'outbound' THEN {c.to_number?text} \
               ELSE COALESCE({c.from_number?text}, {c.phone_number?text}) END AS phone, \
             {c.status?text} AS status, {c.duration_seconds?int4} AS duration, \
             ({c.sentiment_urgency} = 'critical') AS emergency, \
             NULL::float8 AS urgency, {c.sentiment_urgency} AS urgency_label, NULL::text AS assistant, \
             {c.caller_name?text} AS caller, NULL::text AS language \
             FROM {@calls c} WHERE {c.org_id} = $1::uuid AND {c.sentiment_urgency} IN ('high', 'critical') \
             ORDER BY {c.created_at} DESC, {c.id} DESC LIMIT 100",
        ),
        org: Some(
            "SELECT {o.phone?text} AS fallback_phone, NULL::text AS transfer_to \
             FROM {@organizations o} WHERE {o.id} = $1::uuid",
        ),
        acknowledge: Some(
            "UPDATE {@hot_lead_alerts h} SET {h.status!} = 'acknowledged', {h.acknowledged_at!} = now() \
             WHERE {h.org_id} = $1::uuid AND {h.id} = $2::uuid AND {h.status} <> 'acknowledged' \
             RETURNING {h.id}::text AS id",
        ),
        audit_acknowledge: Some(
            "INSERT INTO {@audit_logs al} ({al.org_id!}, {al.action!}, {al.resource_type!}, {al.resource_id!}, {al.metadata!}) \
             VALUES ($1::uuid, 'hot_lead_alert.acknowledged', 'hot_lead_alert', $2::text, \
             jsonb_build_object('by', 'switchboard', 'db_user', current_user))",
        ),
        function: None,
    },
};

/// The attention board: every org with its figures of the last seven days. Open emergencies (hot lead
/// alerts still pending) are a block of their own: NULL where they cannot be read.
pub const BOARD: &str = "WITH w AS ( \
     SELECT {c.org_id} AS org, count(*) FILTER (WHERE {c.created_at} >= now() - interval '24 hours') AS calls_24h, \
       count(*) FILTER (WHERE {c.created_at} >= now() - interval '24 hours' AND {c.status?text} = 'failed') AS failed_24h, \
       count(*) AS calls_7d, count(*) FILTER (WHERE {c.status?text} = 'failed') AS failed_7d \
     FROM {@calls c} WHERE {c.created_at} >= now() - interval '7 days' GROUP BY 1) \
   SELECT {o.id}::text AS id, {o.name?text} AS name, NULL::text AS status, COALESCE(w.calls_24h, 0) AS calls_24h, \
     COALESCE(w.failed_24h, 0) AS failed_24h, COALESCE(w.calls_7d, 0) AS calls_7d, COALESCE(w.failed_7d, 0) AS failed_7d, \
     [[(SELECT count(*) FROM {@hot_lead_alerts h} WHERE {h.org_id} = {o.id} AND {h.status} = 'pending') \
       |else| NULL::int8]] AS open_emergencies, \
     lc.t AS last_call, \
     CASE WHEN lc.t IS NOT NULL THEN true ELSE EXISTS (SELECT 1 FROM {@calls k} WHERE {k.org_id} = {o.id}) END AS any_call \
   FROM {@organizations o} LEFT JOIN w ON w.org = {o.id} \
   LEFT JOIN LATERAL (SELECT {k.created_at} AS t FROM {@calls k} WHERE {k.org_id} = {o.id} AND {k.created_at} IS NOT NULL \
     ORDER BY {k.created_at} DESC LIMIT 1) lc ON true ORDER BY {o.name?text}, {o.id}";

/// The org profile, as one JSON document of sections.
pub const PROFILE: &str = "SELECT jsonb_build_array( \
  [[jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', {o.name?text}), jsonb_build_array('Email', {o.email?text}), \
    jsonb_build_array('Phone', {o.phone?text}), jsonb_build_array('Website', {o.website?text}), \
    jsonb_build_array('Plan', {o.plan?text}), jsonb_build_array('Telephony', {o.telephony_mode?text}), \
    jsonb_build_array('Timezone', {o.settings?jsonb}->>'timezone'), \
    jsonb_build_array('Created', {o.created_at?timestamptz}), \
    jsonb_build_array('Last call', [[(SELECT max({cl.created_at}) FROM {@calls cl} WHERE {cl.org_id} = {o.id}) |else| NULL]]))) \
   |else| jsonb_build_object('title', 'Identity', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Money', 'pairs', jsonb_build_array( \
    jsonb_build_array('Wallet balance', CASE WHEN {o.wallet_balance_pence?int4} IS NOT NULL THEN \
      '£' || to_char({o.wallet_balance_pence?int4} / 100.0, 'FM999999990.00') END), \
    jsonb_build_array('Stripe customer', \
      [[CASE WHEN {o.stripe_customer_id} IS NOT NULL THEN 'set' ELSE 'not set' END |else| NULL]]))) \
   |else| jsonb_build_object('title', 'Money', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Name', 'Email', 'Role', 'Status', 'Last login'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({p.full_name?text}, {p.email?text}, {p.role?text}, \
        {p.status?text}, {p.last_login?timestamptz}) ORDER BY {p.role?text}, {p.email?text}) \
      FROM {@profiles p} WHERE {p.org_id} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'People', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Agents', 'columns', jsonb_build_array('Name', 'Role', 'Voice', 'Model', 'Active'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({a.name?text}, {a.role?text}, {a.voice?text}, {a.model?text}, \
        {a.is_active?bool}) ORDER BY {a.name?text}) \
      FROM {@agents a} WHERE {a.org_id} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'Agents', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Integrations', 'columns', jsonb_build_array('Provider', 'Status', 'Last synced'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({i.provider?text}, {i.status?text}, {i.last_synced_at?timestamptz}) \
        ORDER BY {i.provider?text}) \
      FROM {@integrations i} WHERE {i.org_id} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'Integrations', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Credentials', 'columns', jsonb_build_array('Provider', 'Key', 'Active', 'Last verified'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({k.provider?text}, \
        [[CASE WHEN {k.encrypted_api_key} IS NOT NULL THEN 'set' ELSE 'not set' END |else| NULL]], \
        {k.is_active?bool}, {k.last_verified_at?timestamptz}) ORDER BY {k.provider?text}) \
      FROM {@org_credentials k} WHERE {k.org_id} = {o.id}), '[]')) \
   |else| jsonb_build_object('title', 'Credentials', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Tools and feature flags', 'columns', jsonb_build_array('Name', 'Kind', 'Enabled'), \
    'rows', COALESCE((SELECT jsonb_agg(x ORDER BY x->>0) FROM ( \
      SELECT jsonb_build_array({t.tool_name?text}, 'tool', {t.enabled?bool}) AS x FROM {@org_tools t} WHERE {t.org_id} = {o.id} \
      [[UNION ALL SELECT jsonb_build_array({f.flag_name?text}, 'flag', {f.enabled?bool}) \
        FROM {@org_feature_flags f} WHERE {f.org_id} = {o.id}]]) u), '[]')) \
   |else| jsonb_build_object('title', 'Tools and feature flags', 'unavailable', {reason})]] \
) AS sections, NULL::text AS status FROM {@organizations o} WHERE {o.id} = $1::uuid";

/// Voxanne: the customer side of a call is `from_number` inbound and `to_number` outbound (the other side
/// is the org's own line: matching it would find every call), plus `phone_number` and the contact link
/// (each a block of its own: the number sides are what the history cannot do without).
pub const CALLER: CallerSql = CallerSql {
    country: Some(
        "SELECT NULLIF({o.settings?jsonb}->>'timezone', '') AS zone, array_remove(ARRAY[{o.phone?text}], NULL) AS own, \
         [[ARRAY(SELECT x.p FROM (SELECT {c.from_number} AS p, {c.created_at} AS t FROM {@calls c} WHERE {c.org_id} = {o.id} AND {c.call_direction} = 'inbound' AND {c.from_number} LIKE '+%' ORDER BY {c.created_at} DESC NULLS LAST LIMIT 200) x GROUP BY x.p ORDER BY max(x.t) DESC NULLS LAST LIMIT 50) \
         |else| NULL::text[] ]] AS callers, \
         [[(SELECT {r.country_code} FROM {@carrier_forwarding_rules r} WHERE {r.org_id} = {o.id} [[AND {r.is_active}]] \
          ORDER BY {r.created_at?timestamptz} DESC LIMIT 1) |else| NULL::text]] AS country \
         FROM {@organizations o} WHERE {o.id} = $1::uuid",
    ),
    records: &[
        "SELECT 'contact' AS kind, {k.id}::text AS id, concat_ws(' ', {k.first_name?text}, {k.last_name?text}) AS name, \
         {k.phone} AS phone, \
         jsonb_build_array( \
           jsonb_build_array('Lead status', {k.lead_status?text}), \
           jsonb_build_array('Lead score', {k.lead_score?int4}), \
           jsonb_build_array('Email', {k.email?text}), \
           jsonb_build_array('Last contacted', {k.last_contacted_at?timestamptz}), \
           jsonb_build_array('Notes', {k.notes?text}), \
           jsonb_build_array('Contact since', {k.created_at})) AS facts \
         FROM {@contacts k} WHERE {k.org_id} = $1::uuid AND {k.phone} = ANY($2) \
         ORDER BY {k.created_at} DESC, {k.id} LIMIT $3",
        // leads is only named by the seed: its phone is what this statement looks up, so it is required.
        "SELECT 'lead' AS kind, {l.id}::text AS id, {l.name?text} AS name, {l.phone} AS phone, \
         jsonb_build_array( \
           jsonb_build_array('Status', {l.status?text}), \
           jsonb_build_array('Score', {l.score?int4}), \
           jsonb_build_array('Source', {l.source?text}), \
           jsonb_build_array('Email', {l.email?text}), \
           jsonb_build_array('Notes', {l.notes?text}), \
           jsonb_build_array('Lead since', {l.created_at?timestamptz})) AS facts \
         FROM {@leads l} WHERE {l.org_id} = $1::uuid AND {l.phone} = ANY($2) \
         ORDER BY {l.created_at?timestamptz} DESC, {l.id} LIMIT $3",
    ],
    events: &[
        "SELECT 'call' AS kind, {c.id}::text AS id, {c.created_at} AS at, NULL::timestamp AS local, \
         {c.caller_name?text} AS title, {c.status?text} AS status, {c.call_direction} AS direction, \
         {c.duration_seconds?int4} AS duration, \
         concat_ws(' · ', {c.sentiment_label?text}, {c.sentiment_urgency?text}, \
           COALESCE({c.summary?text}, {c.sentiment_summary?text})) AS detail, \
         {c.id}::text AS call_id, lower({c.status?text}) = 'completed' AS answered \
         FROM {@calls c} WHERE {c.org_id} = $1::uuid AND (({c.call_direction} = 'inbound' AND {c.from_number} = ANY($2)) \
           OR ({c.call_direction} = 'outbound' AND {c.to_number} = ANY($2)) \
           [[OR {c.phone_number} = ANY($2)]] \
           [[OR {c.contact_id} IN (SELECT {k.id} FROM {@contacts k} WHERE {k.org_id} = $1::uuid AND {k.phone} = ANY($2))]]) \
         ORDER BY {c.created_at} DESC, {c.id} DESC LIMIT $3",
        "SELECT 'appointment' AS kind, {a.id}::text AS id, {a.scheduled_at} AS at, NULL::timestamp AS local, \
         {a.title?text} AS title, {a.status?text} AS status, NULL::text AS direction, NULL::int4 AS duration, \
         concat_ws(' · ', {a.location?text}, {a.description?text}) AS detail, NULL::text AS call_id \
         FROM {@appointments a} WHERE {a.org_id} = $1::uuid \
           AND {a.contact_id} IN (SELECT {k.id} FROM {@contacts k} WHERE {k.org_id} = $1::uuid AND {k.phone} = ANY($2)) \
         ORDER BY {a.scheduled_at} DESC, {a.id} LIMIT $3",
        // hot_lead_alerts is only named by the seed: an alert is the caller's through its contact or its
        // call, whichever of the two links the table has (the statement is unmet with neither).
        "SELECT 'notification' AS kind, {h.id}::text AS id, {h.created_at?timestamptz} AS at, NULL::timestamp AS local, \
         'hot lead · ' || {h.urgency?text} AS title, {h.status?text} AS status, NULL::text AS direction, \
         NULL::int4 AS duration, {h.message?text} AS detail, {h.call_id?uuid}::text AS call_id \
         FROM {@hot_lead_alerts h} WHERE {h.org_id} = $1::uuid AND \
         [[({h.contact_id} IN (SELECT {k.id} FROM {@contacts k} WHERE {k.org_id} = $1::uuid AND {k.phone} = ANY($2)) \
             OR {h.call_id} IN (SELECT {c.id} FROM {@calls c} WHERE {c.org_id} = $1::uuid AND \
               (({c.call_direction} = 'inbound' AND {c.from_number} = ANY($2)) \
               OR ({c.call_direction} = 'outbound' AND {c.to_number} = ANY($2)) [[OR {c.phone_number} = ANY($2)]]))) \
         |else| [[{h.contact_id} IN (SELECT {k.id} FROM {@contacts k} WHERE {k.org_id} = $1::uuid AND {k.phone} = ANY($2)) \
         |else| {h.call_id} IN (SELECT {c.id} FROM {@calls c} WHERE {c.org_id} = $1::uuid AND \
               (({c.call_direction} = 'inbound' AND {c.from_number} = ANY($2)) \
               OR ({c.call_direction} = 'outbound' AND {c.to_number} = ANY($2)) [[OR {c.phone_number} = ANY($2)]]))]]]] \
         ORDER BY {h.created_at?timestamptz} DESC, {h.id} DESC LIMIT $3",
    ],
    other_orgs: Some(
        "SELECT {o.id}::text AS id, {o.name?text} AS name, count(*) AS n FROM ( \
           SELECT {k.org_id} AS org_id FROM {@contacts k} WHERE {k.phone} = ANY($2) \
           [[UNION ALL SELECT {l.org_id} FROM {@leads l} WHERE {l.phone} = ANY($2)]]) x \
         JOIN {@organizations o} ON {o.id} = x.org_id WHERE x.org_id <> $1::uuid \
         GROUP BY {o.id}, {o.name?text} ORDER BY {o.name?text}, {o.id} LIMIT 50",
    ),
    names: Some(concat!(
        "SELECT name, phone FROM ( \
           SELECT concat_ws(' ', {k.first_name}, {k.last_name}) AS name, {k.phone} AS phone FROM {@contacts k} \
           WHERE {k.org_id} = $1::uuid AND ",
        folded!("concat_ws(' ', {k.first_name}, {k.last_name})"),
        " ILIKE $2 ESCAPE '\\' \
           [[UNION SELECT {l.name}, {l.phone} FROM {@leads l} WHERE {l.org_id} = $1::uuid AND ",
        folded!("{l.name}"),
        " ILIKE $2 ESCAPE '\\']]) x \
         ORDER BY name, phone LIMIT $3"
    )),
};

/// The indexes the console's queries rely on: what `check` reports missing (`data::indexes`).
pub const INDEXES: &[WantedIndex] = &[
    WantedIndex {
        name: "sb_calls_org_created_id",
        table: "public.calls",
        eq: &[asc("org_id")],
        order: &[desc("created_at"), desc("id")],
        per_tenant: false,
        partial_ok: false,
        serves: "call list: keyset paging of one org's calls on (created_at, id)",
        cost: "seed indexes (org_id) and (created_at) apart: like ServiceAI's (see BENCHMARKS.md)",
    },
    WantedIndex {
        name: "sb_appointments_org_scheduled",
        table: "public.appointments",
        eq: &[asc("org_id")],
        order: &[asc("scheduled_at")],
        per_tenant: false,
        partial_ok: false,
        serves: "calendar: one org's appointments of a six-week grid",
        cost: "seed indexes (org_id) and (scheduled_at) apart: like ServiceAI's (see BENCHMARKS.md)",
    },
    phone("sb_contacts_phone", "public.contacts", &[asc("phone")], "caller history: the caller's contacts"),
    phone("sb_leads_phone", "public.leads", &[asc("phone")], "caller history: the caller's leads"),
    phone(
        "sb_calls_from_number",
        "public.calls",
        &[asc("from_number")],
        "caller history: inbound calls from the caller",
    ),
    phone("sb_calls_to_number", "public.calls", &[asc("to_number")], "caller history: outbound calls to the caller"),
    phone("sb_calls_phone_number", "public.calls", &[asc("phone_number")], "caller history: calls by phone_number"),
    phone(
        "sb_calls_contact",
        "public.calls",
        &[asc("contact_id")],
        "caller history: the calls of the caller's contacts",
    ),
];

pub const PLATFORM: Platform = Platform {
    dialect: Dialect::Voxanne,
    signature: &["public.organizations", "public.calls", "public.profiles", "public.contacts"],
    sql: SQL,
    board: Some(BOARD),
    profile: PROFILE,
    status: None,
    caller: CALLER,
    functions: &[],
    rates: None,
    indexes: INDEXES,
    schema_ddl: include_str!("../../../assets/schemas/voxanne.sql"),
    demo_data: include_str!("../../../assets/demo/voxanne.sql"),
    calls_table: Some("calls"),
};
