//! The application layer's errors: what was wrong, with which input, and what to do. The CLI
//! prints them; the server answers a [`Error::Usage`] with 400 and the rest with 500.

use dyad_analysis::literature::LiteratureError;
use dyad_analysis::sanctions::FigureError;
use dyad_coder::tsv::TsvError;
use dyad_coder::PeopleError;
use dyad_model::{CodeTableError, DateError, KindTableError, OutletListError, PlaceTableError};
use dyad_store::StoreError;

/// What the user asked for is wrong (a flag's value, flags that contradict each other): the
/// functions the commands and the API share raise it, so that the API answers it 400
/// `bad_request` (naming the query parameter for the flag) and any other error `internal`. The
/// message names the flag, `--from`, as the CLI prints it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl UsageError {
    /// The message with each flag named as the API's query parameter: `--from` → `from`.
    pub fn for_api(&self) -> String {
        let mut out = String::with_capacity(self.0.len());
        let mut rest = self.0.as_str();
        while let Some(i) = rest.find("--") {
            let before = rest[..i].chars().last();
            let flag = rest[i + 2..].starts_with(|c: char| c.is_ascii_lowercase());
            out.push_str(&rest[..i]);
            if !(flag && before.is_none_or(|c| c == ' ' || c == '`' || c == '(')) {
                out.push_str("--");
            }
            rest = &rest[i + 2..];
        }
        out.push_str(rest);
        out
    }
}

/// An error of the application layer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request is wrong; the message says how to put it right.
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// The store could not be opened, read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// As `Store`, with what was being done.
    #[error("{doing}: {source}")]
    StoreDoing {
        doing: String,
        #[source]
        source: StoreError,
    },
    /// A file of the built-in data is not in this build (a build from an incomplete checkout).
    #[error("the built-in data file {0} is missing from this build")]
    Missing(String),
    /// The built-in chronology does not pass its checks.
    #[error("the built-in chronology has {} problems (run `dyad dict check`):\n  {}", .0.len(), .0.iter().take(20).cloned().collect::<Vec<_>>().join("\n  "))]
    Chronology(Vec<String>),
    /// A table of the built-in data does not parse.
    #[error(transparent)]
    Table(#[from] TsvError),
    #[error(transparent)]
    Codes(#[from] CodeTableError),
    #[error(transparent)]
    Kinds(#[from] KindTableError),
    #[error(transparent)]
    Places(#[from] PlaceTableError),
    #[error(transparent)]
    Outlets(#[from] OutletListError),
    #[error(transparent)]
    People(#[from] PeopleError),
    #[error(transparent)]
    Literature(#[from] LiteratureError),
    #[error(transparent)]
    Figures(#[from] FigureError),
    /// A stored date that does not parse (a store written by something else than dyad).
    #[error(transparent)]
    Date(#[from] DateError),
    /// The dictionaries or the coder built from them do not load.
    #[error(transparent)]
    Dictionaries(#[from] dyad_coder::DictError),
    #[error(transparent)]
    Coder(#[from] dyad_coder::CoderError),
    /// A value that does not serialise (a bug).
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// A worker thread panicked (a bug): the work it held is lost.
    #[error("a {0} thread stopped unexpectedly; please report it")]
    Thread(&'static str),
    /// The data holds nothing to compute from (an empty series).
    #[error("{0}")]
    NoData(String),
    /// A row of a built-in table with a value that is not what its column holds.
    #[error("{0}")]
    Row(String),
}

impl Error {
    /// The user's mistake, when this is one.
    pub fn usage(&self) -> Option<&UsageError> {
        match self {
            Error::Usage(u) => Some(u),
            _ => None,
        }
    }
}

/// The application layer's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
