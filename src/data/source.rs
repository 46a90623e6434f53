//! [`Source`]: the queries the views need, dispatched per dialect.

use std::time::Instant;

use sqlx::postgres::{PgArguments, PgPool, PgRow};
use sqlx::query::Query;
use sqlx::{AssertSqlSafe, Connection, PgConnection, Postgres, Row, Transaction};

use crate::core::model::{Anchor, CallDetail, CallRow, Cursor, DbInfo, Dialect, Key, Org, Page};
use crate::data::pool::{DbOptions, describe_error, lazy_pool, parse_url};
use crate::data::{detect, serviceai};

/// How a dialect's call list is read: the select (columns and joins), the tenant column, the time column
/// and the id column, and the SQL type ids are bound as. The paging SQL is built from these parts only:
/// they are the console's own constants, never user text.
#[derive(Debug, Clone, Copy)]
pub struct CallsSql {
    pub select: &'static str,
    pub org: &'static str,
    pub ts: &'static str,
    pub id: &'static str,
    pub key_cast: &'static str,
}

/// The ordering is `ts DESC NULLS LAST, id DESC`. Rows with a time and rows without are read by separate
/// index-friendly statements, so that neither NULL times nor equal times are skipped or repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Rows with a time, newest first, optionally after (ts, id).
    TimedDesc { after: bool },
    /// Rows with a time, oldest first, optionally after (ts, id) in that order.
    TimedAsc { after: bool },
    /// Rows without a time, by id descending, optionally below an id.
    NullDesc { after: bool },
    /// Rows without a time, by id ascending, optionally above an id.
    NullAsc { after: bool },
}

impl CallsSql {
    fn sql(&self, part: Part) -> String {
        let CallsSql {
            select,
            org,
            ts,
            id,
            key_cast,
        } = *self;
        let (cond, order) = match part {
            Part::TimedDesc { after } => (
                format!(
                    "{ts} IS NOT NULL{}",
                    if after {
                        format!(" AND ({ts}, {id}) < ($3, $4::{key_cast})")
                    } else {
                        String::new()
                    }
                ),
                format!("{ts} DESC, {id} DESC"),
            ),
            Part::TimedAsc { after } => (
                format!(
                    "{ts} IS NOT NULL{}",
                    if after {
                        format!(" AND ({ts}, {id}) > ($3, $4::{key_cast})")
                    } else {
                        String::new()
                    }
                ),
                format!("{ts} ASC, {id} ASC"),
            ),
            Part::NullDesc { after } => (
                format!(
                    "{ts} IS NULL{}",
                    if after {
                        format!(" AND {id} < $3::{key_cast}")
                    } else {
                        String::new()
                    }
                ),
                format!("{id} DESC"),
            ),
            Part::NullAsc { after } => (
                format!(
                    "{ts} IS NULL{}",
                    if after {
                        format!(" AND {id} > $3::{key_cast}")
                    } else {
                        String::new()
                    }
                ),
                format!("{id} ASC"),
            ),
        };
        format!("{select} WHERE {org} = $1::{key_cast} AND {cond} ORDER BY {order} LIMIT $2")
    }
}

/// A connection to one platform database.
#[derive(Clone)]
pub struct Source {
    pool: PgPool,
    opts: DbOptions,
}

type Result<T> = std::result::Result<T, String>;

fn err(e: sqlx::Error) -> String {
    describe_error(&e)
}

fn bind_key<'q>(
    q: Query<'q, Postgres, PgArguments>,
    key: &Key,
) -> Query<'q, Postgres, PgArguments> {
    match key {
        Key::Uuid(u) => q.bind(*u),
        Key::Text(t) => q.bind(t.clone()),
    }
}

impl Source {
    /// Creates the pool without connecting: the first query connects.
    pub fn new(opts: DbOptions) -> Result<Source> {
        let pool = lazy_pool(&opts)?;
        Ok(Source { pool, opts })
    }

    pub fn options(&self) -> &DbOptions {
        &self.opts
    }

