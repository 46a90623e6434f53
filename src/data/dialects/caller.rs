//! Caller history: each platform's statements for one phone number in one org.
//!
//! Every statement binds `$1` the org, `$2` the spellings of the number (`text[]`, see
//! `core::caller::variants`) and `$3` a row limit, and compares stored numbers with `= ANY($2)`, so that
//! the platform's phone index serves where it has one. Standard columns:
//! - records: `kind`, `id`, `name`, `phone`, `facts` (a JSON array of `[label, value]` pairs);
//! - events: `kind` (call, appointment, sms, transfer, notification), `id`, `at` (timestamptz), `local`
//!   (timestamp: a wall time in the org's zone, for platforms that store appointments so), `title`,
//!   `status`, `direction`, `duration` (int4 seconds), `detail`, `call_id`;
//! - other orgs (`$1` the org, `$2` the spellings): `id`, `name`, `n`;
//! - names (`$1` the org, `$2` an ILIKE pattern, `$3` a limit): `name`, `phone`;
//! - country (`$1` the org, may hold `{schema}`): `zone`, `phone` (a number of the org's, whose country
//!   code is the org's), `country` (ISO alpha-2), any of them NULL.

use crate::core::model::Dialect;

/// A name column folded for matching: accented Latin letters as their plain letters, then lower case, so
/// that "garcia" finds "García" without the `unaccent` extension. `core::caller::fold_name` folds the
/// typed pattern the same way (the same two strings, `crate::fold_from!` and `crate::fold_to!`).
macro_rules! folded {
    ($col:literal) => {
        concat!("lower(translate(", $col, ", '", crate::fold_from!(), "', '", crate::fold_to!(), "'))")
    };
}

pub struct CallerSql {
    pub country: Option<&'static str>,
    pub records: &'static [&'static str],
    pub events: &'static [&'static str],
    /// Other orgs with the number on record; None where that would mean reading every tenant schema.
    pub other_orgs: Option<&'static str>,
    pub names: Option<&'static str>,
}

pub fn sql(dialect: Dialect) -> &'static CallerSql {
    match dialect {
        Dialect::ServiceAi => &SERVICEAI,
        Dialect::Voxanne => &VOXANNE,
        Dialect::Quinite => &QUINITE,
        Dialect::Prisma => &PRISMA,
        Dialect::Retell => &RETELL,
    }
}

