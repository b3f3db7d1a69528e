//! GDELT event rows, the one reader behind `dyad import gdelt` and `dyad scan gdelt`: 1.0
//! backfiles (57 columns, to March 2013), 1.0 daily files (58, with SOURCEURL) and 2.0 exports
//! (61, with the three `*Geo_ADM2Code` columns). The three may be mixed in one file; each row is
//! read by its own column count ([`Layout`]). The columns dyad reads sit at the same positions
//! in all three, except DATEADDED.
//!
//! Two levels, both reading the row's bytes in place without allocating:
//! - [`Columns`]: a row's layout, from its column count, and its columns, found lazily: a scan
//!   that wants only the two country codes of most rows finds the first 18 tabs of those rows.
//! - [`read`]: every field dyad uses, checked in one order — GLOBALEVENTID, SQLDATE, EventCode,
//!   QuadClass, GoldsteinScale, DATEADDED, the two country codes — into [`Fields`], or the first
//!   [`Fault`].
//!
//! The importer adds what needs the dictionaries (country codes → states, the CAMEO code table)
//! and the file's layout (after a 2.0 row, a row of 57 or 58 columns is a row cut short); the
//! scan adds its test of the dyad's two codes.
//!
//! ```
//! use dyad_import::gdelt::{self, Columns, Layout};
//! let mut row = vec![""; 61];
//! (row[0], row[1], row[7], row[17]) = ("410414013", "20150218", "RUS", "USA");
//! (row[26], row[29], row[30], row[59]) = ("030", "1", "4.0", "20150218230000");
//! let line = row.join("\t");
//! let mut cols = Columns::new(line.as_bytes()).unwrap();
//! assert_eq!(cols.layout(), Layout::V2);
//! assert_eq!(cols.get(gdelt::ACTOR1_COUNTRY), b"RUS");
//! let f = gdelt::read(&mut cols).unwrap();
//! assert_eq!((f.date.to_string(), f.quad_class, f.goldstein.value()), ("2015-02-18".into(), 1, 4.0));
//! assert_eq!(Columns::new(b"1\t2\t3").unwrap_err(), 3);
//! ```

use crate::fields::show;
use crate::{Actor, Code, Record, Row, Skip, Tables};
use dyad_model::EventDate;
use std::ops::Range;

/// 0-based columns read, at the same positions in the three layouts.
pub const GLOBALEVENTID: usize = 0;
pub const SQLDATE: usize = 1;
pub const ACTOR1_NAME: usize = 6;
pub const ACTOR1_COUNTRY: usize = 7;
pub const ACTOR1_TYPE1: usize = 12;
pub const ACTOR2_NAME: usize = 16;
pub const ACTOR2_COUNTRY: usize = 17;
pub const ACTOR2_TYPE1: usize = 22;
pub const EVENT_CODE: usize = 26;
pub const QUAD_CLASS: usize = 29;
pub const GOLDSTEIN: usize = 30;

/// The three GDELT event layouts, told apart by their column count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// GDELT 1.0 backfile (1979 – March 2013): 57 columns.
    Backfile,
    /// GDELT 1.0 daily file (from April 2013): 58 columns, the last SOURCEURL.
    Daily,
    /// GDELT 2.0 export: 61 columns (with the three `*Geo_ADM2Code`).
    V2,
}

impl Layout {
    /// Column counts of the three layouts.
    pub const COLUMN_COUNTS: [usize; 3] = [57, 58, 61];

    /// The layout of a row of `n` columns, if any has that many.
    pub fn from_columns(n: usize) -> Option<Layout> {
        match n {
            57 => Some(Layout::Backfile),
            58 => Some(Layout::Daily),
            61 => Some(Layout::V2),
            _ => None,
        }
    }

    pub fn columns(self) -> usize {
        match self {
            Layout::Backfile => 57,
            Layout::Daily => 58,
            Layout::V2 => 61,
        }
    }

    /// GDELT 2.0 (61 columns), not 1.0 (57 or 58).
    pub fn is_v2(self) -> bool {
        self == Layout::V2
    }

