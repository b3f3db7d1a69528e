//! What forecasting models share: intervals read off past errors, and the rolling-origin
//! backtest that scores a model against naive persistence and the long-run mean.

use super::{BacktestParams, ForecastStep, Intervals, Z80, Z95};
use crate::series::Month;
use serde::Serialize;

/// The `p`-quantile of `v` by linear interpolation between order statistics (Hyndman & Fan 1996,
/// definition 7). `v` must be sorted and not empty.
pub(crate) fn quantile(v: &[f64], p: f64) -> f64 {
    let x = p.clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let i = x.floor() as usize;
    let f = x - i as f64;
    match v.get(i + 1) {
        Some(&next) => v[i] * (1.0 - f) + next * f,
        None => v[i],
    }
}

/// Exponentially weighted volatility: entry `t ≥ 1` is the root of the weighted mean of
/// `u[1..=t]²`, weight `λ^(t−k)` for month `k` (normalised by the sum of the weights, so no
/// starting value is needed); entry 0, before any `u`, repeats entry 1 (0 without one).
pub(crate) fn ew_volatility(u: &[f64], retention: f64) -> Vec<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    let mut out: Vec<f64> = u
        .iter()
        .skip(1)
        .map(|x| {
            num = retention * num + x * x;
            den = retention * den + 1.0;
            (num / den).sqrt()
        })
        .collect();
    out.insert(0, out.first().copied().unwrap_or(0.0));
    out.truncate(u.len());
    out
}

/// Interval offsets `(lo95, lo80, hi80, hi95)` around the point forecast at one horizon.
///
/// With at least `min_errors` past errors, standardised by the volatility at their own origins,
/// their 2.5%, 10%, 90% and 97.5% quantiles times today's volatility (filtered historical
/// simulation, Barone-Adesi, Giannopoulos & Vosper 1999); otherwise Gaussian with standard
/// deviation `gaussian_sd`. Returns the offsets, how many errors they were read from (0 for
/// Gaussian) and which kind of interval it is.
pub(crate) fn offsets(
    mut z: Vec<f64>,
    volatility: f64,
    gaussian_sd: f64,
    min_errors: usize,
) -> ([f64; 4], usize, Intervals) {
    if z.len() >= min_errors.max(1) {
        z.sort_by(f64::total_cmp);
        let q = |p| volatility * quantile(&z, p);
        (
            [q(0.025), q(0.10), q(0.90), q(0.975)],
            z.len(),
            Intervals::Quantiles,
        )
    } else {
        (gaussian(gaussian_sd), 0, Intervals::Volatility)
    }
}

/// Gaussian offsets `(lo95, lo80, hi80, hi95)` for a standard deviation `sd`.
fn gaussian(sd: f64) -> [f64; 4] {
    let sd = sd.max(0.0);
    [-Z95 * sd, -Z80 * sd, Z80 * sd, Z95 * sd]
}

/// Interval offsets of the level at horizon `h` from its past `h`-month errors `z`, standardised
/// as for [`offsets`].
///
/// Past `h`-month errors from consecutive origins overlap: `n` of them hold only about `n / h`
/// independent ones. So the quantiles are read only when that is at least `min_errors`
/// (`n ≥ min_errors · h`); with fewer, but at least `min_errors` errors in all, the interval is
/// Gaussian with the errors' root mean square times today's volatility (a scale `n / h` errors can
/// estimate, where they cannot place a 2.5% tail); with fewer still, Gaussian with `gaussian_sd`
/// (today's volatility propagated through the decay).
pub(crate) fn level_offsets(
    z: Vec<f64>,
    h: usize,
    volatility: f64,
    gaussian_sd: f64,
    min_errors: usize,
) -> ([f64; 4], usize, Intervals) {
    let min_errors = min_errors.max(1);
    if z.len() >= min_errors.saturating_mul(h.max(1)) {
        offsets(z, volatility, gaussian_sd, min_errors)
    } else if z.len() >= min_errors {
        let rms = (z.iter().map(|e| e * e).sum::<f64>() / z.len() as f64).sqrt();
        (gaussian(volatility * rms), z.len(), Intervals::Rms)
    } else {
        offsets(z, volatility, gaussian_sd, usize::MAX)
    }
}

