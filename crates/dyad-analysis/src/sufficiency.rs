//! How much record a measure needs before dyad computes it. Below these minimums a phase is an
//! isolated event, a "cycle" the decay after one act and a forecast the memory term extrapolated,
//! so dyad says what it cannot compute instead of printing numbers that look like findings. The
//! minimums and their reasons are in `docs/method.md` ("What dyad will not compute").
//!
//! ```
//! use dyad_analysis::prelude::*;
//! use dyad_analysis::sufficiency::{Amount, Measure, Quantity};
//!
//! let two = Amount { events: 2, months_with_events: 2, span_months: 3, ..Default::default() };
//! let short = two.check(Measure::Forecast).unwrap_err();
//! assert_eq!(short.unmet[0].quantity, Quantity::Events);
//! assert!(short.to_string().starts_with("a forecast needs at least 30 events (there are 2)"));
//! ```

use crate::level::LevelSeries;
use crate::obs::Obs;
use crate::series::Month;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// Phases and change points: at least this many events…
pub const PHASES_MIN_EVENTS: usize = 20;
/// …in at least this many distinct months…
pub const PHASES_MIN_MONTHS_WITH_EVENTS: usize = 12;
/// …over a series of at least this many months (four minimum segments of 6 months).
pub const PHASES_MIN_SPAN_MONTHS: usize = 24;
/// Reset cycles: at least this many events…
pub const CYCLES_MIN_EVENTS: usize = 20;
/// …in at least this many distinct months…
pub const CYCLES_MIN_MONTHS_WITH_EVENTS: usize = 12;
/// …over at least this many months (room for a rise, a high and a fall).
pub const CYCLES_MIN_SPAN_MONTHS: usize = 36;
/// The spiral-decline test: at least this many cycles (two trends need three points each).
pub const SPIRAL_MIN_CYCLES: usize = 3;
/// A forecast: at least this many events…
pub const FORECAST_MIN_EVENTS: usize = 30;
/// …in at least this many distinct months…
pub const FORECAST_MIN_MONTHS_WITH_EVENTS: usize = 24;
/// …over at least this many months (four years to fit level, trend and damping).
pub const FORECAST_MIN_SPAN_MONTHS: usize = 48;
/// A claim about forecasting skill (better or worse than naive persistence): the forecast's
/// minimums and at least this many rolling origins in the backtest.
pub const SKILL_MIN_BACKTEST_ORIGINS: usize = 5;

/// A measure that needs a minimum of data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Phases,
    Cycles,
    SpiralTest,
    Forecast,
    /// The backtest's comparison with naive persistence.
    ForecastSkill,
}

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// Merged events (happenings).
    Events,
    /// Distinct months with at least one event dated to the month or the day.
    MonthsWithEvents,
    /// Months from the first to the last month of the level series.
    SpanMonths,
    /// Reset cycles found.
    Cycles,
    /// Rolling origins of the backtest.
    BacktestOrigins,
}

impl Quantity {
    /// "N events", "N months with events", … in English.
    pub fn en(self, n: usize) -> String {
        let s = if n == 1 { "" } else { "s" };
        match self {
            Quantity::Events => format!("{n} event{s}"),
            Quantity::MonthsWithEvents => format!("{n} month{s} with events"),
            Quantity::SpanMonths => format!("{n} month{s} of series"),
            Quantity::Cycles => format!("{n} reset cycle{s}"),
            Quantity::BacktestOrigins => format!("{n} backtest origin{s}"),
        }
    }

    /// The same in Chinese.
    pub fn zh(self, n: usize) -> String {
        match self {
            Quantity::Events => format!("{n}个事件"),
            Quantity::MonthsWithEvents => format!("{n}个有事件的月份"),
            Quantity::SpanMonths => format!("{n}个月的序列"),
            Quantity::Cycles => format!("{n}个重启周期"),
            Quantity::BacktestOrigins => format!("{n}个回测起点"),
        }
    }
}