    /// The 0-based column of DATEADDED.
    pub fn date_added(self) -> usize {
        match self {
            Layout::Backfile | Layout::Daily => 56,
            Layout::V2 => 59,
        }
    }
}

/// `true` for a header line: its first column is `GLOBALEVENTID` (in any case).
pub fn is_header(line: &[u8]) -> bool {
    const NAME: &[u8] = b"GLOBALEVENTID";
    line.len() >= NAME.len()
        && line[..NAME.len()].eq_ignore_ascii_case(NAME)
        && matches!(line.get(NAME.len()), None | Some(b'\t'))
}

/// What a line is, from its columns alone: a header, or a row of a GDELT layout.
// Nearly every line is a `Row`: boxing its columns would allocate once per row for nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Shape<'a> {
    Header,
    Row(Columns<'a>),
}

/// Why a line is no GDELT row, from its columns alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeError {
    /// `n` columns: no layout has that many.
    Columns(usize),
    /// A layout other than the file's first row's: `columns` columns, but the first row was
    /// (`first_v2`) or was not GDELT 2.0. A 2.0 row cut to 57 or 58 columns would otherwise be
    /// read, wrongly, in the 1.0 layout.
    Layout { columns: usize, first_v2: bool },
}

impl std::error::Error for ShapeError {}

impl std::fmt::Display for ShapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            ShapeError::Columns(n) => write!(
                f,
                "expected 57, 58 or 61 tab-separated columns (GDELT 1.0 backfile, 1.0 daily, 2.0 export), found {n}"
            ),
            ShapeError::Layout { columns, first_v2 } => write!(
                f,
                "{columns} columns, but the file's first row had {} (GDELT {}): a row cut short or from another file",
                if first_v2 { "61" } else { "57 or 58" },
                if first_v2 { "2.0" } else { "1.0" }
            ),
        }
    }
}

/// The shape of a line (no line terminator), checked in this order: its column count (a line of
/// another count is a header if its first column says so, else an error), the layout of the
/// file's first row read ([`Fields`] without fault; `first_v2`, `None` before it), the header.
pub fn shape(line: &[u8], first_v2: Option<bool>) -> Result<Shape<'_>, ShapeError> {
    let cols = match Columns::new(line) {
        Ok(c) => c,
        Err(_) if is_header(line) => return Ok(Shape::Header),
        Err(n) => return Err(ShapeError::Columns(n)),
    };
    let columns = cols.layout().columns();
    match first_v2 {
        Some(first) if first != cols.layout().is_v2() => Err(ShapeError::Layout {
            columns,
            first_v2: first,
        }),
        _ if is_header(line) => Ok(Shape::Header),
        _ => Ok(Shape::Row(cols)),
    }
}

/// A row's columns (tab-separated, no line terminator), found as they are asked for.
#[derive(Debug, Clone)]
pub struct Columns<'a> {
    line: &'a [u8],
    layout: Layout,
    /// `ends[k]` is where column `k` ends, for the first `found` columns.
    ends: [usize; 61],
    found: usize,
}

impl<'a> Columns<'a> {
    /// The row's columns, or `Err(n)` when its `n` columns are no GDELT layout.
    pub fn new(line: &'a [u8]) -> Result<Columns<'a>, usize> {
        let n = memchr::memchr_iter(b'\t', line).count() + 1;
        let layout = Layout::from_columns(n).ok_or(n)?;
        Ok(Columns {
            line,
            layout,
            ends: [0; 61],
            found: 0,
        })
    }

    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The bytes of column `k` (0-based; empty past the last column).
    pub fn get(&mut self, k: usize) -> &'a [u8] {
        let r = self.range(k);
        &self.line[r]
    }

    /// Where column `k` is in the line (an empty range at the end past the last column). A row
    /// cut at tabs from valid UTF-8 is valid UTF-8 (the tab is ASCII), so the range slices the
    /// line's text as well as its bytes.
    pub fn range(&mut self, k: usize) -> Range<usize> {
        if k >= self.layout.columns() {
            return self.line.len()..self.line.len();
        }
        while self.found <= k {
            let start = self.start(self.found);
            self.ends[self.found] =
                memchr::memchr(b'\t', &self.line[start..]).map_or(self.line.len(), |i| start + i);
            self.found += 1;
        }
        self.start(k)..self.ends[k]
    }

