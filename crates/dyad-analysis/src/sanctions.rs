//! Sanctions designations of a dyad, summed per month, per year and in all for each side, from
//! the sized acts of the curated chronology; and the same sums set beside published counts of a
//! sanctions tracker (`data/chronology/sanctions-figures.tsv`).
//!
//! An [`Act`] is one sanctions act coded 163 with, when its source states it, its
//! [`Magnitude`] in designations. Sums count designations of sized acts only, and say how many
//! of them are floors (`500+`) or approximate (`~150`), and how many acts state no size at all:
//! the chronology records packages, not every listed name, so its sums are a floor of what the
//! packages it records designated.
//!
//! ```
//! use dyad_analysis::sanctions::{sum, Act};
//! use dyad_model::Magnitude;
//! let act = |date: &str, source: &str, target: &str, m: Option<&str>| Act {
//!     id: format!("{date}-{source}"),
//!     date: date.parse().unwrap(),
//!     source: source.into(),
//!     target: target.into(),
//!     magnitude: m.map(|m| m.parse::<Magnitude>().unwrap()),
//! };
//! let acts = [
//!     act("2014-03-17", "USA", "RUS", Some("7 designations")),
//!     act("2014-03-20", "USA", "RUS", Some("21 designations")),
//!     act("2014-03-20", "RUS", "USA", Some("9 designations")),
//!     act("2014-07-16", "USA", "RUS", None),
//! ];
//! let s = sum(&acts, "USA", "RUS", None, None);
//! assert_eq!(s.months[0].period, "2014-03");
//! assert_eq!(s.months[0].a_to_b.designations, 28);
//! assert_eq!(s.total.a_to_b.designations, 28);
//! assert_eq!(s.total.a_to_b.without_size, 1);
//! assert_eq!(s.total.b_to_a.designations, 9);
//! ```

use dyad_model::{Bound, EventDate, Magnitude, Precision, Unit};
use serde::Serialize;
use std::collections::BTreeMap;

/// One sanctions act (coded 163) of the chronology.
#[derive(Debug, Clone, PartialEq)]
pub struct Act {
    /// The curated event's id.
    pub id: String,
    pub date: EventDate,
    pub source: String,
    pub target: String,
    /// Its size, when its source states one; only designations are summed.
    pub magnitude: Option<Magnitude>,
}

/// The designations of one side in one period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Designations stated by the sized acts.
    pub designations: u64,
    /// Acts whose size is stated.
    pub sized: usize,
    /// Of these, how many give a floor (`N+`: "more than", or the stated parts of a larger whole).
    pub floors: usize,
    /// Of these, how many give an approximate number (`~N`).
    pub approximate: usize,
    /// Sanctions acts that state no size (not in `designations`).
    pub without_size: usize,
}

impl Tally {
    fn add(&mut self, m: Option<&Magnitude>) {
        match m {
            Some(m) if m.unit == Unit::Designations => {
                self.designations += m.value;
                self.sized += 1;
                match m.bound {
                    Bound::Exact => {}
                    Bound::AtLeast => self.floors += 1,
                    Bound::About => self.approximate += 1,
                }
            }
            _ => self.without_size += 1,
        }
    }

    fn merge(&mut self, o: &Tally) {
        self.designations += o.designations;
        self.sized += o.sized;
        self.floors += o.floors;
        self.approximate += o.approximate;
        self.without_size += o.without_size;
    }

    /// Whether the sum is a floor rather than an exact count.
    pub fn is_floor(&self) -> bool {
        self.floors > 0 || self.approximate > 0 || self.without_size > 0
    }
}

/// Both sides in one period: `a_to_b` the acts of the dyad's first actor against the second.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodRow {
    /// `YYYY-MM`, `YYYY` or `total`.
    pub period: String,
    pub a_to_b: Tally,
    pub b_to_a: Tally,
}

impl PeriodRow {
    fn new(period: String) -> PeriodRow {
        PeriodRow {
            period,
            a_to_b: Tally::default(),
            b_to_a: Tally::default(),
        }
    }

    fn merge(&mut self, o: &PeriodRow) {
        self.a_to_b.merge(&o.a_to_b);
        self.b_to_a.merge(&o.b_to_a);
    }
}

/// The sums of a dyad's sanctions acts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SanctionSums {
    pub a: String,
    pub b: String,
    /// Months with at least one act, in order; acts known only to the year are in `years` and
    /// `total`, not here.
    pub months: Vec<PeriodRow>,
    /// Years with at least one act, in order.
    pub years: Vec<PeriodRow>,
    pub total: PeriodRow,
}

