//! A guest on the platform's database leaves nothing behind: no session setting on a pooler's shared server
//! connections (even a PgBouncer the URL does not announce), no transaction open after a superseded or
//! aborted request, no idle connection held for long, and a clear word when a pooler's client limit is
//! reached.

mod common;
mod pgbouncer;

use std::time::{Duration, Instant};

use common::*;
use pgbouncer::{PgBouncer, db_name};
use sqlx::postgres::PgConnectOptions;
use sqlx::{AssertSqlSafe, Connection, PgConnection, Row};
use switchboard::core::model::{Anchor, Dialect, Key};
use switchboard::data::pool::Pooler;
use switchboard::data::{DbOptions, Source};

/// A client of the platform's own, through the same PgBouncer (PgBouncer 1.18 refuses sqlx's
/// extra_float_digits unless told to ignore it, so it is not sent).
async fn platform_client(bouncer: &PgBouncer, db: &str) -> PgConnection {
    let opts: PgConnectOptions = bouncer.url(db, "sslmode=disable").parse::<PgConnectOptions>().unwrap();
    PgConnection::connect_with(&opts.extra_float_digits(None)).await.unwrap()
}

/// The platform's own write through the pooler goes through, and the shared server connections carry no
/// setting of the console's.
async fn the_platform_still_writes(bouncer: &PgBouncer, db: &str) {
    let mut other = platform_client(bouncer, db).await;
    for setting in ["default_transaction_read_only", "transaction_read_only", "statement_timeout"] {
        let v: String =
            sqlx::raw_sql(AssertSqlSafe(format!("SHOW {setting}"))).fetch_one(&mut other).await.unwrap().get(0);
        let want = if setting == "statement_timeout" { "0" } else { "off" };
        assert_eq!(v, want, "{setting} leaked onto PgBouncer's shared server connection");
    }
    sqlx::raw_sql(AssertSqlSafe(
        "INSERT INTO organizations (name, industry) VALUES ('Written by the platform', 'plumbing')".to_string(),
    ))
    .execute(&mut other)
    .await
    .expect("the platform's own INSERT through the pooler");
    other.close().await.ok();
}

/// Runs the binary with `args`, no config, its log in `log_dir`.
fn switchboard(args: &[&str], log_dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("SWITCHBOARD_PROFILE")
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env("SWITCHBOARD_LOG_DIR", log_dir)
        .output()
        .unwrap()
}