impl Measure {
    /// Every minimum of the measure.
    pub fn requirements(self) -> &'static [(Quantity, usize)] {
        use Quantity::*;
        match self {
            Measure::Phases => &[
                (Events, PHASES_MIN_EVENTS),
                (MonthsWithEvents, PHASES_MIN_MONTHS_WITH_EVENTS),
                (SpanMonths, PHASES_MIN_SPAN_MONTHS),
            ],
            Measure::Cycles => &[
                (Events, CYCLES_MIN_EVENTS),
                (MonthsWithEvents, CYCLES_MIN_MONTHS_WITH_EVENTS),
                (SpanMonths, CYCLES_MIN_SPAN_MONTHS),
            ],
            Measure::SpiralTest => &[(Cycles, SPIRAL_MIN_CYCLES)],
            Measure::Forecast => &[
                (Events, FORECAST_MIN_EVENTS),
                (MonthsWithEvents, FORECAST_MIN_MONTHS_WITH_EVENTS),
                (SpanMonths, FORECAST_MIN_SPAN_MONTHS),
            ],
            Measure::ForecastSkill => &[
                (Events, FORECAST_MIN_EVENTS),
                (MonthsWithEvents, FORECAST_MIN_MONTHS_WITH_EVENTS),
                (SpanMonths, FORECAST_MIN_SPAN_MONTHS),
                (BacktestOrigins, SKILL_MIN_BACKTEST_ORIGINS),
            ],
        }
    }

    /// "phases", "a forecast", … in English.
    pub fn en(self) -> &'static str {
        match self {
            Measure::Phases => "phases and change points",
            Measure::Cycles => "reset cycles",
            Measure::SpiralTest => "the spiral-decline test",
            Measure::Forecast => "a forecast",
            Measure::ForecastSkill => "a judgement of forecasting skill",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Measure::Phases => "阶段与变点",
            Measure::Cycles => "重启周期",
            Measure::SpiralTest => "螺旋式下降检验",
            Measure::Forecast => "预测",
            Measure::ForecastSkill => "预测能力的评判",
        }
    }
}

/// How much record there is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Amount {
    pub events: usize,
    pub months_with_events: usize,
    pub span_months: usize,
    pub cycles: usize,
    pub backtest_origins: usize,
}

/// One minimum that is not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Unmet {
    pub quantity: Quantity,
    pub need: usize,
    pub have: usize,
}

/// Why a measure is not computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shortfall {
    pub measure: Measure,
    pub unmet: Vec<Unmet>,
}

impl Amount {
    /// Events, months with events and span of a series (cycles and origins left at 0).
    pub fn of(obs: &[Obs], level: &LevelSeries) -> Amount {
        let months: BTreeSet<Month> = obs
            .iter()
            .filter(|o| o.date.m().is_some())
            .map(|o| Month::of(&o.date))
            .collect();
        Amount {
            events: obs.len(),
            months_with_events: months.len(),
            span_months: level.points.len(),
            cycles: 0,
            backtest_origins: 0,
        }
    }

    pub fn get(&self, q: Quantity) -> usize {
        match q {
            Quantity::Events => self.events,
            Quantity::MonthsWithEvents => self.months_with_events,
            Quantity::SpanMonths => self.span_months,
            Quantity::Cycles => self.cycles,
            Quantity::BacktestOrigins => self.backtest_origins,
        }
    }

    /// Whether there is enough for `measure`; if not, every minimum that is not met.
    pub fn check(&self, measure: Measure) -> Result<(), Shortfall> {
        let unmet: Vec<Unmet> = measure
            .requirements()
            .iter()
            .filter(|(q, need)| self.get(*q) < *need)
            .map(|&(quantity, need)| Unmet {
                quantity,
                need,
                have: self.get(quantity),
            })
            .collect();
        if unmet.is_empty() {
            Ok(())
        } else {
            Err(Shortfall { measure, unmet })
        }
    }
}

