//! What is the document called, and when was it published — as far as its text says?
//!
//! **Title** (plain text, PDF without an info title): the first block when it is a heading (a
//! section label like "… 政治·外交" before it is skipped), else a running header (journals print
//! the article title at the top of pages), else the first line; trimmed and bounded to
//! [`MAX_TITLE_CHARS`].
//!
//! **Publication date**: in order of trust, an explicit label anywhere (`收稿日期：2024-12-19`,
//! `【收稿日期：2024年12月19日】`, `Published August 15, 2025`, `Опубликовано 15 августа 2025`),
//! then near the top of the text a parenthesised Chinese date `(2025年8月13日)`, a dateline with
//! a year (`MOSCOW, Aug 15, 2025 (Reuters) -`; without a year it is ignored), or an ISO date
//! `2025-08-15`.
//!
//! ```
//! let d = dyad_text::metadata::published("标题\n【收稿日期：2023-10-09】").unwrap();
//! assert_eq!(d.to_string(), "2023-10-09");
//! ```

use crate::clean::{BlockKind, Cleaned};
use dyad_model::EventDate;

/// Titles longer than this are cut (at a character boundary).
pub const MAX_TITLE_CHARS: usize = 200;

/// How far from the start a date without a label may stand and still be the publication date.
const TOP_CHARS: usize = 1500;

/// The title of a cleaned plain-text document.
pub fn title(cleaned: &Cleaned) -> Option<String> {
    let block_text = |i: usize| -> Option<String> {
        let b = cleaned.blocks.get(i)?;
        Some(
            cleaned
                .text
                .chars()
                .skip(b.span.0)
                .take(b.span.1 - b.span.0)
                .collect(),
        )
    };
    // The first block, unless it is a section label ("… 政治·外交"), when it is a heading.
    for i in 0..cleaned.blocks.len().min(2) {
        let b = &cleaned.blocks[i];
        let Some(t) = block_text(i) else { continue };
        let label = t.starts_with(['…', '.', '·']) || t.chars().count() < 4;
        if b.kind == BlockKind::Heading && !label {
            return bound(&t);
        }
        if !(b.kind == BlockKind::Heading && label) {
            break;
        }
    }
    if let Some(h) = cleaned
        .running_headers
        .iter()
        .find(|h| h.chars().any(char::is_alphabetic))
    {
        return bound(h);
    }
    cleaned
        .text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .and_then(|l| bound(first_clause(l)))
}

/// A text with no heading is titled by its first line; when that line is a whole paragraph,
/// by its first sentence, or its first clause when the sentence is long too.
fn first_clause(line: &str) -> &str {
    const SHORT: usize = 60;
    if line.chars().count() <= SHORT {
        return line;
    }
    let cut = |stops: &[char]| {
        line.char_indices()
            .find(|(_, c)| stops.contains(c))
            .map(|(i, c)| &line[..i + c.len_utf8()])
    };
    let sentence = cut(&['。', '！', '？', '!', '?']).unwrap_or(line);
    if sentence.chars().count() <= SHORT {
        return sentence.trim_end_matches(['。']);
    }
    cut(&['，', ',', '；', ';'])
        .map(|c| c.trim_end_matches(['，', ',', '；', ';']))
        .unwrap_or(sentence)
}

/// Trims a title, removes a trailing footnote asterisk, and bounds its length.
pub fn bound(t: &str) -> Option<String> {
    let t = t.trim().trim_end_matches(['*', '＊']).trim();
    if t.is_empty() {
        return None;
    }
    Some(t.chars().take(MAX_TITLE_CHARS).collect())
}

