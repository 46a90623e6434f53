//! The attention board and the org overview without a database: order, filter, jumping into an org,
//! ranges, and snapshots.

mod common;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::board::{BoardRow, LastCall};
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::Anchor;
use switchboard::core::overview::{Overview, Range};
use switchboard::core::reducer::update;
use switchboard::core::state::{Screen, State};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 15, 0, 0).unwrap()
}

fn board_rows(s: &State) -> Vec<BoardRow> {
    let mk = |i: usize, calls: i64, failed: i64, emerg: i64, last_h: Option<i64>| {
        let o = &s.orgs.all[i];
        BoardRow {
            key: o.key.clone(),
            name: o.name.clone(),
            status: Some(if i == 4 { "suspended" } else { "active" }.into()),
            calls_24h: calls,
            failed_24h: failed,
            calls_7d: calls * 7,
            failed_7d: failed,
            open_emergencies: Some(emerg),
            last_call: last_h.map_or(LastCall::Never, |h| LastCall::At(now() - Duration::hours(h))),
            figures_unread: None,
        }
    };
    vec![
        mk(0, 40, 2, 0, Some(1)),
        mk(1, 20, 12, 0, Some(2)),
        mk(2, 3, 0, 2, Some(5)),
        mk(3, 0, 0, 0, Some(24 * 5)),
        mk(4, 0, 0, 0, None),
    ]
}

fn on_board(w: u16, h: u16) -> State {
    let mut s = connected(w, h);
    s.now = now();
    update(&mut s, Action::Input(Input { key: TKey::Tab, ..Default::default() }));
    assert_eq!(s.screen, Screen::Board, "tab in the switcher opens the board");
    let req = s.board.pending.expect("the board is asked for");
    let rows = board_rows(&s);
    update(&mut s, Action::BoardLoaded { req, result: Ok(rows), ms: 4.0, partial: false });
    s
}

#[test]
fn the_board_ranks_filters_and_opens_orgs() {
    let mut s = on_board(120, 40);
    let order: Vec<String> = s.board_view().iter().map(|(i, _)| s.board.rows[*i].name.clone()).collect();
    assert_eq!(
        order,
        vec!["Clínica San José", "Bright Smiles Dental", "Kolkata Cooling Co", "No Zone Roofing", "Acme Plumbing"]
    );
    cmd(&mut s, Command::Filter);
    for c in "silent".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    // "no calls" is the silent reason's text; "silent" matches nothing.
    assert!(s.board_view().is_empty());
    for _ in 0..6 {
        update(&mut s, Action::Input(Input { key: TKey::Backspace, ..Default::default() }));
    }
    for c in "no calls".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    assert_eq!(s.board_view().len(), 1);
    cmd(&mut s, Command::ClearFilter);
    cmd(&mut s, Command::Down);
    let fx = cmd(&mut s, Command::Open);
    let [Effect::LoadCalls { .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(s.screen, Screen::Calls);
    assert_eq!(s.calls.org.as_ref().unwrap().name, "Bright Smiles Dental");
}

fn overview(from: NaiveDate) -> Overview {
    use rust_decimal::Decimal;
    Overview {
        from: Some(from),
        to: Some(from + Duration::days(7)),
        total: 120,
        successful: 100,
        failed: 12,
        total_secs: 116 * 185,
        with_duration: 116,
        avg_secs: Some(Decimal::new(185, 0)),
        billed_minutes: Decimal::new(406, 0),
        with_billed: 116,
        avg_billed: Some(Decimal::new(350, 2)),
        per_day: (0..7).map(|i| (from + Duration::days(i), 10 + i * 3)).collect(),
        by_status: vec![("completed".into(), 100), ("failed".into(), 12), ("busy".into(), 8)],
        by_direction: vec![("inbound".into(), 90), ("outbound".into(), 30)],
        by_agent: vec![("Ava".into(), 80), ("Max".into(), 40)],
        rates: Some(switchboard::core::overview::Rates {
            rate: Some(Decimal::new(40, 2)),
            cost: Some(Decimal::new(20, 2)),
        }),
        ..Default::default()
    }
    .with_money()
}

fn on_overview(w: u16, h: u16) -> State {
    let mut s = connected(w, h);
    s.now = now();
    for c in "acme".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let Effect::LoadCalls { req, .. } = fx[0].clone() else { panic!() };
    update(&mut s, Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, 5, false, false)), ms: 1.0 });
    let fx = cmd(&mut s, Command::Overview);
    let [Effect::LoadOverview { req, from, to, zone, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(
        (*from, *to),
        (NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 11).unwrap())
    );
    assert_eq!(zone.label(), "America/New_York");
    let o = overview(*from);
    update(&mut s, Action::OverviewLoaded { req: *req, result: Ok(o), ms: 3.0 });
    s
}

