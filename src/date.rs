//! Dates and times as news pages write them, to ISO 8601.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

const MONTH: &str = r"(?i:(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))";

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+(\d{{4}})"
    ))
    .expect("date regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    ))
    .expect("date regex")
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").expect("date regex"));
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})/(\d{1,2})/(\d{4})(?-u:\b)").expect("date regex")
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)|(?-u:\b)(\d{1,2})[:.](\d{2})(?-u:\b)")
        .expect("time regex")
});

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// ISO 8601 date, or date and time.
    pub iso: String,
    /// The bytes of the date (and time, when one sits beside it) in the text.
    pub span: Span,
}

/// The number of the month whose name opens `name`, by its first three
/// letters lowered in place (a `String` had been made of them for each
/// name read).
fn month_number(name: &str) -> Option<u32> {
    month_of(name.get(..3)?.as_bytes())
}

/// The number of the month whose first three letters, in either case,
/// `key` holds (three bytes).
fn month_of(key: &[u8]) -> Option<u32> {
    let n = match [
        key[0].to_ascii_lowercase(),
        key[1].to_ascii_lowercase(),
        key[2].to_ascii_lowercase(),
    ] {
        [b'j', b'a', b'n'] => 1,
        [b'f', b'e', b'b'] => 2,
        [b'm', b'a', b'r'] => 3,
        [b'a', b'p', b'r'] => 4,
        [b'm', b'a', b'y'] => 5,
        [b'j', b'u', b'n'] => 6,
        [b'j', b'u', b'l'] => 7,
        [b'a', b'u', b'g'] => 8,
        [b's', b'e', b'p'] => 9,
        [b'o', b'c', b't'] => 10,
        [b'n', b'o', b'v'] => 11,
        [b'd', b'e', b'c'] => 12,
        _ => return None,
    };
    Some(n)
}

/// [`month_number`] as it lowered a copy of the three letters: its
/// test's reference.
#[cfg(test)]
fn month_number_lowered(name: &str) -> Option<u32> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let n = match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// The first date in `text`, with a time when one stands within a few words.
pub fn find(text: &str) -> Option<FoundDate> {
    let ((span, y, m, d), time) = find_parts(text)?;
    let mut iso = format!("{y:04}-{m:02}-{d:02}");
    let mut full = span;
    if let Some((t, h, min)) = time {
        iso.push_str(&format!("T{h:02}:{min:02}"));
        full = full.cover(t);
    }
    Some(FoundDate { iso, span: full })
}

/// [`find`]'s date that passes its checks, and the time beside it: what
/// [`find`] formats, and all that [`is_date_line`] reads.
#[allow(clippy::type_complexity)]
fn find_parts(text: &str) -> Option<((Span, u32, u32, u32), Option<(Span, u32, u32)>)> {
    // Every date pattern ends in a year of four digits (`\d{4}`), and only
    // ASCII ones parse as a number, so a text without a run of four ASCII
    // digits has no date: most short blocks ("12 comments", "Page 3"),
    // which need no other look.
    if !has_digit_run4(text.as_bytes()) {
        return None;
    }
    find_parts_of_run(text)
}

/// [`find_parts`] of a text with a run of four ASCII digits.
#[allow(clippy::type_complexity)]
fn find_parts_of_run(text: &str) -> Option<((Span, u32, u32, u32), Option<(Span, u32, u32)>)> {
    let ((span, y, m, d), hand) = find_date(text)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1800..=2200).contains(&y) {
        return None;
    }
    Some(((span, y, m, d), find_time(text, span, hand)))
}

/// The first date in `text`, a text with a run of four ASCII digits
/// ([`find_parts`]), and whether [`by_hand`] admits the text.
fn find_date(text: &str) -> Option<((Span, u32, u32, u32), bool)> {
    if by_hand(text) {
        find_date_by_hand(text).map(|d| (d, true))
    } else {
        crate::boilerplate::note_fallback();
        find_date_by_pattern(text).map(|d| (d, false))
    }
}

