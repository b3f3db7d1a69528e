//! Summits: in-person meetings of the two heads of state, counted per presidency or year, from
//! the curated chronology, with the counting rule and a comparison with the hand-made counts of
//! the literature (seed 000, table 1).

use crate::{builtin, Error, Result, UsageError};
use dyad_coder::tsv;
use dyad_model::places::has_han;
use dyad_model::{EventDate, PlaceTable};
use dyad_store::EventRow;
use serde::Serialize;

/// How meetings are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// By the first actor's head of state.
    UsPresident,
    /// By the second actor's head of state.
    RuPresident,
    /// By calendar year.
    Year,
}

impl By {
    /// The name the CLI and the API use (`us-president`, `ru-president`, `year`).
    pub fn name(self) -> &'static str {
        match self {
            By::UsPresident => "us-president",
            By::RuPresident => "ru-president",
            By::Year => "year",
        }
    }
}

/// What is counted.
struct Request {
    by: By,
    include_multilateral: bool,
}

#[derive(Debug, Serialize)]
pub struct Meeting {
    pub date: String,
    pub place: String,
    /// The place's Chinese name (`data/chronology/places.tsv`); the English one when the table
    /// lacks it.
    pub place_zh: String,
    pub kind: String,
    pub event_id: String,
    pub description_en: String,
    pub description_zh: String,
}

#[derive(Debug, Serialize)]
pub struct Group {
    pub key: String,
    pub person: Option<String>,
    pub term_start: Option<String>,
    pub term_end: Option<String>,
    pub count: usize,
    pub meetings: Vec<Meeting>,
}

#[derive(Debug, Serialize)]
pub struct Note {
    pub group: String,
    pub term_start: String,
    pub literature_count: u32,
    pub literature: String,
    pub dyad_count: usize,
    pub note: String,
    pub note_zh: String,
}

#[derive(Debug, Serialize)]
pub struct Summits {
    pub rule: String,
    pub by: String,
    pub include_multilateral: bool,
    pub total: usize,
    pub groups: Vec<Group>,
    pub notes: Vec<Note>,
}

fn meeting(e: &EventRow, places: &PlaceTable) -> Meeting {
    let place = e.place.clone().unwrap_or_default();
    Meeting {
        date: e.date.to_string(),
        place_zh: places.name(&place, true).to_string(),
        place,
        kind: e.meeting.clone().unwrap_or_default(),
        event_id: e.curated_id.clone().unwrap_or_default(),
        description_en: e.description_en.clone().unwrap_or_default(),
        description_zh: e.description_zh.clone().unwrap_or_default(),
    }
}

/// One presidency: a person's continuous tenure as president of `country`.
struct Term {
    key: String,
    name: String,
    start: EventDate,
    end: Option<EventDate>,
}

fn terms(country: &str) -> Result<Vec<Term>> {
    let people = builtin::people()?;
    let mut terms: Vec<Term> = people
        .tenures()
        .iter()
        .filter(|t| t.country == country && t.position == "president")
        .map(|t| Term {
            key: t.key.clone(),
            name: t.names_en.first().cloned().unwrap_or_else(|| t.key.clone()),
            start: t.start,
            end: t.end,
        })
        .collect();
    terms.sort_by_key(|t| t.start.ordinal());
    Ok(terms)
}

