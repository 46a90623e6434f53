//! `switchboard bench`: generates platform-scale data, measures the console's paths, prints a table.
//!
//! What is measured and why is in BENCHMARKS.md. In short: pages of calls through the data layer (keyset,
//! first page and 1M deep) against psql's `\timing` of the same statement and against OFFSET; a key press
//! through the reducer, the effect runner and a frame drawn on ratatui's TestBackend; `export` as a whole
//! process against `psql -c`; the org list of 10,000 orgs and its fuzzy filter; a 2 MB transcript (open,
//! scroll, search); a month of appointments; full-frame renders at 240×70; an idle console's CPU time and
//! the peak RSS after paging every call. Everything that touches the database is measured twice: with the
//! seeds' own indexes and with the indexes the console wants (`data::indexes`).

mod console;
mod datagen;
pub mod link;
mod measure;
mod over_link;
mod probe;

pub use crate::data::indexes;

use std::process::ExitCode;

use serde::Serialize;

/// Options of `switchboard bench`.
#[derive(Debug, Clone, clap::Args)]
pub struct BenchArgs {
    /// A PostgreSQL server to create the benchmark databases on (an admin URL). Without it, a private
    /// server is started from the system's PostgreSQL binaries in the data directory (kept, so a re-run
    /// reuses the generated data).
    #[arg(long)]
    pub server: Option<String>,
    /// A small, fast variant (CI smoke test): 20,000 calls, 100 orgs, throwaway databases.
    #[arg(long)]
    pub quick: bool,
    /// Calls of the big ServiceAI org and of the big Retell tenant [default: 1000000; quick: 20000].
    #[arg(long)]
    pub calls: Option<u32>,
    /// Retell orgs, a schema each [default: 10000; quick: 100].
    #[arg(long)]
    pub orgs: Option<u32>,
    /// Appointments of the big ServiceAI org [default: 200000; quick: 5000].
    #[arg(long)]
    pub appointments: Option<u32>,
    /// Size of the huge transcripts in KiB [default: 2048; quick: 256].
    #[arg(long)]
    pub transcript_kb: Option<u32>,
    /// Samples per measurement [default: 200; quick: 30]; slow ones (OFFSET, processes) take fewer.
    #[arg(long)]
    pub runs: Option<usize>,
    /// Seconds the idle console is watched [default: 60; quick: 0 = skipped].
    #[arg(long)]
    pub idle_secs: Option<u64>,
    /// Rebuild the benchmark databases even when matching ones exist.
    #[arg(long)]
    pub regenerate: bool,
    /// Skip the whole-process parts (export, idle CPU, peak RSS).
    #[arg(long)]
    pub no_process: bool,
    /// Print EXPLAIN (ANALYZE, BUFFERS) of the paging, OFFSET and month statements.
    #[arg(long)]
    pub explain: bool,
    /// One-way delay of the simulated link (a loopback proxy in front of the server) for the "over a link"
    /// rows, in ms [default: 25, a 50 ms round trip; 0 skips them].
    #[arg(long)]
    pub link_delay_ms: Option<u64>,
    /// Also write the report as JSON to this file.
    #[arg(long)]
    pub json: Option<std::path::PathBuf>,
    /// The switchboard binary for the whole-process parts [default: this executable].
    #[arg(long, hide = true)]
    pub bin: Option<std::path::PathBuf>,
    /// Internal: run the peak-RSS probe against this database URL and print its numbers.
    #[arg(long, hide = true)]
    pub probe_rss: Option<String>,
    /// Internal: the dialect of the probe.
    #[arg(long, hide = true)]
    pub probe_dialect: Option<String>,
    /// Internal: the org the probe pages through.
    #[arg(long, hide = true)]
    pub probe_org: Option<String>,
}

