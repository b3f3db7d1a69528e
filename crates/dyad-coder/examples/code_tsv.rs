//! Development tool: code a document's sentences from a TSV on standard input, or score a suite.
//!
//! `cargo run -p dyad-coder --example code_tsv -- code [--paragraphs] < sentences.tsv`: columns
//! `doc`, `published` (YYYY[-MM[-DD]] or empty), `seq`, `paragraph`, `note` (0/1), `lang`, `text`;
//! sentences of one document in order. Prints one line per event: document, sentence, date,
//! source → target, CAMEO, flags, explain and the sentence. With `--paragraphs` the paragraph
//! numbers are passed to [`DateContext::paragraph`].
//!
//! `cargo run -p dyad-coder --example code_tsv -- eval tests-data/coder/coverage.jsonl`: the
//! suite's table and its differences.

use dyad_coder::{eval, Coder, DateContext, Dictionaries, SentenceInput};
use dyad_model::Lang;
use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dict = Dictionaries::builtin().expect("dictionaries");
    let coder = Coder::new(&dict).expect("coder");
    match args.first().map(String::as_str) {
        Some("eval") => {
            let path = args.get(1).expect("suite path");
            let text = std::fs::read_to_string(path).expect("suite");
            let recs = eval::parse_suite(path, &text).expect("suite parses");
            let rep = eval::evaluate(&coder, &recs);
            println!("{}", rep.table());
            for d in &rep.diffs {
                println!("{d}");
            }
        }
        Some("code") => {
            let paragraphs = args.iter().any(|a| a == "--paragraphs");
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input).expect("stdin");
            let mut doc = String::new();
            let mut ctx = DateContext::new(None);
            for line in input.lines() {
                let f: Vec<&str> = line.splitn(7, '\t').collect();
                if f.len() < 7 {
                    continue;
                }
                if f[0] != doc {
                    doc = f[0].to_string();
                    ctx = DateContext::new(f[1].parse().ok());
                }
                if paragraphs {
                    if let Ok(p) = f[3].parse() {
                        ctx.paragraph(p);
                    }
                }
                let lang = match f[5] {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    "ru" => Lang::Ru,
                    _ => continue,
                };
                if f[4] == "1" {
                    continue;
                }
                let s = SentenceInput { lang, text: f[6] };
                for e in coder.code(&s, &mut ctx) {
                    println!(
                        "{}\t{}\t{}\t{}->{}\t{}\t{}{}\t{}\t{}",
                        &doc[..4.min(doc.len())],
                        f[2],
                        e.date,
                        e.source.code,
                        e.target.code,
                        e.cameo,
                        if e.negated { "N" } else { "" },
                        if e.hypothetical { "H" } else { "" },
                        e.explain,
                        f[6]
                    );
                }
            }
        }
        _ => eprintln!("usage: code_tsv code [--paragraphs] < sentences.tsv | code_tsv eval SUITE"),
    }
}
