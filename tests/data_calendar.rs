//! The calendar's queries against a real PostgreSQL: appointments around DST changes land on the right
//! local day and hour, the grid's counts per day and status (grouped by the server) equal direct SQL, the
//! day query returns exactly that local day's rows, NULL-heavy rows render, and the statements of a month
//! of an org with 200,000 appointments use the date index, not a scan of the table.

mod common;

use chrono::{Duration, NaiveDate};
use sqlx::{AssertSqlSafe, Connection, PgConnection, Row};
use switchboard::core::calendar::{self, StatusKind, day_counts, grid_start};
use switchboard::core::model::{Dialect, Key};
use switchboard::core::time::OrgZone;
use switchboard::data::{DbOptions, Source, dialects};
use switchboard::demo::schema_sql;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const VOX: &str = include_str!("fixtures/voxanne_hostile.sql");
const SAI: &str = include_str!("fixtures/serviceai_hostile.sql");

/// Zones and their orgs (voxanne keeps the zone in settings).
const ZONES: [(&str, &str); 4] = [
    ("America/New_York", "00000000-0000-0000-0000-0000000000d1"),
    ("Europe/London", "00000000-0000-0000-0000-0000000000d2"),
    ("Pacific/Auckland", "00000000-0000-0000-0000-0000000000d3"),
    ("Asia/Kolkata", "00000000-0000-0000-0000-0000000000d4"),
];

/// (zone, instant, expected local wall time) around each zone's DST changes.
const INSTANTS: [(&str, &str, &str); 14] = [
    ("America/New_York", "2026-03-08 06:59:00+00", "2026-03-08 01:59"), // last EST minute
    ("America/New_York", "2026-03-08 07:00:00+00", "2026-03-08 03:00"), // first EDT minute (02:xx skipped)
    ("America/New_York", "2026-03-09 03:30:00+00", "2026-03-08 23:30"), // late on the 23-hour day
    ("America/New_York", "2026-11-01 05:30:00+00", "2026-11-01 01:30"), // 01:30 EDT
    ("America/New_York", "2026-11-01 06:30:00+00", "2026-11-01 01:30"), // 01:30 EST, the repeated hour
    ("America/New_York", "2026-11-02 04:59:00+00", "2026-11-01 23:59"), // end of the 25-hour day
    ("Europe/London", "2026-03-29 00:59:00+00", "2026-03-29 00:59"),
    ("Europe/London", "2026-03-29 01:00:00+00", "2026-03-29 02:00"),
    ("Europe/London", "2026-10-25 00:30:00+00", "2026-10-25 01:30"),
    ("Europe/London", "2026-10-25 01:30:00+00", "2026-10-25 01:30"),
    ("Pacific/Auckland", "2026-04-04 13:30:00+00", "2026-04-05 02:30"), // NZDT, before falling back
    ("Pacific/Auckland", "2026-04-04 14:30:00+00", "2026-04-05 02:30"), // NZST, the repeated hour
    ("Asia/Kolkata", "2026-03-08 18:29:00+00", "2026-03-08 23:59"),
    ("Asia/Kolkata", "2026-03-08 18:30:00+00", "2026-03-09 00:00"),
];

async fn voxanne_with_dst() -> String {
    let url = common::fresh_db("calvox", &[schema_sql(Dialect::Voxanne), VOX]).await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    for (tz, org) in ZONES {
        sqlx::raw_sql(AssertSqlSafe(format!(
            "INSERT INTO organizations (id, name, email, plan, telephony_mode, settings) \
             VALUES ('{org}', 'Org in {tz}', 'ops@example.com', 'starter', 'managed', '{{\"timezone\": \"{tz}\"}}'); \
             INSERT INTO contacts (id, org_id, phone, first_name, last_name, lead_status) \
             VALUES ('{}', '{org}', '+15550001111', 'Dee', 'Est', 'warm');",
            org.replace("-0000000000d", "-00000000c0d")
        )))
        .execute(&mut c)
        .await
        .unwrap();
    }
    for (i, (tz, at, _)) in INSTANTS.iter().enumerate() {
        let org = ZONES.iter().find(|z| z.0 == *tz).unwrap().1;
        sqlx::raw_sql(AssertSqlSafe(format!(
            "INSERT INTO appointments (id, org_id, contact_id, title, scheduled_at, duration_minutes, status) \
             VALUES ('e0000000-0000-0000-0000-{i:012}', '{org}', '{}', 'Visit {i}', '{at}', 30, 'scheduled')",
            org.replace("-0000000000d", "-00000000c0d")
        )))
        .execute(&mut c)
        .await
        .unwrap();
    }
    url
}

