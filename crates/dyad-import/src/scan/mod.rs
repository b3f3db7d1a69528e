//! The flow measures of one dyad, per month, from GDELT event files, without storing them:
//! what `dyad scan gdelt` computes, as pure functions over blocks of lines (no I/O, no threads;
//! the caller reads the inputs and may spread the blocks over threads).
//!
//! A reader cuts each input into [`Block`]s of whole lines, numbered in order per input. A
//! block is held to the layout (GDELT 1.0 or 2.0) of its input's first row read without fault,
//! as `dyad import` holds a file's rows to it: [`Block::new`] finds that row if an earlier block
//! did not. A [`Tally`] classifies the lines of the blocks it is given ([`classify`], which reads
//! rows with the one GDELT reader, [`crate::gdelt`]) and adds the dyad's rows into its per-month
//! [`Totals`]; problems are kept per block with block-local line numbers. [`Scan::assemble`]
//! merges the tallies and turns the line numbers into each input's own once every block's line
//! count is known, so the result is the same however the blocks were shared out.
//!
//! Each event is counted once, as `dyad import` stores it once: of the dyad rows that share a
//! GLOBALEVENTID, the first in the inputs' order (inputs as given, lines in order) is counted and
//! the others are left out and reported as duplicates of their inputs. The tallies of one scan
//! share a [`Seen`], which keeps each id's earliest row whichever thread met it first, so which
//! input keeps an event does not depend on the threads. Only the dyad's rows are remembered, so
//! memory grows with the dyad's events, not with the files.
//!
//! ```
//! use dyad_import::scan::{Block, DyadCodes, InputReport, Scan, Seen, Tally};
//! let mut row = vec![""; 61];
//! (row[0], row[1], row[7], row[17]) = ("410414013", "20150218", "RUS", "USA");
//! (row[26], row[29], row[30]) = ("030", "1", "4.0");
//! let text = format!("{}\n", row.join("\t"));
//! let codes = dyad_model::CodeTable::parse("cameo.tsv", "030\t4.0\t1\t\t\tConsult\n").unwrap();
//! let dyad = DyadCodes::new("USA", "RUS").unwrap();
//! let mut first_v2 = None;
//! let block = Block::new(0, 0, text.into_bytes(), &mut first_v2);
//! let mut tally = Tally::default();
//! let seen = Seen::default();
//! tally.add_block(&block, &dyad, &codes, &seen);
//! let input = InputReport { name: "x.CSV".into(), ..InputReport::default() };
//! let scan = Scan::assemble(vec![input], vec![tally], seen);
//! let feb = scan.months[&(2015 * 12 + 1)];
//! assert_eq!((feb[0].events, feb[1].events, feb[1].goldstein_sum()), (0, 1, 4.0));
//! assert_eq!((scan.inputs[0].lines, scan.inputs[0].dyad_rows), (1, 1));
//! ```

mod line;
pub mod run;

pub use line::{classify, column, DyadCodes, Hit, Line, Problem};

use crate::gdelt::{self, Goldstein, Shape};
use dyad_model::CodeTable;
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// How many problem lines are kept (and shown) per input.
pub const EXAMPLES: usize = 5;

/// Month index (`year * 12 + month - 1`) → totals per direction (`a→b`, `b→a`).
pub type Months = BTreeMap<i32, [Totals; 2]>;

/// Flow totals of one direction in one month.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Totals {
    pub events: u64,
    pub quad: [u64; 4],
    /// Exact part of the Goldstein sum, in millionths.
    pub goldstein_micros: i128,
    /// Goldstein values that were not short decimals (none in real GDELT files).
    pub goldstein_float: f64,
}

impl Totals {
    fn add_hit(&mut self, quad: u8, g: Goldstein) {
        self.events += 1;
        self.quad[usize::from(quad - 1)] += 1;
        match g.micros() {
            Some(m) => self.goldstein_micros += i128::from(m),
            None => self.goldstein_float += g.value(),
        }
    }

