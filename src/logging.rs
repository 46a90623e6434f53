//! Logs go to a file in the user's state (or cache) directory, never to the screen.

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
