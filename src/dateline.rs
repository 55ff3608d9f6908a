//! Datelines: "LONDON (Reuters) -", "WASHINGTON —", "KYIV, Ukraine (AP) —",
//! and wire datelines that carry a date: "OSLO, May 4 (Wire) -",
//! "SPRINGVALE, Ore., Sept. 12 (AP) —", "LYON, 7 June (AFP) -".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// Month names as wire services write them in datelines: in full, or cut
/// with or without a point ("Sept.", "Aug").
const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"(?:[A-Z][A-Z.'’\-]+)(?:\s+[A-Z][A-Z.'’\-]+){0,3}";
    let region = r"(?:,\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2})?";
    // "March 3", "Sept. 12, 2026", "3 March".
    let date =
        format!(r"(?:{MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?)");
    Regex::new(&format!(
        r"^({place}{region})(?:,\s+({date}))?\s*(?:\(([^()]{{1,40}})\))?\s*(?:—|–|-{{1,2}})\s*"
    ))
    .expect("dateline regex")
});

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// "LONDON", "KYIV, Ukraine".
    pub place: String,
    /// "Reuters", when named in brackets.
    pub agency: Option<String>,
    /// "March 3", as written, when the dateline gives a date.
    pub date: Option<String>,
    /// The dateline and its dash, within the text searched.
    pub span: Span,
}

/// A dateline at the start of `text`.
pub fn find(text: &str) -> Option<Found> {
    // What the pattern needs, checked before it is compiled or run: two
    // capitals (or a capital and a stop, apostrophe or hyphen) first, and a
    // dash somewhere.
    let b = text.as_bytes();
    let second = text.get(1..).and_then(|t| t.chars().next());
    if !b.first().is_some_and(u8::is_ascii_uppercase)
        || !second.is_some_and(|c| c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
        || !(memchr::memchr(b'-', b).is_some() || text.contains(['—', '–']))
    {
        return None;
    }
    let hit = if by_hand(text) {
        read(text)?
    } else {
        crate::boilerplate::note_fallback();
        by_pattern(text)?
    };
    let place = &text[..hit.place_end];
    let head = place.split(',').next().unwrap_or(place);
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || head.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    let end = text[..hit.end].trim_end().len();
    // The paragraph must go on after the dash.
    if hit.end >= text.len() {
        return None;
    }
    Some(Found {
        place: place.to_string(),
        date: hit.date.map(|r| text[r].to_string()),
        agency: hit.agency.map(|r| text[r].trim().to_string()),
        span: Span::new(0, end),
    })
}

/// What [`DATELINE`] matched: the end of the match, of the place (its
/// first capture, from the start), and the date and agency captures.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hit {
    end: usize,
    place_end: usize,
    date: Option<Range<usize>>,
    agency: Option<Range<usize>>,
}

/// [`DATELINE`]'s match on `text`.
fn by_pattern(text: &str) -> Option<Hit> {
    let c = DATELINE.captures(text)?;
    Some(Hit {
        end: c.get(0)?.end(),
        place_end: c.get(1)?.end(),
        date: c.get(2).map(|m| m.range()),
        agency: c.get(3).map(|m| m.range()),
    })
}

/// Can [`read`] decide `text`? Not where a char outside ASCII may be a
/// Unicode `\d`.
fn by_hand(text: &str) -> bool {
    text.is_ascii() || !text.chars().any(crate::boilerplate::may_be_wide_digit)
}

/// What follows a step of the pattern: the rest of the match from a byte,
/// or `None` when it fails there.
type Then<'a> = &'a mut dyn FnMut(usize) -> Option<Hit>;

/// [`DATELINE`] read by hand, path by path in the pattern's order of
/// preference (greedy runs longest first, optional parts taken first), so
/// that the first path that reaches the dash is the pattern's match. A
/// word's run is tried at every shorter end too, but the rest fails at once
/// there unless a hyphen in the run can serve as the dash, so the reading
/// stays linear.
fn read(t: &str) -> Option<Hit> {
    let b = t.as_bytes();
    words(t, 0, place_char, 3, &mut |pe| {
        // The place and region end here: then perhaps ", DATE", then the
        // agency and the dash.
        let mut after_region = |re: usize| {
            if b.get(re) == Some(&b',') {
                let w = ws_end(t, re + 1);
                if w > re + 1 {
                    let dated = date(t, w, &mut |de| {
                        tail(t, de).map(|(end, agency)| Hit {
                            end,
                            place_end: re,
                            date: Some(w..de),
                            agency,
                        })
                    });
                    if dated.is_some() {
                        return dated;
                    }
                }
            }
            tail(t, re).map(|(end, agency)| Hit {
                end,
                place_end: re,
                date: None,
                agency,
            })
        };
        if b.get(pe) == Some(&b',') {
            let w = ws_end(t, pe + 1);
            if w > pe + 1 {
                let region = words(t, w, region_char, 2, &mut after_region);
                if region.is_some() {
                    return region;
                }
            }
        }
        after_region(pe)
    })
}

