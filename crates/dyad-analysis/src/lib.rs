//! What the record says about a relationship: the event-flow index, the cumulative relations
//! level on the Tsinghua −9..+9 scale, its change points and phases, reset cycles and the
//! spiral-decline test, the drivers of a change, forecasts with a backtest, and the robustness of
//! these findings to the impact model's parameters.
//!
//! Pure functions over plain values, no I/O. The input is a slice of [`Obs`] (one per happening;
//! [`obs::merge_reports`] builds them from several reports). The method, with every parameter and
//! why, is in `docs/method.md`.
//!
//! ```
//! use dyad_analysis::prelude::*;
//!
//! let ev = |id: i64, date: &str, cameo: &str, quad: u8, g: f64| Obs {
//!     id, date: date.parse().unwrap(), source: "USA".into(), target: "RUS".into(),
//!     cameo: cameo.into(), quad_class: quad, goldstein: g, rank: Some(1),
//!     domains: vec!["diplomacy".into()], mentions: 1, magnitude: None, label: format!("event {id}"),
//! };
//! let obs = vec![ev(1, "2009-03-06", "057", 1, 8.0), ev(2, "2014-03-17", "163", 4, -8.0)];
//!
//! let flow = flow_index(&obs, &Dyad::new("USA", "RUS"), Period::Year, None);
//! assert_eq!(flow.rows.len(), 6); // 2009..=2014, empty years with zeros
//!
//! let level = level_series(&obs, &LevelParams::default(), None, None);
//! assert!(level.points.iter().all(|p| (-9.0..=9.0).contains(&p.level)));
//! let crimea = level.at("2014-03".parse().unwrap()).unwrap();
//! assert!(crimea < level.before("2014-03".parse().unwrap()).unwrap());
//!
//! let _phases = phases(&level, &PhaseParams::default());
//! let cyc = cycles(&level, &CycleParams::default());
//! let _spiral = spiral_test(&cyc);
//! let why = drivers(&level, "2014-01".parse().unwrap(), "2014-12".parse().unwrap(), 5);
//! assert!(why.by_domain[0].negative < 0.0);
//! let f = forecast(&level, 12);
//! assert_eq!(f.points.len(), 12);
//! ```

pub mod changepoint;
pub mod cycles;
pub mod drivers;
pub mod eras;
pub mod flow;
pub mod forecast;
pub mod impact;
pub mod level;
pub mod literature;
pub mod obs;
pub mod phases;
pub mod robustness;
pub mod sanctions;
pub mod series;
pub mod sufficiency;

pub use obs::Obs;

/// The types and functions most callers need.
pub mod prelude {
    pub use crate::changepoint::{changepoints, ChangepointParams};
    pub use crate::cycles::{cycles, spiral_test, Cycle, CycleParams, SpiralTest, Verdict};
    pub use crate::drivers::{drivers, Drivers};
    pub use crate::eras::{eras, Era, EraParams};
    pub use crate::flow::{flow_index, Dyad, FlowIndex, FlowRow};
    pub use crate::forecast::{
        backtest, flow_backtest, flow_forecast, forecast, Backtest, BacktestParams, FlowBacktest,
        FlowForecast, Forecast, ForecastParams, Intervals,
    };
    pub use crate::impact::ImpactParams;
    pub use crate::level::{level_series, Band, LevelParams, LevelSeries};
    pub use crate::obs::{merge_reports, MergeParams, MergedObs, Obs, Report};
    pub use crate::phases::{phases, Phase, PhaseParams};
    pub use crate::robustness::{robustness, Robustness, Settings};
    pub use crate::series::{Month, Period, PeriodKey};
    pub use crate::sufficiency::{Amount, Measure, Shortfall};
}
