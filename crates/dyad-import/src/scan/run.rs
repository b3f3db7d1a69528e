//! Streaming scans of event files: the flow measures of one dyad, per month, computed while the
//! files are read, without storing them. The counting is `dyad_import::scan`'s (pure functions
//! over blocks of lines, reading rows with the importer's GDELT reader); this module is the I/O
//! and the threads around it.
//!
//! One reader thread reads each input (plain, or decompressed from gzip or zip on that thread)
//! in big blocks, cuts each block at its last newline and hands it to the worker threads through
//! a bounded channel; workers give the buffers back when done, so memory stays at a fixed number
//! of blocks whatever the input size. Each worker adds the blocks it receives to its own
//! [`Tally`]; the tallies are merged at the end ([`Scan::assemble`]). The reader thread makes the
//! blocks of an input in order, so the first that holds a row read without fault marks the
//! layout (GDELT 1.0 or 2.0) the input's rows are held to ([`Block::new`]).
//!
//! Each event is counted once, as `dyad import` stores it once: inputs are listed once each
//! (a file named twice or reached through a link, see [`crate::files`]), and a dyad row whose
//! GLOBALEVENTID was already counted ([`Seen`]: a CSV next to the zip it came from, overlapping
//! downloads) is left out and reported as a duplicate.

use super::{Block, DyadCodes, InputReport, Scan, Seen, Tally};
use crate::compressed;
use dyad_model::CodeTable;
use std::io::Read;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Mutex;

/// The longest line a block grows to hold.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// How a scan runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub dyad: DyadCodes,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Bytes per block handed to a worker.
    pub block_bytes: usize,
    /// The CAMEO code table: a dyad row whose EventCode is not in it is bad, as `dyad import`
    /// refuses it.
    pub codes: CodeTable,
}

/// Scans `paths` (files; directories are walked) for the dyad's GDELT events.
pub fn scan_gdelt(paths: &[PathBuf], opts: &Options) -> Scan {
    let files = compressed::files(paths);
    let threads = opts.threads.max(1);
    // Blocks in flight: queued, being read, and one per worker.
    let max_blocks = 2 * threads + 2;
    let (work_tx, work_rx) = mpsc::sync_channel::<Block>(threads + 1);
    let (spare_tx, spare_rx) = mpsc::channel::<Vec<u8>>();
    let work_rx = Mutex::new(work_rx);
    let seen = Seen::default();
    let (dyad, codes) = (opts.dyad, &opts.codes);
    let (inputs, tallies) = std::thread::scope(|s| {
        let reader =
            s.spawn(|| read_inputs(&files, work_tx, spare_rx, opts.block_bytes, max_blocks));
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let spare = spare_tx.clone();
                let (rx, seen) = (&work_rx, &seen);
                s.spawn(move || work(rx, spare, &dyad, codes, seen))
            })
            .collect();
        drop(spare_tx);
        let out: Vec<_> = workers
            .into_iter()
            .map(|w| w.join().expect("a scan worker panicked"))
            .collect();
        (reader.join().expect("the scan reader panicked"), out)
    });
    Scan::assemble(inputs, tallies, seen)
}

/// The reader thread: opens each file, cuts its content into blocks of whole lines, sends them.
fn read_inputs(
    files: &[PathBuf],
    work: SyncSender<Block>,
    spare: Receiver<Vec<u8>>,
    block_bytes: usize,
    max_blocks: usize,
) -> Vec<InputReport> {
    let mut pool = Pool {
        spare,
        made: 0,
        max: max_blocks,
        size: block_bytes.max(1 << 12),
    };
    let mut inputs = Vec::new();
    for path in files {
        let streams = match compressed::open(path) {
            Ok(s) => s,
            Err(e) => {
                // The message names the file already; the report prints the name before it.
                let name = path.display().to_string();
                let msg = format!("{e:#}");
                let msg = msg
                    .strip_prefix(&format!("{name}: "))
                    .map_or(msg.clone(), str::to_string);
                inputs.push(InputReport {
                    name,
                    error: Some(msg),
                    ..InputReport::default()
                });
                continue;
            }
        };
        for stream in streams {
            let index = inputs.len();
            let mut report = InputReport {
                name: stream.name,
                ..InputReport::default()
            };
            match read_stream(index, stream.reader, &work, &mut pool, &mut report.bytes) {
                Ok(true) => {}
                Ok(false) => return finish(inputs, report),
                Err(e) => {
                    report.error = Some(format!("read error after {} bytes: {e}", report.bytes))
                }
            }
            inputs.push(report);
        }
    }
    inputs
}

/// Workers are gone (one panicked): stop reading.
fn finish(mut inputs: Vec<InputReport>, mut last: InputReport) -> Vec<InputReport> {
    last.error = Some("the scan stopped early".into());
    inputs.push(last);
    inputs
}

/// Buffers for blocks: reused when workers hand them back, at most `max` made.
struct Pool {
    spare: Receiver<Vec<u8>>,
    made: usize,
    max: usize,
    size: usize,
}

