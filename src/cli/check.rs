//! `switchboard check`: the server, the schema detected, the mode, and what each view can show, line by line
//! as the answers come.

use std::process::ExitCode;

use super::{EXIT_REFUSED, EXIT_USAGE, fail, fail_data, options, output_failed};
use crate::config::Settings;
use crate::data::Source;
use crate::data::pool::redact_url;

pub(super) async fn run(settings: &Settings, url: &str) -> ExitCode {
    let source = match Source::new(options(settings, url, 1)) {
        Ok(s) => s,
        Err(e) => return fail(EXIT_USAGE, &e.to_string()),
    };
    let info = match source.detect(settings.dialect).await {
        Ok(i) => i,
        Err(e) => {
            let mut e = e;
            e.message = format!("{}: {}", redact_url(url), e.message);
            return fail_data(&e);
        }
    };
    let orgs = source.orgs(info.dialect).await;
    // Line by line as the answers come; a reader that went away stops the queries too.
    let written = check_report(&mut std::io::stdout(), &source, &info, url, &orgs).await;
    source.close().await;
    match written {
        Err(e) => output_failed(&e),
        Ok(refused) if refused => ExitCode::from(EXIT_REFUSED),
        Ok(_) => match &orgs {
            Err(e) => fail_data(e),
            Ok(_) => ExitCode::SUCCESS,
        },
    }
}

/// What `check` prints, written to `out` as each part is known.
async fn check_report(
    out: &mut impl std::io::Write,
    source: &Source,
    info: &crate::core::model::DbInfo,
    url: &str,
    orgs: &Result<Vec<crate::core::model::Org>, crate::data::error::DataError>,
) -> std::io::Result<bool> {
    writeln!(out, "target      {}", redact_url(url))?;
    writeln!(out, "server      PostgreSQL {}", info.server_version)?;
    writeln!(
        out,
        "tls         {}",
        match (info.tls, info.tls_fallback) {
            (true, _) => "yes",
            (false, true) => "no (prefer fell back): plaintext, the server offers no TLS",
            (false, false) => "no (plaintext)",
        }
    )?;
    if let (crate::data::pool::Pooler::Transaction, why) = source.pooler() {
        writeln!(
            out,
            "pooler      transaction mode ({why}): unnamed statements, no session settings, read-only by BEGIN READ ONLY"
        )?;
    }
    if let Some(replica) = &source.options().replica_url {
        writeln!(out, "replica     {} (reads; writes go to the primary)", redact_url(replica))?;
    }
    writeln!(out, "schema      {} ({})", info.dialect.name(), info.dialect.platform())?;
    if let Some(note) = &info.detection_note {
        writeln!(out, "note        {note}")?;
    }
    match source.reads_are_read_only().await {
        Ok(true) => writeln!(out, "mode        read-only (enforced by the server: transaction_read_only = on)")?,
        Ok(false) => writeln!(out, "mode        WRITE: the server accepts writes in the console's transactions")?,
        Err(e) => writeln!(out, "mode        unknown: {e}")?,
    }
    let cat = source.known_catalog().unwrap_or_default();
    let platform = crate::data::dialects::platform(info.dialect);
    let read: Vec<&crate::data::catalog::Table> = platform
        .templates()
        .into_iter()
        .flat_map(|t| crate::data::sqlt::tables_named(t).unwrap_or_default())
        .filter_map(|(schema, name)| cat.table(&schema, &name))
        .collect();
    let filtered = cat.filtered_by_row_security(read);
    let row_security = !filtered.is_empty();
    match orgs {
        Ok(o) if o.is_empty() && row_security => writeln!(
            out,
            "orgs        0 visible: row security may be hiding them from role {} (see below)",
            cat.role.name
        )?,
        Ok(o) => writeln!(out, "orgs        {}", o.len())?,
        Err(e) => writeln!(out, "orgs        cannot be listed: {e}")?,
    }
    if row_security {
        writeln!(
            out,
            "row security is on for {}; role {} does not bypass it: only rows its policies allow are visible{}",
            filtered.join(", "),
            cat.role.name,
            if source.pooler().0 == crate::data::pool::Pooler::None {
                "; auth.uid() is NULL on a direct connection (no JWT claims)"
            } else {
                ""
            }
        )?;
    }
    if !cat.functions.is_empty() {
        writeln!(out, "functions   {}", cat.functions.iter().cloned().collect::<Vec<_>>().join(", "))?;
    }
    match source.transcript_indexes(info.dialect).await {
        Ok(Some(names)) if names.is_empty() => writeln!(
            out,
            "text search no trigram or full-text index on transcripts: word filters scan an org's calls, bounded by the statement timeout"
        )?,
        Ok(Some(names)) => writeln!(out, "text search indexed ({})", names.join(", "))?,
        Ok(None) => writeln!(out, "text search per-tenant tables: not checked")?,
        Err(e) => writeln!(out, "text search unknown: {e}")?,
    }
    writeln!(out, "can show (✓ works, ~ partial, ✗ cannot):")?;
    let sample = orgs.as_ref().ok().and_then(|o| o.first());
    let checks = source.verify(info.dialect, sample).await;
    for c in &checks {
        writeln!(out, "{}", c.line())?;
    }
    use crate::data::verify::Verdict;
    let essential = |s: &str| s == "org switcher" || s == "call list";
    let refused = checks.iter().any(|c| match &c.verdict {
        Verdict::Failed { refused, .. } => *refused || essential(&c.section),
        _ => false,
    }) || matches!(orgs, Ok(o) if o.is_empty() && row_security)
        || matches!(orgs, Err(e) if e.is_refusal());
    if platform.sql.tenant_schema.is_some() {
        match source.tenant_report(200).await {
            Ok(lines) if lines.is_empty() => {
                writeln!(out, "tenants     every registered schema has its calls table and the columns read")?
            }
            Ok(lines) => {
                writeln!(out, "tenants     these orgs' schemas lack what the console reads:")?;
                for l in lines {
                    writeln!(out, "  {l}")?;
                }
            }
            Err(e) => writeln!(out, "tenants     cannot be checked: {e}")?,
        }
    }
    match crate::data::indexes::check(source.read_pool(), info.dialect).await {
        Ok(checks) => {
            writeln!(out, "indexes:")?;
            for c in &checks {
                for line in c.report_lines(5) {
                    writeln!(out, "{line}")?;
                }
            }
        }
        Err(e) => writeln!(out, "indexes     cannot be checked: {e}")?,
    }
    Ok(refused)
}
