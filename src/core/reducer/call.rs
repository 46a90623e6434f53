//! The call view: opening a call, its tabs, scrolling, copying and the transcript search.

use ratatui_textarea::Input;

use crate::core::effect::{Effect, SaveWhat};
use crate::core::keymap::Command;
use crate::core::model::CallDetail;
use crate::core::state::{CallTab, CallView, Screen, SearchBefore, State};
use crate::core::textfield::{FieldEvent, TextField};
use crate::core::transcript;

use super::*;

pub(super) fn set_detail(view: &mut CallView, detail: CallDetail, width: u16) {
    view.turns = detail.transcript.as_deref().map(transcript::parse).unwrap_or_default();
    view.row = detail.row.clone();
    view.detail = Some(detail);
    view.error = None;
    view.wrap_width = 0;
    view.lines.clear();
    view.rewrap(width);
    view.scroll = 0;
    if !view.search.query.is_empty() {
        view.search.matches = transcript::search(&view.turns, &view.search.query);
        view.search.current = None;
    }
}

pub(super) fn open_call(state: &mut State) -> Vec<Effect> {
    let selected = state.calls.page.rows.get(state.calls.selected).map(|r| r.key.clone());
    if selected.is_some() && state.call.as_ref().map(|c| c.row.key.clone()) == selected {
        // Already shown beside the list: just give it the whole screen.
        state.screen = Screen::Call;
        let (w, h) = (state.transcript_width(), state.transcript_height());
        if let Some(v) = state.call.as_mut() {
            v.rewrap(w);
            v.scroll = v.scroll.min(v.max_scroll(h));
        }
        return Vec::new();
    }
    let fx = load_call_view(state);
    state.screen = Screen::Call;
    let (w, h) = (state.transcript_width(), state.transcript_height());
    if let Some(v) = state.call.as_mut().filter(|v| v.detail.is_some()) {
        // Read ahead: wrapped for the list's width, shown now at the whole screen's.
        v.rewrap(w);
        v.scroll = v.scroll.min(v.max_scroll(h));
    }
    fx
}

pub(super) fn load_call_view(state: &mut State) -> Vec<Effect> {
    let (Some(dialect), Some(org)) = (state.dialect(), state.calls.org.as_ref()) else {
        return Vec::new();
    };
    let Some(row) = state.calls.page.rows.get(state.calls.selected).cloned() else {
        return Vec::new();
    };
    let org = org.key.clone();
    let call = row.key.clone();
    match prefetch::take_call(state, &org, &call) {
        prefetch::CallTaken::Detail(detail) => {
            let width = state.transcript_width();
            let mut view = CallView::new(state.calls.zone, row, 0);
            view.pending = None;
            set_detail(&mut view, *detail, width);
            state.call = Some(view);
            Vec::new()
        }
        prefetch::CallTaken::Adopt(req) => {
            state.call = Some(CallView::new(state.calls.zone, row, req));
            Vec::new()
        }
        prefetch::CallTaken::None => {
            let req = state.req();
            state.call = Some(CallView::new(state.calls.zone, row, req));
            vec![Effect::LoadCall { req, dialect, org, call }]
        }
    }
}

pub(super) fn call_command(state: &mut State, cmd: Command) -> Vec<Effect> {
    let h = state.transcript_height();
    let Some(view) = state.call.as_mut() else {
        state.screen = Screen::Calls;
        return Vec::new();
    };
    let max = view.max_scroll(h);
    let step = h.saturating_sub(2).max(1);
    if view.tab == CallTab::Details {
        let max = view.details.len().saturating_sub(h);
        let s = &mut view.details_scroll;
        match cmd {
            Command::Down => *s = (*s + 1).min(max),
            Command::Up => *s = s.saturating_sub(1),
            Command::PageDown => *s = (*s + step).min(max),
            Command::PageUp => *s = s.saturating_sub(step),
            Command::Top => *s = 0,
            Command::Bottom => *s = max,
            Command::Details => view.tab = CallTab::Transcript,
            Command::Back => state.screen = view.back,
            Command::Search => {
                view.tab = CallTab::Transcript;
                return call_command(state, cmd);
            }
            _ => {}
        }
        return Vec::new();
    }
    match cmd {
        Command::Details => view.tab = CallTab::Details,
        Command::Copy | Command::CopyMore | Command::CopyUrl => return copy_from_call(view, cmd, &mut state.message),
        Command::Save | Command::SaveJson => match &view.detail {
            Some(d) => {
                return vec![Effect::Save(SaveWhat::Transcript {
                    call: Box::new(d.clone()),
                    json: cmd == Command::SaveJson,
                })];
            }
            None => state.message = Some("the call is still loading".into()),
        },
        Command::Down => view.scroll = (view.scroll + 1).min(max),
        Command::Up => view.scroll = view.scroll.saturating_sub(1),
        Command::PageDown => view.scroll = (view.scroll + step).min(max),
        Command::PageUp => view.scroll = view.scroll.saturating_sub(step),
        Command::Top => view.scroll = 0,
        Command::Bottom => view.scroll = max,
        Command::Back => {
            state.screen = view.back;
            let w = state.transcript_width();
            if let Some(v) = state.call.as_mut() {
                v.rewrap(w);
            }
        }
        Command::Search => open_search(view),
        Command::NextMatch | Command::PrevMatch => {
            let n = view.search.matches.len();
            if n == 0 {
                state.message = Some(if view.search.query.is_empty() {
                    "no search: press / to search".to_string()
                } else {
                    format!("no matches for {:?}", view.search.query)
                });
                return Vec::new();
            }
            let next = match (view.search.current, cmd) {
                (None, _) => 0,
                (Some(i), Command::NextMatch) => (i + 1) % n,
                (Some(i), _) => (i + n - 1) % n,
            };
            jump_to_match(view, next, h);
        }
        _ => {}
    }
    Vec::new()
}

