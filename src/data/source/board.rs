//! The attention board and an org's overview: aggregates over every org, or one org's range.

use super::*;
use crate::core::board::LastCall;

impl Source {
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
                        last_call: LastCall::from_columns(r.try_get("last_call")?, r.try_get("any_call")?),
                        figures_unread: None,
                    })
                })
                .collect::<std::result::Result<_, sqlx::Error>>()
                .map_err(err);
        }
        // Retell: the registry, then the rollups and the last call of each tenant schema, in batches.
        let mut tx = self.read().await?;
        let cat = self.catalog(&mut tx).await?;
        let (sql, _) = Self::render_for(&cat, None, dialects::board::RETELL_ORGS)?;
        let registry = sqlx::query(AssertSqlSafe(sql)).persistent(false).fetch_all(&mut *tx).await.map_err(err)?;
        tx.commit().await.map_err(err)?;
        let mut out = Vec::with_capacity(registry.len());
        // (row, org, schema, rollups readable, calls readable)
        let mut tenants: Vec<(usize, uuid::Uuid, String, bool, bool)> = Vec::new();
        for r in &registry {
            let id: String = r.try_get("id").map_err(err)?;
            let has: bool = r.try_get("has_rollups").map_err(err)?;
            let calls: bool = r.try_get("has_calls").map_err(err)?;
            if (has || calls)
                && let Ok(u) = uuid::Uuid::parse_str(&id)
            {
                tenants.push((out.len(), u, r.try_get("schema_name").map_err(err)?, has, calls));
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
                last_call: LastCall::Unknown,
                figures_unread: (!has).then(|| "its schema has no call_rollups this role can read".to_string()),
            });
        }
        partial(&out);
        for batch in tenants.chunks(dialects::board::RETELL_BATCH) {
            let sql = batch
                .iter()
                .map(|(_, id, schema, has, calls)| {
                    let part = if *has { dialects::board::RETELL_ROLLUP } else { dialects::board::RETELL_NO_ROLLUP };
                    let last =
                        if *calls { dialects::board::RETELL_LAST_CALL } else { dialects::board::RETELL_NO_LAST_CALL };
                    part.replace("{last}", last)
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
                let Some((i, ..)) = batch.iter().find(|(_, u, ..)| u.to_string() == id) else { continue };
                let b = &mut out[*i];
                if r.try_get::<bool, _>("has_figures").map_err(err)? {
                    b.calls_24h = int(r, "calls_24h").map_err(err)?;
                    b.failed_24h = int(r, "failed_24h").map_err(err)?;
                    b.calls_7d = int(r, "calls_7d").map_err(err)?;
                    b.failed_7d = int(r, "failed_7d").map_err(err)?;
                }
                b.last_call = LastCall::from_columns(
                    r.try_get("last_call").map_err(err)?,
                    r.try_get("undated_calls").map_err(err)?,
                );
            }
            partial(&out);
        }
        Ok(out)
    }

    /// An org's figures over local dates `from..to` (exclusive) in its zone: one statement over the same
    /// call rows the list reads, with calls per day and breakdowns. Counts and sums are int8 or numeric, the
    /// averages numeric over the calls that recorded the value; on a platform with its own overview function
    /// the definitions are that function's (`dialects::board::overview_sql`).
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
        let calls_sql = &dialects::sql(dialect).calls;
        let c = &Calls::new(calls_sql, &cat, tenant.as_deref())?;
        let def = dialects::board::overview_sql(dialect);
        // The platform's own billed minutes, where this database records them: a column of the CTE.
        let mut env = Env::new(&cat, tenant.as_deref());
        let recorded = match def.billed {
            Some(b) => env.render(calls_sql.select).ok().and_then(|_| env.render(b).ok()),
            None => None,
        };
        let (select, recorded) = match (recorded, c.select.strip_prefix("SELECT ")) {
            (Some(b), Some(rest)) => (format!("SELECT {b} AS sb_billed, {rest}"), true),
            _ => (c.select.clone(), false),
        };
        let billed = if recorded { "c.sb_billed" } else { "ceil(c.duration / 60.0)" };
        let (ok, failed) = (def.successful, def.failed);
        let sql = format!(
            "WITH c AS ({select} WHERE {org} AND {ts} >= {p2} AND {ts} < {p3}) \
             SELECT count(*)::int8 AS total, count(*) FILTER (WHERE {ok})::int8 AS successful, \
               count(*) FILTER (WHERE {failed})::int8 AS failed, \
               COALESCE(sum(c.duration::numeric), 0)::int8 AS total_secs, count(c.duration)::int8 AS with_duration, \
               round(avg(c.duration::numeric), 2) AS avg_secs, \
               COALESCE(sum(({billed})::numeric), 0) AS billed, count({billed})::int8 AS with_billed, \
               round(avg(({billed})::numeric), 2) AS avg_billed, \
               count(*) FILTER (WHERE c.duration < 0 OR ({billed}) < 0)::int8 AS negative, \
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
        let rates = match dialects::platform(dialect).rates.map(|t| Self::render_for(&cat, None, t)) {
            Some(Ok((sql, _))) => {
                let r = bind_key(sqlx::query(AssertSqlSafe(sql)).persistent(false), org)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(err)?;
                match r {
                    Some(r) => Some(crate::core::overview::Rates {
                        rate: r.try_get("rate").map_err(err)?,
                        cost: r.try_get("cost").map_err(err)?,
                    }),
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
        let mut notes: Vec<String> = def.notes.iter().map(|n| n.to_string()).collect();
        if def.billed.is_some() && !recorded {
            notes.push(def.billed_missing.to_string());
        }
        Ok(Overview {
            from: Some(from),
            to: Some(to),
            total: row.try_get("total").map_err(err)?,
            successful: row.try_get("successful").map_err(err)?,
            failed: row.try_get("failed").map_err(err)?,
            total_secs: row.try_get("total_secs").map_err(err)?,
            with_duration: row.try_get("with_duration").map_err(err)?,
            avg_secs: row.try_get("avg_secs").map_err(err)?,
            billed_minutes: row.try_get("billed").map_err(err)?,
            with_billed: row.try_get("with_billed").map_err(err)?,
            avg_billed: row.try_get("avg_billed").map_err(err)?,
            billed_recorded: recorded,
            negative_calls: row.try_get("negative").map_err(err)?,
            per_day,
            by_status: pairs(row.try_get("by_status").map_err(err)?),
            by_direction: pairs(row.try_get("by_direction").map_err(err)?),
            by_agent: pairs(row.try_get("by_agent").map_err(err)?),
            rates,
            money: Default::default(),
            notes,
        }
        .with_money())
    }
}
