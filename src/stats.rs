//! Word, sentence and reading-time counts.

use unicode_segmentation::UnicodeSegmentation;

/// Words a minute for the reading time.
pub const WORDS_PER_MINUTE: usize = 230;

/// Abbreviations whose full stop does not end a sentence: the list
/// [`is_abbreviation`] matches, for its test.
#[cfg(test)]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sir", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx",
    "dept", "est", "fig", "al",
];

/// Unicode words in `text`.
pub fn words(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_words(text.as_bytes());
    }
    if let Some(n) = mapped_words(text) {
        return n;
    }
    // A space between two ASCII chars that are not spaces is a word
    // boundary on both sides whatever surrounds it (UAX #29: only WB3d and
    // WB4 join across a space, and they need a space or an Extend/Format/ZWJ
    // char beside it, never ASCII), and the rules that look two chars back
    // or ahead (WB6, WB7, WB11, WB12) cannot see through it. So the text
    // splits there into pieces counted alone: each char `word_break` does
    // not know is counted by unicode-segmentation in the piece between
    // the nearest such spaces around it, and the stretches between those
    // pieces as text it knows (where splitting at every such space had
    // cost a call per word).
    let b = text.as_bytes();
    let splits = |k: usize| {
        b[k] == b' '
            && k > 0
            && b[k - 1] < 0x80
            && b[k - 1] != b' '
            && b.get(k + 1).is_some_and(|&n| n < 0x80 && n != b' ')
    };
    let mut count = 0;
    // The stretch of known text not yet counted starts at `start`; chars
    // from `i` on are yet to be looked at.
    let mut start = 0;
    let mut i = 0;
    loop {
        let u = next_high(b, i);
        let Some(c) = text[u..].chars().next() else {
            break;
        };
        i = u + c.len_utf8();
        if word_break(c).is_some() {
            continue;
        }
        let from = (start..u).rev().find(|&k| splits(k));
        let to = (i..b.len()).find(|&k| splits(k));
        let piece_start = from.map_or(start, |k| {
            count += known_words(&text[start..k]);
            k + 1
        });
        let piece_end = to.unwrap_or(b.len());
        count += text[piece_start..piece_end].unicode_words().count();
        start = (piece_end + 1).min(b.len());
        i = start;
    }
    count + known_words(&text[start..])
}

/// [`words`] for text whose every char [`word_break`] knows.
fn known_words(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_words(text.as_bytes());
    }
    mapped_words(text)
        .or_else(|| latin_words(text))
        .unwrap_or_else(|| text.unicode_words().count())
}

/// The [`words`] that split its text at every space between ASCII chars
/// and counted each piece alone: the reference its property test holds
/// it to.
#[cfg(test)]
fn words_by_pieces(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_words(text.as_bytes());
    }
    if let Some(n) = mapped_words(text).or_else(|| latin_words(text)) {
        return n;
    }
    let b = text.as_bytes();
    let mut count = 0;
    let mut start = 0;
    let mut ascii = true;
    for (i, &x) in b.iter().enumerate() {
        if x >= 0x80 {
            ascii = false;
        } else if x == b' '
            && i > 0
            && b[i - 1] < 0x80
            && b[i - 1] != b' '
            && b.get(i + 1).is_some_and(|&n| n < 0x80 && n != b' ')
        {
            count += piece_words(&text[start..i], ascii);
            start = i + 1;
            ascii = true;
        }
    }
    count + piece_words(&text[start..], ascii)
}

#[cfg(test)]
fn piece_words(piece: &str, ascii: bool) -> usize {
    if ascii {
        ascii_words(piece.as_bytes())
    } else {
        latin_words(piece).unwrap_or_else(|| piece.unicode_words().count())
    }
}

/// Word_Break classes (UAX #29) of the chars [`latin_words`] knows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// ExtendNumLet (`_`).
    Under,
    /// MidLetter.
    MidLetter,
    /// MidNumLet and Single_Quote.
    MidNumLetQ,
    /// MidNum.
    MidNum,
    /// Anything else that breaks on both sides: spaces, line ends,
    /// symbols and punctuation (none of them WSegSpace but U+0020, whose
    /// joining with another space changes no count).
    Other,
}

/// The Word_Break class of `c` for ASCII, Latin-1 (but U+0085 Newline and
/// U+00AD Format), the Latin Extended-A letters (U+0100 to U+017F, all
/// ALetter: "Brzęvik", "Dašolor"), the full-width plus sign, the common quotation marks, dashes, bullet and
/// ellipsis of General Punctuation, the basic Cyrillic letters (U+0400 to
/// U+045F) and the box drawing, block, shape and symbol chars from U+2500
/// to U+26FF (rules and bullets in pages); `None` for anything else. A
/// paragraph with one char it does not know is counted slowly, piece by
/// piece, so a text in Cyrillic or set off by box rules had cost ten
/// times as much.
fn word_break(c: char) -> Option<Wb> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Wb::Letter,
        '0'..='9' => Wb::Digit,
        '_' => Wb::Under,
        ':' | '\u{b7}' => Wb::MidLetter,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Wb::MidNumLetQ,
        ',' | ';' => Wb::MidNum,
        '\u{aa}'
        | '\u{b5}'
        | '\u{b8}'
        | '\u{ba}'
        | '\u{c0}'..='\u{d6}'
        | '\u{d8}'..='\u{f6}'
        | '\u{f8}'..='\u{ff}' => Wb::Letter,
        '\u{85}' | '\u{ad}' => return None,
        '\u{100}'..='\u{17f}' | '\u{400}'..='\u{45f}' => Wb::Letter,
        '\0'..='\u{ff}'
        | '\u{2013}'
        | '\u{2014}'
        | '\u{201c}'
        | '\u{201d}'
        | '\u{2022}'
        | '\u{2026}'
        | '\u{2500}'..='\u{26ff}'
        | '\u{ff0b}' => Wb::Other,
        _ => return None,
    })
}

/// `unicode_words().count()` for text of the chars [`word_break`] knows
/// (`None` for any other text), by the rules of [`ascii_words`]; a word
/// counts when one of its chars is alphanumeric (U+00B8 CEDILLA is ALetter
/// but not alphabetic), and a char of class Other is a word alone when it
/// is alphanumeric (², ½).
fn latin_words(text: &str) -> Option<usize> {
    let word = |w: Wb| matches!(w, Wb::Letter | Wb::Digit | Wb::Under);
    let mut count = 0;
    // The run so far: its last char's class, whether it holds a letter or
    // digit, and a mid char seen after it that may link the next.
    let mut last: Option<Wb> = None;
    let mut alnum = false;
    let mut mid: Option<Wb> = None;
    for c in text.chars() {
        let w = word_break(c)?;
        if word(w) {
            let linked = match (last, mid) {
                (Some(l), None) => word(l),
                (Some(Wb::Letter), Some(Wb::MidLetter | Wb::MidNumLetQ)) => w == Wb::Letter,
                (Some(Wb::Digit), Some(Wb::MidNum | Wb::MidNumLetQ)) => w == Wb::Digit,
                _ => false,
            };
            if !linked {
                count += usize::from(alnum);
                alnum = false;
            }
            alnum = alnum || c.is_alphanumeric();
            last = Some(w);
            mid = None;
        } else if mid.is_none() && last.is_some() && w != Wb::Other {
            mid = Some(w);
        } else {
            count += usize::from(alnum);
            alnum = false;
            last = None;
            mid = None;
            count += usize::from(w == Wb::Other && c.is_alphanumeric());
        }
    }
    Some(count + usize::from(alnum))
}

/// `unicode_words().count()` for ASCII text. Letters, digits and `_` join
/// (WB5, WB8–WB10, WB13a, WB13b); one `:` `.` `'` between letters (WB6,
/// WB7) or `,` `;` `.` `'` between digits (WB11, WB12) joins too; every
/// other char is a segment of its own or of spaces or CR LF, which holds no
/// letter or digit. A word counts when it holds a letter or digit (not
/// only `_`).
fn ascii_words(b: &[u8]) -> usize {
    if memchr::memchr(b'_', b).is_some() {
        return ascii_words_stepped(b);
    }
    let Some(&first) = b.first() else {
        return 0;
    };
    let (starts, joins) = ascii_terms(b);
    usize::from(word_byte(first)) + starts - joins
}

/// ASCII letters, by a range test with no branch.
fn alpha_byte(x: u8) -> bool {
    (x | 0x20).wrapping_sub(b'a') < 26
}

/// ASCII digits, by a range test with no branch.
fn digit_byte(x: u8) -> bool {
    x.wrapping_sub(b'0') < 10
}

/// ASCII letters and digits (the word bytes but `_`).
fn word_byte(x: u8) -> bool {
    alpha_byte(x) | digit_byte(x)
}

/// Does `m` between `x` and `y` join them into one word (WB6, WB7, WB11,
/// WB12): one `:` `.` `'` between letters, or `,` `;` `.` `'` between
/// digits?
fn joins_bytes(x: u8, m: u8, y: u8) -> bool {
    let letters = alpha_byte(x) & alpha_byte(y) & ((m == b':') | (m == b'.') | (m == b'\''));
    let digits =
        digit_byte(x) & digit_byte(y) & ((m == b',') | (m == b';') | (m == b'.') | (m == b'\''));
    letters | digits
}

