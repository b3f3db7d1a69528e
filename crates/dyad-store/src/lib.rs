//! Where documents, sentences and events live, safely.
//!
//! One SQLite file in WAL mode, schema by versioned migrations (`PRAGMA user_version`).
//! Every write that belongs together is one transaction: a document with all its sentences
//! (and later its events) is stored whole or not at all, so a crash at any moment leaves a
//! consistent store, and re-running an ingest completes the rest. Documents are identified by
//! the hash of their normalised text, so ingesting the same content again writes nothing.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let store = dyad_store::Store::open(&dir.path().join("t.db")).unwrap();
//! assert_eq!(store.documents().unwrap().len(), 0);
//! ```

mod documents;
mod error;
mod events;
mod imports;
mod migrate;

pub use documents::{DocumentRow, IngestStatus, NewDocument, RecodeStats, SentenceRow};
pub use error::StoreError;
pub use events::{event_row, CitationRow, EventFilter, EventRow, NewEvent, EVENT_COLUMNS};
pub use imports::{ImportBatch, ImportFileRow, ImportedEvent};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// An open dyad database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() && !dir.exists() {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
                    path: dir.to_path_buf(),
                    source: e,
                })?;
            }
        }
        let conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(|e| StoreError::open(path, e))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )
        .map_err(|e| StoreError::open(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        migrate::migrate(&mut store.conn).map_err(|e| match e {
            StoreError::Sqlite(e) => StoreError::open(path, e),
            other => other,
        })?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of this database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs SQLite's `PRAGMA integrity_check`; `Ok(())` when the database is sound.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: self.path.clone(),
                detail: verdict,
            })
        }
    }

    /// A value from the key/value `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// The raw connection, for read-only queries by the analysis commands.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::{ActorRef, CodeTable, Lang, Origin, Segment};

    fn seg(text: &str, start: usize) -> Segment {
        Segment {
            text: text.to_string(),
            normalized: text.to_string(),
            lang: Lang::Zh,
            span: (start, start + text.chars().count()),
            paragraph: 0,
            note: false,
        }
    }

    fn doc(id: &str) -> NewDocument {
        NewDocument {
            id: id.to_string(),
            title: Some("t".into()),
            published: Some("2025-08-16".into()),
            lang: "zh".into(),
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            bytes: 10,
            clean_text: "甲。乙。".into(),
            segments: vec![seg("甲。", 0), seg("乙。", 2)],
            events: vec![],
        }
    }

    #[test]
    fn ingest_is_idempotent_and_prefix_lookup_works() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("a.db")).unwrap();
        assert_eq!(store.schema_version().unwrap(), migrate::SCHEMA_VERSION);
        assert_eq!(
            store.ingest_document(&doc("abcdef01")).unwrap(),
            IngestStatus::New
        );
        assert_eq!(
            store.ingest_document(&doc("abcdef01")).unwrap(),
            IngestStatus::Unchanged
        );
        assert_eq!(
            store.ingest_document(&doc("abcd9999")).unwrap(),
            IngestStatus::New
        );
        assert_eq!(store.documents().unwrap().len(), 2);
        assert_eq!(store.document("abcdef").unwrap().id, "abcdef01");
        assert!(matches!(
            store.document("abcd"),
            Err(StoreError::AmbiguousDocument(_))
        ));
        assert!(matches!(
            store.document("ffff"),
            Err(StoreError::NoSuchDocument(_))
        ));
        let s = store.sentences("abcdef01").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].text, "乙。");
        assert!(store.incomplete_documents().unwrap().is_empty());
        store.integrity_check().unwrap();
    }

    #[test]
    fn a_failed_document_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("a.db")).unwrap();
        let table = CodeTable::parse("t", "041\t1.0\t1\tCONSULT\tphone\tcall\n").unwrap();
        let mut d = doc("0123abcd");
        let mut ev = NewEvent::new(
            Origin::Coded,
            "2025-02-12".parse().unwrap(),
            ActorRef {
                code: "USA".into(),
                ..Default::default()
            },
            ActorRef {
                code: "RUS".into(),
                ..Default::default()
            },
            "041",
            &table,
        )
        .unwrap();
        ev.sentence_seq = Some(7); // no such sentence: the whole document must be rolled back
        d.events.push(ev.clone());
        assert!(store.ingest_document(&d).is_err());
        assert!(store.documents().unwrap().is_empty());
        d.events[0].sentence_seq = Some(1);
        store.ingest_document(&d).unwrap();
        let evs = store
            .events(&EventFilter {
                dyad: Some(("RUS".into(), "USA".into())),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(evs.len(), 1);
        assert_eq!(evs[0].sentence.as_deref(), Some("乙。"));
        assert_eq!(evs[0].quad_class, 1);
    }

    #[test]
    fn refuses_a_database_from_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        drop(Store::open(&path).unwrap());
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }
}
