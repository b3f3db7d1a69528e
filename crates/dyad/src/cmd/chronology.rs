//! `dyad chronology`: the built-in, sourced events of a dyad.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Result};
use dyad_app::builtin;
use dyad_app::cite;
use dyad_model::{EventDate, Origin, Precision};
use dyad_store::{EventFilter, EventRow};
use std::path::Path;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The pair of actors, e.g. USA-RUS (either direction).
    #[arg(long, default_value = "USA-RUS")]
    dyad: String,
    /// First month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    from: Option<String>,
    /// Last month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    to: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Print each event's sources as references in this style: `gbt7714` (GB/T 7714-2015,
    /// with the Chinese description) or `apa` (APA 7, with the English one). With
    /// `--format json`: one object per event with its references; csv is refused.
    #[arg(long, value_name = "STYLE", value_parser = style_arg())]
    cite: Option<cite::Style>,
    /// The day the sources were consulted, for GB/T 7714's [引用日期] (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "cite")]
    cited: Option<String>,
    /// Instead of the events, one row a year: how many events, how many cite a source whose title
    /// is in Chinese, how many acts state their size, and the designations, diplomats and
    /// prisoners those sizes add up to (`+`: some of them are floors or approximate).
    #[arg(long, conflicts_with = "cite")]
    per_year: bool,
}

/// A year of the chronology: its density, its sources in Chinese, the sizes its acts state.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
struct Year {
    year: i32,
    events: usize,
    /// Events citing at least one source whose title has Chinese characters.
    chinese_source: usize,
    /// Events whose act states its size (`magnitude`).
    sized: usize,
    designations: u64,
    diplomats: u64,
    prisoners: u64,
    /// Units of which some size summed here is a floor (`500+`) or approximate (`~150`).
    inexact: Vec<String>,
}

fn has_chinese(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c))
}

/// The chronology's events counted per year (every year from the first to the last, empty ones
/// included).
fn per_year(events: &[EventRow]) -> Vec<Year> {
    use dyad_model::magnitude::{Bound, Unit};
    let mut years: std::collections::BTreeMap<i32, Year> = std::collections::BTreeMap::new();
    for e in events {
        let y = e.date.y();
        let row = years.entry(y).or_insert_with(|| Year {
            year: y,
            ..Default::default()
        });
        row.events += 1;
        if e.citation.iter().any(|c| has_chinese(&c.title)) {
            row.chinese_source += 1;
        }
        let Some(m) = e
            .curated_id
            .as_deref()
            .and_then(|id| builtin::magnitudes().get(id))
        else {
            continue;
        };
        row.sized += 1;
        let sum = match m.unit {
            Unit::Designations => &mut row.designations,
            Unit::Diplomats => &mut row.diplomats,
            Unit::Prisoners => &mut row.prisoners,
            _ => continue,
        };
        *sum += m.value;
        if m.bound != Bound::Exact && !row.inexact.iter().any(|u| u == m.unit.as_str()) {
            row.inexact.push(m.unit.as_str().to_string());
        }
    }
    if let (Some(&first), Some(&last)) = (years.keys().next(), years.keys().next_back()) {
        for y in first..=last {
            years.entry(y).or_insert_with(|| Year {
                year: y,
                ..Default::default()
            });
        }
    }
    years.into_values().collect()
}

fn print_per_year(events: &[EventRow], format: Format) -> Result<Outcome> {
    let years = per_year(events);
    let cell = |y: &Year, unit: &str, v: u64| {
        let floor = if y.inexact.iter().any(|u| u == unit) {
            "+"
        } else {
            ""
        };
        format!("{v}{floor}")
    };
    let rows: Vec<Vec<String>> = years
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                y.events.to_string(),
                y.chinese_source.to_string(),
                if y.events == 0 {
                    String::new()
                } else {
                    format!("{:.1}%", 100.0 * y.chinese_source as f64 / y.events as f64)
                },
                y.sized.to_string(),
                cell(y, "designations", y.designations),
                cell(y, "diplomats", y.diplomats),
                cell(y, "prisoners", y.prisoners),
            ]
        })
        .collect();
    let headers = [
        "year",
        "events",
        "chinese_source",
        "share",
        "sized",
        "designations",
        "diplomats",
        "prisoners",
    ];
    match format {
        Format::Json => output::json(&years)?,
        Format::Csv => output::csv(&headers, &rows)?,
        Format::Table => {
            output::table(&headers, &rows)?;
            let total: usize = years.iter().map(|y| y.events).sum();
            let zh: usize = years.iter().map(|y| y.chinese_source).sum();
            if let (Some(min), Some(max)) = (
                years.iter().min_by_key(|y| y.events),
                years.iter().max_by_key(|y| y.events),
            ) {
                eprintln!(
                    "dyad: {total} events, {zh} ({:.1}%) citing a source in Chinese; fewest in {} ({}), most in {} ({})",
                    if total == 0 { 0.0 } else { 100.0 * zh as f64 / total as f64 },
                    min.year,
                    min.events,
                    max.year,
                    max.events
                );
            }
        }
    }
    Ok(Outcome::Ok)
}

