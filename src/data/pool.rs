//! Connection options, the pool, and turning sqlx errors into one clear line.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use std::sync::{Arc, Mutex};

use sqlx::Postgres;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgSslMode};

use crate::data::tx::Tx;

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

/// How many connections a console holds at most, unless configured.
pub const DEFAULT_MAX_CONNECTIONS: u32 = 2;
/// How long an idle connection is kept, unless configured.
pub const DEFAULT_IDLE_TIMEOUT_MS: u64 = 5_000;

#[derive(Debug, Clone)]
pub struct DbOptions {
    pub url: String,
    pub read_only: bool,
    pub statement_timeout_ms: u64,
    /// Connections the console may hold at once (2 by default: a session-mode pooler gives each of them a
    /// server connection that nobody else can have meanwhile).
    pub max_connections: u32,
    /// A connection idle this long is closed (the pool checks about as often, so one goes within twice
    /// this): an idle console holds nothing a session-mode pooler could give another client.
    pub idle_timeout_ms: u64,
    pub connect_timeout_ms: u64,
    /// The pooler mode; `None` detects it from the URL (see [`detect_pooler`]) and from how the server
    /// answers the startup packet (see [`Link`]).
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
            max_connections: DEFAULT_MAX_CONNECTIONS,
            idle_timeout_ms: DEFAULT_IDLE_TIMEOUT_MS,
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
    /// "configured", "port 6543", "pgbouncer=true in the URL", what revealed the pooler, or "" for a
    /// direct connection.
    pub pooler_reason: String,
    /// Nothing said which mode this is (no configuration, nothing in the URL): the connection is taken for
    /// a direct one until a pooler reveals itself.
    pub guessed: bool,
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
    let guessed = opts.pooler.is_none() && detected.is_none();
    match pooler {
        Pooler::Transaction => {
            if connect.get_options().is_some() {
                return Err(format!(
                    "{}: startup options (options=...) cannot pass a transaction pooler; remove them from the \
                     URL, or set pooler = \"none\" if this is not one",
                    redact_url(url)
                ));
            }
            // Every query of the console is unnamed (`persistent(false)`); no statement is kept either.
            connect = connect.statement_cache_capacity(0).extra_float_digits(None);
        }
        Pooler::None => {
            // Defence in depth that cannot outlive the console's use of a connection: the session is
            // read-only from its startup packet, a setting of that session alone that ends with it, never
            // by a `SET` that a pooler in between would leave on a server connection other clients get
            // next. A pooler refuses the parameter, and so reveals itself, or drops it (see [`Link`]).
            connect = connect.options([("default_transaction_read_only", "on")]);
        }
    }
    Ok(Target { connect, pooler, pooler_reason, guessed })
}

/// One pool and how it reaches its server. Clones share the pool and what has been learnt about the way to
/// the server: a connection that was taken for a direct one (nothing configured, nothing in the URL) turns
/// into transaction-pooler mode when a pooler reveals itself, by refusing the startup parameters of a direct
/// connection ([`Link::begin`]) or by dropping them ([`Link::become_pooled`], called by detection).
#[derive(Clone)]
pub struct Link {
    pool: PgPool,
    /// Connections that answered their last read whole, kept for the next one (see [`Link::keep`]).
    warm: Arc<Mutex<Warmth>>,
    target: Arc<Mutex<Target>>,
    url: String,
    opts: DbOptions,
}

impl Link {
    /// The pool for `url` under `opts`, not connected yet.
    pub fn new(url: &str, opts: &DbOptions) -> Result<Link, String> {
        let t = target(url, opts)?;
        let pool = pool_for(&t, opts);
        let warm = Arc::new(Mutex::new(Warmth::default()));
        Ok(Link { pool, warm, target: Arc::new(Mutex::new(t)), url: url.to_string(), opts: opts.clone() })
    }

