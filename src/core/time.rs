//! Time zones: every time is stored in UTC and shown in the organization's own zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// An organization's zone, with whether it fell back to UTC (missing or unknown name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgZone {
    pub tz: Tz,
    pub fallback: bool,
}

impl OrgZone {
    pub fn from_name(name: Option<&str>) -> OrgZone {
        match name.map(str::trim).filter(|s| !s.is_empty()).map(str::parse::<Tz>) {
            Some(Ok(tz)) => OrgZone { tz, fallback: false },
            _ => OrgZone { tz: Tz::UTC, fallback: true },
        }
    }

    /// A label for headers: the zone name, and "(fallback)" when it is not the org's own.
    pub fn label(&self) -> String {
        if self.fallback { "UTC (no valid timezone)".to_string() } else { self.tz.name().to_string() }
    }

    pub fn format(&self, t: DateTime<Utc>, fmt: &str) -> String {
        t.with_timezone(&self.tz).format(fmt).to_string()
    }
}

/// "4m 05s", "1h 02m", "—" for none.
pub fn format_duration(secs: Option<i32>) -> String {
    match secs {
        None => "—".to_string(),
        Some(s) => format_secs(i64::from(s)),
    }
}

/// A number of seconds as `41s`, `3m 05s` or `596693h 39m`, in 64 bits (sums of durations pass 2³¹ s).
pub fn format_secs(s: i64) -> String {
    match s {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m {:02}s", s / 60, s % 60),
        s => format!("{}h {:02}m", s / 3600, (s % 3600) / 60),
    }
}

/// "12 s ago", "3 min ago", "2 h ago".
pub fn ago(then: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    let s = (now - then).num_seconds().max(0);
    match s {
        0..60 => format!("{s} s ago"),
        60..3600 => format!("{} min ago", s / 60),
        3600..86400 => format!("{} h ago", s / 3600),
        _ => format!("{} d ago", s / 86400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_past_two_to_the_31_seconds_are_whole() {
        assert_eq!(format_secs(2_148_097_160), "596693h 39m");
        assert_eq!(format_duration(Some(i32::MAX)), "596523h 14m");
        assert_eq!(format_duration(Some(185)), "3m 05s");
        assert_eq!(format_duration(Some(-3)), "-3s");
    }
    use chrono::TimeZone;

    #[test]
    fn unknown_and_missing_zones_fall_back_to_utc_and_say_so() {
        assert!(OrgZone::from_name(None).fallback);
        assert!(OrgZone::from_name(Some("Mars/Olympus")).fallback);
        assert!(OrgZone::from_name(Some("  ")).fallback);
        let ny = OrgZone::from_name(Some("America/New_York"));
        assert!(!ny.fallback);
        assert_eq!(ny.label(), "America/New_York");
        assert_eq!(OrgZone::from_name(None).label(), "UTC (no valid timezone)");
    }

    #[test]
    fn formats_in_the_org_zone_across_dst() {
        let ny = OrgZone::from_name(Some("America/New_York"));
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
        assert_eq!(ny.format(winter, "%H:%M"), "07:00");
        assert_eq!(ny.format(summer, "%H:%M"), "08:00");
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(None), "—");
        assert_eq!(format_duration(Some(5)), "5s");
        assert_eq!(format_duration(Some(245)), "4m 05s");
        assert_eq!(format_duration(Some(3720)), "1h 02m");
    }
}
