//! Roles the database refuses things to: a role without SELECT on one table sees every other section; a
//! Supabase-style role under row security is told so; Retell tenants that lack a column, their rollups or
//! their schema are named and the others work. Exit codes: 3 when the database refuses.

mod common;

use sqlx::{AssertSqlSafe, Connection, PgConnection};
use switchboard::core::model::{Anchor, Dialect, Key};
use switchboard::data::error::ErrorKind;
use switchboard::data::{DbOptions, Source};

const ORG_A: &str = "00000000-0000-0000-0000-00000000000a";

/// The URL of `db_url`'s database as role `role`.
fn as_role(db_url: &str, role: &str) -> String {
    let (scheme, rest) = db_url.split_once("://").unwrap();
    let (_, host) = rest.split_once('@').unwrap();
    format!("{scheme}://{role}@{host}")
}

async fn sql(url: &str, text: &str) {
    let mut c = PgConnection::connect(url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(text.to_string())).execute(&mut c).await.unwrap();
    c.close().await.ok();
}

fn role_name(hint: &str) -> String {
    format!("sb_{hint}_{}", std::process::id())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_role_without_select_on_one_table_loses_only_what_that_table_gives() {
    let url = common::hostile_db("refuse").await;
    let role = role_name("nosel");
    sql(
        &url,
        &format!(
            "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN BYPASSRLS; GRANT USAGE ON SCHEMA public, auth TO {role}; \
             GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};"
        ),
    )
    .await;
    let d = Dialect::ServiceAi;
    let org = Key::parse(ORG_A);
    let tables = [
        "emergency_contacts",
        "emergency_notifications",
        "call_transfers",
        "vapi_assistants",
        "appointments",
        "organization_members",
        "customers",
        "sms_communications",
        "billing_invoices",
    ];
    for t in tables {
        sql(&url, &format!("REVOKE SELECT ON {t} FROM {role}")).await;
        let src = Source::new(DbOptions::new(as_role(&url, &role))).unwrap();
        src.detect(None).await.unwrap();
        // The switcher, the call list and a call never depend on these tables.
        assert_eq!(src.orgs(d).await.unwrap().len(), 3, "without {t}");
        let page = src.calls(d, &org, &Anchor::First, 20).await.unwrap_or_else(|e| panic!("without {t}: {e}"));
        src.call(d, &org, &page.rows[0].key).await.unwrap_or_else(|e| panic!("without {t}: {e}"));
        let oc = src.oncall(d, &org).await.unwrap_or_else(|e| panic!("without {t}: on call: {e}"));
        let refused: Vec<&(String, String)> = oc.unavailable.iter().collect();
        for (section, why) in &refused {
            assert!(why.contains(&format!("no SELECT on {t}")), "without {t}: {section}: {why}");
        }
        match t {
            "emergency_contacts" => {
                assert!(oc.unavailable("chain").is_some(), "{:?}", oc.unavailable);
                assert!(oc.unavailable("notifications").is_none(), "notifications read without contacts' names");
                assert!(!oc.notifications.is_empty() || oc.unavailable.len() == 1);
            }
            "emergency_notifications" => assert!(oc.unavailable("notifications").is_some()),
            "call_transfers" => assert!(oc.unavailable("transfers").is_some()),
            _ => assert!(oc.unavailable.is_empty(), "without {t}: {:?}", oc.unavailable),
        }
        let profile = src.profile(d, &org).await.unwrap_or_else(|e| panic!("without {t}: profile: {e}")).unwrap();
        let closed: Vec<&str> =
            profile.sections.iter().filter(|s| s.unavailable.is_some()).map(|s| s.title.as_str()).collect();
        if ["organization_members", "vapi_assistants", "billing_invoices"].contains(&t) {
            assert!(!closed.is_empty(), "without {t}: a profile section says so");
        }
        for s in profile.sections.iter().filter(|s| s.unavailable.is_some()) {
            assert!(s.unavailable.as_deref().unwrap().contains(t), "without {t}: {:?}", s);
        }
        src.board(d).await.unwrap_or_else(|e| panic!("without {t}: board: {e}"));
        src.close().await;
        if t == "emergency_contacts" {
            let (code, out) = common::check_output(&as_role(&url, &role));
            assert_eq!(code, 3, "{out}");
            assert!(out.contains("✗ on call: chain") && out.contains("no SELECT on emergency_contacts"), "{out}");
            assert!(out.contains("✓ on call: notifications") || out.contains("~ on call: notifications"), "{out}");
        }
        sql(&url, &format!("GRANT SELECT ON {t} TO {role}")).await;
    }
    // Without the calls themselves, exports say the database refuses (3), not that it cannot be reached.
    sql(&url, &format!("REVOKE SELECT ON call_logs FROM {role}")).await;
    let src = Source::new(DbOptions::new(as_role(&url, &role))).unwrap();
    src.detect(None).await.unwrap();
    let e = src.calls(d, &org, &Anchor::First, 20).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Refused, "{e}");
    assert!(e.contains("no SELECT on call_logs"), "{e}");
    src.close().await;
    let (code, out) = common::check_output(&as_role(&url, &role));
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("✗ call list"), "{out}");
    sql(&url, &format!("REASSIGN OWNED BY {role} TO postgres; DROP OWNED BY {role}; DROP ROLE {role}")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn row_security_is_named_and_the_claim_shows_exactly_the_roles_orgs() {
    let url = common::hostile_db("rls").await;
    let role = role_name("authn");
    let user = "70000000-0000-0000-0000-000000000001";
    sql(
        &url,
        &format!(
            "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA public, auth TO {role}; \
             GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}; GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA auth TO {role}; \
             INSERT INTO auth.users (id) VALUES ('{user}'); \
             INSERT INTO organization_members (organization_id, user_id, role) VALUES ('{ORG_A}', '{user}', 'member');"
        ),
    )
    .await;
    let role_url = as_role(&url, &role);
    let src = Source::new(DbOptions::new(&role_url)).unwrap();
    let info = src.detect(None).await.unwrap();
    assert!(info.row_security.iter().any(|t| t == "organizations"), "{:?}", info.row_security);
    assert!(src.orgs(Dialect::ServiceAi).await.unwrap().is_empty(), "auth.uid() is NULL: no org is visible");
    src.close().await;
    let (code, out) = common::check_output(&role_url);
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("row security is on for") && out.contains("organizations"), "{out}");
    assert!(out.contains("does not bypass it") && out.contains("auth.uid() is NULL"), "{out}");
    assert!(out.contains("row security may be hiding them"), "{out}");

    // The claim a Supabase JWT would set, set for this role: exactly its org shows.
    sql(&url, &format!("ALTER ROLE {role} SET request.jwt.claim.sub = '{user}'")).await;
    let src = Source::new(DbOptions::new(&role_url)).unwrap();
    src.detect(None).await.unwrap();
    let orgs = src.orgs(Dialect::ServiceAi).await.unwrap();
    assert_eq!(orgs.iter().map(|o| o.key.to_string()).collect::<Vec<_>>(), [ORG_A]);
    src.close().await;
    // An org it cannot see is not "no organization matches": row security may be hiding it (exit 3).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["export", "--url", &role_url, "calls", "--org", common::ORG_B])
        .env("SWITCHBOARD_CONFIG", "/dev/null")
        .env("SWITCHBOARD_LOG_DIR", std::env::temp_dir().join(format!("sb-rls-log-{}", std::process::id())))
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("row security is on for") && stderr.contains("may be there, hidden"), "{stderr}");
    sql(&url, &format!("ALTER ROLE {role} RESET ALL; DROP OWNED BY {role}; DROP ROLE {role}")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_tenants_that_lack_something_are_named_and_the_others_work() {
    let url = common::fresh_db(
        "tenants",
        &[include_str!("../assets/schemas/retell.sql"), include_str!("fixtures/retell_hostile.sql")],
    )
    .await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    let orgs: Vec<(String, String)> = sqlx::query_as(
        "SELECT id::text, schema_name FROM system.organizations \
             WHERE to_regclass(quote_ident(schema_name) || '.call_rollups') IS NOT NULL ORDER BY name",
    )
    .fetch_all(&mut c)
    .await
    .unwrap();
    c.close().await.ok();
    // Three tenants broken three ways: no agent_id, no call_rollups, a schema registered that does not exist.
    let mut schemas: Vec<&(String, String)> = orgs.iter().filter(|(id, _)| id != ORG_A).collect();
    // The third is registered under a schema that does not exist: any org will do, A included.
    let a = orgs.iter().find(|(id, _)| id == ORG_A).unwrap();
    schemas.push(a);
    assert!(schemas.len() >= 3, "{orgs:?}");
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    sql(
        &url,
        &format!(
            "ALTER TABLE {}.calls DROP COLUMN IF EXISTS agent_id; DROP TABLE IF EXISTS {}.call_rollups; \
             UPDATE system.organizations SET schema_name = 'org_never_created' WHERE id = '{}'",
            q(&schemas[0].1),
            q(&schemas[1].1),
            schemas[2].0
        ),
    )
    .await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    src.detect(None).await.unwrap();
    let d = Dialect::Retell;
    // The tenant without agent_id still lists its calls; the one without rollups too.
    src.calls(d, &Key::parse(&schemas[1].0), &Anchor::First, 20).await.unwrap();
    src.calls(d, &Key::parse(&schemas[0].0), &Anchor::First, 20).await.unwrap();
    let e = src.calls(d, &Key::parse(&schemas[2].0), &Anchor::First, 20).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Refused, "{e}");
    assert!(e.contains("org_never_created"), "{e}");
    let board = src.board(d).await.unwrap();
    let no_rollups = board.iter().find(|r| r.key == Key::parse(&schemas[1].0)).expect("listed on the board");
    assert!(no_rollups.figures_unread.is_some(), "its figures are unknown, not zero: {no_rollups:?}");
    assert!(board.iter().filter(|r| r.figures_unread.is_none()).count() >= 2, "{board:?}");
    src.close().await;
    let (code, out) = common::check_output(&url);
    assert!(code == 0 || code == 3, "{out}");
    assert!(out.contains("calls does not record agent_id"), "{out}");
    assert!(out.contains("no readable call_rollups"), "{out}");
    assert!(out.contains("does not exist"), "{out}");
}
