//! The byline patterns read by hand: where a byline's names stop
//! ([`super::CUT`]), the lower-case asides in brackets it drops
//! ([`super::LOWER_PAREN`]), and the "By …" and "Name | date" forms
//! ([`super::BY`], [`super::PIPE_DATE`]). Each pattern stays as the spec
//! its property tests hold the reader to, and decides a text the reader
//! leaves to it: one with a char outside ASCII that may be a Unicode `\d`,
//! or a KELVIN SIGN or LONG S, which `(?i)` folds onto ASCII letters.

use std::borrow::Cow;
use std::ops::Range;

use memchr::memchr;

/// Can the readers decide `t`? (A char is looked up in the Unicode
/// tables only where [`crate::date::may_be_wide_digit_quick`] cannot
/// tell it is no digit: a curly quote or a dash is passed at once.)
pub(super) fn by_hand(t: &str) -> bool {
    t.is_ascii()
        || !t
            .chars()
            .any(|c| matches!(c, '\u{17f}' | '\u{212a}') || crate::date::may_be_wide_digit_quick(c))
}

fn is_word(b: &[u8], i: usize) -> bool {
    b.get(i)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

/// `(?-u:\b)` at byte `i`.
fn boundary(b: &[u8], i: usize) -> bool {
    (i > 0 && is_word(b, i - 1)) != is_word(b, i)
}

/// Where the run of white space that ends at `i` starts.
fn ws_start(t: &str, i: usize) -> usize {
    t[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8())
}

/// Where the run of white space that starts at `i` ends.
fn ws_end(t: &str, i: usize) -> usize {
    t[i..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(t.len(), |(k, _)| i + k)
}

/// The ASCII literal `lit` at byte `i` of `b`, ignoring ASCII case: its end.
fn lit_ci(b: &[u8], i: usize, lit: &str) -> Option<usize> {
    let e = i + lit.len();
    b.get(i..e)
        .is_some_and(|h| h.eq_ignore_ascii_case(lit.as_bytes()))
        .then_some(e)
}

/// The words of [`super::CUT`] that open with the ASCII letter `c`
/// (lower case), each with whether it is a month name (which needs white
/// space and a digit after it) or a whole word.
fn cut_words(c: u8) -> &'static [(&'static str, bool)] {
    match c {
        b'a' => &[
            ("april", true),
            ("august", true),
            ("apr", true),
            ("aug", true),
        ],
        b'd' => &[("december", true), ("dec", true)],
        b'e' => &[("email", false)],
        b'f' => &[
            ("follow", false),
            ("friday", false),
            ("february", true),
            ("feb", true),
        ],
        b'j' => &[
            ("january", true),
            ("june", true),
            ("july", true),
            ("jan", true),
            ("jun", true),
            ("jul", true),
        ],
        b'm' => &[
            ("monday", false),
            ("march", true),
            ("may", true),
            ("mar", true),
        ],
        b'n' => &[("november", true), ("nov", true)],
        b'o' => &[("october", true), ("oct", true)],
        b'p' => &[("published", false), ("posted", false)],
        b's' => &[
            ("saturday", false),
            ("sunday", false),
            ("september", true),
            ("sept", true),
            ("sep", true),
        ],
        b't' => &[
            ("twitter", false),
            ("tuesday", false),
            ("thursday", false),
            ("today", false),
        ],
        b'u' => &[("updated", false)],
        b'w' => &[("wednesday", false)],
        b'y' => &[("yesterday", false)],
        _ => &[],
    }
}

