//! Who said it: attribution of quotes and resolution of every mention to
//! one canonical name per person.
//!
//! # The attribution model
//!
//! 1. **People.** Every run of capitalised words of the body, headline,
//!    standfirst and captions is read once, in document order, into a
//!    registry (`registry.rs`): titles ("Harbour Board Chair", "Senator") and
//!    honorifics ("Sir", "Mr.") are stripped off (`names.rs`); the fullest
//!    form of a name is its canonical one; titles and appositives ("Jane
//!    Doe, a spokeswoman for the council") give roles, honorifics, first
//!    names and pronouns give gender. Initials alone ("N.S.") are no one; a
//!    name after a preposition ("in Port Avery") is an oblique mention,
//!    never a pronoun's first choice.
//! 2. **Candidates with evidence, scored.** For each quotation every step
//!    below puts forward at most one candidate, with its grammatical
//!    evidence and features; each candidate's score is the sum of its
//!    features' hand-set weights (`scoring.rs`, `WEIGHTS`) and
//!    the highest wins, the first gathered on a tie ([`QuoteExplained`]
//!    records every candidate, its features and score, and the winner):
//!    - `cue` (`cues.rs`): a speech verb with its subject on either side,
//!      inverted or not ("…," said X / X said: "…" / X, a role, said),
//!      "according to X", a dash ("…" — X), a colon lead-in, the owner of
//!      a speech noun ("X's claim that "…""), in the quotation's sentence,
//!      looked for within a window of 400 bytes and 8 quotations; the
//!      subject is the phrase before a participle ("a source speaking to
//!      the Ledger said"), not the listener or outlet after it; a
//!      document speaks for who sent or published it, named right after
//!      it ("an email sent out by X", "an editorial in the X Courier"),
//!      and a body's capitalised name ("the Quay Courier") is never the
//!      person a body may be named after; a mention in a subordinate
//!      clause or an opening prepositional phrase ("When Brenn died, Mayor
//!      Lena Fisk said:", "In a statement, the agency …, but said") gives
//!      way to the main clause's subject;
//!    - `cue-of-neighbour`: the cue of the nearest other quotation of the
//!      paragraph (the next one first, up to 32 quotations on): quotations
//!      of one sentence run share a speaker;
//!    - `intro-paragraph`: a paragraph that is only quotation after one
//!      ending "X said:";
//!    - `reported-speech`: a paragraph that opens with a quotation and has
//!      no cue, after a paragraph of reported speech with no quotation
//!      ("Dana Roe, a welder, said cold cracks hoses."), is that speaker's;
//!    - `topic-since-last-quote`: a quotation that opens its paragraph,
//!      after a paragraph without quotations whose subject is someone
//!      named in full (of known gender), is that person's;
//!    - `continues-speaker`: else such a paragraph continues the last
//!      speaker;
//!    - `sentence-subject` (`candidates.rs`): words no verb attributes belong
//!      to the subject of their sentence, or an organisation or document
//!      that opens the clause;
//!    - `same-quotation`: the pieces of a quotation that runs over
//!      paragraphs share its speaker (a piece with a speaker before it is
//!      a candidate; one without takes it afterwards).
//!
//!    The features: the step's evidence (a cue of the quotation's own
//!    sentence outweighs the speaker of the piece of the same quotation in
//!    the paragraph before, which outweighs a neighbour's cue, which
//!    outweighs a lead-in, reported speech, the sentence's subject and the
//!    last speaker, in that order);
//!    where the mention stands (before or after the quotation, a pronoun);
//!    whether it names anyone (a candidate that names no one loses to one
//!    that does, except a speech verb's own subject); a quotation opening
//!    its paragraph continues the speaker more surely than a later one.
//!    Within a step, the clause position (a subject over an object or a
//!    name after a preposition or a possessive), distance (nearest first)
//!    and animacy (a place, a credit or a group named by a modifier is no
//!    person) choose the one mention the step puts forward.
//! 3. **Coreference.** The chosen mention is resolved to a person in one
//!    step (`coreference.rs`): a full name; a surname or a first name (a
//!    lone first name joined by "and" to a full name shares its surname); a
//!    role ("the mayor" to the person who holds it, most recent first); a
//!    description ("the shipping tycoon") or a document ("the statement") to
//!    the topic; a description of someone not yet named ("according to her
//!    doctor") to the person named in full for the first time later in its
//!    paragraph as who signed or said it ("… was signed by Dr. Ines
//!    Kowal"); "they" after people named together as the subject ("Ada
//!    Kim and Rolf Berg said") to all of them; a pronoun to the nearest
//!    subject of its paragraph that fits its gender, else the topic of the
//!    paragraph before (one known to be of its gender first), else the
//!    last speaker, else someone named in the last 64 mentions. Organisations and unnamed sources keep the
//!    phrase the article uses ("a spokesman for the council"), in its fuller
//!    form when one was written before; "the company" or "the agency" with
//!    no fuller form stands for the organisation that is the subject of a
//!    recent sentence ("Brightwater said on Monday …"); an acronym for the
//!    full name it was given for in brackets ("the Harbour Development
//!    Agency (HDA)"), else for the last name before it whose initials
//!    spell it ("Roads, Rails and Ports Norland" … "RRPN").
//!
//! Every step reads a bounded window or an index built once per article or
//! paragraph, so attribution is linear in the input (tests/hostile.rs).
//! Quotations are attributed as a stream (`attribute_pieces`): each is
//! given out once its speaker is final, and what is held for them is a few
//! bits a byte of input (`quotes::PieceSet`), the masked
//! paragraph and a window of some fifty quotations around the one being
//! attributed, so memory stays bounded by the input however many
//! quotations a paragraph holds (tests/memory.rs).
//!
//! # Files
//!
//! `lexicon.rs` (word lists), `names.rs` (tokeniser, word sets, name parts),
//! `registry.rs` (people and mentions), `sentences.rs` (masked paragraphs,
//! sentence bounds), `cues.rs` (cue patterns), `candidates.rs` (subjects and
//! bodies without a cue), `scoring.rs` (features, weights, the choice),
//! `coreference.rs` (mention → person), `summary.rs` (the speakers list);
//! this file runs the steps.

use std::cell::{Cell, OnceCell};
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

#[cfg(test)]
use regex::Regex;
use smallvec::SmallVec;

use crate::model::{Element, Quote, Speaker};
use crate::quotes::{Piece, PieceSet};
use crate::span::{Span, Spans};
use crate::text::fold;

mod candidates;
mod coreference;
mod cues;
mod lexicon;
mod names;
mod registry;
mod scoring;
mod sentences;
mod summary;

use candidates::*;
use coreference::*;
use cues::*;
use lexicon::*;
use names::*;
use registry::*;
use scoring::*;
use sentences::*;
pub(crate) use summary::Speakers;
use summary::*;

/// Why a quotation has the speaker it has, for `--explain`: the evidence
/// each step of [`attribute`] found for it, in the order the steps ran,
/// and which one decided.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuoteExplained {
    /// Index of the quotation in `Analysis::quotes`.
    pub quote: usize,
    /// The step that decided the speaker (one of [`Candidate::evidence`]'s
    /// values), or `"none"` when no step named anyone.
    pub rule: &'static str,
    /// Every candidate a step put forward.
    pub candidates: Vec<Candidate>,
}

/// One candidate speaker of a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The words that name the candidate, as written ("she", "the
    /// council leader", "Jane Doe").
    pub mention: String,
    /// Absolute byte offset of the mention, when it was read in the text
    /// (not for a speaker carried over from an earlier quotation).
    pub at: Option<usize>,
    /// The grammatical evidence: `"cue"` (a speech verb, "according to",
    /// a dash or a colon in or next to its sentence), `"cue-of-neighbour"`
    /// (the cue of another quotation of its sentence run),
    /// `"intro-paragraph"` (a paragraph before ending "… said:"),
    /// `"reported-speech"` (a paragraph that opens with a quotation and has
    /// no cue, after a paragraph of reported speech: its speaker),
    /// `"topic-since-last-quote"` (a quotation opening its paragraph: the
    /// person named in full as a subject since the last quotation's
    /// paragraph),
    /// `"continues-speaker"` (a paragraph that is only quotation, or a later
    /// quotation of a paragraph, continues the last speaker),
    /// `"sentence-subject"` (the subject of its sentence, no speech verb),
    /// `"same-quotation"` (a piece of a quotation that runs over
    /// paragraphs).
    pub evidence: &'static str,
    /// The cue word, if any ("said", "according to", "—").
    pub cue: Option<String>,
    /// The person the mention resolved to (canonical name), if any.
    pub resolved: Option<String>,
    /// True for the candidate whose speaker the quotation took.
    pub chosen: bool,
    /// The sum of the weights of `features`: the highest wins.
    pub score: i32,
    /// What the model weighed: the step's evidence first, then where the
    /// mention stands ("before-quote", "pronoun") and whether it names
    /// anyone ("names-no-one").
    pub features: Vec<&'static str>,
}

/// The one lexicon of the speakers' word lists (titles, roles, stop
/// words, given names, speech verbs, ...) that [`crate::tokens`] looks
/// words up in. Built on first use. For benchmarks and tools: the `real`
/// group of `benches/analyze.rs` tokenises the real articles with it, the
/// cost of the tokenised view of every text.
pub fn lexicon() -> &'static crate::tokens::Lexicon {
    &WORDS
}

/// Attribute every quote and build the speakers summary.
///
/// `context` are the spans of other text that names people (headline,
/// standfirst, captions): read for names and roles, in document order with
/// the paragraphs.
pub fn attribute(
    input: &str,
    paragraphs: &[Element],
    context: &[Span],
    quotes: &mut [Quote],
    speakers: &mut Vec<Speaker>,
) {
    attribute_explained(input, paragraphs, context, quotes, speakers, None);
}

/// [`attribute`], and when `explain` is given, one [`QuoteExplained`] per
/// quotation pushed onto it, in the order of `quotes` (which are in order,
/// each in the paragraph its `paragraph` names).
pub fn attribute_explained(
    input: &str,
    paragraphs: &[Element],
    context: &[Span],
    quotes: &mut [Quote],
    speakers: &mut Vec<Speaker>,
    explain: Option<&mut Vec<QuoteExplained>>,
) {
    let set = piece_set(input, quotes);
    let paragraphs = Spans::of(input.len(), paragraphs.iter().map(|p| p.span));
    let mut i = 0;
    let found = attribute_pieces(
        input,
        &Lf::default(),
        &paragraphs,
        context,
        &set,
        explain,
        &mut |q| {
            let slot = &mut quotes[i];
            slot.speaker = q.speaker;
            slot.speaker_mention = q.speaker_mention;
            slot.cue = q.cue;
            i += 1;
        },
    );
    speakers.extend(found.to_vec());
}

