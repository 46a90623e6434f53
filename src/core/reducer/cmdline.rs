//! The `:` command line's decisions: editing, history, completion, and running a command.

use ratatui_textarea::{Input, Key as TKey};

use crate::core::cmdline::{self, Cmd};
use crate::core::effect::Effect;
use crate::core::keymap::Command;
use crate::core::model::{CallRow, Key};
use crate::core::state::{Screen, State, input_text, new_input};
use crate::core::textfield::FieldEvent;

pub fn open(state: &mut State) -> Vec<Effect> {
    state.cmdline =
        Some(new_input(":org <name> · :calls <filter> · :call <id> · :cal <date> · :oncall · :board · :messages · :q"));
    state.cmd_history_pos = None;
    Vec::new()
}

fn set_text(state: &mut State, text: &str) {
    if let Some(field) = state.cmdline.as_mut() {
        field.set_text(text);
    }
}

/// Keys for the command line: up/down (and ctrl-p/ctrl-n) walk the history, tab completes an org's name,
/// the rest edit the line (`core::textfield`); enter runs it, esc closes it.
pub fn input(state: &mut State, input: Input) -> Vec<Effect> {
    let Some(field) = state.cmdline.as_mut() else { return Vec::new() };
    let history = match (input.key, input.ctrl, input.alt) {
        (TKey::Up, false, false) | (TKey::Char('p'), true, false) => Some(true),
        (TKey::Down, false, false) | (TKey::Char('n'), true, false) => Some(false),
        _ => None,
    };
    if let Some(back) = history {
        let n = state.cmd_history.len();
        if n == 0 {
            return Vec::new();
        }
        let pos = match (state.cmd_history_pos, back) {
            (None, true) => Some(n - 1),
            (Some(p), true) => Some(p.saturating_sub(1)),
            (Some(p), false) if p + 1 < n => Some(p + 1),
            _ => None,
        };
        let text = pos.map(|p| state.cmd_history[p].clone()).unwrap_or_default();
        set_text(state, &text);
        state.cmd_history_pos = pos;
        return Vec::new();
    }
    if input.key == TKey::Tab {
        let line = input_text(field);
        let names: Vec<&str> = state.orgs.all.iter().map(|o| o.name.as_str()).collect();
        if let Some(done) = cmdline::complete(&line, &names) {
            set_text(state, &done);
        }
        return Vec::new();
    }
    match field.handle(input) {
        FieldEvent::Cancel => {
            state.cmdline = None;
            Vec::new()
        }
        FieldEvent::Submit(line) => {
            state.cmdline = None;
            if !line.trim().is_empty() && state.cmd_history.last() != Some(&line) {
                state.cmd_history.push(line.clone());
            }
            match cmdline::parse(&line) {
                Ok(cmd) => run(state, cmd),
                Err(e) => {
                    state.message = Some(e);
                    Vec::new()
                }
            }
        }
        FieldEvent::Edited | FieldEvent::Unchanged => Vec::new(),
    }
}

fn run(state: &mut State, cmd: Cmd) -> Vec<Effect> {
    let need_org = |state: &mut State| {
        let ok = state.calls.org.is_some();
        if !ok {
            state.message = Some("choose an organization first (:org <name>)".into());
        }
        ok
    };
    match cmd {
        Cmd::Quit => super::reduce(state, crate::core::action::Action::Command(Command::Quit)),
        Cmd::Help => {
            state.help = true;
            state.help_scroll = 0;
            Vec::new()
        }
        Cmd::Messages => super::overlay::open_messages(state),
        Cmd::Org(q) => {
            let found = match &state.conn {
                crate::core::state::Conn::Ready(info) => {
                    crate::core::model::find_visible_org(&state.orgs.all, &q, info).map_err(|(e, _)| e)
                }
                _ => crate::core::model::find_org(&state.orgs.all, &q),
            };
            match found.map(|o| o.key.clone()) {
                Ok(key) => super::open_org(state, &key),
                Err(e) => {
                    state.message = Some(e.message);
                    Vec::new()
                }
            }
        }
        Cmd::Calls(filter) => {
            if !need_org(state) {
                return Vec::new();
            }
            match crate::core::filter::CallFilter::parse(&filter) {
                Ok(f) => {
                    state.calls.filter = f;
                    state.screen = Screen::Calls;
                    super::load_calls(state, crate::core::model::Anchor::First, crate::core::state::Landing::FirstRow)
                }
                Err(e) => {
                    state.message = Some(e);
                    Vec::new()
                }
            }
        }
        Cmd::Call(id) => {
            let Some(org) = state.calls.org.as_ref().map(|o| o.key.clone()) else {
                need_org(state);
                return Vec::new();
            };
            super::open_call_from(state, org, CallRow::only_key(Key::parse(&id)), Screen::Calls)
        }
        Cmd::Cal(date) => {
            if !need_org(state) {
                return Vec::new();
            }
            let day = match date.as_deref().map(|d| (d, crate::core::calendar::parse_date(d, state.today()))) {
                Some((d, None)) => {
                    state.message = Some(format!("not a date: {d:?}"));
                    return Vec::new();
                }
                Some((_, day)) => day,
                None => None,
            };
            let fx = super::calendar::open(state);
            match day {
                // Straight to that day: today's grid is not asked for.
                Some(day) => {
                    state.calendar.pending = None;
                    super::calendar::go_to(state, day)
                }
                None => fx,
            }
        }
        Cmd::OnCall => super::reduce(state, crate::core::action::Action::Command(Command::OnCall)),
        Cmd::Board => super::board::open(state),
        Cmd::Caller(text) => super::caller::open_with(state, crate::core::caller::CallerQuery::parse(&text)),
        Cmd::Overview => super::reduce(state, crate::core::action::Action::Command(Command::Overview)),
        Cmd::Profile => super::reduce(state, crate::core::action::Action::Command(Command::Profile)),
    }
}
