//! Snapshots of every view at 120×40 and 80×24 (ratatui TestBackend + insta).

mod common;

use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::keymap::Command;
use switchboard::core::model::Anchor;
use switchboard::core::reducer::update;
use switchboard::core::state::State;

fn call_state(w: u16, h: u16) -> State {
    let mut s = calls_state(w, h);
    cmd(&mut s, Command::Down);
    let fx = cmd(&mut s, Command::Open);
    let Effect::LoadCall { req, .. } = fx[0].clone() else { panic!() };
    update(&mut s, Action::CallLoaded { req, result: Ok(Some(detail(1))), ms: 3.5 });
    s
}

#[test]
fn org_switcher() {
    for (w, h) in [(120, 40), (80, 24)] {
        insta::assert_snapshot!(format!("orgs_{w}x{h}"), draw(&connected(w, h)));
    }
}

#[test]
fn call_list() {
    for (w, h) in [(120, 40), (80, 24)] {
        insta::assert_snapshot!(format!("calls_{w}x{h}"), draw(&calls_state(w, h)));
    }
}

#[test]
fn call_detail_with_search() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = call_state(w, h);
        insta::assert_snapshot!(format!("call_{w}x{h}"), draw(&s));
        cmd(&mut s, Command::Search);
        for c in "pipe".chars() {
            update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
        }
        insta::assert_snapshot!(format!("call_search_{w}x{h}"), draw(&s));
    }
}

#[test]
fn help_and_too_small() {
    let mut s = calls_state(120, 40);
    cmd(&mut s, Command::Help);
    insta::assert_snapshot!("help_120x40", draw(&s));
    let mut s = calls_state(120, 40);
    update(&mut s, Action::Resize { width: 50, height: 12 });
    insta::assert_snapshot!("too_small_50x12", draw(&s));
}

#[test]
fn connection_failure() {
    let mut s = State::new("postgres://support@db.example.com:5432/platform", true, Default::default());
    update(&mut s, Action::Resize { width: 80, height: 24 });
    let fx = switchboard::core::reducer::init(&mut s);
    let Effect::Detect { req } = fx[0] else { panic!() };
    update(
        &mut s,
        Action::Detected {
            req,
            result: Err("cannot reach the database server: Connection refused (os error 111)".into()),
            ms: 0.4,
        },
    );
    insta::assert_snapshot!("connection_failed_80x24", draw(&s));
}

#[test]
fn help_at_80x24_fits_in_two_columns() {
    let mut s = calls_state(80, 24);
    cmd(&mut s, Command::Help);
    insta::assert_snapshot!("help_80x24", draw(&s));
}

#[test]
fn call_details_pane() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = call_state(w, h);
        cmd(&mut s, Command::Details);
        insta::assert_snapshot!(format!("call_details_{w}x{h}"), draw(&s));
    }
}

#[test]
fn call_list_with_a_filter() {
    let mut s = calls_state(120, 40);
    s.calls.filter = switchboard::core::filter::CallFilter::parse("status:failed urgent \"burst pipe\"").unwrap();
    insta::assert_snapshot!("calls_filtered_120x40", draw(&s));
    cmd(&mut s, Command::Filter);
    insta::assert_snapshot!("calls_filter_input_80x24", {
        update(&mut s, Action::Resize { width: 80, height: 24 });
        draw(&s)
    });
}

#[test]
fn wide_terminals_show_the_selected_call_beside_the_list() {
    let mut s = connected(200, 60);
    for c in "acme".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let Effect::LoadCalls { req, limit, .. } = fx[0].clone() else { panic!() };
    let fx = update(
        &mut s,
        Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, limit as u32, false, true)), ms: 1.0 },
    );
    let [Effect::LoadCall { req, .. }] = fx.as_slice() else {
        panic!("the selected call is loaded beside the list: {fx:?}")
    };
    update(&mut s, Action::CallLoaded { req: *req, result: Ok(Some(detail(0))), ms: 2.0 });
    insta::assert_snapshot!("calls_wide_200x60", draw(&s));
    // Moving the selection shows the next call; opening it takes the whole screen without a reload.
    let fx = cmd(&mut s, Command::Down);
    let [Effect::LoadCall { req, call, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(call, &row(1).key);
    update(&mut s, Action::CallLoaded { req: *req, result: Ok(Some(detail(1))), ms: 2.0 });
    assert!(cmd(&mut s, Command::Open).is_empty());
    assert_eq!(s.screen, switchboard::core::state::Screen::Call);
    assert_eq!(s.call.as_ref().unwrap().wrap_width, 198);
    cmd(&mut s, Command::Back);
    assert_eq!(s.call.as_ref().unwrap().wrap_width, 98);
}

/// A call's details name what this database does not record of it, wrapped.
#[test]
fn call_details_not_recorded() {
    for (w, h) in [(120, 40), (80, 24), (60, 16)] {
        let mut s = calls_state(w, h);
        cmd(&mut s, Command::Down);
        let fx = cmd(&mut s, Command::Open);
        let Effect::LoadCall { req, .. } = fx[0].clone() else { panic!() };
        let mut d = detail(1);
        d.not_recorded = vec![
            "no column recording_url in call_logs".into(),
            "no column cost_cents in call_logs".into(),
            "no SELECT on vapi_assistants".into(),
        ];
        update(&mut s, Action::CallLoaded { req, result: Ok(Some(d)), ms: 3.5 });
        cmd(&mut s, Command::Details);
        // Where the pane is short, the note is its last lines: the end of the scroll shows it whole.
        cmd(&mut s, Command::Bottom);
        let screen = draw(&s);
        assert!(screen.contains("Not recorded") && screen.contains("vapi_assistants"), "{screen}");
        insta::assert_snapshot!(format!("call_details_not_recorded_{w}x{h}"), screen);
    }
}
