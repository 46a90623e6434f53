//! SQL templates: the console's own SQL, with markers that the live catalog fills in.
//!
//! A platform's statements name the tables and columns they read through markers, so that the statement
//! sent is built from what the database has, and what it lacks is known before anything is sent:
//!
//! - `{@table alias}`, `{@schema.table alias}`, `{@~.table alias}` (`~`: the org's tenant schema): a table,
//!   written schema-qualified and quoted. When it is missing or the role cannot read it, the block it is in
//!   is unmet.
//! - `{alias.column}`: a required column; the block it is in is unmet without it.
//! - `{alias.column?}`, `{alias.column?type}`: an optional column; `NULL` (or `NULL::type`) when missing,
//!   which the screens show as not recorded.
//! - `{alias.column!}`: a required column written bare (`"column"`), for the column lists of `UPDATE ... SET`
//!   and `INSERT INTO ... (...)`.
//! - `[[ body ]]`, `[[ body |else| fallback ]]`: a block. When something it requires is missing, the
//!   fallback (nothing by default) is sent instead; `{reason}` in a fallback is why, as a SQL literal.
//!
//! A whole statement is a block: when its top level is unmet, nothing is sent and the reasons say why.
//! Aliases are one per table within a statement (and the fragments rendered after it). The only text
//! taken from the database is quoted: identifiers from the catalog and reasons as literals.

use std::collections::{BTreeSet, HashMap};

use crate::data::catalog::{Catalog, Table, Tenant, display_name};
use crate::data::dialects::quote_ident;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Schema {
    Named(String),
    Tenant,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Text(String),
    Table { schema: Schema, name: String, alias: String },
    Col { alias: String, col: String, optional: Option<String>, bare: bool },
    Block { body: Vec<Node>, fallback: Vec<Node> },
    Reason,
}

/// Parses a template; an error is a mistake in the console's own SQL (the tests parse every template).
fn parse(src: &str) -> Result<Vec<Node>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    let (nodes, end) = parse_seq(&chars, &mut i, 0)?;
    if end != End::Eof {
        return Err(format!("unbalanced block in template at {i}: {src}"));
    }
    Ok(nodes)
}

#[derive(Debug, PartialEq, Eq)]
enum End {
    Eof,
    Else,
    Close,
}

fn starts(chars: &[char], i: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(k, c)| chars.get(i + k) == Some(&c))
}

fn parse_seq(chars: &[char], i: &mut usize, depth: usize) -> Result<(Vec<Node>, End), String> {
    let mut nodes = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, nodes: &mut Vec<Node>| {
        if !text.is_empty() {
            nodes.push(Node::Text(std::mem::take(text)));
        }
    };
    while *i < chars.len() {
        let c = chars[*i];
        if c == '\'' || c == '"' {
            // A literal or a quoted identifier, copied as it is ('' and "" inside stay inside).
            text.push(c);
            *i += 1;
            while *i < chars.len() {
                text.push(chars[*i]);
                *i += 1;
                if chars[*i - 1] == c {
                    if chars.get(*i) == Some(&c) {
                        text.push(c);
                        *i += 1;
                    } else {
                        break;
                    }
                }
            }
            continue;
        }
        if starts(chars, *i, "[[") {
            flush(&mut text, &mut nodes);
            *i += 2;
            let (body, end) = parse_seq(chars, i, depth + 1)?;
            let fallback = match end {
                End::Close => Vec::new(),
                End::Else => {
                    let (f, end) = parse_seq(chars, i, depth + 1)?;
                    if end != End::Close {
                        return Err("a block's fallback is not closed".into());
                    }
                    f
                }
                End::Eof => return Err("a block is not closed".into()),
            };
            nodes.push(Node::Block { body, fallback });
            continue;
        }
        if depth > 0 && starts(chars, *i, "|else|") {
            flush(&mut text, &mut nodes);
            *i += 6;
            return Ok((nodes, End::Else));
        }
        if depth > 0 && starts(chars, *i, "]]") {
            flush(&mut text, &mut nodes);
            *i += 2;
            return Ok((nodes, End::Close));
        }
        if c == '{' {
            let close = (*i..chars.len()).find(|&k| chars[k] == '}').ok_or("an unclosed { in a template")?;
            let inner: String = chars[*i + 1..close].iter().collect();
            flush(&mut text, &mut nodes);
            nodes.push(marker(&inner)?);
            *i = close + 1;
            continue;
        }
        text.push(c);
        *i += 1;
    }
    flush(&mut text, &mut nodes);
    Ok((nodes, End::Eof))
}

