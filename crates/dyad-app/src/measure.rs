//! From stored events to the analysis of one dyad: reports are merged into happenings (one event,
//! many mentions), each with its stated size (the chronology's `magnitude`), and turned into the monthly level
//! with its phases, change points, cycles and spiral-decline test. The commands `index`, `phases`,
//! `drivers`, `forecast`, `backtest` and `report` all start here, so they agree with each other.

use crate::builtin;
use crate::Result;
use dyad_analysis::prelude::*;
use dyad_model::Origin;
use dyad_store::{EventFilter, EventRow, Store};
use std::collections::HashMap;

/// Everything the analysis commands need about one dyad.
pub struct Analysis {
    pub dyad: (String, String),
    pub origins: Vec<Origin>,
    /// The months asked for (`--from`, `--to`), if any.
    pub window: (Option<Month>, Option<Month>),
    /// The happenings, each with the stored reports merged into it.
    pub merged: Vec<MergedObs>,
    /// The stored reports by id, for provenance (descriptions, citations, sentences).
    pub rows: HashMap<i64, EventRow>,
    pub level: LevelSeries,
    /// The happenings the level was computed from (those of the window and every earlier one,
    /// whose memory the level carries).
    pub history: Vec<Obs>,
    pub change_points: Vec<Month>,
    pub phases: Vec<Phase>,
    /// The long periods, each made of whole phases (empty when the phases are).
    pub eras: Vec<Era>,
    pub cycles: Vec<Cycle>,
    pub spiral: SpiralTest,
    /// How much record there is (events, months with events, span, cycles).
    pub amount: Amount,
    /// The measures not computed for want of data (phases, cycles, spiral test), each with the
    /// minimums it misses; their fields above are then empty.
    pub withheld: Vec<Shortfall>,
}

impl Analysis {
    /// The merged observations alone.
    pub fn obs(&self) -> Vec<Obs> {
        self.merged.iter().map(|m| m.obs.clone()).collect()
    }

    /// The eras, phases, cycles and spiral test with each impact parameter (and the memory
    /// half-life) halved and doubled; `None` when phases or cycles are withheld for want of data.
    pub fn robustness(&self) -> Option<Robustness> {
        if self.check(Measure::Phases).is_err() || self.check(Measure::Cycles).is_err() {
            return None;
        }
        let (from, to) = self.window;
        Some(robustness(&self.history, &Settings::default(), from, to))
    }

    /// Whether there is enough record for `measure` (see `dyad_analysis::sufficiency`).
    pub fn check(&self, measure: Measure) -> Result<(), Shortfall> {
        self.amount.check(measure)
    }

    /// The forecast `h` months ahead, or why there is none.
    pub fn forecast(&self, h: usize) -> Result<Forecast, Shortfall> {
        self.check(Measure::Forecast)?;
        Ok(forecast(&self.level, h))
    }

    /// The monthly event flow over the level's months (so that its forecast origin is the
    /// level's).
    pub fn monthly_flow(&self) -> FlowIndex {
        let range = match (self.level.points.first(), self.level.points.last()) {
            (Some(a), Some(b)) => Some((
                PeriodKey::of_month(Period::Month, a.period),
                PeriodKey::of_month(Period::Month, b.period),
            )),
            _ => None,
        };
        flow_index(
            &self.obs(),
            &Dyad::new(&self.dyad.0, &self.dyad.1),
            Period::Month,
            range,
        )
    }

    /// The forecast of the monthly event flow `h` months ahead, or why there is none.
    pub fn flow_forecast(&self, h: usize) -> Result<FlowForecast, Shortfall> {
        self.check(Measure::Forecast)?;
        Ok(flow_forecast(
            &self.monthly_flow(),
            h,
            &ForecastParams::default(),
        ))
    }

    /// The backtests of the level and of the event flow, on the same origins.
    pub fn backtests(&self, params: &BacktestParams) -> (Backtest, FlowBacktest) {
        (
            backtest(&self.level, params),
            flow_backtest(&self.monthly_flow(), params, &ForecastParams::default()),
        )
    }

    /// Whether the backtest `b` may be read as a judgement of skill against naive persistence.
    pub fn check_skill(&self, b: &Backtest) -> Result<(), Shortfall> {
        Amount {
            backtest_origins: b.origins.len(),
            ..self.amount
        }
        .check(Measure::ForecastSkill)
    }

    /// The stored reports behind a happening's id.
    pub fn reports_of(&self, id: i64) -> Vec<&EventRow> {
        self.merged
            .iter()
            .find(|m| m.obs.id == id)
            .map(|m| m.reports.iter().filter_map(|r| self.rows.get(r)).collect())
            .unwrap_or_default()
    }
}

/// Which document a stored event came from; reports of one document count as one mention.
fn document_of(e: &EventRow) -> String {
    match e.origin.as_str() {
        "curated" => "chronology".to_string(),
        "coded" => format!("doc:{}", e.doc_id.clone().unwrap_or_default()),
        _ => format!("import:{}", e.id),
    }
}

fn label_of(e: &EventRow) -> String {
    e.description_en
        .clone()
        .or_else(|| e.sentence.clone())
        .unwrap_or_else(|| format!("{} {}→{}", e.cameo, e.source, e.target))
}

/// Loads the dyad's events of the given origins (all when empty) and analyses them. Reports of
/// the same happening are merged (one event, many mentions); imported rows are counted as their
/// dataset gives them (one row, one event) unless `dedup` asks for the same merging, so that
/// dyad's figures can be checked against the dataset's own.
pub fn analyse(
    store: &Store,
    dyad: &(String, String),
    origins: &[Origin],
    dedup: bool,
) -> Result<Analysis> {
    analyse_window(store, dyad, origins, dedup, None, None)
}