    fn start(&self, k: usize) -> usize {
        match k {
            0 => 0,
            _ => self.ends[k - 1] + 1,
        }
    }
}

/// A GoldsteinScale value: a finite number in −10..10, and, when it is written as a short
/// decimal (`[+-]digits[.digits]`, at most 6 decimals and 15 digits in all: GDELT writes one
/// decimal), the same value exactly in millionths. Exact values add up to the same sum in any
/// order, which a scan split between threads needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Goldstein {
    value: f64,
    micros: Option<i64>,
}

impl Goldstein {
    /// The value as the standard parser reads the text.
    pub fn value(self) -> f64 {
        self.value
    }

    /// The value in millionths, exactly, when the text is a short decimal.
    pub fn micros(self) -> Option<i64> {
        self.micros
    }
}

/// What is wrong with a row of the right column count: the first field, in [`read`]'s order,
/// that is not what GDELT writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// GLOBALEVENTID is not a number.
    Id,
    /// SQLDATE is not a calendar date `YYYYMMDD`.
    SqlDate,
    /// EventCode is not 2 to 4 digits.
    EventCode,
    /// QuadClass is not 1, 2, 3 or 4.
    QuadClass,
    /// GoldsteinScale is not a finite number.
    Goldstein,
    /// GoldsteinScale is a number outside −10..10.
    GoldsteinRange,
    /// DATEADDED does not start with a date `YYYYMMDD`.
    DateAdded,
    /// Actor1CountryCode (`1`) or Actor2CountryCode (`2`) is neither empty nor three upper-case
    /// letters.
    Country(u8),
}

impl Fault {
    /// The 0-based column at fault, in a row of `layout`.
    pub fn column(self, layout: Layout) -> usize {
        match self {
            Fault::Id => GLOBALEVENTID,
            Fault::SqlDate => SQLDATE,
            Fault::EventCode => EVENT_CODE,
            Fault::QuadClass => QUAD_CLASS,
            Fault::Goldstein | Fault::GoldsteinRange => GOLDSTEIN,
            Fault::DateAdded => layout.date_added(),
            Fault::Country(1) => ACTOR1_COUNTRY,
            Fault::Country(_) => ACTOR2_COUNTRY,
        }
    }
}

/// The checked fields of a row; the texts (names, roles, the id) are in its [`Columns`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fields {
    /// SQLDATE: when the event happened.
    pub date: EventDate,
    /// DATEADDED's date, when it has one: when GDELT learnt of the event.
    pub reported: Option<EventDate>,
    pub cameo: Code,
    /// 1..=4.
    pub quad_class: u8,
    pub goldstein: Goldstein,
}

/// Checks every field dyad uses, in this order: GLOBALEVENTID (digits), SQLDATE (a calendar date
/// `YYYYMMDD`, year 1 or later), EventCode (2 to 4 digits), QuadClass (1 to 4), GoldsteinScale (a
/// finite number in −10..10, without spaces), DATEADDED (empty, or starting with a date), and
/// the two country codes (empty, or three upper-case letters). The first field at fault is the
/// error.
pub fn read(cols: &mut Columns<'_>) -> Result<Fields, Fault> {
    let id = cols.get(GLOBALEVENTID);
    if id.is_empty() || !id.iter().all(u8::is_ascii_digit) {
        return Err(Fault::Id);
    }
    let date = sqldate(cols.get(SQLDATE)).ok_or(Fault::SqlDate)?;
    let cameo = std::str::from_utf8(cols.get(EVENT_CODE))
        .ok()
        .and_then(Code::new)
        .ok_or(Fault::EventCode)?;
    let quad_class = quad_class(cols.get(QUAD_CLASS)).ok_or(Fault::QuadClass)?;
    let goldstein = goldstein(cols.get(GOLDSTEIN))?;
    let added = cols.get(cols.layout().date_added());
    let reported = added.get(..8).and_then(sqldate);
    if reported.is_none() && !added.is_empty() {
        return Err(Fault::DateAdded);
    }
    for (side, col) in [(1, ACTOR1_COUNTRY), (2, ACTOR2_COUNTRY)] {
        let c = cols.get(col);
        let code = c.len() == 3 && c.iter().all(u8::is_ascii_uppercase);
        if !(c.is_empty() || code) {
            return Err(Fault::Country(side));
        }
    }
    Ok(Fields {
        date,
        reported,
        cameo,
        quad_class,
        goldstein,
    })
}

