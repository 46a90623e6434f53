//! Round trips per action, counted exactly by the bench's counting proxy (no delay here: counts, not times).
//! On a real link each one costs 20 to 150 ms.

mod common;
mod pgbouncer;

use std::time::Duration;

use common::*;
use switchboard::bench::link::DelayProxy;
use switchboard::core::model::{Anchor, Dialect, Key};
use switchboard::data::{DbOptions, Source};

/// Runs `f` and returns the round trips it cost before it returned (what the user waits for), and after
/// the connection went back to the pool (what the link carried).
async fn count<T>(proxy: &DelayProxy, f: impl std::future::Future<Output = T>) -> (T, u64, u64) {
    proxy.reset();
    let out = f.await;
    let waited = proxy.round_trips();
    tokio::time::sleep(Duration::from_millis(300)).await;
    (out, waited, proxy.round_trips())
}

#[tokio::test(flavor = "multi_thread")]
async fn round_trips_of_launch_a_page_and_a_call_are_counted() {
    let url = hostile_db("roundtrips").await;
    let o = switchboard::data::pool::parse_url(&url).unwrap();
    let upstream = format!("{}:{}", o.get_host(), o.get_port()).parse().unwrap();
    let proxy = DelayProxy::start(upstream, Duration::ZERO).await.unwrap();
    let src = Source::new(DbOptions::new(proxy.url(&url))).unwrap();
    let (info, _, launch) = count(&proxy, async {
        let info = src.detect(None).await.unwrap();
        src.orgs(info.dialect).await.unwrap();
        info
    })
    .await;
    assert_eq!(info.dialect, Dialect::ServiceAi);
    let org = Key::parse(ORG_A);
    let page = src.calls(Dialect::ServiceAi, &org, &Anchor::First, 50).await.unwrap();
    let after = Anchor::After(page.rows[49].cursor());
    // Each connection reads the platform's custom types once (sqlx), so the counts are taken warm: the
    // last of three, which the pool's two connections have both served before.
    let mut counts = Vec::new();
    let mut once = Vec::new();
    for _ in 0..5 {
        let (_, next_page, carried) = count(&proxy, src.calls(Dialect::ServiceAi, &org, &after, 50)).await;
        let (_, _, call) = count(&proxy, src.call(Dialect::ServiceAi, &org, &page.rows[0].key)).await;
        let (oc, _, oncall) = count(&proxy, src.oncall(Dialect::ServiceAi, &org)).await;
        assert!(oc.unwrap().unavailable.is_empty());
        let (_, _, profile) = count(&proxy, src.profile(Dialect::ServiceAi, &org)).await;
        let (_, _, orgs) = count(&proxy, src.orgs(Dialect::ServiceAi)).await;
        counts.push((next_page, carried));
        once.push((call, oncall, profile, orgs));
    }
    // pgup, a calendar day and a month's counts: one message each too.
    let second = src.calls(Dialect::ServiceAi, &org, &after, 50).await.unwrap();
    let back = Anchor::Before(second.rows[0].cursor());
    let (up, _, pgup) = count(&proxy, src.calls(Dialect::ServiceAi, &org, &back, 50)).await;
    assert_eq!(up.unwrap().rows, page.rows, "pgup from the second page is the first");
    let zone = switchboard::core::time::OrgZone::from_name(Some("America/New_York"));
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
    let (r, _, a_day) = count(&proxy, src.day_appointments(Dialect::ServiceAi, &org, day, zone)).await;
    r.unwrap();
    let to = day + chrono::Duration::days(42);
    let (r, _, month) = count(&proxy, src.appointment_counts(Dialect::ServiceAi, &org, day, to, zone)).await;
    r.unwrap();
    assert_eq!((pgup, a_day, month), (1, 1, 1), "pgup, a calendar day, a month's counts");
    let (next_page, carried) = counts[4];
    println!(
        "round trips: launch (connect, detect, orgs) {launch}; next page {carried} ({next_page} of them before \
         it was on screen); a call, on call, the profile, the org list {:?}; connections {}",
        once[4],
        proxy.connections()
    );
    // One message of the simple protocol (BEGIN READ ONLY, SET LOCALs, the statements, COMMIT), on a
    // connection kept warm after its last read ended whole, so sqlx's ping as a connection goes back to its
    // pool never happens: 1 (a call was 5, then 2).
    assert_eq!(once[4], (1, 1, 1, 1), "a call, on call (five statements), the profile, the org list: {once:?}");
    // A page: its two statements (rows with a time, rows without) in the same one message: 1 (it was 6, 5,
    // then 2), all of it before the page is on screen.
    assert_eq!((next_page, carried), (1, 1), "a page: {counts:?}");
    // The connection's startup (trust authentication, no TLS: one exchange), the connection statement and
    // the org list, one message each, on the one connection.
    assert_eq!(launch, 3, "launch");
    assert_eq!(proxy.connections(), 1, "one connection served it all, one read at a time");
}

