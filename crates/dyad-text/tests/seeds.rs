//! The five real seed documents (Chinese analyses of US–Russia relations, extracted from PDFs
//! and web pages) read from `shared/seeds/`, and the acceptance checks of the text stage.

use dyad_model::{Lang, Segment};
use dyad_text::clean::{self, BlockKind, Layout};
use dyad_text::{decode, process, segment, Format, Options, Processed, TextError};
use std::path::PathBuf;

fn seed_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds"
    ))
}

/// The seed whose file name starts with `prefix` ("000" … "004").
fn seed(prefix: &str) -> Vec<u8> {
    let dir = seed_dir();
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn run(bytes: &[u8]) -> Processed {
    process(bytes, Format::Text, &Options::default()).expect("seed processes")
}

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// Every segment's span must index its text in the clean text.
fn assert_spans(doc: &Processed) {
    let chars: Vec<char> = doc.clean_text.chars().collect();
    let mut last_start = 0;
    for s in &doc.segments {
        let (a, b) = s.span;
        let at: String = chars[a..b].iter().collect();
        assert_eq!(at, s.text, "span {a}..{b}");
        assert!(a >= last_start, "segments are in text order");
        last_start = a;
    }
}

#[test]
fn all_seeds_process_into_chinese_sentences_with_exact_spans() {
    for id in SEEDS {
        let doc = run(&seed(id));
        assert!(
            doc.segments.len() > 20,
            "seed {id}: only {} segments",
            doc.segments.len()
        );
        assert_eq!(doc.lang, Lang::Zh, "seed {id}");
        assert_eq!(doc.encoding, "UTF-8");
        assert_spans(&doc);
        let paragraphs: Vec<u32> = doc.segments.iter().map(|s| s.paragraph).collect();
        assert!(
            paragraphs.windows(2).all(|w| w[0] <= w[1]),
            "seed {id}: paragraph numbers ascend"
        );
        assert_eq!(paragraphs.first(), Some(&0));
    }
}

#[test]
fn seed_000_words_broken_across_lines_are_rejoined() {
    let raw = String::from_utf8(seed("000")).expect("utf-8");
    // The raw file breaks this phrase across a line (and a blank line).
    assert!(!raw.contains("拜登政府时期乌克兰"));
    let doc = run(raw.as_bytes());
    assert!(
        doc.segments
            .iter()
            .any(|s| s.text.contains("拜登政府时期乌克兰")),
        "no sentence keeps the phrase whole"
    );
}

fn ends_a_sentence(text: &str) -> bool {
    let closers = ['”', '’', '」', '』', '）', ')', '】', '》', '"'];
    let last = text
        .trim_end()
        .trim_end_matches(closers)
        .chars()
        .next_back();
    last.is_some_and(|c| matches!(c, '。' | '！' | '？' | '；' | '…' | '.' | '!' | '?' | ';'))
}

/// Runs the stage's parts by hand to see each segment's block kind.
fn segments_with_kinds(bytes: &[u8]) -> Vec<(BlockKind, Segment)> {
    let d = decode::decode(bytes, None, None).expect("decodes");
    let cleaned = clean::clean(&d.text, Layout::Flowed);
    segment::segments(&cleaned)
        .into_iter()
        .map(|s| (cleaned.blocks[s.paragraph as usize].kind, s))
        .collect()
}

#[test]
fn prose_sentences_of_pdf_seeds_end_with_sentence_punctuation() {
    for id in ["000", "001", "004"] {
        let segs = segments_with_kinds(&seed(id));
        let prose: Vec<&Segment> = segs
            .iter()
            .filter(|(k, _)| *k == BlockKind::Prose)
            .map(|(_, s)| s)
            .collect();
        // The last sentence of a paragraph may be cut where the document itself stops mid-text;
        // everything else must end with sentence punctuation.
        let bad: Vec<&str> = prose
            .iter()
            .filter(|s| !ends_a_sentence(&s.text))
            .map(|s| s.text.as_str())
            .collect();
        assert!(
            bad.is_empty(),
            "seed {id}: {} prose sentences end mid-sentence: {bad:#?}",
            bad.len()
        );
        assert!(
            prose.len() > 50,
            "seed {id}: {} prose sentences",
            prose.len()
        );
    }
}

fn has_marker(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        let circled = matches!(c as u32, 0x2460..=0x2473 | 0x3251..=0x325F | 0x32B1..=0x32BF);
        let superscript = matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹');
        let caret = c == '^';
        let bracket = c == '[' && {
            let inner: String = chars[i + 1..].iter().take_while(|&&d| d != ']').collect();
            !inner.is_empty()
                && inner.len() <= 4
                && inner.trim().chars().all(|d| d.is_ascii_digit())
        };
        let letter = c.is_ascii_lowercase()
            && i > 0
            && matches!(chars[i - 1], '。' | '；' | '，' | '”')
            && chars
                .get(i + 1)
                .is_none_or(|&n| !n.is_ascii_alphabetic() && n != ' ');
        circled || superscript || caret || bracket || letter
    })
}