/// For ASCII `b` without `_`: the word starts after its first byte (a word
/// byte after another byte) and the joins inside it (a middle byte with
/// both neighbours in `b`). Without `_` every run of word bytes holds a
/// letter or digit, so the words are the runs less the joins. Both sums
/// are of byte tests on neighbours, with no branch, which the compiler
/// turns into vector code (a table load a byte and a test per run had
/// cost a dozen instructions a byte).
fn ascii_terms(b: &[u8]) -> (usize, usize) {
    // Eight bytes at a time: the top bit of each byte that is a letter or
    // digit (range tests by adding; the bytes are ASCII, so no sum carries
    // into the next byte), and the starts are those set bits whose byte
    // before has none.
    use crate::swar::{digit_lanes, letter_lanes};
    let word_bits = |w: u64| letter_lanes(w) | digit_lanes(w);
    let mut starts = 0;
    // The first byte's start is its caller's to count: a word byte before
    // it stands for no start.
    let mut before = b.first().map_or(0, |&x| u64::from(word_byte(x)) << 7);
    let mut chunks = b.get(1..).unwrap_or_default().chunks_exact(8);
    for chunk in &mut chunks {
        let w = word_bits(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        starts += (w & !((w << 8) | before)).count_ones() as usize;
        before = w >> 56;
    }
    let mut prev = before != 0;
    for &x in chunks.remainder() {
        let word = word_byte(x);
        starts += usize::from(word && !prev);
        prev = word;
    }
    // A join needs one of five marks in the middle, a few bytes in a
    // hundred: found by memchr and tested alone, where testing each
    // byte's neighbours had cost more than the starts.
    let inner = |m: usize| m > 0 && m + 1 < b.len() && joins_bytes(b[m - 1], b[m], b[m + 1]);
    let joins = memchr::memchr3_iter(b'.', b',', b'\'', b)
        .chain(memchr::memchr2_iter(b':', b';', b))
        .filter(|&m| inner(m))
        .count();
    (starts, joins)
}

/// The [`ascii_terms`] that tested every byte's neighbours for a join:
/// the reference its property test holds it to.
#[cfg(test)]
fn ascii_terms_everywhere(b: &[u8]) -> (usize, usize) {
    let starts = b
        .windows(2)
        .filter(|w| word_byte(w[1]) && !word_byte(w[0]))
        .count();
    let joins = b
        .windows(3)
        .filter(|w| joins_bytes(w[0], w[1], w[2]))
        .count();
    (starts, joins)
}

/// The first index from `i` on of a byte from 0x80, or the length: eight
/// bytes at a time.
fn next_high(b: &[u8], mut i: usize) -> usize {
    use crate::swar::HIGH;
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & HIGH;
        if w != 0 {
            return i + (w.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    b[i..]
        .iter()
        .position(|&x| x >= 0x80)
        .map_or(b.len(), |k| i + k)
}

/// An ASCII byte of the same Word_Break class as the non-ASCII `c`, and
/// whether `c` is a word alone (an alphanumeric char of class Other: ²,
/// ½); `None` where no byte stands for it: chars [`word_break`] does not
/// know, and U+00B8 CEDILLA, a letter that is not alphanumeric.
fn stand_in(c: char) -> Option<(u8, bool)> {
    Some(match word_break(c)? {
        // Every letter it knows is alphabetic but the cedilla, and every
        // alphanumeric Other is in Latin-1 (test `stand_in_is_by_class`):
        // no table search for a Cyrillic letter or a box rule.
        Wb::Letter if c != '\u{b8}' => (b'a', false),
        Wb::MidLetter => (b':', false),
        Wb::MidNumLetQ => (b'\'', false),
        Wb::Other => (b' ', c <= '\u{ff}' && c.is_alphanumeric()),
        // No char from U+0080 on that `word_break` knows is of the others.
        _ => return None,
    })
}

/// [`latin_words`] for text without `_` (`None` for any other text, and
/// for any it declines): the text read as ASCII where each non-ASCII char
/// is one byte of its class ([`stand_in`]), so the ASCII runs between
/// them are counted by [`ascii_terms`] and only the bytes around each
/// such char by hand. Most paragraphs' only non-ASCII chars are a few
/// curly quotes, dashes and accented letters; decoding every char had
/// cost a dozen instructions a byte.
fn mapped_words(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    if memchr::memchr(b'_', b).is_some() {
        return None;
    }
    // The two bytes before the chunk being added (spaces before the text:
    // no word), the starts and joins so far, the words alone.
    let (mut p2, mut p1) = (b' ', b' ');
    let (mut starts, mut joins, mut alone) = (0, 0, 0);
    let mut add = |chunk: &[u8]| {
        // The pairs and triples that end in the chunk: those across its
        // start by hand, the others inside it.
        let c0 = chunk[0];
        starts += usize::from(word_byte(c0) & !word_byte(p1));
        joins += usize::from(joins_bytes(p2, p1, c0));
        if let [.., y, z] = *chunk {
            joins += usize::from(joins_bytes(p1, c0, chunk[1]));
            let (s, j) = ascii_terms(chunk);
            starts += s;
            joins += j;
            (p2, p1) = (y, z);
        } else {
            (p2, p1) = (p1, c0);
        }
    };
    let mut i = 0;
    while i < b.len() {
        let k = next_high(b, i);
        if k > i {
            add(&b[i..k]);
        }
        let Some(c) = text[k..].chars().next() else {
            break;
        };
        let (byte, word) = stand_in(c)?;
        alone += usize::from(word);
        add(&[byte]);
        i = k + c.len_utf8();
        // A letter after a letter adds no start and no join, and leaves
        // the two bytes before the next chunk as they were ("aa"): a word
        // of Cyrillic letters is one step, not one a char.
        if byte == b'a' {
            while let Some(c) = text[i..].chars().next().filter(|&c| c >= '\u{80}') {
                if !matches!(stand_in(c), Some((b'a', _))) {
                    break;
                }
                i += c.len_utf8();
            }
        }
    }
    Some(starts - joins + alone)
}

/// [`ascii_words`] for text with `_` in it, which joins words but is no
/// letter: a run of it alone is no word.
fn ascii_words_stepped(b: &[u8]) -> usize {
    let word = |x: u8| WORD_BYTE[usize::from(x)];
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        if !word(b[i]) {
            i += 1;
            continue;
        }
        let mut alnum = false;
        loop {
            // Underscores first; the first other word byte is a letter or
            // digit, and the rest of the run needs no test but its class.
            while i < b.len() && b[i] == b'_' {
                i += 1;
            }
            if i < b.len() && word(b[i]) {
                alnum = true;
                i += 1;
                while i < b.len() && word(b[i]) {
                    i += 1;
                }
            }
            if i + 1 < b.len() {
                let (x, m, y) = (b[i - 1], b[i], b[i + 1]);
                let link = (x.is_ascii_alphabetic()
                    && y.is_ascii_alphabetic()
                    && matches!(m, b':' | b'.' | b'\''))
                    || (x.is_ascii_digit()
                        && y.is_ascii_digit()
                        && matches!(m, b',' | b';' | b'.' | b'\''));
                if link {
                    i += 1;
                    continue;
                }
            }
            break;
        }
        count += usize::from(alnum);
    }
    count
}

/// ASCII letters, digits and `_`, by byte: a load where the range tests
/// took several instructions a byte.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = x.is_ascii_alphanumeric() || x == b'_';
        b += 1;
    }
    t
};

/// The bytes [`SentenceBounds::skip_plain`] stops at: terminators, line
/// ends and every byte of a non-ASCII char.
static STOP_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = !x.is_ascii() || matches!(x, b'.' | b'!' | b'?' | b'\r' | b'\n' | b'\x0b' | b'\x0c');
        b += 1;
    }
    t
};

/// The first index from `i` on of a [`STOP_BYTE`], or the length. Eight
/// bytes at a time: a borrow test marks every byte that may be one (from
/// 0x80, below 0x0e, or `.` `!` `?`), the lowest mark is exact, and the
/// table decides it (a tab or control byte is no stop).
fn next_stop(b: &[u8], mut i: usize) -> usize {
    use crate::swar::{HIGH, ONES};
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let marks = (w
            | (w.wrapping_sub(ONES * 0x0e) & !w)
            | zero(w ^ (ONES * u64::from(b'.')))
            | zero(w ^ (ONES * u64::from(b'!')))
            | zero(w ^ (ONES * u64::from(b'?'))))
            & HIGH;
        if marks == 0 {
            i += 8;
            continue;
        }
        let at = i + (marks.trailing_zeros() / 8) as usize;
        if STOP_BYTE[usize::from(b[at])] {
            return at;
        }
        i = at + 1;
    }
    b[i..]
        .iter()
        .position(|&x| STOP_BYTE[usize::from(x)])
        .map_or(b.len(), |k| i + k)
}

/// Sentences in `text`: Unicode sentence boundaries, except after
/// abbreviations ("Mr.", "U.S.", "p.m.") that do not end a sentence.
pub fn sentences(text: &str) -> usize {
    // Nearly all paragraphs are written in Latin-1 and general punctuation
    // alone; for them the boundaries come from a copy of
    // unicode-segmentation's rules with a table lookup instead of its
    // binary search per character (a sixth of the whole analysis).
    if all_known(text) {
        count_sentences(SentenceBounds::new(text))
    } else {
        count_sentences(text.split_sentence_bounds())
    }
}

/// True when `category` knows every char of `text`; only the non-ASCII
/// chars need a look (it knows all of ASCII).
fn all_known(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    loop {
        let at = next_high(b, i);
        let Some(c) = text[at..].chars().next() else {
            return true;
        };
        if category(c).is_none() {
            return false;
        }
        i = at + c.len_utf8();
    }
}

fn count_sentences<'a>(bounds: impl Iterator<Item = &'a str>) -> usize {
    let mut count = 0;
    let mut pending = false;
    for s in bounds {
        if s.trim().is_empty() {
            continue;
        }
        pending = true;
        if !ends_with_abbreviation(s.trim_end()) {
            count += 1;
            pending = false;
        }
    }
    count + usize::from(pending)
}

/// Sentence_Break categories (UAX #29) of the characters `category`
/// knows. OLetter has none of them, so it is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    SContinue,
    STerm,
    Close,
    Extend,
    Format,
    Other,
    /// Letters of scripts without case (Hangul, kana, ideographs): read
    /// by [`Counter`] alone ([`wide_class`]), never by `category`.
    OLetter,
}