/// Does `b` hold four ASCII digits in a row? Eight
/// bytes at a time: a byte above `/` and below `:` sets its top bit in
/// `x + (127 - '9')` and not in `x + (127 - '/')` (bytes from 0x80 are
/// masked out); a run of four inside a word of eight shows as a top bit
/// set in the mask and in its copies shifted by one, two and three bytes,
/// and a run across two words as the digits that end one and open the
/// next. The last bytes, fewer than eight, are read as one word too: the
/// last eight bytes of a longer text shifted down past those already
/// read, or a short text's bytes copied into a word of zeros (no digit).
/// Inlined where it gates (most short blocks have no year), so that a
/// block without one costs no call. (A byte loop had cost three
/// instructions a byte on every short block.)
#[inline]
pub(crate) fn has_digit_run4(b: &[u8]) -> bool {
    use crate::swar::{HIGH, LOW7, ONES};
    // The top bit of each byte of `w` that is an ASCII digit.
    let digits = |w: u64| {
        let x = w & LOW7;
        // Per byte, no carry between them: x <= 0x7f, and adding at most
        // 0x50 stays below 0x100.
        let above_slash = x + ONES * (127 - u64::from(b'/'));
        let above_nine = x + ONES * (127 - u64::from(b'9'));
        above_slash & !above_nine & !w & HIGH
    };
    // The digits that end the bytes read so far.
    let mut run = 0;
    // A run of four inside the word, or across from the bytes before it;
    // then the digits that end it. Bytes are in little-endian order: the
    // first byte is the lowest.
    let mut word = |d: u64| {
        // A word with no digit (nearly every word of a short block: "Share
        // this story", "Harbour News") breaks any run and starts none: the
        // tests below would leave `run` at zero for it too.
        if d == 0 {
            run = 0;
            return false;
        }
        if d & (d << 8) & (d << 16) & (d << 24) != 0 {
            return true;
        }
        let others = !d & HIGH;
        if run + others.trailing_zeros() as usize / 8 >= 4 {
            return true;
        }
        run = others.leading_zeros() as usize / 8;
        false
    };
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        if word(digits(u64::from_le_bytes(
            chunk.try_into().expect("eight bytes"),
        ))) {
            return true;
        }
    }
    let rest = chunks.remainder().len();
    if rest == 0 {
        return false;
    }
    let tail = if b.len() >= 8 {
        let last = &b[b.len() - 8..];
        // The bytes already read drop off the low end; zeros come in at
        // the top.
        digits(u64::from_le_bytes(last.try_into().expect("eight bytes"))) >> (8 * (8 - rest))
    } else {
        let mut w = [0u8; 8];
        w[..rest].copy_from_slice(b);
        digits(u64::from_le_bytes(w))
    };
    word(tail)
}

/// Does `b` hold `n` ASCII digits in a row?
#[cfg(test)]
fn digit_run(b: &[u8], n: usize) -> bool {
    let mut run = 0;
    for &x in b {
        run = if x.is_ascii_digit() { run + 1 } else { 0 };
        if run == n {
            return true;
        }
    }
    false
}

/// Can the hand readers decide `text`? Not where a char outside ASCII may
/// be a Unicode `\d` (the patterns match it, and the date then fails to
/// parse), nor where a long s may spell a month ("ſept", which `(?i)`
/// reads as "sept").
fn by_hand(text: &str) -> bool {
    text.is_ascii()
        || !text
            .chars()
            .any(|c| c == '\u{17f}' || may_be_wide_digit_quick(c))
}

/// [`crate::boilerplate::may_be_wide_digit`], with no table looked up for
/// a char below U+0660 (the first digit outside ASCII, ARABIC-INDIC DIGIT
/// ZERO) or in General Punctuation (U+2000..=U+206F: curly quotes, dashes,
/// spaces), which hold no digit: the chars outside ASCII most lines have.
pub(crate) fn may_be_wide_digit_quick(c: char) -> bool {
    let u = u32::from(c);
    u >= 0x660 && !(0x2000..=0x206f).contains(&u) && crate::boilerplate::may_be_wide_digit(c)
}

/// [`find_date`] by the patterns: the leftmost match of each (where the
/// text has what it needs), and of those the leftmost, the first pattern's
/// on a tie.
fn find_date_by_pattern(text: &str) -> Option<(Span, u32, u32, u32)> {
    // Every date pattern's groups are digits (`\d`), and only ASCII ones
    // parse as numbers, so a text without them has no date: most short
    // blocks, where four regex searches cost thousands of instructions.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut best: Option<(Span, u32, u32, u32)> = None;
    let mut consider = |c: Option<(Span, u32, u32, u32)>| {
        if let Some(c) = c {
            if best.as_ref().is_none_or(|b| c.0.start < b.0.start) {
                best = Some(c);
            }
        }
    };
    // Each pattern is tried only where the text has what it needs (a
    // month name, a hyphen, a slash), so that one run over a short article
    // compiles only the patterns its text can match.
    let month = may_name_month(text);
    let bytes = text.as_bytes();
    consider(
        month
            .then(|| DAY_MONTH_YEAR.captures(text))
            .flatten()
            .and_then(|c| {
                let whole = c.get(0)?;
                Some((
                    Span::new(whole.start(), whole.end()),
                    c[3].parse().ok()?,
                    month_number(&c[2])?,
                    c[1].parse().ok()?,
                ))
            }),
    );
    consider(
        month
            .then(|| MONTH_DAY_YEAR.captures(text))
            .flatten()
            .and_then(|c| {
                let whole = c.get(0)?;
                Some((
                    Span::new(whole.start(), whole.end()),
                    c[3].parse().ok()?,
                    month_number(&c[1])?,
                    c[2].parse().ok()?,
                ))
            }),
    );
    let iso = memchr::memchr(b'-', bytes).is_some();
    consider(iso.then(|| ISO.captures(text)).flatten().and_then(|c| {
        let whole = c.get(0)?;
        Some((
            Span::new(whole.start(), whole.end()),
            c[1].parse().ok()?,
            c[2].parse().ok()?,
            c[3].parse().ok()?,
        ))
    }));
    let numeric = memchr::memchr(b'/', bytes).is_some();
    consider(
        numeric
            .then(|| NUMERIC.captures(text))
            .flatten()
            .and_then(|c| {
                let whole = c.get(0)?;
                Some((
                    Span::new(whole.start(), whole.end()),
                    c[3].parse().ok()?,
                    c[1].parse().ok()?,
                    c[2].parse().ok()?,
                ))
            }),
    );
    best
}

