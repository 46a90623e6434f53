//! The org switcher: the org list, its fuzzy filter, and opening an org (from the switcher, the board,
//! `--org` or `:org`).

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};
use ratatui_textarea::{Input, Key as TKey};

use crate::core::effect::Effect;
use crate::core::model::{Anchor, Page};
use crate::core::state::{Conn, Landing, Screen, State, input_text};
use crate::core::textfield::FieldEvent;
use crate::core::time::OrgZone;

use super::*;

pub(super) fn load_orgs(state: &mut State, dialect: crate::core::model::Dialect) -> Vec<Effect> {
    let req = state.req();
    state.orgs.pending = Some(req);
    vec![Effect::LoadOrgs { req, dialect }]
}

/// Keys in the org switcher: the selection keys move in the list, every other key edits its filter.
pub(super) fn org_input(state: &mut State, input: Input) -> Vec<Effect> {
    let n = state.orgs.matches.len();
    let sel = state.orgs.selected;
    match (input.key, input.ctrl, input.alt) {
        (TKey::Up, ..) | (TKey::Char('p'), true, false) => state.orgs.selected = sel.saturating_sub(1),
        (TKey::Down, ..) | (TKey::Char('n'), true, false) => state.orgs.selected = (sel + 1).min(n.saturating_sub(1)),
        (TKey::PageUp, ..) => state.orgs.selected = sel.saturating_sub(10),
        (TKey::PageDown, ..) => state.orgs.selected = (sel + 10).min(n.saturating_sub(1)),
        (TKey::Char('c'), true, false) => return quit(state),
        (TKey::Char(':'), false, false) if state.orgs.filter.is_empty() => return cmdline::open(state),
        // The attention board is one key away from the switcher too.
        (TKey::Tab, ..) => return board::open(state),
        _ => match state.orgs.filter.handle(input) {
            FieldEvent::Submit(_) => return caller::switcher_enter(state),
            FieldEvent::Cancel => {
                if state.calls.org.is_some() {
                    state.screen = if state.call.is_some() { Screen::Call } else { Screen::Calls };
                }
            }
            FieldEvent::Edited => refilter(state),
            FieldEvent::Unchanged => {}
        },
    }
    Vec::new()
}

/// Opens the org switcher afresh: an empty filter (the whole list), the open org selected when it is listed.
pub(crate) fn open_switcher(state: &mut State) {
    state.screen = Screen::Orgs;
    state.orgs.filter.clear();
    refilter(state);
    let open = state.calls.org.as_ref().map(|o| &o.key);
    let all = &state.orgs.all;
    if let Some(i) = state.orgs.matches.iter().position(|&i| Some(&all[i].key) == open) {
        state.orgs.selected = i;
    }
}

pub(crate) fn choose_org(state: &mut State) -> Vec<Effect> {
    let Some(&idx) = state.orgs.matches.get(state.orgs.selected) else {
        state.message = Some("no organization matches".to_string());
        return Vec::new();
    };
    let key = state.orgs.all[idx].key.clone();
    open_org(state, &key)
}

/// Opens an org's call list (from the switcher or the board), starting over when it is another org.
pub(crate) fn open_org(state: &mut State, key: &crate::core::model::Key) -> Vec<Effect> {
    let Some(org) = state.orgs.all.iter().find(|o| &o.key == key).cloned() else {
        state.message = Some("this organization is not in the org list (r reloads it)".to_string());
        return Vec::new();
    };
    let same = state.calls.org.as_ref().is_some_and(|o| o.key == org.key);
    state.screen = Screen::Calls;
    if same {
        return Vec::new();
    }
    state.calls.zone = OrgZone::from_name(org.timezone.as_deref());
    state.calls.org = Some(org);
    state.calls.filter = Default::default();
    state.calls.page = Page::default();
    state.calls.selected = 0;
    state.calls.page_no = None;
    state.calls.loaded = false;
    state.calls.error = None;
    state.call = None;
    state.prefetch.clear();
    state.calendar = Default::default();
    state.oncall.org = None;
    state.profile.org = None;
    state.overview.org = None;
    load_calls(state, Anchor::First, Landing::FirstRow)
}

/// Recomputes the org matches for the filter text (fuzzy, on name and id), best first.
pub fn refilter(state: &mut State) {
    state.orgs.caller = None;
    let q = input_text(&state.orgs.filter);
    let n = state.orgs.all.len();
    state.orgs.matches = if q.trim().is_empty() {
        (0..n).collect()
    } else {
        let pattern = Pattern::parse(&q, CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut scored: Vec<(u32, usize)> = state
            .orgs
            .haystacks
            .iter()
            .enumerate()
            .filter_map(|(i, h)| Some((pattern.score(h.slice(..), &mut matcher)?, i)))
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    };
    state.orgs.selected = 0;
}

/// `--org`: once the org list first loads, the console opens on that org's calls (the list stays whole).
/// An org that matches nothing or several says so in the switcher, with what was asked typed in its filter
/// when several match, so that the candidates are listed.
pub(super) fn open_start_org(state: &mut State) -> Vec<Effect> {
    let Some(query) = state.start_org.take() else {
        return Vec::new();
    };
    let found = match &state.conn {
        Conn::Ready(info) => crate::core::model::find_visible_org(&state.orgs.all, &query, info).map_err(|(e, _)| e),
        _ => crate::core::model::find_org(&state.orgs.all, &query),
    };
    match found.map(|o| o.key.clone()) {
        Ok(key) if state.calls.org.is_none() => open_org(state, &key),
        Ok(_) => Vec::new(),
        Err(e) => {
            state.screen = Screen::Orgs;
            state.message = Some(format!("--org: {e}"));
            if !e.none && state.orgs.filter.is_empty() {
                state.orgs.filter.set_text(query.trim());
                refilter(state);
            }
            Vec::new()
        }
    }
}