/// A date `YYYYMMDD` (SQLDATE; DATEADDED's first 8 digits) on the calendar, year 1 or later.
pub fn sqldate(s: &[u8]) -> Option<EventDate> {
    if s.len() != 8 || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |r: Range<usize>| s[r].iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'));
    let (y, m, d) = (n(0..4) as i32, n(4..6) as u8, n(6..8) as u8);
    if y < 1 {
        return None;
    }
    EventDate::day(y, m, d).ok()
}

/// QuadClass: `1`, `2`, `3` or `4`.
pub fn quad_class(s: &[u8]) -> Option<u8> {
    match s {
        [q @ b'1'..=b'4'] => Some(q - b'0'),
        _ => None,
    }
}

/// GoldsteinScale: a finite number in −10..10, as the standard parser reads it (no spaces).
pub fn goldstein(s: &[u8]) -> Result<Goldstein, Fault> {
    let value = std::str::from_utf8(s)
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .ok_or(Fault::Goldstein)?;
    if !(-10.0..=10.0).contains(&value) {
        return Err(Fault::GoldsteinRange);
    }
    Ok(Goldstein {
        value,
        micros: micros(s),
    })
}

/// `[+-]digits[.digits]` with at most 6 decimals and 15 digits in all, in millionths; the value
/// is in −10..10 (checked before), so it cannot overflow.
fn micros(s: &[u8]) -> Option<i64> {
    let (neg, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = match memchr::memchr(b'.', body) {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, &body[..0]),
    };
    let digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    if int.len() + frac.len() == 0
        || int.len() + frac.len() > 15
        || frac.len() > 6
        || !digits(int)
        || !digits(frac)
    {
        return None;
    }
    let v = int
        .iter()
        .chain(frac)
        .fold(0i64, |v, &d| v * 10 + i64::from(d - b'0'))
        * 10i64.pow(6 - frac.len() as u32);
    Some(if neg { -v } else { v })
}

/// The import's words for a fault, naming the field and its text.
fn message(fault: Fault, text: &str) -> String {
    let t = show(text);
    match fault {
        Fault::Id => format!("GLOBALEVENTID `{t}` is not a number"),
        Fault::SqlDate => format!("SQLDATE `{t}` is not a calendar date (YYYYMMDD)"),
        Fault::EventCode => format!("EventCode `{t}` is not a CAMEO code (2 to 4 digits)"),
        Fault::QuadClass => format!("QuadClass `{t}` is not 1-4"),
        Fault::Goldstein | Fault::GoldsteinRange => {
            format!("GoldsteinScale `{t}` is not a number in -10..10")
        }
        Fault::DateAdded => format!("DATEADDED `{t}` is not a date (YYYYMMDD[HHMMSS])"),
        Fault::Country(side) => {
            format!("Actor{side}CountryCode `{t}` is not a 3-letter CAMEO country code")
        }
    }
}

