//! The status bar, the message line and `:messages` at 120×40, 80×24 and 60×16: a 255-character org name in
//! read-only and write mode (the mode and the link state always shown, the name cut with a "…"), a message
//! too long for one line (wrapped whole, or ending with "… (:messages)"), the last messages listed, and the
//! key help scrolled at the smallest size.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::{Command, Keymap};
use switchboard::core::model::Anchor;
use switchboard::core::reducer::{init, update};
use switchboard::core::state::State;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 16)];

/// A name of 255 characters, as long as the column allows, starting like a real one.
fn long_name() -> String {
    let n: String = "Acme Plumbing & Heating of the Greater Springfield Metropolitan Area ".repeat(4);
    n.chars().take(255).collect()
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 15, 14, 2, 11).unwrap()
}

fn typed(s: &mut State, text: &str) {
    for c in text.chars() {
        update(s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
}

fn enter(s: &mut State) -> Vec<Effect> {
    update(s, Action::Input(Input { key: TKey::Enter, ..Default::default() }))
}

/// The long-named org's first page of calls, in read-only or write mode.
fn long_org_calls(w: u16, h: u16, read_only: bool) -> State {
    let mut s = State::new("postgres://support@db.example.com:5432/platform", read_only, Keymap::default());
    s.now = t0();
    update(&mut s, Action::Resize { width: w, height: h });
    init(&mut s);
    update(&mut s, Action::Detected { req: 1, result: Ok(info()), ms: 2.0 });
    let req = s.orgs.pending.expect("orgs requested after detection");
    let orgs = vec![org(1, &long_name(), Some("America/New_York")), org(2, "Bright Smiles Dental", None)];
    update(&mut s, Action::OrgsLoaded { req, result: Ok(orgs), ms: 1.5 });
    typed(&mut s, "acme");
    let fx = enter(&mut s);
    let Effect::LoadCalls { req, limit, .. } = fx[0].clone() else { panic!("{fx:?}") };
    update(
        &mut s,
        Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, limit as u32, false, true)), ms: 1.25 },
    );
    s
}

fn status_row(screen: &str) -> &str {
    let rows: Vec<&str> = screen.lines().collect();
    rows[rows.len() - 2]
}

#[test]
fn a_255_character_org_name_in_read_only_and_write_mode() {
    assert_eq!(long_name().chars().count(), 255);
    for (w, h) in SIZES {
        for (read_only, mode) in [(true, "RO"), (false, "WRITE")] {
            let s = long_org_calls(w, h, read_only);
            let screen = draw(&s);
            let bar = status_row(&screen);
            assert!(bar.contains(&format!("│ ● connected · no TLS │ {mode}")), "{w}x{h}: {bar}");
            assert!(bar.contains("Acme Plumbing & Heating") && bar.contains("…"), "{w}x{h}: {bar}");
            insta::assert_snapshot!(format!("long_org_{}_{w}x{h}", mode.to_lowercase()), screen);
        }
    }
}

#[test]
fn a_long_message_is_wrapped_whole_above_the_status_bar() {
    let saved = "saved to /srv/exports/acme-plumbing/2026-01-15/calls-page-1-status-failed-urgent.csv (34 rows)";
    let many = format!(
        "--org: \"acme\" matches 4 organizations: {}; type more of the name or its id",
        ["Acme Plumbing", "Acme Plumbing & Heating", "Acme Plumbing (Springfield)", "ACME Pipes and Drains"]
            .iter()
            .map(|n| format!("{n} (#{})", &long_name()[..12].replace(' ', "")))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (w, h) in SIZES {
        let mut s = long_org_calls(w, h, true);
        update(&mut s, Action::Notice(saved.into()));
        let screen = draw(&s);
        let flat: String = screen.lines().map(|l| l.trim_matches('"').trim()).collect::<Vec<_>>().join(" ");
        let flat: String = flat.split_whitespace().collect();
        assert!(flat.contains(&saved.replace(' ', "")), "{w}x{h}: the path is whole:\n{screen}");
        insta::assert_snapshot!(format!("message_saved_{w}x{h}"), screen);
        update(&mut s, Action::Notice(many.clone()));
        insta::assert_snapshot!(format!("message_many_{w}x{h}"), draw(&s));
    }
}

#[test]
fn messages_lists_the_last_ones_newest_first() {
    for (w, h) in SIZES {
        let mut s = long_org_calls(w, h, true);
        for (i, m) in [
            "copied call id 10000000-0000-0000-0000-000000000001",
            "end of the list",
            "saved to /srv/exports/acme-plumbing/2026-01-15/calls-page-1-status-failed-urgent.csv (34 rows)",
            "the transcript is too long to copy whole (2.1 MB); saved it to /srv/exports/transcript-4000.txt instead",
            "unknown command :fly; known: org, calls, call, cal, oncall, board, overview, profile, caller, messages, help, q",
        ]
        .iter()
        .enumerate()
        {
            s.now = t0() + Duration::seconds(7 * i as i64);
            update(&mut s, Action::Notice(m.to_string()));
        }
        cmd(&mut s, Command::CommandLine);
        typed(&mut s, "messages");
        enter(&mut s);
        assert!(s.messages_view.is_some());
        insta::assert_snapshot!(format!("messages_{w}x{h}"), draw(&s));
    }
}

#[test]
fn the_help_scrolls_at_the_smallest_size() {
    let mut s = long_org_calls(60, 16, true);
    cmd(&mut s, Command::Help);
    insta::assert_snapshot!("help_60x16", draw(&s));
    cmd(&mut s, Command::Bottom);
    assert!(s.help, "the help scrolls rather than closes");
    insta::assert_snapshot!("help_60x16_bottom", draw(&s));
}
