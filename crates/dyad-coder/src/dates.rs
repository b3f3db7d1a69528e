//! Dates in text: absolute (2025年8月15日, August 15, 2025, 15 августа 2025 г., 2025-08-15,
//! 15.08.2025, 1990年代) and relative (同年12月, 次年, the same day, в том же году), resolved
//! against the nearest explicit date before them (in the sentence, then in the document as
//! carried by [`DateContext`]), then the document's date.

use crate::dict::{Anchor, DateKind, Unit};
use dyad_model::{EventDate, Precision};

/// The running context of one document, threaded by the caller through its sentences in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateContext {
    /// The date of the document (publication date); relative expressions fall back to it.
    pub document: Option<EventDate>,
    /// The running date: the last explicit or resolved date of the document so far that can
    /// date an event (a date that only dates a report, 普京8月16日表示…, is not one).
    pub last: Option<EventDate>,
    /// The last date of any kind seen (report dates included): the anchor of relative
    /// expressions such as 当天, the same day. `None`: `last`.
    pub anchor: Option<EventDate>,
    /// The last two parties seen together, for "both sides", 双方, стороны.
    pub pair: Option<(String, String)>,
    /// Sentences coded since `last` was set (0: this or the previous sentence named it). A
    /// running date older than [`DateContext::RUNNING_REACH`] sentences dates nothing: an
    /// undated analytic sentence three paragraphs after "1994年" is not a 1994 event.
    pub stale: u32,
    /// The paragraph of the sentence being coded, when the caller knows it
    /// ([`DateContext::paragraph`]); `None`: unknown, every sentence counts as the same paragraph.
    pub paragraph: Option<u32>,
    /// The paragraph in which `last` was set.
    pub last_paragraph: Option<u32>,
    /// The document's first paragraph (the first one [`DateContext::paragraph`] was told).
    pub first_paragraph: Option<u32>,
}

impl DateContext {
    pub fn new(document: Option<EventDate>) -> DateContext {
        DateContext {
            document,
            last: None,
            anchor: None,
            pair: None,
            stale: 0,
            paragraph: None,
            last_paragraph: None,
            first_paragraph: None,
        }
    }

    /// Tells the context that the next sentence to code lies in paragraph `n` (any numbering
    /// that grows through the document). An undated sentence takes the running date only within
    /// the paragraph that set it, unless it opens with a relative connective (随后, then,
    /// затем: grammar kind `continue`). Not called (sentences coded one per line, `dyad code`):
    /// all sentences count as one paragraph.
    pub fn paragraph(&mut self, n: u32) {
        self.paragraph = Some(n);
        self.first_paragraph.get_or_insert(n);
    }

    /// Whether the sentence being coded lies in the paragraph that set the running date (true
    /// when paragraphs are unknown).
    pub fn same_paragraph(&self) -> bool {
        match (self.paragraph, self.last_paragraph) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// Whether the running date was set in the document's opening paragraphs (its dateline and
    /// lede, up to [`DateContext::LEDE`]) and the sentence lies in that paragraph or the next:
    /// news sets each sentence of its story apart, and the paragraph right after the lede goes
    /// on telling the lede's day.
    pub fn in_lede(&self) -> bool {
        match (self.paragraph, self.last_paragraph, self.first_paragraph) {
            (Some(a), Some(b), Some(first)) => b.saturating_sub(first) <= Self::LEDE && a <= b + 1,
            _ => false,
        }
    }

    /// How many paragraphs after its first a document's opening runs, see
    /// [`DateContext::in_lede`] (measured: one, the dateline's or headline's paragraph and the
    /// lede's; two or none find fewer events, or add more false ones, on the development
    /// corpus and the fifth held-out set).
    pub const LEDE: u32 = 1;

    /// How many sentences without a date of their own may still take the running date.
    pub const RUNNING_REACH: u32 = 2;

    /// The anchor of a context-relative expression when the sentence itself has no date before it.
    pub fn base(&self) -> Option<EventDate> {
        self.anchor.or(self.last).or(self.document)
    }
}

/// One piece of a date expression found in text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Atom {
    Num { value: i64, digits: usize },
    Full(EventDate),
    Mark(DateKind),
}

/// The fields of one date expression before resolution.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RawDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub full: Option<EventDate>,
    pub relative: Option<(Anchor, Unit, i32)>,
    pub since: bool,
}

impl RawDate {
    pub fn is_date(&self) -> bool {
        self.year.is_some()
            || self.month.is_some()
            || self.full.is_some()
            || self.relative.is_some()
            || self.day.is_some()
    }
}

