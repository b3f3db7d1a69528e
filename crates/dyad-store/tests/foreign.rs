//! Files that are not dyad databases are refused untouched, and reading never writes.

use dyad_store::{Cell, Probe, ReadError, Store, StoreError, APPLICATION_ID};
use rusqlite::Connection;
use std::path::Path;

/// Another program's SQLite file: a table, a user_version, the rollback journal.
fn someapp_db(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);
         INSERT INTO accounts (name) VALUES ('alice');
         PRAGMA user_version = 3;",
    )
    .unwrap();
}

fn snapshot(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("someapp.db");
    someapp_db(&path);
    let before = snapshot(&path);
    for result in [
        Store::open(&path).map(|_| ()),
        Store::open_read_only(&path).map(|_| ()),
        Store::probe(&path).map(|_| ()),
    ] {
        match result {
            Err(StoreError::NotDyad { path: p, detail }) => {
                assert_eq!(p, path);
                assert!(detail.contains("accounts"), "{detail}");
            }
            other => panic!("expected NotDyad, got {:?}", other.err()),
        }
    }
    assert_eq!(snapshot(&path), before, "the file was changed");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["someapp.db"], "no -wal or -shm beside it");
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
}

#[test]
fn a_file_marked_by_another_program_and_a_text_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let marked = dir.path().join("marked.db");
    Connection::open(&marked)
        .unwrap()
        .execute_batch("PRAGMA application_id = 1234;")
        .unwrap();
    let e = Store::open(&marked).err().unwrap().to_string();
    assert!(
        e.contains("application_id") && e.contains("marked.db"),
        "{e}"
    );

    let text = dir.path().join("notes.db");
    std::fs::write(&text, "these are my notes, not a database\n".repeat(200)).unwrap();
    let before = snapshot(&text);
    let e = Store::open(&text).err().unwrap();
    assert!(
        matches!(&e, StoreError::NotDyad { detail, .. } if detail.contains("not an SQLite")),
        "{e}"
    );
    assert_eq!(snapshot(&text), before);
}

#[test]
fn reading_never_creates_or_migrates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dyad.db");
    assert_eq!(Store::probe(&path).unwrap(), Probe::Missing);
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NoStore { .. })
    ));
    assert!(!path.exists(), "a read created the file");

    // A dyad database of an older schema is not migrated by a read.
    let store = Store::open(&path).unwrap();
    let current = store.schema_version().unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", current - 1)
        .unwrap();
    drop(conn);
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::TooOld { found, .. }) if found == current - 1
    ));
    let conn = Connection::open(&path).unwrap();
    let v: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, current - 1);
    drop(conn);
}

#[test]
fn a_dyad_database_is_marked_and_read_only_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dyad.db");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID);
    drop(conn);
    assert!(matches!(Store::probe(&path).unwrap(), Probe::Dyad { .. }));
    let mut store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.documents().unwrap().len(), 0);
    let err = store.replace_curated("v", &[], &[]).unwrap_err();
    assert!(err.to_string().contains("readonly"), "{err}");
    // SQL from outside runs only when SQLite says it reads.
    let refused = store.read_rows("DELETE FROM documents", |_, _| Ok::<(), ()>(()));
    assert!(matches!(refused, Err(ReadError::Writes)), "{refused:?}");
    let mut n = 0;
    store
        .read_rows("SELECT count(*) FROM documents", |names, row| {
            assert_eq!(names, ["count(*)"]);
            n = row[0].as_i64().unwrap();
            Ok::<(), ()>(())
        })
        .unwrap();
    assert_eq!(n, 0);
    store
        .create_temp_view("documents", "SELECT 7 AS id")
        .unwrap();
    store
        .read_rows("SELECT id FROM documents", |_, row| {
            assert_eq!(row[0], Cell::Int(7), "the view shadows the table");
            Ok::<(), ()>(())
        })
        .unwrap();
    let refused = store.create_temp_view("gone", "DELETE FROM citations");
    assert!(
        matches!(refused, Err(StoreError::NotAView(_))),
        "{refused:?}"
    );

    // A database written before the mark (application_id 0) is still recognised by its tables.
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", 0).unwrap();
    drop(conn);
    assert!(matches!(Store::probe(&path).unwrap(), Probe::Dyad { .. }));
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID, "a write marks it");
}

#[test]
fn an_empty_file_is_nothing_stored_yet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    assert_eq!(Store::probe(&path).unwrap(), Probe::Empty);
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NoStore { .. })
    ));
    let mem = Store::open_in_memory().unwrap();
    assert_eq!(mem.documents().unwrap().len(), 0);
}

#[test]
fn a_lock_held_elsewhere_is_reported_as_busy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dyad.db");
    let mut store = Store::open(&path).unwrap();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    store
        .set_busy_timeout(std::time::Duration::from_millis(20))
        .unwrap();
    // Readers go on beside a writer (WAL); a second writer waits, then gives up as busy.
    assert!(store.documents().is_ok());
    let e = store.replace_curated("v", &[], &[]).unwrap_err();
    assert!(e.is_busy(), "{e}");
    other.execute_batch("ROLLBACK").unwrap();
    store.replace_curated("v", &[], &[]).unwrap();
    assert!(!StoreError::NoStore { path }.is_busy());
}
