//! Extracted text → clean blocks: how is PDF line-break damage undone?
//!
//! Text pulled out of PDFs breaks lines wherever the page did: in the middle of words and
//! sentences, around footnotes that sit between two halves of a sentence, under running headers
//! and page numbers. The cleaner reads the lines, decides what each one is, and rebuilds the
//! blocks a reader sees:
//!
//! * **Characters**: full-width ASCII folded, odd spaces and zero-width characters normalised,
//!   NFC ([`crate::normalize::char_fold`]). Leading U+3000 / two or more spaces mark indentation.
//! * **Dropped lines**: page numbers (`57`, `-57-`, `— 57 —`, `第 57 页`, `Page 5 of 9`),
//!   journal footers (`《某某研究》2022年第3期`), rules and table separators, running
//!   headers (a line repeated across pages, or the title line printed next to a page number).
//! * **Notes**: lines starting with `[1]`, `①`, `^①`, `- ^`, `* `, `注：`, or — in Chinese
//!   documents — a footnote letter (`a `, `b `…, in order) start a note; a note continues on the
//!   next line while its text is visibly unfinished (no final stop, a URL or word cut at a hyphen).
//!   Notes become blocks of their own, emitted after the paragraph they interrupted.
//! * **Tables**: tab- or pipe-separated rows become table blocks of cells; lines of
//!   space-separated Chinese tokens without punctuation (a table flattened by the PDF) become
//!   one-line table blocks, so they never glue into prose.
//! * **Headings**: numbered headings (`一、` `（一）` `1.` `第一章`) and short lines without a
//!   final stop stand alone.
//! * **Paragraphs**: a line that does not end a sentence continues on the next text line (Chinese
//!   joined without a space, Latin and Cyrillic de-hyphenated or joined with a space, URLs glued).
//!   A line that ends a sentence ends the paragraph when it is visibly short, when the next line
//!   is indented, when lines are not wrapped at all (one paragraph per line), or — unless blank
//!   lines separate nearly every line, as in some PDF extractions — when a blank line follows.
//! * **Footnote markers** (`[1]`, `[12]`, `①`, `^①`, `¹²³`, Chinese-document letters `。a`) are
//!   removed from the text, and the spaces PDF extraction leaves beside Chinese punctuation go.
//!
//! With [`Layout::Structured`] (HTML and Markdown, whose lines are already the blocks) no lines
//! are joined; the other rules apply.
//!
//! ```
//! use dyad_text::clean::{clean, Layout};
//! let c = clean("两国元首举行会晤，讨论了能源合\n作问题。[1]\n\n[1] 某通讯社，2030年1月2日。\n", Layout::Flowed);
//! assert_eq!(c.text, "两国元首举行会晤，讨论了能源合作问题。\n\n某通讯社，2030年1月2日。");
//! ```

use crate::normalize::{char_fold, is_cjk, is_han};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// How the input's lines relate to its blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Plain text and PDF text layers: lines are wrapped anywhere and must be rejoined.
    Flowed,
    /// HTML and Markdown after extraction: every line is a block.
    Structured,
}

/// What a block of the clean text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Prose,
    Heading,
    Table,
    Note,
}

/// A block of the clean text: a paragraph, heading, table row or note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Character span in [`Cleaned::text`].
    pub span: (usize, usize),
    /// For table rows, the character spans of the cells.
    pub cells: Vec<(usize, usize)>,
}

/// The clean text, its blocks (separated by blank lines in the text), and the running headers
/// that were dropped (a hint for the title).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub blocks: Vec<Block>,
    pub running_headers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Text,
    Note(String),
    Table(Vec<String>),
    Heading,
    Drop,
}

#[derive(Debug, Clone)]
struct Line {
    text: String,
    kind: Kind,
    indent: bool,
    lead_space: bool,
    blank_before: bool,
    wide_gap: bool,
    width: usize,
    terminal: bool,
    short: bool,
    lastish: bool,
}

/// Cleans extracted text into blocks. See the module documentation for the rules.
pub fn clean(raw: &str, layout: Layout) -> Cleaned {
    let han_doc = is_han_document(raw);
    let mut lines = read_lines(raw, han_doc);
    let mut headers = Vec::new();
    if layout == Layout::Flowed {
        drop_running_headers(&mut lines, &mut headers);
        mark_flat_tables(&mut lines);
    }
    measure(&mut lines);
    let raw_blocks = match layout {
        Layout::Flowed => assemble_flowed(&lines),
        Layout::Structured => assemble_structured(&lines),
    };
    let mut out = Cleaned {
        running_headers: headers,
        ..Cleaned::default()
    };
    let mut pos = 0usize;
    for (kind, parts) in raw_blocks {
        let parts: Vec<String> = parts
            .iter()
            .map(|p| tidy(&remove_markers(p, han_doc)))
            .collect();
        if !parts.iter().any(|p| p.chars().any(char::is_alphanumeric)) {
            continue;
        }
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
            pos += 2;
        }
        let start = pos;
        let mut cells = Vec::new();
        if kind == BlockKind::Table {
            let mut first = true;
            for p in parts.iter().filter(|p| !p.is_empty()) {
                if !first {
                    out.text.push_str(" | ");
                    pos += 3;
                }
                first = false;
                let n = p.chars().count();
                cells.push((pos, pos + n));
                out.text.push_str(p);
                pos += n;
            }
        } else {
            let p = parts.join(" ");
            pos += p.chars().count();
            out.text.push_str(&p);
        }
        out.blocks.push(Block {
            kind,
            span: (start, pos),
            cells,
        });
    }
    out
}

