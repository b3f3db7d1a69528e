//! Shared by the `dyad` command's integration tests (`tests/cli/`): the document fixtures and a
//! temp-dir harness per test.

#[path = "../../../../../tests-data/opt_in.rs"]
pub mod opt_in;

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

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

pub struct Harness {
    dir: tempfile::TempDir,
}

impl Harness {
    pub fn new() -> Harness {
        Harness {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("dyad.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("dyad").unwrap();
        c.arg("--db").arg(self.db()).env_remove("DYAD_DB");
        c
    }

    /// Runs dyad with `args`, expecting exit code `code`, and parses stdout as JSON.
    pub fn json(&self, args: &[&str], code: i32) -> Value {
        let out = self.cmd().args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "dyad {args:?}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
    }
}

pub fn documents(v: &Value) -> &Vec<Value> {
    v["documents"].as_array().expect("documents array")
}
