//! The literature side by side with the data: the periods and resets that published analyses
//! name (`data/literature/*.tsv`, parsed here from text: no I/O), and what the level says over
//! the same months.
//!
//! For each literature **period**, the level over its months (mean, band, start and end, trend
//! by the phases' rule), the data's eras it overlaps, and checks of what the period's name claims
//! (a high or low start, a band, a trend — our reading of the name, stated in the data file) and
//! of its opening boundary (is there an era boundary within `boundary_tolerance_months`?).
//! For each literature **reset**, the data's reset cycle whose trough is nearest the reset's start
//! (within `match_window_months`, each cycle matched once, resets in date order), and checks: a
//! rise began near the start, the outcome (a failed reset's cycle has fallen back to a new
//! trough; an ongoing one's has not), the end, and whether the data see more than one cycle in
//! the reset's span.
//!
//! ```
//! use dyad_analysis::literature::Literature;
//! let sources = "# version: 1\nid\tseed\tauthor\ttitle\tvenue\tdate\tdescribed_en\tdescribed_zh\n\
//!     s1\t001\t刘莹\t题目\t\t\tAn article.\t一篇论文。\n";
//! let lit = Literature::parse(("sources.tsv", sources), ("periods.tsv", ""), ("resets.tsv", ""));
//! assert!(lit.unwrap_err().to_string().starts_with("periods.tsv: no header row"));
//! ```

use crate::cycles::Cycle;
use crate::eras::Era;
use crate::level::{Band, LevelSeries};
use crate::phases::{segment, Phase};
use crate::series::Month;
use dyad_model::{EventDate, Precision};
use serde::Serialize;

/// A problem in a literature file, with its `file:line`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LiteratureError {
    #[error("{file}:{line}: {msg}")]
    Row {
        file: String,
        line: usize,
        msg: String,
    },
    #[error("{file}:{line}: unknown source `{source_id}` (not in the sources file)")]
    UnknownSource {
        file: String,
        line: usize,
        source_id: String,
    },
    #[error("{file}:{line}: `{id}` is defined twice")]
    Duplicate {
        file: String,
        line: usize,
        id: String,
    },
    #[error("{file}: no header row `{expected}`; add it after the comments")]
    NoHeader { file: String, expected: String },
    #[error("{file}: no `# version: N` comment line; add one before the header")]
    NoVersion { file: String },
}

/// Columns of `sources.tsv`.
pub const SOURCE_COLUMNS: [&str; 8] = [
    "id",
    "seed",
    "author",
    "title",
    "venue",
    "date",
    "described_en",
    "described_zh",
];
/// Columns of `periods.tsv`.
pub const PERIOD_COLUMNS: [&str; 11] = [
    "id",
    "sources",
    "name_zh",
    "name_en",
    "from",
    "to",
    "expect_start",
    "expect_band",
    "expect_trend",
    "note_en",
    "note_zh",
];
/// Columns of `resets.tsv`.
pub const RESET_COLUMNS: [&str; 16] = [
    "id",
    "sources",
    "kind",
    "name_zh",
    "name_en",
    "from",
    "to",
    "outcome",
    "leaders_zh",
    "leaders_en",
    "began_with_zh",
    "began_with_en",
    "ended_by_zh",
    "ended_by_en",
    "note_en",
    "note_zh",
];

/// A document of the literature, as it names itself (empty fields: it does not say).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    /// Its number among the team's seed documents (`000`).
    pub seed: String,
    pub author: String,
    pub title: String,
    pub venue: String,
    pub date: String,
    pub described_en: String,
    pub described_zh: String,
}

/// Months from a year or month to a year or month (`to` open: not ended when written).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Span {
    pub from: EventDate,
    pub to: Option<EventDate>,
}

impl Span {
    pub fn first_month(&self) -> Month {
        Month::of(&self.from.first_day())
    }

