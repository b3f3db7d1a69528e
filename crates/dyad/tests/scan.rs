//! `dyad scan gdelt`: the flow measures of USA–RUS straight from real GDELT files, checked
//! against the reference figures of the files' USA–RUS rows and against an independent
//! computation (a plain split on tabs) in this file. Always on the extracts in
//! `tests-data/datasets/` (which keep every USA–RUS row of their sources); with `DYAD_SHARED` set,
//! also on the whole files in `$DYAD_SHARED/reference/data`.

mod common;

use common::{dataset, dyad, gz, line_count, opt_in, zip, Harness, Run};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// GDELT 2.0, 61 columns: an extract of the first GDELT 2.0 export (128 of its 2271 rows).
fn gdelt2() -> PathBuf {
    dataset("gdelt2-20150218230000.export.extract.CSV")
}

/// GDELT 1.0, 58 and 57 columns: an extract of a 710-row sample (103 rows).
fn gdelt1() -> PathBuf {
    dataset("gdelt1-events.extract.csv")
}

/// `dyad scan gdelt ARGS PATHS` (no database: a scan reads files only).
fn scan(args: &[&str], paths: &[&Path]) -> Run {
    Run::of(dyad().args(["scan", "gdelt"]).args(args).args(paths))
}

fn close(a: &Value, b: f64) -> bool {
    common::close(a.as_f64().unwrap(), b)
}

#[test]
fn real_files_give_the_reference_figures() {
    reference_figures(&gdelt2(), &gdelt1());
}

/// The same on the whole files, and the independent split over both.
#[test]
fn opt_in_whole_reference_files() {
    let Some(data) = opt_in::suite(
        "dyad tests/scan.rs, the whole reference files",
        "reference/data",
    ) else {
        return;
    };
    let gdelt2 = data.join("media-dashboard__bootstrap-db/20150218230000.export.CSV");
    let gdelt1 = data.join("reed9999__gdelt-demo/events.csv");
    assert_eq!((line_count(&gdelt2), line_count(&gdelt1)), (2271, 710));
    reference_figures(&gdelt2, &gdelt1);
    independent_split(&[&gdelt2, &gdelt1]);
}

