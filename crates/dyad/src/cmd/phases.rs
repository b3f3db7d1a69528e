//! `dyad phases`, `dyad drivers`, `dyad forecast`, `dyad backtest`: what the level series says.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Result};
use dyad_analysis::prelude::*;
use dyad_app::request::parse_dyad;
use dyad_app::request::{origin_names, parse_origins};
use dyad_app::views::{
    drivers_of, eras_json, forecast_json, phases_json, robustness_json, shortfall_json,
};
use dyad_app::{builtin, measure};
use std::path::Path;

/// The flags every analysis command shares.
#[derive(clap::Args, Debug)]
pub struct Common {
    #[arg(long, default_value = "USA-RUS")]
    dyad: String,
    /// Only these origins (repeatable): coded, curated, imported. Default: all.
    #[arg(long, value_name = "ORIGIN")]
    origin: Vec<String>,
    /// Merge repeated reports in imported datasets too (by default one row is one event).
    #[arg(long)]
    dedup: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl Common {
    fn analyse(&self, db: &Path) -> Result<measure::Analysis> {
        let dyad = parse_dyad(&self.dyad)?;
        let origins = parse_origins(&self.origin)?;
        let store = builtin::open_read(db)?;
        let a = measure::analyse(&store, &dyad, &origins, self.dedup)?;
        if a.level.points.is_empty() {
            bail!(
                "no events for {}-{} (origins: {})",
                dyad.0,
                dyad.1,
                origin_names(&origins)
            );
        }
        Ok(a)
    }
}

#[derive(clap::Args, Debug)]
pub struct PhasesArgs {
    #[command(flatten)]
    common: Common,
    /// Which periods: `phase` (change-point phases, with the cycles and the spiral test) or
    /// `era` (the long periods made of whole phases; at most 6 by default).
    #[arg(long, value_enum, default_value_t = Level::Phase)]
    level: Level,
    /// Instead of the periods: how they depend on the impact model. Eras, phases, cycles, the
    /// spiral test, the largest fall and the lowest level with each impact parameter and the
    /// memory half-life halved and doubled (the report's robustness section).
    #[arg(long, conflicts_with = "level")]
    robustness: bool,
}

/// The two levels of periods of `dyad phases`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Era,
    Phase,
}

/// The columns of `dyad phases --level era` (table and CSV).
const ERA_HEADERS: [&str; 9] = [
    "era",
    "start",
    "end",
    "months",
    "mean level",
    "band",
    "trend",
    "level",
    "phases",
];

#[derive(clap::Args, Debug)]
pub struct DriversArgs {
    #[command(flatten)]
    common: Common,
    /// First month, YYYY-MM (default: the first month of the series).
    #[arg(long, value_name = "YYYY-MM")]
    from: Option<String>,
    /// Last month, YYYY-MM (default: the last month).
    #[arg(long, value_name = "YYYY-MM")]
    to: Option<String>,
    /// Events listed per domain and sign.
    #[arg(long, default_value_t = 5)]
    top: usize,
}

#[derive(clap::Args, Debug)]
pub struct ForecastArgs {
    #[command(flatten)]
    common: Common,
    /// Months ahead.
    #[arg(long, default_value_t = 12)]
    horizon: usize,
}

#[derive(clap::Args, Debug)]
pub struct BacktestArgs {
    #[command(flatten)]
    common: Common,
    /// Months ahead scored at each origin.
    #[arg(long, default_value_t = 12)]
    horizon: usize,
}

/// Says, for a person reading a table, what was not computed and why.
fn say_withheld(
    a: &measure::Analysis,
    shortfalls: &[&Shortfall],
    format: Format,
) -> std::io::Result<()> {
    for s in shortfalls {
        let line = format!(
            "Not computed for {}-{}: {s}. See docs/method.md, \"What dyad will not compute\".",
            a.dyad.0, a.dyad.1
        );
        if format == Format::Table {
            outln!("{line}");
        } else {
            eprintln!("dyad: {line}");
        }
    }
    Ok(())
}

