//! The org profile's decisions: loading, scrolling, and suspending or reactivating the org (write mode,
//! after typing the org's name).

use ratatui_textarea::Input;

use crate::core::effect::{Effect, ReqId};
use crate::core::keymap::Command;
use crate::core::profile::{OrgProfile, next_status};
use crate::core::state::{ProfileState, Screen, State, new_input};
use crate::core::textfield::FieldEvent;

pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(org) = state.calls.org.as_ref().map(|o| o.key.clone()) else {
        state.message = Some("choose an organization first (o)".to_string());
        return Vec::new();
    };
    state.screen = Screen::Profile;
    if state.profile.org.as_ref() != Some(&org) {
        state.profile = ProfileState { org: Some(org), ..Default::default() };
    }
    load(state)
}

pub fn load(state: &mut State) -> Vec<Effect> {
    let (Some(dialect), Some(org)) = (state.dialect(), state.profile.org.clone()) else { return Vec::new() };
    let req = state.req();
    state.profile.pending = Some(req);
    vec![Effect::LoadProfile { req, dialect, org }]
}

pub fn loaded(state: &mut State, req: ReqId, result: Result<Option<OrgProfile>, String>) {
    let p = &mut state.profile;
    if p.pending != Some(req) {
        return;
    }
    p.pending = None;
    match result {
        Ok(Some(profile)) => {
            p.profile = Some(profile);
            p.error = None;
        }
        Ok(None) => p.error = Some("this organization no longer exists".to_string()),
        Err(e) => p.error = Some(e),
    }
}

pub fn status_changed(state: &mut State, req: ReqId, result: Result<(), String>) -> Vec<Effect> {
    if state.profile.write_pending != Some(req) {
        return Vec::new();
    }
    state.profile.write_pending = None;
    match result {
        Ok(()) => {
            state.message = Some("✓ status changed".to_string());
            load(state)
        }
        Err(e) => {
            state.message = Some(format!("✖ status not changed: {e}"));
            Vec::new()
        }
    }
}

pub fn command(state: &mut State, cmd: Command) -> Vec<Effect> {
    // The body is the screen less the chrome: borders (2), status bar and footer (2).
    let visible = (state.height as usize).saturating_sub(4).max(1);
    let max = state.profile.profile.as_ref().map(|p| p.line_count().saturating_sub(visible)).unwrap_or(0);
    let p = &mut state.profile;
    match cmd {
        Command::Down => p.scroll = (p.scroll + 1).min(max),
        Command::Up => p.scroll = p.scroll.saturating_sub(1),
        Command::PageDown => p.scroll = (p.scroll + visible.saturating_sub(2).max(1)).min(max),
        Command::PageUp => p.scroll = p.scroll.saturating_sub(visible.saturating_sub(2).max(1)),
        Command::Top => p.scroll = 0,
        Command::Bottom => p.scroll = max,
        Command::Back => state.screen = Screen::Calls,
        Command::SetStatus => ask_status(state),
        _ => {}
    }
    Vec::new()
}

fn ask_status(state: &mut State) {
    let Some(dialect) = state.dialect() else { return };
    if !state.caps().org_status {
        state.message = Some(format!("the {} schema has no organization status to change", dialect.name()));
        return;
    }
    if state.read_only {
        state.message = Some("read-only session: start the console with --write to suspend or reactivate".to_string());
        return;
    }
    if state.profile.profile.is_none() {
        return;
    }
    state.profile.confirm = Some(new_input("type the organization's name exactly"));
}

/// Keys for the typed confirmation.
pub fn confirm_input(state: &mut State, input: Input) -> Vec<Effect> {
    let Some(field) = state.profile.confirm.as_mut() else { return Vec::new() };
    match field.handle(input) {
        FieldEvent::Cancel => {
            state.profile.confirm = None;
            state.message = Some("not changed".to_string());
            Vec::new()
        }
        FieldEvent::Submit(typed) => {
            state.profile.confirm = None;
            let (Some(dialect), Some(org)) = (state.dialect(), state.calls.org.clone()) else { return Vec::new() };
            if typed.trim() != org.name.trim() || state.read_only {
                state.message = Some("the name did not match: nothing changed".to_string());
                return Vec::new();
            }
            let previous = state.profile.profile.as_ref().and_then(|p| p.status.clone());
            let status = next_status(previous.as_deref()).to_string();
            let req = state.req();
            state.profile.write_pending = Some(req);
            state.message = Some(format!("setting the status to {status}…"));
            vec![Effect::SetOrgStatus { req, dialect, org: org.key, status, previous }]
        }
        FieldEvent::Edited | FieldEvent::Unchanged => Vec::new(),
    }
}
