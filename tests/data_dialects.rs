//! Every dialect against a real PostgreSQL loaded with its schema and hostile fixture: detection, orgs,
//! paging without gaps or duplicates both ways, the huge and the hostile transcript, no secret read, and a
//! snapshot of a call's detail.

mod common;

use common::url_for;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sqlx::{AssertSqlSafe, Connection, PgConnection, Row};
use switchboard::core::action::Action;
use switchboard::core::keymap::{Command, Keymap};
use switchboard::core::model::{Anchor, Dialect, Key, Page};
use switchboard::core::reducer::update;
use switchboard::core::sanitize::is_inert;
use switchboard::core::state::{CallView, Screen, State};
use switchboard::core::time::OrgZone;
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

struct Case {
    dialect: Dialect,
    fixture: &'static str,
    org_a: &'static str,
    org_b: &'static str,
    orgs: usize,
    huge: &'static str,
    hostile: &'static str,
    normal: &'static str,
    /// Org A's call ids in the console's order, straight from SQL.
    order_sql: &'static str,
}

const UUID_A: &str = "00000000-0000-0000-0000-00000000000a";
const UUID_B: &str = "00000000-0000-0000-0000-00000000000b";

fn cases() -> Vec<Case> {
    vec![
        Case {
            dialect: Dialect::Retell,
            fixture: include_str!("fixtures/retell_hostile.sql"),
            org_a: UUID_A,
            org_b: UUID_B,
            orgs: 5,
            huge: "40000000-0000-0000-0000-000000000001",
            hostile: "40000000-0000-0000-0000-000000000002",
            normal: "20000000-0000-0000-0000-000000000001",
            order_sql: "SELECT id::text FROM org_acme_plumbing_3cbe86ec52774832a9185220c74fc619.calls \
                        ORDER BY created_at DESC NULLS LAST, id DESC",
        },
        Case {
            dialect: Dialect::ServiceAi,
            fixture: include_str!("fixtures/serviceai_hostile.sql"),
            org_a: UUID_A,
            org_b: UUID_B,
            orgs: 3,
            huge: "40000000-0000-0000-0000-000000000001",
            hostile: "40000000-0000-0000-0000-000000000002",
            normal: "20000000-0000-0000-0000-000000000001",
            order_sql: "SELECT id::text FROM call_logs WHERE organization_id = '00000000-0000-0000-0000-00000000000a' \
                        ORDER BY created_at DESC NULLS LAST, id DESC",
        },
        Case {
            dialect: Dialect::Voxanne,
            fixture: include_str!("fixtures/voxanne_hostile.sql"),
            org_a: UUID_A,
            org_b: UUID_B,
            orgs: 3,
            huge: "40000000-0000-0000-0000-000000000001",
            hostile: "40000000-0000-0000-0000-000000000002",
            normal: "20000000-0000-0000-0000-000000000001",
            order_sql: "SELECT id::text FROM calls WHERE org_id = '00000000-0000-0000-0000-00000000000a' \
                        ORDER BY created_at DESC, id DESC",
        },
        Case {
            dialect: Dialect::Prisma,
            fixture: include_str!("fixtures/prisma_hostile.sql"),
            org_a: "ckorga000000000000000000a",
            org_b: "ckorgb000000000000000000b",
            orgs: 3,
            huge: "ckcallhuge000000000000001",
            hostile: "ckcallhostile000000000002",
            normal: "ckcall2000000000000000001",
            order_sql: "SELECT id FROM \"CallLog\" WHERE \"organizationId\" = 'ckorga000000000000000000a' \
                        ORDER BY \"timestamp\" DESC, id DESC",
        },
        Case {
            dialect: Dialect::Quinite,
            fixture: include_str!("fixtures/quinite_hostile.sql"),
            org_a: UUID_A,
            org_b: UUID_B,
            orgs: 3,
            huge: "40000000-0000-0000-0000-000000000001",
            hostile: "40000000-0000-0000-0000-000000000002",
            normal: "20000000-0000-0000-0000-000000000001",
            order_sql: "SELECT id::text FROM call_logs WHERE organization_id = '00000000-0000-0000-0000-00000000000a' \
                        ORDER BY call_timestamp DESC, id DESC",
        },
    ]
}

async fn db(case: &Case) -> String {
    common::fresh_db(case.dialect.name(), &[schema_sql(case.dialect), case.fixture]).await
}

async fn expected(url: &str, sql: &str) -> Vec<String> {
    let mut c = PgConnection::connect(url).await.unwrap();
    let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(&mut c).await.unwrap();
    rows.iter().map(|r| r.get::<String, _>(0)).collect()
}

fn ids(p: &Page) -> Vec<String> {
    p.rows.iter().map(|r| r.key.to_string()).collect()
}