pub fn run_phases(db: &Path, args: PhasesArgs) -> Result<Outcome> {
    let a = args.common.analyse(db)?;
    if args.robustness {
        return run_robustness(&a, args.common.format);
    }
    if args.level == Level::Era {
        return run_eras(&a, args.common.format);
    }
    if args.common.format != Format::Json && a.phases.is_empty() && !a.withheld.is_empty() {
        let all: Vec<&Shortfall> = a.withheld.iter().collect();
        say_withheld(&a, &all, args.common.format)?;
        if args.common.format == Format::Csv {
            output::csv(
                &["start", "end", "mean level", "band", "trend", "level"],
                &[],
            )?;
        }
        return Ok(Outcome::Ok);
    }
    match args.common.format {
        Format::Json => output::json(&phases_json(&a))?,
        format => {
            let rows: Vec<Vec<String>> = a
                .phases
                .iter()
                .map(|p| {
                    vec![
                        p.start.to_string(),
                        p.end.to_string(),
                        format!("{:.2}", p.level),
                        format!("{} {}", p.band_zh, p.band.en()),
                        p.trend.to_string(),
                        format!("{:.2} → {:.2}", p.start_level, p.end_level),
                    ]
                })
                .collect();
            let headers = ["start", "end", "mean level", "band", "trend", "level"];
            if format == Format::Csv {
                return output::csv(&headers, &rows)
                    .map(|_| Outcome::Ok)
                    .map_err(Into::into);
            }
            output::table(&headers, &rows)?;
            outln!();
            let cyc: Vec<Vec<String>> = a
                .cycles
                .iter()
                .map(|c| {
                    vec![
                        format!("{} {:+.2}", c.trough.period, c.trough.level),
                        format!("{} {:+.2}", c.peak.period, c.peak.level),
                        format!(
                            "{} {:+.2}{}",
                            c.end.period,
                            c.end.level,
                            if c.open { " (open)" } else { "" }
                        ),
                        format!("{}/{}/{}", c.rise_months, c.high_months, c.fall_months),
                        c.rise_drivers
                            .first()
                            .map(|d| output::truncate(&d.label, 40))
                            .unwrap_or_default(),
                        c.fall_drivers
                            .first()
                            .map(|d| output::truncate(&d.label, 40))
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "trough",
                    "peak",
                    "end",
                    "rise/high/fall months",
                    "drove the rise",
                    "drove the fall",
                ],
                &cyc,
            )?;
            outln!(
                "\nSpiral decline: {:?}. {}",
                a.spiral.verdict,
                a.spiral.reason
            );
            let rest: Vec<&Shortfall> = a.withheld.iter().collect();
            say_withheld(&a, &rest, format)?;
            outln!(
                "Change points: {}",
                a.change_points
                    .iter()
                    .map(|m| m.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    Ok(Outcome::Ok)
}

/// One era as the cells of [`ERA_HEADERS`], then its defining events.
fn era_row(i: usize, e: &Era, full: bool) -> Vec<String> {
    let events: Vec<String> = e
        .opened_by
        .iter()
        .take(1)
        .chain(
            e.defining_events
                .iter()
                .filter(|d| e.opened_by.first().is_none_or(|o| o.id != d.id)),
        )
        .map(|d| {
            let label = if full {
                d.label.clone()
            } else {
                output::truncate(&d.label, 40)
            };
            format!("{} {label} {:+.2}", d.date, d.contribution)
        })
        .collect();
    vec![
        format!("E{}", i + 1),
        e.start.to_string(),
        e.end.to_string(),
        e.months.to_string(),
        format!("{:.2}", e.level),
        format!("{} {}", e.band_zh, e.band.en()),
        e.trend.to_string(),
        format!("{:.2} → {:.2}", e.start_level, e.end_level),
        e.phases
            .map(|(a, b)| {
                if a == b {
                    format!("P{a}")
                } else {
                    format!("P{a}–P{b}")
                }
            })
            .unwrap_or_default(),
        if full {
            events.join(" | ")
        } else {
            events.into_iter().take(2).collect::<Vec<_>>().join("; ")
        },
    ]
}

/// `dyad phases --level era`: the eras as a table, CSV or JSON.
/// The columns of `dyad phases --robustness` (table and CSV).
const ROBUSTNESS_HEADERS: [&str; 9] = [
    "parameter",
    "factor",
    "value",
    "eras",
    "phases",
    "cycles",
    "spiral decline",
    "largest fall",
    "lowest level",
];

fn robustness_row(o: &dyad_analysis::robustness::Outcome) -> Vec<String> {
    let verdict = serde_json::to_value(o.verdict)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let at = |x: Option<(Month, f64)>| {
        x.map(|(m, v)| format!("{m} {v:+.2}"))
            .unwrap_or_else(|| "-".into())
    };
    vec![
        o.parameter.unwrap_or("(documented values)").to_string(),
        format!("{}", o.factor),
        if o.parameter.is_some() {
            format!("{:.3}", o.value)
        } else {
            "-".into()
        },
        o.eras.to_string(),
        o.phases.to_string(),
        o.cycles.to_string(),
        verdict.replace('_', " "),
        at(o.largest_fall),
        at(o.minimum),
    ]
}

fn run_robustness(a: &measure::Analysis, format: Format) -> Result<Outcome> {
    if format == Format::Json {
        output::json(&robustness_json(a))?;
        return Ok(Outcome::Ok);
    }
    let Some(r) = a.robustness() else {
        let all: Vec<&Shortfall> = a.withheld.iter().collect();
        say_withheld(a, &all, format)?;
        if format == Format::Csv {
            output::csv(&ROBUSTNESS_HEADERS, &[])?;
        }
        return Ok(Outcome::Ok);
    };
    let rows: Vec<Vec<String>> = std::iter::once(&r.base)
        .chain(&r.variants)
        .map(robustness_row)
        .collect();
    if format == Format::Csv {
        output::csv(&ROBUSTNESS_HEADERS, &rows)?;
        return Ok(Outcome::Ok);
    }
    output::table(&ROBUSTNESS_HEADERS, &rows)?;
    outln!(
        "\n{} of {} variants change the spiral-decline verdict (docs/method.md, section 11)",
        r.verdict_changes,
        r.variants.len()
    );
    Ok(Outcome::Ok)
}

fn run_eras(a: &measure::Analysis, format: Format) -> Result<Outcome> {
    let mut headers = ERA_HEADERS.to_vec();
    headers.push("opened by; defining events");
    if format == Format::Json {
        output::json(&eras_json(a))?;
        return Ok(Outcome::Ok);
    }
    if a.eras.is_empty() && !a.withheld.is_empty() {
        let all: Vec<&Shortfall> = a.withheld.iter().collect();
        say_withheld(a, &all, format)?;
        if format == Format::Csv {
            output::csv(&headers, &[])?;
        }
        return Ok(Outcome::Ok);
    }
    let full = format == Format::Csv;
    let rows: Vec<Vec<String>> = a
        .eras
        .iter()
        .enumerate()
        .map(|(i, e)| era_row(i, e, full))
        .collect();
    if full {
        output::csv(&headers, &rows)?;
    } else {
        output::table(&headers, &rows)?;
        let p = EraParams::default();
        outln!(
            "\n{} eras from {} phases: least squares at phase boundaries, eras of at least {} months, at most {} (docs/method.md, \"Eras\")",
            a.eras.len(),
            a.phases.len(),
            p.min_months,
            p.max_eras
        );
    }
    Ok(Outcome::Ok)
}

pub fn run_drivers(db: &Path, args: DriversArgs) -> Result<Outcome> {
    let a = args.common.analyse(db)?;
    let d = drivers_of(&a, &args.from, &args.to, args.top)?;
    match args.common.format {
        Format::Json => output::json(&d)?,
        format => {
            let rows: Vec<Vec<String>> = d
                .by_domain
                .iter()
                .map(|x| {
                    vec![
                        x.domain.clone(),
                        format!("{:+.2}", x.positive),
                        format!("{:+.2}", x.negative),
                        format!("{:+.2}", x.net),
                        x.top_events
                            .first()
                            .map(|e| output::truncate(&e.label, 50))
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            let headers = ["domain", "positive", "negative", "net", "largest event"];
            if format == Format::Csv {
                output::csv(&headers, &rows)?;
            } else {
                output::table(&headers, &rows)?;
                outln!(
                    "\n{} – {}: level {} → {}, change {:+.2} = memory {:+.2} + events {:+.2}",
                    d.from,
                    d.to,
                    d.level_start
                        .map(|l| format!("{l:+.2}"))
                        .unwrap_or_default(),
                    d.level_end.map(|l| format!("{l:+.2}")).unwrap_or_default(),
                    d.change,
                    d.decay,
                    d.events_sum
                );
            }
        }
    }
    Ok(Outcome::Ok)
}

pub fn run_forecast(db: &Path, args: ForecastArgs) -> Result<Outcome> {
    if args.horizon == 0 || args.horizon > 120 {
        bail!("--horizon must be 1 to 120 months");
    }
    let a = args.common.analyse(db)?;
    if args.common.format == Format::Json {
        output::json(&forecast_json(&a, args.horizon))?;
        return Ok(Outcome::Ok);
    }
    let f = match a.forecast(args.horizon) {
        Ok(f) => f,
        Err(short) => {
            say_withheld(&a, &[&short], args.common.format)?;
            if args.common.format == Format::Csv {
                output::csv(
                    &["month", "level", "80% interval", "95% interval", "band"],
                    &[],
                )?;
            }
            return Ok(Outcome::Ok);
        }
    };
    match args.common.format {
        Format::Json => output::json(&f)?,
        format => {
            let rows: Vec<Vec<String>> = f
                .points
                .iter()
                .map(|p| {
                    vec![
                        p.period.to_string(),
                        format!("{:+.2}", p.level),
                        format!("{:+.2} … {:+.2}", p.lo80, p.hi80),
                        format!("{:+.2} … {:+.2}", p.lo95, p.hi95),
                        Band::of(p.level).en().to_string(),
                    ]
                })
                .collect();
            let headers = ["month", "level", "80% interval", "95% interval", "band"];
            if format == Format::Csv {
                output::csv(&headers, &rows)?;
            } else {
                output::table(&headers, &rows)?;
                if let Ok(flow) = a.flow_forecast(args.horizon) {
                    let rows: Vec<Vec<String>> = flow
                        .events
                        .iter()
                        .zip(&flow.goldstein_sum)
                        .map(|(e, g)| {
                            vec![
                                e.period.to_string(),
                                format!("{:.1}", e.value),
                                format!("{:.1} … {:.1}", e.lo80, e.hi80),
                                format!("{:+.1}", g.value),
                                format!("{:+.1} … {:+.1}", g.lo80, g.hi80),
                            ]
                        })
                        .collect();
                    outln!();
                    output::table(
                        &[
                            "month",
                            "events",
                            "80% interval",
                            "net Goldstein",
                            "80% interval",
                        ],
                        &rows,
                    )?;
                }
                eprintln!("dyad: the level's memory decay plus the mean change due to events; the event flow at its weighted rate; intervals from past errors. See `dyad backtest` for their record");
            }
        }
    }
    Ok(Outcome::Ok)
}

pub fn run_backtest(db: &Path, args: BacktestArgs) -> Result<Outcome> {
    let a = args.common.analyse(db)?;
    let params = BacktestParams {
        horizon: args.horizon.clamp(1, 120),
        ..BacktestParams::default()
    };
    let headers = [
        "series",
        "horizon",
        "n",
        "MAE",
        "naive MAE",
        "mean MAE",
        "skill",
        "MASE",
        "naive MASE",
        "80% coverage",
        "95% coverage",
    ];
    if let Err(short) = a.check(Measure::Forecast) {
        // No forecast, so nothing to backtest.
        if args.common.format == Format::Json {
            output::json(&serde_json::json!({
                "origins": [],
                "per_horizon": [],
                "overall": null,
                "flow": null,
                "not_computed": shortfall_json(&short),
            }))?;
        } else {
            say_withheld(&a, &[&short], args.common.format)?;
            if args.common.format == Format::Csv {
                output::csv(&headers, &[])?;
            }
        }
        return Ok(Outcome::Ok);
    }
    let (b, flow) = a.backtests(&params);
    let skill = a.check_skill(&b);
    match args.common.format {
        Format::Json => {
            let mut v = serde_json::to_value(&b)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("flow".into(), serde_json::to_value(&flow)?);
                if let Err(short) = &skill {
                    o.insert("skill_not_judged".into(), shortfall_json(short));
                }
            }
            output::json(&v)?
        }
        format => {
            let mut rows = Vec::new();
            for (name, b) in [
                ("level", &b),
                ("events", &flow.events),
                ("goldstein", &flow.goldstein_sum),
            ] {
                rows.extend(b.per_horizon.iter().map(|s| score_row(name, s, None)));
                rows.push(score_row(name, &b.pooled_1_6, Some("1-6")));
                rows.push(score_row(name, &b.overall, Some("all")));
            }
            if let Err(short) = &skill {
                say_withheld(&a, &[short], Format::Csv)?;
            }
            if format == Format::Csv {
                output::csv(&headers, &rows)?;
            } else {
                output::table(&headers, &rows)?;
                eprintln!(
                    "dyad: {} origins from {}; skill = 1 − MAE / naive MAE (persistence); mean = the long-run mean up to each origin",
                    b.origins.len(),
                    b.origins.first().map(|m| m.to_string()).unwrap_or_default()
                );
            }
        }
    }
    Ok(Outcome::Ok)
}

fn score_row(
    series: &str,
    s: &dyad_analysis::forecast::HorizonScore,
    pooled: Option<&str>,
) -> Vec<String> {
    vec![
        series.to_string(),
        pooled.map_or_else(|| s.h.to_string(), str::to_string),
        s.n.to_string(),
        format!("{:.3}", s.mae),
        format!("{:.3}", s.mae_naive),
        format!("{:.3}", s.mae_mean),
        s.skill
            .map(|k| format!("{:+.0}%", k * 100.0))
            .unwrap_or_default(),
        format!("{:.3}", s.mase),
        format!("{:.3}", s.mase_naive),
        format!("{:.0}%", s.coverage80 * 100.0),
        format!("{:.0}%", s.coverage95 * 100.0),
    ]
}