    /// The last month, or `None` when open.
    pub fn last_month(&self) -> Option<Month> {
        self.to.map(|t| Month::of(&t.last_day()))
    }
}

/// Whether a period opens high or low, as its name claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Start {
    High,
    Low,
}

/// A period of the relationship named in the literature.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LitPeriod {
    pub id: String,
    pub sources: Vec<String>,
    pub name_zh: String,
    pub name_en: String,
    pub span: Span,
    pub expect_start: Option<Start>,
    pub expect_band: Option<Band>,
    pub expect_trend: Option<&'static str>,
    pub note_en: String,
    pub note_zh: String,
    /// `file:line`.
    pub origin: String,
}

/// What a reset is in the literature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ResetKind {
    Reset,
    Attempt,
    Thaw,
}

/// How a reset ended, as the source saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Failed,
    Ongoing,
}

/// A reset named in the literature.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LitReset {
    pub id: String,
    pub sources: Vec<String>,
    pub kind: ResetKind,
    pub name_zh: String,
    pub name_en: String,
    pub span: Span,
    pub outcome: Outcome,
    pub leaders_zh: String,
    pub leaders_en: String,
    pub began_with_zh: String,
    pub began_with_en: String,
    pub ended_by_zh: String,
    pub ended_by_en: String,
    pub note_en: String,
    pub note_zh: String,
    pub origin: String,
}

/// The three literature tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Literature {
    pub sources: Vec<Source>,
    pub periods: Vec<LitPeriod>,
    pub resets: Vec<LitReset>,
}

/// The non-comment rows of a table after its header, each with its line number and fields.
fn rows<'t>(
    file: &str,
    text: &'t str,
    columns: &[&str],
) -> Result<Vec<(usize, Vec<&'t str>)>, LiteratureError> {
    let (mut version, mut header) = (false, false);
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if let Some(c) = raw.strip_prefix('#') {
            version |= c.trim().starts_with("version:");
            continue;
        }
        if raw.trim().is_empty() {
            continue;
        }
        if !header {
            if raw.trim_end() != columns.join("\t") {
                return Err(LiteratureError::Row {
                    file: file.into(),
                    line,
                    msg: format!("header is `{raw}`, expected `{}`", columns.join("\t")),
                });
            }
            header = true;
            continue;
        }
        let f: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if f.len() != columns.len() {
            return Err(LiteratureError::Row {
                file: file.into(),
                line,
                msg: format!("{} columns, expected {}", f.len(), columns.len()),
            });
        }
        out.push((line, f));
    }
    if !header {
        return Err(LiteratureError::NoHeader {
            file: file.into(),
            expected: columns.join("\t"),
        });
    }
    if !version {
        return Err(LiteratureError::NoVersion { file: file.into() });
    }
    Ok(out)
}

/// Checks of one row: required fields, Chinese text, dates, sources, unique ids.
struct Row<'a> {
    file: &'a str,
    line: usize,
    columns: &'a [&'a str],
    f: Vec<&'a str>,
}

impl<'a> Row<'a> {
    fn err(&self, msg: String) -> LiteratureError {
        LiteratureError::Row {
            file: self.file.into(),
            line: self.line,
            msg,
        }
    }

