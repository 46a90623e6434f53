//! The attention board: every org with its recent figures, and why it needs a look, most urgent first.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::core::model::Key;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardRow {
    pub key: Key,
    pub name: String,
    pub status: Option<String>,
    pub calls_24h: i64,
    pub failed_24h: i64,
    pub calls_7d: i64,
    pub failed_7d: i64,
    /// Emergency notifications (or alerts) still pending or whose delivery failed, where the platform has them.
    pub open_emergencies: Option<i64>,
    /// The org's real last call, however long ago (not a window's newest call, not a recorded "activity").
    pub last_call: LastCall,
    /// Why the call figures could not be read (a Retell tenant without readable rollups): they are then
    /// unknown, not zero.
    pub figures_unread: Option<String>,
}

/// An org's last call, as the board reads it (one index probe per org, in the board's statement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "at", rename_all = "snake_case")]
pub enum LastCall {
    /// The newest call's time.
    At(DateTime<Utc>),
    /// The org has calls, none of them with a time.
    Undated,
    /// The org has no call at all.
    Never,
    /// Its calls cannot be read (a Retell tenant without a readable calls table).
    Unknown,
}

impl LastCall {
    /// From the board statement's standard columns `last_call` and `any_call` (NULL: not read).
    pub fn from_columns(at: Option<DateTime<Utc>>, any: Option<bool>) -> LastCall {
        match (at, any) {
            (Some(t), _) => LastCall::At(t),
            (None, Some(true)) => LastCall::Undated,
            (None, Some(false)) => LastCall::Never,
            (None, None) => LastCall::Unknown,
        }
    }

    /// `at`, `undated`, `never` or `unknown` (exports).
    pub fn kind(&self) -> &'static str {
        match self {
            LastCall::At(_) => "at",
            LastCall::Undated => "undated",
            LastCall::Never => "never",
            LastCall::Unknown => "unknown",
        }
    }

    pub fn at(&self) -> Option<DateTime<Utc>> {
        match self {
            LastCall::At(t) => Some(*t),
            _ => None,
        }
    }
}

/// Why an org is on the board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Reason {
    PendingEmergency(i64),
    FailureSpike {
        rate_24h: f64,
        rate_7d: f64,
    },
    /// No call for `days` days; None: no call at all.
    Silent {
        days: Option<i64>,
    },
    Suspended(String),
}

impl Reason {
    pub fn weight(&self) -> u32 {
        match self {
            Reason::PendingEmergency(_) => 100,
            Reason::FailureSpike { .. } => 50,
            Reason::Silent { .. } => 20,
            Reason::Suspended(_) => 5,
        }
    }

    pub fn text(&self) -> String {
        match self {
            Reason::PendingEmergency(n) => format!("⚠ {n} emergency open"),
            Reason::FailureSpike { rate_24h, rate_7d } => {
                format!("✖ failures {:.0}% (7 d {:.0}%)", rate_24h * 100.0, rate_7d * 100.0)
            }
            Reason::Silent { days: Some(d) } => format!("∅ no calls for {d} d"),
            Reason::Silent { days: None } => "∅ no calls at all".to_string(),
            Reason::Suspended(s) => format!("⏸ {s}"),
        }
    }
}

/// How many calls a day must have before its failure rate counts as a spike.
pub const SPIKE_MIN_CALLS: i64 = 5;
/// Active orgs silent for this many days are on the board.
pub const SILENT_DAYS: i64 = 3;

fn rate(failed: i64, total: i64) -> f64 {
    if total > 0 { failed as f64 / total as f64 } else { 0.0 }
}

/// The reasons an org is on the board (none: it is fine).
pub fn reasons(r: &BoardRow, now: DateTime<Utc>) -> Vec<Reason> {
    let mut out = Vec::new();
    if let Some(n) = r.open_emergencies.filter(|n| *n > 0) {
        out.push(Reason::PendingEmergency(n));
    }
    let (r24, r7) = (rate(r.failed_24h, r.calls_24h), rate(r.failed_7d, r.calls_7d));
    if r.calls_24h >= SPIKE_MIN_CALLS && r24 >= 0.3 && (r24 >= 2.0 * r7 || r24 >= 0.5) {
        out.push(Reason::FailureSpike { rate_24h: r24, rate_7d: r7 });
    }
    let suspended = r.status.as_deref().is_some_and(|s| !s.eq_ignore_ascii_case("active"));
    match &r.status {
        Some(s) if suspended => out.push(Reason::Suspended(s.clone())),
        _ => {
            // Silence is told from the real last call; calls without a time, or calls that cannot be read,
            // say nothing of it.
            match r.last_call {
                LastCall::At(t) if (now - t).num_days() >= SILENT_DAYS => {
                    out.push(Reason::Silent { days: Some((now - t).num_days()) })
                }
                LastCall::Never => out.push(Reason::Silent { days: None }),
                _ => {}
            }
        }
    }
    out
}

