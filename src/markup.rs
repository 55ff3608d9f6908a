//! Converter markup → clean words.
//!
//! HTML-to-text programs leave their own marks in the text: Markdown
//! (`# Heading`, `**bold**`, `_em_`, `[text](url)`, `![alt](src)`, `\*`
//! escapes), Debian html2text's `****** Title ******` headings and
//! `link_text_with_underscores`, w3m's `[img]` placeholders. A block's `text`
//! is the words a reader sees; its span still covers the original bytes.
//! Every function here only deletes chars or turns a char into a space, so a
//! block's text stays a subsequence of its span.

use smallvec::SmallVec;

/// Document-wide facts about the converter that wrote the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Debian html2text writes link text with `_` for each space
    /// (`Read_the_full_story`): such underscores are spaces.
    pub underscores: bool,
}

/// Guess the [`Style`] from the whole text: underscores join words in link
/// text on many lines (`see_the_report`), which prose never does.
pub fn style(input: &str) -> Style {
    style_counted(input, None)
}

/// [`style`], given the count of `input`'s non-blank lines when it is
/// known: the lines `str::lines` cuts (at `\n`) that hold a char that is
/// no white space (`char::is_whitespace`). Counted here when it is
/// `None` and needed.
pub fn style_counted(input: &str, non_blank: Option<usize>) -> Style {
    // Only lines with an underscore can join words with one: each
    // underscore is read where it stands, and a line is counted at the
    // first one that joins (the rest of it passed). Its neighbours are
    // read in the whole text: a line break beside an underscore (`_` at a
    // line's start or end, a `\r` before the `\n`) is no letter, and a
    // closing quote before one has no line break in its bytes, so each
    // test reads what it read in the line alone. The lines are counted (a
    // pass over the text) only when three or more of them join words.
    let bytes = input.as_bytes();
    let mut lines_with = 0usize;
    let mut from = 0;
    while let Some(k) = memchr::memchr(b'_', &bytes[from..]) {
        let at = from + k;
        from = if joins_words_at(bytes, at) {
            lines_with += 1;
            memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n)
        } else {
            // The underscores after it in a run (a rule of them, `___`)
            // have one before them, no letter: none of them joins.
            at + 1 + bytes[at + 1..].iter().take_while(|&&x| x == b'_').count()
        };
    }
    if lines_with < 3 {
        return Style::default();
    }
    let lines = non_blank.unwrap_or_else(|| non_blank_lines(input));
    Style {
        underscores: lines_with * 40 >= lines,
    }
}

/// How many of the lines of `input` (as `str::lines` cuts them) hold a
/// char that is no white space (`char::is_whitespace`): the white space
/// from a line's start (over blank lines) is passed by bytes, a char from
/// 0x80 decoded, and the rest of a line that has such a char is passed by
/// a vector search for its end.
fn non_blank_lines(input: &str) -> usize {
    let b = input.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            if crate::text::is_ascii_space(x) {
                i += 1;
                continue;
            }
        } else {
            let c = input[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
        }
        count += 1;
        i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k + 1);
    }
    count
}

/// Does the underscore at `b[k]` join two words (`see_the_report`), a
/// letter on either side of it, or follow a closing quote (the bytes of
/// U+2019)?
fn joins_words_at(b: &[u8], k: usize) -> bool {
    let letter = |x: u8| (x as char).is_alphabetic();
    (k > 0 && k + 1 < b.len() && letter(b[k - 1]) && letter(b[k + 1]))
        || (k >= 3 && b[k - 3..k] == *"\u{2019}".as_bytes())
}

/// Does the input look like raw HTML rather than text (a page fed to lede
/// without a converter)? A document type or `<html>` at the start, or many
/// paragraph and division tags in the first 64 KiB.
pub fn looks_like_html(input: &str) -> bool {
    let head = input
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .as_bytes();
    // (Compared in place, in either case: no copy of the head is made.)
    let opens = |tag: &[u8]| {
        head.get(..tag.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(tag))
    };
    if opens(b"<!doctype html") || opens(b"<html") {
        return true;
    }
    let mut end = input.len().min(65536);
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    // Each tag starts with the only `<` in it, so no two occurrences of
    // tags overlap: one pass over the `<`s counts them all, as a search per
    // tag did (seven passes over the sample).
    let tags: [&[u8]; 7] = [
        b"<p>",
        b"</p>",
        b"<div",
        b"</div>",
        b"<br>",
        b"<br/>",
        b"<a href=",
    ];
    let sample = &input.as_bytes()[..end];
    memchr::memchr_iter(b'<', sample)
        .filter(|&i| tags.iter().any(|t| sample[i..].starts_with(t)))
        .nth(9)
        .is_some()
}

/// A line's converter prefix: Markdown/e-mail quote marks (`> > `). Returns
/// the byte length to skip.
pub fn quote_prefix(line: &str) -> usize {
    let mut at = 0;
    let b = line.as_bytes();
    while at < b.len() && b[at] == b'>' {
        at += 1;
        while at < b.len() && (b[at] == b' ' || b[at] == b'\t') {
            at += 1;
        }
    }
    at
}

/// True when the (trimmed) line is a horizontal rule or a title underline:
/// three or more of one of `= - * _ ~ #`, nothing else.
pub fn is_rule(line: &str) -> bool {
    // Most lines start with a char that no rule is made of: known from
    // the first byte, without trimming.
    if line
        .as_bytes()
        .first()
        .is_some_and(|&x| x.is_ascii_graphic() && !b"=-*_~#".contains(&x))
    {
        return false;
    }
    let t = line.trim();
    let mut chars = t.chars().filter(|c| *c != ' ');
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '=' | '-' | '*' | '_' | '~' | '#' | '─' | '━')
        && chars.clone().count() >= 2
        && chars.all(|c| c == first)
}