/// The Sentence_Break category of `c` as unicode-segmentation's table
/// gives it (version in Cargo.lock), for Latin-1, Latin Extended-A,
/// General Punctuation up to U+203A, the byte-order mark, the basic
/// Cyrillic letters, the chars from U+2500 to U+26FF (box drawing to
/// symbols: all Other) and the full-width plus sign (Other); `None` for
/// anything else, whose paragraph goes to unicode-segmentation whole.
fn category(c: char) -> Option<Cat> {
    use Cat::*;
    Some(match c {
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' => Sp,
        '\n' => Lf,
        '\r' => Cr,
        '!' | '?' => STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{ab}' | '\u{bb}' => Close,
        ',' | '-' | ':' | ';' => SContinue,
        '.' => ATerm,
        '0'..='9' => Numeric,
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Upper,
        'a'..='z' | '\u{aa}' | '\u{b5}' | '\u{ba}' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => {
            Lower
        }
        '\u{85}' => Sep,
        '\u{ad}' => Format,
        '\0'..='\u{ff}' => Other,
        '\u{2000}'..='\u{200a}' | '\u{202f}' => Sp,
        '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{feff}' => Format,
        '\u{200c}' | '\u{200d}' => Extend,
        '\u{2013}' | '\u{2014}' => SContinue,
        '\u{2018}'..='\u{201f}' | '\u{2039}' | '\u{203a}' => Close,
        '\u{2024}' => ATerm,
        '\u{2028}' | '\u{2029}' => Sep,
        '\u{2010}'..='\u{203a}' => Other,
        '\u{100}'..='\u{17f}' => latin_extended_a(c),
        '\u{400}'..='\u{42f}' => Upper,
        '\u{430}'..='\u{45f}' => Lower,
        '\u{2500}'..='\u{26ff}' | '\u{ff0b}' => Other,
        _ => return None,
    })
}

/// Upper or Lower for a letter of Latin Extended-A (U+0100 to U+017F), as
/// the table gives them: capitals and small letters take turns, a capital
/// on the even code points ("Ā" U+0100, "ā" U+0101) but from U+0139 to
/// U+0148 and from U+0179 to U+017E, where the capitals are odd ("Ĺ"
/// U+0139, "ź" U+017A); U+0138 "ĸ", U+0149 "ŉ" and U+017F "ſ" are small
/// letters with no capital, and U+0178 "Ÿ" a capital with its small letter
/// in Latin-1 (test `latin_extended_a_is_the_case`). A paragraph with one
/// of these ("Kałomir", "Tuğvel") had gone to unicode-segmentation whole.
fn latin_extended_a(c: char) -> Cat {
    let n = u32::from(c);
    let upper = match n {
        0x138 | 0x149 | 0x17f => false,
        0x178 => true,
        0x139..=0x148 | 0x179..=0x17e => n % 2 == 1,
        _ => n % 2 == 0,
    };
    if upper {
        Cat::Upper
    } else {
        Cat::Lower
    }
}

/// What the sentence rules remember of the text before a position: runs
/// of Close and of Sp collapse into one part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Eot,
    Other,
    Cr,
    Lf,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// `split_sentence_bounds` for text whose every character `category`
/// knows: the same state machine as unicode-segmentation's (sentence.rs,
/// rules SB1–SB11 as it implements them), so the same boundaries.
struct SentenceBounds<'a> {
    text: &'a str,
    pos: usize,
    state: [Part; 4],
    start: Option<usize>,
    /// The last SB8 look-ahead: from `.0` on, the first character that
    /// decides it is at `.1` and the answer is `.2`. Any position between
    /// the two gets the same answer, so a run of marks after a full stop
    /// ("Done.)))))") is scanned once, not once per mark.
    ahead: (usize, usize, bool),
}

impl<'a> SentenceBounds<'a> {
    fn new(text: &'a str) -> Self {
        SentenceBounds {
            text,
            pos: 0,
            state: [Part::Sot; 4],
            start: None,
            ahead: (1, 0, false),
        }
    }

    fn cat(c: char) -> Cat {
        category(c).unwrap_or(Cat::Other)
    }

    fn part(cat: Cat) -> Part {
        match cat {
            Cat::Cr => Part::Cr,
            Cat::Lf => Part::Lf,
            Cat::Sep => Part::Sep,
            Cat::ATerm => Part::ATerm,
            Cat::Upper | Cat::Lower => Part::UpperLower,
            Cat::Close => Part::ClosePlus,
            Cat::Sp => Part::SpPlus,
            Cat::STerm => Part::STerm,
            _ => Part::Other,
        }
    }

    fn push(state: [Part; 4], cat: Cat) -> [Part; 4] {
        match (state[3], cat) {
            (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => state,
            _ => [state[1], state[2], state[3], Self::part(cat)],
        }
    }

    /// Move over text that holds no terminator, line end or char SB5
    /// leaves out, while the state ends in no line end and SB11 does not
    /// hold for it: no rule can break there (SB1 needs the start, SB4 a
    /// line end, SB11 "SATerm Close* Sp*" before the char, and pushing
    /// letters, marks, spaces and closing quotes never makes it hold
    /// again), so only the state needs to follow. Most of a paragraph is
    /// such text; after "end. The" the skip starts at the "h".
    fn skip_plain(&mut self) {
        if Self::sb11(&self.state)
            || matches!(
                self.state[3],
                Part::Sot | Part::Eot | Part::Cr | Part::Lf | Part::Sep
            )
        {
            return;
        }
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.pos;
        // Past the non-ASCII chars that change nothing either: letters,
        // marks, spaces and quotes ("café", a curly apostrophe), which
        // push only quiet parts. Terminators, separators and the chars
        // SB5 leaves out stop it.
        let mut end = next_stop(bytes, start);
        while end < bytes.len() && bytes[end] >= 0x80 {
            let Some(c) = text[end..].chars().next() else {
                break;
            };
            if !matches!(
                Self::cat(c),
                Cat::Upper
                    | Cat::Lower
                    | Cat::Close
                    | Cat::Sp
                    | Cat::SContinue
                    | Cat::Numeric
                    | Cat::Other
            ) {
                break;
            }
            end += c.len_utf8();
            // A non-ASCII byte is a stop: the scan would end where it
            // starts, so a run of them (a Cyrillic word) is read char by
            // char with no scan between.
            if bytes.get(end).is_some_and(|&x| x < 0x80) {
                end = next_stop(bytes, end);
            }
        }
        if end == start {
            return;
        }
        // The state after pushing the run is its last four parts (runs of
        // Close and of Sp one part each), read backwards; when the run has
        // fewer, the parts before it fill in, and a Close or Sp run at its
        // start joins a like run the state ends with.
        let before = |j: usize| -> (usize, Part) {
            let x = bytes[j - 1];
            if x < 0x80 {
                return (j - 1, Self::part(Self::cat(char::from(x))));
            }
            let mut k = j - 1;
            while !text.is_char_boundary(k) {
                k -= 1;
            }
            let c = text[k..j].chars().next().unwrap_or_default();
            (k, Self::part(Self::cat(c)))
        };
        let mut tail = [Part::Other; 4];
        let mut got = 0;
        let mut j = end;
        while j > start && got < 4 {
            let (k, p) = before(j);
            j = k;
            if matches!(p, Part::ClosePlus | Part::SpPlus) {
                while j > start {
                    let (k, q) = before(j);
                    if q != p {
                        break;
                    }
                    j = k;
                }
            }
            got += 1;
            tail[4 - got] = p;
        }
        if got < 4 {
            if self.state[3] == tail[4 - got]
                && matches!(self.state[3], Part::ClosePlus | Part::SpPlus)
            {
                got -= 1;
            }
            let mut all = [Part::Other; 8];
            all[..4].copy_from_slice(&self.state);
            all[4..4 + got].copy_from_slice(&tail[4 - got..]);
            tail.copy_from_slice(&all[got..got + 4]);
        }
        self.state = tail;
        self.pos = end;
    }

    /// SB8: ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
    fn sb8(&mut self, state: &[Part; 4], at: usize) -> bool {
        let mut idx = if state[3] == Part::SpPlus { 2 } else { 3 };
        if state[idx] == Part::ClosePlus {
            idx -= 1;
        }
        if state[idx] != Part::ATerm {
            return false;
        }
        let (from, decides, answer) = self.ahead;
        if (from..=decides).contains(&at) {
            return answer;
        }
        let mut found = (self.text.len(), false);
        for (k, c) in self.text[at..].char_indices() {
            match Self::cat(c) {
                Cat::Lower => {
                    found = (at + k, true);
                    break;
                }
                Cat::Upper | Cat::Sep | Cat::Cr | Cat::Lf | Cat::STerm | Cat::ATerm => {
                    found = (at + k, false);
                    break;
                }
                _ => {}
            }
        }
        self.ahead = (at, found.0, found.1);
        found.1
    }

    /// SATerm Close* Sp*
    fn sb8a(state: &[Part; 4]) -> bool {
        let mut idx = if state[3] == Part::SpPlus { 2 } else { 3 };
        if state[idx] == Part::ClosePlus {
            idx -= 1;
        }
        matches!(state[idx], Part::STerm | Part::ATerm)
    }

    /// SATerm Close*
    fn sb9(state: &[Part; 4]) -> bool {
        let idx = if state[3] == Part::ClosePlus { 2 } else { 3 };
        matches!(state[idx], Part::STerm | Part::ATerm)
    }

    /// SATerm Close* Sp* ParaSep?
    fn sb11(state: &[Part; 4]) -> bool {
        let mut idx = match state[3] {
            Part::Sep | Part::Cr | Part::Lf => 2,
            _ => 3,
        };
        if state[idx] == Part::SpPlus {
            idx -= 1;
        }
        if state[idx] == Part::ClosePlus {
            idx -= 1;
        }
        matches!(state[idx], Part::STerm | Part::ATerm)
    }

    /// The next break: the byte offset of the character after it.
    fn next_break(&mut self) -> Option<usize> {
        loop {
            self.skip_plain();
            let Some(c) = self.text[self.pos..].chars().next() else {
                break;
            };
            let at = self.pos;
            let before = self.state;
            let cat = Self::cat(c);
            self.pos += c.len_utf8();
            self.state = Self::push(before, cat);
            let last = before[3];
            if last == Part::Sot {
                return Some(at); // SB1
            }
            if cat == Cat::Lf && last == Part::Cr {
                continue; // SB3
            }
            if matches!(last, Part::Sep | Part::Cr | Part::Lf) {
                return Some(at); // SB4
            }
            if matches!(cat, Cat::Extend | Cat::Format) {
                self.state = before; // SB5
                continue;
            }
            let keep = (cat == Cat::Numeric && last == Part::ATerm) // SB6
                || (cat == Cat::Upper && before[2] == Part::UpperLower && last == Part::ATerm) // SB7
                || self.sb8(&before, at)
                || (matches!(cat, Cat::SContinue | Cat::STerm | Cat::ATerm) && Self::sb8a(&before))
                || (matches!(cat, Cat::Close | Cat::Sp | Cat::Sep | Cat::Cr | Cat::Lf)
                    && Self::sb9(&before))
                || (matches!(cat, Cat::Sp | Cat::Sep | Cat::Cr | Cat::Lf) && Self::sb8a(&before));
            if !keep && Self::sb11(&before) {
                return Some(at);
            }
        }
        // SB2
        if matches!(self.state[3], Part::Sot | Part::Eot) {
            None
        } else {
            self.state = [self.state[1], self.state[2], self.state[3], Part::Eot];
            Some(self.pos)
        }
    }
}

impl<'a> Iterator for SentenceBounds<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.start.is_none() {
            self.start = Some(self.next_break()?);
        }
        let end = self.next_break()?;
        let start = self.start.replace(end)?;
        Some(&self.text[start..end])
    }
}

