//! The curated chronology: its files parsed and every row checked against the dictionaries
//! (`file:line` for each problem), and the built-in one read from the embedded files.

use super::{check_domain, code_table, domains, files_under, kinds, people, places, PLACES_PATH};
use crate::{Error, Result};
use dyad_coder::{tsv, People};
use dyad_model::places::has_han;
use dyad_model::{ActorRef, CodeTable, EventDate, KindTable, Magnitude, Origin, PlaceTable};
use dyad_store::{CitationRow, NewEvent};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The curated chronology, parsed and validated.
#[derive(Debug)]
pub struct Chronology {
    pub events: Vec<NewEvent>,
    pub citations: Vec<CitationRow>,
    pub version: String,
    /// The size of each event whose source states one (its `magnitude` column), by curated id.
    pub magnitudes: HashMap<String, Magnitude>,
}

pub const EVENT_COLUMNS: &[&str] = &[
    "id",
    "date",
    "source",
    "source_role",
    "source_person",
    "target",
    "target_role",
    "target_person",
    "cameo",
    "domains",
    "place",
    "meeting",
    "description_zh",
    "description_en",
    "cites",
    "kind",
    "magnitude",
];
/// How many of the last [`EVENT_COLUMNS`] a row may leave off: `magnitude`, which few rows have.
pub const OPTIONAL_EVENT_COLUMNS: usize = 1;
pub const SOURCE_COLUMNS: &[&str] = &["id", "title", "publisher", "date", "url"];

/// The dictionaries a chronology row is checked against.
pub struct Vocabulary<'a> {
    pub table: &'a CodeTable,
    pub people: &'a People,
    pub domains: &'a HashMap<String, String>,
    pub kinds: &'a KindTable,
    /// Every place an event names must have its Chinese name here.
    pub places: &'a PlaceTable,
}

