//! Byte-level helpers shared by the parsers: tab splitting into a stack array, dates, numbers.

use dyad_model::EventDate;

/// The most columns kept; a line with more is counted, not stored.
pub const MAX: usize = 64;

/// Splits `line` on tabs into `out`; returns the number of columns (which may exceed `MAX`).
pub fn split<'a>(line: &'a str, out: &mut [&'a str; MAX]) -> usize {
    let mut n = 0;
    for f in line.split('\t') {
        if n < MAX {
            out[n] = f;
        }
        n += 1;
    }
    n
}

/// A missing value as the datasets write it.
pub fn missing(s: &str) -> bool {
    s.is_empty() || s == "NA" || s == "None" || s == "null"
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0')))
}

/// `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`).
pub fn iso(s: &str) -> Option<EventDate> {
    let b = s.as_bytes();
    if b.len() < 10
        || b[4] != b'-'
        || b[7] != b'-'
        || (b.len() > 10 && !matches!(b[10], b'T' | b' '))
    {
        return None;
    }
    let y = digits(&b[..4])? as i32;
    let m = digits(&b[5..7])? as u8;
    let d = digits(&b[8..10])? as u8;
    EventDate::day(y, m, d).ok()
}

/// A Goldstein-style score in −10..10.
pub fn score(s: &str) -> Option<f64> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && (-10.0..=10.0).contains(v))
}

/// `true` for a 3-letter upper-case code.
pub fn code3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Shortens a value for an error message.
pub fn show(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(iso("2018-06-01").unwrap().to_string(), "2018-06-01");
        assert_eq!(
            iso("2018-06-01T00:00:00").unwrap().to_string(),
            "2018-06-01"
        );
        assert!(iso("2018-13-01").is_none());
        assert!(iso("2018/06/01").is_none());
    }

    #[test]
    fn split_counts_every_column() {
        let mut f = [""; MAX];
        assert_eq!(split("a\t\tb", &mut f), 3);
        assert_eq!(&f[..3], &["a", "", "b"]);
        let long = vec!["x"; 70].join("\t");
        assert_eq!(split(&long, &mut f), 70);
    }

    #[test]
    fn scores_stay_in_range() {
        assert_eq!(score("-5.8"), Some(-5.8));
        assert_eq!(score("4"), Some(4.0));
        assert_eq!(score("11"), None);
        assert_eq!(score("NaN"), None);
        assert_eq!(score("x"), None);
    }
}
