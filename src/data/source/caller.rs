//! Caller history queries: one number (or a name) in one org, in one read-only transaction.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use sqlx::postgres::PgRow;
use sqlx::{AssertSqlSafe, Row};

use crate::data::tx::Tx;

use super::{Result, Source, bind_key, err, facts, text};
use crate::core::caller::{
    self, CallerHistory, CallerQuery, Country, Event, EventKind, NameMatch, OtherOrg, Phone, Record, parse_phone,
};
use crate::core::filter::like_escape;
use crate::core::model::{Dialect, Key};
use crate::core::sanitize;
use crate::core::time::OrgZone;
use crate::data::catalog::{Catalog, Tenant};
use crate::data::dialects::caller::{CallerSql, sql};
use crate::data::error::{DataError, ErrorKind};
use crate::data::sqlt::Env;

/// Rows per list (records, calls, appointments, ...): a caller with more shows the newest and says so.
pub const CALLER_LIMIT: i64 = 200;

/// How far a lookup reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallerScope {
    /// Look for the same number in other orgs too (super-admins; not a profile limited to one org).
    pub cross_org: bool,
    pub limit: i64,
}

impl Default for CallerScope {
    fn default() -> Self {
        CallerScope { cross_org: true, limit: CALLER_LIMIT }
    }
}

fn record_row(row: &PgRow) -> std::result::Result<Record, sqlx::Error> {
    Ok(Record {
        kind: text(row, "kind")?.unwrap_or_default(),
        key: Key::parse(&row.try_get::<String, _>("id")?),
        name: text(row, "name")?,
        phone: text(row, "phone")?,
        facts: facts(row.try_get("facts")?),
    })
}

fn event_row(row: &PgRow, zone: &OrgZone) -> std::result::Result<Event, sqlx::Error> {
    let at: Option<DateTime<Utc>> = row.try_get("at")?;
    let local: Option<NaiveDateTime> = row.try_get("local")?;
    // A wall time in the org's zone: the earlier of an ambiguous hour, none for a time that does not exist.
    let at = at.or_else(|| local.and_then(|l| zone.tz.from_local_datetime(&l).earliest()).map(|t| t.to_utc()));
    // Empty text (a concat of NULLs, a blank column) is no text.
    let some = |col: &str| -> std::result::Result<Option<String>, sqlx::Error> {
        Ok(text(row, col)?.filter(|s| !s.trim().is_empty()))
    };
    Ok(Event {
        kind: EventKind::parse(&row.try_get::<String, _>("kind")?),
        key: Key::parse(&row.try_get::<String, _>("id")?),
        at,
        title: some("title")?,
        status: some("status")?,
        direction: some("direction")?,
        duration_s: row.try_get("duration")?,
        detail: some("detail")?,
        call: row.try_get::<Option<String>, _>("call_id")?.map(|s| Key::parse(&s)),
        // Only the call statements decide it.
        connected: match row.try_get::<Option<bool>, _>("answered") {
            Err(sqlx::Error::ColumnNotFound(_)) => None,
            r => r?,
        },
    })
}

fn other_org_row(row: &PgRow) -> std::result::Result<OtherOrg, sqlx::Error> {
    Ok(OtherOrg {
        key: Key::parse(&row.try_get::<String, _>("id")?),
        name: text(row, "name")?.unwrap_or_default(),
        records: row.try_get("n")?,
    })
}

/// Typed with a country code (`+`, `00`): read without any country.
fn is_international(typed: &str) -> bool {
    let t = typed.trim_start();
    t.starts_with('+') || t.starts_with("00")
}

/// What a caller statement lists (its `kind` literal: 'call', 'appointment', ...), for notes.
fn kind_of(q: &str) -> String {
    q.split('\'').nth(1).map(|k| format!("{k}s")).unwrap_or_else(|| "some records".to_string())
}

