//! Reading the store through SQL that is not the store's own: the export's temporary views and
//! the queries of `dyad sql`. Only temporary views may be created, and only statements that
//! SQLite itself says do not write are run.

use crate::{Store, StoreError};
use dyad_model::EventDate;
use rusqlite::types::ValueRef;

/// One value read from the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Cell {
    fn from_sql(v: ValueRef<'_>) -> Cell {
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(f) => Cell::Real(f),
            ValueRef::Text(t) | ValueRef::Blob(t) => {
                Cell::Text(String::from_utf8_lossy(t).into_owned())
            }
        }
    }

    /// The value as text (none for NULL).
    pub fn as_text(&self) -> Option<String> {
        match self {
            Cell::Null => None,
            Cell::Int(i) => Some(i.to_string()),
            Cell::Real(f) => Some(f.to_string()),
            Cell::Text(s) => Some(s.clone()),
        }
    }

    /// The value as an integer, when it is one (also a whole real or an integer's text).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Cell::Int(i) => Some(*i),
            Cell::Real(f) if f.fract() == 0.0 => Some(*f as i64),
            Cell::Text(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The value as a number, when it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Cell::Int(i) => Some(*i as f64),
            Cell::Real(f) => Some(*f),
            Cell::Text(s) => s.trim().parse().ok(),
            Cell::Null => None,
        }
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` text.
    pub fn as_days(&self) -> Option<i32> {
        match self {
            Cell::Text(s) => s
                .parse::<EventDate>()
                .ok()
                .and_then(|d| i32::try_from(d.ordinal()).ok()),
            _ => None,
        }
    }
}

/// Why a statement was not run by [`Store::read_rows`] (besides errors of the store).
#[derive(Debug, thiserror::Error)]
pub enum ReadError<E> {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// SQLite could not prepare the statement (syntax, unknown table or column).
    #[error("{0}")]
    Prepare(rusqlite::Error),
    /// The statement would write.
    #[error("the statement would change the database")]
    Writes,
    /// The caller's row handler failed.
    #[error(transparent)]
    Row(E),
}

impl Store {
    /// Whether `table` has `column` (columns arrive with migrations).
    pub fn has_column(&self, table: &str, column: &str) -> Result<bool, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM pragma_table_info(?1, 'main')")?;
        let names = stmt
            .query_map([table], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(names.iter().any(|n| n == column))
    }

    /// Makes (or remakes) the temporary view `name` over the query `select`, on this
    /// connection only: it lives as long as this `Store` and shadows a table of the same name
    /// for unqualified names. `name` must be an identifier and `select` a query that only reads
    /// ([`StoreError::NotAView`] otherwise, and nothing is run).
    pub fn create_temp_view(&self, name: &str, select: &str) -> Result<(), StoreError> {
        let identifier = !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && !name.as_bytes()[0].is_ascii_digit();
        if !identifier || !self.conn.prepare(select)?.readonly() {
            return Err(StoreError::NotAView(format!("{name} AS {select}")));
        }
        self.conn.execute_batch(&format!(
            "DROP VIEW IF EXISTS temp.{name}; CREATE TEMP VIEW {name} AS {select}"
        ))?;
        Ok(())
    }

    /// Runs one statement that only reads, giving `row` the column names and each row's values
    /// in order. A statement that would write is refused before it runs ([`ReadError::Writes`]).
    /// Returns the column names.
    pub fn read_rows<E>(
        &self,
        sql: &str,
        mut row: impl FnMut(&[String], &[Cell]) -> Result<(), E>,
    ) -> Result<Vec<String>, ReadError<E>> {
        let mut stmt = self.conn.prepare(sql).map_err(ReadError::Prepare)?;
        if !stmt.readonly() {
            return Err(ReadError::Writes);
        }
        let names: Vec<String> = stmt.column_names().map(String::from).collect();
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        let mut cells = Vec::with_capacity(names.len());
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            cells.clear();
            for i in 0..names.len() {
                cells.push(Cell::from_sql(r.get_ref(i).map_err(StoreError::from)?));
            }
            row(&names, &cells).map_err(ReadError::Row)?;
        }
        Ok(names)
    }
}
