//! A lost database link, without a terminal or a database: the reducer's decisions (down only when the ping
//! fails too, retries on a backoff, recovery reloads the screen, the last data stays) and the banner.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::model::*;
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::Anchor;
use switchboard::core::reducer::link::{backoff, next_wake};
use switchboard::core::reducer::update;
use switchboard::core::state::{Screen, State};

const REFUSED: &str = "cannot reach the database server: Connection refused (os error 111)";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 4, 14, 2, 11).unwrap()
}

fn at(s: &mut State, ms: i64) {
    s.now = t0() + Duration::milliseconds(ms);
}

/// Connected, Acme's first page of calls loaded.
fn on_calls(w: u16, h: u16) -> State {
    let mut s = connected(w, h);
    s.now = t0();
    let key = s.orgs.all[0].key.clone();
    let fx = update(
        &mut s,
        Action::Input(ratatui_textarea::Input { key: ratatui_textarea::Key::Enter, ..Default::default() }),
    );
    let Some(Effect::LoadCalls { req, limit, org, .. }) = fx.first().cloned() else { panic!("{fx:?}") };
    assert_eq!(org, key);
    update(
        &mut s,
        Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, limit as u32, false, true)), ms: 1.0 },
    );
    assert_eq!(s.screen, Screen::Calls);
    s
}

/// A query of the call list fails; the runner's ping answers `ok`.
fn calls_query_fails(s: &mut State, error: &str, ping_ok: bool) {
    let fx = cmd(s, Command::Top);
    let Some(Effect::LoadCalls { req, .. }) = fx.first().cloned() else { panic!("{fx:?}") };
    assert!(
        update(s, Action::CallsLoaded { req, anchor: Anchor::First, result: Err(error.into()), ms: 5000.0 }).is_empty()
    );
    let fx = update(s, Action::Link { req: None, ok: ping_ok, error: (!ping_ok).then(|| error.to_string()) });
    assert!(fx.is_empty(), "{fx:?}");
}

