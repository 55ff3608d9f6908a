//! Lines → blocks: the units that get a role.
//!
//! Text comes in three shapes, often mixed in one file:
//! - paragraphs separated by blank lines;
//! - one paragraph per line with no blank lines (scraper dumps);
//! - hard-wrapped paragraphs, lines broken at a fixed width inside a paragraph.
//!
//! A block is a run of lines that belong together. Blank lines always end a
//! block. Inside a run of non-blank lines, a line break is a paragraph break
//! unless the text is hard-wrapped and the next line's first word would not
//! have fitted on the line before it — the test every wrapping program
//! applies, run backwards. Line endings may be LF, CRLF or CR. Offsets are
//! bytes of the original input; no text is copied until a block is folded.

use std::cell::RefCell;
use std::collections::BTreeMap;

use memchr::memchr2;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::markup::{self, Style};
use crate::span::Span;
use crate::text::{
    self, fold_into, fold_lines_into, is_ascii_space, is_folded, is_space, trimmed, wide_char,
};

/// One non-blank line, trimmed of surrounding white space: made as the
/// input is read, one at a time, never held in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Line {
    /// The trimmed line.
    span: Span,
    /// True when a blank line (or the start of input) comes before it.
    after_blank: bool,
    /// True when the line starts with more visible white space than the
    /// page's common left margin (a paragraph indent); a leading zero-width
    /// space or stray BOM is none.
    indented: bool,
    /// True when the line starts left of the common margin (lynx puts its
    /// top headings there).
    outdented: bool,
    /// Leading white space in display columns (tab stops every 8).
    indent: usize,
    /// The converter's marks that open or close the line, or make it a
    /// rule.
    marks: Marks,
    /// The line is plain: printable ASCII and common narrow chars
    /// ([`narrow`]) with single spaces between them, so its own fold
    /// ([`crate::text::is_folded`]); the walk that found its end measured
    /// its widths then.
    plain: bool,
    /// The line's widths in columns and in chars (saturated: see
    /// [`saturated`]) when they are known: a plain line's, or a line's
    /// that pass 1 measured ([`widths`]) and recorded.
    widths: Option<[u8; 2]>,
    /// A plain line's words as [`crate::text::block_words`] counts them
    /// (saturated at 255), counted by the walk that found its end; 0 for
    /// a line that is not plain.
    words: u8,
}

/// Blocks per entry of [`Packed::chunks`].
const CHUNK: usize = 64;

/// Increasing offsets under 4 GiB in about a byte each: the offsets are
/// cut into groups that each span at most 255 bytes from their first
/// offset (the base), and each offset keeps only its distance from its
/// group's base. A group spans more than 255 bytes of the input or ends
/// it, so there are at most `len / 256 + 1` groups of 8 bytes: a text of
/// 3-byte lines keeps about 1.1 bytes a block, not 4. The group of an
/// offset is found among the few that the index of every 64th offset
/// leaves (a binary search over at most 65 groups).
#[derive(Debug, Clone, Default)]
struct Packed {
    /// Each offset less its group's base.
    low: Vec<u8>,
    /// The index of each group's first offset.
    firsts: Vec<u32>,
    /// Each group's base.
    bases: Vec<u32>,
    /// The group of every 64th offset.
    chunks: Vec<u32>,
}

impl Packed {
    fn with_capacity(n: usize) -> Packed {
        Packed {
            low: Vec::with_capacity(n),
            ..Packed::default()
        }
    }

    /// Add `at`, at least the last offset and under 4 GiB; the list has
    /// fewer than 4 Gi offsets (one a byte of such an input at most).
    fn push(&mut self, at: u32) {
        let i = self.low.len();
        let base = match self.bases.last() {
            Some(&b) if at - b <= u32::from(u8::MAX) => b,
            _ => {
                self.firsts.push(i as u32);
                self.bases.push(at);
                at
            }
        };
        if i.is_multiple_of(CHUNK) {
            self.chunks.push(self.bases.len() as u32 - 1);
        }
        self.low.push((at - base) as u8);
    }

    fn get(&self, i: usize) -> usize {
        let c = i / CHUNK;
        let lo = self.chunks[c] as usize;
        let hi = self
            .chunks
            .get(c + 1)
            .map_or(self.bases.len(), |&g| g as usize + 1);
        // The last group of those whose first offset is at or before `i`
        // (block `c * 64` is in group `lo`, so there is one).
        let g = lo + self.firsts[lo..hi].partition_point(|&f| f as usize <= i) - 1;
        self.bases[g] as usize + usize::from(self.low[i])
    }

    fn shrink_to_fit(&mut self) {
        self.low.shrink_to_fit();
        self.firsts.shrink_to_fit();
        self.bases.shrink_to_fit();
        self.chunks.shrink_to_fit();
    }
}

/// Lines shorter than this on average make a text of many small pieces
/// (one-word lines, numbered lists, a column of marks), whose block starts
/// are [`Packed`]; prose and web pages keep plain `u32`s.
const DENSE_LINE: usize = 16;

/// Block starts: `u32`s while the input is under 4 GiB, or about a byte
/// each ([`Packed`]) when its lines are short enough that four bytes a
/// block would outweigh the text (3-byte lines: 4 bytes a start against
/// 1.1). Packed starts cost a short search to read, about 20 instructions
/// a byte on the real corpora had every text used them, so text of
/// ordinary lines does not.
#[derive(Debug, Clone)]
enum Starts {
    Small(Vec<u32>),
    Packed(Packed),
    Large(Vec<usize>),
}

impl Starts {
    /// For `n` lines of an input of `len` bytes; `small` when it is under
    /// 4 GiB.
    fn with_capacity(small: bool, n: usize, len: usize) -> Starts {
        if !small {
            Starts::Large(Vec::with_capacity(n))
        } else if n.saturating_mul(DENSE_LINE) > len {
            Starts::Packed(Packed::with_capacity(n))
        } else {
            Starts::Small(Vec::with_capacity(n))
        }
    }

    fn push(&mut self, at: usize) {
        match self {
            // `at` is at most the input's length, which fits.
            Starts::Small(v) => v.push(at as u32),
            Starts::Packed(v) => v.push(at as u32),
            Starts::Large(v) => v.push(at),
        }
    }

    #[inline]
    fn get(&self, i: usize) -> usize {
        match self {
            Starts::Small(v) => v[i] as usize,
            Starts::Packed(v) => v.get(i),
            Starts::Large(v) => v[i],
        }
    }

    fn shrink_to_fit(&mut self) {
        match self {
            Starts::Small(v) => v.shrink_to_fit(),
            Starts::Packed(v) => v.shrink_to_fit(),
            Starts::Large(v) => v.shrink_to_fit(),
        }
    }
}

/// The block is a heading written as markup or set left of the margin.
const HEADING: u8 = 1;
/// The block is a list item.
const ITEM: u8 = 2;
/// The block's folded text is its raw bytes (one line, single spaces, no
/// markup): read in place, never folded again.
const PLAIN: u8 = 4;
/// The flag bits from this one up hold the length of the white space
/// between the block and the next (or the end of the input), up to
/// [`GAP_UNKNOWN`]: the block's end is then known without reading it.
const GAP_SHIFT: u32 = 3;
/// The white space after the block is this long or longer: its end is
/// found by reading back over it.
const GAP_UNKNOWN: u8 = 0xff >> GAP_SHIFT;

/// The blocks of a text without the text: runs of lines that form one
/// unit of the article, kept compact (a text of millions of one-word lines
/// has millions of blocks): each is its start (about a byte, [`Packed`])
/// and a byte of flags. Its end is where the white space before the next block starts
/// (nothing but white space stands between two blocks), and its text is
/// folded from the input when it is asked for, unless it is its raw bytes.
/// Every method takes the input the blocks were cut from; [`Blocks`] pairs
/// them.
#[derive(Debug, Clone)]
pub struct BlockSpans {
    starts: Starts,
    flags: Vec<u8>,
    /// Each block's words as [`text::block_words`] counts them in its
    /// text, up to 254; 255 for 255 or more (the text is counted when
    /// asked). Counted as the block is cut: by the walk that found the
    /// ends of its lines where they are plain and its text is their
    /// words joined by spaces, else from the text folded then.
    words: Vec<u8>,
    style: Style,
    /// The folded texts of the blocks that are not their raw bytes, each
    /// folded once as the block is cut (see [`Folded`]).
    folded: Folded,
}

impl Default for BlockSpans {
    fn default() -> BlockSpans {
        BlockSpans {
            starts: Starts::Small(Vec::new()),
            flags: Vec::new(),
            words: Vec::new(),
            style: Style::default(),
            folded: Folded::default(),
        }
    }
}

impl BlockSpans {
    /// How many blocks.
    #[inline]
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    /// No blocks at all.
    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    /// Block `i`: from the first char of its first line to the last of its
    /// last line.
    #[inline]
    pub fn span(&self, input: &str, i: usize) -> Span {
        // Most blocks: starts kept as `u32`s and the white space after the
        // block short enough for its flags, read in a few loads without a
        // call (the readers of every block ask for its span, some 100,000
        // times on 4 MB of articles); the others by [`BlockSpans::span_of`].
        if let Starts::Small(v) = &self.starts {
            let gap = self.flags[i] >> GAP_SHIFT;
            if gap < GAP_UNKNOWN {
                let next = v.get(i + 1).map_or(input.len(), |&n| n as usize);
                let span = Span {
                    start: v[i] as usize,
                    end: next - usize::from(gap),
                };
                debug_assert_eq!(span, self.span_of(input, i));
                return span;
            }
        }
        self.span_of(input, i)
    }

    /// [`BlockSpans::span`] of any block, whatever its starts are kept as
    /// and however long the white space after it is.
    #[inline(never)]
    fn span_of(&self, input: &str, i: usize) -> Span {
        let start = self.starts.get(i);
        let next = if i + 1 < self.flags.len() {
            self.starts.get(i + 1)
        } else {
            input.len()
        };
        let gap = self.flags[i] >> GAP_SHIFT;
        let end = if gap < GAP_UNKNOWN {
            next - usize::from(gap)
        } else {
            start + trimmed_len(&input[start..next])
        };
        debug_assert_eq!(end, start + trimmed_len(&input[start..next]));
        Span { start, end }
    }

    /// The text of block `i`, with line breaks and white space runs folded
    /// to one space and converter markup removed (see [`crate::markup`]):
    /// the input itself when that is the same, else folded into `scratch`.
    #[inline(always)]
    pub fn text<'s>(&'s self, input: &'s str, i: usize, scratch: &'s mut String) -> &'s str {
        // A block that is its raw bytes is its span, read in place (the
        // structure's rules ask for every block's text, some 100,000
        // times on 4 MB of articles); a kept text is read without the
        // block's end being looked for. Both are read where they are
        // asked, without a call (the release build had called
        // `text_in_place` from `text`, which `assign` called: some 115
        // instructions a text, where 70 do now); the fold of a text not
        // kept stays out of line.
        if let Some(t) = self.text_in_place(input, i) {
            return t;
        }
        self.fold_text(input, self.span(input, i), scratch)
    }

    /// [`BlockSpans::text`] of a block at `span` whose text is not kept:
    /// folded into `scratch`.
    #[inline(never)]
    fn fold_text<'s>(&self, input: &str, span: Span, scratch: &'s mut String) -> &'s str {
        scratch.clear();
        block_text_into(input, span, self.style, scratch);
        scratch
    }

    /// [`BlockSpans::text`] of block `i` when it needs no scratch: its raw
    /// bytes, or a text kept when the block was cut.
    #[inline(always)]
    pub fn text_in_place<'s>(&'s self, input: &'s str, i: usize) -> Option<&'s str> {
        if self.flags[i] & PLAIN != 0 {
            return Some(self.span(input, i).of(input));
        }
        self.folded.get(i)
    }

    /// [`BlockSpans::text`] of block `i` whose span the caller has already
    /// (`span` is [`BlockSpans::span`]`(input, i)`): its end is not looked
    /// for again. Inlined as [`BlockSpans::text`] is: the JSON asks for
    /// the text of every block it writes.
    #[inline(always)]
    pub fn text_at<'s>(
        &'s self,
        input: &'s str,
        i: usize,
        span: Span,
        scratch: &'s mut String,
    ) -> &'s str {
        debug_assert_eq!(span, self.span(input, i));
        if self.flags[i] & PLAIN != 0 {
            return span.of(input);
        }
        if let Some(t) = self.folded.get(i) {
            return t;
        }
        self.fold_text(input, span, scratch)
    }

    /// The text of block `i` as a string of its own.
    fn text_owned(&self, input: &str, i: usize) -> String {
        if self.flags[i] & PLAIN != 0 {
            return self.span(input, i).of(input).to_string();
        }
        if let Some(t) = self.folded.get(i) {
            return t.to_string();
        }
        block_text(input, self.span(input, i), self.style)
    }

    /// Is the block about to be pushed at `span` its own text (one trimmed
    /// line that folds to itself)? When it is not, its folded text is
    /// kept in [`Folded`] while the budget lasts, so that it is folded
    /// once for every reader; `one_line` says the span is one line, and
    /// `plain_line` that it is a plain line whose walk counted `walked`
    /// words. With the answer, the block's words ([`text::block_words`]
    /// of its text).
    fn fold_new(
        &mut self,
        input: &str,
        span: Span,
        one_line: bool,
        (plain_line, walked): (bool, usize),
        scratch: &mut String,
    ) -> (bool, usize) {
        let i = self.flags.len();
        let line = span.of(input);
        // The words of a block that is its line: the walk's when it was
        // plain.
        let own_words = || {
            if plain_line {
                walked
            } else {
                text::block_words(line)
            }
        };
        if one_line {
            // A plain line ([`Line::plain`]) has no white space to fold
            // and no byte [`folds_to_itself`] stops at but the marks. A
            // list item's star before it (`* Home`, a converter's menu)
            // is kept as it is: [`markup::clean`] keeps a lone star, so
            // only the words after it are read for marks. A plain line is
            // its own fold, so only a heading's `#` first, a quoting `>`
            // first or a mark the rules act on can change it
            // ([`markup::folded_may_change`]): a `#` or `>` inside it
            // (`Gate 9 > Pier 4`) would go the long way below and come
            // back its own text.
            let own = if plain_line {
                let body = line.strip_prefix("* ").unwrap_or(line);
                body.as_bytes().first() != Some(&b'>')
                    && !markup::folded_may_change(body.as_bytes())
            } else {
                folds_to_itself(line)
            };
            if own {
                return (true, own_words());
            }
            if markup::quote_prefix(line) == 0 && (plain_line || is_folded(line)) {
                // Known without folding: the line's text is its clean
                // words ([`fold_lines`] would copy it as it is), and a
                // plain line's words once cleaned are known from its
                // walk's most times ([`markup::clean_folded_words`]).
                return match markup::clean_folded_words(line, self.style, walked, scratch) {
                    Some(known) if !scratch.is_empty() => {
                        let c = scratch.as_str();
                        self.folded
                            .keep(Folded::budget(input.len()), input.len(), i, c);
                        let words = match known {
                            Some(words) if plain_line => words,
                            _ => text::block_words(c),
                        };
                        debug_assert_eq!(saturated(words), saturated(text::block_words(c)));
                        (false, words)
                    }
                    _ => (true, own_words()),
                };
            }
        }
        scratch.clear();
        block_text_into(input, span, self.style, scratch);
        let words = text::block_words(scratch);
        if one_line && scratch.as_str() == line {
            return (true, words);
        }
        self.folded
            .keep(Folded::budget(input.len()), input.len(), i, scratch);
        (false, words)
    }
}

