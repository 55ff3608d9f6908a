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

use memchr::memchr2;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::markup::{self, Style};
use crate::span::Span;
use crate::text::{fold_into, is_space};

/// One non-blank line, trimmed of surrounding white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The trimmed line.
    pub span: Span,
    /// Its width in display columns (an East Asian wide char counts two).
    pub cols: usize,
    /// Its length in chars: some converters (lynx) wrap wide text by chars.
    pub chars: usize,
    /// True when a blank line (or the start of input) comes before it.
    pub after_blank: bool,
    /// True when the line starts with more visible white space than the
    /// page's common left margin (a paragraph indent); a leading zero-width
    /// space or stray BOM is none.
    pub indented: bool,
    /// True when the line starts left of the common margin (lynx puts its
    /// top headings there).
    pub outdented: bool,
    /// Leading white space in display columns (tab stops every 8).
    pub indent: usize,
    /// A converter's mark opens the line: a heading (`## `, `*** `) or a
    /// list item (`* `, `• `): it starts a block.
    pub opens: bool,
    /// A converter's mark closes the line (` ***`): a block ends after it.
    pub closes: bool,
    /// The line is only a rule or title underline (`=====`).
    pub rule: bool,
}

/// A run of lines that form one unit of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// From the first char of its first line to the last of its last line.
    pub span: Span,
    /// The text with line breaks and white space runs folded to one space,
    /// converter markup removed (see [`crate::markup`]).
    pub text: String,
    /// The block is a heading written as markup (`## Title`, `*** Title ***`)
    /// or set left of the page margin.
    pub heading: bool,
    /// The block is a list item (`* `, `• `, `- `).
    pub item: bool,
}

/// How a text was cut up.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    /// Every non-blank line.
    pub lines: Vec<Line>,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// The wrap width when the text was judged hard-wrapped.
    pub wrap_width: Option<usize>,
    /// The common left margin in columns (lynx indents every line by 3).
    pub margin: usize,
}

/// Cut `input` into lines and blocks, starting at byte `from` (past a BOM).
pub fn segment(input: &str, from: usize) -> Segmentation {
    let mut lines = split_lines(input, from);
    let margin = set_margin(&mut lines);
    let style = markup::style(&input[from..]);
    // Wrapped by display columns (w3m) or by chars (lynx): both are tried.
    let wrap_width = detect_wrap(input, &lines, |l| l.cols);
    let wrap_chars = detect_wrap(input, &lines, |l| l.chars);
    let wrap_width = wrap_width.or(wrap_chars);
    // Wrapped text whose paragraphs open with an indent: every line that is
    // not indented continues the indented paragraph it follows. An indented
    // run of lines (a block quote) is no such text.
    let indent_mode = wrap_width.is_some() && {
        let firsts = lines
            .windows(2)
            .filter(|w| w[0].indented && !w[1].indented && !w[1].after_blank)
            .count();
        let indented = lines.iter().filter(|l| l.indented).count();
        firsts >= 2 && firsts * 5 >= indented * 3
    };
    let mut blocks = Vec::new();
    let mut start = 0;
    for i in 1..=lines.len() {
        let in_indented = indent_mode && lines[start].indented;
        let breaks = i == lines.len()
            || lines[i].after_blank
            || lines[i].opens
            || lines[i].rule
            || lines[i - 1].rule
            || lines[i - 1].closes
            || lines[i].outdented != lines[i - 1].outdented
            || if in_indented {
                lines[i].indented
            } else {
                !(continues(
                    input,
                    &lines[i - 1],
                    &lines[i],
                    wrap_width,
                    true,
                    style.underscores,
                    margin,
                ) || continues(
                    input,
                    &lines[i - 1],
                    &lines[i],
                    wrap_chars,
                    false,
                    style.underscores,
                    margin,
                ))
            };
        if breaks {
            blocks.push(make_block(input, &lines, start, i, style));
            start = i;
        }
    }
    // Grown by doubling, the list may hold twice the blocks it has; it is
    // read until the roles are decided.
    blocks.shrink_to_fit();
    Segmentation {
        lines,
        blocks,
        wrap_width,
        margin,
    }
}