fn is_year(value: i64, digits: usize) -> bool {
    digits == 4 && (1000..=2100).contains(&value)
}

/// Reads one run of adjacent atoms (already grouped by the caller) into date fields.
pub(crate) fn parse_run(atoms: &[Atom]) -> RawDate {
    let mut r = RawDate::default();
    let mut used = vec![false; atoms.len()];
    let has_month_name = atoms
        .iter()
        .any(|a| matches!(a, Atom::Mark(DateKind::Month(_))));
    for i in 0..atoms.len() {
        let next = atoms.get(i + 1);
        match &atoms[i] {
            Atom::Full(d) => r.full = Some(*d),
            Atom::Num { value, digits } => {
                let (v, dg) = (*value, *digits);
                match next {
                    Some(Atom::Mark(DateKind::YearMark))
                    | Some(Atom::Mark(DateKind::DecadeMark))
                        if is_year(v, dg) =>
                    {
                        r.year = Some(v as i32);
                        used[i] = true;
                    }
                    Some(Atom::Mark(DateKind::MonthMark)) if (1..=12).contains(&v) && dg <= 2 => {
                        r.month = Some(v as u8);
                        used[i] = true;
                    }
                    Some(Atom::Mark(DateKind::DayMark)) if (1..=31).contains(&v) && dg <= 2 => {
                        r.day = Some(v as u8);
                        used[i] = true;
                    }
                    // 20 years ago, 20 лет назад: counted back from the document
                    Some(Atom::Mark(DateKind::Ago(unit))) if (1..=200).contains(&v) && dg <= 3 => {
                        r.relative = Some((Anchor::Document, *unit, -(v as i32)));
                        used[i] = true;
                    }
                    _ => {}
                }
            }
            Atom::Mark(DateKind::Month(m)) => r.month = Some(*m),
            Atom::Mark(DateKind::Relative {
                anchor,
                unit,
                offset,
            }) => r.relative = Some((*anchor, *unit, *offset)),
            Atom::Mark(DateKind::SinceBefore) | Atom::Mark(DateKind::SinceAfter) => r.since = true,
            Atom::Mark(_) => {}
        }
    }
    // Numbers around month names and year words: 15 August 2025, August 15, 2025, в 1994 году.
    for i in 0..atoms.len() {
        if used[i] {
            continue;
        }
        if let Atom::Num { value, digits } = atoms[i] {
            let prev = i.checked_sub(1).map(|j| &atoms[j]);
            let next = atoms.get(i + 1);
            let near_month = matches!(prev, Some(Atom::Mark(DateKind::Month(_))))
                || matches!(next, Some(Atom::Mark(DateKind::Month(_))));
            let year_word = matches!(
                prev,
                Some(Atom::Mark(DateKind::YearBefore)) | Some(Atom::Mark(DateKind::SinceBefore))
            ) || matches!(next, Some(Atom::Mark(DateKind::YearAfter)));
            if is_year(value, digits) && (has_month_name || year_word) {
                r.year = Some(value as i32);
            } else if near_month && (1..=31).contains(&value) && digits <= 2 && r.day.is_none() {
                r.day = Some(value as u8);
            }
        }
    }
    if r.since
        && !(r.year.is_some() || r.month.is_some() || r.full.is_some() || r.relative.is_some())
    {
        r.since = false;
    }
    r
}

/// Adds `months` months to a year and month.
fn add_months(y: i32, m: u8, months: i32) -> (i32, u8) {
    let total = y * 12 + (m as i32 - 1) + months;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}

/// The calendar day `days` after a day-precision date (Howard Hinnant's days-from-civil inverse).
fn add_days(d: &EventDate, days: i64) -> Option<EventDate> {
    let z = d.ordinal() + days + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    EventDate::day(year as i32, month as u8, day as u8).ok()
}

fn shift(base: EventDate, unit: Unit, offset: i32) -> Option<EventDate> {
    match unit {
        Unit::Keep => Some(base),
        Unit::Year => Some(EventDate::year(base.y() + offset)),
        Unit::Month => match base.m() {
            Some(m) => {
                let (y, m) = add_months(base.y(), m, offset);
                EventDate::month(y, m).ok()
            }
            None => Some(EventDate::year(base.y())),
        },
        Unit::Day => match base.precision() {
            Precision::Day => add_days(&base, offset as i64),
            _ => Some(base),
        },
        Unit::Weekday | Unit::DayName => match base.precision() {
            Precision::Day => {
                // day 0 of the ordinals, 1970-01-01, was a Thursday (4)
                let wd = (base.ordinal() + 3).rem_euclid(7) + 1;
                add_days(&base, -(wd - offset as i64).rem_euclid(7))
            }
            _ => Some(base),
        },
        Unit::Week => match base.precision() {
            Precision::Day => {
                let d = add_days(&base, 7 * offset as i64)?;
                EventDate::month(d.y(), d.m()?).ok()
            }
            _ => Some(base),
        },
    }
}

