//! A JSON writer that gives the bytes serde_json gives, compact or pretty
//! (two spaces an indent), for the output path written from spans
//! ([`crate::stream`]): the large strings (paragraphs, boilerplate,
//! quotations) go through [`push_str`], which copies runs of plain bytes
//! whole, 32 bytes tested at a time, where serde_json tests and branches
//! on each byte; small nested values (a byline, the stats) go through serde
//! with [`Json::value`], at the writer's indent.
//!
//! Strings are escaped as serde_json escapes them: `"` and `\` with a
//! backslash, the control bytes with their short forms (`\b \f \n \r \t`)
//! or as `\u00XX` in lowercase hex, every other byte as it is (non-ASCII,
//! `/`, U+2028 included).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::span::Span;

/// What a byte becomes in a string: 0 for itself, else the letter after
/// the backslash (`u` for `\u00XX`).
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

use crate::swar::{word_at, HIGH, ONES};

/// Whether one of the eight bytes of `x` is escaped: below 0x20, `"` or
/// `\`. (`v - 1` borrows into a byte's high bit only where some byte is
/// zero, or below `n` for `v - n`; bits above that first one may be set
/// wrongly, which a yes-or-no answer does not mind.)
#[inline]
fn any_escaped(x: u64) -> bool {
    escaped_marks(x) != 0
}

/// Not 0 when one of the eight bytes of `x` is escaped (the high bits
/// [`any_escaped`] reads).
#[inline(always)]
fn escaped_marks(x: u64) -> u64 {
    let q = x ^ (ONES * u64::from(b'"'));
    let s = x ^ (ONES * u64::from(b'\\'));
    (x.wrapping_sub(ONES * 0x20) & !x | q.wrapping_sub(ONES) & !q | s.wrapping_sub(ONES) & !s)
        & HIGH
}

/// Write the escape of `byte`, whose table entry is `e` (not 0).
#[cold]
fn push_escape(out: &mut Vec<u8>, e: u8, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if e == b'u' {
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(byte >> 4)],
            HEX[usize::from(byte & 0xf)],
        ]);
    } else {
        out.extend_from_slice(&[b'\\', e]);
    }
}

/// Append `s` as a JSON string, quotes included. A short one is written
/// in place ([`push_short`], inlined where it is asked: most of the 58,000
/// texts of the 4 MB real set are boilerplate blocks of a few words,
/// where a call and the registers it saved cost some 12 instructions a
/// string); a longer one, or one to escape, by [`push_long`].
#[inline(always)]
pub fn push_str(out: &mut Vec<u8>, s: &str) {
    if s.len() <= SHORT && push_short(out, s.as_bytes()) {
        return;
    }
    push_long(out, s);
}

/// [`push_str`] past [`push_short`]: the general path.
fn push_long(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    push_escaped(out, s.as_bytes());
    out.push(b'"');
}

/// The longest string [`push_short`] writes.
const SHORT: usize = 64;

/// [`push_str`] of `b` (at most [`SHORT`] bytes) when no byte of it is
/// escaped; `false`, with nothing written, when one is. Most strings are
/// short (a boilerplate block of a few words: "Read more", "Share this
/// story"), and for them the general path's calls (a reserve, the escape
/// test, a copy of a varying length, which calls `memcpy`) cost more than
/// the text. Here the bytes are read as two pieces of a fixed length
/// (one word of eight, two words, or two blocks of 16 or 32 bytes) that
/// overlap where the string is shorter than both, or are gathered into
/// one word when there are fewer than eight; each piece is tested, and
/// stored at its place in a buffer of fixed length between the quotes,
/// which is appended whole and cut back to the string.
#[inline(always)]
fn push_short(out: &mut Vec<u8>, b: &[u8]) -> bool {
    let n = b.len();
    debug_assert!(n <= SHORT);
    if n < 8 {
        // The bytes in the low end of one word: two overlapping halves,
        // or the first, middle and last byte (equal where they overlap).
        let w = if n >= 4 {
            let lo = u32::from_le_bytes(b[..4].try_into().expect("four bytes"));
            let hi = u32::from_le_bytes(b[n - 4..].try_into().expect("four bytes"));
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        } else if n > 0 {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        } else {
            0
        };
        // Spaces past the end, which are not escaped.
        if any_escaped(w | (ONES * u64::from(b' ')) << (8 * n)) {
            return false;
        }
        let mut buf = [b'"'; 10];
        buf[1..9].copy_from_slice(&w.to_le_bytes());
        buf[n + 1] = b'"';
        append_cut(out, &buf, n + 2);
    } else if n <= 16 {
        let (first, last) = (word_at(b, 0), word_at(b, n - 8));
        if escaped_marks(first) | escaped_marks(last) != 0 {
            return false;
        }
        let mut buf = [b'"'; 18];
        buf[1..9].copy_from_slice(&first.to_le_bytes());
        buf[n - 7..n + 1].copy_from_slice(&last.to_le_bytes());
        buf[n + 1] = b'"';
        append_cut(out, &buf, n + 2);
    } else {
        // (One buffer for both lengths of block: two appends of two
        // lengths had been merged into one copy of a varying length.)
        let mut buf = [b'"'; SHORT + 2];
        let plain = match n <= 32 {
            true => short_blocks::<16>(&mut buf, b),
            false => short_blocks::<32>(&mut buf, b),
        };
        if !plain {
            return false;
        }
        buf[n + 1] = b'"';
        append_cut(out, &buf, n + 2);
    }
    true
}

