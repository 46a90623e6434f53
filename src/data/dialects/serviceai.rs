//! ServiceAI (Vapi): `organizations`, `call_logs`, `vapi_assistants`; tenancy by organization_id.
//! Secret columns (twilio_auth_token, *_refresh_token, calendly_api_key, byo_sip_credentials) are never named.

use super::{AppointmentsSql, ApptRange, CallsSql, DialectSql};

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT o.id::text AS id, o.name, o.industry, o.timezone, NULL::text AS status \
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
    // scheduled_date + scheduled_time are the org's local wall time; the month is a range on the
    // scheduled_date index.
    appointments: Some(AppointmentsSql {
        range: "SELECT a.id::text AS id, NULL::timestamptz AS at, (a.scheduled_date + a.scheduled_time) AS local, \
                a.duration_minutes AS duration, a.customer_name AS customer, a.customer_phone AS phone, \
                a.appointment_type AS title, a.status, a.urgency_score::float8 AS urgency, NULL::text AS urgency_label, \
                a.emergency_detected AS emergency \
                FROM appointments a \
                WHERE a.organization_id = $1::uuid AND a.scheduled_date >= $2::date AND a.scheduled_date < $3::date \
                ORDER BY a.scheduled_date, a.scheduled_time, a.id",
        range_kind: ApptRange::LocalDate,
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
};