/// The latest date with day-of-month `day` on or before `doc` (a day-precision date): in its
/// month, else the month before.
pub(crate) fn day_on_or_before(doc: EventDate, day: u8) -> Option<EventDate> {
    let (y, m, d) = (doc.y(), doc.m()?, doc.d()?);
    if day <= d {
        return EventDate::day(y, m, day).ok();
    }
    let (py, pm) = add_months(y, m, -1);
    EventDate::day(py, pm, day).ok()
}

/// Resolves date fields against `base` (the nearest date before) and the document date. A base
/// later than the document date (a plan, 2014年中期, named before) lends no year or month to a
/// partial date: the document's do.
pub(crate) fn resolve(
    r: &RawDate,
    base: Option<EventDate>,
    document: Option<EventDate>,
) -> Option<EventDate> {
    if let Some(f) = r.full {
        return Some(f);
    }
    let base = match (base, document) {
        (Some(b), Some(d)) if b.ordinal() > d.ordinal() && (r.year.is_none()) => Some(d),
        // a bare day (22日, on the 22nd) needs a month: a base that names only a year (an aside
        // about 1987) lends nothing, the document's date does
        (Some(b), Some(d))
            if r.year.is_none()
                && r.month.is_none()
                && r.day.is_some()
                && r.relative.is_none()
                && b.m().is_none()
                && d.m().is_some() =>
        {
            Some(d)
        }
        _ => base,
    };
    let anchor_date = match r.relative {
        Some((Anchor::Document, unit, off)) => Some(shift(document.or(base)?, unit, off)?),
        Some((Anchor::Context, unit, off)) => Some(shift(base.or(document)?, unit, off)?),
        None => None,
    };
    let year = match (r.year, anchor_date) {
        (Some(y), _) => y,
        (None, Some(a)) if r.month.is_none() && r.day.is_none() => return Some(a),
        (None, Some(a)) => a.y(),
        // a month with no year, counted from the document alone, is its nearest occurrence
        // (in December, told in January: the December before)
        (None, None) => {
            let from = base.or(document)?;
            let nearest_back = match (r.month, from.m()) {
                (Some(m), Some(fm)) if m > fm && base.is_none_or(|b| Some(b) == document) => {
                    let ahead = i32::from(m) - i32::from(fm);
                    ahead > 12 - ahead
                }
                _ => false,
            };
            from.y() - i32::from(nearest_back)
        }
    };
    let month = match (r.month, r.day) {
        (Some(m), _) => Some(m),
        (None, Some(_)) if r.year.is_none() => {
            anchor_date.or(base).or(document).and_then(|b| b.m())
        }
        _ => None,
    };
    match (month, r.day) {
        (Some(m), Some(d)) => EventDate::day(year, m, d).ok(),
        (Some(m), None) => EventDate::month(year, m).ok(),
        (None, _) => Some(EventDate::year(year)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> EventDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_bare_day_takes_its_month_from_the_document_when_the_base_is_only_a_year() {
        let r = RawDate {
            day: Some(22),
            ..RawDate::default()
        };
        assert_eq!(
            resolve(&r, Some(d("1987")), Some(d("2018-10-23"))),
            Some(d("2018-10-22"))
        );
        // a base with a month still lends it
        assert_eq!(
            resolve(&r, Some(d("2018-09-03")), Some(d("2018-10-23"))),
            Some(d("2018-09-22"))
        );
    }

    #[test]
    fn a_month_without_a_year_is_its_nearest_occurrence_from_the_document() {
        let dec = RawDate {
            month: Some(12),
            ..RawDate::default()
        };
        // in December, told in January: the December before
        assert_eq!(
            resolve(&dec, None, Some(d("2024-01-15"))),
            Some(d("2023-12"))
        );
        // told in October: the December to come
        assert_eq!(
            resolve(&dec, None, Some(d("2024-10-15"))),
            Some(d("2024-12"))
        );
        // an earlier month of the year is this year's
        let aug = RawDate {
            month: Some(8),
            day: Some(10),
            ..RawDate::default()
        };
        assert_eq!(
            resolve(&aug, None, Some(d("2021-09-03"))),
            Some(d("2021-08-10"))
        );
        // the year of a date named earlier in the sentence is kept
        assert_eq!(
            resolve(&dec, Some(d("2022-03")), Some(d("2024-01-15"))),
            Some(d("2022-12"))
        );
    }

    #[test]
    fn runs_and_relatives() {
        let n = |v: i64, digits: usize| Atom::Num { value: v, digits };
        let m = Atom::Mark;
        let r = parse_run(&[
            n(2025, 4),
            m(DateKind::YearMark),
            n(2, 1),
            m(DateKind::MonthMark),
            n(12, 2),
            m(DateKind::DayMark),
        ]);
        assert_eq!(resolve(&r, None, None), Some(d("2025-02-12")));
        let r = parse_run(&[
            n(15, 2),
            m(DateKind::Month(8)),
            n(2025, 4),
            m(DateKind::YearAfter),
        ]);
        assert_eq!(resolve(&r, None, None), Some(d("2025-08-15")));
        let r = parse_run(&[
            m(DateKind::Relative {
                anchor: Anchor::Context,
                unit: Unit::Year,
                offset: 0,
            }),
            n(12, 2),
            m(DateKind::MonthMark),
        ]);
        assert_eq!(
            resolve(&r, Some(d("1994-01-14")), Some(d("2025-05-01"))),
            Some(d("1994-12"))
        );
        let r = parse_run(&[m(DateKind::Relative {
            anchor: Anchor::Context,
            unit: Unit::Day,
            offset: -1,
        })]);
        assert_eq!(
            resolve(&r, Some(d("2025-03-01")), None),
            Some(d("2025-02-28"))
        );
        let r = parse_run(&[m(DateKind::Relative {
            anchor: Anchor::Document,
            unit: Unit::Year,
            offset: -1,
        })]);
        assert_eq!(
            resolve(&r, Some(d("1994-01")), Some(d("2025-05-01"))),
            Some(d("2024"))
        );
        // 2002-05-14 was a Tuesday: "on Monday" is the 13th, "on Tuesday" the same day
        let monday = parse_run(&[m(DateKind::Relative {
            anchor: Anchor::Document,
            unit: Unit::Weekday,
            offset: 1,
        })]);
        assert_eq!(
            resolve(&monday, None, Some(d("2002-05-14"))),
            Some(d("2002-05-13"))
        );
        let tuesday = parse_run(&[m(DateKind::Relative {
            anchor: Anchor::Document,
            unit: Unit::Weekday,
            offset: 2,
        })]);
        assert_eq!(
            resolve(&tuesday, None, Some(d("2002-05-14"))),
            Some(d("2002-05-14"))
        );
        // a bare day of a report: on or before the dateline, in its month or the one before
        assert_eq!(day_on_or_before(d("2019-08-02"), 1), Some(d("2019-08-01")));
        assert_eq!(day_on_or_before(d("2019-08-02"), 30), Some(d("2019-07-30")));
        // a plan named before (a later base) lends no year to "September 14"
        let sept14 = parse_run(&[
            n(9, 1),
            m(DateKind::MonthMark),
            n(14, 2),
            m(DateKind::DayMark),
        ]);
        assert_eq!(
            resolve(&sept14, Some(d("2014")), Some(d("2013-09-14"))),
            Some(d("2013-09-14"))
        );
        assert_eq!(
            resolve(&sept14, Some(d("1999-03")), Some(d("2013-09-14"))),
            Some(d("1999-09-14"))
        );
        let r = parse_run(&[n(3, 1), m(DateKind::YearMark)]);
        assert!(!r.is_date(), "a duration of 3 years is not a date");
        assert_eq!(add_months(2024, 12, 1), (2025, 1));
        // 20 years ago, 3个月前: counted back from the document, at the unit's precision
        let ago = parse_run(&[n(20, 2), m(DateKind::Ago(Unit::Year))]);
        assert_eq!(
            resolve(&ago, Some(d("2001-05")), Some(d("2019-03-24"))),
            Some(d("1999"))
        );
        let ago = parse_run(&[n(3, 1), m(DateKind::Ago(Unit::Month))]);
        assert_eq!(
            resolve(&ago, None, Some(d("2019-03-24"))),
            Some(d("2018-12"))
        );
        // a year before the mark is no count (2019年前后 is not read here)
        let r = parse_run(&[n(2019, 4), m(DateKind::Ago(Unit::Month))]);
        assert!(r.relative.is_none());
    }
}
