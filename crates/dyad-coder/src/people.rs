//! People with dated positions (`dictionaries/actors/people.tsv`) and the positions they can
//! hold (`positions.tsv`): who was president of Russia on 2009-05-01?

use crate::tsv::{self, TsvError};
use dyad_model::EventDate;
use std::collections::{BTreeMap, HashMap};

/// A position and its weight: rank 1 head of state, 2 head of government, 3 minister, 4 other.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    pub name: String,
    pub rank: u8,
    pub cameo_role: String,
    pub description: String,
}

/// One person in one position for a span of days.
#[derive(Debug, Clone, PartialEq)]
pub struct Tenure {
    pub key: String,
    pub country: String,
    pub position: String,
    pub start: EventDate,
    /// The day the successor took office; `None` while in office.
    pub end: Option<EventDate>,
    pub names_zh: Vec<String>,
    pub names_en: Vec<String>,
    pub names_ru: Vec<String>,
    pub source: String,
    /// `file:line` of the record.
    pub origin: String,
}

impl Tenure {
    /// True when `day` falls within the tenure (both ends inclusive: a handover day belongs to both).
    pub fn covers(&self, day: &EventDate) -> bool {
        let d = day.first_day().ordinal();
        let last = day.last_day().ordinal();
        // A date known to the month or year is covered if the tenure overlaps any of it.
        self.start.ordinal() <= last && self.end.is_none_or(|e| d <= e.ordinal())
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PeopleError {
    #[error(transparent)]
    Tsv(#[from] TsvError),
    #[error("{origin}: {msg}")]
    Record { origin: String, msg: String },
}

/// Offices that only one person holds at a time in one country.
const UNIQUE_OFFICES: &[&str] = &[
    "president",
    "prime-minister",
    "chancellor",
    "foreign-minister",
    "defence-minister",
    "national-security-adviser",
    "general-secretary",
    "secretary-general",
];

/// The people dictionary: positions and tenures.
#[derive(Debug, Clone, Default)]
pub struct People {
    positions: BTreeMap<String, Position>,
    tenures: Vec<Tenure>,
    by_key: HashMap<String, Vec<usize>>,
    pub version: Option<String>,
}

impl People {
    pub const POSITION_COLUMNS: &'static [&'static str] =
        &["position", "rank", "cameo_role", "description"];
    pub const PEOPLE_COLUMNS: &'static [&'static str] = &[
        "key", "country", "position", "start", "end", "names_zh", "names_en", "names_ru", "source",
    ];

    /// Parses `(file name, text)` of positions.tsv and people.tsv. Errors name `file:line`.
    pub fn parse(positions: (&str, &str), people: (&str, &str)) -> Result<People, PeopleError> {
        let mut out = People {
            version: tsv::version(people.1).map(str::to_string),
            ..Default::default()
        };
        for r in tsv::records(positions.0, positions.1, Self::POSITION_COLUMNS)? {
            let origin = format!("{}:{}", positions.0, r.line);
            let rank: u8 = r.fields[1]
                .parse()
                .ok()
                .filter(|n| (1..=4).contains(n))
                .ok_or_else(|| PeopleError::Record {
                    origin: origin.clone(),
                    msg: format!("rank `{}` is not 1-4", r.fields[1]),
                })?;
            let p = Position {
                name: r.fields[0].to_string(),
                rank,
                cameo_role: r.fields[2].to_string(),
                description: r.fields[3].to_string(),
            };
            if out.positions.insert(p.name.clone(), p).is_some() {
                return Err(PeopleError::Record {
                    origin,
                    msg: format!("position `{}` is defined twice", r.fields[0]),
                });
            }
        }
        for r in tsv::records(people.0, people.1, Self::PEOPLE_COLUMNS)? {
            let origin = format!("{}:{}", people.0, r.line);
            let err = |msg: String| PeopleError::Record {
                origin: origin.clone(),
                msg,
            };
            let f = &r.fields;
            let key = f[0];
            if key.is_empty()
                || !key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err(err(format!(
                    "key `{key}` must be lowercase ASCII letters, digits and '-'"
                )));
            }
            if !out.positions.contains_key(f[2]) {
                return Err(err(format!(
                    "unknown position `{}` (see positions.tsv)",
                    f[2]
                )));
            }
            let day = |s: &str, what: &str| -> Result<EventDate, PeopleError> {
                let d: EventDate = s.parse().map_err(|e| err(format!("{what}: {e}")))?;
                if d.precision() != dyad_model::Precision::Day {
                    return Err(err(format!("{what} `{s}` must be a day, YYYY-MM-DD")));
                }
                Ok(d)
            };
            let start = day(f[3], "start")?;
            let end = if f[4].is_empty() {
                None
            } else {
                Some(day(f[4], "end")?)
            };
            if let Some(e) = end {
                if e.ordinal() <= start.ordinal() {
                    return Err(err(format!("end {e} is not after start {start}")));
                }
            }
            let names = |s: &str| {
                s.split('|')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            out.by_key
                .entry(key.to_string())
                .or_default()
                .push(out.tenures.len());
            out.tenures.push(Tenure {
                key: key.to_string(),
                country: f[1].to_string(),
                position: f[2].to_string(),
                start,
                end,
                names_zh: names(f[5]),
                names_en: names(f[6]),
                names_ru: names(f[7]),
                source: f[8].to_string(),
                origin,
            });
        }
        Ok(out)
    }

    pub fn position(&self, name: &str) -> Option<&Position> {
        self.positions.get(name)
    }

    pub fn tenures(&self) -> &[Tenure] {
        &self.tenures
    }

    pub fn knows(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// The tenures of one person.
    pub fn of(&self, key: &str) -> impl Iterator<Item = &Tenure> {
        self.by_key
            .get(key)
            .into_iter()
            .flatten()
            .map(|&i| &self.tenures[i])
    }

    /// Whether `key` held `position` on `day`.
    pub fn holds(&self, key: &str, position: &str, day: &EventDate) -> bool {
        self.of(key)
            .any(|t| t.position == position && t.covers(day))
    }

    /// The people holding `position` in `country` on `day`.
    pub fn holders(&self, country: &str, position: &str, day: &EventDate) -> Vec<&Tenure> {
        self.tenures
            .iter()
            .filter(|t| t.country == country && t.position == position && t.covers(day))
            .collect()
    }

    /// Consistency problems: overlapping tenures of one person in one office, and two holders
    /// of a unique office on the same day (other than the handover day).
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut groups: BTreeMap<(String, String), Vec<&Tenure>> = BTreeMap::new();
        for t in &self.tenures {
            if UNIQUE_OFFICES.contains(&t.position.as_str()) {
                groups
                    .entry((t.country.clone(), t.position.clone()))
                    .or_default()
                    .push(t);
            }
        }
        for ((country, position), mut ts) in groups {
            ts.sort_by_key(|t| t.start.ordinal());
            for w in ts.windows(2) {
                let (a, b) = (w[0], w[1]);
                let a_end = a.end.map(|e| e.ordinal()).unwrap_or(i64::MAX);
                if a_end > b.start.ordinal() {
                    problems.push(format!(
                        "{}: {} ({}) overlaps {} ({}) as {country} {position}",
                        b.origin, b.key, b.start, a.key, a.origin
                    ));
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POS: &str = "position\trank\tcameo_role\tdescription\npresident\t1\tGOV\tx\nprime-minister\t2\tGOV\tx\n";

    fn people(rows: &str) -> Result<People, PeopleError> {
        let text = format!(
            "key\tcountry\tposition\tstart\tend\tnames_zh\tnames_en\tnames_ru\tsource\n{rows}"
        );
        People::parse(("positions.tsv", POS), ("people.tsv", &text))
    }

    #[test]
    fn dated_roles_answer_who_held_what() {
        let p = people(
            "putin\tRUS\tpresident\t2000-05-07\t2008-05-07\t普京\tPutin\tПутин\ts\n\
             putin\tRUS\tprime-minister\t2008-05-08\t2012-05-07\t普京\tPutin\tПутин\ts\n\
             putin\tRUS\tpresident\t2012-05-07\t\t普京\tPutin\tПутин\ts\n\
             medvedev\tRUS\tpresident\t2008-05-07\t2012-05-07\t梅德韦杰夫\tMedvedev\tМедведев\ts\n",
        )
        .unwrap();
        let d = |s: &str| s.parse::<EventDate>().unwrap();
        assert!(!p.holds("putin", "president", &d("2009-05-01")));
        assert!(p.holds("putin", "prime-minister", &d("2009-05-01")));
        assert!(!p.holds("medvedev", "president", &d("2013-01-01")));
        assert!(p.holds("putin", "president", &d("2025-08-15")));
        let who: Vec<_> = p
            .holders("RUS", "president", &d("2010-06-24"))
            .into_iter()
            .map(|t| t.key.as_str())
            .collect();
        assert_eq!(who, ["medvedev"]);
        assert!(p.check().is_empty(), "{:?}", p.check());
    }

    #[test]
    fn overlapping_unique_offices_are_reported() {
        let p = people(
            "a\tRUS\tpresident\t2000-01-01\t2005-01-01\t甲\tA\tА\ts\n\
             b\tRUS\tpresident\t2004-01-01\t\t乙\tB\tБ\ts\n",
        )
        .unwrap();
        assert_eq!(p.check().len(), 1);
    }

    #[test]
    fn bad_records_name_their_line() {
        let e = people("x\tRUS\tking\t2000-01-01\t\t\t\t\ts\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "people.tsv:2: unknown position `king` (see positions.tsv)"
        );
        let e = people("x\tRUS\tpresident\t2000-01-01\t1999-01-01\t\t\t\ts\n").unwrap_err();
        assert!(e.to_string().contains("not after start"));
    }
}
