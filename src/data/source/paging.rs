//! The call list: keyset paging on (time, id) both ways, NULL times after the others, and the filters.

use super::*;

/// The ordering is `ts DESC NULLS LAST, id DESC`. Rows with a time and rows without are read by separate
/// index-friendly statements, so that neither NULL times nor equal times are skipped or repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
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
pub(super) enum FilterBind {
    Text(String),
    Time(DateTime<Utc>),
}

/// The call list's statement parts, rendered for this database (and org schema).
pub(super) struct Calls {
    pub(super) select: String,
    pub(super) org: String,
    pub(super) ts: String,
    pub(super) ts_param: &'static str,
    pub(super) id: String,
    pub(super) key_cast: &'static str,
    /// Each filter's expression, or why that filter cannot be used here.
    pub(super) status: std::result::Result<String, String>,
    pub(super) direction: std::result::Result<String, String>,
    pub(super) agent: std::result::Result<String, String>,
    pub(super) urgent: std::result::Result<String, String>,
    pub(super) phone: std::result::Result<String, String>,
    pub(super) text: std::result::Result<[String; 2], String>,
}

impl Calls {
    pub(super) fn new(c: &CallsSql, cat: &Catalog, tenant: Option<&Tenant>) -> Result<Calls> {
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
pub(super) fn filter_sql(c: &Calls, f: &CallFilter, zone: &OrgZone, first: usize) -> Result<(String, Vec<FilterBind>)> {
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
pub(super) fn part_sql(c: &Calls, part: Part, filter: &str, offset: Option<usize>) -> String {
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
pub(super) fn part_count_sql(c: &Calls, part: Part, filter: &str) -> String {
    format!("SELECT count(*) FROM ({}) AS skipped", part_sql(c, part, filter, None))
}

/// One part's statement and its parameters in order (`$1` the org, `$2` the limit, the cursor's, the
/// filter's, then the offset): its rows (`skip` given, an `OFFSET` when not 0), or without `skip` the
/// bounded count of its rows.
fn part_statement<'a>(
    calls: &Calls,
    org: &'a Key,
    part: Part,
    cursor: Option<&'a Cursor>,
    limit: u64,
    skip: Option<u64>,
    filter: (&CallFilter, &OrgZone),
) -> Result<(String, Vec<Lit<'a>>)> {
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
    let mut args = vec![Lit::Key(org), Lit::Int(as_i64(limit))];
    if let Some(c) = cursor {
        if part.binds_time() {
            args.push(Lit::At(c.created_at));
        }
        args.push(Lit::Key(&c.key));
    }
    args.extend(binds.into_iter().map(|b| match b {
        FilterBind::Text(t) => Lit::Text(t),
        FilterBind::Time(t) => Lit::Time(t),
    }));
    if let Some(n @ 1..) = skip {
        args.push(Lit::Int(as_i64(n)));
    }
    Ok((sql, args))
}

/// [`part_statement`] without an offset, as text for [`Source::read_once`]: the values inlined.
pub(super) fn part_text(
    calls: &Calls,
    org: &Key,
    part: Part,
    cursor: Option<&Cursor>,
    limit: u64,
    skip: Option<u64>,
    filter: (&CallFilter, &OrgZone),
) -> Result<String> {
    let (sql, args) = part_statement(calls, org, part, cursor, limit, skip, filter)?;
    Ok(inline(&sql, &args))
}

impl Source {
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
        if skip == 0 {
            // Paging on from a cursor (or from an end): every part at once, in one round trip.
            let cat = self.catalog_now().await?;
            let tenant = self.tenant_of(dialect, org).await?;
            let c = &Calls::new(&dialects::sql(dialect).calls, &cat, tenant.as_deref())?;
            let texts = parts
                .iter()
                .map(|&(part, cur)| part_text(c, org, part, cur, want as u64, Some(0), fz))
                .collect::<Result<Vec<_>>>()?;
            let mut rows = Vec::new();
            for answer in self.read_once(&texts).await? {
                for r in answer.iter().take(want - rows.len()) {
                    rows.push(call_row(r).map_err(err)?);
                }
            }
            return match self.page_of(rows, forward, limit, cursor.is_some()) {
                Some(page) => Ok(page),
                None => Box::pin(self.calls_filtered(dialect, org, &Anchor::First, limit, filter, zone)).await,
            };
        }
        // A skip of whole pages (keys typed ahead): the part it starts in, past `skip` rows; with a second part
        // (the rows without a time) also how many rows the first holds, up to the skip, and the second's first
        // rows, all in one message. Only a skip that passes the whole first part and lands inside the second
        // needs another.
        let cat = self.catalog_now().await?;
        let tenant = self.tenant_of(dialect, org).await?;
        let c = &Calls::new(&dialects::sql(dialect).calls, &cat, tenant.as_deref())?;
        let (first, at) = parts[0];
        let mut texts = vec![part_text(c, org, first, at, want as u64, Some(skip), fz)?];
        let second = parts.get(1).copied();
        if let Some((part, cur)) = second {
            texts.push(part_text(c, org, first, at, skip, None, fz)?);
            texts.push(part_text(c, org, part, cur, want as u64, Some(0), fz)?);
        }
        let answers = self.read_once(&texts).await?;
        let rows_of = |answer: Option<&Vec<sqlx::postgres::PgRow>>, n: usize| -> Result<Vec<CallRow>> {
            answer.into_iter().flatten().take(n).map(|r| call_row(r).map_err(err)).collect()
        };
        let mut rows = rows_of(answers.first(), want)?;
        if let Some((part, cur)) = second {
            let passed = match answers.get(1).and_then(|a| a.first()) {
                Some(r) => u64::try_from(r.try_get::<i64, _>(0).map_err(err)?).unwrap_or(0).min(skip),
                None => 0,
            };
            skip = if rows.is_empty() { skip - passed } else { 0 };
            let more = if skip == 0 {
                rows_of(answers.get(2), want - rows.len())?
            } else {
                let text = part_text(c, org, part, cur, (want - rows.len()) as u64, Some(skip), fz)?;
                rows_of(self.read_once(&[text]).await?.first(), want - rows.len())?
            };
            rows.extend(more);
        }
        match self.page_of(rows, forward, limit, cursor.is_some() || pages > 0) {
            Some(page) => Ok(page),
            None => Box::pin(self.calls_filtered(dialect, org, &Anchor::First, limit, filter, zone)).await,
        }
    }

    /// The org list and the first page of one org's calls, in one message (one round trip instead of two):
    /// for `export calls` of an org named by its id, the page read on the guess that the list holds it (the
    /// caller checks it does). None where one message cannot do it: a platform of tenant schemas (the org's
    /// schema is found first) or a date filter (its dates are the org's local ones, and the list gives the
    /// zone).
    pub async fn orgs_and_first_page(
        &self,
        dialect: Dialect,
        org: &Key,
        limit: usize,
        filter: &CallFilter,
    ) -> Result<Option<(Vec<Org>, Page)>> {
        if dialects::sql(dialect).tenant_schema.is_some() || filter.from.is_some() || filter.to.is_some() {
            return Ok(None);
        }
        let zone = OrgZone::from_name(None);
        let (limit, fz) = (limit.max(1), (filter, &zone));
        let cat = self.catalog_now().await?;
        let (orgs, _) = Self::render_for(&cat, None, dialects::sql(dialect).orgs)?;
        let c = &Calls::new(&dialects::sql(dialect).calls, &cat, None)?;
        let nullable = dialects::sql(dialect).calls.ts_nullable;
        let mut texts = vec![orgs];
        for part in [Part::TimedDesc { after: false }, Part::NullDesc { after: false }] {
            if nullable || !part.is_null() {
                texts.push(part_text(c, org, part, None, limit as u64 + 1, Some(0), fz)?);
            }
        }
        let mut answers = self.read_once(&texts).await?.into_iter();
        let orgs = answers.next().unwrap_or_default();
        let orgs = orgs.iter().map(org_row).collect::<std::result::Result<Vec<_>, _>>().map_err(err)?;
        let rows = answers.flatten().take(limit + 1).map(|r| call_row(&r).map_err(err)).collect::<Result<Vec<_>>>()?;
        Ok(self.page_of(rows, true, limit, false).map(|page| (orgs, page)))
    }

    /// The page of `rows` (read in reading order, one more than `limit` when there is more); None when a
    /// backward read came up short near the top, where a full first page is shown instead.
    fn page_of(&self, mut rows: Vec<CallRow>, forward: bool, limit: usize, moved: bool) -> Option<Page> {
        if forward {
            let has_after = rows.len() > limit;
            rows.truncate(limit);
            Some(Page { rows, has_before: moved, has_after })
        } else {
            let has_before = rows.len() > limit;
            rows.truncate(limit);
            rows.reverse();
            if !has_before && rows.len() < limit {
                return None;
            }
            Some(Page { rows, has_before, has_after: moved })
        }
    }
}
