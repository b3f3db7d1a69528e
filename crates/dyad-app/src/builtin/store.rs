//! Opening the store with the built-in chronology in it: for a command that writes, that only
//! reads, or that reads the documents of an existing database.

use super::chronology;
use crate::{Error, Result};
use dyad_store::{Probe, Store};
use std::path::Path;

/// Opens the store and makes sure it holds the current built-in chronology.
pub fn open_store(db: &Path) -> Result<Store> {
    let mut store = Store::open(db)?;
    let chron = chronology()?;
    if store.curated_version()?.as_deref() != Some(chron.version.as_str()) {
        store
            .replace_curated(&chron.version, &chron.citations, &chron.events)
            .map_err(|source| Error::StoreDoing {
                doing: format!("loading the built-in chronology into {}", db.display()),
                source,
            })?;
    }
    Ok(store)
}

/// Opens the store for a command that only reads: nothing is created, migrated or written.
/// Where no database exists yet (a fresh machine), the built-in chronology is loaded into a
/// store in memory, so the analyses of the curated record work without any input; a note on
/// stderr says so. A database whose chronology is older than this dyad's is read as it is, with
/// a note saying how to update it.
pub fn open_read(db: &Path) -> Result<Store> {
    match Store::probe(db)? {
        Probe::Missing | Probe::Empty => {
            eprintln!(
                "dyad: no database at {} yet: reading the built-in chronology only (`dyad ingest` or `dyad import` store more)",
                db.display()
            );
            let mut store = Store::open_in_memory()?;
            let chron = chronology()?;
            store
                .replace_curated(&chron.version, &chron.citations, &chron.events)
                .map_err(|source| Error::StoreDoing {
                    doing: "loading the built-in chronology into memory".to_string(),
                    source,
                })?;
            Ok(store)
        }
        Probe::Dyad { .. } => {
            let store = Store::open_read_only(db)?;
            let chron = chronology()?;
            if store.curated_version()?.as_deref() != Some(chron.version.as_str()) {
                eprintln!(
                    "dyad: note: the chronology stored in {} is not this dyad's built-in one; a command that writes (`dyad ingest`, `dyad import`, `dyad recode`) updates it",
                    db.display()
                );
            }
            let partial: Vec<String> = store
                .import_files()?
                .into_iter()
                .filter(|f| !f.complete)
                .map(|f| f.file)
                .collect();
            if let Some(first) = partial.first() {
                eprintln!(
                    "dyad: warning: {} imported file{} {} read only in part ({first}{}): measures of imported events miss the rest; import {} again to complete {}",
                    partial.len(),
                    if partial.len() == 1 { "" } else { "s" },
                    if partial.len() == 1 { "was" } else { "were" },
                    if partial.len() > 1 { ", …" } else { "" },
                    if partial.len() == 1 { "it" } else { "them" },
                    if partial.len() == 1 { "it" } else { "them" },
                );
            }
            Ok(store)
        }
    }
}

/// Opens an existing store for reading its documents; a missing database is an error saying
/// to ingest first (listing the documents of a database that does not exist is most often a
/// mistyped `--db`).
pub fn open_existing(db: &Path) -> Result<Store> {
    Ok(Store::open_read_only(db)?)
}
