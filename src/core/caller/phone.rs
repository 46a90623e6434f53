//! Phone numbers as typed or stored: libphonenumber's reading of them (`phonenumber`), the countries to
//! try a national number in, and the spellings a number may be stored in.

use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, PhoneNumber, country};
use serde::Serialize;

/// A phone number understood: its country calling code where known and its national significant number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// As the user typed it (or as it was stored, when opened from a record).
    pub input: String,
    /// The country calling code: typed, or the one of the country the number was read in.
    pub country_code: Option<u16>,
    /// The national significant number: digits, without trunk prefix or country code (Italy's leading
    /// 0 kept, as E.164 writes it).
    pub national: String,
    /// The country of this reading (ISO 3166 alpha-2), when libphonenumber's metadata tells it.
    pub region: Option<String>,
    /// libphonenumber's international format: `+1 310-555-0100`.
    pub formatted: Option<String>,
    /// Said to the user: which reading was used and why (the org's country, another country, none known).
    pub note: Option<String>,
    /// The groups of libphonenumber's international and national formats, digits only.
    #[serde(skip)]
    groups: [Vec<String>; 2],
    /// libphonenumber's national and international formats as it writes them (`08-12 34 56`).
    #[serde(skip)]
    formats: Vec<String>,
    /// The country's trunk prefix (`0`, `1` for +1, `8` in Russia), which national spellings may start with.
    #[serde(skip)]
    trunk: Option<String>,
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

/// Why a country is tried for a number typed without a country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Because {
    /// The organization's country (recorded, or the one of its time zone).
    Org,
    /// The country of one of the org's own numbers.
    OwnNumber,
    /// The country of this many of the org's recent callers.
    Callers(usize),
}

/// A country to read a number typed without a country code in, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 alpha-2, upper case.
    pub iso: String,
    pub because: Because,
}

impl Country {
    /// The org's country from an ISO code as stored ("gb", "UK"); None when libphonenumber knows no such
    /// region.
    pub fn org(iso: &str) -> Option<Country> {
        let iso = match iso.trim().to_ascii_uppercase().as_str() {
            "UK" => "GB".to_string(),
            s => s.to_string(),
        };
        DATABASE.by_id(&iso)?;
        Some(Country { iso, because: Because::Org })
    }

    fn why(&self) -> String {
        match self.because {
            Because::Org => "the org's country".to_string(),
            Because::OwnNumber => "the org's own number".to_string(),
            Because::Callers(1) => "a recent caller".to_string(),
            Because::Callers(n) => format!("{n} recent callers"),
        }
    }
}

/// The countries to try, in order: the org's, then those of its own numbers, then those of its recent
/// callers, most callers first. `own` and `callers` are numbers as stored (E.164 is read, others are
/// skipped); each country comes once, at its first place.
pub fn countries_to_try(org: Option<Country>, own: &[String], callers: &[String]) -> Vec<Country> {
    let mut out: Vec<Country> = org.into_iter().collect();
    let push = |iso: String, because: Because, out: &mut Vec<Country>| {
        if !out.iter().any(|c| c.iso == iso) {
            out.push(Country { iso, because });
        }
    };
    for n in own {
        if let Some(iso) = region_of_international(n) {
            push(iso, Because::OwnNumber, &mut out);
        }
    }
    let mut tally: Vec<(String, usize)> = Vec::new();
    for n in callers {
        if let Some(iso) = region_of_international(n) {
            match tally.iter_mut().find(|(i, _)| *i == iso) {
                Some((_, k)) => *k += 1,
                None => tally.push((iso, 1)),
            }
        }
    }
    // Most callers first; a tie keeps the order of recency.
    tally.sort_by_key(|t| std::cmp::Reverse(t.1));
    for (iso, n) in tally {
        push(iso, Because::Callers(n), &mut out);
    }
    out
}

/// The country of a number written with its country code: the region libphonenumber validates it in,
/// else the main country of its calling code.
pub fn region_of_international(s: &str) -> Option<String> {
    let t = s.trim();
    if !t.starts_with('+') {
        return None;
    }
    let n = phonenumber::parse(None, t).ok()?;
    let valid = n.is_valid().then(|| n.metadata(&DATABASE).map(|m| m.id().to_string())).flatten();
    valid.or_else(|| DATABASE.region(&n.code().value()).and_then(|r| r.first().map(|s| s.to_string())))
}

