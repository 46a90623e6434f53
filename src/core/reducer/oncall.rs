//! The on-call view's decisions: loading and refreshing, panes, the status filter, the instant looked at,
//! and acknowledging a notification (write mode only, after a yes).

use ratatui_textarea::Input;

use crate::core::effect::{Effect, ReqId};
use crate::core::keymap::Command;
use crate::core::model::{CallRow, Key};
use crate::core::oncall::{At, OnCallData, STATUS_FILTERS};
use crate::core::state::{OnCallPane, OnCallState, Screen, State, new_input};
use crate::core::textfield::FieldEvent;

pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(org) = state.calls.org.as_ref().map(|o| o.key.clone()) else {
        state.message = Some("choose an organization first (o)".to_string());
        return Vec::new();
    };
    state.screen = Screen::OnCall;
    if state.oncall.org.as_ref() != Some(&org) {
        let keep = (state.oncall.refresh_every_s, state.oncall.at);
        state.oncall = OnCallState { org: Some(org), refresh_every_s: keep.0, at: keep.1, ..Default::default() };
    }
    load(state)
}

pub fn load(state: &mut State) -> Vec<Effect> {
    let (Some(dialect), Some(org)) = (state.dialect(), state.oncall.org.clone()) else { return Vec::new() };
    if !state.caps().oncall || state.oncall.pending.is_some() {
        return Vec::new();
    }
    let req = state.req();
    state.oncall.pending = Some(req);
    state.oncall.last_try = Some(state.now);
    vec![Effect::LoadOnCall { req, dialect, org }]
}

/// Every second on this screen: refresh when the data is older than the refresh interval.
pub fn tick(state: &mut State) -> Vec<Effect> {
    if state.screen != Screen::OnCall {
        return Vec::new();
    }
    let due = match state.oncall.last_try {
        None => true,
        Some(t) => (state.now - t).num_seconds() >= state.oncall.refresh_every_s as i64,
    };
    if due { load(state) } else { Vec::new() }
}

pub fn loaded(state: &mut State, req: ReqId, result: Result<OnCallData, String>) {
    let oc = &mut state.oncall;
    if oc.pending != Some(req) {
        return;
    }
    oc.pending = None;
    match result {
        Ok(data) => {
            oc.data = Some(data);
            oc.error = None;
            oc.last_ok = Some(state.now);
        }
        // The last good data stays on screen, marked stale.
        Err(e) => oc.error = Some(e),
    }
}

pub fn acknowledged(state: &mut State, req: ReqId, result: Result<(), String>) -> Vec<Effect> {
    if state.oncall.ack_pending != Some(req) {
        return Vec::new();
    }
    state.oncall.ack_pending = None;
    match result {
        Ok(()) => {
            state.message = Some("✓ acknowledged".to_string());
            state.oncall.pending = None;
            load(state)
        }
        Err(e) => {
            state.message = Some(format!("✖ not acknowledged: {e}"));
            Vec::new()
        }
    }
}

fn pane_len(state: &State) -> usize {
    let oc = &state.oncall;
    let Some(d) = &oc.data else { return 0 };
    match oc.pane {
        OnCallPane::Notifications => oc.notifications().len(),
        OnCallPane::Transfers => d.transfers.len(),
        OnCallPane::Urgent => d.urgent_calls.len(),
        OnCallPane::Roster => d.contacts.len(),
    }
}

