//! Property tests for the guarantees in `lede::model` (issue 6).
//!
//! The first half of this file is a checker, [`check`], that states every
//! invariant of one analysis against its input. It is plain code (no
//! proptest), shared by `tests/hostile.rs` and by the `analyze_invariants`
//! fuzz target, which includes this file with `#[path]`.
//!
//! The second half runs properties over arbitrary strings, news-like strings
//! built from a small grammar, bytes through `lede::input::decode`, and
//! randomly mutated fixture articles. Each property uses a fixed seed; the
//! number of cases comes from `LEDE_PROPTEST_CASES` (default 256; CI sets
//! 10000).

#![allow(dead_code)] // the fuzz crate uses only part of this file

use lede::model::Analysis;
use lede::span::Span;
use lede::text::{fold, is_space};

/// One element of the article: what it is, its folded text and its span.
#[derive(Debug, Clone)]
pub(crate) struct Piece<'a> {
    pub kind: &'static str,
    pub text: &'a str,
    pub span: Span,
}

/// The article's elements (headline, standfirst, byline, subheadings,
/// paragraphs, boilerplate), sorted by start.
pub(crate) fn pieces(a: &Analysis) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    if let Some(h) = &a.headline {
        out.push(Piece {
            kind: "headline",
            text: &h.text,
            span: h.span,
        });
    }
    if let Some(s) = &a.standfirst {
        out.push(Piece {
            kind: "standfirst",
            text: &s.text,
            span: s.span,
        });
    }
    if let Some(b) = &a.byline {
        out.push(Piece {
            kind: "byline",
            text: &b.text,
            span: b.span,
        });
    }
    for s in &a.subheadings {
        out.push(Piece {
            kind: "subheading",
            text: &s.text,
            span: s.span,
        });
    }
    for p in &a.paragraphs {
        out.push(Piece {
            kind: "paragraph",
            text: &p.text,
            span: p.span,
        });
    }
    for b in &a.boilerplate {
        out.push(Piece {
            kind: "boilerplate",
            text: &b.text,
            span: b.span,
        });
    }
    out.sort_by_key(|p| (p.span.start, p.span.end));
    out
}

/// The trimmed non-blank lines of `input`. Lines end at `\n`, `\r\n` or a
/// lone `\r`; white space is `lede::text::is_space` (which counts a BOM).
/// Written independently of `lede::segment` on purpose.
pub(crate) fn nonblank_lines(input: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = input.as_bytes();
    let mut i = 0;
    loop {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            let line = &input[start..i];
            if let Some(first) = line.find(|c: char| !is_space(c)) {
                let last = line
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !is_space(c))
                    .map(|(k, c)| k + c.len_utf8())
                    .expect("a line with a non-space char has a last one");
                out.push(Span::new(start + first, start + last));
            }
            if at_end {
                break;
            }
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
        } else {
            i += 1;
        }
    }
    out
}

/// The JSON pointer of the first string (other than `/source`) that holds a
/// line break.
fn line_break_in_strings(at: &str, v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::String(s) if at != "/source" && s.contains(['\n', '\r']) => {
            Some(format!("{at} = {s:?}"))
        }
        Value::Object(m) => m
            .iter()
            .find_map(|(k, x)| line_break_in_strings(&format!("{at}/{k}"), x)),
        Value::Array(xs) => xs
            .iter()
            .enumerate()
            .find_map(|(i, x)| line_break_in_strings(&format!("{at}/{i}"), x)),
        _ => None,
    }
}

fn span_ok(input: &str, what: &str, span: Span) -> Result<(), String> {
    if span.start > span.end || span.end > input.len() {
        return Err(format!(
            "{what}: span {:?} is outside the input ({} bytes)",
            span,
            input.len()
        ));
    }
    if !input.is_char_boundary(span.start) || !input.is_char_boundary(span.end) {
        return Err(format!("{what}: span {span:?} is not on char boundaries"));
    }
    Ok(())
}