pub use dyad_app::request::{parse_dyad, parse_month};

pub fn event_table_rows(events: &[EventRow], lang_zh: bool) -> Vec<Vec<String>> {
    events
        .iter()
        .map(|e| {
            let desc = if lang_zh {
                e.description_zh.clone()
            } else {
                e.description_en.clone()
            };
            vec![
                e.date.to_string(),
                format!("{}→{}", e.source, e.target),
                e.cameo.clone(),
                format!("{:+.1}", e.goldstein),
                output::truncate(&desc.or_else(|| e.sentence.clone()).unwrap_or_default(), 70),
            ]
        })
        .collect()
}

pub const CSV_HEADERS: &[&str] = &[
    "id",
    "date",
    "date_precision",
    "source",
    "source_role",
    "source_person",
    "target",
    "target_role",
    "target_person",
    "cameo",
    "quad_class",
    "goldstein",
    "plover",
    "plover_mode",
    "negated",
    "hypothetical",
    "domains",
    "origin",
    "place",
    "meeting",
    "description_zh",
    "description_en",
    "citation",
    "doc_id",
    "sentence_id",
    "sentence",
];

pub fn csv_rows(events: &[EventRow]) -> Vec<Vec<String>> {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    events
        .iter()
        .map(|e| {
            vec![
                e.id.to_string(),
                e.date.to_string(),
                e.date_precision.as_str().to_string(),
                e.source.clone(),
                e.source_role.clone(),
                o(&e.source_person),
                e.target.clone(),
                e.target_role.clone(),
                o(&e.target_person),
                e.cameo.clone(),
                e.quad_class.to_string(),
                e.goldstein.to_string(),
                e.plover.clone(),
                e.plover_mode.clone(),
                e.negated.to_string(),
                e.hypothetical.to_string(),
                e.domains.join(";"),
                e.origin.as_str().to_string(),
                o(&e.place),
                o(&e.meeting),
                o(&e.description_zh),
                o(&e.description_en),
                e.citation
                    .iter()
                    .map(|c| c.title.clone())
                    .collect::<Vec<_>>()
                    .join(" | "),
                o(&e.doc_id),
                e.sentence_id.map(|i| i.to_string()).unwrap_or_default(),
                o(&e.sentence),
            ]
        })
        .collect()
}

/// How large the act was, as its row in the chronology states it (`35 diplomats`,
/// `300+ designations`; data/chronology/README.md), for a curated event that has one.
fn magnitude_of(e: &EventRow) -> Option<String> {
    e.curated_id
        .as_deref()
        .and_then(|id| builtin::magnitudes().get(id))
        .map(|m| m.to_string())
}

/// An event of the chronology as `--format json` prints it: the stored event and its magnitude.
#[derive(serde::Serialize)]
struct WithMagnitude<'a> {
    #[serde(flatten)]
    event: &'a EventRow,
    magnitude: Option<String>,
}

fn with_magnitudes(events: &[EventRow]) -> Vec<WithMagnitude<'_>> {
    events
        .iter()
        .map(|event| WithMagnitude {
            event,
            magnitude: magnitude_of(event),
        })
        .collect()
}

/// One event with its sources as references in `style`.
#[derive(serde::Serialize)]
struct Cited<'a> {
    id: Option<&'a str>,
    date: EventDate,
    source: &'a str,
    target: &'a str,
    cameo: &'a str,
    /// Where, in the style's language: Chinese with GB/T 7714, English with APA.
    place: Option<&'a str>,
    description: Option<&'a str>,
    references: Vec<String>,
}

