//! The text stage on documents as they arrive: the fixtures in `tests-data/documents/` (written
//! for these tests, imitating what PDF extraction, newspaper columns, encyclopedia pages and old
//! encodings do to a text; `make_fixtures.py` there writes them) and, with `DYAD_SHARED` set, the
//! five real seed documents of the shared folder (Chinese analyses of US–Russia relations,
//! extracted from PDFs and web pages), which must pass the same checks.

#[path = "../../../tests-data/opt_in.rs"]
mod opt_in;

#[path = "../../../tests-data/pdf_objects.rs"]
mod pdf_objects;

use dyad_model::{Lang, Segment};
use dyad_text::clean::{self, BlockKind, Layout};
use dyad_text::{decode, process, segment, Format, Options, Processed, TextError};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> Vec<u8> {
    let p = opt_in::repo_root().join("tests-data/documents").join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

fn fixture_text(name: &str) -> String {
    String::from_utf8(fixture(name)).expect("utf-8")
}

fn run(bytes: &[u8]) -> Processed {
    process(bytes, Format::Text, &Options::default()).expect("document processes")
}

/// The Chinese fixtures: a paper as its PDF text layer gives it, a newspaper page in narrow
/// columns, a traditional-Chinese encyclopedia page.
const ZH: [&str; 3] = ["zh-paper.txt", "zh-news-columns.txt", "zh-hant-wiki.txt"];

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

/// A Chinese document gives Chinese sentences with exact spans and ascending paragraphs.
fn check_chinese_document(name: &str, doc: &Processed, min_segments: usize) {
    assert!(
        doc.segments.len() >= min_segments,
        "{name}: only {} segments",
        doc.segments.len()
    );
    assert_eq!(doc.lang, Lang::Zh, "{name}");
    assert_eq!(doc.encoding, "UTF-8", "{name}");
    assert_spans(doc);
    let paragraphs: Vec<u32> = doc.segments.iter().map(|s| s.paragraph).collect();
    assert!(
        paragraphs.windows(2).all(|w| w[0] <= w[1]),
        "{name}: paragraph numbers ascend"
    );
    assert_eq!(paragraphs.first(), Some(&0), "{name}");
}

#[test]
fn chinese_documents_process_into_sentences_with_exact_spans() {
    for (name, min) in [
        ("zh-paper.txt", 20),
        ("zh-news-columns.txt", 7),
        ("zh-hant-wiki.txt", 15),
    ] {
        check_chinese_document(name, &run(&fixture(name)), min);
    }
}

/// The Han characters on either side of the first line break inside running Chinese text: the
/// cleaner must give them back as one piece (`before + after`).
fn first_broken_phrase(raw: &str) -> String {
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let han = |c: &char| dyad_text::normalize::is_han(*c);
    for w in lines.windows(2) {
        let before: Vec<char> = w[0].chars().collect();
        let after: Vec<char> = w[1].chars().collect();
        let tail = &before[before.len().saturating_sub(4)..];
        if before.len() > 20 && tail.iter().all(han) && after.iter().take(3).all(han) {
            return tail.iter().chain(after.iter().take(3)).collect();
        }
    }
    panic!("no line break inside Chinese text");
}

fn check_broken_words_rejoined(name: &str, raw: &str) {
    let phrase = first_broken_phrase(raw);
    assert!(
        !raw.contains(&phrase),
        "{name}: {phrase} is whole in the raw text"
    );
    let doc = run(raw.as_bytes());
    assert!(
        doc.segments.iter().any(|s| s.text.contains(&phrase)),
        "{name}: no sentence keeps {phrase} whole"
    );
}

#[test]
fn words_broken_across_lines_are_rejoined() {
    let raw = fixture_text("zh-paper.txt");
    // The fixture cuts 奥巴马 after its second character, with a blank line between the halves.
    assert!(!raw.contains("奥巴马政府时期"));
    let doc = run(raw.as_bytes());
    assert!(doc
        .segments
        .iter()
        .any(|s| s.text.contains("奥巴马政府时期达到高点")));
    check_broken_words_rejoined("zh-paper.txt", &raw);
    // A sentence that runs across a page break, past footnotes, a page number, a journal footer
    // and the next page's running header, is one sentence again.
    assert!(
        doc.segments
            .iter()
            .any(|s| s.text == "2020年11月，美国又退出《开放天空条约》。"),
        "{:#?}",
        doc.segments.iter().map(|s| &s.text).collect::<Vec<_>>()
    );
}

#[test]
fn page_numbers_journal_footers_and_running_headers_are_dropped() {
    let doc = run(&fixture("zh-paper.txt"));
    for s in &doc.segments {
        for dropped in ["- 57 -", "- 58 -", "《示例国际评论》2025年第5期"] {
            assert!(!s.text.contains(dropped), "{dropped} in {}", s.text);
        }
        assert_ne!(s.text, "美俄军控对话的周期");
    }
    assert!(
        !doc.clean_text.contains("\n美俄军控对话的周期\n"),
        "the running header stands in the text"
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

/// Every prose sentence of a PDF-extracted document ends with sentence punctuation.
fn check_prose_sentences_end(name: &str, bytes: &[u8], min_prose: usize) {
    let segs = segments_with_kinds(bytes);
    let prose: Vec<&Segment> = segs
        .iter()
        .filter(|(k, _)| *k == BlockKind::Prose)
        .map(|(_, s)| s)
        .collect();
    let bad: Vec<&str> = prose
        .iter()
        .filter(|s| !ends_a_sentence(&s.text))
        .map(|s| s.text.as_str())
        .collect();
    assert!(
        bad.is_empty(),
        "{name}: {} prose sentences end mid-sentence: {bad:#?}",
        bad.len()
    );
    assert!(
        prose.len() >= min_prose,
        "{name}: {} prose sentences",
        prose.len()
    );
}

#[test]
fn prose_sentences_of_a_pdf_extraction_end_with_sentence_punctuation() {
    check_prose_sentences_end("zh-paper.txt", &fixture("zh-paper.txt"), 18);
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

fn check_no_markers(name: &str, doc: &Processed) {
    let bad: Vec<&str> = doc
        .segments
        .iter()
        .filter(|s| has_marker(&s.text))
        .map(|s| s.text.as_str())
        .collect();
    assert!(bad.is_empty(), "{name}: {bad:#?}");
}

#[test]
fn no_sentence_carries_a_footnote_marker() {
    for name in ZH {
        check_no_markers(name, &run(&fixture(name)));
    }
    assert!(has_marker("期待。[2]然而") && has_marker("因随后①事件") && has_marker("挑战。a新"));
}

/// Footnote bodies become note segments and never glue into body sentences.
fn check_notes(name: &str, doc: &Processed, min_notes: usize) {
    let notes = doc.segments.iter().filter(|s| s.note).count();
    assert!(notes >= min_notes, "{name}: {notes} notes");
    // No body sentence continues in Chinese after a URL.
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
    assert!(glued.is_empty(), "{name}: {glued:#?}");
}

#[test]
fn footnote_bodies_are_note_segments() {
    let doc = run(&fixture("zh-paper.txt"));
    check_notes("zh-paper.txt", &doc, 6);
    // A note cut inside its URL is one note with the whole URL.
    assert!(doc.segments.iter().any(|s| s.note
        && s.text
            .contains("https://example.org/archive/abm/2001/notes-and-records.html")));
}

/// Traditional text is normalised to simplified for coding and kept as written for display.
fn check_traditional(name: &str, doc: &Processed) {
    let traditional = ['會', '國', '總', '統', '與', '戰', '爭', '羅'];
    let mut kept = 0;
    for s in &doc.segments {
        assert!(
            !s.normalized.contains(traditional),
            "{name}: not simplified: {}",
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
        "{name}: the original traditional characters are kept in `text`"
    );
    // Table rows stand alone: no prose sentence contains a table cell separator.
    assert!(doc
        .segments
        .iter()
        .filter(|s| !s.note)
        .all(|s| !s.text.contains('|')));
}

#[test]
fn traditional_text_is_normalised_to_simplified() {
    check_traditional("zh-hant-wiki.txt", &run(&fixture("zh-hant-wiki.txt")));
}

/// The opening clause of a document in narrow columns (its lines joined, up to the first comma)
/// is whole in a sentence, and long body sentences end properly.
fn check_columns(name: &str, raw: &[u8]) {
    let text = String::from_utf8(raw.to_vec()).expect("utf-8");
    let joined: String = text.lines().map(str::trim).collect();
    let opening = joined.split('，').next().unwrap();
    assert!(opening.chars().count() > 30, "{name}: {opening}");
    let doc = run(raw);
    assert!(
        doc.segments.iter().any(|s| s.text.contains(opening)),
        "{name}: the opening sentence is cut"
    );
    let segs = segments_with_kinds(raw);
    let cut: Vec<&str> = segs
        .iter()
        .filter(|(k, s)| {
            *k == BlockKind::Prose && s.text.chars().count() > 20 && !ends_a_sentence(&s.text)
        })
        .map(|(_, s)| s.text.as_str())
        .collect();
    assert!(cut.len() <= 1, "{name}: {cut:#?}");
}

#[test]
fn newspaper_columns_become_whole_sentences() {
    let raw = fixture("zh-news-columns.txt");
    check_columns("zh-news-columns.txt", &raw);
    let doc = run(&raw);
    assert!(doc.segments.iter().any(|s| s.text
        == "美国总统特朗普与俄罗斯总统普京8月15日（当地时间）在阿拉斯加州安克雷奇市的一处美军基地会面并举行会谈，双方就乌克兰问题和两国关系交换意见。"));
}

#[test]
fn titles_and_dates() {
    let paper = run(&fixture("zh-paper.txt"));
    assert_eq!(
        paper.title.as_deref(),
        Some("美俄军控对话的周期：回顾与前景评估")
    );
    assert_eq!(
        paper.published.map(|d| d.to_string()).as_deref(),
        Some("2025-09-10")
    );
    let wiki = run(&fixture("zh-hant-wiki.txt"));
    assert!(wiki.title.as_deref().is_some_and(|t| t.contains("峰會")));
    assert_eq!(
        wiki.published.map(|d| d.to_string()).as_deref(),
        Some("2025-08-13")
    );
    assert_eq!(run(&fixture("zh-news-columns.txt")).published, None);
}

/// The GB18030 bytes of a UTF-8 document give the same identity text, detected and declared.
fn check_gb18030_copy(name: &str, utf8: &[u8]) {
    let text = String::from_utf8(utf8.to_vec()).expect("utf-8");
    let (gb, _, errors) = encoding_rs::GB18030.encode(&text);
    assert!(!errors);
    let a = run(utf8);
    let b = run(&gb);
    assert!(
        matches!(b.encoding, "GBK" | "GB18030"),
        "{name}: detected {}",
        b.encoding
    );
    assert_eq!(a.identity_text(), b.identity_text(), "{name}");
    let declared = Options {
        declared_charset: Some("GB18030".into()),
    };
    let c = process(&gb, Format::Text, &declared).expect("declared");
    assert_eq!(c.encoding, "GB18030");
    assert_eq!(a.identity_text(), c.identity_text());
}

#[test]
fn gb18030_copies_give_the_same_identity_text() {
    for name in ["zh-paper.txt", "zh-news-columns.txt"] {
        check_gb18030_copy(name, &fixture(name));
    }
}

/// The committed copies in other encodings are the same documents as their UTF-8 originals.
#[test]
fn committed_copies_in_other_encodings_are_the_same_documents() {
    for (copy, original, encoding, lang) in [
        (
            "zh-news-columns.gb18030.txt",
            "zh-news-columns.txt",
            "GBK",
            Lang::Zh,
        ),
        (
            "zh-hant-wiki.big5.txt",
            "zh-hant-wiki.txt",
            "Big5",
            Lang::Zh,
        ),
        (
            "ru-news.cp1251.txt",
            "ru-news.txt",
            "windows-1251",
            Lang::Ru,
        ),
        ("en-notes.utf16le.txt", "en-notes.txt", "UTF-16LE", Lang::En),
    ] {
        let bytes = fixture(copy);
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "{copy} is not UTF-8 text"
        );
        let a = run(&fixture(original));
        let b = run(&bytes);
        assert!(
            b.encoding == encoding || (encoding == "GBK" && b.encoding == "GB18030"),
            "{copy}: detected {}",
            b.encoding
        );
        assert_eq!(b.lang, lang, "{copy}");
        assert_eq!(a.identity_text(), b.identity_text(), "{copy}");
        assert_eq!(a.segments.len(), b.segments.len(), "{copy}");
    }
    // The Big5 copy keeps its traditional characters for display.
    let big5 = run(&fixture("zh-hant-wiki.big5.txt"));
    assert!(big5.segments.iter().any(|s| s.text.contains('會')));
}

/// The Big5 bytes of the lines of a traditional document that Big5 can encode give the same
/// identity text as the UTF-8 processing of exactly those lines.
fn check_big5_subset(name: &str, text: &str, min_lines: usize) {
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !encoding_rs::BIG5.encode(l).2)
        .collect();
    assert!(
        kept.len() >= min_lines,
        "{name}: only {} lines encode in Big5",
        kept.len()
    );
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

#[test]
fn big5_copy_of_the_traditional_page_gives_the_same_identity_text() {
    let text = fixture_text("zh-hant-wiki.txt");
    check_big5_subset("zh-hant-wiki.txt", &text, text.lines().count());
}

#[test]
fn a_pdf_with_a_text_layer_is_read_repaired_and_cut_into_sentences() {
    let pdf = fixture("en-brief.pdf");
    assert_eq!(Format::sniff(&pdf), Some(Format::Pdf));
    let doc = process(&pdf, Format::Pdf, &Options::default()).expect("pdf processes");
    assert_eq!(doc.lang, Lang::En);
    assert_eq!(
        doc.title.as_deref(),
        Some("Contacts between Washington and Moscow")
    );
    let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
    for whole in [
        // a sentence over two lines, with a word cut at a hyphen and a footnote marker
        "Six days later, senior officials of both countries met in Riyadh.",
        // a sentence over three lines on the second page
        "The meeting produced no ceasefire agreement, and the sanctions imposed since 2022 remained in force.",
    ] {
        assert!(texts.contains(&whole), "{whole} not in {texts:#?}");
    }
    let notes: Vec<&str> = doc
        .segments
        .iter()
        .filter(|s| s.note)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(notes, ["Riyadh is the capital of Saudi Arabia."]);
    for s in &texts {
        assert!(!s.contains("Page "), "page number in {s}");
        assert!(!has_marker(s), "marker in {s}");
    }
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
    pdf_objects::pdf_with_trailer(&objects, "/Info 6 0 R")
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

/// The seed whose file name starts with `prefix` ("000" … "004") in `dir`.
fn seed_in(dir: &Path, prefix: &str) -> Vec<u8> {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let path: PathBuf = entries
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

/// The five real seed documents of the shared folder pass the checks above: exact spans, words
/// rejoined across lines, whole sentences, no footnote markers, notes, traditional text,
/// newspaper columns, titles and dates, GB18030 and Big5 copies.
#[test]
fn opt_in_the_five_seed_documents() {
    let Some(dir) = opt_in::suite(
        "dyad-text tests/documents.rs, the five seed documents",
        "seeds",
    ) else {
        return;
    };
    let seed = |id: &str| seed_in(&dir, id);
    for id in ["000", "001", "002", "003", "004"] {
        let doc = run(&seed(id));
        check_chinese_document(id, &doc, 21);
        check_no_markers(id, &doc);
    }
    for id in ["000", "001", "004"] {
        check_prose_sentences_end(id, &seed(id), 51);
        check_notes(id, &run(&seed(id)), 10);
    }
    check_broken_words_rejoined("000", &String::from_utf8(seed("000")).expect("utf-8"));
    check_traditional("003", &run(&seed("003")));
    check_columns("002", &seed("002"));

    let t = |id: &str| run(&seed(id)).title.unwrap_or_default();
    let p = |id: &str| run(&seed(id)).published.map(|d| d.to_string());
    assert!(t("000").contains("前景展望"), "{}", t("000"));
    assert!(t("001").ends_with("困境分析"), "{}", t("001"));
    assert!(t("003").contains("峰會"), "{}", t("003"));
    assert!(t("004").contains("外交政策的转变"), "{}", t("004"));
    assert_eq!(p("000").as_deref(), Some("2024-12-19"));
    assert_eq!(p("003").as_deref(), Some("2025-08-13"));
    assert_eq!(p("004").as_deref(), Some("2022-04-18"));
    assert_eq!(p("002"), None);

    for id in ["000", "002", "004"] {
        check_gb18030_copy(id, &seed(id));
    }
    check_big5_subset("003", &String::from_utf8(seed("003")).expect("utf-8"), 50);
}
