//! Hostile input: small files built to crash, hang or garble the text stage. Each must give a
//! clear error or a sensible reading, never a stack overflow (which aborts the process) and never
//! time quadratic in the input. Extraction runs here on threads with the 2 MiB stack of the
//! ingest workers, so a recursion the guards miss fails the test by aborting it.

#[path = "../../../tests-data/pdf_objects.rs"]
mod pdf_objects;

use dyad_text::{process, Format, Options, Processed, TextError};
use pdf_objects::{pdf, stream};
use std::time::{Duration, Instant};

/// Runs the text stage on a thread with a 2 MiB stack (the default for spawned threads).
fn on_small_stack(bytes: Vec<u8>, format: Format) -> Result<Processed, TextError> {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || process(&bytes, format, &Options::default()))
        .expect("spawn")
        .join()
        .expect("the text stage panicked")
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
const PAGE_TEXT: &str =
    "BT /F1 12 Tf 72 700 Td (Presidents met in Geneva and talked for hours.) Tj ET";

/// One page drawing text and then the form XObject `/X1` (object 4), whose own content is
/// `form_content` and whose resources name `form_xobjects`.
fn pdf_with_form(form_xobjects: &str, form_content: &str) -> Vec<u8> {
    pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
         /Resources << /Font << /F1 5 0 R >> /XObject << /X1 4 0 R >> >> /Contents 6 0 R >>"
            .into(),
        stream(
            &format!(
                "/Type /XObject /Subtype /Form /BBox [0 0 100 100] \
                 /Resources << /Font << /F1 5 0 R >> /XObject << {form_xobjects} >> >>"
            ),
            form_content,
        ),
        FONT.into(),
        stream("", &format!("{PAGE_TEXT} /X1 Do")),
    ])
}

#[test]
fn a_form_xobject_drawing_itself_is_refused() {
    let bytes = pdf_with_form("/X1 4 0 R", "/X1 Do");
    assert!(bytes.len() < 1200, "{} bytes", bytes.len());
    let err = on_small_stack(bytes, Format::Pdf).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, TextError::Pdf(_)), "{msg}");
    assert!(msg.contains("draws itself"), "{msg}");
}

#[test]
fn a_form_cycle_through_inherited_resources_is_refused() {
    // The form has no resources of its own: the reader looks `/X1` up in the page's, which is
    // the form again.
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
         /Resources << /Font << /F1 5 0 R >> /XObject << /X1 4 0 R >> >> /Contents 6 0 R >>"
            .into(),
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 100 100]",
            "/X1 Do",
        ),
        FONT.into(),
        stream("", &format!("{PAGE_TEXT} /X1 Do")),
    ]);
    let msg = on_small_stack(bytes, Format::Pdf).unwrap_err().to_string();
    assert!(msg.contains("draws itself"), "{msg}");
}

#[test]
fn forms_drawing_each_other_exponentially_are_refused() {
    // Form k draws form k+1 twice: 2^40 drawings from a file of a few kilobytes.
    let n = 40;
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
         /Resources << /Font << /F1 5 0 R >> /XObject << /X1 7 0 R >> >> /Contents 6 0 R >>"
            .into(),
        "<< >>".into(),
        FONT.into(),
        stream("", &format!("{PAGE_TEXT} /X1 Do")),
    ];
    for k in 0..n {
        let next = if k + 1 < n {
            format!("/X1 {} 0 R", 8 + k)
        } else {
            String::new()
        };
        objects.push(stream(
            &format!(
                "/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << {next} >> >>"
            ),
            if k + 1 < n { "/X1 Do /X1 Do" } else { "" },
        ));
    }
    let started = Instant::now();
    let msg = on_small_stack(pdf(&objects), Format::Pdf)
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("drawn more than") || msg.contains("nested more than"),
        "{msg}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_page_tree_that_loops_is_refused() {
    // The page has no resources, so the reader looks them up its Parent chain: 2 → 7 → 2 …
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 7 0 R >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R >>".into(),
        "<< >>".into(),
        FONT.into(),
        stream("", PAGE_TEXT),
        "<< /Type /Pages /Kids [] /Count 0 /Parent 2 0 R >>".into(),
    ]);
    match on_small_stack(bytes, Format::Pdf) {
        Err(TextError::Pdf(msg)) => assert!(
            msg.contains("loops") || msg.contains("crashed") || msg.contains("no text layer"),
            "{msg}"
        ),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => {} // a reader that finds no loop on its way is fine too
    }
}

