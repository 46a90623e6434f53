//! The command line: `check`, bad input, first run. One clear line and the right exit code.

mod common;

use std::process::Command;

use sqlx::Connection;

use common::*;

fn switchboard(args: &[&str]) -> (i32, String, String) {
    run_switchboard(args)
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
    assert_eq!(code, 3, "the database holds no known schema: it refuses what the console reads");
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

/// Runs the binary with a config file holding `config` and extra environment; RUST_BACKTRACE is set to show
/// that errors never print a stack trace even then (only a panic would).
fn switchboard_with(args: &[&str], config: &str, env: &[(&str, &str)]) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!("sb-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("config.toml");
    std::fs::write(&cfg, config).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .env("SWITCHBOARD_LOG_DIR", dir.join("log"))
        .env("SWITCHBOARD_CONFIG", &cfg)
        .env("RUST_BACKTRACE", "1")
        .env_remove("DATABASE_URL")
        .env_remove("SWITCHBOARD_PROFILE")
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// One line on stderr naming the problem, the expected exit code, no panic, no trace, no password.
fn assert_one_clear_line(case: &str, (code, out, err): (i32, String, String), want_code: i32, want: &str) {
    assert_eq!(code, want_code, "{case}: exit code; stderr: {err}");
    assert_eq!(err.lines().count(), 1, "{case}: one line:\n{err}");
    assert!(err.starts_with("switchboard: ") && err.contains(want), "{case}: wanted {want:?} in:\n{err}");
    for bad in ["panicked", "stack backtrace", "RUST_BACKTRACE", "hunter2"] {
        assert!(!err.contains(bad) && !out.contains(bad), "{case}: {bad:?} in:\n{out}{err}");
    }
}

#[test]
fn every_kind_of_bad_input_is_one_clear_line_and_a_nonzero_code() {
    let dead = "postgres://support:hunter2@127.0.0.1:1/app?sslmode=disable";
    let cases: &[(&str, &[&str], &str, i32, &str)] = &[
        ("port out of range", &["check", "--url", "postgres://u:hunter2@localhost:99999/db"], "", 2, "invalid port"),
        ("broken IPv6 host", &["check", "--url", "postgres://u:hunter2@[::1/db"], "", 2, "bad database URL"),
        ("unknown sslmode", &["check", "--url", "postgres://u:hunter2@h/db?sslmode=bogus"], "", 2, "bogus"),
        ("not a URL", &["export", "--url", "hunter2 at db", "orgs"], "", 2, "not a PostgreSQL URL"),
        ("unknown host", &["check", "--url", "postgres://u:hunter2@no-such-host.invalid/db"], "", 1, "cannot reach"),
        ("nothing listens", &["export", "--url", dead, "calls", "--org", "acme"], "", 1, "cannot reach"),
        ("unknown profile", &["--profile", "nosuch", "check"], "", 2, "unknown profile \"nosuch\""),
        ("config is not TOML", &["check"], "url = \"postgres://h/db\n[profiles\n", 2, "bad config"),
        (
            "config value of the wrong type",
            &["check"],
            "[profiles.x]\nstatement_timeout_ms = \"soon\"\n",
            2,
            "invalid type",
        ),
        ("keymap: unknown screen", &["check", "--url", dead], "[keys.kitchen]\nquit = \"q\"\n", 2, "[keys.kitchen]"),
        ("keymap: unknown action", &["check", "--url", dead], "[keys.calls]\nfly = \"f\"\n", 2, "fly: unknown action"),
        (
            "keymap: bad key",
            &["check", "--url", dead],
            "[keys.calls]\ndown = \"ctrl-banana\"\n",
            2,
            "[keys.calls] down",
        ),
        ("keymap: no key", &["check", "--url", dead], "[keys.calls]\ndown = []\n", 2, "give at least one key"),
        ("a time that is not one", &["--at", "teatime", "--url", dead], "", 2, "--at"),
        ("an unknown dialect", &["check", "--url", dead, "--dialect", "oracle"], "", 2, "unknown dialect"),
        ("an unknown option", &["--url", dead, "--colour"], "", 2, "unexpected argument '--colour'"),
        ("a bad number", &["check", "--statement-timeout-ms", "soon"], "", 2, "invalid value 'soon'"),
        ("an unknown export", &["export", "--url", dead, "everything"], "", 2, "unrecognized subcommand"),
        ("the console without a terminal", &["--url", dead], "", 1, "needs an interactive terminal"),
    ];
    for (case, args, config, code, want) in cases {
        assert_one_clear_line(case, switchboard_with(args, config, &[]), *code, want);
    }
}

#[tokio::test]
async fn bad_input_against_a_real_server_is_one_clear_line() {
    let url = hostile_db("badinput").await;
    let unknown = fresh_db("badschema", &["CREATE TABLE things (id int)"]).await;
    let missing_db = common::url_for("sb_no_such_database");
    let no_role = url.replacen("postgres://postgres@", "postgres://nosuchrole:hunter2@", 1);
    assert_ne!(no_role, url, "the test server's URL names the postgres user");
    let cases: Vec<(&str, Vec<&str>, i32, &str)> = vec![
        ("unknown schema", vec!["export", "--url", &unknown, "orgs"], 3, "no known platform schema"),
        ("unknown schema in check", vec!["check", "--url", &unknown], 3, "no known platform schema"),
        ("no such database", vec!["check", "--url", &missing_db], 1, "does not exist"),
        ("no such role", vec!["export", "--url", &no_role, "orgs"], 1, "authentication failed"),
        ("unknown org", vec!["export", "--url", &url, "calls", "--org", "Nobody Inc"], 2, "Nobody Inc"),
        (
            "unknown org id",
            vec!["export", "--url", &url, "org", "--org", "00000000-0000-0000-0000-0000000000ff"],
            2,
            "0000ff",
        ),
        ("a bad limit", vec!["export", "--url", &url, "calls", "--org", "acme", "--limit", "0"], 2, "--limit"),
        ("a bad filter", vec!["export", "--url", &url, "calls", "--org", "acme", "--filter", "status:"], 2, "--filter"),
        (
            "dates the wrong way round",
            vec!["export", "--url", &url, "overview", "--org", "acme", "--from", "2026-02-01", "--to", "2026-01-01"],
            2,
            "--from",
        ),
    ];
    for (case, args, code, want) in cases {
        assert_one_clear_line(case, switchboard_with(&args, "", &[]), code, want);
    }
}

#[tokio::test]
async fn a_wrong_password_is_one_line_and_exit_1() {
    // A private server that asks for passwords (the shared test server trusts everyone).
    let bins = switchboard::demo::server::find_binaries().expect("PostgreSQL server binaries");
    let dir = switchboard::demo::server::server_base_dir().join(format!("password-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let srv = switchboard::demo::server::PrivateServer::start(&bins, &dir).expect("a private server");
    let mut c = sqlx::PgConnection::connect(&srv.url).await.unwrap();
    sqlx::raw_sql("ALTER ROLE postgres PASSWORD 'right-horse-battery'").execute(&mut c).await.unwrap();
    std::fs::write(dir.join("pgdata/pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n")
        .unwrap();
    sqlx::raw_sql("SELECT pg_reload_conf()").execute(&mut c).await.unwrap();
    c.close().await.ok();
    let with = |pw: &str| srv.url.replacen("postgres://postgres@", &format!("postgres://postgres:{pw}@"), 1);
    let wrong = with("hunter2");
    let started = std::time::Instant::now();
    loop {
        let r = switchboard_with(&["check", "--url", &wrong], "", &[]);
        if r.2.contains("password authentication failed") || started.elapsed().as_secs() > 10 {
            assert_one_clear_line("wrong password", r, 1, "authentication failed: password authentication failed");
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // The right one gets further: to the (empty) database's schema.
    let r = switchboard_with(&["check", "--url", &with("right-horse-battery")], "", &[]);
    assert_one_clear_line("right password, empty database", r, 3, "no known platform schema");
    drop(srv);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- output cut short by its reader (`| head -1`) ----

/// The usual test environment for `cmd` (switchboard, or a shell running it), its log in `log`, and
/// RUST_BACKTRACE=1 when asked (a panic would then print a trace).
fn test_env<'a>(cmd: &'a mut Command, log: &std::path::Path, backtrace: bool) -> &'a mut Command {
    cmd.env("SWITCHBOARD_LOG_DIR", log)
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env_remove("DATABASE_URL")
        .env_remove("SWITCHBOARD_PROFILE")
        .env_remove("RUST_LIB_BACKTRACE")
        .stdin(std::process::Stdio::null());
    if backtrace { cmd.env("RUST_BACKTRACE", "1") } else { cmd.env_remove("RUST_BACKTRACE") }
}

fn command(args: &[&str], log: &std::path::Path, backtrace: bool) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_switchboard"));
    test_env(cmd.args(args), log, backtrace);
    cmd
}

/// `switchboard ARGS | head HEAD` in bash: the status is switchboard's own (`PIPESTATUS`, so 141 if SIGPIPE
/// killed it), stderr is its stderr, stdout what head passed on.
fn through_head(args: &[&str], head: &str, log: &std::path::Path, backtrace: bool) -> std::process::Output {
    let script = r#"sb="$1"; h="$2"; shift 2; "$sb" "$@" | head $h; exit "${PIPESTATUS[0]}""#;
    let mut bash = Command::new("bash");
    bash.arg("-c").arg(script).arg("bash").arg(env!("CARGO_BIN_EXE_switchboard")).arg(head).args(args);
    test_env(&mut bash, log, backtrace).output().unwrap()
}

/// `switchboard ARGS` writing into a pipe whose reader is already gone: every write to stdout fails (EPIPE,
/// or SIGPIPE if the process took it), whatever the size of the output or the timing.
fn into_a_closed_pipe(args: &[&str], log: &std::path::Path, backtrace: bool) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    command(args, log, backtrace).stdout(writer).stderr(std::process::Stdio::piped()).output().unwrap()
}

/// A quiet end for a command whose reader went away: 0, or death by SIGPIPE (141 in a shell).
fn ended_quietly(case: &str, out: &std::process::Output) {
    use std::os::unix::process::ExitStatusExt;
    let s = out.status;
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        s.code() == Some(0) || s.code() == Some(141) || s.signal() == Some(13),
        "{case}: status {s:?}, stderr:\n{err}"
    );
    for bad in ["panicked", "failed printing", "Broken pipe", "backtrace", "RUST_BACKTRACE", "switchboard:"] {
        assert!(!err.contains(bad), "{case}: {bad:?} on stderr:\n{err}");
    }
}

fn logs_in(dir: &std::path::Path) -> String {
    std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_reader_that_goes_away_ends_the_command_quietly() {
    let url = hostile_db("pipe").await;
    let log = std::env::temp_dir().join(format!("sb-cli-pipe-log-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&log);
    let cases: &[(&str, &[&str], &str)] = &[
        ("check | head -1", &["check", "--url", &url], "-1"),
        // 529 calls: far more than a pipe holds (64 KiB), so the writer is still writing when head leaves.
        ("export calls | head -1", &["export", "--url", &url, "calls", "--org", "acme", "--limit", "1000"], "-1"),
        ("export board --format csv | head -c 1", &["export", "--url", &url, "board", "--format", "csv"], "-c 1"),
    ];
    let full = command(cases[1].1, &log, false).output().unwrap();
    assert!(full.status.success() && full.stdout.len() > 200_000, "{} bytes", full.stdout.len());
    for (case, args, head) in cases {
        for backtrace in [false, true] {
            let case = format!("{case} (RUST_BACKTRACE={})", backtrace as u8);
            let out = through_head(args, head, &log, backtrace);
            ended_quietly(&case, &out);
            let first = String::from_utf8_lossy(&out.stdout);
            assert!(!first.is_empty() && first.lines().count() <= 1, "{case}: head passed on {first:?}");
            ended_quietly(&format!("{case}, into a closed pipe"), &into_a_closed_pipe(args, &log, backtrace));
        }
    }
    // The CSV page's cursor still goes to stderr; help too ends quietly.
    let csv = ["export", "--url", &url, "calls", "--org", "acme", "--format", "csv"];
    let out = into_a_closed_pipe(&csv, &log, true);
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("next_cursor: "), "{out:?}");
    ended_quietly("export calls --format csv, into a closed pipe", &out);
    ended_quietly("--help, into a closed pipe", &into_a_closed_pipe(&["--help"], &log, true));
    let logs = logs_in(&log);
    assert!(!logs.contains("panic"), "no panic in the log:\n{logs}");
    let _ = std::fs::remove_dir_all(&log);
}

#[tokio::test]
async fn a_huge_export_into_head_stops_at_once() {
    let url = hostile_db("pipehuge").await;
    let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO call_logs (organization_id, vapi_call_id, customer_phone_number, call_status, summary, created_at) \
         SELECT '00000000-0000-0000-0000-00000000000a', 'huge-export-' || i, '+1555' || lpad(i::text, 7, '0'), \
                'completed', repeat('a long summary ', 60), TIMESTAMPTZ '2026-03-01 00:00+00' + i * interval '1 minute' \
         FROM generate_series(1, 10000) i",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let log = std::env::temp_dir().join(format!("sb-cli-pipehuge-log-{}", std::process::id()));
    let args = ["export", "--url", &url, "calls", "--org", "acme", "--limit", "10000"];
    let started = std::time::Instant::now();
    let out = through_head(&args, "-c 1", &log, true);
    let took = started.elapsed();
    ended_quietly("export calls --limit 10000 | head -c 1", &out);
    assert_eq!(out.stdout.len(), 1);
    println!("10,000 calls (about 10 MB of JSON) into head -c 1: ended in {:.2} s", took.as_secs_f64());
    assert!(took < std::time::Duration::from_secs(20), "took {took:?}");
    // Nothing of it is left on the server: no query running on, no session left open.
    let start = std::time::Instant::now();
    loop {
        let left: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() \
             AND application_name LIKE 'switchboard%'",
        )
        .fetch_one(&mut c)
        .await
        .unwrap();
        if left == 0 {
            break;
        }
        assert!(start.elapsed().as_secs() < 5, "{left} sessions of the export outlived it");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let _ = std::fs::remove_dir_all(&log);
}
