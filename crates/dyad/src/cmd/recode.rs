//! `dyad recode`: codes every stored sentence again (after a dictionary change), in one
//! transaction, and reports how many events were added, removed and changed.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::Result;
use dyad_app::builtin;
use dyad_app::coding;
use dyad_model::Lang;
use std::path::Path;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let mut store = builtin::open_store(db)?;
    let coder = coding::builtin_coder()?;
    let started = std::time::Instant::now();
    let stats = store.recode(|doc, sentences| {
        let published = doc.date.as_deref().and_then(|d| d.parse().ok());
        coding::code_document(
            &coder,
            published,
            sentences.iter().map(|s| coding::Sentence {
                lang: Lang::parse(&s.lang).unwrap_or(Lang::Other),
                normalized: &s.normalized,
                paragraph: s.paragraph,
                note: s.note,
            }),
        )
    })?;
    match args.format {
        Format::Json => output::json(&stats)?,
        _ => {
            outln!(
                "recoded {} documents ({} sentences) in {:.2} s: {} events before, {} after; {} added, {} removed, {} changed",
                stats.documents,
                stats.sentences,
                started.elapsed().as_secs_f64(),
                stats.before,
                stats.after,
                stats.added,
                stats.removed,
                stats.changed
            );
        }
    }
    Ok(Outcome::Ok)
}