/// The country a time zone belongs to, where the zone names one country (ISO alpha-2).
pub fn region_of_zone(zone: &str) -> Option<&'static str> {
    let z = zone.trim();
    const PREFIXES: &[(&str, &str)] =
        &[("America/Indiana/", "US"), ("America/Kentucky/", "US"), ("US/", "US"), ("Australia/", "AU")];
    #[rustfmt::skip]
    const ZONES: &[(&str, &str)] = &[
        ("America/New_York", "US"), ("America/Chicago", "US"), ("America/Denver", "US"),
        ("America/Los_Angeles", "US"), ("America/Phoenix", "US"), ("America/Anchorage", "US"),
        ("America/Boise", "US"), ("America/Detroit", "US"), ("Pacific/Honolulu", "US"), ("America/Toronto", "CA"),
        ("America/Vancouver", "CA"), ("America/Edmonton", "CA"), ("America/Winnipeg", "CA"),
        ("America/Halifax", "CA"), ("America/Regina", "CA"), ("America/St_Johns", "CA"),
        ("America/Puerto_Rico", "PR"), ("Europe/London", "GB"), ("Europe/Belfast", "GB"), ("Europe/Dublin", "IE"),
        ("Europe/Paris", "FR"), ("Europe/Berlin", "DE"), ("Europe/Madrid", "ES"), ("Europe/Rome", "IT"),
        ("Europe/Amsterdam", "NL"), ("Europe/Brussels", "BE"), ("Europe/Zurich", "CH"), ("Europe/Vienna", "AT"),
        ("Europe/Stockholm", "SE"), ("Europe/Oslo", "NO"), ("Europe/Copenhagen", "DK"), ("Europe/Lisbon", "PT"),
        ("Europe/Warsaw", "PL"), ("Pacific/Auckland", "NZ"), ("Asia/Kolkata", "IN"), ("Asia/Calcutta", "IN"),
        ("Asia/Tokyo", "JP"), ("Asia/Singapore", "SG"), ("Asia/Dubai", "AE"), ("America/Mexico_City", "MX"),
        ("America/Sao_Paulo", "BR"), ("Africa/Johannesburg", "ZA"), ("Asia/Jerusalem", "IL"),
    ];
    PREFIXES.iter().find(|(p, _)| z.starts_with(p)).or_else(|| ZONES.iter().find(|(n, _)| *n == z)).map(|(_, iso)| *iso)
}

/// A reading of the typed text in one country, by libphonenumber's rules: the number and whether it is
/// valid there.
fn read_in(text: &str, iso: Option<&str>) -> Option<(PhoneNumber, bool)> {
    let id = match iso {
        Some(i) => Some(i.parse::<country::Id>().ok()?),
        None => None,
    };
    let n = phonenumber::parse(id, text).ok()?;
    let valid = n.is_valid();
    Some((n, valid))
}

/// A parsed number as a `Phone`: E.164's digits, libphonenumber's formats and the country's trunk prefix.
fn phone_of(input: &str, n: &PhoneNumber, iso: Option<&str>, note: Option<String>) -> Phone {
    let cc = n.code().value();
    let e164 = n.format().mode(Mode::E164).to_string();
    let national = e164.trim_start_matches('+').strip_prefix(&cc.to_string()).unwrap_or_default().to_string();
    // A number the rules do not validate takes the trunk prefix of its calling code's main country.
    let meta = n
        .metadata(&DATABASE)
        .or_else(|| iso.and_then(|i| DATABASE.by_id(i)))
        .or_else(|| DATABASE.by_code(&cc).and_then(|m| m.into_iter().next()));
    let region = meta.map(|m| m.id().to_string()).or_else(|| iso.map(str::to_string));
    let groups = |mode: Mode, skip: usize| -> Vec<String> {
        let text = n.format().mode(mode).to_string();
        text.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).skip(skip).map(str::to_string).collect()
    };
    Phone {
        input: input.to_string(),
        country_code: Some(cc),
        national,
        region,
        formatted: Some(n.format().mode(Mode::International).to_string()),
        note,
        groups: [groups(Mode::International, 1), groups(Mode::National, 0)],
        formats: [Mode::National, Mode::International].map(|m| n.format().mode(m).to_string()).into(),
        trunk: meta.and_then(|m| m.national_prefix()).map(str::to_string),
    }
}