/// True when the line opens a heading written as markup: Markdown `## `, or
/// Debian html2text's `**** ` (closed by ` ****`).
pub fn opens_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        return true;
    }
    let stars = line.bytes().take_while(|&b| b == b'*').count();
    stars >= 3 && line[stars..].starts_with(' ')
}

/// True when the line closes a Debian html2text heading (` ****`).
pub fn closes_heading(line: &str) -> bool {
    let stars = line.bytes().rev().take_while(|&b| b == b'*').count();
    stars >= 3 && line[..line.len() - stars].ends_with(' ')
}

/// True when the whole line stands in square brackets: a converter's
/// label for a picture, a button or a form box (`[A view of the bay]`,
/// `[img]`), which stands apart from the lines around it.
pub fn is_label(line: &str) -> bool {
    line.len() >= 3 && line.starts_with('[') && line.ends_with(']')
}

/// True when the line opens a list item: `* `, `- `, `+ `, `• `, `· `.
pub fn opens_item(line: &str) -> bool {
    let mut c = line.chars();
    matches!(c.next(), Some('*' | '-' | '+' | '•' | '·' | '◦' | '▪'))
        && matches!(c.next(), Some(' ' | '\t'))
}

/// Is this bracketed text a placeholder a converter puts for a picture, a
/// form box or an inline frame (`[img]`, `[ ]`, `[photo.jpg]`, `[INS::INS]`)?
fn placeholder(inner: &str) -> bool {
    let t = inner.trim().as_bytes();
    if t.is_empty() {
        return true;
    }
    // Compared byte by byte, ASCII letters in either case: no lowercase
    // copy is made.
    if [
        &b"img"[..],
        b"image",
        b"photo",
        b"gif",
        b"svg",
        b"png",
        b"jpg",
    ]
    .iter()
    .any(|name| t.eq_ignore_ascii_case(name))
        || t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"ins:"))
    {
        return true;
    }
    !t.contains(&b' ')
        && [&b".gif"[..], b".png", b".jpg", b".jpeg", b".svg", b".webp"]
            .iter()
            .any(|e| t.len() >= e.len() && t[t.len() - e.len()..].eq_ignore_ascii_case(e))
}

/// The end (exclusive) of a Markdown link target starting at `from` (just
/// past `(`): the matching `)`, with no white space before it other than
/// inside a quoted title.
fn link_target_end(b: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = from;
    let mut title = false;
    while i < b.len() {
        match b[i] {
            b'"' => title = !title,
            b'(' if !title => depth += 1,
            b')' if !title => {
                if depth == 0 {
                    return Some(i + 1);
                }
                depth -= 1;
            }
            b' ' if !title && !b[i + 1..].starts_with(b"\"") => return None,
            _ => {}
        }
        i += 1;
        if i - from > 2048 {
            return None;
        }
    }
    None
}