impl Pool {
    fn get(&mut self, at_least: usize) -> Option<Vec<u8>> {
        let mut buf = match self.spare.try_recv() {
            Ok(b) => b,
            Err(_) if self.made < self.max => {
                self.made += 1;
                vec![0u8; self.size]
            }
            Err(_) => self.spare.recv().ok()?,
        };
        if buf.len() < at_least {
            buf.resize(at_least, 0);
        }
        Some(buf)
    }
}

/// Sends one input as blocks of whole lines (the last may lack its `\n`). `Ok(false)` when the
/// workers are gone. On a read error, what was read is still sent.
fn read_stream(
    input: usize,
    mut reader: Box<dyn Read + Send>,
    work: &SyncSender<Block>,
    pool: &mut Pool,
    bytes: &mut u64,
) -> std::io::Result<bool> {
    let mut seq = 0;
    let mut first_v2 = None;
    let Some(mut buf) = pool.get(0) else {
        return Ok(false);
    };
    let mut filled = 0;
    let mut failure = None;
    loop {
        if filled == buf.len() {
            match memchr::memrchr(b'\n', &buf[..filled]) {
                Some(nl) => {
                    let tail = filled - nl - 1;
                    let Some(mut next) = pool.get(tail + 1) else {
                        return Ok(false);
                    };
                    next[..tail].copy_from_slice(&buf[nl + 1..filled]);
                    let block = Block::with_len(input, seq, buf, nl + 1, &mut first_v2);
                    if work.send(block).is_err() {
                        return Ok(false);
                    }
                    seq += 1;
                    buf = next;
                    filled = tail;
                }
                // A line longer than a block: make room, up to a bound (GDELT lines are a
                // few kilobytes; a file with a longer one is not GDELT, and must not take all
                // memory).
                None if buf.len() < MAX_LINE_BYTES => buf.resize(buf.len() * 2, 0),
                None => {
                    failure = Some(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!(
                            "a line longer than {} MiB: not a GDELT event file?",
                            MAX_LINE_BYTES >> 20
                        ),
                    ));
                    break;
                }
            }
        }
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => {
                filled += n;
                *bytes += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    if filled > 0 {
        let block = Block::with_len(input, seq, buf, filled, &mut first_v2);
        if work.send(block).is_err() {
            return Ok(false);
        }
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(true),
    }
}

/// A worker thread: adds each block it receives to its tally.
fn work(
    rx: &Mutex<Receiver<Block>>,
    spare: mpsc::Sender<Vec<u8>>,
    dyad: &DyadCodes,
    codes: &CodeTable,
    seen: &Seen,
) -> Tally {
    let mut tally = Tally::default();
    loop {
        let block = {
            let guard = rx.lock().unwrap_or_else(|p| p.into_inner());
            guard.recv()
        };
        let Ok(block) = block else { break };
        tally.add_block(&block, dyad, codes, seen);
        // The reader may have finished; a lost buffer is then just freed.
        let _ = spare.send(block.into_buf());
    }
    tally
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

    const D: DyadCodes = DyadCodes {
        a: *b"USA",
        b: *b"RUS",
    };

    fn row(id: u32, date: &str, a1: &str, a2: &str, quad: u8, g: &str) -> String {
        let mut f: Vec<String> = vec![String::new(); 61];
        f[0] = id.to_string();
        f[1] = date.into();
        f[7] = a1.into();
        f[17] = a2.into();
        f[26] = "030".into();
        f[29] = quad.to_string();
        f[30] = g.into();
        f.join("\t")
    }

    /// The same text scanned with tiny blocks and many threads, and in one block on one
    /// thread, gives the same totals and the same line numbers.
    #[test]
    fn a_line_longer_than_the_bound_stops_that_input_only() {
        let dir = tempfile::tempdir().unwrap();
        let long = dir.path().join("a-long.CSV");
        let mut bytes = vec![b'x'; MAX_LINE_BYTES + 1];
        bytes.push(b'\n');
        std::fs::write(&long, bytes).unwrap();
        let good = dir.path().join("b-good.CSV");
        std::fs::write(
            &good,
            format!("{}\n", row(1, "20150218", "USA", "RUS", 1, "1.0")),
        )
        .unwrap();
        let opts = Options {
            dyad: D,
            threads: 2,
            block_bytes: 1 << 16,
            codes: codes(),
        };
        let s = scan_gdelt(&[long, good], &opts);
        let e = s.inputs[0].error.as_deref().unwrap_or("");
        assert!(e.contains("longer than 64 MiB"), "{e}");
        assert_eq!(
            (s.inputs[1].dyad_rows, s.inputs[1].error.as_deref()),
            (1, None)
        );
    }

    #[test]
    fn each_event_is_counted_once_whatever_the_inputs() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::new();
        for i in 0..60u32 {
            let (a1, a2) = if i % 2 == 0 {
                ("USA", "RUS")
            } else {
                ("RUS", "USA")
            };
            text.push_str(&row(1000 + i, "20150218", a1, a2, (i % 4 + 1) as u8, "1.5"));
            text.push('\n');
        }
        let csv = dir.path().join("20150218.export.CSV");
        std::fs::write(&csv, &text).unwrap();
        let mut zw = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zw.start_file(
            "20150218.export.CSV",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zw.write_all(text.as_bytes()).unwrap();
        let zip = dir.path().join("20150218.export.CSV.zip");
        std::fs::write(&zip, zw.finish().unwrap().into_inner()).unwrap();
        let opts = Options {
            dyad: D,
            threads: 2,
            block_bytes: 4096,
            codes: codes(),
        };
        let once = scan_gdelt(std::slice::from_ref(&csv), &opts);
        let all = scan_gdelt(&[csv.clone(), csv.clone(), dir.path().to_path_buf()], &opts);
        assert_eq!(once.months, all.months);
        assert_eq!(
            once.months
                .values()
                .map(|t| t[0].events + t[1].events)
                .sum::<u64>(),
            60
        );
        let dyad: u64 = all.inputs.iter().map(|r| r.dyad_rows).sum();
        let dups: u64 = all.inputs.iter().map(|r| r.duplicates).sum();
        assert_eq!(
            (all.inputs.len(), dyad, dups),
            (2, 60, 60),
            "{:?}",
            all.inputs
        );
    }

    #[test]
    fn block_size_and_threads_do_not_change_the_result() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::new();
        for i in 0..500u32 {
            let (a1, a2) = if i % 3 == 0 {
                ("USA", "RUS")
            } else {
                ("RUS", "CHN")
            };
            let date = format!("2015{:02}{:02}", i % 12 + 1, i % 28 + 1);
            text.push_str(&row(i, &date, a1, a2, (i % 4 + 1) as u8, "-2.3"));
            text.push('\n');
            if i == 250 {
                text.push_str("short\trow\n");
            }
        }
        // A header line, if someone added one, is skipped; a CRLF file reads the same.
        let text = format!("GLOBALEVENTID\tSQLDATE\n{}", text.replace('\n', "\r\n"));
        let path = dir.path().join("x.CSV");
        std::fs::write(&path, &text).unwrap();
        let run = |threads, block_bytes| {
            scan_gdelt(
                std::slice::from_ref(&path),
                &Options {
                    dyad: D,
                    threads,
                    block_bytes,
                    codes: codes(),
                },
            )
        };
        let one = run(1, 1 << 20);
        let many = run(3, 4096);
        assert_eq!(one.months, many.months);
        for s in [&one, &many] {
            let r = &s.inputs[0];
            assert_eq!(
                (r.lines, r.rows, r.dyad_rows, r.bad),
                (502, 501, 167, [1, 0, 0, 0, 0, 0, 0, 0, 0])
            );
            assert_eq!(r.examples[0].line, 253);
        }
        let total: u64 = one.months.values().map(|t| t[0].events + t[1].events).sum();
        assert_eq!(total, 167);
        let sum: f64 = one.months.values().map(|t| t[0].goldstein_sum()).sum();
        assert!((sum - 167.0 * -2.3).abs() < 1e-9);
    }

    /// The layout rows are held to is the input's first row read without fault, wherever its
    /// block: the same figures and line numbers in tiny blocks on many threads as in one.
    #[test]
    fn rows_are_held_to_the_first_good_rows_layout_in_any_block() {
        let dir = tempfile::tempdir().unwrap();
        let cut = |line: String| line.split('\t').take(58).collect::<Vec<_>>().join("\t");
        let mut text = String::new();
        for _ in 0..200 {
            text.push_str(&"x\t".repeat(58));
            text.push('\n');
        }
        text.push_str(&cut(row(1, "20150218", "USA", "RUS", 1, "1.0")));
        text.push('\n');
        for i in 2..=10 {
            text.push_str(&row(i, "20150218", "RUS", "USA", 2, "2.0"));
            text.push('\n');
        }
        for i in 11..=20 {
            text.push_str(&cut(row(i, "20150318", "USA", "RUS", 3, "-3.0")));
            text.push('\n');
        }
        let path = dir.path().join("mixed.CSV");
        std::fs::write(&path, &text).unwrap();
        let run = |threads, block_bytes| {
            let opts = Options {
                dyad: D,
                threads,
                block_bytes,
                codes: codes(),
            };
            scan_gdelt(std::slice::from_ref(&path), &opts)
        };
        let one = run(1, 1 << 20);
        let many = run(3, 4096);
        assert_eq!(one.months, many.months);
        for s in [&one, &many] {
            let r = &s.inputs[0];
            assert_eq!(
                (r.rows, r.dyad_rows, r.bad),
                (220, 11, [200, 9, 0, 0, 0, 0, 0, 0, 0])
            );
            assert_eq!(r.examples[0].line, 1);
        }
        assert_eq!(one.months.len(), 2);
    }
}
