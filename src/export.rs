//! Headless mode: the console's queries printed as JSON or CSV, for scripts and cron.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::core::calendar::Appointment;
use crate::core::model::{CallRow, Cursor, DbInfo, Key, Org, Page};
use crate::core::names::NameMark;
use crate::core::time::OrgZone;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

/// Finds an org as [`crate::core::model::find_org`] does (id, slug, exact name, a unique id prefix, then a
/// name fragment only one org has); where row security may be hiding it, says so (and the error is then a
/// refusal, not bad input).
pub fn resolve_org<'a>(orgs: &'a [Org], query: &str, info: &DbInfo) -> Result<&'a Org, (String, bool)> {
    crate::core::model::find_visible_org(orgs, query, info).map_err(|(e, refused)| (e.message, refused))
}

/// How an org's name could be taken for another's (`core::names`), as exports add it after their own
/// fields: `name_flags` (`mixed-script; look-alike; duplicate; whitespace`, null when none) and `name_key`
/// (the shortest unique id prefix, where names collide).
pub fn name_fields(marks: &HashMap<Key, NameMark>, key: &Key) -> (Option<String>, Option<String>) {
    match marks.get(key) {
        Some(m) => ((m.flags.any()).then(|| m.flags.labels().join("; ")), m.key.clone()),
        None => (None, None),
    }
}

/// An org as `export orgs` prints it: its fields, then [`name_fields`].
#[derive(Debug, Serialize)]
pub struct OrgOut<'a> {
    #[serde(flatten)]
    pub org: &'a Org,
    pub name_flags: Option<String>,
    pub name_key: Option<String>,
}

/// `export orgs`: every org, with its name's flags.
pub fn orgs(orgs: &[Org], format: Format) -> Result<String, String> {
    let marks = crate::core::names::marks(orgs);
    let rows: Vec<OrgOut> = orgs
        .iter()
        .map(|org| {
            let (name_flags, name_key) = name_fields(&marks, &org.key);
            OrgOut { org, name_flags, name_key }
        })
        .collect();
    render(&rows, format)
}

/// One appointment as exported: local date and time in the org's zone, and the instant in UTC.
#[derive(Debug, Serialize)]
pub struct AppointmentOut {
    pub id: String,
    pub date: Option<String>,
    pub time: Option<String>,
    pub zone: String,
    pub starts_at_utc: Option<String>,
    pub duration_min: Option<i32>,
    pub customer: Option<String>,
    pub phone: Option<String>,
    #[serde(rename = "type")]
    pub title: Option<String>,
    pub status: Option<String>,
    pub urgency: Option<f64>,
    pub urgency_label: Option<String>,
    pub emergency: Option<bool>,
}

pub fn appointment_out(a: &Appointment, zone: &OrgZone) -> AppointmentOut {
    let local = a.local_in(zone);
    AppointmentOut {
        id: a.key.to_string(),
        date: local.map(|l| l.format("%Y-%m-%d").to_string()),
        time: local.map(|l| l.format("%H:%M").to_string()),
        zone: zone.tz.name().to_string(),
        starts_at_utc: a.instant_in(zone).map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        duration_min: a.duration_min,
        customer: a.customer.clone(),
        phone: a.phone.clone(),
        title: a.title.clone(),
        status: a.status.clone(),
        urgency: a.urgency,
        urgency_label: a.urgency_label.clone(),
        emergency: a.emergency,
    }
}

/// A cell as a spreadsheet may read it: text that it would run as a formula (`=`, `+`, `-`, `@` first, and not
/// a number) gets a leading `'`.
fn defused(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() { format!("'{s}").into() } else { s.into() }
}

