//! Masked paragraphs and sentence bounds: quotations blanked out with
//! `_` (same byte length), and sentence starts and ends looked for within
//! [`WINDOW`] bytes so that every look-up is bounded.

use super::*;

/// Replace the inner text of every quote (`quotes`: their absolute spans,
/// in order) with `_` (same byte length) so that patterns and sentence
/// ends never see quoted words.
pub(super) fn masked(text: &str, base: usize, quotes: impl IntoIterator<Item = Span>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for q in quotes {
        let s = Span::new(q.start - base, q.end - base);
        if s.start < pos || s.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..s.start]);
        // Keep a quotation's own final stop: it ends the sentence too.
        let inner = &text[s.start..s.end];
        let keep = inner.len() - inner.trim_end_matches(['.', '!', '?']).len();
        const BLANK: &str = "________________________________________________________________";
        let mut n = s.end - s.start - keep;
        while n > 0 {
            let k = n.min(BLANK.len());
            out.push_str(&BLANK[..k]);
            n -= k;
        }
        out.push_str(&inner[inner.len() - keep..]);
        pos = s.end;
    }
    out.push_str(&text[pos..]);
    out
}

pub(super) use crate::tokens::underscores_end;

/// Start of the sentence that holds byte `at` of masked text `m`.
pub(super) fn sentence_start(m: &str, at: usize) -> usize {
    let b = m.as_bytes();
    let floor = floor(m, at.saturating_sub(WINDOW));
    let mut i = at;
    while i > floor {
        // (The marks are found with memrchr3, not a byte at a time.)
        let Some(k) = memchr::memrchr3(b'.', b'!', b'?', &b[floor..i]) else {
            break;
        };
        i = floor + k + 1;
        if space_after(m, i) {
            // "Mr." and initials do not end sentences.
            let word = last_word(m, i - 1);
            let abbrev = is_abbreviation(word) || word.contains('.');
            if !abbrev {
                return i;
            }
        }
        i -= 1;
    }
    floor
}

/// `sentence_start` and `sentence_end_before` a byte at a time, as they
/// were before the marks were looked for with memchr: their
/// specification.
#[cfg(test)]
pub(super) fn sentence_start_scan(m: &str, at: usize) -> usize {
    let b = m.as_bytes();
    let floor = floor(m, at.saturating_sub(WINDOW));
    let mut i = at;
    while i > floor {
        let c = b[i - 1];
        if matches!(c, b'.' | b'!' | b'?') && space_after(m, i) {
            let word = last_word(m, i - 1);
            let abbrev = is_abbreviation(word) || word.contains('.');
            if !abbrev {
                return i;
            }
        }
        i -= 1;
    }
    floor
}

#[cfg(test)]
pub(super) fn sentence_end_before_scan(m: &str, at: usize, ceiling: usize) -> usize {
    let b = m.as_bytes();
    let mut i = at;
    while i < ceiling {
        if matches!(b[i], b'.' | b'!' | b'?') {
            let next = b.get(i + 1).copied();
            if next.is_none_or(|n| n.is_ascii_whitespace()) {
                let word = last_word(m, i);
                let abbrev = is_abbreviation(word);
                if !abbrev {
                    return i + 1;
                }
            }
        }
        i += 1;
    }
    ceiling
}

/// Is `word` (before a full stop) an abbreviation that does not end a
/// sentence: an initial ("J."), a title ("Mr.", "Gen."), a month or one
/// of the short forms written with a stop ("No.", "Inc.", "Ave."), or
/// initials ("U.S.")? A
/// short name or an acronym ("Lee.", "the EU.") ends its sentence.
pub(super) fn is_abbreviation(word: &str) -> bool {
    // Initials written together: "U.S.", "N.B." (the last stop is not in
    // `word`).
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) {
        return true;
    }
    let mut c = word.chars();
    match (c.next(), c.next()) {
        (Some(first), None) => first.is_uppercase(),
        (Some(first), Some(_)) if first.is_uppercase() => {
            word.len() <= 6 && WORDS.on(Lower::new(word).as_str().as_bytes(), list::SHORT_FORM)
        }
        _ => false,
    }
}

/// The short forms written with a stop ("Mr.", "Inc.", "Aug.") that
/// [`is_abbreviation`] knows, lower case.
pub(super) const SHORT_FORMS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen", "col", "lt", "maj",
    "sgt", "capt", "cpl", "pte", "adm", "cmdr", "rev", "fr", "prof", "hon", "mt", "ft", "co",
    "inc", "ltd", "corp", "no", "nos", "vs", "ave", "rd", "blvd", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "approx", "dept", "est", "fig", "op",
];

