//! Actions: everything that can change the state. Keys arrive as commands (or as text input for the active
//! text field); query results arrive carrying the id of the request they answer.

use crate::core::error::DataError;
use ratatui_textarea::Input;

use chrono::NaiveDate;

use crate::core::board::BoardRow;
use crate::core::calendar::{Appointment, AppointmentDetail, DayCount};
use crate::core::effect::ReqId;
use crate::core::keymap::Command;
use crate::core::model::{Anchor, CallDetail, DbInfo, Org, Page};
use crate::core::oncall::OnCallData;
use crate::core::overview::Overview;
use crate::core::profile::OrgProfile;

#[derive(Debug, Clone)]
pub enum Action {
    Command(Command),
    /// A key for the active text field (org filter, transcript search).
    Input(Input),
    Resize {
        width: u16,
        height: u16,
    },
    Detected {
        req: ReqId,
        result: Result<DbInfo, DataError>,
        ms: f64,
    },
    OrgsLoaded {
        req: ReqId,
        result: Result<Vec<Org>, DataError>,
        ms: f64,
    },
    CallsLoaded {
        req: ReqId,
        anchor: Anchor,
        result: Result<Page, DataError>,
        ms: f64,
    },
    CallLoaded {
        req: ReqId,
        result: Result<Option<CallDetail>, DataError>,
        ms: f64,
    },
    MonthLoaded {
        req: ReqId,
        from: NaiveDate,
        result: Result<Vec<DayCount>, DataError>,
        ms: f64,
    },
    DayLoaded {
        req: ReqId,
        day: NaiveDate,
        result: Result<Vec<Appointment>, DataError>,
        ms: f64,
    },
    AppointmentLoaded {
        req: ReqId,
        result: Result<Option<AppointmentDetail>, DataError>,
        ms: f64,
    },
    OnCallLoaded {
        req: ReqId,
        result: Result<OnCallData, DataError>,
        ms: f64,
    },
    Acknowledged {
        req: ReqId,
        result: Result<(), DataError>,
        ms: f64,
    },
    ProfileLoaded {
        req: ReqId,
        result: Result<Option<OrgProfile>, DataError>,
        ms: f64,
    },
    StatusChanged {
        req: ReqId,
        result: Result<(), DataError>,
        ms: f64,
    },
    /// The board's rows; `partial` while more tenant batches are still being read.
    BoardLoaded {
        req: ReqId,
        result: Result<Vec<BoardRow>, DataError>,
        ms: f64,
        partial: bool,
    },
    OverviewLoaded {
        req: ReqId,
        result: Result<Overview, DataError>,
        ms: f64,
    },
    /// A mouse click (mouse support is a setting): selects the row under it.
    Click {
        x: u16,
        y: u16,
    },
    /// A line for the status bar from the event loop (e.g. what a copy did).
    Notice(String),
    /// The orgs that have a number on record (a number typed in the org switcher).
    CallerOrgsFound {
        req: ReqId,
        number: String,
        result: Result<Vec<crate::core::caller::OtherOrg>, DataError>,
        ms: f64,
    },
    CallerLoaded {
        req: ReqId,
        result: Result<crate::core::caller::CallerHistory, DataError>,
        ms: f64,
    },
    /// A second passed (sent only while a view refreshes itself); `now` is in the state.
    Tick,
    /// Whether the database answers: the runner pings after any failed query (`req: None`) and for each retry
    /// the reducer asks for (`Effect::Ping`, `req: Some`).
    Link {
        req: Option<ReqId>,
        ok: bool,
        error: Option<String>,
    },
}