/// The pieces of `quotes` (quotations found in `input`), as
/// [`attribute_pieces`] reads them.
fn piece_set(input: &str, quotes: &[Quote]) -> PieceSet {
    let mut set = PieceSet::new(input.len());
    for (i, q) in quotes.iter().enumerate() {
        set.push(Piece {
            span: q.span,
            paragraph: q.paragraph.unwrap_or(0),
            closed: q.closed,
            runs_on: i > 0 && quotes[i - 1].quotation == q.quotation,
        });
    }
    set
}

/// Where the bytes of a text whose line ends were made LF (each CRLF made
/// LF, each lone CR made LF) stand in the input it was copied from: the
/// places of the dropped CRs, in both texts. Empty for a text read as it
/// is.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lf {
    /// Each dropped CR's place in the input, in order.
    dropped: Vec<usize>,
    /// Its place in the copy (`dropped[i] - i`: never decreasing).
    places: Vec<usize>,
}

impl Lf {
    /// `input` with LF line ends, and where its bytes stand (borrowed, and
    /// no places, when it has no CR).
    pub(crate) fn of(input: &str) -> (std::borrow::Cow<'_, str>, Lf) {
        if memchr::memchr(b'\r', input.as_bytes()).is_none() {
            return (std::borrow::Cow::Borrowed(input), Lf::default());
        }
        // One pass over the CRs: each before an LF is dropped (its position
        // kept, in input order), each lone one becomes an LF.
        let b = input.as_bytes();
        let mut dropped: Vec<usize> = Vec::new();
        let mut lf = String::with_capacity(input.len());
        let mut from = 0;
        for k in memchr::memchr_iter(b'\r', b) {
            lf.push_str(&input[from..k]);
            if b.get(k + 1) == Some(&b'\n') {
                dropped.push(k);
            } else {
                lf.push('\n');
            }
            from = k + 1;
        }
        lf.push_str(&input[from..]);
        let places = dropped.iter().enumerate().map(|(i, &k)| k - i).collect();
        (std::borrow::Cow::Owned(lf), Lf { dropped, places })
    }

    /// The place in the copy of input byte `pos`.
    pub(crate) fn to_lf(&self, pos: usize) -> usize {
        pos - self.dropped.partition_point(|&k| k < pos)
    }

    /// The input byte of the copy's byte `pos` (exact for every byte of a
    /// character; an end offset is the last byte's place plus one).
    pub(crate) fn to_input(&self, pos: usize) -> usize {
        pos + self.places.partition_point(|&k| k <= pos)
    }

    /// A span of the input in the copy.
    pub(crate) fn span_to_lf(&self, s: Span) -> Span {
        Span::new(self.to_lf(s.start), self.to_lf(s.end))
    }

    /// The input bytes `[from, to)` of the copy's span `s`.
    fn span_to_input(&self, s: Span) -> (usize, usize) {
        let from = self.to_input(s.start);
        let to = if s.is_empty() {
            from
        } else {
            self.to_input(s.end - 1) + 1
        };
        (from, to)
    }
}

/// How many quotations after a quotation of a paragraph with no cue of its
/// own it looks across for the nearest one with a cue, whose cue it shares
/// (else it takes the last one before it). With [`QUOTE_WINDOW`] this
/// bounds the quotations held at once: a paragraph of a hundred thousand
/// quotations holds some fifty.
const CUE_LOOKAHEAD: usize = 32;

/// The last quotation of a paragraph, as attributed: its paragraph, where
/// that paragraph ends, and whether it had a speaker (then, until the next
/// quotation is attributed, it is the last one [`Share`] holds, with that
/// speaker and its mention: they are not copied for the few paragraphs
/// that run a quotation on).
struct Before {
    paragraph: usize,
    paragraph_end: usize,
    spoken: bool,
}

/// A quotation of the paragraph being attributed: its span in the text
/// read and in the input, and its attribution once looked for.
struct Held {
    span: Span,
    orig: Span,
    closed: bool,
    quotation: usize,
    found: Option<Option<(Attribution, Option<usize>)>>,
}

