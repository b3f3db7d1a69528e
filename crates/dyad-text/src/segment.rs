//! Clean text → sentences: where does a sentence end?
//!
//! Chinese sentences end at 。！？；…… (and ！？; written half-width between Chinese
//! characters); closing quotes and brackets (”’」』）)】》) stay with the sentence they close,
//! so an opening quote starts the next one. English and Russian sentences end at `.`, `!` or `?`
//! followed by a space and a capital letter (or an opening quote and a capital), unless the word
//! before the full stop is an abbreviation (`data/abbreviations.txt`), an initial (V. V. Putin,
//! В. В. Путин) or carries an inner full stop (U.S., e.g., т.е.); decimals (3.5) never split
//! because no space follows the point.
//!
//! Sentences never cross a block (paragraph, heading, table row, note) of the clean text; table
//! rows are cut into their cells instead. A "sentence" longer than [`MAX_SENTENCE_CHARS`] (text
//! without punctuation, a pasted table) is cut at a space or comma near that length, so the
//! coder's work stays linear in the document whatever its shape. Each sentence becomes a [`Segment`] whose span indexes
//! the clean text in characters.
//!
//! ```
//! let s = dyad_text::segment::split_sentences("The U.S. and Russia signed New START on April 8, 2010. Mr. Obama met Dr. Medvedev in Prague.");
//! assert_eq!(s.len(), 2);
//! ```

use crate::clean::{BlockKind, Cleaned};
use crate::{lang, normalize};
use dyad_model::Segment;
use std::collections::HashSet;
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");

/// One parsed entry of `data/abbreviations.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abbreviation {
    pub lang: String,
    pub text: String,
    pub line: usize,
}

/// Parses the abbreviation list; an error names `file:line`.
pub fn parse_abbreviations(src: &str) -> Result<Vec<Abbreviation>, String> {
    let mut out = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(lang), Some(text), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!(
                "data/abbreviations.txt:{}: expected `<lang> <abbreviation>`",
                i + 1
            ));
        };
        if !matches!(lang, "en" | "ru") {
            return Err(format!(
                "data/abbreviations.txt:{}: unknown language `{lang}`",
                i + 1
            ));
        }
        out.push(Abbreviation {
            lang: lang.into(),
            text: text.to_lowercase(),
            line: i + 1,
        });
    }
    Ok(out)
}

fn abbreviations() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        parse_abbreviations(ABBREVIATIONS)
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.text)
            .collect()
    })
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '〉' | '"' | '\'' | ']' | '»'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '「' | '『' | '（' | '(' | '【' | '《' | '"' | '\'' | '«' | '['
    )
}

fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '…' | '⋯' | '｡')
}

/// The longest sentence handed on, in characters; longer runs are cut (see the module docs).
pub const MAX_SENTENCE_CHARS: usize = 2_000;

/// Splits `text` into sentence ranges (char offsets, end exclusive, not yet trimmed), none
/// longer than [`MAX_SENTENCE_CHARS`].
pub fn sentence_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (a, b) in punctuated_ranges(chars) {
        cap_length(chars, a, b, &mut out);
    }
    out
}

/// Cuts `a..b` into pieces of at most [`MAX_SENTENCE_CHARS`], each ending after the last space
/// or comma in its second half when there is one.
fn cap_length(chars: &[char], mut a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    while b - a > MAX_SENTENCE_CHARS {
        let limit = a + MAX_SENTENCE_CHARS;
        let cut = (a + MAX_SENTENCE_CHARS / 2..limit)
            .rev()
            .find(|&k| chars[k].is_whitespace() || matches!(chars[k], '，' | ',' | '、' | '：'))
            .map_or(limit, |k| k + 1);
        out.push((a, cut));
        a = cut;
    }
    out.push((a, b));
}

