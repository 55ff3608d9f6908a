//! The JSON of an analysis, written from spans: the `lede` binary's path for
//! `--format json` (one object, JSON Lines, `--out` files).
//!
//! # Why
//!
//! The JSON of a small element is larger than the element: a one-word line
//! `word` becomes `{"kind":"other","text":"word","credit":null,"span":[0,4]}`,
//! ten times its bytes, and its [`Boilerplate`](crate::model::Boilerplate)
//! struct with its `String` costs a hundred bytes more. Holding either the
//! public [`Analysis`] or its JSON text for a text of many small pieces
//! costs tens of times the input, so neither is held here:
//!
//! - subheadings, paragraphs and boilerplate are not kept as elements: the
//!   blocks (a start and a byte of flags each, [`segment::BlockSpans`]) and
//!   their roles (a byte each, [`structure::Decisions`]) are, and each
//!   element's text is folded again from its block when it is written, by
//!   the same function that folds it for the analysis, so the bytes are the
//!   same; paragraphs reach quotes and speakers as spans, without text;
//! - the JSON is written by serde straight into the output, element by
//!   element ([`Article`] implements `Serialize` with the same fields, in the
//!   same order, as [`Analysis`]), compact or pretty, never built as a
//!   string;
//! - spans in chars or UTF-16 units are counted when written, one pass over
//!   the input per list ([`Counter`]), not stored twice;
//! - quotations are kept as a few bits a byte of input
//!   (`quotes::PieceSet`) and attributed while the `quotes` list
//!   is written, each written once its speaker is final; the speakers
//!   summary, tallied as they pass, follows them in the JSON.
//!
//! The article owns its input (the bytes it was read into, not a copy), which
//! the folding needs; the folded text of one element at a time is the only
//! other text. The library's [`crate::analyze`] is unchanged: it returns the
//! whole [`Analysis`] for callers that want the data.
//!
//! What is still held whole while the analysis runs (a few bytes a block,
//! a few bits a byte for the quotations, the speakers' mentions and
//! people) is the pipeline's own; README "Limits and guarantees" gives the
//! measured peaks.

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use std::cell::RefCell;

use crate::model::{Analysis, BoilerplateKind, Quote, Warning};
use crate::render::offsets::{self, Counter, Unit};
use crate::span::Span;
use crate::Lean;
#[cfg(doc)]
use crate::{segment, structure};

/// One article's analysis, kept compact, ready to be written as the same
/// JSON object as its [`Analysis`].
#[derive(Debug)]
pub struct Article {
    input: String,
    analysis: Analysis,
    lean: Lean,
}

/// Analyse `input` (which the article keeps, to fold texts from) for
/// writing.
pub fn analyze(input: String) -> Article {
    let mut lean = Lean::default();
    let analysis = crate::run(&input, false, Some(&mut lean)).0;
    Article {
        input,
        analysis,
        lean,
    }
}

impl Article {
    /// Set the `source` field (a path, a record id).
    pub fn set_source(&mut self, source: Option<String>) {
        self.analysis.source = source;
    }

    /// Add warnings about how the input was read.
    pub fn add_warnings(&mut self, warnings: impl IntoIterator<Item = Warning>) {
        self.analysis.warnings.extend(warnings);
    }

    /// Write spans in `unit` (once; spans are bytes until then).
    pub fn set_offsets(&mut self, unit: Unit) {
        // The elements held whole are converted here; the lean ones are
        // counted when written, by `self.analysis.offsets`.
        offsets::convert(&mut self.analysis, &self.input, unit);
    }
}

/// Offsets in a unit, counted forwards through the input: each list of
/// spans is in input order, so one counter walks the input once per list.
fn counter(a: &Article) -> Counter<'_> {
    Counter::new(&a.input, a.analysis.offsets)
}

fn span(c: &mut Counter<'_>, s: Span) -> Span {
    Span::new(c.at(s.start), c.at(s.end))
}

#[derive(Serialize)]
struct ElementOut<'a> {
    text: &'a str,
    span: Span,
}

#[derive(Serialize)]
struct BoilerplateOut<'a> {
    kind: BoilerplateKind,
    text: &'a str,
    credit: Option<&'a str>,
    span: Span,
}

