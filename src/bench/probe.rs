//! Whole-process measurements: `export` against `psql -c`, an idle console's CPU time (the real binary in
//! tmux), and the peak RSS of a process that pages through every call and opens 100 transcripts.

use std::process::{Command as Proc, ExitCode, Stdio};
use std::time::{Duration, Instant};

use super::console::Console;
use super::measure::ProbeTarget;
use super::{BenchArgs, Report, Stat, Unit};
use crate::core::action::Action;
use crate::core::keymap::Command;
use crate::core::model::{Anchor, Cursor, Dialect, Key};
use crate::data::{DbOptions, Source};

pub(super) fn bin(args: &BenchArgs) -> Result<std::path::PathBuf, String> {
    match &args.bin {
        Some(b) => Ok(b.clone()),
        None => std::env::current_exe().map_err(|e| e.to_string()),
    }
}

pub(super) fn log_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("sb-bench-logs-{}", std::process::id()))
}

fn wall(cmd: &mut Proc) -> Result<f64, String> {
    let s = Instant::now();
    let st =
        cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped()).output().map_err(|e| e.to_string())?;
    let t = s.elapsed().as_secs_f64() * 1000.0;
    if !st.status.success() {
        return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&st.stderr).trim()));
    }
    Ok(t)
}

/// utime + stime of a process, in seconds (USER_HZ is 100 on Linux).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

fn status_kb(pid: &str, field: &str) -> Option<f64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines().find_map(|l| l.strip_prefix(field)?.trim().strip_suffix("kB")?.trim().parse().ok())
}

/// `switchboard export calls --org ORG --limit 50` and `psql -c` of the same page, each run as a whole
/// process `n` times (after two warm-ups, alternating): their wall times in ms.
pub(crate) fn export_vs_psql(
    exe: &std::path::Path,
    logs: &std::path::Path,
    n: usize,
    url: &str,
    org: &str,
    first_page_sql: &str,
) -> Result<(Vec<f64>, Vec<f64>), String> {
    let mut e = Vec::new();
    let mut p = Vec::new();
    for i in 0..n + 2 {
        let te = wall(
            Proc::new(exe)
                .args(["--url", url, "export", "calls", "--org", org, "--limit", "50"])
                .env("SWITCHBOARD_LOG_DIR", logs),
        )?;
        let tp =
            wall(Proc::new("psql").args(["-X", "-q", "-A", "-t", "-o", "/dev/null", "-d", url, "-c", first_page_sql]))?;
        if i >= 2 {
            e.push(te);
            p.push(tp);
        }
    }
    Ok((e, p))
}

pub(crate) async fn process_parts(
    rep: &mut Report,
    runs: usize,
    args: &BenchArgs,
    t: ProbeTarget<'_>,
    first_page_sql: &str,
) -> Result<(), String> {
    let exe = bin(args)?;
    let logs = log_dir();
    let _ = std::fs::create_dir_all(&logs);
    // export calls --limit 50 vs psql -c, whole processes.
    let org = t.org.to_string();
    let (e, p) = export_vs_psql(&exe, &logs, runs.clamp(3, 30), t.url, &org, first_page_sql)?;
    rep.push("serviceai `switchboard export calls --limit 50` (whole process)", None, Unit::Ms, e, "");
    rep.push("serviceai `psql -c` of the same page (whole process)", None, Unit::Ms, p, "");
    rep.ratio_of(
        "export calls --limit 50 / psql -c (whole process)",
        "serviceai `switchboard export",
        "serviceai `psql -c`",
        Some((false, 1.0)),
    );

    // Idle console: the real binary in tmux at 240×70, on the big org's call list.
    let idle = args.idle_secs.unwrap_or(if args.quick { 0 } else { 60 });
    if idle > 0 {
        match idle_cpu(&exe, t.url, idle, &logs) {
            Ok((cpu, hwm)) => {
                rep.push(
                    format!("idle console for {idle} s: CPU time"),
                    Some((Stat::P50, 0.05 * idle as f64 / 60.0)),
                    Unit::Seconds,
                    vec![cpu],
                    "",
                );
                rep.notes.push(format!(
                    "idle console: peak RSS {:.1} MB (org switcher → call list, then idle)",
                    hwm / 1024.0
                ));
            }
            Err(e) => rep.notes.push(format!("idle console not measured: {e}")),
        }
    }

    // Peak RSS after paging every call and opening 100 transcripts, in a fresh process.
    let s = Instant::now();
    let out = Proc::new(&exe)
        .args(["bench", "--probe-rss", t.url, "--probe-dialect", "serviceai", "--probe-org", &org])
        .env("SWITCHBOARD_LOG_DIR", &logs)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    let secs = s.elapsed().as_secs_f64();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let get = |k: &str| text.lines().find_map(|l| l.strip_prefix(k)?.trim().parse::<f64>().ok());
    match (get("peak_rss_kb="), get("pages="), get("opened=")) {
        (Some(kb), Some(pages), Some(opened)) => {
            rep.push(
                format!("peak RSS after paging all calls ({pages:.0} pages) and opening {opened:.0} transcripts"),
                Some((Stat::P50, 50.0)),
                Unit::Mb,
                vec![kb / 1024.0],
                "",
            );
            rep.notes.push(format!("RSS probe took {secs:.0} s; its console drew every page at 240×70"));
        }
        _ => {
            rep.notes.push(format!("RSS probe failed: {} {}", text.trim(), String::from_utf8_lossy(&out.stderr).trim()))
        }
    }
    let _ = std::fs::remove_dir_all(&logs);
    Ok(())
}

