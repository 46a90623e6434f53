//! The per-view reads (org list, one call, appointments, on call, the profile) and the writes the user
//! asks for (acknowledge, suspend / reactivate).

use super::*;
use crate::core::oncall::{PickedContact, PlatformPick};

impl Source {
    pub async fn orgs(&self, dialect: Dialect) -> Result<Vec<Org>> {
        let cat = self.catalog_now().await?;
        let (sql, _) = Self::render_for(&cat, None, dialects::sql(dialect).orgs)?;
        let rows = self.read_once(&[sql]).await?;
        rows[0].iter().map(org_row).collect::<std::result::Result<_, _>>().map_err(err)
    }

    /// One call with its summary, transcript and details; `None` when it does not exist (or is not this org's).
    pub async fn call(&self, dialect: Dialect, org: &Key, call: &Key) -> Result<Option<CallDetail>> {
        let cat = self.catalog_now().await?;
        let tenant = self.tenant_of(dialect, org).await?;
        let (sql, lost) = Self::render_for(&cat, tenant.as_deref(), dialects::sql(dialect).call)?;
        let rows = self.read_once(&[inline(&sql, &[Lit::Key(org), Lit::Key(call)])]).await?;
        let detail = rows[0].first().map(call_detail).transpose().map_err(err)?;
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
        let cat = self.catalog_now().await?;
        let (sql, _) = Self::render_for(&cat, None, a.range)?;
        let range = match a.range_kind {
            ApptRange::LocalDate => [Lit::Date(from), Lit::Date(to)],
            ApptRange::Instant => [
                Lit::Time(calendar::local_midnight_utc(&zone, from)),
                Lit::Time(calendar::local_midnight_utc(&zone, to)),
            ],
        };
        let [r0, r1] = range;
        let rows = self.read_once(&[inline(&sql, &[Lit::Key(org), r0, r1])]).await?;
        rows[0].iter().map(appointment_row).collect::<std::result::Result<_, _>>().map_err(err)
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
        let cat = self.catalog_now().await?;
        let (sql, _) = Self::render_for(&cat, None, a.counts)?;
        let args = match a.range_kind {
            ApptRange::LocalDate => vec![Lit::Key(org), Lit::Date(from), Lit::Date(to)],
            ApptRange::Instant => {
                let midnights: Vec<chrono::DateTime<chrono::Utc>> =
                    (0..=days).map(|i| calendar::local_midnight_utc(&zone, from + chrono::Duration::days(i))).collect();
                vec![Lit::Key(org), Lit::Time(midnights[0]), Lit::Time(midnights[days as usize]), Lit::Times(midnights)]
            }
        };
        let rows = self.read_once(&[inline(&sql, &args)]).await?.into_iter().next().unwrap_or_default();
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
        let cat = self.catalog_now().await?;
        let (sql, _) = Self::render_for(&cat, None, a.one)?;
        let rows = self.read_once(&[inline(&sql, &[Lit::Key(org), Lit::Key(appt)])]).await?;
        let Some(row) = rows.into_iter().next().and_then(|r| r.into_iter().next()) else { return Ok(None) };
        Ok(Some(AppointmentDetail {
            appt: appointment_row(&row).map_err(err)?,
            facts: facts(row.try_get("facts").map_err(err)?),
            call: row.try_get::<Option<String>, _>("call_id").map_err(err)?.map(|k: String| Key::parse(&k)),
        }))
    }

