//! Reset cycles: each rise of the level from a trough to a peak and the fall after it, and the
//! spiral-decline test on them (are the lows getting lower, the highs shorter?).
//!
//! Turning points come from a zig-zag on the smoothed level (centred moving average of
//! `smooth` months): a trough is confirmed once the level has risen `min_amplitude` above it, a
//! peak once it has fallen `min_amplitude` below it. Rises shorter than `min_rise_months` are
//! merged away (a one-month rebound is not a reset). The series' first month counts as a trough
//! or peak when the first swing starts there. Levels are read on the unsmoothed series.
//!
//! ```
//! use dyad_analysis::cycles::{cycles, CycleParams};
//! use dyad_analysis::level::{level_series, LevelParams};
//! let s = level_series(&[], &LevelParams::default(), None, None);
//! assert!(cycles(&s, &CycleParams::default()).is_empty());
//! ```

use crate::level::{EventContribution, LevelSeries};
use crate::series::Month;
use serde::Serialize;
use std::collections::HashMap;

/// Parameters of [`cycles`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CycleParams {
    /// Width of the centred moving average, in months (3; 1 = no smoothing).
    pub smooth: usize,
    /// Smallest swing, in level units, that makes a turning point (1.5, half a band).
    pub min_amplitude: f64,
    /// Shortest rise that counts as a reset, in months (3).
    pub min_rise_months: usize,
    /// Events listed as drivers of each rise and fall (5).
    pub top_drivers: usize,
}

impl Default for CycleParams {
    fn default() -> Self {
        CycleParams {
            smooth: 3,
            min_amplitude: 1.5,
            min_rise_months: 3,
            top_drivers: 5,
        }
    }
}

/// A trough or peak.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TurningPoint {
    pub period: Month,
    pub level: f64,
}

/// One event's part in a rise or a fall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    pub id: i64,
    pub date: dyad_model::EventDate,
    pub label: String,
    pub cameo: String,
    pub contribution: f64,
}

/// A reset cycle: trough → peak → following trough (or the end of the series).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cycle {
    pub trough: TurningPoint,
    pub peak: TurningPoint,
    /// The trough that ends the fall; when the series ends before one is confirmed, its last
    /// month, with `open = true`.
    pub end: TurningPoint,
    pub open: bool,
    pub rise_months: i32,
    /// Months, in the run containing the peak, with the level at or above the midpoint between
    /// trough and peak.
    pub high_months: i32,
    pub fall_months: i32,
    pub rise: f64,
    pub fall: f64,
    /// The events that pushed the level up most in (trough, peak], largest first.
    pub rise_drivers: Vec<Driver>,
    /// The events that pulled the level down most in (peak, end], largest first.
    pub fall_drivers: Vec<Driver>,
}

