//! The real console in tmux through a PgBouncer that nothing announces (PgBouncer's own port, Supabase's
//! `ignore_startup_parameters = extra_float_digits`): paging fast and opening calls supersedes hundreds of
//! requests, and afterwards the platform's own writes through the same pooler still work, no setting of
//! the console's is left on its server connections, and no transaction is left open.

mod common;
mod pgbouncer;

use std::time::{Duration, Instant};

use common::tmux::Tmux;
use common::*;
use pgbouncer::{PgBouncer, db_name};
use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection, Row};

#[tokio::test(flavor = "multi_thread")]
async fn fast_paging_through_an_unannounced_pooler_leaves_the_platform_as_it_was() {
    let url = hostile_db("e2epool").await;
    let db = db_name(&url);
    let bouncer = PgBouncer::start_with(2, "transaction", "ignore_startup_parameters = extra_float_digits\n");
    let via = bouncer.url(&db, "sslmode=disable");
    let logs = std::env::temp_dir().join(format!("sb-e2e-harmless-{}", std::process::id()));
    std::fs::create_dir_all(&logs).unwrap();
    let log_dir = logs.display().to_string();
    let t = Tmux::start(
        "harmless",
        &["--url", &via],
        &[("SWITCHBOARD_CONFIG", "/dev/null"), ("SWITCHBOARD_LOG_DIR", &log_dir)],
        120,
        40,
    );
    t.wait_for(&["Organizations (3 of 3)", "Acme Plumbing"], 30);
    t.type_text("acme");
    t.wait_for(&["Organizations (1 of 3)"], 10);
    t.send(&["Enter"]);
    t.wait_for(&["Acme Plumbing · calls, newest first · page 1"], 15);
    // 200 page moves in one read, then 100 more in bursts, each superseding the one before.
    t.send_at_once(&["PageDown"; 100]);
    t.send_at_once(&["PageUp"; 100]);
    for _ in 0..10 {
        t.send_at_once(&["PageDown"; 5]);
        t.send_at_once(&["PageUp"; 5]);
    }
    t.settle(30);
    // Open calls one after another, each superseding the last.
    for _ in 0..5 {
        t.send(&["Enter"]);
        t.send(&["Escape"]);
        t.send_at_once(&["Down"; 3]);
    }
    t.send(&["Enter"]);
    t.wait_for(&["Transcript"], 15);
    t.send(&["Escape"]);
    t.settle(30);
    t.send(&["C-c"]);
    t.wait_for(&["EXITED 0"], 15);

    // No connection of the console's is left inside a transaction.
    let mut watcher = PgConnection::connect(&url).await.unwrap();
    let start = Instant::now();
    loop {
        let open: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND state LIKE 'idle in transaction%'",
        )
        .bind(&db)
        .fetch_one(&mut watcher)
        .await
        .unwrap();
        if open == 0 {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{open} connections left in a transaction");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if let Some(path) = std::env::var_os("SWITCHBOARD_TEST_SERVER_LOG") {
        let log = std::fs::read_to_string(path).unwrap_or_default();
        let begins = log
            .lines()
            .filter(|l| l.contains(&format!(" {db} ")) && l.contains("there is already a transaction in progress"))
            .count();
        assert_eq!(begins, 0, "the server saw a BEGIN inside an open transaction");
    }
    // The platform's own client through the same pooler: defaults untouched, its INSERT goes through.
    let opts: PgConnectOptions = via.parse::<PgConnectOptions>().unwrap();
    let mut platform = PgConnection::connect_with(&opts.extra_float_digits(None)).await.unwrap();
    for _ in 0..2 {
        let v: String =
            sqlx::raw_sql("SHOW default_transaction_read_only").fetch_one(&mut platform).await.unwrap().get(0);
        assert_eq!(v, "off", "a setting of the console's stayed on PgBouncer's shared server connection");
        sqlx::raw_sql("INSERT INTO organizations (name, industry) VALUES ('After the console', 'hvac')")
            .execute(&mut platform)
            .await
            .expect("the platform writes through the pooler");
    }
    let log: String = std::fs::read_dir(&logs)
        .unwrap()
        .flatten()
        .map(|f| std::fs::read_to_string(f.path()).unwrap_or_default())
        .collect();
    assert!(!log.contains("panicked"), "{log}");
    let _ = std::fs::remove_dir_all(&logs);
}
