//! [`Source`]: the queries the views need. Each dialect supplies its SQL (see [`super::dialects`]); the
//! paging, row mapping, transactions and error handling are shared.

mod board;
pub mod caller;
mod connect;
mod paging;
mod rows;
mod views;

use connect::*;
use paging::*;
use rows::*;

use std::time::Instant;

use chrono::{DateTime, Utc};
use sqlx::postgres::{PgArguments, PgConnectOptions, PgPool, PgRow, PgSslMode};
use sqlx::query::Query;
use sqlx::{AssertSqlSafe, Connection, PgConnection, Postgres, Row};

use crate::core::board::BoardRow;
use crate::core::calendar::{self, Appointment, AppointmentDetail};
use crate::core::filter::{CallFilter, like_escape};
use crate::core::model::{Anchor, CallDetail, CallRow, Cursor, DbInfo, Dialect, Key, Org, Page};
use crate::core::oncall::{Contact, Notification, OnCallData, Transfer};
use crate::core::overview::Overview;
use crate::core::profile::{OrgProfile, ProfileSection};
use crate::core::sanitize;
use crate::core::time::OrgZone;
use crate::data::catalog::{self, Catalog, Tenant};
use crate::data::detect;
use crate::data::dialects::{self, ApptRange, CallsSql, quote_ident};
use crate::data::error::{DataError, ErrorKind};
use crate::data::pool::{DbOptions, Link, Pooler, describe_error};
use crate::data::sqlt::{Env, Unmet};
use crate::data::tx::Tx;

/// A connection to one platform database.
#[derive(Clone)]
pub struct Source {
    /// The primary: writes go here.
    pool: Link,
    /// Where reads go: the replica when the profile names one, else the primary (the same [`Link`]).
    reads: Link,
    opts: DbOptions,
    /// Names this console's transactions (as their `application_name`) so that a superseded query can be
    /// found and cancelled on the server: `switchboard/<instance>/<request>`.
    tag: Option<String>,
    /// What the catalog says, read once per connection (at detection, or with the first query).
    catalog: std::sync::Arc<std::sync::Mutex<Option<std::sync::Arc<Catalog>>>>,
    /// The tenant schemas of schema-per-tenant orgs, read when each org is first opened (by org key).
    tenants: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<Tenant>>>>,
    /// Columns the catalog is told to forget (see [`Source::hide_columns`]): tests only.
    hidden: std::sync::Arc<std::sync::Mutex<Vec<(String, String, String)>>>,
}

/// This process's part of the transaction tags.
fn instance() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        format!("{}-{:x}", std::process::id(), t & 0xffff_ffff)
    })
    .clone()
}

fn tag_for(req: u64) -> String {
    format!("switchboard/{}/{req}", instance())
}

type Result<T> = std::result::Result<T, DataError>;

fn err(e: sqlx::Error) -> DataError {
    let message = describe_error(&e);
    DataError::from_sqlx(&e, message)
}

