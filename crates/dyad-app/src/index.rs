//! The event-flow index of a dyad per month, quarter or year, each period with the level at its
//! end: what `dyad index` prints and the API's `/api/index` serves.

use crate::measure;
use dyad_analysis::flow::FlowRow;
use dyad_analysis::prelude::*;
use serde::Serialize;

/// The length of a period of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freq {
    Month,
    Quarter,
    Year,
}

/// One period of `dyad index --format json` (and of the API's `/api/index`).
#[derive(Debug, Serialize)]
pub struct Row {
    pub period: String,
    /// The level at the end of the period.
    pub level: Option<f64>,
    pub band: Option<&'static str>,
    pub band_zh: Option<&'static str>,
    #[serde(flatten)]
    pub flow: FlowRow,
}

/// The flow index of an analysed dyad per `freq`, each period with the level at its end.
pub fn rows(a: &measure::Analysis, freq: Freq) -> Vec<Row> {
    let period = match freq {
        Freq::Month => Period::Month,
        Freq::Quarter => Period::Quarter,
        Freq::Year => Period::Year,
    };
    let obs = a.obs();
    let flow = flow_index(&obs, &Dyad::new(&a.dyad.0, &a.dyad.1), period, None);
    flow.rows
        .into_iter()
        .map(|r| {
            let last = r.period.last_month();
            // The last month with a level at or before the period's end.
            let level = a
                .level
                .points
                .iter()
                .rev()
                .find(|p| p.period <= last)
                .map(|p| p.level);
            let band = level.map(Band::of);
            Row {
                period: r.period.to_string(),
                level,
                band: band.map(Band::en),
                band_zh: band.map(Band::zh),
                flow: r,
            }
        })
        .collect()
}
