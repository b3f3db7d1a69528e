//! How a line ends: a finished sentence, a clause that runs on, a URL or a note cut in two.

use super::lines::{is_circled, is_superscript_digit};

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
pub(super) fn is_marker_anchor(c: char) -> bool {
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
pub(super) fn ends_sentence(t: &str, han_doc: bool) -> bool {
    let s = strip_trailing_markers(t, han_doc);
    if url_open(s) {
        return false;
    }
    let mut it = s.chars().rev().skip_while(|&c| is_closer(c));
    it.next().is_some_and(is_terminal_char)
}

/// Does the line end in the middle of a clause (comma, colon, dash, opening bracket)?
pub(super) fn ends_in_clause(t: &str) -> bool {
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
pub(super) fn last_token(s: &str) -> &str {
    let mut from = s.len().saturating_sub(256);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s[from..].rsplit(char::is_whitespace).next().unwrap_or("")
}

pub(super) fn is_urlish(token: &str) -> bool {
    token.contains("://") || token.starts_with("www.") || {
        let slash = token.find('/');
        let dot = token.find('.');
        matches!((dot, slash), (Some(d), Some(s)) if d < s)
    }
}

/// Does the line end inside a URL that continues on the next line?
pub(super) fn url_open(t: &str) -> bool {
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
pub(super) fn note_open(t: &str) -> bool {
    let s = t.trim_end();
    if url_open(s) || s.ends_with('-') {
        return true;
    }
    !(ends_sentence(s, false) || s.ends_with('>'))
}