fn text_ok(input: &str, what: &str, span: Span, text: &str) -> Result<(), String> {
    span_ok(input, what, span)?;
    let folded = fold(span.of(input));
    // Converter markup (`[words](url)`, `**`, `_`) is left out of a block's
    // text: its words still come from the span, in order.
    if folded != text && !words_from(&folded, text) {
        return Err(format!(
            "{what}: fold(input[{}..{}]) = {folded:?} but text = {text:?}",
            span.start, span.end
        ));
    }
    Ok(())
}

/// Are the non-space chars of `text` a subsequence of those of `source`?
fn words_from(source: &str, text: &str) -> bool {
    let mut src = source.chars().filter(|c| !is_space(*c));
    text.chars()
        .filter(|c| !is_space(*c))
        .all(|c| src.any(|s| s == c))
}

/// Every invariant of one analysis against its input: JSON round trip,
/// spans on char boundaries whose folded text is the element's text, quotes
/// inside their paragraph (or headline), elements that do not overlap, every
/// non-blank line covered by exactly one element, and consistent counts.
pub(crate) fn check(input: &str, a: &Analysis) -> Result<(), String> {
    // JSON: serialises, and deserialises (deny_unknown_fields) to the same value.
    let json = serde_json::to_string(a).map_err(|e| format!("serialise: {e}"))?;
    let back: Analysis =
        serde_json::from_str(&json).map_err(|e| format!("deserialise: {e}\n{json}"))?;
    if &back != a {
        return Err("JSON round trip changed the analysis".into());
    }
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    if let Some(bad) = line_break_in_strings("", &value) {
        return Err(format!("{bad} holds a line break: output text is folded"));
    }
    if a.schema != lede::model::SCHEMA {
        return Err(format!("schema tag {:?}", a.schema));
    }

    // Elements: spans, texts, no overlap.
    let pieces = pieces(a);
    for p in &pieces {
        text_ok(input, p.kind, p.span, p.text)?;
        if p.span.is_empty() || p.text.is_empty() {
            return Err(format!("{}: empty element at {:?}", p.kind, p.span));
        }
    }
    for w in pieces.windows(2) {
        if w[0].span.end > w[1].span.start {
            return Err(format!(
                "{} {:?} overlaps {} {:?}",
                w[0].kind, w[0].span, w[1].kind, w[1].span
            ));
        }
    }

    // Coverage: each non-blank line lies inside exactly one element and no
    // other element touches it. Both lists are sorted; sweep them together.
    let mut k = 0;
    for line in nonblank_lines(input) {
        while k < pieces.len() && pieces[k].span.end <= line.start {
            k += 1;
        }
        let touching: Vec<&Piece> = pieces[k..]
            .iter()
            .take_while(|p| p.span.start < line.end)
            .collect();
        match touching.as_slice() {
            [p] if p.span.contains(line) => {}
            [] => {
                return Err(format!(
                    "line {:?} at {:?} is covered by no element",
                    line.of(input),
                    line
                ))
            }
            many => {
                return Err(format!(
                    "line {:?} at {:?} is split between {:?}",
                    line.of(input),
                    line,
                    many.iter().map(|p| (p.kind, p.span)).collect::<Vec<_>>()
                ))
            }
        }
    }

    // Dateline: inside the first paragraph.
    if let Some(d) = &a.dateline {
        text_ok(input, "dateline", d.span, &d.text)?;
        match a.paragraphs.first() {
            Some(p) if p.span.contains(d.span) => {}
            _ => {
                return Err(format!(
                    "dateline {:?} not inside the first paragraph",
                    d.span
                ))
            }
        }
    }
    if let Some(p) = &a.published {
        text_ok(input, "published", p.span, &p.text)?;
    }

    // Quotes: inside their paragraph, text from the span.
    for (i, q) in a.quotes.iter().enumerate() {
        let what = format!("quote {i}");
        text_ok(input, &what, q.span, &q.text)?;
        let Some(pi) = q.paragraph else {
            return Err(format!("{what}: body quote without a paragraph"));
        };
        let Some(p) = a.paragraphs.get(pi) else {
            return Err(format!("{what}: paragraph {pi} does not exist"));
        };
        if !p.span.contains(q.span) {
            return Err(format!(
                "{what}: span {:?} is not inside paragraph {pi} {:?}",
                q.span, p.span
            ));
        }
    }
    if let Some(h) = &a.headline {
        for (i, q) in h.quotes.iter().enumerate() {
            let what = format!("headline quote {i}");
            text_ok(input, &what, q.span, &q.text)?;
            if q.paragraph.is_some() || !h.span.contains(q.span) {
                return Err(format!("{what}: not inside the headline"));
            }
        }
    }
    for (i, w) in a.warnings.iter().enumerate() {
        if let Some(s) = w.span {
            span_ok(input, &format!("warning {i} ({})", w.code), s)?;
        }
    }

    // Counts.
    let s = &a.stats;
    if s.bytes != input.len()
        || s.paragraphs != a.paragraphs.len()
        || s.quotes != a.quotes.len()
        || s.boilerplate != a.boilerplate.len()
    {
        return Err(format!("stats {s:?} disagree with the analysis"));
    }
    Ok(())
}

