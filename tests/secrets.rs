//! Secrets never leave the database: for every dialect, the secret columns (API keys, auth and refresh
//! tokens, SIP and org credentials, 2FA secrets, password hashes, the secret keys of JSON configuration)
//! hold distinct markers (`tests/fixtures/<dialect>_secrets.sql`), and no marker may appear in what the data
//! layer loads, in any export (JSON and CSV), in `check`, on any screen of the real binary in tmux, or in the
//! debug log of any of them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use sqlx::{AssertSqlSafe, Connection, PgConnection};
use switchboard::core::caller::CallerQuery;
use switchboard::core::filter::CallFilter;
use switchboard::core::model::{Anchor, Dialect};
use switchboard::core::time::OrgZone;
use switchboard::data::source::caller::CallerScope;
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

/// What every marker starts with; short enough to survive a truncated cell.
const NEEDLE: &str = "SECRET";
const PHONE: &str = "+14155550123";

struct Case {
    dialect: Dialect,
    scripts: [&'static str; 3],
    /// Org A (every secret, the caller fixture) and org C.
    orgs: [&'static str; 2],
    /// The columns that hold markers: (table, column).
    secret_columns: &'static [(&'static str, &'static str)],
}

fn case(d: Dialect) -> Case {
    let uuid_orgs = [common::ORG_A, common::ORG_C];
    match d {
        Dialect::ServiceAi => Case {
            dialect: d,
            scripts: [
                include_str!("fixtures/serviceai_hostile.sql"),
                include_str!("fixtures/serviceai_caller.sql"),
                include_str!("fixtures/serviceai_secrets.sql"),
            ],
            orgs: uuid_orgs,
            secret_columns: &[
                ("auth.users", "encrypted_password"),
                ("organizations", "twilio_auth_token"),
                ("organizations", "byo_sip_credentials"),
                ("organizations", "google_refresh_token"),
                ("organizations", "outlook_refresh_token"),
                ("organizations", "calendly_api_key"),
                ("organizations", "calendar_metadata"),
                ("organizations", "settings"),
                ("organization_invitations", "token"),
                ("vapi_assistants", "voice_config"),
                ("vapi_assistants", "tools_config"),
            ],
        },
        Dialect::Retell => Case {
            dialect: d,
            scripts: [
                include_str!("fixtures/retell_hostile.sql"),
                include_str!("fixtures/retell_caller.sql"),
                include_str!("fixtures/retell_secrets.sql"),
            ],
            orgs: uuid_orgs,
            secret_columns: &[
                ("system.organizations", "retell_api_key"),
                ("org_acme_plumbing_3cbe86ec52774832a9185220c74fc619.calls", "raw"),
            ],
        },
        Dialect::Voxanne => Case {
            dialect: d,
            scripts: [
                include_str!("fixtures/voxanne_hostile.sql"),
                include_str!("fixtures/voxanne_caller.sql"),
                include_str!("fixtures/voxanne_secrets.sql"),
            ],
            orgs: uuid_orgs,
            secret_columns: &[
                ("organizations", "stripe_customer_id"),
                ("organizations", "settings"),
                ("org_credentials", "encrypted_api_key"),
                ("twilio_subaccounts", "auth_token_encrypted"),
                ("integrations", "config"),
                ("integration_settings", "settings"),
                ("org_tools", "config"),
            ],
        },
        Dialect::Prisma => Case {
            dialect: d,
            scripts: [
                include_str!("fixtures/prisma_hostile.sql"),
                include_str!("fixtures/prisma_caller.sql"),
                include_str!("fixtures/prisma_secrets.sql"),
            ],
            orgs: ["ckorga000000000000000000a", "ckorgc000000000000000000c"],
            secret_columns: &[
                ("\"User\"", "\"password\""),
                ("\"User\"", "\"twoFactorSecret\""),
                ("\"ApiKey\"", "\"key\""),
                ("\"Tool\"", "\"configuration\""),
                ("\"Agent\"", "\"configuration\""),
            ],
        },
        Dialect::Quinite => Case {
            dialect: d,
            scripts: [
                include_str!("fixtures/quinite_hostile.sql"),
                include_str!("fixtures/quinite_caller.sql"),
                include_str!("fixtures/quinite_secrets.sql"),
            ],
            orgs: uuid_orgs,
            secret_columns: &[("auth.users", "encrypted_password")],
        },
    }
}

/// A fresh database of the dialect with its markers; checks every listed column holds at least one and
/// returns the URL and the distinct markers.
async fn load(c: &Case, hint: &str) -> (String, Vec<String>) {
    let url = common::fresh_db(
        &format!("sec{hint}{}", c.dialect.name()),
        &[schema_sql(c.dialect), c.scripts[0], c.scripts[1], c.scripts[2]],
    )
    .await;
    let mut conn = PgConnection::connect(&url).await.unwrap();
    let mut markers = Vec::new();
    for (table, column) in c.secret_columns {
        let found: Vec<String> = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT DISTINCT m[1] FROM {table} t, regexp_matches(t.{column}::text, '(SECRET-MARKER-[A-Za-z0-9_.-]+)', 'g') m"
        )))
        .fetch_all(&mut conn)
        .await
        .unwrap();
        assert!(!found.is_empty(), "{}: no marker in {table}.{column}", c.dialect);
        markers.extend(found);
    }
    conn.close().await.ok();
    markers.sort();
    markers.dedup();
    (url, markers)
}