fn ident_ok(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

fn marker(inner: &str) -> Result<Node, String> {
    if inner == "reason" {
        return Ok(Node::Reason);
    }
    if let Some(t) = inner.strip_prefix('@') {
        let (qualified, alias) =
            t.split_once(' ').ok_or_else(|| format!("a table marker without alias: {{{inner}}}"))?;
        let (schema, name) = match qualified.split_once('.') {
            Some(("~", n)) => (Schema::Tenant, n),
            Some((s, n)) => (Schema::Named(s.to_string()), n),
            None => (Schema::Named("public".to_string()), qualified),
        };
        if !ident_ok(name) || !ident_ok(alias.trim()) {
            return Err(format!("a bad table marker: {{{inner}}}"));
        }
        return Ok(Node::Table { schema, name: name.to_string(), alias: alias.trim().to_string() });
    }
    let (inner, bare) = match inner.strip_suffix('!') {
        Some(i) => (i, true),
        None => (inner, false),
    };
    let (reference, optional) = match inner.split_once('?') {
        Some((r, ty)) => (r, Some(ty.to_string())),
        None => (inner, None),
    };
    let (alias, col) = reference.split_once('.').ok_or_else(|| format!("a bad marker: {{{inner}}}"))?;
    if !ident_ok(alias)
        || !ident_ok(col)
        || optional.as_deref().is_some_and(|t| !t.chars().all(|c| c.is_alphanumeric() || " _[]".contains(c)))
    {
        return Err(format!("a bad column marker: {{{inner}}}"));
    }
    Ok(Node::Col { alias: alias.to_string(), col: col.to_string(), optional, bare })
}

/// A reason as a SQL literal (the reason may hold names from the catalog).
pub fn sql_literal(s: &str) -> String {
    if s.contains('\\') {
        format!("E'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

/// Why a statement (or a fragment) cannot be sent: what it requires and the database lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet {
    pub reasons: Vec<String>,
    /// Whether a privilege is what is missing (rather than a table or a column).
    pub denied: bool,
}

impl std::fmt::Display for Unmet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reasons.join("; "))
    }
}

/// Renders templates against one catalog (and the org's tenant schema, where there is one), collecting
/// what the rendered statements lose and which of their tables row security filters.
pub struct Env<'a> {
    cat: &'a Catalog,
    tenant: Option<&'a Tenant>,
    aliases: HashMap<String, (Schema, String)>,
    lost: Vec<String>,
    rls: BTreeSet<String>,
}

enum Why {
    Missing(String),
    Denied(String),
}