/// A value the console inlines into its own statement text for [`Source::read_once`] (the simple protocol
/// has no parameters): always a quoted, cast literal, never text spliced in as SQL.
pub(crate) enum Lit<'a> {
    Key(&'a Key),
    Date(chrono::NaiveDate),
    Time(DateTime<Utc>),
    Texts(&'a [String]),
    Times(Vec<DateTime<Utc>>),
    Text(String),
    Int(i64),
    /// A time that may be absent (`NULL`).
    At(Option<DateTime<Utc>>),
}

impl Lit<'_> {
    fn sql(&self) -> String {
        match self {
            Lit::Key(Key::Uuid(u)) => format!("'{u}'::uuid"),
            Lit::Key(Key::Text(t)) => format!("{}::text", crate::data::sqlt::sql_literal(t)),
            Lit::Date(d) => format!("'{}'::date", d.format("%Y-%m-%d")),
            Lit::Time(t) => format!("'{}'::timestamptz", t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)),
            Lit::Text(t) => format!("{}::text", crate::data::sqlt::sql_literal(t)),
            Lit::Int(n) => format!("{n}::int8"),
            Lit::At(Some(t)) => Lit::Time(*t).sql(),
            Lit::At(None) => "NULL::timestamptz".to_string(),
            Lit::Times(v) => format!(
                "ARRAY[{}]::timestamptz[]",
                v.iter().map(|t| Lit::Time(*t).sql()).collect::<Vec<_>>().join(", ")
            ),
            Lit::Texts(v) => format!(
                "ARRAY[{}]::text[]",
                v.iter().map(|t| crate::data::sqlt::sql_literal(t)).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

/// `sql` (the console's own statement) with its parameters `$1`, `$2`, ... replaced by the literals of
/// `args`, in order. A `$` inside a quoted string, or not followed by the number of an argument, is left
/// as it is.
pub(crate) fn inline(sql: &str, args: &[Lit<'_>]) -> String {
    let mut out = String::with_capacity(sql.len() + 64);
    let mut chars = sql.char_indices().peekable();
    let mut prev: Option<char> = None;
    let mut quoted = false;
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
        }
        if c == '$' && !quoted && !prev.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '$') {
            let digits: String = sql[i + 1..].chars().take_while(|d| d.is_ascii_digit()).collect();
            if let Some(a) = digits.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|n| args.get(n)) {
                out.push('(');
                out.push_str(&a.sql());
                out.push(')');
                for _ in 0..digits.len() {
                    chars.next();
                }
                prev = Some('0');
                continue;
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

fn bind_key<'q>(q: Query<'q, Postgres, PgArguments>, key: &Key) -> Query<'q, Postgres, PgArguments> {
    match key {
        Key::Uuid(u) => q.bind(*u),
        Key::Text(t) => q.bind(t.clone()),
    }
}

impl Source {
    /// Creates the pool without connecting: the first query connects.
    pub fn new(opts: DbOptions) -> Result<Source> {
        let pool = Link::new(&opts.url, &opts)?;
        let reads = match &opts.replica_url {
            Some(url) => Link::new(url, &opts)?,
            None => pool.clone(),
        };
        Ok(Source {
            pool,
            reads,
            opts,
            tag: None,
            catalog: Default::default(),
            tenants: Default::default(),
            hidden: Default::default(),
        })
    }

    /// The pooler mode of the reads' connection, and why ("configured", "port 6543", what revealed it, ...).
    pub fn pooler(&self) -> (Pooler, String) {
        let t = self.reads.target();
        (t.pooler, t.pooler_reason)
    }

    /// The pool reads go to (the replica when there is one). Its sessions are read-only at the server
    /// unless the reads go through a transaction pooler.
    pub fn read_pool(&self) -> &PgPool {
        self.reads.pool()
    }

    pub fn options(&self) -> &DbOptions {
        &self.opts
    }

    /// The same source, its transactions named after request `req` (see [`Source::cancel`]).
    pub fn tagged(&self, req: u64) -> Source {
        Source { tag: Some(tag_for(req)), ..self.clone() }
    }

    /// Cancels, on the server, whatever request `req` is still running (a superseded query), so that it
    /// stops using the database instead of running on until its statement timeout. Returns how many
    /// statements were cancelled.
    ///
    /// It asks on the reads' server, in a read transaction of its own (behind a transaction pooler an
    /// unnamed statement outside a transaction could be parsed on one server connection and run on another).
    /// Behind a pooler the tag is `SET LOCAL`, so it names the server backend only while the request's
    /// transaction runs there: a request that already finished is not found (0), never another client.
    pub async fn cancel(&self, req: u64) -> Result<i64> {
        let mut tx = Source { tag: None, ..self.clone() }.read().await?;
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FILTER (WHERE pg_cancel_backend(pid)) FROM pg_stat_activity \
             WHERE application_name = $1 AND state = 'active' AND pid <> pg_backend_pid()",
        )
        .persistent(false)
        .bind(tag_for(req))
        .fetch_one(&mut *tx)
        .await
        .map_err(err)?;
        tx.commit().await.map_err(err)?;
        Ok(n)
    }

    /// What opens every read: read-only at the server, the statement timeout local to the transaction, and
    /// the request's tag (the console's own text: "switchboard/", digits, "-", hex, "/", digits); with the
    /// number of statements it is.
    fn read_begin(&self) -> (String, usize) {
        let tag = match &self.tag {
            Some(t) => format!("; SET LOCAL application_name = '{t}'"),
            None => String::new(),
        };
        let n = if self.tag.is_some() { 3 } else { 2 };
        (format!("BEGIN READ ONLY; SET LOCAL statement_timeout = {}{tag}", self.opts.statement_timeout_ms.max(1)), n)
    }

    /// A whole read in one round trip: the transaction's opening, `statements` (the console's own, values
    /// inlined by [`inline`]) and `COMMIT`, in one message of the simple protocol, so that a real link
    /// (20 to 150 ms a round trip) costs one round trip per action instead of one per statement and one
    /// each for BEGIN and COMMIT. Returns each statement's rows.
    pub(crate) async fn read_once(&self, statements: &[String]) -> Result<Vec<Vec<PgRow>>> {
        let (begin, skip) = self.read_begin();
        let text = format!("{begin}; {}; COMMIT", statements.join("; "));
        let groups = match self.reads.run_once(text).await {
            Ok(g) => g,
            Err(sqlx::Error::PoolTimedOut) => {
                return Err(DataError::new(ErrorKind::Connection, self.diagnose(&self.reads.target().connect).await));
            }
            Err(e) => return Err(err(e)),
        };
        let out: Vec<Vec<PgRow>> = groups.into_iter().skip(skip).take(statements.len()).collect();
        if out.len() != statements.len() {
            return Err(DataError::from(format!(
                "the server answered {} of {} statements of one read",
                out.len(),
                statements.len()
            )));
        }
        Ok(out)
    }

    /// The catalog as read at detection, or read now (in a read of its own) when nothing has read it yet.
    pub(crate) async fn catalog_now(&self) -> Result<std::sync::Arc<Catalog>> {
        if let Some(c) = self.known_catalog() {
            return Ok(c);
        }
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        tx.commit().await.map_err(err)?;
        Ok(cat)
    }

    /// A read transaction: read-only at the server, with the statement timeout local to it.
    pub(crate) async fn read(&self) -> Result<Tx> {
        let (begin, _) = self.read_begin();
        match self.reads.begin(begin).await {
            Ok(tx) => Ok(tx),
            Err(sqlx::Error::PoolTimedOut) => {
                Err(DataError::new(ErrorKind::Connection, self.diagnose(&self.reads.target().connect).await))
            }
            Err(e) => Err(err(e)),
        }
    }

    /// The pool only says it timed out; one direct attempt tells why (refused, unknown host, auth...).
    async fn diagnose(&self, opts: &PgConnectOptions) -> String {
        let timed_out = describe_error(&sqlx::Error::PoolTimedOut);
        let limit = std::time::Duration::from_millis(self.opts.connect_timeout_ms);
        match tokio::time::timeout(limit, PgConnection::connect_with(opts)).await {
            Ok(Err(e)) => describe_error(&e),
            Ok(Ok(conn)) => {
                let _ = conn.close().await;
                format!("{timed_out} (the server accepts connections: all of the console's are busy)")
            }
            Err(_) => format!("{timed_out} (no answer from the server within {} ms)", self.opts.connect_timeout_ms),
        }
    }

    /// Whether the console's own link to the reads' server is encrypted, and whether that is `sslmode=prefer`
    /// having fallen back to plaintext. `pg_stat_ssl` (`server_says_tls`) describes the server backend's
    /// link, which behind a pooler is the pooler's, not ours; so behind a pooler, unless the mode decides it
    /// (disable: never; require and verify-*: sqlx connects only over TLS), the server is asked once, as sqlx
    /// asks it, whether it takes TLS.
    async fn link_tls(&self, server_says_tls: bool) -> (bool, bool) {
        let target = self.reads.target();
        let c = &target.connect;
        match c.get_ssl_mode() {
            PgSslMode::Disable | PgSslMode::Allow => (false, false),
            PgSslMode::Require | PgSslMode::VerifyCa | PgSslMode::VerifyFull => (true, false),
            PgSslMode::Prefer if c.get_socket().is_some() => (false, false),
            // A direct connection's `pg_stat_ssl` row is this very link: no need to ask the server again (a
            // round trip on a second connection, at every start).
            PgSslMode::Prefer if target.pooler == Pooler::None => (server_says_tls, !server_says_tls),
            PgSslMode::Prefer => {
                let (host, port) = (c.get_host().to_string(), c.get_port());
                let limit = std::time::Duration::from_millis(self.opts.connect_timeout_ms);
                match tokio::task::spawn_blocking(move || offers_tls(&host, port, limit)).await {
                    Ok(Ok(true)) => (true, false),
                    Ok(Ok(false)) => (false, true),
                    _ => (server_says_tls, !server_says_tls),
                }
            }
        }
    }

    /// Whether the server itself refuses writes in the console's read transactions.
    pub async fn reads_are_read_only(&self) -> Result<bool> {
        let mut tx = self.read().await?;
        let v: String = sqlx::query_scalar("SHOW transaction_read_only")
            .persistent(false)
            .fetch_one(&mut *tx)
            .await
            .map_err(err)?;
        tx.commit().await.map_err(err)?;
        Ok(v == "on")
    }

    pub async fn close(&self) {
        self.pool.close().await;
        self.reads.close().await;
    }
}

/// Asks the server whether it takes TLS, as a client does before its startup packet (an `SSLRequest`; the
/// answer is one byte, `S` or `N`), then hangs up.
fn offers_tls(host: &str, port: u16, limit: std::time::Duration) -> std::io::Result<bool> {
    use std::io::{Read, Write};
    use std::net::ToSocketAddrs;
    let mut last = std::io::Error::other("no address");
    for addr in (host, port).to_socket_addrs()? {
        match std::net::TcpStream::connect_timeout(&addr, limit) {
            Ok(mut s) => {
                s.set_read_timeout(Some(limit))?;
                s.write_all(&[0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])?;
                let mut b = [0u8];
                s.read_exact(&mut b)?;
                return Ok(b[0] == b'S');
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Runs a future and returns its result with the elapsed milliseconds.
pub async fn timed<T>(f: impl std::future::Future<Output = T>) -> (T, f64) {
    let start = Instant::now();
    let out = f.await;
    (out, start.elapsed().as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_become_quoted_cast_literals() {
        let org = Key::parse("00000000-0000-0000-0000-00000000000a");
        let call = Key::Text("it's $2 \\ ; DROP TABLE x; --".into());
        let sql = inline("SELECT $1::uuid, $2, '$1' AS s, $10, x$1, $$1", &[Lit::Key(&org), Lit::Key(&call)]);
        assert_eq!(
            sql,
            "SELECT ('00000000-0000-0000-0000-00000000000a'::uuid)::uuid, \
             (E'it''s $2 \\\\ ; DROP TABLE x; --'::text), '$1' AS s, \
             $10, x$1, $$1"
        );
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        let t = chrono::DateTime::parse_from_rfc3339("2026-03-08T07:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(
            inline("a >= $1 AND a < $2", &[Lit::Date(d), Lit::Time(t)]),
            "a >= ('2026-03-08'::date) AND a < ('2026-03-08T07:00:00.000000Z'::timestamptz)"
        );
        let names = ["a'b".to_string(), "public.calls".to_string()];
        assert_eq!(inline("x = ANY($1)", &[Lit::Texts(&names)]), "x = ANY((ARRAY['a''b', 'public.calls']::text[]))");
        assert_eq!(inline("x = ANY($1)", &[Lit::Texts(&[])]), "x = ANY((ARRAY[]::text[]))");
    }
}
