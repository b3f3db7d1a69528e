//! The lookup tables of `dictionaries/import/` (embedded at build time), loaded into one value.

use crate::fields;
use crate::Code;
use dyad_model::{CodeTable, EventDate};
use std::collections::HashMap;

/// The embedded files: (path relative to the repository, text).
const FILES: [(&str, &str); 4] = [
    (
        "dictionaries/import/icews-countries.tsv",
        include_str!("../../../dictionaries/import/icews-countries.tsv"),
    ),
    (
        "dictionaries/import/icews-sectors.tsv",
        include_str!("../../../dictionaries/import/icews-sectors.tsv"),
    ),
    (
        "dictionaries/import/cameo-countries.tsv",
        include_str!("../../../dictionaries/import/cameo-countries.tsv"),
    ),
    (
        "dictionaries/import/plover-to-cameo.tsv",
        include_str!("../../../dictionaries/import/plover-to-cameo.tsv"),
    ),
];

/// A table row that cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {msg}")]
pub struct TableError {
    pub file: String,
    pub line: usize,
    pub msg: String,
}

/// A PLOVER event type as dyad stores it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PloverType {
    pub cameo_root: Code,
    pub goldstein: f64,
    pub quad_class: u8,
}

struct Span {
    from: Option<EventDate>,
    to: Option<EventDate>,
    iso3: String,
}

/// The import tables, as one immutable value.
pub struct Tables {
    icews_countries: HashMap<String, Vec<Span>>,
    /// Sector → (rank in the file, role).
    sectors: HashMap<String, (usize, String)>,
    /// CAMEO code → ISO3, or `None` for a code naming no state.
    cameo_countries: HashMap<String, Option<String>>,
    plover: HashMap<String, PloverType>,
}

/// Records of a table file: (line number, columns), after comments and the header.
fn records<'a>(
    file: &'a str,
    text: &'a str,
    ncols: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), TableError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(move |(i, l)| {
            let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
            if cols.len() != ncols {
                return Err(TableError {
                    file: file.to_string(),
                    line: i + 1,
                    msg: format!(
                        "expected {ncols} tab-separated columns, found {}",
                        cols.len()
                    ),
                });
            }
            Ok((i + 1, cols))
        })
}

impl Tables {
    /// The tables embedded in this build; PLOVER roots are checked against `codes`.
    pub fn builtin(codes: &CodeTable) -> Result<Tables, TableError> {
        Tables::parse(&FILES, codes)
    }

