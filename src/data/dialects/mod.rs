//! Each platform's SQL, as data: the same questions, the same column names in the answers.
//!
//! Every query returns the console's standard columns, so one row mapping serves all dialects:
//! - orgs: `id` (text), `name`, `industry`, `timezone`, `status`, `slug`;
//! - calls: `id` (text), `ts` (timestamptz), `direction`, `phone`, `status`, `duration` (int4),
//!   `emergency` (bool), `urgency` (float8), `urgency_label`, `assistant`, `caller`, `language`;
//! - one call: the call columns plus `external_id`, `updated_at`, `summary`, `transcript` and `facts`, a
//!   JSON array of `[label, value]` pairs shown in the call's details.
//!
//! These strings are the console's own constants. The only part ever filled in at run time is the
//! `{schema}` of a schema-per-tenant dialect, with a quoted identifier (see `quote_ident`).

/// A name column folded for matching: accented Latin letters as their plain letters, then lower case, so
/// that "garcia" finds "García" without the `unaccent` extension. `core::caller::fold_name` folds the
/// typed pattern the same way (the same two strings, `crate::fold_from!` and `crate::fold_to!`).
macro_rules! folded {
    ($col:literal) => {
        concat!("lower(translate(", $col, ", '", crate::fold_from!(), "', '", crate::fold_to!(), "'))")
    };
}

pub mod board;
pub mod caller;
pub mod prisma;
pub mod profile;
pub mod quinite;
pub mod retell;
pub mod serviceai;
pub mod voxanne;

use crate::core::model::{CallCols, Caps, Dialect};
use crate::data::indexes::WantedIndex;

/// How a dialect's call list is read. The paging statements are built from these parts only.
#[derive(Debug, Clone, Copy)]
pub struct CallsSql {
    /// `SELECT <standard columns> FROM ... c [JOIN ...]`, may hold `{schema}`.
    pub select: &'static str,
    /// The tenant condition on `$1` (e.g. `c.organization_id = $1::uuid`).
    pub org: &'static str,
    /// The time column as stored (used in WHERE and ORDER BY, so that its index serves).
    pub ts: &'static str,
    /// `$3` turned into the time column's type (e.g. `($3 AT TIME ZONE 'UTC')` for timestamp without zone).
    pub ts_param: &'static str,
    /// The id column.
    pub id: &'static str,
    /// The SQL type of ids, for binding keys.
    pub key_cast: &'static str,
    /// Whether the time column may be NULL (then NULL-time rows are paged after the others).
    pub ts_nullable: bool,
    /// What the call-list filters compare.
    pub filter: FilterSql,
}

