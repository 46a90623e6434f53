//! The call list: keyset pages, moving and paging, the filter, the preview pane and the mouse.

use crate::core::effect::{Effect, SaveWhat};
use crate::core::keymap::Command;
use crate::core::model::{Anchor, Page};
use crate::core::state::{Landing, PageTarget, Screen, State};
use crate::core::textfield::{FieldEvent, TextField};
use ratatui_textarea::Input;

use super::*;

pub(super) fn apply_page(state: &mut State, anchor: Anchor, page: Page, landing: Landing) {
    let calls = &mut state.calls;
    calls.error = None;
    calls.loaded = true;
    calls.shown_filter = calls.filter.clone();
    if page.rows.is_empty() && !matches!(anchor, Anchor::First | Anchor::Last) {
        // Nothing further that way (rows were deleted meanwhile): keep what is shown.
        state.message = Some("no more calls".to_string());
        return;
    }
    calls.page_no = if !page.has_before {
        Some(1)
    } else {
        match anchor {
            Anchor::First => Some(1),
            Anchor::Last => None,
            Anchor::After(_) => calls.page_no.map(|n| n + 1),
            Anchor::Before(_) => calls.page_no.map(|n| n.saturating_sub(1).max(1)),
            Anchor::Ahead { cursor: Some(_), pages } => calls.page_no.map(|n| n + 1 + pages),
            Anchor::Ahead { cursor: None, pages } => Some(1 + pages),
            Anchor::Behind { cursor: Some(_), pages } => calls.page_no.map(|n| n.saturating_sub(1 + pages).max(1)),
            Anchor::Behind { cursor: None, .. } => None,
        }
    };
    let n = page.rows.len();
    calls.selected = match landing {
        Landing::FirstRow => 0,
        Landing::LastRow => n.saturating_sub(1),
        Landing::Row(i) => i.min(n.saturating_sub(1)),
    };
    calls.page = page;
}

/// Asks for a page of the call list, superseding any pending one (Top, Bottom, a new filter or org start
/// the pending target over from `First` or `Last`).
pub(crate) fn load_calls(state: &mut State, anchor: Anchor, landing: Landing) -> Vec<Effect> {
    state.prefetch.page = None;
    let target = match anchor {
        Anchor::First => Some(PageTarget::First(0)),
        Anchor::Last => Some(PageTarget::Last(0)),
        _ => None,
    };
    request_calls(state, anchor, landing, target)
}

pub(super) fn request_calls(
    state: &mut State,
    anchor: Anchor,
    landing: Landing,
    target: Option<PageTarget>,
) -> Vec<Effect> {
    let (Some(dialect), Some(org)) = (state.dialect(), state.calls.org.as_ref().map(|o| o.key.clone())) else {
        return Vec::new();
    };
    let req = state.req();
    let limit = state.page_size();
    state.calls.pending = Some((req, landing));
    state.calls.target = target;
    let (filter, zone) = (state.calls.filter.clone(), state.calls.zone);
    vec![Effect::LoadCalls { req, dialect, org, anchor, limit, filter, zone }]
}

