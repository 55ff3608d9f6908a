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
//! - the JSON is written straight into the output, element by element
//!   ([`Article::write_json`] writes the same fields, in the same order, as
//!   serde writes for [`Analysis`]), compact or pretty, never built as a
//!   string; the texts are escaped by [`crate::render::json`], runs of plain
//!   bytes copied whole;
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

use std::io::{self, Write};

use crate::model::{Analysis, BoilerplateKind, Quote, Stats, Warning};
use crate::render::json::Json;
use crate::render::offsets::{self, Counter, Unit};
use crate::span::Span;
use crate::speakers::Speakers;
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
    let analysis = crate::stage_times::time(crate::stage_times::Stage::Analysis, || {
        crate::run(&input, false, Some(&mut lean)).0
    });
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

impl Article {
    /// Write the article as the JSON of its [`Analysis`] (the same bytes
    /// serde_json writes for it), compact or pretty, into `w`.
    pub fn write_json<W: Write>(&self, w: W, pretty: bool) -> io::Result<()> {
        crate::stage_times::time(crate::stage_times::Stage::Write, || {
            let mut j = Json::new(w, pretty);
            self.write_into(&mut j)?;
            j.finish()
        })
    }

    /// Append the article's JSON (as [`Article::write_json`] writes it) to
    /// `out`, written there directly.
    pub fn append_json(&self, out: Vec<u8>, pretty: bool) -> io::Result<Vec<u8>> {
        crate::stage_times::time(crate::stage_times::Stage::Write, || {
            let mut j = Json::appending(out, pretty);
            self.write_into(&mut j)?;
            Ok(j.into_vec())
        })
    }

    fn write_into<W: Write>(&self, j: &mut Json<W>) -> io::Result<()> {
        let a = &self.analysis;
        j.begin_object();
        j.key("schema");
        j.str(&a.schema);
        j.key("source");
        j.opt_str(a.source.as_deref());
        if j.is_pretty() {
            j.key("offsets");
            j.value(&a.offsets)?;
            j.key("headline");
            j.value(&a.headline)?;
            j.key("standfirst");
            j.value(&a.standfirst)?;
            j.key("byline");
            j.value(&a.byline)?;
            j.key("dateline");
            j.value(&a.dateline)?;
            j.key("published");
            j.value(&a.published)?;
        } else {
            write_head(j, a)?;
        }
        j.key("subheadings");
        self.write_elements(j, Lean::subheadings, false)?;
        j.key("paragraphs");
        // The paragraphs' words and sentences are counted from the texts
        // folded to write them (`run` leaves them zero): each paragraph is
        // folded once, where the count had folded it again.
        let (words, sentences) = self.write_elements(j, Lean::paragraphs, true)?;
        let stats = Stats {
            words,
            sentences,
            reading_time_seconds: crate::stats::reading_time_seconds(words),
            ..a.stats
        };
        j.key("boilerplate");
        self.write_boilerplate(j)?;
        j.key("quotes");
        let speakers = self.write_quotes(j)?;
        j.key("speakers");
        write_speakers(j, &speakers)?;
        j.key("stats");
        write_stats(j, &stats)?;
        j.key("warnings");
        write_warnings(j, &a.warnings)?;
        j.end_object();
        Ok(())
    }

    /// Subheadings or paragraphs (the blocks `at`), each folded as it is
    /// written: `{"text", "span"}` as [`crate::model::Element`]. Returns
    /// their words and sentences ([`crate::stats::words_and_sentences`])
    /// when `count`, else zeros.
    fn write_elements<'a, I: Iterator<Item = usize>, W: Write>(
        &'a self,
        j: &mut Json<W>,
        at: fn(&'a Lean) -> I,
        count: bool,
    ) -> io::Result<(usize, usize)> {
        let mut c = counter(self);
        let mut scratch = String::new();
        let blocks = &self.lean.blocks;
        let mut counts = (0, 0);
        // Counted, a text is known to need no escape most times (the
        // count reads every byte that is no letter, digit or space), and
        // is copied whole.
        let mut tally = |t: &str| {
            if !count {
                return false;
            }
            let (w, s, plain) = crate::stats::counts_and_plain(t);
            counts.0 += w;
            counts.1 += s;
            plain
        };
        j.begin_array();
        for i in at(&self.lean) {
            let span_at = blocks.span(&self.input, i);
            j.element()?;
            let text = blocks.text_at(&self.input, i, span_at, &mut scratch);
            let plain = tally(text);
            if !j.is_pretty() {
                // The fixed parts in a piece each (see `write_boilerplate`).
                j.raw(b"{\"text\":");
                if plain {
                    j.plain_text(text)?;
                } else {
                    j.text(text)?;
                }
                j.span_after(b",\"span\":", span(&mut c, span_at), true);
                continue;
            }
            j.begin_object();
            j.key("text");
            if plain {
                j.plain_text(text)?;
            } else {
                j.text(text)?;
            }
            j.key("span");
            j.span(span(&mut c, span_at));
            j.end_object();
        }
        j.end_array();
        Ok(counts)
    }

