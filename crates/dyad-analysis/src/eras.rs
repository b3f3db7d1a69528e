//! Eras: the level's long periods, each made of whole phases. The same rule as the phases —
//! least squares on the monthly level with a BIC-style penalty per change — at the time scale of
//! the level's memory instead of months.
//!
//! The eras are the optimal partition of the monthly level into segments of at least
//! `min_months`, cut only where a phase starts (so every phase lies inside one era), minimising
//! the residual sum of squares around each segment's mean plus `β` per segment, with at most
//! `max_eras` segments (exact dynamic programming over the phase boundaries, the "segment
//! neighbourhood" search of Auger & Lawrence 1989). `β = penalty_factor · σ² · ln n`, as for the
//! phases, but σ² is the variance of the level around its centred moving average of
//! `2·noise_half_window + 1` months: at the era scale a swing that lasts less than about three
//! years is noise, just as month-to-month wobble is noise at the phase scale. Neighbouring eras in
//! the same band whose means differ by less than `merge_gap` are then merged, as phases are.
//! Each era lists its defining events (the largest contributions, either sign, in its months) and
//! the events that opened it (the largest in its first month).
//!
//! ```
//! use dyad_analysis::eras::{eras, EraParams};
//! use dyad_analysis::level::{level_series, LevelParams};
//! use dyad_analysis::phases::{phases, PhaseParams};
//! // No events for ten years: the level drifts from +4 toward the baseline, one era.
//! let s = level_series(&[], &LevelParams::default(), Some("2000-01".parse().unwrap()), Some("2009-12".parse().unwrap()));
//! let e = eras(&s, &phases(&s, &PhaseParams::default()), &EraParams::default());
//! assert_eq!(e.len(), 1);
//! assert_eq!(e[0].months, 120);
//! ```

use crate::changepoint::local_variance;
use crate::cycles::{contributions_by_month, top_drivers, Driver};
use crate::level::LevelSeries;
use crate::phases::{merge_same_band, segment, Phase};
use crate::series::Month;
use serde::Serialize;

/// Parameters of [`eras`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EraParams {
    /// Shortest era, in months (36: the level's memory half-life; a shorter shift is a phase).
    pub min_months: usize,
    /// Half-width of the centred moving average around which the era-scale noise σ² is measured
    /// (36 months, so the average spans 73 months).
    pub noise_half_window: usize,
    /// Multiplies `σ² ln n` (2.0: the BIC value, as for the phases).
    pub penalty_factor: f64,
    /// Most eras (6).
    pub max_eras: usize,
    /// Merge neighbouring eras in the same band whose means differ by less (1.0, as for phases).
    pub merge_gap: f64,
    /// An era is `rising`/`falling` when its fitted change reaches this (1.0, as for phases).
    pub trend_threshold: f64,
    /// Events listed as defining each era (5).
    pub defining_events: usize,
    /// Events listed as opening each era: the largest in its first month (3).
    pub opening_events: usize,
}

impl Default for EraParams {
    fn default() -> Self {
        EraParams {
            min_months: 36,
            noise_half_window: 36,
            penalty_factor: 2.0,
            max_eras: 6,
            merge_gap: 1.0,
            trend_threshold: 1.0,
            defining_events: 5,
            opening_events: 3,
        }
    }
}

/// One era of the relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Era {
    /// Months, mean level, band, trend and extremes, by the same rule as a phase.
    #[serde(flatten)]
    pub span: Phase,
    /// The phases inside the era, as 1-based numbers (P1 = the first phase): first and last.
    /// `None` when the era was cut without phases.
    pub phases: Option<(usize, usize)>,
    /// The events whose contributions to the level in the era's months are largest in absolute
    /// value, largest first.
    pub defining_events: Vec<Driver>,
    /// The events of the era's first month with the largest contributions in absolute value:
    /// what made the break (for the first era, the start of the record).
    pub opened_by: Vec<Driver>,
}

impl std::ops::Deref for Era {
    type Target = Phase;
    fn deref(&self) -> &Phase {
        &self.span
    }
}

/// The era-scale noise variance and the penalty per era for a series `x`.
fn penalty(x: &[f64], params: &EraParams) -> f64 {
    let sigma2 = local_variance(x, params.noise_half_window).max(0.01);
    params.penalty_factor.max(0.0) * sigma2 * (x.len().max(2) as f64).ln()
}