pub fn command(state: &mut State, cmd: Command) -> Vec<Effect> {
    if let Some(key) = state.oncall.confirm.take() {
        return if cmd == Command::Yes {
            acknowledge(state, key)
        } else {
            state.message = Some("not acknowledged".to_string());
            Vec::new()
        };
    }
    if state.oncall.detail.is_some() {
        match cmd {
            Command::Open => {
                let n = selected_notification(state);
                let (call, named) = (n.and_then(|n| n.call.clone()), n.and_then(|n| n.call_ref.clone()));
                return match call {
                    Some(c) => open_call(state, c),
                    None => {
                        state.message = Some(crate::core::oncall::no_call_message("notification", named.as_deref()));
                        Vec::new()
                    }
                };
            }
            Command::Acknowledge => {}
            _ => {
                state.oncall.detail = None;
                return Vec::new();
            }
        }
    }
    let n = pane_len(state);
    let oc = &mut state.oncall;
    match cmd {
        Command::Down => oc.sel = (oc.sel + 1).min(n.saturating_sub(1)),
        Command::Up => oc.sel = oc.sel.saturating_sub(1),
        Command::Details => {
            oc.pane = oc.pane.next();
            oc.sel = 0;
        }
        Command::Filter => {
            oc.filter = (oc.filter + 1) % STATUS_FILTERS.len();
            oc.sel = 0;
            oc.pane = OnCallPane::Notifications;
        }
        Command::SetTime => oc.time_input = Some(new_input("2026-11-21 22:30 (org time), 2026-11-22T03:30:00Z, now")),
        Command::Back => state.screen = Screen::Calls,
        Command::Open => return open_selected(state),
        Command::Acknowledge => return ask_acknowledge(state),
        _ => {}
    }
    Vec::new()
}

fn selected_notification(state: &State) -> Option<&crate::core::oncall::Notification> {
    state.oncall.notifications().get(state.oncall.sel).copied()
}

fn open_selected(state: &mut State) -> Vec<Effect> {
    let oc = &state.oncall;
    let Some(d) = &oc.data else { return Vec::new() };
    let mut named = None;
    let call = match oc.pane {
        OnCallPane::Notifications => {
            if let Some(n) = selected_notification(state) {
                state.oncall.detail = Some(n.key.clone());
            }
            return Vec::new();
        }
        OnCallPane::Transfers => {
            let t = d.transfers.get(oc.sel);
            named = t.and_then(|t| t.call_ref.clone());
            t.and_then(|t| t.call.clone())
        }
        OnCallPane::Urgent => d.urgent_calls.get(oc.sel).map(|c| c.key.clone()),
        OnCallPane::Roster => return Vec::new(),
    };
    match call {
        Some(c) => open_call(state, c),
        None => {
            state.message = Some(crate::core::oncall::no_call_message("transfer", named.as_deref()));
            Vec::new()
        }
    }
}

fn ask_acknowledge(state: &mut State) -> Vec<Effect> {
    let Some(n) = selected_notification(state).filter(|_| state.oncall.pane == OnCallPane::Notifications) else {
        state.message = Some("select a notification to acknowledge (tab to the notifications)".to_string());
        return Vec::new();
    };
    if n.status.as_deref() == Some("acknowledged") {
        state.message = Some("already acknowledged".to_string());
        return Vec::new();
    }
    let key = n.key.clone();
    if state.read_only {
        state.message = Some("read-only session: start the console with --write to acknowledge".to_string());
        return Vec::new();
    }
    state.oncall.confirm = Some(key);
    Vec::new()
}

fn acknowledge(state: &mut State, notification: Key) -> Vec<Effect> {
    let (Some(dialect), Some(org)) = (state.dialect(), state.oncall.org.clone()) else { return Vec::new() };
    if state.read_only {
        return Vec::new();
    }
    let req = state.req();
    state.oncall.ack_pending = Some(req);
    state.message = Some("acknowledging…".to_string());
    vec![Effect::Acknowledge { req, dialect, org, notification }]
}

fn open_call(state: &mut State, call: Key) -> Vec<Effect> {
    let Some(org) = state.oncall.org.clone() else { return Vec::new() };
    let known = state.oncall.data.as_ref().and_then(|d| d.urgent_calls.iter().find(|c| c.key == call).cloned());
    state.oncall.detail = None;
    super::open_call_from(state, org, known.unwrap_or_else(|| CallRow::only_key(call)), Screen::OnCall)
}

/// Keys for the "look at another instant" field.
pub fn time_input(state: &mut State, input: Input) -> Vec<Effect> {
    let Some(field) = state.oncall.time_input.as_mut() else { return Vec::new() };
    match field.handle(input) {
        FieldEvent::Cancel => state.oncall.time_input = None,
        FieldEvent::Submit(text) => {
            state.oncall.time_input = None;
            match At::parse(&text) {
                Ok(at) => state.oncall.at = at,
                Err(e) => state.message = Some(e),
            }
        }
        FieldEvent::Edited | FieldEvent::Unchanged => {}
    }
    Vec::new()
}
