//! Codes sentences from stdin, one per line as `lang<TAB>document-date<TAB>text`, threading one
//! date context through them, and prints the events with their explain traces. A line
//! `#doc<TAB>date<TAB>name` starts a new document (`-` for no date). With `--brief`, one line
//! per event: `date source target cameo flags | sentence`.
//! `cargo run -p dyad-coder --example code [-- --brief] < sentences.tsv`

use dyad_coder::{Coder, DateContext, Dictionaries, SentenceInput};
use dyad_model::Lang;
use std::io::BufRead;

fn main() {
    let brief = std::env::args().any(|a| a == "--brief");
    let dict = match Dictionaries::builtin() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let coder = match Coder::new(&dict) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let mut ctx = DateContext::default();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let f: Vec<&str> = line.splitn(3, '\t').collect();
        let [lang, date, text] = f[..] else { continue };
        let doc = date.parse().ok();
        if lang == "#doc" {
            ctx = DateContext::new(doc);
            if !brief {
                println!("==== {text}");
            }
            continue;
        }
        if ctx.document != doc {
            ctx = DateContext::new(doc);
        }
        let lang = Lang::parse(lang).unwrap_or(Lang::Other);
        if !brief {
            println!("{text}");
        }
        for e in coder.code(&SentenceInput { lang, text }, &mut ctx) {
            if brief {
                println!(
                    "{}\t{}\t{}\t{}\t{}{}\t{}",
                    e.date,
                    e.source.code,
                    e.target.code,
                    e.cameo,
                    if e.negated { "N" } else { "" },
                    if e.hypothetical { "H" } else { "" },
                    text
                );
                continue;
            }
            println!(
                "  {} {}→{} {} ({}) neg={} hyp={} [{}]\n    {}",
                e.cameo,
                e.source.code,
                e.target.code,
                e.date,
                e.date.precision().as_str(),
                e.negated,
                e.hypothetical,
                e.domains.join(","),
                e.explain
            );
        }
    }
}
