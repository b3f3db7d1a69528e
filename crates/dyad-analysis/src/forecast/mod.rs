//! Forecasts of the monthly level and of the event flow, and their rolling-origin backtests
//! against naive persistence and the long-run mean. See `docs/method.md`, section 8.
//!
//! **The level.** The level model (`crate::level`) says what happens between events: each month
//! the deviation from the baseline `b` shrinks by the retention `δ`. So, from the level `L` at the
//! origin, the expected path is `L_h = b + (L_{h−1} − b)·δ + μ`, where `μ` is the expected
//! monthly change due to events: its exponentially weighted mean over the months up to the
//! origin, with the level's own memory half-life (36 months), as for the event-flow rates. The
//! level is itself a sum of past event changes weighted by `δ^age`, so with that weight `μ` comes
//! to about `(1 − δ)·(L − b)` and the expected path stays close to `L`: the decay and the
//! events the recent record leads one to expect offset each other. Intervals are read off the
//! model's own past errors at each horizon (each from the drift at its own origin), standardised
//! by the volatility of the one-step surprises at their origins and rescaled by today's
//! (filtered historical simulation) when the past errors hold at least 40 independent ones per
//! horizon; Gaussian with their root mean square when there are fewer; Gaussian propagation of
//! today's volatility through the decay with fewer than 40 errors. Nothing after the origin is
//! used.
//!
//! **The event flow** ([`flow`]): monthly event counts and the net Goldstein flow, forecast by their
//! exponentially weighted rates, with intervals read off past errors in the same way.
//!
//! ```
//! use dyad_analysis::forecast::forecast;
//! use dyad_analysis::level::{level_series, LevelParams};
//! // No events: the level only decays toward the baseline, and the forecast says so exactly.
//! let s = level_series(&[], &LevelParams::default(), Some("2000-01".parse().unwrap()),
//!     Some("2005-12".parse().unwrap()));
//! let f = forecast(&s, 3);
//! assert_eq!(f.points.len(), 3);
//! let expected = 4.0 * 0.5f64.powf(74.0 / 36.0);
//! assert!((f.points[2].level - expected).abs() < 1e-9);
//! assert!(f.points[0].lo95 <= f.points[0].lo80 && f.points[0].hi80 <= f.points[0].hi95);
//! ```

pub mod flow;
mod score;

pub use flow::{flow_backtest, flow_forecast, FlowBacktest, FlowForecast};
pub use score::{Backtest, HorizonScore};

use crate::level::{LevelSeries, MAX_LEVEL};
use crate::series::Month;
use serde::Serialize;

pub(crate) const Z80: f64 = 1.281_551_565_545;
pub(crate) const Z95: f64 = 1.959_963_984_540;

/// The parameters of the forecasts (level and event flow); `Default` gives the documented values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastParams {
    /// Half-life, in months, of the exponential weights of the recent record: the volatility of
    /// the event changes and the event-flow rates (36, the level's memory half-life).
    pub memory_half_life_months: f64,
    /// Fewest (independent) past errors at a horizon from which intervals are read as quantiles
    /// (40: fewer cannot place a 2.5% tail); below it, Gaussian intervals. For the level, whose
    /// `h`-month errors from consecutive origins overlap, `40·h` errors are needed for quantiles,
    /// and at least 40 for the Gaussian interval from their root mean square.
    pub min_errors: usize,
}

impl Default for ForecastParams {
    fn default() -> Self {
        ForecastParams {
            memory_half_life_months: 36.0,
            min_errors: 40,
        }
    }
}

impl ForecastParams {
    /// The monthly weight `λ = 0.5^(1/half_life)` of the recent record (1.0 for a non-positive
    /// or non-finite half-life: all months weigh the same).
    pub fn retention(&self) -> f64 {
        let h = self.memory_half_life_months;
        if h.is_finite() && h > 0.0 {
            0.5f64.powf(1.0 / h)
        } else {
            1.0
        }
    }
}

/// How the intervals of a forecast step were made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Intervals {
    /// Quantiles of the past errors at the horizon, rescaled by today's volatility.
    Quantiles,
    /// Gaussian, with the root mean square of the past errors at the horizon (too few
    /// independent ones for quantiles).
    Rms,
    /// Gaussian, with today's volatility (too few past errors).
    Volatility,
}

/// What the level model took from the months up to the origin.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LevelModel {
    /// The level's baseline `b` and monthly retention `δ` (from the level's parameters).
    pub baseline: f64,
    pub retention: f64,
    /// `μ`: expected monthly change of the level due to events, their exponentially weighted
    /// mean over the months after the first (half-life `memory_half_life_months`).
    pub event_drift: f64,
    /// Today's volatility of the monthly event changes around the drift of the month before
    /// (exponentially weighted root mean square of the one-step surprises).
    pub volatility: f64,
    /// Months used.
    pub n: usize,
}

