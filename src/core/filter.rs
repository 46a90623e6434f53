//! Call-list filters, typed as words: `status:failed dir:inbound from:2026-01-01 to:2026-01-31 agent:ava
//! urgent phone:415555 "burst pipe"`; a bare number (`(415) 555-0123`, seven digits or more, unquoted) is
//! `phone:` too. They compose with keyset paging: the same conditions are added to
//! every page's query.

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CallFilter {
    pub status: Option<String>,
    pub direction: Option<String>,
    /// First local date (in the org's zone), included.
    pub from: Option<NaiveDate>,
    /// Last local date, included.
    pub to: Option<NaiveDate>,
    /// Agent, assistant or campaign name: a case-insensitive part of it.
    pub agent: Option<String>,
    /// Only emergencies and urgent calls (the platform's own urgency markers).
    pub urgent: bool,
    /// The digits of a phone number prefix, typed in any format.
    pub phone: Option<String>,
    /// Words to find in the transcript or the summary.
    pub text: Option<String>,
}

/// The digits of a phone number as typed: `+1 (415) 555-01` and `00 1 415 555 01` give `141555501`.
/// None when it has no digit.
pub fn phone_digits(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.strip_prefix("00").map(str::to_string).unwrap_or(digits);
    (!digits.is_empty()).then_some(digits)
}

/// The fewest digits a bare number has to be taken for a phone number rather than words (`911`, `2026`).
const BARE_PHONE_DIGITS: usize = 7;

/// The words, each with whether any of it was quoted.
fn words(s: &str) -> Vec<(String, bool)> {
    // Split on spaces, keeping "quoted phrases" (and key:"quoted values") together.
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut quoted, mut had_quote) = (false, false);
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                had_quote = true;
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), had_quote));
                }
                had_quote = false;
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push((cur, had_quote));
    }
    out
}

/// Runs of unquoted words written like a phone number (digits and `+ - . ( ) /`) joined into one word, so
/// that `(415) 555-0123` is one number; the flag says the word is such a run.
fn join_numbers(words: Vec<(String, bool)>) -> Vec<(String, bool)> {
    let numberish = |w: &str| w.chars().all(|c| c.is_ascii_digit() || "+-.()/".contains(c));
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut run = false;
    for (w, quoted) in words {
        let n = !quoted && numberish(&w) && w.chars().any(|c| c.is_ascii_digit() || "+(".contains(c));
        match out.last_mut() {
            Some((last, true)) if n && run => {
                last.push(' ');
                last.push_str(&w);
            }
            _ => out.push((w, n)),
        }
        run = n;
    }
    out
}

impl CallFilter {
    pub fn is_empty(&self) -> bool {
        *self == CallFilter::default()
    }

    pub fn parse(s: &str) -> Result<CallFilter, String> {
        let mut f = CallFilter::default();
        let mut text: Vec<String> = Vec::new();
        let date = |v: &str, k: &str| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| format!("{k}: wants a date like 2026-01-31, got {v:?}"))
        };
        for (w, number) in join_numbers(words(s)) {
            let digits = w.chars().filter(char::is_ascii_digit).count();
            // A date (2026-01-31) is words, as before.
            let is_date = NaiveDate::parse_from_str(&w, "%Y-%m-%d").is_ok();
            if number && digits >= BARE_PHONE_DIGITS && !is_date {
                // A bare number is what phone: would find.
                f.phone = phone_digits(&w);
                continue;
            }
            let (k, v) = match w.split_once(':') {
                Some((k, v)) if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphabetic()) => {
                    (k.to_ascii_lowercase(), v.to_string())
                }
                _ => {
                    if w.eq_ignore_ascii_case("urgent") || w.eq_ignore_ascii_case("emergency") {
                        f.urgent = true;
                    } else {
                        text.push(w);
                    }
                    continue;
                }
            };
            if v.trim().is_empty() {
                return Err(format!("{k}: needs a value"));
            }
            match k.as_str() {
                "status" | "s" => f.status = Some(v),
                "dir" | "direction" => {
                    let v = v.to_ascii_lowercase();
                    if !["inbound", "outbound", "in", "out"].contains(&v.as_str()) {
                        return Err(format!("dir: inbound or outbound, got {v:?}"));
                    }
                    f.direction = Some(if v.starts_with("in") { "inbound" } else { "outbound" }.to_string());
                }
                "from" | "since" => f.from = Some(date(&v, &k)?),
                "to" | "until" => f.to = Some(date(&v, &k)?),
                "day" | "on" => {
                    let d = date(&v, &k)?;
                    f.from = Some(d);
                    f.to = Some(d);
                }
                "agent" | "assistant" | "campaign" => f.agent = Some(v),
                "phone" | "tel" => {
                    f.phone = Some(phone_digits(&v).ok_or_else(|| format!("phone: no digits in {v:?}"))?);
                }
                "text" | "t" => text.push(v),
                other => {
                    return Err(format!(
                        "unknown filter {other:?}; known: status: dir: from: to: day: agent: phone: text: urgent"
                    ));
                }
            }
        }
        if let (Some(a), Some(b)) = (f.from, f.to)
            && a > b
        {
            return Err("from: is after to:".to_string());
        }
        if !text.is_empty() {
            f.text = Some(text.join(" "));
        }
        Ok(f)
    }

    /// The filter in the words it was typed in (for the header and to edit it again).
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let q = |v: &str| if v.contains(' ') { format!("\"{v}\"") } else { v.to_string() };
        if let Some(v) = &self.status {
            parts.push(format!("status:{}", q(v)));
        }
        if let Some(v) = &self.direction {
            parts.push(format!("dir:{v}"));
        }
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => parts.push(format!("day:{a}")),
            (a, b) => {
                if let Some(v) = a {
                    parts.push(format!("from:{v}"));
                }
                if let Some(v) = b {
                    parts.push(format!("to:{v}"));
                }
            }
        }
        if let Some(v) = &self.agent {
            parts.push(format!("agent:{}", q(v)));
        }
        if self.urgent {
            parts.push("urgent".to_string());
        }
        if let Some(v) = &self.phone {
            parts.push(format!("phone:{v}"));
        }
        if let Some(v) = &self.text {
            parts.push(q(v));
        }
        parts.join(" ")
    }
}

