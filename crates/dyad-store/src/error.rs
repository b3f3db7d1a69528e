use std::path::PathBuf;

/// What went wrong in the store, by whose fault.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}; check the path and its permissions, or pass another with --db")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot create the directory {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the database {path} was written by a newer dyad (schema version {found}, this dyad knows up to {known}); upgrade dyad")]
    TooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("{path} is not a dyad database ({detail}); dyad leaves it untouched: pass the path of a dyad database with --db")]
    NotDyad { path: PathBuf, detail: String },
    #[error("there is no dyad database at {path} yet; store something first (`dyad ingest PATH` or `dyad import …`), or pass the right one with --db")]
    NoStore { path: PathBuf },
    #[error("the database {path} has schema version {found}, older than this dyad's {known}; a command that writes (`dyad ingest`, `dyad import` or `dyad recode`) upgrades it, then read it again")]
    TooOld {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("the database {path} failed its integrity check: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("no document matches `{0}`; list them with `dyad docs`")]
    NoSuchDocument(String),
    #[error("`{0}` matches several documents; give more characters of the id")]
    AmbiguousDocument(String),
    #[error("invalid event {what}: {msg}")]
    InvalidEvent { what: String, msg: String },
    #[error("only temporary views over queries that read may be made over the store, not `{0}`")]
    NotAView(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// Whether SQLite gave up waiting for a lock held by another connection (another dyad
    /// writing to the same database): the database is busy, nothing is wrong with the input.
    pub fn is_busy(&self) -> bool {
        let e = match self {
            StoreError::Sqlite(e) | StoreError::Open { source: e, .. } => e,
            _ => return false,
        };
        matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    pub(crate) fn open(path: &std::path::Path, source: rusqlite::Error) -> StoreError {
        StoreError::Open {
            path: path.to_path_buf(),
            source,
        }
    }
}