/// Whether `date` falls in `from..=to` (months or years; `None` is open).
fn within(date: &EventDate, from: Option<&EventDate>, to: Option<&EventDate>) -> bool {
    from.is_none_or(|f| date.last_day().ordinal() >= f.first_day().ordinal())
        && to.is_none_or(|t| date.first_day().ordinal() <= t.last_day().ordinal())
}

/// Sums the designations of the acts between `a` and `b` (each direction apart) from `from` to
/// `to` (inclusive; `None` open), per month, per year and in all.
pub fn sum(
    acts: &[Act],
    a: &str,
    b: &str,
    from: Option<EventDate>,
    to: Option<EventDate>,
) -> SanctionSums {
    let mut months: BTreeMap<String, PeriodRow> = BTreeMap::new();
    let mut years: BTreeMap<String, PeriodRow> = BTreeMap::new();
    let mut total = PeriodRow::new("total".to_string());
    for act in acts {
        let forward = act.source == a && act.target == b;
        if !(forward || act.source == b && act.target == a) {
            continue;
        }
        if !within(&act.date, from.as_ref(), to.as_ref()) {
            continue;
        }
        let mut row = PeriodRow::new(String::new());
        let side = if forward {
            &mut row.a_to_b
        } else {
            &mut row.b_to_a
        };
        side.add(act.magnitude.as_ref());
        if act.date.precision() != Precision::Year {
            let key = act.date.month_key();
            months
                .entry(key.clone())
                .or_insert_with(|| PeriodRow::new(key))
                .merge(&row);
        }
        let key = act.date.y().to_string();
        years
            .entry(key.clone())
            .or_insert_with(|| PeriodRow::new(key))
            .merge(&row);
        total.merge(&row);
    }
    SanctionSums {
        a: a.to_string(),
        b: b.to_string(),
        months: months.into_values().collect(),
        years: years.into_values().collect(),
        total,
    }
}

/// The columns of the figures file, in order.
pub const FIGURE_COLUMNS: &[&str] = &[
    "id",
    "sender",
    "target",
    "from",
    "to",
    "value",
    "counts_en",
    "counts_zh",
    "source_title",
    "publisher",
    "source_date",
    "url",
    "cited_by",
    "note_en",
    "note_zh",
];

/// A published count of sanctions: who imposed them on whom, over which months, how many, of
/// what, and where it was published; with a note on how it differs from the chronology's sums.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub id: String,
    /// The sanctioning side: an actor code (`USA`) or `WEST` for the tracker's Western
    /// jurisdictions together.
    pub sender: String,
    pub target: String,
    pub from: EventDate,
    pub to: EventDate,
    pub value: u64,
    /// What is counted, in English and Chinese.
    pub counts_en: String,
    pub counts_zh: String,
    pub source_title: String,
    pub publisher: String,
    pub source_date: Option<EventDate>,
    pub url: Option<String>,
    /// Who cites the figure (a seed, or the page itself when it was read directly).
    pub cited_by: String,
    /// Why the chronology's sum differs, in English and Chinese.
    pub note_en: String,
    pub note_zh: String,
    /// `file:line`.
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FigureError {
    #[error("{file}:{line}: {msg}")]
    Row {
        file: String,
        line: usize,
        msg: String,
    },
    #[error("{file}: no header row `{expected}`; add it after the comments")]
    NoHeader { file: String, expected: String },
    #[error("{file}: no `# version: N` comment line; add one before the header")]
    NoVersion { file: String },
}