/// The USA–RUS figures of the two GDELT files (SOURCES.md of the shared reference data; every
/// USA–RUS row is in the extracts too).
fn reference_figures(gdelt2: &Path, gdelt1: &Path) {
    // 8 rows (5 USA→RUS, 3 RUS→USA), mean 2.5 / 1.6 / 4.0, sum 20.0, QuadClass 1:6 2:2.
    let r = scan(&["--format", "json"], &[gdelt2]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = r.json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    let m = &rows[0];
    assert_eq!(m["period"], "2015-02");
    assert_eq!(m["events"], 8);
    assert_eq!(
        m["quad"],
        serde_json::json!({"1": 6, "2": 2, "3": 0, "4": 0})
    );
    assert!(close(&m["goldstein_sum"], 20.0));
    assert!(close(&m["goldstein_mean"], 2.5));
    assert!(close(&m["net_cooperation"], 1.0));
    assert_eq!(m["by_direction"]["USA->RUS"]["events"], 5);
    assert_eq!(m["by_direction"]["RUS->USA"]["events"], 3);
    assert!(close(&m["by_direction"]["USA->RUS"]["goldstein_mean"], 1.6));
    assert!(close(&m["by_direction"]["RUS->USA"]["goldstein_mean"], 4.0));
    let summary = format!("{} rows, 8 USA-RUS rows, 0 bad rows", line_count(gdelt2));
    assert!(r.stderr.contains(&summary), "{summary} not in {}", r.stderr);

    // 3 rows, all USA→RUS, sum −1.6, mean −0.5333, QuadClass 1:2 4:1.
    let r = scan(&["--format", "json"], &[gdelt1]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = r.json();
    let m = &rows[0];
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(m["period"], "2016-07");
    assert_eq!(m["events"], 3);
    assert_eq!(
        m["quad"],
        serde_json::json!({"1": 2, "2": 0, "3": 0, "4": 1})
    );
    assert!(close(&m["goldstein_sum"], -1.6));
    assert!(close(&m["goldstein_mean"], -1.6 / 3.0));
    assert!(close(&m["net_cooperation"], 1.0 / 3.0));
    assert_eq!(m["by_direction"]["RUS->USA"]["events"], 0);
    let summary = format!("{} rows, 3 USA-RUS rows, 0 bad rows", line_count(gdelt1));
    assert!(r.stderr.contains(&summary), "{summary} not in {}", r.stderr);
}

/// Per month `YYYYMM`: events, QuadClass counts, Goldstein sum, events per direction — by a
/// plain split on tabs, sharing no code with dyad.
fn independent(files: &[&Path]) -> BTreeMap<String, (u64, [u64; 4], f64, [u64; 2])> {
    let mut out: BTreeMap<String, (u64, [u64; 4], f64, [u64; 2])> = BTreeMap::new();
    for f in files {
        let bytes = std::fs::read(f).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            let c: Vec<&str> = line.split('\t').collect();
            assert!([57, 58, 61].contains(&c.len()));
            let dir = match (c[7], c[17]) {
                ("USA", "RUS") => 0,
                ("RUS", "USA") => 1,
                _ => continue,
            };
            let e = out.entry(c[1][..6].to_string()).or_default();
            e.0 += 1;
            e.1[c[29].parse::<usize>().unwrap() - 1] += 1;
            e.2 += c[30].parse::<f64>().unwrap();
            e.3[dir] += 1;
        }
    }
    out
}

#[test]
fn agrees_with_an_independent_split_on_tabs() {
    independent_split(&[&gdelt2(), &gdelt1()]);
}

fn independent_split(files: &[&Path]) {
    let expected = independent(files);
    let r = scan(&["--format", "json", "--threads", "3"], files);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = r.json();
    let rows = rows.as_array().unwrap();
    // 2015-02 to 2016-07 without gaps: empty months appear with zeros.
    assert_eq!(rows.len(), 18);
    for row in rows {
        let key = row["period"].as_str().unwrap().replace('-', "");
        let (n, quad, sum, dirs) = expected.get(&key).copied().unwrap_or_default();
        assert_eq!(row["events"], n, "{key}");
        for q in 0..4 {
            assert_eq!(row["quad"][(q + 1).to_string()], quad[q], "{key}");
        }
        assert!(close(&row["goldstein_sum"], sum), "{key}");
        let mean = if n > 0 { sum / n as f64 } else { 0.0 };
        assert!(close(&row["goldstein_mean"], mean), "{key}");
        assert_eq!(row["by_direction"]["USA->RUS"]["events"], dirs[0]);
        assert_eq!(row["by_direction"]["RUS->USA"]["events"], dirs[1]);
        assert_eq!(row["by_domain"], serde_json::json!({}));
    }
    assert_eq!(expected.len(), 2);

    // Quarters and years add the same events up.
    let r = scan(&["--format", "json", "--freq", "year"], files);
    let years = r.json();
    let years: Vec<(String, u64)> = years
        .as_array()
        .unwrap()
        .iter()
        .map(|y| {
            (
                y["period"].as_str().unwrap().to_string(),
                y["events"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(years, [("2015".to_string(), 8), ("2016".to_string(), 3)]);
    let r = scan(&["--format", "csv", "--freq", "quarter"], files);
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        "period,events,q1,q2,q3,q4,goldstein_sum,goldstein_mean,net_coop,USA->RUS,RUS->USA"
    );
    assert_eq!(lines.next().unwrap(), "2015-Q1,8,6,2,0,0,20,2.5,1,5,3");
    assert_eq!(
        lines.last().unwrap(),
        "2016-Q3,3,2,0,0,1,-1.6,-0.5333333333333333,0.3333333333333333,3,0"
    );
}

#[test]
fn gzip_and_zip_inputs_equal_plain() {
    let h = Harness::new();
    let plain = scan(&["--format", "json"], &[&gdelt2(), &gdelt1()]);
    assert_eq!(plain.code, 0);

    let gz_path = h.write("a.export.CSV.gz", &gz(&std::fs::read(gdelt2()).unwrap()));
    let zip_path = h.write(
        "b.zip",
        &zip("events.csv", &std::fs::read(gdelt1()).unwrap()),
    );

    let both = scan(&["--format", "json"], &[&gz_path, &zip_path]);
    assert_eq!(both.code, 0, "{}", both.stderr);
    assert_eq!(both.json(), plain.json());
    // A directory is walked: the same two files.
    let walked = scan(&["--format", "json"], &[h.dir()]);
    assert_eq!(walked.json(), plain.json());
    assert!(
        walked.stderr.contains("scanned 2 inputs"),
        "{}",
        walked.stderr
    );
}

#[test]
fn bad_rows_are_counted_and_located_and_the_rest_is_scanned() {
    let h = Harness::new();
    let text = std::fs::read_to_string(gdelt2()).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let dyad_lines: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[7] == "USA" && c[17] == "RUS") || (c[7] == "RUS" && c[17] == "USA")
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(dyad_lines.len(), 8);
    // Line 3: a column lost. Line of the first USA–RUS row: an impossible date.
    let mut cols: Vec<&str> = lines[2].split('\t').collect();
    cols.remove(40);
    lines[2] = cols.join("\t");
    let first = dyad_lines[0];
    lines[first] = lines[first].replacen("\t20150218\t", "\t20150231\t", 1);
    let bad = h.write("bad.CSV", (lines.join("\n") + "\n").as_bytes());

    let r = scan(&["--format", "json"], &[&bad]);
    assert_eq!(
        r.code, 0,
        "bad rows alone do not fail the scan: {}",
        r.stderr
    );
    let rows = r.json();
    assert_eq!(rows[0]["events"], 7);
    assert!(
        r.stderr.contains(&format!(
            "bad.CSV: 2 of {} rows left out (1 wrong column count, 1 bad SQLDATE)",
            lines.len()
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("bad.CSV:3: 60 columns"), "{}", r.stderr);
    let located = format!(
        "bad.CSV:{}: SQLDATE (column 2) is not a date YYYYMMDD (`20150231`)",
        first + 1
    );
    assert!(r.stderr.contains(&located), "{}", r.stderr);
}

#[test]
fn unreadable_inputs_exit_1_and_the_rest_is_scanned() {
    let h = Harness::new();
    let missing = h.path("missing.CSV");
    let r = scan(&["--format", "json"], &[&missing, &gdelt1()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("missing.CSV"), "{}", r.stderr);
    assert_eq!(r.json()[0]["events"], 3);

    // A gzip stream cut short: what was decompressed is counted, the input is reported.
    let bytes = gz(&std::fs::read(gdelt2()).unwrap());
    let cut = h.write("cut.gz", &bytes[..bytes.len() / 2]);
    let r = scan(&["--format", "json"], &[&cut]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("cut.gz: read error"), "{}", r.stderr);

    let r = scan(&["--dyad", "USA-RUSSIA"], &[&gdelt1()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// Where the scan's whole output on the dataset extracts is pinned.
fn golden_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scan/golden.txt")
}

/// `dyad scan gdelt`'s whole output — stdout, stderr (the timing masked) and exit code — on the
/// extracts, a copy of the 2.0 extract with a bad row of each kind and mixed inputs, in every
/// format and frequency, pinned in `tests/scan/golden.txt`, so a change of the reader, the
/// aggregation or the printing shows as a diff. `DYAD_BLESS=1 cargo test -p dyad --test scan`
/// rewrites it; say why in the commit.
#[test]
fn the_output_on_the_extracts_is_pinned() {
    let h = Harness::new();
    let g2 = std::fs::read_to_string(gdelt2()).unwrap();
    let g1 = std::fs::read_to_string(gdelt1()).unwrap();
    h.write("g2.CSV", g2.as_bytes());
    h.write("g1.csv", g1.as_bytes());
    h.write("g2.CSV.gz", &gz(g2.as_bytes()));
    // The 2.0 extract with a bad row of each kind: a lost column, DATEADDED cut, in the dyad's
    // rows an impossible date, an unknown code, Goldstein out of range, QuadClass 7, a bad id;
    // then two 1.0 rows (another layout than the first row's) and a header.
    let mut lines: Vec<String> = g2.lines().map(str::to_string).collect();
    let set = |line: &mut String, col: usize, value: &str| {
        let mut c: Vec<&str> = line.split('\t').collect();
        c[col] = value;
        *line = c.join("\t");
    };
    let mut cols: Vec<&str> = lines[2].split('\t').collect();
    cols.remove(40);
    lines[2] = cols.join("\t");
    set(&mut lines[4], 59, "2015");
    set(&mut lines[120], 1, "20150231");
    set(&mut lines[121], 26, "999");
    set(&mut lines[122], 30, "12.5");
    set(&mut lines[123], 29, "7");
    set(&mut lines[124], 0, "x1");
    lines.extend(g1.lines().take(2).map(str::to_string));
    lines.insert(0, "GLOBALEVENTID\tSQLDATE".into());
    h.write("bad.CSV", (lines.join("\n") + "\n").as_bytes());

    let mut cases: Vec<Vec<&str>> = Vec::new();
    for files in [&["g2.CSV"][..], &["g1.csv"], &["g2.CSV", "g1.csv"]] {
        for format in ["table", "csv", "json"] {
            for freq in ["month", "quarter", "year"] {
                let mut c = vec!["--format", format, "--freq", freq];
                c.extend(files);
                cases.push(c);
            }
        }
        for dyad in ["CHN-USA", "RUS-UKR"] {
            let mut c = vec!["--dyad", dyad, "--format", "csv", "--threads", "1"];
            c.extend(files);
            cases.push(c);
        }
    }
    for c in [
        &["--format", "csv", "bad.CSV"][..],
        &["--format", "json", "--threads", "3", "bad.CSV", "g2.CSV"],
        &["--format", "csv", "g2.CSV.gz", "g2.CSV", "."],
        &["--format", "csv", "missing.CSV", "g1.csv"],
        &["--dyad", "US-RUS", "g2.CSV"],
        &["--threads", "0", "g2.CSV"],
    ] {
        cases.push(c.to_vec());
    }
    let mut got = String::from(
        "# `dyad scan gdelt` on the extracts (tests/scan.rs, the_output_on_the_extracts_is_pinned).\n\
         # Re-bless with DYAD_BLESS=1 and say why.\n",
    );
    for args in &cases {
        let r = Run::of(
            dyad()
                .current_dir(h.dir())
                .args(["scan", "gdelt"])
                .args(args),
        );
        let stderr: Vec<String> = r.stderr.lines().map(mask_timing).collect();
        got.push_str(&format!(
            "\n## {}\nexit {}\n{}-- stderr\n{}\n",
            args.join(" "),
            r.code,
            r.stdout,
            stderr.join("\n")
        ));
    }
    if std::env::var_os("DYAD_BLESS").is_some() {
        std::fs::write(golden_path(), &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(golden_path()).unwrap_or_default();
    if got != want {
        let keep = std::env::temp_dir().join("dyad-scan-golden.txt");
        std::fs::write(&keep, &got).unwrap();
        panic!(
            "the scan's output changed (kept at {}; diff it with {}). If that is meant, re-bless \
             with DYAD_BLESS=1 and give the reason.",
            keep.display(),
            golden_path().display()
        );
    }
}

/// The summary line without its time and speed, which change from run to run.
fn mask_timing(line: &str) -> String {
    match (line.find(" MB in "), line.find(" MB/s): ")) {
        (Some(i), Some(j)) if line.starts_with("dyad: scanned") && i < j => {
            format!("{}T s (R{}", &line[..i + 7], &line[j..])
        }
        _ => line.to_string(),
    }
}
