//! Connection options, the pool, and turning sqlx errors into one clear line.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgSslMode};

/// What sits between the console and the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pooler {
    /// A direct connection (or a session-mode pooler, which behaves like one).
    #[default]
    None,
    /// A transaction-mode pooler (Supabase's port 6543, PgBouncer `pool_mode = transaction`): a server
    /// connection belongs to the console only for the length of a transaction, so nothing may outlive one
    /// (no named prepared statements, no session-level `SET`) and the startup packet carries only the
    /// parameters PgBouncer knows (no `options`, no `extra_float_digits`).
    Transaction,
}

impl Pooler {
    pub fn from_name(name: &str) -> Option<Pooler> {
        match name.trim().to_ascii_lowercase().as_str() {
            "none" | "direct" | "session" => Some(Pooler::None),
            "transaction" => Some(Pooler::Transaction),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Pooler::None => "none",
            Pooler::Transaction => "transaction",
        }
    }
}

#[derive(Debug, Clone)]
pub struct DbOptions {
    pub url: String,
    pub read_only: bool,
    pub statement_timeout_ms: u64,
    pub max_connections: u32,
    pub connect_timeout_ms: u64,
    /// The pooler mode; `None` detects it from the URL (see [`detect_pooler`]).
    pub pooler: Option<Pooler>,
    /// A read replica: every read goes there, writes go to `url`.
    pub replica_url: Option<String>,
    /// The root certificate that `sslmode=verify-ca|verify-full` checks the server against, unless the URL
    /// names one (`sslrootcert=`).
    pub ssl_root_cert: Option<PathBuf>,
}

impl DbOptions {
    pub fn new(url: impl Into<String>) -> DbOptions {
        DbOptions {
            url: url.into(),
            read_only: true,
            statement_timeout_ms: 5_000,
            max_connections: 4,
            connect_timeout_ms: 5_000,
            pooler: None,
            replica_url: None,
            ssl_root_cert: None,
        }
    }
}

/// How one URL is reached: sqlx's options, the pooler mode in force and why.
#[derive(Debug, Clone)]
pub struct Target {
    pub connect: PgConnectOptions,
    pub pooler: Pooler,
    /// "configured", "port 6543", "pgbouncer=true in the URL", or "" for a direct connection.
    pub pooler_reason: String,
}

/// The pooler mode a URL implies, with the reason: port 6543 (Supabase's transaction pooler) or
/// `pgbouncer=true` in the query (Prisma's convention). `None` for anything else.
pub fn detect_pooler(url: &str) -> Option<&'static str> {
    if query_param(url, "pgbouncer").is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1") {
        return Some("pgbouncer=true in the URL");
    }
    match parse_url(&strip_param(url, "pgbouncer")) {
        Ok(c) if c.get_socket().is_none() && c.get_port() == 6543 => Some("port 6543"),
        _ => None,
    }
}

fn query_param(url: &str, key: &str) -> Option<String> {
    let (_, query) = url.split_once('?')?;
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        (k == key).then(|| v.to_string())
    })
}

/// The URL without `key=...` in its query (sqlx would only warn about an unknown parameter, in the log).
fn strip_param(url: &str, key: &str) -> String {
    let Some((base, query)) = url.split_once('?') else { return url.to_string() };
    let kept: Vec<&str> = query.split('&').filter(|kv| kv.split('=').next() != Some(key) && !kv.is_empty()).collect();
    if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) }
}

/// A root certificate that cannot be read is bad input, said before connecting (sqlx would only say "No
/// such file or directory" once connected).
fn readable(path: &std::path::Path) -> Result<(), String> {
    std::fs::File::open(path).map(drop).map_err(|e| format!("cannot read the root certificate {}: {e}", path.display()))
}