#[test]
fn no_sentence_of_any_seed_carries_a_footnote_marker() {
    for id in SEEDS {
        let doc = run(&seed(id));
        let bad: Vec<&str> = doc
            .segments
            .iter()
            .filter(|s| has_marker(&s.text))
            .map(|s| s.text.as_str())
            .collect();
        assert!(bad.is_empty(), "seed {id}: {bad:#?}");
    }
    assert!(has_marker("期待。[2]然而") && has_marker("因随后①事件") && has_marker("挑战。a新"));
}

#[test]
fn footnote_bodies_are_note_segments() {
    for id in ["000", "001", "004"] {
        let doc = run(&seed(id));
        let notes = doc.segments.iter().filter(|s| s.note).count();
        assert!(notes >= 10, "seed {id}: {notes} notes");
        // Notes never glue into body sentences: no body sentence continues in Chinese after a URL.
        let glued: Vec<&str> = doc
            .segments
            .iter()
            .filter(|s| {
                !s.note
                    && s.text
                        .split_once("://")
                        .is_some_and(|(_, after)| after.chars().any(dyad_text::normalize::is_han))
            })
            .map(|s| s.text.as_str())
            .collect();
        assert!(glued.is_empty(), "seed {id}: {glued:#?}");
    }
}

#[test]
fn seed_003_traditional_text_is_normalised_to_simplified() {
    let doc = run(&seed("003"));
    let traditional = ['會', '國', '總', '統', '與', '戰', '爭', '羅'];
    let mut kept = 0;
    for s in &doc.segments {
        assert!(
            !s.normalized.contains(traditional),
            "not simplified: {}",
            s.normalized
        );
        if s.text.contains("會晤") || s.text.contains("峰會") {
            kept += 1;
            assert!(
                s.normalized.contains("会晤") || s.normalized.contains("峰会"),
                "{}",
                s.normalized
            );
        }
    }
    assert!(
        kept >= 3,
        "the original traditional characters are kept in `text`"
    );
    // Wiki table rows stand alone: no prose sentence contains a table cell separator.
    assert!(doc
        .segments
        .iter()
        .filter(|s| !s.note)
        .all(|s| !s.text.contains('|')));
}

#[test]
fn seed_002_newspaper_columns_become_whole_sentences() {
    let doc = run(&seed("002"));
    let whole = "美国总统特朗普和俄罗斯总统普京当地时间8月15日在美国阿拉斯加州安克雷奇市埃尔门多夫-理查森联合军事基地举行会晤";
    assert!(
        doc.segments.iter().any(|s| s.text.contains(whole)),
        "the opening sentence is cut"
    );
    // Every long body sentence ends properly despite ~15-character column lines.
    let segs = segments_with_kinds(&seed("002"));
    let cut: Vec<&str> = segs
        .iter()
        .filter(|(k, s)| {
            *k == BlockKind::Prose && s.text.chars().count() > 20 && !ends_a_sentence(&s.text)
        })
        .map(|(_, s)| s.text.as_str())
        .collect();
    assert!(cut.len() <= 1, "{cut:#?}");
}

#[test]
fn seed_titles_and_dates() {
    let d = |id: &str| run(&seed(id));
    let t = |doc: &Processed| doc.title.clone().unwrap_or_default();
    let p = |doc: &Processed| doc.published.map(|d| d.to_string());
    let (d0, d1, d3, d4) = (d("000"), d("001"), d("003"), d("004"));
    assert!(t(&d0).contains("前景展望"), "{}", t(&d0));
    assert!(t(&d1).ends_with("困境分析"), "{}", t(&d1));
    assert!(t(&d3).contains("峰會"), "{}", t(&d3));
    assert!(t(&d4).contains("外交政策的转变"), "{}", t(&d4));
    assert_eq!(p(&d0).as_deref(), Some("2024-12-19"));
    assert_eq!(p(&d3).as_deref(), Some("2025-08-13"));
    assert_eq!(p(&d4).as_deref(), Some("2022-04-18"));
    assert_eq!(p(&d("002")), None);
}

#[test]
fn gb18030_copies_give_the_same_identity_text() {
    for id in ["000", "002", "004"] {
        let utf8 = seed(id);
        let text = String::from_utf8(utf8.clone()).expect("utf-8");
        let (gb, _, errors) = encoding_rs::GB18030.encode(&text);
        assert!(!errors);
        let a = run(&utf8);
        let b = run(&gb);
        assert!(
            matches!(b.encoding, "GBK" | "GB18030"),
            "seed {id}: detected {}",
            b.encoding
        );
        assert_eq!(a.identity_text(), b.identity_text(), "seed {id}");
        let declared = Options {
            declared_charset: Some("GB18030".into()),
        };
        let c = process(&gb, Format::Text, &declared).expect("declared");
        assert_eq!(c.encoding, "GB18030");
        assert_eq!(a.identity_text(), c.identity_text());
    }
}

