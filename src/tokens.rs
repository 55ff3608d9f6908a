//! The tokenised view of a text: one pass over its bytes yields tokens with
//! their offsets, class bits and a word id, and the rules read those in
//! place of rescanning the string with their own patterns.
//!
//! # Layout
//!
//! A [`Token`] is 12 bytes:
//!
//! | field   | type      | meaning                                                    |
//! | ------- | --------- | ---------------------------------------------------------- |
//! | `start` | `u32`     | byte offset of its first byte in the tokenised text         |
//! | `len`   | `u32`     | its length in bytes: `text[start..start + len]` is the token |
//! | `class` | [`Class`] | what it is: word, number or mark, its case, the white space before it, the mark's kind |
//! | `word`  | [`WordId`]| the entry of its lower-cased text in a [`Lexicon`], or [`WordId::UNKNOWN`] |
//!
//! Tokens are words and marks; white space is never a token, only a bit
//! ([`Class::SPACE_BEFORE`], [`Class::NEWLINE_BEFORE`]) on the token after
//! it. A **word** is a maximal run of ASCII letters, digits and `_`, and
//! of other characters that are alphanumeric: "Zoë", "2026", "snake_case".
//! Every other character that is not white space (as [`crate::text::is_space`]
//! reads it) is a **mark** token of its own: "U.S." is `U` `.` `S` `.`,
//! "don't" is `don` `'` `t`, "—" is one token. Rules that want a word with
//! its apostrophe or its initials join tokens that touch (no
//! [`Class::SPACE_BEFORE`] between them); that keeps the tokeniser one
//! byte-table pass with no look-ahead.
//!
//! A word's id comes from **one** hash look-up of its lower-cased text
//! (ASCII lower-cased eight bytes at a time; other text by
//! [`char::to_lowercase`]) in a [`Lexicon`]: a table built once, lazily,
//! from the word lists of the rules, and asked only when its filter (the
//! word's first two bytes, last byte and length) says it may hold it. An entry carries [`Lists`] bits, one per list the word is on, so
//! "is this word a title, a stop word, a speech verb" is a bit test on the
//! id, not a look-up per list. Words longer than [`Lexicon::MAX_KEY`]
//! bytes are in no list and get [`WordId::UNKNOWN`] without hashing.
//!
//! # Who reads it
//!
//! - [`Scanner`] yields the tokens of a text one at a time, for a rule that
//!   reads a text once, front to back, and may stop early: the speech-verb
//!   finder `speakers::cues::verbs` (a word id bit test per lower-case
//!   word, where a regex of 226 alternatives ran).
//! - [`TokenBuf`] holds the tokens of one text in a buffer that is reused:
//!   filling it again allocates nothing once it has grown to the largest
//!   text seen. `speakers::attribute_pieces` fills one a thread with each
//!   quoted paragraph (masked, from its first quotation's sentence on, up
//!   to 16 KiB; else `speakers::cues::Stretch` fills one with the sentence
//!   around each quotation), and every cue and subject rule of its
//!   quotations reads it through a `Stretch`: the verb look-ups over a part
//!   of a sentence (binary search to the part's first token; a token cut
//!   by the part's edge is looked up by its bytes), and the word-id gates
//!   that let a rule that needs a group noun or a speech noun skip a
//!   sentence with none.
//! - [`Lexicon`] answers list membership for a word given as bytes: the
//!   speakers' word sets (`speakers::names::WordSet`: titles, roles, stop
//!   words, given names, speech verbs, ...) are [`Lists`] masks over the
//!   one table `speakers::lexicon::WORDS`.
//!
//! Still to move onto it (see the README's Speed section): the name runs
//! and role phrases of `speakers::names`, the anchored who/verb patterns
//! of `speakers::cues`, and, once segmenting builds one buffer per
//! paragraph, the block rules (boilerplate needles, date lines, title
//! case, word counts).
//!
//! # Cost
//!
//! Linear in the text: each byte is classified once through a 256-entry
//! table (a character outside ASCII is decoded once; an ASCII word of up
//! to seven bytes, most words of prose, is read whole from one eight-byte
//! load by lane tests), and each word of at most [`Lexicon::MAX_KEY`]
//! bytes is hashed once. A [`TokenBuf`] takes 12
//! bytes per token, at most 12 bytes per byte of text (a text of marks
//! only), about 2.5 bytes per byte of English prose.

use std::fmt;

use crate::text::{is_alphanumeric, is_space};

/// One token: see the [module docs](self) for the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token in the tokenised text.
    pub start: u32,
    /// Length in bytes.
    pub len: u32,
    /// What the token is.
    pub class: Class,
    /// Its lexicon entry.
    pub word: WordId,
}

impl Token {
    /// Byte offset just past the token.
    pub fn end(self) -> usize {
        self.start as usize + self.len as usize
    }

    /// The token's bytes as a range of the tokenised text.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end()
    }

    /// The token's text, given the text it was read from.
    pub fn of(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// Is it a word (letters, digits)?
    pub fn is_word(self) -> bool {
        self.class.has(Class::WORD)
    }
}

/// Class bits of a token.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Class(pub u16);

impl Class {
    /// A word: letters, digits and `_`.
    pub const WORD: Class = Class(1);
    /// A word of ASCII digits only ("2026").
    pub const NUMBER: Class = Class(1 << 1);
    /// A mark: one character that is neither white space nor part of a word.
    pub const MARK: Class = Class(1 << 2);
    /// White space comes before it (or it opens the text).
    pub const SPACE_BEFORE: Class = Class(1 << 3);
    /// A line break (`\n`, `\r`, U+0085, U+2028, U+2029) is in the white
    /// space before it.
    pub const NEWLINE_BEFORE: Class = Class(1 << 4);
    /// A word whose first character is upper case ("Lund", "NATO").
    pub const CAPITALISED: Class = Class(1 << 5);
    /// A word with an upper-case letter and no lower-case one ("NATO", "J").
    pub const ALL_CAPS: Class = Class(1 << 6);
    /// A word with no upper-case letter ("said", "2026").
    pub const LOWER: Class = Class(1 << 7);
    /// All of its bytes are ASCII.
    pub const ASCII: Class = Class(1 << 8);
    /// A mark that may open a quotation: `"` `'` and the curly and angle
    /// opening marks.
    pub const QUOTE_OPEN: Class = Class(1 << 9);
    /// A mark that may close a quotation: `"` `'` and the curly and angle
    /// closing marks (straight marks are both).
    pub const QUOTE_CLOSE: Class = Class(1 << 10);
    /// A mark that may end a sentence: `.` `!` `?` `…` and the ideographic
    /// stop and marks.
    pub const SENTENCE_END: Class = Class(1 << 11);
    /// An apostrophe: `'` or `’` (which are also quotation marks).
    pub const APOSTROPHE: Class = Class(1 << 12);
    /// A hyphen or dash: `-`, `–`, `—`, `‐`, `‑`, `‒`, `―`.
    pub const DASH: Class = Class(1 << 13);
    /// A one-letter capital word followed at once by `.`: an initial ("J.").
    pub const INITIAL: Class = Class(1 << 14);