impl BlockSpans {
    /// Keep `text`, the folded lines of the block about to be pushed
    /// (several lines, so never its raw bytes), once its markup is
    /// removed, and give its words: `walked`, those its walks counted in
    /// its plain lines, while the markup's removal leaves them known
    /// ([`markup::clean_folded_words`]), made in `scratch`.
    fn keep_joined(
        &mut self,
        input: &str,
        text: &str,
        walked: usize,
        scratch: &mut String,
    ) -> usize {
        debug_assert!(is_folded(text));
        // A block that is only markup keeps its text as written (see
        // [`clean_in_place`]). The clean text is kept from where it was made:
        // `text` is the buffer the next block's lines are joined in, and
        // keeps its room.
        let (kept, words) = match markup::clean_folded_words(text, self.style, walked, scratch) {
            Some(known) if !scratch.is_empty() => (
                scratch.as_str(),
                known.unwrap_or_else(|| text::block_words(scratch)),
            ),
            _ => (text, walked),
        };
        debug_assert_eq!(saturated(words), saturated(text::block_words(kept)));
        self.folded.keep(
            Folded::budget(input.len()),
            input.len(),
            self.flags.len(),
            kept,
        );
        words
    }
}

/// Folded block texts, each kept once: every reader of a block that is
/// not its raw bytes (the structure's rules, the paragraphs' counts, the
/// JSON) reads it here rather than fold it again. The texts are kept
/// while they and their index (8 bytes a text) fit a budget: 4 MiB
/// ([`FOLDED_FLOOR`]: every real article's), or a quarter of a longer
/// text (a 100 MB article keeps 25 MB at most); a block past the budget
/// is folded each time it is read.
#[derive(Debug, Clone, Default)]
struct Folded {
    /// The texts, one after another.
    text: String,
    /// Where each kept text ends in `text`, in the order of the blocks.
    ends: Vec<u32>,
    /// A bit a block, up to the last block kept: set when its text is
    /// kept. A kept block's text is then found without a search: its rank
    /// is the texts kept before its group of 64 blocks and the bits set
    /// before its own.
    kept: Vec<u64>,
    /// How many texts are kept before each group of 64 blocks of `kept`.
    before: Vec<u32>,
}

/// Bytes of folded text (and index) kept whatever the input's size.
const FOLDED_FLOOR: usize = 4 << 20;

impl Folded {
    /// The most bytes kept for an input of `len` bytes.
    fn budget(len: usize) -> usize {
        FOLDED_FLOOR.max(len / 4).min(u32::MAX as usize)
    }

    /// Keep `text` as block `i`'s (blocks are kept in increasing order),
    /// when it fits `budget` bytes with the texts kept before it. The
    /// first text kept makes room for `room` bytes of them (the input's
    /// length: texts are never longer than their blocks), so the string
    /// is not copied as it grows.
    fn keep(&mut self, budget: usize, room: usize, i: usize, text: &str) {
        let used = self.text.len() + 8 * self.ends.len();
        let (Ok(i), Ok(end)) = (
            u32::try_from(i),
            u32::try_from(self.text.len() + text.len()),
        ) else {
            return;
        };
        if used + text.len() + 8 > budget {
            return;
        }
        let (group, bit) = (i as usize / 64, 1u64 << (i % 64));
        debug_assert!(self.kept.len() <= group + 1);
        debug_assert!(self.kept.get(group).is_none_or(|&w| w < bit));
        while self.kept.len() <= group {
            self.before.push(self.ends.len() as u32);
            self.kept.push(0);
        }
        self.kept[group] |= bit;
        if self.text.capacity() == 0 {
            self.text.reserve_exact(room.min(budget));
            // The index too, for a text kept every 64 bytes of the input
            // and its groups: a sixteenth of the input at most, where
            // lists grown by doubling copy themselves a few times an
            // article.
            self.ends.reserve(room.min(budget) / 64 + 1);
            self.kept.reserve(room.min(budget) / 4096 + 1);
            self.before.reserve(room.min(budget) / 4096 + 1);
        }
        self.text.push_str(text);
        self.ends.push(end);
    }

    /// Block `i`'s kept text, if it is kept: read where it is asked for
    /// (no call), every reader of a block's text asks.
    #[inline(always)]
    fn get(&self, i: usize) -> Option<&str> {
        let (group, bit) = (i / 64, 1u64 << (i % 64));
        let word = *self.kept.get(group)?;
        if word & bit == 0 {
            return None;
        }
        let k = self.before[group] as usize + (word & (bit - 1)).count_ones() as usize;
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        Some(&self.text[start..self.ends[k] as usize])
    }
}

/// The blocks of a text ([`BlockSpans`]) with the text.
#[derive(Debug, Clone)]
pub struct Blocks<'a> {
    input: &'a str,
    spans: BlockSpans,
    /// The wrap width when the text was judged hard-wrapped.
    pub wrap_width: Option<usize>,
    /// The common left margin in columns (lynx indents every line by 3).
    pub margin: usize,
}

impl<'a> Blocks<'a> {
    /// How many blocks.
    #[inline]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// No blocks at all.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The input the blocks index.
    #[inline]
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The blocks without the input.
    pub fn into_spans(self) -> BlockSpans {
        self.spans
    }

    /// Block `i`: from the first char of its first line to the last of its
    /// last line.
    #[inline]
    pub fn span(&self, i: usize) -> Span {
        self.spans.span(self.input, i)
    }

    /// The text of block `i` (see [`BlockSpans::text`]).
    #[inline(always)]
    pub fn text<'s>(&'s self, i: usize, scratch: &'s mut String) -> &'s str {
        self.spans.text(self.input, i, scratch)
    }

    /// [`Blocks::text`] of block `i` when it needs no scratch: its raw
    /// bytes, or a text kept when the block was cut.
    #[inline]
    pub fn text_in_place(&self, i: usize) -> Option<&str> {
        self.spans.text_in_place(self.input, i)
    }

    /// [`Blocks::text`] of block `i`, whose span is `span` (see
    /// [`BlockSpans::text_at`]).
    #[inline(always)]
    pub fn text_at<'s>(&'s self, i: usize, span: Span, scratch: &'s mut String) -> &'s str {
        self.spans.text_at(self.input, i, span, scratch)
    }

    /// Block `i`'s words as [`text::block_words`] counts them in its text
    /// ([`Blocks::text`]), counted as the block was cut; `None` for 255
    /// or more (count the text).
    #[inline]
    pub fn words(&self, i: usize) -> Option<usize> {
        let w = self.spans.words[i];
        (w < u8::MAX).then_some(usize::from(w))
    }

    /// The text of block `i` as a string of its own.
    pub fn text_owned(&self, i: usize) -> String {
        self.spans.text_owned(self.input, i)
    }

    /// Every block's text (for tests and tools: it holds them all).
    pub fn texts(&self) -> Vec<String> {
        (0..self.len()).map(|i| self.text_owned(i)).collect()
    }

    /// The block is a heading written as markup (`## Title`,
    /// `*** Title ***`) or set left of the page margin.
    #[inline]
    pub fn heading(&self, i: usize) -> bool {
        self.spans.flags[i] & HEADING != 0
    }

    /// The block is a list item (`* `, `• `, `- `).
    #[inline]
    pub fn item(&self, i: usize) -> bool {
        self.spans.flags[i] & ITEM != 0
    }
}

/// The length of `s` without its trailing white space (as [`is_space`]
/// sees it), read byte by byte: a char from 0x80 by its bytes
/// ([`wide_char`]).
fn trimmed_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 {
        let x = b[end - 1];
        if x < 0x80 {
            if !is_ascii_space(x) {
                break;
            }
            end -= 1;
        } else {
            // Back over the continuation bytes to the char's first byte.
            let mut start = end - 1;
            while start > 0 && b[start] & 0xc0 == 0x80 {
                start -= 1;
            }
            if !wide_char(b, start).1 {
                break;
            }
            end = start;
        }
    }
    end
}

/// The lines of `input` from byte `from`, made one at a time by byte
/// loops: the line's end by a vector search, its leading white space (its
/// indent) and its trailing white space by bytes, and, when `full`, the
/// converter marks that open or close it, read only when its first or
/// last byte could be one ([`marks`]). Widths are not measured here:
/// the callers measure the few lines whose widths they read.
struct Lines<'a> {
    input: &'a str,
    pos: usize,
    after_blank: bool,
    full: bool,
    /// A line break was a lone `\r`, or white space before a line's
    /// first char held a zero-width char (U+200B, U+FEFF): the lines made
    /// so far may not be `str::lines`' non-blank lines (see
    /// [`markup::style_counted`]).
    odd: bool,
}

fn lines(input: &str, from: usize, full: bool) -> Lines<'_> {
    Lines {
        input,
        pos: from,
        after_blank: true,
        full,
        odd: false,
    }
}

/// A line as pass 1 of [`segment`] found it, kept for pass 2 so that it
/// need not look for the line's end and trim it again: its trimmed span
/// and its indent, whether a blank line comes before it in the top bit
/// of `indent`. Twelve bytes a line.
#[derive(Clone, Copy)]
struct LineRecord {
    start: u32,
    end: u32,
    /// The indent (under [`INDENT_LIMIT`]), [`Line::widths`] from bit
    /// [`WIDTHS_SHIFT`] when [`MEASURED`] is set, [`PLAIN_LINE`] and
    /// [`AFTER_BLANK`]. A plain line's widths in columns and in chars are
    /// one ([`plain_line`]): its second width byte holds its
    /// [`Line::words`] instead.
    indent: u32,
}

const AFTER_BLANK: u32 = 1 << 31;
/// The line is plain ([`Line::plain`]).
const PLAIN_LINE: u32 = 1 << 30;
/// The line's widths are known, kept in the record.
const MEASURED: u32 = 1 << 29;
/// Where a line's widths stand in [`LineRecord::indent`].
const WIDTHS_SHIFT: u32 = 13;
/// Indents a record holds: a line indented deeper (eight thousand
/// columns) stops the records, and pass 2 reads it and the lines after it
/// again.
const INDENT_LIMIT: u32 = 1 << WIDTHS_SHIFT;

/// The lines pass 1 found, up to a budget ([`record_budget`]), and where
/// the lines not recorded begin: pass 2 reads the records, then reads the
/// rest of the input line by line again ([`Replay`]).
struct LineRecords {
    records: Vec<LineRecord>,
    /// Records are no longer taken (the budget is spent, or a line does
    /// not fit a record).
    full: bool,
    /// Where the first line not recorded may begin, and whether it comes
    /// after a blank line.
    resume: usize,
    resume_after_blank: bool,
}

/// How many lines pass 1 records for an input of `len` bytes: twelve
/// bytes a line, a sixteenth of the input (with a floor of 16 KiB, some
/// 1,300 lines, for articles of short lines) and 4 MiB at most, so that
/// memory stays a small share of the input whatever its shape. A text of
/// lines averaging 192 bytes or more is recorded whole; shorter lines are
/// recorded up to the budget.
fn record_budget(len: usize) -> usize {
    (len / 16).clamp(16 << 10, 4 << 20) / std::mem::size_of::<LineRecord>()
}

impl LineRecords {
    /// Room is made for the whole budget at once: it is a sixteenth of
    /// the input at most (or 16 KiB), and the pages never written are
    /// never touched, where a list grown by doubling copies itself some
    /// eight times for an article of 300 lines.
    fn new(from: usize, budget: usize) -> Self {
        LineRecords {
            records: Vec::with_capacity(budget),
            full: budget == 0,
            resume: from,
            resume_after_blank: true,
        }
    }

    /// Record `l`, after which the next line begins at `next`, while the
    /// budget lasts; once it is spent, records stop for good.
    fn push(&mut self, l: &Line, next: usize, budget: usize) {
        if self.full {
            return;
        }
        let fits = |x: usize| u32::try_from(x).ok();
        let (Some(start), Some(end), Some(indent)) = (
            fits(l.span.start),
            fits(l.span.end),
            fits(l.indent).filter(|&i| i < INDENT_LIMIT),
        ) else {
            self.full = true;
            return;
        };
        let widths = match (l.plain, l.widths) {
            (true, Some([cols, chars])) => {
                debug_assert_eq!(cols, chars);
                packed_widths([cols, l.words])
            }
            (_, widths) => widths.map_or(0, packed_widths),
        };
        let indent = indent
            | widths
            | if l.plain { PLAIN_LINE } else { 0 }
            | if l.after_blank { AFTER_BLANK } else { 0 };
        self.records.push(LineRecord { start, end, indent });
        self.resume = next;
        self.resume_after_blank = false;
        self.full = self.records.len() >= budget;
    }

    /// Keep the widths pass 1 measured of `l`, a line that is not plain,
    /// in its record, when it is the last one taken.
    fn measured(&mut self, l: &Line, widths: [u8; 2]) {
        if let Some(r) = self.records.last_mut() {
            if r.start as usize == l.span.start {
                r.indent |= packed_widths(widths);
            }
        }
    }

    /// The lines again, with their marks: the records, then the lines
    /// past them read from the input.
    fn replay(self, input: &str) -> Replay<'_> {
        Replay {
            input,
            records: self.records.into_iter(),
            rest: Lines {
                input,
                pos: self.resume,
                after_blank: self.resume_after_blank,
                full: true,
                odd: false,
            },
        }
    }
}

/// The lines of pass 2: those pass 1 recorded, then those past them.
struct Replay<'a> {
    input: &'a str,
    records: std::vec::IntoIter<LineRecord>,
    rest: Lines<'a>,
}

impl Iterator for Replay<'_> {
    type Item = Line;

    /// A recorded line is unpacked where pass 2 reads it (inlined, no
    /// call a line); the lines past the records are read by [`Lines`].
    #[inline]
    fn next(&mut self) -> Option<Line> {
        let Some(r) = self.records.next() else {
            return self.rest.next();
        };
        let span = Span::new(r.start as usize, r.end as usize);
        let marks = marks_at(self.input, span);
        let indent = (r.indent % INDENT_LIMIT) as usize;
        let widths = r.indent >> WIDTHS_SHIFT;
        let (first, second) = (widths as u8, (widths >> 8) as u8);
        let plain = r.indent & PLAIN_LINE != 0;
        let (widths, words) = if plain {
            ([first; 2], second)
        } else {
            ([first, second], 0)
        };
        Some(Line {
            span,
            after_blank: r.indent & AFTER_BLANK != 0,
            indented: indent > 0,
            outdented: false,
            indent,
            marks,
            plain,
            widths: (r.indent & MEASURED != 0).then_some(widths),
            words,
        })
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let input = self.input;
        let bytes = input.as_bytes();
        while self.pos <= bytes.len() {
            let (start, indent) = match leading(bytes, self.pos, &mut self.odd) {
                Ok(first) => first,
                Err(brk) => {
                    self.odd |= lone_cr(bytes, brk);
                    self.pos = past_break(bytes, brk);
                    self.after_blank = true;
                    continue;
                }
            };
            // A char that is no white space stands at `start`: the line
            // is walked once from it, to its end, its trimmed end and its
            // widths together; a line the walk cannot measure (a tab or
            // white space inside, a control char, a char of another
            // width) has its end found by a vector search and is trimmed
            // by the scan back.
            let (end, brk, widths, words) = match plain_line(bytes, start) {
                Some(p) => (
                    p.end,
                    p.brk,
                    Some([saturated(p.chars); 2]),
                    saturated(p.words),
                ),
                None => {
                    let brk =
                        memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |k| start + k);
                    (start + trimmed_len(&input[start..brk]), brk, None, 0)
                }
            };
            self.odd |= lone_cr(bytes, brk);
            self.pos = past_break(bytes, brk);
            let span = Span::new(start, end);
            let marks = if self.full {
                marks_at(input, span)
            } else {
                Marks::default()
            };
            let line = Line {
                span,
                after_blank: self.after_blank,
                indented: indent > 0,
                outdented: false,
                indent,
                marks,
                plain: widths.is_some(),
                widths,
                words,
            };
            self.after_blank = false;
            return Some(line);
        }
        None
    }
}