    /// A connection for one read or transaction: a warm one (the most recently used) when there is one, else
    /// the pool's.
    async fn acquire(&self) -> Result<PoolConnection<Postgres>, sqlx::Error> {
        {
            let mut w = self.warm.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(c) = w.idle.pop() {
                return Ok(c.conn);
            }
            // Counted under the same lock as the look above: a connection kept meanwhile goes to the pool,
            // where this request waits, never to the warm list beside it.
            w.waiting += 1;
        }
        // Uncounted however this ends (an aborted request drops the future while it waits).
        struct Waiting<'a>(&'a Mutex<Warmth>);
        impl Drop for Waiting<'_> {
            fn drop(&mut self) {
                self.0.lock().unwrap_or_else(|p| p.into_inner()).waiting -= 1;
            }
        }
        let _waiting = Waiting(&self.warm);
        self.pool.acquire().await
    }

    /// Hands the warm connections back to the pool, for code that takes its connections from the pool
    /// itself ([`Link::pool`]).
    fn settle(&self) {
        let idle = std::mem::take(&mut self.warm.lock().unwrap_or_else(|p| p.into_inner()).idle);
        drop(idle);
    }

    /// Keeps a connection whose read ended whole (its `COMMIT` answered: nothing open, nothing set on the
    /// session) for the next read, instead of handing it back to sqlx's pool, which pings every connection
    /// handed back: a round trip after every read, 20 to 150 ms of the link's time. It still counts against
    /// the pool's `max_connections` (it is never handed back), and it is closed after the idle timeout as the
    /// pool would close it, so an idle console holds nothing a session pooler could give another client.
    fn keep(&self, conn: PoolConnection<Postgres>) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        {
            let mut w = self.warm.lock().unwrap_or_else(|p| p.into_inner());
            if w.waiting > 0 {
                // Someone waits in the pool: it gets this one (after sqlx's ping) rather than waiting on.
                drop(w);
                drop(conn);
                return;
            }
            w.idle.push(Warm { conn, id });
        }
        let warm = Arc::downgrade(&self.warm);
        let idle = Duration::from_millis(self.opts.idle_timeout_ms.max(100));
        runtime.spawn(async move {
            tokio::time::sleep(idle).await;
            let Some(warm) = warm.upgrade() else { return };
            let expired = {
                let mut w = warm.lock().unwrap_or_else(|p| p.into_inner());
                w.idle.iter().position(|c| c.id == id).map(|i| w.idle.remove(i))
            };
            if let Some(c) = expired {
                // A Terminate message, no answer awaited.
                let _ = c.conn.close().await;
            }
        });
    }

    /// Closes the warm connections, then the pool (which waits for the connections in use).
    pub async fn close(&self) {
        let warm = std::mem::take(&mut self.warm.lock().unwrap_or_else(|p| p.into_inner()).idle);
        for c in warm {
            let _ = c.conn.close().await;
        }
        self.pool.close().await;
    }

    /// The pool itself, with the warm connections handed back to it first (a caller that waits for a
    /// connection there must not wait for one kept beside it).
    pub fn pool(&self) -> &PgPool {
        self.settle();
        &self.pool
    }

    /// How the server is reached now.
    pub fn target(&self) -> Target {
        self.target.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Begins a transaction with `begin` (the console's own text). A server that refuses the startup
    /// parameters of a direct connection is a pooler: the link turns into transaction mode and tries once
    /// more.
    pub async fn begin(&self, begin: String) -> Result<Tx, sqlx::Error> {
        // An idle connection that the server (or a pooler, or the network) closed meanwhile fails its
        // BEGIN before anything ran on it, so the same BEGIN on another is safe; every idle one may be dead
        // (a restart), and a fresh one that fails too is the answer.
        let mut left = self.opts.max_connections.max(1);
        loop {
            match self.begin_once(begin.clone()).await {
                Err(e) if left > 0 && dead_connection(&e) => {
                    tracing::debug!(error = %e, "a pooled connection was dead at BEGIN; taking another");
                    left -= 1;
                }
                other => return other,
            }
        }
    }

    async fn begin_once(&self, begin: String) -> Result<Tx, sqlx::Error> {
        // A refused startup shows as the acquire's error: the connection is opened there.
        let first = match self.acquire().await {
            Ok(conn) => Tx::begin_on(conn, begin.clone()).await,
            Err(e) => Err(e),
        };
        match first {
            Err(e)
                if refused_startup_parameter(&e)
                    && self.become_pooled("a pooler: it refused the startup parameters of a direct connection") =>
            {
                Tx::begin_on(self.acquire().await?, begin).await
            }
            other => other,
        }
    }

    /// Runs a whole read (`BEGIN READ ONLY; ...; COMMIT`, the console's own text) in one round trip, as
    /// [`Tx::run_once`], with [`Link::begin`]'s manners: a dead idle connection is replaced (a read is
    /// safe to send again), a pooler that refuses the startup parameters turns the link into pooler mode.
    pub async fn run_once(&self, text: String) -> Result<Vec<Vec<sqlx::postgres::PgRow>>, sqlx::Error> {
        let mut left = self.opts.max_connections.max(1);
        loop {
            let first = match self.acquire().await {
                Ok(conn) => Tx::run_once(conn, text.clone()).await,
                Err(e) => Err(e),
            };
            let r = match first {
                Err(e)
                    if refused_startup_parameter(&e)
                        && self.become_pooled("a pooler: it refused the startup parameters of a direct connection") =>
                {
                    Tx::run_once(self.acquire().await?, text.clone()).await
                }
                other => other,
            };
            let r = r.map(|(groups, conn)| {
                self.keep(conn);
                groups
            });
            match r {
                Err(e) if left > 0 && dead_connection(&e) => {
                    tracing::debug!(error = %e, "a pooled connection was dead; sending the read on another");
                    left -= 1;
                }
                other => return other,
            }
        }
    }

    /// Turns a link taken for a direct one into transaction-pooler mode from now on, saying `why`. False
    /// when the mode was configured or implied by the URL, or cannot change (startup options in the URL).
    pub fn become_pooled(&self, why: &str) -> bool {
        let mut t = self.target.lock().unwrap_or_else(|p| p.into_inner());
        if !t.guessed {
            return false;
        }
        if t.pooler == Pooler::Transaction {
            return true;
        }
        let mut opts = self.opts.clone();
        opts.pooler = Some(Pooler::Transaction);
        let Ok(pooled) = target(&self.url, &opts) else { return false };
        self.pool.set_connect_options(pooled.connect.clone());
        tracing::info!(server = %redact_url(&self.url), "{why}; transaction-pooler mode from now on");
        *t = Target { pooler_reason: why.to_string(), guessed: true, ..pooled };
        true
    }
}

/// The warm connections, and how many requests wait in the pool meanwhile.
#[derive(Default)]
struct Warmth {
    idle: Vec<Warm>,
    waiting: usize,
}

struct Warm {
    conn: PoolConnection<Postgres>,
    id: u64,
}

/// A connection that was already gone: closed under it (I/O), or ended by the server while idle, whose
/// farewell sqlx reads at the next use (57P01 terminated by an administrator or a restart, 57P02 crash,
/// 08003/08006 connection gone).
fn dead_connection(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_) => true,
        sqlx::Error::Database(db) => matches!(db.code().as_deref(), Some("57P01" | "57P02" | "08003" | "08006")),
        _ => false,
    }
}

