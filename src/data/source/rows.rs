//! Row mapping: the standard columns of each kind of answer into the core's types, sanitized.

use super::*;

pub(super) fn text(row: &PgRow, col: &str) -> std::result::Result<Option<String>, sqlx::Error> {
    Ok(row.try_get::<Option<String>, _>(col)?.map(|s| sanitize::single_line(&s)))
}

pub(super) fn org_row(row: &PgRow) -> std::result::Result<Org, sqlx::Error> {
    Ok(Org {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        name: text(row, "name")?.unwrap_or_default(),
        industry: text(row, "industry")?,
        status: text(row, "status")?,
        slug: text(row, "slug")?,
        timezone: text(row, "timezone")?,
    })
}

pub(super) fn call_row(row: &PgRow) -> std::result::Result<CallRow, sqlx::Error> {
    Ok(CallRow {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        created_at: row.try_get::<Option<DateTime<Utc>>, _>("ts")?,
        direction: text(row, "direction")?,
        phone: text(row, "phone")?,
        status: text(row, "status")?,
        duration_s: row.try_get("duration")?,
        emergency: row.try_get("emergency")?,
        urgency: row.try_get("urgency")?,
        urgency_label: text(row, "urgency_label")?,
        assistant: text(row, "assistant")?,
        caller: text(row, "caller")?,
        language: text(row, "language")?,
    })
}

/// `[label, value]` pairs; NULL values are left out, others shown as text (multi-line JSON kept).
pub(super) fn facts(v: Option<serde_json::Value>) -> Vec<(String, String)> {
    let Some(serde_json::Value::Array(items)) = v else { return Vec::new() };
    items
        .into_iter()
        .filter_map(|pair| {
            let serde_json::Value::Array(mut kv) = pair else { return None };
            if kv.len() != 2 {
                return None;
            }
            let value = kv.pop()?;
            let label = kv.pop()?.as_str()?.to_string();
            let shown = match value {
                serde_json::Value::Null => return None,
                serde_json::Value::String(s) if s.trim().is_empty() => return None,
                serde_json::Value::String(s) => sanitize::multi_line(&s),
                serde_json::Value::Bool(b) => (if b { "yes" } else { "no" }).to_string(),
                other => sanitize::multi_line(&other.to_string()),
            };
            Some((sanitize::single_line(&label), shown))
        })
        .collect()
}

pub(super) fn appointment_row(row: &PgRow) -> std::result::Result<Appointment, sqlx::Error> {
    Ok(Appointment {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        at: row.try_get("at")?,
        local: row.try_get("local")?,
        duration_min: row.try_get("duration")?,
        customer: text(row, "customer")?,
        phone: text(row, "phone")?,
        title: text(row, "title")?,
        status: text(row, "status")?,
        urgency: row.try_get("urgency")?,
        urgency_label: text(row, "urgency_label")?,
        emergency: row.try_get("emergency")?,
    })
}

pub(super) fn opt_key(row: &PgRow, col: &str) -> std::result::Result<Option<Key>, sqlx::Error> {
    Ok(row.try_get::<Option<String>, _>(col)?.map(|s| Key::parse(&s)))
}

pub(super) fn contact_row(row: &PgRow) -> std::result::Result<Contact, sqlx::Error> {
    Ok(Contact {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        name: text(row, "name")?.unwrap_or_default(),
        phone: text(row, "phone")?,
        email: text(row, "email")?,
        role: text(row, "role")?,
        is_primary: row.try_get("is_primary")?,
        is_active: row.try_get("is_active")?,
        days: row
            .try_get::<Option<Vec<Option<String>>>, _>("days")?
            .map(|v| v.into_iter().flatten().map(|d| sanitize::single_line(&d)).collect()),
        hours_start: row.try_get("hours_start")?,
        hours_end: row.try_get("hours_end")?,
        priority: row.try_get("priority")?,
        escalation_timeout_s: row.try_get("timeout")?,
        call: row.try_get("call")?,
        sms: row.try_get("sms")?,
        email_enabled: row.try_get("email_enabled")?,
    })
}

