//! The CLI's integration tests: one binary, a module per subject, all over the temp-dir
//! harness in [`common`] (`tests/common/`, shared with the crate's other integration tests: a
//! fresh database and data directory per test, the built binary run as a user runs it).

#[path = "../common/mod.rs"]
mod common;

mod chronology;
mod code;
mod ingest;
mod measures;
mod report;