/// Whether `select` gives the standard column `column` a value from the database: not `NULL::type AS
/// column`. A column it does not name at all is not selected either.
pub fn selects(select: &str, column: &str) -> bool {
    let needle = format!(" AS {column}");
    let mut from = 0;
    while let Some(at) = select[from..].find(&needle).map(|i| i + from) {
        let end = at + needle.len();
        from = end;
        // " AS urgency" is not " AS urgency_label".
        if select[end..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let before = select[..at].trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
        return !before.ends_with("NULL::");
    }
    false
}

/// The expressions the call-list filters compare; None where the platform does not record it.
#[derive(Debug, Clone, Copy)]
pub struct FilterSql {
    pub status: &'static str,
    pub direction: Option<&'static str>,
    pub agent: Option<&'static str>,
    pub phone: &'static str,
    /// The platform's own "urgent or emergency" condition.
    pub urgent: Option<&'static str>,
    /// Transcript and summary.
    pub text: [&'static str; 2],
}

pub struct DialectSql {
    pub orgs: &'static str,
    pub calls: CallsSql,
    /// One call of one org: `$1` the org, `$2` the call. May hold `{schema}`.
    pub call: &'static str,
    /// For schema-per-tenant dialects: `$1` the org → `schema_name`, `calls_table_exists`.
    pub tenant_schema: Option<&'static str>,
    /// Appointments, where the platform stores them.
    pub appointments: Option<AppointmentsSql>,
    /// On-call data, where the platform has any.
    pub oncall: OnCallSql,
}

/// On-call queries, each `$1` the org, each optional. Standard columns:
/// - contacts: `id`, `name`, `phone`, `email`, `role`, `is_primary`, `is_active`, `days` (text[]),
///   `hours_start`, `hours_end` (time), `priority`, `timeout` (int4), `call`, `sms`, `email_enabled` (bool);
/// - notifications: `id`, `created_at`, `contact`, `kind`, `urgency`, `message`, `status`, `sent_at`,
///   `delivered_at`, `acknowledged_at`, `call_id`;
/// - transfers: `id`, `created_at`, `customer`, `reason`, `urgency`, `to`, `status`, `connected_at`,
///   `completed_at`, `summary`, `call_id`;
/// - urgent calls: the call-list columns; org: `fallback_phone`, `transfer_to`.
#[derive(Debug, Clone, Copy, Default)]
pub struct OnCallSql {
    pub contacts: Option<&'static str>,
    pub notifications: Option<&'static str>,
    pub transfers: Option<&'static str>,
    pub urgent_calls: Option<&'static str>,
    pub org: Option<&'static str>,
    /// Acknowledges one notification (`$1` org, `$2` notification) in a write transaction; returns its id.
    pub acknowledge: Option<&'static str>,
    /// Records the acknowledgement in the platform's audit table (`$1` org, `$2` notification).
    pub audit_acknowledge: Option<&'static str>,
    /// The platform's own "who is on call" function, read beside the console's pick.
    pub function: Option<OnCallFunctionSql>,
}

/// A platform function that names the contact on call now, called in the on-call read (read-only, as the
/// last statement of its message, so that its failure is only its own line). Answers `at` (timestamptz,
/// the server's `now()`), `id`, `name`, `phone` (text; `id` NULL: nobody).
#[derive(Debug, Clone, Copy)]
pub struct OnCallFunctionSql {
    /// Its name in `public`, one of the platform's `functions`: called only where the catalog says the
    /// role may execute it.
    pub name: &'static str,
    /// The call as the view names it: `get_on_call_contact(org, 'high')`.
    pub shown: &'static str,
    /// `$1` the org.
    pub sql: &'static str,
}

/// How appointments are kept: as a local date and time in the org's zone, or as an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApptRange {
    /// `$2`/`$3` are local dates (`date`), end exclusive.
    LocalDate,
    /// `$2`/`$3` are instants (`timestamptz`), end exclusive.
    Instant,
}

/// Appointment queries. Standard columns: `id` (text), `at` (timestamptz), `local` (timestamp),
/// `duration` (int4), `customer`, `phone`, `title`, `status`, `urgency` (float8), `urgency_label`,
/// `emergency` (bool); the single-appointment query adds `facts` (JSON `[label, value]` pairs) and
/// `call_id` (text, the call that booked it). The counts query answers `day` (int4, days from the range's
/// first local day), `status` (as stored), `n` and `emergency` (int8), one row per day and status.
#[derive(Debug, Clone, Copy)]
pub struct AppointmentsSql {
    /// `$1` the org, `$2`..`$3` the range; ordered by start. The grid's selected day (a one-day range) and
    /// `export appointments` read rows through it.
    pub range: &'static str,
    pub range_kind: ApptRange,
    /// Counts per local day and status of the same range, on the same index: `$1`..`$3` as for `range`;
    /// for `ApptRange::Instant` also `$4`, the local midnights of every day of the range and of the day
    /// after it (`timestamptz[]`, computed in Rust as the range's bounds are), which `width_bucket` turns
    /// into the day. Counts only the appointments the agenda can place (a start on a local day).
    pub counts: &'static str,
    /// `$1` the org, `$2` the appointment.
    pub one: &'static str,
}

/// Everything the console knows about one platform, in that platform's module.
pub struct Platform {
    pub dialect: Dialect,
    /// The tables ("schema.table") whose presence identifies the platform.
    pub signature: &'static [&'static str],
    pub sql: DialectSql,
    /// The attention board (Retell's is built from its registry and per-tenant rollups instead).
    pub board: Option<&'static str>,
    /// The org profile, one JSON document of sections.
    pub profile: &'static str,
    /// Suspend / reactivate, where organizations have a status.
    pub status: Option<profile::OrgStatusSql>,
    pub caller: caller::CallerSql,
    /// The platform's own functions (in `public`) worth knowing about.
    pub functions: &'static [&'static str],
    /// The org's per-minute billing rate and cost (`$1` the org: `rate`, `cost`), where the platform keeps
    /// them: the overview's margin.
    pub rates: Option<&'static str>,
    /// The indexes its queries rely on, which `check` looks for.
    pub indexes: &'static [WantedIndex],
    /// Its DDL (`assets/schemas/<name>.sql`), faithful to its seed document.
    pub schema_ddl: &'static str,
    /// Its demo data generator (`assets/demo/<name>.sql`): set-based SQL, run once after the schema.
    pub demo_data: &'static str,
    /// The calls table in `public` (as the catalog spells it), whose transcript indexes `check` looks for;
    /// None where each tenant schema has its own.
    pub calls_table: Option<&'static str>,
}

/// The platforms, in the order detection prefers them ([`Dialect::ALL`]). A new platform is one module
/// here (with its assets), one line in this list and its [`Dialect`] variant.
pub const ALL: [&Platform; 5] =
    [&retell::PLATFORM, &serviceai::PLATFORM, &voxanne::PLATFORM, &prisma::PLATFORM, &quinite::PLATFORM];