/// The common left margin: the indent that at least 70% of lines reach
/// (lynx's three spaces, `> ` quoting, `fmt -p`). Lines are then indented or
/// outdented relative to it.
fn set_margin(lines: &mut [Line]) -> usize {
    if lines.len() < 3 {
        for l in lines.iter_mut() {
            l.indented = l.indent > 0;
        }
        return 0;
    }
    let mut indents: Vec<usize> = lines.iter().map(|l| l.indent).collect();
    indents.sort_unstable();
    let margin = indents[indents.len() * 3 / 10];
    for l in lines.iter_mut() {
        l.indented = l.indent > margin;
        l.outdented = l.indent < margin;
    }
    margin
}

fn make_block(input: &str, lines: &[Line], first: usize, end: usize, style: Style) -> Block {
    let span = lines[first].span.cover(lines[end - 1].span);
    let text = fold_lines(input, span, lines[first..end].iter().map(|l| l.span), style);
    let heading = lines[first].opens && markup::opens_heading(lines[first].span.of(input))
        || lines[first].outdented;
    let first_raw = lines[first].span.of(input);
    let item = markup::opens_item(&first_raw[markup::quote_prefix(first_raw)..]);
    Block {
        span,
        text,
        heading,
        item,
    }
}

/// A block's text again from its span alone: what [`Block::text`] held,
/// folded when it is written instead of kept (the CLI's JSON path, see
/// [`crate::stream`]). The block's lines are the non-blank lines in the
/// span, trimmed, as `split_lines` cut them (a block holds no blank line);
/// `style` is the article's ([`markup::style`] of the text past a BOM).
pub fn block_text(input: &str, span: Span, style: Style) -> String {
    let bytes = input.as_bytes();
    let mut pos = span.start;
    let lines = std::iter::from_fn(move || {
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
    });
    fold_lines(input, span, lines, style)
}

/// The folded text of a block covering `span`, made of `lines` (trimmed,
/// non-blank).
fn fold_lines(
    input: &str,
    span: Span,
    lines: impl Iterator<Item = Span> + Clone,
    style: Style,
) -> String {
    let mut text = String::with_capacity(span.len());
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
        fold_into(raw, &mut text);
    }
    // A block that is only quoting marks (a lone `>`) keeps them as written:
    // an element's text is never empty.
    if text.is_empty() {
        for line in lines {
            if !text.is_empty() {
                text.push(' ');
            }
            fold_into(line.of(input), &mut text);
        }
    }
    // A block that is only markup (a picture's `![alt](src)`, `[img]`)
    // keeps its text as written.
    if let Some(clean) = markup::clean(&text, style).filter(|c| !c.is_empty()) {
        text = clean;
    }
    text
}

/// An East Asian wide char (CJK ideographs, kana, hangul, full-width forms).
pub fn is_wide(c: char) -> bool {
    !c.is_ascii() && c.width() == Some(2)
}

/// Split into trimmed non-blank lines. `\n`, `\r\n` and a lone `\r` all end a line.
fn split_lines(input: &str, from: usize) -> Vec<Line> {
    let bytes = input.as_bytes();
    let mut lines = Vec::new();
    let mut pos = from;
    let mut after_blank = true;
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
        match trim(input, Span::new(pos, end)) {
            Some(span) => {
                let t = span.of(input);
                // Printable ASCII is one column a byte; the width tables
                // are read for the other lines only.
                let cols = if t.bytes().all(|b| (b' '..=b'~').contains(&b)) {
                    t.len()
                } else {
                    t.width()
                };
                let chars = if cols == t.len() {
                    cols
                } else {
                    t.chars().count()
                };
                // Trimmed chars are all `is_space`; the zero-width ones it
                // adds to Unicode white space (U+FEFF, U+200B) are no indent.
                let indent = input[pos..span.start].chars().fold(0, |col, c| match c {
                    '\t' => (col / 8 + 1) * 8,
                    c if c.is_whitespace() => col + 1,
                    _ => col,
                });
                let body = &t[markup::quote_prefix(t)..];
                lines.push(Line {
                    span,
                    cols,
                    chars,
                    after_blank,
                    indented: indent > 0,
                    outdented: false,
                    indent,
                    opens: markup::opens_heading(body)
                        || markup::opens_item(body)
                        || markup::is_label(body),
                    closes: markup::closes_heading(body) || markup::is_label(body),
                    rule: markup::is_rule(t),
                });
                after_blank = false;
            }
            None => after_blank = true,
        }
        pos = next;
    }
    lines
}

