//! Caller history: one phone number (or customer) across calls, appointments, SMS, transfers and
//! notifications. This module is pure: phone numbers, the spellings they may be stored in, and the
//! timeline and its counts. The queries are in `data::dialects::caller`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::core::calendar::StatusKind;
use crate::core::model::Key;

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

/// A phone number understood: its country calling code where known and its national significant number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// As the user typed it (or as it was stored, when opened from a record).
    pub input: String,
    /// The country calling code: typed, or the org's.
    pub country_code: Option<u16>,
    /// The national significant number: digits, without trunk prefix or country code.
    pub national: String,
    /// Said to the user when an assumption was made (the org's country, an unknown country).
    pub note: Option<String>,
}

impl Phone {
    /// E.164 (`+14155550123`) when the country is known.
    pub fn e164(&self) -> Option<String> {
        self.country_code.map(|cc| format!("+{cc}{}", self.national))
    }

    /// E.164 when known, otherwise the national digits.
    pub fn display(&self) -> String {
        self.e164().unwrap_or_else(|| self.national.clone())
    }
}

/// Two-digit country calling codes; the others are one digit (1, 7) or three.
const TWO_DIGIT_CODES: &[u16] = &[
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62,
    63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
];

/// Splits international digits (no `+`/`00`) into the country code and the rest.
pub fn split_country_code(digits: &str) -> Option<(u16, &str)> {
    let first = digits.get(..1)?;
    if first == "1" || first == "7" {
        return Some((first.parse().ok()?, &digits[1..]));
    }
    let two: u16 = digits.get(..2)?.parse().ok()?;
    if TWO_DIGIT_CODES.contains(&two) {
        return Some((two, &digits[2..]));
    }
    let three: u16 = digits.get(..3)?.parse().ok()?;
    Some((three, &digits[3..]))
}

/// The calling code of an ISO 3166 alpha-2 country, for the countries platforms here serve.
pub fn country_code_for_iso(iso: &str) -> Option<u16> {
    Some(match iso.trim().to_ascii_uppercase().as_str() {
        "US" | "CA" | "PR" => 1,
        "GB" | "UK" => 44,
        "IE" => 353,
        "FR" => 33,
        "DE" => 49,
        "ES" => 34,
        "IT" => 39,
        "NL" => 31,
        "BE" => 32,
        "CH" => 41,
        "AT" => 43,
        "SE" => 46,
        "NO" => 47,
        "DK" => 45,
        "PT" => 351,
        "PL" => 48,
        "AU" => 61,
        "NZ" => 64,
        "IN" => 91,
        "JP" => 81,
        "SG" => 65,
        "AE" => 971,
        "MX" => 52,
        "BR" => 55,
        "ZA" => 27,
        "IL" => 972,
        _ => return None,
    })
}

/// The calling code of the country a time zone belongs to, where the zone names one country.
pub fn country_code_for_zone(zone: &str) -> Option<u16> {
    let z = zone.trim();
    const NANP: &[&str] = &[
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "America/Anchorage",
        "America/Boise",
        "America/Detroit",
        "America/Toronto",
        "America/Vancouver",
        "America/Edmonton",
        "America/Winnipeg",
        "America/Halifax",
        "America/Regina",
        "America/St_Johns",
        "America/Puerto_Rico",
        "Pacific/Honolulu",
    ];
    if NANP.contains(&z)
        || z.starts_with("America/Indiana/")
        || z.starts_with("America/Kentucky/")
        || z.starts_with("US/")
    {
        return Some(1);
    }
    if z.starts_with("Australia/") {
        return Some(61);
    }
    let iso = match z {
        "Europe/London" | "Europe/Belfast" => "GB",
        "Europe/Dublin" => "IE",
        "Europe/Paris" => "FR",
        "Europe/Berlin" => "DE",
        "Europe/Madrid" => "ES",
        "Europe/Rome" => "IT",
        "Europe/Amsterdam" => "NL",
        "Europe/Brussels" => "BE",
        "Europe/Zurich" => "CH",
        "Europe/Vienna" => "AT",
        "Europe/Stockholm" => "SE",
        "Europe/Oslo" => "NO",
        "Europe/Copenhagen" => "DK",
        "Europe/Lisbon" => "PT",
        "Europe/Warsaw" => "PL",
        "Pacific/Auckland" => "NZ",
        "Asia/Kolkata" | "Asia/Calcutta" => "IN",
        "Asia/Tokyo" => "JP",
        "Asia/Singapore" => "SG",
        "Asia/Dubai" => "AE",
        "America/Mexico_City" => "MX",
        "America/Sao_Paulo" => "BR",
        "Africa/Johannesburg" => "ZA",
        "Asia/Jerusalem" => "IL",
        _ => return None,
    };
    country_code_for_iso(iso)
}

