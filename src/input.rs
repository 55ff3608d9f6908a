//! Bytes in, text out: BOM, binary and encoding checks.
//!
//! Policy: lede reads UTF-8 (with or without a byte-order mark) and nothing
//! else unless asked. Invalid UTF-8 is an error naming the byte offset, never
//! silently replaced. `Encoding` lets a caller decode legacy text explicitly;
//! spans then point into the decoded UTF-8 text.

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
    /// Windows-1252 (a superset of Latin-1's printable range).
    Windows1252,
    /// ISO-8859-1.
    Latin1,
    /// UTF-16, byte order from the BOM (little-endian without one).
    Utf16,
    /// UTF-16 little-endian.
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
}

impl FromStr for Encoding {
    type Err = InputError;

    fn from_str(s: &str) -> Result<Encoding, InputError> {
        let key: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Ok(match key.as_str() {
            "utf8" => Encoding::Utf8,
            "windows1252" | "cp1252" => Encoding::Windows1252,
            "latin1" | "iso88591" => Encoding::Latin1,
            "utf16" => Encoding::Utf16,
            "utf16le" => Encoding::Utf16Le,
            "utf16be" => Encoding::Utf16Be,
            _ => return Err(InputError::UnknownEncoding(s.to_string())),
        })
    }
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
        assert!("ebcdic".parse::<Encoding>().is_err());
    }
}
