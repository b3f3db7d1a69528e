//! Places in two languages: the Chinese name of every place string the curated chronology
//! writes in English. The table is data (`data/chronology/places.tsv`, versioned); this module
//! parses it, refusing duplicates and rows without a Chinese name, and answers the Chinese name
//! of a place, so that a Chinese report or listing never shows the English one.
//!
//! ```
//! use dyad_model::PlaceTable;
//! let places = PlaceTable::parse(
//!     "places.tsv",
//!     "# version: 1\nplace_en\tplace_zh\nHelsinki, Finland\t芬兰赫尔辛基\n",
//! )
//! .unwrap();
//! assert_eq!(places.zh("Helsinki, Finland"), Some("芬兰赫尔辛基"));
//! assert_eq!(places.zh("Oslo, Norway"), None);
//! assert!(PlaceTable::parse("p.tsv", "# version: 1\nplace_en\tplace_zh\nOslo, Norway\t\n").is_err());
//! ```

use std::collections::HashMap;

/// The columns of the table, in order.
pub const PLACE_COLUMNS: &[&str] = &["place_en", "place_zh"];

/// One place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub en: String,
    pub zh: String,
    /// Where it is defined: `file:line`.
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlaceTableError {
    #[error("{file}:{line}: {msg}")]
    Row {
        file: String,
        line: usize,
        msg: String,
    },
    #[error("{file}: no header row `{expected}`; add it after the comments")]
    NoHeader { file: String, expected: String },
    #[error("{file}: no `# version: N` comment line; add one before the header")]
    NoVersion { file: String },
}

/// The table of places, in file order.
#[derive(Debug, Clone, Default)]
pub struct PlaceTable {
    places: Vec<Place>,
    by_en: HashMap<String, usize>,
    version: String,
}

/// Whether `s` holds a Han character (a Chinese name).
pub fn has_han(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
    })
}

impl PlaceTable {
    /// Parses the tab-separated table; `file` names it in errors. Every problem of a row is
    /// an error naming its line: a wrong number of columns, an empty English name, a Chinese
    /// name that is empty or has no Chinese character, a place written twice.
    pub fn parse(file: &str, text: &str) -> Result<PlaceTable, PlaceTableError> {
        let mut table = PlaceTable::default();
        let mut version = None;
        let mut header = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let err = |msg: String| PlaceTableError::Row {
                file: file.to_string(),
                line,
                msg,
            };
            if let Some(c) = raw.strip_prefix('#') {
                if let Some(v) = c.trim().strip_prefix("version:") {
                    version = Some(v.trim().to_string());
                }
                continue;
            }
            if raw.trim().is_empty() {
                continue;
            }
            if !header {
                if raw.trim_end() != PLACE_COLUMNS.join("\t") {
                    return Err(err(format!(
                        "header is `{raw}`, expected `{}`",
                        PLACE_COLUMNS.join("\t")
                    )));
                }
                header = true;
                continue;
            }
            let f: Vec<&str> = raw.split('\t').collect();
            if f.len() != PLACE_COLUMNS.len() {
                return Err(err(format!(
                    "{} columns, expected {} (place_en, place_zh)",
                    f.len(),
                    PLACE_COLUMNS.len()
                )));
            }
            let (en, zh) = (f[0], f[1]);
            if en.is_empty() || en.trim() != en {
                return Err(err(format!(
                    "place_en `{en}` is empty or has spaces around it; write it exactly as the events do"
                )));
            }
            if zh.trim().is_empty() || !has_han(zh) {
                return Err(err(format!(
                    "place `{en}` has no Chinese name (`{zh}`); write its standard Chinese name"
                )));
            }
            if let Some(&k) = table.by_en.get(en) {
                return Err(err(format!(
                    "place `{en}` is written twice (first at {})",
                    table.places[k].origin
                )));
            }
            table.by_en.insert(en.to_string(), table.places.len());
            table.places.push(Place {
                en: en.to_string(),
                zh: zh.trim().to_string(),
                origin: format!("{file}:{line}"),
            });
        }
        if !header {
            return Err(PlaceTableError::NoHeader {
                file: file.to_string(),
                expected: PLACE_COLUMNS.join("\t"),
            });
        }
        table.version = version.ok_or_else(|| PlaceTableError::NoVersion {
            file: file.to_string(),
        })?;
        Ok(table)
    }

    /// The Chinese name of a place written as `en`, if the table has it.
    pub fn zh(&self, en: &str) -> Option<&str> {
        self.by_en.get(en).map(|&k| self.places[k].zh.as_str())
    }

    /// The place in the language asked for: its Chinese name when `zh` and the table has it,
    /// else the English as written.
    pub fn name<'a>(&'a self, en: &'a str, zh: bool) -> &'a str {
        if zh {
            self.zh(en).unwrap_or(en)
        } else {
            en
        }
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn version(&self) -> &str {
        &self.version
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "# version: 1\nplace_en\tplace_zh\n";

    fn parse(rows: &str) -> Result<PlaceTable, PlaceTableError> {
        PlaceTable::parse("places.tsv", &format!("{HEAD}{rows}"))
    }

    #[test]
    fn a_place_has_one_chinese_name() {
        let t = parse("Moscow, Russia\t俄罗斯莫斯科\nBlack Sea\t黑海\n").unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t.version(), "1");
        assert_eq!(t.zh("Black Sea"), Some("黑海"));
        assert_eq!(t.name("Black Sea", true), "黑海");
        assert_eq!(t.name("Black Sea", false), "Black Sea");
        assert_eq!(t.name("Atlantis", true), "Atlantis");
        assert_eq!(t.places()[1].origin, "places.tsv:4");
    }

    #[test]
    fn bad_rows_name_their_line() {
        let e = parse("Moscow, Russia\t俄罗斯莫斯科\nMoscow, Russia\t莫斯科\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "places.tsv:4: place `Moscow, Russia` is written twice (first at places.tsv:3)"
        );
        let e = parse("Moscow, Russia\t\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("places.tsv:3: place `Moscow, Russia` has no Chinese name"),
            "{e}"
        );
        let e = parse("Moscow, Russia\tMoscow\n").unwrap_err();
        assert!(e.to_string().contains("no Chinese name"), "{e}");
        let e = parse("Moscow, Russia\n").unwrap_err();
        assert!(e.to_string().starts_with("places.tsv:3: 1 columns"), "{e}");
        let e = parse(" Moscow\t莫斯科\n").unwrap_err();
        assert!(e.to_string().contains("spaces around it"), "{e}");
        assert!(matches!(
            PlaceTable::parse("p.tsv", "place_en\tplace_zh\n"),
            Err(PlaceTableError::NoVersion { .. })
        ));
        assert!(matches!(
            PlaceTable::parse("p.tsv", "# version: 1\n"),
            Err(PlaceTableError::NoHeader { .. })
        ));
    }
}