fn smooth(x: &[f64], width: usize) -> Vec<f64> {
    let half = width.max(1) / 2;
    (0..x.len())
        .map(|i| {
            let a = i.saturating_sub(half);
            let b = (i + half + 1).min(x.len());
            x[a..b].iter().sum::<f64>() / (b - a) as f64
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Trough,
    Peak,
}

/// Alternating turning points by the zig-zag rule. A flat bottom's trough is its last month (where
/// the rise starts), a flat top's peak its first month (where the rise ends).
fn zigzag(x: &[f64], amp: f64) -> Vec<(usize, Kind)> {
    let mut out: Vec<(usize, Kind)> = Vec::new();
    if x.is_empty() {
        return out;
    }
    let amp = if amp.is_finite() && amp > 0.0 {
        amp
    } else {
        1.0
    };
    let (mut lo, mut hi) = (0usize, 0usize);
    let mut dir: Option<Kind> = None; // Kind we are currently looking for
    for i in 1..x.len() {
        match dir {
            None => {
                if x[i] <= x[lo] {
                    lo = i;
                }
                if x[i] > x[hi] {
                    hi = i;
                }
                if x[i] - x[lo] >= amp {
                    out.push((lo, Kind::Trough));
                    dir = Some(Kind::Peak);
                    hi = i;
                } else if x[hi] - x[i] >= amp {
                    out.push((hi, Kind::Peak));
                    dir = Some(Kind::Trough);
                    lo = i;
                }
            }
            Some(Kind::Peak) => {
                if x[i] > x[hi] {
                    hi = i;
                }
                if x[hi] - x[i] >= amp {
                    out.push((hi, Kind::Peak));
                    dir = Some(Kind::Trough);
                    lo = i;
                }
            }
            Some(Kind::Trough) => {
                if x[i] <= x[lo] {
                    lo = i;
                }
                if x[i] - x[lo] >= amp {
                    out.push((lo, Kind::Trough));
                    dir = Some(Kind::Peak);
                    hi = i;
                }
            }
        }
    }
    // The last, unconfirmed extreme: the end of a rise or a fall in progress.
    match dir {
        Some(Kind::Peak) if hi > out.last().map_or(0, |p| p.0) => out.push((hi, Kind::Peak)),
        Some(Kind::Trough) if lo > out.last().map_or(0, |p| p.0) => out.push((lo, Kind::Trough)),
        _ => {}
    }
    out
}

/// Removes rises shorter than `min_len`, keeping the more extreme of the points involved.
fn drop_short_rises(points: &mut Vec<(usize, Kind)>, x: &[f64], min_len: usize) {
    loop {
        let short = points.windows(2).position(|w| {
            w[0].1 == Kind::Trough && w[1].1 == Kind::Peak && w[1].0 - w[0].0 < min_len
        });
        let Some(i) = short else { break };
        // points[i] = trough T, points[i+1] = peak P. Remove T with the peak before it, or P
        // with the trough after it, whichever keeps the larger extremes.
        let prev_peak = i.checked_sub(1).filter(|&j| points[j].1 == Kind::Peak);
        let next_trough = Some(i + 2).filter(|&j| j < points.len());
        match (prev_peak, next_trough) {
            (Some(j), _) if x[points[j].0] <= x[points[i + 1].0] => {
                points.drain(j..=i); // earlier peak lower than this one: drop it and T
            }
            (_, Some(k)) if x[points[k].0] > x[points[i].0] => {
                points.drain(i + 1..=k); // later trough higher: drop P and it
            }
            _ => {
                points.drain(i..=i + 1);
            }
        }
    }
}

/// Finds the reset cycles of a level series. Empty or flat series → none.
pub fn cycles(series: &LevelSeries, params: &CycleParams) -> Vec<Cycle> {
    let raw = series.levels();
    if raw.len() < 2 {
        return Vec::new();
    }
    let sm = smooth(&raw, params.smooth);
    let mut tp = zigzag(&sm, params.min_amplitude);
    drop_short_rises(&mut tp, &sm, params.min_rise_months.max(1));
    let by_month = contributions_by_month(series);
    let month = |i: usize| series.points[i].period;
    let mut out = Vec::new();
    for kinds in tp
        .windows(2)
        .filter(|w| w[0].1 == Kind::Trough && w[1].1 == Kind::Peak)
    {
        let (t, p) = (kinds[0].0, kinds[1].0);
        let next = tp
            .iter()
            .skip_while(|q| q.0 <= p)
            .find(|q| q.1 == Kind::Trough)
            .map(|q| q.0);
        let (e, open) = match next {
            Some(e) => (e, false),
            None => (raw.len() - 1, true),
        };
        let mid = (raw[t] + raw[p]) / 2.0;
        let mut a = p;
        while a > t && raw[a - 1] >= mid {
            a -= 1;
        }
        let mut b = p;
        while b < e && raw[b + 1] >= mid {
            b += 1;
        }
        out.push(Cycle {
            trough: TurningPoint {
                period: month(t),
                level: raw[t],
            },
            peak: TurningPoint {
                period: month(p),
                level: raw[p],
            },
            end: TurningPoint {
                period: month(e),
                level: raw[e],
            },
            open,
            rise_months: (p - t) as i32,
            high_months: (b - a + 1) as i32,
            fall_months: (e - p) as i32,
            rise: raw[p] - raw[t],
            fall: raw[p] - raw[e],
            rise_drivers: top_drivers(
                &by_month,
                month(t).succ(),
                month(p),
                params.top_drivers,
                1.0,
            ),
            fall_drivers: top_drivers(
                &by_month,
                month(p).succ(),
                month(e),
                params.top_drivers,
                -1.0,
            ),
        });
    }
    out
}

pub(crate) fn contributions_by_month(series: &LevelSeries) -> Vec<(Month, EventContribution)> {
    series
        .contributions
        .iter()
        .map(|c| {
            (
                c.month,
                EventContribution {
                    id: c.id,
                    date: c.date,
                    label: c.label.clone(),
                    cameo: c.cameo.clone(),
                    domains: c.domains.clone(),
                    impact: c.impact,
                    contribution: c.contribution,
                },
            )
        })
        .collect()
}

/// The `k` largest contributions of sign `sign` (+1 rises, −1 falls; 0 either, by absolute
/// value) in months `from..=to`, year-dated parts summed.
pub(crate) fn top_drivers(
    all: &[(Month, EventContribution)],
    from: Month,
    to: Month,
    k: usize,
    sign: f64,
) -> Vec<Driver> {
    let mut sums: Vec<Driver> = Vec::new();
    let mut pos: HashMap<i64, usize> = HashMap::new();
    for (_, c) in all.iter().filter(|(m, _)| *m >= from && *m <= to) {
        match pos.get(&c.id) {
            Some(&i) => sums[i].contribution += c.contribution,
            None => {
                pos.insert(c.id, sums.len());
                sums.push(Driver {
                    id: c.id,
                    date: c.date,
                    label: c.label.clone(),
                    cameo: c.cameo.clone(),
                    contribution: c.contribution,
                });
            }
        }
    }
    // A rise is explained by what pushed the level up, a fall by what pulled it down.
    let key = |d: &Driver| {
        if sign == 0.0 {
            d.contribution.abs()
        } else {
            d.contribution * sign
        }
    };
    sums.retain(|d| key(d) > 0.0);
    sums.sort_by(|a, b| key(b).total_cmp(&key(a)).then(a.id.cmp(&b.id)));
    sums.truncate(k);
    sums
}

/// Verdict of the spiral-decline test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    Partly,
    NotSupported,
    /// Fewer than three cycles: nothing can be said.
    Insufficient,
}

/// A monotone-trend test of one sequence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendTest {
    pub n: usize,
    /// OLS slope (per year for troughs, per cycle for high durations).
    pub slope: f64,
    pub slope_se: f64,
    /// Kendall's tau-a against time.
    pub kendall_tau: f64,
    /// One-sided p-value for a *decreasing* trend (exact without ties, else normal approximation).
    pub p_decreasing: f64,
    pub values: Vec<f64>,
}

