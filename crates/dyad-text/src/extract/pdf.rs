//! PDF → the text layer and the info dictionary's title.
//!
//! `pdf-extract` follows the page tree's `Parent` links and draws form XObjects (`Do`)
//! recursively, with no guard: a form that draws itself, or a page that is its own parent,
//! recurses until the stack overflows, which aborts the process (a stack overflow cannot be
//! caught). Before extraction, [`check_structure`] walks the same paths without recursion into
//! the reader and refuses a document with a cycle, a form nesting deeper than
//! [`MAX_FORM_DEPTH`] or more than [`MAX_FORM_CALLS`] form drawings (a small file whose forms
//! each draw the next twice would otherwise take exponential time).
//!
//! A few megabytes of FlateDecode can expand to gigabytes; the reader decompresses every stream
//! it uses whole, in memory. [`check_sizes`] first inflates each non-image Flate stream into a
//! counter (no memory kept) and refuses a document whose streams expand past
//! [`MAX_DECODED_BYTES`]. Object streams (`/Type /ObjStm`, the compressed containers of other
//! objects) are expanded by lopdf while it loads the document, before `check_sizes` could see
//! them: a filter run on each object as it is read ([`bound_object_streams`]) counts what they
//! inflate to first and leaves unexpanded those past the limit, and the document is refused.
//! Cross-reference streams are inflated earlier still, while the reader finds the objects:
//! [`check_xref_streams`] follows the same offsets in the raw bytes and measures them first.
//!
//! `pdf-extract` panics on some fonts and broken files. Extraction runs under
//! `std::panic::catch_unwind`, and a panic becomes [`TextError::Pdf`]. So that such a panic does
//! not print a backtrace-like message, a panic hook is installed once that stays silent for
//! panics raised while this thread is extracting a PDF and hands every other panic to the hook
//! that was installed before it.

use crate::TextError;
use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};
use std::cell::Cell;
use std::collections::HashMap;
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
    check_xref_streams(bytes)?;
    OBJECT_STREAMS_INFLATED.with(|n| n.set(0));
    let options = pdf_extract::LoadOptions {
        filter: Some(bound_object_streams),
        ..Default::default()
    };
    let mut doc = Document::load_mem_with_options(bytes, options)
        .map_err(|e| TextError::Pdf(e.to_string()))?;
    if let Some(id) = doc.objects.iter().find_map(|(id, o)| match o {
        Object::Stream(s) if s.dict.has(REFUSED_OBJECT_STREAM) => Some(*id),
        _ => None,
    }) {
        return Err(TextError::Pdf(format!(
            "its object streams expand to more than {} MB (object {} {} and those before it; a \
             decompression bomb?)",
            MAX_DECODED_BYTES >> 20,
            id.0,
            id.1
        )));
    }
    if doc.is_encrypted() {
        doc.decrypt("")
            .map_err(|e| TextError::Pdf(format!("it is encrypted ({e})")))?;
    }
    check_sizes(&doc)?;
    check_structure(&doc)?;
    let title = info_title(&doc);
    let mut text = String::new();
    {
        let mut out = pdf_extract::PlainTextOutput::new(&mut text);
        pdf_extract::output_doc(&doc, &mut out).map_err(|e| TextError::Pdf(e.to_string()))?;
    }
    Ok(Pdf { text, title })
}

/// The most the reader may have to inflate, all non-image streams of a document together.
pub const MAX_DECODED_BYTES: u64 = 256 << 20;

thread_local! {
    /// What the object streams of the document being loaded inflate to, so far.
    static OBJECT_STREAMS_INFLATED: Cell<u64> = const { Cell::new(0) };
}

/// The key that marks an object stream left unexpanded by [`bound_object_streams`].
const REFUSED_OBJECT_STREAM: &[u8] = b"DyadRefused";

