//! Helpers over the folded text: character positions, and short searches cheaper than the
//! standard library's for the short words and clauses of a sentence.

/// Character positions of a folded sentence, counted only when asked (most sentences name no
/// event and never need one): the folded text keeps the original's characters one to one.
pub(super) struct CharIdx<'a> {
    folded: &'a str,
    orig: &'a str,
    /// Folding left the text as it was (same bytes).
    same: bool,
    /// For long or folded sentences, built on first use: the character index of every folded
    /// byte (and the end), and the original byte offset of every character (and the end).
    tables: std::cell::OnceCell<(Vec<u32>, Vec<u32>)>,
    /// The last byte asked of [`CharIdx::at`] and its character index: lookups come mostly in
    /// reading order, so the next one counts only the characters in between.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> CharIdx<'a> {
    /// Sentences up to this many bytes count characters directly.
    const SHORT: usize = 256;

    pub(super) fn new(folded: &'a str, orig: &'a str) -> Self {
        CharIdx {
            folded,
            orig,
            same: std::ptr::eq(folded, orig),
            tables: std::cell::OnceCell::new(),
            last: std::cell::Cell::new((0, 0)),
        }
    }

    /// The folded text the byte offsets index.
    pub(super) fn folded(&self) -> &'a str {
        self.folded
    }

    pub(super) fn tables(&self) -> &(Vec<u32>, Vec<u32>) {
        self.tables.get_or_init(|| {
            let mut char_at = Vec::with_capacity(self.folded.len() + 1);
            let mut n = 0u32;
            for c in self.folded.chars() {
                for _ in 0..c.len_utf8() {
                    char_at.push(n);
                }
                n += 1;
            }
            char_at.push(n);
            let mut orig_at: Vec<u32> = self.orig.char_indices().map(|(b, _)| b as u32).collect();
            orig_at.push(self.orig.len() as u32);
            (char_at, orig_at)
        })
    }

    /// The character index of byte `b` of the folded text.
    #[inline]
    pub(super) fn at(&self, b: usize) -> usize {
        let bytes = self.folded.as_bytes();
        let (lb, lc) = self.last.get();
        let n = if b >= lb {
            lc + char_count(&bytes[lb..b])
        } else if b >= lb / 2 {
            lc - char_count(&bytes[b..lb])
        } else {
            char_count(&bytes[..b])
        };
        self.last.set((b, n));
        n
    }

    /// The original character at folded byte `b`.
    pub(super) fn orig_char(&self, b: usize) -> Option<char> {
        if self.same {
            return self.folded.get(b..)?.chars().next();
        }
        let ci = self.at(b);
        if self.folded.len() <= Self::SHORT {
            self.orig.chars().nth(ci)
        } else {
            let (_, orig_at) = self.tables();
            self.orig.get(*orig_at.get(ci)? as usize..)?.chars().next()
        }
    }

    /// The original text of the folded byte range `[a, b)`.
    pub(super) fn text(&self, a: usize, b: usize) -> String {
        if self.same {
            return self.folded[a..b].to_string();
        }
        let (char_at, orig_at) = self.tables();
        let (ca, cb) = (char_at[a] as usize, char_at[b] as usize);
        self.orig[orig_at[ca] as usize..orig_at[cb] as usize].to_string()
    }
}

/// The number of characters in UTF-8 `bytes` (lead bytes only).
#[inline]
pub(super) fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Whether `s` is exactly one character (a one-character abbreviation: 美, 俄).
#[inline]
pub(super) fn is_one_char(s: &str) -> bool {
    let mut it = s.chars();
    it.next().is_some() && it.next().is_none()
}

/// `hay.starts_with(needle)` for the short needles of the grammar lists, byte by byte (no call
/// per comparison: most candidates differ in their first or second byte).
#[inline]
pub(super) fn starts_with_fast(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && h.iter().zip(n).all(|(a, b)| a == b)
}

/// [`find_tail_past`] without asides.
#[cfg(test)]
pub(super) fn find_tail(folded: &str, from: usize, tail: &str, window: usize) -> Option<usize> {
    find_tail_past(folded, from, tail, window, &[])
}

