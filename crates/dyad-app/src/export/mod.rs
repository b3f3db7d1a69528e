//! Events as files other engines read: the export schema (one list of columns, the single source
//! of the SQLite view, the Parquet schema, the CSV header and docs/export.md), the selection of
//! events, and the writers (`parquet`, `csv`) of a Hive-partitioned directory
//! (`year=YYYY/month=MM/part-00000.parquet`).
//!
//! The same columns are offered to SQL on the embedded store as the temporary view `events`
//! (see [`create_views`]), so one SQL file (`sql/flow_index.sql`) runs unchanged on SQLite here
//! and on a distributed engine (Spark SQL) over the exported Parquet.

mod csv;
mod parquet;

use dyad_model::{EventDate, Origin};
pub use dyad_store::Cell;
use dyad_store::{ReadError, Store, StoreError};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Why an export failed; each message names the file or the step.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file or directory could not be created or written.
    #[error("{what} {}: {cause}", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        cause: std::io::Error,
    },
    /// The store could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The export view could not be made over the store.
    #[error("creating the export view over the store: {0}")]
    View(StoreError),
    /// The Parquet writer failed.
    #[error(transparent)]
    Parquet(#[from] ::parquet::errors::ParquetError),
    /// A Parquet file could not be finished.
    #[error("finishing {}: {cause}", path.display())]
    Finish {
        path: PathBuf,
        cause: ::parquet::errors::ParquetError,
    },
    /// A value that its column cannot hold (a store written by something else than dyad).
    #[error("{0}")]
    Cell(String),
    /// One event could not be written.
    #[error("{what}: {cause}")]
    Row {
        what: String,
        cause: Box<ExportError>,
    },
    /// The events did not come in date order (a bug).
    #[error("{} exists: events of {year}-{month:02} came out of date order", path.display())]
    OutOfOrder {
        path: PathBuf,
        year: i64,
        month: i64,
    },
    /// The manifest could not be serialised (a bug).
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// An export's result.
pub type Result<T, E = ExportError> = std::result::Result<T, E>;

impl ExportError {
    fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> ExportError {
        let path = path.to_path_buf();
        move |cause| ExportError::Io { what, path, cause }
    }
}

/// Version of the export schema, written into every file's metadata and the manifest. Bump it
/// when a column is renamed, removed or changes type (adding a nullable column at the end is
/// compatible).
pub const SCHEMA_VERSION: u32 = 1;

/// The manifest written beside the partitions. Engines skip files whose names start with `_`.
pub const MANIFEST: &str = "_dyad_export.json";

/// How a column is stored in Parquet (and printed in CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// UTF-8 text (Parquet BYTE_ARRAY, logical type STRING).
    String,
    /// Parquet INT64.
    Int64,
    /// Parquet INT32.
    Int32,
    /// Parquet DOUBLE.
    Double,
    /// Parquet BOOLEAN; `true`/`false` in CSV; 0/1 in the SQLite view.
    Boolean,
    /// A calendar day: Parquet INT32 with logical type DATE; `YYYY-MM-DD` in CSV and SQLite.
    Date,
}

/// One exported column.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Column {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub kind: Kind,
    pub nullable: bool,
    /// Its value in SQLite, over `main.events e LEFT JOIN main.sentences s`.
    #[serde(skip)]
    sql: &'static str,
}

const fn col(name: &'static str, kind: Kind, nullable: bool, sql: &'static str) -> Column {
    Column {
        name,
        kind,
        nullable,
        sql,
    }
}

/// The day an event's date starts on, as SQLite text `YYYY-MM-DD` (`day_start` counts days
/// since 1970-01-01).
const FIRST_DAY: &str = "date(e.day_start * 86400, 'unixepoch')";

