//! Rules of fixed phrases and word runs decided by hand: a contributor's
//! bio (`other-bio`), a link to more on a topic (`read-more-more-on`), a
//! sponsor line (`advert-sponsored-by`) and a contact e-mail line
//! (`other-contact`). Each pattern stays as the rule's spec and the
//! fallback for blocks with odd folds.

use std::ops::Range;

use memchr::memchr2;

use super::{is_ascii_word, is_ws, starts_ci};

/// The byte range of each white-space-separated word of `t`, as `\s+`
/// splits it.
fn words(t: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    t.split(is_ws).filter(|w| !w.is_empty()).map(move |w| {
        let s = w.as_ptr() as usize - t.as_ptr() as usize;
        s..s + w.len()
    })
}

/// `[\w'’-]`: a char of a word in a bio.
fn bio_char(c: char) -> bool {
    regex_syntax::is_word_character(c) || matches!(c, '\'' | '\u{2019}' | '-')
}

/// A capital A–Z, then one or more chars of `rest`.
fn capitalised(w: &str, rest: fn(char) -> bool) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && w.len() > 1
        && w[1..].chars().all(rest)
}

/// The jobs of `other-bio`: the words its gate looks for, one list for
/// both (`super::needles::BIO`).
const JOBS: &[&str] = super::needles::BIO;

/// `other-bio` by hand ("Jane Q. Doe is a senior reporter at the
/// Courier"): `^(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+\s+(?:is|was|has
/// been)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}JOB(?-u:\b)`, case-sensitive.
/// Every run of the pattern but the last is a whole word (it holds no
/// white space and white space follows it), so the words are read in turn:
/// two to four capitalised names (the first non-capitalised word is the
/// verb), "is", "was" or "has been" (one space between), an article, then
/// up to five words before one that opens with a job.
pub(super) fn bio(t: &str) -> bool {
    if !t.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let mut it = words(t);
    let mut names: Vec<Range<usize>> = Vec::with_capacity(4);
    let verb = loop {
        let Some(w) = it.next() else { return false };
        if !t.as_bytes()[w.start].is_ascii_uppercase() {
            break w;
        }
        if names.len() == 4 {
            return false;
        }
        names.push(w);
    };
    let Some((last, first)) = names.split_last() else {
        return false;
    };
    if first.is_empty()
        || !first
            .iter()
            .all(|w| capitalised(&t[w.clone()], |c| bio_char(c) || c == '.'))
        || !capitalised(&t[last.clone()], bio_char)
    {
        return false;
    }
    match &t[verb.clone()] {
        "is" | "was" => {}
        "has" => {
            let been = it.next();
            if !(t[verb.end..].starts_with(" been")
                && been.is_some_and(|w| w.start == verb.end + 1 && &t[w] == "been"))
            {
                return false;
            }
        }
        _ => return false,
    }
    if !it
        .next()
        .is_some_and(|w| matches!(&t[w], "a" | "an" | "the"))
    {
        return false;
    }
    for k in 0..6 {
        let Some(w) = it.next() else { return false };
        let b = t.as_bytes();
        let job = JOBS.iter().any(|j| {
            b[w.start..w.end].starts_with(j.as_bytes())
                && b.get(w.start + j.len()).is_none_or(|&c| !is_ascii_word(c))
        });
        if job {
            return true;
        }
        if k == 5 || !t[w].chars().all(bio_char) {
            return false;
        }
    }
    false
}

/// `[\w'’ .&-]`: the topic after "More on".
fn topic_char(c: char) -> bool {
    regex_syntax::is_word_character(c) || matches!(c, '\'' | '\u{2019}' | ' ' | '.' | '&' | '-')
}

/// `read-more-more-on` by hand ("More on the harbour works"):
/// `(?i)^(?:more on|more from|more about|read more about|more in)\s+[\w'’
/// .&-]{2,60}$`, on a block without odd folds.
pub(super) fn more_on(t: &str) -> bool {
    [
        "more on",
        "more from",
        "more about",
        "read more about",
        "more in",
    ]
    .iter()
    .find(|h| starts_ci(t, &[h]))
    .is_some_and(|h| super::credits::spaced_run_to_end(&t[h.len()..], topic_char, 2, 60))
}

