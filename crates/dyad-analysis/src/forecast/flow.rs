//! Forecasts of the monthly event flow: how many events, and their net Goldstein sum.
//!
//! Each series is forecast by its exponentially weighted rate `m_t = Σ λ^{t−k} x_k / Σ λ^{t−k}`
//! over the months up to the origin (`λ = 0.5^(1/36)`, the level's memory): the same value for
//! every horizon. The rate of each QuadClass is reported beside it ("event rates by kind"); the
//! total is their sum. Intervals come from the model's past errors at each horizon, standardised
//! by the volatility of one-step errors at their origins (as for the level); counts stay ≥ 0.
//!
//! ```
//! use dyad_analysis::flow::{flow_index, Dyad};
//! use dyad_analysis::forecast::flow::flow_forecast;
//! use dyad_analysis::forecast::ForecastParams;
//! use dyad_analysis::series::Period;
//! let idx = flow_index(&[], &Dyad::new("USA", "RUS"), Period::Month, None);
//! assert!(flow_forecast(&idx, 12, &ForecastParams::default()).events.is_empty());
//! ```

use super::score::{self, Backtest};
use super::{BacktestParams, ForecastParams, ForecastStep, Intervals};
use crate::flow::FlowIndex;
use crate::series::{Month, Period};
use serde::Serialize;

/// One dated forecast of an event-flow series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValuePoint {
    pub period: Month,
    pub h: usize,
    pub value: f64,
    pub lo80: f64,
    pub hi80: f64,
    pub lo95: f64,
    pub hi95: f64,
    /// Past errors the intervals were read from; 0 = Gaussian intervals.
    pub errors: usize,
    /// How the intervals were made.
    pub intervals: Intervals,
}

/// The forecast of the monthly event flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowForecast {
    /// Last observed month.
    pub origin: Option<Month>,
    /// Expected events per month of QuadClass 1–4 (their weighted rates); they sum to the events'.
    pub quad_rates: [f64; 4],
    /// Events per month.
    pub events: Vec<ValuePoint>,
    /// Net Goldstein flow per month (sum of the events' Goldstein values).
    pub goldstein_sum: Vec<ValuePoint>,
}

/// The rolling-origin backtests of the two event-flow series, on the same origins.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowBacktest {
    pub events: Backtest,
    pub goldstein_sum: Backtest,
}

/// Exponentially weighted rates `m_t` of `x` for every `t` (weight `lambda^(t−k)` for month `k`,
/// normalised by the sum of the weights).
pub(crate) fn rates(x: &[f64], lambda: f64) -> Vec<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    x.iter()
        .map(|v| {
            num = lambda * num + v;
            den = lambda * den + 1.0;
            num / den
        })
        .collect()
}

/// The rate model at the last of `x` and its forecast `1..=h`, bounded below by `floor`. Uses
/// nothing else. `None` for an empty series.
fn rate_at(x: &[f64], params: &ForecastParams, h: usize, floor: f64) -> Option<Vec<ForecastStep>> {
    let n = x.len();
    let lambda = params.retention();
    let m = rates(x, lambda);
    let rate = *m.last()?;
    let u: Vec<f64> = std::iter::once(0.0)
        .chain((1..n).map(|k| x[k] - m[k - 1]))
        .collect();
    let vol = score::ew_volatility(&u, lambda);
    let today = vol[n - 1];
    let steps = (1..=h)
        .map(|j| {
            let z: Vec<f64> = (0..n.saturating_sub(j))
                .map(|t| {
                    let e = x[t + j] - m[t];
                    if vol[t] > 0.0 {
                        e / vol[t]
                    } else {
                        0.0
                    }
                })
                .collect();
            let off = score::offsets(z, today, today, params.min_errors);
            score::step(j, rate, off, floor, f64::INFINITY)
        })
        .collect();
    Some(steps)
}

struct Series {
    start: Option<Month>,
    events: Vec<f64>,
    goldstein: Vec<f64>,
    quad: [Vec<f64>; 4],
}

fn series(flow: &FlowIndex) -> Series {
    let monthly = flow.period == Period::Month;
    let rows = if monthly { &flow.rows[..] } else { &[] };
    Series {
        start: rows.first().map(|r| r.period.first_month()),
        events: rows.iter().map(|r| f64::from(r.events)).collect(),
        goldstein: rows.iter().map(|r| r.goldstein_sum).collect(),
        quad: std::array::from_fn(|q| rows.iter().map(|r| f64::from(r.quad.0[q])).collect()),
    }
}

fn dated(origin: Month, steps: &[ForecastStep]) -> Vec<ValuePoint> {
    steps
        .iter()
        .map(|s| ValuePoint {
            period: origin.plus(s.h as i32),
            h: s.h,
            value: s.level,
            lo80: s.lo80,
            hi80: s.hi80,
            lo95: s.lo95,
            hi95: s.hi95,
            errors: s.errors,
            intervals: s.intervals,
        })
        .collect()
}

