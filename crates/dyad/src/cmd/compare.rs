//! `dyad compare --dyad USA-RUS --a ORIGIN[:DATASET] --b ORIGIN[:DATASET]`: do two sources of
//! events tell the same story? Their series per month (or quarter, year) — events, mean
//! Goldstein, net cooperation and the relations level — over the periods both cover: the
//! Pearson correlation of each measure, and the periods where they disagree most (the largest
//! absolute difference of the two standardised values), with the events behind them.
//!
//! Which periods count: `events` and `level` use every period from the later of the two first
//! periods to the earlier of the two last (a period without events counts as 0 events);
//! `goldstein_mean` and `net_cooperation` only those periods where both sides have events, as
//! they are undefined otherwise. A correlation needs 3 periods and some variation on both sides.

use crate::cmd::index::Freq;
use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Result};
use dyad_analysis::prelude::*;
use dyad_app::request::parse_dyad;
use dyad_app::{builtin, measure};
use dyad_model::Origin;
use dyad_store::{EventFilter, EventRow, Store};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, default_value = "USA-RUS")]
    dyad: String,
    /// The first source: coded, curated or imported, optionally with a dataset
    /// (imported:gdelt, imported:icews, imported:polecat).
    #[arg(long, value_name = "ORIGIN[:DATASET]")]
    a: String,
    /// The second source, as --a.
    #[arg(long, value_name = "ORIGIN[:DATASET]")]
    b: String,
    #[arg(long, value_enum, default_value_t = Freq::Month)]
    freq: Freq,
    /// Periods of largest disagreement listed per measure.
    #[arg(long, default_value_t = 3, value_name = "N")]
    top: usize,
    /// Events listed per side for each such period (largest |Goldstein| first).
    #[arg(long, default_value_t = 5, value_name = "N")]
    events: usize,
    /// Merge repeated reports in imported datasets too (by default one row is one event).
    #[arg(long)]
    dedup: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// One side of the comparison: an origin, optionally narrowed to one dataset.
#[derive(Debug, Clone, PartialEq)]
struct Side {
    origin: Origin,
    dataset: Option<String>,
}

impl Side {
    fn parse(flag: &str, s: &str) -> Result<Side> {
        let (o, d) = match s.split_once(':') {
            Some((o, d)) => (o, Some(d.trim().to_ascii_lowercase())),
            None => (s, None),
        };
        let Some(origin) = Origin::parse(o.trim()) else {
            bail!("{flag} `{s}`: the origin must be coded, curated or imported (imported:gdelt …)");
        };
        if let Some(d) = &d {
            if origin != Origin::Imported || dyad_import::Dataset::parse(d).is_none() {
                bail!("{flag} `{s}`: a dataset (gdelt, icews, polecat) goes only with imported");
            }
        }
        Ok(Side { origin, dataset: d })
    }

    fn label(&self) -> String {
        match &self.dataset {
            Some(d) => format!("{}:{d}", self.origin),
            None => self.origin.to_string(),
        }
    }
}

/// The obs of one side with their stored rows.
struct Loaded {
    obs: Vec<Obs>,
    rows: HashMap<i64, EventRow>,
}

/// Loads one side's events of the dyad as `measure::analyse` does: imported rows one row one
/// event unless `dedup`, other reports merged into happenings.
fn load(store: &Store, dyad: &(String, String), side: &Side, dedup: bool) -> Result<Loaded> {
    let rows: Vec<EventRow> = store
        .events(&EventFilter {
            dyad: Some(dyad.clone()),
            origins: vec![side.origin],
            ..Default::default()
        })?
        .into_iter()
        .filter(|r| side.dataset.is_none() || r.dataset == side.dataset)
        .collect();
    let obs = measure::happenings(&rows, dedup)?
        .into_iter()
        .map(|m| m.obs)
        .collect();
    Ok(Loaded {
        obs,
        rows: rows.into_iter().map(|r| (r.id, r)).collect(),
    })
}

