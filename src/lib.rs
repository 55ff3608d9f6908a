//! lede takes a plain-text news article apart: headline, standfirst, byline,
//! dateline, body paragraphs, subheadings, classified boilerplate, and every
//! direct quotation with its speaker — each with a byte span into the input.
//!
//! ```
//! let input = "Council approves bridge\n\nBy Jane Doe\n\n\
//!              The council approved the new bridge on Tuesday after a long debate.\n\n\
//!              \"It is a great day for the town,\" said council leader Sam Lee.\n";
//! let a = lede::analyze(input);
//! assert_eq!(a.headline.unwrap().text, "Council approves bridge");
//! assert_eq!(a.byline.unwrap().authors, ["Jane Doe"]);
//! assert_eq!(a.paragraphs.len(), 2);
//! assert_eq!(a.quotes[0].text, "It is a great day for the town");
//! assert_eq!(a.quotes[0].speaker.as_deref(), Some("Sam Lee"));
//! ```
//!
//! The library returns data and never prints; the `lede` binary owns I/O.
//! See [`model`] for the JSON schema.

#![deny(missing_docs, unsafe_code)]

pub mod boilerplate;
pub mod byline;
pub mod check;
pub mod date;
pub mod dateline;
pub mod error;
pub mod gold;
pub mod input;
pub mod lint;
pub mod markup;
pub mod model;
mod prefetch;
pub mod quotes;
pub mod region;
pub mod render;
pub mod segment;
pub mod span;
pub mod speakers;
pub mod stage_times;
pub mod stats;
pub mod stream;
pub mod structure;
mod swar;
#[cfg(test)]
mod testing;
pub mod text;
pub mod tokens;
pub mod work;

pub use error::InputError;
pub use input::Encoding;
pub use model::Analysis;
pub use span::Span;
pub use speakers::{Candidate, QuoteExplained};

use model::{Boilerplate, Byline, Dateline, Element, Headline, Published, Stats, Warning};
use structure::Role;

/// One block and the rule that gave it its role, for `--explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// Where the block stands.
    pub span: Span,
    /// Its role's name ("paragraph", "caption", ...).
    pub role: &'static str,
    /// The rule that decided.
    pub rule: &'static str,
    /// The folded text.
    pub text: String,
}

/// Analyse an article given as text.
pub fn analyze(input: &str) -> Analysis {
    run(input, false, None).0
}

/// Decode bytes (see [`input::decode`]) and analyse them.
pub fn analyze_bytes(bytes: &[u8], encoding: Encoding) -> Result<Analysis, InputError> {
    let text = input::decode(bytes, encoding)?;
    Ok(analyze(&text))
}

/// Analyse an article and say which rule decided each block.
pub fn analyze_explained(input: &str) -> (Analysis, Vec<Explained>) {
    let (a, blocks, _) = run(input, true, None);
    (a, blocks)
}

/// Analyse an article and say which rule decided each block and, for each
/// quotation (in the order of `Analysis::quotes`), the candidate speakers
/// and which one won ([`QuoteExplained`]).
pub fn analyze_with_reasons(input: &str) -> (Analysis, Vec<Explained>, Vec<QuoteExplained>) {
    run(input, true, None)
}

/// What [`stream`] keeps of the elements whose text it folds when it writes
/// them: the blocks (a start and a byte of flags each) and their roles (a
/// byte each), not their text. With it, [`run`] leaves the analysis'
/// `subheadings`, `paragraphs` and `boilerplate` empty.
#[derive(Debug, Default)]
struct Lean {
    blocks: segment::BlockSpans,
    decisions: structure::Decisions,
    /// The blocks that became the headline and the standfirst (the other
    /// headline and standfirst blocks are subheadings).
    headline_at: Option<usize>,
    standfirst_at: Option<usize>,
    /// The quotations of the paragraphs, found (a few bits a byte), to be
    /// attributed as they are written.
    pieces: quotes::PieceSet,
    /// The spans of the other text that names people (see
    /// [`speakers::attribute`]).
    context: Vec<Span>,
}

