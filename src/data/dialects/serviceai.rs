//! ServiceAI (Vapi): `organizations`, `call_logs`, `vapi_assistants`; tenancy by organization_id.
//! Secret columns (twilio_auth_token, *_refresh_token, calendly_api_key, byo_sip_credentials) are never named.
//!
//! Aliases, one table each across all of this platform's templates: `o` organizations, `c` call_logs,
//! `a` vapi_assistants, `ap` appointments, `cu` customers, `s` sms_communications, `t` call_transfers,
//! `ec` emergency_contacts, `n` emergency_notifications, `m` organization_members, `p` user_profiles,
//! `inv` organization_invitations, `pn` phone_number_assignments, `bs` billing_subscriptions,
//! `bi` billing_invoices. A LEFT JOIN block names only optional columns (its join keys too), so that the
//! block is dropped exactly when its table is, and then every column of its alias reads NULL.

use super::Platform;
use super::caller::CallerSql;
use super::{AppointmentsSql, ApptRange, CallsSql, DialectSql, FilterSql, OnCallFunctionSql, OnCallSql};
use crate::core::model::Dialect;
use crate::data::indexes::{WantedIndex, asc, desc, phone};

/// The urgent calls' columns and condition, once for the rows with a time and once for those without.
macro_rules! urgent_select {
    () => {
        "SELECT {c.id}::text AS id, {c.created_at} AS ts, NULL::text AS direction, \
         {c.customer_phone_number?text} AS phone, {c.call_status?text} AS status, \
         {c.call_duration?int4} AS duration, {c.emergency_detected?bool} AS emergency, \
         {c.urgency_score?float8}::float8 AS urgency, NULL::text AS urgency_label, \
         {a.name?text} AS assistant, NULL::text AS caller, {c.language_detected?text} AS language \
         FROM {@call_logs c} [[LEFT JOIN {@vapi_assistants a} ON {a.id?uuid} = {c.vapi_assistant_id?uuid}]] \
         WHERE {c.organization_id} = $1::uuid AND ({c.emergency_detected} OR {c.urgency_score} >= 0.7) "
    };
}

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT {o.id}::text AS id, COALESCE({o.name?text}, {o.id}::text) AS name, {o.industry?text} AS industry, \
           {o.timezone?text} AS timezone, NULL::text AS status, NULL::text AS slug \
           FROM {@organizations o} ORDER BY {o.name?text}, {o.id}",
    calls: CallsSql {
        select: "SELECT {c.id}::text AS id, {c.created_at} AS ts, NULL::text AS direction, \
                 {c.customer_phone_number?text} AS phone, {c.call_status?text} AS status, \
                 {c.call_duration?int4} AS duration, {c.emergency_detected?bool} AS emergency, \
                 {c.urgency_score?float8}::float8 AS urgency, NULL::text AS urgency_label, \
                 {a.name?text} AS assistant, NULL::text AS caller, {c.language_detected?text} AS language \
                 FROM {@call_logs c} [[LEFT JOIN {@vapi_assistants a} ON {a.id?uuid} = {c.vapi_assistant_id?uuid}]]",
        org: "{c.organization_id} = $1::uuid",
        ts: "{c.created_at}",
        ts_param: "$3",
        id: "{c.id}",
        key_cast: "uuid",
        ts_nullable: true,
        filter: FilterSql {
            status: "{c.call_status}",
            direction: None,
            agent: Some("{a.name}"),
            phone: "{c.customer_phone_number}",
            urgent: Some("({c.emergency_detected} OR {c.urgency_score} >= 0.7)"),
            text: ["{c.transcript}", "{c.summary}"],
        },
    },
    call: "SELECT {c.id}::text AS id, {c.created_at?timestamptz} AS ts, NULL::text AS direction, \
           {c.customer_phone_number?text} AS phone, {c.call_status?text} AS status, \
           {c.call_duration?int4} AS duration, {c.emergency_detected?bool} AS emergency, \
           {c.urgency_score?float8}::float8 AS urgency, NULL::text AS urgency_label, \
           {a.name?text} AS assistant, NULL::text AS caller, {c.language_detected?text} AS language, \
           {c.vapi_call_id?text} AS external_id, {c.updated_at?timestamptz} AS updated_at, \
           {c.summary?text} AS summary, {c.transcript?text} AS transcript, \
           jsonb_build_array( \
             jsonb_build_array('Language', {c.language_detected?text}), \
             jsonb_build_array('Tools used', (SELECT string_agg(COALESCE(tool->>'name', \
                tool->'function'->>'name', tool #>> '{}'), ', ') \
                FROM jsonb_array_elements(CASE WHEN jsonb_typeof({c.tools_used?jsonb}) = 'array' \
                  THEN {c.tools_used?jsonb} ELSE '[]'::jsonb END) tool)), \
             jsonb_build_array('Urgency score', {c.urgency_score?numeric}), \
             jsonb_build_array('Emergency detected', {c.emergency_detected?bool}), \
             jsonb_build_array('Assistant', {a.name?text}), \
             jsonb_build_array('Vapi call id', {c.vapi_call_id?text})) AS facts \
           FROM {@call_logs c} [[LEFT JOIN {@vapi_assistants a} ON {a.id?uuid} = {c.vapi_assistant_id?uuid}]] \
           WHERE {c.organization_id} = $1::uuid AND {c.id} = $2::uuid",
    tenant_schema: None,
    // scheduled_date + scheduled_time are the org's local wall time; the month (its counts) and the day
    // (its rows) are ranges on the scheduled_date index.
    appointments: Some(AppointmentsSql {
        range: "SELECT {ap.id}::text AS id, NULL::timestamptz AS at, ({ap.scheduled_date} + {ap.scheduled_time}) AS local, \
                {ap.duration_minutes?int4} AS duration, {ap.customer_name?text} AS customer, \
                {ap.customer_phone?text} AS phone, {ap.appointment_type?text} AS title, {ap.status?text} AS status, \
                {ap.urgency_score?float8}::float8 AS urgency, NULL::text AS urgency_label, \
                {ap.emergency_detected?bool} AS emergency \
                FROM {@appointments ap} \
                WHERE {ap.organization_id} = $1::uuid AND {ap.scheduled_date} >= $2::date AND {ap.scheduled_date} < $3::date \
                ORDER BY {ap.scheduled_date}, {ap.scheduled_time}, {ap.id}",
        range_kind: ApptRange::LocalDate,
        // The local date is stored: the day is its distance from the range's first day.
        counts: "SELECT ({ap.scheduled_date} - $2::date) AS day, {ap.status?text} AS status, count(*)::int8 AS n, \
                 count(*) FILTER (WHERE {ap.emergency_detected?bool})::int8 AS emergency \
                 FROM {@appointments ap} \
                 WHERE {ap.organization_id} = $1::uuid AND {ap.scheduled_date} >= $2::date AND {ap.scheduled_date} < $3::date \
                 AND {ap.scheduled_time} IS NOT NULL \
                 GROUP BY 1, 2",
        one: "SELECT {ap.id}::text AS id, NULL::timestamptz AS at, \
              ({ap.scheduled_date?date} + {ap.scheduled_time?time}) AS local, \
              {ap.duration_minutes?int4} AS duration, {ap.customer_name?text} AS customer, \
              {ap.customer_phone?text} AS phone, {ap.appointment_type?text} AS title, {ap.status?text} AS status, \
              {ap.urgency_score?float8}::float8 AS urgency, NULL::text AS urgency_label, \
              {ap.emergency_detected?bool} AS emergency, {c.id?uuid}::text AS call_id, \
              jsonb_build_array( \
                jsonb_build_array('Service', {ap.service_description?text}), \
                jsonb_build_array('Address', {ap.service_address?text}), \
                jsonb_build_array('Notes', {ap.notes?text}), \
                jsonb_build_array('Customer email', {ap.customer_email?text}), \
                jsonb_build_array('Language', {ap.language_preference?text}), \
                jsonb_build_array('Calendar', {ap.calendar_provider?text}), \
                jsonb_build_array('Google event', {ap.google_calendar_event_id?text}), \
                jsonb_build_array('Outlook event', {ap.outlook_calendar_event_id?text}), \
                jsonb_build_array('Calendly event', {ap.calendly_event_id?text}), \
                jsonb_build_array('SMS sent', {ap.sms_sent?bool}), \
                jsonb_build_array('Reminder sent', {ap.sms_reminder_sent?bool}), \
                jsonb_build_array('Urgency score', {ap.urgency_score?numeric}), \
                jsonb_build_array('Emergency', {ap.emergency_detected?bool}), \
                jsonb_build_array('Booked by call', {ap.vapi_call_id?text}), \
                jsonb_build_array('Created', {ap.created_at?timestamptz}), \
                jsonb_build_array('Confirmed', {ap.confirmed_at?timestamptz}), \
                jsonb_build_array('Cancelled', {ap.cancelled_at?timestamptz}), \
                jsonb_build_array('Completed', {ap.completed_at?timestamptz})) AS facts \
              FROM {@appointments ap} \
              [[LEFT JOIN {@call_logs c} ON {c.vapi_call_id?text} = {ap.vapi_call_id?text} \
                AND {c.organization_id?uuid} = {ap.organization_id}]] \
              WHERE {ap.organization_id} = $1::uuid AND {ap.id} = $2::uuid",
    }),
    oncall: OnCallSql {
        contacts: Some(
            "SELECT {ec.id}::text AS id, {ec.name?text} AS name, {ec.phone?text} AS phone, {ec.email?text} AS email, \
             {ec.role?text} AS role, {ec.is_primary?bool} AS is_primary, {ec.is_active?bool} AS is_active, \
             {ec.available_days?text[]} AS days, {ec.available_hours_start?time} AS hours_start, \
             {ec.available_hours_end?time} AS hours_end, {ec.priority?int4} AS priority, \
             {ec.escalation_timeout?int4} AS timeout, {ec.call_enabled?bool} AS call, {ec.sms_enabled?bool} AS sms, \
             {ec.email_enabled?bool} AS email_enabled \
             FROM {@emergency_contacts ec} WHERE {ec.organization_id} = $1::uuid \
             ORDER BY {ec.priority?int4} NULLS LAST, {ec.id}",
        ),
        notifications: Some(
            "SELECT {n.id}::text AS id, {n.created_at} AS created_at, {ec.name?text} AS contact, \
             {n.notification_type?text} AS kind, {n.urgency?text} AS urgency, {n.message?text} AS message, \
             {n.status?text} AS status, {n.sent_at?timestamptz} AS sent_at, {n.delivered_at?timestamptz} AS delivered_at, \
             {n.acknowledged_at?timestamptz} AS acknowledged_at, {c.id?uuid}::text AS call_id, \
             {n.vapi_call_id?text} AS call_ref \
             FROM {@emergency_notifications n} \
             [[LEFT JOIN {@emergency_contacts ec} ON {ec.id?uuid} = {n.emergency_contact_id?uuid}]] \
             [[LEFT JOIN {@call_logs c} ON {c.vapi_call_id?text} = {n.vapi_call_id?text} \
               AND {c.organization_id?uuid} = {n.organization_id}]] \
             WHERE {n.organization_id} = $1::uuid ORDER BY {n.created_at} DESC NULLS LAST, {n.id} DESC LIMIT 200",
        ),
        transfers: Some(
            "SELECT {t.id}::text AS id, {t.created_at} AS created_at, {t.customer_name?text} AS customer, \
             {t.reason?text} AS reason, {t.urgency?text} AS urgency, {t.transfer_to?text} AS \"to\", \
             {t.status?text} AS status, {t.connected_at?timestamptz} AS connected_at, \
             {t.completed_at?timestamptz} AS completed_at, {t.summary?text} AS summary, {c.id?uuid}::text AS call_id, \
             {t.vapi_call_id?text} AS call_ref \
             FROM {@call_transfers t} \
             [[LEFT JOIN {@call_logs c} ON {c.vapi_call_id?text} = {t.vapi_call_id?text} \
               AND {c.organization_id?uuid} = {t.organization_id}]] \
             WHERE {t.organization_id} = $1::uuid ORDER BY {t.created_at} DESC NULLS LAST, {t.id} DESC LIMIT 200",
        ),
        // Newest first with the calls without a time last, read as the call list reads: the rows with a time
        // in an order an index on created_at serves (no sort of all of the org's urgent calls), the rows
        // without apart, then the two hundred at most put in order.
        urgent_calls: Some(concat!(
            "SELECT * FROM ((",
            urgent_select!(),
            "AND {c.created_at} IS NOT NULL ORDER BY {c.created_at} DESC, {c.id} DESC LIMIT 100) UNION ALL (",
            urgent_select!(),
            "AND {c.created_at} IS NULL ORDER BY {c.id} DESC LIMIT 100)) AS u \
             ORDER BY u.ts DESC NULLS LAST, u.id COLLATE \"C\" DESC LIMIT 100",
        )),
        org: Some(
            "SELECT {o.emergency_contact_phone?text} AS fallback_phone, \
             NULLIF(concat_ws(' ', {o.transfer_phone_number?text}, '(' || {o.transfer_mode?text} || ')'), '') AS transfer_to \
             FROM {@organizations o} WHERE {o.id} = $1::uuid",
        ),
        acknowledge: Some(
            "UPDATE {@emergency_notifications n} SET {n.status!} = 'acknowledged', {n.acknowledged_at!} = now(), \
             {n.updated_at!} = now() \
             WHERE {n.organization_id} = $1::uuid AND {n.id} = $2::uuid AND {n.status} <> 'acknowledged' \
             RETURNING {n.id}::text AS id",
        ),
        audit_acknowledge: None,
        // The seed documents `get_on_call_contact(org_id UUID, urgency TEXT) RETURNS emergency_contacts`
        // (body not given). Read through to_jsonb so that a row with fewer or other columns still answers;
        // anything but a row is named as such. `urgency` is the demo's usual 'high'.
        function: Some(OnCallFunctionSql {
            name: "get_on_call_contact",
            shown: "get_on_call_contact(org, 'high')",
            sql: "SELECT now() AS at, jsonb_typeof(s.j) AS kind, s.j->>'id' AS id, s.j->>'name' AS name, \
                  s.j->>'phone' AS phone \
                  FROM (SELECT to_jsonb(f) AS j FROM public.get_on_call_contact($1::uuid, 'high'::text) f LIMIT 1) s",
        }),
    },
};

