//! Span offsets in other units: Unicode code points (what Python's `str`
//! indexes) or UTF-16 code units (what JavaScript, Java and C# index).
//!
//! lede computes spans in UTF-8 bytes. [`convert`] rewrites every span of an
//! analysis in one pass over the input: the offsets are sorted once, then the
//! input is walked from the start, counting code points (or UTF-16 units) up
//! to each offset in turn. Time is the input's length plus the offsets'
//! sort; no table of the whole input is built.
//!
//! In "£5 for a 🍎", byte 2 (after the two-byte "£") is char 1 and UTF-16
//! unit 1; byte 14 (after the four-byte apple) is char 10 and UTF-16 unit 11.

use serde::{Deserialize, Serialize};

use crate::model::Analysis;
use crate::span::Span;

/// The unit of span offsets, written into every output as `offsets`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// UTF-8 bytes (lede's own; `input.as_bytes()[start..end]`).
    #[default]
    Bytes,
    /// Unicode code points (Python `text[start:end]`, Rust `chars()`).
    Chars,
    /// UTF-16 code units (JavaScript `text.slice(start, end)`).
    Utf16,
}

impl Unit {
    /// The name used on the command line and in documentation.
    pub const fn as_str(self) -> &'static str {
        match self {
            Unit::Bytes => "bytes",
            Unit::Chars => "chars",
            Unit::Utf16 => "utf16",
        }
    }
}

/// Rewrite every span in `a` (elements, quotes, headline quotes, dateline,
/// date, warnings) from byte offsets into `input` to offsets in `unit`.
/// `stats.bytes` stays a byte count; `offsets` says the unit. Spans must be
/// in bytes when it is called (`a.offsets` is [`Unit::Bytes`]).
pub fn convert(a: &mut Analysis, input: &str, unit: Unit) {
    if unit == Unit::Bytes || a.offsets != Unit::Bytes {
        return;
    }
    a.offsets = unit;
    let mut spans: Vec<&mut Span> = Vec::new();
    if let Some(h) = a.headline.as_mut() {
        spans.push(&mut h.span);
        spans.extend(h.quotes.iter_mut().map(|q| &mut q.span));
    }
    spans.extend(a.standfirst.as_mut().map(|e| &mut e.span));
    spans.extend(a.byline.as_mut().map(|b| &mut b.span));
    spans.extend(a.dateline.as_mut().map(|d| &mut d.span));
    spans.extend(a.published.as_mut().map(|p| &mut p.span));
    spans.extend(a.subheadings.iter_mut().map(|e| &mut e.span));
    spans.extend(a.paragraphs.iter_mut().map(|e| &mut e.span));
    spans.extend(a.boilerplate.iter_mut().map(|b| &mut b.span));
    spans.extend(a.quotes.iter_mut().map(|q| &mut q.span));
    spans.extend(a.warnings.iter_mut().filter_map(|w| w.span.as_mut()));
    convert_spans(spans, input, unit);
}

/// Rewrite the given spans (byte offsets into `input`) to `unit`.
pub fn convert_spans<'a>(spans: impl IntoIterator<Item = &'a mut Span>, input: &str, unit: Unit) {
    let mut offsets: Vec<&mut usize> = spans
        .into_iter()
        .flat_map(|s| [&mut s.start, &mut s.end])
        .collect();
    convert_offsets(&mut offsets, input, unit);
}

/// Rewrite byte offsets into `input` to `unit`, in place. An offset past the
/// end counts as the end; one inside a character counts from that character's
/// start (lede's spans never are: they lie on char boundaries).
pub fn convert_offsets(offsets: &mut [&mut usize], input: &str, unit: Unit) {
    if unit == Unit::Bytes {
        return;
    }
    offsets.sort_unstable_by_key(|o| **o);
    let mut chars = input.char_indices().peekable();
    let mut count = 0usize;
    for offset in offsets.iter_mut() {
        let target = **offset;
        while let Some(&(at, c)) = chars.peek() {
            if at + c.len_utf8() > target {
                break;
            }
            count += match unit {
                Unit::Utf16 => c.len_utf16(),
                Unit::Chars | Unit::Bytes => 1,
            };
            chars.next();
        }
        **offset = count;
    }
}

/// Byte offsets into one input turned into `unit` as they come: offsets
/// asked in ascending order cost one walk over the input in all (an offset
/// below the last one asked starts the walk again from the start). Gives the
/// same count as [`convert_offsets`].
#[derive(Debug, Clone)]
pub struct Counter<'a> {
    input: &'a str,
    unit: Unit,
    byte: usize,
    count: usize,
}

