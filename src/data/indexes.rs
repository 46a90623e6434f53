//! The indexes the console's queries rely on (each platform lists its own, `Platform::indexes`), and a
//! read-only check of which are missing.
//!
//! Switchboard never creates an index: `switchboard check` reports what is missing, what that costs
//! (measured by `switchboard bench`, see BENCHMARKS.md) and the exact `CREATE INDEX CONCURRENTLY` statement
//! an admin can run. An existing index "serves" a wanted one when, after the wanted equality columns (in
//! any order and direction), it has the wanted ordering columns in order, all in the wanted direction or
//! all reversed (a backward scan). It "partly serves" it when it has the equality columns and the first
//! ordering column: PostgreSQL then sorts only the rows that share a time (an incremental sort on `id`).

use sqlx::Row;
use sqlx::postgres::PgPool;

use crate::core::model::Dialect;
use crate::data::dialects::{self, quote_ident};
use crate::data::pool::{DbOptions, describe_error, lazy_pool};
use crate::data::tx::Tx;

/// One key column of an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    /// The column as the catalog spells it (`pg_attribute.attname`).
    pub name: &'static str,
    pub desc: bool,
}

pub(crate) const fn asc(name: &'static str) -> Col {
    Col { name, desc: false }
}
pub(crate) const fn desc(name: &'static str) -> Col {
    Col { name, desc: true }
}

/// An index the console's queries want.
#[derive(Debug, Clone, Copy)]
pub struct WantedIndex {
    /// The name `CREATE INDEX` gives it.
    pub name: &'static str,
    /// The table: `schema.table` as SQL (quoted where needed); for a schema-per-tenant dialect the table
    /// name only, found in every tenant schema.
    pub table: &'static str,
    /// Leading equality columns (the tenant column), then the ordering columns.
    pub eq: &'static [Col],
    pub order: &'static [Col],
    /// In every tenant schema (retell) rather than once.
    pub per_tenant: bool,
    /// A partial index (`WHERE col IS NOT NULL`) serves too: the query's condition implies its predicate.
    pub partial_ok: bool,
    /// Which screen's query uses it.
    pub serves: &'static str,
    /// What its absence costs, as measured by `switchboard bench` (BENCHMARKS.md).
    pub cost: &'static str,
}

impl WantedIndex {
    fn column_list(&self) -> String {
        self.eq
            .iter()
            .chain(self.order)
            .map(|c| format!("{}{}", quote_ident(c.name), if c.desc { " DESC" } else { "" }))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The statement an admin runs (outside a transaction: CONCURRENTLY does not block writes).
    /// `schema` is the tenant schema for per-tenant indexes.
    pub fn create_statement(&self, schema: Option<&str>) -> String {
        let table = match schema {
            Some(s) => format!("{}.{}", quote_ident(s), self.table),
            None => self.table.to_string(),
        };
        format!("CREATE INDEX CONCURRENTLY IF NOT EXISTS {} ON {table} ({});", self.name, self.column_list())
    }

    /// For per-tenant indexes: a psql query that prints (and with `\gexec` runs) the statement for every
    /// tenant schema lacking it.
    pub fn gexec_query(&self) -> Option<String> {
        if !self.per_tenant {
            return None;
        }
        Some(format!(
            "SELECT format('CREATE INDEX CONCURRENTLY IF NOT EXISTS {} ON %I.{} ({})', o.schema_name) \
             FROM system.organizations o WHERE to_regclass(format('%I.{}', o.schema_name)) IS NOT NULL \\gexec",
            self.name,
            self.table,
            self.column_list().replace('\'', "''"),
            self.table
        ))
    }
}

/// What a missing phone index costs the caller history.
const CALLER_COST: &str = "without it a caller lookup reads the org's rows of this table (each list is bounded \
    to 200 rows and by the statement timeout); fine for small orgs, slow for big ones";

/// A phone column's index for the caller history; a partial one serves too.
pub(crate) const fn phone(
    name: &'static str,
    table: &'static str,
    col: &'static [Col],
    serves: &'static str,
) -> WantedIndex {
    WantedIndex { name, table, eq: &[], order: col, per_tenant: false, partial_ok: true, serves, cost: CALLER_COST }
}

/// The indexes the console's queries rely on for a dialect (declared in its module).
pub fn wanted(dialect: Dialect) -> &'static [WantedIndex] {
    dialects::platform(dialect).indexes
}

