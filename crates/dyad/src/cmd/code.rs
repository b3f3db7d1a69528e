//! `dyad code`: codes sentences without storing anything — one from the command line, or one per
//! line from standard input (a date context carries from line to line, as in a document; a blank
//! line ends a document, and documents are coded in parallel on every core).

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Result};
use dyad_app::coding::{self, code_documents, documents};
use dyad_model::{EventDate, Precision};
use std::io::BufRead;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The sentence; without it, sentences are read one per line from standard input (a blank
    /// line ends a document; documents are coded in parallel on every core).
    sentence: Option<String>,
    /// The date of the document the sentence comes from (YYYY-MM-DD); relative dates resolve against it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date_context: Option<String>,
    /// Show which patterns and dictionary entries (file:line) produced each event.
    #[arg(long)]
    explain: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// One coded sentence, as `dyad code --format json` and the API's `POST /api/code` print it.
pub fn run(args: Args) -> Result<Outcome> {
    let date: Option<EventDate> = match &args.date_context {
        Some(d) => {
            let parsed: EventDate = d
                .parse()
                .map_err(|e| anyhow::anyhow!("--date-context: {e}"))?;
            if parsed.precision() != Precision::Day {
                bail!("--date-context: `{d}` must be a day, YYYY-MM-DD");
            }
            Some(parsed)
        }
        None => None,
    };
    let docs: Vec<Vec<String>> = match &args.sentence {
        Some(s) => vec![vec![s.clone()]],
        None => documents(
            std::io::stdin()
                .lock()
                .lines()
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| {
                    anyhow::anyhow!(
                        "standard input: {e} (dyad code reads UTF-8 text, one sentence per line)"
                    )
                })?,
        ),
    };
    let coder = coding::builtin_coder()?;
    let out = code_documents(&coder, &docs, date, args.explain)?;
    match args.format {
        Format::Json => {
            if args.sentence.is_some() && !out.is_empty() {
                output::json(&out[0])?
            } else {
                output::json(&out)?
            }
        }
        format => {
            let mut rows = Vec::new();
            for c in &out {
                for e in &c.events {
                    let flags = [("negated", "neg"), ("hypothetical", "hyp")]
                        .iter()
                        .filter(|(k, _)| e[*k].as_bool() == Some(true))
                        .map(|(_, v)| *v)
                        .collect::<Vec<_>>()
                        .join(",");
                    rows.push(vec![
                        e["date"].as_str().unwrap_or("").to_string(),
                        format!(
                            "{}→{}",
                            e["source"]["code"].as_str().unwrap_or(""),
                            e["target"]["code"].as_str().unwrap_or("")
                        ),
                        e["cameo"].as_str().unwrap_or("").to_string(),
                        e["goldstein"].to_string(),
                        e["plover"].as_str().unwrap_or("").to_string(),
                        flags,
                        output::truncate(&c.sentence, 50),
                    ]);
                }
            }
            let headers = [
                "date",
                "actors",
                "cameo",
                "goldstein",
                "plover",
                "flags",
                "sentence",
            ];
            if format == Format::Csv {
                output::csv(&headers, &rows)?;
            } else {
                output::table(&headers, &rows)?;
                if args.explain {
                    for c in &out {
                        if let Some(found) = &c.found {
                            outln!("\n{}\nno event: {found}", output::truncate(&c.sentence, 70));
                        }
                        for e in &c.events {
                            outln!(
                                "\n{}\n{}",
                                output::truncate(&c.sentence, 70),
                                e["explain"].as_str().unwrap_or("")
                            );
                        }
                    }
                }
            }
        }
    }
    Ok(Outcome::Ok)
}
