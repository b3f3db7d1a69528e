//! One module per subcommand.

/// `println!` that returns the write's error instead of panicking: a reader that stops reading
/// (`dyad code … | head`) ends the command quietly (see `is_broken_pipe` in main.rs).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

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
