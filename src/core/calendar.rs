//! The appointment calendar: pure date arithmetic in the organization's zone.
//!
//! A grid is six weeks starting on the Monday on or before the first of the month. Appointments carry
//! either an instant (`at`, converted to the org's zone) or a local wall time already in the org's zone
//! (`local`, e.g. ServiceAI's scheduled_date + scheduled_time): the day they land on is their local date.
//! The grid shows counts per day computed by the database (`DayGroup`, folded by `counts_of_groups`); only
//! the cursor day's appointments are loaded as rows.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::Serialize;

use crate::core::model::Key;
use crate::core::time::OrgZone;

pub const GRID_DAYS: i64 = 42;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appointment {
    pub key: Key,
    /// The start as an instant, when the platform stores one.
    pub at: Option<DateTime<Utc>>,
    /// The start as a wall time in the org's zone, when the platform stores that instead.
    pub local: Option<NaiveDateTime>,
    pub duration_min: Option<i32>,
    pub customer: Option<String>,
    pub phone: Option<String>,
    pub title: Option<String>,
    pub status: Option<String>,
    pub urgency: Option<f64>,
    pub urgency_label: Option<String>,
    pub emergency: Option<bool>,
}

/// An appointment with everything its detail shows, and the call that booked it when known.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppointmentDetail {
    pub appt: Appointment,
    pub facts: Vec<(String, String)>,
    pub call: Option<Key>,
}

/// A local start time that a DST change makes odd in the org's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DstOddity {
    /// The clocks skipped it (spring forward): no instant has that wall time.
    Skipped,
    /// The clocks passed it twice (fall back): read as the first.
    Twice,
}

impl DstOddity {
    /// A few words for the agenda.
    pub fn short(self) -> &'static str {
        match self {
            DstOddity::Skipped => "no such time (DST)",
            DstOddity::Twice => "happens twice (DST)",
        }
    }

    /// What the detail says after the time.
    pub fn explain(self) -> &'static str {
        match self {
            DstOddity::Skipped => "this local time does not exist that day: a DST change",
            DstOddity::Twice => "this local time happens twice that day (a DST change): read as the first",
        }
    }
}

impl Appointment {
    /// Whether the stored wall time is one a DST change skips or repeats in `zone` (only for platforms that
    /// store local times; an instant is never odd).
    pub fn dst_oddity(&self, zone: &OrgZone) -> Option<DstOddity> {
        use chrono::LocalResult;
        if self.at.is_some() {
            return None;
        }
        match zone.tz.from_local_datetime(&self.local?) {
            LocalResult::None => Some(DstOddity::Skipped),
            LocalResult::Ambiguous(..) => Some(DstOddity::Twice),
            LocalResult::Single(_) => None,
        }
    }

    /// The start as a wall time in the org's zone.
    pub fn local_in(&self, zone: &OrgZone) -> Option<NaiveDateTime> {
        self.local.or_else(|| self.at.map(|t| t.with_timezone(&zone.tz).naive_local()))
    }

    /// The start as an instant: `at`, or the local time resolved in the zone (the earlier of an ambiguous
    /// hour; None for a wall time that does not exist, e.g. 02:30 on a spring-forward day).
    pub fn instant_in(&self, zone: &OrgZone) -> Option<DateTime<Utc>> {
        self.at.or_else(|| {
            self.local.and_then(|l| zone.tz.from_local_datetime(&l).earliest()).map(|t| t.with_timezone(&Utc))
        })
    }

    pub fn kind(&self) -> StatusKind {
        StatusKind::of(self.status.as_deref())
    }
}

/// Statuses across platforms, each with a symbol so that color is never the only sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusKind {
    Pending,
    Confirmed,
    Completed,
    Cancelled,
    NoShow,
    Other,
}

impl StatusKind {
    pub const ALL: [StatusKind; 6] = [
        StatusKind::Pending,
        StatusKind::Confirmed,
        StatusKind::Completed,
        StatusKind::Cancelled,
        StatusKind::NoShow,
        StatusKind::Other,
    ];

