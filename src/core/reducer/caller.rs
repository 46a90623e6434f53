//! The caller history's decisions: what `C` looks up on each screen, loading, moving along the timeline,
//! and opening a call from it.

use crate::core::caller::{CallerHistory, CallerQuery, OtherOrg};
use crate::core::effect::{Effect, ReqId, SaveWhat};
use crate::core::keymap::Command;
use crate::core::model::CallRow;
use crate::core::state::{CallerState, OnCallPane, Screen, State};

/// `C`: the caller of whatever is selected on the current screen.
pub fn open(state: &mut State) -> Vec<Effect> {
    let query = match state.screen {
        Screen::Calls => state.calls.page.rows.get(state.calls.selected).map(row_query),
        Screen::Call => state.call.as_ref().map(|c| match c.detail.as_ref().map(|d| &d.row).unwrap_or(&c.row) {
            r if r.phone.as_deref().is_some_and(|p| !p.trim().is_empty()) => row_query(r),
            r => CallerQuery::Call(r.key.clone()),
        }),
        Screen::Calendar => {
            let c = &state.calendar;
            let appt = match &c.detail {
                Some(d) => Some(&d.appt),
                None => state.calendar_agenda().get(c.agenda_sel).copied(),
            };
            match appt {
                Some(a) => match a.phone.as_deref().filter(|p| !p.trim().is_empty()) {
                    Some(p) => Some(CallerQuery::Phone(p.to_string())),
                    None => {
                        state.message = Some("this appointment has no phone number".to_string());
                        return Vec::new();
                    }
                },
                None => None,
            }
        }
        Screen::OnCall => oncall_query(state),
        Screen::Caller => return Vec::new(),
        _ => None,
    };
    match query {
        Some(q) => open_with(state, q),
        None => {
            state.message =
                Some("select a call, an appointment or a notification first, or type :caller <number or name>".into());
            Vec::new()
        }
    }
}

fn row_query(r: &CallRow) -> CallerQuery {
    match r.phone.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(p) => CallerQuery::Phone(p.to_string()),
        None => CallerQuery::Call(r.key.clone()),
    }
}

/// The call behind the selected notification, transfer or urgent call.
fn oncall_query(state: &State) -> Option<CallerQuery> {
    let oc = &state.oncall;
    let d = oc.data.as_ref()?;
    match oc.pane {
        OnCallPane::Notifications => oc.notifications().get(oc.sel).and_then(|n| n.call.clone()).map(CallerQuery::Call),
        OnCallPane::Transfers => d.transfers.get(oc.sel).and_then(|t| t.call.clone()).map(CallerQuery::Call),
        OnCallPane::Urgent => d.urgent_calls.get(oc.sel).map(row_query),
        OnCallPane::Roster => None,
    }
}

/// Enter in the org switcher: a typed phone number finds the orgs that have it on record; once they are
/// listed, Enter opens the number's history in the chosen one; otherwise it opens the org.
pub fn switcher_enter(state: &mut State) -> Vec<Effect> {
    if let Some(number) = state.orgs.caller.clone() {
        let fx = super::choose_org(state);
        if state.screen != Screen::Calls {
            return fx;
        }
        let mut fx = fx;
        fx.extend(open_with(state, CallerQuery::Phone(number)));
        return fx;
    }
    let text = crate::core::state::input_text(&state.orgs.filter);
    let is_key = uuid::Uuid::parse_str(text.trim()).is_ok();
    let Some(dialect) = state.dialect().filter(|_| !is_key && crate::core::caller::looks_like_phone(&text)) else {
        return super::choose_org(state);
    };
    let req = state.req();
    state.orgs.caller_pending = Some(req);
    state.message = Some(format!("looking for the orgs that have {} on record…", text.trim()));
    vec![Effect::FindCallerOrgs { req, dialect, number: text.trim().to_string() }]
}

/// The orgs with the typed number: the switcher lists them, or says there are none.
pub fn orgs_found(state: &mut State, req: ReqId, number: String, result: Result<Vec<OtherOrg>, String>) {
    if state.orgs.caller_pending != Some(req) {
        return;
    }
    state.orgs.caller_pending = None;
    match result {
        Ok(found) if found.is_empty() => {
            state.message = Some(format!("no organization has {number} on record"));
        }
        Ok(found) => {
            let o = &mut state.orgs;
            o.matches = found.iter().filter_map(|f| o.all.iter().position(|org| org.key == f.key)).collect();
            o.selected = 0;
            o.caller = Some(number);
            state.message = None;
        }
        Err(e) => state.message = Some(format!("✖ {e}")),
    }
}

