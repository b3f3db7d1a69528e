//! The cumulative relations level on −9..+9 (the Tsinghua scale), with memory and saturation,
//! read on six bands. See `docs/method.md` for the model and why each parameter has its value.
//!
//! Each month `t`:
//!
//! 1. memory: `L ← b + (L − b)·δ`, with `δ = 0.5^(1/half_life)` (the level drifts back to the
//!    baseline `b` when nothing happens);
//! 2. the month's events move the level together, by their calibrated impacts
//!    `x = goldstein × kind × rank × size × f(mentions) × scale`, the k-th largest act of the same
//!    kind by the same actor in the month counting `k^(−repeat_exponent)` of itself
//!    ([`crate::impact`]). The month's gains and its losses are each summed and applied with
//!    saturation, so that the level can never leave −9..+9:
//!    `L ← 9 − (9 − L)·e^(−x/9)` for `x > 0` and `L ← −9 + (9 + L)·e^(x/9)` for `x < 0`.
//!    For small `x` this is `L + x·(9 − L)/9` (resp. `L + x·(9 + L)/9`): a gain shrinks near +9, a loss
//!    near −9. The order of a month's acts is not known (many are dated only to the month) and
//!    would matter, so the gains and the losses are applied in both orders and the results
//!    averaged ([`month_moves`]). Events dated only to the year are spread in twelve equal parts
//!    over their year.
//!
//! Every update is increasing in `L` and in the month's summed gain, so adding a cooperative act
//! never lowers the level (it never lowers its repetition group's weighted sum), and the level
//! stays in −9..+9 for any stream. Each event's contribution is its share of the month's move of
//! its sign.
//!
//! ```
//! use dyad_analysis::level::{level_series, Band, LevelParams};
//! let s = level_series(&[], &LevelParams::default(), None, None);
//! assert!(s.points.is_empty());
//! assert_eq!(Band::of(4.0), Band::Good);
//! assert_eq!(Band::of(-6.5).zh(), "对抗");
//! ```

use crate::impact::{repeat_key, ImpactParams};
use crate::obs::{safe_goldstein, Obs};
use crate::series::Month;
use dyad_model::Precision;
use serde::Serialize;

/// The bound of the scale.
pub const MAX_LEVEL: f64 = 9.0;

/// The six bands of the Tsinghua scale, each three points wide. A boundary belongs to the band
/// above it (0.0 is ordinary, −3.0 discord, −6.0 tense), except +9, which is friendly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Confrontation,
    Tense,
    Discord,
    Ordinary,
    Good,
    Friendly,
}

impl Band {
    pub fn of(level: f64) -> Band {
        match level {
            l if l >= 6.0 => Band::Friendly,
            l if l >= 3.0 => Band::Good,
            l if l >= 0.0 => Band::Ordinary,
            l if l >= -3.0 => Band::Discord,
            l if l >= -6.0 => Band::Tense,
            _ => Band::Confrontation,
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Band::Confrontation => "confrontation",
            Band::Tense => "tense",
            Band::Discord => "discord",
            Band::Ordinary => "ordinary",
            Band::Good => "good",
            Band::Friendly => "friendly",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Band::Confrontation => "对抗",
            Band::Tense => "紧张",
            Band::Discord => "不和",
            Band::Ordinary => "普通",
            Band::Good => "良好",
            Band::Friendly => "友好",
        }
    }

    /// The band's range `[low, high)`.
    pub fn range(self) -> (f64, f64) {
        let low = match self {
            Band::Confrontation => -9.0,
            Band::Tense => -6.0,
            Band::Discord => -3.0,
            Band::Ordinary => 0.0,
            Band::Good => 3.0,
            Band::Friendly => 6.0,
        };
        (low, low + 3.0)
    }
}

/// The parameters of the level model; `Default` gives the documented values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelParams {
    /// Level before the first month's events (+4.0, "good": the relationship began cordial).
    pub start_level: f64,
    /// Level the memory decays toward when nothing happens (0.0, the ordinary/discord boundary).
    pub baseline: f64,
    /// Months for half of a deviation from the baseline to fade (36).
    pub half_life_months: f64,
    /// What one event is worth (kind, rank, size, mentions, repetition within a month).
    #[serde(flatten)]
    pub impact: ImpactParams,
}