    pub fn of(s: Option<&str>) -> StatusKind {
        match s.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
            Some("pending") => StatusKind::Pending,
            Some("confirmed" | "scheduled" | "booked") => StatusKind::Confirmed,
            Some("completed" | "done") => StatusKind::Completed,
            Some("cancelled" | "canceled") => StatusKind::Cancelled,
            Some("no_show" | "no-show" | "noshow" | "missed") => StatusKind::NoShow,
            _ => StatusKind::Other,
        }
    }

    pub fn symbol(self) -> char {
        match self {
            StatusKind::Pending => '○',
            StatusKind::Confirmed => '●',
            StatusKind::Completed => '✓',
            StatusKind::Cancelled => '✗',
            StatusKind::NoShow => '⊘',
            StatusKind::Other => '·',
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            StatusKind::Pending => "pending",
            StatusKind::Confirmed => "confirmed",
            StatusKind::Completed => "completed",
            StatusKind::Cancelled => "cancelled",
            StatusKind::NoShow => "no-show",
            StatusKind::Other => "other",
        }
    }

    fn index(self) -> usize {
        StatusKind::ALL.iter().position(|k| *k == self).unwrap_or(5)
    }
}

/// The first day of a date's month.
pub fn month_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The Monday on or before the first of the month: the grid's first cell.
pub fn grid_start(month: NaiveDate) -> NaiveDate {
    let first = month_of(month);
    first - Duration::days(first.weekday().num_days_from_monday() as i64)
}

/// The day after the grid's last cell.
pub fn grid_end(month: NaiveDate) -> NaiveDate {
    grid_start(month) + Duration::days(GRID_DAYS)
}

/// The same day of the month `delta` months away, clamped to that month's length.
pub fn add_months(d: NaiveDate, delta: i32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + delta;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    (1..=d.day()).rev().find_map(|day| NaiveDate::from_ymd_opt(y, m, day)).unwrap_or(d)
}

/// Midnight at the start of a local date, as an instant. A zone whose clocks skip midnight (a DST change
/// at 00:00) starts the day at the first minute that exists.
pub fn local_midnight_utc(zone: &OrgZone, d: NaiveDate) -> DateTime<Utc> {
    for minutes in 0..(3 * 60) {
        let wall = d.and_time(NaiveTime::MIN) + Duration::minutes(minutes);
        if let Some(t) = zone.tz.from_local_datetime(&wall).earliest() {
            return t.with_timezone(&Utc);
        }
    }
    Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))
}

/// Appointment counts of one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCount {
    pub total: u32,
    pub by_kind: [u32; 6],
    pub emergency: u32,
}

impl DayCount {
    pub fn of(&self, k: StatusKind) -> u32 {
        self.by_kind[k.index()]
    }
}

impl DayCount {
    /// Adds `n` appointments of one status, `emergency` of them marked as emergencies.
    pub fn add(&mut self, kind: StatusKind, n: u32, emergency: u32) {
        self.total += n;
        self.by_kind[kind.index()] += n;
        self.emergency += emergency;
    }
}

/// One group of the database's per-day counts: the day (as an offset from the range's first day), the
/// status as stored (sanitized), how many, and how many of those are emergencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayGroup {
    pub day: i64,
    pub status: Option<String>,
    pub n: u32,
    pub emergency: u32,
}

/// Folds the database's groups into counts per day of a range of `days` days. The status kind is decided
/// here, by `StatusKind::of`, exactly as for a loaded appointment; groups outside the range are ignored.
pub fn counts_of_groups(groups: &[DayGroup], days: usize) -> Vec<DayCount> {
    let mut out = vec![DayCount::default(); days];
    for g in groups {
        if let Some(c) = usize::try_from(g.day).ok().and_then(|i| out.get_mut(i)) {
            c.add(StatusKind::of(g.status.as_deref()), g.n, g.emergency);
        }
    }
    out
}