/// The four measures of one period.
#[derive(Debug, Clone, Copy, Default, Serialize)]
struct Point {
    events: u32,
    goldstein_mean: f64,
    net_cooperation: f64,
    level: Option<f64>,
}

fn series(
    obs: &[Obs],
    dyad: &Dyad,
    period: Period,
) -> (BTreeMap<String, Point>, BTreeMap<String, PeriodKey>) {
    let flow = flow_index(obs, dyad, period, None);
    let level = level_series(obs, &LevelParams::default(), None, None);
    let mut out = BTreeMap::new();
    let mut keys = BTreeMap::new();
    for r in &flow.rows {
        let last = r.period.last_month();
        let lvl = level
            .points
            .iter()
            .rev()
            .find(|p| p.period <= last)
            .map(|p| p.level);
        out.insert(
            r.period.to_string(),
            Point {
                events: r.events,
                goldstein_mean: r.goldstein_mean,
                net_cooperation: r.net_cooperation,
                level: lvl,
            },
        );
        keys.insert(r.period.to_string(), r.period);
    }
    (out, keys)
}

/// Pearson's r; `None` with fewer than 3 pairs or no variation on a side.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n < 3 || n != y.len() {
        return None;
    }
    let mx = x.iter().sum::<f64>() / n as f64;
    let my = y.iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx <= 1e-12 || syy <= 1e-12 {
        return None;
    }
    Some(sxy / (sxx * syy).sqrt())
}

/// Standard scores (population standard deviation; all 0 when there is no variation).
fn zscores(x: &[f64]) -> Vec<f64> {
    let n = x.len().max(1) as f64;
    let m = x.iter().sum::<f64>() / n;
    let sd = (x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / n).sqrt();
    x.iter()
        .map(|v| if sd > 1e-12 { (v - m) / sd } else { 0.0 })
        .collect()
}

#[derive(Debug, Serialize)]
struct EventRef {
    id: i64,
    date: String,
    source: String,
    target: String,
    cameo: String,
    quad_class: u8,
    goldstein: f64,
    label: String,
    dataset: Option<String>,
    native_id: Option<String>,
    import_file: Option<String>,
    import_row: Option<i64>,
}

#[derive(Debug, Serialize)]
struct Disagreement {
    period: String,
    a: f64,
    b: f64,
    z_a: f64,
    z_b: f64,
    /// z_a − z_b.
    difference: f64,
    events_a: Vec<EventRef>,
    events_b: Vec<EventRef>,
}

#[derive(Debug, Serialize)]
struct MeasureResult {
    measure: &'static str,
    /// Periods compared.
    n: usize,
    pearson: Option<f64>,
    disagreements: Vec<Disagreement>,
}

#[derive(Debug, Serialize)]
struct SideInfo {
    source: String,
    events: usize,
    first: Option<String>,
    last: Option<String>,
}

#[derive(Debug, Serialize)]
struct SeriesRow {
    period: String,
    a: Point,
    b: Point,
}