/// The analysis as JSON with every `span` and the byte count removed: what
/// must not change when only line endings or a BOM change.
pub(crate) fn without_spans(a: &Analysis) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("span");
                for x in m.values_mut() {
                    strip(x);
                }
            }
            serde_json::Value::Array(xs) => xs.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(a).expect("analysis serialises");
    strip(&mut v);
    v["stats"]["bytes"] = serde_json::Value::Null;
    v
}

/// Where two JSON values first differ, as a JSON pointer and both values.
pub(crate) fn first_difference(
    at: &str,
    a: &serde_json::Value,
    b: &serde_json::Value,
) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x
            .iter()
            .find_map(|(k, v)| {
                let w = y.get(k).unwrap_or(&Value::Null);
                first_difference(&format!("{at}/{k}"), v, w)
            })
            .or_else(|| {
                y.keys()
                    .find(|k| !x.contains_key(*k))
                    .map(|k| format!("{at}/{k}: only in the second"))
            }),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(&format!("{at}/{i}"), v, w)),
        _ if a == b => None,
        _ => {
            let short = |v: &Value| v.to_string().chars().take(300).collect::<String>();
            Some(format!("{at}: {} vs {}", short(a), short(b)))
        }
    }
}

/// Analyse, check every invariant, and check that a second run agrees.
pub(crate) fn analyze_checked(input: &str) -> Result<Analysis, String> {
    let a = lede::analyze(input);
    check(input, &a)?;
    if lede::analyze(input) != a {
        return Err("a second analysis of the same input differs".into());
    }
    Ok(a)
}

/// Input with every line ending made LF (CRLF and lone CR both end a line).
pub(crate) fn to_lf(input: &str) -> String {
    input.replace("\r\n", "\n").replace('\r', "\n")
}

