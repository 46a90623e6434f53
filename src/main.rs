//! The `switchboard` command: parses the command line and hands it to [`switchboard::cli::run`].

// Bad input gets a message, never a panic: no `unwrap`/`expect` outside tests (see src/lib.rs).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::process::ExitCode;

use clap::Parser;

use switchboard::cli::{self, Cli, EXIT_USAGE};
use switchboard::logging;

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
        Err(e) => return cli::fail(EXIT_USAGE, &format!("cannot start the runtime: {e}")),
    };
    let code = runtime.block_on(cli::run(cli));
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    code
}