    /// The boilerplate blocks, folded as they are written, as
    /// [`crate::model::Boilerplate`].
    fn write_boilerplate<W: Write>(&self, j: &mut Json<W>) -> io::Result<()> {
        let mut c = counter(self);
        let mut scratch = String::new();
        let blocks = &self.lean.blocks;
        let mut credits = self.lean.decisions.credits().iter().peekable();
        j.begin_array();
        for (i, kind) in self.lean.boilerplate() {
            let credit = credits
                .next_if(|(at, _)| *at == i)
                .map(|(_, credit)| &**credit);
            let at = blocks.span(&self.input, i);
            j.element()?;
            if !j.is_pretty() {
                // Compact, the keys and marks between the values are
                // fixed: each run of them is written in one piece, the
                // bytes the calls below write (most boilerplate blocks are
                // a few words, where those calls cost more than the text).
                let (key, len) = kind_key(kind);
                j.raw_padded(key, len);
                j.text(blocks.text_at(&self.input, i, at, &mut scratch))?;
                // (Each piece of a fixed length, copied in place: pieces
                // of two lengths in the two arms had been merged into one
                // copy of a varying length, a call to `memcpy`.)
                // (With no credit, the fields after the text are fixed
                // but for the span: one piece.)
                let at = span(&mut c, at);
                match credit {
                    None => j.span_after(b",\"credit\":null,\"span\":", at, true),
                    Some(credit) => {
                        j.raw(b",\"credit\":");
                        j.str(credit);
                        j.span_after(b",\"span\":", at, true);
                    }
                }
                continue;
            }
            j.begin_object();
            j.key("kind");
            j.name(kind.as_str());
            j.key("text");
            j.text(blocks.text_at(&self.input, i, at, &mut scratch))?;
            j.key("credit");
            j.opt_str(credit);
            j.key("span");
            j.span(span(&mut c, at));
            j.end_object();
        }
        j.end_array();
        Ok(())
    }

    /// The quotations, attributed as they are written: found again from the
    /// pieces (a few bits a byte, [`crate::quotes::PieceSet`]), each written
    /// once its speaker is final and its text folded from its span, as
    /// [`Quote`]. Returns the speakers summary, which follows them.
    fn write_quotes<W: Write>(&self, j: &mut Json<W>) -> io::Result<Speakers> {
        let mut c = counter(self);
        let input = &self.input;
        // (Sized exactly: a list grown by doubling holds up to twice its
        // 8 bytes a paragraph, and a long article of short paragraphs
        // keeps it while every quotation is attributed.)
        let mut paragraphs =
            crate::span::Spans::with_capacity(input.len(), self.lean.paragraphs().count());
        for i in self.lean.paragraphs() {
            paragraphs.push(self.lean.blocks.span(input, i));
        }
        j.begin_array();
        let mut failed = None;
        let mut text = String::new();
        let speakers = crate::attribute_on_lf(
            input,
            paragraphs,
            &self.lean.context,
            &self.lean.pieces,
            None,
            &mut |q| {
                if failed.is_none() {
                    text.clear();
                    crate::text::fold_into(q.span.of(input), &mut text);
                    let span = span(&mut c, q.span);
                    if let Err(e) = write_quote(j, &q, &text, span) {
                        failed = Some(e);
                    }
                }
            },
        );
        if let Some(e) = failed {
            return Err(e);
        }
        j.end_array();
        Ok(speakers)
    }
}

/// The longest [`kind_key`] (`read_more`'s is 29 bytes).
const KIND_KEY: usize = 32;

/// A compact boilerplate element's opening up to its text's value:
/// `{"kind":"KIND","text":`, one piece for each kind, as the first bytes
/// of an array of fixed length (see [`Json::raw_padded`]), and its length.
fn kind_key(kind: BoilerplateKind) -> (&'static [u8; KIND_KEY], usize) {
    /// `s` at the start of an array of [`KIND_KEY`] bytes.
    const fn padded(s: &str) -> [u8; KIND_KEY] {
        let mut out = [0u8; KIND_KEY];
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            out[i] = b[i];
            i += 1;
        }
        out
    }
    macro_rules! key {
        ($name:literal) => {{
            const KEY: &str = concat!("{\"kind\":\"", $name, "\",\"text\":");
            const PADDED: [u8; KIND_KEY] = padded(KEY);
            (&PADDED, KEY.len())
        }};
    }
    match kind {
        BoilerplateKind::Caption => key!("caption"),
        BoilerplateKind::ReadMore => key!("read_more"),
        BoilerplateKind::Media => key!("media"),
        BoilerplateKind::Promo => key!("promo"),
        BoilerplateKind::Advert => key!("advert"),
        BoilerplateKind::Credit => key!("credit"),
        BoilerplateKind::Legal => key!("legal"),
        BoilerplateKind::Meta => key!("meta"),
        BoilerplateKind::Other => key!("other"),
    }
}