/// [`push_short`] of `b`, of `N` to `2 * N` bytes, as its first and its
/// last `N` bytes, stored into `buf` after its first byte; `false` when
/// a byte is escaped.
#[inline(always)]
fn short_blocks<const N: usize>(buf: &mut [u8; SHORT + 2], b: &[u8]) -> bool {
    let n = b.len();
    debug_assert!(N <= n && n <= 2 * N && 2 * N <= SHORT);
    let (first, last) = (block_at::<N>(b, 0), block_at::<N>(b, n - N));
    if block_escaped(first) || block_escaped(last) {
        return false;
    }
    buf[1..N + 1].copy_from_slice(first);
    buf[n + 1 - N..n + 1].copy_from_slice(last);
    true
}

/// Append the first `len` bytes of `buf`: the whole array (a copy of a
/// fixed length, which needs no call), cut back.
#[inline(always)]
fn append_cut<const N: usize>(out: &mut Vec<u8>, buf: &[u8; N], len: usize) {
    let at = out.len();
    out.extend_from_slice(buf);
    out.truncate(at + len);
}
/// Whether one of the bytes of `block` is escaped: below 0x20, `"` or
/// `\\`. Written as a loop of byte tests that the compiler turns into a
/// few vector compares (sixteen bytes each) and one mask, about a third
/// of what the eight-byte word tests of [`escaped_marks`] cost a byte.
#[inline(always)]
fn block_escaped<const N: usize>(block: &[u8; N]) -> bool {
    let mut acc = 0u8;
    for &b in block {
        acc |= (u8::from(b < 0x20) << 1) | u8::from((b == b'"') | (b == b'\\'));
    }
    acc != 0
}

/// The `N` bytes of `bytes` from `at`.
#[inline(always)]
fn block_at<const N: usize>(bytes: &[u8], at: usize) -> &[u8; N] {
    bytes[at..at + N].try_into().expect("N bytes")
}

/// Append `bytes` escaped as in a JSON string (any cut of a string's
/// bytes: only ASCII bytes are escaped).
fn push_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let n = bytes.len();
    // `bytes[copied..]` is not in `out` yet.
    let mut copied = 0;
    let mut at = 0;
    while at + 32 <= n {
        if block_escaped::<32>(block_at(bytes, at)) {
            copied = escape_in(out, bytes, copied, at, at + 32);
        }
        at += 32;
    }
    if at < n {
        // The rest, fewer than 32 bytes, tested in blocks that may reach
        // back over bytes already read (which are plain, or escaped
        // already: `escape_in` reads from `at` on).
        let escaped = if n >= 32 {
            block_escaped::<32>(block_at(bytes, n - 32))
        } else if n >= 16 {
            block_escaped::<16>(block_at(bytes, 0)) || block_escaped::<16>(block_at(bytes, n - 16))
        } else if n >= 8 {
            any_escaped(word_at(bytes, 0)) || any_escaped(word_at(bytes, n - 8))
        } else {
            let mut word = [b' '; 8];
            word[..n].copy_from_slice(bytes);
            any_escaped(u64::from_le_bytes(word))
        };
        if escaped {
            copied = escape_in(out, bytes, copied, at, n);
        }
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// Escape the bytes of `bytes[from..to]` that need it, copying what comes
/// before each from `copied` on; returns the new `copied`. Each escaped
/// byte is found by the eight-byte test (its lowest mark is exact), the
/// bytes between them skipped eight at a time.
#[inline(never)]
fn escape_in(out: &mut Vec<u8>, bytes: &[u8], mut copied: usize, from: usize, to: usize) -> usize {
    let mut i = from;
    while i < to {
        if i + 8 > bytes.len() {
            // The last few bytes of the string, one at a time.
            copied = escape_bytes(out, bytes, copied, i, to);
            break;
        }
        let mut marks = escaped_marks(word_at(bytes, i));
        if to - i < 8 {
            marks &= HIGH >> (8 * (8 - (to - i)));
        }
        if marks == 0 {
            i += 8;
            continue;
        }
        let at = i + (marks.trailing_zeros() / 8) as usize;
        let b = bytes[at];
        out.extend_from_slice(&bytes[copied..at]);
        push_escape(out, ESCAPE[usize::from(b)], b);
        copied = at + 1;
        i = at + 1;
    }
    copied
}

/// [`escape_in`] a byte at a time.
fn escape_bytes(
    out: &mut Vec<u8>,
    bytes: &[u8],
    mut copied: usize,
    from: usize,
    to: usize,
) -> usize {
    for (i, &b) in bytes.iter().enumerate().take(to).skip(from) {
        let e = ESCAPE[usize::from(b)];
        if e != 0 {
            out.extend_from_slice(&bytes[copied..i]);
            push_escape(out, e, b);
            copied = i + 1;
        }
    }
    copied
}

/// Append `n` in decimal.
fn push_uint(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 20];
    let at = digits_before(&mut buf, 20, n);
    out.extend_from_slice(&buf[at..]);
}