/// `widths` as [`LineRecord::indent`] keeps them.
fn packed_widths([cols, chars]: [u8; 2]) -> u32 {
    MEASURED | (u32::from(cols) | u32::from(chars) << 8) << WIDTHS_SHIFT
}

/// Is the line break at `brk` a `\r` with no `\n` after it?
fn lone_cr(bytes: &[u8], brk: usize) -> bool {
    bytes.get(brk) == Some(&b'\r') && bytes.get(brk + 1) != Some(&b'\n')
}

/// Where the next line starts after the line break at `brk` (`\n`,
/// `\r`, `\r\n`), or past the end when `brk` is the input's end.
fn past_break(bytes: &[u8], brk: usize) -> usize {
    match bytes.get(brk) {
        None => bytes.len() + 1,
        Some(b'\r') if bytes.get(brk + 1) == Some(&b'\n') => brk + 2,
        Some(_) => brk + 1,
    }
}

/// Where the first char that is no white space ([`is_space`]) stands on
/// the line from `start`, and the width of the white space before it in
/// columns: a tab to the next stop of 8, other white space one column,
/// the zero-width chars [`is_space`] adds (U+FEFF, U+200B) none. `Err`
/// with the line break's offset (or the input's end) when the line is
/// blank. `zero` is set when a zero-width char is passed.
fn leading(bytes: &[u8], mut start: usize, zero: &mut bool) -> Result<(usize, usize), usize> {
    let mut indent = 0;
    // A run of spaces (a converter's margin) eight bytes at a time: the
    // spaces that open the word are its low zero bytes once xored with
    // spaces.
    while let Some(chunk) = bytes.get(start..start + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let spaces = ((word ^ 0x2020_2020_2020_2020).trailing_zeros() / 8) as usize;
        indent += spaces;
        start += spaces;
        if spaces < 8 {
            break;
        }
    }
    while let Some(&x) = bytes.get(start) {
        if x < 0x80 {
            match x {
                b'\t' => indent = (indent / 8 + 1) * 8,
                b' ' | b'\x0b' | b'\x0c' => indent += 1,
                b'\n' | b'\r' => return Err(start),
                _ => return Ok((start, indent)),
            }
            start += 1;
        } else {
            let (len, space) = wide_char(bytes, start);
            if !space {
                return Ok((start, indent));
            }
            let zero_width =
                x == 0xef || x == 0xe2 && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x8b;
            indent += usize::from(!zero_width);
            *zero |= zero_width;
            start += len;
        }
    }
    Err(bytes.len())
}

/// The words of a plain line ([`plain_line`]) as its walk passes them,
/// as [`text::block_words`] counts them. In a plain line white space is
/// single spaces between visible chars, so its runs of chars are one
/// more than its spaces; a run is a word unless it holds no letter or
/// digit, which only a run that opens with another char can lack (`-`,
/// `...`, a dash), and only those are read, from where they open.
#[derive(Debug, Default, Clone, Copy)]
struct WordWalk {
    count: usize,
}

impl WordWalk {
    /// The first run of the line, which opens at `b[start]`: a word at
    /// once where that is an ASCII letter or digit (most lines).
    #[inline]
    fn first(b: &[u8], start: usize) -> WordWalk {
        let word = run_opens_word(b, start);
        WordWalk {
            count: usize::from(word),
        }
    }

    /// A space whose run opens at `b[at]`.
    #[inline]
    fn space(&mut self, b: &[u8], at: usize) {
        self.count += usize::from(run_opens_word(b, at));
    }

    /// The spaces of the chunk at `b[i..i + 8]` where the top bits of
    /// `spaces` are set, `next` being the eight bytes from `b[i + 1]`:
    /// each opens a run at the byte after it, a word at once where that
    /// byte is an ASCII letter (a run that opens with anything else, a
    /// digit too, is read). Every byte after a space in a plain line is
    /// printable ASCII or a char from 0x80 that is no white space; a byte
    /// from 0x80 in `next` is one past the bytes that count (or the
    /// last), and its carries reach no byte below it.
    #[inline(always)]
    fn spaces(&mut self, b: &[u8], i: usize, spaces: u64, next: u64) {
        use crate::swar::{letter_lanes, ONES};
        if spaces == 0 {
            return;
        }
        self.count += ((spaces >> 7).wrapping_mul(ONES) >> 56) as usize;
        let mut other = spaces & !letter_lanes(next);
        while other != 0 {
            let k = (other.trailing_zeros() / 8) as usize;
            self.count -= usize::from(!run_opens_word(b, i + k + 1));
            other &= other - 1;
        }
    }
}

/// [`run_has_alnum`] with the runs most lines hold told in place, from
/// their first char and the byte after it, without a call: a run that
/// opens with an ASCII letter or digit (`7th`, after a space where the
/// walk's test of letters passed it) or a Cyrillic letter of U+0400..=
/// U+047F (lead byte D0 or D1, all letters); and a run that opens with an
/// ASCII mark or a char of U+2000..=U+203F that is no white space (E2 80:
/// dashes, curly quotes, the bullet U+2022, none a letter or digit),
/// alone (the star of a list item, `* Home`) or before an ASCII letter or
/// digit (`(Tuvala`, `$5`, a curly quote before a word). Other runs are
/// read by [`run_has_alnum`], from the char after such a mark.
#[inline(always)]
fn run_opens_word(b: &[u8], at: usize) -> bool {
    let Some(&x) = b.get(at) else {
        return false;
    };
    if x.is_ascii_alphanumeric() || x == 0xd0 || x == 0xd1 {
        return true;
    }
    let mark = if x < 0x80 {
        !is_ascii_space(x)
    } else {
        x == 0xe2 && b.get(at + 1) == Some(&0x80) && !wide_char(b, at).1
    };
    if !mark {
        return run_has_alnum(b, at);
    }
    let next = at + if x < 0x80 { 1 } else { 3 };
    match b.get(next) {
        None => false,
        Some(n) if n.is_ascii_alphanumeric() => true,
        Some(&n) if is_ascii_space(n) => false,
        Some(_) => run_has_alnum(b, next),
    }
}

/// Does the run of chars that opens at `b[at]` (up to white space or
/// the end) hold a letter or digit ([`text::is_alphanumeric`])? Read up
/// to its first one: most runs open with one.
fn run_has_alnum(b: &[u8], mut at: usize) -> bool {
    while let Some(&x) = b.get(at) {
        if x < 0x80 {
            if x.is_ascii_alphanumeric() {
                return true;
            }
            if is_ascii_space(x) {
                return false;
            }
            at += 1;
            continue;
        }
        let (len, space) = wide_char(b, at);
        if space {
            return false;
        }
        if wide_alnum(b, at, len) {
            return true;
        }
        at += len;
    }
    false
}

/// The blocks of 64 chars of U+2000..=U+2FFF (E2 and a second byte from
/// 0x80: bit `second - 0x80`) that hold a letter or digit: the others
/// (punctuation, arrows, box drawing, shapes, bullets) are known from two
/// bytes, without a look-up in the tables.
const E2_ALNUM: u64 = 0x01ff_0000_600e_0076;

/// Is the char of `len` bytes from 0x80 at `b[at]` (valid UTF-8) a
/// letter or digit ([`text::is_alphanumeric`])?
fn wide_alnum(b: &[u8], at: usize, len: usize) -> bool {
    let byte = |k: usize| u32::from(b.get(at + k).copied().unwrap_or(0x80) & 0x3f);
    let lead = b[at];
    if lead == 0xe2 && E2_ALNUM & (1 << byte(1)) == 0 {
        return false;
    }
    let c = match len {
        2 => (u32::from(lead & 0x1f) << 6) | byte(1),
        3 => (u32::from(lead & 0x0f) << 12) | (byte(1) << 6) | byte(2),
        _ => (u32::from(lead & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3),
    };
    char::from_u32(c).is_some_and(text::is_alphanumeric)
}

/// The first index from `i` on where a plain line's walk must look at a
/// byte: a byte below 0x20 (a line break, a tab, a control char), DEL, a
/// byte from 0x80, or a space not followed by printable ASCII but the
/// space; or the length. Eight bytes at a time, with the byte after them.
/// The spaces passed are counted into `words`.
fn skip_plain(b: &[u8], mut i: usize, words: &mut WordWalk) -> usize {
    use crate::swar::{zero_lanes, HIGH, ONES};
    // A byte below `n` borrows in the subtraction and sets its top bit
    // there, a byte from 0x80 has it already; a borrow marks only bytes
    // above the first such byte, which is the one taken.
    let below = |v: u64, n: u64| ((v.wrapping_sub(ONES * n) & !v) | v) & HIGH;
    // DEL (0x7f) is the one byte below 0x80 that sets its top bit when
    // one is added (no byte of UTF-8 is 0xff, so no sum carries).
    let del = |v: u64| v.wrapping_add(ONES) & HIGH;
    while let Some(chunk) = b.get(i..i + 9) {
        let w = u64::from_le_bytes(chunk[..8].try_into().expect("eight bytes"));
        let next = u64::from_le_bytes(chunk[1..].try_into().expect("eight bytes"));
        // The spaces, exactly: a byte equal to 0x20 is the one whose xor
        // with it is zero (the bytes below 0x80, where no sum carries, are
        // the ones that count; a borrow would mark a byte 0x21 after one).
        let spaces = zero_lanes(w ^ (ONES * 0x20));
        let stops = below(w, 0x20) | del(w) | (spaces & below(next, 0x21));
        if stops != 0 {
            // The spaces below the first stop.
            let passed = spaces & (stops & stops.wrapping_neg()).wrapping_sub(1);
            words.spaces(b, i, passed, next);
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        words.spaces(b, i, spaces, next);
        i += 8;
    }
    let printable = |x: u8| (0x21..0x7f).contains(&x);
    while let Some(&x) = b.get(i) {
        let stop = if x == b' ' {
            !b.get(i + 1).is_some_and(|&n| printable(n))
        } else {
            !printable(x)
        };
        if stop {
            break;
        }
        if x == b' ' {
            words.space(b, i + 1);
        }
        i += 1;
    }
    i
}

/// What the walk of a plain line found ([`plain_line`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PlainLine {
    /// The trimmed end.
    end: usize,
    /// The line break, or the input's end.
    brk: usize,
    /// The width in chars (and in columns).
    chars: usize,
    /// The words, as [`crate::text::block_words`] counts them.
    words: usize,
}

/// The line whose first char, no white space, stands at `start`, walked
/// once: its trimmed end, its line break (or the input's end), its width
/// in chars and its words, when it is plain: printable ASCII and the
/// narrow chars of [`narrow`] (one column and one char each, so its width
/// in columns is its width in chars), with single spaces between them
/// and only white space past them. `None` for any other line.
fn plain_line(b: &[u8], start: usize) -> Option<PlainLine> {
    // Bytes past the first of each narrow char.
    let mut extra = 0;
    let mut words = WordWalk::first(b, start);
    let mut i = start;
    let found = |end: usize, brk: usize, extra: usize, words: WordWalk| PlainLine {
        end,
        brk,
        chars: end - start - extra,
        words: words.count,
    };
    loop {
        i = skip_plain(b, i, &mut words);
        let Some(&x) = b.get(i) else {
            return Some(found(i, i, extra, words));
        };
        match x {
            b'\n' | b'\r' => return Some(found(i, i, extra, words)),
            b' ' if b
                .get(i + 1)
                .is_some_and(|&n| n >= 0x80 && !wide_char(b, i + 1).1) =>
            {
                // A space before a char from 0x80 that is no white space.
                words.space(b, i + 1);
                i += 1;
            }
            b'\t' | b' ' | b'\x0b' | b'\x0c' => {
                return Some(found(i, only_space_to_break(b, i)?, extra, words));
            }
            0x80.. => match narrow(&b[i..]) {
                // A narrow char is no white space but the no-break space
                // (U+00A0, C2 A0): the curly quotes and accented letters
                // of most lines are passed without [`wide_char`].
                Some(len) if !(x == 0xc2 && b[i + 1] == 0xa0) => {
                    extra += len - 1;
                    i += len;
                }
                _ => {
                    if wide_char(b, i).1 {
                        return Some(found(i, only_space_to_break(b, i)?, extra, words));
                    }
                    return None;
                }
            },
            _ => return None,
        }
    }
}

/// The line break (or the input's end) that ends the white space from
/// `i`, if nothing but white space stands between them.
fn only_space_to_break(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(&x) = b.get(i) {
        match x {
            b'\n' | b'\r' => return Some(i),
            b'\t' | b' ' | b'\x0b' | b'\x0c' => i += 1,
            0x80.. => {
                let (len, space) = wide_char(b, i);
                if !space {
                    return None;
                }
                i += len;
            }
            _ => return None,
        }
    }
    Some(i)
}

/// First bytes of a line that may open with a converter's mark: quoting
/// (`>`), a label (`[`), a heading (`#`, `*`), a list item (`*`, `-`,
/// `+`, and the lead bytes of U+00B7, U+2022, U+25AA, U+25E6).
static MARK_START: [bool; 256] = {
    let mut t = [false; 256];
    let marks = *b">[#*-+\xc2\xe2";
    let mut k = 0;
    while k < marks.len() {
        t[marks[k] as usize] = true;
        k += 1;
    }
    t
};

/// Could the trimmed line `t` open with a converter's mark or close with
/// one (see [`marks`])? Read from its first char and last byte: only a
/// line that closes a heading ends with `*`.
fn may_open_or_close(t: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (t.first(), t.last()) else {
        return false;
    };
    if last == b'*' {
        return true;
    }
    if !MARK_START[usize::from(first)] {
        return false;
    }
    // Of the chars from 0x80, only the list bullets open a line.
    match first {
        0xc2 => t.get(1) == Some(&0xb7),
        0xe2 => matches!(
            t.get(1..3),
            Some([0x80, 0xa2] | [0x96, 0xaa] | [0x97, 0xa6])
        ),
        _ => true,
    }
}

/// Could the trimmed line `t` be a rule ([`markup::is_rule`]: three or
/// more of one mark, spaces between them)? Only if it ends with the char
/// it starts with, one of the marks a rule is made of.
fn may_be_rule(t: &[u8]) -> bool {
    match t {
        [first @ (b'=' | b'-' | b'*' | b'_' | b'~' | b'#'), .., last] => first == last,
        // U+2500 and U+2501 (box-drawing lines).
        [0xe2, 0x94, x @ (0x80 | 0x81), .., 0xe2, 0x94, y] => x == y,
        _ => false,
    }
}

/// [`markup::is_rule`] of the trimmed line `t`: one mark three times or
/// more, spaces between (`= = =`, a row of sixty `_`). A rule of an ASCII
/// mark is told by two counts of its bytes, which the compiler reads
/// many at a time, where the rule's own reading goes char by char (some
/// 570 instructions a row of underscores); the box-drawing rules are
/// left to it.
fn is_rule(t: &str) -> bool {
    let b = t.as_bytes();
    match b.first() {
        Some(&mark) if mark.is_ascii() => {
            let marks = b.iter().filter(|&&x| x == mark).count();
            let spaces = b.iter().filter(|&&x| x == b' ').count();
            // The line is trimmed: its first byte is no space.
            marks >= 3 && marks + spaces == b.len() && b"=-*_~#".contains(&mark)
        }
        _ => markup::is_rule(t),
    }
}

/// Does the trimmed line `t` open a block (a heading, a list item or a
/// label), close one (a heading's closing marks, a label), and is it a
/// rule? Most lines are known to be none from their first and last
/// bytes, without reading them: that test is made where the line is
/// (inlined, no call: a plain `#[inline]` left it a call a line in pass
/// 2, some 20 instructions a line to pass a `Marks` back), the marks
/// read only past it.
#[inline(always)]
fn marks(t: &str) -> Marks {
    let b = t.as_bytes();
    if !may_open_or_close(b) && !may_be_rule(b) {
        return Marks::default();
    }
    if opens_plain_item(b) {
        return Marks {
            opens: true,
            item: true,
            ..Marks::default()
        };
    }
    marks_read(t)
}

/// [`marks`] of the line at `span` of `input`: the test of its first and
/// last bytes made on the input's bytes, the line sliced as a `str` (its
/// char boundaries checked) only for the few lines past it.
#[inline(always)]
fn marks_at(input: &str, span: Span) -> Marks {
    let b = &input.as_bytes()[span.start..span.end];
    if !may_open_or_close(b) && !may_be_rule(b) {
        return Marks::default();
    }
    marks(span.of(input))
}

/// Does the trimmed line `t` open with a list item's mark and nothing
/// else of [`marks`]'? A star, dash or plus or one of the bullets of
/// [`markup::opens_item`] before a space or a tab (`* Home`, `• Sports`),
/// the line ending with neither a star (a heading's close) nor its first
/// byte (`- - -` is a rule): no quoting, no label, no heading (that takes
/// `#` or three stars), no rule (its first and last chars are one mark).
/// Told from its first bytes and its last, without the rules' reading
/// (the menus of converted pages are lines of these).
#[inline]
fn opens_plain_item(t: &[u8]) -> bool {
    let mark = match t {
        [b'*' | b'-' | b'+', ..] => 1,
        [0xc2, 0xb7, ..] => 2,
        [0xe2, 0x80, 0xa2, ..] | [0xe2, 0x96, 0xaa, ..] | [0xe2, 0x97, 0xa6, ..] => 3,
        _ => return false,
    };
    matches!(t.get(mark), Some(b' ' | b'\t')) && t.last().is_some_and(|&l| l != b'*' && l != t[0])
}

/// [`marks`] of a line whose first and last bytes could be a mark's.
#[inline(never)]
fn marks_read(t: &str) -> Marks {
    let b = t.as_bytes();
    let opens_closes = if may_open_or_close(b) {
        opens_closes(t)
    } else {
        Marks::default()
    };
    Marks {
        rule: may_be_rule(b) && is_rule(t),
        ..opens_closes
    }
}

/// A line's converter marks ([`marks`]), read once for every rule that
/// asks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    /// A mark opens the line: a heading (`## `, `*** `), a list item
    /// (`* `, `• `) or a label: it starts a block.
    opens: bool,
    /// A mark closes the line (` ***`, a label): a block ends after it.
    closes: bool,
    /// The line is only a rule or title underline (`=====`).
    rule: bool,
    /// The line opens with a heading's marks, no quoting before them.
    heading: bool,
    /// The line opens with a list item's mark, after any quoting.
    item: bool,
}