/// Does Han script dominate the document (Chinese conventions apply: letter footnotes)?
fn is_han_document(raw: &str) -> bool {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in raw.chars().take(200_000) {
        if is_han(c) {
            han += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    han * 3 > letters
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// Splits, folds and classifies the lines.
fn read_lines(raw: &str, han_doc: bool) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut blank_before = false;
    let mut last_letter: Option<char> = None;
    for raw_line in raw.split('\n') {
        let raw_line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        let lead: String = raw_line.chars().take_while(|c| c.is_whitespace()).collect();
        let lead_width = display_width(&lead);
        let indent = lead.contains('\u{3000}')
            || lead.contains('\t')
            || lead.chars().filter(|&c| c == ' ' || c == '\u{a0}').count() >= 2;
        let lead_space = !lead.is_empty() && !indent;
        let folded: String = raw_line
            .chars()
            .filter_map(char_fold)
            .collect::<String>()
            .nfc()
            .collect();
        let folded = strip_edit_links(folded.trim());
        let wide_gap = folded.contains("   ");
        let text = collapse_spaces(&folded);
        if text.is_empty() {
            blank_before = true;
            continue;
        }
        let kind = classify(&text, han_doc, &mut last_letter);
        let text = match &kind {
            Kind::Text | Kind::Heading => text.trim_matches(|c| c == '|' || c == ' ').to_string(),
            _ => text,
        };
        lines.push(Line {
            terminal: ends_sentence(&text, han_doc),
            width: display_width(&text) + lead_width,
            text,
            kind,
            indent,
            lead_space,
            blank_before,
            wide_gap,
            short: false,
            lastish: false,
        });
        blank_before = false;
    }
    lines
}

/// Removes Wikipedia "[编辑]" / "[edit]" links.
fn strip_edit_links(s: &str) -> String {
    s.replace("[编辑]", "")
        .replace("[編輯]", "")
        .replace("[edit]", "")
}

/// Collapses runs of spaces (not tabs) to one.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out.trim().to_string()
}

fn classify(text: &str, han_doc: bool, last_letter: &mut Option<char>) -> Kind {
    if is_page_number(text) || is_journal_footer(text) || is_rule(text) {
        return Kind::Drop;
    }
    if let Some(body) = note_start(text, han_doc, last_letter) {
        return if body.chars().any(char::is_alphanumeric) {
            Kind::Note(body)
        } else {
            Kind::Drop
        };
    }
    if text.contains('\t') || text.starts_with('|') || text.matches('|').count() >= 2 {
        let sep = if text.contains('\t') { '\t' } else { '|' };
        let cells: Vec<String> = text
            .split(sep)
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if cells.is_empty() {
            return Kind::Drop;
        }
        if cells.len() >= 2 || sep == '|' {
            return Kind::Table(cells);
        }
    }
    if is_numbered_heading(text) || is_metadata_label(text) {
        return Kind::Heading;
    }
    Kind::Text
}

/// `57`, `-57-`, `— 57 —`, `第 57 页`, `Page 5`, `page 5 of 9`.
fn is_page_number(t: &str) -> bool {
    let core = t.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '~' | ' ' | '·'));
    if !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let no_space: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(rest) = no_space
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix('页'))
    {
        return !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit());
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page ") {
        return rest
            .split(" of ")
            .all(|n| !n.is_empty() && n.trim().chars().all(|c| c.is_ascii_digit()));
    }
    false
}