/// `advert-sponsored-by` by hand ("Presented by the Harbour Trust"): a
/// sponsor phrase at an ASCII word end, and at most 60 chars after it to
/// the end of the block, none a line break (`(?i)(?:sponsored by|presented
/// by|in partnership with|supported by|brought to you by|invented by
/// teads)(?-u:\b).{0,60}$`), on a block without odd folds.
pub(super) fn sponsored_by(t: &str) -> bool {
    let b = t.as_bytes();
    // The phrase must end at or after the 60th char from the end, and
    // after the last line break.
    let tail = t.char_indices().rev().nth(59).map_or(0, |(i, _)| i);
    let from = memchr::memrchr(b'\n', b).map_or(0, |n| n + 1).max(tail);
    // The phrases are the rule's gate needles: one list for both.
    super::needles::SPONSORED_BY.iter().any(|p| {
        (from.saturating_sub(p.len())..=b.len().saturating_sub(p.len())).any(|s| {
            let e = s + p.len();
            e >= from
                && e <= b.len()
                && b[s..e].eq_ignore_ascii_case(p.as_bytes())
                && b.get(e).is_none_or(|&c| !is_ascii_word(c))
        })
    })
}

/// `other-contact`, e-mail half, by hand ("Contact the desk at
/// desk@example.org"): `(?i)^(?:contact|email|e-mail|reach)(?-u:\b).{0,60}@`,
/// on a block without odd folds: the word, then an `@` within 61 chars
/// and before any line break.
pub(super) fn contact_email(t: &str) -> bool {
    let b = t.as_bytes();
    let Some(w) = ["contact", "email", "e-mail", "reach"]
        .iter()
        .find(|w| starts_ci(t, &[w]))
    else {
        return false;
    };
    let e = w.len();
    if b.get(e).is_some_and(|&c| is_ascii_word(c)) {
        return false;
    }
    memchr2(b'@', b'\n', &b[e..])
        .is_some_and(|k| b[e + k] == b'@' && t[e..e + k].chars().nth(60).is_none())
}

#[cfg(test)]
mod tests {
    use super::super::{hand_is_pattern, has_odd_fold};
    use proptest::prelude::*;

    const NAMES: [&str; 4] = [
        "other-bio",
        "read-more-more-on",
        "advert-sponsored-by",
        "other-contact",
    ];

    /// Every rule of this module agrees with its pattern on `t`; how many
    /// matched.
    fn agrees(t: &str) -> Result<usize, TestCaseError> {
        let mut found = 0;
        if !has_odd_fold(t) {
            for name in NAMES {
                let m = hand_is_pattern(name, t).map_err(TestCaseError::fail)?;
                found += usize::from(m.is_some());
            }
        }
        Ok(found)
    }

    #[test]
    fn phrases_by_hand_on_fixture_blocks() {
        let mut blocks = crate::segment::fixture_blocks();
        blocks.extend(
            [
                "Jane Doe is a senior reporter at the Courier.",
                "Jane Q. Doe has been the paper's chief political correspondent since 2019.",
                "Jo O\u{2019}Neil-Ray was an editor",
                "Ana Maria de Ruiz Smith is an editor.",
                "Ana Maria Ruiz Smith is an editor.",
                "Jo Bell has  been a writer",
                "Jo Bell is the one two three four five reporter",
                "Jo Bell is the one two three four five six reporter",
                "Jo Bell is a reporters' friend",
                "More on the harbour works",
                "more in  Sport & Leisure",
                "Read more about \u{a0} x",
                "More on a",
                "Presented by the Harbour Trust",
                "This page is sponsored by\nthe Trust",
                "Sponsored by",
                "Contact the desk at desk@example.org",
                "E-mail: jo@example.org",
                "Reach\njo@example.org",
                "Contacts: jo@example.org",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for b in &blocks {
            found += agrees(b).expect("agrees");
        }
        assert!(found >= 12, "{found}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Names, verbs, articles and jobs; topics of every length; sponsor
        /// phrases near the end and line breaks; contact words and `@`s.
        #[test]
        fn phrases_by_hand_are_the_patterns(
            text in crate::testing::joined(
                vec![
                    "Jane ", "Q. ", "Doe ", "O\u{2019}Neil ", "Smith-Jones ", "\u{c9}lise ", "is ",
                    "was ", "has been ", "has ", "has  been ", "been ", "Is ", "a ", "an ", "the ",
                    "senior ", "reporter", "editor ", "writers", "reporter.", "x", ",", " ",
                    "  ", "\t", "\u{a0}", "\n", "More on ", "more from", "Read more about",
                    " more in", "Sport & Leisure", "\u{2019}", ".", "-", "abcdefghijklmnopqrst",
                    "Sponsored by", " presented by ", "in partnership with", "Teads",
                    "Contact", "email", "E-mail", "reach", "@", "jo@x.org", ":", "_", "7",
                ],
                0..12,
            )
        ) {
            agrees(&text)?;
        }
    }
}