fn temp_dir(hint: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("sb-harmless-{hint}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pgbouncer_on_any_port_without_a_marker_is_recognised_and_left_as_it_was() {
    let url = hostile_db("unmarked").await;
    let db = db_name(&url);
    // Supabase's own PgBouncer setting; nothing in the URL says pooler.
    let bouncer = PgBouncer::start_with(1, "transaction", "ignore_startup_parameters = extra_float_digits\n");
    let via = bouncer.url(&db, "sslmode=disable");
    assert_eq!(switchboard::data::pool::detect_pooler(&via), None);

    let src = Source::new(DbOptions::new(&via)).unwrap();
    let info = src.detect(None).await.unwrap();
    assert_eq!(info.dialect, Dialect::ServiceAi);
    let (mode, why) = src.pooler();
    assert_eq!(mode, Pooler::Transaction, "{why}");
    assert!(why.contains("refused the startup parameters"), "{why}");
    assert!(src.reads_are_read_only().await.unwrap(), "reads stay read-only by BEGIN READ ONLY");
    assert_eq!(src.orgs(Dialect::ServiceAi).await.unwrap().len(), 3);
    let org = Key::parse(ORG_A);
    let mut anchor = Anchor::First;
    for _ in 0..5 {
        let page = src.calls(Dialect::ServiceAi, &org, &anchor, 50).await.unwrap();
        let last = page.rows.last().unwrap();
        src.call(Dialect::ServiceAi, &org, &last.key).await.unwrap().unwrap();
        anchor = Anchor::After(last.cursor());
    }
    src.close().await;
    the_platform_still_writes(&bouncer, &db).await;

    // The binary: check and an export through the same pooler, then the platform writes again.
    let logs = temp_dir("unmarked");
    let out = switchboard(&["check", "--url", &via], &logs);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("pooler      transaction mode (a pooler: it refused"), "{stdout}");
    assert!(stdout.contains("mode        read-only"), "{stdout}");
    let out = switchboard(&["export", "calls", "--url", &via, "--org", ORG_A, "--limit", "50"], &logs);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() >= 50);
    the_platform_still_writes(&bouncer, &db).await;
    let _ = std::fs::remove_dir_all(&logs);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pooler_that_drops_the_startup_options_is_recognised_too() {
    let url = hostile_db("dropped").await;
    let db = db_name(&url);
    let bouncer = PgBouncer::start_with(1, "transaction", "ignore_startup_parameters = extra_float_digits, options\n");
    let src = Source::new(DbOptions::new(bouncer.url(&db, "sslmode=disable"))).unwrap();
    src.detect(None).await.unwrap();
    let (mode, why) = src.pooler();
    assert_eq!(mode, Pooler::Transaction, "{why}");
    assert!(why.contains("did not reach the server"), "{why}");
    assert!(src.reads_are_read_only().await.unwrap());
    assert_eq!(src.orgs(Dialect::ServiceAi).await.unwrap().len(), 3);
    src.close().await;
    the_platform_still_writes(&bouncer, &db).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_direct_connection_is_read_only_from_its_startup_packet_and_sets_nothing() {
    let url = hostile_db("startup").await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    src.detect(None).await.unwrap();
    assert_eq!(src.pooler().0, Pooler::None, "a real server takes the startup options");
    let mut conn = src.read_pool().acquire().await.unwrap();
    let v: String = sqlx::raw_sql("SHOW default_transaction_read_only").fetch_one(&mut *conn).await.unwrap().get(0);
    assert_eq!(v, "on");
    // Set by the startup packet (source "client"), not by a SET the session could carry on.
    let source: String =
        sqlx::query_scalar("SELECT source FROM pg_settings WHERE name = 'default_transaction_read_only'")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    assert_eq!(source, "client");
}

/// Every connection of this test's database: whether any is left inside a transaction.
async fn open_transactions(watcher: &mut PgConnection, db: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT application_name || ': ' || state || ': ' || left(query, 80) FROM pg_stat_activity \
         WHERE datname = $1 AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()",
    )
    .bind(db)
    .fetch_all(&mut *watcher)
    .await
    .unwrap()
}

