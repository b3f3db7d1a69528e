//! POLECAT event rows (Harvard Dataverse `ngecEvents.DV.*.txt`): 40 tab-separated columns with
//! a header, PLOVER event types, ISO alpha-3 countries.
//!
//! Known malformed files, as documented by the dataset's users (andybeger.com, "POLECAT Event
//! Data", 2024): some headers carry an extra `Headline` name (the rows have the documented 40
//! columns): read with the documented layout; some files have excess tab columns: trimmed when
//! every excess column is empty, else the row is reported.

use crate::fields::{self, missing, show, MAX};
use crate::{Actor, Record, Repairs, Row, Skip, Tables};

/// The documented column order.
pub(crate) const COLUMNS: [&str; 40] = [
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
];

/// The columns dyad reads, by name (a second name is an alias found in some files).
const WANTED: [(&str, &str); 12] = [
    ("Event ID", ""),
    ("Event Date", ""),
    ("Event Type", ""),
    ("Event Mode", ""),
    ("Quad Code", ""),
    ("Actor Name", ""),
    ("Actor Country", ""),
    ("Primary Actor Sector", ""),
    ("Recipient Name", ""),
    ("Recipient Country", ""),
    ("Primary Recipient Sector", ""),
    ("Publication Date", ""),
];

/// Where the wanted columns are, and how many columns a row has.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    at: [usize; 12],
    columns: usize,
}

impl Layout {
    pub(crate) fn standard() -> Layout {
        let mut at = [0; 12];
        for (i, (name, _)) in WANTED.iter().enumerate() {
            at[i] = COLUMNS.iter().position(|c| c == name).unwrap_or(0);
        }
        Layout { at, columns: 40 }
    }

    /// The layout a header announces.
    fn from_header(names: &[&str]) -> Result<Layout, String> {
        let mut at = [0; 12];
        let mut missing_cols = Vec::new();
        for (i, (name, alias)) in WANTED.iter().enumerate() {
            match names
                .iter()
                .position(|n| n.trim() == *name || (!alias.is_empty() && n.trim() == *alias))
            {
                Some(p) => at[i] = p,
                None => missing_cols.push(*name),
            }
        }
        if !missing_cols.is_empty() {
            return Err(format!(
                "the header lacks the column(s) {}; rows are read with the documented 40-column layout",
                missing_cols.join(", ")
            ));
        }
        Ok(Layout {
            at,
            columns: names.len(),
        })
    }
}

const ID: usize = 0;
const DATE: usize = 1;
const TYPE: usize = 2;
const MODE: usize = 3;
const QUAD: usize = 4;
const A_NAME: usize = 5;
const A_COUNTRY: usize = 6;
const A_SECTOR: usize = 7;
const R_NAME: usize = 8;
const R_COUNTRY: usize = 9;
const R_SECTOR: usize = 10;
const PUBLISHED: usize = 11;

pub(crate) fn parse<'a>(
    text: &'a str,
    layout: &mut Layout,
    repairs: &mut Repairs,
    tables: &'a Tables,
) -> Result<Row<'a>, String> {
    let mut f = [""; MAX];
    let n = fields::split(text, &mut f);
    if f[0].trim() == "Event ID" {
        let names = &f[..n.min(MAX)];
        if names.iter().any(|c| c.trim() == "Headline") {
            // The stray `Headline` name: the rows have the documented columns.
            repairs.headline_header = true;
            *layout = Layout::standard();
            return Ok(Row::Header);
        }
        *layout = Layout::standard();
        let read = Layout::from_header(names)?;
        *layout = read;
        return Ok(Row::Header);
    }
    if n < layout.columns {
        return Err(format!(
            "expected {} tab-separated columns (POLECAT), found {n}",
            layout.columns
        ));
    }
    if n > layout.columns {
        let extra = &f[layout.columns.min(MAX)..n.min(MAX)];
        if n > MAX || extra.iter().any(|c| !c.trim().is_empty()) {
            return Err(format!(
                "expected {} tab-separated columns (POLECAT), found {n} and the excess ones are not empty",
                layout.columns
            ));
        }
        repairs.excess_empty_columns += 1;
    }
    let col = |i: usize| f[layout.at[i]].trim();
    let id = col(ID);
    if missing(id) {
        return Err("Event ID is empty".to_string());
    }
    let date = fields::iso(col(DATE)).ok_or_else(|| {
        format!(
            "Event Date `{}` is not a calendar date (YYYY-MM-DD)",
            show(col(DATE))
        )
    })?;
    let event_type = col(TYPE);
    let plover = tables.plover(event_type).ok_or_else(|| {
        format!(
            "Event Type `{}` is not a PLOVER type of dictionaries/import/plover-to-cameo.tsv",
            show(event_type)
        )
    })?;
    let quad_class = quad(col(QUAD)).unwrap_or(plover.quad_class);
    let reported = fields::iso(col(PUBLISHED));
    let country = |i: usize| -> Result<&'a str, Skip<'a>> {
        let c = f[layout.at[i]].trim();
        if missing(c) {
            return Err(Skip::NoStateActor);
        }
        if c.contains(';') || c.contains('|') {
            return Err(Skip::SeveralCountries);
        }
        if fields::code3(c) {
            return tables.cameo_country(c).ok_or(Skip::NotAState(c));
        }
        tables.icews_country(c, date).ok_or(Skip::UnknownCountry(c))
    };
    let (source, target) = match (country(A_COUNTRY), country(R_COUNTRY)) {
        (Ok(s), Ok(t)) => (s, t),
        (Err(skip), _) | (_, Err(skip)) => return Ok(Row::Skipped(skip)),
    };
    if source == target {
        return Ok(Row::Skipped(Skip::SameState));
    }
    let role = |i: usize| {
        let s = col(i);
        if missing(s) {
            ""
        } else if fields::code3(s) {
            s
        } else {
            tables.icews_role(s)
        }
    };
    let mode = col(MODE);
    Ok(Row::Event(Record {
        native_id: id,
        key_suffix: "",
        date,
        reported,
        source: Actor {
            country: source,
            role: role(A_SECTOR),
            name: col(A_NAME),
        },
        target: Actor {
            country: target,
            role: role(R_SECTOR),
            name: col(R_NAME),
        },
        cameo: plover.cameo_root,
        quad_class,
        goldstein: plover.goldstein,
        plover: event_type,
        plover_mode: if missing(mode) { "" } else { mode },
    }))
}

