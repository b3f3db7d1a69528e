//! Shared by the context pass's tests (`tests/context/`): a coder over the built-in dictionaries,
//! documents coded from their sentences, and the factual events to assert on.

use dyad_coder::{Coder, Dictionaries, DocEvent, DocSentence};
use dyad_model::{EventDate, Lang};

pub fn coder() -> Coder {
    Coder::new(&Dictionaries::builtin().unwrap()).unwrap()
}

pub fn code(lang: Lang, published: &str, sentences: &[&str]) -> Vec<DocEvent> {
    let pairs: Vec<(&str, u32)> = sentences.iter().map(|t| (*t, 1)).collect();
    code_paragraphs(lang, published, &pairs)
}

/// Codes `(sentence, paragraph)` pairs as one document.
pub fn code_paragraphs(lang: Lang, published: &str, sentences: &[(&str, u32)]) -> Vec<DocEvent> {
    let doc: Vec<DocSentence> = sentences
        .iter()
        .map(|&(text, paragraph)| DocSentence {
            lang,
            text,
            paragraph,
            note: false,
        })
        .collect();
    let published: EventDate = published.parse().unwrap();
    coder().code_document(Some(published), &doc)
}

/// `(sentence, source, target, cameo)` of the factual events.
pub fn facts(events: &[DocEvent]) -> Vec<(usize, String, String, String)> {
    events
        .iter()
        .filter(|e| !e.event.negated && !e.event.hypothetical)
        .map(|e| {
            (
                e.sentence,
                e.event.source.code.clone(),
                e.event.target.code.clone(),
                e.event.cameo.clone(),
            )
        })
        .collect()
}

pub fn has(events: &[DocEvent], sentence: usize, source: &str, target: &str, root: &str) -> bool {
    facts(events)
        .iter()
        .any(|(s, a, b, c)| *s == sentence && a == source && b == target && c.starts_with(root))
}