const SERVICEAI: CallerSql = CallerSql {
    country: Some(
        "SELECT o.timezone AS zone, NULL::text AS phone, NULL::text AS country FROM organizations o WHERE o.id = $1::uuid",
    ),
    records: &["SELECT 'customer' AS kind, c.id::text AS id, c.name, c.phone_number AS phone, \
                jsonb_build_array( \
                  jsonb_build_array('Email', c.email), \
                  jsonb_build_array('Language', c.primary_language), \
                  jsonb_build_array('SMS enabled', c.sms_enabled), \
                  jsonb_build_array('Appointments on record', c.total_appointments), \
                  jsonb_build_array('Total spent', c.total_spent), \
                  jsonb_build_array('Last appointment', c.last_appointment_date), \
                  jsonb_build_array('Address', c.address), \
                  jsonb_build_array('Notes', c.notes), \
                  jsonb_build_array('Customer since', c.created_at)) AS facts \
                FROM customers c WHERE c.organization_id = $1::uuid AND c.phone_number = ANY($2) \
                ORDER BY c.created_at DESC NULLS LAST, c.id LIMIT $3"],
    events: &[
        "SELECT 'call' AS kind, c.id::text AS id, c.created_at AS at, NULL::timestamp AS local, a.name AS title, \
         c.call_status AS status, NULL::text AS direction, c.call_duration AS duration, c.summary AS detail, \
         c.id::text AS call_id \
         FROM call_logs c LEFT JOIN vapi_assistants a ON a.id = c.vapi_assistant_id \
         WHERE c.organization_id = $1::uuid AND c.customer_phone_number = ANY($2) \
         ORDER BY c.created_at DESC NULLS LAST, c.id DESC LIMIT $3",
        "SELECT 'appointment' AS kind, a.id::text AS id, NULL::timestamptz AS at, \
         (a.scheduled_date + a.scheduled_time) AS local, a.appointment_type AS title, a.status, \
         NULL::text AS direction, NULL::int4 AS duration, a.service_description AS detail, cl.id::text AS call_id \
         FROM appointments a \
         LEFT JOIN call_logs cl ON cl.vapi_call_id = a.vapi_call_id AND cl.organization_id = a.organization_id \
         WHERE a.organization_id = $1::uuid AND a.customer_phone = ANY($2) \
         ORDER BY a.scheduled_date DESC, a.scheduled_time DESC, a.id LIMIT $3",
        "SELECT 'sms' AS kind, s.id::text AS id, s.created_at AS at, NULL::timestamp AS local, \
         concat_ws(' · ', s.message_type, s.template_key) AS title, s.status, s.direction, NULL::int4 AS duration, \
         s.message_content AS detail, NULL::text AS call_id \
         FROM sms_communications s WHERE s.organization_id = $1::uuid AND s.phone_number = ANY($2) \
         ORDER BY s.created_at DESC NULLS LAST, s.id DESC LIMIT $3",
        "SELECT 'transfer' AS kind, t.id::text AS id, t.created_at AS at, NULL::timestamp AS local, \
         'to ' || COALESCE(t.transfer_to, '?') AS title, t.status, NULL::text AS direction, NULL::int4 AS duration, \
         concat_ws(' · ', t.reason, t.urgency, t.summary) AS detail, c.id::text AS call_id \
         FROM call_transfers t \
         JOIN call_logs c ON c.vapi_call_id = t.vapi_call_id AND c.organization_id = t.organization_id \
         WHERE t.organization_id = $1::uuid AND c.customer_phone_number = ANY($2) \
         ORDER BY t.created_at DESC NULLS LAST, t.id DESC LIMIT $3",
        "SELECT 'notification' AS kind, n.id::text AS id, n.created_at AS at, NULL::timestamp AS local, \
         concat_ws(' ', n.notification_type, n.urgency, 'to ' || ec.name) AS title, n.status, NULL::text AS direction, \
         NULL::int4 AS duration, n.message AS detail, c.id::text AS call_id \
         FROM emergency_notifications n \
         JOIN call_logs c ON c.vapi_call_id = n.vapi_call_id AND c.organization_id = n.organization_id \
         LEFT JOIN emergency_contacts ec ON ec.id = n.emergency_contact_id \
         WHERE n.organization_id = $1::uuid AND c.customer_phone_number = ANY($2) \
         ORDER BY n.created_at DESC NULLS LAST, n.id DESC LIMIT $3",
    ],
    other_orgs: Some(
        "SELECT o.id::text AS id, o.name, count(*) AS n FROM ( \
           SELECT organization_id FROM customers WHERE phone_number = ANY($2) \
           UNION ALL SELECT organization_id FROM appointments WHERE customer_phone = ANY($2)) x \
         JOIN organizations o ON o.id = x.organization_id WHERE x.organization_id <> $1::uuid \
         GROUP BY o.id, o.name ORDER BY o.name, o.id LIMIT 50",
    ),
    names: Some(concat!(
        "SELECT name, phone FROM ( \
           SELECT c.name, c.phone_number AS phone FROM customers c \
           WHERE c.organization_id = $1::uuid AND ",
        folded!("c.name"),
        " ILIKE $2 ESCAPE '\\' \
           UNION SELECT a.customer_name, a.customer_phone FROM appointments a \
           WHERE a.organization_id = $1::uuid AND ",
        folded!("a.customer_name"),
        " ILIKE $2 ESCAPE '\\') x \
         ORDER BY name, phone LIMIT $3"
    )),
};

