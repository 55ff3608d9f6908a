//! `--explain`: why each block got its role and each quote its speaker, as
//! data (serialised for `--explain --format json`, printed for people by the
//! binary).
//!
//! The quote side is built by `candidates`, the one place that says who
//! could have spoken a quote and why the speaker won. Today it reads what the
//! analysis keeps of the decision: the chosen speaker, the mention that
//! named them and the cue. When the speaker attribution exposes the
//! candidates it weighed (each with its evidence and score), they are mapped
//! into [`Candidate`]s there and nothing else changes.

use serde::Serialize;

use crate::model::{Analysis, Quote};
use crate::render::offsets::{self, Unit};
use crate::span::Span;
use crate::{Explained, QuoteExplained};

/// The explanation of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Where the article came from, as in the analysis.
    pub source: Option<String>,
    /// The unit of every `span`, as in the analysis.
    pub offsets: Unit,
    /// Every block in input order with the rule that gave it its role.
    pub blocks: Vec<Block>,
    /// Every quote of the body, in reading order.
    pub quotes: Vec<QuoteExplanation>,
}

/// One block and the rule that decided its role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Where the block stands.
    pub span: Span,
    /// The role ("headline", "paragraph", "caption", ...).
    pub role: &'static str,
    /// The rule that decided.
    pub rule: &'static str,
    /// The folded text.
    pub text: String,
}

/// One quote, its speaker and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteExplanation {
    /// Index into the analysis' `quotes`.
    pub quote: usize,
    /// The quotation it is a piece of.
    pub quotation: usize,
    /// Index into `paragraphs`.
    pub paragraph: Option<usize>,
    /// Where the quoted words stand.
    pub span: Span,
    /// The quoted words.
    pub text: String,
    /// The speaker chosen, or `null`.
    pub speaker: Option<String>,
    /// How the chosen speaker was named where the quote was attributed.
    pub speaker_mention: Option<String>,
    /// The attribution verb or phrase.
    pub cue: Option<String>,
    /// The people who could have spoken it; the chosen one first.
    pub candidates: Vec<Candidate>,
    /// Why the speaker won (or why there is none), in a sentence.
    pub why: String,
}

/// A possible speaker of a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The canonical name.
    pub name: String,
    /// How the text names them near the quote.
    pub mention: Option<String>,
    /// Whether this candidate won.
    pub chosen: bool,
    /// The attribution's score, when the attribution scores candidates.
    pub score: Option<f64>,
    /// What speaks for this candidate.
    pub evidence: Vec<String>,
}

/// Build the explanation of `a` from the block decisions `blocks` (spans in
/// bytes, as both come from [`crate::analyze_explained`]).
pub fn explain(a: &Analysis, blocks: Vec<Explained>, reasons: &[QuoteExplained]) -> Explanation {
    let quotes = a
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let continues = i > 0 && a.quotes[i - 1].quotation == q.quotation;
            let reason = reasons.iter().find(|r| r.quote == i);
            let candidates = candidates(q, reason);
            QuoteExplanation {
                quote: i,
                quotation: q.quotation,
                paragraph: q.paragraph,
                span: q.span,
                text: q.text.clone(),
                speaker: q.speaker.clone(),
                speaker_mention: q.speaker_mention.clone(),
                cue: q.cue.clone(),
                why: why(q, continues, &candidates),
                candidates,
            }
        })
        .collect();
    Explanation {
        source: a.source.clone(),
        offsets: Unit::Bytes,
        blocks: blocks
            .into_iter()
            .map(|b| Block {
                span: b.span,
                role: b.role,
                rule: b.rule,
                text: b.text,
            })
            .collect(),
        quotes,
    }
}

impl Explanation {
    /// Rewrite every span from byte offsets into `input` to `unit`.
    pub fn convert(&mut self, input: &str, unit: Unit) {
        if unit == Unit::Bytes || self.offsets != Unit::Bytes {
            return;
        }
        self.offsets = unit;
        let spans = self
            .blocks
            .iter_mut()
            .map(|b| &mut b.span)
            .chain(self.quotes.iter_mut().map(|q| &mut q.span));
        offsets::convert_spans(spans, input, unit);
    }
}

