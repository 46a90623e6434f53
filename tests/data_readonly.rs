//! Read-only at the server: every session the console opens (without a transaction pooler) has
//! `default_transaction_read_only = on`, so even a statement outside its `BEGIN READ ONLY` transactions
//! cannot write; writes in write mode still work (`BEGIN READ WRITE`). And under row level security, a
//! SELECT-only role that sees one org gets exactly that org's data, without an error.

mod common;

use sqlx::{AssertSqlSafe, Connection, PgConnection, Row};
use switchboard::core::model::{Anchor, Dialect, Key};
use switchboard::data::{DbOptions, Source};

#[tokio::test(flavor = "multi_thread")]
async fn a_plain_statement_on_a_read_connection_cannot_write() {
    let url = common::hostile_db("rodefault").await;
    for write_mode in [false, true] {
        let mut opts = DbOptions::new(&url);
        opts.read_only = !write_mode;
        let src = Source::new(opts).unwrap();
        let mut conn = src.read_pool().acquire().await.unwrap();
        let v: String = sqlx::raw_sql("SHOW default_transaction_read_only").fetch_one(&mut *conn).await.unwrap().get(0);
        assert_eq!(v, "on", "write mode {write_mode}");
        for sql in [
            "CREATE TABLE sneaky (i int)",
            "UPDATE organizations SET name = 'x'",
            "DELETE FROM call_logs",
            "INSERT INTO organizations (name, industry) VALUES ('x', 'y')",
        ] {
            let e = sqlx::raw_sql(AssertSqlSafe(sql)).execute(&mut *conn).await.unwrap_err();
            let code = e.as_database_error().and_then(|d| d.code()).map(|c| c.to_string());
            assert_eq!(code.as_deref(), Some("25006"), "{sql}: {e}");
            let said = switchboard::data::pool::describe_error(&e);
            assert!(said.starts_with("refused: the session is read-only"), "{said}");
        }
        drop(conn);
        src.close().await;
    }
    let mut c = PgConnection::connect(&url).await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM call_logs").fetch_one(&mut c).await.unwrap();
    assert!(n > 500, "nothing was deleted");

    // Write mode: a write transaction says BEGIN READ WRITE and goes through.
    let note = "d0000000-0000-0000-0000-0000000000bb";
    sqlx::raw_sql(AssertSqlSafe(format!(
        "INSERT INTO emergency_notifications (id, organization_id, notification_type, urgency, message, status) \
         VALUES ('{note}', '{}', 'sms', 'high', 'Flood', 'pending')",
        common::ORG_A
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let mut opts = DbOptions::new(&url);
    opts.read_only = false;
    let rw = Source::new(opts).unwrap();
    rw.acknowledge(Dialect::ServiceAi, &Key::parse(common::ORG_A), &Key::parse(note)).await.unwrap();
    let s: String =
        sqlx::query_scalar(AssertSqlSafe(format!("SELECT status FROM emergency_notifications WHERE id = '{note}'")))
            .fetch_one(&mut c)
            .await
            .unwrap();
    assert_eq!(s, "acknowledged");
}

/// Every call id of `org` in the console's order, as the superuser sees it.
async fn expected_order(url: &str, org: &str) -> Vec<String> {
    let mut c = PgConnection::connect(url).await.unwrap();
    let rows = sqlx::query(
        "SELECT id::text FROM call_logs WHERE organization_id = $1::uuid ORDER BY created_at DESC NULLS LAST, id DESC",
    )
    .bind(org)
    .fetch_all(&mut c)
    .await
    .unwrap();
    rows.iter().map(|r| r.get::<String, _>(0)).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn under_rls_a_role_that_sees_one_org_gets_exactly_that_org() {
    let url = common::hostile_db("rls").await;
    let db = url.rsplit('/').next().unwrap().split('?').next().unwrap().to_string();
    let role = format!("sb_rls_{db}");
    // SELECT only; every org-scoped table (the schema already has RLS enabled on all of them, with
    // policies keyed on auth.uid(), which is NULL for this role) gets a policy for this role and org A.
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(format!(
        "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN; GRANT CONNECT ON DATABASE {db} TO {role}; \
         GRANT USAGE ON SCHEMA public, auth TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}; \
         GRANT SELECT ON ALL TABLES IN SCHEMA auth TO {role}; \
         INSERT INTO call_logs (organization_id, vapi_call_id, customer_phone_number, call_status, transcript, created_at) \
           SELECT '{b}', 'rls-b-' || i, '+15550001111', 'completed', 'org B only', now() - i * interval '1 minute' \
           FROM generate_series(1, 40) i; \
         CREATE POLICY sb_one_org ON organizations FOR SELECT TO {role} USING (id = '{a}'); \
         DO $$ DECLARE t text; BEGIN \
           FOR t IN SELECT c.table_name FROM information_schema.columns c \
                    WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' LOOP \
             EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t); \
             EXECUTE format('CREATE POLICY sb_one_org ON %I FOR SELECT TO {role} USING (organization_id = %L)', t, '{a}'); \
           END LOOP; END $$;",
        a = common::ORG_A,
        b = common::ORG_B
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let as_role = url.replacen("postgres@", &format!("{role}@"), 1);
    let src = Source::new(DbOptions::new(&as_role)).unwrap();

    assert_eq!(src.detect(None).await.unwrap().dialect, Dialect::ServiceAi);
    assert!(src.reads_are_read_only().await.unwrap());
    let orgs = src.orgs(Dialect::ServiceAi).await.unwrap();
    assert_eq!(orgs.iter().map(|o| o.key.to_string()).collect::<Vec<_>>(), [common::ORG_A]);

    // Org A, paged in small pages across its tied and NULL times: exactly what the superuser sees.
    let a = Key::parse(common::ORG_A);
    let mut seen = Vec::new();
    let mut anchor = Anchor::First;
    loop {
        let page = src.calls(Dialect::ServiceAi, &a, &anchor, 37).await.unwrap();
        seen.extend(page.rows.iter().map(|r| r.key.to_string()));
        if !page.has_after {
            break;
        }
        anchor = Anchor::After(page.rows.last().unwrap().cursor());
    }
    assert_eq!(seen, expected_order(&url, common::ORG_A).await);
    assert!(src.call(Dialect::ServiceAi, &a, &Key::parse(common::HUGE_CALL)).await.unwrap().is_some());
    src.oncall(Dialect::ServiceAi, &a).await.unwrap();
    src.profile(Dialect::ServiceAi, &a).await.unwrap().expect("org A's profile");
    let board = src.board(Dialect::ServiceAi).await.unwrap();
    assert_eq!(board.len(), 1, "the board lists only the org the role sees");

    // Org B exists (the superuser sees its calls) but not for this role: empty, not an error.
    let b = Key::parse(common::ORG_B);
    let b_calls = expected_order(&url, common::ORG_B).await;
    assert_eq!(b_calls.len(), 40);
    let page = src.calls(Dialect::ServiceAi, &b, &Anchor::First, 50).await.unwrap();
    assert!(page.rows.is_empty() && !page.has_after && !page.has_before);
    assert_eq!(src.call(Dialect::ServiceAi, &b, &Key::parse(&b_calls[0])).await.unwrap(), None);
    assert_eq!(src.profile(Dialect::ServiceAi, &b).await.unwrap(), None);
    let oncall = src.oncall(Dialect::ServiceAi, &b).await.unwrap();
    assert!(oncall.notifications.is_empty() && oncall.contacts.is_empty());
    src.close().await;
}