/// sqlx's connect options for `url` under `opts`: the pooler mode (configured or detected), the root
/// certificate, and what a transaction pooler needs.
pub fn target(url: &str, opts: &DbOptions) -> Result<Target, String> {
    let detected = detect_pooler(url);
    let clean = strip_param(url.trim(), "pgbouncer");
    let mut connect = parse_url(&clean)?.application_name("switchboard");
    // sqlx defaults to `prefer`; keep what the URL says, and report the TLS state after connecting.
    if query_param(&clean, "sslmode").is_none() && query_param(&clean, "ssl-mode").is_none() {
        connect = connect.ssl_mode(PgSslMode::Prefer);
    }
    let in_url = ["sslrootcert", "ssl-root-cert", "ssl-ca"].iter().find_map(|k| query_param(&clean, k));
    match (&in_url, &opts.ssl_root_cert) {
        (Some(path), _) => readable(std::path::Path::new(path))?,
        (None, Some(root)) => {
            readable(root)?;
            connect = connect.ssl_root_cert(root);
        }
        (None, None) => {}
    }
    let (pooler, pooler_reason) = match (opts.pooler, detected) {
        (Some(p), _) => (p, if p == Pooler::None { String::new() } else { "configured".to_string() }),
        (None, Some(why)) => (Pooler::Transaction, why.to_string()),
        (None, None) => (Pooler::None, String::new()),
    };
    if pooler == Pooler::Transaction {
        if connect.get_options().is_some() {
            return Err(format!(
                "{}: startup options (options=...) cannot pass a transaction pooler; remove them from the URL, \
                 or set pooler = \"none\" if this is not one",
                redact_url(url)
            ));
        }
        // Every query of the console is unnamed (`persistent(false)`); no statement is kept either.
        connect = connect.statement_cache_capacity(0).extra_float_digits(None);
    }
    Ok(Target { connect, pooler, pooler_reason })
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
///
/// Without a transaction pooler every session is read-only at the server (`SET
/// default_transaction_read_only = on` after connecting), so a statement outside the console's transactions
/// cannot write either; writes say `BEGIN READ WRITE`. Behind a transaction pooler a session-level `SET`
/// would stick to a server connection other clients share, so there `BEGIN READ ONLY` alone protects.
pub fn lazy_pool(opts: &DbOptions) -> Result<PgPool, String> {
    Ok(pool_for(&target(&opts.url, opts)?, opts))
}

pub fn pool_for(t: &Target, opts: &DbOptions) -> PgPool {
    let mut p = PgPoolOptions::new()
        .max_connections(opts.max_connections.max(1))
        .min_connections(0)
        .acquire_timeout(Duration::from_millis(opts.connect_timeout_ms))
        .idle_timeout(Some(Duration::from_secs(300)));
    if t.pooler == Pooler::None {
        p = p.after_connect(|conn, _| {
            Box::pin(async move {
                sqlx::raw_sql("SET default_transaction_read_only = on").execute(&mut *conn).await?;
                Ok(())
            })
        });
    }
    p.connect_lazy_with(t.connect.clone())
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
                _ if db.message().contains("unsupported startup parameter") => format!(
                    "the server refused a startup parameter ({}){code}: behind a transaction pooler, set \
                     pooler = \"transaction\" in the profile or pass --pooler transaction",
                    db.message()
                ),
                Some("26000") | Some("42P05") if db.message().contains("prepared statement") => format!(
                    "{}{code}: a transaction pooler is in the way; set pooler = \"transaction\" in the \
                     profile or pass --pooler transaction",
                    db.message()
                ),
                Some("25006") => {
                    format!("refused: the session is read-only ({}){code}", db.message())
                }
                _ => format!("database error: {}{code}", db.message()),
            }
        }
        sqlx::Error::Io(io) => match tls_problem(&io.to_string()) {
            Some(t) => t,
            None => format!("cannot reach the database server: {io}"),
        },
        sqlx::Error::Tls(t) => tls_problem(&t.to_string()).unwrap_or_else(|| format!("TLS error: {t}")),
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

