//! The real binary in tmux at 80 columns: with an org whose name is 255 characters long, the status bar
//! still shows the mode (RO, and WRITE with `--write`) and the link state, the name cut with a "…"; a
//! message wider than the screen is read whole above it, and `:messages` lists it.

mod common;

use common::tmux::Tmux;
use common::*;
use unicode_width::UnicodeWidthStr;

const LONG_ID: &str = "5a1e0000-0000-4000-8000-0000000000ff";

fn long_name() -> String {
    let n = "Acme Plumbing & Heating of the Greater Springfield Metropolitan Area ".repeat(4);
    n.chars().take(255).collect()
}

/// Waits until the screen passes `ok`; panics with the screen after `secs`.
fn wait_until(t: &Tmux, secs: u64, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = std::time::Instant::now();
    loop {
        let s = t.screen();
        if ok(&s) {
            return s;
        }
        assert!(start.elapsed().as_secs() < secs, "waited {secs}s for {what}; the screen shows:\n{s}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The status bar: the row above the key hints.
fn status_row(screen: &str) -> String {
    let rows: Vec<&str> = screen.lines().collect();
    rows.len().checked_sub(2).map(|i| rows[i].to_string()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn at_80_columns_a_255_character_org_name_leaves_the_mode_and_the_link_state() {
    let name = long_name();
    assert_eq!(name.chars().count(), 255);
    let insert = format!(
        "INSERT INTO organizations (id, name, industry, timezone) VALUES ('{LONG_ID}', '{}', 'plumbing', 'America/New_York');
         UPDATE call_logs SET organization_id = '{LONG_ID}' WHERE id IN
           (SELECT id FROM call_logs WHERE organization_id = '{ORG_A}' AND created_at IS NOT NULL LIMIT 40);",
        name.replace('\'', "''")
    );
    let url = fresh_db("e2e_statusbar", &[SCHEMA, HOSTILE, &insert]).await;
    let logs = std::env::temp_dir().join(format!("sb-e2e-statusbar-{}", std::process::id()));
    let data = format!("{}/data", logs.display());
    let logs = logs.display().to_string();
    let env =
        [("SWITCHBOARD_CONFIG", "/dev/null"), ("SWITCHBOARD_LOG_DIR", logs.as_str()), ("SWITCHBOARD_DATA_DIR", &data)];

    for (args, mode) in
        [(vec!["--url", &url, "--org", LONG_ID], "RO"), (vec!["--url", &url, "--org", LONG_ID, "--write"], "WRITE")]
    {
        let t = Tmux::start(&format!("statusbar-{}", mode.to_lowercase()), &args, &env, 80, 24);
        let s = wait_until(&t, 30, "the long-named org's calls with the status bar", |s| {
            s.contains("│ Time ") && s.contains("▶") && status_row(s).contains("● connected") && !s.contains("loading…")
        });
        let bar = status_row(&s);
        assert!(bar.contains(&format!("│ {mode}")), "{mode}: the mode is shown:\n{s}");
        assert!(bar.contains("● connected · TLS") || bar.contains("● connected · no TLS"), "{mode}: the link:\n{s}");
        assert!(
            bar.contains("Acme Plumbing & Heating of the Greater") && bar.contains('…'),
            "{mode}: the name, cut:\n{s}"
        );
        assert!(bar.trim_end().width() <= 80, "{mode}: {bar}");

        // A message longer than the screen is wide is read whole above the status bar.
        if mode == "RO" {
            t.type_text(":fly away");
            t.send(&["Enter"]);
            let s = t.wait_for(&["unknown command :fly"], 10);
            let flat: String = s.lines().collect::<Vec<_>>().join("").split_whitespace().collect();
            assert!(
                flat.contains("known:org,calls,call,cal,oncall,board,overview,profile,caller,messages,help,q"),
                "{s}"
            );
            assert!(status_row(&s).contains("│ RO"), "{s}");
            t.type_text(":messages");
            t.send(&["Enter"]);
            let s = t.wait_for(&["Messages ·", "unknown command :fly"], 10);
            assert!(!s.contains("no messages yet"), "{s}");
            t.send(&["q"]);
            wait_until(&t, 10, "the list again", |s| !s.contains("Messages ·") && s.contains("│ Time "));
            assert!(!t.screen().contains("EXITED"), "q closed :messages, it did not quit");
        }
        t.send(&["C-c"]);
        t.wait_for(&["EXITED 0"], 10);
    }
    let _ = std::fs::remove_dir_all(&logs);
}
