//! Forecasts of the monthly level and their rolling-origin backtest.
//!
//! The model is additive-error exponential smoothing with a damped additive trend, ETS(A,Ad,N)
//! (Hyndman, Koehler, Ord & Snyder 2008): `ŷ = l + φ b`, `l ← l + φ b + α e`, `b ← φ b + β e`.
//! α, β and φ are chosen on a fixed grid by the smallest in-sample one-step squared error. The
//! h-step variance is `σ² [1 + Σ_{j<h} (α + β φ_j)²]` with `φ_j = φ + … + φ^j` (their Table 6.1);
//! σ² is the residual variance. Intervals are `± z·sd` (z = 1.2816 for 80%, 1.9600 for 95%),
//! then clamped to −9..+9: clamping is monotone, so the 95% interval still contains the 80% one.
//!
//! ```
//! use dyad_analysis::forecast::forecast_values;
//! let f = forecast_values(&[1.0, 1.5, 2.0, 2.2, 2.1, 2.6, 3.0, 2.8], 3);
//! assert_eq!(f.steps.len(), 3);
//! assert!(f.steps[0].lo95 <= f.steps[0].lo80 && f.steps[0].hi80 <= f.steps[0].hi95);
//! ```

use crate::level::{LevelSeries, MAX_LEVEL};
use crate::series::Month;
use serde::Serialize;

const Z80: f64 = 1.281_551_565_545;
const Z95: f64 = 1.959_963_984_540;
const ALPHAS: [f64; 10] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
const BETAS: [f64; 5] = [0.0, 0.01, 0.05, 0.1, 0.2];
const PHIS: [f64; 5] = [0.8, 0.9, 0.95, 0.98, 1.0];

/// The fitted smoothing parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EtsFit {
    pub alpha: f64,
    pub beta: f64,
    pub phi: f64,
    /// Residual standard deviation of one-step errors.
    pub sigma: f64,
    /// Final level and trend states.
    pub level: f64,
    pub trend: f64,
    pub n: usize,
}

/// One forecast step.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ForecastStep {
    /// Steps ahead, from 1.
    pub h: usize,
    pub level: f64,
    pub lo80: f64,
    pub hi80: f64,
    pub lo95: f64,
    pub hi95: f64,
}

/// A forecast from the end of a series of values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueForecast {
    /// `None` when there were no usable values.
    pub fit: Option<EtsFit>,
    pub steps: Vec<ForecastStep>,
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
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    /// Last observed month.
    pub origin: Option<Month>,
    pub fit: Option<EtsFit>,
    pub points: Vec<ForecastPoint>,
}

fn sse(y: &[f64], alpha: f64, beta: f64, phi: f64) -> (f64, f64, f64) {
    let mut l = y[0];
    let mut b = if y.len() > 1 { y[1] - y[0] } else { 0.0 };
    let mut sse = 0.0;
    for &v in &y[1..] {
        let e = v - (l + phi * b);
        sse += e * e;
        l = l + phi * b + alpha * e;
        b = phi * b + beta * e;
    }
    (sse, l, b)
}

/// Fits ETS(A,Ad,N) on the grid. Non-finite values are dropped. `None` for no values.
pub fn fit(values: &[f64]) -> Option<EtsFit> {
    let y: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if y.is_empty() {
        return None;
    }
    if y.len() < 3 {
        let last = y[y.len() - 1];
        let sigma = if y.len() == 2 {
            (y[1] - y[0]).abs()
        } else {
            0.0
        };
        return Some(EtsFit {
            alpha: 1.0,
            beta: 0.0,
            phi: 0.8,
            sigma,
            level: last,
            trend: 0.0,
            n: y.len(),
        });
    }
    let mut best: Option<(f64, EtsFit)> = None;
    for &alpha in &ALPHAS {
        for &beta in BETAS.iter().filter(|&&b| b <= alpha) {
            for &phi in &PHIS {
                let (s, l, b) = sse(&y, alpha, beta, phi);
                let better = match &best {
                    None => true,
                    Some((b, _)) => s < *b,
                };
                if s.is_finite() && better {
                    let dof = (y.len() as f64 - 1.0 - 3.0).max(1.0);
                    best = Some((
                        s,
                        EtsFit {
                            alpha,
                            beta,
                            phi,
                            sigma: (s / dof).sqrt(),
                            level: l,
                            trend: b,
                            n: y.len(),
                        },
                    ));
                }
            }
        }
    }
    best.map(|b| b.1)
}