fn assert_clean(what: &str, text: &str) {
    if let Some(i) = text.find(NEEDLE) {
        let from = text[..i].char_indices().rev().nth(200).map(|(j, _)| j).unwrap_or(0);
        let to = text[i..].char_indices().nth(200).map(|(j, _)| i + j).unwrap_or(text.len());
        panic!("a secret leaked into {what}:\n…{}…", &text[from..to]);
    }
}

/// The log the runs wrote: it must exist (logging was on) and hold no marker.
fn assert_log_clean(what: &str, dir: &Path) -> usize {
    let log = std::fs::read_to_string(dir.join("switchboard.log")).unwrap_or_default();
    assert!(!log.is_empty(), "{what}: nothing was logged in {}", dir.display());
    assert_clean(&format!("{what}: the log"), &log);
    log.lines().count()
}

fn temp_dir(name: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!("sb-secrets-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).unwrap();
    p
}

// ---------------------------------------------------------------------------------------------------------
// The data layer and every export
// ---------------------------------------------------------------------------------------------------------

/// Everything the console can load for the dialect, in process: every value is Debug-printed and searched.
async fn data_layer_sweep(c: &Case, url: &str) -> usize {
    let d = c.dialect;
    let src = Source::new(DbOptions::new(url)).unwrap();
    let mut dumps: Vec<(String, String)> = Vec::new();
    let orgs = src.orgs(d).await.unwrap();
    dumps.push(("orgs".into(), format!("{orgs:?}")));
    dumps.push(("board".into(), format!("{:?}", src.board(d).await.unwrap())));
    for org in &orgs {
        let key = &org.key;
        let zone = OrgZone::from_name(org.timezone.as_deref());
        if let Ok(p) = src.profile(d, key).await {
            dumps.push((format!("profile {}", org.name), format!("{p:?}")));
        }
        let Ok(page) = src.calls_filtered(d, key, &Anchor::First, 200, &CallFilter::default(), &zone).await else {
            continue; // Retell's broken tenants
        };
        dumps.push((format!("calls {}", org.name), format!("{page:?}")));
        for row in page.rows.iter().take(12) {
            let call = src.call(d, key, &row.key).await;
            dumps.push((format!("call {}", row.key), format!("{call:?}")));
        }
        let from = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let to = chrono::NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
        dumps.push((format!("overview {}", org.name), format!("{:?}", src.overview(d, key, from, to, &zone).await)));
        if switchboard::data::dialects::platform(d).caps().appointments {
            let appts = src.appointments(d, key, from, to, zone).await.unwrap();
            for a in &appts {
                let one = src.appointment(d, key, &a.key).await.unwrap();
                dumps.push((format!("appointment {}", a.key), format!("{one:?}")));
            }
            dumps.push((format!("appointments {}", org.name), format!("{appts:?}")));
        }
        if switchboard::data::dialects::platform(d).caps().oncall {
            dumps.push((format!("oncall {}", org.name), format!("{:?}", src.oncall(d, key).await.unwrap())));
        }
        for q in [CallerQuery::Phone(PHONE.into()), CallerQuery::Name("garc".into())] {
            let h = src.caller(d, key, &q, &zone, CallerScope::default()).await;
            dumps.push((format!("caller {q:?} {}", org.name), format!("{h:?}")));
        }
    }
    dumps.push(("caller orgs".into(), format!("{:?}", src.caller_orgs(d, PHONE).await)));
    src.close().await;
    for (what, text) in &dumps {
        assert_clean(&format!("{d}: the data layer ({what})"), text);
    }
    dumps.len()
}

struct Run {
    ok: bool,
    stdout: String,
}

fn run(d: Dialect, log: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .env("SWITCHBOARD_LOG_DIR", log)
        .env("SWITCHBOARD_LOG", "debug")
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_clean(&format!("{d}: stdout of {args:?}"), &stdout);
    assert_clean(&format!("{d}: stderr of {args:?}"), &stderr);
    Run { ok: out.status.success(), stdout }
}

/// Every export subcommand the dialect supports, in JSON and CSV where it has both, and `check`.
fn export_sweep(c: &Case, url: &str, log: &Path) -> usize {
    let d = c.dialect;
    let mut n = 0;
    let mut go = |args: &[&str], must_succeed: bool| -> Run {
        let mut full = vec!["export", "--url", url];
        full.extend_from_slice(args);
        let r = run(d, log, &full);
        assert!(r.ok || !must_succeed, "{d}: {args:?} failed");
        n += 1;
        r
    };
    let formats = ["json", "csv"];
    for f in formats {
        go(&["orgs", "--format", f], true);
        go(&["board", "--format", f], true);
    }
    for org in c.orgs {
        for f in formats {
            let first = go(&["calls", "--org", org, "--limit", "60", "--format", f], true);
            if f == "json" {
                let v: serde_json::Value = serde_json::from_str(&first.stdout).unwrap();
                if let Some(cursor) = v["next_cursor"].as_str() {
                    go(&["calls", "--org", org, "--limit", "60", "--cursor", cursor], true);
                }
                // Each call of the first page (with its details, summary and transcript), up to 12.
                let ids: Vec<String> = v["calls"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|r| r["id"].as_str().map(str::to_string))
                    .collect();
                for id in ids.iter().take(12) {
                    go(&["call", "--org", org, "--id", id], true);
                }
            }
            for filter in ["status:completed", "from:2025-01-01 to:2027-12-31", PHONE, "urgent"] {
                // `urgent` is refused where the platform records no urgency.
                go(&["calls", "--org", org, "--filter", filter, "--format", f], filter != "urgent");
            }
            go(&["oncall", "--org", org, "--format", f], switchboard::data::dialects::platform(d).caps().oncall);
            go(&["appointments", "--org", org, "--from", "2025-01-01", "--to", "2027-12-31", "--format", f], {
                switchboard::data::dialects::platform(d).caps().appointments
            });
            go(&["caller", "--org", org, "--phone", PHONE, "--format", f], true);
            // Retell keeps no names to look up.
            go(&["caller", "--org", org, "--name", "garc", "--format", f], d != Dialect::Retell);
        }
        go(&["overview", "--org", org, "--from", "2025-01-01", "--to", "2027-12-31"], true);
        go(&["overview", "--org", org], true);
        go(&["org", "--org", org], true);
    }
    let r = run(d, log, &["check", "--url", url]);
    assert!(r.ok, "{d}: check failed");
    n + 1
}

async fn exports_and_data(d: Dialect) {
    let start = Instant::now();
    let c = case(d);
    let (url, markers) = load(&c, "x").await;
    let loads = data_layer_sweep(&c, &url).await;
    let log = temp_dir(&format!("export-{}", d.name()));
    let runs = export_sweep(&c, &url, &log);
    let lines = assert_log_clean(&format!("{d}: exports"), &log);
    let _ = std::fs::remove_dir_all(&log);
    println!(
        "{d}: {} markers in {} columns; {loads} data-layer loads and {runs} export/check runs clean; log {lines} lines clean ({:.1} s)",
        markers.len(),
        c.secret_columns.len(),
        start.elapsed().as_secs_f64()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn serviceai_exports_and_data_never_hold_a_secret() {
    exports_and_data(Dialect::ServiceAi).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_exports_and_data_never_hold_a_secret() {
    exports_and_data(Dialect::Retell).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn voxanne_exports_and_data_never_hold_a_secret() {
    exports_and_data(Dialect::Voxanne).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn prisma_exports_and_data_never_hold_a_secret() {
    exports_and_data(Dialect::Prisma).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn quinite_exports_and_data_never_hold_a_secret() {
    exports_and_data(Dialect::Quinite).await;
}

// ---------------------------------------------------------------------------------------------------------
// Every screen of the real binary in tmux (the harness of tests/e2e_tmux.rs, minimal)
// ---------------------------------------------------------------------------------------------------------

struct Tmux {
    socket: String,
    dialect: Dialect,
    screens: usize,
}

fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Tmux {
    fn start(d: Dialect, args: &[&str], env: &[(&str, &str)]) -> Tmux {
        let socket = format!("sb-secrets-{}-{}", d.name(), std::process::id());
        let mut cmd = String::from("env");
        for (k, v) in env {
            cmd += &format!(" {k}={}", sh_quote(v));
        }
        cmd += &format!(" {}", sh_quote(env!("CARGO_BIN_EXE_switchboard")));
        for a in args {
            cmd += &format!(" {}", sh_quote(a));
        }
        cmd += "; echo EXITED $?; sleep 600";
        let ok = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40"])
            .arg(cmd)
            .status()
            .expect("tmux is installed")
            .success();
        assert!(ok, "tmux new-session failed");
        Tmux { socket, dialect: d, screens: 0 }
    }

    fn send(&self, keys: &[&str]) {
        for k in keys {
            assert!(Command::new("tmux").args(["-L", &self.socket, "send-keys", k]).status().unwrap().success());
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn type_text(&self, text: &str) {
        Command::new("tmux").args(["-L", &self.socket, "send-keys", "-l", text]).status().unwrap();
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux").args(["-L", &self.socket, "capture-pane", "-p"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows every needle, then checks it (and its lines joined, for a secret
    /// wrapped across two lines) for a marker.
    fn shows(&mut self, what: &str, needles: &[&str]) -> String {
        let start = Instant::now();
        let s = loop {
            let s = self.screen();
            if needles.iter().all(|n| s.contains(n)) {
                break s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("{}: {what}: waited for {needles:?}; the screen shows:\n{s}", self.dialect);
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let joined: String = s.lines().map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace())).collect();
        assert_clean(&format!("{}: the screen {what}", self.dialect), &s);
        assert_clean(&format!("{}: the screen {what} (lines joined)", self.dialect), &joined);
        self.screens += 1;
        s
    }

    /// Presses Escape until the call list is back.
    fn back_to_calls(&mut self) {
        for _ in 0..4 {
            if self.screen().contains("calls, newest first") {
                break;
            }
            self.send(&["Escape"]);
            std::thread::sleep(Duration::from_millis(150));
        }
        self.shows("the call list", &["calls, newest first"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).status();
    }
}

async fn screens(d: Dialect) {
    let start = Instant::now();
    let c = case(d);
    let (url, markers) = load(&c, "t").await;
    let log = temp_dir(&format!("tmux-{}", d.name()));
    let log_s = log.display().to_string();
    let mut t = Tmux::start(
        d,
        &["--url", &url],
        &[("SWITCHBOARD_LOG_DIR", &log_s), ("SWITCHBOARD_LOG", "debug"), ("SWITCHBOARD_CONFIG", "/dev/null")],
    );

    t.shows("org switcher", &["Organizations (", "Acme Plumbing"]);
    t.type_text("acme");
    t.send(&["Enter"]);
    t.shows("call list", &["Acme Plumbing · calls, newest first · page 1"]);

    // The first calls: transcript, then every page of the details.
    for i in 0..3 {
        if i > 0 {
            t.send(&["j"]);
            std::thread::sleep(Duration::from_millis(100));
        }
        t.send(&["Enter"]);
        t.shows(&format!("transcript of call {i}"), &["Transcript ·"]);
        t.send(&["Tab"]);
        t.shows(&format!("details of call {i}"), &["Details · lines"]);
        for p in 0..3 {
            t.send(&["PageDown"]);
            std::thread::sleep(Duration::from_millis(100));
            t.shows(&format!("details of call {i}, page {}", p + 2), &["Details · lines"]);
        }
        t.send(&["G"]);
        t.shows(&format!("details of call {i}, end"), &["Details · lines"]);
        t.back_to_calls();
    }
    t.send(&["PageDown"]);
    t.shows("call list, page 2", &["page 2"]);
    t.send(&["g"]);
    t.shows("call list, page 1", &["page 1"]);

    // Caller history: from the selected call (C), and the fixture's caller on the command line.
    t.send(&["C"]);
    t.shows("caller of the selected call", &[" Caller "]);
    t.back_to_calls();
    t.type_text(&format!(":caller {PHONE}"));
    t.send(&["Enter"]);
    t.shows("caller history", &[&format!("Caller {PHONE} · Acme Plumbing"), "Timeline, newest first"]);
    t.send(&["G"]);
    t.shows("caller history, end", &["Timeline, newest first"]);
    t.send(&["g", "Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    t.shows("the caller's newest event, opened", &[]);
    t.back_to_calls();

    // Calendar: the month grid, the agenda and an appointment.
    t.send(&["c"]);
    if switchboard::data::dialects::platform(d).caps().appointments {
        t.shows("calendar", &["Mon", "Sun"]);
        t.send(&["g"]);
        t.type_text("2026-03-08");
        t.send(&["Enter"]);
        t.shows("calendar grid, March 2026", &["March 2026", "Sun 8 Mar 2026"]);
        t.send(&["Tab"]);
        t.shows("calendar agenda", &["tab: back to grid"]);
        t.send(&["Enter"]);
        t.shows("an appointment", &[" Appointment "]);
    } else {
        t.shows("no calendar", &["No calendar for this platform"]);
    }
    t.send(&["Escape", "Escape"]);

    // On call, every pane, and an item opened.
    t.send(&["e"]);
    if switchboard::data::dialects::platform(d).caps().oncall {
        t.shows("on call", &[" · on call ", "Roster"]);
        for p in 0..4 {
            t.send(&["Tab"]);
            std::thread::sleep(Duration::from_millis(150));
            t.shows(&format!("on call, pane {}", p + 2), &[" · on call "]);
            t.send(&["Enter"]);
            std::thread::sleep(Duration::from_millis(200));
            t.shows(&format!("on call, pane {}, item opened", p + 2), &[]);
            // Back from whatever opened: another screen, or a notification over on call.
            let s = t.screen();
            if !s.contains(" · on call ") || s.contains(" Notification ") {
                t.send(&["Escape"]);
            }
            std::thread::sleep(Duration::from_millis(150));
            if !t.screen().contains(" · on call ") {
                t.send(&["e"]);
            }
        }
    } else {
        t.shows("no on call", &["No on-call data for this platform"]);
    }
    t.send(&["Escape"]);

    // The org profile, page by page to its end.
    t.send(&["p"]);
    t.shows("profile", &["· profile", "Identity"]);
    for p in 0..4 {
        t.send(&["PageDown"]);
        std::thread::sleep(Duration::from_millis(100));
        t.shows(&format!("profile, page {}", p + 2), &["· profile"]);
    }
    t.send(&["G"]);
    t.shows("profile, end", &["· profile"]);

    t.send(&["b"]);
    t.shows("board", &["Attention board ·"]);
    t.send(&["v"]);
    t.shows("overview, last 7 days", &["overview ·"]);
    t.send(&["g"]);
    t.type_text("2025-12-01..2026-03-31");
    t.send(&["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    t.shows("overview, a range", &["overview ·"]);
    t.send(&["?"]);
    t.shows("help", &[" Keys "]);
    t.send(&["Escape"]);

    // The org switcher again, and Org C's profile (its own secrets).
    t.type_text(&format!(":org {}", c.orgs[1]));
    t.send(&["Enter"]);
    t.shows("Org C's call list", &["東京デンタル", "calls"]);
    t.send(&["p"]);
    t.shows("Org C's profile", &["東京デンタル", "· profile", "Identity"]);
    t.send(&["G"]);
    t.shows("Org C's profile, end", &["· profile"]);
    t.send(&["o"]);
    t.shows("org switcher again", &["Organizations ("]);
    t.send(&["C-c"]);
    t.shows("the shell after quitting", &["EXITED 0"]);
    let screens = t.screens;
    drop(t);
    let lines = assert_log_clean(&format!("{d}: the console"), &log);
    let _ = std::fs::remove_dir_all(&log);
    println!(
        "{d}: {} markers; {screens} screens captured clean; log {lines} lines clean ({:.1} s)",
        markers.len(),
        start.elapsed().as_secs_f64()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn serviceai_screens_never_show_a_secret() {
    screens(Dialect::ServiceAi).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_screens_never_show_a_secret() {
    screens(Dialect::Retell).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn voxanne_screens_never_show_a_secret() {
    screens(Dialect::Voxanne).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn prisma_screens_never_show_a_secret() {
    screens(Dialect::Prisma).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn quinite_screens_never_show_a_secret() {
    screens(Dialect::Quinite).await;
}
