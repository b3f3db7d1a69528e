//! One line of a GDELT event export, read in place without allocating.
//!
//! GDELT 1.0 backfiles have 57 tab-separated columns, 1.0 daily files 58 and 2.0 exports 61; the
//! columns read here sit at the same positions in all three: SQLDATE (the event's date,
//! `YYYYMMDD`, 0-based column 1), Actor1CountryCode (7), Actor2CountryCode (17), QuadClass (29)
//! and GoldsteinScale (30). A line is classified as outside the dyad, in it (with the fields the
//! flow measures need), or bad (with the reason).
//!
//! Every line's column count is checked. The fields are parsed only in the dyad's lines: they are
//! the only ones whose fields enter the measures, and skipping the others early is what makes a
//! scan fast (the two 3-byte country codes are compared before anything else is parsed).

use std::fmt;

/// 0-based columns read.
pub const SQLDATE: usize = 1;
pub const ACTOR1_COUNTRY: usize = 7;
pub const ACTOR2_COUNTRY: usize = 17;
pub const QUAD_CLASS: usize = 29;
pub const GOLDSTEIN: usize = 30;

/// Column counts of the three GDELT event formats.
pub const COLUMN_COUNTS: [usize; 3] = [57, 58, 61];

/// The two sides of the dyad as 3-letter CAMEO country codes (`USA`, `RUS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DyadCodes {
    pub a: [u8; 3],
    pub b: [u8; 3],
}

impl DyadCodes {
    /// `None` unless both codes are three ASCII letters or digits (CAMEO country codes are).
    pub fn new(a: &str, b: &str) -> Option<DyadCodes> {
        let code = |s: &str| -> Option<[u8; 3]> {
            let b: [u8; 3] = s.as_bytes().try_into().ok()?;
            b.iter().all(u8::is_ascii_alphanumeric).then_some(b)
        };
        Some(DyadCodes {
            a: code(a)?,
            b: code(b)?,
        })
    }
}

/// A GoldsteinScale value: exactly, in millionths, when it has at most six decimals (GDELT
/// writes one), else as a float. Exact values add up to the same sum in any order, so the result
/// does not depend on how the input was split between threads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Score {
    Micros(i64),
    Float(f64),
}

/// One line of the dyad.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// `year * 12 + month - 1` (the series' month index).
    pub month: i32,
    /// 0 for `a→b`, 1 for `b→a`.
    pub direction: usize,
    /// 1..=4.
    pub quad: u8,
    pub goldstein: Score,
}

/// Why a line was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The line has this many columns, not 57, 58 or 61.
    Columns(usize),
    /// SQLDATE is not a calendar date `YYYYMMDD`.
    Date,
    /// QuadClass is not 1, 2, 3 or 4.
    QuadClass,
    /// GoldsteinScale is not a finite number.
    Goldstein,
}

impl Problem {
    /// Index in per-kind counters.
    pub fn kind(self) -> usize {
        match self {
            Problem::Columns(_) => 0,
            Problem::Date => 1,
            Problem::QuadClass => 2,
            Problem::Goldstein => 3,
        }
    }

    /// Plural names of the kinds, in `kind()` order, for summaries.
    pub const KINDS: [&'static str; 4] = [
        "wrong column count",
        "bad SQLDATE",
        "bad QuadClass",
        "bad GoldsteinScale",
    ];

