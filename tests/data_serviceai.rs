//! The data layer against a real PostgreSQL holding the ServiceAI schema and hostile data.

mod common;

use std::collections::HashSet;

use common::*;
use sqlx::{Connection, PgConnection, Row};
use switchboard::core::model::{Anchor, Dialect, Key, Page};
use switchboard::core::sanitize::is_inert;
use switchboard::core::transcript;
use switchboard::data::{DbOptions, Source};

fn key(s: &str) -> Key {
    Key::parse(s)
}

async fn source(url: &str) -> Source {
    Source::new(DbOptions::new(url)).unwrap()
}

/// Ids of org A in the console's order, straight from SQL.
async fn expected_order(url: &str) -> Vec<String> {
    let mut c = PgConnection::connect(url).await.unwrap();
    let rows = sqlx::query(
        "SELECT id::text FROM call_logs WHERE organization_id = $1::uuid ORDER BY created_at DESC NULLS LAST, id DESC",
    )
    .bind(ORG_A)
    .fetch_all(&mut c)
    .await
    .unwrap();
    rows.iter().map(|r| r.get::<String, _>(0)).collect()
}

fn ids(p: &Page) -> Vec<String> {
    p.rows.iter().map(|r| r.key.to_string()).collect()
}

#[tokio::test]
async fn detects_serviceai_and_reads_the_server() {
    let url = hostile_db("detect").await;
    let info = source(&url).await.detect(None).await.unwrap();
    assert_eq!(info.dialect, Dialect::ServiceAi);
    assert!(info.server_version.chars().next().unwrap().is_ascii_digit(), "{}", info.server_version);
    assert_eq!(info.detection_note, None);
}

#[tokio::test]
async fn an_unknown_schema_gets_one_clear_line() {
    let url = fresh_db("unknown", &["CREATE TABLE things (id int)"]).await;
    let err = source(&url).await.detect(None).await.unwrap_err();
    assert!(err.starts_with("no known platform schema"), "{err}");
    assert!(err.contains("public.call_logs"), "{err}");
    assert!(!err.contains('\n'));
}

#[tokio::test]
async fn a_dead_server_is_an_error_not_a_hang() {
    let mut opts = DbOptions::new("postgres://postgres@127.0.0.1:1/postgres?sslmode=disable");
    opts.connect_timeout_ms = 3_000;
    let start = std::time::Instant::now();
    let err = Source::new(opts).unwrap().detect(None).await.unwrap_err();
    assert!(start.elapsed().as_secs() < 10);
    assert!(err.contains("cannot reach") || err.contains("timed out"), "{err}");
}

#[tokio::test]
async fn orgs_are_listed_sanitized_with_nulls() {
    let url = hostile_db("orgs").await;
    let orgs = source(&url).await.orgs(Dialect::ServiceAi).await.unwrap();
    assert_eq!(orgs.len(), 3);
    for o in &orgs {
        assert!(is_inert(&o.name), "{:?}", o.name);
    }
    let b = orgs.iter().find(|o| o.key == key(ORG_B)).unwrap();
    assert!(b.name.contains('␛'), "{:?}", b.name);
    assert!(b.name.contains("⟨RLO⟩"), "{:?}", b.name);
    assert_eq!(b.timezone, None);
    assert_eq!(b.industry.as_deref().map(|s| !s.is_empty()), Some(true)); // NOT NULL column
    let c = orgs.iter().find(|o| o.key == key(ORG_C)).unwrap();
    assert!(c.name.contains("東京デンタル"));
}

async fn page_forward_all(src: &Source, limit: usize) -> Vec<String> {
    let mut seen = Vec::new();
    let mut anchor = Anchor::First;
    loop {
        let page = src.calls(Dialect::ServiceAi, &key(ORG_A), &anchor, limit).await.unwrap();
        assert!(page.rows.len() <= limit);
        seen.extend(ids(&page));
        if !page.has_after {
            break;
        }
        anchor = Anchor::After(page.rows.last().unwrap().cursor());
    }
    seen
}

#[tokio::test]
async fn keyset_paging_forward_returns_every_call_once_in_order_despite_ties_and_nulls() {
    let url = hostile_db("fwd").await;
    let src = source(&url).await;
    let expected = expected_order(&url).await;
    assert_eq!(expected.len(), 526);
    for limit in [50, 7, 300, 1000] {
        let seen = page_forward_all(&src, limit).await;
        assert_eq!(seen, expected, "page size {limit}");
    }
}

#[tokio::test]
async fn keyset_paging_backward_returns_every_call_once_in_order() {
    let url = hostile_db("bwd").await;
    let src = source(&url).await;
    let expected = expected_order(&url).await;
    for limit in [50, 13] {
        let mut seen: Vec<String> = Vec::new();
        let mut page = src.calls(Dialect::ServiceAi, &key(ORG_A), &Anchor::Last, limit).await.unwrap();
        assert!(!page.has_after);
        loop {
            let mut p = ids(&page);
            p.extend(seen);
            seen = p;
            if !page.has_before {
                break;
            }
            page = src
                .calls(Dialect::ServiceAi, &key(ORG_A), &Anchor::Before(page.rows[0].cursor()), limit)
                .await
                .unwrap();
        }
        // The last backward step may return a full first page that overlaps what was seen.
        let mut unique = Vec::new();
        let mut set = HashSet::new();
        for id in seen {
            if set.insert(id.clone()) {
                unique.push(id);
            }
        }
        assert_eq!(unique, expected, "page size {limit}");
    }
}