impl Shortfall {
    /// The statement in Chinese.
    pub fn zh(&self) -> String {
        let parts: Vec<String> = self
            .unmet
            .iter()
            .map(|u| {
                let have = match u.quantity {
                    Quantity::SpanMonths => format!("{}个月", u.have),
                    _ => format!("{}个", u.have),
                };
                format!("至少{}（现有{have}）", u.quantity.zh(u.need))
            })
            .collect();
        format!("{}需要{}", self.measure.zh(), parts.join("、"))
    }
}

impl fmt::Display for Shortfall {
    /// "a forecast needs at least 30 events (there are 2), …".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .unmet
            .iter()
            .map(|u| {
                let have = match u.quantity {
                    Quantity::SpanMonths => format!("the series spans {}", u.have),
                    _ => format!("there are {}", u.have),
                };
                format!("at least {} ({have})", u.quantity.en(u.need))
            })
            .collect();
        let verb = if self.measure == Measure::Phases || self.measure == Measure::Cycles {
            "need"
        } else {
            "needs"
        };
        write!(f, "{} {verb} {}", self.measure.en(), parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::level::{level_series, LevelParams};

    fn obs(id: i64, date: &str) -> Obs {
        Obs {
            id,
            date: date.parse().unwrap(),
            source: "USA".into(),
            target: "CHN".into(),
            cameo: "040".into(),
            quad_class: 1,
            goldstein: 1.0,
            rank: Some(1),
            domains: vec![],
            mentions: 1,
            magnitude: None,
            label: String::new(),
        }
    }

    #[test]
    fn two_events_are_enough_for_nothing_but_the_level() {
        let o = vec![obs(1, "2024-11-16"), obs(2, "2025-01-17")];
        let level = level_series(&o, &LevelParams::default(), None, None);
        let a = Amount::of(&o, &level);
        assert_eq!((a.events, a.months_with_events, a.span_months), (2, 2, 3));
        for m in [
            Measure::Phases,
            Measure::Cycles,
            Measure::SpiralTest,
            Measure::Forecast,
            Measure::ForecastSkill,
        ] {
            assert!(a.check(m).is_err(), "{m:?}");
        }
        let s = a.check(Measure::Phases).unwrap_err();
        assert_eq!(
            s.to_string(),
            "phases and change points need at least 20 events (there are 2), at least 12 months \
             with events (there are 2), at least 24 months of series (the series spans 3)"
        );
        assert_eq!(
            s.zh(),
            "阶段与变点需要至少20个事件（现有2个）、至少12个有事件的月份（现有2个）、至少24个月的序列（现有3个月）"
        );
    }

    #[test]
    fn year_dated_events_give_no_month_and_the_minimums_are_exact() {
        let mut o: Vec<Obs> = (0..30)
            .map(|i| obs(i, &format!("{}-{:02}-01", 2000 + i / 12, i % 12 + 1)))
            .collect();
        o.push(obs(99, "2001"));
        let level = level_series(&o, &LevelParams::default(), None, None);
        let a = Amount::of(&o, &level);
        assert_eq!(a.events, 31);
        assert_eq!(a.months_with_events, 30);
        assert!(a.check(Measure::Phases).is_ok());
        let at = |events, months, span| Amount {
            events,
            months_with_events: months,
            span_months: span,
            ..Default::default()
        };
        assert!(at(30, 24, 48).check(Measure::Forecast).is_ok());
        assert!(at(29, 24, 48).check(Measure::Forecast).is_err());
        assert!(at(30, 23, 48).check(Measure::Forecast).is_err());
        assert!(at(30, 24, 47).check(Measure::Forecast).is_err());
        let skill = Amount {
            backtest_origins: 4,
            ..at(30, 24, 48)
        };
        let s = skill.check(Measure::ForecastSkill).unwrap_err();
        assert_eq!(s.unmet.len(), 1);
        assert_eq!(s.unmet[0].quantity, Quantity::BacktestOrigins);
    }
}
