//! The org profile of every dialect against a real PostgreSQL: every section renders with NULL-heavy
//! rows, secret columns filled with markers never appear in the view, the export or the log, and
//! suspend/reactivate changes exactly one row (with its audit row) in write mode and nothing otherwise.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sqlx::{AssertSqlSafe, Connection, PgConnection};
use switchboard::core::model::{Dialect, Key};
use switchboard::core::sanitize::is_inert;
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

fn fixture(d: Dialect) -> &'static str {
    match d {
        Dialect::Retell => include_str!("fixtures/retell_hostile.sql"),
        Dialect::ServiceAi => include_str!("fixtures/serviceai_hostile.sql"),
        Dialect::Voxanne => include_str!("fixtures/voxanne_hostile.sql"),
        Dialect::Prisma => include_str!("fixtures/prisma_hostile.sql"),
        Dialect::Quinite => include_str!("fixtures/quinite_hostile.sql"),
    }
}

fn orgs(d: Dialect) -> (&'static str, &'static str) {
    match d {
        Dialect::Prisma => ("ckorga000000000000000000a", "ckorgb000000000000000000b"),
        _ => (common::ORG_A, common::ORG_B),
    }
}

fn draw(profile: &switchboard::core::profile::OrgProfile, w: u16, h: u16) -> String {
    let theme = switchboard::ui::theme::Theme::from_name("mono");
    let lines = switchboard::ui::views::profile::lines(profile, &theme, w as usize);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(ratatui::widgets::Paragraph::new(lines), f.area())).unwrap();
    t.backend().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_dialect_profile_renders_and_never_shows_a_secret() {
    for d in Dialect::ALL.iter().copied() {
        let url = common::fresh_db(&format!("prof{}", d.name()), &[schema_sql(d), fixture(d)]).await;
        let src = Source::new(DbOptions::new(&url)).unwrap();
        let (a, b) = orgs(d);
        for org in [a, b] {
            let p = src.profile(d, &Key::parse(org)).await.unwrap().expect("the org exists");
            assert!(p.sections.len() >= 3, "{d}: {} sections", p.sections.len());
            assert_eq!(p.sections[0].title, "Identity");
            let dump = format!("{p:?}");
            assert!(!dump.contains("SECRET-MARKER"), "{d}: a secret was read: {dump}");
            for s in &p.sections {
                for (k, v) in &s.pairs {
                    assert!(is_inert(k) && is_inert(v), "{d}: {k}: {v:?}");
                }
                for r in &s.rows {
                    assert!(r.iter().all(|c| is_inert(c)), "{d}: {r:?}");
                }
            }
            let screen = draw(&p, 100, 60);
            assert!(screen.contains("Identity") && !screen.contains("SECRET-MARKER"), "{d}");
            if d == Dialect::Retell && org == a {
                assert!(screen.contains("Retell API key") && screen.contains("set"), "{screen}");
            }
        }
        // The export and the log never carry one either.
        let log = std::env::temp_dir().join(format!("sb-prof-log-{}-{}", d.name(), std::process::id()));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
            .args(["export", "--url", &url, "org", "--org", a])
            .env("SWITCHBOARD_LOG_DIR", &log)
            .env("SWITCHBOARD_LOG", "debug")
            .env("SWITCHBOARD_CONFIG", "/dev/null")
            .output()
            .unwrap();
        assert!(out.status.success(), "{d}: {}", String::from_utf8_lossy(&out.stderr));
        let json = String::from_utf8_lossy(&out.stdout);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["dialect"], d.name());
        assert!(!json.contains("SECRET-MARKER"), "{d}: the export holds a secret");
        let logged = std::fs::read_to_string(log.join("switchboard.log")).unwrap_or_default();
        assert!(!logged.contains("SECRET-MARKER"), "{d}: the log holds a secret");
        let _ = std::fs::remove_dir_all(&log);
        if d == Dialect::Retell {
            // --org takes a slug too.
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
                .args(["export", "--url", &url, "org", "--org", "acme-plumbing"])
                .env("SWITCHBOARD_CONFIG", "/dev/null")
                .env("SWITCHBOARD_LOG_DIR", std::env::temp_dir())
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            assert!(String::from_utf8_lossy(&out.stdout).contains("\"id\": \"00000000-0000-0000-0000-00000000000a\""));
        }
    }
}

