//! Speed of the coder, one core, release profile: `cargo bench -p dyad-coder --bench coder`.
//!
//! - English and Russian: the `en` and `ru` sentences of `tests-data/coder/coverage.jsonl`,
//!   coded repeatedly (one line each: `en: … sentences/s`).
//! - Chinese: the seed analyses' sentences (split as `scripts/bench-coder.sh` splits them for the
//!   bare jieba-rs peer), coded repeatedly; printed last (`scripts/bench-coder.sh` reads the last
//!   line). Set `DYAD_SEEDS` to another folder of `.txt` files to measure on them.
//! - `DYAD_BENCH_PASSES=N`: code every set exactly `N` times instead of for a few seconds (for
//!   instruction counts under `valgrind --tool=callgrind`); `DYAD_BENCH_ZH_ONLY=1`: Chinese only;
//!   `DYAD_BENCH_WARM=1`: train the stance model before the timed passes (it is trained once per
//!   process, on first use inside `Coder::code_document`), to count the per-sentence work alone,
//!   e.g. `valgrind --tool=callgrind --toggle-collect='*code_document*'`.

use dyad_coder::{Coder, DateContext, Dictionaries, DocSentence, SentenceInput};
use dyad_model::Lang;
use std::time::Instant;

/// Codes `sentences` (each with its document date) repeatedly for about `secs` seconds;
/// returns (sentences coded, seconds, events).
fn run(
    coder: &Coder,
    lang: Lang,
    sentences: &[(String, String)],
    secs: f64,
) -> (usize, f64, usize) {
    let mut events = 0usize;
    let mut n = 0usize;
    let mut pass = 0usize;
    let start = Instant::now();
    while keep_going(&start, secs, &mut pass) {
        for (doc, s) in sentences {
            let mut ctx = DateContext::new(doc.parse().ok());
            events += coder.code(&SentenceInput { lang, text: s }, &mut ctx).len();
            n += 1;
        }
    }
    (n, start.elapsed().as_secs_f64(), events)
}

/// Whether to run another pass: for `secs` seconds, or `DYAD_BENCH_PASSES` passes when set.
fn keep_going(start: &Instant, secs: f64, pass: &mut usize) -> bool {
    *pass += 1;
    match std::env::var("DYAD_BENCH_PASSES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        Some(n) => *pass <= n,
        None => start.elapsed().as_secs_f64() < secs,
    }
}

fn main() {
    let coder = Coder::new(&Dictionaries::builtin().expect("dictionaries")).expect("coder");
    if std::env::var("DYAD_BENCH_WARM").is_ok() {
        coder.stance(Lang::Zh, "warm");
    }
    // English and Russian from the coverage suite
    let suite = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests-data/coder/coverage.jsonl"
    );
    let text = std::fs::read_to_string(suite).unwrap_or_default();
    for (lang, name) in [(Lang::En, "en"), (Lang::Ru, "ru")] {
        let sentences: Vec<(String, String)> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//") && !l.trim().is_empty())
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["lang"] == name)
            .map(|v| {
                (
                    v["document_date"].as_str().unwrap_or("").to_string(),
                    v["text"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        if sentences.is_empty() || std::env::var("DYAD_BENCH_ZH_ONLY").is_ok() {
            continue;
        }
        let (n, secs, events) = run(&coder, lang, &sentences, 2.0);
        println!(
            "{name}: {} distinct sentences (coverage suite), {n} coded in {secs:.2}s: {:.0} sentences/s, {:.1} events per sentence",
            sentences.len(),
            n as f64 / secs,
            events as f64 / n as f64
        );
    }
    // Chinese documents, one running context per pass as in a document: `$DYAD_SEEDS`, else the
    // seeds of the shared folder (`$DYAD_SHARED/seeds`, relative to the repository root), else
    // the repository's own fixtures in tests-data/documents.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::var_os("DYAD_SEEDS")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("DYAD_SHARED").map(|s| root.join(s).join("seeds")))
        .unwrap_or_else(|| root.join("tests-data/documents"));
    println!("zh documents: {}", dir.display());
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
    // the sentence coder alone, one running date context per pass
    let (mut n0, start0, mut pass0) = (0usize, Instant::now(), 0usize);
    while keep_going(&start0, 2.0, &mut pass0) {
        let mut ctx = DateContext::new(Some("2025-08-20".parse().expect("date")));
        for s in &sentences {
            coder.code(
                &SentenceInput {
                    lang: Lang::Zh,
                    text: s,
                },
                &mut ctx,
            );
            n0 += 1;
        }
    }
    println!(
        "zh sentence coder alone: {:.0} sentences/s",
        n0 as f64 / start0.elapsed().as_secs_f64()
    );
    // the sentence coder with what it names for the context pass
    let (mut n1, start1, mut pass1) = (0usize, Instant::now(), 0usize);
    while keep_going(&start1, 2.0, &mut pass1) {
        let mut ctx = DateContext::new(Some("2025-08-20".parse().expect("date")));
        for s in &sentences {
            coder.analyze(
                &SentenceInput {
                    lang: Lang::Zh,
                    text: s,
                },
                &mut ctx,
            );
            n1 += 1;
        }
    }
    println!(
        "zh sentence coder with facts: {:.0} sentences/s",
        n1 as f64 / start1.elapsed().as_secs_f64()
    );
    // as documents are coded: the sentence coder and the document-level context pass
    let doc: Vec<DocSentence> = sentences
        .iter()
        .map(|s| DocSentence {
            lang: Lang::Zh,
            text: s,
            paragraph: 1,
            note: false,
        })
        .collect();
    let published = Some("2025-08-20".parse().expect("date"));
    let mut events = 0usize;
    let mut n = 0usize;
    let start = Instant::now();
    let mut pass = 0usize;
    while keep_going(&start, 3.0, &mut pass) {
        events += coder.code_document(published, &doc).len();
        n += doc.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "zh: {} distinct sentences, {n} coded in {secs:.2}s: {:.0} sentences/s, {:.1} events per sentence",
        sentences.len(),
        n as f64 / secs,
        events as f64 / n as f64
    );
}
