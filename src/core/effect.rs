//! Effects: the I/O the reducer asks for. The runner in `ui` executes them and answers with actions.

use chrono::NaiveDate;

use crate::core::filter::CallFilter;
use crate::core::model::{Anchor, Dialect, Key};
use crate::core::time::OrgZone;

/// Identifies a request so that a late answer to a superseded one can be recognised and dropped.
pub type ReqId = u64;

/// One latest-wins slot per kind of request: a newer request in a slot aborts the older one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Detect,
    Orgs,
    Calls,
    Call,
    Month,
    Day,
    Appointment,
    OnCall,
    Write,
    Profile,
    Board,
    Overview,
    Ping,
    Caller,
    /// The page after the one drawn, read while the user reads (`Effect::Prefetch`).
    PrefetchCalls,
    /// The selected call's details, read while the user reads the list.
    PrefetchCall,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Connect, read the server version and detect the schema.
    Detect {
        req: ReqId,
    },
    LoadOrgs {
        req: ReqId,
        dialect: Dialect,
    },
    LoadCalls {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        anchor: Anchor,
        limit: usize,
        filter: CallFilter,
        zone: OrgZone,
    },
    LoadCall {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        call: Key,
    },
    /// Counts per local day and status of the appointments whose local start is in `from..to` (the org's
    /// zone).
    LoadMonth {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        from: NaiveDate,
        to: NaiveDate,
        zone: OrgZone,
    },
    /// The appointments of one local day (the calendar's cursor day).
    LoadDay {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        day: NaiveDate,
        zone: OrgZone,
    },
    LoadAppointment {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        appt: Key,
    },
    LoadOnCall {
        req: ReqId,
        dialect: Dialect,
        org: Key,
    },
    LoadProfile {
        req: ReqId,
        dialect: Dialect,
        org: Key,
    },
    LoadBoard {
        req: ReqId,
        dialect: Dialect,
    },
    LoadOverview {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        from: NaiveDate,
        to: NaiveDate,
        zone: OrgZone,
    },
    /// The orgs that have a number on record (typed in the org switcher, so no org's country is known).
    FindCallerOrgs {
        req: ReqId,
        dialect: Dialect,
        number: String,
    },
    /// Everything about one caller in one org (`cross_org`: also count the number in other orgs).
    LoadCaller {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        query: crate::core::caller::CallerQuery,
        zone: OrgZone,
        cross_org: bool,
    },
    /// A write: suspend or reactivate an org (only in write mode, after typing its name).
    SetOrgStatus {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        status: String,
        previous: Option<String>,
    },
    /// A write: acknowledge one notification (only ever emitted in write mode, after a confirmation).
    Acknowledge {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        notification: Key,
    },
    /// Is the database there? A cheap read with a short timeout, answered by `Action::Link` (retries while the
    /// link is down).
    Ping {
        req: ReqId,
    },
    /// Put text on the user's clipboard (terminal I/O, done by the event loop).
    Copy {
        what: String,
        text: String,
    },
    /// Save what is on screen to a file in the user's data directory (done by the event loop).
    Save(SaveWhat),
    Quit,
    /// A read the user has not asked for yet (the next page, the selected call), in a slot of its own so
    /// that it never supersedes, and is never superseded by, what the user asked for. Only `LoadCalls`
    /// and `LoadCall` are read ahead.
    Prefetch(Box<Effect>),
}

/// What can be saved from the console.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveWhat {
    /// The call's transcript as plain text (speaker: text), or as JSON with its details and turns.
    Transcript { call: Box<crate::core::model::CallDetail>, json: bool },
    /// A caller's history, as JSON.
    Caller { history: Box<crate::core::caller::CallerHistory>, zone: OrgZone },
    /// The page of calls on screen, as CSV.
    Calls { page: crate::core::model::Page, zone: OrgZone },
}

impl Effect {
    pub fn slot(&self) -> Option<Slot> {
        match self {
            Effect::Prefetch(e) => match **e {
                Effect::LoadCalls { .. } => Some(Slot::PrefetchCalls),
                Effect::LoadCall { .. } => Some(Slot::PrefetchCall),
                _ => None,
            },
            Effect::Detect { .. } => Some(Slot::Detect),
            Effect::LoadOrgs { .. } => Some(Slot::Orgs),
            Effect::LoadCalls { .. } => Some(Slot::Calls),
            Effect::LoadCall { .. } => Some(Slot::Call),
            Effect::LoadMonth { .. } => Some(Slot::Month),
            Effect::LoadDay { .. } => Some(Slot::Day),
            Effect::LoadAppointment { .. } => Some(Slot::Appointment),
            Effect::LoadOnCall { .. } => Some(Slot::OnCall),
            Effect::Acknowledge { .. } | Effect::SetOrgStatus { .. } => Some(Slot::Write),
            Effect::LoadProfile { .. } => Some(Slot::Profile),
            Effect::LoadBoard { .. } => Some(Slot::Board),
            Effect::LoadOverview { .. } => Some(Slot::Overview),
            Effect::Ping { .. } => Some(Slot::Ping),
            Effect::LoadCaller { .. } | Effect::FindCallerOrgs { .. } => Some(Slot::Caller),
            Effect::Copy { .. } | Effect::Save(_) | Effect::Quit => None,
        }
    }
}
