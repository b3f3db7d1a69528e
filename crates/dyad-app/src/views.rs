//! The analyses of a dyad as the CLI's `--format json` prints them and the API serves them: one
//! shape for both, with what was not computed and why.

use crate::measure::Analysis;
use crate::request::parse_month;
use crate::{Error, Result, UsageError};
use dyad_analysis::prelude::*;

/// `dyad phases --robustness --format json` (and the table's data): the documented run and each
/// variant, or, below the minimum of data for phases and cycles, none and why.
pub fn robustness_json(a: &Analysis) -> serde_json::Value {
    let not_computed: Vec<serde_json::Value> = a.withheld.iter().map(shortfall_json).collect();
    match a.robustness() {
        Some(r) => serde_json::json!({
            "dyad": format!("{}-{}", a.dyad.0, a.dyad.1),
            "base": r.base,
            "variants": r.variants,
            "verdict_changes": r.verdict_changes,
            "not_computed": not_computed,
        }),
        None => serde_json::json!({
            "dyad": format!("{}-{}", a.dyad.0, a.dyad.1),
            "base": null,
            "variants": [],
            "verdict_changes": null,
            "not_computed": not_computed,
        }),
    }
}

/// `dyad phases --level era --format json`: the eras, each with its phases and defining events,
/// the parameters, and what was not computed.
pub fn eras_json(a: &Analysis) -> serde_json::Value {
    serde_json::json!({
        "dyad": format!("{}-{}", a.dyad.0, a.dyad.1),
        "level": "era",
        "data": a.amount,
        "params": EraParams::default(),
        "eras": a.eras,
        "phases": a.phases.len(),
        "not_computed": a.withheld.iter().map(shortfall_json).collect::<Vec<_>>(),
    })
}

/// `dyad phases --format json` (and the API's `/api/phases`). Measures below their minimum of
/// data are empty and listed under `not_computed`, each with its unmet minimums and a sentence.
pub fn phases_json(a: &Analysis) -> serde_json::Value {
    serde_json::json!({
        "dyad": format!("{}-{}", a.dyad.0, a.dyad.1),
        "data": a.amount,
        "phases": a.phases,
        "change_points": a.change_points,
        "cycles": a.cycles,
        "spiral_decline": a.spiral,
        "not_computed": a.withheld.iter().map(shortfall_json).collect::<Vec<_>>(),
    })
}

/// A shortfall as JSON: the measure, its unmet minimums and the statement in English.
pub fn shortfall_json(s: &Shortfall) -> serde_json::Value {
    serde_json::json!({
        "measure": s.measure,
        "unmet": s.unmet,
        "message": s.to_string(),
    })
}

/// `dyad forecast --format json` (and the API's `/api/forecast`): the forecast of the level and
/// of the monthly event flow (`flow`), or, below the forecast's minimum of data, no points and
/// `not_computed` saying why.
pub fn forecast_json(a: &Analysis, horizon: usize) -> serde_json::Value {
    match (a.forecast(horizon), a.flow_forecast(horizon)) {
        (Ok(f), Ok(flow)) => {
            let mut v = serde_json::to_value(&f).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert(
                    "flow".into(),
                    serde_json::to_value(&flow).unwrap_or_default(),
                );
            }
            v
        }
        (Err(short), _) | (_, Err(short)) => serde_json::json!({
            "origin": null,
            "model": null,
            "points": [],
            "flow": null,
            "not_computed": shortfall_json(&short),
        }),
    }
}

/// The drivers of the level's change from month `from` to month `to` (YYYY-MM; default: the
/// whole series); shared by `dyad drivers` and the API's `/api/drivers`.
pub fn drivers_of(
    a: &Analysis,
    from: &Option<String>,
    to: &Option<String>,
    top: usize,
) -> Result<Drivers> {
    let first = a.level.points.first().map(|p| p.period);
    let last = a.level.points.last().map(|p| p.period);
    let month = |flag: &str, v: &Option<String>, default: Option<Month>| -> Result<Month> {
        match parse_month(flag, v)? {
            Some(d) => Ok(Month::of(&d)),
            None => default.ok_or_else(|| Error::NoData(format!("{flag}: the series is empty"))),
        }
    };
    let from = month("--from", from, first)?;
    let to = match parse_month("--to", to)? {
        Some(d) => Month::of(&d.last_day()),
        None => month("--to", &None, last)?,
    };
    if to < from {
        return Err(UsageError(format!("--to {to} is before --from {from}")).into());
    }
    Ok(drivers(&a.level, from, to, top))
}
