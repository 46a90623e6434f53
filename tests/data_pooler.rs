//! The console through a real PgBouncer in transaction mode (Debian's 1.18 in CI): several consoles at once
//! keyset-page, open calls, read on call, the profile and the board, compared with direct SQL; the failures
//! that pooler mode avoids are shown to be real; a superseded query is still cancelled on the server; and no
//! session setting leaks onto the server connections other clients share.

mod common;
mod pgbouncer;

use std::collections::HashMap;
use std::time::Instant;

use common::*;
use pgbouncer::{PgBouncer, db_name};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection, Row};
use switchboard::core::model::{Anchor, Dialect, Key};
use switchboard::data::pool::{Pooler, detect_pooler};
use switchboard::data::{DbOptions, Source};

const ORGS: [&str; 3] = [ORG_A, ORG_B, ORG_C];

/// Every call id of `org` in the console's order, straight from SQL on the server itself.
async fn expected_order(url: &str, org: &str) -> Vec<String> {
    let mut c = PgConnection::connect(url).await.unwrap();
    let rows = sqlx::query(
        "SELECT id::text FROM call_logs WHERE organization_id = $1::uuid ORDER BY created_at DESC NULLS LAST, id DESC",
    )
    .bind(org)
    .fetch_all(&mut c)
    .await
    .unwrap();
    c.close().await.ok();
    rows.iter().map(|r| r.get::<String, _>(0)).collect()
}

/// Pages forward through an org's calls; returns the ids, the number of pages and the time spent.
async fn page_all(src: &Source, org: &Key, limit: usize) -> Result<(Vec<String>, usize, f64), String> {
    let mut seen = Vec::new();
    let mut anchor = Anchor::First;
    let mut pages = 0;
    let start = Instant::now();
    loop {
        let page = src.calls(Dialect::ServiceAi, org, &anchor, limit).await?;
        pages += 1;
        seen.extend(page.rows.iter().map(|r| r.key.to_string()));
        if !page.has_after {
            break;
        }
        anchor = Anchor::After(page.rows.last().unwrap().cursor());
    }
    Ok((seen, pages, start.elapsed().as_secs_f64() * 1000.0))
}

#[derive(Default)]
struct Tally {
    queries: usize,
    pages: usize,
    page_ms: f64,
    errors: Vec<String>,
}

