//! The decoder on any bytes: the first byte picks the charset declared by the caller and the
//! one the document declares about itself (or none); the rest is decoded.
#![no_main]

use libfuzzer_sys::fuzz_target;

const CHARSETS: [Option<&str>; 8] = [
    None,
    Some("gb18030"),
    Some("big5"),
    Some("koi8-r"),
    Some("windows-1251"),
    Some("utf-16le"),
    Some("utf-8"),
    Some("nonsense"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let declared = CHARSETS[usize::from(pick & 7)];
    let hint = CHARSETS[usize::from((pick >> 3) & 7)];
    match dyad_text::decode::decode(bytes, declared, hint) {
        Ok(d) => assert!(d.replaced <= bytes.len()),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