/// Opens the caller view on `query` in the chosen org.
pub fn open_with(state: &mut State, query: CallerQuery) -> Vec<Effect> {
    let Some(org) = state.calls.org.as_ref().map(|o| o.key.clone()) else {
        state.message = Some("choose an organization first (o)".to_string());
        return Vec::new();
    };
    let back = if state.screen == Screen::Caller { state.caller.back } else { state.screen };
    let cross_org = state.caller.cross_org;
    state.caller = CallerState { org: Some(org), query: Some(query), back, cross_org, ..Default::default() };
    state.screen = Screen::Caller;
    load(state)
}

pub fn load(state: &mut State) -> Vec<Effect> {
    let (Some(dialect), Some(org), Some(query)) =
        (state.dialect(), state.caller.org.clone(), state.caller.query.clone())
    else {
        return Vec::new();
    };
    let req = state.req();
    state.caller.pending = Some(req);
    let (zone, cross_org) = (state.calls.zone, state.caller.cross_org);
    vec![Effect::LoadCaller { req, dialect, org, query, zone, cross_org }]
}

pub fn loaded(state: &mut State, req: ReqId, result: Result<CallerHistory, String>) {
    let c = &mut state.caller;
    if c.pending != Some(req) {
        return;
    }
    c.pending = None;
    match result {
        Ok(h) => {
            c.history = Some(h);
            c.error = None;
            c.selected = c.selected.min(c.rows().saturating_sub(1));
        }
        // The last history stays on screen with the error above it.
        Err(e) => c.error = Some(e),
    }
}

/// Timeline rows that fit: the screen less the header, the counts and the chrome.
fn visible(state: &State) -> usize {
    (state.height as usize).saturating_sub(14).max(1)
}

pub fn command(state: &mut State, cmd: Command) -> Vec<Effect> {
    let n = state.caller.rows();
    let page = visible(state);
    let c = &mut state.caller;
    match cmd {
        Command::Down => c.selected = (c.selected + 1).min(n.saturating_sub(1)),
        Command::Up => c.selected = c.selected.saturating_sub(1),
        Command::PageDown => c.selected = (c.selected + page).min(n.saturating_sub(1)),
        Command::PageUp => c.selected = c.selected.saturating_sub(page),
        Command::Top => c.selected = 0,
        Command::Bottom => c.selected = n.saturating_sub(1),
        Command::Back => state.screen = state.caller.back,
        Command::Open => return open_selected(state),
        Command::Copy => {
            let number = state.caller.history.as_ref().and_then(|h| h.phone.as_ref()).map(|p| p.display());
            if let Some(text) = number {
                return vec![Effect::Copy { what: "the phone number".to_string(), text }];
            }
        }
        Command::SaveJson => {
            if let Some(h) = &state.caller.history {
                return vec![Effect::Save(SaveWhat::Caller { history: Box::new(h.clone()), zone: state.calls.zone })];
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Enter: a name match opens that person's history; a timeline row opens its call's transcript.
fn open_selected(state: &mut State) -> Vec<Effect> {
    let Some(h) = &state.caller.history else { return Vec::new() };
    let sel = state.caller.selected;
    if h.phone.is_none() {
        let Some(m) = h.matches.get(sel) else { return Vec::new() };
        let Some(number) = m.number.clone().or_else(|| m.stored.clone()) else {
            state.message = Some(format!("{} has no usable phone number", m.name));
            return Vec::new();
        };
        return open_with(state, CallerQuery::Phone(number));
    }
    let Some(e) = h.events.get(sel) else { return Vec::new() };
    let Some(call) = e.call.clone() else {
        state.message = Some(format!("no call is linked to this {}", e.kind.word()));
        return Vec::new();
    };
    let Some(org) = state.caller.org.clone() else { return Vec::new() };
    let mut row = CallRow::only_key(call);
    if e.kind == crate::core::caller::EventKind::Call {
        row.created_at = e.at;
        row.status = e.status.clone();
        row.direction = e.direction.clone();
        row.duration_s = e.duration_s;
    }
    row.phone = h.phone.as_ref().map(|p| p.display());
    super::open_call_from(state, org, row, Screen::Caller)
}
