//! The containers end to end: HTML (with a declared charset), Markdown, and format sniffing.

use dyad_model::Lang;
use dyad_text::{process, Format, Options};

#[test]
fn html_in_gbk_with_meta_charset() {
    let html = "<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>两国元首会晤 - 某某网</title>\
        <meta name=\"pubdate\" content=\"2030-01-02\"></head><body>\
        <nav><a href=\"/\">首页</a><a href=\"/world\">国际</a></nav>\
        <div class=\"article\"><h1>两国元首会晤</h1>\
        <p>两国元首当地时间1月1日在边境城市举行会晤，讨论了贸易和能源合作等问题。双方认为会晤富有成果。</p>\
        <p>分析人士指出，这次会晤表明双方都有意改善关系，但结构性分歧依然存在，后续谈判仍将艰难。</p>\
        <p>据报道，双方同意在三个月内举行下一轮部长级磋商，并成立联合工作组处理具体问题。</p></div>\
        <footer>版权所有</footer><script>var x = 1;</script></body></html>";
    let (bytes, _, errors) = encoding_rs::GBK.encode(html);
    assert!(!errors);
    assert_eq!(Format::sniff(&bytes), Some(Format::Html));
    let doc = process(&bytes, Format::Html, &Options::default()).expect("html processes");
    assert_eq!(doc.encoding, "GBK");
    assert_eq!(doc.lang, Lang::Zh);
    assert!(
        doc.title
            .as_deref()
            .is_some_and(|t| t.contains("两国元首会晤")),
        "{:?}",
        doc.title
    );
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some("2030-01-02")
    );
    assert!(doc
        .segments
        .iter()
        .any(|s| s.text == "双方认为会晤富有成果。"));
    assert!(!doc.clean_text.contains("版权所有") && !doc.clean_text.contains("var x"));
}

#[test]
fn markdown_markup_is_stripped() {
    let md = "# Talks in *Geneva*\n\nThe delegations met for **three** hours and agreed to meet again\nin [March](https://example.org/march).[^1]\n\n| Side | Lead |\n|---|---|\n| A | Jane Roe |\n\n```\ncode is dropped\n```\n\n[^1]: Example Wire, 2 January 2030.\n";
    let doc =
        process(md.as_bytes(), Format::Markdown, &Options::default()).expect("markdown processes");
    assert_eq!(doc.title.as_deref(), Some("Talks in Geneva"));
    let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
    assert!(
        texts.contains(&"The delegations met for three hours and agreed to meet again in March."),
        "{texts:?}"
    );
    assert!(texts.contains(&"Jane Roe"));
    assert!(!doc.clean_text.contains("code is dropped"));
    let note = doc.segments.iter().find(|s| s.note).expect("a note");
    assert_eq!(note.text, "Example Wire, 2 January 2030.");
}
