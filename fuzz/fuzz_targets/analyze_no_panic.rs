//! Raw bytes through the same path as the `lede` binary: strict UTF-8
//! decoding (an error is a fine outcome), then analysis and JSON output.
//! Finds panics, hangs and runaway memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = lede::input::decode(data, lede::Encoding::Utf8) else {
        return;
    };
    let (analysis, _explained) = lede::analyze_explained(&text);
    let json = serde_json::to_string(&analysis).expect("the analysis serialises");
    assert!(!json.is_empty());
});