/// Parses and validates the chronology files. Every problem found is reported, each with its
/// `file:line`; any problem makes the whole chronology unusable.
pub fn parse_chronology(
    event_files: &[(&str, &str)],
    source_files: &[(&str, &str)],
    vocab: &Vocabulary,
) -> Result<Chronology, Vec<String>> {
    let Vocabulary {
        table,
        people,
        domains,
        kinds,
        places,
    } = *vocab;
    let mut problems = Vec::new();
    let mut hasher = Sha256::new();
    let mut citations = Vec::new();
    let mut cite_ids = HashSet::new();
    for (file, text) in source_files {
        hasher.update(text.as_bytes());
        let recs = match tsv::records(file, text, SOURCE_COLUMNS) {
            Ok(r) => r,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        for r in recs {
            let at = format!("{file}:{}", r.line);
            let f = &r.fields;
            if !cite_ids.insert(f[0].to_string()) {
                problems.push(format!("{at}: source id `{}` is used twice", f[0]));
            }
            if f[1].is_empty() || f[2].is_empty() {
                problems.push(format!(
                    "{at}: source `{}` needs a title and a publisher",
                    f[0]
                ));
            }
            if !f[3].is_empty() && f[3].parse::<EventDate>().is_err() {
                problems.push(format!(
                    "{at}: source date `{}` is not YYYY[-MM[-DD]]",
                    f[3]
                ));
            }
            if !(f[4].is_empty() || f[4].starts_with("http://") || f[4].starts_with("https://")) {
                problems.push(format!("{at}: url `{}` is not an http(s) address", f[4]));
            }
            let opt = |s: &str| {
                if s.is_empty() {
                    None
                } else {
                    Some(s.to_string())
                }
            };
            citations.push(CitationRow {
                id: f[0].to_string(),
                title: f[1].to_string(),
                publisher: f[2].to_string(),
                date: opt(f[3]),
                url: opt(f[4]),
            });
        }
    }
    let mut events = Vec::new();
    let mut ids = HashSet::new();
    let mut seen = HashSet::new();
    let mut places_used = HashSet::new();
    let mut magnitudes = HashMap::new();
    for (file, text) in event_files {
        hasher.update(text.as_bytes());
        let recs =
            match tsv::records_with_optional(file, text, EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS) {
                Ok(r) => r,
                Err(e) => {
                    problems.push(e.to_string());
                    continue;
                }
            };
        for r in recs {
            let at = format!("{file}:{}", r.line);
            if let Err(m) = kinds.check(r.fields[15], r.fields[8], r.fields[13], r.fields[12]) {
                problems.push(format!("{at}: {m}"));
            }
            if !r.fields[16].is_empty() {
                match r.fields[16]
                    .parse::<Magnitude>()
                    .and_then(|m| m.check_code(r.fields[8]).map(|()| m))
                {
                    Ok(m) => {
                        magnitudes.insert(r.fields[0].to_string(), m);
                    }
                    Err(e) => problems.push(format!("{at}: {e}")),
                }
            }
            let place = r.fields[10];
            if !place.is_empty() {
                places_used.insert(place);
                if places.zh(place).is_none() {
                    problems.push(format!(
                        "{at}: place `{place}` has no Chinese name: add a row `{place}<TAB>中文名` to {PLACES_PATH}"
                    ));
                }
            }
            match curated_event(&r.fields, table, people, domains, &cite_ids) {
                Ok(ev) => {
                    if !ids.insert(r.fields[0].to_string()) {
                        problems.push(format!("{at}: id `{}` is used twice", r.fields[0]));
                    }
                    let key = (
                        ev.date,
                        ev.source.code.clone(),
                        ev.target.code.clone(),
                        ev.cameo.clone(),
                        ev.source.person.clone(),
                        ev.target.person.clone(),
                    );
                    if !seen.insert(key) {
                        problems.push(format!(
                            "{at}: duplicate of an earlier event (same date, actors, people and code: {} {} {}→{})",
                            ev.date, ev.cameo, ev.source.code, ev.target.code
                        ));
                    }
                    events.push(ev);
                }
                Err(msgs) => problems.extend(msgs.into_iter().map(|m| format!("{at}: {m}"))),
            }
        }
    }
    for p in places.places() {
        if !places_used.contains(p.en.as_str()) {
            problems.push(format!(
                "{}: place `{}` is named by no event: remove the row",
                p.origin, p.en
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    hasher.update(table.len().to_le_bytes());
    let digest = hasher.finalize();
    let version = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Ok(Chronology {
        events,
        citations,
        version,
        magnitudes,
    })
}

fn curated_event(
    f: &[&str],
    table: &CodeTable,
    people: &People,
    domains: &HashMap<String, String>,
    cite_ids: &HashSet<String>,
) -> Result<NewEvent, Vec<String>> {
    let mut problems = Vec::new();
    let id = f[0];
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        problems.push(format!(
            "id `{id}` must be ASCII letters, digits, '-' and '_'"
        ));
    }
    let date: EventDate = match f[1].parse() {
        Ok(d) => d,
        Err(e) => return Err(vec![format!("date: {e}")]),
    };
    let actor = |code: &str, role: &str, person: &str, problems: &mut Vec<String>| -> ActorRef {
        if code.is_empty()
            || !code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            problems.push(format!(
                "actor code `{code}` must be an ISO alpha-3 or organisation code in capitals"
            ));
        }
        let mut a = ActorRef {
            code: code.to_string(),
            role: role.to_string(),
            ..Default::default()
        };
        if !person.is_empty() {
            match person.split_once('@') {
                Some((key, position)) => {
                    if !people.knows(key) {
                        problems.push(format!(
                            "person `{key}` is not in dictionaries/actors/people.tsv"
                        ));
                    } else if people.position(position).is_none() {
                        problems.push(format!(
                            "position `{position}` is not in dictionaries/actors/positions.tsv"
                        ));
                    } else if !people.holds(key, position, &date) {
                        let held: Vec<String> = people
                            .of(key)
                            .map(|t| {
                                format!(
                                    "{} {}..{}",
                                    t.position,
                                    t.start,
                                    t.end.map(|e| e.to_string()).unwrap_or_default()
                                )
                            })
                            .collect();
                        problems.push(format!(
                            "{key} was not {position} on {date} (held: {})",
                            held.join(", ")
                        ));
                    } else if let Some(t) = people
                        .of(key)
                        .find(|t| t.position == position && t.covers(&date))
                    {
                        if t.country != code {
                            problems.push(format!(
                                "{key} served {} as {position}, not {code}",
                                t.country
                            ));
                        }
                    }
                    a.person = Some(key.to_string());
                    a.position = Some(position.to_string());
                }
                None => problems.push(format!("person `{person}` must be written key@position")),
            }
        }
        a
    };
    let source = actor(f[2], f[3], f[4], &mut problems);
    let target = actor(f[5], f[6], f[7], &mut problems);
    let mut ev = match NewEvent::new(Origin::Curated, date, source, target, f[8], table) {
        Ok(ev) => ev,
        Err(e) => {
            problems.push(e.to_string());
            return Err(problems);
        }
    };
    let mut doms = BTreeSet::new();
    for d in f[9].split(',').map(str::trim).filter(|d| !d.is_empty()) {
        if let Err(m) = check_domain(domains, d) {
            problems.push(m);
        }
        doms.insert(d.to_string());
    }
    if doms.is_empty() {
        problems.push("no domain".to_string());
    }
    ev.domains = doms.into_iter().collect();
    let opt = |s: &str| {
        if s.is_empty() {
            None
        } else {
            Some(s.to_string())
        }
    };
    ev.place = opt(f[10]);
    ev.meeting = opt(f[11]);
    match f[11] {
        "" => {}
        "bilateral" | "multilateral" => {
            if !matches!(f[8], "040" | "042" | "043" | "044" | "046") {
                problems.push(format!(
                    "a meeting must be coded 040, 042, 043, 044 or 046, not {}",
                    f[8]
                ));
            }
            for p in [f[4], f[7]] {
                if !p.ends_with("@president") {
                    problems.push(format!(
                        "a head-of-state meeting needs both presidents as persons (found `{p}`)"
                    ));
                }
            }
            if f[10].is_empty() {
                problems.push("a meeting needs a place".to_string());
            }
        }
        other => problems.push(format!(
            "meeting `{other}` must be bilateral, multilateral or empty"
        )),
    }
    if f[12].is_empty() || f[13].is_empty() {
        problems.push("both description_zh and description_en are needed".to_string());
    } else {
        if !has_han(f[12]) {
            problems.push(format!(
                "description_zh `{}` has no Chinese: write the Chinese description",
                f[12]
            ));
        }
        if has_han(f[13]) || !f[13].bytes().any(|b| b.is_ascii_alphabetic()) {
            problems.push(format!(
                "description_en `{}` is not English: write the English description without Chinese",
                f[13]
            ));
        }
    }
    ev.description_zh = opt(f[12]);
    ev.description_en = opt(f[13]);
    ev.cites = f[14]
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    if ev.cites.is_empty() {
        problems.push("no source cited".to_string());
    }
    for c in &ev.cites {
        if !cite_ids.contains(c) {
            problems.push(format!("cites `{c}`, which is not in any sources-*.tsv"));
        }
    }
    ev.curated_id = Some(id.to_string());
    if problems.is_empty() {
        Ok(ev)
    } else {
        Err(problems)
    }
}

/// The stated size of each built-in chronology event that has one (its `magnitude` column), by
/// curated id; read once from the embedded files. Rows are validated by [`chronology`] (and
/// `dyad dict check`); a value that does not parse is left out here.
pub fn magnitudes() -> &'static HashMap<String, Magnitude> {
    static CELL: std::sync::OnceLock<HashMap<String, Magnitude>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let mut out = HashMap::new();
        for (_, text) in files_under("data/chronology", "events-") {
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                let f: Vec<&str> = line.split('\t').collect();
                if let (Some(id), Some(m)) = (f.first(), f.get(16)) {
                    if let Ok(m) = m.parse::<Magnitude>() {
                        out.insert(id.to_string(), m);
                    }
                }
            }
        }
        out
    })
}

