//! ICEWS event rows (Harvard Dataverse `events.YYYY.*.tab`): 20 tab-separated columns, countries
//! by name, CAMEO codes that may have lost their leading zero, Intensity as the Goldstein value.

use crate::fields::{self, missing, show, MAX};
use crate::{Actor, Code, Record, Row, Skip, Tables};
use dyad_model::{CodeTable, EventDate};

const ID: usize = 0;
const DATE: usize = 1;
const SOURCE_NAME: usize = 2;
const SOURCE_SECTORS: usize = 3;
const SOURCE_COUNTRY: usize = 4;
const CAMEO: usize = 6;
const INTENSITY: usize = 7;
const TARGET_NAME: usize = 8;
const TARGET_SECTORS: usize = 9;
const TARGET_COUNTRY: usize = 10;

pub(crate) fn parse<'a>(
    text: &'a str,
    tables: &'a Tables,
    codes: &CodeTable,
) -> Result<Row<'a>, String> {
    let mut f = [""; MAX];
    let n = fields::split(text, &mut f);
    if f[ID] == "Event ID" {
        return Ok(Row::Header);
    }
    if n != 20 {
        return Err(format!(
            "expected 20 tab-separated columns (ICEWS), found {n}"
        ));
    }
    if f[ID].is_empty() || !f[ID].bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("Event ID `{}` is not a number", show(f[ID])));
    }
    let date = fields::iso(f[DATE]).ok_or_else(|| {
        format!(
            "Event Date `{}` is not a calendar date (YYYY-MM-DD)",
            show(f[DATE])
        )
    })?;
    let goldstein = fields::score(f[INTENSITY]).ok_or_else(|| {
        format!(
            "Intensity `{}` is not a number in -10..10",
            show(f[INTENSITY])
        )
    })?;
    let cameo = normalise_code(f[CAMEO], goldstein, codes)?;
    let quad_class = codes.get(cameo.as_str()).map_or(0, |c| c.quad_class);
    let country = |col: usize| -> Result<&'a str, Skip<'a>> {
        let name = f[col];
        if missing(name) {
            return Err(Skip::NoStateActor);
        }
        tables
            .icews_country(name, date)
            .ok_or(Skip::UnknownCountry(name))
    };
    let (source, target) = match (country(SOURCE_COUNTRY), country(TARGET_COUNTRY)) {
        (Ok(s), Ok(t)) => (s, t),
        (Err(skip), _) | (_, Err(skip)) => return Ok(Row::Skipped(skip)),
    };
    if source == target {
        return Ok(Row::Skipped(Skip::SameState));
    }
    Ok(Row::Event(Record {
        native_id: f[ID],
        key_suffix: f[DATE],
        date,
        reported: None::<EventDate>,
        source: Actor {
            country: source,
            role: tables.icews_role(f[SOURCE_SECTORS]),
            name: f[SOURCE_NAME],
        },
        target: Actor {
            country: target,
            role: tables.icews_role(f[TARGET_SECTORS]),
            name: f[TARGET_NAME],
        },
        cameo,
        quad_class,
        goldstein,
        plover: "",
        plover_mode: "",
    }))
}

/// ICEWS codes pass through spreadsheets and R and may lose their leading zero (`040` → `40`,
/// `0233` → `233`). The code as written is kept when the table has it and the zero-padded one
/// is not; when both exist (`10` DEMAND and `010` statement) the one whose Goldstein value equals
/// the row's Intensity wins, else the code as written.
fn normalise_code(raw: &str, intensity: f64, codes: &CodeTable) -> Result<Code, String> {
    let raw = raw.trim();
    let digits = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
    let bad = || {
        format!(
            "CAMEO Code `{}` is not a code of dictionaries/cameo.tsv",
            show(raw)
        )
    };
    if !digits || raw.len() > 4 {
        return Err(bad());
    }
    let mut padded = [b'0'; 5];
    padded[1..=raw.len()].copy_from_slice(raw.as_bytes());
    let padded = std::str::from_utf8(&padded[..=raw.len()]).unwrap_or("");
    let as_written = Code::new(raw).and_then(|c| codes.get(raw).map(|row| (c, row.goldstein)));
    let with_zero = (raw.len() < 4)
        .then(|| Code::new(padded).and_then(|c| codes.get(padded).map(|row| (c, row.goldstein))))
        .flatten();
    match (as_written, with_zero) {
        (Some((a, ga)), Some((z, gz))) => {
            if (gz - intensity).abs() < 1e-6 && (ga - intensity).abs() >= 1e-6 {
                Ok(z)
            } else {
                Ok(a)
            }
        }
        (Some((a, _)), None) => Ok(a),
        (None, Some((z, _))) => Ok(z),
        (None, None) => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dataset, Parser};

    fn codes() -> CodeTable {
        CodeTable::parse(
            "dictionaries/cameo.tsv",
            include_str!("../../../dictionaries/cameo.tsv"),
        )
        .unwrap()
    }

    #[test]
    fn restores_leading_zeros() {
        let c = codes();
        assert_eq!(normalise_code("40", 1.0, &c).unwrap().as_str(), "040");
        assert_eq!(normalise_code("040", 1.0, &c).unwrap().as_str(), "040");
        assert_eq!(normalise_code("233", 3.4, &c).unwrap().as_str(), "0233");
        assert_eq!(normalise_code("10", 0.0, &c).unwrap().as_str(), "010");
        assert_eq!(normalise_code("10", -5.0, &c).unwrap().as_str(), "10");
        assert_eq!(normalise_code("173", -5.0, &c).unwrap().as_str(), "173");
        assert_eq!(normalise_code("0874", 10.0, &c).unwrap().as_str(), "0874");
        assert!(normalise_code("999", 0.0, &c).is_err());
        assert!(normalise_code("12345", 0.0, &c).is_err());
        assert!(normalise_code("4x", 0.0, &c).is_err());
    }

    #[test]
    fn maps_names_at_the_event_date_and_keys_by_id_and_date() {
        let c = codes();
        let t = Tables::builtin(&c).unwrap();
        let mut p = Parser::new(Dataset::Icews, &t, &c, "e.tab");
        let row = |date: &str, src: &str| {
            format!("77\t{date}\tPolice (Serbia)\tPolice\t{src}\tArrest\t173\t-5\tCitizen\tNA\tRussian Federation\t1\t1\tP\tNA\tNA\tNA\tNA\tNA\tNA")
        };
        let l = row("2005-01-10", "Serbia");
        match p.parse(2, l.as_bytes()).unwrap() {
            Row::Event(e) => {
                assert_eq!((e.source.country, e.source.role), ("SCG", "COP"));
                assert_eq!(e.target.role, "");
                assert_eq!((e.native_id, e.key_suffix), ("77", "2005-01-10"));
                let mut k = String::new();
                e.key_into(&mut k);
                assert_eq!(k, "77:2005-01-10");
                assert_eq!(e.quad_class, 4);
            }
            other => panic!("{other:?}"),
        }
        let l = row("2018-01-10", "Narnia");
        assert_eq!(
            p.parse(3, l.as_bytes()).unwrap(),
            Row::Skipped(Skip::UnknownCountry("Narnia"))
        );
        let l = row("2018-02-30", "Serbia");
        let e = p.parse(4, l.as_bytes()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "e.tab:4: Event Date `2018-02-30` is not a calendar date (YYYY-MM-DD)"
        );
        assert_eq!(p.parse(1, b"Event ID\tEvent Date").unwrap(), Row::Header);
    }
}