/// Rows of CSV under a header (RFC 4180 quoting, `\n` line ends), each field defused.
fn csv_table<R: IntoIterator<Item = String>>(
    header: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> Result<String, String> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        w.write_record(row.into_iter().map(|c| defused(&c).into_owned())).map_err(|e| e.to_string())?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// Serializable rows as CSV (header from the field names) or pretty JSON.
pub fn render<T: Serialize>(rows: &[T], format: Format) -> Result<String, String> {
    match format {
        Format::Json => serde_json::to_string_pretty(rows).map_err(|e| e.to_string()),
        Format::Csv => {
            let values: Vec<serde_json::Value> =
                rows.iter().map(serde_json::to_value).collect::<Result<_, _>>().map_err(|e| e.to_string())?;
            let header: Vec<String> = match values.first() {
                Some(serde_json::Value::Object(m)) => m.keys().cloned().collect(),
                _ => Vec::new(),
            };
            let names: Vec<&str> = header.iter().map(String::as_str).collect();
            csv_table(&names, values.iter().map(|v| header.iter().map(|h| v.get(h).map(cell).unwrap_or_default())))
        }
    }
}

/// A JSON scalar as a CSV cell: strings bare, null empty, numbers and booleans as JSON writes them.
fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Flattens one value into `(key, value)` rows: an object's fields by dotted name, a list of `[name, value]`
/// pairs by name (`by_status`: `completed`), any other list by position.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    let join = |k: &str| if prefix.is_empty() { k.to_string() } else { format!("{prefix}.{k}") };
    match v {
        serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| flatten(&join(k), v, out)),
        serde_json::Value::Array(items) => {
            let pair = |x: &serde_json::Value| match x.as_array().map(Vec::as_slice) {
                Some([serde_json::Value::String(name), value]) => Some((name.clone(), value.clone())),
                _ => None,
            };
            if !items.is_empty() && items.iter().all(|x| pair(x).is_some()) {
                items.iter().filter_map(pair).for_each(|(name, value)| flatten(&join(&name), &value, out));
            } else {
                items.iter().enumerate().for_each(|(i, x)| flatten(&join(&i.to_string()), x, out));
            }
        }
        scalar => out.push((prefix.to_string(), cell(scalar))),
    }
}

/// An org's overview: pretty JSON, or CSV with one figure per row (`section,key,value`: `total,,58`,
/// `by_status,completed,40`, `per_day,2026-11-03,9`).
pub fn overview<T: Serialize>(o: &T, format: Format) -> Result<String, String> {
    let v = serde_json::to_value(o).map_err(|e| e.to_string())?;
    match format {
        Format::Json => serde_json::to_string_pretty(&v).map_err(|e| e.to_string()),
        Format::Csv => {
            let mut rows = Vec::new();
            if let serde_json::Value::Object(m) = &v {
                for (section, value) in m {
                    let mut flat = Vec::new();
                    flatten("", value, &mut flat);
                    rows.extend(flat.into_iter().map(|(k, v)| vec![section.clone(), k, v]));
                }
            }
            csv_table(&["section", "key", "value"], rows)
        }
    }
}

/// An org's profile: JSON as given, or CSV with one value per row (`section,row,field,value`): a section's
/// facts with an empty row, its table one row per cell numbered from 1, a section the database would not
/// show as its `unavailable` reason.
pub fn profile(
    json: &serde_json::Value,
    sections: &[crate::core::profile::ProfileSection],
    format: Format,
) -> Result<String, String> {
    match format {
        Format::Json => serde_json::to_string_pretty(json).map_err(|e| e.to_string()),
        Format::Csv => {
            let mut rows = Vec::new();
            for s in sections {
                let t = || s.title.clone();
                if let Some(why) = &s.unavailable {
                    rows.push(vec![t(), String::new(), "unavailable".to_string(), why.clone()]);
                }
                rows.extend(s.pairs.iter().map(|(k, v)| vec![t(), String::new(), k.clone(), v.clone()]));
                for (i, row) in s.rows.iter().enumerate() {
                    for (j, value) in row.iter().enumerate() {
                        let field = s.columns.get(j).cloned().unwrap_or_else(|| format!("column {}", j + 1));
                        rows.push(vec![t(), (i + 1).to_string(), field, value.clone()]);
                    }
                }
            }
            csv_table(&["section", "row", "field", "value"], rows)
        }
    }
}

/// One call: JSON with everything, or CSV of its transcript alone, one speaker turn per row (`turn,speaker,text`).
pub fn call<T: Serialize>(call: &T, turns: &[crate::core::transcript::Turn], format: Format) -> Result<String, String> {
    match format {
        Format::Json => {
            serde_json::to_string_pretty(&crate::core::transcript::call_json(call, turns)).map_err(|e| e.to_string())
        }
        Format::Csv => csv_table(
            &["turn", "speaker", "text"],
            turns.iter().enumerate().map(|(i, t)| vec![(i + 1).to_string(), t.label.clone(), t.text.clone()]),
        ),
    }
}