/// The marks of the trimmed line `t` that open or close a block, as the
/// markup rules read them (no rule): each rule is asked only when the
/// byte its mark must start or end with is there (a heading opens with
/// `#` or `*`, a list item with `*`, `-`, `+` or a bullet from 0x80, a
/// label with `[`; a heading closes with `*`).
fn opens_closes(t: &str) -> Marks {
    let prefix = markup::quote_prefix(t);
    let body = &t[prefix..];
    let b = body.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    let label = first == Some(b'[') && markup::is_label(body);
    // A list item's star and space (`* Home`) open no heading (that takes
    // `#` or three stars) and open an item: known from the two bytes.
    let (heading, item) = if b.starts_with(b"* ") {
        (false, true)
    } else {
        (
            matches!(first, Some(b'#' | b'*')) && markup::opens_heading(body),
            matches!(first, Some(b'*' | b'-' | b'+' | 0xc2 | 0xe2)) && markup::opens_item(body),
        )
    };
    Marks {
        opens: label || heading || item,
        closes: label || last == Some(b'*') && markup::closes_heading(body),
        rule: false,
        heading: heading && prefix == 0,
        item,
    }
}

/// [`marks`] read from the markup rules alone: the reference its gates
/// are held to.
#[cfg(test)]
fn marks_of(t: &str) -> Marks {
    let body = &t[markup::quote_prefix(t)..];
    let label = markup::is_label(body);
    Marks {
        opens: label || markup::opens_heading(body) || markup::opens_item(body),
        closes: label || markup::closes_heading(body),
        rule: markup::is_rule(t),
        heading: markup::opens_heading(t),
        item: markup::opens_item(body),
    }
}

/// A line's span, whether a blank line comes before it, its indent and
/// its marks (opens, closes, rule).
#[cfg(test)]
type LineFacts = (Span, bool, usize, Marks);

/// The lines [`lines`] makes, read by chars from the trimmed text and
/// the markup rules: the reference the byte loops are held to. Each is
/// its span, whether a blank line comes before it, its indent and its
/// marks (opens, closes, rule).
#[cfg(test)]
fn lines_by_chars(input: &str, from: usize) -> Vec<LineFacts> {
    let bytes = input.as_bytes();
    let mut pos = from;
    let mut after_blank = true;
    let mut out = Vec::new();
    while pos <= bytes.len() {
        let (end, next) = match memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(k) => {
                let end = pos + k;
                let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
                (end, end + if crlf { 2 } else { 1 })
            }
            None => (bytes.len(), bytes.len() + 1),
        };
        let line_start = pos;
        pos = next;
        let Some(span) = trim(input, Span::new(line_start, end)) else {
            after_blank = true;
            continue;
        };
        let indent = input[line_start..span.start]
            .chars()
            .fold(0, |col, c| match c {
                '\t' => (col / 8 + 1) * 8,
                c if c.is_whitespace() => col + 1,
                _ => col,
            });
        out.push((span, after_blank, indent, marks_of(span.of(input))));
        after_blank = false;
    }
    out
}

/// A line's width in display columns and in chars.
fn widths(t: &str) -> (usize, usize) {
    // Printable ASCII and the narrow chars of [`narrow`] are one column a
    // char (none of them joins with a neighbour into a wider or narrower
    // cluster): counted by bytes, the width tables are read for the other
    // lines only.
    use crate::swar::{HIGH, LOW7, ONES};
    let b = t.as_bytes();
    let mut chars = 0;
    let mut i = 0;
    while i < b.len() {
        // Eight printable ASCII bytes (0x20..=0x7e) at a time: no top bit,
        // no byte below 0x20 (a borrow), none equal to 0x7f (a zero byte
        // of the xor).
        if let Some(chunk) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let del = w ^ LOW7;
            let stops =
                (w | (w.wrapping_sub(ONES * 0x20) & !w) | (del.wrapping_sub(ONES) & !del)) & HIGH;
            if stops == 0 {
                i += 8;
                chars += 8;
                continue;
            }
        }
        let x = b[i];
        if (b' '..=b'~').contains(&x) {
            i += 1;
        } else if let Some(len) = narrow(&b[i..]) {
            i += len;
        } else {
            let cols = t.width();
            let chars = if cols == t.len() {
                cols
            } else {
                t.chars().count()
            };
            return (cols, chars);
        }
        chars += 1;
    }
    (chars, chars)
}

/// The length of the char `b` starts with when it is one of the common
/// narrow chars of Latin and Cyrillic text (Latin-1 but the soft hyphen,
/// Latin Extended-A and -B, spacing modifiers; Cyrillic but its
/// combining marks; the dashes, quotation marks and other punctuation of
/// General Punctuation; currency signs; the white square and the white
/// star of converted lists): one display column each, whatever stands
/// beside them.
fn narrow(b: &[u8]) -> Option<usize> {
    match *b {
        // U+00A0..=U+02FF but U+00AD.
        [0xc2, y, ..] if y >= 0xa0 && y != 0xad => Some(2),
        [0xc3..=0xcb, 0x80..=0xbf, ..] => Some(2),
        // U+0400..=U+04FF but the combining marks U+0483..=U+0489.
        [0xd0 | 0xd1 | 0xd3, 0x80..=0xbf, ..] => Some(2),
        [0xd2, y, ..] if (0x80..=0x82).contains(&y) || (0x8a..=0xbf).contains(&y) => Some(2),
        // U+2010..=U+2027 and U+2030..=U+205E.
        [0xe2, 0x80, z, ..] if (0x90..=0xa7).contains(&z) || z >= 0xb0 => Some(3),
        [0xe2, 0x81, z, ..] if (0x80..=0x9e).contains(&z) => Some(3),
        // U+20A0..=U+20C0.
        [0xe2, 0x82, z, ..] if (0xa0..=0xbf).contains(&z) => Some(3),
        [0xe2, 0x83, 0x80, ..] => Some(3),
        // U+25A1 (white square) and U+2606 (white star), which some
        // converters set before each line of a list (`\u{2606} Yonder`):
        // lines of them are plain.
        [0xe2, 0x96, 0xa1, ..] | [0xe2, 0x98, 0x86, ..] => Some(3),
        _ => None,
    }
}

/// Lines counted by indent: the common indents (under 32 columns) in a
/// table, one add a line without a search; deeper ones in a map.
#[derive(Debug, Default)]
struct ByIndent {
    near: [usize; 32],
    far: BTreeMap<usize, usize>,
}

impl ByIndent {
    fn add(&mut self, indent: usize) {
        match self.near.get_mut(indent) {
            Some(count) => *count += 1,
            None => *self.far.entry(indent).or_insert(0) += 1,
        }
    }

    /// Each indent and its count, by ascending indent (a count may be 0).
    fn iter(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        (self.near.iter().copied().enumerate()).chain(self.far.iter().map(|(&i, &c)| (i, c)))
    }

    /// How many lines are indented `from` columns or more.
    fn from(&self, from: usize) -> usize {
        let near: usize = self.near.get(from..).map_or(0, |n| n.iter().sum());
        near + self.far.range(from..).map(|(_, &c)| c).sum::<usize>()
    }
}

/// The common left margin: the indent that at least 70% of lines reach
/// (lynx's three spaces, `> ` quoting, `fmt -p`), from the count of lines
/// at each indent; 0 under three lines. Lines are then indented or
/// outdented relative to it.
fn margin(indents: &ByIndent, lines: usize) -> usize {
    if lines < 3 {
        return 0;
    }
    // The indent at rank lines * 3 / 10 in ascending order (an indent no
    // line has adds nothing, and is passed over).
    let rank = lines * 3 / 10;
    let mut seen = 0;
    indents
        .iter()
        .find(|&(_, count)| {
            seen += count;
            seen > rank
        })
        .map_or(0, |(indent, _)| indent)
}

/// Cut `input` into blocks, starting at byte `from` (past a BOM).
///
/// The lines are read twice and never held: first to count them by indent
/// and width (the margin, the wrap width), then to cut the blocks.
pub fn segment(input: &str, from: usize) -> Blocks<'_> {
    cut(input, from, u32::try_from(input.len()).is_ok())
}

/// [`segment`], block starts kept as u32 when `small`.
fn cut(input: &str, from: usize, small: bool) -> Blocks<'_> {
    // Pass 1: counts. Lines by indent; lines followed by a non-blank line
    // by width in columns and in chars (index 121: wider), all of them and
    // those that stop mid-sentence; and for each line that follows one
    // indented deeper, the indents between the two, where it would open
    // an indented paragraph.
    let mut indents = ByIndent::default();
    let mut opens_at: BTreeMap<usize, isize> = BTreeMap::new();
    let mut count = 0;
    let mut followed = [[0usize; 122]; 2];
    let mut open = [[0usize; 122]; 2];
    let mut prev: Option<Line> = None;
    let budget = record_budget(input.len());
    let mut records = LineRecords::new(from, budget);
    let mut pass1 = lines(input, from, false);
    while let Some(l) = pass1.next() {
        indents.add(l.indent);
        count += 1;
        if let Some(p) = prev.as_ref().filter(|_| !l.after_blank) {
            let stops = !ends_sentence(&input.as_bytes()[p.span.start..p.span.end]);
            // A line's widths are read when a non-blank line follows it:
            // only those are counted.
            let measures = line_widths(input, p);
            if p.widths.is_none() {
                // Measured once: pass 2 reads them from the record.
                records.measured(p, measures.map(saturated));
            }
            for (k, measure) in measures.into_iter().enumerate() {
                followed[k][measure.min(121)] += 1;
                open[k][measure.min(121)] += usize::from(stops);
            }
            // Indented past a margin m and followed by a line not past
            // it: for l.indent <= m < p.indent.
            if l.indent < p.indent {
                *opens_at.entry(l.indent).or_insert(0) += 1;
                *opens_at.entry(p.indent).or_insert(0) -= 1;
            }
        }
        records.push(&l, pass1.pos, budget);
        prev = Some(l);
    }
    // The style's count of non-blank lines is pass 1's, unless a line
    // break or a blank line could make them differ.
    let style = markup::style_counted(&input[from..], (!pass1.odd).then_some(count));
    let margin = margin(&indents, count);
    // Wrapped by display columns (w3m) or by chars (lynx): both are tried.
    // At a width, the text is wrapped when most long lines (60% of the
    // width or more) stop mid-sentence.
    let judged = |k: usize| {
        let hist: &[usize; 121] = followed[k][..121].try_into().ok()?;
        let width = wrap_from_histogram(hist)?;
        let from = (width * 6).div_ceil(10);
        let long: usize = followed[k][from..].iter().sum();
        let open: usize = open[k][from..].iter().sum();
        (long >= 2 && open * 2 >= long).then_some(width)
    };
    let wrap_width = judged(0);
    // A text whose counted lines are each as wide in columns as in chars
    // (most: no wide char, no combining mark) has one histogram twice,
    // and the same judgement: made once.
    let wrap_chars = if followed[0] == followed[1] && open[0] == open[1] {
        wrap_width
    } else {
        judged(1)
    };
    let wrap_width = wrap_width.or(wrap_chars);
    // Wrapped text whose paragraphs open with an indent: every line that is
    // not indented continues the indented paragraph it follows. An indented
    // run of lines (a block quote) is no such text.
    let indented = indents.from(margin + 1);
    let firsts: isize = opens_at.range(..=margin).map(|(_, &d)| d).sum();
    let firsts = usize::try_from(firsts).unwrap_or(0);
    let indent_mode = wrap_width.is_some() && firsts >= 2 && firsts * 5 >= indented * 3;
    drop((indents, opens_at));
    let mark = |mut l: Line| {
        l.indented = l.indent > margin;
        l.outdented = l.indent < margin;
        l
    };
    // Pass 2: the blocks. There are at most as many as lines, so the list
    // is allocated once (a list grown by doubling holds up to twice its
    // size, and copies itself).
    let mut blocks = Blocks {
        input,
        spans: BlockSpans {
            starts: Starts::with_capacity(small, count, input.len()),
            flags: Vec::with_capacity(count),
            words: Vec::with_capacity(count),
            style,
            folded: Folded::default(),
        },
        wrap_width,
        margin,
    };
    let [mut scratch, mut joined] = take_buffers();
    let mut first: Option<Line> = None;
    let mut last: Option<Line> = None;
    let mut prev_end = None;
    // The folded text of the block being cut, made as its lines come
    // while each is plain ([`Line::plain`]: its own fold) and opens with
    // no quoting mark: from its second line on, its lines joined by a
    // space, which is what folding its span gives (a plain line has no
    // white space to fold and no wide char to join without a space).
    let mut joining = false;
    // The words the walks counted in the lines joined (see push_block).
    let mut joined_words = 0;
    for l in records.replay(input).map(mark) {
        // The lines held are read in place (a line is 40 bytes).
        let breaks = match (&first, &last) {
            (Some(first), Some(last)) => {
                let in_indented = indent_mode && first.indented;
                l.after_blank
                    || l.marks.opens
                    || l.marks.rule
                    || last.marks.rule
                    || last.marks.closes
                    || l.outdented != last.outdented
                    || if in_indented {
                        l.indented
                    } else {
                        !joins(
                            input,
                            last,
                            &l,
                            [wrap_width, wrap_chars],
                            style.underscores,
                            margin,
                        )
                    }
            }
            _ => false,
        };
        if breaks {
            if let (Some(f), Some(e)) = (&first, &last) {
                let joined =
                    (joining && f.span != e.span).then_some((joined.as_str(), joined_words));
                push_block(&mut blocks, (f, e), joined, &mut prev_end, &mut scratch);
            }
            first = None;
        }
        let unquoted = |l: &Line| l.plain && input.as_bytes()[l.span.start] != b'>';
        match &first {
            None => {
                first = Some(l);
                joining = unquoted(&l);
                joined.clear();
                joined_words = usize::from(l.words);
            }
            Some(f) if joining && unquoted(&l) => {
                if joined.is_empty() {
                    joined.push_str(f.span.of(input));
                }
                joined.push(' ');
                joined.push_str(l.span.of(input));
                joined_words += usize::from(l.words);
            }
            Some(_) => joining = false,
        }
        last = Some(l);
    }
    if let (Some(f), Some(e)) = (&first, &last) {
        let joined = (joining && f.span != e.span).then_some((joined.as_str(), joined_words));
        push_block(&mut blocks, (f, e), joined, &mut prev_end, &mut scratch);
    }
    if let Some(end) = prev_end {
        set_gap(&mut blocks.spans.flags, input.len() - end);
    }
    give_buffers([scratch, joined]);
    blocks.spans.starts.shrink_to_fit();
    blocks.spans.flags.shrink_to_fit();
    blocks.spans.words.shrink_to_fit();
    blocks
}

