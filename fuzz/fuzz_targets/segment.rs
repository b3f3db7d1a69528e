//! The segmenter on any text: sentence ranges lie in order inside the text, none longer than
//! the cap; and the cleaner and segmenter together, in both layouts.
#![no_main]

use dyad_text::{clean, segment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    let mut end = 0;
    for (a, b) in segment::sentence_ranges(&chars) {
        assert!(
            end <= a && a <= b && b <= chars.len(),
            "{a}..{b} after {end} of {}",
            chars.len()
        );
        assert!(b - a <= segment::MAX_SENTENCE_CHARS, "{a}..{b} is too long");
        end = b;
    }
    let layout = if pick & 1 == 0 {
        clean::Layout::Flowed
    } else {
        clean::Layout::Structured
    };
    let cleaned = clean::clean(&text, layout);
    let n = cleaned.text.chars().count();
    for s in segment::segments(&cleaned) {
        assert!(s.span.0 < s.span.1 && s.span.1 <= n, "{:?} of {n}", s.span);
    }
});