/// `《南亚东南亚研究》2022年第3期，第20-36页。` printed at the foot of a page.
fn is_journal_footer(t: &str) -> bool {
    if !t.starts_with('《') || t.chars().count() > 50 {
        return false;
    }
    let Some(close) = t.find('》') else {
        return false;
    };
    let rest: String = t[close + '》'.len_utf8()..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    digits == 4 && rest[4..].starts_with("年第") && rest.contains('期')
}

/// Horizontal rules, table separators and other lines of pure punctuation.
fn is_rule(t: &str) -> bool {
    t.chars().all(|c| {
        matches!(
            c,
            '-' | '—' | '–' | '=' | '_' | '*' | '|' | ':' | '~' | ' ' | '+' | '·'
        )
    })
}

fn is_circled(c: char) -> bool {
    matches!(c as u32, 0x2460..=0x2473 | 0x3251..=0x325F | 0x32B1..=0x32BF | 0x2776..=0x277F)
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

/// If the line starts a footnote or endnote, its body (the marker removed).
fn note_start(t: &str, han_doc: bool, last_letter: &mut Option<char>) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    let rest = |i: usize| {
        chars[i.min(chars.len())..]
            .iter()
            .collect::<String>()
            .trim()
            .to_string()
    };
    // [1] body — but "[1]2022 年…" is a marker inside a wrapped prose line.
    if chars.first() == Some(&'[') {
        let mut i = 1;
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        let d0 = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        let nd = i - d0;
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        if (1..=3).contains(&nd) && chars.get(i) == Some(&']') {
            let next = chars.get(i + 1).copied();
            if next.is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            return Some(rest(i + 1));
        }
        return None;
    }
    // ①, ^①, ^ body, - ^ body (Wikipedia references, with back-link numbers "2.0 2.1").
    let mut i = 0;
    if matches!(chars.first(), Some('-' | '*' | '•'))
        && chars.get(1) == Some(&' ')
        && chars.get(2) == Some(&'^')
    {
        i = 2;
    }
    if chars.get(i) == Some(&'^') {
        i += 1;
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        if chars.get(i).is_some_and(|&c| is_circled(c)) {
            i += 1;
        }
        let body = rest(i);
        let body = body
            .split(' ')
            .skip_while(|w| {
                let mut p = w.split('.');
                matches!((p.next(), p.next(), p.next()), (Some(a), Some(b), None)
                    if !a.is_empty() && !b.is_empty() && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit()))
            })
            .collect::<Vec<_>>()
            .join(" ");
        return Some(body);
    }
    if chars.first().is_some_and(|&c| is_circled(c)) {
        return Some(rest(1));
    }
    // "* body" (an asterisk note, as on a title*) in Chinese documents.
    if han_doc
        && chars.first() == Some(&'*')
        && chars.get(1) == Some(&' ')
        && chars.get(2).is_some_and(|&c| is_han(c))
    {
        return Some(rest(2));
    }
    if t == "注释" || t == "注釋" || t == "注" {
        return Some(String::new());
    }
    for prefix in ["注：", "注:", "注释：", "注釋："] {
        if let Some(body) = t.strip_prefix(prefix) {
            return Some(body.trim().to_string());
        }
    }
    // Chinese documents number footnotes a, b, c… restarting on each page.
    if han_doc {
        if let (Some(&l), Some(' ')) = (chars.first(), chars.get(1)) {
            if l.is_ascii_lowercase() && chars.len() > 3 {
                let expected = l == 'a' || last_letter.is_some_and(|p| (p as u8) + 1 == l as u8);
                if expected {
                    *last_letter = Some(l);
                    return Some(rest(2));
                }
            }
        }
    }
    None
}

/// Article metadata printed as a line of its own: keywords, received and revised dates.
fn is_metadata_label(t: &str) -> bool {
    let t = t.trim_start_matches(['【', '[']);
    [
        "关键词",
        "關鍵詞",
        "收稿日期",
        "修回日期",
        "Keywords",
        "Key words",
    ]
    .iter()
    .any(|l| t.starts_with(l))
        && t.chars().count() <= 80
}

/// `一、` `二 ` `（一）` `(1)` `1.` `1.1 ` `第一章` — short, without a sentence stop or comma.
fn is_numbered_heading(t: &str) -> bool {
    let n = t.chars().count();
    if n > 60 || t.contains(['，', '。', '；', ',']) {
        return false;
    }
    let chars: Vec<char> = t.chars().collect();
    let cn = |c: char| "一二三四五六七八九十百".contains(c);
    let numeral_len = chars.iter().take_while(|&&c| cn(c)).count();
    if numeral_len > 0 && numeral_len <= 3 {
        if let Some(&sep) = chars.get(numeral_len) {
            if matches!(sep, '、' | '．' | ' ') {
                return true;
            }
        }
    }
    if matches!(chars.first(), Some('（' | '(')) {
        let inner = chars[1..]
            .iter()
            .take_while(|&&c| cn(c) || c.is_ascii_digit())
            .count();
        if (1..=3).contains(&inner)
            && matches!(chars.get(1 + inner), Some('）' | ')'))
            && chars.len() > inner + 3
        {
            return true;
        }
    }
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&digits) {
        let sep = chars.get(digits).copied();
        let after = chars.get(digits + 1).copied();
        if matches!(sep, Some('.' | '．' | '、'))
            && after.is_some_and(|c| !c.is_ascii_digit() && c != '.')
        {
            return true;
        }
    }
    if chars.first() == Some(&'第') {
        let k = chars[1..]
            .iter()
            .take_while(|&&c| cn(c) || c.is_ascii_digit())
            .count();
        if k > 0 && matches!(chars.get(1 + k), Some('章' | '节' | '節' | '部' | '篇')) {
            return true;
        }
    }
    false
}

