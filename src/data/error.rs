//! The data layer's errors: a message for people, and what kind of failure it is, decided from the
//! SQLSTATE (or from what the catalog said before anything was sent), never from the message's text.

use crate::data::sqlt::Unmet;

/// What kind of failure: what the console does about it (and the exit code of a headless command).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The server cannot be reached or the link broke (class 08, shutdown, I/O, pool timeout).
    Connection,
    /// The database refuses: a privilege (42501), a missing table or column (42P01, 42703, 42883), or a
    /// section whose requirements the catalog shows are not met.
    Refused,
    /// The statement was cancelled (57014): superseded or over the statement timeout.
    Cancelled,
    /// The input is wrong (a bad filter, an unknown org).
    Input,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub kind: ErrorKind,
    /// The server's SQLSTATE, where the server answered with one.
    pub sqlstate: Option<String>,
    pub message: String,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DataError {}

/// The message, to read as text (`e.contains(..)`).
impl std::ops::Deref for DataError {
    type Target = str;
    fn deref(&self) -> &str {
        &self.message
    }
}

impl From<String> for DataError {
    fn from(message: String) -> Self {
        DataError { kind: ErrorKind::Other, sqlstate: None, message }
    }
}

impl From<&str> for DataError {
    fn from(message: &str) -> Self {
        DataError::from(message.to_string())
    }
}

impl From<DataError> for String {
    fn from(e: DataError) -> Self {
        e.message
    }
}

impl From<Unmet> for DataError {
    fn from(u: Unmet) -> Self {
        DataError { kind: ErrorKind::Refused, sqlstate: None, message: u.to_string() }
    }
}

impl DataError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        DataError { kind, sqlstate: None, message: message.into() }
    }

    /// The kind a SQLSTATE means.
    pub fn kind_of(code: &str) -> ErrorKind {
        match code {
            "42501" | "42P01" | "42703" | "42883" | "3F000" => ErrorKind::Refused,
            // Who may connect, to what: the connection itself fails.
            "28000" | "28P01" | "3D000" => ErrorKind::Connection,
            "57014" => ErrorKind::Cancelled,
            "57P01" | "57P02" | "57P03" | "53300" => ErrorKind::Connection,
            c if c.starts_with("08") => ErrorKind::Connection,
            "22P02" | "22007" | "22008" => ErrorKind::Input,
            _ => ErrorKind::Other,
        }
    }

    /// From sqlx's error, with the message the pool module writes for it.
    pub fn from_sqlx(e: &sqlx::Error, message: String) -> Self {
        let sqlstate = e.as_database_error().and_then(|d| d.code()).map(|c| c.to_string());
        let kind = match (&sqlstate, e) {
            (Some(c), _) => Self::kind_of(c),
            (None, sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Tls(_)) => {
                ErrorKind::Connection
            }
            (None, sqlx::Error::Protocol(_)) => ErrorKind::Connection,
            _ => ErrorKind::Other,
        };
        DataError { kind, sqlstate, message }
    }

    /// A refusal: permission, row security, schema.
    pub fn is_refusal(&self) -> bool {
        self.kind == ErrorKind::Refused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_comes_from_the_sqlstate() {
        assert_eq!(DataError::kind_of("42501"), ErrorKind::Refused);
        assert_eq!(DataError::kind_of("42703"), ErrorKind::Refused);
        assert_eq!(DataError::kind_of("42P01"), ErrorKind::Refused);
        assert_eq!(DataError::kind_of("57014"), ErrorKind::Cancelled);
        assert_eq!(DataError::kind_of("08006"), ErrorKind::Connection);
        assert_eq!(DataError::kind_of("23505"), ErrorKind::Other);
    }
}