/// An index as found in the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundIndex {
    pub name: String,
    pub cols: Vec<Col2>,
}

/// A key column of a found index (owned; empty name for an expression).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Col2 {
    pub name: String,
    pub desc: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    None,
    /// Equality columns and the first ordering column: ties are sorted per query.
    Partly,
    Fully,
}

/// How well one existing index serves a wanted one.
pub fn fit(w: &WantedIndex, found: &FoundIndex) -> Fit {
    let n = w.eq.len();
    if found.cols.len() < n + 1 {
        return Fit::None;
    }
    let mut eq_found: Vec<&str> = found.cols[..n].iter().map(|c| c.name.as_str()).collect();
    let mut eq_want: Vec<&str> = w.eq.iter().map(|c| c.name).collect();
    eq_found.sort_unstable();
    eq_want.sort_unstable();
    if eq_found != eq_want {
        return Fit::None;
    }
    let rest = &found.cols[n..];
    let Some(first) = w.order.first() else { return Fit::Fully };
    if rest[0].name != first.name {
        return Fit::None;
    }
    let flipped = rest[0].desc != first.desc;
    let full = w.order.len() <= rest.len()
        && w.order.iter().zip(rest).all(|(want, got)| want.name == got.name && (want.desc != got.desc) == flipped);
    if full { Fit::Fully } else { Fit::Partly }
}

/// The result of checking one wanted index over the tables it belongs on.
#[derive(Debug, Clone)]
pub struct IndexCheck {
    pub index: WantedIndex,
    /// Tables that exist and were checked.
    pub tables: usize,
    /// (table, index) where an existing index fully serves.
    pub served: Vec<(String, String)>,
    /// (table, index) where an existing index partly serves (ties sorted per query).
    pub partly: Vec<(String, String)>,
    /// (table, tenant schema for per-tenant indexes) lacking any serving index.
    pub missing: Vec<(String, Option<String>)>,
}

impl IndexCheck {
    /// The statements an admin can run for the tables lacking the index (partly served ones included
    /// when `with_partly`).
    pub fn statements(&self, with_partly: bool) -> Vec<String> {
        let mut out: Vec<String> =
            self.missing.iter().map(|(_, schema)| self.index.create_statement(schema.as_deref())).collect();
        if with_partly {
            for (table, _) in &self.partly {
                let schema = if self.index.per_tenant { table.rsplit_once('.').map(|(s, _)| s) } else { None };
                // `table` is a regclass text: the schema part is already quoted where needed.
                out.push(match schema {
                    Some(s) => format!(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS {} ON {s}.{} ({});",
                        self.index.name,
                        self.index.table,
                        self.index.column_list()
                    ),
                    None => self.index.create_statement(None),
                });
            }
        }
        out
    }