/// The shortest and longest numbers E.164 allows, country code included.
const MIN_DIGITS: usize = 7;
const MAX_DIGITS: usize = 15;

/// Understands a typed or stored number. `org_cc` is the org's country calling code, when known: it is
/// assumed for numbers typed without one. Words ("anonymous"), empty text and impossible lengths are
/// refused with a reason, so that a malformed number never matches everything.
pub fn parse_phone(input: &str, org_cc: Option<u16>) -> Result<Phone, String> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err("no phone number given".to_string());
    }
    // "+44 (0)20 ..." writes the trunk prefix in brackets: it is not part of the international number.
    let cleaned = raw.replace("(0)", "");
    if let Some(bad) = cleaned.chars().find(|c| !(c.is_ascii_digit() || " +-.()/".contains(*c))) {
        return Err(format!("{raw:?} is not a phone number (it has {bad:?}): type digits, spaces, + - . ( )"));
    }
    if cleaned.chars().skip(1).any(|c| c == '+') {
        return Err(format!("{raw:?} is not a phone number: + may only come first"));
    }
    let digits: String = cleaned.chars().filter(char::is_ascii_digit).collect();
    let international =
        if cleaned.trim_start().starts_with('+') { Some(digits.as_str()) } else { digits.strip_prefix("00") };
    let (country_code, national, note) = match international {
        Some(d) => {
            let Some((cc, national)) = split_country_code(d) else {
                return Err(format!("{raw:?} has no digits after the international prefix"));
            };
            (Some(cc), national.to_string(), None)
        }
        None => match org_cc {
            Some(1) if digits.len() == 11 && digits.starts_with('1') => (Some(1), digits[1..].to_string(), None),
            Some(1) => (Some(1), digits.clone(), Some("no country code typed: +1, the organization's".to_string())),
            Some(cc) => {
                let national = digits.strip_prefix('0').unwrap_or(&digits).to_string();
                (Some(cc), national, Some(format!("no country code typed: +{cc}, the organization's")))
            }
            None => {
                let national = digits.strip_prefix('0').unwrap_or(&digits).to_string();
                (
                    None,
                    national,
                    Some(
                        "no country code typed and the organization's country is unknown: national digits only".into(),
                    ),
                )
            }
        },
    };
    let total = national.len() + country_code.map(|c| c.to_string().len()).unwrap_or(1);
    if national.len() < 4 || total < MIN_DIGITS {
        return Err(format!("{raw:?} is too short to be a phone number"));
    }
    if total > MAX_DIGITS {
        return Err(format!("{raw:?} is too long to be a phone number (E.164 allows 15 digits)"));
    }
    if country_code == Some(1) && national.len() != 10 {
        return Err(format!("{raw:?}: a +1 number has 10 digits after the country code, not {}", national.len()));
    }
    Ok(Phone { input: raw.to_string(), country_code, national, note })
}

/// The ways `digits` may be split into groups, as people write numbers: two groups at any point, three
/// and four groups of the common sizes, and pairs (as in France).
fn groupings(digits: &str, nanp: bool) -> Vec<Vec<&str>> {
    let n = digits.len();
    let cut = |sizes: &[usize]| -> Vec<&str> {
        let mut out = Vec::with_capacity(sizes.len());
        let mut at = 0;
        for s in sizes {
            out.push(&digits[at..at + s]);
            at += s;
        }
        out
    };
    if nanp {
        return if n == 10 { vec![cut(&[3, 3, 4]), cut(&[3, 7])] } else { vec![] };
    }
    let mut shapes: Vec<Vec<usize>> = Vec::new();
    for a in 2..n.saturating_sub(1) {
        shapes.push(vec![a, n - a]);
    }
    for a in 1..=5 {
        for b in 2..=4 {
            if a + b + 2 <= n {
                shapes.push(vec![a, b, n - a - b]);
            }
        }
    }
    for a in 1..=4 {
        for b in 2..=4 {
            for c in 2..=4 {
                if a + b + c + 2 <= n && n - a - b - c <= 4 {
                    shapes.push(vec![a, b, c, n - a - b - c]);
                }
            }
        }
    }
    let mut pairs = vec![2; n / 2];
    if n % 2 == 1 {
        pairs.push(1);
    }
    shapes.push(pairs);
    shapes.dedup();
    shapes.iter().map(|s| cut(s)).collect()
}