/// Forecast `h` steps from a fitted model.
pub fn forecast_from(fit: &EtsFit, h: usize) -> Vec<ForecastStep> {
    let mut out = Vec::with_capacity(h);
    let mut phi_sum = 0.0; // φ + … + φ^k
    let mut var_sum = 0.0; // Σ_{j<k} (α + β φ_j)²
    let mut phi_pow = 1.0;
    for k in 1..=h {
        phi_pow *= fit.phi;
        let prev_phi_sum = phi_sum;
        phi_sum += phi_pow;
        if k > 1 {
            var_sum += (fit.alpha + fit.beta * prev_phi_sum).powi(2);
        }
        let point = fit.level + phi_sum * fit.trend;
        let sd = fit.sigma * (1.0 + var_sum).sqrt();
        let c = |v: f64| {
            if v.is_finite() {
                v.clamp(-MAX_LEVEL, MAX_LEVEL)
            } else {
                0.0
            }
        };
        let level = c(point);
        out.push(ForecastStep {
            h: k,
            level,
            lo80: c(point - Z80 * sd).min(level),
            hi80: c(point + Z80 * sd).max(level),
            lo95: c(point - Z95 * sd).min(level),
            hi95: c(point + Z95 * sd).max(level),
        });
    }
    out
}

/// Fits and forecasts `h` steps from the end of `values`.
pub fn forecast_values(values: &[f64], h: usize) -> ValueForecast {
    match fit(values) {
        Some(f) => ValueForecast {
            fit: Some(f),
            steps: forecast_from(&f, h),
        },
        None => ValueForecast {
            fit: None,
            steps: Vec::new(),
        },
    }
}

/// Forecasts the level `h` months beyond the end of the series.
pub fn forecast(series: &LevelSeries, h: usize) -> Forecast {
    let origin = series.points.last().map(|p| p.period);
    let v = forecast_values(&series.levels(), h);
    let points = match origin {
        Some(o) => v
            .steps
            .iter()
            .map(|s| ForecastPoint {
                period: o.plus(s.h as i32),
                h: s.h,
                level: s.level,
                lo80: s.lo80,
                hi80: s.hi80,
                lo95: s.lo95,
                hi95: s.hi95,
            })
            .collect(),
        None => Vec::new(),
    };
    Forecast {
        origin,
        fit: v.fit,
        points,
    }
}

/// Parameters of [`backtest`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacktestParams {
    /// First forecast origin (the last month used for fitting); `None` = 60 months after the start.
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

/// Scores at one horizon, over all origins that reach it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HorizonScore {
    pub h: usize,
    /// Forecasts scored.
    pub n: usize,
    /// Mean absolute error of the model.
    pub mae: f64,
    /// Mean absolute error of naive persistence (the origin's value carried forward).
    pub mae_naive: f64,
    /// Model MAE scaled by each origin's in-sample one-step naive MAE (Hyndman & Koehler 2006).
    pub mase: f64,
    /// The same scaling applied to naive persistence (its MASE at this horizon).
    pub mase_naive: f64,
    /// Share of outcomes inside the 80% / 95% intervals.
    pub coverage80: f64,
    pub coverage95: f64,
}

/// The rolling-origin evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backtest {
    pub origins: Vec<Month>,
    pub per_horizon: Vec<HorizonScore>,
    /// All horizons pooled (`h` = 0).
    pub overall: HorizonScore,
}