/// The exported columns, in file order. docs/export.md documents each; a test checks both agree.
pub const COLUMNS: &[Column] = &[
    col("event_id", Kind::Int64, false, "e.id"),
    col("origin", Kind::String, false, "e.origin"),
    // Replaced by `NULL` when the store predates the `dataset` column (see `column_sql`).
    col("dataset", Kind::String, true, "e.dataset"),
    col("date", Kind::String, false, "e.date"),
    col("date_precision", Kind::String, false, "e.date_precision"),
    col("first_day", Kind::Date, false, FIRST_DAY),
    col(
        "year_month",
        Kind::String,
        false,
        "substr(date(e.day_start * 86400, 'unixepoch'), 1, 7)",
    ),
    col("reported", Kind::String, true, "e.reported"),
    col("source", Kind::String, false, "e.source"),
    col("source_role", Kind::String, false, "e.source_role"),
    col("source_person", Kind::String, true, "e.source_person"),
    col("source_position", Kind::String, true, "e.source_position"),
    col("source_text", Kind::String, true, "e.source_text"),
    col("target", Kind::String, false, "e.target"),
    col("target_role", Kind::String, false, "e.target_role"),
    col("target_person", Kind::String, true, "e.target_person"),
    col("target_position", Kind::String, true, "e.target_position"),
    col("target_text", Kind::String, true, "e.target_text"),
    col("cameo", Kind::String, false, "e.cameo"),
    col("quad_class", Kind::Int32, false, "e.quad_class"),
    col("goldstein", Kind::Double, false, "e.goldstein"),
    col("plover", Kind::String, false, "e.plover"),
    col("plover_mode", Kind::String, false, "e.plover_mode"),
    col("negated", Kind::Boolean, false, "e.negated"),
    col("hypothetical", Kind::Boolean, false, "e.hypothetical"),
    col("domains", Kind::String, false, "e.domains"),
    col("place", Kind::String, true, "e.place"),
    col("meeting", Kind::String, true, "e.meeting"),
    col("description_zh", Kind::String, true, "e.description_zh"),
    col("description_en", Kind::String, true, "e.description_en"),
    col("doc_id", Kind::String, true, "e.doc_id"),
    col("sentence_id", Kind::Int64, true, "e.sentence_id"),
    col("sentence", Kind::String, true, "s.text"),
    col("span_start", Kind::Int64, true, "e.span_start"),
    col("span_end", Kind::Int64, true, "e.span_end"),
    col("curated_id", Kind::String, true, "e.curated_id"),
    col("cites", Kind::String, true, "NULLIF(e.cites, '')"),
    col(
        "citation",
        Kind::String,
        true,
        "CASE WHEN e.cites IS NULL OR e.cites = '' THEN NULL ELSE (
            SELECT group_concat(replace(c.publisher, '|', '¦') || ', ' || replace(c.title, '|', '¦')
                                || COALESCE(', ' || c.date, '')
                                || COALESCE(', ' || c.url, ''), ' | '
                                ORDER BY instr(';' || e.cites || ';', ';' || c.id || ';'))
            FROM main.citations c
            WHERE instr(';' || e.cites || ';', ';' || c.id || ';') > 0) END",
    ),
    col("import_file", Kind::String, true, "e.import_file"),
    col("import_row", Kind::Int64, true, "e.import_row"),
    col("native_id", Kind::String, true, "e.native_id"),
];

/// The Hive partition columns: not stored in the files but in their directory names
/// (`year=2014/month=03`); engines that discover partitions add them as integer columns, and the
/// SQLite view has them too. They are the year and month of `first_day`.
pub const PARTITION_COLUMNS: [&str; 2] = ["year", "month"];

/// Which events to export or to offer to SQL. Negated and hypothetical events are always included: they are
/// flagged in columns, and queries decide (as `sql/flow_index.sql` does).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Selection {
    pub dyad: Option<(String, String)>,
    pub origins: Vec<&'static str>,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(skip)]
    from_day: Option<i64>,
    #[serde(skip)]
    to_day: Option<i64>,
}

impl Selection {
    /// The selection of a dyad (either direction), origins (none: all) and months (`from`'s
    /// first day to `to`'s last), checked by the caller ([`crate::request`]).
    pub fn new(
        dyad: Option<(String, String)>,
        origins: &[Origin],
        from: Option<EventDate>,
        to: Option<EventDate>,
    ) -> Selection {
        Selection {
            dyad,
            origins: origins.iter().map(|o| o.as_str()).collect(),
            from: from.map(|d| d.to_string()),
            to: to.map(|d| d.to_string()),
            from_day: from.map(|d| d.first_day().ordinal()),
            to_day: to.map(|d| d.last_day().ordinal()),
        }
    }
}