/// lopdf's load filter, run on each object as it is read and before lopdf expands object
/// streams: an object stream whose content, with those read before it, would inflate past
/// [`MAX_DECODED_BYTES`] is emptied, loses its `/Type /ObjStm` (so it is not expanded) and is
/// marked for [`run`] to refuse the document. Inflating into a counter keeps no memory.
///
/// (lopdf keeps the object it passed in when the filter answers `Some`, except for the objects
/// found inside object streams, which are never streams, for which it keeps the one returned.)
fn bound_object_streams(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    use std::io::Read;
    let Object::Stream(s) = object else {
        return Some((id, object.clone()));
    };
    if s.dict.has_type(b"ObjStm") {
        let before = OBJECT_STREAMS_INFLATED.with(Cell::get);
        let left = MAX_DECODED_BYTES.saturating_sub(before);
        let flate = s
            .filters()
            .is_ok_and(|f| f.iter().any(|n| *n == b"FlateDecode" || *n == b"Fl"));
        let size = if flate {
            let mut inflated = flate2::read::ZlibDecoder::new(&s.content[..]).take(left + 1);
            std::io::copy(&mut inflated, &mut std::io::sink()).unwrap_or(0)
        } else {
            s.content.len() as u64
        };
        let total = before.saturating_add(size);
        OBJECT_STREAMS_INFLATED.with(|n| n.set(total));
        if total > MAX_DECODED_BYTES {
            s.dict.remove(b"Type");
            s.dict.remove(b"Filter");
            s.dict.set(REFUSED_OBJECT_STREAM, Object::Boolean(true));
            s.set_content(Vec::new());
        }
    }
    Some((id, Object::Null))
}

/// Cross-reference sections followed at most (a chain of `/Prev` links longer than this is not
/// one a writer makes).
const MAX_XREF_SECTIONS: usize = 1024;

