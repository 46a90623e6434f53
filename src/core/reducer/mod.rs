//! The reducer: every decision of the console, as a plain function of state and action.

mod board;
mod calendar;
pub(crate) mod caller;
mod cmdline;
pub mod link;
mod oncall;
mod overlay;
mod overview;
pub mod prefetch;
mod profile;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};
use ratatui_textarea::{Input, Key as TKey};

use crate::core::action::Action;
use crate::core::effect::{Effect, SaveWhat};
use crate::core::keymap::Command;
use crate::core::model::{Anchor, CallDetail, Page};
use crate::core::state::{CallTab, CallView, Conn, Landing, PageTarget, Screen, SearchBefore, State, input_text};
use crate::core::textfield::{FieldEvent, TextField};
use crate::core::time::OrgZone;
use crate::core::transcript;

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

fn load_orgs(state: &mut State, dialect: crate::core::model::Dialect) -> Vec<Effect> {
    let req = state.req();
    state.orgs.pending = Some(req);
    vec![Effect::LoadOrgs { req, dialect }]
}

fn apply_page(state: &mut State, anchor: Anchor, page: Page, landing: Landing) {
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

fn set_detail(view: &mut CallView, detail: CallDetail, width: u16) {
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

fn request_calls(state: &mut State, anchor: Anchor, landing: Landing, target: Option<PageTarget>) -> Vec<Effect> {
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
fn navigate(state: &mut State, cmd: Command) -> Vec<Effect> {
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
fn preview_and_ahead(state: &mut State) -> Vec<Effect> {
    let mut fx = preview(state);
    fx.extend(prefetch::ahead(state));
    fx
}

fn last_drawn(calls: &crate::core::state::CallsState) -> usize {
    calls.page.rows.len().saturating_sub(1)
}

fn calls_command(state: &mut State, cmd: Command) -> Vec<Effect> {
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
fn click(state: &mut State, x: u16, y: u16) -> Vec<Effect> {
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
fn preview(state: &mut State) -> Vec<Effect> {
    if !state.side_by_side() {
        return Vec::new();
    }
    let Some(row) = state.calls.page.rows.get(state.calls.selected) else { return Vec::new() };
    if state.call.as_ref().is_some_and(|c| c.row.key == row.key) {
        return Vec::new();
    }
    load_call_view(state)
}

fn open_call(state: &mut State) -> Vec<Effect> {
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

fn load_call_view(state: &mut State) -> Vec<Effect> {
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

fn call_command(state: &mut State, cmd: Command) -> Vec<Effect> {
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
fn copy_from_call(view: &CallView, cmd: Command, message: &mut Option<String>) -> Vec<Effect> {
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

fn jump_to_match(view: &mut CallView, i: usize, height: usize) {
    view.search.current = Some(i);
    let line = transcript::line_of(&view.lines, view.search.matches[i]);
    if line < view.scroll || line >= view.scroll + height {
        view.scroll = line.saturating_sub(height / 3).min(view.max_scroll(height));
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

/// Keys for the call-list filter field: enter applies it (from the first page), esc keeps the old one.
fn filter_input(state: &mut State, input: Input) -> Vec<Effect> {
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

/// Keys in the org switcher: the selection keys move in the list, every other key edits its filter.
fn org_input(state: &mut State, input: Input) -> Vec<Effect> {
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

/// `/`: a new search, typed into an empty field; the one in effect stays until something is typed.
fn open_search(view: &mut CallView) {
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
fn search_input(view: &mut CallView, input: Input, height: usize) {
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
fn restore_search(view: &mut CallView, before: &SearchBefore, height: usize) {
    if view.search.query != before.query {
        view.search.query = before.query.clone();
        view.search.matches = transcript::search(&view.turns, &view.search.query);
    }
    view.search.current = before.current.filter(|&i| i < view.search.matches.len());
    view.scroll = before.scroll.min(view.max_scroll(height));
}

/// `--org`: once the org list first loads, the console opens on that org's calls (the list stays whole).
/// An org that matches nothing or several says so in the switcher, with what was asked typed in its filter
/// when several match, so that the candidates are listed.
fn open_start_org(state: &mut State) -> Vec<Effect> {
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
