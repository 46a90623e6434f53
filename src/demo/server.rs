//! A private PostgreSQL server from the system's binaries, for `demo --server` and the tests. As root it
//! runs as the unprivileged user `nobody`, since initdb refuses to run as root.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Binaries {
    pub initdb: PathBuf,
    pub pg_ctl: PathBuf,
}

/// initdb and pg_ctl from PATH, else the newest /usr/lib/postgresql/<version>/bin.
pub fn find_binaries() -> Option<Binaries> {
    let on_path = |name: &str| -> Option<PathBuf> {
        std::env::var_os("PATH")
            .into_iter()
            .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    };
    if let (Some(initdb), Some(pg_ctl)) = (on_path("initdb"), on_path("pg_ctl")) {
        return Some(Binaries { initdb, pg_ctl });
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            (bin.join("initdb").is_file() && bin.join("pg_ctl").is_file()).then_some((v, bin))
        })
        .collect();
    versions.sort();
    let (_, bin) = versions.pop()?;
    Some(Binaries { initdb: bin.join("initdb"), pg_ctl: bin.join("pg_ctl") })
}

fn is_root() -> bool {
    // /proc/self belongs to the effective user of this process.
    std::fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0).unwrap_or(false)
}

/// uid and gid of `nobody`, from /etc/passwd.
fn nobody() -> Option<(u32, u32)> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.first() == Some(&"nobody") && f.len() > 3).then(|| Some((f[2].parse().ok()?, f[3].parse().ok()?)))?
    })
}

/// Where server data lives: the user's data dir, or (as root, whose home `nobody` cannot enter) a
/// directory under the system temp dir.
pub fn server_base_dir() -> PathBuf {
    if is_root() { std::env::temp_dir().join("switchboard-root") } else { super::data_dir() }
}

pub struct PrivateServer {
    pub url: String,
    pub version: String,
    pg_ctl: PathBuf,
    data: PathBuf,
    run_as: Option<(u32, u32)>,
    stopped: bool,
}

fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}

fn run(cmd: &mut Command, run_as: Option<(u32, u32)>, what: &str) -> Result<String, String> {
    if let Some((uid, gid)) = run_as {
        cmd.uid(uid).gid(gid);
    }
    let out = cmd.stdin(Stdio::null()).output().map_err(|e| format!("{what}: cannot run: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("{what} failed: {}", String::from_utf8_lossy(&out.stderr).trim()))
    }
}

fn chown_tree(path: &Path, uid: u32, gid: u32) -> Result<(), String> {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).map_err(|e| format!("chown {}: {e}", path.display()))
}

impl PrivateServer {
    /// Creates the cluster in `dir` when it does not exist yet, and starts it on a free local port.
    pub fn start(bins: &Binaries, dir: &Path) -> Result<PrivateServer, String> {
        let run_as = if is_root() {
            Some(nobody().ok_or("running as root and there is no `nobody` user to run PostgreSQL as")?)
        } else {
            None
        };
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        if let Some((uid, gid)) = run_as {
            // Every directory above must be enterable; ours are made here.
            let mut p = dir.to_path_buf();
            while p.starts_with(std::env::temp_dir()) && p != std::env::temp_dir() {
                chown_tree(&p, uid, gid)?;
                if !p.pop() {
                    break;
                }
            }
        }
        let data = dir.join("pgdata");
        if !data.join("PG_VERSION").exists() {
            run(
                Command::new(&bins.initdb).arg("-D").arg(&data).args([
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]),
                run_as,
                "initdb",
            )?;
        }
        if data.join("postmaster.pid").exists() {
            // Left over from a console that did not stop it: stop it first.
            let _ = run(
                Command::new(&bins.pg_ctl).arg("-D").arg(&data).args(["-m", "immediate", "stop"]),
                run_as,
                "pg_ctl stop",
            );
        }
        let port = free_port()?;
        let opts = format!("-k {} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off", dir.display());
        run(
            Command::new(&bins.pg_ctl)
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(dir.join("server.log"))
                .args(["-w", "-t", "60", "-o", &opts, "start"]),
            run_as,
            "pg_ctl start",
        )?;
        let version = std::fs::read_to_string(data.join("PG_VERSION")).unwrap_or_default().trim().to_string();
        Ok(PrivateServer {
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres?sslmode=disable"),
            version,
            pg_ctl: bins.pg_ctl.clone(),
            data,
            run_as,
            stopped: false,
        })
    }

    pub fn stop(&mut self) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        let _ = run(
            Command::new(&self.pg_ctl).arg("-D").arg(&self.data).args(["-m", "fast", "-w", "stop"]),
            self.run_as,
            "pg_ctl stop",
        );
    }
}

impl Drop for PrivateServer {
    fn drop(&mut self) {
        self.stop();
    }
}