/// Reads one row for the importer (`text` is the line, valid UTF-8). `first_v2` is whether the
/// file's first row read was GDELT 2.0 (see [`shape`]), set here by that row.
pub(crate) fn parse<'a>(
    text: &'a str,
    tables: &'a Tables,
    first_v2: &mut Option<bool>,
) -> Result<Row<'a>, String> {
    let mut cols = match shape(text.as_bytes(), *first_v2) {
        Ok(Shape::Row(c)) => c,
        Ok(Shape::Header) => return Ok(Row::Header),
        Err(e) => return Err(e.to_string()),
    };
    let v2 = cols.layout().is_v2();
    let f = match read(&mut cols) {
        Ok(f) => f,
        Err(fault) => {
            let r = cols.range(fault.column(cols.layout()));
            return Err(message(fault, &text[r]));
        }
    };
    first_v2.get_or_insert(v2);
    let mut s = |k: usize| &text[cols.range(k)];
    let (c1, c2) = (s(ACTOR1_COUNTRY), s(ACTOR2_COUNTRY));
    let state = |c: &'a str| match c {
        "" => Err(Skip::NoStateActor),
        c => tables.cameo_country(c).ok_or(Skip::NotAState(c)),
    };
    let (source, target) = match (state(c1), state(c2)) {
        (Ok(s), Ok(t)) => (s, t),
        (Err(skip), _) | (_, Err(skip)) => return Ok(Row::Skipped(skip)),
    };
    if source == target {
        return Ok(Row::Skipped(Skip::SameState));
    }
    Ok(Row::Event(Record {
        native_id: s(GLOBALEVENTID),
        key_suffix: "",
        date: f.date,
        reported: f.reported,
        source: Actor {
            country: source,
            role: s(ACTOR1_TYPE1),
            name: s(ACTOR1_NAME),
        },
        target: Actor {
            country: target,
            role: s(ACTOR2_TYPE1),
            name: s(ACTOR2_NAME),
        },
        cameo: f.cameo,
        quad_class: f.quad_class,
        goldstein: f.goldstein.value(),
        plover: "",
        plover_mode: "",
    }))
}

#[cfg(test)]
mod tests {
    use crate::{Dataset, Parser, Row, Skip, Tables};

    /// A 61-column 2.0 row from the first GDELT 2.0 export, with its actors changed.
    fn row61(c1: &str, c2: &str) -> String {
        let mut f = vec![""; 61];
        f[0] = "410414013";
        f[1] = "20150218";
        f[6] = "RUSSIA";
        f[7] = c1;
        f[12] = "GOV";
        f[16] = "UNITED STATES";
        f[17] = c2;
        f[26] = "030";
        f[29] = "1";
        f[30] = "4.0";
        f[59] = "20150218230000";
        f.join("\t")
    }

    fn codes() -> dyad_model::CodeTable {
        dyad_model::CodeTable::parse(
            "dictionaries/cameo.tsv",
            include_str!("../../../dictionaries/cameo.tsv"),
        )
        .unwrap()
    }

    #[test]
    fn reads_the_three_layouts_and_skips_with_reasons() {
        let codes = codes();
        let t = Tables::builtin(&codes).unwrap();
        let mut p = Parser::new(Dataset::Gdelt, &t, &codes, "g.CSV");
        let line = row61("RUS", "USA");
        match p.parse(1, line.as_bytes()).unwrap() {
            Row::Event(e) => {
                assert_eq!(e.native_id, "410414013");
                assert_eq!(e.date.to_string(), "2015-02-18");
                assert_eq!(e.reported.unwrap().to_string(), "2015-02-18");
                assert_eq!((e.source.country, e.source.role), ("RUS", "GOV"));
                assert_eq!((e.target.country, e.target.role), ("USA", ""));
                assert_eq!(
                    (e.cameo.as_str(), e.quad_class, e.goldstein),
                    ("030", 1, 4.0)
                );
            }
            other => panic!("{other:?}"),
        }
        // The 58- and 57-column layouts: drop the ADM2 columns (and SOURCEURL). A GDELT 1.0 file
        // (a new parser: after a 2.0 row, 57 or 58 columns are a damaged row, tested below).
        let mut p = Parser::new(Dataset::Gdelt, &t, &codes, "g1.CSV");
        let full = row61("ROM", "USA");
        let mut f: Vec<&str> = full.split('\t').collect();
        for i in [55, 47, 39] {
            f.remove(i);
        }
        *f.last_mut().unwrap() = "http://x";
        assert_eq!(f.len(), 58);
        let l58 = f.join("\t");
        match p.parse(2, l58.as_bytes()).unwrap() {
            Row::Event(e) => assert_eq!(e.source.country, "ROU"),
            other => panic!("{other:?}"),
        }
        f.pop();
        assert!(matches!(
            p.parse(3, f.join("\t").as_bytes()).unwrap(),
            Row::Event(_)
        ));
        let skip = |c1: &str, c2: &str| match Parser::new(Dataset::Gdelt, &t, &codes, "g")
            .parse(1, row61(c1, c2).as_bytes())
            .unwrap()
        {
            Row::Skipped(s) => s.kind(),
            other => panic!("{other:?}"),
        };
        assert_eq!(skip("", "USA"), Skip::NoStateActor.kind());
        assert_eq!(skip("EUR", "USA"), "not_a_state");
        assert_eq!(skip("USA", "USA"), "same_state");
    }

