//! [`Source`]: the queries the views need. Each dialect supplies its SQL (see [`super::dialects`]); the
//! paging, row mapping, transactions and error handling are shared.

pub mod caller;

use std::time::Instant;

use chrono::{DateTime, Utc};
use sqlx::postgres::{PgArguments, PgConnectOptions, PgPool, PgRow, PgSslMode};
use sqlx::query::Query;
use sqlx::{AssertSqlSafe, Connection, PgConnection, Postgres, Row};

use crate::core::board::BoardRow;
use crate::core::calendar::{self, Appointment, AppointmentDetail};
use crate::core::filter::{CallFilter, like_escape};
use crate::core::model::{Anchor, CallDetail, CallRow, Cursor, DbInfo, Dialect, Key, Org, Page};
use crate::core::oncall::{Contact, Notification, OnCallData, Transfer};
use crate::core::overview::Overview;
use crate::core::profile::{OrgProfile, ProfileSection};
use crate::core::sanitize;
use crate::core::time::OrgZone;
use crate::data::catalog::{self, Catalog, Tenant};
use crate::data::detect;
use crate::data::dialects::{self, ApptRange, CallsSql, quote_ident};
use crate::data::error::{DataError, ErrorKind};
use crate::data::pool::{DbOptions, Link, Pooler, describe_error};
use crate::data::sqlt::{Env, Unmet};
use crate::data::tx::Tx;

/// The ordering is `ts DESC NULLS LAST, id DESC`. Rows with a time and rows without are read by separate
/// index-friendly statements, so that neither NULL times nor equal times are skipped or repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Rows with a time, newest first, optionally after (ts, id).
    TimedDesc { after: bool },
    /// Rows with a time, oldest first, optionally after (ts, id) in that order.
    TimedAsc { after: bool },
    /// Rows without a time, by id descending, optionally below an id.
    NullDesc { after: bool },
    /// Rows without a time, by id ascending, optionally above an id.
    NullAsc { after: bool },
}

impl Part {
    fn binds_time(self) -> bool {
        matches!(self, Part::TimedDesc { after: true } | Part::TimedAsc { after: true })
    }

    fn is_null(self) -> bool {
        matches!(self, Part::NullDesc { .. } | Part::NullAsc { .. })
    }
}

/// A value a filter condition binds.
enum FilterBind {
    Text(String),
    Time(DateTime<Utc>),
}

/// The call list's statement parts, rendered for this database (and org schema).
struct Calls {
    select: String,
    org: String,
    ts: String,
    ts_param: &'static str,
    id: String,
    key_cast: &'static str,
    ts_nullable: bool,
    /// Each filter's expression, or why that filter cannot be used here.
    status: std::result::Result<String, String>,
    direction: std::result::Result<String, String>,
    agent: std::result::Result<String, String>,
    urgent: std::result::Result<String, String>,
    phone: std::result::Result<String, String>,
    text: std::result::Result<[String; 2], String>,
}

impl Calls {
    fn new(c: &CallsSql, cat: &Catalog, tenant: Option<&Tenant>) -> Result<Calls> {
        let mut env = Env::new(cat, tenant);
        let unmet = |u: Unmet| tenant_refusal(tenant, u);
        let select = env.render(c.select).map_err(unmet)?;
        let org = env.render(c.org).map_err(unmet)?;
        let ts = env.render(c.ts).map_err(unmet)?;
        let id = env.render(c.id).map_err(unmet)?;
        let f = &c.filter;
        let mut filter = |t: Option<&str>, what: &str, drop: &str| -> std::result::Result<String, String> {
            match t {
                None => Err(format!("this platform records no {what}: drop {drop}")),
                Some(t) => env.render(t).map_err(|u| format!("this database records no {what} ({u}): drop {drop}")),
            }
        };
        let status = filter(Some(f.status), "call status", "status:");
        let direction = filter(f.direction, "call direction", "dir:");
        let agent = filter(f.agent, "agent on its calls", "agent:");
        let urgent = filter(f.urgent, "urgency on its calls", "urgent");
        let phone = filter(Some(f.phone), "phone number on its calls", "the number");
        let text =
            match (filter(Some(f.text[0]), "transcript", "the words"), filter(Some(f.text[1]), "summary", "the words"))
            {
                (Ok(a), Ok(b)) => Ok([a, b]),
                (Ok(a), Err(_)) => Ok([a.clone(), a]),
                (Err(_), Ok(b)) => Ok([b.clone(), b]),
                (Err(e), Err(_)) => Err(e),
            };
        Ok(Calls {
            select,
            org,
            ts,
            ts_param: c.ts_param,
            id,
            key_cast: c.key_cast,
            ts_nullable: c.ts_nullable,
            status,
            direction,
            agent,
            urgent,
            phone,
            text,
        })
    }
}

/// The filter's conditions on the call list, numbering their parameters from `$first`.
fn filter_sql(c: &Calls, f: &CallFilter, zone: &OrgZone, first: usize) -> Result<(String, Vec<FilterBind>)> {
    let mut conds: Vec<String> = Vec::new();
    let mut binds: Vec<FilterBind> = Vec::new();
    let next = |b: FilterBind, binds: &mut Vec<FilterBind>| {
        binds.push(b);
        first + binds.len() - 1
    };
    let usable = |r: &std::result::Result<String, String>| r.clone().map_err(|e| DataError::new(ErrorKind::Input, e));
    if let Some(v) = &f.status {
        let status = usable(&c.status)?;
        let n = next(FilterBind::Text(v.trim().to_lowercase()), &mut binds);
        conds.push(format!("lower({status}) = ${n}"));
    }
    if let Some(v) = &f.direction {
        let dir = usable(&c.direction)?;
        let n = next(FilterBind::Text(v.clone()), &mut binds);
        conds.push(format!("lower({dir}) = ${n}"));
    }
    let ts_at = |n: usize| c.ts_param.replace("$3", &format!("${n}"));
    if let Some(d) = f.from {
        let n = next(FilterBind::Time(calendar::local_midnight_utc(zone, d)), &mut binds);
        conds.push(format!("{} >= {}", c.ts, ts_at(n)));
    }
    if let Some(d) = f.to {
        let n = next(FilterBind::Time(calendar::local_midnight_utc(zone, d + chrono::Duration::days(1))), &mut binds);
        conds.push(format!("{} < {}", c.ts, ts_at(n)));
    }
    if let Some(v) = &f.agent {
        let agent = usable(&c.agent)?;
        let n = next(FilterBind::Text(format!("%{}%", like_escape(v.trim()))), &mut binds);
        conds.push(format!("{agent} ILIKE ${n} ESCAPE '\\'"));
    }
    if f.urgent {
        conds.push(usable(&c.urgent)?);
    }
    if let Some(v) = &f.phone {
        let phone = usable(&c.phone)?;
        // The typed digits at the start of the stored number's digits, or right after a country code.
        let n = next(FilterBind::Text(v.clone()), &mut binds);
        conds.push(format!("strpos(regexp_replace(COALESCE({phone}, ''), '\\D', '', 'g'), ${n}) BETWEEN 1 AND 4"));
    }
    if let Some(v) = &f.text {
        let text = c.text.clone().map_err(|e| DataError::new(ErrorKind::Input, e))?;
        let n = next(FilterBind::Text(format!("%{}%", like_escape(v.trim()))), &mut binds);
        conds.push(format!("({} ILIKE ${n} ESCAPE '\\' OR {} ILIKE ${n} ESCAPE '\\')", text[0], text[1]));
    }
    Ok((conds.join(" AND "), binds))
}

/// One part's statement: `$1` the org, `$2` the limit, then the cursor's and the filter's parameters, and
/// `offset` (a parameter's number) skips that many rows.
fn part_sql(c: &Calls, part: Part, filter: &str, offset: Option<usize>) -> String {
    let Calls { select, org, ts, ts_param, id, key_cast, .. } = c;
    let (cond, order) = match part {
        Part::TimedDesc { after } => (
            if after {
                format!("{ts} IS NOT NULL AND ({ts}, {id}) < ({ts_param}, $4::{key_cast})")
            } else {
                format!("{ts} IS NOT NULL")
            },
            format!("{ts} DESC, {id} DESC"),
        ),
        Part::TimedAsc { after } => (
            if after {
                format!("{ts} IS NOT NULL AND ({ts}, {id}) > ({ts_param}, $4::{key_cast})")
            } else {
                format!("{ts} IS NOT NULL")
            },
            format!("{ts} ASC, {id} ASC"),
        ),
        Part::NullDesc { after } => (
            if after { format!("{ts} IS NULL AND {id} < $3::{key_cast}") } else { format!("{ts} IS NULL") },
            format!("{id} DESC"),
        ),
        Part::NullAsc { after } => (
            if after { format!("{ts} IS NULL AND {id} > $3::{key_cast}") } else { format!("{ts} IS NULL") },
            format!("{id} ASC"),
        ),
    };
    let filter = if filter.is_empty() { String::new() } else { format!(" AND {filter}") };
    let offset = offset.map(|n| format!(" OFFSET ${n}")).unwrap_or_default();
    format!("{select} WHERE {org} AND {cond}{filter} ORDER BY {order} LIMIT $2{offset}")
}