fn idle_cpu(exe: &std::path::Path, url: &str, secs: u64, logs: &std::path::Path) -> Result<(f64, f64), String> {
    let sock = format!("sbbench{}", std::process::id());
    let tmux = |a: &[&str]| -> Result<String, String> {
        let o = Proc::new("tmux").arg("-L").arg(&sock).args(a).output().map_err(|e| format!("tmux: {e}"))?;
        if !o.status.success() {
            return Err(format!("tmux {a:?}: {}", String::from_utf8_lossy(&o.stderr).trim()));
        }
        Ok(String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let cmd = format!(
        "exec env SWITCHBOARD_LOG_DIR='{}' '{}' --url '{}'",
        logs.display(),
        exe.display(),
        url.replace('\'', "'\\''")
    );
    let pid = tmux(&["new-session", "-d", "-x", "240", "-y", "70", "-P", "-F", "#{pane_pid}", &cmd])?;
    let result = (|| {
        let pid: u32 = pid.parse().map_err(|_| format!("no pane pid: {pid}"))?;
        std::thread::sleep(Duration::from_secs(3));
        tmux(&["send-keys", "Platform Scale"])?;
        std::thread::sleep(Duration::from_millis(500));
        tmux(&["send-keys", "Enter"])?;
        std::thread::sleep(Duration::from_secs(3));
        let screen = tmux(&["capture-pane", "-p"])?;
        if !screen.contains("Platform Scale") {
            return Err(format!(
                "the console did not open the call list: {}",
                screen.lines().take(5).collect::<Vec<_>>().join(" / ")
            ));
        }
        let before = cpu_seconds(pid).ok_or("cannot read the console's CPU time")?;
        std::thread::sleep(Duration::from_secs(secs));
        let after = cpu_seconds(pid).ok_or("the console exited while idle")?;
        let hwm = status_kb(&pid.to_string(), "VmHWM:").unwrap_or(f64::NAN);
        Ok((after - before, hwm))
    })();
    let _ = tmux(&["kill-server"]);
    result
}

/// `switchboard bench --probe-rss URL`: pages through every call of the org at 240×70 (each page drawn),
/// opens 100 calls (the 20 with huge transcripts among them), prints the peak RSS.
pub async fn rss_probe_main(url: &str, args: &BenchArgs) -> ExitCode {
    match rss_probe(url, args).await {
        Ok((kb, pages, opened)) => {
            // Read by the bench that started the probe; a reader gone early has nothing left to miss.
            let _ = crate::logging::stdout_line(format_args!("peak_rss_kb={kb}\npages={pages}\nopened={opened}"));
            ExitCode::SUCCESS
        }
        Err(e) => {
            crate::logging::stderr_line(format_args!("rss probe: {e}"));
            ExitCode::from(1)
        }
    }
}

async fn rss_probe(url: &str, args: &BenchArgs) -> Result<(f64, usize, usize), String> {
    let dialect = Dialect::from_name(args.probe_dialect.as_deref().unwrap_or("serviceai")).ok_or("bad dialect")?;
    let org = Key::parse(args.probe_org.as_deref().ok_or("--probe-org is needed")?);
    let source = Source::new(DbOptions::new(url))?;
    let mut con = Console::start(source.clone(), dialect).await?;
    con.choose_org(&org).await?;
    con.draw()?;
    let mut pages = 1;
    while con.state.calls.page.has_after {
        con.act(Action::Command(Command::PageDown)).await?;
        con.draw()?;
        pages += 1;
    }
    // The huge calls: their times, for a page that starts with each.
    let pool = sqlx::PgPool::connect(url).await.map_err(|e| e.to_string())?;
    let huge: Vec<chrono::DateTime<chrono::Utc>> = sqlx::query_scalar(
        "SELECT created_at FROM call_logs WHERE organization_id = $1::uuid AND octet_length(transcript) > 100000 \
         ORDER BY created_at DESC LIMIT 20",
    )
    .bind(org.to_string())
    .fetch_all(&pool)
    .await
    .map_err(|e| e.to_string())?;
    pool.close().await;
    let mut opened = 0;
    for ts in &huge {
        let after = Cursor { created_at: Some(*ts), key: Key::parse("ffffffff-ffff-ffff-ffff-ffffffffffff") };
        con.state.calls.page = source.calls(dialect, &org, &Anchor::After(after), con.state.page_size()).await?;
        con.state.calls.selected = 0;
        con.act(Action::Command(Command::Open)).await?;
        con.draw()?;
        con.act(Action::Command(Command::Back)).await?;
        opened += 1;
    }
    con.act(Action::Command(Command::Top)).await?;
    while opened < 100 {
        con.act(Action::Command(Command::Open)).await?;
        con.draw()?;
        con.act(Action::Command(Command::Back)).await?;
        con.act(Action::Command(Command::Down)).await?;
        opened += 1;
    }
    source.close().await;
    let kb = status_kb("self", "VmHWM:").ok_or("cannot read VmHWM")?;
    Ok((kb, pages, opened))
}
