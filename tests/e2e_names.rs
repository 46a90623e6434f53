//! The real binary in tmux: `--org` opens the console on that org's calls, and an org that matches several
//! or none says so in the switcher; look-alike names carry their marks and keys on a real terminal.

mod common;

use common::tmux::Tmux;
use common::*;

/// The hostile fixture plus look-alikes of "Acme Plumbing": a Cyrillic і, a trailing space, a duplicate.
const LOOKALIKES: &str = "INSERT INTO organizations (id, name, industry, timezone) VALUES
    ('3f2a61c0-0000-4000-8000-000000000001', 'Acme Plumb' || chr(1110) || 'ng', 'plumbing', 'America/New_York'),
    ('9b1c7d20-0000-4000-8000-000000000002', 'Acme Plumbing ', 'plumbing', 'America/New_York'),
    ('9b1d0e30-0000-4000-8000-000000000003', 'Acme Plumbing', 'plumbing', 'America/Chicago');";

#[tokio::test(flavor = "multi_thread")]
async fn dash_dash_org_opens_the_console_on_that_org() {
    let url = fresh_db("e2e_names", &[SCHEMA, HOSTILE, LOOKALIKES]).await;
    let logs = std::env::temp_dir().join(format!("sb-e2e-names-{}", std::process::id()));
    let logs = logs.display().to_string();
    let env = [("SWITCHBOARD_CONFIG", "/dev/null"), ("SWITCHBOARD_LOG_DIR", logs.as_str())];

    // A name only one org has, in any case: its calls at once, the list still whole behind it.
    let t = Tmux::start("names-one", &["--url", &url, "--org", "東京デンタル 🦷"], &env, 100, 30);
    t.wait_for(&["東京デンタル", "calls, newest first"], 30);
    t.send(&["o"]);
    t.wait_for(&["Organizations (6 of 6)"], 10);
    drop(t);

    // The key the switcher shows, typed as `--org`.
    let t = Tmux::start("names-key", &["--url", &url, "--org", "3f2a"], &env, 100, 30);
    t.wait_for(&["calls, newest first"], 30);
    drop(t);

    // Two orgs named exactly "Acme Plumbing": the switcher says which keys tell them apart, and marks them.
    let t = Tmux::start("names-two", &["--url", &url, "--org", "Acme Plumbing"], &env, 100, 30);
    let s = t.wait_for(&["--org: \"Acme Plumbing\" matches 2 organizations", "#9b1d"], 30);
    assert!(s.contains("≈␣#9b1c Acme Plumbing␣"), "{s}");
    assert!(!s.contains("EXITED"), "{s}");
    drop(t);

    // Nothing matches: said in the switcher, no exit.
    let t = Tmux::start("names-none", &["--url", &url, "--org", "Nobody Here"], &env, 60, 16);
    let s = t.wait_for(&["no organization matches \"Nobody Here\""], 30);
    assert!(!s.contains("EXITED"), "{s}");
    t.send(&["C-c"]);
    t.wait_for(&["EXITED"], 10);
    drop(t);
    let _ = std::fs::remove_dir_all(&logs);
}
