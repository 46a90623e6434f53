//! The reducer without a terminal or a database: paging, org switching, stale results, search.

mod common;

use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::Anchor;
use switchboard::core::reducer::update;
use switchboard::core::state::{Landing, Screen, State};

fn key(c: char) -> Input {
    Input { key: TKey::Char(c), ..Default::default() }
}

fn special(k: TKey) -> Input {
    Input { key: k, ..Default::default() }
}

fn type_text(s: &mut State, text: &str) -> Vec<Effect> {
    let mut out = Vec::new();
    for c in text.chars() {
        out.extend(update(s, Action::Input(key(c))));
    }
    out
}

/// Chooses the first org matching `filter` and answers its first page.
fn open_org(s: &mut State, filter: &str, first: switchboard::core::model::Page) {
    type_text(s, filter);
    let fx = update(s, Action::Input(special(TKey::Enter)));
    let [Effect::LoadCalls { req, anchor: Anchor::First, limit, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(*limit, s.page_size());
    update(s, Action::CallsLoaded { req: *req, anchor: Anchor::First, result: Ok(first), ms: 1.0 });
}

#[test]
fn starts_by_detecting_then_lists_orgs_in_the_switcher() {
    let s = connected(120, 40);
    assert_eq!(s.screen, Screen::Orgs);
    assert_eq!(s.orgs.matches.len(), 5);
    assert!(s.text_focus());
}

#[test]
fn fuzzy_filter_matches_name_and_id() {
    let mut s = connected(120, 40);
    type_text(&mut s, "brsmd");
    assert_eq!(s.orgs.all[s.orgs.matches[0]].name, "Bright Smiles Dental");
    for _ in 0..5 {
        update(&mut s, Action::Input(special(TKey::Backspace)));
    }
    type_text(&mut s, "000000000004");
    assert_eq!(s.orgs.matches.len(), 1);
    assert_eq!(s.orgs.all[s.orgs.matches[0]].name, "Kolkata Cooling Co");
    type_text(&mut s, "zzzz");
    assert!(s.orgs.matches.is_empty());
    let fx = update(&mut s, Action::Input(special(TKey::Enter)));
    assert!(fx.is_empty());
    assert_eq!(s.message.as_deref(), Some("no organization matches"));
}

#[test]
fn choosing_an_org_loads_its_first_page_in_its_zone() {
    let mut s = connected(120, 40);
    open_org(&mut s, "acme", page(0, 35, false, true));
    assert_eq!(s.screen, Screen::Calls);
    assert_eq!(s.calls.org.as_ref().unwrap().name, "Acme Plumbing");
    assert_eq!(s.calls.zone.label(), "America/New_York");
    assert_eq!(s.calls.page_no, Some(1));
    assert_eq!(s.calls.page.rows.len(), 35);
}

#[test]
fn paging_forward_and_back_uses_the_cursors_of_the_page() {
    let mut s = connected(120, 40);
    open_org(&mut s, "acme", page(0, 35, false, true));
    let last = s.calls.page.rows.last().unwrap().cursor();
    let fx = cmd(&mut s, Command::PageDown);
    let [Effect::LoadCalls { req, anchor, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(anchor, &Anchor::After(last));
    update(
        &mut s,
        Action::CallsLoaded { req: *req, anchor: anchor.clone(), result: Ok(page(35, 35, true, true)), ms: 1.0 },
    );
    assert_eq!(s.calls.page_no, Some(2));
    let first = s.calls.page.rows[0].cursor();
    let fx = cmd(&mut s, Command::PageUp);
    let [Effect::LoadCalls { anchor, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(anchor, &Anchor::Before(first));
}

#[test]
fn moving_past_the_last_row_loads_the_next_page_and_selects_its_first_row() {
    let mut s = connected(120, 40);
    open_org(&mut s, "acme", page(0, 35, false, true));
    for _ in 0..34 {
        assert!(cmd(&mut s, Command::Down).is_empty());
    }
    assert_eq!(s.calls.selected, 34);
    let fx = cmd(&mut s, Command::Down);
    let [Effect::LoadCalls { req, anchor, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(s.calls.pending.unwrap().1, Landing::FirstRow);
    update(
        &mut s,
        Action::CallsLoaded { req: *req, anchor: anchor.clone(), result: Ok(page(35, 35, true, false)), ms: 1.0 },
    );
    assert_eq!(s.calls.selected, 0);
    assert_eq!(s.calls.page.rows[0].key, row(35).key);
    // At the very end, going further says so and asks nothing.
    for _ in 0..40 {
        cmd(&mut s, Command::Down);
    }
    assert!(cmd(&mut s, Command::PageDown).is_empty());
    assert_eq!(s.message.as_deref(), Some("end of the list"));
    // Up from the top row of page 2 loads the page before and lands on its last row.
    let fx = cmd(&mut s, Command::Top);
    let [Effect::LoadCalls { anchor: Anchor::First, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    let fx = cmd(&mut s, Command::Bottom);
    let [Effect::LoadCalls { anchor: Anchor::Last, .. }] = fx.as_slice() else { panic!("{fx:?}") };
}

#[test]
fn a_superseded_result_is_dropped() {
    let mut s = connected(120, 40);
    open_org(&mut s, "acme", page(0, 35, false, true));
    let fx1 = cmd(&mut s, Command::PageDown);
    let fx2 = cmd(&mut s, Command::Bottom);
    let (Effect::LoadCalls { req: r1, anchor: a1, .. }, Effect::LoadCalls { req: r2, .. }) = (&fx1[0], &fx2[0]) else {
        panic!()
    };
    assert_ne!(r1, r2);
    // The older answer arrives late: ignored.
    update(&mut s, Action::CallsLoaded { req: *r1, anchor: a1.clone(), result: Ok(page(35, 35, true, true)), ms: 1.0 });
    assert_eq!(s.calls.page.rows[0].key, row(0).key);
    assert!(s.calls.pending.is_some());
    update(
        &mut s,
        Action::CallsLoaded { req: *r2, anchor: Anchor::Last, result: Ok(page(500, 35, true, false)), ms: 1.0 },
    );
    assert_eq!(s.calls.page.rows[0].key, row(500).key);
    assert_eq!(s.calls.selected, 34);
    assert_eq!(s.calls.page_no, None);
}

#[test]
fn a_failed_page_keeps_the_old_rows_and_shows_the_error() {
    let mut s = connected(120, 40);
    open_org(&mut s, "acme", page(0, 35, false, true));
    let fx = cmd(&mut s, Command::PageDown);
    let Effect::LoadCalls { req, anchor, .. } = &fx[0] else { panic!() };
    update(
        &mut s,
        Action::CallsLoaded { req: *req, anchor: anchor.clone(), result: Err("cannot reach".into()), ms: 1.0 },
    );
    assert_eq!(s.calls.page.rows.len(), 35);
    assert_eq!(s.calls.error.as_deref(), Some("cannot reach"));
}

#[test]
fn switching_org_resets_the_list_and_drops_the_old_orgs_late_page() {
    let mut s = connected(120, 40);
    open_org(&mut s, "acme", page(0, 35, false, true));
    let fx = cmd(&mut s, Command::PageDown);
    let Effect::LoadCalls { req: stale, anchor, .. } = fx[0].clone() else { panic!() };
    cmd(&mut s, Command::Orgs);
    assert_eq!(s.screen, Screen::Orgs);
    for _ in 0..4 {
        update(&mut s, Action::Input(special(TKey::Backspace)));
    }
    type_text(&mut s, "kolkata");
    let fx = update(&mut s, Action::Input(special(TKey::Enter)));
    let [Effect::LoadCalls { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert!(s.calls.page.rows.is_empty());
    update(&mut s, Action::CallsLoaded { req: stale, anchor, result: Ok(page(35, 35, true, true)), ms: 1.0 });
    assert!(s.calls.page.rows.is_empty(), "the old org's page must not show");
    update(
        &mut s,
        Action::CallsLoaded { req: *req, anchor: Anchor::First, result: Ok(page(900, 3, false, false)), ms: 1.0 },
    );
    assert_eq!(s.calls.page.rows.len(), 3);
    assert_eq!(s.calls.zone.label(), "Asia/Kolkata");
}

#[test]
fn esc_in_the_switcher_goes_back_only_when_an_org_is_open() {
    let mut s = connected(120, 40);
    update(&mut s, Action::Input(special(TKey::Esc)));
    assert_eq!(s.screen, Screen::Orgs);
    open_org(&mut s, "acme", page(0, 5, false, false));
    cmd(&mut s, Command::Orgs);
    update(&mut s, Action::Input(special(TKey::Esc)));
    assert_eq!(s.screen, Screen::Calls);
}

fn open_call(s: &mut State) {
    open_org(s, "acme", page(0, 35, false, true));
    cmd(s, Command::Down);
    let fx = cmd(s, Command::Open);
    let [Effect::LoadCall { req, call, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(call, &row(1).key);
    assert_eq!(s.screen, Screen::Call);
    update(s, Action::CallLoaded { req: *req, result: Ok(Some(detail(1))), ms: 3.0 });
}

#[test]
fn opening_a_call_parses_and_wraps_its_transcript() {
    let mut s = connected(120, 40);
    open_call(&mut s);
    let v = s.call.as_ref().unwrap();
    assert_eq!(v.turns.len(), 8);
    assert_eq!(v.wrap_width, 118);
    assert!(v.lines.len() >= 15);
    update(&mut s, Action::Resize { width: 70, height: 24 });
    let v = s.call.as_ref().unwrap();
    assert_eq!(v.wrap_width, 68);
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Calls);
}

#[test]
fn a_late_transcript_of_a_call_left_behind_is_dropped() {
    let mut s = connected(120, 40);
    open_org(&mut s, "acme", page(0, 35, false, true));
    let fx = cmd(&mut s, Command::Open);
    let Effect::LoadCall { req: first, .. } = fx[0].clone() else { panic!() };
    cmd(&mut s, Command::Back);
    cmd(&mut s, Command::Down);
    let fx = cmd(&mut s, Command::Open);
    let Effect::LoadCall { req: second, .. } = fx[0].clone() else { panic!() };
    update(&mut s, Action::CallLoaded { req: first, result: Ok(Some(detail(0))), ms: 1.0 });
    assert!(s.call.as_ref().unwrap().detail.is_none());
    update(&mut s, Action::CallLoaded { req: second, result: Ok(Some(detail(1))), ms: 1.0 });
    assert_eq!(s.call.as_ref().unwrap().row.key, row(1).key);
}

#[test]
fn search_counts_matches_and_n_cycles_through_them() {
    let mut s = connected(80, 24);
    open_call(&mut s);
    cmd(&mut s, Command::Search);
    assert!(s.text_focus());
    type_text(&mut s, "PIPE");
    let v = s.call.as_ref().unwrap();
    assert_eq!(v.search.matches.len(), 2);
    assert_eq!(v.search.current, Some(0));
    update(&mut s, Action::Input(special(TKey::Enter)));
    assert!(!s.text_focus());
    cmd(&mut s, Command::NextMatch);
    assert_eq!(s.call.as_ref().unwrap().search.current, Some(1));
    cmd(&mut s, Command::NextMatch);
    assert_eq!(s.call.as_ref().unwrap().search.current, Some(0));
    cmd(&mut s, Command::PrevMatch);
    assert_eq!(s.call.as_ref().unwrap().search.current, Some(1));
    // The current match is on screen.
    let v = s.call.as_ref().unwrap();
    let line = switchboard::core::transcript::line_of(&v.lines, v.search.matches[1]);
    assert!(line >= v.scroll && line < v.scroll + s.transcript_height());
    // Esc while typing a new search cancels it: the last search is back, and n goes on with it.
    cmd(&mut s, Command::Search);
    type_text(&mut s, "valve");
    update(&mut s, Action::Input(special(TKey::Esc)));
    assert_eq!(s.call.as_ref().unwrap().search.query, "PIPE");
    assert_eq!(s.call.as_ref().unwrap().search.matches.len(), 2);
    cmd(&mut s, Command::NextMatch);
    assert_eq!(s.call.as_ref().unwrap().search.current, Some(0));
}

#[test]
fn scrolling_is_clamped_to_the_transcript() {
    let mut s = connected(80, 24);
    open_call(&mut s);
    for _ in 0..500 {
        cmd(&mut s, Command::Down);
    }
    let v = s.call.as_ref().unwrap();
    assert_eq!(v.scroll, v.max_scroll(s.transcript_height()));
    cmd(&mut s, Command::Top);
    assert_eq!(s.call.as_ref().unwrap().scroll, 0);
}

#[test]
fn help_opens_and_any_key_closes_it_and_quit_quits() {
    let mut s = connected(120, 40);
    open_org(&mut s, "acme", page(0, 5, false, false));
    cmd(&mut s, Command::Help);
    assert!(s.help);
    assert!(cmd(&mut s, Command::Down).is_empty());
    assert!(!s.help);
    assert_eq!(s.calls.selected, 0);
    assert_eq!(cmd(&mut s, Command::Quit), vec![Effect::Quit]);
    assert!(s.quit);
}

#[test]
fn a_failed_connection_is_shown_and_refresh_retries() {
    let mut s = State::new("postgres://x@h/db", true, switchboard::core::keymap::Keymap::default());
    let fx = switchboard::core::reducer::init(&mut s);
    let Effect::Detect { req } = fx[0] else { panic!() };
    update(&mut s, Action::Detected { req, result: Err("cannot reach the database server".into()), ms: 1.0 });
    assert!(matches!(s.conn, switchboard::core::state::Conn::Failed(_)));
    let fx = cmd(&mut s, Command::Refresh);
    assert!(matches!(fx[0], Effect::Detect { .. }));
}

#[test]
fn tab_shows_the_details_and_search_returns_to_the_transcript() {
    let mut s = connected(80, 24);
    open_call(&mut s);
    cmd(&mut s, Command::Details);
    let v = s.call.as_ref().unwrap();
    assert_eq!(v.tab, switchboard::core::state::CallTab::Details);
    let labels: Vec<&str> = v.details.iter().filter_map(|l| l.label.as_deref()).collect();
    assert_eq!(labels, vec!["Summary", "External id", "Call id", "Language", "Tools used"]);
    for _ in 0..50 {
        cmd(&mut s, Command::Down);
    }
    let v = s.call.as_ref().unwrap();
    assert_eq!(v.details_scroll, v.details.len().saturating_sub(s.transcript_height()));
    assert_eq!(v.scroll, 0, "the transcript did not move");
    cmd(&mut s, Command::Search);
    let v = s.call.as_ref().unwrap();
    assert_eq!(v.tab, switchboard::core::state::CallTab::Transcript);
    assert!(v.search.input.is_some());
}

#[test]
fn a_filter_applies_from_the_first_page_and_x_clears_it() {
    let mut s = connected(120, 40);
    open_org(&mut s, "acme", page(0, 35, false, true));
    cmd(&mut s, Command::Filter);
    assert!(s.text_focus());
    type_text(&mut s, "status:failed phone:415 urgnt:1");
    let fx = update(&mut s, Action::Input(special(TKey::Enter)));
    assert!(fx.is_empty(), "a bad filter is not applied");
    assert!(s.message.as_deref().unwrap().contains("unknown filter"));
    assert!(s.calls.filter_input.is_some(), "the field stays open to fix it");
    for _ in 0.."urgnt:1".len() + 1 {
        update(&mut s, Action::Input(special(TKey::Backspace)));
    }
    let fx = update(&mut s, Action::Input(special(TKey::Enter)));
    let [Effect::LoadCalls { anchor: Anchor::First, filter, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(filter.describe(), "status:failed phone:415");
    // Paging keeps the filter.
    let Effect::LoadCalls { req, .. } = fx[0].clone() else { panic!() };
    update(&mut s, Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, 35, false, true)), ms: 1.0 });
    let fx = cmd(&mut s, Command::PageDown);
    let [Effect::LoadCalls { filter, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(filter.status.as_deref(), Some("failed"));
    let fx = cmd(&mut s, Command::ClearFilter);
    let [Effect::LoadCalls { anchor: Anchor::First, filter, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert!(filter.is_empty());
}

#[test]
fn copying_the_id_phone_transcript_turn_and_recording() {
    let mut s = connected(80, 24);
    open_org(&mut s, "acme", page(0, 35, false, true));
    let fx = cmd(&mut s, Command::Copy);
    assert_eq!(fx, vec![Effect::Copy { what: "call id".into(), text: row(0).key.to_string() }]);
    let fx = cmd(&mut s, Command::CopyMore);
    assert_eq!(fx, vec![Effect::Copy { what: "phone number".into(), text: "+14155550000".into() }]);
    cmd(&mut s, Command::Down);
    let fx = cmd(&mut s, Command::Open);
    let Effect::LoadCall { req, .. } = fx[0].clone() else { panic!() };
    update(&mut s, Action::CallLoaded { req, result: Ok(Some(detail(1))), ms: 1.0 });
    let fx = cmd(&mut s, Command::Copy);
    assert_eq!(fx, vec![Effect::Copy { what: "transcript".into(), text: TRANSCRIPT.into() }]);
    cmd(&mut s, Command::Down);
    cmd(&mut s, Command::Down);
    let fx = cmd(&mut s, Command::CopyMore);
    let [Effect::Copy { what, text }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(what, "turn");
    assert!(text.starts_with("Customer: Hi, my kitchen pipe burst"), "{text}");
    assert!(cmd(&mut s, Command::CopyUrl).is_empty());
    assert_eq!(s.message.as_deref(), Some("this call has no recording URL"));
}

fn command_line(s: &mut State, line: &str) -> Vec<Effect> {
    cmd(s, Command::CommandLine);
    assert!(s.text_focus());
    type_text(s, line);
    update(s, Action::Input(special(TKey::Enter)))
}

#[test]
fn the_command_line_runs_commands_with_history_and_completion() {
    let mut s = connected(120, 40);
    // From the switcher: ':' on an empty filter opens it.
    update(&mut s, Action::Input(key(':')));
    assert!(s.cmdline.is_some());
    update(&mut s, Action::Input(special(TKey::Esc)));
    let fx = command_line(&mut s, "org kolkata");
    let [Effect::LoadCalls { .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(s.calls.org.as_ref().unwrap().name, "Kolkata Cooling Co");
    let fx = command_line(&mut s, "calls status:failed urgent");
    let [Effect::LoadCalls { filter, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(filter.describe(), "status:failed urgent");
    let fx = command_line(&mut s, "call 10000000-0000-0000-0000-000000000007");
    let [Effect::LoadCall { call, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(call.to_string(), "10000000-0000-0000-0000-000000000007");
    assert_eq!(s.screen, Screen::Call);
    let fx = command_line(&mut s, "cal 2026-03-08");
    assert!(matches!(fx.as_slice(), [Effect::LoadMonth { .. }]), "{fx:?}");
    assert_eq!(s.calendar.cursor.to_string(), "2026-03-08");
    let fx = command_line(&mut s, "board");
    assert!(matches!(fx.as_slice(), [Effect::LoadBoard { .. }]));
    assert!(command_line(&mut s, "fly").is_empty());
    assert!(s.message.as_deref().unwrap().contains("unknown command :fly"));
    // History: up recalls the last lines, newest first.
    cmd(&mut s, Command::CommandLine);
    update(&mut s, Action::Input(special(TKey::Up)));
    assert_eq!(switchboard::core::state::input_text(s.cmdline.as_ref().unwrap()), "fly");
    update(&mut s, Action::Input(special(TKey::Up)));
    assert_eq!(switchboard::core::state::input_text(s.cmdline.as_ref().unwrap()), "board");
    update(&mut s, Action::Input(special(TKey::Esc)));
    // Completion of org names.
    cmd(&mut s, Command::CommandLine);
    type_text(&mut s, "org bri");
    update(&mut s, Action::Input(special(TKey::Tab)));
    assert_eq!(switchboard::core::state::input_text(s.cmdline.as_ref().unwrap()), "org Bright Smiles Dental");
    let fx = update(&mut s, Action::Input(special(TKey::Enter)));
    assert!(matches!(fx.as_slice(), [Effect::LoadCalls { .. }]));
    assert_eq!(command_line(&mut s, "q"), vec![Effect::Quit]);
}

#[test]
fn clicks_select_rows_and_the_wheel_moves() {
    let mut s = connected(120, 40);
    // Org switcher: rows start on the 5th line (border, filter, rule, header).
    update(&mut s, Action::Click { x: 10, y: 6 });
    assert_eq!(s.orgs.selected, 2);
    update(&mut s, Action::Click { x: 10, y: 30 });
    assert_eq!(s.orgs.selected, 2, "a click under the last org selects nothing");
    cmd(&mut s, Command::Down);
    assert_eq!(s.orgs.selected, 3);
    open_org(&mut s, "acme", page(0, 35, false, true));
    // Call list: rows start under the border and the header.
    update(&mut s, Action::Click { x: 5, y: 7 });
    assert_eq!(s.calls.selected, 5);
    update(&mut s, Action::Click { x: 5, y: 1 });
    assert_eq!(s.calls.selected, 5, "the header is not a row");
}

// Keys typed ahead of a pending page (a held key, or typed ahead over SSH) all count: each moves on from
// where the pending request goes, not from the page drawn.

/// The one page request among the effects: its id and anchor.
fn page_request(fx: &[Effect]) -> (u64, Anchor) {
    let loads: Vec<_> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::LoadCalls { req, anchor, .. } => Some((*req, anchor.clone())),
            _ => None,
        })
        .collect();
    let [one] = loads.as_slice() else { panic!("one page request expected: {fx:?}") };
    one.clone()
}

fn answer(s: &mut State, req: u64, anchor: Anchor, page: switchboard::core::model::Page) -> Vec<Effect> {
    update(s, Action::CallsLoaded { req, anchor, result: Ok(page), ms: 1.0 })
}

/// An org open on page 1 of many full pages, on an 80-column terminal (no preview beside the list).
fn on_page_one() -> (State, u32) {
    let mut s = connected(80, 40);
    let n = s.page_size() as u32;
    open_org(&mut s, "acme", page(0, n, false, true));
    (s, n)
}

#[test]
fn page_downs_typed_ahead_of_a_pending_page_each_go_one_page_further() {
    let (mut s, n) = on_page_one();
    let last = s.calls.page.rows.last().unwrap().cursor();
    let mut reqs = Vec::new();
    for i in 1..=30u64 {
        let (req, anchor) = page_request(&cmd(&mut s, Command::PageDown));
        let want = if i == 1 {
            Anchor::After(last.clone())
        } else {
            Anchor::Ahead { cursor: Some(last.clone()), pages: i - 1 }
        };
        assert_eq!(anchor, want, "PageDown {i}");
        reqs.push((req, anchor));
    }
    // Superseded answers are dropped; the last one lands on page 31.
    let (old_req, old_anchor) = reqs[5].clone();
    answer(&mut s, old_req, old_anchor, page(6 * n, n, true, true));
    assert_eq!(s.calls.page_no, Some(1));
    let (req, anchor) = reqs.last().unwrap().clone();
    answer(&mut s, req, anchor, page(30 * n, n, true, true));
    assert_eq!(s.calls.page_no, Some(31));
    assert_eq!(s.calls.page.rows[0].key, row(30 * n).key);
    assert_eq!(s.calls.pending, None);
    assert_eq!(s.calls.target, None);
    // The next key moves on from the page now drawn.
    let (_, anchor) = page_request(&cmd(&mut s, Command::PageDown));
    assert_eq!(anchor, Anchor::After(row(31 * n - 1).cursor()));
}

#[test]
fn mixed_directions_net_out_and_back_to_the_drawn_page_asks_nothing() {
    let (mut s, n) = on_page_one();
    let last = s.calls.page.rows.last().unwrap().cursor();
    for _ in 0..3 {
        cmd(&mut s, Command::PageDown);
    }
    let (req, anchor) = page_request(&cmd(&mut s, Command::PageUp));
    assert_eq!(anchor, Anchor::Ahead { cursor: Some(last.clone()), pages: 1 });
    answer(&mut s, req, anchor, page(2 * n, n, true, true));
    assert_eq!(s.calls.page_no, Some(3), "two pages ahead of page 1");

    // PageDown, PageUp: back on the page drawn, nothing more to load; the late answer is dropped.
    s.calls.selected = 4;
    let (req, anchor) = page_request(&cmd(&mut s, Command::PageDown));
    assert!(cmd(&mut s, Command::PageUp).is_empty());
    assert_eq!(s.calls.pending, None);
    assert_eq!(s.calls.selected, 4);
    answer(&mut s, req, anchor, page(3 * n, n, true, true));
    assert_eq!(s.calls.page_no, Some(3));
    assert_eq!(s.calls.page.rows[0].key, row(2 * n).key);
}

#[test]
fn page_ups_typed_ahead_go_back_from_the_pending_page_and_stop_at_the_first() {
    let (mut s, n) = on_page_one();
    // To page 4.
    let mut last = (0, Anchor::First);
    for _ in 0..3 {
        last = page_request(&cmd(&mut s, Command::PageDown));
    }
    answer(&mut s, last.0, last.1, page(3 * n, n, true, true));
    assert_eq!(s.calls.page_no, Some(4));
    let first = s.calls.page.rows[0].cursor();
    let mut r = (0, Anchor::First);
    for i in 1..=5u64 {
        r = page_request(&cmd(&mut s, Command::PageUp));
        let want = if i == 1 {
            Anchor::Before(first.clone())
        } else {
            Anchor::Behind { cursor: Some(first.clone()), pages: i - 1 }
        };
        assert_eq!(r.1, want);
    }
    // Past the start the data layer answers the first page.
    answer(&mut s, r.0, r.1, page(0, n, false, true));
    assert_eq!(s.calls.page_no, Some(1));
    assert!(!s.calls.page.has_before);
    // On the first page, typed-ahead PageUps stop at the top and ask nothing more.
    let (req, anchor) = page_request(&cmd(&mut s, Command::PageDown));
    assert!(cmd(&mut s, Command::PageUp).is_empty());
    assert!(cmd(&mut s, Command::PageUp).is_empty());
    assert_eq!(s.message.as_deref(), Some("top of the list"));
    assert_eq!(s.calls.selected, 0);
    answer(&mut s, req, anchor, page(n, n, true, true));
    assert_eq!(s.calls.page_no, Some(1), "the superseded answer is dropped");
}

#[test]
fn a_skip_past_the_end_lands_on_the_last_page() {
    let (mut s, n) = on_page_one();
    let mut r = (0, Anchor::First);
    for _ in 0..10 {
        r = page_request(&cmd(&mut s, Command::PageDown));
    }
    // Fewer pages than that: no rows, so the last page is asked for, landing on its last row.
    let fx = answer(&mut s, r.0, r.1, page(0, 0, true, false));
    let (req, anchor) = page_request(&fx);
    assert_eq!(anchor, Anchor::Last);
    assert_eq!(s.calls.pending.unwrap().1, Landing::LastRow);
    assert_eq!(s.message.as_deref(), Some("end of the list"));
    // Going further while the last page loads asks nothing.
    assert!(cmd(&mut s, Command::PageDown).is_empty());
    answer(&mut s, req, anchor, page(4 * n + 3, n, true, false));
    assert_eq!(s.calls.page.rows[0].key, row(4 * n + 3).key);
    assert_eq!(s.calls.selected, n as usize - 1);
    assert_eq!(s.calls.page_no, None);
    // A skip that ends inside the list lands there even when that is the last page.
    let mut s = on_page_one().0;
    cmd(&mut s, Command::PageDown);
    let (req, anchor) = page_request(&cmd(&mut s, Command::PageDown));
    answer(&mut s, req, anchor, page(2 * n, 5, true, false));
    assert_eq!(s.calls.page_no, Some(3));
    assert_eq!(s.calls.page.rows.len(), 5);
}

#[test]
fn downs_and_ups_typed_ahead_move_the_landing_row_then_the_page() {
    let (mut s, n) = on_page_one();
    let rows = n as usize;
    s.calls.selected = rows - 1;
    let last = s.calls.page.rows.last().unwrap().cursor();
    let (req, anchor) = page_request(&cmd(&mut s, Command::Down));
    assert_eq!(anchor, Anchor::After(last.clone()));
    // Three more Downs move the landing row of the pending page, asking nothing new.
    for _ in 0..3 {
        assert!(cmd(&mut s, Command::Down).is_empty());
    }
    assert_eq!(s.calls.pending, Some((req, Landing::Row(3))));
    // A whole page of Downs crosses into the page after it.
    let mut fx = Vec::new();
    for _ in 0..rows - 3 {
        fx.extend(cmd(&mut s, Command::Down));
    }
    let (req, anchor) = page_request(&fx);
    assert_eq!(anchor, Anchor::Ahead { cursor: Some(last.clone()), pages: 1 });
    assert_eq!(s.calls.pending, Some((req, Landing::FirstRow)));
    // One Up goes back to the last row of the first pending page.
    let (req, anchor) = page_request(&cmd(&mut s, Command::Up));
    assert_eq!(anchor, Anchor::After(last));
    assert_eq!(s.calls.pending, Some((req, Landing::LastRow)));
    assert!(cmd(&mut s, Command::Up).is_empty());
    assert_eq!(s.calls.pending, Some((req, Landing::Row(rows - 2))));
    answer(&mut s, req, anchor, page(n, n, true, true));
    assert_eq!((s.calls.page_no, s.calls.selected), (Some(2), rows - 2));
    // Up across the top of the drawn page and Down back: on the drawn page again, no request.
    s.calls.selected = 0;
    let fx = cmd(&mut s, Command::Up);
    assert!(matches!(page_request(&fx).1, Anchor::Before(_)));
    assert!(cmd(&mut s, Command::Down).is_empty());
    assert_eq!((s.calls.pending, s.calls.selected), (None, 0));
}

#[test]
fn a_page_down_keeps_the_selected_row_across_a_skip() {
    let (mut s, n) = on_page_one();
    for _ in 0..5 {
        cmd(&mut s, Command::Down);
    }
    let mut r = (0, Anchor::First);
    for _ in 0..4 {
        r = page_request(&cmd(&mut s, Command::PageDown));
    }
    assert_eq!(s.calls.pending.unwrap().1, Landing::Row(5));
    answer(&mut s, r.0, r.1, page(4 * n, n, true, true));
    assert_eq!((s.calls.page_no, s.calls.selected), (Some(5), 5));
}

#[test]
fn top_bottom_and_a_filter_start_the_pending_target_over() {
    let (mut s, n) = on_page_one();
    for _ in 0..3 {
        cmd(&mut s, Command::PageDown);
    }
    // Top: pages from the first page.
    let (_, anchor) = page_request(&cmd(&mut s, Command::Top));
    assert_eq!(anchor, Anchor::First);
    let (_, anchor) = page_request(&cmd(&mut s, Command::PageDown));
    assert_eq!(anchor, Anchor::Ahead { cursor: None, pages: 1 });
    let (req, anchor) = page_request(&cmd(&mut s, Command::PageDown));
    assert_eq!(anchor, Anchor::Ahead { cursor: None, pages: 2 });
    answer(&mut s, req, anchor, page(2 * n, n, true, true));
    assert_eq!(s.calls.page_no, Some(3));
    // Up on the first page while it loads: the top, nothing more asked.
    page_request(&cmd(&mut s, Command::Top));
    assert!(cmd(&mut s, Command::PageUp).is_empty());
    assert_eq!(s.message.as_deref(), Some("top of the list"));
    // Bottom: pages back from the last page; further down asks nothing.
    page_request(&cmd(&mut s, Command::Bottom));
    assert!(cmd(&mut s, Command::PageDown).is_empty());
    assert_eq!(s.message.as_deref(), Some("end of the list"));
    page_request(&cmd(&mut s, Command::PageUp));
    let (req, anchor) = page_request(&cmd(&mut s, Command::PageUp));
    assert_eq!(anchor, Anchor::Behind { cursor: None, pages: 2 });
    answer(&mut s, req, anchor, page(100, n, true, true));
    assert_eq!(s.calls.page_no, None);
    // A filter: from its first page.
    for _ in 0..2 {
        cmd(&mut s, Command::PageDown);
    }
    cmd(&mut s, Command::Filter);
    type_text(&mut s, "status:failed");
    let (_, anchor) = page_request(&update(&mut s, Action::Input(special(TKey::Enter))));
    assert_eq!(anchor, Anchor::First);
    let (_, anchor) = page_request(&cmd(&mut s, Command::PageDown));
    assert_eq!(anchor, Anchor::Ahead { cursor: None, pages: 1 });
}

#[test]
fn saving_a_list_that_has_no_rows_yet_says_why_instead_of_nothing() {
    let mut s = connected(120, 40);
    type_text(&mut s, "acme");
    let fx = update(&mut s, Action::Input(special(TKey::Enter)));
    assert!(matches!(fx[0], Effect::LoadCalls { .. }), "{fx:?}");
    assert!(cmd(&mut s, Command::Save).is_empty());
    assert_eq!(s.message.as_deref(), Some("nothing to save yet: the page is still loading"));
    let mut s = calls_state(120, 40);
    let fx = cmd(&mut s, Command::Save);
    assert!(matches!(fx[0], Effect::Save(_)), "a loaded page is saved: {fx:?}");
}

#[test]
fn a_call_of_an_org_without_a_valid_zone_says_utc_once() {
    let mut s = connected(120, 40);
    open_org(&mut s, "no zone", page(0, 35, false, true));
    assert_eq!(s.calls.org.as_ref().unwrap().name, "No Zone Roofing");
    let fx = cmd(&mut s, Command::Open);
    let [Effect::LoadCall { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::CallLoaded { req: *req, result: Ok(Some(detail(0))), ms: 1.0 });
    let screen = draw(&s);
    assert!(screen.contains("12:00:00 UTC (no valid timezone)") && !screen.contains("UTC UTC"), "{screen}");
}
