//! The reducer: every decision of the console, as a plain function of state and action.

mod board;
mod calendar;
mod call;
pub(crate) mod caller;
mod calls;
mod cmdline;
pub mod link;
mod oncall;
mod orgs;
mod overlay;
mod overview;
pub mod prefetch;
mod profile;

use ratatui_textarea::{Input, Key as TKey};

use crate::core::action::Action;
use crate::core::effect::Effect;
use crate::core::keymap::Command;
use crate::core::model::Anchor;
use crate::core::state::{Conn, Landing, Screen, State};
use crate::core::textfield::TextField;

use call::*;
use calls::*;
pub use orgs::refilter;
use orgs::*;

/// The effects to run when the console starts.
pub fn init(state: &mut State) -> Vec<Effect> {
    let req = state.req();
    vec![Effect::Detect { req }]
}

/// Decides what an action does. Every message it shows is kept for `:messages` here, in one place: one this
/// action set (a key, a typed character or a notice sets its message anew, even the same text again).
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let before = state.message.clone();
    let fresh = matches!(action, Action::Command(_) | Action::Input(_) | Action::Notice(_));
    let fx = match action {
        Action::Command(cmd) if state.overlay() => overlay::command(state, cmd),
        action => reduce(state, action),
    };
    if let Some(m) = &state.message
        && (fresh || before.as_ref() != Some(m))
    {
        state.log_message(m.clone());
    }
    fx
}