/// Down, Up, PageDown, PageUp on the call list. They move from where the pending request goes when there
/// is one (its page and landing row), else on the page drawn, so that keys typed ahead of a slow page all
/// count: a move to another page asks for it, superseding the pending request (its slot cancels it); a
/// move back onto the page drawn needs none.
pub(super) fn navigate(state: &mut State, cmd: Command) -> Vec<Effect> {
    let calls = &state.calls;
    let (pending, target, landing, rows) = match (calls.pending, calls.target) {
        (Some((_, landing)), Some(t)) => (true, t, landing, state.page_size()),
        _ => (false, PageTarget::Drawn(0), Landing::Row(calls.selected), calls.page.rows.len()),
    };
    let last_row = rows.saturating_sub(1);
    let row = match landing {
        Landing::FirstRow => 0,
        Landing::LastRow => last_row,
        Landing::Row(i) => i.min(last_row),
    };
    // Pages to move, and where the selection lands.
    let (step, to): (i64, Landing) = match cmd {
        Command::PageDown => (1, landing),
        Command::PageUp => (-1, landing),
        Command::Down if row < last_row => (0, Landing::Row(row + 1)),
        Command::Down => (1, Landing::FirstRow),
        _ if row > 0 => (0, Landing::Row(row - 1)),
        _ => (-1, Landing::LastRow),
    };
    let moved = match target {
        PageTarget::Drawn(d) => {
            let page = &calls.page;
            let d = d + step;
            ((page.has_before || d >= 0) && (page.has_after || d <= 0)).then_some(PageTarget::Drawn(d))
        }
        PageTarget::First(p) => p.checked_add_signed(step).map(PageTarget::First),
        PageTarget::Last(p) => p.checked_add_signed(-step).map(PageTarget::Last),
    };
    let (target, to) = match moved {
        Some(t) => (t, to),
        None if step > 0 => {
            state.message = Some("end of the list".to_string());
            (target, if cmd == Command::PageDown { Landing::LastRow } else { landing })
        }
        None => {
            state.message = Some("top of the list".to_string());
            (target, Landing::FirstRow)
        }
    };
    let calls = &mut state.calls;
    if target == PageTarget::Drawn(0) {
        // On the page drawn: no request (a pending one's answer, no longer wanted, is dropped).
        calls.pending = None;
        calls.target = None;
        let n = calls.page.rows.len();
        calls.selected = match to {
            Landing::FirstRow => 0,
            Landing::LastRow => n.saturating_sub(1),
            Landing::Row(i) => i.min(n.saturating_sub(1)),
        };
        return preview_and_ahead(state);
    }
    if pending && calls.target == Some(target) {
        // The same page: only where the selection lands changes.
        if let Some(p) = calls.pending.as_mut() {
            p.1 = to;
        }
        return Vec::new();
    }
    let at = |i: usize| calls.page.rows.get(i).map(|r| r.cursor());
    let anchor = match target {
        PageTarget::First(0) => Some(Anchor::First),
        PageTarget::First(pages) => Some(Anchor::Ahead { cursor: None, pages }),
        PageTarget::Last(0) => Some(Anchor::Last),
        PageTarget::Last(pages) => Some(Anchor::Behind { cursor: None, pages }),
        PageTarget::Drawn(1) => at(last_drawn(calls)).map(Anchor::After),
        PageTarget::Drawn(-1) => at(0).map(Anchor::Before),
        PageTarget::Drawn(d) if d > 0 => {
            at(last_drawn(calls)).map(|c| Anchor::Ahead { cursor: Some(c), pages: d as u64 - 1 })
        }
        PageTarget::Drawn(d) => at(0).map(|c| Anchor::Behind { cursor: Some(c), pages: d.unsigned_abs() - 1 }),
    };
    let Some(anchor) = anchor else { return Vec::new() };
    match prefetch::take_page(state, &anchor) {
        prefetch::PageTaken::Page(page) => {
            state.calls.pending = None;
            state.calls.target = None;
            apply_page(state, anchor, page, to);
            preview_and_ahead(state)
        }
        prefetch::PageTaken::Adopt(req) => {
            // The page read ahead is on its way: its answer lands the page.
            state.calls.pending = Some((req, to));
            state.calls.target = Some(target);
            Vec::new()
        }
        prefetch::PageTaken::None => request_calls(state, anchor, to, Some(target)),
    }
}

/// After a page lands or the selection moves: the preview beside the list, and what to read ahead.
pub(super) fn preview_and_ahead(state: &mut State) -> Vec<Effect> {
    let mut fx = preview(state);
    fx.extend(prefetch::ahead(state));
    fx
}

pub(super) fn last_drawn(calls: &crate::core::state::CallsState) -> usize {
    calls.page.rows.len().saturating_sub(1)
}