#[test]
fn overview_ranges() {
    let mut s = on_overview(120, 40);
    let fx = cmd(&mut s, Command::Filter);
    let [Effect::LoadOverview { from, .. }] = fx.as_slice() else { panic!() };
    assert_eq!(*from, NaiveDate::from_ymd_opt(2026, 2, 9).unwrap(), "30 days");
    cmd(&mut s, Command::GoTo);
    for c in "2026-01-01..2026-01-31".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let [Effect::LoadOverview { from, to, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!((from.to_string(), to.to_string()), ("2026-01-01".into(), "2026-02-01".into()));
    assert!(matches!(s.overview.range, Range::Custom(..)));
}

#[test]
fn snapshots() {
    for (w, h) in [(120, 40), (80, 24)] {
        insta::assert_snapshot!(format!("board_{w}x{h}"), draw(&on_board(w, h)));
        let s = on_overview(w, h);
        let screen = draw(&s);
        assert!(screen.contains("Margin 81.20 (50% of revenue)"), "{screen}");
        assert!(screen.contains("avg 3m 05s over 116 calls with a duration"), "{screen}");
        insta::assert_snapshot!(format!("overview_{w}x{h}"), screen);
    }
}

#[test]
fn the_board_shows_partial_rows_while_tenants_are_read() {
    let mut s = connected(120, 40);
    s.now = now();
    update(&mut s, Action::Input(Input { key: TKey::Tab, ..Default::default() }));
    let req = s.board.pending.unwrap();
    let rows = board_rows(&s);
    update(&mut s, Action::BoardLoaded { req, result: Ok(rows[..2].to_vec()), ms: 1.0, partial: true });
    assert!(s.board.loaded && s.board.pending.is_some());
    assert!(draw(&s).contains("still reading"));
    update(&mut s, Action::BoardLoaded { req, result: Ok(rows), ms: 2.0, partial: false });
    assert!(s.board.pending.is_none());
    assert_eq!(s.board.rows.len(), 5);
}

/// The board of a database that does not record some of what it weighs names that, below the rows; a
/// board that cannot be read at all says why, whole.
#[test]
fn not_recorded_and_refused_board_snapshots() {
    for (w, h) in [(120, 40), (80, 24), (60, 16)] {
        let mut s = connected(w, h);
        s.now = now();
        if let switchboard::core::state::Conn::Ready(info) = &mut s.conn {
            info.board_not_recorded =
                vec!["no column status in organizations".into(), "no SELECT on emergency_notifications".into()];
        }
        update(&mut s, Action::Input(Input { key: TKey::Tab, ..Default::default() }));
        let req = s.board.pending.expect("the board is asked for");
        let mut rows = board_rows(&s);
        // A Retell tenant whose rollups cannot be read: its figures are unknown, not zero.
        rows[0].figures_unread = Some("its schema has no call_rollups this role can read".into());
        update(&mut s, Action::BoardLoaded { req, result: Ok(rows), ms: 4.0, partial: false });
        let screen = draw(&s);
        assert!(screen.contains("Not recorded in this database"), "{screen}");
        assert!(screen.contains("? no fig"), "{screen}");
        insta::assert_snapshot!(format!("board_not_recorded_{w}x{h}"), screen);

        let mut s = connected(w, h);
        update(&mut s, Action::Input(Input { key: TKey::Tab, ..Default::default() }));
        let req = s.board.pending.expect("the board is asked for");
        let why = "no SELECT on call_logs (row security hides call_logs from this role: only rows its policies allow)";
        update(&mut s, Action::BoardLoaded { req, result: Err(why.into()), ms: 4.0, partial: false });
        insta::assert_snapshot!(format!("board_refused_{w}x{h}"), draw(&s));
    }
}
