//! ServiceAI (Vapi) queries: `organizations`, `call_logs`, `vapi_assistants`, tenancy by organization_id.
//!
//! Secret columns (twilio_auth_token, *_refresh_token, calendly_api_key, byo_sip_credentials) are never
//! named here.

use sqlx::Row;
use sqlx::postgres::PgRow;

use crate::core::model::{CallDetail, CallRow, Key, Org};
use crate::core::sanitize;
use crate::data::source::CallsSql;

pub const ORGS: &str =
    "SELECT o.id, o.name, o.industry, o.timezone FROM organizations o ORDER BY o.name, o.id";

pub const CALLS: CallsSql = CallsSql {
    select: "SELECT c.id, c.created_at, c.customer_phone_number, c.call_status, c.call_duration, \
             c.emergency_detected, c.urgency_score::float8 AS urgency, c.language_detected, a.name AS assistant \
             FROM call_logs c LEFT JOIN vapi_assistants a ON a.id = c.vapi_assistant_id",
    org: "c.organization_id",
    ts: "c.created_at",
    id: "c.id",
    key_cast: "uuid",
};

pub const CALL: &str = "SELECT c.id, c.created_at, c.customer_phone_number, c.call_status, c.call_duration, \
     c.emergency_detected, c.urgency_score::float8 AS urgency, c.language_detected, a.name AS assistant, \
     c.vapi_call_id, c.updated_at, c.summary, c.transcript, \
     (SELECT string_agg(COALESCE(t->>'name', t->'function'->>'name', t #>> '{}'), ', ') \
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.tools_used) = 'array' THEN c.tools_used ELSE '[]'::jsonb END) t) AS tools \
     FROM call_logs c LEFT JOIN vapi_assistants a ON a.id = c.vapi_assistant_id \
     WHERE c.organization_id = $1::uuid AND c.id = $2::uuid";

pub fn org(row: &PgRow) -> Result<Org, sqlx::Error> {
    Ok(Org {
        key: Key::Uuid(row.try_get("id")?),
        name: sanitize::single_line(
            &row.try_get::<Option<String>, _>("name")?
                .unwrap_or_default(),
        ),
        industry: sanitize::opt(row.try_get("industry")?),
        timezone: sanitize::opt(row.try_get("timezone")?),
    })
}

pub fn call_row(row: &PgRow) -> Result<CallRow, sqlx::Error> {
    Ok(CallRow {
        key: Key::Uuid(row.try_get("id")?),
        created_at: row.try_get("created_at")?,
        direction: None,
        phone: sanitize::opt(row.try_get("customer_phone_number")?),
        status: sanitize::opt(row.try_get("call_status")?),
        duration_s: row.try_get("call_duration")?,
        emergency: row.try_get("emergency_detected")?,
        urgency: row.try_get("urgency")?,
        assistant: sanitize::opt(row.try_get("assistant")?),
        language: sanitize::opt(row.try_get("language_detected")?),
    })
}

pub fn call_detail(row: &PgRow) -> Result<CallDetail, sqlx::Error> {
    let base = call_row(row)?;
    let mut facts = Vec::new();
    if let Some(lang) = &base.language {
        facts.push(("Language".to_string(), lang.clone()));
    }
    if let Some(tools) = sanitize::opt(row.try_get("tools")?) {
        facts.push(("Tools used".to_string(), tools));
    }
    Ok(CallDetail {
        row: base,
        external_id: sanitize::opt(row.try_get("vapi_call_id")?),
        updated_at: row.try_get("updated_at")?,
        summary: row
            .try_get::<Option<String>, _>("summary")?
            .map(|s| sanitize::multi_line(&s)),
        transcript: row
            .try_get::<Option<String>, _>("transcript")?
            .map(|s| sanitize::multi_line(&s)),
        facts,
    })
}
