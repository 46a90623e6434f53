//! The measurements. Each database-facing one runs twice: with the seeds' indexes, then with the
//! console's wanted indexes created (and dropped again at the end, so a re-run starts from the seed).

use std::time::Instant;

use chrono::{DateTime, Utc};
use sqlx::postgres::PgPool;
use sqlx::{AssertSqlSafe, Row as _};

use super::console::Console;
use super::datagen::{self, Scale};
use super::indexes;
use super::{BenchArgs, Report, Stat, Unit};
use crate::core::action::Action;
use crate::core::keymap::Command;
use crate::core::model::{Anchor, Cursor, Dialect, Key};
use crate::data::dialects::{self, quote_ident};
use crate::data::{DbOptions, Source};

mod views;
use views::*;

pub(super) fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn log(s: &str) {
    crate::logging::stderr_line(format_args!("bench: {s}"));
}

pub(super) struct Target {
    pub(super) dialect: Dialect,
    label: &'static str,
    pub(super) url: String,
    pub(super) org: Key,
    org_lit: String,
    schema: Option<String>,
}

impl Target {
    fn lit(&self) -> &str {
        &self.org_lit
    }
}

fn ts_lit(t: DateTime<Utc>) -> String {
    format!("'{}'::timestamptz", t.format("%Y-%m-%d %H:%M:%S%.6f+00"))
}

/// The console's keyset statement (as `data::source` builds it) with literal values, for psql.
pub(super) fn keyset_sql(t: &Target, after: Option<&Cursor>, limit: usize) -> String {
    let c = &dialects::sql(t.dialect).calls;
    let [select, org, ts, id] = dialects::full_calls_parts(t.dialect, t.schema.as_deref()).unwrap_or_default();
    let org = org.replace("$1", t.lit());
    // Only timed cursors are paged from here (the bench pages the rows with a time).
    let cond = match after.and_then(|cur| cur.created_at.map(|at| (cur, at))) {
        Some((cur, at)) => format!(
            "{ts} IS NOT NULL AND ({ts}, {id}) < ({}, '{}'::{})",
            c.ts_param.replace("$3", &ts_lit(at)),
            cur.key,
            c.key_cast
        ),
        None => format!("{ts} IS NOT NULL"),
    };
    format!("{select} WHERE {org} AND {cond} ORDER BY {ts} DESC, {id} DESC LIMIT {limit}")
}

/// The same page by OFFSET, as a console without keyset paging would read it.
fn offset_sql(t: &Target, offset: u64, limit: usize) -> String {
    let [select, org, ts, id] = dialects::full_calls_parts(t.dialect, t.schema.as_deref()).unwrap_or_default();
    let org = org.replace("$1", t.lit());
    format!("{select} WHERE {org} AND {ts} IS NOT NULL ORDER BY {ts} DESC, {id} DESC OFFSET {offset} LIMIT {limit}")
}

