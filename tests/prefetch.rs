//! Reading ahead in the reducer, without a terminal or a database: the next page and the selected call are
//! asked for once when the page or the selection changes, taken at once when they have arrived, adopted when
//! they are still on their way, and never asked for while nothing changes.

mod common;

use common::model::*;
use ratatui_textarea::{Input, Key as TKey};
use switchboard::core::action::Action;
use switchboard::core::effect::{Effect, ReqId, Slot};
use switchboard::core::keymap::Command;
use switchboard::core::model::{Anchor, Page};
use switchboard::core::reducer::update;
use switchboard::core::state::{Screen, State};

/// The call list of "acme" at 120×40 (the list alone, no preview beside it), read ahead, first page drawn.
/// Returns the state and the effects the first page's landing asked for.
fn reading(pages_after: bool) -> (State, Vec<Effect>) {
    let mut s = connected(120, 40);
    s.prefetch.enabled = true;
    for c in "acme".chars() {
        update(&mut s, Action::Input(Input { key: TKey::Char(c), ..Default::default() }));
    }
    let fx = update(&mut s, Action::Input(Input { key: TKey::Enter, ..Default::default() }));
    let [Effect::LoadCalls { req, limit, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    let first = page(0, *limit as u32, false, pages_after);
    let fx = update(&mut s, Action::CallsLoaded { req: *req, anchor: Anchor::First, result: Ok(first), ms: 1.0 });
    (s, fx)
}

/// A page read ahead (its request and anchor) and a call read ahead (its request and key).
type Ahead = (Option<(ReqId, Anchor)>, Option<(ReqId, String)>);

/// The read-ahead effects among `fx`.
fn ahead(fx: &[Effect]) -> Ahead {
    let (mut page, mut call) = (None, None);
    for e in fx {
        let Effect::Prefetch(inner) = e else { continue };
        match (e.slot(), inner.as_ref()) {
            (Some(Slot::PrefetchCalls), Effect::LoadCalls { req, anchor, .. }) => page = Some((*req, anchor.clone())),
            (Some(Slot::PrefetchCall), Effect::LoadCall { req, call: key, .. }) => call = Some((*req, key.to_string())),
            other => panic!("unexpected read ahead {other:?}"),
        }
    }
    (page, call)
}

fn next_page(s: &State, n: u32) -> Page {
    let from = s.calls.page.rows.len() as u32 * n;
    page(from, s.page_size() as u32, true, true)
}

#[test]
fn a_landed_page_reads_ahead_the_next_page_and_the_selected_call_once() {
    let (mut s, fx) = reading(true);
    let (Some((_, Anchor::After(c))), Some((_, call))) = ahead(&fx) else { panic!("{fx:?}") };
    assert_eq!(c, s.calls.page.rows.last().unwrap().cursor());
    assert_eq!(call, s.calls.page.rows[0].key.to_string());
    // Nothing changes, nothing more is asked for: a tick, a resize, a redraw-worthy notice.
    assert!(update(&mut s, Action::Tick).iter().all(|e| !matches!(e, Effect::Prefetch(_))));
    assert!(update(&mut s, Action::Notice("hi".into())).is_empty());
}

#[test]
fn pgdn_takes_the_page_read_ahead_with_no_request_then_reads_the_one_after() {
    let (mut s, fx) = reading(true);
    let (Some((req, anchor)), _) = ahead(&fx) else { panic!("{fx:?}") };
    let second = next_page(&s, 1);
    let fx = update(&mut s, Action::CallsLoaded { req, anchor: anchor.clone(), result: Ok(second.clone()), ms: 1.0 });
    assert!(fx.is_empty(), "a page read ahead changes nothing on screen: {fx:?}");
    assert_eq!(s.calls.page_no, Some(1));
    let fx = cmd(&mut s, Command::PageDown);
    assert!(fx.iter().all(|e| matches!(e, Effect::Prefetch(_))), "no read the user waits for: {fx:?}");
    assert_eq!(s.calls.page, second);
    assert_eq!(s.calls.page_no, Some(2));
    assert!(s.calls.pending.is_none());
    assert_eq!(s.prefetch.hits, 1);
    // Page 3 is read ahead now, from page 2's last row.
    let (Some((_, Anchor::After(c))), _) = ahead(&fx) else { panic!("{fx:?}") };
    assert_eq!(c, second.rows.last().unwrap().cursor());
}

#[test]
fn pgdn_before_the_page_arrives_adopts_its_request() {
    let (mut s, fx) = reading(true);
    let (Some((req, anchor)), _) = ahead(&fx) else { panic!("{fx:?}") };
    let fx = cmd(&mut s, Command::PageDown);
    assert!(fx.is_empty(), "the page on its way is not asked for again: {fx:?}");
    assert_eq!(s.calls.pending.map(|p| p.0), Some(req));
    let second = next_page(&s, 1);
    update(&mut s, Action::CallsLoaded { req, anchor, result: Ok(second.clone()), ms: 1.0 });
    assert_eq!(s.calls.page, second);
    assert_eq!(s.calls.page_no, Some(2));
    assert_eq!((s.prefetch.hits, s.prefetch.misses), (0, 1));
}

#[test]
fn a_page_read_ahead_for_another_filter_is_not_used() {
    let (mut s, fx) = reading(true);
    let (Some((req, anchor)), _) = ahead(&fx) else { panic!("{fx:?}") };
    let stale = next_page(&s, 1);
    // A new filter: the first page again, then pgdn must read the page after it for that filter.
    s.calls.filter.text = Some("burst".into());
    let fx = cmd(&mut s, Command::Top);
    let [Effect::LoadCalls { req: top, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    update(&mut s, Action::CallsLoaded { req, anchor, result: Ok(stale.clone()), ms: 1.0 });
    let first = page(500, s.page_size() as u32, false, true);
    let fx = update(&mut s, Action::CallsLoaded { req: *top, anchor: Anchor::First, result: Ok(first), ms: 1.0 });
    let (Some((req2, _)), _) = ahead(&fx) else { panic!("{fx:?}") };
    assert_ne!(req2, req);
    let fx = cmd(&mut s, Command::PageDown);
    assert!(fx.is_empty(), "adopts the read ahead for the new filter: {fx:?}");
    assert_eq!(s.calls.pending.map(|p| p.0), Some(req2));
    assert_ne!(s.calls.page, stale);
}

#[test]
fn a_failed_read_ahead_is_forgotten_and_pgdn_asks_itself() {
    let (mut s, fx) = reading(true);
    let (Some((req, anchor)), _) = ahead(&fx) else { panic!("{fx:?}") };
    let err = switchboard::core::error::DataError::new(switchboard::core::error::ErrorKind::Other, "boom");
    assert!(update(&mut s, Action::CallsLoaded { req, anchor, result: Err(err), ms: 1.0 }).is_empty());
    assert!(s.calls.error.is_none(), "a read the user did not ask for shows no error");
    let fx = cmd(&mut s, Command::PageDown);
    assert!(matches!(fx.as_slice(), [Effect::LoadCalls { anchor: Anchor::After(_), .. }]), "{fx:?}");
}

#[test]
fn the_last_page_reads_no_page_ahead() {
    let (_, fx) = reading(false);
    let (page, call) = ahead(&fx);
    assert!(page.is_none());
    assert!(call.is_some());
}

#[test]
fn enter_shows_the_call_read_ahead_at_once() {
    let (mut s, fx) = reading(true);
    let (_, Some((req, _))) = ahead(&fx) else { panic!("{fx:?}") };
    assert!(update(&mut s, Action::CallLoaded { req, result: Ok(Some(detail(0))), ms: 1.0 }).is_empty());
    assert!(s.call.is_none(), "read ahead, not shown");
    let fx = cmd(&mut s, Command::Open);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(s.screen, Screen::Call);
    let view = s.call.as_ref().unwrap();
    assert!(view.pending.is_none());
    assert_eq!(view.detail.as_ref().unwrap().row.key, detail(0).row.key);
    assert!(!view.lines.is_empty(), "wrapped for the whole screen");
    assert!(draw(&s).contains("kitchen pipe burst"));
}

#[test]
fn enter_before_the_call_arrives_adopts_it_and_moving_on_reads_the_next_selection() {
    let (mut s, fx) = reading(true);
    let (_, Some((req, _))) = ahead(&fx) else { panic!("{fx:?}") };
    assert!(cmd(&mut s, Command::Open).is_empty());
    assert_eq!(s.call.as_ref().unwrap().pending, Some(req));
    update(&mut s, Action::CallLoaded { req, result: Ok(Some(detail(0))), ms: 1.0 });
    assert!(s.call.as_ref().unwrap().detail.is_some());
    cmd(&mut s, Command::Back);
    assert_eq!(s.screen, Screen::Calls);
    let fx = cmd(&mut s, Command::Down);
    let (None, Some((_, key))) = ahead(&fx) else { panic!("{fx:?}") };
    assert_eq!(key, s.calls.page.rows[1].key.to_string());
}

#[test]
fn a_view_waiting_for_a_superseded_read_ahead_is_read_again() {
    let (mut s, fx) = reading(true);
    let (_, Some((req, _))) = ahead(&fx) else { panic!("{fx:?}") };
    cmd(&mut s, Command::Open);
    cmd(&mut s, Command::Back);
    // Down reads the next call ahead in the same slot, which cancels the first: its view is dropped.
    cmd(&mut s, Command::Down);
    assert!(s.call.is_none());
    // The cancelled answer, if it still comes, is dropped; back on the first call, it is read ahead anew.
    update(&mut s, Action::CallLoaded { req, result: Ok(Some(detail(0))), ms: 1.0 });
    assert!(s.call.is_none());
    let fx = cmd(&mut s, Command::Up);
    let (None, Some((again, key))) = ahead(&fx) else { panic!("{fx:?}") };
    assert_ne!(again, req);
    assert_eq!(key, s.calls.page.rows[0].key.to_string());
    assert!(cmd(&mut s, Command::Open).is_empty());
    assert_eq!(s.call.as_ref().unwrap().pending, Some(again));
}

#[test]
fn beside_the_list_the_preview_reads_the_call_and_nothing_else_does() {
    let mut s = calls_state(200, 50);
    s.prefetch.enabled = true;
    let fx = cmd(&mut s, Command::Down);
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadCall { .. })), "{fx:?}");
    assert!(ahead(&fx).1.is_none());
}

#[test]
fn off_reads_nothing_ahead() {
    let mut s = calls_state(120, 40);
    assert!(!s.prefetch.enabled, "tests and the bench's plain rows read nothing ahead unless asked");
    assert!(cmd(&mut s, Command::Down).is_empty());
    assert!(matches!(cmd(&mut s, Command::PageDown).as_slice(), [Effect::LoadCalls { .. }]));
}