impl Selection {
    /// The SQL condition over `main.events e`. Every literal is validated (actor codes are
    /// alphanumeric, origins are an enum, days are integers), so inlining them is safe.
    fn where_sql(&self) -> String {
        let mut w = vec!["1 = 1".to_string()];
        if let Some((a, b)) = &self.dyad {
            w.push(format!(
                "((e.source = '{a}' AND e.target = '{b}') OR (e.source = '{b}' AND e.target = '{a}'))"
            ));
        }
        if !self.origins.is_empty() {
            let list: Vec<String> = self.origins.iter().map(|o| format!("'{o}'")).collect();
            w.push(format!("e.origin IN ({})", list.join(", ")));
        }
        if let Some(d) = self.from_day {
            w.push(format!("e.day_start >= {d}"));
        }
        if let Some(d) = self.to_day {
            w.push(format!("e.day_start <= {d}"));
        }
        w.join(" AND ")
    }
}

/// Creates the temporary views `dyad_export` (the selected events with the export columns and the
/// partition columns) and `events` (the same, under the name portable SQL files use). Temporary
/// objects live only on this connection and shadow `main.events` for unqualified names, so call
/// this after every write to the store.
pub fn create_views(store: &Store, sel: &Selection) -> Result<()> {
    let has_dataset = store.has_column("events", "dataset")?;
    let mut cols: Vec<String> = COLUMNS
        .iter()
        .map(|c| {
            let sql = if c.name == "dataset" && !has_dataset {
                "CAST(NULL AS TEXT)"
            } else {
                c.sql
            };
            format!("{sql} AS {}", c.name)
        })
        .collect();
    cols.push(format!(
        "CAST(substr({FIRST_DAY}, 1, 4) AS INTEGER) AS year"
    ));
    cols.push(format!(
        "CAST(substr({FIRST_DAY}, 6, 2) AS INTEGER) AS month"
    ));
    let select = format!(
        "SELECT {}
         FROM main.events e LEFT JOIN main.sentences s ON s.id = e.sentence_id
         WHERE {}",
        cols.join(",\n                "),
        sel.where_sql()
    );
    store
        .create_temp_view("dyad_export", &select)
        .and_then(|()| store.create_temp_view("events", "SELECT * FROM temp.dyad_export"))
        .map_err(ExportError::View)?;
    Ok(())
}

/// The output format of `dyad export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Parquet,
    Csv,
}

impl FileFormat {
    fn extension(self) -> &'static str {
        match self {
            FileFormat::Parquet => "parquet",
            FileFormat::Csv => "csv",
        }
    }
}

/// Writes the rows of one partition file.
trait PartitionWriter {
    fn push(&mut self, row: &[Cell]) -> Result<()>;
    fn finish(self: Box<Self>) -> Result<()>;
}

fn open_partition(format: FileFormat, path: &Path) -> Result<Box<dyn PartitionWriter>> {
    Ok(match format {
        FileFormat::Parquet => Box::new(self::parquet::Writer::create(path)?),
        FileFormat::Csv => Box::new(self::csv::Writer::create(path)?),
    })
}

/// One written partition file, relative to the output directory.
#[derive(Debug, Serialize)]
pub struct PartitionFile {
    pub path: String,
    pub rows: u64,
}

