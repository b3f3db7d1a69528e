//! A block's text: lines joined, footnote markers removed, spaces tidied.

use super::endings::{is_marker_anchor, is_urlish, last_token, url_open};
use super::lines::{is_circled, is_superscript_digit};
use crate::normalize::{is_cjk, is_han};

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
    // Curly quotes, dashes and ellipses are set in Chinese and Latin text alike: they join
    // without a space only to a Chinese neighbour (`。` + `“他`), never across a Latin
    // paragraph (`emergencies.` + `“I`, `сказал.` + `— Мы`), which would hide the sentence end.
    let shared = |c: char| matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·' | '⋯');
    let chinese = |c: char| is_cjk(c) && !shared(c);
    if chinese(last) || chinese(first) || (is_cjk(last) && is_cjk(first)) {
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
}