/// The publication date the text states, if any.
pub fn published(text: &str) -> Option<EventDate> {
    for label in [
        "收稿日期",
        "发布日期",
        "發佈日期",
        "发表日期",
        "出版日期",
        "Published",
        "Опубликовано",
        "Дата публикации",
    ] {
        let mut from = 0;
        while let Some(pos) = text[from..].find(label) {
            let at = from + pos + label.len();
            let window: String = text[at..].chars().take(40).collect();
            let window = window.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '：' | '】' | ']' | '-')
            });
            let window = window.strip_prefix("on ").unwrap_or(window);
            if let Some(d) = parse_date_prefix(window) {
                return Some(d);
            }
            from = at;
        }
    }
    let top: String = text.chars().take(TOP_CHARS).collect();
    // "(2025年8月13日)" / "（2025年8月13日）"
    for (i, c) in top.char_indices() {
        if matches!(c, '(' | '（') {
            let rest = top[i + c.len_utf8()..].trim_start();
            if let Some((d, used)) = chinese_date(rest) {
                if rest[used..].trim_start().starts_with([')', '）']) {
                    return Some(d);
                }
            }
        }
    }
    // A dateline with a year: "MOSCOW, Aug 15, 2025 (Reuters) -".
    for line in top.lines().take(5) {
        if let Some(comma) = line.find(", ") {
            let head = &line[..comma];
            if !head.is_empty()
                && head.len() <= 30
                && head
                    .chars()
                    .all(|c| c.is_uppercase() || c == ' ' || c == '-')
            {
                let rest = &line[comma + 2..];
                if let Some((d, _)) = english_date(rest) {
                    if d.precision() == dyad_model::date::Precision::Day {
                        return Some(d);
                    }
                }
            }
        }
    }
    // An ISO date standing alone near the top.
    let b = top.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        let boundary_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let boundary_after = b.get(i + 10).is_none_or(|c| !c.is_ascii_alphanumeric());
        if boundary_before && boundary_after {
            if let Some(s) = top.get(i..i + 10) {
                if let Ok(d) = s.parse::<EventDate>() {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// A date at the start of `s`: ISO `2025-08-15`, `2025年8月15日`, `August 15, 2025`,
/// `15 August 2025`, `15 августа 2025`, `2025/08/15`, `2025.08.15`.
pub fn parse_date_prefix(s: &str) -> Option<EventDate> {
    let s = s.trim_start();
    if let Some((d, _)) = chinese_date(s) {
        return Some(d);
    }
    if let Some(d) = numeric_date(s) {
        return Some(d);
    }
    english_date(s).or_else(|| russian_date(s)).map(|(d, _)| d)
}

fn take_number(s: &str) -> Option<(u32, usize)> {
    let s2 = s.trim_start();
    let skipped = s.len() - s2.len();
    let n = s2.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 4 {
        return None;
    }
    s2[..n].parse().ok().map(|v| (v, skipped + n))
}

/// `2025-08-15`, `2025/8/15`, `2025.08.15`.
fn numeric_date(s: &str) -> Option<EventDate> {
    let (y, a) = take_number(s)?;
    let sep = s[a..].chars().next()?;
    if !matches!(sep, '-' | '/' | '.') || !(1000..=2999).contains(&y) {
        return None;
    }
    let (m, b) = take_number(&s[a + 1..])?;
    if !s[a + 1 + b..].starts_with(sep) {
        return EventDate::month(y as i32, m as u8).ok();
    }
    let (d, _) = take_number(&s[a + 2 + b..])?;
    EventDate::day(y as i32, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
}

/// `2025年8月15日` (spaces allowed), or `2025年8月`; returns the date and bytes used.
fn chinese_date(s: &str) -> Option<(EventDate, usize)> {
    let (y, a) = take_number(s)?;
    let rest = s[a..].trim_start();
    let mut used = s.len() - rest.len();
    let rest = rest.strip_prefix('年')?;
    used += '年'.len_utf8();
    let (m, b) = take_number(rest)?;
    used += b;
    let rest2 = rest[b..].trim_start();
    used += rest[b..].len() - rest2.len();
    let rest2 = rest2.strip_prefix('月')?;
    used += '月'.len_utf8();
    let m = u8::try_from(m).ok()?;
    if let Some((d, c)) = take_number(rest2) {
        let rest3 = rest2[c..].trim_start();
        if let Some(_tail) = rest3.strip_prefix(['日', '号']) {
            let total = used + c + (rest2[c..].len() - rest3.len()) + '日'.len_utf8();
            return EventDate::day(y as i32, m, u8::try_from(d).ok()?)
                .ok()
                .map(|e| (e, total));
        }
    }
    EventDate::month(y as i32, m).ok().map(|e| (e, used))
}

const EN_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const RU_MONTHS: [&str; 12] = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
];

fn month_word(word: &str, table: &[&str; 12]) -> Option<u8> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    if w.chars().count() < 3 {
        return None;
    }
    // Longest matching stem wins ("мая" → май, "марта" → март).
    table
        .iter()
        .enumerate()
        .filter(|(_, stem)| w.starts_with(*stem) || (stem.len() > w.len() && stem.starts_with(w)))
        .max_by_key(|(_, stem)| stem.len())
        .and_then(|(i, _)| u8::try_from(i + 1).ok())
}

fn words(s: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || c == '.';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((&s[a..i], i));
                start = None;
            }
            _ => {}
        }
        if out.len() >= 4 {
            return out;
        }
    }
    if let Some(a) = start {
        out.push((&s[a..], s.len()));
    }
    out
}

