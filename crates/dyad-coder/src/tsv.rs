//! The one tabular format of dyad's data files: UTF-8, tab-separated, `#` comments, a header
//! row, then records. Every record remembers its `file:line` for error messages and explain
//! traces.

/// One data line of a TSV file.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// Problems with the shape of a file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TsvError {
    #[error("{file}: no header row (expected: {expected})")]
    NoHeader { file: String, expected: String },
    #[error("{file}:{line}: header is `{found}`, expected `{expected}`")]
    Header {
        file: String,
        line: usize,
        found: String,
        expected: String,
    },
    #[error("{file}:{line}: {found} columns, expected {expected}")]
    Columns {
        file: String,
        line: usize,
        found: usize,
        expected: usize,
    },
}

/// Splits `text` into records after checking the header against `columns`.
pub fn records<'a>(
    file: &str,
    text: &'a str,
    columns: &[&str],
) -> Result<Vec<Record<'a>>, TsvError> {
    records_with_optional(file, text, columns, 0)
}

/// As [`records`], but a row may leave off its last `optional` columns (which then read as
/// empty), so that a column used by few rows does not have to be written on every row.
pub fn records_with_optional<'a>(
    file: &str,
    text: &'a str,
    columns: &[&str],
    optional: usize,
) -> Result<Vec<Record<'a>>, TsvError> {
    let expected = columns.join("\t");
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        if !header_seen {
            if raw.trim_end() != expected {
                return Err(TsvError::Header {
                    file: file.into(),
                    line,
                    found: raw.into(),
                    expected,
                });
            }
            header_seen = true;
            continue;
        }
        let mut fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if fields.len() < columns.len() && fields.len() + optional >= columns.len() {
            fields.resize(columns.len(), "");
        }
        if fields.len() != columns.len() {
            return Err(TsvError::Columns {
                file: file.into(),
                line,
                found: fields.len(),
                expected: columns.len(),
            });
        }
        out.push(Record { line, fields });
    }
    if !header_seen {
        return Err(TsvError::NoHeader {
            file: file.into(),
            expected,
        });
    }
    Ok(out)
}

/// The `version:` line of a data file's comments, if any.
pub fn version(text: &str) -> Option<&str> {
    text.lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .find_map(|l| {
            l.trim_start_matches('#')
                .trim()
                .strip_prefix("version:")
                .map(str::trim)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_header_and_columns_with_line_numbers() {
        let t = "# version: 3\na\tb\n1\t2\n\n# c\n3\t4\n";
        let r = records("f.tsv", t, &["a", "b"]).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].line, 6);
        assert_eq!(version(t), Some("3"));
        let e = records("f.tsv", "a\tb\n1\n", &["a", "b"]).unwrap_err();
        assert_eq!(e.to_string(), "f.tsv:2: 1 columns, expected 2");
        assert!(records("f.tsv", "x\ty\n", &["a", "b"]).is_err());
    }

    #[test]
    fn optional_last_columns_may_be_left_off() {
        let t = "a\tb\tc\n1\t2\n3\t4\t5\n";
        let r = records_with_optional("f.tsv", t, &["a", "b", "c"], 1).unwrap();
        assert_eq!(r[0].fields, ["1", "2", ""]);
        assert_eq!(r[1].fields, ["3", "4", "5"]);
        // only the last ones: a row missing two columns is still short
        let e = records_with_optional("f.tsv", "a\tb\tc\n1\n", &["a", "b", "c"], 1).unwrap_err();
        assert_eq!(e.to_string(), "f.tsv:2: 1 columns, expected 3");
        // and never too long
        assert!(records_with_optional("f.tsv", "a\tb\n1\t2\t3\n", &["a", "b"], 1).is_err());
    }
}