/// Every group joined with each separator, and with the first group in brackets.
fn bodies(digits: &str, nanp: bool, out: &mut Vec<String>) {
    out.push(digits.to_string());
    let seps: &[&str] = if nanp { &[" ", "-", "."] } else { &[" ", "-"] };
    for g in groupings(digits, nanp) {
        for sep in seps {
            out.push(g.join(sep));
        }
        let rest_space = g[1..].join(" ");
        let rest_dash = g[1..].join("-");
        out.push(format!("({}) {rest_space}", g[0]));
        out.push(format!("({}) {rest_dash}", g[0]));
        out.push(format!("({}){rest_dash}", g[0]));
        if g.len() >= 3 {
            // "555 123-4567": a space after the first group, dashes after.
            out.push(format!("{} {rest_dash}", g[0]));
        }
    }
}

/// The spellings a number may be stored in: E.164, without the `+`, with `00`, the national number with
/// and without its trunk prefix, grouped with spaces, dashes, dots or brackets. Lookups compare stored
/// values to these with `=`, so a phone index on the column serves, and a malformed stored value
/// ("anonymous", "") matches nothing.
pub fn variants(p: &Phone) -> Vec<String> {
    let nanp = p.country_code == Some(1);
    let mut national = Vec::new();
    bodies(&p.national, nanp, &mut national);
    let mut out: Vec<String> = Vec::new();
    match p.country_code {
        Some(cc) => {
            // National spellings: NANP numbers are written bare or after a 1; the others after a 0.
            out.extend(national.iter().cloned());
            if nanp {
                for b in &national {
                    out.push(format!("1{b}"));
                    out.push(format!("1 {b}"));
                    out.push(format!("1-{b}"));
                }
            } else {
                let mut trunk = Vec::new();
                bodies(&format!("0{}", p.national), false, &mut trunk);
                out.extend(trunk);
            }
            out.push(format!("{cc}{}", p.national));
            for b in &national {
                for prefix in
                    [format!("+{cc}"), format!("+{cc} "), format!("+{cc}-"), format!("00{cc} "), format!("{cc} ")]
                {
                    out.push(format!("{prefix}{b}"));
                }
                if !nanp {
                    out.push(format!("+{cc} (0){b}"));
                }
            }
            out.push(format!("00{cc}{}", p.national));
            if nanp {
                for b in &national {
                    out.push(format!("+1.{b}"));
                }
            }
        }
        None => {
            out.extend(national.iter().cloned());
            let mut trunk = Vec::new();
            bodies(&format!("0{}", p.national), false, &mut trunk);
            out.extend(trunk);
        }
    }
    out.sort();
    out.dedup();
    out
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
}

impl Event {
    /// A call still under way (ringing, queued, in progress): neither answered nor missed yet.
    pub fn ongoing(&self) -> bool {
        let s = self.status.as_deref().unwrap_or("").trim().to_ascii_lowercase().replace(['-', ' '], "_");
        self.kind == EventKind::Call
            && ["in_progress", "ringing", "queued", "initiated", "active", "ongoing"].contains(&s.as_str())
    }

