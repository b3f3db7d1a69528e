//! `dyad code`: codes sentences without storing anything — one from the command line, or one per
//! line from standard input (a date context carries from line to line, as in a document; a blank
//! line ends a document, and documents are coded in parallel on every core).

use crate::output::{self, Format};
use crate::{coding, Outcome};
use anyhow::{bail, Result};
use dyad_coder::DocSentence;
use dyad_model::{EventDate, Precision};
use serde::Serialize;
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
#[derive(Serialize)]
pub struct Coded {
    sentence: String,
    lang: &'static str,
    events: Vec<serde_json::Value>,
    /// With `--explain`, for a sentence without events: what the coder found and why nothing
    /// came of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    found: Option<String>,
}

/// Codes `sentences` in order as one document: a date context carried from one to the next and
/// the coder's context pass (speakers, pronouns, quotations, the document's parties).
pub fn code_sentences(
    coder: &dyad_coder::Coder,
    sentences: &[String],
    date: Option<EventDate>,
    explain: bool,
) -> Result<Vec<Coded>> {
    let texts: Vec<(String, dyad_model::Lang)> = sentences
        .iter()
        .map(|s| {
            let text = dyad_text::normalize::normalized(s.trim());
            let lang = dyad_text::lang::detect(&text);
            (text, lang)
        })
        .collect();
    let doc: Vec<DocSentence> = texts
        .iter()
        .map(|(text, lang)| DocSentence {
            lang: *lang,
            text,
            paragraph: 1,
            note: false,
        })
        .collect();
    let mut by_sentence: Vec<Vec<dyad_coder::CodedEvent>> = vec![Vec::new(); sentences.len()];
    for e in coder.code_document(date, &doc) {
        by_sentence[e.sentence].push(e.event);
    }
    let mut out = Vec::new();
    let mut ctx = dyad_coder::DateContext::new(date);
    for ((s, (text, lang)), events) in sentences.iter().zip(&texts).zip(by_sentence) {
        let found = if explain && events.is_empty() {
            let (_, facts) =
                coder.analyze(&dyad_coder::SentenceInput { lang: *lang, text }, &mut ctx);
            Some(facts.explain_nothing(coder.dictionaries(), text))
        } else {
            None
        };
        let events = events
            .into_iter()
            .map(|e| {
                let mut v = serde_json::to_value(&e)?;
                v["date_precision"] = serde_json::Value::from(e.date.precision().as_str());
                if !explain {
                    if let Some(o) = v.as_object_mut() {
                        o.remove("explain");
                    }
                }
                Ok(v)
            })
            .collect::<Result<Vec<_>>>()?;
        out.push(Coded {
            sentence: s.trim().to_string(),
            lang: lang.as_str(),
            events,
            found,
        });
    }
    Ok(out)
}

/// Lines grouped into documents: a blank line (or several) ends one.
fn documents(lines: Vec<String>) -> Vec<Vec<String>> {
    let mut docs: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for l in lines {
        if l.trim().is_empty() {
            if !cur.is_empty() {
                docs.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        docs.push(cur);
    }
    docs
}

/// Codes each document with [`code_sentences`], on as many threads as there are cores (a
/// document's sentences stay on one thread, in order); the results keep the input's order.
pub fn code_documents(
    coder: &dyad_coder::Coder,
    docs: &[Vec<String>],
    date: Option<EventDate>,
    explain: bool,
) -> Result<Vec<Coded>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(docs.len())
        .max(1);
    let code_all = |part: &[Vec<String>]| -> Result<Vec<Coded>> {
        let mut out = Vec::new();
        for d in part {
            out.extend(code_sentences(coder, d, date, explain)?);
        }
        Ok(out)
    };
    if threads == 1 {
        return code_all(docs);
    }
    // contiguous shares of about the same number of sentences each
    let total: usize = docs.iter().map(Vec::len).sum();
    let share = total.div_ceil(threads).max(1);
    let mut parts: Vec<&[Vec<String>]> = Vec::with_capacity(threads);
    let (mut start, mut n) = (0, 0);
    for (i, d) in docs.iter().enumerate() {
        n += d.len();
        if n >= share {
            parts.push(&docs[start..=i]);
            start = i + 1;
            n = 0;
        }
    }
    if start < docs.len() {
        parts.push(&docs[start..]);
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| s.spawn(move || code_all(part)))
            .collect();
        let mut out = Vec::new();
        for h in handles {
            let coded = h
                .join()
                .map_err(|_| anyhow::anyhow!("a coding thread stopped unexpectedly"))??;
            out.extend(coded);
        }
        Ok(out)
    })
}

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
                            println!("\n{}\nno event: {found}", output::truncate(&c.sentence, 70));
                        }
                        for e in &c.events {
                            println!(
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
