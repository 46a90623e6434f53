//! A filter the database cannot use (a `dir:` where no direction is recorded) leaves the list as it was: the
//! rows shown stay under the filter they were read with, and the message says why, never the old rows under
//! the new filter's name.

mod common;

use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::Effect;
use switchboard::core::error::{DataError, ErrorKind};
use switchboard::core::keymap::Command;
use switchboard::core::model::Anchor;
use switchboard::core::reducer::update;
use switchboard::core::state::State;

fn apply_filter(s: &mut State, text: &str) -> u64 {
    cmd(s, Command::Filter);
    for c in text.chars() {
        update(s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let [Effect::LoadCalls { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    *req
}

fn refused(what: &str) -> DataError {
    DataError { kind: ErrorKind::Input, sqlstate: None, message: format!("this platform records no {what}: drop dir:") }
}

#[test]
fn a_filter_that_cannot_be_used_keeps_the_rows_under_their_own_filter() {
    let mut s = calls_state(120, 40);
    let req = apply_filter(&mut s, "status:failed");
    update(&mut s, Action::CallsLoaded { req, anchor: Anchor::First, result: Ok(page(0, 5, false, false)), ms: 1.0 });
    assert_eq!(s.calls.filter.describe(), "status:failed");
    let rows_before = s.calls.page.rows.clone();

    let req = apply_filter(&mut s, "status:failed dir:inbound");
    update(&mut s, Action::CallsLoaded { req, anchor: Anchor::First, result: Err(refused("call direction")), ms: 1.0 });
    assert_eq!(s.calls.filter.describe(), "status:failed", "the label is the rows' own filter");
    assert_eq!(s.calls.page.rows, rows_before, "the rows are the ones read with it");
    assert_eq!(s.calls.error, None, "the list is not replaced by an error: it is still true");
    let msg = s.message.clone().unwrap();
    assert!(msg.contains("records no call direction") && msg.ends_with("the filter stays status:failed"), "{msg}");
    assert!(draw(&s).contains("status:failed"), "{}", draw(&s));

    // Reloading reads with the filter shown.
    let fx = cmd(&mut s, Command::Refresh);
    let [Effect::LoadCalls { filter, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(filter.describe(), "status:failed");
}

#[test]
fn with_no_filter_before_it_says_so() {
    let mut s = calls_state(120, 40);
    let req = apply_filter(&mut s, "dir:outbound");
    update(&mut s, Action::CallsLoaded { req, anchor: Anchor::First, result: Err(refused("call direction")), ms: 1.0 });
    assert!(s.calls.filter.is_empty());
    assert!(s.message.as_deref().unwrap().ends_with(": no filter"), "{:?}", s.message);
    assert!(!s.calls.page.rows.is_empty(), "the unfiltered rows stay");
}

#[test]
fn a_connection_failure_is_not_taken_for_a_refused_filter() {
    let mut s = calls_state(120, 40);
    let req = apply_filter(&mut s, "status:failed");
    let lost = DataError { kind: ErrorKind::Connection, sqlstate: None, message: "the server closed the link".into() };
    update(&mut s, Action::CallsLoaded { req, anchor: Anchor::First, result: Err(lost), ms: 1.0 });
    assert_eq!(s.calls.filter.describe(), "status:failed", "the filter asked for is kept, to retry");
    assert!(s.calls.error.as_deref().unwrap_or_default().contains("closed"), "{:?}", s.calls.error);
}