    fn get(&self, name: &str) -> &'a str {
        self.columns
            .iter()
            .position(|c| *c == name)
            .map(|i| self.f[i])
            .unwrap_or("")
    }

    fn required(&self, names: &[&str]) -> Result<(), LiteratureError> {
        for n in names {
            if self.get(n).is_empty() {
                return Err(self.err(format!("`{n}` is empty")));
            }
            if n.ends_with("_zh") && !has_han(self.get(n)) {
                return Err(self.err(format!("`{n}` has no Chinese")));
            }
        }
        Ok(())
    }

    /// A year or month (`YYYY`, `YYYY-MM`).
    fn date(&self, name: &str) -> Result<Option<EventDate>, LiteratureError> {
        match self.get(name) {
            "" => Ok(None),
            s => match s.parse::<EventDate>() {
                Ok(d) if d.precision() != Precision::Day => Ok(Some(d)),
                _ => Err(self.err(format!(
                    "`{name}` `{s}` is not a year YYYY or a month YYYY-MM"
                ))),
            },
        }
    }

    fn span(&self) -> Result<Span, LiteratureError> {
        let from = self
            .date("from")?
            .ok_or_else(|| self.err("`from` is empty".into()))?;
        let to = self.date("to")?;
        if let Some(t) = to {
            if t.last_day().ordinal() < from.first_day().ordinal() {
                return Err(self.err(format!("`to` {t} is before `from` {from}")));
            }
        }
        Ok(Span { from, to })
    }

    fn sources(&self, known: &[Source]) -> Result<Vec<String>, LiteratureError> {
        let ids: Vec<String> = self
            .get("sources")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        if ids.is_empty() {
            return Err(self.err("`sources` is empty".into()));
        }
        for id in &ids {
            if !known.iter().any(|s| &s.id == id) {
                return Err(LiteratureError::UnknownSource {
                    file: self.file.into(),
                    line: self.line,
                    source_id: id.clone(),
                });
            }
        }
        Ok(ids)
    }

    fn unique(&self, seen: &mut Vec<String>) -> Result<String, LiteratureError> {
        let id = self.get("id").to_string();
        if seen.contains(&id) {
            return Err(LiteratureError::Duplicate {
                file: self.file.into(),
                line: self.line,
                id,
            });
        }
        seen.push(id.clone());
        Ok(id)
    }

    fn origin(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn band_named(s: &str) -> Option<Band> {
    [
        Band::Confrontation,
        Band::Tense,
        Band::Discord,
        Band::Ordinary,
        Band::Good,
        Band::Friendly,
    ]
    .into_iter()
    .find(|b| b.en() == s)
}

/// Parses `sources.tsv` (`file` names it in errors).
pub fn parse_sources(file: &str, text: &str) -> Result<Vec<Source>, LiteratureError> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (line, f) in rows(file, text, &SOURCE_COLUMNS)? {
        let r = Row {
            file,
            line,
            columns: &SOURCE_COLUMNS,
            f,
        };
        r.required(&["id", "seed", "described_en", "described_zh"])?;
        let id = r.unique(&mut seen)?;
        if !r.get("seed").chars().all(|c| c.is_ascii_digit()) {
            return Err(r.err(format!("`seed` `{}` is not a number", r.get("seed"))));
        }
        out.push(Source {
            id,
            seed: r.get("seed").into(),
            author: r.get("author").into(),
            title: r.get("title").into(),
            venue: r.get("venue").into(),
            date: r.get("date").into(),
            described_en: r.get("described_en").into(),
            described_zh: r.get("described_zh").into(),
        });
    }
    Ok(out)
}

/// Parses `periods.tsv` against the sources.
pub fn parse_periods(
    file: &str,
    text: &str,
    sources: &[Source],
) -> Result<Vec<LitPeriod>, LiteratureError> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (line, f) in rows(file, text, &PERIOD_COLUMNS)? {
        let r = Row {
            file,
            line,
            columns: &PERIOD_COLUMNS,
            f,
        };
        r.required(&["id", "name_zh", "name_en", "note_en", "note_zh"])?;
        let id = r.unique(&mut seen)?;
        let expect_start = match r.get("expect_start") {
            "" => None,
            "high" => Some(Start::High),
            "low" => Some(Start::Low),
            s => return Err(r.err(format!("`expect_start` `{s}` is not high or low"))),
        };
        let expect_band = match r.get("expect_band") {
            "" => None,
            s => Some(band_named(s).ok_or_else(|| {
                r.err(format!(
                    "`expect_band` `{s}` is not a band (confrontation, tense, discord, ordinary, good, friendly)"
                ))
            })?),
        };
        let expect_trend = match r.get("expect_trend") {
            "" => None,
            "rising" => Some("rising"),
            "falling" => Some("falling"),
            "stable" => Some("stable"),
            s => {
                return Err(r.err(format!(
                    "`expect_trend` `{s}` is not rising, falling or stable"
                )))
            }
        };
        out.push(LitPeriod {
            sources: r.sources(sources)?,
            span: r.span()?,
            name_zh: r.get("name_zh").into(),
            name_en: r.get("name_en").into(),
            expect_start,
            expect_band,
            expect_trend,
            note_en: r.get("note_en").into(),
            note_zh: r.get("note_zh").into(),
            origin: r.origin(),
            id,
        });
    }
    Ok(out)
}