/// [`find_date_by_pattern`] read by hand, on a text [`by_hand`] admits:
/// the leftmost match of any pattern, the first pattern's on a tie, is
/// the first word start where one matches, the patterns tried in order.
/// One pass over the text, each word start tried only by the patterns
/// its first byte can open (a digit: day first, ISO or numeric; a letter:
/// month first), where four passes had each tried every byte.
fn find_date_by_hand(text: &str) -> Option<(Span, u32, u32, u32)> {
    let b = text.as_bytes();
    // Every pattern ends in a year of four ASCII digits (`\d{4}`, read
    // by hand as ASCII): [`find_date`] let only texts with a run of four
    // through. (ISO and numeric dates are tried at a digit without the
    // text being searched for a hyphen or a slash first: each asks for
    // its own at the byte it needs one.)
    // Only a digit or a month's first letter opens a date: every other
    // byte is passed with one look-up, before the word's start is asked.
    (0..b.len())
        // (A byte that may open one is a word byte: a word starts there
        // where no word byte stands before it.)
        .filter(|&s| {
            MAY_OPEN_DATE[usize::from(b[s])] && (s == 0 || !WORD_BYTE[usize::from(b[s - 1])])
        })
        .find_map(|s| {
            let found = if b[s].is_ascii_digit() {
                day_month_year(text, s)
                    .or_else(|| iso_at(b, s))
                    .or_else(|| numeric_at(b, s))
            } else {
                month_day_year(text, s)
            };
            found.map(|(e, y, m, d)| (Span::new(s, e), y, m, d))
        })
}

/// The bytes a date of [`find_date_by_hand`] may start at: an ASCII digit
/// (day first, ISO, numeric) or the first letter of a month's name in
/// either case (month first).
static MAY_OPEN_DATE: [bool; 256] = {
    let mut t = [false; 256];
    let mut x = 0;
    while x < 256 {
        let c = x as u8;
        t[x] = c.is_ascii_digit()
            || (c.is_ascii_alphabetic()
                && matches!(
                    c | 0x20,
                    b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
                ));
        x += 1;
    }
    t
};

/// The ASCII word bytes (what `(?-u:\b)` reads): [`is_word`] by a look-up.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut x = 0;
    while x < 256 {
        t[x] = (x as u8).is_ascii_alphanumeric() || x as u8 == b'_';
        x += 1;
    }
    t
};

