//! `dyad events`: stored events of every origin, with the filters other commands share.

use crate::cmd::chronology::{csv_rows, event_table_rows, parse_dyad, parse_month, CSV_HEADERS};
use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Result};
use dyad_app::{builtin, measure};
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
    /// Show happenings: reports of the same event merged (needs --dyad), each with its mentions.
    #[arg(long)]
    merged: bool,
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
    let store = builtin::open_read(db)?;
    if args.merged {
        return run_merged(&store, &args, &origins);
    }
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
        ..Default::default()
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

/// `--merged`: one line per happening, with the reports (mentions) merged into it.
fn run_merged(store: &dyad_store::Store, args: &Args, origins: &[Origin]) -> Result<Outcome> {
    let Some(dyad) = args.dyad.as_deref() else {
        bail!("--merged needs --dyad, e.g. --dyad USA-RUS");
    };
    if args.include_negated || args.include_hypothetical || args.doc.is_some() {
        bail!("--merged shows the factual events that the measures use; it cannot be combined with --doc, --include-negated or --include-hypothetical");
    }
    let dyad = parse_dyad(dyad)?;
    let from = parse_month("--from", &args.from)?.map(|d| d.first_day().ordinal());
    let to = parse_month("--to", &args.to)?.map(|d| d.last_day().ordinal());
    let a = measure::analyse(store, &dyad, origins, false)?;
    let mut out = Vec::new();
    for m in &a.merged {
        let day = m.obs.date.ordinal();
        if from.is_some_and(|f| day < f) || to.is_some_and(|t| day > t) {
            continue;
        }
        let reports: Vec<&dyad_store::EventRow> =
            m.reports.iter().filter_map(|id| a.rows.get(id)).collect();
        out.push(serde_json::json!({
            "id": m.obs.id,
            "date": m.obs.date.to_string(),
            "date_precision": m.obs.date.precision().as_str(),
            "source": m.obs.source,
            "target": m.obs.target,
            "cameo": m.obs.cameo,
            "quad_class": m.obs.quad_class,
            "goldstein": m.obs.goldstein,
            "domains": m.obs.domains,
            "label": m.obs.label,
            "mentions": m.obs.mentions,
            "documents": m.documents,
            "reports": reports,
        }));
        if args.limit.is_some_and(|l| out.len() as u64 >= l) {
            break;
        }
    }
    match args.format {
        Format::Json => output::json(&out)?,
        format => {
            let rows: Vec<Vec<String>> = out
                .iter()
                .map(|e| {
                    vec![
                        e["date"].as_str().unwrap_or("").to_string(),
                        format!(
                            "{}→{}",
                            e["source"].as_str().unwrap_or(""),
                            e["target"].as_str().unwrap_or("")
                        ),
                        e["cameo"].as_str().unwrap_or("").to_string(),
                        e["mentions"].to_string(),
                        e["documents"]
                            .as_array()
                            .map(|d| {
                                d.iter()
                                    .filter_map(|x| x.as_str())
                                    .map(|x| output::truncate(x, 16))
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            })
                            .unwrap_or_default(),
                        output::truncate(e["label"].as_str().unwrap_or(""), 60),
                    ]
                })
                .collect();
            let headers = [
                "date",
                "actors",
                "cameo",
                "mentions",
                "documents",
                "description",
            ];
            if format == Format::Csv {
                output::csv(&headers, &rows)?;
            } else {
                output::table(&headers, &rows)?;
                eprintln!(
                    "dyad: {} happenings from {} reports",
                    out.len(),
                    a.rows.len()
                );
            }
        }
    }
    Ok(Outcome::Ok)
}
