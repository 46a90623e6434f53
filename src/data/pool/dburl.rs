//! Database URLs, read with the `url` crate (as sqlx reads them): what their query says, the pooler they
//! imply, and the form of them that may be shown (never a password).

use std::str::FromStr;

use percent_encoding::percent_decode_str;
use sqlx::postgres::PgConnectOptions;
use url::Url;

/// The pooler mode a URL implies, with the reason: port 6543 (Supabase's transaction pooler) or
/// `pgbouncer=true` in the query (Prisma's convention). `None` for anything else.
pub fn detect_pooler(url: &str) -> Option<&'static str> {
    if query_param(url, "pgbouncer").is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1") {
        return Some("pgbouncer=true in the URL");
    }
    // sqlx's reading decides the port and whether it is a unix socket (`host=/dir`, an empty host).
    match parse_url(&strip_param(url, "pgbouncer")) {
        Ok(c) if c.get_socket().is_none() && c.get_port() == 6543 => Some("port 6543"),
        _ => None,
    }
}

/// The URL as the `url` crate reads it, if it is one.
fn parsed(url: &str) -> Option<Url> {
    Url::parse(url.trim()).ok()
}

/// The first value of `key` in the URL's query, percent-decoded; `None` when it is absent or the text is
/// not a URL.
pub(super) fn query_param(url: &str, key: &str) -> Option<String> {
    parsed(url)?.query_pairs().find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
}

/// The URL without `key=...` in its query (sqlx would only warn about an unknown parameter, in the log).
/// A URL without it, or a text that is no URL, comes back as it is.
pub(super) fn strip_param(url: &str, key: &str) -> String {
    let Some(mut u) = parsed(url) else { return url.to_string() };
    if !u.query_pairs().any(|(k, _)| k == key) {
        return url.to_string();
    }
    let kept: Vec<(String, String)> =
        u.query_pairs().filter(|(k, _)| k != key).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    if kept.is_empty() {
        u.set_query(None);
    } else {
        u.query_pairs_mut().clear().extend_pairs(kept);
    }
    u.to_string()
}

/// A connection URL as a person wrote it: `scheme://[user[:password]@]host...`. Everything between `://`
/// and the last `@` is the user's part, whatever it holds: a password may carry `@`, `/`, `#`, `?` or `:`
/// that the user forgot to percent-encode, and none of it may ever be shown. No URL parser can find the
/// user part of such a text (for the `url` crate it ends at the first `/`, `?` or `#`), so this one is cut
/// by hand; what follows it is read by the `url` crate.
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

impl UrlParts<'_> {
    /// The URL without its user part, as the `url` crate reads it.
    fn without_user(&self) -> Option<Url> {
        Url::parse(&format!("{}://{}", self.scheme, self.rest)).ok()
    }

    /// Every form of a secret the text carries: the password as written and percent-decoded, and the
    /// values of `password=` in the query.
    fn secrets(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(p) = self.password {
            out.push(p.to_string());
            out.push(percent_decode_str(p).decode_utf8_lossy().into_owned());
        }
        if let Some(u) = self.without_user() {
            out.extend(u.query_pairs().filter(|(k, _)| k == "password").map(|(_, v)| v.into_owned()));
            if let Some(q) = u.query() {
                // As written, too (the url crate keeps the query's own percent-encoding).
                out.extend(q.split('&').filter_map(|kv| kv.strip_prefix("password=")).map(str::to_string));
            }
        }
        out.retain(|s| !s.is_empty());
        out
    }
}

/// Removes every trace of the `secrets` from `text` (sqlx's own messages quote what they could not parse).
fn scrub(text: &str, secrets: &[String]) -> String {
    secrets.iter().fold(text.to_string(), |t, s| t.replace(s.as_str(), "<password>"))
}

/// How to write a password that a URL cannot carry as it is.
const PERCENT_ENCODE_HINT: &str = "percent-encode them (/ as %2F, # as %23, ? as %3F, @ as %40, : as %3A, % as \
                                   %25, space as %20), or leave the password out of the URL and set PGPASSWORD \
                                   or a ~/.pgpass entry";

/// Parses a connection URL, with an error that never repeats the password, nor any part of it.
pub fn parse_url(url: &str) -> Result<PgConnectOptions, String> {
    let trimmed = url.trim();
    let scheme = trimmed.split_once("://").map(|(s, _)| s);
    if !matches!(scheme, Some("postgres" | "postgresql")) {
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
        let secrets = parts.as_ref().map(UrlParts::secrets).unwrap_or_default();
        format!("bad database URL {}: {}", redact_url(trimmed), scrub(&e.to_string(), &secrets))
    })
}

