//! An org's figures over a range of local dates, with calls per day and breakdowns. Sums are 64-bit or
//! exact decimals (never a 32-bit integer, never a float), and each average says what it is over: the
//! calls that recorded what it averages. Where the platform has its own overview function (Retell's
//! `get_organization_overview`), the figures are that function's, and `notes` say where the console's
//! definition differs.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Overview {
    pub from: Option<NaiveDate>,
    /// The day after the last day (exclusive).
    pub to: Option<NaiveDate>,
    pub total: i64,
    pub successful: i64,
    pub failed: i64,
    /// The sum of the recorded durations, in seconds.
    pub total_secs: i64,
    /// How many calls recorded a duration: what `avg_secs` is over.
    pub with_duration: i64,
    /// The mean duration of the calls that recorded one (2 decimals, as the platform's function rounds).
    pub avg_secs: Option<Decimal>,
    /// Minutes billed: as the platform records them per call, or each call's duration rounded up to the
    /// minute (`billed_recorded` says which).
    pub billed_minutes: Decimal,
    /// How many calls have billed minutes: what `avg_billed` is over.
    pub with_billed: i64,
    /// The mean billed minutes of those calls (2 decimals).
    pub avg_billed: Option<Decimal>,
    /// Whether the billed minutes are the platform's own (a column per call), not rounded-up durations.
    pub billed_recorded: bool,
    /// Calls whose recorded duration or billed minutes are negative (they are in the sums as recorded).
    pub negative_calls: i64,
    pub per_day: Vec<(NaiveDate, i64)>,
    pub by_status: Vec<(String, i64)>,
    pub by_direction: Vec<(String, i64)>,
    pub by_agent: Vec<(String, i64)>,
    /// The per-minute billing rate and cost, where the platform records them.
    pub rates: Option<Rates>,
    /// Revenue, cost and margin, or why they are not shown.
    pub money: Money,
    /// Where the console's definitions differ from the platform's own overview function.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Rates {
    /// Billed per minute (NULL in the database: not recorded).
    pub rate: Option<Decimal>,
    /// Cost per minute.
    pub cost: Option<Decimal>,
}

/// The money figures of a range.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Money {
    /// The platform records no rates.
    #[default]
    NotRecorded,
    /// Why they are not shown (a rate missing or negative, a product too large).
    Withheld { why: String },
    Figures {
        revenue: Decimal,
        cost: Decimal,
        margin: Decimal,
        /// The margin as a percentage of revenue; None when revenue is 0 (no calls, nothing billed).
        margin_pct: Option<Decimal>,
    },
}

impl Money {
    /// Revenue, cost and margin of `minutes` at `rates`: none with a rate missing or below zero.
    pub fn of(minutes: Decimal, rates: Option<Rates>) -> Money {
        let Some(r) = rates else { return Money::NotRecorded };
        let (Some(rate), Some(cost)) = (r.rate, r.cost) else {
            return Money::Withheld { why: "the billing rate or the cost per minute is not recorded".into() };
        };
        let mut bad = Vec::new();
        if rate.is_sign_negative() && !rate.is_zero() {
            bad.push(format!("billing rate {}/min", amount(rate)));
        }
        if cost.is_sign_negative() && !cost.is_zero() {
            bad.push(format!("cost {}/min", amount(cost)));
        }
        if !bad.is_empty() {
            return Money::Withheld { why: format!("⚠ negative {} in the data", bad.join(" and ")) };
        }
        let (Some(revenue), Some(c)) = (minutes.checked_mul(rate), minutes.checked_mul(cost)) else {
            return Money::Withheld { why: "the amounts are too large to compute exactly".into() };
        };
        let Some(margin) = revenue.checked_sub(c) else {
            return Money::Withheld { why: "the amounts are too large to compute exactly".into() };
        };
        let margin_pct = if revenue.is_zero() {
            None
        } else {
            margin.checked_mul(Decimal::ONE_HUNDRED).and_then(|m| m.checked_div(revenue))
        };
        Money::Figures { revenue, cost: c, margin, margin_pct }
    }
}