/// Is byte `i` of `b` an ASCII word byte (what `(?-u:\b)` reads)?
fn is_word(b: &[u8], i: usize) -> bool {
    b.get(i)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

/// Does a word start at byte `i` (`(?-u:\b)` before a word byte)?
fn word_starts(b: &[u8], i: usize) -> bool {
    is_word(b, i) && (i == 0 || !is_word(b, i - 1))
}

/// The value of exactly `n` ASCII digits at byte `i`, if they are there.
fn digits_at(b: &[u8], i: usize, n: usize) -> Option<u32> {
    let d = b.get(i..i + n)?;
    d.iter()
        .all(u8::is_ascii_digit)
        .then(|| d.iter().fold(0, |v, &c| v * 10 + u32::from(c - b'0')))
}

/// `\d{1,2}` at byte `i`, greedy: each way to read it, the longer first,
/// with its end and value.
fn one_or_two(b: &[u8], i: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
    [2, 1]
        .into_iter()
        .filter_map(move |n| digits_at(b, i, n).map(|v| (i + n, v)))
}

/// The month names of [`MONTH`], in its order, lower-cased, read from the
/// pattern itself: what [`NAMES_OF`] holds by month, and its test's
/// reference.
#[cfg(test)]
fn month_names() -> Vec<String> {
    MONTH
        .strip_prefix("(?i:(")
        .and_then(|names| names.strip_suffix("))"))
        .expect("MONTH is one group of names")
        .split('|')
        .map(str::to_ascii_lowercase)
        .collect()
}

/// The names [`MONTH`] has for each month (January first), in its order:
/// the whole name, then its short forms.
const NAMES_OF: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sept", "sep"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// Each month name of [`MONTH`] at byte `i`, ignoring ASCII case, in the
/// pattern's order: its end and number.
fn months_at(b: &[u8], i: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
    // Every name opens with the three letters of its month, and no two
    // months share them: the month is known from those three bytes, and
    // only its own names (three at most, in the pattern's order) are
    // compared, where all 24 had been walked for each word a month's
    // letter opens ("March 3", "Sunday" and "and" alike).
    let month = b.get(i..i + 3).and_then(month_of).unwrap_or(0);
    let names = match month {
        0 => &[][..],
        m => NAMES_OF[m as usize - 1],
    };
    names.iter().filter_map(move |m| {
        let e = i + m.len();
        let h = b.get(i..e)?;
        h.eq_ignore_ascii_case(m.as_bytes()).then_some((e, month))
    })
}

/// [`months_at`] as it walked every name of [`MONTH`]
/// ([`month_names`]): its test's reference.
#[cfg(test)]
fn months_at_walked(b: &[u8], i: usize) -> Vec<(usize, u32)> {
    month_names()
        .iter()
        .filter_map(|m| {
            let e = i + m.len();
            let h = b.get(i..e)?;
            h.eq_ignore_ascii_case(m.as_bytes())
                .then(|| (e, month_number_lowered(m).expect("a month")))
        })
        .collect()
}

/// The end of a day's suffix ("st", "nd", "rd", "th") at byte `i`.
fn ordinal_end(b: &[u8], i: usize) -> Option<usize> {
    let s = b.get(i..i + 2)?;
    matches!(s, b"st" | b"nd" | b"rd" | b"th").then_some(i + 2)
}

/// The end of `\s+` at byte `i`, if it has a char.
fn spaces(t: &str, i: usize) -> Option<usize> {
    let b = t.as_bytes();
    let mut e = i;
    // ASCII bytes are read as they are (what `char::is_whitespace` says of
    // them: tab to carriage return, and the space), where each had been
    // decoded as a char; from the first byte from 0x80 the chars decide
    // ("3\u{a0}May").
    while let Some(&x) = b.get(e) {
        if matches!(x, b'\t'..=b'\r' | b' ') {
            e += 1;
        } else if x < 0x80 {
            break;
        } else {
            e = t[e..]
                .char_indices()
                .find(|&(_, c)| !c.is_whitespace())
                .map_or(t.len(), |(k, _)| e + k);
            break;
        }
    }
    (e > i).then_some(e)
}

/// [`spaces`] as it decoded every char: its test's reference.
#[cfg(test)]
fn spaces_decoded(t: &str, i: usize) -> Option<usize> {
    let e = t[i..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(t.len(), |(k, _)| i + k);
    (e > i).then_some(e)
}

/// [`DAY_MONTH_YEAR`] from byte `s`: `(?-u:\b)(\d{1,2})(?:st|nd|rd|th)?\s+MONTH\.?,?\s+(\d{4})`
/// ("25th November, 2026"); its end, year, month and day.
fn day_month_year(t: &str, s: usize) -> Option<(usize, u32, u32, u32)> {
    let b = t.as_bytes();
    if !word_starts(b, s) {
        return None;
    }
    one_or_two(b, s).find_map(|(e, day)| {
        [ordinal_end(b, e), Some(e)]
            .into_iter()
            .flatten()
            .find_map(|e| {
                let m0 = spaces(t, e)?;
                months_at(b, m0).find_map(|(k, month)| {
                    let k = k + usize::from(b.get(k) == Some(&b'.'));
                    let k = k + usize::from(b.get(k) == Some(&b','));
                    let y0 = spaces(t, k)?;
                    digits_at(b, y0, 4).map(|year| (y0 + 4, year, month, day))
                })
            })
    })
}

/// [`MONTH_DAY_YEAR`] from byte `s`: `(?-u:\b)MONTH\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`
/// ("Nov. 25, 2026"); its end, year, month and day.
fn month_day_year(t: &str, s: usize) -> Option<(usize, u32, u32, u32)> {
    let b = t.as_bytes();
    if !word_starts(b, s) {
        return None;
    }
    months_at(b, s).find_map(|(k, month)| {
        let k = k + usize::from(b.get(k) == Some(&b'.'));
        let d0 = spaces(t, k)?;
        one_or_two(b, d0).find_map(|(e, day)| {
            [ordinal_end(b, e), Some(e)]
                .into_iter()
                .flatten()
                .find_map(|e| {
                    let e = e + usize::from(b.get(e) == Some(&b','));
                    let y0 = spaces(t, e)?;
                    digits_at(b, y0, 4).map(|year| (y0 + 4, year, month, day))
                })
        })
    })
}

/// [`ISO`] from byte `s`: `(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)`.
fn iso_at(b: &[u8], s: usize) -> Option<(usize, u32, u32, u32)> {
    if !word_starts(b, s) || b.get(s + 4) != Some(&b'-') || b.get(s + 7) != Some(&b'-') {
        return None;
    }
    let (y, m, d) = (
        digits_at(b, s, 4)?,
        digits_at(b, s + 5, 2)?,
        digits_at(b, s + 8, 2)?,
    );
    (!is_word(b, s + 10)).then_some((s + 10, y, m, d))
}

/// [`NUMERIC`] from byte `s`: `(?-u:\b)(\d{1,2})/(\d{1,2})/(\d{4})(?-u:\b)`
/// (month first).
fn numeric_at(b: &[u8], s: usize) -> Option<(usize, u32, u32, u32)> {
    if !word_starts(b, s) {
        return None;
    }
    one_or_two(b, s).find_map(|(e, m)| {
        (b.get(e) == Some(&b'/')).then_some(())?;
        one_or_two(b, e + 1).find_map(|(e, d)| {
            (b.get(e) == Some(&b'/')).then_some(())?;
            let y = digits_at(b, e + 1, 4)?;
            (!is_word(b, e + 5)).then_some((e + 5, y, m, d))
        })
    })
}

/// A time [`TIME`] matches from byte `s` of `t`: its end, hour, minute
/// and whether a suffix says "pm" (`Some(true)`) or "am".
fn time_at(t: &str, s: usize) -> Option<(usize, u32, u32, Option<bool>)> {
    let b = t.as_bytes();
    if !word_starts(b, s) {
        return None;
    }
    // `(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)`, ignoring case.
    let suffixed = one_or_two(b, s).find_map(|(e, h)| {
        let minutes = matches!(b.get(e), Some(b':' | b'.'))
            .then(|| digits_at(b, e + 1, 2).map(|m| (e + 3, m)))
            .flatten();
        [minutes, Some((e, 0))]
            .into_iter()
            .flatten()
            .find_map(|(k, min)| {
                let k = t[k..]
                    .char_indices()
                    .find(|&(_, c)| !c.is_whitespace())
                    .map_or(t.len(), |(j, _)| k + j);
                ["am", "pm", "a.m.", "p.m."].iter().find_map(|x| {
                    let h2 = b.get(k..k + x.len())?;
                    h2.eq_ignore_ascii_case(x.as_bytes())
                        .then(|| (k + x.len(), h, min, Some(x.starts_with('p'))))
                })
            })
    });
    // `(\d{1,2})[:.](\d{2})(?-u:\b)`.
    suffixed.or_else(|| {
        one_or_two(b, s).find_map(|(e, h)| {
            matches!(b.get(e), Some(b':' | b'.')).then_some(())?;
            let min = digits_at(b, e + 1, 2)?;
            (!is_word(b, e + 3)).then_some((e + 3, h, min, None))
        })
    })
}

/// False when `text` holds no month name as [`MONTH`] reads it, ignoring
/// case: none of the twelve names' first three letters ("Jan", "SEP"),
/// ignoring ASCII case, and no long s ("ſ", which `(?i)` reads as an "s").
/// [`DAY_MONTH_YEAR`] and [`MONTH_DAY_YEAR`] cannot match such a text.
fn may_name_month(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| month_prefix(b, i)) || text.contains('\u{17f}')
}

/// Do bytes `i` to `i + 3` of `b` spell the first three letters of a
/// month, ignoring ASCII case?
fn month_prefix(b: &[u8], i: usize) -> bool {
    // `| 0x20` lowers an ASCII letter and makes no other byte one.
    b.get(i..i + 3).is_some_and(|w| {
        matches!(
            [w[0] | 0x20, w[1] | 0x20, w[2] | 0x20],
            [b'j', b'a', b'n']
                | [b'f', b'e', b'b']
                | [b'm', b'a', b'r' | b'y']
                | [b'a', b'p', b'r']
                | [b'j', b'u', b'n' | b'l']
                | [b'a', b'u', b'g']
                | [b's', b'e', b'p']
                | [b'o', b'c', b't']
                | [b'n', b'o', b'v']
                | [b'd', b'e', b'c']
        )
    })
}

/// The [`may_name_month`] that lowered each window: its test's reference.
#[cfg(test)]
fn may_name_month_lowered(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| {
        matches!(
            &[
                w[0].to_ascii_lowercase(),
                w[1].to_ascii_lowercase(),
                w[2].to_ascii_lowercase()
            ],
            b"jan"
                | b"feb"
                | b"mar"
                | b"apr"
                | b"may"
                | b"jun"
                | b"jul"
                | b"aug"
                | b"sep"
                | b"oct"
                | b"nov"
                | b"dec"
        )
    }) || text.contains('\u{17f}')
}

