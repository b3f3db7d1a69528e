//! How other datasets' rows become dyad events: streaming, validating parsers for GDELT (1.0
//! backfiles with 57 columns, 1.0 daily files with 58, 2.0 exports with 61), ICEWS (20 columns)
//! and POLECAT (40 columns, with its known malformed files repaired where that is safe).
//!
//! One stage, one contract: a line of bytes → [`Row`] (an event, a skipped row with its reason,
//! or a header) or a [`RowError`] that names the file, the line and what is wrong. No I/O: the
//! caller hands in lines ([`Lines`] reads them from any `BufRead` with one reused buffer) and
//! stores the records. Fields are borrowed from the line (no allocation per field). The GDELT
//! row reader, [`gdelt`], is public: [`scan`], the flow measures of a dyad straight from GDELT
//! files (`dyad scan gdelt`), reads rows with it too, without building records.
//!
//! What each dataset gives dyad:
//!
//! | | GDELT | ICEWS | POLECAT |
//! |---|---|---|---|
//! | native id | GLOBALEVENTID | Event ID + `:` + Event Date (Event ID alone is not unique) | Event ID |
//! | date | SQLDATE (when it happened; not DATEADDED, kept as `reported`) | Event Date | Event Date (Publication Date → `reported`) |
//! | actors | Actor1/2CountryCode (CAMEO codes, non-ISO ones mapped by `cameo-countries.tsv`), role Actor1/2Type1Code | Source/Target Country names → ISO3 at the event date (`icews-countries.tsv`), role from the sectors (`icews-sectors.tsv`) | Actor/Recipient Country, role Primary Actor/Recipient Sector |
//! | code | EventCode as given | CAMEO Code, leading zero restored (`40` → `040`) | PLOVER type → representative CAMEO root (`plover-to-cameo.tsv`); PLOVER type and mode kept |
//! | Goldstein | GoldsteinScale as given | Intensity as given | the PLOVER manual's score of the type |
//! | QuadClass | QuadClass as given (not derived) | from the code by `dictionaries/cameo.tsv` | Quad Code when it holds one, else the type's quad |
//!
//! Rows without a state on both sides (an empty country, a region, a name the table lacks) and
//! rows with the same state on both sides are skipped with a [`Skip`] reason, never silently.
//!
//! ```
//! use dyad_import::{Dataset, Parser, Row, Tables};
//! // A few rows of dictionaries/cameo.tsv: the roots PLOVER types map to, and 040.
//! let mut table = String::from("040\t1.0\t1\tCONSULT\t\tConsult\n");
//! for root in ["03", "04", "05", "06", "07", "08", "10", "11", "12", "13", "14", "15", "16", "17", "18"] {
//!     table.push_str(&format!("{root}\t0.0\t1\t\t\troot\n"));
//! }
//! let codes = dyad_model::CodeTable::parse("cameo.tsv", &table).unwrap();
//! let tables = Tables::builtin(&codes).unwrap();
//! let mut p = Parser::new(Dataset::Icews, &tables, &codes, "events.tab");
//! let line = "1\t2018-06-01\tA\tGovernment\tUnited States\tConsult\t40\t1\tB\tMilitary\tRussian Federation\t9\t1\tP\tNA\tNA\tNA\tNA\tNA\tNA";
//! match p.parse(2, line.as_bytes()).unwrap() {
//!     Row::Event(e) => {
//!         assert_eq!((e.source.country, e.target.country, e.cameo.as_str()), ("USA", "RUS", "040"));
//!         assert_eq!((e.source.role, e.target.role, e.quad_class), ("GOV", "MIL", 1));
//!     }
//!     _ => unreachable!(),
//! }
//! let e = p.parse(3, b"1\t2018-06-31\tA").unwrap_err();
//! assert_eq!(e.to_string(), "events.tab:3: expected 20 tab-separated columns (ICEWS), found 3");
//! ```

pub mod compressed;
mod fields;
pub mod files;
pub mod gdelt;
mod icews;
mod polecat;
pub mod scan;
mod tables;

pub use tables::{PloverType, TableError, Tables};

use dyad_model::{CodeTable, EventDate};
use std::fmt;
use std::io::BufRead;

/// The datasets dyad imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dataset {
    Gdelt,
    Icews,
    Polecat,
}

impl Dataset {
    pub const ALL: [Dataset; 3] = [Dataset::Gdelt, Dataset::Icews, Dataset::Polecat];