    /// Are all the bits of `other` set?
    pub const fn has(self, other: Class) -> bool {
        self.0 & other.0 == other.0
    }

    /// Is any bit of `other` set?
    pub const fn any(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }

    const fn with(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }
}

impl std::ops::BitOr for Class {
    type Output = Class;
    fn bitor(self, rhs: Class) -> Class {
        self.with(rhs)
    }
}

impl fmt::Debug for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NAMES: [&str; 15] = [
            "WORD",
            "NUMBER",
            "MARK",
            "SPACE_BEFORE",
            "NEWLINE_BEFORE",
            "CAPITALISED",
            "ALL_CAPS",
            "LOWER",
            "ASCII",
            "QUOTE_OPEN",
            "QUOTE_CLOSE",
            "SENTENCE_END",
            "APOSTROPHE",
            "DASH",
            "INITIAL",
        ];
        let set: Vec<&str> = (0..NAMES.len())
            .filter(|i| self.0 & (1 << i) != 0)
            .map(|i| NAMES[i])
            .collect();
        write!(f, "Class({})", set.join(" | "))
    }
}

/// A word's entry in a [`Lexicon`]; [`WordId::UNKNOWN`] for a word in no
/// list and for marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct WordId(pub u16);

impl WordId {
    /// A word the lexicon does not hold, or a mark.
    pub const UNKNOWN: WordId = WordId(0);
}

/// Which word lists a lexicon entry is on: one bit per list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Lists(pub u32);

impl Lists {
    /// On none.
    pub const NONE: Lists = Lists(0);

    /// Is the entry on any list of `mask`?
    pub const fn any(self, mask: Lists) -> bool {
        self.0 & mask.0 != 0
    }

    /// The union of both (`|` in a `const`).
    pub const fn or(self, other: Lists) -> Lists {
        Lists(self.0 | other.0)
    }
}

impl std::ops::BitOr for Lists {
    type Output = Lists;
    fn bitor(self, rhs: Lists) -> Lists {
        Lists(self.0 | rhs.0)
    }
}

/// A table of words (keys as bytes, lower case), each with the [`Lists`]
/// it is on, looked up by one hash. Built once from the rules' word lists.
/// Keys may hold a space ("went on"): a phrase is looked up by its bytes.
pub struct Lexicon {
    /// Entry `id - 1` of each key.
    keys: Vec<&'static [u8]>,
    /// The length of each key (at most [`Lexicon::MAX_KEY`]): a probe
    /// reads a byte, not the key's slice.
    lens: Vec<u8>,
    /// The same keys zero-padded to [`Lexicon::MAX_KEY`] bytes, as
    /// little-endian words: a probe compares a word or two, not a slice.
    padded: Vec<Padded>,
    lists: Vec<Lists>,
    /// Open addressing: `slots[h & mask]` onwards, the first empty slot
    /// (0) ends a probe; a full one holds an id.
    slots: Vec<u16>,
    mask: usize,
    /// 64 less the bits of `mask`: a probe starts at the top bits of the
    /// hash, which mix every byte of the key, not at the low bits, which
    /// a multiply fills from the low bytes only ("seven" and "sever" would
    /// start side by side, and every key of one first letter and length
    /// with them).
    shift: u32,
    /// For each (first byte, second byte, last byte, length) class of a key, as
    /// [`Lexicon::filter_slot`] folds it, the union of the lists of its
    /// keys: most words looked up are on no list, or not on the lists asked
    /// about (names, nouns), and a clear bit says so without hashing.
    filter: Box<[u32; Lexicon::FILTER_SLOTS]>,
}

/// A key of at most [`Lexicon::MAX_KEY`] bytes, zero-padded, as words.
type Padded = [u64; Lexicon::MAX_KEY / 8];

/// `key` (at most [`Lexicon::MAX_KEY`] bytes) zero-padded.
fn pad(key: &[u8]) -> Padded {
    let mut b = [0u8; Lexicon::MAX_KEY];
    b[..key.len()].copy_from_slice(key);
    words(&b)
}

/// A zero-padded key as little-endian words.
fn words(b: &[u8; Lexicon::MAX_KEY]) -> Padded {
    let w = |i: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[i * 8..i * 8 + 8]);
        u64::from_le_bytes(x)
    };
    [w(0), w(1), w(2), w(3)]
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("words", &self.keys.len())
            .finish()
    }
}

impl Lexicon {
    /// The longest key: longer words are in no list.
    pub const MAX_KEY: usize = 32;
    /// The filter's slots: a power of two, 64 KiB of `u32` (built once,
    /// for the one word table). At 4,096 slots, a third of them were
    /// taken, and a word on no list passed a third of the time.
    const FILTER_SLOTS: usize = 1 << Lexicon::FILTER_BITS;
    const FILTER_BITS: u32 = 14;

    /// A lexicon of `words`, each on the lists given with it; a word given
    /// more than once is on the union of its lists. Keys longer than
    /// [`Lexicon::MAX_KEY`] bytes are left out (no look-up could find
    /// them), as are words on no list, and at most `u16::MAX - 1` distinct
    /// keys are kept.
    pub fn new<I: IntoIterator<Item = (&'static str, Lists)>>(words: I) -> Lexicon {
        let mut lex = Lexicon {
            keys: Vec::new(),
            lens: Vec::new(),
            padded: Vec::new(),
            lists: Vec::new(),
            slots: vec![0; 16],
            mask: 15,
            shift: 60,
            filter: Box::new([0; Lexicon::FILTER_SLOTS]),
        };
        for (w, lists) in words {
            lex.insert(w.as_bytes(), lists);
        }
        lex
    }

    fn insert(&mut self, key: &'static [u8], lists: Lists) {
        if key.is_empty() || key.len() > Lexicon::MAX_KEY || lists == Lists::NONE {
            return;
        }
        let id = self.id(key);
        let padded = pad(key);
        self.filter[Lexicon::filter_slot(&padded, key.len())] |= lists.0;
        if id != WordId::UNKNOWN {
            self.lists[usize::from(id.0) - 1] = self.lists[usize::from(id.0) - 1] | lists;
            return;
        }
        if self.keys.len() >= usize::from(u16::MAX - 1) {
            return;
        }
        self.keys.push(key);
        // (At most MAX_KEY: see above.)
        self.lens.push(key.len() as u8);
        self.padded.push(padded);
        self.lists.push(lists);
        // Keep the table at most half full.
        if self.keys.len() * 2 > self.slots.len() {
            self.slots = vec![0; self.slots.len() * 2];
            self.mask = self.slots.len() - 1;
            self.shift = 64 - self.slots.len().trailing_zeros();
            for i in 0..self.keys.len() {
                self.place(i);
            }
        } else {
            self.place(self.keys.len() - 1);
        }
    }

