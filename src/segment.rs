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

use std::collections::BTreeMap;

use memchr::memchr2;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::markup::{self, Style};
use crate::span::Span;
use crate::text::{
    fold_into, fold_lines_into, is_ascii_space, is_folded, is_space, trimmed, wide_char,
};

/// One non-blank line, trimmed of surrounding white space: made as the
/// input is read, one at a time, never held in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Line {
    /// The trimmed line.
    span: Span,
    /// Its width in display columns (an East Asian wide char counts two).
    cols: usize,
    /// Its length in chars: some converters (lynx) wrap wide text by chars.
    chars: usize,
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
    /// A converter's mark opens the line: a heading (`## `, `*** `) or a
    /// list item (`* `, `• `): it starts a block.
    opens: bool,
    /// A converter's mark closes the line (` ***`): a block ends after it.
    closes: bool,
    /// The line is only a rule or title underline (`=====`).
    rule: bool,
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
            style: Style::default(),
            folded: Folded::default(),
        }
    }
}

impl BlockSpans {
    /// How many blocks.
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    /// No blocks at all.
    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    /// Block `i`: from the first char of its first line to the last of its
    /// last line.
    pub fn span(&self, input: &str, i: usize) -> Span {
        let start = self.starts.get(i);
        let next = if i + 1 < self.len() {
            self.starts.get(i + 1)
        } else {
            input.len()
        };
        let gap = self.flags[i] >> GAP_SHIFT;
        if gap < GAP_UNKNOWN {
            let end = next - usize::from(gap);
            debug_assert_eq!(end, start + trimmed_len(&input[start..next]));
            return Span::new(start, end);
        }
        Span::new(start, start + trimmed_len(&input[start..next]))
    }

