//! Sanctions: the designations of a dyad per month (or year) and per side, from the sized acts
//! of the built-in chronology, with totals, set beside the published counts of
//! `data/chronology/sanctions-figures.tsv`. The sums and the comparison are
//! `dyad_analysis::sanctions`; this module reads the data.

use crate::{builtin, Result};
use dyad_analysis::sanctions::{compare, parse_figures, sum, Act, Comparison, Figure, PeriodRow};
use dyad_model::EventDate;
use serde::Serialize;

/// Where the published counts live.
pub const FIGURES_PATH: &str = "data/chronology/sanctions-figures.tsv";

/// The CAMEO code of a sanctions act (kind `sanctions` of `dictionaries/kinds.tsv`).
const SANCTIONS_CODE: &str = "163";

/// One row per month with sanctions acts, or per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Month,
    Year,
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
        Err(e) => vec![e.to_string()],
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
