//! Is the database there? The runner asks after any failed query, and the reducer asks again on a backoff
//! while the answer is no. Deciding from the server's answer instead of from error texts keeps a statement
//! timeout or a bad row from ever passing for a lost link.

use std::time::Duration;

use crate::data::Source;

/// How long a ping may take before the server counts as gone.
pub const PING_TIMEOUT: Duration = Duration::from_secs(2);

/// Why a ping failed.
#[derive(Debug, Clone, PartialEq)]
pub enum PingError {
    /// The server (or the way to it) answered with an error.
    Failed(String),
    /// Nothing within the time limit (a server that is down keeps the pool retrying until then).
    NoAnswer(Duration),
}

impl std::fmt::Display for PingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PingError::Failed(e) => f.write_str(e),
            PingError::NoAnswer(d) => write!(f, "no answer from the database server within {:.1} s", d.as_secs_f64()),
        }
    }
}

impl Source {
    /// The cheapest read the console makes (`BEGIN READ ONLY`, one `SHOW`, `COMMIT`), through the same pool,
    /// TLS and pooler as every other query, within `limit`. Ok means the server answers.
    pub async fn ping(&self, limit: Duration) -> Result<(), PingError> {
        match tokio::time::timeout(limit, self.reads_are_read_only()).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(PingError::Failed(e.message)),
            Err(_) => Err(PingError::NoAnswer(limit)),
        }
    }
}
