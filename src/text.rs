//! Small text helpers shared by the analysers.

/// White space for lede's purposes: Unicode white space plus the BOM and
/// zero-width space, which scrapers leave between words.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// ASCII white space as [`is_space`] sees it (`char::is_whitespace`).
pub const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ')
}

/// The length of the char from 0x80 that starts at `b[i]` (valid UTF-8),
/// and whether it is white space as [`is_space`] sees it: read from its
/// bytes, without decoding it. Only the lead bytes 0xC2 (U+0085, U+00A0),
/// 0xE1 (U+1680), 0xE2 (U+2000..=U+200B, U+2028, U+2029, U+202F, U+205F),
/// 0xE3 (U+3000) and 0xEF (U+FEFF) can start one.
pub fn wide_char(b: &[u8], i: usize) -> (usize, bool) {
    let lead = b[i];
    let len = match lead {
        0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    };
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    let space = match lead {
        0xc2 => matches!(at(1), 0x85 | 0xa0),
        0xe1 => at(1) == 0x9a && at(2) == 0x80,
        0xe2 => match at(1) {
            0x80 => matches!(at(2), 0x80..=0x8b | 0xa8 | 0xa9 | 0xaf),
            0x81 => at(2) == 0x9f,
            _ => false,
        },
        0xe3 => at(1) == 0x80 && at(2) == 0x80,
        0xef => at(1) == 0xbb && at(2) == 0xbf,
        _ => false,
    };
    (len, space)
}

/// Does a char that is no white space start at `b[i]` (`i` in bounds)?
fn starts_visible(b: &[u8], i: usize) -> bool {
    let x = b[i];
    if x < 0x80 {
        !is_ascii_space(x)
    } else {
        !wide_char(b, i).1
    }
}

/// Append `s` to `out` with every run of white space folded to one space and
/// the ends trimmed.
pub fn fold_into(s: &str, out: &mut String) {
    fold_runs(s, out, |_, _| false);
}

/// [`fold_into`] for a text of several lines, as if each line were
/// trimmed and folded and the lines joined with a space, but in one pass:
/// a run of white space that holds a line break (`\n`, `\r`) folds to
/// nothing where `joined(before, after)` holds for the chars on either
/// side (text written without spaces wraps mid-word). It is asked only
/// for two chars from U+0080: ASCII on either side always takes a space.
pub fn fold_lines_into(s: &str, out: &mut String, joined: impl Fn(char, char) -> bool) {
    fold_runs(s, out, joined);
}

/// [`fold_lines_into`]; [`fold_into`] when `joined` never holds.
#[inline(always)]
fn fold_runs(s: &str, out: &mut String, joined: impl Fn(char, char) -> bool) {
    // Runs of chars with single spaces inside are copied whole: printable
    // ASCII eight bytes at a time, a char from 0x80 by its bytes (the same
    // result as [`fold_into_chars`]).
    let bytes = s.as_bytes();
    let mut pending = false;
    let mut line_break = false;
    let mut i = 0;
    while i < bytes.len() {
        if !starts_visible(bytes, i) {
            pending = true;
            i += if bytes[i] < 0x80 {
                line_break |= matches!(bytes[i], b'\n' | b'\r');
                1
            } else {
                wide_char(bytes, i).0
            };
            continue;
        }
        let start = i;
        loop {
            i = skip_spaced(bytes, i);
            let Some(&x) = bytes.get(i) else {
                break;
            };
            if x >= 0x80 {
                let (len, space) = wide_char(bytes, i);
                if space {
                    break;
                }
                i += len;
            } else if x == b' ' {
                // One space between two visible chars stays in the run.
                if i + 1 < bytes.len() && starts_visible(bytes, i + 1) {
                    i += 1;
                } else {
                    break;
                }
            } else if is_ascii_space(x) {
                break;
            } else {
                i += 1;
            }
        }
        if pending && !out.is_empty() && !out.ends_with(' ') {
            // Only chars from 0x80 may join (a char's last byte is from
            // 0x80 when it is): ASCII on either side is known by a byte.
            let glued = line_break
                && bytes[start] >= 0x80
                && out.as_bytes().last().is_some_and(|&b| b >= 0x80)
                && match (out.chars().next_back(), s[start..].chars().next()) {
                    (Some(a), Some(b)) => joined(a, b),
                    _ => false,
                };
            if !glued {
                out.push(' ');
            }
        }
        pending = false;
        line_break = false;
        out.push_str(&s[start..i]);
    }
}

/// Is `b[i]` where [`skip_spaced`] must stop: a byte below 0x20 or from
/// 0x80, or a space before one of those, another space or the end?
fn spaced_stop(b: &[u8], i: usize) -> bool {
    let x = b[i];
    let odd = |x: u8| !(0x21..0x80).contains(&x);
    !(0x20..0x80).contains(&x) || (x == b' ' && b.get(i + 1).is_none_or(|&n| odd(n)))
}