/// Parses the figures file (`file` names it in errors): a `# version:` comment, the header
/// [`FIGURE_COLUMNS`], one figure a line; every field but `url` and `source_date` is required.
pub fn parse_figures(file: &str, text: &str) -> Result<Vec<Figure>, FigureError> {
    let mut out: Vec<Figure> = Vec::new();
    let mut version = false;
    let mut header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let err = |msg: String| FigureError::Row {
            file: file.to_string(),
            line,
            msg,
        };
        if let Some(c) = raw.strip_prefix('#') {
            version |= c.trim().starts_with("version:");
            continue;
        }
        if raw.trim().is_empty() {
            continue;
        }
        if !header {
            if raw.trim_end() != FIGURE_COLUMNS.join("\t") {
                return Err(err(format!(
                    "header is `{raw}`, expected `{}`",
                    FIGURE_COLUMNS.join("\t")
                )));
            }
            header = true;
            continue;
        }
        let f: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if f.len() != FIGURE_COLUMNS.len() {
            return Err(err(format!(
                "{} columns, expected {}",
                f.len(),
                FIGURE_COLUMNS.len()
            )));
        }
        for (name, value) in FIGURE_COLUMNS.iter().zip(&f) {
            if value.is_empty() && !matches!(*name, "url" | "source_date") {
                return Err(err(format!("`{name}` is empty")));
            }
        }
        if out.iter().any(|o| o.id == f[0]) {
            return Err(err(format!("figure `{}` is defined twice", f[0])));
        }
        let month = |name: &str, s: &str| -> Result<EventDate, FigureError> {
            match s.parse::<EventDate>() {
                Ok(d) if d.precision() == Precision::Month => Ok(d),
                _ => Err(err(format!("`{name}` `{s}` is not a month YYYY-MM"))),
            }
        };
        let (from, to) = (month("from", f[3])?, month("to", f[4])?);
        if from.ordinal() > to.ordinal() {
            return Err(err(format!("`from` {from} is after `to` {to}")));
        }
        let value = match f[5].parse::<u64>() {
            Ok(v) if v > 0 => v,
            _ => {
                return Err(err(format!(
                    "`value` `{}` is not a positive whole number",
                    f[5]
                )))
            }
        };
        let source_date = match f[10] {
            "" => None,
            s => Some(
                s.parse::<EventDate>()
                    .map_err(|e| err(format!("source_date: {e}")))?,
            ),
        };
        let url = match f[11] {
            "" => None,
            u if u.starts_with("https://") || u.starts_with("http://") => Some(u.to_string()),
            u => return Err(err(format!("url `{u}` is not an http(s) address"))),
        };
        if !f[14]
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            return Err(err("`note_zh` has no Chinese".to_string()));
        }
        out.push(Figure {
            id: f[0].to_string(),
            sender: f[1].to_string(),
            target: f[2].to_string(),
            from,
            to,
            value,
            counts_en: f[6].to_string(),
            counts_zh: f[7].to_string(),
            source_title: f[8].to_string(),
            publisher: f[9].to_string(),
            source_date,
            url,
            cited_by: f[12].to_string(),
            note_en: f[13].to_string(),
            note_zh: f[14].to_string(),
            origin: format!("{file}:{line}"),
        });
    }
    if !header {
        return Err(FigureError::NoHeader {
            file: file.to_string(),
            expected: FIGURE_COLUMNS.join("\t"),
        });
    }
    if !version {
        return Err(FigureError::NoVersion {
            file: file.to_string(),
        });
    }
    Ok(out)
}

/// A published figure beside the chronology's sum for the same target and months.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub figure: Figure,
    /// The side of the chronology summed: the figure's sender, or `a` when the sender is
    /// `WEST` (the chronology records the acts of the dyad's two actors).
    pub chronology_sender: String,
    /// The chronology's designations over the figure's months.
    pub chronology: Tally,
    /// `chronology.designations / figure.value`.
    pub share: f64,
}

