//! Drivers: which domains, and which events in them, moved the level between two months.
//!
//! The level's change over `[from, to]` decomposes exactly into the events' contributions plus
//! the memory term (drift toward the baseline): `change = decay + Σ contributions`. An event with
//! `k` domains gives `1/k` of its contribution to each; an event without domains counts under
//! `(none)`.
//!
//! ```
//! use dyad_analysis::drivers::drivers;
//! use dyad_analysis::level::{level_series, LevelParams};
//! let s = level_series(&[], &LevelParams::default(), None, None);
//! let d = drivers(&s, "2022-01".parse().unwrap(), "2022-12".parse().unwrap(), 5);
//! assert!(d.by_domain.is_empty());
//! ```

use crate::level::LevelSeries;
use crate::series::Month;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One event's share in a domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriverEvent {
    pub id: i64,
    pub date: dyad_model::EventDate,
    pub label: String,
    pub cameo: String,
    /// The event's contribution divided by its number of domains.
    pub contribution: f64,
}

/// What one domain did to the level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainDriver {
    pub domain: String,
    /// Sum of positive shares.
    pub positive: f64,
    /// Sum of negative shares (≤ 0).
    pub negative: f64,
    pub net: f64,
    pub events: u32,
    /// The events behind it, largest |contribution| first (at most `top`).
    pub top_events: Vec<DriverEvent>,
}

/// The drivers of the level's change over a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drivers {
    pub from: Month,
    pub to: Month,
    /// Level before `from`'s events and memory step (the end of the previous month).
    pub level_start: Option<f64>,
    pub level_end: Option<f64>,
    pub change: f64,
    /// The memory term: drift toward the baseline over the period.
    pub decay: f64,
    /// Sum of all events' contributions.
    pub events_sum: f64,
    /// Domains, largest total movement (positive + |negative|) first.
    pub by_domain: Vec<DomainDriver>,
}

/// Splits the level's change over months `from..=to` by domain. `top` limits the events listed
/// per domain (0 = all). A range outside the series gives zeros.
pub fn drivers(series: &LevelSeries, from: Month, to: Month, top: usize) -> Drivers {
    let decay: f64 = series
        .points
        .iter()
        .filter(|p| p.period >= from && p.period <= to)
        .map(|p| p.decay)
        .sum();
    let mut domains: BTreeMap<String, (DomainDriver, HashMap<i64, usize>)> = BTreeMap::new();
    let mut events_sum = 0.0;
    for c in series
        .contributions
        .iter()
        .filter(|c| c.month >= from && c.month <= to)
    {
        events_sum += c.contribution;
        let none = ["(none)".to_string()];
        let names: &[String] = if c.domains.is_empty() {
            &none
        } else {
            &c.domains
        };
        let share = c.contribution / names.len() as f64;
        for name in names {
            let (d, pos) = domains.entry(name.clone()).or_insert_with(|| {
                (
                    DomainDriver {
                        domain: name.clone(),
                        positive: 0.0,
                        negative: 0.0,
                        net: 0.0,
                        events: 0,
                        top_events: Vec::new(),
                    },
                    HashMap::new(),
                )
            });
            if share >= 0.0 {
                d.positive += share;
            } else {
                d.negative += share;
            }
            d.net += share;
            match pos.get(&c.id) {
                Some(&i) => d.top_events[i].contribution += share,
                None => {
                    pos.insert(c.id, d.top_events.len());
                    d.events += 1;
                    d.top_events.push(DriverEvent {
                        id: c.id,
                        date: c.date,
                        label: c.label.clone(),
                        cameo: c.cameo.clone(),
                        contribution: share,
                    });
                }
            }
        }
    }
    let mut by_domain: Vec<DomainDriver> = domains
        .into_values()
        .map(|(mut d, _)| {
            d.top_events.sort_by(|a, b| {
                b.contribution
                    .abs()
                    .total_cmp(&a.contribution.abs())
                    .then(a.id.cmp(&b.id))
            });
            if top > 0 {
                d.top_events.truncate(top);
            }
            d
        })
        .collect();
    by_domain.sort_by(|a, b| {
        (b.positive - b.negative)
            .total_cmp(&(a.positive - a.negative))
            .then(a.domain.cmp(&b.domain))
    });
    let level_start = series.before(from);
    let level_end = series.at(to);
    let change = match (level_start, level_end) {
        (Some(a), Some(b)) => b - a,
        _ => decay + events_sum,
    };
    Drivers {
        from,
        to,
        level_start,
        level_end,
        change,
        decay,
        events_sum,
        by_domain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::tests::obs;
    use crate::level::{level_series, LevelParams};

    #[test]
    fn change_decomposes_by_domain() {
        let e = vec![
            obs(
                1,
                "2014-03-18",
                "USA",
                "RUS",
                4,
                -8.0,
                &["sanctions", "military-conflict:ukraine"],
            ),
            obs(2, "2014-03-20", "USA", "RUS", 4, -8.0, &["sanctions"]),
            obs(3, "2014-04-17", "USA", "RUS", 1, 5.0, &["diplomacy"]),
            obs(4, "2014", "USA", "RUS", 3, -2.0, &[]),
        ];
        let s = level_series(
            &e,
            &LevelParams::default(),
            Some("2013-12".parse().unwrap()),
            None,
        );
        let d = drivers(
            &s,
            "2014-01".parse().unwrap(),
            "2014-12".parse().unwrap(),
            10,
        );
        assert!((d.change - (d.decay + d.events_sum)).abs() < 1e-9, "{d:#?}");
        assert_eq!(d.by_domain[0].domain, "sanctions");
        assert_eq!(d.by_domain[0].events, 2);
        assert!(d.by_domain[0].negative < 0.0 && d.by_domain[0].positive == 0.0);
        let ukr = d
            .by_domain
            .iter()
            .find(|x| x.domain == "military-conflict:ukraine")
            .unwrap();
        let first = s
            .contributions
            .iter()
            .find(|c| c.id == 1)
            .unwrap()
            .contribution;
        assert!((ukr.net - first / 2.0).abs() < 1e-12);
        let none = d.by_domain.iter().find(|x| x.domain == "(none)").unwrap();
        assert_eq!(none.events, 1);
        assert!(d
            .by_domain
            .iter()
            .any(|x| x.domain == "diplomacy" && x.positive > 0.0));
        let total: f64 = d.by_domain.iter().map(|x| x.net).sum();
        assert!((total - d.events_sum).abs() < 1e-9);
    }
}