/// One forecast step from a point and its interval offsets, each bound kept within `lo..=hi` and
/// the 80% interval containing the point (clamping is monotone, so the 95% interval still
/// contains the 80% one).
pub(crate) fn step(
    h: usize,
    point: f64,
    (off, errors, intervals): ([f64; 4], usize, Intervals),
    lo: f64,
    hi: f64,
) -> ForecastStep {
    let c = |v: f64| if v.is_finite() { v.clamp(lo, hi) } else { 0.0 };
    let level = c(point);
    let lo80 = c(point + off[1]).min(level);
    let hi80 = c(point + off[2]).max(level);
    ForecastStep {
        h,
        level,
        lo80,
        hi80,
        lo95: c(point + off[0]).min(lo80),
        hi95: c(point + off[3]).max(hi80),
        errors,
        intervals,
    }
}

/// Scores at one horizon (or pooled over several, `h` = 0), over all origins that reach it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HorizonScore {
    pub h: usize,
    /// Forecasts scored.
    pub n: usize,
    /// Mean absolute error of the model.
    pub mae: f64,
    /// Mean absolute error of naive persistence (the origin's value carried forward).
    pub mae_naive: f64,
    /// Mean absolute error of the long-run mean (the mean of all months up to the origin).
    pub mae_mean: f64,
    /// Model MAE scaled by each origin's in-sample one-step naive MAE (Hyndman & Koehler 2006).
    pub mase: f64,
    /// The same scaling applied to naive persistence (its MASE at this horizon).
    pub mase_naive: f64,
    /// The same scaling applied to the long-run mean.
    pub mase_mean: f64,
    /// Skill against persistence, `1 − mae / mae_naive`: 0.10 is 10% less error than
    /// persistence, negative is worse. `None` when persistence made no error.
    pub skill: Option<f64>,
    /// Skill against the long-run mean, `1 − mae / mae_mean`.
    pub skill_mean: Option<f64>,
    /// Share of outcomes inside the 80% / 95% intervals.
    pub coverage80: f64,
    pub coverage95: f64,
}

/// The rolling-origin evaluation of one forecast series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backtest {
    pub origins: Vec<Month>,
    pub per_horizon: Vec<HorizonScore>,
    /// All horizons pooled (`h` = 0).
    pub overall: HorizonScore,
    /// Horizons 1–6 pooled (`h` = 0; fewer when the backtest's horizon is shorter).
    pub pooled_1_6: HorizonScore,
    /// `pooled_1_6.skill`: the model's skill against persistence over horizons 1–6.
    pub skill_1_6: Option<f64>,
    /// `pooled_1_6.skill_mean`: against the long-run mean over horizons 1–6.
    pub skill_mean_1_6: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    n: usize,
    ae: f64,
    ae_naive: f64,
    ae_mean: f64,
    se: f64,
    se_naive: f64,
    se_mean: f64,
    in80: usize,
    in95: usize,
}

impl Acc {
    fn add(&mut self, o: &Acc) {
        self.n += o.n;
        self.ae += o.ae;
        self.ae_naive += o.ae_naive;
        self.ae_mean += o.ae_mean;
        self.se += o.se;
        self.se_naive += o.se_naive;
        self.se_mean += o.se_mean;
        self.in80 += o.in80;
        self.in95 += o.in95;
    }

    fn score(&self, h: usize) -> HorizonScore {
        let n = self.n.max(1) as f64;
        let skill = |model: f64, base: f64| (base > 0.0).then(|| 1.0 - model / base);
        HorizonScore {
            h,
            n: self.n,
            mae: self.ae / n,
            mae_naive: self.ae_naive / n,
            mae_mean: self.ae_mean / n,
            mase: self.se / n,
            mase_naive: self.se_naive / n,
            mase_mean: self.se_mean / n,
            skill: skill(self.ae, self.ae_naive),
            skill_mean: skill(self.ae, self.ae_mean),
            coverage80: self.in80 as f64 / n,
            coverage95: self.in95 as f64 / n,
        }
    }
}

