//! On call against a real PostgreSQL: the pick at chosen instants (across the week, midnight, DST, ties,
//! nobody), acknowledging in write mode (exactly one row) and in read-only mode (none), a SELECT-only
//! role refused cleanly, and Voxanne's audited acknowledgement.

mod common;

use chrono::{TimeZone, Utc};
use sqlx::{AssertSqlSafe, Connection, PgConnection};
use switchboard::core::model::{Dialect, Key};
use switchboard::core::oncall::{At, chain};
use switchboard::core::time::OrgZone;
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

const SAI: &str = include_str!("fixtures/serviceai_hostile.sql");
const VOX: &str = include_str!("fixtures/voxanne_hostile.sql");

/// Acme (America/New_York) with a roster built to exercise every rule.
async fn roster_db() -> String {
    let url = common::fresh_db("oncall", &[schema_sql(Dialect::ServiceAi), SAI]).await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "UPDATE organizations SET emergency_contact_phone = '+15550009999' WHERE id = '00000000-0000-0000-0000-00000000000a'; \
         INSERT INTO emergency_contacts (id, organization_id, name, phone, role, is_primary, is_active, available_days, \
           available_hours_start, available_hours_end, priority, escalation_timeout) VALUES \
         ('c0000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-00000000000a', 'Day Dana', '+15550000001', 'dispatcher', false, true, \
            ARRAY['monday','tuesday','wednesday','thursday','friday'], '08:00', '18:00', 1, 30), \
         ('c0000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-00000000000a', 'Night Nick', '+15550000002', 'on-call tech', false, true, \
            ARRAY['monday','tuesday','wednesday','thursday','friday'], '22:00', '06:00', 1, 45), \
         ('c0000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-00000000000a', 'Weekend Wes', '+15550000003', 'owner', true, true, \
            ARRAY['saturday','sunday'], NULL, NULL, 2, 60), \
         ('c0000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-00000000000a', 'Backup Bea', '+15550000004', 'owner', false, true, \
            ARRAY['saturday','sunday'], NULL, NULL, 2, 60), \
         ('c0000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-00000000000a', 'Retired Rita', '+15550000005', NULL, false, false, \
            NULL, NULL, NULL, 1, NULL); \
         INSERT INTO emergency_notifications (id, organization_id, emergency_contact_id, vapi_call_id, notification_type, urgency, message, status, created_at) VALUES \
         ('d0000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-00000000000a', 'c0000000-0000-0000-0000-000000000002', \
            (SELECT vapi_call_id FROM call_logs WHERE id = '20000000-0000-0000-0000-000000000001'), 'sms', 'critical', E'Burst pipe at 42 Elm\\nCall back now', 'pending', '2026-11-21 03:00+00'), \
         ('d0000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-00000000000a', NULL, NULL, 'call', 'high', 'Gas smell', 'failed', '2026-11-21 02:00+00'), \
         ('d0000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-00000000000a', NULL, NULL, 'email', 'low', 'Old', 'acknowledged', '2026-11-20 02:00+00');",
    )
    .execute(&mut c)
    .await
    .unwrap();
    url
}

