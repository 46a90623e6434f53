//! Who is on call at an instant, and who is tried next: the rules of ServiceAI's get_on_call_contact,
//! evaluated in the org's zone.
//!
//! A contact is available when active, on one of its days (none listed: every day), inside its hours
//! (none: all day; only a start: until midnight; only an end: from midnight; start = end: never). A window
//! that crosses midnight (22:00–06:00) belongs to the day it started: at 02:00 on Tuesday it is Monday's
//! window that counts. Available contacts are tried by priority (1 first), then primary first, then by
//! id: equal priorities are broken that way and the chain says so.
//!
//! Days are the seed's convention: English day names in full, `'monday'`, `'tuesday'`, ...; case and
//! surrounding spaces are ignored (`'Monday'`, `' SUNDAY '`). Any other value (`'tues'`, `'mon'`,
//! `'funday'`, `''`) is not a day: it matches no day, as in the platform's function, and the console says
//! so ([`Contact::day_issues`]) instead of showing it as if it were one.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, NaiveTime, Utc, Weekday};
use serde::Serialize;

use crate::core::model::{CallRow, Key};

mod at;
pub use at::{At, age, instant};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    pub key: Key,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub role: Option<String>,
    pub is_primary: Option<bool>,
    pub is_active: Option<bool>,
    /// Lowercase English day names; None or empty means every day.
    pub days: Option<Vec<String>>,
    pub hours_start: Option<NaiveTime>,
    pub hours_end: Option<NaiveTime>,
    pub priority: Option<i32>,
    /// Seconds before the next contact is tried (the platform's default is 30).
    pub escalation_timeout_s: Option<i32>,
    pub call: Option<bool>,
    pub sms: Option<bool>,
    pub email_enabled: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notification {
    pub key: Key,
    pub created_at: Option<DateTime<Utc>>,
    pub contact: Option<String>,
    pub kind: Option<String>,
    pub urgency: Option<String>,
    pub message: Option<String>,
    pub status: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// The call it is about, when the platform links one.
    pub call: Option<Key>,
    /// The call id the row names (e.g. its `vapi_call_id`), kept when no call of the org has it: "the call it
    /// names is not in the database" is then said with the id, not "no call is linked".
    pub call_ref: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transfer {
    pub key: Key,
    pub created_at: Option<DateTime<Utc>>,
    pub customer: Option<String>,
    pub reason: Option<String>,
    pub urgency: Option<String>,
    pub to: Option<String>,
    pub status: Option<String>,
    pub connected_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub summary: Option<String>,
    pub call: Option<Key>,
    /// The call id the transfer names, kept when no call of the org has it (see [`Notification::call_ref`]).
    pub call_ref: Option<String>,
}

/// What Enter on a row without a call says: the id the row names when there is one and no call has it.
pub fn no_call_message(what: &str, call_ref: Option<&str>) -> String {
    match call_ref.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => format!(
            "the call this {what} names ({}) is not in the database: deleted, or never logged",
            crate::core::sanitize::single_line(r)
        ),
        None => format!("no call is linked to this {what}"),
    }
}

/// Everything the on-call view shows for one org, read in one go.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OnCallData {
    pub contacts: Vec<Contact>,
    pub notifications: Vec<Notification>,
    pub transfers: Vec<Transfer>,
    pub urgent_calls: Vec<CallRow>,
    /// The org's own emergency number, the last resort when nobody is available.
    pub fallback_phone: Option<String>,
    /// The transfer number and mode, where the platform has them.
    pub transfer_to: Option<String>,
    /// Sections that could not be read, and why ("chain": "no SELECT on emergency_contacts").
    pub unavailable: Vec<(String, String)>,
    /// What the sections that were read lack, by section ("notifications": "no column sent_at in
    /// emergency_notifications"): not recorded in this database.
    pub lost: Vec<(String, String)>,
    /// The tables read whose rows row security filters for this role.
    pub row_security: Vec<String>,
    /// The platform's own function's answer for now, where the database has it and the role may run it.
    pub platform_pick: Option<PlatformPick>,
}

/// What the platform's own function (ServiceAI's `get_on_call_contact(org, urgency)`) answers, read in the
/// same read-only transaction as the rest: beside the console's pick, never instead of it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PlatformPick {
    /// The call as made: `get_on_call_contact(org, 'high')`.
    pub call: String,
    /// The server's clock when it answered (the transaction's `now()`): the instant it speaks for.
    pub at: Option<DateTime<Utc>>,
    /// The contact it named; None with no error: nobody.
    pub contact: Option<PickedContact>,
    /// Why it has no answer (it raised an error, it is not what the seed documents): only this line's.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PickedContact {
    pub key: Option<Key>,
    pub name: Option<String>,
    pub phone: Option<String>,
}