/// Subheadings or paragraphs (the blocks `at`), folded as they are written.
struct Elements<'a, I> {
    article: &'a Article,
    at: fn(&'a Lean) -> I,
}

impl<'a, I: Iterator<Item = usize>> Serialize for Elements<'a, I> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let a = self.article;
        let mut c = counter(a);
        let mut scratch = String::new();
        let blocks = &a.lean.blocks;
        let mut seq = ser.serialize_seq(Some((self.at)(&a.lean).count()))?;
        for i in (self.at)(&a.lean) {
            let at = blocks.span(&a.input, i);
            seq.serialize_element(&ElementOut {
                text: blocks.text_at(&a.input, i, at, &mut scratch),
                span: span(&mut c, at),
            })?;
        }
        seq.end()
    }
}

/// The boilerplate blocks, folded as they are written.
struct Boilerplates<'a>(&'a Article);

impl Serialize for Boilerplates<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut c = counter(a);
        let mut scratch = String::new();
        let blocks = &a.lean.blocks;
        let mut credits = a.lean.decisions.credits().iter().peekable();
        let mut seq = ser.serialize_seq(Some(a.lean.boilerplate().count()))?;
        for (i, kind) in a.lean.boilerplate() {
            let credit = credits
                .next_if(|(at, _)| *at == i)
                .map(|(_, credit)| &**credit);
            let at = blocks.span(&a.input, i);
            seq.serialize_element(&BoilerplateOut {
                kind,
                text: blocks.text_at(&a.input, i, at, &mut scratch),
                credit,
                span: span(&mut c, at),
            })?;
        }
        seq.end()
    }
}

/// The quotations, attributed as they are written: found again from the
/// pieces (a few bits a byte, [`crate::quotes::PieceSet`]), each written
/// once its speaker is final and its text folded from its span; the
/// speakers summary, which follows, is left in `speakers`.
struct Quotes<'a> {
    article: &'a Article,
    speakers: &'a RefCell<crate::speakers::Speakers>,
}

impl Serialize for Quotes<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let a = self.article;
        let mut c = counter(a);
        let input = &a.input;
        // (Sized exactly: a list grown by doubling holds up to twice its
        // 16 bytes a paragraph, and a long article of short paragraphs
        // keeps it while every quotation is attributed.)
        let mut paragraphs =
            crate::span::Spans::with_capacity(input.len(), a.lean.paragraphs().count());
        for i in a.lean.paragraphs() {
            paragraphs.push(a.lean.blocks.span(input, i));
        }
        let mut seq = ser.serialize_seq(Some(a.analysis.stats.quotes))?;
        let mut failed = None;
        let speakers = crate::attribute_on_lf(
            input,
            paragraphs,
            &a.lean.context,
            &a.lean.pieces,
            None,
            &mut |q| {
                if failed.is_some() {
                    return;
                }
                let q = Quote {
                    text: crate::text::fold(q.span.of(input)),
                    span: span(&mut c, q.span),
                    ..q
                };
                if let Err(e) = seq.serialize_element(&q) {
                    failed = Some(e);
                }
            },
        );
        if let Some(e) = failed {
            return Err(e);
        }
        *self.speakers.borrow_mut() = speakers;
        seq.end()
    }
}