fn ny(s: &str) -> chrono::NaiveDateTime {
    At::parse(s).unwrap().unwrap().local_in(&OrgZone::from_name(Some("America/New_York")))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pick_at_chosen_instants() {
    let url = roster_db().await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let data = src.oncall(Dialect::ServiceAi, &Key::parse(common::ORG_A)).await.unwrap();
    assert_eq!(data.contacts.len(), 5);
    assert_eq!(data.fallback_phone.as_deref(), Some("+15550009999"));
    let names =
        |at: &str| -> Vec<String> { chain(&data.contacts, ny(at)).iter().map(|e| e.contact.name.clone()).collect() };
    // Weekday office hours (Monday 2026-11-23 10:00).
    assert_eq!(names("2026-11-23 10:00"), vec!["Day Dana"]);
    // Monday night, then 02:00 Tuesday: still Monday's night window.
    assert_eq!(names("2026-11-23 23:30"), vec!["Night Nick"]);
    assert_eq!(names("2026-11-24 02:00"), vec!["Night Nick"]);
    // Saturday 02:00 belongs to Friday's night window, and the weekend people are on too: priority first.
    assert_eq!(names("2026-11-28 02:00"), vec!["Night Nick", "Weekend Wes", "Backup Bea"]);
    // Sunday 23:00: Sunday is not a night day; equal priorities, the primary first.
    let ch = chain(&data.contacts, ny("2026-11-29 23:00"));
    assert_eq!(ch.iter().map(|e| e.contact.name.as_str()).collect::<Vec<_>>(), vec!["Weekend Wes", "Backup Bea"]);
    assert_eq!(ch[1].after_s, 60);
    assert_eq!(ch[1].tie_note.as_deref(), Some("same priority: the primary contact goes first"));
    // Monday 02:00 belongs to Sunday's window, which Nick does not have: nobody.
    assert!(names("2026-11-30 02:00").is_empty());
    // Weekday evening gap: nobody.
    assert!(names("2026-11-25 19:00").is_empty());
    // Around the DST change: 2026-03-08 is a Sunday (spring forward); 2026-03-09 01:30 EDT (Monday) is
    // still Sunday night, which Nick does not cover; the instant 2026-03-10T06:30Z is 02:30 EDT Tuesday.
    assert!(names("2026-03-09 01:30").is_empty());
    let dst =
        At::parse("2026-03-10T06:30:00Z").unwrap().unwrap().local_in(&OrgZone::from_name(Some("America/New_York")));
    assert_eq!(chain(&data.contacts, dst)[0].contact.name, "Night Nick");
    // Fall back: 2026-11-01 is a Sunday; the instant 05:30Z is 01:30 EDT, 06:30Z is 01:30 EST: the weekend.
    for t in
        [Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap(), Utc.with_ymd_and_hms(2026, 11, 1, 6, 30, 0).unwrap()]
    {
        let l = At::Instant(t).local_in(&OrgZone::from_name(Some("America/New_York")));
        assert_eq!(chain(&data.contacts, l)[0].contact.name, "Weekend Wes");
    }
    // Notifications come newest first with the linked call.
    assert_eq!(data.notifications[0].key, Key::parse("d0000000-0000-0000-0000-000000000001"));
    assert_eq!(data.notifications[0].call, Some(Key::parse("20000000-0000-0000-0000-000000000001")));
    assert_eq!(data.notifications[0].contact.as_deref(), Some("Night Nick"));
    assert!(data.urgent_calls.iter().all(|c| c.emergency == Some(true) || c.urgency.unwrap_or(0.0) >= 0.7));
}

async fn status_of(url: &str, id: &str) -> (String, bool) {
    let mut c = PgConnection::connect(url).await.unwrap();
    let r: (String, bool) = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT status, acknowledged_at IS NOT NULL FROM emergency_notifications WHERE id = '{id}'"
    )))
    .fetch_one(&mut c)
    .await
    .unwrap();
    r
}

