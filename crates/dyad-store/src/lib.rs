//! Where documents, sentences and events live, safely.
//!
//! One SQLite file in WAL mode, schema by versioned migrations (`PRAGMA user_version`).
//! Every write that belongs together is one transaction: a document with all its sentences
//! (and later its events) is stored whole or not at all, so a crash at any moment leaves a
//! consistent store, and re-running an ingest completes the rest. Documents are identified by
//! the hash of their normalised text, so ingesting the same content again writes nothing.
//!
//! A file that is not a dyad database (another program's SQLite file, or not SQLite at all) is
//! refused before anything is written to it ([`StoreError::NotDyad`]): dyad marks its databases
//! with `PRAGMA application_id` ([`APPLICATION_ID`]) and recognises older ones, written before
//! the mark, by their tables. Commands that only read open with [`Store::open_read_only`], which
//! never creates, migrates or alters a file.
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
mod query;
mod read;

pub use documents::{DocumentRow, IngestStatus, NewDocument, RecodeStats, SentenceRow};
pub use error::StoreError;
pub use events::{CitationRow, EventFilter, EventRow, NewEvent};
pub use imports::{ImportBatch, ImportFileRow, ImportedEvent};
pub use query::{DyadCount, EventPage, Listed};
pub use read::{Cell, ReadError};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The `PRAGMA application_id` of a dyad database: the bytes `dyad`.
pub const APPLICATION_ID: i32 = 0x6479_6164;

/// What is at a database path, found without writing anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// No file.
    Missing,
    /// An empty file or an SQLite database without any table: nothing stored yet.
    Empty,
    /// A dyad database with this schema version.
    Dyad { version: u32 },
}

/// An open dyad database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date. A
    /// file that is not a dyad database is refused untouched.
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
        // Before the first write (the journal mode is one): is this ours?
        probe_connection(&conn, path)?;
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

    /// Opens an existing dyad database for reading only: nothing is created, migrated or
    /// written. A missing or empty file is [`StoreError::NoStore`], an older schema
    /// [`StoreError::TooOld`], another program's file [`StoreError::NotDyad`].
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let conn = open_read_only_connection(path)?;
        match probe_connection(&conn, path)? {
            Probe::Missing | Probe::Empty => Err(StoreError::NoStore {
                path: path.to_path_buf(),
            }),
            Probe::Dyad { version } if version > migrate::SCHEMA_VERSION => {
                Err(StoreError::TooNew {
                    path: path.to_path_buf(),
                    found: version,
                    known: migrate::SCHEMA_VERSION,
                })
            }
            Probe::Dyad { version } if version < migrate::SCHEMA_VERSION => {
                Err(StoreError::TooOld {
                    path: path.to_path_buf(),
                    found: version,
                    known: migrate::SCHEMA_VERSION,
                })
            }
            Probe::Dyad { .. } => Ok(Store {
                conn,
                path: path.to_path_buf(),
            }),
        }
    }

    /// A new, empty database in memory (for reading the built-in data when no file exists).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        migrate::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: PathBuf::from(":memory:"),
        })
    }

    /// What is at `path` (nothing is created or written); another program's file is
    /// [`StoreError::NotDyad`].
    pub fn probe(path: &Path) -> Result<Probe, StoreError> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Probe::Missing),
            Err(e) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source: e,
                })
            }
            Ok(m) if m.is_file() && m.len() == 0 => return Ok(Probe::Empty),
            Ok(_) => {}
        }
        let conn = open_read_only_connection(path)?;
        probe_connection(&conn, path)
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

    /// How long a write waits for a lock held by another connection before it fails as busy
    /// ([`StoreError::is_busy`]); 30 s when opened.
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<(), StoreError> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    /// Runs `f` inside one read transaction: everything `f` reads sees the same state of the
    /// store (a commit by another connection meanwhile is not seen), and the locks of reading
    /// are taken once rather than for every statement.
    pub fn snapshot<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.conn.execute_batch("BEGIN").map_err(StoreError::from)?;
        let out = f(self);
        // Ending a transaction that only read cannot lose anything; a failure to end it would
        // leave the connection in a transaction, so it is reported.
        self.conn
            .execute_batch("COMMIT")
            .map_err(StoreError::from)?;
        out
    }

    /// SQLite's `PRAGMA data_version` of this connection: it changes when another connection
    /// (or process) commits, so a reader can tell that what it cached is stale.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// A value from the key/value `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }
}

fn open_read_only_connection(path: &Path) -> Result<Connection, StoreError> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::NoStore {
                path: path.to_path_buf(),
            })
        }
        Err(e) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: e,
            })
        }
        Ok(m) if !m.is_file() => {
            return Err(StoreError::NotDyad {
                path: path.to_path_buf(),
                detail: "not a regular file".into(),
            })
        }
        Ok(_) => {}
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::open(path, e))?;
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(|e| StoreError::open(path, e))?;
    conn.set_prepared_statement_cache_capacity(64);
    // One plan per statement whatever its parameters: without this, SQLite prepares a cached
    // statement again on every new binding where a parameter meets an indexed column.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )
    .map_err(|e| StoreError::open(path, e))?;
    Ok(conn)
}

/// Tables every dyad database has had since schema version 1.
const DYAD_TABLES: [&str; 5] = ["documents", "sentences", "citations", "events", "meta"];

/// Reads (never writes) what the open database at `path` is.
fn probe_connection(conn: &Connection, path: &Path) -> Result<Probe, StoreError> {
    let not_dyad = |detail: String| StoreError::NotDyad {
        path: path.to_path_buf(),
        detail,
    };
    let read = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => not_dyad("not an SQLite database".into()),
        _ => StoreError::open(path, e),
    };
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(read)?;
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(read)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(read)?;
    if app == APPLICATION_ID {
        return Ok(Probe::Dyad { version });
    }
    if app != 0 {
        return Err(not_dyad(format!(
            "its application_id {app:#x} belongs to another program"
        )));
    }
    if tables.is_empty() && version == 0 {
        return Ok(Probe::Empty);
    }
    let missing: Vec<&str> = DYAD_TABLES
        .iter()
        .copied()
        .filter(|t| !tables.iter().any(|n| n == t))
        .collect();
    if version == 0 || !missing.is_empty() {
        let shown: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
        let more = if tables.len() > 5 { ", …" } else { "" };
        return Err(not_dyad(format!(
            "its tables are [{}{more}] and its user_version is {version}",
            shown.join(", ")
        )));
    }
    Ok(Probe::Dyad { version })
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
    fn a_page_of_documents_is_the_newest_first_and_counts_them_all() {
        let mut store = Store::open_in_memory().unwrap();
        for id in ["aaaa0001", "aaaa0002", "aaaa0003"] {
            store.ingest_document(&doc(id)).unwrap();
        }
        let ids = |page: Vec<DocumentRow>| page.into_iter().map(|d| d.id).collect::<Vec<_>>();
        let (page, total) = store.documents_page(2, 0).unwrap();
        assert_eq!(
            (ids(page), total),
            (vec!["aaaa0003".into(), "aaaa0002".into()], 3)
        );
        let (page, total) = store.documents_page(2, 2).unwrap();
        assert_eq!((ids(page), total), (vec!["aaaa0001".to_string()], 3));
        assert!(store.documents_page(5, u64::MAX).unwrap().0.is_empty());
        // The same documents and order as the whole list, reversed.
        let mut all = ids(store.documents().unwrap());
        all.reverse();
        assert_eq!(ids(store.documents_page(10, 0).unwrap().0), all);
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
