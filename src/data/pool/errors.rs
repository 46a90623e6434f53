//! sqlx errors in one clear line for a user, and the errors that tell a dead connection or a pooler.

/// A connection that was already gone: closed under it (I/O), or ended by the server while idle, whose
/// farewell sqlx reads at the next use (57P01 terminated by an administrator or a restart, 57P02 crash,
/// 08003/08006 connection gone).
pub(super) fn dead_connection(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_) => true,
        sqlx::Error::Database(db) => matches!(db.code().as_deref(), Some("57P01" | "57P02" | "08003" | "08006")),
        _ => false,
    }
}

/// PgBouncer (and poolers like it) refuse a startup packet with parameters they do not know:
/// "unsupported startup parameter: options" (or "... in options: ...", or extra_float_digits).
pub(super) fn refused_startup_parameter(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.message().contains("unsupported startup parameter"))
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
}
