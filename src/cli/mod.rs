//! The `switchboard` command behind `main`: settings from the flags, the environment and the config file, then
//! the console, the demo, `check`, `bench` or an export. Exit codes: 0 ok, 1 connection (or output), 2 usage
//! or unknown org, 3 refused by the database.

mod args;
mod check;
mod export;

use std::process::ExitCode;

pub use args::Cli;
use args::{Cmd, ConsoleFlags};

use crate::config::{self, CliSettings, EnvSettings, Settings};
use crate::core::model::Dialect;
use crate::data::pool::redact_url;
use crate::data::{DbOptions, Source};
use crate::ui::app::{self, AppOptions};
use crate::ui::theme::Theme;
use crate::{demo, logging};

pub const EXIT_CONNECTION: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
/// The database refuses what was asked: a privilege, row security, a table or column it does not have.
pub const EXIT_REFUSED: u8 = 3;
/// The output could not be written, for another reason than its reader going away (a full disk).
pub const EXIT_OUTPUT: u8 = 1;

/// A parser's message on one line: TOML's errors quote the offending line with a caret under it; keep what it
/// says, not the picture ("bad config …: TOML parse error at line 2, column 10: unclosed table, expected `]`").
fn one_line(msg: &str) -> String {
    let snippet = |l: &str| {
        let t = l.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        t.starts_with('|')
    };
    msg.lines().map(str::trim).filter(|l| !l.is_empty() && !snippet(l)).collect::<Vec<_>>().join(": ")
}

pub fn fail(code: u8, msg: &str) -> ExitCode {
    tracing::error!("{msg}");
    logging::stderr_line(format_args!("switchboard: {msg}"));
    ExitCode::from(code)
}

/// A data error's message and its exit code, decided by its kind (from the SQLSTATE or the catalog).
fn fail_data(e: &crate::data::error::DataError) -> ExitCode {
    use crate::data::error::ErrorKind;
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

/// Runs the command line parsed.
pub async fn run(mut cli: Cli) -> ExitCode {
    let mut command = cli.command.take().unwrap_or(Cmd::Tui { console: ConsoleFlags::default() });
    if let Cmd::Tui { console } | Cmd::Demo { console, .. } = &mut command {
        cli.console = std::mem::take(&mut cli.console).or(std::mem::take(console));
    }
    let flags = &cli.console;
    let cli_settings = CliSettings {
        config: cli.config.clone(),
        url: cli.url.clone(),
        profile: cli.profile.clone(),
        statement_timeout_ms: cli.statement_timeout_ms,
        dialect: cli.dialect.clone(),
        theme: flags.no_color.then(|| "mono".to_string()),
        write: flags.write,
        board: flags.board,
        mouse: flags.mouse,
        pooler: cli.pooler.clone(),
    };
    let oncall_at = match cli.at.as_deref().map(crate::core::oncall::At::parse) {
        None => None,
        Some(Ok(at)) => at,
        Some(Err(e)) => return fail(EXIT_USAGE, &format!("--at: {e}")),
    };
    let settings = match config::resolve(&cli_settings, &EnvSettings::from_process()) {
        Ok(s) => s,
        Err(e) => return fail(EXIT_USAGE, &one_line(&e)),
    };
    let start_org = flags.org.clone().filter(|o| !o.trim().is_empty());
    if matches!(command, Cmd::Export { .. } | Cmd::Check | Cmd::Bench(_)) {
        if start_org.is_some() {
            return fail(EXIT_USAGE, "--org opens the console on an org; an export takes its own --org after its name");
        }
        if let Some(flag) = flags.given().first() {
            return fail(
                EXIT_USAGE,
                &format!("{flag} is the console's own flag: check, bench and export do not take it"),
            );
        }
    }
    match command {
        Cmd::Tui { .. } => {
            let Some(url) = settings.url.clone() else {
                logging::stderr_line(first_run_help());
                return ExitCode::from(EXIT_USAGE);
            };
            let target = redact_url(&url);
            console(&settings, &url, target, settings.max_connections, settings.dialect, oncall_at, start_org).await
        }
        Cmd::Demo { reset, server, .. } => {
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
        Cmd::Bench(args) => crate::bench::run(args).await,
        Cmd::Export { what } => {
            let Some(url) = settings.url.clone() else {
                logging::stderr_line(first_run_help());
                return ExitCode::from(EXIT_USAGE);
            };
            export::run(&settings, &url, what, oncall_at).await
        }
        Cmd::Check => {
            let Some(url) = settings.url.clone() else {
                logging::stderr_line(first_run_help());
                return ExitCode::from(EXIT_USAGE);
            };
            check::run(&settings, &url).await
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
    oncall_at: Option<crate::core::oncall::At>,
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