/// [`analyse`] over the months `from..=to` only: the level carries the memory of earlier events
/// (the series starts with the first event, its points from `from`), events after `to` are left
/// out, and everything else (events, phases, cycles, minimums) is of the window's events.
pub fn analyse_window(
    store: &Store,
    dyad: &(String, String),
    origins: &[Origin],
    dedup: bool,
    from: Option<Month>,
    to: Option<Month>,
) -> Result<Analysis> {
    let rows = store.events(&EventFilter {
        dyad: Some(dyad.clone()),
        origins: origins.to_vec(),
        ..Default::default()
    })?;
    let mut merged = happenings(&rows, dedup)?;
    let in_window = |d: &dyad_model::EventDate| {
        from.is_none_or(|f| Month::of(&d.last_day()) >= f)
            && to.is_none_or(|t| Month::of(&d.first_day()) <= t)
    };
    // Earlier events shape the level through memory; later ones are dropped.
    let upto: Vec<Obs> = merged
        .iter()
        .filter(|m| to.is_none_or(|t| Month::of(&m.obs.date.first_day()) <= t))
        .map(|m| m.obs.clone())
        .collect();
    let windowed = from.is_some() || to.is_some();
    let mut level = if windowed {
        level_series(&upto, &LevelParams::default(), from, to)
    } else {
        level_series(&upto, &LevelParams::default(), None, None)
    };
    if let Some(f) = from {
        level.points.retain(|p| p.period >= f);
        level.contributions.retain(|c| c.month >= f);
    }
    merged.retain(|m| in_window(&m.obs.date));
    let obs: Vec<Obs> = merged.iter().map(|m| m.obs.clone()).collect();
    let mut amount = Amount::of(&obs, &level);
    let mut withheld = Vec::new();
    let phase_params = PhaseParams::default();
    let (change_points, phases) = match amount.check(Measure::Phases) {
        Ok(()) => (
            changepoints(&level.levels(), &phase_params.changepoint)
                .into_iter()
                .filter_map(|i| level.points.get(i).map(|p| p.period))
                .collect(),
            phases(&level, &phase_params),
        ),
        Err(short) => {
            withheld.push(short);
            (Vec::new(), Vec::new())
        }
    };
    // Eras are made of phases: withheld with them.
    let eras = if phases.is_empty() {
        Vec::new()
    } else {
        eras(&level, &phases, &EraParams::default())
    };
    let cycles = match amount.check(Measure::Cycles) {
        Ok(()) => cycles(&level, &CycleParams::default()),
        Err(short) => {
            withheld.push(short);
            Vec::new()
        }
    };
    amount.cycles = cycles.len();
    if let Err(short) = amount.check(Measure::SpiralTest) {
        withheld.push(short);
    }
    let spiral = spiral_test(&cycles);
    let kept: std::collections::HashSet<i64> = merged
        .iter()
        .flat_map(|m| m.reports.iter().copied())
        .collect();
    let rows = rows
        .into_iter()
        .filter(|r| kept.contains(&r.id))
        .map(|r| (r.id, r))
        .collect();
    Ok(Analysis {
        dyad: dyad.clone(),
        origins: origins.to_vec(),
        window: (from, to),
        merged,
        rows,
        level,
        history: upto,
        change_points,
        phases,
        eras,
        cycles,
        spiral,
        amount,
        withheld,
    })
}

/// The stored reports of a dyad as happenings: reports of the same happening merged (imported
/// rows one row, one event unless `dedup`), each described by its curated record when it has one.
pub fn happenings(rows: &[EventRow], dedup: bool) -> Result<Vec<MergedObs>> {
    let people = builtin::people()?;
    let magnitudes = builtin::magnitudes();
    let rank = |position: &Option<String>| {
        position
            .as_deref()
            .and_then(|p| people.position(p))
            .map(|p| p.rank)
    };
    let reports: Vec<Report> = rows
        .iter()
        .map(|e| {
            Ok(Report {
                id: e.id,
                document: document_of(e),
                date: e.date,
                source: e.source.clone(),
                target: e.target.clone(),
                cameo: e.cameo.clone(),
                quad_class: e.quad_class,
                goldstein: e.goldstein,
                rank: [rank(&e.source_position), rank(&e.target_position)]
                    .into_iter()
                    .flatten()
                    .min(),
                domains: e.domains.clone(),
                magnitude: e
                    .curated_id
                    .as_ref()
                    .and_then(|id| magnitudes.get(id))
                    .copied(),
                label: label_of(e),
            })
        })
        .collect::<Result<_>>()?;
    let (as_given, to_merge): (Vec<Report>, Vec<Report>) = reports
        .into_iter()
        .partition(|r| !dedup && r.document.starts_with("import:"));
    let mut merged = merge_reports(&to_merge, &MergeParams::default());
    merged.extend(as_given.into_iter().map(|r| MergedObs {
        obs: Obs {
            id: r.id,
            date: r.date,
            source: r.source,
            target: r.target,
            cameo: r.cameo,
            quad_class: r.quad_class,
            goldstein: r.goldstein,
            rank: r.rank,
            domains: r.domains,
            mentions: 1,
            magnitude: r.magnitude,
            label: r.label,
        },
        reports: vec![r.id],
        documents: vec![r.document],
    }));
    // A happening is described by its curated record when it has one, the clearest of its reports.
    let by_id: HashMap<i64, &EventRow> = rows.iter().map(|r| (r.id, r)).collect();
    for m in &mut merged {
        if let Some(curated) = m
            .reports
            .iter()
            .filter_map(|id| by_id.get(id))
            .find(|r| r.origin == Origin::Curated)
        {
            m.obs.label = label_of(curated);
        }
    }
    merged.sort_by_key(|m| (m.obs.date.ordinal(), m.obs.id));
    Ok(merged)
}
