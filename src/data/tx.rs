//! [`Tx`]: a transaction that ends on every path.
//!
//! sqlx's own `Transaction` counts a transaction as open only once its `BEGIN` has been answered: a task
//! aborted while waiting for that answer (a superseded request, a ping's time limit) returns its connection
//! to the pool with the server's transaction still open, and the next request on it logs "there is already
//! a transaction in progress" and runs inside it, maybe a write. A [`Tx`] is armed before its `BEGIN` is
//! sent, and whatever ends it other than [`Tx::commit`] (an error, a `?`, a cancelled or aborted task, a
//! panic) ends the server's transaction too: the connection is rolled back in the background before it
//! goes back to the pool, or closed when that cannot be done (no runtime, no answer), which makes the
//! server roll back.
//!
//! The transaction is the console's own (sqlx does not know of it), so it derefs to the connection and
//! every statement of the console runs through it as before.

use std::ops::{Deref, DerefMut};
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgPool, PgRow};
use sqlx::{AssertSqlSafe, PgConnection, Postgres};

/// How long a rollback in the background may take before the connection is closed instead.
const ROLLBACK_LIMIT: Duration = Duration::from_secs(5);

pub struct Tx {
    /// `Some` while the transaction may be open on the server.
    conn: Option<PoolConnection<Postgres>>,
}

impl Tx {
    /// Takes a connection from `pool` and runs `begin` (the console's own `BEGIN ...; SET LOCAL ...` text,
    /// never user input) on it. From the moment it is sent, dropping the `Tx` ends the transaction.
    pub async fn begin(pool: &PgPool, begin: String) -> Result<Tx, sqlx::Error> {
        Tx::begin_on(pool.acquire().await?, begin).await
    }

    /// [`Tx::begin`] on a connection already taken.
    pub async fn begin_on(conn: PoolConnection<Postgres>, begin: String) -> Result<Tx, sqlx::Error> {
        let mut tx = Tx { conn: Some(conn) };
        sqlx::raw_sql(AssertSqlSafe(begin)).execute(&mut *tx).await?;
        Ok(tx)
    }

    /// Sends `text` on `conn`, a whole read in the console's own words (`BEGIN
    /// READ ONLY; ...; COMMIT`, values already inlined as literals), as one message of the simple protocol:
    /// one round trip. Returns the rows of each statement, in order (one entry per statement, rows or not).
    /// Until the message's `COMMIT` is answered the transaction counts as open: an error or an abort on
    /// the way rolls it back as on drop (the server skips the rest of a message after an error, its
    /// `COMMIT` too). On success the connection comes back with the rows: its session is as it was before
    /// (nothing open, nothing set), so it can serve the next read as it is.
    pub async fn run_once(
        conn: PoolConnection<Postgres>,
        text: String,
    ) -> Result<(Vec<Vec<PgRow>>, PoolConnection<Postgres>), sqlx::Error> {
        use futures_util::TryStreamExt;
        let mut tx = Tx { conn: Some(conn) };
        let mut groups = Vec::new();
        let mut rows = Vec::new();
        {
            let mut answers = sqlx::raw_sql(AssertSqlSafe(text)).fetch_many(&mut *tx);
            while let Some(answer) = answers.try_next().await? {
                match answer {
                    sqlx::Either::Left(_) => groups.push(std::mem::take(&mut rows)),
                    sqlx::Either::Right(row) => rows.push(row),
                }
            }
        }
        // The message's COMMIT was answered: nothing is open on the server.
        match tx.conn.take() {
            Some(conn) => Ok((groups, conn)),
            None => unreachable!("a Tx is used after it ended"),
        }
    }

    /// Commits. On any failure (or if this future is dropped before the answer) the transaction is rolled
    /// back as on drop.
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        sqlx::raw_sql("COMMIT").execute(&mut *self).await?;
        // Committed: the connection goes back to the pool as it is.
        self.conn.take();
        Ok(())
    }

    /// Rolls back now and waits for it (the drop does the same in the background).
    pub async fn rollback(mut self) -> Result<(), sqlx::Error> {
        sqlx::raw_sql("ROLLBACK").execute(&mut *self).await?;
        self.conn.take();
        Ok(())
    }
}

impl Deref for Tx {
    type Target = PgConnection;

    fn deref(&self) -> &PgConnection {
        match &self.conn {
            Some(c) => c,
            // `conn` is taken only by `commit` and `rollback`, which consume the `Tx`.
            None => unreachable!("a Tx is used after it ended"),
        }
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut PgConnection {
        match &mut self.conn {
            Some(c) => c,
            None => unreachable!("a Tx is used after it ended"),
        }
    }
}

impl Drop for Tx {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            end_in_background(conn);
        }
    }
}

/// Rolls back a transaction that did not end by [`Tx::commit`], then lets the connection go back to the
/// pool; closes it instead when there is no runtime to do that on or the server does not answer in time.
/// A statement of the aborted request that is still running is waited for (sqlx reads its answers before
/// sending the `ROLLBACK`); the runner has asked the server to cancel it, and the statement timeout bounds it.
fn end_in_background(mut conn: PoolConnection<Postgres>) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        // Closing the socket ends the session, and with it the transaction.
        drop(conn.detach());
        return;
    };
    runtime.spawn(async move {
        match tokio::time::timeout(ROLLBACK_LIMIT, sqlx::raw_sql("ROLLBACK").execute(&mut *conn)).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                tracing::debug!(error = %e, "rollback of an unfinished transaction failed; closing its connection");
                drop(conn.detach());
            }
            Err(_) => {
                tracing::debug!("no answer to the rollback of an unfinished transaction; closing its connection");
                drop(conn.detach());
            }
        }
    });
}