/// The most bytes each of [`cut`]'s two buffers keeps for the next
/// article ([`BUFFERS`]): a long paragraph's several times over.
const BUFFER_CAP: usize = 64 << 10;

thread_local! {
    /// [`cut`]'s buffers (the lines joined into a block, and a block's
    /// folded text), kept between the articles a thread cuts, emptied
    /// and each under [`BUFFER_CAP`] bytes: a string grown from empty for
    /// each article copied itself some five times to hold a paragraph of
    /// 1,500 bytes (`Shiloh Marsh held its vote ...`), and the next
    /// article did it all again.
    static BUFFERS: RefCell<[String; 2]> = const { RefCell::new([String::new(), String::new()]) };

    /// The clean text [`clean_in_place`] makes, before it is copied back (a
    /// string of its own had cost an allocation a block folded with
    /// markup), kept under [`BUFFER_CAP`] bytes.
    static CLEAN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// [`cut`]'s buffers, empty, taken from [`BUFFERS`] (a nested cut, if
/// any, finds none there and makes its own).
fn take_buffers() -> [String; 2] {
    BUFFERS.with_borrow_mut(std::mem::take)
}

/// Give [`cut`]'s buffers back, emptied, those under [`BUFFER_CAP`]
/// bytes kept for the next article.
fn give_buffers(mut buffers: [String; 2]) {
    for b in &mut buffers {
        b.clear();
        keep_room_under_cap(b);
    }
    BUFFERS.with_borrow_mut(|kept| *kept = buffers);
}

/// A thread's buffer keeps its room for the next use only under
/// [`BUFFER_CAP`] bytes: one huge block does not hold its memory after.
fn keep_room_under_cap(b: &mut String) {
    if b.capacity() > BUFFER_CAP {
        *b = String::new();
    }
}

/// The widths of `line` in columns and in chars, saturated: as the walk
/// that found it measured them (read in place, no call: most lines),
/// else read by [`widths`].
#[inline]
fn line_widths(input: &str, line: &Line) -> [usize; 2] {
    debug_assert!(line
        .widths
        .is_none_or(|w| w == measured_widths(input, line)));
    let [cols, chars] = match line.widths {
        Some(w) => w,
        None => measured_widths(input, line),
    };
    [usize::from(cols), usize::from(chars)]
}

/// The widths of `line` read by [`widths`], saturated.
#[inline(never)]
fn measured_widths(input: &str, line: &Line) -> [u8; 2] {
    let (cols, chars) = widths(line.span.of(input));
    [saturated(cols), saturated(chars)]
}

/// A width as a byte: 255 for 255 or more. Exact for every use: the
/// histograms stop at 121, and a line 255 wide is past every wrap width
/// (120 at most) whatever its exact width ([`fits`]).
fn saturated(width: usize) -> u8 {
    u8::try_from(width).unwrap_or(u8::MAX)
}

/// The width a histogram of the widths of lines followed by a non-blank
/// line points at, if any: the text is judged wrapped there when most of
/// its long lines stop mid-sentence (see [`segment`]).
fn wrap_from_histogram(hist: &[usize; 121]) -> Option<usize> {
    // The wrap width: where the full lines of wrapped paragraphs pile up,
    // just below it. Long unbreakable lines (a URL, a slug, a link the
    // converter would not break) stand past it and must not set it: the
    // width comes from the 12%-wide window of widths holding most lines,
    // its longest line but for one in twenty. Each window's count is a
    // difference of running sums.
    let mut below = [0usize; 122];
    for (x, &n) in hist.iter().enumerate() {
        below[x + 1] = below[x] + n;
    }
    let window = |w: usize| below[w + 1] - below[w - w / 8];
    // The fullest window, the narrowest of those as full: in one walk.
    let (mut best, mut top) = (0, 0);
    for w in 30..=120 {
        let n = window(w);
        if n > best {
            (best, top) = (n, w);
        }
    }
    if best == 0 {
        return None;
    }
    let mut above = 0;
    (top - top / 8..=top).rev().find(|&x| {
        above += hist[x];
        hist[x] > 0 && above > best / 20
    })
}

/// [`wrap_from_histogram`] with each window summed apart: the reference
/// the running sums are held to.
#[cfg(test)]
fn wrap_from_histogram_by_sums(hist: &[usize; 121]) -> Option<usize> {
    let window = |w: usize| (w - w / 8..=w).map(|x| hist[x]).sum::<usize>();
    let best = (30..=120).map(window).max()?;
    if best == 0 {
        return None;
    }
    let top = (30..=120).find(|&w| window(w) == best)?;
    let mut above = 0;
    (top - top / 8..=top).rev().find(|&x| {
        above += hist[x];
        hist[x] > 0 && above > best / 20
    })
}

/// Record the white space after the last block pushed, `gap` bytes, in
/// its flags (see [`GAP_SHIFT`]).
fn set_gap(flags: &mut [u8], gap: usize) {
    if let Some(f) = flags.last_mut() {
        let gap = u8::try_from(gap).map_or(GAP_UNKNOWN, |g| g.min(GAP_UNKNOWN));
        *f = (*f & ((1 << GAP_SHIFT) - 1)) | (gap << GAP_SHIFT);
    }
}

/// Push the block from `first` to `last`; `prev_end` is where the block
/// pushed before it ends, and becomes where this one does. `joined` is
/// the block's lines folded, when they were as they came (a block of
/// several plain lines, see [`cut`]), with the words their walks counted.
fn push_block(
    blocks: &mut Blocks<'_>,
    (first, last): (&Line, &Line),
    joined: Option<(&str, usize)>,
    prev_end: &mut Option<usize>,
    scratch: &mut String,
) {
    let input = blocks.input;
    let span = first.span.cover(last.span);
    if let Some(end) = prev_end.replace(span.end) {
        set_gap(&mut blocks.spans.flags, span.start - end);
    }
    let heading = first.marks.heading || first.outdented;
    let item = first.marks.item;
    // A block of several lines is never its raw bytes (its line breaks
    // fold); one line is, when folding leaves it as it is.
    // The words of plain lines joined by spaces are the sum of theirs
    // (no glue: a plain line has no wide char), unless the markup's
    // removal changed the text.
    let (plain, words) = match joined {
        Some((text, walked)) => (
            false,
            blocks.spans.keep_joined(input, text, walked, scratch),
        ),
        None => blocks.spans.fold_new(
            input,
            span,
            first.span == last.span,
            (first.plain, usize::from(first.words)),
            scratch,
        ),
    };
    blocks.spans.words.push(saturated(words));
    blocks.spans.starts.push(span.start);
    blocks.spans.flags.push(
        (u8::from(heading) * HEADING)
            | (u8::from(item) * ITEM)
            | (u8::from(plain) * PLAIN)
            | (GAP_UNKNOWN << GAP_SHIFT),
    );
}

/// [`FOLDS`] class: printable ASCII but for the space and the marks
/// [`markup::clean`] reads (`[`, `*`, `_`, `#`, `\`, `>` and the
/// backtick): kept as it is.
const KEEP: u8 = 0;
/// [`FOLDS`] class: the space, kept when it stands alone between chars.
const SPACE: u8 = 1;
/// [`FOLDS`] class: the lead byte of a char from 0x80 (continuation
/// bytes are passed over with their char), kept unless white space.
const LEAD: u8 = 2;
/// [`FOLDS`] class: a mark or another ASCII byte (a control char, white
/// space but the space): the line may change when folded.
const CHANGES: u8 = 3;

/// The class of each byte for [`folds_to_itself`]: one load a byte.
static FOLDS: [u8; 256] = {
    let mut t = [CHANGES; 256];
    let mut b = 0x21;
    while b < 0x7f {
        if !matches!(b as u8, b'[' | b'*' | b'_' | b'#' | b'\\' | b'>' | b'`') {
            t[b] = KEEP;
        }
        b += 1;
    }
    t[b' ' as usize] = SPACE;
    while b < 0x100 {
        if b >= 0x80 {
            t[b] = LEAD;
        }
        b += 1;
    }
    t
};

/// Is the trimmed line `line` the folded text of a block made of it alone,
/// as [`fold_lines`] would make it? A sure yes without folding it: no
/// quoting or converter mark (so [`markup::clean`] has nothing to do), no
/// white space but single spaces between chars. `false` may still fold to
/// itself (a lone `*`); the caller folds to tell.
fn folds_to_itself(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match FOLDS[usize::from(c)] {
            KEEP => i += 1,
            // A space stands between two chars that are no white space
            // (a char from 0x80 is tested when it is reached).
            SPACE => {
                if i == 0 || b.get(i + 1).is_none_or(|&n| n <= b' ') {
                    return false;
                }
                i += 1;
            }
            LEAD => {
                let (len, space) = wide_char(b, i);
                if space {
                    return false;
                }
                i += len;
            }
            _ => return false,
        }
    }
    !b.is_empty()
}

/// [`folds_to_itself`] as first written, by chars: the reference its
/// byte classes are held to.
#[cfg(test)]
fn folds_to_itself_by_chars(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            let kept = (0x20..0x7f).contains(&c)
                && !matches!(c, b'[' | b'*' | b'_' | b'#' | b'\\' | b'>' | b'`');
            if !kept {
                return false;
            }
            if c == b' ' && (i == 0 || b.get(i + 1).is_none_or(|&n| n <= b' ')) {
                return false;
            }
            i += 1;
        } else {
            let ch = line[i..].chars().next().unwrap_or(' ');
            if is_space(ch) {
                return false;
            }
            i += ch.len_utf8();
        }
    }
    !b.is_empty()
}

/// Is the one trimmed line at `span` the folded text of the block made of
/// it alone? Known without folding when [`folds_to_itself`] says so, or
/// when the line has no quoting and no white space to fold (`a  [1] b`
/// has some; `a [1] b` has none): [`fold_lines`] would copy it as it is,
/// so only its markup is read. Else it is folded into `scratch`.
#[cfg(test)]
fn is_own_text(input: &str, span: Span, style: Style, scratch: &mut String) -> bool {
    let line = span.of(input);
    // A list item's star before a plain line (`* Home`) is kept as it is
    // ([`markup::clean`] keeps a lone star).
    if folds_to_itself(line) || line.strip_prefix("* ").is_some_and(folds_to_itself) {
        return true;
    }
    if markup::quote_prefix(line) == 0 && is_folded(line) {
        return markup::clean(line, style).is_none_or(|c| c.is_empty() || c == line);
    }
    scratch.clear();
    block_text_into(input, span, style, scratch);
    scratch.as_str() == line
}

/// A block's text again from its span alone. The block's lines are the
/// non-blank lines in the span, trimmed, as the segmentation cut them (a
/// block holds no blank line); `style` is the article's ([`markup::style`]
/// of the text past a BOM).
pub fn block_text(input: &str, span: Span, style: Style) -> String {
    let mut text = String::with_capacity(span.len());
    block_text_into(input, span, style, &mut text);
    text
}

/// [`block_text`] into `text` (empty).
fn block_text_into(input: &str, span: Span, style: Style, text: &mut String) {
    let raw = span.of(input);
    if memchr::memchr(b'>', raw.as_bytes()).is_none() {
        // No line opens with quoting marks: the lines fold as one run of
        // text, read once (the same text as [`block_text_by_lines`]).
        fold_lines_into(raw, text, |a, b| is_wide(a) && is_wide(b));
        clean_in_place(text, style, true);
    } else {
        fold_lines(input, block_lines(input, span), text);
        clean_in_place(text, style, false);
    }
}

/// [`block_text_into`] a line at a time: the way for a block with quoting
/// marks, and the reference the one-pass fold is held to.
#[cfg(test)]
fn block_text_by_lines(input: &str, span: Span, style: Style) -> String {
    let mut text = String::new();
    fold_lines(input, block_lines(input, span), &mut text);
    clean_in_place(&mut text, style, false);
    text
}

/// The trimmed non-blank lines of the span.
fn block_lines(input: &str, span: Span) -> impl Iterator<Item = Span> + Clone + '_ {
    let bytes = input.as_bytes();
    let mut pos = span.start;
    std::iter::from_fn(move || {
        while pos <= span.end {
            let (end, next) = match memchr2(b'\n', b'\r', &bytes[pos..span.end]) {
                Some(k) => {
                    let end = pos + k;
                    let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
                    (end, end + if crlf { 2 } else { 1 })
                }
                None => (span.end, span.end + 1),
            };
            let line = trim(input, Span::new(pos, end));
            pos = next;
            if line.is_some() {
                return line;
            }
        }
        None
    })
}

/// The folded text of a block made of `lines` (trimmed, non-blank), into
/// `text` (empty), before its markup is removed ([`clean_in_place`]).
fn fold_lines(input: &str, lines: impl Iterator<Item = Span> + Clone, text: &mut String) {
    for line in lines.clone() {
        let raw = line.of(input);
        let raw = &raw[markup::quote_prefix(raw)..];
        // Text written without spaces between words (Japanese, Chinese)
        // wraps mid-sentence: its lines join without a space.
        let glued = text.chars().next_back().is_some_and(is_wide)
            && raw.chars().next().is_some_and(is_wide);
        if !text.is_empty() && !glued {
            text.push(' ');
        }
        fold_into(raw, text);
    }
    // A block that is only quoting marks (a lone `>`) keeps them as written:
    // an element's text is never empty.
    if text.is_empty() {
        for line in lines {
            if !text.is_empty() {
                text.push(' ');
            }
            fold_into(line.of(input), text);
        }
    }
}