/// Write `n` in decimal into `buf` to end before `end` (it has room: 20
/// bytes); returns where it starts.
#[inline]
fn digits_before(buf: &mut [u8], end: usize, mut n: u64) -> usize {
    // Two digits a division, from a table of "00" to "99".
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut at = end;
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    at
}

/// Numbers below this have at most eight digits ([`eight_digits`]).
const EIGHT_DIGITS: usize = 100_000_000;

/// The four ASCII digits of every number below 10,000, leading zeros
/// kept ("0042" for 42), the first in the lowest byte: [`eight_digits`]
/// reads a number's two halves from it. (40 KB, made when compiled.)
static FOUR_DIGITS: [u32; 10_000] = {
    let mut t = [0u32; 10_000];
    let mut n = 0;
    while n < 10_000 {
        t[n] = u32::from_le_bytes([
            b'0' + (n / 1000) as u8,
            b'0' + (n / 100 % 10) as u8,
            b'0' + (n / 10 % 10) as u8,
            b'0' + (n % 10) as u8,
        ]);
        n += 1;
    }
    t
};

/// The decimal digits of `n` (below [`EIGHT_DIGITS`]) as ASCII, the first
/// in the lowest byte, and how many there are: its two halves of four
/// digits read from [`FOUR_DIGITS`], then the leading zeros shifted out.
/// Made two by two in the lanes of one word, a product and a shift for
/// each division by 100 or 10 ([`eight_digits_by_lanes`]), they had cost
/// some forty instructions a number, and a span is written for every
/// element (a page of short captions and links has thousands).
#[inline(always)]
fn eight_digits(n: u32) -> (u64, usize) {
    debug_assert!((n as usize) < EIGHT_DIGITS);
    let v = u64::from(FOUR_DIGITS[(n / 10_000) as usize])
        | u64::from(FOUR_DIGITS[(n % 10_000) as usize]) << 32;
    // Leading zero digits are the low bytes that are `0`; the top bit
    // stops the count at seven (0 keeps one digit).
    let zeros = (((v ^ (ONES * u64::from(b'0'))) | 1 << 63).trailing_zeros() / 8) as usize;
    (v >> (8 * zeros), 8 - zeros)
}

/// [`eight_digits`] by lanes: the reference its test holds it to.
#[cfg(test)]
fn eight_digits_by_lanes(n: u32) -> (u64, usize) {
    // Two lanes of 32 bits: the first four digits, then the last four.
    let v = u64::from(n / 10_000) | (u64::from(n % 10_000) << 32);
    // Each lane x < 10^4 into x / 100 and x % 100, in lanes of 16 bits.
    let hundreds = ((v * 5243) >> 19) & 0x0000_007f_0000_007f;
    let v = hundreds | ((v - hundreds * 100) << 16);
    // Each lane y < 100 into y / 10 and y % 10, in lanes of 8 bits.
    let tens = ((v * 103) >> 10) & 0x000f_000f_000f_000f;
    let v = tens | ((v - tens * 10) << 8);
    // Leading zero digits are the low zero bytes (all eight for 0: one
    // digit is kept).
    let zeros = ((v.trailing_zeros() / 8) as usize).min(7);
    ((v | (ONES * u64::from(b'0'))) >> (8 * zeros), 8 - zeros)
}