    fn place(&mut self, i: usize) {
        let mut h = self.start(hash(&self.padded[i], self.keys[i].len()));
        while self.slots[h] != 0 {
            h = (h + 1) & self.mask;
        }
        // (`i` < u16::MAX - 1: see `insert`.)
        self.slots[h] = (i + 1) as u16;
    }

    /// The slot a probe for a key of hash `h` starts at: its top bits.
    fn start(&self, h: u64) -> usize {
        // (The index is under the slot count, which fits a usize.)
        (h >> self.shift) as usize
    }

    /// A cheap hash of a key: its first two bytes, its last and its
    /// length.
    fn filter_slot(key: &Padded, len: usize) -> usize {
        let byte = |i: usize| (key[i / 8] >> (8 * (i % 8)) & 0xff) as u8;
        Lexicon::filter_slot_of(byte(0), byte(1), byte(len - 1), len)
    }

    /// [`Lexicon::filter_slot`] of a key of `len` (at least 1) bytes that
    /// opens with `b0`, `b1` (0 for a key of one byte) and ends with
    /// `last`.
    ///
    /// The four are packed into one word and mixed by a multiply, the top
    /// bits taken: a sum of each times a constant put whole families of
    /// keys in one slot ("kerb" and "gdoc": 131 = 4 * 31 + 7), however
    /// many slots there were.
    fn filter_slot_of(b0: u8, b1: u8, last: u8, len: usize) -> usize {
        // (`len` is at most MAX_KEY: it fits the top byte.)
        let x = u32::from(b0) | u32::from(b1) << 8 | u32::from(last) << 16 | (len as u32) << 24;
        (x.wrapping_mul(0x9e37_79b1) >> (32 - Lexicon::FILTER_BITS)) as usize
    }

    /// Might an ASCII word of `len` bytes that opens with `b0`, `b1` (0
    /// for a word of one byte) and ends with `last` (all lower case) be a
    /// key? (No means no; yes means look it up.)
    fn may_hold(&self, b0: u8, b1: u8, last: u8, len: usize) -> bool {
        self.filter[Lexicon::filter_slot_of(b0, b1, last, len)] != 0
    }

    /// The id of `key` (exact bytes: lower-case it first), or
    /// [`WordId::UNKNOWN`].
    pub fn id(&self, key: &[u8]) -> WordId {
        if key.is_empty() || key.len() > Lexicon::MAX_KEY {
            return WordId::UNKNOWN;
        }
        self.find(&pad(key), key.len(), Lists(u32::MAX))
    }

    /// The id of the key of `len` bytes (1 to [`Lexicon::MAX_KEY`])
    /// zero-padded in `key`, or [`WordId::UNKNOWN`], early when the filter
    /// shows that no key of the lists of `mask` looks like it.
    #[inline(always)]
    fn find(&self, key: &Padded, len: usize, mask: Lists) -> WordId {
        if self.filter[Lexicon::filter_slot(key, len)] & mask.0 == 0 {
            return WordId::UNKNOWN;
        }
        self.probe(key, len)
    }

    /// [`Lexicon::find`] past its filter (which the caller has asked).
    #[inline(always)]
    fn probe(&self, key: &Padded, len: usize) -> WordId {
        let n = len.div_ceil(8);
        let mut h = self.start(hash(key, len));
        loop {
            let id = self.slots[h];
            if id == 0 {
                return WordId::UNKNOWN;
            }
            let i = usize::from(id) - 1;
            // (The words of a key, as many as it fills, compared one by
            // one: no call to compare slices, and no loop.)
            if usize::from(self.lens[i]) == len && same_words(&self.padded[i], key, n) {
                return WordId(id);
            }
            h = (h + 1) & self.mask;
        }
    }

    /// The lists entry `id` is on ([`Lists::NONE`] for an unknown word).
    #[inline]
    pub fn lists(&self, id: WordId) -> Lists {
        match usize::from(id.0).checked_sub(1) {
            Some(i) => self.lists.get(i).copied().unwrap_or(Lists::NONE),
            None => Lists::NONE,
        }
    }

    /// Is `key` (exact bytes) on any list of `mask`?
    pub fn on(&self, key: &[u8], mask: Lists) -> bool {
        let len = key.len();
        if len == 0 || len > Lexicon::MAX_KEY {
            return false;
        }
        // (The filter is asked of the key's bytes before the key is copied
        // into words: most words asked about are on no list of `mask`, and
        // the copy cost a call for each.)
        let b1 = if len > 1 { key[1] } else { 0 };
        if self.filter[Lexicon::filter_slot_of(key[0], b1, key[len - 1], len)] & mask.0 == 0 {
            return false;
        }
        self.lists(self.probe(&pad(key), len)).any(mask)
    }

    /// [`Lexicon::on`] for the key `key[..len]` (a word lower-cased on the
    /// stack): no copy to pad it. Bytes past `len` are ignored.
    pub fn on_padded(&self, key: &[u8; Lexicon::MAX_KEY], len: usize, mask: Lists) -> bool {
        if len == 0 || len > Lexicon::MAX_KEY {
            return false;
        }
        let mut w = words(key);
        // Only the words up to the key's end are read: clear the bytes of
        // the last one past it.
        if !len.is_multiple_of(8) {
            w[len / 8] &= (1u64 << (8 * (len % 8))) - 1;
        }
        self.lists(self.find(&w, len, mask)).any(mask)
    }

    /// The lists of the key of `len` bytes (1 to [`Lexicon::MAX_KEY`])
    /// given zero-padded as little-endian words (a word lower-cased on the
    /// stack eight bytes at a time): no copy to pad it, one look-up. The
    /// filter is asked for the lists of `mask` only, so a key on none of
    /// them may come back as [`Lists::NONE`].
    #[inline(always)]
    pub fn lists_of_words(
        &self,
        key: &[u64; Lexicon::MAX_KEY / 8],
        len: usize,
        mask: Lists,
    ) -> Lists {
        if len == 0 || len > Lexicon::MAX_KEY {
            return Lists::NONE;
        }
        self.lists(self.find(key, len, mask))
    }

