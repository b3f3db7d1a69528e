//! `dyad sanctions`: the sanctions designations of a dyad per month (or year) and per side, from
//! the sized acts of the built-in chronology, with totals, set beside the published counts of
//! `data/chronology/sanctions-figures.tsv`. The sums and the comparison are
//! `dyad_analysis::sanctions`; this module reads the data and prints.

use crate::cmd::chronology::{parse_dyad, parse_month};
use crate::output::{self, Format};
use crate::{builtin, Outcome};
use anyhow::Result;
use clap::ValueEnum;
use dyad_analysis::sanctions::{
    compare, parse_figures, sum, Act, Comparison, Figure, PeriodRow, Tally,
};
use dyad_model::EventDate;
use serde::Serialize;

/// Where the published counts live.
pub const FIGURES_PATH: &str = "data/chronology/sanctions-figures.tsv";

/// The CAMEO code of a sanctions act (kind `sanctions` of `dictionaries/kinds.tsv`).
const SANCTIONS_CODE: &str = "163";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
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
    #[arg(long, value_enum, default_value_t = By::Month)]
    by: By,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// What `dyad sanctions --format json` prints.
#[derive(Debug, Serialize)]
pub struct Sanctions {
    pub a: String,
    pub b: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub by: By,
    /// What is summed and what is not.
    pub rule: String,
    pub rows: Vec<PeriodRow>,
    pub total: PeriodRow,
    /// The published counts on `b`, each beside the chronology's sum over its own months
    /// (whatever `--from`/`--to`).
    pub comparison: Vec<Comparison>,
}

/// The published counts, parsed and checked.
pub fn figures() -> Result<Vec<Figure>> {
    Ok(parse_figures(FIGURES_PATH, builtin::file(FIGURES_PATH)?)?)
}

/// Checks the published counts (for `dyad dict check`); each problem with its `file:line`.
pub fn check_figures() -> Vec<String> {
    match figures() {
        Ok(_) => Vec::new(),
        Err(e) => vec![format!("{e:#}")],
    }
}

/// The sanctions acts of the chronology, each with its size when the source states one.
pub fn acts(chron: &builtin::Chronology) -> Vec<Act> {
    chron
        .events
        .iter()
        .filter(|e| e.cameo == SANCTIONS_CODE)
        .filter_map(|e| {
            let id = e.curated_id.clone()?;
            Some(Act {
                magnitude: chron.magnitudes.get(&id).copied(),
                id,
                date: e.date,
                source: e.source.code.clone(),
                target: e.target.code.clone(),
            })
        })
        .collect()
}

/// The sums of the dyad `a`–`b` between the months and the comparison, from the built-in data.
pub fn sanctions(
    a: &str,
    b: &str,
    from: Option<EventDate>,
    to: Option<EventDate>,
    by: By,
) -> Result<Sanctions> {
    let chron = builtin::chronology()?;
    let acts = acts(&chron);
    let sums = sum(&acts, a, b, from, to);
    let comparison = compare(&acts, &figures()?, a, b);
    Ok(Sanctions {
        a: a.to_string(),
        b: b.to_string(),
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        by,
        rule: format!(
            "Sums the designations (persons, entities, vessels and aircraft put on a sanctions, entry-ban or \
             export-restriction list) of the sanctions acts (CAMEO 163) between {a} and {b} recorded in the \
             built-in chronology, where the act's source states a size (its `magnitude`). A sum marked + is a \
             floor: some of its sizes are floors (\"more than 500\" counts 500) or approximate, or some acts \
             state no size (counted apart as unsized). The chronology records sanctions packages, not every \
             listed name."
        ),
        rows: match by {
            By::Month => sums.months,
            By::Year => sums.years,
        },
        total: sums.total,
        comparison,
    })
}

pub fn run(args: Args) -> Result<Outcome> {
    let (a, b) = parse_dyad(&args.dyad)?;
    let from = parse_month("--from", &args.from)?;
    let to = parse_month("--to", &args.to)?;
    let s = sanctions(&a, &b, from, to, args.by)?;
    match args.format {
        Format::Json => output::json(&s)?,
        Format::Table | Format::Csv => {
            let side_a = format!("{a}→{b}");
            let side_b = format!("{b}→{a}");
            let headers = [
                if args.by == By::Month {
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
                println!("\n{}", comparison_text(&s));
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