async fn read_only_fetch(pool: &PgPool, sql: &str) -> Result<Vec<sqlx::postgres::PgRow>, String> {
    let mut tx = pool
        .begin_with(AssertSqlSafe("BEGIN READ ONLY; SET LOCAL statement_timeout = 600000"))
        .await
        .map_err(|e| e.to_string())?;
    let rows = sqlx::query(AssertSqlSafe(sql.to_string()))
        .persistent(false)
        .fetch_all(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(rows)
}

/// Times a statement with psql's own `\timing`, `n` times in one session.
fn psql_timing(url: &str, sql: &str, n: usize) -> Result<Vec<f64>, String> {
    let dir = std::env::temp_dir().join(format!("sb-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("timing.sql");
    let mut script = String::from("\\timing on\n");
    for _ in 0..n + 3 {
        script.push_str(sql);
        script.push_str(";\n");
    }
    std::fs::write(&file, script).map_err(|e| e.to_string())?;
    let out = std::process::Command::new("psql")
        .args(["-X", "-q", "-o", "/dev/null", "-v", "ON_ERROR_STOP=1", "-d", url, "-f"])
        .arg(&file)
        .output()
        .map_err(|e| format!("psql: {e} (is psql on PATH?)"))?;
    let _ = std::fs::remove_dir_all(&dir);
    if !out.status.success() {
        return Err(format!("psql failed: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    let times: Vec<f64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("Time: ")?.split(' ').next()?.parse().ok())
        .collect();
    // The first three warm the session's caches.
    Ok(times.into_iter().skip(3).collect())
}

async fn explain(pool: &PgPool, title: &str, sql: &str) {
    match sqlx::raw_sql(AssertSqlSafe(format!("EXPLAIN (ANALYZE, BUFFERS) {sql}"))).fetch_all(pool).await {
        Ok(rows) => {
            crate::logging::stderr_line(format_args!("---- EXPLAIN ANALYZE: {title}"));
            for r in rows {
                if let Ok(s) = r.try_get::<String, _>(0) {
                    crate::logging::stderr_line(format_args!("  {s}"));
                }
            }
        }
        Err(e) => crate::logging::stderr_line(format_args!("---- EXPLAIN {title}: {e}")),
    }
}

pub(super) struct Cfg {
    scale: Scale,
    pub(super) runs: usize,
    quick: bool,
    explain: bool,
}

/// The cursor of the row at `offset` (0-based) in display order.
async fn cursor_at(pool: &PgPool, t: &Target, offset: u64) -> Result<Cursor, String> {
    let rows = read_only_fetch(pool, &offset_sql(t, offset, 1)).await?;
    let r = rows.first().ok_or("no row at that depth")?;
    let id: String = r.try_get("id").map_err(|e| e.to_string())?;
    Ok(Cursor { created_at: r.try_get("ts").map_err(|e| e.to_string())?, key: Key::parse(&id) })
}

/// Pages of 50: first page, keyset at depth, psql, one-statement sqlx, OFFSET at depth, last page.
async fn pages(rep: &mut Report, cfg: &Cfg, t: &Target, pool: &PgPool, variant: &str) -> Result<(), String> {
    let source = Source::new(DbOptions::new(&t.url))?;
    let depth = (cfg.scale.calls as u64).saturating_sub(100);
    let label = t.label;
    let cur = cursor_at(pool, t, depth - 1).await?;
    let n = cfg.runs;
    let first = Anchor::First;
    let deep = Anchor::After(cur.clone());
    for _ in 0..10 {
        source.calls(t.dialect, &t.org, &first, 50).await?;
        source.calls(t.dialect, &t.org, &deep, 50).await?;
    }
    let mut a = Vec::new();
    let mut b = Vec::new();
    for _ in 0..n {
        let s = Instant::now();
        let p = source.calls(t.dialect, &t.org, &first, 50).await?;
        a.push(ms(s));
        assert_eq!(p.rows.len(), 50);
        let s = Instant::now();
        let p = source.calls(t.dialect, &t.org, &deep, 50).await?;
        b.push(ms(s));
        assert_eq!(p.rows.len(), 50);
    }
    let d = super::fmt_num(depth as f64 / 1000.0);
    rep.push(
        format!("{label} [{variant}] page of 50, first page (data layer)"),
        Some((Stat::P50, 1.0)),
        Unit::Ms,
        a,
        "",
    );
    rep.push(
        format!("{label} [{variant}] page of 50, {d}k deep, keyset (data layer)"),
        Some((Stat::P50, 1.0)),
        Unit::Ms,
        b,
        "",
    );
    let deep_sql = keyset_sql(t, Some(&cur), 51);
    rep.push(
        format!("{label} [{variant}] same statement, psql \\timing"),
        None,
        Unit::Ms,
        psql_timing(&t.url, &deep_sql, n)?,
        "",
    );
    let mut c = Vec::new();
    for _ in 0..n {
        let s = Instant::now();
        sqlx::query(AssertSqlSafe(deep_sql.clone()))
            .persistent(false)
            .fetch_all(pool)
            .await
            .map_err(|e| e.to_string())?;
        c.push(ms(s));
    }
    rep.push(format!("{label} [{variant}] same statement, sqlx, no transaction"), None, Unit::Ms, c, "one round trip");
    let off_sql = offset_sql(t, depth, 50);
    let off_runs = if cfg.quick { 5 } else { 5.min(n) };
    let mut o = Vec::new();
    read_only_fetch(pool, &off_sql).await?;
    for _ in 0..off_runs {
        let s = Instant::now();
        read_only_fetch(pool, &off_sql).await?;
        o.push(ms(s));
    }
    rep.push(format!("{label} [{variant}] page of 50, {d}k deep, OFFSET (baseline)"), None, Unit::Ms, o, "");
    let mut l = Vec::new();
    for _ in 0..n.min(50) {
        let s = Instant::now();
        source.calls(t.dialect, &t.org, &Anchor::Last, 50).await?;
        l.push(ms(s));
    }
    rep.push(format!("{label} [{variant}] last page (G) (data layer)"), Some((Stat::P50, 1.0)), Unit::Ms, l, "");
    rep.ratio_of(
        format!("{label} [{variant}] keyset {d}k deep: data layer / psql"),
        &format!("{label} [{variant}] page of 50, {d}k deep, keyset"),
        &format!("{label} [{variant}] same statement, psql"),
        Some((false, 1.3)),
    );
    rep.ratio_of(
        format!("{label} [{variant}] OFFSET / keyset, {d}k deep"),
        &format!("{label} [{variant}] page of 50, {d}k deep, OFFSET"),
        &format!("{label} [{variant}] page of 50, {d}k deep, keyset"),
        Some((true, 100.0)),
    );
    if cfg.explain {
        explain(pool, &format!("{label} [{variant}] keyset deep"), &deep_sql).await;
        explain(pool, &format!("{label} [{variant}] OFFSET deep"), &off_sql).await;
    }
    // Key press → page drawn, through the reducer, the effect runner and the views.
    let mut con = Console::start(source.clone(), t.dialect).await?;
    con.choose_org(&t.org).await?;
    let mut down = Vec::new();
    for _ in 0..n.min(200) {
        down.push(con.timed_command(Command::PageDown).await?);
    }
    con.act(Action::Command(Command::Bottom)).await?;
    let mut up = Vec::new();
    for _ in 0..n.min(200) {
        up.push(con.timed_command(Command::PageUp).await?);
    }
    rep.push(
        format!("{label} [{variant}] key → next page drawn (pgdn from the top)"),
        Some((Stat::P99, 16.0)),
        Unit::Ms,
        down,
        "",
    );
    rep.push(
        format!("{label} [{variant}] key → next page drawn (pgup from the end)"),
        Some((Stat::P99, 16.0)),
        Unit::Ms,
        up,
        "",
    );
    source.close().await;
    Ok(())
}

async fn create_indexes(url: &str, dialect: Dialect, schema: Option<&str>) -> Result<Vec<(String, f64)>, String> {
    let pool = PgPool::connect(url).await.map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for w in indexes::wanted(dialect) {
        let stmt = w.create_statement(if w.per_tenant { schema } else { None });
        let s = Instant::now();
        sqlx::raw_sql(AssertSqlSafe(stmt)).execute(&pool).await.map_err(|e| e.to_string())?;
        sqlx::raw_sql(AssertSqlSafe("ANALYZE".to_string())).execute(&pool).await.ok();
        out.push((w.name.to_string(), s.elapsed().as_secs_f64()));
    }
    pool.close().await;
    Ok(out)
}

async fn drop_indexes(url: &str, dialect: Dialect, schema: Option<&str>) -> Result<(), String> {
    let pool = PgPool::connect(url).await.map_err(|e| e.to_string())?;
    for w in indexes::wanted(dialect) {
        let name = match (w.per_tenant, schema) {
            (true, Some(s)) => format!("{}.{}", quote_ident(s), w.name),
            _ => match w.table.rsplit_once('.') {
                Some((s, _)) => format!("{s}.{}", w.name),
                None => w.name.to_string(),
            },
        };
        sqlx::raw_sql(AssertSqlSafe(format!("DROP INDEX IF EXISTS {name}")))
            .execute(&pool)
            .await
            .map_err(|e| e.to_string())?;
    }
    pool.close().await;
    Ok(())
}

async fn index_check_note(rep: &mut Report, url: &str, dialect: Dialect, when: &str) {
    match indexes::check_url(url, dialect).await {
        Ok(checks) => {
            for c in checks {
                let state = if !c.missing.is_empty() {
                    format!("missing in {} of {}", c.missing.len(), c.tables)
                } else if !c.partly.is_empty() {
                    format!("partly served in {} of {}", c.partly.len(), c.tables)
                } else {
                    format!("present in {} of {}", c.served.len(), c.tables)
                };
                rep.notes.push(format!("{} index check {when}: {} {state}", dialect.name(), c.index.name));
            }
        }
        Err(e) => rep.notes.push(format!("{} index check {when} failed: {e}", dialect.name())),
    }
}

async fn server_url(args: &BenchArgs) -> Result<(String, Option<crate::demo::server::PrivateServer>), String> {
    if let Some(s) = &args.server {
        return Ok((s.clone(), None));
    }
    let bins =
        crate::demo::server::find_binaries().ok_or("no --server given and no PostgreSQL server binaries found")?;
    let dir = crate::demo::server::server_base_dir().join("bench");
    log(&format!("starting a private PostgreSQL server in {}", dir.display()));
    let server = crate::demo::server::PrivateServer::start(&bins, &dir)?;
    Ok((server.url.clone(), Some(server)))
}

pub async fn execute(args: BenchArgs) -> Result<super::Report, String> {
    let quick = args.quick;
    let scale = Scale {
        calls: args.calls.unwrap_or(if quick { 20_000 } else { 1_000_000 }).max(200),
        orgs: args.orgs.unwrap_or(if quick { 100 } else { 10_000 }).max(1),
        appointments: args.appointments.unwrap_or(if quick { 5_000 } else { 200_000 }),
        transcript_kb: args.transcript_kb.unwrap_or(if quick { 256 } else { 2048 }).max(1),
    };
    let cfg = Cfg {
        scale: scale.clone(),
        runs: args.runs.unwrap_or(if quick { 30 } else { 200 }).max(3),
        quick,
        explain: args.explain,
    };
    let (admin, _server) = server_url(&args).await?;
    let mut rep = Report::default();
    let (svc_db, ret_db) = if quick {
        let id = format!("{}_{}", std::process::id(), Utc::now().timestamp_subsec_nanos());
        (format!("sb_benchq_svc_{id}"), format!("sb_benchq_ret_{id}"))
    } else {
        ("sb_bench_serviceai".to_string(), "sb_bench_retell".to_string())
    };
    let svc_url = datagen::url_for(&admin, &svc_db);
    let ret_url = datagen::url_for(&admin, &ret_db);
    for (db, url, dialect) in [(&svc_db, &svc_url, Dialect::ServiceAi), (&ret_db, &ret_url, Dialect::Retell)] {
        let reuse = if quick || args.regenerate { None } else { datagen::existing(&admin, db, &scale).await };
        let secs = match reuse {
            Some(secs) => {
                log(&format!("reusing {db} (generated in {secs:.0} s)"));
                rep.notes.push(format!("{db}: reused; generating it took {secs:.0} s"));
                secs
            }
            None => {
                log(&format!("generating {db}"));
                datagen::recreate(&admin, db).await?;
                let secs = match dialect {
                    Dialect::Retell => datagen::retell(url, &scale, &|s| log(s)).await?,
                    _ => datagen::serviceai(url, &scale, &|s| log(s)).await?,
                };
                rep.notes.push(format!("{db}: generated in {secs:.0} s"));
                secs
            }
        };
        let _ = secs;
    }
    let result = measure_all(&mut rep, &cfg, &args, &svc_url, &ret_url).await;
    // Back to the seed state whatever happened.
    let _ = drop_indexes(&svc_url, Dialect::ServiceAi, None).await;
    let _ = drop_indexes(&ret_url, Dialect::Retell, Some(&datagen::retell_schema(1))).await;
    if quick {
        datagen::drop_db(&admin, &svc_db).await;
        datagen::drop_db(&admin, &ret_db).await;
    }
    result?;
    rep.notes.push(format!(
        "scale: {} calls (ServiceAI org and Retell tenant), {} Retell orgs, {} appointments, {} KiB transcripts; {} runs",
        scale.calls, scale.orgs, scale.appointments, scale.transcript_kb, cfg.runs
    ));
    Ok(rep)
}

async fn measure_all(
    rep: &mut Report,
    cfg: &Cfg,
    args: &BenchArgs,
    svc_url: &str,
    ret_url: &str,
) -> Result<(), String> {
    // A crashed earlier run may have left the console's indexes: start from the seed.
    drop_indexes(svc_url, Dialect::ServiceAi, None).await?;
    drop_indexes(ret_url, Dialect::Retell, Some(&datagen::retell_schema(1))).await?;
    let svc = Target {
        dialect: Dialect::ServiceAi,
        label: "serviceai",
        url: svc_url.to_string(),
        org: Key::parse(datagen::SVC_ORG),
        org_lit: format!("'{}'", datagen::SVC_ORG),
        schema: None,
    };
    let ret_pool = PgPool::connect(ret_url).await.map_err(|e| e.to_string())?;
    let ret_org: String = sqlx::query_scalar(AssertSqlSafe(format!("SELECT {}::text", datagen::retell_org_sql(1))))
        .fetch_one(&ret_pool)
        .await
        .map_err(|e| e.to_string())?;
    let ret = Target {
        dialect: Dialect::Retell,
        label: "retell",
        url: ret_url.to_string(),
        org: Key::parse(&ret_org),
        org_lit: format!("'{ret_org}'"),
        schema: Some(datagen::retell_schema(1)),
    };
    let svc_pool = PgPool::connect(svc_url).await.map_err(|e| e.to_string())?;
    index_check_note(rep, svc_url, Dialect::ServiceAi, "before").await;
    index_check_note(rep, ret_url, Dialect::Retell, "before").await;

    for variant in ["seed idx", "console idx"] {
        if variant == "console idx" {
            for (name, secs) in create_indexes(svc_url, Dialect::ServiceAi, None).await? {
                rep.notes.push(format!("serviceai: CREATE INDEX {name} took {secs:.1} s"));
            }
            for (name, secs) in create_indexes(ret_url, Dialect::Retell, ret.schema.as_deref()).await? {
                rep.notes.push(format!("retell: CREATE INDEX {name} on the big tenant took {secs:.1} s"));
            }
            index_check_note(rep, svc_url, Dialect::ServiceAi, "after").await;
        }
        log(&format!("serviceai pages [{variant}]"));
        pages(rep, cfg, &svc, &svc_pool, variant).await?;
        small_org_page(rep, cfg, svc_url, variant).await?;
        month(rep, cfg, svc_url, variant).await?;
        caller_lookup(rep, cfg, svc_url, variant).await?;
        log(&format!("retell pages [{variant}]"));
        pages(rep, cfg, &ret, &ret_pool, variant).await?;
    }
    let delay = args.link_delay_ms.unwrap_or(25);
    if delay > 0 {
        log(&format!("over a link ({delay} ms each way)"));
        super::over_link::link_parts(rep, cfg, &svc, delay).await?;
        if !args.no_process {
            super::over_link::export_over_link(rep, cfg, args, &svc, delay).await?;
        }
    }
    log("console parts (org list, filter, transcript, renders)");
    console_parts(rep, cfg, &svc, ret_url).await?;
    if !args.no_process {
        log("whole-process parts (export, idle CPU, peak RSS)");
        super::probe::process_parts(rep, cfg.runs, args, probe_target(&svc), &keyset_sql(&svc, None, 50)).await?;
    }
    svc_pool.close().await;
    ret_pool.close().await;
    Ok(())
}

/// What the probes need of a target.
pub(crate) struct ProbeTarget<'a> {
    pub url: &'a str,
    pub org: &'a Key,
}

impl<'a> From<&'a Target> for ProbeTarget<'a> {
    fn from(t: &'a Target) -> Self {
        ProbeTarget { url: &t.url, org: &t.org }
    }
}

fn probe_target(t: &Target) -> ProbeTarget<'_> {
    t.into()
}
