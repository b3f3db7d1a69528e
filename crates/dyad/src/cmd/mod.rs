//! One module per subcommand.

pub mod chronology;
pub mod code;
pub mod dict;
pub mod docs;
pub mod eval;
pub mod events;
pub mod index;
pub mod ingest;
pub mod phases;
pub mod recode;
pub mod report;
pub mod summits;
