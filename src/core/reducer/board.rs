//! The attention board's decisions: loading, selection, filtering, and jumping into an org.

use ratatui_textarea::Input;

use crate::core::board::BoardRow;
use crate::core::effect::{Effect, ReqId};
use crate::core::keymap::Command;
use crate::core::state::{Screen, State, input_text};
use crate::core::textfield::{FieldEvent, TextField};

pub fn open(state: &mut State) -> Vec<Effect> {
    state.screen = Screen::Board;
    if state.board.pending.is_some() {
        return Vec::new();
    }
    load(state)
}

pub fn load(state: &mut State) -> Vec<Effect> {
    let Some(dialect) = state.dialect() else { return Vec::new() };
    let req = state.req();
    state.board.pending = Some(req);
    vec![Effect::LoadBoard { req, dialect }]
}

pub fn loaded(state: &mut State, req: ReqId, result: Result<Vec<BoardRow>, String>, partial: bool) {
    let b = &mut state.board;
    if b.pending != Some(req) {
        return;
    }
    if !partial {
        b.pending = None;
    }
    match result {
        Ok(rows) => {
            b.rows = rows;
            b.loaded = true;
            b.error = None;
            limit(state);
        }
        Err(e) => b.error = Some(e),
    }
}

pub fn command(state: &mut State, cmd: Command) -> Vec<Effect> {
    let n = state.board_view().len();
    let b = &mut state.board;
    match cmd {
        Command::Down => b.selected = (b.selected + 1).min(n.saturating_sub(1)),
        Command::Up => b.selected = b.selected.saturating_sub(1),
        Command::PageDown => b.selected = (b.selected + 10).min(n.saturating_sub(1)),
        Command::PageUp => b.selected = b.selected.saturating_sub(10),
        Command::Filter => {
            b.filter_input = Some(TextField::with_text("words in the name, status or reason", &b.filter))
        }
        Command::ClearFilter => {
            b.filter.clear();
            b.selected = 0;
            state.refresh_board_view();
        }
        Command::Back if state.calls.org.is_some() => state.screen = Screen::Calls,
        Command::Back => super::open_switcher(state),
        Command::Open => {
            let Some(&(i, _)) = state.board_view().get(state.board.selected) else { return Vec::new() };
            let key = state.board.rows[i].key.clone();
            return super::open_org(state, &key);
        }
        _ => {}
    }
    Vec::new()
}

pub fn filter_input(state: &mut State, input: Input) -> Vec<Effect> {
    let Some(field) = state.board.filter_input.as_mut() else { return Vec::new() };
    // The board filters as it is typed; esc puts back the filter it had before.
    match field.handle(input) {
        FieldEvent::Cancel => {
            state.board.filter = field.initial().to_string();
            state.board.filter_input = None;
            state.board.selected = 0;
        }
        FieldEvent::Submit(text) => {
            state.board.filter = text;
            state.board.filter_input = None;
            state.board.selected = 0;
        }
        FieldEvent::Edited => {
            state.board.filter = input_text(field);
            state.board.selected = 0;
        }
        FieldEvent::Unchanged => return Vec::new(),
    }
    state.refresh_board_view();
    Vec::new()
}

/// A profile limited to one org keeps only that org's row (once the org list says which it is).
pub fn limit(state: &mut State) {
    if state.only_org.is_some() && state.orgs.loaded {
        let keys: Vec<&crate::core::model::Key> = state.orgs.all.iter().map(|o| &o.key).collect();
        state.board.rows.retain(|r| keys.contains(&&r.key));
    }
    state.refresh_board_view();
}