/// True when only closing marks stand between byte `i` and white space.
pub(super) fn space_after(m: &str, i: usize) -> bool {
    m[i..]
        .trim_start_matches(['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', ')'])
        .starts_with(char::is_whitespace)
}

/// How far around a quotation its attribution is looked for, in bytes: the
/// search stays linear in the paragraph however many quotes it holds.
pub(super) const WINDOW: usize = 400;

/// The word that ends at byte `end` (at most 40 bytes of it).
pub(super) fn last_word(m: &str, end: usize) -> &str {
    let lo = floor(m, end.saturating_sub(40));
    let head = &m[lo..end];
    // (ASCII white space is found a byte at a time, back from the end; a
    // byte outside ASCII hands the search to the characters, as U+00A0
    // and its kin are white space too.)
    let b = head.as_bytes();
    let mut k = b.len();
    while k > 0 {
        match b[k - 1] {
            x if x >= 0x80 => return last_word_by_chars(head),
            b' ' | b'\t'..=b'\r' => return &head[k..],
            _ => k -= 1,
        }
    }
    head
}

/// The text after the last white space character of `head` (all of it
/// when there is none).
fn last_word_by_chars(head: &str) -> &str {
    head.char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(head, |(k, c)| &head[k + c.len_utf8()..])
}

/// End of the sentence that holds byte `at`, looked for within `WINDOW`.
pub(super) fn sentence_end(m: &str, at: usize) -> usize {
    sentence_end_before(m, at, ceil(m, (at + WINDOW).min(m.len())))
}

/// Byte offset just past the first sentence end from `at` (a stop,
/// question or exclamation mark before white space, not after an initial
/// or a short abbreviation such as "Mr."), or `ceiling` when there is none
/// before it.
pub(super) fn sentence_end_before(m: &str, at: usize, ceiling: usize) -> usize {
    let b = m.as_bytes();
    let mut i = at;
    while i < ceiling {
        // (The marks are found with memchr3, not a byte at a time.)
        let Some(k) = memchr::memchr3(b'.', b'!', b'?', &b[i..ceiling]) else {
            break;
        };
        i += k;
        let next = b.get(i + 1).copied();
        if next.is_none_or(|n| n.is_ascii_whitespace()) {
            let word = last_word(m, i);
            let abbrev = is_abbreviation(word);
            if !abbrev {
                return i + 1;
            }
        }
        i += 1;
    }
    ceiling
}

pub(super) fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

pub(super) fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `last_word` is the word after the last white space character
        /// of the 40 bytes before `end`, however white space is written.
        #[test]
        fn last_word_is_the_char_reading(
            text in crate::testing::joined(
                vec!["Mr", "ab", "é", "’", "_", ".", " ", "\t", "\n", "\u{b}", "\u{a0}", "\u{2003}", "\u{1c}", "あ"],
                0..30,
            ),
            at in 0usize..200,
        ) {
            let end = floor(&text, at.min(text.len()));
            let lo = floor(&text, end.saturating_sub(40));
            proptest::prop_assert_eq!(last_word(&text, end), last_word_by_chars(&text[lo..end]));
        }
    }

    #[test]
    fn short_names_and_acronyms_end_sentences_abbreviations_do_not() {
        for w in ["J", "Mr", "Gen", "No", "Aug", "U.S", "N.B"] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["Lee", "EU", "Cox", "BBC", "it"] {
            assert!(!is_abbreviation(w), "{w}");
        }
        let m = "The pier will close, according to Mayor Ada Lee. Critics called it ___.";
        let at = m.find("___").unwrap();
        assert_eq!(&m[sentence_start(m, at)..at], " Critics called it ");
        let m = "Mr. Lee met Gen. Ada Rusk in the U.S. on Monday. Then ___.";
        assert_eq!(sentence_end(m, 0), m.find(" Then").unwrap());
        // The speaker of the sentence before is not this one's.
        let text = "Pier vote\n\n\
            The pier will close, according to Mayor Ada Lee. Critics called it \"a disaster.\"\n";
        let quotes = crate::analyze(text).quotes;
        assert_ne!(quotes[0].speaker.as_deref(), Some("Ada Lee"));
    }
}
