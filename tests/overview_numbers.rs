//! The overview's numbers against a real PostgreSQL: on Retell equal to its own
//! `get_organization_overview` (over the same instants: the console's range ends at a local midnight,
//! excluded, the function's p_to_date is included) on ranges with NULL times and durations, 300 calls
//! sharing one time, a call exactly at the end; sums past 2^31 (where the function's integer fails and the
//! console's figure equals direct SQL) and billed minutes past 2^53, exactly; the averages' denominators;
//! negative rates and durations flagged; and `export overview` saying the same as the screen's data.

mod common;

use chrono::NaiveDate;
use sqlx::types::Decimal;
use sqlx::{AssertSqlSafe, Connection, PgConnection, Row};
use switchboard::core::calendar::local_midnight_utc;
use switchboard::core::model::{Dialect, Key};
use switchboard::core::overview::{Money, Overview};
use switchboard::core::time::OrgZone;
use switchboard::data::{DbOptions, Source, dialects};

const A_SCHEMA: &str = "org_acme_plumbing_3cbe86ec52774832a9185220c74fc619";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn retell_db(hint: &str) -> String {
    common::fresh_db(
        hint,
        &[dialects::platform(Dialect::Retell).schema_ddl, include_str!("fixtures/retell_hostile.sql")],
    )
    .await
}

/// The console's overview of org `org` over local days `from..=last` in `zone`, and the platform function's
/// answer over the same instants (its inclusive end one microsecond before the console's exclusive one).
async fn both(
    url: &str,
    org: &str,
    from: NaiveDate,
    last: NaiveDate,
    zone: &OrgZone,
) -> (Overview, Result<sqlx::postgres::PgRow, sqlx::Error>) {
    let src = Source::new(DbOptions::new(url)).unwrap();
    let to = last + chrono::Duration::days(1);
    let o = src.overview(Dialect::Retell, &Key::parse(org), from, to, zone).await.unwrap();
    src.close().await;
    let mut c = PgConnection::connect(url).await.unwrap();
    let f = sqlx::query("SELECT * FROM public.get_organization_overview($1::uuid, $2, $3 - interval '1 microsecond')")
        .bind(org)
        .bind(local_midnight_utc(zone, from))
        .bind(local_midnight_utc(zone, to))
        .fetch_one(&mut c)
        .await;
    (o, f)
}