impl Lean {
    /// The blocks that are subheadings, in order.
    fn subheadings(&self) -> impl Iterator<Item = usize> + '_ {
        CodesAt::new(self.decisions.codes(), structure::HEADING_CODES)
            .filter(|&i| Some(i) != self.headline_at && Some(i) != self.standfirst_at)
    }

    /// The blocks that are paragraphs, in order.
    fn paragraphs(&self) -> impl Iterator<Item = usize> + '_ {
        CodesAt::new(self.decisions.codes(), structure::PARAGRAPH_CODES)
    }

    /// The blocks that are boilerplate, with their kind, in order.
    fn boilerplate(&self) -> impl Iterator<Item = (usize, model::BoilerplateKind)> + '_ {
        self.decisions
            .roles()
            .enumerate()
            .filter_map(|(i, r)| match r {
                Role::Boilerplate(kind) => Some((i, kind)),
                _ => None,
            })
    }
}

/// The indices of the bytes of `codes` that are one of `targets` (none of
/// them 0), in order, found eight bytes at a time: the lists of the
/// output (paragraphs, subheadings) pick their blocks from the role
/// codes, a byte a block, and most blocks of a page are boilerplate (a
/// page of 120 links and captions around 18 paragraphs), where a test of
/// each block's role had cost a dozen instructions a block and pass, and
/// `memchr`'s search some eighty a paragraph found.
struct CodesAt<'a, const N: usize> {
    codes: &'a [u8],
    targets: [u8; N],
    /// The next eight bytes to read start at `at`; the top bit of each
    /// byte of `hits` is set where a target stands in the eight read
    /// before, from `base`.
    at: usize,
    base: usize,
    hits: u64,
}

impl<'a, const N: usize> CodesAt<'a, N> {
    fn new(codes: &'a [u8], targets: [u8; N]) -> Self {
        debug_assert!(!targets.contains(&0));
        CodesAt {
            codes,
            targets,
            at: 0,
            base: 0,
            hits: 0,
        }
    }
}

impl<const N: usize> Iterator for CodesAt<'_, N> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        use crate::swar::{LOW7, ONES};
        while self.hits == 0 {
            let at = self.at;
            // The last few codes padded with zeros, which no target is.
            let w = match self.codes.get(at..at + 8) {
                Some(c) => u64::from_le_bytes(c.try_into().expect("eight bytes")),
                None if at < self.codes.len() => {
                    let mut b = [0u8; 8];
                    b[..self.codes.len() - at].copy_from_slice(&self.codes[at..]);
                    u64::from_le_bytes(b)
                }
                None => return None,
            };
            // A byte's top bit is set where it equals the target: the
            // other bits of a byte of `x`, added to 0x7f, carry into its
            // top bit (and never past it) unless they are all clear.
            self.hits = self.targets.iter().fold(0, |hits, &t| {
                let x = w ^ (ONES * u64::from(t));
                hits | !(((x & LOW7) + LOW7) | x | LOW7)
            });
            self.base = at;
            self.at = at + 8;
        }
        let k = (self.hits.trailing_zeros() / 8) as usize;
        self.hits &= self.hits - 1;
        Some(self.base + k)
    }
}