impl Serialize for Article {
    /// The fields of [`Analysis`], in its order, with the same values.
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let a = &self.analysis;
        let mut s = ser.serialize_struct("Analysis", 15)?;
        s.serialize_field("schema", &a.schema)?;
        s.serialize_field("source", &a.source)?;
        s.serialize_field("offsets", &a.offsets)?;
        s.serialize_field("headline", &a.headline)?;
        s.serialize_field("standfirst", &a.standfirst)?;
        s.serialize_field("byline", &a.byline)?;
        s.serialize_field("dateline", &a.dateline)?;
        s.serialize_field("published", &a.published)?;
        s.serialize_field(
            "subheadings",
            &Elements {
                article: self,
                at: Lean::subheadings,
            },
        )?;
        s.serialize_field(
            "paragraphs",
            &Elements {
                article: self,
                at: Lean::paragraphs,
            },
        )?;
        s.serialize_field("boilerplate", &Boilerplates(self))?;
        let speakers = RefCell::new(crate::speakers::Speakers::default());
        s.serialize_field(
            "quotes",
            &Quotes {
                article: self,
                speakers: &speakers,
            },
        )?;
        s.serialize_field("speakers", &*speakers.borrow())?;
        s.serialize_field("stats", &a.stats)?;
        s.serialize_field("warnings", &a.warnings)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    /// Texts with every kind of element, markup, CRLF, wide text, a BOM.
    fn texts() -> Vec<String> {
        let mut v = vec![
            "Council approves bridge plan\n\nBy Jane Doe\n\nLONDON (Reuters) - The council approved the new bridge on Tuesday after a long debate in the hall.\n\n\u{201c}It is a great day for the town,\u{201d} said council leader Sam Lee.\n\nRead more: Bridges of the north\n\nA view of the river at dusk. Picture: Getty\n\nCopyright 2026 The Paper. All rights reserved.\n".to_string(),
            "## Heading in markup\n\n* a list item\n* another item that runs on\n  over two lines\n\n> quoted\n> lines\n\n>\n\n![a picture](pic.png)\n".to_string(),
            "\u{feff}Caf\u{e9} \u{201c}wins\u{201d} prize\r\n\r\nThe caf\u{e9}\u{2019}s owner won the town\u{2019}s \u{201c}best coffee\u{201d} prize on Friday after a vote.\r\nIt is\r\n   wrapped.\r\n\r\n\u{65e5}\u{672c}\u{8a9e}\u{306e}\n\u{6587}\u{7ae0}\u{3067}\u{3059}\u{3002}\n".to_string(),
            "see_the_report on_the_web\nRead_the_full_story here\nMore_news from_us\n\nThe plan was agreed on Monday by the whole council after a vote.\n".to_string(),
            "word\nword\r\nword\rword\n\n\n   \t\n".to_string(),
            String::new(),
        ];
        for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
            .into_iter()
            .flatten()
            .flatten()
        {
            if f.path().extension().is_some_and(|e| e == "txt") {
                v.extend(std::fs::read_to_string(f.path()).ok());
            }
        }
        v
    }

    /// Every block's text comes back from its span alone.
    #[test]
    fn block_text_folds_a_span_as_segment_did() {
        for t in texts() {
            let from = if t.starts_with(crate::input::BOM) {
                3
            } else {
                0
            };
            let style = crate::markup::style(&t[from..]);
            let blocks = segment::segment(&t, from);
            for (i, text) in blocks.texts().into_iter().enumerate() {
                assert_eq!(
                    segment::block_text(&t, blocks.span(i), style),
                    text,
                    "{t:?}"
                );
            }
        }
    }

    /// The article writes the same JSON as the analysis, compact and
    /// pretty, in every offset unit.
    #[test]
    fn writes_the_same_json_as_the_analysis() {
        let mut seen_boilerplate = false;
        for t in texts() {
            for unit in [Unit::Bytes, Unit::Chars, Unit::Utf16] {
                let mut a = crate::analyze(&t);
                a.source = Some("x.txt".into());
                offsets::convert(&mut a, &t, unit);
                let mut art = analyze(t.clone());
                art.set_source(Some("x.txt".into()));
                art.set_offsets(unit);
                assert_eq!(
                    serde_json::to_string(&art).unwrap(),
                    serde_json::to_string(&a).unwrap()
                );
                assert_eq!(
                    serde_json::to_string_pretty(&art).unwrap(),
                    serde_json::to_string_pretty(&a).unwrap()
                );
                // And it reads back as the same Analysis.
                let back: Analysis =
                    serde_json::from_value(serde_json::to_value(&art).unwrap()).unwrap();
                assert_eq!(back, a);
                seen_boilerplate |= !a.boilerplate.is_empty() && !a.subheadings.is_empty();
            }
        }
        assert!(seen_boilerplate);
    }

    proptest::proptest! {
        /// Any text: the same JSON, and block texts from spans.
        #[test]
        fn any_text_writes_the_same_json(t in "([a-z\u{e9}\u{65e5}_>#*!\\[\\]()\u{201c}\u{201d}\" ]{0,12}[\n\r]{0,3}){0,12}") {
            let a = crate::analyze(&t);
            let art = analyze(t.clone());
            proptest::prop_assert_eq!(
                serde_json::to_string(&art).unwrap(),
                serde_json::to_string(&a).unwrap()
            );
        }
    }
}