/// Does one of [`super::CUT`]'s marks start at byte `q` of `t` (the part
/// after its `\s*`): a bar, bullet or dash, " - ", a digit, an `@`, a
/// dating word ("updated", "Monday", "today"), a social word, or a month
/// name before white space and a digit? `q` is a char boundary.
fn cut_mark(t: &str, q: usize) -> bool {
    let b = t.as_bytes();
    let c = b[q];
    if c.is_ascii_alphabetic() {
        return boundary(b, q)
            && cut_words(c.to_ascii_lowercase()).iter().any(|&(w, month)| {
                lit_ci(b, q, w).is_some_and(|e| {
                    if !month {
                        return boundary(b, e);
                    }
                    let e = e + usize::from(b.get(e) == Some(&b'.'));
                    let d = ws_end(t, e);
                    d > e && b.get(d).is_some_and(u8::is_ascii_digit)
                })
            });
    }
    if c.is_ascii_digit() || c == b'@' || c == b'|' {
        return true;
    }
    let ch = if c < 0x80 {
        char::from(c)
    } else {
        t[q..].chars().next().unwrap_or_default()
    };
    if matches!(ch, '\u{2022}' | '\u{b7}' | '\u{2014}' | '\u{2013}') {
        return true;
    }
    // `\s-\s`.
    if ch.is_whitespace() {
        let k = q + ch.len_utf8();
        return b.get(k) == Some(&b'-') && t[k + 1..].starts_with(char::is_whitespace);
    }
    false
}

/// The bytes at which [`cut_mark`] may find a mark: ASCII white space, a
/// digit, `@`, `|`, a letter that opens one of [`cut_words`], and the
/// first byte of a char from 0x80. Every other byte (a letter no word
/// opens, a mark, a byte inside a char) is passed with one look-up.
static MAY_MARK: [bool; 256] = {
    let mut t = [false; 256];
    let mut x = 0;
    while x < 256 {
        let c = x as u8;
        t[x] = matches!(c, b'\t'..=b'\r' | b' ' | b'0'..=b'9' | b'@' | b'|' | 0xc0..=0xff)
            || matches!(
                c.to_ascii_lowercase(),
                b'a' | b'd'
                    | b'e'
                    | b'f'
                    | b'j'
                    | b'm'
                    | b'n'
                    | b'o'
                    | b'p'
                    | b's'
                    | b't'
                    | b'u'
                    | b'w'
                    | b'y'
            );
        x += 1;
    }
    t
};

/// Where [`super::CUT`]'s first match in `t` starts (`t.len()` for none),
/// on a text [`by_hand`] admits: the white space before the first mark.
pub(super) fn cut(t: &str) -> usize {
    let b = t.as_bytes();
    // A letter opens a mark only at a word's start (`(?-u:\b)`): one
    // after a word byte is passed without asking [`cut_mark`], as most
    // letters of a line are.
    (0..b.len())
        .find(|&q| {
            MAY_MARK[usize::from(b[q])]
                && !(b[q].is_ascii_alphabetic() && q > 0 && is_word(b, q - 1))
                && cut_mark(t, q)
        })
        .map_or(t.len(), |q| ws_start(t, q))
}

/// [`cut`] as it stepped over the text a char or a run of letters at a
/// time, asking [`cut_mark`] at each: the reference its test holds the
/// table's gate to.
#[cfg(test)]
fn cut_stepped(t: &str) -> usize {
    let b = t.as_bytes();
    let mut q = 0;
    while q < b.len() {
        if cut_mark(t, q) {
            return ws_start(t, q);
        }
        // The rest of a run of ASCII letters starts no mark (no boundary
        // inside it), nor does a byte inside a char.
        q += 1;
        while q < b.len()
            && (b[q].is_ascii_alphabetic() && b[q - 1].is_ascii_alphabetic()
                || !t.is_char_boundary(q))
        {
            q += 1;
        }
    }
    t.len()
}

/// `t` less [`super::LOWER_PAREN`]'s matches (`\s*\([a-z][^)]*\)`): each
/// bracket opened by a lower-case letter, to its first closing bracket,
/// with the white space before it.
pub(super) fn drop_lower_parens(t: &str) -> Cow<'_, str> {
    let b = t.as_bytes();
    let mut out = String::new();
    let mut kept = 0;
    let mut from = 0;
    while let Some(k) = memchr(b'(', &b[from..]) {
        let q = from + k;
        let close = b
            .get(q + 1)
            .is_some_and(u8::is_ascii_lowercase)
            .then(|| memchr(b')', &b[q + 2..]))
            .flatten();
        let Some(c) = close else {
            if b.get(q + 1).is_some_and(u8::is_ascii_lowercase) {
                // No closing bracket after this one, so none after a later.
                break;
            }
            from = q + 1;
            continue;
        };
        let start = ws_start(t, q).max(kept);
        out.push_str(&t[kept..start]);
        kept = q + 2 + c + 1;
        from = kept;
    }
    if kept == 0 {
        return Cow::Borrowed(t);
    }
    out.push_str(&t[kept..]);
    Cow::Owned(out)
}