    pub fn add(&mut self, o: &Totals) {
        self.events += o.events;
        for (a, b) in self.quad.iter_mut().zip(o.quad) {
            *a += b;
        }
        self.goldstein_micros += o.goldstein_micros;
        self.goldstein_float += o.goldstein_float;
    }

    /// The Goldstein sum: the exact decimal sum rounded once to the nearest float.
    pub fn goldstein_sum(&self) -> f64 {
        self.goldstein_micros as f64 / 1e6 + self.goldstein_float
    }
}

/// One problem line, located.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// 1-based line number in its input.
    pub line: u64,
    pub problem: Problem,
    /// The offending field's text (lossy, shortened), when one column is at fault.
    pub field: Option<String>,
}

/// What happened to one input (a file, or one member of a zip archive). The reader fills
/// `name`, `bytes` and `error`; [`Scan::assemble`] the counts.
#[derive(Debug, Clone, Default)]
pub struct InputReport {
    /// `path` or `path.zip!member`.
    pub name: String,
    /// Bytes read (decompressed).
    pub bytes: u64,
    pub lines: u64,
    /// Lines that are events: not blank, not a header line.
    pub rows: u64,
    pub dyad_rows: u64,
    /// Dyad rows left out because their GLOBALEVENTID was already counted.
    pub duplicates: u64,
    /// Bad rows by kind, in `Problem::KINDS` order.
    pub bad: [u64; Problem::KINDS.len()],
    /// The first few bad rows.
    pub examples: Vec<Example>,
    /// The input could not be opened or read to its end (what was read is counted).
    pub error: Option<String>,
}

impl InputReport {
    pub fn bad_rows(&self) -> u64 {
        self.bad.iter().sum()
    }
}

/// The outcome of a scan.
#[derive(Debug, Default)]
pub struct Scan {
    pub months: Months,
    pub inputs: Vec<InputReport>,
}

impl Scan {
    /// The scan's outcome: the tallies' months added up, and each block's counts and problem
    /// lines added to its input's report (`inputs[block.input]`), in the order of the blocks
    /// in their input, the first [`EXAMPLES`] problems of each input kept with their line
    /// numbers in it; then each GLOBALEVENTID's earliest row (`seen`, shared by the tallies)
    /// is counted in its month and its input, and the others sharing the id are its inputs'
    /// duplicates.
    pub fn assemble(inputs: Vec<InputReport>, tallies: Vec<Tally>, seen: Seen) -> Scan {
        let mut scan = Scan {
            months: BTreeMap::new(),
            inputs,
        };
        let mut blocks: Vec<BlockReport> = Vec::new();
        for tally in tallies {
            for (m, t) in tally.months {
                let e = scan.months.entry(m).or_default();
                e[0].add(&t[0]);
                e[1].add(&t[1]);
            }
            blocks.extend(tally.blocks);
        }
        blocks.sort_by_key(|b| (b.input, b.seq));
        let mut line_base = vec![0u64; scan.inputs.len()];
        for b in blocks {
            let r = &mut scan.inputs[b.input];
            let base = line_base[b.input];
            for (line, problem, field) in b.examples {
                if r.examples.len() < EXAMPLES {
                    r.examples.push(Example {
                        line: base + line + 1,
                        problem,
                        field,
                    });
                }
            }
            line_base[b.input] += b.lines;
            r.lines += b.lines;
            r.rows += b.rows;
            r.dyad_rows += b.dyad_rows;
            r.duplicates += b.claimed;
            for (a, n) in r.bad.iter_mut().zip(b.bad) {
                *a += n;
            }
        }
        // Each claimed row was counted a duplicate above; the id's earliest row is not one.
        for claim in seen
            .0
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
            .into_values()
        {
            let h = claim.hit;
            scan.months.entry(h.month).or_default()[h.direction].add_hit(h.quad, h.goldstein);
            let r = &mut scan.inputs[claim.at.0];
            r.duplicates -= 1;
            r.dyad_rows += 1;
        }
        scan
    }
}

/// The dyad's rows with a GLOBALEVENTID met so far in one scan, shared by its tallies: for each
/// id, the earliest row in the inputs' order.
#[derive(Debug, Default)]
pub struct Seen(Mutex<HashMap<u64, Claim>>);

