//! What `check` reports per view and section: rendered against the catalog (what each section requires
//! and lacks) and then run once on a sample org (what the server refuses at run time). Never ✓ for
//! something that fails.

use chrono::Utc;

use crate::core::caller::CallerQuery;
use crate::core::filter::CallFilter;
use crate::core::model::{Anchor, Dialect, Org};
use crate::core::time::OrgZone;
use crate::data::catalog::{Catalog, Tenant};
use crate::data::dialects::{self, Platform};
use crate::data::error::{DataError, ErrorKind};
use crate::data::source::Source;
use crate::data::source::caller::CallerScope;
use crate::data::sqlt::Env;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    /// Usable, without these (columns not recorded, parts left out).
    Partial(Vec<String>),
    /// Not usable, and why; `refused` when a privilege or row security is the cause.
    Failed {
        why: String,
        refused: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionCheck {
    pub section: String,
    pub verdict: Verdict,
}

impl SectionCheck {
    fn new(section: &str, verdict: Verdict) -> Self {
        SectionCheck { section: section.to_string(), verdict }
    }

    /// One line: mark, section, what it lacks or why it fails.
    pub fn line(&self) -> String {
        match &self.verdict {
            Verdict::Ok => format!("  ✓ {}", self.section),
            Verdict::Partial(lost) => {
                format!("  ~ {:<28} partial, not recorded here: {}", self.section, lost.join("; "))
            }
            Verdict::Failed { why, .. } => format!("  ✗ {:<28} {why}", self.section),
        }
    }
}

/// The sections of a platform and the statements each needs (the first one's aliases serve the rest).
fn sections(p: &Platform) -> Vec<(&'static str, Vec<&'static str>)> {
    let s = &p.sql;
    let c = &s.calls;
    let mut v: Vec<(&'static str, Vec<&'static str>)> = vec![
        ("org switcher", vec![s.orgs]),
        ("call list", vec![c.select, c.org, c.ts, c.id]),
        ("call detail", vec![s.call]),
    ];
    if let Some(a) = &s.appointments {
        v.push(("calendar", vec![a.counts, a.range]));
        v.push(("calendar: appointment", vec![a.one]));
    }
    let o = &s.oncall;
    for (name, t) in [
        ("on call: chain", o.contacts),
        ("on call: notifications", o.notifications),
        ("on call: transfers", o.transfers),
        ("on call: urgent calls", o.urgent_calls),
        ("on call: org numbers", o.org),
    ] {
        if let Some(t) = t {
            v.push((name, vec![t]));
        }
    }
    if let Some(a) = o.acknowledge {
        v.push(("acknowledge (--write)", std::iter::once(a).chain(o.audit_acknowledge).collect()));
    }
    v.push(("org profile", vec![p.profile]));
    if let Some(st) = &p.status {
        v.push(("suspend/reactivate (--write)", std::iter::once(st.update).chain(st.audit).collect()));
    }
    v.push(("attention board", vec![p.board.unwrap_or(dialects::board::RETELL_ORGS)]));
    let cs = &p.caller;
    if let Some(t) = cs.country {
        v.push(("caller history: the org's country", vec![t]));
    }
    for t in cs.records.iter().chain(cs.events.iter()) {
        v.push((caller_section(t), vec![t]));
    }
    if let Some(t) = cs.other_orgs {
        v.push(("caller history: other orgs", vec![t]));
    }
    if let Some(t) = cs.names {
        v.push(("caller history: by name", vec![t]));
    }
    v
}

fn caller_section(t: &str) -> &'static str {
    match t.split('\'').nth(1).unwrap_or("") {
        "call" => "caller history: calls",
        "appointment" => "caller history: appointments",
        "sms" => "caller history: texts",
        "transfer" => "caller history: transfers",
        "notification" => "caller history: notifications",
        "customer" => "caller history: customers",
        "contact" => "caller history: contacts",
        "lead" => "caller history: leads",
        "recipient" => "caller history: recipients",
        _ => "caller history: records",
    }
}

/// Renders a section's statements: what it loses, or why it cannot be read.
fn render(cat: &Catalog, tenant: Option<&Tenant>, templates: &[&str]) -> Verdict {
    let mut env = Env::new(cat, tenant);
    for t in templates {
        if let Err(u) = env.render(t) {
            return Verdict::Failed { why: u.to_string(), refused: u.denied };
        }
    }
    if env.lost().is_empty() { Verdict::Ok } else { Verdict::Partial(env.lost().to_vec()) }
}

fn failed(e: &DataError) -> Verdict {
    Verdict::Failed { why: e.message.clone(), refused: e.kind == ErrorKind::Refused }
}

