//! The console's domain model, shared by every dialect.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

/// An opaque row key. Most platforms use uuids; the Prisma one uses CUID text. The data layer binds
/// each variant back with the right type so that the platform's indexes are used.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Key {
    Uuid(Uuid),
    Text(String),
}

impl Key {
    /// Parses user input: a uuid when it looks like one, text otherwise.
    pub fn parse(s: &str) -> Key {
        match Uuid::parse_str(s.trim()) {
            Ok(u) => Key::Uuid(u),
            Err(_) => Key::Text(s.trim().to_string()),
        }
    }

    /// The first 8 characters, for narrow columns.
    pub fn short(&self) -> String {
        self.to_string().chars().take(8).collect()
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Uuid(u) => write!(f, "{u}"),
            Key::Text(t) => f.write_str(t),
        }
    }
}

/// The platforms Switchboard knows, in the order detection prefers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    Retell,
    ServiceAi,
    Voxanne,
    Prisma,
    Quinite,
}

impl Dialect {
    pub const ALL: &'static [Dialect] =
        &[Dialect::Retell, Dialect::ServiceAi, Dialect::Voxanne, Dialect::Prisma, Dialect::Quinite];

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Retell => "retell",
            Dialect::ServiceAi => "serviceai",
            Dialect::Voxanne => "voxanne",
            Dialect::Prisma => "prisma",
            Dialect::Quinite => "quinite",
        }
    }

    pub fn platform(self) -> &'static str {
        match self {
            Dialect::Retell => "Retell Metrics",
            Dialect::ServiceAi => "ServiceAI (Vapi)",
            Dialect::Voxanne => "Voxanne AI",
            Dialect::Prisma => "Prisma voice-agent platform",
            Dialect::Quinite => "Quinite Vantage",
        }
    }

    pub fn from_name(s: &str) -> Option<Dialect> {
        Dialect::ALL.iter().copied().find(|d| d.name().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a platform's schema gives the console beyond orgs and calls, derived from what its module declares
/// (`data::dialects::Platform::caps`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Caps {
    /// Organizations have a status that the console can change (write mode).
    pub org_status: bool,
    /// Something for the on-call view: contacts, notifications or transfers.
    pub oncall: bool,
    /// Appointments: the calendar can show something.
    pub appointments: bool,
    /// The call list's columns this platform records.
    pub calls: CallCols,
}

/// Which of the call list's optional columns a platform records: its call-list statement selects them
/// from a column rather than as a NULL (`data::dialects::Platform::caps`). A column the platform does not
/// record is left out of the list and its width goes to the others, on every page alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CallCols {
    pub direction: bool,
    /// The emergency, urgency score or urgency word (the Flag column).
    pub flag: bool,
    pub caller: bool,
    pub language: bool,
    /// The agent, assistant or campaign.
    pub agent: bool,
}

impl CallCols {
    /// Every column: what the list shows when the platform is not known.
    pub const ALL: CallCols = CallCols { direction: true, flag: true, caller: true, language: true, agent: true };
}

/// An organization (tenant). Every string is sanitized on load.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Org {
    pub key: Key,
    pub name: String,
    /// Industry or plan, where the platform has one.
    pub industry: Option<String>,
    /// active / suspended / deleted, where the platform has a status.
    pub status: Option<String>,
    /// The URL-safe name, where the platform has one.
    pub slug: Option<String>,
    /// The IANA zone name as stored (sanitized); see [`crate::core::time::OrgZone`].
    pub timezone: Option<String>,
}

/// One row of the call list: no transcript, no summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallRow {
    pub key: Key,
    pub created_at: Option<DateTime<Utc>>,
    pub direction: Option<String>,
    pub phone: Option<String>,
    pub status: Option<String>,
    pub duration_s: Option<i32>,
    pub emergency: Option<bool>,
    /// A score in 0..1 (ServiceAI).
    pub urgency: Option<f64>,
    /// A word: "critical", "high", "transferred" (Voxanne, Quinite).
    pub urgency_label: Option<String>,
    /// The agent, assistant or campaign that handled the call.
    pub assistant: Option<String>,
    /// The caller's (customer's, lead's) name where the platform records it.
    pub caller: Option<String>,
    pub language: Option<String>,
}

impl CallRow {
    /// A row that knows only its key: what a call view shows until the call is loaded.
    pub fn only_key(key: Key) -> CallRow {
        CallRow {
            key,
            created_at: None,
            direction: None,
            phone: None,
            status: None,
            duration_s: None,
            emergency: None,
            urgency: None,
            urgency_label: None,
            assistant: None,
            caller: None,
            language: None,
        }
    }

    pub fn cursor(&self) -> Cursor {
        Cursor { created_at: self.created_at, key: self.key.clone() }
    }
}

/// A call with everything the detail view shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallDetail {
    pub row: CallRow,
    pub external_id: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
    pub summary: Option<String>,
    pub transcript: Option<String>,
    /// Platform-specific facts, already formatted: (label, value).
    pub facts: Vec<(String, String)>,
    /// What this database does not record of the call ("no column recording_url in call_logs").
    pub not_recorded: Vec<String>,
}

/// A position in the call ordering: newest first, `created_at DESC NULLS LAST, id DESC`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cursor {
    pub created_at: Option<DateTime<Utc>>,
    pub key: Key,
}

/// Where a page of calls starts, in display order (newest first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// The newest calls.
    First,
    /// The oldest calls (the end of the list).
    Last,
    /// The rows right after this one in display order.
    After(Cursor),
    /// The rows right before this one in display order.
    Before(Cursor),
    /// `pages` whole pages further on than `After(cursor)` (than `First` without a cursor): read as the keyset
    /// condition, then `OFFSET pages × limit`. Keys typed ahead of a pending page ask for it, so that none is
    /// lost. No rows: the skip ran past the end.
    Ahead { cursor: Option<Cursor>, pages: u64 },
    /// `pages` whole pages further back than `Before(cursor)` (than `Last` without a cursor). Past the start
    /// it answers the first page, as `Before` does near the top.
    Behind { cursor: Option<Cursor>, pages: u64 },
}