/// Append `[start,end]`, both below [`EIGHT_DIGITS`]: built in a buffer
/// whose fixed length is copied whole and cut back, where a copy of a
/// varying length calls `memcpy`.
#[inline(always)]
fn push_small_span(out: &mut Vec<u8>, start: u32, end: u32) {
    let mut buf = [0u8; 24];
    let (digits, n) = eight_digits(start);
    buf[0] = b'[';
    buf[1..9].copy_from_slice(&digits.to_le_bytes());
    buf[1 + n] = b',';
    let at = 2 + n;
    let (digits, n) = eight_digits(end);
    buf[at..at + 8].copy_from_slice(&digits.to_le_bytes());
    buf[at + n] = b']';
    let len = out.len();
    out.extend_from_slice(&buf);
    out.truncate(len + at + n + 1);
}

/// [`push_small_span`] with the fixed bytes `prefix` before it (the
/// key, and any field before it) and a `}` after it when `close`, all in
/// one append: the last fields of a compact element and its close, each
/// of which had cost an append of its own (a capacity test, a store and
/// the length) for every element.
#[inline(always)]
fn push_small_span_in<const P: usize>(
    out: &mut Vec<u8>,
    prefix: &[u8; P],
    start: u32,
    end: u32,
    close: bool,
) {
    // The prefix, `[`, eight digits, `,`, eight digits, `]`, `}`.
    let mut buf = [0u8; SPAN_PIECE];
    buf[..P].copy_from_slice(prefix);
    buf[P] = b'[';
    let (digits, n) = eight_digits(start);
    buf[P + 1..P + 9].copy_from_slice(&digits.to_le_bytes());
    buf[P + 1 + n] = b',';
    let at = P + 2 + n;
    let (digits, n) = eight_digits(end);
    buf[at..at + 8].copy_from_slice(&digits.to_le_bytes());
    buf[at + n] = b']';
    buf[at + n + 1] = b'}';
    append_cut(out, &buf, at + n + 1 + usize::from(close));
}

/// The room of [`push_small_span_in`]'s piece: a prefix of up to 28
/// bytes and the longest span with its close (20 bytes).
const SPAN_PIECE: usize = 48;