/// A first index from `i` on where a run of folded text may end, or the
/// length: the bytes before it are printable ASCII with single spaces
/// between them (a space is passed only when printable ASCII follows
/// it). Eight bytes at a time (with the byte after them); it may stop
/// early at a `!` after a space, which the caller reads and passes.
fn skip_spaced(b: &[u8], mut i: usize) -> usize {
    use crate::swar::{HIGH, ONES};
    while let Some(chunk) = b.get(i..i + 9) {
        let w = u64::from_le_bytes(chunk[..8].try_into().expect("eight bytes"));
        let next = u64::from_le_bytes(chunk[1..].try_into().expect("eight bytes"));
        // A byte below `n` borrows in the subtraction and sets its top bit
        // there, a byte from 0x80 has it already; a borrow marks only
        // bytes above the first such byte. Spaces are the zero bytes of
        // `w ^ 0x20…`.
        let below = |v: u64, n: u64| ((v.wrapping_sub(ONES * n) & !v) | v) & HIGH;
        let x = w ^ (ONES * 0x20);
        let space = x.wrapping_sub(ONES) & !x & HIGH;
        let stops = below(w, 0x20) | (space & below(next, 0x21));
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !spaced_stop(b, i) {
        i += 1;
    }
    i
}

/// [`fold_into`] a char at a time: the reference its property test holds
/// it to.
#[cfg(test)]
fn fold_into_chars(s: &str, out: &mut String) {
    let mut pending = false;
    for c in s.chars() {
        if is_space(c) {
            pending = true;
        } else {
            if pending && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            pending = false;
            out.push(c);
        }
    }
}

/// Is `s` its own fold ([`fold`]`(s) == s`)? No white space but single
/// spaces between other chars; read without folding.
pub fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        i = skip_printable(b, i);
        let Some(&c) = b.get(i) else {
            break;
        };
        if c == b' ' {
            // One space, with a char on either side that is no white
            // space (a char from 0x80 is tested when it is reached).
            if i == 0 || b.get(i + 1).is_none_or(|&n| is_ascii_space(n)) {
                return false;
            }
            i += 1;
        } else if c < 0x80 {
            if is_ascii_space(c) {
                return false;
            }
            i += 1;
        } else {
            let (len, space) = wide_char(b, i);
            if space {
                return false;
            }
            i += len;
        }
    }
    true
}

/// The span of `s` without its leading and trailing white space (as
/// [`is_space`] sees it), or `None` when `s` is all white space. ASCII
/// bytes are tested as bytes; a char is decoded only where a byte from
/// 0x80 stands at either end.
pub fn trimmed(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut start = 0;
    loop {
        let &x = b.get(start)?;
        if x < 0x80 {
            if !is_ascii_space(x) {
                break;
            }
            start += 1;
        } else {
            let c = s[start..].chars().next()?;
            if !is_space(c) {
                break;
            }
            start += c.len_utf8();
        }
    }
    // A char that is no white space stands at `start`: the scan back
    // stops at it at the latest.
    let mut end = b.len();
    loop {
        let x = b[end - 1];
        if x < 0x80 {
            if !is_ascii_space(x) {
                break;
            }
            end -= 1;
        } else {
            let c = s[..end].chars().next_back()?;
            if !is_space(c) {
                break;
            }
            end -= c.len_utf8();
        }
    }
    Some((start, end))
}

/// `s` with white space folded.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Opening quotation marks.
pub fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{201e}' | '\u{201a}' | '\u{ab}' | '\u{2039}'
    )
}

/// Closing quotation marks and brackets that may trail a sentence.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{203a}' | ')' | ']' | '*'
    )
}

/// The last char of `s` that is not a closing mark.
///
/// Most texts end with an ASCII char that is neither a closer nor white
/// space (`.`, a letter): it is the last byte, read where it is asked
/// for (the structure's rules ask of every block, some 60,000 times on
/// 3 MB of articles), where the chars were decoded from the end in a
/// call.
#[inline]
pub fn last_significant(s: &str) -> Option<char> {
    match s.as_bytes().last() {
        Some(&x)
            if x < 0x80
                && !is_ascii_space(x)
                && !matches!(x, b'"' | b'\'' | b')' | b']' | b'*') =>
        {
            Some(char::from(x))
        }
        _ => last_significant_by_chars(s),
    }
}

/// [`last_significant`] read by chars from the end: the way past a
/// closer, white space or a char from 0x80, and the reference its last
/// byte is held to.
#[inline(never)]
fn last_significant_by_chars(s: &str) -> Option<char> {
    s.chars().rev().find(|&c| !is_closer(c) && !is_space(c))
}

