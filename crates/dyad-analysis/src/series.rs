//! Calendar periods: months, quarters and years as plain integer keys, so that a series can be
//! laid out without gaps from its first to its last period.
//!
//! ```
//! use dyad_analysis::series::{Month, Period, PeriodKey};
//! let m: Month = "2022-02".parse().unwrap();
//! assert_eq!(m.succ().to_string(), "2022-03");
//! let q = PeriodKey::of_month(Period::Quarter, m);
//! assert_eq!(q.to_string(), "2022-Q1");
//! ```

use dyad_model::EventDate;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar month, stored as `year * 12 + (month - 1)`; shown and serialised as `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub i32);

impl Month {
    /// The month `year-month` (`month` 1..=12; out-of-range months wrap into the next/previous year).
    pub fn new(year: i32, month: u8) -> Month {
        Month(
            year.saturating_mul(12)
                .saturating_add(i32::from(month.max(1)) - 1),
        )
    }

    /// The first month a date covers (`2025` → `2025-01`).
    pub fn of(date: &EventDate) -> Month {
        Month::new(date.y(), date.m().unwrap_or(1))
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1..=12.
    pub fn month(self) -> u8 {
        (self.0.rem_euclid(12) + 1) as u8
    }

    pub fn succ(self) -> Month {
        Month(self.0.saturating_add(1))
    }

    pub fn pred(self) -> Month {
        Month(self.0.saturating_sub(1))
    }

    /// Months from `self` to `later` (negative when `later` is earlier).
    pub fn until(self, later: Month) -> i32 {
        later.0.saturating_sub(self.0)
    }

    /// The month `n` months later.
    pub fn plus(self, n: i32) -> Month {
        Month(self.0.saturating_add(n))
    }

    /// Decimal year at the middle of the month (2022-02 → 2022.125), for regressions on time.
    pub fn decimal_year(self) -> f64 {
        f64::from(self.year()) + (f64::from(self.month()) - 0.5) / 12.0
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a month string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a month: expected YYYY-MM")]
pub struct MonthError(pub String);

impl FromStr for Month {
    type Err = MonthError;
    fn from_str(s: &str) -> Result<Month, MonthError> {
        let bad = || MonthError(s.to_string());
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&m) {
            return Err(bad());
        }
        Ok(Month::new(y, m))
    }
}

/// The length of a reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Month,
    Quarter,
    Year,
}

impl Period {
    /// Months per period.
    pub fn months(self) -> i32 {
        match self {
            Period::Month => 1,
            Period::Quarter => 3,
            Period::Year => 12,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// `true` when a date of this precision is too coarse to place in one period of this length
    /// (a year-only date in a monthly series).
    pub fn finer_than(self, date: &EventDate) -> bool {
        match (self, date.m(), date.d()) {
            (_, None, _) => self != Period::Year,
            _ => false,
        }
    }
}

/// One period of a given length: `2025-08`, `2025-Q3` or `2025`. Ordered in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeriodKey {
    pub period: Period,
    /// Months, quarters or years counted from year 0.
    pub index: i32,
}

impl PeriodKey {
    /// The period of length `period` that holds month `m`.
    pub fn of_month(period: Period, m: Month) -> PeriodKey {
        PeriodKey {
            period,
            index: m.0.div_euclid(period.months()),
        }
    }

    /// The period that holds the first day of `date`.
    pub fn of(period: Period, date: &EventDate) -> PeriodKey {
        PeriodKey::of_month(period, Month::of(date))
    }

    pub fn succ(self) -> PeriodKey {
        PeriodKey {
            period: self.period,
            index: self.index.saturating_add(1),
        }
    }

    /// The first month of the period.
    pub fn first_month(self) -> Month {
        Month(self.index.saturating_mul(self.period.months()))
    }

    /// The last month of the period.
    pub fn last_month(self) -> Month {
        Month(
            self.first_month()
                .0
                .saturating_add(self.period.months() - 1),
        )
    }
}

impl fmt::Display for PeriodKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.first_month();
        match self.period {
            Period::Month => write!(f, "{m}"),
            Period::Quarter => write!(f, "{:04}-Q{}", m.year(), (m.month() - 1) / 3 + 1),
            Period::Year => write!(f, "{:04}", m.year()),
        }
    }
}

impl Serialize for PeriodKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Every period from `first` to `last` inclusive (empty when `last < first` or the periods differ
/// in length). The cap of 100,000 periods keeps a wild range from exhausting memory.
pub fn periods(first: PeriodKey, last: PeriodKey) -> Vec<PeriodKey> {
    if first.period != last.period || last.index < first.index {
        return Vec::new();
    }
    let n = (i64::from(last.index) - i64::from(first.index) + 1).min(100_000);
    (0..n)
        .map(|i| PeriodKey {
            period: first.period,
            index: first.index + i as i32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_round_trips_and_orders() {
        let m: Month = "1991-12".parse().unwrap();
        assert_eq!(m.to_string(), "1991-12");
        assert_eq!(m.succ().to_string(), "1992-01");
        assert_eq!(m.until("1992-02".parse().unwrap()), 2);
        assert!("1991-13".parse::<Month>().is_err());
        assert!("91-01".parse::<Month>().is_err());
        let d: EventDate = "2025".parse().unwrap();
        assert_eq!(Month::of(&d).to_string(), "2025-01");
    }

    #[test]
    fn periods_are_continuous_and_named() {
        let a = PeriodKey::of(Period::Quarter, &"2024-11-03".parse().unwrap());
        let b = PeriodKey::of(Period::Quarter, &"2025-08".parse().unwrap());
        let names: Vec<String> = periods(a, b).iter().map(|p| p.to_string()).collect();
        assert_eq!(names, ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"]);
        assert!(periods(b, a).is_empty());
        let y = PeriodKey::of(Period::Year, &"2025-08".parse().unwrap());
        assert_eq!(y.to_string(), "2025");
        assert_eq!(y.last_month().to_string(), "2025-12");
    }

    #[test]
    fn coarse_dates_are_flagged() {
        let y: EventDate = "2025".parse().unwrap();
        assert!(Period::Month.finer_than(&y));
        assert!(!Period::Year.finer_than(&y));
    }
}