/// Rolling-origin backtest: at each origin the model is refitted on the months up to it and
/// forecasts `1..=horizon`; outcomes beyond the series are not scored. Numbers are as computed.
pub fn backtest(series: &LevelSeries, params: &BacktestParams) -> Backtest {
    let y = series.levels();
    let horizon = params.horizon.max(1);
    let step = params.step.max(1);
    let start = series.points.first().map(|p| p.period);
    let first_idx = match (params.first_origin, start) {
        (Some(o), Some(s)) => s.until(o).max(2) as usize,
        (None, Some(_)) => 60,
        _ => usize::MAX,
    };
    let mut origins = Vec::new();
    // acc[h-1] = (n, abs err, abs naive err, scaled err, scaled naive err, in80, in95)
    let mut acc = vec![(0usize, 0.0, 0.0, 0.0, 0.0, 0usize, 0usize); horizon];
    let mut o = first_idx;
    while o < y.len().saturating_sub(1) {
        let train = &y[..=o];
        let scale = {
            let d: f64 = train.windows(2).map(|w| (w[1] - w[0]).abs()).sum();
            d / (train.len() - 1).max(1) as f64
        };
        let f = forecast_values(train, horizon);
        origins.push(series.points[o].period);
        for s in &f.steps {
            let Some(&actual) = y.get(o + s.h) else { break };
            let a = &mut acc[s.h - 1];
            let e = (actual - s.level).abs();
            let en = (actual - y[o]).abs();
            a.0 += 1;
            a.1 += e;
            a.2 += en;
            if scale > 0.0 {
                a.3 += e / scale;
                a.4 += en / scale;
            }
            a.5 += usize::from(actual >= s.lo80 && actual <= s.hi80);
            a.6 += usize::from(actual >= s.lo95 && actual <= s.hi95);
        }
        o += step;
    }
    let score = |h: usize, a: &(usize, f64, f64, f64, f64, usize, usize)| {
        let n = a.0.max(1) as f64;
        HorizonScore {
            h,
            n: a.0,
            mae: a.1 / n,
            mae_naive: a.2 / n,
            mase: a.3 / n,
            mase_naive: a.4 / n,
            coverage80: a.5 as f64 / n,
            coverage95: a.6 as f64 / n,
        }
    };
    let per_horizon: Vec<HorizonScore> = acc
        .iter()
        .enumerate()
        .map(|(i, a)| score(i + 1, a))
        .collect();
    let total = acc.iter().fold((0, 0.0, 0.0, 0.0, 0.0, 0, 0), |t, a| {
        (
            t.0 + a.0,
            t.1 + a.1,
            t.2 + a.2,
            t.3 + a.3,
            t.4 + a.4,
            t.5 + a.5,
            t.6 + a.6,
        )
    });
    Backtest {
        origins,
        per_horizon,
        overall: score(0, &total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::level::{level_series, LevelParams};

    #[test]
    fn flat_series_forecasts_flat_with_nested_intervals() {
        let f = forecast_values(&[2.0; 24], 6);
        for s in &f.steps {
            assert!((s.level - 2.0).abs() < 1e-9);
            assert!(s.lo95 <= s.lo80 && s.lo80 <= s.level && s.level <= s.hi80 && s.hi80 <= s.hi95);
        }
        assert!(forecast_values(&[], 3).steps.is_empty());
        assert_eq!(forecast_values(&[1.0], 2).steps.len(), 2);
        assert_eq!(forecast_values(&[f64::NAN, 1.0, 2.0], 2).steps.len(), 2);
    }

    #[test]
    fn trend_is_damped_and_clamped() {
        let y: Vec<f64> = (0..40).map(|i| -8.0 + 0.4 * i as f64).collect();
        let f = forecast_values(&y, 24);
        assert!(f.steps[0].level > y[39]);
        assert!(f.steps.iter().all(|s| s.hi95 <= 9.0 && s.lo95 >= -9.0));
        let widths: Vec<f64> = f.steps.iter().map(|s| s.hi95 - s.lo95).collect();
        assert!(widths[0] <= widths[5] + 1e-12);
    }

    #[test]
    fn backtest_scores_every_horizon() {
        let s = level_series(
            &[],
            &LevelParams::default(),
            Some("2000-01".parse().unwrap()),
            Some("2010-12".parse().unwrap()),
        );
        let b = backtest(
            &s,
            &BacktestParams {
                first_origin: Some("2003-01".parse().unwrap()),
                ..BacktestParams::default()
            },
        );
        assert_eq!(b.origins.first().unwrap().to_string(), "2003-01");
        assert_eq!(b.per_horizon.len(), 12);
        assert!(b.per_horizon[0].n >= b.per_horizon[11].n);
        assert!(b.overall.n > 0);
        // Pure exponential decay: the damped-trend model tracks it closely.
        assert!(b.overall.mae < b.overall.mae_naive, "{b:#?}");
        let empty = level_series(&[], &LevelParams::default(), None, None);
        assert!(backtest(&empty, &BacktestParams::default())
            .origins
            .is_empty());
    }
}