/// Does sentence `s` end with an abbreviation's full stop: its last word
/// (after the stop is taken off) initials ([`initials`]) or one of the
/// abbreviations ([`is_abbreviation`])?
///
/// Either is at most six bytes long, or has a full stop in its last two
/// bytes ("U.S"), so the last seven bytes are read first, from the end:
/// a word that starts among them, of ASCII without a full stop, is
/// judged from those bytes, and a word longer than them without a full
/// stop in them ("yesterday.") is neither; only a full stop or a byte
/// from 0x80 among them sends the sentence the long way
/// ([`ends_with_abbreviation_by_words`]), which split the whole last word
/// and scanned it twice for every sentence.
fn ends_with_abbreviation(s: &str) -> bool {
    let Some(body) = s.strip_suffix('.') else {
        return false;
    };
    let b = body.as_bytes();
    let stop = b.len().saturating_sub(7);
    let mut start = b.len();
    while start > stop {
        let x = b[start - 1];
        if x >= 0x80 || x == b'.' {
            return ends_with_abbreviation_by_words(body);
        }
        if matches!(x, b'\t'..=b'\r' | b' ' | b'(' | b'"') {
            break;
        }
        start -= 1;
    }
    let last = &b[start..];
    // Seven bytes without a word start, or none: neither.
    if last.len() == 7 || last.is_empty() {
        return false;
    }
    (last.len() == 1 && last[0].is_ascii_alphabetic()) || is_abbreviation(&body[start..])
}

/// [`ends_with_abbreviation`] of the sentence without its full stop,
/// read by words: the last word split off, and tested whole.
fn ends_with_abbreviation_by_words(body: &str) -> bool {
    let last = &body[last_word_start(body)..];
    if last.is_empty() {
        return false;
    }
    // Initialisms: "U.S", "p.m", "a.m", "J" (a middle initial).
    if initials(last) {
        return true;
    }
    // `to_lowercase` without its allocation: the abbreviations are ASCII,
    // and the one non-ASCII letter that lowercases into ASCII (KELVIN SIGN,
    // to `k`) is in none of them (test `abbreviations_match_like_lowercase`).
    is_abbreviation(last)
}

/// Is `last` (not empty) letters each alone between full stops ("U.S",
/// "p.m", "J")? A word without a full stop, most often, is one when it
/// is one letter: told by its length in bytes first (a letter takes at
/// most four), where splitting it cost more than the rest of the test.
fn initials(last: &str) -> bool {
    let one_letter = |p: &str| {
        // One char, alphabetic: read no further than its second.
        let mut chars = p.chars();
        chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
    };
    if !last.as_bytes().contains(&b'.') {
        return last.len() <= 4 && one_letter(last);
    }
    last.split('.').all(one_letter)
}

/// True when `w` is one of the abbreviations, ignoring ASCII case. Lowered
/// into a buffer of six bytes (no abbreviation is longer) and matched by
/// length and bytes, where comparing it with each of the 47 took most of
/// the sentence count's time after the bounds; a test holds it to the list.
fn is_abbreviation(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() > 6 {
        return false;
    }
    let mut low = [0u8; 6];
    for (l, &x) in low.iter_mut().zip(b) {
        *l = x.to_ascii_lowercase();
    }
    matches!(
        &low[..b.len()],
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"sir"
            | b"st"
            | b"jr"
            | b"sr"
            | b"gen"
            | b"col"
            | b"lt"
            | b"sgt"
            | b"capt"
            | b"gov"
            | b"sen"
            | b"rep"
            | b"rev"
            | b"hon"
            | b"no"
            | b"vs"
            | b"etc"
            | b"inc"
            | b"ltd"
            | b"co"
            | b"corp"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"mt"
            | b"ft"
            | b"approx"
            | b"dept"
            | b"est"
            | b"fig"
            | b"al"
    )
}

/// Where the last word of `body` starts: after its last white space, `(`,
/// `"` or `\u{201c}`. A byte loop from the end (the split by a char
/// predicate it replaced cost more than the rest of the sentence count);
/// only a non-ASCII char is decoded.
fn last_word_start(body: &str) -> usize {
    let b = body.as_bytes();
    let mut end = b.len();
    while end > 0 {
        let x = b[end - 1];
        if x < 0x80 {
            if matches!(x, b'\t'..=b'\r' | b' ' | b'(' | b'"') {
                return end;
            }
            end -= 1;
            continue;
        }
        let mut start = end - 1;
        while !body.is_char_boundary(start) {
            start -= 1;
        }
        let c = body[start..end].chars().next().unwrap_or('a');
        if c.is_whitespace() || c == '\u{201c}' {
            return end;
        }
        end = start;
    }
    0
}

/// The split [`last_word_start`] replaced: the reference its property test
/// holds it to.
#[cfg(test)]
fn last_word_split(body: &str) -> &str {
    body.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .next()
        .unwrap_or("")
}

/// The [`words`] and [`sentences`] of `text`, in one pass (the same
/// counts). The words are the starts of runs of letters and digits less
/// the marks that join two runs (as [`mapped_words`] counts them), found
/// eight bytes at a time; the sentences are read only where a `.`, `!` or
/// `?` stands, by the rules [`SentenceBounds`] follows after a
/// terminator ([`Counter::sentence_run`]). A text with a char either
/// count reads otherwise (`_`, a line end, a char [`stand_in`] or
/// [`fast_category`] does not take) is counted by the two functions.
pub fn words_and_sentences(text: &str) -> (usize, usize) {
    let (words, sentences, _) = counts_and_plain(text);
    (words, sentences)
}

/// [`words_and_sentences`] of `text`, and whether it is known to hold no
/// byte that a JSON string escapes (`"`, `\`, a control byte): the one
/// pass reads every ASCII byte that is no letter, digit or space, and
/// notes those among them, so a paragraph it counted is written without
/// a second test of its bytes ([`crate::render::json`]). `false` where it
/// is not known: a text the two counts read.
pub(crate) fn counts_and_plain(text: &str) -> (usize, usize, bool) {
    Counter::new(text)
        .run()
        .unwrap_or_else(|| (words(text), sentences(text), false))
}

/// What an ASCII byte that is no letter, digit or space is to [`Counter`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Neither joins words nor ends a sentence.
    Plain,
    /// Joins two letters or two digits (`,` `;` `:` `'`).
    Mid,
    /// The full stop: joins, and ends a sentence.
    Dot,
    /// `!` and `?`.
    Term,
    /// A byte the one pass does not read: `_`, line ends.
    Bail,
    /// A byte a JSON string escapes (`"`, `\`, the control bytes but the
    /// line ends): plain to the counts, noted ([`counts_and_plain`]).
    Escaped,
}

static MARK: [Mark; 128] = {
    let mut t = [Mark::Plain; 128];
    let mut c = 0;
    while c < 0x20 {
        t[c] = Mark::Escaped;
        c += 1;
    }
    t[b'"' as usize] = Mark::Escaped;
    t[b'\\' as usize] = Mark::Escaped;
    t[b'.' as usize] = Mark::Dot;
    t[b',' as usize] = Mark::Mid;
    t[b';' as usize] = Mark::Mid;
    t[b':' as usize] = Mark::Mid;
    t[b'\'' as usize] = Mark::Mid;
    t[b'!' as usize] = Mark::Term;
    t[b'?' as usize] = Mark::Term;
    t[b'_' as usize] = Mark::Bail;
    t[b'\r' as usize] = Mark::Bail;
    t[b'\n' as usize] = Mark::Bail;
    t
};

/// [`category`] for the chars [`words_and_sentences`] reads in one pass:
/// `None` for line ends and paragraph separators (SB4), the chars SB5
/// passes over, terminators from 0x80 and the chars `category` does not
/// know, so that breaks come only after a terminator.
fn known_category(c: char) -> Option<Cat> {
    match category(c)? {
        Cat::Cr | Cat::Lf | Cat::Sep | Cat::Extend | Cat::Format => None,
        Cat::ATerm | Cat::STerm if !c.is_ascii() => None,
        cat => Some(cat),
    }
}

/// How a char from 0x80 counts in [`Counter`]'s words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Alone {
    /// By its stand-in byte.
    No,
    /// A word by itself (Word_Break Other, alphanumeric: ideographs,
    /// hiragana, ², ½).
    Yes,
    /// A run of them is one word (Katakana, WB13).
    Run,
}