impl<'a> Env<'a> {
    pub fn new(cat: &'a Catalog, tenant: Option<&'a Tenant>) -> Env<'a> {
        Env { cat, tenant, aliases: HashMap::new(), lost: Vec::new(), rls: BTreeSet::new() }
    }

    /// What the statements rendered so far lose (optional columns read as NULL, blocks left out).
    pub fn lost(&self) -> &[String] {
        &self.lost
    }

    /// The tables of the statements rendered so far whose rows row security filters for this role.
    pub fn row_security(&self) -> Vec<String> {
        self.rls.iter().cloned().collect()
    }

    fn lookup(&self, schema: &Schema, name: &str) -> (String, Option<&'a Table>) {
        match schema {
            Schema::Named(s) => (display_name(s, name), self.cat.table(s, name)),
            Schema::Tenant => match self.tenant {
                Some(t) => (display_name(&t.schema, name), t.tables.get(name)),
                None => (name.to_string(), None),
            },
        }
    }

    fn table(&self, schema: &Schema, name: &str) -> Result<(&'a Table, String), Why> {
        let (shown, t) = self.lookup(schema, name);
        match t {
            None => Err(Why::Missing(format!("no table {shown}"))),
            Some(t) if !t.readable() => Err(Why::Denied(format!("no SELECT on {shown}"))),
            Some(t) => Ok((t, shown)),
        }
    }

    fn column(&self, alias: &str, col: &str) -> Result<(), Why> {
        let Some((schema, name)) = self.aliases.get(alias) else {
            return Err(Why::Missing(format!("template error: no table for alias {alias}")));
        };
        let (t, shown) = self.table(schema, name)?;
        match t.column(col) {
            None => Err(Why::Missing(format!("no column {col} in {shown}"))),
            Some(c) if !c.select => Err(Why::Denied(format!("no SELECT on column {col} of {shown}"))),
            Some(_) => Ok(()),
        }
    }

    fn declare(&mut self, nodes: &[Node]) -> Result<(), Unmet> {
        for n in nodes {
            match n {
                Node::Table { schema, name, alias } => {
                    let new = (schema.clone(), name.clone());
                    if let Some(old) = self.aliases.get(alias)
                        && *old != new
                    {
                        return Err(Unmet {
                            reasons: vec![format!("template error: alias {alias} names two tables")],
                            denied: false,
                        });
                    }
                    self.aliases.insert(alias.clone(), new);
                }
                Node::Block { body, fallback } => {
                    self.declare(body)?;
                    self.declare(fallback)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Renders a statement or a fragment (which may use the aliases of statements rendered before it).
    pub fn render(&mut self, template: &str) -> Result<String, Unmet> {
        let nodes =
            parse(template).map_err(|e| Unmet { reasons: vec![format!("template error: {e}")], denied: false })?;
        self.declare(&nodes)?;
        let mut out = String::new();
        let mut unmet = Vec::new();
        self.nodes(&nodes, &mut out, &mut unmet, None);
        if unmet.is_empty() {
            return Ok(out);
        }
        let denied = unmet.iter().any(|w| matches!(w, Why::Denied(_)));
        let mut reasons: Vec<String> = unmet
            .into_iter()
            .map(|w| match w {
                Why::Missing(s) | Why::Denied(s) => s,
            })
            .collect();
        let mut seen = BTreeSet::new();
        reasons.retain(|r| seen.insert(r.clone()));
        Err(Unmet { reasons, denied })
    }

    fn note_lost(&mut self, s: String) {
        if !self.lost.contains(&s) {
            self.lost.push(s);
        }
    }

    fn nodes(&mut self, nodes: &[Node], out: &mut String, unmet: &mut Vec<Why>, reason: Option<&str>) {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Reason => out.push_str(&sql_literal(reason.unwrap_or(""))),
                Node::Table { schema, name, alias } => match self.table(schema, name) {
                    Ok((t, shown)) => {
                        if self.cat.row_security_applies(t) {
                            self.rls.insert(shown);
                        }
                        out.push_str(&format!("{}.{} AS {alias}", quote_ident(&t.schema), quote_ident(&t.name)));
                    }
                    Err(w) => unmet.push(w),
                },
                Node::Col { alias, col, optional, bare } => match (self.column(alias, col), optional) {
                    (Ok(()), _) if *bare => out.push_str(&quote_ident(col)),
                    (Ok(()), _) => out.push_str(&format!("{alias}.{}", quote_ident(col))),
                    (Err(w), Some(ty)) => {
                        let (Why::Missing(s) | Why::Denied(s)) = w;
                        self.note_lost(s);
                        out.push_str("NULL");
                        if !ty.is_empty() {
                            out.push_str("::");
                            out.push_str(ty);
                        }
                    }
                    (Err(w), None) => unmet.push(w),
                },
                Node::Block { body, fallback } => {
                    let mark = self.lost.len();
                    let mut inner_out = String::new();
                    let mut inner_unmet = Vec::new();
                    self.nodes(body, &mut inner_out, &mut inner_unmet, reason);
                    if inner_unmet.is_empty() {
                        out.push_str(&inner_out);
                    } else {
                        self.lost.truncate(mark);
                        let first = match &inner_unmet[0] {
                            Why::Missing(s) | Why::Denied(s) => s.clone(),
                        };
                        self.note_lost(first.clone());
                        self.nodes(fallback, out, unmet, Some(&first));
                    }
                }
            }
        }
    }
}

/// The tables a template names (`schema`, `table`; `~` for the tenant schema), for the catalog to read.
pub fn tables_named(template: &str) -> Result<Vec<(String, String)>, String> {
    fn walk(nodes: &[Node], out: &mut Vec<(String, String)>) {
        for n in nodes {
            match n {
                Node::Table { schema, name, .. } => {
                    let s = match schema {
                        Schema::Named(s) => s.clone(),
                        Schema::Tenant => "~".to_string(),
                    };
                    if !out.contains(&(s.clone(), name.clone())) {
                        out.push((s, name.clone()));
                    }
                }
                Node::Block { body, fallback } => {
                    walk(body, out);
                    walk(fallback, out);
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&parse(template)?, &mut out);
    Ok(out)
}

/// The columns templates name, by table (`schema`, `table`, `column`, required).
pub fn columns_named(templates: &[&str]) -> Result<Vec<(String, String, String, bool)>, String> {
    let mut aliases: HashMap<String, (String, String)> = HashMap::new();
    let mut cols: Vec<(String, String, bool)> = Vec::new();
    fn walk(nodes: &[Node], aliases: &mut HashMap<String, (String, String)>, cols: &mut Vec<(String, String, bool)>) {
        for n in nodes {
            match n {
                Node::Table { schema, name, alias } => {
                    let s = match schema {
                        Schema::Named(s) => s.clone(),
                        Schema::Tenant => "~".to_string(),
                    };
                    aliases.insert(alias.clone(), (s, name.clone()));
                }
                Node::Col { alias, col, optional, .. } => cols.push((alias.clone(), col.clone(), optional.is_none())),
                Node::Block { body, fallback } => {
                    walk(body, aliases, cols);
                    walk(fallback, aliases, cols);
                }
                _ => {}
            }
        }
    }
    // Each statement has its own aliases; a fragment (no table of its own) uses the statement's before it.
    let mut out = Vec::new();
    for t in templates {
        if t.contains("{@") {
            aliases.clear();
        }
        cols.clear();
        walk(&parse(t)?, &mut aliases, &mut cols);
        for (alias, col, required) in cols.drain(..) {
            let (s, t) = aliases.get(&alias).ok_or_else(|| format!("no table for alias {alias}"))?;
            let row = (s.clone(), t.clone(), col, required);
            if !out.contains(&row) {
                out.push(row);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::Column;

    fn cat() -> Catalog {
        let mut c = Catalog::default();
        let col = |n: &str, select: bool| Column { name: n.into(), ty: "text".into(), select };
        c.tables.insert(
            "public.calls".into(),
            Table {
                schema: "public".into(),
                name: "calls".into(),
                select: true,
                rls: true,
                force_rls: false,
                owner: false,
                columns: vec![col("id", true), col("org_id", true), col("status", true), col("secret", false)],
            },
        );
        c.tables.insert(
            "public.denied".into(),
            Table {
                schema: "public".into(),
                name: "denied".into(),
                select: false,
                rls: false,
                force_rls: false,
                owner: false,
                columns: vec![col("id", false)],
            },
        );
        c
    }

    #[test]
    fn present_columns_are_quoted_and_missing_optional_ones_read_null() {
        let c = cat();
        let mut env = Env::new(&c, None);
        let sql = env
            .render(
                "SELECT {c.id}, {c.status?}, {c.urgency?float8} AS u, 'a {b}' FROM {@calls c} WHERE {c.org_id} = $1",
            )
            .unwrap();
        assert_eq!(
            sql,
            "SELECT c.\"id\", c.\"status\", NULL::float8 AS u, 'a {b}' FROM \"public\".\"calls\" AS c WHERE c.\"org_id\" = $1"
        );
        assert_eq!(env.lost(), ["no column urgency in calls"]);
        assert_eq!(env.row_security(), ["calls"]);
    }

    #[test]
    fn a_required_column_that_is_missing_or_denied_makes_the_statement_unmet() {
        let c = cat();
        let e = Env::new(&c, None).render("SELECT {c.nope}, {c.secret} FROM {@calls c}").unwrap_err();
        assert_eq!(e.reasons, ["no column nope in calls", "no SELECT on column secret of calls"]);
        assert!(e.denied);
        let e = Env::new(&c, None).render("SELECT {d.id} FROM {@denied d}").unwrap_err();
        assert_eq!(e.reasons, ["no SELECT on denied"]);
        let e = Env::new(&c, None).render("SELECT 1 FROM {@nothere n}").unwrap_err();
        assert_eq!(e.reasons, ["no table nothere"]);
        assert!(!e.denied);
    }

    #[test]
    fn an_unmet_block_gives_way_to_its_fallback_and_says_why() {
        let c = cat();
        let mut env = Env::new(&c, None);
        let sql = env
            .render(
                "SELECT {c.id}, [[(SELECT {d.id} FROM {@denied d}) |else| {reason}]] FROM {@calls c} \
                 [[LEFT JOIN {@gone g} ON {g.id} = {c.id}]] WHERE true",
            )
            .unwrap();
        assert_eq!(sql, "SELECT c.\"id\",  'no SELECT on denied' FROM \"public\".\"calls\" AS c  WHERE true");
        assert_eq!(env.lost(), ["no SELECT on denied", "no table gone"]);
        // A fragment sees the statement's aliases.
        assert_eq!(env.render("lower({c.status})").unwrap(), "lower(c.\"status\")");
        assert!(env.render("lower({g.name})").is_err());
    }

    #[test]
    fn the_tenant_schema_is_filled_in_quoted() {
        let mut t = Tenant { schema: "org_Tōkyō\"Dental".into(), ..Tenant::default() };
        let mut calls = cat().tables["public.calls"].clone();
        calls.schema = t.schema.clone();
        t.tables.insert("calls".into(), calls);
        let c = Catalog::default();
        let sql = Env::new(&c, Some(&t)).render("SELECT {c.id} FROM {@~.calls c}").unwrap();
        assert_eq!(sql, "SELECT c.\"id\" FROM \"org_Tōkyō\"\"Dental\".\"calls\" AS c");
        assert!(Env::new(&c, None).render("SELECT {c.id} FROM {@~.calls c}").is_err());
    }

    #[test]
    fn reasons_are_literals_and_bad_templates_are_refused() {
        assert_eq!(sql_literal("no column a'b"), "'no column a''b'");
        assert_eq!(sql_literal("a\\b"), "E'a\\\\b'");
        for bad in ["{c.id", "[[ a", "{@calls}", "{c.id?int; DROP}", "[[ a |else| b"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let c = cat();
        assert!(Env::new(&c, None).render("SELECT 1 FROM {@calls c} JOIN {@denied c} ON true").is_err());
    }
}