/// A time within 30 bytes before or after the date.
/// `hand`: [`by_hand`] admits the whole text, and so the window.
fn find_time(text: &str, date: Span, hand: bool) -> Option<(Span, u32, u32)> {
    let lo = floor_char(text, date.start.saturating_sub(30));
    let hi = ceil_char(text, (date.end + 30).min(text.len()));
    if hand || by_hand(&text[lo..hi]) {
        find_time_by_hand(text, date, lo, hi)
    } else {
        crate::boilerplate::note_fallback();
        find_time_by_pattern(text, date, lo, hi)
    }
}

/// [`find_time_by_pattern`] read by hand, on a window [`by_hand`] admits.
fn find_time_by_hand(text: &str, date: Span, lo: usize, hi: usize) -> Option<(Span, u32, u32)> {
    let window = &text[lo..hi];
    // The matches in turn, each search going on from the last match's end.
    let mut i = 0;
    while i < window.len() {
        // A time opens with an ASCII digit ([`time_at`]): the other bytes
        // of the window are passed without being asked.
        if !window.as_bytes()[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let Some((e, h, min, pm)) = time_at(window, i) else {
            i += 1;
            continue;
        };
        let span = Span::new(lo + i, lo + e);
        i = e;
        if span.start < date.end && span.end > date.start {
            continue;
        }
        let h = match pm {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            _ => h,
        };
        if h < 24 && min < 60 {
            return Some((span, h, min));
        }
    }
    None
}

/// [`find_time`] by [`TIME`], where the window may hold a Unicode digit.
fn find_time_by_pattern(text: &str, date: Span, lo: usize, hi: usize) -> Option<(Span, u32, u32)> {
    for c in TIME.captures_iter(&text[lo..hi]) {
        let whole = c.get(0)?;
        let span = Span::new(lo + whole.start(), lo + whole.end());
        if span.start < date.end && span.end > date.start {
            continue;
        }
        let (h, min, suffix) = if let Some(h) = c.get(1) {
            (
                h.as_str().parse::<u32>().ok()?,
                c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?,
                c.get(3).map(|s| s.as_str().to_ascii_lowercase()),
            )
        } else {
            (c[4].parse().ok()?, c[5].parse().ok()?, None)
        };
        let h = match suffix.as_deref() {
            Some(s) if s.starts_with('p') && h < 12 => h + 12,
            Some(s) if s.starts_with('a') && h == 12 => 0,
            _ => h,
        };
        if h < 24 && min < 60 {
            return Some((span, h, min));
        }
    }
    None
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// True when a block is nothing but a date, a time, a weekday and joiners.
/// Inlined where it is asked of many short blocks: the run of four digits
/// every date needs is looked for there, and the date's search called
/// only for a block that has one (where the search had looked again).
#[inline]
pub fn is_date_line(text: &str) -> bool {
    has_digit_run4(text.as_bytes()) && is_date_line_of_run(text)
}

/// [`is_date_line`] of a text with a run of four ASCII digits.
#[inline(never)]
fn is_date_line_of_run(text: &str) -> bool {
    let Some(((date, ..), time)) = find_parts_of_run(text) else {
        return false;
    };
    let span = time.map_or(date, |(t, ..)| date.cover(t));
    // The text less its date and time, read as its two sides: no word
    // runs over the space that had joined them into a new string (a word
    // ends where its side ends as where a space stands).
    let (before, after) = (&text[..span.start], &text[span.end..]);
    // At most three letters left once the weekdays, zones and joiners are
    // taken out (a second copy of the date leaves only its month: "14 Jan,
    // 2020 14 Jan, 2020"). `(?i)` reads "ſ" as an "s" and "K" (Kelvin) as a
    // "k": where one occurs, the pattern decides.
    let odd = ['\u{17f}', '\u{212a}'];
    let left = if before.contains(odd) || after.contains(odd) {
        crate::boilerplate::note_fallback();
        letters_left_by_pattern(&format!("{before} {after}"))
    } else {
        letters_left(before) + letters_left(after)
    };
    left <= 3
}

/// [`is_date_line`] as it joined the text's two sides into a new string:
/// its test's reference.
#[cfg(test)]
fn is_date_line_joined(text: &str) -> bool {
    let Some(((date, ..), time)) = find_parts(text) else {
        return false;
    };
    let span = time.map_or(date, |(t, ..)| date.cover(t));
    let mut rest = String::with_capacity(text.len());
    rest.push_str(&text[..span.start]);
    rest.push(' ');
    rest.push_str(&text[span.end..]);
    let left = if rest.contains(['\u{17f}', '\u{212a}']) {
        letters_left_by_pattern(&rest)
    } else {
        letters_left(&rest)
    };
    left <= 3
}

/// The words [`LEFTOVER`] takes out of a date line, in its order.
const LEFTOVER_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "at",
    "on",
    "am",
    "pm",
    "gmt",
    "bst",
    "utc",
    "est",
    "edt",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "cet",
    "et",
    "pt",
];

/// What is left of a date line besides its date: weekdays, "at", "on",
/// times of day and zones, as words, and digits, white space and joining
/// marks. (Kept as the specification of [`letters_left`], and used where
/// the text has a character that `(?i)` folds to an ASCII letter.)
static LEFTOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{}|a\.m|p\.m|{})(?-u:\b)|[\d:.,|•/\-–—\s()]",
        LEFTOVER_WORDS[..18].join("|"),
        LEFTOVER_WORDS[18..].join("|")
    ))
    .expect("leftover regex")
});