/// Parses `resets.tsv` against the sources.
pub fn parse_resets(
    file: &str,
    text: &str,
    sources: &[Source],
) -> Result<Vec<LitReset>, LiteratureError> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (line, f) in rows(file, text, &RESET_COLUMNS)? {
        let r = Row {
            file,
            line,
            columns: &RESET_COLUMNS,
            f,
        };
        r.required(&[
            "id",
            "name_zh",
            "name_en",
            "leaders_zh",
            "leaders_en",
            "began_with_zh",
            "began_with_en",
            "note_en",
            "note_zh",
        ])?;
        if r.get("ended_by_zh").is_empty() != r.get("ended_by_en").is_empty() {
            return Err(r.err(
                "`ended_by_zh` and `ended_by_en` must both be given or both be empty".into(),
            ));
        }
        let id = r.unique(&mut seen)?;
        let kind = match r.get("kind") {
            "reset" => ResetKind::Reset,
            "attempt" => ResetKind::Attempt,
            "thaw" => ResetKind::Thaw,
            s => return Err(r.err(format!("`kind` `{s}` is not reset, attempt or thaw"))),
        };
        let outcome = match r.get("outcome") {
            "failed" => Outcome::Failed,
            "ongoing" => Outcome::Ongoing,
            s => return Err(r.err(format!("`outcome` `{s}` is not failed or ongoing"))),
        };
        let span = r.span()?;
        if outcome == Outcome::Ongoing && span.to.is_some() {
            return Err(r.err("an ongoing reset has no `to`".into()));
        }
        out.push(LitReset {
            sources: r.sources(sources)?,
            kind,
            name_zh: r.get("name_zh").into(),
            name_en: r.get("name_en").into(),
            span,
            outcome,
            leaders_zh: r.get("leaders_zh").into(),
            leaders_en: r.get("leaders_en").into(),
            began_with_zh: r.get("began_with_zh").into(),
            began_with_en: r.get("began_with_en").into(),
            ended_by_zh: r.get("ended_by_zh").into(),
            ended_by_en: r.get("ended_by_en").into(),
            note_en: r.get("note_en").into(),
            note_zh: r.get("note_zh").into(),
            origin: r.origin(),
            id,
        });
    }
    out.sort_by_key(|r| r.span.from.first_day().ordinal());
    Ok(out)
}