/// The analysis, and the blocks' decisions and the quotations' candidates
/// when `explain` (else none). With `lean`, subheadings, paragraphs and
/// boilerplate are left to the blocks and their roles, moved there (see
/// [`stream`]), and paragraphs are found with their span alone.
fn run(
    input: &str,
    explain: bool,
    mut lean: Option<&mut Lean>,
) -> (Analysis, Vec<Explained>, Vec<QuoteExplained>) {
    let from = if input.starts_with(input::BOM) {
        input::BOM.len()
    } else {
        0
    };
    // Blocks and roles are a few bytes a block; the text of a block is
    // folded again when it is needed.
    use stage_times::{time, Stage};
    let blocks = time(Stage::Segment, || segment::segment(input, from));
    let decisions = time(Stage::Assign, || structure::assign(&blocks, explain));
    let mut a = Analysis {
        schema: model::SCHEMA.to_string(),
        source: None,
        offsets: render::offsets::Unit::Bytes,
        headline: None,
        standfirst: None,
        byline: None,
        dateline: None,
        published: None,
        subheadings: Vec::new(),
        paragraphs: Vec::new(),
        boilerplate: Vec::new(),
        quotes: Vec::new(),
        speakers: Vec::new(),
        stats: Stats::default(),
        warnings: Vec::new(),
    };
    let n = blocks.len();
    let explained = if explain {
        (0..n)
            .map(|i| Explained {
                span: blocks.span(i),
                role: decisions.role(i).name(),
                rule: decisions.rule(i),
                text: blocks.text_owned(i),
            })
            .collect()
    } else {
        Vec::new()
    };
    // Each list is allocated once at its size: grown by doubling, a list of
    // a million small elements would hold up to twice its size, and copy
    // it.
    let count = |f: fn(Role) -> bool| decisions.roles().filter(|&r| f(r)).count();
    a.paragraphs
        .reserve_exact(CodesAt::new(decisions.codes(), structure::PARAGRAPH_CODES).count());
    if lean.is_none() {
        a.boilerplate
            .reserve_exact(count(|r| matches!(r, Role::Boilerplate(_))));
    }
    let mut credits = decisions.credits().iter().peekable();
    // With `lean`, a paragraph keeps its span alone (quotes and speakers
    // read the input at the span, never the text), and only the first one
    // is folded here, for its dateline: the words and sentences of each
    // are counted from the text folded to write it (see [`stream`]).
    let mut first_paragraph = true;
    let mut scratch = String::new();
    let mut byline_at = Vec::new();
    let (mut headline_at, mut standfirst_at) = (None, None);
    // Lean, the boilerplate blocks are counted and the captions' spans
    // kept (speakers read them) in this pass.
    let mut lean_captions = Vec::new();
    let mut lean_boilerplate = 0;
    for (i, role) in decisions.roles().enumerate() {
        // (Lean, most blocks are boilerplate, which needs neither its span
        // nor its credit here: each is found where it is written.)
        if let (Some(_), Role::Boilerplate(kind)) = (&lean, role) {
            lean_boilerplate += 1;
            if kind == model::BoilerplateKind::Caption {
                lean_captions.push(blocks.span(i));
            }
            continue;
        }
        let span = blocks.span(i);
        let credit = credits.next_if(|(at, _)| *at == i).map(|(_, c)| c);
        let el = || Element {
            text: blocks.text_owned(i),
            span,
        };
        match role {
            Role::Headline if a.headline.is_none() => {
                headline_at = Some(i);
                a.headline = Some(Headline {
                    text: blocks.text_owned(i),
                    span,
                    quotes: Vec::new(),
                })
            }
            Role::Standfirst if a.standfirst.is_none() => {
                standfirst_at = Some(i);
                a.standfirst = Some(el())
            }
            Role::Headline | Role::Standfirst | Role::Subheading => {
                if lean.is_none() {
                    a.subheadings.push(el())
                }
            }
            Role::Byline => byline_at.push(i),
            Role::Paragraph if lean.is_some() => {
                if std::mem::take(&mut first_paragraph) {
                    let t = blocks.text_at(i, span, &mut scratch);
                    a.dateline = dateline_of(input, t, span);
                }
                a.paragraphs.push(Element {
                    text: String::new(),
                    span,
                })
            }
            Role::Paragraph => {
                let p = el();
                if std::mem::take(&mut first_paragraph) {
                    a.dateline = dateline_of(input, &p.text, span);
                }
                a.paragraphs.push(p)
            }
            Role::Boilerplate(kind) => {
                if lean.is_none() {
                    a.boilerplate.push(Boilerplate {
                        kind,
                        text: blocks.text_owned(i),
                        credit: credit.map(|c| c.to_string()),
                        span,
                    })
                }
            }
        }
    }
    // (A long block's text is not held past here.)
    drop(scratch);
    a.byline = make_byline(input, &blocks, &byline_at);
    a.published = find_published(input, &a, &blocks, &decisions);
    let (captions, boilerplate_count) = match lean.as_deref_mut() {
        Some(lean) => {
            lean.blocks = blocks.into_spans();
            lean.decisions = decisions;
            lean.headline_at = headline_at;
            lean.standfirst_at = standfirst_at;
            (lean_captions, lean_boilerplate)
        }
        None => {
            let c = a
                .boilerplate
                .iter()
                .filter(|b| b.kind == model::BoilerplateKind::Caption)
                .map(|b| b.span)
                .collect();
            (c, a.boilerplate.len())
        }
    };
    // The quotations are found in one pass, a few bits a byte of input
    // kept for each: with `lean`, nothing more (they are attributed as they
    // are written, see [`stream`]); else each is also kept whole.
    let mut pieces = quotes::PieceSet::new(input.len());
    let mut quotation = 0usize;
    quotes::each_piece(
        input,
        a.paragraphs.iter().map(|p| p.span),
        &mut a.warnings,
        |piece| {
            pieces.push(piece);
            if lean.is_some() {
                return;
            }
            a.quotes
                .push(piece.to_quote(input, piece.number(&mut quotation)));
        },
    );
    a.quotes.shrink_to_fit();
    if let Some(h) = a.headline.as_mut() {
        h.quotes = quotes::headline_quotes(input, h.span);
    }
    let context: Vec<Span> = a
        .headline
        .as_ref()
        .map(|h| h.span)
        .into_iter()
        .chain(a.standfirst.as_ref().map(|s| s.span))
        .chain(captions)
        .collect();
    let mut reasons = Vec::new();
    if lean.is_none() {
        let paragraphs = span::Spans::of(input.len(), a.paragraphs.iter().map(|p| p.span));
        let mut i = 0;
        let quotes = &mut a.quotes;
        a.speakers = attribute_on_lf(
            input,
            paragraphs,
            &context,
            &pieces,
            explain.then_some(&mut reasons),
            &mut |q| {
                let slot = &mut quotes[i];
                slot.speaker = q.speaker;
                slot.speaker_mention = q.speaker_mention;
                slot.cue = q.cue;
                i += 1;
            },
        )
        .to_vec();
    }
    // (Lean, the words and sentences are zero until written.)
    a.stats = stats_of(input, &a, lean.is_some().then_some((0, 0)));
    a.stats.boilerplate = boilerplate_count;
    a.stats.quotes = pieces.len();
    warn_structure(input, &mut a);
    if let Some(lean) = lean {
        // The paragraphs are folded again from their blocks when written,
        // and the quotations found again from the pieces.
        a.paragraphs = Vec::new();
        lean.pieces = pieces;
        lean.context = context;
    }
    (a, explained, reasons)
}

