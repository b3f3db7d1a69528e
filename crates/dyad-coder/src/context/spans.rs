//! Where things lie in a sentence: the start of a clause, the first speech verb, the quoted
//! stretches.

use super::Word;
use crate::coder::SentenceFacts;
use crate::dict::{ContextKind, QuoteKind};

/// Where the clause that holds character `at` of `text` starts (character index): after the
/// last comma or semicolon before it, and after a list mark (、) too when `list` is set.
pub(super) fn clause_start(text: &str, at: usize, list: bool) -> usize {
    text.chars()
        .take(at)
        .enumerate()
        .filter(|(_, c)| matches!(c, ',' | '，' | ';' | '；') || (list && *c == '、'))
        .map(|(i, _)| i + 1)
        .last()
        .unwrap_or(0)
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
