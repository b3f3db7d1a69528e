//! How much the findings depend on the impact model's parameters: the level, its eras and
//! phases, its reset cycles and the spiral-decline test recomputed with each parameter of
//! [`ImpactParams`] (and the level's memory half-life) halved and doubled, the others at their
//! values. A finding that survives every row does not hang on one choice; one that changes says
//! which choice it hangs on.
//!
//! ```
//! use dyad_analysis::prelude::*;
//! use dyad_analysis::robustness::{robustness, Settings};
//! let r = robustness(&[], &Settings::default(), None, None);
//! assert_eq!(r.variants.len(), 16); // 8 parameters × (halved, doubled)
//! assert_eq!(r.base.phases, 0);
//! ```

use crate::cycles::{cycles, spiral_test, CycleParams, Verdict};
use crate::eras::{eras, EraParams};
use crate::level::{level_series, LevelParams, LevelSeries};
use crate::obs::Obs;
use crate::phases::{phases, PhaseParams};
use crate::series::Month;
use serde::Serialize;

/// The parameters of every stage, as the analysis runs them.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Settings {
    pub level: LevelParams,
    pub phase: PhaseParams,
    pub era: EraParams,
    pub cycle: CycleParams,
}

/// What one run of the analysis finds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The parameter changed (`None` for the documented values).
    pub parameter: Option<&'static str>,
    /// Its multiplier: 0.5 or 2.0 (1.0 for the documented values).
    pub factor: f64,
    /// Its value in this run.
    pub value: f64,
    pub eras: usize,
    pub phases: usize,
    pub cycles: usize,
    pub verdict: Verdict,
    /// The month of the largest fall due to events, and the fall.
    pub largest_fall: Option<(Month, f64)>,
    /// The lowest level and its month.
    pub minimum: Option<(Month, f64)>,
}

/// The documented run and every variant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Robustness {
    pub base: Outcome,
    /// Two per parameter (halved, doubled), in the order of [`parameters`].
    pub variants: Vec<Outcome>,
    /// Variants whose spiral-test verdict differs from the documented run's.
    pub verdict_changes: usize,
}

/// The parameters varied, with their documented values: those of [`ImpactParams`], then the
/// level's `half_life_months`.
///
/// [`ImpactParams`]: crate::impact::ImpactParams
pub fn parameters(level: &LevelParams) -> Vec<(&'static str, f64)> {
    let mut v: Vec<(&'static str, f64)> = level.impact.named().to_vec();
    v.push(("half_life_months", level.half_life_months));
    v
}

fn with(level: &LevelParams, name: &str, factor: f64) -> LevelParams {
    let mut p = level.clone();
    if name == "half_life_months" {
        p.half_life_months *= factor;
    } else if let Some(i) = p.impact.scaled(name, factor) {
        p.impact = i;
    }
    p
}

fn run(
    obs: &[Obs],
    settings: &Settings,
    level: &LevelParams,
    from: Option<Month>,
    to: Option<Month>,
) -> (LevelSeries, usize, usize, usize, Verdict) {
    let s = level_series(obs, level, from, to);
    let ph = phases(&s, &settings.phase);
    let er = if ph.is_empty() {
        Vec::new()
    } else {
        eras(&s, &ph, &settings.era)
    };
    let cy = cycles(&s, &settings.cycle);
    let verdict = spiral_test(&cy).verdict;
    (s, er.len(), ph.len(), cy.len(), verdict)
}

fn outcome(
    parameter: Option<&'static str>,
    factor: f64,
    value: f64,
    (s, eras, phases, cycles, verdict): (LevelSeries, usize, usize, usize, Verdict),
) -> Outcome {
    let largest_fall = s
        .points
        .iter()
        .min_by(|a, b| a.event_sum.total_cmp(&b.event_sum))
        .filter(|p| p.event_sum < 0.0)
        .map(|p| (p.period, p.event_sum));
    let minimum = s
        .points
        .iter()
        .min_by(|a, b| a.level.total_cmp(&b.level))
        .map(|p| (p.period, p.level));
    Outcome {
        parameter,
        factor,
        value,
        eras,
        phases,
        cycles,
        verdict,
        largest_fall,
        minimum,
    }
}

/// Runs the analysis of `obs` (months `from..=to`, as [`level_series`] takes them) with the
/// documented settings and with each parameter halved and doubled.
pub fn robustness(
    obs: &[Obs],
    settings: &Settings,
    from: Option<Month>,
    to: Option<Month>,
) -> Robustness {
    let base = outcome(
        None,
        1.0,
        1.0,
        run(obs, settings, &settings.level, from, to),
    );
    let mut variants = Vec::new();
    for (name, value) in parameters(&settings.level) {
        for factor in [0.5, 2.0] {
            let level = with(&settings.level, name, factor);
            variants.push(outcome(
                Some(name),
                factor,
                value * factor,
                run(obs, settings, &level, from, to),
            ));
        }
    }
    let verdict_changes = variants
        .iter()
        .filter(|v| v.verdict != base.verdict)
        .count();
    Robustness {
        base,
        variants,
        verdict_changes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::tests::obs;

    #[test]
    fn every_parameter_is_halved_and_doubled() {
        let mut events = Vec::new();
        for y in 2000..2010 {
            for (k, g) in [(1, 6.0), (4, -7.0), (7, -4.0), (10, 5.0)] {
                let mut e = obs(
                    i64::from(y * 100 + k),
                    &format!("{y}-{k:02}-15"),
                    "USA",
                    "RUS",
                    if g > 0.0 { 2 } else { 4 },
                    g,
                    &[],
                );
                e.rank = Some(1);
                events.push(e);
            }
        }
        let r = robustness(&events, &Settings::default(), None, None);
        assert!(r.base.phases >= 1 && r.base.largest_fall.is_some());
        let names: Vec<_> = r.variants.iter().map(|v| v.parameter.unwrap()).collect();
        assert_eq!(names.len(), 16);
        assert_eq!(names[0], "scale");
        assert_eq!(names[15], "half_life_months");
        let doubled_scale = &r.variants[1];
        assert_eq!((doubled_scale.factor, doubled_scale.value), (2.0, 0.3));
        // a larger scale moves the level more
        assert!(doubled_scale.largest_fall.unwrap().1 < r.base.largest_fall.unwrap().1);
        assert_eq!(
            r.verdict_changes,
            r.variants
                .iter()
                .filter(|v| v.verdict != r.base.verdict)
                .count()
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["variants"][0]["parameter"], "scale");
    }
}
