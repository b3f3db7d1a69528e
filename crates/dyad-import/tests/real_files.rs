//! The parsers on the field's real files: every row reads, and the USA–RUS rows are exactly
//! those a plain tab split finds. Always on the extracts in `tests-data/datasets/` (provenance in
//! its README); with `DYAD_SHARED` set, also on the whole files in `$DYAD_SHARED/reference/data`.

#[path = "../../../tests-data/opt_in.rs"]
mod opt_in;

use dyad_import::{Dataset, Lines, Parser, Row, Tables};
use dyad_model::CodeTable;
use std::path::{Path, PathBuf};

fn extract(name: &str) -> PathBuf {
    opt_in::repo_root().join("tests-data/datasets").join(name)
}

/// Data lines of a file (all lines, less `header` lines).
fn data_lines(path: &Path, header: u64) -> u64 {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().count() as u64 - header
}

fn codes() -> CodeTable {
    CodeTable::parse(
        "dictionaries/cameo.tsv",
        include_str!("../../../dictionaries/cameo.tsv"),
    )
    .unwrap()
}

/// (rows read, events, USA–RUS native ids) of a file.
fn read(dataset: Dataset, path: &Path) -> (u64, u64, Vec<String>) {
    let codes = codes();
    let tables = Tables::builtin(&codes).unwrap();
    let bytes = std::fs::read(path).unwrap();
    let mut lines = Lines::new(&bytes[..]);
    let name = path.display().to_string();
    let mut p = Parser::new(dataset, &tables, &codes, &name);
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
    path: &Path,
    skip: usize,
    a: usize,
    b: usize,
    us: &str,
    ru: &str,
    key: &dyn Fn(&[&str]) -> String,
) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
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

/// GDELT 1.0, 57 and 58 columns: the three USA–RUS rows SOURCES.md lists.
fn check_gdelt_1(path: &Path) {
    let (rows, events, ids) = read(Dataset::Gdelt, path);
    assert_eq!(rows, data_lines(path, 0));
    assert!(events > 0);
    assert_eq!(ids, vec!["564157307", "564443032", "564464892"]);
    assert_eq!(
        ids,
        split_ids(path, 0, 7, 17, "USA", "RUS", &|c| c[0].to_string())
    );
}

/// GDELT 2.0, 61 columns: eight USA–RUS rows.
fn check_gdelt_2(path: &Path) {
    let (rows, _, ids) = read(Dataset::Gdelt, path);
    assert_eq!(rows, data_lines(path, 0));
    assert_eq!(ids.len(), 8);
    assert_eq!(
        ids,
        split_ids(path, 0, 7, 17, "USA", "RUS", &|c| c[0].to_string())
    );
}

/// ICEWS, a header and 20 columns: twenty United States–Russian Federation rows.
fn check_icews(path: &Path) {
    let (rows, _, ids) = read(Dataset::Icews, path);
    assert_eq!(rows, data_lines(path, 1));
    assert_eq!(ids.len(), 20);
    let want = split_ids(
        path,
        1,
        4,
        10,
        "United States",
        "Russian Federation",
        &|c| format!("{}:{}", c[0], c[1]),
    );
    assert_eq!(ids, want);
}

#[test]
fn gdelt_1_mixed_57_and_58_columns() {
    let path = extract("gdelt1-events.extract.csv");
    check_gdelt_1(&path);
    // both widths are in the extract
    let widths: std::collections::BTreeSet<usize> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').count())
        .collect();
    assert_eq!(widths.into_iter().collect::<Vec<_>>(), [57, 58]);
}

#[test]
fn gdelt_2_export() {
    check_gdelt_2(&extract("gdelt2-20150218230000.export.extract.CSV"));
}

#[test]
fn icews_sample() {
    check_icews(&extract("icews-events.2018.sample.extract.tab"));
}

/// The same checks on the whole files (710, 2271 and 3705 rows).
#[test]
fn opt_in_whole_reference_files() {
    let Some(data) = opt_in::suite(
        "dyad-import tests/real_files.rs, the whole reference files",
        "reference/data",
    ) else {
        return;
    };
    let gdelt_1 = data.join("reed9999__gdelt-demo/events.csv");
    check_gdelt_1(&gdelt_1);
    assert_eq!(data_lines(&gdelt_1, 0), 710);
    let gdelt_2 = data.join("media-dashboard__bootstrap-db/20150218230000.export.CSV");
    check_gdelt_2(&gdelt_2);
    assert_eq!(data_lines(&gdelt_2, 0), 2271);
    let icews = data.join("andybega__icews/events.2018.sample.tab");
    check_icews(&icews);
    assert_eq!(data_lines(&icews, 1), 3705);
}
