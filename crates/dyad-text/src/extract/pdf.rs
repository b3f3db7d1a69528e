//! PDF → the text layer and the info dictionary's title.
//!
//! `pdf-extract` panics on some fonts and broken files. Extraction runs under
//! `std::panic::catch_unwind`, and a panic becomes [`TextError::Pdf`]. So that such a panic does
//! not print a backtrace-like message, a panic hook is installed once that stays silent for
//! panics raised while this thread is extracting a PDF and hands every other panic to the hook
//! that was installed before it.

use crate::TextError;
use pdf_extract::{Document, Object};
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// What a PDF yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf {
    pub text: String,
    pub title: Option<String>,
}

thread_local! {
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

fn install_quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !EXTRACTING.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Extracts the text layer of a PDF.
pub fn extract(bytes: &[u8]) -> Result<Pdf, TextError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(TextError::Pdf(
            "the file does not start with a %PDF- header".into(),
        ));
    }
    install_quiet_hook();
    EXTRACTING.with(|e| e.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| run(bytes)));
    EXTRACTING.with(|e| e.set(false));
    let pdf = match result {
        Ok(r) => r?,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the PDF reader failed".into());
            return Err(TextError::Pdf(format!("the PDF reader crashed ({msg})")));
        }
    };
    if !pdf.text.chars().any(char::is_alphanumeric) {
        return Err(TextError::Pdf("it has no text layer".into()));
    }
    Ok(pdf)
}

fn run(bytes: &[u8]) -> Result<Pdf, TextError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| TextError::Pdf(e.to_string()))?;
    if doc.is_encrypted() {
        doc.decrypt("")
            .map_err(|e| TextError::Pdf(format!("it is encrypted ({e})")))?;
    }
    let title = info_title(&doc);
    let mut text = String::new();
    {
        let mut out = pdf_extract::PlainTextOutput::new(&mut text);
        pdf_extract::output_doc(&doc, &mut out).map_err(|e| TextError::Pdf(e.to_string()))?;
    }
    Ok(Pdf { text, title })
}

/// The Title entry of the document information dictionary.
fn info_title(doc: &Document) -> Option<String> {
    let info = match doc.trailer.get(b"Info").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    let raw = match info.get(b"Title").ok()? {
        Object::String(bytes, _) => bytes.clone(),
        Object::Reference(id) => doc.get_object(*id).ok()?.as_str().ok()?.to_vec(),
        _ => return None,
    };
    let title = decode_text_string(&raw);
    crate::metadata::bound(&title)
}

/// A PDF text string: UTF-16BE with a byte-order mark, UTF-8 with one, else PDFDocEncoding
/// (read as Latin-1, which agrees with it on letters).
fn decode_text_string(raw: &[u8]) -> String {
    if let Some(rest) = raw.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = raw.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    raw.iter().map(|&b| b as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_checked() {
        assert!(matches!(extract(b"hello"), Err(TextError::Pdf(_))));
        assert!(matches!(
            extract(b"%PDF-1.4\n1 0 obj << /Type /Catalog"),
            Err(TextError::Pdf(_))
        ));
    }

    #[test]
    fn text_strings() {
        assert_eq!(
            decode_text_string(&[0xFE, 0xFF, 0x00, 0x41, 0x4E, 0x2D]),
            "A中"
        );
        assert_eq!(decode_text_string(b"Summit"), "Summit");
    }
}
