//! The effect runner: executes effects on tokio and sends the results back as actions. One latest-wins
//! slot per kind of request: a newer request aborts the older task, and the reducer drops any late answer
//! by its request id.

use std::collections::HashMap;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use crate::core::action::Action;
use crate::core::effect::{Effect, ReqId, Slot};
use crate::core::model::Dialect;
use crate::data::Source;
use crate::data::source::timed;

pub struct Runner {
    source: Source,
    forced: Option<Dialect>,
    tx: UnboundedSender<Action>,
    /// The task of each slot and the request it serves.
    slots: HashMap<Slot, (JoinHandle<()>, ReqId)>,
}

impl Runner {
    pub fn new(source: Source, forced: Option<Dialect>, tx: UnboundedSender<Action>) -> Runner {
        Runner { source, forced, tx, slots: HashMap::new() }
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
        let Some(req) = effect_req(&effect) else { return };
        let source = self.source.tagged(req);
        let tx = self.tx.clone();
        let forced = self.forced;
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
                    let (result, ms) = timed(source.appointments(dialect, &org, from, to, zone)).await;
                    Action::MonthLoaded { req, from, result, ms }
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
                Effect::Copy { .. } | Effect::Save(_) | Effect::Quit => return,
            };
            if let Err(e) = &action_result(&action) {
                tracing::warn!(error = %e, "query failed");
            }
            let _ = tx.send(action);
        });
        self.slots.insert(slot, (handle, req));
    }

    pub fn abort_all(&mut self) {
        for (_, (h, _)) in self.slots.drain() {
            h.abort();
        }
    }
}

fn action_result(a: &Action) -> Result<(), &str> {
    match a {
        Action::Detected { result: Err(e), .. }
        | Action::OrgsLoaded { result: Err(e), .. }
        | Action::CallsLoaded { result: Err(e), .. }
        | Action::CallLoaded { result: Err(e), .. }
        | Action::MonthLoaded { result: Err(e), .. }
        | Action::AppointmentLoaded { result: Err(e), .. }
        | Action::OnCallLoaded { result: Err(e), .. }
        | Action::Acknowledged { result: Err(e), .. }
        | Action::ProfileLoaded { result: Err(e), .. }
        | Action::StatusChanged { result: Err(e), .. }
        | Action::BoardLoaded { result: Err(e), .. }
        | Action::OverviewLoaded { result: Err(e), .. } => Err(e.as_str()),
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
        | Effect::LoadAppointment { req, .. }
        | Effect::LoadOnCall { req, .. }
        | Effect::Acknowledge { req, .. }
        | Effect::LoadProfile { req, .. }
        | Effect::SetOrgStatus { req, .. }
        | Effect::LoadBoard { req, .. }
        | Effect::LoadOverview { req, .. } => *req,
        Effect::Copy { .. } | Effect::Save(_) | Effect::Quit => return None,
    })
}