impl<'a> Counter<'a> {
    /// A counter at the start of `input`.
    pub fn new(input: &'a str, unit: Unit) -> Counter<'a> {
        Counter {
            input,
            unit,
            byte: 0,
            count: 0,
        }
    }

    /// The offset in the counter's unit of byte offset `offset`.
    #[inline]
    pub fn at(&mut self, offset: usize) -> usize {
        if self.unit == Unit::Bytes {
            return offset;
        }
        self.count_to(offset)
    }

    /// [`Counter::at`] in chars or UTF-16 units.
    fn count_to(&mut self, offset: usize) -> usize {
        if offset < self.byte {
            (self.byte, self.count) = (0, 0);
        }
        for c in self.input[self.byte..].chars() {
            if self.byte + c.len_utf8() > offset {
                break;
            }
            self.byte += c.len_utf8();
            self.count += match self.unit {
                Unit::Utf16 => c.len_utf16(),
                Unit::Chars | Unit::Bytes => 1,
            };
        }
        self.count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(input: &str, unit: Unit, byte_spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let mut v: Vec<Span> = byte_spans.iter().map(|&(s, e)| Span::new(s, e)).collect();
        convert_spans(v.iter_mut(), input, unit);
        v.iter().map(|s| (s.start, s.end)).collect()
    }

    #[test]
    fn counts_code_points_and_utf16_units() {
        let input = "£5 for a 🍎 now";
        // "£" is 2 bytes, the apple 4 bytes (two UTF-16 units).
        let at = |s: &str| input.find(s).unwrap();
        let apple = (at("🍎"), at(" now"));
        assert_eq!(
            spans(input, Unit::Chars, &[(0, 2), apple]),
            [(0, 1), (9, 10)]
        );
        assert_eq!(
            spans(input, Unit::Utf16, &[(0, 2), apple]),
            [(0, 1), (9, 11)]
        );
        assert_eq!(spans(input, Unit::Bytes, &[apple]), [apple]);
        // Out of order and repeated offsets, and the end of the input.
        let end = input.len();
        assert_eq!(
            spans(input, Unit::Chars, &[(apple.1, end), (0, 0), (2, 2)]),
            [(10, 14), (0, 0), (1, 1)]
        );
    }

    #[test]
    fn counter_counts_like_convert() {
        let input = "£5 for a 🍎 now";
        for unit in [Unit::Bytes, Unit::Chars, Unit::Utf16] {
            let mut c = Counter::new(input, unit);
            // Ascending, then back to the start, then past the end.
            let asked = [0, 2, 2, 10, 14, input.len(), 1, 3, 99];
            let got: Vec<usize> = asked.iter().map(|&o| c.at(o)).collect();
            let mut want = asked;
            let mut refs: Vec<&mut usize> = want.iter_mut().collect();
            convert_offsets(&mut refs, input, unit);
            assert_eq!(got, want, "{unit:?}");
        }
    }

    proptest::proptest! {
        /// Any text and any offsets on char boundaries: the converted offset
        /// is the number of chars (UTF-16 units) before the byte offset.
        #[test]
        fn matches_counting_from_the_start(text in "\\PC{0,40}", picks in proptest::collection::vec(0usize..64, 0..12)) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut starts: Vec<usize> = picks.iter().map(|p| bounds[p % bounds.len()]).collect();
            let mut units = starts.clone();
            let mut refs: Vec<&mut usize> = starts.iter_mut().collect();
            convert_offsets(&mut refs, &text, Unit::Chars);
            let mut refs: Vec<&mut usize> = units.iter_mut().collect();
            convert_offsets(&mut refs, &text, Unit::Utf16);
            for (i, p) in picks.iter().enumerate() {
                let b = bounds[p % bounds.len()];
                proptest::prop_assert_eq!(starts[i], text[..b].chars().count());
                proptest::prop_assert_eq!(units[i], text[..b].encode_utf16().count());
            }
        }
    }

    #[test]
    fn every_span_of_an_analysis_is_converted() {
        let input = "Café owner “wins” prize\n\nBy Zoë Ång\n\n\
                     The café’s owner, Zoë Ång, won the town’s “best coffee” prize on Friday after a vote.\n\n\
                     “It is a lovely surprise,” said Ång, who opened the café in 2019.\n";
        let bytes = crate::analyze(input);
        let mut chars = bytes.clone();
        convert(&mut chars, input, Unit::Chars);
        let char_of = |b: usize| input[..b].chars().count();
        let check = |b: Span, c: Span| {
            assert_eq!((char_of(b.start), char_of(b.end)), (c.start, c.end));
        };
        check(
            bytes.headline.as_ref().unwrap().span,
            chars.headline.as_ref().unwrap().span,
        );
        check(
            bytes.byline.as_ref().unwrap().span,
            chars.byline.as_ref().unwrap().span,
        );
        assert!(!bytes.quotes.is_empty());
        for (b, c) in bytes.quotes.iter().zip(&chars.quotes) {
            check(b.span, c.span);
        }
        for (b, c) in bytes.paragraphs.iter().zip(&chars.paragraphs) {
            check(b.span, c.span);
        }
        let h = bytes.headline.as_ref().unwrap();
        assert!(!h.quotes.is_empty());
        check(
            h.quotes[0].span,
            chars.headline.as_ref().unwrap().quotes[0].span,
        );
        assert_ne!(bytes.quotes[0].span, chars.quotes[0].span);
        assert_eq!((bytes.offsets, chars.offsets), (Unit::Bytes, Unit::Chars));
        let json = serde_json::to_value(&chars).unwrap();
        assert_eq!(json["offsets"], "chars");
        // Converting twice would count chars of chars: it is refused.
        let again = chars.clone();
        convert(&mut chars, input, Unit::Chars);
        assert_eq!(chars, again);
    }
}
