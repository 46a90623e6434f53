//! The effect runner: executes effects on tokio and sends the results back as actions. One latest-wins
//! slot per kind of request: a newer request aborts the older task, and the reducer drops any late answer
//! by its request id.
//!
//! After a query fails in a way that may mean the link is down (a connection error or one of no known
//! kind; not a refusal, bad input or a cancelled statement, which a live server sent) the runner pings the
//! server (`Source::ping`, off the slots) and reports `Action::Link`: the reducer decides from that whether
//! the link is down, never from the error's text.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use crate::core::action::Action;
use crate::core::effect::{Effect, ReqId, Slot};
use crate::core::error::{DataError, ErrorKind};
use crate::core::model::Dialect;
use crate::data::Source;
use crate::data::health::{PING_TIMEOUT, PingError};
use crate::data::source::caller::CallerScope;
use crate::data::source::timed;

pub struct Runner {
    source: Source,
    forced: Option<Dialect>,
    tx: UnboundedSender<Action>,
    /// The task of each slot and the request it serves.
    slots: HashMap<Slot, (JoinHandle<()>, ReqId)>,
    /// A ping after a failed query is running: failures meanwhile do not start another.
    pinging: Arc<AtomicBool>,
    /// The tasks of those pings, aborted with the slots (a ping to a dead server would hold the exit up).
    pings: Arc<std::sync::Mutex<Vec<JoinHandle<()>>>>,
}

impl Runner {
    pub fn new(source: Source, forced: Option<Dialect>, tx: UnboundedSender<Action>) -> Runner {
        Runner {
            source,
            forced,
            tx,
            slots: HashMap::new(),
            pinging: Arc::new(AtomicBool::new(false)),
            pings: Arc::new(std::sync::Mutex::new(Vec::new())),
        }
    }

    pub fn run(&mut self, effect: Effect) {
        let Some(slot) = effect.slot() else { return };
        if let Some((old, old_req)) = self.slots.remove(&slot)
            && !old.is_finished()
        {
            old.abort();
            // Aborting only stops waiting: cancel the statement on the server too.
            let source = self.source.clone();
            tokio::spawn(async move {
                if let Ok(n) = source.cancel(old_req).await
                    && n > 0
                {
                    tracing::debug!(req = old_req, "superseded query cancelled on the server");
                }
            });
        }
        // A read ahead runs as the read itself does; only its slot differs.
        let effect = match effect {
            Effect::Prefetch(e) => *e,
            e => e,
        };
        let Some(req) = effect_req(&effect) else { return };
        let source = self.source.tagged(req);
        let tx = self.tx.clone();
        let forced = self.forced;
        let pinging = self.pinging.clone();
        let pings = self.pings.clone();
        let handle = tokio::spawn(async move {
            let action = match effect {
                Effect::Detect { req } => {
                    let (result, ms) = timed(source.detect(forced)).await;
                    Action::Detected { req, result, ms }
                }
                Effect::LoadOrgs { req, dialect } => {
                    let (result, ms) = timed(source.orgs(dialect)).await;
                    Action::OrgsLoaded { req, result, ms }
                }
                Effect::LoadCalls { req, dialect, org, anchor, limit, filter, zone } => {
                    let (result, ms) =
                        timed(source.calls_filtered(dialect, &org, &anchor, limit, &filter, &zone)).await;
                    Action::CallsLoaded { req, anchor, result, ms }
                }
                Effect::LoadCall { req, dialect, org, call } => {
                    let (result, ms) = timed(source.call(dialect, &org, &call)).await;
                    Action::CallLoaded { req, result, ms }
                }
                Effect::LoadMonth { req, dialect, org, from, to, zone } => {
                    let (result, ms) = timed(source.appointment_counts(dialect, &org, from, to, zone)).await;
                    Action::MonthLoaded { req, from, result, ms }
                }
                Effect::LoadDay { req, dialect, org, day, zone } => {
                    let (result, ms) = timed(source.day_appointments(dialect, &org, day, zone)).await;
                    Action::DayLoaded { req, day, result, ms }
                }
                Effect::LoadAppointment { req, dialect, org, appt } => {
                    let (result, ms) = timed(source.appointment(dialect, &org, &appt)).await;
                    Action::AppointmentLoaded { req, result, ms }
                }
                Effect::LoadOnCall { req, dialect, org } => {
                    let (result, ms) = timed(source.oncall(dialect, &org)).await;
                    Action::OnCallLoaded { req, result, ms }
                }
                Effect::Acknowledge { req, dialect, org, notification } => {
                    let (result, ms) = timed(source.acknowledge(dialect, &org, &notification)).await;
                    Action::Acknowledged { req, result, ms }
                }
                Effect::LoadProfile { req, dialect, org } => {
                    let (result, ms) = timed(source.profile(dialect, &org)).await;
                    Action::ProfileLoaded { req, result, ms }
                }
                Effect::SetOrgStatus { req, dialect, org, status, previous } => {
                    let (result, ms) = timed(source.set_org_status(dialect, &org, &status, previous.as_deref())).await;
                    Action::StatusChanged { req, result, ms }
                }
                Effect::LoadBoard { req, dialect } => {
                    let progress = tx.clone();
                    let started = std::time::Instant::now();
                    let on_batch = move |rows: &[crate::core::board::BoardRow]| {
                        let ms = started.elapsed().as_secs_f64() * 1000.0;
                        let _ =
                            progress.send(Action::BoardLoaded { req, result: Ok(rows.to_vec()), ms, partial: true });
                    };
                    let (result, ms) = timed(source.board_progress(dialect, on_batch)).await;
                    Action::BoardLoaded { req, result, ms, partial: false }
                }
                Effect::LoadOverview { req, dialect, org, from, to, zone } => {
                    let (result, ms) = timed(source.overview(dialect, &org, from, to, &zone)).await;
                    Action::OverviewLoaded { req, result, ms }
                }
                Effect::LoadCaller { req, dialect, org, query, zone, cross_org } => {
                    let scope = CallerScope { cross_org, ..CallerScope::default() };
                    let (result, ms) = timed(source.caller(dialect, &org, &query, &zone, scope)).await;
                    Action::CallerLoaded { req, result, ms }
                }
                Effect::FindCallerOrgs { req, dialect, number } => {
                    let (result, ms) = timed(source.caller_orgs(dialect, &number)).await;
                    let (number, result) = match result {
                        Ok((phone, orgs)) => (phone.display(), Ok(orgs)),
                        Err(e) => (number, Err(e)),
                    };
                    Action::CallerOrgsFound { req, number, result, ms }
                }
                Effect::Ping { req } => {
                    let result = source.ping(PING_TIMEOUT).await;
                    Action::Link { req: Some(req), ok: result.is_ok(), error: result.err().map(|e| e.to_string()) }
                }
                Effect::Copy { .. } | Effect::Save(_) | Effect::Quit | Effect::Prefetch(_) => return,
            };
            let failed = action_result(&action).err().cloned();
            let _ = tx.send(action);
            if let Some(e) = &failed {
                tracing::warn!(error = %e, kind = ?e.kind, "query failed");
            }
            // A refusal, bad input or a cancelled statement came from a server that answered: only the other
            // failures may mean the link is down.
            if let Some(e) = failed.filter(|e| matches!(e.kind, ErrorKind::Connection | ErrorKind::Other)) {
                let e = e.message;
                // Is the server still there? Asked once at a time, outside the slot so a newer request in it
                // cannot abort the answer.
                if !pinging.swap(true, Ordering::SeqCst) {
                    let ping = tokio::spawn(async move {
                        let result = source.ping(PING_TIMEOUT).await;
                        pinging.store(false, Ordering::SeqCst);
                        if let Err(p) = &result {
                            tracing::warn!(error = %p, "the database does not answer a ping");
                        }
                        // A ping that found nothing within its time says less than the query's own error.
                        let error = result.err().map(|p| match p {
                            PingError::NoAnswer(_) => e,
                            PingError::Failed(p) => p,
                        });
                        let _ = tx.send(Action::Link { req: None, ok: error.is_none(), error });
                    });
                    let mut pings = pings.lock().unwrap_or_else(|p| p.into_inner());
                    pings.retain(|p| !p.is_finished());
                    pings.push(ping);
                }
            }
        });
        self.slots.insert(slot, (handle, req));
    }

