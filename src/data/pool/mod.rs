//! Connection options, the pool, and turning sqlx errors into one clear line.

mod dburl;
mod errors;

use std::path::PathBuf;
use std::time::Duration;

use std::sync::{Arc, Mutex};

use sqlx::Postgres;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgSslMode};

use crate::data::tx::Tx;

pub use self::dburl::{detect_pooler, parse_url, redact_url};
use self::dburl::{query_param, strip_param};
pub use self::errors::describe_error;
use self::errors::{dead_connection, refused_startup_parameter};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
