//! The per-view measurements: a small org's first page, a caller lookup, a month of the calendar, and the
//! console's own parts (reducer, views, the whole key-to-frame path).

use crate::bench::console::{Console, key, special};
use crate::bench::datagen::{self};
use crate::bench::{Report, Stat, Unit};
use crate::core::action::Action;
use crate::core::keymap::Command;
use crate::core::model::{Anchor, Cursor, Dialect, Key};
use crate::core::reducer::update;
use crate::data::dialects::{self};
use crate::data::{DbOptions, Source};
use chrono::{DateTime, Utc};
use sqlx::AssertSqlSafe;
use sqlx::postgres::PgPool;
use std::time::Instant;

use super::*;

pub(super) async fn small_org_page(rep: &mut Report, cfg: &Cfg, url: &str, variant: &str) -> Result<(), String> {
    let source = Source::new(DbOptions::new(url))?;
    let pool = PgPool::connect(url).await.map_err(|e| e.to_string())?;
    let org: String =
        sqlx::query_scalar(datagen::SVC_SMALL_ORG_SQL).fetch_one(&pool).await.map_err(|e| e.to_string())?;
    let org = Key::parse(&org);
    for _ in 0..5 {
        source.calls(Dialect::ServiceAi, &org, &Anchor::First, 50).await?;
    }
    let mut a = Vec::new();
    for _ in 0..cfg.runs {
        let s = Instant::now();
        source.calls(Dialect::ServiceAi, &org, &Anchor::First, 50).await?;
        a.push(ms(s));
    }
    rep.push(
        format!("serviceai [{variant}] small org (3,000 calls) first page"),
        Some((Stat::P50, 1.0)),
        Unit::Ms,
        a,
        "",
    );
    source.close().await;
    pool.close().await;
    Ok(())
}

/// A caller history in the big org (1M calls): the number of the first generated call, typed in national
/// format. With the seed's indexes the calls are found by reading the org's calls (no phone index on
/// call_logs); with the console's, through `sb_call_logs_phone`.
pub(super) async fn caller_lookup(rep: &mut Report, cfg: &Cfg, url: &str, variant: &str) -> Result<(), String> {
    use crate::core::caller::CallerQuery;
    use crate::data::source::caller::CallerScope;
    let source = Source::new(DbOptions::new(url))?;
    let org = Key::parse(datagen::SVC_ORG);
    let zone = crate::core::time::OrgZone::from_name(Some("America/New_York"));
    // datagen: call g has '+1555' || lpad(g * 7919 % 10000000, 7, '0'). 555 numbers are not valid anywhere
    // (libphonenumber): typed with their country code they are still looked up as typed.
    let query = CallerQuery::Phone("+1 (555) 000-7919".to_string());
    let mut events = 0;
    for _ in 0..3 {
        events = source.caller(Dialect::ServiceAi, &org, &query, &zone, CallerScope::default()).await?.events.len();
    }
    let mut a = Vec::new();
    for _ in 0..cfg.runs.min(50) {
        let s = Instant::now();
        source.caller(Dialect::ServiceAi, &org, &query, &zone, CallerScope::default()).await?;
        a.push(ms(s));
    }
    rep.push(
        format!("serviceai [{variant}] caller history in the 1M-call org ({events} events)"),
        Some((Stat::P50, 10.0)),
        Unit::Ms,
        a,
        "",
    );
    source.close().await;
    Ok(())
}