/// One forecast step.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ForecastStep {
    /// Steps ahead, from 1.
    pub h: usize,
    /// The point forecast (for the event flow: the value of the series).
    pub level: f64,
    pub lo80: f64,
    pub hi80: f64,
    pub lo95: f64,
    pub hi95: f64,
    /// Past errors the intervals were read from; 0 = Gaussian intervals from the volatility.
    pub errors: usize,
    /// How the intervals were made.
    pub intervals: Intervals,
}

/// A dated forecast of the level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastPoint {
    pub period: Month,
    pub h: usize,
    pub level: f64,
    pub lo80: f64,
    pub hi80: f64,
    pub lo95: f64,
    pub hi95: f64,
    /// Past errors the intervals were read from; 0 = Gaussian intervals from the volatility.
    pub errors: usize,
    /// How the intervals were made.
    pub intervals: Intervals,
}

impl ForecastPoint {
    fn of(origin: Month, s: &ForecastStep) -> ForecastPoint {
        ForecastPoint {
            period: origin.plus(s.h as i32),
            h: s.h,
            level: s.level,
            lo80: s.lo80,
            hi80: s.hi80,
            lo95: s.lo95,
            hi95: s.hi95,
            errors: s.errors,
            intervals: s.intervals,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    /// Last observed month.
    pub origin: Option<Month>,
    pub model: Option<LevelModel>,
    pub points: Vec<ForecastPoint>,
}

/// The expected path `h` months from `start` with no surprise: memory toward `baseline` at
/// `retention`, then the `drift`; the level stays on the scale.
fn path(
    start: f64,
    baseline: f64,
    retention: f64,
    drift: f64,
    h: usize,
) -> impl Iterator<Item = f64> {
    let mut l = start;
    (0..h).map(move |_| {
        l = (baseline + (l - baseline) * retention + drift).clamp(-MAX_LEVEL, MAX_LEVEL);
        l
    })
}

/// The level model at the last of `levels` (month-end levels) with `changes` (each month's
/// change due to events), and its forecast `1..=h`. Uses nothing else. `None` for no months.
fn level_at(
    levels: &[f64],
    changes: &[f64],
    baseline: f64,
    retention: f64,
    params: &ForecastParams,
    h: usize,
) -> Option<(LevelModel, Vec<ForecastStep>)> {
    let n = levels.len().min(changes.len());
    let (levels, changes) = (&levels[..n], &changes[..n]);
    let last = *levels.last()?;
    let lambda = params.retention();
    // drift[t]: the expected event change as seen at month t, from the changes of months 1..=t
    // (the first month's change is measured from the assumed start level, so it is left out).
    let drift: Vec<f64> = std::iter::once(0.0)
        .chain(flow::rates(&changes[1..], lambda))
        .collect();
    // u[t]: month t's surprise, its event change less the drift expected the month before.
    let u: Vec<f64> = std::iter::once(0.0)
        .chain((1..n).map(|t| changes[t] - drift[t - 1]))
        .collect();
    let vol = score::ew_volatility(&u, lambda);
    let model = LevelModel {
        baseline,
        retention,
        event_drift: drift[n - 1],
        volatility: vol[n - 1],
        n,
    };
    // z[j-1]: past (j)-month errors of the model, each from the drift at its own origin and
    // over the volatility there.
    let mut z: Vec<Vec<f64>> = vec![Vec::new(); h];
    for t in 0..n - 1 {
        let from_t = path(levels[t], baseline, retention, drift[t], h.min(n - 1 - t));
        for (j, p) in from_t.enumerate() {
            let e = levels[t + j + 1] - p;
            z[j].push(if vol[t] > 0.0 { e / vol[t] } else { 0.0 });
        }
    }
    let mut var_sum = 0.0; // Σ_{j<k} δ^{2j}
    let steps = path(last, baseline, retention, model.event_drift, h)
        .zip(z)
        .enumerate()
        .map(|(j, (point, z))| {
            var_sum += retention.powi(2 * j as i32);
            let propagated = model.volatility * var_sum.sqrt();
            let off =
                score::level_offsets(z, j + 1, model.volatility, propagated, params.min_errors);
            score::step(j + 1, point, off, -MAX_LEVEL, MAX_LEVEL)
        })
        .collect();
    Some((model, steps))
}

fn series_parts(series: &LevelSeries) -> (Vec<f64>, Vec<f64>, f64, f64) {
    let p = &series.params;
    let baseline = if p.baseline.is_finite() {
        p.baseline.clamp(-MAX_LEVEL, MAX_LEVEL)
    } else {
        0.0
    };
    (
        series.levels(),
        series.points.iter().map(|p| p.event_sum).collect(),
        baseline,
        p.monthly_retention(),
    )
}

/// Forecasts the level `h` months beyond the end of the series, with the default parameters.
pub fn forecast(series: &LevelSeries, h: usize) -> Forecast {
    forecast_with(series, h, &ForecastParams::default())
}

/// Forecasts the level `h` months beyond the end of the series.
pub fn forecast_with(series: &LevelSeries, h: usize, params: &ForecastParams) -> Forecast {
    let origin = series.points.last().map(|p| p.period);
    let (levels, changes, baseline, retention) = series_parts(series);
    match (
        origin,
        level_at(&levels, &changes, baseline, retention, params, h),
    ) {
        (Some(o), Some((model, steps))) => Forecast {
            origin,
            model: Some(model),
            points: steps.iter().map(|s| ForecastPoint::of(o, s)).collect(),
        },
        _ => Forecast {
            origin,
            model: None,
            points: Vec::new(),
        },
    }
}

/// Parameters of [`backtest`] and [`flow::flow_backtest`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacktestParams {
    /// First forecast origin (the last month the model sees); `None` = 60 months after the start.
    pub first_origin: Option<Month>,
    /// Months between origins (12).
    pub step: usize,
    /// Horizons 1..=horizon (12).
    pub horizon: usize,
}

impl Default for BacktestParams {
    fn default() -> Self {
        BacktestParams {
            first_origin: None,
            step: 12,
            horizon: 12,
        }
    }
}

/// Rolling-origin backtest of the level forecast with the default parameters.
pub fn backtest(series: &LevelSeries, params: &BacktestParams) -> Backtest {
    backtest_with(series, params, &ForecastParams::default())
}

/// Rolling-origin backtest: at each origin the model sees the months up to it only and forecasts
/// `1..=horizon`; outcomes beyond the series are not scored. Persistence and the long-run mean
/// are scored on the same origins. Numbers are as computed.
pub fn backtest_with(
    series: &LevelSeries,
    params: &BacktestParams,
    forecast: &ForecastParams,
) -> Backtest {
    let (levels, changes, baseline, retention) = series_parts(series);
    let start = series.points.first().map(|p| p.period);
    score::run(&levels, start, params, |o, h| {
        level_at(
            &levels[..=o],
            &changes[..=o],
            baseline,
            retention,
            forecast,
            h,
        )
        .map(|m| m.1)
        .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::tests::obs;
    use crate::level::{level_series, LevelParams};

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    #[test]
    fn pure_decay_is_forecast_exactly_with_no_width() {
        let p = LevelParams::default();
        let s = level_series(&[], &p, Some(m("2000-01")), Some(m("2010-12")));
        let f = forecast(&s, 12);
        let d = p.monthly_retention();
        let last = s.points.last().unwrap().level;
        for pt in &f.points {
            let want = last * d.powi(pt.h as i32);
            assert!((pt.level - want).abs() < 1e-12, "{pt:?}");
            assert!(pt.hi95 - pt.lo95 < 1e-12, "{pt:?}");
        }
        let model = f.model.unwrap();
        assert_eq!((model.event_drift, model.volatility), (0.0, 0.0));
        assert_eq!(f.origin, Some(m("2010-12")));
        let b = backtest(&s, &BacktestParams::default());
        assert!(b.overall.n > 0);
        assert!(b.overall.mae < 1e-12, "{b:#?}");
        assert!(b.overall.mae_naive > 0.01, "{b:#?}");
        assert_eq!(b.skill_1_6, Some(1.0));
        assert_eq!(b.overall.coverage95, 1.0);
        assert!(forecast(&level_series(&[], &p, None, None), 3)
            .points
            .is_empty());
    }

    #[test]
    fn drift_follows_past_events_and_intervals_nest() {
        // One cooperative event every month: the forecast keeps rising toward the balance of
        // memory and drift, within the scale.
        let p = LevelParams::default();
        let ev: Vec<_> = (0..120)
            .map(|i| {
                let date = format!("{}-{:02}-10", 2000 + i / 12, i % 12 + 1);
                let mut o = obs(
                    i64::from(i),
                    &date,
                    "USA",
                    "RUS",
                    1,
                    3.0 + f64::from(i % 3),
                    &[],
                );
                o.rank = Some(1);
                o
            })
            .collect();
        let s = level_series(&ev, &p, None, None);
        let f = forecast(&s, 24);
        let model = f.model.unwrap();
        assert!(model.event_drift > 0.0 && model.volatility > 0.0);
        for w in f.points.windows(2) {
            assert!(w[1].level >= w[0].level - 1e-12);
        }
        for pt in &f.points {
            assert!(pt.lo95 <= pt.lo80 && pt.lo80 <= pt.level && pt.level <= pt.hi80);
            assert!(pt.hi80 <= pt.hi95 && pt.lo95 >= -9.0 && pt.hi95 <= 9.0);
        }
        // 119 past one-step errors: quantile intervals.
        assert_eq!(f.points[0].errors, 119);
    }

    #[test]
    fn the_drift_is_the_weighted_recent_rate_of_events() {
        // A year of cooperation, then two years of one conflictual act a month: the weighted
        // rate is computed by hand from the series' own changes, and it is the recent, negative
        // one that the forecast expects, not the all-time mean.
        let p = LevelParams::default();
        let ev: Vec<_> = (0..36)
            .map(|i| {
                let date = format!("{}-{:02}-10", 2000 + i / 12, i % 12 + 1);
                let g = if i < 12 { 6.0 } else { -2.0 };
                obs(i64::from(i), &date, "USA", "RUS", 1, g, &[])
            })
            .collect();
        let s = level_series(&ev, &p, None, None);
        let lambda = ForecastParams::default().retention();
        let (mut num, mut den) = (0.0, 0.0);
        for pt in &s.points[1..] {
            num = lambda * num + pt.event_sum;
            den = lambda * den + 1.0;
        }
        let f = forecast(&s, 6);
        let model = f.model.unwrap();
        assert!((model.event_drift - num / den).abs() < 1e-12, "{model:?}");
        let mean = s.points[1..].iter().map(|p| p.event_sum).sum::<f64>() / 35.0;
        assert!(model.event_drift < mean, "{} {mean}", model.event_drift);
        let (d, last) = (p.monthly_retention(), s.points[35].level);
        assert!((f.points[0].level - (last * d + num / den)).abs() < 1e-12);
        // 35 past one-step errors: too few for anything but the volatility.
        assert!(f
            .points
            .iter()
            .all(|p| p.intervals == Intervals::Volatility));
    }

    #[test]
    fn short_records_get_gaussian_intervals() {
        let p = LevelParams::default();
        let ev = vec![
            obs(1, "2000-01-05", "USA", "RUS", 4, -8.0, &[]),
            obs(2, "2000-03-05", "USA", "RUS", 1, 4.0, &[]),
        ];
        let s = level_series(&ev, &p, None, Some(m("2000-12")));
        let f = forecast(&s, 6);
        assert!(f.points.iter().all(|p| p.errors == 0));
        assert!(f.points[5].hi95 - f.points[5].lo95 > f.points[0].hi95 - f.points[0].lo95);
    }

    #[test]
    fn backtest_uses_nothing_after_the_origin() {
        // Two series equal up to 2004-12 and different after: the forecasts from origins up to
        // then must be the same.
        let p = LevelParams::default();
        let base: Vec<_> = (0..60)
            .map(|i| {
                let date = format!("{}-{:02}-10", 2000 + i / 12, i % 12 + 1);
                obs(
                    i64::from(i),
                    &date,
                    "USA",
                    "RUS",
                    1 + (i % 4) as u8,
                    2.0 - f64::from(i % 5),
                    &[],
                )
            })
            .collect();
        let mut more = base.clone();
        more.push(obs(100, "2005-03-01", "USA", "RUS", 4, -10.0, &[]));
        let a = level_series(&base, &p, None, Some(m("2006-12")));
        let b = level_series(&more, &p, None, Some(m("2006-12")));
        let cut = |s: &LevelSeries| {
            let mut s = s.clone();
            s.points.retain(|p| p.period <= m("2004-12"));
            forecast(&s, 12)
        };
        assert_eq!(cut(&a), cut(&b));
        let params = BacktestParams {
            first_origin: Some(m("2002-12")),
            ..BacktestParams::default()
        };
        let (ba, bb) = (backtest(&a, &params), backtest(&b, &params));
        assert_eq!(ba.origins, bb.origins);
        // The 2002-12 origin's 12 forecasts end in 2003-12, before the series differ.
        assert_eq!(ba.per_horizon[0].n, 4);
        assert!(ba
            .per_horizon
            .iter()
            .all(|h| h.mae_mean >= 0.0 && h.skill.is_some()));
    }
}