    #[test]
    fn rejects_malformed_rows_naming_file_and_line() {
        let codes = codes();
        let t = Tables::builtin(&codes).unwrap();
        let mut p = Parser::new(Dataset::Gdelt, &t, &codes, "g.CSV");
        let e = p.parse(7, b"1\t2\t3").unwrap_err();
        assert_eq!(e.line, 7);
        assert!(
            e.to_string().starts_with("g.CSV:7: expected 57, 58 or 61"),
            "{e}"
        );
        let bad = row61("RUS", "USA").replace("20150218\t", "20150231\t");
        let e = p.parse(8, bad.as_bytes()).unwrap_err();
        assert!(e.msg.contains("SQLDATE `20150231`"), "{e}");
        let bad = row61("RUS", "USA").replace("\t030\t", "\t03X\t");
        assert!(p
            .parse(9, bad.as_bytes())
            .unwrap_err()
            .msg
            .contains("EventCode"));
        let mut bad = row61("RUS", "USA").into_bytes();
        bad[20] = 0xff;
        let e = p.parse(10, &bad).unwrap_err();
        assert!(e.msg.contains("invalid UTF-8"), "{e}");
        let bad = row61("rus", "USA");
        assert!(p
            .parse(11, bad.as_bytes())
            .unwrap_err()
            .msg
            .contains("Actor1CountryCode"));
        // A code missing from the CAMEO table is a bad row.
        let bad = row61("RUS", "USA").replace("\t030\t", "\t999\t");
        let e = p.parse(12, bad.as_bytes()).unwrap_err();
        assert!(e.msg.contains("CAMEO code `999`"), "{e}");
        // A byte-order mark before the first line is not part of GLOBALEVENTID.
        let mut p = Parser::new(Dataset::Gdelt, &t, &codes, "bom.CSV");
        let bom = format!("\u{feff}{}", row61("RUS", "USA"));
        assert!(matches!(p.parse(1, bom.as_bytes()).unwrap(), Row::Event(_)));
        // After a 61-column (GDELT 2.0) row, a row of 58 columns is not read as GDELT 1.0.
        let full = row61("RUS", "USA");
        let mut f: Vec<&str> = full.split('\t').collect();
        for i in [55, 47, 39] {
            f.remove(i);
        }
        let e = p.parse(2, f.join("\t").as_bytes()).unwrap_err();
        assert!(e.msg.contains("GDELT 2.0"), "{e}");
    }

    /// The shared reader's own contract, which `dyad scan gdelt` relies on without a parser.
    mod reader {
        use super::super::*;

        fn row(cols: usize, set: &[(usize, &str)]) -> String {
            let mut f = vec![""; cols];
            (f[0], f[SQLDATE], f[EVENT_CODE]) = ("1", "20150218", "030");
            (f[QUAD_CLASS], f[GOLDSTEIN]) = ("1", "2.8");
            for (k, v) in set {
                f[*k] = v;
            }
            f.join("\t")
        }