/// Voxanne: the customer side of a call is `from_number` inbound and `to_number` outbound (the other side
/// is the org's own line: matching it would find every call), plus `phone_number` and the contact link.
const VOXANNE: CallerSql = CallerSql {
    country: Some(
        "SELECT NULLIF(o.settings->>'timezone', '') AS zone, o.phone, \
         (SELECT r.country_code FROM carrier_forwarding_rules r WHERE r.org_id = o.id AND r.is_active \
          ORDER BY r.created_at DESC LIMIT 1) AS country \
         FROM organizations o WHERE o.id = $1::uuid",
    ),
    records: &[
        "SELECT 'contact' AS kind, k.id::text AS id, concat_ws(' ', k.first_name, k.last_name) AS name, k.phone, \
         jsonb_build_array( \
           jsonb_build_array('Lead status', k.lead_status), \
           jsonb_build_array('Lead score', k.lead_score), \
           jsonb_build_array('Email', k.email), \
           jsonb_build_array('Last contacted', k.last_contacted_at), \
           jsonb_build_array('Notes', k.notes), \
           jsonb_build_array('Contact since', k.created_at)) AS facts \
         FROM contacts k WHERE k.org_id = $1::uuid AND k.phone = ANY($2) \
         ORDER BY k.created_at DESC, k.id LIMIT $3",
        "SELECT 'lead' AS kind, l.id::text AS id, l.name, l.phone, \
         jsonb_build_array( \
           jsonb_build_array('Status', l.status), \
           jsonb_build_array('Score', l.score), \
           jsonb_build_array('Source', l.source), \
           jsonb_build_array('Email', l.email), \
           jsonb_build_array('Notes', l.notes), \
           jsonb_build_array('Lead since', l.created_at)) AS facts \
         FROM leads l WHERE l.org_id = $1::uuid AND l.phone = ANY($2) \
         ORDER BY l.created_at DESC, l.id LIMIT $3",
    ],
    events: &[
        "SELECT 'call' AS kind, c.id::text AS id, c.created_at AS at, NULL::timestamp AS local, c.caller_name AS title, \
         c.status, c.call_direction AS direction, c.duration_seconds AS duration, \
         concat_ws(' · ', c.sentiment_label, c.sentiment_urgency, COALESCE(c.summary, c.sentiment_summary)) AS detail, \
         c.id::text AS call_id \
         FROM calls c WHERE c.org_id = $1::uuid AND ((c.call_direction = 'inbound' AND c.from_number = ANY($2)) \
           OR (c.call_direction = 'outbound' AND c.to_number = ANY($2)) OR c.phone_number = ANY($2) \
           OR c.contact_id IN (SELECT k.id FROM contacts k WHERE k.org_id = $1::uuid AND k.phone = ANY($2))) \
         ORDER BY c.created_at DESC, c.id DESC LIMIT $3",
        "SELECT 'appointment' AS kind, a.id::text AS id, a.scheduled_at AS at, NULL::timestamp AS local, a.title, \
         a.status, NULL::text AS direction, NULL::int4 AS duration, concat_ws(' · ', a.location, a.description) AS detail, \
         NULL::text AS call_id \
         FROM appointments a WHERE a.org_id = $1::uuid \
           AND a.contact_id IN (SELECT k.id FROM contacts k WHERE k.org_id = $1::uuid AND k.phone = ANY($2)) \
         ORDER BY a.scheduled_at DESC, a.id LIMIT $3",
        "SELECT 'notification' AS kind, h.id::text AS id, h.created_at AS at, NULL::timestamp AS local, \
         'hot lead · ' || h.urgency AS title, h.status, NULL::text AS direction, NULL::int4 AS duration, \
         h.message AS detail, h.call_id::text AS call_id \
         FROM hot_lead_alerts h WHERE h.org_id = $1::uuid \
           AND (h.contact_id IN (SELECT k.id FROM contacts k WHERE k.org_id = $1::uuid AND k.phone = ANY($2)) \
             OR h.call_id IN (SELECT c.id FROM calls c WHERE c.org_id = $1::uuid AND \
               ((c.call_direction = 'inbound' AND c.from_number = ANY($2)) \
               OR (c.call_direction = 'outbound' AND c.to_number = ANY($2)) OR c.phone_number = ANY($2)))) \
         ORDER BY h.created_at DESC, h.id DESC LIMIT $3",
    ],
    other_orgs: Some(
        "SELECT o.id::text AS id, o.name, count(*) AS n FROM ( \
           SELECT org_id FROM contacts WHERE phone = ANY($2) \
           UNION ALL SELECT org_id FROM leads WHERE phone = ANY($2)) x \
         JOIN organizations o ON o.id = x.org_id WHERE x.org_id <> $1::uuid \
         GROUP BY o.id, o.name ORDER BY o.name, o.id LIMIT 50",
    ),
    names: Some(concat!(
        "SELECT name, phone FROM ( \
           SELECT concat_ws(' ', k.first_name, k.last_name) AS name, k.phone FROM contacts k \
           WHERE k.org_id = $1::uuid AND ",
        folded!("concat_ws(' ', k.first_name, k.last_name)"),
        " ILIKE $2 ESCAPE '\\' \
           UNION SELECT l.name, l.phone FROM leads l WHERE l.org_id = $1::uuid AND ",
        folded!("l.name"),
        " ILIKE $2 ESCAPE '\\') x \
         ORDER BY name, phone LIMIT $3"
    )),
};

