//! Container → text: what are the words of this text, Markdown, HTML or PDF file?
//!
//! Each format yields plain text lines for the cleaner, plus whatever the container says about
//! the title and publication date:
//!
//! * text: decoded as is;
//! * Markdown ([`markdown`]): markup stripped — headings, emphasis, links (their text kept),
//!   code fences dropped, table rows turned into tab-separated cells, footnote definitions into
//!   `[n] body` note lines; the first heading is the title;
//! * HTML ([`html`]): the main article text (readability via `dom_smoothie`, else a tag stripper
//!   that drops script, style, nav, header and footer), `<title>`/`<h1>` as title, the
//!   publication date from meta tags; `<meta charset>` is honoured when decoding;
//! * PDF ([`pdf`]): the text layer, after a `%PDF-` header check; a broken file is a
//!   [`TextError::Pdf`], never a panic; the info dictionary's Title is the title.

pub mod html;
pub mod markdown;
pub mod pdf;

use crate::{decode, Format, Options, TextError};
use dyad_model::EventDate;

/// What a container yields.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<EventDate>,
    pub encoding: &'static str,
    /// Invalid byte sequences replaced by U+FFFD while decoding.
    pub replaced: usize,
}

/// Extracts the text of `bytes` read as `format`.
pub fn extract(bytes: &[u8], format: Format, opts: &Options) -> Result<Extracted, TextError> {
    if bytes.is_empty() {
        return Err(TextError::Empty);
    }
    let declared = opts.declared_charset.as_deref();
    match format {
        Format::Text => {
            let d = decode::decode(bytes, declared, None)?;
            Ok(Extracted {
                text: d.text,
                title: None,
                published: None,
                encoding: d.encoding,
                replaced: d.replaced,
            })
        }
        Format::Markdown => {
            let d = decode::decode(bytes, declared, None)?;
            let md = markdown::strip(&d.text);
            Ok(Extracted {
                text: md.text,
                title: md.title,
                published: None,
                encoding: d.encoding,
                replaced: d.replaced,
            })
        }
        Format::Html => {
            let hint = html::meta_charset(bytes);
            let d = decode::decode(bytes, declared, hint.as_deref())?;
            let page = html::extract(&d.text);
            Ok(Extracted {
                text: page.text,
                title: page.title,
                published: page.published,
                encoding: d.encoding,
                replaced: d.replaced,
            })
        }
        Format::Pdf => {
            let p = pdf::extract(bytes)?;
            Ok(Extracted {
                text: p.text,
                title: p.title,
                published: None,
                encoding: "PDF",
                replaced: 0,
            })
        }
    }
}
