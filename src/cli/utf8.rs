//! Checking an article's bytes as UTF-8, the usual case, at SIMD speed.
//!
//! Every article read from a file or standard input is checked as UTF-8
//! before anything else reads it. The standard library's check goes a
//! byte at a time from the first non-ASCII byte of each 16-byte stretch,
//! so a news text, with its curly quotes and dashes every few lines, paid
//! about 1.6 instructions a byte and a mispredicted branch at each of
//! them. simdutf8 checks 64 bytes at a time whatever they hold.

/// The text of `bytes` when they are valid UTF-8 with no NUL (the text
/// [`lede::input::decode_owned`] gives for them in each of the UTF-8
/// encodings); `Err(bytes)`, untouched, for any other bytes, which go the
/// long way.
pub fn valid_text(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() || memchr::memchr(0, &bytes).is_some() {
        return Err(bytes);
    }
    // SAFETY: `simdutf8::basic::from_utf8(&bytes)` returned Ok for exactly
    // these bytes, so they are valid UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_is_kept_in_place() {
        let bytes = "Caf\u{e9} \u{201c}quoted\u{201d} \u{2014} ok"
            .as_bytes()
            .to_vec();
        let at = bytes.as_ptr();
        let text = valid_text(bytes).unwrap();
        assert_eq!(text.as_ptr(), at);
        assert_eq!(text, "Caf\u{e9} \u{201c}quoted\u{201d} \u{2014} ok");
    }

    #[test]
    fn invalid_or_nul_bytes_are_handed_back() {
        for bad in [&b"abc\xffdef"[..], b"a\0b", b"\xc3", b"\xed\xa0\x80"] {
            assert_eq!(valid_text(bad.to_vec()), Err(bad.to_vec()));
        }
    }

    proptest::proptest! {
        /// Any bytes: the fast check accepts exactly what the standard
        /// library's accepts (less a NUL), with the same text.
        #[test]
        fn agrees_with_the_standard_check(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::num::u8::ANY,
                    proptest::sample::select(vec![0u8, b'a', b' ', 0xc3, 0xa9, 0xe2, 0x80, 0x9c, 0xf0, 0x9f, 0xed, 0xa0]),
                ],
                0..200,
            ),
        ) {
            let want = String::from_utf8(bytes.clone()).ok().filter(|t| !t.contains('\0'));
            proptest::prop_assert_eq!(valid_text(bytes).ok(), want);
        }
    }
}