/// Refuses a document whose cross-reference streams inflate past [`MAX_DECODED_BYTES`] in all,
/// before the reader inflates them (whole, in memory, as the first thing it does). The sections
/// are found as the reader finds them: `startxref` at the end of the file, then each section's
/// `/Prev` and `/XRefStm`; a section that is a classic table is only followed, a stream is
/// measured by inflating it into a counter.
pub fn check_xref_streams(bytes: &[u8]) -> Result<(), TextError> {
    use std::io::Read;
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let Some(at) = rfind(tail, b"startxref") else {
        return Ok(());
    };
    let mut next: Vec<usize> = number_after(&tail[at + b"startxref".len()..])
        .into_iter()
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut total = 0u64;
    while let Some(offset) = next.pop() {
        if seen.len() >= MAX_XREF_SECTIONS || !seen.insert(offset) {
            continue;
        }
        let Some(rest) = bytes.get(offset..) else {
            continue;
        };
        let window = &rest[..rest.len().min(64 << 10)];
        let (dict, data) = if window.trim_ascii_start().starts_with(b"xref") {
            // A classic table: its trailer's dictionary names the sections before it.
            let Some(t) = find(window, b"trailer") else {
                continue;
            };
            let end = find(&window[t..], b"startxref").map_or(window.len(), |e| t + e);
            (&window[t..end], None)
        } else {
            match find(window, b"stream") {
                Some(s) => (&window[..s], Some(s + b"stream".len())),
                None => continue,
            }
        };
        next.extend(name_number(dict, b"/Prev"));
        next.extend(name_number(dict, b"/XRefStm"));
        let Some(start) = data else {
            continue;
        };
        let mut start = offset + start;
        for eol in [b"\r\n".as_slice(), b"\n", b"\r"] {
            if bytes[start..].starts_with(eol) {
                start += eol.len();
                break;
            }
        }
        let left = MAX_DECODED_BYTES - total;
        // Only Flate can expand much; a stream under another filter is read as it is.
        if find(dict, b"/Fl").is_some() {
            let mut inflated = flate2::read::ZlibDecoder::new(&bytes[start..]).take(left + 1);
            total += std::io::copy(&mut inflated, &mut std::io::sink()).unwrap_or(0);
        }
        if total > MAX_DECODED_BYTES {
            return Err(TextError::Pdf(format!(
                "its cross-reference streams expand to more than {} MB (a decompression bomb?)",
                MAX_DECODED_BYTES >> 20
            )));
        }
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The unsigned number after optional white space at the start of `b`.
fn number_after(b: &[u8]) -> Option<usize> {
    let b = b.trim_ascii_start();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    std::str::from_utf8(&b[..digits]).ok()?.parse().ok()
}

/// The number that follows the name `key` (a whole name: `/Prev`, not `/Previous`) in `dict`.
fn name_number(dict: &[u8], key: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = find(&dict[from..], key) {
        let after = from + i + key.len();
        match dict.get(after) {
            Some(c) if c.is_ascii_alphanumeric() => from = after,
            _ => return number_after(&dict[after..]),
        }
    }
    None
}

/// Refuses a document whose non-image streams inflate past [`MAX_DECODED_BYTES`] (a
/// decompression bomb), measured without keeping the inflated bytes.
pub fn check_sizes(doc: &Document) -> Result<(), TextError> {
    use std::io::Read;
    let mut total = 0u64;
    for obj in doc.objects.values() {
        let Object::Stream(s) = obj else {
            continue;
        };
        let image = s
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Image");
        if image {
            continue;
        }
        let flate = s
            .filters()
            .is_ok_and(|f| f.iter().any(|n| *n == b"FlateDecode" || *n == b"Fl"));
        let left = MAX_DECODED_BYTES - total;
        total += if flate {
            let mut inflated = flate2::read::ZlibDecoder::new(&s.content[..]).take(left + 1);
            std::io::copy(&mut inflated, &mut std::io::sink()).unwrap_or(0)
        } else {
            s.content.len() as u64
        };
        if total > MAX_DECODED_BYTES {
            return Err(TextError::Pdf(format!(
                "its compressed streams expand to more than {} MB (a decompression bomb?)",
                MAX_DECODED_BYTES >> 20
            )));
        }
    }
    Ok(())
}

/// Deepest nesting of form XObjects drawn by one page that is read.
pub const MAX_FORM_DEPTH: usize = 32;
/// Most form XObject drawings on one page.
pub const MAX_FORM_CALLS: usize = 10_000;
/// Deepest page tree (a page's chain of `Parent` links).
pub const MAX_TREE_DEPTH: usize = 64;

/// Refuses a document whose page tree or form XObjects would make the reader recurse without
/// end (a cycle), too deep, or too often; see the module documentation.
pub fn check_structure(doc: &Document) -> Result<(), TextError> {
    let mut walk = FormWalk {
        doc,
        names: HashMap::new(),
        calls: 0,
        stack: Vec::new(),
    };
    for (page_no, page_id) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let chain = ancestors(doc, page, page_no)?;
        let resources = inherited_resources(doc, page, &chain);
        let Ok(content) = doc.get_page_content(page_id) else {
            continue;
        };
        let names = do_names(&content);
        walk.stack.clear();
        walk.calls = 0;
        walk.visit(page_no, &names, resources)?;
    }
    Ok(())
}

/// The page's ancestors along its `Parent` chain, nearest first; a chain that loops or is deeper
/// than [`MAX_TREE_DEPTH`] is refused, whatever it holds: the reader looks a page's attributes up
/// that chain (`Resources`, and `MediaBox`, which a page whose own is missing or damaged
/// inherits), and on a loop it never stops.
fn ancestors<'a>(
    doc: &'a Document,
    page: &'a Dictionary,
    page_no: u32,
) -> Result<Vec<&'a Dictionary>, TextError> {
    let mut dict = page;
    let mut seen: Vec<ObjectId> = Vec::new();
    let mut chain = Vec::new();
    while let Ok(parent) = dict.get(b"Parent").and_then(Object::as_reference) {
        if seen.contains(&parent) {
            return Err(TextError::Pdf(format!(
                "page {page_no}: the page tree loops (object {} {} is its own ancestor)",
                parent.0, parent.1
            )));
        }
        if seen.len() >= MAX_TREE_DEPTH {
            return Err(TextError::Pdf(format!(
                "page {page_no}: the page tree is more than {MAX_TREE_DEPTH} levels deep"
            )));
        }
        seen.push(parent);
        let Ok(d) = doc.get_dictionary(parent) else {
            break;
        };
        chain.push(d);
        dict = d;
    }
    Ok(chain)
}

