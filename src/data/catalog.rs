//! What the database holds, as the connected role sees it: read once per connection (one statement), and
//! for a schema-per-tenant platform once per tenant schema when its org is first opened.
//!
//! For every table a platform's SQL names: whether it exists, its columns and their types, whether the
//! role may read the table and each column, and whether row security filters what the role sees. Also the
//! role's own standing (superuser, BYPASSRLS) and which of the platform's own functions it may call.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

/// One column as the catalog describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    /// `format_type` of the column, e.g. `timestamp with time zone`.
    pub ty: String,
    /// Whether the role may read it (table-level or column-level SELECT).
    pub select: bool,
}

/// One table (or view) as the catalog describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub schema: String,
    pub name: String,
    /// Table-level SELECT (a role may still read some columns through column privileges).
    pub select: bool,
    pub rls: bool,
    pub force_rls: bool,
    /// The role owns the table (or has the owner's privileges).
    pub owner: bool,
    pub columns: Vec<Column>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// Whether the role can read anything of it.
    pub fn readable(&self) -> bool {
        self.select || self.columns.iter().any(|c| c.select)
    }

    /// `schema.table`, as a reader would write it (quoted where needed).
    pub fn display(&self) -> String {
        display_name(&self.schema, &self.name)
    }
}

/// `table` for public tables, `schema.table` otherwise; quoted where the name needs it.
pub fn display_name(schema: &str, name: &str) -> String {
    let q = |s: &str| {
        if !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            s.to_string()
        } else {
            super::dialects::quote_ident(s)
        }
    };
    if schema == "public" { q(name) } else { format!("{}.{}", q(schema), q(name)) }
}

/// The connected role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Role {
    pub name: String,
    pub superuser: bool,
    pub bypassrls: bool,
}

/// The tables of one schema-per-tenant org's schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tenant {
    pub schema: String,
    pub tables: BTreeMap<String, Table>,
}

/// What the catalog says, for the tables the platforms name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// By `schema.table`.
    pub tables: BTreeMap<String, Table>,
    pub role: Role,
    /// The platform functions (in `public`) that exist and that the role may execute.
    pub functions: BTreeSet<String>,
}

impl Catalog {
    pub fn table(&self, schema: &str, name: &str) -> Option<&Table> {
        self.tables.get(&format!("{schema}.{name}"))
    }

    /// Whether row security filters the rows this role reads from `t`.
    pub fn row_security_applies(&self, t: &Table) -> bool {
        t.rls && !self.role.superuser && !self.role.bypassrls && (!t.owner || t.force_rls)
    }

    /// The `schema.table` names found, for platform detection.
    pub fn found(&self) -> Vec<String> {
        self.tables.keys().cloned().collect()
    }

    /// The tables, among those given, whose rows row security filters for this role (display names).
    pub fn filtered_by_row_security<'a>(&self, tables: impl IntoIterator<Item = &'a Table>) -> Vec<String> {
        let mut v: Vec<String> =
            tables.into_iter().filter(|t| self.row_security_applies(t)).map(|t| t.display()).collect();
        v.sort();
        v.dedup();
        v
    }
}

/// The `tables` JSON one catalog statement answers: `[{s, t, sel, rls, force, own, cols: [[name, type, sel]]}]`.
#[derive(Deserialize)]
struct RawTable {
    s: String,
    t: String,
    sel: bool,
    rls: bool,
    force: bool,
    own: bool,
    cols: Vec<(String, String, bool)>,
}

/// Parses the `tables` JSON of [`TABLES_JSON`].
pub fn parse_tables(v: serde_json::Value) -> Result<Vec<Table>, String> {
    let raw: Vec<RawTable> = serde_json::from_value(v).map_err(|e| format!("unexpected catalog answer: {e}"))?;
    Ok(raw
        .into_iter()
        .map(|r| Table {
            schema: r.s,
            name: r.t,
            select: r.sel,
            rls: r.rls,
            force_rls: r.force,
            owner: r.own,
            columns: r.cols.into_iter().map(|(name, ty, select)| Column { name, ty, select }).collect(),
        })
        .collect())
}

/// The JSON array of tables matching `{cond}` (a condition on `n.nspname` and `c.relname`), in the shape
/// [`parse_tables`] reads. Only catalog columns, only the console's own text.
pub fn tables_json(cond: &str) -> String {
    format!(
        "COALESCE((SELECT jsonb_agg(jsonb_build_object('s', n.nspname, 't', c.relname, \
           'sel', has_table_privilege(c.oid, 'SELECT'), 'rls', c.relrowsecurity, 'force', c.relforcerowsecurity, \
           'own', pg_has_role(c.relowner, 'USAGE'), \
           'cols', COALESCE((SELECT jsonb_agg(jsonb_build_array(a.attname, format_type(a.atttypid, a.atttypmod), \
              has_column_privilege(c.oid, a.attnum, 'SELECT')) ORDER BY a.attnum) \
              FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]'::jsonb))) \
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {cond}), '[]'::jsonb)"
    )
}

/// The one statement read at connection: server facts, the role, the tables named by any platform (`$1`,
/// `schema.table` names) and the platform functions among `$2` that the role may execute.
pub fn connect_statement() -> String {
    format!(
        "SELECT current_setting('server_version') AS v, \
         COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS tls, \
         current_setting('default_transaction_read_only') AS session_read_only, \
         current_user::text AS role, \
         COALESCE((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false) AS superuser, \
         COALESCE((SELECT r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false) AS bypassrls, \
         {} AS tables, \
         COALESCE((SELECT jsonb_agg(DISTINCT p.proname) FROM pg_catalog.pg_proc p \
           JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace \
           WHERE n.nspname = 'public' AND p.proname = ANY($2) AND has_function_privilege(p.oid, 'EXECUTE')), '[]'::jsonb) AS functions",
        tables_json("n.nspname || '.' || c.relname = ANY($1)")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rls: bool, force: bool, owner: bool) -> Table {
        Table {
            schema: "public".into(),
            name: "calls".into(),
            select: true,
            rls,
            force_rls: force,
            owner,
            columns: vec![],
        }
    }

    #[test]
    fn row_security_applies_unless_the_role_bypasses_it() {
        let mut c = Catalog::default();
        assert!(!c.row_security_applies(&table(false, false, false)));
        assert!(c.row_security_applies(&table(true, false, false)));
        assert!(!c.row_security_applies(&table(true, false, true)), "owners bypass");
        assert!(c.row_security_applies(&table(true, true, true)), "unless forced");
        c.role.bypassrls = true;
        assert!(!c.row_security_applies(&table(true, true, false)));
    }

    #[test]
    fn names_are_shown_as_written() {
        assert_eq!(display_name("public", "call_logs"), "call_logs");
        assert_eq!(display_name("public", "CallLog"), "\"CallLog\"");
        assert_eq!(display_name("system", "organizations"), "system.organizations");
    }
}
