//! Property-test generators and helpers shared by the modules' unit tests.

use std::borrow::Borrow;
use std::fmt::Debug;
use std::ops::Range;

use proptest::prelude::*;

/// Text of `len` pieces drawn from `pieces`, joined as they are: the words,
/// marks and white space a rule turns on, in any order, so that a fast path
/// and the code it replaces meet the cases where they could part.
pub fn joined<T>(pieces: Vec<T>, len: Range<usize>) -> impl Strategy<Value = String>
where
    T: Borrow<str> + Clone + Debug + 'static,
{
    prop::collection::vec(prop::sample::select(pieces), len).prop_map(|v| v.concat())
}

/// Every fixture article (`fixtures/*.txt`) with its path, in path order:
/// the shapes real articles have, for tests that hold a fast path to what
/// it replaces on them.
pub fn fixture_texts() -> Vec<(std::path::PathBuf, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut texts: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("read");
            (path, text)
        })
        .collect();
    texts.sort();
    texts
}

/// The speaker of every quotation `lede::analyze` finds in `text`, in order.
pub fn speakers(text: &str) -> Vec<Option<String>> {
    crate::analyze(text)
        .quotes
        .into_iter()
        .map(|q| q.speaker)
        .collect()
}

/// `at`, brought inside `text` and down to a char boundary: an offset a
/// strategy drew anywhere, made one a span may start or end at.
pub fn char_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Spans of `text` in order and apart, from offsets a strategy drew
/// anywhere: each cut brought to a char boundary ([`char_floor`]), the
/// distinct cuts sorted and paired off, a span each pair (a last odd cut
/// left alone).
pub fn spans_between(text: &str, cuts: Vec<usize>) -> Vec<crate::span::Span> {
    let mut cuts: Vec<usize> = cuts.into_iter().map(|c| char_floor(text, c)).collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.chunks_exact(2)
        .map(|c| crate::span::Span::new(c[0], c[1]))
        .collect()
}
