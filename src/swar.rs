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
