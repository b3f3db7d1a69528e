//! The calibrated impact of an event on the level: what one act is worth before the level's
//! saturation, from its kind, its size, the rank of the people in it and how often it was
//! reported, with diminishing returns for acts of the same kind repeated within a month. See
//! `docs/method.md`, section 3, for the model and why each parameter has its value.
//!
//! `x = goldstein × kind × rank × size × mentions × scale`, then within a month the k-th largest
//! act of the same kind (CAMEO root) by the same actor counts `k^(−repeat_exponent)` of itself.
//!
//! ```
//! use dyad_analysis::impact::{ImpactParams, Mode};
//! let p = ImpactParams::default();
//! assert_eq!(Mode::of("042", 1), Mode::Words); // a meeting is said, not done
//! assert_eq!(Mode::of("057", 1), Mode::Deeds); // a signed agreement binds
//! assert!(p.rank_weight(Some(1)) > p.rank_weight(Some(3)));
//! assert!(p.rank_weight(Some(4)) > p.rank_weight(None)); // a spokesperson over an agency
//! // ten like acts in a month count about three times one act, not ten
//! let w = p.repeat_weights(&[1.0; 10]);
//! assert!((w.iter().sum::<f64>() - 2.93).abs() < 0.01);
//! ```

use crate::obs::{safe_goldstein, Obs};
use dyad_model::magnitude::{Magnitude, Unit};
use serde::Serialize;

/// Whether an act is words (statements, meetings, appeals, demands, threats) or deeds (aid,
/// sanctions, expulsions, force, a signed agreement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Words,
    Deeds,
}

/// Codes of CAMEO's verbal QuadClasses that bind the state all the same: signing a formal
/// agreement (057) creates obligations, so it counts as a deed.
pub const BINDING_VERBAL_CODES: &[&str] = &["057"];

impl Mode {
    /// QuadClasses 1 and 3 (verbal cooperation and conflict) are words, except the codes of
    /// [`BINDING_VERBAL_CODES`]; 2 and 4 (material) are deeds; an unclassified act is weighed as a
    /// deed (nothing is discounted that is not known to be words).
    pub fn of(cameo: &str, quad_class: u8) -> Mode {
        match quad_class {
            1 | 3 if !BINDING_VERBAL_CODES.contains(&cameo.trim()) => Mode::Words,
            _ => Mode::Deeds,
        }
    }
}

/// The parameters of the impact model; `Default` gives the documented values. Every field is a
/// positive number whose halving and doubling the robustness check runs
/// ([`crate::robustness`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImpactParams {
    /// Level points per Goldstein point of a head-of-state deed of unstated size reported once
    /// (0.15).
    pub scale: f64,
    /// Weight of words against deeds (0.5): a statement, meeting or threat costs its author
    /// little; a deed (sanctions, an expulsion, a signed treaty) costs or binds.
    pub verbal_weight: f64,
    /// Rank weight `1 / (1 + rank_slope·(r − 1))` for ranks r = 1 head of state, 2 head of
    /// government, 3 minister, 4 other official (spokesperson, envoy, deputy minister), 5 an
    /// act with no named person (an agency, a court, a military unit) (0.5: 1, 0.67, 0.5, 0.4,
    /// 0.33).
    pub rank_slope: f64,
    /// Size factor `1 + magnitude_per_decade·log10(n)` for an act of stated size n (diplomats,
    /// designations, delistings, prisoners, troops) (0.5: each tenfold adds half the act's
    /// weight). Acts of unstated size, and warhead counts (a ceiling, not a quantity moved), have 1.
    pub magnitude_per_decade: f64,
    /// Within a month, the k-th largest act of the same kind (CAMEO root) by the same actor counts
    /// `k^(−repeat_exponent)` of itself (1.0: n like acts count about `ln n + 0.58` acts).
    pub repeat_exponent: f64,
    /// f(mentions) = min(1 + mention_coef·ln(mentions), mention_cap) (0.5 and 2.0).
    pub mention_coef: f64,
    pub mention_cap: f64,
}

impl Default for ImpactParams {
    fn default() -> Self {
        ImpactParams {
            scale: 0.15,
            verbal_weight: 0.5,
            rank_slope: 0.5,
            magnitude_per_decade: 0.5,
            repeat_exponent: 1.0,
            mention_coef: 0.5,
            mention_cap: 2.0,
        }
    }
}