impl Literature {
    /// Parses the three tables, each given as (file name for errors, text).
    pub fn parse(
        sources: (&str, &str),
        periods: (&str, &str),
        resets: (&str, &str),
    ) -> Result<Literature, LiteratureError> {
        let s = parse_sources(sources.0, sources.1)?;
        Ok(Literature {
            periods: parse_periods(periods.0, periods.1, &s)?,
            resets: parse_resets(resets.0, resets.1, &s)?,
            sources: s,
        })
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// Parameters of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareParams {
    /// A reset is matched to the data's cycle whose trough is nearest its start, at most this far
    /// (24 months, before or after).
    pub match_window_months: i32,
    /// A literature boundary agrees with the data when an era boundary (or, for an end, the
    /// cycle's closing trough) lies at most this far from it (12 months).
    pub boundary_tolerance_months: i32,
    /// A `high` start is a first-month level at or above this (3.0: good or friendly).
    pub high_start: f64,
    /// A `low` start is a first-month level below this (0.0: discord or lower).
    pub low_start: f64,
    /// The trend rule of the phases: rising/falling when the fitted change reaches this (1.0).
    pub trend_threshold: f64,
}

impl Default for CompareParams {
    fn default() -> Self {
        CompareParams {
            match_window_months: 24,
            boundary_tolerance_months: 12,
            high_start: 3.0,
            low_start: 0.0,
            trend_threshold: 1.0,
        }
    }
}

/// One thing the literature claims, set against the data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum Check {
    /// The period opens high or low; `level` is the data's first month.
    Start {
        expected: Start,
        level: f64,
        agrees: bool,
    },
    /// The period's mean level lies in a band.
    Band {
        expected: Band,
        found: Band,
        agrees: bool,
    },
    /// The period's trend.
    Trend {
        expected: &'static str,
        found: &'static str,
        agrees: bool,
    },
    /// The period's opening boundary against the nearest era start (and phase start).
    Boundary {
        literature: Month,
        era: Option<Month>,
        phase: Option<Month>,
        agrees: bool,
    },
    /// A reset began: a cycle's trough lies near its start (`trough` − start = `offset`).
    Began {
        trough: Option<Month>,
        offset: Option<i32>,
        agrees: bool,
    },
    /// The reset's outcome: a failed reset's cycle has closed, an ongoing one's has not.
    Outcome {
        expected: Outcome,
        closed: Option<bool>,
        agrees: bool,
    },
    /// The reset's end against the cycle's closing trough.
    End {
        literature: Month,
        data: Option<Month>,
        agrees: bool,
    },
    /// The data see `cycles` reset cycles starting in the reset's span (the matched one and
    /// others); more than one means the data split what the literature sees as one reset.
    Split { cycles: usize, agrees: bool },
}

impl Check {
    pub fn agrees(&self) -> bool {
        match self {
            Check::Start { agrees, .. }
            | Check::Band { agrees, .. }
            | Check::Trend { agrees, .. }
            | Check::Boundary { agrees, .. }
            | Check::Began { agrees, .. }
            | Check::Outcome { agrees, .. }
            | Check::End { agrees, .. }
            | Check::Split { agrees, .. } => *agrees,
        }
    }
}

/// The data over a literature period's months.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodReading {
    pub id: String,
    /// The level over the period's months within the series (`None`: no month in the series).
    pub data: Option<Phase>,
    /// The data's eras that overlap the period (1-based).
    pub eras: Vec<usize>,
    pub checks: Vec<Check>,
}

/// The data's reset cycle for a literature reset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResetReading {
    pub id: String,
    /// The matched cycle (index into the cycles), if any.
    pub cycle: Option<usize>,
    /// Other cycles whose troughs fall in the reset's span (indices).
    pub also: Vec<usize>,
    pub checks: Vec<Check>,
}

fn nearest(ms: impl Iterator<Item = Month>, to: Month) -> Option<Month> {
    ms.min_by_key(|m| (m.until(to).abs(), *m))
}