pub(super) fn calls_command(state: &mut State, cmd: Command) -> Vec<Effect> {
    let sel = state.calls.selected;
    match cmd {
        Command::Down | Command::Up | Command::PageDown | Command::PageUp => navigate(state, cmd),
        Command::Top => load_calls(state, Anchor::First, Landing::FirstRow),
        Command::Bottom => load_calls(state, Anchor::Last, Landing::LastRow),
        Command::Save if !state.calls.page.rows.is_empty() => {
            vec![Effect::Save(SaveWhat::Calls { page: state.calls.page.clone(), zone: state.calls.zone })]
        }
        Command::Save => {
            state.message = Some(if state.calls.pending.is_some() {
                "nothing to save yet: the page is still loading".to_string()
            } else {
                "nothing to save: the list is empty".to_string()
            });
            Vec::new()
        }
        Command::Copy | Command::CopyMore => {
            let Some(row) = state.calls.page.rows.get(sel) else { return Vec::new() };
            match cmd {
                Command::Copy => vec![Effect::Copy { what: "call id".into(), text: row.key.to_string() }],
                _ => match &row.phone {
                    Some(p) => vec![Effect::Copy { what: "phone number".into(), text: p.clone() }],
                    None => {
                        state.message = Some("this call has no phone number".into());
                        Vec::new()
                    }
                },
            }
        }
        Command::Filter => {
            // The filter in effect, to edit (ctrl-u clears it).
            state.calls.filter_input = Some(TextField::with_text(
                "status:failed dir:inbound from:2026-01-01 to:2026-01-31 agent:ava phone:415 urgent words",
                &state.calls.filter.describe(),
            ));
            Vec::new()
        }
        Command::ClearFilter if !state.calls.filter.is_empty() => {
            state.calls.filter = Default::default();
            state.message = Some("filter cleared".to_string());
            load_calls(state, Anchor::First, Landing::FirstRow)
        }
        Command::Open => open_call(state),
        Command::Back => {
            open_switcher(state);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Selects the row under a click, in the org switcher and the call list.
pub(super) fn click(state: &mut State, x: u16, y: u16) -> Vec<Effect> {
    match state.screen {
        Screen::Calls => {
            // Rows start under the frame's top border and the header row.
            let list_width = if state.side_by_side() { crate::core::state::LIST_WIDTH } else { state.width };
            let n = state.calls.page.rows.len();
            match (y as usize).checked_sub(2) {
                Some(i) if x < list_width && i < n => {
                    state.calls.selected = i;
                    preview(state)
                }
                _ => Vec::new(),
            }
        }
        Screen::Orgs => {
            // Border, filter, rule and header above the rows; the list scrolls to keep the selection shown.
            let visible = (state.height as usize).saturating_sub(7).max(1);
            let offset = (state.orgs.selected + 1).saturating_sub(visible);
            if let Some(i) = (y as usize).checked_sub(4).map(|r| offset + r)
                && i < state.orgs.matches.len()
                && (y as usize) < 4 + visible
            {
                state.orgs.selected = i;
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// On wide terminals the selected call is shown beside the list: load it when the selection moves.
pub(super) fn preview(state: &mut State) -> Vec<Effect> {
    if !state.side_by_side() {
        return Vec::new();
    }
    let Some(row) = state.calls.page.rows.get(state.calls.selected) else { return Vec::new() };
    if state.call.as_ref().is_some_and(|c| c.row.key == row.key) {
        return Vec::new();
    }
    load_call_view(state)
}

/// Keys for the call-list filter field: enter applies it (from the first page), esc keeps the old one.
pub(super) fn filter_input(state: &mut State, input: Input) -> Vec<Effect> {
    let Some(field) = state.calls.filter_input.as_mut() else { return Vec::new() };
    match field.handle(input) {
        FieldEvent::Cancel => {
            state.calls.filter_input = None;
            Vec::new()
        }
        FieldEvent::Submit(text) => match crate::core::filter::CallFilter::parse(&text) {
            Ok(f) => {
                state.calls.filter_input = None;
                state.calls.filter = f;
                load_calls(state, Anchor::First, Landing::FirstRow)
            }
            Err(e) => {
                state.message = Some(e);
                Vec::new()
            }
        },
        FieldEvent::Edited | FieldEvent::Unchanged => Vec::new(),
    }
}