/// Rows with their reasons, most urgent first (then by name); orgs with no reason last.
pub fn ranked(rows: &[BoardRow], now: DateTime<Utc>) -> Vec<(usize, Vec<Reason>)> {
    let mut v: Vec<(usize, Vec<Reason>)> = rows.iter().enumerate().map(|(i, r)| (i, reasons(r, now))).collect();
    v.sort_by(|a, b| {
        let w = |x: &Vec<Reason>| x.iter().map(Reason::weight).sum::<u32>();
        let (ra, rb) = (&rows[a.0], &rows[b.0]);
        w(&b.1)
            .cmp(&w(&a.1))
            // Among equals: more open emergencies, then a worse failure rate, first.
            .then_with(|| rb.open_emergencies.unwrap_or(0).cmp(&ra.open_emergencies.unwrap_or(0)))
            .then_with(|| rate(rb.failed_24h, rb.calls_24h).total_cmp(&rate(ra.failed_24h, ra.calls_24h)))
            .then_with(|| ra.name.to_lowercase().cmp(&rb.name.to_lowercase()))
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn row(name: &str) -> BoardRow {
        BoardRow {
            key: Key::Text(name.into()),
            name: name.into(),
            status: Some("active".into()),
            calls_24h: 20,
            failed_24h: 1,
            calls_7d: 140,
            failed_7d: 7,
            open_emergencies: Some(0),
            last_call: LastCall::At(Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap()),
            figures_unread: None,
        }
    }

    #[test]
    fn reasons_for_constructed_cases() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
        assert!(reasons(&row("fine"), now).is_empty());
        let mut spike = row("spike");
        spike.failed_24h = 12;
        assert!(matches!(reasons(&spike, now)[0], Reason::FailureSpike { .. }));
        let mut emerg = row("emerg");
        emerg.open_emergencies = Some(2);
        assert_eq!(reasons(&emerg, now), vec![Reason::PendingEmergency(2)]);
        let mut silent = row("silent");
        silent.last_call = LastCall::At(now - chrono::Duration::days(4));
        assert_eq!(reasons(&silent, now), vec![Reason::Silent { days: Some(4) }]);
        let mut gone = row("gone");
        gone.last_call = LastCall::Never;
        assert_eq!(reasons(&gone, now), vec![Reason::Silent { days: None }]);
        assert_eq!(Reason::Silent { days: None }.text(), "∅ no calls at all");
        let mut long_ago = row("long ago");
        long_ago.last_call = LastCall::At(now - chrono::Duration::days(33));
        assert_eq!(reasons(&long_ago, now), vec![Reason::Silent { days: Some(33) }]);
        let mut undated = row("undated");
        undated.last_call = LastCall::Undated;
        assert!(reasons(&undated, now).is_empty(), "calls without a time say nothing of silence");
        let mut unread = row("unread");
        unread.last_call = LastCall::Unknown;
        assert!(reasons(&unread, now).is_empty());
        assert_eq!(LastCall::from_columns(None, Some(false)), LastCall::Never);
        assert_eq!(LastCall::from_columns(None, Some(true)), LastCall::Undated);
        assert_eq!(LastCall::from_columns(None, None), LastCall::Unknown);
        assert_eq!(LastCall::from_columns(Some(now), None), LastCall::At(now));
        let mut susp = row("susp");
        susp.status = Some("suspended".into());
        susp.last_call = LastCall::Never;
        assert_eq!(reasons(&susp, now), vec![Reason::Suspended("suspended".into())]);
        let mut few = row("few");
        few.calls_24h = 2;
        few.failed_24h = 2;
        assert!(reasons(&few, now).is_empty(), "two calls are not a spike");
        let rows = vec![row("fine"), silent, emerg, spike];
        let order: Vec<&str> = ranked(&rows, now).iter().map(|(i, _)| rows[*i].name.as_str()).collect();
        assert_eq!(order, vec!["emerg", "spike", "silent", "fine"]);
    }
}
