//! Errors the library reports about its input.

use thiserror::Error;

/// Why a byte string could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    /// The input holds a NUL byte: it is binary, not text.
    #[error("binary input: NUL byte at offset {offset}")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The input is not valid UTF-8.
    #[error(
        "invalid UTF-8 at byte offset {offset} (try --encoding auto, windows-1252 or another label, or --lossy)"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input starts with a UTF-16 byte-order mark but no encoding was asked for.
    #[error("input is UTF-16 ({which} byte-order mark); pass --encoding utf-16")]
    Utf16 {
        /// "little-endian" or "big-endian".
        which: &'static str,
    },
    /// The input is larger than the configured limit.
    #[error("input is {size} bytes, over the limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge {
        /// Size of the input.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The encoding name is not one lede knows.
    #[error(
        "unknown encoding '{0}' (use a WHATWG label such as utf-8, windows-1252, iso-8859-2, shift_jis, gb18030, utf-16le; latin1; or auto to detect)"
    )]
    UnknownEncoding(String),
}
