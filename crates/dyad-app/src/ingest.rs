//! The text stage and the coding of one document's bytes, ready to store: what `dyad ingest` and
//! the API's `POST /api/documents` share.

use crate::coding;
use dyad_coder::Coder;
use dyad_model::EventDate;
use dyad_store::NewDocument;
use dyad_text::{Format as DocFormat, Options};
use sha2::{Digest, Sha256};

/// The file types dyad reads, as its messages name them.
pub const SUPPORTED: &str = ".txt, .md, .html, .htm and .pdf";

/// What the caller knows about a document beyond its bytes.
#[derive(Debug, Clone, Default)]
pub struct Prepare {
    /// Title to use instead of the one found in the text.
    pub title: Option<String>,
    /// Publication date (YYYY-MM-DD) when the text states none.
    pub date: Option<String>,
    /// Declared character set.
    pub charset: Option<String>,
}

/// A document ready to store, and what the reader should know about how it was read.
pub struct Prepared {
    pub doc: NewDocument,
    /// E.g. invalid UTF-8 sequences replaced; printed, and listed in JSON reports.
    pub warnings: Vec<String>,
}

/// Why a document's bytes could not be prepared: the document's fault (its type, its bytes, its
/// dates), or the text stage's (a panic: a bug). `dyad ingest` prints it; the API answers the
/// document's faults 422 `unprocessable_document` and the panic 500 `internal`.
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    #[error("unsupported file type `.{ext}`: dyad reads {SUPPORTED}")]
    UnsupportedType { ext: String },
    #[error(transparent)]
    Text(#[from] dyad_text::TextError),
    #[error("the text extractor failed on this file (internal error); please report it")]
    Panicked,
    /// A date of the text resolved outside the four-digit years dyad stores (a relative date
    /// counted from a publication date near year 0 or 9999): stored, it could not be read back.
    #[error("sentence {sentence} has an event dated `{date}`, outside the years 0000–9999 dyad stores; check the publication date given for the document or found in it")]
    DateOutOfRange { sentence: String, date: String },
}

/// The text stage and the coding of one document's bytes (`ext`: its file extension, if any),
/// ready to store; shared by `dyad ingest` and the API's `POST /api/documents`.
pub fn prepare_bytes(
    bytes: &[u8],
    ext: Option<&str>,
    path: Option<String>,
    args: &Prepare,
    coder: &Coder,
) -> Result<Prepared, PrepareError> {
    let format = match ext {
        Some(e) => match DocFormat::from_extension(e) {
            Some(f) => f,
            None => DocFormat::sniff(bytes)
                .ok_or_else(|| PrepareError::UnsupportedType { ext: e.to_string() })?,
        },
        None => DocFormat::sniff(bytes).unwrap_or(DocFormat::Text),
    };
    let opts = Options {
        declared_charset: args.charset.clone(),
    };
    // The text stage must never take the ingest down: a panic in a decoder is this file's error.
    let processed = std::panic::catch_unwind(|| dyad_text::process(bytes, format, &opts))
        .map_err(|_| PrepareError::Panicked)??;
    let mut warnings = Vec::new();
    if processed.replaced > 0 {
        warnings.push(format!(
            "{} invalid byte sequences in otherwise valid {} text were replaced by U+FFFD (a damaged or cut file?)",
            processed.replaced, processed.encoding
        ));
    }
    let id = hex(&Sha256::digest(processed.identity_text().as_bytes()));
    let published = processed
        .published
        .or_else(|| args.date.as_deref().and_then(|d| d.parse().ok()));
    let events = coding::code_document(
        coder,
        published,
        processed.segments.iter().map(|s| coding::Sentence {
            lang: s.lang,
            normalized: &s.normalized,
            paragraph: s.paragraph,
            note: s.note,
        }),
    );
    // What is stored must read back: an event dated year 10000 or -1 would make every
    // analysis of its dyad fail.
    if let Some(e) = events
        .iter()
        .find(|e| e.date.to_string().parse::<EventDate>().is_err())
    {
        return Err(PrepareError::DateOutOfRange {
            sentence: e
                .sentence_seq
                .map_or_else(|| "?".to_string(), |s| (s + 1).to_string()),
            date: e.date.to_string(),
        });
    }
    let published = published.map(|d| d.to_string());
    let doc = NewDocument {
        id,
        title: args.title.clone().or(processed.title),
        published,
        lang: processed.lang.as_str().to_string(),
        path,
        format: format.as_str().to_string(),
        encoding: processed.encoding.to_string(),
        bytes: bytes.len() as u64,
        clean_text: processed.clean_text,
        segments: processed.segments,
        events,
    };
    Ok(Prepared { doc, warnings })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
