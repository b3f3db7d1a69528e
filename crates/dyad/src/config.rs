//! Where the database lives: `--db`, else `$DYAD_DB`, else the user's data directory.

use anyhow::{bail, Result};
use std::path::PathBuf;

pub fn db_path(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os("DYAD_DB").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    match data_dir() {
        Some(d) => Ok(d.join("dyad").join("dyad.db")),
        None => bail!("cannot find a data directory for the database (no $XDG_DATA_HOME or $HOME); pass --db PATH or set DYAD_DB"),
    }
}

/// The platform's per-user data directory.
fn data_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        return env("APPDATA");
    }
    if cfg!(target_os = "macos") {
        return env("HOME").map(|h| h.join("Library").join("Application Support"));
    }
    env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local").join("share")))
}