/// How many rows a part holds, counting at most `$2` of them (the rows a skip passes over, never more).
fn part_count_sql(c: &Calls, part: Part, filter: &str) -> String {
    format!("SELECT count(*) FROM ({}) AS skipped", part_sql(c, part, filter, None))
}

/// One part's statement with its parameters bound: its rows (`skip` given, an `OFFSET` when not 0), or
/// without `skip` the bounded count of its rows.
#[allow(clippy::too_many_arguments)]
fn part_query(
    calls: &Calls,
    org: &Key,
    part: Part,
    cursor: Option<&Cursor>,
    limit: u64,
    skip: Option<u64>,
    filter: (&CallFilter, &OrgZone),
) -> Result<Query<'static, Postgres, PgArguments>> {
    let cursor_params = match (cursor, part.binds_time()) {
        (None, _) => 0,
        (Some(_), true) => 2,
        (Some(_), false) => 1,
    };
    let (cond, binds) = filter_sql(calls, filter.0, filter.1, 3 + cursor_params)?;
    let sql = match skip {
        Some(0) => part_sql(calls, part, &cond, None),
        Some(_) => part_sql(calls, part, &cond, Some(3 + cursor_params + binds.len())),
        None => part_count_sql(calls, part, &cond),
    };
    let as_i64 = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let mut q = bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org).bind(as_i64(limit));
    if let Some(c) = cursor {
        if part.binds_time() {
            q = q.bind(c.created_at);
        }
        q = bind_key(q, &c.key);
    }
    for b in binds {
        q = match b {
            FilterBind::Text(t) => q.bind(t),
            FilterBind::Time(t) => q.bind(t),
        };
    }
    if let Some(n @ 1..) = skip {
        q = q.bind(as_i64(n));
    }
    Ok(q)
}

/// A connection to one platform database.
#[derive(Clone)]
pub struct Source {
    /// The primary: writes go here.
    pool: Link,
    /// Where reads go: the replica when the profile names one, else the primary (the same [`Link`]).
    reads: Link,
    opts: DbOptions,
    /// Names this console's transactions (as their `application_name`) so that a superseded query can be
    /// found and cancelled on the server: `switchboard/<instance>/<request>`.
    tag: Option<String>,
    /// What the catalog says, read once per connection (at detection, or with the first query).
    catalog: std::sync::Arc<std::sync::Mutex<Option<std::sync::Arc<Catalog>>>>,
    /// The tenant schemas of schema-per-tenant orgs, read when each org is first opened (by org key).
    tenants: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<Tenant>>>>,
    /// Columns the catalog is told to forget (see [`Source::hide_columns`]): tests only.
    hidden: std::sync::Arc<std::sync::Mutex<Vec<(String, String, String)>>>,
}

/// This process's part of the transaction tags.
fn instance() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        format!("{}-{:x}", std::process::id(), t & 0xffff_ffff)
    })
    .clone()
}

fn tag_for(req: u64) -> String {
    format!("switchboard/{}/{req}", instance())
}

type Result<T> = std::result::Result<T, DataError>;

/// The connection statement ([`catalog::connect_statement`]) with its parameters: every table and function
/// any platform names.
fn connect_query() -> Query<'static, Postgres, PgArguments> {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(catalog::connect_statement).as_str();
    static NAMES: std::sync::OnceLock<(Vec<String>, Vec<String>)> = std::sync::OnceLock::new();
    let (tables, functions) = NAMES.get_or_init(dialects::catalog_names).clone();
    sqlx::query(AssertSqlSafe(sql)).persistent(false).bind(tables).bind(functions)
}

fn catalog_of(row: &PgRow) -> Result<Catalog> {
    let mut cat = Catalog {
        role: catalog::Role {
            name: row.try_get("role").map_err(err)?,
            superuser: row.try_get("superuser").map_err(err)?,
            bypassrls: row.try_get("bypassrls").map_err(err)?,
        },
        ..Catalog::default()
    };
    for t in catalog::parse_tables(row.try_get("tables").map_err(err)?)? {
        cat.tables.insert(format!("{}.{}", t.schema, t.name), t);
    }
    let functions: serde_json::Value = row.try_get("functions").map_err(err)?;
    cat.functions = functions.as_array().into_iter().flatten().filter_map(|f| f.as_str().map(str::to_string)).collect();
    Ok(cat)
}

/// A statement the catalog shows cannot run: why, as a refusal (naming the org's schema, for a tenant).
fn tenant_refusal(tenant: Option<&Tenant>, u: Unmet) -> DataError {
    match tenant {
        Some(t) => DataError::new(
            ErrorKind::Refused,
            format!(
                "this organization's schema {} does not hold what the console reads: {u}",
                sanitize::single_line(&quote_ident(&t.schema))
            ),
        ),
        None => DataError::from(u),
    }
}

fn err(e: sqlx::Error) -> DataError {
    let message = describe_error(&e);
    DataError::from_sqlx(&e, message)
}

fn bind_key<'q>(q: Query<'q, Postgres, PgArguments>, key: &Key) -> Query<'q, Postgres, PgArguments> {
    match key {
        Key::Uuid(u) => q.bind(*u),
        Key::Text(t) => q.bind(t.clone()),
    }
}

fn text(row: &PgRow, col: &str) -> std::result::Result<Option<String>, sqlx::Error> {
    Ok(row.try_get::<Option<String>, _>(col)?.map(|s| sanitize::single_line(&s)))
}

fn org_row(row: &PgRow) -> std::result::Result<Org, sqlx::Error> {
    Ok(Org {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        name: text(row, "name")?.unwrap_or_default(),
        industry: text(row, "industry")?,
        status: text(row, "status")?,
        slug: text(row, "slug")?,
        timezone: text(row, "timezone")?,
    })
}

fn call_row(row: &PgRow) -> std::result::Result<CallRow, sqlx::Error> {
    Ok(CallRow {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        created_at: row.try_get::<Option<DateTime<Utc>>, _>("ts")?,
        direction: text(row, "direction")?,
        phone: text(row, "phone")?,
        status: text(row, "status")?,
        duration_s: row.try_get("duration")?,
        emergency: row.try_get("emergency")?,
        urgency: row.try_get("urgency")?,
        urgency_label: text(row, "urgency_label")?,
        assistant: text(row, "assistant")?,
        caller: text(row, "caller")?,
        language: text(row, "language")?,
    })
}

/// `[label, value]` pairs; NULL values are left out, others shown as text (multi-line JSON kept).
fn facts(v: Option<serde_json::Value>) -> Vec<(String, String)> {
    let Some(serde_json::Value::Array(items)) = v else { return Vec::new() };
    items
        .into_iter()
        .filter_map(|pair| {
            let serde_json::Value::Array(mut kv) = pair else { return None };
            if kv.len() != 2 {
                return None;
            }
            let value = kv.pop()?;
            let label = kv.pop()?.as_str()?.to_string();
            let shown = match value {
                serde_json::Value::Null => return None,
                serde_json::Value::String(s) if s.trim().is_empty() => return None,
                serde_json::Value::String(s) => sanitize::multi_line(&s),
                serde_json::Value::Bool(b) => (if b { "yes" } else { "no" }).to_string(),
                other => sanitize::multi_line(&other.to_string()),
            };
            Some((sanitize::single_line(&label), shown))
        })
        .collect()
}

fn appointment_row(row: &PgRow) -> std::result::Result<Appointment, sqlx::Error> {
    Ok(Appointment {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        at: row.try_get("at")?,
        local: row.try_get("local")?,
        duration_min: row.try_get("duration")?,
        customer: text(row, "customer")?,
        phone: text(row, "phone")?,
        title: text(row, "title")?,
        status: text(row, "status")?,
        urgency: row.try_get("urgency")?,
        urgency_label: text(row, "urgency_label")?,
        emergency: row.try_get("emergency")?,
    })
}