/// `%` and `_` taken literally in a LIKE pattern (escape character `\`).
pub fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_and_prints_it_back() {
        let f = CallFilter::parse(
            r#"status:failed dir:in from:2026-01-01 to:2026-01-31 agent:"Ava Bot" urgent phone:+1(415)555 burst pipe"#,
        )
        .unwrap();
        assert_eq!(f.status.as_deref(), Some("failed"));
        assert_eq!(f.direction.as_deref(), Some("inbound"));
        assert_eq!(f.from, NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(f.agent.as_deref(), Some("Ava Bot"));
        assert!(f.urgent);
        assert_eq!(f.phone.as_deref(), Some("1415555"));
        assert_eq!(f.text.as_deref(), Some("burst pipe"));
        assert_eq!(CallFilter::parse(&f.describe()).unwrap(), f);
        assert!(CallFilter::parse("").unwrap().is_empty());
    }

    #[test]
    fn bad_filters_say_why() {
        assert!(CallFilter::parse("colour:red").unwrap_err().contains("unknown filter"));
        assert!(CallFilter::parse("from:yesterday").unwrap_err().contains("wants a date"));
        assert!(CallFilter::parse("phone:anonymous").unwrap_err().contains("no digits"));
        assert!(CallFilter::parse("dir:sideways").unwrap_err().contains("inbound or outbound"));
        assert!(CallFilter::parse("from:2026-02-01 to:2026-01-01").unwrap_err().contains("after"));
    }

    #[test]
    fn a_bare_number_is_a_phone_filter_and_short_or_quoted_numbers_stay_words() {
        for typed in ["(415) 555-0123", "+1 415 555 0123", "415.555.0123", "status:failed 415-555-0123"] {
            let f = CallFilter::parse(typed).unwrap();
            assert_eq!(f.text, None, "{typed}");
            let digits = f.phone.as_deref().unwrap_or_default();
            assert!(digits.ends_with("4155550123"), "{typed}: {f:?}");
            // The same filter as phone: with those digits.
            assert_eq!(CallFilter::parse(&f.describe()).unwrap(), f, "{typed}");
        }
        let f = CallFilter::parse("burst pipe (415) 555-0123 urgent").unwrap();
        assert_eq!((f.text.as_deref(), f.phone.as_deref(), f.urgent), (Some("burst pipe"), Some("4155550123"), true));
        assert_eq!(CallFilter::parse("911").unwrap().text.as_deref(), Some("911"));
        assert_eq!(CallFilter::parse("invoice 2026").unwrap().text.as_deref(), Some("invoice 2026"));
        let quoted = CallFilter::parse("\"415 555 0123\"").unwrap();
        assert_eq!((quoted.text.as_deref(), quoted.phone), (Some("415 555 0123"), None));
        // A date is words, as before.
        assert_eq!(CallFilter::parse("2026-01-31").unwrap().text.as_deref(), Some("2026-01-31"));
    }

    #[test]
    fn phones_in_any_format() {
        assert_eq!(phone_digits("+1 (415) 555-0123").as_deref(), Some("14155550123"));
        assert_eq!(phone_digits("0044 20 7946 0958").as_deref(), Some("442079460958"));
        assert_eq!(phone_digits("anonymous"), None);
        assert_eq!(like_escape("50%_off"), "50\\%\\_off");
    }
}
