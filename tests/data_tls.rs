//! TLS against the throwaway server, which `scripts/test` starts with a certificate for localhost and
//! 127.0.0.1 signed by a throwaway CA (`SWITCHBOARD_TEST_TLS_ROOT`; an unrelated CA is
//! `SWITCHBOARD_TEST_TLS_WRONG_ROOT`): every sslmode, a wrong root, a wrong host name, and `prefer` against a
//! server without TLS (PgBouncer without client TLS), which must be visible in the status bar and `check`.

mod common;
mod pgbouncer;

use common::*;
use pgbouncer::{PgBouncer, db_name};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use switchboard::core::keymap::Keymap;
use switchboard::core::model::{DbInfo, Dialect};
use switchboard::core::state::{Conn, State};
use switchboard::data::{DbOptions, Source};
use switchboard::ui::theme::Theme;

fn env_path(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run the tests with scripts/test"))
}

/// A URL of database `db` on the test server with the given host and query (the server's port).
fn url_with(db_url: &str, host: &str, query: &str) -> String {
    let base = db_url.split('?').next().unwrap();
    let (scheme_auth, rest) = base.split_once('@').unwrap();
    let (_, port_db) = rest.split_once(':').unwrap();
    format!("{scheme_auth}@{host}:{port_db}?{query}")
}

async fn detect(url: &str, root: Option<&str>) -> Result<DbInfo, switchboard::data::error::DataError> {
    let mut opts = DbOptions::new(url);
    opts.ssl_root_cert = root.map(Into::into);
    opts.connect_timeout_ms = 5_000;
    let src = Source::new(opts).unwrap();
    let out = src.detect(None).await;
    if let Ok(info) = &out {
        // The link is what the console says: the server sees this very session over TLS or not.
        let ssl: bool = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .persistent(false)
            .fetch_one(src.read_pool())
            .await
            .unwrap();
        assert_eq!(ssl, info.tls, "{url}");
    }
    src.close().await;
    out
}

fn status_line(info: DbInfo) -> String {
    let mut s = State::new("postgres://support@db.example.com/app", true, Keymap::default());
    s.conn = Conn::Ready(info);
    let mut t = Terminal::new(TestBackend::new(160, 1)).unwrap();
    t.draw(|f| {
        let area = f.area();
        switchboard::ui::views::status::render_status(&s, &Theme::from_name("mono"), f, area)
    })
    .unwrap();
    t.backend().to_string()
}

#[tokio::test]
async fn every_sslmode_against_a_server_with_a_self_signed_certificate() {
    let url = hostile_db("tls").await;
    let root = env_path("SWITCHBOARD_TEST_TLS_ROOT");

    let plain = detect(&url_with(&url, "127.0.0.1", "sslmode=disable"), None).await.unwrap();
    assert!(!plain.tls && !plain.tls_fallback);
    // prefer (also the default, with no sslmode) takes the TLS the server offers, without checking it.
    for q in ["sslmode=prefer", ""] {
        let i = detect(&url_with(&url, "127.0.0.1", q), None).await.unwrap();
        assert!(i.tls && !i.tls_fallback, "{q}: {i:?}");
    }
    let i = detect(&url_with(&url, "127.0.0.1", "sslmode=require"), None).await.unwrap();
    assert!(i.tls, "require");
    assert_eq!(i.dialect, Dialect::ServiceAi);
    // The root certificate in the URL, or from the profile (ssl_root_cert).
    for host in ["localhost", "127.0.0.1"] {
        for mode in ["verify-ca", "verify-full"] {
            let u = url_with(&url, host, &format!("sslmode={mode}&sslrootcert={root}"));
            assert!(detect(&u, None).await.unwrap().tls, "{mode} {host} with sslrootcert in the URL");
            let u = url_with(&url, host, &format!("sslmode={mode}"));
            assert!(detect(&u, Some(&root)).await.unwrap().tls, "{mode} {host} with the profile's root");
        }
    }
    assert!(status_line(i).contains("· TLS "));
}