/// The end of `tail` if it starts within `window` characters after `from` with no clause break;
/// a comma before a word with one of the `participles` endings opens an
/// aside (приказала дипломату, работавшему в посольстве, покинуть страну) which the gap may cross
/// up to its closing comma.
pub(super) fn find_tail_past(
    folded: &str,
    from: usize,
    tail: &str,
    window: usize,
    participles: &[String],
) -> Option<usize> {
    let rest = folded.get(from..)?;
    let mut limit = rest.len();
    let mut in_aside = false;
    for (n, (b, c)) in rest.char_indices().enumerate() {
        if n > window {
            limit = b;
            break;
        }
        if c == ',' && !participles.is_empty() {
            if in_aside {
                in_aside = false;
                continue;
            }
            let word: String = rest[b + 1..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if participles.iter().any(|e| word.ends_with(e.as_str())) {
                in_aside = true;
                continue;
            }
        }
        if matches!(c, '，' | '。' | '；' | ',' | ';' | '!' | '?' | '！' | '？')
            || (c == '.' && full_stop(rest, b))
        {
            limit = b;
            break;
        }
    }
    let hay = &rest[..limit];
    // in an alphabetic script a tail starts a word (выход…из: not the из of визит), and a tail of
    // one or two letters is a whole word (not the из of Израиль); longer tails are stems
    let alphabetic = |c: char| c.is_alphabetic() && (c as u32) < 0x2E80;
    if !tail.chars().next().is_some_and(alphabetic) {
        return find_short(hay, tail).map(|p| from + p + tail.len());
    }
    let whole = tail.chars().count() <= 2;
    let mut at = 0;
    while let Some(p) = find_short(&hay[at..], tail).map(|p| at + p) {
        let end = p + tail.len();
        let letter_before = if p == 0 {
            folded[..from].chars().next_back()
        } else {
            hay[..p].chars().next_back()
        };
        let starts = !letter_before.is_some_and(alphabetic);
        let ends = !whole || !hay[end..].chars().next().is_some_and(alphabetic);
        if starts && ends {
            return Some(from + end);
        }
        at = p + tail.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Whether the `.` at byte `at` of `text` ends a clause: not inside a word or a number (u.s,
/// 2.5), and not after a word of one letter (U.S. citizens, U.K. officials, V. Putin).
pub(super) fn full_stop(text: &str, at: usize) -> bool {
    let next = text.get(at + 1..).and_then(|r| r.chars().next());
    if next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let mut before = text[..at].chars().rev();
    let one_letter = before.next().is_some_and(char::is_alphabetic)
        && before.next().is_none_or(|c| !c.is_alphanumeric());
    !one_letter
}

/// `hay.find(needle)` by a plain scan: the needles here are a word or a bracket and the hay a
/// clause, where setting up the standard library's two-way searcher costs more than the search.
pub(super) fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    (0..(h.len() + 1).saturating_sub(n.len())).find(|&i| h[i] == first && h[i..].starts_with(n))
}

/// `hay.rfind(needle)` by a plain scan (see [`find_short`]).
pub(super) fn rfind_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(h.len());
    };
    (0..(h.len() + 1).saturating_sub(n.len()))
        .rev()
        .find(|&i| h[i] == first && h[i..].starts_with(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stop_after_an_abbreviation_or_inside_a_number_ends_no_clause() {
        let text = "banned u.s. citizens from entering. then";
        let dots: Vec<usize> = text.match_indices('.').map(|(i, _)| i).collect();
        assert_eq!(
            dots.iter().map(|&d| full_stop(text, d)).collect::<Vec<_>>(),
            [false, false, true]
        );
        assert!(!full_stop("rose 2.5 percent", 6));
        assert_eq!(
            find_tail(text, 6, "from entering", 40),
            Some(text.find(". then").unwrap())
        );
        assert_eq!(find_tail(text, 6, "then", 60), None);
        // a participle's aside is crossed, a plain comma is not
        let ru = "приказала дипломату, работавшему в посольстве, покинуть страну";
        let endings = vec!["вшему".to_string()];
        let head = "приказала".len();
        assert_eq!(
            find_tail_past(ru, head, "покинуть", 100, &endings),
            Some(ru.find("покинуть").unwrap() + "покинуть".len())
        );
        assert_eq!(find_tail(ru, head, "покинуть", 100), None);
        let plain = "приказала дипломату, затем покинуть";
        assert_eq!(find_tail_past(plain, head, "покинуть", 100, &endings), None);
    }
}
