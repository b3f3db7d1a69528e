//! One line of a GDELT event file, for a scan: whether it is the dyad's, and its month,
//! direction, QuadClass, GoldsteinScale and GLOBALEVENTID — the fields a flow measure needs,
//! without building a [`Record`](crate::Record).
//!
//! Rows are read by the one GDELT reader ([`gdelt`]), the one `dyad import` uses: the layouts
//! (57, 58 or 61 columns), the columns, and every field's check. What is the scan's own is the
//! order: every line's column count is checked, then its two country codes are compared with the
//! dyad's, as bytes, before anything else is found or parsed (that is what makes a scan fast);
//! only the dyad's lines are read in full, and a field at fault makes one a bad line with the
//! reason ([`Problem`]).

use crate::gdelt::{
    self, Columns, Fault, Goldstein, Shape, ShapeError, ACTOR1_COUNTRY, ACTOR2_COUNTRY,
};
use dyad_model::CodeTable;
use std::fmt;

/// The two sides of the dyad as 3-letter CAMEO country codes (`USA`, `RUS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DyadCodes {
    pub a: [u8; 3],
    pub b: [u8; 3],
}

impl DyadCodes {
    /// `None` unless both codes are three ASCII letters or digits (CAMEO country codes are).
    pub fn new(a: &str, b: &str) -> Option<DyadCodes> {
        let code = |s: &str| -> Option<[u8; 3]> {
            let b: [u8; 3] = s.as_bytes().try_into().ok()?;
            b.iter().all(u8::is_ascii_alphanumeric).then_some(b)
        };
        Some(DyadCodes {
            a: code(a)?,
            b: code(b)?,
        })
    }
}

/// One line of the dyad.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// `year * 12 + month - 1` (the series' month index).
    pub month: i32,
    /// 0 for `a→b`, 1 for `b→a`.
    pub direction: usize,
    /// 1..=4.
    pub quad: u8,
    pub goldstein: Goldstein,
    /// GLOBALEVENTID, when it fits a `u64` (to count each event once).
    pub id: Option<u64>,
}

/// Why a line was refused: the data's fault, never the scan's. The messages name the column
/// (1-based, as GDELT's documentation counts them); the scan's report puts `file:line` and the
/// field's text before and after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The line has this many columns, not 57, 58 or 61.
    #[error("{0} columns (GDELT events have 57, 58 or 61)")]
    Columns(usize),
    /// The line's layout is not that of the input's first row (see [`gdelt::shape`]).
    #[error("{0}")]
    Layout(ShapeError),
    /// A field of a dyad line is not what GDELT writes: the fault and its 0-based column.
    #[error("{}", FieldFault(*.0, *.1 + 1))]
    Field(Fault, usize),
    /// The EventCode of a dyad line is not in the CAMEO code table.
    #[error(
        "EventCode (column {}) is not in the CAMEO code table (dictionaries/cameo.tsv)",
        gdelt::EVENT_CODE + 1
    )]
    UnknownCode,
}

impl Problem {
    /// Index in per-kind counters.
    pub fn kind(self) -> usize {
        match self {
            Problem::Columns(_) => 0,
            Problem::Layout(_) => 1,
            Problem::UnknownCode => 4,
            Problem::Field(f, _) => match f {
                Fault::Id => 2,
                Fault::SqlDate => 3,
                Fault::EventCode => 4,
                Fault::QuadClass => 5,
                Fault::Goldstein | Fault::GoldsteinRange => 6,
                Fault::DateAdded => 7,
                Fault::Country(_) => 8,
            },
        }
    }

    /// Plural names of the kinds, in `kind()` order, for summaries.
    pub const KINDS: [&'static str; 9] = [
        "wrong column count",
        "other layout than the first row's",
        "bad GLOBALEVENTID",
        "bad SQLDATE",
        "bad EventCode",
        "bad QuadClass",
        "bad GoldsteinScale",
        "bad DATEADDED",
        "bad country code",
    ];

