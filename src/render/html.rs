//! The report page (`--format html`): a self-contained HTML page — inline
//! CSS, no scripts, no external assets — that shows each article as lede
//! read it. Every block is labelled with its role in a left gutter; each
//! quotation is highlighted in its speaker's colour and labelled with the
//! speaker and cue; boilerplate is dimmed and labelled with its kind; the
//! dateline is underlined; warnings stand under the block they are about
//! (warnings about the whole article under its title). A run of six or more
//! boilerplate blocks (a menu, a list of links) folds into one line that
//! counts its kinds and opens on a click (`<details>`, no script).
//!
//! A page is [`begin`], then [`article`] for each article (or [`error`] for
//! an input that failed), then [`end`]: a batch is one page. Everything
//! taken from the input is HTML-escaped; control characters become U+FFFD;
//! each block is a bidi isolate, so right-to-left or override characters in
//! one block cannot reorder the page around it.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::model::{Analysis, Quote};
use crate::span::Span;

/// Speaker colours (background, border), cycled in order of first quotation.
const PALETTE: [(&str, &str); 8] = [
    ("#fde68a", "#b45309"),
    ("#bfdbfe", "#1d4ed8"),
    ("#bbf7d0", "#15803d"),
    ("#fbcfe8", "#be185d"),
    ("#ddd6fe", "#6d28d9"),
    ("#fed7aa", "#c2410c"),
    ("#a5f3fc", "#0e7490"),
    ("#e9d5ff", "#7e22ce"),
];