/// Attribute the quotations `pieces` of the `paragraphs` (their spans: the
/// text is not read), give each
/// to `out` in order as soon as its speaker is final (its `text` empty),
/// and return the speakers summary; with `reasons`, one
/// [`QuoteExplained`] per quotation is pushed onto it.
///
/// Speakers are found in text whose line ends are all LF: their look-ups
/// are bounded in bytes ("within 400 bytes of the quotation"), and a CRLF
/// text must read the same words as the same text with LF ends. A text
/// with carriage returns is copied with each CRLF made LF and each lone CR
/// made LF, its spans moved to the copy and back ([`speakers::Lf`]);
/// others are read as they are.
fn attribute_on_lf(
    input: &str,
    mut paragraphs: span::Spans,
    context: &[Span],
    pieces: &quotes::PieceSet,
    mut reasons: Option<&mut Vec<QuoteExplained>>,
    out: &mut dyn FnMut(model::Quote),
) -> speakers::Speakers {
    let (text, lf) = speakers::Lf::of(input);
    paragraphs.map_in_place(|p| lf.span_to_lf(p));
    let context: Vec<Span> = context.iter().map(|&s| lf.span_to_lf(s)).collect();
    let first = reasons.as_ref().map_or(0, |r| r.len());
    let speakers = stage_times::time(stage_times::Stage::Speakers, || {
        speakers::attribute_pieces(
            &text,
            &lf,
            &paragraphs,
            &context,
            pieces,
            reasons.as_deref_mut(),
            out,
        )
    });
    for r in reasons.into_iter().flat_map(|r| &mut r[first..]) {
        for c in &mut r.candidates {
            c.at = c.at.map(|at| lf.to_input(at));
        }
    }
    speakers
}