/// Attribute the quotations of `pieces` (spans in the input; `text` is
/// the input with LF line ends, `lf` says where its bytes stand, and
/// `paragraphs` and `context` are spans in `text`), give each to `out` as
/// soon as its speaker is final, in order (its span in the input, its
/// `text` empty), and return the speakers summary. When `explain` is given,
/// one [`QuoteExplained`] per quotation is pushed onto it.
///
/// Nothing is held per quotation of the article, and per quotation of a
/// paragraph only a window of them: the masked paragraph, the quotations
/// [`QUOTE_WINDOW`] before and [`CUE_LOOKAHEAD`] plus [`QUOTE_WINDOW`]
/// after the one being attributed, and the pieces of one quotation that
/// runs over paragraphs while none of them has a speaker. A quotation's
/// attribution is looked for when it enters the look-ahead, with the
/// registry as it stands then (the paragraph's first quotations: as it
/// stood at the paragraph's start).
pub(crate) fn attribute_pieces(
    text: &str,
    lf: &Lf,
    paragraphs: &Spans,
    context: &[Span],
    pieces: &PieceSet,
    mut explain: Option<&mut Vec<QuoteExplained>>,
    out: &mut dyn FnMut(Quote),
) -> Speakers {
    let input = text;
    let first_note = explain.as_ref().map_or(0, |e| e.len());
    // Without `--explain` only the winner is read: a step whose best score
    // cannot beat a candidate already put forward is not taken (see
    // [`beaten`]).
    let prune = explain.is_none();
    if let Some(e) = explain.as_deref_mut() {
        e.extend((0..pieces.len()).map(|quote| QuoteExplained {
            quote,
            rule: "none",
            candidates: Vec::new(),
        }));
    }
    // Record a candidate for quotation `i`; `chosen` also sets the rule.
    let mut note = |i: usize, c: Candidate| {
        if let Some(e) = explain.as_deref_mut() {
            let n = &mut e[first_note + i];
            if c.chosen {
                n.rule = c.evidence;
            }
            n.candidates.push(c);
        }
    };
    // Speakers are only ever those of quotations: an article without any
    // (a report, a notice) needs no register of the people it names.
    if pieces.len() == 0 {
        return Speakers::default();
    }
    let cursor = pieces.cursor();
    let inside = |at: usize| cursor.inside(lf.to_input(at));
    let mut reg = gather(
        input,
        in_order(paragraphs, context),
        quotations_in(lf, pieces),
        &inside,
    );
    let mut role_phrases = RolePhrases::default();
    let orgs = Orgs {
        input,
        paragraphs,
        inside: &inside,
        mid_sentence: OnceCell::new(),
    };
    let mut last_speaker: Option<usize> = None;
    let mut last_mention: Option<String> = None;
    // The quotation before the paragraph's first, as attributed (before
    // the pieces of a quotation share their speaker).
    let mut before: Option<Before> = None;
    let mut quotation = 0usize;
    let mut index = 0usize;
    let mut share = Share::default();
    let mut tally = Tally::default();
    let mut held: VecDeque<Held> = VecDeque::new();
    // The tokens of the masked paragraph, read once for the cue and subject
    // rules of all its quotations (one buffer a thread, reused from article
    // to article).
    thread_local!(static TOKENS: Cell<crate::tokens::TokenBuf> = Cell::default());
    let mut para_tokens = TOKENS.take();
    // And the speech verbs those tokens hold, read once for the verb
    // look-ups of all its quotations ([`list_verbs`]).
    thread_local!(static VERBS: Cell<Vec<(u32, u32)>> = Cell::default());
    let mut para_verbs = VERBS.take();
    for (pi, p) in paragraphs.iter().enumerate() {
        let (from, to) = lf.span_to_input(p);
        let mut here = pieces.within(from, to).peekable();
        let Some(first) = here.peek().copied() else {
            continue;
        };
        let text = p.of(input);
        let base = p.start;
        // The paragraph before — or, when it opens with "He"/"She" (a
        // pronoun that itself refers further back), the one before that
        // too, up to three.
        let prev_start = pi.checked_sub(1).map_or(base, |mut k| {
            for _ in 0..2 {
                let t = paragraphs.at(k).of(input).trim_start();
                if k == 0 || !(t.starts_with("He ") || t.starts_with("She ")) {
                    break;
                }
                k -= 1;
            }
            paragraphs.at(k).start
        });
        let m = masked(
            text,
            base,
            pieces.within(from, to).map(|q| lf.span_to_lf(q.span)),
        );
        // From the sentence of its first quotation on (no rule reads the
        // words before it), to the end of the sentence after its last
        // (nor after that: a part read past it is scanned on its own).
        // (A paragraph with more than PARAGRAPH_TOKENS bytes there is read
        // a sentence at a time: the buffer stays bounded.)
        let at = sentence_start(&m, lf.span_to_lf(first.span).start - base);
        let last_end = pieces
            .within(from, to)
            .last()
            .map_or(m.len(), |q| lf.span_to_lf(q.span).end - base);
        let end = cue_reading_end(&m, last_end).max(at);
        let toks = (end - at <= PARAGRAPH_TOKENS)
            .then(|| para_tokens.fill(&m[at..end], &WORDS).ok())
            .flatten()
            .map(|t| {
                list_verbs(&m[at..end], t, &mut para_verbs);
                (t, &para_verbs[..], at, end - at)
            });
        // Attributions of the paragraph's quotations are looked for with
        // the last speaker as it stood at its start.
        let start_speaker = last_speaker;
        // Whether the paragraph before holds a quotation.
        let prev_quoted = pi > 0 && before.as_ref().is_some_and(|b| b.paragraph == pi - 1);
        // The speaker and mention of the piece of the same quotation in the
        // paragraph before, when this paragraph's first quotation runs on
        // from it.
        let prev_piece = before
            .as_ref()
            .filter(|b| b.spoken && first.runs_on && Some(b.paragraph) == pi.checked_sub(1))
            .and_then(|_| share.last())
            .and_then(|q| Some((q.speaker.clone()?, q.speaker_mention.clone())));
        // (After the paragraph of the last quotation: the words after a
        // quotation in its own paragraph do not change the subject.)
        let since = before.as_ref().map_or(0, |b| b.paragraph_end);
        // `held[0]` is quotation `lo` of the paragraph; `looked` of them
        // have had their attribution looked for.
        held.clear();
        let (mut lo, mut looked) = (0usize, 0usize);
        // The last quotation before the one being attributed that had a
        // cue of its own.
        let mut last_found: Option<(Attribution, Option<usize>)> = None;
        let mut k = 0usize;
        loop {
            // Hold the quotations up to k + CUE_LOOKAHEAD + QUOTE_WINDOW.
            while lo + held.len() <= k + CUE_LOOKAHEAD + QUOTE_WINDOW {
                let Some(q) = here.next() else {
                    break;
                };
                held.push_back(Held {
                    span: lf.span_to_lf(q.span),
                    orig: q.span,
                    closed: q.closed,
                    quotation: q.number(&mut quotation),
                    found: None,
                });
            }
            if k >= lo + held.len() {
                break;
            }
            let window = |held: &VecDeque<Held>, j: usize| {
                let lo_at = j
                    .checked_sub(QUOTE_WINDOW)
                    .map_or(0, |i| held[i - lo].span.end - base);
                let hi_at = held
                    .get(j + QUOTE_WINDOW - lo)
                    .map_or(m.len(), |q| q.span.start - base);
                (lo_at, hi_at.max(lo_at))
            };
            while looked < lo + held.len() && looked <= k + CUE_LOOKAHEAD {
                let (wlo, whi) = window(&held, looked);
                let span = held[looked - lo].span;
                let a = cue_of(
                    &reg,
                    input,
                    paragraphs,
                    &mut role_phrases,
                    &m,
                    (base, prev_start, start_speaker),
                    (wlo, whi),
                    span,
                    toks,
                );
                held[looked - lo].found = Some(a);
                looked += 1;
            }
            let q = &held[k - lo];
            let qspan = q.span;
            let own = q.found.as_ref().is_some_and(Option::is_some);
            // Quotes of one sentence-run share their speaker: fill gaps
            // from the nearest attributed quote in the paragraph, the next
            // one first.
            let cue = q.found.as_ref().and_then(Option::as_ref).or_else(|| {
                held.range(k + 1 - lo..looked - lo)
                    .find_map(|h| h.found.as_ref().and_then(Option::as_ref))
                    .or(last_found.as_ref())
            });
            let lead = text[..qspan.start - base].trim_start();
            let opens_paragraph = lead.chars().nth(2).is_none();
            // Gather: every step puts forward at most one candidate.
            let mut props: SmallVec<[Proposal; 4]> = SmallVec::new();
            if let Some((a, who)) = cue {
                props.push(cue_proposal(
                    &reg,
                    input,
                    paragraphs,
                    &mut role_phrases,
                    &orgs,
                    &m,
                    (base, prev_start, last_speaker),
                    (a, *who),
                    own,
                    qspan,
                    prune,
                ));
            }
            // A piece of a quotation that runs on from the paragraph
            // before (that piece left unclosed) is its speaker's.
            if let Some((speaker, mention)) = prev_piece.as_ref().filter(|_| k == 0) {
                props.push(Proposal::with_note(
                    !prune,
                    "same-quotation",
                    None,
                    mention.clone(),
                    Some(speaker.clone()),
                    None,
                    &[],
                ));
            }
            // "She said:" ending the paragraph before one that is only
            // quotation.
            let intro = (opens_paragraph && k == 0 && pi > 0 && !beaten(prune, &props, INTRO_BEST))
                .then(|| intro_proposal(&reg, input, paragraphs, pi, last_speaker))
                .flatten();
            let intro_found = intro.is_some();
            props.extend(intro);
            if opens_paragraph
                && k == 0
                && pi > 0
                && !prev_quoted
                && !intro_found
                && !beaten(prune, &props, REPORTED_BEST)
            {
                if let Some((id, mention)) = reported_speaker(&reg, input, &paragraphs.at(pi - 1)) {
                    // "Dana Roe, a welder, said cold cracks hoses. ¶
                    // 'Rubber just gives up.'": the speaker of the
                    // reported speech just before.
                    props.push(Proposal::with_note(
                        !prune,
                        "reported-speech",
                        None,
                        Some(mention),
                        Some(reg.canonical(id)),
                        Some(id),
                        &[],
                    ));
                }
            }
            // A quotation opening its paragraph, with someone else named
            // as the subject of a sentence since the last quotation: the
            // story has turned to that person ("…," Ola said. ¶ Ines Kowal
            // runs the shop now. ¶ "…").
            if opens_paragraph && k == 0 && !intro_found && !beaten(prune, &props, TOPIC_BEST) {
                if let Some(id) =
                    topic_since(&reg, since, qspan.start).filter(|&id| Some(id) != last_speaker)
                {
                    props.push(Proposal::with_note(
                        !prune,
                        "topic-since-last-quote",
                        None,
                        Some(reg.texts(id).next().map(str::to_string).unwrap_or_default()),
                        Some(reg.canonical(id)),
                        Some(id),
                        &[],
                    ));
                }
            }
            // No speech verb: the words belong to the subject of their
            // sentence ("Strand said Quist would make the port "a toll road"",
            // "He anticipated "dealing with …"").
            let (wlo, whi) = window(&held, k);
            if let Some((id, mention)) = (!beaten(prune, &props, SUBJECT_BEST))
                .then(|| {
                    sentence_subject(
                        &reg,
                        input,
                        &m[wlo..whi],
                        base + wlo,
                        qspan,
                        (prev_start, last_speaker),
                        toks.map(|(t, v, at, len)| {
                            Stretch::of_paragraph_to(&m[wlo..whi], wlo, at, t, len).with_verbs(v)
                        }),
                    )
                })
                .flatten()
                .filter(|(_, mention)| !mention.contains('_'))
            {
                // "a strike bulletin written by Ivo Marr": its sender.
                let (id, mention) = match m[wlo..whi]
                    .find(&mention)
                    .and_then(|i| document_author(&m, wlo + i, &mention))
                {
                    Some((name, at)) => {
                        let who = resolve(&reg, &name, base + at, base, prev_start, last_speaker);
                        (who, name)
                    }
                    None => (id, mention),
                };
                let speaker = id.map_or_else(|| mention.clone(), |id| reg.canonical(id));
                props.push(Proposal::with_note(
                    !prune,
                    "sentence-subject",
                    None,
                    Some(mention),
                    Some(speaker),
                    None,
                    &[],
                ));
            }
            // A paragraph that is only quotation, or a later quotation of a
            // paragraph, continues the last speaker.
            if let Some(id) = last_speaker {
                let opener = opens_paragraph && !intro_found;
                let best = if opener {
                    CONTINUES_BEST + OPENER
                } else {
                    CONTINUES_BEST
                };
                if (opener || k > 0) && !beaten(prune, &props, best) {
                    props.push(Proposal::with_note(
                        !prune,
                        "continues-speaker",
                        None,
                        last_mention.clone(),
                        Some(reg.canonical(id)),
                        None,
                        if opener { &["paragraph-opener"] } else { &[] },
                    ));
                }
            }
            let q = &mut held[k - lo];
            let mut out_q = Quote {
                text: String::new(),
                paragraph: Some(pi),
                span: qspan,
                speaker: None,
                speaker_mention: None,
                cue: None,
                quotation: q.quotation,
                closed: q.closed,
            };
            let orig = q.orig;
            // The person the chosen speaker names, when it is their
            // canonical name (the summary reads it from the registry).
            let mut person = None;
            // Score and choose: the highest score wins, the first gathered
            // on a tie.
            let mut best: Option<usize> = None;
            for (i, p) in props.iter().enumerate() {
                if best.is_none_or(|b| p.note.score > props[b].note.score) {
                    best = Some(i);
                }
            }
            if let Some(b) = best {
                let p = &mut props[b];
                // Without `--explain` the notes are dropped unread: the
                // winner's cue and speaker are moved out of its note, not
                // copied (two strings a quotation).
                let keep = |s: &mut Option<String>| {
                    if prune {
                        s.take()
                    } else {
                        s.clone()
                    }
                };
                out_q.cue = keep(&mut p.note.cue);
                let mention = p.mention.take();
                out_q.speaker = keep(&mut p.note.resolved);
                // "HDA" after "the Harbour Development Agency (HDA)".
                if let Some(full) = out_q
                    .speaker
                    .as_deref()
                    .and_then(|s| expand_acronym(input, qspan.start, s))
                {
                    out_q.speaker = Some(full);
                    if !prune {
                        p.note.resolved = out_q.speaker.clone();
                    }
                }
                p.note.chosen = out_q.speaker.is_some();
                person = p
                    .person
                    .filter(|&id| out_q.speaker.as_deref() == Some(reg.name(id)));
                if let Some(id) = p.person {
                    last_speaker = Some(id);
                    // (Copied only when it changes: most quotations of a
                    // speaker in a row name them alike.)
                    if last_mention != mention {
                        last_mention.clone_from(&mention);
                    }
                    if let Some(gender) = p.pronoun_gender {
                        if reg.people[id].gender.is_none() {
                            reg.people[id].gender = gender;
                        }
                    }
                }
                out_q.speaker_mention = mention;
            }
            for p in props {
                note(index, p.note);
            }
            // Its own cue is now the last one before the next quotation.
            if own {
                last_found = q.found.take().flatten();
            }
            if k + 1 == lo + held.len() {
                before = Some(Before {
                    paragraph: pi,
                    paragraph_end: p.end,
                    spoken: out_q.speaker.is_some(),
                });
            }
            let reg = &reg;
            share.push(
                index,
                (out_q, orig, person),
                &mut |i, c| note(i, c),
                &mut |q, orig, person| {
                    tally.add(input, reg, &q, person);
                    out(Quote { span: orig, ..q })
                },
            );
            index += 1;
            k += 1;
            // The quotations before k - QUOTE_WINDOW are no longer read.
            while lo + QUOTE_WINDOW < k && !held.is_empty() {
                held.pop_front();
                lo += 1;
            }
        }
    }
    TOKENS.set(para_tokens);
    VERBS.set(para_verbs);
    share.finish(&mut |q, orig, person| {
        tally.add(input, &reg, &q, person);
        out(Quote { span: orig, ..q })
    });
    // The summary reads the people alone: the indexes go first.
    reg.drop_indexes();
    tally.finish(&reg)
}

