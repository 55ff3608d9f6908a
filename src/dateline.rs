//! Datelines: "LONDON (Reuters) -", "WASHINGTON —", "KYIV, Ukraine (AP) —".

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^((?:[A-Z][A-Z.'’\-]+)(?:\s+[A-Z][A-Z.'’\-]+){0,3}(?:,\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2})?)\s*(?:\(([^()]{1,40})\))?\s*(?:—|–|-{1,2})\s*",
    )
    .expect("dateline regex")
});

/// A dateline at the start of `text`: (place, agency, span within `text`).
pub fn find(text: &str) -> Option<(String, Option<String>, Span)> {
    let c = DATELINE.captures(text)?;
    let place = c.get(1)?.as_str();
    let head = place.split(',').next().unwrap_or(place);
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || head.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    let whole = c.get(0)?;
    let end = text[..whole.end()].trim_end().len();
    // The paragraph must go on after the dash.
    if whole.end() >= text.len() {
        return None;
    }
    Some((
        place.to_string(),
        c.get(2).map(|m| m.as_str().trim().to_string()),
        Span::new(0, end),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let (p, a, s) = find("LONDON (Reuters) - Prices rose.").unwrap();
        assert_eq!(
            (p.as_str(), a.as_deref(), s.end),
            ("LONDON", Some("Reuters"), 18)
        );
        let (p, a, _) = find("WASHINGTON — The Senate voted.").unwrap();
        assert_eq!((p.as_str(), a), ("WASHINGTON", None));
        let (p, a, _) = find("KYIV, Ukraine (AP) — Sirens sounded.").unwrap();
        assert_eq!((p.as_str(), a.as_deref()), ("KYIV, Ukraine", Some("AP")));
        assert!(find("The Senate voted - narrowly.").is_none());
        assert!(find("I - and others - said no.").is_none());
    }
}
