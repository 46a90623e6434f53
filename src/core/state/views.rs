//! The state of the calendar, on call, the profile, the board, the overview and the caller history.

use chrono::{DateTime, NaiveDate, Utc};

use crate::core::calendar::{self, Appointment, AppointmentDetail, DayCount};
use crate::core::effect::ReqId;
use crate::core::model::Key;

use super::{Screen, State};
use crate::core::oncall::{At, OnCallData};
use crate::core::textfield::TextField;

/// The calendar of the chosen org: a month grid around the cursor day and that day's agenda.
#[derive(Default)]
pub struct CalendarState {
    /// The org the loaded appointments belong to.
    pub org: Option<Key>,
    pub cursor: NaiveDate,
    /// Counts per day of the loaded grid (six weeks from `loaded_from`), computed by the database.
    pub counts: Vec<DayCount>,
    pub loaded_from: Option<NaiveDate>,
    /// The pending request and the grid start it asks for.
    pub pending: Option<(ReqId, NaiveDate)>,
    pub error: Option<String>,
    /// The appointments of one day (`day`): the cursor's, once they arrive.
    pub day_appts: Vec<Appointment>,
    pub day: Option<NaiveDate>,
    /// The pending request for a day's appointments and the day it asks for.
    pub day_pending: Option<(ReqId, NaiveDate)>,
    /// The last day whose appointments could not be loaded, and why.
    pub day_error: Option<(NaiveDate, String)>,
    /// Keys go to the day's agenda instead of the grid.
    pub agenda_focus: bool,
    pub agenda_sel: usize,
    /// The "go to date" field while it is open.
    pub goto: Option<TextField>,
    pub detail: Option<ApptView>,
}

pub struct ApptView {
    pub appt: Appointment,
    pub detail: Option<AppointmentDetail>,
    pub pending: Option<ReqId>,
    pub error: Option<String>,
}

impl CalendarState {
    pub fn month(&self) -> NaiveDate {
        calendar::month_of(self.cursor)
    }

    pub fn grid_start(&self) -> NaiveDate {
        calendar::grid_start(self.cursor)
    }

    /// Whether the loaded counts cover the grid on screen.
    pub fn covers_grid(&self) -> bool {
        self.loaded_from == Some(self.grid_start())
    }

    /// The loaded counts of a day of the grid on screen.
    pub fn count_of(&self, day: NaiveDate) -> Option<DayCount> {
        if !self.covers_grid() {
            return None;
        }
        usize::try_from((day - self.grid_start()).num_days()).ok().and_then(|i| self.counts.get(i).copied())
    }

    /// Whether the cursor day's appointments are loaded.
    pub fn day_loaded(&self) -> bool {
        self.day == Some(self.cursor)
    }
}

impl State {
    /// Today in the chosen org's zone.
    pub fn today(&self) -> NaiveDate {
        self.now.with_timezone(&self.calls.zone.tz).date_naive()
    }
}

/// The panes of the on-call view, cycled with tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnCallPane {
    #[default]
    Notifications,
    Transfers,
    Urgent,
    Roster,
}

impl OnCallPane {
    pub fn next(self) -> OnCallPane {
        match self {
            OnCallPane::Notifications => OnCallPane::Transfers,
            OnCallPane::Transfers => OnCallPane::Urgent,
            OnCallPane::Urgent => OnCallPane::Roster,
            OnCallPane::Roster => OnCallPane::Notifications,
        }
    }
}

/// The on-call view of the chosen org. It refreshes itself every `refresh_every_s` seconds; when a refresh
/// fails the last good data stays, marked stale.
pub struct OnCallState {
    pub org: Option<Key>,
    pub data: Option<OnCallData>,
    pub pending: Option<ReqId>,
    pub error: Option<String>,
    /// When the data on screen was read.
    pub last_ok: Option<DateTime<Utc>>,
    /// When the last refresh was asked for.
    pub last_try: Option<DateTime<Utc>>,
    pub refresh_every_s: u64,
    /// The instant looked at; None: now.
    pub at: Option<At>,
    pub pane: OnCallPane,
    pub sel: usize,
    /// Index into `oncall::STATUS_FILTERS`.
    pub filter: usize,
    /// The notification whose message is open.
    pub detail: Option<Key>,
    /// The notification waiting for a yes.
    pub confirm: Option<Key>,
    pub ack_pending: Option<ReqId>,
    pub time_input: Option<TextField>,
}

impl Default for OnCallState {
    fn default() -> Self {
        OnCallState {
            org: None,
            data: None,
            pending: None,
            error: None,
            last_ok: None,
            last_try: None,
            refresh_every_s: 30,
            at: None,
            pane: OnCallPane::default(),
            sel: 0,
            filter: 0,
            detail: None,
            confirm: None,
            ack_pending: None,
            time_input: None,
        }
    }
}