/// PgBouncer (and poolers like it) refuse a startup packet with parameters they do not know:
/// "unsupported startup parameter: options" (or "... in options: ...", or extra_float_digits).
fn refused_startup_parameter(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.message().contains("unsupported startup parameter"))
}

/// A connection URL as a person wrote it: `scheme://[user[:password]@]host...`. Everything between `://`
/// and the last `@` is the user's part, whatever it holds: a password may carry `@`, `/`, `#`, `?` or `:`
/// that the user forgot to percent-encode, and none of it may ever be shown.
struct UrlParts<'a> {
    scheme: &'a str,
    user: Option<&'a str>,
    /// The password as written (still percent-encoded, or not).
    password: Option<&'a str>,
    /// Host, port, path and query.
    rest: &'a str,
}

fn url_parts(url: &str) -> Option<UrlParts<'_>> {
    let (scheme, after) = url.split_once("://")?;
    // A `password=` in the query is no user part, though its value may hold an `@`.
    let before_secret_param =
        after.find("?password=").or_else(|| after.find("&password=")).map_or(after, |i| &after[..i]);
    let no_user = UrlParts { scheme, user: None, password: None, rest: after };
    Some(match before_secret_param.rfind('@') {
        Some(at) => match after[..at].split_once(':') {
            Some((user, password)) => {
                UrlParts { scheme, user: Some(user), password: Some(password), rest: &after[at + 1..] }
            }
            // An `@` after the host (in the path or query) without a password before it: no user part.
            None if after[..at].contains(['/', '?', '#']) => no_user,
            None => UrlParts { scheme, user: Some(&after[..at]), password: None, rest: &after[at + 1..] },
        },
        None => no_user,
    })
}

