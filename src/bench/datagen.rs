//! Platform-scale data: set-based SQL on top of the demo generators. One ServiceAI org with N calls and M
//! appointments; a Retell database with K orgs (a schema each), one of them with N calls. A few calls of
//! each big org carry a huge transcript; the others a short one.

use std::time::Instant;

use sqlx::{AssertSqlSafe, Connection, PgConnection};

use crate::core::model::Dialect;
use crate::data::pool::describe_error;

/// The big ServiceAI org.
pub const SVC_ORG: &str = "b0000000-0000-4000-8000-000000000001";
/// A small demo org of ServiceAI (the demo's first org, 3,000 calls).
pub const SVC_SMALL_ORG_SQL: &str = "SELECT md5('org-1')::uuid::text";
/// Bump when the generated data changes: an existing benchmark database with another version is rebuilt.
pub const DATA_VERSION: i32 = 1;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub calls: u32,
    pub orgs: u32,
    pub appointments: u32,
    pub transcript_kb: u32,
}

impl Scale {
    /// Every `huge_every`-th call of a big org has a huge transcript (20 of them).
    pub fn huge_every(&self) -> u32 {
        (self.calls / 20).max(1)
    }
}

fn err(e: sqlx::Error) -> String {
    describe_error(&e)
}

async fn exec(conn: &mut PgConnection, sql: &str) -> Result<(), String> {
    sqlx::raw_sql(AssertSqlSafe(sql.to_string())).execute(conn).await.map(|_| ()).map_err(err)
}