/// The dateline at the start of the first paragraph (`text` folded, at `span`).
fn dateline_of(input: &str, text: &str, span: Span) -> Option<Dateline> {
    let found = dateline::find(text)?;
    // Folded text and input differ only in white space; map by re-finding.
    let raw = span.of(input);
    let raw_found = dateline::find(raw)?;
    Some(Dateline {
        text: text::fold(&raw[..raw_found.span.end]),
        place: found.place,
        agency: found.agency,
        date: found.date,
        span: raw_found.span.shift(span.start),
    })
}

fn make_byline(input: &str, blocks: &segment::Blocks<'_>, at: &[usize]) -> Option<Byline> {
    let first = *at.first()?;
    let last = *at.last()?;
    let span = blocks.span(first).cover(blocks.span(last));
    let first_text = blocks.text_owned(first);
    let mut parsed = byline::parse(&first_text).unwrap_or_default();
    let mut rest = &at[1..];
    if parsed.authors.is_empty() {
        if let Some((name, _)) = byline::bare_name(&first_text) {
            parsed.authors = name.authors;
        } else if let Some(&next) = rest.first() {
            if let Some((name, _)) = byline::bare_name(&blocks.text_owned(next)) {
                parsed.authors = name.authors;
                rest = &rest[1..];
            }
        }
    }
    for &b in rest {
        let t = blocks.text_owned(b);
        if byline::is_role_line(&t) && parsed.role.is_none() {
            parsed.role = Some(t);
        }
    }
    Some(Byline {
        text: text::fold(span.of(input)),
        authors: parsed.authors,
        organisation: parsed.organisation,
        role: parsed.role,
        span,
    })
}

fn find_published(
    input: &str,
    a: &Analysis,
    blocks: &segment::Blocks<'_>,
    decisions: &structure::Decisions,
) -> Option<Published> {
    let from_byline = a.byline.as_ref().map(|b| b.span);
    let body_start = a.paragraphs.first().map_or(input.len(), |p| p.span.start);
    let candidates = from_byline.into_iter().chain(
        decisions
            .roles()
            .enumerate()
            .filter(|&(_, r)| r == Role::Boilerplate(model::BoilerplateKind::Meta))
            .map(|(i, _)| blocks.span(i))
            .take_while(|s| s.start < body_start),
    );
    for span in candidates {
        let raw = span.of(input);
        if let Some(found) = date::find(raw) {
            let s = found.span.shift(span.start);
            return Some(Published {
                iso: found.iso,
                text: text::fold(s.of(input)),
                span: s,
            });
        }
    }
    None
}