impl Default for LevelParams {
    fn default() -> Self {
        LevelParams {
            start_level: 4.0,
            baseline: 0.0,
            half_life_months: 36.0,
            impact: ImpactParams::default(),
        }
    }
}

impl LevelParams {
    /// The monthly memory factor δ = 0.5^(1/half_life); 1.0 (no decay) for a non-positive or
    /// non-finite half-life.
    pub fn monthly_retention(&self) -> f64 {
        if self.half_life_months.is_finite() && self.half_life_months > 0.0 {
            0.5f64.powf(1.0 / self.half_life_months)
        } else {
            1.0
        }
    }

    /// The impact of an event before repetition within its month and before saturation
    /// ([`ImpactParams::base_impact`]).
    pub fn base_impact(&self, o: &Obs) -> f64 {
        self.impact.base_impact(o)
    }
}

fn finite_or(x: f64, default: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        default
    }
}

/// Moves a level by an impact with saturation; the result is always within −9..+9.
pub fn saturate(level: f64, impact: f64) -> f64 {
    let l = finite_or(level, 0.0).clamp(-MAX_LEVEL, MAX_LEVEL);
    let x = finite_or(impact, 0.0);
    // Saturation acts only on the side a move heads for: a gain is damped above 0 (by the
    // distance to +9) and taken whole below it; a loss is damped below 0 and taken whole above it.
    let up = |l: f64, x: f64| MAX_LEVEL - (MAX_LEVEL - l) * (-x / MAX_LEVEL).exp();
    let out = if x >= 0.0 {
        if l >= 0.0 {
            up(l, x)
        } else if l + x <= 0.0 {
            l + x
        } else {
            up(0.0, l + x)
        }
    } else {
        -saturate_gain_mirror(-l, -x, up)
    };
    out.clamp(-MAX_LEVEL, MAX_LEVEL)
}

/// A loss as the mirror of a gain: `l` and `x` are the negated level and loss.
fn saturate_gain_mirror(l: f64, x: f64, up: impl Fn(f64, f64) -> f64) -> f64 {
    if l >= 0.0 {
        up(l, x)
    } else if l + x <= 0.0 {
        l + x
    } else {
        up(0.0, l + x)
    }
}

/// How a month's summed gain (≥ 0) and summed loss (≤ 0) move a level: each applied after the
/// other in both orders, the moves of each sign averaged over the two orders. Returns
/// `(gain move, loss move)`; their sum is the month's change, and each is 0 when its sum is 0.
pub fn month_moves(level: f64, gains: f64, losses: f64) -> (f64, f64) {
    let step = |l: f64, x: f64| if x == 0.0 { l } else { saturate(l, x) };
    // gains first
    let g1 = step(level, gains);
    let gl = step(g1, losses);
    // losses first
    let l1 = step(level, losses);
    let lg = step(l1, gains);
    (
        ((g1 - level) + (lg - l1)) / 2.0,
        ((gl - g1) + (l1 - level)) / 2.0,
    )
}

/// The level at the end of one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelPoint {
    /// `YYYY-MM`.
    pub period: Month,
    pub level: f64,
    pub band: Band,
    pub band_zh: &'static str,
    /// Level change from the previous month's end (= `decay` + `event_sum`).
    pub change: f64,
    /// Part of the change due to memory (drift toward the baseline).
    pub decay: f64,
    /// Part of the change due to this month's events.
    pub event_sum: f64,
    /// Events (or twelfths of year-dated events) applied this month.
    pub events: u32,
}

/// What one event (or one twelfth of a year-dated event) did to the level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    pub id: i64,
    /// The event's own date, as given.
    pub date: dyad_model::EventDate,
    /// The month in which this part was applied.
    pub month: Month,
    pub label: String,
    pub cameo: String,
    pub domains: Vec<String>,
    pub goldstein: f64,
    /// Unsaturated impact of this part, after repetition within its month.
    pub impact: f64,
    /// The weight repetition gave it: `k^(−repeat_exponent)` for the k-th largest act of its
    /// kind by its actor in the month (1.0 for the largest, and for parts of year-dated events).
    pub repeat_weight: f64,
    /// Actual change of the level it caused (saturated).
    pub contribution: f64,
    pub level_before: f64,
    pub level_after: f64,
    /// 1.0, or 1/12 for each part of a year-dated event.
    pub share: f64,
}