/// What the call view copies: the whole transcript, the turn at the top of the screen, the recording URL.
pub(super) fn copy_from_call(view: &CallView, cmd: Command, message: &mut Option<String>) -> Vec<Effect> {
    let Some(d) = &view.detail else {
        *message = Some("the call is still loading".into());
        return Vec::new();
    };
    let (what, text) = match cmd {
        Command::Copy => ("transcript", d.transcript.clone()),
        Command::CopyMore => {
            let turn = view.lines.get(view.scroll).and_then(|l| view.turns.get(l.turn as usize));
            ("turn", turn.map(|t| if t.label.is_empty() { t.text.clone() } else { format!("{}: {}", t.label, t.text) }))
        }
        _ => ("recording URL", d.facts.iter().find(|(k, _)| k.starts_with("Recording")).map(|(_, v)| v.clone())),
    };
    match text {
        Some(text) if !text.is_empty() => vec![Effect::Copy { what: what.into(), text }],
        _ => {
            *message = Some(format!("this call has no {what}"));
            Vec::new()
        }
    }
}

pub(super) fn jump_to_match(view: &mut CallView, i: usize, height: usize) {
    view.search.current = Some(i);
    let line = transcript::line_of(&view.lines, view.search.matches[i]);
    if line < view.scroll || line >= view.scroll + height {
        view.scroll = line.saturating_sub(height / 3).min(view.max_scroll(height));
    }
}

/// `/`: a new search, typed into an empty field; the one in effect stays until something is typed.
pub(super) fn open_search(view: &mut CallView) {
    let placeholder = if view.search.query.is_empty() {
        "search the transcript".to_string()
    } else {
        format!("search the transcript (enter: {:?} again)", view.search.query)
    };
    let s = &mut view.search;
    s.before = Some(SearchBefore { query: s.query.clone(), current: s.current, scroll: view.scroll });
    s.input = Some(TextField::new(&placeholder));
}

/// Keys for the transcript search, as in less and vim: each key searches again (from where the transcript
/// was when `/` was pressed); enter keeps the search, and on an empty field repeats the last one (the next
/// match, as `n`); esc brings back the search and the position from before `/`.
pub(super) fn search_input(view: &mut CallView, input: Input, height: usize) {
    let Some(field) = view.search.input.as_mut() else {
        return;
    };
    let event = field.handle(input);
    let typed = field.text().to_string();
    let before = view.search.before.clone().unwrap_or_default();
    match event {
        FieldEvent::Unchanged => {}
        FieldEvent::Edited if typed.is_empty() => restore_search(view, &before, height),
        FieldEvent::Edited => {
            view.scroll = before.scroll.min(view.max_scroll(height));
            view.search.query = typed;
            view.search.matches = transcript::search(&view.turns, &view.search.query);
            view.search.current = None;
            // The first match at or after the top of the screen, like less.
            let top = view.lines.get(view.scroll).map(|l| (l.turn, l.start)).unwrap_or((0, 0));
            if let Some(i) = view.search.matches.iter().position(|m| (m.turn, m.start) >= top) {
                jump_to_match(view, i, height);
            } else if !view.search.matches.is_empty() {
                jump_to_match(view, 0, height);
            }
        }
        FieldEvent::Submit(text) => {
            view.search.input = None;
            view.search.before = None;
            if text.is_empty() {
                restore_search(view, &before, height);
                let n = view.search.matches.len();
                if n > 0 {
                    jump_to_match(view, view.search.current.map_or(0, |i| (i + 1) % n), height);
                }
            }
        }
        FieldEvent::Cancel => {
            restore_search(view, &before, height);
            view.search.input = None;
            view.search.before = None;
        }
    }
}

/// The search from before `/` back in effect, the transcript where it was.
pub(super) fn restore_search(view: &mut CallView, before: &SearchBefore, height: usize) {
    if view.search.query != before.query {
        view.search.query = before.query.clone();
        view.search.matches = transcript::search(&view.turns, &view.search.query);
    }
    view.search.current = before.current.filter(|&i| i < view.search.matches.len());
    view.scroll = before.scroll.min(view.max_scroll(height));
}

/// Opens one call's view from another screen (calendar, on call); Back returns there. `row` is what is
/// already known of the call, if anything.
pub(crate) fn open_call_from(
    state: &mut State,
    org: crate::core::model::Key,
    row: crate::core::model::CallRow,
    back: Screen,
) -> Vec<Effect> {
    let Some(dialect) = state.dialect() else { return Vec::new() };
    let req = state.req();
    let call = row.key.clone();
    let mut view = CallView::new(state.calls.zone, row, req);
    view.back = back;
    state.call = Some(view);
    state.screen = Screen::Call;
    vec![Effect::LoadCall { req, dialect, org, call }]
}
