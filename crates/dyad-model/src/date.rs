//! Dates with a precision: an event may be known to the day, the month or only the year.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How precisely an event's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    /// The precision named `day`, `month` or `year`.
    pub fn parse(s: &str) -> Option<Precision> {
        match s {
            "day" => Some(Precision::Day),
            "month" => Some(Precision::Month),
            "year" => Some(Precision::Year),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A calendar date known to the day, the month or the year: `2025-08-15`, `2025-08`, `2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY")]
    Syntax(String),
    #[error("`{0}` is not a real calendar date")]
    Calendar(String),
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl EventDate {
    pub fn year(year: i32) -> Self {
        EventDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError::Calendar(format!("{year:04}-{month:02}")));
        }
        Ok(EventDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn day(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Calendar(format!(
                "{year:04}-{month:02}-{day:02}"
            )));
        }
        Ok(EventDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    pub fn y(&self) -> i32 {
        self.year
    }
    pub fn m(&self) -> Option<u8> {
        self.month
    }
    pub fn d(&self) -> Option<u8> {
        self.day
    }

    /// The first day covered by this date (`2025-08` → 2025-08-01).
    pub fn first_day(&self) -> EventDate {
        EventDate {
            year: self.year,
            month: Some(self.month.unwrap_or(1)),
            day: Some(self.day.unwrap_or(1)),
        }
    }

    /// The last day covered by this date (`2025-02` → 2025-02-28).
    pub fn last_day(&self) -> EventDate {
        let m = self.month.unwrap_or(12);
        EventDate {
            year: self.year,
            month: Some(m),
            day: Some(self.day.unwrap_or(days_in_month(self.year, m))),
        }
    }

    /// Days since 1970-01-01 of the first day covered (Howard Hinnant's civil-from-days algorithm).
    pub fn ordinal(&self) -> i64 {
        let f = self.first_day();
        let (y, m, d) = (
            f.year as i64,
            f.month.unwrap_or(1) as i64,
            f.day.unwrap_or(1) as i64,
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// `YYYY-MM` of the first month covered.
    pub fn month_key(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month.unwrap_or(1))
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

impl FromStr for EventDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        let syntax = || DateError::Syntax(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(syntax());
            }
            p.parse().map_err(|_| syntax())
        };
        match parts.as_slice() {
            [y] => Ok(EventDate::year(num(y, 4)? as i32)),
            [y, m] => EventDate::month(num(y, 4)? as i32, num(m, 2)? as u8),
            [y, m, d] => EventDate::day(num(y, 4)? as i32, num(m, 2)? as u8, num(d, 2)? as u8),
            _ => Err(syntax()),
        }
    }
}

impl Serialize for EventDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EventDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_precisions_and_round_trips() {
        for s in ["2025-08-15", "2025-08", "1991"] {
            assert_eq!(s.parse::<EventDate>().unwrap().to_string(), s);
        }
        assert_eq!(
            "2025-08-15".parse::<EventDate>().unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(matches!(
            "2023-02-29".parse::<EventDate>(),
            Err(DateError::Calendar(_))
        ));
        assert!("2024-02-29".parse::<EventDate>().is_ok());
        assert!(matches!(
            "2025-13".parse::<EventDate>(),
            Err(DateError::Calendar(_))
        ));
        assert!(matches!(
            "25-01-01".parse::<EventDate>(),
            Err(DateError::Syntax(_))
        ));
        assert!(matches!(
            "2025/01/01".parse::<EventDate>(),
            Err(DateError::Syntax(_))
        ));
    }

    #[test]
    fn ordinal_counts_days_from_epoch() {
        assert_eq!("1970-01-01".parse::<EventDate>().unwrap().ordinal(), 0);
        assert_eq!("2000-03-01".parse::<EventDate>().unwrap().ordinal(), 11017);
        let a = "2025-08-15".parse::<EventDate>().unwrap().ordinal();
        let b = "2025-02-12".parse::<EventDate>().unwrap().ordinal();
        assert_eq!(a - b, 184);
    }

    #[test]
    fn month_bounds() {
        let d: EventDate = "2024-02".parse().unwrap();
        assert_eq!(d.last_day().to_string(), "2024-02-29");
        assert_eq!(d.first_day().to_string(), "2024-02-01");
    }
}
