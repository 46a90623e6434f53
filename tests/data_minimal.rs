//! Every platform on its full schema and on a seed-minimal one: `tests/fixtures/minimal/<platform>.sql`
//! drops, after the hostile fixture is loaded, every table and column the platform's seed document does not
//! document (a table the seed only names keeps its key and org column). Every view and every export opens
//! on both; on the
//! minimal one `check` names what is not recorded and still exits 0. Every template of every platform
//! renders against both catalogs and runs.
//!
//! Generated from each platform's declarations: every optional column, missing in turn, leaves every view
//! open and `check` naming the loss; every table, its SELECT revoked in turn, closes only the sections
//! that read it, each saying why, with the documented exit code.

mod common;

use chrono::NaiveDate;
use sqlx::{AssertSqlSafe, Connection, PgConnection};
use switchboard::core::caller::CallerQuery;
use switchboard::core::filter::CallFilter;
use switchboard::core::model::{Anchor, Dialect, Key};
use switchboard::core::time::OrgZone;
use switchboard::data::dialects;
use switchboard::data::source::caller::CallerScope;
use switchboard::data::verify::{SectionCheck, Verdict};
use switchboard::data::{DbOptions, Source};

struct Case {
    dialect: Dialect,
    fixture: &'static str,
    minimal: &'static str,
    org_a: &'static str,
}

fn schema_sql(d: Dialect) -> &'static str {
    dialects::platform(d).schema_ddl
}

fn cases() -> Vec<Case> {
    const A: &str = "00000000-0000-0000-0000-00000000000a";
    vec![
        Case {
            dialect: Dialect::Retell,
            fixture: include_str!("fixtures/retell_hostile.sql"),
            minimal: include_str!("fixtures/minimal/retell.sql"),
            org_a: A,
        },
        Case {
            dialect: Dialect::ServiceAi,
            fixture: include_str!("fixtures/serviceai_hostile.sql"),
            minimal: include_str!("fixtures/minimal/serviceai.sql"),
            org_a: A,
        },
        Case {
            dialect: Dialect::Voxanne,
            fixture: include_str!("fixtures/voxanne_hostile.sql"),
            minimal: include_str!("fixtures/minimal/voxanne.sql"),
            org_a: A,
        },
        Case {
            dialect: Dialect::Prisma,
            fixture: include_str!("fixtures/prisma_hostile.sql"),
            minimal: include_str!("fixtures/minimal/prisma.sql"),
            org_a: "ckorga000000000000000000a",
        },
        Case {
            dialect: Dialect::Quinite,
            fixture: include_str!("fixtures/quinite_hostile.sql"),
            minimal: include_str!("fixtures/minimal/quinite.sql"),
            org_a: A,
        },
    ]
}