/// The attention board: every org with its figures of the last seven days. Open emergencies (notifications
/// still pending, or whose delivery failed) are a block of their own: NULL where they cannot be read.
pub const BOARD: &str = "WITH w AS ( \
     SELECT {c.organization_id} AS org, \
       count(*) FILTER (WHERE {c.created_at} >= now() - interval '24 hours') AS calls_24h, \
       count(*) FILTER (WHERE {c.created_at} >= now() - interval '24 hours' \
         AND lower({c.call_status?text}) IN ('failed', 'error')) AS failed_24h, \
       count(*) AS calls_7d, count(*) FILTER (WHERE lower({c.call_status?text}) IN ('failed', 'error')) AS failed_7d \
     FROM {@call_logs c} WHERE {c.created_at} >= now() - interval '7 days' GROUP BY 1) \
   SELECT {o.id}::text AS id, {o.name?text} AS name, NULL::text AS status, COALESCE(w.calls_24h, 0) AS calls_24h, \
     COALESCE(w.failed_24h, 0) AS failed_24h, COALESCE(w.calls_7d, 0) AS calls_7d, COALESCE(w.failed_7d, 0) AS failed_7d, \
     [[(SELECT count(*) FROM {@emergency_notifications n} WHERE {n.organization_id} = {o.id} \
        AND {n.status} IN ('pending', 'failed')) |else| NULL::int8]] AS open_emergencies, \
     lc.t AS last_call, \
     CASE WHEN lc.t IS NOT NULL THEN true ELSE EXISTS (SELECT 1 FROM {@call_logs k} WHERE {k.organization_id} = {o.id}) END AS any_call \
   FROM {@organizations o} LEFT JOIN w ON w.org = {o.id} \
   LEFT JOIN LATERAL (SELECT {k.created_at} AS t FROM {@call_logs k} WHERE {k.organization_id} = {o.id} AND {k.created_at} IS NOT NULL \
     ORDER BY {k.created_at} DESC LIMIT 1) lc ON true ORDER BY {o.name?text}, {o.id}";

