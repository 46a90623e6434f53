//! The link to the database, for every screen. When a query fails the runner pings the server (a cheap read
//! with a short timeout) and reports `Action::Link`; no error text is classified. A failed ping means the
//! link is down: the status bar says so (since when, the next retry), every screen keeps its last data
//! (marked stale by the banner), and retries follow a backoff (0.5 s doubling to 8 s) driven by ticks that
//! the event loop sends only while the link is down. The first ping that succeeds brings the link back and
//! reloads the current screen. A query cancelled by the statement timeout leaves a server that answers the
//! ping, so it never counts as a lost link.

use chrono::{DateTime, Duration, Utc};

use crate::core::effect::{Effect, ReqId};
use crate::core::state::{LinkState, State};

/// The first retry comes this long after the link is found down.
pub const FIRST_RETRY_MS: i64 = 500;
/// Retries never wait longer than this.
pub const MAX_RETRY_MS: i64 = 8_000;

/// How long to wait before retry number `attempt` (1-based): 0.5 s, 1 s, 2 s, 4 s, then 8 s.
pub fn backoff(attempt: u32) -> Duration {
    let ms = FIRST_RETRY_MS.saturating_mul(1i64 << attempt.saturating_sub(1).min(20));
    Duration::milliseconds(ms.min(MAX_RETRY_MS))
}

/// A ping's answer (`req` is the retry it answers, None when the runner pinged after a failed query).
pub fn report(state: &mut State, req: Option<ReqId>, ok: bool, error: Option<String>) -> Vec<Effect> {
    let answers_retry = req.is_some() && req == state.link.pending;
    if answers_retry {
        state.link.pending = None;
    }
    match (ok, state.link.down_since) {
        // The usual case: a query failed for its own reasons (a timeout, a bad row) and the server is fine.
        (true, None) => Vec::new(),
        (true, Some(since)) => {
            let secs = (state.now - since).num_milliseconds().max(0) as f64 / 1000.0;
            state.link = LinkState::default();
            state.message = Some(format!("✓ connection restored after {secs:.1} s"));
            reload(state)
        }
        (false, None) => {
            state.link = LinkState {
                down_since: Some(state.now),
                attempt: 0,
                next_retry: Some(state.now + backoff(1)),
                pending: None,
                error,
            };
            keep_last_data(state);
            Vec::new()
        }
        (false, Some(_)) => {
            if error.is_some() {
                state.link.error = error;
            }
            if answers_retry {
                state.link.attempt += 1;
                state.link.next_retry = Some(state.now + backoff(state.link.attempt + 1));
            }
            keep_last_data(state);
            Vec::new()
        }
    }
}

/// While the link is down, every tick: ping when the next retry is due.
pub fn tick(state: &mut State) -> Vec<Effect> {
    let link = &state.link;
    if !link.is_down() || link.pending.is_some() || link.next_retry.is_some_and(|t| t > state.now) {
        return Vec::new();
    }
    let req = state.req();
    state.link.pending = Some(req);
    state.link.next_retry = None;
    vec![Effect::Ping { req }]
}

/// `r` while the link is down: retry now rather than at the next retry's time.
pub fn retry_now(state: &mut State) -> Vec<Effect> {
    if state.link.is_down() && state.link.pending.is_none() {
        state.link.next_retry = Some(state.now);
    }
    tick(state)
}

/// How long the event loop may sleep before the next tick matters (the retry, or the banner's seconds);
/// None while the link is up: then nothing wakes an idle console.
pub fn next_wake(link: &LinkState, now: DateTime<Utc>) -> Option<std::time::Duration> {
    link.down_since?;
    let second = std::time::Duration::from_secs(1);
    Some(match link.next_retry {
        Some(t) => (t - now).to_std().unwrap_or_default().clamp(std::time::Duration::from_millis(10), second),
        None => second,
    })
}

/// A screen that has data shows it (the banner says it is stale) rather than the error of the query that
/// could not refresh it. The call list, the call, the board, the calendar, the overview and on call keep
/// their data by themselves; the org switcher and the profile put an error in its place.
fn keep_last_data(state: &mut State) {
    if state.orgs.loaded {
        state.orgs.error = None;
    }
    if state.profile.profile.is_some() {
        state.profile.error = None;
    }
}

/// The link is back: the current screen reads its data again, as `r` would.
fn reload(state: &mut State) -> Vec<Effect> {
    super::refresh(state)
}
