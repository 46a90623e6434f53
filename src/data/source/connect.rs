//! What a connection learns before it reads: the catalog (one statement), the platform, each Retell
//! tenant's schema, and the rendering of statements against them.

use super::*;

/// The connection statement ([`catalog::connect_statement`]) with its parameters: every table and function
/// any platform names.
/// The connection statement (server facts, the role, the catalog of every table and function any platform
/// names), its names inlined: the same text every time, built once.
pub(super) fn connect_statement() -> String {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        let (tables, functions) = dialects::catalog_names();
        inline(&catalog::connect_statement(), &[Lit::Texts(&tables), Lit::Texts(&functions)])
    })
    .clone()
}

pub(super) fn catalog_of(row: &PgRow) -> Result<Catalog> {
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
pub(super) fn tenant_refusal(tenant: Option<&Tenant>, u: Unmet) -> DataError {
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

impl Source {
    /// Connects and reads, in one statement, the server version and TLS state and the catalog of every
    /// table any platform names; detects the dialect from it (or takes the forced one).
    pub async fn detect(&self, forced: Option<Dialect>) -> Result<DbInfo> {
        let mut answers = self.read_once(&[connect_statement()]).await?;
        let Some(row) = answers.pop().and_then(|mut rows| rows.pop()) else {
            return Err(DataError::from("the server answered the connection statement with no row"));
        };
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

    pub(super) fn set_catalog(&self, cat: std::sync::Arc<Catalog>) {
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

    pub(super) fn hiding(&self, cat: std::sync::Arc<Catalog>) -> std::sync::Arc<Catalog> {
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
        let row = sqlx::raw_sql(AssertSqlSafe(connect_statement())).fetch_one(&mut **tx).await.map_err(err)?;
        let cat = std::sync::Arc::new(catalog_of(&row)?);
        self.set_catalog(cat.clone());
        Ok(cat)
    }

    /// What the attention board cannot show in this database (columns its statement reads as not recorded).
    pub(super) fn board_not_recorded(cat: &Catalog, dialect: Dialect) -> Vec<String> {
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

    /// For schema-per-tenant dialects, the org's schema and what its tables hold (read once per org and
    /// connection: one catalog statement); None for the others.
    pub(super) async fn tenant(
        &self,
        tx: &mut Tx,
        dialect: Dialect,
        org: &Key,
    ) -> Result<Option<std::sync::Arc<Tenant>>> {
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
    /// No round trip when the platform has no tenant schemas or this org's was read before.
    pub(crate) async fn tenant_of(&self, dialect: Dialect, org: &Key) -> Result<Option<std::sync::Arc<Tenant>>> {
        if dialects::sql(dialect).tenant_schema.is_none() {
            return Ok(None);
        }
        if let Some(t) = self.tenants.lock().ok().and_then(|g| g.get(&org.to_string()).cloned()) {
            return Ok(Some(t));
        }
        let mut tx = self.read().await?;
        let t = self.tenant(&mut tx, dialect, org).await?;
        tx.commit().await.map_err(err)?;
        Ok(t)
    }

    /// Renders one statement for this org (its tenant schema where there is one); an unmet statement is a
    /// refusal that names what is missing (and, for a tenant, whose schema).
    pub(super) fn render_for(cat: &Catalog, tenant: Option<&Tenant>, template: &str) -> Result<(String, Vec<String>)> {
        let mut env = Env::new(cat, tenant);
        match env.render(template) {
            Ok(sql) => Ok((sql, env.lost().to_vec())),
            Err(u) => Err(tenant_refusal(tenant, u)),
        }
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
}
