//! Caller history: one phone number (or customer) across calls, appointments, SMS, transfers and
//! notifications. This module is pure: phone numbers, the spellings they may be stored in, and the
//! timeline and its counts. The queries are in `data::dialects::caller`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::core::calendar::StatusKind;
use crate::core::model::Key;

mod phone;
pub use phone::*;

/// What the user asked to look up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallerQuery {
    /// A phone number as typed, in any format.
    Phone(String),
    /// A customer, contact or lead name (a part of it).
    Name(String),
    /// Whoever was on the other end of this call (opened from a notification or transfer).
    Call(Key),
}

impl CallerQuery {
    /// A phone number when the text looks like one, a name otherwise.
    pub fn parse(text: &str) -> CallerQuery {
        let t = text.trim();
        if looks_like_phone(t) { CallerQuery::Phone(t.to_string()) } else { CallerQuery::Name(t.to_string()) }
    }

    /// For headers and messages.
    pub fn describe(&self) -> String {
        match self {
            CallerQuery::Phone(s) => s.clone(),
            CallerQuery::Name(s) => format!("name {s:?}"),
            CallerQuery::Call(k) => format!("the caller of call {}", k.short()),
        }
    }
}

/// Accented Latin letters a name search treats as their plain letters (`fold_to!`, position by position).
/// Macros, so that the SQL (`data::dialects::caller`) and [`fold_name`] use the very same strings.
#[macro_export]
macro_rules! fold_from {
    () => {
        "ÁÀÂÄÃÅĀáàâäãåāÉÈÊËĒéèêëēÍÌÎÏĪíìîïīÓÒÔÖÕØŌóòôöõøōÚÙÛÜŪúùûüūÑñÇçÝýÿ"
    };
}

/// The plain letters of `fold_from!`, position by position.
#[macro_export]
macro_rules! fold_to {
    () => {
        "AAAAAAAaaaaaaaEEEEEeeeeeIIIIIiiiiiOOOOOOOoooooooUUUUUuuuuuNnCcYyy"
    };
}

/// A name folded for matching, as the name statements fold the stored names: accents off, lower case.
pub fn fold_name(s: &str) -> String {
    let from: Vec<char> = fold_from!().chars().collect();
    let to: Vec<char> = fold_to!().chars().collect();
    s.chars().map(|c| from.iter().position(|f| *f == c).map(|i| to[i]).unwrap_or(c)).collect::<String>().to_lowercase()
}

/// Digits with the punctuation phone numbers are written with (then it is a number, maybe too short to be
/// one, which the lookup says), rather than a name.
pub fn looks_like_phone(s: &str) -> bool {
    let s = s.trim();
    s.chars().any(|c| c.is_ascii_digit()) && s.chars().all(|c| c.is_ascii_digit() || " +-.()/".contains(c))
}

/// A customer, contact, lead or campaign recipient the number belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    /// "customer", "contact", "lead", "recipient".
    pub kind: String,
    pub key: Key,
    pub name: Option<String>,
    /// As stored.
    pub phone: Option<String>,
    /// `[label, value]` pairs: lead status and score, email, notes...
    pub facts: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Call,
    Appointment,
    Sms,
    Transfer,
    Notification,
}

impl EventKind {
    pub fn parse(s: &str) -> EventKind {
        match s {
            "appointment" => EventKind::Appointment,
            "sms" => EventKind::Sms,
            "transfer" => EventKind::Transfer,
            "notification" => EventKind::Notification,
            _ => EventKind::Call,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            EventKind::Call => "call",
            EventKind::Appointment => "appt",
            EventKind::Sms => "sms",
            EventKind::Transfer => "transfer",
            EventKind::Notification => "alert",
        }
    }
}

/// One thing that happened with the caller.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub kind: EventKind,
    pub key: Key,
    /// When: the call's start, the appointment's start, the message's time. None when the row has none.
    pub at: Option<DateTime<Utc>>,
    /// What: the agent, the appointment type, the SMS template, the transfer's destination.
    pub title: Option<String>,
    pub status: Option<String>,
    /// Direction for calls and SMS, "inbound" / "outbound".
    pub direction: Option<String>,
    pub duration_s: Option<i32>,
    /// A summary, the message, the reason.
    pub detail: Option<String>,
    /// The call this event belongs to, to open its transcript.
    pub call: Option<Key>,
    /// For a call: whether it reached someone, decided per platform from its own fields by the caller
    /// statements (`data::dialects`: Retell's `connected_at`, the others' documented outcomes); None for
    /// other events, or where the row does not tell.
    pub connected: Option<bool>,
}

impl Event {
    /// A call still under way (ringing, queued, in progress): neither answered nor missed yet.
    pub fn ongoing(&self) -> bool {
        let s = self.status.as_deref().unwrap_or("").trim().to_ascii_lowercase().replace(['-', ' '], "_");
        self.kind == EventKind::Call
            && ["in_progress", "ringing", "queued", "initiated", "active", "ongoing"].contains(&s.as_str())
    }