/// Check `input` (twice, for determinism), then its LF, CRLF and
/// BOM-prefixed variants, which must give the same analysis up to spans.
pub(crate) fn check_variants(input: &str) -> Result<(), String> {
    let a = analyze_checked(input)?;
    let lf = to_lf(input);
    let crlf = lf.replace('\n', "\r\n");
    let bom = format!("\u{feff}{input}");
    let base = without_spans(&a);
    for (name, variant) in [("LF", &lf), ("CRLF", &crlf), ("BOM", &bom)] {
        if variant.as_str() == input {
            continue;
        }
        let v = lede::analyze(variant);
        check(variant, &v).map_err(|e| format!("{name} variant: {e}"))?;
        if let Some(diff) = first_difference("", &base, &without_spans(&v)) {
            return Err(format!("{name} variant differs beyond spans: {diff}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod properties {
    use super::*;

    use std::sync::OnceLock;

    use proptest::prelude::*;
    use proptest::sample::Index;
    use proptest::test_runner::{Config, RngAlgorithm, RngSeed};

    /// Cases per property: `LEDE_PROPTEST_CASES`, default 256.
    fn cases() -> u32 {
        std::env::var("LEDE_PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256)
    }

    fn config() -> Config {
        Config {
            cases: cases(),
            rng_algorithm: RngAlgorithm::ChaCha,
            rng_seed: RngSeed::Fixed(0x1ede_0006),
            failure_persistence: None,
            max_shrink_iters: 4096,
            ..Config::default()
        }
    }

    /// Pieces news text is made of, with the marks and spaces that trip
    /// parsers up.
    const PIECES: &[&str] = &[
        "\"",
        "'",
        "\u{201c}",
        "\u{201d}",
        "\u{2018}",
        "\u{2019}",
        "\u{ab}",
        "\u{bb}",
        "\u{201e}",
        "\u{201a}",
        "\u{2039}",
        "\u{203a}",
        "``",
        "''",
        " \u{2014} ",
        "\u{2013}",
        " - ",
        "--",
        "By ",
        "BY ",
        "Words by ",
        "and ",
        "Read more:",
        "READ MORE:",
        "Related:",
        "Picture: Getty",
        "Photo: AP",
        "(Image: PA)",
        "\u{a9} 2026 Example News",
        "All rights reserved.",
        "Advertisement",
        "Share this article",
        "Listen to this article",
        "Published 14:05, 25 November 2026",
        "Updated Nov. 25, 2026",
        "5 min read",
        "LONDON (Reuters) - ",
        "WASHINGTON \u{2014} ",
        "said",
        " said ",
        "told reporters",
        "according to ",
        "he said.",
        "she added.",
        "Jane Doe",
        "Sam Lee",
        "Dr Castell",
        "Sir Keir",
        "The council",
        " approved the bridge",
        " on Tuesday",
        ", ",
        ". ",
        "?",
        "!",
        ":",
        ";",
        "\u{2026}",
        "(",
        ")",
        "it's",
        "'90s",
        "rock 'n' roll",
        "O'Brien",
        "\n",
        "\n\n",
        "\n\n",
        "\r\n",
        "\r\n\r\n",
        "\r",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "\u{200b}",
        "\u{feff}",
        "\u{2028}",
        "\u{85}",
        "\u{c}",
        "\u{b}",
        "\u{301}",
        "\u{200d}",
        "\u{202e}",
        "\u{1f469}\u{200d}\u{1f4bb}",
        "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
        "\u{645}\u{631}\u{62d}\u{628}\u{627}",
        "Reporting by Jane Doe; Editing by Sam Lee",
        "Topics: council",
    ];

    /// A news-like string: a sequence of pieces, words and long words.
    fn news_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            6 => proptest::sample::select(PIECES).prop_map(str::to_string),
            3 => "[A-Z][a-z]{0,10}( [a-z]{1,9}){0,8}[.,]?",
            1 => "[a-zA-Z]{60,400}",
            1 => "[A-Z ]{2,30}",
            1 => "\\PC{1,6}",
        ];
        proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
    }

    fn fixtures() -> &'static [(String, String)] {
        static FIXTURES: OnceLock<Vec<(String, String)>> = OnceLock::new();
        FIXTURES.get_or_init(|| {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
            let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
                .expect("fixtures/ is readable")
                .map(|e| e.expect("fixture entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| {
                    let text = std::fs::read_to_string(&p).expect("fixture is UTF-8");
                    (p.file_name().unwrap().to_string_lossy().into_owned(), text)
                })
                .collect();
            out.sort();
            assert!(!out.is_empty(), "no fixtures found in {dir}");
            out
        })
    }

    /// One way to damage an article.
    #[derive(Debug, Clone)]
    enum Mutation {
        ShuffleLines(u64),
        SwapLines(Index, Index),
        InsertMark(Index, &'static str),
        RemoveBlankLines,
        Crlf,
        DuplicateLine(Index),
        TruncateLine(Index, Index),
        DeleteLine(Index),
        JoinLines(Index),
        InsertText(Index, String),
    }

    const MARKS: &[&str] = &[
        "\"",
        "'",
        "\u{201c}",
        "\u{201d}",
        "\u{2018}",
        "\u{2019}",
        "\u{ab}",
        "\u{bb}",
        "\u{201e}",
        "\u{2039}",
        "\u{203a}",
        "\n",
        "\n\n",
        "\r\n",
        "\u{a0}",
        "\t",
        " \u{2014} ",
        "By ",
        "Read more: ",
        "\u{feff}",
    ];

    fn mutation() -> impl Strategy<Value = Mutation> {
        prop_oneof![
            1 => any::<u64>().prop_map(Mutation::ShuffleLines),
            2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
            4 => (any::<Index>(), proptest::sample::select(MARKS))
                .prop_map(|(i, m)| Mutation::InsertMark(i, m)),
            1 => Just(Mutation::RemoveBlankLines),
            1 => Just(Mutation::Crlf),
            2 => any::<Index>().prop_map(Mutation::DuplicateLine),
            2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::TruncateLine(a, b)),
            2 => any::<Index>().prop_map(Mutation::DeleteLine),
            1 => any::<Index>().prop_map(Mutation::JoinLines),
            2 => (any::<Index>(), news_piece()).prop_map(|(i, s)| Mutation::InsertText(i, s)),
        ]
    }

    fn news_piece() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 1..6).prop_map(|v| v.concat())
    }

    /// Lines with their terminators, so that joining them gives the text back.
    fn lines_of(text: &str) -> Vec<String> {
        text.split_inclusive('\n').map(str::to_string).collect()
    }

    /// The byte offset of a char boundary chosen by `i`.
    fn boundary(text: &str, i: &Index) -> usize {
        let n = text.chars().count();
        let k = i.index(n + 1);
        text.char_indices().nth(k).map_or(text.len(), |(at, _)| at)
    }

    fn apply(text: &str, m: &Mutation) -> String {
        let mut lines = lines_of(text);
        match m {
            Mutation::ShuffleLines(seed) => {
                // A small deterministic Fisher–Yates from the seed.
                let mut s = *seed | 1;
                for i in (1..lines.len()).rev() {
                    s ^= s << 13;
                    s ^= s >> 7;
                    s ^= s << 17;
                    lines.swap(i, (s % (i as u64 + 1)) as usize);
                }
                ensure_newlines(&mut lines);
                lines.concat()
            }
            Mutation::SwapLines(a, b) if !lines.is_empty() => {
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
                ensure_newlines(&mut lines);
                lines.concat()
            }
            Mutation::InsertMark(i, mark) => {
                let at = boundary(text, i);
                format!("{}{mark}{}", &text[..at], &text[at..])
            }
            Mutation::InsertText(i, s) => {
                let at = boundary(text, i);
                format!("{}{s}{}", &text[..at], &text[at..])
            }
            Mutation::RemoveBlankLines => lines
                .into_iter()
                .filter(|l| !l.trim_matches(is_space).is_empty())
                .collect(),
            Mutation::Crlf => to_lf(text).replace('\n', "\r\n"),
            Mutation::DuplicateLine(i) if !lines.is_empty() => {
                let i = i.index(lines.len());
                let l = lines[i].clone();
                lines.insert(i, l);
                ensure_newlines(&mut lines);
                lines.concat()
            }
            Mutation::TruncateLine(i, at) if !lines.is_empty() => {
                let i = i.index(lines.len());
                let keep = boundary(&lines[i], at);
                let nl = lines[i].ends_with('\n');
                lines[i].truncate(keep);
                if nl && !lines[i].ends_with('\n') {
                    lines[i].push('\n');
                }
                lines.concat()
            }
            Mutation::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i.index(lines.len()));
                lines.concat()
            }
            Mutation::JoinLines(i) if !lines.is_empty() => {
                let i = i.index(lines.len());
                if lines[i].ends_with('\n') {
                    lines[i].pop();
                    if lines[i].ends_with('\r') {
                        lines[i].pop();
                    }
                    lines[i].push(' ');
                }
                lines.concat()
            }
            _ => text.to_string(),
        }
    }

    /// After moving lines about, every line but the last ends with a newline.
    fn ensure_newlines(lines: &mut [String]) {
        let n = lines.len();
        for l in lines.iter_mut().take(n.saturating_sub(1)) {
            if !l.ends_with('\n') {
                l.push('\n');
            }
        }
    }

    fn mutated_fixture() -> impl Strategy<Value = (String, String)> {
        let n = fixtures().len();
        (0..n, proptest::collection::vec(mutation(), 1..6)).prop_map(|(i, ms)| {
            let (name, text) = &fixtures()[i];
            let out = ms.iter().fold(text.clone(), |t, m| apply(&t, m));
            (format!("{name} after {ms:?}"), out)
        })
    }

    proptest! {
        #![proptest_config(config())]

        /// Any string at all: every invariant holds, and a second run agrees.
        #[test]
        fn arbitrary_strings_keep_the_invariants(input in any::<String>()) {
            if let Err(e) = analyze_checked(&input) {
                prop_assert!(false, "{e}\ninput: {input:?}");
            }
        }

        /// News-like strings: the invariants hold, and CRLF, LF and a BOM
        /// give the same analysis up to spans.
        #[test]
        fn news_like_strings_keep_the_invariants(input in news_like()) {
            if let Err(e) = check_variants(&input) {
                prop_assert!(false, "{e}\ninput: {input:?}");
            }
        }

        /// Bytes through the binary's path: decode as UTF-8 (a clear error
        /// or text), then analyse; Windows-1252 always decodes.
        #[test]
        fn bytes_decode_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            match lede::input::decode(&bytes, lede::Encoding::Utf8) {
                Ok(text) => {
                    if let Err(e) = analyze_checked(&text) {
                        prop_assert!(false, "{e}\nbytes: {bytes:02x?}");
                    }
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
            let text = lede::input::decode(&bytes, lede::Encoding::Windows1252)
                .expect("Windows-1252 decodes any bytes");
            if let Err(e) = analyze_checked(&text) {
                prop_assert!(false, "{e}\nbytes (cp1252): {bytes:02x?}");
            }
        }

        /// Fixture articles with lines shuffled, swapped, duplicated,
        /// truncated or deleted, marks and pieces inserted, blank lines
        /// removed and CRLF swapped in.
        #[test]
        fn mutated_fixtures_keep_the_invariants((what, input) in mutated_fixture()) {
            if let Err(e) = check_variants(&input) {
                prop_assert!(false, "{e}\nfixture: {what}\ninput: {input:?}");
            }
        }
    }

    /// Every fixture as it is, and in its CRLF, LF and BOM variants.
    #[test]
    fn fixtures_keep_the_invariants() {
        for (name, text) in fixtures() {
            if let Err(e) = check_variants(text) {
                panic!("{name}: {e}");
            }
        }
    }

    #[test]
    fn nonblank_lines_follow_the_documented_line_ends() {
        let input = "a\r\n\r\n b \rc\n\u{a0}\n\u{feff}d";
        let got: Vec<&str> = nonblank_lines(input).iter().map(|s| s.of(input)).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
    }
}