impl BenchArgs {
    /// The quick variant on a server (what the CI smoke test runs).
    pub fn quick(server: &str) -> BenchArgs {
        BenchArgs {
            server: Some(server.to_string()),
            quick: true,
            calls: None,
            orgs: None,
            appointments: None,
            transcript_kb: None,
            runs: None,
            idle_secs: None,
            regenerate: false,
            no_process: true,
            explain: false,
            link_delay_ms: Some(5),
            json: None,
            bin: None,
            probe_rss: None,
            probe_dialect: None,
            probe_org: None,
        }
    }
}

/// Which statistic a target is judged on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Stat {
    P50,
    /// 90% of the samples at most the target (the scripted browse's "answered at once" share).
    P90,
    P99,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    Ms,
    Seconds,
    Mb,
}

impl Unit {
    fn suffix(self) -> &'static str {
        match self {
            Unit::Ms => "ms",
            Unit::Seconds => "s",
            Unit::Mb => "MB",
        }
    }
}

/// One measured line of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub what: String,
    /// `(statistic, at most)`, in the row's unit.
    pub target: Option<(Stat, f64)>,
    pub unit: Unit,
    pub samples: Vec<f64>,
    pub note: String,
}

impl Row {
    pub fn p50(&self) -> f64 {
        percentile(&self.samples, 50.0)
    }
    pub fn p99(&self) -> f64 {
        percentile(&self.samples, 99.0)
    }
    pub fn verdict(&self) -> &'static str {
        match self.target {
            None => "",
            Some((s, max)) => {
                let v = match s {
                    Stat::P50 => self.p50(),
                    Stat::P90 => percentile(&self.samples, 90.0),
                    Stat::P99 => self.p99(),
                };
                if v <= max { "met" } else { "MISSED" }
            }
        }
    }
}

/// A ratio of two rows' medians from the same run.
#[derive(Debug, Clone, Serialize)]
pub struct Ratio {
    pub what: String,
    pub value: f64,
    /// `(at_least, bound)`: the ratio must be ≥ bound (true) or ≤ bound (false).
    pub target: Option<(bool, f64)>,
}

impl Ratio {
    pub fn verdict(&self) -> &'static str {
        match self.target {
            None => "",
            Some((true, b)) if self.value >= b => "met",
            Some((false, b)) if self.value <= b => "met",
            Some(_) => "MISSED",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub rows: Vec<Row>,
    pub ratios: Vec<Ratio>,
    pub notes: Vec<String>,
}

impl Report {
    pub fn row(&self, what_prefix: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.what.starts_with(what_prefix))
    }
    pub fn ratio(&self, what_prefix: &str) -> Option<&Ratio> {
        self.ratios.iter().find(|r| r.what.starts_with(what_prefix))
    }
    pub(crate) fn push(
        &mut self,
        what: impl Into<String>,
        target: Option<(Stat, f64)>,
        unit: Unit,
        samples: Vec<f64>,
        note: impl Into<String>,
    ) {
        let row = Row { what: what.into(), target, unit, samples, note: note.into() };
        crate::logging::stderr_line(format_args!(
            "  {:<72} p50 {:>10} {}",
            row.what,
            fmt_num(row.p50()),
            row.unit.suffix()
        ));
        self.rows.push(row);
    }
    pub(crate) fn ratio_of(&mut self, what: impl Into<String>, num: &str, den: &str, target: Option<(bool, f64)>) {
        let (Some(n), Some(d)) = (self.row(num).map(|r| r.p50()), self.row(den).map(|r| r.p50())) else {
            return;
        };
        self.ratios.push(Ratio { what: what.into(), value: n / d, target });
    }

