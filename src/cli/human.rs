//! Output for people: `--format text` and `--explain`.

use std::fmt::Write as _;

use lede::model::{Analysis, Quote};
use lede::render::explain::Explanation;

use super::term::{sanitize, Paint};

/// At most `max` characters of `text`, sanitised, with "…" when cut.
fn clip(text: &str, max: usize) -> String {
    let safe = sanitize(text);
    if safe.chars().count() <= max {
        safe.into_owned()
    } else {
        let cut: String = safe.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A readable summary of one article.
pub fn summary(a: &Analysis, p: Paint) -> String {
    let mut s = String::new();
    let title = a.source.as_deref().unwrap_or("<stdin>");
    let _ = writeln!(s, "{}", p.bold(&clip(title, 200)));
    let mut row = |label: &str, value: String| {
        let _ = writeln!(s, "  {} {value}", p.cyan(&format!("{label:<12}")));
    };
    let none = || p.dim("none");
    row(
        "headline",
        a.headline
            .as_ref()
            .map_or_else(none, |h| p.bold(&clip(&h.text, 100))),
    );
    if let Some(sf) = &a.standfirst {
        row("standfirst", clip(&sf.text, 100));
    }
    row(
        "byline",
        a.byline.as_ref().map_or_else(none, |b| {
            let mut v = if b.authors.is_empty() {
                clip(&b.text, 80)
            } else {
                clip(&b.authors.join(", "), 80)
            };
            let extra: Vec<&str> = [b.organisation.as_deref(), b.role.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !extra.is_empty() {
                v.push_str(&p.dim(&format!(" ({})", clip(&extra.join(", "), 60))));
            }
            v
        }),
    );
    if let Some(d) = &a.published {
        row("published", clip(&d.iso, 40));
    }
    if let Some(d) = &a.dateline {
        let agency = d
            .agency
            .as_deref()
            .map(|x| format!(" ({})", clip(x, 30)))
            .unwrap_or_default();
        row("dateline", format!("{}{agency}", clip(&d.place, 40)));
    }
    let st = &a.stats;
    row(
        "body",
        format!(
            "{} paragraphs, {} subheadings, {} words, {} sentences, {} min read",
            st.paragraphs,
            a.subheadings.len(),
            st.words,
            st.sentences,
            st.reading_time_seconds.div_ceil(60)
        ),
    );
    let quotations = quotations(&a.quotes);
    let attributed = a.quotes.iter().filter(|q| q.speaker.is_some()).count();
    row(
        "quotes",
        if a.quotes.is_empty() {
            "none".to_string()
        } else {
            format!(
                "{} in {}, {attributed} attributed",
                count(a.quotes.len(), "quote"),
                count(quotations.len(), "quotation")
            )
        },
    );
    if !a.speakers.is_empty() {
        let names: Vec<String> = a
            .speakers
            .iter()
            .map(|sp| format!("{} ×{}", clip(&sp.name, 40), sp.quotes))
            .collect();
        row("speakers", names.join(", "));
    }
    if !a.boilerplate.is_empty() {
        let mut kinds: Vec<(&str, usize)> = Vec::new();
        for b in &a.boilerplate {
            match kinds.iter_mut().find(|(k, _)| *k == b.kind.as_str()) {
                Some((_, n)) => *n += 1,
                None => kinds.push((b.kind.as_str(), 1)),
            }
        }
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
        row("boilerplate", list.join(", "));
    }
    for w in &a.warnings {
        row(
            "warning",
            format!("{} {}", p.yellow(&clip(&w.code, 40)), clip(&w.message, 100)),
        );
    }
    if !quotations.is_empty() {
        let _ = writeln!(s, "  {}", p.cyan("quotations"));
    }
    for pieces in quotations {
        let first = &pieces[0];
        let place = first
            .paragraph
            .map_or_else(|| "head".to_string(), |i| format!("¶{}", i + 1));
        let who = match &first.speaker {
            Some(name) => p.bold(&clip(name, 40)),
            None => p.dim("no speaker"),
        };
        let mut how = Vec::new();
        if let (Some(m), Some(name)) = (&first.speaker_mention, &first.speaker) {
            if m != name {
                how.push(format!("as \"{}\"", clip(m, 40)));
            }
        }
        if let Some(c) = &first.cue {
            how.push(clip(c, 30));
        }
        let how = if how.is_empty() {
            String::new()
        } else {
            format!(" {}", p.dim(&format!("({})", how.join(", "))))
        };
        let text: Vec<&str> = pieces.iter().map(|q| q.text.as_str()).collect();
        let _ = writeln!(
            s,
            "    {} {who}{how}: “{}”",
            p.dim(&format!("{place:<5}")),
            clip(&text.join(" … "), 110)
        );
    }
    s
}

/// `1 quote`, `2 quotes`.
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The quotes grouped by quotation (pieces of one quotation are adjacent).
fn quotations(quotes: &[Quote]) -> Vec<&[Quote]> {
    quotes.chunk_by(|a, b| a.quotation == b.quotation).collect()
}

/// One line per block: span, role, the rule that decided it, the text; then
/// one entry per quote: span, speaker, the quoted words, and why.
pub fn explain(e: &Explanation, batch: bool, p: Paint) -> String {
    let mut s = String::new();
    if batch {
        let _ = writeln!(
            s,
            "{}",
            p.bold(&format!(
                "==> {} <==",
                clip(e.source.as_deref().unwrap_or("<stdin>"), 200)
            ))
        );
    }
    for b in &e.blocks {
        let span = format!("{:>7}..{:<7}", b.span.start, b.span.end);
        let role = format!("{:<11}", b.role);
        let role = if b.role == "paragraph" {
            role
        } else {
            p.cyan(&role)
        };
        let _ = writeln!(
            s,
            "{} {role} {} {}",
            p.dim(&span),
            p.dim(&format!("{:<24}", b.rule)),
            clip(&b.text, 90)
        );
    }
    if !e.quotes.is_empty() {
        let _ = writeln!(s, "{}", p.cyan("quotes"));
    }
    for q in &e.quotes {
        let span = format!("{:>7}..{:<7}", q.span.start, q.span.end);
        let place = q
            .paragraph
            .map_or_else(|| "head".to_string(), |i| format!("¶{}", i + 1));
        let who = match &q.speaker {
            Some(name) => p.bold(&clip(name, 40)),
            None => p.dim("no speaker"),
        };
        let _ = writeln!(
            s,
            "{} {} {who}: “{}”",
            p.dim(&span),
            p.dim(&format!("q{:<4} {place:<5}", q.quote)),
            clip(&q.text, 80)
        );
        for c in q.candidates.iter().filter(|c| !c.chosen) {
            let score = c.score.map(|x| format!(" {x:.2}")).unwrap_or_default();
            let _ = writeln!(
                s,
                "{:18}{}",
                "",
                p.dim(&format!(
                    "also {}{score}: {}",
                    clip(&c.name, 40),
                    clip(&c.evidence.join("; "), 100)
                ))
            );
        }
        let _ = writeln!(
            s,
            "{:18}{}",
            "",
            p.dim(&format!("why: {}", clip(&q.why, 160)))
        );
    }
    if batch {
        s.push('\n');
    }
    s
}
