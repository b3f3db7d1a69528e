//! What the text-stage targets share: the stage must return a document or an error, never
//! panic, and every segment must index the clean text.

use dyad_text::{process, Format, Options};

/// Panics that the code under test catches itself (pdf-extract's, behind `catch_unwind`) are
/// handled errors, not crashes: libfuzzer-sys's hook would abort on them, so it is replaced by a
/// silent one. A panic that escapes the target still aborts (libfuzzer-sys catches it).
pub fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

pub fn check(bytes: &[u8], format: Format) {
    match process(bytes, format, &Options::default()) {
        Ok(doc) => {
            let n = doc.clean_text.chars().count();
            for s in &doc.segments {
                assert!(s.span.0 < s.span.1 && s.span.1 <= n, "{:?} of {n}", s.span);
                assert!(!s.text.trim().is_empty());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}