/// A newline and `depth` indents.
fn write_indent<W: Write + ?Sized>(w: &mut W, depth: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = b"                                                                ";
    w.write_all(b"\n")?;
    let mut left = depth * 2;
    while left > 0 {
        let n = left.min(SPACES.len());
        w.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

/// A JSON document written piece by piece, in serde_json's layout: the
/// caller opens objects and arrays, names keys, starts elements, and writes
/// values; the writer puts the commas, colons, newlines and indents.
///
/// The pieces go into a buffer of the writer's own, handed to the sink
/// whenever an element starts with [`FLUSH_AT`] bytes or more in it, after
/// each piece of a long [`Json::text`], whenever it fills during a
/// [`Json::value`], and at [`Json::finish`]: small pieces cost a push, not
/// a call through `io::Write`, and the buffer stays about [`FLUSH_AT`]
/// plus one short element long. ([`Json::appending`] writes into a `Vec`
/// kept whole instead, for short articles.)
pub struct Json<W: Write> {
    out: Vec<u8>,
    sink: W,
    flush_at: usize,
    pretty: bool,
    depth: usize,
    /// No key or element yet in the innermost open object or array.
    empty: bool,
}

/// How full the buffer gets before it is handed to the sink.
pub const FLUSH_AT: usize = 32 * 1024;

impl<W: Write> Json<W> {
    /// A writer into `sink`, pretty or compact.
    pub fn new(sink: W, pretty: bool) -> Json<W> {
        Json {
            out: Vec::with_capacity(FLUSH_AT + FLUSH_AT / 4),
            sink,
            flush_at: FLUSH_AT,
            pretty,
            depth: 0,
            empty: true,
        }
    }

    /// Hand what is written to the sink (the document should be whole).
    pub fn finish(mut self) -> io::Result<()> {
        self.sink.write_all(&self.out)
    }
}

impl Json<io::Sink> {
    /// A writer that appends to `out`, kept whole (no sink, no copy).
    pub fn appending(out: Vec<u8>, pretty: bool) -> Json<io::Sink> {
        Json {
            out,
            sink: io::sink(),
            flush_at: usize::MAX,
            pretty,
            depth: 0,
            empty: true,
        }
    }

    /// The bytes: `out` with the document after them.
    pub fn into_vec(self) -> Vec<u8> {
        self.out
    }
}

impl<W: Write> Json<W> {
    /// Before a key or an element: the comma, and in pretty JSON the line.
    #[inline(always)]
    fn next_item(&mut self) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        if self.pretty {
            // (Writing into a Vec does not fail.)
            let _ = write_indent(&mut self.out, self.depth);
        }
    }

    #[inline]
    fn open(&mut self, mark: u8) {
        self.depth += 1;
        self.empty = true;
        self.out.push(mark);
    }

    #[inline]
    fn close(&mut self, mark: u8) {
        self.depth -= 1;
        if self.pretty && !self.empty {
            let _ = write_indent(&mut self.out, self.depth);
        }
        // The object or array closed is a value of the one around it.
        self.empty = false;
        self.out.push(mark);
    }

    /// Open an object (`{`).
    #[inline]
    pub fn begin_object(&mut self) {
        self.open(b'{');
    }

    /// Close the innermost object (`}`).
    #[inline]
    pub fn end_object(&mut self) {
        self.close(b'}');
    }

    /// Open an array (`[`).
    #[inline]
    pub fn begin_array(&mut self) {
        self.open(b'[');
    }

    /// Close the innermost array (`]`).
    #[inline]
    pub fn end_array(&mut self) {
        self.close(b']');
    }

    /// The next key of the open object (a name that needs no escape); its
    /// value follows.
    #[inline(always)]
    pub fn key(&mut self, key: &str) {
        debug_assert!(key.bytes().all(|b| ESCAPE[usize::from(b)] == 0));
        self.next_item();
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out
            .extend_from_slice(if self.pretty { b"\": " } else { b"\":" });
    }

    /// The next element of the open array; its value follows. The buffer
    /// goes to the sink here when it is full.
    #[inline]
    pub fn element(&mut self) -> io::Result<()> {
        if self.out.len() >= self.flush_at {
            self.sink.write_all(&self.out)?;
            self.out.clear();
        }
        self.next_item();
        Ok(())
    }

    /// Is the layout pretty (indented) rather than compact?
    #[inline]
    pub fn is_pretty(&self) -> bool {
        self.pretty
    }

    /// Compact JSON written as it is (keys, marks, a name): for the
    /// fixed parts of an element, where the calls that lay them out would
    /// push them a byte or a key at a time. The caller keeps to the
    /// layout: it writes this only where the writer is compact, and only
    /// within one element, whose [`Json::element`] (the comma) was
    /// already written.
    #[inline(always)]
    pub fn raw(&mut self, piece: &[u8]) {
        debug_assert!(!self.pretty);
        self.out.extend_from_slice(piece);
    }

    /// [`Json::raw`] of the first `len` bytes of `piece`: the whole array
    /// appended, a copy of fixed length, and cut back, where a piece of a
    /// varying length is copied by a call to `memcpy`.
    #[inline(always)]
    pub fn raw_padded<const N: usize>(&mut self, piece: &[u8; N], len: usize) {
        debug_assert!(!self.pretty && len <= N);
        append_cut(&mut self.out, piece, len);
    }

    /// A string value.
    pub fn str(&mut self, s: &str) {
        push_str(&mut self.out, s);
    }

    /// A string value that may be long (a text of the input): written a
    /// piece at a time, the buffer handed to the sink after each, so that
    /// one long paragraph is not held again whole, escaped.
    #[inline(always)]
    pub fn text(&mut self, s: &str) -> io::Result<()> {
        if s.len() <= self.flush_at {
            push_str(&mut self.out, s);
            return Ok(());
        }
        self.text_in_pieces(s)
    }

    /// [`Json::text`] of a text longer than the buffer is flushed at, in
    /// pieces.
    fn text_in_pieces(&mut self, s: &str) -> io::Result<()> {
        self.out.push(b'"');
        for piece in s.as_bytes().chunks(FLUSH_AT) {
            push_escaped(&mut self.out, piece);
            self.sink.write_all(&self.out)?;
            self.out.clear();
        }
        self.out.push(b'"');
        Ok(())
    }

    /// [`Json::text`] of a text known to hold no byte that is escaped
    /// (a paragraph whose count read every such byte, see
    /// `stats::counts_and_plain`): copied whole, where [`Json::text`]
    /// tests every byte again.
    pub fn plain_text(&mut self, s: &str) -> io::Result<()> {
        debug_assert!(s.bytes().all(|b| ESCAPE[usize::from(b)] == 0));
        if s.len() > self.flush_at {
            return self.text(s);
        }
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
        Ok(())
    }

    /// A string value that needs no escape (a name from the program).
    #[inline(always)]
    pub fn name(&mut self, name: &str) {
        debug_assert!(name.bytes().all(|b| ESCAPE[usize::from(b)] == 0));
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'"');
    }

    /// A string value, or `null`.
    #[inline]
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    /// A number.
    #[inline]
    pub fn uint(&mut self, n: u64) {
        push_uint(&mut self.out, n);
    }

    /// A number, or `null`.
    #[inline]
    pub fn opt_uint(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.uint(n),
            None => self.null(),
        }
    }

    /// `true` or `false`.
    #[inline]
    pub fn bool(&mut self, b: bool) {
        self.out
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// `null`.
    #[inline]
    pub fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    /// A span, as `Span` serialises: `[start, end]`. The common case,
    /// compact with numbers of up to eight digits, is written in place
    /// (a span is written for every element, and the call cost a fifth of
    /// the span); [`Json::span_rest`] writes the others.
    #[inline(always)]
    pub fn span(&mut self, s: Span) {
        if !self.pretty && s.start.max(s.end) < EIGHT_DIGITS {
            push_small_span(&mut self.out, s.start as u32, s.end as u32);
            self.empty = false;
            return;
        }
        self.span_rest(s);
    }

    /// Compact only: the fixed bytes `prefix` (the span's key, and any
    /// fixed field before it), the span, and `}` when `close` (the
    /// element ends with it), as [`Json::raw`], [`Json::span`] and
    /// [`Json::raw`] write them; for the common span in one append.
    #[inline(always)]
    pub fn span_after<const P: usize>(&mut self, prefix: &[u8; P], s: Span, close: bool) {
        debug_assert!(!self.pretty);
        const { assert!(P + 20 <= SPAN_PIECE) };
        if s.start.max(s.end) < EIGHT_DIGITS {
            push_small_span_in(&mut self.out, prefix, s.start as u32, s.end as u32, close);
            self.empty = false;
            return;
        }
        self.raw(prefix);
        self.span_rest(s);
        if close {
            self.raw(b"}");
        }
    }

    /// [`Json::span`] pretty, or with a number of nine digits or more.
    #[inline(never)]
    fn span_rest(&mut self, s: Span) {
        if !self.pretty {
            // "[start,end]" built on the stack, appended at once: what the
            // array's calls below write compact.
            let mut buf = [0u8; 43];
            buf[42] = b']';
            let at = digits_before(&mut buf, 42, s.end as u64) - 1;
            buf[at] = b',';
            let at = digits_before(&mut buf, at, s.start as u64) - 1;
            buf[at] = b'[';
            self.out.extend_from_slice(&buf[at..]);
            self.empty = false;
            return;
        }
        self.begin_array();
        // (Two numbers: no flush needed between them.)
        self.next_item();
        self.uint(s.start as u64);
        self.next_item();
        self.uint(s.end as u64);
        self.end_array();
    }

    /// Any value, by serde, laid out at this depth; the buffer goes to the
    /// sink whenever it is full, so a long list (the speakers of a long
    /// article) is not held whole.
    pub fn value<T: Serialize + ?Sized>(&mut self, v: &T) -> io::Result<()> {
        let at = Nested {
            pretty: self.pretty,
            depth: self.depth,
            has_value: false,
        };
        let spill = Spill {
            out: &mut self.out,
            sink: &mut self.sink,
            flush_at: self.flush_at,
        };
        v.serialize(&mut serde_json::Serializer::with_formatter(spill, at))
            .map_err(io::Error::from)
    }
}