/// The spiral-decline test: are troughs getting lower, and highs shorter?
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpiralTest {
    /// Trough levels (each cycle's starting trough, plus the final confirmed trough) against
    /// decimal years.
    pub troughs: TrendTest,
    pub trough_months: Vec<Month>,
    /// Months above the midpoint in each cycle, against the cycle's order.
    pub high_durations: TrendTest,
    pub verdict: Verdict,
    /// One sentence saying why.
    pub reason: String,
}

/// Significance level of the one-sided tests (0.10: few cycles, so a lenient level, said openly).
pub const SPIRAL_ALPHA: f64 = 0.10;

/// Runs the spiral-decline test on the cycles.
pub fn spiral_test(cycles: &[Cycle]) -> SpiralTest {
    let mut troughs: Vec<TurningPoint> = cycles.iter().map(|c| c.trough).collect();
    if let Some(last) = cycles.last() {
        if !last.open {
            troughs.push(last.end);
        }
    }
    let tx: Vec<f64> = troughs.iter().map(|t| t.period.decimal_year()).collect();
    let ty: Vec<f64> = troughs.iter().map(|t| t.level).collect();
    let hx: Vec<f64> = (0..cycles.len()).map(|i| i as f64).collect();
    let hy: Vec<f64> = cycles.iter().map(|c| f64::from(c.high_months)).collect();
    let t = trend_test(&tx, &ty);
    let h = trend_test(&hx, &hy);
    let sig = |x: &TrendTest| x.slope < 0.0 && x.p_decreasing < SPIRAL_ALPHA;
    let (verdict, reason) = if cycles.len() < crate::sufficiency::SPIRAL_MIN_CYCLES {
        (
            Verdict::Insufficient,
            format!("only {} cycles", cycles.len()),
        )
    } else if sig(&t) && sig(&h) {
        (
            Verdict::Supported,
            "troughs fall and highs shorten, both significantly".to_string(),
        )
    } else if sig(&t) || sig(&h) || (t.slope < 0.0 && h.slope < 0.0) {
        let which = match (sig(&t), sig(&h)) {
            (true, false) => "troughs fall significantly, highs do not shorten significantly",
            (false, true) => "highs shorten significantly, troughs do not fall significantly",
            _ => "both trends point down but neither is significant",
        };
        (Verdict::Partly, which.to_string())
    } else {
        (
            Verdict::NotSupported,
            "troughs do not fall and highs do not shorten".to_string(),
        )
    };
    SpiralTest {
        troughs: t,
        trough_months: troughs.iter().map(|t| t.period).collect(),
        high_durations: h,
        verdict,
        reason,
    }
}

