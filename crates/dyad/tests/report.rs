//! `dyad report` held byte for byte: the built-in record's reports, rendered by the binary on a
//! fresh database, must hash to the digests in `tests/report/golden.tsv`. Refactors of the
//! report (its model, sections, catalogues, and later its move into a library crate) keep its
//! output identical; a change that means to alter the report re-blesses the digests, with its
//! reason in the commit:
//!
//! ```text
//! DYAD_BLESS=1 cargo test -p dyad --test report
//! ```
//!
//! Two things in a report do not come from its data and are fixed or normalised here: the day
//! sources are cited as consulted (GB/T 7714's [引用日期], today by default) is fixed with
//! `--cited`, so the digests hold on any day; and the version of dyad, which the page names, is
//! replaced by `VERSION`, so that a release does not re-bless them.

mod common;

use common::{Harness, Run};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The day every golden report cites its sources as consulted.
const CITED: &str = "2026-01-01";

/// The reports held: a name, then the arguments of `dyad report`.
const REPORTS: [(&str, &[&str]); 6] = [
    ("usa-rus-en", &["--lang", "en"]),
    ("usa-rus-zh", &["--lang", "zh"]),
    (
        "usa-rus-2010-2020-en",
        &["--lang", "en", "--from", "2010-01", "--to", "2020-12"],
    ),
    (
        "usa-rus-2010-2020-zh",
        &["--lang", "zh", "--from", "2010-01", "--to", "2020-12"],
    ),
    // a dyad the record does not hold: every "cannot say" path of an empty report
    ("usa-chn-en", &["--dyad", "USA-CHN", "--lang", "en"]),
    (
        "usa-rus-compare-en",
        &["--lang", "en", "--compare", "FRA-DEU"],
    ),
];

fn golden_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/report/golden.tsv")
}

/// name → (bytes, SHA-256) as committed.
fn golden() -> BTreeMap<String, (usize, String)> {
    let text = std::fs::read_to_string(golden_path()).unwrap_or_default();
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "golden.tsv: `{l}` is not name, bytes, sha256");
            (f[0].to_string(), (f[1].parse().unwrap(), f[2].to_string()))
        })
        .collect()
}

/// Renders one report on a fresh database and normalises the version.
fn render(h: &Harness, name: &str, args: &[&str]) -> String {
    let mut args = args.to_vec();
    args.extend(["--cited", CITED]);
    let html = h.report(&format!("{name}.html"), &args);
    let version = format!("dyad {}", env!("CARGO_PKG_VERSION"));
    // the generator's meta element and the line under the title
    assert_eq!(html.matches(&version).count(), 2, "{name}: version");
    html.replace(&version, "dyad VERSION")
}

fn sha256(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_built_in_reports_are_byte_identical_to_the_golden_digests() {
    let h = Harness::new();
    let mut got = BTreeMap::new();
    for (name, args) in REPORTS {
        let html = render(&h, name, args);
        // Not vacuous: a whole report, with its events and, in Chinese, the fixed citation day.
        assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
        if name.starts_with("usa-rus") {
            assert!(html.matches("id=\"ev-").count() >= 500, "{name}: events");
            assert!(html.len() > 500_000, "{name}: {} bytes", html.len());
        }
        if name.ends_with("-zh") {
            assert!(html.contains(&format!("[{CITED}]")), "{name}: --cited");
        }
        got.insert(name.to_string(), (html.len(), sha256(&html), html));
    }
    if std::env::var_os("DYAD_BLESS").is_some() {
        let mut text = String::from(
            "# `dyad report` of the built-in record (tests/report.rs): name, bytes, SHA-256 of the\n\
             # page with the version replaced by VERSION. Re-bless with DYAD_BLESS=1 and say why.\n",
        );
        for (name, (len, digest, _)) in &got {
            text.push_str(&format!("{name}\t{len}\t{digest}\n"));
        }
        std::fs::write(golden_path(), text).unwrap();
        return;
    }
    let want = golden();
    assert_eq!(
        want.keys().collect::<Vec<_>>(),
        got.keys().collect::<Vec<_>>(),
        "golden.tsv does not list the reports of this test: bless it (DYAD_BLESS=1)"
    );
    let mut differ = Vec::new();
    for (name, (len, digest, html)) in &got {
        let (want_len, want_digest) = &want[name];
        if (len, digest) != (want_len, want_digest) {
            let keep = std::env::temp_dir().join(format!("dyad-report-{name}.html"));
            std::fs::write(&keep, html).unwrap();
            differ.push(format!(
                "{name}: {len} bytes, sha256 {digest}; golden {want_len} bytes, {want_digest} \
                 (this report is kept at {})",
                keep.display()
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "the report changed. If that is meant, re-bless with DYAD_BLESS=1 and give the reason; \
         otherwise compare with the report of the commit before (same --cited):\n{}",
        differ.join("\n")
    );
}

#[test]
fn cited_must_be_a_day() {
    let h = Harness::new();
    for bad in ["2026-01", "yesterday", "2026-13-01"] {
        let run = Run::of(
            h.cmd()
                .args(["report", "--cited", bad, "--out"])
                .arg(h.path("r.html")),
        );
        assert_eq!(run.code, 2, "{bad}");
        assert!(run.stderr.contains("--cited"), "{bad}");
    }
}