/// What [`Counter`] reads of a char from 0x80: its stand-in byte for the
/// word rules ([`stand_in`]), how it counts alone, and its sentence
/// category ([`known_category`]); `None` for a char it leaves to the two
/// counts. Besides the chars both tables know: Hangul (ALetter), kana
/// and the common ideographs (OLetter for the sentences), the iteration
/// mark U+3005 (ALetter, OLetter), the ideographic
/// space, comma, full stop and corner brackets, and the full-width `!`
/// `?` `(` `)` `,` (test `wide_classes_count_as_unicode_does`).
fn wide_class(c: char) -> Option<(u8, Alone, Cat)> {
    common_class(c).or_else(|| wide_class_by_tables(c))
}

/// [`wide_class`] for the chars from 0x80 most paragraphs in Latin
/// script hold (accented letters, curly quotes, dashes, the no-break
/// space), and the basic Cyrillic letters (`А`..`я`), by one match, where
/// the two tables' searches cost more than a hundred instructions a char;
/// `None` for the others (test `common_classes_are_the_tables`).
fn common_class(c: char) -> Option<(u8, Alone, Cat)> {
    Some(match c {
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => (b'a', Alone::No, Cat::Upper),
        '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => (b'a', Alone::No, Cat::Lower),
        '\u{410}'..='\u{42f}' => (b'a', Alone::No, Cat::Upper),
        '\u{430}'..='\u{44f}' => (b'a', Alone::No, Cat::Lower),
        '\u{2018}' | '\u{2019}' => (b'\'', Alone::No, Cat::Close),
        '\u{201c}' | '\u{201d}' => (b' ', Alone::No, Cat::Close),
        '\u{2013}' | '\u{2014}' => (b' ', Alone::No, Cat::SContinue),
        '\u{a0}' => (b' ', Alone::No, Cat::Sp),
        _ => return None,
    })
}

/// [`common_class`] of the char that starts at `i` in `b` (a lead byte
/// from 0x80 stands there), with its length, read from its bytes: the
/// accented letters of Latin-1 (`C3 80`..`C3 BF`), the no-break space
/// (`C2 A0`), the basic Cyrillic letters (`D0 90`..`D1 8F`), the curly
/// quotes and the dashes (`E2 80 93`..`E2 80 9D`).
/// `None` for every other char (test `common_classes_by_bytes`): decoded,
/// it goes to [`wide_class`].
#[inline(always)]
fn common_class_at(b: &[u8], i: usize) -> Option<(usize, (u8, Alone, Cat))> {
    match *b.get(i..i + 2)? {
        [0xc3, y] if y != 0x97 && y != 0xb7 => Some((
            2,
            if y < 0x9f {
                (b'a', Alone::No, Cat::Upper)
            } else {
                (b'a', Alone::No, Cat::Lower)
            },
        )),
        [0xc2, 0xa0] => Some((2, (b' ', Alone::No, Cat::Sp))),
        // U+0410..=U+042F, then U+0430..=U+044F.
        [0xd0, 0x90..=0xaf] => Some((2, (b'a', Alone::No, Cat::Upper))),
        [0xd0, 0xb0..=0xbf] | [0xd1, 0x80..=0x8f] => Some((2, (b'a', Alone::No, Cat::Lower))),
        [0xe2, 0x80] => Some((
            3,
            match *b.get(i + 2)? {
                0x98 | 0x99 => (b'\'', Alone::No, Cat::Close),
                0x9c | 0x9d => (b' ', Alone::No, Cat::Close),
                0x93 | 0x94 => (b' ', Alone::No, Cat::SContinue),
                _ => return None,
            },
        )),
        _ => None,
    }
}

/// [`wide_class`] by its ranges and the two tables.
fn wide_class_by_tables(c: char) -> Option<(u8, Alone, Cat)> {
    Some(match c {
        // U+3005, the iteration mark ("々"), is ALetter and OLetter too.
        '\u{ac00}'..='\u{d7a3}' | '\u{3131}'..='\u{318e}' | '\u{3005}' => {
            (b'a', Alone::No, Cat::OLetter)
        }
        '\u{3041}'..='\u{3096}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' => {
            (b' ', Alone::Yes, Cat::OLetter)
        }
        '\u{30a1}'..='\u{30fa}' | '\u{30fc}'..='\u{30ff}' => (b' ', Alone::Run, Cat::OLetter),
        '\u{3000}' => (b' ', Alone::No, Cat::Sp),
        '\u{3001}' => (b' ', Alone::No, Cat::SContinue),
        '\u{3002}' | '\u{ff01}' | '\u{ff1f}' => (b' ', Alone::No, Cat::STerm),
        '\u{300c}'..='\u{300f}' | '\u{ff08}' | '\u{ff09}' => (b' ', Alone::No, Cat::Close),
        '\u{ff0c}' => (b',', Alone::No, Cat::SContinue),
        _ => {
            let (sym, alone) = stand_in(c)?;
            let alone = if alone { Alone::Yes } else { Alone::No };
            (sym, alone, known_category(c)?)
        }
    })
}

/// The sentence category of `c` as [`Counter`] reads it.
fn fast_category(c: char) -> Option<Cat> {
    if c.is_ascii() {
        known_category(c)
    } else {
        Some(wide_class(c)?.2)
    }
}

/// The state of [`words_and_sentences`].
struct Counter<'a> {
    text: &'a str,
    /// Word starts, joins and chars that are a word alone ([`mapped_words`]).
    starts: usize,
    joins: usize,
    alone: usize,
    /// Terminators before `cursor` were read with the one before them.
    cursor: usize,
    /// Where the sentence being read starts.
    seg_start: usize,
    /// Sentences ended by a break, and those of them that end with an
    /// abbreviation.
    segments: usize,
    abbreviated: usize,
    /// A byte a JSON string escapes was read ([`Mark::Escaped`]).
    escaped: bool,
}

impl<'a> Counter<'a> {
    fn new(text: &'a str) -> Self {
        Counter {
            text,
            starts: 0,
            joins: 0,
            alone: 0,
            cursor: 0,
            seg_start: 0,
            segments: 0,
            abbreviated: 0,
            escaped: false,
        }
    }

    /// Both counts, and whether no byte a JSON string escapes was read;
    /// or `None` where the text has a char the pass does not read.
    fn run(mut self) -> Option<(usize, usize, bool)> {
        use crate::swar::{digit_lanes, letter_lanes, HIGH, LOW7, ONES};
        let text = self.text;
        let b = text.as_bytes();
        // The letters and digits of a chunk (`swar`'s lane tests, exact on
        // ASCII bytes; a byte from 0x80, past the bytes read, carries only
        // into those above it, which are masked).
        let word_bits = |w: u64| letter_lanes(w) | digit_lanes(w);
        // Every byte but letters, digits and spaces: marks, control bytes,
        // tabs. An ASCII byte is no space where it differs from 0x20: its
        // difference plus 0x7f reaches the top bit (and, below 0x100,
        // carries into no other byte).
        let mark_bits = |w: u64, word: u64| (w ^ (ONES * 0x20)).wrapping_add(LOW7) & HIGH & !word;
        let mut before = 0u64;
        // Where the last Katakana char read ends.
        let mut katakana_end = 0;
        // The starts of a chunk (one top bit a byte, none carried) summed
        // by a product into its top byte: `count_ones` costs a dozen
        // instructions with no `popcnt` on the baseline target.
        let sum = |bits: u64| ((bits >> 7).wrapping_mul(ONES) >> 56) as usize;
        let mut i = 0;
        while i < b.len() {
            let mut chunks = b[i..].chunks_exact(8);
            for chunk in &mut chunks {
                let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                if w & HIGH != 0 {
                    break;
                }
                let word = word_bits(w);
                self.starts += sum(word & !((word << 8) | before));
                before = word >> 56;
                let marks = mark_bits(w, word);
                if marks != 0 {
                    self.marks(i, marks)?;
                }
                i += 8;
            }
            if i == b.len() {
                break;
            }
            // The last few bytes, or a chunk with a byte from 0x80: its
            // ASCII bytes, then the char.
            // `k` of the `n` bytes read come before the first from 0x80:
            // for a whole chunk, read from its word where the first top
            // bit stands (most such chunks hold a curly quote or an
            // accented letter, and the tail's byte loop cost more than the
            // char).
            let (w, n, k) = match b.get(i..i + 8) {
                Some(chunk) => {
                    let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                    (w, 8, ((w & HIGH).trailing_zeros() / 8) as usize)
                }
                None => crate::text::ascii_tail(b, i),
            };
            let valid_to = |k: usize| HIGH >> (64 - 8 * k);
            if k > 0 {
                let word = word_bits(w) & valid_to(k);
                // (Summed as a whole chunk's starts are: a chunk with a
                // char from 0x80 comes every few chunks in most texts,
                // a curly quote or an accented letter, and `count_ones`
                // cost a dozen instructions each time.)
                self.starts += sum(word & !((word << 8) | before));
                before = (word >> (8 * (k - 1))) & 0x80;
                let marks = mark_bits(w, word) & valid_to(k);
                if marks != 0 {
                    self.marks(i, marks)?;
                }
            }
            i += k;
            if k < n {
                let (len, (sym, alone, cat)) = match common_class_at(b, i) {
                    Some(found) => found,
                    None => {
                        let c = text[i..].chars().next()?;
                        (c.len_utf8(), wide_class(c)?)
                    }
                };
                match alone {
                    Alone::No => {}
                    Alone::Yes => self.alone += 1,
                    Alone::Run => {
                        self.alone += usize::from(i != katakana_end || i == 0);
                        katakana_end = i + len;
                    }
                }
                let word = word_byte(sym);
                self.starts += usize::from(word && before == 0);
                if matches!(sym, b':' | b'\'' | b',') {
                    self.join_at_len(i, sym, len)?;
                }
                if cat == Cat::STerm && i >= self.cursor {
                    self.sentence_run(i)?;
                }
                before = if word { 0x80 } else { 0 };
                i += len;
            }
        }
        let words = self.starts + self.alone - self.joins;
        // The last sentence counts whether or not it ends with an
        // abbreviation (`count_sentences` counts one pending at the end).
        let sentences = if self.segments == 0 && text.trim().is_empty() {
            0
        } else {
            self.segments - self.abbreviated + 1
        };
        Some((words, sentences, !self.escaped))
    }

