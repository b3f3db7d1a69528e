//! Citations of the chronology's sources in two styles a scholar is asked for: GB/T 7714-2015
//! (Chinese national standard, electronic resource `[EB/OL]`) and APA 7 (web page / online news).
//!
//! The sources carry a title, a publisher, a publication date (day, month or year, or none) and a
//! URL (none for an official record cited by name and date); none names an author. Both styles
//! then take the publishing organisation as the author (团体责任者 in GB/T 7714; a group author in
//! APA) and do not repeat it as the publisher or site. So:
//!
//! - GB/T 7714: `发布者. 题名[EB/OL]. (发布日期)[引用日期]. URL.` — the publication date in
//!   parentheses, the date the source was consulted in brackets; without a URL the resource is
//!   `[EB]` and has no consultation date; without a publication date the parentheses are left out.
//! - APA 7: `Publisher. (Year, Month Day). Title. URL` — `(Year, Month)` or `(Year)` as far as the
//!   date is known, `(n.d.)` without one; the title ends with a full stop unless it ends in `?` or
//!   `!`. (APA sets the title of a web page in italics; plain text cannot.)

use dyad_model::{EventDate, Precision};
use dyad_store::CitationRow;

/// A citation style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// GB/T 7714-2015, electronic resource.
    Gbt7714,
    /// APA 7th edition.
    Apa,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One source as a reference in `style`; `cited` is the day it was consulted (YYYY-MM-DD),
/// which GB/T 7714 records for online resources.
pub fn format(c: &CitationRow, style: Style, cited: &str) -> String {
    match style {
        Style::Gbt7714 => gbt7714(c, cited),
        Style::Apa => apa(c),
    }
}

fn trimmed(s: &str) -> &str {
    s.trim().trim_end_matches('.').trim_end()
}

fn gbt7714(c: &CitationRow, cited: &str) -> String {
    let mut s = format!("{}. {}", trimmed(&c.publisher), c.title.trim());
    s.push_str(if c.url.is_some() {
        "[EB/OL]. "
    } else {
        "[EB]. "
    });
    if let Some(d) = c.date.as_deref().filter(|d| !d.is_empty()) {
        s.push_str(&format!("({d})"));
    }
    match &c.url {
        Some(u) => s.push_str(&format!("[{cited}]. {u}.")),
        None => {
            s = s.trim_end().to_string();
            if !s.ends_with('.') {
                s.push('.');
            }
        }
    }
    s
}

fn apa_date(d: Option<&str>) -> String {
    let Some(date) = d.and_then(|d| d.parse::<EventDate>().ok()) else {
        return "(n.d.)".into();
    };
    let month = |m: u8| MONTHS[usize::from(m - 1)];
    match (date.precision(), date.m(), date.d()) {
        (Precision::Day, Some(m), Some(day)) => format!("({}, {} {day})", date.y(), month(m)),
        (Precision::Month, Some(m), _) => format!("({}, {})", date.y(), month(m)),
        _ => format!("({})", date.y()),
    }
}

fn apa(c: &CitationRow) -> String {
    let title = c.title.trim();
    let end = if title.ends_with(['.', '?', '!']) {
        ""
    } else {
        "."
    };
    let mut s = format!(
        "{}. {}. {title}{end}",
        trimmed(&c.publisher),
        apa_date(c.date.as_deref())
    );
    if let Some(u) = &c.url {
        s.push(' ');
        s.push_str(u);
    }
    s
}

/// Today's date (UTC) as YYYY-MM-DD, the default consultation date.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // civil date from days since 1970-01-01 (H. Hinnant's algorithm)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(publisher: &str, title: &str, date: Option<&str>, url: Option<&str>) -> CitationRow {
        CitationRow {
            id: "x".into(),
            title: title.into(),
            publisher: publisher.into(),
            date: date.map(str::to_string),
            url: url.map(str::to_string),
        }
    }

    #[test]
    fn both_styles_take_the_publisher_as_author() {
        let c = row(
            "CBS News",
            "Secretary Tillerson meets with Russian counterpart",
            Some("2017-02"),
            Some("https://www.cbsnews.com/x/"),
        );
        assert_eq!(
            format(&c, Style::Gbt7714, "2026-12-05"),
            "CBS News. Secretary Tillerson meets with Russian counterpart[EB/OL]. (2017-02)[2026-12-05]. https://www.cbsnews.com/x/."
        );
        assert_eq!(
            format(&c, Style::Apa, "2026-12-05"),
            "CBS News. (2017, February). Secretary Tillerson meets with Russian counterpart. https://www.cbsnews.com/x/"
        );
    }

    #[test]
    fn missing_dates_and_urls() {
        let c = row("The White House", "Why?", None, None);
        assert_eq!(
            format(&c, Style::Gbt7714, "2026-12-05"),
            "The White House. Why?[EB]."
        );
        assert_eq!(format(&c, Style::Apa, ""), "The White House. (n.d.). Why?");
        let c = row("U.S. Dept.", "A record", Some("1994-01-14"), None);
        assert_eq!(
            format(&c, Style::Gbt7714, "2026-12-05"),
            "U.S. Dept. A record[EB]. (1994-01-14)."
        );
        assert_eq!(
            format(&c, Style::Apa, ""),
            "U.S. Dept. (1994, January 14). A record."
        );
    }

    #[test]
    fn today_is_a_date() {
        let t = today();
        assert!(t.parse::<EventDate>().is_ok(), "{t}");
        assert_eq!(t.len(), 10);
    }
}