/// The compact fields from `offsets` to `published` (the key `offsets`
/// included), as serde writes them, each fixed part in a piece (see
/// [`write_speakers`]).
fn write_head<W: Write>(j: &mut Json<W>, a: &Analysis) -> io::Result<()> {
    j.key("offsets");
    j.name(a.offsets.as_str());
    j.raw(b",\"headline\":");
    match &a.headline {
        None => j.null(),
        Some(h) => {
            j.raw(b"{\"text\":");
            j.str(&h.text);
            j.span_after(b",\"span\":", h.span, false);
            j.raw(b",\"quotes\":[");
            for (k, q) in h.quotes.iter().enumerate() {
                if k > 0 {
                    j.raw(b",");
                }
                write_compact_quote(j, q, &q.text, q.span)?;
            }
            j.raw(b"]}");
        }
    }
    j.raw(b",\"standfirst\":");
    match &a.standfirst {
        None => j.null(),
        Some(e) => {
            j.raw(b"{\"text\":");
            j.str(&e.text);
            j.span_after(b",\"span\":", e.span, true);
        }
    }
    j.raw(b",\"byline\":");
    match &a.byline {
        None => j.null(),
        Some(b) => {
            j.raw(b"{\"text\":");
            j.str(&b.text);
            j.raw(b",\"authors\":");
            write_compact_strs(j, b.authors.iter().map(String::as_str));
            j.raw(b",\"organisation\":");
            j.opt_str(b.organisation.as_deref());
            j.raw(b",\"role\":");
            j.opt_str(b.role.as_deref());
            j.span_after(b",\"span\":", b.span, true);
        }
    }
    j.raw(b",\"dateline\":");
    match &a.dateline {
        None => j.null(),
        Some(d) => {
            j.raw(b"{\"text\":");
            j.str(&d.text);
            j.raw(b",\"place\":");
            j.str(&d.place);
            j.raw(b",\"agency\":");
            j.opt_str(d.agency.as_deref());
            j.raw(b",\"date\":");
            j.opt_str(d.date.as_deref());
            j.span_after(b",\"span\":", d.span, true);
        }
    }
    j.raw(b",\"published\":");
    match &a.published {
        None => j.null(),
        Some(p) => {
            j.raw(b"{\"iso\":");
            j.str(&p.iso);
            j.raw(b",\"text\":");
            j.str(&p.text);
            j.span_after(b",\"span\":", p.span, true);
        }
    }
    Ok(())
}

/// A compact array of strings: `["a","b"]`.
fn write_compact_strs<'a, W: Write>(j: &mut Json<W>, items: impl Iterator<Item = &'a str>) {
    j.raw(b"[");
    for (k, item) in items.enumerate() {
        if k > 0 {
            j.raw(b",");
        }
        j.str(item);
    }
    j.raw(b"]");
}

/// The warnings, as serde writes them; compact, as [`write_speakers`]
/// writes.
fn write_warnings<W: Write>(j: &mut Json<W>, warnings: &[Warning]) -> io::Result<()> {
    if j.is_pretty() {
        return j.value(warnings);
    }
    j.begin_array();
    for w in warnings {
        j.element()?;
        j.raw(b"{\"code\":");
        j.str(&w.code);
        j.raw(b",\"message\":");
        j.str(&w.message);
        j.raw(b",\"span\":");
        match w.span {
            None => j.null(),
            Some(span) => j.span(span),
        }
        j.raw(b"}");
    }
    j.end_array();
    Ok(())
}

/// The speakers summary, as serde writes it ([`Speakers`] is
/// `Serialize`). Compact, its fixed parts are written in a piece each
/// (see `write_boilerplate`) and its names by [`Json::str`]: through
/// serde, each name, key and number had cost a call through the
/// formatter and the writer (an article quotes a dozen people).
fn write_speakers<W: Write>(j: &mut Json<W>, speakers: &Speakers) -> io::Result<()> {
    if j.is_pretty() {
        return j.value(speakers);
    }
    j.begin_array();
    for (name, mentions, role, quotes, words) in speakers.each() {
        j.element()?;
        j.raw(b"{\"name\":");
        j.str(name);
        j.raw(b",\"mentions\":");
        write_compact_strs(j, mentions.iter().copied());
        j.raw(b",\"role\":");
        j.opt_str(role);
        j.raw(b",\"quotes\":");
        j.uint(quotes as u64);
        j.raw(b",\"quoted_words\":");
        j.uint(words as u64);
        j.raw(b"}");
    }
    j.end_array();
    Ok(())
}

