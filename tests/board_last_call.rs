//! The board's "last call" against a real PostgreSQL: every org's real last call on every platform (not a
//! week's newest call, not Retell's `last_activity_at`), on the full schema and the seed-minimal one; "no
//! calls" for an org that never had one; silence told from it ("no calls for 33 d"); the probe served by
//! the time index; and the board's round trips, counted.

mod common;

use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, Connection, PgConnection, Row};
use switchboard::bench::link::DelayProxy;
use switchboard::core::board::{BoardRow, LastCall, Reason, reasons};
use switchboard::core::model::{Dialect, Key};
use switchboard::data::{DbOptions, Source, dialects};

/// Each platform's last call per org, written directly: (org id, newest call time, any call at all).
fn direct_sql(d: Dialect) -> &'static str {
    match d {
        Dialect::ServiceAi => {
            "SELECT o.id::text AS id, (SELECT max(c.created_at) FROM call_logs c WHERE c.organization_id = o.id) AS t, \
             EXISTS (SELECT 1 FROM call_logs c WHERE c.organization_id = o.id) AS any FROM organizations o"
        }
        Dialect::Voxanne => {
            "SELECT o.id::text AS id, (SELECT max(c.created_at) FROM calls c WHERE c.org_id = o.id) AS t, \
             EXISTS (SELECT 1 FROM calls c WHERE c.org_id = o.id) AS any FROM organizations o"
        }
        Dialect::Prisma => {
            "SELECT o.id::text AS id, (SELECT max(c.\"timestamp\") AT TIME ZONE 'UTC' FROM \"CallLog\" c \
               WHERE c.\"organizationId\" = o.id) AS t, \
             EXISTS (SELECT 1 FROM \"CallLog\" c WHERE c.\"organizationId\" = o.id) AS any FROM \"Organization\" o"
        }
        Dialect::Quinite => {
            "SELECT o.id::text AS id, (SELECT max(c.call_timestamp) FROM call_logs c WHERE c.organization_id = o.id) AS t, \
             EXISTS (SELECT 1 FROM call_logs c WHERE c.organization_id = o.id) AS any FROM organizations o"
        }
        Dialect::Retell => unreachable!("Retell's calls are per tenant schema"),
    }
}

fn fixture(d: Dialect) -> (&'static str, &'static str) {
    match d {
        Dialect::ServiceAi => {
            (include_str!("fixtures/serviceai_hostile.sql"), include_str!("fixtures/minimal/serviceai.sql"))
        }
        Dialect::Voxanne => {
            (include_str!("fixtures/voxanne_hostile.sql"), include_str!("fixtures/minimal/voxanne.sql"))
        }
        Dialect::Prisma => (include_str!("fixtures/prisma_hostile.sql"), include_str!("fixtures/minimal/prisma.sql")),
        Dialect::Quinite => {
            (include_str!("fixtures/quinite_hostile.sql"), include_str!("fixtures/minimal/quinite.sql"))
        }
        Dialect::Retell => (include_str!("fixtures/retell_hostile.sql"), include_str!("fixtures/minimal/retell.sql")),
    }
}