/// The console's pick against the platform's function, at the instant the function answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub agrees: bool,
    /// The console's pick at that instant (its name), None: nobody.
    pub console: Option<String>,
}

impl PlatformPick {
    /// Whether the console's rules pick the same contact (or nobody) at the instant the function answered.
    /// None when there is nothing to compare: the function failed, or the contacts could not be read.
    pub fn verdict(&self, data: &OnCallData, zone: &crate::core::time::OrgZone) -> Option<Verdict> {
        if self.error.is_some() || data.unavailable("chain").is_some() {
            return None;
        }
        let at = self.at?;
        let local = at.with_timezone(&zone.tz).naive_local();
        let ours = chain(&data.contacts, local).into_iter().next().map(|e| e.contact);
        let theirs = self.contact.as_ref().and_then(|c| c.key.clone());
        let agrees = ours.as_ref().map(|c| &c.key) == theirs.as_ref();
        Some(Verdict { agrees, console: ours.map(|c| c.name) })
    }
}

impl OnCallData {
    /// Why a section could not be read, if it could not.
    pub fn unavailable(&self, section: &str) -> Option<&str> {
        self.unavailable.iter().find(|(s, _)| s == section).map(|(_, why)| why.as_str())
    }

    /// What a section that was read does not record here.
    pub fn not_recorded(&self, section: &str) -> Vec<&str> {
        self.lost.iter().filter(|(s, _)| s == section).map(|(_, l)| l.as_str()).collect()
    }
}

pub const DEFAULT_TIMEOUT_S: i32 = 30;

fn weekday_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

/// The day a value of `available_days` names: an English day name in full, case and surrounding spaces
/// ignored. `None` for anything else.
pub fn day_of(value: &str) -> Option<Weekday> {
    let v = value.trim();
    ALL_DAYS.into_iter().find(|d| v.eq_ignore_ascii_case(weekday_name(*d)))
}

const ALL_DAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// The day an unrecognised value most likely meant: the one day whose name starts with it (two letters
/// at least: `'tues'`, `'thu'`, `'sa'`) or that it starts with (`'mondays'`). `None` when no single day fits
/// (`'funday'`, `'t'`).
fn meant_day(value: &str) -> Option<Weekday> {
    let v = value.trim().to_lowercase();
    if v.chars().count() < 2 {
        return None;
    }
    let fits: Vec<Weekday> = ALL_DAYS
        .into_iter()
        .filter(|d| {
            let name = weekday_name(*d);
            name.starts_with(v.as_str()) || v.starts_with(name)
        })
        .collect();
    match fits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "Mon", "Tue", ...
pub fn day_short(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

fn day_plural(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Mondays",
        Weekday::Tue => "Tuesdays",
        Weekday::Wed => "Wednesdays",
        Weekday::Thu => "Thursdays",
        Weekday::Fri => "Fridays",
        Weekday::Sat => "Saturdays",
        Weekday::Sun => "Sundays",
    }
}

/// A value of a contact's `available_days` that is not a day name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayIssue {
    /// The value as stored (sanitized).
    pub value: String,
    /// The day it most likely meant (`"tuesday"` for `'tues'`), if one.
    pub meant: Option<String>,
    /// What it means for the pick, in words.
    pub note: String,
}

impl Contact {
    /// The days listed, recognised or not; None: every day (no list, or an empty one).
    fn listed_days(&self) -> Option<&[String]> {
        self.days.as_deref().filter(|d| !d.is_empty())
    }

    fn works_on(&self, d: Weekday) -> bool {
        match self.listed_days() {
            None => true,
            Some(days) => days.iter().any(|x| day_of(x) == Some(d)),
        }
    }

