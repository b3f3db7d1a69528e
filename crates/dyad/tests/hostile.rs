//! The command line against hostile and careless input: a clear error naming the input, the
//! rest of the call done, never an abort, a hang, or a change to a file that is not dyad's.

mod common;

use common::{pdf_objects, Harness, Run};
use serde_json::Value;
use std::time::Duration;

/// Runs dyad with `--db DB` (relative to the temp dir) in the temp dir, killed after 60 s so that
/// a hang fails the test instead of blocking it, expecting exit code `code`; returns stdout and
/// stderr.
fn run(h: &Harness, db: &str, args: &[&str], code: i32) -> (String, String) {
    let run = Run::of(
        h.cmd_on(db)
            .current_dir(h.dir())
            .timeout(Duration::from_secs(60))
            .args(args),
    )
    .expect(code);
    (run.stdout, run.stderr)
}

/// A one-page PDF whose form XObject `/X1` draws itself (under 1 KB).
fn self_drawing_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 4 0 R >> >> /Contents 6 0 R >>".to_string(),
        pdf_objects::stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X1 4 0 R >> >>",
            "/X1 Do",
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        pdf_objects::stream("", "BT /F1 12 Tf 72 700 Td (Presidents met in Geneva.) Tj ET /X1 Do"),
    ];
    pdf_objects::pdf(&objects)
}

fn deep_html() -> Vec<u8> {
    let mut html = String::from("<html><body><p>Presidents met in Geneva.</p>");
    html.push_str(&"<b>".repeat(50_000));
    html.push_str("The ministers agreed to meet again.</body></html>");
    html.into_bytes()
}

fn documents(stdout: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    common::documents(&v).clone()
}

#[test]
fn files_built_to_overflow_the_stack_fail_alone_and_the_rest_is_stored() {
    let h = Harness::new();
    let pdf = self_drawing_pdf();
    assert!(pdf.len() < 1000, "{} bytes", pdf.len());
    h.write("in/a-loop.pdf", &pdf);
    h.write("in/b-deep.html", &deep_html());
    h.write(
        "in/c-ok.txt",
        "2025年2月12日，特朗普与普京通电话。".as_bytes(),
    );
    let (stdout, stderr) = run(&h, "dyad.db", &["ingest", "in", "--format", "json"], 1);
    let docs = documents(&stdout);
    assert_eq!(docs.len(), 3, "{stdout}");
    assert_eq!(docs[0]["status"], "failed");
    let error = docs[0]["error"].as_str().unwrap();
    assert!(error.contains("draws itself"), "{error}");
    assert!(
        stderr.contains("a-loop.pdf") && stderr.contains("draws itself"),
        "{stderr}"
    );
    assert_eq!(docs[1]["status"], "new", "deep HTML is read: {stdout}");
    assert_eq!(docs[2]["status"], "new");
    assert!(docs[2]["events"].as_u64().unwrap() >= 1);
}

