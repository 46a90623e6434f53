//! ServiceAI (Vapi): `organizations`, `call_logs`, `vapi_assistants`; tenancy by organization_id.
//! Secret columns (twilio_auth_token, *_refresh_token, calendly_api_key, byo_sip_credentials) are never named.

use super::{CallsSql, DialectSql};

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
};
