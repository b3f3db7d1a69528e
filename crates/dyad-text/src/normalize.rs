//! The form of a sentence prepared for coding: simplified Chinese, NFC, tidy spaces.
//!
//! [`chars`] is the character-level clean-up the cleaner applies to every line (full-width
//! ASCII → ASCII, odd spaces → space, zero-width characters removed); [`normalized`] turns a
//! sentence into its coding form: traditional → simplified Chinese with OpenCC's `t2s` tables
//! (phrase-aware, so 乾隆 stays 乾隆 while 乾淨 becomes 干净), Unicode NFC, runs of spaces
//! collapsed, and the typesetting spaces PDF extraction leaves between Chinese and Latin
//! letters or digits ("特朗普 2.0 时代") removed.
//!
//! The OpenCC converter is costly to build, so it is built once, on first use, and shared; it
//! is immutable data, like a compiled-in table.
//!
//! ```
//! assert_eq!(dyad_text::normalize::normalized("俄美峰會在 2025 年舉行"), "俄美峰会在2025年举行");
//! ```

use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

fn t2s() -> Option<&'static OpenCC> {
    static CONVERTER: OnceLock<Option<OpenCC>> = OnceLock::new();
    CONVERTER
        .get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// Is `c` a Han ideograph (CJK unified ideographs and their extensions, compatibility forms)?
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3007)
}

/// Is `c` written in Chinese typesetting (Han, CJK punctuation, full-width forms)?
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2E80..=0x2FDF | 0x31C0..=0x31EF)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·' | '⋯')
}

/// The coding form of a sentence: simplified Chinese, NFC, spaces tidied.
pub fn normalized(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let simplified = if nfc.chars().any(is_han) {
        match t2s() {
            Some(cc) => cc.convert(&nfc),
            None => nfc,
        }
    } else {
        nfc
    };
    tidy_spaces(&simplified)
}

/// Collapses whitespace runs to one space, trims, and drops spaces between a Chinese character
/// and anything (Chinese text does not separate words; the spaces are typesetting artefacts).
fn tidy_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            let prev_cjk = out.chars().next_back().is_some_and(is_cjk);
            if !(prev_cjk || is_cjk(c)) {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// What the cleaner does to one character: `None` drops it, `Some(c)` keeps `c`.
///
/// Full-width ASCII letters, digits and symbols become ASCII, except the punctuation Chinese
/// text uses as its own (，：；？！（）); no-break and typographic spaces become a space
/// (the ideographic space U+3000 too — callers read it as indentation first); zero-width
/// characters and soft hyphens disappear.
pub fn char_fold(c: char) -> Option<char> {
    match c {
        '，' | '：' | '；' | '？' | '！' | '（' | '）' => Some(c),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(' '),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        _ => Some(c),
    }
}

/// Applies [`char_fold`] to a string.
pub fn chars(s: &str) -> String {
    s.chars().filter_map(char_fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_becomes_simplified() {
        assert_eq!(normalized("2025年俄美峰會"), "2025年俄美峰会");
        assert_eq!(
            normalized("美國總統與俄羅斯總統會晤"),
            "美国总统与俄罗斯总统会晤"
        );
        // Already simplified text is unchanged.
        assert_eq!(
            normalized("美俄两国元首举行会晤。"),
            "美俄两国元首举行会晤。"
        );
    }

    #[test]
    fn nfc_and_spaces() {
        assert_eq!(normalized("Cafe\u{301}  au lait"), "Café au lait");
        assert_eq!(normalized("特朗普 2.0 时代 ，美俄"), "特朗普2.0时代，美俄");
    }

    #[test]
    fn full_width_ascii_folds_but_chinese_punctuation_stays() {
        assert_eq!(chars("Ａ０％，。：；？！（）"), "A0%，。：；？！（）");
        assert_eq!(chars("a\u{00A0}b\u{200B}c\u{3000}d"), "a bc d");
    }
}
