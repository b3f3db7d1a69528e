//! `dyad docs` and `dyad doc ID`: what is stored.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::Result;
use dyad_app::builtin;
use std::path::Path;

#[derive(clap::Args, Debug)]
pub struct DocsArgs {
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(clap::Args, Debug)]
pub struct DocArgs {
    /// The document id, or a unique prefix of it (at least 4 characters).
    id: String,
    /// Also list the sentences (always included with --format json).
    #[arg(long)]
    sentences: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub fn run_docs(db: &Path, args: DocsArgs) -> Result<Outcome> {
    let store = builtin::open_existing(db)?;
    let docs = store.documents()?;
    let headers = ["id", "date", "lang", "sentences", "events", "title", "path"];
    let rows = |short: bool| -> Vec<Vec<String>> {
        docs.iter()
            .map(|d| {
                let title = d.title.clone().unwrap_or_default();
                vec![
                    if short {
                        d.id[..12.min(d.id.len())].to_string()
                    } else {
                        d.id.clone()
                    },
                    d.date.clone().unwrap_or_default(),
                    d.lang.clone(),
                    d.sentences.to_string(),
                    d.events.to_string(),
                    if short {
                        output::truncate(&title, 40)
                    } else {
                        title
                    },
                    d.path.clone().unwrap_or_default(),
                ]
            })
            .collect()
    };
    match args.format {
        Format::Json => output::json(&docs)?,
        Format::Csv => output::csv(&headers, &rows(false))?,
        Format::Table => {
            output::table(&headers, &rows(true))?;
            eprintln!("dyad: {} documents", docs.len());
        }
    }
    Ok(Outcome::Ok)
}

pub fn run_doc(db: &Path, args: DocArgs) -> Result<Outcome> {
    let store = builtin::open_existing(db)?;
    let doc = store.document(&args.id)?;
    let sentences = store.sentences(&doc.id)?;
    match args.format {
        Format::Json => {
            let sentences: Vec<_> = sentences
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "id": s.id, "text": s.text, "normalized": s.normalized, "lang": s.lang,
                        "note": s.note, "paragraph": s.paragraph, "span": [s.span.0, s.span.1],
                    })
                })
                .collect();
            output::json(&serde_json::json!({
                "id": doc.id, "title": doc.title, "date": doc.date, "lang": doc.lang, "path": doc.path,
                "format": doc.format, "encoding": doc.encoding, "bytes": doc.bytes,
                "ingested_at": doc.ingested_at, "sentences": sentences,
            }))?;
        }
        Format::Csv => {
            let rows: Vec<Vec<String>> = sentences
                .iter()
                .map(|s| {
                    vec![
                        s.id.to_string(),
                        s.paragraph.to_string(),
                        s.lang.clone(),
                        s.note.to_string(),
                        s.text.clone(),
                        s.normalized.clone(),
                    ]
                })
                .collect();
            output::csv(
                &["id", "paragraph", "lang", "note", "text", "normalized"],
                &rows,
            )?;
        }
        Format::Table => {
            let fields = [
                ("id", doc.id.clone()),
                ("title", doc.title.clone().unwrap_or_default()),
                ("date", doc.date.clone().unwrap_or_default()),
                ("lang", doc.lang.clone()),
                ("path", doc.path.clone().unwrap_or_default()),
                ("format", format!("{} ({})", doc.format, doc.encoding)),
                ("sentences", doc.sentences.to_string()),
                ("events", doc.events.to_string()),
                ("ingested", doc.ingested_at.clone()),
            ];
            for (k, v) in fields {
                outln!("{k:>10}  {v}");
            }
            if args.sentences {
                outln!();
                let rows: Vec<Vec<String>> = sentences
                    .iter()
                    .map(|s| {
                        let mark = if s.note { "note" } else { "" };
                        vec![
                            s.id.to_string(),
                            s.paragraph.to_string(),
                            s.lang.clone(),
                            mark.to_string(),
                            s.text.clone(),
                        ]
                    })
                    .collect();
                output::table(&["id", "para", "lang", "", "text"], &rows)?;
            }
        }
    }
    Ok(Outcome::Ok)
}
