//! Byte spans into the original input.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of UTF-8 byte offsets into the input
/// exactly as it was read (BOM and all), so that `&input[start..end]` is the
/// original text of an element. Serialised as a two-element array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the element.
    pub start: usize,
    /// One past the last byte of the element.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `start <= end` is the caller's promise.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The same span moved right by `by` bytes.
    pub const fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when `other` lies wholly inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `text`.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Spans in document order, in 8 bytes each (two u32s) for an input under
/// 4 GiB, else in 16: the paragraphs of an article are held while all its
/// quotations are attributed, and a long article of short paragraphs has
/// one every fifty bytes or so.
#[derive(Debug, Clone)]
pub(crate) enum Spans {
    /// Spans of an input under 4 GiB.
    Narrow(Vec<[u32; 2]>),
    /// Spans of a larger one.
    Wide(Vec<Span>),
}

impl Spans {
    /// Room for `n` spans of an input of `len` bytes.
    pub(crate) fn with_capacity(len: usize, n: usize) -> Spans {
        if u32::try_from(len).is_ok() {
            Spans::Narrow(Vec::with_capacity(n))
        } else {
            Spans::Wide(Vec::with_capacity(n))
        }
    }

    /// The spans of `spans`, of an input of `len` bytes.
    pub(crate) fn of(len: usize, spans: impl ExactSizeIterator<Item = Span>) -> Spans {
        let mut out = Spans::with_capacity(len, spans.len());
        for s in spans {
            out.push(s);
        }
        out
    }

    /// Add `s`, a span of the input this list was made for.
    pub(crate) fn push(&mut self, s: Span) {
        match self {
            Spans::Narrow(v) => v.push(Spans::narrow(s)),
            Spans::Wide(v) => v.push(s),
        }
    }

    fn narrow(s: Span) -> [u32; 2] {
        let at = |x: usize| u32::try_from(x).expect("a span of an input under 4 GiB");
        [at(s.start), at(s.end)]
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Spans::Narrow(v) => v.len(),
            Spans::Wide(v) => v.len(),
        }
    }

    /// Span `i`, if there is one.
    pub(crate) fn get(&self, i: usize) -> Option<Span> {
        match self {
            Spans::Narrow(v) => v.get(i).map(|&[s, e]| Span::new(s as usize, e as usize)),
            Spans::Wide(v) => v.get(i).copied(),
        }
    }

    /// Span `i`; panics past the end, as indexing a slice does.
    pub(crate) fn at(&self, i: usize) -> Span {
        match self.get(i) {
            Some(s) => s,
            None => panic!("span {i} of {}", self.len()),
        }
    }

    /// The spans in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Span> + '_ {
        (0..self.len()).map(|i| self.at(i))
    }

    /// The number of spans, from the first, for which `pred` holds (it
    /// holds for a first part of them and not after, as for
    /// [`slice::partition_point`]).
    pub(crate) fn partition_point(&self, pred: impl Fn(Span) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.at(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Replace each span by `f` of it; `f` never moves a span past the end
    /// of the input the list was made for.
    pub(crate) fn map_in_place(&mut self, f: impl Fn(Span) -> Span) {
        match self {
            Spans::Narrow(v) => {
                for x in v {
                    *x = Spans::narrow(f(Span::new(x[0] as usize, x[1] as usize)));
                }
            }
            Spans::Wide(v) => {
                for x in v {
                    *x = f(*x);
                }
            }
        }
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom("span start is after its end"));
        }
        Ok(Span { start, end })
    }
}

impl schemars::JsonSchema for Span {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Span".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "[start, end), start <= end: offsets into the input as read (after --encoding, into the decoded text), in UTF-8 bytes by default; in Unicode code points with `lede --offsets chars` (Python str indexes), in UTF-16 code units with `--offsets utf16` (JavaScript string indexes).",
            "type": "array",
            "items": {"type": "integer", "minimum": 0},
            "minItems": 2,
            "maxItems": 2
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Both forms of a list of spans read back what a Vec of them
        /// does: each span, the partition points, and the spans moved.
        #[test]
        fn spans_read_as_a_vec_does(
            mut ends in prop::collection::vec(0usize..5_000, 0..40),
            at in 0usize..5_100,
        ) {
            ends.sort_unstable();
            let want: Vec<Span> = ends.chunks_exact(2).map(|p| Span::new(p[0], p[1])).collect();
            let narrow = Spans::of(5_000, want.iter().copied());
            let wide = Spans::of(usize::MAX, want.iter().copied());
            prop_assert!(matches!(narrow, Spans::Narrow(_)));
            prop_assert!(matches!(wide, Spans::Wide(_)));
            for mut got in [narrow, wide] {
                prop_assert_eq!(got.len(), want.len());
                prop_assert_eq!(got.iter().collect::<Vec<_>>(), want.clone());
                prop_assert_eq!(got.get(want.len()), None);
                prop_assert_eq!(
                    got.partition_point(|s| s.start <= at),
                    want.partition_point(|s| s.start <= at)
                );
                prop_assert_eq!(
                    got.partition_point(|s| s.end < at),
                    want.partition_point(|s| s.end < at)
                );
                got.map_in_place(|s| Span::new(s.start / 2, s.end / 2));
                let half: Vec<Span> = want.iter().map(|s| Span::new(s.start / 2, s.end / 2)).collect();
                prop_assert_eq!(got.iter().collect::<Vec<_>>(), half);
            }
        }
    }
}