/// Counts per cell of the grid that starts at `start`, from loaded appointments (the console asks the
/// database for the counts instead: `counts_of_groups`; this is the reference they are tested against).
pub fn day_counts(appts: &[Appointment], zone: &OrgZone, start: NaiveDate) -> Vec<DayCount> {
    let mut out = vec![DayCount::default(); GRID_DAYS as usize];
    for a in appts {
        let Some(local) = a.local_in(zone) else { continue };
        let i = (local.date() - start).num_days();
        if !(0..GRID_DAYS).contains(&i) {
            continue;
        }
        out[i as usize].add(a.kind(), 1, u32::from(a.emergency == Some(true)));
    }
    out
}

/// The appointments of one local day, in order of their local start.
pub fn day_agenda<'a>(appts: &'a [Appointment], zone: &OrgZone, day: NaiveDate) -> Vec<&'a Appointment> {
    let mut v: Vec<&Appointment> = appts.iter().filter(|a| a.local_in(zone).map(|l| l.date()) == Some(day)).collect();
    v.sort_by_key(|a| (a.local_in(zone), a.key.clone()));
    v
}

/// Parses a typed date: `2026-03-08`, `2026-03` (its first day), `03-08` or `3/8` (this year).
pub fn parse_date(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(d) = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d") {
        return Some(d);
    }
    for fmt in ["%m-%d", "%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(&format!("{}-{s}", today.year()), &format!("%Y-{fmt}")) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn appt(i: u32, at: Option<DateTime<Utc>>, local: Option<NaiveDateTime>, status: &str) -> Appointment {
        Appointment {
            key: Key::Text(format!("a{i:03}")),
            at,
            local,
            duration_min: Some(60),
            customer: None,
            phone: None,
            title: None,
            status: Some(status.to_string()),
            urgency: None,
            urgency_label: None,
            emergency: Some(i == 0),
        }
    }

    #[test]
    fn grid_starts_on_monday_and_spans_six_weeks() {
        assert_eq!(grid_start(d(2026, 3, 17)), d(2026, 2, 23));
        assert_eq!(grid_start(d(2026, 6, 1)), d(2026, 6, 1)); // a Monday
        assert_eq!(grid_end(d(2026, 3, 1)) - grid_start(d(2026, 3, 1)), Duration::days(42));
    }

    #[test]
    fn months_clamp_their_days() {
        assert_eq!(add_months(d(2026, 1, 31), 1), d(2026, 2, 28));
        assert_eq!(add_months(d(2026, 12, 15), 1), d(2027, 1, 15));
        assert_eq!(add_months(d(2026, 1, 15), -1), d(2025, 12, 15));
    }

    #[test]
    fn instants_land_on_the_local_day_across_dst() {
        let ny = OrgZone::from_name(Some("America/New_York"));
        // 2026-03-08 is the spring-forward day in New York (23 hours): 03:30 UTC on the 9th is 23:30 on the 8th.
        let late = Utc.with_ymd_and_hms(2026, 3, 9, 3, 30, 0).unwrap();
        let a = appt(1, Some(late), None, "scheduled");
        assert_eq!(a.local_in(&ny).unwrap().date(), d(2026, 3, 8));
        let counts = day_counts(std::slice::from_ref(&a), &ny, grid_start(d(2026, 3, 1)));
        assert_eq!(counts[(d(2026, 3, 8) - grid_start(d(2026, 3, 1))).num_days() as usize].total, 1);
        let kolkata = OrgZone::from_name(Some("Asia/Kolkata"));
        // 18:45 UTC is 00:15 the next day in +05:30.
        let a = appt(2, Some(Utc.with_ymd_and_hms(2026, 3, 8, 18, 45, 0).unwrap()), None, "completed");
        assert_eq!(a.local_in(&kolkata).unwrap(), d(2026, 3, 9).and_hms_opt(0, 15, 0).unwrap());
    }

    #[test]
    fn local_wall_times_resolve_or_say_they_do_not_exist() {
        let ny = OrgZone::from_name(Some("America/New_York"));
        let gap = appt(3, None, Some(d(2026, 3, 8).and_hms_opt(2, 30, 0).unwrap()), "pending");
        assert_eq!(gap.local_in(&ny).unwrap().date(), d(2026, 3, 8));
        assert_eq!(gap.instant_in(&ny), None);
        let twice = appt(4, None, Some(d(2026, 11, 1).and_hms_opt(1, 30, 0).unwrap()), "pending");
        assert_eq!(twice.instant_in(&ny).unwrap(), Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap());
    }

    #[test]
    fn midnight_of_a_day_in_the_zone() {
        let ny = OrgZone::from_name(Some("America/New_York"));
        assert_eq!(local_midnight_utc(&ny, d(2026, 3, 8)), Utc.with_ymd_and_hms(2026, 3, 8, 5, 0, 0).unwrap());
        assert_eq!(local_midnight_utc(&ny, d(2026, 3, 9)), Utc.with_ymd_and_hms(2026, 3, 9, 4, 0, 0).unwrap());
        // Santiago skips from 00:00 to 01:00 on its spring-forward day.
        let scl = OrgZone::from_name(Some("America/Santiago"));
        let t = local_midnight_utc(&scl, d(2026, 9, 6));
        assert_eq!(t.with_timezone(&scl.tz).date_naive(), d(2026, 9, 6));
    }

    #[test]
    fn counts_by_status_and_emergency() {
        let z = OrgZone::from_name(Some("UTC"));
        let day = d(2026, 3, 4).and_hms_opt(9, 0, 0).unwrap();
        let appts = vec![
            appt(0, None, Some(day), "confirmed"),
            appt(1, None, Some(day), "cancelled"),
            appt(2, None, Some(day), "no_show"),
            appt(3, None, Some(day + Duration::days(60)), "pending"),
        ];
        let start = grid_start(d(2026, 3, 1));
        let c = day_counts(&appts, &z, start)[(d(2026, 3, 4) - start).num_days() as usize];
        assert_eq!((c.total, c.emergency), (3, 1));
        assert_eq!(c.of(StatusKind::Confirmed), 1);
        assert_eq!(c.of(StatusKind::NoShow), 1);
        assert_eq!(day_agenda(&appts, &z, d(2026, 3, 4)).len(), 3);
    }

    #[test]
    fn groups_fold_into_the_same_counts_as_rows() {
        let z = OrgZone::from_name(Some("UTC"));
        let start = grid_start(d(2026, 3, 1));
        let day = d(2026, 3, 4).and_hms_opt(9, 0, 0).unwrap();
        let appts = vec![
            appt(0, None, Some(day), "confirmed"),
            appt(1, None, Some(day), " Confirmed "),
            appt(2, None, Some(day), "no_show"),
            appt(3, None, Some(day + Duration::days(1)), "weird"),
        ];
        let i = (d(2026, 3, 4) - start).num_days();
        let g = |day: i64, s: &str, n: u32, e: u32| DayGroup { day, status: Some(s.to_string()), n, emergency: e };
        let groups = vec![
            g(i, "confirmed", 1, 1),
            g(i, " Confirmed ", 1, 0),
            g(i, "no_show", 1, 0),
            g(i + 1, "weird", 1, 0),
            g(-1, "pending", 5, 0),
            g(GRID_DAYS, "pending", 5, 0),
        ];
        assert_eq!(counts_of_groups(&groups, GRID_DAYS as usize), day_counts(&appts, &z, start));
    }

    #[test]
    fn typed_dates() {
        let today = d(2026, 11, 21);
        assert_eq!(parse_date("2026-03-08", today), Some(d(2026, 3, 8)));
        assert_eq!(parse_date("2027-01", today), Some(d(2027, 1, 1)));
        assert_eq!(parse_date("3/8", today), Some(d(2026, 3, 8)));
        assert_eq!(parse_date("12-25", today), Some(d(2026, 12, 25)));
        assert_eq!(parse_date("tomorrow", today), None);
        assert_eq!(parse_date("2026-02-30", today), None);
    }

    #[test]
    fn statuses_of_every_platform() {
        assert_eq!(StatusKind::of(Some("no-show")), StatusKind::NoShow);
        assert_eq!(StatusKind::of(Some("scheduled")), StatusKind::Confirmed);
        assert_eq!(StatusKind::of(None), StatusKind::Other);
    }
}