impl Source {
    /// The countries a number typed without a country code is read in, in order: the org's (recorded,
    /// or from its time zone), those of its own numbers, those of its recent callers. One statement.
    async fn countries(
        &self,
        tx: &mut Tx,
        s: &CallerSql,
        org: &Key,
        zone: &OrgZone,
        cat: &Catalog,
        tenant: Option<&Tenant>,
    ) -> Result<Vec<Country>> {
        let from_zone =
            (!zone.fallback).then(|| caller::region_of_zone(zone.tz.name())).flatten().and_then(Country::org);
        let Some(q) = s.country else { return Ok(from_zone.into_iter().collect()) };
        // Without what the country statement reads, the zone decides.
        let Ok(q) = Env::new(cat, tenant).render(q) else { return Ok(from_zone.into_iter().collect()) };
        let row = bind_key(sqlx::query(AssertSqlSafe(q)).persistent(false), org)
            .fetch_optional(&mut **tx)
            .await
            .map_err(err)?;
        let Some(row) = row else { return Ok(from_zone.into_iter().collect()) };
        let country: Option<String> = row.try_get("country").map_err(err)?;
        let zone_name: Option<String> = row.try_get("zone").map_err(err)?;
        let own: Option<Vec<Option<String>>> = row.try_get("own").map_err(err)?;
        let callers: Option<Vec<Option<String>>> = row.try_get("callers").map_err(err)?;
        let flat = |v: Option<Vec<Option<String>>>| v.unwrap_or_default().into_iter().flatten().collect::<Vec<_>>();
        let org_country = country
            .as_deref()
            .and_then(Country::org)
            .or_else(|| zone_name.as_deref().and_then(caller::region_of_zone).and_then(Country::org))
            .or(from_zone);
        Ok(caller::countries_to_try(org_country, &flat(own), &flat(callers)))
    }

    /// The orgs that have `number` on record (the statement that notes other orgs, with no org excluded).
    /// Typed without a country code, only spellings without one match: no org's country applies.
    pub async fn caller_orgs(&self, dialect: Dialect, number: &str) -> Result<(Phone, Vec<OtherOrg>)> {
        let Some(q) = sql(dialect).other_orgs else {
            return Err(DataError::new(
                ErrorKind::Input,
                format!(
                    "{} keeps each org's calls in its own schema: choose the org, then :caller {number}",
                    dialect.name()
                ),
            ));
        };
        let phone = parse_phone(number, None)?;
        // A key no org has, so that no org is left out.
        let nobody = crate::data::dialects::platform(dialect).no_key();
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let (q, _) = Self::render_for(&cat, None, q)?;
        let rows = bind_key(sqlx::query(AssertSqlSafe(q)).persistent(false), &nobody)
            .bind(caller::variants(&phone))
            .fetch_all(&mut *tx)
            .await
            .map_err(err)?;
        tx.commit().await.map_err(err)?;
        let orgs = rows.iter().map(other_org_row).collect::<std::result::Result<_, _>>().map_err(err)?;
        Ok((phone, orgs))
    }