fn opt_key(row: &PgRow, col: &str) -> std::result::Result<Option<Key>, sqlx::Error> {
    Ok(row.try_get::<Option<String>, _>(col)?.map(|s| Key::parse(&s)))
}

fn contact_row(row: &PgRow) -> std::result::Result<Contact, sqlx::Error> {
    Ok(Contact {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        name: text(row, "name")?.unwrap_or_default(),
        phone: text(row, "phone")?,
        email: text(row, "email")?,
        role: text(row, "role")?,
        is_primary: row.try_get("is_primary")?,
        is_active: row.try_get("is_active")?,
        days: row
            .try_get::<Option<Vec<Option<String>>>, _>("days")?
            .map(|v| v.into_iter().flatten().map(|d| sanitize::single_line(&d)).collect()),
        hours_start: row.try_get("hours_start")?,
        hours_end: row.try_get("hours_end")?,
        priority: row.try_get("priority")?,
        escalation_timeout_s: row.try_get("timeout")?,
        call: row.try_get("call")?,
        sms: row.try_get("sms")?,
        email_enabled: row.try_get("email_enabled")?,
    })
}

fn notification_row(row: &PgRow) -> std::result::Result<Notification, sqlx::Error> {
    Ok(Notification {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        created_at: row.try_get("created_at")?,
        contact: text(row, "contact")?,
        kind: text(row, "kind")?,
        urgency: text(row, "urgency")?,
        message: row.try_get::<Option<String>, _>("message")?.map(|s| sanitize::multi_line(&s)),
        status: text(row, "status")?,
        sent_at: row.try_get("sent_at")?,
        delivered_at: row.try_get("delivered_at")?,
        acknowledged_at: row.try_get("acknowledged_at")?,
        call: opt_key(row, "call_id")?,
    })
}

fn transfer_row(row: &PgRow) -> std::result::Result<Transfer, sqlx::Error> {
    Ok(Transfer {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        created_at: row.try_get("created_at")?,
        customer: text(row, "customer")?,
        reason: text(row, "reason")?,
        urgency: text(row, "urgency")?,
        to: text(row, "to")?,
        status: text(row, "status")?,
        connected_at: row.try_get("connected_at")?,
        completed_at: row.try_get("completed_at")?,
        summary: row.try_get::<Option<String>, _>("summary")?.map(|s| sanitize::multi_line(&s)),
        call: opt_key(row, "call_id")?,
    })
}

/// A JSON value as shown: text sanitized, NULL as a dash, booleans as yes/no.
fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "—".to_string(),
        serde_json::Value::String(s) if s.trim().is_empty() => "—".to_string(),
        serde_json::Value::String(s) => sanitize::single_line(s),
        serde_json::Value::Bool(b) => (if *b { "yes" } else { "no" }).to_string(),
        other => sanitize::single_line(&other.to_string()),
    }
}

fn profile_sections(v: serde_json::Value) -> Vec<ProfileSection> {
    let serde_json::Value::Array(items) = v else { return Vec::new() };
    items
        .into_iter()
        .map(|sec| {
            let title = sec.get("title").map(shown).unwrap_or_default();
            let list = |k: &str| sec.get(k).and_then(|x| x.as_array()).cloned().unwrap_or_default();
            let pairs = list("pairs").iter().filter_map(|p| Some((shown(p.get(0)?), shown(p.get(1)?)))).collect();
            let columns = list("columns").iter().map(shown).collect();
            let rows = list("rows")
                .iter()
                .map(|r| r.as_array().map(|c| c.iter().map(shown).collect()).unwrap_or_default())
                .collect();
            let unavailable = sec.get("unavailable").and_then(|u| u.as_str()).map(sanitize::single_line);
            ProfileSection { title, pairs, columns, rows, unavailable }
        })
        .collect()
}

fn call_detail(row: &PgRow) -> std::result::Result<CallDetail, sqlx::Error> {
    Ok(CallDetail {
        row: call_row(row)?,
        external_id: text(row, "external_id")?,
        updated_at: row.try_get("updated_at")?,
        summary: row.try_get::<Option<String>, _>("summary")?.map(|s| sanitize::multi_line(&s)),
        transcript: row.try_get::<Option<String>, _>("transcript")?.map(|s| sanitize::multi_line(&s)),
        facts: facts(row.try_get("facts")?),
        not_recorded: Vec::new(),
    })
}

impl Source {
    /// Creates the pool without connecting: the first query connects.
    pub fn new(opts: DbOptions) -> Result<Source> {
        let pool = Link::new(&opts.url, &opts)?;
        let reads = match &opts.replica_url {
            Some(url) => Link::new(url, &opts)?,
            None => pool.clone(),
        };
        Ok(Source {
            pool,
            reads,
            opts,
            tag: None,
            catalog: Default::default(),
            tenants: Default::default(),
            hidden: Default::default(),
        })
    }

    /// The pooler mode of the reads' connection, and why ("configured", "port 6543", what revealed it, ...).
    pub fn pooler(&self) -> (Pooler, String) {
        let t = self.reads.target();
        (t.pooler, t.pooler_reason)
    }

    /// The pool reads go to (the replica when there is one). Its sessions are read-only at the server
    /// unless the reads go through a transaction pooler.
    pub fn read_pool(&self) -> &PgPool {
        self.reads.pool()
    }

    pub fn options(&self) -> &DbOptions {
        &self.opts
    }

    /// The same source, its transactions named after request `req` (see [`Source::cancel`]).
    pub fn tagged(&self, req: u64) -> Source {
        Source { tag: Some(tag_for(req)), ..self.clone() }
    }