fn print_citations(
    events: &[EventRow],
    style: cite::Style,
    cited: &str,
    format: Format,
) -> Result<Outcome> {
    let places = builtin::places()?;
    let items: Vec<Cited> = events
        .iter()
        .map(|e| Cited {
            id: e.curated_id.as_deref(),
            date: e.date,
            source: &e.source,
            target: &e.target,
            cameo: &e.cameo,
            place: e
                .place
                .as_deref()
                .map(|p| places.name(p, style == cite::Style::Gbt7714)),
            description: match style {
                cite::Style::Gbt7714 => e.description_zh.as_deref(),
                cite::Style::Apa => e.description_en.as_deref(),
            },
            references: e
                .citation
                .iter()
                .map(|c| cite::format(c, style, cited))
                .collect(),
        })
        .collect();
    if format == Format::Json {
        output::json(&items)?;
        return Ok(Outcome::Ok);
    }
    let mut out = String::new();
    for it in &items {
        out.push_str(&format!(
            "{}  {}→{}  {}  {}\n",
            it.date,
            it.source,
            it.target,
            it.cameo,
            it.description.unwrap_or("")
        ));
        for (i, r) in it.references.iter().enumerate() {
            out.push_str(&format!("  [{}] {r}\n", i + 1));
        }
    }
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    Ok(Outcome::Ok)
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let dyad = parse_dyad(&args.dyad)?;
    let filter = EventFilter {
        dyad: Some(dyad.clone()),
        from: parse_month("--from", &args.from)?,
        to: parse_month("--to", &args.to)?,
        origins: vec![Origin::Curated],
        ..Default::default()
    };
    let cited = match &args.cited {
        Some(d) => match d.parse::<EventDate>() {
            Ok(e) if e.precision() == Precision::Day => d.clone(),
            _ => bail!("--cited `{d}` must be a day, YYYY-MM-DD"),
        },
        None => cite::today(),
    };
    if args.cite.is_some() && args.format == Format::Csv {
        bail!("--cite prints references as text or, with --format json, as JSON; csv has no place for them");
    }
    let store = builtin::open_read(db)?;
    let events = store.events(&filter)?;
    if let Some(style) = args.cite {
        return print_citations(&events, style, &cited, args.format);
    }
    if args.per_year {
        return print_per_year(&events, args.format);
    }
    match args.format {
        Format::Json => output::json(&with_magnitudes(&events))?,
        Format::Csv => {
            let mut headers = CSV_HEADERS.to_vec();
            headers.push("magnitude");
            let rows: Vec<Vec<String>> = csv_rows(&events)
                .into_iter()
                .zip(&events)
                .map(|(mut row, e)| {
                    row.push(magnitude_of(e).unwrap_or_default());
                    row
                })
                .collect();
            output::csv(&headers, &rows)?
        }
        Format::Table => {
            output::table(
                &["date", "actors", "cameo", "goldstein", "description"],
                &event_table_rows(&events, false),
            )?;
            eprintln!(
                "dyad: {} curated events for {}-{}",
                events.len(),
                dyad.0,
                dyad.1
            );
        }
    }
    Ok(Outcome::Ok)
}

/// The values of `--cite`, with their help, as the citation styles of the application layer.
fn style_arg() -> impl clap::builder::TypedValueParser<Value = cite::Style> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new([
        PossibleValue::new("gbt7714").help("GB/T 7714-2015, electronic resource"),
        PossibleValue::new("apa").help("APA 7th edition"),
    ])
    .map(|s| match s.as_str() {
        "apa" => cite::Style::Apa,
        _ => cite::Style::Gbt7714,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chronology_prints_an_acts_magnitude_with_it() {
        let store = builtin::open_read(std::path::Path::new("/nonexistent/dyad-test.db")).unwrap();
        let events = store
            .events(&EventFilter {
                dyad: Some(("USA".into(), "RUS".into())),
                from: "2016-12".parse().ok(),
                to: "2016-12".parse().ok(),
                origins: vec![Origin::Curated],
                ..Default::default()
            })
            .unwrap();
        let json = serde_json::to_value(with_magnitudes(&events)).unwrap();
        let rows = json.as_array().unwrap();
        let expel = rows
            .iter()
            .find(|r| r["curated_id"] == "2016-12-29-us-expels-35-diplomats")
            .expect("the 2016 expulsion is in the chronology");
        assert_eq!(expel["magnitude"], "35 diplomats");
        assert_eq!(expel["cameo"], "161", "the event's own fields are kept");
        assert!(
            rows.iter().any(|r| r["magnitude"].is_null()),
            "an act whose source states no size has none"
        );
    }

    #[test]
    fn per_year_counts_events_chinese_sources_and_stated_sizes() {
        let store = builtin::open_read(std::path::Path::new("/nonexistent/dyad-test.db")).unwrap();
        let events = store
            .events(&EventFilter {
                dyad: Some(("USA".into(), "RUS".into())),
                from: "2016-01".parse().ok(),
                to: "2018-12".parse().ok(),
                origins: vec![Origin::Curated],
                ..Default::default()
            })
            .unwrap();
        let years = per_year(&events);
        assert_eq!(
            years.iter().map(|y| y.year).collect::<Vec<_>>(),
            vec![2016, 2017, 2018]
        );
        assert_eq!(years.iter().map(|y| y.events).sum::<usize>(), events.len());
        let y2016 = &years[0];
        assert!(
            y2016.diplomats >= 35,
            "the 35 diplomats of 2016-12-29 count"
        );
        assert!(y2016.chinese_source <= y2016.events);
        assert!(y2016.sized >= 1);
        assert!(has_chinese("美俄元首通电话") && !has_chinese("Putin and Trump"));
    }

    #[test]
    fn a_year_without_events_is_listed_with_none() {
        let store = builtin::open_read(std::path::Path::new("/nonexistent/dyad-test.db")).unwrap();
        let mut events = store
            .events(&EventFilter {
                dyad: Some(("USA".into(), "RUS".into())),
                from: "2014-01".parse().ok(),
                to: "2016-12".parse().ok(),
                origins: vec![Origin::Curated],
                ..Default::default()
            })
            .unwrap();
        events.retain(|e| e.date.y() != 2015);
        let years = per_year(&events);
        assert_eq!(years.len(), 3);
        assert_eq!(years[1].year, 2015);
        assert_eq!(years[1].events, 0);
    }
}