/// The writer's buffer as an `io::Write`, handed to the sink when full.
struct Spill<'a, W> {
    out: &'a mut Vec<u8>,
    sink: &'a mut W,
    flush_at: usize,
}

impl<W: Write> Write for Spill<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.extend_from_slice(buf);
        if self.out.len() >= self.flush_at {
            self.sink.write_all(self.out)?;
            self.out.clear();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// serde_json's compact or pretty layout, starting `depth` indents in.
struct Nested {
    pretty: bool,
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn open<W: Write + ?Sized>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    fn close<W: Write + ?Sized>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.pretty && self.has_value {
            write_indent(w, self.depth)?;
        }
        w.write_all(mark)
    }

    fn item<W: Write + ?Sized>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.pretty {
            write_indent(w, self.depth)?;
        }
        Ok(())
    }
}

impl Formatter for Nested {
    fn begin_array<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: Write + ?Sized>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: Write + ?Sized>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: Write + ?Sized>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: Write + ?Sized>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.pretty { b": " } else { b":" })
    }

    fn end_object_value<W: Write + ?Sized>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn written(s: &str) -> String {
        let mut v = Vec::new();
        push_str(&mut v, s);
        String::from_utf8(v).unwrap()
    }

    /// Every byte below 0x80 alone, and between plain text at every
    /// offset of strings of every length up to past two blocks.
    #[test]
    fn escapes_every_ascii_byte_as_serde_json() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            // Every length to 70 (the 32-byte blocks, the rest by 32, 16
            // or 8 bytes, or padded), the byte at every place.
            for len in 1..70 {
                for pad in 0..len {
                    let s = format!("{}{c}{}", "a".repeat(pad), "b".repeat(len - 1 - pad));
                    assert_eq!(written(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    /// The general path of [`push_str`], without [`push_short`].
    fn written_long_way(s: &str) -> String {
        let mut v = b"x".to_vec();
        v.push(b'"');
        push_escaped(&mut v, s.as_bytes());
        v.push(b'"');
        String::from_utf8(v).unwrap()
    }

    /// Short strings of every length to past [`SHORT`], of plain ASCII,
    /// wide chars cut at every place, and one escaped byte at every
    /// place: the short path writes what the general path writes (after
    /// bytes already written), or declines.
    #[test]
    fn short_strings_as_the_long_way() {
        let texts = (0..=SHORT + 2).flat_map(|n| {
            let plain = "Kestrel Lane 42 ".repeat(5)[..n].to_string();
            let wide: String = "\u{e9}\u{65e5}a\u{1f600}".chars().cycle().take(n).collect();
            let escaped = (0..n).map(move |k| {
                let mut t = "b".repeat(n).into_bytes();
                t[k] = [b'"', b'\\', b'\n', 0x1f, 0][k % 5];
                String::from_utf8(t).unwrap()
            });
            [plain, wide].into_iter().chain(escaped)
        });
        for t in texts {
            let mut v = b"x".to_vec();
            let short = t.len() <= SHORT && push_short(&mut v, t.as_bytes());
            let plain = !t.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
            assert_eq!(short, plain && t.len() <= SHORT, "{t:?}");
            if short {
                assert_eq!(String::from_utf8(v).unwrap(), written_long_way(&t), "{t:?}");
            } else {
                assert_eq!(v, b"x", "{t:?}");
            }
        }
    }

    #[test]
    fn escapes_named_cases() {
        assert_eq!(written(""), "\"\"");
        assert_eq!(written("a\"b\\c/d"), r#""a\"b\\c/d""#);
        assert_eq!(written("\u{8}\u{c}\n\r\t"), r#""\b\f\n\r\t""#);
        assert_eq!(written("\u{1}\u{1f}\u{7f}"), "\"\\u0001\\u001f\u{7f}\"");
        assert_eq!(written("caf\u{e9} \u{2028}"), "\"caf\u{e9} \u{2028}\"");
    }

    proptest::proptest! {
        /// Any string: the bytes serde_json writes.
        #[test]
        fn any_string_as_serde_json(s in "(\\PC|[\u{0}-\u{1f}\"\\\\/\u{7f}\u{2028}\u{2029}])*") {
            proptest::prop_assert_eq!(written(&s), serde_json::to_string(&s).unwrap());
        }

        /// A span in an object, compact and pretty: serde_json's bytes.
        #[test]
        fn spans_as_serde_json(start: u64, end: u64, small in 0u64..1000) {
            for pretty in [false, true] {
                let mut j = Json::appending(Vec::new(), pretty);
                j.begin_object();
                j.key("s");
                j.span(Span::new(start as usize, end as usize));
                j.key("t");
                j.span(Span::new(small as usize, 0));
                j.end_object();
                let got = String::from_utf8(j.into_vec()).unwrap();
                let want = json!({"s": [start, end], "t": [small, 0]});
                let want = match pretty {
                    true => serde_json::to_string_pretty(&want),
                    false => serde_json::to_string(&want),
                };
                proptest::prop_assert_eq!(got, want.unwrap());
            }
        }

        /// Mostly plain text with rare escapes, long runs.
        #[test]
        fn long_runs_as_serde_json(s in "([a-z \u{e9}\u{65e5}]{0,40}[\"\\\\\n\t\u{1}]?){0,8}") {
            proptest::prop_assert_eq!(written(&s), serde_json::to_string(&s).unwrap());
        }
    }

    /// [`digits_before`]'s digits.
    fn looped(n: u64) -> Vec<u8> {
        let mut buf = [0u8; 20];
        let at = digits_before(&mut buf, 20, n);
        buf[at..].to_vec()
    }

    /// The eight digits from the table are the loop's and the lanes', for
    /// every number below a million and every ten-thousandth one after, each power of ten and
    /// each number before one, and the largest.
    #[test]
    fn eight_digits_are_the_loops() {
        let powers = (0..8).flat_map(|k| [10u32.pow(k), 10u32.pow(k) - 1, 10u32.pow(k) + 1]);
        let all = (0..1_000_000u32)
            .chain((1_000_000..100_000_000).step_by(9_973))
            .chain(powers)
            .chain([99_999_999]);
        for n in all {
            let (digits, len) = eight_digits(n);
            assert_eq!((digits, len), eight_digits_by_lanes(n), "{n}");
            assert_eq!(
                &digits.to_le_bytes()[..len],
                &looped(u64::from(n))[..],
                "{n}"
            );
            assert!(digits.to_le_bytes()[len..].iter().all(|&b| b == 0), "{n}");
        }
    }

    /// Spans whose numbers fall on both sides of eight digits (the four-digit
    /// groups' two halves), zero included.
    const SPANS_BOTH_SIDES_OF_EIGHT_DIGITS: [(usize, usize); 5] = [
        (0, 0),
        (7, 99_999_999),
        (99_999_999, 100_000_000),
        (12_345, 67_890),
        (100_000_000, 4_000_000_000),
    ];

    /// Spans on both sides of eight digits, after other bytes.
    #[test]
    fn small_and_large_spans_as_serde_json() {
        for (start, end) in SPANS_BOTH_SIDES_OF_EIGHT_DIGITS {
            let mut j = Json::appending(b"x".to_vec(), false);
            j.span(Span::new(start, end));
            let want = format!("x{}", serde_json::to_string(&[start, end]).unwrap());
            assert_eq!(String::from_utf8(j.into_vec()).unwrap(), want);
        }
    }

    /// A span after a prefix, closed or not, is the pieces written
    /// apart, on both sides of eight digits.
    #[test]
    fn span_after_is_the_pieces() {
        for (start, end) in SPANS_BOTH_SIDES_OF_EIGHT_DIGITS {
            for close in [false, true] {
                let mut j = Json::appending(b"x".to_vec(), false);
                j.span_after(b",\"credit\":null,\"span\":", Span::new(start, end), close);
                let mut k = Json::appending(b"x".to_vec(), false);
                k.raw(b",\"credit\":null,\"span\":");
                k.span(Span::new(start, end));
                if close {
                    k.raw(b"}");
                }
                assert_eq!(j.into_vec(), k.into_vec());
            }
        }
    }

    /// Longer than two pieces, with escapes and wide chars across the cuts.
    fn long_text() -> String {
        "caf\u{e9} \"q\"\t\u{1}\\ \u{65e5}".repeat(FLUSH_AT / 5)
    }

    /// A list whose JSON is longer than two buffers.
    fn long_list() -> Vec<serde_json::Value> {
        (0..FLUSH_AT / 4)
            .map(|n| json!({"k": [n, "x\ty"]}))
            .collect()
    }

    /// Write the example of `lays_out_as_serde_json` through the
    /// writer; long strings fill its buffer, flushed at the next element.
    fn layout(pretty: bool) -> String {
        let mut v = Vec::new();
        let mut j = Json::new(&mut v, pretty);
        j.begin_object();
        j.key("a");
        j.begin_array();
        j.end_array();
        j.key("b");
        j.begin_array();
        for n in [0u64, 7, 10, 99, 100, 1234567890123, u64::MAX] {
            j.element().unwrap();
            j.begin_object();
            j.key("n");
            j.uint(n);
            j.key("s");
            j.span(Span::new(3, 14));
            j.key("t");
            j.opt_str(Some("x\ny"));
            j.key("u");
            j.opt_str(None);
            j.key("v");
            j.value(&json!({"deep": [1, {"e": []}, {}], "f": true}))
                .unwrap();
            j.key("w");
            j.bool(false);
            j.key("x");
            j.opt_uint(None);
            j.end_object();
            // A long string: the buffer reaches FLUSH_AT, and is flushed
            // at the next element.
            j.element().unwrap();
            j.str(&"z".repeat(FLUSH_AT));
            // A longer one, written in pieces.
            j.element().unwrap();
            j.text(&long_text()).unwrap();
            // A long list by serde, flushed as it goes.
            j.element().unwrap();
            j.value(&long_list()).unwrap();
        }
        j.end_array();
        j.key("c");
        j.begin_object();
        j.end_object();
        j.end_object();
        j.finish().unwrap();
        String::from_utf8(v).unwrap()
    }

    /// Objects, arrays (empty and not), nested serde values: serde_json's
    /// bytes, compact and pretty.
    #[test]
    fn lays_out_as_serde_json() {
        let item = |n: u64| {
            json!({"n": n, "s": [3, 14], "t": "x\ny", "u": null,
                "v": {"deep": [1, {"e": []}, {}], "f": true}, "w": false, "x": null})
        };
        let z = "z".repeat(FLUSH_AT);
        let items: Vec<_> = [0u64, 7, 10, 99, 100, 1234567890123, u64::MAX]
            .into_iter()
            .flat_map(|n| [item(n), json!(z), json!(long_text()), json!(long_list())])
            .collect();
        let want = json!({"a": [], "b": items, "c": {}});
        assert_eq!(layout(false), serde_json::to_string(&want).unwrap());
        assert_eq!(layout(true), serde_json::to_string_pretty(&want).unwrap());
    }
}