async fn status(url: &str, d: Dialect) -> (Option<String>, i64) {
    let mut c = PgConnection::connect(url).await.unwrap();
    let table = if d == Dialect::Retell { "system.organizations" } else { "organizations" };
    let s: Option<String> =
        sqlx::query_scalar(AssertSqlSafe(format!("SELECT status FROM {table} WHERE id = $1::uuid")))
            .bind(common::ORG_A)
            .fetch_one(&mut c)
            .await
            .unwrap();
    let audits: i64 = if d == Dialect::Retell {
        sqlx::query_scalar("SELECT count(*) FROM system.activity_logs WHERE action = 'organization.status_changed'")
            .fetch_one(&mut c)
            .await
            .unwrap()
    } else {
        0
    };
    (s, audits)
}

#[tokio::test(flavor = "multi_thread")]
async fn suspend_and_reactivate_in_write_mode_only() {
    for d in [Dialect::Retell, Dialect::Quinite] {
        let url = common::fresh_db(&format!("status{}", d.name()), &[schema_sql(d), fixture(d)]).await;
        let org = Key::parse(common::ORG_A);
        let ro = Source::new(DbOptions::new(&url)).unwrap();
        let before = status(&url, d).await;
        assert_eq!(before.0.as_deref(), Some("active"), "{d}");
        let table = if d == Dialect::Retell { "system.organizations" } else { "organizations" };
        let suspended_sql = format!("SELECT count(*) FROM {table} WHERE status = 'suspended'");
        let mut c = PgConnection::connect(&url).await.unwrap();
        let suspended_before: i64 =
            sqlx::query_scalar(AssertSqlSafe(suspended_sql.clone())).fetch_one(&mut c).await.unwrap();
        let e = ro.set_org_status(d, &org, "suspended", Some("active")).await.unwrap_err();
        assert!(e.contains("read-only session"), "{e}");
        assert_eq!(status(&url, d).await, before);
        let mut opts = DbOptions::new(&url);
        opts.read_only = false;
        let rw = Source::new(opts).unwrap();
        rw.set_org_status(d, &org, "suspended", Some("active")).await.unwrap();
        let after = status(&url, d).await;
        assert_eq!(after.0.as_deref(), Some("suspended"));
        assert_eq!(after.1, before.1 + if d == Dialect::Retell { 1 } else { 0 }, "{d}: one audit row");
        let suspended: i64 = sqlx::query_scalar(AssertSqlSafe(suspended_sql)).fetch_one(&mut c).await.unwrap();
        assert_eq!(suspended, suspended_before + 1, "{d}: exactly one row changed");
        if d == Dialect::Retell {
            let p = ro.profile(d, &org).await.unwrap().unwrap();
            let changes = p.sections.iter().find(|s| s.title == "Status changes").unwrap();
            assert_eq!(changes.rows[0][1..3], ["active".to_string(), "suspended".to_string()]);
        }
        rw.set_org_status(d, &org, "active", Some("suspended")).await.unwrap();
        assert_eq!(status(&url, d).await.0.as_deref(), Some("active"));
        let e = rw.set_org_status(d, &org, "active", Some("active")).await.unwrap_err();
        assert!(e.contains("nothing changed"), "{e}");
    }
    let url = common::fresh_db("statussai", &[schema_sql(Dialect::ServiceAi), fixture(Dialect::ServiceAi)]).await;
    let mut opts = DbOptions::new(&url);
    opts.read_only = false;
    let e = Source::new(opts)
        .unwrap()
        .set_org_status(Dialect::ServiceAi, &Key::parse(common::ORG_A), "suspended", None)
        .await;
    assert!(e.unwrap_err().contains("no organization status"));
}

