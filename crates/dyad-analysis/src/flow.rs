//! The event-flow index: per period, how many events of each QuadClass, their Goldstein sum and
//! mean, and net cooperation, for both directions together, each direction, and each domain.
//!
//! Net cooperation = (cooperative − conflictual) / all, where cooperative is QuadClass 1 + 2 and
//! conflictual 3 + 4; it lies in −1..+1 and is 0 for an empty period.
//!
//! ```
//! use dyad_analysis::flow::{flow_index, Dyad};
//! use dyad_analysis::series::Period;
//! let idx = flow_index(&[], &Dyad::new("USA", "RUS"), Period::Month, None);
//! assert!(idx.rows.is_empty());
//! ```

use crate::obs::Obs;
use crate::series::{periods, Period, PeriodKey};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// The two sides of a relationship. Direction `a→b` is `A->B` in output (`USA->RUS`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dyad {
    pub a: String,
    pub b: String,
}

impl Dyad {
    pub fn new(a: &str, b: &str) -> Dyad {
        Dyad {
            a: a.to_string(),
            b: b.to_string(),
        }
    }

    /// `true` when the observation joins the two sides, in either direction.
    pub fn contains(&self, o: &Obs) -> bool {
        (o.source == self.a && o.target == self.b) || (o.source == self.b && o.target == self.a)
    }

    /// The observations between the two sides, in input order.
    pub fn select(&self, obs: &[Obs]) -> Vec<Obs> {
        obs.iter().filter(|o| self.contains(o)).cloned().collect()
    }

    /// `A->B` and `B->A`.
    pub fn direction_names(&self) -> (String, String) {
        (
            format!("{}->{}", self.a, self.b),
            format!("{}->{}", self.b, self.a),
        )
    }
}

/// Counts per QuadClass; serialised as a map `{"1": n, "2": n, "3": n, "4": n}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuadCounts(pub [u32; 4]);

impl QuadCounts {
    pub fn get(&self, quad: u8) -> u32 {
        match quad {
            1..=4 => self.0[usize::from(quad - 1)],
            _ => 0,
        }
    }
}

impl Serialize for QuadCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        for (i, n) in self.0.iter().enumerate() {
            m.serialize_entry(&(i + 1).to_string(), n)?;
        }
        m.end()
    }
}

/// Event-flow measures of one set of events.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FlowCounts {
    pub events: u32,
    pub quad: QuadCounts,
    pub goldstein_sum: f64,
    /// 0 when there are no events.
    pub goldstein_mean: f64,
    /// (QuadClass 1+2 − QuadClass 3+4) / events; 0 when there are no events.
    pub net_cooperation: f64,
}

impl FlowCounts {
    fn add(&mut self, o: &Obs) {
        self.events += 1;
        if (1..=4).contains(&o.quad_class) {
            self.quad.0[usize::from(o.quad_class - 1)] += 1;
        }
        self.goldstein_sum += o.goldstein_safe();
    }

    fn finish(&mut self) {
        if self.events > 0 {
            let n = f64::from(self.events);
            self.goldstein_mean = self.goldstein_sum / n;
            let coop = f64::from(self.quad.0[0] + self.quad.0[1]);
            let conf = f64::from(self.quad.0[2] + self.quad.0[3]);
            self.net_cooperation = (coop - conf) / n;
        }
    }
}

/// One domain's share of a period: an event with several domains counts once in each.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DomainFlow {
    pub events: u32,
    pub goldstein_sum: f64,
}

/// One period of the flow index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowRow {
    /// `2025-08`, `2025-Q3` or `2025`.
    pub period: PeriodKey,
    pub events: u32,
    pub quad: QuadCounts,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    pub net_cooperation: f64,
    /// Keyed `A->B` and `B->A`; both keys are always present.
    pub by_direction: BTreeMap<String, FlowCounts>,
    pub by_domain: BTreeMap<String, DomainFlow>,
    /// Events of this period whose date is coarser than the period (a year-only date in a monthly
    /// row): they are counted in the first period their date covers.
    pub imprecise_dates: u32,
}

/// The flow index of a dyad: a continuous series of periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowIndex {
    pub dyad: Dyad,
    pub period: Period,
    pub rows: Vec<FlowRow>,
    /// Observations left out because they do not join the dyad's two sides.
    pub outside_dyad: u32,
    /// Observations left out because they fall outside the requested range.
    pub outside_range: u32,
}

