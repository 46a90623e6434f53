//! Triage against a real PostgreSQL: overview figures equal direct SQL (and Retell's own
//! get_organization_overview) over the same range; the board's reasons appear for constructed cases (a
//! failure spike, a pending emergency, a silent org), for Retell from its daily rollups.

mod common;

use chrono::NaiveDate;
use sqlx::{AssertSqlSafe, Connection, PgConnection, Row};
use switchboard::core::board::{Reason, reasons};
use switchboard::core::model::{Dialect, Key};
use switchboard::core::time::OrgZone;
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn serviceai_overview_equals_direct_sql() {
    let (mut c, o) = common::serviceai_january_overview("overview", "UPDATE call_logs SET call_status = 'failed' WHERE id::text LIKE '%3' AND organization_id = '00000000-0000-0000-0000-00000000000a'").await;
    let r = sqlx::query(
        "SELECT count(*) AS total, count(*) FILTER (WHERE lower(call_status) = 'completed') AS ok, \
         count(*) FILTER (WHERE lower(call_status) = 'failed') AS failed, COALESCE(sum(call_duration), 0)::int8 AS secs, \
         COALESCE(sum(ceil(call_duration / 60.0)), 0)::int8 AS billed \
         FROM call_logs WHERE organization_id = '00000000-0000-0000-0000-00000000000a' \
         AND created_at >= '2026-01-01 05:00+00' AND created_at < '2026-02-01 05:00+00'",
    )
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!(o.total, r.get::<i64, _>("total"));
    assert!(o.total > 400);
    assert_eq!(o.successful, r.get::<i64, _>("ok"));
    assert_eq!(o.failed, r.get::<i64, _>("failed"));
    assert!(o.failed > 0);
    assert_eq!(o.total_secs, r.get::<i64, _>("secs"));
    assert_eq!(o.billed_minutes, sqlx::types::Decimal::from(r.get::<i64, _>("billed")));
    assert_eq!(o.per_day.iter().map(|x| x.1).sum::<i64>(), o.total);
    assert_eq!(o.by_status.iter().map(|x| x.1).sum::<i64>(), o.total);
    // The 300 calls at 2026-01-15 12:00 UTC are on the 15th in New York.
    assert!(o.per_day.iter().any(|(day, n)| *day == d(2026, 1, 15) && *n >= 300));
    assert_eq!(o.rates, None);
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_overview_equals_its_own_function_and_shows_the_margin() {
    let url =
        common::fresh_db("overviewretell", &[schema_sql(Dialect::Retell), include_str!("fixtures/retell_hostile.sql")])
            .await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let utc = OrgZone::from_name(None);
    let o =
        src.overview(Dialect::Retell, &Key::parse(common::ORG_A), d(2026, 1, 1), d(2026, 2, 1), &utc).await.unwrap();
    let mut c = PgConnection::connect(&url).await.unwrap();
    let r = sqlx::query(
        "SELECT * FROM public.get_organization_overview('00000000-0000-0000-0000-00000000000a', \
         '2026-01-01 00:00+00', '2026-01-31 23:59:59.999999+00')",
    )
    .fetch_one(&mut c)
    .await
    .unwrap();
    let n = |col: &str| -> i64 {
        r.try_get::<i64, _>(col).or_else(|_| r.try_get::<i32, _>(col).map(i64::from)).unwrap_or_else(|_| {
            r.try_get::<sqlx::types::Decimal, _>(col).map(|x| x.to_string().parse::<f64>().unwrap() as i64).unwrap()
        })
    };
    assert_eq!(o.total, n("total_calls"));
    assert_eq!(o.successful, n("successful_calls"));
    assert_eq!(o.failed, n("failed_calls"));
    assert_eq!(o.total_secs, n("total_duration"));
    let rates = o.rates.expect("retell records rates");
    let (rate, cost) = (rates.rate.unwrap(), rates.cost.unwrap());
    let switchboard::core::overview::Money::Figures { revenue, margin, .. } = o.money else { panic!("{:?}", o.money) };
    assert_eq!((revenue, margin), (o.billed_minutes * rate, o.billed_minutes * rate - o.billed_minutes * cost));
}

#[tokio::test(flavor = "multi_thread")]
async fn board_reasons_for_constructed_cases() {
    let url = common::hostile_db("board").await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    // Acme: 10 calls in the last hours, 6 failed (a spike). Tokyo: a pending emergency. Org B: silent.
    sqlx::raw_sql(
        "INSERT INTO call_logs (organization_id, vapi_call_id, customer_phone_number, call_status, created_at) \
         SELECT '00000000-0000-0000-0000-00000000000a', 'spike-' || i, '+15550001111', \
                CASE WHEN i <= 6 THEN 'failed' ELSE 'completed' END, now() - i * interval '10 minutes' \
         FROM generate_series(1, 10) i; \
         INSERT INTO call_logs (organization_id, vapi_call_id, customer_phone_number, call_status, created_at) \
         VALUES ('00000000-0000-0000-0000-00000000000c', 'tokyo-now', '+81300000000', 'completed', now() - interval '1 hour'); \
         INSERT INTO emergency_notifications (organization_id, notification_type, urgency, message, status) \
         VALUES ('00000000-0000-0000-0000-00000000000c', 'sms', 'critical', 'Flood', 'pending');",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let rows = src.board(Dialect::ServiceAi).await.unwrap();
    assert_eq!(rows.len(), 3);
    let now = chrono::Utc::now();
    let of = |id: &str| rows.iter().find(|r| r.key == Key::parse(id)).unwrap();
    let a = of(common::ORG_A);
    assert_eq!((a.calls_24h, a.failed_24h), (10, 6));
    assert!(matches!(reasons(a, now).as_slice(), [Reason::FailureSpike { .. }]), "{:?}", reasons(a, now));
    assert!(matches!(reasons(of(common::ORG_C), now).as_slice(), [Reason::PendingEmergency(1)]));
    assert_eq!(reasons(of(common::ORG_B), now), vec![Reason::Silent { days: None }]);
    let order: Vec<String> =
        switchboard::core::board::ranked(&rows, now).iter().map(|(i, _)| rows[*i].key.to_string()).collect();
    assert_eq!(order[0], common::ORG_C, "the emergency comes first");
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_board_reads_the_rollups_of_each_tenant() {
    let url =
        common::fresh_db("boardretell", &[schema_sql(Dialect::Retell), include_str!("fixtures/retell_hostile.sql")])
            .await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(
        "INSERT INTO org_acme_plumbing_3cbe86ec52774832a9185220c74fc619.call_rollups \
         (day, agent_id, organization_id, total_calls, successful_calls, failed_calls) VALUES \
         (current_date, 'a1', '00000000-0000-0000-0000-00000000000a', 10, 4, 6), \
         (current_date - 3, 'a1', '00000000-0000-0000-0000-00000000000a', 20, 19, 1); \
         INSERT INTO org_acme_plumbing_3cbe86ec52774832a9185220c74fc619.calls (external_call_id, created_at, status) \
         VALUES ('today', now() - interval '1 hour', 'failed')",
    ))
    .execute(&mut c)
    .await
    .unwrap();
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let rows = src.board(Dialect::Retell).await.unwrap();
    assert_eq!(rows.len(), 5, "the org with a missing schema is listed too");
    let a = rows.iter().find(|r| r.key == Key::parse(common::ORG_A)).unwrap();
    assert_eq!((a.calls_24h, a.failed_24h, a.calls_7d, a.failed_7d), (10, 6, 30, 7));
    assert!(matches!(reasons(a, chrono::Utc::now()).as_slice(), [Reason::FailureSpike { .. }]));
}