/// The monthly level series and the contribution of every event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelSeries {
    pub params: LevelParams,
    /// One point per month, continuous.
    pub points: Vec<LevelPoint>,
    /// One entry per applied event part, in the order applied.
    pub contributions: Vec<Contribution>,
    /// Events dropped because they fall after the last month requested.
    pub after_end: u32,
}

impl LevelSeries {
    /// The level at the end of month `m`, if the series covers it.
    pub fn at(&self, m: Month) -> Option<f64> {
        let first = self.points.first()?.period;
        let i = usize::try_from(first.until(m)).ok()?;
        self.points.get(i).map(|p| p.level)
    }

    /// The level at the start of month `m` (the previous month's end; the start level for the
    /// first month of the computation).
    pub fn before(&self, m: Month) -> Option<f64> {
        let first = self.points.first()?;
        if m == first.period {
            return Some(first.level - first.change);
        }
        self.at(m.pred())
    }

    /// The months, as `f64` levels, for the time-series stages.
    pub fn levels(&self) -> Vec<f64> {
        self.points.iter().map(|p| p.level).collect()
    }

    /// Contributions summed per event (year-dated events' twelfths together), sorted by date.
    pub fn event_totals(&self) -> Vec<EventContribution> {
        let mut out: Vec<EventContribution> = Vec::new();
        let mut pos: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
        for c in &self.contributions {
            match pos.get(&c.id) {
                Some(&i) => {
                    out[i].contribution += c.contribution;
                    out[i].impact += c.impact;
                }
                None => {
                    pos.insert(c.id, out.len());
                    out.push(EventContribution {
                        id: c.id,
                        date: c.date,
                        label: c.label.clone(),
                        cameo: c.cameo.clone(),
                        domains: c.domains.clone(),
                        impact: c.impact,
                        contribution: c.contribution,
                    });
                }
            }
        }
        out
    }
}

/// One event's total effect on the level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventContribution {
    pub id: i64,
    pub date: dyad_model::EventDate,
    pub label: String,
    pub cameo: String,
    pub domains: Vec<String>,
    pub impact: f64,
    pub contribution: f64,
}

/// The repetition weight of each part of a month's bucket (in the bucket's order): parts of
/// events dated to the day or month are grouped by kind ([`repeat_key`]) and weighted by
/// [`ImpactParams::repeat_weights`]; parts of year-dated events keep 1.0 (they are spread over
/// the year, not repeated in the month).
fn repeat_weights(
    bucket: &[(i64, i64, usize, f64)],
    obs: &[Obs],
    params: &LevelParams,
) -> Vec<f64> {
    let mut weights = vec![1.0; bucket.len()];
    let mut groups: std::collections::BTreeMap<(String, String, bool), Vec<usize>> =
        std::collections::BTreeMap::new();
    for (j, &(key, _, i, _)) in bucket.iter().enumerate() {
        if key == i64::MIN {
            continue;
        }
        let x = params.base_impact(&obs[i]);
        groups.entry(repeat_key(&obs[i], x)).or_default().push(j);
    }
    for members in groups.values() {
        let xs: Vec<f64> = members
            .iter()
            .map(|&j| params.base_impact(&obs[bucket[j].2]))
            .collect();
        for (&j, w) in members.iter().zip(params.impact.repeat_weights(&xs)) {
            weights[j] = w;
        }
    }
    weights
}

