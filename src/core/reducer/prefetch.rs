//! Reading ahead while the user reads: the page after the one drawn, and the selected call's details.
//!
//! Bounded by construction: at most one page ahead and one call, each asked for once when what the user
//! sees changes (a page lands, the selection moves), never on a timer, so an idle console asks for nothing.
//! Each runs in a slot of its own (`Effect::Prefetch`): a newer read ahead supersedes (and cancels) the older
//! one, and the user's own requests never wait behind it. A key that wants what is read ahead takes it at
//! once when it has arrived, or adopts the request still on its way (no second read).

use crate::core::effect::{Effect, ReqId};
use crate::core::filter::CallFilter;
use crate::core::model::{Anchor, CallDetail, Cursor, Key, Page};
use crate::core::state::{Screen, State};

/// What a page read ahead was asked for with: it serves a key only when all of it still holds.
#[derive(Debug, Clone, PartialEq)]
pub struct PageKey {
    pub org: Key,
    pub filter: CallFilter,
    pub limit: usize,
    /// The drawn page's last row: the page read ahead is the one after it.
    pub after: Cursor,
}

#[derive(Debug, Default)]
pub struct Prefetch {
    /// Read ahead at all (`prefetch = false` in the config turns it off).
    pub enabled: bool,
    /// The page after the drawn one: asked for, then arrived.
    pub page: Option<(PageKey, Ahead<Page>)>,
    /// The selected call's details: asked for, then arrived.
    pub call: Option<((Key, Key), Ahead<CallDetail>)>,
    /// A call view waiting for the call read ahead (adopted): a newer read ahead in the same slot cancels it,
    /// and then that view must not stay waiting.
    pub adopted_call: Option<ReqId>,
    /// How many keys were answered from what was read ahead, and how many were not (for `bench`).
    pub hits: u64,
    pub misses: u64,
}

#[derive(Debug)]
pub enum Ahead<T> {
    Asked(ReqId),
    Arrived(T),
}

impl Prefetch {
    /// Forgets what was read ahead (a reload, a new org or filter: it may no longer be true).
    pub fn clear(&mut self) {
        self.page = None;
        self.call = None;
    }

    /// Whether `req` is the page read ahead still on its way.
    pub fn is_page(&self, req: ReqId) -> bool {
        matches!(self.page, Some((_, Ahead::Asked(r))) if r == req)
    }

    pub fn is_call(&self, req: ReqId) -> bool {
        matches!(self.call, Some((_, Ahead::Asked(r))) if r == req)
    }

    /// Keeps the page that arrived for `req` (the caller checked [`Prefetch::is_page`]); a failure is
    /// forgotten: the key that wants the page asks for it again and shows its own error.
    pub fn page_arrived(&mut self, result: Result<Page, ()>) {
        match (self.page.take(), result) {
            (Some((key, _)), Ok(page)) => self.page = Some((key, Ahead::Arrived(page))),
            _ => self.page = None,
        }
    }

    pub fn call_arrived(&mut self, result: Result<Option<CallDetail>, ()>) {
        match (self.call.take(), result) {
            (Some((key, _)), Ok(Some(detail))) => self.call = Some((key, Ahead::Arrived(detail))),
            _ => self.call = None,
        }
    }

    fn count(&mut self, hit: bool) {
        if hit {
            self.hits += 1;
        } else {
            self.misses += 1;
        }
    }
}

/// The key of the page after the drawn one, when there is one.
fn next_page_key(state: &State) -> Option<PageKey> {
    let calls = &state.calls;
    if !calls.page.has_after {
        return None;
    }
    Some(PageKey {
        org: calls.org.as_ref()?.key.clone(),
        filter: calls.filter.clone(),
        limit: state.page_size(),
        after: calls.page.rows.last()?.cursor(),
    })
}