    /// The name stored in the `dataset` column: `gdelt`, `icews`, `polecat`.
    pub fn as_str(self) -> &'static str {
        match self {
            Dataset::Gdelt => "gdelt",
            Dataset::Icews => "icews",
            Dataset::Polecat => "polecat",
        }
    }

    pub fn parse(s: &str) -> Option<Dataset> {
        Dataset::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

impl fmt::Display for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A CAMEO code of 2 to 4 digits, kept inline (no allocation), leading zeros preserved.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Code {
    buf: [u8; 4],
    len: u8,
}

impl Code {
    /// `Some` when `s` is 2 to 4 ASCII digits.
    pub fn new(s: &str) -> Option<Code> {
        let b = s.as_bytes();
        if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut buf = [0u8; 4];
        buf[..b.len()].copy_from_slice(b);
        Some(Code {
            buf,
            len: b.len() as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or("")
    }

    /// The two-digit root (`0834` → `08`).
    pub fn root(&self) -> &str {
        &self.as_str()[..2]
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({})", self.as_str())
    }
}

/// One side of an imported event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor<'a> {
    /// ISO 3166-1 alpha-3 of the state.
    pub country: &'a str,
    /// CAMEO role code (GOV, MIL…), empty when the dataset gives none.
    pub role: &'a str,
    /// The actor as the dataset names it (Actor1Name, Source Name, Actor Name).
    pub name: &'a str,
}

/// An event read from a dataset's row, borrowing its text from the line.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<'a> {
    /// The dataset's own id of the event.
    pub native_id: &'a str,
    /// Appended to `native_id` with `:` to make the key unique (ICEWS: the Event Date).
    pub key_suffix: &'a str,
    /// When the event happened.
    pub date: EventDate,
    /// When the dataset learnt of it (GDELT DATEADDED, POLECAT Publication Date).
    pub reported: Option<EventDate>,
    pub source: Actor<'a>,
    pub target: Actor<'a>,
    pub cameo: Code,
    pub quad_class: u8,
    pub goldstein: f64,
    /// PLOVER type and mode (POLECAT), empty otherwise.
    pub plover: &'a str,
    pub plover_mode: &'a str,
}

impl Record<'_> {
    /// Writes the unique key (`native_id`, or `native_id:key_suffix`) into `buf`.
    pub fn key_into(&self, buf: &mut String) {
        buf.clear();
        buf.push_str(self.native_id);
        if !self.key_suffix.is_empty() {
            buf.push(':');
            buf.push_str(self.key_suffix);
        }
    }
}

/// Why a well-formed row gives no event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip<'a> {
    /// A side has no country (empty, `NA`, `None`): not an event between states.
    NoStateActor,
    /// A side names a region or another place that is not a state (CAMEO `EUR`, `AFR`…).
    NotAState(&'a str),
    /// A country name missing from the table (`icews-countries.tsv`): extend the table.
    UnknownCountry(&'a str),
    /// A side names several countries (POLECAT compound actors).
    SeveralCountries,
    /// The same state on both sides: domestic, not bilateral.
    SameState,
}

impl Skip<'_> {
    /// A short stable name, for counts.
    pub fn kind(&self) -> &'static str {
        match self {
            Skip::NoStateActor => "no_state_actor",
            Skip::NotAState(_) => "not_a_state",
            Skip::UnknownCountry(_) => "unknown_country",
            Skip::SeveralCountries => "several_countries",
            Skip::SameState => "same_state",
        }
    }
}

/// What one line is.
#[derive(Debug, Clone, PartialEq)]
pub enum Row<'a> {
    Event(Record<'a>),
    Skipped(Skip<'a>),
    /// A header line (recognised by its first column name).
    Header,
    /// An empty line.
    Blank,
}

/// A line that cannot be read as a row of its dataset: the file, the line, what is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {msg}")]
pub struct RowError {
    pub file: String,
    pub line: u64,
    pub msg: String,
}

/// Repairs made to malformed input, counted per file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repairs {
    /// POLECAT: a header with the stray `Headline` name, read with the documented 40 columns.
    pub headline_header: bool,
    /// POLECAT: rows with excess empty tab columns, trimmed.
    pub excess_empty_columns: u64,
}

/// Parses the lines of one file of one dataset.
pub struct Parser<'t> {
    dataset: Dataset,
    tables: &'t Tables,
    codes: &'t CodeTable,
    file: String,
    polecat: polecat::Layout,
    repairs: Repairs,
    /// GDELT: whether the file's first row read had the 61 columns of GDELT 2.0; a 2.0 file's
    /// row cut to 57 or 58 columns would otherwise be read, wrongly, in the 1.0 layout.
    gdelt_v2: Option<bool>,
}