    /// Read the marks of the chunk at `i` (the top bits of `marks`):
    /// joins and the sentence rules after a terminator.
    #[inline(always)]
    fn marks(&mut self, i: usize, mut marks: u64) -> Option<()> {
        while marks != 0 {
            let at = i + (marks.trailing_zeros() / 8) as usize;
            marks &= marks - 1;
            let x = self.text.as_bytes()[at];
            match MARK[usize::from(x & 0x7f)] {
                Mark::Plain => {}
                Mark::Escaped => self.escaped = true,
                Mark::Bail => return None,
                Mark::Mid => self.join_at(at, x)?,
                Mark::Dot => {
                    self.join_at(at, x)?;
                    if at >= self.cursor {
                        self.sentence_run(at)?;
                    }
                }
                Mark::Term => {
                    if at >= self.cursor {
                        self.sentence_run(at)?;
                    }
                }
            }
        }
        Some(())
    }

    /// The stand-in ([`stand_in`]) of the char that starts at `i`.
    fn symbol_at(&self, i: usize) -> Option<u8> {
        let x = self.text.as_bytes()[i];
        if x < 0x80 {
            return Some(x);
        }
        Some(wide_class(self.text[i..].chars().next()?)?.0)
    }

    /// The stand-in of the char that ends at `i` (a space at the start).
    fn symbol_before(&self, i: usize) -> Option<u8> {
        let b = self.text.as_bytes();
        let Some(&x) = i.checked_sub(1).map(|k| &b[k]) else {
            return Some(b' ');
        };
        if x < 0x80 {
            return Some(x);
        }
        Some(wide_class(self.text[..i].chars().next_back()?)?.0)
    }

    /// Count a join where the one-byte mark `m` stands at `at`. (Most
    /// marks stand before a space: no join, told here by the byte after
    /// without a call.)
    #[inline(always)]
    fn join_at(&mut self, at: usize, m: u8) -> Option<()> {
        match self.text.as_bytes().get(at + 1) {
            Some(&y) if y >= 0x80 || word_byte(y) => self.join_at_len(at, m, 1),
            _ => Some(()),
        }
    }

    /// Count a join where a mark of `len` bytes standing for `m` is at `at`.
    fn join_at_len(&mut self, at: usize, m: u8, len: usize) -> Option<()> {
        // Most marks stand before a space: no join, known by a byte.
        let next = self.text.as_bytes().get(at + len);
        if next.is_some_and(|&y| y >= 0x80 || word_byte(y)) {
            let x = self.symbol_before(at)?;
            let y = self.symbol_at(at + len)?;
            self.joins += usize::from(joins_bytes(x, m, y));
        }
        Some(())
    }

    /// The [`fast_category`] of the char at `i`, and its length.
    fn cat_at(&self, i: usize) -> Option<(Cat, usize)> {
        let x = self.text.as_bytes()[i];
        if x < 0x80 {
            return Some((fast_category(char::from(x))?, 1));
        }
        let c = self.text[i..].chars().next()?;
        Some((fast_category(c)?, c.len_utf8()))
    }

    /// The sentence rules after the terminator at `p` (no break can come
    /// anywhere else in a text the pass reads): its run of Close, then of
    /// Sp, leads to the first other char, `c`. No break comes inside the
    /// runs (SB9, SB10); before `c` none comes where `c` continues the
    /// sentence or is a terminator (SB8a: a terminator starts a run
    /// again), a digit right after a full stop (SB6), a capital right
    /// after a letter's full stop (SB7), or a lower-case letter comes
    /// after a full stop before any capital or terminator (SB8). Else a
    /// sentence ends there (SB11) and it is told whether it ends with an
    /// abbreviation, as `count_sentences` tells it.
    fn sentence_run(&mut self, mut p: usize) -> Option<()> {
        let len = self.text.len();
        // The most common case by far, a full stop, one space and an ASCII
        // capital (". The"), read from its three bytes: Sp and then Upper
        // after the stop, and `lower_ahead` stops at once at the capital,
        // so a sentence ends there (the loop below, from its bytes).
        let b = self.text.as_bytes();
        if b[p] == b'.' && p + 2 < len && b[p + 1] == b' ' && b[p + 2].is_ascii_uppercase() {
            let q = p + 2;
            self.cursor = q;
            self.segments += 1;
            if ends_with_abbreviation(&self.text[self.seg_start..=p]) {
                self.abbreviated += 1;
            }
            self.seg_start = q;
            return Some(());
        }
        loop {
            let full_stop = self.text.as_bytes()[p] == b'.';
            let mut q = p + self.text[p..].chars().next().map_or(1, char::len_utf8);
            let mut next = None;
            let mut closes = true;
            let mut close_end = q;
            while q < len {
                let (cat, l) = self.cat_at(q)?;
                if closes && cat == Cat::Close {
                    q += l;
                    close_end = q;
                    continue;
                }
                closes = false;
                if cat != Cat::Sp {
                    next = Some(cat);
                    break;
                }
                q += l;
            }
            self.cursor = q;
            let Some(c) = next else {
                return Some(());
            };
            let keep = match c {
                Cat::SContinue => true,
                Cat::STerm | Cat::ATerm => {
                    p = q;
                    continue;
                }
                Cat::Numeric => full_stop && q == p + 1,
                Cat::Upper => {
                    full_stop
                        && q == p + 1
                        && matches!(self.cat_before(p)?, Some(Cat::Upper | Cat::Lower))
                }
                _ => false,
            } || (full_stop && self.lower_ahead(q)?);
            if !keep {
                self.segments += 1;
                if full_stop
                    && close_end == p + 1
                    && ends_with_abbreviation(&self.text[self.seg_start..=p])
                {
                    self.abbreviated += 1;
                }
                self.seg_start = q;
            }
            return Some(());
        }
    }

    /// The [`fast_category`] of the char that ends at `i`, if any.
    fn cat_before(&self, i: usize) -> Option<Option<Cat>> {
        match self.text[..i].chars().next_back() {
            None => Some(None),
            Some(c) => Some(Some(fast_category(c)?)),
        }
    }

    /// SB8's look ahead from `q`: a lower-case letter comes before any
    /// capital or terminator.
    fn lower_ahead(&self, mut q: usize) -> Option<bool> {
        while q < self.text.len() {
            let (cat, l) = self.cat_at(q)?;
            match cat {
                Cat::Lower => return Some(true),
                Cat::Upper | Cat::OLetter | Cat::STerm | Cat::ATerm => return Some(false),
                _ => q += l,
            }
        }
        Some(false)
    }
}

