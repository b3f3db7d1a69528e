//! Writing small PDF files object by object, for the tests that build hostile or valid PDFs in
//! place (no PDF library: the bytes are what a reader sees). Included by `#[path]` from the tests
//! that need it, like `opt_in.rs`.

#![allow(dead_code)]

/// A PDF file from its objects (numbered from 1, the first the catalog), with a correct
/// cross-reference table.
pub fn pdf(objects: &[String]) -> Vec<u8> {
    pdf_with_trailer(objects, "")
}

/// [`pdf`] with more trailer entries (`/Info 6 0 R`).
pub fn pdf_with_trailer(objects: &[String], extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1,
            if extra.is_empty() {
                String::new()
            } else {
                format!(" {extra}")
            }
        )
        .as_bytes(),
    );
    out
}

/// A stream object: its dictionary entries (without `<< >>`) and its content, with `/Length`.
pub fn stream(dict: &str, content: &str) -> String {
    format!(
        "<< {dict} /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
}
