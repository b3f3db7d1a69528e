//! `dyad chronology`: the built-in, sourced events of a dyad.

use crate::cite;
use crate::output::{self, Format};
use crate::{builtin, Outcome};
use anyhow::{bail, Result};
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
    #[arg(long, value_enum, value_name = "STYLE")]
    cite: Option<cite::Style>,
    /// The day the sources were consulted, for GB/T 7714's [引用日期] (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "cite")]
    cited: Option<String>,
}

/// Parses `USA-RUS` into its two codes.
pub fn parse_dyad(s: &str) -> Result<(String, String)> {
    let ok =
        |c: &str| !c.is_empty() && c.len() <= 8 && c.bytes().all(|b| b.is_ascii_alphanumeric());
    match s.split_once('-') {
        Some((a, b)) if ok(a) && ok(b) && a != b => {
            Ok((a.to_ascii_uppercase(), b.to_ascii_uppercase()))
        }
        _ => bail!("--dyad `{s}` must name two different actors joined by '-', e.g. USA-RUS"),
    }
}

/// Parses a `--from`/`--to` month (YYYY-MM; a year YYYY is accepted too).
pub fn parse_month(flag: &str, s: &Option<String>) -> Result<Option<EventDate>> {
    let Some(s) = s else { return Ok(None) };
    let d: EventDate = s.parse().map_err(|e| anyhow::anyhow!("{flag}: {e}"))?;
    if d.precision() == Precision::Day {
        bail!("{flag}: `{s}` must be a month YYYY-MM (or a year YYYY)");
    }
    Ok(Some(d))
}

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
                e.date.clone(),
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
                e.date.clone(),
                e.date_precision.clone(),
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
                e.origin.clone(),
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

/// One event with its sources as references in `style`.
#[derive(serde::Serialize)]
struct Cited<'a> {
    id: Option<&'a str>,
    date: &'a str,
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
            date: &e.date,
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
    match args.format {
        Format::Json => output::json(&events)?,
        Format::Csv => output::csv(CSV_HEADERS, &csv_rows(&events))?,
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