/// True when `s` ends like a sentence: `.`, `!`, `?`, `…` or `:`, perhaps
/// followed by closing quotation marks or brackets.
pub fn ends_like_sentence(s: &str) -> bool {
    sentence_end(last_significant(s))
}

/// Does a text whose [`last_significant`] char is `last` end like a
/// sentence ([`ends_like_sentence`])?
pub fn sentence_end(last: Option<char>) -> bool {
    matches!(
        last,
        Some('.' | '!' | '?' | '\u{2026}' | ':' | ';' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}')
    )
}

/// Words in text written without spaces between them (Japanese, Chinese):
/// one for every two ideographs or kana, about the length of a word there.
/// Zero for text in other scripts.
pub fn unspaced_words(s: &str) -> usize {
    // Kana (U+3040–U+30FF) and the ideographs (U+3400–U+4DBF,
    // U+4E00–U+9FFF) are three-byte characters whose first byte is one of
    // 0xE3–0xE9, and no other byte of valid UTF-8 is: eight bytes with no
    // top bit set are passed at once, and a character is decoded only
    // where such a first byte stands (the same count as
    // [`unspaced_words_chars`]).
    use crate::swar::HIGH;
    let b = s.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            if u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & HIGH == 0 {
                i += 8;
                continue;
            }
        }
        if (0xe3..=0xe9).contains(&b[i]) {
            let c = s[i..].chars().next().map_or(0, u32::from);
            count += usize::from(matches!(c, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff));
            i += 3;
        } else {
            i += 1;
        }
    }
    count / 2
}

/// [`unspaced_words`] a char at a time: the reference its property test
/// holds it to.
#[cfg(test)]
fn unspaced_words_chars(s: &str) -> usize {
    s.chars()
        .filter(|&c| {
            matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
        })
        .count()
        / 2
}

/// Words as people count them: runs separated by white space that hold a
/// letter or digit.
pub fn word_count(s: &str) -> usize {
    word_counts(s).0
}

/// The tail of a loop that reads ASCII eight bytes at a time: up to eight
/// bytes of `b` from `i` as one word (the first byte lowest), how many
/// were read (`n`), and how many of those come before the first byte from
/// 0x80 (`k`, `n` when there is none). For `"ab\u{e9}"` from 0: n = 4 (a, b
/// and the two bytes of é), k = 2. `i` must be less than `b.len()`.
pub(crate) fn ascii_tail(b: &[u8], i: usize) -> (u64, usize, usize) {
    use crate::swar::HIGH;
    let n = (b.len() - i).min(8);
    let w = b[i..i + n]
        .iter()
        .rev()
        .fold(0u64, |w, &x| (w << 8) | u64::from(x));
    let high = w & (HIGH >> (64 - 8 * n));
    let k = if high == 0 {
        n
    } else {
        (high.trailing_zeros() / 8) as usize
    };
    (w, n, k)
}

/// A block's [`word_count`] and its [`unspaced_words`], in one pass.
///
/// A word counts at its first letter or digit: the state is whether the
/// run of non-space chars so far holds one (white space clears it, a
/// letter or digit sets it, any other char keeps it). Eight bytes of
/// ASCII are read at once ([`chunk_word_starts`]); a chunk with a byte
/// from 0x80 is read as a chunk of the ASCII bytes before it, then that
/// char, a char at a time: white space from its bytes
/// ([`wide_char`]), a char decoded only while the word has no letter or
/// digit yet (General Punctuation, U+2000..=U+206F, where curly quotes
/// and dashes stand, has none, and is known from its first two bytes), or
/// where a first byte of kana or ideographs (0xE3..=0xE9) stands.
pub fn word_counts(s: &str) -> (usize, usize) {
    use crate::swar::HIGH;
    let b = s.as_bytes();
    let mut count = 0;
    let mut unspaced = 0;
    // The state before `i`: the word being read holds a letter or digit.
    let mut alnum = false;
    let mut i = 0;
    while i < b.len() {
        // The chunk that stops the eight-byte steps: one with a byte from
        // 0x80 (its ASCII bytes before that byte, `k` of them, are read
        // from the word already loaded: a text with a curly quote every
        // few words stops every few chunks), or the last few bytes.
        let mut stop = None;
        while let Some(chunk) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let high = w & HIGH;
            if high != 0 {
                stop = Some((w, 8, (high.trailing_zeros() / 8) as usize));
                break;
            }
            count += chunk_word_starts(w, HIGH, &mut alnum);
            i += 8;
        }
        if i == b.len() {
            break;
        }
        // Its ASCII bytes as a chunk of fewer, then the char.
        let (w, n, k) = stop.unwrap_or_else(|| ascii_tail(b, i));
        let first_bytes = |k: usize| HIGH >> (64 - 8 * k);
        if k > 0 {
            count += chunk_word_starts(w, first_bytes(k), &mut alnum);
            i += k;
        }
        if k == n {
            continue;
        }
        let x = b[i];
        let (len, space) = wide_char(b, i);
        let punctuation = general_punctuation(b, i);
        if space {
            alnum = false;
        } else if (!alnum && !punctuation) || (0xe3..=0xe9).contains(&x) {
            let c = s[i..].chars().next().unwrap_or(' ');
            if (0xe3..=0xe9).contains(&x) {
                unspaced += usize::from(matches!(
                    u32::from(c),
                    0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff
                ));
            }
            if !alnum && is_alphanumeric(c) {
                count += 1;
                alnum = true;
            }
        }
        i += len;
    }
    (count, unspaced / 2)
}