/// The level over `p`'s months, its eras, and the checks of what its name claims.
pub fn read_period(
    series: &LevelSeries,
    eras: &[Era],
    phases: &[Phase],
    p: &LitPeriod,
    params: &CompareParams,
) -> PeriodReading {
    let mut checks = Vec::new();
    let (Some(first), Some(last)) = (series.points.first(), series.points.last()) else {
        return PeriodReading {
            id: p.id.clone(),
            data: None,
            eras: Vec::new(),
            checks,
        };
    };
    let from = p.span.first_month().max(first.period);
    let to = p.span.last_month().unwrap_or(last.period).min(last.period);
    if to < from {
        return PeriodReading {
            id: p.id.clone(),
            data: None,
            eras: Vec::new(),
            checks,
        };
    }
    let x = series.levels();
    let a = first.period.until(from) as usize;
    let b = first.period.until(to) as usize + 1;
    let span = segment(series, &x, a, b, params.trend_threshold);
    if let Some(e) = p.expect_start {
        let agrees = match e {
            Start::High => span.start_level >= params.high_start,
            Start::Low => span.start_level < params.low_start,
        };
        checks.push(Check::Start {
            expected: e,
            level: span.start_level,
            agrees,
        });
    }
    if let Some(e) = p.expect_band {
        checks.push(Check::Band {
            expected: e,
            found: span.band,
            agrees: span.band == e,
        });
    }
    if let Some(e) = p.expect_trend {
        checks.push(Check::Trend {
            expected: e,
            found: span.trend,
            agrees: span.trend == e,
        });
    }
    // The opening boundary, when the period opens inside the series.
    let lit = p.span.first_month();
    if lit > first.period {
        let era = nearest(eras.iter().skip(1).map(|e| e.start), lit);
        let phase = nearest(phases.iter().skip(1).map(|q| q.start), lit);
        let agrees = era.is_some_and(|m| lit.until(m).abs() <= params.boundary_tolerance_months);
        checks.push(Check::Boundary {
            literature: lit,
            era,
            phase,
            agrees,
        });
    }
    PeriodReading {
        id: p.id.clone(),
        eras: eras
            .iter()
            .enumerate()
            .filter(|(_, e)| e.start <= to && e.end >= from)
            .map(|(i, _)| i + 1)
            .collect(),
        data: Some(span),
        checks,
    }
}

/// Matches each reset (in date order) to the unmatched cycle whose trough is nearest its start,
/// within the window, and checks it.
pub fn read_resets(
    cycles: &[Cycle],
    resets: &[LitReset],
    params: &CompareParams,
) -> Vec<ResetReading> {
    let mut used = vec![false; cycles.len()];
    let mut out = Vec::new();
    let mut order: Vec<&LitReset> = resets.iter().collect();
    order.sort_by_key(|r| r.span.from.first_day().ordinal());
    for r in order {
        let start = r.span.first_month();
        let cycle = cycles
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                !used[*i] && start.until(c.trough.period).abs() <= params.match_window_months
            })
            .min_by_key(|(i, c)| (start.until(c.trough.period).abs(), *i))
            .map(|(i, _)| i);
        if let Some(i) = cycle {
            used[i] = true;
        }
        let c = cycle.map(|i| &cycles[i]);
        let mut checks = vec![Check::Began {
            trough: c.map(|c| c.trough.period),
            offset: c.map(|c| start.until(c.trough.period)),
            agrees: c.is_some(),
        }];
        let closed = c.map(|c| !c.open);
        checks.push(Check::Outcome {
            expected: r.outcome,
            closed,
            agrees: match r.outcome {
                Outcome::Failed => closed == Some(true),
                Outcome::Ongoing => closed == Some(false),
            },
        });
        if let Some(end) = r.span.last_month() {
            let data = c.filter(|c| !c.open).map(|c| c.end.period);
            checks.push(Check::End {
                literature: end,
                data,
                agrees: data
                    .is_some_and(|d| end.until(d).abs() <= params.boundary_tolerance_months),
            });
        }
        // Other cycles starting in the reset's span (only when the source gives its end).
        let also: Vec<usize> = match r.span.last_month() {
            Some(last) => cycles
                .iter()
                .enumerate()
                .filter(|(i, x)| {
                    Some(*i) != cycle && x.trough.period >= start && x.trough.period <= last
                })
                .map(|(i, _)| i)
                .collect(),
            None => Vec::new(),
        };
        if c.is_some() && r.span.to.is_some() {
            checks.push(Check::Split {
                cycles: also.len() + 1,
                agrees: also.is_empty(),
            });
        }
        out.push(ResetReading {
            id: r.id.clone(),
            cycle,
            also,
            checks,
        });
    }
    out
}

#[cfg(test)]
mod tests;