/// The values of `password=` in a URL's query.
fn password_params(url: &str) -> Vec<&str> {
    url.match_indices("password=")
        .filter(|(i, _)| *i > 0 && matches!(url.as_bytes()[i - 1], b'?' | b'&'))
        .map(|(i, k)| url[i + k.len()..].split('&').next().unwrap_or(""))
        .collect()
}

/// Removes every trace of the `secrets` from `text` (sqlx's own messages quote what they could not parse).
fn scrub<'a>(text: &str, secrets: impl IntoIterator<Item = &'a str>) -> String {
    secrets.into_iter().filter(|s| !s.is_empty()).fold(text.to_string(), |t, s| t.replace(s, "<password>"))
}

/// How to write a password that a URL cannot carry as it is.
const PERCENT_ENCODE_HINT: &str = "percent-encode them (/ as %2F, # as %23, ? as %3F, @ as %40, : as %3A, % as \
                                   %25, space as %20), or leave the password out of the URL and set PGPASSWORD \
                                   or a ~/.pgpass entry";

/// Parses a connection URL, with an error that never repeats the password, nor any part of it.
pub fn parse_url(url: &str) -> Result<PgConnectOptions, String> {
    let trimmed = url.trim();
    if !(trimmed.starts_with("postgres://") || trimmed.starts_with("postgresql://")) {
        return Err(format!(
            "not a PostgreSQL URL: {} (expected postgres://user:password@host:port/database)",
            redact_url(trimmed)
        ));
    }
    let parts = url_parts(trimmed);
    let password = parts.as_ref().and_then(|p| p.password);
    // `/`, `?` and `#` end a URL's user part: written as they are, the password's tail would be read as the
    // host, port, path or query, and quoted back in the parser's error.
    let breaks_the_url = |s: &str| s.contains(['/', '?', '#']);
    if password.is_some()
        && parts.as_ref().is_some_and(|p| p.user.is_some_and(breaks_the_url) || password.is_some_and(breaks_the_url))
    {
        return Err(format!(
            "bad database URL {}: the user name or password holds characters that a URL cannot carry as they \
             are; {PERCENT_ENCODE_HINT}",
            redact_url(trimmed)
        ));
    }
    PgConnectOptions::from_str(trimmed).map_err(|e| {
        let secrets = password.into_iter().chain(password_params(trimmed));
        format!("bad database URL {}: {}", redact_url(trimmed), scrub(&e.to_string(), secrets))
    })
}

/// "user@host:port/db" with the password (and the query, which may carry one) removed, for the status bar
/// and messages.
pub fn redact_url(url: &str) -> String {
    let Some(parts) = url_parts(url.trim()) else {
        return "<url>".to_string();
    };
    let host_and_path = parts.rest.split(['?', '#']).next().unwrap_or("");
    match parts.user {
        Some(user) => format!("{}://{user}@{host_and_path}", parts.scheme),
        None => format!("{}://{host_and_path}", parts.scheme),
    }
}

/// A lazily connecting pool: creating it never blocks; the first query connects.
///
/// Without a transaction pooler every session is read-only at the server from its startup packet
/// (`options=-c default_transaction_read_only=on`), so a statement outside the console's transactions
/// cannot write either; writes say `BEGIN READ WRITE`. Nothing is ever `SET` for a session: behind a pooler
/// it would stick to a server connection other clients share, so there `BEGIN READ ONLY` alone protects.
pub fn lazy_pool(opts: &DbOptions) -> Result<PgPool, String> {
    Ok(pool_for(&target(&opts.url, opts)?, opts))
}