/// The article's counts; the paragraphs' words and sentences are
/// `counted` already, or counted from their text.
fn stats_of(input: &str, a: &Analysis, counted: Option<(usize, usize)>) -> Stats {
    let (words, sentences) = counted.unwrap_or_else(|| {
        a.paragraphs.iter().fold((0, 0), |(w, s), p| {
            let (pw, ps) = stats::words_and_sentences(&p.text);
            (w + pw, s + ps)
        })
    });
    Stats {
        bytes: input.len(),
        words,
        sentences,
        paragraphs: a.paragraphs.len(),
        quotes: a.quotes.len(),
        boilerplate: a.boilerplate.len(),
        reading_time_seconds: stats::reading_time_seconds(words),
    }
}

fn warn_structure(input: &str, a: &mut Analysis) {
    let mut add = |code: &str, message: &str| {
        a.warnings.push(Warning {
            code: code.to_string(),
            message: message.to_string(),
            span: None,
        })
    };
    if input.trim_matches(text::is_space).is_empty() {
        add("empty_input", "the input is empty or only white space");
        return;
    }
    if markup::looks_like_html(input) {
        add(
            "html_input",
            "the input looks like raw HTML: convert it to text first, e.g. `w3m -dump -T text/html` or `html2text` (see the README, \"Whole web pages\")",
        );
    }
    if a.paragraphs.is_empty() {
        add("no_body", "no body paragraph was found");
    }
    if a.headline.is_none() {
        add("no_headline", "no headline was found");
    }
    if a.byline.is_none() {
        add("no_byline", "no byline was found");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lean lists' blocks, found by byte searches over the role
    /// codes, are those whose role a test of every block picks.
    fn lean_lists_are_the_role_tests(t: &str) {
        let mut lean = Lean::default();
        run(t, false, Some(&mut lean));
        let roles: Vec<Role> = lean.decisions.roles().collect();
        let paragraphs: Vec<usize> = (0..roles.len())
            .filter(|&i| roles[i] == Role::Paragraph)
            .collect();
        let subheadings: Vec<usize> = (0..roles.len())
            .filter(|&i| {
                matches!(
                    roles[i],
                    Role::Headline | Role::Standfirst | Role::Subheading
                ) && Some(i) != lean.headline_at
                    && Some(i) != lean.standfirst_at
            })
            .collect();
        assert_eq!(lean.paragraphs().collect::<Vec<_>>(), paragraphs, "{t:?}");
        assert_eq!(lean.subheadings().collect::<Vec<_>>(), subheadings, "{t:?}");
    }

    /// Every fixture: headlines, standfirsts, subheadings, list items.
    #[test]
    fn lean_lists_of_the_fixtures() {
        let mut seen = (false, false);
        for (_, t) in crate::testing::fixture_texts() {
            lean_lists_are_the_role_tests(&t);
            let a = analyze(&t);
            seen.0 |= !a.subheadings.is_empty();
            seen.1 |= a.paragraphs.len() > 1;
        }
        assert_eq!(seen, (true, true));
    }

    proptest::proptest! {
        /// The codes found eight at a time are those a test of each
        /// byte finds, at every length and with every byte.
        #[test]
        fn codes_at_are_the_byte_tests(
            codes in proptest::collection::vec(proptest::prop_oneof![0u8..8, proptest::num::u8::ANY], 0..40),
            a in 1u8..8,
            b in 1u8..=255,
        ) {
            let found: Vec<usize> = CodesAt::new(&codes, [a, b]).collect();
            let want: Vec<usize> = (0..codes.len()).filter(|&i| codes[i] == a || codes[i] == b).collect();
            proptest::prop_assert_eq!(found, want);
            let found: Vec<usize> = CodesAt::new(&codes, [a]).collect();
            let want: Vec<usize> = (0..codes.len()).filter(|&i| codes[i] == a).collect();
            proptest::prop_assert_eq!(found, want);
        }

        /// Any text of headings, list items, short and long lines.
        #[test]
        fn lean_lists_of_any_text(
            t in "((## |\\* |- )?[A-Za-z.,\u{201c}\u{201d} ]{0,60}[\n]{1,3}){0,14}"
        ) {
            lean_lists_are_the_role_tests(&t);
        }
    }
}