/// Whether the national number has a length some kind of number of some region of its calling code has.
fn possible(n: &PhoneNumber) -> bool {
    let len = n.format().mode(Mode::E164).to_string().len() - 1 - n.code().value().to_string().len();
    DATABASE.by_code(&n.code().value()).is_some_and(|ms| {
        ms.iter().any(|m| {
            let d = m.descriptors();
            let kinds = [d.fixed_line(), d.mobile(), d.toll_free(), d.premium_rate(), d.voip(), d.uan()];
            kinds.into_iter().flatten().any(|k| k.possible_length().iter().any(|l| usize::from(*l) == len))
        })
    })
}

/// Understands a typed or stored number by libphonenumber's rules and metadata.
///
/// With its country code (`+`, `00`): that number; one that is not valid but has a possible length is
/// still looked up as typed, and said so. Without one it is read in each of `countries` in turn, and
/// the first country where it is a valid number gives the reading (the note says which and why, and
/// names the other valid readings, which are not searched); when none is valid it is refused. Without
/// any country to try, the national digits alone are looked up. Words ("anonymous"), empty text and
/// impossible lengths are refused with a reason, so that a malformed number never matches everything.
pub fn parse_phone<'a>(input: &str, countries: impl IntoIterator<Item = &'a Country>) -> Result<Phone, String> {
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
    if digits.len() < 4 {
        return Err(format!("{raw:?} is too short to be a phone number"));
    }
    if digits.len() > 17 {
        return Err(format!("{raw:?} is too long to be a phone number (E.164 allows 15 digits)"));
    }
    let international = match cleaned.trim_start().strip_prefix('+') {
        Some(_) => Some(format!("+{digits}")),
        None => digits.strip_prefix("00").map(|d| format!("+{d}")),
    };
    if let Some(intl) = international {
        let Some((n, valid)) = read_in(&intl, None) else {
            return Err(format!("{raw:?} has no known country code after the international prefix"));
        };
        if valid {
            return Ok(phone_of(raw, &n, None, None));
        }
        if !possible(&n) {
            return Err(format!("{raw:?} has the wrong number of digits for a +{} number", n.code().value()));
        }
        let note = format!("{raw} is not a valid number by libphonenumber's rules: looked up as typed");
        return Ok(phone_of(raw, &n, None, Some(note)));
    }
    let countries: Vec<&Country> = countries.into_iter().collect();
    if countries.is_empty() {
        let national = digits.strip_prefix('0').unwrap_or(&digits).to_string();
        let note = "no country code typed and the organization's country is unknown: national digits only";
        return Ok(Phone {
            input: raw.to_string(),
            country_code: None,
            national,
            region: None,
            formatted: None,
            note: Some(note.to_string()),
            groups: [Vec::new(), Vec::new()],
            formats: Vec::new(),
            trunk: Some("0".to_string()),
        });
    }
    let mut valid: Vec<(&Country, PhoneNumber)> = Vec::new();
    for c in &countries {
        if let Some((n, true)) = read_in(&cleaned, Some(&c.iso))
            && !valid.iter().any(|(_, v)| v.code() == n.code() && v.national() == n.national())
        {
            valid.push((c, n));
        }
    }
    let tried: Vec<&str> = countries.iter().map(|c| c.iso.as_str()).collect();
    let Some((first, n)) = valid.first() else {
        return Err(format!("{raw:?} is not valid in {}: type it with its country code (+…)", tried.join(", ")));
    };
    let format = n.format().mode(Mode::International).to_string();
    let skipped: Vec<&str> = tried.iter().take_while(|t| **t != first.iso).copied().collect();
    let mut note = format!("read as {format}, a {} number", first.iso);
    if skipped.is_empty() {
        note.push_str(&format!(" ({})", first.why()));
    } else {
        note.push_str(&format!(": not valid in {} ({}: {})", skipped.join(", "), first.iso, first.why()));
    }
    let others: Vec<String> =
        valid[1..].iter().map(|(c, n)| format!("{} ({})", n.format().mode(Mode::International), c.iso)).collect();
    if !others.is_empty() {
        note.push_str(&format!("; also valid as {}, not looked up: type it with its country code", others.join(", ")));
    }
    Ok(phone_of(raw, n, Some(&first.iso), Some(note)))
}

