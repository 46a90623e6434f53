//! The demo database: the ServiceAI schema with generated data, on embedded PostgreSQL (PGlite, nothing
//! to install) or on a private server started from the system's PostgreSQL binaries (`--server`).

pub mod server;

use std::fs::File;
use std::path::{Path, PathBuf};

use sqlx::{AssertSqlSafe, Connection, PgConnection};

use crate::core::model::Dialect;

/// The DDL of a platform, faithful to its seed document.
pub fn schema_sql(d: Dialect) -> &'static str {
    crate::data::dialects::platform(d).schema_ddl
}

/// The demo data generator of a platform (set-based SQL, run once after the schema).
pub fn demo_sql(d: Dialect) -> &'static str {
    crate::data::dialects::platform(d).demo_data
}

/// Where demo databases live: SWITCHBOARD_DATA_DIR, else the user's data directory.
pub fn data_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("SWITCHBOARD_DATA_DIR") {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("dev", "switchboard", "switchboard")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("switchboard"))
}

/// A running demo database; dropping it stops the database.
pub struct Demo {
    pub url: String,
    pub label: String,
    /// Connections the database takes at once (PGlite has one backend).
    pub max_connections: u32,
    _lock: File,
    backend: Backend,
}

enum Backend {
    Embedded(Option<pglite_oxide::PgliteServer>),
    Server(server::PrivateServer),
}

impl Drop for Demo {
    fn drop(&mut self) {
        match &mut self.backend {
            Backend::Embedded(s) => {
                if let Some(s) = s.take() {
                    let _ = s.shutdown();
                }
            }
            Backend::Server(s) => s.stop(),
        }
    }
}

/// Takes the demo's lock so that a second console gets a clear message instead of a hang.
fn lock(dir: &Path, what: &str) -> Result<File, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(format!("{what}.lock"));
    let f = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(_) => Err(format!(
            "another Switchboard console is using this demo database ({}); close it first",
            dir.join(what).display()
        )),
    }
}

fn reset_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    Ok(())
}

/// Opens (creating and loading it on first use) the embedded demo database.
pub async fn embedded(dialect: Dialect, reset: bool) -> Result<Demo, String> {
    let base = data_dir().join("demo");
    let name = format!("{}-embedded", dialect.name());
    let lock = lock(&base, &name)?;
    let dir = base.join(&name);
    let marker = base.join(format!("{name}.loaded"));
    if reset || !marker.exists() {
        let _ = std::fs::remove_file(&marker);
        reset_dir(&dir)?;
    }
    let root = dir.clone();
    let server = tokio::task::spawn_blocking(move || pglite_oxide::PgliteServer::builder().path(root).start())
        .await
        .map_err(|e| format!("embedded PostgreSQL did not start: {e}"))?
        .map_err(|e| format!("embedded PostgreSQL did not start: {e:#}"))?;
    let url = server.database_url();
    let demo = Demo {
        url: url.clone(),
        label: format!("demo {} (embedded PostgreSQL)", dialect.name()),
        max_connections: 1,
        _lock: lock,
        backend: Backend::Embedded(Some(server)),
    };
    if !marker.exists() {
        load(&url, dialect).await?;
        std::fs::write(&marker, b"loaded\n").map_err(|e| format!("cannot write {}: {e}", marker.display()))?;
    }
    Ok(demo)
}

/// Opens the demo on a private server run from the system's PostgreSQL binaries.
pub async fn private_server(dialect: Dialect, reset: bool) -> Result<Demo, String> {
    let bins = server::find_binaries().ok_or_else(|| {
        "no PostgreSQL server binaries found (initdb, pg_ctl on PATH or in /usr/lib/postgresql/*/bin): \
         install them (Debian/Ubuntu: apt-get install postgresql), or run `switchboard demo` without --server"
            .to_string()
    })?;
    let base = server::server_base_dir().join("demo");
    let name = format!("{}-server", dialect.name());
    let lock = lock(&base, &name)?;
    let dir = base.join(&name);
    let marker = base.join(format!("{name}.loaded"));
    if reset || !marker.exists() {
        let _ = std::fs::remove_file(&marker);
        reset_dir(&dir)?;
    }
    let srv = tokio::task::spawn_blocking(move || server::PrivateServer::start(&bins, &dir))
        .await
        .map_err(|e| format!("PostgreSQL did not start: {e}"))??;
    let url = srv.url.clone();
    let demo = Demo {
        url: url.clone(),
        label: format!("demo {} (private PostgreSQL {})", dialect.name(), srv.version),
        max_connections: 4,
        _lock: lock,
        backend: Backend::Server(srv),
    };
    if !marker.exists() {
        load(&url, dialect).await?;
        std::fs::write(&marker, b"loaded\n").map_err(|e| format!("cannot write {}: {e}", marker.display()))?;
    }
    Ok(demo)
}

/// Loads a dialect's schema and demo data into an empty database.
pub async fn load(url: &str, dialect: Dialect) -> Result<(), String> {
    load_scripts(url, &[schema_sql(dialect), demo_sql(dialect)]).await
}

/// Runs SQL scripts (the console's own files) on one connection, in order.
pub async fn load_scripts(url: &str, scripts: &[&str]) -> Result<(), String> {
    let mut conn = PgConnection::connect(url).await.map_err(|e| crate::data::pool::describe_error(&e))?;
    for script in scripts {
        sqlx::raw_sql(AssertSqlSafe(*script))
            .execute(&mut conn)
            .await
            .map_err(|e| format!("loading the demo data failed: {}", crate::data::pool::describe_error(&e)))?;
    }
    conn.close().await.map_err(|e| crate::data::pool::describe_error(&e))?;
    Ok(())
}
