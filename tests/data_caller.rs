//! Caller history against a real PostgreSQL, for every dialect: one caller stored in many formats is found
//! once per record, neighbours and malformed numbers never match, the timeline is newest first across
//! time zones (New York's DST change included), other orgs are noted, names find people, and the export
//! prints the same history.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use switchboard::core::caller::{CallerHistory, CallerQuery, EventKind};
use switchboard::core::model::{Dialect, Key};
use switchboard::core::sanitize::is_inert;
use switchboard::core::time::OrgZone;
use switchboard::data::source::caller::CallerScope;
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

fn org_a(d: Dialect) -> Key {
    Key::parse(if d == Dialect::Prisma { "ckorga000000000000000000a" } else { common::ORG_A })
}

fn zone(d: Dialect) -> OrgZone {
    OrgZone::from_name(match d {
        Dialect::ServiceAi | Dialect::Voxanne => Some("America/New_York"),
        _ => None,
    })
}

/// What the fixture holds for +1 415 555 0123 in org A: the records, and the timeline newest first as
/// (kind, id suffix).
struct Expected {
    records: &'static [&'static str],
    timeline: &'static [(EventKind, &'static str)],
    other_orgs: Option<usize>,
}

fn expected(d: Dialect) -> Expected {
    use EventKind::*;
    match d {
        Dialect::ServiceAi => Expected {
            records: &["c1000000-0000-0000-0000-000000000002", "c1000000-0000-0000-0000-000000000001"],
            timeline: &[
                (Appointment, "c3000000-0000-0000-0000-000000000005"),
                // 03:30 EDT on the day the clocks jump is 07:30 UTC: after the call at 07:00 UTC.
                (Appointment, "c3000000-0000-0000-0000-000000000001"),
                (Notification, "c6000000-0000-0000-0000-000000000001"),
                (Call, "c2000000-0000-0000-0000-000000000002"),
                (Sms, "c4000000-0000-0000-0000-000000000002"),
                (Sms, "c4000000-0000-0000-0000-000000000001"),
                (Transfer, "c5000000-0000-0000-0000-000000000001"),
                (Call, "c2000000-0000-0000-0000-000000000001"),
                (Appointment, "c3000000-0000-0000-0000-000000000004"),
                (Appointment, "c3000000-0000-0000-0000-000000000003"),
                (Appointment, "c3000000-0000-0000-0000-000000000002"),
                (Call, "c2000000-0000-0000-0000-000000000003"),
                (Call, "c2000000-0000-0000-0000-000000000004"),
                (Call, "c2000000-0000-0000-0000-000000000005"),
            ],
            other_orgs: Some(1),
        },
        Dialect::Voxanne => Expected {
            records: &[
                "c1000000-0000-0000-0000-000000000002",
                "c1000000-0000-0000-0000-000000000001",
                "c7000000-0000-0000-0000-000000000001",
            ],
            timeline: &[
                (Appointment, "c3000000-0000-0000-0000-000000000001"),
                (Call, "c2000000-0000-0000-0000-000000000002"),
                (Notification, "c6000000-0000-0000-0000-000000000001"),
                (Call, "c2000000-0000-0000-0000-000000000001"),
                (Appointment, "c3000000-0000-0000-0000-000000000003"),
                (Appointment, "c3000000-0000-0000-0000-000000000002"),
                (Call, "c2000000-0000-0000-0000-000000000003"),
                (Call, "c2000000-0000-0000-0000-000000000004"),
                (Notification, "c6000000-0000-0000-0000-000000000002"),
            ],
            other_orgs: Some(1),
        },
        Dialect::Quinite => Expected {
            records: &["c1000000-0000-0000-0000-000000000002", "c1000000-0000-0000-0000-000000000001"],
            timeline: &[
                (Call, "c2000000-0000-0000-0000-000000000002"),
                (Transfer, "c2000000-0000-0000-0000-000000000001"),
                (Call, "c2000000-0000-0000-0000-000000000001"),
                (Call, "c2000000-0000-0000-0000-000000000003"),
            ],
            other_orgs: Some(1),
        },
        Dialect::Prisma => Expected {
            records: &["ckcallerrecip000000000001"],
            timeline: &[
                (Call, "ckcallercall0000000000002"),
                (Call, "ckcallercall0000000000001"),
                (Call, "ckcallercall0000000000003"),
            ],
            other_orgs: Some(1),
        },
        Dialect::Retell => Expected {
            records: &[],
            timeline: &[
                (Call, "c2000000-0000-0000-0000-000000000002"),
                (Call, "c2000000-0000-0000-0000-000000000001"),
                (Call, "c2000000-0000-0000-0000-000000000003"),
            ],
            other_orgs: None,
        },
    }
}