    /// The column whose text explains the problem, if one does.
    pub fn column(self) -> Option<usize> {
        match self {
            Problem::Columns(_) => None,
            Problem::Date => Some(SQLDATE),
            Problem::QuadClass => Some(QUAD_CLASS),
            Problem::Goldstein => Some(GOLDSTEIN),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Columns(n) => write!(f, "{n} columns (GDELT events have 57, 58 or 61)"),
            Problem::Date => write!(f, "SQLDATE (column 2) is not a date YYYYMMDD"),
            Problem::QuadClass => write!(f, "QuadClass (column 30) is not 1, 2, 3 or 4"),
            Problem::Goldstein => write!(f, "GoldsteinScale (column 31) is not a number"),
        }
    }
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Line {
    Outside,
    Hit(Hit),
    Bad(Problem),
}

/// Classifies one line (without its `\n`; a trailing `\r` is tolerated because no field read
/// here is the last one).
#[inline]
pub fn classify(line: &[u8], dyad: &DyadCodes) -> Line {
    let columns = memchr::memchr_iter(b'\t', line).count() + 1;
    if !COLUMN_COUNTS.contains(&columns) {
        return Line::Bad(Problem::Columns(columns));
    }
    // `ends[k]` is the position of the tab that ends column k; there are at least 56 tabs.
    let mut ends = [0usize; GOLDSTEIN + 1];
    let mut tabs = memchr::memchr_iter(b'\t', line);
    let mut fill = |ends: &mut [usize]| {
        for e in ends {
            *e = tabs.next().unwrap_or(line.len());
        }
    };
    let field = |ends: &[usize], k: usize| &line[ends[k - 1] + 1..ends[k]];
    fill(&mut ends[..=ACTOR1_COUNTRY]);
    let actor1 = field(&ends, ACTOR1_COUNTRY);
    let (direction, other) = if actor1 == dyad.a {
        (0, &dyad.b)
    } else if actor1 == dyad.b {
        (1, &dyad.a)
    } else {
        return Line::Outside;
    };
    fill(&mut ends[ACTOR1_COUNTRY + 1..=ACTOR2_COUNTRY]);
    if field(&ends, ACTOR2_COUNTRY) != other {
        return Line::Outside;
    }
    fill(&mut ends[ACTOR2_COUNTRY + 1..]);
    let Some(month) = parse_month(field(&ends, SQLDATE)) else {
        return Line::Bad(Problem::Date);
    };
    let quad = match field(&ends, QUAD_CLASS) {
        [q @ b'1'..=b'4'] => q - b'0',
        _ => return Line::Bad(Problem::QuadClass),
    };
    let Some(goldstein) = parse_score(field(&ends, GOLDSTEIN)) else {
        return Line::Bad(Problem::Goldstein);
    };
    Line::Hit(Hit {
        month,
        direction,
        quad,
        goldstein,
    })
}

/// Column `k` of a line (for messages; slow path).
pub fn column(line: &[u8], k: usize) -> &[u8] {
    line.split(|&b| b == b'\t').nth(k).unwrap_or(&[])
}

/// The month index of a `YYYYMMDD` calendar date.
fn parse_month(s: &[u8]) -> Option<i32> {
    if s.len() != 8 || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| {
        s[r].iter()
            .fold(0i32, |acc, &d| acc * 10 + i32::from(d - b'0'))
    };
    let (y, m, d) = (n(0..4), n(4..6), n(6..8));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (y >= 1 && (1..=days).contains(&d)).then_some(y * 12 + m - 1)
}

/// A decimal number: exactly when it is `[+-]digits[.digits]` with at most 6 decimals and 15
/// digits in all, else through the standard parser (finite values only).
fn parse_score(s: &[u8]) -> Option<Score> {
    let (neg, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = match memchr::memchr(b'.', body) {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, &body[..0]),
    };
    let digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    if int.len() + frac.len() > 0
        && int.len() + frac.len() <= 15
        && frac.len() <= 6
        && digits(int)
        && digits(frac)
    {
        let mut v: i64 = 0;
        for &d in int.iter().chain(frac) {
            v = v * 10 + i64::from(d - b'0');
        }
        v *= 10i64.pow(6 - frac.len() as u32);
        return Some(Score::Micros(if neg { -v } else { v }));
    }
    std::str::from_utf8(s)
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Score::Float)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cols: usize, set: &[(usize, &str)]) -> Vec<u8> {
        let mut f: Vec<String> = vec![String::new(); cols];
        f[0] = "1".into();
        f[SQLDATE] = "20150218".into();
        f[QUAD_CLASS] = "1".into();
        f[GOLDSTEIN] = "2.8".into();
        for (k, v) in set {
            f[*k] = v.to_string();
        }
        f.join("\t").into_bytes()
    }

    const D: DyadCodes = DyadCodes {
        a: *b"USA",
        b: *b"RUS",
    };

    #[test]
    fn dyad_lines_in_all_three_formats() {
        for cols in COLUMN_COUNTS {
            let l = line(cols, &[(ACTOR1_COUNTRY, "RUS"), (ACTOR2_COUNTRY, "USA")]);
            assert_eq!(
                classify(&l, &D),
                Line::Hit(Hit {
                    month: 2015 * 12 + 1,
                    direction: 1,
                    quad: 1,
                    goldstein: Score::Micros(2_800_000)
                }),
                "{cols} columns"
            );
        }
        let l = line(61, &[(ACTOR1_COUNTRY, "USA"), (ACTOR2_COUNTRY, "CHN")]);
        assert_eq!(classify(&l, &D), Line::Outside);
        let l = line(61, &[(ACTOR1_COUNTRY, "USA"), (ACTOR2_COUNTRY, "USA")]);
        assert_eq!(classify(&l, &D), Line::Outside);
        let mut l = line(58, &[(ACTOR1_COUNTRY, "USA"), (ACTOR2_COUNTRY, "RUS")]);
        l.push(b'\r');
        assert!(matches!(classify(&l, &D), Line::Hit(h) if h.direction == 0));
        // Invalid UTF-8 in a field not read is no problem.
        let l = line(
            61,
            &[
                (6, "MOSC\u{FFFD}W"),
                (ACTOR1_COUNTRY, "RUS"),
                (ACTOR2_COUNTRY, "USA"),
            ],
        );
        let l: Vec<u8> = String::from_utf8(l)
            .unwrap()
            .replace('\u{FFFD}', "\u{1}")
            .bytes()
            .map(|b| if b == 1 { 0xFF } else { b })
            .collect();
        assert!(std::str::from_utf8(&l).is_err());
        assert!(matches!(classify(&l, &D), Line::Hit(h) if h.direction == 1));
    }

    #[test]
    fn bad_lines_say_why() {
        let both = [(ACTOR1_COUNTRY, "USA"), (ACTOR2_COUNTRY, "RUS")];
        assert_eq!(
            classify(&line(59, &both), &D),
            Line::Bad(Problem::Columns(59))
        );
        // Shape is checked outside the dyad too; fields only inside it.
        assert_eq!(
            classify(&line(60, &[]), &D),
            Line::Bad(Problem::Columns(60))
        );
        assert_eq!(
            classify(&line(61, &[(SQLDATE, "2015021")]), &D),
            Line::Outside
        );
        for (k, v, p) in [
            (SQLDATE, "20150230", Problem::Date),
            (SQLDATE, "2015-02-", Problem::Date),
            (QUAD_CLASS, "5", Problem::QuadClass),
            (QUAD_CLASS, "", Problem::QuadClass),
            (GOLDSTEIN, "", Problem::Goldstein),
            (GOLDSTEIN, "NaN", Problem::Goldstein),
            (GOLDSTEIN, "x1", Problem::Goldstein),
        ] {
            let mut set = both.to_vec();
            set.push((k, v));
            assert_eq!(classify(&line(61, &set), &D), Line::Bad(p), "{v}");
        }
        let mut set = both.to_vec();
        set.push((SQLDATE, "20160229"));
        assert!(matches!(classify(&line(61, &set), &D), Line::Hit(_)));
    }

    #[test]
    fn scores_are_exact_when_decimal() {
        for (s, v) in [
            ("2.8", Score::Micros(2_800_000)),
            ("-10", Score::Micros(-10_000_000)),
            ("+0.5", Score::Micros(500_000)),
            (".5", Score::Micros(500_000)),
            ("-5.8", Score::Micros(-5_800_000)),
            ("1e1", Score::Float(10.0)),
            ("0.12345678", Score::Float(0.12345678)),
        ] {
            assert_eq!(parse_score(s.as_bytes()), Some(v), "{s}");
        }
        for s in ["", "-", ".", "inf", "1,5"] {
            assert_eq!(parse_score(s.as_bytes()), None, "{s}");
        }
    }
}
