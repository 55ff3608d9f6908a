//! The clean article as Markdown (`--format markdown`): the headline as a
//! level-1 heading, the standfirst in italics, the byline, then subheadings
//! (level-2 headings) and paragraphs in input order. No boilerplate, no
//! metadata: text for reading and for pipelines that feed it onwards.
//!
//! Text is folded to one line per block. Characters that Markdown would
//! read as markup are escaped with a backslash: `* _ ` [ ] < \` anywhere,
//! and a `#`, `>`, `-`, `+`, `=`, `|` or a number followed by `.` or `)` at
//! the start of a block, which would otherwise make a heading, quote, list
//! or table.

use crate::model::Analysis;

/// Append `text` to `out` with Markdown markup characters escaped.
fn escape_into(out: &mut String, text: &str) {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let first = text.chars().next();
    if matches!(first, Some('#' | '>' | '-' | '+' | '=' | '|' | '~'))
        || (digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')))
    {
        if digits > 0 {
            out.push_str(&text[..digits]);
            out.push('\\');
            out.push_str(&text[digits..digits + 1]);
            return escape_rest(out, &text[digits + 1..]);
        }
        out.push('\\');
    }
    escape_rest(out, text);
}

fn escape_rest(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// The article of `a` as Markdown, ending with one newline (empty when the
/// article has no text at all).
pub fn article(a: &Analysis) -> String {
    let mut out = String::new();
    let mut block = |prefix: &str, text: &str, suffix: &str| {
        if text.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(prefix);
        escape_into(&mut out, text);
        out.push_str(suffix);
        out.push('\n');
    };
    if let Some(h) = &a.headline {
        block("# ", &h.text, "");
    }
    if let Some(s) = &a.standfirst {
        block("*", &s.text, "*");
    }
    if let Some(b) = &a.byline {
        block("", &b.text, "");
    }
    // Subheadings and paragraphs are each in input order: merge them.
    let (mut subs, mut paras) = (
        a.subheadings.iter().peekable(),
        a.paragraphs.iter().peekable(),
    );
    loop {
        let sub_first = match (subs.peek(), paras.peek()) {
            (Some(s), Some(p)) => s.span.start < p.span.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if sub_first {
            if let Some(s) = subs.next() {
                block("## ", &s.text, "");
            }
        } else if let Some(p) = paras.next() {
            block("", &p.text, "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, text);
        out
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escaped("plain, words."), "plain, words.");
        assert_eq!(escaped("a *b* [c]_d"), "a \\*b\\* \\[c\\]\\_d");
        assert_eq!(escaped("# not a heading"), "\\# not a heading");
        assert_eq!(escaped("1999. A year"), "1999\\. A year");
        assert_eq!(escaped("12 apples"), "12 apples");
        assert_eq!(escaped("- item"), "\\- item");
    }

    #[test]
    fn article_in_order_without_furniture() {
        let a = crate::analyze(
            "Bridge opens at last\n\nA long wait ends for the town of Elmby on the river.\n\n\
             By Ann Lee\n\nAdvertisement\n\nThe bridge opened on Monday after a long wait for the town.\n\n\
             The works\n\nWork began two years ago and ran over time by several months.\n\n\
             Read more: Council votes on new budget\n",
        );
        let md = article(&a);
        assert!(md.starts_with("# Bridge opens at last\n\n"), "{md}");
        assert!(md.contains("\n\nBy Ann Lee\n\n"), "{md}");
        assert!(
            !md.contains("Advertisement") && !md.contains("Read more"),
            "{md}"
        );
        let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s} in {md}"));
        assert!(at("The bridge opened") < at("Work began"));
    }
}