fn reduce(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(cmd) => command(state, cmd),
        Action::Input(input) => text_input(state, input),
        Action::Resize { width, height } => {
            state.width = width;
            state.height = height;
            let w = state.transcript_width();
            let h = state.transcript_height();
            if let Some(c) = state.call.as_mut() {
                c.rewrap(w);
                c.scroll = c.scroll.min(c.max_scroll(h));
            }
            Vec::new()
        }
        Action::Detected { req: _, result, ms } => {
            state.last_query_ms = Some(ms);
            match result {
                Ok(info) => {
                    let dialect = info.dialect;
                    state.conn = Conn::Ready(info);
                    let mut fx = load_orgs(state, dialect);
                    if state.start_on_board && state.screen == Screen::Orgs {
                        fx.extend(board::open(state));
                    }
                    fx
                }
                Err(e) => {
                    state.conn = Conn::Failed(e.for_screen());
                    Vec::new()
                }
            }
        }
        Action::OrgsLoaded { req, result, ms } => {
            if state.orgs.pending != Some(req) {
                return Vec::new();
            }
            state.orgs.pending = None;
            state.last_query_ms = Some(ms);
            match result {
                Ok(orgs) => {
                    let Some(only) = state.only_org.clone() else {
                        state.orgs.set(orgs);
                        state.orgs.error = None;
                        refilter(state);
                        return open_start_org(state);
                    };
                    // A profile limited to one org: only it, opened at once.
                    match crate::core::model::find_org(&orgs, &only) {
                        Ok(org) => {
                            let key = org.key.clone();
                            state.orgs.set(vec![org.clone()]);
                            state.orgs.error = None;
                            refilter(state);
                            board::limit(state);
                            if state.screen == Screen::Orgs && state.calls.org.is_none() {
                                return open_org(state, &key);
                            }
                        }
                        Err(e) => {
                            state.orgs.set(Vec::new());
                            state.orgs.error = Some(format!("this profile is limited to the org {only:?}: {e}"));
                        }
                    }
                }
                Err(e) => state.orgs.error = Some(e.for_screen()),
            }
            Vec::new()
        }
        Action::CallsLoaded { req, anchor, result, ms } => {
            if state.prefetch.is_page(req) && state.calls.pending.map(|p| p.0) != Some(req) {
                state.prefetch.page_arrived(result.map_err(|_| ()));
                return Vec::new();
            }
            let Some((pending, landing)) = state.calls.pending else {
                return Vec::new();
            };
            if pending != req {
                return Vec::new();
            }
            state.calls.pending = None;
            state.calls.target = None;
            state.last_query_ms = Some(ms);
            match result {
                Ok(page) if page.rows.is_empty() && matches!(anchor, Anchor::Ahead { pages: 1.., .. }) => {
                    // Keys typed ahead ran past the end: the last page, on its last row.
                    let fx = load_calls(state, Anchor::Last, Landing::LastRow);
                    state.message = Some("end of the list".to_string());
                    return fx;
                }
                Ok(page) => {
                    apply_page(state, anchor, page, landing);
                    return preview_and_ahead(state);
                }
                Err(e)
                    if e.kind == crate::core::error::ErrorKind::Input
                        && state.calls.loaded
                        && state.calls.filter != state.calls.shown_filter =>
                {
                    // The new filter cannot be used here: the rows shown stay, under the filter they were read with.
                    state.calls.filter = state.calls.shown_filter.clone();
                    let kept = state.calls.filter.describe();
                    let kept =
                        if kept.is_empty() { "no filter".to_string() } else { format!("the filter stays {kept}") };
                    state.message = Some(format!("{}: {kept}", e.message));
                }
                Err(e) => state.calls.error = Some(e.for_screen()),
            }
            Vec::new()
        }
        Action::OnCallLoaded { req, result, ms } => {
            state.last_query_ms = Some(ms);
            oncall::loaded(state, req, shown(result));
            Vec::new()
        }
        Action::Acknowledged { req, result, ms } => {
            state.last_query_ms = Some(ms);
            oncall::acknowledged(state, req, shown(result))
        }
        Action::Tick => {
            let mut fx = link::tick(state);
            fx.extend(oncall::tick(state));
            fx
        }
        Action::Link { req, ok, error } => link::report(state, req, ok, error),
        Action::Click { x, y } => click(state, x, y),
        Action::Notice(text) => {
            state.message = Some(text);
            Vec::new()
        }
        Action::CallerOrgsFound { req, number, result, ms } => {
            state.last_query_ms = Some(ms);
            caller::orgs_found(state, req, number, shown(result));
            Vec::new()
        }
        Action::CallerLoaded { req, result, ms } => {
            state.last_query_ms = Some(ms);
            caller::loaded(state, req, shown(result));
            Vec::new()
        }
        Action::OverviewLoaded { req, result, ms } => {
            state.last_query_ms = Some(ms);
            overview::loaded(state, req, shown(result));
            Vec::new()
        }
        Action::BoardLoaded { req, result, ms, partial } => {
            state.last_query_ms = Some(ms);
            board::loaded(state, req, shown(result), partial);
            Vec::new()
        }
        Action::ProfileLoaded { req, result, ms } => {
            state.last_query_ms = Some(ms);
            profile::loaded(state, req, shown(result));
            Vec::new()
        }
        Action::StatusChanged { req, result, ms } => {
            state.last_query_ms = Some(ms);
            profile::status_changed(state, req, shown(result))
        }
        Action::MonthLoaded { req, from, result, ms } => {
            state.last_query_ms = Some(ms);
            calendar::month_loaded(state, req, from, shown(result))
        }
        Action::DayLoaded { req, day, result, ms } => {
            state.last_query_ms = Some(ms);
            calendar::day_loaded(state, req, day, shown(result));
            Vec::new()
        }
        Action::AppointmentLoaded { req, result, ms } => {
            state.last_query_ms = Some(ms);
            calendar::appointment_loaded(state, req, shown(result));
            Vec::new()
        }
        Action::CallLoaded { req, result, ms } => {
            if state.prefetch.is_call(req) && state.call.as_ref().and_then(|v| v.pending) != Some(req) {
                state.prefetch.call_arrived(result.map_err(|_| ()));
                return Vec::new();
            }
            let width = state.transcript_width();
            let Some(view) = state.call.as_mut() else {
                return Vec::new();
            };
            if view.pending != Some(req) {
                return Vec::new();
            }
            view.pending = None;
            state.last_query_ms = Some(ms);
            match result {
                Ok(Some(detail)) => set_detail(view, detail, width),
                Ok(None) => view.error = Some("this call no longer exists".to_string()),
                Err(e) => view.error = Some(e.for_screen()),
            }
            Vec::new()
        }
    }
}

/// A data error as the screen words it, decided from its kind (see [`DataError::for_screen`]).
fn shown<T>(r: Result<T, crate::core::error::DataError>) -> Result<T, String> {
    r.map_err(|e| e.for_screen())
}