/// What a profile reads is true: a float's noise is not data, an infinite rate is said to be one, a person
/// without a last name keeps the first, and an invitation past its expiry says so.
#[tokio::test(flavor = "multi_thread")]
async fn profile_numbers_names_and_invitations_read_true() {
    let section = |p: &switchboard::core::profile::OrgProfile, title: &str| {
        p.sections.iter().find(|s| s.title == title).cloned().unwrap_or_else(|| panic!("no {title}: {p:?}"))
    };
    // Prisma: a NULL last name; a success rate of Infinity, then of 100.
    // (The full schema says NOT NULL; a database that drifted from it, or the seed's minimum, may not.)
    let extra = "ALTER TABLE \"User\" ALTER COLUMN \"lastName\" DROP NOT NULL; \
                 UPDATE \"User\" SET \"lastName\" = NULL WHERE id = 'ckusera000000000000000001'; \
                 UPDATE \"Agent\" SET \"successRate\" = 'Infinity' WHERE id = 'ckagenta00000000000000001';";
    let d = Dialect::Prisma;
    let url = common::fresh_db("profnumsprisma", &[schema_sql(d), fixture(d), extra]).await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let org = Key::parse(orgs(d).0);
    let p = src.profile(d, &org).await.unwrap().unwrap();
    let people = section(&p, "People");
    assert!(people.rows.iter().any(|r| r[0] == "Alice"), "{people:?}");
    let ava = |p: &switchboard::core::profile::OrgProfile| {
        section(p, "Agents").rows.into_iter().find(|r| r[0] == "Ava").expect("Ava").last().cloned().unwrap()
    };
    assert_eq!(ava(&p), "not a number (Infinity)");
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql("UPDATE \"Agent\" SET \"successRate\" = 100 WHERE id = 'ckagenta00000000000000001'")
        .execute(&mut c)
        .await
        .unwrap();
    assert_eq!(ava(&src.profile(d, &org).await.unwrap().unwrap()), "100.0%");
    src.close().await;

    // ServiceAI: one invitation past its expiry, one not.
    let d = Dialect::ServiceAi;
    let extra = format!(
        "INSERT INTO auth.users (id) VALUES ('5e000000-0000-0000-0000-000000000001'); \
         INSERT INTO organization_invitations (organization_id, invited_by_user_id, invited_email, role, token, \
         status, expires_at) SELECT '{a}', id, 'late@example.com', 'admin', 'tok-late', 'pending', \
         now() - interval '2 days' FROM auth.users LIMIT 1; \
         INSERT INTO organization_invitations (organization_id, invited_by_user_id, invited_email, role, token, \
         status, expires_at) SELECT '{a}', id, 'soon@example.com', 'admin', 'tok-soon', 'pending', \
         now() + interval '2 days' FROM auth.users LIMIT 1;",
        a = common::ORG_A
    );
    let url = common::fresh_db("profnumssvc", &[schema_sql(d), fixture(d), &extra]).await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let inv = section(&src.profile(d, &Key::parse(common::ORG_A)).await.unwrap().unwrap(), "Invitations pending");
    let row = |email: &str| inv.rows.iter().find(|r| r[0] == email).cloned().unwrap_or_else(|| panic!("{inv:?}"));
    assert!(row("late@example.com")[2].starts_with("expired "), "{inv:?}");
    assert!(!row("soon@example.com")[2].contains("expired"), "{inv:?}");
    src.close().await;

    // Retell: billed minutes with a float's noise.
    let d = Dialect::Retell;
    let extra = format!(
        "UPDATE system.billing_history SET total_minutes = 330.33333333333337, total_cost = 0.0045 \
         WHERE organization_id = '{}';",
        common::ORG_A
    );
    let url = common::fresh_db("profnumsret", &[schema_sql(d), fixture(d), &extra]).await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let bills = section(&src.profile(d, &Key::parse(common::ORG_A)).await.unwrap().unwrap(), "Billing history");
    assert_eq!(bills.rows[0][2], "330.33", "{bills:?}");
    assert_eq!(bills.rows[0][3], "0.0045", "a small rate keeps its digits: {bills:?}");
    src.close().await;
}
