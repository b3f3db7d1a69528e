//! `dyad import` and `dyad compare` on the field's real files and on malformed ones: always on
//! the extracts in `tests-data/datasets/` (provenance in its README), and with `DYAD_SHARED` set
//! also on the whole files in `$DYAD_SHARED/reference/data`. Every USA–RUS figure is recomputed
//! here with a plain tab split, independently of dyad-import's parser, and checked against
//! `dyad index` and the store.

mod common;

use common::{dataset, gz, line_count, opt_in, zip, Harness, Run};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The three files of one run: GDELT 1.0, GDELT 2.0, ICEWS.
struct Files {
    gdelt1: PathBuf,
    gdelt2: PathBuf,
    icews: PathBuf,
}

/// The extracts committed in `tests-data/datasets/`.
fn extracts() -> Files {
    Files {
        gdelt1: dataset("gdelt1-events.extract.csv"),
        gdelt2: dataset("gdelt2-20150218230000.export.extract.CSV"),
        icews: dataset("icews-events.2018.sample.extract.tab"),
    }
}

/// Data lines of a file (all lines, less `header` lines).
fn data_lines(path: &Path, header: u64) -> u64 {
    line_count(path) as u64 - header
}

/// `dyad import DATASET FILES --format json` on the database `db`.
fn import(h: &Harness, db: &str, dataset: &str, files: &[&Path]) -> Run {
    Run::of(
        h.cmd_on(db)
            .args(["import", dataset, "--format", "json"])
            .args(files),
    )
}

/// Per month and direction: rows, QuadClass counts, Goldstein sum — computed independently.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    rows: u64,
    quad: [u64; 4],
    goldstein: f64,
    ids: Vec<String>,
}

type Figures = BTreeMap<(String, String), Tally>;

fn tally(f: &mut Figures, month: String, dir: &str, quad: usize, g: f64, id: String) {
    let t = f.entry((month, dir.to_string())).or_default();
    t.rows += 1;
    t.quad[quad - 1] += 1;
    t.goldstein += g;
    t.ids.push(id);
}

/// USA–RUS rows of a GDELT file, as SOURCES.md counts them: Actor1CountryCode / Actor2CountryCode
/// (0-based columns 7 and 17) = {USA, RUS}; QuadClass and GoldsteinScale as written.
fn gdelt_figures(text: &str, f: &mut Figures) {
    for line in text.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        let dir = match (c[7], c[17]) {
            ("USA", "RUS") => "USA->RUS",
            ("RUS", "USA") => "RUS->USA",
            _ => continue,
        };
        let month = format!("{}-{}", &c[1][..4], &c[1][4..6]);
        tally(
            f,
            month,
            dir,
            c[29].parse().unwrap(),
            c[30].parse().unwrap(),
            c[0].into(),
        );
    }
}

/// USA–RUS rows of the ICEWS sample: Source / Target Country = {United States, Russian
/// Federation}; QuadClass from the CAMEO root by dyad's table (01-05, 06-09, 10-14, 15-20).
fn icews_figures(text: &str, f: &mut Figures) {
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        let dir = match (c[4], c[10]) {
            ("United States", "Russian Federation") => "USA->RUS",
            ("Russian Federation", "United States") => "RUS->USA",
            _ => continue,
        };
        // A code that lost its leading zero (`40`) is no root (roots are 01-20).
        let code = if c[6].len() == 2 && c[6] > "20" {
            format!("0{}", c[6])
        } else {
            c[6].to_string()
        };
        let root: u32 = code[..2].parse().unwrap();
        let quad = match root {
            1..=5 => 1,
            6..=9 => 2,
            10..=14 => 3,
            _ => 4,
        };
        tally(
            f,
            c[1][..7].to_string(),
            dir,
            quad,
            c[7].parse().unwrap(),
            format!("{}:{}", c[0], c[1]),
        );
    }
}