        #[test]
        fn columns_are_found_lazily_in_the_three_layouts() {
            for (n, layout) in [
                (57, Layout::Backfile),
                (58, Layout::Daily),
                (61, Layout::V2),
            ] {
                let line = row(n, &[(ACTOR1_COUNTRY, "RUS"), (n - 1, "last")]);
                let mut c = Columns::new(line.as_bytes()).unwrap();
                assert_eq!(c.layout(), layout);
                assert_eq!(Layout::from_columns(n), Some(layout));
                assert_eq!(c.get(ACTOR1_COUNTRY), b"RUS");
                assert_eq!(c.found, ACTOR1_COUNTRY + 1, "no further than asked");
                assert_eq!(c.get(n - 1), b"last");
                assert_eq!(c.get(0), b"1");
                assert_eq!(c.get(n), b"", "past the last column");
                assert_eq!(&line[c.range(SQLDATE)], "20150218");
            }
            for n in [1, 56, 59, 60, 62, 70] {
                assert_eq!(
                    Columns::new(row(n.max(31), &[]).as_bytes()).err(),
                    match n {
                        1 => Some(31),
                        _ => Some(n),
                    }
                );
            }
            assert_eq!(Layout::Daily.date_added(), 56);
            assert_eq!(Layout::V2.date_added(), 59);
        }

        #[test]
        fn shape_checks_the_count_then_the_files_layout_then_the_header() {
            let (r61, r58) = (row(61, &[]), row(58, &[]));
            assert!(matches!(shape(r61.as_bytes(), None), Ok(Shape::Row(_))));
            assert!(matches!(
                shape(r61.as_bytes(), Some(true)),
                Ok(Shape::Row(_))
            ));
            let layout = |columns, first_v2| Some(ShapeError::Layout { columns, first_v2 });
            assert_eq!(shape(r58.as_bytes(), Some(true)).err(), layout(58, true));
            assert_eq!(shape(r61.as_bytes(), Some(false)).err(), layout(61, false));
            assert_eq!(shape(b"1\t2", None).err(), Some(ShapeError::Columns(2)));
            assert!(matches!(
                shape(b"GLOBALEVENTID\tSQLDATE", Some(true)),
                Ok(Shape::Header)
            ));
            let h58 = row(58, &[(0, "GlobalEventID")]);
            assert!(matches!(
                shape(h58.as_bytes(), Some(false)),
                Ok(Shape::Header)
            ));
            assert_eq!(shape(h58.as_bytes(), Some(true)).err(), layout(58, true));
            assert_eq!(
                ShapeError::Columns(3).to_string(),
                "expected 57, 58 or 61 tab-separated columns (GDELT 1.0 backfile, 1.0 daily, 2.0 export), found 3"
            );
        }

        #[test]
        fn a_header_is_a_first_column_named_globaleventid() {
            assert!(is_header(b"GLOBALEVENTID\tSQLDATE"));
            assert!(is_header(b"GlobalEventID"));
            assert!(!is_header(b"GLOBALEVENTIDS\tSQLDATE"));
            assert!(!is_header(b"410414013\tGLOBALEVENTID"));
        }