/// Found by fuzzing (`fuzz/run.sh`, target `pdf`): a page that is its own parent, with its own
/// resources but a damaged `/MediaBox` key, made the reader look the media box up the parent
/// chain for ever (1.8 KB, over 60 s of CPU, never ending).
#[test]
fn a_page_that_is_its_own_parent_without_a_media_box_is_refused() {
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 3 0 R /MediaBo| [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>".into(),
        "<< >>".into(),
        FONT.into(),
        stream("", PAGE_TEXT),
    ]);
    match on_small_stack(bytes, Format::Pdf) {
        Err(TextError::Pdf(msg)) => assert!(
            msg.contains("page 1: the page tree loops (object 3 0 is its own ancestor)"),
            "{msg}"
        ),
        other => panic!("expected the loop to be refused, got {other:?}"),
    }
}

#[test]
fn a_form_drawn_once_is_still_read() {
    let bytes = pdf_with_form(
        "",
        "BT /F1 12 Tf 72 600 Td (The form holds a second sentence about sanctions.) Tj ET",
    );
    let doc = on_small_stack(bytes, Format::Pdf).expect("a plain form XObject is read");
    assert!(doc.clean_text.contains("Geneva"), "{}", doc.clean_text);
    assert!(doc.clean_text.contains("sanctions"), "{}", doc.clean_text);
}

#[test]
fn fifty_thousand_unclosed_b_tags_do_not_overflow_the_stack() {
    let mut html =
        String::from("<html><body><p>Presidents met in Geneva and talked for hours.</p>");
    for _ in 0..50_000 {
        html.push_str("<b>");
    }
    html.push_str("The ministers agreed to meet again in March.</body></html>");
    let started = Instant::now();
    let doc = on_small_stack(html.into_bytes(), Format::Html).expect("deep HTML is read");
    assert!(doc.clean_text.contains("Geneva"), "{}", doc.clean_text);
    assert!(doc.clean_text.contains("meet again in March"));
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

/// `n` nested `<div>`s, a sentence in every 10,000th.
fn nested_divs(n: usize) -> Vec<u8> {
    let mut html = String::from("<html><body>");
    for i in 0..n {
        html.push_str("<div>");
        if i % 10_000 == 0 {
            html.push_str("Presidents met in Geneva and talked for hours. ");
        }
    }
    html.push_str("</body></html>");
    html.into_bytes()
}

#[test]
fn a_hundred_thousand_nested_divs_are_read_in_linear_time() {
    let doc = on_small_stack(nested_divs(100_000), Format::Html).expect("nested divs are read");
    assert_eq!(doc.segments.len(), 10, "{}", doc.clean_text);
    let g = growth(
        |scale| nested_divs(25_000 * scale),
        |html| {
            on_small_stack(html, Format::Html).expect("nested divs are read");
        },
    );
    assert!(g < LINEAR, "×{g:.1} for a fourfold input");
}

/// How many times longer `run` takes on an input four times as large (`size` gives the input
/// for a scale): about 4 for work linear in the input, 16 for quadratic. Each side's time is
/// the fastest of three runs, small and large interleaved, and the ratio the lowest of up to
/// three such rounds (it stops at the first under [`LINEAR`]): a busy machine slows runs
/// unevenly and can inflate one round, but quadratic work is slow in every round, so the bound
/// is about the shape of the work, not about seconds.
fn growth<T>(size: impl Fn(usize) -> T, run: impl Fn(T)) -> f64 {
    let time = |scale: usize| {
        let input = size(scale);
        let started = Instant::now();
        run(input);
        started.elapsed()
    };
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let (mut small, mut large) = (Duration::MAX, Duration::MAX);
        for _ in 0..3 {
            small = small.min(time(1));
            large = large.min(time(4));
        }
        best = best.min(large.as_secs_f64() / small.as_secs_f64().max(1e-3));
        if best < LINEAR {
            break;
        }
    }
    best
}

