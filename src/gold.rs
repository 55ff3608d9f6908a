//! Comparing lede's output with a hand-written gold file (the evaluation's
//! format: `headline`, `byline_authors`, `paragraphs`, `boilerplate`,
//! `quotes` with `speaker`), the way the scorer compares: text with white
//! space folded and quotation marks and dashes unified; names lowercased
//! without honorifics; lists as multisets.
//!
//! Used by `lede check` for `NAME.expect.json` files and by the fixture
//! test (tests/golden.rs).
//!
//! ```
//! use serde_json::json;
//! let gold = json!({"headline": "Dam opens", "byline_authors": ["Ann Lee"],
//!     "paragraphs": ["It opened."], "boilerplate": [], "quotes": []});
//! let out = json!({"headline": {"text": "Dam opens"}, "byline": {"authors": ["ANN LEE"]},
//!     "paragraphs": [{"text": "It opened."}], "boilerplate": [], "quotes": []});
//! assert!(lede::gold::misses(&gold, &out).is_empty());
//! ```

use serde_json::Value;

fn norm(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{2039}'
            | '\u{203a}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}'
            | '\u{bb}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    mapped
        .replace('\u{2026}', "...")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn norm_quote(s: &str) -> String {
    let n = norm(s);
    let n = n.trim_matches(|c| c == ' ' || c == '"' || c == '\'');
    n.trim_end_matches(|c: char| ",.;:\"' ".contains(c))
        .trim_matches(|c| c == ' ' || c == '"' || c == '\'')
        .to_string()
}

fn norm_name(s: &str) -> String {
    const HONORIFICS: &[&str] = &[
        "sir",
        "dame",
        "lord",
        "lady",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
    ];
    let lower = norm(s).to_lowercase();
    let mut toks: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|t| !t.is_empty())
        .collect();
    while toks.first().is_some_and(|t| HONORIFICS.contains(t)) {
        toks.remove(0);
    }
    toks.join(" ")
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("text").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// Multiset difference: what `a` has that `b` does not.
fn missing(a: &[String], b: &[String]) -> Vec<String> {
    let mut rest: Vec<&String> = b.iter().collect();
    let mut out = Vec::new();
    for x in a {
        if let Some(i) = rest.iter().position(|y| *y == x) {
            rest.remove(i);
        } else {
            out.push(x.clone());
        }
    }
    out
}

fn short(s: &str) -> String {
    s.chars().take(60).collect()
}

/// The misses of one article's output (`lede::Analysis` as JSON) against
/// its gold file, as stable one-line strings such as
/// `quote missed: Yes <- jane doe`; empty when they agree.
pub fn misses(gold: &Value, out: &Value) -> Vec<String> {
    let mut m = Vec::new();
    let g_head = gold["headline"].as_str().map(norm);
    let s_head = text_of(&out["headline"]).map(|s| norm(&s));
    if g_head != s_head {
        m.push(format!("headline: want {g_head:?} got {s_head:?}"));
    }
    let g_auth: Vec<String> = gold["byline_authors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(norm_name)
        .collect();
    let s_auth: Vec<String> = out["byline"]["authors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(norm_name)
        .collect();
    for a in missing(&g_auth, &s_auth) {
        m.push(format!("byline missed: {a}"));
    }
    for a in missing(&s_auth, &g_auth) {
        m.push(format!("byline extra: {a}"));
    }
    let list = |v: &Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(text_of)
            .map(|s| norm(&s))
            .collect()
    };
    let (gp, sp) = (list(&gold["paragraphs"]), list(&out["paragraphs"]));
    for p in missing(&gp, &sp) {
        m.push(format!("paragraph missed: {}", short(&p)));
    }
    for p in missing(&sp, &gp) {
        m.push(format!("paragraph extra: {}", short(&p)));
    }
    let kinds = |v: &Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .map(|b| {
                format!(
                    "{} {}",
                    b["kind"].as_str().unwrap_or("?"),
                    norm(b["text"].as_str().unwrap_or(""))
                )
            })
            .collect()
    };
    let (gb, sb) = (kinds(&gold["boilerplate"]), kinds(&out["boilerplate"]));
    for b in missing(&gb, &sb) {
        m.push(format!("boilerplate missed: {}", short(&b)));
    }
    for b in missing(&sb, &gb) {
        m.push(format!("boilerplate extra: {}", short(&b)));
    }
    let quotes = |v: &Value, speaker_key: &str| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .map(|q| {
                let who = q[speaker_key].as_str().map(norm_name).unwrap_or_default();
                format!(
                    "{} <- {}",
                    norm_quote(q["text"].as_str().unwrap_or("")),
                    who
                )
            })
            .collect()
    };
    let (gq, sq) = (
        quotes(&gold["quotes"], "speaker"),
        quotes(&out["quotes"], "speaker"),
    );
    for q in missing(&gq, &sq) {
        m.push(format!("quote missed: {}", short(&q)));
    }
    for q in missing(&sq, &gq) {
        m.push(format!("quote extra: {}", short(&q)));
    }
    m
}