/// The stats, as serde writes [`Stats`]; compact, in a piece each as
/// [`write_speakers`] writes.
fn write_stats<W: Write>(j: &mut Json<W>, stats: &Stats) -> io::Result<()> {
    if j.is_pretty() {
        return j.value(stats);
    }
    let Stats {
        bytes,
        words,
        sentences,
        paragraphs,
        quotes,
        boilerplate,
        reading_time_seconds,
    } = *stats;
    for (key, n) in [
        (&b"{\"bytes\":"[..], bytes),
        (b",\"words\":", words),
        (b",\"sentences\":", sentences),
        (b",\"paragraphs\":", paragraphs),
        (b",\"quotes\":", quotes),
        (b",\"boilerplate\":", boilerplate),
        (b",\"reading_time_seconds\":", reading_time_seconds),
    ] {
        j.raw(key);
        j.uint(n as u64);
    }
    j.raw(b"}");
    Ok(())
}

/// One quotation, with its `text` and `span` as written, the fields of
/// [`Quote`] in its order.
fn write_quote<W: Write>(j: &mut Json<W>, q: &Quote, text: &str, span: Span) -> io::Result<()> {
    j.element()?;
    if !j.is_pretty() {
        return write_compact_quote(j, q, text, span);
    }
    j.begin_object();
    j.key("text");
    j.text(text)?;
    j.key("paragraph");
    j.opt_uint(q.paragraph.map(|p| p as u64));
    j.key("span");
    j.span(span);
    j.key("speaker");
    j.opt_str(q.speaker.as_deref());
    j.key("speaker_mention");
    j.opt_str(q.speaker_mention.as_deref());
    j.key("cue");
    j.opt_str(q.cue.as_deref());
    j.key("quotation");
    j.uint(q.quotation as u64);
    j.key("closed");
    j.bool(q.closed);
    j.end_object();
    Ok(())
}

/// [`write_quote`]'s object, compact, after its comma.
fn write_compact_quote<W: Write>(
    j: &mut Json<W>,
    q: &Quote,
    text: &str,
    span: Span,
) -> io::Result<()> {
    // The fixed parts in a piece each (see `write_boilerplate`).
    j.raw(b"{\"text\":");
    j.text(text)?;
    j.raw(b",\"paragraph\":");
    j.opt_uint(q.paragraph.map(|p| p as u64));
    j.span_after(b",\"span\":", span, false);
    j.raw(b",\"speaker\":");
    j.opt_str(q.speaker.as_deref());
    j.raw(b",\"speaker_mention\":");
    j.opt_str(q.speaker_mention.as_deref());
    j.raw(b",\"cue\":");
    j.opt_str(q.cue.as_deref());
    j.raw(b",\"quotation\":");
    j.uint(q.quotation as u64);
    j.raw(if q.closed {
        b",\"closed\":true}"
    } else {
        b",\"closed\":false}"
    });
    Ok(())
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
        v.extend(
            crate::testing::fixture_texts()
                .into_iter()
                .map(|(_, text)| text),
        );
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

    /// Each kind's opening names the kind as the model does.
    #[test]
    fn kind_keys_name_the_kinds() {
        use BoilerplateKind::*;
        for kind in [
            Caption, ReadMore, Media, Promo, Advert, Credit, Legal, Meta, Other,
        ] {
            let want = format!("{{\"kind\":\"{}\",\"text\":", kind.as_str());
            let (key, len) = kind_key(kind);
            assert_eq!(&key[..len], want.as_bytes());
        }
    }

    fn json(art: &Article, pretty: bool) -> String {
        let mut v = Vec::new();
        art.write_json(&mut v, pretty).unwrap();
        String::from_utf8(v).unwrap()
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
                assert_eq!(json(&art, false), serde_json::to_string(&a).unwrap());
                assert_eq!(json(&art, true), serde_json::to_string_pretty(&a).unwrap());
                // And it reads back as the same Analysis.
                let back: Analysis = serde_json::from_str(&json(&art, false)).unwrap();
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
            proptest::prop_assert_eq!(json(&art, false), serde_json::to_string(&a).unwrap());
            proptest::prop_assert_eq!(json(&art, true), serde_json::to_string_pretty(&a).unwrap());
        }
    }
}
