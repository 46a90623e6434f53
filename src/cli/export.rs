//! `switchboard export ...`: what a view shows, as JSON or CSV, read with the data layer the console uses.

use std::process::ExitCode;

use super::args::ExportWhat;
use super::{EXIT_REFUSED, EXIT_USAGE, fail, fail_data, options, output_failed};
use crate::config::Settings;
use crate::core::model::{Dialect, Key};
use crate::data::Source;
use crate::export;
use crate::logging;

pub(super) async fn run(
    settings: &Settings,
    url: &str,
    what: ExportWhat,
    at: Option<crate::core::oncall::At>,
) -> ExitCode {
    let source = match Source::new(options(settings, url, 1)) {
        Ok(s) => s,
        Err(e) => return fail(EXIT_USAGE, &e.to_string()),
    };
    let code = export_with(&source, settings, what, at).await;
    source.close().await;
    code
}

/// The org list, and the first page of the org whose id `export calls` was given.
type OrgsAndPage = (Vec<crate::core::model::Org>, (Key, crate::core::model::Page));

/// For `export calls --org ID` (a first page, no profile limit, a valid filter and limit): the org list and
/// the org's first page read together (`Source::orgs_and_first_page`). None: read the list alone.
async fn first_page_ahead(
    source: &Source,
    settings: &Settings,
    dialect: Dialect,
    what: &ExportWhat,
) -> Option<Result<OrgsAndPage, crate::core::error::DataError>> {
    let ExportWhat::Calls { org, limit, cursor: None, filter, .. } = what else { return None };
    let key = Key::parse(org.trim());
    if settings.only_org.is_some() || !matches!(key, Key::Uuid(_)) || !(1..=10_000).contains(limit) {
        return None;
    }
    let filter = crate::core::filter::CallFilter::parse(filter.as_deref().unwrap_or("")).ok()?;
    match source.orgs_and_first_page(dialect, &key, *limit, &filter).await {
        Ok(Some((orgs, page))) => Some(Ok((orgs, (key, page)))),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

async fn export_with(
    source: &Source,
    settings: &Settings,
    what: ExportWhat,
    at: Option<crate::core::oncall::At>,
) -> ExitCode {
    let info = match source.detect(settings.dialect).await {
        Ok(i) => i,
        Err(e) => return fail_data(&e),
    };
    let dialect = info.dialect;
    let missing = |(e, refused): (String, bool)| fail(if refused { EXIT_REFUSED } else { EXIT_USAGE }, &e);
    // The first page of an org named by its id comes in the org list's message (one round trip less).
    let mut first_page = None;
    let mut orgs = match first_page_ahead(source, settings, dialect, &what).await {
        Some(Ok((orgs, page))) => {
            first_page = Some(page);
            orgs
        }
        Some(Err(e)) => return fail_data(&e),
        None => match source.orgs(dialect).await {
            Ok(o) => o,
            Err(e) => return fail_data(&e),
        },
    };
    // A profile limited to one org sees only that one.
    if let Some(only) = &settings.only_org {
        match export::resolve_org(&orgs, only, &info) {
            Ok(o) => orgs = vec![o.clone()],
            Err((e, refused)) => return missing((format!("the profile is limited to the org {only:?}: {e}"), refused)),
        }
    }
    let out = match what {
        ExportWhat::Orgs { format } => export::orgs(&orgs, format),
        ExportWhat::Caller { org, phone, name, format } => {
            use crate::core::caller::{CallerQuery, parse_phone};
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            let query = match (phone, name) {
                (Some(p), _) => {
                    // The org's country is not needed to tell a malformed number.
                    if let Err(e) = parse_phone(&p, None) {
                        return fail(EXIT_USAGE, &e);
                    }
                    CallerQuery::Phone(p)
                }
                (None, Some(n)) => CallerQuery::Name(n),
                (None, None) => return fail(EXIT_USAGE, "give --phone or --name"),
            };
            let zone = crate::core::time::OrgZone::from_name(org.timezone.as_deref());
            let scope = crate::data::source::caller::CallerScope {
                cross_org: settings.only_org.is_none(),
                ..Default::default()
            };
            match source.caller(dialect, &org.key, &query, &zone, scope).await {
                Ok(h) => export::caller(&h, &zone, chrono::Utc::now(), format),
                Err(e) => return fail_data(&e),
            }
        }
        ExportWhat::Board { format } => match source.board(dialect).await {
            Ok(mut rows) => {
                if settings.only_org.is_some() {
                    rows.retain(|r| orgs.iter().any(|o| o.key == r.key));
                }
                let now = chrono::Utc::now();
                let marks = crate::core::names::marks(&orgs);
                let out: Vec<serde_json::Value> = crate::core::board::ranked(&rows, now)
                    .into_iter()
                    .map(|(i, reasons)| {
                        let r = &rows[i];
                        // Unknown figures are null, never 0.
                        let known = |n: i64| r.figures_unread.is_none().then_some(n);
                        let (name_flags, name_key) = export::name_fields(&marks, &r.key);
                        serde_json::json!({
                            "id": r.key, "name": r.name, "status": r.status,
                            "reasons": reasons.iter().map(|x| x.text()).collect::<Vec<_>>().join("; "),
                            "calls_24h": known(r.calls_24h), "failed_24h": known(r.failed_24h),
                            "calls_7d": known(r.calls_7d), "failed_7d": known(r.failed_7d),
                            "open_emergencies": r.open_emergencies,
                            "last_call": r.last_call.at().map(|t| t.to_rfc3339()),
                            "last_call_kind": r.last_call.kind(),
                            "figures_unread": r.figures_unread,
                            "name_flags": name_flags, "name_key": name_key,
                        })
                    })
                    .collect();
                export::render(&out, format)
            }
            Err(e) => return fail_data(&e),
        },
        ExportWhat::Overview { org, from, to, format } => {
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            let zone = crate::core::time::OrgZone::from_name(org.timezone.as_deref());
            let today = chrono::Utc::now().with_timezone(&zone.tz).date_naive();
            let day = |v: Option<String>, what: &str, dflt| match v {
                Some(s) => export::parse_day(&s, what),
                None => Ok(dflt),
            };
            let (from, to) = match (day(from, "--from", today - chrono::Duration::days(6)), day(to, "--to", today)) {
                (Ok(f), Ok(t)) if f <= t => (f, t),
                (Ok(_), Ok(_)) => return fail(EXIT_USAGE, "--from must not be after --to"),
                (Err(e), _) | (_, Err(e)) => return fail(EXIT_USAGE, &e),
            };
            match source.overview(dialect, &org.key, from, to + chrono::Duration::days(1), &zone).await {
                Ok(o) => export::overview(&o, format),
                Err(e) => return fail_data(&e),
            }
        }
        ExportWhat::Call { org, id, format } => {
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            match source.call(dialect, &org.key, &crate::core::model::Key::parse(&id)).await {
                Ok(Some(c)) => {
                    let turns = c.transcript.as_deref().map(crate::core::transcript::parse).unwrap_or_default();
                    export::call(&c, &turns, format)
                }
                Ok(None) => return fail(EXIT_USAGE, &format!("no call {id} in {}", org.name)),
                Err(e) => return fail_data(&e),
            }
        }
        ExportWhat::Org { org, format } => {
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            let (name_flags, name_key) = export::name_fields(&crate::core::names::marks(&orgs), &org.key);
            match source.profile(dialect, &org.key).await {
                Ok(Some(p)) => export::profile(
                    &serde_json::json!({
                        "id": org.key, "name": org.name, "dialect": dialect.name(), "status": p.status, "sections": p.sections,
                        "name_flags": name_flags, "name_key": name_key,
                    }),
                    &p.sections,
                    format,
                ),
                Ok(None) => return fail(EXIT_USAGE, "this organization no longer exists"),
                Err(e) => return fail_data(&e),
            }
        }
        ExportWhat::Oncall { org, format } => {
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            if !crate::data::dialects::platform(dialect).caps().oncall {
                return fail(EXIT_USAGE, &format!("the {} schema has no on-call data", dialect.name()));
            }
            let zone = crate::core::time::OrgZone::from_name(org.timezone.as_deref());
            let local = match at {
                Some(a) => a.local_in(&zone),
                None => chrono::Utc::now().with_timezone(&zone.tz).naive_local(),
            };
            match source.oncall(dialect, &org.key).await {
                Ok(data) => export::oncall(&data, &zone, local, format),
                Err(e) => return fail_data(&e),
            }
        }
        ExportWhat::Calls { org, limit, cursor, filter, format } => {
            let filter = match crate::core::filter::CallFilter::parse(filter.as_deref().unwrap_or("")) {
                Ok(f) => f,
                Err(e) => return fail(EXIT_USAGE, &format!("--filter: {e}")),
            };
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            let anchor = match cursor.as_deref().map(export::parse_cursor) {
                None => crate::core::model::Anchor::First,
                Some(Ok(c)) => crate::core::model::Anchor::After(c),
                Some(Err(e)) => return fail(EXIT_USAGE, &e),
            };
            if limit == 0 || limit > 10_000 {
                return fail(EXIT_USAGE, "--limit must be between 1 and 10000");
            }
            let zone = crate::core::time::OrgZone::from_name(org.timezone.as_deref());
            // Read with the org list when the id named this org (first_page_ahead), else now.
            let page = match first_page.take().filter(|(key, _)| *key == org.key) {
                Some((_, page)) => Ok(page),
                None => source.calls_filtered(dialect, &org.key, &anchor, limit, &filter, &zone).await,
            };
            match page {
                Ok(page) => {
                    if let (export::Format::Csv, Some(next)) = (format, export::next_cursor(&page)) {
                        logging::stderr_line(format_args!("next_cursor: {next}"));
                    }
                    export::calls_page(&page, &zone, format)
                }
                Err(e) => return fail_data(&e),
            }
        }
        ExportWhat::Appointments { org, from, to, format } => {
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            let (from, to) = match (export::parse_day(&from, "--from"), export::parse_day(&to, "--to")) {
                (Ok(f), Ok(t)) if f <= t => (f, t),
                (Ok(_), Ok(_)) => return fail(EXIT_USAGE, "--from must not be after --to"),
                (Err(e), _) | (_, Err(e)) => return fail(EXIT_USAGE, &e),
            };
            if !crate::data::dialects::platform(dialect).caps().appointments {
                return fail(EXIT_USAGE, &format!("the {} schema has no appointments", dialect.name()));
            }
            let zone = crate::core::time::OrgZone::from_name(org.timezone.as_deref());
            match source.appointments(dialect, &org.key, from, to + chrono::Duration::days(1), zone).await {
                Ok(appts) => {
                    let rows: Vec<_> = appts.iter().map(|a| export::appointment_out(a, &zone)).collect();
                    export::render(&rows, format)
                }
                Err(e) => return fail_data(&e),
            }
        }
    };
    match out {
        // All of it is read before the first byte is written, so a reader that goes away stops nothing but the
        // write (which fails at once: SIGPIPE is ignored, the write answers EPIPE).
        Ok(text) => match logging::stdout_line(text.trim_end()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => output_failed(&e),
        },
        Err(e) => fail(EXIT_USAGE, &e),
    }
}
