//! A real PgBouncer in transaction mode in front of the test server, for the pooler and TLS tests.
//! `scripts/test` does not start it: each test that needs one starts its own (on a free port) and stops it
//! when dropped. PgBouncer refuses to run as root, so under root it runs as `nobody` (`runuser`).
#![allow(dead_code)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub struct PgBouncer {
    child: Child,
    pub port: u16,
    dir: PathBuf,
}

fn binary() -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join("pgbouncer")).collect::<Vec<_>>())
        .unwrap_or_default();
    on_path
        .into_iter()
        .chain([PathBuf::from("/usr/sbin/pgbouncer"), PathBuf::from("/usr/bin/pgbouncer")])
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "pgbouncer not found: the pooler tests need a real PgBouncer (apt-get install pgbouncer; .ci/run \
                 installs it)"
            )
        })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl PgBouncer {
    /// Starts PgBouncer with `pool_mode = transaction` and `default_pool_size` server connections per
    /// database, in front of the server of `SWITCHBOARD_TEST_URL`, serving every database on it (`*`).
    /// No client TLS, and the stock `ignore_startup_parameters` (none).
    pub fn start(pool_size: u32) -> PgBouncer {
        PgBouncer::start_with(pool_size, "transaction", "")
    }

    /// Like [`PgBouncer::start`] with another `pool_mode` and more `[pgbouncer]` settings (lines of the
    /// ini file, e.g. "ignore_startup_parameters = extra_float_digits\n").
    pub fn start_with(pool_size: u32, mode: &str, settings: &str) -> PgBouncer {
        let bin = binary();
        let admin = crate::common::admin_url();
        let server_port: u16 = admin
            .split('@')
            .nth(1)
            .and_then(|h| h.split('/').next())
            .and_then(|h| h.rsplit(':').next())
            .and_then(|p| p.parse().ok())
            .expect("SWITCHBOARD_TEST_URL names a port");
        let dir = std::env::temp_dir().join(format!(
            "sb-pgbouncer-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        // Readable by nobody; PgBouncer writes nothing there (its log goes to stderr, which we hold).
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let port = free_port();
        std::fs::write(dir.join("users.txt"), "\"postgres\" \"\"\n").unwrap();
        std::fs::write(
            dir.join("pgbouncer.ini"),
            format!(
                "[databases]\n* = host=127.0.0.1 port={server_port}\n\n[pgbouncer]\nlisten_addr = 127.0.0.1\n\
                 listen_port = {port}\nunix_socket_dir =\nauth_type = trust\nauth_file = {users}\n\
                 pool_mode = {mode}\ndefault_pool_size = {pool_size}\nmax_client_conn = 500\n\
                 server_tls_sslmode = disable\n{settings}",
                users = dir.join("users.txt").display()
            ),
        )
        .unwrap();
        for f in ["users.txt", "pgbouncer.ini"] {
            std::fs::set_permissions(dir.join(f), std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        let log = std::fs::File::create(dir.join("pgbouncer.log")).unwrap();
        let root = std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false);
        let mut cmd = if root {
            let mut c = Command::new("runuser");
            c.args(["-u", "nobody", "--"]).arg(&bin);
            c
        } else {
            Command::new(&bin)
        };
        let child = cmd
            .arg(dir.join("pgbouncer.ini"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let mut b = PgBouncer { child, port, dir };
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = b.child.try_wait() {
                panic!("pgbouncer exited at start ({status}): {}", b.log());
            }
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "pgbouncer did not listen: {}", b.log());
            std::thread::sleep(Duration::from_millis(20));
        }
        b
    }

    /// The URL of database `db` through PgBouncer, with `query` (e.g. "sslmode=disable").
    pub fn url(&self, db: &str, query: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}?{query}", self.port)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("pgbouncer.log")).unwrap_or_default()
    }
}

impl Drop for PgBouncer {
    fn drop(&mut self) {
        // SIGTERM: runuser passes it on to PgBouncer and waits for it.
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                let _ = std::fs::remove_dir_all(&self.dir);
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The database name of a test URL.
pub fn db_name(url: &str) -> String {
    url.rsplit('/').next().unwrap().split('?').next().unwrap().to_string()
}
