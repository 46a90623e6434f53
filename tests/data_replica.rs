//! A profile's read replica: two databases stand in for the primary and the replica, with different data,
//! so that every answer tells where it came from. Reads (detection, orgs, calls, a call, on call, the
//! profile, cancelling) go to the replica; writes (acknowledge, org status) go to the primary.

mod common;

use sqlx::{AssertSqlSafe, Connection, PgConnection};
use switchboard::core::model::{Anchor, Dialect, Key};
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

const NOTE: &str = "d0000000-0000-0000-0000-0000000000aa";

async fn exec(url: &str, sql: &str) {
    let mut c = PgConnection::connect(url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(sql.to_string())).execute(&mut c).await.unwrap();
    c.close().await.ok();
}

async fn scalar(url: &str, sql: &str) -> String {
    let mut c = PgConnection::connect(url).await.unwrap();
    let v: String = sqlx::query_scalar(AssertSqlSafe(sql.to_string())).fetch_one(&mut c).await.unwrap();
    c.close().await.ok();
    v
}

/// The same ServiceAI data twice; the replica's org names carry " (replica)", and it lags by one call.
async fn pair(hint: &str) -> (String, String) {
    let notification = format!(
        "INSERT INTO emergency_notifications (id, organization_id, notification_type, urgency, message, status) \
         VALUES ('{NOTE}', '{}', 'sms', 'critical', 'Burst pipe', 'pending')",
        common::ORG_A
    );
    let primary = common::fresh_db(&format!("{hint}p"), &[common::SCHEMA, common::HOSTILE, &notification]).await;
    let replica = common::fresh_db(&format!("{hint}r"), &[common::SCHEMA, common::HOSTILE, &notification]).await;
    exec(
        &replica,
        &format!(
            "UPDATE organizations SET name = name || ' (replica)'; \
             DELETE FROM call_logs WHERE id = (SELECT id FROM call_logs WHERE organization_id = '{}' \
             ORDER BY created_at DESC NULLS LAST, id DESC LIMIT 1)",
            common::ORG_A
        ),
    )
    .await;
    (primary, replica)
}

fn with_replica(primary: &str, replica: &str, write: bool) -> Source {
    let mut opts = DbOptions::new(primary);
    opts.replica_url = Some(replica.to_string());
    opts.read_only = !write;
    Source::new(opts).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn reads_go_to_the_replica_and_writes_to_the_primary() {
    let (primary, replica) = pair("repl").await;
    let src = with_replica(&primary, &replica, true);
    let org = Key::parse(common::ORG_A);

    assert_eq!(src.detect(None).await.unwrap().dialect, Dialect::ServiceAi);
    let orgs = src.orgs(Dialect::ServiceAi).await.unwrap();
    assert_eq!(orgs.len(), 3);
    assert!(orgs.iter().all(|o| o.name.ends_with(" (replica)")), "{orgs:?}");
    let first = src.calls(Dialect::ServiceAi, &org, &Anchor::First, 1000).await.unwrap();
    let on_replica =
        scalar(&replica, &format!("SELECT count(*)::text FROM call_logs WHERE organization_id = '{}'", common::ORG_A))
            .await;
    assert_eq!(first.rows.len().to_string(), on_replica);
    assert_eq!(on_replica, "525", "the replica lags by one call (526 on the primary)");
    let opened = src.call(Dialect::ServiceAi, &org, &first.rows[0].key).await.unwrap();
    assert!(opened.is_some());
    let profile = src.profile(Dialect::ServiceAi, &org).await.unwrap().unwrap();
    assert!(format!("{:?}", profile.sections).contains("(replica)"));

    // A write goes to the primary only (the replica would refuse it anyway, were it a standby).
    let status = |id: &str| format!("SELECT status FROM emergency_notifications WHERE id = '{id}'");
    src.acknowledge(Dialect::ServiceAi, &org, &Key::parse(NOTE)).await.unwrap();
    assert_eq!(scalar(&primary, &status(NOTE)).await, "acknowledged");
    assert_eq!(scalar(&replica, &status(NOTE)).await, "pending");
    // ...and the next read still comes from the replica, which has not caught up here.
    let oncall = src.oncall(Dialect::ServiceAi, &org).await.unwrap();
    let note = oncall.notifications.iter().find(|n| n.key == Key::parse(NOTE)).expect("the notification is read");
    assert_eq!(note.status.as_deref(), Some("pending"));
    src.close().await;

    // Without a replica the same source reads the primary.
    let direct = Source::new(DbOptions::new(&primary)).unwrap();
    assert!(direct.orgs(Dialect::ServiceAi).await.unwrap().iter().all(|o| !o.name.contains("(replica)")));
}

#[tokio::test(flavor = "multi_thread")]
async fn org_status_is_changed_on_the_primary() {
    let d = Dialect::Quinite;
    let fixture = include_str!("fixtures/quinite_hostile.sql");
    let primary = common::fresh_db("replqp", &[schema_sql(d), fixture]).await;
    let replica = common::fresh_db("replqr", &[schema_sql(d), fixture]).await;
    let src = with_replica(&primary, &replica, true);
    let org = Key::parse(common::ORG_A);
    let sql = format!("SELECT status FROM organizations WHERE id = '{}'", common::ORG_A);
    src.set_org_status(d, &org, "suspended", Some("active")).await.unwrap();
    assert_eq!(scalar(&primary, &sql).await, "suspended");
    assert_eq!(scalar(&replica, &sql).await, "active");
    // The console reads the replica's status.
    assert_eq!(src.profile(d, &org).await.unwrap().unwrap().status.as_deref(), Some("active"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_superseded_query_is_cancelled_on_the_replica() {
    let (primary, replica) = pair("replcancel").await;
    let mut opts = DbOptions::new(&primary);
    opts.replica_url = Some(replica.clone());
    opts.statement_timeout_ms = 60_000;
    let src = Source::new(opts).unwrap();
    let mut locker = PgConnection::connect(&replica).await.unwrap();
    sqlx::query("BEGIN").execute(&mut locker).await.unwrap();
    sqlx::query("LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE").execute(&mut locker).await.unwrap();
    let waiting = src.tagged(7);
    let task = tokio::spawn(async move { waiting.orgs(Dialect::ServiceAi).await });
    let mut watcher = PgConnection::connect(&replica).await.unwrap();
    let start = std::time::Instant::now();
    loop {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'switchboard/%/7' \
             AND datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'",
        )
        .fetch_one(&mut watcher)
        .await
        .unwrap();
        if n > 0 {
            break;
        }
        assert!(start.elapsed().as_secs() < 10, "the tagged query never showed up on the replica");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(src.cancel(7).await.unwrap(), 1);
    assert!(task.await.unwrap().unwrap_err().contains("superseded"));
    sqlx::query("ROLLBACK").execute(&mut locker).await.unwrap();
}

#[test]
fn check_names_the_replica_from_the_profile() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (primary, replica) = rt.block_on(pair("replcheck"));
    let dir = std::env::temp_dir().join(format!("sb-replica-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, format!("[profiles.prod]\nurl = \"{primary}\"\nreplica_url = \"{replica}\"\n")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["check", "--profile", "prod"])
        .env("SWITCHBOARD_CONFIG", &config)
        .env("SWITCHBOARD_LOG_DIR", &dir)
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let replica_db = replica.rsplit('/').next().unwrap().split('?').next().unwrap();
    assert!(stdout.contains("replica     postgres://postgres@"), "{stdout}");
    assert!(stdout.contains(&format!("/{replica_db} (reads; writes go to the primary)")), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}
