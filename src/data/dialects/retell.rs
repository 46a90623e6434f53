//! Retell Metrics: `system.organizations`, and one schema per organization (`schema_name`) holding
//! `calls` and `call_rollups`. The schema name comes from data: it is only ever used quoted.
//! `retell_api_key` is never named; the raw payload is shown without a web call's `access_token` (top level
//! or under `call`).

use super::{CallsSql, DialectSql, FilterSql, OnCallSql};

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT o.id::text AS id, o.name, NULL::text AS industry, NULL::text AS timezone, o.status, o.slug \
           FROM system.organizations o ORDER BY o.name, o.id",
    calls: CallsSql {
        select: "SELECT c.id::text AS id, c.created_at AS ts, c.direction, \
                 CASE WHEN c.direction = 'outbound' THEN c.to_e164 ELSE c.from_e164 END AS phone, \
                 c.status, c.duration_seconds AS duration, NULL::bool AS emergency, NULL::float8 AS urgency, \
                 NULL::text AS urgency_label, c.agent_id AS assistant, NULL::text AS caller, NULL::text AS language \
                 FROM {schema}.calls c",
        // Every row of the org's schema is the org's: organization_id may be NULL in migrated rows.
        org: "$1::uuid IS NOT NULL",
        ts: "c.created_at",
        ts_param: "$3",
        id: "c.id",
        key_cast: "uuid",
        ts_nullable: true,
        filter: FilterSql {
            status: "c.status",
            direction: Some("c.direction"),
            agent: Some("c.agent_id"),
            phone: "CASE WHEN c.direction = 'outbound' THEN c.to_e164 ELSE c.from_e164 END",
            urgent: None,
            text: ["c.transcript", "c.detailed_summary"],
        },
    },
    call: "SELECT c.id::text AS id, c.created_at AS ts, c.direction, \
           CASE WHEN c.direction = 'outbound' THEN c.to_e164 ELSE c.from_e164 END AS phone, \
           c.status, c.duration_seconds AS duration, NULL::bool AS emergency, NULL::float8 AS urgency, \
           NULL::text AS urgency_label, c.agent_id AS assistant, NULL::text AS caller, NULL::text AS language, \
           c.external_call_id AS external_id, c.updated_at, c.detailed_summary AS summary, c.transcript, \
           jsonb_build_array( \
             jsonb_build_array('End reason', c.end_reason), \
             jsonb_build_array('Outcome', c.outcome), \
             jsonb_build_array('Billed minutes', c.billed_minutes), \
             jsonb_build_array('Direction', c.direction), \
             jsonb_build_array('From', c.from_e164), \
             jsonb_build_array('To', c.to_e164), \
             jsonb_build_array('Started', c.started_at), \
             jsonb_build_array('Connected', c.connected_at), \
             jsonb_build_array('Ended', c.ended_at), \
             jsonb_build_array('Agent', c.agent_id), \
             jsonb_build_array('Retell call id', c.external_call_id), \
             jsonb_build_array('Raw', left(jsonb_pretty(CASE WHEN jsonb_typeof(c.raw) <> 'object' THEN c.raw \
               WHEN jsonb_typeof(c.raw->'call') = 'object' \
               THEN (c.raw - 'access_token') || jsonb_build_object('call', (c.raw->'call') - 'access_token') \
               ELSE c.raw - 'access_token' END), 20000))) AS facts \
           FROM {schema}.calls c WHERE $1::uuid IS NOT NULL AND c.id = $2::uuid",
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
    },
};