/// Linear work quadruples with a fourfold input; quadratic work grows sixteenfold.
const LINEAR: f64 = 9.0;

#[test]
fn two_megabytes_without_punctuation_take_linear_time() {
    // Latin words, Cyrillic words and Chinese characters, never a sentence end, no line break
    // (2 MB at the larger scale).
    let units: [(&str, usize); 3] = [
        (
            "presidents met in geneva and talked for hours about arms control ",
            8_000,
        ),
        (
            "президенты встретились в женеве и говорили несколько часов ",
            4_750,
        ),
        ("两国元首举行会晤讨论了乌克兰问题和军备控制", 8_250),
    ];
    for (unit, n) in units {
        assert!(unit.len() * n * 4 >= 2_000_000);
        let g = growth(
            |scale| unit.repeat(n * scale),
            |text| {
                let doc = process(text.as_bytes(), Format::Text, &Options::default())
                    .expect("text processes");
                assert!(!doc.segments.is_empty());
            },
        );
        assert!(g < LINEAR, "{unit}: ×{g:.1} for a fourfold input");
    }
}

#[test]
fn one_bad_byte_does_not_switch_a_utf8_document_to_another_encoding() {
    let para = "美俄两国元首在日内瓦举行会晤，讨论了乌克兰问题。The presidents met in Geneva. ";
    let text = para.repeat(35);
    let clean = process(text.as_bytes(), Format::Text, &Options::default()).unwrap();
    let mut bad = text.as_bytes().to_vec();
    bad.insert(1000, 0xC3); // a lead byte with no continuation
    let doc = process(&bad, Format::Text, &Options::default()).unwrap();
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(doc.replaced, 1);
    assert!(doc.segments.len() + 1 >= clean.segments.len());
    // A file cut in the middle of a character (its last Chinese sentence, here).
    let zh_end = text.rfind('。').unwrap();
    let cut = &text.as_bytes()[..zh_end - 1];
    assert!(!text.is_char_boundary(zh_end - 1));
    let doc = process(cut, Format::Text, &Options::default()).unwrap();
    assert_eq!((doc.encoding, doc.replaced), ("UTF-8", 1));
    let zh = doc
        .segments
        .iter()
        .filter(|s| s.lang == dyad_model::Lang::Zh);
    assert_eq!(zh.count(), 35);
}

#[test]
fn a_decompression_bomb_is_refused_before_it_is_inflated() {
    use std::io::Write;
    // 300 MB of zeros as one FlateDecode content stream: a few hundred kilobytes on disk.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..300 {
        z.write_all(&chunk).unwrap();
    }
    let packed = z.finish().unwrap();
    assert!(packed.len() < 2_000_000, "{}", packed.len());
    let mut body = format!(
        "<< /Filter /FlateDecode /Length {} >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    body.extend_from_slice(&packed);
    body.extend_from_slice(b"\nendstream");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    offsets.push(out.len());
    out.extend_from_slice(b"4 0 obj\n");
    out.extend_from_slice(&body);
    out.extend_from_slice(b"\nendobj\n");
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    let msg = on_small_stack(out, Format::Pdf).unwrap_err().to_string();
    assert!(msg.contains("decompression bomb"), "{msg}");
}

/// lopdf expands object streams while it loads a file, before the check of stream sizes: one
/// inflating to 300 MB must be measured and refused before it is expanded.
#[test]
fn an_object_stream_bomb_is_refused_before_it_is_expanded() {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(b"5 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        .unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..300 {
        z.write_all(&chunk).unwrap();
    }
    let packed = z.finish().unwrap();
    assert!(packed.len() < 2_000_000, "{}", packed.len());
    let mut body = format!(
        "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    body.extend_from_slice(&packed);
    body.extend_from_slice(b"\nendstream");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_string(),
    ];
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    offsets.push(out.len());
    out.extend_from_slice(b"4 0 obj\n");
    out.extend_from_slice(&body);
    out.extend_from_slice(b"\nendobj\n");
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    let msg = on_small_stack(out, Format::Pdf).unwrap_err().to_string();
    assert!(
        msg.contains("object streams expand to more than 256 MB (object 4 0"),
        "{msg}"
    );
}

