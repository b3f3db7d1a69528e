//! GDELT event rows: 1.0 backfiles (57 columns, to March 2013), 1.0 daily files (58, with
//! SOURCEURL) and 2.0 exports (61, with the three `*Geo_ADM2Code` columns). The three may be
//! mixed in one file; each row is read by its own column count.

use crate::fields::{self, show, MAX};
use crate::{Actor, Code, Record, Row, Skip, Tables};

/// 0-based columns shared by the three layouts.
const ID: usize = 0;
const SQLDATE: usize = 1;
const A1_NAME: usize = 6;
const A1_COUNTRY: usize = 7;
const A1_TYPE1: usize = 12;
const A2_NAME: usize = 16;
const A2_COUNTRY: usize = 17;
const A2_TYPE1: usize = 22;
const EVENT_CODE: usize = 26;
const QUAD_CLASS: usize = 29;
const GOLDSTEIN: usize = 30;

pub(crate) fn parse<'a>(text: &'a str, tables: &'a Tables) -> Result<Row<'a>, String> {
    let mut f = [""; MAX];
    let n = fields::split(text, &mut f);
    let date_added = match n {
        57 | 58 => 56,
        61 => 59,
        _ if f[ID].eq_ignore_ascii_case("GLOBALEVENTID") => return Ok(Row::Header),
        _ => {
            return Err(format!(
                "expected 57, 58 or 61 tab-separated columns (GDELT 1.0 backfile, 1.0 daily, 2.0 export), found {n}"
            ))
        }
    };
    if f[ID].eq_ignore_ascii_case("GLOBALEVENTID") {
        return Ok(Row::Header);
    }
    if f[ID].is_empty() || !f[ID].bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("GLOBALEVENTID `{}` is not a number", show(f[ID])));
    }
    let date = fields::ymd8(f[SQLDATE]).ok_or_else(|| {
        format!(
            "SQLDATE `{}` is not a calendar date (YYYYMMDD)",
            show(f[SQLDATE])
        )
    })?;
    let cameo = Code::new(f[EVENT_CODE]).ok_or_else(|| {
        format!(
            "EventCode `{}` is not a CAMEO code (2 to 4 digits)",
            show(f[EVENT_CODE])
        )
    })?;
    let quad_class = match f[QUAD_CLASS] {
        "1" => 1,
        "2" => 2,
        "3" => 3,
        "4" => 4,
        q => return Err(format!("QuadClass `{}` is not 1-4", show(q))),
    };
    let goldstein = fields::score(f[GOLDSTEIN]).ok_or_else(|| {
        format!(
            "GoldsteinScale `{}` is not a number in -10..10",
            show(f[GOLDSTEIN])
        )
    })?;
    let added = f[date_added];
    let reported = added.get(..8).and_then(fields::ymd8);
    if reported.is_none() && !added.is_empty() {
        return Err(format!(
            "DATEADDED `{}` is not a date (YYYYMMDD[HHMMSS])",
            show(added)
        ));
    }
    let country = |col: usize| -> Result<Result<&'a str, Skip<'a>>, String> {
        let c = f[col];
        if c.is_empty() {
            return Ok(Err(Skip::NoStateActor));
        }
        if !fields::code3(c) {
            return Err(format!(
                "Actor{}CountryCode `{}` is not a 3-letter CAMEO country code",
                if col == A1_COUNTRY { 1 } else { 2 },
                show(c)
            ));
        }
        Ok(tables.cameo_country(c).ok_or(Skip::NotAState(c)))
    };
    let (source, target) = match (country(A1_COUNTRY)?, country(A2_COUNTRY)?) {
        (Ok(s), Ok(t)) => (s, t),
        (Err(skip), _) | (_, Err(skip)) => return Ok(Row::Skipped(skip)),
    };
    if source == target {
        return Ok(Row::Skipped(Skip::SameState));
    }
    Ok(Row::Event(Record {
        native_id: f[ID],
        key_suffix: "",
        date,
        reported,
        source: Actor {
            country: source,
            role: f[A1_TYPE1],
            name: f[A1_NAME],
        },
        target: Actor {
            country: target,
            role: f[A2_TYPE1],
            name: f[A2_NAME],
        },
        cameo,
        quad_class,
        goldstein,
        plover: "",
        plover_mode: "",
    }))
}

#[cfg(test)]
mod tests {
    use crate::{Dataset, Parser, Row, Skip, Tables};

    /// A 61-column 2.0 row from the first GDELT 2.0 export, with its actors changed.
    fn row61(c1: &str, c2: &str) -> String {
        let mut f = vec![""; 61];
        f[0] = "410414013";
        f[1] = "20150218";
        f[6] = "RUSSIA";
        f[7] = c1;
        f[12] = "GOV";
        f[16] = "UNITED STATES";
        f[17] = c2;
        f[26] = "030";
        f[29] = "1";
        f[30] = "4.0";
        f[59] = "20150218230000";
        f.join("\t")
    }