/// OLS slope with its standard error and Kendall's tau with a one-sided p for a decrease.
pub fn trend_test(x: &[f64], y: &[f64]) -> TrendTest {
    let n = x.len().min(y.len());
    let (x, y) = (&x[..n], &y[..n]);
    let mut out = TrendTest {
        n,
        slope: 0.0,
        slope_se: f64::NAN,
        kendall_tau: 0.0,
        p_decreasing: 1.0,
        values: y.to_vec(),
    };
    if n < 2 {
        out.slope_se = 0.0;
        return out;
    }
    let xm = x.iter().sum::<f64>() / n as f64;
    let ym = y.iter().sum::<f64>() / n as f64;
    let sxx: f64 = x.iter().map(|v| (v - xm).powi(2)).sum();
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - xm) * (b - ym)).sum();
    if sxx > 0.0 {
        out.slope = sxy / sxx;
        let rss: f64 = x
            .iter()
            .zip(y)
            .map(|(a, b)| (b - ym - out.slope * (a - xm)).powi(2))
            .sum();
        out.slope_se = if n > 2 {
            (rss / (n - 2) as f64 / sxx).sqrt()
        } else {
            0.0
        };
    } else {
        out.slope_se = 0.0;
    }
    // Kendall: S = concordant − discordant.
    let (mut s, mut ties) = (0i64, false);
    for i in 0..n {
        for j in i + 1..n {
            let d = (x[j] - x[i]).signum() * (y[j] - y[i]).signum();
            if d == 0.0 {
                ties = true;
            }
            s += d as i64;
        }
    }
    let pairs = (n * (n - 1) / 2) as f64;
    out.kendall_tau = s as f64 / pairs;
    out.p_decreasing = if !ties && n <= 60 {
        kendall_exact_lower(n, s)
    } else {
        kendall_normal_lower(n, s)
    };
    out
}

/// P(S ≤ s) under independence, exact, via the number of permutations with k inversions
/// (S = pairs − 2·inversions).
fn kendall_exact_lower(n: usize, s: i64) -> f64 {
    let max_inv = n * (n - 1) / 2;
    let mut dp = vec![0.0f64; max_inv + 1];
    dp[0] = 1.0;
    for m in 1..n {
        // Adding the (m+1)-th element creates 0..=m new inversions.
        let mut next = vec![0.0f64; max_inv + 1];
        let mut window = 0.0;
        for k in 0..=max_inv {
            window += dp[k];
            if k > m {
                window -= dp[k - m - 1];
            }
            next[k] = window;
        }
        dp = next;
    }
    let total: f64 = dp.iter().sum();
    // S ≤ s  ⇔  inversions ≥ (pairs − s)/2.
    let need = (max_inv as i64 - s + 1).div_euclid(2).max(0) as usize;
    dp.iter().skip(need).sum::<f64>() / total
}