    /// A read transaction: read-only at the server, with the statement timeout local to it.
    async fn read(&self) -> Result<Transaction<'static, Postgres>> {
        let begin = format!(
            "BEGIN READ ONLY; SET LOCAL statement_timeout = {}",
            self.opts.statement_timeout_ms.max(1)
        );
        match self.pool.begin_with(AssertSqlSafe(begin)).await {
            Ok(tx) => Ok(tx),
            Err(sqlx::Error::PoolTimedOut) => Err(self.diagnose().await),
            Err(e) => Err(err(e)),
        }
    }

    /// The pool only says it timed out; one direct attempt tells why (refused, unknown host, auth...).
    async fn diagnose(&self) -> String {
        let timed_out = describe_error(&sqlx::Error::PoolTimedOut);
        let Ok(opts) = parse_url(&self.opts.url) else {
            return timed_out;
        };
        let limit = std::time::Duration::from_millis(self.opts.connect_timeout_ms);
        match tokio::time::timeout(limit, PgConnection::connect_with(&opts)).await {
            Ok(Err(e)) => err(e),
            Ok(Ok(conn)) => {
                let _ = conn.close().await;
                format!(
                    "{timed_out} (the server accepts connections: all of the console's are busy)"
                )
            }
            Err(_) => format!(
                "{timed_out} (no answer from the server within {} ms)",
                self.opts.connect_timeout_ms
            ),
        }
    }

    /// Connects, reads the server version and TLS state, and detects the dialect (or takes the forced one).
    pub async fn detect(&self, forced: Option<Dialect>) -> Result<DbInfo> {
        let mut tx = self.read().await?;
        let row = sqlx::query(
            "SELECT current_setting('server_version') AS v, \
             COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS tls",
        )
        .persistent(false)
        .fetch_one(&mut *tx)
        .await
        .map_err(err)?;
        let server_version: String = row.try_get("v").map_err(err)?;
        let tls: bool = row.try_get("tls").map_err(err)?;
        let found: Vec<String> = sqlx::query_scalar(
            "SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_class c \
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname || '.' || c.relname = ANY($1) \
             ORDER BY 1",
        )
        .persistent(false)
        .bind(detect::all_signature_tables())
        .fetch_all(&mut *tx)
        .await
        .map_err(err)?;
        tx.commit().await.map_err(err)?;
        let (dialect, detection_note) = match forced {
            Some(d) => (
                d,
                Some(format!("dialect {} set by configuration", d.name())),
            ),
            None => detect::choose(&found)?,
        };
        Ok(DbInfo {
            server_version,
            dialect,
            detection_note,
            tls,
        })
    }

    pub async fn orgs(&self, dialect: Dialect) -> Result<Vec<Org>> {
        let mut tx = self.read().await?;
        let rows = match dialect {
            Dialect::ServiceAi => {
                sqlx::query(serviceai::ORGS)
                    .persistent(false)
                    .fetch_all(&mut *tx)
                    .await
            }
        }
        .map_err(err)?;
        tx.commit().await.map_err(err)?;
        rows.iter()
            .map(|r| match dialect {
                Dialect::ServiceAi => serviceai::org(r),
            })
            .collect::<std::result::Result<_, _>>()
            .map_err(err)
    }

    fn calls_sql(dialect: Dialect) -> CallsSql {
        match dialect {
            Dialect::ServiceAi => serviceai::CALLS,
        }
    }

    fn call_row(dialect: Dialect, row: &PgRow) -> std::result::Result<CallRow, sqlx::Error> {
        match dialect {
            Dialect::ServiceAi => serviceai::call_row(row),
        }
    }

    async fn part(
        &self,
        tx: &mut Transaction<'static, Postgres>,
        dialect: Dialect,
        org: &Key,
        part: Part,
        cursor: Option<&Cursor>,
        limit: usize,
    ) -> Result<Vec<CallRow>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let sql = Self::calls_sql(dialect).sql(part);
        let q = sqlx::query(AssertSqlSafe(sql)).persistent(false);
        let mut q = bind_key(q, org).bind(limit as i64);
        if let Some(c) = cursor {
            if matches!(
                part,
                Part::TimedDesc { after: true } | Part::TimedAsc { after: true }
            ) {
                q = q.bind(c.created_at);
            }
            q = bind_key(q, &c.key);
        }
        let rows = q.fetch_all(&mut **tx).await.map_err(err)?;
        rows.iter()
            .map(|r| Self::call_row(dialect, r))
            .collect::<std::result::Result<_, _>>()
            .map_err(err)
    }

    /// One page of calls in display order (newest first), keyset-paged on (time, id) both ways.
    pub async fn calls(
        &self,
        dialect: Dialect,
        org: &Key,
        anchor: &Anchor,
        limit: usize,
    ) -> Result<Page> {
        let limit = limit.max(1);
        let want = limit + 1;
        let mut tx = self.read().await?;
        let page = match anchor {
            Anchor::First | Anchor::After(_) => {
                let mut rows = match anchor {
                    Anchor::After(c) if c.created_at.is_none() => {
                        self.part(
                            &mut tx,
                            dialect,
                            org,
                            Part::NullDesc { after: true },
                            Some(c),
                            want,
                        )
                        .await?
                    }
                    Anchor::After(c) => {
                        let mut r = self
                            .part(
                                &mut tx,
                                dialect,
                                org,
                                Part::TimedDesc { after: true },
                                Some(c),
                                want,
                            )
                            .await?;
                        let rest = want - r.len();
                        r.extend(
                            self.part(
                                &mut tx,
                                dialect,
                                org,
                                Part::NullDesc { after: false },
                                None,
                                rest,
                            )
                            .await?,
                        );
                        r
                    }
                    _ => {
                        let mut r = self
                            .part(
                                &mut tx,
                                dialect,
                                org,
                                Part::TimedDesc { after: false },
                                None,
                                want,
                            )
                            .await?;
                        let rest = want - r.len();
                        r.extend(
                            self.part(
                                &mut tx,
                                dialect,
                                org,
                                Part::NullDesc { after: false },
                                None,
                                rest,
                            )
                            .await?,
                        );
                        r
                    }
                };
                let has_after = rows.len() > limit;
                rows.truncate(limit);
                Page {
                    rows,
                    has_before: matches!(anchor, Anchor::After(_)),
                    has_after,
                }
            }
            Anchor::Last | Anchor::Before(_) => {
                // Read backwards (oldest first), then reverse into display order.
                let mut rows = match anchor {
                    Anchor::Before(c) if c.created_at.is_some() => {
                        self.part(
                            &mut tx,
                            dialect,
                            org,
                            Part::TimedAsc { after: true },
                            Some(c),
                            want,
                        )
                        .await?
                    }
                    Anchor::Before(c) => {
                        let mut r = self
                            .part(
                                &mut tx,
                                dialect,
                                org,
                                Part::NullAsc { after: true },
                                Some(c),
                                want,
                            )
                            .await?;
                        let rest = want - r.len();
                        r.extend(
                            self.part(
                                &mut tx,
                                dialect,
                                org,
                                Part::TimedAsc { after: false },
                                None,
                                rest,
                            )
                            .await?,
                        );
                        r
                    }
                    _ => {
                        let mut r = self
                            .part(
                                &mut tx,
                                dialect,
                                org,
                                Part::NullAsc { after: false },
                                None,
                                want,
                            )
                            .await?;
                        let rest = want - r.len();
                        r.extend(
                            self.part(
                                &mut tx,
                                dialect,
                                org,
                                Part::TimedAsc { after: false },
                                None,
                                rest,
                            )
                            .await?,
                        );
                        r
                    }
                };
                let has_before = rows.len() > limit;
                rows.truncate(limit);
                rows.reverse();
                if !has_before && rows.len() < limit {
                    // Near the top: show a full first page rather than a short one.
                    tx.commit().await.map_err(err)?;
                    return Box::pin(self.calls(dialect, org, &Anchor::First, limit)).await;
                }
                Page {
                    rows,
                    has_before,
                    has_after: matches!(anchor, Anchor::Before(_)),
                }
            }
        };
        tx.commit().await.map_err(err)?;
        Ok(page)
    }

    /// One call with its summary and transcript; `None` when it does not exist (or is not this org's).
    pub async fn call(
        &self,
        dialect: Dialect,
        org: &Key,
        call: &Key,
    ) -> Result<Option<CallDetail>> {
        let mut tx = self.read().await?;
        let sql = match dialect {
            Dialect::ServiceAi => serviceai::CALL,
        };
        let q = bind_key(bind_key(sqlx::query(sql).persistent(false), org), call);
        let row = q.fetch_optional(&mut *tx).await.map_err(err)?;
        tx.commit().await.map_err(err)?;
        match row {
            None => Ok(None),
            Some(r) => match dialect {
                Dialect::ServiceAi => serviceai::call_detail(&r).map(Some).map_err(err),
            },
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
    }
}

/// Runs a closure and returns its result with the elapsed milliseconds.
pub async fn timed<T>(f: impl std::future::Future<Output = T>) -> (T, f64) {
    let start = Instant::now();
    let out = f.await;
    (out, start.elapsed().as_secs_f64() * 1000.0)
}
