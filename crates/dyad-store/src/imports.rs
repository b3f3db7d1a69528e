//! Imported events (GDELT, ICEWS, POLECAT): written in batches, one transaction each, keyed by
//! dataset and native id so that importing a file again — or again after a crash — stores each
//! event once.

use crate::{Store, StoreError};
use dyad_model::EventDate;
use rusqlite::{params, Transaction};
use serde::Serialize;

/// One imported event, borrowing its text from the parsed line.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedEvent<'a> {
    pub dataset: &'a str,
    /// Unique within the dataset.
    pub native_id: &'a str,
    pub file: &'a str,
    pub row: u64,
    pub date: EventDate,
    pub reported: Option<EventDate>,
    pub source: &'a str,
    pub source_role: &'a str,
    pub source_text: &'a str,
    pub target: &'a str,
    pub target_role: &'a str,
    pub target_text: &'a str,
    pub cameo: &'a str,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: &'a str,
    pub plover_mode: &'a str,
}

/// An open write transaction for imported events. Dropping it without [`ImportBatch::commit`]
/// rolls back.
pub struct ImportBatch<'s> {
    tx: Transaction<'s>,
    len: usize,
    date: String,
    reported: String,
}

impl ImportBatch<'_> {
    /// Stores `ev`; `Ok(false)` when the dataset already has an event with its native id.
    pub fn insert(&mut self, ev: &ImportedEvent<'_>) -> Result<bool, StoreError> {
        use std::fmt::Write;
        self.date.clear();
        let _ = write!(self.date, "{}", ev.date);
        self.reported.clear();
        if let Some(r) = ev.reported {
            let _ = write!(self.reported, "{r}");
        }
        fn opt(s: &str) -> Option<&str> {
            (!s.is_empty()).then_some(s)
        }
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO events (origin, dataset, native_id, import_file, import_row, date,
                date_precision, day_start, reported, source, source_role, source_text,
                target, target_role, target_text, cameo, quad_class, goldstein, plover, plover_mode)
             VALUES ('imported', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                ?16, ?17, ?18, ?19)
             ON CONFLICT (dataset, native_id) WHERE dataset IS NOT NULL DO NOTHING",
        )?;
        let n = stmt.execute(params![
            ev.dataset,
            ev.native_id,
            ev.file,
            ev.row as i64,
            self.date,
            ev.date.precision().as_str(),
            ev.date.ordinal(),
            (!self.reported.is_empty()).then_some(self.reported.as_str()),
            ev.source,
            ev.source_role,
            opt(ev.source_text),
            ev.target,
            ev.target_role,
            opt(ev.target_text),
            ev.cameo,
            ev.quad_class,
            ev.goldstein,
            ev.plover,
            ev.plover_mode,
        ])?;
        self.len += 1;
        Ok(n == 1)
    }

    /// Rows offered to this batch so far.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Records what the import of one file did (replacing an earlier record of that file).
    pub fn record_file(&mut self, f: &ImportFileRow) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO imports (dataset, file, rows, stored, present, skipped, bad, complete, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
             ON CONFLICT (dataset, file) DO UPDATE SET rows = excluded.rows, stored = excluded.stored,
                present = excluded.present, skipped = excluded.skipped, bad = excluded.bad,
                complete = excluded.complete, imported_at = excluded.imported_at",
            params![
                f.dataset,
                f.file,
                f.rows as i64,
                f.stored as i64,
                f.present as i64,
                f.skipped as i64,
                f.bad as i64,
                f.complete
            ],
        )?;
        Ok(())
    }

    /// Makes the batch durable.
    pub fn commit(self) -> Result<(), StoreError> {
        self.tx.commit()?;
        Ok(())
    }
}

/// What the last import of one file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportFileRow {
    pub dataset: String,
    pub file: String,
    pub rows: u64,
    pub stored: u64,
    pub present: u64,
    pub skipped: u64,
    pub bad: u64,
    pub complete: bool,
}

impl Store {
    /// Opens a write transaction for imported events.
    pub fn import_batch(&mut self) -> Result<ImportBatch<'_>, StoreError> {
        // Index pages of a large events table stay in memory across batches (64 MiB; the
        // default 2 MiB makes every insert read index pages back from disk).
        self.conn.execute_batch("PRAGMA cache_size = -65536")?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(ImportBatch {
            tx,
            len: 0,
            date: String::with_capacity(10),
            reported: String::with_capacity(10),
        })
    }

    /// Imported events per dataset.
    pub fn imported_counts(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT dataset, count(*) FROM events WHERE dataset IS NOT NULL
             GROUP BY dataset ORDER BY dataset",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The record of every imported file.
    pub fn import_files(&self) -> Result<Vec<ImportFileRow>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT dataset, file, rows, stored, present, skipped, bad, complete FROM imports
             ORDER BY dataset, file",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(ImportFileRow {
                    dataset: r.get(0)?,
                    file: r.get(1)?,
                    rows: r.get::<_, i64>(2)? as u64,
                    stored: r.get::<_, i64>(3)? as u64,
                    present: r.get::<_, i64>(4)? as u64,
                    skipped: r.get::<_, i64>(5)? as u64,
                    bad: r.get::<_, i64>(6)? as u64,
                    complete: r.get(7)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventFilter;

    fn ev<'a>(id: &'a str, date: &str) -> ImportedEvent<'a> {
        ImportedEvent {
            dataset: "icews",
            native_id: id,
            file: "events.tab",
            row: 2,
            date: date.parse().unwrap(),
            reported: None,
            source: "USA",
            source_role: "GOV",
            source_text: "Government (United States)",
            target: "RUS",
            target_role: "",
            target_text: "",
            cameo: "040",
            quad_class: 1,
            goldstein: 1.0,
            plover: "",
            plover_mode: "",
        }
    }

    #[test]
    fn imports_are_idempotent_and_listed_with_their_dataset() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("a.db")).unwrap();
        let mut b = store.import_batch().unwrap();
        assert!(b.insert(&ev("1:2018-06-01", "2018-06-01")).unwrap());
        assert!(b.insert(&ev("1:2018-06-02", "2018-06-02")).unwrap());
        assert!(!b.insert(&ev("1:2018-06-01", "2018-06-01")).unwrap());
        b.commit().unwrap();
        // An uncommitted batch leaves nothing behind.
        let mut b = store.import_batch().unwrap();
        assert!(b.insert(&ev("2:2018-06-01", "2018-06-01")).unwrap());
        drop(b);
        assert_eq!(store.imported_counts().unwrap(), vec![("icews".into(), 2)]);
        let rows = store
            .events(&EventFilter {
                dyad: Some(("RUS".into(), "USA".into())),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].origin, dyad_model::Origin::Imported);
        assert_eq!(rows[0].dataset.as_deref(), Some("icews"));
        assert_eq!(rows[0].native_id.as_deref(), Some("1:2018-06-01"));
        assert_eq!(rows[0].import_row, Some(2));
        // Another dataset may use the same native id.
        let mut b = store.import_batch().unwrap();
        let mut g = ev("1:2018-06-01", "2018-06-01");
        g.dataset = "gdelt";
        assert!(b.insert(&g).unwrap());
        b.record_file(&ImportFileRow {
            dataset: "gdelt".into(),
            file: "x".into(),
            rows: 1,
            stored: 1,
            present: 0,
            skipped: 0,
            bad: 0,
            complete: true,
        })
        .unwrap();
        b.commit().unwrap();
        assert_eq!(store.import_files().unwrap().len(), 1);
        store.integrity_check().unwrap();
    }
}