    /// The text of block `i`, with line breaks and white space runs folded
    /// to one space and converter markup removed (see [`crate::markup`]):
    /// the input itself when that is the same, else folded into `scratch`.
    pub fn text<'s>(&'s self, input: &'s str, i: usize, scratch: &'s mut String) -> &'s str {
        // A kept text is read without the block's end being looked for.
        if self.flags[i] & PLAIN == 0 {
            if let Some(t) = self.folded.get(i) {
                return t;
            }
        }
        self.text_at(input, i, self.span(input, i), scratch)
    }

    /// [`BlockSpans::text`] of block `i` whose span the caller has already
    /// (`span` is [`BlockSpans::span`]`(input, i)`): its end is not looked
    /// for again.
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
        scratch.clear();
        block_text_into(input, span, self.style, scratch);
        scratch
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
    /// once for every reader; `one_line` says the span is one line.
    fn fold_new(&mut self, input: &str, span: Span, one_line: bool, scratch: &mut String) -> bool {
        let i = self.flags.len();
        let line = span.of(input);
        if one_line {
            if folds_to_itself(line) {
                return true;
            }
            if markup::quote_prefix(line) == 0 && is_folded(line) {
                // Known without folding: the line's text is its clean
                // words ([`fold_lines`] would copy it as it is).
                return match markup::clean_folded(line, self.style) {
                    Some(c) if !c.is_empty() => {
                        self.folded
                            .keep(Folded::budget(input.len()), input.len(), i, &c);
                        false
                    }
                    _ => true,
                };
            }
        }
        scratch.clear();
        block_text_into(input, span, self.style, scratch);
        if one_line && scratch.as_str() == line {
            return true;
        }
        self.folded
            .keep(Folded::budget(input.len()), input.len(), i, scratch);
        false
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
    /// The blocks kept, in increasing order, and where each one's text
    /// ends in `text`.
    blocks: Vec<u32>,
    ends: Vec<u32>,
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
        let used = self.text.len() + 8 * self.blocks.len();
        let (Ok(i), Ok(end)) = (
            u32::try_from(i),
            u32::try_from(self.text.len() + text.len()),
        ) else {
            return;
        };
        if used + text.len() + 8 > budget {
            return;
        }
        debug_assert!(self.blocks.last().is_none_or(|&b| b < i));
        if self.text.capacity() == 0 {
            self.text.reserve_exact(room.min(budget));
        }
        self.text.push_str(text);
        self.blocks.push(i);
        self.ends.push(end);
    }

    /// Block `i`'s kept text, if it is kept.
    fn get(&self, i: usize) -> Option<&str> {
        let i = u32::try_from(i).ok()?;
        let k = self.blocks.binary_search(&i).ok()?;
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
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// No blocks at all.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The input the blocks index.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The blocks without the input.
    pub fn into_spans(self) -> BlockSpans {
        self.spans
    }

    /// Block `i`: from the first char of its first line to the last of its
    /// last line.
    pub fn span(&self, i: usize) -> Span {
        self.spans.span(self.input, i)
    }

    /// The text of block `i` (see [`BlockSpans::text`]).
    pub fn text<'s>(&'s self, i: usize, scratch: &'s mut String) -> &'s str {
        self.spans.text(self.input, i, scratch)
    }

    /// [`Blocks::text`] of block `i`, whose span is `span` (see
    /// [`BlockSpans::text_at`]).
    pub fn text_at<'s>(&'s self, i: usize, span: Span, scratch: &'s mut String) -> &'s str {
        self.spans.text_at(self.input, i, span, scratch)
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
    pub fn heading(&self, i: usize) -> bool {
        self.spans.flags[i] & HEADING != 0
    }

    /// The block is a list item (`* `, `• `, `- `).
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

/// The lines of `input` from byte `from`, made one at a time. `full` also
/// reads the markup of each line (which the first passes do not need);
/// `measure` their widths in columns and chars (0 without it: only a
/// hard-wrapped text reads them once it is cut).
fn lines(input: &str, from: usize, full: bool, measure: bool) -> impl Iterator<Item = Line> + '_ {
    let bytes = input.as_bytes();
    let mut pos = from;
    let mut after_blank = true;
    std::iter::from_fn(move || {
        while pos <= bytes.len() {
            let (end, next) = match memchr2(b'\n', b'\r', &bytes[pos..]) {
                Some(k) => {
                    let end = pos + k;
                    let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                        end + 2
                    } else {
                        end + 1
                    };
                    (end, next)
                }
                None => (bytes.len(), bytes.len() + 1),
            };
            let line_start = pos;
            pos = next;
            let Some(span) = trim(input, Span::new(line_start, end)) else {
                after_blank = true;
                continue;
            };
            let t = span.of(input);
            let (cols, chars) = if measure { widths(t) } else { (0, 0) };
            // Trimmed chars are all `is_space`; the zero-width ones it
            // adds to Unicode white space (U+FEFF, U+200B) are no indent.
            let indent = input[line_start..span.start]
                .chars()
                .fold(0, |col, c| match c {
                    '\t' => (col / 8 + 1) * 8,
                    c if c.is_whitespace() => col + 1,
                    _ => col,
                });
            let (opens, closes, rule) = if full {
                let body = &t[markup::quote_prefix(t)..];
                let label = markup::is_label(body);
                (
                    label || markup::opens_heading(body) || markup::opens_item(body),
                    label || markup::closes_heading(body),
                    markup::is_rule(t),
                )
            } else {
                (false, false, false)
            };
            let line = Line {
                span,
                cols,
                chars,
                after_blank,
                indented: indent > 0,
                outdented: false,
                indent,
                opens,
                closes,
                rule,
            };
            after_blank = false;
            return Some(line);
        }
        None
    })
}

