//! Prints how a document is cut: `cargo run -p dyad-text --example dump -- FILE [text|md|html|pdf]`.
//! Each line: paragraph, block kind, language, note flag, and the sentence.

use dyad_text::clean::{self, Layout};
use dyad_text::{decode, process, segment, Format, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dump FILE [text|md|html|pdf]");
        std::process::exit(2);
    };
    let format = args
        .next()
        .and_then(|f| Format::from_extension(&f))
        .unwrap_or(Format::Text);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    match process(&bytes, format, &Options::default()) {
        Ok(doc) => {
            println!(
                "title: {:?}\npublished: {:?}\nlang: {}\nencoding: {}",
                doc.title,
                doc.published.map(|d| d.to_string()),
                doc.lang,
                doc.encoding
            );
            if format == Format::Text {
                if let Ok(d) = decode::decode(&bytes, None, None) {
                    let c = clean::clean(&d.text, Layout::Flowed);
                    for s in segment::segments(&c) {
                        let kind = c.blocks[s.paragraph as usize].kind;
                        println!(
                            "{:>4} {:?} {} {} | {}",
                            s.paragraph,
                            kind,
                            s.lang,
                            if s.note { "N" } else { " " },
                            s.text
                        );
                    }
                    return;
                }
            }
            for s in &doc.segments {
                println!(
                    "{:>4} {} {} | {}",
                    s.paragraph,
                    s.lang,
                    if s.note { "N" } else { " " },
                    s.text
                );
            }
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