/// A row's place (input, block, line in the block) and what it counts.
#[derive(Debug, Clone, Copy)]
struct Claim {
    at: (usize, u64, u64),
    hit: Hit,
}

impl Seen {
    /// Keeps `claim` for `id` unless an earlier row has it.
    fn claim(&self, id: u64, claim: Claim) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(id)
            .and_modify(|c| {
                if claim.at < c.at {
                    *c = claim;
                }
            })
            .or_insert(claim);
    }
}

/// A block of whole lines from one input (the last block of an input may lack its final `\n`).
#[derive(Debug)]
pub struct Block {
    input: usize,
    seq: u64,
    buf: Vec<u8>,
    len: usize,
    /// Whether the input's first row read without fault is GDELT 2.0, and the block-local
    /// index of the first line held to that row's layout (`None` before that row is met).
    first_v2: Option<(bool, u64)>,
}

impl Block {
    /// Block `seq` (0, 1, … in the input's order) of input `input` (its index in the inputs
    /// given to [`Scan::assemble`]): the lines of `buf`. The block is held to the layout of the
    /// input's first row that reads without fault, as `dyad import` holds a file's rows to it:
    /// `first_v2` is the input's, found in an earlier block or searched for here (and then set),
    /// so the blocks of one input are made in order.
    pub fn new(input: usize, seq: u64, buf: Vec<u8>, first_v2: &mut Option<bool>) -> Block {
        let len = buf.len();
        Block::with_len(input, seq, buf, len, first_v2)
    }

    /// [`Block::new`] over the first `len` bytes of `buf` (a reused buffer).
    pub fn with_len(
        input: usize,
        seq: u64,
        buf: Vec<u8>,
        len: usize,
        first_v2: &mut Option<bool>,
    ) -> Block {
        let mut block = Block {
            input,
            seq,
            len: len.min(buf.len()),
            buf,
            first_v2: None,
        };
        block.hold_to(first_v2);
        block
    }

    /// The buffer back, for reuse.
    pub fn into_buf(self) -> Vec<u8> {
        self.buf
    }

    /// The block's lines, without `\n` and `\r` (and the input's first without a UTF-8
    /// byte-order mark, which is not part of its first column).
    fn lines(&self) -> impl Iterator<Item = &[u8]> {
        let data = &self.buf[..self.len];
        let first = self.seq == 0;
        let mut pos = 0;
        std::iter::from_fn(move || {
            if pos >= data.len() {
                return None;
            }
            let end = memchr::memchr(b'\n', &data[pos..]).map_or(data.len(), |i| pos + i);
            let line = &data[pos..end];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let line = match (first, pos) {
                (true, 0) => line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line),
                _ => line,
            };
            pos = end + 1;
            Some(line)
        })
    }

    /// Marks the block with the layout its rows are held to (see [`Block::new`]).
    fn hold_to(&mut self, first: &mut Option<bool>) {
        if first.is_none() {
            let found = self.lines().enumerate().find_map(|(i, line)| {
                if std::str::from_utf8(line).is_err() {
                    return None;
                }
                match gdelt::shape(line, None) {
                    Ok(Shape::Row(mut cols)) => gdelt::read(&mut cols)
                        .ok()
                        .map(|_| (cols.layout().is_v2(), i as u64)),
                    _ => None,
                }
            });
            if let Some((v2, i)) = found {
                *first = Some(v2);
                self.first_v2 = Some((v2, i));
            }
        } else {
            self.first_v2 = first.map(|v2| (v2, 0));
        }
    }
}

/// What a tally found in one block.
#[derive(Debug)]
struct BlockReport {
    input: usize,
    seq: u64,
    lines: u64,
    rows: u64,
    /// Dyad rows without a usable GLOBALEVENTID (each counted).
    dyad_rows: u64,
    /// Dyad rows with one, left to [`Seen`].
    claimed: u64,
    bad: [u64; Problem::KINDS.len()],
    /// 0-based line within the block.
    examples: Vec<(u64, Problem, Option<String>)>,
}