/// The index of the first origin: `params.first_origin` counted from `start` (at least 2), else
/// 60 months after the start.
pub(crate) fn first_index(params: &BacktestParams, start: Option<Month>) -> usize {
    match (params.first_origin, start) {
        (Some(o), Some(s)) => s.until(o).max(2) as usize,
        (None, Some(_)) => 60,
        _ => usize::MAX,
    }
}

/// Rolling-origin backtest of `y` (monthly, month `i` = `start + i`): at each origin `o` the
/// model sees `y[..=o]` only (`model(o, horizon)` must respect that) and forecasts
/// `1..=horizon`; outcomes beyond the series are not scored.
pub(crate) fn run(
    y: &[f64],
    start: Option<Month>,
    params: &BacktestParams,
    model: impl Fn(usize, usize) -> Vec<ForecastStep>,
) -> Backtest {
    let horizon = params.horizon.max(1);
    let step = params.step.max(1);
    let mut origins = Vec::new();
    let mut acc = vec![Acc::default(); horizon];
    let mut o = first_index(params, start);
    while o < y.len().saturating_sub(1) {
        let train = &y[..=o];
        let scale = {
            let d: f64 = train.windows(2).map(|w| (w[1] - w[0]).abs()).sum();
            d / (train.len() - 1).max(1) as f64
        };
        let mean = train.iter().sum::<f64>() / train.len() as f64;
        if let Some(s) = start {
            origins.push(s.plus(o as i32));
        }
        for s in model(o, horizon) {
            let Some(&actual) = y.get(o + s.h) else { break };
            let a = &mut acc[s.h - 1];
            let e = (actual - s.level).abs();
            let en = (actual - y[o]).abs();
            let em = (actual - mean).abs();
            a.n += 1;
            a.ae += e;
            a.ae_naive += en;
            a.ae_mean += em;
            if scale > 0.0 {
                a.se += e / scale;
                a.se_naive += en / scale;
                a.se_mean += em / scale;
            }
            a.in80 += usize::from(actual >= s.lo80 && actual <= s.hi80);
            a.in95 += usize::from(actual >= s.lo95 && actual <= s.hi95);
        }
        o += step;
    }
    let per_horizon: Vec<HorizonScore> = acc
        .iter()
        .enumerate()
        .map(|(i, a)| a.score(i + 1))
        .collect();
    let pooled = |k: usize| {
        let mut t = Acc::default();
        for a in acc.iter().take(k) {
            t.add(a);
        }
        t.score(0)
    };
    let pooled_1_6 = pooled(6);
    Backtest {
        origins,
        per_horizon,
        overall: pooled(horizon),
        skill_1_6: pooled_1_6.skill,
        skill_mean_1_6: pooled_1_6.skill_mean,
        pooled_1_6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_between_order_statistics() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&v, 0.0), 1.0);
        assert_eq!(quantile(&v, 0.5), 3.0);
        assert_eq!(quantile(&v, 1.0), 5.0);
        assert!((quantile(&v, 0.1) - 1.4).abs() < 1e-12);
        assert_eq!(quantile(&[7.0], 0.9), 7.0);
    }

    #[test]
    fn volatility_weighs_recent_months_more() {
        let v = ew_volatility(&[0.0, 1.0, 1.0, 1.0, 1.0], 0.5);
        assert!(v.iter().all(|&s| (s - 1.0).abs() < 1e-12), "{v:?}");
        // u² = 0, 0, 0, 16: weights 1/8, 1/4, 1/2, 1 → 16 / (15/8) = 8.533…
        let v = ew_volatility(&[9.0, 0.0, 0.0, 0.0, 4.0], 0.5);
        assert_eq!(&v[..4], &[0.0; 4]);
        assert!(
            (v[4] - (16.0f64 * 8.0 / 15.0).sqrt()).abs() < 1e-12,
            "{v:?}"
        );
        assert_eq!(ew_volatility(&[3.0], 0.5), vec![0.0]);
        assert!(ew_volatility(&[], 0.5).is_empty());
    }

    #[test]
    fn offsets_are_quantiles_or_gaussian() {
        let z: Vec<f64> = (0..=100).map(|i| f64::from(i) / 50.0 - 1.0).collect();
        let (o, n, kind) = offsets(z, 2.0, 9.0, 40);
        assert_eq!((n, kind), (101, Intervals::Quantiles));
        assert!(
            (o[1] + 1.6).abs() < 1e-9 && (o[2] - 1.6).abs() < 1e-9,
            "{o:?}"
        );
        let (g, n, kind) = offsets(vec![0.0; 3], 2.0, 1.0, 40);
        assert_eq!((n, kind), (0, Intervals::Volatility));
        assert!((g[3] - Z95).abs() < 1e-12 && (g[0] + Z95).abs() < 1e-12);
    }

    #[test]
    fn level_intervals_need_independent_errors_for_quantiles() {
        // 120 errors ±1 (root mean square 1): enough for quantiles one to three months ahead
        // (120 ≥ 40·3), a Gaussian from their root mean square beyond, the volatility below 40.
        let z: Vec<f64> = (0..120)
            .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let (q, n, kind) = level_offsets(z.clone(), 3, 2.0, 9.0, 40);
        assert_eq!((n, kind), (120, Intervals::Quantiles));
        assert_eq!(q, [-2.0, -2.0, 2.0, 2.0]);
        let (g, n, kind) = level_offsets(z.clone(), 4, 2.0, 9.0, 40);
        assert_eq!((n, kind), (120, Intervals::Rms));
        assert!((g[2] - 2.0 * Z80).abs() < 1e-12 && (g[0] + 2.0 * Z95).abs() < 1e-12);
        let (v, n, kind) = level_offsets(z[..39].to_vec(), 1, 2.0, 9.0, 40);
        assert_eq!((n, kind), (0, Intervals::Volatility));
        assert!((v[3] - 9.0 * Z95).abs() < 1e-12);
    }

    /// The scores of a model whose forecasts and intervals are known by hand.
    #[test]
    fn coverage_and_skill_are_counted_per_horizon() {
        // y: 0, 1, 2, …; a model that forecasts y[o] + h exactly at h = 1 and misses by 1 at h = 2,
        // with intervals ±0.5 (so h = 2 is never covered at 80%, always at 95% with ±1.5).
        let y: Vec<f64> = (0..20).map(f64::from).collect();
        let params = BacktestParams {
            first_origin: Some(Month::new(2000, 6)),
            step: 5,
            horizon: 2,
        };
        let b = run(&y, Some(Month::new(2000, 1)), &params, |o, _| {
            let p = |h: usize, miss: f64| {
                let point = y[o] + h as f64 + miss;
                ForecastStep {
                    h,
                    level: point,
                    lo80: point - 0.5,
                    hi80: point + 0.5,
                    lo95: point - 1.5,
                    hi95: point + 1.5,
                    errors: 0,
                    intervals: Intervals::Volatility,
                }
            };
            vec![p(1, 0.0), p(2, 1.0)]
        });
        assert_eq!(
            b.origins.iter().map(|m| m.to_string()).collect::<Vec<_>>(),
            ["2000-06", "2000-11", "2001-04"]
        );
        let (h1, h2) = (&b.per_horizon[0], &b.per_horizon[1]);
        assert_eq!((h1.n, h2.n), (3, 3));
        assert_eq!((h1.mae, h1.mae_naive, h1.coverage80), (0.0, 1.0, 1.0));
        assert_eq!(
            (h2.mae, h2.mae_naive, h2.coverage80, h2.coverage95),
            (1.0, 2.0, 0.0, 1.0)
        );
        assert_eq!(h1.skill, Some(1.0));
        assert_eq!(h2.skill, Some(0.5));
        assert_eq!(b.overall.n, 6);
        assert!((b.overall.coverage80 - 0.5).abs() < 1e-12);
        assert_eq!(b.skill_1_6, Some(1.0 - 3.0 / 9.0));
        // Long-run mean at origin 5 is 2.5; outcomes 6 and 7.
        assert!(h1.mae_mean > h1.mae_naive);
        assert!(b.skill_mean_1_6.unwrap() > b.skill_1_6.unwrap());
    }
}