    /// The column whose text explains the problem, if one does.
    pub fn column(self) -> Option<usize> {
        match self {
            Problem::Columns(_) | Problem::Layout(_) => None,
            Problem::Field(_, k) => Some(k),
            Problem::UnknownCode => Some(gdelt::EVENT_CODE),
        }
    }
}

/// A field at fault and its 1-based column, in words.
struct FieldFault(Fault, usize);

impl fmt::Display for FieldFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let FieldFault(fault, col) = *self;
        match fault {
            Fault::Id => write!(f, "GLOBALEVENTID (column {col}) is not a number"),
            Fault::SqlDate => write!(f, "SQLDATE (column {col}) is not a date YYYYMMDD"),
            Fault::EventCode => write!(
                f,
                "EventCode (column {col}) is not a CAMEO code (2 to 4 digits)"
            ),
            Fault::QuadClass => write!(f, "QuadClass (column {col}) is not 1, 2, 3 or 4"),
            Fault::Goldstein => write!(f, "GoldsteinScale (column {col}) is not a number"),
            Fault::GoldsteinRange => {
                write!(f, "GoldsteinScale (column {col}) is outside -10..10")
            }
            Fault::DateAdded => {
                write!(f, "DATEADDED (column {col}) is not a date YYYYMMDD[HHMMSS]")
            }
            Fault::Country(side) => write!(
                f,
                "Actor{side}CountryCode (column {col}) is not a 3-letter CAMEO country code"
            ),
        }
    }
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Line {
    /// A header line: not a row.
    Header,
    Outside,
    Hit(Hit),
    Bad(Problem),
}

/// Classifies one line (without its `\n` and `\r`). `first_v2` is whether the input's first
/// row read without fault was GDELT 2.0 (`None` before it): a row of the other layout is bad. A
/// dyad line whose EventCode is not in `codes` is bad, as `dyad import` refuses it.
#[inline]
pub fn classify(line: &[u8], dyad: &DyadCodes, codes: &CodeTable, first_v2: Option<bool>) -> Line {
    let mut cols = match gdelt::shape(line, first_v2) {
        Ok(Shape::Row(c)) => c,
        Ok(Shape::Header) => return Line::Header,
        Err(ShapeError::Columns(n)) => return Line::Bad(Problem::Columns(n)),
        Err(e) => return Line::Bad(Problem::Layout(e)),
    };
    let actor1 = cols.get(ACTOR1_COUNTRY);
    let (direction, other) = if actor1 == dyad.a {
        (0, &dyad.b)
    } else if actor1 == dyad.b {
        (1, &dyad.a)
    } else {
        return Line::Outside;
    };
    if cols.get(ACTOR2_COUNTRY) != other {
        return Line::Outside;
    }
    let f = match gdelt::read(&mut cols) {
        Ok(f) => f,
        Err(fault) => return Line::Bad(Problem::Field(fault, fault.column(cols.layout()))),
    };
    if codes.get(f.cameo.as_str()).is_none() {
        return Line::Bad(Problem::UnknownCode);
    }
    let id = std::str::from_utf8(cols.get(gdelt::GLOBALEVENTID))
        .ok()
        .and_then(|s| s.parse::<u64>().ok());
    Line::Hit(Hit {
        // SQLDATE is a day, so it has a month.
        month: f.date.y() * 12 + i32::from(f.date.m().unwrap_or(1)) - 1,
        direction,
        quad: f.quad_class,
        goldstein: f.goldstein,
        id,
    })
}