/// rustls's certificate errors (which sqlx passes on as I/O errors) in words, on one line.
fn tls_problem(text: &str) -> Option<String> {
    let detail = text.split_once("invalid peer certificate: ")?.1.trim();
    let said = if detail.contains("UnknownIssuer") {
        "the server's certificate is not signed by a trusted root (sslrootcert= names the CA that signed it)"
            .to_string()
    } else if let Some(rest) = detail.split_once("not valid for name ") {
        // "certificate not valid for name "db.example.com"; certificate is only valid for ..."
        let name = rest.1.split(';').next().unwrap_or("").trim().trim_matches('"');
        format!(
            "the server's certificate is not valid for {name} (sslmode=verify-full checks the host name; connect by \
             a name the certificate carries)"
        )
    } else if detail.contains("NotValidForName") {
        "the server's certificate is not valid for the host name (sslmode=verify-full checks it)".to_string()
    } else {
        format!("invalid server certificate: {detail}")
    };
    Some(format!("TLS error: {}", said.replace('\n', " ")))
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
    fn transaction_poolers_are_detected_from_the_url() {
        assert_eq!(detect_pooler("postgres://u:p@aws-0-eu.pooler.supabase.com:6543/postgres"), Some("port 6543"));
        assert_eq!(detect_pooler("postgres://u@h:5432/db?pgbouncer=true"), Some("pgbouncer=true in the URL"));
        assert_eq!(
            detect_pooler("postgres://u@h/db?sslmode=require&pgbouncer=true"),
            Some("pgbouncer=true in the URL")
        );
        assert_eq!(detect_pooler("postgres://u@h:5432/db"), None);
        assert_eq!(detect_pooler("postgres://u@h/db?pgbouncer=false"), None);
        assert_eq!(detect_pooler("postgres://u@h:65430/db"), None);
    }

    #[test]
    fn the_pgbouncer_marker_is_removed_before_sqlx_sees_the_url() {
        assert_eq!(strip_param("postgres://h/db?pgbouncer=true", "pgbouncer"), "postgres://h/db");
        assert_eq!(
            strip_param("postgres://h/db?sslmode=require&pgbouncer=true&application_name=x", "pgbouncer"),
            "postgres://h/db?sslmode=require&application_name=x"
        );
        assert_eq!(strip_param("postgres://h/db", "pgbouncer"), "postgres://h/db");
    }

    #[test]
    fn the_configured_mode_beats_detection_and_options_cannot_pass_a_pooler() {
        let mut o = DbOptions::new("postgres://u@h:6543/db");
        assert_eq!(target(&o.url, &o).unwrap().pooler, Pooler::Transaction);
        assert_eq!(target(&o.url, &o).unwrap().pooler_reason, "port 6543");
        o.pooler = Some(Pooler::None);
        assert_eq!(target(&o.url, &o).unwrap().pooler, Pooler::None);
        let mut o = DbOptions::new("postgres://u:pw@h/db?options=-c%20search_path%3Dx");
        assert_eq!(target(&o.url, &o).unwrap().pooler, Pooler::None);
        o.pooler = Some(Pooler::Transaction);
        let e = target(&o.url, &o).unwrap_err();
        assert!(e.contains("cannot pass a transaction pooler") && !e.contains("pw"), "{e}");
        assert_eq!(Pooler::from_name("Transaction"), Some(Pooler::Transaction));
        assert_eq!(Pooler::from_name("session"), Some(Pooler::None));
        assert_eq!(Pooler::from_name("statement"), None);
    }

    #[test]
    fn certificate_errors_read_as_one_line() {
        assert_eq!(
            tls_problem("invalid peer certificate: UnknownIssuer").unwrap(),
            "TLS error: the server's certificate is not signed by a trusted root (sslrootcert= names the CA that \
             signed it)"
        );
        let t = tls_problem(
            "invalid peer certificate: certificate not valid for name \"db.example.com\"; certificate is only valid \
             for DnsName(\"localhost\")",
        )
        .unwrap();
        assert!(t.starts_with("TLS error: the server's certificate is not valid for db.example.com ("), "{t}");
        assert_eq!(tls_problem("connection refused"), None);
    }

    #[test]
    fn bad_urls_get_a_clear_message_without_password() {
        let e = parse_url("mysql://u:secretpw@h/db").unwrap_err();
        assert!(e.contains("not a PostgreSQL URL"), "{e}");
        assert!(!e.contains("secretpw"));
    }
}
