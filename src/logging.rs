//! Logs go to a file in the user's state (or cache) directory, never to the screen. What a command says
//! to its user goes through [`stdout_line`] and [`stderr_line`], never `println!`/`eprintln!`: those
//! panic when the write fails, which is what a closed pipe (`switchboard check | head -1`: EPIPE, since
//! Rust ignores SIGPIPE) or a terminal that went away (EIO) makes every write do.

use std::fmt::Display;
use std::io::Write;
use std::path::PathBuf;

pub fn log_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("SWITCHBOARD_LOG_DIR") {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("dev", "switchboard", "switchboard")
        .map(|d| d.state_dir().unwrap_or(d.cache_dir()).to_path_buf())
        .unwrap_or_else(std::env::temp_dir)
}

/// Starts file logging; the guard must live as long as the program. Returns None when the directory
/// cannot be created (logging is then off, the console still runs).
pub fn init() -> Option<tracing_appender::non_blocking::WorkerGuard> {
    let dir = log_dir();
    std::fs::create_dir_all(&dir).ok()?;
    let appender = tracing_appender::rolling::never(&dir, "switchboard.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = tracing_subscriber::EnvFilter::try_from_env("SWITCHBOARD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    tracing_subscriber::fmt().with_writer(writer).with_ansi(false).with_env_filter(filter).try_init().ok()?;
    Some(guard)
}

/// One line of a command's answer on stdout. A failed write is returned, never a panic; when
/// [`reader_gone`] says so, the command stops writing (and querying) and ends quietly with status 0.
pub fn stdout_line(line: impl Display) -> std::io::Result<()> {
    writeln!(std::io::stdout(), "{line}")
}

/// One line on stderr (a message, progress). A failed write is ignored: with stderr closed there is
/// nowhere left to say anything, and the command's status still tells.
pub fn stderr_line(line: impl Display) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Whether a failed write to stdout means its reader went away (`| head -1`): the normal end of a
/// pipeline, not an error.
pub fn reader_gone(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}
