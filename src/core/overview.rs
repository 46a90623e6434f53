//! An org's figures over a range of local dates, as in Retell's get_organization_overview, with calls
//! per day and breakdowns.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Overview {
    pub from: Option<NaiveDate>,
    /// The day after the last day (exclusive).
    pub to: Option<NaiveDate>,
    pub total: i64,
    pub successful: i64,
    pub failed: i64,
    pub total_secs: i64,
    pub avg_secs: Option<f64>,
    /// Minutes billed, each call rounded up to the minute.
    pub billed_minutes: i64,
    pub per_day: Vec<(NaiveDate, i64)>,
    pub by_status: Vec<(String, i64)>,
    pub by_direction: Vec<(String, i64)>,
    pub by_agent: Vec<(String, i64)>,
    /// (billing rate, cost) per minute, where the platform records them.
    pub rates: Option<(f64, f64)>,
}

impl Overview {
    pub fn avg_billed(&self) -> Option<f64> {
        (self.total > 0).then(|| self.billed_minutes as f64 / self.total as f64)
    }

    /// Revenue, cost and margin of the billed minutes, where the rates are known.
    pub fn money(&self) -> Option<(f64, f64, f64)> {
        let (rate, cost) = self.rates?;
        let m = self.billed_minutes as f64;
        Some((m * rate, m * cost, m * (rate - cost)))
    }

    /// Calls per day over the whole range, days without calls as zero.
    pub fn daily_series(&self) -> Vec<u64> {
        let (Some(from), Some(to)) = (self.from, self.to) else { return Vec::new() };
        let days = (to - from).num_days().clamp(0, 400);
        (0..days)
            .map(|i| {
                let d = from + Duration::days(i);
                self.per_day.iter().find(|(x, _)| *x == d).map(|(_, n)| *n as u64).unwrap_or(0)
            })
            .collect()
    }
}

/// The ranges the overview offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Range {
    Today,
    #[default]
    Days7,
    Days30,
    Custom(NaiveDate, NaiveDate),
}

impl Range {
    /// Local dates `[from, to)` for today's date in the org's zone.
    pub fn dates(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let end = today + Duration::days(1);
        match self {
            Range::Today => (today, end),
            Range::Days7 => (today - Duration::days(6), end),
            Range::Days30 => (today - Duration::days(29), end),
            Range::Custom(a, b) => (a, b + Duration::days(1)),
        }
    }

    pub fn label(self) -> String {
        match self {
            Range::Today => "today".into(),
            Range::Days7 => "last 7 days".into(),
            Range::Days30 => "last 30 days".into(),
            Range::Custom(a, b) => format!("{a} to {b}"),
        }
    }

    /// `2026-01-01..2026-01-31` (or one date).
    pub fn parse(s: &str) -> Result<Range, String> {
        let p = |x: &str| NaiveDate::parse_from_str(x.trim(), "%Y-%m-%d").map_err(|_| format!("not a date: {x:?}"));
        let (a, b) = match s.split_once("..") {
            Some((a, b)) => (p(a)?, p(b)?),
            None => (p(s)?, p(s)?),
        };
        if a > b {
            return Err("the range ends before it starts".into());
        }
        Ok(Range::Custom(a, b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_series() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        assert_eq!(Range::Days7.dates(today).0, NaiveDate::from_ymd_opt(2026, 11, 15).unwrap());
        assert_eq!(
            Range::parse("2026-01-01..2026-01-31").unwrap().dates(today).1,
            NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()
        );
        assert!(Range::parse("2026-02-01..2026-01-01").is_err());
        let o = Overview {
            from: Some(today),
            to: Some(today + Duration::days(3)),
            per_day: vec![(today + Duration::days(1), 4)],
            total: 4,
            billed_minutes: 10,
            rates: Some((0.4, 0.2)),
            ..Default::default()
        };
        assert_eq!(o.daily_series(), vec![0, 4, 0]);
        let (rev, cost, margin) = o.money().unwrap();
        assert!((rev - 4.0).abs() < 1e-9 && (cost - 2.0).abs() < 1e-9 && (margin - 2.0).abs() < 1e-9);
        assert_eq!(o.avg_billed(), Some(2.5));
    }
}
