//! Bytes in, text out: BOM, binary and encoding checks.
//!
//! Policy: lede reads UTF-8 (with or without a byte-order mark) and nothing
//! else unless asked. Invalid UTF-8 is an error naming the byte offset, never
//! silently replaced (unless [`Encoding::Utf8Lossy`] is asked for, and then
//! the caller is told). `Encoding` lets a caller decode legacy text
//! explicitly, by any WHATWG label, or detect it ([`Encoding::Auto`]); spans
//! then point into the decoded UTF-8 text, and `stats.bytes` is its length.

use std::borrow::Cow;
use std::str::FromStr;

use crate::error::InputError;

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// How to turn bytes into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8, strictly: invalid bytes are an error.
    #[default]
    Utf8,
    /// UTF-8, with each invalid sequence replaced by U+FFFD (for renderers
    /// that cut a character in two); [`first_invalid_utf8`] says where.
    Utf8Lossy,
    /// Windows-1252 (a superset of Latin-1's printable range).
    Windows1252,
    /// ISO-8859-1: each byte is the code point of the same number.
    Latin1,
    /// UTF-16, byte order from the BOM (little-endian without one).
    Utf16,
    /// UTF-16 little-endian.
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
    /// Any other encoding of the WHATWG Encoding Standard (`shift_jis`,
    /// `iso-8859-2`, `gb18030`, `koi8-r`...), by its label.
    Whatwg(&'static encoding_rs::Encoding),
    /// Detect: a UTF-16 byte-order mark, else valid UTF-8, else the legacy
    /// encoding the `chardetng` detector finds most likely.
    Auto,
}

impl FromStr for Encoding {
    type Err = InputError;

    /// `auto`, `latin1` (as ISO-8859-1, byte for byte, where WHATWG reads
    /// it as windows-1252), `utf-16` (byte order from the BOM), or any
    /// WHATWG label (case and surrounding space ignored).
    fn from_str(s: &str) -> Result<Encoding, InputError> {
        let key: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match key.as_str() {
            "auto" => return Ok(Encoding::Auto),
            "latin1" | "iso88591" => return Ok(Encoding::Latin1),
            "utf16" => return Ok(Encoding::Utf16),
            _ => {}
        }
        let unknown = || InputError::UnknownEncoding(s.to_string());
        let enc = encoding_rs::Encoding::for_label(s.trim().as_bytes()).ok_or_else(unknown)?;
        Ok(if enc == encoding_rs::UTF_8 {
            Encoding::Utf8
        } else if enc == encoding_rs::WINDOWS_1252 {
            Encoding::Windows1252
        } else if enc == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else if enc == encoding_rs::UTF_16BE {
            Encoding::Utf16Be
        } else if enc == encoding_rs::REPLACEMENT {
            // The labels of encodings that the standard decodes to one
            // U+FFFD (iso-2022-kr...): nothing would be left to analyse.
            return Err(unknown());
        } else {
            Encoding::Whatwg(enc)
        })
    }
}

/// Where the first byte that is not UTF-8 stands, if any: what
/// [`Encoding::Utf8Lossy`] replaced.
pub fn first_invalid_utf8(bytes: &[u8]) -> Option<usize> {
    std::str::from_utf8(bytes).err().map(|e| e.valid_up_to())
}