/// What one thread of a scan has counted: the dyad's per-month totals and a report per block.
#[derive(Debug, Default)]
pub struct Tally {
    months: Months,
    blocks: Vec<BlockReport>,
}

impl Tally {
    /// Classifies the lines of `block` and adds the dyad's rows; a row with a GLOBALEVENTID
    /// goes to `seen`, which keeps each id's earliest row for [`Scan::assemble`].
    pub fn add_block(&mut self, block: &Block, dyad: &DyadCodes, codes: &CodeTable, seen: &Seen) {
        let mut r = BlockReport {
            input: block.input,
            seq: block.seq,
            lines: 0,
            rows: 0,
            dyad_rows: 0,
            claimed: 0,
            bad: [0; Problem::KINDS.len()],
            examples: Vec::new(),
        };
        for line in block.lines() {
            r.lines += 1;
            if line.is_empty() {
                continue;
            }
            let first_v2 = match block.first_v2 {
                Some((v2, from)) if r.lines > from => Some(v2),
                _ => None,
            };
            let class = classify(line, dyad, codes, first_v2);
            // A header is not a row.
            if class != Line::Header {
                r.rows += 1;
            }
            match class {
                Line::Header | Line::Outside => {}
                Line::Hit(h) => {
                    // An id too long for a u64 cannot be matched with another: it is counted.
                    if let Some(id) = h.id {
                        let at = (block.input, block.seq, r.lines);
                        seen.claim(id, Claim { at, hit: h });
                        r.claimed += 1;
                        continue;
                    }
                    r.dyad_rows += 1;
                    self.months.entry(h.month).or_default()[h.direction]
                        .add_hit(h.quad, h.goldstein);
                }
                Line::Bad(p) => {
                    r.bad[p.kind()] += 1;
                    if r.examples.len() < EXAMPLES {
                        let field = p.column().map(|k| {
                            let text = String::from_utf8_lossy(column(line, k));
                            text.chars().take(40).collect()
                        });
                        r.examples.push((r.lines - 1, p, field));
                    }
                }
            }
        }
        self.blocks.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> CodeTable {
        CodeTable::parse(
            "dictionaries/cameo.tsv",
            include_str!("../../../../dictionaries/cameo.tsv"),
        )
        .unwrap()
    }

    fn row(id: u32, date: &str, a1: &str, a2: &str, cols: usize) -> String {
        let mut f = vec![String::new(); cols];
        (f[0], f[1], f[7], f[17]) = (id.to_string(), date.into(), a1.into(), a2.into());
        (f[26], f[29], f[30]) = ("030".into(), (id % 4 + 1).to_string(), "-1.5".into());
        f.join("\t")
    }

    /// Scans `text` cut into blocks after every `every` lines, the blocks dealt out to
    /// `tallies` tallies in turn.
    fn scan(text: &str, every: usize, tallies: usize) -> Scan {
        let (dyad, codes, seen) = (
            DyadCodes::new("USA", "RUS").unwrap(),
            codes(),
            Seen::default(),
        );
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut first_v2 = None;
        let mut t: Vec<Tally> = (0..tallies).map(|_| Tally::default()).collect();
        for (seq, chunk) in lines.chunks(every).enumerate() {
            let block = Block::new(0, seq as u64, chunk.concat().into_bytes(), &mut first_v2);
            t[seq % tallies].add_block(&block, &dyad, &codes, &seen);
        }
        let input = InputReport {
            name: "x.CSV".into(),
            ..InputReport::default()
        };
        Scan::assemble(vec![input], t, seen)
    }

    #[test]
    fn blocks_and_tallies_do_not_change_the_result() {
        // Bad rows first (no layout yet), the first good row a 1.0 one, then 2.0 rows (another
        // layout: bad), 1.0 dyad rows in two months, a row outside the dyad, a duplicate id.
        let mut text = String::from("\u{feff}GLOBALEVENTID\tSQLDATE\r\nshort\trow\n");
        text.push_str(&format!("{}\n", row(1, "20150218", "USA", "RUS", 58)));
        for i in 2..30 {
            let cols = if i % 5 == 0 { 61 } else { 58 };
            let (a1, a2) = if i % 2 == 0 {
                ("RUS", "USA")
            } else {
                ("USA", "RUS")
            };
            let month = if i < 15 { "20150218" } else { "20150318" };
            text.push_str(&format!("{}\n", row(i, month, a1, a2, cols)));
        }
        text.push_str(&format!("{}\n", row(99, "20150218", "USA", "CHN", 57)));
        text.push_str(&format!("{}\n\n", row(3, "20150218", "USA", "RUS", 58)));
        let whole = scan(&text, usize::MAX, 1);
        let r = &whole.inputs[0];
        assert_eq!(
            (r.lines, r.rows, r.dyad_rows, r.duplicates, r.bad_rows()),
            (34, 32, 24, 1, 6)
        );
        assert_eq!((r.bad[0], r.bad[1]), (1, 5));
        let lines: Vec<u64> = r.examples.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 7, 12, 17, 22]);
        assert_eq!(whole.months.len(), 2);
        for (every, tallies) in [(1, 1), (1, 3), (2, 2), (7, 4)] {
            let s = scan(&text, every, tallies);
            assert_eq!(s.months, whole.months, "{every} {tallies}");
            let (a, b) = (&s.inputs[0], r);
            assert_eq!(
                (
                    a.lines,
                    a.rows,
                    a.dyad_rows,
                    a.duplicates,
                    a.bad,
                    &a.examples
                ),
                (
                    b.lines,
                    b.rows,
                    b.dyad_rows,
                    b.duplicates,
                    b.bad,
                    &b.examples
                )
            );
        }
        let feb = whole.months[&(2015 * 12 + 1)];
        assert_eq!(feb[0].events + feb[1].events, 12);
        assert_eq!(feb[0].goldstein_sum() + feb[1].goldstein_sum(), -18.0);
    }

    #[test]
    fn an_event_in_two_inputs_is_kept_by_the_first_whatever_the_order_of_work() {
        // Input 0 holds ids 1..=6; input 1 ids 4..=9 with another sign of Goldstein, so the
        // sums show which input's rows were counted. The blocks of input 1 are tallied first.
        let (dyad, codes) = (DyadCodes::new("USA", "RUS").unwrap(), codes());
        let text = |ids: std::ops::RangeInclusive<u32>, g: &str| -> String {
            ids.map(|i| row(i, "20150218", "USA", "RUS", 58).replace("-1.5", g) + "\n")
                .collect()
        };
        let inputs = [text(1..=6, "-1.5"), text(4..=9, "2.0")];
        for (every, tallies) in [(1, 1), (2, 3), (6, 2)] {
            let seen = Seen::default();
            let mut t: Vec<Tally> = (0..tallies).map(|_| Tally::default()).collect();
            let mut n = 0;
            for (input, body) in inputs.iter().enumerate().rev() {
                let lines: Vec<&str> = body.split_inclusive('\n').collect();
                let mut first_v2 = None;
                for (seq, chunk) in lines.chunks(every).enumerate() {
                    let buf = chunk.concat().into_bytes();
                    let block = Block::new(input, seq as u64, buf, &mut first_v2);
                    t[n % tallies].add_block(&block, &dyad, &codes, &seen);
                    n += 1;
                }
            }
            let reports = ["a.CSV", "b.CSV"].map(|name| InputReport {
                name: name.into(),
                ..InputReport::default()
            });
            let s = Scan::assemble(reports.to_vec(), t, seen);
            let counts: Vec<(u64, u64)> = s
                .inputs
                .iter()
                .map(|r| (r.dyad_rows, r.duplicates))
                .collect();
            assert_eq!(counts, [(6, 0), (3, 3)], "{every} {tallies}");
            let feb = s.months[&(2015 * 12 + 1)][0];
            assert_eq!((feb.events, feb.goldstein_sum()), (9, -9.0 + 6.0));
        }
    }
}