#[test]
fn backoff_doubles_from_half_a_second_to_eight() {
    let ms: Vec<i64> = (1..=8).map(|a| backoff(a).num_milliseconds()).collect();
    assert_eq!(ms, [500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
    assert_eq!(backoff(u32::MAX).num_milliseconds(), 8000);
}

#[test]
fn a_statement_timeout_with_a_server_that_answers_is_not_a_lost_link() {
    let mut s = on_calls(120, 40);
    calls_query_fails(&mut s, "the query was cancelled (statement timeout)", true);
    assert!(!s.link.is_down());
    assert_eq!(s.calls.error.as_deref(), Some("the query was cancelled (statement timeout)"));
    assert_eq!(next_wake(&s.link, s.now), None, "an idle console with a live link never wakes");
    assert!(update(&mut s, Action::Tick).is_empty());
    assert!(!draw(&s).contains("CONNECTION LOST"));
}

#[test]
fn a_lost_link_retries_on_a_backoff_and_recovery_reloads_the_screen() {
    let mut s = on_calls(120, 40);
    let rows = s.calls.page.rows.clone();
    calls_query_fails(&mut s, REFUSED, false);
    assert_eq!(s.link.down_since, Some(t0()));
    assert_eq!(s.link.next_retry, Some(t0() + Duration::milliseconds(500)));
    assert_eq!(s.link.error.as_deref(), Some(REFUSED));
    assert_eq!(s.calls.page.rows, rows, "the last page stays on screen");
    assert_eq!(next_wake(&s.link, s.now), Some(std::time::Duration::from_millis(500)));

    // Retries: due after 0.5, 1, 2, 4, 8, 8 s, one at a time.
    let mut t = 0;
    for (attempt, wait) in [500, 1000, 2000, 4000, 8000, 8000].into_iter().enumerate() {
        at(&mut s, t + wait - 1);
        assert!(update(&mut s, Action::Tick).is_empty(), "retry {attempt} is not due yet");
        t += wait;
        at(&mut s, t);
        let fx = update(&mut s, Action::Tick);
        let [Effect::Ping { req }] = fx[..] else { panic!("retry {attempt} is due: {fx:?}") };
        assert!(update(&mut s, Action::Tick).is_empty(), "one ping at a time");
        assert_eq!(next_wake(&s.link, s.now), Some(std::time::Duration::from_secs(1)));
        assert!(update(&mut s, Action::Link { req: Some(req), ok: false, error: Some(REFUSED.into()) }).is_empty());
        assert_eq!(s.link.attempt, attempt as u32 + 1);
    }

    // The console answers keys meanwhile: the selection moves, and a reload is attempted (and fails).
    cmd(&mut s, Command::Down);
    assert_eq!(s.calls.selected, 1);
    let before = s.link.clone();
    calls_query_fails(&mut s, REFUSED, false);
    assert_eq!(s.link, before, "a failure reported meanwhile changes neither the clock nor the count");

    // The server answers again: the banner goes and the screen reloads.
    t += 8000;
    at(&mut s, t);
    let [Effect::Ping { req }] = update(&mut s, Action::Tick)[..] else { panic!() };
    let fx = update(&mut s, Action::Link { req: Some(req), ok: true, error: None });
    assert!(!s.link.is_down());
    assert!(matches!(fx[..], [Effect::LoadCalls { anchor: Anchor::First, .. }]), "{fx:?}");
    assert!(s.message.as_deref().unwrap().contains("connection restored after"), "{:?}", s.message);
    assert_eq!(next_wake(&s.link, s.now), None);
}

#[test]
fn r_while_the_link_is_down_retries_at_once() {
    let mut s = on_calls(120, 40);
    calls_query_fails(&mut s, REFUSED, false);
    at(&mut s, 100);
    let fx = cmd(&mut s, Command::Refresh);
    assert!(matches!(fx[..], [Effect::Ping { .. }, Effect::LoadCalls { .. }]), "{fx:?}");
    let fx = cmd(&mut s, Command::Refresh);
    assert!(matches!(fx[..], [Effect::LoadCalls { .. }]), "one ping at a time: {fx:?}");
}

#[test]
fn a_late_answer_to_an_old_ping_does_not_count_as_a_retry() {
    let mut s = on_calls(80, 24);
    calls_query_fails(&mut s, REFUSED, false);
    at(&mut s, 500);
    let [Effect::Ping { req }] = update(&mut s, Action::Tick)[..] else { panic!() };
    update(&mut s, Action::Link { req: Some(req + 100), ok: false, error: Some("other".into()) });
    assert_eq!(s.link.attempt, 0);
    assert_eq!(s.link.pending, Some(req));
    assert_eq!(s.link.error.as_deref(), Some("other"));
}

#[test]
fn screens_that_show_an_error_in_place_of_their_data_keep_the_data() {
    let mut s = on_calls(120, 40);
    cmd(&mut s, Command::Orgs);
    let fx = cmd(&mut s, Command::Refresh);
    let Some(Effect::LoadOrgs { req, .. }) = fx.first().cloned() else { panic!("{fx:?}") };
    update(&mut s, Action::OrgsLoaded { req, result: Err(REFUSED.into()), ms: 5000.0 });
    assert!(draw(&s).contains("Could not load organizations"), "before the ping answers, the error");
    update(&mut s, Action::Link { req: None, ok: false, error: Some(REFUSED.into()) });
    let screen = draw(&s);
    assert!(screen.contains("Acme Plumbing") && screen.contains("Bright Smiles Dental"), "{screen}");
    assert!(screen.contains("CONNECTION LOST"), "{screen}");
}

#[test]
fn a_server_down_at_start_is_retried_and_detection_runs_when_it_answers() {
    let mut s = State::new("postgres://support@db.example.com:5432/platform", true, Default::default());
    s.now = t0();
    let fx = switchboard::core::reducer::init(&mut s);
    let Effect::Detect { req } = fx[0] else { panic!() };
    update(&mut s, Action::Detected { req, result: Err(REFUSED.into()), ms: 5000.0 });
    update(&mut s, Action::Link { req: None, ok: false, error: Some(REFUSED.into()) });
    at(&mut s, 500);
    let [Effect::Ping { req }] = update(&mut s, Action::Tick)[..] else { panic!() };
    let fx = update(&mut s, Action::Link { req: Some(req), ok: true, error: None });
    assert!(matches!(fx[..], [Effect::Detect { .. }]), "{fx:?}");
}

#[test]
fn the_banner_on_every_screen() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = on_calls(w, h);
        calls_query_fails(&mut s, REFUSED, false);
        for t in [500, 1500] {
            at(&mut s, t);
            let [Effect::Ping { req }] = update(&mut s, Action::Tick)[..] else { panic!() };
            update(&mut s, Action::Link { req: Some(req), ok: false, error: Some(REFUSED.into()) });
        }
        at(&mut s, 2300);
        let screen = draw(&s);
        assert!(screen.contains("CONNECTION LOST since 14:02:11 UTC (2 s) · retry #3 in 2 s"), "{screen}");
        insta::assert_snapshot!(format!("link_lost_calls_{w}x{h}"), screen);
    }
    let mut s = on_calls(120, 40);
    calls_query_fails(&mut s, REFUSED, false);
    at(&mut s, 500);
    update(&mut s, Action::Tick);
    at(&mut s, 900);
    for c in [Command::Orgs, Command::Board, Command::Calendar, Command::OnCall, Command::Profile] {
        cmd(&mut s, c);
        let screen = draw(&s);
        let status = screen.lines().rev().nth(1).unwrap();
        assert!(status.contains("CONNECTION LOST") && status.contains("retry #1 now…"), "{c:?}: {status}");
    }
}