/// Decode `bytes` as `encoding`. UTF-8 input is borrowed, not copied; a BOM
/// is kept (spans count it) and skipped by the analysis.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<Cow<'_, str>, InputError> {
    match encoding {
        Encoding::Utf8 => {
            if bytes.starts_with(&[0xFF, 0xFE]) {
                return Err(InputError::Utf16 {
                    which: "little-endian",
                });
            }
            if bytes.starts_with(&[0xFE, 0xFF]) {
                return Err(InputError::Utf16 {
                    which: "big-endian",
                });
            }
            if let Some(offset) = memchr::memchr(0, bytes) {
                return Err(InputError::Binary { offset });
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => Ok(Cow::Borrowed(s)),
                Err(e) => Err(InputError::InvalidUtf8 {
                    offset: e.valid_up_to(),
                }),
            }
        }
        Encoding::Utf8Lossy => {
            if let Some(offset) = memchr::memchr(0, bytes) {
                return Err(InputError::Binary { offset });
            }
            Ok(String::from_utf8_lossy(bytes))
        }
        Encoding::Auto => {
            if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
                return decode(bytes, Encoding::Utf16);
            }
            if std::str::from_utf8(bytes).is_ok() {
                return decode(bytes, Encoding::Utf8);
            }
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let enc = detector.guess(None, false);
            Ok(Cow::Owned(single_byte(bytes, enc)))
        }
        Encoding::Whatwg(enc) => Ok(Cow::Owned(single_byte(bytes, enc))),
        Encoding::Windows1252 => Ok(Cow::Owned(single_byte(bytes, encoding_rs::WINDOWS_1252))),
        Encoding::Latin1 => Ok(Cow::Owned(bytes.iter().map(|&b| b as char).collect())),
        Encoding::Utf16 | Encoding::Utf16Le | Encoding::Utf16Be => {
            let (enc, body) = if bytes.starts_with(&[0xFF, 0xFE]) {
                (encoding_rs::UTF_16LE, &bytes[2..])
            } else if bytes.starts_with(&[0xFE, 0xFF]) {
                (encoding_rs::UTF_16BE, &bytes[2..])
            } else if encoding == Encoding::Utf16Be {
                (encoding_rs::UTF_16BE, bytes)
            } else {
                (encoding_rs::UTF_16LE, bytes)
            };
            let (text, _) = enc.decode_without_bom_handling(body);
            Ok(Cow::Owned(text.into_owned()))
        }
    }
}

/// [`decode`] for bytes the caller gives up: the same text or error, with
/// UTF-8 (the usual case) checked once and kept as it was read, not copied.
pub fn decode_owned(bytes: Vec<u8>, encoding: Encoding) -> Result<String, InputError> {
    match encoding {
        // Valid UTF-8 is these encodings' text as it is, unless it holds a
        // NUL; invalid UTF-8 (a UTF-16 byte-order mark included) goes the
        // long way.
        Encoding::Utf8 | Encoding::Utf8Lossy | Encoding::Auto => match String::from_utf8(bytes) {
            Ok(text) => match memchr::memchr(0, text.as_bytes()) {
                Some(offset) => Err(InputError::Binary { offset }),
                None => Ok(text),
            },
            Err(e) => decode(e.as_bytes(), encoding).map(Cow::into_owned),
        },
        _ => decode(&bytes, encoding).map(Cow::into_owned),
    }
}

