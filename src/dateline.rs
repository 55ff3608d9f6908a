//! Datelines: "LONDON (Reuters) -", "WASHINGTON —", "KYIV, Ukraine (AP) —",
//! and wire datelines that carry a date: "OSLO, May 4 (Wire) -",
//! "SPRINGVALE, Ore., Sept. 12 (AP) —", "LYON, 7 June (AFP) -".

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// Month names as wire services write them in datelines: in full, or cut
/// with or without a point ("Sept.", "Aug").
const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"(?:[A-Z][A-Z.'’\-]+)(?:\s+[A-Z][A-Z.'’\-]+){0,3}";
    let region = r"(?:,\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2})?";
    // "March 3", "Sept. 12, 2026", "3 March".
    let date =
        format!(r"(?:{MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?)");
    Regex::new(&format!(
        r"^({place}{region})(?:,\s+({date}))?\s*(?:\(([^()]{{1,40}})\))?\s*(?:—|–|-{{1,2}})\s*"
    ))
    .expect("dateline regex")
});

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// "LONDON", "KYIV, Ukraine".
    pub place: String,
    /// "Reuters", when named in brackets.
    pub agency: Option<String>,
    /// "March 3", as written, when the dateline gives a date.
    pub date: Option<String>,
    /// The dateline and its dash, within the text searched.
    pub span: Span,
}

/// A dateline at the start of `text`.
pub fn find(text: &str) -> Option<Found> {
    // What the pattern needs, checked before it is compiled or run: two
    // capitals (or a capital and a stop, apostrophe or hyphen) first, and a
    // dash somewhere.
    let b = text.as_bytes();
    let second = text.get(1..).and_then(|t| t.chars().next());
    if !b.first().is_some_and(u8::is_ascii_uppercase)
        || !second.is_some_and(|c| c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
        || !(memchr::memchr(b'-', b).is_some() || text.contains(['—', '–']))
    {
        return None;
    }
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
    Some(Found {
        place: place.to_string(),
        date: c.get(2).map(|m| m.as_str().to_string()),
        agency: c.get(3).map(|m| m.as_str().trim().to_string()),
        span: Span::new(0, end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(String, Option<String>, Option<String>, usize)> {
        find(text).map(|f| (f.place, f.agency, f.date, f.span.end))
    }

    fn some(
        place: &str,
        agency: Option<&str>,
        date: Option<&str>,
        end: usize,
    ) -> Option<(String, Option<String>, Option<String>, usize)> {
        Some((
            place.into(),
            agency.map(Into::into),
            date.map(Into::into),
            end,
        ))
    }

    #[test]
    fn forms() {
        assert_eq!(
            parts("LONDON (Reuters) - Prices rose."),
            some("LONDON", Some("Reuters"), None, 18)
        );
        assert_eq!(
            parts("WASHINGTON — The Senate voted."),
            some("WASHINGTON", None, None, 14)
        );
        assert_eq!(
            parts("KYIV, Ukraine (AP) — Sirens sounded."),
            some("KYIV, Ukraine", Some("AP"), None, 22)
        );
        assert!(find("The Senate voted - narrowly.").is_none());
        assert!(find("I - and others - said no.").is_none());
    }

    #[test]
    fn datelines_with_a_date() {
        assert_eq!(
            parts("OSLO, May 4 (Nordwire) - Ferries were cancelled."),
            some("OSLO", Some("Nordwire"), Some("May 4"), 24)
        );
        let text = "SPRINGVALE, Ore., Sept. 12 (Valley Press) — A dam gave way.";
        let end = text.find(" A dam").unwrap();
        assert_eq!(
            parts(text),
            some(
                "SPRINGVALE, Ore.",
                Some("Valley Press"),
                Some("Sept. 12"),
                end
            )
        );
        assert_eq!(
            parts("SAN TEODORO, 7 June - Voters queued."),
            some("SAN TEODORO", None, Some("7 June"), 21)
        );
        assert_eq!(
            parts("DENVER, Colo., March 30, 2026 (Peak News) -- Snow fell."),
            some(
                "DENVER, Colo.",
                Some("Peak News"),
                Some("March 30, 2026"),
                44
            )
        );
        // A region that merely looks like a month's neighbour is still a region.
        assert_eq!(
            parts("PARIS, Texas (KTX) - Rain."),
            some("PARIS, Texas", Some("KTX"), None, 20)
        );
        // A date with no place before it is not a dateline.
        assert!(find("March 3 - the day it rained.").is_none());
    }
}