/// An amount with two decimals, never "-0.00".
pub fn amount(d: Decimal) -> String {
    let r = d.round_dp(2);
    if r.is_zero() { "0.00".to_string() } else { format!("{r:.2}") }
}

/// A percentage with no decimal ("—" for none), never "-0%".
pub fn percent(p: Option<Decimal>) -> String {
    match p.map(|p| p.round_dp(0)) {
        None => "—".to_string(),
        Some(r) if r.is_zero() => "0%".to_string(),
        Some(r) => format!("{r:.0}%"),
    }
}

impl Overview {
    /// Fills `money` from the billed minutes and the rates.
    pub fn with_money(mut self) -> Overview {
        self.money = Money::of(self.billed_minutes, self.rates);
        self
    }

    /// The mean duration in whole seconds (rounded), for display.
    pub fn avg_whole_secs(&self) -> Option<i64> {
        use rust_decimal::prelude::ToPrimitive;
        self.avg_secs.and_then(|s| s.round().to_i64())
    }

    /// Calls per day over the whole range, days without calls as zero.
    pub fn daily_series(&self) -> Vec<u64> {
        let (Some(from), Some(to)) = (self.from, self.to) else { return Vec::new() };
        let days = (to - from).num_days().clamp(0, 400);
        (0..days)
            .map(|i| {
                let d = from + Duration::days(i);
                self.per_day.iter().find(|(x, _)| *x == d).map(|(_, n)| (*n).max(0) as u64).unwrap_or(0)
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

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

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
            billed_minutes: dec("10"),
            rates: Some(Rates { rate: Some(dec("0.40")), cost: Some(dec("0.20")) }),
            ..Default::default()
        }
        .with_money();
        assert_eq!(o.daily_series(), vec![0, 4, 0]);
        let Money::Figures { revenue, cost, margin, margin_pct } = o.money else { panic!("{:?}", o.money) };
        assert_eq!((revenue, cost, margin, margin_pct), (dec("4.00"), dec("2.00"), dec("2.00"), Some(dec("50"))));
    }

    #[test]
    fn money_is_sign_correct_and_never_negative_zero() {
        let r = |a: &str, b: &str| Some(Rates { rate: Some(dec(a)), cost: Some(dec(b)) });
        // Nothing billed: zero amounts, no percentage.
        let Money::Figures { margin, margin_pct, .. } = Money::of(Decimal::ZERO, r("0.40", "0.20")) else { panic!() };
        assert_eq!((amount(margin), percent(margin_pct)), ("0.00".to_string(), "—".to_string()));
        // A cost above the rate: a negative margin and a negative percentage of revenue.
        let Money::Figures { margin, margin_pct, .. } = Money::of(dec("100"), r("0.20", "0.30")) else { panic!() };
        assert_eq!((amount(margin), percent(margin_pct)), ("-10.00".to_string(), "-50%".to_string()));
        // A tiny negative amount rounds to 0.00, not -0.00.
        assert_eq!(amount(dec("-0.001")), "0.00");
        assert_eq!(percent(Some(dec("-0.2"))), "0%");
        // Negative rates are named, not multiplied.
        let Money::Withheld { why } = Money::of(dec("100"), r("-0.40", "0.20")) else { panic!() };
        assert!(why.contains("negative billing rate -0.40/min"), "{why}");
        let Money::Withheld { why } = Money::of(dec("100"), r("0.40", "-0.20")) else { panic!() };
        assert!(why.contains("cost -0.20/min"), "{why}");
        assert_eq!(Money::of(dec("1"), None), Money::NotRecorded);
        assert!(matches!(
            Money::of(dec("1"), Some(Rates { rate: None, cost: Some(dec("1")) })),
            Money::Withheld { .. }
        ));
        // Past 2^53 minutes, exactly.
        let big = dec("9007199254740993");
        let Money::Figures { revenue, .. } = Money::of(big, r("1", "0")) else { panic!() };
        assert_eq!(revenue.to_string(), "9007199254740993");
    }
}
