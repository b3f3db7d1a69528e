//! Opt-in suites: the tests that read the team's shared folder beside the repository (the real
//! seed documents, the full reference datasets, the development corpus). Files outside the
//! repository are not ours to commit, so a fresh clone runs on the fixtures in `tests-data/`
//! alone; these suites run when `DYAD_SHARED` names the shared folder (`DYAD_SHARED=../shared`;
//! a relative path is taken from the repository root, whatever the test's working directory).
//!
//! Each opt-in suite is one `#[test]` whose name starts with `opt_in_`. Without the variable it
//! checks nothing and says so on one line written straight to the terminal's stderr, past the
//! test harness's output capture, so that a plain `cargo test --workspace` shows which suites
//! did not run. With the variable set to a folder that lacks what the suite needs, it fails: a
//! wrong path is an error, not a reason to skip.
//!
//! Included by `#[path]` from each crate's tests (one copy of the rule for every crate).

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// The environment variable naming the shared folder.
pub const VAR: &str = "DYAD_SHARED";

/// The repository root (every crate sits at `crates/NAME`).
pub fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// The shared folder named by `DYAD_SHARED`, or `None` when the variable is unset or empty.
/// Panics when it names a folder that does not exist.
pub fn shared() -> Option<PathBuf> {
    let value = std::env::var_os(VAR).filter(|v| !v.is_empty())?;
    let p = PathBuf::from(value);
    let p = if p.is_absolute() {
        p
    } else {
        repo_root().join(p)
    };
    assert!(
        p.is_dir(),
        "{VAR} names {}, which is not a folder (a relative path is taken from the repository root {})",
        p.display(),
        repo_root().display()
    );
    Some(p)
}

/// `sub` inside the shared folder for the suite `suite`, or `None` (after one line on stderr
/// saying the suite did not run and why) when `DYAD_SHARED` is unset. Panics when the variable
/// is set and `sub` is missing.
pub fn suite(suite: &str, sub: &str) -> Option<PathBuf> {
    match shared() {
        None => {
            // Straight to the process's stderr: `eprintln!` would be captured by the harness
            // and shown only for failing tests.
            let _ = writeln!(
                std::io::stderr(),
                "opt-in suite not run: {suite} (needs {VAR}/{sub}; set {VAR}=../shared, see README)"
            );
            None
        }
        Some(root) => {
            let p = root.join(sub);
            assert!(
                p.exists(),
                "{VAR} is set but {} does not exist (suite {suite})",
                p.display()
            );
            Some(p)
        }
    }
}
