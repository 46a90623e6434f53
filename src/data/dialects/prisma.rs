//! The Prisma platform: quoted PascalCase tables, camelCase columns, CUID text ids, enums, and
//! `TIMESTAMP(3)` without time zone holding UTC. "User".password, "twoFactorSecret" and "ApiKey".key are
//! never named.

use super::{CallsSql, DialectSql, FilterSql, OnCallSql};

pub const SQL: DialectSql = DialectSql {
    orgs: "SELECT o.id AS id, o.name, o.plan::text AS industry, NULL::text AS timezone, NULL::text AS status, o.slug \
           FROM \"Organization\" o ORDER BY o.name, o.id",
    calls: CallsSql {
        select: "SELECT c.id AS id, c.\"timestamp\" AT TIME ZONE 'UTC' AS ts, lower(c.\"callType\"::text) AS direction, \
                 c.\"phoneNumber\" AS phone, lower(c.status::text) AS status, c.duration AS duration, \
                 NULL::bool AS emergency, NULL::float8 AS urgency, NULL::text AS urgency_label, \
                 a.name AS assistant, c.customer AS caller, NULL::text AS language \
                 FROM \"CallLog\" c LEFT JOIN \"Agent\" a ON a.id = c.\"agentId\"",
        org: "c.\"organizationId\" = $1::text",
        ts: "c.\"timestamp\"",
        ts_param: "($3 AT TIME ZONE 'UTC')",
        id: "c.id",
        key_cast: "text",
        ts_nullable: false,
        filter: FilterSql {
            status: "lower(c.status::text)",
            direction: Some("lower(c.\"callType\"::text)"),
            agent: Some("a.name"),
            phone: "c.\"phoneNumber\"",
            urgent: None,
            text: ["c.transcript", "c.metadata->>'summary'"],
        },
    },
    call: "SELECT c.id AS id, c.\"timestamp\" AT TIME ZONE 'UTC' AS ts, lower(c.\"callType\"::text) AS direction, \
           c.\"phoneNumber\" AS phone, lower(c.status::text) AS status, c.duration AS duration, \
           NULL::bool AS emergency, NULL::float8 AS urgency, NULL::text AS urgency_label, \
           a.name AS assistant, c.customer AS caller, NULL::text AS language, \
           c.\"callId\" AS external_id, c.\"updatedAt\" AT TIME ZONE 'UTC' AS updated_at, \
           c.metadata->>'summary' AS summary, c.transcript, \
           jsonb_build_array( \
             jsonb_build_array('Call type', c.\"callType\"), \
             jsonb_build_array('Customer', c.customer), \
             jsonb_build_array('Agent', a.name), \
             jsonb_build_array('Campaign', cp.\"batchName\"), \
             jsonb_build_array('Recording', c.\"recordingUrl\"), \
             jsonb_build_array('Call id', c.\"callId\"), \
             jsonb_build_array('Metadata', left(jsonb_pretty(c.metadata), 20000))) AS facts \
           FROM \"CallLog\" c LEFT JOIN \"Agent\" a ON a.id = c.\"agentId\" \
           LEFT JOIN \"Campaign\" cp ON cp.id = c.\"campaignId\" \
           WHERE c.\"organizationId\" = $1::text AND c.id = $2::text",
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
    },
};