    /// The table: what | target | p50 | p99 | runs | verdict, then the ratios and the notes.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let w = self.rows.iter().map(|r| r.what.chars().count()).max().unwrap_or(10).max(10);
        out.push_str(&format!(
            "| {:<w$} | {:<12} | {:>10} | {:>10} | {:>5} | {:<7} |\n",
            "what", "target", "p50", "p99", "runs", "verdict"
        ));
        out.push_str(&format!(
            "|{}|{}|{}|{}|{}|{}|\n",
            "-".repeat(w + 2),
            "-".repeat(14),
            "-".repeat(12),
            "-".repeat(12),
            "-".repeat(7),
            "-".repeat(9)
        ));
        for r in &self.rows {
            let target = match r.target {
                None => String::new(),
                Some((s, max)) => {
                    let stat = match s {
                        Stat::P50 => "",
                        Stat::P90 => " p90",
                        Stat::P99 => " p99",
                    };
                    format!("≤ {} {}{stat}", fmt_num(max), r.unit.suffix())
                }
            };
            out.push_str(&format!(
                "| {:<w$} | {:<12} | {:>10} | {:>10} | {:>5} | {:<7} |\n",
                r.what,
                target,
                format!("{} {}", fmt_num(r.p50()), r.unit.suffix()),
                format!("{} {}", fmt_num(r.p99()), r.unit.suffix()),
                r.samples.len(),
                r.verdict()
            ));
        }
        if !self.ratios.is_empty() {
            out.push('\n');
            let w = self.ratios.iter().map(|r| r.what.chars().count()).max().unwrap_or(10);
            out.push_str(&format!(
                "| {:<w$} | {:<8} | {:>9} | {:<7} |\n",
                "ratio (medians, same run)", "target", "value", "verdict"
            ));
            out.push_str(&format!("|{}|{}|{}|{}|\n", "-".repeat(w + 2), "-".repeat(10), "-".repeat(11), "-".repeat(9)));
            for r in &self.ratios {
                let target = match r.target {
                    None => String::new(),
                    Some((true, b)) => format!("≥ {}×", fmt_num(b)),
                    Some((false, b)) => format!("≤ {}×", fmt_num(b)),
                };
                out.push_str(&format!(
                    "| {:<w$} | {:<8} | {:>9} | {:<7} |\n",
                    r.what,
                    target,
                    format!("{}×", fmt_num(r.value)),
                    r.verdict()
                ));
            }
        }
        if !self.notes.is_empty() {
            out.push('\n');
            for n in &self.notes {
                out.push_str(&format!("- {n}\n"));
            }
        }
        out
    }
}

/// Nearest-rank percentile.
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    let mut s = samples.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let rank = ((p / 100.0) * s.len() as f64).ceil().max(1.0) as usize;
    s[rank.min(s.len()) - 1]
}

pub fn fmt_num(v: f64) -> String {
    if v.is_nan() {
        "n/a".into()
    } else if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else if v >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

/// Runs the benchmark and returns the report (the smoke test calls this).
pub async fn execute(args: BenchArgs) -> Result<Report, String> {
    measure::execute(args).await
}

pub async fn run(args: BenchArgs) -> ExitCode {
    if let Some(url) = args.probe_rss.clone() {
        return probe::rss_probe_main(&url, &args).await;
    }
    let json = args.json.clone();
    match execute(args).await {
        Ok(report) => {
            // A reader that went away (`| head`) misses the table; the JSON file is still written.
            let printed = crate::logging::stdout_line(report.table());
            let code = match &printed {
                Err(e) if !crate::logging::reader_gone(e) => {
                    crate::logging::stderr_line(format_args!("switchboard bench: cannot write the table: {e}"));
                    ExitCode::from(1)
                }
                _ => ExitCode::SUCCESS,
            };
            if let Some(path) = json {
                match serde_json::to_string_pretty(&report) {
                    Ok(s) => {
                        if let Err(e) = std::fs::write(&path, s) {
                            crate::logging::stderr_line(format_args!(
                                "switchboard bench: cannot write {}: {e}",
                                path.display()
                            ));
                        }
                    }
                    Err(e) => crate::logging::stderr_line(format_args!("switchboard bench: {e}")),
                }
            }
            code
        }
        Err(e) => {
            crate::logging::stderr_line(format_args!("switchboard bench: {e}"));
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let s: Vec<f64> = (1..=100).map(|i| i as f64).collect();
        assert_eq!(percentile(&s, 50.0), 50.0);
        assert_eq!(percentile(&s, 99.0), 99.0);
        assert_eq!(percentile(&[3.0], 99.0), 3.0);
        assert!(percentile(&[], 50.0).is_nan());
    }
}