    /// The key of entry `id`.
    pub fn key(&self, id: WordId) -> Option<&'static [u8]> {
        self.keys.get(usize::from(id.0).checked_sub(1)?).copied()
    }

    /// How many distinct keys it holds.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Does it hold no key?
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// FxHash over a zero-padded key of `len` bytes, a word at a time: the
/// words it fills (one for "harbour", two for "spokeswoman") are added
/// without a loop, as [`hash_fold`] adds them. (Each look-up of a word
/// hashes it: a loop over the words cost more than hashing them.)
#[inline]
fn hash(key: &Padded, len: usize) -> u64 {
    let add = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    let h = len as u64;
    match len.div_ceil(8) {
        0 => h,
        1 => add(h, key[0]),
        2 => add(add(h, key[0]), key[1]),
        3 => add(add(add(h, key[0]), key[1]), key[2]),
        _ => add(add(add(add(h, key[0]), key[1]), key[2]), key[3]),
    }
}

/// [`hash`] as a fold over the words a key fills: its specification.
#[cfg(test)]
fn hash_fold(key: &Padded, len: usize) -> u64 {
    let add = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    key.iter()
        .take(len.div_ceil(8))
        .fold(len as u64, |h, &w| add(h, w))
}

/// Are the first `n` words (one to four) of `a` and `b` the same? The
/// words past them are not read: a caller's key may hold anything there.
#[inline]
fn same_words(a: &Padded, b: &Padded, n: usize) -> bool {
    match n {
        0 => true,
        1 => a[0] == b[0],
        2 => a[0] == b[0] && a[1] == b[1],
        3 => a[0] == b[0] && a[1] == b[1] && a[2] == b[2],
        _ => a == b,
    }
}

/// What a byte is to the tokeniser.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    Space,
    Newline,
    /// `[0-9A-Za-z_]`
    Word,
    /// Any other ASCII byte: a mark.
    Mark,
    /// The first byte of a character outside ASCII.
    Lead,
}

static BYTE: [Byte; 256] = {
    let mut t = [Byte::Lead; 256];
    let mut b = 0;
    while b < 128 {
        let x = b as u8;
        t[b] = match x {
            b'\n' | b'\r' => Byte::Newline,
            b'\t' | b'\x0b' | b'\x0c' | b' ' => Byte::Space,
            b'0'..=b'9' | b'a'..=b'z' | b'_' | b'A'..=b'Z' => Byte::Word,
            _ => Byte::Mark,
        };
        b += 1;
    }
    t
};

/// The class bits of a mark character.
fn mark_class(c: char) -> Class {
    let kind = match c {
        '"' => Class::QUOTE_OPEN | Class::QUOTE_CLOSE,
        '\'' | '\u{2019}' => Class::QUOTE_OPEN | Class::QUOTE_CLOSE | Class::APOSTROPHE,
        '\u{201c}' | '\u{2018}' | '\u{201e}' | '\u{201a}' | '\u{ab}' | '\u{2039}' => {
            Class::QUOTE_OPEN
        }
        '\u{201d}' | '\u{bb}' | '\u{203a}' => Class::QUOTE_CLOSE,
        '.' | '!' | '?' | '\u{2026}' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}' => Class::SENTENCE_END,
        '-' | '\u{2010}'..='\u{2015}' => Class::DASH,
        _ => Class::default(),
    };
    Class::MARK | kind
}

/// Is `c` a line break?
fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The tokens of a text, one at a time: see the [module docs](self).
#[derive(Clone)]
pub struct Scanner<'t> {
    text: &'t str,
    pos: usize,
    lexicon: &'t Lexicon,
}