    /// Lines for `switchboard check`: one status line, then what to run (at most `max_statements`
    /// statements; for per-tenant indexes a `\gexec` query covers every tenant).
    pub fn report_lines(&self, max_statements: usize) -> Vec<String> {
        let w = &self.index;
        let mut out = Vec::new();
        let what = format!("{} ({})", w.name, w.serves);
        if self.tables == 0 {
            out.push(format!("  – {what}: no table to check"));
            return out;
        }
        if self.missing.is_empty() && self.partly.is_empty() {
            let by = self.served.first().map(|(_, i)| i.as_str()).unwrap_or("");
            if w.per_tenant {
                out.push(format!("  ✓ {what}: present in all {} tenant schemas", self.tables));
            } else {
                out.push(format!("  ✓ {what}: served by {by}"));
            }
            return out;
        }
        if self.missing.is_empty() {
            let (_, by) = &self.partly[0];
            if w.per_tenant {
                out.push(format!(
                    "  ~ {what}: partly served in {} of {} tenant schemas (e.g. by {by}; ties sorted per page)",
                    self.partly.len(),
                    self.tables
                ));
            } else {
                out.push(format!("  ~ {what}: partly served by {by} (calls sharing a time are sorted per page)"));
            }
        } else if w.per_tenant {
            out.push(format!("  ✗ {what}: missing in {} of {} tenant schemas", self.missing.len(), self.tables));
        } else {
            out.push(format!("  ✗ {what}: missing"));
        }
        out.push(format!("      cost: {}", w.cost));
        let statements = self.statements(true);
        if w.per_tenant && statements.len() > max_statements {
            out.push("      run, in psql, for every tenant schema:".to_string());
            out.push(format!("      {}", w.gexec_query().unwrap_or_default()));
        } else {
            out.push("      run:".to_string());
            for s in statements.iter().take(max_statements.max(1)) {
                out.push(format!("      {s}"));
            }
        }
        out
    }
}

const INDEXES_SQL: &str = "\
SELECT i.indrelid::oid AS rel, i.indexrelid::regclass::text AS name, \
       array(SELECT COALESCE(a.attname::text, '') FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord) \
             LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum \
             WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS cols, \
       array(SELECT (o.opt & 1) = 1 FROM unnest(i.indoption::int2[]) WITH ORDINALITY o(opt, ord) \
             WHERE o.ord <= i.indnkeyatts ORDER BY o.ord) AS descs \
FROM pg_catalog.pg_index i \
JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid \
JOIN pg_catalog.pg_am am ON am.oid = c.relam \
WHERE i.indrelid = ANY($1::oid[]) AND i.indisvalid AND am.amname = 'btree' \
  AND (i.indpred IS NULL OR $2)";

/// Checks which of the dialect's wanted indexes are missing, in a read-only transaction.
pub async fn check(pool: &PgPool, dialect: Dialect) -> Result<Vec<IndexCheck>, String> {
    let err = |e: sqlx::Error| describe_error(&e);
    let mut tx = Tx::begin(pool, "BEGIN READ ONLY; SET LOCAL statement_timeout = 30000".into()).await.map_err(err)?;
    let mut out = Vec::new();
    for w in wanted(dialect) {
        // (regclass text, oid, tenant schema)
        let tables: Vec<(String, u32, Option<String>)> = if w.per_tenant {
            let rows = sqlx::query(
                "SELECT o.schema_name, r::oid AS rel, r::text AS tab FROM system.organizations o, \
                 LATERAL (SELECT to_regclass(format('%I.%I', o.schema_name, $1::text)) AS r) x \
                 WHERE r IS NOT NULL ORDER BY o.schema_name",
            )
            .persistent(false)
            .bind(w.table)
            .fetch_all(&mut *tx)
            .await
            .map_err(err)?;
            rows.iter()
                .map(|r| {
                    Ok((
                        r.try_get("tab")?,
                        r.try_get::<sqlx::postgres::types::Oid, _>("rel")?.0,
                        r.try_get("schema_name")?,
                    ))
                })
                .collect::<Result<_, sqlx::Error>>()
                .map_err(err)?
        } else {
            let row = sqlx::query("SELECT to_regclass($1)::oid AS rel, to_regclass($1)::text AS tab")
                .persistent(false)
                .bind(w.table)
                .fetch_one(&mut *tx)
                .await
                .map_err(err)?;
            match row.try_get::<Option<sqlx::postgres::types::Oid>, _>("rel").map_err(err)? {
                Some(oid) => vec![(row.try_get("tab").map_err(err)?, oid.0, None)],
                None => Vec::new(),
            }
        };
        let oids: Vec<sqlx::postgres::types::Oid> = tables.iter().map(|t| sqlx::postgres::types::Oid(t.1)).collect();
        let rows = sqlx::query(INDEXES_SQL)
            .persistent(false)
            .bind(&oids)
            .bind(w.partial_ok)
            .fetch_all(&mut *tx)
            .await
            .map_err(err)?;
        let mut by_rel: std::collections::HashMap<u32, Vec<FoundIndex>> = std::collections::HashMap::new();
        for r in &rows {
            let rel: sqlx::postgres::types::Oid = r.try_get("rel").map_err(err)?;
            let names: Vec<String> = r.try_get("cols").map_err(err)?;
            let descs: Vec<bool> = r.try_get("descs").map_err(err)?;
            let cols = names.into_iter().zip(descs).map(|(name, desc)| Col2 { name, desc }).collect();
            by_rel.entry(rel.0).or_default().push(FoundIndex { name: r.try_get("name").map_err(err)?, cols });
        }
        let mut check = IndexCheck { index: *w, tables: tables.len(), served: vec![], partly: vec![], missing: vec![] };
        for (tab, oid, schema) in tables {
            let best = by_rel
                .get(&oid)
                .into_iter()
                .flatten()
                .map(|f| (fit(w, f), f.name.clone()))
                .max_by(|a, b| a.0.cmp(&b.0));
            match best {
                Some((Fit::Fully, name)) => check.served.push((tab, name)),
                Some((Fit::Partly, name)) => check.partly.push((tab, name)),
                _ => check.missing.push((tab, schema)),
            }
        }
        out.push(check);
    }
    tx.commit().await.map_err(err)?;
    Ok(out)
}