/// "user@host:port/db" with the password (and the query and fragment, which may carry one) removed, for the
/// status bar and messages; `<url>` for a text that has no `scheme://`.
pub fn redact_url(url: &str) -> String {
    let Some(parts) = url_parts(url.trim()) else {
        return "<url>".to_string();
    };
    if let Some(mut u) = parts.without_user() {
        u.set_query(None);
        u.set_fragment(None);
        // The user name is no secret; the url crate percent-encodes what a user part cannot carry.
        if parts.user.is_none_or(|user| u.set_username(user).is_ok()) {
            return u.to_string();
        }
    }
    // Not a URL after the user part (a bad port, an empty host with a user): cut as written.
    let host_and_path = parts.rest.split(['?', '#']).next().unwrap_or("");
    match parts.user {
        Some(user) => format!("{}://{user}@{host_and_path}", parts.scheme),
        None => format!("{}://{host_and_path}", parts.scheme),
    }
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
            let got =
                url.password().map(|p| percent_decode_str(p).decode_utf8().unwrap().into_owned()).unwrap_or_default();
            assert_eq!(got, want, "{pw}");
        }
        // sqlx's own complaint never quotes the password.
        let e = parse_url("postgres://u:Sekr1t@h:notaport/db").unwrap_err();
        assert!(!e.contains("Sekr1t"), "{e}");
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
    fn bad_urls_get_a_clear_message_without_password() {
        let e = parse_url("mysql://u:secretpw@h/db").unwrap_err();
        assert!(e.contains("not a PostgreSQL URL"), "{e}");
        assert!(!e.contains("secretpw"));
    }

    #[test]
    fn passwords_with_url_characters_are_never_shown() {
        // Percent-encoded, every one of them parses; the redacted form never shows the password.
        for (pw, decoded) in
            [("p%40ss", "p@ss"), ("a%3Ab", "a:b"), ("s%2Fl", "s/l"), ("c%25t", "c%t"), ("h%23x", "h#x")]
        {
            let url = format!("postgres://u:{pw}@db.example.com:5432/app?sslmode=disable");
            assert_eq!(redact_url(&url), "postgres://u@db.example.com:5432/app", "{pw}");
            let o = parse_url(&url).unwrap();
            let got = o.to_url_lossy();
            assert_eq!(
                got.password().map(|p| percent_decode_str(p).decode_utf8().unwrap().into_owned()).as_deref(),
                Some(decoded)
            );
        }
        // Written as they are: `@` and `:` can be carried, `/`, `#` and `?` cannot; neither shows.
        for pw in ["Zp@Qx", "Zp:Qx", "Zp/Qx", "Zp#Qx", "Zp?Qx", "Zp%Qx"] {
            let url = format!("postgres://u:{pw}@db.example.com:5432/app");
            let shown = redact_url(&url);
            assert_eq!(shown, "postgres://u@db.example.com:5432/app", "{pw}");
            if let Err(e) = parse_url(&url) {
                assert!(!e.contains("Zp") && !e.contains("Qx"), "{pw}: {e}");
                assert!(e.starts_with("bad database URL postgres://u@db.example.com:5432/app: "), "{e}");
            }
        }
    }

    #[test]
    fn a_password_in_the_query_is_scrubbed_from_errors() {
        let e = parse_url("postgres://u@h/db?password=Zq7Wx&sslmode=bogus").unwrap_err();
        assert!(e.starts_with("bad database URL postgres://u@h/db: "), "{e}");
        assert!(!e.contains("Zq7Wx"), "{e}");
        let e = parse_url("postgres://u@h/db?password=Zq%407Wx&sslmode=bogus").unwrap_err();
        assert!(!e.contains("Zq@7Wx") && !e.contains("Zq%407Wx"), "{e}");
    }

    #[test]
    fn ipv6_hosts() {
        let url = "postgres://u:pw@[::1]:6543/db?sslmode=disable";
        assert_eq!(redact_url(url), "postgres://u@[::1]:6543/db");
        assert_eq!(detect_pooler(url), Some("port 6543"));
        let o = parse_url("postgresql://u:pw@[2001:db8::7]:5432/db").unwrap();
        // sqlx keeps the brackets of the address, as the url crate writes the host.
        assert_eq!(o.get_host().trim_matches(['[', ']']), "2001:db8::7");
        assert_eq!(o.get_port(), 5432);
        assert_eq!(redact_url("postgresql://u:pw@[2001:db8::7]/db"), "postgresql://u@[2001:db8::7]/db");
    }

    #[test]
    fn unix_socket_hosts() {
        // The socket directory in the query, with an empty host or none.
        let o = parse_url("postgres:///app?host=/var/run/postgresql").unwrap();
        assert_eq!(o.get_socket().map(|p| p.display().to_string()).as_deref(), Some("/var/run/postgresql"));
        assert_eq!(redact_url("postgres:///app?host=/var/run/postgresql"), "postgres:///app");
        let o = parse_url("postgres://u:pw@localhost/app?host=%2Ftmp&port=6543").unwrap();
        assert!(o.get_socket().is_some());
        // A socket is no Supabase pooler, whatever its port.
        assert_eq!(detect_pooler("postgres://u:pw@localhost/app?host=%2Ftmp&port=6543"), None);
        assert_eq!(detect_pooler("postgres:///app?host=/tmp&port=6543"), None);
        assert_eq!(detect_pooler("postgres:///app?host=/tmp&pgbouncer=true"), Some("pgbouncer=true in the URL"));
        assert_eq!(redact_url("postgres://u:pw@/app?host=/tmp"), "postgres://u@/app");
    }

    #[test]
    fn both_schemes_are_postgres() {
        for scheme in ["postgres", "postgresql"] {
            let url = format!("{scheme}://u:pw@h:6543/db?pgbouncer=true&application_name=x");
            assert_eq!(redact_url(&url), format!("{scheme}://u@h:6543/db"));
            assert_eq!(detect_pooler(&url), Some("pgbouncer=true in the URL"));
            let o = parse_url(&strip_param(&url, "pgbouncer")).unwrap();
            assert_eq!((o.get_host(), o.get_port(), o.get_database()), ("h", 6543, Some("db")));
            assert_eq!(o.get_application_name(), Some("x"));
        }
        assert!(parse_url("postgre://u:pw@h/db").unwrap_err().starts_with("not a PostgreSQL URL: postgre://u@h/db"));
    }

    #[test]
    fn query_parameters_are_read_percent_decoded() {
        let url = "postgres://u@h/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca%20root.pem&application_name=a%26b";
        assert_eq!(query_param(url, "sslmode").as_deref(), Some("verify-full"));
        assert_eq!(query_param(url, "sslrootcert").as_deref(), Some("/etc/ca root.pem"));
        assert_eq!(query_param(url, "application_name").as_deref(), Some("a&b"));
        assert_eq!(query_param(url, "pgbouncer"), None);
        assert_eq!(query_param("not a url", "sslmode"), None);
        // Stripping one keeps what the others say, as sqlx reads them.
        let kept = strip_param(&format!("{url}&pgbouncer=true"), "pgbouncer");
        assert_eq!(query_param(&kept, "sslrootcert").as_deref(), Some("/etc/ca root.pem"));
        assert_eq!(query_param(&kept, "application_name").as_deref(), Some("a&b"));
        assert_eq!(query_param(&kept, "pgbouncer"), None);
        // A password with an `@` survives the rewrite.
        let o = parse_url(&strip_param("postgres://u:p%40ss@h/db?pgbouncer=true", "pgbouncer")).unwrap();
        assert_eq!(o.to_url_lossy().password(), Some("p%40ss"));
    }

    #[test]
    fn what_is_no_url_is_said_so_without_its_password() {
        for text in ["hunter2 at db", "", "   ", "u:hunter2@h/db", "postgres:hunter2@h", "://u:hunter2@h"] {
            let e = parse_url(text).unwrap_err();
            assert!(e.starts_with("not a PostgreSQL URL: "), "{text:?}: {e}");
            assert!(!e.contains("hunter2"), "{text:?}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
        assert_eq!(redact_url("hunter2 at db"), "<url>");
        // A bad port: sqlx refuses it; the error names the URL without the password.
        let e = parse_url("postgres://u:hunter2@h:99999/db").unwrap_err();
        assert!(e.starts_with("bad database URL postgres://u@h:99999/db: "), "{e}");
        assert!(!e.contains("hunter2"), "{e}");
    }
}