/// Reading time in seconds for `words` words.
pub fn reading_time_seconds(words: usize) -> usize {
    (words * 60).div_ceil(WORDS_PER_MINUTE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith went to the U.S. on Monday. He left at 5 p.m. and slept."),
            2
        );
        assert_eq!(sentences("One. Two! Three?"), 3);
        assert_eq!(sentences("No full stop"), 1);
        assert_eq!(sentences(""), 0);
    }

    /// The characters `category` knows, some it does not, and the words
    /// and marks that make sentences and abbreviations.
    fn sentence_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => prop::char::range('\0', '\u{ff}').prop_map(String::from),
            2 => prop::char::range('\u{2000}', '\u{203c}').prop_map(String::from),
            2 => prop::char::range('\u{3ff}', '\u{460}').prop_map(String::from),
            1 => prop::char::range('\u{24ff}', '\u{2700}').prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
            1 => Just("\u{feff}".to_string()),
            6 => prop::sample::select(vec![
                " ", ". ", ".", "! ", "? ", "\n", "\r\n", "\u{201d} ", " \u{201c}", "Mr. ",
                "U.S. ", "p.m. ", "said", "The", "Jane", "a", "3", ".\u{201d}", ")", "\u{a0}",
            ])
            .prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    /// ASCII of every word-break class, spaces beside them, and chars that
    /// join across or attach to a space (WSegSpace, Extend, Format, ZWJ).
    fn word_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            6 => prop::char::range('\0', '\u{7f}').prop_map(String::from),
            2 => prop::char::range('\u{80}', '\u{3000}').prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
            8 => prop::sample::select(vec![
                " ", "  ", "a", "Z", "7", "_", ":", ".", "'", ",", ";", "\"", "\r\n", "\n",
                "\u{b}", "\t", "word", "3.5", "don't", "a.b", "\u{2019}", "\u{2018}", "\u{201c}",
                "\u{e9}", "\u{2003}", "\u{3000}", "\u{200d}", "\u{200b}", "\u{ad}", "\u{feff}",
                "\u{301}", "\u{93e}", "\u{5d0}", "\u{30a2}", "\u{1f1ec}", "\u{1f600}", "\u{b7}",
                "\u{2024}", "\u{fe13}", "\u{ff0c}", "(", "\u{85}", "\u{a0}",
            ])
            .prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn next_stop_is_the_table_scan(text in sentence_text(), from in 0usize..8) {
            let b = text.as_bytes();
            let from = from.min(b.len());
            let scan = (from..b.len()).find(|&k| STOP_BYTE[usize::from(b[k])]).unwrap_or(b.len());
            prop_assert_eq!(next_stop(b, from), scan);
        }

        #[test]
        fn last_word_is_the_split(text in prop_oneof![word_text(), sentence_text()]) {
            prop_assert_eq!(&text[last_word_start(&text)..], last_word_split(&text));
        }

        #[test]
        fn words_are_unicode_words(text in word_text()) {
            prop_assert_eq!(words(&text), text.unicode_words().count());
            prop_assert_eq!(words(&text), words_by_pieces(&text));
        }

        #[test]
        fn ascii_words_are_unicode_words(text in "[ -~\t\r\n\x0b\x0c\x00-\x1f]{0,40}") {
            prop_assert_eq!(ascii_words(text.as_bytes()), text.unicode_words().count());
        }

        /// Long ASCII runs (past a window of 255) of words and the marks
        /// that join them.
        #[test]
        fn ascii_terms_are_the_neighbour_tests(
            text in crate::testing::joined(
                vec!["a", "Z", "7", ".", ",", "'", ":", ";", " ", "ab", "1.5", "x'y", "-", "\n"],
                0..700,
            )
        ) {
            prop_assert_eq!(ascii_terms(text.as_bytes()), ascii_terms_everywhere(text.as_bytes()));
        }

        /// Long runs of Close and Sp on both sides of the plain runs the
        /// bounds skip, after and before terminators and non-ASCII.
        #[test]
        fn fast_bounds_over_close_and_space_runs(
            text in crate::testing::joined(
                vec![
                    " ", "  ", "\"", "'", ")", "(", "]", ". ", ".", "!", "?", "a", "A", "b c", "1",
                    ",", "\u{201d}", "\u{201c}", "\u{e9}", "\u{a0}", "\t", "\n",
                ],
                0..60,
            )
        ) {
            let fast: Vec<&str> = SentenceBounds::new(&text).collect();
            let slow: Vec<&str> = text.split_sentence_bounds().collect();
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn fast_bounds_are_unicode_segmentations(text in sentence_text()) {
            if text.chars().all(|c| category(c).is_some()) {
                let fast: Vec<&str> = SentenceBounds::new(&text).collect();
                let slow: Vec<&str> = text.split_sentence_bounds().collect();
                prop_assert_eq!(fast, slow);
            }
        }

    }

    #[test]
    fn every_known_character_in_every_position() {
        // Each character after and before each other kind of character
        // the rules tell apart.
        let known: Vec<char> = ('\0'..='\u{ff}')
            .chain('\u{2000}'..='\u{203a}')
            .chain(['\u{feff}', '\u{ff0b}'])
            .chain('\u{100}'..='\u{17f}')
            .chain('\u{400}'..='\u{45f}')
            .chain(('\u{2500}'..='\u{26ff}').step_by(7))
            .collect();
        let probes = [
            "a", "A", "1", ".", "!", ",", " ", "\n", "\r", "\u{201d}", "\u{ad}",
        ];
        for &c in &known {
            assert!(category(c).is_some(), "{c:?}");
            for l in probes {
                for r in probes {
                    for text in [
                        format!("{l}{c}{r}"),
                        format!("x.{l}{c}{r}a"),
                        format!("x. {c}{l}{r}b"),
                        format!("X.{c}{r} a"),
                    ] {
                        let fast: Vec<&str> = SentenceBounds::new(&text).collect();
                        let slow: Vec<&str> = text.split_sentence_bounds().collect();
                        assert_eq!(fast, slow, "{text:?}");
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Latin-1 and the punctuation `word_break` knows, in words.
        #[test]
        fn latin_words_are_unicode_words(
            text in prop::collection::vec(
                prop_oneof![
                    3 => prop::char::range('\0', '\u{ff}').prop_map(String::from),
                    1 => prop::char::range('\u{2000}', '\u{2030}').prop_map(String::from),
                    1 => prop::char::range('\u{3ff}', '\u{460}').prop_map(String::from),
                    1 => prop::char::range('\u{24ff}', '\u{2700}').prop_map(String::from),
                    4 => prop::sample::select(vec![
                        "a", "\u{e9}", "5", "_", ":", "\u{b7}", ".", "'", "\u{2018}", "\u{2019}",
                        ",", ";", " ", "\u{a0}", "\u{b2}", "\u{bd}", "\u{201c}", "\u{201d}",
                        "\u{2014}", "\u{2026}", "don\u{2019}t", "caf\u{e9}", "3,5",
                    ])
                    .prop_map(str::to_string),
                ],
                0..40,
            )
            .prop_map(|v| v.concat())
        ) {
            if let Some(n) = latin_words(&text) {
                prop_assert_eq!(n, text.unicode_words().count());
            }
            let declined = text.contains(['_', '\u{b8}']) || latin_words(&text).is_none();
            prop_assert_eq!(mapped_words(&text).is_none(), declined);
            if let Some(n) = mapped_words(&text) {
                prop_assert_eq!(Some(n), latin_words(&text));
            }
            prop_assert_eq!(words(&text), text.unicode_words().count());
        }
    }

    /// [`stand_in`] by class with no table search is the same as with it.
    #[test]
    fn stand_in_is_by_class() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let slow = word_break(c).and_then(|w| match w {
                Wb::Letter if c.is_alphanumeric() => Some((b'a', false)),
                Wb::MidLetter => Some((b':', false)),
                Wb::MidNumLetQ => Some((b'\'', false)),
                Wb::Other => Some((b' ', c.is_alphanumeric())),
                _ => None,
            });
            assert_eq!(stand_in(c), slow, "{c:?}");
        }
    }

    /// Every char `word_break` knows in every position among the others.
    #[test]
    fn latin_words_on_every_known_char() {
        let known: Vec<char> = ('\0'..='\u{ff}')
            .chain('\u{2000}'..='\u{2030}')
            .chain('\u{100}'..='\u{17f}')
            .chain(['\u{ff0b}'])
            .chain('\u{400}'..='\u{45f}')
            .chain(('\u{2500}'..='\u{26ff}').step_by(7))
            .filter(|&c| word_break(c).is_some())
            .collect();
        let probes = ["a", "1", ".", ",", ":", " ", "\u{2019}", "_", "\u{e9}"];
        for &c in &known {
            for l in probes {
                for r in probes {
                    for text in [
                        format!("{l}{c}{r}"),
                        format!("a{l}{c}{r}1"),
                        format!("1{l}{c}{r}a"),
                    ] {
                        assert_eq!(
                            latin_words(&text),
                            Some(text.unicode_words().count()),
                            "{text:?}"
                        );
                        if !text.contains(['_', '\u{b8}']) {
                            assert_eq!(mapped_words(&text), latin_words(&text), "{text:?}");
                        }
                    }
                }
            }
        }
    }

    /// Every string of up to four chars from each ASCII word-break class.
    #[test]
    fn ascii_words_on_every_class_sequence() {
        let reps = [
            "a", "Z", "5", "_", ":", ".", "'", ",", ";", "\"", " ", "\r", "\n", "\u{b}", "\t", "-",
            "#",
        ];
        let mut text = String::new();
        for a in reps {
            for b in reps {
                for c in reps {
                    for d in reps {
                        text.clear();
                        text.extend([a, b, c, d]);
                        assert_eq!(
                            ascii_words(text.as_bytes()),
                            text.unicode_words().count(),
                            "{text:?}"
                        );
                        assert_eq!(words(&text), text.unicode_words().count(), "{text:?}");
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        /// The last seven bytes judge as the whole last word does.
        fn abbreviation_ends_as_by_words(
            s in "(?i)[a-z .(\"\u{201c}\u{e9}\u{a0}\t]{0,10}(mrs?|sept?|approx|dept|u\\.s|p\\.m|[a-z]|[a-z]{5,8})?\\.?"
        ) {
            let by_words = s.strip_suffix('.').is_some_and(ends_with_abbreviation_by_words);
            prop_assert_eq!(ends_with_abbreviation(&s), by_words, "{:?}", s);
        }

        fn is_abbreviation_is_the_list(w in "(?i)[a-z\u{212a}\u{17f}é.]{0,7}|mrs?|sept?|approx|dept|prof|capt") {
            prop_assert_eq!(
                is_abbreviation(&w),
                ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a))
            );
        }
    }

    /// The split that [`initials`] reads only for a word with a full stop.
    fn initials_split(last: &str) -> bool {
        last.split('.').all(|p| {
            let mut chars = p.chars();
            chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn initials_are_the_split(w in "[a-zA-Z\u{e9}\u{4e00}\u{1d400}1.\u{2019}]{1,6}") {
            prop_assert_eq!(initials(&w), initials_split(&w));
        }
    }

    #[test]
    fn every_abbreviation_is_one() {
        for a in ABBREVIATIONS {
            assert!(
                is_abbreviation(a) && is_abbreviation(&a.to_uppercase()),
                "{a}"
            );
        }
    }

    #[test]
    fn abbreviations_are_at_most_six_bytes() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 6));
    }

    #[test]
    fn abbreviations_match_like_lowercase() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if !c.is_ascii() && c.to_lowercase().all(|l| l.is_ascii()) {
                let lower: String = c.to_lowercase().collect();
                assert!(
                    ABBREVIATIONS.iter().all(|a| !a.contains(lower.as_str())),
                    "{c:?}"
                );
            }
        }
        for w in [
            "Mr", "MRS", "Sept", "ST", "dr", "Inc", "U", "mrx", "m", "ml",
        ] {
            assert_eq!(
                ABBREVIATIONS.contains(&w.to_lowercase().as_str()),
                ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a)),
                "{w}"
            );
        }
    }

    #[test]
    fn one_pass_counts() {
        let both = |t: &str| (words(t), sentences(t));
        for t in [
            "",
            "   ",
            "One. Two! Three?",
            "Mr. Smith met Dr. Jones at 5 p.m. and left. Then he slept.",
            "It cost 3.5m, said the U.S. envoy.\u{201d} Next \u{2018}one\u{2019} (e.g. this).",
            "Done.)) \u{201c}Next.\u{201d} Why?! \u{2014} no.",
            "line one.\nline two",
            "snake_case here.",
            "\u{418}\u{432}\u{430}\u{43d}. \u{41f}\u{451}\u{442}\u{440}.",
        ] {
            assert_eq!(words_and_sentences(t), both(t), "{t:?}");
        }
        // Past 255 chunks of eight bytes the starts summed by byte are
        // taken and begun again.
        for unit in ["ab cd. ", "x ", "Mr. Jo\u{2019}s 3,000 ", "a.b.c!? "] {
            for times in [255, 256, 700, 2047] {
                let t = unit.repeat(times);
                assert_eq!(words_and_sentences(&t), both(&t), "{unit:?} x {times}");
            }
        }
        assert_eq!(words_and_sentences("a. b"), (2, 1));
        assert_eq!(words_and_sentences("Ends. Starts"), (2, 2));
    }

    /// The pieces of text the one pass reads, at every offset of its
    /// eight-byte steps.
    const READ: &[&str] = &[
        " ", "  ", "a", "Z", "7", "word", "The", "Mr", "U.S", "p.m", "3,000", "1.5", ".", ". ",
        "!", "?", "?!", ",", ";", ":", "'", "\"", "(", ")", "-", "\t", "\u{b}", "\u{c}", "\u{1}",
        "\u{7f}", "\u{e9}", "\u{c9}", "\u{b2}", "\u{b7}", "\u{a0}", "\u{2019}", "\u{2018}",
        "\u{201c}", "\u{201d}", "\u{2014}", "\u{2026}", "\u{2022}", "\u{430}", "\u{410}", "\u{ab}",
        "\u{bb}", "\u{ac00}", "\u{d7a3}", "\u{3131}", "\u{3042}", "\u{30a2}", "\u{30fc}",
        "\u{4e2d}", "\u{3400}", "\u{3000}", "\u{3001}", "\u{3002}", "\u{300c}", "\u{300d}",
        "\u{ff01}", "\u{ff1f}", "\u{ff08}", "\u{ff09}", "\u{ff0c}", "\u{ff0b}", "\u{3005}",
        "\u{100}", "\u{101}", "\u{130}", "\u{131}", "\u{138}", "\u{139}", "\u{13a}", "\u{149}",
        "\u{178}", "\u{17e}", "\u{17f}",
    ];

    /// Those and the chars it leaves to the two counts.
    fn counted_text() -> impl Strategy<Value = String> {
        let mut pieces = READ.to_vec();
        pieces.extend([
            "\u{b8}", "\u{2024}", "\u{ad}", "\u{200b}", "\u{30fb}", "\u{85}", "_", "\n",
            "\u{30a0}", "\u{3099}", "\u{ff0e}",
        ]);
        crate::testing::joined(pieces, 0..60)
    }

    #[test]
    fn common_classes_are_the_tables() {
        let mut common = 0;
        for c in '\u{80}'..='\u{3000}' {
            if let Some(class) = common_class(c) {
                common += 1;
                let by_tables = wide_class_by_tables(c).map(|(s, a, k)| (s, a as u8, k));
                assert_eq!(Some((class.0, class.1 as u8, class.2)), by_tables, "{c:?}");
            }
        }
        assert_eq!(common, 69 + 64);
    }

    /// [`common_class_at`] reads from the bytes of a char what
    /// [`common_class`] gives for it, for every char of one, two and three
    /// bytes, at the end of a text and before another char.
    #[test]
    fn common_classes_by_bytes() {
        let class = |c: char| common_class(c).map(|(s, a, k)| (c.len_utf8(), s, a as u8, k));
        let mut found = 0;
        for c in ('\u{80}'..='\u{ffff}').filter(|c| c.len_utf8() <= 3) {
            for tail in ["", "a", "\u{e9}"] {
                let text = format!("{c}{tail}");
                let got =
                    common_class_at(text.as_bytes(), 0).map(|(n, (s, a, k))| (n, s, a as u8, k));
                assert_eq!(got, class(c), "{c:?}");
                found += usize::from(got.is_some());
            }
            // A char cut short (the last bytes of a text being read) is
            // never taken for another.
            let bytes = c.to_string().into_bytes();
            for cut in 1..bytes.len() {
                let got = common_class_at(&bytes[..cut], 0);
                assert!(got.is_none_or(|(n, _)| n <= cut), "{c:?} cut at {cut}");
            }
        }
        assert_eq!(found, 3 * (69 + 64));
    }

    /// Every char [`wide_class`] reads beyond the two tables (every
    /// seventh of the ideographs), and those just outside its ranges,
    /// beside letters, digits, marks and each other.
    #[test]
    fn wide_classes_count_as_unicode_does() {
        let ranges = [
            ('\u{3000}', '\u{3010}'),
            ('\u{303e}', '\u{3100}'),
            ('\u{3130}', '\u{318f}'),
            ('\u{33ff}', '\u{4dc0}'),
            ('\u{4dff}', '\u{a000}'),
            ('\u{abff}', '\u{d7a4}'),
            ('\u{ff00}', '\u{ff20}'),
        ];
        let mut read = 0;
        for (from, to) in ranges {
            let step = if u32::from(to) - u32::from(from) > 4000 {
                7
            } else {
                1
            };
            for c in (from..=to).step_by(step) {
                for t in [
                    format!("{c}"),
                    format!("a{c}b. {c}{c} 1{c}2"),
                    format!("{c}. x{c}\u{30a2}{c}\u{30a2}\u{30a2}! Z"),
                    format!("Ends.{c} {c}\u{3002} {c}\u{300d}a."),
                ] {
                    let one = Counter::new(&t).run().map(|(w, s, _)| (w, s));
                    read += usize::from(one.is_some());
                    let two = (words(&t), sentences(&t));
                    assert_eq!(one.unwrap_or(two), two, "{c:?} {t:?}");
                }
            }
        }
        assert!(read > 20_000, "{read}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn one_pass_is_the_two_counts(
            text in prop_oneof![counted_text(), word_text(), sentence_text()]
        ) {
            prop_assert_eq!(words_and_sentences(&text), (words(&text), sentences(&text)));
        }

        #[test]
        fn one_pass_reads_its_chars_alone(
            text in crate::testing::joined(READ.to_vec(), 0..80)
        ) {
            let one = Counter::new(&text).run().map(|(w, s, _)| (w, s));
            prop_assert_eq!(one, Some((words(&text), sentences(&text))));
        }

        /// A text the one pass says is plain holds no byte a JSON string
        /// escapes, and one it reads without such a byte is plain.
        #[test]
        fn plain_texts_need_no_escape(
            text in crate::testing::joined(READ.iter().copied().chain(["\\", "\u{1f}", "\u{0}", "\n", "_"]).collect(), 0..40)
        ) {
            let (w, s, plain) = counts_and_plain(&text);
            prop_assert_eq!((w, s), (words(&text), sentences(&text)));
            let escaped = text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
            let read = Counter::new(&text).run().is_some();
            prop_assert_eq!(plain, read && !escaped, "{:?}", text);
        }
    }

    /// Every ASCII byte at every place of a whole chunk, of the chunk
    /// before a char from 0x80 and of the last few bytes: the counts are
    /// the two functions', and the text is plain where no byte is escaped
    /// (the chunk tests that find marks, spaces and word starts).
    #[test]
    fn every_ascii_byte_in_every_chunk_place() {
        for x in 0u8..0x80 {
            for base in ["Ana rows. Bo t\u{e9}a, 12 go", "ab cd ef gh ij kl mn"] {
                for p in 0..base.len() {
                    if !base.is_char_boundary(p) || !base.is_char_boundary(p + 1) {
                        continue;
                    }
                    let mut text = base.to_string();
                    text.replace_range(p..p + 1, &char::from(x).to_string());
                    let (w, s, plain) = counts_and_plain(&text);
                    assert_eq!((w, s), (words(&text), sentences(&text)), "{text:?}");
                    let escaped = text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
                    let read = Counter::new(&text).run().is_some();
                    assert_eq!(plain, read && !escaped, "{text:?}");
                }
            }
        }
    }

    /// Paragraphs as most are, plain; a mark or a control byte, not.
    #[test]
    fn plain_paragraphs() {
        let plain = |t: &str| counts_and_plain(t).2;
        assert!(plain(
            "Mr. Doe, of Harrowgate (a \u{2018}town\u{2019}), said 3.5% \u{2014} no more."
        ));
        for t in [
            "Say \"no\".",
            "a\\b",
            "tab\there",
            "x\u{1}",
            "\u{e9}t\u{e9} \"",
            "two\nlines",
        ] {
            assert!(!plain(t), "{t:?}");
        }
    }

    /// [`latin_extended_a`]'s turns of capitals and small letters are the
    /// Uppercase and Lowercase properties (Sentence_Break Upper and Lower
    /// for letters), char by char.
    #[test]
    fn latin_extended_a_is_the_case() {
        for c in '\u{100}'..='\u{17f}' {
            let want = if c.is_uppercase() {
                Cat::Upper
            } else {
                assert!(c.is_lowercase(), "{c:?}");
                Cat::Lower
            };
            assert_eq!(latin_extended_a(c), want, "{c:?}");
            assert!(
                word_break(c) == Some(Wb::Letter) && c.is_alphabetic(),
                "{c:?}"
            );
        }
    }

    /// Text of the chars the fallback had taken (Latin Extended-A, the
    /// iteration mark, the full-width plus) among letters, marks and
    /// terminators: the one pass, and the word and sentence counts it
    /// falls back to, give what unicode-segmentation gives.
    fn extended_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => prop::char::range('\u{100}', '\u{17f}').prop_map(String::from),
            1 => prop::char::range('\u{fe}', '\u{181}').prop_map(String::from),
            1 => prop::sample::select(vec!['\u{3005}', '\u{ff0b}', '\u{4e00}', '\u{3002}'])
                .prop_map(String::from),
            4 => prop::sample::select(vec![
                " ", ". ", ".", "! ", "?", "a", "Z", "7", "'", ",", ":", "\u{2019}", "\u{201d} ",
                "\u{e9}", "Mr. ", "\u{a0}", "\n", "_", "\u{fe0f}", "Tu\u{11f}vel", "\u{141}uk",
            ])
            .prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn extended_chars_count_as_unicode_does(text in extended_text()) {
            let by_unicode = (
                text.unicode_words().count(),
                count_sentences(text.split_sentence_bounds()),
            );
            prop_assert_eq!((words(&text), sentences(&text)), by_unicode);
            prop_assert_eq!(words_and_sentences(&text), by_unicode);
            if !text.contains(['\n', '_', '\u{fe0f}', '\u{180}', '\u{181}']) {
                prop_assert_eq!(Counter::new(&text).run().map(|(w, s, _)| (w, s)), Some(by_unicode), "{:?}", text);
            }
        }
    }

    #[test]
    fn word_counts_and_reading_time() {
        assert_eq!(words("The council’s plan, in 2026, costs £5m."), 7);
        assert_eq!(reading_time_seconds(230), 60);
        assert_eq!(reading_time_seconds(1), 1);
    }
}
