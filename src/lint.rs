//! Editorial lint: problems an editor would fix before publishing.
//!
//! [`lint`] looks at an article and its [`Analysis`] and returns
//! [`Finding`]s, each with a rule id (see [`RULES`]), a [`Severity`], a
//! 1-based line and column, the byte span it is about, a message and a hint.
//! Only the article's own text (headline, standfirst, subheadings, body) is
//! checked for typography; boilerplate is reported where it sits, not read.
//!
//! ```
//! let text = "Town votes\n\nBy A Writer\n\nThe council voted to to close it.\n";
//! let a = lede::analyze(text);
//! let found = lede::lint::lint(text, &a);
//! let doubled = found.iter().find(|f| f.rule == "doubled-word").unwrap();
//! assert_eq!((doubled.line, doubled.column), (5, 22));
//! ```

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::Analysis;
use crate::span::Span;

/// How much a finding matters. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; often fine.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: the text cannot be published like this.
    Error,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A lint rule: its stable id, severity and what it looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier, used in every output format.
    pub id: &'static str,
    /// The severity of its findings.
    pub severity: Severity,
    /// One line saying what it finds.
    pub summary: &'static str,
}

/// A quotation that is opened and never closed.
pub const UNCLOSED_QUOTE: Rule = Rule {
    id: "unclosed-quote",
    severity: Severity::Error,
    summary: "a quotation is opened and never closed",
};
/// A quotation opened with one kind of mark and closed with another.
pub const MISMATCHED_QUOTES: Rule = Rule {
    id: "mismatched-quotes",
    severity: Severity::Warning,
    summary: "a quotation is opened with one kind of mark and closed with another",
};
/// The same word twice in a row.
pub const DOUBLED_WORD: Rule = Rule {
    id: "doubled-word",
    severity: Severity::Warning,
    summary: "the same word twice in a row (\"to to\"), also across a line break",
};
/// `added:"On` — no space between a colon and the quotation it introduces.
pub const COLON_SPACE: Rule = Rule {
    id: "missing-space-after-colon",
    severity: Severity::Warning,
    summary: "no space between a colon and the quotation it introduces (added:\"On)",
};
/// Boilerplate between the first and the last body paragraph.
pub const BOILERPLATE_IN_BODY: Rule = Rule {
    id: "boilerplate-in-body",
    severity: Severity::Warning,
    summary:
        "boilerplate (\"Read more\", \"Listen to this article\", captions) left inside the body",
};
/// A quotation whose speaker the article does not give.
pub const QUOTE_WITHOUT_SPEAKER: Rule = Rule {
    id: "quote-without-speaker",
    severity: Severity::Info,
    summary: "a quotation whose speaker the article does not give",
};
/// No byline.
pub const MISSING_BYLINE: Rule = Rule {
    id: "missing-byline",
    severity: Severity::Warning,
    summary: "the article has no byline",
};
/// No headline.
pub const MISSING_HEADLINE: Rule = Rule {
    id: "missing-headline",
    severity: Severity::Warning,
    summary: "the article has no headline",
};
/// No body paragraph.
pub const MISSING_BODY: Rule = Rule {
    id: "missing-body",
    severity: Severity::Error,
    summary: "the text has no body paragraph (empty, or only boilerplate)",
};

/// Every rule, in the order they are documented.
pub const RULES: &[Rule] = &[
    UNCLOSED_QUOTE,
    MISMATCHED_QUOTES,
    DOUBLED_WORD,
    COLON_SPACE,
    BOILERPLATE_IN_BODY,
    QUOTE_WITHOUT_SPEAKER,
    MISSING_BYLINE,
    MISSING_HEADLINE,
    MISSING_BODY,
];

/// One problem found in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id.
    pub rule: &'static str,
    /// The rule's severity.
    pub severity: Severity,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, in characters (a leading BOM does not count).
    pub column: usize,
    /// The bytes the finding is about.
    pub span: Span,
    /// What is wrong, quoting the text where that helps.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Words that are correctly written twice in a row ("had had", "that that").
