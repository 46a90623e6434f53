//! The `switchboard` command: the console (default), `demo`, `check`.

// Bad input gets a message, never a panic: no `unwrap`/`expect` outside tests (see src/lib.rs).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use switchboard::config::{self, CliSettings, EnvSettings, Settings};
use switchboard::core::model::{Dialect, Key};
use switchboard::data::pool::redact_url;
use switchboard::data::{DbOptions, Source};
use switchboard::export::{self, Format};
use switchboard::ui::app::{self, AppOptions};
use switchboard::ui::theme::Theme;
use switchboard::{demo, logging};

/// A terminal console for AI voice-call platforms on PostgreSQL.
#[derive(Parser, Debug)]
#[command(name = "switchboard", version, about)]
struct Cli {
    /// Database URL (postgres://user:password@host:port/database). Overrides DATABASE_URL and profiles.
    #[arg(long, global = true)]
    url: Option<String>,
    /// A profile of the config file.
    #[arg(long, global = true)]
    profile: Option<String>,
    /// The config file (default: the user's config directory, or SWITCHBOARD_CONFIG).
    #[arg(long, global = true)]
    config: Option<std::path::PathBuf>,
    /// Statement timeout in milliseconds.
    #[arg(long, global = true)]
    statement_timeout_ms: Option<u64>,
    /// Use this dialect instead of detecting it (retell, serviceai, voxanne, prisma, quinite); with `demo`,
    /// the platform of the demo database.
    #[arg(long, global = true)]
    dialect: Option<String>,
    /// No colors (also: NO_COLOR=1).
    #[arg(long, global = true)]
    no_color: bool,
    /// Open on the attention board (the orgs that need a look) instead of the org switcher.
    #[arg(long, global = true)]
    board: bool,
    /// Mouse support: click to select, wheel to scroll (off by default so terminal selection works).
    #[arg(long, global = true)]
    mouse: bool,
    /// Behind a pooler: `transaction` (PgBouncer pool_mode=transaction, Supabase's port 6543) or `none`.
    /// Detected from the URL when absent (port 6543, `pgbouncer=true`).
    #[arg(long, global = true)]
    pooler: Option<String>,
    /// Write mode: allows acknowledging notifications (each after a confirmation). Read-only otherwise.
    #[arg(long, global = true)]
    write: bool,
    /// The instant the on-call view (and `export oncall`) looks at: `2026-11-21 22:30` in the org's
    /// zone, or `2026-11-22T03:30:00Z`.
    #[arg(long, global = true)]
    at: Option<String>,
    /// Open the console on this org's calls: its id, slug, exact name, the first characters of its id, or a
    /// name fragment only one org has. The org list stays whole (a profile's `org` limits it instead).
    #[arg(long)]
    org: Option<String>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Open the console (the default).
    Tui,
    /// Open the console on a demo database with generated data (embedded PostgreSQL, nothing to install).
    Demo {
        /// Throw the demo database away and build it again.
        #[arg(long)]
        reset: bool,
        /// Run the demo on a private server from the system's PostgreSQL binaries instead.
        #[arg(long)]
        server: bool,
    },
    /// Connect, report the server, the detected schema and what the console can show for it.
    Check,
    /// Generate platform-scale data, measure, and print a table (see BENCHMARKS.md).
    Bench(switchboard::bench::BenchArgs),
    /// Print what a view shows, as JSON or CSV, for scripts (exit 0 ok, 1 connection, 2 usage or unknown org).
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
}