/// One page of calls in display order, with whether more rows exist on either side.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub rows: Vec<CallRow>,
    pub has_before: bool,
    pub has_after: bool,
}

/// What the server said about itself and the schema it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct DbInfo {
    pub server_version: String,
    pub dialect: Dialect,
    /// What the dialect's schema gives beyond orgs and calls.
    pub caps: Caps,
    /// A note from detection (e.g. forced by configuration), shown in `check`.
    pub detection_note: Option<String>,
    /// Whether the console's link to the server is encrypted.
    pub tls: bool,
    /// Plaintext because `sslmode=prefer` (the default) found a server that offers no TLS.
    pub tls_fallback: bool,
    /// The role connected.
    pub role: String,
    /// The platform's tables whose rows row security filters for this role (it neither owns them nor
    /// bypasses row security): only the rows its policies allow are visible.
    pub row_security: Vec<String>,
    /// What the attention board reads as not recorded in this database ("no column status in
    /// organizations"): the reasons it cannot give.
    pub board_not_recorded: Vec<String>,
}

/// Why [`find_org`] found no single org.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoOrg {
    pub message: String,
    /// Nothing matched at all (rather than several orgs).
    pub none: bool,
}

impl fmt::Display for NoOrg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// As [`find_org`], among the orgs the connected role can see: where row security filters the org table
/// for it and nothing matched, the message says the org may be there, hidden (`refused` is then true).
pub fn find_visible_org<'a>(orgs: &'a [Org], query: &str, info: &DbInfo) -> Result<&'a Org, (NoOrg, bool)> {
    find_org(orgs, query).map_err(|mut e| {
        if e.none && !info.row_security.is_empty() {
            e.message = format!(
                "{} among the {} visible to role {}: row security is on for {} and this role does not bypass it, \
                 so the org may be there, hidden (see `switchboard check`)",
                e.message,
                orgs.len(),
                info.role,
                info.row_security.join(", ")
            );
            (e, true)
        } else {
            (e, false)
        }
    })
}

/// Finds an org, the most exact match first: its id, its slug (as typed, then in any case), its name (as
/// typed, then in any case), a unique id prefix (at least 4 characters, or any after `#`: the key the
/// switcher shows beside look-alike names), and last a name fragment only one org has. Several orgs at the
/// first step that matches anything is an error that lists them with their keys; so is an id prefix of one
/// org that is also a name fragment of another (`cafe`).
pub fn find_org<'a>(orgs: &'a [Org], query: &str) -> Result<&'a Org, NoOrg> {
    let q = query.trim();
    if q.is_empty() {
        return Err(NoOrg { message: "no organization given: give its id, slug or name".into(), none: false });
    }
    let key = Key::parse(q);
    if let Some(o) = orgs.iter().find(|o| o.key == key) {
        return Ok(o);
    }
    let lower = q.to_lowercase();
    let exact: [&dyn Fn(&Org) -> bool; 4] = [
        &|o| o.slug.as_deref() == Some(q),
        &|o| o.slug.as_deref().is_some_and(|s| s.to_lowercase() == lower),
        &|o| o.name == q,
        &|o| o.name.to_lowercase() == lower,
    ];
    for test in exact {
        let found: Vec<&Org> = orgs.iter().filter(|o| test(o)).collect();
        match found.as_slice() {
            [] => {}
            [one] => return Ok(one),
            many => return Err(ambiguous(orgs, q, many)),
        }
    }
    let (hash, prefix) = match lower.strip_prefix('#') {
        Some(p) => (true, p.trim()),
        None => (false, lower.as_str()),
    };
    let by_prefix: Vec<&Org> = if (hash || prefix.chars().count() >= crate::core::names::MIN_KEY)
        && !prefix.is_empty()
        && !prefix.contains(char::is_whitespace)
    {
        orgs.iter().filter(|o| o.key.to_string().to_lowercase().starts_with(prefix)).collect()
    } else {
        Vec::new()
    };
    let partial: Vec<&Org> =
        if hash { Vec::new() } else { orgs.iter().filter(|o| o.name.to_lowercase().contains(&lower)).collect() };
    let mut found = by_prefix;
    for o in partial {
        if !found.iter().any(|f| f.key == o.key) {
            found.push(o);
        }
    }
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(NoOrg { message: format!("no organization matches {q:?}"), none: true }),
        many => Err(ambiguous(orgs, q, many)),
    }
}

/// "matches 3 organizations: Test Org (#3f2a), ..." with the keys that tell them apart.
fn ambiguous(orgs: &[Org], q: &str, many: &[&Org]) -> NoOrg {
    let prefixes = crate::core::names::unique_prefixes(orgs);
    let key_of = |o: &Org| orgs.iter().position(|x| x.key == o.key).and_then(|i| prefixes.get(i).cloned());
    let mut names: Vec<String> = many
        .iter()
        .take(5)
        .map(|o| {
            let shown = crate::core::names::visible(&o.name);
            format!("{shown} (#{})", key_of(o).unwrap_or_else(|| o.key.to_string()))
        })
        .collect();
    if many.len() > 5 {
        names.push(format!("and {} more", many.len() - 5));
    }
    NoOrg {
        message: format!(
            "{q:?} matches {} organizations: {}; give the id or its first characters (the #key)",
            many.len(),
            names.join(", ")
        ),
        none: false,
    }
}