/// Strips trailing footnote markers, for judging how a line ends.
fn strip_trailing_markers(t: &str, han_doc: bool) -> &str {
    let mut s = t.trim_end();
    loop {
        let before = s.len();
        if s.ends_with(']') {
            if let Some(open) = s.rfind('[') {
                let inner = s[open + 1..s.len() - 1].trim();
                if (1..=3).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_digit()) {
                    s = s[..open].trim_end();
                }
            }
        }
        s = s
            .trim_end_matches(|c: char| is_circled(c) || is_superscript_digit(c) || c == '^')
            .trim_end();
        if han_doc {
            let mut it = s.chars().rev();
            if let (Some(l), Some(p)) = (it.next(), it.next()) {
                if l.is_ascii_lowercase() && is_marker_anchor(p) {
                    s = &s[..s.len() - 1];
                }
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Punctuation after which a lone lower-case letter is a footnote mark in Chinese text.
fn is_marker_anchor(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | '，' | '”' | '！' | '？' | '）' | '：' | '、' | '」' | '』'
    )
}

fn is_terminal_char(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '⋯' | '.' | '｡')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\'' | '»'
    )
}

/// Does the line end a sentence (ignoring footnote markers and closing quotes)?
fn ends_sentence(t: &str, han_doc: bool) -> bool {
    let s = strip_trailing_markers(t, han_doc);
    if url_open(s) {
        return false;
    }
    let mut it = s.chars().rev().skip_while(|&c| is_closer(c));
    it.next().is_some_and(is_terminal_char)
}

/// Does the line end in the middle of a clause (comma, colon, dash, opening bracket)?
fn ends_in_clause(t: &str) -> bool {
    t.trim_end().chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '，' | '、'
                | '：'
                | '；'
                | ','
                | ':'
                | ';'
                | '—'
                | '-'
                | '–'
                | '“'
                | '（'
                | '('
                | '《'
                | '「'
                | '/'
        )
    })
}

/// The last whitespace-separated token of `s`, looking at most 256 bytes back (so that joining
/// the lines of a long Chinese paragraph without spaces stays linear).
fn last_token(s: &str) -> &str {
    let mut from = s.len().saturating_sub(256);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s[from..].rsplit(char::is_whitespace).next().unwrap_or("")
}

fn is_urlish(token: &str) -> bool {
    token.contains("://") || token.starts_with("www.") || {
        let slash = token.find('/');
        let dot = token.find('.');
        matches!((dot, slash), (Some(d), Some(s)) if d < s)
    }
}

/// Does the line end inside a URL that continues on the next line?
fn url_open(t: &str) -> bool {
    let token = last_token(t);
    if !is_urlish(token) && !token.ends_with("://") {
        return false;
    }
    if token.ends_with(['/', '-', '_', '=', '&', '?', ':', '#']) {
        return true;
    }
    if token.ends_with('.') {
        let host = token.split("://").nth(1).unwrap_or(token);
        return !host.contains('/');
    }
    false
}

/// A note's text is unfinished: no final stop, or cut inside a URL or a hyphenated word.
fn note_open(t: &str) -> bool {
    let s = t.trim_end();
    if url_open(s) || s.ends_with('-') {
        return true;
    }
    !(ends_sentence(s, false) || s.ends_with('>'))
}

/// Drops running headers: a line repeated across pages, or a title-like line beside a page number.
fn drop_running_headers(lines: &mut [Line], headers: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    let headerish = |l: &Line| {
        matches!(l.kind, Kind::Text | Kind::Heading)
            && !l.terminal
            && !l.text.contains(['，', '。', '、', '；', ','])
    };
    let key = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for l in lines
        .iter()
        .filter(|l| headerish(l) && l.text.chars().count() >= 6)
    {
        *counts.entry(key(&l.text)).or_default() += 1;
    }
    for l in lines.iter_mut() {
        if headerish(l)
            && l.text.chars().count() >= 6
            && counts.get(&key(&l.text)).copied().unwrap_or(0) >= 2
        {
            if seen.insert(l.text.clone()) {
                headers.push(l.text.clone());
            }
            l.kind = Kind::Drop;
        }
    }
    let page_numbers: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Drop && is_page_number(&lines[i].text))
        .collect();
    for i in page_numbers {
        for j in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
            if let Some(l) = lines.get_mut(j) {
                if headerish(l) && l.text.chars().count() <= 40 {
                    if seen.insert(l.text.clone()) {
                        headers.push(l.text.clone());
                    }
                    l.kind = Kind::Drop;
                }
            }
        }
    }
}

/// Number of spaces standing between two Han characters ("时间 美国元首 俄罗斯元首").
fn han_gaps(t: &str) -> usize {
    let c: Vec<char> = t.chars().collect();
    (1..c.len().saturating_sub(1))
        .filter(|&i| c[i] == ' ' && is_han(c[i - 1]) && is_han(c[i + 1]))
        .count()
}