/// Opens every view of org A as the console does; panics naming the view that fails.
async fn every_view(src: &Source, case: &Case) {
    let d = case.dialect;
    let info = src.detect(None).await.unwrap();
    assert_eq!(info.dialect, d, "detection");
    let orgs = src.orgs(d).await.unwrap_or_else(|e| panic!("{d}: org switcher: {e}"));
    assert!(orgs.len() >= 2, "{d}: orgs {}", orgs.len());
    assert!(orgs.iter().all(|o| !o.name.trim().is_empty()), "{d}: every org has something to show as its name");
    let org = Key::parse(case.org_a);
    let zone = OrgZone::from_name(None);
    let page = src.calls(d, &org, &Anchor::First, 50).await.unwrap_or_else(|e| panic!("{d}: call list: {e}"));
    assert!(!page.rows.is_empty(), "{d}: org A has calls");
    let next = src.calls(d, &org, &Anchor::After(page.rows.last().unwrap().cursor()), 50).await;
    next.unwrap_or_else(|e| panic!("{d}: call list, next page: {e}"));
    for r in page.rows.iter().take(5) {
        src.call(d, &org, &r.key).await.unwrap_or_else(|e| panic!("{d}: call detail: {e}")).expect("the call");
    }
    // Each filter either works or says, as bad input, that this database cannot serve it.
    let filters = ["status:completed", "dir:inbound", "agent:a", "urgent", "555", "pipe"];
    for f in filters {
        let filter = CallFilter::parse(f).unwrap();
        match src.calls_filtered(d, &org, &Anchor::First, 20, &filter, &zone).await {
            Ok(_) => {}
            Err(e) => assert_eq!(e.kind, switchboard::data::error::ErrorKind::Input, "{d}: filter {f}: {e}"),
        }
    }
    if dialects::platform(d).caps().appointments {
        let (from, to) = (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        src.appointment_counts(d, &org, from, to, zone).await.unwrap_or_else(|e| panic!("{d}: month: {e}"));
        let appts = src.appointments(d, &org, from, to, zone).await.unwrap_or_else(|e| panic!("{d}: day: {e}"));
        if let Some(a) = appts.first() {
            src.appointment(d, &org, &a.key).await.unwrap_or_else(|e| panic!("{d}: appointment: {e}"));
        }
    }
    if dialects::platform(d).caps().oncall {
        let oc = src.oncall(d, &org).await.unwrap_or_else(|e| panic!("{d}: on call: {e}"));
        for (section, why) in &oc.unavailable {
            assert!(!why.contains("template error"), "{d}: on call {section}: {why}");
        }
    }
    let profile = src.profile(d, &org).await.unwrap_or_else(|e| panic!("{d}: profile: {e}")).expect("org A");
    assert!(!profile.sections.is_empty(), "{d}: profile sections");
    src.board(d).await.unwrap_or_else(|e| panic!("{d}: board: {e}"));
    let (from, to) = (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    src.overview(d, &org, from, to, &zone).await.unwrap_or_else(|e| panic!("{d}: overview: {e}"));
    let h = src
        .caller(d, &org, &CallerQuery::Phone("+1 555 010 0199".into()), &zone, CallerScope::default())
        .await
        .unwrap_or_else(|e| panic!("{d}: caller history: {e}"));
    assert!(h.notes.iter().all(|n| !n.contains("template error")), "{d}: {:?}", h.notes);
}

/// Every export of org A on the real binary, in JSON and CSV where it has both: each exits 0 (or, for what
/// the platform has no data for, 2 or 3 with a message), and never 1 (the database is reachable).
fn every_export(url: &str, case: &Case, minimal: bool) {
    let d = case.dialect;
    let caps = dialects::platform(d).caps();
    let org = case.org_a;
    let run = |args: &[&str]| -> (i32, String, String) {
        let mut full = vec!["export", "--url", url];
        full.extend_from_slice(args);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
            .args(&full)
            .env("SWITCHBOARD_LOG_DIR", std::env::temp_dir().join(format!("sb-min-log-{}", std::process::id())))
            .env("SWITCHBOARD_CONFIG", "/dev/null")
            .env_remove("DATABASE_URL")
            .output()
            .unwrap();
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
    };
    let must = |args: &[&str], ok: bool| -> String {
        let (code, stdout, stderr) = run(args);
        if ok {
            assert_eq!(code, 0, "{d} minimal={minimal}: export {args:?}: {stderr}");
        } else {
            assert!(
                code == 0 || code == 2 || code == 3,
                "{d} minimal={minimal}: export {args:?} exit {code}: {stderr}"
            );
            assert!(code == 0 || !stderr.trim().is_empty(), "{d}: export {args:?} fails without a word");
        }
        stdout
    };
    for f in ["json", "csv"] {
        must(&["orgs", "--format", f], true);
        must(&["calls", "--org", org, "--limit", "20", "--format", f], true);
        must(&["board", "--format", f], true);
        must(&["oncall", "--org", org, "--format", f], caps.oncall);
        must(
            &["appointments", "--org", org, "--from", "2025-01-01", "--to", "2027-12-31", "--format", f],
            caps.appointments,
        );
        must(&["caller", "--org", org, "--phone", "+1 555 010 0199", "--format", f], true);
    }
    let calls = must(&["calls", "--org", org, "--limit", "3", "--format", "json"], true);
    let v: serde_json::Value = serde_json::from_str(&calls).unwrap();
    for f in ["json", "csv"] {
        for id in v["calls"].as_array().unwrap().iter().filter_map(|r| r["id"].as_str()) {
            must(&["call", "--org", org, "--id", id, "--format", f], true);
        }
        must(&["overview", "--org", org, "--from", "2025-01-01", "--to", "2027-12-31", "--format", f], true);
        must(&["org", "--org", org, "--format", f], true);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_view_opens_on_the_full_and_the_seed_minimal_schema_of_every_platform() {
    for case in cases() {
        let d = case.dialect;
        for minimal in [false, true] {
            let mut scripts = vec![schema_sql(d), case.fixture];
            if minimal {
                scripts.push(case.minimal);
            }
            let url = common::fresh_db(&format!("min_{}", d.name()), &scripts).await;
            let src = Source::new(DbOptions::new(&url)).unwrap();
            every_view(&src, &case).await;
            src.close().await;
            every_export(&url, &case, minimal);
            let (code, out) = common::check_output(&url);
            assert_eq!(code, 0, "{d} minimal={minimal}: check\n{out}");
            assert!(out.contains("✓ call list") || out.contains("~ call list"), "{d}: {out}");
            assert!(!out.contains("✗ org switcher") && !out.contains("✗ call list"), "{d}: {out}");
            assert!(!out.contains("template error"), "{d}: {out}");
            // ServiceAI's seed documents every column the console reads (its minimal script drops only
            // auth.users' columns): nothing is partial there.
            if minimal && d != Dialect::ServiceAi {
                assert!(out.contains("partial, not recorded here"), "{d}: check names what is missing\n{out}");
            }
        }
    }
}

fn case(d: Dialect) -> Case {
    cases().into_iter().find(|c| c.dialect == d).unwrap()
}

/// `check`'s sections for org A, in process.
async fn sections(src: &Source, case: &Case) -> Vec<SectionCheck> {
    let orgs = src.orgs(case.dialect).await.unwrap();
    let org = orgs.iter().find(|o| o.key == Key::parse(case.org_a)).expect("org A is listed");
    src.verify(case.dialect, Some(org)).await
}

fn failed(checks: &[SectionCheck]) -> Vec<&SectionCheck> {
    checks.iter().filter(|c| matches!(c.verdict, Verdict::Failed { .. })).collect()
}

/// Every column the platform's statements read as optional (and nowhere as required), one at a time,
/// missing as in a database without it: every view still opens and `check` names what is not recorded.
async fn without_each_optional_column(d: Dialect) {
    let case = case(d);
    let url = common::fresh_db(&format!("opt_{}", d.name()), &[schema_sql(d), case.fixture]).await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let cols = switchboard::data::sqlt::columns_named(&dialects::platform(d).templates()).unwrap();
    let required: Vec<(&str, &str, &str)> =
        cols.iter().filter(|c| c.3).map(|c| (c.0.as_str(), c.1.as_str(), c.2.as_str())).collect();
    let mut optional: Vec<(&str, &str, &str)> = cols
        .iter()
        .filter(|c| !c.3)
        .map(|c| (c.0.as_str(), c.1.as_str(), c.2.as_str()))
        .filter(|c| !required.contains(c))
        .collect();
    optional.sort();
    optional.dedup();
    assert!(optional.len() >= 10, "{d}: only {} optional columns", optional.len());
    every_view(&src, &case).await;
    let baseline = sections(&src, &case).await;
    assert!(failed(&baseline).is_empty(), "{d}: the full schema fails {:?}", failed(&baseline));
    for col @ (schema, table, column) in &optional {
        eprintln!("{d}: without {schema}.{table}.{column}");
        src.hide_columns(&[*col]);
        every_view(&src, &case).await;
        let checks = sections(&src, &case).await;
        assert!(failed(&checks).is_empty(), "{d}: without {table}.{column}: {:?}", failed(&checks));
        let named = format!("no column {column} in ");
        let lost = checks.iter().any(|c| match &c.verdict {
            Verdict::Partial(l) => l.iter().any(|x| x.contains(&named) && x.contains(table)),
            _ => false,
        });
        assert!(lost, "{d}: without {table}.{column}, check names the loss: {checks:?}");
    }
    src.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_without_each_optional_column() {
    without_each_optional_column(Dialect::Retell).await;
}
#[tokio::test(flavor = "multi_thread")]
async fn serviceai_without_each_optional_column() {
    without_each_optional_column(Dialect::ServiceAi).await;
}
#[tokio::test(flavor = "multi_thread")]
async fn voxanne_without_each_optional_column() {
    without_each_optional_column(Dialect::Voxanne).await;
}
#[tokio::test(flavor = "multi_thread")]
async fn prisma_without_each_optional_column() {
    without_each_optional_column(Dialect::Prisma).await;
}
#[tokio::test(flavor = "multi_thread")]
async fn quinite_without_each_optional_column() {
    without_each_optional_column(Dialect::Quinite).await;
}

async fn sql(url: &str, text: &str) {
    let mut c = PgConnection::connect(url).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(text.to_string())).execute(&mut c).await.unwrap_or_else(|e| panic!("{text}: {e}"));
    c.close().await.ok();
}

/// The URL of `db_url`'s database as role `role`.
fn as_role(db_url: &str, role: &str) -> String {
    let (scheme, rest) = db_url.split_once("://").unwrap();
    let (_, host) = rest.split_once('@').unwrap();
    format!("{scheme}://{role}@{host}")
}

/// For every table the platform's statements read (in every tenant schema for Retell's per-tenant ones),
/// a role without SELECT on it: the sections that read it fail saying so, the others work as before, and
/// `check` exits 3 ("the database refuses") exactly when a section fails, else 0.
async fn without_select_on_each_table(d: Dialect) {
    let case = case(d);
    let url = common::fresh_db(&format!("priv_{}", d.name()), &[schema_sql(d), case.fixture]).await;
    let role = format!("sb_priv_{}_{}", d.name(), std::process::id());
    let mut admin = PgConnection::connect(&url).await.unwrap();
    let schemas: Vec<String> = sqlx::query_scalar(
        "SELECT nspname::text FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
    )
    .fetch_all(&mut admin)
    .await
    .unwrap();
    let tenants: Vec<String> = if d == Dialect::Retell {
        sqlx::query_scalar("SELECT schema_name FROM system.organizations WHERE schema_name IS NOT NULL")
            .fetch_all(&mut admin)
            .await
            .unwrap()
    } else {
        Vec::new()
    };
    admin.close().await.ok();
    let quoted: Vec<String> = schemas.iter().map(|s| dialects::quote_ident(s)).collect();
    sql(
        &url,
        &format!(
            "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN BYPASSRLS; GRANT USAGE ON SCHEMA {s} TO {role}; \
             GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {role}; GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {s} TO {role};",
            s = quoted.join(", ")
        ),
    )
    .await;
    let role_url = as_role(&url, &role);
    let p = dialects::platform(d);
    let mut tables: Vec<(String, String)> =
        p.templates().into_iter().flat_map(|t| switchboard::data::sqlt::tables_named(t).unwrap()).collect();
    if p.sql.tenant_schema.is_some() {
        tables.extend(dialects::tenant_tables(p).into_iter().map(|t| ("~".to_string(), t)));
    }
    tables.sort();
    tables.dedup();
    let baseline = {
        let src = Source::new(DbOptions::new(&role_url)).unwrap();
        src.detect(None).await.unwrap();
        let b = sections(&src, &case).await;
        src.close().await;
        b
    };
    assert!(failed(&baseline).is_empty(), "{d}: the role with every privilege: {:?}", failed(&baseline));
    let mut closed_any = 0;
    for (schema, table) in &tables {
        let targets: Vec<String> = if schema == "~" {
            tenants
                .iter()
                .filter(|t| schemas.contains(t))
                .map(|t| format!("{}.{}", dialects::quote_ident(t), dialects::quote_ident(table)))
                .collect()
        } else {
            vec![format!("{}.{}", dialects::quote_ident(schema), dialects::quote_ident(table))]
        };
        let exists = |t: &String| format!("to_regclass('{}') IS NOT NULL", t.replace('\'', "''"));
        let mut present = Vec::new();
        {
            let mut c = PgConnection::connect(&url).await.unwrap();
            for t in &targets {
                let yes: bool =
                    sqlx::query_scalar(AssertSqlSafe(format!("SELECT {}", exists(t)))).fetch_one(&mut c).await.unwrap();
                if yes {
                    present.push(t.clone());
                }
            }
            c.close().await.ok();
        }
        if present.is_empty() {
            continue;
        }
        eprintln!("{d}: without SELECT on {schema}.{table}");
        sql(&url, &format!("REVOKE SELECT ON {} FROM {role}", present.join(", "))).await;
        let src = Source::new(DbOptions::new(&role_url)).unwrap();
        src.detect(None).await.unwrap();
        let listed = src.orgs(d).await;
        let checks = match &listed {
            Ok(_) => sections(&src, &case).await,
            Err(e) => {
                assert!(
                    e.contains("no SELECT on") && e.contains(table.as_str()),
                    "{d}: org switcher without {table}: {e}"
                );
                Vec::new()
            }
        };
        src.close().await;
        for c in &checks {
            let before = baseline.iter().find(|b| b.section == c.section).map(|b| &b.verdict);
            match &c.verdict {
                Verdict::Failed { why, refused } => {
                    assert!(*refused, "{d}: without {table}: {} fails as a refusal: {why}", c.section);
                    assert!(why.contains(table.as_str()), "{d}: without {table}: {} says why: {why}", c.section);
                }
                v => assert!(
                    before == Some(v)
                        || matches!(v, Verdict::Partial(l) if l.iter().any(|x| x.contains(table.as_str()))),
                    "{d}: without {table}: {} changed for another reason: {v:?} (was {before:?})",
                    c.section
                ),
            }
        }
        let closed = listed.is_err() || !failed(&checks).is_empty();
        closed_any += usize::from(closed);
        let (code, out) = common::check_output(&role_url);
        assert_eq!(code, if closed { 3 } else { 0 }, "{d}: without {table}: check\n{out}");
        assert!(!closed || out.contains("no SELECT on"), "{d}: without {table}: check says why\n{out}");
        sql(&url, &format!("GRANT SELECT ON {} TO {role}", present.join(", "))).await;
    }
    assert!(closed_any > 0, "{d}: no table's privilege mattered");
    sql(&url, &format!("REASSIGN OWNED BY {role} TO postgres; DROP OWNED BY {role}; DROP ROLE {role}")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_without_select_on_each_table() {
    without_select_on_each_table(Dialect::Retell).await;
}
#[tokio::test(flavor = "multi_thread")]
async fn serviceai_without_select_on_each_table() {
    without_select_on_each_table(Dialect::ServiceAi).await;
}
#[tokio::test(flavor = "multi_thread")]
async fn voxanne_without_select_on_each_table() {
    without_select_on_each_table(Dialect::Voxanne).await;
}
#[tokio::test(flavor = "multi_thread")]
async fn prisma_without_select_on_each_table() {
    without_select_on_each_table(Dialect::Prisma).await;
}
#[tokio::test(flavor = "multi_thread")]
async fn quinite_without_select_on_each_table() {
    without_select_on_each_table(Dialect::Quinite).await;
}