/// The built-in chronology, from the embedded files.
pub fn chronology() -> Result<Chronology> {
    let table = code_table()?;
    let people = people()?;
    let domains = domains()?;
    let kinds = kinds(&table)?;
    let places = places()?;
    let events = files_under("data/chronology", "events-");
    let sources = files_under("data/chronology", "sources-");
    let vocab = Vocabulary {
        table: &table,
        people: &people,
        domains: &domains,
        kinds: &kinds,
        places: &places,
    };
    parse_chronology(&events, &sources, &vocab).map_err(Error::Chronology)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id\tdate\tsource\tsource_role\tsource_person\ttarget\ttarget_role\ttarget_person\tcameo\tdomains\tplace\tmeeting\tdescription_zh\tdescription_en\tcites\tkind\tmagnitude\n";
    const SOURCES: &str =
        "id\ttitle\tpublisher\tdate\turl\ns1\tA record\tThe White House\t2010-04-08\t\n";

    fn check(rows: &str) -> Result<Chronology, Vec<String>> {
        check_with(rows, None)
    }

    /// Checks `rows` against a places table: `places` (its rows), or one naming every place
    /// of the rows when `None`.
    fn check_with(rows: &str, places: Option<&str>) -> Result<Chronology, Vec<String>> {
        let table = code_table().unwrap();
        let people = people().unwrap();
        let domains = domains().unwrap();
        let kinds = kinds(&table).unwrap();
        let events = format!("{HEADER}{rows}");
        // a Chinese name for every place the rows name
        let mut named: Vec<&str> = rows
            .lines()
            .filter_map(|l| l.split('\t').nth(10))
            .filter(|p| !p.is_empty())
            .collect();
        named.sort_unstable();
        named.dedup();
        let places_text: String = match places {
            Some(p) => p.to_string(),
            None => named.iter().map(|p| format!("{p}\t地点\n")).collect(),
        };
        let places = PlaceTable::parse(
            "places-t.tsv",
            &format!("# version: 1\nplace_en\tplace_zh\n{places_text}"),
        )
        .unwrap();
        let vocab = Vocabulary {
            table: &table,
            people: &people,
            domains: &domains,
            kinds: &kinds,
            places: &places,
        };
        parse_chronology(
            &[("events-t.tsv", &events)],
            &[("sources-t.tsv", SOURCES)],
            &vocab,
        )
    }

    #[test]
    fn the_built_in_chronology_is_valid_and_large_enough() {
        let c = chronology().unwrap();
        assert!(
            c.events.len() >= 600,
            "only {} curated events",
            c.events.len()
        );
        assert!(c.events.iter().all(|e| !e.cites.is_empty()));
        let first = c.events.iter().map(|e| e.date).min().unwrap();
        let last = c.events.iter().map(|e| e.date).max().unwrap();
        assert!(first.to_string().as_str() <= "1991-12-31", "starts {first}");
        assert!(last.y() >= 2025, "ends {last}");
    }

    #[test]
    fn a_valid_row_loads_with_its_code_table_values() {
        let c = check("2010-04-08-new-start\t2010-04-08\tUSA\tGOV\tobama@president\tRUS\tGOV\tmedvedev@president\t057\tarms-control\tPrague, Czech Republic\t\t签约\tSigned\ts1\t\n").unwrap();
        assert_eq!(c.events[0].goldstein, 8.0);
        assert_eq!(c.events[0].quad_class, 1);
        assert_eq!(c.events[0].plover, "SUPPORT");
        assert!(check("2010-04-08-x\t2010-04-08\tUSA\tGOV\tobama@president\tRUS\tGOV\tmedvedev@president\t057\tarms-control\tPrague\tmultilateral\t签约\tSigned\ts1\t\n")
            .unwrap_err()
            .iter()
            .any(|p| p.contains("040, 042, 043, 044 or 046")));
    }

    #[test]
    fn every_place_has_a_chinese_name_and_every_description_its_language() {
        let row = "2010-04-08-x\t2010-04-08\tUSA\tGOV\tobama@president\tRUS\tGOV\tmedvedev@president\t057\tarms-control\tPrague, Czech Republic\t\t签约\tSigned\ts1\t\n";
        assert!(check_with(row, Some("Prague, Czech Republic\t捷克布拉格\n")).is_ok());
        let e = check_with(row, Some("Oslo, Norway\t挪威奥斯陆\n")).unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].starts_with(
                "events-t.tsv:2: place `Prague, Czech Republic` has no Chinese name: add a row"
            ),
            "{e:?}"
        );
        assert!(
            e[1].starts_with("places-t.tsv:3: place `Oslo, Norway` is named by no event"),
            "{e:?}"
        );
        let e = check(&row.replace("\t签约\t", "\tSigned\t")).unwrap_err();
        assert!(
            e[0].contains("description_zh `Signed` has no Chinese"),
            "{e:?}"
        );
        let e = check(&row.replace("\tSigned\t", "\t签约\t")).unwrap_err();
        assert!(
            e[0].contains("description_en `签约` is not English"),
            "{e:?}"
        );
    }

    #[test]
    fn a_kind_of_act_has_one_code() {
        let row = |code: &str, kind: &str| {
            format!("2016-12-29-x\t2016-12-29\tUSA\tGOV\t\tRUS\tGOV\t\t{code}\tdiplomacy\t\t\t美国驱逐35名俄罗斯外交官\tThe US expels 35 Russian diplomats.\ts1\t{kind}\n")
        };
        assert!(check(&row("161", "")).is_ok());
        let e = check(&row("1663", "")).unwrap_err();
        assert!(
            e[0].starts_with("events-t.tsv:2: reads as kind `expel-diplomats`")
                && e[0].contains("coded 161 (dictionaries/kinds.tsv:"),
            "{e:?}"
        );
        // a row that only comments on such an act says so
        assert!(check(&row("111", "-")).is_ok());
        let e = check(&row("161", "sanctions")).unwrap_err();
        assert!(e[0].contains("kind `sanctions` is coded 163"), "{e:?}");
        let e = check(&row("161", "expulsion")).unwrap_err();
        assert!(e[0].contains("not in the kinds table"), "{e:?}");
    }

    #[test]
    fn magnitudes_are_read_and_checked_against_their_act() {
        let row = |code: &str, magnitude: &str| {
            format!("2016-12-29-x\t2016-12-29\tUSA\tGOV\t\tRUS\tGOV\t\t{code}\tdiplomacy\t\t\t美国驱逐35名俄罗斯外交官\tThe US expels 35 Russian diplomats.\ts1\t\t{magnitude}\n")
        };
        let c = check(&row("161", "35 diplomats")).unwrap();
        assert_eq!(
            c.magnitudes["2016-12-29-x"],
            Magnitude::new(35, dyad_model::Unit::Diplomats)
        );
        // a row may leave the column off, or empty
        assert!(check(&row("161", "")).unwrap().magnitudes.is_empty());
        let short = row("161", "").replacen("\t\n", "\n", 1);
        assert_eq!(short.matches('\t').count(), 15);
        assert!(check(&short).unwrap().magnitudes.is_empty());
        for (m, says) in [
            ("35 spies", "unknown unit `spies`"),
            ("0 diplomats", "positive whole number"),
            ("-35 diplomats", "positive whole number"),
            ("thirty-five diplomats", "is not `<number> <unit>`"),
            ("35 designations", "does not fit an act coded 161"),
        ] {
            let e = check(&row("161", m)).unwrap_err();
            assert_eq!(e.len(), 1, "{e:?}");
            assert!(
                e[0].starts_with("events-t.tsv:2: magnitude") && e[0].contains(says),
                "{m}: {e:?}"
            );
        }
        // a phone call has no size
        let call = "2022-02-12-x\t2022-02-12\tUSA\tGOV\tbiden@president\tRUS\tGOV\tputin@president\t041\tdiplomacy\t\t\t通电话\tThey speak by phone.\ts1\t\t62 troops\n";
        assert!(check(call).unwrap_err()[0].contains("does not fit an act coded 041"));
    }

    #[test]
    fn roles_must_match_the_dated_role_dictionary() {
        let e = check("2009-05-01-x\t2009-05-01\tRUS\tGOV\tputin@president\tUSA\tGOV\t\t010\tdiplomacy\t\t\t说\tSaid\ts1\t\n").unwrap_err();
        assert!(
            e[0].contains("putin was not president on 2009-05-01"),
            "{e:?}"
        );
        let e = check("2013-05-01-x\t2013-05-01\tRUS\tGOV\tmedvedev@president\tUSA\tGOV\t\t010\tdiplomacy\t\t\t说\tSaid\ts1\t\n").unwrap_err();
        assert!(
            e[0].contains("medvedev was not president on 2013-05-01"),
            "{e:?}"
        );
    }

    #[test]
    fn bad_rows_are_reported_with_file_and_line() {
        let e =
            check("a\t2023-02-29\tUSA\tGOV\t\tRUS\tGOV\t\t010\tdiplomacy\t\t\t说\tSaid\ts1\t\n")
                .unwrap_err();
        assert!(e[0].starts_with("events-t.tsv:2: date:"), "{e:?}");
        let e =
            check("a\t2023-02-01\tUSA\tGOV\t\tRUS\tGOV\t\t999\tdiplomacy\t\t\t说\tSaid\ts1\t\n")
                .unwrap_err();
        assert!(e[0].contains("999"), "{e:?}");
        let e = check("a\t2023-02-01\tUSA\tGOV\t\tRUS\tGOV\t\t010\tdiplomacy\t\t\t说\tSaid\t\t\n")
            .unwrap_err();
        assert!(e.iter().any(|p| p.contains("no source cited")), "{e:?}");
        let e =
            check("a\t2023-02-01\tUSA\tGOV\t\tRUS\tGOV\t\t010\tdiplomacy\t\t\t说\tSaid\tnope\t\n")
                .unwrap_err();
        assert!(e.iter().any(|p| p.contains("`nope`")), "{e:?}");
        let e = check("a\t2023-02-01\tUSA\tGOV\t\tRUS\tGOV\t\t010\tweather\t\t\t说\tSaid\ts1\t\n")
            .unwrap_err();
        assert!(e.iter().any(|p| p.contains("unknown domain")), "{e:?}");
        let dup = "a\t2023-02-01\tUSA\tGOV\t\tRUS\tGOV\t\t010\tdiplomacy\t\t\t说\tSaid\ts1\t\n\
                   b\t2023-02-01\tUSA\tGOV\t\tRUS\tGOV\t\t010\tdiplomacy\t\t\t说\tSaid\ts1\t\n";
        assert!(check(dup)
            .unwrap_err()
            .iter()
            .any(|p| p.contains("duplicate")));
    }
}