/// A cursor as printed: `<RFC 3339 time or "null">,<id>`.
pub fn format_cursor(c: &Cursor) -> String {
    let t =
        c.created_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)).unwrap_or_else(|| "null".into());
    format!("{t},{}", c.key)
}

pub fn parse_cursor(s: &str) -> Result<Cursor, String> {
    let bad = || format!("bad --cursor {s:?}: expected the next_cursor printed by the previous page");
    let (t, id) = s.trim().split_once(',').ok_or_else(bad)?;
    let created_at = match t {
        "null" => None,
        t => Some(chrono::DateTime::parse_from_rfc3339(t).map_err(|_| bad())?.with_timezone(&chrono::Utc)),
    };
    if id.is_empty() {
        return Err(bad());
    }
    Ok(Cursor { created_at, key: Key::parse(id) })
}

#[derive(Debug, Serialize)]
struct CallOut<'a> {
    id: String,
    time_utc: Option<String>,
    time_local: Option<String>,
    #[serde(flatten)]
    row: &'a CallRow,
}

/// The cursor of the page after this one, as printed (`--cursor` takes it back); None on the last page.
pub fn next_cursor(page: &Page) -> Option<String> {
    if page.has_after { page.rows.last().map(|r| format_cursor(&r.cursor())) } else { None }
}

/// A page of calls: JSON `{calls, next_cursor}`, or CSV rows (which have no room for the next cursor: the
/// command line says it on stderr, see [`next_cursor`]). Pure: it prints nothing, so the console can save it.
pub fn calls_page(page: &Page, zone: &OrgZone, format: Format) -> Result<String, String> {
    let rows: Vec<CallOut> = page
        .rows
        .iter()
        .map(|r| CallOut {
            id: r.key.to_string(),
            time_utc: r.created_at.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            time_local: r.created_at.map(|t| zone.format(t, "%Y-%m-%d %H:%M:%S")),
            row: r,
        })
        .collect();
    match format {
        Format::Json => {
            serde_json::to_string_pretty(&serde_json::json!({ "calls": rows, "next_cursor": next_cursor(page) }))
                .map_err(|e| e.to_string())
        }
        Format::Csv => render(&rows, Format::Csv),
    }
}

/// One timeline row of a caller as exported: the instant in UTC and the wall time in the org's zone.
#[derive(Debug, Serialize)]
pub struct CallerEventOut<'a> {
    pub kind: crate::core::caller::EventKind,
    pub id: String,
    pub at_utc: Option<String>,
    pub at_local: Option<String>,
    pub title: Option<&'a str>,
    pub status: Option<&'a str>,
    pub direction: Option<&'a str>,
    pub duration_s: Option<i32>,
    pub answered: Option<bool>,
    pub detail: Option<&'a str>,
    pub call_id: Option<String>,
}

/// A caller's history: JSON with the number understood, the counts, the records, the timeline (newest
/// first), other orgs and notes; CSV is the timeline alone.
pub fn caller(
    h: &crate::core::caller::CallerHistory,
    zone: &OrgZone,
    now: chrono::DateTime<chrono::Utc>,
    format: Format,
) -> Result<String, String> {
    use crate::core::caller::EventKind;
    let timeline: Vec<CallerEventOut> = h
        .events
        .iter()
        .map(|e| CallerEventOut {
            kind: e.kind,
            id: e.key.to_string(),
            at_utc: e.at.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            at_local: e.at.map(|t| zone.format(t, "%Y-%m-%d %H:%M")),
            title: e.title.as_deref(),
            status: e.status.as_deref(),
            direction: e.direction.as_deref(),
            duration_s: e.duration_s,
            answered: (e.kind == EventKind::Call).then(|| e.answered()),
            detail: e.detail.as_deref(),
            call_id: e.call.as_ref().map(|k| k.to_string()),
        })
        .collect();
    match format {
        Format::Json => serde_json::to_string_pretty(&serde_json::json!({
            "phone": h.phone.as_ref().map(|p| serde_json::json!({
                "input": p.input, "e164": p.e164(), "country_code": p.country_code, "national": p.national, "note": p.note,
            })),
            "zone": zone.tz.name(),
            "counts": h.counts(now),
            "records": h.records,
            "timeline": timeline,
            "other_orgs": h.other_orgs,
            "matches": h.matches,
            "notes": h.notes,
            "truncated": h.truncated,
        }))
        .map_err(|e| e.to_string()),
        Format::Csv => render(&timeline, Format::Csv),
    }
}

