//! One Parquet partition file, written with the `parquet` crate's low-level column writers (no
//! Arrow): the schema comes from [`COLUMNS`], values are buffered per column and flushed as a row
//! group every [`ROW_GROUP`] rows, pages are Snappy-compressed.

use super::{Cell, Kind, COLUMNS, SCHEMA_VERSION};
use super::{ExportError, Result};
use ::parquet::basic::Compression;
use ::parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use ::parquet::file::metadata::KeyValue;
use ::parquet::file::properties::WriterProperties;
use ::parquet::file::writer::SerializedFileWriter;
use ::parquet::schema::parser::parse_message_type;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows per row group: large enough for efficient scans, small enough to bound memory.
const ROW_GROUP: usize = 64 * 1024;

/// The Parquet message type of the export, e.g. `REQUIRED INT32 first_day (DATE);`.
pub fn message_type() -> String {
    let mut s = String::from("message dyad_event {\n");
    for c in COLUMNS {
        let rep = if c.nullable { "OPTIONAL" } else { "REQUIRED" };
        let ty = match c.kind {
            Kind::String => "BYTE_ARRAY",
            Kind::Int64 => "INT64",
            Kind::Int32 => "INT32",
            Kind::Double => "DOUBLE",
            Kind::Boolean => "BOOLEAN",
            Kind::Date => "INT32",
        };
        let logical = match c.kind {
            Kind::String => " (STRING)",
            Kind::Date => " (DATE)",
            _ => "",
        };
        s.push_str(&format!("  {rep} {ty} {}{logical};\n", c.name));
    }
    s.push('}');
    s
}

/// The buffered values of one column; `defs` holds definition levels of nullable columns.
enum Values {
    Bytes(Vec<ByteArray>),
    I64(Vec<i64>),
    I32(Vec<i32>),
    F64(Vec<f64>),
    Bool(Vec<bool>),
}

struct Buffer {
    values: Values,
    defs: Vec<i16>,
}

pub struct Writer {
    path: PathBuf,
    file: SerializedFileWriter<BufWriter<File>>,
    columns: Vec<Buffer>,
    rows: usize,
}

impl Writer {
    pub fn create(path: &Path) -> Result<Writer> {
        let schema = Arc::new(parse_message_type(&message_type())?);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("dyad {}", env!("CARGO_PKG_VERSION")))
            .set_key_value_metadata(Some(vec![KeyValue::new(
                "dyad.schema_version".to_string(),
                SCHEMA_VERSION.to_string(),
            )]))
            .build();
        let out = File::create(path).map_err(ExportError::io("creating", path))?;
        let file = SerializedFileWriter::new(BufWriter::new(out), schema, Arc::new(props))?;
        let columns = COLUMNS
            .iter()
            .map(|c| Buffer {
                values: match c.kind {
                    Kind::String => Values::Bytes(Vec::new()),
                    Kind::Int64 => Values::I64(Vec::new()),
                    Kind::Int32 | Kind::Date => Values::I32(Vec::new()),
                    Kind::Double => Values::F64(Vec::new()),
                    Kind::Boolean => Values::Bool(Vec::new()),
                },
                defs: Vec::new(),
            })
            .collect();
        Ok(Writer {
            path: path.to_path_buf(),
            file,
            columns,
            rows: 0,
        })
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut rg = self.file.next_row_group()?;
        for (c, buf) in COLUMNS.iter().zip(self.columns.iter_mut()) {
            let mut w = rg.next_column()?.ok_or_else(|| {
                ExportError::Cell("Parquet schema has fewer columns than the export".into())
            })?;
            let defs = c.nullable.then_some(buf.defs.as_slice());
            match &mut buf.values {
                Values::Bytes(v) => {
                    w.typed::<ByteArrayType>().write_batch(v, defs, None)?;
                    v.clear();
                }
                Values::I64(v) => {
                    w.typed::<Int64Type>().write_batch(v, defs, None)?;
                    v.clear();
                }
                Values::I32(v) => {
                    w.typed::<Int32Type>().write_batch(v, defs, None)?;
                    v.clear();
                }
                Values::F64(v) => {
                    w.typed::<DoubleType>().write_batch(v, defs, None)?;
                    v.clear();
                }
                Values::Bool(v) => {
                    w.typed::<BoolType>().write_batch(v, defs, None)?;
                    v.clear();
                }
            }
            buf.defs.clear();
            w.close()?;
        }
        rg.close()?;
        self.rows = 0;
        Ok(())
    }
}

impl super::PartitionWriter for Writer {
    fn push(&mut self, row: &[Cell]) -> Result<()> {
        for ((c, buf), cell) in COLUMNS.iter().zip(self.columns.iter_mut()).zip(row) {
            let bad = || {
                ExportError::Cell(format!(
                    "column {}: cannot store {cell:?} as {:?}",
                    c.name, c.kind
                ))
            };
            if *cell == Cell::Null {
                if !c.nullable {
                    return Err(ExportError::Cell(format!(
                        "column {} is required but empty",
                        c.name
                    )));
                }
                buf.defs.push(0);
                continue;
            }
            match &mut buf.values {
                Values::Bytes(v) => v.push(ByteArray::from(
                    cell.as_text().ok_or_else(bad)?.into_bytes(),
                )),
                Values::I64(v) => v.push(cell.as_i64().ok_or_else(bad)?),
                Values::I32(v) => v.push(match c.kind {
                    Kind::Date => cell.as_days().ok_or_else(bad)?,
                    _ => cell
                        .as_i64()
                        .and_then(|i| i32::try_from(i).ok())
                        .ok_or_else(bad)?,
                }),
                Values::F64(v) => v.push(cell.as_f64().ok_or_else(bad)?),
                Values::Bool(v) => v.push(cell.as_i64().ok_or_else(bad)? != 0),
            }
            buf.defs.push(1);
        }
        self.rows += 1;
        if self.rows >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.flush()?;
        let path = self.path.clone();
        self.file
            .close()
            .map_err(|cause| ExportError::Finish { path, cause })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_type_parses_and_names_every_column() {
        let t = parse_message_type(&message_type()).unwrap();
        let names: Vec<&str> = t.get_fields().iter().map(|f| f.name()).collect();
        let expected: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(names, expected);
    }
}
