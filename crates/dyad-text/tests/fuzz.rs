//! Property-based fuzzing of the text stage: any bytes, and markup assembled from the tokens
//! hostile files are made of, in every format. The stage must return a document or an error —
//! never panic, overflow the stack or hang — and every segment must index its clean text.
//!
//! `cargo test -p dyad-text --test fuzz` runs a few hundred cases per target; for a long run,
//! `PROPTEST_CASES=100000 cargo test --release -p dyad-text --test fuzz` (figures in
//! BENCHMARKS.md). Each case runs on a 2 MiB stack, as ingest's workers do.

#[path = "../../../tests-data/pdf_objects.rs"]
mod pdf_objects;

use dyad_text::{process, Format, Options};
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "<b>",
    "</b>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<a href=\"x\">",
    "</a>",
    "<table><tr><td>",
    "</td>",
    "<br>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<meta charset=\"gbk\">",
    "<meta property=\"article:published_time\" content=\"2025-08-15\">",
    "<title>",
    "</title>",
    "<h1>",
    "&amp;",
    "&#x4e2d;",
    "&#99999999;",
    "&",
    ";",
    "<",
    ">",
    "\"",
    "'",
    "[",
    "]",
    "(",
    ")",
    "](",
    "[^1]",
    "[^1]: ",
    "`",
    "```",
    "*",
    "_",
    "#",
    "# ",
    "| a | b |",
    "|---|",
    "- ",
    "1. ",
    "> ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u{feff}",
    "\u{fffd}",
    "\u{200b}",
    "Putin met Trump in Anchorage.",
    "Mr. ",
    "U.S. ",
    "V. V. ",
    "3.5 ",
    "2025年8月15日，",
    "普京与特朗普在安克雷奇会晤。",
    "！",
    "？",
    "“",
    "”",
    "（",
    "）",
    "Путин встретился с Трампом. ",
    "т. е. ",
    "[1]",
    "1",
    "- 3 -",
    "Page 2",
    "-\n",
    "%PDF-1.4\n",
];

fn markup() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..400)
        .prop_map(|ts| ts.concat().into_bytes())
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..4000)
}

/// The bytes of a small valid PDF, to mutate.
fn pdf_seed() -> Vec<u8> {
    let content = "BT /F1 12 Tf 72 700 Td (Presidents met in Geneva.) Tj ET /X1 Do";
    let form = "/X1 Do";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 4 0 R >> >> /Contents 6 0 R >>".to_string(),
        format!("<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X1 7 0 R >> >> /Length {} >>\nstream\n{form}\nendstream", form.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        format!("<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Length {} >>\nstream\n{form}\nendstream", form.len()),
    ];
    pdf_objects::pdf(&objects)
}

/// A PDF with a few bytes overwritten, inserted or removed.
fn mutated_pdf() -> impl Strategy<Value = Vec<u8>> {
    let seed = pdf_seed();
    let n = seed.len();
    prop::collection::vec((0..n, any::<u8>(), 0u8..3), 1..8).prop_map(move |edits| {
        let mut b = seed.clone();
        for (at, byte, kind) in edits {
            let at = at.min(b.len().saturating_sub(1));
            match kind {
                0 => b[at] = byte,
                1 => b.insert(at, byte),
                _ => {
                    b.remove(at);
                }
            }
        }
        b
    })
}

/// Runs the stage on a 2 MiB stack and checks what it returns.
fn check(bytes: Vec<u8>, format: Format) {
    let result = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let opts = Options::default();
            match process(&bytes, format, &opts) {
                Ok(doc) => {
                    let n = doc.clean_text.chars().count();
                    for s in &doc.segments {
                        assert!(s.span.0 < s.span.1 && s.span.1 <= n, "{:?} of {n}", s.span);
                        assert!(!s.text.trim().is_empty());
                    }
                }
                Err(e) => assert!(!e.to_string().is_empty()),
            }
        })
        .unwrap()
        .join();
    assert!(result.is_ok(), "the text stage panicked");
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_in_any_format(b in bytes(), f in 0usize..4) {
        check(b, [Format::Text, Format::Markdown, Format::Html, Format::Pdf][f]);
    }

    #[test]
    fn markup_in_any_format(b in markup(), f in 0usize..3) {
        check(b, [Format::Text, Format::Markdown, Format::Html][f]);
    }

    #[test]
    fn mutated_pdfs(b in mutated_pdf()) {
        check(b, Format::Pdf);
    }

    #[test]
    fn declared_charsets(b in bytes(), c in prop::sample::select(&["gb18030", "big5", "koi8-r", "utf-16le", "utf-8", "nonsense"][..])) {
        let _ = dyad_text::decode::decode(&b, Some(c), None);
    }
}
