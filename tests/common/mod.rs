//! Shared test support: a fresh database per test on the throwaway server that `scripts/test` starts.
#![allow(dead_code)]

pub mod model;
pub mod tmux;

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{AssertSqlSafe, Connection, PgConnection};

pub const SCHEMA: &str = include_str!("../../assets/schemas/serviceai.sql");
pub const HOSTILE: &str = include_str!("../fixtures/serviceai_hostile.sql");
pub const DEMO: &str = include_str!("../../assets/demo/serviceai.sql");

pub const ORG_A: &str = "00000000-0000-0000-0000-00000000000a";
pub const ORG_B: &str = "00000000-0000-0000-0000-00000000000b";
pub const ORG_C: &str = "00000000-0000-0000-0000-00000000000c";
pub const HUGE_CALL: &str = "40000000-0000-0000-0000-000000000001";
pub const HOSTILE_CALL: &str = "40000000-0000-0000-0000-000000000002";

/// The server's admin URL. The tests need a real PostgreSQL: run them with `scripts/test`.
pub fn admin_url() -> String {
    std::env::var("SWITCHBOARD_TEST_URL").unwrap_or_else(|_| {
        panic!("SWITCHBOARD_TEST_URL is not set: run the tests with scripts/test, which starts a throwaway PostgreSQL")
    })
}