const QUINITE: CallerSql = CallerSql {
    // No country or zone on record: the country of the newest lead number written in E.164.
    country: Some(
        "SELECT NULL::text AS zone, NULL::text AS country, (SELECT l.phone FROM leads l \
         WHERE l.organization_id = $1::uuid AND l.phone LIKE '+%' ORDER BY l.created_at DESC LIMIT 1) AS phone",
    ),
    records: &["SELECT 'lead' AS kind, l.id::text AS id, l.name, l.phone, \
                jsonb_build_array( \
                  jsonb_build_array('Status', l.status), \
                  jsonb_build_array('Call status', l.call_status), \
                  jsonb_build_array('Transferred to a human', l.transferred_to_human), \
                  jsonb_build_array('Last call', l.call_date), \
                  jsonb_build_array('Source', l.source), \
                  jsonb_build_array('Project', p.name), \
                  jsonb_build_array('Email', l.email), \
                  jsonb_build_array('Notes', l.notes), \
                  jsonb_build_array('Lead since', l.created_at)) AS facts \
                FROM leads l LEFT JOIN projects p ON p.id = l.project_id \
                WHERE l.organization_id = $1::uuid AND l.phone = ANY($2) \
                ORDER BY l.created_at DESC, l.id LIMIT $3"],
    events: &[
        "SELECT 'call' AS kind, c.id::text AS id, c.call_timestamp AS at, NULL::timestamp AS local, cp.name AS title, \
         c.call_status AS status, 'outbound'::text AS direction, c.duration, c.conversation_summary AS detail, \
         c.id::text AS call_id \
         FROM call_logs c LEFT JOIN campaigns cp ON cp.id = c.campaign_id \
         WHERE c.organization_id = $1::uuid \
           AND c.lead_id IN (SELECT l.id FROM leads l WHERE l.organization_id = $1::uuid AND l.phone = ANY($2)) \
         ORDER BY c.call_timestamp DESC, c.id DESC LIMIT $3",
        "SELECT 'transfer' AS kind, c.id::text AS id, COALESCE(c.transferred_at, c.call_timestamp) AS at, \
         NULL::timestamp AS local, 'to ' || COALESCE(c.transfer_department, 'a human') AS title, \
         'transferred'::text AS status, NULL::text AS direction, NULL::int4 AS duration, c.transfer_reason AS detail, \
         c.id::text AS call_id \
         FROM call_logs c WHERE c.organization_id = $1::uuid AND c.transferred \
           AND c.lead_id IN (SELECT l.id FROM leads l WHERE l.organization_id = $1::uuid AND l.phone = ANY($2)) \
         ORDER BY 3 DESC, c.id DESC LIMIT $3",
    ],
    other_orgs: Some(
        "SELECT o.id::text AS id, o.name, count(*) AS n FROM leads l JOIN organizations o ON o.id = l.organization_id \
         WHERE l.phone = ANY($2) AND l.organization_id <> $1::uuid \
         GROUP BY o.id, o.name ORDER BY o.name, o.id LIMIT 50",
    ),
    names: Some(concat!(
        "SELECT l.name, l.phone FROM leads l WHERE l.organization_id = $1::uuid AND ",
        folded!("l.name"),
        " ILIKE $2 ESCAPE '\\' \
         GROUP BY l.name, l.phone ORDER BY l.name, l.phone LIMIT $3"
    )),
};