/// The calendar of the big org (200,000 appointments, ~274 a day) on today's six-week grid: what the console
/// loads (the server's counts per day and status, then the rows of the cursor day), each part alone, and
/// the rows of the whole grid as the calendar read them before (now only `export appointments` does).
pub(super) async fn month(rep: &mut Report, cfg: &Cfg, url: &str, variant: &str) -> Result<(), String> {
    use crate::core::calendar;
    let source = Source::new(DbOptions::new(url))?;
    let org = Key::parse(datagen::SVC_ORG);
    let zone = crate::core::time::OrgZone::from_name(Some("America/New_York"));
    let today = Utc::now().with_timezone(&zone.tz).date_naive();
    let from = calendar::grid_start(calendar::month_of(today));
    let to = from + chrono::Duration::days(calendar::GRID_DAYS);
    let sql = dialects::sql(Dialect::ServiceAi).appointments.ok_or("serviceai has appointments")?;
    let literal = |s: &str| {
        s.replace("$1", &format!("'{}'", datagen::SVC_ORG))
            .replace("$2", &format!("'{from}'"))
            .replace("$3", &format!("'{to}'"))
    };
    let pool = PgPool::connect(url).await.map_err(|e| e.to_string())?;
    // The rows that cross the wire for the counts: one per day and status.
    let groups: i64 = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM ({}) g",
        literal(&dialects::full_render(Dialect::ServiceAi, sql.counts))
    )))
    .fetch_one(&pool)
    .await
    .map_err(|e| e.to_string())?;
    let (mut grid_rows, mut day_rows) = (0, 0);
    for _ in 0..3 {
        grid_rows = source.appointments(Dialect::ServiceAi, &org, from, to, zone).await?.len();
        source.appointment_counts(Dialect::ServiceAi, &org, from, to, zone).await?;
        day_rows = source.day_appointments(Dialect::ServiceAi, &org, today, zone).await?.len();
    }
    let runs = cfg.runs.min(100);
    let (mut both, mut counts, mut day, mut rows) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let s = Instant::now();
        source.appointment_counts(Dialect::ServiceAi, &org, from, to, zone).await?;
        let c = ms(s);
        let d = Instant::now();
        source.day_appointments(Dialect::ServiceAi, &org, today, zone).await?;
        day.push(ms(d));
        both.push(ms(s));
        counts.push(c);
    }
    for _ in 0..runs {
        let s = Instant::now();
        source.appointments(Dialect::ServiceAi, &org, from, to, zone).await?;
        rows.push(ms(s));
    }
    rep.push(
        format!("serviceai [{variant}] month of appointments (counts {groups} + day {day_rows} rows)"),
        Some((Stat::P50, 20.0)),
        Unit::Ms,
        both,
        "",
    );
    rep.push(
        format!("serviceai [{variant}]   grid counts per day and status ({groups} rows)"),
        None,
        Unit::Ms,
        counts,
        "",
    );
    rep.push(format!("serviceai [{variant}]   cursor day's appointments ({day_rows} rows)"), None, Unit::Ms, day, "");
    rep.push(
        format!("serviceai [{variant}] whole grid as rows (before; export, {grid_rows} rows)"),
        None,
        Unit::Ms,
        rows,
        "",
    );
    if cfg.explain {
        explain(
            &pool,
            &format!("serviceai [{variant}] month counts"),
            &literal(&dialects::full_render(Dialect::ServiceAi, sql.counts)),
        )
        .await;
        let day_range = sql
            .range
            .replace("$1", &format!("'{}'", datagen::SVC_ORG))
            .replace("$2", &format!("'{today}'"))
            .replace("$3", &format!("'{}'", today + chrono::Duration::days(1)));
        explain(&pool, &format!("serviceai [{variant}] day"), &day_range).await;
        explain(
            &pool,
            &format!("serviceai [{variant}] whole grid"),
            &literal(&dialects::full_render(Dialect::ServiceAi, sql.range)),
        )
        .await;
    }
    pool.close().await;
    source.close().await;
    Ok(())
}

