//! Change points in the mean of a series: PELT (Killick, Fearnhead & Eckley 2012) with a Gaussian
//! cost and a BIC-style penalty, exact and linear-to-quadratic in time, no dependencies.
//!
//! The cost of a segment is its residual sum of squares around its own mean. The penalty per
//! change is `penalty_factor · σ² · ln n` (BIC counts two parameters per change, a location and a
//! mean, which is `2 σ² ln n` for a known noise variance σ²). σ² is the *within-phase* variance of
//! the series, estimated as the mean squared deviation of the series from its centred 13-month
//! moving average: it measures month-to-month wobble, not the slow swings that are the phases.
//! A minimum segment length stops one sharp month from becoming a phase of its own.
//!
//! ```
//! use dyad_analysis::changepoint::{changepoints, ChangepointParams};
//! let mut x = vec![4.0; 30];
//! x.extend(vec![-3.0; 30]);
//! assert_eq!(changepoints(&x, &ChangepointParams::default()), vec![30]);
//! ```

use serde::Serialize;

/// Parameters of [`changepoints`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangepointParams {
    /// Multiplies `σ² ln n` (2.0: the BIC value).
    pub penalty_factor: f64,
    /// Shortest segment, in observations (6 months).
    pub min_segment: usize,
    /// Floor of σ², so that a perfectly flat series does not split on rounding noise.
    pub min_variance: f64,
}

impl Default for ChangepointParams {
    fn default() -> Self {
        ChangepointParams {
            penalty_factor: 2.0,
            min_segment: 6,
            min_variance: 0.01,
        }
    }
}

/// The within-phase variance estimate: mean squared deviation from a centred moving average of
/// `2·half + 1` points (shrunk at the ends).
pub fn local_variance(x: &[f64], half: usize) -> f64 {
    if x.len() < 2 {
        return 0.0;
    }
    let prefix = prefix_sums(x).0;
    let mut ss = 0.0;
    for (i, v) in x.iter().enumerate() {
        let a = i.saturating_sub(half);
        let b = (i + half + 1).min(x.len());
        let mean = (prefix[b] - prefix[a]) / (b - a) as f64;
        ss += (v - mean).powi(2);
    }
    ss / x.len() as f64
}

fn prefix_sums(x: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let mut s = Vec::with_capacity(x.len() + 1);
    let mut s2 = Vec::with_capacity(x.len() + 1);
    s.push(0.0);
    s2.push(0.0);
    for v in x {
        s.push(s.last().copied().unwrap_or(0.0) + v);
        s2.push(s2.last().copied().unwrap_or(0.0) + v * v);
    }
    (s, s2)
}

/// Indices where a new segment starts (ascending, never 0), by PELT with a Gaussian mean cost.
/// Non-finite values are replaced by the previous finite value (or 0). Series shorter than two
/// minimum segments have no change points.
pub fn changepoints(x: &[f64], params: &ChangepointParams) -> Vec<usize> {
    let n = x.len();
    let min = params.min_segment.max(1);
    if n < 2 * min {
        return Vec::new();
    }
    let mut clean = Vec::with_capacity(n);
    let mut last = 0.0;
    for v in x {
        if v.is_finite() {
            last = *v;
        }
        clean.push(last);
    }
    let sigma2 = local_variance(&clean, 6).max(params.min_variance.max(1e-12));
    let penalty = params.penalty_factor.max(0.0) * sigma2 * (n as f64).ln();
    pelt(&clean, penalty, min)
}

/// PELT on the mean with a fixed penalty per change.
pub fn pelt(x: &[f64], penalty: f64, min_segment: usize) -> Vec<usize> {
    let n = x.len();
    let min = min_segment.max(1);
    if n < 2 * min {
        return Vec::new();
    }
    let (s, s2) = prefix_sums(x);
    let cost = |a: usize, b: usize| -> f64 {
        let len = (b - a) as f64;
        let sum = s[b] - s[a];
        (s2[b] - s2[a] - sum * sum / len).max(0.0)
    };
    // f[t]: optimal cost of x[0..t]; last[t]: start of the final segment.
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    f[0] = -penalty;
    let mut candidates: Vec<usize> = vec![0];
    for t in min..=n {
        // Admissible starts leave a segment of at least `min`.
        let mut best = f64::INFINITY;
        let mut arg = 0;
        for &c in &candidates {
            if t - c >= min && f[c].is_finite() {
                let v = f[c] + cost(c, t) + penalty;
                if v < best {
                    best = v;
                    arg = c;
                }
            }
        }
        f[t] = best;
        last[t] = arg;
        // Pruning: drop starts that can never be optimal again.
        candidates.retain(|&c| t - c < min || !f[c].is_finite() || f[c] + cost(c, t) <= best);
        if t + 1 >= min && t + min <= n {
            candidates.push(t + 1 - min);
        }
        candidates.sort_unstable();
        candidates.dedup();
    }
    let mut cps = Vec::new();
    let mut t = n;
    while t > 0 {
        let c = last[t];
        if c > 0 {
            cps.push(c);
        }
        if c >= t {
            break;
        }
        t = c;
    }
    cps.reverse();
    cps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_two_shifts_in_noise() {
        // Deterministic pseudo-noise.
        let mut seed = 7u64;
        let mut noise = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 0.6
        };
        let x: Vec<f64> = (0..120).map(|i| if i < 40 { 4.0 } else if i < 80 { -1.0 } else { -5.0 } + noise()).collect();
        let cps = changepoints(&x, &ChangepointParams::default());
        assert_eq!(cps.len(), 2, "{cps:?}");
        assert!(
            (cps[0] as i64 - 40).abs() <= 2 && (cps[1] as i64 - 80).abs() <= 2,
            "{cps:?}"
        );
    }

    #[test]
    fn flat_short_and_wild_series() {
        let p = ChangepointParams::default();
        assert!(changepoints(&[1.0; 50], &p).is_empty());
        assert!(changepoints(&[], &p).is_empty());
        assert!(changepoints(&[1.0, 5.0, 1.0], &p).is_empty());
        let x: Vec<f64> = (0..40)
            .map(|i| {
                if i == 5 {
                    f64::NAN
                } else if i < 20 {
                    0.0
                } else {
                    3.0
                }
            })
            .collect();
        assert_eq!(changepoints(&x, &p), vec![20]);
    }

    #[test]
    fn pelt_respects_min_segment() {
        let mut x = vec![0.0; 30];
        x[15] = 10.0;
        let cps = pelt(&x, 1.0, 6);
        for w in cps.windows(2) {
            assert!(w[1] - w[0] >= 6);
        }
        assert!(cps.iter().all(|c| (6..=24).contains(c)));
    }
}