/// The on-call picture at a wall time: JSON `{at, zone, on_call, chain, fallback_phone, open_notifications,
/// day_warnings, platform_pick}`; CSV rows with a `section` column (`chain`, then `notification`, then
/// `day_warning` for each value of a contact's `available_days` that is not a day name, kept as stored,
/// then `platform_pick`, the platform's own function's answer for now where the database has it).
pub fn oncall(
    data: &crate::core::oncall::OnCallData,
    zone: &OrgZone,
    local: chrono::NaiveDateTime,
    format: Format,
) -> Result<String, String> {
    let chain = crate::core::oncall::chain(&data.contacts, local);
    let open: Vec<&crate::core::oncall::Notification> =
        data.notifications.iter().filter(|n| n.status.as_deref() != Some("acknowledged")).collect();
    // Every contact's values that are not day names, as stored: they match no day.
    let day_warnings: Vec<serde_json::Value> = data
        .contacts
        .iter()
        .flat_map(|c| {
            c.day_issues().into_iter().map(move |i| {
                serde_json::json!({
                    "contact_id": c.key.to_string(),
                    "name": c.name,
                    "value": i.value,
                    "meant": i.meant,
                    "note": i.note,
                })
            })
        })
        .collect();
    let verdict = data.platform_pick.as_ref().and_then(|p| p.verdict(data, zone));
    match format {
        Format::Json => serde_json::to_string_pretty(&serde_json::json!({
            "at": local.format("%Y-%m-%dT%H:%M:%S").to_string(),
            "zone": zone.tz.name(),
            "on_call": chain.first().map(|e| &e.contact),
            "chain": chain,
            "fallback_phone": data.fallback_phone,
            "open_notifications": open,
            "day_warnings": day_warnings,
            "platform_pick": data.platform_pick.as_ref().map(|p| serde_json::json!({
                "call": p.call,
                "at": p.at,
                "contact": p.contact,
                "error": p.error,
                "agrees_with_console": verdict.as_ref().map(|v| v.agrees),
                "console_pick": verdict.as_ref().map(|v| v.console.clone()),
            })),
        }))
        .map_err(|e| e.to_string()),
        Format::Csv => {
            #[derive(Serialize)]
            struct RowOut {
                section: &'static str,
                position: Option<usize>,
                name: Option<String>,
                phone: Option<String>,
                after_s: Option<i64>,
                note: Option<String>,
                id: String,
                status: Option<String>,
                urgency: Option<String>,
                created_at_utc: Option<String>,
            }
            let mut rows: Vec<RowOut> = chain
                .iter()
                .enumerate()
                .map(|(i, e)| RowOut {
                    section: "chain",
                    position: Some(i + 1),
                    name: Some(e.contact.name.clone()),
                    phone: e.contact.phone.clone(),
                    after_s: Some(e.after_s),
                    note: e.tie_note.clone(),
                    id: e.contact.key.to_string(),
                    status: None,
                    urgency: None,
                    created_at_utc: None,
                })
                .collect();
            if chain.is_empty() {
                rows.push(RowOut {
                    section: "chain",
                    position: None,
                    name: None,
                    phone: data.fallback_phone.clone(),
                    after_s: Some(0),
                    note: Some("nobody is on call: the org's emergency phone".into()),
                    id: String::new(),
                    status: None,
                    urgency: None,
                    created_at_utc: None,
                });
            }
            rows.extend(open.iter().map(|n| RowOut {
                section: "notification",
                position: None,
                name: n.contact.clone(),
                phone: None,
                after_s: None,
                note: n.kind.clone(),
                id: n.key.to_string(),
                status: n.status.clone(),
                urgency: n.urgency.clone(),
                created_at_utc: n.created_at.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            }));
            rows.extend(day_warnings.iter().map(|w| {
                let s = |k: &str| w.get(k).and_then(|v| v.as_str()).map(str::to_string);
                RowOut {
                    section: "day_warning",
                    position: None,
                    name: s("name"),
                    phone: None,
                    after_s: None,
                    note: s("note"),
                    id: s("contact_id").unwrap_or_default(),
                    status: s("value"),
                    urgency: None,
                    created_at_utc: None,
                }
            }));
            if let Some(p) = &data.platform_pick {
                let agreement = match (&p.error, &verdict) {
                    (Some(e), _) => format!("failed: {e}"),
                    (None, Some(v)) if v.agrees => "agrees with the console".to_string(),
                    (None, Some(v)) => {
                        format!("DISAGREES: the console picks {}", v.console.as_deref().unwrap_or("nobody"))
                    }
                    (None, None) => "not compared".to_string(),
                };
                rows.push(RowOut {
                    section: "platform_pick",
                    position: None,
                    name: p.contact.as_ref().and_then(|c| c.name.clone()),
                    phone: p.contact.as_ref().and_then(|c| c.phone.clone()),
                    after_s: None,
                    note: Some(format!("{}: {agreement}", p.call)),
                    id: p.contact.as_ref().and_then(|c| c.key.as_ref()).map(|k| k.to_string()).unwrap_or_default(),
                    status: None,
                    urgency: None,
                    created_at_utc: p.at.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
                });
            }
            render(&rows, Format::Csv)
        }
    }
}