/// The org profile, as one JSON document of sections; a section the database cannot give says why.
pub const PROFILE: &str = "SELECT jsonb_build_array( \
  [[jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', {o.name?text}), jsonb_build_array('Industry', {o.industry?text}), \
    jsonb_build_array('Timezone', {o.timezone?text}), jsonb_build_array('Created', {o.created_at?timestamptz}), \
    jsonb_build_array('Updated', {o.updated_at?timestamptz}), \
    jsonb_build_array('Last call', [[(SELECT max({c.created_at}) FROM {@call_logs c} WHERE {c.organization_id} = {o.id}) \
      |else| NULL::timestamptz]]))) \
  |else| jsonb_build_object('title', 'Identity', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Name', 'Email', 'Role', 'Member since'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({p.full_name?text}, {p.email?text}, {m.role?text}, \
        {m.created_at?timestamptz}) ORDER BY {m.role?text}, {p.full_name?text}) \
      FROM {@organization_members m} [[LEFT JOIN {@user_profiles p} ON {p.id?uuid} = {m.user_id?uuid}]] \
      WHERE {m.organization_id} = {o.id}), '[]')) \
  |else| jsonb_build_object('title', 'People', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Invitations pending', 'columns', jsonb_build_array('Email', 'Role', 'Expires'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({inv.invited_email?text}, {inv.role?text}, \
        CASE WHEN {inv.expires_at?timestamptz} < now() THEN 'expired ' ELSE '' END \
          || trim(BOTH '\"' FROM to_jsonb({inv.expires_at?timestamptz})::text)) \
        ORDER BY {inv.expires_at?timestamptz} DESC NULLS LAST) \
      FROM {@organization_invitations inv} WHERE {inv.organization_id} = {o.id} AND {inv.status} = 'pending'), '[]')) \
  |else| jsonb_build_object('title', 'Invitations pending', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Assistants', 'columns', jsonb_build_array('Name', 'Language', 'Active', 'Voice', 'Tools'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({a.name?text}, {a.language?text}, {a.is_active?bool}, \
        NULLIF(concat_ws(' ', {a.voice_config?jsonb}->>'provider', \
          COALESCE({a.voice_config?jsonb}->>'voiceId', {a.voice_config?jsonb}->>'voice_id')), ''), \
        jsonb_array_length(CASE WHEN jsonb_typeof({a.tools_config?jsonb}) = 'array' THEN {a.tools_config?jsonb} \
          ELSE '[]'::jsonb END)) ORDER BY {a.name?text}) \
      FROM {@vapi_assistants a} WHERE {a.organization_id} = {o.id}), '[]')) \
  |else| jsonb_build_object('title', 'Assistants', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Phone numbers', 'columns', jsonb_build_array('Number', 'Provider', 'Answered by', 'Active'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array({pn.phone_number?text}, {pn.phone_provider?text}, {a.name?text}, \
        {pn.is_active?bool}) ORDER BY {pn.phone_number?text}) \
      FROM {@phone_number_assignments pn} [[LEFT JOIN {@vapi_assistants a} ON {a.id?uuid} = {pn.vapi_assistant_id?uuid}]] \
      WHERE {pn.organization_id} = {o.id}), '[]')) \
  |else| jsonb_build_object('title', 'Phone numbers', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Transfers', 'pairs', jsonb_build_array( \
    jsonb_build_array('Transfer number', {o.transfer_phone_number?text}), \
    jsonb_build_array('Transfer mode', {o.transfer_mode?text}), \
    jsonb_build_array('Max transfer wait (s)', {o.max_transfer_wait_time?int4}), \
    jsonb_build_array('Emergency phone', {o.emergency_contact_phone?text}))) \
  |else| jsonb_build_object('title', 'Transfers', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Integrations', 'pairs', jsonb_build_array( \
    jsonb_build_array('Phone provider', {o.phone_provider?text}), \
    jsonb_build_array('Twilio auth token', \
      [[CASE WHEN {o.twilio_auth_token} IS NOT NULL THEN 'set' ELSE 'not set' END |else| NULL::text]]), \
    jsonb_build_array('BYO SIP credentials', \
      [[CASE WHEN {o.byo_sip_credentials} IS NOT NULL THEN 'set' ELSE 'not set' END |else| NULL::text]]), \
    jsonb_build_array('Calendar provider', {o.calendar_provider?text}), \
    jsonb_build_array('Calendar sync', \
      [[CASE WHEN {o.calendar_sync_enabled} THEN 'on' ELSE 'off' END |else| NULL::text]]), \
    jsonb_build_array('Google Calendar', \
      [[CASE WHEN {o.google_refresh_token} IS NOT NULL THEN 'connected' ELSE 'not connected' END |else| NULL::text]]), \
    jsonb_build_array('Outlook', \
      [[CASE WHEN {o.outlook_refresh_token} IS NOT NULL THEN 'connected' ELSE 'not connected' END |else| NULL::text]]), \
    jsonb_build_array('Calendly API key', \
      [[CASE WHEN {o.calendly_api_key} IS NOT NULL THEN 'set' ELSE 'not set' END |else| NULL::text]]))) \
  |else| jsonb_build_object('title', 'Integrations', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Subscription', 'pairs', (SELECT jsonb_build_array( \
      jsonb_build_array('Plan', {bs.plan_name?text}), jsonb_build_array('Status', {bs.status?text}), \
      jsonb_build_array('Period ends', {bs.current_period_end?timestamptz}), \
      jsonb_build_array('Cancels at period end', {bs.cancel_at_period_end?bool})) \
    FROM {@billing_subscriptions bs} WHERE {bs.organization_id} = {o.id} \
    ORDER BY {bs.created_at} DESC NULLS LAST LIMIT 1)) \
  |else| jsonb_build_object('title', 'Subscription', 'unavailable', {reason})]], \
  [[jsonb_build_object('title', 'Invoices', 'columns', jsonb_build_array('Date', 'Amount', 'Status', 'Paid'), \
    'rows', COALESCE((SELECT jsonb_agg(x) FROM (SELECT jsonb_build_array({bi.created_at}::date, \
        to_char({bi.amount_paid?int4} / 100.0, 'FM999999990.00') || ' ' || upper(COALESCE({bi.currency?text}, '')), \
        {bi.status?text}, {bi.paid_at?timestamptz}) AS x \
      FROM {@billing_invoices bi} WHERE {bi.organization_id} = {o.id} \
      ORDER BY {bi.created_at} DESC NULLS LAST LIMIT 10) latest), '[]')) \
  |else| jsonb_build_object('title', 'Invoices', 'unavailable', {reason})]] \
) AS sections, NULL::text AS status FROM {@organizations o} WHERE {o.id} = $1::uuid";