async fn snapshot(url: &str) -> String {
    let mut c = PgConnection::connect(url).await.unwrap();
    sqlx::query_scalar("SELECT string_agg(id::text || status || coalesce(acknowledged_at::text, '-'), ',' ORDER BY id) FROM emergency_notifications")
        .fetch_one(&mut c)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn acknowledging_changes_one_row_in_write_mode_and_none_otherwise() {
    let url = roster_db().await;
    let org = Key::parse(common::ORG_A);
    let n1 = Key::parse("d0000000-0000-0000-0000-000000000001");
    // Read-only (the default): refused before anything is sent; nothing changes.
    let before = snapshot(&url).await;
    let ro = Source::new(DbOptions::new(&url)).unwrap();
    let e = ro.acknowledge(Dialect::ServiceAi, &org, &n1).await.unwrap_err();
    assert!(e.contains("read-only session"), "{e}");
    assert_eq!(snapshot(&url).await, before);
    // Write mode: exactly that row.
    let mut opts = DbOptions::new(&url);
    opts.read_only = false;
    let rw = Source::new(opts).unwrap();
    rw.acknowledge(Dialect::ServiceAi, &org, &n1).await.unwrap();
    assert_eq!(status_of(&url, "d0000000-0000-0000-0000-000000000001").await, ("acknowledged".into(), true));
    let after = snapshot(&url).await;
    let changed = before.split(',').zip(after.split(',')).filter(|(a, b)| a != b).count();
    assert_eq!(changed, 1);
    // Twice: nothing to do, said clearly.
    let e = rw.acknowledge(Dialect::ServiceAi, &org, &n1).await.unwrap_err();
    assert!(e.contains("already acknowledged"), "{e}");
    // Another org's notification cannot be acknowledged through this org.
    let e = rw
        .acknowledge(
            Dialect::ServiceAi,
            &Key::parse(common::ORG_C),
            &Key::parse("d0000000-0000-0000-0000-000000000002"),
        )
        .await
        .unwrap_err();
    assert!(e.contains("nothing to acknowledge"), "{e}");
    // A role that may only read: the database says no, and the console says so.
    let db = url.rsplit('/').next().unwrap().split('?').next().unwrap().to_string();
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(format!(
        "DROP ROLE IF EXISTS sb_reader_{db}; CREATE ROLE sb_reader_{db} LOGIN; GRANT CONNECT ON DATABASE {db} TO sb_reader_{db}; \
         GRANT USAGE ON SCHEMA public TO sb_reader_{db}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO sb_reader_{db};"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let mut opts = DbOptions::new(url.replacen("postgres@", &format!("sb_reader_{db}@"), 1));
    opts.read_only = false;
    let reader = Source::new(opts).unwrap();
    let before = snapshot(&url).await;
    let e = reader
        .acknowledge(Dialect::ServiceAi, &org, &Key::parse("d0000000-0000-0000-0000-000000000002"))
        .await
        .unwrap_err();
    assert!(e.contains("permission denied"), "{e}");
    assert_eq!(snapshot(&url).await, before);
}

#[tokio::test(flavor = "multi_thread")]
async fn voxanne_acknowledges_a_hot_lead_alert_with_an_audit_row() {
    let url = common::fresh_db("oncallvox", &[schema_sql(Dialect::Voxanne), VOX]).await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let org = Key::parse(common::ORG_A);
    let data = src.oncall(Dialect::Voxanne, &org).await.unwrap();
    let open = data.notifications.iter().find(|n| n.status.as_deref() != Some("acknowledged")).expect("an open alert");
    let mut opts = DbOptions::new(&url);
    opts.read_only = false;
    Source::new(opts).unwrap().acknowledge(Dialect::Voxanne, &org, &open.key).await.unwrap();
    let mut c = PgConnection::connect(&url).await.unwrap();
    let audits: i64 = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM audit_logs WHERE action = 'hot_lead_alert.acknowledged' AND resource_id = '{}'",
        open.key
    )))
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!(audits, 1);
    let data = src.oncall(Dialect::Voxanne, &org).await.unwrap();
    assert_eq!(data.notifications.iter().find(|n| n.key == open.key).unwrap().status.as_deref(), Some("acknowledged"));
}

#[tokio::test(flavor = "multi_thread")]
async fn quinite_shows_transfers_and_retell_has_nothing() {
    let url =
        common::fresh_db("oncallq", &[schema_sql(Dialect::Quinite), include_str!("fixtures/quinite_hostile.sql")])
            .await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let data = src.oncall(Dialect::Quinite, &Key::parse(common::ORG_A)).await.unwrap();
    assert!(!data.transfers.is_empty());
    assert!(data.transfers.iter().all(|t| t.call.is_some()));
    assert!(data.contacts.is_empty() && data.notifications.is_empty());
    let e = src.oncall(Dialect::Retell, &Key::parse(common::ORG_A)).await.unwrap_err();
    assert!(e.contains("has no on-call data"), "{e}");
}

/// Replaces the platform's get_on_call_contact with `body` (a whole `CREATE OR REPLACE FUNCTION`).
async fn define_function(url: &str, sql: &str) {
    let mut c = PgConnection::connect(url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(sql.to_string())).execute(&mut c).await.unwrap();
}