    /// Everything about one caller in one org: the records, then one timeline newest first. A name finds
    /// the people of that name first: one number opens its history, several are listed to choose from.
    pub async fn caller(
        &self,
        dialect: Dialect,
        org: &Key,
        query: &CallerQuery,
        zone: &OrgZone,
        scope: CallerScope,
    ) -> Result<CallerHistory> {
        let s = sql(dialect);
        let from_call;
        let query = match query {
            CallerQuery::Call(call) => {
                let Some(detail) = self.call(dialect, org, call).await? else {
                    return Err(DataError::new(ErrorKind::Input, "this call no longer exists"));
                };
                let Some(number) = detail.row.phone.filter(|p| !p.trim().is_empty()) else {
                    return Err(DataError::new(ErrorKind::Input, "this call has no caller number"));
                };
                from_call = CallerQuery::Phone(number);
                &from_call
            }
            q => q,
        };
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let tenant = self.tenant(&mut tx, dialect, org).await?;
        // A number typed with its country code needs no country: that statement is not sent.
        let typed_international = matches!(query, CallerQuery::Phone(t) if is_international(t));
        let countries = match typed_international {
            true => Vec::new(),
            false => self.countries(&mut tx, s, org, zone, &cat, tenant.as_deref()).await?,
        };
        let mut history = CallerHistory::default();
        let phone: Phone = match query {
            CallerQuery::Phone(typed) => parse_phone(typed, &countries)?,
            // Resolved to the call's number above.
            CallerQuery::Call(_) => return Err("the call's number could not be read".into()),
            CallerQuery::Name(name) => {
                let Some(q) = s.names else {
                    return Err(DataError::new(
                        ErrorKind::Input,
                        format!(
                            "the {} schema records no caller names: look up a phone number instead",
                            dialect.name()
                        ),
                    ));
                };
                let (q, _) = Self::render_for(&cat, tenant.as_deref(), q).map_err(|e| {
                    DataError::new(
                        e.kind,
                        format!("names cannot be looked up here ({e}): look up a phone number instead"),
                    )
                })?;
                // Folded as the statements fold the stored names: "garcia" finds "García".
                let pattern = format!("%{}%", like_escape(&caller::fold_name(name.trim())));
                let rows = bind_key(sqlx::query(AssertSqlSafe(q)).persistent(false), org)
                    .bind(pattern)
                    .bind(50i64)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(err)?;
                let mut matches: Vec<NameMatch> = Vec::new();
                for row in &rows {
                    let name = text(row, "name").map_err(err)?.unwrap_or_default();
                    let stored = text(row, "phone").map_err(err)?;
                    let parsed = stored.as_deref().and_then(|p| parse_phone(p, &countries).ok());
                    let e164 = parsed.as_ref().map(Phone::display);
                    if matches.iter().any(|m| m.name == name && m.number.is_some() && m.number == e164) {
                        continue;
                    }
                    matches.push(NameMatch { name, stored, number: e164 });
                }
                let mut numbers: Vec<&String> = matches.iter().filter_map(|m| m.number.as_ref()).collect();
                numbers.sort();
                numbers.dedup();
                if numbers.len() != 1 {
                    tx.commit().await.map_err(err)?;
                    if matches.is_empty() {
                        history.notes.push(format!("no customer, contact or lead is named like {:?}", name.trim()));
                    } else if numbers.is_empty() {
                        history.notes.push("the matching records have no usable phone number".to_string());
                    }
                    history.matches = matches;
                    return Ok(history);
                }
                let number = numbers[0].clone();
                parse_phone(&number, &countries)?
            }
        };
        let spellings = caller::variants(&phone);
        // One list per statement: the org, the spellings, the row limit; a full list means older rows exist.
        let mut lists: Vec<(bool, Vec<PgRow>)> = Vec::new();
        // Each statement is one kind of record or event: one the database cannot give is a note, the
        // others are read.
        for (is_record, q) in s.records.iter().map(|q| (true, q)).chain(s.events.iter().map(|q| (false, q))) {
            let what = kind_of(q);
            let mut env = Env::new(&cat, tenant.as_deref());
            let sql_text = match env.render(q) {
                Ok(t) => t,
                Err(u) => {
                    history.notes.push(format!("{what} not shown: {u}"));
                    continue;
                }
            };
            let rows = bind_key(sqlx::query(AssertSqlSafe(sql_text)).persistent(false), org)
                .bind(&spellings)
                .bind(scope.limit)
                .fetch_all(&mut *tx)
                .await
                .map_err(err);
            match rows {
                Ok(rows) => {
                    history.truncated |= rows.len() as i64 >= scope.limit;
                    lists.push((is_record, rows));
                }
                Err(e) if e.is_refusal() => {
                    history.notes.push(format!("{what} not shown: {e}"));
                    tx.rollback().await.map_err(err)?;
                    tx = self.read().await?;
                }
                Err(e) => return Err(e),
            }
        }
        for (is_record, rows) in &lists {
            for row in rows {
                if *is_record {
                    history.records.push(record_row(row).map_err(err)?);
                } else {
                    history.events.push(event_row(row, zone).map_err(err)?);
                }
            }
        }
        match (scope.cross_org, s.other_orgs) {
            (true, Some(q)) => match Env::new(&cat, None).render(q) {
                Ok(q) => {
                    let rows = bind_key(sqlx::query(AssertSqlSafe(q)).persistent(false), org)
                        .bind(&spellings)
                        .fetch_all(&mut *tx)
                        .await
                        .map_err(err)?;
                    let others = rows.iter().map(other_org_row).collect::<std::result::Result<_, _>>().map_err(err)?;
                    history.other_orgs = Some(others);
                }
                Err(u) => history.notes.push(format!("other orgs not searched: {u}")),
            },
            (true, None) => history
                .notes
                .push(format!("other orgs not searched: {} keeps each org's calls in its own schema", dialect.name())),
            (false, _) => {}
        }
        tx.commit().await.map_err(err)?;
        if let Some(n) = &phone.note {
            history.notes.push(sanitize::single_line(n));
        }
        if history.truncated {
            history.notes.push(format!("some lists reached {} rows: older ones are not shown", scope.limit));
        }
        history.phone = Some(phone);
        history.sort();
        Ok(history)
    }
}