fn mark_index(c: char) -> usize {
    match c {
        '*' => 0,
        '_' => 1,
        _ => 2,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// [`MARKS`] bit: a char [`clean`] looks for before it reads the text.
const TRIGGER: u8 = 1;
/// [`MARKS`] bit: a char the arms of [`clean`]'s loop act on.
const STOP: u8 = 2;

/// The bits of each byte for [`clean`]'s scans: one load a byte.
static MARKS: [u8; 256] = {
    let mut t = [0u8; 256];
    let trigger = *b"[*_#\\>`";
    let stop = *b"\\[]*_`";
    let mut k = 0;
    while k < trigger.len() {
        t[trigger[k] as usize] |= TRIGGER;
        k += 1;
    }
    k = 0;
    while k < stop.len() {
        t[stop[k] as usize] |= STOP;
        k += 1;
    }
    t
};

/// The first index from `from` on whose byte is a [`STOP`] (`\\`, `[`,
/// `]`, `*`, `_`, `` ` ``), or the length. Eight bytes at a time: the
/// bytes 0x5B..=0x60 and `*` are found by [`stop_lanes`], and a `^` is
/// passed by the table.
pub(crate) fn next_stop(b: &[u8], mut from: usize) -> usize {
    while let Some(chunk) = b.get(from..from + 8) {
        let v = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let mut found = stop_lanes(v);
        while found != 0 {
            let at = from + (found.trailing_zeros() / 8) as usize;
            if MARKS[usize::from(b[at])] & STOP != 0 {
                return at;
            }
            found &= found - 1;
        }
        from += 8;
    }
    while from < b.len() && MARKS[usize::from(b[from])] & STOP == 0 {
        from += 1;
    }
    from.min(b.len())
}

/// The lanes (top bit set) of the eight bytes `v` that are 0x5B..=0x60
/// (the stops but `*`, and `^`) or `*`: sums that no byte carries out of,
/// its top bit cleared first, and bytes from 0x80 left out.
#[inline(always)]
fn stop_lanes(v: u64) -> u64 {
    use crate::swar::{at_least, zero_lanes, HIGH, LOW7, ONES};
    let x = v & LOW7;
    let brackets = at_least(x, 0x5b) & !at_least(x, 0x61);
    let star = zero_lanes(x ^ (ONES * u64::from(b'*')));
    (brackets | star) & !v & HIGH
}

/// Does `b` hold a byte [`clean`] acts on (a [`TRIGGER`])? A long text by
/// three vector searches over the seven bytes, where a table load a byte
/// costs four instructions a byte (most texts have none); a short one by
/// the table, below the searches' cost of a call.
pub(crate) fn has_trigger(b: &[u8]) -> bool {
    if b.len() < 96 {
        return b.iter().any(|&c| MARKS[usize::from(c)] & TRIGGER != 0);
    }
    memchr::memchr3(b'[', b'*', b'_', b).is_some()
        || memchr::memchr3(b'#', b'\\', b'>', b).is_some()
        || memchr::memchr(b'`', b).is_some()
}

/// Could the rules change `b`, a text known to be its own fold
/// ([`crate::text::is_folded`])? Only when it opens with a heading's `#`
/// or holds a byte the loop of [`clean_marks`] acts on ([`STOP`]): a
/// folded text with neither keeps every char as written ([`keeps_all`]
/// finds no stop), whatever `#` or `>` stands inside it (`Room #4 > Hall
/// B` is its own clean text). A superset of those bytes is looked for,
/// `^` with them (the bytes 0x5B..=0x60 and `*`), so `true` may still
/// change nothing. A short text is read eight bytes at a time, its last
/// eight once more (where [`has_trigger`] read a table load a byte, some
/// five instructions a byte of every line that is a block of its own); a
/// long one by two vector searches. Inlined where it is asked: the call
/// cost about as much as the read of a short line.
#[inline]
pub(crate) fn folded_may_change(b: &[u8]) -> bool {
    if b.first() == Some(&b'#') {
        return true;
    }
    if b.len() >= 96 {
        return memchr::memchr3(b'[', b'*', b'_', b).is_some()
            || memchr::memchr3(b'\\', b']', b'`', b).is_some();
    }
    // The bytes 0x5B..=0x60 and `*` of a chunk, as [`next_stop`] finds
    // them.
    let marked = |v: u64| stop_lanes(v) != 0;
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().expect("eight bytes"));
    if b.len() < 8 {
        // Zero bytes after the text mark nothing.
        let mut padded = [0u8; 8];
        padded[..b.len()].copy_from_slice(b);
        return marked(u64::from_le_bytes(padded));
    }
    let mut chunks = b.chunks_exact(8);
    chunks.any(|c| marked(word(c))) || marked(word(&b[b.len() - 8..]))
}

/// The clean words of a folded block text, or `None` when there is no
/// markup to remove. Linear in the text.
pub fn clean(text: &str, style: Style) -> Option<String> {
    let mut out = String::new();
    clean_into(text, style, false, &mut out).then_some(out)
}

/// [`clean`] of a text known to be its own fold (no white space but
/// single spaces between chars, [`crate::text::is_folded`]): it is not
/// read again to tell.
pub fn clean_folded(text: &str, style: Style) -> Option<String> {
    let mut out = String::new();
    clean_into(text, style, true, &mut out).then_some(out)
}

/// [`clean`] (or [`clean_folded`] where `folded`) into `out`, a buffer
/// the caller keeps: true when there is markup to remove, and `out`
/// (cleared first) holds the clean words; `out` holds anything where it
/// is `false`.
pub(crate) fn clean_into(text: &str, style: Style, folded: bool, out: &mut String) -> bool {
    debug_assert!(!folded || crate::text::is_folded(text));
    clean_text(text, style, folded, &mut Edits::default(), out)
}

/// [`clean_folded`] with the words of its clean text
/// ([`crate::text::block_words`]) when they are known from `words`, the
/// text's own, without a count (`None` when there is no markup to
/// remove, else the clean text is in `out`, with its words when known):
/// the rules delete chars that are no letter or digit and no space
/// (marks, escapes' backslashes, heading marks and the space after
/// them), which leaves every run of chars a word or not as it was, and
/// turn an underscore between two letters or digits into a space, which
/// parts a word in two (`Lake_Vorra`: one word more). Only a link's
/// target, an image and a placeholder take letters or digits away
/// (`[Ana ›](x)`), and then the words are not known.
pub(crate) fn clean_folded_words(
    text: &str,
    style: Style,
    words: usize,
    out: &mut String,
) -> Option<Option<usize>> {
    debug_assert!(crate::text::is_folded(text));
    let mut edits = Edits::default();
    if !clean_text(text, style, true, &mut edits, out) {
        return None;
    }
    Some((!edits.dropped).then_some(words + edits.spaced))
}

/// What the rules did to a text besides deleting marks (see
/// [`clean_folded_words`]).
#[derive(Debug, Default)]
struct Edits {
    /// Underscores (or runs of them) between two letters or digits made
    /// a space.
    spaced: usize,
    /// Letters or digits may have gone with a link's target, an image or
    /// a placeholder.
    dropped: bool,
}

/// The clean text of `body` as it is written. While every char read so
/// far is kept as written (most texts with a mark keep them all: a list
/// item's star, a name's underscore), the text so far is `body` up to
/// where the reading is, and nothing is copied; the first change copies
/// it once, into the caller's buffer (`copy`).
struct Written<'a, 'o> {
    body: &'a str,
    copy: &'o mut String,
    /// `copy` holds the clean text so far.
    copying: bool,
}

impl Written<'_, '_> {
    /// The clean text so far, the reading being at `at` in the body.
    fn so_far(&self, at: usize) -> &str {
        if self.copying {
            self.copy
        } else {
            &self.body[..at]
        }
    }

    /// The body's bytes `from..to` are kept as written.
    fn keep(&mut self, from: usize, to: usize) {
        if self.copying {
            self.copy.push_str(&self.body[from..to]);
        }
    }

    /// The clean text so far, to change, the reading being at `at`.
    fn edit(&mut self, at: usize) -> &mut String {
        if !self.copying {
            self.copying = true;
            self.copy.clear();
            self.copy.reserve(self.body.len());
            self.copy.push_str(&self.body[..at]);
        }
        self.copy
    }
}

/// [`clean`]; `folded` says the text is known to be its own fold. The
/// clean text is written into `out` (cleared first) where it differs from
/// `text`: true then. (A buffer the caller keeps: most block texts with
/// markup are short, `* Home`, `Read_the_story`, where a string of their
/// own cost more than the rules.)
fn clean_text(text: &str, style: Style, folded: bool, edits: &mut Edits, out: &mut String) -> bool {
    let b = text.as_bytes();
    let may_change = if folded {
        folded_may_change(b)
    } else {
        has_trigger(b)
    };
    if !may_change {
        return false;
    }
    match keeps_all(b, style) {
        Kept::All => {
            if folded {
                return false;
            }
            out.clear();
            crate::text::fold_into(text, out);
            return out != text;
        }
        // A folded text stays folded when a char between two letters
        // becomes a space: the rules' copy is the text so changed.
        Kept::Spaced if folded => {
            out.clear();
            let mut from = 0;
            for at in memchr::memchr_iter(b'_', b) {
                out.push_str(&text[from..at]);
                out.push(' ');
                from = at + 1;
                edits.spaced += 1;
            }
            out.push_str(&text[from..]);
            return true;
        }
        Kept::Spaced | Kept::Read => {}
    }
    clean_marks(text, style, folded, edits, out)
}

/// What [`keeps_all`] tells of a text from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// Every char is kept as written.
    All,
    /// Every char is kept as written but the underscores, each between
    /// two ASCII letters or digits where underscores are spaces (Debian
    /// style, `Lake_Vorra`), which the rules make spaces.
    Spaced,
    /// The rules must read the text.
    Read,
}