        #[test]
        fn fields_are_checked_in_order_and_the_first_fault_named() {
            let ok = row(61, &[(ACTOR1_COUNTRY, "USA"), (59, "20150218230000")]);
            let f = read(&mut Columns::new(ok.as_bytes()).unwrap()).unwrap();
            assert_eq!(f.date.to_string(), "2015-02-18");
            assert_eq!(f.reported.unwrap().to_string(), "2015-02-18");
            assert_eq!((f.cameo.as_str(), f.quad_class), ("030", 1));
            assert_eq!(f.goldstein.micros(), Some(2_800_000));
            for (set, fault) in [
                (vec![(0, "12x")], Fault::Id),
                (vec![(0, "")], Fault::Id),
                (vec![(0, "x"), (SQLDATE, "x")], Fault::Id),
                (vec![(SQLDATE, "20150231")], Fault::SqlDate),
                (vec![(SQLDATE, "00000218")], Fault::SqlDate),
                (vec![(SQLDATE, "2015021")], Fault::SqlDate),
                (vec![(SQLDATE, "x"), (QUAD_CLASS, "x")], Fault::SqlDate),
                (vec![(EVENT_CODE, "03X")], Fault::EventCode),
                (vec![(QUAD_CLASS, "5")], Fault::QuadClass),
                (vec![(QUAD_CLASS, "")], Fault::QuadClass),
                (vec![(GOLDSTEIN, "NaN")], Fault::Goldstein),
                (vec![(GOLDSTEIN, " 2.8")], Fault::Goldstein),
                (vec![(GOLDSTEIN, "")], Fault::Goldstein),
                (vec![(GOLDSTEIN, "10.5")], Fault::GoldsteinRange),
                (vec![(GOLDSTEIN, "999999999999999")], Fault::GoldsteinRange),
                (vec![(59, "2015021")], Fault::DateAdded),
                (vec![(ACTOR1_COUNTRY, "rus")], Fault::Country(1)),
                (vec![(ACTOR2_COUNTRY, "US")], Fault::Country(2)),
            ] {
                let line = row(61, &set);
                let mut c = Columns::new(line.as_bytes()).unwrap();
                assert_eq!(read(&mut c), Err(fault), "{set:?}");
                let col = fault.column(Layout::V2);
                assert_eq!(
                    c.get(col),
                    set.iter().find(|s| s.0 == col).unwrap().1.as_bytes()
                );
            }
            // DATEADDED may be empty; in 1.0 it is column 57 and a bare date.
            let line = row(57, &[(56, "20130203")]);
            let f = read(&mut Columns::new(line.as_bytes()).unwrap()).unwrap();
            assert_eq!(f.reported.unwrap().to_string(), "2013-02-03");
            let line = row(58, &[]);
            assert_eq!(
                read(&mut Columns::new(line.as_bytes()).unwrap())
                    .unwrap()
                    .reported,
                None
            );
            assert_eq!(Fault::DateAdded.column(Layout::Backfile), 56);
        }

        #[test]
        fn dates_are_calendar_days() {
            assert_eq!(sqldate(b"20160229").unwrap().to_string(), "2016-02-29");
            assert_eq!(sqldate(b"00010101").unwrap().to_string(), "0001-01-01");
            for bad in [
                &b"19000229"[..],
                b"20151301",
                b"20150100",
                b"00000101",
                b"2015-02-",
                b"",
            ] {
                assert_eq!(sqldate(bad), None, "{}", String::from_utf8_lossy(bad));
            }
        }

        #[test]
        fn goldstein_is_exact_when_a_short_decimal() {
            for (s, v, m) in [
                ("2.8", 2.8, Some(2_800_000)),
                ("-10", -10.0, Some(-10_000_000)),
                ("+0.5", 0.5, Some(500_000)),
                (".5", 0.5, Some(500_000)),
                ("5.", 5.0, Some(5_000_000)),
                ("-5.8", -5.8, Some(-5_800_000)),
                ("1e1", 10.0, None),
                ("0.12345678", 0.12345678, None),
                ("0000000000000000009", 9.0, None),
            ] {
                let g = goldstein(s.as_bytes()).unwrap();
                assert_eq!((g.value(), g.micros()), (v, m), "{s}");
                // The exact value is the parsed one.
                if let Some(m) = m {
                    assert_eq!(m as f64 / 1e6, v, "{s}");
                }
            }
            // The sign of a negative zero survives in the value.
            assert!(goldstein(b"-0").unwrap().value().is_sign_negative());
            for s in ["", "-", ".", "inf", "NaN", "1,5", " 1", "1 ", "x1"] {
                assert_eq!(goldstein(s.as_bytes()), Err(Fault::Goldstein), "{s}");
            }
            for s in ["10.0000001", "-10.5", "11", "1e3"] {
                assert_eq!(goldstein(s.as_bytes()), Err(Fault::GoldsteinRange), "{s}");
            }
            assert_eq!(quad_class(b"4"), Some(4));
            assert_eq!(quad_class(b"0"), None);
            assert_eq!(quad_class(b"11"), None);
        }
    }
}