/// The ways `digits` may be split into groups, as people write numbers: libphonenumber's grouping
/// first (`lib`, when it spells these digits), then two groups at any point, three and four groups of
/// the common sizes, and pairs (as in France). A +1 number is grouped 3-3-4 or 3-7 only.
fn groupings<'a>(digits: &'a str, lib: &[String], nanp: bool) -> Vec<Vec<&'a str>> {
    let n = digits.len();
    let cut = |sizes: &[usize]| -> Vec<&'a str> {
        let mut out = Vec::with_capacity(sizes.len());
        let mut at = 0;
        for s in sizes {
            out.push(&digits[at..at + s]);
            at += s;
        }
        out
    };
    let mut shapes: Vec<Vec<usize>> = Vec::new();
    if lib.len() > 1 && lib.concat() == digits {
        shapes.push(lib.iter().map(String::len).collect());
    }
    if nanp {
        if n == 10 {
            shapes.extend([vec![3, 3, 4], vec![3, 7]]);
        }
    } else {
        for a in 2..n.saturating_sub(1) {
            shapes.push(vec![a, n - a]);
        }
        for a in 1..=5 {
            for b in 2..=4 {
                if a + b + 2 <= n {
                    shapes.push(vec![a, b, n - a - b]);
                }
                for c in 2..=4 {
                    if a <= 4 && a + b + c + 2 <= n && n - a - b - c <= 4 {
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
    }
    let mut seen = Vec::new();
    shapes.retain(|s| {
        !seen.contains(s) && {
            seen.push(s.clone());
            true
        }
    });
    shapes.iter().map(|s| cut(s)).collect()
}

/// Every group joined with each separator, and with the first group in brackets.
fn bodies(digits: &str, lib: &[String], nanp: bool, out: &mut Vec<String>) {
    out.push(digits.to_string());
    let seps: &[&str] = if nanp { &[" ", "-", "."] } else { &[" ", "-"] };
    for g in groupings(digits, lib, nanp) {
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
/// and without its trunk prefix, grouped as libphonenumber formats it and in the other common ways, with
/// spaces, dashes, dots or brackets. Lookups compare stored values to these with `=`, so a phone index
/// on the column serves, and a malformed stored value ("anonymous", "") matches nothing.
pub fn variants(p: &Phone) -> Vec<String> {
    let nanp = p.country_code == Some(1);
    let [intl, national_lib] = &p.groups;
    let mut national = Vec::new();
    bodies(&p.national, intl, nanp, &mut national);
    let mut out: Vec<String> = national.clone();
    out.extend(p.formats.iter().cloned());
    match (p.country_code, p.trunk.as_deref()) {
        // NANP numbers are written bare or after a 1.
        (Some(1), _) => {
            for b in &national {
                out.extend([format!("1{b}"), format!("1 {b}"), format!("1-{b}"), format!("+1.{b}")]);
            }
        }
        (_, Some(trunk)) => bodies(&format!("{trunk}{}", p.national), national_lib, false, &mut out),
        (_, None) => {}
    }
    if let Some(cc) = p.country_code {
        out.push(format!("{cc}{}", p.national));
        out.push(format!("00{cc}{}", p.national));
        for b in &national {
            for prefix in [format!("+{cc}"), format!("+{cc} "), format!("+{cc}-"), format!("00{cc} "), format!("{cc} ")]
            {
                out.push(format!("{prefix}{b}"));
            }
            if p.trunk.as_deref() == Some("0") {
                out.push(format!("+{cc} (0){b}"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}
