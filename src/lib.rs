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
pub mod quotes;
pub mod region;
pub mod render;
pub mod segment;
pub mod span;
pub mod speakers;
pub mod stats;
pub mod stream;
pub mod structure;
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
use structure::{Decision, Role};

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
/// them: their spans, not their text. With it, [`run`] leaves the
/// analysis' `subheadings`, `paragraphs` and `boilerplate` empty.
#[derive(Debug, Default)]
struct Lean {
    subheadings: Vec<Span>,
    paragraphs: Vec<Span>,
    boilerplate: Vec<(Span, model::BoilerplateKind)>,
    /// Captions' credits: (index into `boilerplate`, credit), in order.
    credits: Vec<(usize, String)>,
    /// The article's markup style, to fold the texts again.
    style: markup::Style,
}

/// The analysis, and the blocks' decisions and the quotations' candidates
/// when `explain` (else none): the folded text of a block moves into the
/// analysis instead of being copied. With `lean`, subheadings, paragraphs
/// and boilerplate go there as spans, their text dropped as soon as the
/// analysis no longer reads it (see [`stream`]).
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
    if let Some(lean) = lean.as_deref_mut() {
        lean.style = markup::style(&input[from..]);
    }
    let seg = segment::segment(input, from);
    // What is kept past this point is sized by the article: the lines are
    // not needed once they are blocks, nor the blocks and their roles once
    // the byline and date are read, so each goes as soon as it can, before
    // quotes and speakers (the peak) are built.
    let segment::Segmentation {
        mut blocks, lines, ..
    } = seg;
    drop(lines);
    let decisions = structure::assign(&blocks);
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
    let explained = if explain {
        blocks
            .iter()
            .zip(&decisions)
            .map(|(b, d): (&segment::Block, &Decision)| Explained {
                span: b.span,
                role: d.role.name(),
                rule: d.rule,
                text: b.text.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    // Each list is allocated once at its size: grown by doubling, a list of
    // a million small elements would hold up to twice its size, and copy
    // it, while the blocks are still alive.
    let count = |f: fn(Role) -> bool| decisions.iter().filter(|d| f(d.role)).count();
    let paragraphs = count(|r| r == Role::Paragraph);
    let boilerplate = count(|r| matches!(r, Role::Boilerplate(_)));
    a.paragraphs.reserve_exact(paragraphs);
    match lean.as_deref_mut() {
        Some(lean) => lean.boilerplate.reserve_exact(boilerplate),
        None => a.boilerplate.reserve_exact(boilerplate),
    }
    let mut byline_at = Vec::new();
    for (i, (b, d)) in blocks.iter_mut().zip(&decisions).enumerate() {
        let span = b.span;
        let mut el = || Element {
            text: std::mem::take(&mut b.text),
            span,
        };
        match d.role {
            Role::Headline if a.headline.is_none() => {
                a.headline = Some(Headline {
                    text: std::mem::take(&mut b.text),
                    span,
                    quotes: Vec::new(),
                })
            }
            Role::Standfirst if a.standfirst.is_none() => a.standfirst = Some(el()),
            Role::Headline | Role::Standfirst | Role::Subheading => match lean.as_deref_mut() {
                Some(lean) => {
                    b.text = String::new();
                    lean.subheadings.push(span);
                }
                None => a.subheadings.push(el()),
            },
            Role::Byline => byline_at.push(i),
            Role::Paragraph => a.paragraphs.push(el()),
            Role::Boilerplate(kind) => match lean.as_deref_mut() {
                Some(lean) => {
                    b.text = String::new();
                    if let Some(credit) = &d.credit {
                        lean.credits
                            .push((lean.boilerplate.len(), credit.to_string()));
                    }
                    lean.boilerplate.push((span, kind));
                }
                None => a.boilerplate.push(Boilerplate {
                    kind,
                    text: std::mem::take(&mut b.text),
                    credit: d.credit.as_deref().map(String::from),
                    span,
                }),
            },
        }
    }
    // Only the byline blocks keep their text.
    let byline_blocks: Vec<&segment::Block> = byline_at.iter().map(|&i| &blocks[i]).collect();
    a.byline = make_byline(input, &byline_blocks);
    a.published = find_published(input, &a, &blocks, &decisions);
    drop(blocks);
    drop(decisions);
    if let Some(first) = a.paragraphs.first() {
        if let Some(found) = dateline::find(&first.text) {
            // Folded text and input differ only in white space; map by re-finding.
            let raw = first.span.of(input);
            if let Some(raw_found) = dateline::find(raw) {
                a.dateline = Some(Dateline {
                    text: text::fold(&raw[..raw_found.span.end]),
                    place: found.place,
                    agency: found.agency,
                    date: found.date,
                    span: raw_found.span.shift(first.span.start),
                });
            }
        }
    }
    let (quotes, headline_quotes, warnings) =
        quotes::find(input, &a.paragraphs, a.headline.as_ref());
    a.quotes = quotes;
    if let Some(h) = a.headline.as_mut() {
        h.quotes = headline_quotes;
    }
    a.warnings.extend(warnings);
    let context: Vec<Span> = a
        .headline
        .as_ref()
        .map(|h| h.span)
        .into_iter()
        .chain(a.standfirst.as_ref().map(|s| s.span))
        .chain(
            a.boilerplate
                .iter()
                .map(|b| (b.span, b.kind))
                .chain(lean.iter().flat_map(|l| l.boilerplate.iter().copied()))
                .filter(|&(_, kind)| kind == model::BoilerplateKind::Caption)
                .map(|(span, _)| span),
        )
        .collect();
    let mut reasons = Vec::new();
    attribute_on_lf(input, &mut a, &context, explain.then_some(&mut reasons));
    a.stats = stats_of(input, &a);
    warn_structure(input, &mut a);
    if let Some(lean) = lean {
        a.stats.boilerplate = lean.boilerplate.len();
        // The paragraphs' text was read by quotes and speakers; from here
        // on it is folded again when written.
        lean.paragraphs = a.paragraphs.iter().map(|p| p.span).collect();
        a.paragraphs = Vec::new();
    }
    (a, explained, reasons)
}

/// Speakers are found in text whose line ends are all LF: their look-ups
/// are bounded in bytes ("within 400 bytes of the quotation"), and a CRLF
/// text must read the same words as the same text with LF ends. A text
/// with carriage returns is copied with each CRLF made LF and each lone CR
/// made LF, its spans moved to the copy and back; others are read as they
/// are.
fn attribute_on_lf(
    input: &str,
    a: &mut Analysis,
    context: &[Span],
    reasons: Option<&mut Vec<speakers::QuoteExplained>>,
) {
    if memchr::memchr(b'\r', input.as_bytes()).is_none() {
        speakers::attribute_explained(
            input,
            &a.paragraphs,
            context,
            &mut a.quotes,
            &mut a.speakers,
            reasons,
        );
        return;
    }
    // One pass over the CRs: each before an LF is dropped (its position
    // kept, in input order), each lone one becomes an LF.
    let b = input.as_bytes();
    let mut dropped: Vec<usize> = Vec::new();
    let mut lf = String::with_capacity(input.len());
    let mut from = 0;
    for k in memchr::memchr_iter(b'\r', b) {
        lf.push_str(&input[from..k]);
        if b.get(k + 1) == Some(&b'\n') {
            dropped.push(k);
        } else {
            lf.push('\n');
        }
        from = k + 1;
    }
    lf.push_str(&input[from..]);
    let to_lf = |pos: usize| pos - dropped.partition_point(|&k| k < pos);
    // (k - i, the dropped CR's place in the copy, never decreases.)
    let lf_places: Vec<usize> = dropped.iter().enumerate().map(|(i, &k)| k - i).collect();
    let to_input = |pos: usize| pos + lf_places.partition_point(|&k| k <= pos);
    let span_lf = |s: Span| Span {
        start: to_lf(s.start),
        end: to_lf(s.end),
    };
    let paragraphs: Vec<Element> = a
        .paragraphs
        .iter()
        .map(|p| Element {
            text: p.text.clone(),
            span: span_lf(p.span),
        })
        .collect();
    let context: Vec<Span> = context.iter().map(|&s| span_lf(s)).collect();
    let spans: Vec<Span> = a.quotes.iter().map(|q| q.span).collect();
    for q in a.quotes.iter_mut() {
        q.span = span_lf(q.span);
    }
    let mut reasons = reasons;
    speakers::attribute_explained(
        &lf,
        &paragraphs,
        &context,
        &mut a.quotes,
        &mut a.speakers,
        reasons.as_deref_mut(),
    );
    for (q, s) in a.quotes.iter_mut().zip(spans) {
        q.span = s;
    }
    for r in reasons.into_iter().flatten() {
        for c in &mut r.candidates {
            c.at = c.at.map(to_input);
        }
    }
}

fn make_byline(input: &str, blocks: &[&segment::Block]) -> Option<Byline> {
    let first = blocks.first()?;
    let last = blocks.last()?;
    let span = first.span.cover(last.span);
    let mut parsed = byline::parse(&first.text).unwrap_or_default();
    let mut rest = &blocks[1..];
    if parsed.authors.is_empty() {
        if let Some((name, _)) = byline::bare_name(&first.text) {
            parsed.authors = name.authors;
        } else if let Some(next) = rest.first() {
            if let Some((name, _)) = byline::bare_name(&next.text) {
                parsed.authors = name.authors;
                rest = &rest[1..];
            }
        }
    }
    for b in rest {
        if byline::is_role_line(&b.text) && parsed.role.is_none() {
            parsed.role = Some(b.text.clone());
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
    blocks: &[segment::Block],
    decisions: &[Decision],
) -> Option<Published> {
    let from_byline = a.byline.as_ref().map(|b| b.span);
    let body_start = a.paragraphs.first().map_or(input.len(), |p| p.span.start);
    let candidates = from_byline.into_iter().chain(
        blocks
            .iter()
            .zip(decisions)
            .filter(|(b, d)| {
                b.span.start < body_start
                    && d.role == Role::Boilerplate(model::BoilerplateKind::Meta)
            })
            .map(|(b, _)| b.span),
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

fn stats_of(input: &str, a: &Analysis) -> Stats {
    let mut words = 0;
    let mut sentences = 0;
    for p in &a.paragraphs {
        words += stats::words(&p.text);
        sentences += stats::sentences(&p.text);
    }
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
