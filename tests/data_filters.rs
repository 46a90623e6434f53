//! Call-list filters against a real PostgreSQL: every filter returns exactly the rows direct SQL returns,
//! across keyset pages, in every dialect where the platform records what it filters on.

mod common;

use std::collections::BTreeSet;

use sqlx::{AssertSqlSafe, Connection, PgConnection, Row};
use switchboard::core::filter::CallFilter;
use switchboard::core::model::{Anchor, Dialect, Key};
use switchboard::core::time::OrgZone;
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

async fn all_pages(src: &Source, d: Dialect, org: &Key, f: &CallFilter, zone: &OrgZone) -> Vec<String> {
    let mut seen = Vec::new();
    let mut anchor = Anchor::First;
    loop {
        let p = src.calls_filtered(d, org, &anchor, 7, f, zone).await.unwrap();
        seen.extend(p.rows.iter().map(|r| r.key.to_string()));
        if !p.has_after {
            return seen;
        }
        anchor = Anchor::After(p.rows.last().unwrap().cursor());
    }
}

async fn direct(url: &str, sql: &str) -> BTreeSet<String> {
    let mut c = PgConnection::connect(url).await.unwrap();
    sqlx::query(AssertSqlSafe(sql)).fetch_all(&mut c).await.unwrap().iter().map(|r| r.get::<String, _>(0)).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn serviceai_filters_match_direct_sql_across_pages() {
    let url = common::fresh_db("filt", &[schema_sql(Dialect::ServiceAi), common::HOSTILE]).await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    // Variety on top of the fixture: statuses, urgency, phones in several formats, words.
    sqlx::raw_sql(
        "UPDATE call_logs SET call_status = CASE WHEN id::text LIKE '%3' THEN 'failed' ELSE call_status END, \
           urgency_score = CASE WHEN id::text LIKE '%7' THEN 0.9 ELSE urgency_score END, \
           customer_phone_number = CASE WHEN id::text LIKE '%5' THEN '(415) 555-0' || right(id::text, 3) ELSE customer_phone_number END, \
           summary = CASE WHEN id::text LIKE '%9' THEN 'Burst PIPE in the kitchen 50%' \
             WHEN id::text LIKE '%1' THEN E'O''Brien said \\\\ back$1slash; -- done' ELSE summary END \
         WHERE organization_id = '00000000-0000-0000-0000-00000000000a'",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let org = Key::parse(common::ORG_A);
    let ny = OrgZone::from_name(Some("America/New_York"));
    let base = "SELECT c.id::text FROM call_logs c LEFT JOIN vapi_assistants a ON a.id = c.vapi_assistant_id \
                WHERE c.organization_id = '00000000-0000-0000-0000-00000000000a'";
    let cases: Vec<(&str, String)> = vec![
        ("status:failed", format!("{base} AND lower(c.call_status) = 'failed'")),
        ("urgent", format!("{base} AND (c.emergency_detected OR c.urgency_score >= 0.7)")),
        ("agent:av", format!("{base} AND a.name ILIKE '%av%'")),
        ("phone:415-555", format!("{base} AND regexp_replace(c.customer_phone_number, '\\D', '', 'g') LIKE '415555%'")),
        (
            "phone:+1 415 555",
            format!("{base} AND regexp_replace(c.customer_phone_number, '\\D', '', 'g') LIKE '1415555%'"),
        ),
        ("\"burst pipe\"", format!("{base} AND (c.transcript ILIKE '%burst pipe%' OR c.summary ILIKE '%burst pipe%')")),
        ("50%", format!("{base} AND (c.transcript LIKE '%50\\%%' OR c.summary LIKE '%50\\%%')")),
        // Quotes, a backslash, a dollar parameter and a comment in what is typed: inlined as a literal, matched
        // as text (the read is one message of the simple protocol).
        (
            "\"o'brien said \\ back$1slash; --\"",
            format!(
                "{base} AND (c.transcript ILIKE E'%o''brien said \\\\\\\\ back$1slash; --%' OR c.summary ILIKE E'%o''brien said \\\\\\\\ back$1slash; --%')"
            ),
        ),
        (
            // New York dates: 2026-01-15 runs from 05:00 UTC to 05:00 UTC the next day.
            "day:2026-01-15",
            format!("{base} AND c.created_at >= '2026-01-15 05:00+00' AND c.created_at < '2026-01-16 05:00+00'"),
        ),
        (
            "from:2026-01-10 to:2026-01-20 status:completed urgent",
            format!(
                "{base} AND c.created_at >= '2026-01-10 05:00+00' AND c.created_at < '2026-01-21 05:00+00' \
                 AND lower(c.call_status) = 'completed' AND (c.emergency_detected OR c.urgency_score >= 0.7)"
            ),
        ),
    ];
    for (typed, sql) in cases {
        let f = CallFilter::parse(typed).unwrap();
        let got = all_pages(&src, Dialect::ServiceAi, &org, &f, &ny).await;
        let set: BTreeSet<String> = got.iter().cloned().collect();
        assert_eq!(set.len(), got.len(), "{typed}: a call came twice");
        assert_eq!(set, direct(&url, &sql).await, "{typed}");
        assert!(!typed.starts_with("\"o'brien") || !set.is_empty(), "{typed}: the hostile phrase is found");
    }
    // A filter on something the platform does not record says so.
    let e = src
        .calls_filtered(Dialect::ServiceAi, &org, &Anchor::First, 10, &CallFilter::parse("dir:inbound").unwrap(), &ny)
        .await;
    assert!(e.unwrap_err().contains("no call direction"));
}

#[tokio::test(flavor = "multi_thread")]
async fn every_dialect_filters_by_status_and_day_like_direct_sql() {
    let cases: [(Dialect, &str, &str, &str, &str); 4] = [
        (
            Dialect::Retell,
            include_str!("fixtures/retell_hostile.sql"),
            "00000000-0000-0000-0000-00000000000a",
            "SELECT id::text FROM org_acme_plumbing_3cbe86ec52774832a9185220c74fc619.calls c WHERE lower(c.status) = '{s}'",
            "c.created_at",
        ),
        (
            Dialect::Voxanne,
            include_str!("fixtures/voxanne_hostile.sql"),
            "00000000-0000-0000-0000-00000000000a",
            "SELECT id::text FROM calls c WHERE c.org_id = '00000000-0000-0000-0000-00000000000a' AND lower(c.status) = '{s}'",
            "c.created_at",
        ),
        (
            Dialect::Prisma,
            include_str!("fixtures/prisma_hostile.sql"),
            "ckorga000000000000000000a",
            "SELECT id FROM \"CallLog\" c WHERE c.\"organizationId\" = 'ckorga000000000000000000a' AND lower(c.status::text) = '{s}'",
            "(c.\"timestamp\" AT TIME ZONE 'UTC')",
        ),
        (
            Dialect::Quinite,
            include_str!("fixtures/quinite_hostile.sql"),
            "00000000-0000-0000-0000-00000000000a",
            "SELECT id::text FROM call_logs c WHERE c.organization_id = '00000000-0000-0000-0000-00000000000a' AND lower(c.call_status) = '{s}'",
            "c.call_timestamp",
        ),
    ];
    let utc = OrgZone::from_name(Some("UTC"));
    for (d, fixture, org, status_sql, ts) in cases {
        let url = common::fresh_db(&format!("filt{}", d.name()), &[schema_sql(d), fixture]).await;
        let src = Source::new(DbOptions::new(&url)).unwrap();
        let org = Key::parse(org);
        // The most common status of the org's calls.
        let all = all_pages(&src, d, &org, &CallFilter::default(), &utc).await;
        let page = src.calls(d, &org, &Anchor::First, 500).await.unwrap();
        let status = page
            .rows
            .iter()
            .filter_map(|r| r.status.clone())
            .max_by_key(|s| page.rows.iter().filter(|r| r.status.as_ref() == Some(s)).count())
            .unwrap();
        let f = CallFilter::parse(&format!("status:{status} day:2026-01-15")).unwrap();
        let got: BTreeSet<String> = all_pages(&src, d, &org, &f, &utc).await.into_iter().collect();
        let sql = format!(
            "{} AND {ts} >= '2026-01-15 00:00+00' AND {ts} < '2026-01-16 00:00+00'",
            status_sql.replace("{s}", &status.to_lowercase())
        );
        let want = direct(&url, &sql).await;
        assert_eq!(got, want, "{d}: status:{status} day:2026-01-15");
        assert!(!want.is_empty(), "{d}: the case is not empty");
        assert!(got.len() < all.len());
    }
}