impl Tally {
    fn check(&mut self, ok: bool, what: String) {
        self.queries += 1;
        if !ok {
            self.errors.push(what);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_consoles_work_through_pgbouncer_in_transaction_mode() {
    const CONSOLES: usize = 6;
    const ROUNDS: usize = 3;
    let url = hostile_db("pooler").await;
    let bouncer = PgBouncer::start(2);
    // Prisma's convention marks the URL: the console detects transaction mode from it.
    let via = bouncer.url(&db_name(&url), "sslmode=disable&pgbouncer=true");

    let mut truth: HashMap<String, Vec<String>> = HashMap::new();
    for org in ORGS {
        truth.insert(org.to_string(), expected_order(&url, org).await);
    }
    assert_eq!(truth[ORG_A].len(), 526);
    let direct = Source::new(DbOptions::new(&url)).unwrap();
    let mut want_oncall = HashMap::new();
    let mut want_profile = HashMap::new();
    for org in ORGS {
        want_oncall.insert(org, direct.oncall(Dialect::ServiceAi, &Key::parse(org)).await.unwrap());
        want_profile.insert(org, direct.profile(Dialect::ServiceAi, &Key::parse(org)).await.unwrap());
    }
    let want_huge = direct.call(Dialect::ServiceAi, &Key::parse(ORG_A), &Key::parse(HUGE_CALL)).await.unwrap();
    assert!(want_huge.as_ref().and_then(|c| c.transcript.as_ref()).is_some_and(|t| t.len() > 1_000_000));
    let want_board = direct.board(Dialect::ServiceAi).await.unwrap();
    direct.close().await;

    let truth = std::sync::Arc::new(truth);
    let want_oncall = std::sync::Arc::new(want_oncall);
    let want_profile = std::sync::Arc::new(want_profile);
    let want_huge = std::sync::Arc::new(want_huge);
    let want_board = std::sync::Arc::new(want_board);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for console in 0..CONSOLES {
        let (via, truth, want_oncall, want_profile, want_huge, want_board) = (
            via.clone(),
            truth.clone(),
            want_oncall.clone(),
            want_profile.clone(),
            want_huge.clone(),
            want_board.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut t = Tally::default();
            let src = Source::new(DbOptions::new(&via)).unwrap();
            assert_eq!(src.pooler(), (Pooler::Transaction, "pgbouncer=true in the URL".to_string()));
            match src.detect(None).await {
                Ok(info) => {
                    t.check(info.dialect == Dialect::ServiceAi, format!("console {console}: detected {info:?}"))
                }
                Err(e) => t.check(false, format!("console {console}: detect: {e}")),
            }
            for round in 0..ROUNDS {
                match src.orgs(Dialect::ServiceAi).await {
                    Ok(orgs) => t.check(orgs.len() == 3, format!("console {console}: {} orgs", orgs.len())),
                    Err(e) => t.check(false, format!("console {console}: orgs: {e}")),
                }
                for org in ORGS {
                    let key = Key::parse(org);
                    // Page sizes differ per console and round, so the consoles' statements interleave.
                    let limit = 7 + 11 * console + 5 * round;
                    match page_all(&src, &key, limit).await {
                        Ok((ids, pages, ms)) => {
                            t.queries += pages - 1;
                            t.pages += pages;
                            t.page_ms += ms;
                            t.check(ids == truth[org], format!("console {console}: {org} paged in another order"));
                            for id in ids.iter().take(3) {
                                match src.call(Dialect::ServiceAi, &key, &Key::parse(id)).await {
                                    Ok(Some(c)) => t.check(&c.row.key.to_string() == id, format!("opened {id}")),
                                    other => t.check(false, format!("console {console}: call {id}: {other:?}")),
                                }
                            }
                        }
                        Err(e) => t.check(false, format!("console {console}: paging {org}: {e}")),
                    }
                    match src.oncall(Dialect::ServiceAi, &key).await {
                        // The platform function's answer carries the server's clock: compare the rest.
                        Ok(mut o) => {
                            if let (Some(p), Some(w)) =
                                (o.platform_pick.as_mut(), want_oncall[org].platform_pick.as_ref())
                            {
                                p.at = w.at;
                            }
                            t.check(o == want_oncall[org], format!("console {console}: on call of {org} differs"))
                        }
                        Err(e) => t.check(false, format!("console {console}: on call: {e}")),
                    }
                    match src.profile(Dialect::ServiceAi, &key).await {
                        Ok(p) => {
                            t.check(p == want_profile[org], format!("console {console}: profile of {org} differs"))
                        }
                        Err(e) => t.check(false, format!("console {console}: profile: {e}")),
                    }
                }
                match src.call(Dialect::ServiceAi, &Key::parse(ORG_A), &Key::parse(HUGE_CALL)).await {
                    Ok(c) => t.check(c == *want_huge, format!("console {console}: the 2 MB call differs")),
                    Err(e) => t.check(false, format!("console {console}: the 2 MB call: {e}")),
                }
                match src.board(Dialect::ServiceAi).await {
                    Ok(b) => t.check(b == *want_board, format!("console {console}: the board differs")),
                    Err(e) => t.check(false, format!("console {console}: board: {e}")),
                }
            }
            src.close().await;
            t
        }));
    }
    let mut total = Tally::default();
    for task in tasks {
        let t = task.await.unwrap();
        total.queries += t.queries;
        total.pages += t.pages;
        total.page_ms += t.page_ms;
        total.errors.extend(t.errors);
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "{CONSOLES} consoles through PgBouncer (transaction mode, 2 server connections): {} queries ({} pages) in \
         {elapsed:.1} s, {} errors, {:.2} ms per page under load",
        total.queries,
        total.pages,
        total.errors.len(),
        total.page_ms / total.pages as f64
    );
    assert!(
        total.errors.is_empty(),
        "{} errors, first: {:?}",
        total.errors.len(),
        &total.errors[..total.errors.len().min(5)]
    );
    assert!(total.queries > 500, "{} queries", total.queries);

    // All of that went over PgBouncer's two server connections.
    let mut c = PgConnection::connect(&url).await.unwrap();
    let backends: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert!((1..=2).contains(&backends), "{backends} server connections");

    // One console alone: a page through the pooler and direct.
    let mut per_page = Vec::new();
    for u in [&via, &url] {
        let src = Source::new(DbOptions::new(u.as_str())).unwrap();
        page_all(&src, &Key::parse(ORG_A), 50).await.unwrap(); // connect, warm up
        let (mut pages, mut ms) = (0, 0.0);
        for _ in 0..10 {
            let (ids, p, t) = page_all(&src, &Key::parse(ORG_A), 50).await.unwrap();
            assert_eq!(ids, truth[ORG_A]);
            pages += p;
            ms += t;
        }
        per_page.push(ms / pages as f64);
        src.close().await;
    }
    println!("one console, 50 calls per page: {:.2} ms through PgBouncer, {:.2} ms direct", per_page[0], per_page[1]);
}

#[tokio::test]
async fn without_pooler_mode_pgbouncer_refuses_and_named_statements_collide() {
    let url = hostile_db("nopooler").await;
    let bouncer = PgBouncer::start(1);
    let via = bouncer.url(&db_name(&url), "sslmode=disable");
    assert_eq!(detect_pooler(&via), None, "nothing in this URL says pooler");

    // Told it is a direct connection, the console's startup packet carries what PgBouncer 1.18 refuses.
    let mut opts = DbOptions::new(&via);
    opts.pooler = Some(Pooler::None);
    let e = Source::new(opts).unwrap().detect(None).await.unwrap_err();
    assert!(e.contains("unsupported startup parameter"), "{e}");
    assert!(e.contains("--pooler transaction"), "the error says what to do: {e}");
    assert!(!e.contains('\n'), "{e}");

    // sqlx's defaults otherwise (named, cached prepared statements): two clients sharing PgBouncer's one
    // server connection both name their first statement sqlx_s_1, and the second one collides.
    let connect: PgConnectOptions = via.parse::<PgConnectOptions>().unwrap().extra_float_digits(None);
    let pool = PgPoolOptions::new().max_connections(2).connect_with(connect).await.unwrap();
    let mut a = pool.acquire().await.unwrap();
    let mut b = pool.acquire().await.unwrap();
    let one: i32 = sqlx::query_scalar("SELECT $1::int4").bind(1).fetch_one(&mut *a).await.unwrap();
    assert_eq!(one, 1);
    let e = sqlx::query_scalar::<_, i32>("SELECT $1::int4").bind(2).fetch_one(&mut *b).await.unwrap_err();
    let code = e.as_database_error().and_then(|d| d.code()).map(|c| c.to_string());
    assert_eq!(code.as_deref(), Some("42P05"), "prepared statement already exists: {e}");
    assert!(
        switchboard::data::pool::describe_error(&e).contains("--pooler transaction"),
        "{}",
        switchboard::data::pool::describe_error(&e)
    );
    drop((a, b));
    pool.close().await;

    // The same URL in pooler mode (here from the command line's --pooler): everything works.
    let mut opts = DbOptions::new(&via);
    opts.pooler = Some(Pooler::Transaction);
    let src = Source::new(opts).unwrap();
    assert_eq!(src.pooler(), (Pooler::Transaction, "configured".to_string()));
    assert_eq!(src.detect(None).await.unwrap().dialect, Dialect::ServiceAi);
    let orgs = src.orgs(Dialect::ServiceAi).await.unwrap();
    assert_eq!(orgs.len(), 3);
    assert_eq!(page_all(&src, &Key::parse(ORG_A), 100).await.unwrap().0, expected_order(&url, ORG_A).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_superseded_query_is_cancelled_on_the_server_through_the_pooler() {
    let url = hostile_db("poolcancel").await;
    let bouncer = PgBouncer::start(2);
    let via = bouncer.url(&db_name(&url), "sslmode=disable&pgbouncer=true");
    // The cancel itself goes through PgBouncer's other server connection.
    let (src, mut watcher) = common::a_superseded_query_is_cancelled(&url, &via).await;
    // The server connection the cancelled request ran on is back in PgBouncer's pool, untagged.
    assert_eq!(src.orgs(Dialect::ServiceAi).await.unwrap().len(), 3);
    let tagged: i64 =
        sqlx::query_scalar("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'switchboard/%'")
            .fetch_one(&mut watcher)
            .await
            .unwrap();
    assert_eq!(tagged, 0);
}

#[tokio::test]
async fn pooler_mode_leaves_no_session_setting_on_shared_server_connections() {
    let url = hostile_db("poolleak").await;
    let bouncer = PgBouncer::start(1);
    let via = bouncer.url(&db_name(&url), "sslmode=disable&pgbouncer=true");
    let src = Source::new(DbOptions::new(&via)).unwrap();
    // Reads are still read-only: BEGIN READ ONLY does it, inside the transaction.
    assert!(src.reads_are_read_only().await.unwrap());
    assert_eq!(src.orgs(Dialect::ServiceAi).await.unwrap().len(), 3);
    // Another client of the same PgBouncer, on the same (only) server connection: defaults untouched (a
    // session-level SET from the console would stay on that connection for whoever gets it next).
    let mut other = PgConnection::connect_with(
        &bouncer.url(&db_name(&url), "sslmode=disable").parse::<PgConnectOptions>().unwrap().extra_float_digits(None),
    )
    .await
    .unwrap();
    for setting in ["default_transaction_read_only", "transaction_read_only", "statement_timeout"] {
        let v: String =
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("SHOW {setting}"))).fetch_one(&mut other).await.unwrap().get(0);
        let want = if setting == "statement_timeout" { "0" } else { "off" };
        assert_eq!(v, want, "{setting} leaked onto the shared server connection");
    }
}

#[test]
fn check_names_the_pooler_mode() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let url = rt.block_on(hostile_db("poolcheck"));
    let bouncer = PgBouncer::start(1);
    let via = bouncer.url(&db_name(&url), "sslmode=disable");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["check", "--url", &via, "--pooler", "transaction"])
        .env_remove("DATABASE_URL")
        .env_remove("SWITCHBOARD_PROFILE")
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env("SWITCHBOARD_LOG_DIR", std::env::temp_dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("pooler      transaction mode (configured)"), "{stdout}");
    assert!(stdout.contains("schema      serviceai"), "{stdout}");
    assert!(stdout.contains("orgs        3"), "{stdout}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["check", "--url", &via, "--pooler", "sometimes"])
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env("SWITCHBOARD_LOG_DIR", std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown pooler mode"));
}
