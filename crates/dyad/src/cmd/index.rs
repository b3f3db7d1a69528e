//! `dyad index`: the event-flow measures and the cumulative relations level of a dyad, per month,
//! quarter or year, with the breakdown by direction and by domain.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Result};
use clap::ValueEnum;
use dyad_analysis::prelude::*;
use dyad_app::index::Row;
use dyad_app::request::parse_dyad;
use dyad_app::{builtin, measure};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Freq {
    Month,
    Quarter,
    Year,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, default_value = "USA-RUS")]
    dyad: String,
    #[arg(long, value_enum, default_value_t = Freq::Month)]
    freq: Freq,
    /// Only these origins (repeatable): coded, curated, imported. Default: all.
    #[arg(long, value_name = "ORIGIN")]
    origin: Vec<String>,
    /// Merge repeated reports in imported datasets too (by default one row is one event).
    #[arg(long)]
    dedup: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub use dyad_app::request::{origin_names, parse_origins};

impl From<Freq> for dyad_app::index::Freq {
    fn from(f: Freq) -> Self {
        match f {
            Freq::Month => Self::Month,
            Freq::Quarter => Self::Quarter,
            Freq::Year => Self::Year,
        }
    }
}

/// The flow index per `freq` (the application layer's, with the CLI's frequency).
pub fn rows(a: &measure::Analysis, freq: Freq) -> Vec<Row> {
    dyad_app::index::rows(a, freq.into())
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let dyad = parse_dyad(&args.dyad)?;
    let origins = parse_origins(&args.origin)?;
    let store = builtin::open_read(db)?;
    let a = measure::analyse(&store, &dyad, &origins, args.dedup)?;
    if a.merged.is_empty() {
        bail!(
            "no events for {}-{} (origins: {}); ingest documents or check --dyad",
            dyad.0,
            dyad.1,
            origin_names(&origins)
        );
    }
    let rows = rows(&a, args.freq);
    let headers = [
        "period",
        "level",
        "band",
        "events",
        "q1",
        "q2",
        "q3",
        "q4",
        "goldstein_sum",
        "goldstein_mean",
        "net_coop",
    ];
    let cells = |r: &Row| -> Vec<String> {
        vec![
            r.period.clone(),
            r.level.map(|l| format!("{l:.2}")).unwrap_or_default(),
            r.band.unwrap_or("").to_string(),
            r.flow.events.to_string(),
            r.flow.quad.get(1).to_string(),
            r.flow.quad.get(2).to_string(),
            r.flow.quad.get(3).to_string(),
            r.flow.quad.get(4).to_string(),
            format!("{:.1}", r.flow.goldstein_sum),
            format!("{:.2}", r.flow.goldstein_mean),
            format!("{:.2}", r.flow.net_cooperation),
        ]
    };
    match args.format {
        Format::Json => output::json(&rows)?,
        Format::Csv => output::csv(&headers, &rows.iter().map(cells).collect::<Vec<_>>())?,
        Format::Table => {
            output::table(&headers, &rows.iter().map(cells).collect::<Vec<_>>())?;
            eprintln!(
                "dyad: {} periods, {} events ({} reports) of {}-{}; level method in docs/method.md",
                rows.len(),
                a.merged.len(),
                a.rows.len(),
                dyad.0,
                dyad.1
            );
            if let Err(short) = a.check(Measure::Phases) {
                eprintln!(
                    "dyad: this is too little record to read phases, cycles or a forecast off the level: {short}"
                );
            }
        }
    }
    Ok(Outcome::Ok)
}
