//! The instant the on-call view looks at (`--at`, `i`) and ages counted from it.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

/// The instant the on-call view looks at: now, a given instant, or a wall time in the org's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Instant(DateTime<Utc>),
    Local(NaiveDateTime),
}

impl At {
    /// Parses `2026-11-21T22:30:00Z` / `+01:00` (an instant) or `2026-11-21 22:30` (the org's wall time);
    /// `now` gives None.
    pub fn parse(s: &str) -> Result<Option<At>, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("now") || s.is_empty() {
            return Ok(None);
        }
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(Some(At::Instant(t.with_timezone(&Utc))));
        }
        for fmt in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"] {
            if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
                return Ok(Some(At::Local(t)));
            }
        }
        Err(format!("not a time: {s:?} (try 2026-11-21 22:30 in the org's zone, 2026-11-22T03:30:00Z, or now)"))
    }

    /// The instant itself; a wall time is read in the zone (the earlier of two in a repeated hour, the
    /// first instant after a skipped one).
    pub fn instant_in(self, zone: &crate::core::time::OrgZone) -> DateTime<Utc> {
        use chrono::TimeZone;
        match self {
            At::Instant(t) => t,
            At::Local(l) => (0..=2)
                .find_map(|h| zone.tz.from_local_datetime(&(l + Duration::hours(h))).earliest())
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|| l.and_utc()),
        }
    }

    /// The wall time in the zone this instant stands for.
    pub fn local_in(self, zone: &crate::core::time::OrgZone) -> NaiveDateTime {
        match self {
            At::Instant(t) => t.with_timezone(&zone.tz).naive_local(),
            At::Local(l) => l,
        }
    }
    /// The wall time the on-call view looks at in the zone: the chosen instant's, else `now`'s.
    pub fn local_or_now(at: Option<At>, zone: &crate::core::time::OrgZone, now: DateTime<Utc>) -> NaiveDateTime {
        at.map_or_else(|| now.with_timezone(&zone.tz).naive_local(), |a| a.local_in(zone))
    }
}

/// The instant the on-call view looks at: the chosen one (`--at`, `i`), else now.
pub fn instant(at: Option<At>, zone: &crate::core::time::OrgZone, now: DateTime<Utc>) -> DateTime<Utc> {
    at.map(|a| a.instant_in(zone)).unwrap_or(now)
}

/// How long before the instant looked at something happened: "12 s ago", "3 min ago", "2 h ago", "31 d
/// ago"; "in 2 h" for what came after it (looking at last night, this morning's alert is "in 9 h").
pub fn age(then: DateTime<Utc>, at: DateTime<Utc>) -> String {
    let s = (at - then).num_seconds();
    let n = s.unsigned_abs();
    let span = match n {
        0..60 => format!("{n} s"),
        60..3600 => format!("{} min", n / 60),
        3600..86400 => format!("{} h", n / 3600),
        _ => format!("{} d", n / 86400),
    };
    if s < 0 { format!("in {span}") } else { format!("{span} ago") }
}