impl<'t> Scanner<'t> {
    /// The tokens of `text`, words looked up in `lexicon`. Offsets are into
    /// `text`; a text longer than `u32::MAX` bytes yields the tokens that
    /// start before that offset and then stops (see [`TokenBuf::fill`]).
    pub fn new(text: &'t str, lexicon: &'t Lexicon) -> Scanner<'t> {
        Scanner {
            text,
            pos: 0,
            lexicon,
        }
    }

    /// The character at byte `i` (a char boundary inside the text).
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or('\0')
    }

    /// A word from `start` (its first char already known to be a word
    /// char). A word of ASCII is passed a byte at a time through [`WORD`],
    /// then lower-cased on the stack and looked up once; a word with
    /// characters outside ASCII goes on in [`Scanner::word_unicode`].
    fn word(&mut self, start: usize, class: Class) -> Token {
        let b = self.text.as_bytes();
        let mut seen = 0u8;
        let mut i = start;
        // A run of `_` (as the masked quotations of `speakers` are) is
        // passed eight bytes at a time.
        if b[start] == b'_' {
            i = underscores_end(b, start);
            seen = W_WORD | W_UNDERSCORE;
        }
        while let Some(&x) = b.get(i) {
            let f = WORD[usize::from(x)];
            if f == 0 {
                break;
            }
            seen |= f;
            i += 1;
        }
        if b.get(i).is_some_and(|&x| x >= 0x80) && is_alphanumeric(self.char_at(i)) {
            return self.word_unicode(start, i, seen, class);
        }
        let mut class = class | Class::WORD | Class::ASCII;
        if seen & W_UPPER != 0 {
            if WORD[usize::from(b[start])] & W_UPPER != 0 {
                class = class | Class::CAPITALISED;
                if i - start == 1 && b.get(i) == Some(&b'.') {
                    class = class | Class::INITIAL;
                }
            }
            if seen & W_LOWER == 0 {
                class = class | Class::ALL_CAPS;
            }
        } else {
            class = class | Class::LOWER;
            if seen & (W_LETTER | W_UNDERSCORE) == 0 {
                class = class | Class::NUMBER;
            }
        }
        let len = i - start;
        let lower = |x: u8| x.to_ascii_lowercase();
        // (The filter first: most words are on no list, and it says so
        // before the key is built and hashed.)
        let word = if len <= Lexicon::MAX_KEY
            && self.lexicon.may_hold(
                lower(b[start]),
                if len > 1 { lower(b[start + 1]) } else { 0 },
                lower(b[i - 1]),
                len,
            ) {
            self.lexicon
                .probe(&ascii_key(b, start, len, seen & W_UPPER != 0), len)
        } else {
            WordId::UNKNOWN
        };
        self.pos = i;
        token(start, i, class, word)
    }

    /// [`Scanner::word`] of the common word, read from one eight-byte load
    /// (SWAR, see `crate::swar`): ASCII of at most seven bytes, not opening
    /// with `_`, followed by a byte below 0x80 or the text's end. Its end,
    /// its case and its key come from lane tests of the load, with no loop
    /// over its bytes; `None` for any other word, which `word` reads.
    /// (Most words of prose are such a word: "said", "the", "Lund".)
    #[inline(always)]
    fn short_word(&mut self, start: usize, class: Class) -> Option<Token> {
        use crate::swar::{at_least, zero_lanes, HIGH, ONES};
        let b = self.text.as_bytes();
        // Past the text's end the lanes are zero: no word byte, and neither
        // `.` nor a byte from 0x80, as no byte at all.
        let x = match b.get(start..start + 8) {
            Some(e) => u64::from_le_bytes(e.try_into().expect("eight bytes")),
            None => {
                let mut eight = [0u8; 8];
                eight[..b.len() - start].copy_from_slice(&b[start..]);
                u64::from_le_bytes(eight)
            }
        };
        // Each test is exact in every lane below the first from 0x80 (sums
        // of ASCII lanes carry into no other), and the word ends at or
        // before that lane.
        let lane = |lo: u8, hi: u8| at_least(x, lo) & !at_least(x, hi + 1) & HIGH;
        let (lower, upper, digit) = (lane(b'a', b'z'), lane(b'A', b'Z'), lane(b'0', b'9'));
        let under = zero_lanes(x ^ (ONES * u64::from(b'_')));
        let stop = !(lower | upper | digit | under) & HIGH;
        if stop == 0 || under & 0x80 != 0 {
            return None;
        }
        // (The first lane is a word byte: the word is one to seven bytes.)
        let len = (stop.trailing_zeros() / 8) as usize;
        let next = (x >> (8 * len)) as u8;
        if next >= 0x80 {
            return None;
        }
        let inside = (1u64 << (8 * len)) - 1;
        let (lower, upper, under) = (lower & inside, upper & inside, under & inside);
        let mut class = class | Class::WORD | Class::ASCII;
        if upper != 0 {
            if upper & 0x80 != 0 {
                class = class | Class::CAPITALISED;
                if len == 1 && next == b'.' {
                    class = class | Class::INITIAL;
                }
            }
            if lower == 0 {
                class = class | Class::ALL_CAPS;
            }
        } else {
            class = class | Class::LOWER;
            if lower == 0 && under == 0 {
                class = class | Class::NUMBER;
            }
        }
        // The key: the word's lanes, a capital lowered by its 0x20 bit.
        let key = (x & inside) | (upper >> 2);
        let byte = |k: usize| (key >> (8 * k)) as u8;
        let word = if self.lexicon.may_hold(byte(0), byte(1), byte(len - 1), len) {
            self.lexicon.probe(&[key, 0, 0, 0], len)
        } else {
            WordId::UNKNOWN
        };
        self.pos = start + len;
        Some(token(start, start + len, class, word))
    }

    /// The rest of a word from `start` whose ASCII head ends at `from`
    /// (`seen`: the [`WORD`] bits of that head), at a character outside
    /// ASCII: a char at a time, lower-cased by [`char::to_lowercase`].
    fn word_unicode(&mut self, start: usize, from: usize, seen: u8, mut class: Class) -> Token {
        let b = self.text.as_bytes();
        let mut key = [0u8; Lexicon::MAX_KEY];
        let mut k = 0;
        // Lower-cased bytes that did not fit: the word is longer than any key.
        let mut over = false;
        let mut push = |key: &mut [u8; Lexicon::MAX_KEY], c: char| {
            for l in c.to_lowercase() {
                let n = l.len_utf8();
                if k + n <= key.len() {
                    l.encode_utf8(&mut key[k..]);
                    k += n;
                } else {
                    over = true;
                }
            }
        };
        for &x in &b[start..from] {
            push(&mut key, char::from(x));
        }
        let (mut upper, mut lower) = (seen & W_UPPER != 0, seen & W_LOWER != 0);
        if WORD[usize::from(b[start])] & W_UPPER != 0 {
            class = class | Class::CAPITALISED;
        }
        let mut chars = from - start;
        let mut i = from;
        while i < b.len() {
            let x = b[i];
            let c = if x < 0x80 {
                if WORD[usize::from(x)] == 0 {
                    break;
                }
                char::from(x)
            } else {
                let c = self.char_at(i);
                if !is_alphanumeric(c) {
                    break;
                }
                c
            };
            if c.is_uppercase() {
                upper = true;
                if i == start {
                    class = class | Class::CAPITALISED;
                }
            } else if c.is_lowercase() {
                lower = true;
            }
            push(&mut key, c);
            chars += 1;
            i += c.len_utf8();
        }
        class = class | Class::WORD;
        if upper && !lower {
            class = class | Class::ALL_CAPS;
        }
        if !upper {
            class = class | Class::LOWER;
        }
        if upper && chars == 1 && b.get(i) == Some(&b'.') {
            class = class | Class::INITIAL;
        }
        let word = if over || k == 0 {
            WordId::UNKNOWN
        } else {
            self.lexicon.find(&words(&key), k, Lists(u32::MAX))
        };
        self.pos = i;
        token(start, i, class, word)
    }
}

/// The ASCII word `b[start..start + len]` (1 to [`Lexicon::MAX_KEY`]
/// bytes of `[0-9A-Za-z_]`) lower-cased (`upper`: it holds a capital) and
/// zero-padded, as the lexicon's words: read eight bytes at a time, a
/// capital lower-cased by setting its 0x20 bit in each byte at once.
fn ascii_key(b: &[u8], start: usize, len: usize, upper: bool) -> Padded {
    use crate::swar::ONES;
    let mut key: Padded = [0; Lexicon::MAX_KEY / 8];
    for (j, w) in key.iter_mut().enumerate().take(len.div_ceil(8)) {
        let at = start + 8 * j;
        let n = (len - 8 * j).min(8);
        let mut x = match b.get(at..at + 8) {
            Some(eight) => {
                let mut e = [0u8; 8];
                e.copy_from_slice(eight);
                u64::from_le_bytes(e)
            }
            None => {
                let mut e = [0u8; 8];
                e[..n].copy_from_slice(&b[at..at + n]);
                u64::from_le_bytes(e)
            }
        };
        if n < 8 {
            x &= (1u64 << (8 * n)) - 1;
        }
        if upper {
            // Every byte is below 0x80 (an ASCII word byte or padding), so
            // adding 0x3f or 0x25 to each carries into no other: the top
            // bit is set where the byte is at least 'A', and where it is
            // past 'Z'.
            let at_least_a = x + (0x80 - u64::from(b'A')) * ONES;
            let past_z = x + (0x80 - u64::from(b'Z') - 1) * ONES;
            x |= (at_least_a & !past_z & (0x80 * ONES)) >> 2;
        }
        *w = x;
    }
    key
}

/// The end of the run of `_` (a masked quotation) from byte `p` of `b`
/// (`p` itself when there is none), eight bytes at a time: a masked
/// quotation of a few hundred bytes costs a few dozen compares. The
/// tokeniser passes such a run as one word; `speakers` skips it.
pub(crate) fn underscores_end(b: &[u8], mut p: usize) -> usize {
    const BLANKS: u64 = u64::from_ne_bytes([b'_'; 8]);
    while let Some(e) = b.get(p..p + 8) {
        let mut x = [0u8; 8];
        x.copy_from_slice(e);
        if u64::from_ne_bytes(x) != BLANKS {
            break;
        }
        p += 8;
    }
    while b.get(p) == Some(&b'_') {
        p += 1;
    }
    p
}