pub fn pool_for(t: &Target, opts: &DbOptions) -> PgPool {
    PgPoolOptions::new()
        .max_connections(opts.max_connections.max(1))
        .min_connections(0)
        .acquire_timeout(Duration::from_millis(opts.connect_timeout_ms))
        .idle_timeout(Some(Duration::from_millis(opts.idle_timeout_ms.max(100))))
        // No ping before handing out an idle connection: it would cost a round trip on every action (20 to
        // 150 ms on a real link). A connection that died meanwhile fails its BEGIN, before anything ran,
        // and `Link::begin` takes another.
        .test_before_acquire(false)
        .connect_lazy_with(t.connect.clone())
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
                _ if client_cap(db.message()) => format!(
                    "the pooler refuses more clients: its client limit is reached ({}){code}; the console holds \
                     at most max_connections (default 2) and closes idle ones within seconds, so other clients \
                     hold the rest",
                    db.message()
                ),
                Some("53300") => format!(
                    "the server refuses more connections: {}{code} (its max_connections, or this role's \
                     connection limit, is reached by other clients)",
                    db.message()
                ),
                _ if db.message().contains("query_wait_timeout") => format!(
                    "the pooler found no free server connection in time ({}){code}: in session mode every \
                     server connection is held by a client until it disconnects",
                    db.message()
                ),
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

/// A pooler's answer when its client limit is reached: PgBouncer's "no more connections allowed
/// (max_client_conn)", Supavisor's "Max client connections reached" and "max clients reached in session
/// mode".
fn client_cap(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    m.contains("no more connections allowed")
        || m.contains("max client connections reached")
        || m.contains("max clients reached")
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
    use sqlx::ConnectOptions;

    #[test]
    fn redaction_drops_password_and_query() {
        assert_eq!(
            redact_url("postgres://admin:hunter2@db.example.com:6543/app?sslmode=require"),
            "postgres://admin@db.example.com:6543/app"
        );
        assert_eq!(redact_url("postgres://localhost/app"), "postgres://localhost/app");
        assert_eq!(redact_url("garbage"), "<url>");
        // Unencoded characters in the password: the user part ends at the last `@`.
        assert_eq!(
            redact_url("postgres://support:hun/ter2@db.example.com:5432/postgres"),
            "postgres://support@db.example.com:5432/postgres"
        );
        assert_eq!(redact_url("postgres://u:p@ss:w/rd@h:5432/db"), "postgres://u@h:5432/db");
        assert_eq!(redact_url("postgres://u:a#b?c@h/db?sslmode=require"), "postgres://u@h/db");
        // A password in the query, even one holding an `@`, is dropped with the query.
        assert_eq!(redact_url("postgres://u@h/db?password=p@ss"), "postgres://u@h/db");
        assert_eq!(redact_url("postgres://h/db?sslmode=require&password=x@y"), "postgres://h/db");
        // An `@` after the host, with no password before it, is no user part.
        assert_eq!(redact_url("postgres://h/db?application_name=a@b"), "postgres://h/db");
    }

    #[test]
    fn passwords_a_url_cannot_carry_are_refused_without_repeating_them() {
        for pw in ["Hq/Zr9x", "Kp@Ws:Y/Rd", "Aq#Bz7", "Wq?Tz7"] {
            let e = parse_url(&format!("postgres://support:{pw}@db.example.com:5432/postgres")).unwrap_err();
            assert!(e.starts_with("bad database URL postgres://support@db.example.com:5432/postgres: "), "{e}");
            assert!(e.contains("percent-encode them (/ as %2F"), "{e}");
            let chars: Vec<char> = pw.chars().collect();
            for w in chars.windows(3) {
                let piece: String = w.iter().collect();
                assert!(!e.contains(&piece), "{piece:?} in {e}");
            }
        }
        // What a URL can carry as it is parses to the password as written, or percent-decoded.
        for (pw, want) in [("p@ss", "p@ss"), ("a:b+c", "a:b+c"), ("p%40ss%2Fx", "p@ss/x")] {
            let o = parse_url(&format!("postgres://u:{pw}@h:5432/db")).unwrap();
            assert_eq!(o.get_host(), "h", "{pw}");
            assert_eq!(o.get_username(), "u");
            let url = o.to_url_lossy();
            let got = url.password().map(percent_decode).unwrap_or_default();
            assert_eq!(got, want, "{pw}");
        }
        // sqlx's own complaint never quotes the password.
        let e = parse_url("postgres://u:Sekr1t@h:notaport/db").unwrap_err();
        assert!(!e.contains("Sekr1t"), "{e}");
    }

    fn percent_decode(s: &str) -> String {
        let mut out = Vec::new();
        let mut rest = s.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            match (b, tail) {
                (b'%', [h, l, more @ ..]) => {
                    out.push(u8::from_str_radix(std::str::from_utf8(&[*h, *l]).unwrap(), 16).unwrap());
                    rest = more;
                }
                _ => {
                    out.push(b);
                    rest = tail;
                }
            }
        }
        String::from_utf8(out).unwrap()
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