/// What the register ([`gather`]) reads of the quotations: for each block
/// (a span of the copy `lf` describes), the spans of its bytes inside the
/// `pieces` (from the block's start, in order), or `false` and none when
/// it holds more than [`LISTED_QUOTATIONS`] (a list of them all took 16
/// bytes a quotation). The register reads the blocks in order: the pieces
/// are walked forward with them, where each name once asked whether it
/// stood inside one (and walked from the start again should a block start
/// before the last one's end).
fn quotations_in<'a>(
    lf: &'a Lf,
    pieces: &'a PieceSet,
) -> impl FnMut(Span, &mut Vec<Span>) -> bool + 'a {
    let mut ahead = pieces.within(0, usize::MAX).peekable();
    // (The end of the last block: no piece that ends past it was passed.)
    let mut walked = 0;
    move |p, out| {
        let (from, to) = lf.span_to_input(p);
        if from < walked {
            ahead = pieces.within(0, usize::MAX).peekable();
        }
        walked = to;
        while ahead.next_if(|q| q.span.end <= from).is_some() {}
        let mut listed = true;
        while let Some(q) = ahead.peek() {
            if q.span.start >= to {
                break;
            }
            let s = lf.span_to_lf(q.span);
            let (start, end) = (s.start.max(p.start), s.end.min(p.end));
            if start < end && listed {
                listed = out.len() < LISTED_QUOTATIONS;
                out.push(Span::new(start - p.start, end - p.start));
            }
            // (A piece that runs past the block is read again with the
            // next.)
            if q.span.end > to {
                break;
            }
            ahead.next();
        }
        if !listed {
            out.clear();
        }
        listed
    }
}

/// The most quotations of a block listed for the register: a block with
/// more is asked byte by byte.
const LISTED_QUOTATIONS: usize = 64;

/// The best scores the steps after the cue can reach ([`WEIGHTS`]; every
/// extra feature they may carry weighs nothing or less, but the
/// paragraph opener's).
const INTRO_BEST: i32 = 80;
const REPORTED_BEST: i32 = 70;
const TOPIC_BEST: i32 = 65;
const SUBJECT_BEST: i32 = 50;
const CONTINUES_BEST: i32 = 40;
const OPENER: i32 = 20;

/// Whether a step whose candidates score at most `best` cannot change the
/// choice: when pruning (no `--explain` to record every candidate) and a
/// candidate already put forward scores `best` or more. The highest score
/// wins and the first gathered on a tie, so a later candidate scoring no
/// more than an earlier one never wins: a cue of the quotation's own
/// sentence (100) spares the rest of the steps their reading.
fn beaten(prune: bool, props: &[Proposal], best: i32) -> bool {
    prune && props.iter().any(|p| p.note.score >= best)
}

/// The paragraphs and the context spans in one sorted sequence, for
/// [`gather`]: the paragraphs come in document order, so only the context
/// (a headline, a few captions) is copied and sorted, and the two are
/// merged, where a sorted copy of all of them took 16 bytes a paragraph
/// while the registry is built. (Paragraphs out of order are copied and
/// sorted with the rest.)
fn in_order<'s>(paragraphs: &'s Spans, context: &[Span]) -> Box<dyn Iterator<Item = Span> + 's> {
    if !paragraphs.iter().is_sorted() {
        let mut all: Vec<Span> = paragraphs.iter().chain(context.iter().copied()).collect();
        all.sort();
        return Box::new(all.into_iter());
    }
    let mut rest: Vec<Span> = context.to_vec();
    rest.sort();
    let mut rest = rest.into_iter().peekable();
    let mut ps = paragraphs.iter().peekable();
    Box::new(std::iter::from_fn(move || match (ps.peek(), rest.peek()) {
        (Some(p), Some(c)) if c < p => rest.next(),
        (Some(_), _) => ps.next(),
        (None, _) => rest.next(),
    }))
}

/// The tokens of a masked paragraph from byte `at` on, the speech verbs
/// they hold ([`list_verbs`]), `at`, and how many bytes were read.
type ParaTokens<'t> = (&'t [crate::tokens::Token], &'t [(u32, u32)], usize, usize);

/// The cue of a quotation at `quote` (span in the text) and the person its
/// mention resolves to, found in the masked paragraph `m` (at `base`)
/// within the window `[lo, hi)`.
#[allow(clippy::too_many_arguments)]
fn cue_of(
    reg: &Registry,
    input: &str,
    paragraphs: &Spans,
    role_phrases: &mut RolePhrases,
    m: &str,
    (base, prev_start, last_speaker): (usize, usize, Option<usize>),
    (lo, hi): (usize, usize),
    quote: Span,
    toks: Option<ParaTokens<'_>>,
) -> Option<(Attribution, Option<usize>)> {
    let (qs, qe) = (quote.start - base - lo, quote.end - base - lo);
    let known = |w: &str| knows(reg, w);
    let found = match toks {
        Some((t, v, at, len)) => attribution_with(
            &m[lo..hi],
            qs,
            qe,
            &known,
            Stretch::of_paragraph_to(&m[lo..hi], lo, at, t, len).with_verbs(v),
        ),
        None => attribution_for(&m[lo..hi], qs, qe, &known),
    };
    found
        .map(|a| Attribution { at: a.at + lo, ..a })
        .map(|a| {
            match may_own_body(m, a.at, &a.who)
                .then(|| owned_body_after(m, a.at, &a.who))
                .flatten()
            {
                Some(body) => Attribution { who: body, ..a },
                None => a,
            }
        })
        .map(|a| participle_subject(m, &a).unwrap_or(a))
        .map(|a| main_clause_subject(m, &a).unwrap_or(a))
        .map(|a| match document_author(m, a.at, &a.who) {
            Some((who, at)) => Attribution { who, at, ..a },
            None => a,
        })
        .map(|a| match issuing_body(m, &a) {
            Some(body) => Attribution { who: body, ..a },
            None => a,
        })
        .map(|a| match named_document_issuer(&a.who) {
            Some(len) => Attribution {
                who: a.who[..len].to_string(),
                ..a
            },
            None => a,
        })
        // Never a phrase that runs into a masked quotation.
        .filter(|a| !a.who.contains('_'))
        .map(Attribution::folded)
        .map(|a| {
            let at = base + a.at;
            // ("The Quay Courier", "Harbour Trust": a body's
            // name, never the person a body may be named after.)
            let body = a.who.split_whitespace().nth(1).is_some()
                && a.who
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
                && a.who.split_whitespace().last().is_some_and(is_org_head);
            let who = (!body)
                .then(|| resolve(reg, &a.who, at, base, prev_start, last_speaker))
                .flatten()
                .or_else(|| {
                    // "the shipping tycoon", "the party front-runner":
                    // a description of someone already in the story.
                    // (Its fuller form may be such a description
                    // too: "the mayor" after "the returning mayor".)
                    let fuller = role_phrases.fuller(input, paragraphs, &a.who, at);
                    is_epithet(fuller.unwrap_or(&a.who))
                        .then(|| antecedent(reg, None, at, base, prev_start, last_speaker))
                        .flatten()
                });
            (
                Attribution {
                    at: base + a.at,
                    ..a
                },
                who,
            )
        })
        .filter(|(a, who)| {
            !a.weak
                || who.is_some()
                || PRONOUNS.contains(&Key::new(&a.who).as_str())
                || is_possessive_body(&a.who)
        })
}

/// Can [`owned_body_after`] find a body owned by the phrase `who` at byte
/// `at` of `m` ("Ola Brenn's office")? Not when "'s" (or "’s") stands
/// neither in the phrase nor just after it: the body it finds is a
/// possessive ([`is_possessive_body`]), and the words it reads after the
/// phrase (white space, small words of `[a-z-]`, a body noun) hold no
/// apostrophe. Most cues name no owner ("Ola Brenn said"), and this
/// spares them three walks of the body nouns.
pub(super) fn may_own_body(m: &str, at: usize, who: &str) -> bool {
    let b = m.as_bytes();
    // The phrase and the four bytes of a "’s" after it.
    let end = at.saturating_add(who.len()).saturating_add(4).min(b.len());
    let w = b.get(at..end).unwrap_or(&[]);
    w.windows(2).any(|x| x == b"'s") || w.windows(4).any(|x| x == "\u{2019}s".as_bytes())
}

/// The pieces of one quotation that runs over paragraphs share a speaker:
/// a piece without one takes that of the piece before it, else of the
/// first piece after it that has one. A quotation is given out once
/// final: the last one is held (the next piece may take its speaker), and
/// so are the pieces of its quotation while none has a speaker.
#[derive(Default)]
struct Share {
    /// Quotations not yet given out, each with its index, input span and
    /// the registry's person its speaker names ([`Tally::add`]): all of
    /// one quotation, all but the last without a speaker.
    queue: VecDeque<(usize, Quote, Span, Option<usize>)>,
}

impl Share {
    /// The quotation given last, while held (until the next is given).
    fn last(&self) -> Option<&Quote> {
        self.queue.back().map(|(_, q, _, _)| q)
    }

    fn push(
        &mut self,
        i: usize,
        (mut q, orig, mut person): (Quote, Span, Option<usize>),
        note: &mut dyn FnMut(usize, Candidate),
        out: &mut dyn FnMut(Quote, Span, Option<usize>),
    ) {
        let same = self
            .queue
            .back()
            .is_some_and(|(_, b, _, _)| b.quotation == q.quotation);
        if same {
            let (_, b, _, by) = self.queue.back().expect("same quotation");
            if q.speaker.is_none() && b.speaker.is_some() {
                q.speaker = b.speaker.clone();
                q.speaker_mention = b.speaker_mention.clone();
                q.cue = b.cue.clone();
                person = *by;
                note(i, same_quotation(&q));
            }
            if q.speaker.is_some() {
                for (j, w, _, by) in self.queue.iter_mut().rev() {
                    if w.speaker.is_some() {
                        break;
                    }
                    w.speaker = q.speaker.clone();
                    w.speaker_mention = q.speaker_mention.clone();
                    w.cue = q.cue.clone();
                    *by = person;
                    note(*j, same_quotation(w));
                }
            }
        }
        if !same || q.speaker.is_some() {
            self.finish(out);
        }
        self.queue.push_back((i, q, orig, person));
    }

    /// Give out every quotation held.
    fn finish(&mut self, out: &mut dyn FnMut(Quote, Span, Option<usize>)) {
        for (_, q, orig, person) in self.queue.drain(..) {
            out(q, orig, person);
        }
    }
}