/// The rank an act with no named person is weighed at (one below "other official").
pub const UNNAMED_RANK: u8 = 5;

impl ImpactParams {
    /// The parameters by name, with their values, in a fixed order (for the robustness check and
    /// the report).
    pub fn named(&self) -> [(&'static str, f64); 7] {
        [
            ("scale", self.scale),
            ("verbal_weight", self.verbal_weight),
            ("rank_slope", self.rank_slope),
            ("magnitude_per_decade", self.magnitude_per_decade),
            ("repeat_exponent", self.repeat_exponent),
            ("mention_coef", self.mention_coef),
            ("mention_cap", self.mention_cap),
        ]
    }

    /// A copy with the parameter `name` multiplied by `factor`; `None` for an unknown name.
    pub fn scaled(&self, name: &str, factor: f64) -> Option<ImpactParams> {
        let mut p = self.clone();
        let f = match name {
            "scale" => &mut p.scale,
            "verbal_weight" => &mut p.verbal_weight,
            "rank_slope" => &mut p.rank_slope,
            "magnitude_per_decade" => &mut p.magnitude_per_decade,
            "repeat_exponent" => &mut p.repeat_exponent,
            "mention_coef" => &mut p.mention_coef,
            "mention_cap" => &mut p.mention_cap,
            _ => return None,
        };
        *f *= factor;
        Some(p)
    }

    /// Weight of words or deeds.
    pub fn mode_weight(&self, mode: Mode) -> f64 {
        match mode {
            Mode::Words => finite_or(self.verbal_weight, 0.0).max(0.0),
            Mode::Deeds => 1.0,
        }
    }

    /// Weight of an act by the best rank among its persons (`None`: no named person).
    pub fn rank_weight(&self, rank: Option<u8>) -> f64 {
        let r = rank.map_or(UNNAMED_RANK, |r| r.clamp(1, 4));
        let slope = finite_or(self.rank_slope, 0.0).max(0.0);
        1.0 / (1.0 + slope * f64::from(r - 1))
    }

    /// Weight of an act by its stated size.
    pub fn magnitude_factor(&self, magnitude: Option<&Magnitude>) -> f64 {
        match magnitude {
            Some(m) if m.unit != Unit::Warheads && m.value >= 1 => {
                let k = finite_or(self.magnitude_per_decade, 0.0).max(0.0);
                1.0 + k * (m.value as f64).log10()
            }
            _ => 1.0,
        }
    }

    /// f(mentions): more independent reports, more weight, with diminishing returns and a cap.
    pub fn mention_factor(&self, mentions: u32) -> f64 {
        let m = f64::from(mentions.max(1));
        finite_or(
            (1.0 + self.mention_coef * m.ln()).min(self.mention_cap),
            1.0,
        )
        .max(0.0)
    }

    /// The impact of one act before repetition within its month and before saturation.
    pub fn base_impact(&self, o: &Obs) -> f64 {
        let x = safe_goldstein(o.goldstein)
            * self.mode_weight(Mode::of(&o.cameo, o.quad_class))
            * self.rank_weight(o.rank)
            * self.magnitude_factor(o.magnitude.as_ref())
            * self.mention_factor(o.mentions)
            * self.scale;
        finite_or(x, 0.0)
    }

    /// Weights of acts of one kind in one month, given their impacts: the k-th largest by absolute
    /// value gets `k^(−repeat_exponent)` (ties in the given order). The weighted sum never falls
    /// when an act is added, and one act alone keeps its whole weight.
    pub fn repeat_weights(&self, impacts: &[f64]) -> Vec<f64> {
        let theta = finite_or(self.repeat_exponent, 0.0).max(0.0);
        let mut order: Vec<usize> = (0..impacts.len()).collect();
        order.sort_by(|&a, &b| impacts[b].abs().total_cmp(&impacts[a].abs()));
        let mut w = vec![1.0; impacts.len()];
        for (k, &i) in order.iter().enumerate() {
            w[i] = ((k + 1) as f64).powf(-theta);
        }
        w
    }
}

/// The kind of an act for diminishing returns: its CAMEO root (the two-digit category: 04
/// consult, 16 reduce relations, 13 threaten…), its actor and its sign.
pub fn repeat_key(o: &Obs, impact: f64) -> (String, String, bool) {
    (
        crate::obs::cameo_root(&o.cameo).to_string(),
        o.source.clone(),
        impact >= 0.0,
    )
}

fn finite_or(x: f64, default: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        default
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::tests::obs;

    fn act(cameo: &str, quad: u8, g: f64, rank: Option<u8>) -> Obs {
        let mut o = obs(1, "2018-03-26", "USA", "RUS", quad, g, &["diplomacy"]);
        o.cameo = cameo.into();
        o.rank = rank;
        o
    }

    #[test]
    fn a_larger_expulsion_weighs_more() {
        let p = ImpactParams::default();
        let mut one = act("161", 4, -4.0, None);
        one.magnitude = Some("1 diplomats".parse().unwrap());
        let mut sixty = one.clone();
        sixty.magnitude = Some("60 diplomats".parse().unwrap());
        let (a, b) = (p.base_impact(&one), p.base_impact(&sixty));
        assert!(b < a && a < 0.0, "{a} {b}");
        assert!((b / a - (1.0 + 0.5 * 60f64.log10())).abs() < 1e-9);
        let mut warheads = act("057", 1, 8.0, Some(1));
        let plain = p.base_impact(&warheads);
        warheads.magnitude = Some("1550 warheads".parse().unwrap());
        assert_eq!(p.base_impact(&warheads), plain);
    }

    #[test]
    fn rank_orders_head_of_state_minister_spokesperson_agency() {
        let p = ImpactParams::default();
        let w: Vec<f64> = [Some(1), Some(2), Some(3), Some(4), None]
            .into_iter()
            .map(|r| p.rank_weight(r))
            .collect();
        assert!(w.windows(2).all(|w| w[0] > w[1]), "{w:?}");
        assert_eq!(w[0], 1.0);
        let president = p.base_impact(&act("138", 3, -7.0, Some(1)));
        let spokesperson = p.base_impact(&act("138", 3, -7.0, Some(4)));
        assert!(president < spokesperson && spokesperson < 0.0);
    }

    #[test]
    fn words_weigh_less_than_deeds() {
        let p = ImpactParams::default();
        let threat = p.base_impact(&act("160", 3, -4.0, None));
        let withdrawal = p.base_impact(&act("160", 4, -4.0, None));
        assert!((threat / withdrawal - 0.5).abs() < 1e-12);
        assert_eq!(Mode::of("057", 1), Mode::Deeds);
        assert_eq!(Mode::of("041", 1), Mode::Words);
        assert_eq!(Mode::of("163", 4), Mode::Deeds);
    }

    #[test]
    fn repetition_has_diminishing_but_positive_returns() {
        let p = ImpactParams::default();
        assert_eq!(p.repeat_weights(&[0.3]), vec![1.0]);
        let w = p.repeat_weights(&[0.1, 0.5, 0.2]);
        assert_eq!(w, vec![1.0 / 3.0, 1.0, 0.5]);
        // adding an act never lowers the weighted sum
        let sum = |x: &[f64]| {
            p.repeat_weights(x)
                .iter()
                .zip(x)
                .map(|(w, x)| w * x)
                .sum::<f64>()
        };
        let mut xs = vec![0.4, 0.1];
        for extra in [0.05, 0.3, 0.9, 0.4] {
            let before = sum(&xs);
            xs.push(extra);
            assert!(sum(&xs) >= before - 1e-12);
        }
        let none = ImpactParams {
            repeat_exponent: 0.0,
            ..p
        };
        assert_eq!(none.repeat_weights(&[1.0, 1.0]), vec![1.0, 1.0]);
    }

    #[test]
    fn scaled_names_every_parameter() {
        let p = ImpactParams::default();
        for (name, v) in p.named() {
            let q = p.scaled(name, 2.0).unwrap();
            let got = q.named().into_iter().find(|(n, _)| *n == name).unwrap().1;
            assert_eq!(got, 2.0 * v);
        }
        assert!(p.scaled("nothing", 2.0).is_none());
    }
}