pub fn platform(d: Dialect) -> &'static Platform {
    ALL.iter().copied().find(|p| p.dialect == d).unwrap_or(ALL[0])
}

pub fn sql(d: Dialect) -> &'static DialectSql {
    &platform(d).sql
}

/// Every table (`schema.table`, not the per-tenant ones) and function any platform names: what the
/// connection statement reads from the catalog.
pub fn catalog_names() -> (Vec<String>, Vec<String>) {
    let mut tables: Vec<String> = Vec::new();
    let mut functions: Vec<String> = Vec::new();
    for p in ALL {
        tables.extend(p.signature.iter().map(|s| s.to_string()));
        for t in p.templates() {
            for (schema, name) in crate::data::sqlt::tables_named(t).unwrap_or_default() {
                if schema != "~" {
                    tables.push(format!("{schema}.{name}"));
                }
            }
        }
        functions.extend(p.functions.iter().map(|s| s.to_string()));
    }
    tables.sort();
    tables.dedup();
    functions.sort();
    functions.dedup();
    (tables, functions)
}

/// The per-tenant tables (`{@~.table ...}`) a platform's statements name.
pub fn tenant_tables(p: &Platform) -> Vec<String> {
    let mut v: Vec<String> = p
        .templates()
        .into_iter()
        .flat_map(|t| crate::data::sqlt::tables_named(t).unwrap_or_default())
        .filter(|(s, _)| s == "~")
        .map(|(_, n)| n)
        .collect();
    v.push("calls".to_string());
    v.push("call_rollups".to_string());
    v.sort();
    v.dedup();
    v
}

/// A catalog in which every table and column the platform's statements name exists and is readable (the
/// console's own generated databases: the bench, the tests), with `tenant` as the tenant schema's name.
pub fn full_catalog(p: &Platform, tenant: &str) -> (crate::data::catalog::Catalog, crate::data::catalog::Tenant) {
    use crate::data::catalog::{Catalog, Column, Table, Tenant};
    let mut cat = Catalog::default();
    let mut ten = Tenant { schema: tenant.to_string(), ..Tenant::default() };
    fn entry<'a>(cat: &'a mut Catalog, ten: &'a mut Tenant, schema: &str, table: &str) -> &'a mut Table {
        let (map, s, key) = if schema == "~" {
            (&mut ten.tables, ten.schema.clone(), table.to_string())
        } else {
            (&mut cat.tables, schema.to_string(), format!("{schema}.{table}"))
        };
        map.entry(key).or_insert_with(|| Table {
            schema: s,
            name: table.to_string(),
            select: true,
            rls: false,
            force_rls: false,
            owner: true,
            columns: vec![],
        })
    }
    for t in p.templates() {
        for (schema, table) in crate::data::sqlt::tables_named(t).unwrap_or_default() {
            entry(&mut cat, &mut ten, &schema, &table);
        }
    }
    for (schema, table, col, _) in crate::data::sqlt::columns_named(&p.templates()).unwrap_or_default() {
        let t = entry(&mut cat, &mut ten, &schema, &table);
        if t.column(&col).is_none() {
            t.columns.push(Column { name: col, ty: "text".into(), select: true });
        }
    }
    (cat, ten)
}

/// One statement rendered against [`full_catalog`] (for the bench and the tests' EXPLAINs).
pub fn full_render(d: Dialect, template: &str) -> String {
    let p = platform(d);
    let (cat, ten) = full_catalog(p, "");
    crate::data::sqlt::Env::new(&cat, Some(&ten)).render(template).unwrap_or_else(|e| e.to_string())
}

/// The call list's parts rendered against [`full_catalog`]: select, org condition, time, id.
pub fn full_calls_parts(d: Dialect, tenant: Option<&str>) -> Result<[String; 4], String> {
    let p = platform(d);
    let (cat, ten) = full_catalog(p, tenant.unwrap_or(""));
    let mut env = crate::data::sqlt::Env::new(&cat, tenant.map(|_| &ten));
    let c = &p.sql.calls;
    let mut part = |t: &str| env.render(t).map_err(|e| e.to_string());
    Ok([part(c.select)?, part(c.org)?, part(c.ts)?, part(c.id)?])
}

impl Platform {
    /// A key of the platform's id type that no row has (the nil uuid, or the empty text id).
    pub fn no_key(&self) -> crate::core::model::Key {
        match self.sql.calls.key_cast {
            "uuid" => crate::core::model::Key::Uuid(uuid::Uuid::nil()),
            _ => crate::core::model::Key::Text(String::new()),
        }
    }