const DOUBLES_OK: &[&str] = &[
    "had", "that", "bye", "no", "so", "very", "really", "yeah", "ha", "tut", "knock", "chop",
    "boo", "blah", "far", "many", "long",
];

/// Lint an article. `analysis` must be `analyze(input)` (its spans index
/// `input`). Findings are sorted by position, then rule.
pub fn lint(input: &str, analysis: &Analysis) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut add = |rule: Rule, span: Span, message: String, hint: &str| {
        found.push((rule, span, message, hint.to_string()));
    };
    let texts = article_spans(analysis);
    let index = LineIndex::new(input);

    // Missing parts.
    let start = Span::new(0, 0);
    if analysis.paragraphs.is_empty() {
        add(
            MISSING_BODY,
            start,
            "no body paragraph was found".into(),
            "is this an article? lede found only boilerplate, or nothing",
        );
    } else {
        if analysis.headline.is_none() {
            add(
                MISSING_HEADLINE,
                start,
                "the article has no headline".into(),
                "put the headline on the first line, followed by a blank line",
            );
        }
        if analysis.byline.is_none() {
            add(
                MISSING_BYLINE,
                start,
                "the article has no byline".into(),
                "add an author line (\"By Jane Doe\") under the headline",
            );
        }
    }

    // Quotations.
    let mut unclosed: Vec<Span> = Vec::new();
    for w in &analysis.warnings {
        if w.code != "unclosed_quote" {
            continue;
        }
        if let Some(span) = w.span.filter(|s| fits(input, *s)) {
            let at = opening_mark(input, span.start).unwrap_or(span.start);
            unclosed.push(span);
            add(
                UNCLOSED_QUOTE,
                Span::new(at, span.end),
                format!("quotation is never closed: {}", excerpt(span.of(input))),
                "add the closing quotation mark where the quoted words end",
            );
        }
    }
    for (i, q) in analysis.quotes.iter().enumerate() {
        if q.closed || !fits(input, q.span) || unclosed.iter().any(|s| overlaps(*s, q.span)) {
            continue;
        }
        // A piece that runs on into the next paragraph is normal (the next
        // paragraph reopens the quotation) unless the paragraph stops
        // mid-sentence: then the closing mark was forgotten.
        let continues = analysis
            .quotes
            .get(i + 1)
            .is_some_and(|n| n.quotation == q.quotation);
        let words = q
            .span
            .of(input)
            .trim_end_matches(|c: char| c.is_whitespace());
        let mid_sentence = words
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        if !continues || mid_sentence {
            let at = opening_mark(input, q.span.start).unwrap_or(q.span.start);
            add(
                UNCLOSED_QUOTE,
                Span::new(at, q.span.end),
                format!("quotation is never closed: {}", excerpt(words)),
                "add the closing quotation mark where the quoted words end",
            );
        }
    }
    for span in &texts {
        for (open, close) in mismatched_pairs(span.of(input)) {
            let c = close.0 + span.start;
            let (line, column) = index.locate(input, open.0 + span.start);
            add(
                MISMATCHED_QUOTES,
                Span::new(c, c + close.1.len_utf8()),
                format!(
                    "quotation opened with {} (line {line}, column {column}) is closed with {}",
                    open.1, close.1
                ),
                &format!("use a matching pair: {} … {}", open.1, partner(open.1)),
            );
        }
        for (at, word) in doubled_words(span.of(input)) {
            add(
                DOUBLED_WORD,
                Span::new(span.start + at, span.start + at + word.len()),
                format!("doubled word: \"{} {}\"", word, word),
                &format!("delete one \"{word}\""),
            );
        }
        for at in colon_quotes(span.of(input)) {
            add(
                COLON_SPACE,
                Span::new(span.start + at, span.start + at + 1),
                format!(
                    "no space after the colon: {}",
                    excerpt(around(input, span.start + at))
                ),
                "insert a space between the colon and the quotation mark",
            );
        }
    }
    let mut seen = Vec::new();
    for q in &analysis.quotes {
        if q.speaker.is_some() || seen.contains(&q.quotation) || !fits(input, q.span) {
            continue;
        }
        seen.push(q.quotation);
        let at = opening_mark(input, q.span.start).unwrap_or(q.span.start);
        add(
            QUOTE_WITHOUT_SPEAKER,
            Span::new(at, q.span.end),
            format!("quotation without a speaker: {}", excerpt(q.span.of(input))),
            "say who said it (\"…,\" she said), or check that it is a quotation at all",
        );
    }

    // Boilerplate inside the body.
    if let (Some(first), Some(last)) = (analysis.paragraphs.first(), analysis.paragraphs.last()) {
        for b in &analysis.boilerplate {
            if first.span.start < b.span.start && b.span.start < last.span.end {
                add(
                    BOILERPLATE_IN_BODY,
                    b.span,
                    format!(
                        "{} boilerplate inside the body: {}",
                        b.kind.as_str(),
                        excerpt(&b.text)
                    ),
                    "remove it from the article text",
                );
            }
        }
    }

    let mut out: Vec<Finding> = found
        .into_iter()
        .map(|(rule, span, message, hint)| {
            let (line, column) = index.locate(input, span.start);
            Finding {
                rule: rule.id,
                severity: rule.severity,
                line,
                column,
                span,
                message,
                hint,
            }
        })
        .collect();
    out.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
    out.dedup_by(|a, b| a.rule == b.rule && a.span.start == b.span.start);
    out
}