/// Parses a `--from`/`--to` date.
pub fn parse_day(s: &str, what: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{what} must be a date like 2026-03-08, got {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: u32, name: &str) -> Org {
        Org {
            key: Key::parse(&format!("00000000-0000-0000-0000-{id:012}")),
            name: name.into(),
            industry: None,
            status: None,
            slug: Some(format!("org-{id}")),
            timezone: None,
        }
    }

    fn info(row_security: &[&str]) -> DbInfo {
        DbInfo {
            server_version: "15".into(),
            dialect: crate::core::model::Dialect::ServiceAi,
            detection_note: None,
            tls: false,
            tls_fallback: false,
            role: "support".into(),
            row_security: row_security.iter().map(|s| s.to_string()).collect(),
            board_not_recorded: Vec::new(),
            caps: Default::default(),
        }
    }

    #[test]
    fn orgs_resolve_by_id_name_or_unique_fragment() {
        let orgs = vec![org(1, "Acme Plumbing"), org(2, "Acme Dental"), org(3, "Bright Smiles")];
        let i = info(&[]);
        let name = |q: &str| resolve_org(&orgs, q, &i).unwrap().name.clone();
        assert_eq!(name("00000000-0000-0000-0000-000000000002"), "Acme Dental");
        assert_eq!(name("acme plumbing"), "Acme Plumbing");
        assert_eq!(name("bright"), "Bright Smiles");
        assert_eq!(name("org-2"), "Acme Dental");
        let (e, refused) = resolve_org(&orgs, "acme", &i).unwrap_err();
        assert!(e.contains("matches 2 organizations") && !refused, "{e}");
        let (e, refused) = resolve_org(&orgs, "zzz", &i).unwrap_err();
        assert!(e.contains("no organization") && !refused, "{e}");
        // An exact name wins over the fragments it is part of; a unique id prefix finds its org.
        let orgs = vec![org(1, "Test Org"), org(2, "Test Organization"), org(3, "Test Org 2"), org(4, "My Test Org")];
        assert_eq!(resolve_org(&orgs, "Test Org", &i).unwrap().name, "Test Org");
        let (e, _) = resolve_org(&orgs, "test or", &i).unwrap_err();
        assert!(
            e.contains("matches 4 organizations") && e.contains("Test Org (#00000000-0000-0000-0000-000000000001)")
        );
    }

    #[test]
    fn an_org_row_security_may_hide_is_not_called_missing() {
        let orgs = vec![org(1, "Acme Plumbing")];
        let (e, refused) =
            resolve_org(&orgs, "00000000-0000-0000-0000-000000000009", &info(&["organizations"])).unwrap_err();
        assert!(refused, "{e}");
        assert!(e.contains("row security is on for organizations") && e.contains("role support"), "{e}");
        assert!(e.contains("may be there, hidden"), "{e}");
        // Several matches are still bad input, row security or not.
        let orgs = vec![org(1, "Acme Plumbing"), org(2, "Acme Dental")];
        assert!(!resolve_org(&orgs, "acme", &info(&["organizations"])).unwrap_err().1);
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        // One field as the exports write it: the row under a one-column header.
        let csv_field = |s: &str| {
            let t = csv_table(&["h"], [vec![s.to_string()]]).unwrap();
            t.strip_prefix("h\n").unwrap().strip_suffix('\n').unwrap().to_string()
        };
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-12.5"), "-12.5");
        assert_eq!(csv_field("+1 415 555"), "'+1 415 555");
    }
}