#[tokio::test]
async fn forward_then_back_gives_the_same_page() {
    let url = hostile_db("back").await;
    let src = source(&url).await;
    let org = key(ORG_A);
    let d = Dialect::ServiceAi;
    let p1 = src.calls(d, &org, &Anchor::First, 40).await.unwrap();
    let p2 = src.calls(d, &org, &Anchor::After(p1.rows.last().unwrap().cursor()), 40).await.unwrap();
    let p3 = src.calls(d, &org, &Anchor::After(p2.rows.last().unwrap().cursor()), 40).await.unwrap();
    let back = src.calls(d, &org, &Anchor::Before(p3.rows[0].cursor()), 40).await.unwrap();
    assert_eq!(ids(&back), ids(&p2));
    assert!(back.has_before && back.has_after);
    // Crossing from timed rows into the NULL-time rows and back.
    let last = src.calls(d, &org, &Anchor::Last, 40).await.unwrap();
    assert!(last.rows.iter().rev().take(25).all(|r| r.created_at.is_none()));
    let before_last = src.calls(d, &org, &Anchor::Before(last.rows[0].cursor()), 40).await.unwrap();
    let again = src.calls(d, &org, &Anchor::After(before_last.rows.last().unwrap().cursor()), 40).await.unwrap();
    assert_eq!(ids(&again), ids(&last));
}

#[tokio::test]
async fn org_without_calls_gives_an_empty_page() {
    let url = hostile_db("empty").await;
    let page = source(&url).await.calls(Dialect::ServiceAi, &key(ORG_B), &Anchor::First, 50).await.unwrap();
    assert!(page.rows.is_empty() && !page.has_after && !page.has_before);
}

#[tokio::test]
async fn the_2mb_transcript_loads_and_splits_into_turns() {
    let url = hostile_db("huge").await;
    let src = source(&url).await;
    let d = src.call(Dialect::ServiceAi, &key(ORG_A), &key(HUGE_CALL)).await.unwrap().unwrap();
    let t = d.transcript.unwrap();
    assert!(t.len() >= 2_000_000, "{}", t.len());
    let turns = transcript::parse(&t);
    assert!(turns.len() > 1000, "{}", turns.len());
    let lines = transcript::wrap(&turns, 118);
    assert!(lines.len() > turns.len());
}

#[tokio::test]
async fn hostile_text_is_made_inert_on_load() {
    let url = hostile_db("hostile").await;
    let src = source(&url).await;
    let d = src.call(Dialect::ServiceAi, &key(ORG_A), &key(HOSTILE_CALL)).await.unwrap().unwrap();
    let t = d.transcript.clone().unwrap();
    assert!(is_inert(&t), "{t:?}");
    assert!(t.contains('␛'));
    assert!(t.contains("配管が破裂しました"));
    assert!(t.contains("مرحبا"));
    assert!(t.contains("🔥"));
    assert!(is_inert(d.summary.as_deref().unwrap_or("")));
    assert!(is_inert(d.row.phone.as_deref().unwrap_or("")));
    assert!(!t.contains('\t') && !t.contains('\r'));
}

#[tokio::test]
async fn a_call_of_another_org_is_not_found() {
    let url = hostile_db("other").await;
    let src = source(&url).await;
    assert!(src.call(Dialect::ServiceAi, &key(ORG_C), &key(HUGE_CALL)).await.unwrap().is_none());
}

#[tokio::test]
async fn nothing_read_carries_a_secret() {
    let url = hostile_db("secrets").await;
    let src = source(&url).await;
    let d = Dialect::ServiceAi;
    let mut dump = format!("{:?}", src.detect(None).await.unwrap());
    dump += &format!("{:?}", src.orgs(d).await.unwrap());
    let mut anchor = Anchor::First;
    loop {
        let p = src.calls(d, &key(ORG_A), &anchor, 200).await.unwrap();
        dump += &format!("{p:?}");
        for r in &p.rows {
            dump += &format!("{:?}", src.call(d, &key(ORG_A), &r.key).await.unwrap());
        }
        if !p.has_after {
            break;
        }
        anchor = Anchor::After(p.rows.last().unwrap().cursor());
    }
    assert!(dump.len() > 2_000_000);
    assert!(!dump.contains("SECRET-MARKER"), "a secret was read");
}

#[tokio::test]
async fn reads_are_read_only_at_the_server_and_bounded_by_the_statement_timeout() {
    let url = hostile_db("ro").await;
    let src = source(&url).await;
    assert!(src.reads_are_read_only().await.unwrap());
    // Hold a lock so that listing orgs waits: the statement timeout must cancel it server-side.
    let mut locker = PgConnection::connect(&url).await.unwrap();
    sqlx::query("BEGIN").execute(&mut locker).await.unwrap();
    sqlx::query("LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE").execute(&mut locker).await.unwrap();
    let mut opts = DbOptions::new(&url);
    opts.statement_timeout_ms = 300;
    let slow = Source::new(opts).unwrap();
    let start = std::time::Instant::now();
    let err = slow.orgs(Dialect::ServiceAi).await.unwrap_err();
    assert!(err.contains("cancelled"), "{err}");
    assert!(start.elapsed().as_millis() < 3_000);
    sqlx::query("ROLLBACK").execute(&mut locker).await.unwrap();
    assert_eq!(slow.orgs(Dialect::ServiceAi).await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_superseded_query_is_cancelled_on_the_server() {
    let url = hostile_db("cancel").await;
    common::a_superseded_query_is_cancelled(&url, &url).await;
}