/// A block's words as the structure's rules count them: its
/// [`word_count`] and its [`unspaced_words`] together.
pub fn block_words(s: &str) -> usize {
    let (words, unspaced) = word_counts(s);
    words + unspaced
}

/// `char::is_alphanumeric`, with the blocks of letters that fill most
/// text outside ASCII known by range: the Latin supplements ("é", "ł",
/// "ș"), Cyrillic ("д"), and the Hangul syllables, ideographs and kana of
/// a text of Korean, Chinese or Japanese. The library's search of its
/// tables cost some 300 to 600 instructions a char there ("медведь").
/// And the blocks known to hold no letter or number: General Punctuation
/// (U+2000..=U+206F: curly quotation marks, dashes, the ellipsis, most of
/// the chars outside ASCII in news text), and the blocks of symbols that
/// open runs of no letter in pages of the web: box drawing, block
/// elements, geometric shapes and the miscellaneous symbols
/// (U+2500..=U+26FF: "━", "□", "☆", three in four of the chars the
/// tables were searched for on the 4 MB real set), and "©", "«", "»".
pub(crate) fn is_alphanumeric(c: char) -> bool {
    matches!(
        c,
        '\u{c0}'..='\u{d6}'
            | '\u{d8}'..='\u{f6}'
            | '\u{f8}'..='\u{24f}'
            | '\u{400}'..='\u{481}'
            | '\u{48a}'..='\u{52f}'
            | '\u{ac00}'..='\u{d7a3}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{3400}'..='\u{4dbf}'
            | '\u{3041}'..='\u{3096}'
            | '\u{30a1}'..='\u{30fa}'
    ) || (!matches!(
        c,
        '\u{2000}'..='\u{206f}' | '\u{2500}'..='\u{26ff}' | '\u{a9}' | '\u{ab}' | '\u{bb}'
    ) && c.is_alphanumeric())
}