    /// What the platform gives beyond orgs and calls, as its declarations say: a status statement, any
    /// on-call list, appointments.
    pub fn caps(&self) -> Caps {
        let o = &self.sql.oncall;
        Caps {
            org_status: self.status.is_some(),
            oncall: o.contacts.is_some() || o.notifications.is_some() || o.transfers.is_some(),
            appointments: self.sql.appointments.is_some(),
            calls: {
                let selects = |column| selects(self.sql.calls.select, column);
                CallCols {
                    direction: selects("direction"),
                    flag: selects("emergency") || selects("urgency") || selects("urgency_label"),
                    caller: selects("caller"),
                    language: selects("language"),
                    agent: selects("assistant"),
                }
            },
        }
    }

    /// Every statement and fragment the platform's SQL holds, for the catalog to cover and the tests to
    /// check. Fragments come after the statement whose aliases they use.
    pub fn templates(&self) -> Vec<&'static str> {
        let s = &self.sql;
        let f = &s.calls.filter;
        let mut v =
            vec![s.orgs, s.calls.select, s.calls.org, s.calls.ts, s.calls.id, f.status, f.phone, f.text[0], f.text[1]];
        v.extend([f.direction, f.agent, f.urgent].into_iter().flatten());
        v.push(s.call);
        v.extend(s.tenant_schema);
        if let Some(a) = &s.appointments {
            v.extend([a.range, a.counts, a.one]);
        }
        let o = &s.oncall;
        v.extend(
            [o.contacts, o.notifications, o.transfers, o.urgent_calls, o.org, o.acknowledge, o.audit_acknowledge]
                .into_iter()
                .flatten(),
        );
        v.extend(o.function.map(|f| f.sql));
        v.extend(self.board);
        v.push(self.profile);
        if let Some(st) = &self.status {
            v.push(st.update);
            v.extend(st.audit);
        }
        let c = &self.caller;
        v.extend(c.country);
        v.extend(c.records.iter().copied());
        v.extend(c.events.iter().copied());
        v.extend(c.other_orgs);
        v.extend(c.names);
        v.extend(self.rates);
        v
    }
}

/// A PostgreSQL identifier, quoted: `a"b` becomes `"a""b"`.
pub fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_capabilities_follow_the_declarations() {
        let having = |has: fn(Caps) -> bool| -> Vec<Dialect> {
            Dialect::ALL.iter().copied().filter(|d| has(platform(*d).caps())).collect()
        };
        assert_eq!(having(|c| c.org_status), [Dialect::Retell, Dialect::Quinite]);
        assert_eq!(having(|c| c.oncall), [Dialect::ServiceAi, Dialect::Voxanne, Dialect::Quinite]);
        assert_eq!(having(|c| c.appointments), [Dialect::ServiceAi, Dialect::Voxanne]);
    }

    #[test]
    fn every_template_parses_and_names_its_aliases() {
        for p in ALL {
            for t in p.templates() {
                crate::data::sqlt::tables_named(t).unwrap_or_else(|e| panic!("{}: {e}\n{t}", p.dialect));
            }
            crate::data::sqlt::columns_named(&p.templates()).unwrap_or_else(|e| panic!("{}: {e}", p.dialect));
        }
    }

    #[test]
    fn a_catalog_with_every_named_column_renders_every_template_whole() {
        for p in ALL {
            let (cat, tenant) = full_catalog(p, "org_x");
            // A statement starts afresh; a fragment (no table of its own) uses the statement before it.
            let mut env = crate::data::sqlt::Env::new(&cat, Some(&tenant));
            for t in p.templates() {
                if t.contains("{@") {
                    assert!(env.lost().is_empty(), "{}: {:?}", p.dialect, env.lost());
                    env = crate::data::sqlt::Env::new(&cat, Some(&tenant));
                }
                env.render(t).unwrap_or_else(|e| panic!("{}: {e}\n{t}", p.dialect));
            }
            assert!(env.lost().is_empty(), "{}: {:?}", p.dialect, env.lost());
        }
    }

    #[test]
    fn the_calls_table_is_the_one_the_call_list_reads() {
        for p in ALL {
            let first = crate::data::sqlt::tables_named(p.sql.calls.select).unwrap().into_iter().next();
            let public = first.filter(|(schema, _)| schema == "public").map(|(_, table)| table);
            assert_eq!(public.as_deref(), p.calls_table, "{}", p.dialect);
        }
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quote_ident("org_a"), "\"org_a\"");
        assert_eq!(quote_ident("org_Tōkyō\"Dental"), "\"org_Tōkyō\"\"Dental\"");
        assert_eq!(quote_ident("x\"; DROP TABLE y; --"), "\"x\"\"; DROP TABLE y; --\"");
    }
}