async fn forward_all(src: &Source, d: Dialect, org: &Key, limit: usize) -> Vec<String> {
    let mut seen = Vec::new();
    let mut anchor = Anchor::First;
    loop {
        let page = src.calls(d, org, &anchor, limit).await.unwrap();
        seen.extend(ids(&page));
        if !page.has_after {
            return seen;
        }
        anchor = Anchor::After(page.rows.last().unwrap().cursor());
    }
}

async fn backward_all(src: &Source, d: Dialect, org: &Key, limit: usize) -> Vec<String> {
    let mut pages: Vec<Vec<String>> = Vec::new();
    let mut page = src.calls(d, org, &Anchor::Last, limit).await.unwrap();
    loop {
        pages.push(ids(&page));
        if !page.has_before {
            break;
        }
        page = src.calls(d, org, &Anchor::Before(page.rows[0].cursor()), limit).await.unwrap();
    }
    let mut out: Vec<String> = Vec::new();
    for p in pages.into_iter().rev() {
        for id in p {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out
}

fn draw_call(case: &Case, view: CallView) -> String {
    let mut s = State::new("postgres://test@localhost/test", true, Keymap::default());
    update(&mut s, Action::Resize { width: 100, height: 30 });
    s.screen = Screen::Call;
    s.call = Some(view);
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let theme = switchboard::ui::theme::Theme::from_name("mono");
    t.draw(|f| switchboard::ui::views::render(&s, &theme, f)).unwrap();
    let transcript = t.backend().to_string();
    update(&mut s, Action::Command(Command::Details));
    t.draw(|f| switchboard::ui::views::render(&s, &theme, f)).unwrap();
    format!("{}: transcript\n{transcript}\n{}: details\n{}", case.dialect, case.dialect, t.backend())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_dialect_is_detected_listed_paged_and_read_safely() {
    for case in cases() {
        let d = case.dialect;
        let url = db(&case).await;
        let src = Source::new(DbOptions::new(&url)).unwrap();

        let info = src.detect(None).await.unwrap();
        assert_eq!(info.dialect, d, "detection");
        assert_eq!(info.detection_note, None);

        let orgs = src.orgs(d).await.unwrap();
        assert_eq!(orgs.len(), case.orgs, "{d}: orgs");
        assert!(orgs.iter().all(|o| is_inert(&o.name)), "{d}: org names are inert");
        let b = orgs.iter().find(|o| o.key == Key::parse(case.org_b)).expect("org B");
        assert!(b.name.contains("␛]0;pwned"), "{d}: {:?}", b.name);

        let org = Key::parse(case.org_a);
        let want = expected(&url, case.order_sql).await;
        assert!(want.len() >= 500, "{d}: {} calls", want.len());
        for limit in [50, 7] {
            assert_eq!(forward_all(&src, d, &org, limit).await, want, "{d}: forward, page size {limit}");
        }
        assert_eq!(backward_all(&src, d, &org, 50).await, want, "{d}: backward");
        let empty = src.calls(d, &Key::parse(case.org_b), &Anchor::First, 50).await.unwrap();
        assert!(empty.rows.is_empty(), "{d}: org B has no calls");

        let huge = src.call(d, &org, &Key::parse(case.huge)).await.unwrap().expect("huge call");
        let t = huge.transcript.unwrap();
        assert!(t.len() >= 2_000_000, "{d}: {}", t.len());
        assert!(switchboard::core::transcript::parse(&t).len() > 1000);

        let hostile = src.call(d, &org, &Key::parse(case.hostile)).await.unwrap().expect("hostile call");
        let t = hostile.transcript.clone().unwrap();
        assert!(is_inert(&t) && t.contains('␛') && t.contains("配管が破裂しました"), "{d}: {t:?}");
        for (k, v) in &hostile.facts {
            assert!(is_inert(k) && is_inert(&v.replace('\n', " ")), "{d}: {k}: {v:?}");
        }
        assert!(src.call(d, &Key::parse(case.org_b), &Key::parse(case.hostile)).await.unwrap().is_none());

        // Nothing read carries a secret.
        let mut dump = format!("{orgs:?}");
        let mut anchor = Anchor::First;
        loop {
            let p = src.calls(d, &org, &anchor, 200).await.unwrap();
            for r in &p.rows {
                dump += &format!("{:?}", src.call(d, &org, &r.key).await.unwrap());
            }
            if !p.has_after {
                break;
            }
            anchor = Anchor::After(p.rows.last().unwrap().cursor());
        }
        assert!(!dump.contains("SECRET-MARKER"), "{d}: a secret was read");

        // A snapshot of one ordinary call's detail.
        let detail = src.call(d, &org, &Key::parse(case.normal)).await.unwrap().expect("normal call");
        let mut view = CallView::new(OrgZone::from_name(Some("America/New_York")), detail.row.clone(), 1);
        view.pending = None;
        view.turns = detail.transcript.as_deref().map(switchboard::core::transcript::parse).unwrap_or_default();
        view.detail = Some(detail);
        view.rewrap(98);
        insta::assert_snapshot!(format!("call_detail_{d}"), draw_call(&case, view));
        src.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_quotes_schema_names_and_reports_broken_tenants_per_org() {
    let case = cases().into_iter().find(|c| c.dialect == Dialect::Retell).unwrap();
    let url = db(&case).await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let d = Dialect::Retell;
    let c = Key::parse("00000000-0000-0000-0000-00000000000c");
    let page = src.calls(d, &c, &Anchor::First, 50).await.unwrap();
    assert_eq!(page.rows.len(), 3, "the quoted schema org_Tōkyō\"Dental is read");
    let missing = src.calls(d, &Key::parse("00000000-0000-0000-0000-00000000000d"), &Anchor::First, 50).await;
    let e = missing.unwrap_err();
    assert!(e.contains("org_missing_0000") && e.contains("missing"), "{e}");
    let old = Key::parse("00000000-0000-0000-0000-00000000000e");
    let page = src.calls(d, &old, &Anchor::First, 50).await.unwrap();
    assert_eq!(page.rows.len(), 3, "the list does not need the missing columns");
    // Nor does a call: what the tenant's table lacks reads as not recorded.
    let detail = src.call(d, &old, &page.rows[0].key).await.unwrap().expect("the call");
    assert!(detail.transcript.is_some());
    // The others keep working.
    assert!(src.calls(d, &Key::parse(UUID_A), &Anchor::First, 50).await.unwrap().rows.len() == 50);
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_with_2000_tenant_schemas_lists_orgs_without_touching_them() {
    let case = cases().into_iter().find(|c| c.dialect == Dialect::Retell).unwrap();
    let url = db(&case).await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    let start = std::time::Instant::now();
    // In batches: one transaction creating thousands of schemas runs out of lock slots.
    for batch in 0..10 {
        sqlx::raw_sql(AssertSqlSafe(format!(
            "DO $$ DECLARE i int; s text; BEGIN \
               FOR i IN {} .. {} LOOP \
                 s := 'org_bulk_' || i; \
                 INSERT INTO system.organizations (id, name, slug, subdomain, schema_name) \
                   VALUES (('00000000-0000-0000-0001-' || lpad(i::text, 12, '0'))::uuid, 'Bulk ' || i, 'bulk-' || i, 'bulk-' || i, s); \
                 IF NOT public.create_organization_schema(('00000000-0000-0000-0001-' || lpad(i::text, 12, '0'))::uuid, s) THEN \
                   RAISE EXCEPTION 'schema % not created', s; \
                 END IF; \
               END LOOP; END $$",
            batch * 200 + 1,
            batch * 200 + 200
        )))
        .execute(&mut c)
        .await
        .unwrap();
    }
    let schemas: i64 = sqlx::query_scalar("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'org_bulk_%'")
        .fetch_one(&mut c)
        .await
        .unwrap();
    assert_eq!(schemas, 2000);
    eprintln!("created 2000 tenant schemas in {:?}", start.elapsed());
    // A role that may read the org registry and nothing else: if the org list touched a tenant schema,
    // it would fail.
    let db = url.rsplit('/').next().unwrap().split('?').next().unwrap().to_string();
    sqlx::raw_sql(AssertSqlSafe(format!(
        "DROP ROLE IF EXISTS sb_registry_{db}; CREATE ROLE sb_registry_{db} LOGIN; \
         GRANT CONNECT ON DATABASE {db} TO sb_registry_{db}; \
         GRANT USAGE ON SCHEMA system TO sb_registry_{db}; \
         GRANT SELECT ON system.organizations TO sb_registry_{db};"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let admin = common::admin_url();
    let role_url = url_for(&db).replacen("postgres@", &format!("sb_registry_{db}@"), 1);
    assert_ne!(role_url, url, "{admin}");
    let src = Source::new(DbOptions::new(&role_url)).unwrap();
    let start = std::time::Instant::now();
    let orgs = src.orgs(Dialect::Retell).await.unwrap();
    eprintln!("listed {} orgs in {:?}", orgs.len(), start.elapsed());
    assert_eq!(orgs.len(), 2005);
    // And that role cannot read a tenant's calls: the console says so for that org.
    let e = src.calls(Dialect::Retell, &Key::parse(UUID_A), &Anchor::First, 50).await.unwrap_err();
    assert!(e.contains("no SELECT on") && e.contains(".calls"), "{e}");
    assert_eq!(e.kind, switchboard::data::error::ErrorKind::Refused);
}