/// The words that start in the ASCII chunk `w` where the top bits of
/// `valid` are set (the bytes of the text), after a state `alnum`, which
/// it moves past them.
///
/// Each byte's state is its own where it is white space or a letter or
/// digit, else the state before it, found for all eight by three doubling
/// steps; the words that start there are the letters and digits whose
/// state before is clear. Their count is summed by a product into the top
/// byte (no `popcnt` on the baseline target).
#[inline(always)]
fn chunk_word_starts(w: u64, valid: u64, alnum: &mut bool) -> usize {
    use crate::swar::{at_least, digit_lanes, letter_lanes, zero_lanes, HIGH, ONES};
    // (`swar`'s lane tests are exact on ASCII bytes; a byte from 0x80,
    // past the bytes read, carries only into those above it, which
    // `valid` masks.)
    let word = (letter_lanes(w) | digit_lanes(w)) & valid;
    // White space: 0x09..=0x0d, or a space (a byte equal to 0x20 is the
    // one whose xor with it is zero).
    let controls = at_least(w, 0x09) & !at_least(w, 0x0e);
    let spaces = zero_lanes(w ^ (ONES * 0x20));
    let space = (controls | spaces) & valid;
    let known = word | space;
    // The state before the chunk, as the byte below byte 0: a word byte
    // where it is set, white space where clear.
    let below = if *alnum { 0 } else { 0x80 };
    let starts = if word & (!known << 8) == 0 {
        // No letter or digit after a mark: a word starts at a letter or
        // digit after white space.
        word & ((space << 8) | below)
    } else {
        // Each byte's state: its own where it is white space or a word
        // byte, else that of the nearest such byte before it (within 1, 3,
        // then 7 bytes back after each step), else the state before the
        // chunk.
        let (mut state, mut seen) = (word, known);
        for shift in [8, 16, 32] {
            state |= !seen & (state << shift);
            seen |= seen << shift;
        }
        state |= !seen & if *alnum { HIGH } else { 0 };
        word & !((state << 8) | (0x80 ^ below))
    };
    // The state after: that of the last byte that is white space or a
    // word byte, if any.
    if known != 0 {
        *alnum = word >> (63 - known.leading_zeros()) != 0;
    }
    ((starts >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// Does a char of General Punctuation (U+2000..=U+206F: E2 80 xx or
/// E2 81 80..=AF), which holds no letter or digit, start at `b[i]`?
fn general_punctuation(b: &[u8], i: usize) -> bool {
    b[i] == 0xe2
        && match b.get(i + 1) {
            Some(0x80) => true,
            Some(0x81) => b.get(i + 2).is_some_and(|&z| z < 0xb0),
            _ => false,
        }
}

/// The first index from `i` on whose byte is not printable ASCII
/// (`0x21..=0x7f`), or the length: white space, control bytes and every
/// byte of a non-ASCII char stop it.
pub(crate) fn skip_printable(b: &[u8], mut i: usize) -> usize {
    use crate::swar::{HIGH, ONES};
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A byte below 0x21 borrows in the subtraction and sets its top
        // bit there; a byte from 0x80 has it already. A borrow can only
        // mark bytes above the first stop, so the lowest mark is exact.
        let stops = ((w.wrapping_sub(ONES * 0x21) & !w) | w) & HIGH;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && (0x21..0x80).contains(&b[i]) {
        i += 1;
    }
    i
}

/// [`word_count`] as split and filter: the reference its property test
/// holds it to.
#[cfg(test)]
fn word_count_split(s: &str) -> usize {
    s.split(is_space)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// True when the word starts with an uppercase letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// True when every letter is uppercase and there are at least two.
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Share of the words that start with a capital, ignoring short function
/// words, in `[0, 1]`.
pub fn title_case_ratio(s: &str) -> f32 {
    word_facts(s).title_case_ratio()
}

/// What one pass over a text's words tells the rules that read them all:
/// its [`word_count`], its [`unspaced_words`] and the two counts behind its
/// [`title_case_ratio`], each the same as those functions give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordFacts {
    /// Runs between white space that hold a letter or digit.
    pub words: usize,
    /// Words of text written without spaces ([`unspaced_words`]).
    pub unspaced: usize,
    /// Words that count for the title-case ratio and start with a capital.
    pub caps: usize,
    /// Words that count for the title-case ratio.
    pub titled: usize,
}

impl WordFacts {
    /// [`title_case_ratio`] from the counts.
    pub fn title_case_ratio(self) -> f32 {
        if self.titled == 0 {
            0.0
        } else {
            self.caps as f32 / self.titled as f32
        }
    }
}

/// [`WordFacts`] in one pass: the words are found by bytes (printable
/// ASCII eight bytes at a time, white space from 0x80 by [`wide_char`]),
/// each word of ASCII alone read by bytes; a char is decoded only in a
/// word that has one from 0x80, and a char of kana or ideographs where its
/// first byte (0xE3..=0xE9) stands.
pub fn word_facts(s: &str) -> WordFacts {
    word_facts_until(s, |_| false)
}

/// Is `s` in Title Case: [`title_case_ratio`] 0.8 or more, for a text of
/// `words` words or more ([`word_count`] or a count above it)? The walk
/// stops once more than a fifth of `words` are words that count and start
/// lower case: the ratio can no longer reach 0.8 (a line of forty words
/// is known to be prose by its ninth lower-case word). Past 2^20 words the
/// ratio is read whole, where an `f32` could round a share just under 0.8
/// up to it.
pub fn title_like(s: &str, words: usize) -> bool {
    if words >= 1 << 20 {
        return title_case_ratio(s) >= 0.8;
    }
    let past = |f: &WordFacts| 5 * (f.titled - f.caps) > words;
    let f = word_facts_until(s, past);
    !past(&f) && f.title_case_ratio() >= 0.8
}

/// [`word_facts`], stopped after the first word whose counts `stop`
/// accepts (the counts so far, `unspaced` left at zero).
#[inline(always)]
fn word_facts_until(s: &str, mut stop: impl FnMut(&WordFacts) -> bool) -> WordFacts {
    let b = s.as_bytes();
    let mut facts = WordFacts::default();
    let mut unspaced = 0;
    let mut i = 0;
    while i < b.len() {
        if !starts_visible(b, i) {
            i += if b[i] < 0x80 { 1 } else { wide_char(b, i).0 };
            continue;
        }
        let start = i;
        let mut ascii = true;
        loop {
            i = skip_printable(b, i);
            let Some(&x) = b.get(i) else {
                break;
            };
            if x < 0x80 {
                if is_ascii_space(x) {
                    break;
                }
                i += 1;
            } else {
                let (len, space) = wide_char(b, i);
                if space {
                    break;
                }
                ascii = false;
                if (0xe3..=0xe9).contains(&x) {
                    let c = s[i..].chars().next().map_or(0, u32::from);
                    unspaced += usize::from(matches!(
                        c,
                        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff
                    ));
                }
                i += len;
            }
        }
        let (word, caps, titled) = if ascii {
            word_title_ascii(&b[start..i])
        } else {
            word_title(&s[start..i])
        };
        facts.words += word;
        facts.caps += caps;
        facts.titled += titled;
        if stop(&facts) {
            return facts;
        }
    }
    facts.unspaced = unspaced / 2;
    facts
}

/// The ASCII word `w` (a run between white space): (holds a letter or
/// digit, counts for [`title_case_ratio`] and starts with a capital,
/// counts for it), each 0 or 1.
fn word_title_ascii(w: &[u8]) -> (usize, usize, usize) {
    let (Some(start), Some(last)) = (
        w.iter().position(u8::is_ascii_alphanumeric),
        w.iter().rposition(u8::is_ascii_alphanumeric),
    ) else {
        return (0, 0, 0);
    };
    let core = &w[start..=last];
    if core.len() <= 3 && core.iter().all(u8::is_ascii_lowercase) {
        return (1, 0, 0);
    }
    (1, usize::from(core[0].is_ascii_uppercase()), 1)
}

/// [`word_title_ascii`] for a word of any chars.
fn word_title(w: &str) -> (usize, usize, usize) {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return (0, 0, 0);
    }
    if core.len() <= 3 && core.chars().all(|c| c.is_lowercase()) {
        return (1, 0, 0);
    }
    (1, usize::from(is_capitalised(core)), 1)
}

/// The capitalised words and all words that count for
/// [`title_case_ratio`], a char at a time: the reference its property
/// test holds [`word_facts`] to.
#[cfg(test)]
fn title_counts(s: &str) -> (usize, usize) {
    let mut caps = 0;
    let mut total = 0;
    for w in s.split(is_space) {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() || (core.len() <= 3 && core.chars().all(|c| c.is_lowercase())) {
            continue;
        }
        total += 1;
        if is_capitalised(core) {
            caps += 1;
        }
    }
    (caps, total)
}

/// Title-case a name written in capitals ("JANE DOE" → "Jane Doe",
/// "O'BRIEN" → "O'Brien", "SMITH-JONES" → "Smith-Jones").
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`last_significant`] is the char read by chars from the end for
    /// every ASCII byte and a few chars from 0x80 at the end of a text,
    /// after a letter, a full stop, a quote, white space or nothing.
    #[test]
    fn last_significant_is_read_by_chars() {
        let more = [
            "\u{201d}",
            "\u{e9}",
            "\u{a0}",
            "\u{2026}",
            ".\u{2019}",
            "a )",
            "x\" ",
        ];
        let ends = (0u8..0x80)
            .map(|x| char::from(x).to_string())
            .chain(more.map(String::from));
        for end in ends {
            for head in ["", "Tomas Vell said", "a.", "\"", "  "] {
                let t = format!("{head}{end}");
                assert_eq!(last_significant(&t), last_significant_by_chars(&t), "{t:?}");
            }
        }
    }

    /// [`chunk_word_starts`] of every chunk of up to eight bytes drawn
    /// from a letter, a digit, a space, a tab and two marks (and one
    /// byte past the text that must not count), from either state, is
    /// the count and state a byte at a time gives.
    #[test]
    fn chunk_word_starts_are_the_bytes_one_by_one() {
        const BYTES: [u8; 6] = [b'a', b'7', b' ', b'\t', b'.', b'"'];
        let mut chunk = [0u8; 8];
        for n in 0..=8usize {
            for mut code in 0..6usize.pow(n as u32) {
                for slot in chunk.iter_mut().take(n) {
                    *slot = BYTES[code % 6];
                    code /= 6;
                }
                for (k, slot) in chunk.iter_mut().enumerate().skip(n) {
                    *slot = if k == n { b'z' } else { b' ' };
                }
                for before in [false, true] {
                    let (mut want, mut state) = (0, before);
                    for &x in &chunk[..n] {
                        if is_ascii_space(x) {
                            state = false;
                        } else if x.is_ascii_alphanumeric() {
                            want += usize::from(!state);
                            state = true;
                        }
                    }
                    let valid = if n == 0 {
                        0
                    } else {
                        0x8080_8080_8080_8080u64 >> (64 - 8 * n)
                    };
                    let mut alnum = before;
                    let got = chunk_word_starts(u64::from_le_bytes(chunk), valid, &mut alnum);
                    assert_eq!(
                        (got, alnum),
                        (want, state),
                        "{:?} from {before}",
                        &chunk[..n]
                    );
                }
            }
        }
    }

    /// The tail word holds the bytes read, first byte lowest, and `k` is
    /// the place of the first byte from 0x80, at every start of texts
    /// shorter and longer than eight bytes.
    #[test]
    fn ascii_tails_are_the_bytes_and_the_first_high_one() {
        for text in [
            "",
            "a",
            "ab\u{e9}",
            "abcdefghij",
            "\u{e9}",
            "x\u{3042}yz",
            "0123456\u{a0}",
        ] {
            let b = text.as_bytes();
            for i in 0..b.len() {
                let (w, n, k) = ascii_tail(b, i);
                assert_eq!(n, (b.len() - i).min(8), "{text:?} at {i}");
                let read = &b[i..i + n];
                assert_eq!(&w.to_le_bytes()[..n], read, "{text:?} at {i}");
                assert!(n == 8 || w >> (8 * n) == 0, "{text:?} at {i}");
                let first_high = read.iter().position(|&x| x >= 0x80).unwrap_or(n);
                assert_eq!(k, first_high, "{text:?} at {i}");
            }
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("  a \t b\u{a0}\u{a0}c \n"), "a b c");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_like_sentence("He said so.\u{201d}"));
        assert!(ends_like_sentence("Is it? ')"));
        assert!(!ends_like_sentence("Picture: Getty"));
        assert!(!ends_like_sentence(""));
    }

    #[test]
    fn case_helpers() {
        assert!(is_all_caps("BY JANE DOE"));
        assert!(!is_all_caps("By Jane"));
        assert_eq!(title_case("JANE O'BRIEN-SMITH"), "Jane O'Brien-Smith");
        assert!(title_case_ratio("Kestrel's Merger With Harbourline Leaves Pensioners") > 0.9);
        assert!(title_case_ratio("the council said the bridge would open on Monday") < 0.3);
    }

    #[test]
    fn words() {
        assert_eq!(word_count("Hello, world — 3 times"), 4);
    }

    /// Past 255 chunks of eight bytes the sums by byte are taken and
    /// begun again: long texts count as the split does.
    #[test]
    fn long_texts_count_every_word() {
        for unit in [
            "ab cd ",
            "x ",
            "don't (we) ",
            "a-b c.d 3,000 ",
            "word \u{201c}quote\u{201d} ",
        ] {
            for times in [255, 256, 1000, 2047] {
                let text = unit.repeat(times);
                assert_eq!(
                    word_count(&text),
                    word_count_split(&text),
                    "{unit:?} x {times}"
                );
            }
        }
    }

    #[test]
    fn alphanumeric_ranges_are_alphanumeric() {
        for c in '\0'..=char::MAX {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// [`wide_char`] reads every char from 0x80 as decoding it does.
    #[test]
    fn wide_chars_are_their_decoding() {
        for c in ('\u{80}'..=char::MAX).step_by(1) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(wide_char(s.as_bytes(), 0), (s.len(), is_space(c)), "{c:?}");
        }
    }

    #[test]
    fn general_punctuation_is_its_block_and_holds_no_letter() {
        for c in '\u{80}'..=char::MAX {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            let found = general_punctuation(s.as_bytes(), 0);
            assert_eq!(found, ('\u{2000}'..='\u{206f}').contains(&c), "{c:?}");
            assert!(!(found && c.is_alphanumeric()), "{c:?}");
        }
    }

    #[test]
    fn ascii_space_is_space() {
        for b in 0..0x80u8 {
            assert_eq!(is_ascii_space(b), is_space(char::from(b)), "{b:#x}");
        }
    }

    /// White space of every kind lede folds, letters, digits and marks.
    fn spaced_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => prop::char::range('\0', '\u{7f}').prop_map(String::from),
            2 => prop::char::range('\u{80}', '\u{3000}').prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
            6 => prop::sample::select(vec![
                " ", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{feff}", "\u{200b}", "\u{2003}",
                "\u{3000}", "\u{85}", "word", "Jane", "3", "\u{e9}t\u{e9}", "\u{201c}", "\u{2019}s",
                "\u{2014}", "-", ".", "extraordinarily", "x!y#z%w&v(u)*", "\u{1}\u{7f}",
            ])
            .prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn fold_is_the_char_fold(text in spaced_text(), prefix in "[ a]{0,2}") {
            let mut fast = prefix.clone();
            fold_into(&text, &mut fast);
            let mut slow = prefix;
            fold_into_chars(&text, &mut slow);
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn unspaced_words_are_the_char_count(
            text in "([a-z ’“]|\u{3040}|\u{30ff}|\u{303f}|\u{3100}|\u{3400}|\u{4dbf}|\u{4dc0}|\u{4e00}|\u{9fff}|\u{a000}|\u{e000}|é|\u{10000}){0,40}"
        ) {
            prop_assert_eq!(unspaced_words(&text), unspaced_words_chars(&text));
        }

        #[test]
        fn trimmed_is_trim_matches(text in spaced_text()) {
            let t = text.trim_matches(is_space);
            let expected = (!t.is_empty()).then(|| {
                let start = t.as_ptr() as usize - text.as_ptr() as usize;
                (start, start + t.len())
            });
            prop_assert_eq!(trimmed(&text), expected);
        }

        #[test]
        fn word_facts_are_the_separate_counts(
            text in spaced_text(),
            wide in "([a-z ’“]|É|é|ß|\u{3000}|\u{a0}|\u{3042}|\u{4e2d}|\u{9fff}|\u{a000}|\u{3100}){0,12}",
        ) {
            let text = format!("{text}{wide}");
            let (caps, titled) = title_counts(&text);
            let expected = WordFacts {
                words: word_count_split(&text),
                unspaced: unspaced_words_chars(&text),
                caps,
                titled,
            };
            prop_assert_eq!(word_facts(&text), expected);
            prop_assert_eq!(word_count(&text), expected.words);
        }

        /// The walk [`title_like`] stops early gives the whole ratio's
        /// answer, for the word count and for a count above it.
        #[test]
        fn title_like_is_the_ratio(
            text in crate::testing::joined(
                vec!["A", "b", "Bc", "de", "Fgh", "ijk", "Lmno", "pqrs", "9", "'", " ", "\n",
                     "\u{e9}", "\u{c9}", "\u{3042}", "\u{a0}", "-"],
                0..60,
            ),
            extra in 0usize..4,
        ) {
            let words = word_count(&text) + extra;
            prop_assert_eq!(title_like(&text, words), title_case_ratio(&text) >= 0.8);
        }

        #[test]
        fn word_count_is_split_and_filter(text in spaced_text()) {
            prop_assert_eq!(word_count(&text), word_count_split(&text));
        }

        /// The eight-byte steps of [`word_counts`] at every offset and
        /// mix of white space, word bytes and marks.
        #[test]
        fn word_counts_are_the_separate_counts(
            text in crate::testing::joined(
                vec!["a", "Z", "9", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1c}", "-", "'",
                     "(", "_", "@", "[", "`", "{", "/", ":", "\u{7f}", "\u{0}", "\u{a0}",
                     "\u{e9}", "\u{201c}", "\u{3000}", "\u{3042}", "\u{4e2d}", "\u{2003}",
                     "\u{206f}", "\u{2070}", "\u{2071}", "\u{2014}"],
                0..48,
            ),
        ) {
            prop_assert_eq!(
                word_counts(&text),
                (word_count_split(&text), unspaced_words_chars(&text))
            );
        }

        #[test]
        fn is_folded_is_fold_unchanged(text in spaced_text(), prefix in "[ a]{0,2}") {
            let text = format!("{prefix}{text}");
            prop_assert_eq!(is_folded(&text), fold(&text) == text);
            let folded = fold(&text);
            prop_assert!(is_folded(&folded));
        }

        #[test]
        fn skip_spaced_passes_no_stop(
            text in prop_oneof![
                spaced_text(),
                crate::testing::joined(
                    vec![" ", "  ", "!", "a", "!!", "\n", "\t", "\u{1}", "\u{e9}", "\u{a0}"],
                    0..40,
                ),
            ],
            from in 0usize..8,
        ) {
            let b = text.as_bytes();
            let from = from.min(b.len());
            let first = (from..b.len()).find(|&k| spaced_stop(b, k)).unwrap_or(b.len());
            let at = skip_spaced(b, from);
            prop_assert!(at <= first, "{at} past the stop at {first}");
            // An early stop is at a `!` or a space before one (the
            // borrows of the eight-byte tests), which the fold passes.
            let early = b.get(at) == Some(&b'!')
                || (b.get(at) == Some(&b' ') && b.get(at + 1) == Some(&b'!'));
            prop_assert!(at == first || early, "{at} {first} {text:?}");
        }

        #[test]
        fn skip_printable_stops_where_a_byte_scan_does(text in spaced_text(), from in 0usize..8) {
            let b = text.as_bytes();
            let from = from.min(b.len());
            let scan = (from..b.len()).find(|&k| !(0x21..0x80).contains(&b[k])).unwrap_or(b.len());
            prop_assert_eq!(skip_printable(b, from), scan);
        }
    }
}