#[test]
fn big5_copy_of_the_traditional_seed_gives_the_same_identity_text() {
    let text = String::from_utf8(seed("003")).expect("utf-8");
    // Big5 cannot encode every character (simplified ones, some symbols): keep the lines that
    // encode cleanly, and compare with the UTF-8 processing of exactly that text.
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !encoding_rs::BIG5.encode(l).2)
        .collect();
    assert!(kept.len() >= 50, "only {} lines encode in Big5", kept.len());
    let subset = kept.join("\n");
    let (big5, _, errors) = encoding_rs::BIG5.encode(&subset);
    assert!(!errors);
    let a = run(subset.as_bytes());
    let b = run(&big5);
    assert_eq!(b.encoding, "Big5");
    assert_eq!(a.identity_text(), b.identity_text());
    assert!(
        b.segments.iter().any(|s| s.text.contains('會')),
        "traditional text survives"
    );
}

const RUSSIAN: &str = "Министр иностранных дел России провёл переговоры с государственным секретарём США. \
Стороны обсудили вопросы стратегической стабильности и договорились продолжить консультации в Женеве. \
По словам дипломатов, встреча длилась около трёх часов и прошла в деловой атмосфере.";

#[test]
fn cyrillic_single_byte_and_utf16_texts_decode() {
    for (enc, name) in [
        (encoding_rs::WINDOWS_1251, "windows-1251"),
        (encoding_rs::KOI8_R, "KOI8-R"),
    ] {
        let (bytes, _, errors) = enc.encode(RUSSIAN);
        assert!(!errors);
        let doc = run(&bytes);
        assert_eq!(doc.encoding, name);
        assert_eq!(doc.lang, Lang::Ru);
        assert_eq!(doc.segments.len(), 3);
        assert_eq!(doc.clean_text, RUSSIAN);
    }
    let mixed = format!("{RUSSIAN}\n美俄两国元首举行会晤。");
    for (bom, le) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
        let mut bytes = bom.to_vec();
        for u in mixed.encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let doc = run(&bytes);
        assert_eq!(doc.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
        assert_eq!(doc.segments.len(), 4);
        assert!(doc.clean_text.ends_with("美俄两国元首举行会晤。"));
    }
}

#[test]
fn binary_truncated_pdf_and_empty_input_are_refused() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    assert!(matches!(
        process(&random, Format::Text, &Options::default()),
        Err(TextError::Binary(_))
    ));
    let pdf = minimal_pdf("Summit talks ended without a deal.");
    let truncated = &pdf[..pdf.len() / 2];
    assert!(matches!(
        process(truncated, Format::Pdf, &Options::default()),
        Err(TextError::Pdf(_))
    ));
    assert!(matches!(
        process(b"not a pdf", Format::Pdf, &Options::default()),
        Err(TextError::Pdf(_))
    ));
    assert_eq!(
        process(b"", Format::Text, &Options::default()).unwrap_err(),
        TextError::Empty
    );
    assert_eq!(
        process(b" \n\n ", Format::Text, &Options::default()).unwrap_err(),
        TextError::NoText
    );
}

#[test]
fn english_and_russian_sentences() {
    let count = |s: &str| {
        process(s.as_bytes(), Format::Text, &Options::default())
            .expect("processes")
            .segments
            .len()
    };
    assert_eq!(count("The U.S. and Russia signed New START on April 8, 2010. Mr. Obama met Dr. Medvedev in Prague."), 2);
    assert_eq!(count("V. V. Putin met President Trump."), 1);
    assert_eq!(count("В. В. Путин встретился с Д. Трампом 15 авг. 2025 г. в Анкоридже. Переговоры длились 3 ч."), 2);
    let doc = process(
        "The talks ended. Переговоры завершились. 会谈结束。".as_bytes(),
        Format::Text,
        &Options::default(),
    )
    .expect("processes");
    let langs: Vec<Lang> = doc.segments.iter().map(|s| s.lang).collect();
    assert_eq!(langs, [Lang::En, Lang::Ru, Lang::Zh]);
}

/// A one-page PDF written by hand: Helvetica, one text line, correct xref offsets, an info title.
fn minimal_pdf(line: &str) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 72 720 Td ({line}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        "<< /Title (Alaska Summit Notes) >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        pdf.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn a_minimal_pdf_yields_its_text_and_title() {
    let pdf = minimal_pdf("Summit talks ended without a deal.");
    assert_eq!(Format::sniff(&pdf), Some(Format::Pdf));
    let doc = process(&pdf, Format::Pdf, &Options::default()).expect("pdf processes");
    assert_eq!(doc.segments.len(), 1);
    assert_eq!(doc.segments[0].text, "Summit talks ended without a deal.");
    assert_eq!(doc.title.as_deref(), Some("Alaska Summit Notes"));
    assert_eq!(doc.lang, Lang::En);
}