/// `[A-Z.'’\-]`: a char of a place word after its capital.
fn place_char(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '\u{2019}' | '-')
}

/// `[\w.'’\-]`: a char of a region word after its capital.
fn region_char(c: char) -> bool {
    regex_syntax::is_word_character(c) || matches!(c, '.' | '\'' | '\u{2019}' | '-')
}

/// Where the run of white space that starts at `i` ends.
fn ws_end(t: &str, i: usize) -> usize {
    t[i..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(t.len(), |(k, _)| i + k)
}

/// `[A-Z]X+` at byte `p`, X the chars of `class`: each end, the longest
/// first.
fn word(t: &str, p: usize, class: fn(char) -> bool, then: Then) -> Option<Hit> {
    if !t.as_bytes().get(p).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let ends: Vec<usize> = t[p + 1..]
        .char_indices()
        .take_while(|&(_, c)| class(c))
        .map(|(k, c)| p + 1 + k + c.len_utf8())
        .collect();
    ends.into_iter().rev().find_map(then)
}

/// `W(?:\s+W){0,more}` at byte `p`: more words first.
fn words(t: &str, p: usize, class: fn(char) -> bool, more: usize, then: Then) -> Option<Hit> {
    word(t, p, class, &mut |e| {
        more_words(t, e, class, more, &mut *then)
    })
}

fn more_words(t: &str, e: usize, class: fn(char) -> bool, left: usize, then: Then) -> Option<Hit> {
    if left > 0 {
        let w = ws_end(t, e);
        if w > e {
            let more = word(t, w, class, &mut |e2| {
                more_words(t, e2, class, left - 1, &mut *then)
            });
            if more.is_some() {
                return more;
            }
        }
    }
    then(e)
}

/// `\d{1,2}` at byte `p`: two digits first.
fn day(t: &str, p: usize, then: Then) -> Option<Hit> {
    let b = t.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if !digit(p) {
        return None;
    }
    if digit(p + 1) {
        if let Some(h) = then(p + 2) {
            return Some(h);
        }
    }
    then(p + 1)
}

/// `\s+\d{4}` at byte `p`: the end of the year.
fn year(t: &str, p: usize) -> Option<usize> {
    let w = ws_end(t, p);
    let b = t.as_bytes();
    (w > p
        && b.get(w..w + 4)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit)))
    .then_some(w + 4)
}

/// The month names in full, in [`MONTH`]'s order.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The cut month names, in [`MONTH`]'s order ("Sept?" is "Sept", then
/// "Sep").
const CUT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

/// [`MONTH`] at byte `p`: each name in full, then each cut name with its
/// point, then without.
fn month(t: &str, p: usize, then: Then) -> Option<Hit> {
    let b = t.as_bytes();
    let at = |m: &str| b.get(p..p + m.len()).is_some_and(|h| h == m.as_bytes());
    for m in MONTHS {
        if at(m) {
            if let Some(h) = then(p + m.len()) {
                return Some(h);
            }
        }
    }
    for m in CUT_MONTHS {
        if at(m) {
            let e = p + m.len();
            if b.get(e) == Some(&b'.') {
                if let Some(h) = then(e + 1) {
                    return Some(h);
                }
            }
            if let Some(h) = then(e) {
                return Some(h);
            }
        }
    }
    None
}

/// The date of a dateline at byte `p`: `MONTH\s+\d{1,2}(?:,\s+\d{4})?`
/// ("Sept. 12, 2026"), else `\d{1,2}\s+MONTH(?:\s+\d{4})?` ("7 June").
fn date(t: &str, p: usize, then: Then) -> Option<Hit> {
    let b = t.as_bytes();
    let by_month = month(t, p, &mut |e| {
        let w = ws_end(t, e);
        if w == e {
            return None;
        }
        day(t, w, &mut |d| {
            if b.get(d) == Some(&b',') {
                if let Some(h) = year(t, d + 1).and_then(&mut *then) {
                    return Some(h);
                }
            }
            then(d)
        })
    });
    if by_month.is_some() {
        return by_month;
    }
    day(t, p, &mut |d| {
        let w = ws_end(t, d);
        if w == d {
            return None;
        }
        month(t, w, &mut |m| {
            if let Some(h) = year(t, m).and_then(&mut *then) {
                return Some(h);
            }
            then(m)
        })
    })
}

