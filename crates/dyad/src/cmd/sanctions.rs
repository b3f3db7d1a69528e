//! `dyad sanctions`: the sanctions designations of a dyad per month (or year) and per side, from
//! the sized acts of the built-in chronology, with totals, set beside the published counts of
//! `data/chronology/sanctions-figures.tsv`. The sums and the comparison are
//! `dyad_analysis::sanctions`; this module reads the data and prints.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::Result;
use clap::ValueEnum;
use dyad_analysis::sanctions::Tally;
use dyad_app::request::{parse_dyad, parse_month};
use dyad_app::sanctions::{sanctions, By, Sanctions};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Month,
    Year,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, default_value = "USA-RUS")]
    dyad: String,
    /// First month (YYYY-MM, or a year YYYY).
    #[arg(long)]
    from: Option<String>,
    /// Last month (YYYY-MM, or a year YYYY), inclusive.
    #[arg(long)]
    to: Option<String>,
    /// One row per month with sanctions acts, or per year.
    #[arg(long, value_enum, default_value_t = ByArg::Month)]
    by: ByArg,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub fn run(args: Args) -> Result<Outcome> {
    let (a, b) = parse_dyad(&args.dyad)?;
    let from = parse_month("--from", &args.from)?;
    let to = parse_month("--to", &args.to)?;
    let by = match args.by {
        ByArg::Month => By::Month,
        ByArg::Year => By::Year,
    };
    let s = sanctions(&a, &b, from, to, by)?;
    match args.format {
        Format::Json => output::json(&s)?,
        Format::Table | Format::Csv => {
            let side_a = format!("{a}→{b}");
            let side_b = format!("{b}→{a}");
            let headers = [
                if args.by == ByArg::Month {
                    "month"
                } else {
                    "year"
                },
                &format!("{side_a} designations"),
                "sized",
                "unsized",
                &format!("{side_b} designations"),
                "sized",
                "unsized",
            ];
            let rows: Vec<Vec<String>> = s
                .rows
                .iter()
                .chain(std::iter::once(&s.total))
                .map(|r| {
                    let mut row = vec![r.period.clone()];
                    row.extend(side_cells(&r.a_to_b));
                    row.extend(side_cells(&r.b_to_a));
                    row
                })
                .collect();
            if args.format == Format::Csv {
                output::csv(&headers, &rows)?;
                // the comparison is a second table: on stderr, so the CSV stays one table
                eprintln!("{}", comparison_text(&s));
            } else {
                output::table(&headers, &rows)?;
                outln!("\n{}", comparison_text(&s));
            }
        }
    }
    Ok(Outcome::Ok)
}

/// A side's designations (`+` when the sum is a floor), its sized and its unsized acts.
fn side_cells(t: &Tally) -> [String; 3] {
    [
        format!("{}{}", t.designations, if t.is_floor() { "+" } else { "" }),
        t.sized.to_string(),
        t.without_size.to_string(),
    ]
}

/// The comparison with the published counts, and why they differ, as plain text.
fn comparison_text(s: &Sanctions) -> String {
    let mut out = format!("{}\n\nPublished counts beside the chronology:\n", s.rule);
    for c in &s.comparison {
        let f = &c.figure;
        out.push_str(&format!(
            "- {} on {}, {}..{}: {} ({}; {}, \"{}\", as of {}{}; cited by {}). The chronology's {}→{} sum over these months: {}{} designations in {} sized acts ({} unsized), {:.1}% of it.\n  Why they differ: {}\n",
            f.sender,
            f.target,
            f.from,
            f.to,
            f.value,
            f.counts_en,
            f.publisher,
            f.source_title,
            f.source_date.map(|d| d.to_string()).unwrap_or_else(|| "n.d.".into()),
            f.url.as_deref().map(|u| format!(", {u}")).unwrap_or_default(),
            f.cited_by,
            c.chronology_sender,
            f.target,
            c.chronology.designations,
            if c.chronology.is_floor() { "+" } else { "" },
            c.chronology.sized,
            c.chronology.without_size,
            c.share * 100.0,
            f.note_en,
        ));
    }
    out
}