/// Marks tables that the PDF flattened into lines of space-separated Chinese tokens.
fn mark_flat_tables(lines: &mut [Line]) {
    let mut in_table = false;
    for l in lines.iter_mut() {
        match l.kind {
            Kind::Text => {
                let punct = l.text.contains(['，', '。', '；', ',']);
                let gaps = han_gaps(&l.text);
                if !l.terminal && !punct && (gaps >= 2 || l.wide_gap) {
                    l.kind = Kind::Table(vec![l.text.clone()]);
                    in_table = true;
                } else if in_table
                    && !l.terminal
                    && !punct
                    && (gaps >= 1 || l.text.chars().count() <= 12)
                {
                    l.kind = Kind::Table(vec![l.text.clone()]);
                } else {
                    in_table = false;
                }
            }
            Kind::Table(_) => in_table = true,
            Kind::Drop => {}
            _ => in_table = false,
        }
    }
}

/// Are the text lines wrapped (as in a PDF), rather than one paragraph per line?
fn is_wrapped(lines: &[Line]) -> bool {
    let widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == Kind::Text)
        .map(|l| l.width)
        .collect();
    percentile(&widths, 75) <= 160
}

/// Marks lines that are visibly short compared with their neighbours. In unwrapped text a line
/// is a paragraph, so only a line shorter than [`UNWRAPPED_SHORT`] columns counts as short.
fn measure(lines: &mut [Line]) {
    let flow: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Text)
        .collect();
    if !is_wrapped(lines) {
        for &i in &flow {
            let clause_inside = lines[i].text.contains(['，', '。', '；', ',']);
            lines[i].short = lines[i].width < UNWRAPPED_SHORT && !clause_inside;
            lines[i].lastish = true;
        }
        return;
    }
    // The reference is the median width of the five text lines either side: robust where a
    // newspaper page changes column width, and not fooled by one long or short neighbour.
    let mut window = Vec::with_capacity(10);
    for (k, &i) in flow.iter().enumerate() {
        window.clear();
        let lo = k.saturating_sub(5);
        let hi = (k + 6).min(flow.len());
        window.extend((lo..hi).filter(|&m| m != k).map(|m| lines[flow[m]].width));
        window.sort_unstable();
        let local = window
            .get(window.len() / 2)
            .copied()
            .unwrap_or(lines[i].width);
        let w = lines[i].width;
        lines[i].short = w * 10 < local * 6;
        lines[i].lastish = w * 100 < local * 85;
    }
}

/// In unwrapped text, a line without a final stop shorter than this (in columns) is a heading.
const UNWRAPPED_SHORT: usize = 80;

type RawBlock = (BlockKind, Vec<String>);

struct Para {
    text: String,
    open: bool,
    last: usize,
    ends_terminal: bool,
}