/// The platform's own get_on_call_contact, read in the on-call read beside the console's pick: the one
/// the schema defines as the seed documents it (agreeing), one that names an inactive contact
/// (disagreeing), one that raises, and one that tries to write: each time only its line changes.
#[tokio::test(flavor = "multi_thread")]
async fn the_platform_function_is_read_beside_the_pick() {
    let url = roster_db().await;
    let org = Key::parse(common::ORG_A);
    let ny = OrgZone::from_name(Some("America/New_York"));
    let src = Source::new(DbOptions::new(&url)).unwrap();
    src.detect(None).await.unwrap();
    // As the schema defines it (the seed's signature; its rules are the console's).
    let data = src.oncall(Dialect::ServiceAi, &org).await.unwrap();
    let pick = data.platform_pick.clone().expect("the function is there and executable");
    assert_eq!(pick.call, "get_on_call_contact(org, 'high')");
    assert_eq!(pick.error, None);
    assert!(pick.at.is_some());
    let verdict = pick.verdict(&data, &ny).unwrap();
    assert!(verdict.agrees, "{pick:?} vs {verdict:?}");
    // One that always names Retired Rita (inactive): a disagreement.
    define_function(
        &url,
        "CREATE OR REPLACE FUNCTION get_on_call_contact(org_id UUID, urgency TEXT) RETURNS emergency_contacts AS $$ \
           SELECT * FROM emergency_contacts WHERE id = 'c0000000-0000-0000-0000-000000000005' $$ LANGUAGE sql STABLE",
    )
    .await;
    let data = src.oncall(Dialect::ServiceAi, &org).await.unwrap();
    let pick = data.platform_pick.clone().unwrap();
    let rita = pick.contact.clone().unwrap();
    assert_eq!(rita.name.as_deref(), Some("Retired Rita"));
    assert_eq!(rita.phone.as_deref(), Some("+15550000005"));
    assert_eq!(rita.key, Some(Key::parse("c0000000-0000-0000-0000-000000000005")));
    assert!(!pick.verdict(&data, &ny).unwrap().agrees);
    // One that answers nobody (NULL).
    define_function(
        &url,
        "CREATE OR REPLACE FUNCTION get_on_call_contact(org_id UUID, urgency TEXT) RETURNS emergency_contacts AS $$ \
           BEGIN RETURN NULL; END $$ LANGUAGE plpgsql",
    )
    .await;
    let data = src.oncall(Dialect::ServiceAi, &org).await.unwrap();
    let pick = data.platform_pick.clone().unwrap();
    assert_eq!((pick.contact.clone(), pick.error.clone()), (None, None), "{pick:?}");
    // One that raises: only its line says so; every section is read.
    define_function(
        &url,
        "CREATE OR REPLACE FUNCTION get_on_call_contact(org_id UUID, urgency TEXT) RETURNS emergency_contacts AS $$ \
           BEGIN RAISE EXCEPTION 'the rota service is down'; END $$ LANGUAGE plpgsql",
    )
    .await;
    let data = src.oncall(Dialect::ServiceAi, &org).await.unwrap();
    let pick = data.platform_pick.clone().unwrap();
    assert!(pick.error.as_deref().unwrap_or_default().contains("the rota service is down"), "{pick:?}");
    assert_eq!(data.contacts.len(), 5);
    assert_eq!(data.notifications.len(), 3);
    assert_eq!(data.fallback_phone.as_deref(), Some("+15550009999"));
    assert!(data.unavailable.is_empty(), "{:?}", data.unavailable);
    // One that writes: the read is read-only, so it fails, and nothing is written.
    define_function(
        &url,
        "CREATE OR REPLACE FUNCTION get_on_call_contact(org_id UUID, urgency TEXT) RETURNS emergency_contacts AS $$ \
           DECLARE r emergency_contacts; BEGIN \
             INSERT INTO emergency_notifications (organization_id, notification_type, urgency, message) \
               VALUES (org_id, 'sms', urgency, 'written by a read'); \
             SELECT * INTO r FROM emergency_contacts LIMIT 1; RETURN r; END $$ LANGUAGE plpgsql SECURITY DEFINER",
    )
    .await;
    let data = src.oncall(Dialect::ServiceAi, &org).await.unwrap();
    let pick = data.platform_pick.clone().unwrap();
    assert!(pick.error.as_deref().unwrap_or_default().contains("read-only"), "{pick:?}");
    assert_eq!(data.notifications.len(), 3, "nothing written");
    // Not what the seed documents (a scalar): named as such, on its line.
    define_function(
        &url,
        "DROP FUNCTION get_on_call_contact(UUID, TEXT); \
         CREATE FUNCTION get_on_call_contact(org_id UUID, urgency TEXT) RETURNS text AS $$ SELECT 'Nick' $$ LANGUAGE sql",
    )
    .await;
    let data = src.oncall(Dialect::ServiceAi, &org).await.unwrap();
    let pick = data.platform_pick.clone().unwrap();
    assert!(pick.error.as_deref().unwrap_or_default().contains("not the emergency_contacts row"), "{pick:?}");
    // A role that may not execute it: no line at all, and nothing else changes.
    define_function(&url, "REVOKE EXECUTE ON FUNCTION get_on_call_contact(UUID, TEXT) FROM PUBLIC").await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    let db = url.rsplit('/').next().unwrap().split('?').next().unwrap().to_string();
    let role = format!("sb_noexec_{db}");
    sqlx::raw_sql(AssertSqlSafe(format!(
        "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN; GRANT CONNECT ON DATABASE {db} TO {role}; \
         GRANT USAGE ON SCHEMA public TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let as_role = url.replacen("postgres@", &format!("{role}@"), 1);
    let src = Source::new(DbOptions::new(&as_role)).unwrap();
    src.detect(None).await.unwrap();
    let data = src.oncall(Dialect::ServiceAi, &org).await.unwrap();
    assert_eq!(data.platform_pick, None);
    // (Row security hides the org's rows from this role; the sections are still read.)
    assert_eq!(data.unavailable("chain"), None);
}

/// Values of available_days that are not day names are kept as stored by `export oncall`, with what
/// they mean, and match no day.
#[tokio::test(flavor = "multi_thread")]
async fn export_oncall_carries_values_that_are_not_day_names() {
    let url = roster_db().await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    // Night Nick's nights, misspelled: Monday night (into Tuesday 02:00) is 'Monday'; Tuesday is 'tues'.
    sqlx::raw_sql(
        "UPDATE emergency_contacts SET available_days = ARRAY['Monday', 'tues', 'SUNDAY', 'funday'] \
         WHERE id = 'c0000000-0000-0000-0000-000000000002'",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard")).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    // Wednesday 02:00 New York: Tuesday's night window, which 'tues' does not give.
    let out = run(&["export", "--url", &url, "--at", "2026-11-25 02:00", "oncall", "--org", "Acme Plumbing"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["on_call"].is_null(), "{v}");
    let warnings = v["day_warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 2, "{v}");
    assert_eq!(warnings[0]["name"], "Night Nick");
    assert_eq!(warnings[0]["value"], "tues");
    assert_eq!(warnings[0]["meant"], "tuesday");
    assert_eq!(warnings[0]["note"], "'tues' is not a day name: this contact is never available on Tuesdays");
    assert_eq!(warnings[1]["value"], "funday");
    assert!(warnings[1]["meant"].is_null());
    assert_eq!(v["platform_pick"]["call"], "get_on_call_contact(org, 'high')");
    // Tuesday 02:00: Monday's window, 'Monday' counts (case ignored).
    let out = run(&["export", "--url", &url, "--at", "2026-11-24 02:00", "oncall", "--org", "Acme Plumbing"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["on_call"]["name"], "Night Nick");
    assert_eq!(v["on_call"]["days"][1], "tues", "kept as stored");
    let csv = run(&["export", "--url", &url, "oncall", "--org", "Acme Plumbing", "--format", "csv"]);
    assert!(csv.lines().any(|l| l.starts_with("day_warning,,Night Nick,") && l.contains(",tues,")), "{csv}");
    assert!(csv.lines().any(|l| l.starts_with("platform_pick,")), "{csv}");
}

/// A notification and a transfer naming a call that is not in call_logs keep the id they name (and one
/// naming a call that is there links it, with no id kept beside it).
#[tokio::test]
async fn rows_naming_a_missing_call_keep_the_id_they_name() {
    let url = roster_db().await;
    let mut c = PgConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO emergency_notifications (id, organization_id, vapi_call_id, notification_type, urgency, message, status, created_at) VALUES \
         ('d0000000-0000-0000-0000-000000000009', '00000000-0000-0000-0000-00000000000a', 'vc-gone-9', 'sms', 'high', 'x', 'pending', '2026-11-21 04:00+00'); \
         INSERT INTO call_transfers (id, organization_id, vapi_call_id, reason, status, created_at) VALUES \
         ('e0000000-0000-0000-0000-000000000009', '00000000-0000-0000-0000-00000000000a', 'vc-gone-t', 'x', 'completed', '2026-11-21 04:00+00');",
    )
    .execute(&mut c)
    .await
    .unwrap();
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let data = src.oncall(Dialect::ServiceAi, &Key::parse(common::ORG_A)).await.unwrap();
    let n = |id: &str| data.notifications.iter().find(|n| n.key == Key::parse(id)).unwrap();
    assert_eq!(
        (
            n("d0000000-0000-0000-0000-000000000009").call.as_ref(),
            n("d0000000-0000-0000-0000-000000000009").call_ref.as_deref()
        ),
        (None, Some("vc-gone-9"))
    );
    let linked = n("d0000000-0000-0000-0000-000000000001");
    assert!(linked.call.is_some() && linked.call_ref.is_none(), "{linked:?}");
    assert_eq!(n("d0000000-0000-0000-0000-000000000002").call_ref, None, "it names no call");
    let t = data.transfers.iter().find(|t| t.key == Key::parse("e0000000-0000-0000-0000-000000000009")).unwrap();
    assert_eq!((t.call.as_ref(), t.call_ref.as_deref()), (None, Some("vc-gone-t")));
}