fn check_index(h: &Harness, db: &str, expected: &Figures) {
    let run = h.run_on(
        db,
        &[
            "index", "--origin", "imported", "--freq", "month", "--format", "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = run.json();
    let mut seen = 0;
    for r in rows.as_array().unwrap() {
        let period = r["period"].as_str().unwrap();
        for dir in ["USA->RUS", "RUS->USA"] {
            let got = &r["by_direction"][dir];
            let want = expected.get(&(period.to_string(), dir.to_string()));
            let n = got["events"].as_u64().unwrap();
            match want {
                None => assert_eq!(n, 0, "{period} {dir}"),
                Some(t) => {
                    seen += 1;
                    assert_eq!(n, t.rows, "{period} {dir}");
                    for q in 1..=4 {
                        assert_eq!(
                            got["quad"][q.to_string()].as_u64().unwrap(),
                            t.quad[q - 1],
                            "{period} {dir} quad {q}"
                        );
                    }
                    let g = got["goldstein_sum"].as_f64().unwrap();
                    assert!(
                        (g - t.goldstein).abs() < 1e-9,
                        "{period} {dir}: {g} vs {}",
                        t.goldstein
                    );
                }
            }
        }
    }
    assert_eq!(
        seen,
        expected.len(),
        "every expected month and direction appears"
    );
}

fn store_ids(h: &Harness, db: &str, dataset: &str) -> Vec<String> {
    let conn = h.store(db);
    let mut stmt = conn
        .prepare(
            "SELECT native_id FROM events WHERE origin = 'imported' AND dataset = ?1
             AND ((source = 'USA' AND target = 'RUS') OR (source = 'RUS' AND target = 'USA'))
             ORDER BY native_id",
        )
        .unwrap();
    stmt.query_map([dataset], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap()
}

#[test]
fn real_files_give_the_reference_figures_and_reimport_is_idempotent() {
    check_reference_figures(&extracts());
}

/// The same on the whole files (710 + 2271 GDELT rows, 3705 ICEWS rows).
#[test]
fn opt_in_whole_reference_files() {
    let Some(data) = opt_in::suite(
        "dyad tests/import.rs, the whole reference files",
        "reference/data",
    ) else {
        return;
    };
    let files = Files {
        gdelt1: data.join("reed9999__gdelt-demo/events.csv"),
        gdelt2: data.join("media-dashboard__bootstrap-db/20150218230000.export.CSV"),
        icews: data.join("andybega__icews/events.2018.sample.tab"),
    };
    assert_eq!(
        (
            data_lines(&files.gdelt1, 0),
            data_lines(&files.gdelt2, 0),
            data_lines(&files.icews, 1)
        ),
        (710, 2271, 3705)
    );
    check_reference_figures(&files);
}

fn check_reference_figures(files: &Files) {
    let h = Harness::new();
    let mut expected = Figures::new();
    for f in [&files.gdelt1, &files.gdelt2] {
        gdelt_figures(&std::fs::read_to_string(f).unwrap(), &mut expected);
    }
    let icews_text = std::fs::read_to_string(&files.icews).unwrap();
    icews_figures(&icews_text, &mut expected);
    // SOURCES.md's reference figures, as a check on the independent computation itself.
    let total = |month: &str| -> (u64, f64) {
        expected
            .iter()
            .filter(|((m, _), _)| m == month)
            .fold((0, 0.0), |(n, g), (_, t)| (n + t.rows, g + t.goldstein))
    };
    assert_eq!(total("2015-02"), (8, 20.0));
    let (n, g) = total("2016-07");
    assert_eq!(n, 3);
    assert!((g + 1.6).abs() < 1e-9);
    let (n, g) = total("2018-06");
    assert_eq!(n, 20);
    assert!((g / 20.0 - 1.44).abs() < 1e-9);
    assert_eq!(
        expected[&("2018-06".to_string(), "USA->RUS".to_string())].quad,
        [4, 0, 1, 1]
    );

    let gdelt = [files.gdelt1.as_path(), files.gdelt2.as_path()];
    let run = import(&h, "a.db", "gdelt", &gdelt);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = run.json();
    assert_eq!(
        s["rows"],
        data_lines(&files.gdelt1, 0) + data_lines(&files.gdelt2, 0)
    );
    assert_eq!(s["bad"], 0);
    assert_eq!(
        s["stored"].as_u64().unwrap() + s["present"].as_u64().unwrap(),
        s["stored"].as_u64().unwrap()
    );
    let run = import(&h, "a.db", "icews", &[files.icews.as_path()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["rows"], data_lines(&files.icews, 1));
    check_index(&h, "a.db", &expected);

    // The store holds exactly the expected events, keyed by their native ids.
    let ids = |pred: &dyn Fn(&str) -> bool| {
        let mut v: Vec<String> = expected
            .iter()
            .filter(|((m, _), _)| pred(m))
            .flat_map(|(_, t)| t.ids.clone())
            .collect();
        v.sort();
        v
    };
    assert_eq!(store_ids(&h, "a.db", "gdelt"), ids(&|m| m != "2018-06"));
    assert_eq!(store_ids(&h, "a.db", "icews"), ids(&|m| m == "2018-06"));

    // Importing again stores nothing new and changes no figure.
    let run = import(&h, "a.db", "gdelt", &gdelt);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let again = run.json();
    assert_eq!(again["stored"], 0);
    assert_eq!(again["present"], s["stored"]);
    let run = import(&h, "a.db", "icews", &[files.icews.as_path()]);
    assert_eq!(run.json()["stored"], 0);
    check_index(&h, "a.db", &expected);

    // Compare: the curated chronology against GDELT over their common months.
    let run = h.run_on(
        "a.db",
        &[
            "compare",
            "--a",
            "curated",
            "--b",
            "imported:gdelt",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c = run.json();
    assert_eq!(c["b"]["events"], 11);
    assert_eq!(c["b"]["source"], "imported:gdelt");
    assert_eq!(c["overlap"][0], "2015-02");
    assert_eq!(c["overlap"][1], "2016-07");
    let events = &c["measures"][0];
    assert_eq!(events["measure"], "events");
    assert_eq!(events["n"], 18);
    let top = &events["disagreements"][0];
    let behind = top["events_b"].as_array().unwrap();
    assert!(!behind.is_empty(), "{top}");
    assert_eq!(behind[0]["dataset"], "gdelt");
    assert!(behind[0]["native_id"].as_str().is_some());
    // A dataset goes with imported only.
    let run = h.run_on(
        "a.db",
        &["compare", "--a", "curated:gdelt", "--b", "imported"],
    );
    assert_eq!(run.code, 2);
}

#[test]
fn gzip_and_zip_inputs_equal_plain_input() {
    let h = Harness::new();
    let source = extracts().gdelt2;
    let text = std::fs::read(&source).unwrap();
    let rows = data_lines(&source, 0);
    let plain = h.write("e.CSV", &text);
    let g = h.write("e.CSV.gz", &gz(&text));
    let z = h.write("e.CSV.zip", &zip("20150218230000.export.CSV", &text));
    let mut indexes = Vec::new();
    for (db, f) in [("p.db", &plain), ("g.db", &g), ("z.db", &z)] {
        let run = import(&h, db, "gdelt", &[f]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let s = run.json();
        assert_eq!(
            (s["rows"].as_u64(), s["bad"].as_u64()),
            (Some(rows), Some(0))
        );
        let idx = h.run_on(db, &["index", "--origin", "imported", "--format", "json"]);
        indexes.push(idx.json());
        let conn = h.store(db);
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM events WHERE dataset = 'gdelt'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, s["stored"].as_i64().unwrap());
    }
    assert_eq!(indexes[0], indexes[1]);
    assert_eq!(indexes[0], indexes[2]);
}

#[test]
fn malformed_inputs_are_reported_with_file_and_line_and_nothing_else_is_lost() {
    let h = Harness::new();
    let text = std::fs::read_to_string(extracts().gdelt2).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // The three damaged lines (101-103) must not be USA-RUS rows.
    assert!(lines.len() > 110);
    // USA-RUS rows of the file, by line: 410414013 is one of them.
    let usa_rus = lines
        .iter()
        .filter(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            matches!((c[7], c[17]), ("USA", "RUS") | ("RUS", "USA"))
        })
        .count();
    assert_eq!(usa_rus, 8);
    let mut bad = Vec::new();
    bad.extend(lines[..100].iter().map(|l| l.as_bytes().to_vec()));
    bad.push(b"1\t2\t3".to_vec()); // line 101: wrong column count
    let mut cols: Vec<&str> = lines[100].split('\t').collect();
    cols[1] = "20140231";
    bad.push(cols.join("\t").into_bytes()); // 102: bad date
    let mut invalid = lines[101].as_bytes().to_vec();
    invalid.splice(20..20, [0xffu8, 0xfe]);
    bad.push(invalid); // 103: invalid UTF-8
    bad.extend(lines[102..].iter().map(|l| l.as_bytes().to_vec()));
    let mut joined = bad.join(&b'\n');
    joined.push(b'\n');
    let f = h.write("bad.CSV", &joined);
    // A truncated zip beside it.
    let z = zip("x.CSV", text.as_bytes());
    let t = h.write("cut.zip", &z[..z.len() / 2]);
    // A gzip cut in the middle: the rows before the cut are kept.
    let g = gz(text.as_bytes());
    let tg = h.write("cut.CSV.gz", &g[..g.len() / 2]);

    let run = import(&h, "m.db", "gdelt", &[&f, &t, &tg]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let name = f.display().to_string();
    for (line, what) in [
        (101, "expected 57, 58 or 61"),
        (102, "SQLDATE `20140231`"),
        (103, "invalid UTF-8"),
    ] {
        let want = format!("{name}:{line}: ");
        assert!(
            run.stderr
                .lines()
                .any(|l| l.contains(&want) && l.contains(what)),
            "{want}{what} not in\n{}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("cut.zip"), "{}", run.stderr);
    assert!(run.stderr.contains("cut.CSV.gz:"), "{}", run.stderr);
    let s = run.json();
    let files = s["files"].as_array().unwrap();
    assert_eq!(files[0]["bad"], 3);
    assert_eq!(files[0]["rows"], lines.len() + 1);
    assert!(files[1]["error"].as_str().unwrap().contains("cut.zip"));
    assert!(files[2]["error"].as_str().unwrap().contains("truncated"));
    // Every good row of bad.CSV is stored: the same USA-RUS figures as the clean file.
    let idx = h.run_on(
        "m.db",
        &["index", "--origin", "imported", "--format", "json"],
    );
    let months = idx.json();
    let feb = months
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["period"] == "2015-02")
        .unwrap();
    assert_eq!(feb["events"], 8);
}

fn polecat_row(id: &str, kind: &str, a: &str, r: &str, date: &str) -> String {
    let mut f = vec![""; 40];
    f[0] = id;
    f[1] = date;
    f[2] = kind;
    f[4] = "0";
    f[7] = "Actor";
    f[8] = a;
    f[10] = "GOV";
    f[15] = "Recipient";
    f[16] = r;
    f[18] = "GOV";
    f[34] = date;
    f[38] = "en";
    f[39] = "1.0";
    f.join("\t")
}

#[test]
fn polecat_files_with_known_malformations_are_repaired_or_reported() {
    let h = Harness::new();
    let names = [
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
    let mut headline = names.to_vec();
    headline.insert(34, "Headline");
    let file1 = [
        headline.join("\t"),
        polecat_row("p1", "CONSULT", "USA", "RUS", "2022-01-10"),
        polecat_row("p2", "SANCTION", "USA", "RUS", "2022-02-22"),
        polecat_row("p3", "ACCUSE", "RUS", "USA", "2022-02-23"),
    ]
    .join("\n");
    let file2 = [
        names.join("\t"),
        format!(
            "{}\t\t",
            polecat_row("p4", "AGREE", "RUS", "USA", "2022-01-12")
        ),
        format!(
            "{}\tstray",
            polecat_row("p5", "AGREE", "RUS", "USA", "2022-01-12")
        ),
        polecat_row("p6", "ASSAULT", "RUS", "UKR", "2022-02-24"),
        polecat_row("p7", "CONSULT", "USA;GBR", "RUS", "2022-02-24"),
        polecat_row("p8", "CONSULT", "USA", "", "2022-02-24"),
    ]
    .join("\n");
    let dir = h.path("polecat");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ngecEvents.DV.1.txt"), file1).unwrap();
    std::fs::write(dir.join("ngecEvents.DV.2.txt"), file2).unwrap();
    let run = import(&h, "p.db", "polecat", &[&dir]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("ngecEvents.DV.2.txt:3: expected 40 tab-separated columns (POLECAT), found 41 and the excess ones are not empty"),
        "{}",
        run.stderr
    );
    let s = run.json();
    assert_eq!(s["stored"], 5);
    assert_eq!(s["bad"], 1);
    assert_eq!(s["skipped"]["several_countries"], 1);
    assert_eq!(s["skipped"]["no_state_actor"], 1);
    assert!(s["files"][0]["repairs"][0]
        .as_str()
        .unwrap()
        .contains("Headline"));
    assert!(s["files"][1]["repairs"][0]
        .as_str()
        .unwrap()
        .contains("1 rows"));
    let idx = h
        .run_on(
            "p.db",
            &["index", "--origin", "imported", "--format", "json"],
        )
        .json();
    let jan = &idx[0];
    assert_eq!(jan["period"], "2022-01");
    assert_eq!(jan["events"], 2);
    assert!((jan["goldstein_sum"].as_f64().unwrap() - (2.1 + 4.2)).abs() < 1e-9);
    let feb = &idx[1];
    assert_eq!(feb["events"], 2);
    assert_eq!(feb["quad"]["3"], 2);
    let ev = h
        .run_on(
            "p.db",
            &["events", "--origin", "imported", "--format", "json"],
        )
        .json();
    let sanction = ev
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["native_id"] == "p2")
        .unwrap();
    assert_eq!(sanction["plover"], "SANCTION");
    assert_eq!(sanction["cameo"], "16");
    assert_eq!(sanction["dataset"], "polecat");
}
