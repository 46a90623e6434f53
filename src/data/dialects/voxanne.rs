//! Voxanne AI: `organizations`, `calls`; tenancy by org_id. org_credentials and stripe ids are never named.

use super::{AppointmentsSql, ApptRange, CallsSql, DialectSql, FilterSql, OnCallSql};

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT o.id::text AS id, o.name, o.plan AS industry, \
           NULLIF(o.settings->>'timezone', '') AS timezone, NULL::text AS status, NULL::text AS slug \
           FROM organizations o ORDER BY o.name, o.id",
    calls: CallsSql {
        select: "SELECT c.id::text AS id, c.created_at AS ts, c.call_direction AS direction, \
                 CASE WHEN c.call_direction = 'outbound' THEN c.to_number ELSE COALESCE(c.from_number, c.phone_number) END AS phone, \
                 c.status, c.duration_seconds AS duration, (c.sentiment_urgency = 'critical') AS emergency, \
                 NULL::float8 AS urgency, c.sentiment_urgency AS urgency_label, NULL::text AS assistant, \
                 c.caller_name AS caller, NULL::text AS language \
                 FROM calls c",
        org: "c.org_id = $1::uuid",
        ts: "c.created_at",
        ts_param: "$3",
        id: "c.id",
        key_cast: "uuid",
        ts_nullable: false,
        filter: FilterSql {
            status: "c.status",
            direction: Some("c.call_direction"),
            agent: None,
            phone: "CASE WHEN c.call_direction = 'outbound' THEN c.to_number ELSE COALESCE(c.from_number, c.phone_number) END",
            urgent: Some("c.sentiment_urgency IN ('high', 'critical')"),
            text: ["c.transcript", "c.summary"],
        },
    },
    call: "SELECT c.id::text AS id, c.created_at AS ts, c.call_direction AS direction, \
           CASE WHEN c.call_direction = 'outbound' THEN c.to_number ELSE COALESCE(c.from_number, c.phone_number) END AS phone, \
           c.status, c.duration_seconds AS duration, (c.sentiment_urgency = 'critical') AS emergency, \
           NULL::float8 AS urgency, c.sentiment_urgency AS urgency_label, NULL::text AS assistant, \
           c.caller_name AS caller, NULL::text AS language, \
           c.vapi_call_id AS external_id, c.updated_at, c.summary, c.transcript, \
           jsonb_build_array( \
             jsonb_build_array('Caller', c.caller_name), \
             jsonb_build_array('Sentiment', c.sentiment_label), \
             jsonb_build_array('Sentiment score', c.sentiment_score), \
             jsonb_build_array('Urgency', c.sentiment_urgency), \
             jsonb_build_array('Sentiment summary', c.sentiment_summary), \
             jsonb_build_array('Direction', c.call_direction), \
             jsonb_build_array('From', c.from_number), \
             jsonb_build_array('To', c.to_number), \
             jsonb_build_array('Recording', c.recording_url), \
             jsonb_build_array('Vapi call id', c.vapi_call_id)) AS facts \
           FROM calls c WHERE c.org_id = $1::uuid AND c.id = $2::uuid",
    tenant_schema: None,
    // scheduled_at is an instant: the month (its counts) and the day (its rows) are ranges on its index,
    // bounded by the org's local midnights.
    appointments: Some(AppointmentsSql {
        range: "SELECT a.id::text AS id, a.scheduled_at AS at, NULL::timestamp AS local, \
                a.duration_minutes AS duration, NULLIF(trim(concat_ws(' ', ct.first_name, ct.last_name)), '') AS customer, \
                ct.phone AS phone, a.title, a.status, NULL::float8 AS urgency, NULL::text AS urgency_label, \
                NULL::bool AS emergency \
                FROM appointments a LEFT JOIN contacts ct ON ct.id = a.contact_id \
                WHERE a.org_id = $1::uuid AND a.scheduled_at >= $2::timestamptz AND a.scheduled_at < $3::timestamptz \
                ORDER BY a.scheduled_at, a.id",
        range_kind: ApptRange::Instant,
        // The instant's local day: the bucket of the local midnights ($4) it falls in, so days and bounds are
        // the same instants, with the zone rules the console uses (no zone name is sent to the server).
        counts: "SELECT width_bucket(a.scheduled_at, $4::timestamptz[]) - 1 AS day, a.status, count(*)::int8 AS n, \
                 0::int8 AS emergency \
                 FROM appointments a \
                 WHERE a.org_id = $1::uuid AND a.scheduled_at >= $2::timestamptz AND a.scheduled_at < $3::timestamptz \
                 GROUP BY 1, 2",
        one: "SELECT a.id::text AS id, a.scheduled_at AS at, NULL::timestamp AS local, \
              a.duration_minutes AS duration, NULLIF(trim(concat_ws(' ', ct.first_name, ct.last_name)), '') AS customer, \
              ct.phone AS phone, a.title, a.status, NULL::float8 AS urgency, NULL::text AS urgency_label, \
              NULL::bool AS emergency, NULL::text AS call_id, \
              jsonb_build_array( \
                jsonb_build_array('Description', a.description), \
                jsonb_build_array('Location', a.location), \
                jsonb_build_array('Notes', a.notes), \
                jsonb_build_array('Contact email', ct.email), \
                jsonb_build_array('Lead status', ct.lead_status), \
                jsonb_build_array('Lead score', ct.lead_score), \
                jsonb_build_array('Reminder sent', a.reminder_sent_at), \
                jsonb_build_array('Created', a.created_at), \
                jsonb_build_array('Updated', a.updated_at)) AS facts \
              FROM appointments a LEFT JOIN contacts ct ON ct.id = a.contact_id \
              WHERE a.org_id = $1::uuid AND a.id = $2::uuid",
    }),
    // Escalation rules stand in for contacts (always available, by priority); hot lead alerts are the
    // notifications; critical and high-urgency calls are the urgent ones.
    oncall: OnCallSql {
        contacts: Some(
            "SELECT r.id::text AS id, r.name, r.escalate_to_phone AS phone, NULL::text AS email, \
             concat_ws(' ', r.trigger, r.threshold) AS role, NULL::bool AS is_primary, r.is_active, NULL::text[] AS days, \
             NULL::time AS hours_start, NULL::time AS hours_end, r.priority, NULL::int4 AS timeout, true AS call, \
             NULL::bool AS sms, NULL::bool AS email_enabled \
             FROM escalation_rules r WHERE r.org_id = $1::uuid ORDER BY r.priority, r.id",
        ),
        notifications: Some(
            "SELECT h.id::text AS id, h.created_at, NULLIF(trim(concat_ws(' ', ct.first_name, ct.last_name)), '') AS contact, \
             'hot lead'::text AS kind, h.urgency, h.message, h.status, NULL::timestamptz AS sent_at, \
             NULL::timestamptz AS delivered_at, h.acknowledged_at, cl.id::text AS call_id \
             FROM hot_lead_alerts h LEFT JOIN contacts ct ON ct.id = h.contact_id \
             LEFT JOIN calls cl ON cl.id = h.call_id AND cl.org_id = h.org_id \
             WHERE h.org_id = $1::uuid ORDER BY h.created_at DESC, h.id DESC LIMIT 200",
        ),
        transfers: None,
        urgent_calls: Some(
            "SELECT c.id::text AS id, c.created_at AS ts, c.call_direction AS direction, \
             CASE WHEN c.call_direction = 'outbound' THEN c.to_number ELSE COALESCE(c.from_number, c.phone_number) END AS phone, \
             c.status, c.duration_seconds AS duration, (c.sentiment_urgency = 'critical') AS emergency, \
             NULL::float8 AS urgency, c.sentiment_urgency AS urgency_label, NULL::text AS assistant, \
             c.caller_name AS caller, NULL::text AS language \
             FROM calls c WHERE c.org_id = $1::uuid AND c.sentiment_urgency IN ('high', 'critical') \
             ORDER BY c.created_at DESC, c.id DESC LIMIT 100",
        ),
        org: Some(
            "SELECT o.phone AS fallback_phone, NULL::text AS transfer_to FROM organizations o WHERE o.id = $1::uuid",
        ),
        acknowledge: Some(
            "UPDATE hot_lead_alerts SET status = 'acknowledged', acknowledged_at = now() \
             WHERE org_id = $1::uuid AND id = $2::uuid AND status <> 'acknowledged' RETURNING id::text",
        ),
        audit_acknowledge: Some(
            "INSERT INTO audit_logs (org_id, action, resource_type, resource_id, metadata) \
             VALUES ($1::uuid, 'hot_lead_alert.acknowledged', 'hot_lead_alert', $2::text, \
             jsonb_build_object('by', 'switchboard', 'db_user', current_user))",
        ),
    },
};