/// Spans of the article's own text: headline, standfirst, subheadings, body.
fn article_spans(a: &Analysis) -> Vec<Span> {
    let mut spans: Vec<Span> = a
        .headline
        .iter()
        .map(|h| h.span)
        .chain(a.standfirst.iter().map(|s| s.span))
        .chain(a.subheadings.iter().map(|s| s.span))
        .chain(a.paragraphs.iter().map(|p| p.span))
        .collect();
    spans.sort();
    spans
}

fn fits(input: &str, span: Span) -> bool {
    span.start <= span.end && input.get(span.start..span.end).is_some()
}

fn overlaps(a: Span, b: Span) -> bool {
    (a.start < b.end && b.start < a.end) || a == b
}

const DOUBLE_MARKS: &[char] = &['"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}'];
const OPENING_MARKS: &[char] = &[
    '"', '\'', '\u{201c}', '\u{201d}', '\u{201e}', '\u{2018}', '\u{201a}', '\u{ab}', '\u{bb}',
    '\u{2039}', '\u{203a}',
];

/// The byte offset of a quotation mark just before `at` (skipping spaces).
fn opening_mark(input: &str, at: usize) -> Option<usize> {
    let before = input.get(..at)?;
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    let c = trimmed.chars().next_back()?;
    OPENING_MARKS
        .contains(&c)
        .then(|| trimmed.len() - c.len_utf8())
}

/// The closing mark that goes with an opening one.
fn partner(open: char) -> char {
    match open {
        '\u{201c}' => '\u{201d}',
        '\u{201e}' => '\u{201c}',
        '\u{ab}' => '\u{bb}',
        other => other,
    }
}

fn closes(open: char, close: char) -> bool {
    match open {
        '"' => close == '"',
        '\u{201c}' => close == '\u{201d}',
        '\u{201e}' => close == '\u{201c}' || close == '\u{201d}',
        '\u{ab}' => close == '\u{bb}',
        _ => false,
    }
}

