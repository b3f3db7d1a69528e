//! Property-based fuzzing of the three dataset parsers: lines of any bytes, and lines assembled
//! from field values real files contain (and damaged ones). Every line must give a row, a skip
//! or an error naming the file and line — never a panic.
//!
//! `cargo test -p dyad-import --test fuzz` runs a few hundred cases per target; for a long
//! run, `PROPTEST_CASES=100000 cargo test --release -p dyad-import --test fuzz`.

use dyad_import::{Dataset, Lines, Parser, Tables};
use proptest::prelude::*;

const FIELDS: &[&str] = &[
    "",
    "0",
    "1",
    "4",
    "-10",
    "3.4",
    "1e308",
    "NaN",
    "-",
    "410414013",
    "20150218",
    "20150231",
    "2015-02-18",
    "201502",
    "2015",
    "99999999",
    "USA",
    "RUS",
    "UKR",
    "EUR",
    "NA",
    "None",
    "usa",
    "Russia",
    "United States",
    "Government (Russia)",
    "GOV",
    "010",
    "042",
    "0874",
    "999",
    "20",
    "03X",
    "CONSULT",
    "AGREE",
    "ASSAULT",
    "verbal",
    "material",
    "\u{feff}",
    "\u{fffd}",
    "中国",
    "\"",
    "\"\"",
    "'",
    "\\",
    "\r",
    " ",
    "GLOBALEVENTID",
    "Event ID",
    "Headline",
    "http://x",
];

fn line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        (prop::collection::vec(prop::sample::select(FIELDS), 0..70))
            .prop_map(|f| f.join("\t").into_bytes()),
        // The column counts of the three datasets, with fields from the pool.
        (
            prop::sample::select(&[20usize, 40, 41, 57, 58, 61][..]),
            prop::collection::vec(prop::sample::select(FIELDS), 61)
        )
            .prop_map(|(n, f)| f[..n].join("\t").into_bytes()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_line_is_a_row_or_an_error(lines in prop::collection::vec(line(), 1..20), d in 0usize..3) {
        let codes = dyad_model::CodeTable::parse(
            "dictionaries/cameo.tsv",
            include_str!("../../../dictionaries/cameo.tsv"),
        )
        .unwrap();
        let tables = Tables::builtin(&codes).unwrap();
        let dataset = [Dataset::Gdelt, Dataset::Icews, Dataset::Polecat][d];
        let mut parser = Parser::new(dataset, &tables, &codes, "fuzz.txt");
        let joined = lines.join(&b'\n');
        let mut reader = Lines::new(&joined[..]);
        while let Some(Ok((n, l))) = reader.next() {
            if let Err(e) = parser.parse(n, l) {
                prop_assert!(e.to_string().starts_with(&format!("fuzz.txt:{n}: ")), "{}", e);
            }
        }
    }
}