pub const CALLER: CallerSql = CallerSql {
    country: Some(
        "SELECT {o.timezone?text} AS zone, NULL::text AS country, \
         array_remove(ARRAY[{o.transfer_phone_number?text}, {o.emergency_contact_phone?text}]::text[], NULL) \
         [[|| ARRAY(SELECT {pa.phone_number} FROM {@phone_number_assignments pa} WHERE {pa.organization_id} = {o.id} \
           ORDER BY {pa.phone_number} LIMIT 20)]] AS own, \
         [[ARRAY(SELECT x.p FROM (SELECT {c.customer_phone_number} AS p, {c.created_at} AS t FROM {@call_logs c} WHERE {c.organization_id} = {o.id} AND {c.customer_phone_number} LIKE '+%' ORDER BY {c.created_at} DESC NULLS LAST LIMIT 200) x GROUP BY x.p ORDER BY max(x.t) DESC NULLS LAST LIMIT 50) \
         |else| NULL::text[] ]] AS callers \
         FROM {@organizations o} WHERE {o.id} = $1::uuid",
    ),
    records: &["SELECT 'customer' AS kind, {cu.id}::text AS id, {cu.name?text} AS name, {cu.phone_number} AS phone, \
                jsonb_build_array( \
                  jsonb_build_array('Email', {cu.email?text}), \
                  jsonb_build_array('Language', {cu.primary_language?text}), \
                  jsonb_build_array('SMS enabled', {cu.sms_enabled?bool}), \
                  jsonb_build_array('Appointments on record', {cu.total_appointments?int4}), \
                  jsonb_build_array('Total spent', {cu.total_spent?numeric}), \
                  jsonb_build_array('Last appointment', {cu.last_appointment_date?date}), \
                  jsonb_build_array('Address', {cu.address?text}), \
                  jsonb_build_array('Notes', {cu.notes?text}), \
                  jsonb_build_array('Customer since', {cu.created_at})) AS facts \
                FROM {@customers cu} WHERE {cu.organization_id} = $1::uuid AND {cu.phone_number} = ANY($2) \
                ORDER BY {cu.created_at} DESC NULLS LAST, {cu.id} LIMIT $3"],
    events: &[
        "SELECT 'call' AS kind, {c.id}::text AS id, {c.created_at} AS at, NULL::timestamp AS local, \
         {a.name?text} AS title, {c.call_status?text} AS status, NULL::text AS direction, \
         {c.call_duration?int4} AS duration, {c.summary?text} AS detail, {c.id}::text AS call_id, \
         lower({c.call_status?text}) IN ('completed', 'transferred') AS answered \
         FROM {@call_logs c} [[LEFT JOIN {@vapi_assistants a} ON {a.id?uuid} = {c.vapi_assistant_id?uuid}]] \
         WHERE {c.organization_id} = $1::uuid AND {c.customer_phone_number} = ANY($2) \
         ORDER BY {c.created_at} DESC NULLS LAST, {c.id} DESC LIMIT $3",
        "SELECT 'appointment' AS kind, {ap.id}::text AS id, NULL::timestamptz AS at, \
         ({ap.scheduled_date} + {ap.scheduled_time?time}) AS local, {ap.appointment_type?text} AS title, \
         {ap.status?text} AS status, NULL::text AS direction, NULL::int4 AS duration, \
         {ap.service_description?text} AS detail, {c.id?uuid}::text AS call_id \
         FROM {@appointments ap} \
         [[LEFT JOIN {@call_logs c} ON {c.vapi_call_id?text} = {ap.vapi_call_id?text} \
           AND {c.organization_id?uuid} = {ap.organization_id}]] \
         WHERE {ap.organization_id} = $1::uuid AND {ap.customer_phone} = ANY($2) \
         ORDER BY {ap.scheduled_date} DESC, {ap.scheduled_time?time} DESC, {ap.id} LIMIT $3",
        "SELECT 'sms' AS kind, {s.id}::text AS id, {s.created_at} AS at, NULL::timestamp AS local, \
         concat_ws(' · ', {s.message_type?text}, {s.template_key?text}) AS title, {s.status?text} AS status, \
         {s.direction?text} AS direction, NULL::int4 AS duration, {s.message_content?text} AS detail, \
         NULL::text AS call_id \
         FROM {@sms_communications s} WHERE {s.organization_id} = $1::uuid AND {s.phone_number} = ANY($2) \
         ORDER BY {s.created_at} DESC NULLS LAST, {s.id} DESC LIMIT $3",
        "SELECT 'transfer' AS kind, {t.id}::text AS id, {t.created_at} AS at, NULL::timestamp AS local, \
         'to ' || COALESCE({t.transfer_to?text}, '?') AS title, {t.status?text} AS status, NULL::text AS direction, \
         NULL::int4 AS duration, concat_ws(' · ', {t.reason?text}, {t.urgency?text}, {t.summary?text}) AS detail, \
         {c.id}::text AS call_id \
         FROM {@call_transfers t} \
         JOIN {@call_logs c} ON {c.vapi_call_id} = {t.vapi_call_id} AND {c.organization_id} = {t.organization_id} \
         WHERE {t.organization_id} = $1::uuid AND {c.customer_phone_number} = ANY($2) \
         ORDER BY {t.created_at} DESC NULLS LAST, {t.id} DESC LIMIT $3",
        "SELECT 'notification' AS kind, {n.id}::text AS id, {n.created_at} AS at, NULL::timestamp AS local, \
         concat_ws(' ', {n.notification_type?text}, {n.urgency?text}, 'to ' || {ec.name?text}) AS title, \
         {n.status?text} AS status, NULL::text AS direction, NULL::int4 AS duration, {n.message?text} AS detail, \
         {c.id}::text AS call_id \
         FROM {@emergency_notifications n} \
         JOIN {@call_logs c} ON {c.vapi_call_id} = {n.vapi_call_id} AND {c.organization_id} = {n.organization_id} \
         [[LEFT JOIN {@emergency_contacts ec} ON {ec.id?uuid} = {n.emergency_contact_id?uuid}]] \
         WHERE {n.organization_id} = $1::uuid AND {c.customer_phone_number} = ANY($2) \
         ORDER BY {n.created_at} DESC NULLS LAST, {n.id} DESC LIMIT $3",
    ],
    // The customers' numbers are the statement; the appointments' are a block of their own.
    other_orgs: Some(
        "SELECT {o.id}::text AS id, {o.name?text} AS name, count(*) AS n FROM ( \
           SELECT {cu.organization_id} AS organization_id FROM {@customers cu} WHERE {cu.phone_number} = ANY($2) \
           [[UNION ALL SELECT {ap.organization_id} FROM {@appointments ap} WHERE {ap.customer_phone} = ANY($2)]]) x \
         JOIN {@organizations o} ON {o.id} = x.organization_id WHERE x.organization_id <> $1::uuid \
         GROUP BY {o.id}, {o.name?text} ORDER BY {o.name?text}, {o.id} LIMIT 50",
    ),
    names: Some(concat!(
        "SELECT name, phone FROM ( \
           SELECT {cu.name} AS name, {cu.phone_number} AS phone FROM {@customers cu} \
           WHERE {cu.organization_id} = $1::uuid AND ",
        folded!("{cu.name}"),
        " ILIKE $2 ESCAPE '\\' \
           [[UNION SELECT {ap.customer_name}, {ap.customer_phone} FROM {@appointments ap} \
           WHERE {ap.organization_id} = $1::uuid AND ",
        folded!("{ap.customer_name}"),
        " ILIKE $2 ESCAPE '\\']]) x \
         ORDER BY name, phone LIMIT $3"
    )),
};