/// Behind PgBouncer in transaction mode: the same one message per read, on a client connection kept warm
/// (PgBouncer gives a server connection per transaction, so a warm client connection holds none).
#[tokio::test(flavor = "multi_thread")]
async fn round_trips_through_a_transaction_pooler_are_counted() {
    let url = hostile_db("roundtripspooled").await;
    let db = pgbouncer::db_name(&url);
    let bouncer = pgbouncer::PgBouncer::start(2);
    let pooled = bouncer.url(&db, "sslmode=disable&pgbouncer=true");
    let o = switchboard::data::pool::parse_url(&pooled).unwrap();
    let upstream = format!("{}:{}", o.get_host(), o.get_port()).parse().unwrap();
    let proxy = DelayProxy::start(upstream, Duration::ZERO).await.unwrap();
    let src = Source::new(DbOptions::new(proxy.url(&pooled))).unwrap();
    let (_, _, launch) = count(&proxy, async {
        let info = src.detect(None).await.unwrap();
        src.orgs(info.dialect).await.unwrap();
    })
    .await;
    assert_eq!(src.pooler().0, switchboard::data::pool::Pooler::Transaction);
    let org = Key::parse(ORG_A);
    let page = src.calls(Dialect::ServiceAi, &org, &Anchor::First, 50).await.unwrap();
    let after = Anchor::After(page.rows[49].cursor());
    let mut counts = Vec::new();
    for _ in 0..3 {
        let (p, _, page_trips) = count(&proxy, src.calls(Dialect::ServiceAi, &org, &after, 50)).await;
        assert_eq!(p.unwrap().rows.len(), 50);
        let (_, _, call) = count(&proxy, src.call(Dialect::ServiceAi, &org, &page.rows[0].key)).await;
        let (_, _, oncall) = count(&proxy, src.oncall(Dialect::ServiceAi, &org)).await;
        counts.push((page_trips, call, oncall));
    }
    println!("through PgBouncer (transaction mode): launch {launch}; a page, a call, on call {:?}", counts[2]);
    assert_eq!(counts[2], (1, 1, 1), "{counts:?}");
    assert!(launch <= 4, "launch through the pooler: {launch}");
    src.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_idle_connection_the_server_closed_is_replaced_without_an_error() {
    use sqlx::Connection;
    let url = hostile_db("deadidle").await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let org = Key::parse(ORG_A);
    let huge = Key::parse(HUGE_CALL);
    let (a, b) = tokio::join!(
        src.calls(Dialect::ServiceAi, &org, &Anchor::First, 50),
        src.call(Dialect::ServiceAi, &org, &huge)
    );
    a.unwrap();
    b.unwrap();
    // The server (an admin, a restart, a pooler's recycling) ends the console's idle sessions.
    let mut admin = sqlx::PgConnection::connect(&url).await.unwrap();
    let ended: i64 = sqlx::query_scalar(
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity \
         WHERE datname = current_database() AND application_name = 'switchboard' AND pid <> pg_backend_pid()",
    )
    .fetch_one(&mut admin)
    .await
    .unwrap();
    assert!(ended >= 1, "the console had idle connections");
    tokio::time::sleep(Duration::from_millis(200)).await;
    // No ping before taking a connection, yet the next actions work: a dead one fails its BEGIN and is
    // replaced before anything ran.
    for _ in 0..3 {
        src.calls(Dialect::ServiceAi, &org, &Anchor::First, 50).await.expect("a dead idle connection is replaced");
    }
}

/// More reads at once than connections (the embedded demo has one): a connection kept warm never strands
/// a read waiting in the pool, and the ones kept warm are handed back to code that uses the pool itself.
#[tokio::test(flavor = "multi_thread")]
async fn reads_beyond_the_connections_all_get_one() {
    let url = hostile_db("oneconn").await;
    let mut opts = DbOptions::new(&url);
    opts.max_connections = 1;
    opts.connect_timeout_ms = 3000;
    let src = Source::new(opts).unwrap();
    let org = Key::parse(ORG_A);
    src.detect(None).await.unwrap();
    for _ in 0..5 {
        let (a, b, c) = tokio::join!(
            src.orgs(Dialect::ServiceAi),
            src.calls(Dialect::ServiceAi, &org, &Anchor::First, 50),
            src.oncall(Dialect::ServiceAi, &org)
        );
        a.unwrap();
        b.unwrap();
        c.unwrap();
    }
    // A warm connection is handed back to the pool for a caller that takes one from it.
    let mut conn = tokio::time::timeout(Duration::from_secs(2), src.read_pool().acquire())
        .await
        .expect("the warm connection went back to the pool")
        .unwrap();
    sqlx::raw_sql("SELECT 1").execute(&mut *conn).await.unwrap();
    drop(conn);
    src.close().await;
}

/// `export calls --org ID` reads the org list and the first page in one message: one round trip less than
/// naming the org, and the same output.
#[tokio::test(flavor = "multi_thread")]
async fn an_export_of_an_org_named_by_its_id_reads_the_list_and_the_page_at_once() {
    let url = hostile_db("exportonce").await;
    let o = switchboard::data::pool::parse_url(&url).unwrap();
    let upstream = format!("{}:{}", o.get_host(), o.get_port()).parse().unwrap();
    let proxy = DelayProxy::start(upstream, Duration::ZERO).await.unwrap();
    let via = proxy.url(&url);
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let name =
        src.orgs(Dialect::ServiceAi).await.unwrap().into_iter().find(|o| o.key == Key::parse(ORG_A)).unwrap().name;
    src.close().await;
    let logs = std::env::temp_dir().join(format!("sb-exportonce-{}", std::process::id()));
    let export = |org: String| {
        let (via, logs) = (via.clone(), logs.clone());
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
                .args(["export", "calls", "--url", &via, "--org", &org, "--limit", "50"])
                .env_remove("DATABASE_URL")
                .env_remove("SWITCHBOARD_PROFILE")
                .env("SWITCHBOARD_CONFIG", "/dev/null")
                .env("SWITCHBOARD_LOG_DIR", &logs)
                .output()
                .unwrap()
        })
    };
    proxy.reset();
    let by_id = export(ORG_A.to_string()).await.unwrap();
    let id_trips = proxy.round_trips();
    proxy.reset();
    let by_name = export(name).await.unwrap();
    let name_trips = proxy.round_trips();
    assert!(by_id.status.success(), "{}", String::from_utf8_lossy(&by_id.stderr));
    assert!(by_name.status.success(), "{}", String::from_utf8_lossy(&by_name.stderr));
    assert_eq!(String::from_utf8_lossy(&by_id.stdout), String::from_utf8_lossy(&by_name.stdout));
    println!("export calls: by id {id_trips} round trips, by name {name_trips}");
    // Startup, the catalog, the list with the page, and the goodbye: 4; by name the page is a message more.
    assert_eq!((id_trips, name_trips), (4, 5));
}