/// What an export wrote; also the manifest `_dyad_export.json`.
#[derive(Debug, Serialize)]
pub struct Manifest {
    pub dyad_version: &'static str,
    pub schema_version: u32,
    pub format: FileFormat,
    pub selection: Selection,
    pub rows: u64,
    pub partition_columns: [&'static str; 2],
    pub columns: &'static [Column],
    pub partitions: Vec<PartitionFile>,
}

/// Writes the events selected by `sel` under `out` as Hive-partitioned files of `format`, one file
/// per month (`year=YYYY/month=MM/part-00000.EXT`), streaming in date order so that memory holds
/// at most one row group. `out` must be empty or missing.
pub fn write(store: &Store, sel: &Selection, format: FileFormat, out: &Path) -> Result<Manifest> {
    create_views(store, sel)?;
    std::fs::create_dir_all(out).map_err(ExportError::io("creating", out))?;
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    let sql = format!(
        "SELECT {}, year, month FROM temp.dyad_export ORDER BY first_day, event_id",
        names.join(", ")
    );
    let mut manifest = Manifest {
        dyad_version: env!("CARGO_PKG_VERSION"),
        schema_version: SCHEMA_VERSION,
        format,
        selection: sel.clone(),
        rows: 0,
        partition_columns: PARTITION_COLUMNS,
        columns: COLUMNS,
        partitions: Vec::new(),
    };
    let mut current: Option<((i64, i64), Box<dyn PartitionWriter>)> = None;
    let read = store.read_rows(&sql, |_, cells| {
        let (row, partition) = cells.split_at(COLUMNS.len());
        let key = match partition {
            [year, month] => match (year.as_i64(), month.as_i64()) {
                (Some(y), Some(m)) => (y, m),
                _ => {
                    let id = row.first().and_then(Cell::as_text).unwrap_or_default();
                    return Err(ExportError::Cell(format!(
                        "event {id} has no first day to be filed under a year and month"
                    )));
                }
            },
            _ => {
                return Err(ExportError::Cell(
                    "the export view lost its partition columns".into(),
                ))
            }
        };
        if current.as_ref().map(|c| c.0) != Some(key) {
            if let Some((_, w)) = current.take() {
                w.finish()?;
            }
            let rel: PathBuf = [
                format!("year={:04}", key.0),
                format!("month={:02}", key.1),
                format!("part-00000.{}", format.extension()),
            ]
            .iter()
            .collect();
            let path = out.join(&rel);
            if path.exists() {
                return Err(ExportError::OutOfOrder {
                    path,
                    year: key.0,
                    month: key.1,
                });
            }
            std::fs::create_dir_all(path.parent().unwrap_or(out))
                .map_err(ExportError::io("creating", &path))?;
            current = Some((key, open_partition(format, &path)?));
            manifest.partitions.push(PartitionFile {
                path: rel.to_string_lossy().replace('\\', "/"),
                rows: 0,
            });
        }
        if let Some((_, w)) = current.as_mut() {
            w.push(row).map_err(|cause| ExportError::Row {
                what: match row.first() {
                    Some(Cell::Int(id)) => format!("writing event {id}"),
                    _ => "writing an event".to_string(),
                },
                cause: Box::new(cause),
            })?;
        }
        if let Some(p) = manifest.partitions.last_mut() {
            p.rows += 1;
        }
        manifest.rows += 1;
        Ok(())
    });
    match read {
        Ok(_) => {}
        Err(ReadError::Row(e)) => return Err(e),
        Err(ReadError::Store(e)) => return Err(ExportError::Store(e)),
        Err(e) => return Err(ExportError::Cell(format!("reading the export view: {e}"))),
    }
    if let Some((_, w)) = current.take() {
        w.finish()?;
    }
    let path = out.join(MANIFEST);
    let json = serde_json::to_string_pretty(&manifest)?;
    std::fs::write(&path, json + "\n").map_err(ExportError::io("writing", &path))?;
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_are_unique_and_not_partition_names() {
        let mut names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        names.extend(PARTITION_COLUMNS);
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn selection_sql_inlines_only_validated_values() {
        use crate::request::{parse_dyad, parse_month, parse_origins};
        let sel = Selection::new(
            Some(parse_dyad("usa-rus").unwrap()),
            &parse_origins(&["curated,coded".into()]).unwrap(),
            parse_month("--from", &Some("2014-03".into())).unwrap(),
            None,
        );
        let w = sel.where_sql();
        assert!(w.contains("e.source = 'USA' AND e.target = 'RUS'"), "{w}");
        assert!(w.contains("e.origin IN ('curated', 'coded')"), "{w}");
        assert!(w.contains("e.day_start >= 16130"), "{w}");
        // the only text inlined is checked first: a dyad with a quote never reaches the SQL
        assert!(parse_dyad("USA-R'US").is_err());
    }
}