/// How many quotations either side of a quotation its attribution may
/// look across. With [`WINDOW`] this bounds the text read for each
/// quotation: a run of thousands of short quotations in one sentence
/// (never prose) costs a constant per quotation, not 400 bytes.
const QUOTE_WINDOW: usize = 8;

/// The longest rest of a masked paragraph (from its first quotation's
/// sentence) whose tokens are read once for all its quotations (at most
/// 12 bytes of tokens a byte: 192 KiB); a longer one is read a sentence at
/// a time, around each quotation.
const PARAGRAPH_TOKENS: usize = 16 * 1024;

/// "The Harbour Board statement", "the Coastal League's letter": a
/// document named after the body that issued it speaks for that body. The
/// length of the phrase without the document noun (and a possessive), when
/// the words between the article and the noun are all capitalised.
fn named_document_issuer(who: &str) -> Option<usize> {
    let (head, noun) = who.rsplit_once(' ')?;
    let (article, name) = head.split_once(' ')?;
    let name_words = name.split(' ');
    // ("The Harbour Post" is a newspaper: the noun must be lower-case.)
    (noun.starts_with(|c: char| c.is_lowercase())
        && DOCUMENTS.contains(&Key::new(noun).as_str())
        && matches!(Key::new(article).as_str(), "the" | "a" | "an")
        && name_words
            .clone()
            .all(|w| w.starts_with(|c: char| c.is_uppercase())))
    .then(|| {
        let name = strip_possessive(name);
        article.len() + 1 + name.len()
    })
}

/// The speaker of the reported speech in paragraph `prev`, which holds no
/// quotation: the subject named before the first speech verb of the
/// sentence that holds it ("Dana Roe, a welder, said cold cracks hoses"),
/// with the mention as written. `None` when no one is named there (a
/// pronoun: the last speaker is then the better guess).
fn reported_speaker(reg: &Registry, input: &str, prev: &Span) -> Option<(usize, String)> {
    let pt = prev.of(input);
    let ms = &reg.mentions;
    let speaks = |x: &&Mention| x.subject() && !x.oblique();
    // (The one found is a subject in the paragraph: where it has none, its
    // verbs need not be read.)
    let lo = ms.partition_point(|x| x.start() < prev.start);
    let hi = ms.partition_point(|x| x.start() < prev.end);
    ms[lo..hi].iter().find(speaks)?;
    let v = verbs(pt).next()?;
    let from = prev.start + sentence_start(pt, v.start());
    let to = prev.start + v.start();
    let lo = ms.partition_point(|x| x.start() < from);
    let hi = ms.partition_point(|x| x.start() < to);
    ms[lo..hi]
        .iter()
        .find(speaks)
        .map(|x| (x.person(), fold(&input[x.start()..x.end()])))
}

/// The person named last by full name as the subject of a sentence in
/// `[from, to)` (at most [`MENTION_WINDOW`] mentions back from `to`).
fn topic_since(reg: &Registry, from: usize, to: usize) -> Option<usize> {
    let ms = &reg.mentions;
    let hi = ms.partition_point(|m| m.start() < to);
    ms[..hi]
        .iter()
        .rev()
        .take(MENTION_WINDOW)
        .take_while(|m| m.start() >= from)
        .find(|m| {
            let p = &reg.people[m.person()];
            m.subject() && !m.oblique() && p.count >= 2 && p.gender.is_some()
        })
        .map(|m| m.person())
}

