//! Which language is a sentence in? Decided by script, with no model: Han → Chinese,
//! Cyrillic → Russian, Latin → English when it reads like English (plain ASCII letters, or
//! accented letters with a fifth of the words common English function words), anything
//! else → other.
//!
//! A document's language is the majority of its sentences' languages (footnotes and
//! endnotes left out when there is body text), ties broken by the number of characters.
//!
//! ```
//! use dyad_model::Lang;
//! assert_eq!(dyad_text::lang::detect("美俄两国元首举行会晤。"), Lang::Zh);
//! assert_eq!(dyad_text::lang::detect("Переговоры прошли в Анкоридже."), Lang::Ru);
//! assert_eq!(dyad_text::lang::detect("The talks ended without a deal."), Lang::En);
//! ```

use crate::normalize::is_han;
use dyad_model::{Lang, Segment};
use std::collections::HashSet;
use std::sync::OnceLock;

const ENGLISH_WORDS: &str = include_str!("../data/english_words.txt");

fn english_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        ENGLISH_WORDS
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F)
}

/// The language of one sentence.
pub fn detect(text: &str) -> Lang {
    let counts = Counts::of(text);
    // A Han character carries about as much as a short Latin or Cyrillic word.
    let zh = counts.han * 3;
    let best = zh.max(counts.cyr).max(counts.latin).max(counts.other);
    if best == 0 {
        return Lang::Other;
    }
    if zh == best {
        Lang::Zh
    } else if counts.cyr == best {
        Lang::Ru
    } else if counts.latin == best {
        if counts.non_ascii_latin == 0 || looks_english(text) {
            Lang::En
        } else {
            Lang::Other
        }
    } else {
        Lang::Other
    }
}

/// Whether a sentence is mostly Latin letters with accented ones among them: a sentence
/// [`detect`] leaves as [`Lang::Other`] when few of its words are English function words.
fn accented_latin(text: &str) -> bool {
    let c = Counts::of(text);
    c.non_ascii_latin > 0 && c.latin >= (c.han * 3).max(c.cyr).max(c.other) && c.latin > 0
}

/// Sentences of an English document that [`detect`] left as [`Lang::Other`] for their accented
/// names (Recep Tayyip Erdoğan and Kyriakos Mitsotakis signed…: too few function words among
/// the names) are English: a document's sentences in Latin letters are in its language.
/// `lang` is the document's language (see [`majority`]).
pub fn settle(segments: &mut [Segment], lang: Lang) {
    for s in segments.iter_mut() {
        s.lang = in_document(&s.text, s.lang, lang);
    }
}

/// The language of a sentence `detect` read as `detected` in a document in `doc` (see
/// [`settle`]).
pub fn in_document(text: &str, detected: Lang, doc: Lang) -> Lang {
    if detected == Lang::Other && doc == Lang::En && accented_latin(text) {
        Lang::En
    } else {
        detected
    }
}

/// Letters of a sentence by script (URLs and paths left out).
struct Counts {
    han: usize,
    cyr: usize,
    latin: usize,
    non_ascii_latin: usize,
    other: usize,
}

impl Counts {
    fn of(text: &str) -> Counts {
        let (mut han, mut cyr, mut latin, mut non_ascii_latin, mut other) = (0usize, 0, 0, 0, 0);
        let words = text.split_whitespace().filter(|w| {
            !(w.contains("://") || w.starts_with("www.") || (w.contains('/') && w.is_ascii()))
        });
        for c in words.flat_map(str::chars) {
            if is_han(c) {
                han += 1;
            } else if is_cyrillic(c) {
                cyr += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            } else if c.is_alphabetic() && (c as u32) < 0x0250 {
                latin += 1;
                non_ascii_latin += 1;
            } else if c.is_alphabetic() {
                other += 1;
            }
        }
        Counts {
            han,
            cyr,
            latin,
            non_ascii_latin,
            other,
        }
    }
}

