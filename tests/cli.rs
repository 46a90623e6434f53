//! The command line: `check`, bad input, first run. One clear line and the right exit code.

mod common;

use std::process::Command;

use sqlx::Connection;

use common::*;

fn switchboard(args: &[&str]) -> (i32, String, String) {
    let log = std::env::temp_dir().join(format!("sb-cli-log-{}", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .env("SWITCHBOARD_LOG_DIR", &log)
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env_remove("DATABASE_URL")
        .env_remove("SWITCHBOARD_PROFILE")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn check_reports_server_schema_and_capabilities() {
    let url = hostile_db("check").await;
    let (code, out, err) = switchboard(&["check", "--url", &url]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("schema      serviceai (ServiceAI (Vapi))"), "{out}");
    assert!(out.contains("server      PostgreSQL "), "{out}");
    assert!(out.contains("read-only (enforced by the server"), "{out}");
    assert!(out.contains("orgs        3"), "{out}");
    assert!(out.contains("✓ call list"), "{out}");
    assert!(out.contains("text search no trigram or full-text index"), "{out}");
    // With a trigram index on the transcripts, check names it.
    let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
    let trgm = sqlx::raw_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE INDEX call_logs_transcript_trgm ON call_logs USING gin (transcript gin_trgm_ops)")
        .execute(&mut c)
        .await;
    if trgm.is_ok() {
        let (_, out, _) = switchboard(&["check", "--url", &url]);
        assert!(out.contains("text search indexed (call_logs_transcript_trgm)"), "{out}");
    }
}

#[tokio::test]
async fn check_on_an_unknown_schema_says_what_it_looked_for() {
    let url = fresh_db("checkunknown", &["CREATE TABLE t (id int)"]).await;
    let (code, out, err) = switchboard(&["check", "--url", &url]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no known platform schema") && err.contains("looked for retell") && err.contains("serviceai ("),
        "{err}"
    );
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let (code, _, err) = switchboard(&["check", "--url", "mysql://root:hunter2@h/db"]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not a PostgreSQL URL") && !err.contains("hunter2"), "{err}");

    let (code, _, err) = switchboard(&["check", "--url", "postgres://x@h/db", "--dialect", "oracle"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown dialect \"oracle\""), "{err}");

    let cfg = std::env::temp_dir().join(format!("sb-bad-config-{}.toml", std::process::id()));
    std::fs::write(&cfg, "[profiles.x]\nurll = \"postgres://h/db\"\n").unwrap();
    let (code, _, err) = switchboard(&["check", "--config", cfg.to_str().unwrap()]);
    std::fs::remove_file(&cfg).ok();
    assert_eq!(code, 2);
    assert!(err.starts_with("switchboard: bad config") && err.contains("urll"), "{err}");
}

#[test]
fn a_dead_server_is_exit_1_with_the_reason() {
    let (code, _, err) = switchboard(&["check", "--url", "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot reach the database server"), "{err}");
}

#[test]
fn first_run_without_a_database_explains_how_to_connect() {
    let (code, _, err) = switchboard(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("switchboard demo") && err.contains("--url"), "{err}");
}

#[tokio::test]
async fn export_appointments_as_json_and_csv() {
    let url = hostile_db("export").await;
    let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO appointments (organization_id, customer_name, customer_phone, appointment_type, scheduled_date, scheduled_time, status) \
         SELECT '00000000-0000-0000-0000-00000000000a', 'Customer, ' || i, '+1555000' || lpad(i::text, 4, '0'), '=cmd|x', \
                DATE '2026-03-01' + (i % 40), TIME '09:00', 'confirmed' FROM generate_series(1, 120) i",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let want: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM appointments WHERE organization_id = '00000000-0000-0000-0000-00000000000a' \
         AND scheduled_date BETWEEN '2026-03-05' AND '2026-03-20'",
    )
    .fetch_one(&mut c)
    .await
    .unwrap();
    let args = ["export", "--url", &url, "appointments", "--org", "acme", "--from", "2026-03-05", "--to", "2026-03-20"];
    let (code, out, err) = switchboard(&args);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len() as i64, want);
    assert_eq!(rows[0]["zone"], "America/New_York");
    assert_eq!(rows[0]["time"], "09:00");
    assert!(
        rows.iter().all(|r| r["date"].as_str().unwrap() >= "2026-03-05" && r["date"].as_str().unwrap() <= "2026-03-20")
    );
    assert!(rows[0]["starts_at_utc"].as_str().unwrap().ends_with('Z'));

    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let (code, out, _) = switchboard(&csv_args);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len() as i64, want + 1);
    assert!(lines[0].contains("customer") && lines[0].contains("starts_at_utc"), "{}", lines[0]);
    assert!(lines[1].contains("\"Customer, "), "{}", lines[1]);
    assert!(lines[1].contains("'=cmd|x"), "formulas are defused: {}", lines[1]);

    let (code, _, err) = switchboard(&[
        "export",
        "--url",
        &url,
        "appointments",
        "--org",
        "nobody",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-02",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no organization matches"), "{err}");
    let (code, _, err) = switchboard(&[
        "export",
        "--url",
        &url,
        "appointments",
        "--org",
        "acme",
        "--from",
        "03/01",
        "--to",
        "2026-03-02",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--from must be a date"), "{err}");
    let (code, out, _) = switchboard(&["export", "--url", &url, "orgs", "--format", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 4);
}

#[tokio::test]
async fn export_calls_pages_with_the_cursor_through_every_call_once() {
    let url = hostile_db("exportcalls").await;
    let mut seen = std::collections::HashSet::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut args = vec!["export", "--url", &url, "calls", "--org", ORG_A, "--limit", "100"];
        if let Some(c) = &cursor {
            args.extend(["--cursor", c.as_str()]);
        }
        let (code, out, err) = switchboard(&args);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        for c in v["calls"].as_array().unwrap() {
            assert!(seen.insert(c["id"].as_str().unwrap().to_string()), "a call came twice");
        }
        pages += 1;
        match v["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 526);
    assert_eq!(pages, 6);
    let (code, _, err) = switchboard(&["export", "--url", &url, "calls", "--org", ORG_A, "--cursor", "yesterday"]);
    assert_eq!(code, 2);
    assert!(err.contains("bad --cursor"), "{err}");
}

#[tokio::test]
async fn export_oncall_at_an_instant() {
    let url = hostile_db("exportoncall").await;
    let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO emergency_contacts (organization_id, name, phone, is_active, priority, available_days, available_hours_start, available_hours_end) VALUES \
         ('00000000-0000-0000-0000-00000000000a', 'Night Nick', '+15550000002', true, 1, ARRAY['monday'], '22:00', '06:00'), \
         ('00000000-0000-0000-0000-00000000000a', 'Any Annie', '+15550000003', true, 2, NULL, NULL, NULL); \
         INSERT INTO emergency_notifications (organization_id, notification_type, urgency, message, status) VALUES \
         ('00000000-0000-0000-0000-00000000000a', 'sms', 'critical', 'Flood', 'pending'), \
         ('00000000-0000-0000-0000-00000000000a', 'sms', 'low', 'Old', 'acknowledged');",
    )
    .execute(&mut c)
    .await
    .unwrap();
    // Tuesday 02:00 in New York: Monday's night window.
    let (code, out, err) =
        switchboard(&["export", "--url", &url, "--at", "2026-11-24 02:00", "oncall", "--org", "Acme Plumbing"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["on_call"]["name"], "Night Nick");
    assert_eq!(v["chain"].as_array().unwrap().len(), 2);
    assert_eq!(v["chain"][1]["after_s"], 30);
    assert_eq!(v["open_notifications"].as_array().unwrap().len(), 1);
    let (code, out, _) = switchboard(&[
        "export",
        "--url",
        &url,
        "--at",
        "2026-11-24T20:00:00Z",
        "oncall",
        "--org",
        "acme",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("section,"), "{}", lines[0]);
    assert!(lines[1].starts_with("chain,1,Any Annie"), "{}", lines[1]);
    assert!(lines.iter().any(|l| l.starts_with("notification,")));
    let (code, _, err) = switchboard(&["export", "--url", &url, "--at", "teatime", "oncall", "--org", "acme"]);
    assert_eq!(code, 2);
    assert!(err.contains("--at: not a time"), "{err}");
}

#[tokio::test]
async fn export_board_overview_and_one_call() {
    let url = hostile_db("exporttriage").await;
    let (code, out, err) = switchboard(&["export", "--url", &url, "board"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert!(v[0]["reasons"].as_str().unwrap().contains("no calls"), "{v}");
    let (code, out, err) = switchboard(&[
        "export",
        "--url",
        &url,
        "overview",
        "--org",
        "acme",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["total"].as_i64().unwrap() > 400);
    assert_eq!(v["from"], "2026-01-01");
    let (code, out, err) = switchboard(&["export", "--url", &url, "call", "--org", "acme", "--id", HOSTILE_CALL]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["turns"].as_array().unwrap().len() >= 2);
    assert!(!out.contains('\u{1b}'), "escape sequences never reach the output");
    let (code, _, err) = switchboard(&[
        "export",
        "--url",
        &url,
        "call",
        "--org",
        "acme",
        "--id",
        "40000000-0000-0000-0000-000000000999",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no call"), "{err}");
}