/// The candidate of a piece of a quotation that took its speaker from
/// another piece of the same quotation.
fn same_quotation(q: &Quote) -> Candidate {
    Candidate {
        mention: q.speaker_mention.clone().unwrap_or_default(),
        at: None,
        evidence: "same-quotation",
        cue: q.cue.clone(),
        resolved: q.speaker.clone(),
        chosen: true,
        score: 0,
        features: vec!["same-quotation"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The public lexicon is the rules' one: tokens of a text scanned with
    /// it carry the speech-verb and title bits the cue rules test.
    #[test]
    fn the_public_lexicon_is_the_rules_lexicon() {
        let mut buf = crate::tokens::TokenBuf::new();
        let text = "Mayor Ola Venn said the plan would wait.";
        let tokens = buf.fill(text, lexicon()).expect("a short text");
        let lists = |w: &str| {
            let t = tokens.iter().find(|t| t.of(text) == w).expect("the word");
            lexicon().lists(t.word)
        };
        assert!(lists("said").any(list::SPEECH_VERB));
        assert!(lists("Mayor").any(list::TITLE));
        assert!(!lists("plan").any(list::SPEECH_VERB | list::TITLE));
        assert!(std::ptr::eq(lexicon(), &*WORDS));
    }

    proptest::proptest! {
        /// The spans the register is given for each block are its bytes
        /// inside a piece, as the byte at a time test says: CRLF and lone CR
        /// line ends, pieces that meet or run over blocks, as a list of
        /// pieces or as bits, blocks in order or not, overlapping or not.
        #[test]
        fn the_quotations_of_a_block_are_its_bytes_inside_a_piece(
            input in crate::testing::joined(vec!["ab", "\r\n", "\r", "\n", "é", " "], 0..40),
            cuts in proptest::collection::vec(0usize..100, 0..40),
            blocks in proptest::collection::vec((0usize..100, 0usize..40), 1..6),
            sorted in proptest::bool::ANY,
        ) {
            use crate::testing::{char_floor, spans_between};
            let (text, lf) = Lf::of(&input);
            let mut pieces = PieceSet::new(input.len());
            for span in spans_between(&input, cuts) {
                pieces.push(Piece {
                    span,
                    paragraph: 0,
                    closed: true,
                    runs_on: false,
                });
            }
            let mut blocks: Vec<Span> = blocks
                .into_iter()
                .map(|(at, len)| {
                    let at = char_floor(&text, at);
                    Span::new(at, char_floor(&text, at + len))
                })
                .collect();
            if sorted {
                blocks.sort();
            }
            let cursor = pieces.cursor();
            let mut quotations = quotations_in(&lf, &pieces);
            for p in blocks {
                let mut got = Vec::new();
                let listed = quotations(p, &mut got);
                proptest::prop_assert!(listed || got.is_empty());
                let mut want: Vec<Span> = Vec::new();
                for at in p.start..p.end {
                    if !cursor.inside(lf.to_input(at)) {
                        continue;
                    }
                    let at = at - p.start;
                    match want.last_mut() {
                        Some(s) if s.end == at => s.end += 1,
                        _ => want.push(Span::new(at, at + 1)),
                    }
                }
                // (Pieces that meet are one span or two.)
                let mut joined: Vec<Span> = Vec::new();
                for s in got {
                    match joined.last_mut() {
                        Some(j) if j.end == s.start => j.end = s.end,
                        _ => joined.push(s),
                    }
                }
                if listed {
                    proptest::prop_assert_eq!(joined, want, "{:?} {:?}", text, p);
                } else {
                    proptest::prop_assert!(want.len() > LISTED_QUOTATIONS);
                }
            }
        }
    }

    /// The pieces of a quotation that runs over paragraphs wait for the
    /// first one with a speaker, take it, and are given out in order; a
    /// piece after one with a speaker takes it at once; another quotation
    /// gives out what waits.
    #[test]
    fn pieces_of_one_quotation_share_the_speaker_as_they_stream() {
        let piece = |quotation: usize, speaker: Option<&str>| Quote {
            text: String::new(),
            paragraph: Some(quotation),
            span: Span::new(0, 1),
            speaker: speaker.map(str::to_string),
            speaker_mention: speaker.map(str::to_string),
            cue: speaker.map(|_| "said".to_string()),
            quotation,
            closed: false,
        };
        let mut share = Share::default();
        let mut given: Vec<(Option<String>, usize)> = Vec::new();
        let mut notes = Vec::new();
        let input = [
            piece(0, None),
            piece(0, None),
            piece(0, Some("Ann Lee")),
            piece(0, None),
            piece(1, None),
        ];
        for (i, q) in input.into_iter().enumerate() {
            share.push(
                i,
                (q, Span::new(i, i + 1), None),
                &mut |i, _| notes.push(i),
                &mut |q, s, _| given.push((q.speaker, s.start)),
            );
            // Nothing of quotation 0 is given out before its speaker is
            // known; then all of it but the last piece (the next may
            // take its speaker).
            let want = [0, 0, 2, 3, 4][i];
            assert_eq!(given.len(), want, "after piece {i}");
        }
        share.finish(&mut |q, s, _| given.push((q.speaker, s.start)));
        let ann = Some("Ann Lee".to_string());
        assert_eq!(
            given,
            [
                (ann.clone(), 0),
                (ann.clone(), 1),
                (ann.clone(), 2),
                (ann, 3),
                (None, 4)
            ]
        );
        notes.sort();
        assert_eq!(notes, [0, 1, 3]);
    }

    #[test]
    fn a_document_speaks_for_the_body_it_is_named_after() {
        fn issuer(w: &str) -> Option<&str> {
            named_document_issuer(w).map(|n| &w[..n])
        }
        assert_eq!(
            issuer("The Harbour Board statement"),
            Some("The Harbour Board")
        );
        assert_eq!(
            issuer("the Coastal League's letter"),
            Some("the Coastal League")
        );
        assert_eq!(issuer("the statement"), None);
        assert_eq!(issuer("the new statement"), None);
        assert_eq!(issuer("The Harbour Board"), None);
        assert_eq!(issuer("The Harbour Post"), None);
    }

    #[test]
    fn initials_alone_are_no_name() {
        assert!(!plausible_name(&["S."]));
        assert!(!plausible_name(&["N.S."]));
        assert!(!plausible_name(&["N.", "S."]));
        assert!(plausible_name(&["Nell", "Quist"]));
        assert!(plausible_name(&["T.J.", "Quist"]));
    }

    #[test]
    fn a_common_word_is_a_surname_after_a_known_first_name() {
        assert!(plausible_name(&["Ruth", "May"]));
        assert!(plausible_name(&["Tom", "Will"]));
        assert!(!plausible_name(&["May"]));
        assert!(!plausible_name(&["Quist", "May"]));
        assert!(!plausible_name(&["May", "Ruth"]));
    }

    #[test]
    fn a_first_name_shares_the_surname_it_is_joined_to() {
        assert_eq!(
            shared_surname(" and Arlo Quist received a letter.", "Nell"),
            Some("Quist")
        );
        // Not the subject of a clause: a list, or the end of a sentence.
        assert_eq!(shared_surname(" and Arlo Quist.", "Nell"), None);
        assert_eq!(shared_surname(" and Arlo Quist, who", "Nell"), None);
        assert_eq!(shared_surname(" or Arlo Quist said", "Nell"), None);
        assert_eq!(shared_surname(" and Arlo's Quist said", "Nell"), None);
    }

    #[test]
    fn step_bounds_are_the_weights() {
        use scoring::weight;
        assert_eq!(INTRO_BEST, weight("intro-paragraph"));
        assert_eq!(REPORTED_BEST, weight("reported-speech"));
        assert_eq!(TOPIC_BEST, weight("topic-since-last-quote"));
        assert_eq!(SUBJECT_BEST, weight("sentence-subject"));
        assert_eq!(CONTINUES_BEST, weight("continues-speaker"));
        assert_eq!(OPENER, weight("paragraph-opener"));
        // The extra features a step may add weigh nothing or less.
        for f in ["before-quote", "after-quote", "pronoun", "names-no-one"] {
            assert!(weight(f) <= 0, "{f}");
        }
        let p = |score| Proposal {
            note: Candidate {
                mention: String::new(),
                at: None,
                evidence: "cue",
                cue: None,
                resolved: None,
                chosen: false,
                score,
                features: Vec::new(),
            },
            mention: None,
            person: None,
            pronoun_gender: None,
        };
        assert!(beaten(true, &[p(40), p(100)], 80));
        assert!(beaten(true, &[p(80)], 80));
        assert!(!beaten(true, &[p(79), p(-10)], 80));
        assert!(!beaten(true, &[], 0));
        assert!(!beaten(false, &[p(100)], 50));
    }

    /// Pruning the steps that cannot win (without `--explain`) chooses
    /// what taking every step (with it) chooses, on every fixture.
    /// Wherever `owned_body_after` finds a body, `may_own_body` lets it
    /// look (it never rules out one that is there).
    #[test]
    fn a_body_is_looked_for_only_after_a_possessive() {
        let m = "Ola Brenn's office said";
        assert!(owned_body_after(m, 0, &m[..9]).is_some());
        assert!(may_own_body(m, 0, &m[..9]));
        assert!(!may_own_body("Ola Brenn said", 0, "Ola Brenn"));
        assert!(may_own_body(
            "Ola Brenn\u{2019}s campaign team said",
            0,
            "Ola Brenn"
        ));
        proptest::proptest!(|(m in crate::testing::joined(
            vec!["Ola", " Brenn", "'s", "\u{2019}s", "'", "\u{2019}", "s", " ", "\u{a0}", " office",
                 " the", " new", " campaign", " team", " said", "x", "é"],
            0..10,
        ))| {
            for at in (0..=m.len()).filter(|&i| m.is_char_boundary(i)) {
                for end in (at..=m.len()).filter(|&i| m.is_char_boundary(i)) {
                    let who = &m[at..end];
                    if owned_body_after(&m, at, who).is_some() {
                        proptest::prop_assert!(may_own_body(&m, at, who), "{:?} at {}", m, at);
                    }
                }
            }
        });
    }

    #[test]
    fn pruned_steps_choose_as_all_steps_do() {
        let mut quotes = 0;
        for (path, text) in crate::testing::fixture_texts() {
            let pruned = crate::analyze(&text);
            let (all, _, reasons) = crate::analyze_with_reasons(&text);
            assert_eq!(pruned.quotes, all.quotes, "{}", path.display());
            assert_eq!(pruned.speakers, all.speakers, "{}", path.display());
            quotes += reasons.len();
        }
        assert!(quotes > 100, "{quotes} quotations");
    }

    #[test]
    fn explained_quotations_name_their_candidates() {
        let text = "Council approves bridge plan\n\nBy Jane Doe\n\n\
                    Mayor Lena Fisk spoke on Monday. \u{201c}We will build it,\u{201d} Fisk said.\n\n\
                    \u{201c}It will take two years.\u{201d}\n\n\
                    Nobody else spoke about the \u{201c}bridge tax\u{201d} then.\n";
        let (a, _, reasons) = crate::analyze_with_reasons(text);
        assert_eq!(a.quotes.len(), 3, "{:?}", a.quotes);
        assert_eq!(reasons.len(), 3);
        assert_eq!(
            reasons.iter().map(|r| r.quote).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert_eq!(reasons[0].rule, "cue");
        let won: Vec<&Candidate> = reasons[0].candidates.iter().filter(|c| c.chosen).collect();
        assert_eq!(won.len(), 1);
        assert_eq!(won[0].mention, "Fisk");
        assert_eq!(won[0].resolved.as_deref(), Some("Lena Fisk"));
        assert_eq!(won[0].cue.as_deref(), Some("said"));
        let at = won[0].at.unwrap();
        assert_eq!(&text[at..at + 4], "Fisk");
        assert_eq!(reasons[1].rule, "continues-speaker");
        assert_eq!(a.quotes[1].speaker.as_deref(), Some("Lena Fisk"));
        // The rule names the step that gave the speaker the output shows.
        for (r, q) in reasons.iter().zip(&a.quotes) {
            let chosen = r.candidates.iter().rfind(|c| c.chosen);
            assert_eq!(
                chosen.and_then(|c| c.resolved.clone()),
                q.speaker.clone(),
                "{r:?}"
            );
        }
        // Without explaining, the analysis is the same.
        assert_eq!(crate::analyze(text), a);
    }

    use super::cues::who;

    /// The verbs are words of letters, one or two joined by a space, as
    /// `verb_at` reads them.
    #[test]
    fn verbs_are_one_or_two_words() {
        for v in VERBS.split('|') {
            let words: Vec<&str> = v.split(' ').collect();
            assert!(words.len() <= 2, "{v}");
            assert!(
                words
                    .iter()
                    .all(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_lowercase())),
                "{v}"
            );
        }
    }

    #[test]
    fn honorifics_are_titles() {
        // parse_run's is_title relies on it.
        for (h, _) in HONORIFICS {
            assert!(TITLES.contains(h), "{h}");
        }
    }

    #[test]
    fn word_list_lookups_match_a_scan() {
        for w in [
            "Senator",
            "PRIME",
            "u.s.",
            "Mr.",
            "\"The",
            "Zoë",
            "co-founder",
            "K\u{212a}",
            "",
        ] {
            let key = lower_key(w);
            assert_eq!(
                has_key(&NOT_NAME_WORDS, w),
                TITLES.contains(&key.as_str())
                    || ROLE_NOUNS.contains(&key.as_str())
                    || STOP.contains(&key.as_str()),
                "{w}"
            );
        }
    }

    #[test]
    fn multibyte_white_space_before_a_stop() {
        // Found by the property tests: a no-break space before "A." once
        // sliced inside a char.
        let m = "\u{201c}___________________'' A\u{a0}A. B";
        assert_eq!(last_word(m, m.len() - 3), "A");
        let _ = sentence_start(m, m.len());
    }

    #[test]
    fn attribution_patterns() {
        assert_eq!(
            who("\"Yes,\" Jane Doe said.", "Yes").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            who("\"Yes,\" said Jane Doe.", "Yes").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            who("Jane Doe said: \"Yes.\"", "Yes.").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            who("\"Yes.\" — Ayesha Karim, 41, nurse", "Yes.").as_deref(),
            Some("Ayesha Karim")
        );
        assert_eq!(
            who(
                "Its director, Jane Doe, said the plan was \"late\".",
                "late"
            )
            .as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            who("\"Yes,\" the Harbour Master told the panel.", "Yes").as_deref(),
            Some("the Harbour Master")
        );
        assert_eq!(
            who("According to Jane Doe, \"it is late\".", "it is late").as_deref(),
            Some("Jane Doe")
        );
    }

    use crate::testing::speakers;

    #[test]
    fn the_company_stands_for_the_organisation_that_was_the_subject() {
        let text = "Ferry fares rise\n\nBy Ann Lee\n\n\
                    Brightwater said on Monday that fares on the island routes would rise in spring. \
                    Officials at the port had expected a smaller rise from Brightwater this year.\n\n\
                    \u{201c}Fuel has doubled,\u{201d} the company said in a statement.\n\n\
                    The new timetable will be posted at every pier on the island next week.\n";
        assert_eq!(speakers(text), [Some("Brightwater".to_string())]);
        // A capitalised word opening a sentence inside a quotation, or one
        // the article never writes mid-sentence, is no organisation.
        let text = "Ferry fares rise\n\nBy Ann Lee\n\n\
                    Posters read \u{201c}Low fares. Same boats.\u{201d} across the harbour this week.\n\n\
                    Later the company said fares had saved riders \u{201c}a fortune\u{201d} this year.\n";
        assert_eq!(speakers(text), [None, Some("the company".to_string())]);
    }

    #[test]
    fn a_shared_surname_goes_to_the_holder_named_most_often() {
        let text = "Quist quits the race\n\nBy Ann Lee\n\n\
                    Tom Quist left the race for governor on Saturday after a poor result in the north.\n\n\
                    Mr. Quist had led the polls in the spring. Mr. Quist then lost two debates.\n\n\
                    The family of Tom Quist has run the state before: his brother Arlo Quist served two terms.\n\n\
                    \u{201c}I gave it everything I had,\u{201d} Mr. Quist said on Saturday night.\n\n\
                    The state party will meet on Monday to plan the rest of the campaign season.\n";
        assert_eq!(speakers(text), [Some("Tom Quist".to_string())]);
    }

    #[test]
    fn a_given_name_borne_by_men_and_women_carries_no_gender() {
        let text = "Clinic hours cut\n\nBy Ann Lee\n\n\
                    Mara Olsen, who runs the clinic, announced the cut on Monday.\n\n\
                    Lee Brant, a nurse at the clinic, told the board she has no plan for the summer. \
                    \u{201c}We will keep going,\u{201d} she said.\n\n\
                    The clinic will open on three days a week from March.\n";
        assert_eq!(speakers(text), [Some("Lee Brant".to_string())]);
        assert_eq!(first_name_gender("Lee"), None);
        assert_eq!(first_name_gender("Sam"), None);
    }

    #[test]
    fn a_role_is_its_head_not_the_noun_of_its_prepositional_phrase() {
        // "a spokeswoman for the council" holds no role "council".
        let text = "Bridge tolls rise\n\nBy Ann Lee\n\n\
                    Ola Brenn, a spokeswoman for the harbour council, confirmed the rise on Monday.\n\n\
                    \u{201c}The bridge needs repairs,\u{201d} the council said in a note to residents.\n\n\
                    Tolls will rise by a fifth from the first of May for every car and lorry.\n";
        assert_eq!(speakers(text), [Some("the harbour council".to_string())]);
    }

    #[test]
    fn a_body_described_before_its_name_is_named_by_its_name() {
        let text = "Ferry fares rise\n\nBy Ann Lee\n\n\
                    The Velin rowing club Oar Guild said its head coach would retire in June. \
                    A note said the club owed him \u{201c}every trophy on the shelf\u{201d} since 1990.\n\n\
                    Fares have not risen on the island routes for six years.\n";
        assert_eq!(speakers(text), [Some("Oar Guild".to_string())]);
    }

    #[test]
    fn a_quotation_after_the_story_turns_to_someone_else_is_theirs() {
        let text = "Shipyard shifts change\n\nBy Ann Lee\n\n\
                    Tom Holm, the yard manager, spoke on Monday. \u{201c}We learned a lot this year,\u{201d} Holm said.\n\n\
                    Mary Berg, a welder at the yard, now runs the night shift alone. She has worked there for nine years.\n\n\
                    \u{201c}Nobody else wanted it, so I took it.\u{201d}\n\n\
                    The yard will hire four more welders in the spring.\n";
        assert_eq!(
            speakers(text),
            [Some("Tom Holm".to_string()), Some("Mary Berg".to_string())]
        );
    }

    #[test]
    fn a_role_whose_fuller_form_is_a_description_is_the_person_in_the_story() {
        let text = "Town votes\n\nBy Ann Lee\n\n\
                    Doug Vell won the vote on Sunday after two years out of office. \
                    Critics doubt the returning mayor can cut the town debt.\n\n\
                    \u{201c}We will cut it within two years,\u{201d} the mayor told reporters on Monday.\n\n\
                    The council meets again in March to set the budget.\n";
        assert_eq!(speakers(text), [Some("Doug Vell".to_string())]);
    }

    #[test]
    fn a_role_is_found_by_its_head_and_its_whole_phrase() {
        let keys: Vec<&str> = role_keys("secretary of state").collect();
        assert_eq!(keys, ["secretary of state", "secretary"]);
        let keys: Vec<&str> = role_keys("a spokeswoman for the council").collect();
        assert!(keys.contains(&"spokeswoman"));
        assert!(keys.contains(&"spokeswoman for the council"));
        assert!(!keys.contains(&"council") && !keys.contains(&"the council"));
        let keys: Vec<&str> = role_keys("prime minister").collect();
        assert_eq!(keys, ["prime minister", "minister"]);
        assert_eq!(role_keys("for the council").count(), 0);
    }

    #[test]
    fn a_determiner_before_the_head_is_no_modifier() {
        // "a move the company made" holds no fuller form of "the company".
        let text = "Ferry fares rise\n\nBy Ann Lee\n\n\
                    It was a move the company made in haste, critics on the island said.\n\n\
                    \u{201c}We will keep our prices fair,\u{201d} the company said.\n";
        assert_eq!(
            speakers(text).last(),
            Some(&Some("the company".to_string()))
        );
    }

    #[test]
    fn punctuation_inside_the_closing_mark_does_not_hide_the_speaker() {
        // The comma stands inside the marks; "according to" later in the
        // sentence names the source, not the speaker.
        assert_eq!(
            who(
                "\u{201c}We will see,\u{201d} Okafor said, according to a local paper.",
                "We will see"
            )
            .as_deref(),
            Some("Okafor")
        );
    }

    #[test]
    fn a_pronoun_goes_to_the_topic_of_the_paragraph_before() {
        let text = "Harbour plan splits the town\n\n\
            Tomasz Wren is a retired ferry captain and lifelong member of the harbour board.\n\n\
            Wren, 61, explained why he will not back the plan drawn up by council leader Dominic Hale.\n\n\
            \u{201c}It ignores the tides,\u{201d} he said.\n";
        assert_eq!(speakers(text), vec![Some("Tomasz Wren".to_string())]);
    }

    #[test]
    fn a_pronoun_skips_a_person_of_the_other_gender() {
        let text = "Budget row\n\n\
            Councillor Priya Nandy met Graham Colt on Monday. Nandy said she would vote against the budget.\n\n\
            Colt said the vote was close. \u{201c}We need one more week,\u{201d} she said.\n";
        assert_eq!(speakers(text), vec![Some("Priya Nandy".to_string())]);
    }

    /// A quotation that continues the last speaker names them as the last
    /// cue with a person did, not as an earlier one.
    #[test]
    fn a_continued_speaker_is_named_as_the_last_cue_named_them() {
        let text = "Harbour plan\n\n\
            \"The plan is sound,\" said Ada Lind, the harbour master.\n\n\
            \"We start in May,\" Lind said.\n\n\
            \"It will take a year.\"\n";
        let mentions: Vec<Option<String>> = crate::analyze(text)
            .quotes
            .into_iter()
            .map(|q| q.speaker_mention)
            .collect();
        let lind = Some("Lind".to_string());
        assert_eq!(mentions, [Some("Ada Lind".to_string()), lind.clone(), lind]);
    }

    #[test]
    fn a_pronoun_prefers_the_subject_to_a_later_object() {
        let text = "Inquiry\n\n\
            Ruth Abara said the panel had met Dan Osei and Carl Penn. He promised a report \u{201c}within weeks\u{201d}.\n";
        // "He" cannot be Ruth Abara; of the two men, neither is a subject,
        // so the nearest one is taken.
        assert_eq!(speakers(text), vec![Some("Carl Penn".to_string())]);
        let text = "Inquiry\n\n\
            Martin Abara said the panel had met Dan Osei and Carl Penn. He promised a report \u{201c}within weeks\u{201d}.\n";
        assert_eq!(speakers(text), vec![Some("Martin Abara".to_string())]);
    }

    #[test]
    fn particles_belong_to_the_name() {
        let text = "Court ruling\n\n\
            Law professor Pierre de Vos read the judgment twice.\n\n\
            \u{201c}It is narrow,\u{201d} said Mr. de Vos.\n\n\
            \u{201c}Very narrow,\u{201d} de Vos added.\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("Pierre de Vos".to_string()),
                Some("Pierre de Vos".to_string())
            ]
        );
    }

    #[test]
    fn org_words_end_names_only_at_the_end() {
        assert!(plausible_name(&["Bill", "Okafor"]));
        assert!(plausible_name(&["Anna", "Hall", "Brook"]));
        assert!(!plausible_name(&["Granite", "Hall"]));
        assert!(!plausible_name(&["Wexcombe", "Organization"]));
    }

    #[test]
    fn a_short_role_takes_its_fuller_form_named_earlier() {
        let text = "Ferry fares\n\n\
            The mayor\u{2019}s chief spokesman said fares would rise in spring.\n\n\
            \u{201c}Nobody likes it,\u{201d} the spokesman said.\n";
        assert_eq!(
            speakers(text),
            vec![Some("The mayor\u{2019}s chief spokesman".to_string())]
        );
    }

    #[test]
    fn according_to_takes_the_whole_noun_phrase() {
        assert_eq!(
            who(
                "According to her longtime business partner, it was \"a fair deal\".",
                "a fair deal"
            )
            .as_deref(),
            Some("her longtime business partner")
        );
    }

    #[test]
    fn a_document_speaks_for_whoever_issued_it() {
        let text = "Depot to close\n\n\
            Marta Lindqvist, who owns the haulier, announced the closure on Friday. \
            \u{201c}We have no choice,\u{201d} the statement said.\n";
        assert_eq!(speakers(text), vec![Some("Marta Lindqvist".to_string())]);
    }

    #[test]
    fn a_name_in_an_appositive_is_the_speaker() {
        assert_eq!(
            who(
                "\"We need him home,\" his sister, Ilona Varga, wrote to the court.",
                "We need him home"
            )
            .as_deref(),
            Some("Ilona Varga")
        );
    }

    #[test]
    fn a_space_before_the_closing_mark_does_not_hide_the_speaker() {
        assert_eq!(
            who(
                "\"Who signed this? \" Okafor asked the clerk at the desk.",
                "Who signed this?"
            )
            .as_deref(),
            Some("Okafor")
        );
    }

    #[test]
    fn the_listener_after_told_is_not_the_speaker() {
        assert_eq!(
            who(
                "\"We found nothing,\" the firm's chief engineer, Ravi Menon, told The Harbour Gazette.",
                "We found nothing"
            )
            .as_deref(),
            Some("Ravi Menon")
        );
    }

    #[test]
    fn the_subject_of_two_joined_verbs_speaks() {
        assert_eq!(
            who(
                "Asked whom she backed, Ms. Okafor smiled and said, \"Nobody yet.\"",
                "Nobody yet."
            )
            .as_deref(),
            Some("Ms. Okafor")
        );
    }

    #[test]
    fn present_tense_cues() {
        assert_eq!(
            who("Okafor writes to Lund. He responds, \"Fine.\"", "Fine.").as_deref(),
            Some("He")
        );
    }

    #[test]
    fn a_passive_quoted_as_saying_is_a_cue() {
        assert_eq!(
            who(
                "\"The pier is safe,\" she was quoted as saying in the notice.",
                "The pier is safe,"
            )
            .as_deref(),
            Some("she")
        );
    }

    #[test]
    fn a_description_stands_for_the_person_in_the_story() {
        let text = "Tower deal\n\n\
            Developer Harold Quist bought the tower on Monday.\n\n\
            In a statement, the property tycoon announced that \u{201c}work starts in May\u{201d}.\n";
        assert_eq!(speakers(text), vec![Some("Harold Quist".to_string())]);
        // Staff who speak for someone are not that someone.
        let text = "Tower deal\n\n\
            Developer Harold Quist bought the tower on Monday.\n\n\
            \u{201c}Work starts in May,\u{201d} the company spokesman said.\n";
        assert_eq!(
            speakers(text),
            vec![Some("the company spokesman".to_string())]
        );
    }

    #[test]
    fn the_owner_of_a_speech_noun_speaks() {
        assert_eq!(
            who(
                "Inspector Maya Lund's blunt assessment that the rota was \"unsafe\" was leaked.",
                "unsafe"
            )
            .as_deref(),
            None
        );
        assert_eq!(
            who(
                "Inspector Maya Lund's blunt warning that the rota was \"unsafe\" was leaked.",
                "unsafe"
            )
            .as_deref(),
            Some("Inspector Maya Lund")
        );
    }

    #[test]
    fn a_dateline_is_not_the_subject_that_speaks() {
        let text = "Storm\n\n\
            HALDEN, Nor. \u{2014} Mayor Ingrid Solberg toured the harbour, calling the damage \u{201c}worse than 1992\u{201d}.\n";
        assert_eq!(speakers(text), vec![Some("Ingrid Solberg".to_string())]);
    }

    #[test]
    fn a_body_owned_through_a_pronoun_takes_the_owner_s_name() {
        let text = "Race tightens\n\n\
            Councillor Tom Reyes lost the first count narrowly. \
            His campaign said the result was \u{201c}a moral victory\u{201d}.\n";
        assert_eq!(speakers(text), vec![Some("the Reyes campaign".to_string())]);
    }

    #[test]
    fn words_without_a_speech_verb_belong_to_the_subject() {
        let text = "Harbour fees to rise\n\n\
            Councillor Edith Varga opened the meeting on Monday.\n\n\
            Varga also returned to the fees, which would turn the port into \"a toll road for tourists\" by spring.\n\n\
            She anticipated that the hardest part would be \"explaining it to the ferry crews.\"\n\n\
            Mayor Tobias Renn distanced himself from the plan. \"I will vote against it and I will say so.\"\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("Edith Varga".to_string()),
                Some("Edith Varga".to_string()),
                Some("Tobias Renn".to_string()),
            ]
        );
    }

    #[test]
    fn groups_speak_as_groups() {
        let text = "Rally ends in chants\n\n\
            Senator Ada Quist spoke for an hour in the square on Friday.\n\n\
            Quist supporters stamped on the benches to \"Four more years\" as she left.\n\n\
            As Quist turned to the budget, the crowd roared back \"No more cuts!\" at the stage.\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("Quist supporters".to_string()),
                Some("the crowd".to_string()),
            ]
        );
    }

    #[test]
    fn a_place_word_can_be_a_surname() {
        // "York" is a surname here, not half of "New York".
        let text = "Two voters\n\n\
            Amos Pettigrew, 70, a retired miner, said he would stay home. \
            His nephew James York, 40, blamed the price of diesel. \
            \"He's talking too much,\" he said.\n";
        assert_eq!(speakers(text), vec![Some("James York".to_string())]);
    }

    #[test]
    fn the_first_name_between_commas_speaks_past_its_appositives() {
        let text = "Rumours spread fast\n\n\
            Ivo Strand, the editor of \"Salt Roads,\" a guide to old ferry lines, said the timetables were \"pure guesswork\" then.\n";
        assert_eq!(speakers(text), vec![Some("Ivo Strand".to_string())]);
    }

    #[test]
    fn an_ellipsis_before_a_comma_keeps_the_attribution() {
        let text = "Late start\n\n\
            Councillor Rhea Omondi read out the apologies first. \"With that out of the way...,\" she said.\n";
        assert_eq!(speakers(text), vec![Some("Rhea Omondi".to_string())]);
    }

    #[test]
    fn a_person_named_only_inside_a_title_is_known_by_surname() {
        let text = "A chat on the sofa\n\n\
            The senator appeared on The Lena Marsh Show on Tuesday.\n\n\
            \"Would you pick a bear?\" Marsh asked.\n";
        assert_eq!(speakers(text), vec![Some("Lena Marsh".to_string())]);
    }

    #[test]
    fn a_source_familiar_with_something_keeps_its_whole_phrase() {
        let text = "Budget talks stall\n\n\
            \"Nobody wants to blink first,\" said one senior official familiar with the talks, who asked not to be named.\n";
        assert_eq!(
            speakers(text),
            vec![Some(
                "one senior official familiar with the talks".to_string()
            )]
        );
    }

    #[test]
    fn organisations_and_documents_speak_for_themselves() {
        let text = "Ferry plan questioned\n\n\
            Take the ferry plan first. The Harbour Gazette lately printed an analysis that argued the \"plan would help the rich more than the poor.\" \
            A report from the centre-right Tamsin Institute was blunter about it: \"Fares would rise for most.\"\n\n\
            On its website, the VPA lists \"safe berths for every boat\" among its goals.\n\n\
            The Gazette reported that the mayor was unmoved. It added, \"the mayor has not replied.\"\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("The Harbour Gazette".to_string()),
                Some("Tamsin Institute".to_string()),
                Some("the VPA".to_string()),
                Some("The Harbour Gazette".to_string()),
            ]
        );
    }

    #[test]
    fn a_body_a_person_owns_speaks_as_that_body() {
        let text = "Senator hits back\n\n\
            Senator Ada Quist\u{2019}s office slammed the audit on Monday, calling it \u{201c}baseless.\u{201d}\n\n\
            Quist\u{2019}s office assured voters that she would be \u{201c}fully cleared.\u{201d}\n\n\
            Quist\u{2019}s campaign posted a letter to members on Friday. \"Every vote counts,\" the letter said.\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("Senator Ada Quist\u{2019}s office".to_string()),
                Some("Senator Ada Quist\u{2019}s office".to_string()),
                Some("Quist\u{2019}s campaign".to_string()),
            ]
        );
    }

    #[test]
    fn unnamed_groups_and_owned_roles_speak() {
        let text = "Hacker sentenced\n\n\
            Teodor Vass, 44, was convicted of theft on Thursday.\n\n\
            \"He showed no remorse at any stage,\" state prosecutors argued in their brief.\n\n\
            In court papers, Vass's appointed counsel asked for probation, calling the thefts \"a cry for help.\"\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("state prosecutors".to_string()),
                Some("Vass's appointed counsel".to_string()),
            ]
        );
    }

    #[test]
    fn a_participle_belongs_to_the_subject_not_the_object() {
        let text = "Victory\n\n\
            Senator Ada Quist won on Tuesday.\n\n\
            Even after Quist left the hall, her campaign posted a video for volunteers saying: \"Thank you all!\"\n";
        assert_eq!(speakers(text), vec![Some("the Quist campaign".to_string())]);
    }

    #[test]
    fn a_generic_noun_for_a_body_takes_the_body_named_before() {
        let text = "Paper and agency\n\n\
            The mayor spoke to the Halden Evening Herald on Friday, and the Coastal Survey Agency replied the same day.\n\n\
            The tabloid answered with a front page saying \"Sink or swim!\"\n\n\
            \"The survey is running late,\" said the agency, which blamed the weather.\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("the Halden Evening Herald".to_string()),
                Some("the Coastal Survey Agency".to_string()),
            ]
        );
    }

    #[test]
    fn a_pronoun_follows_a_chain_of_pronoun_paragraphs_back() {
        let text = "Rally night\n\nBy Ana Lee\n\n\
            The count went on past midnight in the town hall, and the result surprised almost everyone.\n\n\
            Councillor Tomas Reyes never mentioned Ada Quist in his speech to the crowd.\n\n\
            He barely touched on his loss to Ivo Strand.\n\n\
            \"We learned a lot in one week,\" he said.\n";
        assert_eq!(speakers(text), vec![Some("Tomas Reyes".to_string())]);
    }

    #[test]
    fn in_someone_s_words() {
        let text = "Start-up summit\n\n\
            The summit was held in the city because, in Halden Weekly\u{2019} words, \u{201c}it is the most inventive place on the coast.\u{201d}\n\n\
            The mayor agreed. In the words of Ada Quist, \"nobody builds like we do.\"\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("Halden Weekly".to_string()),
                Some("Ada Quist".to_string())
            ]
        );
    }

    #[test]
    fn a_participle_after_a_prepositional_object_belongs_to_the_subject() {
        let text = "Apology\n\n\
            Senator Ada Quist was asked about the remark on Monday.\n\n\
            Quist replied to Ivo Strand\u{2019}s post on the forum writing, \"I stand by every figure. The count was fair.\"\n";
        assert_eq!(speakers(text), vec![Some("Ada Quist".to_string())]);
    }

    #[test]
    fn a_description_opening_the_clause_stands_for_its_person() {
        let text = "Summit speech\n\n\
            Former Foreign Secretary Ada Quist spoke to the summit on Monday.\n\n\
            The former foreign secretary opened with a jab at rivals who would \"subcontract\" hard choices to committees.\n";
        assert_eq!(speakers(text), vec![Some("Ada Quist".to_string())]);
    }

    #[test]
    fn a_later_quote_of_a_paragraph_takes_its_sentence_s_subject_first() {
        let text = "Contracts\n\nBy Ana Lee\n\n\
            Former manager Ivo Strand said the contracts were \"standard\" for the industry.\n\n\
            A copy of the contract, seen by the Gazette, obliges drivers to agree \"at all times\" never to \"speak ill of\" the depot.\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("Ivo Strand".to_string()),
                Some("A copy of the contract, seen by the Gazette".to_string()),
                Some("A copy of the contract, seen by the Gazette".to_string()),
            ]
        );
    }

    #[test]
    fn a_dated_document_keeps_its_date() {
        assert_eq!(
            who(
                "Most voters do not believe she \"cares about people like me,\" according to a Halden poll conducted in February.",
                "cares about people like me"
            )
            .as_deref(),
            Some("a Halden poll conducted in February")
        );
    }

    #[test]
    fn nearer_owners_groups_bands_and_documents_that_read() {
        let text = "Rally\n\nBy Ana Lee\n\n\
            Senator Ada Quist spoke at the Halden Institute on Monday, and the hall was full long before she arrived.\n\n\
            Midway through her remarks, Quist protesters heckled her from the gallery, chanting \"no more cuts!\"\n\n\
            As the Lanterns sang on their first record, \"Nobody rows home alone.\"\n\n\
            \"The council acted unlawfully,\" the suit reads.\n\n\
            Her rivals still share a stage with her, despite Dr Ivo Strand's conclusion that her budget was \"wildly hopeful.\"\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("Quist protesters".to_string()),
                Some("the Lanterns".to_string()),
                Some("the suit".to_string()),
                Some("Ivo Strand".to_string()),
            ]
        );
    }

    #[test]
    fn joint_speakers_are_named_together() {
        let text = "Interviews\n\nBy Ana Lee\n\n\
            Harbour pilots still learn by shadowing, though a study last year questioned the habit.\n\n\
            \"Shadowing teaches habits, not judgement,\" wrote Ada Quist, Ivo Strand and Tomas Reyes.\n\n\
            Two analysts, Rhea Omondi and Amos Pettigrew, found the harbour defences \"the best in the region.\"\n";
        assert_eq!(
            speakers(text),
            vec![
                Some("Ada Quist, Ivo Strand and Tomas Reyes".to_string()),
                Some("Rhea Omondi and Amos Pettigrew".to_string()),
            ]
        );
    }
}