/// The URL of another database on the same server.
pub fn url_for(db: &str) -> String {
    let admin = admin_url();
    let (base, query) = match admin.split_once('?') {
        Some((b, q)) => (b.to_string(), format!("?{q}")),
        None => (admin.clone(), String::new()),
    };
    let cut = base.rfind('/').expect("admin URL has a database");
    format!("{}/{db}{query}", &base[..cut])
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Creates an empty database with a unique name and runs the scripts in it. Returns its URL.
pub async fn fresh_db(hint: &str, scripts: &[&str]) -> String {
    let name = format!("sb_{hint}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
    let mut admin = PgConnection::connect(&admin_url()).await.expect("connect to the test server");
    sqlx::raw_sql(AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}"))).execute(&mut admin).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await.unwrap();
    admin.close().await.ok();
    let url = url_for(&name);
    let mut conn = PgConnection::connect(&url).await.unwrap();
    for s in scripts {
        sqlx::raw_sql(AssertSqlSafe(*s)).execute(&mut conn).await.expect("load test script");
    }
    conn.close().await.ok();
    url
}

/// A database with the ServiceAI schema and the hostile fixture.
pub async fn hostile_db(hint: &str) -> String {
    fresh_db(hint, &[SCHEMA, HOSTILE]).await
}

/// Waits (up to 10 s) until the server shows nothing running under a request's tag
/// (`switchboard/<instance>/<req>`): after a cancelled request's error arrives, its ROLLBACK may still run
/// for a moment, tagged.
pub async fn wait_until_no_active_request(watcher: &mut PgConnection, req: u64) {
    let start = std::time::Instant::now();
    loop {
        let active: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'switchboard/%/' || $1 \
             AND state = 'active'",
        )
        .bind(req.to_string())
        .fetch_one(&mut *watcher)
        .await
        .unwrap();
        if active == 0 {
            return;
        }
        assert!(start.elapsed().as_secs() < 10, "request {req} never finished on the server");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// A superseded request is cancelled on the server: with the organizations locked (on `direct_url`), request
/// 41 lists orgs through `via_url` and waits; once the server shows it running under its tag, `cancel(41)`
/// stops it (1 statement), its caller gets "superseded" long before the 60 s timeout, and afterwards there
/// is nothing left to cancel. Returns a connection to the server for further checks, the lock released.
pub async fn a_superseded_query_is_cancelled(
    direct_url: &str,
    via_url: &str,
) -> (switchboard::data::Source, PgConnection) {
    use switchboard::core::model::Dialect;
    use switchboard::data::{DbOptions, Source};
    // Hold a lock so that listing orgs waits, with a statement timeout far away.
    let mut locker = PgConnection::connect(direct_url).await.unwrap();
    sqlx::query("BEGIN").execute(&mut locker).await.unwrap();
    sqlx::query("LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE").execute(&mut locker).await.unwrap();
    let mut opts = DbOptions::new(via_url);
    opts.statement_timeout_ms = 60_000;
    let src = Source::new(opts).unwrap();
    let waiting = src.tagged(41);
    let task = tokio::spawn(async move { waiting.orgs(Dialect::ServiceAi).await });
    // Wait until the server shows it running under its tag (asked outside the locker's transaction, whose
    // view of pg_stat_activity is a snapshot).
    let mut watcher = PgConnection::connect(direct_url).await.unwrap();
    let start = std::time::Instant::now();
    loop {
        let n: i64 =
            sqlx::query_scalar("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'switchboard/%/41' AND state = 'active' AND wait_event_type = 'Lock'")
                .fetch_one(&mut watcher)
                .await
                .unwrap();
        if n > 0 {
            break;
        }
        assert!(start.elapsed().as_secs() < 10, "the tagged query never showed up");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(src.cancel(41).await.unwrap(), 1);
    let e = task.await.unwrap().unwrap_err();
    assert!(e.contains("superseded"), "{e}");
    assert!(start.elapsed().as_secs() < 10, "cancelled long before the 60 s timeout");
    // The request's ROLLBACK may still run, tagged, for a moment after the error arrived.
    wait_until_no_active_request(&mut watcher, 41).await;
    assert_eq!(src.cancel(41).await.unwrap(), 0, "nothing left to cancel");
    sqlx::query("ROLLBACK").execute(&mut locker).await.unwrap();
    (src, watcher)
}

/// `switchboard check --url <url>` on the real binary: its exit code and everything it printed.
pub fn check_output(url: &str) -> (i32, String) {
    let log = std::env::temp_dir().join(format!("sb-check-log-{}", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["check", "--url", url])
        .env("SWITCHBOARD_LOG_DIR", &log)
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

/// A dialect's hostile fixture and its caller-history fixture, in load order.
pub fn caller_fixtures(d: switchboard::core::model::Dialect) -> [&'static str; 2] {
    match d {
        switchboard::core::model::Dialect::Retell => {
            [include_str!("../fixtures/retell_hostile.sql"), include_str!("../fixtures/retell_caller.sql")]
        }
        switchboard::core::model::Dialect::ServiceAi => {
            [include_str!("../fixtures/serviceai_hostile.sql"), include_str!("../fixtures/serviceai_caller.sql")]
        }
        switchboard::core::model::Dialect::Voxanne => {
            [include_str!("../fixtures/voxanne_hostile.sql"), include_str!("../fixtures/voxanne_caller.sql")]
        }
        switchboard::core::model::Dialect::Prisma => {
            [include_str!("../fixtures/prisma_hostile.sql"), include_str!("../fixtures/prisma_caller.sql")]
        }
        switchboard::core::model::Dialect::Quinite => {
            [include_str!("../fixtures/quinite_hostile.sql"), include_str!("../fixtures/quinite_caller.sql")]
        }
    }
}

/// Runs the real binary with `args`, without a config file, a DATABASE_URL or a profile from the
/// environment, logging into a directory of its own: (exit code, stdout, stderr).
#[allow(dead_code)]
pub fn run_switchboard(args: &[&str]) -> (i32, String, String) {
    let log = std::env::temp_dir().join(format!("sb-test-log-{}", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .env("SWITCHBOARD_LOG_DIR", &log)
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env_remove("DATABASE_URL")
        .env_remove("SWITCHBOARD_PROFILE")
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// Acme's overview (ServiceAI, America/New_York) for January 2026 on the hostile fixture after `change`
/// (SQL run first), and a connection to check it against direct SQL.
pub async fn serviceai_january_overview(
    hint: &str,
    change: &str,
) -> (PgConnection, switchboard::core::overview::Overview) {
    let url = hostile_db(hint).await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(change.to_string())).execute(&mut c).await.unwrap();
    let src = switchboard::data::Source::new(switchboard::data::DbOptions::new(&url)).unwrap();
    let ny = switchboard::core::time::OrgZone::from_name(Some("America/New_York"));
    let day = |m| chrono::NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
    let org = switchboard::core::model::Key::parse(ORG_A);
    let o = src.overview(switchboard::core::model::Dialect::ServiceAi, &org, day(1), day(2), &ny).await.unwrap();
    (c, o)
}
