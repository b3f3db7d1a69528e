//! The parsers on the field's real files (../shared/reference/data, provenance in its SOURCES.md):
//! every row reads, and the USA–RUS rows are exactly those a plain tab split finds.

use dyad_import::{Dataset, Lines, Parser, Row, Tables};
use dyad_model::CodeTable;
use std::path::PathBuf;

fn data(rel: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/reference/data"
    ))
    .join(rel)
}

fn codes() -> CodeTable {
    CodeTable::parse(
        "dictionaries/cameo.tsv",
        include_str!("../../../dictionaries/cameo.tsv"),
    )
    .unwrap()
}

/// (rows read, events, USA–RUS native ids) of a file.
fn read(dataset: Dataset, rel: &str) -> (u64, u64, Vec<String>) {
    let codes = codes();
    let tables = Tables::builtin(&codes).unwrap();
    let bytes = std::fs::read(data(rel)).unwrap();
    let mut lines = Lines::new(&bytes[..]);
    let mut p = Parser::new(dataset, &tables, &codes, rel);
    let (mut rows, mut events, mut ids) = (0, 0, Vec::new());
    let mut key = String::new();
    while let Some(l) = lines.next() {
        let (no, line) = l.unwrap();
        match p.parse(no, line) {
            Ok(Row::Event(e)) => {
                rows += 1;
                events += 1;
                let pair = (e.source.country, e.target.country);
                if pair == ("USA", "RUS") || pair == ("RUS", "USA") {
                    e.key_into(&mut key);
                    ids.push(key.clone());
                }
            }
            Ok(Row::Skipped(_)) => rows += 1,
            Ok(_) => {}
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(lines.bytes(), bytes.len() as u64);
    ids.sort();
    (rows, events, ids)
}

fn split_ids(
    rel: &str,
    skip: usize,
    a: usize,
    b: usize,
    us: &str,
    ru: &str,
    key: &dyn Fn(&[&str]) -> String,
) -> Vec<String> {
    let text = std::fs::read_to_string(data(rel)).unwrap();
    let mut ids: Vec<String> = text
        .lines()
        .skip(skip)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| (c[a] == us && c[b] == ru) || (c[a] == ru && c[b] == us))
        .map(|c| key(&c))
        .collect();
    ids.sort();
    ids
}

#[test]
fn gdelt_1_mixed_57_and_58_columns() {
    let rel = "reed9999__gdelt-demo/events.csv";
    let (rows, events, ids) = read(Dataset::Gdelt, rel);
    assert_eq!(rows, 710);
    assert!(events > 0);
    assert_eq!(ids, vec!["564157307", "564443032", "564464892"]);
    assert_eq!(
        ids,
        split_ids(rel, 0, 7, 17, "USA", "RUS", &|c| c[0].to_string())
    );
}

#[test]
fn gdelt_2_export() {
    let rel = "media-dashboard__bootstrap-db/20150218230000.export.CSV";
    let (rows, _, ids) = read(Dataset::Gdelt, rel);
    assert_eq!(rows, 2271);
    assert_eq!(ids.len(), 8);
    assert_eq!(
        ids,
        split_ids(rel, 0, 7, 17, "USA", "RUS", &|c| c[0].to_string())
    );
}

#[test]
fn icews_sample() {
    let rel = "andybega__icews/events.2018.sample.tab";
    let (rows, _, ids) = read(Dataset::Icews, rel);
    assert_eq!(rows, 3705);
    assert_eq!(ids.len(), 20);
    let want = split_ids(rel, 1, 4, 10, "United States", "Russian Federation", &|c| {
        format!("{}:{}", c[0], c[1])
    });
    assert_eq!(ids, want);
}