/// Sentence ranges by punctuation alone, in time linear in the text.
fn punctuated_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // alnum_before[k]: alphanumeric characters in chars[..k], so that "does a..b hold a letter
    // or digit" is one subtraction rather than a scan from the sentence start (which made a
    // long run of punctuation quadratic).
    let mut alnum_before = Vec::with_capacity(n + 1);
    alnum_before.push(0u32);
    for c in chars {
        let last = alnum_before.last().copied().unwrap_or(0);
        alnum_before.push(last + u32::from(c.is_alphanumeric()));
    }
    let has_content = |a: usize, b: usize| alnum_before[b] > alnum_before[a];
    while i < n {
        let c = chars[i];
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let cjk_end =
            is_cjk_terminal(c) || (matches!(c, '!' | '?' | ';') && normalize::is_han(next));
        if cjk_end && has_content(start, i) {
            let mut j = i + 1;
            while j < n
                && (is_cjk_terminal(chars[j])
                    || matches!(chars[j], '!' | '?')
                    || is_closer(chars[j]))
            {
                j += 1;
            }
            out.push((start, j));
            start = j;
            i = j;
            continue;
        }
        if matches!(c, '.' | '!' | '?') && has_content(start, i) {
            let mut j = i + 1;
            while j < n && matches!(chars[j], '.' | '!' | '?') {
                j += 1;
            }
            while j < n && is_closer(chars[j]) {
                j += 1;
            }
            if j < n && chars[j].is_whitespace() {
                let mut k = j;
                while k < n && chars[k].is_whitespace() {
                    k += 1;
                }
                let starts_sentence = k < n
                    && (chars[k].is_uppercase()
                        || normalize::is_han(chars[k])
                        || (is_opener(chars[k])
                            && chars.get(k + 1).is_some_and(|c| c.is_uppercase())));
                if starts_sentence && !(c == '.' && j == i + 1 && protects_stop(chars, start, i)) {
                    out.push((start, j));
                    start = k;
                    i = k;
                    continue;
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    if start < n {
        out.push((start, n));
    }
    out
}

/// Does the word before the full stop at `dot` make it a non-final stop (abbreviation, initial)?
fn protects_stop(chars: &[char], start: usize, dot: usize) -> bool {
    let mut a = dot;
    while a > start && !chars[a - 1].is_whitespace() && !is_opener(chars[a - 1]) {
        a -= 1;
    }
    let word: String = chars[a..dot].iter().collect();
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() || word.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().count() == 1 {
        return true; // an initial: V. V. Putin, В. В. Путин, т. е.
    }
    if word.contains('.') {
        return true; // U.S., e.g., т.е.
    }
    abbreviations().contains(&word.to_lowercase())
}

/// The sentences of a piece of text, trimmed (a convenience over [`sentence_ranges`]).
pub fn split_sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    sentence_ranges(&chars)
        .into_iter()
        .filter_map(|(a, b)| {
            let s: String = chars[a..b].iter().collect();
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        })
        .collect()
}

/// Cuts the clean text into segments: sentences of paragraphs, headings and notes; cells of
/// table rows.
pub fn segments(cleaned: &Cleaned) -> Vec<Segment> {
    let chars: Vec<char> = cleaned.text.chars().collect();
    let mut out = Vec::new();
    for (p, block) in cleaned.blocks.iter().enumerate() {
        let (b0, b1) = block.span;
        let Some(block_chars) = chars.get(b0..b1) else {
            continue;
        };
        let ranges: Vec<(usize, usize)> = if block.kind == BlockKind::Table {
            block.cells.clone()
        } else {
            sentence_ranges(block_chars)
                .into_iter()
                .map(|(a, b)| (a + b0, b + b0))
                .collect()
        };
        for (mut a, mut b) in ranges {
            while a < b && chars[a].is_whitespace() {
                a += 1;
            }
            while b > a && chars[b - 1].is_whitespace() {
                b -= 1;
            }
            if !chars[a..b].iter().any(|c| c.is_alphanumeric()) {
                continue;
            }
            let text: String = chars[a..b].iter().collect();
            out.push(Segment {
                normalized: normalize::normalized(&text),
                lang: lang::detect(&text),
                text,
                span: (a, b),
                paragraph: u32::try_from(p).unwrap_or(u32::MAX),
                note: block.kind == BlockKind::Note,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_abbreviations_and_initials() {
        let s = split_sentences(
            "The U.S. and Russia signed New START on April 8, 2010. Mr. Obama met Dr. Medvedev in Prague.",
        );
        assert_eq!(
            s,
            [
                "The U.S. and Russia signed New START on April 8, 2010.",
                "Mr. Obama met Dr. Medvedev in Prague."
            ]
        );
        assert_eq!(split_sentences("V. V. Putin met President Trump.").len(), 1);
        assert_eq!(
            split_sentences("Growth was 3.5 percent. Prices rose, e.g. Fuel. It ended.").len(),
            3
        );
        assert_eq!(
            split_sentences("He said: \"No.\" Then he left! Why? Nobody knows.").len(),
            4
        );
    }

    #[test]
    fn russian_abbreviations_and_initials() {
        let s = split_sentences(
            "В. В. Путин встретился с Д. Трампом 15 авг. 2025 г. в Анкоридже. Переговоры длились 3 ч.",
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(
            split_sentences("Это было в 1990-х гг., т. е. давно. Потом всё изменилось.").len(),
            2
        );
        assert_eq!(
            split_sentences("Музей им. Ленина открыт, см. Сайт музея. Вход бесплатный.").len(),
            2
        );
    }

    #[test]
    fn chinese_terminals_and_quotes() {
        let s = split_sentences("普京说：“我们希望和平。”特朗普表示同意！双方会谈了吗？会谈持续三小时；随后……记者会开始。");
        assert_eq!(
            s,
            [
                "普京说：“我们希望和平。”",
                "特朗普表示同意！",
                "双方会谈了吗？",
                "会谈持续三小时；",
                "随后……",
                "记者会开始。"
            ]
        );
        // Half-width ! ? ; between Chinese characters end a sentence too; a decimal does not.
        assert_eq!(split_sentences("增长3.5%;物价上涨!真的吗?是的。").len(), 4);
        // Closing brackets stay with their sentence.
        assert_eq!(
            split_sentences("（双方达成共识。）新的会谈开始。"),
            ["（双方达成共识。）", "新的会谈开始。"]
        );
    }

    #[test]
    fn runs_without_punctuation_are_cut_near_the_limit() {
        let text = "word ".repeat(1_000);
        let chars: Vec<char> = text.chars().collect();
        let r = sentence_ranges(&chars);
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(r.iter().all(|(a, b)| b - a <= MAX_SENTENCE_CHARS));
        assert!(r.windows(2).all(|w| w[0].1 == w[1].0));
        assert_eq!((r[0].0, r[2].1), (0, chars.len()));
        assert!(chars[r[0].1 - 1].is_whitespace());
        // Punctuation alone, no letters: one pass, no sentence.
        let bangs: Vec<char> = "! ".repeat(100_000).chars().collect();
        assert!(sentence_ranges(&bangs).len() <= bangs.len() / MAX_SENTENCE_CHARS + 1);
    }

    #[test]
    fn abbreviation_list_is_well_formed() {
        let list = parse_abbreviations(ABBREVIATIONS).expect("abbreviations parse");
        let mut seen = HashSet::new();
        for a in &list {
            assert!(
                seen.insert((a.lang.clone(), a.text.clone())),
                "duplicate at data/abbreviations.txt:{}",
                a.line
            );
            assert!(
                a.text.chars().count() > 1 && !a.text.contains('.'),
                "data/abbreviations.txt:{}: single letters and dotted words need no entry",
                a.line
            );
        }
        assert!(parse_abbreviations("xx foo")
            .unwrap_err()
            .contains("abbreviations.txt:1"));
    }
}
