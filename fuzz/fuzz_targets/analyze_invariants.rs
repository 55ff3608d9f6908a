//! Raw bytes, decoded as UTF-8; the analysis must keep every guarantee in
//! `lede::model` (checked by `tests/props.rs`, shared with the property
//! tests): JSON round trip, spans on char boundaries whose folded text is the
//! element's text, quotes inside their paragraph, no overlap, every non-blank
//! line covered once, a second run identical, and the LF, CRLF and
//! BOM-prefixed variants giving the same analysis up to spans.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/props.rs"]
mod props;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = lede::input::decode(data, lede::Encoding::Utf8) else {
        return;
    };
    if let Err(e) = props::check_variants(&text) {
        panic!("invariant broken: {e}\ninput: {text:?}");
    }
});
