//! Output for people: `--format text` and `--explain`.

use std::fmt::Write as _;

use lede::model::Analysis;
use lede::Explained;

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
    let quotations = {
        let mut ids: Vec<usize> = a.quotes.iter().map(|q| q.quotation).collect();
        ids.dedup();
        ids.len()
    };
    let attributed = a.quotes.iter().filter(|q| q.speaker.is_some()).count();
    row(
        "quotes",
        format!(
            "{} quotes in {quotations} quotations, {attributed} attributed",
            a.quotes.len()
        ),
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
    s
}

/// One line per block: span, role, the rule that decided it, the text.
pub fn explain(source: Option<&str>, blocks: &[Explained], batch: bool, p: Paint) -> String {
    let mut s = String::new();
    if batch {
        let _ = writeln!(
            s,
            "{}",
            p.bold(&format!(
                "==> {} <==",
                clip(source.unwrap_or("<stdin>"), 200)
            ))
        );
    }
    for b in blocks {
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
    if batch {
        s.push('\n');
    }
    s
}