/// Sets each figure whose target is `b` beside the chronology's designations against `b` over
/// the same months; figures on other targets are left out.
pub fn compare(acts: &[Act], figures: &[Figure], a: &str, b: &str) -> Vec<Comparison> {
    figures
        .iter()
        .filter(|f| f.target == b)
        .map(|f| {
            let sender = if f.sender == "WEST" { a } else { &f.sender };
            let s = sum(acts, sender, b, Some(f.from), Some(f.to));
            let chronology = s.total.a_to_b;
            Comparison {
                figure: f.clone(),
                chronology_sender: sender.to_string(),
                chronology,
                share: chronology.designations as f64 / f.value as f64,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn act(id: &str, date: &str, source: &str, target: &str, m: Option<&str>) -> Act {
        Act {
            id: id.into(),
            date: date.parse().unwrap(),
            source: source.into(),
            target: target.into(),
            magnitude: m.map(|m| m.parse().unwrap()),
        }
    }

    fn acts() -> Vec<Act> {
        vec![
            act("a", "2022-02-22", "USA", "RUS", Some("49+ designations")),
            act("b", "2022-02-24", "USA", "RUS", Some("90+ designations")),
            act("c", "2022-02-26", "USA", "RUS", None),
            act("d", "2022-03-15", "RUS", "USA", Some("13 designations")),
            act("e", "2022-03-24", "USA", "RUS", Some("376+ designations")),
            act("f", "2023-07", "USA", "RUS", Some("~134 designations")),
            act("g", "2023", "RUS", "USA", Some("500 designations")),
            act("h", "2023-05-19", "USA", "CHN", Some("10 designations")),
        ]
    }

    #[test]
    fn sums_per_month_year_and_side() {
        let s = sum(&acts(), "USA", "RUS", None, None);
        let months: Vec<&str> = s.months.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(months, ["2022-02", "2022-03", "2023-07"]);
        let feb = &s.months[0];
        assert_eq!(feb.a_to_b.designations, 139);
        assert_eq!(
            (feb.a_to_b.sized, feb.a_to_b.floors, feb.a_to_b.without_size),
            (2, 2, 1)
        );
        assert_eq!(feb.b_to_a, Tally::default());
        assert_eq!(s.months[1].b_to_a.designations, 13);
        assert!(!s.months[1].b_to_a.is_floor());
        // a year-only act counts in its year and the total, in no month
        assert_eq!(s.years[1].period, "2023");
        assert_eq!(s.years[1].b_to_a.designations, 500);
        assert_eq!(s.years[1].a_to_b.approximate, 1);
        // the sums add up, and the act against China is not the dyad's
        let by_month: u64 = s.months.iter().map(|r| r.a_to_b.designations).sum();
        let by_year: u64 = s.years.iter().map(|r| r.a_to_b.designations).sum();
        assert_eq!(by_month, s.total.a_to_b.designations);
        assert_eq!(by_year, 49 + 90 + 376 + 134);
        assert_eq!(s.total.b_to_a.designations, 513);
    }

    #[test]
    fn months_bound_the_sum_inclusively_and_other_units_are_not_designations() {
        let s = sum(
            &acts(),
            "USA",
            "RUS",
            Some("2022-03".parse().unwrap()),
            Some("2022-03".parse().unwrap()),
        );
        assert_eq!(s.total.a_to_b.designations, 376);
        assert_eq!(s.total.b_to_a.designations, 13);
        let s = sum(&acts(), "USA", "RUS", Some("2023".parse().unwrap()), None);
        assert_eq!(s.total.b_to_a.designations, 500);
        let delisting = [act("x", "2019-01-27", "USA", "RUS", Some("3 delistings"))];
        let s = sum(&delisting, "USA", "RUS", None, None);
        assert_eq!(s.total.a_to_b.designations, 0);
        assert_eq!(s.total.a_to_b.without_size, 1);
    }

    const FIGURES: &str = "# version: 1\nid\tsender\ttarget\tfrom\tto\tvalue\tcounts_en\tcounts_zh\tsource_title\tpublisher\tsource_date\turl\tcited_by\tnote_en\tnote_zh\n\
        west\tWEST\tRUS\t2022-02\t2022-03\t1000\tdesignations\t制裁对象\tDashboard\tTracker\t2022-04-01\thttps://example.org/d\tseed 000\tWider.\t更广。\n\
        us\tUSA\tRUS\t2022-02\t2022-02\t200\tdesignations\t制裁对象\tDashboard\tTracker\t\t\tseed 000\tUS only.\t仅美国。\n\
        cn\tUSA\tCHN\t2022-02\t2022-02\t5\tdesignations\t制裁对象\tDashboard\tTracker\t\t\tseed 000\tOther.\t其他。\n";

    #[test]
    fn figures_are_parsed_and_compared_over_their_months() {
        let f = parse_figures("f.tsv", FIGURES).unwrap();
        assert_eq!(f.len(), 3);
        assert_eq!(f[0].origin, "f.tsv:3");
        assert_eq!(f[1].url, None);
        let c = compare(&acts(), &f, "USA", "RUS");
        assert_eq!(c.len(), 2, "the figure on China is not the dyad's");
        assert_eq!(c[0].chronology_sender, "USA");
        assert_eq!(c[0].chronology.designations, 49 + 90 + 376);
        assert!((c[0].share - 0.515).abs() < 1e-9);
        assert_eq!(c[1].chronology.designations, 139);
    }

    #[test]
    fn bad_figures_are_reported_with_file_and_line() {
        let bad = |from: &str, to: &str| FIGURES.replacen(from, to, 1);
        for (text, says) in [
            (
                bad("\t1000\t", "\t0\t"),
                "f.tsv:3: `value` `0` is not a positive",
            ),
            (
                bad("2022-02\t2022-03", "2022-03\t2022-02"),
                "f.tsv:3: `from` 2022-03 is after",
            ),
            (
                bad("2022-02\t2022-03", "2022-02-01\t2022-03"),
                "f.tsv:3: `from` `2022-02-01` is not a month",
            ),
            (bad("seed 000", ""), "f.tsv:3: `cited_by` is empty"),
            (bad("更广。", "Wider."), "f.tsv:3: `note_zh` has no Chinese"),
            (
                bad("\nus\t", "\nwest\t"),
                "f.tsv:4: figure `west` is defined twice",
            ),
        ] {
            let e = parse_figures("f.tsv", &text).unwrap_err().to_string();
            assert!(e.starts_with(says), "{e}");
        }
        assert!(matches!(
            parse_figures("f.tsv", &FIGURES.replace("# version: 1\n", "")),
            Err(FigureError::NoVersion { .. })
        ));
    }
}