    pub fn abort_all(&mut self) {
        for (_, (h, _)) in self.slots.drain() {
            h.abort();
        }
        for p in self.pings.lock().unwrap_or_else(|p| p.into_inner()).drain(..) {
            p.abort();
        }
    }
}

fn action_result(a: &Action) -> Result<(), &DataError> {
    match a {
        Action::Detected { result: Err(e), .. }
        | Action::OrgsLoaded { result: Err(e), .. }
        | Action::CallsLoaded { result: Err(e), .. }
        | Action::CallLoaded { result: Err(e), .. }
        | Action::MonthLoaded { result: Err(e), .. }
        | Action::DayLoaded { result: Err(e), .. }
        | Action::AppointmentLoaded { result: Err(e), .. }
        | Action::OnCallLoaded { result: Err(e), .. }
        | Action::Acknowledged { result: Err(e), .. }
        | Action::ProfileLoaded { result: Err(e), .. }
        | Action::StatusChanged { result: Err(e), .. }
        | Action::BoardLoaded { result: Err(e), .. }
        | Action::OverviewLoaded { result: Err(e), .. }
        | Action::CallerLoaded { result: Err(e), .. }
        | Action::CallerOrgsFound { result: Err(e), .. } => Err(e),
        _ => Ok(()),
    }
}

fn effect_req(e: &Effect) -> Option<ReqId> {
    Some(match e {
        Effect::Detect { req }
        | Effect::LoadOrgs { req, .. }
        | Effect::LoadCalls { req, .. }
        | Effect::LoadCall { req, .. }
        | Effect::LoadMonth { req, .. }
        | Effect::LoadDay { req, .. }
        | Effect::LoadAppointment { req, .. }
        | Effect::LoadOnCall { req, .. }
        | Effect::Acknowledge { req, .. }
        | Effect::LoadProfile { req, .. }
        | Effect::SetOrgStatus { req, .. }
        | Effect::LoadBoard { req, .. }
        | Effect::LoadOverview { req, .. }
        | Effect::LoadCaller { req, .. }
        | Effect::FindCallerOrgs { req, .. }
        | Effect::Ping { req } => *req,
        Effect::Copy { .. } | Effect::Save(_) | Effect::Quit | Effect::Prefetch(_) => return None,
    })
}