    /// The values of `available_days` that are not day names, each with what it means: "'tues' is not a
    /// day name: this contact is never available on Tuesdays".
    pub fn day_issues(&self) -> Vec<DayIssue> {
        let Some(days) = self.listed_days() else { return Vec::new() };
        let recognised: Vec<Weekday> = days.iter().filter_map(|x| day_of(x)).collect();
        let mut out: Vec<DayIssue> = Vec::new();
        for v in days.iter().filter(|x| day_of(x).is_none()) {
            if out.iter().any(|i| &i.value == v) {
                continue;
            }
            let meant = meant_day(v);
            let shown = format!("'{v}' is not a day name");
            let note = match meant {
                Some(d) if recognised.contains(&d) => {
                    format!("{shown} (the seed's are 'monday', 'tuesday', ...); {} is listed as well", day_short(d))
                }
                Some(d) => format!("{shown}: this contact is never available on {}", day_plural(d)),
                None if recognised.is_empty() => {
                    format!("{shown} and no other value is: this contact is never available")
                }
                None => format!("{shown}: it counts as no day"),
            };
            out.push(DayIssue { value: v.clone(), meant: meant.map(|d| weekday_name(d).to_string()), note });
        }
        out
    }

    /// Whether the contact may be called at this local wall time.
    pub fn available_at(&self, local: NaiveDateTime) -> bool {
        if self.is_active != Some(true) {
            return false;
        }
        let t = local.time();
        let today = local.date().weekday();
        let yesterday = (local.date() - Duration::days(1)).weekday();
        match (self.hours_start, self.hours_end) {
            (None, None) => self.works_on(today),
            (None, Some(end)) => t < end && self.works_on(today),
            (Some(start), None) => t >= start && self.works_on(today),
            (Some(start), Some(end)) if start < end => t >= start && t < end && self.works_on(today),
            (Some(start), Some(end)) if start == end => false,
            // Crosses midnight: the evening part is today's window, the morning part yesterday's.
            (Some(start), Some(end)) => (t >= start && self.works_on(today)) || (t < end && self.works_on(yesterday)),
        }
    }

    /// "Mon Tue 08:00–18:00", "every day, all day", "Sat, 22:00–06:00 (next day)"; a value that is not a
    /// day name is shown as stored, marked: "Mon ⚠'tues' Sun".
    pub fn availability(&self) -> String {
        let days = match self.listed_days() {
            None => "every day".to_string(),
            Some(d) => d
                .iter()
                .map(|x| match day_of(x) {
                    Some(day) => day_short(day).to_string(),
                    None => format!("⚠'{x}'"),
                })
                .collect::<Vec<_>>()
                .join(" "),
        };
        let hours = match (self.hours_start, self.hours_end) {
            (None, None) => "all day".to_string(),
            (s, e) => {
                let f =
                    |t: Option<NaiveTime>, dflt: &str| t.map(|t| t.format("%H:%M").to_string()).unwrap_or(dflt.into());
                let cross = matches!((s, e), (Some(s), Some(e)) if e < s);
                format!("{}–{}{}", f(s, "00:00"), f(e, "24:00"), if cross { " (next day)" } else { "" })
            }
        };
        format!("{days}, {hours}")
    }

    pub fn channels(&self) -> String {
        let mark = |b: Option<bool>, dflt: bool| if b.unwrap_or(dflt) { "✓" } else { "✗" };
        format!("call {} sms {} email {}", mark(self.call, true), mark(self.sms, true), mark(self.email_enabled, false))
    }
}

/// One step of the escalation chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainEntry {
    pub contact: Contact,
    /// Seconds after the alert when this contact is tried.
    pub after_s: i64,
    /// Set when this contact shares its priority with the one before: how the tie was broken.
    pub tie_note: Option<String>,
}

/// The contacts available at `local`, in the order they are tried, with when each is tried.
pub fn chain(contacts: &[Contact], local: NaiveDateTime) -> Vec<ChainEntry> {
    let mut avail: Vec<&Contact> = contacts.iter().filter(|c| c.available_at(local)).collect();
    avail.sort_by(|a, b| {
        (a.priority.is_none(), a.priority, !a.is_primary.unwrap_or(false), &a.key).cmp(&(
            b.priority.is_none(),
            b.priority,
            !b.is_primary.unwrap_or(false),
            &b.key,
        ))
    });
    let mut out: Vec<ChainEntry> = Vec::new();
    let mut after = 0i64;
    for (i, c) in avail.iter().enumerate() {
        let tie_note = (i > 0 && avail[i - 1].priority == c.priority).then(|| {
            if avail[i - 1].is_primary.unwrap_or(false) != c.is_primary.unwrap_or(false) {
                "same priority: the primary contact goes first".to_string()
            } else {
                "same priority: ordered by id".to_string()
            }
        });
        out.push(ChainEntry { contact: (*c).clone(), after_s: after, tie_note });
        after += c.escalation_timeout_s.unwrap_or(DEFAULT_TIMEOUT_S).max(0) as i64;
    }
    out
}