    /// Cancels, on the server, whatever request `req` is still running (a superseded query), so that it
    /// stops using the database instead of running on until its statement timeout. Returns how many
    /// statements were cancelled.
    ///
    /// It asks on the reads' server, in a read transaction of its own (behind a transaction pooler an
    /// unnamed statement outside a transaction could be parsed on one server connection and run on another).
    /// Behind a pooler the tag is `SET LOCAL`, so it names the server backend only while the request's
    /// transaction runs there: a request that already finished is not found (0), never another client.
    pub async fn cancel(&self, req: u64) -> Result<i64> {
        let mut tx = Source { tag: None, ..self.clone() }.read().await?;
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FILTER (WHERE pg_cancel_backend(pid)) FROM pg_stat_activity \
             WHERE application_name = $1 AND state = 'active' AND pid <> pg_backend_pid()",
        )
        .persistent(false)
        .bind(tag_for(req))
        .fetch_one(&mut *tx)
        .await
        .map_err(err)?;
        tx.commit().await.map_err(err)?;
        Ok(n)
    }

    /// A read transaction: read-only at the server, with the statement timeout local to it.
    pub(crate) async fn read(&self) -> Result<Tx> {
        let tag = match &self.tag {
            // The tag is the console's own text: "switchboard/", digits, "-", hex, "/", digits.
            Some(t) => format!("; SET LOCAL application_name = '{t}'"),
            None => String::new(),
        };
        let begin =
            format!("BEGIN READ ONLY; SET LOCAL statement_timeout = {}{tag}", self.opts.statement_timeout_ms.max(1));
        match self.reads.begin(begin).await {
            Ok(tx) => Ok(tx),
            Err(sqlx::Error::PoolTimedOut) => {
                Err(DataError::new(ErrorKind::Connection, self.diagnose(&self.reads.target().connect).await))
            }
            Err(e) => Err(err(e)),
        }
    }

    /// The pool only says it timed out; one direct attempt tells why (refused, unknown host, auth...).
    async fn diagnose(&self, opts: &PgConnectOptions) -> String {
        let timed_out = describe_error(&sqlx::Error::PoolTimedOut);
        let limit = std::time::Duration::from_millis(self.opts.connect_timeout_ms);
        match tokio::time::timeout(limit, PgConnection::connect_with(opts)).await {
            Ok(Err(e)) => describe_error(&e),
            Ok(Ok(conn)) => {
                let _ = conn.close().await;
                format!("{timed_out} (the server accepts connections: all of the console's are busy)")
            }
            Err(_) => format!("{timed_out} (no answer from the server within {} ms)", self.opts.connect_timeout_ms),
        }
    }

    /// Connects and reads, in one statement, the server version and TLS state and the catalog of every
    /// table any platform names; detects the dialect from it (or takes the forced one).
    pub async fn detect(&self, forced: Option<Dialect>) -> Result<DbInfo> {
        let mut tx = self.read().await?;
        let row = connect_query().fetch_one(&mut *tx).await.map_err(err)?;
        tx.commit().await.map_err(err)?;
        let server_version: String = row.try_get("v").map_err(err)?;
        let server_says_tls: bool = row.try_get("tls").map_err(err)?;
        // A direct connection's startup packet made the session read-only; a session that is not was
        // reached through something that dropped the parameter: a pooler, whose server connections are
        // shared, so from now on nothing may outlive a transaction.
        let session_read_only: String = row.try_get("session_read_only").map_err(err)?;
        let target = self.reads.target();
        if target.guessed && target.pooler == Pooler::None && session_read_only != "on" {
            self.reads
                .become_pooled("a pooler: the startup parameters of a direct connection did not reach the server");
        }
        let cat = self.hiding(std::sync::Arc::new(catalog_of(&row)?));
        let found = cat.found();
        self.set_catalog(cat.clone());
        let (dialect, detection_note) = match forced {
            Some(d) => (d, Some(format!("dialect {} set by configuration", d.name()))),
            None => detect::choose(&found).map_err(|e| DataError::new(ErrorKind::Refused, e))?,
        };
        let (tls, tls_fallback) = self.link_tls(server_says_tls).await;
        let read = dialects::platform(dialect)
            .templates()
            .into_iter()
            .flat_map(|t| crate::data::sqlt::tables_named(t).unwrap_or_default())
            .filter_map(|(schema, name)| cat.table(&schema, &name))
            .collect::<Vec<_>>();
        let row_security = cat.filtered_by_row_security(read);
        Ok(DbInfo {
            server_version,
            dialect,
            caps: dialects::platform(dialect).caps(),
            detection_note,
            tls,
            tls_fallback,
            role: cat.role.name.clone(),
            row_security,
            board_not_recorded: Self::board_not_recorded(&cat, dialect),
        })
    }

    fn set_catalog(&self, cat: std::sync::Arc<Catalog>) {
        let cat = self.hiding(cat);
        if let Ok(mut g) = self.catalog.lock() {
            *g = Some(cat);
        }
    }

    /// Makes the console behave as if the columns `(schema, table, column)` did not exist (schema `~`: in
    /// every tenant schema), as a database that lacks them would: for the tests that drop every optional
    /// column of a platform in turn without rebuilding the database each time. Forgets what was read.
    #[doc(hidden)]
    pub fn hide_columns(&self, cols: &[(&str, &str, &str)]) {
        if let Ok(mut g) = self.hidden.lock() {
            *g = cols.iter().map(|(s, t, c)| (s.to_string(), t.to_string(), c.to_string())).collect();
        }
        if let Ok(mut g) = self.catalog.lock() {
            *g = None;
        }
        if let Ok(mut g) = self.tenants.lock() {
            g.clear();
        }
    }

    fn hiding(&self, cat: std::sync::Arc<Catalog>) -> std::sync::Arc<Catalog> {
        let hidden = self.hidden.lock().map(|g| g.clone()).unwrap_or_default();
        if hidden.iter().all(|(s, _, _)| s == "~") {
            return cat;
        }
        let mut c = (*cat).clone();
        for (s, t, col) in hidden.iter().filter(|(s, _, _)| s != "~") {
            if let Some(table) = c.tables.get_mut(&format!("{s}.{t}")) {
                table.columns.retain(|x| &x.name != col);
            }
        }
        std::sync::Arc::new(c)
    }

    /// The catalog as read at detection; read now, in this transaction, when nothing has read it yet.
    pub(crate) async fn catalog(&self, tx: &mut Tx) -> Result<std::sync::Arc<Catalog>> {
        if let Some(c) = self.catalog.lock().ok().and_then(|g| g.clone()) {
            return Ok(c);
        }
        let row = connect_query().fetch_one(&mut **tx).await.map_err(err)?;
        let cat = std::sync::Arc::new(catalog_of(&row)?);
        self.set_catalog(cat.clone());
        Ok(cat)
    }

    /// What the attention board cannot show in this database (columns its statement reads as not recorded).
    fn board_not_recorded(cat: &Catalog, dialect: Dialect) -> Vec<String> {
        let template = dialects::board::board_sql(dialect).unwrap_or(dialects::board::RETELL_ORGS);
        let mut env = Env::new(cat, None);
        match env.render(template) {
            Ok(_) => env.lost().to_vec(),
            Err(_) => Vec::new(),
        }
    }

    /// The catalog, when it has been read (after [`Source::detect`]).
    pub fn known_catalog(&self) -> Option<std::sync::Arc<Catalog>> {
        self.catalog.lock().ok().and_then(|g| g.clone())
    }

    /// Whether the console's own link to the reads' server is encrypted, and whether that is `sslmode=prefer`
    /// having fallen back to plaintext. `pg_stat_ssl` (`server_says_tls`) describes the server backend's
    /// link, which behind a pooler is the pooler's, not ours; so unless the mode decides it (disable: never;
    /// require and verify-*: sqlx connects only over TLS), the server is asked once, as sqlx asks it, whether
    /// it takes TLS.
    async fn link_tls(&self, server_says_tls: bool) -> (bool, bool) {
        let target = self.reads.target();
        let c = &target.connect;
        match c.get_ssl_mode() {
            PgSslMode::Disable | PgSslMode::Allow => (false, false),
            PgSslMode::Require | PgSslMode::VerifyCa | PgSslMode::VerifyFull => (true, false),
            PgSslMode::Prefer if c.get_socket().is_some() => (false, false),
            PgSslMode::Prefer if server_says_tls && target.pooler == Pooler::None => (true, false),
            PgSslMode::Prefer => {
                let (host, port) = (c.get_host().to_string(), c.get_port());
                let limit = std::time::Duration::from_millis(self.opts.connect_timeout_ms);
                match tokio::task::spawn_blocking(move || offers_tls(&host, port, limit)).await {
                    Ok(Ok(true)) => (true, false),
                    Ok(Ok(false)) => (false, true),
                    _ => (server_says_tls, !server_says_tls),
                }
            }
        }
    }

    pub async fn orgs(&self, dialect: Dialect) -> Result<Vec<Org>> {
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let (sql, _) = Self::render_for(&cat, None, dialects::sql(dialect).orgs)?;
        let rows = sqlx::query(AssertSqlSafe(sql)).persistent(false).fetch_all(&mut *tx).await.map_err(err)?;
        tx.commit().await.map_err(err)?;
        rows.iter().map(org_row).collect::<std::result::Result<_, _>>().map_err(err)
    }

    /// For schema-per-tenant dialects, the org's schema and what its tables hold (read once per org and
    /// connection: one catalog statement); None for the others.
    async fn tenant(&self, tx: &mut Tx, dialect: Dialect, org: &Key) -> Result<Option<std::sync::Arc<Tenant>>> {
        if dialects::sql(dialect).tenant_schema.is_none() {
            return Ok(None);
        }
        let cache_key = org.to_string();
        if let Some(t) = self.tenants.lock().ok().and_then(|g| g.get(&cache_key).cloned()) {
            return Ok(Some(t));
        }
        let sql = format!(
            "SELECT o.schema_name, {} AS tables FROM system.organizations o WHERE o.id = $1::uuid",
            catalog::tables_json("n.nspname = o.schema_name AND c.relname = ANY($2)")
        );
        let row = bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org)
            .bind(dialects::tenant_tables(dialects::platform(dialect)))
            .fetch_optional(&mut **tx)
            .await
            .map_err(err)?;
        let Some(row) = row else {
            return Err(DataError::new(ErrorKind::Input, "this organization no longer exists"));
        };
        let schema: Option<String> = row.try_get("schema_name").map_err(err)?;
        let Some(schema) = schema else {
            return Err(DataError::new(
                ErrorKind::Refused,
                "this organization has no schema registered (schema_name is empty)",
            ));
        };
        let mut t = Tenant { schema, ..Tenant::default() };
        let hidden = self.hidden.lock().map(|g| g.clone()).unwrap_or_default();
        for mut table in catalog::parse_tables(row.try_get("tables").map_err(err)?)? {
            table.columns.retain(|c| !hidden.iter().any(|(s, t, h)| s == "~" && *t == table.name && *h == c.name));
            t.tables.insert(table.name.clone(), table);
        }
        let t = std::sync::Arc::new(t);
        if let Ok(mut g) = self.tenants.lock() {
            g.insert(cache_key, t.clone());
        }
        Ok(Some(t))
    }

    /// For Retell: the registered orgs whose schema is missing or lacks what the console reads (one bounded
    /// catalog statement over every tenant), at most `max` lines.
    pub async fn tenant_report(&self, max: usize) -> Result<Vec<String>> {
        let p = dialects::platform(Dialect::Retell);
        // Required: what the call list and a call cannot do without (not what one filter needs).
        let c = &p.sql.calls;
        let list =
            crate::data::sqlt::columns_named(&[c.select, c.org, c.ts, c.id, p.sql.call]).map_err(DataError::from)?;
        let cols = crate::data::sqlt::columns_named(&p.templates()).map_err(DataError::from)?;
        let required = |name: &str| list.iter().any(|(s, t, col, r)| s == "~" && t == "calls" && col == name && *r);
        let mut calls: Vec<(String, bool)> = cols
            .into_iter()
            .filter(|(s, t, _, _)| s == "~" && t == "calls")
            .map(|(_, _, col, _)| {
                let r = required(&col);
                (col, r)
            })
            .collect();
        calls.sort();
        calls.dedup_by(|a, b| a.0 == b.0);
        let names: Vec<String> = calls.iter().map(|(c, _)| c.clone()).collect();
        let mut tx = self.read().await?;
        let rows = sqlx::query(concat!(
            "SELECT o.id::text AS id, o.name, o.schema_name, \
               EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname = o.schema_name) AS has_schema, \
               to_regclass(quote_ident(o.schema_name) || '.calls') IS NOT NULL AS has_calls, ",
            crate::data::dialects::retell::rollups_readable!("o.schema_name"),
            " AS has_rollups, \
               ARRAY(SELECT x FROM unnest($1::text[]) x WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a \
                 WHERE a.attrelid = to_regclass(quote_ident(o.schema_name) || '.calls') AND a.attname = x \
                 AND a.attnum > 0 AND NOT a.attisdropped)) AS missing \
             FROM system.organizations o ORDER BY o.name, o.id LIMIT 10000"
        ))
        .persistent(false)
        .bind(&names)
        .fetch_all(&mut *tx)
        .await
        .map_err(err)?;
        tx.commit().await.map_err(err)?;
        let mut out = Vec::new();
        let mut more = 0usize;
        for r in &rows {
            let name = text(r, "name").map_err(err)?.unwrap_or_default();
            let schema: Option<String> = r.try_get("schema_name").map_err(err)?;
            let schema_shown = schema.as_deref().map(|s| sanitize::single_line(&quote_ident(s))).unwrap_or_default();
            let missing: Vec<String> = r.try_get("missing").map_err(err)?;
            let line = if schema.is_none() {
                Some(format!("{name}: no schema registered"))
            } else if !r.try_get::<bool, _>("has_schema").map_err(err)? {
                Some(format!("{name}: schema {schema_shown} does not exist"))
            } else if !r.try_get::<bool, _>("has_calls").map_err(err)? {
                Some(format!("{name}: schema {schema_shown} has no calls table"))
            } else {
                let required: Vec<&str> =
                    missing.iter().filter(|m| calls.iter().any(|(c, r)| c == *m && *r)).map(String::as_str).collect();
                let optional: Vec<&str> =
                    missing.iter().filter(|m| !required.contains(&m.as_str())).map(String::as_str).collect();
                let rollups = r.try_get::<bool, _>("has_rollups").map_err(err)?;
                let mut parts = Vec::new();
                if !required.is_empty() {
                    parts.push(format!("calls lacks {} (its calls cannot be read)", required.join(", ")));
                }
                if !optional.is_empty() {
                    parts.push(format!("calls does not record {}", optional.join(", ")));
                }
                if !rollups {
                    parts.push("no readable call_rollups (the board shows no figures for it)".to_string());
                }
                (!parts.is_empty()).then(|| format!("{name} ({schema_shown}): {}", parts.join("; ")))
            };
            if let Some(l) = line {
                if out.len() < max {
                    out.push(l);
                } else {
                    more += 1;
                }
            }
        }
        if more > 0 {
            out.push(format!("... and {more} more"));
        }
        Ok(out)
    }

    /// The org's tenant schema (for a schema-per-tenant platform), in a read transaction of its own.
    pub(crate) async fn tenant_of(&self, dialect: Dialect, org: &Key) -> Result<Option<std::sync::Arc<Tenant>>> {
        let mut tx = self.read().await?;
        let t = self.tenant(&mut tx, dialect, org).await?;
        tx.commit().await.map_err(err)?;
        Ok(t)
    }

    /// The call-list filters this database cannot serve (the platform records them, the database not).
    pub(crate) fn unusable_filters(&self, cat: &Catalog, tenant: Option<&Tenant>, c: &CallsSql) -> Vec<String> {
        let Ok(calls) = Calls::new(c, cat, tenant) else { return Vec::new() };
        let text = calls.text.clone().map(|_| String::new());
        [calls.status, calls.direction, calls.agent, calls.urgent, calls.phone, text]
            .into_iter()
            .filter_map(|r| r.err())
            .filter(|e| e.starts_with("this database"))
            .collect()
    }

    /// Renders one statement for this org (its tenant schema where there is one); an unmet statement is a
    /// refusal that names what is missing (and, for a tenant, whose schema).
    fn render_for(cat: &Catalog, tenant: Option<&Tenant>, template: &str) -> Result<(String, Vec<String>)> {
        let mut env = Env::new(cat, tenant);
        match env.render(template) {
            Ok(sql) => Ok((sql, env.lost().to_vec())),
            Err(u) => Err(tenant_refusal(tenant, u)),
        }
    }

    /// The rows of one part: at most `limit`, after skipping `skip` (`OFFSET`, sent only when not 0).
    #[allow(clippy::too_many_arguments)]
    async fn part(
        &self,
        tx: &mut Tx,
        calls: &Calls,
        org: &Key,
        part: Part,
        cursor: Option<&Cursor>,
        limit: usize,
        skip: u64,
        filter: (&CallFilter, &OrgZone),
    ) -> Result<Vec<CallRow>> {
        if limit == 0 || (!calls.ts_nullable && part.is_null()) {
            return Ok(Vec::new());
        }
        let q = part_query(calls, org, part, cursor, limit as u64, Some(skip), filter)?;
        let rows = q.fetch_all(&mut **tx).await.map_err(err)?;
        rows.iter().map(call_row).collect::<std::result::Result<_, _>>().map_err(err)
    }

    /// How many rows of one part there are, up to `at_most`: what a skip that found none of them passed over.
    #[allow(clippy::too_many_arguments)]
    async fn part_count(
        &self,
        tx: &mut Tx,
        calls: &Calls,
        org: &Key,
        part: Part,
        cursor: Option<&Cursor>,
        at_most: u64,
        filter: (&CallFilter, &OrgZone),
    ) -> Result<u64> {
        if at_most == 0 || (!calls.ts_nullable && part.is_null()) {
            return Ok(0);
        }
        let q = part_query(calls, org, part, cursor, at_most, None, filter)?;
        let row = q.fetch_one(&mut **tx).await.map_err(err)?;
        let n: i64 = row.try_get(0).map_err(err)?;
        Ok(u64::try_from(n).unwrap_or(0).min(at_most))
    }

    /// One page of calls in display order (newest first), keyset-paged on (time, id) both ways.
    pub async fn calls(&self, dialect: Dialect, org: &Key, anchor: &Anchor, limit: usize) -> Result<Page> {
        self.calls_filtered(dialect, org, anchor, limit, &CallFilter::default(), &OrgZone::from_name(None)).await
    }

    /// One page of the calls that pass the filter (dates are local to `zone`, the org's).
    pub async fn calls_filtered(
        &self,
        dialect: Dialect,
        org: &Key,
        anchor: &Anchor,
        limit: usize,
        filter: &CallFilter,
        zone: &OrgZone,
    ) -> Result<Page> {
        let fz = (filter, zone);
        let limit = limit.max(1);
        let want = limit + 1;
        let (forward, cursor, pages) = match anchor {
            Anchor::First => (true, None, 0),
            Anchor::After(cur) => (true, Some(cur), 0),
            Anchor::Ahead { cursor, pages } => (true, cursor.as_ref(), *pages),
            Anchor::Last => (false, None, 0),
            Anchor::Before(cur) => (false, Some(cur), 0),
            Anchor::Behind { cursor, pages } => (false, cursor.as_ref(), *pages),
        };
        // The parts in reading order from the cursor on (backwards: oldest first, reversed below).
        use Part::{NullAsc, NullDesc, TimedAsc, TimedDesc};
        let parts: Vec<(Part, Option<&Cursor>)> = match (forward, cursor) {
            (true, Some(cur)) if cur.created_at.is_none() => vec![(NullDesc { after: true }, Some(cur))],
            (true, Some(cur)) => vec![(TimedDesc { after: true }, Some(cur)), (NullDesc { after: false }, None)],
            (true, None) => vec![(TimedDesc { after: false }, None), (NullDesc { after: false }, None)],
            (false, Some(cur)) if cur.created_at.is_some() => vec![(TimedAsc { after: true }, Some(cur))],
            (false, Some(cur)) => vec![(NullAsc { after: true }, Some(cur)), (TimedAsc { after: false }, None)],
            (false, None) => vec![(NullAsc { after: false }, None), (TimedAsc { after: false }, None)],
        };
        let nullable = dialects::sql(dialect).calls.ts_nullable;
        let parts: Vec<_> = parts.into_iter().filter(|(p, _)| nullable || !p.is_null()).collect();
        // A skip is an OFFSET on the part it ends in; a part it passes over whole is counted (bounded by
        // the skip) so that the next part skips only the rest.
        let mut skip = pages.saturating_mul(limit as u64);
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let tenant = self.tenant(&mut tx, dialect, org).await?;
        let c = &Calls::new(&dialects::sql(dialect).calls, &cat, tenant.as_deref())?;
        let mut rows = Vec::new();
        for (i, &(part, cur)) in parts.iter().enumerate() {
            let got = self.part(&mut tx, c, org, part, cur, want - rows.len(), skip, fz).await?;
            skip = if skip > 0 && got.is_empty() && i + 1 < parts.len() {
                skip - self.part_count(&mut tx, c, org, part, cur, skip, fz).await?
            } else {
                0
            };
            rows.extend(got);
        }
        let page = if forward {
            let has_after = rows.len() > limit;
            rows.truncate(limit);
            Page { rows, has_before: cursor.is_some() || pages > 0, has_after }
        } else {
            let has_before = rows.len() > limit;
            rows.truncate(limit);
            rows.reverse();
            if !has_before && rows.len() < limit {
                // Near the top (or a skip past it): show a full first page rather than a short one.
                tx.commit().await.map_err(err)?;
                return Box::pin(self.calls_filtered(dialect, org, &Anchor::First, limit, filter, zone)).await;
            }
            Page { rows, has_before, has_after: cursor.is_some() || pages > 0 }
        };
        tx.commit().await.map_err(err)?;
        Ok(page)
    }

    /// One call with its summary, transcript and details; `None` when it does not exist (or is not this org's).
    pub async fn call(&self, dialect: Dialect, org: &Key, call: &Key) -> Result<Option<CallDetail>> {
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let tenant = self.tenant(&mut tx, dialect, org).await?;
        let (sql, lost) = Self::render_for(&cat, tenant.as_deref(), dialects::sql(dialect).call)?;
        let q = bind_key(bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org), call);
        let row = q.fetch_optional(&mut *tx).await.map_err(err)?;
        tx.commit().await.map_err(err)?;
        let detail = row.map(|r| call_detail(&r)).transpose().map_err(err)?;
        Ok(detail.map(|d| CallDetail { not_recorded: lost, ..d }))
    }

    /// The appointments whose local start falls on `from..to` (local dates in the org's zone, end exclusive).
    pub async fn appointments(
        &self,
        dialect: Dialect,
        org: &Key,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        zone: OrgZone,
    ) -> Result<Vec<Appointment>> {
        let Some(a) = dialects::sql(dialect).appointments else {
            return Err(DataError::new(
                ErrorKind::Refused,
                format!("the {} schema has no appointments", dialect.name()),
            ));
        };
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let (sql, _) = Self::render_for(&cat, None, a.range)?;
        let q = bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org);
        let q = match a.range_kind {
            ApptRange::LocalDate => q.bind(from).bind(to),
            ApptRange::Instant => {
                q.bind(calendar::local_midnight_utc(&zone, from)).bind(calendar::local_midnight_utc(&zone, to))
            }
        };
        let rows = q.fetch_all(&mut *tx).await.map_err(err)?;
        tx.commit().await.map_err(err)?;
        rows.iter().map(appointment_row).collect::<std::result::Result<_, _>>().map_err(err)
    }

    /// The appointments of one local day of the org's zone (the calendar's selected day).
    pub async fn day_appointments(
        &self,
        dialect: Dialect,
        org: &Key,
        day: chrono::NaiveDate,
        zone: OrgZone,
    ) -> Result<Vec<Appointment>> {
        self.appointments(dialect, org, day, day + chrono::Duration::days(1), zone).await
    }

    /// Counts per local day and status of the appointments whose local start falls on `from..to` (one
    /// `DayCount` per day, in order), grouped by the server: only a few rows a day cross the wire.
    pub async fn appointment_counts(
        &self,
        dialect: Dialect,
        org: &Key,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        zone: OrgZone,
    ) -> Result<Vec<calendar::DayCount>> {
        let Some(a) = dialects::sql(dialect).appointments else {
            return Err(DataError::new(
                ErrorKind::Refused,
                format!("the {} schema has no appointments", dialect.name()),
            ));
        };
        let days = (to - from).num_days().max(0);
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let (sql, _) = Self::render_for(&cat, None, a.counts)?;
        let q = bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org);
        let q = match a.range_kind {
            ApptRange::LocalDate => q.bind(from).bind(to),
            ApptRange::Instant => {
                let midnights: Vec<chrono::DateTime<chrono::Utc>> =
                    (0..=days).map(|i| calendar::local_midnight_utc(&zone, from + chrono::Duration::days(i))).collect();
                q.bind(midnights[0]).bind(midnights[days as usize]).bind(midnights)
            }
        };
        let rows = q.fetch_all(&mut *tx).await.map_err(err)?;
        tx.commit().await.map_err(err)?;
        let groups = rows
            .iter()
            .map(|r| {
                let count = |col: &str| r.try_get::<i64, _>(col).map(|n| u32::try_from(n).unwrap_or(u32::MAX));
                Ok(calendar::DayGroup {
                    day: i64::from(r.try_get::<Option<i32>, _>("day")?.unwrap_or(-1)),
                    status: text(r, "status")?,
                    n: count("n")?,
                    emergency: count("emergency")?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()
            .map_err(err)?;
        Ok(calendar::counts_of_groups(&groups, days as usize))
    }

    /// One appointment with its details and the call that booked it.
    pub async fn appointment(&self, dialect: Dialect, org: &Key, appt: &Key) -> Result<Option<AppointmentDetail>> {
        let Some(a) = dialects::sql(dialect).appointments else {
            return Err(DataError::new(
                ErrorKind::Refused,
                format!("the {} schema has no appointments", dialect.name()),
            ));
        };
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let (sql, _) = Self::render_for(&cat, None, a.one)?;
        let row = bind_key(bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org), appt)
            .fetch_optional(&mut *tx)
            .await
            .map_err(err)?;
        tx.commit().await.map_err(err)?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(AppointmentDetail {
            appt: appointment_row(&row).map_err(err)?,
            facts: facts(row.try_get("facts").map_err(err)?),
            call: row.try_get::<Option<String>, _>("call_id").map_err(err)?.map(|k: String| Key::parse(&k)),
        }))
    }

    /// The on-call picture of one org: contacts, recent notifications and transfers, urgent calls. Each is
    /// a section of its own: one the database cannot give (a missing table or column, a denied privilege)
    /// is named in [`OnCallData::unavailable`] and the others are read.
    pub async fn oncall(&self, dialect: Dialect, org: &Key) -> Result<OnCallData> {
        let q = dialects::sql(dialect).oncall;
        if !dialects::platform(dialect).caps().oncall {
            return Err(DataError::new(
                ErrorKind::Refused,
                format!("the {} schema has no on-call data", dialect.name()),
            ));
        }
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let mut out = OnCallData::default();
        let sections = [
            ("chain", q.contacts),
            ("notifications", q.notifications),
            ("transfers", q.transfers),
            ("urgent calls", q.urgent_calls),
            ("org", q.org),
        ];
        let mut rows: Vec<Vec<PgRow>> = Vec::new();
        for (name, template) in sections {
            let Some(template) = template else {
                rows.push(Vec::new());
                continue;
            };
            let mut env = Env::new(&cat, None);
            let sql = match env.render(template) {
                Ok(sql) => sql,
                Err(u) => {
                    out.unavailable.push((name.to_string(), u.to_string()));
                    rows.push(Vec::new());
                    continue;
                }
            };
            for l in env.lost() {
                out.lost.push((name.to_string(), l.clone()));
            }
            out.row_security.extend(env.row_security());
            match bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org).fetch_all(&mut *tx).await {
                Ok(r) => rows.push(r),
                Err(e) => {
                    let e = err(e);
                    if !e.is_refusal() {
                        return Err(e);
                    }
                    // This section is refused; the transaction is aborted: the rest go on in a new one.
                    out.unavailable.push((name.to_string(), e.message));
                    rows.push(Vec::new());
                    tx.rollback().await.map_err(err)?;
                    tx = self.read().await?;
                }
            }
        }
        tx.commit().await.map_err(err)?;
        out.row_security.sort();
        out.row_security.dedup();
        fn mapped<T>(
            rows: &[PgRow],
            f: fn(&PgRow) -> std::result::Result<T, sqlx::Error>,
            name: &str,
            out: &mut Vec<(String, String)>,
        ) -> Vec<T> {
            match rows.iter().map(f).collect::<std::result::Result<Vec<T>, _>>() {
                Ok(v) => v,
                Err(e) => {
                    out.push((name.to_string(), format!("unexpected data: {}", err(e))));
                    Vec::new()
                }
            }
        }
        let mut unavailable = std::mem::take(&mut out.unavailable);
        out.contacts = mapped(&rows[0], contact_row, "chain", &mut unavailable);
        out.notifications = mapped(&rows[1], notification_row, "notifications", &mut unavailable);
        out.transfers = mapped(&rows[2], transfer_row, "transfers", &mut unavailable);
        out.urgent_calls = mapped(&rows[3], call_row, "urgent calls", &mut unavailable);
        out.unavailable = unavailable;
        if let Some(r) = rows[4].first() {
            out.fallback_phone = text(r, "fallback_phone").map_err(err)?;
            out.transfer_to = text(r, "transfer_to").map_err(err)?;
        }
        Ok(out)
    }

    /// A write transaction, refused unless the console was started in write mode.
    async fn write(&self) -> Result<Tx> {
        if self.opts.read_only {
            return Err(DataError::new(
                ErrorKind::Input,
                "read-only session: start the console with --write to change anything",
            ));
        }
        let begin =
            format!("BEGIN READ WRITE; SET LOCAL statement_timeout = {}", self.opts.statement_timeout_ms.max(1));
        self.pool.begin(begin).await.map_err(err)
    }

    /// Marks one notification acknowledged, with an audit row where the platform keeps an audit table, in
    /// one transaction. Changes exactly one row or nothing.
    pub async fn acknowledge(&self, dialect: Dialect, org: &Key, notification: &Key) -> Result<()> {
        let q = dialects::sql(dialect).oncall;
        let Some(sql) = q.acknowledge else {
            return Err(DataError::new(
                ErrorKind::Refused,
                format!("the {} schema has no notifications to acknowledge", dialect.name()),
            ));
        };
        let mut tx = self.write().await?;
        let cat = self.catalog(&mut tx).await?;
        let (sql, _) = Self::render_for(&cat, None, sql)?;
        // The audit row is part of the action: when the audit table cannot take it, nothing is changed.
        let audit = q.audit_acknowledge.map(|a| Self::render_for(&cat, None, a).map(|(s, _)| s)).transpose()?;
        let done = bind_key(bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org), notification)
            .fetch_optional(&mut *tx)
            .await
            .map_err(err)?;
        if done.is_none() {
            return Err(DataError::new(
                ErrorKind::Input,
                "nothing to acknowledge: it is already acknowledged or no longer exists",
            ));
        }
        if let Some(audit) = audit {
            bind_key(bind_key(sqlx::query(AssertSqlSafe(audit)).persistent(false), org), notification)
                .execute(&mut *tx)
                .await
                .map_err(err)?;
        }
        tx.commit().await.map_err(err)?;
        tracing::info!(%notification, dialect = dialect.name(), "notification acknowledged");
        Ok(())
    }

    /// The org profile: every section the platform's schema can fill. Never a secret, only whether one is set.
    pub async fn profile(&self, dialect: Dialect, org: &Key) -> Result<Option<OrgProfile>> {
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let (sql, _) = Self::render_for(&cat, None, dialects::profile::profile_sql(dialect))?;
        let row = bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org)
            .fetch_optional(&mut *tx)
            .await
            .map_err(err)?;
        tx.commit().await.map_err(err)?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(OrgProfile {
            sections: profile_sections(row.try_get("sections").map_err(err)?),
            status: text(&row, "status").map_err(err)?,
        }))
    }

    /// Suspends or reactivates an org, with its audit row where the platform keeps one, in one transaction.
    pub async fn set_org_status(
        &self,
        dialect: Dialect,
        org: &Key,
        status: &str,
        previous: Option<&str>,
    ) -> Result<()> {
        let Some(q) = dialects::profile::status_sql(dialect) else {
            return Err(DataError::new(
                ErrorKind::Refused,
                format!("the {} schema has no organization status to change", dialect.name()),
            ));
        };
        let mut tx = self.write().await?;
        let cat = self.catalog(&mut tx).await?;
        let (update, _) = Self::render_for(&cat, None, q.update)?;
        let audit = q.audit.map(|a| Self::render_for(&cat, None, a).map(|(s, _)| s)).transpose()?;
        let done = bind_key(sqlx::query(AssertSqlSafe(update)).persistent(false), org)
            .bind(status.to_string())
            .fetch_optional(&mut *tx)
            .await
            .map_err(err)?;
        if done.is_none() {
            return Err(DataError::new(
                ErrorKind::Input,
                format!("nothing changed: the organization is already {status} or no longer exists"),
            ));
        }
        if let Some(audit) = audit {
            bind_key(sqlx::query(AssertSqlSafe(audit)).persistent(false), org)
                .bind(status.to_string())
                .bind(previous.map(str::to_string))
                .execute(&mut *tx)
                .await
                .map_err(err)?;
        }
        tx.commit().await.map_err(err)?;
        tracing::info!(%org, status, dialect = dialect.name(), "organization status changed");
        Ok(())
    }

    /// The attention board's figures for every org, in few statements: one per platform, or for Retell
    /// the registry plus one statement per batch of tenant schemas (each in its own transaction, so that
    /// thousands of schemas never exhaust the lock table).
    pub async fn board(&self, dialect: Dialect) -> Result<Vec<BoardRow>> {
        self.board_progress(dialect, |_| {}).await
    }

    /// As [`Source::board`], handing the rows read so far to `partial` after each batch of Retell tenants,
    /// so that a board of thousands of schemas shows up progressively.
    pub async fn board_progress(
        &self,
        dialect: Dialect,
        mut partial: impl FnMut(&[BoardRow]),
    ) -> Result<Vec<BoardRow>> {
        let int = |r: &PgRow, c: &str| r.try_get::<Option<i64>, _>(c).map(|v| v.unwrap_or(0));
        if let Some(sql) = dialects::board::board_sql(dialect) {
            let mut tx = self.read().await?;
            let cat = self.catalog(&mut tx).await?;
            let (sql, _) = Self::render_for(&cat, None, sql)?;
            let rows = sqlx::query(AssertSqlSafe(sql)).persistent(false).fetch_all(&mut *tx).await.map_err(err)?;
            tx.commit().await.map_err(err)?;
            return rows
                .iter()
                .map(|r| {
                    Ok(BoardRow {
                        key: Key::parse(&r.try_get::<String, _>("id")?),
                        name: text(r, "name")?.unwrap_or_default(),
                        status: text(r, "status")?,
                        calls_24h: int(r, "calls_24h")?,
                        failed_24h: int(r, "failed_24h")?,
                        calls_7d: int(r, "calls_7d")?,
                        failed_7d: int(r, "failed_7d")?,
                        open_emergencies: r.try_get("open_emergencies")?,
                        last_activity: r.try_get("last_activity")?,
                    })
                })
                .collect::<std::result::Result<_, sqlx::Error>>()
                .map_err(err);
        }
        // Retell: the registry, then the rollups of each tenant schema, in batches.
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let (sql, _) = Self::render_for(&cat, None, dialects::board::RETELL_ORGS)?;
        let registry = sqlx::query(AssertSqlSafe(sql)).persistent(false).fetch_all(&mut *tx).await.map_err(err)?;
        tx.commit().await.map_err(err)?;
        let mut out = Vec::with_capacity(registry.len());
        let mut tenants: Vec<(usize, uuid::Uuid, String)> = Vec::new();
        for r in &registry {
            let id: String = r.try_get("id").map_err(err)?;
            let has: bool = r.try_get("has_rollups").map_err(err)?;
            if has && let Ok(u) = uuid::Uuid::parse_str(&id) {
                tenants.push((out.len(), u, r.try_get("schema_name").map_err(err)?));
            }
            out.push(BoardRow {
                key: Key::parse(&id),
                name: text(r, "name").map_err(err)?.unwrap_or_default(),
                status: text(r, "status").map_err(err)?,
                calls_24h: 0,
                failed_24h: 0,
                calls_7d: 0,
                failed_7d: 0,
                open_emergencies: None,
                last_activity: r.try_get("last_activity").map_err(err)?,
            });
        }
        partial(&out);
        for batch in tenants.chunks(dialects::board::RETELL_BATCH) {
            let sql = batch
                .iter()
                .map(|(_, id, schema)| {
                    dialects::board::RETELL_ROLLUP
                        .replace("{schema}", &quote_ident(schema))
                        .replace("{org}", &id.to_string())
                })
                .collect::<Vec<_>>()
                .join(" UNION ALL ");
            let mut tx = self.read().await?;
            let rows = sqlx::query(AssertSqlSafe(sql)).persistent(false).fetch_all(&mut *tx).await.map_err(err)?;
            tx.commit().await.map_err(err)?;
            for r in &rows {
                let id: String = r.try_get("id").map_err(err)?;
                let Some((i, _, _)) = batch.iter().find(|(_, u, _)| u.to_string() == id) else { continue };
                let b = &mut out[*i];
                b.calls_24h = int(r, "calls_24h").map_err(err)?;
                b.failed_24h = int(r, "failed_24h").map_err(err)?;
                b.calls_7d = int(r, "calls_7d").map_err(err)?;
                b.failed_7d = int(r, "failed_7d").map_err(err)?;
            }
            partial(&out);
        }
        Ok(out)
    }

    /// An org's figures over local dates `from..to` (exclusive) in its zone: one statement over the same
    /// call rows the list reads, with calls per day and breakdowns.
    pub async fn overview(
        &self,
        dialect: Dialect,
        org: &Key,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        zone: &OrgZone,
    ) -> Result<Overview> {
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let tenant = self.tenant(&mut tx, dialect, org).await?;
        let c = &Calls::new(&dialects::sql(dialect).calls, &cat, tenant.as_deref())?;
        let select = &c.select;
        let (ok, failed) = (dialects::board::OK_STATUSES, dialects::board::FAILED_STATUSES);
        let sql = format!(
            "WITH c AS ({select} WHERE {org} AND {ts} >= {p2} AND {ts} < {p3}) \
             SELECT count(*)::int8 AS total, count(*) FILTER (WHERE lower(c.status) IN {ok})::int8 AS successful, \
               count(*) FILTER (WHERE lower(c.status) IN {failed})::int8 AS failed, \
               COALESCE(sum(c.duration), 0)::int8 AS total_secs, avg(c.duration)::float8 AS avg_secs, \
               COALESCE(sum(ceil(c.duration / 60.0)), 0)::int8 AS billed, \
               (SELECT jsonb_agg(jsonb_build_array(d, n) ORDER BY d) FROM (SELECT (c.ts AT TIME ZONE $4)::date AS d, count(*) AS n \
                  FROM c WHERE c.ts IS NOT NULL GROUP BY 1) x) AS per_day, \
               (SELECT jsonb_agg(jsonb_build_array(k, n) ORDER BY n DESC, k) FROM (SELECT COALESCE(c.status, '—') AS k, count(*) AS n \
                  FROM c GROUP BY 1) x) AS by_status, \
               (SELECT jsonb_agg(jsonb_build_array(k, n) ORDER BY n DESC, k) FROM (SELECT COALESCE(c.direction, '—') AS k, count(*) AS n \
                  FROM c GROUP BY 1) x) AS by_direction, \
               (SELECT jsonb_agg(jsonb_build_array(k, n) ORDER BY n DESC, k) FROM (SELECT COALESCE(c.assistant, '—') AS k, count(*) AS n \
                  FROM c GROUP BY 1 ORDER BY 2 DESC LIMIT 20) x) AS by_agent \
             FROM c",
            org = c.org,
            ts = c.ts,
            p2 = c.ts_param.replace("$3", "$2"),
            p3 = c.ts_param,
        );
        let row = bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org)
            .bind(calendar::local_midnight_utc(zone, from))
            .bind(calendar::local_midnight_utc(zone, to))
            .bind(zone.tz.name())
            .fetch_one(&mut *tx)
            .await
            .map_err(err)?;
        let rates =
            match (dialect == Dialect::Retell).then(|| Self::render_for(&cat, None, dialects::board::RETELL_RATES)) {
                Some(Ok((sql, _))) => {
                    let r = bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(err)?;
                    match r {
                        Some(r) => match (
                            r.try_get::<Option<f64>, _>("rate").map_err(err)?,
                            r.try_get::<Option<f64>, _>("cost").map_err(err)?,
                        ) {
                            (Some(a), Some(b)) => Some((a, b)),
                            _ => None,
                        },
                        None => None,
                    }
                }
                // Rates the database does not record: the overview shows no money figures.
                _ => None,
            };
        tx.commit().await.map_err(err)?;
        let pairs = |v: Option<serde_json::Value>| -> Vec<(String, i64)> {
            v.and_then(|v| v.as_array().cloned())
                .unwrap_or_default()
                .iter()
                .filter_map(|p| Some((shown(p.get(0)?), p.get(1)?.as_i64()?)))
                .collect()
        };
        let per_day = pairs(row.try_get("per_day").map_err(err)?)
            .into_iter()
            .filter_map(|(d, n)| Some((chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()?, n)))
            .collect();
        Ok(Overview {
            from: Some(from),
            to: Some(to),
            total: row.try_get("total").map_err(err)?,
            successful: row.try_get("successful").map_err(err)?,
            failed: row.try_get("failed").map_err(err)?,
            total_secs: row.try_get("total_secs").map_err(err)?,
            avg_secs: row.try_get("avg_secs").map_err(err)?,
            billed_minutes: row.try_get("billed").map_err(err)?,
            per_day,
            by_status: pairs(row.try_get("by_status").map_err(err)?),
            by_direction: pairs(row.try_get("by_direction").map_err(err)?),
            by_agent: pairs(row.try_get("by_agent").map_err(err)?),
            rates,
        })
    }

    /// The GIN (trigram or full-text) indexes on the calls' transcript, which make word filters fast.
    /// Retell's per-tenant tables are not looked at (None).
    pub async fn transcript_indexes(&self, dialect: Dialect) -> Result<Option<Vec<String>>> {
        let Some(table) = dialects::platform(dialect).calls_table else { return Ok(None) };
        let mut tx = self.read().await?;
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1 \
             AND indexdef ILIKE '%USING gin%' AND indexdef ILIKE '%transcript%' ORDER BY 1",
        )
        .persistent(false)
        .bind(table)
        .fetch_all(&mut *tx)
        .await
        .map_err(err)?;
        tx.commit().await.map_err(err)?;
        Ok(Some(names))
    }

    /// Whether the server itself refuses writes in the console's read transactions.
    pub async fn reads_are_read_only(&self) -> Result<bool> {
        let mut tx = self.read().await?;
        let v: String = sqlx::query_scalar("SHOW transaction_read_only")
            .persistent(false)
            .fetch_one(&mut *tx)
            .await
            .map_err(err)?;
        tx.commit().await.map_err(err)?;
        Ok(v == "on")
    }

    pub async fn close(&self) {
        self.pool.pool().close().await;
        self.reads.pool().close().await;
    }
}

/// Asks the server whether it takes TLS, as a client does before its startup packet (an `SSLRequest`; the
/// answer is one byte, `S` or `N`), then hangs up.
fn offers_tls(host: &str, port: u16, limit: std::time::Duration) -> std::io::Result<bool> {
    use std::io::{Read, Write};
    use std::net::ToSocketAddrs;
    let mut last = std::io::Error::other("no address");
    for addr in (host, port).to_socket_addrs()? {
        match std::net::TcpStream::connect_timeout(&addr, limit) {
            Ok(mut s) => {
                s.set_read_timeout(Some(limit))?;
                s.write_all(&[0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])?;
                let mut b = [0u8];
                s.read_exact(&mut b)?;
                return Ok(b[0] == b'S');
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Runs a future and returns its result with the elapsed milliseconds.
pub async fn timed<T>(f: impl std::future::Future<Output = T>) -> (T, f64) {
    let start = Instant::now();
    let out = f.await;
    (out, start.elapsed().as_secs_f64() * 1000.0)
}
