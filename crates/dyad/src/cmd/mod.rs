//! One module per subcommand.

pub mod chronology;
pub mod dict;
pub mod docs;
pub mod events;
pub mod ingest;
pub mod summits;