/// [`WORD`] bits: a word byte, and which kind.
const W_WORD: u8 = 1;
const W_UPPER: u8 = 2;
const W_LOWER: u8 = 4;
/// A letter.
const W_LETTER: u8 = 8;
/// `_`: a word byte that is neither letter nor digit.
const W_UNDERSCORE: u8 = 16;

/// The ASCII word bytes `[0-9A-Za-z_]`, with what they are; 0 for every
/// other byte (those outside ASCII included).
static WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let x = b as u8;
        t[b] = match x {
            b'0'..=b'9' => W_WORD,
            b'_' => W_WORD | W_UNDERSCORE,
            b'a'..=b'z' => W_WORD | W_LOWER | W_LETTER,
            b'A'..=b'Z' => W_WORD | W_UPPER | W_LETTER,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// A token from `start` to `end` (both under `u32::MAX`: the scanner
/// checks).
fn token(start: usize, end: usize, class: Class, word: WordId) -> Token {
    Token {
        start: start as u32,
        len: (end - start) as u32,
        class,
        word,
    }
}

impl Iterator for Scanner<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let b = self.text.as_bytes();
        let mut class = if self.pos == 0 {
            Class::SPACE_BEFORE
        } else {
            Class::default()
        };
        while self.pos < b.len() {
            let start = self.pos;
            if start > u32::MAX as usize {
                self.pos = b.len();
                return None;
            }
            match BYTE[usize::from(b[start])] {
                Byte::Space => {
                    class = class | Class::SPACE_BEFORE;
                    self.pos += 1;
                }
                Byte::Newline => {
                    class = class | Class::SPACE_BEFORE | Class::NEWLINE_BEFORE;
                    self.pos += 1;
                }
                Byte::Word => {
                    return match self.short_word(start, class) {
                        Some(t) => Some(t),
                        None => Some(self.word(start, class)),
                    };
                }
                Byte::Mark => {
                    self.pos += 1;
                    let c = char::from(b[start]);
                    return Some(token(
                        start,
                        start + 1,
                        class | mark_class(c) | Class::ASCII,
                        WordId::UNKNOWN,
                    ));
                }
                Byte::Lead => {
                    let c = self.char_at(start);
                    if is_space(c) {
                        class = class | Class::SPACE_BEFORE;
                        if is_newline(c) {
                            class = class | Class::NEWLINE_BEFORE;
                        }
                        self.pos += c.len_utf8();
                    } else if is_alphanumeric(c) {
                        return Some(self.word(start, class));
                    } else {
                        self.pos += c.len_utf8();
                        return Some(token(
                            start,
                            self.pos,
                            class | mark_class(c),
                            WordId::UNKNOWN,
                        ));
                    }
                }
            }
        }
        None
    }
}

/// The tokens of one text in a buffer that is reused: see the [module
/// docs](self).
#[derive(Debug, Default)]
pub struct TokenBuf {
    tokens: Vec<Token>,
}

/// [`TokenBuf::fill`] was given a text of more than `u32::MAX` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

impl TokenBuf {
    /// An empty buffer.
    pub fn new() -> TokenBuf {
        TokenBuf::default()
    }

    /// Replace the tokens with those of `text`. A text of more than
    /// `u32::MAX` bytes (4 GiB) is refused, the buffer left empty: offsets
    /// are `u32`.
    pub fn fill(&mut self, text: &str, lexicon: &Lexicon) -> Result<&[Token], TooLong> {
        self.tokens.clear();
        if text.len() > u32::MAX as usize {
            return Err(TooLong);
        }
        self.tokens.extend(Scanner::new(text, lexicon));
        Ok(&self.tokens)
    }

