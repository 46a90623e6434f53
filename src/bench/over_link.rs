//! The "over a link" rows: the console's reads through `bench::link::DelayProxy` (a loopback proxy that
//! delays each direction and counts round trips), timed and counted; the scripted browse that shows how
//! often reading ahead answers a key at once; the export against `psql -c` as whole processes on that link.

use std::time::{Duration, Instant};

use super::console::Console;
use super::measure::{Cfg, Target, keyset_sql, ms};
use super::{BenchArgs, Report, Stat, Unit};
use crate::core::action::Action;
use crate::core::keymap::Command;
use crate::core::model::Anchor;
use crate::data::{DbOptions, Source};

async fn proxy_for(url: &str, one_way: u64) -> Result<super::link::DelayProxy, String> {
    let o = crate::data::pool::parse_url(url)?;
    let upstream = format!("{}:{}", o.get_host(), o.get_port()).parse().map_err(|e| format!("{e}"))?;
    super::link::DelayProxy::start(upstream, Duration::from_millis(one_way)).await.map_err(|e| e.to_string())
}

/// Over a simulated link (`bench::link::DelayProxy`, `one_way` ms each direction): launch (connect, the
/// connection statement, the org list), the next page, a call, on call, each timed and its round trips
/// counted (everything the link carried for it, up to a moment after the answer).
pub(super) async fn link_parts(rep: &mut Report, cfg: &Cfg, svc: &Target, one_way: u64) -> Result<(), String> {
    let proxy = proxy_for(&svc.url, one_way).await?;
    let url = proxy.url(&svc.url);
    let rtt = 2.0 * one_way as f64;
    let d = svc.dialect;
    let runs = cfg.runs.clamp(5, 20);
    let mut launch = Vec::new();
    let mut launch_trips = 0;
    for _ in 0..runs.min(8) {
        proxy.reset();
        let s = Instant::now();
        let src = Source::new(DbOptions::new(&url))?;
        let info = src.detect(None).await?;
        src.orgs(info.dialect).await?;
        launch.push(ms(s));
        launch_trips = proxy.round_trips();
        src.close().await;
    }
    let what = format!("over a {rtt:.0} ms link: launch → org list");
    rep.notes.push(format!("{what}: {launch_trips} round trips (connection startup included)"));
    rep.push(what, Some((Stat::P50, 4.0 * rtt + 50.0)), Unit::Ms, launch, format!("{launch_trips} round trips"));
    let src = Source::new(DbOptions::new(&url))?;
    src.detect(None).await?;
    let first = src.calls(d, &svc.org, &Anchor::First, 50).await?;
    let after = first.rows.last().map(|r| Anchor::After(r.cursor())).ok_or("the big org has calls")?;
    let call = first.rows[0].key.clone();
    src.call(d, &svc.org, &call).await?;
    src.oncall(d, &svc.org).await?;
    let measure = |name: &'static str| (name, Vec::new(), 0u64);
    let mut rows = [measure("next page (pgdn)"), measure("a call (enter)"), measure("on call")];
    for _ in 0..runs {
        for (i, (_, samples, trips)) in rows.iter_mut().enumerate() {
            // Let the link fall quiet: nothing of the previous action is counted in the next.
            tokio::time::sleep(Duration::from_millis(3 * one_way + 5)).await;
            proxy.reset();
            let s = Instant::now();
            match i {
                0 => drop(src.calls(d, &svc.org, &after, 50).await?),
                1 => drop(src.call(d, &svc.org, &call).await?),
                _ => drop(src.oncall(d, &svc.org).await?),
            }
            samples.push(ms(s));
            // Counted a moment after the answer, so that anything sent after it would be counted too.
            tokio::time::sleep(Duration::from_millis(3 * one_way + 5)).await;
            *trips = proxy.round_trips();
        }
    }
    for (name, samples, trips) in rows {
        let what = format!("over a {rtt:.0} ms link: {name}");
        rep.notes.push(format!("{what}: {trips} round trips"));
        rep.push(what, Some((Stat::P50, rtt + 10.0)), Unit::Ms, samples, format!("{trips} round trips"));
    }
    src.close().await;
    browse(rep, svc, &url, rtt).await
}