/// `August 15, 2025`, `Aug. 15 2025`, `15 August 2025`; returns the date and bytes used.
fn english_date(s: &str) -> Option<(EventDate, usize)> {
    let w = words(s);
    let num = |t: &str| t.trim_end_matches('.').parse::<u32>().ok();
    if let (Some((m, _)), Some((d, _)), Some((y, end))) = (w.first(), w.get(1), w.get(2)) {
        if let (Some(m), Some(d), Some(y)) = (month_word(m, &EN_MONTHS), num(d), num(y)) {
            if (1000..=2999).contains(&y) {
                return EventDate::day(y as i32, m, u8::try_from(d).ok()?)
                    .ok()
                    .map(|e| (e, *end));
            }
        }
    }
    if let (Some((d, _)), Some((m, _)), Some((y, end))) = (w.first(), w.get(1), w.get(2)) {
        if let (Some(d), Some(m), Some(y)) = (num(d), month_word(m, &EN_MONTHS), num(y)) {
            if (1000..=2999).contains(&y) {
                return EventDate::day(y as i32, m, u8::try_from(d).ok()?)
                    .ok()
                    .map(|e| (e, *end));
            }
        }
    }
    None
}

/// `15 августа 2025`; returns the date and bytes used.
fn russian_date(s: &str) -> Option<(EventDate, usize)> {
    let w = words(s);
    let num = |t: &str| t.trim_end_matches('.').parse::<u32>().ok();
    let (d, m, (y, end)) = (w.first()?, w.get(1)?, w.get(2)?);
    let (d, m, y) = (num(d.0)?, month_word(m.0, &RU_MONTHS)?, num(y)?);
    if !(1000..=2999).contains(&y) {
        return None;
    }
    EventDate::day(y as i32, m, u8::try_from(d).ok()?)
        .ok()
        .map(|e| (e, *end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        published(s).map(|d| d.to_string())
    }

    #[test]
    fn labelled_dates_anywhere() {
        assert_eq!(
            p("正文……\n【收稿日期 ：2023-10-09】\n【修回日期 ：2024-01-26】").as_deref(),
            Some("2023-10-09")
        );
        assert_eq!(
            p("正文\n收稿日期：2024年12月19日").as_deref(),
            Some("2024-12-19")
        );
        assert_eq!(
            p("Talks\nPublished August 15, 2025 by staff").as_deref(),
            Some("2025-08-15")
        );
        assert_eq!(p("Published on 15 Aug 2025").as_deref(), Some("2025-08-15"));
        assert_eq!(
            p("Саммит\nОпубликовано 15 августа 2025, 10:00").as_deref(),
            Some("2025-08-15")
        );
        assert_eq!(p("Опубликовано 9 мая 2024").as_deref(), Some("2024-05-09"));
    }

    #[test]
    fn dates_near_the_top() {
        assert_eq!(
            p("峰會條目\n此條目尚待擴充。 (2025年8月13日) |").as_deref(),
            Some("2025-08-13")
        );
        assert_eq!(
            p("Summit report\n2025-08-15\nText").as_deref(),
            Some("2025-08-15")
        );
        assert_eq!(
            p("MOSCOW, Aug 15, 2025 (Reuters) - Talks began.").as_deref(),
            Some("2025-08-15")
        );
        // A dateline without a year says nothing about the year.
        assert_eq!(p("MOSCOW, Aug 15 (Reuters) - Talks began."), None);
        assert_eq!(p("当地时间8月15日，两国元首会晤。"), None);
        let far = format!("{}(2025年8月13日)", "字".repeat(TOP_CHARS));
        assert_eq!(p(&far), None);
    }

    #[test]
    fn titles() {
        let c = crate::clean::clean("… 国际·观察\n\n大国关系的历史变迁：\n\n从全面对抗走向有限的务实合作\n\n张某某\n\n摘要：本文讨论两个大国在过去二十年间关系的起伏，认为双方在经济与安全领域的互动模式决定\n\n了合作的上限，同时也指出国内政治对外交选择的约束作用越来越明显，需要更加细致的研究和\n\n持续的观察。作者还比较了不同时期领导人的决策风格，发现个人关系在危机时期的作用尤其\n\n突出，而在平稳时期则让位于官僚机构的常规运作，这一发现对于理解双边关系具有启发意义。\n", crate::clean::Layout::Flowed);
        assert_eq!(
            title(&c).as_deref(),
            Some("大国关系的历史变迁：从全面对抗走向有限的务实合作")
        );
        assert_eq!(
            bound("双边关系“重启”的困境*").as_deref(),
            Some("双边关系“重启”的困境")
        );
        assert_eq!(
            bound(&"长".repeat(500)).map(|t| t.chars().count()),
            Some(MAX_TITLE_CHARS)
        );
    }
}
