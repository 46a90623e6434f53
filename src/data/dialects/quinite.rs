//! Quinite Vantage: `organizations`, `call_logs` with leads and campaigns; tenancy by organization_id.

use super::{CallsSql, DialectSql, FilterSql, OnCallSql};

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT o.id::text AS id, o.name, NULL::text AS industry, NULL::text AS timezone, o.status, o.slug \
           FROM organizations o ORDER BY o.name, o.id",
    calls: CallsSql {
        select: "SELECT c.id::text AS id, c.call_timestamp AS ts, 'outbound'::text AS direction, \
                 l.phone AS phone, c.call_status AS status, c.duration AS duration, NULL::bool AS emergency, \
                 NULL::float8 AS urgency, CASE WHEN c.transferred THEN 'transferred' END AS urgency_label, \
                 cp.name AS assistant, l.name AS caller, NULL::text AS language \
                 FROM call_logs c LEFT JOIN leads l ON l.id = c.lead_id LEFT JOIN campaigns cp ON cp.id = c.campaign_id",
        org: "c.organization_id = $1::uuid",
        ts: "c.call_timestamp",
        ts_param: "$3",
        id: "c.id",
        key_cast: "uuid",
        ts_nullable: false,
        filter: FilterSql {
            status: "c.call_status",
            direction: Some("'outbound'::text"),
            agent: Some("cp.name"),
            phone: "l.phone",
            urgent: None,
            text: ["c.transcript", "c.conversation_summary"],
        },
    },
    call: "SELECT c.id::text AS id, c.call_timestamp AS ts, 'outbound'::text AS direction, \
           l.phone AS phone, c.call_status AS status, c.duration AS duration, NULL::bool AS emergency, \
           NULL::float8 AS urgency, CASE WHEN c.transferred THEN 'transferred' END AS urgency_label, \
           cp.name AS assistant, l.name AS caller, NULL::text AS language, \
           c.call_sid AS external_id, NULL::timestamptz AS updated_at, c.conversation_summary AS summary, c.transcript, \
           jsonb_build_array( \
             jsonb_build_array('Campaign', cp.name), \
             jsonb_build_array('Lead', l.name), \
             jsonb_build_array('Lead status', l.status), \
             jsonb_build_array('Transferred', c.transferred), \
             jsonb_build_array('Transferred at', c.transferred_at), \
             jsonb_build_array('Transfer reason', c.transfer_reason), \
             jsonb_build_array('Department', c.transfer_department), \
             jsonb_build_array('Recording', c.recording_url), \
             jsonb_build_array('Notes', c.notes), \
             jsonb_build_array('Plivo call id', c.call_sid)) AS facts \
           FROM call_logs c LEFT JOIN leads l ON l.id = c.lead_id LEFT JOIN campaigns cp ON cp.id = c.campaign_id \
           WHERE c.organization_id = $1::uuid AND c.id = $2::uuid",
    tenant_schema: None,
    appointments: None,
    // No contacts or notifications in this schema; transferred calls are its escalations.
    oncall: OnCallSql {
        contacts: None,
        notifications: None,
        transfers: Some(
            "SELECT c.id::text AS id, c.transferred_at AS created_at, l.name AS customer, c.transfer_reason AS reason, \
             NULL::text AS urgency, c.transfer_department AS \"to\", c.call_status AS status, c.transferred_at AS connected_at, \
             NULL::timestamptz AS completed_at, c.conversation_summary AS summary, c.id::text AS call_id \
             FROM call_logs c LEFT JOIN leads l ON l.id = c.lead_id \
             WHERE c.organization_id = $1::uuid AND c.transferred \
             ORDER BY c.transferred_at DESC NULLS LAST, c.id DESC LIMIT 200",
        ),
        urgent_calls: None,
        org: None,
        acknowledge: None,
        audit_acknowledge: None,
    },
};