/// Column `k` of a line of a GDELT column count (for messages; slow path).
pub fn column(line: &[u8], k: usize) -> &[u8] {
    Columns::new(line).map_or(&[][..], |mut c| c.get(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gdelt::{GOLDSTEIN, QUAD_CLASS, SQLDATE};

    fn line(cols: usize, set: &[(usize, &str)]) -> Vec<u8> {
        let mut f: Vec<String> = vec![String::new(); cols];
        f[0] = "1".into();
        f[SQLDATE] = "20150218".into();
        f[gdelt::EVENT_CODE] = "030".into();
        f[QUAD_CLASS] = "1".into();
        f[GOLDSTEIN] = "2.8".into();
        for (k, v) in set {
            f[*k] = v.to_string();
        }
        f.join("\t").into_bytes()
    }

    fn codes() -> CodeTable {
        CodeTable::parse(
            "dictionaries/cameo.tsv",
            include_str!("../../../../dictionaries/cameo.tsv"),
        )
        .unwrap()
    }

    const D: DyadCodes = DyadCodes {
        a: *b"USA",
        b: *b"RUS",
    };

    fn hit(l: &[u8]) -> Hit {
        match classify(l, &D, &codes(), None) {
            Line::Hit(h) => h,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn dyad_lines_in_all_three_formats() {
        for cols in gdelt::Layout::COLUMN_COUNTS {
            let l = line(cols, &[(ACTOR1_COUNTRY, "RUS"), (ACTOR2_COUNTRY, "USA")]);
            let h = hit(&l);
            assert_eq!(
                (h.month, h.direction, h.quad, h.id),
                (2015 * 12 + 1, 1, 1, Some(1)),
                "{cols} columns"
            );
            assert_eq!(h.goldstein.micros(), Some(2_800_000));
        }
        let l = line(61, &[(ACTOR1_COUNTRY, "USA"), (ACTOR2_COUNTRY, "CHN")]);
        assert_eq!(classify(&l, &D, &codes(), None), Line::Outside);
        let l = line(61, &[(ACTOR1_COUNTRY, "USA"), (ACTOR2_COUNTRY, "USA")]);
        assert_eq!(classify(&l, &D, &codes(), None), Line::Outside);
        let l = line(58, &[(ACTOR1_COUNTRY, "USA"), (ACTOR2_COUNTRY, "RUS")]);
        assert_eq!(hit(&l).direction, 0);
        // Invalid UTF-8 in a field not read is no problem.
        let l = line(
            61,
            &[
                (6, "MOSC\u{FFFD}W"),
                (ACTOR1_COUNTRY, "RUS"),
                (ACTOR2_COUNTRY, "USA"),
            ],
        );
        let l: Vec<u8> = String::from_utf8(l)
            .unwrap()
            .replace('\u{FFFD}', "\u{1}")
            .bytes()
            .map(|b| if b == 1 { 0xFF } else { b })
            .collect();
        assert!(std::str::from_utf8(&l).is_err());
        assert_eq!(hit(&l).direction, 1);
    }

    #[test]
    fn bad_lines_say_why() {
        let both = [(ACTOR1_COUNTRY, "USA"), (ACTOR2_COUNTRY, "RUS")];
        assert_eq!(
            classify(&line(59, &both), &D, &codes(), None),
            Line::Bad(Problem::Columns(59))
        );
        // Shape is checked outside the dyad too; fields only inside it.
        assert_eq!(
            classify(&line(60, &[]), &D, &codes(), None),
            Line::Bad(Problem::Columns(60))
        );
        assert_eq!(
            classify(&line(61, &[(SQLDATE, "2015021")]), &D, &codes(), None),
            Line::Outside
        );
        for (k, v, fault, msg) in [
            (
                SQLDATE,
                "20150230",
                Fault::SqlDate,
                "SQLDATE (column 2) is not a date YYYYMMDD",
            ),
            (SQLDATE, "2015-02-", Fault::SqlDate, ""),
            (
                QUAD_CLASS,
                "5",
                Fault::QuadClass,
                "QuadClass (column 30) is not 1, 2, 3 or 4",
            ),
            (QUAD_CLASS, "", Fault::QuadClass, ""),
            (
                GOLDSTEIN,
                "",
                Fault::Goldstein,
                "GoldsteinScale (column 31) is not a number",
            ),
            (GOLDSTEIN, "NaN", Fault::Goldstein, ""),
            (GOLDSTEIN, "x1", Fault::Goldstein, ""),
            (
                GOLDSTEIN,
                "12.5",
                Fault::GoldsteinRange,
                "GoldsteinScale (column 31) is outside -10..10",
            ),
            // The fields `dyad import` checks are checked in the dyad's lines too.
            (
                0,
                "12x",
                Fault::Id,
                "GLOBALEVENTID (column 1) is not a number",
            ),
            (
                gdelt::EVENT_CODE,
                "03X",
                Fault::EventCode,
                "EventCode (column 27) is not a CAMEO code (2 to 4 digits)",
            ),
            (
                59,
                "2015021",
                Fault::DateAdded,
                "DATEADDED (column 60) is not a date YYYYMMDD[HHMMSS]",
            ),
        ] {
            let mut set = both.to_vec();
            set.push((k, v));
            let p = Problem::Field(fault, k);
            assert_eq!(
                classify(&line(61, &set), &D, &codes(), None),
                Line::Bad(p),
                "{v}"
            );
            assert_eq!(p.column(), Some(k));
            assert_eq!(column(&line(61, &set), k), v.as_bytes());
            if !msg.is_empty() {
                assert_eq!(p.to_string(), msg);
            }
        }
        let mut set = both.to_vec();
        set.push((gdelt::EVENT_CODE, "999"));
        assert_eq!(
            classify(&line(61, &set), &D, &codes(), None),
            Line::Bad(Problem::UnknownCode)
        );
        assert_eq!(
            Problem::UnknownCode.to_string(),
            "EventCode (column 27) is not in the CAMEO code table (dictionaries/cameo.tsv)"
        );
        assert_eq!(Problem::KINDS[Problem::UnknownCode.kind()], "bad EventCode");
        let mut set = both.to_vec();
        set.push((SQLDATE, "20160229"));
        assert!(matches!(
            classify(&line(61, &set), &D, &codes(), None),
            Line::Hit(_)
        ));
        // Each kind is counted under its name.
        assert_eq!(
            Problem::KINDS[Problem::Columns(1).kind()],
            "wrong column count"
        );
        assert_eq!(
            Problem::KINDS[Problem::Field(Fault::GoldsteinRange, GOLDSTEIN).kind()],
            "bad GoldsteinScale"
        );
    }

    #[test]
    fn rows_are_held_to_the_first_rows_layout_as_dyad_import_holds_them() {
        let both = [(ACTOR1_COUNTRY, "USA"), (ACTOR2_COUNTRY, "RUS")];
        let l58 = line(58, &both);
        assert!(matches!(classify(&l58, &D, &codes(), None), Line::Hit(_)));
        assert!(matches!(
            classify(&l58, &D, &codes(), Some(false)),
            Line::Hit(_)
        ));
        let cut = |columns, first_v2| {
            Line::Bad(Problem::Layout(ShapeError::Layout { columns, first_v2 }))
        };
        assert_eq!(classify(&l58, &D, &codes(), Some(true)), cut(58, true));
        // Outside the dyad too, as the column count is checked on every line.
        assert_eq!(
            classify(&line(57, &[]), &D, &codes(), Some(true)),
            cut(57, true)
        );
        assert_eq!(
            classify(&line(61, &[]), &D, &codes(), Some(false)),
            cut(61, false)
        );
        let p = Problem::Layout(ShapeError::Layout {
            columns: 58,
            first_v2: true,
        });
        assert_eq!(
            p.to_string(),
            "58 columns, but the file's first row had 61 (GDELT 2.0): a row cut short or from another file"
        );
        assert_eq!(
            Problem::KINDS[p.kind()],
            "other layout than the first row's"
        );
        // A header is not a row, but a header of the other layout is (as `dyad import` reads it).
        let header = line(58, &[(0, "GLOBALEVENTID")]);
        assert_eq!(classify(&header, &D, &codes(), None), Line::Header);
        assert_eq!(classify(&header, &D, &codes(), Some(false)), Line::Header);
        assert_eq!(classify(&header, &D, &codes(), Some(true)), cut(58, true));
        assert_eq!(
            classify(b"globaleventid\tsqldate", &D, &codes(), Some(true)),
            Line::Header
        );
    }
}