    fn codes() -> dyad_model::CodeTable {
        dyad_model::CodeTable::parse(
            "dictionaries/cameo.tsv",
            include_str!("../../../dictionaries/cameo.tsv"),
        )
        .unwrap()
    }

    #[test]
    fn reads_the_three_layouts_and_skips_with_reasons() {
        let codes = codes();
        let t = Tables::builtin(&codes).unwrap();
        let mut p = Parser::new(Dataset::Gdelt, &t, &codes, "g.CSV");
        let line = row61("RUS", "USA");
        match p.parse(1, line.as_bytes()).unwrap() {
            Row::Event(e) => {
                assert_eq!(e.native_id, "410414013");
                assert_eq!(e.date.to_string(), "2015-02-18");
                assert_eq!(e.reported.unwrap().to_string(), "2015-02-18");
                assert_eq!((e.source.country, e.source.role), ("RUS", "GOV"));
                assert_eq!((e.target.country, e.target.role), ("USA", ""));
                assert_eq!(
                    (e.cameo.as_str(), e.quad_class, e.goldstein),
                    ("030", 1, 4.0)
                );
            }
            other => panic!("{other:?}"),
        }
        // The 58- and 57-column layouts: drop the ADM2 columns (and SOURCEURL). A GDELT 1.0 file
        // (a new parser: after a 2.0 row, 57 or 58 columns are a damaged row, tested below).
        let mut p = Parser::new(Dataset::Gdelt, &t, &codes, "g1.CSV");
        let full = row61("ROM", "USA");
        let mut f: Vec<&str> = full.split('\t').collect();
        for i in [55, 47, 39] {
            f.remove(i);
        }
        *f.last_mut().unwrap() = "http://x";
        assert_eq!(f.len(), 58);
        let l58 = f.join("\t");
        match p.parse(2, l58.as_bytes()).unwrap() {
            Row::Event(e) => assert_eq!(e.source.country, "ROU"),
            other => panic!("{other:?}"),
        }
        f.pop();
        assert!(matches!(
            p.parse(3, f.join("\t").as_bytes()).unwrap(),
            Row::Event(_)
        ));
        let skip = |c1: &str, c2: &str| match Parser::new(Dataset::Gdelt, &t, &codes, "g")
            .parse(1, row61(c1, c2).as_bytes())
            .unwrap()
        {
            Row::Skipped(s) => s.kind(),
            other => panic!("{other:?}"),
        };
        assert_eq!(skip("", "USA"), Skip::NoStateActor.kind());
        assert_eq!(skip("EUR", "USA"), "not_a_state");
        assert_eq!(skip("USA", "USA"), "same_state");
    }

    #[test]
    fn rejects_malformed_rows_naming_file_and_line() {
        let codes = codes();
        let t = Tables::builtin(&codes).unwrap();
        let mut p = Parser::new(Dataset::Gdelt, &t, &codes, "g.CSV");
        let e = p.parse(7, b"1\t2\t3").unwrap_err();
        assert_eq!(e.line, 7);
        assert!(
            e.to_string().starts_with("g.CSV:7: expected 57, 58 or 61"),
            "{e}"
        );
        let bad = row61("RUS", "USA").replace("20150218\t", "20150231\t");
        let e = p.parse(8, bad.as_bytes()).unwrap_err();
        assert!(e.msg.contains("SQLDATE `20150231`"), "{e}");
        let bad = row61("RUS", "USA").replace("\t030\t", "\t03X\t");
        assert!(p
            .parse(9, bad.as_bytes())
            .unwrap_err()
            .msg
            .contains("EventCode"));
        let mut bad = row61("RUS", "USA").into_bytes();
        bad[20] = 0xff;
        let e = p.parse(10, &bad).unwrap_err();
        assert!(e.msg.contains("invalid UTF-8"), "{e}");
        let bad = row61("rus", "USA");
        assert!(p
            .parse(11, bad.as_bytes())
            .unwrap_err()
            .msg
            .contains("Actor1CountryCode"));
        // A code missing from the CAMEO table is a bad row.
        let bad = row61("RUS", "USA").replace("\t030\t", "\t999\t");
        let e = p.parse(12, bad.as_bytes()).unwrap_err();
        assert!(e.msg.contains("CAMEO code `999`"), "{e}");
        // A byte-order mark before the first line is not part of GLOBALEVENTID.
        let mut p = Parser::new(Dataset::Gdelt, &t, &codes, "bom.CSV");
        let bom = format!("\u{feff}{}", row61("RUS", "USA"));
        assert!(matches!(p.parse(1, bom.as_bytes()).unwrap(), Row::Event(_)));
        // After a 61-column (GDELT 2.0) row, a row of 58 columns is not read as GDELT 1.0.
        let full = row61("RUS", "USA");
        let mut f: Vec<&str> = full.split('\t').collect();
        for i in [55, 47, 39] {
            f.remove(i);
        }
        let e = p.parse(2, f.join("\t").as_bytes()).unwrap_err();
        assert!(e.msg.contains("GDELT 2.0"), "{e}");
    }
}
