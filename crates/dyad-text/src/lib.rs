//! How raw bytes become clean sentences in a known language.
//!
//! The stage is one pure function, [`process`]: bytes (and what the caller knows about them)
//! in, a [`Processed`] document out — decoded, extracted, cleaned of PDF line-break damage,
//! footnote markers and running headers, cut into sentences, each with its language and a
//! normalised (simplified-Chinese, NFC) form for coding. No I/O: the caller reads the file.
//!
//! ```
//! use dyad_text::{process, Format, Options};
//! let doc = process("美俄两国元首举行会晤。双方讨论了乌克兰问题。".as_bytes(), Format::Text, &Options::default()).unwrap();
//! assert_eq!(doc.segments.len(), 2);
//! assert_eq!(doc.lang, dyad_model::Lang::Zh);
//! ```

pub mod clean;
pub mod decode;
pub mod extract;
pub mod lang;
pub mod metadata;
pub mod normalize;
pub mod segment;

use dyad_model::{EventDate, Lang, Segment};

/// The container formats dyad reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
}

impl Format {
    /// The format named by a file extension (case-insensitive), if dyad reads it.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes (`%PDF-`, `<!doctype html`, `<html`), else `None`.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        let head = &bytes[..bytes.len().min(1024)];
        if head.starts_with(b"%PDF-") {
            return Some(Format::Pdf);
        }
        let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
        let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
        if has(b"<!doctype html") || has(b"<html") {
            return Some(Format::Html);
        }
        None
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// What the caller knows about the input.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A charset declared outside the bytes (HTTP header, user flag); trusted first.
    pub declared_charset: Option<String>,
}

/// A document after the text stage.
#[derive(Debug, Clone)]
pub struct Processed {
    /// Title found in the document (first heading or line; `<title>`/`<h1>`; PDF info).
    pub title: Option<String>,
    /// Publication date stated in the text, if any.
    pub published: Option<EventDate>,
    /// Majority language of the sentences.
    pub lang: Lang,
    /// The encoding the bytes were read in (`UTF-8`, `GB18030`, `Big5`, `windows-1251`…).
    pub encoding: &'static str,
    /// Invalid byte sequences replaced by U+FFFD while decoding (a damaged or cut UTF-8 file).
    pub replaced: usize,
    /// The document's clean text; segment spans index into it (in chars).
    pub clean_text: String,
    pub segments: Vec<Segment>,
}

impl Processed {
    /// The normalised text that identifies the document: the normalised sentences, one per line.
    /// The same content in another encoding or container gives the same string.
    pub fn identity_text(&self) -> String {
        let mut s = String::new();
        for seg in &self.segments {
            s.push_str(&seg.normalized);
            s.push('\n');
        }
        s
    }
}

/// Why a document could not be read. Each message says what was wrong and what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TextError {
    #[error("the file is empty")]
    Empty,
    #[error("this looks like binary data, not a text, Markdown, HTML or PDF document ({0})")]
    Binary(String),
    #[error("the text could not be decoded: {0}; convert it to UTF-8 and try again")]
    Undecodable(String),
    #[error("the PDF could not be read: {0}; if it is a scan, run OCR first, or extract its text with pdftotext")]
    Pdf(String),
    #[error("no text was found in the document")]
    NoText,
}

/// The text stage: bytes → a clean, segmented, language-tagged document.
pub fn process(bytes: &[u8], format: Format, opts: &Options) -> Result<Processed, TextError> {
    if bytes.is_empty() {
        return Err(TextError::Empty);
    }
    let extracted = extract::extract(bytes, format, opts)?;
    let layout = match format {
        Format::Html | Format::Markdown => clean::Layout::Structured,
        Format::Text | Format::Pdf => clean::Layout::Flowed,
    };
    let cleaned = clean::clean(&extracted.text, layout);
    let mut segments = segment::segments(&cleaned);
    if segments.is_empty() {
        return Err(TextError::NoText);
    }
    let lang = lang::majority(&segments);
    lang::settle(&mut segments, lang);
    let title = extracted.title.or_else(|| metadata::title(&cleaned));
    let published = extracted
        .published
        .or_else(|| metadata::published(&extracted.text));
    Ok(Processed {
        title,
        published,
        lang,
        encoding: extracted.encoding,
        replaced: extracted.replaced,
        clean_text: cleaned.text,
        segments,
    })
}