fn single_byte(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> String {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_and_bom_kept() {
        let d = decode("\u{feff}Hi".as_bytes(), Encoding::Utf8).unwrap();
        assert!(matches!(d, Cow::Borrowed(_)));
        assert_eq!(&*d, "\u{feff}Hi");
    }

    #[test]
    fn invalid_utf8_names_offset() {
        let e = decode(b"abc\xffdef", Encoding::Utf8).unwrap_err();
        assert_eq!(e, InputError::InvalidUtf8 { offset: 3 });
        assert!(e.to_string().contains("--encoding"));
    }

    #[test]
    fn nul_is_binary() {
        assert_eq!(
            decode(b"ab\0c", Encoding::Utf8).unwrap_err(),
            InputError::Binary { offset: 2 }
        );
    }

    #[test]
    fn utf16_bom_is_refused_then_decoded_on_request() {
        let bytes: Vec<u8> = [0xFF, 0xFE, b'H', 0, b'i', 0].to_vec();
        assert!(matches!(
            decode(&bytes, Encoding::Utf8),
            Err(InputError::Utf16 { .. })
        ));
        assert_eq!(&*decode(&bytes, Encoding::Utf16).unwrap(), "Hi");
    }

    #[test]
    fn windows_1252_curly_quotes() {
        let d = decode(b"\x93Hi\x94 \xe9", Encoding::Windows1252).unwrap();
        assert_eq!(&*d, "\u{201c}Hi\u{201d} \u{e9}");
    }

    #[test]
    fn encoding_names() {
        assert_eq!("UTF-16LE".parse::<Encoding>().unwrap(), Encoding::Utf16Le);
        assert_eq!("cp1252".parse::<Encoding>().unwrap(), Encoding::Windows1252);
        assert_eq!(
            "unicode-1-1-utf-8".parse::<Encoding>().unwrap(),
            Encoding::Utf8
        );
        assert_eq!(
            " Shift_JIS ".parse::<Encoding>().unwrap(),
            Encoding::Whatwg(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(
            "l2".parse::<Encoding>().unwrap(),
            Encoding::Whatwg(encoding_rs::ISO_8859_2)
        );
        assert_eq!("AUTO".parse::<Encoding>().unwrap(), Encoding::Auto);
        assert!("ebcdic".parse::<Encoding>().is_err());
        assert!("iso-2022-kr".parse::<Encoding>().is_err());
    }

    #[test]
    fn whatwg_labels_decode() {
        let d = decode(
            b"\x8c\xbe\x82\xa4",
            Encoding::Whatwg(encoding_rs::SHIFT_JIS),
        )
        .unwrap();
        assert_eq!(&*d, "\u{8a00}\u{3046}");
        let d = decode(b"\xb9\xe8", "iso-8859-2".parse().unwrap()).unwrap();
        assert_eq!(&*d, "\u{161}\u{10d}");
    }

    #[test]
    fn auto_detects() {
        // Valid UTF-8 is kept as is (borrowed), a UTF-16 BOM decides...
        let d = decode("caf\u{e9}".as_bytes(), Encoding::Auto).unwrap();
        assert!(matches!(d, Cow::Borrowed("caf\u{e9}")));
        assert_eq!(
            &*decode(&[0xFF, 0xFE, b'H', 0], Encoding::Auto).unwrap(),
            "H"
        );
        // ...and legacy bytes go to the detector: French in windows-1252.
        let text = "Le caf\u{e9} de la gare a rouvert ses portes apr\u{e8}s des ann\u{e9}es de travaux, \u{e0} la grande joie des habitu\u{e9}s.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert_eq!(&*decode(&bytes, Encoding::Auto).unwrap(), text);
    }

    proptest::proptest! {
        /// Any bytes, any encoding: decode_owned gives what decode gives.
        #[test]
        fn decode_owned_is_decode(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::num::u8::ANY,
                    proptest::sample::select(vec![0u8, b'a', b' ', 0xc3, 0xa9, 0xff, 0xfe, 0xef, 0xbb, 0xbf]),
                ],
                0..24,
            ),
            which in 0usize..5,
        ) {
            let encoding = [
                Encoding::Utf8,
                Encoding::Utf8Lossy,
                Encoding::Auto,
                Encoding::Latin1,
                Encoding::Utf16,
            ][which];
            let want = decode(&bytes, encoding).map(Cow::into_owned);
            proptest::prop_assert_eq!(decode_owned(bytes, encoding), want);
        }
    }

    #[test]
    fn decode_owned_keeps_the_bytes() {
        let bytes = "caf\u{e9} au lait".as_bytes().to_vec();
        let at = bytes.as_ptr();
        let text = decode_owned(bytes, Encoding::Utf8).unwrap();
        assert_eq!(text.as_ptr(), at);
        assert_eq!(
            decode_owned(b"a\0b".to_vec(), Encoding::Utf8),
            Err(InputError::Binary { offset: 1 })
        );
        assert_eq!(
            decode_owned(vec![0xff, 0xfe, b'a', 0], Encoding::Utf8),
            decode(&[0xff, 0xfe, b'a', 0], Encoding::Utf8).map(Cow::into_owned)
        );
    }

    #[test]
    fn lossy_utf8_replaces_and_says_where() {
        let bytes = b"caf\xc3 ok";
        assert!(decode(bytes, Encoding::Utf8).is_err());
        assert_eq!(
            &*decode(bytes, Encoding::Utf8Lossy).unwrap(),
            "caf\u{fffd} ok"
        );
        assert_eq!(first_invalid_utf8(bytes), Some(3));
        assert_eq!(first_invalid_utf8(b"fine"), None);
    }
}