/// The board's last call of every org equals the direct SQL's; returns how many orgs were old (their last
/// call more than a week ago) and how many never had a call.
async fn equals_direct_sql(url: &str, d: Dialect) -> (usize, usize) {
    let src = Source::new(DbOptions::new(url)).unwrap();
    src.detect(None).await.unwrap();
    let rows = src.board(d).await.unwrap_or_else(|e| panic!("{d}: board: {e}"));
    let mut c = PgConnection::connect(url).await.unwrap();
    let direct = sqlx::query(direct_sql(d)).fetch_all(&mut c).await.unwrap();
    assert_eq!(rows.len(), direct.len(), "{d}: one board row per org");
    let now = Utc::now();
    let (mut old, mut never) = (0, 0);
    for r in &direct {
        let id: String = r.get("id");
        let t: Option<DateTime<Utc>> = r.get("t");
        let any: bool = r.get("any");
        let want = LastCall::from_columns(t, Some(any));
        let row = rows.iter().find(|b| b.key == Key::parse(&id)).unwrap_or_else(|| panic!("{d}: no row for {id}"));
        assert_eq!(row.last_call, want, "{d}: org {id}");
        if t.is_some_and(|t| now - t > chrono::Duration::days(7)) {
            old += 1;
        }
        if !any {
            never += 1;
            let active = row.status.as_deref().is_none_or(|s| s.eq_ignore_ascii_case("active"));
            assert_eq!(
                reasons(row, now).contains(&Reason::Silent { days: None }),
                active,
                "{d}: org {id} never called"
            );
        }
    }
    src.close().await;
    (old, never)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_platform_reads_the_real_last_call_of_every_org() {
    for d in [Dialect::ServiceAi, Dialect::Voxanne, Dialect::Prisma, Dialect::Quinite] {
        let (hostile, minimal) = fixture(d);
        let schema = dialects::platform(d).schema_ddl;
        let full = common::fresh_db(&format!("lastcall{}", d.name()), &[schema, hostile]).await;
        let (old, _) = equals_direct_sql(&full, d).await;
        // The fixtures' calls are older than the week the board's figures read: the last call is still there.
        assert!(old >= 1, "{d}: an org whose last call is older than a week");
        let min = common::fresh_db(&format!("lastcallmin{}", d.name()), &[schema, hostile, minimal]).await;
        let (old_min, _) = equals_direct_sql(&min, d).await;
        assert_eq!(old, old_min, "{d}: the seed-minimal schema reads the same last calls");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn serviceai_silence_is_told_from_the_last_call() {
    let url = common::hostile_db("lastcallsilent").await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    // Acme's last call 33 days ago; Tokyo's calls moved out and one without a time kept; a new org with none.
    sqlx::raw_sql(
        "UPDATE call_logs SET created_at = now() - interval '40 days' WHERE organization_id = '00000000-0000-0000-0000-00000000000a'; \
         UPDATE call_logs SET created_at = now() - interval '33 days' \
           WHERE id = (SELECT id FROM call_logs WHERE organization_id = '00000000-0000-0000-0000-00000000000a' LIMIT 1); \
         INSERT INTO organizations (id, name, industry) VALUES ('00000000-0000-0000-0000-0000000000ff', 'Never Called Ltd', 'plumbing');",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let rows = src.board(Dialect::ServiceAi).await.unwrap();
    let now = Utc::now();
    let of = |id: &str| rows.iter().find(|r| r.key == Key::parse(id)).unwrap();
    let a = of(common::ORG_A);
    let LastCall::At(t) = a.last_call else { panic!("{:?}", a.last_call) };
    assert_eq!((now - t).num_days(), 33);
    assert_eq!(reasons(a, now), vec![Reason::Silent { days: Some(33) }]);
    assert_eq!(reasons(a, now)[0].text(), "∅ no calls for 33 d");
    let never = of("00000000-0000-0000-0000-0000000000ff");
    assert_eq!(never.last_call, LastCall::Never);
    assert_eq!(reasons(never, now)[0].text(), "∅ no calls at all");
    assert_eq!((never.calls_7d, never.calls_24h), (0, 0));
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_reads_each_tenants_calls_not_last_activity_at() {
    let url = common::fresh_db(
        "lastcallretell",
        &[dialects::platform(Dialect::Retell).schema_ddl, include_str!("fixtures/retell_hostile.sql")],
    )
    .await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    // last_activity_at says "just now" for A and "33 days ago" for B, which has no calls at all.
    sqlx::raw_sql(AssertSqlSafe(
        "UPDATE system.organizations SET last_activity_at = now() WHERE id = '00000000-0000-0000-0000-00000000000a'; \
         UPDATE system.organizations SET last_activity_at = now() - interval '33 days', status = 'active' \
           WHERE id = '00000000-0000-0000-0000-00000000000b'",
    ))
    .execute(&mut c)
    .await
    .unwrap();
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let rows = src.board(Dialect::Retell).await.unwrap();
    let now = Utc::now();
    let of = |id: &str| -> &BoardRow { rows.iter().find(|r| r.key == Key::parse(id)).unwrap() };
    let newest = |schema: &str| {
        let sql = format!("SELECT max(created_at) FROM {schema}.calls");
        sqlx::query_scalar::<_, Option<DateTime<Utc>>>(AssertSqlSafe(sql))
    };
    let a_max = newest("org_acme_plumbing_3cbe86ec52774832a9185220c74fc619").fetch_one(&mut c).await.unwrap();
    assert_eq!(a_max, Some("2026-02-01T10:00:00Z".parse().unwrap()), "the fixture's newest call of A");
    assert_eq!(of(common::ORG_A).last_call, LastCall::At(a_max.unwrap()));
    let c_max = newest("\"org_Tōkyō\"\"Dental\"").fetch_one(&mut c).await.unwrap();
    assert_eq!(of(common::ORG_C).last_call, LastCall::from_columns(c_max, Some(true)));
    let e_max = newest("org_old_columns").fetch_one(&mut c).await.unwrap();
    assert_eq!(of("00000000-0000-0000-0000-00000000000e").last_call, LastCall::from_columns(e_max, Some(true)));
    let b = of(common::ORG_B);
    assert_eq!(b.last_call, LastCall::Never, "org B has no calls, whatever last_activity_at says");
    assert_eq!(reasons(b, now), vec![Reason::Silent { days: None }]);
    // Org D has no schema: its last call is unknown, not "no calls".
    assert_eq!(of("00000000-0000-0000-0000-00000000000d").last_call, LastCall::Unknown);
    // A tenant whose calls all lack a time has calls, undated.
    sqlx::raw_sql("UPDATE org_evil_b.calls SET created_at = NULL; INSERT INTO org_evil_b.calls (external_call_id, created_at) VALUES ('undated-1', NULL)")
        .execute(&mut c)
        .await
        .unwrap();
    let rows = src.board(Dialect::Retell).await.unwrap();
    let b = rows.iter().find(|r| r.key == Key::parse(common::ORG_B)).unwrap();
    assert_eq!(b.last_call, LastCall::Undated);
    assert!(reasons(b, now).is_empty(), "calls without a time say nothing of silence");
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_seed_minimal_reads_the_same_last_calls() {
    let (hostile, minimal) = fixture(Dialect::Retell);
    let schema = dialects::platform(Dialect::Retell).schema_ddl;
    let full = common::fresh_db("lastcallretellfull", &[schema, hostile]).await;
    let min = common::fresh_db("lastcallretellmin", &[schema, hostile, minimal]).await;
    let read = |url: String| async move {
        let src = Source::new(DbOptions::new(&url)).unwrap();
        let mut rows: Vec<(String, LastCall)> =
            src.board(Dialect::Retell).await.unwrap().into_iter().map(|r| (r.key.to_string(), r.last_call)).collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        rows
    };
    let (f, m) = (read(full).await, read(min).await);
    assert_eq!(f, m);
    assert!(f.iter().any(|(_, l)| matches!(l, LastCall::At(_))));
}

/// The probe is one index scan per org, newest first, on the index the call list pages by.
#[tokio::test(flavor = "multi_thread")]
async fn the_probe_is_served_by_the_time_index() {
    let url = common::hostile_db("lastcallexplain").await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO call_logs (organization_id, vapi_call_id, customer_phone_number, call_status, created_at) \
         SELECT '00000000-0000-0000-0000-00000000000a', 'bulk-' || i, '+15550001111', 'completed', \
                now() - i * interval '1 minute' FROM generate_series(1, 50000) i; ANALYZE call_logs;",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let plan: Vec<String> = sqlx::query_scalar(
        "EXPLAIN SELECT lc.t FROM organizations o LEFT JOIN LATERAL (SELECT k.created_at AS t FROM call_logs k \
         WHERE k.organization_id = o.id AND k.created_at IS NOT NULL ORDER BY k.created_at DESC LIMIT 1) lc ON true",
    )
    .fetch_all(&mut c)
    .await
    .unwrap();
    let plan = plan.join("\n");
    assert!(plan.contains("Index") && plan.contains("Limit"), "{plan}");
    assert!(!plan.contains("Sort"), "no sort of an org's calls: {plan}");
    // The board's own statement holds exactly that probe.
    let board = dialects::platform(Dialect::ServiceAi).board.unwrap();
    assert!(board.contains("LEFT JOIN LATERAL") && board.contains("DESC LIMIT 1"), "{board}");
}

/// Runs `f` and returns the round trips it cost once its connection went back to the pool.
async fn count<T>(proxy: &DelayProxy, f: impl std::future::Future<Output = T>) -> (T, u64) {
    proxy.reset();
    let out = f.await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    (out, proxy.round_trips())
}

/// A source reaching the database through the bench's counting proxy, its platform detected.
async fn through_a_counting_proxy(url: &str) -> (DelayProxy, Source) {
    let o = switchboard::data::pool::parse_url(url).unwrap();
    let upstream = format!("{}:{}", o.get_host(), o.get_port()).parse().unwrap();
    let proxy = DelayProxy::start(upstream, Duration::ZERO).await.unwrap();
    let src = Source::new(DbOptions::new(proxy.url(url))).unwrap();
    src.detect(None).await.unwrap();
    (proxy, src)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_board_costs_the_round_trips_it_did() {
    let url = common::hostile_db("lastcalltrips").await;
    let (proxy, src) = through_a_counting_proxy(&url).await;
    let mut trips = Vec::new();
    for _ in 0..3 {
        let (rows, n) = count(&proxy, src.board(Dialect::ServiceAi)).await;
        assert!(rows.unwrap().iter().any(|r| matches!(r.last_call, LastCall::At(_))));
        trips.push(n);
    }
    println!("round trips of the board (serviceai, warm): {trips:?}");
    assert_eq!(trips[2], BOARD_TRIPS, "the board: {trips:?}");
    // Retell: the registry and one batch of tenants, each its own read.
    let url = common::fresh_db(
        "lastcalltripsretell",
        &[dialects::platform(Dialect::Retell).schema_ddl, include_str!("fixtures/retell_hostile.sql")],
    )
    .await;
    let (proxy, src) = through_a_counting_proxy(&url).await;
    let mut trips = Vec::new();
    for _ in 0..3 {
        let (rows, n) = count(&proxy, src.board(Dialect::Retell)).await;
        rows.unwrap();
        trips.push(n);
    }
    println!("round trips of the board (retell, 5 orgs, warm): {trips:?}");
    assert_eq!(trips[2], 2 * BOARD_TRIPS, "retell's board: {trips:?}");
}

/// One read of one statement through `Source::read`, as before the last call was read: the board still
/// sends the one statement it sent (the probes are inside it).
const BOARD_TRIPS: u64 = 5;

/// The board drawn at 120×40, 80×24 and 60×16: a last call 33 days ago, an org with no calls at all, calls
/// without a time, a tenant whose calls cannot be read, and a recent call.
#[test]
fn board_snapshots() {
    use chrono::TimeZone;
    use common::model::{connected, draw};
    use ratatui_textarea::{Input, Key as TKey};
    use switchboard::core::action::Action;
    use switchboard::core::reducer::update;
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 15, 0, 0).unwrap();
    for (w, h) in [(120, 40), (80, 24), (60, 16)] {
        let mut s = connected(w, h);
        s.now = now;
        update(&mut s, Action::Input(Input { key: TKey::Tab, ..Default::default() }));
        let req = s.board.pending.expect("the board is asked for");
        let last = [
            LastCall::At(now - chrono::Duration::days(33)),
            LastCall::Never,
            LastCall::Undated,
            LastCall::Unknown,
            LastCall::At(now - chrono::Duration::hours(2)),
        ];
        let rows: Vec<BoardRow> = s
            .orgs
            .all
            .iter()
            .zip(last)
            .map(|(o, last_call)| BoardRow {
                key: o.key.clone(),
                name: o.name.clone(),
                status: Some("active".into()),
                calls_24h: 0,
                failed_24h: 0,
                calls_7d: 0,
                failed_7d: 0,
                open_emergencies: Some(0),
                last_call,
                figures_unread: matches!(last_call, LastCall::Unknown)
                    .then(|| "its schema has no call_rollups this role can read".to_string()),
            })
            .collect();
        update(&mut s, Action::BoardLoaded { req, result: Ok(rows), ms: 2.0, partial: false });
        let screen = draw(&s);
        assert!(screen.contains("33 d ago") && screen.contains("no calls ") && screen.contains("no time"), "{screen}");
        if w >= 80 {
            assert!(screen.contains("no calls for 33 d") && screen.contains("no calls at all"), "{screen}");
        }
        insta::assert_snapshot!(format!("board_last_call_{w}x{h}"), screen);
    }
}