#[derive(Debug, Serialize)]
struct Comparison {
    dyad: String,
    freq: &'static str,
    a: SideInfo,
    b: SideInfo,
    overlap: Option<(String, String)>,
    measures: Vec<MeasureResult>,
    series: Vec<SeriesRow>,
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let dyad = parse_dyad(&args.dyad)?;
    let a_side = Side::parse("--a", &args.a)?;
    let b_side = Side::parse("--b", &args.b)?;
    if a_side == b_side {
        bail!("--a and --b name the same source; compare two different ones");
    }
    let period = match args.freq {
        Freq::Month => Period::Month,
        Freq::Quarter => Period::Quarter,
        Freq::Year => Period::Year,
    };
    let store = builtin::open_read(db)?;
    let a = load(&store, &dyad, &a_side, args.dedup)?;
    let b = load(&store, &dyad, &b_side, args.dedup)?;
    for (side, l) in [(&a_side, &a), (&b_side, &b)] {
        if l.obs.is_empty() {
            bail!(
                "no {} events for {}-{}; import or ingest some first (see `dyad import --help`)",
                side.label(),
                dyad.0,
                dyad.1
            );
        }
    }
    let d = Dyad::new(&dyad.0, &dyad.1);
    let (sa, keys_a) = series(&a.obs, &d, period);
    let (sb, _) = series(&b.obs, &d, period);
    let info = |side: &Side, l: &Loaded, s: &BTreeMap<String, Point>| SideInfo {
        source: side.label(),
        events: l.obs.len(),
        first: s.keys().next().cloned(),
        last: s.keys().next_back().cloned(),
    };
    let common: Vec<&String> = sa.keys().filter(|k| sb.contains_key(*k)).collect();
    let overlap = match (common.first(), common.last()) {
        (Some(f), Some(l)) => Some(((*f).clone(), (*l).clone())),
        _ => None,
    };
    type Getter = fn(&Point) -> Option<f64>;
    let measures: [(&'static str, Getter); 4] = [
        ("events", |p| Some(f64::from(p.events))),
        ("goldstein_mean", |p| {
            (p.events > 0).then_some(p.goldstein_mean)
        }),
        ("net_cooperation", |p| {
            (p.events > 0).then_some(p.net_cooperation)
        }),
        ("level", |p| p.level),
    ];
    let events_in = |l: &Loaded, key: &PeriodKey| -> Vec<EventRef> {
        let (first, last) = (key.first_month(), key.last_month());
        let mut evs: Vec<&Obs> = l
            .obs
            .iter()
            .filter(|o| {
                let m = Month::of(&o.date);
                m >= first && m <= last
            })
            .collect();
        evs.sort_by(|x, y| {
            y.goldstein
                .abs()
                .partial_cmp(&x.goldstein.abs())
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(x.id.cmp(&y.id))
        });
        evs.into_iter()
            .take(args.events)
            .map(|o| {
                let row = l.rows.get(&o.id);
                EventRef {
                    id: o.id,
                    date: o.date.to_string(),
                    source: o.source.clone(),
                    target: o.target.clone(),
                    cameo: o.cameo.clone(),
                    quad_class: o.quad_class,
                    goldstein: o.goldstein,
                    label: o.label.clone(),
                    dataset: row.and_then(|r| r.dataset.clone()),
                    native_id: row.and_then(|r| r.native_id.clone()),
                    import_file: row.and_then(|r| r.import_file.clone()),
                    import_row: row.and_then(|r| r.import_row),
                }
            })
            .collect()
    };
    let mut results = Vec::new();
    for (name, get) in measures {
        let pairs: Vec<(&String, f64, f64)> = common
            .iter()
            .filter_map(|k| Some((*k, get(&sa[*k])?, get(&sb[*k])?)))
            .collect();
        let xa: Vec<f64> = pairs.iter().map(|p| p.1).collect();
        let xb: Vec<f64> = pairs.iter().map(|p| p.2).collect();
        let (za, zb) = (zscores(&xa), zscores(&xb));
        let mut order: Vec<usize> = (0..pairs.len()).collect();
        order.sort_by(|&i, &j| {
            (za[j] - zb[j])
                .abs()
                .partial_cmp(&(za[i] - zb[i]).abs())
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(i.cmp(&j))
        });
        let disagreements = order
            .into_iter()
            .take(args.top)
            .filter(|&i| (za[i] - zb[i]).abs() > 1e-12)
            .map(|i| {
                let key = keys_a[pairs[i].0];
                Disagreement {
                    period: pairs[i].0.clone(),
                    a: pairs[i].1,
                    b: pairs[i].2,
                    z_a: za[i],
                    z_b: zb[i],
                    difference: za[i] - zb[i],
                    events_a: events_in(&a, &key),
                    events_b: events_in(&b, &key),
                }
            })
            .collect();
        results.push(MeasureResult {
            measure: name,
            n: pairs.len(),
            pearson: pearson(&xa, &xb),
            disagreements,
        });
    }
    let cmp = Comparison {
        dyad: format!("{}-{}", dyad.0, dyad.1),
        freq: period.as_str(),
        a: info(&a_side, &a, &sa),
        b: info(&b_side, &b, &sb),
        overlap,
        measures: results,
        series: common
            .iter()
            .map(|k| SeriesRow {
                period: (*k).clone(),
                a: sa[*k],
                b: sb[*k],
            })
            .collect(),
    };
    print(&cmp, args.format)?;
    Ok(Outcome::Ok)
}

fn print(c: &Comparison, format: Format) -> Result<()> {
    if format == Format::Json {
        return output::json(c);
    }
    let headers = [
        "measure", "periods", "pearson", "period", "a", "b", "z_a-z_b", "events",
    ];
    let mut rows = Vec::new();
    for m in &c.measures {
        let r = m.pearson.map(|r| format!("{r:.3}")).unwrap_or_default();
        if m.disagreements.is_empty() {
            rows.push(vec![
                m.measure.to_string(),
                m.n.to_string(),
                r,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
            continue;
        }
        for (i, d) in m.disagreements.iter().enumerate() {
            let short = |evs: &[EventRef]| {
                evs.first()
                    .map(|e| {
                        format!(
                            "{} {}→{} {} {:+.1}{}",
                            e.date,
                            e.source,
                            e.target,
                            e.cameo,
                            e.goldstein,
                            e.native_id
                                .as_deref()
                                .map(|n| format!(" #{n}"))
                                .unwrap_or_default()
                        )
                    })
                    .unwrap_or_else(|| "-".to_string())
            };
            rows.push(vec![
                if i == 0 {
                    m.measure.to_string()
                } else {
                    String::new()
                },
                if i == 0 {
                    m.n.to_string()
                } else {
                    String::new()
                },
                if i == 0 { r.clone() } else { String::new() },
                d.period.clone(),
                format!("{:.2}", d.a),
                format!("{:.2}", d.b),
                format!("{:+.2}", d.difference),
                format!(
                    "a: {} | b: {}",
                    output::truncate(&short(&d.events_a), 48),
                    output::truncate(&short(&d.events_b), 48)
                ),
            ]);
        }
    }
    match format {
        Format::Csv => output::csv(&headers, &rows)?,
        _ => output::table(&headers, &rows)?,
    }
    if format == Format::Table {
        eprintln!(
            "dyad: {} ({} events, {}..{}) vs {} ({} events, {}..{}); overlap {}",
            c.a.source,
            c.a.events,
            c.a.first.as_deref().unwrap_or("-"),
            c.a.last.as_deref().unwrap_or("-"),
            c.b.source,
            c.b.events,
            c.b.first.as_deref().unwrap_or("-"),
            c.b.last.as_deref().unwrap_or("-"),
            c.overlap
                .as_ref()
                .map(|(f, l)| format!("{f}..{l}"))
                .unwrap_or_else(|| "none".to_string())
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pearson_and_zscores() {
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]).unwrap() - 1.0).abs() < 1e-12);
        assert!((pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]).unwrap() + 1.0).abs() < 1e-12);
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(pearson(&[1.0, 2.0], &[1.0, 2.0]), None);
        let z = zscores(&[1.0, 3.0]);
        assert_eq!(z, vec![-1.0, 1.0]);
    }

    #[test]
    fn sides_parse_with_datasets() {
        let s = Side::parse("--a", "imported:GDELT").unwrap();
        assert_eq!(s.label(), "imported:gdelt");
        assert!(Side::parse("--a", "curated:gdelt").is_err());
        assert!(Side::parse("--a", "imported:acled").is_err());
        assert_eq!(Side::parse("--b", "curated").unwrap().dataset, None);
    }
}
