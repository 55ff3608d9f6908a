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

use crate::span::Span;
use crate::text::{fold_into, is_space};

/// One non-blank line, trimmed of surrounding white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The trimmed line.
    pub span: Span,
    /// Its length in chars.
    pub chars: usize,
    /// True when a blank line (or the start of input) comes before it.
    pub after_blank: bool,
    /// True when the line starts with visible white space (a paragraph
    /// indent); a leading zero-width space or stray BOM is none.
    pub indented: bool,
}

/// A run of lines that form one unit of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// From the first char of its first line to the last of its last line.
    pub span: Span,
    /// Index range into [`Segmentation::lines`].
    pub first_line: usize,
    /// One past the index of its last line.
    pub end_line: usize,
    /// The text with line breaks and white space runs folded to one space.
    pub text: String,
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
}

/// Cut `input` into lines and blocks, starting at byte `from` (past a BOM).
pub fn segment(input: &str, from: usize) -> Segmentation {
    let lines = split_lines(input, from);
    let wrap_width = detect_wrap(input, &lines);
    // Wrapped text whose paragraphs open with an indent: every line that is
    // not indented continues the indented paragraph it follows.
    let indent_mode = wrap_width.is_some() && lines.iter().filter(|l| l.indented).count() >= 2;
    let mut blocks = Vec::new();
    let mut start = 0;
    for i in 1..=lines.len() {
        let in_indented = indent_mode && lines[start].indented;
        let breaks = i == lines.len()
            || lines[i].after_blank
            || if in_indented {
                lines[i].indented
            } else {
                !continues(input, &lines[i - 1], &lines[i], wrap_width)
            };
        if breaks {
            blocks.push(make_block(input, &lines, start, i));
            start = i;
        }
    }
    Segmentation {
        lines,
        blocks,
        wrap_width,
    }
}

fn make_block(input: &str, lines: &[Line], first: usize, end: usize) -> Block {
    let span = lines[first].span.cover(lines[end - 1].span);
    let mut text = String::with_capacity(span.len());
    for line in &lines[first..end] {
        if !text.is_empty() {
            text.push(' ');
        }
        fold_into(line.span.of(input), &mut text);
    }
    Block {
        span,
        first_line: first,
        end_line: end,
        text,
    }
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
                let chars = span.of(input).chars().count();
                lines.push(Line {
                    span,
                    chars,
                    after_blank,
                    // Trimmed chars are all `is_space`; the zero-width ones it
                    // adds to Unicode white space (U+FEFF, U+200B) are no indent.
                    indented: input[pos..span.start].chars().any(char::is_whitespace),
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
fn detect_wrap(input: &str, lines: &[Line]) -> Option<usize> {
    let followed: Vec<&Line> = lines
        .windows(2)
        .filter(|w| !w[1].after_blank)
        .map(|w| &w[0])
        .collect();
    let width = followed.iter().map(|l| l.chars).max()?;
    if !(30..=120).contains(&width) {
        return None;
    }
    let long: Vec<&&Line> = followed
        .iter()
        .filter(|l| l.chars * 10 >= width * 6)
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

/// Does `next` continue the paragraph of `line` (same run of non-blank lines)?
fn continues(input: &str, line: &Line, next: &Line, wrap_width: Option<usize>) -> bool {
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
        .split(is_space)
        .next()
        .map_or(0, |w| w.chars().count());
    line.chars * 2 >= width && line.chars + 1 + first_word > width
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
