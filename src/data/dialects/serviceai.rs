//! ServiceAI (Vapi): `organizations`, `call_logs`, `vapi_assistants`; tenancy by organization_id.
//! Secret columns (twilio_auth_token, *_refresh_token, calendly_api_key, byo_sip_credentials) are never named.

use super::{AppointmentsSql, ApptRange, CallsSql, DialectSql, FilterSql, OnCallSql};

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT o.id::text AS id, o.name, o.industry, o.timezone, NULL::text AS status, NULL::text AS slug \
           FROM organizations o ORDER BY o.name, o.id",
    calls: CallsSql {
        select: "SELECT c.id::text AS id, c.created_at AS ts, NULL::text AS direction, \
                 c.customer_phone_number AS phone, c.call_status AS status, c.call_duration AS duration, \
                 c.emergency_detected AS emergency, c.urgency_score::float8 AS urgency, NULL::text AS urgency_label, \
                 a.name AS assistant, NULL::text AS caller, c.language_detected AS language \
                 FROM call_logs c LEFT JOIN vapi_assistants a ON a.id = c.vapi_assistant_id",
        org: "c.organization_id = $1::uuid",
        ts: "c.created_at",
        ts_param: "$3",
        id: "c.id",
        key_cast: "uuid",
        ts_nullable: true,
        filter: FilterSql {
            status: "c.call_status",
            direction: None,
            agent: Some("a.name"),
            phone: "c.customer_phone_number",
            urgent: Some("(c.emergency_detected OR c.urgency_score >= 0.7)"),
            text: ["c.transcript", "c.summary"],
        },
    },
    call: "SELECT c.id::text AS id, c.created_at AS ts, NULL::text AS direction, \
           c.customer_phone_number AS phone, c.call_status AS status, c.call_duration AS duration, \
           c.emergency_detected AS emergency, c.urgency_score::float8 AS urgency, NULL::text AS urgency_label, \
           a.name AS assistant, NULL::text AS caller, c.language_detected AS language, \
           c.vapi_call_id AS external_id, c.updated_at, c.summary, c.transcript, \
           jsonb_build_array( \
             jsonb_build_array('Language', c.language_detected), \
             jsonb_build_array('Tools used', (SELECT string_agg(COALESCE(t->>'name', t->'function'->>'name', t #>> '{}'), ', ') \
                FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.tools_used) = 'array' THEN c.tools_used ELSE '[]'::jsonb END) t)), \
             jsonb_build_array('Urgency score', c.urgency_score), \
             jsonb_build_array('Emergency detected', c.emergency_detected), \
             jsonb_build_array('Assistant', a.name), \
             jsonb_build_array('Vapi call id', c.vapi_call_id)) AS facts \
           FROM call_logs c LEFT JOIN vapi_assistants a ON a.id = c.vapi_assistant_id \
           WHERE c.organization_id = $1::uuid AND c.id = $2::uuid",
    tenant_schema: None,
    // scheduled_date + scheduled_time are the org's local wall time; the month (its counts) and the day
    // (its rows) are ranges on the scheduled_date index.
    appointments: Some(AppointmentsSql {
        range: "SELECT a.id::text AS id, NULL::timestamptz AS at, (a.scheduled_date + a.scheduled_time) AS local, \
                a.duration_minutes AS duration, a.customer_name AS customer, a.customer_phone AS phone, \
                a.appointment_type AS title, a.status, a.urgency_score::float8 AS urgency, NULL::text AS urgency_label, \
                a.emergency_detected AS emergency \
                FROM appointments a \
                WHERE a.organization_id = $1::uuid AND a.scheduled_date >= $2::date AND a.scheduled_date < $3::date \
                ORDER BY a.scheduled_date, a.scheduled_time, a.id",
        range_kind: ApptRange::LocalDate,
        // The local date is stored: the day is its distance from the range's first day.
        counts: "SELECT (a.scheduled_date - $2::date) AS day, a.status, count(*)::int8 AS n, \
                 count(*) FILTER (WHERE a.emergency_detected)::int8 AS emergency \
                 FROM appointments a \
                 WHERE a.organization_id = $1::uuid AND a.scheduled_date >= $2::date AND a.scheduled_date < $3::date \
                 AND a.scheduled_time IS NOT NULL \
                 GROUP BY 1, 2",
        one: "SELECT a.id::text AS id, NULL::timestamptz AS at, (a.scheduled_date + a.scheduled_time) AS local, \
              a.duration_minutes AS duration, a.customer_name AS customer, a.customer_phone AS phone, \
              a.appointment_type AS title, a.status, a.urgency_score::float8 AS urgency, NULL::text AS urgency_label, \
              a.emergency_detected AS emergency, c.id::text AS call_id, \
              jsonb_build_array( \
                jsonb_build_array('Service', a.service_description), \
                jsonb_build_array('Address', a.service_address), \
                jsonb_build_array('Notes', a.notes), \
                jsonb_build_array('Customer email', a.customer_email), \
                jsonb_build_array('Language', a.language_preference), \
                jsonb_build_array('Calendar', a.calendar_provider), \
                jsonb_build_array('Google event', a.google_calendar_event_id), \
                jsonb_build_array('Outlook event', a.outlook_calendar_event_id), \
                jsonb_build_array('Calendly event', a.calendly_event_id), \
                jsonb_build_array('SMS sent', a.sms_sent), \
                jsonb_build_array('Reminder sent', a.sms_reminder_sent), \
                jsonb_build_array('Urgency score', a.urgency_score), \
                jsonb_build_array('Emergency', a.emergency_detected), \
                jsonb_build_array('Booked by call', a.vapi_call_id), \
                jsonb_build_array('Created', a.created_at), \
                jsonb_build_array('Confirmed', a.confirmed_at), \
                jsonb_build_array('Cancelled', a.cancelled_at), \
                jsonb_build_array('Completed', a.completed_at)) AS facts \
              FROM appointments a \
              LEFT JOIN call_logs c ON c.vapi_call_id = a.vapi_call_id AND c.organization_id = a.organization_id \
              WHERE a.organization_id = $1::uuid AND a.id = $2::uuid",
    }),
    oncall: OnCallSql {
        contacts: Some(
            "SELECT c.id::text AS id, c.name, c.phone, c.email, c.role, c.is_primary, c.is_active, \
             c.available_days AS days, c.available_hours_start AS hours_start, c.available_hours_end AS hours_end, \
             c.priority, c.escalation_timeout AS timeout, c.call_enabled AS call, c.sms_enabled AS sms, c.email_enabled \
             FROM emergency_contacts c WHERE c.organization_id = $1::uuid ORDER BY c.priority NULLS LAST, c.id",
        ),
        notifications: Some(
            "SELECT n.id::text AS id, n.created_at, ec.name AS contact, n.notification_type AS kind, n.urgency, n.message, \
             n.status, n.sent_at, n.delivered_at, n.acknowledged_at, cl.id::text AS call_id \
             FROM emergency_notifications n LEFT JOIN emergency_contacts ec ON ec.id = n.emergency_contact_id \
             LEFT JOIN call_logs cl ON cl.vapi_call_id = n.vapi_call_id AND cl.organization_id = n.organization_id \
             WHERE n.organization_id = $1::uuid ORDER BY n.created_at DESC NULLS LAST, n.id DESC LIMIT 200",
        ),
        transfers: Some(
            "SELECT t.id::text AS id, t.created_at, t.customer_name AS customer, t.reason, t.urgency, t.transfer_to AS \"to\", \
             t.status, t.connected_at, t.completed_at, t.summary, cl.id::text AS call_id \
             FROM call_transfers t \
             LEFT JOIN call_logs cl ON cl.vapi_call_id = t.vapi_call_id AND cl.organization_id = t.organization_id \
             WHERE t.organization_id = $1::uuid ORDER BY t.created_at DESC NULLS LAST, t.id DESC LIMIT 200",
        ),
        urgent_calls: Some(
            "SELECT c.id::text AS id, c.created_at AS ts, NULL::text AS direction, \
             c.customer_phone_number AS phone, c.call_status AS status, c.call_duration AS duration, \
             c.emergency_detected AS emergency, c.urgency_score::float8 AS urgency, NULL::text AS urgency_label, \
             a.name AS assistant, NULL::text AS caller, c.language_detected AS language \
             FROM call_logs c LEFT JOIN vapi_assistants a ON a.id = c.vapi_assistant_id \
             WHERE c.organization_id = $1::uuid AND (c.emergency_detected OR c.urgency_score >= 0.7) \
             ORDER BY c.created_at DESC NULLS LAST, c.id DESC LIMIT 100",
        ),
        org: Some(
            "SELECT o.emergency_contact_phone AS fallback_phone, \
             NULLIF(concat_ws(' ', o.transfer_phone_number, '(' || o.transfer_mode || ')'), '') AS transfer_to \
             FROM organizations o WHERE o.id = $1::uuid",
        ),
        acknowledge: Some(
            "UPDATE emergency_notifications SET status = 'acknowledged', acknowledged_at = now(), updated_at = now() \
             WHERE organization_id = $1::uuid AND id = $2::uuid AND status <> 'acknowledged' RETURNING id::text",
        ),
        audit_acknowledge: None,
    },
};