/// Rebuilds paragraphs from wrapped lines; notes are moved after the paragraph they interrupt.
fn assemble_flowed(lines: &[Line]) -> Vec<RawBlock> {
    let wrapped = is_wrapped(lines);
    let nonblank = lines.iter().filter(|l| l.kind != Kind::Drop).count().max(1);
    let blank_dominant = lines
        .iter()
        .filter(|l| l.kind != Kind::Drop && l.blank_before)
        .count()
        * 2
        > nonblank;

    let mut out: Vec<RawBlock> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut note: Option<(String, bool)> = None;
    let mut para: Option<Para> = None;

    let close_para =
        |para: &mut Option<Para>, out: &mut Vec<RawBlock>, pending: &mut Vec<String>| {
            if let Some(p) = para.take() {
                let kind = if !p.ends_terminal && p.text.chars().count() <= 80 {
                    BlockKind::Heading
                } else {
                    BlockKind::Prose
                };
                out.push((kind, vec![p.text]));
            }
            for n in pending.drain(..) {
                out.push((BlockKind::Note, vec![n]));
            }
        };
    let finish_note = |note: &mut Option<(String, bool)>, pending: &mut Vec<String>| {
        if let Some((n, _)) = note.take() {
            pending.push(n);
        }
    };

    for (idx, l) in lines.iter().enumerate() {
        match &l.kind {
            Kind::Drop => {}
            Kind::Note(body) => {
                finish_note(&mut note, &mut pending);
                note = Some((body.clone(), wrapped && note_open(body)));
            }
            Kind::Table(cells) => {
                finish_note(&mut note, &mut pending);
                close_para(&mut para, &mut out, &mut pending);
                out.push((BlockKind::Table, cells.clone()));
            }
            Kind::Heading => {
                finish_note(&mut note, &mut pending);
                close_para(&mut para, &mut out, &mut pending);
                out.push((BlockKind::Heading, vec![l.text.clone()]));
            }
            Kind::Text => {
                let para_open = para.as_ref().is_some_and(|p| p.open);
                if let Some((n, true)) = note.as_mut() {
                    if !(l.lead_space && para_open) {
                        join(n, &l.text);
                        let open = note_open(n);
                        if let Some(nt) = note.as_mut() {
                            nt.1 = open;
                        }
                        continue;
                    }
                }
                finish_note(&mut note, &mut pending);
                // In unwrapped text a short line without a final stop is a heading, never the
                // rest of the paragraph before it.
                let isolated = !blank_dominant
                    && l.blank_before
                    && lines.get(idx + 1).is_none_or(|n| n.blank_before)
                    && !ends_in_clause(&l.text);
                let heading_line = !l.terminal && ((!wrapped && l.short) || isolated);
                let continues = match &para {
                    None => false,
                    Some(_) if heading_line => false,
                    Some(p) if p.open => true,
                    Some(p) => {
                        let prev = &lines[p.last];
                        prev.terminal
                            && wrapped
                            && !l.indent
                            && !prev.lastish
                            && (blank_dominant || !l.blank_before)
                    }
                };
                if continues {
                    if let Some(p) = para.as_mut() {
                        join(&mut p.text, &l.text);
                    }
                } else {
                    close_para(&mut para, &mut out, &mut pending);
                    para = Some(Para {
                        text: l.text.clone(),
                        open: false,
                        last: idx,
                        ends_terminal: false,
                    });
                }
                if let Some(p) = para.as_mut() {
                    // In unwrapped Latin or Cyrillic text a line is a paragraph: it runs on into
                    // the next line only when it stops mid-clause (a headline or a dateline stands
                    // alone). Chinese text cut by a PDF extractor keeps the old reading.
                    let han = l
                        .text
                        .chars()
                        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                    p.open = !l.terminal
                        && !heading_line
                        && (wrapped || han || ends_in_clause(&l.text))
                        && (!l.short || ends_in_clause(&l.text));
                    p.last = idx;
                    p.ends_terminal = l.terminal;
                }
            }
        }
    }
    finish_note(&mut note, &mut pending);
    close_para(&mut para, &mut out, &mut pending);
    out
}

/// Every line is a block (HTML, Markdown).
fn assemble_structured(lines: &[Line]) -> Vec<RawBlock> {
    lines
        .iter()
        .filter_map(|l| match &l.kind {
            Kind::Drop => None,
            Kind::Note(b) => Some((BlockKind::Note, vec![b.clone()])),
            Kind::Table(c) => Some((BlockKind::Table, c.clone())),
            Kind::Heading => Some((BlockKind::Heading, vec![l.text.clone()])),
            Kind::Text if !l.terminal && l.text.chars().count() <= 80 => {
                Some((BlockKind::Heading, vec![l.text.clone()]))
            }
            Kind::Text => Some((BlockKind::Prose, vec![l.text.clone()])),
        })
        .collect()
}

fn percentile(v: &[usize], p: usize) -> usize {
    if v.is_empty() {
        return 0;
    }
    let mut s = v.to_vec();
    s.sort_unstable();
    s[((s.len() - 1) * p).div_ceil(100)]
}

/// Joins the next line of a paragraph: Chinese without a space, a word cut at a hyphen
/// rejoined, a URL glued, anything else with one space.
pub fn join(buf: &mut String, next: &str) {
    let trimmed_len = buf.trim_end().len();
    buf.truncate(trimmed_len);
    let next = next.trim_start();
    let Some(first) = next.chars().next() else {
        return;
    };
    let Some(last) = buf.chars().next_back() else {
        buf.push_str(next);
        return;
    };
    let urlish = is_urlish(last_token(buf));
    if last == '-' && !urlish && first.is_lowercase() {
        let before = buf.chars().rev().nth(1);
        if before.is_some_and(char::is_alphabetic) {
            buf.pop();
            buf.push_str(next);
            return;
        }
    }
    if url_open(buf) || (urlish && last == '-') {
        buf.push_str(next);
        return;
    }
    if is_cjk(last) || is_cjk(first) {
        buf.push_str(next);
    } else {
        buf.push(' ');
        buf.push_str(next);
    }
}

/// Removes footnote markers from a block's text.
pub fn remove_markers(s: &str, han_doc: bool) -> String {
    let c: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch == '[' {
            if let Some(end) = bracket_marker_end(&c, i) {
                i = end;
                continue;
            }
        }
        if ch == '^' && c.get(i + 1).is_some_and(|&n| is_circled(n)) {
            i += 2;
            continue;
        }
        if is_circled(ch) {
            i += 1;
            continue;
        }
        if is_superscript_digit(ch) {
            let after_unit = matches!(ch, '²' | '³') && out.ends_with(['m', 'M']);
            if !after_unit {
                i += 1;
                continue;
            }
        }
        if han_doc && ch.is_ascii_lowercase() {
            let prev = out.chars().next_back();
            let next = c.get(i + 1).copied();
            let next_ok =
                next.is_none_or(|n| is_han(n) || n.is_ascii_digit() || n == '“' || n == '|');
            if prev.is_some_and(is_marker_anchor) && next_ok {
                i += 1;
                continue;
            }
        }
        out.push(ch);
        i += 1;
    }
    out
}

