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

/// What the user asked for is wrong (a flag's value, flags that contradict each other): raised
/// by the functions the commands and the API share, so that the API answers it 400
/// `bad_request` (naming the query parameter for the flag) and any other error of those
/// functions `internal`. The message names the flag, `--from`, as the CLI prints it.
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
