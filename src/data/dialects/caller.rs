//! Caller history: each platform's statements for one phone number in one org.
//!
//! Every statement binds `$1` the org, `$2` the spellings of the number (`text[]`, see
//! `core::caller::variants`) and `$3` a row limit, and compares stored numbers with `= ANY($2)`, so that
//! the platform's phone index serves where it has one. Standard columns:
//! - records: `kind`, `id`, `name`, `phone`, `facts` (a JSON array of `[label, value]` pairs);
//! - events: `kind` (call, appointment, sms, transfer, notification), `id`, `at` (timestamptz), `local`
//!   (timestamp: a wall time in the org's zone, for platforms that store appointments so), `title`,
//!   `status`, `direction`, `duration` (int4 seconds), `detail`, `call_id`, and for calls `answered`
//!   (bool: the call reached someone, decided from the platform's own fields: Retell's `connected_at`,
//!   the documented outcome statuses of the others);
//! - other orgs (`$1` the org, `$2` the spellings): `id`, `name`, `n`;
//! - names (`$1` the org, `$2` an ILIKE pattern, `$3` a limit): `name`, `phone`;
//! - country (`$1` the org, may hold `{schema}`): `zone`, `country` (ISO alpha-2), `own` (`text[]`: the
//!   org's own numbers), `callers` (`text[]`: recent distinct caller numbers written in E.164, newest
//!   first), any of them NULL: the countries a number typed without a country code is read in.

use crate::core::model::Dialect;

pub struct CallerSql {
    pub country: Option<&'static str>,
    pub records: &'static [&'static str],
    pub events: &'static [&'static str],
    /// Other orgs with the number on record; None where that would mean reading every tenant schema.
    pub other_orgs: Option<&'static str>,
    pub names: Option<&'static str>,
}

pub fn sql(dialect: Dialect) -> &'static CallerSql {
    &super::platform(dialect).caller
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_statement_binds_the_org_and_the_spellings() {
        for d in Dialect::ALL {
            let s = sql(*d);
            for q in s.records.iter().chain(s.events.iter()) {
                assert!(q.contains("$1") && q.contains("ANY($2)") && q.contains("LIMIT $3"), "{d:?}: {q}");
            }
            // Every platform decides in SQL whether its calls were answered.
            assert!(s.events.iter().any(|q| q.starts_with("SELECT 'call'") && q.contains("AS answered")), "{d:?}");
            let country = s.country.unwrap_or_default();
            for col in ["AS zone", "AS country", "AS own", "AS callers"] {
                assert!(country.contains(col), "{d:?}: {col}");
            }
            if let Some(q) = s.other_orgs {
                assert!(q.contains("$1") && q.contains("ANY($2)"), "{d:?}");
            }
        }
    }
}