/// Remove the converter markup of a folded block text; `folded` says it
/// is known to be its own fold. True when the text changed.
fn clean_in_place(text: &mut String, style: Style, folded: bool) -> bool {
    CLEAN.with_borrow_mut(|clean| {
        // A block that is only markup (a picture's `![alt](src)`, `[img]`)
        // keeps its text as written.
        let changed = markup::clean_into(text, style, folded, clean) && !clean.is_empty();
        if changed {
            // Copied into the text's room, which [`cut`] keeps for the
            // next block, rather than the room taken with the clean text.
            text.clear();
            text.push_str(clean);
        }
        keep_room_under_cap(clean);
        changed
    })
}

/// An East Asian wide char (CJK ideographs, kana, hangul, full-width forms).
pub fn is_wide(c: char) -> bool {
    !c.is_ascii() && c.width() == Some(2)
}

/// The span without leading and trailing white space; `None` when blank.
pub fn trim(input: &str, span: Span) -> Option<Span> {
    let (start, end) = trimmed(span.of(input))?;
    Some(Span::new(span.start + start, span.start + end))
}

/// Does the line end with a sentence's last char (`.`, `!`, `?`, `:`, a
/// quote or a parenthesis)? Read from its last bytes (U+201D and U+2019
/// are E2 80 9D and E2 80 99), where the line as a `str` was sliced at
/// its char boundaries and its last char decoded, a line at a time.
fn ends_sentence(line: &[u8]) -> bool {
    matches!(
        line,
        [.., b'.' | b'!' | b'?' | b':' | b'"' | b'\'' | b')'] | [.., 0xe2, 0x80, 0x9d | 0x99]
    )
}

/// [`ends_sentence`] by the line's last char: the reference its bytes
/// are held to.
#[cfg(test)]
fn ends_sentence_by_chars(line: &str) -> bool {
    matches!(
        line.chars().last(),
        Some('.' | '!' | '?' | ':' | '"' | '\u{201d}' | '\u{2019}' | '\'' | ')')
    )
}

/// Columns by which the next line's first word may seem to fit and still
/// be taken as wrapped (see [`joins`]); 2 and 3 score alike on the web
/// corpus, 0 splits lynx paragraphs whose width was overestimated.
const SLACK: usize = 2;

/// Does `next` continue the paragraph of `line` (same run of non-blank
/// lines), wrapped at `wraps[0]` display columns or at `wraps[1]` chars?
fn joins(
    input: &str,
    line: &Line,
    next: &Line,
    wraps: [Option<usize>; 2],
    underscores: bool,
    margin: usize,
) -> bool {
    // Text is wrapped by chars only when it is by columns too.
    if wraps[0].is_none() {
        return false;
    }
    // An indented line opens a paragraph when the line before was not indented.
    if next.indented && !line.indented {
        return false;
    }
    let [cols, chars] = line_widths(input, line);
    let word = first_word(next.span.of(input), underscores);
    fits(line, next, cols, word.0, wraps[0], margin)
        || fits(line, next, chars, word.1, wraps[1], margin)
}

/// The width in columns and in chars of the first word of the trimmed
/// line `t`: up to white space (or `_`, where the converter writes a
/// link's spaces so). A word of printable ASCII is as wide as it is long;
/// others are read from the width tables.
fn first_word(t: &str, underscores: bool) -> (usize, usize) {
    let b = t.as_bytes();
    let mut k = 0;
    while let Some(&x) = b.get(k) {
        if x == b'_' && underscores || is_ascii_space(x) {
            break;
        }
        if !(b'!'..=b'~').contains(&x) {
            return first_word_by_chars(t, underscores);
        }
        k += 1;
    }
    (k, k)
}

/// [`first_word`] read by chars: the way for a word with a char that is
/// not printable ASCII, and the reference the byte loop is held to.
fn first_word_by_chars(t: &str, underscores: bool) -> (usize, usize) {
    t.split(|c| is_space(c) || (underscores && c == '_'))
        .next()
        .map_or((0, 0), |w| (w.width(), w.chars().count()))
}

/// Would `next`'s first word, `word` wide, have fitted on `line`, `len`
/// wide, wrapped at `width`? Measured both in columns or both in chars.
fn fits(
    line: &Line,
    next: &Line,
    len: usize,
    word: usize,
    width: Option<usize>,
    margin: usize,
) -> bool {
    let Some(width) = width else {
        return false;
    };
    // A block quote's lines wrap short of the width by their extra indent.
    let shift = if line.indented && next.indent == line.indent {
        line.indent.saturating_sub(margin)
    } else {
        0
    };
    let len = shift + len;
    // The width is estimated from the lines seen, and a line or two of
    // unbreakable text can lift it a column or two past the converter's:
    // a word that misses by two columns would not have fitted either.
    len * 2 >= width && len + 1 + word + SLACK > width
}