/// The keywords of [`super::BY`], ignoring case.
const BY_WORDS: [&str; 7] = [
    "by",
    "words by",
    "words and pictures by",
    "written by",
    "story by",
    "text by",
    "reported by",
];

/// [`super::BY`]'s captures on a text [`by_hand`] admits: `Some((lead,
/// rest))` for a match, `rest` `None` for a bare "By". The pattern:
/// `^(.{0,40}?\s)?KEYWORD\s*:?\s+(.+)$|^(?i:by)$`. The lead is tried
/// shortest first (0 to 40 chars that are no line break, then one white
/// space char), then none.
#[allow(clippy::type_complexity)]
pub(super) fn by(t: &str) -> Option<(Option<Range<usize>>, Option<Range<usize>>)> {
    let b = t.as_bytes();
    let mut leads = t
        .char_indices()
        .take(41)
        .map_while(|(i, c)| (i == 0 || !t[..i].ends_with('\n')).then_some((i, c)));
    let from_lead = leads.find_map(|(i, c)| {
        if !c.is_whitespace() {
            return None;
        }
        let k = i + c.len_utf8();
        by_rest(t, k).map(|rest| (Some(0..k), Some(rest)))
    });
    if from_lead.is_some() {
        return from_lead;
    }
    if let Some(rest) = by_rest(t, 0) {
        return Some((None, Some(rest)));
    }
    (b.len() == 2 && b.eq_ignore_ascii_case(b"by")).then_some((None, None))
}

/// `KEYWORD\s*:?\s+(.+)$` from byte `k`: the range of the capture.
fn by_rest(t: &str, k: usize) -> Option<Range<usize>> {
    let b = t.as_bytes();
    let e = BY_WORDS.iter().find_map(|w| lit_ci(b, k, w))?;
    // `\s*:?\s+`: the white space, perhaps a colon and more white space;
    // the capture then starts after the last white space run, or, where
    // nothing follows it, takes that run's last char.
    let w1 = ws_end(t, e);
    if b.get(w1) == Some(&b':') {
        let w2 = ws_end(t, w1 + 1);
        if let Some(rest) = (w2 > w1 + 1)
            .then(|| tail_capture(t, w1 + 1, w2, 1))
            .flatten()
        {
            return Some(rest);
        }
        // The colon left out: white space before it, and the capture
        // from the colon.
        return (w1 > e && memchr(b'\n', &b[w1..]).is_none()).then_some(w1..t.len());
    }
    if w1 == e {
        return None;
    }
    tail_capture(t, e, w1, 1)
}

/// `\s{min,}(.+)$` over the white space `run_start..run_end` (the longest
/// run, read greedily) and the text after it: the capture is the text
/// after the run, else the run's last char, keeping `min` chars of white
/// space; no line break may be in it.
fn tail_capture(t: &str, run_start: usize, run_end: usize, min: usize) -> Option<Range<usize>> {
    let start = if run_end < t.len() {
        run_end
    } else {
        let (k, c) = t[run_start..run_end].char_indices().next_back()?;
        if t[run_start..run_start + k].chars().count() < min || c == '\n' {
            return None;
        }
        run_start + k
    };
    (memchr(b'\n', &t.as_bytes()[start..]).is_none()).then_some(start..t.len())
}