/// Forecasts the monthly flow `h` months beyond its last row. A flow index that is not monthly,
/// or empty, gives no points.
pub fn flow_forecast(flow: &FlowIndex, h: usize, params: &ForecastParams) -> FlowForecast {
    let s = series(flow);
    let origin = s.start.map(|m| m.plus(s.events.len() as i32 - 1));
    let lambda = params.retention();
    let quad_rates =
        std::array::from_fn(|q| rates(&s.quad[q], lambda).last().copied().unwrap_or(0.0));
    let points = |x: &[f64], floor: f64| match (origin, rate_at(x, params, h, floor)) {
        (Some(o), Some(steps)) => dated(o, &steps),
        _ => Vec::new(),
    };
    FlowForecast {
        origin,
        quad_rates,
        events: points(&s.events, 0.0),
        goldstein_sum: points(&s.goldstein, f64::NEG_INFINITY),
    }
}

/// Rolling-origin backtest of both flow series against persistence and the long-run mean, with
/// the origins of [`super::backtest`] counted from the flow's first month.
pub fn flow_backtest(
    flow: &FlowIndex,
    params: &BacktestParams,
    forecast: &ForecastParams,
) -> FlowBacktest {
    let s = series(flow);
    let run = |x: &[f64], floor: f64| {
        score::run(x, s.start, params, |o, h| {
            rate_at(&x[..=o], forecast, h, floor).unwrap_or_default()
        })
    };
    FlowBacktest {
        events: run(&s.events, 0.0),
        goldstein_sum: run(&s.goldstein, f64::NEG_INFINITY),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::tests::obs;
    use crate::flow::{flow_index, Dyad};

    fn monthly(counts: &[usize]) -> FlowIndex {
        let mut ev = Vec::new();
        for (i, &c) in counts.iter().enumerate() {
            for k in 0..c {
                let date = format!("{}-{:02}-{:02}", 2000 + i / 12, i % 12 + 1, k % 28 + 1);
                let (quad, g) = if k % 2 == 0 { (1, 3.0) } else { (4, -5.0) };
                ev.push(obs(ev.len() as i64, &date, "USA", "RUS", quad, g, &[]));
            }
        }
        flow_index(&ev, &Dyad::new("USA", "RUS"), Period::Month, None)
    }

    #[test]
    fn a_steady_flow_is_forecast_at_its_rate() {
        let f = flow_forecast(&monthly(&[2; 72]), 6, &ForecastParams::default());
        assert_eq!(f.origin.unwrap().to_string(), "2005-12");
        assert_eq!(f.events.len(), 6);
        for p in &f.events {
            assert!((p.value - 2.0).abs() < 1e-9);
            assert!(p.hi95 - p.lo95 < 1e-9);
        }
        assert!((f.quad_rates[0] - 1.0).abs() < 1e-9 && (f.quad_rates[3] - 1.0).abs() < 1e-9);
        assert!((f.goldstein_sum[0].value + 2.0).abs() < 1e-9);
        let b = flow_backtest(
            &monthly(&[2; 72]),
            &BacktestParams::default(),
            &ForecastParams::default(),
        );
        assert_eq!(b.events.origins.len(), 1);
        assert_eq!(b.events.overall.mae, 0.0);
    }

    #[test]
    fn a_noisy_flow_beats_persistence_and_counts_stay_non_negative() {
        // Counts that alternate 2, 0, 4, 1, 3, …: persistence is always far off, the rate is not.
        let counts: Vec<usize> = (0..120).map(|i| [2, 0, 4, 1, 3][i % 5]).collect();
        let idx = monthly(&counts);
        let b = flow_backtest(&idx, &BacktestParams::default(), &ForecastParams::default());
        assert_eq!(b.events.origins.len(), 5);
        assert!(
            b.events.skill_1_6.unwrap() > 0.3,
            "{:#?}",
            b.events.pooled_1_6
        );
        assert!(
            b.goldstein_sum.skill_1_6.unwrap() > 0.2,
            "{:#?}",
            b.goldstein_sum.pooled_1_6
        );
        let f = flow_forecast(&idx, 12, &ForecastParams::default());
        assert!(f
            .events
            .iter()
            .all(|p| p.lo95 >= 0.0 && p.lo95 <= p.lo80 && p.hi80 <= p.hi95));
        assert!(f.events.iter().all(|p| p.errors >= 40));
        let sum: f64 = f.quad_rates.iter().sum();
        assert!((sum - f.events[0].value).abs() < 1e-9);
        let yearly = flow_index(&[], &Dyad::new("USA", "RUS"), Period::Year, None);
        assert!(flow_forecast(&yearly, 3, &ForecastParams::default())
            .origin
            .is_none());
    }
}