/// Active contacts by priority, then the inactive ones.
pub fn roster(contacts: &[Contact]) -> (Vec<&Contact>, Vec<&Contact>) {
    let mut active: Vec<&Contact> = contacts.iter().filter(|c| c.is_active == Some(true)).collect();
    let inactive: Vec<&Contact> = contacts.iter().filter(|c| c.is_active != Some(true)).collect();
    active.sort_by_key(|c| (c.priority.is_none(), c.priority, !c.is_primary.unwrap_or(false), c.key.clone()));
    (active, inactive)
}

/// Notification statuses the view filters by, in the order the filter key cycles them.
pub const STATUS_FILTERS: [Option<&str>; 6] =
    [None, Some("pending"), Some("failed"), Some("sent"), Some("delivered"), Some("acknowledged")];

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn contact(id: u32, prio: Option<i32>, days: Option<&[&str]>, hours: Option<(u32, u32)>) -> Contact {
        Contact {
            key: Key::Text(format!("c{id}")),
            name: format!("Contact {id}"),
            phone: Some(format!("+1555000{id:04}")),
            email: None,
            role: None,
            is_primary: Some(false),
            is_active: Some(true),
            days: days.map(|d| d.iter().map(|s| s.to_string()).collect()),
            hours_start: hours.map(|h| NaiveTime::from_hms_opt(h.0, 0, 0).unwrap()),
            hours_end: hours.map(|h| NaiveTime::from_hms_opt(h.1, 0, 0).unwrap()),
            priority: prio,
            escalation_timeout_s: Some(30),
            call: Some(true),
            sms: Some(true),
            email_enabled: Some(false),
        }
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn a_night_window_belongs_to_the_day_it_started() {
        // Monday 22:00 to Tuesday 06:00 only.
        let c = contact(1, Some(1), Some(&["monday"]), Some((22, 6)));
        assert!(c.available_at(at(2026, 11, 23, 23, 0))); // Mon 23:00
        assert!(c.available_at(at(2026, 11, 24, 2, 0))); // Tue 02:00, Monday's window
        assert!(!c.available_at(at(2026, 11, 24, 23, 0))); // Tue 23:00: Tuesday is not a day of it
        assert!(!c.available_at(at(2026, 11, 23, 2, 0))); // Mon 02:00 belongs to Sunday's window
        assert!(!c.available_at(at(2026, 11, 24, 6, 0))); // the end is exclusive
    }

    #[test]
    fn empty_days_null_hours_and_equal_bounds() {
        assert!(contact(1, Some(1), None, None).available_at(at(2026, 11, 22, 3, 0)));
        assert!(contact(1, Some(1), Some(&[]), None).available_at(at(2026, 11, 22, 3, 0)));
        assert!(!contact(1, Some(1), Some(&["monday"]), None).available_at(at(2026, 11, 22, 3, 0))); // a Sunday
        assert!(!contact(1, Some(1), None, Some((9, 9))).available_at(at(2026, 11, 22, 9, 0)));
        let mut c = contact(1, Some(1), None, Some((9, 17)));
        c.hours_end = None;
        assert!(c.available_at(at(2026, 11, 22, 23, 0)) && !c.available_at(at(2026, 11, 22, 8, 0)));
        c.is_active = Some(false);
        assert!(!c.available_at(at(2026, 11, 22, 23, 0)));
    }

    #[test]
    fn the_chain_is_by_priority_then_primary_then_id_with_cumulative_timeouts() {
        let mut a = contact(3, Some(2), None, None);
        a.escalation_timeout_s = Some(45);
        let mut b = contact(2, Some(2), None, None);
        b.is_primary = Some(true);
        let c = contact(1, Some(1), None, None);
        let d = contact(4, None, None, None);
        let off = contact(5, Some(0), Some(&["saturday"]), None);
        let ch = chain(&[a, b, c, d, off], at(2026, 11, 23, 12, 0));
        let names: Vec<&str> = ch.iter().map(|e| e.contact.name.as_str()).collect();
        assert_eq!(names, vec!["Contact 1", "Contact 2", "Contact 3", "Contact 4"]);
        let after: Vec<i64> = ch.iter().map(|e| e.after_s).collect();
        assert_eq!(after, vec![0, 30, 60, 105]);
        assert_eq!(ch[2].tie_note.as_deref(), Some("same priority: the primary contact goes first"));
        assert_eq!(ch[1].tie_note, None);
    }

    #[test]
    fn nobody_available_gives_an_empty_chain() {
        let c = contact(1, Some(1), Some(&["monday"]), Some((9, 17)));
        assert!(chain(&[c], at(2026, 11, 23, 20, 0)).is_empty());
    }

    #[test]
    fn instants_parse_as_utc_or_as_the_org_wall_time() {
        let ny = crate::core::time::OrgZone::from_name(Some("America/New_York"));
        let i = At::parse("2026-11-22T03:30:00Z").unwrap().unwrap();
        assert_eq!(i.local_in(&ny), at(2026, 11, 21, 22, 30));
        let l = At::parse("2026-11-21 22:30").unwrap().unwrap();
        assert_eq!(l.local_in(&ny), at(2026, 11, 21, 22, 30));
        assert_eq!(At::parse("now").unwrap(), None);
        assert!(At::parse("tonight").is_err());
    }

    #[test]
    fn day_names_are_whole_english_names_case_ignored() {
        let c = contact(1, Some(1), Some(&["Monday", " tuesday ", "SUNDAY"]), None);
        assert!(c.day_issues().is_empty());
        assert!(c.available_at(at(2026, 11, 24, 12, 0))); // Tue
        assert!(c.available_at(at(2026, 11, 22, 12, 0))); // Sun
        assert_eq!(c.availability(), "Mon Tue Sun, all day");
    }

    #[test]
    fn values_that_are_not_day_names_are_flagged_and_match_no_day() {
        let c = contact(1, Some(1), Some(&["Monday", "tues", "SUNDAY", "funday"]), None);
        assert!(!c.available_at(at(2026, 11, 24, 12, 0)), "'tues' is not Tuesday");
        assert!(c.available_at(at(2026, 11, 23, 12, 0)));
        assert_eq!(c.availability(), "Mon ⚠'tues' Sun ⚠'funday', all day");
        let notes: Vec<String> = c.day_issues().into_iter().map(|i| i.note).collect();
        assert_eq!(
            notes,
            vec![
                "'tues' is not a day name: this contact is never available on Tuesdays".to_string(),
                "'funday' is not a day name: it counts as no day".to_string(),
            ]
        );
        assert_eq!(c.day_issues()[0].meant.as_deref(), Some("tuesday"));
        let only_bad = contact(2, Some(1), Some(&["funday", ""]), None);
        assert!(!only_bad.available_at(at(2026, 11, 24, 12, 0)));
        assert_eq!(
            only_bad.day_issues()[0].note,
            "'funday' is not a day name and no other value is: this contact is never available"
        );
        let both = contact(3, Some(1), Some(&["thu", "thursday"]), None);
        assert!(both.day_issues()[0].note.contains("Thu is listed as well"));
        assert!(chain(&[c.clone(), only_bad], at(2026, 11, 24, 12, 0)).is_empty());
    }

    #[test]
    fn ages_count_from_the_instant_looked_at() {
        let at = Utc.with_ymd_and_hms(2026, 11, 21, 22, 0, 0).unwrap();
        assert_eq!(age(at - Duration::days(31), at), "31 d ago");
        assert_eq!(age(at - Duration::seconds(59), at), "59 s ago");
        assert_eq!(age(at + Duration::hours(9), at), "in 9 h");
        let ny = crate::core::time::OrgZone::from_name(Some("America/New_York"));
        let chosen = At::parse("2026-11-21 17:00").unwrap();
        assert_eq!(instant(chosen, &ny, at + Duration::days(40)), at);
        assert_eq!(instant(None, &ny, at), at);
    }

    #[test]
    fn a_wall_time_is_an_instant_in_the_zone() {
        let ny = crate::core::time::OrgZone::from_name(Some("America/New_York"));
        let l = At::parse("2026-11-21 22:30").unwrap().unwrap();
        assert_eq!(l.instant_in(&ny), Utc.with_ymd_and_hms(2026, 11, 22, 3, 30, 0).unwrap());
        // 02:30 on 2026-03-08 does not exist in New York: the first instant after it.
        let gap = At::parse("2026-03-08 02:30").unwrap().unwrap();
        assert_eq!(gap.instant_in(&ny), Utc.with_ymd_and_hms(2026, 3, 8, 7, 30, 0).unwrap());
    }

    #[test]
    fn availability_reads_like_a_schedule() {
        assert_eq!(contact(1, Some(1), None, None).availability(), "every day, all day");
        assert_eq!(
            contact(1, Some(1), Some(&["monday", "friday"]), Some((22, 6))).availability(),
            "Mon Fri, 22:00–06:00 (next day)"
        );
    }
}
