//! The calendar's decisions: moving the cursor, loading the grid's counts and the cursor day's
//! appointments, the agenda, the detail.

use chrono::Duration;
use ratatui_textarea::Input;

use crate::core::calendar::{self, Appointment, AppointmentDetail, DayCount};
use crate::core::effect::{Effect, ReqId};
use crate::core::keymap::Command;
use crate::core::model::{CallRow, Key};
use crate::core::state::{ApptView, CalendarState, Screen, State, new_input};
use crate::core::textfield::FieldEvent;

/// Opens the calendar of the chosen org (on today the first time).
pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(org) = state.calls.org.as_ref().map(|o| o.key.clone()) else {
        state.message = Some("choose an organization first (o)".to_string());
        return Vec::new();
    };
    state.screen = Screen::Calendar;
    if state.calendar.org.as_ref() != Some(&org) {
        state.calendar = CalendarState { org: Some(org), cursor: state.today(), ..Default::default() };
    }
    load_if_needed(state)
}

/// `r` (and a recovered link): the grid's counts and the cursor day's appointments again.
pub fn reload(state: &mut State) -> Vec<Effect> {
    let cal = &mut state.calendar;
    (cal.loaded_from, cal.pending, cal.day, cal.day_pending, cal.day_error) = (None, None, None, None, None);
    open(state)
}

/// Asks for the grid's counts unless they are loaded or on their way; on a loaded grid, for the cursor
/// day's appointments.
fn load_if_needed(state: &mut State) -> Vec<Effect> {
    let Some(dialect) = state.dialect() else { return Vec::new() };
    if !state.caps().appointments {
        return Vec::new();
    }
    let cal = &state.calendar;
    let from = cal.grid_start();
    if cal.covers_grid() {
        // Back on the grid that is loaded: an answer for another grid still on its way is not wanted.
        state.calendar.pending = None;
        return load_day(state);
    }
    if cal.pending.map(|p| p.1) == Some(from) {
        return Vec::new();
    }
    let Some(org) = cal.org.clone() else { return Vec::new() };
    let req = state.req();
    state.calendar.pending = Some((req, from));
    vec![Effect::LoadMonth {
        req,
        dialect,
        org,
        from,
        to: from + Duration::days(calendar::GRID_DAYS),
        zone: state.calls.zone,
    }]
}

/// Asks for the cursor day's appointments once its grid's counts are in (latest wins: moving on asks for
/// the next day and the runner drops this one). A day the counts say is empty needs no query.
fn load_day(state: &mut State) -> Vec<Effect> {
    let cal = &state.calendar;
    let day = cal.cursor;
    let Some(count) = cal.count_of(day) else { return Vec::new() };
    if cal.day_loaded() {
        state.calendar.day_pending = None;
        return Vec::new();
    }
    if cal.day_pending.map(|p| p.1) == Some(day) {
        return Vec::new();
    }
    if count.total == 0 {
        let cal = &mut state.calendar;
        (cal.day_appts, cal.day, cal.day_pending, cal.day_error) = (Vec::new(), Some(day), None, None);
        return Vec::new();
    }
    let (Some(dialect), Some(org)) = (state.dialect(), cal.org.clone()) else { return Vec::new() };
    let req = state.req();
    state.calendar.day_pending = Some((req, day));
    vec![Effect::LoadDay { req, dialect, org, day, zone: state.calls.zone }]
}

pub fn month_loaded(
    state: &mut State,
    req: ReqId,
    from: chrono::NaiveDate,
    result: Result<Vec<DayCount>, String>,
) -> Vec<Effect> {
    let cal = &mut state.calendar;
    if cal.pending.map(|p| p.0) != Some(req) {
        return Vec::new();
    }
    cal.pending = None;
    match result {
        Ok(mut counts) => {
            counts.resize(calendar::GRID_DAYS as usize, DayCount::default());
            cal.counts = counts;
            cal.loaded_from = Some(from);
            cal.error = None;
            // The day shown is read again with its grid's counts, so the two agree.
            (cal.day, cal.day_pending, cal.day_error) = (None, None, None);
            load_day(state)
        }
        Err(e) => {
            cal.error = Some(e);
            Vec::new()
        }
    }
}

pub fn day_loaded(state: &mut State, req: ReqId, day: chrono::NaiveDate, result: Result<Vec<Appointment>, String>) {
    let cal = &mut state.calendar;
    if cal.day_pending.map(|p| p.0) != Some(req) {
        return;
    }
    cal.day_pending = None;
    match result {
        Ok(appts) => {
            (cal.day_appts, cal.day, cal.day_error) = (appts, Some(day), None);
            let n = state.calendar_agenda().len();
            state.calendar.agenda_sel = state.calendar.agenda_sel.min(n.saturating_sub(1));
        }
        Err(e) => cal.day_error = Some((day, e)),
    }
}

pub fn appointment_loaded(state: &mut State, req: ReqId, result: Result<Option<AppointmentDetail>, String>) {
    let Some(view) = state.calendar.detail.as_mut() else { return };
    if view.pending != Some(req) {
        return;
    }
    view.pending = None;
    match result {
        Ok(Some(d)) => view.detail = Some(d),
        Ok(None) => view.error = Some("this appointment no longer exists".to_string()),
        Err(e) => view.error = Some(e),
    }
}