fn timeline(h: &CallerHistory) -> Vec<(EventKind, String)> {
    h.events.iter().map(|e| (e.kind, e.key.to_string())).collect()
}

fn check_inert(d: Dialect, h: &CallerHistory) {
    let dump = format!("{h:?}");
    assert!(!dump.contains("SECRET-MARKER"), "{d}: a secret was read");
    for r in &h.records {
        assert!(r.name.as_deref().is_none_or(is_inert), "{d}: {:?}", r.name);
        for (k, v) in &r.facts {
            assert!(is_inert(k) && is_inert(v), "{d}: {k}: {v:?}");
        }
    }
    for e in &h.events {
        for s in [&e.title, &e.detail, &e.status, &e.direction].into_iter().flatten() {
            assert!(is_inert(s), "{d}: {s:?}");
            assert!(!s.trim().is_empty(), "{d}: empty text is None, not Some(\"\"): {e:?}");
        }
    }
}

async fn db(d: Dialect) -> (String, Source) {
    let [hostile, caller] = common::caller_fixtures(d);
    let url = common::fresh_db(&format!("caller{}", d.name()), &[schema_sql(d), hostile, caller]).await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    (url, src)
}

#[tokio::test(flavor = "multi_thread")]
async fn one_caller_in_many_formats_is_found_once_per_record_in_every_dialect() {
    for d in Dialect::ALL.iter().copied() {
        let (_, src) = db(d).await;
        let org = org_a(d);
        let want = expected(d);
        let want_timeline: Vec<(EventKind, String)> =
            want.timeline.iter().map(|(k, id)| (*k, id.to_string())).collect();
        // However it is typed, with the country code.
        for typed in ["+1 (415) 555-0123", "+14155550123", "001 415 555 0123", "+1.415.555.0123"] {
            let h = src
                .caller(d, &org, &CallerQuery::Phone(typed.into()), &zone(d), CallerScope::default())
                .await
                .unwrap_or_else(|e| panic!("{d}: {typed}: {e}"));
            assert_eq!(h.phone.as_ref().and_then(|p| p.e164()).as_deref(), Some("+14155550123"), "{d}");
            let records: Vec<String> = h.records.iter().map(|r| r.key.to_string()).collect();
            assert_eq!(records, want.records, "{d}: {typed}: records");
            assert_eq!(timeline(&h), want_timeline, "{d}: {typed}: timeline");
            assert_eq!(h.other_orgs.as_ref().map(Vec::len), want.other_orgs, "{d}: other orgs");
            assert!(!h.truncated, "{d}");
            check_inert(d, &h);
        }
        // A profile limited to one org does not look at the others.
        let scoped = CallerScope { cross_org: false, ..CallerScope::default() };
        let h = src.caller(d, &org, &CallerQuery::Phone("+14155550123".into()), &zone(d), scoped).await.unwrap();
        assert_eq!(h.other_orgs, None, "{d}");
        assert_eq!(timeline(&h), want_timeline, "{d}: scoped");
        // Opened from a call: the call's own number.
        let call = want.timeline.iter().find(|(k, _)| *k == EventKind::Call).map(|(_, id)| Key::parse(id)).unwrap();
        let h = src.caller(d, &org, &CallerQuery::Call(call), &zone(d), CallerScope::default()).await.unwrap();
        assert_eq!(timeline(&h), want_timeline, "{d}: from a call");
        // Malformed input is refused, never matched against everything.
        for bad in ["anonymous", "   ", "+1 415 555", "123"] {
            let q = if bad.trim().is_empty() { CallerQuery::Phone(bad.into()) } else { CallerQuery::parse(bad) };
            match src.caller(d, &org, &q, &zone(d), CallerScope::default()).await {
                Err(e) => assert!(!e.is_empty(), "{d}"),
                // A name lookup for "anonymous"/"123" finds nobody by that name or says so.
                Ok(h) => {
                    assert!(h.phone.is_none() && h.events.is_empty(), "{d}: {bad:?} matched {:?}", timeline(&h));
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn numbers_without_a_country_code_use_the_orgs_country_where_it_is_known() {
    // ServiceAI's org is in New York; Voxanne's has its own line in +1.
    for d in [Dialect::ServiceAi, Dialect::Voxanne] {
        let (_, src) = db(d).await;
        let h = src
            .caller(d, &org_a(d), &CallerQuery::Phone("(415) 555-0123".into()), &zone(d), CallerScope::default())
            .await
            .unwrap();
        assert_eq!(h.phone.as_ref().and_then(|p| p.e164()).as_deref(), Some("+14155550123"), "{d}");
        assert!(h.notes.iter().any(|n| n.contains("a US number (the org's country)")), "{d}: {:?}", h.notes);
        assert_eq!(h.events.len(), expected(d).timeline.len(), "{d}");
    }
    // Quinite records no country: org A's comes from its leads' E.164 numbers; org B has none, so a number
    // typed without a country code is national digits only, and the view says so. Its one lead, stored
    // with a country code, does not match national digits.
    let d = Dialect::Quinite;
    let (_, src) = db(d).await;
    let typed = CallerQuery::Phone("415-555-0123".into());
    let h = src.caller(d, &org_a(d), &typed, &zone(d), CallerScope::default()).await.unwrap();
    assert_eq!(h.phone.as_ref().and_then(|p| p.e164()).as_deref(), Some("+14155550123"));
    let h = src.caller(d, &Key::parse(common::ORG_B), &typed, &zone(d), CallerScope::default()).await.unwrap();
    assert!(h.phone.as_ref().is_some_and(|p| p.country_code.is_none()));
    assert!(h.notes.iter().any(|n| n.contains("unknown")), "{:?}", h.notes);
    assert!(h.records.is_empty(), "+1-prefixed records must not match national digits: {:?}", h.records);
}

#[tokio::test(flavor = "multi_thread")]
async fn counts_and_names() {
    let d = Dialect::ServiceAi;
    let (url, src) = db(d).await;
    let org = org_a(d);
    let h = src
        .caller(d, &org, &CallerQuery::Phone("+14155550123".into()), &zone(d), CallerScope::default())
        .await
        .unwrap();
    let now: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 3, 10, 0, 0, 0).unwrap();
    let c = h.counts(now);
    assert_eq!((c.calls, c.answered), (5, 3));
    assert_eq!((c.appointments, c.kept, c.missed, c.cancelled, c.upcoming), (5, 1, 1, 1, 1));
    assert_eq!(c.sms, 2);
    assert_eq!(c.last_contact, Some(Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap()));
    let others = h.other_orgs.as_ref().unwrap();
    assert_eq!(others[0].key, Key::parse(common::ORG_B));

    // One person by that name (two spellings of one number): straight to the history.
    let h = src.caller(d, &org, &CallerQuery::Name("garcía".into()), &zone(d), CallerScope::default()).await.unwrap();
    assert_eq!(h.phone.as_ref().and_then(|p| p.e164()).as_deref(), Some("+14155550123"));
    assert_eq!(h.events.len(), 14);
    // Without the accents, in capitals: the same person.
    let h = src.caller(d, &org, &CallerQuery::Name("GARCIA".into()), &zone(d), CallerScope::default()).await.unwrap();
    assert_eq!(h.phone.as_ref().and_then(|p| p.e164()).as_deref(), Some("+14155550123"), "{:?}", h.matches);
    // Several people: listed to choose from, nothing merged.
    let h = src.caller(d, &org, &CallerQuery::Name("Mar".into()), &zone(d), CallerScope::default()).await.unwrap();
    assert!(h.phone.is_none() && h.events.is_empty());
    let numbers: Vec<Option<&str>> = h.matches.iter().map(|m| m.number.as_deref()).collect();
    assert!(numbers.contains(&Some("+14155550123")) && numbers.contains(&Some("+14155550124")), "{numbers:?}");
    // Nobody: said so.
    let h =
        src.caller(d, &org, &CallerQuery::Name("zzz_nobody".into()), &zone(d), CallerScope::default()).await.unwrap();
    assert!(h.matches.is_empty() && h.notes.iter().any(|n| n.contains("no customer")));
    // A name with LIKE wildcards is taken literally.
    let h = src.caller(d, &org, &CallerQuery::Name("%".into()), &zone(d), CallerScope::default()).await.unwrap();
    assert!(h.matches.is_empty(), "{:?}", h.matches);

    // A number typed in the org switcher: every org that has it on record.
    let (phone, orgs) = src.caller_orgs(d, "+1 415 555 0123").await.unwrap();
    assert_eq!(phone.e164().as_deref(), Some("+14155550123"));
    let found: Vec<(String, i64)> = orgs.iter().map(|o| (o.key.to_string(), o.records)).collect();
    // Org A: two customers and five appointments; org B: one customer.
    assert_eq!(found, vec![(common::ORG_A.to_string(), 7), (common::ORG_B.to_string(), 1)]);
    assert!(src.caller_orgs(d, "anonymous").await.is_err());

    // Headless: the same history as JSON.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["--url", &url, "export", "caller", "--org", "Acme Plumbing", "--phone", "(415) 555-0123"])
        .env("XDG_DATA_HOME", std::env::temp_dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["phone"]["e164"], "+14155550123");
    assert_eq!(v["timeline"].as_array().unwrap().len(), 14);
    assert_eq!(v["records"].as_array().unwrap().len(), 2);
    assert_eq!(v["counts"]["calls"], 5);
    assert_eq!(v["timeline"][1]["at_local"], "2026-03-08 03:30");
    assert_eq!(v["timeline"][1]["at_utc"], "2026-03-08T07:30:00Z");
    // A profile limited to one org: the same history, no look across orgs, no other org at all.
    let cfg = std::env::temp_dir().join(format!("sb-caller-desk-{}.toml", std::process::id()));
    std::fs::write(&cfg, format!("[profiles.desk]\nurl = \"{url}\"\norg = \"Acme Plumbing\"\n")).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
            .args(["--config", cfg.to_str().unwrap(), "--profile", "desk"])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["export", "caller", "--org", "acme", "--phone", "+14155550123"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["timeline"].as_array().unwrap().len(), 14);
    assert!(v["other_orgs"].is_null(), "{}", v["other_orgs"]);
    let out = run(&["export", "orgs"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    let out = run(&["export", "caller", "--org", common::ORG_B, "--phone", "+14155550123"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::remove_file(&cfg).ok();

    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["--url", &url, "export", "caller", "--org", "Acme Plumbing", "--phone", "anonymous"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("not a phone number") && err.lines().count() == 1, "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn check_says_which_phone_lookups_have_an_index() {
    use switchboard::data::indexes::check_url;
    let status = |checks: &[switchboard::data::indexes::IndexCheck], name: &str| -> (usize, usize, Vec<String>) {
        let c = checks.iter().find(|c| c.index.name == name).unwrap_or_else(|| panic!("{name} not checked"));
        (c.served.len(), c.missing.len(), c.statements(false))
    };
    // ServiceAI: the seed indexes customers and appointments by phone, not calls or SMS.
    let (url, _) = db(Dialect::ServiceAi).await;
    let checks = check_url(&url, Dialect::ServiceAi).await.unwrap();
    assert_eq!(status(&checks, "sb_customers_phone").0, 1);
    assert_eq!(status(&checks, "sb_appointments_phone").0, 1);
    let (_, missing, statements) = status(&checks, "sb_call_logs_phone");
    assert_eq!(missing, 1);
    assert_eq!(
        statements,
        vec![
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS sb_call_logs_phone ON public.call_logs (\"customer_phone_number\");"
        ]
    );
    // Quinite's leads index is partial (WHERE phone IS NOT NULL): it serves the lookup.
    let (url, _) = db(Dialect::Quinite).await;
    let checks = check_url(&url, Dialect::Quinite).await.unwrap();
    assert_eq!(status(&checks, "sb_leads_phone").0, 1);
    assert_eq!(status(&checks, "sb_call_logs_lead").0, 1);
    // Retell: per tenant schema.
    let (url, _) = db(Dialect::Retell).await;
    let checks = check_url(&url, Dialect::Retell).await.unwrap();
    assert!(status(&checks, "sb_calls_from_e164").1 >= 1);
    // And the command says so.
    let (url, _) = db(Dialect::ServiceAi).await;
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_switchboard")).args(["--url", &url, "check"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("✓ sb_customers_phone") && text.contains("✗ sb_call_logs_phone"), "{text}");
}