    /// A call that reached someone: a success status, or time on the line without a failure status.
    pub fn answered(&self) -> bool {
        if self.kind != EventKind::Call {
            return false;
        }
        let s = self.status.as_deref().unwrap_or("").trim().to_ascii_lowercase().replace(['-', ' '], "_");
        const FAILED: &[&str] =
            &["failed", "no_answer", "noanswer", "busy", "missed", "voicemail", "canceled", "cancelled", "error"];
        const ANSWERED: &[&str] =
            &["completed", "answered", "ended", "called", "transferred", "success", "successful", "connected"];
        if FAILED.contains(&s.as_str()) || self.ongoing() {
            return false;
        }
        ANSWERED.contains(&s.as_str()) || self.duration_s.unwrap_or(0) > 0
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

#[cfg(test)]
mod tests {
    use super::*;

    fn us(s: &str) -> Phone {
        parse_phone(s, Some(1)).unwrap()
    }

    #[test]
    fn typed_numbers_in_every_format_mean_the_same_number() {
        for typed in [
            "+14155550123",
            "+1 (415) 555-0123",
            "(415) 555-0123",
            "415-555-0123",
            "415.555.0123",
            "1-415-555-0123",
            "0014155550123",
            "00 1 415 555 0123",
            "4155550123",
            "14155550123",
        ] {
            let p = us(typed);
            assert_eq!(p.e164().as_deref(), Some("+14155550123"), "{typed}");
        }
        let uk = parse_phone("020 7946 0958", Some(44)).unwrap();
        assert_eq!(uk.e164().as_deref(), Some("+442079460958"));
        assert!(uk.note.as_deref().unwrap().contains("+44"));
        let uk2 = parse_phone("+44 (0)20 7946 0958", None).unwrap();
        assert_eq!(uk2.e164().as_deref(), Some("+442079460958"));
        assert_eq!(parse_phone("+81 3-1234-5678", None).unwrap().country_code, Some(81));
        assert_eq!(parse_phone("+971 4 123 4567", None).unwrap().country_code, Some(971));
    }

    #[test]
    fn malformed_numbers_are_refused_with_a_reason() {
        for bad in ["", "   ", "anonymous", "restricted", "+", "123", "+1 415 555", "12345678901234567", "41+5"] {
            let e = parse_phone(bad, Some(1)).unwrap_err();
            assert!(!e.is_empty(), "{bad}");
        }
        let unknown = parse_phone("0207 946 0958", None).unwrap();
        assert_eq!(unknown.country_code, None);
        assert!(unknown.note.as_deref().unwrap().contains("unknown"));
    }

    #[test]
    fn the_stored_spellings_include_each_common_format_and_nothing_empty() {
        let v = variants(&us("+14155550123"));
        for stored in [
            "+14155550123",
            "14155550123",
            "4155550123",
            "(415) 555-0123",
            "(415)555-0123",
            "415-555-0123",
            "415.555.0123",
            "415 555 0123",
            "+1 415 555 0123",
            "+1 (415) 555-0123",
            "+1-415-555-0123",
            "1-415-555-0123",
            "0014155550123",
            "001 415 555 0123",
        ] {
            assert!(v.iter().any(|s| s == stored), "{stored} missing");
        }
        assert!(v.iter().all(|s| s.chars().filter(char::is_ascii_digit).count() >= 10));
        let uk = variants(&parse_phone("+447700900123", None).unwrap());
        for stored in
            ["+447700900123", "07700 900123", "07700900123", "+44 7700 900123", "00447700900123", "+44 (0)7700 900123"]
        {
            assert!(uk.iter().any(|s| s == stored), "{stored} missing");
        }
        let fr = variants(&parse_phone("+33123456789", None).unwrap());
        assert!(fr.iter().any(|s| s == "01 23 45 67 89"));
        // Bounded: the lookup binds these as one array.
        assert!(uk.len() < 2000, "{}", uk.len());
    }

    #[test]
    fn zones_and_countries_give_calling_codes() {
        assert_eq!(country_code_for_zone("America/Chicago"), Some(1));
        assert_eq!(country_code_for_zone("Europe/London"), Some(44));
        assert_eq!(country_code_for_zone("Australia/Sydney"), Some(61));
        assert_eq!(country_code_for_zone("Mars/Olympus"), None);
        assert_eq!(country_code_for_iso("gb"), Some(44));
        assert_eq!(split_country_code("4420"), Some((44, "20")));
        assert_eq!(split_country_code("35312"), Some((353, "12")));
    }

    #[test]
    fn a_call_is_answered_by_its_status_or_its_length_and_ongoing_ones_are_neither() {
        let call = |status: &str, secs: Option<i32>| Event {
            kind: EventKind::Call,
            key: Key::Text("k".into()),
            at: None,
            title: None,
            status: Some(status.into()),
            direction: None,
            duration_s: secs,
            detail: None,
            call: None,
        };
        assert!(call("completed", None).answered());
        assert!(call("TRANSFERRED", Some(0)).answered());
        assert!(call("ended", Some(30)).answered());
        assert!(call("weird", Some(12)).answered());
        assert!(!call("no-answer", Some(40)).answered());
        assert!(!call("voicemail", Some(40)).answered());
        assert!(!call("failed", None).answered());
        let live = call("in-progress", Some(300));
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