/// Does the text keep every char as written, told from its bytes alone
/// (one table load a byte), once [`has_trigger`] found a mark? True only
/// when no rule of [`clean_marks`] can act: no heading `#` first, no `\`, `[` or `]`, at most one `*` and one
/// `` ` `` (a lone mark neither opens nor closes, as the bullet of
/// `* item` or the `a*b` of a formula), and `_` only between two ASCII
/// letters or digits (`snake_case`, never emphasis). Such an underscore
/// is kept when underscores are no spaces, and is a space when they are
/// ([`Kept::Spaced`]): a lone star or backtick acts no more beside the
/// space, which stands between two letters. [`Kept::Read`] tells
/// nothing: the rules read the text.
fn keeps_all(b: &[u8], style: Style) -> Kept {
    if b.first() == Some(&b'#') {
        return Kept::Read;
    }
    let (mut stars, mut ticks) = (0u8, 0u8);
    let mut spaced = false;
    let mut i = next_stop(b, 0);
    while let Some(&c) = b.get(i) {
        match c {
            b'*' => stars += 1,
            b'`' => ticks += 1,
            b'_' => {
                let inside = i > 0
                    && b[i - 1].is_ascii_alphanumeric()
                    && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
                if !inside {
                    return Kept::Read;
                }
                spaced |= style.underscores;
            }
            _ => return Kept::Read,
        }
        if stars > 1 || ticks > 1 {
            return Kept::Read;
        }
        i = next_stop(b, i + 1);
    }
    if spaced {
        Kept::Spaced
    } else {
        Kept::All
    }
}

