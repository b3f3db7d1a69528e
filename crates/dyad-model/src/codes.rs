//! The CAMEO code table: from a code follow its Goldstein value, QuadClass and PLOVER type and mode.
//! The table is data (`dictionaries/cameo.tsv`); this module only parses and looks up.

use serde::Serialize;
use std::collections::BTreeMap;

/// One row of the code table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CameoCode {
    pub code: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub plover: String,
    pub plover_mode: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CodeTableError {
    #[error("{file}:{line}: {msg}")]
    Row {
        file: String,
        line: usize,
        msg: String,
    },
}

/// The CAMEO code table, keyed by code string ("043", "0834").
#[derive(Debug, Clone, Default)]
pub struct CodeTable {
    codes: BTreeMap<String, CameoCode>,
}

impl CodeTable {
    /// Parses the tab-separated table; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<CodeTable, CodeTableError> {
        let mut codes = BTreeMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let err = |msg: String| CodeTableError::Row {
                file: file.to_string(),
                line,
                msg,
            };
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = raw.split('\t').collect();
            if f.len() != 6 {
                return Err(err(format!(
                    "expected 6 tab-separated columns, found {}",
                    f.len()
                )));
            }
            let code = f[0].trim();
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(format!("`{code}` is not a CAMEO code (2 to 4 digits)")));
            }
            let goldstein: f64 = f[1]
                .parse()
                .map_err(|_| err(format!("Goldstein value `{}` is not a number", f[1])))?;
            if !(-10.0..=10.0).contains(&goldstein) {
                return Err(err(format!(
                    "Goldstein value {goldstein} is outside -10..10"
                )));
            }
            let quad_class: u8 = f[2]
                .parse()
                .map_err(|_| err(format!("QuadClass `{}` is not 1-4", f[2])))?;
            if !(1..=4).contains(&quad_class) {
                return Err(err(format!("QuadClass {quad_class} is not 1-4")));
            }
            let row = CameoCode {
                code: code.to_string(),
                goldstein,
                quad_class,
                plover: f[3].trim().to_string(),
                plover_mode: f[4].trim().to_string(),
                name: f[5].trim().to_string(),
            };
            if codes.insert(code.to_string(), row).is_some() {
                return Err(err(format!("code {code} appears twice")));
            }
        }
        Ok(CodeTable { codes })
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_reports_file_line() {
        let t = CodeTable::parse(
            "t.tsv",
            "# c\n041\t1.0\t1\tCONSULT\tphone\tDiscuss by telephone\n",
        )
        .unwrap();
        assert_eq!(t.get("041").unwrap().plover_mode, "phone");
        let e = CodeTable::parse("t.tsv", "# c\n041\tx\t1\t\t\tn\n").unwrap_err();
        assert!(e.to_string().starts_with("t.tsv:2:"), "{e}");
        let e = CodeTable::parse("t.tsv", "041\t1\t1\t\t\tn\n041\t1\t1\t\t\tn\n").unwrap_err();
        assert!(e.to_string().contains("twice"));
    }
}