/// What a key answered from what was read ahead costs at most: a frame, no round trip.
const AT_ONCE_MS: f64 = 16.0;

/// The scripted browse at 120×40 (the list alone): pgdn ×20, then enter on 20 successive calls (back and
/// down between them), each key after the user has read for a while; how many keys were answered within
/// 16 ms, and the read-ahead hits.
async fn browse(rep: &mut Report, svc: &Target, url: &str, rtt: f64) -> Result<(), String> {
    let src = Source::new(DbOptions::new(url))?;
    let mut con = Console::start(src.clone(), svc.dialect).await?;
    con.resize(120, 40)?;
    con.state.prefetch.enabled = true;
    con.choose_org(&svc.org).await?;
    // A user reads a page or a call for seconds; a quarter of a second is already enough to read ahead.
    let read = Duration::from_millis(250);
    let (mut pgdn, mut enter) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        con.read_for(read).await?;
        pgdn.push(con.key_shown(Action::Command(Command::PageDown)).await?);
    }
    for _ in 0..20 {
        con.read_for(read).await?;
        enter.push(con.key_shown(Action::Command(Command::Open)).await?);
        con.read_for(read).await?;
        con.key_shown(Action::Command(Command::Back)).await?;
        con.key_shown(Action::Command(Command::Down)).await?;
    }
    if con.state.calls.error.is_some() || con.state.call.as_ref().is_some_and(|v| v.error.is_some()) {
        return Err(format!("the browse failed: {:?}", con.state.calls.error));
    }
    let (hits, misses) = (con.state.prefetch.hits, con.state.prefetch.misses);
    let at_once = |v: &[f64]| v.iter().filter(|&&t| t <= AT_ONCE_MS).count();
    let keys: Vec<f64> = pgdn.iter().chain(&enter).copied().collect();
    let note = format!(
        "{}/{} keys answered within {AT_ONCE_MS:.0} ms (pgdn {}/20, enter {}/20); read ahead: {hits} hits, {misses} misses",
        at_once(&keys),
        keys.len(),
        at_once(&pgdn),
        at_once(&enter)
    );
    rep.notes.push(format!("over a {rtt:.0} ms link: scripted browse: {note}"));
    rep.push(
        format!("over a {rtt:.0} ms link: scripted browse, pgdn ×20 then enter ×20 (key → frame)"),
        Some((Stat::P90, AT_ONCE_MS)),
        Unit::Ms,
        keys,
        note,
    );
    src.close().await;
    Ok(())
}

/// `export calls --limit 50` against `psql -c` of the same page, whole processes, both through the link.
pub(super) async fn export_over_link(
    rep: &mut Report,
    cfg: &Cfg,
    args: &BenchArgs,
    svc: &Target,
    one_way: u64,
) -> Result<(), String> {
    let proxy = proxy_for(&svc.url, one_way).await?;
    let url = proxy.url(&svc.url);
    let rtt = 2.0 * one_way as f64;
    let exe = super::probe::bin(args)?;
    let logs = super::probe::log_dir();
    let _ = std::fs::create_dir_all(&logs);
    let (org, sql, n) = (svc.org.to_string(), keyset_sql(svc, None, 50), cfg.runs.clamp(3, 20));
    proxy.reset();
    // The processes block on their own; the proxy goes on forwarding on the runtime meanwhile.
    let (e, p) = tokio::task::spawn_blocking(move || super::probe::export_vs_psql(&exe, &logs, n, &url, &org, &sql))
        .await
        .map_err(|e| e.to_string())??;
    let trips = proxy.round_trips() as f64 / (2 * (n + 2)) as f64;
    let export = format!("over a {rtt:.0} ms link: `switchboard export calls --limit 50` (whole process)");
    let psql = format!("over a {rtt:.0} ms link: `psql -c` of the same page (whole process)");
    rep.push(&export, None, Unit::Ms, e, "");
    rep.push(&psql, None, Unit::Ms, p, "");
    rep.notes.push(format!(
        "over a {rtt:.0} ms link: export and psql together: {trips:.1} round trips per process on average"
    ));
    rep.ratio_of(
        format!("over a {rtt:.0} ms link: export calls --limit 50 / psql -c"),
        &export,
        &psql,
        Some((false, 1.3)),
    );
    Ok(())
}
