//! Invariants of the level and the forecast, for any event stream.

use dyad_analysis::flow::{flow_index, Dyad};
use dyad_analysis::forecast::{flow_forecast, forecast, ForecastParams};
use dyad_analysis::impact::ImpactParams;
use dyad_analysis::level::{level_series, LevelParams};
use dyad_analysis::obs::Obs;
use dyad_analysis::series::Month;
use dyad_model::{Bound, EventDate, Magnitude, Unit};
use proptest::prelude::*;

fn arb_obs() -> impl Strategy<Value = Obs> {
    (
        0i64..1_000_000,
        (1991i32..2026, 0u8..=12, 0u8..=28),
        -10.0f64..10.0,
        proptest::option::of(1u8..=5),
        1u32..50,
        (0usize..4, any::<bool>(), proptest::option::of(1u64..5000)),
    )
        .prop_map(|(id, (y, m, d), g, rank, mentions, (code, us, size))| {
            let date = match (m, d) {
                (0, _) => EventDate::year(y),
                (m, 0) => EventDate::month(y, m).unwrap(),
                (m, d) => EventDate::day(y, m, d).unwrap(),
            };
            Obs {
                id,
                date,
                source: if us { "USA" } else { "RUS" }.into(),
                target: if us { "RUS" } else { "USA" }.into(),
                cameo: ["010", "042", "057", "163"][code].into(),
                quad_class: if g >= 0.0 { 1 } else { 3 },
                goldstein: g,
                rank,
                domains: vec!["diplomacy".into()],
                mentions,
                magnitude: size.map(|n| Magnitude {
                    value: n,
                    unit: Unit::Designations,
                    bound: Bound::Exact,
                }),
                label: String::new(),
            }
        })
}

fn arb_params() -> impl Strategy<Value = LevelParams> {
    (
        -9.0f64..9.0,
        -9.0f64..9.0,
        0.5f64..200.0,
        0.0f64..3.0,
        (0.0f64..2.0, 0.0f64..2.0, 0.0f64..2.0, 0.0f64..3.0),
    )
        .prop_map(
            |(start, base, half, scale, (verbal, slope, size, repeat))| LevelParams {
                start_level: start,
                baseline: base,
                half_life_months: half,
                impact: ImpactParams {
                    scale,
                    verbal_weight: verbal,
                    rank_slope: slope,
                    magnitude_per_decade: size,
                    repeat_exponent: repeat,
                    ..ImpactParams::default()
                },
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn level_stays_on_the_scale(obs in proptest::collection::vec(arb_obs(), 0..200), p in arb_params()) {
        let s = level_series(&obs, &p, None, None);
        for pt in &s.points {
            prop_assert!((-9.0..=9.0).contains(&pt.level), "{} at {}", pt.level, pt.period);
        }
        for c in &s.contributions {
            prop_assert!(c.contribution.is_finite());
        }
    }

    #[test]
    fn a_cooperative_event_never_lowers_the_level(
        obs in proptest::collection::vec(arb_obs(), 0..100),
        extra in arb_obs(),
        g in 0.0f64..10.0,
        p in arb_params(),
    ) {
        let from: Month = "1991-01".parse().unwrap();
        let to: Month = "2026-12".parse().unwrap();
        let mut coop = extra.clone();
        coop.goldstein = g;
        let mut with = obs.clone();
        with.push(coop.clone());
        let a = level_series(&obs, &p, Some(from), Some(to));
        let b = level_series(&with, &p, Some(from), Some(to));
        let m = Month::of(&coop.date);
        // At its month and every later month.
        for (x, y) in a.points.iter().zip(&b.points).filter(|(x, _)| x.period >= m) {
            prop_assert!(y.level >= x.level - 1e-9, "{} fell from {} to {}", x.period, x.level, y.level);
        }
    }

    #[test]
    fn forecast_intervals_nest(events in proptest::collection::vec(arb_obs(), 0..120), h in 1usize..24) {
        let s = level_series(&events, &LevelParams::default(), None, None);
        let f = forecast(&s, h);
        prop_assert_eq!(f.points.len(), if s.points.is_empty() { 0 } else { h });
        for p in &f.points {
            prop_assert!(p.lo95 <= p.lo80 && p.lo80 <= p.level && p.level <= p.hi80 && p.hi80 <= p.hi95, "{p:?}");
            prop_assert!(p.lo95 >= -9.0 && p.hi95 <= 9.0);
        }
        let idx = flow_index(&events, &Dyad::new("USA", "RUS"), dyad_analysis::series::Period::Month, None);
        let ff = flow_forecast(&idx, h, &ForecastParams::default());
        for p in &ff.events {
            prop_assert!(0.0 <= p.lo95 && p.lo95 <= p.lo80 && p.lo80 <= p.value && p.value <= p.hi80 && p.hi80 <= p.hi95, "{p:?}");
        }
        for p in &ff.goldstein_sum {
            prop_assert!(p.lo95 <= p.lo80 && p.lo80 <= p.value && p.value <= p.hi80 && p.hi80 <= p.hi95, "{p:?}");
        }
    }
}

/// The case the property test once found: a large agreement early in a month pushed a smaller
/// agreement by the same side, dated after a hostile act, down the repetition ranking. Applied one
/// by one, the large act was damped at a high level and the hostile act then took the level
/// lower than without the agreement. Summed per month, the month can only rise.
#[test]
fn a_large_agreement_before_a_hostile_act_does_not_lower_the_month() {
    let act = |date: EventDate, us: bool, cameo: &str, g: f64| Obs {
        id: 0,
        date,
        source: if us { "USA" } else { "RUS" }.into(),
        target: if us { "RUS" } else { "USA" }.into(),
        cameo: cameo.into(),
        quad_class: if g >= 0.0 { 1 } else { 3 },
        goldstein: g,
        rank: None,
        domains: vec!["diplomacy".into()],
        mentions: 1,
        magnitude: None,
        label: String::new(),
    };
    let p = LevelParams {
        start_level: 0.0,
        baseline: 0.0,
        half_life_months: 0.5,
        impact: ImpactParams {
            scale: 2.55,
            verbal_weight: 0.34,
            rank_slope: 0.0,
            magnitude_per_decade: 1.71,
            repeat_exponent: 2.36,
            ..ImpactParams::default()
        },
    };
    let mut hostile = act(EventDate::day(2004, 1, 5).unwrap(), false, "010", -6.8);
    hostile.mentions = 2;
    hostile.magnitude = Some(Magnitude {
        value: 248,
        unit: Unit::Designations,
        bound: Bound::Exact,
    });
    let base = vec![
        act(EventDate::day(2004, 1, 11).unwrap(), true, "057", 1.9),
        hostile,
    ];
    let mut with = base.clone();
    with.push(act(EventDate::month(2004, 1).unwrap(), true, "057", 6.1));
    let m: Month = "2004-01".parse().unwrap();
    let a = level_series(&base, &p, Some(m), Some(m)).at(m).unwrap();
    let b = level_series(&with, &p, Some(m), Some(m)).at(m).unwrap();
    assert!(b > a, "{a} → {b}");
}