/// A line's width in display columns and in chars.
fn widths(t: &str) -> (usize, usize) {
    // Printable ASCII and the narrow chars of [`narrow`] are one column a
    // char (none of them joins with a neighbour into a wider or narrower
    // cluster): counted by bytes, the width tables are read for the other
    // lines only.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = t.as_bytes();
    let mut chars = 0;
    let mut i = 0;
    while i < b.len() {
        // Eight printable ASCII bytes (0x20..=0x7e) at a time: no top bit,
        // no byte below 0x20 (a borrow), none equal to 0x7f (a zero byte
        // of the xor).
        if let Some(chunk) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let del = w ^ (ONES * 0x7f);
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
/// narrow chars of Latin text (Latin-1 but the soft hyphen, Latin
/// Extended-A and -B, spacing modifiers; the dashes, quotation marks and
/// other punctuation of General Punctuation; currency signs): one display
/// column each, whatever stands beside them.
fn narrow(b: &[u8]) -> Option<usize> {
    match *b {
        // U+00A0..=U+02FF but U+00AD.
        [0xc2, y, ..] if y >= 0xa0 && y != 0xad => Some(2),
        [0xc3..=0xcb, 0x80..=0xbf, ..] => Some(2),
        // U+2010..=U+2027 and U+2030..=U+205E.
        [0xe2, 0x80, z, ..] if (0x90..=0xa7).contains(&z) || z >= 0xb0 => Some(3),
        [0xe2, 0x81, z, ..] if (0x80..=0x9e).contains(&z) => Some(3),
        // U+20A0..=U+20C0.
        [0xe2, 0x82, z, ..] if (0xa0..=0xbf).contains(&z) => Some(3),
        [0xe2, 0x83, 0x80, ..] => Some(3),
        _ => None,
    }
}

/// The common left margin: the indent that at least 70% of lines reach
/// (lynx's three spaces, `> ` quoting, `fmt -p`), from the count of lines
/// at each indent; 0 under three lines. Lines are then indented or
/// outdented relative to it.
fn margin(indents: &BTreeMap<usize, usize>, lines: usize) -> usize {
    if lines < 3 {
        return 0;
    }
    // The indent at rank lines * 3 / 10 in ascending order.
    let rank = lines * 3 / 10;
    let mut seen = 0;
    indents
        .iter()
        .find(|&(_, &count)| {
            seen += count;
            seen > rank
        })
        .map_or(0, |(&indent, _)| indent)
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
    let style = markup::style(&input[from..]);
    // Pass 1: counts. Lines by indent; lines followed by a non-blank line
    // by width in columns and in chars (index 121: wider), all of them and
    // those that stop mid-sentence; and for each line that follows one
    // indented deeper, the indents between the two, where it would open
    // an indented paragraph.
    let mut indents = BTreeMap::new();
    let mut opens_at: BTreeMap<usize, isize> = BTreeMap::new();
    let mut count = 0;
    let mut followed = [[0usize; 122]; 2];
    let mut open = [[0usize; 122]; 2];
    let mut prev: Option<Line> = None;
    // A line's widths are measured when a non-blank line follows it:
    // only those are counted.
    for l in lines(input, from, false, false) {
        *indents.entry(l.indent).or_insert(0usize) += 1;
        count += 1;
        if let Some(p) = prev.filter(|_| !l.after_blank) {
            let stops = !ends_sentence(p.span.of(input));
            let (cols, chars) = widths(p.span.of(input));
            for (k, measure) in [cols, chars].into_iter().enumerate() {
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
        prev = Some(l);
    }
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
    let wrap_chars = judged(1);
    let wrap_width = wrap_width.or(wrap_chars);
    // Wrapped text whose paragraphs open with an indent: every line that is
    // not indented continues the indented paragraph it follows. An indented
    // run of lines (a block quote) is no such text.
    let indented: usize = indents.range(margin + 1..).map(|(_, &c)| c).sum();
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
            style,
            folded: Folded::default(),
        },
        wrap_width,
        margin,
    };
    let mut scratch = String::new();
    let mut first: Option<Line> = None;
    let mut last: Option<Line> = None;
    let mut prev_end = None;
    // The widths are read again only where lines may join by them
    // ([`continues`]: by columns at `wrap_width`, which is set whenever
    // `wrap_chars` is).
    for l in lines(input, from, true, wrap_width.is_some()).map(mark) {
        let breaks = match (first, last) {
            (Some(first), Some(last)) => {
                let in_indented = indent_mode && first.indented;
                l.after_blank
                    || l.opens
                    || l.rule
                    || last.rule
                    || last.closes
                    || l.outdented != last.outdented
                    || if in_indented {
                        l.indented
                    } else {
                        !(continues(
                            input,
                            &last,
                            &l,
                            wrap_width,
                            true,
                            style.underscores,
                            blocks.margin,
                        ) || continues(
                            input,
                            &last,
                            &l,
                            wrap_chars,
                            false,
                            style.underscores,
                            blocks.margin,
                        ))
                    }
            }
            _ => false,
        };
        if breaks {
            if let (Some(f), Some(e)) = (first, last) {
                push_block(&mut blocks, &f, &e, &mut prev_end, &mut scratch);
            }
            first = None;
        }
        if first.is_none() {
            first = Some(l);
        }
        last = Some(l);
    }
    if let (Some(f), Some(e)) = (first, last) {
        push_block(&mut blocks, &f, &e, &mut prev_end, &mut scratch);
    }
    if let Some(end) = prev_end {
        set_gap(&mut blocks.spans.flags, input.len() - end);
    }
    blocks.spans.starts.shrink_to_fit();
    blocks.spans.flags.shrink_to_fit();
    blocks
}

/// The width a histogram of the widths of lines followed by a non-blank
/// line points at, if any: the text is judged wrapped there when most of
/// its long lines stop mid-sentence (see [`segment`]).
fn wrap_from_histogram(hist: &[usize; 121]) -> Option<usize> {
    // The wrap width: where the full lines of wrapped paragraphs pile up,
    // just below it. Long unbreakable lines (a URL, a slug, a link the
    // converter would not break) stand past it and must not set it: the
    // width comes from the 12%-wide window of widths holding most lines,
    // its longest line but for one in twenty.
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
/// pushed before it ends, and becomes where this one does.
fn push_block(
    blocks: &mut Blocks<'_>,
    first: &Line,
    last: &Line,
    prev_end: &mut Option<usize>,
    scratch: &mut String,
) {
    let input = blocks.input;
    let span = first.span.cover(last.span);
    if let Some(end) = prev_end.replace(span.end) {
        set_gap(&mut blocks.spans.flags, span.start - end);
    }
    let heading = first.opens && markup::opens_heading(first.span.of(input)) || first.outdented;
    let first_raw = first.span.of(input);
    let item = markup::opens_item(&first_raw[markup::quote_prefix(first_raw)..]);
    // A block of several lines is never its raw bytes (its line breaks
    // fold); one line is, when folding leaves it as it is.
    let plain = blocks
        .spans
        .fold_new(input, span, first.span == last.span, scratch);
    blocks.spans.starts.push(span.start);
    blocks.spans.flags.push(
        (u8::from(heading) * HEADING)
            | (u8::from(item) * ITEM)
            | (u8::from(plain) * PLAIN)
            | (GAP_UNKNOWN << GAP_SHIFT),
    );
}

/// Bytes a trimmed line may hold and still fold to itself: printable
/// ASCII but for the marks [`markup::clean`] reads (`[`, `*`, `_`, `#`,
/// `\`, `>` and the backtick), and the space, checked apart (one between
/// two chars). Bytes from 0x80 are read as chars.
static KEEPS: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0x20;
    while b < 0x7f {
        t[b] = !matches!(b as u8, b'[' | b'*' | b'_' | b'#' | b'\\' | b'>' | b'`');
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
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if !KEEPS[usize::from(c)] {
                return false;
            }
            // A space stands between two chars that are no white space
            // (a char from 0x80 is tested when it is reached).
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
    if folds_to_itself(line) {
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
        clean_into(text, style, true);
    } else {
        fold_lines(input, block_lines(input, span), text);
        clean_into(text, style, false);
    }
}

/// [`block_text_into`] a line at a time: the way for a block with quoting
/// marks, and the reference the one-pass fold is held to.
#[cfg(test)]
fn block_text_by_lines(input: &str, span: Span, style: Style) -> String {
    let mut text = String::new();
    fold_lines(input, block_lines(input, span), &mut text);
    clean_into(&mut text, style, false);
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
/// `text` (empty), before its markup is removed ([`clean_into`]).
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
/// is known to be its own fold.
fn clean_into(text: &mut String, style: Style, folded: bool) {
    let clean = if folded {
        markup::clean_folded(text, style)
    } else {
        markup::clean(text, style)
    };
    // A block that is only markup (a picture's `![alt](src)`, `[img]`)
    // keeps its text as written.
    if let Some(clean) = clean.filter(|c| !c.is_empty()) {
        *text = clean;
    }
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

fn ends_sentence(line: &str) -> bool {
    matches!(
        line.chars().last(),
        Some('.' | '!' | '?' | ':' | '"' | '\u{201d}' | '\u{2019}' | '\'' | ')')
    )
}

/// Columns by which the next line's first word may seem to fit and still
/// be taken as wrapped (see [`continues`]); 2 and 3 score alike on the web
/// corpus, 0 splits lynx paragraphs whose width was overestimated.
const SLACK: usize = 2;

/// Does `next` continue the paragraph of `line` (same run of non-blank lines)?
fn continues(
    input: &str,
    line: &Line,
    next: &Line,
    wrap_width: Option<usize>,
    by_cols: bool,
    underscores: bool,
    margin: usize,
) -> bool {
    let Some(width) = wrap_width else {
        return false;
    };
    // An indented line opens a paragraph when the line before was not indented.
    if next.indented && !line.indented {
        return false;
    }
    let first_word = next
        .span
        .of(input)
        // Debian html2text writes a link's spaces as `_` and wraps there.
        .split(|c| is_space(c) || (underscores && c == '_'))
        .next()
        .map_or(0, |w| {
            if by_cols {
                w.width()
            } else {
                w.chars().count()
            }
        });
    // A block quote's lines wrap short of the width by their extra indent.
    let shift = if line.indented && next.indent == line.indent {
        line.indent.saturating_sub(margin)
    } else {
        0
    };
    let len = shift + if by_cols { line.cols } else { line.chars };
    // The width is estimated from the lines seen, and a line or two of
    // unbreakable text can lift it a column or two past the converter's:
    // a word that misses by two columns would not have fitted either.
    len * 2 >= width && len + 1 + first_word + SLACK > width
}

/// The text of every block of every fixture article (`fixtures/*.txt`): the
/// shapes real articles have, for tests that check a rule's fast gate against
/// its exact pattern.
#[cfg(test)]
pub(crate) fn fixture_blocks() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut blocks: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("read");
            blocks.extend(segment(&text, 0).texts());
        }
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
            proptest::prop_assert_eq!(blocks.spans.folded.get(i).is_some(), !plain);
            proptest::prop_assert_eq!(blocks.text(i, &mut scratch), folded.as_str());
            proptest::prop_assert_eq!(&blocks.text_owned(i), &folded);
            proptest::prop_assert_eq!(bare.text(i, &mut scratch), folded.as_str());
            proptest::prop_assert_eq!(&bare.text_owned(i), &folded);
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn kept_texts_are_the_folds(
            text in crate::testing::joined(
                vec![
                    "a", "Bc", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\u{a0}", "\u{3000}",
                    "\u{e9}", "\u{65e5}", "*", "**", "_", "[", "]", "[1]", "(x)", "!", "#",
                    "## ", "> ", ">", "`", "\\", ".", "a_b c_d e_f\n",
                ],
                0..40,
            )
        ) {
            check_kept(&text)?;
        }
    }

    #[test]
    fn fixture_blocks_are_kept_as_folded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("read");
                check_kept(&text).expect("kept texts");
            }
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
        assert!(f.text.len() + 8 * f.blocks.len() <= 40);
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
        assert_eq!(seen, 0x300 - 0xa0 - 1 + 0x18 + 0x2f + 0x21);
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
                    "\u{20e3}", "\u{627}", "\u{644}", "\u{ff01}",
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
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("read");
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