/// The optimal cut of `x` at the candidate indices `cands` (ascending, inside `1..n`) into at
/// most `max` segments of at least `min` points, minimising RSS + `pen` per segment. A series too
/// short for two segments is one segment.
fn best_partition(x: &[f64], cands: &[usize], min: usize, max: usize, pen: f64) -> Vec<usize> {
    let n = x.len();
    let mut pts = vec![0];
    pts.extend(cands.iter().copied().filter(|&c| c > 0 && c < n));
    pts.push(n);
    let (mut s, mut s2) = (vec![0.0], vec![0.0]);
    for v in x {
        s.push(s[s.len() - 1] + v);
        s2.push(s2[s2.len() - 1] + v * v);
    }
    let cost = |a: usize, b: usize| {
        let len = (b - a) as f64;
        let sum = s[b] - s[a];
        (s2[b] - s2[a] - sum * sum / len).max(0.0)
    };
    let m = pts.len();
    let last = m - 1;
    let max = max.max(1);
    // best[k][j]: least cost of x[0..pts[j]] in k segments; from[k][j]: where the last starts.
    let mut best = vec![vec![f64::INFINITY; m]; max + 1];
    let mut from = vec![vec![0usize; m]; max + 1];
    best[0][0] = 0.0;
    for k in 1..=max {
        for j in 1..m {
            for i in 0..j {
                let ok = pts[j] - pts[i] >= min || (i == 0 && j == last && k == 1);
                if !ok || !best[k - 1][i].is_finite() {
                    continue;
                }
                let v = best[k - 1][i] + cost(pts[i], pts[j]);
                if v < best[k][j] {
                    best[k][j] = v;
                    from[k][j] = i;
                }
            }
        }
    }
    let k = (1..=max)
        .filter(|&k| best[k][last].is_finite())
        .min_by(|&a, &b| {
            (best[a][last] + pen * a as f64).total_cmp(&(best[b][last] + pen * b as f64))
        })
        .unwrap_or(1);
    let mut bounds = vec![n];
    let (mut j, mut k) = (last, k);
    while k > 0 && j > 0 {
        j = from[k][j];
        bounds.push(pts[j]);
        k -= 1;
    }
    if bounds.last() != Some(&0) {
        bounds.push(0);
    }
    bounds.reverse();
    bounds
}

