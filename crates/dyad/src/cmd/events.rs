//! `dyad events`: stored events of every origin, with the filters other commands share.

use crate::cmd::chronology::{csv_rows, event_table_rows, parse_dyad, parse_month, CSV_HEADERS};
use crate::output::{self, Format};
use crate::{builtin, Outcome};
use anyhow::{bail, Result};
use dyad_model::Origin;
use dyad_store::EventFilter;
use std::path::Path;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The pair of actors, e.g. USA-RUS (either direction); all events when omitted.
    #[arg(long)]
    dyad: Option<String>,
    /// First month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    from: Option<String>,
    /// Last month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    to: Option<String>,
    /// Only events coded from this document (id or unique prefix).
    #[arg(long, value_name = "ID")]
    doc: Option<String>,
    /// Only these origins (repeatable): coded, curated, imported.
    #[arg(long, value_name = "ORIGIN")]
    origin: Vec<String>,
    /// Include events the text negates ("reached no agreement").
    #[arg(long)]
    include_negated: bool,
    /// Include hypothetical and future events ("will impose sanctions if…").
    #[arg(long)]
    include_hypothetical: bool,
    /// At most this many events.
    #[arg(long)]
    limit: Option<u64>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let mut origins = Vec::new();
    for o in args.origin.iter().flat_map(|o| o.split(',')) {
        match Origin::parse(o.trim()) {
            Some(origin) => origins.push(origin),
            None => bail!("--origin `{o}` must be coded, curated or imported"),
        }
    }
    let store = builtin::open_store(db)?;
    let doc = match &args.doc {
        Some(d) => Some(store.document(d)?.id),
        None => None,
    };
    let filter = EventFilter {
        dyad: args.dyad.as_deref().map(parse_dyad).transpose()?,
        from: parse_month("--from", &args.from)?,
        to: parse_month("--to", &args.to)?,
        doc,
        origins,
        include_negated: args.include_negated,
        include_hypothetical: args.include_hypothetical,
        limit: args.limit,
        offset: 0,
    };
    let events = store.events(&filter)?;
    match args.format {
        Format::Json => output::json(&events)?,
        Format::Csv => output::csv(CSV_HEADERS, &csv_rows(&events))?,
        Format::Table => {
            output::table(
                &[
                    "date",
                    "actors",
                    "cameo",
                    "goldstein",
                    "description / sentence",
                ],
                &event_table_rows(&events, false),
            )?;
            eprintln!("dyad: {} events", events.len());
        }
    }
    Ok(Outcome::Ok)
}
