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
pub mod phases;
pub mod recode;
pub mod report;
pub mod sanctions;
pub mod scan;
pub mod serve;
pub mod sql;
pub mod summits;

/// What the user asked for is wrong: the application layer's, so the commands, the server
/// and the use cases raise the same one.
pub use dyad_app::UsageError;