/// The text of every block of every fixture article (`fixtures/*.txt`): the
/// shapes real articles have, for tests that check a rule's fast gate against
/// its exact pattern.
#[cfg(test)]
pub(crate) fn fixture_blocks() -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    for (_, text) in crate::testing::fixture_texts() {
        blocks.extend(segment(&text, 0).texts());
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        segment(input, 0).texts()
    }

    #[test]
    fn blank_lines_separate_blocks() {
        assert_eq!(texts("One.\n\nTwo\nThree.\n"), ["One.", "Two", "Three."]);
    }

    #[test]
    fn crlf_and_cr_end_lines() {
        assert_eq!(texts("A.\r\n\r\nB.\rC.\r\n"), ["A.", "B.", "C."]);
        let seg = segment("A.\r\n\r\nB.", 0);
        assert_eq!(seg.span(1), Span::new(6, 8));
    }

    #[test]
    fn spans_are_trimmed_and_point_at_text() {
        let input = "  Head line \u{a0}\n\n\tBody text here.  \n";
        let seg = segment(input, 0);
        assert_eq!(seg.span(0).of(input), "Head line");
        assert_eq!(seg.span(1).of(input), "Body text here.");
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let input = "The council met on Tuesday to discuss the plans for the new\n\
                     bridge over the river, which has been delayed for two years\n\
                     by a dispute.\n\n\
                     Residents said they had waited long enough for the crossing\n\
                     and wanted a date for the work to start before the winter.\n";
        let t = texts(input);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].ends_with("for two years by a dispute."));
    }

    #[test]
    fn one_paragraph_per_line_is_kept_apart() {
        let input = "Council approves bridge\nThe council approved the bridge on Tuesday after a long debate.\nWork starts in spring, officials said at the meeting.\nShare\n";
        assert_eq!(texts(input).len(), 4);
    }

    #[test]
    fn short_lines_in_wrapped_text_stay_apart() {
        let input = "The council met on Tuesday to discuss the plans for the new\n\
                     bridge over the river, which has been delayed for two years\n\
                     by a dispute that has gone on and on.\n\
                     Share on Facebook\n\
                     Residents said they had waited long enough for the crossing\n\
                     and wanted a date.\n";
        let t = texts(input);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[1], "Share on Facebook");
    }

    #[test]
    fn a_common_left_margin_is_no_indent() {
        // lynx: every line behind three spaces, a heading left of them.
        let input = "Ferry to run all winter\n\n   The ferry between the point and the old harbour will\n   run all winter for the first time, the operator said on\n   Monday after a trial.\n\n   Until now the service stopped at the end of October,\n   leaving commuters with a long drive around the bay.\n";
        let seg = segment(input, 0);
        assert_eq!(seg.margin, 3);
        let t = seg.texts();
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(seg.heading(0));
        assert!(t[1].ends_with("the operator said on Monday after a trial."));
    }

    #[test]
    fn an_indented_block_quote_rejoins_its_wrapped_lines() {
        // w3m: a quotation four columns in wraps four columns short.
        let input = "The council met on Tuesday to discuss the plans for the new\n\
                     bridge over the river, which has been delayed for two years\n\
                     by a dispute over who should pay for the approach roads.\n\n    \
                     The mayor wrote that the work could start in spring\n    \
                     once the county agreed to share the cost of the roads\n    \
                     before the end of the year.\n\n\
                     Residents said they had waited long enough for the crossing\n\
                     and wanted a date for the work to start before the winter.\n";
        let t = texts(input);
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[1].starts_with("The mayor wrote"), "{t:?}");
        assert!(t[1].ends_with("before the end of the year."), "{t:?}");
    }

    #[test]
    fn wide_text_rejoins_without_spaces() {
        let line =
            "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらり";
        let input = format!("{line}\n{line}\nるれろわをん。\n\n{line}\n{line}\nおわり。\n");
        let t = texts(&input);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[0], format!("{line}{line}るれろわをん。"));
    }

    #[test]
    fn one_long_url_does_not_set_the_wrap_width() {
        // Taken as the width, the address (81 columns) would leave every
        // 60-column line of the paragraph a paragraph of its own.
        let input = "The council met on Tuesday to discuss the plans for the new\n\
                     bridge over the river, which has been delayed for two years\n\
                     by a dispute over who should pay for the approach roads.\n\n\
                     https://example.org/a/very/long/unbreakable/address/that/goes/on/and/on/and/on\n\
                     Share\n\n\
                     Residents said they had waited long enough for the crossing\n\
                     and wanted a date for the work to start before the winter.\n";
        let t = texts(input);
        assert!(
            t[0].ends_with("who should pay for the approach roads."),
            "{t:?}"
        );
        assert!(t.last().unwrap().ends_with("before the winter."), "{t:?}");
    }

    #[test]
    fn debian_headings_rules_and_labels_stand_apart() {
        let input = "****** Seals on the sandbanks ******\nVolunteers counted more seals on the northern sandbanks this\nautumn than in any year since the counts began.\n[A seal pup on the sand]\nThe trust said a ban on fixed nets near the banks had helped.\n==========\n";
        let t = texts(input);
        assert_eq!(t[0], "Seals on the sandbanks");
        assert!(t.iter().any(|b| b == "[A seal pup on the sand]"), "{t:?}");
        assert_eq!(t.last().map(String::as_str), Some("=========="));
        assert!(
            t.iter()
                .any(|b| b.starts_with("The trust") && b.ends_with("helped.")),
            "{t:?}"
        );
    }

    proptest::proptest! {
        /// The byte loops make the lines the char-by-char reading does:
        /// the same spans, indents and marks, whatever the white space
        /// (tabs, Unicode spaces, zero-width chars), line breaks and marks.
        #[test]
        fn lines_are_the_lines_read_by_chars(
            text in crate::testing::joined(
                vec![
                    "a", "Bc", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\u{b}", "\u{c}",
                    "\u{a0}", "\u{85}", "\u{1680}", "\u{2003}", "\u{200b}", "\u{2028}",
                    "\u{202f}", "\u{205f}", "\u{3000}", "\u{feff}", "\u{e9}", "\u{65e5}",
                    "*", "* ", "***", "**** ", "#", "## ", "> ", ">", "[", "]", "[x]", "-", "- ",
                    "+ ", "=", "===", "_", "~~~", "\u{b7} ", "\u{2022} ", "\u{25aa}\t",
                    "\u{25e6} ", "\u{2500}\u{2500}\u{2500}", "\u{2501}", "\u{2014}",
                    "\u{2019}", "\u{ad}", "\u{1}", "\u{7f}", "abcdefghi", "a b c d e ",
                ],
                0..30,
            ),
            from in 0usize..4,
        ) {
            let from = (0..=from.min(text.len()))
                .rev()
                .find(|&k| text.is_char_boundary(k))
                .unwrap_or(0);
            let made: Vec<_> = lines(&text, from, true)
                .map(|l| {
                    proptest::prop_assert_eq!(l.indented, l.indent > 0);
                    let plain = plain_by_chars(l.span.of(&text));
                    proptest::prop_assert_eq!((l.plain, l.widths), (plain.is_some(), plain));
                    Ok((l.span, l.after_blank, l.indent, l.marks))
                })
                .collect::<Result<_, _>>()?;
            proptest::prop_assert_eq!(made, lines_by_chars(&text, from));
            for l in lines(&text, from, false) {
                proptest::prop_assert_eq!(l.marks, Marks::default());
            }
        }

        /// The lines pass 2 reads, recorded by pass 1 up to any budget
        /// and read again past it, are the lines read afresh.
        #[test]
        fn replayed_lines_are_the_lines(
            text in crate::testing::joined(
                vec![
                    "a", "Bc", " ", "\t", "\n", "\r\n", "\r", "\n\n", "\u{a0}", "\u{200b}",
                    "\u{feff}", "\u{e9}", "## ", "> ", "- ", "===", "\u{2022} ", "*",
                ],
                0..30,
            ),
            from in 0usize..4,
            budget in 0usize..8,
        ) {
            let from = (0..=from.min(text.len()))
                .rev()
                .find(|&k| text.is_char_boundary(k))
                .unwrap_or(0);
            let mut records = LineRecords::new(from, budget);
            let mut pass1 = lines(&text, from, false);
            while let Some(l) = pass1.next() {
                records.push(&l, pass1.pos, budget);
            }
            proptest::prop_assert!(records.records.len() <= budget);
            let replayed: Vec<Line> = records.replay(&text).collect();
            let afresh: Vec<Line> = lines(&text, from, true).collect();
            proptest::prop_assert_eq!(replayed, afresh);
        }

        /// The first word's widths by bytes are its widths by chars.
        #[test]
        fn first_word_is_read_as_by_chars(
            text in crate::testing::joined(
                vec![
                    "a", "Bc", "_", "-", " ", "\t", "\u{1}", "\u{7f}", "\u{a0}", "\u{e9}",
                    "\u{65e5}", "\u{200b}", "\u{2019}", "\u{300}", "\u{fe0f}", "~",
                ],
                1..10,
            ),
            underscores in proptest::bool::ANY,
        ) {
            let t = text.trim_start_matches(is_space);
            proptest::prop_assert_eq!(
                first_word(t, underscores),
                first_word_by_chars(t, underscores)
            );
        }

        /// Windows counted from running sums pick the width that
        /// windows summed apart do.
        #[test]
        fn running_sums_pick_the_summed_width(
            counts in proptest::collection::vec(
                proptest::prop_oneof![proptest::strategy::Just(0usize), 0usize..3, 0usize..200],
                121,
            )
        ) {
            let hist: [usize; 121] = counts.try_into().expect("121 counts");
            proptest::prop_assert_eq!(
                wrap_from_histogram(&hist),
                wrap_from_histogram_by_sums(&hist)
            );
        }
    }

    /// [`Line::plain`] read by chars: the trimmed line is its own fold,
    /// made of printable ASCII and [`narrow`] chars, and its widths are
    /// then [`widths`]' (saturated).
    fn plain_by_chars(t: &str) -> Option<[u8; 2]> {
        let mut buf = [0; 4];
        let narrow_char = |c: char| {
            (' '..='~').contains(&c) || narrow(c.encode_utf8(&mut buf).as_bytes()).is_some()
        };
        (is_folded(t) && t.chars().all(narrow_char)).then(|| {
            let (cols, chars) = widths(t);
            [saturated(cols), saturated(chars)]
        })
    }

    proptest::proptest! {
        /// Pass 1's count of lines is `str::lines`' count of non-blank
        /// lines whenever it says it may be ([`Lines::odd`] unset).
        #[test]
        fn pass_one_counts_the_non_blank_lines(
            text in crate::testing::joined(
                vec![
                    "a", " ", "\t", "\n", "\r\n", "\r", "\n\n", "\u{b}", "\u{a0}",
                    "\u{85}", "\u{200b}", "\u{2028}", "\u{3000}", "\u{feff}", "\u{e9}",
                    "a_b", "a_b\n", "x_y z_w\n",
                ],
                0..30,
            ),
        ) {
            let mut pass1 = lines(&text, 0, false);
            let count = pass1.by_ref().count();
            if !pass1.odd {
                proptest::prop_assert_eq!(
                    count,
                    text.lines().filter(|l| !l.trim().is_empty()).count()
                );
            }
            proptest::prop_assert_eq!(
                markup::style_counted(&text, (!pass1.odd).then_some(count)),
                markup::style(&text)
            );
        }
    }

    #[test]
    fn plain_lines_are_walked_once() {
        let text = "   A plain line of words, long enough for \u{2019}eight\u{2019} bytes  \t\r\nNext  line\n\u{e9}t\u{e9}";
        let got: Vec<_> = lines(text, 0, false)
            .map(|l| (l.span.of(text), l.widths.filter(|_| l.plain)))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "A plain line of words, long enough for \u{2019}eight\u{2019} bytes",
                    Some([52, 52])
                ),
                ("Next  line", None),
                ("\u{e9}t\u{e9}", Some([3, 3])),
            ]
        );
    }

    /// [`E2_ALNUM`] and the decoding of [`wide_alnum`] over every char
    /// from 0x80 up to U+FFFF.
    #[test]
    fn wide_alnum_is_is_alphanumeric_to_ffff() {
        for c in ('\u{80}'..='\u{ffff}').filter(|c| !c.is_ascii()) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(
                wide_alnum(s.as_bytes(), 0, s.len()),
                text::is_alphanumeric(c),
                "{c:?}"
            );
        }
    }

    /// [`run_opens_word`] tells every char from 0x80 up to U+FFFF as
    /// [`run_has_alnum`] reads it, alone and before the bytes its test of
    /// two reads (a letter, a digit, white space, a mark, a char from
    /// 0x80): the Cyrillic letters it passes at once and the marks of
    /// U+2000..=U+203F it passes over among them.
    #[test]
    fn runs_open_words_as_read_for_every_char() {
        let after = [
            "",
            "a",
            "7",
            " ",
            "\n",
            "-",
            "\u{e9}",
            "\u{201c}",
            "\u{2003}x",
        ];
        for c in ('\u{80}'..='\u{ffff}').filter(|c| !c.is_ascii()) {
            for a in after {
                let t = format!("{c}{a}");
                let b = t.as_bytes();
                assert_eq!(run_opens_word(b, 0), run_has_alnum(b, 0), "{t:?}");
            }
        }
    }

    /// The list items [`marks`] tells from their first bytes and their
    /// last ([`opens_plain_item`]) have the marks the rules read, and the
    /// lines it leaves to the rules (a rule, a heading's close, a star
    /// that opens no item) are read so.
    #[test]
    fn plain_items_have_the_marks_read() {
        let items = [
            "* Home",
            "*\tHome",
            "- Weather",
            "+ Sports",
            "\u{b7} Maps",
            "\u{2022} News",
            "\u{25aa} Yonder",
            "\u{25e6}\tYonder",
            "* a",
            "- a - b",
            "* [Quill]",
        ];
        for t in items {
            assert!(opens_plain_item(t.as_bytes()), "{t:?}");
            assert_eq!(marks(t), marks_of(t), "{t:?}");
            assert!(marks(t).item && marks(t).opens, "{t:?}");
        }
        let others = [
            "- - -",
            "* * *",
            "* Home *",
            "*** Home ***",
            "+ x +",
            "*Home",
            "-x",
            "- ",
            "\u{2022}x",
            "# Home",
            "> * Home",
            "[* x]",
            "*  ",
            "**",
            "* Quill **",
        ];
        for t in others {
            assert!(!opens_plain_item(t.trim().as_bytes()), "{t:?}");
            assert_eq!(marks(t.trim()), marks_of(t.trim()), "{t:?}");
        }
    }

    proptest::proptest! {
        /// [`marks`] is [`marks_of`] for lines that open with a list
        /// item's mark, whatever follows it and however they end.
        #[test]
        fn item_lines_have_the_marks_read(
            text in crate::testing::joined(
                vec![
                    "*", "-", "+", "\u{b7}", "\u{2022}", "\u{25aa}", "\u{25e6}", " ", "\t",
                    "a", "#", "[", "]", ">", "_", "=", "***",
                ],
                1..10,
            )
        ) {
            let t = text.trim_matches(is_space);
            proptest::prop_assert_eq!(marks(t), marks_of(t), "{:?}", t);
        }
    }

    /// No trimmed line that [`marks`] passes over has a mark: every
    /// char or pair of chars, alone, before or after a space and a word.
    #[test]
    fn lines_passed_over_have_no_marks() {
        let mut seen = 0;
        let mut rules = 0;
        let chars = ('\u{1}'..='\u{2fff}').chain(['\u{3000}', '\u{feff}', '\u{ff0a}']);
        for c in chars.filter(|&c| !is_space(c)) {
            for t in [
                format!("{c}"),
                format!("{c}{c}{c}"),
                format!("{c} word"),
                format!("word {c}"),
                format!("{c}\tword {c}{c}{c}"),
                format!("[word{c}"),
                format!("{c} {c}{c}"),
                format!("{c}{c} word{c}"),
            ] {
                let Marks {
                    opens,
                    closes,
                    rule,
                    ..
                } = marks_of(&t);
                if !may_open_or_close(t.as_bytes()) {
                    assert!(!opens && !closes, "{t:?}");
                    seen += 1;
                }
                if !may_be_rule(t.as_bytes()) {
                    assert!(!rule, "{t:?}");
                } else {
                    rules += usize::from(rule);
                }
                assert_eq!(marks(&t), marks_of(&t), "{t:?}");
            }
        }
        assert!(seen > 50_000, "{seen}");
        assert!(rules >= 16, "{rules}");
    }

    proptest::proptest! {
        /// The byte classes say a line folds to itself where the reading
        /// by chars does.
        #[test]
        fn folds_to_itself_is_the_reading_by_chars(
            text in crate::testing::joined(
                vec![
                    "a", "Bc", " ", "  ", "\t", "\u{1}", "\u{7f}", "~", "!", "[", "]", "*",
                    "_", "#", "\\", ">", "`", "\u{a0}", "\u{85}", "\u{e9}", "\u{2003}",
                    "\u{200b}", "\u{2019}", "\u{3000}", "\u{feff}", "\u{65e5}", "\u{1f600}",
                ],
                0..12,
            )
        ) {
            proptest::prop_assert_eq!(folds_to_itself(&text), folds_to_itself_by_chars(&text));
        }
    }

    proptest::proptest! {
        /// Packed offsets read back as pushed, whatever their steps: 0,
        /// within a group, just past its 255 bytes, or far apart.
        #[test]
        fn packed_offsets_read_back(
            steps in proptest::collection::vec(
                proptest::prop_oneof![0u32..4, 250u32..260, 0u32..70_000],
                0..600,
            )
        ) {
            let mut packed = Packed::with_capacity(0);
            let mut at = 0u32;
            let mut pushed = Vec::new();
            for step in steps {
                at += step;
                packed.push(at);
                pushed.push(at as usize);
            }
            packed.shrink_to_fit();
            let read: Vec<usize> = (0..pushed.len()).map(|i| packed.get(i)).collect();
            proptest::prop_assert_eq!(read, pushed);
        }

        /// A block's end is found from the next block's start: every span
        /// is trimmed, only white space stands between two blocks, and
        /// every other char is in a block.
        #[test]
        fn blocks_cover_every_visible_char(
            text in crate::testing::joined(
                vec![
                    "a", "b c", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r",
                    "\u{a0}", "\u{200b}", "\u{feff}", "\u{85}", "\u{2028}",
                    "\u{e9}", "\u{65e5}", "# ", "* ", "> ", "***", "[x]", "\u{b}",
                ],
                0..40,
            )
        ) {
            let blocks = segment(&text, 0);
            let mut covered = 0;
            for i in 0..blocks.len() {
                let span = blocks.span(i);
                let raw = span.of(&text);
                proptest::prop_assert!(!raw.is_empty());
                proptest::prop_assert_eq!(raw.trim_matches(is_space), raw);
                proptest::prop_assert!(text[covered..span.start].chars().all(is_space));
                covered = span.end;
            }
            proptest::prop_assert!(text[covered..].chars().all(is_space));
        }
    }

    proptest::proptest! {
        /// A line said to fold to itself does: its folded text (white
        /// space folded, markup cleaned) is its raw bytes.
        #[test]
        fn a_line_that_folds_to_itself_does(
            text in crate::testing::joined(
                vec![
                    "a", "b", " ", "  ", "\t", "\u{a0}", "\u{200b}", "\u{e9}", "\u{65e5}",
                    "*", "_", "[", "]", "#", ">", "`", "\\", "(", ".", "\u{1}", "\u{7f}",
                ],
                1..12,
            )
        ) {
            let Some(span) = trim(&text, Span::new(0, text.len())) else {
                return Ok(());
            };
            let line = span.of(&text);
            if folds_to_itself(line) {
                let style = markup::style(&text);
                proptest::prop_assert_eq!(block_text(&text, span, style), line);
            }
        }
    }

    proptest::proptest! {
        /// A one-line block is read as its own text exactly when folding
        /// it gives its raw bytes back, whichever way that is known.
        #[test]
        fn a_line_is_its_own_text_when_its_fold_is(
            text in crate::testing::joined(
                vec![
                    "a", "b", " ", "  ", "\t", "\u{a0}", "\u{e9}", "\u{65e5}", "*", "**",
                    "_", "[", "]", "[1]", "(x)", "!", "#", "## ", "> ", "`", "\\", ".",
                ],
                1..12,
            )
        ) {
            let Some(span) = trim(&text, Span::new(0, text.len())) else {
                return Ok(());
            };
            let style = markup::style(&text);
            let folded = block_text(&text, span, style);
            let mut scratch = String::new();
            proptest::prop_assert_eq!(
                is_own_text(&text, span, style, &mut scratch),
                folded == span.of(&text)
            );
        }
    }

    /// The texts a block reader gets: every block's kept text (or its raw
    /// bytes, when it is plain) is its fold from the span, the same as
    /// when nothing is kept; a block is plain exactly when its fold is its
    /// raw bytes, and every other block's text is kept.
    fn check_kept(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let blocks = segment(text, 0);
        let style = markup::style(text);
        let mut bare = blocks.clone();
        bare.spans.folded = Folded::default();
        let mut scratch = String::new();
        for i in 0..blocks.len() {
            let span = blocks.span(i);
            let folded = block_text(text, span, style);
            let plain = blocks.spans.flags[i] & PLAIN != 0;
            proptest::prop_assert_eq!(plain, folded == span.of(text), "{:?}", span.of(text));
            // The span read from a block's `u32` start and gap is the one
            // read the long way.
            proptest::prop_assert_eq!(span, blocks.spans.span_of(text, i));
            proptest::prop_assert_eq!(blocks.spans.folded.get(i).is_some(), !plain);
            proptest::prop_assert_eq!(blocks.text(i, &mut scratch), folded.as_str());
            proptest::prop_assert_eq!(&blocks.text_owned(i), &folded);
            proptest::prop_assert_eq!(bare.text(i, &mut scratch), folded.as_str());
            proptest::prop_assert_eq!(&bare.text_owned(i), &folded);
            // The words counted as the block was cut are its text's.
            let words = text::block_words(&folded);
            proptest::prop_assert_eq!(blocks.words(i), (words < 255).then_some(words));
        }
        Ok(())
    }

    /// Hard-wrapped paragraphs (a margin of three spaces or none,
    /// greedy wrapping at `width`) of the `words` picked from pieces that
    /// make a line plain or not: the blocks of several lines come from
    /// wrapped text only.
    fn wrapped(words: &[Vec<usize>], width: usize, margin: bool) -> String {
        const WORDS: [&str; 23] = [
            "word",
            "Ab",
            "the",
            "council",
            "\u{e9}t\u{e9}",
            "it\u{2019}s",
            "\u{201c}x\u{201d}",
            "[1]",
            "*",
            "_a_",
            "#",
            ">",
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "\u{65e5}\u{672c}",
            "x\u{7f}",
            "**b**",
            "said.",
            "end,",
            "-",
            "\u{2014}",
            "...\"",
        ];
        let pad = if margin { "   " } else { "" };
        let mut text = String::new();
        for para in words {
            let mut line = String::new();
            for &w in para {
                let w = WORDS[w % WORDS.len()];
                if !line.is_empty() && line.len() + 1 + w.len() > width {
                    text.push_str(pad);
                    text.push_str(&line);
                    text.push('\n');
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(w);
            }
            text.push_str(pad);
            text.push_str(&line);
            text.push_str("\n\n");
        }
        text
    }

    #[test]
    fn wrapped_paragraphs_are_blocks_of_several_lines() {
        let para: Vec<usize> = (0..60)
            .map(|k| [0, 1, 2, 3, 4, 5, 6, 18, 19][k % 9])
            .collect();
        let text = wrapped(&[para.clone(), para], 50, true);
        let blocks = segment(&text, 0);
        assert_eq!(blocks.len(), 2, "{:?}", blocks.texts());
        for i in 0..2 {
            assert!(blocks.span(i).of(&text).contains('\n'));
            assert!(blocks.spans.folded.get(i).is_some());
        }
        check_kept(&text).expect("kept texts");
    }

    proptest::proptest! {
        /// The texts of blocks of several lines, folded as their lines
        /// come when they are plain, are their folds.
        #[test]
        fn joined_texts_are_the_folds(
            words in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::prop_oneof![8 => 0usize..4, 2 => 0usize..23],
                    10..40,
                ),
                2..5,
            ),
            width in 30usize..70,
            margin in proptest::bool::ANY,
        ) {
            check_kept(&wrapped(&words, width, margin))?;
        }

        #[test]
        fn kept_texts_are_the_folds(
            text in crate::testing::joined(
                vec![
                    "a", "Bc", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\u{a0}", "\u{3000}",
                    "\u{e9}", "\u{65e5}", "*", "**", "_", "[", "]", "[1]", "(x)", "!", "#",
                    "## ", "> ", ">", "`", "\\", ".", "a_b c_d e_f\n", "-", "\u{2014}", "'",
                    "\"", "\u{d7}", "\u{b2}",
                ],
                0..40,
            )
        ) {
            check_kept(&text)?;
        }

        /// The chars from 0x80 read by their bytes are letters or digits
        /// as [`text::is_alphanumeric`] says, U+2000..=U+2FFF by
        /// [`E2_ALNUM`].
        #[test]
        fn wide_alnum_is_is_alphanumeric(c in proptest::char::range('\u{80}', char::MAX)) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            proptest::prop_assert_eq!(
                wide_alnum(s.as_bytes(), 0, s.len()),
                text::is_alphanumeric(c)
            );
        }

        /// The runs told from their first two bytes are told as
        /// [`run_has_alnum`] reads them, from every char of the text.
        #[test]
        fn runs_opening_words_are_read_as_runs(
            text in crate::testing::joined(
                vec![
                    "a", "Q", "7", " ", "\t", "\n", "*", "-", "(", "$", "\"", "..",
                    "\u{2014}", "\u{e9}", "\u{201c}", "\u{a0}", "\u{416}", "\u{200b}",
                    "\u{2022}", "\u{2028}", "\u{203f}", "\u{2040}", "\u{400}", "\u{47f}",
                    "\u{480}", "#",
                ],
                0..12,
            )
        ) {
            let b = text.as_bytes();
            for at in (0..=b.len()).filter(|&k| text.is_char_boundary(k)) {
                proptest::prop_assert_eq!(
                    run_opens_word(b, at),
                    run_has_alnum(b, at),
                    "{:?} from {}",
                    text,
                    at
                );
            }
        }

        /// A plain line's words, counted by the walk that finds its end
        /// (spaces, and the runs that open with a char that is no letter
        /// or digit), are [`text::block_words`] of the line.
        #[test]
        fn plain_lines_words_are_counted_as_walked(
            text in crate::testing::joined(
                vec![
                    "a", "Bc", "word", "7", " ", "  ", "\n", "\t", "-", "--", "\"", "'",
                    "...", "\u{2014}", "\u{e9}", "\u{201c}", "\u{d7}", "\u{b2}", "\u{a0}",
                    "\u{7f}", "\u{416}", "\u{65e5}", "\u{200b}", "a.b c-d e'f ", "\u{25a1} ",
                    "\u{2606}",
                ],
                0..80,
            )
        ) {
            let mut plain = 0;
            for l in lines(&text, 0, false).filter(|l| l.plain) {
                let words = text::block_words(l.span.of(&text));
                proptest::prop_assert_eq!(l.words, saturated(words), "{:?}", l.span.of(&text));
                plain += 1;
            }
            // Every text here of one line without tabs, doubled spaces,
            // DEL or ideographs is plain.
            let odd = ["\n", "\t", "  ", "\u{7f}", "\u{65e5}", "\u{a0}", "\u{200b}"];
            if !text.trim().is_empty() && !odd.iter().any(|o| text.trim().contains(o)) {
                proptest::prop_assert_eq!(plain, 1);
            }
        }
    }

    proptest::proptest! {
        /// Rules read by their bytes are the rules [`markup::is_rule`]
        /// reads by chars, whatever marks, spaces and other chars the
        /// trimmed line holds.
        #[test]
        fn rules_are_markup_rules(
            text in crate::testing::joined(
                vec![
                    "=", "-", "*", "_", "~", "#", " ", "  ", "\t", "a", "\u{e9}", "\u{2500}",
                    "\u{2501}", "==", "--", "__",
                ],
                1..12,
            )
        ) {
            let Some(span) = trim(&text, Span::new(0, text.len())) else {
                return Ok(());
            };
            let t = span.of(&text);
            proptest::prop_assert_eq!(is_rule(t), markup::is_rule(t), "{:?}", t);
        }

        /// A list item's line, a star and a space before a plain line
        /// (`* Home`), is read as its own text, its marks not cleaned,
        /// exactly when its fold is its raw bytes; its words are its
        /// text's.
        #[test]
        fn list_item_lines_are_kept_as_folded(
            body in crate::testing::joined(
                vec![
                    "a", "Bc", " ", "*", "**", "_", "a_b", "[", "]", "[1]", "#", "`", "\\",
                    ">", "\u{e9}", "\u{2019}", "-", "!",
                ],
                1..10,
            ),
            items in 1usize..4,
        ) {
            let text: String = (0..items).map(|k| format!("* {body}{k}\n\n")).collect();
            check_kept(&text)?;
        }
    }

    /// Prose's blocks keep their starts as `u32`s, and their spans read
    /// from a start and a gap are the spans read the long way: gaps of
    /// every length, up to past what the flags hold, and the last block.
    #[test]
    fn short_gaps_give_the_spans_read_the_long_way() {
        let mut text = String::new();
        for gap in [1, 2, 3, 5, 29, 30, 31, 32, 40, 300] {
            text.push_str("The ferry to the island will run all winter, the operator said.");
            text.push_str(&" \n".repeat(gap / 2));
            text.push_str(&"\n".repeat(gap % 2 + 1));
        }
        text.push_str("Last line without a break.  ");
        let blocks = segment(&text, 0);
        assert!(matches!(blocks.spans.starts, Starts::Small(_)));
        assert_eq!(blocks.len(), 11);
        for i in 0..blocks.len() {
            let span = blocks.span(i);
            assert_eq!(span, blocks.spans.span_of(&text, i));
            assert_eq!(span.of(&text), span.of(&text).trim_end());
            assert!(span.of(&text).ends_with('.'));
        }
    }

    #[test]
    fn fixture_blocks_are_kept_as_folded() {
        for (_, text) in crate::testing::fixture_texts() {
            check_kept(&text).expect("kept texts");
        }
    }

    /// Texts are kept while they and their index fit the budget (a
    /// quarter of a large input); past it a block is folded when read.
    #[test]
    fn kept_texts_fit_their_budget() {
        assert_eq!(Folded::budget(1000), FOLDED_FLOOR);
        assert_eq!(Folded::budget(FOLDED_FLOOR * 8), FOLDED_FLOOR * 2);
        assert_eq!(Folded::budget(FOLDED_FLOOR + 4), FOLDED_FLOOR);
        let mut f = Folded::default();
        f.keep(40, 100, 0, "twelve bytes");
        f.keep(40, 100, 2, "twenty-one bytes long");
        f.keep(40, 100, 3, "eleven byte");
        assert_eq!(f.text.capacity(), 40, "room for the budget at most");
        assert_eq!(f.get(0), Some("twelve bytes"));
        assert_eq!(f.get(1), None);
        assert_eq!(f.get(2), None, "12 + 8 + 21 + 8 bytes is past 40");
        assert_eq!(f.get(3), Some("eleven byte"));
        assert!(f.text.len() + 8 * f.ends.len() <= 40);
        // Blocks kept across groups of 64 are found by rank.
        let mut f = Folded::default();
        let kept = [1usize, 63, 64, 65, 130, 191, 192, 400];
        for &i in &kept {
            f.keep(1 << 20, 1 << 10, i, &i.to_string());
        }
        for i in 0..500 {
            let want = i.to_string();
            assert_eq!(f.get(i), kept.contains(&i).then_some(want.as_str()), "{i}");
        }
        // A hard-wrapped text with more blocks than its budget holds reads
        // the same texts.
        let para = "A line of words that wraps here and\ngoes on to the next line.\n\n";
        let text = para.repeat(50);
        let mut blocks = segment(&text, 0);
        assert!(blocks.spans.folded.get(49).is_some());
        blocks.spans.folded = Folded::default();
        for i in 0..50 {
            if i % 3 == 0 {
                // Ten texts of 61 bytes, each with its 8 of index.
                blocks
                    .spans
                    .folded
                    .keep(10 * 69, text.len(), i, &segment(&text, 0).text_owned(i));
            }
        }
        let kept: Vec<usize> = (0..50)
            .filter(|&i| blocks.spans.folded.get(i).is_some())
            .collect();
        assert_eq!(kept, (0..10).map(|k| 3 * k).collect::<Vec<_>>());
        let mut scratch = String::new();
        for i in 0..50 {
            assert_eq!(
                blocks.text(i, &mut scratch),
                "A line of words that wraps here and goes on to the next line."
            );
        }
    }

    /// Every char [`narrow`] passes is one column wide.
    /// The line tests read from bytes are those read from the line as a
    /// `str`: [`marks_at`] is [`marks`] and [`ends_sentence`] is
    /// [`ends_sentence_by_chars`], on every line of the fixtures and on
    /// lines that end with each char of the test and its neighbours.
    #[test]
    fn line_bytes_are_read_as_the_chars() {
        let mut texts: Vec<String> = crate::testing::fixture_texts()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        let ends = [
            ".",
            "!",
            "?",
            ":",
            "\"",
            "'",
            ")",
            "\u{201d}",
            "\u{2019}",
            "\u{201c}",
            "\u{2018}",
            "\u{2014}",
            "\u{e9}",
            ",",
            "a",
            "*",
            "- - -",
            "\u{99}",
            "\u{9d}",
            "\u{2e}\u{301}",
        ];
        texts.push(
            ends.iter()
                .map(|e| format!("* Item on Dorn Lane{e}\n"))
                .collect(),
        );
        for text in &texts {
            for (span, ..) in lines_by_chars(text, 0) {
                let line = span.of(text);
                assert_eq!(marks_at(text, span), marks(line), "{line:?}");
                assert_eq!(
                    ends_sentence(line.as_bytes()),
                    ends_sentence_by_chars(line),
                    "{line:?}"
                );
            }
        }
    }

    #[test]
    fn narrow_chars_are_one_column() {
        let mut seen = 0;
        for c in ('\u{80}'..='\u{ffff}').chain(['\u{10000}', '\u{1f600}']) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            if let Some(len) = narrow(s.as_bytes()) {
                assert_eq!(len, s.len(), "{c:?}");
                assert_eq!(UnicodeWidthChar::width(c), Some(1), "{c:?}");
                assert_eq!(s.width(), 1, "{c:?}");
                seen += 1;
            }
        }
        assert_eq!(seen, 0x300 - 0xa0 - 1 + 0x100 - 7 + 0x18 + 0x2f + 0x21 + 2);
    }

    proptest::proptest! {
        /// [`widths`] is the width tables' count and the char count.
        #[test]
        fn widths_are_the_tables_widths(
            text in crate::testing::joined(
                vec![
                    "a", " ", "~", "\u{a0}", "\u{ad}", "\u{e9}", "\u{2ff}", "\u{300}",
                    "\u{301}", "\u{2019}", "\u{201d}", "\u{2014}", "\u{200b}", "\u{2028}",
                    "\u{205f}", "\u{2060}", "\u{20ac}", "\u{20c0}", "\u{20d0}", "\u{fe0f}",
                    "\u{200d}", "\u{65e5}", "\u{1f600}", "\t", "\u{1}", "\u{7f}", "1",
                    "\u{20e3}", "\u{627}", "\u{644}", "\u{ff01}", "\u{400}", "\u{43e}",
                    "\u{482}", "\u{483}", "\u{489}", "\u{48a}", "\u{4ff}", "\u{25a1}",
                    "\u{2606}", "\u{fe0e}",
                ],
                0..24,
            )
        ) {
            proptest::prop_assert_eq!(widths(&text), (text.width(), text.chars().count()));
        }
    }

    proptest::proptest! {
        /// [`trimmed_len`] is the length `trim_end_matches` leaves.
        #[test]
        fn trimmed_len_is_trim_end(
            text in crate::testing::joined(
                vec![
                    "a", " ", "\t", "\n", "\u{a0}", "\u{85}", "\u{e9}", "\u{2019}",
                    "\u{200b}", "\u{2028}", "\u{3000}", "\u{feff}", "\u{65e5}", "\u{1f600}",
                ],
                0..12,
            )
        ) {
            proptest::prop_assert_eq!(trimmed_len(&text), text.trim_end_matches(is_space).len());
        }
    }

    #[test]
    fn plain_lines_are_known_without_folding() {
        assert!(folds_to_itself("A plain line, with caf\u{e9} and 3.5%."));
        for line in [
            "two  spaces",
            "tab\there",
            "nb\u{a0}sp",
            "**bold**",
            "> quoted",
            "a_b",
            "x [img]",
        ] {
            assert!(!folds_to_itself(line), "{line:?}");
        }
    }

    /// Short lines get packed starts, ordinary ones plain u32s, and both
    /// cut the same blocks as usize starts.
    #[test]
    fn dense_text_packs_its_starts_and_cuts_the_same_blocks() {
        let prose =
            "Council approves bridge plan\n\nThe vote came late on Tuesday after a long debate.\n";
        let mut dense = String::from("Menu\n\n");
        for i in 0..2_000 {
            dense.push_str(&format!("{}\n", i % 7));
            if i % 97 == 0 {
                // A long line now and then: a gap past what a byte holds.
                dense.push_str(&"word ".repeat(80));
                dense.push_str("\n\n");
            }
        }
        for (text, packed) in [(prose, false), (dense.as_str(), true)] {
            let (small, wide) = (cut(text, 0, true), cut(text, 0, false));
            assert_eq!(matches!(small.spans.starts, Starts::Packed(_)), packed);
            assert!(matches!(wide.spans.starts, Starts::Large(_)));
            assert_eq!(small.len(), wide.len());
            assert!(small.len() > usize::from(packed) * 1_000);
            for i in 0..small.len() {
                assert_eq!(small.span(i), wide.span(i));
            }
        }
    }

    /// Starts kept as usize (an input of 4 GiB or more) give the same
    /// blocks as u32 starts.
    #[test]
    fn wide_starts_cut_the_same_blocks() {
        let mut seen = 0;
        for (_, text) in crate::testing::fixture_texts() {
            let (small, wide) = (cut(&text, 0, true), cut(&text, 0, false));
            assert!(matches!(wide.spans.starts, Starts::Large(_)));
            assert_eq!(small.len(), wide.len());
            for i in 0..small.len() {
                assert_eq!(small.span(i), wide.span(i));
                assert_eq!(small.text_owned(i), wide.text_owned(i));
                assert_eq!(small.spans.flags[i], wide.spans.flags[i]);
            }
            seen += small.len();
        }
        assert!(seen > 200);
    }

    /// A block's end is the same whether the white space after it is
    /// short enough to be kept in its flags or read back over.
    #[test]
    fn kept_gaps_give_the_ends_read_back() {
        let long = " ".repeat(40);
        let input = format!("One.\n\nTwo \u{a0}\n{long}\n\nThree\r\n\r\nFour{long}\n\nFive.\n");
        let blocks = segment(&input, 0);
        let spans = &blocks.spans;
        let mut unknown = 0;
        for i in 0..blocks.len() {
            let start = spans.starts.get(i);
            let next = if i + 1 < blocks.len() {
                spans.starts.get(i + 1)
            } else {
                input.len()
            };
            let read = Span::new(start, start + trimmed_len(&input[start..next]));
            assert_eq!(blocks.span(i), read, "block {i}");
            unknown += usize::from(spans.flags[i] >> GAP_SHIFT == GAP_UNKNOWN);
        }
        assert_eq!(blocks.texts(), ["One.", "Two", "Three", "Four", "Five."]);
        assert_eq!(unknown, 2);
    }

    #[test]
    fn empty_and_blank_inputs_have_no_blocks() {
        assert!(texts("").is_empty());
        assert!(texts(" \n\r\n\t\u{a0}\n").is_empty());
    }

    #[test]
    fn no_final_newline_and_bom_offset() {
        let input = "\u{feff}Title\n\nBody.";
        let seg = segment(input, 3);
        assert_eq!(seg.span(0), Span::new(3, 8));
        assert_eq!(seg.span(1).of(input), "Body.");
    }

    proptest::proptest! {
        /// A block's lines folded in one pass give the text they give
        /// folded a line at a time: line breaks of every kind, white
        /// space at the lines' ends, wide chars either side of a break
        /// (joined without a space), markup and quoting marks.
        #[test]
        fn one_pass_fold_is_the_fold_by_lines(
            text in crate::testing::joined(
                vec![
                    "a", "Bc", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\u{a0}",
                    "\u{3000}", "\u{200b}", "\u{e9}", "\u{65e5}", "\u{3042}", "\u{ff21}",
                    "*", "**", "_", "[", "]", "[1]", "(x)", "!", "#", "## ", "> ", ">", "`",
                    "\\", ".", "\u{85}", "\u{2028}",
                ],
                0..24,
            ),
            underscores in proptest::bool::ANY,
        ) {
            let style = Style { underscores };
            let whole = Span::new(0, text.len());
            proptest::prop_assert_eq!(
                block_text(&text, whole, style),
                block_text_by_lines(&text, whole, style)
            );
            if let Some(span) = trim(&text, whole) {
                proptest::prop_assert_eq!(
                    block_text(&text, span, style),
                    block_text_by_lines(&text, span, style)
                );
            }
        }
    }
}
