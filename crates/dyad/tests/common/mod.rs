//! The harness of the `dyad` crate's integration tests, one copy for every test binary
//! (`tests/cli/` includes it by `#[path]`, each `tests/*.rs` by `mod common;`): the built binary
//! run as a user runs it, on a temp dir of its own per test (a database, the files it reads and
//! writes), its exit code and output; the fixtures and dataset extracts of `tests-data/`; the
//! opt-in paths of the shared folder ([`opt_in`]); compressed inputs; and `dyad serve` started on
//! 127.0.0.1 ([`server`]).
//!
//! Each binary uses a part of it, hence `allow(dead_code)`.

#![allow(dead_code)]

pub mod http;
#[path = "../../../../tests-data/opt_in.rs"]
pub mod opt_in;
#[path = "../../../../tests-data/pdf_objects.rs"]
pub mod pdf_objects;
pub mod server;

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The document fixtures written for the tests (`tests-data/documents/`, see `make_fixtures.py`).
pub fn fixtures_dir() -> PathBuf {
    opt_in::repo_root().join("tests-data/documents")
}

pub fn fixture(name: &str) -> PathBuf {
    let p = fixtures_dir().join(name);
    assert!(p.is_file(), "no fixture {}", p.display());
    p
}

/// The UTF-8 documents and the PDF of the fixtures: three Chinese, one Russian, two English.
pub const DOCUMENTS: [&str; 6] = [
    "zh-paper.txt",
    "zh-news-columns.txt",
    "zh-hant-wiki.txt",
    "ru-news.txt",
    "en-notes.txt",
    "en-brief.pdf",
];

/// An extract of the field's datasets committed in `tests-data/datasets/` (provenance in its
/// README).
pub fn dataset(name: &str) -> PathBuf {
    opt_in::repo_root().join("tests-data/datasets").join(name)
}

/// The lines of a text file.
pub fn line_count(path: &Path) -> usize {
    std::fs::read_to_string(path).unwrap().lines().count()
}

/// The built binary, with `DYAD_DB` removed from its environment: no database named unless the
/// caller names one (commands that only read use the built-in chronology from memory).
pub fn dyad() -> Command {
    let mut c = Command::cargo_bin("dyad").unwrap();
    c.env_remove("DYAD_DB");
    c
}

/// One run of the binary: its exit code (-1 when killed) and its output.
pub struct Run {
    /// The command as run, for messages.
    pub command: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Runs `cmd` to its end.
    pub fn of(cmd: &mut Command) -> Run {
        let out = cmd.output().unwrap();
        Run {
            command: format!("{cmd:?}"),
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Asserts the exit code.
    pub fn expect(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "{}\nstdout: {}\nstderr: {}",
            self.command, self.stdout, self.stderr
        );
        self
    }

    /// Stdout as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}\nstderr: {}\n{}",
                self.stdout, self.stderr, self.command
            )
        })
    }
}

/// A temp dir per test, removed with it: the database (`dyad.db` unless a test names another)
/// and the files the test writes.
pub struct Harness {
    dir: tempfile::TempDir,
}

impl Harness {
    pub fn new() -> Harness {
        Harness {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.path("dyad.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `bytes` to `name` in the temp dir (creating its folders); returns its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// dyad on `dyad.db`.
    pub fn cmd(&self) -> Command {
        self.cmd_on("dyad.db")
    }

    /// dyad on the database `db` of the temp dir.
    pub fn cmd_on(&self, db: &str) -> Command {
        let mut c = dyad();
        c.arg("--db").arg(self.path(db));
        c
    }

    /// Runs dyad with `args` on `dyad.db`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_on("dyad.db", args)
    }

    /// Runs dyad with `args` on the database `db`.
    pub fn run_on(&self, db: &str, args: &[&str]) -> Run {
        Run::of(self.cmd_on(db).args(args))
    }

    /// Runs dyad with `args` on `dyad.db`, expecting exit code `code`, and parses stdout as JSON.
    pub fn json(&self, args: &[&str], code: i32) -> Value {
        self.run(args).expect(code).json()
    }

    /// `dyad report ARGS --out NAME` on `dyad.db`, expecting success; returns the page.
    pub fn report(&self, name: &str, args: &[&str]) -> String {
        let out = self.path(name);
        Run::of(self.cmd().arg("report").args(args).arg("--out").arg(&out)).expect(0);
        std::fs::read_to_string(out).unwrap()
    }

    /// The database `db`, opened with SQLite itself.
    pub fn store(&self, db: &str) -> rusqlite::Connection {
        rusqlite::Connection::open(self.path(db)).unwrap()
    }
}

pub fn documents(v: &Value) -> &Vec<Value> {
    v["documents"].as_array().expect("documents array")
}

/// Two figures equal but for rounding.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// `bytes` gzipped.
pub fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// A zip archive holding `bytes` as the file `name`.
pub fn zip(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(bytes).unwrap();
    w.finish().unwrap().into_inner()
}