/// Prisma stores `TIMESTAMP(3)` in UTC.
const PRISMA: CallerSql = CallerSql {
    // The country of the newest call number written in E.164, else the owner's time zone.
    country: Some(
        "SELECT (SELECT c.\"phoneNumber\" FROM \"CallLog\" c WHERE c.\"organizationId\" = $1::text \
           AND c.\"phoneNumber\" LIKE '+%' ORDER BY c.\"timestamp\" DESC LIMIT 1) AS phone, \
         (SELECT u.\"timeZone\" FROM \"UserOrganization\" uo JOIN \"User\" u ON u.id = uo.\"userId\" \
           WHERE uo.\"organizationId\" = $1::text ORDER BY (uo.role::text = 'OWNER') DESC, u.id LIMIT 1) AS zone, \
         NULL::text AS country",
    ),
    records: &["SELECT 'recipient' AS kind, r.id, r.name, r.\"phoneNumber\" AS phone, \
                jsonb_build_array( \
                  jsonb_build_array('Campaign', cp.\"batchName\"), \
                  jsonb_build_array('Status', r.status::text), \
                  jsonb_build_array('Notes', r.notes), \
                  jsonb_build_array('Added', r.\"createdAt\" AT TIME ZONE 'UTC')) AS facts \
                FROM \"CampaignRecipient\" r JOIN \"Campaign\" cp ON cp.id = r.\"campaignId\" \
                WHERE cp.\"organizationId\" = $1::text AND r.\"phoneNumber\" = ANY($2) \
                ORDER BY r.\"createdAt\" DESC, r.id LIMIT $3"],
    events: &["SELECT 'call' AS kind, c.id, c.\"timestamp\" AT TIME ZONE 'UTC' AS at, NULL::timestamp AS local, \
               a.name AS title, lower(c.status::text) AS status, lower(c.\"callType\"::text) AS direction, \
               c.duration, NULLIF(concat_ws(' · ', c.customer, cp.\"batchName\"), '') AS detail, c.id AS call_id \
               FROM \"CallLog\" c LEFT JOIN \"Agent\" a ON a.id = c.\"agentId\" \
               LEFT JOIN \"Campaign\" cp ON cp.id = c.\"campaignId\" \
               WHERE c.\"organizationId\" = $1::text AND c.\"phoneNumber\" = ANY($2) \
               ORDER BY c.\"timestamp\" DESC, c.id DESC LIMIT $3"],
    other_orgs: Some(
        "SELECT o.id, o.name, count(*) AS n FROM ( \
           SELECT c.\"organizationId\" AS org FROM \"CallLog\" c WHERE c.\"phoneNumber\" = ANY($2) \
           UNION ALL SELECT cp.\"organizationId\" FROM \"CampaignRecipient\" r \
           JOIN \"Campaign\" cp ON cp.id = r.\"campaignId\" WHERE r.\"phoneNumber\" = ANY($2)) x \
         JOIN \"Organization\" o ON o.id = x.org WHERE x.org <> $1::text \
         GROUP BY o.id, o.name ORDER BY o.name, o.id LIMIT 50",
    ),
    names: Some(concat!(
        "SELECT name, phone FROM ( \
           SELECT c.customer AS name, c.\"phoneNumber\" AS phone FROM \"CallLog\" c \
           WHERE c.\"organizationId\" = $1::text AND ",
        folded!("c.customer"),
        " ILIKE $2 ESCAPE '\\' \
           UNION SELECT r.name, r.\"phoneNumber\" FROM \"CampaignRecipient\" r \
           JOIN \"Campaign\" cp ON cp.id = r.\"campaignId\" \
           WHERE cp.\"organizationId\" = $1::text AND ",
        folded!("r.name"),
        " ILIKE $2 ESCAPE '\\') x \
         ORDER BY name, phone LIMIT $3"
    )),
};

/// Retell keeps each org's calls in its own schema (`{schema}`); the customer side of a call is
/// `to_e164` outbound and `from_e164` otherwise.
const RETELL: CallerSql = CallerSql {
    // The country of the newest caller number in the org's schema.
    country: Some(
        "SELECT NULL::text AS zone, NULL::text AS country, (SELECT c.from_e164 FROM {schema}.calls c \
         WHERE $1::uuid IS NOT NULL AND c.from_e164 LIKE '+%' ORDER BY c.created_at DESC NULLS LAST LIMIT 1) AS phone",
    ),
    records: &[],
    events: &["SELECT 'call' AS kind, c.id::text AS id, c.created_at AS at, NULL::timestamp AS local, \
               c.agent_id AS title, c.status, c.direction, c.duration_seconds AS duration, \
               NULLIF(concat_ws(' · ', c.outcome, c.end_reason, c.detailed_summary), '') AS detail, \
               c.id::text AS call_id \
               FROM {schema}.calls c WHERE $1::uuid IS NOT NULL \
                 AND ((c.direction = 'outbound' AND c.to_e164 = ANY($2)) \
                   OR (c.direction IS DISTINCT FROM 'outbound' AND c.from_e164 = ANY($2))) \
               ORDER BY c.created_at DESC NULLS LAST, c.id DESC LIMIT $3"],
    other_orgs: None,
    names: None,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_statement_binds_the_org_and_the_spellings() {
        for d in Dialect::ALL {
            let s = sql(*d);
            for q in s.records.iter().chain(s.events.iter()) {
                assert!(q.contains("$1") && q.contains("ANY($2)") && q.contains("LIMIT $3"), "{d:?}: {q}");
            }
            if let Some(q) = s.other_orgs {
                assert!(q.contains("$1") && q.contains("ANY($2)"), "{d:?}");
            }
        }
    }
}