#[tokio::test]
async fn a_certificate_that_does_not_verify_is_one_clear_line() {
    let url = hostile_db("tlsbad").await;
    let root = env_path("SWITCHBOARD_TEST_TLS_ROOT");
    let wrong = env_path("SWITCHBOARD_TEST_TLS_WRONG_ROOT");
    // Signed by another CA than the one trusted.
    for mode in ["verify-ca", "verify-full"] {
        let e = detect(&url_with(&url, "localhost", &format!("sslmode={mode}&sslrootcert={wrong}")), None)
            .await
            .unwrap_err();
        assert!(e.starts_with("TLS error: "), "{e}");
        assert!(e.contains("not signed by a trusted root"), "{mode}: {e}");
        assert!(!e.contains('\n'), "{e}");
    }
    // The right CA, but a host name the certificate does not carry (127.0.0.2 reaches the same server):
    // verify-full refuses, verify-ca (which checks only the chain) accepts.
    let e = detect(&url_with(&url, "127.0.0.2", &format!("sslmode=verify-full&sslrootcert={root}")), None)
        .await
        .unwrap_err();
    assert!(e.starts_with("TLS error: "), "{e}");
    assert!(e.contains("not valid for 127.0.0.2"), "{e}");
    assert!(!e.contains('\n'), "{e}");
    let i = detect(&url_with(&url, "127.0.0.2", &format!("sslmode=verify-ca&sslrootcert={root}")), None).await;
    assert!(i.unwrap().tls);
    // A root certificate file that is not there, in the URL or the profile: said before connecting.
    let u = url_with(&url, "localhost", "sslmode=verify-full&sslrootcert=/nonexistent/ca.crt");
    let e = Source::new(DbOptions::new(u)).err().unwrap();
    assert!(e.starts_with("cannot read the root certificate /nonexistent/ca.crt: "), "{e}");
    let mut opts = DbOptions::new(url_with(&url, "localhost", "sslmode=verify-full"));
    opts.ssl_root_cert = Some("/nonexistent/ca.crt".into());
    assert!(Source::new(opts).err().unwrap().starts_with("cannot read the root certificate /nonexistent/ca.crt: "));
}

#[tokio::test]
async fn prefer_falling_back_to_plaintext_is_visible() {
    let url = hostile_db("tlsprefer").await;
    // PgBouncer without client TLS answers "no" to the TLS request, like a server without TLS.
    let bouncer = PgBouncer::start(1);
    let via = bouncer.url(&db_name(&url), "sslmode=prefer&pgbouncer=true");
    let mut opts = DbOptions::new(&via);
    opts.connect_timeout_ms = 5_000;
    let src = Source::new(opts).unwrap();
    let info = src.detect(None).await.unwrap();
    assert!(!info.tls && info.tls_fallback, "{info:?}");
    src.close().await;
    assert!(status_line(info.clone()).contains("no TLS (prefer fell back)"), "{}", status_line(info));
    // Asked for plaintext, it is not a fallback.
    let src = Source::new(DbOptions::new(bouncer.url(&db_name(&url), "sslmode=disable&pgbouncer=true"))).unwrap();
    let info = src.detect(None).await.unwrap();
    assert!(!info.tls && !info.tls_fallback);
    assert!(!status_line(info).contains("fell back"));
    // require refuses the server outright.
    let src = Source::new(DbOptions::new(bouncer.url(&db_name(&url), "sslmode=require&pgbouncer=true"))).unwrap();
    let e = src.detect(None).await.unwrap_err();
    assert!(e.contains("server does not support TLS"), "{e}");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["check", "--url", &via])
        .env_remove("DATABASE_URL")
        .env_remove("SWITCHBOARD_PROFILE")
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env("SWITCHBOARD_LOG_DIR", std::env::temp_dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("tls         no (prefer fell back)"), "{stdout}");
    assert!(stdout.contains("pooler      transaction mode (pgbouncer=true in the URL)"), "{stdout}");
}