/// Org list, fuzzy filter, 2 MB transcript, renders: the in-process parts that do not depend on indexes.
pub(super) async fn console_parts(rep: &mut Report, cfg: &Cfg, svc: &Target, ret_url: &str) -> Result<(), String> {
    // Org list of the retell database.
    let source = Source::new(DbOptions::new(ret_url))?;
    let mut a = Vec::new();
    let mut n_orgs = 0;
    for i in 0..cfg.runs.min(50) + 2 {
        let s = Instant::now();
        n_orgs = source.orgs(Dialect::Retell).await?.len();
        if i >= 2 {
            a.push(ms(s));
        }
    }
    rep.push(format!("retell org list loaded ({n_orgs} orgs, data layer)"), Some((Stat::P50, 100.0)), Unit::Ms, a, "");
    let mut con = Console::start(source.clone(), Dialect::Retell).await?;
    let mut f = Vec::new();
    let mut fd = Vec::new();
    let query = "dental 47";
    for _ in 0..(cfg.runs / 10).max(3) {
        for c in query.chars() {
            let s = Instant::now();
            let _ = update(&mut con.state, key(c));
            f.push(ms(s));
            con.draw()?;
        }
        for _ in query.chars() {
            let s = Instant::now();
            let _ = update(&mut con.state, special(ratatui_textarea::Key::Backspace));
            con.draw()?;
            fd.push(ms(s));
        }
    }
    rep.push(
        format!("retell fuzzy filter, per key ({n_orgs} orgs, reducer)"),
        Some((Stat::P50, 1.0)),
        Unit::Ms,
        f,
        "typing \"dental 47\"",
    );
    rep.push(format!("retell fuzzy filter, key → frame drawn ({n_orgs} orgs)"), None, Unit::Ms, fd, "backspacing");
    source.close().await;

    // The 2 MB transcript of the big ServiceAI org.
    let source = Source::new(DbOptions::new(&svc.url))?;
    let pool = PgPool::connect(&svc.url).await.map_err(|e| e.to_string())?;
    let every = cfg.scale.huge_every();
    let huge_ts: DateTime<Utc> = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT created_at FROM call_logs WHERE vapi_call_id = 'bench-call-{every}'"
    )))
    .fetch_one(&pool)
    .await
    .map_err(|e| e.to_string())?;
    let mut con = Console::start(source.clone(), Dialect::ServiceAi).await?;
    con.choose_org(&svc.org).await?;
    // Full-frame render of the call list.
    let mut r = Vec::new();
    for _ in 0..cfg.runs {
        let s = Instant::now();
        con.draw()?;
        r.push(ms(s));
    }
    rep.push("full-frame render 240×70, call list".to_string(), Some((Stat::P50, 1.0)), Unit::Ms, r, "");
    // A page whose first row is the huge call: the cursor just after it in display order.
    let after = Cursor { created_at: Some(huge_ts), key: Key::parse("ffffffff-ffff-ffff-ffff-ffffffffffff") };
    let page = source.calls(Dialect::ServiceAi, &svc.org, &Anchor::After(after), con.state.page_size()).await?;
    con.state.calls.page = page;
    con.state.calls.selected = 0;
    let mut load = Vec::new();
    let mut open = Vec::new();
    let mut bytes = 0;
    for _ in 0..cfg.runs.min(30) {
        // A cold open each time (at 240 columns the list would otherwise already show the call beside it).
        con.state.call = None;
        let effects = update(&mut con.state, Action::Command(Command::Open));
        let Some(crate::core::effect::Effect::LoadCall { req, dialect, org, call }) = effects.into_iter().next() else {
            return Err("open did not ask for the call".into());
        };
        let s = Instant::now();
        let detail = source.call(dialect, &org, &call).await?;
        load.push(ms(s));
        bytes = detail.as_ref().and_then(|d| d.transcript.as_ref()).map(|t| t.len()).unwrap_or(0);
        let s = Instant::now();
        let _ = update(&mut con.state, Action::CallLoaded { req, result: Ok(detail), ms: 0.0 });
        open.push(ms(s));
        con.draw()?;
        let _ = update(&mut con.state, Action::Command(Command::Back));
    }
    let mb = crate::bench::fmt_num(bytes as f64 / 1_048_576.0);
    rep.push(format!("{mb} MB transcript: load the call (query + sanitize)"), None, Unit::Ms, load, "");
    rep.push(format!("{mb} MB transcript: open (parse + wrap, reducer)"), Some((Stat::P50, 30.0)), Unit::Ms, open, "");
    // Leave it open for scrolling, search and the render.
    let effects = update(&mut con.state, Action::Command(Command::Open));
    if let Some(crate::core::effect::Effect::LoadCall { req, dialect, org, call }) = effects.into_iter().next() {
        let detail = source.call(dialect, &org, &call).await?;
        let _ = update(&mut con.state, Action::CallLoaded { req, result: Ok(detail), ms: 0.0 });
    }
    let lines = con.state.call.as_ref().map(|c| c.lines.len()).unwrap_or(0);
    let mut sc = Vec::new();
    for _ in 0..cfg.runs {
        let s = Instant::now();
        let _ = update(&mut con.state, Action::Command(Command::Down));
        con.draw()?;
        sc.push(ms(s));
    }
    rep.push(
        format!("{mb} MB transcript: scroll step (update + draw, {lines} lines)"),
        Some((Stat::P50, 2.0)),
        Unit::Ms,
        sc,
        "",
    );
    let mut r = Vec::new();
    for _ in 0..cfg.runs {
        let s = Instant::now();
        con.draw()?;
        r.push(ms(s));
    }
    rep.push("full-frame render 240×70, transcript".to_string(), Some((Stat::P50, 1.0)), Unit::Ms, r, "");
    let _ = update(&mut con.state, Action::Command(Command::Search));
    let mut se = Vec::new();
    let q = "pipe";
    for _ in 0..(cfg.runs / 8).max(3) {
        for c in q.chars() {
            let s = Instant::now();
            let _ = update(&mut con.state, key(c));
            se.push(ms(s));
        }
        for _ in 0..q.len() {
            let _ = update(&mut con.state, special(ratatui_textarea::Key::Backspace));
        }
    }
    let _ = update(&mut con.state, key('p'));
    let matches = con.state.call.as_ref().map(|c| c.search.matches.len()).unwrap_or(0);
    rep.push(
        format!("{mb} MB transcript: search all matches, per key (\"pipe\": {matches}+ matches)"),
        Some((Stat::P50, 20.0)),
        Unit::Ms,
        se,
        "",
    );
    source.close().await;
    pool.close().await;
    Ok(())
}