/// lopdf inflates a cross-reference stream whole before it reads any object: one inflating to
/// 300 MB must be measured and refused first.
#[test]
fn a_cross_reference_stream_bomb_is_refused_before_it_is_inflated() {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..300 {
        z.write_all(&chunk).unwrap();
    }
    let packed = z.finish().unwrap();
    let mut out = b"%PDF-1.5\n".to_vec();
    for (i, o) in [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    .iter()
    .enumerate()
    {
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length {} >>\nstream\n",
            packed.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&packed);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    let msg = on_small_stack(out, Format::Pdf).unwrap_err().to_string();
    assert!(
        msg.contains("cross-reference streams expand to more than 256 MB"),
        "{msg}"
    );
}

/// The bound on object streams leaves a small one to be expanded and read: here the font the
/// page draws with lives in one, compressed.
#[test]
fn an_object_stream_within_the_limit_is_read() {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(b"5 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        .unwrap();
    let packed = z.finish().unwrap();
    let content = "BT /F1 12 Tf 72 700 Td (Presidents met in Geneva.) Tj ET";
    let mut objects: Vec<Vec<u8>> = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>".to_string(),
    ]
    .map(String::into_bytes)
    .to_vec();
    let mut stm = format!(
        "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    stm.extend_from_slice(&packed);
    stm.extend_from_slice(b"\nendstream");
    objects.push(stm);
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut xref_rows = vec!["0000000000 65535 f ".to_string()];
    for (i, o) in objects.iter().enumerate() {
        xref_rows.push(format!("{:010} 00000 n ", out.len()));
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    // Object 5 is in the object stream, so free in this table; object 6 is the page's text.
    xref_rows.push("0000000000 00001 f ".to_string());
    xref_rows.push(format!("{:010} 00000 n ", out.len()));
    out.extend_from_slice(
        format!(
            "6 0 obj\n<< /Length {} >>\nstream\n{content}\nendstream\nendobj\n",
            content.len()
        )
        .as_bytes(),
    );
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n", xref_rows.len()).as_bytes());
    for r in &xref_rows {
        out.extend_from_slice(format!("{r}\n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    let doc = on_small_stack(out, Format::Pdf).unwrap();
    assert!(
        doc.clean_text.contains("Presidents met in Geneva."),
        "{}",
        doc.clean_text
    );
}

#[test]
fn markdown_and_html_full_of_unmatched_marks_take_linear_time() {
    let md = |scale: usize| "[a](b [^1 ``x *y _z ".repeat(6_250 * scale);
    let html = |scale: usize| {
        format!(
            "<html><body><p>{}</p></body></html>",
            "AT&T & co ".repeat(12_500 * scale)
        )
    };
    assert!(md(4).len() >= 500_000 && html(4).len() >= 500_000);
    for (format, size) in [
        (Format::Markdown, &md as &dyn Fn(usize) -> String),
        (Format::Html, &html),
    ] {
        let g = growth(size, |text| {
            assert!(process(text.as_bytes(), format, &Options::default()).is_ok());
        });
        assert!(g < LINEAR, "{format:?}: ×{g:.1} for a fourfold input");
    }
}

/// `n` formatting tags the parser closes and reopens, after one sentence.
fn reopened_tags(n: usize) -> Vec<u8> {
    let body: String = (0..n).map(|i| format!("<div><b id={i}></div>x")).collect();
    format!("<html><body><p>Presidents met in Geneva and talked.</p>{body}</body></html>")
        .into_bytes()
}

#[test]
fn formatting_tags_the_parser_reopens_are_read_in_linear_time() {
    // Each `<b id=N>` is closed by the `</div>` around it and reopened at the next text: the
    // parser's stack grows by one per repetition while the tags look balanced.
    let doc = on_small_stack(reopened_tags(20_000), Format::Html).expect("read");
    assert!(doc.clean_text.contains("Geneva"));
    let g = growth(
        |scale| reopened_tags(5_000 * scale),
        |html| {
            on_small_stack(html, Format::Html).expect("read");
        },
    );
    assert!(g < LINEAR, "×{g:.1} for a fourfold input");
}
