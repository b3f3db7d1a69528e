//! One CSV partition file (RFC 4180, UTF-8, a header line). Booleans are `true`/`false`, dates
//! `YYYY-MM-DD`, floating-point numbers in the shortest form that reads back exactly, and an empty
//! field is NULL (the export never writes an empty string where NULL is meant, except in the
//! required text columns `source_role`, `target_role`, `plover`, `plover_mode` and `domains`).

use super::{Cell, Kind, COLUMNS};
use super::{ExportError, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub struct Writer {
    path: PathBuf,
    out: BufWriter<File>,
    line: String,
}

/// Quotes a field when it needs it.
fn field(s: &str, line: &mut String) {
    if s.contains([',', '"', '\n', '\r']) {
        line.push('"');
        line.push_str(&s.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(s);
    }
}

impl Writer {
    pub fn create(path: &Path) -> Result<Writer> {
        let file = File::create(path).map_err(ExportError::io("creating", path))?;
        let mut out = BufWriter::new(file);
        let header: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        writeln!(out, "{}", header.join(",")).map_err(ExportError::io("writing", path))?;
        Ok(Writer {
            path: path.to_path_buf(),
            out,
            line: String::new(),
        })
    }
}

impl super::PartitionWriter for Writer {
    fn push(&mut self, row: &[Cell]) -> Result<()> {
        self.line.clear();
        for (i, (c, cell)) in COLUMNS.iter().zip(row).enumerate() {
            if i > 0 {
                self.line.push(',');
            }
            match (c.kind, cell) {
                (_, Cell::Null) => {}
                (Kind::Boolean, v) => self.line.push_str(if v.as_i64().unwrap_or(0) != 0 {
                    "true"
                } else {
                    "false"
                }),
                (Kind::Double, v) => {
                    if let Some(f) = v.as_f64() {
                        self.line.push_str(&f.to_string());
                    }
                }
                (_, v) => field(&v.as_text().unwrap_or_default(), &mut self.line),
            }
        }
        self.line.push('\n');
        self.out
            .write_all(self.line.as_bytes())
            .map_err(ExportError::io("writing", &self.path))
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.out
            .flush()
            .map_err(ExportError::io("writing", &self.path))
    }
}
