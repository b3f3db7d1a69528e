//! Languages as named analyzers behind one trait. An analyzer prepares text for literal
//! matching (case folding, traditional → simplified folding, full-width digits) without changing
//! the number of characters, and decides where a literal match may start and end (word
//! boundaries and inflectional endings for alphabetic scripts, none for CJK). Which analyzer a
//! language uses, and its folds and endings, come from `grammar/<lang>.tsv` and `fold/<lang>.tsv`:
//! adding a language adds files, not branches.

use std::borrow::Cow;
use std::collections::HashMap;

/// How one language's text is prepared and how matches are delimited.
pub trait Analyzer: Send + Sync + std::fmt::Debug {
    /// The text prepared for matching: one output character per input character.
    fn fold(&self, text: &str) -> String;
    /// [`Analyzer::fold`], borrowing `text` when folding leaves it unchanged (the common case of
    /// simplified Chinese without full-width digits).
    fn fold_cow<'a>(&self, text: &'a str) -> Cow<'a, str> {
        Cow::Owned(self.fold(text))
    }
    /// Whether a match of `[s, e)` (bytes of folded text) is acceptable; returns the end of the
    /// match after allowed inflectional endings (`inflect`) or the rest of the word (`prefix`).
    fn accept(
        &self,
        folded: &str,
        s: usize,
        e: usize,
        prefix: bool,
        inflect: bool,
    ) -> Option<usize>;
    /// True for scripts written without spaces (Chinese).
    fn is_cjk(&self) -> bool;
}

/// One-to-one character folds as a two-level table (pages of 256 code points): one lookup per
/// character without hashing, on the hot path of every sentence.
#[derive(Debug, Clone, Default)]
pub struct FoldMap {
    pages: Vec<Option<Box<[char; 256]>>>,
}

impl FoldMap {
    /// The fold of `c` (itself when none is listed).
    #[inline]
    pub fn get(&self, c: char) -> char {
        let u = c as u32;
        match self.pages.get((u >> 8) as usize) {
            Some(Some(page)) => page[(u & 0xff) as usize],
            _ => c,
        }
    }

    pub fn insert(&mut self, from: char, to: char) {
        let u = from as u32;
        let p = (u >> 8) as usize;
        if self.pages.len() <= p {
            self.pages.resize(p + 1, None);
        }
        let page = self.pages[p].get_or_insert_with(|| {
            let mut a = ['\0'; 256];
            for (i, slot) in a.iter_mut().enumerate() {
                *slot = char::from_u32(((p as u32) << 8) | i as u32).unwrap_or('\0');
            }
            Box::new(a)
        });
        page[(u & 0xff) as usize] = to;
    }
}

impl FromIterator<(char, char)> for FoldMap {
    fn from_iter<I: IntoIterator<Item = (char, char)>>(iter: I) -> Self {
        let mut m = FoldMap::default();
        for (a, b) in iter {
            m.insert(a, b);
        }
        m
    }
}

impl From<&HashMap<char, char>> for FoldMap {
    fn from(map: &HashMap<char, char>) -> Self {
        map.iter().map(|(&a, &b)| (a, b)).collect()
    }
}

#[inline]
fn fold_char(c: char, map: &FoldMap) -> char {
    let c = match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    };
    map.get(c)
}

/// Chinese (and other scripts without spaces): character folds, no word boundaries.
#[derive(Debug, Clone, Default)]
pub struct CjkAnalyzer {
    pub folds: FoldMap,
}

impl Analyzer for CjkAnalyzer {
    fn fold(&self, text: &str) -> String {
        self.fold_cow(text).into_owned()
    }
    fn fold_cow<'a>(&self, text: &'a str) -> Cow<'a, str> {
        // copy only from the first character that changes
        let first = text
            .char_indices()
            .find(|&(_, c)| fold_char(c, &self.folds) != c);
        let Some((at, _)) = first else {
            return Cow::Borrowed(text);
        };
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..at]);
        out.extend(text[at..].chars().map(|c| fold_char(c, &self.folds)));
        Cow::Owned(out)
    }
    fn accept(
        &self,
        folded: &str,
        s: usize,
        e: usize,
        _prefix: bool,
        _inflect: bool,
    ) -> Option<usize> {
        // Latin words inside Chinese text (G7, NATO) still need word boundaries. A character
        // is an ASCII letter or digit exactly when its first (and only) byte is one: the bytes
        // around the match and at its ends say it without decoding.
        let b = folded.as_bytes();
        let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
        if s < e && alnum(s) && s > 0 && alnum(s - 1) {
            return None;
        }
        if s < e && alnum(e - 1) && alnum(e) {
            return None;
        }
        Some(e)
    }
    fn is_cjk(&self) -> bool {
        true
    }
}

/// Alphabetic scripts (English, Russian): lower-casing, word boundaries, optional endings.
#[derive(Debug, Clone, Default)]
pub struct AlphabeticAnalyzer {
    pub folds: FoldMap,
    /// Endings allowed after actor names (`а`, `у`, `ом`), longest first.
    pub endings: Vec<String>,
}

impl Analyzer for AlphabeticAnalyzer {
    fn fold(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                let lc = if c.is_ascii() {
                    c.to_ascii_lowercase()
                } else {
                    let mut l = c.to_lowercase();
                    match (l.next(), l.next()) {
                        (Some(x), None) => x,
                        _ => c,
                    }
                };
                let lc = if lc == '’' { '\'' } else { lc };
                fold_char(lc, &self.folds)
            })
            .collect()
    }
    fn accept(
        &self,
        folded: &str,
        s: usize,
        e: usize,
        prefix: bool,
        inflect: bool,
    ) -> Option<usize> {
        let word = |c: char| c.is_alphanumeric();
        let starts_word = folded[s..].chars().next().is_some_and(word);
        if starts_word && folded[..s].chars().next_back().is_some_and(word) {
            return None;
        }
        let ends_word = folded[..e].chars().next_back().is_some_and(word);
        let rest = &folded[e..];
        if !ends_word || !rest.chars().next().is_some_and(word) {
            return Some(e);
        }
        if prefix {
            let n: usize = rest
                .chars()
                .take_while(|&c| word(c))
                .map(char::len_utf8)
                .sum();
            return Some(e + n);
        }
        if inflect {
            for end in &self.endings {
                if let Some(after) = rest.strip_prefix(end.as_str()) {
                    if !after.chars().next().is_some_and(word) {
                        return Some(e + end.len());
                    }
                }
            }
        }
        None
    }
    fn is_cjk(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabetic_boundaries_prefixes_and_endings() {
        let a = AlphabeticAnalyzer {
            endings: vec!["ым".into(), "а".into(), "у".into()],
            ..Default::default()
        };
        let t = a.fold("Встреча Путина и США");
        assert_eq!(t.chars().count(), "Встреча Путина и США".chars().count());
        let s = t.find("путин").unwrap();
        assert_eq!(a.accept(&t, s, s + "путин".len(), false, false), None);
        assert_eq!(
            a.accept(&t, s, s + "путин".len(), false, true),
            Some(s + "путина".len())
        );
        let s = t.find("встреч").unwrap();
        assert_eq!(
            a.accept(&t, s, s + "встреч".len(), true, false),
            Some(s + "встреча".len())
        );
        let c = CjkAnalyzer {
            folds: [('國', '国')].into_iter().collect(),
        };
        assert_eq!(c.fold("美國２０２５"), "美国2025");
    }
}