/// The end (exclusive) of a bracketed marker at `i`: `[1]`, `[ 12 ]`, `[注1]`, `[a]`.
fn bracket_marker_end(c: &[char], i: usize) -> Option<usize> {
    let close = (i + 1..c.len().min(i + 8)).find(|&j| c[j] == ']')?;
    let inner: String = c[i + 1..close]
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    let inner = inner.strip_prefix('注').unwrap_or(&inner);
    let numeric = (1..=3).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_digit());
    numeric.then_some(close + 1)
}

/// Tidies spaces: collapses runs and removes spaces beside Chinese punctuation.
pub fn tidy(s: &str) -> String {
    let attaches_left = |c: char| {
        matches!(
            c,
            '，' | '。' | '；' | '：' | '！' | '？' | '、' | '）' | '」' | '』' | '》' | '】'
        )
    };
    let attaches_right = |c: char| {
        matches!(
            c,
            '，' | '。' | '；' | '：' | '！' | '？' | '、' | '（' | '「' | '『' | '《' | '【'
        )
    };
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for ch in s.chars() {
        if ch == ' ' || ch == '\t' {
            pending = !out.is_empty();
            continue;
        }
        if pending {
            let prev = out.chars().next_back();
            if !attaches_left(ch) && !prev.is_some_and(attaches_right) {
                out.push(' ');
            }
            pending = false;
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(c: &Cleaned) -> Vec<(BlockKind, String)> {
        c.blocks
            .iter()
            .map(|b| {
                (
                    b.kind,
                    c.text
                        .chars()
                        .skip(b.span.0)
                        .take(b.span.1 - b.span.0)
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn chinese_lines_join_without_space_and_blank_separated_pdf_lines_are_one_paragraph() {
        let raw = "两国元首在边境城市举行会晤，讨论了贸易问题和能源合作等\n\n双边议题。双方领导人在会谈中态度友好，都认为这次会晤\n\n很有成果。\n\n一、会晤的背景\n\n这是五年以来两国领导人首次面对面会晤。\n";
        let c = clean(raw, Layout::Flowed);
        let t = texts(&c);
        assert_eq!(t[0], (BlockKind::Prose, "两国元首在边境城市举行会晤，讨论了贸易问题和能源合作等双边议题。双方领导人在会谈中态度友好，都认为这次会晤很有成果。".into()));
        assert_eq!(t[1], (BlockKind::Heading, "一、会晤的背景".into()));
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn a_headline_and_a_dateline_of_unwrapped_text_stand_alone() {
        let body = "Officials of the two governments said on Monday that the talks in the capital had covered trade, energy and the exchange of detained citizens, and that a second round would follow.";
        let raw = format!("Statement by the Foreign Ministry of Ruritania regarding the consultations held in Freedonia\n\nStrelsau, 3 May 2021\n\n{body}\n\n{body}\n\n{body}\n\nThe delegations agreed to meet again,\n\nin the autumn.\n");
        let t = texts(&clean(&raw, Layout::Flowed));
        assert_eq!(t.len(), 6, "{t:?}");
        assert_eq!(t[1].1, "Strelsau, 3 May 2021");
        assert_eq!(t[2].1, body);
        // a line that stops mid-clause still runs on
        assert_eq!(
            t[5].1,
            "The delegations agreed to meet again, in the autumn."
        );
    }

    #[test]
    fn latin_and_cyrillic_are_dehyphenated_or_joined_with_a_space() {
        let c = clean("The negoti-\nations in Geneva were long and\ndifficult. See https://www.\nstate.gov/x-\ny/.\n", Layout::Flowed);
        assert_eq!(
            c.text,
            "The negotiations in Geneva were long and difficult. See https://www.state.gov/x-y/."
        );
        let c = clean("Переговоры в Же-\nневе прошли\nуспешно.\n", Layout::Flowed);
        assert_eq!(c.text, "Переговоры в Женеве прошли успешно.");
    }

    #[test]
    fn indented_paragraphs_and_short_last_lines_end_paragraphs() {
        let raw = "　　甲方代表说，希望尽快结束谈判，“而且越早越好”。\n　　乙方代表说，会谈取得一些进展，但尚\n未就最重要的议题达成协议。\n";
        let c = clean(raw, Layout::Flowed);
        assert_eq!(c.blocks.len(), 2);
        assert_eq!(
            texts(&c)[1].1,
            "乙方代表说，会谈取得一些进展，但尚未就最重要的议题达成协议。"
        );
    }

    #[test]
    fn footnotes_move_out_of_the_sentence_they_interrupt() {
        let raw = "两国议会先后通过了多项限制合作的法案，此后双方[1]\n\n\
                   [1] 王某某：《双边关系史稿》，某某出版社 2020 年版，\n\n第 12 页。\n\n\
                   [2] Example Institute, “A Made-up Report on Arms Control,” March 3, \n\n2021, https://www.\n\nexample.org/report/.\n\
                    再未举行正式会谈。\n";
        let c = clean(raw, Layout::Flowed);
        let t = texts(&c);
        assert_eq!(
            t[0],
            (
                BlockKind::Prose,
                "两国议会先后通过了多项限制合作的法案，此后双方再未举行正式会谈。".into()
            )
        );
        assert_eq!(
            t[1],
            (
                BlockKind::Note,
                "王某某：《双边关系史稿》，某某出版社 2020 年版，第 12 页。".into()
            )
        );
        assert_eq!(t[2], (BlockKind::Note, "Example Institute, “A Made-up Report on Arms Control,” March 3, 2021, https://www.example.org/report/.".into()));
    }

    #[test]
    fn markers_of_every_kind_are_removed() {
        assert_eq!(
            tidy(&remove_markers(
                "期待。[2] 然而，因随后①事件^②和议题¹ [12]，",
                true
            )),
            "期待。然而，因随后事件和议题，"
        );
        assert_eq!(
            tidy(&remove_markers("面临的挑战。a新政府上台后，合作。b", true)),
            "面临的挑战。新政府上台后，合作。"
        );
        assert_eq!(
            remove_markers("a new strategy, 10 m² area", true),
            "a new strategy, 10 m² area"
        );
        assert_eq!(
            remove_markers("array [x] and [1234]", false),
            "array [x] and [1234]"
        );
    }

    #[test]
    fn page_numbers_headers_and_journal_footers_are_dropped() {
        for l in ["57", "-57-", "— 57 —", "第 57 页", "Page 5 of 9"] {
            assert!(is_page_number(l), "{l}");
        }
        assert!(!is_page_number("2025 年"));
        assert!(is_journal_footer("《国际问题论丛》2030年第2期，第1-20页。"));
        let raw = "多数受访者认为两国应当尽快恢复对话，并通\n\n大国关系的演变及其前景分析\n\n-12-\n\n过谈判解决分歧。\n";
        let c = clean(raw, Layout::Flowed);
        assert_eq!(
            c.text,
            "多数受访者认为两国应当尽快恢复对话，并通过谈判解决分歧。"
        );
        assert_eq!(c.running_headers, ["大国关系的演变及其前景分析"]);
    }

    #[test]
    fn tables_stay_out_of_prose() {
        let raw = "双方互信已经很低。\n\n年份 甲国代表 乙国代表 会谈次数\n\n2001 年 3 月至 2005 年 6 月 张三\n李四\n\n数据来源：作者自制。\n\n| 日期 | 2030年1月1日 |\n|---|---|\n甲\t乙\t丙\n";
        let c = clean(raw, Layout::Flowed);
        let t = texts(&c);
        assert_eq!(t[0].1, "双方互信已经很低。");
        assert!(t[1..4].iter().all(|b| b.0 == BlockKind::Table), "{t:?}");
        assert_eq!(t[4], (BlockKind::Prose, "数据来源：作者自制。".into()));
        assert_eq!(t[5], (BlockKind::Table, "日期 | 2030年1月1日".into()));
        assert_eq!(c.blocks[5].cells.len(), 2);
        assert_eq!(t[6], (BlockKind::Table, "甲 | 乙 | 丙".into()));
    }

    #[test]
    fn letter_footnotes_in_chinese_documents() {
        let raw = "甲国重申对盟友的义务。a新政府上台后调整了政策，承诺合作。b\n\na Jane Roe, “A Fictional Essay on Alliances”, Example Review, \n\nMay 5, 2021.\n\nb 李某：《虚构的外交史》，第9页。\n";
        let t = texts(&clean(raw, Layout::Flowed));
        assert_eq!(
            t[0].1,
            "甲国重申对盟友的义务。新政府上台后调整了政策，承诺合作。"
        );
        assert_eq!(
            t[1],
            (
                BlockKind::Note,
                "Jane Roe, “A Fictional Essay on Alliances”, Example Review, May 5, 2021.".into()
            )
        );
        assert_eq!(t[2].0, BlockKind::Note);
    }

    #[test]
    fn full_width_and_odd_spaces() {
        let c = clean("ＮＡＴＯ峰会于２０２４年举行\u{200B}。\n", Layout::Flowed);
        assert_eq!(c.text, "NATO峰会于2024年举行。");
    }

    #[test]
    fn structured_lines_are_blocks() {
        let c = clean(
            "Title here\nFirst paragraph ends.\nSecond one ends.\n",
            Layout::Structured,
        );
        assert_eq!(c.blocks.len(), 3);
        assert_eq!(c.blocks[0].kind, BlockKind::Heading);
    }
}
