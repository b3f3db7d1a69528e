//! Where things lie in a sentence: the start of a clause, the first speech verb, the quoted
//! stretches.

use super::Word;
use crate::coder::SentenceFacts;
use crate::dict::{ContextKind, QuoteKind};

/// Where the clause that holds character `at` of `text` starts (character index): after the
/// last comma or semicolon before it, and after a list mark (、) too when `list` is set.
pub(super) fn clause_start(text: &str, at: usize, list: bool) -> usize {
    // by bytes: `,` and `;`, and `，` `；` `、` (EF BC 8C, EF BC 9B, E3 80 81), which no other
    // character's bytes contain; characters counted by their lead bytes
    let b = text.as_bytes();
    let (mut chars, mut start, mut i) = (0usize, 0usize, 0usize);
    while i < b.len() && chars < at {
        let lead = b[i];
        let len = match lead {
            0..=0x7f => 1,
            0x80..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        let mark = match len {
            1 => lead == b',' || lead == b';',
            3 => {
                (lead == 0xef && b[i + 1] == 0xbc && matches!(b[i + 2], 0x8c | 0x9b))
                    || (list && lead == 0xe3 && b[i + 1] == 0x80 && b[i + 2] == 0x81)
            }
            _ => false,
        };
        chars += 1;
        i += len;
        if mark {
            start = chars;
        }
    }
    start
}

/// Where the sentence's first reporting or speech verb starts (character index).
pub(super) fn first_speech(f: &SentenceFacts<'_>, words: &[Word]) -> Option<usize> {
    f.reports
        .iter()
        .map(|r| r.0)
        .chain(
            words
                .iter()
                .filter(|w| matches!(w.kind, ContextKind::Speech(_)))
                .map(|w| w.span.0),
        )
        .min()
}

/// The quoted stretches of a sentence (character spans, closing mark included), from its
/// quotation marks; `open`: the sentence begins inside a quotation. A quotation still open at the
/// end of the sentence is not one (it runs on, or the mark was stray).
pub(super) fn quoted_spans(words: &[Word], open: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = open.then_some(0);
    for w in words {
        if let ContextKind::Quote(q) = w.kind {
            let closes = match q {
                QuoteKind::Open => false,
                QuoteKind::Close => true,
                QuoteKind::Both => start.is_some(),
            };
            match (closes, start) {
                (true, Some(a)) => {
                    out.push((a, w.span.1));
                    start = None;
                }
                (true, None) => {}
                (false, _) => start = Some(w.span.0),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain reading of [`clause_start`]: over characters.
    fn by_chars(text: &str, at: usize, list: bool) -> usize {
        text.chars()
            .take(at)
            .enumerate()
            .filter(|(_, c)| matches!(c, ',' | '，' | ';' | '；') || (list && *c == '、'))
            .map(|(i, _)| i + 1)
            .last()
            .unwrap_or(0)
    }

    #[test]
    fn a_clause_starts_after_the_last_comma_or_semicolon_before_it() {
        for text in [
            "美国、俄罗斯，中国；日本,é;😀、x",
            "Russia, the US; and China",
            "",
            "，，、；",
        ] {
            for at in 0..=text.chars().count() + 2 {
                for list in [false, true] {
                    assert_eq!(
                        clause_start(text, at, list),
                        by_chars(text, at, list),
                        "{text} {at} {list}"
                    );
                }
            }
        }
    }
}
