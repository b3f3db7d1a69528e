//! Reading the lines: folding their characters and deciding what each one is (text, note,
//! table row, heading, or a line to drop: page numbers, journal footers, rules).

use super::endings::ends_sentence;
use super::{Kind, Line};
use crate::normalize::{char_fold, is_cjk, is_han};
use unicode_normalization::UnicodeNormalization;

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// Splits, folds and classifies the lines.
pub(super) fn read_lines(raw: &str, han_doc: bool) -> Vec<Line> {
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
pub(super) fn is_page_number(t: &str) -> bool {
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
pub(super) fn is_journal_footer(t: &str) -> bool {
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

pub(super) fn is_circled(c: char) -> bool {
    matches!(c as u32, 0x2460..=0x2473 | 0x3251..=0x325F | 0x32B1..=0x32BF | 0x2776..=0x277F)
}

pub(super) fn is_superscript_digit(c: char) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{clean, Layout};

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
}