fn looks_english(text: &str) -> bool {
    let words = english_words();
    let mut total = 0usize;
    let mut hits = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        total += 1;
        if words.contains(w.to_lowercase().as_str()) {
            hits += 1;
        }
    }
    hits > 0 && hits * 5 >= total
}

/// The majority language of a document's sentences (notes count only when there is nothing else).
pub fn majority(segments: &[Segment]) -> Lang {
    let body: Vec<&Segment> = segments.iter().filter(|s| !s.note).collect();
    let pool: Vec<&Segment> = if body.is_empty() {
        segments.iter().collect()
    } else {
        body
    };
    let mut tally: [(Lang, usize, usize); 4] = [
        (Lang::Zh, 0, 0),
        (Lang::En, 0, 0),
        (Lang::Ru, 0, 0),
        (Lang::Other, 0, 0),
    ];
    for s in pool {
        if let Some(t) = tally.iter_mut().find(|t| t.0 == s.lang) {
            t.1 += 1;
            t.2 += s.text.chars().count();
        }
    }
    tally
        .iter()
        .max_by_key(|t| (t.1, t.2))
        .map(|t| t.0)
        .unwrap_or(Lang::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_of_accented_names_takes_its_english_documents_language() {
        let names = "Turkish President Recep Tayyip Erdoğan and Greek Prime Minister Kyriakos Mitsotakis signed a declaration on friendly relations.";
        assert_eq!(detect(names), Lang::Other);
        assert_eq!(in_document(names, Lang::Other, Lang::En), Lang::En);
        // not in a German or a Chinese document, and never another script
        let german = "Die Gespräche in Genf wurden fortgesetzt, für später geplant.";
        assert_eq!(in_document(german, Lang::Other, Lang::Other), Lang::Other);
        assert_eq!(in_document(names, Lang::Other, Lang::Zh), Lang::Other);
        assert_eq!(in_document("Ἀθῆναι", Lang::Other, Lang::En), Lang::Other);
    }

    #[test]
    fn scripts() {
        assert_eq!(
            detect("甲方代表团由外交部长约翰（John Doe）率领。"),
            Lang::Zh
        );
        assert_eq!(
            detect("Министр назвал условия // URL: https://example.ru/2025/x.html"),
            Lang::Ru
        );
        assert_eq!(detect("Example Analytics, March 3, 2021."), Lang::En);
        assert_eq!(
            detect("Die Gespräche in Genf wurden fortgesetzt, für später geplant."),
            Lang::Other
        );
        assert_eq!(detect("2025"), Lang::Other);
        assert_eq!(detect("（一）甲国—乙国/丙国时期"), Lang::Zh);
    }

    fn seg(text: &str, lang: Lang, note: bool) -> Segment {
        Segment {
            text: text.into(),
            normalized: text.into(),
            lang,
            span: (0, 0),
            paragraph: 0,
            note,
        }
    }

    #[test]
    fn majority_by_count_then_chars_without_notes() {
        let segs = vec![
            seg("美俄会晤。", Lang::Zh, false),
            seg("A long English sentence here.", Lang::En, false),
            seg("Note one.", Lang::En, true),
            seg("Note two.", Lang::En, true),
        ];
        // One each in the body: the tie goes to the longer text.
        assert_eq!(majority(&segs), Lang::En);
        let segs = vec![
            seg("美俄两国元首举行了长时间会晤。", Lang::Zh, false),
            seg("Ok.", Lang::En, false),
        ];
        assert_eq!(majority(&segs), Lang::Zh);
    }

    #[test]
    fn word_list_is_well_formed() {
        let mut seen = HashSet::new();
        for w in ENGLISH_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
        {
            assert!(
                seen.insert(w),
                "duplicate word {w:?} in data/english_words.txt"
            );
            assert_eq!(w, w.to_lowercase(), "{w:?} is not lower case");
        }
    }
}