/// Pairs of double quotation marks that do not match, as
/// ((offset, opening mark), (offset, closing mark)). Marks are paired in
/// order within one block; a mark left open at the end is not reported here.
fn mismatched_pairs(text: &str) -> Vec<((usize, char), (usize, char))> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if DOUBLE_MARKS.contains(&c) {
            match open {
                None => {
                    if matches!(c, '"' | '\u{201c}' | '\u{201e}' | '\u{ab}') {
                        open = Some((i, c));
                    }
                }
                Some(o) if closes(o.1, c) => open = None,
                Some(o) => {
                    // A closing mark of the wrong kind, or an opening mark
                    // used to close (no space before it, none after it).
                    let used_as_close = matches!(c, '"' | '\u{201d}' | '\u{bb}')
                        || (prev.is_some_and(|p| !p.is_whitespace())
                            && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation()));
                    if used_as_close {
                        out.push((o, (i, c)));
                        open = None;
                    } else {
                        open = Some((i, c));
                    }
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// Byte offsets (of the second word) and text of doubled words.
fn doubled_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut prev: Option<&str> = None;
    for (i, piece) in text.split_word_bound_indices() {
        if piece.chars().all(char::is_whitespace) {
            continue;
        }
        if piece.chars().any(char::is_alphabetic) {
            if let Some(p) = prev {
                let lower = piece.to_lowercase();
                if p.to_lowercase() == lower && !DOUBLES_OK.contains(&lower.as_str()) {
                    out.push((i, piece));
                }
            }
            prev = Some(piece);
        } else {
            prev = None;
        }
    }
    out
}

/// Byte offsets of colons written straight before a quotation mark after a word.
fn colon_quotes(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == ':' && prev.is_some_and(char::is_alphabetic) {
            if let Some(&(_, n)) = chars.peek() {
                if matches!(
                    n,
                    '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{201e}' | '\u{ab}'
                ) {
                    out.push(i);
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// A few words either side of `at`, on its line.
fn around(input: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(20);
    while !input.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 20).min(input.len());
    while !input.is_char_boundary(end) {
        end += 1;
    }
    let piece = &input[start..end];
    let from = piece[..at - start].rfind('\n').map_or(0, |n| n + 1);
    let to = piece[at - start..]
        .find('\n')
        .map_or(piece.len(), |n| n + at - start);
    piece[from..to].trim()
}

/// Quoted, folded and shortened text for a message.
fn excerpt(text: &str) -> String {
    const MAX: usize = 48;
    let folded: Vec<&str> = text.split_whitespace().collect();
    let folded = folded.join(" ");
    if folded.chars().count() <= MAX {
        format!("\"{folded}\"")
    } else {
        let cut: String = folded.chars().take(MAX).collect();
        format!("\"{}…\"", cut.trim_end())
    }
}

/// Byte offsets of line starts, to turn offsets into line and column.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(input: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', input.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    fn locate(&self, input: &str, at: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        let mut from = self.starts[line - 1];
        if from == 0 && input.starts_with(crate::input::BOM) {
            from = crate::input::BOM.len();
        }
        let column = input
            .get(from..at.max(from))
            .map_or(0, |s| s.chars().count());
        (line, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<(&'static str, usize, usize)> {
        lint(text, &crate::analyze(text))
            .into_iter()
            .map(|f| (f.rule, f.line, f.column))
            .collect()
    }

    #[test]
    fn doubled_word_across_a_line_break_and_case() {
        assert_eq!(doubled_words("ready to\nTo go"), [(9, "To")]);
        assert!(doubled_words("he had had enough").is_empty());
        assert!(doubled_words("to, to").is_empty());
    }

    #[test]
    fn mismatched_marks() {
        let m = mismatched_pairs("\"ready,\u{201d} he said, \"yes\"");
        assert_eq!(m, [((0, '"'), (7, '\u{201d}'))]);
        assert!(mismatched_pairs("\u{201e}Ja\u{201c}, sagte sie").is_empty());
        assert!(mismatched_pairs("\u{201c}a\u{201d} and \"b\"").is_empty());
        assert_eq!(mismatched_pairs("\u{201c}a\" b").len(), 1);
    }

    #[test]
    fn colon_without_space() {
        assert_eq!(colon_quotes("He added:\"On the"), [8]);
        assert!(colon_quotes("He added: \"On").is_empty());
        assert!(colon_quotes("at 10:\"00").is_empty());
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "\u{feff}é ab\nxy";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(text, text.find('a').unwrap()), (1, 3));
        assert_eq!(index.locate(text, text.find('y').unwrap()), (2, 2));
    }

    #[test]
    fn missing_parts() {
        let found =
            rules("The council met on Tuesday and voted to close the old bridge for good.\n");
        assert!(found.iter().any(|f| f.0 == "missing-headline"));
        assert!(found.iter().any(|f| f.0 == "missing-byline"));
        assert_eq!(rules("")[0].0, "missing-body");
    }

    #[test]
    fn every_rule_is_listed_once() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
    }
}
