//! The real binary in tmux when things go wrong: a private server stopped and started again and again during
//! one session, signals and panics (the shell in the pane must be usable afterwards), and resizing through
//! the "too small" screen and back.

mod common;

use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Tmux {
    /// Starts `switchboard ARGS` in a private tmux server. When it exits the pane prints its exit code, then
    /// reads a line from the terminal and prints it back: typed text only echoes and arrives if the console
    /// gave the terminal back (no raw mode).
    fn start(name: &str, args: &[&str], env: &[(&str, &str)], w: u16, h: u16) -> Tmux {
        let cmd = console_cmd(args, env) + "; echo EXITED $?; read line; echo \"GOT[$line]\"; sleep 600";
        Tmux::start_cmd(name, &cmd, w, h)
    }

    /// Runs a shell command line in a private tmux server's only pane.
    fn start_cmd(name: &str, cmd: &str, w: u16, h: u16) -> Tmux {
        let socket = format!("sb-res-{name}-{}", std::process::id());
        let ok = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d", "-x", &w.to_string(), "-y", &h.to_string()])
            .arg(cmd)
            .status()
            .expect("tmux is installed")
            .success();
        assert!(ok, "tmux new-session failed");
        Tmux { socket }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").args(["-L", &self.socket]).args(args).output().unwrap();
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn send(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", k]);
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    fn alternate_on(&self) -> bool {
        self.tmux(&["display-message", "-p", "#{alternate_on}"]).trim() == "1"
    }

    fn resize(&self, w: u16, h: u16) {
        self.tmux(&["resize-window", "-x", &w.to_string(), "-y", &h.to_string()]);
    }

    /// The console's process: the child of the pane's shell.
    fn console_pid(&self) -> u32 {
        let shell = self.tmux(&["display-message", "-p", "#{pane_pid}"]).trim().to_string();
        let start = Instant::now();
        loop {
            let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
            if let Some(pid) = children.split_whitespace().next() {
                return pid.parse().unwrap();
            }
            assert!(start.elapsed() < Duration::from_secs(10), "the console did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows every needle; panics with the screen after `secs`.
    fn wait_for(&self, needles: &[&str], secs: u64) -> String {
        self.wait_until(secs, &format!("{needles:?}"), |s| needles.iter().all(|n| s.contains(n)))
    }

    fn wait_until(&self, secs: u64, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("waited {secs}s for {what}; the screen shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// After the console exited: its code, the terminal out of the alternate screen, and typed text that
    /// echoes and reaches the shell.
    fn assert_shell_usable(&self, code: &str) -> String {
        let s = self.wait_for(&[&format!("EXITED {code}")], 15);
        assert!(!self.alternate_on(), "the pane is still in the alternate screen:\n{s}");
        self.type_text("typed back");
        self.send(&["Enter"]);
        self.wait_for(&["typed back", "GOT[typed back]"], 10)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).status();
    }
}

fn process_gone(pid: u32, secs: u64) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // Gone, or a zombie waiting for its parent.
        if state.is_empty() || state.split_whitespace().nth(2) == Some("Z") {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// User and system CPU time of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after_name.split_whitespace().collect();
    // Fields 14 and 15 of stat(5), counted from the state (field 3).
    f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
}

fn kill(pid: u32, signal: &str) {
    assert!(Command::new("kill").args([signal, &pid.to_string()]).status().unwrap().success());
}

fn temp_dir(name: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!("sb-res-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).unwrap();
    p
}

/// The shell words that run `switchboard ARGS` with the environment `env` (and no backtrace setting).
fn console_cmd(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = String::from("env -u RUST_BACKTRACE -u RUST_LIB_BACKTRACE SWITCHBOARD_CONFIG=/dev/null");
    for (k, v) in env {
        cmd += &format!(" {k}={}", sh_quote(v));
    }
    cmd += &format!(" {}", sh_quote(env!("CARGO_BIN_EXE_switchboard")));
    for a in args {
        cmd += &format!(" {}", sh_quote(a));
    }
    cmd
}

/// Everything in the log files of a directory.
fn logs_in(dir: &std::path::Path) -> String {
    std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect())
        .unwrap_or_default()
}

/// A dead address: the console starts, says it cannot connect, and keeps retrying.
const DEAD_URL: &str = "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable";

#[test]
fn sigterm_sighup_and_ctrl_c_give_the_terminal_back() {
    let tmp = temp_dir("signals");
    let log = tmp.join("log").display().to_string();
    for (name, how, code) in [("term", "-TERM", "0"), ("hup", "-HUP", "0"), ("int", "-INT", "0"), ("ctrlc", "C-c", "0")]
    {
        let t = Tmux::start(name, &["--url", DEAD_URL], &[("SWITCHBOARD_LOG_DIR", &log)], 100, 30);
        t.wait_for(&["Organizations", "RO"], 30);
        assert!(t.alternate_on(), "the console runs in the alternate screen");
        let pid = t.console_pid();
        if how.starts_with('-') {
            kill(pid, how);
        } else {
            t.send(&[how]);
        }
        let s = t.assert_shell_usable(code);
        assert!(!s.contains("panicked"), "{name}:\n{s}");
        assert!(process_gone(pid, 5), "{name}: the console is still running");
    }
    // A dropped SSH link: the terminal itself goes away (tmux closes the pty and hangs up).
    let t = Tmux::start("drop", &["--url", DEAD_URL], &[("SWITCHBOARD_LOG_DIR", &log)], 100, 30);
    t.wait_for(&["Organizations", "RO"], 30);
    let pid = t.console_pid();
    drop(t);
    assert!(process_gone(pid, 5), "the console outlived its terminal");
    let logs = logs_in(&tmp.join("log"));
    assert!(!logs.contains("panic"), "no panic in the log:\n{logs}");
    let _ = std::fs::remove_dir_all(&tmp);
}

/// The terminal goes away under a console (a dropped SSH link, a killed tmux): the console ends by itself,
/// at once, with status 0 and no panic in its log, whether or not the hangup signal reaches it and whether
/// it is busy retrying a dead server or idle on a live one. The kernel sends SIGHUP to the session leader
/// only: here a shell that survives it (`trap`, so it can write the console's status down) and so never
/// passes it on, or one that dies of it.
#[tokio::test(flavor = "multi_thread")]
async fn a_terminal_that_goes_away_ends_the_console_cleanly() {
    let url = common::hostile_db("hangup").await;
    let tmp = temp_dir("hangup");
    let log_dir = tmp.join("log");
    let log = log_dir.display().to_string();
    let cases = [
        ("idle-kill-session", url.as_str(), "Organizations (3 of 3)", true, "kill-session"),
        ("idle-kill-server", url.as_str(), "Organizations (3 of 3)", true, "kill-server"),
        ("dead-kill-session", DEAD_URL, "Organizations", true, "kill-session"),
        ("idle-shell-dies", url.as_str(), "Organizations (3 of 3)", false, "kill-server"),
    ];
    for (name, db, shown, shell_survives, how) in cases {
        let code_file = tmp.join(format!("{name}.code"));
        let console = console_cmd(&["--url", db], &[("SWITCHBOARD_LOG_DIR", &log)]);
        let cmd = if shell_survives {
            format!("trap : HUP; {console}; echo $? > {}", sh_quote(&code_file.display().to_string()))
        } else {
            // Not the last word, so the shell does not exec the console but waits for it.
            format!("{console}; echo EXITED $?")
        };
        let t = Tmux::start_cmd(name, &cmd, 100, 30);
        t.wait_for(&[shown], 30);
        let pid = t.console_pid();
        // Idle: nothing on the screen changes from here on, so nothing is drawn that could fail.
        std::thread::sleep(Duration::from_millis(500));
        let gone_at = Instant::now();
        let _ = Command::new("tmux").args(["-L", &t.socket, how]).status();
        assert!(process_gone(pid, 5), "{name}: the console outlived its terminal");
        println!("{name}: the console ended {:.2} s after its terminal", gone_at.elapsed().as_secs_f64());
        if shell_survives {
            let start = Instant::now();
            let code = loop {
                match std::fs::read_to_string(&code_file) {
                    Ok(c) if !c.is_empty() => break c,
                    _ if start.elapsed() > Duration::from_secs(5) => panic!("{name}: the shell wrote no status"),
                    _ => std::thread::sleep(Duration::from_millis(50)),
                }
            };
            assert_eq!(code.trim(), "0", "{name}: the console's status");
        }
        drop(t);
    }
    let logs = logs_in(&log_dir);
    assert!(!logs.contains("panic"), "no panic in the log:\n{logs}");
    assert!(logs.contains("hung up; leaving"), "the log says why the console left:\n{logs}");
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let tmp = temp_dir("panic");
    let log = tmp.join("log").display().to_string();
    // In the event loop: the process ends with Rust's panic exit code.
    let t = Tmux::start(
        "panic-loop",
        &["--url", DEAD_URL],
        &[("SWITCHBOARD_LOG_DIR", &log), ("SWITCHBOARD_PANIC_AFTER_START", "1")],
        100,
        30,
    );
    let s = t.assert_shell_usable("101");
    assert!(s.contains("switchboard: internal error (a bug), the terminal was restored"), "{s}");
    assert!(s.contains("a deliberate panic in the event loop"), "{s}");
    assert!(!s.contains("stack backtrace"), "no backtrace unless asked for:\n{s}");
    // In a task, which tokio would swallow: the console stops instead of drawing on a restored terminal.
    let t = Tmux::start(
        "panic-task",
        &["--url", DEAD_URL],
        &[("SWITCHBOARD_LOG_DIR", &log), ("SWITCHBOARD_PANIC_AFTER_START", "task")],
        100,
        30,
    );
    let s = t.assert_shell_usable("1");
    assert!(s.contains("a deliberate panic in a task"), "{s}");
    assert!(s.contains("switchboard: the console stopped: an internal task failed"), "{s}");
    let _ = std::fs::remove_dir_all(&tmp);
}

/// The first line of the screen (a frame's top edge) spans the whole width: what was drawn fits the size.
fn assert_fills(s: &str, w: u16, h: u16) {
    let lines: Vec<&str> = s.lines().collect();
    let top = lines.first().copied().unwrap_or("");
    assert!(top.starts_with('┌') && top.ends_with('┐'), "{w}x{h}: a frame's top edge first:\n{s}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(top), w as usize, "{w}x{h}:\n{s}");
    assert!(lines.len() <= h as usize, "{w}x{h}:\n{s}");
}

#[tokio::test(flavor = "multi_thread")]
async fn resizing_at_any_time_through_too_small_and_back() {
    let url = common::hostile_db("resize").await;
    let tmp = temp_dir("resize");
    let log = tmp.join("log").display().to_string();
    let t = Tmux::start("resize", &["--url", &url], &[("SWITCHBOARD_LOG_DIR", &log)], 120, 40);
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text("acme");
    t.send(&["Enter"]);
    t.wait_for(&["Acme Plumbing · calls, newest first · page 1"], 15);
    for (w, h) in [(80, 24), (50, 12), (59, 16), (60, 15), (60, 16), (200, 60), (30, 5), (81, 25), (120, 40)] {
        t.resize(w, h);
        let too_small = w < 60 || h < 16;
        if too_small {
            let s = t.wait_for(&["Terminal too small", &format!("{w}×{h}, needs at least 60×16")], 10);
            assert!(!s.contains("Acme Plumbing"), "{w}x{h}: nothing else is drawn:\n{s}");
        } else {
            // A capture can catch a frame half written: wait for the whole of it (the top edge at the full
            // width, the status bar and the key hints on the last two rows).
            let s = t.wait_until(10, &format!("the call list at {w}x{h}"), |s| {
                let rows: Vec<&str> = s.lines().collect();
                s.contains("Acme Plumbing")
                    && !s.contains("too small")
                    && rows.first().is_some_and(|l| unicode_width::UnicodeWidthStr::width(*l) == w as usize)
                    && rows.len() >= 2
                    && rows[rows.len() - 2].contains("● connected")
                    && rows[rows.len() - 1].contains("j down")
            });
            assert_fills(&s, w, h);
            // The status bar and the key hints are on the last two rows.
            let rows: Vec<&str> = s.lines().collect();
            let n = rows.len();
            assert!(n >= 2 && rows[n - 2].contains("● connected"), "{w}x{h}: the status bar:\n{s}");
            assert!(rows[n - 1].contains("j down"), "{w}x{h}: the key hints:\n{s}");
        }
        // Keys work at every size, including while too small.
        t.send(&["j"]);
    }
    // An idle console with a live link sleeps: no ticks, no redraws.
    let pid = t.console_pid();
    std::thread::sleep(Duration::from_millis(500));
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(3));
    let used = cpu_ticks(pid) - before;
    println!("idle console: {used} CPU ticks (1/100 s) in 3 s");
    assert!(used <= 10, "an idle console used {used} ticks of CPU in 3 s");
    // The list still pages after all that.
    t.send(&["PageDown"]);
    t.wait_for(&["page 2"], 10);
    t.send(&["q"]);
    t.assert_shell_usable("0");
    let _ = std::fs::remove_dir_all(&tmp);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_statement_timeout_on_a_live_server_is_not_a_lost_link() {
    use sqlx::Connection;
    let url = common::hostile_db("timeout").await;
    let tmp = temp_dir("timeout");
    let log = tmp.join("log").display().to_string();
    let t = Tmux::start(
        "timeout",
        &["--url", &url, "--statement-timeout-ms", "400"],
        &[("SWITCHBOARD_LOG_DIR", &log)],
        120,
        40,
    );
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text("acme");
    t.send(&["Enter"]);
    t.wait_for(&["Acme Plumbing · calls, newest first · page 1", "2026-02-01 05:00"], 15);
    // Another session holds a lock the call list must wait for: the console's read runs past its timeout.
    let mut locker = sqlx::PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql("BEGIN; LOCK TABLE call_logs IN ACCESS EXCLUSIVE MODE").execute(&mut locker).await.unwrap();
    t.send(&["r"]);
    let s = t.wait_for(&["statement timeout"], 15);
    assert!(s.contains("2026-02-01 05:00"), "the last page stays:\n{s}");
    // The ping that follows finds the server answering: no banner, now or after the ping's time.
    std::thread::sleep(Duration::from_millis(2500));
    let s = t.screen();
    assert!(!s.contains("CONNECTION LOST"), "a statement timeout passed for a lost link:\n{s}");
    assert!(s.contains("● connected"), "{s}");
    sqlx::raw_sql("COMMIT").execute(&mut locker).await.unwrap();
    t.send(&["r"]);
    t.wait_until(15, "the page read again", |s| !s.contains("statement timeout") && s.contains("2026-02-01 05:00"));
    t.send(&["q"]);
    t.assert_shell_usable("0");
    let _ = std::fs::remove_dir_all(&tmp);
}

// ---- a private server stopped and started during one session ----

/// A private PostgreSQL this test may stop and start (never the shared test server), always on one port.
struct Server {
    inner: Option<switchboard::demo::server::PrivateServer>,
    pg_ctl: PathBuf,
    dir: PathBuf,
    port: String,
}

impl Server {
    fn start(name: &str) -> Server {
        let bins = switchboard::demo::server::find_binaries().expect("PostgreSQL server binaries");
        let dir = switchboard::demo::server::server_base_dir().join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let inner = switchboard::demo::server::PrivateServer::start(&bins, &dir).expect("a private server");
        let port = inner.url.split(':').nth(2).unwrap().split('/').next().unwrap().to_string();
        Server { inner: Some(inner), pg_ctl: bins.pg_ctl, dir, port }
    }

    /// pg_ctl as the owner of the cluster (`nobody` when the tests run as root).
    fn pg_ctl(&self, args: &[&str]) {
        let data = self.dir.join("pgdata");
        let owner = std::fs::metadata(&data).unwrap();
        let me = std::fs::metadata("/proc/self").unwrap();
        let mut cmd = Command::new(&self.pg_ctl);
        cmd.arg("-D").arg(&data).args(args).stdin(std::process::Stdio::null());
        if owner.uid() != me.uid() {
            cmd.uid(owner.uid()).gid(owner.gid());
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "pg_ctl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn stop(&self) {
        self.pg_ctl(&["-m", "fast", "-w", "stop"]);
    }

    fn start_again(&self) {
        let log = self.dir.join("server.log");
        let opts = format!("-k {} -p {} -c listen_addresses=127.0.0.1 -c fsync=off", self.dir.display(), self.port);
        self.pg_ctl(&["-l", log.to_str().unwrap(), "-w", "-t", "60", "-o", &opts, "start"]);
    }

    fn url(&self) -> &str {
        &self.inner.as_ref().unwrap().url
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // The private server stops whatever runs on its cluster when it drops; then the cluster goes.
        drop(self.inner.take());
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_console_rides_out_server_restarts_and_recovers_by_itself() {
    const RESTARTS: usize = 10;
    let srv = Server::start("restarts");
    switchboard::demo::load_scripts(
        srv.url(),
        &[switchboard::demo::schema_sql(switchboard::core::model::Dialect::ServiceAi), common::HOSTILE],
    )
    .await
    .unwrap();
    let tmp = temp_dir("restarts");
    let log_dir = tmp.join("log");
    let log = log_dir.display().to_string();
    let t = Tmux::start("restarts", &["--url", srv.url()], &[("SWITCHBOARD_LOG_DIR", &log)], 120, 40);
    t.wait_for(&["Organizations (3 of 3)"], 30);
    t.type_text("acme");
    t.send(&["Enter"]);
    t.wait_for(&["Acme Plumbing · calls, newest first · page 1", "2026-02-01 05:00"], 15);

    let mut detect = Vec::new();
    let mut recover = Vec::new();
    for round in 1..=RESTARTS {
        srv.stop();
        let stopped = Instant::now();
        // The console finds out with its next query (here a reload; elsewhere a refresh or a key).
        t.send(&["r"]);
        let s = t.wait_for(&["CONNECTION LOST since", "data is stale"], 30);
        detect.push(stopped.elapsed().as_secs_f64());
        assert!(
            s.contains("Acme Plumbing · calls, newest first") && s.contains("2026-02-01 05:00"),
            "round {round}: the last page stays on screen:\n{s}"
        );
        // Keys are answered while the server is down: the help opens and closes, the selection moves.
        t.send(&["?"]);
        t.wait_for(&["Keys", "CONNECTION LOST"], 10);
        t.send(&["Escape"]);
        t.wait_until(10, "the help to close", |s| !s.contains("Keys") && s.contains("Acme Plumbing · calls"));
        t.send(&["j"]);
        t.wait_until(10, "the selection to move", |s| {
            s.lines().nth(3).is_some_and(|l| l.contains('▶')) || s.lines().nth(4).is_some_and(|l| l.contains('▶'))
        });
        let s = t.wait_for(&["retry #"], 10);
        assert!(s.contains("CONNECTION LOST"), "{s}");

        srv.start_again();
        let started = Instant::now();
        // No key is pressed: the console retries by itself, the banner goes and the list is read again.
        let s = t.wait_until(30, "recovery", |s| !s.contains("CONNECTION LOST") && s.contains("connection restored"));
        recover.push(started.elapsed().as_secs_f64());
        assert!(s.contains("Acme Plumbing · calls, newest first · page 1"), "round {round}:\n{s}");
        assert!(!s.contains("EXITED"), "round {round}: the console exited:\n{s}");
    }
    t.send(&["q"]);
    t.assert_shell_usable("0");

    let logs: String = std::fs::read_dir(&log_dir)
        .map(|d| d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect())
        .unwrap_or_default();
    let panics = logs.matches("panic").count();
    assert_eq!(panics, 0, "no panic in the log:\n{logs}");
    let max = |v: &[f64]| v.iter().cloned().fold(0.0, f64::max);
    let (dmax, rmax) = (max(&detect), max(&recover));
    let (dmed, rmed) = (median(&mut detect.clone()), median(&mut recover.clone()));
    println!(
        "{RESTARTS} server restarts in one session: {panics} panics; lost link shown {dmed:.1} s median ({dmax:.1} s max) \
         after the stop; recovered without a key {rmed:.2} s median ({rmax:.2} s max) after the server was back"
    );
    // Sanity bounds only: retries are at most 8 s apart, a ping takes at most 2 s.
    assert!(rmax < 15.0, "recovery took {rmax:.1} s");
    drop(t);
    drop(srv);
    let _ = std::fs::remove_dir_all(&tmp);
}
