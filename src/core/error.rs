//! The errors of reading the database: a message for people, and what kind of failure it is, decided from
//! the SQLSTATE (or from what the catalog said before anything was sent), never from the message's text.
//! The data layer makes them (`data::error`); actions carry them to the reducer, which decides from the
//! kind what the screen says.

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

    /// A refusal: permission, row security, schema.
    pub fn is_refusal(&self) -> bool {
        self.kind == ErrorKind::Refused
    }

    /// What a screen says, decided from the kind: a refusal says the database refuses (it is no fault of
    /// the link and retrying will not help), a cancellation says the server stopped the statement.
    pub fn for_screen(&self) -> String {
        match self.kind {
            ErrorKind::Refused => format!("the database refuses: {}", self.message),
            ErrorKind::Cancelled => {
                format!("the server cancelled the statement (the statement timeout, or an operator): {}", self.message)
            }
            ErrorKind::Connection | ErrorKind::Input | ErrorKind::Other => self.message.clone(),
        }
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

    #[test]
    fn the_screen_says_what_kind_of_failure_it_is() {
        let refused =
            DataError { kind: ErrorKind::Refused, sqlstate: Some("42501".into()), message: "no SELECT on x".into() };
        assert_eq!(refused.for_screen(), "the database refuses: no SELECT on x");
        let cancelled = DataError { kind: ErrorKind::Cancelled, sqlstate: Some("57014".into()), message: "m".into() };
        assert!(cancelled.for_screen().starts_with("the server cancelled the statement"));
        assert_eq!(DataError::from("connection reset").for_screen(), "connection reset");
    }
}