/// `\s*(?:\(([^()]{1,40})\))?\s*(?:—|–|-{1,2})\s*` at byte `p`: the end
/// of the match and the agency. The white space runs are read to their
/// ends (a shorter first run leaves the same chars to the second).
fn tail(t: &str, p: usize) -> Option<(usize, Option<Range<usize>>)> {
    let b = t.as_bytes();
    let s = ws_end(t, p);
    let dash = |i: usize| -> Option<usize> {
        let d = if t[i..].starts_with(['\u{2014}', '\u{2013}']) {
            i + 3
        } else if b.get(i) == Some(&b'-') {
            i + 1 + usize::from(b.get(i + 1) == Some(&b'-'))
        } else {
            return None;
        };
        Some(ws_end(t, d))
    };
    if b.get(s) == Some(&b'(') {
        let inner = t[s + 1..]
            .char_indices()
            .find(|&(_, c)| matches!(c, '(' | ')'))
            .filter(|&(k, c)| c == ')' && (1..=40).contains(&t[s + 1..s + 1 + k].chars().count()));
        if let Some((k, _)) = inner {
            let close = s + 1 + k;
            if let Some(end) = dash(ws_end(t, close + 1)) {
                return Some((end, Some(s + 1..close)));
            }
        }
    }
    dash(s).map(|end| (end, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(String, Option<String>, Option<String>, usize)> {
        find(text).map(|f| (f.place, f.agency, f.date, f.span.end))
    }

    fn some(
        place: &str,
        agency: Option<&str>,
        date: Option<&str>,
        end: usize,
    ) -> Option<(String, Option<String>, Option<String>, usize)> {
        Some((
            place.into(),
            agency.map(Into::into),
            date.map(Into::into),
            end,
        ))
    }

    #[test]
    fn forms() {
        assert_eq!(
            parts("LONDON (Reuters) - Prices rose."),
            some("LONDON", Some("Reuters"), None, 18)
        );
        assert_eq!(
            parts("WASHINGTON — The Senate voted."),
            some("WASHINGTON", None, None, 14)
        );
        assert_eq!(
            parts("KYIV, Ukraine (AP) — Sirens sounded."),
            some("KYIV, Ukraine", Some("AP"), None, 22)
        );
        assert!(find("The Senate voted - narrowly.").is_none());
        assert!(find("I - and others - said no.").is_none());
    }

    #[test]
    fn datelines_with_a_date() {
        assert_eq!(
            parts("OSLO, May 4 (Nordwire) - Ferries were cancelled."),
            some("OSLO", Some("Nordwire"), Some("May 4"), 24)
        );
        let text = "SPRINGVALE, Ore., Sept. 12 (Valley Press) — A dam gave way.";
        let end = text.find(" A dam").unwrap();
        assert_eq!(
            parts(text),
            some(
                "SPRINGVALE, Ore.",
                Some("Valley Press"),
                Some("Sept. 12"),
                end
            )
        );
        assert_eq!(
            parts("SAN TEODORO, 7 June - Voters queued."),
            some("SAN TEODORO", None, Some("7 June"), 21)
        );
        assert_eq!(
            parts("DENVER, Colo., March 30, 2026 (Peak News) -- Snow fell."),
            some(
                "DENVER, Colo.",
                Some("Peak News"),
                Some("March 30, 2026"),
                44
            )
        );
        // A region that merely looks like a month's neighbour is still a region.
        assert_eq!(
            parts("PARIS, Texas (KTX) - Rain."),
            some("PARIS, Texas", Some("KTX"), None, 20)
        );
        // A date with no place before it is not a dateline.
        assert!(find("March 3 - the day it rained.").is_none());
    }

    #[test]
    fn read_by_hand_on_blocks() {
        let mut blocks = crate::segment::fixture_blocks();
        blocks.extend(
            [
                "LONDON-BASED firms - rose",
                "NEW YORK--Prices rose",
                "ST. PAUL, Minn. (Wire) -- Snow",
                "ST. PAUL, Minn. (Wire)x -- Snow",
                "OSLO, May 45 - x",
                "OSLO, May 4, 202 - x",
                "OSLO, Sept 4 - x",
                "OSLO, Sep. 4 - x",
                "LYON, 12 June 2026 \u{2014} x",
                "A-B-C - x",
                "AB, Cd-e - x",
                "AB CD EF GH IJ - x",
            ]
            .map(String::from),
        );
        let mut n = 0;
        for b in &blocks {
            if by_hand(b) {
                let hit = read(b);
                assert_eq!(hit, by_pattern(b), "{b:?}");
                n += usize::from(hit.is_some());
            }
        }
        assert!(n >= 10, "{n}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// Places, regions, dates, agencies and dashes whole and cut, with
        /// hyphens inside words and white space of every kind.
        #[test]
        fn read_by_hand_is_the_pattern(
            text in crate::testing::joined(
                vec![
                    "LONDON", "NEW", "ST.", "O'", "A", "B-", "-", "--", " - ", "\u{2014}",
                    "\u{2013}", ",", ", ", "Ore.", "Texas", "x", "\u{e9}", " ", "  ", "\t", "\n",
                    "\u{a0}", "May", "Sept", "Sep", ".", "June", "4", "12", "2026", "123", "(",
                    ")", "(AP)", "Wire", "\u{2019}", "\u{663}", "_", "Prices rose",
                ],
                0..12,
            )
        ) {
            if by_hand(&text) {
                proptest::prop_assert_eq!(read(&text), by_pattern(&text), "{:?}", text);
            }
        }
    }
}
