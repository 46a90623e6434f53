//! The data layer's side of [`DataError`]: made from sqlx's errors and from a statement whose requirements
//! the catalog shows are unmet. The type itself is the core's (`core::error`), so that actions carry it.

pub use crate::core::error::{DataError, ErrorKind};
use crate::data::sqlt::Unmet;

impl From<Unmet> for DataError {
    fn from(u: Unmet) -> Self {
        DataError { kind: ErrorKind::Refused, sqlstate: None, message: u.to_string() }
    }
}

impl DataError {
    /// From sqlx's error, with the message the pool module writes for it.
    pub fn from_sqlx(e: &sqlx::Error, message: String) -> Self {
        let sqlstate = e.as_database_error().and_then(|d| d.code()).map(|c| c.to_string());
        let kind = match (&sqlstate, e) {
            (Some(c), _) => DataError::kind_of(c),
            (None, sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Tls(_)) => {
                ErrorKind::Connection
            }
            (None, sqlx::Error::Protocol(_)) => ErrorKind::Connection,
            _ => ErrorKind::Other,
        };
        DataError { kind, sqlstate, message }
    }
}
