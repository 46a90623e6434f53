//! The real binary in tmux: the support journey against the test server, and the embedded demo.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

use common::tmux::Tmux;

fn log_env(dir: &tempfile::TempDir) -> (String, String) {
    ("SWITCHBOARD_LOG_DIR".to_string(), dir.path().join("log").display().to_string())
}

/// A directory of the test's own, removed when it ends; readable by others (0755) because `demo --server`
/// run as root hands its data directory to an unprivileged server.
fn temp_dir(name: &str) -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .prefix(&format!("sb-e2e-{name}-"))
        .permissions(std::fs::Permissions::from_mode(0o755))
        .tempdir()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn support_journey_on_a_real_server() {
    let url = hostile_db("e2e").await;
    let tmp = temp_dir("journey");
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start("journey", &["--url", &url], &[(&lk, &lv), ("SWITCHBOARD_CONFIG", "/dev/null")], 120, 40);

    // The org switcher, with the hostile org name shown as harmless marks.
    let s = t.wait_for(&["Organizations (3 of 3)", "Acme Plumbing", "東京デンタル"], 30);
    assert!(s.contains("␛]0;pwned"), "{s}");
    assert!(!t.title().contains("pwned"), "the window title was changed: {}", t.title());

    t.type_text("acme");
    t.wait_for(&["Organizations (1 of 3)"], 10);
    t.send(&["Enter"]);
    let s = t.wait_for(&["Acme Plumbing · calls, newest first · page 1", "America/New_York"], 15);
    assert!(s.contains("2026-02-01 05:00"), "newest call first, in New York time:\n{s}");

    t.send(&["PageDown"]);
    t.wait_for(&["page 2"], 10);
    t.send(&["PageDown"]);
    t.wait_for(&["page 3"], 10);
    t.send(&["PageUp"]);
    t.wait_for(&["page 2"], 10);
    t.send(&["g"]);
    t.wait_for(&["page 1 ↓"], 10);
    t.send(&["G"]);
    let s = t.wait_for(&["— no time —"], 10);
    assert!(s.contains("last page") || s.contains("page"), "{s}");
    t.send(&["g"]);
    t.wait_for(&["page 1 ↓"], 10);

    // The newest call holds the hostile transcript.
    t.send(&["Enter"]);
    let s = t.wait_for(&["Transcript ·", "Customer", "配管が破裂しました"], 15);
    assert!(s.contains('␛'), "{s}");
    assert!(!t.title().contains("owned"), "the window title was changed: {}", t.title());

    t.send(&["/"]);
    t.type_text("pipe");
    t.send(&["Enter"]);
    let s = t.wait_for(&["/pipe"], 10);
    assert!(s.contains("/pipe 1/") || s.contains("/pipe no match"), "{s}");

    t.send(&["Escape"]);
    t.wait_for(&["Acme Plumbing · calls"], 10);
    // The 2 MB transcript opens and scrolls to its end.
    t.send(&["Down", "Enter"]);
    let s = t.wait_for(&["Transcript ·", "lines 1-"], 20);
    assert!(s.contains("huge transcript"), "{s}");
    t.send(&["G"]);
    t.wait_for(&["(100%)"], 10);

    t.send(&["?"]);
    t.wait_for(&["Keys", "search transcript"], 10);
    t.send(&["Escape"]);
    t.send(&["q"]);
    t.wait_for(&["EXITED 0"], 10);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dead_server_shows_a_message_and_quits_cleanly() {
    let tmp = temp_dir("dead");
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start(
        "dead",
        &["--url", "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable"],
        &[(&lk, &lv), ("SWITCHBOARD_CONFIG", "/dev/null")],
        80,
        24,
    );
    t.wait_for(&["Cannot use this database", "cannot reach the database server"], 30);
    t.send(&["q"]);
    t.wait_for(&["EXITED 0"], 10);
}

#[tokio::test(flavor = "multi_thread")]
async fn demo_on_an_empty_data_directory_shows_orgs_and_calls() {
    let tmp = temp_dir("demo");
    let data = tmp.path().join("data").display().to_string();
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start(
        "demo",
        &["demo"],
        &[(&lk, &lv), ("SWITCHBOARD_DATA_DIR", &data), ("SWITCHBOARD_CONFIG", "/dev/null")],
        120,
        40,
    );
    let s = t.wait_for(&["Organizations (", "demo serviceai (embedded PostgreSQL)"], 120);
    assert!(!s.contains("(0 of 0)"), "{s}");
    // A second console on the same demo database gets a clear message, not a hang.
    let second = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .arg("demo")
        .env("SWITCHBOARD_DATA_DIR", &data)
        .env(&lk, &lv)
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(1));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("another Switchboard console is using this demo database"), "{err}");
    t.send(&["Enter"]);
    let s = t.wait_for(&["calls, newest first · page 1", "Time", "Phone"], 30);
    assert!(!s.contains("has no calls"), "{s}");
    t.send(&["Enter"]);
    t.wait_for(&["Transcript ·"], 30);
    // The caller of that call: their record and timeline, on the embedded server too.
    t.send(&["C"]);
    let s = t.wait_for(&["Caller +", "Timeline, newest first", "Calls "], 30);
    assert!(!s.contains('✖'), "{s}");
    t.send(&["Escape"]);
    t.wait_for(&["Transcript ·"], 10);
    // The calendar of the first org (Bright Smile Family Dental, America/Chicago), on today.
    t.send(&["Escape", "c"]);
    let zone: chrono_tz::Tz = "America/Chicago".parse().unwrap();
    let today = chrono::Utc::now().with_timezone(&zone).date_naive();
    let this_month = today.format("%B %Y").to_string();
    let s = t.wait_for(&[&this_month, "Mon", "Sun", "appointment"], 30);
    assert!(s.contains(&today.format("%a %-d %b %Y").to_string()), "{s}");
    t.send(&["]"]);
    let next = switchboard::core::calendar::add_months(today, 1);
    t.wait_for(&[&next.format("%B %Y").to_string()], 30);
    t.send(&["t"]);
    t.wait_for(&[&this_month], 10);
    t.send(&["g"]);
    t.type_text("2026-02-14");
    t.send(&["Enter"]);
    t.wait_for(&["February 2026", "Sat 14 Feb 2026"], 30);
    // The overview of the same org, and the attention board.
    t.send(&["Escape", "v"]);
    t.wait_for(&["overview · last 7 days", "Calls ", "By status"], 30);
    t.send(&["b"]);
    let s = t.wait_for(&["Attention board ·", "orgs need a look"], 30);
    assert!(s.contains("Bright Smile Family Dental"), "{s}");
    t.send(&["C-c"]);
    t.wait_for(&["EXITED 0"], 10);
}