/// [`clean_text`] by its rules, char by char.
fn clean_marks(
    text: &str,
    style: Style,
    folded: bool,
    edits: &mut Edits,
    out: &mut String,
) -> bool {
    // Heading marks at the start (Markdown `## `, Debian `*** `) and end.
    let mut body = text;
    let hashes = body.bytes().take_while(|&c| c == b'#').count();
    if (1..=6).contains(&hashes) && body[hashes..].starts_with(' ') {
        body = body[hashes..].trim_start();
        body = body.trim_end_matches('#').trim_end();
    }
    let stars = body.bytes().take_while(|&c| c == b'*').count();
    if stars >= 3 && body[stars..].starts_with(' ') {
        body = body[stars..].trim_start();
        if closes_heading(body) {
            body = body.trim_end_matches('*').trim_end();
        }
    }
    let bb = body.as_bytes();
    let mut out = Written {
        body,
        copy: out,
        copying: false,
    };
    // Where each emphasis mark (`*`, `_`, `` ` ``) last occurs, and how many
    // of each are open. The last of a kind is searched for only when a
    // mark of that kind may open (a word after it, none before): a lone
    // bullet star or a name's underscore never needs it.
    let mut last = [None::<usize>; 3];
    let mut opened = [0usize; 3];
    // Output positions of open `[` (a few in place: a list grown from
    // empty had cost an allocation a text with a bracket).
    let mut open: SmallVec<[usize; 8]> = SmallVec::new();
    let mut i = 0;
    while i < bb.len() {
        let c = body[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        match c {
            '\\' if bb.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                // Markdown escape: keep the escaped char.
                out.edit(i).push(bb[i + 1] as char);
                i += 2;
                continue;
            }
            '[' => {
                if open.len() < 64 {
                    open.push(out.so_far(i).len());
                }
                out.keep(i, i + 1);
            }
            ']' => {
                if let Some(p) = open.pop() {
                    let target = (bb.get(i + 1) == Some(&b'(')).then(|| link_target_end(bb, i + 2));
                    match target {
                        Some(Some(end)) => {
                            edits.dropped = true;
                            let o = out.edit(i);
                            if o[..p].ends_with('!') {
                                // An image: its alt text is not the article's.
                                o.truncate(p - 1);
                            } else {
                                // A link: its text stays, without the `[`.
                                o.remove(p);
                            }
                            i = end;
                            continue;
                        }
                        _ if placeholder(&out.so_far(i)[p + 1..]) => {
                            edits.dropped = true;
                            out.edit(i).truncate(p);
                            i += 1;
                            continue;
                        }
                        _ => out.keep(i, i + 1),
                    }
                } else {
                    out.keep(i, i + 1);
                }
            }
            '*' | '_' | '`' => {
                // Emphasis marks touch a word on one side and not the other;
                // a run (`**`) counts as one mark.
                let mut j = i;
                while j < bb.len() && bb[j] == c as u8 {
                    j += 1;
                }
                let before = out.so_far(i).chars().next_back();
                let after = body[j..].chars().next();
                let word_before = before.is_some_and(is_word_char);
                let word_after = after.is_some_and(is_word_char);
                let k = mark_index(c);
                // An opening mark needs a later mark of its kind, a closing
                // one an earlier opening (`@handle_` keeps its underscore).
                let opening = !word_before
                    && word_after
                    && *last[k]
                        .get_or_insert_with(|| memchr::memrchr(c as u8, bb).map_or(0, |at| at + 1))
                        > j;
                let closing = word_before && !word_after && opened[k] > 0;
                if c == '_' && style.underscores && word_before && word_after {
                    edits.spaced += 1;
                    out.edit(i).push(' ');
                } else if opening
                    || closing
                    || (c != '_' && word_before && word_after && j - i >= 2)
                {
                    // dropped: `**bold**`, `_em_`, `` `code` ``
                    out.edit(i);
                    if opening {
                        opened[k] += 1;
                    } else if closing {
                        opened[k] -= 1;
                    }
                } else if !word_before && !word_after && j - i > 1 {
                    // `** ` next to punctuation: markup too (a lone mark,
                    // such as a bullet star, is kept)
                    out.edit(i);
                } else {
                    out.keep(i, j);
                }
                i = j;
                continue;
            }
            _ => {
                // Up to the next char the arms above read, kept whole.
                let j = next_stop(bb, i + len);
                out.keep(i, j);
                i = j;
                continue;
            }
        }
        i += len;
    }
    let (out, copying) = (out.copy, out.copying);
    if !copying {
        // Every char past the heading marks is kept as written.
        if body.len() == text.len() && (folded || crate::text::is_folded(text)) {
            return false;
        }
        out.clear();
        crate::text::fold_into(body, out);
        return out != text;
    }
    // Fold any double spaces left by removals (none are, most times).
    if !crate::text::is_folded(out) {
        let unfolded = std::mem::take(out);
        crate::text::fold_into(&unfolded, out);
    }
    out != text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`next_stop`] is the first byte the [`STOP`] table marks: every
    /// byte value at every place of texts around the chunk's length,
    /// with a stop or none after it, from every start.
    #[test]
    fn next_stop_is_the_table_scan() {
        let scan = |b: &[u8], from: usize| {
            (from..b.len())
                .find(|&k| MARKS[usize::from(b[k])] & STOP != 0)
                .unwrap_or(b.len())
        };
        for len in [1usize, 7, 8, 9, 17] {
            for at in 0..len {
                for x in 0..=255u8 {
                    for tail in [b'a', b'*', 0xff] {
                        let mut b = vec![b'a'; len];
                        b[at] = x;
                        b[len - 1] = if at == len - 1 { x } else { tail };
                        for from in 0..=len {
                            assert_eq!(next_stop(&b, from), scan(&b, from), "{b:?} from {from}");
                        }
                    }
                }
            }
        }
    }

    /// [`placeholder`] as first written, with a lowercase copy: the
    /// reference its property test holds it to.
    fn placeholder_reference(inner: &str) -> bool {
        let t = inner.trim();
        if t.is_empty() {
            return true;
        }
        let lower = t.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "img" | "image" | "photo" | "gif" | "svg" | "png" | "jpg"
        ) || lower.starts_with("ins:")
        {
            return true;
        }
        !t.contains(' ')
            && [".gif", ".png", ".jpg", ".jpeg", ".svg", ".webp"]
                .iter()
                .any(|e| lower.ends_with(e))
    }

    /// The searches find a trigger exactly where the table says one is.
    #[test]
    fn triggers_are_the_table_bytes() {
        for x in 0..=255u8 {
            for len in [4, 200] {
                let mut text = vec![b'a'; len];
                text[len - 2] = x;
                let expected = MARKS[usize::from(x)] & TRIGGER != 0;
                assert_eq!(has_trigger(&text), expected, "{x:#x} in {len}");
            }
        }
        assert!(!has_trigger(b""));
    }

    /// [`folded_may_change`] sees every byte the rules act on and a `#`
    /// that opens the text: each byte value at each place of texts of the
    /// lengths its reads part at (under eight bytes, eight at a time with
    /// the last eight again, and by searches from 96), and a folded text
    /// it passes is its own clean text.
    #[test]
    fn folded_may_change_sees_every_stop() {
        for len in [1usize, 2, 7, 8, 9, 15, 16, 17, 95, 96, 130] {
            for at in 0..len {
                for x in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    b[at] = x;
                    let stop = MARKS[usize::from(x)] & STOP != 0 || (at == 0 && x == b'#');
                    if stop {
                        assert!(folded_may_change(&b), "{x:#x} at {at} of {len}");
                    }
                    if x == b'^' || x.is_ascii_alphanumeric() {
                        // No other byte of the superset.
                        assert!(
                            !folded_may_change(&b) || x == b'^',
                            "{x:#x} at {at} of {len}"
                        );
                    }
                }
            }
        }
        assert!(!folded_may_change(b""));
        for text in ["Gate 9 > Pier 4", "Room #4 and a", "> a", "a \u{e9}"] {
            if !folded_may_change(text.as_bytes()) {
                for underscores in [false, true] {
                    let style = Style { underscores };
                    assert_eq!(cleaned(text, style, true), None);
                    assert_eq!(trigger_then_rules(text, style, true), None, "{text:?}");
                }
            }
        }
    }

    /// [`clean_text`] as an option of a string of its own.
    fn cleaned(text: &str, style: Style, folded: bool) -> Option<String> {
        // A buffer holding text already, as a caller's may.
        let mut out = String::from("left over");
        clean_text(text, style, folded, &mut Edits::default(), &mut out).then_some(out)
    }

    /// [`clean_text`] before [`keeps_all`]: the trigger search, then the
    /// rules.
    fn trigger_then_rules(text: &str, style: Style, folded: bool) -> Option<String> {
        if !has_trigger(text.as_bytes()) {
            return None;
        }
        let mut out = String::from("left over");
        clean_marks(text, style, folded, &mut Edits::default(), &mut out).then_some(out)
    }

    fn same_as_reference(text: &str) {
        for underscores in [false, true] {
            let style = Style { underscores };
            let folded = crate::text::is_folded(text);
            for known in [false, folded] {
                assert_eq!(
                    cleaned(text, style, known),
                    trigger_then_rules(text, style, known),
                    "{text:?} {underscores} {known}"
                );
            }
        }
    }

    /// Debian-style underscores between letters are made spaces without
    /// the rules' reading, as the rules make them, beside a lone star or
    /// backtick too; an underscore elsewhere leaves the text to the rules.
    #[test]
    fn underscores_between_letters_are_spaced_as_read() {
        let style = Style { underscores: true };
        for (text, kept) in [
            ("Lake_Vorra", Kept::Spaced),
            ("* Lake_Vorra_2", Kept::Spaced),
            ("a_b `c", Kept::Spaced),
            ("Lake Vorra", Kept::All),
            ("_Lake_", Kept::Read),
            ("a__b", Kept::Read),
            ("a_\u{e9}", Kept::Read),
        ] {
            assert_eq!(keeps_all(text.as_bytes(), style), kept, "{text:?}");
            same_as_reference(text);
        }
        assert_eq!(
            clean_folded("* Lake_Vorra_2", style).as_deref(),
            Some("* Lake Vorra 2")
        );
    }

    /// Every text of up to four chars from the marks and their neighbours
    /// is cleaned as the rules alone clean it.
    #[test]
    fn keeps_all_is_exact_on_small_texts() {
        let chars = [
            'a', '1', '*', '_', '`', '\\', '[', ']', '#', ' ', 'é', '(', '!', '>',
        ];
        let mut text = String::new();
        fn grow(text: &mut String, chars: &[char], left: usize) {
            same_as_reference(text);
            if left == 0 {
                return;
            }
            for &c in chars {
                text.push(c);
                grow(text, chars, left - 1);
                text.pop();
            }
        }
        grow(&mut text, &chars, 4);
    }

    proptest! {
        #[test]
        fn clean_text_is_the_reference(
            text in crate::testing::joined(
                vec!["word", "snake_case", "_", "*", "**", "`", " ", "  ", "# ", "[", "]",
                     "(x)", "\\*", "é", "x_", "_é", "\t", "*** ", "1"],
                0..12,
            )
        ) {
            same_as_reference(&text);
        }

        #[test]
        fn placeholder_is_the_reference(
            inner in crate::testing::joined(
                vec!["img", "IMG", "Image", "photo", "gif", "x", ".", ".PNG", ".jpeg", "ins:",
                     "INS:", " ", "é", "İ", "K", "\u{212a}", "a.b", ".webp", "s"],
                0..5,
            )
        ) {
            prop_assert_eq!(placeholder(&inner), placeholder_reference(&inner));
        }
    }

    /// [`clean`] as it was first written (a scan per question, a fold of
    /// its output): the reference its property test holds it to.
    fn clean_reference(text: &str, style: Style) -> Option<String> {
        let b = text.as_bytes();
        if !b
            .iter()
            .any(|&c| matches!(c, b'[' | b'*' | b'_' | b'#' | b'\\' | b'>' | b'`'))
        {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        // Heading marks at the start (Markdown `## `, Debian `*** `) and end.
        let mut body = text;
        let hashes = body.bytes().take_while(|&c| c == b'#').count();
        if (1..=6).contains(&hashes) && body[hashes..].starts_with(' ') {
            body = body[hashes..].trim_start();
            body = body.trim_end_matches('#').trim_end();
        }
        let stars = body.bytes().take_while(|&c| c == b'*').count();
        if stars >= 3 && body[stars..].starts_with(' ') {
            body = body[stars..].trim_start();
            if closes_heading(body) {
                body = body.trim_end_matches('*').trim_end();
            }
        }
        let bb = body.as_bytes();
        // Where each emphasis mark (`*`, `_`, `` ` ``) last occurs, and how many
        // of each are open.
        let mut last = [0usize; 3];
        for (at, &ch) in bb.iter().enumerate() {
            if matches!(ch, b'*' | b'_' | b'`') {
                last[mark_index(ch as char)] = at + 1;
            }
        }
        let mut opened = [0usize; 3];
        // Output positions of open `[`.
        let mut open: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < bb.len() {
            let c = body[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            match c {
                '\\' if bb.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                    // Markdown escape: keep the escaped char.
                    out.push(bb[i + 1] as char);
                    i += 2;
                    continue;
                }
                '[' => {
                    if open.len() < 64 {
                        open.push(out.len());
                    }
                    out.push('[');
                }
                ']' => {
                    if let Some(p) = open.pop() {
                        let target =
                            (bb.get(i + 1) == Some(&b'(')).then(|| link_target_end(bb, i + 2));
                        match target {
                            Some(Some(end)) => {
                                let inner = out[p + 1..].to_string();
                                out.truncate(p);
                                if out.ends_with('!') {
                                    // An image: its alt text is not the article's.
                                    out.pop();
                                } else {
                                    out.push_str(&inner);
                                }
                                i = end;
                                continue;
                            }
                            _ if placeholder_reference(&out[p + 1..]) => {
                                out.truncate(p);
                                i += 1;
                                continue;
                            }
                            _ => out.push(']'),
                        }
                    } else {
                        out.push(']');
                    }
                }
                '*' | '_' | '`' => {
                    // Emphasis marks touch a word on one side and not the other;
                    // a run (`**`) counts as one mark.
                    let mut j = i;
                    while j < bb.len() && bb[j] == c as u8 {
                        j += 1;
                    }
                    let before = out.chars().next_back();
                    let after = body[j..].chars().next();
                    let word_before = before.is_some_and(is_word_char);
                    let word_after = after.is_some_and(is_word_char);
                    let k = mark_index(c);
                    // An opening mark needs a later mark of its kind, a closing
                    // one an earlier opening (`@handle_` keeps its underscore).
                    let opening = !word_before && word_after && last[k] > j;
                    let closing = word_before && !word_after && opened[k] > 0;
                    if c == '_' && style.underscores && word_before && word_after {
                        out.push(' ');
                    } else if opening
                        || closing
                        || (c != '_' && word_before && word_after && j - i >= 2)
                    {
                        // dropped: `**bold**`, `_em_`, `` `code` ``
                        if opening {
                            opened[k] += 1;
                        } else if closing {
                            opened[k] -= 1;
                        }
                    } else if !word_before && !word_after && c == '*' && j - i == 1 {
                        // a lone bullet star is kept
                        out.push('*');
                    } else if !word_before && !word_after {
                        // `** ` next to punctuation: markup too
                        if j - i == 1 && c != '*' {
                            out.push(c);
                        }
                    } else {
                        out.push_str(&body[i..j]);
                    }
                    i = j;
                    continue;
                }
                _ => {
                    // Up to the next char the arms above read, copied whole.
                    let j = bb[i + len..]
                        .iter()
                        .position(|b| matches!(b, b'\\' | b'[' | b']' | b'*' | b'_' | b'`'))
                        .map_or(bb.len(), |k| i + len + k);
                    out.push_str(&body[i..j]);
                    i = j;
                    continue;
                }
            }
            i += len;
        }
        // Fold any double spaces left by removals.
        let folded = crate::text::fold(&out);
        (folded != text).then_some(folded)
    }

    proptest! {
        /// Any mix of markup chars and multi-byte text cleans without a
        /// panic, and the clean text only leaves chars out (or turns `_`
        /// into a space).
        #[test]
        fn clean_only_removes(
            text in crate::testing::joined(
                vec!["*", "**", "#", "## ", "[", "]", "(", ")", "](", "!", "_", "\\", "`",
                     "é", "’", "집", "の", " ", "a", "word", "x.org/p"],
                0..24,
            ),
            underscores in any::<bool>(),
        ) {
            let folded = crate::text::fold(&text);
            if let Some(out) = clean(&folded, Style { underscores }) {
                let mut src = folded.chars().filter(|c| *c != ' ' && *c != '_');
                prop_assert!(
                    out.chars().filter(|c| *c != ' ' && *c != '_').all(|c| src.any(|s| s == c)),
                    "{:?} -> {:?}", folded, out
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// [`clean`] gives what its first version gave, on folded text
        /// and on text left unfolded (a block whose last line is a lone
        /// quoting mark).
        #[test]
        fn clean_is_the_reference(
            text in crate::testing::joined(
                vec!["*", "**", "***", "#", "## ", "[", "]", "(", ")", "](", "![", "!", "_",
                     "\\", "\\*", "`", ">", "\"", "é", "’", "집", " ", "  ", "\t", "a", "word",
                     "x.org/p", "img", "[img]", ".png"],
                0..24,
            ),
            underscores in any::<bool>(),
            folded in any::<bool>(),
        ) {
            let text = if folded { crate::text::fold(&text) } else { text };
            let style = Style { underscores };
            let reference = clean_reference(&text, style);
            if folded {
                prop_assert_eq!(clean_folded(&text, style), reference.clone());
            }
            prop_assert_eq!(clean(&text, style), reference);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The words [`clean_folded_words`] knows are the clean text's
        /// count, and its text is [`clean_folded`]'s; it says when they
        /// are not known (a link, an image or a placeholder taken away),
        /// which must leave most texts known.
        #[test]
        fn known_words_are_the_clean_count(
            text in crate::testing::joined(
                vec!["*", "**", "***", "#", "## ", "[", "]", "(", ")", "](", "![", "!", "_",
                     "__", "\\", "\\*", "`", "\"", "é", "’", "—", " ", "a", "word", "7",
                     "x.org/p", "img", "[img]", ".png", "Lake_Vorra", "a_1"],
                0..24,
            ),
            underscores in any::<bool>(),
        ) {
            let text = crate::text::fold(&text);
            let style = Style { underscores };
            let words = crate::text::block_words(&text);
            let mut out = String::from("left over");
            let found = clean_folded_words(&text, style, words, &mut out).map(|known| (out, known));
            prop_assert_eq!(found.as_ref().map(|(c, _)| c.clone()), clean_folded(&text, style));
            if let Some((clean, Some(known))) = found {
                prop_assert_eq!(known, crate::text::block_words(&clean), "{:?} -> {:?}", text, clean);
            }
        }
    }

    /// Words known through each rule but the ones that take letters away.
    #[test]
    fn known_words_through_each_rule() {
        let debian = Style { underscores: true };
        let cases = [
            ("## Ferry times ##", Style::default(), Some(2)),
            ("**** Harbour news ****", Style::default(), Some(2)),
            ("Read_the_notice here", debian, Some(4)),
            ("a **bold** claim by Ana_Ruiz", debian, Some(6)),
            ("\\*not\\* a star", Style::default(), Some(3)),
            ("see [Tuvala ›](x.org/p) now", Style::default(), None),
            ("a [img] here", Style::default(), None),
        ];
        for (text, style, expected) in cases {
            let words = crate::text::block_words(text);
            let mut clean = String::new();
            let known = clean_folded_words(text, style, words, &mut clean).expect("a change");
            assert_eq!(known, expected, "{text:?} -> {clean:?}");
            if let Some(known) = known {
                assert_eq!(
                    known,
                    crate::text::block_words(&clean),
                    "{text:?} -> {clean:?}"
                );
            }
        }
    }

    fn c(s: &str) -> String {
        clean(s, Style::default()).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn markdown_links_and_images_give_their_words() {
        assert_eq!(
            c("Read the [council report](https://example.org/r?a=(1)) today."),
            "Read the council report today."
        );
        assert_eq!(
            c("![a bridge](/img/b.jpg) The bridge opened."),
            "The bridge opened."
        );
        assert_eq!(
            c("[![logo](/l.png)](/) Home"),
            "Home",
            "a linked image leaves nothing"
        );
        assert_eq!(
            c("By [Jane Doe](/authors/jane \"Jane's page\")"),
            "By Jane Doe"
        );
    }

    #[test]
    fn emphasis_headings_and_escapes_go() {
        assert_eq!(c("## The **new** bridge"), "The new bridge");
        assert_eq!(
            c("It was _very_ late, 3\\. on the list"),
            "It was very late, 3. on the list"
        );
        assert_eq!(c("****** A Title ******"), "A Title");
        assert_eq!(c("**** Café’s 집중분석 ****"), "Café’s 집중분석");
        assert_eq!(c("## Révolution ##"), "Révolution");
        assert_eq!(c("snake_case stays"), "snake_case stays");
        assert_eq!(
            c("email @handle_ or _write_ to us"),
            "email @handle_ or write to us"
        );
        assert_eq!(c("2 * 3 = 6"), "2 * 3 = 6");
    }

    #[test]
    fn placeholders_go_and_underscores_are_spaces_in_debian_style() {
        assert_eq!(
            c("[img] The view [ ] from [photo.jpg] here"),
            "The view from here"
        );
        assert_eq!(c("See [note 1] here"), "See [note 1] here");
        let deb = Style { underscores: true };
        assert_eq!(
            clean("Read the [full_story] and more_news now", deb).unwrap(),
            "Read the [full story] and more news now"
        );
    }

    #[test]
    fn rules_headings_and_items() {
        assert!(is_rule("======"));
        assert!(is_rule("* * *"));
        assert!(!is_rule("=="));
        assert!(!is_rule("== Title =="));
        assert!(opens_heading("## Results"));
        assert!(opens_heading("***** Results"));
        assert!(!opens_heading("#hashtag"));
        assert!(closes_heading("the end ****"));
        assert!(opens_item("* Home"));
        assert!(opens_item("• Home"));
        assert!(!opens_item("*Home"));
        assert_eq!(quote_prefix("> > quoted"), 4);
    }

    #[test]
    fn raw_html_is_spotted() {
        assert!(looks_like_html(
            "\n<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>"
        ));
        assert!(looks_like_html(&"<div><p>Text.</p></div>\n".repeat(5)));
        assert!(!looks_like_html(
            "A story about <p> tags and a <div>.\n\nIt is prose."
        ));
    }

    /// The opening tags are compared in place as the lower-cased copy of
    /// the first 15 chars compared them: either case, after white space
    /// and a byte-order mark, never across a char outside ASCII.
    #[test]
    fn an_opening_tag_is_read_in_place_as_from_a_copy() {
        let by_copy = |input: &str| {
            let head = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            let lower = head
                .chars()
                .take(15)
                .collect::<String>()
                .to_ascii_lowercase();
            lower.starts_with("<!doctype html") || lower.starts_with("<html")
        };
        let heads = [
            "<html>",
            "<HTML lang=en>",
            "<Html",
            "<htm",
            "<!DOCTYPE html>",
            "<!doctype HTML",
            "<!doctype htm",
            "<!doctype",
            "<htmé",
            "<!doctype htmlé",
            "é<html>",
            "<",
            "",
            "x<html>",
        ];
        for lead in ["", " \n", "\u{feff}", "\u{feff} \t", "\u{a0}"] {
            for head in heads {
                let input = format!("{lead}{head} and more");
                assert_eq!(looks_like_html(&input), by_copy(&input), "{input:?}");
                let input = format!("{lead}{head}");
                assert_eq!(looks_like_html(&input), by_copy(&input), "{input:?}");
            }
        }
    }

    #[test]
    fn html_tags_counted_in_one_pass_as_by_each_tag() {
        // The count it replaced: each tag searched for on its own.
        let by_each_tag = |t: &str| {
            ["<p>", "</p>", "<div", "</div>", "<br>", "<br/>", "<a href="]
                .iter()
                .map(|tag| t.matches(tag).count())
                .sum::<usize>()
                >= 10
        };
        let pieces = [
            "<p>", "</p>", "<div", "</div>", "<br>", "<br/>", "<a href=", "<", "<b", "p>", "x",
            "\n",
        ];
        let mut x: u64 = 0x853c_49e6_748f_ea9b;
        for _ in 0..5000 {
            let mut t = String::from("text ");
            for _ in 0..(x % 40) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            assert_eq!(looks_like_html(&t), by_each_tag(&t), "{t:?}");
            x = x.wrapping_add(0x9e37_79b9);
        }
    }

    proptest! {
        /// [`style`] reads each underscore where the first version read
        /// every three bytes of every line.
        #[test]
        fn style_is_the_windows_scan(
            text in crate::testing::joined(
                vec![
                    "_", "a", "é", "’", " ", "\n", "\n\n", "\r\n", "x_y", "’_", "1", "__", "\t",
                    "\r", "\u{b}", "\u{a0}", "\u{85}", "\u{200b}", "\u{feff}", "\u{2028}",
                    "\u{3000}", "a_b\n", "___", "b_",
                ],
                0..60,
            )
        ) {
            prop_assert_eq!(
                non_blank_lines(&text),
                text.lines().filter(|l| !l.trim().is_empty()).count()
            );
            let mut lines_with = 0usize;
            let mut lines = 0usize;
            for line in text.lines() {
                if line.trim().is_empty() {
                    continue;
                }
                lines += 1;
                let b = line.as_bytes();
                if b.windows(3).any(|w| {
                    w[1] == b'_' && (w[0] as char).is_alphabetic() && (w[2] as char).is_alphabetic()
                }) || line.contains("’_")
                {
                    lines_with += 1;
                }
            }
            let underscores = lines_with >= 3 && lines_with * 40 >= lines;
            prop_assert_eq!(style(&text), Style { underscores });
        }
    }

    #[test]
    fn style_spots_debian_link_underscores() {
        let deb = "Home\n[Top_story_of_the_day]\nRead_more\nMore_news here\nplain\n";
        assert!(style(deb).underscores);
        assert!(!style("a snake_case word\nplain text\nmore\n").underscores);
    }
}