/// Builds the flow index of `dyad` per `period`, from `range.0` to `range.1` inclusive when given,
/// else from the first to the last period with an event. Periods without events appear with zeros.
pub fn flow_index(
    obs: &[Obs],
    dyad: &Dyad,
    period: Period,
    range: Option<(PeriodKey, PeriodKey)>,
) -> FlowIndex {
    let (ab, ba) = dyad.direction_names();
    let mut outside_dyad = 0;
    let mut keyed: Vec<(PeriodKey, &Obs)> = Vec::with_capacity(obs.len());
    for o in obs {
        if dyad.contains(o) {
            keyed.push((PeriodKey::of(period, &o.date), o));
        } else {
            outside_dyad += 1;
        }
    }
    let range = match range {
        Some((a, b)) => Some((
            PeriodKey {
                period,
                index: a.index,
            },
            PeriodKey {
                period,
                index: b.index,
            },
        )),
        None => match (
            keyed.iter().map(|k| k.0).min(),
            keyed.iter().map(|k| k.0).max(),
        ) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        },
    };
    let Some((first, last)) = range else {
        return FlowIndex {
            dyad: dyad.clone(),
            period,
            rows: Vec::new(),
            outside_dyad,
            outside_range: 0,
        };
    };
    let keys = periods(first, last);
    let mut rows: Vec<FlowRow> = keys
        .iter()
        .map(|&k| FlowRow {
            period: k,
            events: 0,
            quad: QuadCounts::default(),
            goldstein_sum: 0.0,
            goldstein_mean: 0.0,
            net_cooperation: 0.0,
            by_direction: [
                (ab.clone(), FlowCounts::default()),
                (ba.clone(), FlowCounts::default()),
            ]
            .into_iter()
            .collect(),
            by_domain: BTreeMap::new(),
            imprecise_dates: 0,
        })
        .collect();
    let mut totals: Vec<FlowCounts> = vec![FlowCounts::default(); rows.len()];
    let mut outside_range = 0;
    for (k, o) in keyed {
        let pos = i64::from(k.index) - i64::from(first.index);
        let Some(row) = usize::try_from(pos).ok().and_then(|p| rows.get_mut(p)) else {
            outside_range += 1;
            continue;
        };
        let i = (pos) as usize;
        totals[i].add(o);
        let dir = if o.source == dyad.a { &ab } else { &ba };
        if let Some(d) = row.by_direction.get_mut(dir) {
            d.add(o);
        }
        for dom in &o.domains {
            let e = row.by_domain.entry(dom.clone()).or_default();
            e.events += 1;
            e.goldstein_sum += o.goldstein_safe();
        }
        if period.finer_than(&o.date) {
            row.imprecise_dates += 1;
        }
    }
    for (row, mut t) in rows.iter_mut().zip(totals) {
        t.finish();
        row.events = t.events;
        row.quad = t.quad;
        row.goldstein_sum = t.goldstein_sum;
        row.goldstein_mean = t.goldstein_mean;
        row.net_cooperation = t.net_cooperation;
        for d in row.by_direction.values_mut() {
            d.finish();
        }
    }
    FlowIndex {
        dyad: dyad.clone(),
        period,
        rows,
        outside_dyad,
        outside_range,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn obs(
        id: i64,
        date: &str,
        src: &str,
        tgt: &str,
        quad: u8,
        g: f64,
        domains: &[&str],
    ) -> Obs {
        Obs {
            id,
            date: date.parse().unwrap(),
            source: src.into(),
            target: tgt.into(),
            cameo: "010".into(),
            quad_class: quad,
            goldstein: g,
            rank: None,
            domains: domains.iter().map(|s| s.to_string()).collect(),
            mentions: 1,
            magnitude: None,
            label: format!("event {id}"),
        }
    }

    #[test]
    fn monthly_flow_with_gaps_directions_and_domains() {
        let d = Dyad::new("USA", "RUS");
        let o = vec![
            obs(1, "2022-01-10", "USA", "RUS", 1, 1.0, &["diplomacy"]),
            obs(
                2,
                "2022-01-21",
                "RUS",
                "USA",
                3,
                -2.0,
                &["diplomacy", "sanctions"],
            ),
            obs(3, "2022-03-08", "USA", "RUS", 4, -8.0, &["sanctions"]),
            obs(4, "2022-03-09", "RUS", "UKR", 4, -10.0, &[]),
            obs(5, "2022", "USA", "RUS", 2, 6.0, &[]),
        ];
        let idx = flow_index(&o, &d, Period::Month, None);
        assert_eq!(idx.outside_dyad, 1);
        let names: Vec<String> = idx.rows.iter().map(|r| r.period.to_string()).collect();
        assert_eq!(names, ["2022-01", "2022-02", "2022-03"]);
        let jan = &idx.rows[0];
        assert_eq!(jan.events, 3);
        assert_eq!(jan.quad.0, [1, 1, 1, 0]);
        assert!((jan.goldstein_sum - 5.0).abs() < 1e-12);
        assert!((jan.net_cooperation - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(jan.imprecise_dates, 1);
        assert_eq!(jan.by_direction["USA->RUS"].events, 2);
        assert_eq!(jan.by_direction["RUS->USA"].quad.get(3), 1);
        assert_eq!(jan.by_domain["sanctions"].events, 1);
        let feb = &idx.rows[1];
        assert_eq!(
            (feb.events, feb.goldstein_mean, feb.net_cooperation),
            (0, 0.0, 0.0)
        );
        assert_eq!(feb.by_direction.len(), 2);
        let mar = &idx.rows[2];
        assert_eq!(mar.net_cooperation, -1.0);

        let yearly = flow_index(&o, &d, Period::Year, None);
        assert_eq!(yearly.rows.len(), 1);
        assert_eq!(yearly.rows[0].events, 4);
        assert_eq!(yearly.rows[0].imprecise_dates, 0);

        let json = serde_json::to_value(&idx.rows[0]).unwrap();
        assert_eq!(json["period"], "2022-01");
        assert_eq!(json["quad"]["3"], 1);
        assert!(json["by_direction"]["USA->RUS"]["goldstein_sum"].is_number());
    }

    #[test]
    fn explicit_range_pads_and_counts_outside() {
        let d = Dyad::new("USA", "RUS");
        let o = vec![
            obs(1, "2021-12-31", "USA", "RUS", 1, 1.0, &[]),
            obs(2, "2022-05-01", "USA", "RUS", 1, 1.0, &[]),
        ];
        let q = |s: &str| PeriodKey::of(Period::Quarter, &s.parse().unwrap());
        let idx = flow_index(&o, &d, Period::Quarter, Some((q("2022-01"), q("2022-12"))));
        assert_eq!(idx.rows.len(), 4);
        assert_eq!(idx.outside_range, 1);
        assert_eq!(idx.rows[1].events, 1);
        assert!(flow_index(&[], &d, Period::Year, None).rows.is_empty());
    }
}