/// [`super::PIPE_DATE`]'s captures on a text [`by_hand`] admits:
/// `^([A-Z][^|•]{2,60}?)\s*[|•]\s*(.+)$` ("Jane Doe | 25 November 2026").
/// The name cannot pass a bar, so it ends before the first, at the white
/// space before it, or later (into that white space) when it would have
/// fewer than three chars.
pub(super) fn pipe_date(t: &str) -> Option<(Range<usize>, Range<usize>)> {
    if !t.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let (bar, c) = t
        .char_indices()
        .find(|&(_, c)| matches!(c, '|' | '\u{2022}'))?;
    let ws = ws_start(t, bar);
    let third = t.char_indices().nth(3).map_or(t.len(), |(i, _)| i);
    let name_end = ws.max(third);
    if name_end > bar || t[..name_end].chars().count() > 61 {
        return None;
    }
    let after = bar + c.len_utf8();
    let rest = tail_capture(t, after, ws_end(t, after), 0)?;
    Some((0..name_end, rest))
}

#[cfg(test)]
mod tests {
    use super::super::{BY, CUT, LOWER_PAREN, PIPE_DATE};
    use super::*;
    use proptest::prelude::*;

    /// Each reader against its pattern on `t`; how many of them matched.
    fn agrees(t: &str) -> Result<usize, TestCaseError> {
        let paren = LOWER_PAREN.replace_all(t, "");
        prop_assert_eq!(drop_lower_parens(t), paren, "parens {:?}", t);
        if !by_hand(t) {
            return Ok(0);
        }
        let cut_at = CUT.find(t).map_or(t.len(), |m| m.start());
        prop_assert_eq!(cut(t), cut_at, "cut {:?}", t);
        prop_assert_eq!(cut_stepped(t), cut_at, "cut stepped {:?}", t);
        let by_pattern = BY
            .captures(t)
            .map(|c| (c.get(1).map(|m| m.range()), c.get(2).map(|m| m.range())));
        prop_assert_eq!(by(t), by_pattern.clone(), "by {:?}", t);
        let pipe_pattern = PIPE_DATE.captures(t).map(|c| {
            (
                c.get(1).expect("group 1").range(),
                c.get(2).expect("group 2").range(),
            )
        });
        prop_assert_eq!(pipe_date(t), pipe_pattern.clone(), "pipe {:?}", t);
        Ok(usize::from(cut_at < t.len())
            + usize::from(by_pattern.is_some())
            + usize::from(pipe_pattern.is_some()))
    }

    #[test]
    fn forms_by_hand_on_fixture_blocks() {
        let mut blocks = crate::segment::fixture_blocks();
        blocks.extend(
            [
                "By Jane Doe",
                "By: Jane Doe",
                "By :Jane Doe",
                "BY  ",
                "by",
                "Words and pictures by Jo Bell",
                "Story and photos by Jo Bell",
                "The plan was drawn up by the council",
                "Jane Doe | 25 November 2026",
                "Jo \u{2022} Updated 3 hours ago",
                "Jo  |",
                "Jane Doe (reporting) and Jo Bell (editing)",
                "Jane Doe (Reporting)",
                "Jane Doe - Monday",
                "Jane Doe Sept. 4",
                "Jane Doe @janedoe",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for b in &blocks {
            found += agrees(b).expect("agrees");
        }
        assert!(found >= 30, "{found}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Keywords, names, bars, dates, brackets and white space of every
        /// kind, line breaks among them.
        #[test]
        fn forms_by_hand_are_the_patterns(
            text in crate::testing::joined(
                vec![
                    "By", "by", "BY", " by ", "Words", " and pictures", "written by", "Story by",
                    ":", " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", "Jane", "Doe", "JO", "a",
                    "abcdefghijklmnopqrst", "|", "\u{2022}", "\u{b7}", "\u{2014}", "-", " - ",
                    "3", "2026", "@", "Updated", "monday", "Today", "Sept", ".", "May", "Mayor",
                    "(", ")", "(reporting)", "(Reporting", "x", "_", "\u{e9}", "\u{663}",
                    "\u{17f}", "\u{2070}", ",",
                ],
                0..12,
            )
        ) {
            agrees(&text)?;
        }
    }
}