/// The span without leading and trailing white space; `None` when blank.
pub fn trim(input: &str, span: Span) -> Option<Span> {
    let s = span.of(input);
    let start = s.find(|c: char| !is_space(c))?;
    let end = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_space(c))
        .map(|(i, c)| i + c.len_utf8())?;
    Some(Span::new(span.start + start, span.start + end))
}

/// Decide whether the text is hard-wrapped, and at what width.
///
/// Evidence: the lines that have a non-blank successor are of similar length
/// at most ~120 chars, and most of the long ones stop mid-sentence.
fn detect_wrap(input: &str, lines: &[Line], measure: fn(&Line) -> usize) -> Option<usize> {
    let followed: Vec<&Line> = lines
        .windows(2)
        .filter(|w| !w[1].after_blank)
        .map(|w| &w[0])
        .collect();
    // The wrap width: where the full lines of wrapped paragraphs pile up,
    // just below it. Long unbreakable lines (a URL, a slug, a link the
    // converter would not break) stand past it and must not set it: the
    // width comes from the 12%-wide window of widths holding most lines,
    // its longest line but for one in twenty.
    let mut hist = [0usize; 121];
    for l in &followed {
        let w = measure(l);
        if w <= 120 {
            hist[w] += 1;
        }
    }
    let window = |w: usize| (w - w / 8..=w).map(|x| hist[x]).sum::<usize>();
    let best = (30..=120).map(window).max()?;
    if best == 0 {
        return None;
    }
    let top = (30..=120).find(|&w| window(w) == best)?;
    let mut above = 0;
    let width = (top - top / 8..=top).rev().find(|&x| {
        above += hist[x];
        hist[x] > 0 && above > best / 20
    })?;
    let long: Vec<&&Line> = followed
        .iter()
        .filter(|l| measure(l) * 10 >= width * 6)
        .collect();
    if long.len() < 2 {
        return None;
    }
    let open = long
        .iter()
        .filter(|l| !ends_sentence(l.span.of(input)))
        .count();
    (open * 2 >= long.len()).then_some(width)
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
            blocks.extend(segment(&text, 0).blocks.into_iter().map(|b| b.text));
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        segment(input, 0)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn blank_lines_separate_blocks() {
        assert_eq!(texts("One.\n\nTwo\nThree.\n"), ["One.", "Two", "Three."]);
    }

    #[test]
    fn crlf_and_cr_end_lines() {
        assert_eq!(texts("A.\r\n\r\nB.\rC.\r\n"), ["A.", "B.", "C."]);
        let seg = segment("A.\r\n\r\nB.", 0);
        assert_eq!(seg.blocks[1].span, Span::new(6, 8));
    }

    #[test]
    fn spans_are_trimmed_and_point_at_text() {
        let input = "  Head line \u{a0}\n\n\tBody text here.  \n";
        let seg = segment(input, 0);
        assert_eq!(seg.blocks[0].span.of(input), "Head line");
        assert_eq!(seg.blocks[1].span.of(input), "Body text here.");
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
        let t: Vec<&str> = seg.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(seg.blocks[0].heading);
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

    #[test]
    fn empty_and_blank_inputs_have_no_blocks() {
        assert!(texts("").is_empty());
        assert!(texts(" \n\r\n\t\u{a0}\n").is_empty());
    }

    #[test]
    fn no_final_newline_and_bom_offset() {
        let input = "\u{feff}Title\n\nBody.";
        let seg = segment(input, 3);
        assert_eq!(seg.blocks[0].span, Span::new(3, 8));
        assert_eq!(seg.blocks[1].span.of(input), "Body.");
    }
}
