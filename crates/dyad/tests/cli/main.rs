//! The CLI's integration tests: one binary, a module per subject, all over the temp-dir
//! harness in [`common`] (a fresh database and data directory per test, the built binary run
//! as a user runs it).

mod common;

mod chronology;
mod code;
mod ingest;
mod measures;
mod report;