    /// A call that reached someone, as its platform records it (`connected`), and not still under way.
    pub fn answered(&self) -> bool {
        self.kind == EventKind::Call && self.connected == Some(true) && !self.ongoing()
    }
}

/// Another org where the same number is on record (shown to super-admins).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OtherOrg {
    pub key: Key,
    pub name: String,
    pub records: i64,
}

/// Someone whose name matched a name lookup.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameMatch {
    pub name: String,
    /// The number as stored.
    pub stored: Option<String>,
    /// The number understood (E.164 where the country is known); None when it cannot be.
    pub number: Option<String>,
}

/// Everything found for one caller in one org.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct CallerHistory {
    /// The number looked up, understood; None for a name lookup that found no number.
    pub phone: Option<Phone>,
    /// The customer/contact/lead records.
    pub records: Vec<Record>,
    /// Newest first; events without a time last.
    pub events: Vec<Event>,
    /// Other orgs with this number on record; None where the console did not look (a profile limited
    /// to one org, or a platform that keeps each org in its own schema).
    pub other_orgs: Option<Vec<OtherOrg>>,
    /// What the user should know: assumptions, bounded lookups, tables without a phone index.
    pub notes: Vec<String>,
    /// Some list reached its limit: older rows exist.
    pub truncated: bool,
    /// A name lookup that found several numbers (or none usable): the people to choose from.
    pub matches: Vec<NameMatch>,
}

/// The counts at the top of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub calls: usize,
    pub answered: usize,
    pub appointments: usize,
    pub kept: usize,
    pub missed: usize,
    pub cancelled: usize,
    pub upcoming: usize,
    pub sms: usize,
    pub last_contact: Option<DateTime<Utc>>,
}

impl CallerHistory {
    /// Newest first, events without a time last, then by kind and key so that the order is stable.
    pub fn sort(&mut self) {
        self.events.sort_by(|a, b| {
            b.at.is_some()
                .cmp(&a.at.is_some())
                .then(b.at.cmp(&a.at))
                .then((a.kind as u8).cmp(&(b.kind as u8)))
                .then(a.key.cmp(&b.key))
        });
    }

    /// Counts as of `now`: an appointment is upcoming when it starts later and is not cancelled.
    pub fn counts(&self, now: DateTime<Utc>) -> Counts {
        let mut c = Counts::default();
        for e in &self.events {
            match e.kind {
                EventKind::Call => {
                    c.calls += 1;
                    if e.answered() {
                        c.answered += 1;
                    }
                }
                EventKind::Appointment => {
                    c.appointments += 1;
                    match StatusKind::of(e.status.as_deref()) {
                        StatusKind::Completed => c.kept += 1,
                        StatusKind::NoShow => c.missed += 1,
                        StatusKind::Cancelled => c.cancelled += 1,
                        _ if e.at.is_some_and(|t| t > now) => c.upcoming += 1,
                        _ => {}
                    }
                }
                EventKind::Sms => c.sms += 1,
                _ => {}
            }
            // Contact is a call or a message; a booked appointment in the future is not contact.
            if matches!(e.kind, EventKind::Call | EventKind::Sms) {
                c.last_contact = c.last_contact.max(e.at);
            }
        }
        c
    }
}

// Phone numbers are tested in tests/phone_numbers.rs, against libphonenumber's example numbers.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_is_answered_when_its_platform_says_it_connected_and_ongoing_ones_are_neither() {
        let call = |status: &str, connected: Option<bool>| Event {
            kind: EventKind::Call,
            key: Key::Text("k".into()),
            at: None,
            title: None,
            status: Some(status.into()),
            direction: None,
            duration_s: Some(850),
            detail: None,
            call: None,
            connected,
        };
        assert!(call("completed", Some(true)).answered());
        // Retell's not_connected call of 850 s: its platform says it never connected.
        assert!(!call("not_connected", Some(false)).answered());
        assert!(!call("weird", None).answered());
        let live = call("in-progress", Some(true));
        assert!(live.ongoing() && !live.answered());
    }

    #[test]
    fn names_fold_accents_and_case_like_the_sql() {
        assert_eq!(fold_name("María GARCÍA Núñez"), "maria garcia nunez");
        assert_eq!(fold_name("山田 Zoë"), "山田 zoe");
        assert_eq!(fold_from!().chars().count(), fold_to!().chars().count());
    }

    #[test]
    fn queries_tell_numbers_from_names() {
        assert_eq!(CallerQuery::parse("+1 (415) 555-0123"), CallerQuery::Phone("+1 (415) 555-0123".into()));
        assert_eq!(CallerQuery::parse("Ana María"), CallerQuery::Name("Ana María".into()));
        assert_eq!(CallerQuery::parse("911"), CallerQuery::Phone("911".into()));
        assert_eq!(CallerQuery::parse("Unit 4"), CallerQuery::Name("Unit 4".into()));
    }
}
