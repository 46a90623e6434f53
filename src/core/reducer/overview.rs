//! The org overview's decisions: the range (today, 7 d, 30 d, typed) and loading its figures.

use ratatui_textarea::Input;

use crate::core::effect::{Effect, ReqId};
use crate::core::keymap::Command;
use crate::core::overview::{Overview, Range};
use crate::core::state::{OverviewState, Screen, State, new_input};
use crate::core::textfield::FieldEvent;

pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(org) = state.calls.org.as_ref().map(|o| o.key.clone()) else {
        state.message = Some("choose an organization first (o)".to_string());
        return Vec::new();
    };
    state.screen = Screen::Overview;
    if state.overview.org.as_ref() != Some(&org) {
        let range = state.overview.range;
        state.overview = OverviewState { org: Some(org), range, ..Default::default() };
    }
    load(state)
}

pub fn load(state: &mut State) -> Vec<Effect> {
    let (Some(dialect), Some(org)) = (state.dialect(), state.overview.org.clone()) else { return Vec::new() };
    let (from, to) = state.overview.range.dates(state.today());
    let req = state.req();
    state.overview.pending = Some(req);
    vec![Effect::LoadOverview { req, dialect, org, from, to, zone: state.calls.zone }]
}

pub fn loaded(state: &mut State, req: ReqId, result: Result<Overview, String>) {
    let o = &mut state.overview;
    if o.pending != Some(req) {
        return;
    }
    o.pending = None;
    match result {
        Ok(d) => {
            o.data = Some(d);
            o.error = None;
        }
        Err(e) => o.error = Some(e),
    }
}

pub fn command(state: &mut State, cmd: Command) -> Vec<Effect> {
    match cmd {
        Command::Filter => {
            state.overview.range = match state.overview.range {
                Range::Today => Range::Days7,
                Range::Days7 => Range::Days30,
                Range::Days30 | Range::Custom(..) => Range::Today,
            };
            load(state)
        }
        Command::Today => {
            state.overview.range = Range::Today;
            load(state)
        }
        Command::GoTo => {
            state.overview.range_input = Some(new_input("2026-01-01..2026-01-31"));
            Vec::new()
        }
        Command::Back => {
            state.screen = Screen::Calls;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

pub fn range_input(state: &mut State, input: Input) -> Vec<Effect> {
    let Some(field) = state.overview.range_input.as_mut() else { return Vec::new() };
    match field.handle(input) {
        FieldEvent::Cancel => {
            state.overview.range_input = None;
            Vec::new()
        }
        FieldEvent::Submit(text) => {
            state.overview.range_input = None;
            match Range::parse(&text) {
                Ok(r) => {
                    state.overview.range = r;
                    load(state)
                }
                Err(e) => {
                    state.message = Some(e);
                    Vec::new()
                }
            }
        }
        FieldEvent::Edited | FieldEvent::Unchanged => Vec::new(),
    }
}