impl<'t> Parser<'t> {
    /// A parser for `file` (the name used in errors) of `dataset`.
    pub fn new(dataset: Dataset, tables: &'t Tables, codes: &'t CodeTable, file: &str) -> Self {
        Parser {
            dataset,
            tables,
            codes,
            file: file.to_string(),
            polecat: polecat::Layout::standard(),
            repairs: Repairs::default(),
            gdelt_v2: None,
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    /// Repairs made so far.
    pub fn repairs(&self) -> Repairs {
        self.repairs
    }

    /// Reads line `line_no` (1-based) of the file; `line` has no line terminator (a trailing
    /// `\r` is ignored).
    pub fn parse<'a>(&mut self, line_no: u64, line: &'a [u8]) -> Result<Row<'a>, RowError>
    where
        't: 'a,
    {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // A UTF-8 byte-order mark before the first line is not part of its first column.
        let line = match line_no {
            1 => line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line),
            _ => line,
        };
        if line.is_empty() {
            return Ok(Row::Blank);
        }
        let text = std::str::from_utf8(line).map_err(|e| {
            let col = line[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\t')
                .count()
                + 1;
            self.error(
                line_no,
                format!(
                    "invalid UTF-8 at byte {} (column {col}); the file must be UTF-8",
                    e.valid_up_to() + 1
                ),
            )
        })?;
        let tables: &'t Tables = self.tables;
        let codes: &'t CodeTable = self.codes;
        let res = match self.dataset {
            Dataset::Gdelt => gdelt::parse(text, tables, &mut self.gdelt_v2),
            Dataset::Icews => icews::parse(text, tables, codes),
            Dataset::Polecat => polecat::parse(text, &mut self.polecat, &mut self.repairs, tables),
        };
        // Every stored code must mean something: a well-formed code missing from the CAMEO
        // table (`999`, `0000`) is a bad row, not an event with an unknown meaning.
        let res = res.and_then(|row| match &row {
            Row::Event(r) if codes.get(r.cameo.as_str()).is_none() => Err(format!(
                "CAMEO code `{}` is not in the code table (dictionaries/cameo.tsv)",
                r.cameo.as_str()
            )),
            _ => Ok(row),
        });
        res.map_err(|msg| self.error(line_no, msg))
    }

    fn error(&self, line: u64, msg: String) -> RowError {
        RowError {
            file: self.file.clone(),
            line,
            msg,
        }
    }
}

/// A read error (a damaged compressed stream) at line `line`.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {source}")]
pub struct ReadError {
    pub line: u64,
    pub source: std::io::Error,
}

/// The longest line [`Lines`] reads (real rows are a few kilobytes).
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// Lines of a reader, one reused buffer, numbered from 1. A read error (a damaged gzip
/// stream) is returned with the number of the line being read.
pub struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    line: u64,
    bytes: u64,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Self {
        Lines {
            reader,
            buf: Vec::with_capacity(4096),
            line: 0,
            bytes: 0,
        }
    }

    /// The next line without its `\n`, or `None` at the end. A line longer than
    /// [`MAX_LINE_BYTES`] is a [`ReadError`] (no dataset has such lines; a file that does is not
    /// one of them), so memory stays bounded whatever the input.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<Result<(u64, &[u8]), ReadError>> {
        self.buf.clear();
        self.line += 1;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Some(Err(ReadError {
                        line: self.line,
                        source,
                    }))
                }
            };
            if available.is_empty() {
                break;
            }
            let (used, done) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            if self.buf.len() + used > MAX_LINE_BYTES + 1 {
                return Some(Err(ReadError {
                    line: self.line,
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!(
                            "a line longer than {} MiB (not a GDELT, ICEWS or POLECAT file?)",
                            MAX_LINE_BYTES >> 20
                        ),
                    ),
                }));
            }
            self.buf.extend_from_slice(&available[..used]);
            self.reader.consume(used);
            self.bytes += used as u64;
            if done {
                break;
            }
        }
        if self.buf.is_empty() {
            return None;
        }
        let line = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
        Some(Ok((self.line, line)))
    }

    /// Bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    #[test]
    fn lines_are_bounded() {
        let mut text = b"a\tb\nc\r\n".to_vec();
        text.extend_from_slice(&vec![b'x'; MAX_LINE_BYTES + 10]);
        text.extend_from_slice(b"\nlast");
        let mut lines = Lines::new(BufReader::with_capacity(1000, &text[..]));
        assert_eq!(lines.next().unwrap().unwrap(), (1, &b"a\tb"[..]));
        assert_eq!(lines.next().unwrap().unwrap(), (2, &b"c\r"[..]));
        let e = lines.next().unwrap().unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().contains("longer than 1 MiB"), "{e}");
        // A last line without a newline is read; the end is the end.
        let mut lines = Lines::new(BufReader::with_capacity(3, &b"one\ntwo"[..]));
        assert_eq!(lines.next().unwrap().unwrap(), (1, &b"one"[..]));
        assert_eq!(lines.next().unwrap().unwrap(), (2, &b"two"[..]));
        assert!(lines.next().is_none());
    }
}
