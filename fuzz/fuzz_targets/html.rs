//! The text stage on any bytes read as Html: decoding, extraction, cleaning, segmentation.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::quiet_caught_panics();
    common::check(data, dyad_text::Format::Html);
});