/// Marks a section failed when running it failed, unless the catalog already said so.
fn ran(out: &mut [SectionCheck], section: &str, result: Result<(), DataError>) {
    if let (Err(e), Some(s)) = (result, out.iter_mut().find(|s| s.section == section))
        && !matches!(s.verdict, Verdict::Failed { .. })
    {
        s.verdict = failed(&e);
    }
}

impl Source {
    /// Every section of the platform's views: ✓, partial (what is not recorded) or failed (why), from the
    /// catalog and from one run on `sample` (the first org listed, when there is one).
    pub async fn verify(&self, dialect: Dialect, sample: Option<&Org>) -> Vec<SectionCheck> {
        let p = dialects::platform(dialect);
        let Some(cat) = self.known_catalog() else { return Vec::new() };
        // The sample org's tenant schema, for a schema-per-tenant platform.
        let tenant = match sample {
            Some(o) => self.tenant_of(dialect, &o.key).await,
            None => Ok(None),
        };
        let mut out: Vec<SectionCheck> = Vec::new();
        for (name, templates) in sections(p) {
            let tenant_needed = templates.iter().any(|t| t.contains("{@~."));
            let verdict = match (&tenant, tenant_needed) {
                (Err(e), true) => failed(e),
                (Ok(None), true) => Verdict::Failed { why: "no org to look at".to_string(), refused: false },
                (t, _) => render(&cat, t.as_ref().ok().cloned().flatten().as_deref(), &templates),
            };
            out.push(SectionCheck::new(name, verdict));
        }
        // The call list's filters: each one the database cannot serve is a loss of the list's.
        if let Some(s) = out.iter_mut().find(|s| s.section == "call list")
            && !matches!(s.verdict, Verdict::Failed { .. })
        {
            let t = tenant.as_ref().ok().cloned().flatten();
            let lost = self.unusable_filters(&cat, t.as_deref(), &p.sql.calls);
            if !lost.is_empty() {
                let mut all = match &s.verdict {
                    Verdict::Partial(l) => l.clone(),
                    _ => Vec::new(),
                };
                all.extend(lost);
                s.verdict = Verdict::Partial(all);
            }
        }
        let Some(org) = sample else { return out };
        let zone = OrgZone::from_name(org.timezone.as_deref());
        let page = self.calls_filtered(dialect, &org.key, &Anchor::First, 1, &CallFilter::default(), &zone).await;
        let first_call = page.as_ref().ok().and_then(|p| p.rows.first().map(|r| r.key.clone()));
        ran(&mut out, "call list", page.map(|_| ()));
        let nobody = p.no_key();
        let call = first_call.unwrap_or(nobody.clone());
        ran(&mut out, "call detail", self.call(dialect, &org.key, &call).await.map(|_| ()));
        if p.sql.appointments.is_some() {
            let today = Utc::now().date_naive();
            let next = today + chrono::Duration::days(1);
            ran(&mut out, "calendar", self.appointment_counts(dialect, &org.key, today, next, zone).await.map(|_| ()));
            ran(&mut out, "calendar", self.day_appointments(dialect, &org.key, today, zone).await.map(|_| ()));
            ran(&mut out, "calendar: appointment", self.appointment(dialect, &org.key, &nobody).await.map(|_| ()));
        }
        if p.caps().oncall {
            match self.oncall(dialect, &org.key).await {
                Ok(d) => {
                    for (section, why) in &d.unavailable {
                        let refused = true;
                        if let Some(s) = out.iter_mut().find(|s| s.section == format!("on call: {section}"))
                            && !matches!(s.verdict, Verdict::Failed { .. })
                        {
                            s.verdict = Verdict::Failed { why: why.clone(), refused };
                        }
                    }
                }
                Err(e) => ran(&mut out, "on call: chain", Err(e)),
            }
        }
        ran(&mut out, "org profile", self.profile(dialect, &org.key).await.map(|_| ()));
        ran(&mut out, "attention board", self.board(dialect).await.map(|_| ()));
        match self
            .caller(dialect, &org.key, &CallerQuery::Phone("+15550100199".to_string()), &zone, CallerScope::default())
            .await
        {
            Ok(h) => {
                for n in &h.notes {
                    if let Some((what, why)) = n.split_once(" not shown: ") {
                        let section = format!("caller history: {}", what.replace("sms", "texts"));
                        if let Some(s) = out.iter_mut().find(|s| s.section == section)
                            && !matches!(s.verdict, Verdict::Failed { .. })
                        {
                            s.verdict = Verdict::Failed { why: why.to_string(), refused: true };
                        }
                    }
                }
            }
            Err(e) => ran(&mut out, "caller history: calls", Err(e)),
        }
        out
    }
}