/// The letters of `rest` left once [`LEFTOVER`] has taken its matches out.
fn letters_left_by_pattern(rest: &str) -> usize {
    LEFTOVER
        .replace_all(rest, "")
        .chars()
        .filter(|c| c.is_alphabetic())
        .count()
}

/// [`letters_left_by_pattern`] read by hand, for a text without "ſ" or
/// "K": the other matches are single digits, spaces and marks, never
/// letters, so only the words count. A word starts a run of ASCII word
/// bytes (`(?-u:\b)`) and is all of it, or is "a.m" or "p.m" with no word
/// byte after.
fn letters_left(rest: &str) -> usize {
    let b = rest.as_bytes();
    let word = |i: usize| {
        b.get(i)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
    };
    let mut taken = 0;
    let mut i = 0;
    while i < b.len() {
        if !word(i) || (i > 0 && word(i - 1)) {
            i += 1;
            continue;
        }
        let mut end = i;
        while word(end) {
            end += 1;
        }
        let run = &rest[i..end];
        if LEFTOVER_WORDS.iter().any(|w| run.eq_ignore_ascii_case(w)) {
            taken += run.len();
            i = end;
        } else if b.len() >= i + 3
            && (b[i..i + 3].eq_ignore_ascii_case(b"a.m")
                || b[i..i + 3].eq_ignore_ascii_case(b"p.m"))
            && !word(i + 3)
        {
            taken += 2;
            i += 3;
        } else {
            i = end;
        }
    }
    rest.chars().filter(|c| c.is_alphabetic()).count() - taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        find(s).map(|d| d.iso)
    }

    #[test]
    fn formats() {
        assert_eq!(
            iso("Published 14:05, 25 November 2026").as_deref(),
            Some("2026-11-25T14:05")
        );
        assert_eq!(iso("Updated Nov. 25, 2026").as_deref(), Some("2026-11-25"));
        assert_eq!(iso("Sept. 17, 2019").as_deref(), Some("2019-09-17"));
        assert_eq!(
            iso("3/14/2019 9:42 AM EST").as_deref(),
            Some("2019-03-14T09:42")
        );
        assert_eq!(
            iso("June 9, 2021 | 7:30 PM").as_deref(),
            Some("2021-06-09T19:30")
        );
        assert_eq!(
            iso("3 October 2020 • 4:45pm").as_deref(),
            Some("2020-10-03T16:45")
        );
        assert_eq!(iso("2026-11-25").as_deref(), Some("2026-11-25"));
        assert_eq!(iso("no date here, 2026"), None);
    }

    #[test]
    fn months_are_read_as_they_were() {
        // Every three chars of an alphabet of month letters in both cases,
        // and chars that are no ASCII letter, as a name and inside a text.
        let alphabet: Vec<char> = ('a'..='z')
            .chain('A'..='Z')
            .chain(['.', ' ', '\u{e9}', '\u{17f}', '\u{212a}'])
            .collect();
        for &x in &alphabet {
            for &y in &alphabet {
                for &z in &alphabet {
                    let name: String = [x, y, z].into_iter().collect();
                    assert_eq!(month_number(&name), month_number_lowered(&name), "{name:?}");
                }
            }
        }
        let pieces = [
            "September",
            "SEPT",
            "sep",
            "Sept.",
            "may",
            "Mayor",
            "jUnE",
            "jul",
            "Ju",
            "x",
            "De",
            "dec",
            "\u{e9}",
            "\u{17f}ep",
            " ",
            "Marchx",
            "AUGUST",
            "o",
            "ct",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    for i in 0..=text.len() + 1 {
                        assert_eq!(
                            months_at(text.as_bytes(), i).collect::<Vec<_>>(),
                            months_at_walked(text.as_bytes(), i),
                            "{text:?} at {i}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn digitless_text_has_no_date() {
        assert_eq!(iso("25 November"), None);
        // Arabic-Indic digits match `\d` but do not parse.
        let text = "November \u{661}\u{662}, \u{662}\u{660}\u{662}\u{666}";
        assert!(MONTH_DAY_YEAR.is_match(text));
        assert_eq!(iso(text), None);
    }

    #[test]
    fn month_gate_is_necessary_for_the_month_patterns() {
        // Every text either pattern matches passes the gate: month names in
        // any case, with the long s that `(?i)` folds to "s".
        for text in [
            "25 November 2026",
            "25 NOVEMBER 2026",
            "Nov. 25, 2026",
            "3 mAY 2020",
            "3 \u{17f}eptember 2020",
            "Dec 1, 1999",
            "1 jan 2001",
        ] {
            assert!(
                DAY_MONTH_YEAR.is_match(text) || MONTH_DAY_YEAR.is_match(text),
                "{text:?}"
            );
            assert!(may_name_month(text), "{text:?}");
        }
        for text in ["12/05/2026", "2026-12-05 14:05", "on 5 Tuesday", ""] {
            assert!(!may_name_month(text), "{text:?}");
        }
    }

    #[test]
    fn leftover_is_the_pattern_it_was() {
        assert_eq!(
            LEFTOVER.as_str(),
            r"(?i)(?-u:\b)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|at|on|am|pm|a\.m|p\.m|gmt|bst|utc|est|edt|pst|pdt|cst|cdt|cet|et|pt)(?-u:\b)|[\d:.,|•/\-–—\s()]"
        );
    }

    #[test]
    fn letters_left_by_hand_and_by_pattern_agree() {
        const PIECES: &[&str] = &[
            "Mon", "monday", "MONDAY", "Monday,", "sat", "Sat.", "sunday", "at", "on", "AM", "pm",
            "a.m", "A.M.", "p.m.", "a.mx", "x", "pt", "PST", "et", "Tue", "tues", "2", "7:11", "|",
            "•", "(", ")", "-", "–", "Dec", "de", "é", "Über", "_", "at_", "3pm", "on3", " ", " ",
            "\u{a0}", "\u{663}", ".", ",", "/",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut t = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let n = 1 + (x % 9) as usize;
            for k in 0..n {
                let pick = (x >> (5 * k)) as usize;
                t.push_str(PIECES[pick % PIECES.len()]);
                if !pick.is_multiple_of(3) {
                    t.push(' ');
                }
            }
            assert_eq!(letters_left(&t), letters_left_by_pattern(&t), "{t:?}");
        }
    }

    /// Every month's name in every case opens a date by hand, month first
    /// or after the day, as the patterns find it; so do the ISO and the
    /// numeric forms ([`MAY_OPEN_DATE`] lets each first byte through).
    #[test]
    fn every_month_and_form_opens_a_date_by_hand() {
        let mut texts = vec![
            "Posted 2026-05-04 at noon".to_string(),
            "Posted 05/04/2026".to_string(),
        ];
        for m in month_names() {
            let title = m[..1].to_uppercase() + &m[1..];
            for name in [m.to_string(), m.to_uppercase(), title] {
                texts.push(format!("Posted {name} 5, 2026"));
                texts.push(format!("Posted 5 {name} 2026"));
            }
        }
        for text in texts {
            let found = find_date_by_hand(&text);
            assert!(found.is_some(), "{text:?}");
            assert_eq!(found, find_date_by_pattern(&text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// Days, months, years, times and suffixes whole and cut, joined by
        /// marks and white space of every kind.
        #[test]
        fn dates_and_times_by_hand_are_the_patterns(
            text in crate::testing::joined(
                vec![
                    "1", "12", "123", "2026", "20261", "25", "05", "st", "th", "ND", " ", "  ",
                    "\t", "\n", "\u{a0}", "\u{2003}", "November", "nov", "NOV", "Sept", "sep",
                    "May", "mayor", "june", ".", ",", "-", "/", ":", "am", "PM", "a.m.", "p.m.",
                    "x", "_", "\u{e9}", "\u{663}", "\u{17f}", "\u{2070}", "7:30", "10.45",
                    "December", "dec", "Aug", "april", "JAN", "Feb", "Oct", "Sunday",
                ],
                0..12,
            )
        ) {
            if by_hand(&text) {
                let found = find_date_by_hand(&text);
                proptest::prop_assert_eq!(found, find_date_by_pattern(&text), "{:?}", text);
                let mut spans = vec![Span::new(0, 0), Span::new(text.len(), text.len())];
                spans.extend(found.map(|f| f.0));
                for date in spans {
                    let lo = floor_char(&text, date.start.saturating_sub(30));
                    let hi = ceil_char(&text, (date.end + 30).min(text.len()));
                    // What [`find_time`] takes for known of a window of a
                    // text [`by_hand`] admits.
                    proptest::prop_assert!(by_hand(&text[lo..hi]), "{:?}", text);
                    if by_hand(&text[lo..hi]) {
                        proptest::prop_assert_eq!(
                            find_time_by_hand(&text, date, lo, hi),
                            find_time_by_pattern(&text, date, lo, hi),
                            "{:?} {:?}", text, date
                        );
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// A date line is told from the two sides of its date as from
        /// them joined by a space: words, "a.m" and odd letters at the
        /// date's edges and the text's.
        #[test]
        fn date_lines_read_by_sides_are_the_joined(
            text in crate::testing::joined(
                vec![
                    "3 May 2026", "2026-05-03", "5/3/2026", "Nov. 25, 2026", "10:45", "7pm",
                    " ", "", ",", "|", "\u{2022}", "Sunday", "sun", "at", "on", "GMT", "a.m",
                    "p.m.", "am", "x", "ab", "Updated", "\u{17f}", "\u{212a}", "\u{e9}", "_",
                    "2026", "12", ".", "(", ")", "\t", "\n", "\u{b}", "\u{1f}", "\u{a0}",
                    "\u{2003}", "\u{85}", "\u{3000}",
                ],
                0..10,
            )
        ) {
            proptest::prop_assert_eq!(is_date_line(&text), is_date_line_joined(&text), "{:?}", text);
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(spaces(&text, i), spaces_decoded(&text, i));
            }
        }
    }

    #[test]
    fn dates_by_hand_on_fixture_blocks() {
        let mut n = 0;
        for b in crate::segment::fixture_blocks() {
            if by_hand(&b) {
                let found = find_date_by_hand(&b);
                assert_eq!(found, find_date_by_pattern(&b), "{b:?}");
                n += usize::from(found.is_some());
            }
        }
        assert!(n >= 10, "{n}");
    }

    #[test]
    fn the_quick_wide_digit_test_is_the_full_one() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(
                may_be_wide_digit_quick(c),
                crate::boilerplate::may_be_wide_digit(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("June 9, 2021 | 7:30 PM"));
        assert!(is_date_line("14 Jan, 2020 14 Jan, 2020"));
        assert!(is_date_line("Sept. 17, 2019"));
        assert!(!is_date_line(
            "The council met on 25 November 2026 to vote."
        ));
    }

    /// Each byte value at each position of texts of up to 25 bytes, among
    /// letters, digits and their neighbours, beside runs of three digits
    /// at each place (so that a byte makes or breaks a run of four inside
    /// a word of eight or across two).
    #[test]
    fn has_digit_run4_is_the_byte_loop() {
        for len in 1..=25usize {
            for at in 0..len {
                for x in 0..=255u8 {
                    for fill in [b'a', 0xff, b'/', b':', b'5'] {
                        for three in [None, Some(0), Some(at.saturating_sub(3)), Some(at + 1)] {
                            let mut b = vec![fill; len];
                            if let Some(k) = three {
                                for d in b.iter_mut().skip(k).take(3) {
                                    *d = b'7';
                                }
                            }
                            b[at] = x;
                            assert_eq!(has_digit_run4(&b), digit_run(&b, 4), "{b:?}");
                        }
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn may_name_month_is_the_lowered_windows(
            text in crate::testing::joined(
                vec![
                    "j", "J", "a", "N", "n", "f", "E", "b", "m", "A", "r", "y", "p", "u", "l",
                    "g", "s", "e", "o", "c", "t", "v", "d", "D", "\u{17f}", "\u{e9}", " ", "@",
                    "Z", "z", "\u{c1}", "\u{212a}", "1",
                ],
                0..10,
            )
        ) {
            proptest::prop_assert_eq!(may_name_month(&text), may_name_month_lowered(&text));
        }
    }
}
