//! Measures throughput on a folder of documents:
//! `cargo run --release -p dyad-text --example throughput -- [DIR] [COPIES]`.
//! DIR defaults to the seeds of the shared folder (`$DYAD_SHARED/seeds`, relative to the
//! repository root) when `DYAD_SHARED` is set, else to the fixtures in `tests-data/documents`.
//! Each document is processed as one document made of COPIES copies of itself (default 20).

use dyad_text::{process, Format, Options};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = args.next().unwrap_or_else(|| {
        let d = match std::env::var_os("DYAD_SHARED") {
            Some(shared) => root.join(shared).join("seeds"),
            None => root.join("tests-data/documents"),
        };
        d.display().to_string()
    });
    eprintln!("documents: {dir}");
    let copies: usize = args.next().and_then(|c| c.parse().ok()).unwrap_or(20);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("cannot read {dir}");
        std::process::exit(1);
    };
    let mut docs = Vec::new();
    for e in entries.flatten() {
        if let Ok(b) = std::fs::read(e.path()) {
            let mut big = Vec::with_capacity(b.len() * copies);
            for _ in 0..copies {
                big.extend_from_slice(&b);
                big.push(b'\n');
            }
            docs.push(big);
        }
    }
    // Build the converter before timing.
    let _ = process("會".as_bytes(), Format::Text, &Options::default());
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let start = Instant::now();
    let mut segments = 0;
    for d in &docs {
        match process(d, Format::Text, &Options::default()) {
            Ok(p) => segments += p.segments.len(),
            Err(e) => eprintln!("error: {e}"),
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{:.1} MB in {:.3} s: {:.1} MB/s, {segments} segments",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