    /// The tokens of the last text filled.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Tokens the buffer can hold without growing.
    pub fn capacity(&self) -> usize {
        self.tokens.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// `on`, which asks the filter of the key's bytes, answers as the
        /// look-up of the key's id and lists does, for words near those of
        /// a small lexicon and for every mask of its lists.
        #[test]
        fn on_is_the_lists_of_the_id(
            key in "(ab|abc|abd|b|ba|xyzzy|said|q|[a-d]{0,3}|[a-z]{30,34})",
            mask in 0u32..16,
        ) {
            static LEX: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| {
                Lexicon::new([
                    ("ab", Lists(1)),
                    ("abc", Lists(2)),
                    ("b", Lists(4)),
                    ("said", Lists(8)),
                    ("ab", Lists(8)),
                ])
            });
            let key = key.as_bytes();
            let mask = Lists(mask);
            prop_assert_eq!(LEX.on(key, mask), LEX.lists(LEX.id(key)).any(mask), "{:?}", key);
        }
    }

    proptest! {
        /// The one-load read of a short word gives the token `word` gives,
        /// wherever it answers: at every word byte of texts of ASCII words
        /// of every case and length around eight bytes, underscores, digits,
        /// initials, marks, white space and chars from 0x80, near the end
        /// of the text too, after every kind of white space, with words the
        /// lexicon holds in either case. It answers for a word of ASCII
        /// under eight bytes (and at most that).
        #[test]
        fn a_short_word_is_read_as_word_reads_it(
            text in crate::testing::joined(
                vec![
                    "said", "SAID", "Said", "mr", "Mr", "J", "a", "Zoe", "ab_c", "_x", "7",
                    "2026", "7th", "x7", "abcdefg", "ABCDEFG", "abcdefgh", "Abcdefghi", ".",
                    "'", "-", " ", "  ", "\n", "\t", "é", "Zoë", "ß", "\u{a0}", "\u{2019}",
                    "went on", "_", "4_2", "_9",
                ],
                0..12,
            ),
            before in 0usize..3,
        ) {
            let lex = lex();
            let class = [Class::default(), Class::SPACE_BEFORE, Class::SPACE_BEFORE | Class::NEWLINE_BEFORE][before];
            let b = text.as_bytes();
            for start in 0..b.len() {
                if BYTE[usize::from(b[start])] != Byte::Word {
                    continue;
                }
                let mut fast = Scanner::new(&text, &lex);
                let mut slow = fast.clone();
                let read = fast.short_word(start, class);
                let word = slow.word(start, class);
                let ascii_len = b[start..].iter().take_while(|&&x| WORD[usize::from(x)] != 0).count();
                let short = ascii_len < 8 && b[start] != b'_' && b.get(start + ascii_len).is_none_or(|&x| x < 0x80);
                prop_assert_eq!(read.is_some(), short, "{:?} at {}", text, start);
                if let Some(t) = read {
                    prop_assert_eq!(t, word, "{:?} at {}", text, start);
                    prop_assert_eq!(fast.pos, slow.pos);
                }
            }
        }
    }

    fn lex() -> Lexicon {
        Lexicon::new([
            ("said", Lists(1)),
            ("mr", Lists(2)),
            ("went on", Lists(1)),
            ("zoë", Lists(4)),
            ("said", Lists(8)),
        ])
    }

    fn words<'a>(text: &'a str, lex: &'a Lexicon) -> Vec<(&'a str, Class, WordId)> {
        Scanner::new(text, lex)
            .map(|t| (t.of(text), t.class, t.word))
            .collect()
    }

    #[test]
    fn a_token_is_twelve_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
    }

    #[test]
    fn words_and_marks_with_their_classes() {
        let lex = lex();
        let text = "“Fine,” Mr. J. Lund SAID\n—don't 2026 Zoë";
        let toks = words(text, &lex);
        let texts: Vec<&str> = toks.iter().map(|t| t.0).collect();
        assert_eq!(
            texts,
            [
                "“", "Fine", ",", "”", "Mr", ".", "J", ".", "Lund", "SAID", "—", "don", "'", "t",
                "2026", "Zoë"
            ]
        );
        let class = |i: usize| toks[i].1;
        assert!(class(0).has(Class::MARK | Class::QUOTE_OPEN | Class::SPACE_BEFORE));
        assert!(!class(0).any(Class::QUOTE_CLOSE));
        assert!(class(1).has(Class::WORD | Class::CAPITALISED | Class::ASCII));
        assert!(!class(1).any(Class::SPACE_BEFORE | Class::ALL_CAPS | Class::LOWER));
        assert!(class(3).has(Class::QUOTE_CLOSE) && !class(3).any(Class::QUOTE_OPEN));
        assert!(class(5).has(Class::SENTENCE_END));
        assert!(class(6).has(Class::INITIAL | Class::ALL_CAPS | Class::SPACE_BEFORE));
        assert!(!class(4).any(Class::INITIAL), "two letters are no initial");
        assert!(class(9).has(Class::ALL_CAPS | Class::CAPITALISED));
        assert!(class(10).has(Class::DASH | Class::NEWLINE_BEFORE | Class::SPACE_BEFORE));
        assert!(class(12).has(Class::APOSTROPHE) && !class(12).any(Class::SPACE_BEFORE));
        assert!(class(13).has(Class::LOWER));
        assert!(class(14).has(Class::NUMBER | Class::LOWER));
        assert!(class(15).has(Class::WORD | Class::CAPITALISED) && !class(15).any(Class::ASCII));
        // Ids: "SAID" and "Mr" are found lower-cased, "Zoë" by its
        // lower-case form, marks and unknown words have none.
        assert_eq!(lex.lists(toks[9].2), Lists(9));
        assert_eq!(lex.lists(toks[4].2), Lists(2));
        assert_eq!(lex.lists(toks[15].2), Lists(4));
        assert_eq!(toks[8].2, WordId::UNKNOWN);
        assert_eq!(toks[0].2, WordId::UNKNOWN);
    }

    #[test]
    fn a_phrase_is_looked_up_by_its_bytes() {
        let lex = lex();
        assert!(lex.on(b"went on", Lists(1)));
        assert!(!lex.on(b"went", Lists(1)));
        assert!(!lex.on(b"went on", Lists(2)));
        assert_eq!(lex.len(), 4, "a word given twice is one entry");
        assert_eq!(lex.key(lex.id(b"mr")), Some(&b"mr"[..]));
    }

    #[test]
    fn a_padded_key_ignores_what_follows_it() {
        let lex = lex();
        let mut key = [b'x'; Lexicon::MAX_KEY];
        key[..4].copy_from_slice(b"said");
        assert!(lex.on_padded(&key, 4, Lists(1)));
        assert!(!lex.on_padded(&key, 4, Lists(2)));
        assert!(!lex.on_padded(&key, 5, Lists(1)));
        assert!(!lex.on_padded(&key, 0, Lists(1)));
        key[..7].copy_from_slice(b"went on");
        assert!(lex.on_padded(&key, 7, Lists(1)));
    }

    #[test]
    fn a_lexicon_grows_past_its_first_table() {
        let words: Vec<&'static str> = (0..3000)
            .map(|i| &*Box::leak(format!("w{i}").into_boxed_str()))
            .collect();
        let lex = Lexicon::new(words.iter().map(|&w| (w, Lists(1 << (w.len() % 3)))));
        assert_eq!(lex.len(), 3000);
        for w in &words {
            assert_eq!(
                lex.lists(lex.id(w.as_bytes())),
                Lists(1 << (w.len() % 3)),
                "{w}"
            );
        }
        assert_eq!(lex.id(b"w3000"), WordId::UNKNOWN);
        assert_eq!(lex.id(b""), WordId::UNKNOWN);
    }

    #[test]
    fn keys_of_one_opening_and_length_do_not_cluster() {
        // 676 invented keys of four bytes that all open with "qx": the low
        // bits of their hash are alike, so a probe that started there
        // would pass hundreds of slots; from the top bits, a step or two.
        let keys: Vec<&'static str> = (b'a'..=b'z')
            .flat_map(|x| (b'a'..=b'z').map(move |y| [b'q', b'x', x, y]))
            .map(|k| &*String::from_utf8(k.to_vec()).unwrap().leak())
            .collect();
        let lex = Lexicon::new(keys.iter().map(|&k| (k, Lists(1))));
        let mut steps = 0;
        for &k in &keys {
            let id = lex.id(k.as_bytes());
            assert_eq!(lex.key(id), Some(k.as_bytes()));
            let mut h = lex.start(hash(&pad(k.as_bytes()), k.len()));
            steps += 1;
            while lex.slots[h] != id.0 {
                h = (h + 1) & lex.mask;
                steps += 1;
            }
        }
        assert!(
            steps < 2 * keys.len(),
            "{steps} steps for {} keys",
            keys.len()
        );
    }

    #[test]
    fn long_words_have_no_id() {
        let long: &'static str = Box::leak("a".repeat(40).into_boxed_str());
        let lex = Lexicon::new([(long, Lists(1)), ("said", Lists(1))]);
        let text = format!("{long} said {}", "b".repeat(33));
        let toks: Vec<Token> = Scanner::new(&text, &lex).collect();
        assert_eq!(toks.len(), 3);
        assert_eq!(toks[0].word, WordId::UNKNOWN);
        assert_ne!(toks[1].word, WordId::UNKNOWN);
        assert_eq!(toks[2].word, WordId::UNKNOWN);
    }

    #[test]
    fn a_buffer_is_reused() {
        let lex = lex();
        let mut buf = TokenBuf::new();
        let long = "word ".repeat(100);
        assert_eq!(buf.fill(&long, &lex).unwrap().len(), 100);
        let cap = buf.capacity();
        assert_eq!(buf.fill("two words", &lex).unwrap().len(), 2);
        assert_eq!(buf.fill(&long, &lex).unwrap().len(), 100);
        assert_eq!(
            buf.capacity(),
            cap,
            "no new allocation for a text it held before"
        );
        assert_eq!(buf.fill("", &lex).unwrap().len(), 0);
        assert!(buf.tokens().is_empty());
    }

    proptest! {
        /// A key read eight bytes at a time is the word lower-cased and
        /// zero-padded, wherever it stands in the text.
        #[test]
        fn ascii_keys_are_the_lower_cased_words(
            text in "[a-zA-Z0-9_@\\[`{]{0,8}",
            word in "[a-zA-Z0-9_]{1,32}",
            tail in "[a-zA-Z0-9_ ]{0,9}",
        ) {
            let all = format!("{text}{word}{tail}");
            let lower = word.to_ascii_lowercase();
            let upper = word.bytes().any(|c| c.is_ascii_uppercase());
            prop_assert_eq!(
                ascii_key(all.as_bytes(), text.len(), word.len(), upper),
                pad(lower.as_bytes())
            );
        }

        /// The scanner's filter, asked with the bytes of a word as the text
        /// writes it (any case), lets through every key put in: each word
        /// has the id that a look-up of its lower-cased key finds.
        #[test]
        fn the_scanner_finds_every_key_put_in(
            words in proptest::collection::vec("[a-dA-D0-9_]{1,34}", 1..30),
        ) {
            let keys: Vec<&'static str> = words
                .iter()
                .map(|w| &*Box::leak(w.to_ascii_lowercase().into_boxed_str()))
                .collect();
            let lex = Lexicon::new(keys.iter().map(|&k| (k, Lists(1))));
            let text = words.join(" ");
            let tokens: Vec<Token> = Scanner::new(&text, &lex).collect();
            prop_assert_eq!(tokens.len(), keys.len());
            for (t, k) in tokens.iter().zip(&keys) {
                prop_assert_eq!(t.word, lex.id(k.as_bytes()), "{:?}", k);
                prop_assert_eq!(t.word != WordId::UNKNOWN, k.len() <= Lexicon::MAX_KEY);
            }
        }

        /// The unrolled hash and compare of a key's words are the fold
        /// and the word-by-word compare of the words it fills, whatever
        /// its words hold past them.
        #[test]
        fn unrolled_hash_and_compare_are_the_loops(
            a in proptest::array::uniform4(0u64..4),
            b in proptest::array::uniform4(0u64..4),
            len in 0usize..=Lexicon::MAX_KEY + 1,
        ) {
            prop_assert_eq!(hash(&a, len), hash_fold(&a, len));
            let n = len.div_ceil(8);
            prop_assert_eq!(
                same_words(&a, &b, n),
                a.iter().zip(&b).take(n).all(|(x, y)| x == y)
            );
        }

        /// A look-up finds exactly the keys put in, with their lists, at
        /// every length up to the longest.
        #[test]
        fn lookups_find_the_keys_put_in(
            keys in proptest::collection::vec("[a-c_ ]{1,33}", 0..40),
            probes in proptest::collection::vec("[a-c_ ]{0,33}", 0..40),
        ) {
            let keys: Vec<&'static str> =
                keys.into_iter().map(|k| &*Box::leak(k.into_boxed_str())).collect();
            let lex = Lexicon::new(keys.iter().map(|&k| (k, Lists(1 << (k.len() % 5)))));
            let mut want: std::collections::HashMap<&[u8], Lists> = Default::default();
            for k in &keys {
                if k.len() <= Lexicon::MAX_KEY {
                    *want.entry(k.as_bytes()).or_default() =
                        want.get(k.as_bytes()).copied().unwrap_or_default()
                            | Lists(1 << (k.len() % 5));
                }
            }
            for p in probes.iter().map(String::as_str).chain(keys.iter().copied()) {
                let id = lex.id(p.as_bytes());
                prop_assert_eq!(lex.lists(id), want.get(p.as_bytes()).copied().unwrap_or_default());
                if id != WordId::UNKNOWN {
                    prop_assert_eq!(lex.key(id), Some(p.as_bytes()));
                }
            }
        }
    }

    /// The tokens a char at a time: the reference the scanner is held to.
    fn reference(text: &str) -> Vec<(usize, usize, bool)> {
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c.is_alphanumeric();
        let mut out = Vec::new();
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if is_space(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            if word(c) {
                while let Some(&(j, d)) = it.peek() {
                    if !word(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
            }
            out.push((i, end, word(c)));
        }
        out
    }

    proptest! {
        #[test]
        fn tokens_are_the_reference_split(
            text in "([ a-zA-Z0-9_.,'’“”\n\t—-]|_{8,20}|\u{feff}|\u{200b}|é|É|ß|Σ|一|\u{a0}|\u{2028}|\u{301}){0,40}"
        ) {
            let lex = lex();
            let toks: Vec<Token> = Scanner::new(&text, &lex).collect();
            let got: Vec<(usize, usize, bool)> =
                toks.iter().map(|t| (t.start as usize, t.end(), t.is_word())).collect();
            prop_assert_eq!(got, reference(&text));
            let mut prev_end = 0;
            for t in &toks {
                // Every token slices the text, in order, without overlap;
                // the space bit says whether white space is between.
                let s = t.of(&text);
                prop_assert!(!s.is_empty());
                let gap = &text[prev_end..t.start as usize];
                prop_assert!(gap.chars().all(is_space));
                prop_assert_eq!(t.class.has(Class::SPACE_BEFORE), !gap.is_empty() || prev_end == 0);
                prop_assert_eq!(t.class.has(Class::NEWLINE_BEFORE), gap.chars().any(is_newline));
                prop_assert_eq!(t.class.has(Class::ASCII), s.is_ascii());
                if t.is_word() {
                    prop_assert_eq!(t.class.has(Class::LOWER), !s.chars().any(char::is_uppercase));
                    prop_assert_eq!(
                        t.class.has(Class::NUMBER),
                        s.bytes().all(|b| b.is_ascii_digit())
                    );
                    prop_assert_eq!(
                        t.class.has(Class::ALL_CAPS),
                        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
                    );
                    prop_assert_eq!(
                        t.class.has(Class::CAPITALISED),
                        s.chars().next().is_some_and(char::is_uppercase)
                    );
                    let lower: String = s.chars().flat_map(char::to_lowercase).collect();
                    prop_assert_eq!(t.word, lex.id(lower.as_bytes()));
                } else {
                    prop_assert_eq!(s.chars().count(), 1);
                    prop_assert_eq!(t.word, WordId::UNKNOWN);
                }
                prev_end = t.end();
            }
        }
    }
}
