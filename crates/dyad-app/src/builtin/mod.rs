//! The data dyad carries inside its binary — the CAMEO code table, the dictionaries and the
//! curated US–Russia chronology — and the loading of that chronology into a store.
//!
//! The chronology is stamped with a hash of the files it was built from; a store whose stamp
//! differs (a fresh database, or a newer dyad) is brought up to date in one transaction by the
//! commands that write. Commands that only read never create, migrate or alter a file
//! ([`open_read`]): with no database yet they read the chronology from a store in memory.

mod chronology;
mod sources;
mod store;

pub use chronology::{chronology, magnitudes, parse_chronology, Chronology, Vocabulary};
pub use sources::{check_reliability, check_sources, low_reliability, LOW_RELIABILITY_PATH};
pub use store::{open_existing, open_read, open_store};

use crate::{Error, Result};
use dyad_coder::{tsv, People};
use dyad_model::{CodeTable, KindTable, PlaceTable};
use std::collections::HashMap;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The embedded file at `path` (relative to the repository root): the dictionaries come from
/// `dyad-coder`'s embedded set, the chronology from this crate's.
pub fn file(path: &str) -> Result<&'static str> {
    let found = match path.strip_prefix("dictionaries/") {
        Some(rest) => dyad_coder::embedded::FILES.iter().find(|(p, _)| *p == rest),
        None => embedded::FILES.iter().find(|(p, _)| *p == path),
    };
    found
        .map(|(_, t)| *t)
        .ok_or_else(|| Error::Missing(path.to_string()))
}

/// The literature's periods and resets (`data/literature/`), checked.
pub fn literature() -> Result<dyad_analysis::literature::Literature> {
    let f = |name: &str| -> Result<(&'static str, &'static str)> {
        let path: &'static str = match name {
            "sources" => "data/literature/sources.tsv",
            "periods" => "data/literature/periods.tsv",
            _ => "data/literature/resets.tsv",
        };
        Ok((path, file(path)?))
    };
    Ok(dyad_analysis::literature::Literature::parse(
        f("sources")?,
        f("periods")?,
        f("resets")?,
    )?)
}

/// Embedded files under a folder whose names start with `prefix`.
pub fn files_under(dir: &str, prefix: &str) -> Vec<(&'static str, &'static str)> {
    embedded::FILES
        .iter()
        .filter(|(p, _)| {
            p.strip_prefix(dir)
                .and_then(|rest| rest.strip_prefix('/'))
                .is_some_and(|name| name.starts_with(prefix) && !name.contains('/'))
        })
        .copied()
        .collect()
}

pub fn code_table() -> Result<CodeTable> {
    let path = "dictionaries/cameo.tsv";
    Ok(CodeTable::parse(path, file(path)?)?)
}

pub fn people() -> Result<People> {
    let pos = "dictionaries/actors/positions.tsv";
    let ppl = "dictionaries/actors/people.tsv";
    Ok(People::parse((pos, file(pos)?), (ppl, file(ppl)?))?)
}

/// Where the table of kinds of act lives (embedded with the dictionaries).
pub const KINDS_PATH: &str = "dictionaries/kinds.tsv";

/// The kinds of act and their CAMEO codes, checked against the code table.
pub fn kinds(table: &CodeTable) -> Result<KindTable> {
    Ok(KindTable::parse(KINDS_PATH, file(KINDS_PATH)?, table)?)
}

/// Where the chronology's table of places in Chinese lives.
pub const PLACES_PATH: &str = "data/chronology/places.tsv";

/// The Chinese names of the chronology's places.
pub fn places() -> Result<PlaceTable> {
    Ok(PlaceTable::parse(PLACES_PATH, file(PLACES_PATH)?)?)
}

/// The domain vocabulary: name → qualifier kind (`-`, `theatre`, `actor`).
pub fn domains() -> Result<HashMap<String, String>> {
    let path = "dictionaries/domains.tsv";
    let recs = tsv::records(
        path,
        file(path)?,
        &["domain", "qualifier", "name_en", "name_zh"],
    )?;
    Ok(recs
        .into_iter()
        .map(|r| (r.fields[0].to_string(), r.fields[1].to_string()))
        .collect())
}

/// Checks one `domains` value against the vocabulary.
pub fn check_domain(vocab: &HashMap<String, String>, d: &str) -> Result<(), String> {
    let (name, qualifier) = match d.split_once(':') {
        Some((n, q)) => (n, Some(q)),
        None => (d, None),
    };
    match (vocab.get(name).map(String::as_str), qualifier) {
        (None, _) => Err(format!(
            "unknown domain `{name}` (see dictionaries/domains.tsv)"
        )),
        (Some("-"), Some(_)) => Err(format!("domain `{name}` takes no qualifier")),
        (Some("-"), None) => Ok(()),
        (Some(kind), None) => Err(format!("domain `{name}` needs a {kind}: `{name}:…`")),
        (Some(_), Some("")) => Err(format!("domain `{name}` has an empty qualifier")),
        (Some(_), Some(_)) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dictionaries_are_consistent() {
        let p = people().unwrap();
        assert_eq!(p.check(), Vec::<String>::new());
        for t in p.tenures() {
            // every person has an English name; the people of the built-in dyad a Chinese one
            // too (people.tsv version 6 writes a Chinese name only where a page showed one; a
            // report shows the English name then)
            assert!(!t.names_en.is_empty(), "{} has no English name", t.origin);
            assert!(
                !["USA", "RUS"].contains(&t.country.as_str()) || !t.names_zh.is_empty(),
                "{} has no Chinese name",
                t.origin
            );
            assert!(!t.source.is_empty(), "{} cites no source", t.origin);
        }
        assert!(code_table().unwrap().len() > 300);
    }
}
