//! Speed of the coder on real Chinese text: codes the seed analyses' sentences repeatedly and
//! prints sentences per second (one core). `cargo bench -p dyad-coder` (release profile).
//! Set `DYAD_SEEDS` to another folder of `.txt` files to measure on them.

use dyad_coder::{Coder, DateContext, Dictionaries, SentenceInput};
use dyad_model::Lang;
use std::time::Instant;

fn main() {
    let dir = std::env::var("DYAD_SEEDS").unwrap_or_else(|_| "/work/shared/seeds".into());
    let mut sentences: Vec<String> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let text = std::fs::read_to_string(e.path())
                .unwrap_or_default()
                .replace(['\n', '\r', ' '], "");
            sentences.extend(
                text.split_inclusive(['。', '；', '！', '？'])
                    .filter(|s| s.chars().count() > 4)
                    .map(str::to_string),
            );
        }
    }
    if sentences.is_empty() {
        sentences.push("2025年2月12日，特朗普与普京通电话。".into());
    }
    let coder = Coder::new(&Dictionaries::builtin().expect("dictionaries")).expect("coder");
    let mut events = 0usize;
    let mut n = 0usize;
    let start = Instant::now();
    while start.elapsed().as_secs_f64() < 3.0 {
        let mut ctx = DateContext::new(Some("2025-08-20".parse().expect("date")));
        for s in &sentences {
            events += coder
                .code(
                    &SentenceInput {
                        lang: Lang::Zh,
                        text: s,
                    },
                    &mut ctx,
                )
                .len();
            n += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} distinct sentences, {n} coded in {secs:.2}s: {:.0} sentences/s, {:.1} events per sentence",
        sentences.len(),
        n as f64 / secs,
        events as f64 / n as f64
    );
}