/// The candidates for `q`'s speaker: those the attribution put forward
/// (`reason`, from [`crate::analyze_with_reasons`]), each with the step
/// that proposed it; without them, the chosen speaker alone.
fn candidates(q: &Quote, reason: Option<&QuoteExplained>) -> Vec<Candidate> {
    if let Some(r) = reason.filter(|r| !r.candidates.is_empty()) {
        // The winner first, then the others by score.
        let mut ranked: Vec<&crate::Candidate> = r.candidates.iter().collect();
        ranked.sort_by_key(|c| (!c.chosen, std::cmp::Reverse(c.score)));
        return ranked
            .into_iter()
            .map(|c| {
                let mut evidence = vec![format!("step {}", c.evidence)];
                evidence.extend(
                    c.features
                        .iter()
                        .filter(|f| **f != c.evidence)
                        .map(|f| format!("feature {f}")),
                );
                if let Some(cue) = &c.cue {
                    evidence.push(format!("cue \"{cue}\""));
                }
                if let Some(name) = c.resolved.as_ref().filter(|n| **n != c.mention) {
                    evidence.push(format!("mention \"{}\" resolves to \"{name}\"", c.mention));
                }
                Candidate {
                    name: c.resolved.clone().unwrap_or_else(|| c.mention.clone()),
                    mention: Some(c.mention.clone()),
                    chosen: c.chosen,
                    score: Some(f64::from(c.score)),
                    evidence,
                }
            })
            .collect();
    }
    let Some(name) = &q.speaker else {
        return Vec::new();
    };
    let mut evidence = Vec::new();
    if let Some(cue) = &q.cue {
        evidence.push(format!("cue \"{cue}\""));
    }
    if let Some(m) = &q.speaker_mention {
        if m != name {
            evidence.push(format!("mention \"{m}\" resolves to \"{name}\""));
        } else {
            evidence.push(format!("named \"{m}\""));
        }
    }
    vec![Candidate {
        name: name.clone(),
        mention: q.speaker_mention.clone(),
        chosen: true,
        score: None,
        evidence,
    }]
}

/// A sentence saying why `q` has its speaker.
fn why(q: &Quote, continues: bool, candidates: &[Candidate]) -> String {
    let others = candidates.iter().filter(|c| !c.chosen).count();
    let against = match others {
        0 => String::new(),
        1 => ", over 1 other candidate".to_string(),
        n => format!(", over {n} other candidates"),
    };
    match (&q.speaker, &q.speaker_mention, &q.cue) {
        (None, _, _) if continues => {
            "no speaker: the quotation it continues has none".to_string()
        }
        (None, _, _) => {
            "no speaker: no attribution cue or speaking subject around it names a person"
                .to_string()
        }
        (Some(s), Some(m), Some(c)) if m != s => {
            format!("the cue \"{c}\" attributes it to \"{m}\", which resolves to {s}{against}")
        }
        (Some(s), _, Some(c)) => format!("the cue \"{c}\" attributes it to {s}{against}"),
        (Some(s), _, None) if continues => {
            format!("it continues a quotation of {s}, with no cue of its own{against}")
        }
        (Some(s), Some(m), None) => format!(
            "no cue of its own: \"{m}\" is the subject that speaks around it, or spoke the quote before; resolved to {s}{against}"
        ),
        (Some(s), None, None) => format!(
            "no cue of its own: {s} is the subject that speaks around it, or spoke the quote before{against}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_quote_says_who_and_why() {
        let input = "Bridge opens\n\nBy Ann Lee\n\nThe bridge opened on Monday after a long wait for the town.\n\n\
                     \"It is ready, at last,\" said Tom Bax, the engineer.\n\n\
                     \"Nobody knows,\" a passer-by shouted at the crowd on the bank.\n";
        let (a, blocks, reasons) = crate::analyze_with_reasons(input);
        let e = explain(&a, blocks, &reasons);
        assert_eq!(e.blocks.len(), 5);
        assert_eq!(e.quotes.len(), a.quotes.len());
        let first = &e.quotes[0];
        assert_eq!(first.speaker.as_deref(), Some("Tom Bax"));
        // The winner first, then the others by score.
        assert!(first.candidates[0].chosen);
        assert_eq!(first.candidates.iter().filter(|c| c.chosen).count(), 1);
        assert!(first
            .candidates
            .windows(2)
            .all(|w| w[0].score >= w[1].score));
        // The candidate comes from the attribution's own record, which names
        // the step that put it forward.
        assert!(
            first.candidates[0].evidence.iter().any(|e| e == "step cue"),
            "{:?}",
            first.candidates[0].evidence
        );
        assert!(
            first.why.contains("\"said\"") && first.why.contains("Tom Bax"),
            "{}",
            first.why
        );
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["quotes"][0]["speaker"], "Tom Bax");
        assert_eq!(json["blocks"][0]["role"], "headline");
    }
}