/// Puts the cursor on a day (loading its grid when needed). The effects of an `open` just before were
/// dropped by the caller, so nothing is taken as on its way.
pub fn go_to(state: &mut State, day: chrono::NaiveDate) -> Vec<Effect> {
    (state.calendar.pending, state.calendar.day_pending) = (None, None);
    move_to(state, day)
}

fn move_to(state: &mut State, day: chrono::NaiveDate) -> Vec<Effect> {
    state.calendar.cursor = day;
    state.calendar.agenda_sel = 0;
    load_if_needed(state)
}

pub fn command(state: &mut State, cmd: Command) -> Vec<Effect> {
    let cur = state.calendar.cursor;
    if state.calendar.detail.is_some() {
        return detail_command(state, cmd);
    }
    let n = state.calendar_agenda().len();
    match cmd {
        Command::Left => move_to(state, cur - Duration::days(1)),
        Command::Right => move_to(state, cur + Duration::days(1)),
        Command::Up if state.calendar.agenda_focus => {
            state.calendar.agenda_sel = state.calendar.agenda_sel.saturating_sub(1);
            Vec::new()
        }
        Command::Down if state.calendar.agenda_focus => {
            state.calendar.agenda_sel = (state.calendar.agenda_sel + 1).min(n.saturating_sub(1));
            Vec::new()
        }
        Command::Up => move_to(state, cur - Duration::days(7)),
        Command::Down => move_to(state, cur + Duration::days(7)),
        Command::PrevMonth => move_to(state, calendar::add_months(cur, -1)),
        Command::NextMonth => move_to(state, calendar::add_months(cur, 1)),
        Command::Today => {
            let today = state.today();
            move_to(state, today)
        }
        Command::GoTo => {
            state.calendar.goto = Some(new_input("2026-03-08, 2026-03 or 3/8"));
            Vec::new()
        }
        Command::Details => {
            state.calendar.agenda_focus = !state.calendar.agenda_focus;
            Vec::new()
        }
        Command::Open if !state.calendar.agenda_focus => {
            let cal = &state.calendar;
            let loading = !cal.day_loaded() && cal.count_of(cur).map_or(cal.pending.is_some(), |c| c.total > 0);
            if n == 0 && loading {
                state.message = Some("the day's appointments are still loading".to_string());
            } else if n == 0 {
                state.message = Some("no appointments on this day".to_string());
            } else {
                state.calendar.agenda_focus = true;
                state.calendar.agenda_sel = 0;
            }
            Vec::new()
        }
        Command::Open => open_detail(state),
        Command::Back if state.calendar.agenda_focus => {
            state.calendar.agenda_focus = false;
            Vec::new()
        }
        Command::Back => {
            state.screen = Screen::Calls;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn open_detail(state: &mut State) -> Vec<Effect> {
    let Some(appt) = state.calendar_agenda().get(state.calendar.agenda_sel).map(|a| (*a).clone()) else {
        return Vec::new();
    };
    let (Some(dialect), Some(org)) = (state.dialect(), state.calendar.org.clone()) else { return Vec::new() };
    let req = state.req();
    let key = appt.key.clone();
    state.calendar.detail = Some(ApptView { appt, detail: None, pending: Some(req), error: None });
    vec![Effect::LoadAppointment { req, dialect, org, appt: key }]
}

fn detail_command(state: &mut State, cmd: Command) -> Vec<Effect> {
    match cmd {
        Command::Back | Command::Details => {
            state.calendar.detail = None;
            Vec::new()
        }
        Command::Open => {
            let call = state.calendar.detail.as_ref().and_then(|v| v.detail.as_ref()).and_then(|d| d.call.clone());
            match call {
                Some(call) => open_call(state, call),
                None => {
                    state.message = Some("no call is linked to this appointment".to_string());
                    Vec::new()
                }
            }
        }
        _ => Vec::new(),
    }
}

/// Opens the transcript of the call that booked the appointment; Back returns to the calendar.
fn open_call(state: &mut State, call: Key) -> Vec<Effect> {
    let Some(org) = state.calendar.org.clone() else { return Vec::new() };
    super::open_call_from(state, org, CallRow::only_key(call), Screen::Calendar)
}

/// Keys for the "go to date" field.
pub fn goto_input(state: &mut State, input: Input) -> Vec<Effect> {
    let Some(field) = state.calendar.goto.as_mut() else { return Vec::new() };
    match field.handle(input) {
        FieldEvent::Cancel => {
            state.calendar.goto = None;
            Vec::new()
        }
        FieldEvent::Submit(text) => {
            state.calendar.goto = None;
            match calendar::parse_date(&text, state.today()) {
                Some(day) => move_to(state, day),
                None => {
                    state.message = Some(format!("not a date: {text:?} (try 2026-03-08, 2026-03 or 3/8)"));
                    Vec::new()
                }
            }
        }
        FieldEvent::Edited | FieldEvent::Unchanged => Vec::new(),
    }
}