pub(super) fn notification_row(row: &PgRow) -> std::result::Result<Notification, sqlx::Error> {
    Ok(Notification {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        created_at: row.try_get("created_at")?,
        contact: text(row, "contact")?,
        kind: text(row, "kind")?,
        urgency: text(row, "urgency")?,
        message: row.try_get::<Option<String>, _>("message")?.map(|s| sanitize::multi_line(&s)),
        status: text(row, "status")?,
        sent_at: row.try_get("sent_at")?,
        delivered_at: row.try_get("delivered_at")?,
        acknowledged_at: row.try_get("acknowledged_at")?,
        call: opt_key(row, "call_id")?,
        call_ref: call_ref(row),
    })
}

/// The call id a row names, where its statement reads one (`call_ref`): only kept when no call has it.
fn call_ref(row: &PgRow) -> Option<String> {
    let linked = row.try_get::<Option<String>, _>("call_id").ok().flatten().is_some();
    if linked { None } else { row.try_get::<Option<String>, _>("call_ref").ok().flatten() }
}

pub(super) fn transfer_row(row: &PgRow) -> std::result::Result<Transfer, sqlx::Error> {
    Ok(Transfer {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        created_at: row.try_get("created_at")?,
        customer: text(row, "customer")?,
        reason: text(row, "reason")?,
        urgency: text(row, "urgency")?,
        to: text(row, "to")?,
        status: text(row, "status")?,
        connected_at: row.try_get("connected_at")?,
        completed_at: row.try_get("completed_at")?,
        summary: row.try_get::<Option<String>, _>("summary")?.map(|s| sanitize::multi_line(&s)),
        call: opt_key(row, "call_id")?,
        call_ref: call_ref(row),
    })
}

/// A JSON value as shown: text sanitized, NULL as a dash, booleans as yes/no.
pub(super) fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "—".to_string(),
        serde_json::Value::String(s) if s.trim().is_empty() => "—".to_string(),
        serde_json::Value::String(s) => sanitize::single_line(s),
        serde_json::Value::Bool(b) => (if *b { "yes" } else { "no" }).to_string(),
        serde_json::Value::Number(n) => number(n),
        other => sanitize::single_line(&other.to_string()),
    }
}

/// A number as read: whole numbers as they are, others with at most two decimals (four below 1, so that a
/// per-minute rate like 0.0045 stays), trailing zeros dropped: a float's noise (330.33333333333337 billed
/// minutes) is not data.
fn number(n: &serde_json::Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    match n.as_f64() {
        Some(f) if f.is_finite() => {
            let s = if f.abs() >= 1.0 { format!("{f:.2}") } else { format!("{f:.4}") };
            let s = s.trim_end_matches('0').trim_end_matches('.');
            if s == "-0" { "0".to_string() } else { s.to_string() }
        }
        _ => n.to_string(),
    }
}

pub(super) fn profile_sections(v: serde_json::Value) -> Vec<ProfileSection> {
    let serde_json::Value::Array(items) = v else { return Vec::new() };
    items
        .into_iter()
        .map(|sec| {
            let title = sec.get("title").map(shown).unwrap_or_default();
            let list = |k: &str| sec.get(k).and_then(|x| x.as_array()).cloned().unwrap_or_default();
            let pairs = list("pairs").iter().filter_map(|p| Some((shown(p.get(0)?), shown(p.get(1)?)))).collect();
            let columns = list("columns").iter().map(shown).collect();
            let rows = list("rows")
                .iter()
                .map(|r| r.as_array().map(|c| c.iter().map(shown).collect()).unwrap_or_default())
                .collect();
            let unavailable = sec.get("unavailable").and_then(|u| u.as_str()).map(sanitize::single_line);
            ProfileSection { title, pairs, columns, rows, unavailable }
        })
        .collect()
}

pub(super) fn call_detail(row: &PgRow) -> std::result::Result<CallDetail, sqlx::Error> {
    Ok(CallDetail {
        row: call_row(row)?,
        external_id: text(row, "external_id")?,
        updated_at: row.try_get("updated_at")?,
        summary: row.try_get::<Option<String>, _>("summary")?.map(|s| sanitize::multi_line(&s)),
        transcript: row.try_get::<Option<String>, _>("transcript")?.map(|s| sanitize::multi_line(&s)),
        facts: facts(row.try_get("facts")?),
        not_recorded: Vec::new(),
    })
}