/// Cuts the monthly level into eras made of whole `phases` (the phases of the same series; with
/// none, eras may start at any month). Empty series → no eras.
pub fn eras(series: &LevelSeries, phases: &[Phase], params: &EraParams) -> Vec<Era> {
    let x = series.levels();
    if x.is_empty() {
        return Vec::new();
    }
    let first = series.points[0].period;
    let index = |m: Month| usize::try_from(first.until(m)).ok();
    let cands: Vec<usize> = if phases.is_empty() {
        (1..x.len()).collect()
    } else {
        phases
            .iter()
            .skip(1)
            .filter_map(|p| index(p.start))
            .collect()
    };
    let mut bounds = best_partition(
        &x,
        &cands,
        params.min_months.max(1),
        params.max_eras,
        penalty(&x, params),
    );
    merge_same_band(&x, &mut bounds, params.merge_gap);
    let by_month = contributions_by_month(series);
    bounds
        .windows(2)
        .map(|w| {
            let span = segment(series, &x, w[0], w[1], params.trend_threshold);
            let inside: Vec<usize> = phases
                .iter()
                .enumerate()
                .filter(|(_, p)| p.start >= span.start && p.end <= span.end)
                .map(|(i, _)| i + 1)
                .collect();
            let defining_events =
                top_drivers(&by_month, span.start, span.end, params.defining_events, 0.0);
            let opened_by = top_drivers(
                &by_month,
                span.start,
                span.start,
                params.opening_events,
                0.0,
            );
            Era {
                opened_by,
                phases: inside.first().zip(inside.last()).map(|(a, b)| (*a, *b)),
                defining_events,
                span,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::tests::obs;
    use crate::level::{level_series, LevelParams};
    use crate::phases::{phases, PhaseParams};

    fn series_of(events: &[crate::Obs], from: &str, to: &str) -> LevelSeries {
        level_series(
            events,
            &LevelParams::default(),
            Some(from.parse().unwrap()),
            Some(to.parse().unwrap()),
        )
    }

    fn shock(id: i64, date: &str, g: f64, n: usize) -> Vec<crate::Obs> {
        (0..n)
            .map(|k| {
                let mut e = obs(
                    id * 100 + k as i64,
                    date,
                    "USA",
                    "RUS",
                    if g < 0.0 { 4 } else { 1 },
                    g,
                    &["diplomacy"],
                );
                e.rank = Some(1);
                e
            })
            .collect()
    }

    #[test]
    fn two_long_regimes_make_two_eras_and_short_swings_stay_phases() {
        // A war in 2008 sets a long low era; a one-year rebound in 2012 is a phase, not an era.
        let mut ev = shock(1, "2008-08-10", -8.0, 6);
        ev.extend(shock(2, "2012-03-01", 8.0, 3));
        ev.extend(shock(3, "2013-03-01", -8.0, 3));
        let s = series_of(&ev, "2000-01", "2019-12");
        let ph = phases(&s, &PhaseParams::default());
        let er = eras(&s, &ph, &EraParams::default());
        assert!(er.len() >= 2 && er.len() <= 6, "{er:#?}");
        assert!(
            er.iter().any(|e| e.start.to_string() == "2008-08"),
            "{er:#?}"
        );
        assert!(er.iter().all(|e| e.months >= 36), "{er:#?}");
        assert!(ph.len() > er.len());
        // The defining events of the era the war opens include the war.
        let war = er
            .iter()
            .find(|e| e.start.to_string() == "2008-08")
            .unwrap();
        assert!(war.defining_events.iter().any(|d| d.id / 100 == 1));
        assert!(!war.opened_by.is_empty());
        assert!(war
            .opened_by
            .iter()
            .all(|d| d.id / 100 == 1 && d.contribution < 0.0));
        assert!(war.level < 0.0);
    }

    #[test]
    fn eras_cover_the_series_without_gaps_and_hold_whole_phases() {
        let mut ev = Vec::new();
        for (i, y) in (1992..2024).step_by(3).enumerate() {
            let g = if i % 2 == 0 { -8.0 } else { 7.0 };
            ev.extend(shock(i as i64 + 1, &format!("{y}-05-01"), g, 2 + i % 3));
        }
        let s = series_of(&ev, "1991-12", "2025-12");
        let ph = phases(&s, &PhaseParams::default());
        let er = eras(&s, &ph, &EraParams::default());
        assert!(!er.is_empty() && er.len() <= 6, "{} eras", er.len());
        assert_eq!(er[0].start, s.points[0].period);
        assert_eq!(er[er.len() - 1].end, s.points[s.points.len() - 1].period);
        for w in er.windows(2) {
            assert_eq!(w[0].end.succ(), w[1].start);
        }
        assert_eq!(er.iter().map(|e| e.months).sum::<usize>(), s.points.len());
        // Every phase lies inside one era, and the eras' phase ranges follow one another.
        let mut next = 1;
        for e in &er {
            let (a, b) = e.phases.unwrap();
            assert_eq!(a, next);
            next = b + 1;
        }
        assert_eq!(next, ph.len() + 1);
    }

    #[test]
    fn the_cap_holds_and_short_or_empty_series_are_one_era_or_none() {
        let x: Vec<f64> = (0..400)
            .map(|i| if (i / 40) % 2 == 0 { 6.0 } else { -6.0 })
            .collect();
        // Ten regimes of 40 months, each far apart: BIC wants all ten; the cap keeps six.
        let bounds = best_partition(&x, &(1..400).collect::<Vec<_>>(), 36, 6, 1.0);
        assert_eq!(bounds.len() - 1, 6, "{bounds:?}");
        assert!(bounds.windows(2).all(|w| w[1] - w[0] >= 36));
        // Without a cap, ten.
        let bounds = best_partition(&x, &(1..400).collect::<Vec<_>>(), 36, 20, 1.0);
        assert_eq!(bounds.len() - 1, 10, "{bounds:?}");
        // Shorter than one minimum era: one era all the same.
        assert_eq!(best_partition(&x[..20], &[5, 10], 36, 6, 1.0), vec![0, 20]);
        let empty = series_of(&[], "2000-01", "2000-01");
        assert_eq!(eras(&empty, &[], &EraParams::default()).len(), 1);
        let none = LevelSeries {
            points: Vec::new(),
            ..empty
        };
        assert!(eras(&none, &[], &EraParams::default()).is_empty());
    }

    #[test]
    fn a_higher_penalty_never_gives_more_eras() {
        let x: Vec<f64> = (0..300)
            .map(|i| ((i as f64) / 23.0).sin() * 5.0 + if i > 150 { -2.0 } else { 1.0 })
            .collect();
        let c: Vec<usize> = (1..300).collect();
        let mut last = usize::MAX;
        for pen in [0.1, 1.0, 10.0, 100.0, 1000.0, 1e5] {
            let k = best_partition(&x, &c, 36, 6, pen).len() - 1;
            assert!(k <= last, "penalty {pen}: {k} eras after {last}");
            last = k;
        }
        assert_eq!(last, 1);
    }

    #[test]
    fn eras_serialise_with_their_phase_fields_flat() {
        let ev = shock(1, "2014-03-18", -8.0, 6);
        let s = series_of(&ev, "2008-01", "2020-12");
        let ph = phases(&s, &PhaseParams::default());
        let er = eras(&s, &ph, &EraParams::default());
        let v = serde_json::to_value(&er).unwrap();
        assert!(v[0]["start"].is_string() && v[0]["band"].is_string());
        assert!(v[0]["defining_events"].is_array());
        assert_eq!(er[0].span.band, er[0].band);
    }
}