/// Counts the meetings in `events` (curated events of the dyad), grouped by `by`.
pub fn build(
    events: &[EventRow],
    by: By,
    include_multilateral: bool,
    dyad: &(String, String),
    places: &PlaceTable,
) -> Result<Summits> {
    let args = Request {
        by,
        include_multilateral,
    };
    let args = &args;
    let meetings: Vec<&EventRow> = events
        .iter()
        .filter(|e| match e.meeting.as_deref() {
            Some("bilateral") => true,
            Some("multilateral") => args.include_multilateral,
            _ => false,
        })
        .collect();
    let mut groups = Vec::new();
    match args.by {
        By::Year => {
            let mut years: Vec<i32> = meetings.iter().map(|e| e.date.y()).collect();
            years.dedup();
            for y in years {
                let ms: Vec<Meeting> = meetings
                    .iter()
                    .filter(|e| e.date.y() == y)
                    .map(|e| meeting(e, places))
                    .collect();
                groups.push(Group {
                    key: y.to_string(),
                    person: None,
                    term_start: None,
                    term_end: None,
                    count: ms.len(),
                    meetings: ms,
                });
            }
        }
        By::UsPresident | By::RuPresident => {
            let country = if args.by == By::UsPresident {
                &dyad.0
            } else {
                &dyad.1
            };
            let terms = terms(country)?;
            if terms.is_empty() {
                return Err(UsageError(format!(
                    "the people dictionary has no presidents of {country}; --by {} needs them",
                    if args.by == By::UsPresident {
                        "us-president"
                    } else {
                        "ru-president"
                    }
                ))
                .into());
            }
            let repeated = |key: &str| terms.iter().filter(|t| t.key == key).count() > 1;
            let first = events.first().map(|e| e.date.ordinal()).unwrap_or(0);
            for t in terms
                .iter()
                .filter(|t| t.end.is_none_or(|e| e.ordinal() > first))
            {
                let ms: Vec<Meeting> = meetings
                    .iter()
                    .filter(|e| {
                        let d = e.date.ordinal();
                        // The handover day belongs to the incoming president's term.
                        d >= t.start.ordinal() && t.end.is_none_or(|end| d < end.ordinal())
                    })
                    .map(|e| meeting(e, places))
                    .collect();
                let name = if repeated(&t.key) {
                    let end = t.end.map(|e| e.y().to_string()).unwrap_or_default();
                    format!("{} ({}–{end})", t.name, t.start.y())
                } else {
                    t.name.clone()
                };
                groups.push(Group {
                    key: name,
                    person: Some(t.key.clone()),
                    term_start: Some(t.start.to_string()),
                    term_end: t.end.map(|e| e.to_string()),
                    count: ms.len(),
                    meetings: ms,
                });
            }
        }
    }
    let rule = format!(
        "Counts in-person meetings of the two sitting heads of state ({} and {}) recorded in the built-in chronology: {}. \
         A summit lasting several days counts once; telephone and video calls, and meetings of a president with a \
         leader who was not then head of state, are not counted. A presidency runs from its inauguration to the day \
         before the successor's; Trump's two terms are two groups.",
        dyad.0,
        dyad.1,
        if args.include_multilateral {
            "bilateral summits and visits, and meetings on the margins of multilateral summits"
        } else {
            "bilateral summits and visits only (add --include-multilateral for meetings on the margins of multilateral summits)"
        }
    );
    let notes = if args.by == By::UsPresident {
        notes(&groups, args.include_multilateral)?
    } else {
        Vec::new()
    };
    Ok(Summits {
        rule,
        by: args.by.name().to_string(),
        include_multilateral: args.include_multilateral,
        total: groups.iter().map(|g| g.count).sum(),
        groups,
        notes,
    })
}

/// Where the comparison with the literature's counts lives.
pub const NOTES_PATH: &str = "data/chronology/summit-notes.tsv";
const NOTE_COLUMNS: &[&str] = &[
    "person",
    "term_start",
    "literature_count",
    "literature",
    "note_en",
    "note_zh",
];

/// Checks the summit notes (for `dyad dict check`): a count, a known start date, and the note
/// in English and in Chinese on every row; each problem with its `file:line`.
pub fn check_notes() -> Vec<String> {
    let text = match builtin::file(NOTES_PATH) {
        Ok(t) => t,
        Err(e) => return vec![e.to_string()],
    };
    let recs = match tsv::records(NOTES_PATH, text, NOTE_COLUMNS) {
        Ok(r) => r,
        Err(e) => return vec![e.to_string()],
    };
    let mut problems = Vec::new();
    for r in recs {
        let (f, at) = (&r.fields, format!("{NOTES_PATH}:{}", r.line));
        if f[1].parse::<EventDate>().is_err() {
            problems.push(format!("{at}: term_start `{}` is not YYYY-MM-DD", f[1]));
        }
        if f[2].parse::<u32>().is_err() {
            problems.push(format!("{at}: literature_count `{}` is not a number", f[2]));
        }
        if f[4].is_empty() || has_han(f[4]) {
            problems.push(format!("{at}: note_en must be the note in English"));
        }
        if !has_han(f[5]) {
            problems.push(format!(
                "{at}: note_zh must be the note in Chinese: write it"
            ));
        }
    }
    problems
}

/// Compares the counts with the literature's, from `data/chronology/summit-notes.tsv`.
fn notes(groups: &[Group], include_multilateral: bool) -> Result<Vec<Note>> {
    let path = NOTES_PATH;
    let Ok(text) = builtin::file(path) else {
        return Ok(Vec::new());
    };
    let recs = tsv::records(path, text, NOTE_COLUMNS)?;
    let mut out = Vec::new();
    for r in recs {
        let f = &r.fields;
        let Some(g) = groups
            .iter()
            .find(|g| g.person.as_deref() == Some(f[0]) && g.term_start.as_deref() == Some(f[1]))
        else {
            continue;
        };
        let literature_count: u32 = f[2].parse().map_err(|_| {
            Error::Row(format!(
                "{path}:{}: count `{}` is not a number",
                r.line, f[2]
            ))
        })?;
        let (mut note, mut note_zh) = (f[4].to_string(), f[5].to_string());
        if !include_multilateral {
            note = format!("The literature counts bilateral and multilateral meetings together; compare with --include-multilateral. {note}");
            note_zh = format!("文献将双边与多边场合的会晤合并统计，请与 --include-multilateral 的结果比较。{note_zh}");
        }
        out.push(Note {
            group: g.key.clone(),
            term_start: f[1].to_string(),
            literature_count,
            literature: f[3].to_string(),
            dyad_count: g.count,
            note,
            note_zh,
        });
    }
    Ok(out)
}