fn kendall_normal_lower(n: usize, s: i64) -> f64 {
    let nf = n as f64;
    let var = nf * (nf - 1.0) * (2.0 * nf + 5.0) / 18.0;
    if var <= 0.0 {
        return 1.0;
    }
    // Continuity correction toward zero.
    let z = (s as f64 + 1.0) / var.sqrt();
    normal_cdf(z)
}

/// Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf; error < 1.5e-7).
pub(crate) fn normal_cdf(z: f64) -> f64 {
    let x = z / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.3275911 * x.abs());
    let poly = t
        * (0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let erf = 1.0 - poly * (-x * x).exp();
    let erf = if x >= 0.0 { erf } else { -erf };
    0.5 * (1.0 + erf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::level::{Band, LevelParams, LevelPoint, LevelSeries};

    fn series(levels: &[f64]) -> LevelSeries {
        let start: Month = "2000-01".parse().unwrap();
        LevelSeries {
            params: LevelParams::default(),
            points: levels
                .iter()
                .enumerate()
                .map(|(i, &l)| LevelPoint {
                    period: start.plus(i as i32),
                    level: l,
                    band: Band::of(l),
                    band_zh: Band::of(l).zh(),
                    change: 0.0,
                    decay: 0.0,
                    event_sum: 0.0,
                    events: 0,
                })
                .collect(),
            contributions: Vec::new(),
            after_end: 0,
        }
    }

    /// Rises and falls with lower lows and shorter highs each time.
    fn spiral() -> Vec<f64> {
        let mut x = Vec::new();
        let legs: [(f64, f64, usize, usize); 4] = [
            (0.0, 5.0, 12, 30),
            (-1.0, 4.0, 12, 20),
            (-2.0, 3.0, 12, 12),
            (-3.0, 2.0, 12, 6),
        ];
        for (lo, hi, rise, high) in legs {
            for i in 0..rise {
                x.push(lo + (hi - lo) * i as f64 / rise as f64);
            }
            for _ in 0..high {
                x.push(hi);
            }
            for i in 0..12 {
                x.push(hi - (hi - lo + 1.0) * (i + 1) as f64 / 12.0);
            }
        }
        x
    }

    #[test]
    fn finds_cycles_and_their_shape() {
        let s = series(&spiral());
        let c = cycles(
            &s,
            &CycleParams {
                smooth: 1,
                ..CycleParams::default()
            },
        );
        assert_eq!(c.len(), 4, "{c:#?}");
        assert_eq!(c[0].trough.period.to_string(), "2000-01");
        assert!((c[0].rise - 5.0).abs() < 1e-9);
        assert_eq!(c[0].rise_months, 12);
        assert!(c[0].high_months > c[3].high_months);
        assert!(!c[3].open || c[3].end.period == s.points.last().unwrap().period);
        let t = spiral_test(&c);
        assert_eq!(t.verdict, Verdict::Supported, "{t:#?}");
        assert!(t.troughs.slope < 0.0 && t.troughs.kendall_tau == -1.0);
        assert!(t.troughs.p_decreasing < 0.01);
    }

    #[test]
    fn short_rebounds_are_not_resets() {
        let mut x = vec![0.0; 6];
        x.extend([1.5, 0.0, 0.0, 0.0]); // a one-month rebound
        x.extend((0..8).map(|i| i as f64 * 0.5));
        x.extend([3.5; 6]);
        let c = cycles(
            &series(&x),
            &CycleParams {
                smooth: 1,
                ..CycleParams::default()
            },
        );
        assert_eq!(c.len(), 1, "{c:#?}");
        assert!(c[0].rise_months >= 3);
        assert!(c[0].open);
    }

    #[test]
    fn kendall_exact_matches_known_values() {
        // n = 5, perfectly decreasing: P = 1/120.
        assert!((kendall_exact_lower(5, -10) - 1.0 / 120.0).abs() < 1e-12);
        assert!((kendall_exact_lower(4, 6) - 1.0).abs() < 1e-12);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-3);
        let t = trend_test(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]);
        assert!((t.slope + 1.0).abs() < 1e-12 && t.slope_se.abs() < 1e-12);
        assert_eq!(spiral_test(&[]).verdict, Verdict::Insufficient);
    }
}