#[tokio::test(flavor = "multi_thread")]
async fn demo_on_a_private_server_from_system_binaries() {
    let tmp = temp_dir("demoserver");
    let data = tmp.path().join("data").display().to_string();
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start(
        "demoserver",
        &["demo", "--server", "--reset"],
        &[(&lk, &lv), ("SWITCHBOARD_DATA_DIR", &data), ("SWITCHBOARD_CONFIG", "/dev/null")],
        120,
        40,
    );
    t.wait_for(&["Organizations (8 of 8)", "demo serviceai (private PostgreSQL"], 120);
    t.send(&["Enter"]);
    t.wait_for(&["calls, newest first · page 1"], 30);
    t.send(&["C-c"]);
    t.wait_for(&["EXITED 0"], 30);
}

#[tokio::test(flavor = "multi_thread")]
async fn demo_of_every_other_platform_opens_with_the_same_keys() {
    for dialect in ["retell", "voxanne", "prisma", "quinite"] {
        let tmp = temp_dir(&format!("demo-{dialect}"));
        let data = tmp.path().join("data").display().to_string();
        let (lk, lv) = log_env(&tmp);
        let t = Tmux::start(
            &format!("demo-{dialect}"),
            &["demo", "--dialect", dialect],
            &[(&lk, &lv), ("SWITCHBOARD_DATA_DIR", &data), ("SWITCHBOARD_CONFIG", "/dev/null")],
            120,
            40,
        );
        let s = t.wait_for(&["Organizations (", &format!("demo {dialect} (embedded PostgreSQL)")], 120);
        assert!(!s.contains("(0 of 0)"), "{dialect}:\n{s}");
        assert!(s.contains(&format!("│ {dialect} │")), "{dialect} detected:\n{s}");
        t.send(&["Enter"]);
        let s = t.wait_for(&["calls, newest first · page 1"], 30);
        assert!(!s.contains("has no calls"), "{dialect}:\n{s}");
        t.send(&["PageDown"]);
        t.wait_for(&["page 2"], 30);
        t.send(&["Enter"]);
        let s = t.wait_for(&["Transcript ·"], 30);
        assert!(!s.contains('✖'), "{dialect}:\n{s}");
        t.send(&["Tab"]);
        t.wait_for(&["Details · lines"], 10);
        t.send(&["c"]);
        if dialect == "voxanne" {
            t.wait_for(&["Mon", "Sun", "appointment"], 30);
            t.send(&["Tab", "Enter"]);
            let s = t.screen();
            assert!(!s.contains('✖'), "{dialect}:\n{s}");
        } else {
            t.wait_for(&["No calendar for this platform", &format!("The {dialect} schema")], 10);
        }
        t.send(&["Escape", "Escape", "p"]);
        let s = t.wait_for(&["· profile", "Identity", "People"], 30);
        assert!(!s.contains('✖'), "{dialect}:\n{s}");
        t.send(&["q"]);
        t.wait_for(&["EXITED 0"], 10);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn on_call_keeps_the_last_data_marked_stale_when_the_server_stops() {
    let tmp = temp_dir("stale");
    let bins = switchboard::demo::server::find_binaries().expect("PostgreSQL server binaries");
    let dir = switchboard::demo::server::server_base_dir().join(format!("stale-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut srv = switchboard::demo::server::PrivateServer::start(&bins, &dir).expect("a private server");
    switchboard::demo::load_scripts(
        &srv.url,
        &[
            switchboard::demo::schema_sql(switchboard::core::model::Dialect::ServiceAi),
            include_str!("fixtures/serviceai_hostile.sql"),
            "INSERT INTO emergency_contacts (organization_id, name, phone, is_active, priority) \
             VALUES ('00000000-0000-0000-0000-00000000000a', 'Always Al', '+15550000042', true, 1)",
        ],
    )
    .await
    .unwrap();
    let cfg = tmp.path().join("config.toml");
    std::fs::write(&cfg, "oncall_refresh_secs = 1\n").unwrap();
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start(
        "stale",
        &["--url", &srv.url],
        &[(&lk, &lv), ("SWITCHBOARD_CONFIG", cfg.to_str().unwrap())],
        120,
        40,
    );
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text("acme");
    t.send(&["Enter"]);
    t.wait_for(&["Acme Plumbing · calls"], 15);
    t.send(&["e"]);
    t.wait_for(&["ON CALL NOW ▶ Always Al", "updated"], 15);
    srv.stop();
    let s = t.wait_for(&["STALE: last good"], 30);
    assert!(s.contains("ON CALL NOW ▶ Always Al"), "the last data stays on screen:\n{s}");
    // The console still answers keys.
    t.send(&["Tab"]);
    t.wait_for(&["[Transfers"], 10);
    t.send(&["q"]);
    t.wait_for(&["EXITED 0"], 10);
    drop(srv);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn keys_remapped_in_the_config_drive_the_console_and_its_help() {
    let url = hostile_db("remap").await;
    let tmp = temp_dir("remap");
    let cfg = tmp.path().join("config.toml");
    std::fs::write(&cfg, "[keys.calls]\ndown = \"n\"\nopen = [\"enter\", \"o\"]\n[keys.global]\norgs = \"O\"\n")
        .unwrap();
    let (lk, lv) = log_env(&tmp);
    let t =
        Tmux::start("remap", &["--url", &url], &[(&lk, &lv), ("SWITCHBOARD_CONFIG", cfg.to_str().unwrap())], 120, 40);
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text("acme");
    t.send(&["Enter"]);
    // The rows are on screen (the frame's title comes first).
    let before = t.wait_for(&["Acme Plumbing · calls", " n down ", "▶"], 15);
    let selected = |s: &str| s.lines().find(|l| l.contains('▶')).map(str::to_string);
    let first_selected = selected(&before);
    t.send(&["j"]);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(selected(&t.screen()), first_selected, "j is no longer down");
    t.send(&["n"]);
    // Moving down may wait for the next frame: poll instead of sleeping a fixed time.
    let deadline = Instant::now() + Duration::from_secs(10);
    while selected(&t.screen()) == first_selected && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_ne!(selected(&t.screen()), first_selected, "n moves down");
    t.send(&["?"]);
    let s = t.wait_for(&["Keys"], 10);
    assert!(s.contains("enter o") && s.contains("switch organization"), "{s}");
    t.send(&["Escape", "O"]);
    // The switcher opens afresh: the whole list, the open org selected.
    t.wait_for(&["Organizations (3 of 3)", "▶ Acme Plumbing"], 10);
    t.send(&["C-c"]);
    t.wait_for(&["EXITED 0"], 10);
    // A bad key in the config: one line at start, exit 2.
    std::fs::write(&cfg, "[keys.calls]\ndown = \"hyper-n\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["--url", &url])
        .env("SWITCHBOARD_CONFIG", &cfg)
        .env(&lk, &lv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad keymap in the config: [keys.calls] down: unknown key \"hyper-n\""), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn copy_emits_osc52_wrapped_for_tmux() {
    let url = hostile_db("copy").await;
    let tmp = temp_dir("copy");
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start("copy", &["--url", &url], &[(&lk, &lv), ("SWITCHBOARD_CONFIG", "/dev/null")], 120, 40);
    // Everything the console writes to the terminal, raw.
    let raw = tmp.path().join("pane.raw");
    let ok = Command::new("tmux")
        .args(["-L", &t.socket, "pipe-pane", "-o", &format!("cat >> {}", raw.display())])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text("acme");
    t.send(&["Enter"]);
    t.wait_for(&["Acme Plumbing · calls"], 15);
    t.send(&["y"]);
    t.wait_for(&["copied the call id (36 chars, OSC 52)"], 10);
    // The newest call of Acme is the hostile one: its id, base64, inside tmux's passthrough.
    let want = format!("\x1bPtmux;\x1b\x1b]52;c;{}\x07\x1b\\", base64_of(common::HOSTILE_CALL));
    let start = std::time::Instant::now();
    loop {
        let bytes = std::fs::read(&raw).unwrap_or_default();
        if String::from_utf8_lossy(&bytes).contains(&want) {
            break;
        }
        assert!(start.elapsed().as_secs() < 10, "no OSC 52 in the pane's output");
        std::thread::sleep(Duration::from_millis(100));
    }
    t.send(&["C-c"]);
    t.wait_for(&["EXITED 0"], 10);
}

fn base64_of(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s.as_bytes())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_command_line_in_tmux() {
    let url = hostile_db("cmdline").await;
    let tmp = temp_dir("cmdline");
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start("cmdline", &["--url", &url], &[(&lk, &lv), ("SWITCHBOARD_CONFIG", "/dev/null")], 80, 24);
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text(":org acm");
    t.send(&["Tab"]);
    t.wait_for(&[":org Acme Plumbing"], 10);
    t.send(&["Enter"]);
    t.wait_for(&["Acme Plumbing · calls"], 15);
    t.type_text(":calls status:completed day:2026-01-15");
    t.send(&["Enter"]);
    t.wait_for(&["filter: status:completed day:2026-01-15"], 15);
    t.type_text(":cal 2026-01-15");
    t.send(&["Enter"]);
    t.wait_for(&["January 2026", "Thu 15 Jan 2026"], 15);
    t.type_text(":q");
    t.send(&["Enter"]);
    t.wait_for(&["EXITED 0"], 10);
}

/// Whether a screen captured with its attributes (`capture-pane -e`) sets any color.
fn has_color(s: &str) -> bool {
    s.split("\x1b[").skip(1).any(|seq| {
        let params: String = seq.chars().take_while(|c| c.is_ascii_digit() || *c == ';').collect();
        seq[params.len()..].starts_with('m')
            && params
                .split(';')
                .filter_map(|p| p.parse::<u32>().ok())
                .any(|n| matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107))
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn no_color_gives_a_screen_free_of_color() {
    let url = hostile_db("nocolor").await;
    for (no_color, name) in [(true, "nocolor"), (false, "color")] {
        let tmp = temp_dir(name);
        let (lk, lv) = log_env(&tmp);
        let mut env = vec![(lk.as_str(), lv.as_str()), ("SWITCHBOARD_CONFIG", "/dev/null")];
        if no_color {
            env.push(("NO_COLOR", "1"));
        }
        let t = Tmux::start(name, &["--url", &url], &env, 120, 40);
        t.wait_for(&["Organizations (3 of 3)"], 30);
        t.type_text("acme");
        t.send(&["Enter"]);
        t.wait_for(&["Acme Plumbing · calls", "EMERG"], 15);
        let out = Command::new("tmux").args(["-L", &t.socket, "capture-pane", "-e", "-p"]).output().unwrap();
        let screen = String::from_utf8_lossy(&out.stdout);
        assert_eq!(has_color(&screen), !no_color, "NO_COLOR={no_color}:\n{screen:?}");
        // Without color, states still read by symbol and word.
        assert!(screen.contains("⚠ EMERG") && screen.contains("✓ completed"));
        t.send(&["C-c"]);
        t.wait_for(&["EXITED 0"], 10);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn saving_the_transcript_and_the_list_from_the_console() {
    let url = hostile_db("save").await;
    let tmp = temp_dir("save");
    let data = tmp.path().join("data");
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start(
        "save",
        &["--url", &url],
        &[(&lk, &lv), ("SWITCHBOARD_CONFIG", "/dev/null"), ("SWITCHBOARD_DATA_DIR", data.to_str().unwrap())],
        160,
        40,
    );
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text("acme");
    t.send(&["Enter"]);
    // The rows are there before the list is saved (before, `s` says the page is still loading).
    t.wait_for(&["Acme Plumbing · calls", "+15558000001"], 15);
    t.send(&["s"]);
    t.wait_for(&["saved to "], 10);
    t.send(&["Enter"]);
    t.wait_for(&["Transcript ·"], 15);
    t.send(&["s"]);
    t.wait_for(&["saved to "], 10);
    t.send(&["S"]);
    std::thread::sleep(Duration::from_millis(500));
    t.send(&["C-c"]);
    t.wait_for(&["EXITED 0"], 10);
    let dir = data.join("exports");
    let text = std::fs::read_to_string(dir.join(format!("transcript-{HOSTILE_CALL}.txt"))).unwrap();
    assert!(text.contains("Customer: ") && text.contains("配管が破裂しました"), "{text}");
    assert!(!text.contains('\u{1b}'), "the saved text is as harmless as the screen");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("transcript-{HOSTILE_CALL}.json"))).unwrap())
            .unwrap();
    assert!(json["turns"].as_array().unwrap().len() >= 2);
    let csv = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with("calls-"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .expect("a CSV of the list");
    assert!(csv.lines().count() > 10 && csv.starts_with("id,"), "{csv}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_200x60_terminal_shows_the_list_and_the_call_side_by_side() {
    let url = hostile_db("wide").await;
    let tmp = temp_dir("wide");
    let (lk, lv) = log_env(&tmp);
    let t =
        Tmux::start("wide", &["--url", &url, "--mouse"], &[(&lk, &lv), ("SWITCHBOARD_CONFIG", "/dev/null")], 200, 60);
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text("acme");
    t.send(&["Enter"]);
    // The newest call (the hostile one) shows beside the list without opening it.
    let s = t.wait_for(&["Acme Plumbing · calls", "Transcript ·", "配管が破裂しました"], 15);
    assert!(s.lines().any(|l| l.contains("Acme Plumbing · calls") && l.contains("Call 40000000")), "{s}");
    t.send(&["j"]);
    t.wait_for(&["Call 40000000", "huge transcript"], 15);
    t.send(&["C-c"]);
    t.wait_for(&["EXITED 0"], 10);
}

#[tokio::test(flavor = "multi_thread")]
async fn caller_journey_from_the_switcher_the_timeline_and_the_call_list() {
    let url = fresh_db("e2ecaller", &[SCHEMA, HOSTILE, include_str!("fixtures/serviceai_caller.sql")]).await;
    let tmp = temp_dir("caller");
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start("caller", &["--url", &url], &[(&lk, &lv), ("SWITCHBOARD_CONFIG", "/dev/null")], 120, 40);
    t.wait_for(&["Organizations (3 of 3)"], 30);

    // A number typed in the switcher finds the orgs that have it on record.
    t.type_text("(415) 555-0123");
    t.wait_for(&["enter: find the orgs that have this number on record"], 10);
    t.send(&["Enter"]);
    // Typed without a country code: national spellings only (Acme's and the other org's customers).
    let s = t.wait_for(&["Organizations with 4155550123 on record (2)"], 15);
    assert!(s.contains("Acme Plumbing"), "{s}");
    t.send(&["BSpace"; 14]);
    t.type_text("+1 415 555 0123");
    t.send(&["Enter"]);
    t.wait_for(&["Organizations with +14155550123 on record (2)"], 15);
    t.send(&["Enter"]);
    let s = t.wait_for(&["Caller +14155550123 · Acme Plumbing", "Timeline, newest first · 14"], 15);
    assert!(s.contains("María García") && s.contains("this number is on record under 2 different names"), "{s}");
    assert!(s.contains("also on record in 1 other org"), "{s}");
    assert!(s.contains("2026-03-08 03:30"), "the appointment in New York time:\n{s}");
    assert!(s.contains("␛[31m"), "the hostile name is shown as harmless marks:\n{s}");
    assert!(!t.title().contains("red"), "the window title was changed: {}", t.title());

    // The eighth row is the completed call: open its transcript, come back.
    t.send(&["j", "j", "j", "j", "j", "j", "j", "Enter"]);
    let s = t.wait_for(&["Transcript ·"], 15);
    assert!(s.contains("Hello"), "{s}");
    t.send(&["Escape"]);
    t.wait_for(&["Caller +14155550123", "Timeline, newest first"], 10);
    t.send(&["Escape"]);
    t.wait_for(&["Acme Plumbing · calls, newest first"], 10);

    // From the call list: C on the newest call (of the hostile fixture, a different caller).
    t.send(&["C"]);
    t.wait_for(&["Caller +", "Timeline, newest first"], 15);
    t.send(&["Escape"]);

    // By name, on the command line.
    t.send(&[":"]);
    t.type_text("caller garcía");
    t.send(&["Enter"]);
    t.wait_for(&["Caller +14155550123 · Acme Plumbing", "Timeline, newest first · 14"], 15);
    t.send(&["q"]);
    t.wait_for(&["EXITED 0"], 10);
}

/// 1,500 calls newer than the fixture's in org A, the i-th newest with the phone number +1558000iiii.
const MANY_CALLS: &str = "INSERT INTO call_logs (id, organization_id, vapi_call_id, customer_phone_number, \
    call_duration, call_status, created_at, updated_at) \
    SELECT ('e0000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, '00000000-0000-0000-0000-00000000000a', \
           'typed-ahead-' || i, '+1558' || lpad(i::text, 7, '0'), 60, 'completed', \
           TIMESTAMPTZ '2026-03-01 00:00:00+00' - i * INTERVAL '1 minute', \
           TIMESTAMPTZ '2026-03-01 00:00:00+00' - i * INTERVAL '1 minute' \
    FROM generate_series(1, 1500) AS g(i)";

/// Page `p` of org A (35 rows at 120x40, newest first) shows exactly the generated calls of that page.
fn assert_on_page(s: &str, p: u32, what: &str) {
    let more = if p == 1 { "↓" } else { "↑↓" };
    assert!(s.contains(&format!("· page {p} {more} ·")), "{what}: not on page {p}:\n{s}");
    let phone = |i: u32| format!("+1558{i:07}");
    let (first, last) = ((p - 1) * 35 + 1, p * 35);
    for i in [first, first + 17, last] {
        assert!(s.contains(&phone(i)), "{what}: {} missing from page {p}:\n{s}", phone(i));
    }
    for i in [first - 1, last + 1] {
        assert!(i == 0 || !s.contains(&phone(i)), "{what}: {} shown on page {p}:\n{s}", phone(i));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_down_counts_even_typed_ahead_of_a_pending_page() {
    let url = fresh_db("e2e_keys", &[SCHEMA, HOSTILE, MANY_CALLS]).await;
    let tmp = temp_dir("keys");
    let (lk, lv) = log_env(&tmp);
    let t = Tmux::start("keys", &["--url", &url], &[(&lk, &lv), ("SWITCHBOARD_CONFIG", "/dev/null")], 120, 40);
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text("acme");
    t.wait_for(&["Organizations (1 of 3)"], 10);
    t.send(&["Enter"]);
    t.wait_for(&["Acme Plumbing · calls, newest first · page 1 ↓"], 15);
    assert_on_page(&t.settle(15), 1, "opened");

    // 30 PageDown in one read: page 31, not one or two pages on.
    t.send_at_once(&["PageDown"; 30]);
    assert_on_page(&t.settle(30), 31, "30 PageDown at once");
    // 30 PageUp in one read: back on page 1.
    t.send_at_once(&["PageUp"; 30]);
    assert_on_page(&t.settle(30), 1, "30 PageUp at once");

    // 30 separate presses, as fast as a key repeats: page 31 too.
    t.send(&["PageDown"; 30]);
    assert_on_page(&t.settle(30), 31, "30 separate PageDown");

    // Typed ahead past the end: the last page, saying so.
    t.send_at_once(&["PageDown"; 60]);
    let s = t.settle(30);
    assert!(s.contains("last page ↑") && s.contains("end of the list"), "60 more PageDown:\n{s}");
    t.send(&["q"]);
    t.wait_for(&["EXITED 0"], 10);
}