#[derive(Subcommand, Debug)]
enum ExportWhat {
    /// Every organization.
    Orgs {
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// One page of an org's calls, newest first; JSON carries the cursor of the next page.
    Calls {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// Rows per page.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// The `next_cursor` of the previous page.
        #[arg(long)]
        cursor: Option<String>,
        /// Filters, as typed in the console: `status:failed dir:inbound from:2026-01-01 to:2026-01-31
        /// agent:ava phone:415555 urgent "burst pipe"` (dates in the org's zone).
        #[arg(long)]
        filter: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// The attention board: every org with its 24 h / 7 d figures and why it needs a look.
    Board {
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// An org's figures over a range of local dates (default: the last 7 days).
    Overview {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// First local date (default: 6 days ago).
        #[arg(long)]
        from: Option<String>,
        /// Last local date, included (default: today).
        #[arg(long)]
        to: Option<String>,
    },
    /// One call with its details, summary and transcript.
    Call {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// The call's id.
        #[arg(long)]
        id: String,
    },
    /// The org profile (identity, people, voice setup, integrations, money, campaigns), never a secret.
    Org {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
    },
    /// Who is on call (now, or at --at), the escalation chain, and the open notifications of one org.
    Oncall {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Everything about one caller in one org: their records, counts, and one timeline of calls,
    /// appointments, SMS, transfers and notifications, newest first (times in UTC and the org's zone).
    Caller {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// A phone number in any format: +14155550123, (415) 555-0123, 0044 20 7946 0958...
        #[arg(long, required_unless_present = "name", conflicts_with = "name")]
        phone: Option<String>,
        /// A customer, contact or lead name, or a part of it.
        #[arg(long)]
        name: Option<String>,
        /// JSON has everything; CSV is the timeline alone.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Appointments of one org whose local date is in FROM..=TO (the org's own time zone).
    Appointments {
        /// Organization id, slug, exact name, the first characters of its id, or a name fragment only one org has.
        #[arg(long)]
        org: String,
        /// First local date, e.g. 2026-03-01.
        #[arg(long)]
        from: String,
        /// Last local date (included).
        #[arg(long)]
        to: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
}

const EXIT_CONNECTION: u8 = 1;
const EXIT_USAGE: u8 = 2;
/// The database refuses what was asked: a privilege, row security, a table or column it does not have.
const EXIT_REFUSED: u8 = 3;
/// The output could not be written, for another reason than its reader going away (a full disk).
const EXIT_OUTPUT: u8 = 1;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        // --help and --version print in full; a usage error is one line.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        // A command without its subcommand: the list of subcommands is the answer.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(EXIT_USAGE);
        }
        Err(e) => {
            let text = e.render().to_string();
            // The error's first paragraph, on one line (clap adds usage and tips after a blank line).
            let what: Vec<&str> = text.lines().take_while(|l| !l.trim().is_empty()).map(str::trim).collect();
            let what = what.join(" ");
            logging::stderr_line(format_args!(
                "switchboard: {} (switchboard --help lists the options)",
                what.trim_start_matches("error: ")
            ));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let _log = logging::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => return fail(EXIT_USAGE, &format!("cannot start the runtime: {e}")),
    };
    let code = runtime.block_on(run(cli));
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    code
}

/// A parser's message on one line: TOML's errors quote the offending line with a caret under it; keep what it
/// says, not the picture ("bad config …: TOML parse error at line 2, column 10: unclosed table, expected `]`").
fn one_line(msg: &str) -> String {
    let snippet = |l: &str| {
        let t = l.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        t.starts_with('|')
    };
    msg.lines().map(str::trim).filter(|l| !l.is_empty() && !snippet(l)).collect::<Vec<_>>().join(": ")
}

fn fail(code: u8, msg: &str) -> ExitCode {
    tracing::error!("{msg}");
    logging::stderr_line(format_args!("switchboard: {msg}"));
    ExitCode::from(code)
}

/// A data error's message and its exit code, decided by its kind (from the SQLSTATE or the catalog).
fn fail_data(e: &switchboard::data::error::DataError) -> ExitCode {
    use switchboard::data::error::ErrorKind;
    let code = match e.kind {
        ErrorKind::Refused => EXIT_REFUSED,
        ErrorKind::Input => EXIT_USAGE,
        ErrorKind::Connection | ErrorKind::Cancelled | ErrorKind::Other => EXIT_CONNECTION,
    };
    fail(code, &e.message)
}

/// How a command ends when writing its output failed. The reader going away (`switchboard check | head -1`,
/// `export calls | head`) is the normal end of a pipeline: status 0, nothing said, nothing more queried.
/// Anything else (a full disk) is one line and exit 1.
fn output_failed(e: &std::io::Error) -> ExitCode {
    if logging::reader_gone(e) {
        tracing::info!("stdout was closed by its reader; stopping");
        ExitCode::SUCCESS
    } else {
        fail(EXIT_OUTPUT, &format!("cannot write the output: {e}"))
    }
}

async fn run(cli: Cli) -> ExitCode {
    let cli_settings = CliSettings {
        config: cli.config.clone(),
        url: cli.url.clone(),
        profile: cli.profile.clone(),
        statement_timeout_ms: cli.statement_timeout_ms,
        dialect: cli.dialect.clone(),
        theme: cli.no_color.then(|| "mono".to_string()),
        write: cli.write,
        board: cli.board,
        mouse: cli.mouse,
        pooler: cli.pooler.clone(),
    };
    let oncall_at = match cli.at.as_deref().map(switchboard::core::oncall::At::parse) {
        None => None,
        Some(Ok(at)) => at,
        Some(Err(e)) => return fail(EXIT_USAGE, &format!("--at: {e}")),
    };
    let settings = match config::resolve(&cli_settings, &EnvSettings::from_process()) {
        Ok(s) => s,
        Err(e) => return fail(EXIT_USAGE, &one_line(&e)),
    };
    let start_org = cli.org.clone().filter(|o| !o.trim().is_empty());
    if start_org.is_some() && matches!(cli.command, Some(Cmd::Export { .. } | Cmd::Check | Cmd::Bench(_))) {
        return fail(EXIT_USAGE, "--org opens the console on an org; an export takes its own --org after its name");
    }
    match cli.command.unwrap_or(Cmd::Tui) {
        Cmd::Tui => {
            let Some(url) = settings.url.clone() else {
                logging::stderr_line(first_run_help());
                return ExitCode::from(EXIT_USAGE);
            };
            let target = redact_url(&url);
            console(&settings, &url, target, settings.max_connections, settings.dialect, oncall_at, start_org).await
        }
        Cmd::Demo { reset, server } => {
            let dialect = settings.dialect.unwrap_or(Dialect::ServiceAi);
            logging::stderr_line(format_args!("switchboard: opening the {} demo database…", dialect.name()));
            let started =
                if server { demo::private_server(dialect, reset).await } else { demo::embedded(dialect, reset).await };
            let demo = match started {
                Ok(d) => d,
                Err(e) => return fail(EXIT_CONNECTION, &e),
            };
            // The demo's schema is detected like any other database's.
            let code =
                console(&settings, &demo.url, demo.label.clone(), demo.max_connections, None, oncall_at, start_org)
                    .await;
            drop(demo);
            code
        }
        Cmd::Bench(args) => switchboard::bench::run(args).await,
        Cmd::Export { what } => {
            let Some(url) = settings.url.clone() else {
                logging::stderr_line(first_run_help());
                return ExitCode::from(EXIT_USAGE);
            };
            run_export(&settings, &url, what, oncall_at).await
        }
        Cmd::Check => {
            let Some(url) = settings.url.clone() else {
                logging::stderr_line(first_run_help());
                return ExitCode::from(EXIT_USAGE);
            };
            check(&settings, &url).await
        }
    }
}

fn options(settings: &Settings, url: &str, max_connections: u32) -> DbOptions {
    let ours = settings.url.as_deref() == Some(url);
    DbOptions {
        url: url.to_string(),
        read_only: settings.read_only,
        statement_timeout_ms: settings.statement_timeout_ms,
        max_connections,
        idle_timeout_ms: settings.idle_timeout_ms,
        // The pooler, replica and root certificate describe the configured server, not a demo's.
        pooler: settings.pooler.filter(|_| ours),
        replica_url: settings.replica_url.clone().filter(|_| ours),
        ssl_root_cert: settings.ssl_root_cert.clone().filter(|_| ours),
        ..DbOptions::new(url)
    }
}

async fn console(
    settings: &Settings,
    url: &str,
    target: String,
    max_connections: u32,
    dialect: Option<Dialect>,
    oncall_at: Option<switchboard::core::oncall::At>,
    start_org: Option<String>,
) -> ExitCode {
    let source = match Source::new(options(settings, url, max_connections)) {
        Ok(s) => s,
        Err(e) => return fail(EXIT_USAGE, &e.to_string()),
    };
    let opts = AppOptions {
        target,
        read_only: settings.read_only,
        dialect,
        theme: Theme::from_name(&settings.theme),
        keymap: settings.keymap.clone(),
        oncall_at,
        oncall_refresh_secs: settings.oncall_refresh_secs,
        start_on_board: settings.start_on_board,
        mouse: settings.mouse,
        prefetch: settings.prefetch,
        only_org: settings.only_org.clone(),
        start_org,
    };
    let result = app::run(source.clone(), opts).await;
    // Closing waits for connections still in use, e.g. by a ping to a dead server; the console is leaving,
    // and after a terminal that went away crossterm's reader thread spins on it until the process ends.
    let _ = tokio::time::timeout(std::time::Duration::from_millis(500), source.close()).await;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(EXIT_CONNECTION, &format!("the console stopped: {e}")),
    }
}

async fn check(settings: &Settings, url: &str) -> ExitCode {
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
    info: &switchboard::core::model::DbInfo,
    url: &str,
    orgs: &Result<Vec<switchboard::core::model::Org>, switchboard::data::error::DataError>,
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
    if let (switchboard::data::pool::Pooler::Transaction, why) = source.pooler() {
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
    let platform = switchboard::data::dialects::platform(info.dialect);
    let read: Vec<&switchboard::data::catalog::Table> = platform
        .templates()
        .into_iter()
        .flat_map(|t| switchboard::data::sqlt::tables_named(t).unwrap_or_default())
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
            if source.pooler().0 == switchboard::data::pool::Pooler::None {
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
    use switchboard::data::verify::Verdict;
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
    match switchboard::data::indexes::check(source.read_pool(), info.dialect).await {
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

async fn run_export(
    settings: &Settings,
    url: &str,
    what: ExportWhat,
    at: Option<switchboard::core::oncall::At>,
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
type OrgsAndPage = (Vec<switchboard::core::model::Org>, (Key, switchboard::core::model::Page));

/// For `export calls --org ID` (a first page, no profile limit, a valid filter and limit): the org list and
/// the org's first page read together (`Source::orgs_and_first_page`). None: read the list alone.
async fn first_page_ahead(
    source: &Source,
    settings: &Settings,
    dialect: Dialect,
    what: &ExportWhat,
) -> Option<Result<OrgsAndPage, switchboard::core::error::DataError>> {
    let ExportWhat::Calls { org, limit, cursor: None, filter, .. } = what else { return None };
    let key = Key::parse(org.trim());
    if settings.only_org.is_some() || !matches!(key, Key::Uuid(_)) || !(1..=10_000).contains(limit) {
        return None;
    }
    let filter = switchboard::core::filter::CallFilter::parse(filter.as_deref().unwrap_or("")).ok()?;
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
    at: Option<switchboard::core::oncall::At>,
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
            use switchboard::core::caller::{CallerQuery, parse_phone};
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
            let zone = switchboard::core::time::OrgZone::from_name(org.timezone.as_deref());
            let scope = switchboard::data::source::caller::CallerScope {
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
                let marks = switchboard::core::names::marks(&orgs);
                let out: Vec<serde_json::Value> = switchboard::core::board::ranked(&rows, now)
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
        ExportWhat::Overview { org, from, to } => {
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            let zone = switchboard::core::time::OrgZone::from_name(org.timezone.as_deref());
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
                Ok(o) => serde_json::to_string_pretty(&o).map_err(|e| e.to_string()),
                Err(e) => return fail_data(&e),
            }
        }
        ExportWhat::Call { org, id } => {
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            match source.call(dialect, &org.key, &switchboard::core::model::Key::parse(&id)).await {
                Ok(Some(c)) => {
                    let turns = c.transcript.as_deref().map(switchboard::core::transcript::parse).unwrap_or_default();
                    serde_json::to_string_pretty(&serde_json::json!({
                        "call": c,
                        "turns": turns.iter().map(|t| serde_json::json!({"speaker": t.label, "text": t.text})).collect::<Vec<_>>(),
                    }))
                    .map_err(|e| e.to_string())
                }
                Ok(None) => return fail(EXIT_USAGE, &format!("no call {id} in {}", org.name)),
                Err(e) => return fail_data(&e),
            }
        }
        ExportWhat::Org { org } => {
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            let (name_flags, name_key) = export::name_fields(&switchboard::core::names::marks(&orgs), &org.key);
            match source.profile(dialect, &org.key).await {
                Ok(Some(p)) => serde_json::to_string_pretty(&serde_json::json!({
                    "id": org.key, "name": org.name, "dialect": dialect.name(), "status": p.status, "sections": p.sections,
                    "name_flags": name_flags, "name_key": name_key,
                }))
                .map_err(|e| e.to_string()),
                Ok(None) => return fail(EXIT_USAGE, "this organization no longer exists"),
                Err(e) => return fail_data(&e),
            }
        }
        ExportWhat::Oncall { org, format } => {
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            if !switchboard::data::dialects::platform(dialect).caps().oncall {
                return fail(EXIT_USAGE, &format!("the {} schema has no on-call data", dialect.name()));
            }
            let zone = switchboard::core::time::OrgZone::from_name(org.timezone.as_deref());
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
            let filter = match switchboard::core::filter::CallFilter::parse(filter.as_deref().unwrap_or("")) {
                Ok(f) => f,
                Err(e) => return fail(EXIT_USAGE, &format!("--filter: {e}")),
            };
            let org = match export::resolve_org(&orgs, &org, &info) {
                Ok(o) => o,
                Err(e) => return missing(e),
            };
            let anchor = match cursor.as_deref().map(export::parse_cursor) {
                None => switchboard::core::model::Anchor::First,
                Some(Ok(c)) => switchboard::core::model::Anchor::After(c),
                Some(Err(e)) => return fail(EXIT_USAGE, &e),
            };
            if limit == 0 || limit > 10_000 {
                return fail(EXIT_USAGE, "--limit must be between 1 and 10000");
            }
            let zone = switchboard::core::time::OrgZone::from_name(org.timezone.as_deref());
            // Read with the org list when the id named this org (first_page_ahead), else now.
            let page = match first_page.take().filter(|(key, _)| *key == org.key) {
                Some((_, page)) => Ok(page),
                None => source.calls_filtered(dialect, &org.key, &anchor, limit, &filter, &zone).await,
            };
            match page {
                Ok(page) => export::calls_page(&page, &zone, format),
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
            if !switchboard::data::dialects::platform(dialect).caps().appointments {
                return fail(EXIT_USAGE, &format!("the {} schema has no appointments", dialect.name()));
            }
            let zone = switchboard::core::time::OrgZone::from_name(org.timezone.as_deref());
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

fn first_run_help() -> String {
    let path = config::default_config_path().map(|p| p.display().to_string()).unwrap_or_else(|| "config.toml".into());
    format!(
        "switchboard: no database to connect to.\n\n\
         Try the built-in demo (nothing to install):\n    switchboard demo\n\n\
         Or connect to a platform database:\n    switchboard --url postgres://user:password@host:5432/postgres\n    \
         DATABASE_URL=postgres://... switchboard\n\n\
         Or add a profile to {path} (see config.example.toml) and run:\n    switchboard --profile NAME"
    )
}