    /// The embedded files, for checks and documentation.
    pub fn files() -> &'static [(&'static str, &'static str)] {
        &FILES
    }

    /// Parses the four tables given as (path, text), in the order of [`Tables::files`].
    pub fn parse(files: &[(&str, &str); 4], codes: &CodeTable) -> Result<Tables, TableError> {
        let err = |file: &str, line: usize, msg: String| TableError {
            file: file.to_string(),
            line,
            msg,
        };
        let date = |file: &str, line: usize, s: &str| -> Result<Option<EventDate>, TableError> {
            if s.is_empty() {
                return Ok(None);
            }
            fields::iso(s)
                .map(Some)
                .ok_or_else(|| err(file, line, format!("`{s}` is not a date (YYYY-MM-DD)")))
        };

        let (file, text) = files[0];
        let mut icews_countries: HashMap<String, Vec<Span>> = HashMap::new();
        for rec in records(file, text, 4) {
            let (line, c) = rec?;
            if !fields::code3(c[1]) {
                return Err(err(
                    file,
                    line,
                    format!("`{}` is not an ISO alpha-3 code", c[1]),
                ));
            }
            let span = Span {
                from: date(file, line, c[2])?,
                to: date(file, line, c[3])?,
                iso3: c[1].to_string(),
            };
            if let (Some(a), Some(b)) = (span.from, span.to) {
                if a > b {
                    return Err(err(file, line, format!("from {a} is after to {b}")));
                }
            }
            let spans = icews_countries.entry(c[0].to_string()).or_default();
            let lo = |s: &Span| s.from.map_or(i64::MIN, |d| d.ordinal());
            let hi = |s: &Span| s.to.map_or(i64::MAX, |d| d.ordinal());
            if let Some(other) = spans
                .iter()
                .find(|o| lo(o) <= hi(&span) && lo(&span) <= hi(o))
            {
                return Err(err(
                    file,
                    line,
                    format!(
                        "`{}` already maps to {} for some of these dates (overlapping rows)",
                        c[0], other.iso3
                    ),
                ));
            }
            spans.push(span);
        }

        let (file, text) = files[1];
        let mut sectors = HashMap::new();
        for (rank, rec) in records(file, text, 2).enumerate() {
            let (line, c) = rec?;
            if !fields::code3(c[1]) {
                return Err(err(
                    file,
                    line,
                    format!("`{}` is not a CAMEO role code", c[1]),
                ));
            }
            if sectors
                .insert(c[0].to_string(), (rank, c[1].to_string()))
                .is_some()
            {
                return Err(err(file, line, format!("sector `{}` appears twice", c[0])));
            }
        }

        let (file, text) = files[2];
        let mut cameo_countries = HashMap::new();
        for rec in records(file, text, 3) {
            let (line, c) = rec?;
            if !fields::code3(c[0]) {
                return Err(err(
                    file,
                    line,
                    format!("`{}` is not a CAMEO country code", c[0]),
                ));
            }
            let iso = match c[1] {
                "-" => None,
                s if fields::code3(s) => Some(s.to_string()),
                s => return Err(err(file, line, format!("`{s}` is not ISO alpha-3 or `-`"))),
            };
            if cameo_countries.insert(c[0].to_string(), iso).is_some() {
                return Err(err(file, line, format!("code `{}` appears twice", c[0])));
            }
        }

        let (file, text) = files[3];
        let mut plover = HashMap::new();
        for rec in records(file, text, 4) {
            let (line, c) = rec?;
            let cameo_root = Code::new(c[1])
                .filter(|_| c[1].len() == 2 && codes.get(c[1]).is_some())
                .ok_or_else(|| {
                    err(
                        file,
                        line,
                        format!("`{}` is not a CAMEO root of cameo.tsv", c[1]),
                    )
                })?;
            let goldstein = fields::score(c[2])
                .ok_or_else(|| err(file, line, format!("`{}` is not a score in -10..10", c[2])))?;
            let quad_class = match c[3] {
                "1" => 1,
                "2" => 2,
                "3" => 3,
                "4" => 4,
                q => return Err(err(file, line, format!("QuadClass `{q}` is not 1-4"))),
            };
            let t = PloverType {
                cameo_root,
                goldstein,
                quad_class,
            };
            if plover.insert(c[0].to_string(), t).is_some() {
                return Err(err(file, line, format!("type `{}` appears twice", c[0])));
            }
        }
        Ok(Tables {
            icews_countries,
            sectors,
            cameo_countries,
            plover,
        })
    }

    /// The ISO3 code of an ICEWS country name at `date`; `None` when the name is not in the table
    /// or not mapped at that date.
    pub fn icews_country(&self, name: &str, date: EventDate) -> Option<&str> {
        self.icews_countries.get(name)?.iter().find_map(|s| {
            let after = !matches!(s.from, Some(f) if date < f);
            let before = !matches!(s.to, Some(t) if date > t);
            (after && before).then_some(s.iso3.as_str())
        })
    }

    /// The role of an actor with the comma-joined `sectors`: the listed sector ranked first.
    pub fn icews_role(&self, sectors: &str) -> &str {
        sectors
            .split(',')
            .filter_map(|s| self.sectors.get(s.trim()))
            .min_by_key(|(rank, _)| *rank)
            .map_or("", |(_, role)| role.as_str())
    }

    /// The state a CAMEO country code names: `Ok(Some(iso3))`, `Ok(None)` for a code naming no
    /// state (a region). The code must be 3 upper-case letters.
    pub fn cameo_country<'a>(&'a self, code: &'a str) -> Option<&'a str> {
        match self.cameo_countries.get(code) {
            Some(mapped) => mapped.as_deref(),
            None => Some(code),
        }
    }

    /// A PLOVER type (upper case) as dyad stores it.
    pub fn plover(&self, event_type: &str) -> Option<&PloverType> {
        self.plover.get(event_type)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> CodeTable {
        let text = include_str!("../../../dictionaries/cameo.tsv");
        CodeTable::parse("dictionaries/cameo.tsv", text).unwrap()
    }

    #[test]
    fn the_builtin_tables_load_and_respect_state_changes() {
        let t = Tables::builtin(&codes()).unwrap();
        let d = |s: &str| fields::iso(s).unwrap();
        assert_eq!(t.icews_country("Serbia", d("2001-05-01")), Some("YUG"));
        assert_eq!(t.icews_country("Serbia", d("2004-05-01")), Some("SCG"));
        assert_eq!(t.icews_country("Serbia", d("2007-05-01")), Some("SRB"));
        assert_eq!(t.icews_country("Montenegro", d("2006-06-03")), Some("MNE"));
        assert_eq!(t.icews_country("South Sudan", d("2011-07-08")), Some("SDN"));
        assert_eq!(t.icews_country("South Sudan", d("2011-07-09")), Some("SSD"));
        assert_eq!(t.icews_country("Kosovo", d("2008-02-17")), Some("XKX"));
        assert_eq!(t.icews_country("Czech Republic", d("1992-06-01")), None);
        assert_eq!(
            t.icews_country("Czechoslovakia", d("1992-06-01")),
            Some("CSK")
        );
        assert_eq!(
            t.icews_country("Russian Federation", d("2018-06-01")),
            Some("RUS")
        );
        assert_eq!(t.icews_country("Atlantis", d("2018-06-01")), None);
        assert_eq!(t.icews_role("Military,Government"), "MIL");
        assert_eq!(t.icews_role("Executive,Foreign Ministry,Government"), "GOV");
        assert_eq!(t.icews_role("NA"), "");
        assert_eq!(t.cameo_country("ROM"), Some("ROU"));
        assert_eq!(t.cameo_country("EUR"), None);
        assert_eq!(t.cameo_country("USA"), Some("USA"));
        let a = t.plover("ASSAULT").unwrap();
        assert_eq!(
            (a.cameo_root.as_str(), a.goldstein, a.quad_class),
            ("18", -9.3, 4)
        );
        assert_eq!(t.plover.len(), 18);
    }

    #[test]
    fn bad_tables_are_rejected_with_file_and_line() {
        let mut files = FILES;
        files[0] = (
            "c.tsv",
            "# x\nname\tiso3\tfrom\tto\nSerbia\tYUG\t\t2003-02-03\nSerbia\tSRB\t2003-01-01\t\n",
        );
        let e = Tables::parse(&files, &codes()).err().unwrap();
        assert!(e.to_string().starts_with("c.tsv:4:"), "{e}");
        assert!(e.to_string().contains("overlapping"), "{e}");
        let mut files = FILES;
        files[3] = (
            "p.tsv",
            "plover\tcameo_root\tgoldstein\tquad_class\nX\t99\t1\t1\n",
        );
        let e = Tables::parse(&files, &codes()).err().unwrap();
        assert!(e.to_string().starts_with("p.tsv:2:"), "{e}");
        let mut files = FILES;
        files[2] = ("k.tsv", "code\tiso3\tname\nROM\tROU\tx\nROM\tROU\ty\n");
        let e = Tables::parse(&files, &codes()).err().unwrap();
        assert!(e.to_string().contains("twice"), "{e}");
    }
}