/// The URL of another database on the server of `admin`.
pub fn url_for(admin: &str, db: &str) -> String {
    let (base, query) = match admin.split_once('?') {
        Some((b, q)) => (b.to_string(), format!("?{q}")),
        None => (admin.to_string(), String::new()),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    match base[scheme_end..].find('/') {
        Some(i) => format!("{}/{db}{query}", &base[..scheme_end + i]),
        None => format!("{base}/{db}{query}"),
    }
}

/// `SELECT` of the huge transcript text (about `kb` KiB, AI and Customer turns, varied per line).
fn huge_transcript_sql(kb: u32) -> String {
    let lines = ((kb as f64) * 1024.0 / 238.7).ceil().max(1.0) as u32;
    format!(
        "SELECT string_agg(format('AI: Reference %s: I can send a technician to look at the pipe under the sink, tell me more about it.' || E'\\n' || \
         'Customer: It started %s days ago, the pipe drips near the valve %s and water pools under the cabinet.', \
         md5(i::text), i % 30, left(md5('v' || i), 8)), E'\\n') AS t FROM generate_series(1, {lines}) i"
    )
}

/// Whether `db` holds benchmark data of this scale and version; returns the recorded generation time.
pub async fn existing(admin: &str, db: &str, scale: &Scale) -> Option<f64> {
    let mut conn = PgConnection::connect(&url_for(admin, db)).await.ok()?;
    let row: Option<(i32, i64, i64, i64, i64, f64)> = sqlx::query_as(
        "SELECT version, calls, orgs, appointments, transcript_kb, gen_seconds FROM sb_bench_marker LIMIT 1",
    )
    .fetch_optional(&mut conn)
    .await
    .ok()?;
    conn.close().await.ok();
    let (v, c, o, a, t, secs) = row?;
    (v == DATA_VERSION
        && c == scale.calls as i64
        && o == scale.orgs as i64
        && a == scale.appointments as i64
        && t == scale.transcript_kb as i64)
        .then_some(secs)
}

pub async fn recreate(admin: &str, db: &str) -> Result<(), String> {
    let mut conn = PgConnection::connect(admin).await.map_err(err)?;
    exec(&mut conn, &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)")).await?;
    exec(&mut conn, &format!("CREATE DATABASE {db}")).await?;
    conn.close().await.ok();
    Ok(())
}

pub async fn drop_db(admin: &str, db: &str) {
    if let Ok(mut conn) = PgConnection::connect(admin).await {
        let _ = exec(&mut conn, &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)")).await;
        conn.close().await.ok();
    }
}

async fn mark(conn: &mut PgConnection, scale: &Scale, secs: f64) -> Result<(), String> {
    exec(
        conn,
        &format!(
            "CREATE TABLE sb_bench_marker (version int, calls bigint, orgs bigint, appointments bigint, \
             transcript_kb bigint, gen_seconds float8, built_at timestamptz DEFAULT now()); \
             INSERT INTO sb_bench_marker VALUES ({DATA_VERSION}, {}, {}, {}, {}, {secs})",
            scale.calls, scale.orgs, scale.appointments, scale.transcript_kb
        ),
    )
    .await
}

/// Builds the ServiceAI benchmark database (schema + demo data + the big org). Returns seconds taken.
pub async fn serviceai(url: &str, scale: &Scale, log: &dyn Fn(&str)) -> Result<f64, String> {
    let start = Instant::now();
    let mut conn = PgConnection::connect(url).await.map_err(err)?;
    log("serviceai: schema and demo data");
    exec(&mut conn, crate::demo::schema_sql(Dialect::ServiceAi)).await?;
    exec(&mut conn, crate::demo::demo_sql(Dialect::ServiceAi)).await?;
    exec(
        &mut conn,
        &format!(
            "SET jit = off; \
             INSERT INTO organizations (id, name, industry, timezone) \
               VALUES ('{SVC_ORG}', 'Platform Scale Plumbing', 'plumbing', 'America/New_York'); \
             INSERT INTO vapi_assistants (id, organization_id, vapi_assistant_id, name, industry, language, system_prompt, voice_config) \
               SELECT ('b0000000-0000-4000-8000-00000000010' || i)::uuid, '{SVC_ORG}', 'bench-asst-' || i, \
                      'Scale Receptionist ' || i, 'plumbing', 'en', 'You answer calls.', '{{}}' FROM generate_series(1, 3) i"
        ),
    )
    .await?;
    log(&format!("serviceai: {} calls", scale.calls));
    let huge = huge_transcript_sql(scale.transcript_kb);
    exec(
        &mut conn,
        &format!(
            "SET jit = off; \
             INSERT INTO call_logs (id, organization_id, vapi_call_id, vapi_assistant_id, customer_phone_number, call_duration, \
               call_status, language_detected, emergency_detected, urgency_score, transcript, summary, created_at, updated_at) \
             SELECT md5('bench-call-' || g)::uuid, '{SVC_ORG}', 'bench-call-' || g, \
               ('b0000000-0000-4000-8000-00000000010' || (1 + g % 3))::uuid, \
               '+1555' || lpad((g::bigint * 7919 % 10000000)::text, 7, '0'), 20 + g % 900, \
               (ARRAY['completed','completed','completed','failed','no-answer','busy'])[1 + g % 6], \
               CASE WHEN g % 9 = 0 THEN 'es' ELSE 'en' END, g % 97 = 0, ((g % 100) / 100.0)::numeric(3,2), \
               CASE WHEN g % {every} = 0 THEN big.t ELSE \
                 'AI: Thanks for calling Platform Scale Plumbing, how can I help?' || E'\\n' || \
                 'Customer: My ' || (ARRAY['kitchen sink','water heater','basement pipe','toilet','shower drain'])[1 + g % 5] || \
                 ' is acting up, call ' || g || '.' || E'\\n' || \
                 'AI: I can book a technician for tomorrow morning. Does 9 am work?' || E'\\n' || 'Customer: Yes, thank you.' END, \
               'Caller reported a ' || (ARRAY['kitchen sink','water heater','basement pipe','toilet','shower drain'])[1 + g % 5] || \
                 ' problem; booked a visit.', \
               now() - g * interval '61 seconds', now() - g * interval '61 seconds' \
             FROM generate_series(1, {calls}) g, ({huge}) big",
            every = scale.huge_every(),
            calls = scale.calls,
        ),
    )
    .await?;
    log(&format!("serviceai: {} appointments", scale.appointments));
    exec(
        &mut conn,
        &format!(
            "INSERT INTO appointments (id, organization_id, vapi_call_id, customer_name, customer_phone, appointment_type, \
               service_description, scheduled_date, scheduled_time, duration_minutes, status, urgency_score, emergency_detected) \
             SELECT md5('bench-appt-' || g)::uuid, '{SVC_ORG}', 'bench-call-' || (g * 5), \
               'Customer ' || g, '+1555' || lpad((g::bigint * 104729 % 10000000)::text, 7, '0'), \
               (ARRAY['drain_cleaning','water_heater_install','leak_repair','toilet_repair'])[1 + g % 4], 'Visit booked by phone', \
               current_date - 365 + (g % 730), time '07:00' + (g % 40) * interval '15 minutes', 30 + 30 * (g % 4), \
               (ARRAY['pending','confirmed','completed','cancelled','no_show'])[1 + g % 5], ((g % 100) / 100.0)::numeric(3,2), g % 113 = 0 \
             FROM generate_series(1, {}) g",
            scale.appointments
        ),
    )
    .await?;
    log("serviceai: VACUUM ANALYZE");
    exec(&mut conn, "VACUUM ANALYZE").await?;
    let secs = start.elapsed().as_secs_f64();
    mark(&mut conn, scale, secs).await?;
    conn.close().await.ok();
    Ok(secs)
}

/// The schema name of bench retell org `i` (1-based); org 1 is the big one.
pub fn retell_schema(i: u32) -> String {
    format!("org_bench_{i:05}")
}

pub fn retell_org_sql(i: u32) -> String {
    format!("md5('bench-retell-org-{i}')::uuid")
}

/// Builds the Retell benchmark database. Returns seconds taken.
pub async fn retell(url: &str, scale: &Scale, log: &dyn Fn(&str)) -> Result<f64, String> {
    let start = Instant::now();
    let mut conn = PgConnection::connect(url).await.map_err(err)?;
    log("retell: schema and demo data");
    exec(&mut conn, crate::demo::schema_sql(Dialect::Retell)).await?;
    exec(&mut conn, crate::demo::demo_sql(Dialect::Retell)).await?;
    log(&format!("retell: {} orgs, a schema each (batches of 200)", scale.orgs));
    // One transaction creating thousands of schemas runs out of lock slots: batches of 200.
    let batches: Vec<(u32, u32)> =
        (0..scale.orgs.div_ceil(200)).map(|b| (b * 200 + 1, ((b + 1) * 200).min(scale.orgs))).collect();
    // Sequentially: two connections creating tenant schemas at once make create_organization_schema fail
    // (it turns concurrent catalog updates into `false`).
    for (lo, hi) in batches {
        exec(
            &mut conn,
            &format!(
                "DO $$ DECLARE i int; s text; oid uuid; BEGIN \
                   FOR i IN {lo} .. {hi} LOOP \
                     s := 'org_bench_' || lpad(i::text, 5, '0'); \
                     oid := md5('bench-retell-org-' || i)::uuid; \
                     INSERT INTO system.organizations (id, name, slug, subdomain, schema_name, status) VALUES (oid, \
                       (ARRAY['Acme','Bright','Summit','Harbor','Pioneer','Evergreen','Blue Sky','Metro','Golden','Riverside'])[1 + i % 10] || ' ' || \
                       (ARRAY['Dental','Plumbing','Law Office','HVAC','Veterinary','Roofing','Realty','Clinic','Electric','Auto Repair','Insurance','Spa'])[1 + (i / 10) % 12] || \
                       ' ' || i, 'bench-' || i, 'bench-' || i, s, CASE WHEN i % 17 = 0 THEN 'suspended' ELSE 'active' END); \
                     IF NOT public.create_organization_schema(oid, s) THEN RAISE EXCEPTION 'schema % not created', s; END IF; \
                   END LOOP; END $$"
            ),
        )
        .await?;
    }
    log(&format!("retell: {} calls in {}", scale.calls, retell_schema(1)));
    let huge = huge_transcript_sql(scale.transcript_kb);
    exec(
        &mut conn,
        &format!(
            "SET jit = off; \
             INSERT INTO {schema}.calls (id, external_call_id, started_at, connected_at, ended_at, direction, from_e164, to_e164, \
               status, end_reason, duration_seconds, billed_minutes, outcome, detailed_summary, transcript, created_at, updated_at, \
               organization_id, agent_id) \
             SELECT md5('bench-retell-call-' || g)::uuid, 'call_bench_' || g, ts, ts + interval '3 seconds', ts + (20 + g % 900) * interval '1 second', \
               CASE WHEN g % 3 = 0 THEN 'outbound' ELSE 'inbound' END, \
               '+1555' || lpad((g::bigint * 7919 % 10000000)::text, 7, '0'), '+15550000001', \
               (ARRAY['completed','completed','completed','failed','no_answer','busy','voicemail'])[1 + g % 7], \
               (ARRAY['user_hangup','agent_hangup','call_transfer','inactivity'])[1 + g % 4], 20 + g % 900, ceil((20 + g % 900) / 60.0), \
               (ARRAY['booked','info','callback','no_outcome'])[1 + g % 4], 'Caller asked about an appointment.', \
               CASE WHEN g % {every} = 0 THEN big.t ELSE \
                 'AI: Hello, this is the front desk, how can I help?' || E'\\n' || 'User: I need to move my appointment, ref ' || g || '.' || E'\\n' || \
                 'AI: Sure, Thursday at 10 is free. Shall I book it?' || E'\\n' || 'User: Yes please.' END, \
               ts, ts, {org}, 'agent_' || (1 + g % 4) \
             FROM generate_series(1, {calls}) g, LATERAL (SELECT now() - g * interval '61 seconds' AS ts) t, ({huge}) big",
            schema = retell_schema(1),
            org = retell_org_sql(1),
            every = scale.huge_every(),
            calls = scale.calls,
        ),
    )
    .await?;
    log("retell: VACUUM ANALYZE");
    exec(&mut conn, &format!("VACUUM ANALYZE {}.calls", retell_schema(1))).await?;
    exec(&mut conn, "ANALYZE system.organizations").await?;
    let secs = start.elapsed().as_secs_f64();
    mark(&mut conn, scale, secs).await?;
    conn.close().await.ok();
    Ok(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_for_other_databases() {
        assert_eq!(
            url_for("postgres://u@h:5/postgres?sslmode=disable", "sb_x"),
            "postgres://u@h:5/sb_x?sslmode=disable"
        );
        assert_eq!(url_for("postgres://u@h:5", "sb_x"), "postgres://u@h:5/sb_x");
    }
}