const STYLE: &str = "\
:root{--ink:#1f2328;--muted:#6b7280;--rule:#e5e7eb;--paper:#ffffff;--page:#f3f4f6}
*{box-sizing:border-box}
body{margin:0;background:var(--page);color:var(--ink);font:16px/1.55 Georgia,'Times New Roman',serif}
header.top{background:#111827;color:#f9fafb;padding:.7rem 1.5rem;font:600 14px/1.4 system-ui,sans-serif;letter-spacing:.02em}
header.top span{color:#9ca3af;font-weight:400;margin-left:.6rem}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
article{background:var(--paper);border:1px solid var(--rule);border-radius:10px;padding:1.2rem 1.5rem 1.5rem;margin:0 0 1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.06)}
.meta{font:13px/1.5 system-ui,sans-serif;color:var(--muted);border-bottom:1px solid var(--rule);padding-bottom:.7rem;margin-bottom:.9rem}
.meta .source{font:600 13px/1.4 ui-monospace,Menlo,monospace;color:var(--ink);word-break:break-all}
.legend{display:flex;flex-wrap:wrap;gap:.35rem;margin-top:.5rem}
.chip{display:inline-block;border-radius:999px;padding:.05rem .55rem;font:12px/1.5 system-ui,sans-serif;border:1px solid}
.blk{display:grid;grid-template-columns:7.2rem 1fr;gap:.9rem;padding:.3rem 0;align-items:baseline}
.role{font:600 10.5px/1.3 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);text-align:right;padding-top:.2rem;overflow-wrap:anywhere}
.txt{unicode-bidi:isolate;overflow-wrap:anywhere;margin:0}
.headline .txt{font-size:1.75rem;line-height:1.2;font-weight:700}
.standfirst .txt{font-size:1.1rem;font-style:italic;color:#374151}
.byline .txt{font:600 14px/1.5 system-ui,sans-serif;color:#374151}
.subheading .txt{font:700 1.15rem/1.3 system-ui,sans-serif}
.boilerplate{opacity:.55}
.boilerplate .txt{font:13px/1.45 system-ui,sans-serif;color:var(--muted);border-left:3px solid var(--rule);padding-left:.6rem}
.boilerplate .role{color:#9ca3af}
details.run{margin:.2rem 0}
details.run>summary{display:grid;grid-template-columns:7.2rem 1fr;gap:.9rem;cursor:pointer;list-style:none;padding:.3rem 0;font:13px/1.45 system-ui,sans-serif;color:#9ca3af}
details.run>summary::-webkit-details-marker{display:none}
details.run>summary span:last-child{border:1px dashed #d1d5db;border-radius:6px;padding:.1rem .6rem}
details.run>summary span:last-child::before{content:'▸ '}
details.run[open]>summary span:last-child::before{content:'▾ '}
.q{border-radius:3px;padding:0 .12rem;border-bottom:2px solid;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.q.none{background:#f3f4f6;border-bottom:2px dashed #9ca3af}
.who{font:600 10.5px/1 system-ui,sans-serif;border-radius:3px;padding:.1rem .3rem;margin-right:.25rem;color:#fff;vertical-align:.12em;white-space:nowrap}
.q.none .who{background:#9ca3af}
.who .cue{font-weight:400;opacity:.9}
.dateline{text-decoration:underline dotted #6b7280;text-underline-offset:3px;font-variant:small-caps}
.warn{margin:.25rem 0 .5rem 8.1rem;font:13px/1.4 system-ui,sans-serif;color:#92400e;background:#fffbeb;border:1px solid #fcd34d;border-radius:6px;padding:.3rem .6rem}
.warn.article{margin-left:0}
.warn b{font-family:ui-monospace,Menlo,monospace;font-weight:600}
article.error{border-color:#fca5a5;background:#fef2f2}
article.error .msg{font:14px/1.5 system-ui,sans-serif;color:#991b1b}
footer{text-align:center;font:12px/1.4 system-ui,sans-serif;color:var(--muted);padding-bottom:2rem}
";

/// Append `text` to `out` HTML-escaped (for text and attribute values).
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        push_escaped(out, c);
    }
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c if c.is_control() => out.push('\u{fffd}'),
        c => out.push(c),
    }
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// The start of the page, up to where the first article goes.
pub fn begin() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"lede {}\">\n<title>lede report</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header class=\"top\">lede report<span>roles, quotations and speakers as lede read them</span></header>\n<main>\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// The end of the page.
pub fn end() -> String {
    "</main>\n<footer>Highlighted: quotations, labelled with their speaker and cue. \
     Dimmed: boilerplate, labelled with its kind.</footer>\n</body>\n</html>\n"
        .to_string()
}

/// An input that could not be analysed, shown in its place.
pub fn error(source: Option<&str>, kind: &str, message: &str) -> String {
    format!(
        "<article class=\"error\"><div class=\"meta\"><span class=\"source\">{}</span></div>\
         <p class=\"msg\"><b>{}</b>: {}</p></article>\n",
        escaped(source.unwrap_or("<stdin>")),
        escaped(kind),
        escaped(message)
    )
}

/// What a block is, for its label and style.
#[derive(Clone, Copy)]
enum Role {
    Headline,
    Standfirst,
    Byline,
    Subheading,
    Paragraph(usize),
    Boilerplate(&'static str),
}

impl Role {
    fn class(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Standfirst => "standfirst",
            Role::Byline => "byline",
            Role::Subheading => "subheading",
            Role::Paragraph(_) => "paragraph",
            Role::Boilerplate(_) => "boilerplate",
        }
    }
}

/// Something highlighted inside a block.
enum Mark<'a> {
    Quote(&'a Quote),
    Dateline(&'a str),
}

/// One article as an `<article>` element. `input` is the text the analysis
/// was made from, and its spans must be UTF-8 byte offsets into it.
pub fn article(a: &Analysis, input: &str) -> String {
    let mut out = String::with_capacity(input.len() * 2 + 4096);
    let colour: HashMap<&str, usize> = a
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.as_str(), i % PALETTE.len()))
        .collect();
    out.push_str("<article>\n<div class=\"meta\">");
    let _ = write!(
        out,
        "<div class=\"source\">{}</div>",
        escaped(a.source.as_deref().unwrap_or("<stdin>"))
    );
    let st = &a.stats;
    let _ = write!(
        out,
        "<div>{} · {} · {} · {} · {}</div>",
        count(st.paragraphs, "paragraph"),
        count(st.words, "word"),
        count(st.quotes, "quote"),
        count(a.speakers.len(), "speaker"),
        count(st.boilerplate, "boilerplate block")
    );
    let mut facts = Vec::new();
    if let Some(p) = &a.published {
        facts.push(format!("published {}", escaped(&p.iso)));
    }
    if let Some(d) = &a.dateline {
        let agency = d
            .agency
            .as_deref()
            .map(|x| format!(" ({})", escaped(x)))
            .unwrap_or_default();
        facts.push(format!("dateline {}{agency}", escaped(&d.place)));
    }
    if let Some(b) = a.byline.as_ref().filter(|b| !b.authors.is_empty()) {
        facts.push(format!("by {}", escaped(&b.authors.join(", "))));
    }
    if !facts.is_empty() {
        let _ = write!(out, "<div class=\"facts\">{}</div>", facts.join(" · "));
    }
    if !a.speakers.is_empty() {
        out.push_str("<div class=\"legend\">");
        for s in &a.speakers {
            let (bg, fg) = PALETTE[colour[s.name.as_str()]];
            let _ = write!(
                out,
                "<span class=\"chip speaker\" style=\"background:{bg};border-color:{fg}\">{} ×{}</span>",
                escaped(&s.name),
                s.quotes
            );
        }
        out.push_str("</div>");
    }
    out.push_str("</div>\n");
    for w in a.warnings.iter().filter(|w| w.span.is_none()) {
        warning(&mut out, &w.code, &w.message, "warn article");
    }

    // Every block in input order.
    let mut blocks: Vec<(Span, Role)> = Vec::with_capacity(a.paragraphs.len() + 8);
    blocks.extend(a.headline.as_ref().map(|h| (h.span, Role::Headline)));
    blocks.extend(a.standfirst.as_ref().map(|s| (s.span, Role::Standfirst)));
    blocks.extend(a.byline.as_ref().map(|b| (b.span, Role::Byline)));
    blocks.extend(a.subheadings.iter().map(|s| (s.span, Role::Subheading)));
    blocks.extend(
        a.paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (p.span, Role::Paragraph(i))),
    );
    blocks.extend(
        a.boilerplate
            .iter()
            .map(|b| (b.span, Role::Boilerplate(b.kind.as_str()))),
    );
    blocks.sort_by_key(|(span, _)| span.start);

    // Warnings with a place go under the block that holds their start.
    let mut placed: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
    let mut unplaced = Vec::new();
    for (wi, w) in a.warnings.iter().enumerate() {
        let Some(span) = w.span else { continue };
        let i = blocks.partition_point(|(b, _)| b.start <= span.start);
        match i.checked_sub(1) {
            Some(i) if blocks[i].0.end >= span.start => placed[i].push(wi),
            _ => unplaced.push(wi),
        }
    }

    // A long run of boilerplate (a menu, a list of links) folds into one
    // <details> line that opens on a click: `run_end[i]` is where the run
    // starting at block i ends.
    let mut run_end = vec![0usize; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let mut j = i;
        while j < blocks.len()
            && matches!(blocks[j].1, Role::Boilerplate(_))
            && (j == i || placed[j - 1].is_empty())
        {
            j += 1;
        }
        if j - i >= FOLD_RUN {
            run_end[i] = j;
        }
        i = j.max(i + 1);
    }
    let mut open_until = 0;

    // The body's quotes, by paragraph (they come in reading order).
    let mut quotes = a.quotes.iter().peekable();
    for (bi, &(span, role)) in blocks.iter().enumerate() {
        if run_end[bi] > bi {
            open_until = run_end[bi];
            fold_summary(&mut out, &blocks[bi..open_until]);
        }
        let mut marks: Vec<(Span, Mark)> = Vec::new();
        match role {
            Role::Headline => {
                if let Some(h) = &a.headline {
                    marks.extend(h.quotes.iter().map(|q| (q.span, Mark::Quote(q))));
                }
            }
            Role::Paragraph(i) => {
                while let Some(q) = quotes.next_if(|q| q.paragraph.is_none_or(|p| p <= i)) {
                    if q.paragraph == Some(i) {
                        marks.push((q.span, Mark::Quote(q)));
                    }
                }
                if let Some(d) = a.dateline.as_ref().filter(|d| span.contains(d.span)) {
                    marks.push((d.span, Mark::Dateline(&d.place)));
                }
            }
            _ => {}
        }
        marks.sort_by_key(|(s, _)| s.start);
        let label = match role {
            Role::Boilerplate(kind) => kind.replace('_', " "),
            Role::Paragraph(i) => format!("¶ {}", i + 1),
            other => other.class().to_string(),
        };
        let kind = match role {
            Role::Boilerplate(kind) => format!(" kind-{kind}"),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<div class=\"blk {}{kind}\"><span class=\"role\">{}</span><p class=\"txt\" dir=\"auto\">",
            role.class(),
            escaped(&label)
        );
        block_text(&mut out, input, span, &marks, &colour);
        out.push_str("</p></div>\n");
        if bi + 1 == open_until {
            out.push_str("</details>\n");
        }
        for &wi in &placed[bi] {
            let w = &a.warnings[wi];
            warning(&mut out, &w.code, &w.message, "warn");
        }
    }
    for wi in unplaced {
        let w = &a.warnings[wi];
        warning(&mut out, &w.code, &w.message, "warn");
    }
    out.push_str("</article>\n");
    out
}

/// Runs of at least this many boilerplate blocks are folded.
const FOLD_RUN: usize = 6;

/// Open the <details> of a folded run, its summary counting the kinds.
fn fold_summary(out: &mut String, run: &[(Span, Role)]) {
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for (_, role) in run {
        if let Role::Boilerplate(kind) = role {
            match kinds.iter_mut().find(|(k, _)| k == kind) {
                Some((_, n)) => *n += 1,
                None => kinds.push((kind, 1)),
            }
        }
    }
    let list: Vec<String> = kinds
        .iter()
        .map(|(k, n)| format!("{} ×{n}", k.replace('_', " ")))
        .collect();
    let _ = writeln!(
        out,
        "<details class=\"run\"><summary><span class=\"role\">boilerplate</span><span>{} folded: {}</span></summary>",
        count(run.len(), "block"),
        list.join(", ")
    );
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn warning(out: &mut String, code: &str, message: &str, class: &str) {
    let _ = writeln!(
        out,
        "<div class=\"{class}\">⚠ <b>{}</b> {}</div>",
        escaped(code),
        escaped(message)
    );
}

/// The text of `span` in `input`, white space folded, with `marks` (sorted
/// by start; an overlapping or out-of-block mark is skipped) highlighted.
fn block_text(
    out: &mut String,
    input: &str,
    span: Span,
    marks: &[(Span, Mark)],
    colour: &HashMap<&str, usize>,
) {
    if input.get(span.start..span.end).is_none() {
        return;
    }
    let mut f = Folder {
        out,
        started: false,
        pending: false,
    };
    let mut pos = span.start;
    for (m, mark) in marks {
        if m.start < pos || m.end > span.end || input.get(m.start..m.end).is_none() {
            continue;
        }
        f.text(&input[pos..m.start]);
        f.space();
        match mark {
            Mark::Quote(q) => {
                let speaker = q.speaker.as_deref();
                match speaker.and_then(|s| colour.get(s)) {
                    Some(&c) => {
                        let (bg, fg) = PALETTE[c];
                        let _ = write!(
                            f.out,
                            "<mark class=\"q\" style=\"background:{bg};border-color:{fg}\" title=\"{}\">\
                             <span class=\"who\" style=\"background:{fg}\">{}",
                            escaped(&quote_title(q)),
                            escaped(speaker.unwrap_or(""))
                        );
                    }
                    None => {
                        let _ = write!(
                            f.out,
                            "<mark class=\"q{}\" title=\"{}\"><span class=\"who\">{}",
                            if speaker.is_some() { "" } else { " none" },
                            escaped(&quote_title(q)),
                            escaped(speaker.unwrap_or("no speaker"))
                        );
                    }
                }
                if let Some(cue) = &q.cue {
                    let _ = write!(f.out, " <span class=\"cue\">· {}</span>", escaped(cue));
                }
                f.out.push_str("</span>");
                f.started = true;
                f.text(&input[m.start..m.end]);
                f.out.push_str("</mark>");
            }
            Mark::Dateline(place) => {
                let _ = write!(
                    f.out,
                    "<span class=\"dateline\" title=\"dateline: {}\">",
                    escaped(place)
                );
                f.started = true;
                f.text(&input[m.start..m.end]);
                f.out.push_str("</span>");
            }
        }
        pos = m.end;
    }
    f.text(&input[pos..span.end]);
}

fn quote_title(q: &Quote) -> String {
    let mut t = String::from("speaker: ");
    t.push_str(q.speaker.as_deref().unwrap_or("none"));
    if let Some(m) = &q.speaker_mention {
        let _ = write!(t, "; named as: {m}");
    }
    if let Some(c) = &q.cue {
        let _ = write!(t, "; cue: {c}");
    }
    let _ = write!(t, "; quotation {}", q.quotation);
    if !q.closed {
        t.push_str(" (not closed)");
    }
    t
}

/// Writes text escaped with runs of white space folded to one space and no
/// space at the start or end of the block.
struct Folder<'a> {
    out: &'a mut String,
    started: bool,
    pending: bool,
}

impl Folder<'_> {
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if crate::text::is_space(c) {
                self.pending = self.started;
            } else {
                self.space();
                push_escaped(self.out, c);
                self.started = true;
            }
        }
    }

    /// Write a pending space now (before a tag opens).
    fn space(&mut self) {
        if self.pending {
            self.out.push(' ');
            self.pending = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            escaped("<b a=\"x\">&'\u{1b}"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39;\u{fffd}"
        );
    }

    proptest::proptest! {
        /// Any text: every tag on the page is one the renderer writes, and
        /// highlights open and close in pairs.
        #[test]
        fn any_text_gives_only_the_renderers_tags(input in "(\\PC|[<>&\"'\n]){0,300}") {
            let page = article(&crate::analyze(&input), &input);
            let tags = ["article", "div", "span", "p", "mark", "b", "details", "summary"];
            for (i, _) in page.match_indices('<') {
                let rest = page[i + 1..].trim_start_matches('/');
                let name: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
                proptest::prop_assert!(tags.contains(&name.as_str()), "tag {name} at {i} in {page}");
            }
            proptest::prop_assert_eq!(page.matches("<mark").count(), page.matches("</mark>").count());
            proptest::prop_assert_eq!(page.matches("<div").count(), page.matches("</div>").count());
        }
    }

    #[test]
    fn long_runs_of_boilerplate_fold_and_short_ones_do_not() {
        let menu = "Home\n\nNews\n\nSport\n\nWeather\n\nShare this article\n\nAdvertisement\n\nSign up to our newsletter\n\n";
        let input = format!(
            "Bridge opens at last\n\n{menu}By Ann Lee\n\nThe bridge opened on Monday after a long wait for the town.\n\n\
             Work began two years ago and ran over time by several months.\n\nAdvertisement\n"
        );
        let a = crate::analyze(&input);
        let page = article(&a, &input);
        assert_eq!(page.matches("<details class=\"run\">").count(), 1, "{page}");
        assert_eq!(page.matches("</details>").count(), 1);
        // Every block is still on the page, inside the fold or not.
        assert_eq!(
            page.matches("class=\"blk boilerplate").count(),
            a.boilerplate.len()
        );
        let folded = &page[page.find("<details").unwrap()..page.find("</details>").unwrap()];
        assert!(
            folded.contains("blocks folded") && folded.contains("Weather"),
            "{folded}"
        );
        assert!(!folded.contains("The bridge opened"));
    }

    #[test]
    fn quotes_are_highlighted_with_their_speaker() {
        let input = "Bridge <opens>\n\nBy Ann Lee\n\nThe bridge opened on Monday after a long wait for the town.\n\n\
                     \"It is   ready, at last,\" said Tom Bax, the engineer.\n\nAdvertisement\n";
        let a = crate::analyze(input);
        let page = format!("{}{}{}", begin(), article(&a, input), end());
        assert!(page.contains("Bridge &lt;opens&gt;"), "{page}");
        assert!(
            page.contains("<span class=\"who\" style=\"background:#b45309\">Tom Bax <span class=\"cue\">· said</span></span>It is ready, at last</mark>"),
            "{page}"
        );
        assert!(
            page.contains("class=\"blk boilerplate kind-advert\""),
            "{page}"
        );
        assert!(
            !page.contains("<script") && !page.contains("http"),
            "{page}"
        );
    }
}