/// After a page lands or the selection moves: read ahead what the next keys are likely to want.
pub fn ahead(state: &mut State) -> Vec<Effect> {
    if !state.prefetch.enabled || state.screen != Screen::Calls {
        return Vec::new();
    }
    let mut fx = Vec::new();
    fx.extend(ahead_page(state));
    fx.extend(ahead_call(state));
    fx
}

fn ahead_page(state: &mut State) -> Option<Effect> {
    let key = next_page_key(state)?;
    if state.prefetch.page.as_ref().is_some_and(|(k, _)| *k == key) {
        return None;
    }
    let dialect = state.dialect()?;
    let req = state.req();
    let effect = Effect::LoadCalls {
        req,
        dialect,
        org: key.org.clone(),
        anchor: Anchor::After(key.after.clone()),
        limit: key.limit,
        filter: key.filter.clone(),
        zone: state.calls.zone,
    };
    state.prefetch.page = Some((key, Ahead::Asked(req)));
    Some(Effect::Prefetch(Box::new(effect)))
}

/// The selected call, unless it is already shown or loading (beside the list, the preview reads it).
fn ahead_call(state: &mut State) -> Option<Effect> {
    if state.side_by_side() {
        return None;
    }
    let org = state.calls.org.as_ref()?.key.clone();
    let call = state.calls.page.rows.get(state.calls.selected)?.key.clone();
    if state.call.as_ref().is_some_and(|v| v.row.key == call) {
        return None;
    }
    let key = (org, call);
    if state.prefetch.call.as_ref().is_some_and(|(k, _)| *k == key) {
        return None;
    }
    let dialect = state.dialect()?;
    if let Some(r) = state.prefetch.adopted_call.take()
        && state.call.as_ref().and_then(|v| v.pending) == Some(r)
    {
        // That view's answer is about to be cancelled: opening the call again reads it anew.
        state.call = None;
    }
    let req = state.req();
    let effect = Effect::LoadCall { req, dialect, org: key.0.clone(), call: key.1.clone() };
    state.prefetch.call = Some((key, Ahead::Asked(req)));
    Some(Effect::Prefetch(Box::new(effect)))
}

/// What a key that wants the page after the drawn one gets from the read ahead.
pub enum PageTaken {
    /// It has arrived: draw it now.
    Page(Page),
    /// It is on its way: wait for this request's answer instead of asking again.
    Adopt(ReqId),
    None,
}

/// Takes the page after the drawn one (`Anchor::After` the drawn page's last row) if it was read ahead.
pub fn take_page(state: &mut State, anchor: &Anchor) -> PageTaken {
    if !state.prefetch.enabled {
        return PageTaken::None;
    }
    let wanted = next_page_key(state).filter(|k| matches!(anchor, Anchor::After(c) if *c == k.after));
    let taken = match (wanted, state.prefetch.page.take()) {
        (Some(w), Some((k, ahead))) if w == k => match ahead {
            Ahead::Arrived(page) => PageTaken::Page(page),
            Ahead::Asked(req) => PageTaken::Adopt(req),
        },
        (_, other) => {
            state.prefetch.page = other;
            PageTaken::None
        }
    };
    state.prefetch.count(matches!(taken, PageTaken::Page(_)));
    taken
}

/// What a key that opens `call` gets from the read ahead.
pub enum CallTaken {
    Detail(Box<CallDetail>),
    Adopt(ReqId),
    None,
}

pub fn take_call(state: &mut State, org: &Key, call: &Key) -> CallTaken {
    if !state.prefetch.enabled {
        return CallTaken::None;
    }
    let taken = match state.prefetch.call.take() {
        Some(((o, c), ahead)) if o == *org && c == *call => match ahead {
            Ahead::Arrived(d) => CallTaken::Detail(Box::new(d)),
            Ahead::Asked(req) => {
                state.prefetch.adopted_call = Some(req);
                CallTaken::Adopt(req)
            }
        },
        other => {
            state.prefetch.call = other;
            CallTaken::None
        }
    };
    state.prefetch.count(matches!(taken, CallTaken::Detail(_)));
    taken
}