impl OnCallState {
    /// Notifications passing the status filter, newest first.
    pub fn notifications(&self) -> Vec<&crate::core::oncall::Notification> {
        let want = crate::core::oncall::STATUS_FILTERS[self.filter % crate::core::oncall::STATUS_FILTERS.len()];
        self.data
            .as_ref()
            .map(|d| d.notifications.iter().filter(|n| want.is_none() || n.status.as_deref() == want).collect())
            .unwrap_or_default()
    }
}

impl State {
    /// The calendar's cursor day's appointments, in order (none until they are loaded).
    pub fn calendar_agenda(&self) -> Vec<&crate::core::calendar::Appointment> {
        let cal = &self.calendar;
        if !cal.day_loaded() {
            return Vec::new();
        }
        crate::core::calendar::day_agenda(&cal.day_appts, &self.calls.zone, cal.cursor)
    }

    /// The wall time the on-call view looks at, in the org's zone.
    pub fn oncall_local(&self) -> chrono::NaiveDateTime {
        crate::core::oncall::At::local_or_now(self.oncall.at, &self.calls.zone, self.now)
    }
}

/// The org profile view.
#[derive(Default)]
pub struct ProfileState {
    pub org: Option<Key>,
    pub profile: Option<crate::core::profile::OrgProfile>,
    pub pending: Option<ReqId>,
    pub error: Option<String>,
    pub scroll: usize,
    /// The typed confirmation of a status change, while it is open.
    pub confirm: Option<TextField>,
    pub write_pending: Option<ReqId>,
}

/// The attention board.
#[derive(Default)]
pub struct BoardState {
    pub rows: Vec<crate::core::board::BoardRow>,
    pub loaded: bool,
    pub pending: Option<ReqId>,
    pub error: Option<String>,
    pub selected: usize,
    /// Words the rows must contain (name, status or reason).
    pub filter: String,
    pub filter_input: Option<TextField>,
    /// The rows in urgency order with their reasons, passing the filter: computed when the rows or the
    /// filter change (see `State::refresh_board_view`), never per frame.
    pub view: Vec<(usize, Vec<crate::core::board::Reason>)>,
}

impl State {
    /// The board's rows in urgency order, with their reasons, passing the filter.
    pub fn board_view(&self) -> &[(usize, Vec<crate::core::board::Reason>)] {
        &self.board.view
    }

    /// Ranks and filters the board's rows again (after they load or the filter changes).
    pub fn refresh_board_view(&mut self) {
        let f = self.board.filter.to_lowercase();
        self.board.view = crate::core::board::ranked(&self.board.rows, self.now)
            .into_iter()
            .filter(|(i, reasons)| {
                f.is_empty() || {
                    let r = &self.board.rows[*i];
                    let hay = format!(
                        "{} {} {}",
                        r.name,
                        r.status.as_deref().unwrap_or(""),
                        reasons.iter().map(|x| x.text()).collect::<Vec<_>>().join(" ")
                    )
                    .to_lowercase();
                    f.split_whitespace().all(|w| hay.contains(w))
                }
            })
            .collect();
    }
}

/// The org overview.
#[derive(Default)]
pub struct OverviewState {
    pub org: Option<Key>,
    pub range: crate::core::overview::Range,
    pub data: Option<crate::core::overview::Overview>,
    pub pending: Option<ReqId>,
    pub error: Option<String>,
    pub range_input: Option<TextField>,
}

/// The caller history view: one number (or name) in the chosen org.
pub struct CallerState {
    pub org: Option<Key>,
    pub query: Option<crate::core::caller::CallerQuery>,
    pub history: Option<crate::core::caller::CallerHistory>,
    pub pending: Option<ReqId>,
    pub error: Option<String>,
    /// The selected timeline row (or name match, when a name found several people).
    pub selected: usize,
    /// Where Back goes.
    pub back: Screen,
    /// Count the number in other orgs too (super-admins); off for a profile limited to one org.
    pub cross_org: bool,
}

impl Default for CallerState {
    fn default() -> Self {
        CallerState {
            org: None,
            query: None,
            history: None,
            pending: None,
            error: None,
            selected: 0,
            back: Screen::Calls,
            cross_org: true,
        }
    }
}

impl CallerState {
    /// How many rows the selection moves over: the name matches, or the timeline.
    pub fn rows(&self) -> usize {
        match &self.history {
            Some(h) if h.phone.is_none() => h.matches.len(),
            Some(h) => h.events.len(),
            None => 0,
        }
    }
}