    /// The on-call picture of one org: contacts, recent notifications and transfers, urgent calls, and
    /// where the database has it and the role may run it, the platform's own function's answer for now.
    /// Each is a section of its own: one the database cannot give (a missing table or column, a denied
    /// privilege) is named in [`OnCallData::unavailable`] and the others are read; the function's failure,
    /// whatever it is, is only its own line ([`PlatformPick::error`]).
    pub async fn oncall(&self, dialect: Dialect, org: &Key) -> Result<OnCallData> {
        let q = dialects::sql(dialect).oncall;
        if !dialects::platform(dialect).caps().oncall {
            return Err(DataError::new(
                ErrorKind::Refused,
                format!("the {} schema has no on-call data", dialect.name()),
            ));
        }
        let cat = self.catalog_now().await?;
        let mut out = OnCallData::default();
        let sections = [
            ("chain", q.contacts),
            ("notifications", q.notifications),
            ("transfers", q.transfers),
            ("urgent calls", q.urgent_calls),
            ("org", q.org),
        ];
        // Each section rendered against the catalog: what it lacks, or why it cannot be read.
        let mut sqls: Vec<Option<String>> = Vec::new();
        for (name, template) in sections {
            let Some(template) = template else {
                sqls.push(None);
                continue;
            };
            let mut env = Env::new(&cat, None);
            match env.render(template) {
                Ok(sql) => {
                    for l in env.lost() {
                        out.lost.push((name.to_string(), l.clone()));
                    }
                    out.row_security.extend(env.row_security());
                    sqls.push(Some(inline(&sql, &[Lit::Key(org)])));
                }
                Err(u) => {
                    out.unavailable.push((name.to_string(), u.to_string()));
                    sqls.push(None);
                }
            }
        }
        // The platform's function, only where the catalog says it exists and the role may execute it.
        let function = q.function.filter(|f| cat.functions.contains(f.name));
        let mut pick = function.map(|f| PlatformPick { call: f.shown.to_string(), ..Default::default() });
        let fsql: Option<String> = match function {
            Some(f) => match Env::new(&cat, None).render(f.sql) {
                Ok(sql) => Some(inline(&sql, &[Lit::Key(org)])),
                Err(u) => {
                    if let Some(p) = pick.as_mut() {
                        p.error = Some(u.to_string());
                    }
                    None
                }
            },
            None => None,
        };
        let plain: Vec<String> = sqls.iter().flatten().cloned().collect();
        // All of them in one round trip, the function last. When the server refuses a section at run time
        // (a policy, a privilege the catalog did not show), each on its own, so that only that section is
        // lost; when anything else fails and the function was asked, the sections again without it: if
        // they answer, it was the function's failure, and only its line says so.
        let mut sent = plain.clone();
        sent.extend(fsql.clone());
        // `each`: the sections were read one by one (one list per section, in order); else one list per
        // statement sent.
        let (answers, function_answer, each) = match self.read_once(&sent).await {
            Ok(mut answers) => {
                let f = fsql.as_ref().map(|_| Ok(answers.pop().unwrap_or_default()));
                (answers, f, false)
            }
            Err(e) if e.is_refusal() => (self.oncall_each(&sections, &sqls, &mut out.unavailable).await?, None, true),
            Err(e) if fsql.is_some() && e.kind != ErrorKind::Connection => match self.read_once(&plain).await {
                Ok(answers) => (answers, Some(Err(e)), false),
                Err(e) if e.is_refusal() => {
                    (self.oncall_each(&sections, &sqls, &mut out.unavailable).await?, None, true)
                }
                Err(e) => return Err(e),
            },
            Err(e) => return Err(e),
        };
        let function_answer = match (function_answer, &fsql) {
            (Some(a), _) => Some(a),
            // The sections were read each on its own: the function too, alone.
            (None, Some(f)) => {
                Some(self.read_once(std::slice::from_ref(f)).await.map(|mut r| r.pop().unwrap_or_default()))
            }
            (None, None) => None,
        };
        let mut rows: Vec<Vec<PgRow>> = if each {
            answers
        } else {
            let mut answers = answers.into_iter();
            sqls.iter().map(|s| if s.is_some() { answers.next().unwrap_or_default() } else { Vec::new() }).collect()
        };
        rows.resize_with(5, Vec::new);
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
        if let (Some(p), Some(answer)) = (pick.as_mut(), function_answer) {
            match answer {
                Ok(rows) => platform_pick(&rows, p),
                Err(e) => p.error = Some(e.for_screen()),
            }
        }
        out.platform_pick = pick;
        Ok(out)
    }

    /// On call's sections each in a read of its own (after a refusal at run time): one list of rows per
    /// section, empty for those not sent or refused (named in `unavailable`).
    async fn oncall_each(
        &self,
        sections: &[(&str, Option<&'static str>)],
        sqls: &[Option<String>],
        unavailable: &mut Vec<(String, String)>,
    ) -> Result<Vec<Vec<PgRow>>> {
        let mut rows = Vec::new();
        for ((name, _), sql) in sections.iter().zip(sqls) {
            let Some(sql) = sql else {
                rows.push(Vec::new());
                continue;
            };
            match self.read_once(std::slice::from_ref(sql)).await {
                Ok(mut r) => rows.push(r.pop().unwrap_or_default()),
                Err(e) if e.is_refusal() => {
                    unavailable.push((name.to_string(), e.message));
                    rows.push(Vec::new());
                }
                Err(e) => return Err(e),
            }
        }
        Ok(rows)
    }

    /// A write transaction, refused unless the console was started in write mode.
    pub(super) async fn write(&self) -> Result<Tx> {
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
        let cat = self.catalog_now().await?;
        let (sql, _) = Self::render_for(&cat, None, dialects::profile::profile_sql(dialect))?;
        let rows = self.read_once(&[inline(&sql, &[Lit::Key(org)])]).await?;
        let Some(row) = rows[0].first() else { return Ok(None) };
        Ok(Some(OrgProfile {
            sections: profile_sections(row.try_get("sections").map_err(err)?),
            status: text(row, "status").map_err(err)?,
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
}

/// The function's answer: the contact it names, nobody, or what it gave instead of a row.
fn platform_pick(rows: &[PgRow], p: &mut PlatformPick) {
    let Some(r) = rows.first() else { return };
    /// `at`, `kind`, and `id`, `name`, `phone`.
    type Answer = (Option<chrono::DateTime<chrono::Utc>>, Option<String>, [Option<String>; 3]);
    let read = || -> std::result::Result<Answer, sqlx::Error> {
        Ok((r.try_get("at")?, text(r, "kind")?, [text(r, "id")?, text(r, "name")?, text(r, "phone")?]))
    };
    match read() {
        Ok((at, kind, [id, name, phone])) => {
            p.at = at;
            match kind.as_deref() {
                None | Some("null") => {}
                Some("object") if id.is_none() && name.is_none() && phone.is_none() => {}
                Some("object") => p.contact = Some(PickedContact { key: id.as_deref().map(Key::parse), name, phone }),
                Some(other) => {
                    p.error =
                        Some(format!("it answers a JSON {other}, not the emergency_contacts row the seed documents"))
                }
            }
        }
        Err(e) => p.error = Some(format!("unexpected data: {}", err(e))),
    }
}