/// [`check`] on a URL, with a one-connection pool closed afterwards.
pub async fn check_url(url: &str, dialect: Dialect) -> Result<Vec<IndexCheck>, String> {
    let mut opts = DbOptions::new(url);
    opts.max_connections = 1;
    let pool = lazy_pool(&opts)?;
    let out = check(&pool, dialect).await;
    pool.close().await;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(cols: &[(&str, bool)]) -> FoundIndex {
        FoundIndex {
            name: "x".into(),
            cols: cols.iter().map(|(n, d)| Col2 { name: n.to_string(), desc: *d }).collect(),
        }
    }

    #[test]
    fn fit_follows_columns_and_directions() {
        let w = &wanted(Dialect::ServiceAi)[0];
        assert_eq!(fit(w, &found(&[("organization_id", false)])), Fit::None);
        assert_eq!(fit(w, &found(&[("created_at", false)])), Fit::None);
        assert_eq!(fit(w, &found(&[("organization_id", false), ("created_at", true)])), Fit::Partly);
        assert_eq!(
            fit(w, &found(&[("organization_id", false), ("created_at", false), ("id", false)])),
            Fit::Fully,
            "a backward scan serves"
        );
        assert_eq!(
            fit(w, &found(&[("organization_id", false), ("created_at", true), ("id", false)])),
            Fit::Partly,
            "mixed directions"
        );
        let r = &wanted(Dialect::Retell)[0];
        assert_eq!(fit(r, &found(&[("created_at", true)])), Fit::Partly);
        assert_eq!(fit(r, &found(&[("created_at", true), ("status", false)])), Fit::Partly);
        assert_eq!(fit(r, &found(&[("created_at", true), ("id", true)])), Fit::Fully);
    }

    #[test]
    fn statements_are_concurrent_and_quoted() {
        assert_eq!(
            wanted(Dialect::ServiceAi)[0].create_statement(None),
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS sb_call_logs_org_created_id ON public.call_logs \
             (\"organization_id\", \"created_at\" DESC, \"id\" DESC);"
        );
        assert_eq!(
            wanted(Dialect::Retell)[0].create_statement(Some("org_a\"b")),
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS sb_calls_created_id ON \"org_a\"\"b\".calls \
             (\"created_at\" DESC, \"id\" DESC);"
        );
        assert!(wanted(Dialect::Retell)[0].gexec_query().unwrap().ends_with("\\gexec"));
        for d in Dialect::ALL {
            assert!(!wanted(*d).is_empty());
        }
    }
}