/// Waits (up to 10 s) until no connection of `db` is idle in a transaction; returns what is left.
async fn settle(watcher: &mut PgConnection, db: &str) -> Vec<String> {
    let start = Instant::now();
    loop {
        let open = open_transactions(watcher, db).await;
        if open.is_empty() || start.elapsed() > Duration::from_secs(10) {
            return open;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The server's complaints about this database in its log (scripts/test names the log and puts the
/// database in each line's prefix).
fn server_log_lines(db: &str, needle: &str) -> Option<usize> {
    let path = std::env::var_os("SWITCHBOARD_TEST_SERVER_LOG")?;
    let log = std::fs::read_to_string(path).ok()?;
    Some(log.lines().filter(|l| l.contains(&format!(" {db} ")) && l.contains(needle)).count())
}

/// 200 requests, each dropped (as the runner aborts a superseded one) at another moment: before its BEGIN
/// is answered, mid-statement, before its COMMIT. Afterwards no connection is left in a transaction, the
/// server never saw a BEGIN inside one, and a write right after goes through.
async fn superseded_requests_leave_nothing_open(url: &str, via: &str, db: &str) {
    let mut watcher = PgConnection::connect(url).await.unwrap();
    let src = Source::new(DbOptions::new(via)).unwrap();
    let org = Key::parse(ORG_A);
    let mut finished = 0;
    for i in 0..200u64 {
        let s = src.tagged(i);
        let o = org.clone();
        let task = tokio::spawn(async move {
            let page = s.calls(Dialect::ServiceAi, &o, &Anchor::First, 50).await?;
            s.call(Dialect::ServiceAi, &o, &Key::parse(HUGE_CALL)).await?;
            Ok::<_, String>(page.rows.len())
        });
        // From at once to well after the page could have arrived (0 to 2.5 ms in 50 µs steps, then longer).
        let wait = if i < 150 { Duration::from_micros(50 * (i % 50)) } else { Duration::from_millis(i - 145) };
        tokio::time::sleep(wait).await;
        if task.is_finished() {
            finished += 1;
        }
        task.abort();
        let _ = task.await;
    }
    println!("{via}: 200 requests aborted, {finished} had finished first");
    let open = settle(&mut watcher, db).await;
    assert!(open.is_empty(), "connections left in a transaction: {open:?}");
    // A write right after, in write mode, runs in its own transaction.
    let note = "d0000000-0000-0000-0000-0000000000cc";
    sqlx::raw_sql(AssertSqlSafe(format!(
        "INSERT INTO emergency_notifications (id, organization_id, notification_type, urgency, message, status) \
         VALUES ('{note}', '{ORG_A}', 'sms', 'high', 'Flood', 'pending') ON CONFLICT (id) DO UPDATE SET status = 'pending'"
    )))
    .execute(&mut watcher)
    .await
    .unwrap();
    let mut opts = DbOptions::new(via);
    opts.read_only = false;
    let rw = Source::new(opts).unwrap();
    rw.acknowledge(Dialect::ServiceAi, &org, &Key::parse(note)).await.unwrap();
    let status: String =
        sqlx::query_scalar(AssertSqlSafe(format!("SELECT status FROM emergency_notifications WHERE id = '{note}'")))
            .fetch_one(&mut watcher)
            .await
            .unwrap();
    assert_eq!(status, "acknowledged");
    rw.close().await;
    src.close().await;
    if let Some(n) = server_log_lines(db, "there is already a transaction in progress") {
        assert_eq!(n, 0, "the server saw a BEGIN inside an open transaction {n} times");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn superseded_requests_leave_no_transaction_open_on_a_direct_connection() {
    let url = hostile_db("abortdirect").await;
    superseded_requests_leave_nothing_open(&url, &url, &db_name(&url)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn superseded_requests_leave_no_transaction_open_through_the_pooler() {
    let url = hostile_db("abortpooled").await;
    let db = db_name(&url);
    let bouncer = PgBouncer::start(2);
    superseded_requests_leave_nothing_open(&url, &bouncer.url(&db, "sslmode=disable&pgbouncer=true"), &db).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_idle_console_gives_a_session_pooler_its_connections_back() {
    let url = hostile_db("session").await;
    let db = db_name(&url);
    // Two server connections in all; a client waiting more than 2 s for one is refused.
    let bouncer =
        PgBouncer::start_with(2, "session", "query_wait_timeout = 2\nignore_startup_parameters = extra_float_digits\n");
    let src = Source::new(DbOptions::new(bouncer.url(&db, "sslmode=disable"))).unwrap();
    assert_eq!(src.options().max_connections, 2, "two connections by default");
    // Two requests at once: the console holds both of PgBouncer's server connections.
    let org = Key::parse(ORG_A);
    let (a, b) = tokio::join!(src.orgs(Dialect::ServiceAi), src.calls(Dialect::ServiceAi, &org, &Anchor::First, 50));
    a.unwrap();
    b.unwrap();
    assert_eq!(src.read_pool().size(), 2);
    // Meanwhile another client is refused, and the console's words for that say why.
    let mut other = platform_client(&bouncer, &db).await;
    let e = sqlx::raw_sql("SELECT 1").execute(&mut other).await.unwrap_err();
    let said = switchboard::data::pool::describe_error(&e);
    assert!(said.contains("no free server connection in time"), "{said}");
    drop(other);
    // Idle for 15 s: the console has let both go, and another client gets one at once.
    tokio::time::sleep(Duration::from_secs(15)).await;
    assert_eq!(src.read_pool().size(), 0, "idle connections are closed within seconds");
    let mut other = platform_client(&bouncer, &db).await;
    let start = Instant::now();
    sqlx::raw_sql("SELECT 1").execute(&mut other).await.expect("another client is served");
    assert!(start.elapsed() < Duration::from_secs(1), "served at once, not after a wait");
    // And the console still works afterwards.
    assert_eq!(src.orgs(Dialect::ServiceAi).await.unwrap().len(), 3);
    src.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pooler_at_its_client_limit_is_named() {
    let url = hostile_db("clientcap").await;
    let db = db_name(&url);
    let bouncer = PgBouncer::start_with(1, "transaction", "max_client_conn = 1\n");
    // The one client it takes (PgBouncer may still count the probe that saw it listen: try for a moment).
    let opts: PgConnectOptions = bouncer.url(&db, "sslmode=disable").parse::<PgConnectOptions>().unwrap();
    let opts = opts.extra_float_digits(None);
    let start = Instant::now();
    let _held = loop {
        match PgConnection::connect_with(&opts).await {
            Ok(c) => break c,
            Err(_) if start.elapsed() < Duration::from_secs(5) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(e) => panic!("the first client: {e}"),
        }
    };
    let src = Source::new(DbOptions::new(bouncer.url(&db, "sslmode=disable&pgbouncer=true"))).unwrap();
    let e = src.detect(None).await.unwrap_err();
    assert!(e.contains("the pooler refuses more clients: its client limit is reached"), "{e}");
    assert!(!e.contains('\n'), "{e}");
}

/// Malformed URLs whose passwords hold characters a URL cannot carry (and some it can): neither the
/// message nor the log holds any three characters of the password in a row.
#[test]
fn a_password_never_reaches_a_message_or_the_log() {
    // A port that hangs up on every connection at once (a refused one would be retried until the connect
    // timeout, 5 s a command).
    let hangs_up = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = hangs_up.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in hangs_up.incoming() {
            drop(conn);
        }
    });
    for c in ['/', '#', '@', ':', '?', '%', '+', ' '] {
        let password = format!("Kq7{c}Zx9{c}Wv2");
        let logs = temp_dir(&format!("pw{}", c as u32));
        for (args, url) in [
            (vec!["check"], format!("postgres://support:{password}@127.0.0.1:{closed}/postgres?sslmode=disable")),
            (vec!["export", "orgs"], format!("postgresql://support:{password}@127.0.0.1:{closed}/postgres")),
            (vec!["check"], format!("postgres://support@127.0.0.1:{closed}/postgres?password={password}")),
        ] {
            let mut all = args.clone();
            all.extend(["--url", &url]);
            let out = switchboard(&all, &logs);
            assert!(matches!(out.status.code(), Some(1) | Some(2)), "{c:?}: {:?}", out.status);
            let stderr = String::from_utf8_lossy(&out.stderr).to_string();
            assert!(stderr.starts_with("switchboard: ") && stderr.lines().count() == 1, "{c:?}: {stderr}");
            let mut log = String::new();
            for f in std::fs::read_dir(&logs).unwrap().flatten() {
                log.push_str(&std::fs::read_to_string(f.path()).unwrap_or_default());
            }
            let chars: Vec<char> = password.chars().collect();
            for w in chars.windows(3) {
                let piece: String = w.iter().collect();
                assert!(!stderr.contains(&piece), "{c:?}: {piece:?} of the password in {stderr}");
                assert!(!log.contains(&piece), "{c:?}: {piece:?} of the password in the log: {log}");
            }
            if matches!(c, '/' | '#' | '?') && !url.contains("?password=") {
                assert!(stderr.contains("percent-encode"), "{c:?}: says how: {stderr}");
                assert_eq!(out.status.code(), Some(2), "bad input");
            }
        }
        let _ = std::fs::remove_dir_all(&logs);
    }
}