fn assert_equal(o: &Overview, r: &sqlx::postgres::PgRow, what: &str) {
    let int = |c: &str| i64::from(r.get::<i32, _>(c));
    assert_eq!(o.total, int("total_calls"), "{what}: total_calls");
    assert_eq!(o.successful, int("successful_calls"), "{what}: successful_calls");
    assert_eq!(o.failed, int("failed_calls"), "{what}: failed_calls");
    assert_eq!(o.total_secs, int("total_duration"), "{what}: total_duration");
    assert_eq!(o.billed_minutes, r.get::<Decimal, _>("total_billed_minutes"), "{what}: total_billed_minutes");
    assert_eq!(o.avg_secs, r.get::<Option<Decimal>, _>("avg_duration"), "{what}: avg_duration");
    assert_eq!(o.avg_billed, r.get::<Option<Decimal>, _>("avg_billed_minutes"), "{what}: avg_billed_minutes");
    assert!(o.billed_recorded, "{what}: Retell's billed minutes are its own");
    assert!(o.notes.iter().any(|n| n.contains("get_organization_overview")), "{what}: the note says how it differs");
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_equals_get_organization_overview_with_nulls_ties_and_the_range_end() {
    let url = retell_db("ovnumbers").await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    // NULL durations and billed minutes beside recorded ones (the averages are over different calls), a
    // status in capitals (not 'completed' to the function), and a call exactly at the range's end.
    sqlx::raw_sql(AssertSqlSafe(format!(
        "UPDATE {A_SCHEMA}.calls SET duration_seconds = NULL WHERE id::text LIKE '2%7'; \
         UPDATE {A_SCHEMA}.calls SET billed_minutes = NULL WHERE id::text LIKE '2%3' OR id::text LIKE '2%1'; \
         UPDATE {A_SCHEMA}.calls SET status = 'COMPLETED' WHERE id::text LIKE '2%5'; \
         INSERT INTO {A_SCHEMA}.calls (external_call_id, created_at, status, duration_seconds, billed_minutes) \
           VALUES ('at-the-end', '2026-02-01 00:00:00+00', 'completed', 61, 2), \
                  ('at-the-start', '2026-01-01 00:00:00+00', 'failed', 5, 1);"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let utc = OrgZone::from_name(None);
    let ny = OrgZone::from_name(Some("America/New_York"));
    for (from, last, zone, what) in [
        (d(2026, 1, 1), d(2026, 1, 31), &utc, "January, UTC"),
        (d(2026, 1, 15), d(2026, 1, 15), &utc, "the day of the 300 ties"),
        (d(2026, 1, 1), d(2026, 1, 31), &ny, "January, New York"),
        (d(2025, 1, 1), d(2027, 12, 31), &utc, "three years"),
        (d(2030, 1, 1), d(2030, 1, 31), &utc, "no calls"),
    ] {
        let (o, f) = both(&url, common::ORG_A, from, last, zone).await;
        assert_equal(&o, &f.unwrap(), what);
    }
    // The denominators differ, and each average says over what.
    let (o, _) = both(&url, common::ORG_A, d(2026, 1, 1), d(2026, 1, 31), &utc).await;
    assert!(o.with_duration < o.total && o.with_billed < o.total && o.with_duration != o.with_billed, "{o:?}");
    let direct = sqlx::query(AssertSqlSafe(format!(
        "SELECT count(*) AS n, count(duration_seconds) AS wd, count(billed_minutes) AS wb FROM {A_SCHEMA}.calls \
         WHERE created_at >= '2026-01-01 00:00+00' AND created_at < '2026-02-01 00:00+00'"
    )))
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!(
        (o.total, o.with_duration, o.with_billed),
        (direct.get::<i64, _>("n"), direct.get::<i64, _>("wd"), direct.get::<i64, _>("wb"))
    );
    // The call at 2026-02-01 00:00 belongs to February: the console's end is excluded.
    let feb = both(&url, common::ORG_A, d(2026, 2, 1), d(2026, 2, 1), &utc).await.0;
    assert_eq!(feb.total, 3, "the call at midnight and the two of 2026-02-01");
    // No calls: averages none, margin none, nothing negative.
    let (none, _) = both(&url, common::ORG_A, d(2030, 1, 1), d(2030, 1, 31), &utc).await;
    assert_eq!((none.avg_secs, none.avg_billed, none.with_duration), (None, None, 0));
    let Money::Figures { margin, margin_pct, .. } = none.money else { panic!("{:?}", none.money) };
    assert_eq!((switchboard::core::overview::amount(margin), margin_pct), ("0.00".to_string(), None));
}

#[tokio::test(flavor = "multi_thread")]
async fn sums_past_2_31_and_2_53_are_exact_where_the_function_overflows() {
    let url = retell_db("ovoverflow").await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    // Three calls of 2^31-1 s (a sum past 2^31) and billed minutes past 2^53 (not a float's).
    sqlx::raw_sql(AssertSqlSafe(format!(
        "INSERT INTO {A_SCHEMA}.calls (external_call_id, created_at, status, duration_seconds, billed_minutes) \
         SELECT 'long-' || i, ('2026-03-0' || i || ' 12:00:00+00')::timestamptz, 'completed', 2147483647, 3002399751580331 \
         FROM generate_series(1, 3) i"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let utc = OrgZone::from_name(None);
    let (o, f) = both(&url, common::ORG_A, d(2026, 3, 1), d(2026, 3, 31), &utc).await;
    let e = f.expect_err("get_organization_overview's integer total_duration overflows");
    assert_eq!(e.as_database_error().and_then(|e| e.code()).as_deref(), Some("22003"), "{e}");
    let direct = sqlx::query(AssertSqlSafe(format!(
        "SELECT count(*) AS n, sum(duration_seconds::numeric)::text AS secs, sum(billed_minutes)::text AS billed, \
         round(avg(duration_seconds), 2)::text AS avg FROM {A_SCHEMA}.calls \
         WHERE created_at >= '2026-03-01 00:00+00' AND created_at < '2026-04-01 00:00+00'"
    )))
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!(o.total, 3);
    assert_eq!(o.total_secs.to_string(), direct.get::<String, _>("secs"));
    assert!(o.total_secs > i64::from(i32::MAX));
    assert_eq!(o.billed_minutes.to_string(), direct.get::<String, _>("billed"));
    assert_eq!(o.billed_minutes.to_string(), "9007199254740993", "2^53 + 1, which a float cannot hold");
    assert_eq!(o.avg_secs.unwrap().to_string(), direct.get::<String, _>("avg"));
    // Revenue at 0.40/min of 2^53 + 1 minutes, exactly.
    let Money::Figures { revenue, margin, margin_pct, .. } = o.money else { panic!("{:?}", o.money) };
    assert_eq!(revenue.to_string(), "3602879701896397.20");
    assert_eq!(margin.to_string(), "1801439850948198.60");
    assert_eq!(margin_pct.map(|p| p.round_dp(0).to_string()).as_deref(), Some("50"));
}

#[tokio::test(flavor = "multi_thread")]
async fn negative_rates_and_durations_are_flagged_not_summed_into_a_margin() {
    let url = retell_db("ovnegative").await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(format!(
        "UPDATE system.organizations SET billing_rate_per_minute = -0.40 WHERE id = '{}'; \
         INSERT INTO {A_SCHEMA}.calls (external_call_id, created_at, status, duration_seconds, billed_minutes) \
         VALUES ('negative', '2026-01-20 12:00:00+00', 'completed', -30, -1)",
        common::ORG_A
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let utc = OrgZone::from_name(None);
    let (o, f) = both(&url, common::ORG_A, d(2026, 1, 1), d(2026, 1, 31), &utc).await;
    assert_equal(&o, &f.unwrap(), "with a negative call");
    assert_eq!(o.negative_calls, 1);
    let Money::Withheld { why } = &o.money else { panic!("{:?}", o.money) };
    assert!(why.contains("negative billing rate -0.40/min"), "{why}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tenant_without_billed_minutes_says_so() {
    let url = retell_db("ovnobilled").await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let utc = OrgZone::from_name(None);
    let e = Key::parse("00000000-0000-0000-0000-00000000000e");
    let o = src.overview(Dialect::Retell, &e, d(2020, 1, 1), d(2030, 1, 1), &utc).await.unwrap();
    assert!(!o.billed_recorded);
    assert!(o.notes.iter().any(|n| n.contains("no readable billed_minutes column")), "{:?}", o.notes);
    let mut c = PgConnection::connect(&url).await.unwrap();
    let direct = sqlx::query(
        "SELECT count(*) AS n, COALESCE(sum(ceil(duration_seconds / 60.0)), 0) AS billed FROM org_old_columns.calls \
         WHERE created_at >= '2020-01-01' AND created_at < '2030-01-01'",
    )
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!((o.total, o.billed_minutes), (direct.get::<i64, _>("n"), direct.get::<Decimal, _>("billed")));
}

#[tokio::test(flavor = "multi_thread")]
async fn serviceai_averages_are_over_the_calls_with_a_duration() {
    let (mut c, o) = common::serviceai_january_overview("ovserviceai", "UPDATE call_logs SET call_duration = NULL WHERE id::text LIKE '%7' AND organization_id = '00000000-0000-0000-0000-00000000000a'").await;
    let r = sqlx::query(
        "SELECT count(*) AS n, count(call_duration) AS wd, round(avg(call_duration), 2) AS avg, \
         COALESCE(sum(call_duration), 0)::int8 AS secs, COALESCE(sum(ceil(call_duration / 60.0)), 0) AS billed, \
         round(avg(ceil(call_duration / 60.0)), 2) AS avg_billed \
         FROM call_logs WHERE organization_id = '00000000-0000-0000-0000-00000000000a' \
         AND created_at >= '2026-01-01 05:00+00' AND created_at < '2026-02-01 05:00+00'",
    )
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!(o.total, r.get::<i64, _>("n"));
    assert_eq!(o.with_duration, r.get::<i64, _>("wd"));
    assert!(o.with_duration < o.total, "some calls have no duration");
    assert_eq!(o.with_billed, o.with_duration, "billed minutes are rounded-up durations here");
    assert_eq!(o.avg_secs, r.get::<Option<Decimal>, _>("avg"));
    assert_eq!(o.total_secs, r.get::<i64, _>("secs"));
    assert_eq!(o.billed_minutes, r.get::<Decimal, _>("billed"));
    assert_eq!(o.avg_billed, r.get::<Option<Decimal>, _>("avg_billed"));
    assert_eq!(o.money, Money::NotRecorded);
    assert!(o.notes.is_empty(), "no platform function to differ from: {:?}", o.notes);
}

#[tokio::test(flavor = "multi_thread")]
async fn export_overview_says_what_the_screen_says() {
    let url = retell_db("ovexport").await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(format!(
        "UPDATE system.organizations SET cogs_per_minute = 0.50 WHERE id = '{}'",
        common::ORG_A
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args([
            "export",
            "--url",
            &url,
            "overview",
            "--org",
            "acme-plumbing",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let utc = OrgZone::from_name(None);
    let (o, _) = both(&url, common::ORG_A, d(2026, 1, 1), d(2026, 1, 31), &utc).await;
    assert_eq!(v, serde_json::to_value(&o).unwrap(), "the export is the screen's data");
    // A cost above the rate: a negative margin and a negative share of revenue, never "0%".
    assert_eq!(v["money"]["kind"], "figures");
    let margin: Decimal = v["money"]["margin"].as_str().unwrap().parse().unwrap();
    let pct: Decimal = v["money"]["margin_pct"].as_str().unwrap().parse().unwrap();
    assert!(margin.is_sign_negative() && pct.round_dp(0) == Decimal::new(-25, 0), "{margin} {pct}");
    assert_eq!(v["with_duration"], o.with_duration);
    assert!(v["notes"][0].as_str().unwrap().contains("get_organization_overview"));
}

/// The overview drawn at 120×40, 80×24 and 60×16: a platform function's note, a negative rate withheld,
/// negative calls flagged, averages over their own calls; and a range without calls ("—", never "-0.00").
#[test]
fn overview_snapshots() {
    use common::model::{calls_state, cmd, draw};
    use switchboard::core::action::Action;
    use switchboard::core::effect::Effect;
    use switchboard::core::keymap::Command;
    use switchboard::core::overview::Rates;
    let dec = |s: &str| s.parse::<Decimal>().unwrap();
    let from = d(2026, 3, 4);
    let flagged = Overview {
        from: Some(from),
        to: Some(from + chrono::Duration::days(7)),
        total: 58,
        successful: 40,
        failed: 6,
        total_secs: 3_000_000_000,
        with_duration: 54,
        avg_secs: Some(dec("55555555.56")),
        billed_minutes: dec("9007199254740993"),
        with_billed: 50,
        avg_billed: Some(dec("180143985094819.86")),
        billed_recorded: true,
        negative_calls: 2,
        per_day: (0..7).map(|i| (from + chrono::Duration::days(i), 5 + i)).collect(),
        by_status: vec![("completed".into(), 40), ("failed".into(), 6), ("voicemail".into(), 12)],
        rates: Some(Rates { rate: Some(dec("-0.40")), cost: Some(dec("0.20")) }),
        notes: dialects::retell::OVERVIEW.notes.iter().map(|n| n.to_string()).collect(),
        ..Default::default()
    }
    .with_money();
    let empty = Overview {
        from: Some(from),
        to: Some(from + chrono::Duration::days(7)),
        rates: Some(Rates { rate: Some(dec("0.40")), cost: Some(dec("0.20")) }),
        billed_recorded: true,
        notes: dialects::retell::OVERVIEW.notes.iter().map(|n| n.to_string()).collect(),
        ..Default::default()
    }
    .with_money();
    for (name, o) in [("flagged", &flagged), ("no_calls", &empty)] {
        for (w, h) in [(120, 40), (80, 24), (60, 16)] {
            let mut s = calls_state(w, h);
            let fx = cmd(&mut s, Command::Overview);
            let [Effect::LoadOverview { req, .. }] = fx.as_slice() else { panic!("{fx:?}") };
            switchboard::core::reducer::update(
                &mut s,
                Action::OverviewLoaded { req: *req, result: Ok(o.clone()), ms: 1.0 },
            );
            let screen = draw(&s);
            assert!(!screen.contains("-0.00") && !screen.contains("-0%"), "{screen}");
            if name == "flagged" {
                assert!(screen.contains("⚠ negative") && screen.contains("⚠ 2 calls"), "{screen}");
                if w >= 80 {
                    assert!(screen.contains("over 54 calls with a duration"), "{screen}");
                }
            } else {
                assert!(screen.contains("Margin 0.00 (— of revenue)"), "{screen}");
            }
            insta::assert_snapshot!(format!("overview_{name}_{w}x{h}"), screen);
        }
    }
}