#[tokio::test(flavor = "multi_thread")]
async fn voxanne_instants_land_on_the_local_day_and_hour_across_dst() {
    let url = voxanne_with_dst().await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    for (tz, org) in ZONES {
        let zone = OrgZone::from_name(Some(tz));
        let mut seen = 0;
        for month in [d(2026, 3, 1), d(2026, 4, 1), d(2026, 10, 1), d(2026, 11, 1)] {
            let from = grid_start(month);
            let appts = src
                .appointments(Dialect::Voxanne, &Key::parse(org), from, from + Duration::days(42), zone)
                .await
                .unwrap();
            for a in &appts {
                let i: usize = a.key.to_string()[24..].parse().unwrap();
                let (_, _, want) = INSTANTS[i];
                let local = a.local_in(&zone).unwrap().format("%Y-%m-%d %H:%M").to_string();
                assert_eq!(local, want, "{tz}: appointment {i}");
                // Its cell is the cell of its local date.
                let counts = day_counts(std::slice::from_ref(a), &zone, from);
                let cell = (a.local_in(&zone).unwrap().date() - from).num_days() as usize;
                assert_eq!(counts[cell].total, 1);
                if month == d(2026, 3, 1) || month == d(2026, 10, 1) {
                    seen += 1;
                }
            }
            // The grid's counts (grouped by the server) equal direct SQL in the zone, day by day and status
            // by status, and equal the counts of the rows themselves.
            let mut c = PgConnection::connect(&url).await.unwrap();
            let rows = sqlx::query(
                "SELECT (scheduled_at AT TIME ZONE $2)::date AS day, status, count(*) AS n FROM appointments \
                 WHERE org_id = $1::uuid AND (scheduled_at AT TIME ZONE $2)::date >= $3 \
                 AND (scheduled_at AT TIME ZONE $2)::date < $4 GROUP BY 1, 2",
            )
            .bind(org)
            .bind(tz)
            .bind(from)
            .bind(from + Duration::days(42))
            .fetch_all(&mut c)
            .await
            .unwrap();
            let counts = src
                .appointment_counts(Dialect::Voxanne, &Key::parse(org), from, from + Duration::days(42), zone)
                .await
                .unwrap();
            assert_eq!(counts, day_counts(&appts, &zone, from), "{tz} {month}");
            let total: i64 = rows.iter().map(|r| r.get::<i64, _>("n")).sum();
            assert_eq!(total as usize, appts.len(), "{tz} {month}");
            assert_eq!(counts.iter().map(|c| c.total as i64).sum::<i64>(), total, "{tz} {month}");
            for r in &rows {
                let day: NaiveDate = r.get("day");
                let kind = StatusKind::of(r.get::<Option<&str>, _>("status"));
                let n: i64 = r.get("n");
                assert_eq!(counts[(day - from).num_days() as usize].of(kind) as i64, n, "{tz} {day}");
            }
            // The day query returns exactly that local day's rows, on each day that has any.
            for r in &rows {
                let day: NaiveDate = r.get("day");
                let of_day = src.day_appointments(Dialect::Voxanne, &Key::parse(org), day, zone).await.unwrap();
                assert_eq!(of_day.len() as u32, counts[(day - from).num_days() as usize].total, "{tz} {day}");
                assert!(of_day.iter().all(|a| a.local_in(&zone).unwrap().date() == day), "{tz} {day}: {of_day:?}");
                let mut want: Vec<_> =
                    appts.iter().filter(|a| a.local_in(&zone).unwrap().date() == day).map(|a| &a.key).collect();
                let mut got: Vec<_> = of_day.iter().map(|a| &a.key).collect();
                want.sort_by_key(|k| k.to_string());
                got.sort_by_key(|k| k.to_string());
                assert_eq!(got, want, "{tz} {day}");
            }
        }
        let expected = INSTANTS.iter().filter(|x| x.0 == tz).count();
        assert!(seen >= expected.min(1), "{tz}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_month_range_is_bounded_by_local_midnights() {
    let url = voxanne_with_dst().await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    // New York's March grid starts Monday 2026-02-23 00:00 EST = 05:00 UTC.
    let org = ZONES[0].1;
    let contact = org.replace("-0000000000d", "-00000000c0d");
    sqlx::raw_sql(AssertSqlSafe(format!(
        "INSERT INTO appointments (id, org_id, contact_id, title, scheduled_at, duration_minutes, status) VALUES \
         ('f0000000-0000-0000-0000-000000000001', '{org}', '{contact}', 'before', '2026-02-23 04:59:00+00', 30, 'scheduled'), \
         ('f0000000-0000-0000-0000-000000000002', '{org}', '{contact}', 'first', '2026-02-23 05:00:00+00', 30, 'scheduled')"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let zone = OrgZone::from_name(Some("America/New_York"));
    let from = grid_start(d(2026, 3, 1));
    let appts =
        src.appointments(Dialect::Voxanne, &Key::parse(org), from, from + Duration::days(42), zone).await.unwrap();
    let titles: Vec<&str> = appts.iter().filter_map(|a| a.title.as_deref()).collect();
    assert!(titles.contains(&"first") && !titles.contains(&"before"), "{titles:?}");
    // The counts and the day query draw the same lines: the grid's first cell holds "first", the day before
    // holds "before".
    let counts = src
        .appointment_counts(Dialect::Voxanne, &Key::parse(org), from, from + Duration::days(42), zone)
        .await
        .unwrap();
    assert_eq!(counts[0].total, 1);
    let title_of = |v: Vec<calendar::Appointment>| v.into_iter().filter_map(|a| a.title).collect::<Vec<_>>();
    let first = src.day_appointments(Dialect::Voxanne, &Key::parse(org), from, zone).await.unwrap();
    assert_eq!(title_of(first), ["first"]);
    let before =
        src.day_appointments(Dialect::Voxanne, &Key::parse(org), from - Duration::days(1), zone).await.unwrap();
    assert_eq!(title_of(before), ["before"]);
    // Instants on each side of the local midnights around New York's DST days (the 23-hour 8 March, the
    // 25-hour 1 November): each day's count equals direct SQL in the zone, and each day query holds exactly
    // the instants of that day.
    let edges = [
        "2026-03-08 04:59:59+00", // 23:59:59 EST on the 7th
        "2026-03-08 05:00:00+00", // 00:00 EST on the 8th
        "2026-03-09 03:59:59+00", // 23:59:59 EDT on the 8th
        "2026-03-09 04:00:00+00", // 00:00 EDT on the 9th
        "2026-11-01 03:59:59+00", // 23:59:59 EDT on 31 October
        "2026-11-01 04:00:00+00", // 00:00 EDT on the 1st
        "2026-11-02 04:59:59+00", // 23:59:59 EST on the 1st
        "2026-11-02 05:00:00+00", // 00:00 EST on the 2nd
    ];
    for (i, at) in edges.iter().enumerate() {
        sqlx::raw_sql(AssertSqlSafe(format!(
            "INSERT INTO appointments (org_id, contact_id, title, scheduled_at, duration_minutes, status) \
             VALUES ('{org}', '{contact}', 'edge {i}', '{at}', 30, '{}')",
            ["scheduled", "completed", "cancelled", "no-show"][i % 4]
        )))
        .execute(&mut c)
        .await
        .unwrap();
    }
    for month in [d(2026, 3, 1), d(2026, 11, 1)] {
        let from = grid_start(month);
        let counts = src
            .appointment_counts(Dialect::Voxanne, &Key::parse(org), from, from + Duration::days(42), zone)
            .await
            .unwrap();
        let rows = sqlx::query(
            "SELECT (scheduled_at AT TIME ZONE 'America/New_York')::date AS day, status, count(*) AS n \
             FROM appointments WHERE org_id = $1::uuid GROUP BY 1, 2",
        )
        .bind(org)
        .fetch_all(&mut c)
        .await
        .unwrap();
        let mut want = vec![calendar::DayCount::default(); 42];
        for r in &rows {
            let i = (r.get::<NaiveDate, _>("day") - from).num_days();
            if (0..42).contains(&i) {
                want[i as usize].add(StatusKind::of(r.get("status")), r.get::<i64, _>("n") as u32, 0);
            }
        }
        assert_eq!(counts, want, "{month}");
        for day in [d(2026, 3, 7), d(2026, 3, 8), d(2026, 3, 9), d(2026, 10, 31), d(2026, 11, 1), d(2026, 11, 2)] {
            if !(from..from + Duration::days(42)).contains(&day) {
                continue;
            }
            let of_day = src.day_appointments(Dialect::Voxanne, &Key::parse(org), day, zone).await.unwrap();
            assert_eq!(of_day.len() as u32, want[(day - from).num_days() as usize].total, "{day}");
            assert!(of_day.iter().all(|a| a.local_in(&zone).unwrap().date() == day), "{day}: {of_day:?}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn serviceai_local_times_counts_and_null_heavy_rows() {
    let url = common::fresh_db("calsai", &[schema_sql(Dialect::ServiceAi), SAI]).await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    // Local wall times in the org's zone (Acme: New York), including one that does not exist (02:30 on
    // the spring-forward day) and one that happens twice; plus a row with NULL in every nullable column.
    sqlx::raw_sql(
        "INSERT INTO appointments (id, organization_id, customer_name, customer_phone, appointment_type, scheduled_date, scheduled_time, status, emergency_detected) VALUES \
         ('e0000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-00000000000a', 'Ann', '+15550000001', 'repair', '2026-03-08', '01:30', 'confirmed', true), \
         ('e0000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-00000000000a', 'Bob', '+15550000002', 'repair', '2026-03-08', '02:30', 'pending', false), \
         ('e0000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-00000000000a', 'Cy', '+15550000003', 'estimate', '2026-03-08', '23:30', 'cancelled', false), \
         ('e0000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-00000000000a', 'Di', '+15550000004', 'estimate', '2026-11-01', '01:30', 'no_show', false); \
         INSERT INTO appointments (id, organization_id, customer_name, customer_phone, appointment_type, scheduled_date, scheduled_time, \
           customer_id, vapi_call_id, customer_email, service_address, service_description, duration_minutes, status, language_preference, \
           sms_sent, sms_reminder_sent, calendar_provider, urgency_score, emergency_detected, notes, metadata, created_at, updated_at) \
         VALUES ('e0000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-00000000000a', E'Null\\x1b[2J Nick', 'anonymous', 'other', \
           '2026-03-09', '09:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let zone = OrgZone::from_name(Some("America/New_York"));
    let org = Key::parse(common::ORG_A);
    let from = grid_start(d(2026, 3, 1));
    let appts = src.appointments(Dialect::ServiceAi, &org, from, from + Duration::days(42), zone).await.unwrap();
    assert_eq!(appts.len(), 4);
    let counts = day_counts(&appts, &zone, from);
    assert_eq!(counts[(d(2026, 3, 8) - from).num_days() as usize].total, 3, "the 23-hour day holds all three");
    assert_eq!(counts[(d(2026, 3, 8) - from).num_days() as usize].emergency, 1);
    let gap = appts.iter().find(|a| a.customer.as_deref() == Some("Bob")).unwrap();
    assert_eq!(gap.local_in(&zone).unwrap().format("%H:%M").to_string(), "02:30");
    assert_eq!(gap.instant_in(&zone), None, "02:30 does not exist on 2026-03-08 in New York");
    let null_row = appts.iter().find(|a| a.key == Key::parse("e0000000-0000-0000-0000-000000000005")).unwrap();
    assert!(null_row.customer.as_deref().unwrap().contains('␛'));
    assert_eq!((null_row.duration_min, null_row.emergency, null_row.urgency), (None, None, None));
    let detail = src.appointment(Dialect::ServiceAi, &org, &null_row.key).await.unwrap().unwrap();
    assert!(detail.facts.is_empty(), "{:?}", detail.facts);
    assert_eq!(detail.call, None);
    // The grid's counts, grouped by the server, equal the rows' counts and direct SQL day by day and status
    // by status (the NULL status is "other"), emergencies included.
    let grouped =
        src.appointment_counts(Dialect::ServiceAi, &org, from, from + Duration::days(42), zone).await.unwrap();
    assert_eq!(grouped, counts);
    let rows = sqlx::query(
        "SELECT scheduled_date, status, count(*), count(*) FILTER (WHERE emergency_detected) \
         FROM appointments WHERE organization_id = $1::uuid \
         AND scheduled_date >= $2 AND scheduled_date < $3 GROUP BY 1, 2",
    )
    .bind(common::ORG_A)
    .bind(from)
    .bind(from + Duration::days(42))
    .fetch_all(&mut c)
    .await
    .unwrap();
    let mut direct = vec![calendar::DayCount::default(); 42];
    for r in &rows {
        let day: NaiveDate = r.get(0);
        let i = (day - from).num_days() as usize;
        direct[i].add(StatusKind::of(r.get(1)), r.get::<i64, _>(2) as u32, r.get::<i64, _>(3) as u32);
    }
    assert_eq!(grouped, direct);
    assert_eq!(grouped[(d(2026, 3, 9) - from).num_days() as usize].of(StatusKind::Other), 1);
    // The day query returns exactly that local day's rows: the 23-hour day's three, in local order.
    let day = src.day_appointments(Dialect::ServiceAi, &org, d(2026, 3, 8), zone).await.unwrap();
    let names: Vec<_> = day.iter().filter_map(|a| a.customer.as_deref()).collect();
    assert_eq!(names, ["Ann", "Bob", "Cy"]);
    assert!(src.day_appointments(Dialect::ServiceAi, &org, d(2026, 3, 7), zone).await.unwrap().is_empty());
    let fall = src.day_appointments(Dialect::ServiceAi, &org, d(2026, 11, 1), zone).await.unwrap();
    assert_eq!(fall.iter().filter_map(|a| a.customer.as_deref()).collect::<Vec<_>>(), ["Di"]);
    // The detail names the call that booked the appointment when it exists.
    sqlx::raw_sql(
        "UPDATE appointments SET vapi_call_id = (SELECT vapi_call_id FROM call_logs WHERE id = '20000000-0000-0000-0000-000000000001') \
         WHERE id = 'e0000000-0000-0000-0000-000000000001'",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let detail = src
        .appointment(Dialect::ServiceAi, &org, &Key::parse("e0000000-0000-0000-0000-000000000001"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(detail.call, Some(Key::parse("20000000-0000-0000-0000-000000000001")));
    assert!(detail.facts.iter().any(|(k, _)| k == "Booked by call"));
    // A platform without appointments says so.
    let e = src.appointments(Dialect::Retell, &org, from, from, zone).await.unwrap_err();
    assert!(e.contains("has no appointments"), "{e}");
    let e = src.appointment_counts(Dialect::Prisma, &org, from, from, zone).await.unwrap_err();
    assert!(e.contains("has no appointments"), "{e}");
}

/// Whether any node of a JSON plan scans `appointments` sequentially.
fn seq_scans_appointments(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Object(m) => {
            (m.get("Node Type").and_then(|t| t.as_str()) == Some("Seq Scan")
                && m.get("Relation Name").and_then(|t| t.as_str()) == Some("appointments"))
                || m.values().any(seq_scans_appointments)
        }
        serde_json::Value::Array(a) => a.iter().any(seq_scans_appointments),
        _ => false,
    }
}

/// Which of a dialect's appointment statements to explain.
#[derive(Clone, Copy, Debug)]
enum Stmt {
    /// The rows of the six-week grid (`export appointments`).
    Range,
    /// The grid's counts per day and status (the calendar).
    Counts,
    /// The rows of one day (the calendar's selected day).
    Day,
}

/// The plan of one of the month's statements, as JSON text; it must not scan the table.
async fn plan(url: &str, dialect: Dialect, org: &str, from: NaiveDate, zone: OrgZone, stmt: Stmt) -> String {
    let sql = dialects::sql(dialect).appointments.unwrap();
    let mut c = PgConnection::connect(url).await.unwrap();
    let text = match stmt {
        Stmt::Range | Stmt::Day => dialects::full_render(dialect, sql.range),
        Stmt::Counts => dialects::full_render(dialect, sql.counts),
    };
    let q =
        sqlx::query(AssertSqlSafe(format!("EXPLAIN (FORMAT JSON) {text}"))).bind(uuid::Uuid::parse_str(org).unwrap());
    let days = match stmt {
        Stmt::Day => 1,
        _ => 42,
    };
    let to = from + Duration::days(days);
    let q = match sql.range_kind {
        dialects::ApptRange::LocalDate => q.bind(from).bind(to),
        dialects::ApptRange::Instant => {
            let q = q.bind(calendar::local_midnight_utc(&zone, from)).bind(calendar::local_midnight_utc(&zone, to));
            match stmt {
                Stmt::Counts => q.bind(
                    (0..=days)
                        .map(|i| calendar::local_midnight_utc(&zone, from + Duration::days(i)))
                        .collect::<Vec<_>>(),
                ),
                _ => q,
            }
        }
    };
    let v: serde_json::Value = q.fetch_one(&mut c).await.unwrap().get(0);
    assert!(!seq_scans_appointments(&v), "{stmt:?} must not scan the appointments table: {v}");
    v.to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_month_of_an_org_with_200000_appointments_uses_the_date_index() {
    let url = common::fresh_db("cal200k", &[schema_sql(Dialect::ServiceAi), SAI]).await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO appointments (organization_id, customer_name, customer_phone, appointment_type, scheduled_date, scheduled_time, status) \
         SELECT '00000000-0000-0000-0000-00000000000a', 'Customer ' || i, '+1555' || lpad(i::text, 7, '0'), 'repair', \
                DATE '2025-01-01' + (i % 730), TIME '08:00' + ((i % 40) * interval '15 minutes'), \
                (ARRAY['pending','confirmed','completed','cancelled','no_show'])[1 + i % 5] \
         FROM generate_series(1, 200000) i; ANALYZE appointments;",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let zone = OrgZone::from_name(Some("America/New_York"));
    let from = grid_start(d(2026, 3, 1));
    for stmt in [Stmt::Range, Stmt::Counts, Stmt::Day] {
        let p = plan(&url, Dialect::ServiceAi, common::ORG_A, from, zone, stmt).await;
        assert!(p.contains("idx_appointments_date") || p.contains("idx_appointments_org"), "{stmt:?}: {p}");
    }
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let appts = src
        .appointments(Dialect::ServiceAi, &Key::parse(common::ORG_A), from, from + Duration::days(42), zone)
        .await
        .unwrap();
    let expected: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM appointments WHERE organization_id = $1::uuid AND scheduled_date >= $2 AND scheduled_date < $3",
    )
    .bind(common::ORG_A)
    .bind(from)
    .bind(from + Duration::days(42))
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!(appts.len() as i64, expected);
    assert!(expected > 10_000);
    // The grid's counts add up to the same rows, a few groups a day cross the wire instead of every row.
    let counts = src
        .appointment_counts(Dialect::ServiceAi, &Key::parse(common::ORG_A), from, from + Duration::days(42), zone)
        .await
        .unwrap();
    assert_eq!(counts, day_counts(&appts, &zone, from));
    assert_eq!(counts.iter().map(|c| c.total as i64).sum::<i64>(), expected);
    let day = src.day_appointments(Dialect::ServiceAi, &Key::parse(common::ORG_A), d(2026, 3, 8), zone).await.unwrap();
    assert_eq!(day.len() as u32, counts[(d(2026, 3, 8) - from).num_days() as usize].total);
}

#[tokio::test(flavor = "multi_thread")]
async fn voxanne_months_use_the_scheduled_at_index() {
    let url = voxanne_with_dst().await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    let org = ZONES[0].1;
    let contact = org.replace("-0000000000d", "-00000000c0d");
    sqlx::raw_sql(AssertSqlSafe(format!(
        "INSERT INTO appointments (org_id, contact_id, title, scheduled_at, duration_minutes, status) \
         SELECT '{org}', '{contact}', 'Visit ' || i, TIMESTAMPTZ '2025-01-01 13:00+00' + (i % 730) * interval '1 day' + (i % 9) * interval '1 hour', 30, 'scheduled' \
         FROM generate_series(1, 200000) i; ANALYZE appointments;"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let zone = OrgZone::from_name(Some("America/New_York"));
    for stmt in [Stmt::Range, Stmt::Counts, Stmt::Day] {
        let p = plan(&url, Dialect::Voxanne, org, grid_start(d(2026, 3, 1)), zone, stmt).await;
        assert!(p.contains("idx_appointments_scheduled_at") || p.contains("idx_appointments_org_id"), "{stmt:?}: {p}");
    }
}