/// The page's `Resources`, looked up its `Parent` chain as the reader does.
fn inherited_resources<'a>(
    doc: &'a Document,
    page: &'a Dictionary,
    ancestors: &[&'a Dictionary],
) -> Option<&'a Dictionary> {
    std::iter::once(page)
        .chain(ancestors.iter().copied())
        .find_map(|d| d.get(b"Resources").ok())
        .and_then(|r| deref(doc, r).as_dict().ok())
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

/// The names drawn by `Do` in a content stream (undecodable content draws nothing here; the
/// reader reports it).
fn do_names(content: &[u8]) -> Vec<Vec<u8>> {
    let Ok(content) = Content::decode(content) else {
        return Vec::new();
    };
    content
        .operations
        .into_iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| {
            op.operands
                .first()
                .and_then(|o| o.as_name().ok())
                .map(<[u8]>::to_vec)
        })
        .collect()
}

/// The content of a stream as the reader sees it.
fn stream_content(s: &Stream) -> Vec<u8> {
    if s.filters().is_ok() {
        s.decompressed_content()
            .unwrap_or_else(|_| s.content.clone())
    } else {
        s.content.clone()
    }
}

/// A walk over the form XObjects the pages draw, mirroring the reader's recursion with an
/// explicit bound.
struct FormWalk<'a> {
    doc: &'a Document,
    /// `Do` names of each form stream already decoded.
    names: HashMap<ObjectId, Vec<Vec<u8>>>,
    calls: usize,
    /// The forms being drawn, outermost first.
    stack: Vec<ObjectId>,
}

impl<'a> FormWalk<'a> {
    fn visit(
        &mut self,
        page_no: u32,
        names: &[Vec<u8>],
        resources: Option<&'a Dictionary>,
    ) -> Result<(), TextError> {
        let Some(xobjects) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| deref(self.doc, x).as_dict().ok())
        else {
            return Ok(());
        };
        for name in names {
            let Ok(obj) = xobjects.get(name) else {
                continue;
            };
            let (id, stream) = match obj {
                Object::Reference(id) => match self.doc.get_object(*id).and_then(Object::as_stream)
                {
                    Ok(s) => (Some(*id), s),
                    Err(_) => continue,
                },
                Object::Stream(s) => (None, s),
                _ => continue,
            };
            let shown = String::from_utf8_lossy(name);
            if let Some(id) = id.filter(|id| self.stack.contains(id)) {
                return Err(TextError::Pdf(format!(
                    "page {page_no}: the form XObject /{shown} (object {} {}) draws itself",
                    id.0, id.1
                )));
            }
            if self.stack.len() >= MAX_FORM_DEPTH {
                return Err(TextError::Pdf(format!(
                    "page {page_no}: form XObjects are nested more than {MAX_FORM_DEPTH} deep"
                )));
            }
            self.calls += 1;
            if self.calls > MAX_FORM_CALLS {
                return Err(TextError::Pdf(format!(
                    "page {page_no}: form XObjects are drawn more than {MAX_FORM_CALLS} times"
                )));
            }
            let inner_resources = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|r| deref(self.doc, r).as_dict().ok())
                .or(resources);
            let inner = match id {
                Some(id) => self
                    .names
                    .entry(id)
                    .or_insert_with(|| do_names(&stream_content(stream)))
                    .clone(),
                None => do_names(&stream_content(stream)),
            };
            if inner.is_empty() {
                continue;
            }
            self.stack.push(id.unwrap_or((0, 0)));
            self.visit(page_no, &inner, inner_resources)?;
            self.stack.pop();
        }
        Ok(())
    }
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