#[test]
fn fifos_and_devices_are_refused_and_limits_hold() {
    let h = Harness::new();
    h.write("ok.txt", "美俄两国元首举行会晤。".as_bytes());
    let mut args = vec!["ingest", "ok.txt", "--format", "json"];
    #[cfg(unix)]
    {
        let fifo = h.path("pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        args.extend(["pipe.txt", "/dev/zero"]);
    }
    let (stdout, _) = run(&h, "dyad.db", &args, if cfg!(unix) { 1 } else { 0 });
    let docs = documents(&stdout);
    assert_eq!(docs[0]["status"], "new");
    #[cfg(unix)]
    {
        assert!(
            docs[1]["error"].as_str().unwrap().contains("FIFO"),
            "{stdout}"
        );
        assert!(docs[2]["error"].as_str().unwrap().contains("device"));
        // import and scan refuse them too, and go on with the other inputs.
        let (_, stderr) = run(&h, "dyad.db", &["import", "gdelt", "pipe.txt"], 1);
        assert!(
            stderr.contains("pipe.txt") && stderr.contains("FIFO"),
            "{stderr}"
        );
        let (_, stderr) = run(
            &h,
            "dyad.db",
            &["scan", "gdelt", "pipe.txt", "/dev/zero", "--format", "json"],
            1,
        );
        assert!(
            stderr.contains("pipe.txt: a FIFO") && stderr.contains("/dev/zero: a device"),
            "{stderr}"
        );
        // Nor do the commands that read one file: a query, a suite.
        for args in [
            &["sql", "/dev/zero"][..],
            &["sql", "pipe.txt"],
            &["eval", "/dev/zero"],
        ] {
            let (_, stderr) = run(&h, "dyad.db", args, 2);
            assert!(
                stderr.contains("dyad reads only regular files"),
                "{args:?}: {stderr}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn directories_linking_back_to_themselves_are_walked_once() {
    let h = Harness::new();
    h.write("docs/a.txt", "美俄两国元首举行会晤。".as_bytes());
    std::os::unix::fs::symlink(h.path("docs"), h.path("docs/self")).unwrap();
    std::os::unix::fs::symlink(h.path("docs"), h.path("docs/again")).unwrap();
    std::os::unix::fs::symlink(h.path("docs/a.txt"), h.path("docs/b.txt")).unwrap();
    let (stdout, _) = run(&h, "dyad.db", &["ingest", "docs", "--format", "json"], 0);
    let docs = documents(&stdout);
    assert_eq!(docs.len(), 1, "{stdout}");
}

#[test]
fn a_damaged_utf8_file_is_read_as_utf8_with_a_warning() {
    let h = Harness::new();
    let mut bytes = "美俄两国元首在日内瓦举行会晤，讨论了乌克兰问题。"
        .repeat(20)
        .into_bytes();
    bytes.insert(40, 0xFF);
    h.write("damaged.txt", &bytes);
    let (stdout, stderr) = run(
        &h,
        "dyad.db",
        &["ingest", "damaged.txt", "--format", "json"],
        0,
    );
    let docs = documents(&stdout);
    assert_eq!(docs[0]["lang"], "zh");
    assert!(docs[0]["warnings"][0].as_str().unwrap().contains("U+FFFD"));
    assert!(stderr.contains("damaged.txt: warning"), "{stderr}");
}

/// Another program's SQLite database, and its bytes.
fn someapp(h: &Harness) -> Vec<u8> {
    let path = h.path("someapp.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);
         INSERT INTO accounts (name) VALUES ('alice');
         PRAGMA user_version = 3;",
    )
    .unwrap();
    drop(conn);
    std::fs::read(path).unwrap()
}

#[test]
fn another_programs_database_is_refused_untouched_by_every_command() {
    let h = Harness::new();
    let before = someapp(&h);
    h.write("ok.txt", "美俄两国元首举行会晤。".as_bytes());
    for args in [
        &["docs"][..],
        &["doc", "abcd"],
        &["events"],
        &["index"],
        &["chronology"],
        &["ingest", "ok.txt"],
        &["recode"],
    ] {
        let (_, stderr) = run(&h, "someapp.db", args, 2);
        assert!(
            stderr.contains("someapp.db is not a dyad database"),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(std::fs::read(h.path("someapp.db")).unwrap(), before);
    assert!(!h.path("someapp.db-wal").exists());
}

#[test]
fn reading_never_creates_a_database() {
    let h = Harness::new();
    let (_, stderr) = run(&h, "none.db", &["docs"], 2);
    assert!(
        stderr.contains("no dyad database at") && stderr.contains("dyad ingest"),
        "{stderr}"
    );
    // The analyses of the built-in chronology work on a fresh machine, from memory.
    let (stdout, stderr) = run(
        &h,
        "none.db",
        &["index", "--freq", "year", "--format", "json"],
        0,
    );
    assert!(stdout.contains("\"period\""), "{stdout}");
    assert!(stderr.contains("built-in chronology only"), "{stderr}");
    assert!(!h.path("none.db").exists(), "a read created the database");
}

#[test]
fn dyad_sql_never_writes() {
    let h = Harness::new();
    h.write("ok.txt", "美俄两国元首举行会晤。".as_bytes());
    run(&h, "dyad.db", &["ingest", "ok.txt"], 0);
    let before = run(&h, "dyad.db", &["events", "--format", "csv"], 0).0;
    for (i, q) in [
        "DELETE FROM events",
        "UPDATE main.events SET cameo = '010'",
        "DROP TABLE main.documents",
        "PRAGMA user_version = 99",
        "ATTACH 'other.db' AS other",
        "-- a comment first\nINSERT INTO main.meta (key, value) VALUES ('x', 'y')",
        "WITH x AS (SELECT 1) DELETE FROM main.documents",
    ]
    .iter()
    .enumerate()
    {
        let file = format!("q{i}.sql");
        h.write(&file, q.as_bytes());
        let (_, stderr) = run(&h, "dyad.db", &["sql", &file], 2);
        assert!(
            stderr.contains("refused") && stderr.contains(&file),
            "{q}: {stderr}"
        );
    }
    assert!(!h.path("other.db").exists());
    assert_eq!(
        run(&h, "dyad.db", &["events", "--format", "csv"], 0).0,
        before
    );
    h.write(
        "count.sql",
        b"-- how many\nSELECT count(*) AS n FROM events",
    );
    let (stdout, _) = run(&h, "dyad.db", &["sql", "count.sql", "--format", "json"], 0);
    assert!(stdout.contains("\"n\""), "{stdout}");
    let conn = h.store("dyad.db");
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(v < 99);
}

/// One GDELT 2.0 row (61 columns) of USA→RUS.
fn gdelt_row(id: u32) -> String {
    let mut f = vec![String::new(); 61];
    f[0] = (500_000_000 + id).to_string();
    f[1] = format!("2015{:02}{:02}", id % 12 + 1, id % 28 + 1);
    f[6] = "UNITED STATES".into();
    f[7] = "USA".into();
    f[16] = "RUSSIA".into();
    f[17] = "RUS".into();
    f[26] = "042".into();
    f[29] = "1".into();
    f[30] = "1.9".into();
    f[59] = "20150218230000".into();
    f.join("\t")
}

#[test]
fn analyses_warn_about_a_file_imported_only_in_part() {
    let h = Harness::new();
    let rows: String = (0..20_000).map(|i| gdelt_row(i) + "\n").collect();
    let gz = common::gz(rows.as_bytes());
    h.write("cut.export.CSV.gz", &gz[..gz.len() / 2]);
    let (_, stderr) = run(&h, "dyad.db", &["import", "gdelt", "cut.export.CSV.gz"], 1);
    assert!(stderr.contains("cut.export.CSV.gz"), "{stderr}");
    let (_, stderr) = run(
        &h,
        "dyad.db",
        &[
            "index", "--origin", "imported", "--freq", "year", "--format", "json",
        ],
        0,
    );
    assert!(
        stderr.contains("read only in part") && stderr.contains("cut.export.CSV.gz"),
        "{stderr}"
    );
}
