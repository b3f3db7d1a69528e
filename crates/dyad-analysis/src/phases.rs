//! Named phases of the relationship: the level's change-point segments, with neighbours merged
//! when they sit in the same band and their means differ by less than `merge_gap`.
//!
//! ```
//! use dyad_analysis::level::{level_series, LevelParams};
//! use dyad_analysis::phases::{phases, PhaseParams};
//! // No events for a year: the level only drifts from +4 toward the baseline.
//! let s = level_series(&[], &LevelParams::default(), Some("2000-01".parse().unwrap()), Some("2000-12".parse().unwrap()));
//! let p = phases(&s, &PhaseParams::default());
//! assert_eq!(p.len(), 1);
//! assert_eq!((p[0].band_zh, p[0].trend), ("良好", "stable"));
//! ```

use crate::changepoint::{changepoints, ChangepointParams};
use crate::level::{Band, LevelSeries};
use crate::series::Month;
use serde::Serialize;

/// Parameters of [`phases`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseParams {
    pub changepoint: ChangepointParams,
    /// Merge neighbouring segments in the same band whose means differ by less (1.0).
    pub merge_gap: f64,
    /// A phase is `rising`/`falling` when its fitted change (OLS slope × span) reaches this (1.0).
    pub trend_threshold: f64,
}

impl Default for PhaseParams {
    fn default() -> Self {
        PhaseParams {
            changepoint: ChangepointParams::default(),
            merge_gap: 1.0,
            trend_threshold: 1.0,
        }
    }
}

/// One phase of the relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phase {
    /// `2014-03 – 2021-12 紧张/tense, stable`.
    pub name: String,
    pub start: Month,
    pub end: Month,
    pub months: usize,
    /// Mean level over the phase.
    pub level: f64,
    pub band: Band,
    pub band_zh: &'static str,
    /// `rising`, `falling` or `stable`.
    pub trend: &'static str,
    /// OLS slope of the level, per year.
    pub slope_per_year: f64,
    pub start_level: f64,
    pub end_level: f64,
    pub min_level: f64,
    pub max_level: f64,
}

/// Cuts the monthly level into named phases. Empty series → no phases.
pub fn phases(series: &LevelSeries, params: &PhaseParams) -> Vec<Phase> {
    let x = series.levels();
    if x.is_empty() {
        return Vec::new();
    }
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend(changepoints(&x, &params.changepoint));
    bounds.push(x.len());
    merge_same_band(&x, &mut bounds, params.merge_gap);
    bounds
        .windows(2)
        .map(|w| segment(series, &x, w[0], w[1], params.trend_threshold))
        .collect()
}

/// Removes the boundaries (inner entries of `bounds`, indices into `x`) between neighbouring
/// segments whose means fall in the same band and differ by less than `gap`, one at a time from
/// the left until none is left.
pub(crate) fn merge_same_band(x: &[f64], bounds: &mut Vec<usize>, gap: f64) {
    loop {
        let mut merged = false;
        for i in 1..bounds.len() - 1 {
            let (a, b, c) = (bounds[i - 1], bounds[i], bounds[i + 1]);
            let m1 = mean(&x[a..b]);
            let m2 = mean(&x[b..c]);
            if Band::of(m1) == Band::of(m2) && (m1 - m2).abs() < gap {
                bounds.remove(i);
                merged = true;
                break;
            }
        }
        if !merged {
            break;
        }
    }
}

/// The summary of months `a..b` of `series` (`x` its levels) as a [`Phase`]: mean, band, trend
/// (`rising`/`falling` when the OLS fitted change reaches `trend_threshold`), extremes. Shared
/// with [`crate::eras`], so that a phase and an era are described by the same rule.
pub(crate) fn segment(
    series: &LevelSeries,
    x: &[f64],
    a: usize,
    b: usize,
    trend_threshold: f64,
) -> Phase {
    let seg = &x[a..b];
    let start = series.points[a].period;
    let end = series.points[b - 1].period;
    let level = mean(seg);
    let slope = ols_slope(seg);
    let fitted_change = slope * (seg.len().saturating_sub(1)) as f64;
    let trend = if fitted_change >= trend_threshold {
        "rising"
    } else if fitted_change <= -trend_threshold {
        "falling"
    } else {
        "stable"
    };
    let band = Band::of(level);
    Phase {
        name: format!("{start} – {end} {}/{}, {trend}", band.zh(), band.en()),
        start,
        end,
        months: seg.len(),
        level,
        band,
        band_zh: band.zh(),
        trend,
        slope_per_year: slope * 12.0,
        start_level: seg[0],
        end_level: seg[seg.len() - 1],
        min_level: seg.iter().copied().fold(f64::INFINITY, f64::min),
        max_level: seg.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    }
}

pub(crate) fn mean(x: &[f64]) -> f64 {
    if x.is_empty() {
        0.0
    } else {
        x.iter().sum::<f64>() / x.len() as f64
    }
}

/// OLS slope of `x` against 0, 1, 2…; 0 for fewer than two points.
pub(crate) fn ols_slope(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    if x.len() < 2 {
        return 0.0;
    }
    let tm = (n - 1.0) / 2.0;
    let ym = mean(x);
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, y) in x.iter().enumerate() {
        let dt = i as f64 - tm;
        sxy += dt * (y - ym);
        sxx += dt * dt;
    }
    if sxx > 0.0 {
        sxy / sxx
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::tests::obs;
    use crate::level::{level_series, LevelParams};

    #[test]
    fn a_war_makes_a_new_phase() {
        let p = LevelParams {
            half_life_months: 1e9,
            ..LevelParams::default()
        };
        let mut events = Vec::new();
        for k in 0..6 {
            let mut e = obs(
                k,
                &format!("2022-02-2{k}"),
                "USA",
                "RUS",
                4,
                -8.0,
                &["sanctions"],
            );
            e.rank = Some(1);
            // A war is many kinds of act (repeats of one kind have diminishing returns).
            e.cameo = ["163", "150", "172", "180", "190", "200"][k as usize].into();
            events.push(e);
        }
        let s = level_series(
            &events,
            &p,
            Some("2019-01".parse().unwrap()),
            Some("2024-12".parse().unwrap()),
        );
        let ph = phases(&s, &PhaseParams::default());
        assert_eq!(ph.len(), 2, "{ph:#?}");
        assert_eq!(ph[1].start.to_string(), "2022-02");
        assert_eq!(ph[0].band, Band::Good);
        assert!(ph[1].level < 0.0);
        assert_eq!(ph[1].trend, "stable");
        let json = serde_json::to_value(&ph[1]).unwrap();
        // Six head-of-state deeds of war from "good" reach "discord": losses above 0 are no
        // longer amplified by the distance to −9 (docs/method.md, section 3).
        assert_eq!(json["band"], "discord");
        assert_eq!(json["start"], "2022-02");
    }
}