/// POLECAT's Quad Code: 1-4, or a quad's name.
fn quad(s: &str) -> Option<u8> {
    let norm = |s: &str| {
        s.bytes()
            .filter(u8::is_ascii_alphabetic)
            .map(|b| b.to_ascii_lowercase())
            .collect::<Vec<u8>>()
    };
    match s {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        "4" => Some(4),
        "" => None,
        _ => match norm(s).as_slice() {
            b"verbalcooperation" | b"verbalcoop" => Some(1),
            b"materialcooperation" | b"materialcoop" => Some(2),
            b"verbalconflict" => Some(3),
            b"materialconflict" => Some(4),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dataset, Parser};

    fn codes() -> dyad_model::CodeTable {
        dyad_model::CodeTable::parse(
            "dictionaries/cameo.tsv",
            include_str!("../../../dictionaries/cameo.tsv"),
        )
        .unwrap()
    }

    fn row(id: &str, kind: &str, a: &str, r: &str) -> String {
        let mut f = vec![""; 40];
        f[0] = id;
        f[1] = "2022-02-24";
        f[2] = kind;
        f[3] = "heavy-weapons";
        f[4] = "-9.3";
        f[5] = "MATERIAL CONFLICT";
        f[7] = "Russia";
        f[8] = a;
        f[10] = "MIL";
        f[15] = "Ukraine";
        f[16] = r;
        f[18] = "GOV";
        f[34] = "2022-02-25";
        f.join("\t")
    }

    #[test]
    fn reads_types_and_repairs_known_malformations() {
        let c = codes();
        let t = Tables::builtin(&c).unwrap();
        let mut p = Parser::new(Dataset::Polecat, &t, &c, "ngec.txt");
        let mut header = COLUMNS.to_vec();
        header.insert(5, "Headline");
        assert_eq!(
            p.parse(1, header.join("\t").as_bytes()).unwrap(),
            Row::Header
        );
        assert!(p.repairs().headline_header);
        let l = row("e1", "ASSAULT", "RUS", "UKR");
        match p.parse(2, l.as_bytes()).unwrap() {
            Row::Event(e) => {
                assert_eq!((e.source.country, e.target.country), ("RUS", "UKR"));
                assert_eq!((e.source.role, e.target.role), ("MIL", "GOV"));
                assert_eq!(
                    (e.cameo.as_str(), e.goldstein, e.quad_class),
                    ("18", -9.3, 4)
                );
                assert_eq!((e.plover, e.plover_mode), ("ASSAULT", "heavy-weapons"));
                assert_eq!(e.reported.unwrap().to_string(), "2022-02-25");
            }
            other => panic!("{other:?}"),
        }
        let l = format!("{}\t\t\t", row("e2", "AGREE", "USA", "RUS"));
        assert!(matches!(p.parse(3, l.as_bytes()).unwrap(), Row::Event(_)));
        assert_eq!(p.repairs().excess_empty_columns, 1);
        let l = format!("{}\tjunk", row("e3", "AGREE", "USA", "RUS"));
        assert!(p
            .parse(4, l.as_bytes())
            .unwrap_err()
            .msg
            .contains("not empty"));
        let l = row("e4", "HUG", "USA", "RUS");
        assert!(p
            .parse(5, l.as_bytes())
            .unwrap_err()
            .msg
            .contains("Event Type `HUG`"));
        let l = row("e5", "AGREE", "USA;GBR", "RUS");
        assert_eq!(
            p.parse(6, l.as_bytes()).unwrap(),
            Row::Skipped(Skip::SeveralCountries)
        );
    }

    #[test]
    fn a_header_in_another_order_is_followed() {
        let c = codes();
        let t = Tables::builtin(&c).unwrap();
        let mut p = Parser::new(Dataset::Polecat, &t, &c, "x.txt");
        let mut names = COLUMNS.to_vec();
        names.swap(8, 16); // Actor Country <-> Recipient Country
        names[4] = "Event Intensity";
        assert_eq!(
            p.parse(1, names.join("\t").as_bytes()).unwrap(),
            Row::Header
        );
        let l = row("e1", "CONSULT", "USA", "RUS");
        match p.parse(2, l.as_bytes()).unwrap() {
            Row::Event(e) => assert_eq!((e.source.country, e.target.country), ("RUS", "USA")),
            other => panic!("{other:?}"),
        }
        let e = p.parse(3, b"Event ID\tEvent Date").unwrap_err();
        assert!(e.msg.contains("lacks the column(s) Event Type"), "{e}");
    }
}
