//! Connection options, the pool, and turning sqlx errors into one clear line.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgSslMode};

#[derive(Debug, Clone)]
pub struct DbOptions {
    pub url: String,
    pub read_only: bool,
    pub statement_timeout_ms: u64,
    pub max_connections: u32,
    pub connect_timeout_ms: u64,
}

impl DbOptions {
    pub fn new(url: impl Into<String>) -> DbOptions {
        DbOptions {
            url: url.into(),
            read_only: true,
            statement_timeout_ms: 5_000,
            max_connections: 4,
            connect_timeout_ms: 5_000,
        }
    }
}

/// Parses a connection URL, with an error that never repeats the password.
pub fn parse_url(url: &str) -> Result<PgConnectOptions, String> {
    let trimmed = url.trim();
    if !(trimmed.starts_with("postgres://") || trimmed.starts_with("postgresql://")) {
        return Err(format!(
            "not a PostgreSQL URL: {} (expected postgres://user:password@host:port/database)",
            redact_url(trimmed)
        ));
    }
    PgConnectOptions::from_str(trimmed).map_err(|e| format!("bad database URL {}: {}", redact_url(trimmed), e))
}

/// "user@host:port/db" with the password removed, for the status bar and messages.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "<url>".to_string();
    };
    let (auth_host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let path = path.split('?').next().unwrap_or("");
    let host = match auth_host.rfind('@') {
        Some(i) => {
            let user = auth_host[..i].split(':').next().unwrap_or("");
            format!("{user}@{}", &auth_host[i + 1..])
        }
        None => auth_host.to_string(),
    };
    format!("{scheme}://{host}{path}")
}

/// A lazily connecting pool: creating it never blocks; the first query connects.
pub fn lazy_pool(opts: &DbOptions) -> Result<PgPool, String> {
    let mut connect = parse_url(&opts.url)?.application_name("switchboard");
    // sqlx defaults to `prefer`; keep what the URL says, and report the TLS state after connecting.
    if !opts.url.contains("sslmode=") {
        connect = connect.ssl_mode(PgSslMode::Prefer);
    }
    Ok(PgPoolOptions::new()
        .max_connections(opts.max_connections.max(1))
        .min_connections(0)
        .acquire_timeout(Duration::from_millis(opts.connect_timeout_ms))
        .idle_timeout(Some(Duration::from_secs(300)))
        .connect_lazy_with(connect))
}

/// One line for a user, never a stack trace, never a password.
pub fn describe_error(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Database(db) => {
            let code = db.code().map(|c| format!(" [{c}]")).unwrap_or_default();
            match db.code().as_deref() {
                Some("57014") if db.message().contains("user request") => {
                    "the query was cancelled (superseded by a newer one)".to_string()
                }
                Some("57014") => "the query was cancelled (statement timeout)".to_string(),
                Some("28P01") | Some("28000") => {
                    format!("authentication failed: {}{code}", db.message())
                }
                Some("3D000") => format!("{}{code}", db.message()),
                Some("42501") => format!("permission denied: {}{code}", db.message()),
                Some("25006") => {
                    format!("refused: the session is read-only ({}){code}", db.message())
                }
                _ => format!("database error: {}{code}", db.message()),
            }
        }
        sqlx::Error::Io(io) => format!("cannot reach the database server: {io}"),
        sqlx::Error::Tls(t) => format!("TLS error: {t}"),
        sqlx::Error::PoolTimedOut => "timed out waiting for a database connection".to_string(),
        sqlx::Error::PoolClosed => "the connection pool is closed".to_string(),
        sqlx::Error::Protocol(p) => format!("protocol error: {p}"),
        sqlx::Error::Configuration(c) => format!("bad connection settings: {c}"),
        sqlx::Error::ColumnDecode { index, source } => {
            format!("unexpected data in column {index}: {source}")
        }
        sqlx::Error::ColumnNotFound(c) => format!("the schema lacks column {c}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_drops_password_and_query() {
        assert_eq!(
            redact_url("postgres://admin:hunter2@db.example.com:6543/app?sslmode=require"),
            "postgres://admin@db.example.com:6543/app"
        );
        assert_eq!(redact_url("postgres://localhost/app"), "postgres://localhost/app");
        assert_eq!(redact_url("garbage"), "<url>");
    }

    #[test]
    fn bad_urls_get_a_clear_message_without_password() {
        let e = parse_url("mysql://u:secretpw@h/db").unwrap_err();
        assert!(e.contains("not a PostgreSQL URL"), "{e}");
        assert!(!e.contains("secretpw"));
    }
}