fn command(state: &mut State, cmd: Command) -> Vec<Effect> {
    state.message = None;
    match cmd {
        Command::Quit => quit(state),
        Command::Help => {
            state.help = true;
            state.help_scroll = 0;
            Vec::new()
        }
        Command::Orgs => {
            open_switcher(state);
            Vec::new()
        }
        Command::Refresh => {
            let mut fx = link::retry_now(state);
            fx.extend(refresh(state));
            fx
        }
        Command::Calendar => calendar::open(state),
        Command::OnCall => oncall::open(state),
        Command::Profile => profile::open(state),
        Command::Board => board::open(state),
        Command::CommandLine => cmdline::open(state),
        Command::Messages => overlay::open_messages(state),
        Command::Overview => overview::open(state),
        Command::Caller => caller::open(state),
        _ => match state.screen {
            // The wheel (with mouse support) moves the switcher's selection.
            Screen::Orgs => {
                let n = state.orgs.matches.len();
                match cmd {
                    Command::Down => state.orgs.selected = (state.orgs.selected + 1).min(n.saturating_sub(1)),
                    Command::Up => state.orgs.selected = state.orgs.selected.saturating_sub(1),
                    _ => {}
                }
                Vec::new()
            }
            Screen::Calls => calls_command(state, cmd),
            Screen::Call => call_command(state, cmd),
            Screen::Calendar => calendar::command(state, cmd),
            Screen::OnCall => oncall::command(state, cmd),
            Screen::Profile => profile::command(state, cmd),
            Screen::Board => board::command(state, cmd),
            Screen::Overview => overview::command(state, cmd),
            Screen::Caller => caller::command(state, cmd),
        },
    }
}

fn quit(state: &mut State) -> Vec<Effect> {
    state.quit = true;
    vec![Effect::Quit]
}

fn refresh(state: &mut State) -> Vec<Effect> {
    state.prefetch.clear();
    let Some(dialect) = state.dialect() else {
        state.conn = Conn::Connecting;
        let req = state.req();
        return vec![Effect::Detect { req }];
    };
    match state.screen {
        Screen::Orgs => load_orgs(state, dialect),
        Screen::Calls => load_calls(state, Anchor::First, Landing::FirstRow),
        Screen::Call => {
            let req = state.req();
            let Some(org) = state.calls.org.as_ref().map(|o| o.key.clone()) else {
                return Vec::new();
            };
            let Some(view) = state.call.as_mut() else {
                return Vec::new();
            };
            view.pending = Some(req);
            vec![Effect::LoadCall { req, dialect, org, call: view.row.key.clone() }]
        }
        Screen::Calendar => calendar::reload(state),
        Screen::OnCall => {
            state.oncall.pending = None;
            oncall::load(state)
        }
        Screen::Profile => profile::load(state),
        Screen::Board => board::load(state),
        Screen::Overview => overview::load(state),
        Screen::Caller => caller::load(state),
    }
}

fn text_input(state: &mut State, input: Input) -> Vec<Effect> {
    state.message = None;
    let typing = matches!(input, Input { key: TKey::Char(_), ctrl: false, alt: false, .. });
    let fx = field_input(state, input);
    if typing && state.focused_field().is_some_and(TextField::is_full) {
        state.message = Some(format!(
            "a field holds at most {} characters: what follows is not typed",
            crate::core::textfield::MAX_CHARS
        ));
    }
    fx
}

fn field_input(state: &mut State, input: Input) -> Vec<Effect> {
    if state.cmdline.is_some() {
        return cmdline::input(state, input);
    }
    match state.screen {
        Screen::Orgs => org_input(state, input),
        Screen::Call => {
            let h = state.transcript_height();
            if let Some(view) = state.call.as_mut() {
                search_input(view, input, h);
            }
            Vec::new()
        }
        Screen::Calendar => calendar::goto_input(state, input),
        Screen::OnCall => oncall::time_input(state, input),
        Screen::Profile => profile::confirm_input(state, input),
        Screen::Board => board::filter_input(state, input),
        Screen::Overview => overview::range_input(state, input),
        Screen::Calls => filter_input(state, input),
        Screen::Caller => Vec::new(),
    }
}