/// The indexes the console's queries rely on: what `check` reports missing (`data::indexes`).
pub const INDEXES: &[WantedIndex] = &[
    WantedIndex {
        name: "sb_call_logs_org_created_id",
        table: "public.call_logs",
        eq: &[asc("organization_id")],
        order: &[desc("created_at"), desc("id")],
        per_tenant: false,
        partial_ok: false,
        serves: "call list: keyset paging of one org's calls on (created_at, id)",
        cost: "without it an org with few calls in a big table reads all its calls and sorts them on every page: \
               measured 2.34 ms vs 0.37 ms a page for a 3,000-call org among 1M calls (BENCHMARKS.md)",
    },
    WantedIndex {
        name: "sb_appointments_org_date",
        table: "public.appointments",
        eq: &[asc("organization_id")],
        order: &[asc("scheduled_date")],
        per_tenant: false,
        partial_ok: false,
        serves: "calendar: one org's appointments of a six-week grid",
        cost: "without it the grid is read through the scheduled_date index, with every org's appointments of \
               those weeks; it matters when many orgs share the table (one org of 200,000: no change, BENCHMARKS.md)",
    },
    phone(
        "sb_customers_phone",
        "public.customers",
        &[asc("phone_number")],
        "caller history: the caller's customer records",
    ),
    phone(
        "sb_appointments_phone",
        "public.appointments",
        &[asc("customer_phone")],
        "caller history: the caller's appointments",
    ),
    phone(
        "sb_call_logs_phone",
        "public.call_logs",
        &[asc("customer_phone_number")],
        "caller history: the caller's calls",
    ),
    phone("sb_sms_phone", "public.sms_communications", &[asc("phone_number")], "caller history: the caller's SMS"),
];

pub const PLATFORM: Platform = Platform {
    dialect: Dialect::ServiceAi,
    signature: &["public.organizations", "public.call_logs", "public.vapi_assistants", "public.emergency_contacts"],
    sql: SQL,
    board: Some(BOARD),
    profile: PROFILE,
    status: None,
    caller: CALLER,
    functions: &["get_on_call_contact", "get_available_time_slots"],
    rates: None,
    indexes: INDEXES,
    schema_ddl: include_str!("../../../assets/schemas/serviceai.sql"),
    demo_data: include_str!("../../../assets/demo/serviceai.sql"),
    calls_table: Some("call_logs"),
};
