//! The real binary in a private tmux server, for the end-to-end tests.

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    /// The private tmux server's socket name (`tmux -L`).
    pub socket: String,
}

fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Tmux {
    /// Starts `switchboard ARGS` in a private tmux server of `w`×`h`; when it exits, the pane shows
    /// "EXITED <code>".
    pub fn start(name: &str, args: &[&str], env: &[(&str, &str)], w: u16, h: u16) -> Tmux {
        let socket = format!("sb-{name}-{}", std::process::id());
        let mut cmd = String::from("env");
        for (k, v) in env {
            cmd += &format!(" {k}={}", sh_quote(v));
        }
        cmd += &format!(" {}", sh_quote(env!("CARGO_BIN_EXE_switchboard")));
        for a in args {
            cmd += &format!(" {}", sh_quote(a));
        }
        cmd += "; echo EXITED $?; sleep 600";
        let ok = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d", "-x", &w.to_string(), "-y", &h.to_string()])
            .arg(cmd)
            .status()
            .expect("tmux is installed")
            .success();
        assert!(ok, "tmux new-session failed");
        Tmux { socket }
    }

    /// Sends each key in a `send-keys` call of its own (Escape must go alone, or tmux merges it with the
    /// next key into Alt).
    pub fn send(&self, keys: &[&str]) {
        for k in keys {
            let ok = Command::new("tmux").args(["-L", &self.socket, "send-keys", k]).status().unwrap().success();
            assert!(ok);
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Sends keys in one `send-keys` call: they reach the console in one read, as a held key does.
    pub fn send_at_once(&self, keys: &[&str]) {
        let ok = Command::new("tmux").args(["-L", &self.socket, "send-keys"]).args(keys).status().unwrap().success();
        assert!(ok);
    }

    pub fn type_text(&self, text: &str) {
        Command::new("tmux").args(["-L", &self.socket, "send-keys", "-l", text]).status().unwrap();
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux").args(["-L", &self.socket, "capture-pane", "-p"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn title(&self) -> String {
        let out =
            Command::new("tmux").args(["-L", &self.socket, "display-message", "-p", "#{pane_title}"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen shows every needle; panics with the screen after `secs`.
    pub fn wait_for(&self, needles: &[&str], secs: u64) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if needles.iter().all(|n| s.contains(n)) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("waited {secs}s for {needles:?}; the screen shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until nothing is loading and the screen stays the same for a moment; returns it.
    pub fn settle(&self, secs: u64) -> String {
        let start = Instant::now();
        let mut last = String::new();
        let mut same = 0;
        loop {
            let s = self.screen();
            same = if s == last && !s.contains("loading…") { same + 1 } else { 0 };
            if same >= 5 {
                return s;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("the screen did not settle in {secs}s; it shows:\n{s}");
            }
            last = s;
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).status();
    }
}
