//! Eight bytes at a time in a `u64` ("SIMD within a register"): the
//! constants the byte scans share. A scan loads eight bytes of text as one
//! little-endian word and tests every byte at once: `x & HIGH` finds the
//! bytes outside ASCII, `(x ^ ONES * b' ')` zeroes the spaces, and a
//! zero byte shows as the top bit of `(z | HIGH) - ONES` cleared, read with
//! `!z & HIGH` ("a b" padded to eight bytes: the lane of the space).

/// 0x01 in every byte: a byte times this is that byte in every lane.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// The top bit of every byte: set in a lane of UTF-8 outside ASCII.
pub(crate) const HIGH: u64 = ONES * 0x80;

/// The low seven bits of every byte: added to a lane, it carries into the
/// top bit when any of the lane's low bits is set.
pub(crate) const LOW7: u64 = ONES * 0x7f;

/// The little-endian word of `bytes[at..at + 8]` (which must be there).
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"))
}

/// The top bit of each lane of `x` that is `lo` or more, for the lanes
/// below 0x80 (`lo` at most 0x80): their sums stay under 0x100, so none
/// carries into the next lane. A lane from 0x80 has its top bit set
/// already, and its sum may carry into the lanes above it: a caller masks
/// such lanes, or has none. The bits below the top ones are garbage.
#[inline(always)]
pub(crate) fn at_least(x: u64, lo: u8) -> u64 {
    x.wrapping_add(ONES * u64::from(0x80 - lo))
}

/// The top bit of each ASCII lane of `x` that is a letter, either case
/// (its 0x20 bit set first, which lowers a capital and makes no other
/// byte a letter).
#[inline(always)]
pub(crate) fn letter_lanes(x: u64) -> u64 {
    let lower = x | (ONES * 0x20);
    at_least(lower, b'a') & !at_least(lower, b'z' + 1) & HIGH
}

/// The top bit of each ASCII lane of `x` that is a digit.
#[inline(always)]
pub(crate) fn digit_lanes(x: u64) -> u64 {
    at_least(x, b'0') & !at_least(x, b'9' + 1) & HIGH
}

/// The top bit of each lane of `x` that is zero: a zero lane plus 0x7f
/// stays under 0x80, any other reaches it. Exact in every lane when no
/// lane is over 0x80 (a sum from 0x81 carries into the lane above); a
/// caller xors the byte it looks for in first ("a b" xor spaces: the
/// lane of the space).
#[inline(always)]
pub(crate) fn zero_lanes(x: u64) -> u64 {
    !(x.wrapping_add(LOW7) | x) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each lane test against the byte test it stands for, on words of
    /// ASCII bytes (every byte in every lane, with neighbours of every
    /// kind).
    #[test]
    fn lane_tests_are_the_byte_tests_on_ascii() {
        let lanes = |bytes: [u8; 8], f: &dyn Fn(u8) -> bool| {
            bytes
                .iter()
                .enumerate()
                .fold(0u64, |m, (k, &b)| m | u64::from(f(b)) << (8 * k + 7))
        };
        let fill = [b'a', b'Z', b'0', b' ', b'\0', 0x7f, b'@', b'['];
        for b in 0..0x80u8 {
            for (k, &other) in fill.iter().enumerate() {
                let mut w = [other; 8];
                w[k] = b;
                w[(k + 3) % 8] = b;
                let x = u64::from_le_bytes(w);
                assert_eq!(
                    letter_lanes(x),
                    lanes(w, &|c| c.is_ascii_alphabetic()),
                    "{w:?}"
                );
                assert_eq!(digit_lanes(x), lanes(w, &|c| c.is_ascii_digit()), "{w:?}");
                assert_eq!(zero_lanes(x), lanes(w, &|c| c == 0), "{w:?}");
                for lo in [0x09, b'0', b'a', 0x5b, 0x80] {
                    assert_eq!(at_least(x, lo) & HIGH, lanes(w, &|c| c >= lo), "{w:?} {lo}");
                }
            }
        }
    }
}
