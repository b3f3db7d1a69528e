//! One module per subcommand.

pub mod chronology;
pub mod code;
pub mod compare;
pub mod dict;
pub mod docs;
pub mod eval;
pub mod events;
pub mod export;
pub mod import;
pub mod index;
pub mod ingest;
pub mod output;
pub mod phases;
pub mod recode;
pub mod report;
pub mod sanctions;
pub mod scan;
pub mod sql;
pub mod summits;