/// Computes the monthly level.
///
/// The computation starts at the earlier of `from` and the first event's month, with
/// `params.start_level`, and ends at `to` (else the last event's month); points are returned from
/// `from` (else the start) to the end (the last month any event covers: December for a
/// year-dated one). Events before `from` still shape the level through memory;
/// events after `to` are dropped and counted. Empty input and no `from`/`to` give an empty series.
pub fn level_series(
    obs: &[Obs],
    params: &LevelParams,
    from: Option<Month>,
    to: Option<Month>,
) -> LevelSeries {
    let empty = |after_end| LevelSeries {
        params: params.clone(),
        points: Vec::new(),
        contributions: Vec::new(),
        after_end,
    };
    let first_event = obs.iter().map(|o| Month::of(&o.date)).min();
    // A year-dated event covers its whole year.
    let last_event = obs.iter().map(|o| Month::of(&o.date.last_day())).max();
    let start = match (from, first_event) {
        (Some(f), Some(e)) => f.min(e),
        (Some(f), None) => f,
        (None, Some(e)) => e,
        (None, None) => return empty(0),
    };
    let Some(end) = to.or(last_event) else {
        return empty(0);
    };
    if end < start {
        return empty(obs.len() as u32);
    }
    // Guard against absurd spans (a typo'd year 9999): at most 100 years of months.
    let n_months = (start.until(end) + 1).min(1200) as usize;
    let end = start.plus(n_months as i32 - 1);

    // Parts to apply, bucketed by month: (sort key, obs index, share).
    let mut buckets: Vec<Vec<(i64, i64, usize, f64)>> = vec![Vec::new(); n_months];
    let mut after_end = 0u32;
    for (i, o) in obs.iter().enumerate() {
        if o.date.precision() == Precision::Year {
            let first = Month::new(o.date.y(), 1);
            let mut any = false;
            for k in 0..12 {
                let m = first.plus(k);
                if let Ok(pos) = usize::try_from(start.until(m)) {
                    if pos < n_months {
                        // Year parts first in their month (key below any day of the month).
                        buckets[pos].push((i64::MIN, o.id, i, 1.0 / 12.0));
                        any = true;
                    }
                }
            }
            if !any && Month::of(&o.date) > end {
                after_end += 1;
            }
        } else {
            let m = Month::of(&o.date);
            match usize::try_from(start.until(m)) {
                Ok(pos) if pos < n_months => buckets[pos].push((o.date.ordinal(), o.id, i, 1.0)),
                _ => after_end += u32::from(m > end),
            }
        }
    }

    let retention = params.monthly_retention();
    let baseline = finite_or(params.baseline, 0.0).clamp(-MAX_LEVEL, MAX_LEVEL);
    let mut level = finite_or(params.start_level, 0.0).clamp(-MAX_LEVEL, MAX_LEVEL);
    let mut points = Vec::with_capacity(n_months);
    let mut contributions = Vec::new();
    for (k, bucket) in buckets.iter_mut().enumerate() {
        let before = level;
        if k > 0 {
            level = baseline + (level - baseline) * retention;
        }
        let decay = level - before;
        bucket.sort_by_key(|a| (a.0, a.1));
        let weights = repeat_weights(bucket, obs, params);
        // The month's events move the level together. Their order within the month is not known
        // (many are dated only to the month), and with one-sided saturation it would matter: so
        // the month's gains and its losses are each summed, applied in both orders (gains, then
        // losses; losses, then gains), and the two results averaged. Each order is increasing in
        // the level and in the summed gain, so adding a cooperative act can never lower the level.
        let impacts: Vec<f64> = bucket
            .iter()
            .zip(&weights)
            .map(|(&(_, _, i, share), &w)| finite_or(params.base_impact(&obs[i]) * share * w, 0.0))
            .collect();
        let gains: f64 = impacts.iter().filter(|x| **x > 0.0).sum();
        let losses: f64 = impacts.iter().filter(|x| **x < 0.0).sum();
        let before_events = level;
        let (gain_move, loss_move) = month_moves(level, gains, losses);
        for ((&(_, _, i, share), &repeat_weight), &impact) in
            bucket.iter().zip(&weights).zip(&impacts)
        {
            let o = &obs[i];
            // An event's contribution is its share of the move of its sign.
            let contribution = if impact > 0.0 {
                gain_move * impact / gains
            } else if impact < 0.0 {
                loss_move * impact / losses
            } else {
                0.0
            };
            let after = level + contribution;
            contributions.push(Contribution {
                id: o.id,
                date: o.date,
                month: start.plus(k as i32),
                label: o.label.clone(),
                cameo: o.cameo.clone(),
                domains: o.domains.clone(),
                goldstein: safe_goldstein(o.goldstein),
                impact,
                repeat_weight,
                contribution,
                level_before: level,
                level_after: after,
                share,
            });
            level = after;
        }
        level = (before_events + gain_move + loss_move).clamp(-MAX_LEVEL, MAX_LEVEL);
        let event_sum = level - before_events;
        let band = Band::of(level);
        points.push(LevelPoint {
            period: start.plus(k as i32),
            level,
            band,
            band_zh: band.zh(),
            change: level - before,
            decay,
            event_sum,
            events: bucket.len() as u32,
        });
    }
    if let Some(f) = from {
        if f > start {
            let skip = (start.until(f) as usize).min(points.len());
            points.drain(..skip);
        }
    }
    LevelSeries {
        params: params.clone(),
        points,
        contributions,
        after_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::tests::obs;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    #[test]
    fn bands_cover_the_scale() {
        assert_eq!(Band::of(-9.0), Band::Confrontation);
        assert_eq!(Band::of(-6.0), Band::Tense);
        assert_eq!(Band::of(-0.01), Band::Discord);
        assert_eq!(Band::of(0.0), Band::Ordinary);
        assert_eq!(Band::of(5.99), Band::Good);
        assert_eq!(Band::of(9.0), Band::Friendly);
        assert_eq!(Band::Tense.range(), (-6.0, -3.0));
        assert_eq!(Band::Good.zh(), "良好");
    }

    #[test]
    fn saturation_shrinks_moves_near_the_ends() {
        assert!((saturate(0.0, 0.1) - 0.1).abs() < 0.001);
        let up_high = saturate(8.0, 1.0) - 8.0;
        let up_low = saturate(0.0, 1.0);
        assert!(up_high < up_low / 5.0);
        assert!(saturate(8.9, 100.0) <= 9.0);
        assert!(saturate(-8.9, -100.0) >= -9.0);
        assert_eq!(saturate(f64::NAN, f64::INFINITY), 0.0);
    }

    #[test]
    fn memory_halves_a_deviation_in_one_half_life() {
        let p = LevelParams {
            start_level: 4.0,
            half_life_months: 12.0,
            ..LevelParams::default()
        };
        let s = level_series(&[], &p, Some(m("2000-01")), Some(m("2001-01")));
        assert_eq!(s.points.len(), 13);
        assert!((s.points[0].level - 4.0).abs() < 1e-12);
        assert!((s.points[12].level - 2.0).abs() < 1e-9);
    }

    #[test]
    fn events_move_the_level_and_decompose_exactly() {
        let p = LevelParams::default();
        let mut a = obs(
            1,
            "2008-08-11",
            "USA",
            "RUS",
            3,
            -5.0,
            &["military-conflict:georgia"],
        );
        a.rank = Some(1);
        let b = obs(2, "2008-09", "USA", "RUS", 1, 3.0, &["diplomacy"]);
        let c = obs(3, "2009", "USA", "RUS", 2, 6.0, &[]);
        let s = level_series(&[b, a, c], &p, None, None);
        assert_eq!(s.points.first().unwrap().period, m("2008-08"));
        assert_eq!(s.points.last().unwrap().period, m("2009-12"));
        assert!(s.points[0].level < p.start_level);
        assert!(s.points[1].level > s.points[0].level - 0.2);
        assert_eq!(s.contributions.iter().filter(|c| c.id == 3).count(), 12);
        for w in s.points.windows(2) {
            assert!((w[1].level - w[0].level - w[1].change).abs() < 1e-12);
            assert!((w[1].change - w[1].decay - w[1].event_sum).abs() < 1e-12);
        }
        let totals = s.event_totals();
        assert_eq!(totals.len(), 3);
        let year_total = totals.iter().find(|t| t.id == 3).unwrap();
        assert!(year_total.contribution > 0.0);
        assert!((s.before(m("2008-08")).unwrap() - 4.0).abs() < 1e-12);
    }

    /// The level's change in 2018-03 from a start at 0 with the given events of that month.
    fn move_of(events: &[Obs]) -> f64 {
        let p = LevelParams {
            start_level: 0.0,
            ..LevelParams::default()
        };
        let s = level_series(events, &p, None, None);
        s.at(m("2018-03")).unwrap()
    }

    fn act(id: i64, day: u32, cameo: &str, quad: u8, g: f64, rank: Option<u8>) -> Obs {
        let mut o = obs(id, &format!("2018-03-{day:02}"), "USA", "RUS", quad, g, &[]);
        o.cameo = cameo.into();
        o.rank = rank;
        o
    }

    #[test]
    fn calibrated_impact_on_constructed_streams() {
        // A one-diplomat expulsion moves the level less than a sixty-diplomat one.
        let mut one = act(1, 26, "161", 4, -4.0, Some(1));
        one.magnitude = Some("1 diplomats".parse().unwrap());
        let mut sixty = one.clone();
        sixty.magnitude = Some("60 diplomats".parse().unwrap());
        assert!(move_of(&[sixty]) < move_of(&[one]));
        // Ten meetings in a month do not move it ten times one meeting.
        let meeting = |id: i64| act(id, 1 + id as u32, "042", 1, 1.9, Some(1));
        let single = move_of(&[meeting(1)]);
        let ten = move_of(&(1..=10).map(meeting).collect::<Vec<_>>());
        assert!(
            single > 0.0 && ten > 2.0 * single && ten < 4.0 * single,
            "{single} {ten}"
        );
        // A head of state's act outweighs a spokesperson's.
        let president = move_of(&[act(1, 5, "138", 3, -7.0, Some(1))]);
        let spokesperson = move_of(&[act(1, 5, "138", 3, -7.0, Some(4))]);
        assert!(president < spokesperson && spokesperson < 0.0);
        // Acts of one kind (CAMEO root) by one actor in a month: the k-th largest counts 1/k.
        let s = level_series(
            &[
                act(1, 5, "163", 4, -8.0, Some(1)),
                act(2, 6, "161", 4, -4.0, Some(1)),
                act(3, 7, "163", 4, -8.0, Some(1)),
            ],
            &LevelParams::default(),
            None,
            None,
        );
        let w: Vec<f64> = s.contributions.iter().map(|c| c.repeat_weight).collect();
        // 163 and 161 share the root 16 (reduce relations): the second and third count 1/2, 1/3.
        assert_eq!(w, vec![1.0, 1.0 / 3.0, 0.5]);
    }

    #[test]
    fn saturation_damps_only_toward_the_bound_it_heads_for() {
        // above 0 a loss is taken whole; below 0 a gain is
        assert!((saturate(5.0, -1.0) - 4.0).abs() < 1e-12);
        assert!((saturate(-5.0, 1.0) + 4.0).abs() < 1e-12);
        // toward a bound, damped
        assert!(saturate(5.0, 1.0) - 5.0 < 0.5);
        assert!(saturate(-5.0, -1.0) + 5.0 > -0.5);
        // continuous across 0
        assert!((saturate(-0.5, 1.0) - saturate(0.0, 0.5)).abs() < 1e-12);
        assert!((saturate(0.5, -1.0) - saturate(0.0, -0.5)).abs() < 1e-12);
    }

    #[test]
    fn range_trims_output_but_keeps_memory() {
        let p = LevelParams::default();
        let e = vec![obs(1, "2000-01-05", "USA", "RUS", 4, -8.0, &[])];
        let full = level_series(&e, &p, None, Some(m("2000-12")));
        let part = level_series(&e, &p, Some(m("2000-06")), Some(m("2000-12")));
        assert_eq!(part.points.len(), 7);
        assert_eq!(part.points[0].level, full.at(m("2000-06")).unwrap());
        let cut = level_series(&e, &p, Some(m("1999-01")), Some(m("1999-06")));
        assert_eq!(cut.after_end, 1);
        assert!(cut.points.iter().all(|p| p.events == 0));
    }
}
