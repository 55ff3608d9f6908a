//! The choice among a quotation's candidates: each candidate carries
//! features (the step that found it, where it stands, whether it names
//! anyone), its score is the sum of the features' hand-set weights
//! ([`WEIGHTS`]), and the highest score wins (the first gathered on a tie).

use super::*;

/// The weight of each feature. A feature not listed weighs nothing: it is
/// recorded for `--explain` only.
///
/// - the step's evidence: a speech verb, "according to", a dash or a colon
///   in the quotation's sentence (`cue`) outweighs the cue of another
///   quotation of its sentence run (`cue-of-neighbour`), a lead-in
///   paragraph ending "she said:" (`intro-paragraph`), the speaker of the
///   reported speech just before (`reported-speech`), the person named in
///   full as a sentence's subject since the last quotation's paragraph,
///   for a quotation that opens its paragraph (`topic-since-last-quote`:
///   the story has turned to them, so they outweigh the last speaker;
///   only someone of known gender, as places and bodies have none), the
///   subject of a
///   sentence with no speech verb (`sentence-subject`) and the last
///   speaker (`continues-speaker`);
/// - `same-quotation`: the piece of a quotation that runs on from the
///   paragraph before (left unclosed there) has that piece's speaker,
///   unless a speech verb of its own sentence says otherwise: it outweighs
///   a neighbour's cue and everything after;
/// - `paragraph-opener`: a paragraph that opens with the quotation
///   continues the last speaker more surely than a later quotation of a
///   paragraph does: another person named before the quotation in its
///   paragraph may have taken over;
/// - `names-no-one`: a candidate whose mention resolves to no one cannot
///   speak, unless nothing else is put forward (the quotation then keeps
///   the cue and mention, with no speaker);
/// - `cue-names-no-one`: a speech verb whose subject lede cannot name
///   ("…," a source said; "he" with no antecedent) still claims the
///   quotation: the speaker is someone lede cannot name, not whoever a
///   weaker step finds.
pub(super) const WEIGHTS: &[(&str, i32)] = &[
    ("cue", 100),
    ("same-quotation", 95),
    ("cue-of-neighbour", 90),
    ("intro-paragraph", 80),
    ("reported-speech", 70),
    ("topic-since-last-quote", 65),
    ("sentence-subject", 50),
    ("continues-speaker", 40),
    ("paragraph-opener", 20),
    ("names-no-one", -50),
    ("cue-names-no-one", 0),
];

/// The weight of feature `f` ([`WEIGHTS`]; 0 when not listed).
pub(super) fn weight(f: &str) -> i32 {
    WEIGHTS
        .iter()
        .find(|(name, _)| *name == f)
        .map_or(0, |&(_, w)| w)
}

/// A candidate as the model weighs it, and what choosing it writes.
pub(super) struct Proposal {
    /// What `--explain` records: evidence, mention, cue, the speaker it
    /// resolves to, its features and score.
    pub(super) note: Candidate,
    /// The `speaker_mention` choosing it writes (joint speakers write
    /// every name, the note only the first).
    pub(super) mention: Option<String>,
    /// The person choosing it makes the last speaker.
    pub(super) person: Option<usize>,
    /// Whether a pronoun mention ("she said") gives that person a gender:
    /// `Some` with the gender it gives (none for "they"; see
    /// [`pronoun_gender`]).
    pub(super) pronoun_gender: Option<Option<Gender>>,
}

/// The gender a cue's who-phrase gives the person it resolves to, when
/// that person has none yet: "he" or "she" as its first word.
pub(super) fn pronoun_gender(who: &str) -> Option<Gender> {
    let key = who.split_whitespace().next().map(Lower::new);
    match key.as_ref().map(Lower::as_str) {
        Some("he") => Some(Gender::Male),
        Some("she") => Some(Gender::Female),
        _ => None,
    }
}

impl Proposal {
    /// A candidate put forward by step `evidence`, with its extra features;
    /// `resolved` is the speaker it names.
    pub(super) fn new(
        evidence: &'static str,
        cue: Option<String>,
        mention: Option<String>,
        resolved: Option<String>,
        person: Option<usize>,
        extra: &[&'static str],
    ) -> Proposal {
        Proposal::with_note(true, evidence, cue, mention, resolved, person, extra)
    }

    /// [`Proposal::new`], its note for `--explain` (its mention and
    /// features) made only when `explained`: else it holds the score alone.
    pub(super) fn with_note(
        explained: bool,
        evidence: &'static str,
        cue: Option<String>,
        mention: Option<String>,
        resolved: Option<String>,
        person: Option<usize>,
        extra: &[&'static str],
    ) -> Proposal {
        let noted = explained.then(|| mention.clone().unwrap_or_default());
        Proposal::noting(evidence, cue, mention, noted, resolved, person, extra)
    }

    /// [`Proposal::new`] whose note records `noted` as its mention (a cue's
    /// who-phrase as read, "she", where the mention it writes may be
    /// another: "Ada Kim and Rolf Berg"), not a copy of `mention`. With
    /// `noted` none, the note is not for `--explain` (which records every
    /// candidate) but for the choice alone: its score, no mention and no
    /// list of features (two allocations a quotation).
    fn noting(
        evidence: &'static str,
        cue: Option<String>,
        mention: Option<String>,
        noted: Option<String>,
        resolved: Option<String>,
        person: Option<usize>,
        extra: &[&'static str],
    ) -> Proposal {
        let no_one = resolved.is_none().then(|| {
            if cue.is_some() && evidence.starts_with("cue") {
                "cue-names-no-one"
            } else {
                "names-no-one"
            }
        });
        let score = weight(evidence)
            + extra.iter().map(|f| weight(f)).sum::<i32>()
            + no_one.map_or(0, weight);
        // (One allocation: the evidence, the extras and a no-one mark.)
        let features = match noted {
            Some(_) => {
                let mut features = Vec::with_capacity(extra.len() + 2);
                features.push(evidence);
                features.extend_from_slice(extra);
                features.extend(no_one);
                features
            }
            None => Vec::new(),
        };
        Proposal {
            note: Candidate {
                mention: noted.unwrap_or_default(),
                at: None,
                evidence,
                cue,
                resolved,
                chosen: false,
                score,
                features,
            },
            mention,
            person,
            pronoun_gender: None,
        }
    }
}

/// "A ferry pilot says she …" in a story's opening paragraph, then "Ida
/// Brenn said …" opening the next: the news lede describes the person the
/// next paragraph names in full as its subject. Not a body nor a document
/// ("a company said", "a statement said"), and only in the first two
/// paragraphs, where a story introduces its subject.
fn named_next(reg: &Registry, paragraphs: &Spans, who: &str, at: usize) -> Option<usize> {
    let words: Vec<&str> = who.split_whitespace().collect();
    let (det, head) = (words.first()?, lower_key(words.last()?));
    if words.len() < 2
        || !(det.eq_ignore_ascii_case("a") || det.eq_ignore_ascii_case("an"))
        || ORG_NOUNS.contains(&head.as_str())
        || DOCUMENTS.iter().any(|d| head.ends_with(d))
    {
        return None;
    }
    let pi = paragraphs
        .partition_point(|p| p.start <= at)
        .checked_sub(1)?;
    let next = paragraphs.get(pi + 1).filter(|_| pi <= 1)?;
    let ms = &reg.mentions;
    let m = ms.get(ms.partition_point(|m| m.start() < next.start))?;
    (m.start() == next.start
        && m.subject()
        && reg.canonical(m.person()).split_whitespace().count() >= 2)
        .then_some(m.person())
}

/// Letters and the marks a name carries ("O'Neil", "St.", "Lee-Ann").
fn letters_and_name_marks(w: &str) -> bool {
    w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
}

/// A capitalised word of a name: "Ines", "O'Neil", "St." (not "2024" or
/// "Kowal,").
fn name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && letters_and_name_marks(w)
}

/// "When the vote passed, Mayor Lena Fisk released a statement:": a
/// mention inside a subordinate clause that opens its sentence ("When the
/// first mill closed, …", "After Brenn left, …") is not the speaker; the
/// name that opens the main clause after the clause's comma is
/// (capitalised words, then a lower-case verb), within 160 bytes of the
/// sentence start. `a.at` is the mention's byte in `m`.
pub(super) fn main_clause_subject(m: &str, a: &Attribution) -> Option<Attribution> {
    if !clause_comma_after(m, a.at) {
        return None;
    }
    main_clause_subject_read(m, a)
}

/// Can [`main_clause_subject_read`] find a subject after the mention at
/// byte `at` of `m`? The comma that closes the opening clause stands at
/// or after the mention, within 160 bytes of the sentence's start (so
/// within 160 bytes of the mention), with no stop, semicolon or colon
/// before it: the first of those marks after the mention must be a comma.
/// Most cues have a stop or colon first ("…," Ola Brenn said. "…") or no
/// mark at all, and their sentence's start is not looked for.
fn clause_comma_after(m: &str, at: usize) -> bool {
    let b = m.as_bytes();
    let end = at.saturating_add(160).min(b.len());
    let w = b.get(at..end).unwrap_or(&[]);
    // (Two searches of a few bytes at a time: the commonest marks first,
    // then the rarer ones before the comma.)
    memchr::memchr3(b',', b'.', b':', w)
        .is_some_and(|i| w[i] == b',' && memchr::memchr3(b';', b'?', b'!', &w[..i]).is_none())
}

/// [`main_clause_subject`] without its gate.
fn main_clause_subject_read(m: &str, a: &Attribution) -> Option<Attribution> {
    const SUBORDINATORS: &[&str] = &[
        "when", "after", "before", "while", "as", "although", "though", "if", "because", "since",
        "once", "until", "whereas",
    ];
    // A prepositional phrase that opens the sentence holds no speaker
    // either: "In a statement, the ministry …, but said". ("According to
    // X, …" is a cue of its own.)
    const PREPOSITIONS: &[&str] = &["in", "on", "at", "during", "with", "under", "throughout"];
    let s = sentence_start(m, a.at);
    let sentence = &m[s..];
    let lead = sentence.trim_start();
    // The first word, read no further than the longest word of the lists
    // could run (a masked quotation, one long run, may open the sentence):
    // a longer one is none of them, its lower case too (every word that
    // lower-cases to one of these ASCII words is ASCII).
    let longest = SUBORDINATORS
        .iter()
        .chain(PREPOSITIONS)
        .map(|w| w.len())
        .max()?;
    let word_end = lead
        .char_indices()
        .take(longest + 1)
        .find(|&(_, c)| c.is_whitespace())
        .map_or(lead.len(), |(i, _)| i);
    if word_end == 0 || word_end > longest {
        return None;
    }
    let first = Lower::new(&lead[..word_end]);
    let opens = SUBORDINATORS.contains(&first.as_str())
        || (PREPOSITIONS.contains(&first.as_str())
            && DETERMINERS.contains(&Lower::new(a.who.split_whitespace().next()?).as_str()));
    if !opens || a.cue.to_lowercase().starts_with("according") {
        return None;
    }
    let window = &sentence[..floor(sentence, sentence.len().min(160))];
    let comma = window.find(',')?;
    if s + comma < a.at || window[..comma].contains(['.', ';', ':', '?', '!']) {
        return None;
    }
    let after = &window[comma + 1..];
    let t = after.trim_start();
    let start = s + comma + 1 + (after.len() - t.len());
    let (mut end, mut pos) = (0, 0);
    let mut verb = false;
    for word in t.split(' ').take(6) {
        if name_word(word) {
            end = pos + word.len();
            pos += word.len() + 1;
            continue;
        }
        verb = word.starts_with(|c: char| c.is_ascii_lowercase());
        break;
    }
    (end > 0 && verb).then(|| Attribution {
        who: t[..end].to_string(),
        at: start,
        ..a.clone()
    })
}

/// "a strike letter written by Ivo Marr warned …", "an editorial in
/// the Quay Courier reads": a document (its noun last in `who`, the
/// mention at byte `at` of `m`) speaks for who sent, wrote or published it,
/// named right after it ("sent (out) by", "written by", "from", "in"):
/// that name, without a leading "the", and its byte in `m`.
pub(super) fn document_author(m: &str, at: usize, who: &str) -> Option<(String, usize)> {
    let mut words = who.split_whitespace();
    // (The determiner first: most phrases are names, and the noun's key
    // is a copy.)
    if !DETERMINERS.contains(&Lower::new(words.next()?).as_str()) {
        return None;
    }
    let noun = lower_key(words.last()?);
    if !(DOCUMENTS.contains(&noun.as_str()) || DOCUMENT_PAPERS.contains(&noun.as_str())) {
        return None;
    }
    document_author_after(m, at, who)
}

/// The nouns of a paper's own pieces, documents for [`document_author`].
const DOCUMENT_PAPERS: &[&str] = &["editorial", "column", "op-ed", "article", "headline"];

/// [`document_author`] once `who` is known to be a document: the name
/// after it.
fn document_author_after(m: &str, at: usize, who: &str) -> Option<(String, usize)> {
    const VERBS: &[&str] = &[
        "sent",
        "written",
        "issued",
        "signed",
        "released",
        "published",
        "posted",
    ];
    const LINKS: &[&str] = &["by", "from", "in"];
    let start = at + who.len();
    let rest = m.get(start..)?;
    let mut it = rest.split_whitespace();
    let mut w = it.next()?;
    if VERBS.contains(&w) {
        w = it.next()?;
        if w == "out" {
            w = it.next()?;
        }
    }
    if !LINKS.contains(&w) {
        return None;
    }
    // The name: capitalised words (a leading "the" left out), up to four.
    let link_end = start + rest.find(&format!(" {w} "))? + w.len() + 2;
    let after = m[link_end..].trim_start();
    let after = after
        .strip_prefix("the ")
        .or_else(|| after.strip_prefix("The "))
        .unwrap_or(after);
    let name_at = m.len() - after.len();
    let (mut end, mut pos) = (0, 0);
    for word in after.split(' ').take(4) {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        if !name_word(bare) {
            break;
        }
        end = pos + bare.len();
        if bare.len() < word.len() {
            break;
        }
        pos += word.len() + 1;
    }
    (end > 0).then(|| (after[..end].to_string(), name_at))
}

/// "According to her longtime doctor, the singer is "in fine health." The
/// note was signed by Dr. Ines Kowal": a description of a person (a role
/// noun after "his", "the", "a" …) that names no one, then someone named
/// in full later in the same paragraph, for the first time in the
/// article, as who signed, wrote or said it ("attributed to", "signed
/// by", "written by" before the name, or a speech verb after it): that
/// person. Looks at most 16 mentions ahead.
fn named_later(
    reg: &Registry,
    input: &str,
    paragraphs: &Spans,
    who: &str,
    at: usize,
) -> Option<usize> {
    const BEFORE: &[&str] = &["attributed to", "signed by", "written by", "issued by"];
    const AFTER: &[&str] = &["said", "says", "wrote", "writes", "added"];
    let words: Vec<&str> = who.split_whitespace().collect();
    let (det, head) = (Lower::new(words.first()?), lower_key(words.last()?));
    if words.len() < 2
        || !ROLE_OPENERS.contains(&det.as_str())
        || !ROLE_NOUNS.contains(&head.as_str())
    {
        return None;
    }
    let pi = paragraphs
        .partition_point(|p| p.start <= at)
        .checked_sub(1)?;
    let end = paragraphs.at(pi).end;
    let ms = &reg.mentions;
    let from = ms.partition_point(|m| m.start() <= at);
    ms[from..]
        .iter()
        .take_while(|m| m.start() < end)
        .take(16)
        .find(|m| {
            let p = &reg.people[m.person()];
            if p.count < 2 || !m.first() {
                return false;
            }
            // The words before the name, its titles ("Dr.") left out.
            let before = &input[floor(input, m.start().saturating_sub(48))..m.start()];
            let before = before
                .trim_end()
                .trim_end_matches(|c: char| c.is_alphabetic() || c == '.')
                .trim_end();
            let before_name = input[..m.start()].trim_end();
            let after = input[m.end()..].trim_start();
            BEFORE
                .iter()
                .any(|b| before.ends_with(b) || before_name.ends_with(b))
                || AFTER
                    .iter()
                    .any(|a| after.starts_with(a) && !word_byte(after.as_bytes().get(a.len())))
        })
        .map(|m| m.person())
}

/// "an engineer familiar with the harbour talks said", "an aide close to the
/// mayor told …": the speaker is the whole phrase, the unnamed source it
/// opens with, not the noun phrase after "with" or "to" that the cue's
/// mention starts at. `m` is the paragraph's text from `base`.
fn source_phrase(m: &str, base: usize, a: &Attribution) -> Option<Attribution> {
    let start = a.at.checked_sub(base)?;
    let before = m.get(..start)?;
    let from = floor(before, before.len().saturating_sub(120));
    let found = source_start(&before[from..])?;
    Some(Attribution {
        who: fold(&format!("{}{}", &before[from + found..], a.who)),
        at: base + from + found,
        ..a.clone()
    })
}

/// SOURCE_PHRASE, what `source_start` finds: an unnamed source and the
/// words that tie it to what it knows, ending `hay`.
#[cfg(test)]
static SOURCE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+(?:[a-z\-]+\s+){0,2}?[a-z\-]+\s+(?:familiar|close|connected|knowledgeable)\s+(?:with|to|about)\s+$",
    )
    .expect("source phrase")
});

/// Where SOURCE_PHRASE's match in `hay` starts ("a worker close to the
/// talks" ending in "… a worker close to "), read by hand off the last
/// six runs of non-white-space: a preposition and an adjective of the
/// pattern, one to three words of lower-case letters and hyphens, and a
/// run that ends in a determiner at a word boundary. The match furthest
/// left is the one with the most words. (The regex cost some 1.4 million
/// instructions to build.)
fn source_start(hay: &str) -> Option<usize> {
    const PREPOSITIONS: &[&str] = &["with", "to", "about"];
    const ADJECTIVES: &[&str] = &["familiar", "close", "connected", "knowledgeable"];
    const DETERMINERS: &[&str] = &[
        "A", "a", "An", "an", "The", "the", "One", "one", "Two", "two", "Three", "three",
        "Several", "several", "Some", "some",
    ];
    // The runs from the end, each with white space after it.
    let mut runs = [(0usize, 0usize); 6];
    let mut n = 0;
    let mut rest = hay;
    while n < runs.len() {
        let t = rest.trim_end();
        if t.len() == rest.len() || t.is_empty() {
            break;
        }
        let start = t
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        runs[n] = (start, t.len());
        // (Most cues' mentions follow neither a preposition nor an
        // adjective of the pattern: "Ola Brenn said", "…," said Ola
        // Brenn. The first two runs say so before four more are read.)
        let r = &t[start..];
        if (n == 0 && !PREPOSITIONS.contains(&r)) || (n == 1 && !ADJECTIVES.contains(&r)) {
            return None;
        }
        n += 1;
        rest = &t[..start];
    }
    let run = |k: usize| &hay[runs[k].0..runs[k].1];
    if n < 4 || !PREPOSITIONS.contains(&run(0)) || !ADJECTIVES.contains(&run(1)) {
        return None;
    }
    let word = |k: usize| run(k).bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    let det = |k: usize| {
        let r = run(k);
        DETERMINERS.iter().find_map(|d| {
            let head = r.strip_suffix(d)?;
            (!head
                .chars()
                .next_back()
                .is_some_and(regex_syntax::is_word_character))
            .then(|| runs[k].1 - d.len())
        })
    };
    // Words 2..2+w, then the determiner's run (only a run with white
    // space before it can be a word).
    let words = (2..n - 1).take_while(|&k| word(k)).count().min(3);
    (1..=words).rev().find_map(|w| det(2 + w))
}

/// "a source speaking to the Ledger said", "Ola Brenn, writing in the
/// Courier, said": the speaker is the phrase before the participle, not
/// the listener or outlet after it that the cue's mention starts at. A
/// name (capitalised words) or a phrase of lower-case words that opens
/// with a determiner ("another source", "one of"-less); `a.at` is the
/// mention's byte in `m`.
pub(super) fn participle_subject(m: &str, a: &Attribution) -> Option<Attribution> {
    // The last word before the mention must be one of the prepositions, so
    // the text before it must end with one: most cues' does not ("…," Ola
    // Brenn said: nothing before the mention; "Ola Brenn said": "said"),
    // and it is not split into words.
    let tail = m.get(..a.at)?.trim_end();
    if !PARTICIPLE_LINKS.iter().any(|p| tail.ends_with(p)) {
        return None;
    }
    participle_subject_read(m, a)
}

/// The prepositions that link a participle of [`participle_subject`] to
/// the listener or outlet after it ("speaking to", "writing in").
const PARTICIPLE_LINKS: &[&str] = &["to", "with", "in", "on", "for"];

/// [`participle_subject`] read word by word, without its gate.
fn participle_subject_read(m: &str, a: &Attribution) -> Option<Attribution> {
    const PARTICIPLES: &[&str] = &["speaking", "talking", "writing"];
    const PREPOSITIONS: &[&str] = PARTICIPLE_LINKS;
    // Wider than the module's DETERMINERS: a count opens a group of
    // sources too ("two officials speaking to …"); no possessives.
    const OPENERS: &[&str] = &[
        "a", "an", "another", "the", "one", "two", "three", "some", "several",
    ];
    let before = m.get(..a.at)?;
    let before = &before[floor(before, before.len().saturating_sub(160))..];
    // Words with their offsets in `m`, the last first.
    let base = a.at - before.len();
    let mut words = before
        .split_whitespace()
        .map(|w| (base + (w.as_ptr() as usize - before.as_ptr() as usize), w))
        .rev();
    let (_, prep) = words.next()?;
    let (_, part) = words.next()?;
    if !PREPOSITIONS.contains(&prep) || !PARTICIPLES.contains(&part) {
        return None;
    }
    let mut start = None;
    let mut end = None;
    for (i, (at, w)) in words.take(5).enumerate() {
        let w = if i == 0 {
            w.strip_suffix(',').unwrap_or(w)
        } else {
            w
        };
        if w.is_empty() || !letters_and_name_marks(w) {
            break;
        }
        end.get_or_insert(at + w.len());
        let capital = w.starts_with(char::is_uppercase);
        let key = Lower::new(w);
        if OPENERS.contains(&key.as_str()) {
            start = Some(at);
            break;
        }
        if capital {
            start = Some(at);
            continue;
        }
        if start.is_some() || phrase_end(key.as_str()) {
            // (A name, then a lower-case word: the name ends there.)
            break;
        }
    }
    let (start, end) = (start?, end?);
    Some(Attribution {
        who: m[start..end].to_string(),
        at: start,
        ..a.clone()
    })
}

/// The candidate of a speech cue found for a quotation (`own`: in its own
/// sentence; else the cue of a neighbouring quotation): the person or body
/// its mention names. `ctx` is (paragraph start, the paragraph before's
/// start, the last speaker); `m` the paragraph's masked text.
#[allow(clippy::too_many_arguments)]
pub(super) fn cue_proposal(
    reg: &Registry,
    input: &str,
    paragraphs: &Spans,
    role_phrases: &mut RolePhrases,
    orgs: &Orgs,
    m: &str,
    ctx: (usize, usize, Option<usize>),
    (a, who): (&Attribution, Option<usize>),
    own: bool,
    quote: Span,
    lean: bool,
) -> Proposal {
    let (base, prev_start, last_speaker) = ctx;
    let source = source_phrase(m, base, a);
    let (a, who) = match &source {
        Some(s) => (s, None),
        None => (a, who),
    };
    let who = who
        .or_else(|| named_next(reg, paragraphs, &a.who, a.at))
        .or_else(|| named_later(reg, input, paragraphs, &a.who, a.at));
    let mut mention = a.who.clone();
    let mut person = None;
    let joint = who.and_then(|_| {
        let start = a.at.checked_sub(base)?;
        let end = joint_names(m, start + a.who.len())?;
        Some(fold(&m[start..end]))
    });
    // (The phrase's key, made once for both look-ups of it.)
    let key = Key::new(&a.who);
    // "…," they said, after "Ada Kim and Rolf Berg said …": both of them.
    let joint_pronoun = (key.as_str() == "they")
        .then(|| joint_antecedent(reg, input, a.at, prev_start))
        .flatten();
    let speaker = if let Some(names) = joint_pronoun {
        Some(names)
    } else if let Some(names) = joint {
        // "wrote Ola Brenn, Tom Vell and Ines Kowal": the speakers
        // together, as written.
        mention = names.clone();
        Some(names)
    } else if let Some(id) = who {
        person = Some(id);
        Some(with_article(&a.who, reg.canonical(id)))
    } else {
        let first = a.who.split_whitespace().next().map(Lower::new);
        match first.as_ref().map(Lower::as_str) {
            Some("he" | "she" | "they" | "i" | "we") | None => None,
            // "the agency", "a spokesman for the council": the speaker as
            // the article names them.
            Some(w) if ROLE_OPENERS.contains(&w) => {
                let fuller = described_name(&a.who)
                    .or_else(|| owned_body(reg, &a.who, a.at, base, prev_start, last_speaker))
                    .or_else(|| {
                        role_phrases
                            .fuller(input, paragraphs, &a.who, a.at)
                            .map(str::to_string)
                    })
                    .or_else(|| named_body(input, a.at, &a.who))
                    .or_else(|| body_by_its_name(input, a.at, &a.who))
                    .or_else(|| {
                        // "the company", "the agency": the organisation
                        // that is the subject of a recent sentence.
                        is_body_noun(&a.who)
                            .then(|| subject_organisation(reg, orgs, a.at))
                            .flatten()
                    });
                Some(fuller.unwrap_or_else(|| a.who.clone()))
            }
            // A group named by a modifier: "Quist supporters".
            Some(_) if is_group(&a.who) => Some(a.who.clone()),
            // A body a person owns: "Rusk's office".
            Some(_) if is_possessive_body(&a.who) => Some(fuller_body(input, a.at, &a.who)),
            // A body's name the registry does not know: "Quay Courier",
            // as written.
            Some(_)
                if a.who.split_whitespace().count() >= 2
                    && a.who
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                    && a.who.split_whitespace().last().is_some_and(is_org_head) =>
            {
                // (Less an opening word: "At Quay College" names the college.)
                Some(a.who[parse_who(&a.who).offset..].to_string())
            }
            // A name the registry does not know (one word).
            Some(_) => {
                let name = parse_who(&a.who).tokens.join(" ");
                Some(with_article(&a.who, name)).filter(|s| !s.is_empty())
            }
        }
    };
    let evidence = if own { "cue" } else { "cue-of-neighbour" };
    let side = if a.at < quote.start {
        "before-quote"
    } else {
        "after-quote"
    };
    let pronoun = PRONOUNS.contains(&key.as_str());
    let extra: &[&'static str] = if pronoun { &[side, "pronoun"] } else { &[side] };
    let mut p = Proposal::noting(
        evidence,
        Some(a.cue.clone()),
        // (A passive cue names no one: "was described as".)
        Some(mention).filter(|w| !w.is_empty()),
        (!lean).then(|| a.who.clone()),
        speaker,
        person,
        extra,
    );
    p.note.at = Some(a.at);
    // (Only a person is given a gender.)
    p.pronoun_gender = person.map(|_| pronoun_gender(&a.who));
    p
}

/// "the island press Quillbooks", "a ferry firm Brightwater Ltd": a
/// description in lower-case words, then a name: the name.
pub(super) fn described_name(who: &str) -> Option<String> {
    let words: Vec<&str> = who.split_whitespace().collect();
    let first_name = words
        .iter()
        .skip(1)
        .position(|w| w.starts_with(char::is_uppercase))?
        + 1;
    let described = first_name >= 2
        && words[1..first_name].iter().all(|w| {
            w.chars().all(|c| c.is_lowercase() || c == '-') && !phrase_end(Key::new(w).as_str())
        })
        && words[first_name..]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase));
    described.then(|| words[first_name..].join(" "))
}

/// "the company", "The agency": the definite article and one noun for a
/// kind of body.
pub(super) fn is_body_noun(who: &str) -> bool {
    let mut words = who.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(the), Some(noun), None) => {
            the.eq_ignore_ascii_case("the") && ORG_NOUNS.contains(&lower_key(noun).as_str())
        }
        _ => false,
    }
}

/// The candidate of a quotation that opens paragraph `pi` after a
/// paragraph ending in a lead-in ("Asked about the plan, she said:"): whom
/// that lead-in names.
pub(super) fn intro_proposal(
    reg: &Registry,
    input: &str,
    paragraphs: &Spans,
    pi: usize,
    last_speaker: Option<usize>,
) -> Option<Proposal> {
    let prev = &paragraphs.at(pi - 1);
    let pt = prev.of(input);
    if !pt.trim_end().ends_with(':') {
        return None;
    }
    let pm = masked(pt, prev.start, []);
    let end = pm.trim_end().len();
    let a = attribution_for(&pm, end, end, &|w| knows(reg, w))?;
    let a = main_clause_subject(&pm, &a).unwrap_or(a).folded();
    let who = resolve(
        reg,
        &a.who,
        prev.start + a.at,
        prev.start,
        pi.checked_sub(2)
            .map_or(prev.start, |k| paragraphs.at(k).start),
        last_speaker,
    );
    let mut p = Proposal::new(
        "intro-paragraph",
        Some(a.cue.clone()),
        Some(a.who.clone()),
        who.map(|id| reg.canonical(id)),
        who,
        &[],
    );
    p.note.at = Some(a.at + prev.start);
    Some(p)
}

#[cfg(test)]
mod source_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// `source_start` finds where SOURCE_PHRASE's match starts.
        #[test]
        fn source_start_matches_the_regex(
            text in crate::testing::joined(
                vec![
                    "a", "A", "an", "An", "the", "The", "one", "two", "Three", "several",
                    "Some", "xan", "Xthe", ".the", "é", "_a", "ña", "engineer", "top-level",
                    "-", "Aide", "aide", "familiar", "close", "closer", "connected",
                    "knowledgeable", "with", "to", "about", "tox", " ", " ", " ", "  ", "\t",
                    "\n", "\u{a0}", "\u{2003}", ",", "1",
                ],
                0..14,
            ),
        ) {
            for t in [text.clone(), format!("{text} "), format!("an aide {text} close to ")] {
                let want = SOURCE_PHRASE.find(&t).map(|m| m.start());
                prop_assert_eq!(source_start(&t), want, "{:?}", t);
            }
        }

        /// `participle_subject`'s gate (the text before the mention ends
        /// with a preposition) turns away only what its reading finds
        /// nothing in.
        #[test]
        fn participle_subject_gate_keeps_every_find(
            text in crate::testing::joined(
                vec![
                    "a", "Another", "two", "source", "Ola", "Brenn,", "speaking", "talking",
                    "writing", "to", "with", "in", "on", "for", "into", "onto", "Tide", "Radio",
                    "said", "é", "’s", " ", " ", "  ", "\n", "\u{a0}", ",", ".",
                ],
                0..14,
            ),
            cut in 0usize..64,
        ) {
            let at = floor(&text, cut.min(text.len()));
            let a = Attribution {
                who: text[at..].to_string(),
                cue: "said".to_string(),
                at,
                weak: false,
            };
            let got = participle_subject(&text, &a).map(|a| (a.who, a.at));
            let want = participle_subject_read(&text, &a).map(|a| (a.who, a.at));
            prop_assert_eq!(got, want, "{:?} at {}", text, at);
        }

        /// `main_clause_subject`'s gate (the first mark after the mention
        /// is a comma, within 160 bytes) turns away only what its reading
        /// finds nothing in.
        #[test]
        fn main_clause_subject_gate_keeps_every_find(
            text in crate::testing::joined(
                vec![
                    "After", "when", "In", "during", "Throughout", "the", "a", "fog", "Brenn",
                    "Mayor", "Lena", "Fisk", "O'Neil", "issued", "wrote", "said", "é", "\u{2014}",
                    " ", " ", "  ", "\n", "\u{a0}", ",", ",", ".", ";", ":", "?", "!",
                    "______________________________________________________________",
                ],
                0..24,
            ),
            cut in 0usize..96,
            cue in prop_oneof![Just("said"), Just("According to"), Just(":")],
        ) {
            let at = floor(&text, cut.min(text.len()));
            let who = text[at..].split(' ').take(2).collect::<Vec<_>>().join(" ");
            let a = Attribution {
                who,
                cue: cue.to_string(),
                at,
                weak: false,
            };
            let got = main_clause_subject(&text, &a).map(|a| (a.who, a.at));
            let want = main_clause_subject_read(&text, &a).map(|a| (a.who, a.at));
            prop_assert_eq!(got, want, "{:?} at {}", text, at);
        }

        /// `document_author` reads on only where the phrase opens with a
        /// determiner and ends with a document's noun, as when it asked
        /// both at once.
        #[test]
        fn document_author_gate_is_the_joint_test(
            who in crate::testing::joined(
                vec![
                    "a", "The", "his", "strike", "letter", "Letter", "editorial", "op-ed",
                    "statement", "Ola", "Brenn", "é", " ", "  ", "\u{a0}", ",",
                ],
                0..6,
            ),
            rest in crate::testing::joined(
                vec!["sent", "out", "by", "from", "in", "the", "Ivo", "Marr", "Harbour", ",", " "],
                0..8,
            ),
        ) {
            let m = format!("{who} {rest}");
            let mut words = who.split_whitespace();
            let gate = match (words.next(), who.split_whitespace().last()) {
                (Some(det), Some(noun)) => {
                    let noun = lower_key(noun);
                    DETERMINERS.contains(&Lower::new(det).as_str())
                        && (DOCUMENTS.contains(&noun.as_str())
                            || DOCUMENT_PAPERS.contains(&noun.as_str()))
                        && words.next().is_some()
                }
                _ => false,
            };
            let want = gate.then(|| document_author_after(&m, 0, &who)).flatten();
            prop_assert_eq!(document_author(&m, 0, &who), want, "{:?}", m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::speakers;

    #[test]
    fn a_lede_description_is_the_person_the_next_paragraph_names() {
        let text = "Pilot rescued\n\nBy Ann Lee\n\n\
                    A Halden ferry pilot says she is \"tired but very lucky\" after a night \
                    adrift in the strait.\n\n\
                    Ida Brenn said the engine failed just after dark.\n";
        assert_eq!(speakers(text), [Some("Ida Brenn".to_string())]);
        // A document is no person.
        let text = "Pilot rescued\n\nBy Ann Lee\n\n\
                    A coast guard statement says the crew was \"tired but very lucky\" after \
                    a night adrift in the strait.\n\n\
                    Ida Brenn said the engine failed just after dark.\n";
        assert_ne!(speakers(text), [Some("Ida Brenn".to_string())]);
    }

    #[test]
    fn an_unnamed_source_is_the_whole_phrase_not_what_it_knows() {
        let text = "Port hack\n\nBy Ann Lee\n\n\
                    An engineer familiar with the harbour board's review said the breach \
                    began \"with one borrowed password.\"\n";
        assert_eq!(
            speakers(text),
            [Some(
                "An engineer familiar with the harbour board's review".to_string()
            )]
        );
    }

    #[test]
    fn a_description_then_a_name_is_the_name() {
        assert_eq!(
            described_name("the island press Quillbooks").as_deref(),
            Some("Quillbooks")
        );
        assert_eq!(
            described_name("a ferry firm Brightwater Ltd").as_deref(),
            Some("Brightwater Ltd")
        );
        // A role of a body, a bare noun, a name alone, a phrase with a
        // preposition: no.
        assert_eq!(described_name("a spokesman for harbour Democrats"), None);
        assert_eq!(described_name("the company"), None);
        assert_eq!(described_name("the Harbour Board"), None);
        assert_eq!(described_name("the board of Harbour Aid"), None);
    }

    #[test]
    fn the_steps_rank_by_the_strength_of_their_evidence() {
        let order = [
            "cue",
            "cue-of-neighbour",
            "intro-paragraph",
            "reported-speech",
            "sentence-subject",
            "continues-speaker",
        ];
        for w in order.windows(2) {
            assert!(weight(w[0]) > weight(w[1]), "{w:?}");
        }
        // A paragraph that opens with the quotation continues the speaker
        // over the subject of a sentence with no speech verb.
        assert!(
            weight("continues-speaker") + weight("paragraph-opener") > weight("sentence-subject")
        );
        assert_eq!(weight("before-quote"), 0);
    }

    #[test]
    fn a_lean_note_scores_as_the_full_one() {
        // The score a note's features add up to, by hand.
        let extras: [&[&'static str]; 4] = [
            &[],
            &["before-quote"],
            &["after-quote", "pronoun"],
            &["paragraph-opener"],
        ];
        for &(evidence, _) in WEIGHTS {
            for extra in extras {
                for cue in [None, Some("said")] {
                    for resolved in [None, Some("Ola Brenn")] {
                        let make = |noted: Option<String>| {
                            Proposal::noting(
                                evidence,
                                cue.map(str::to_string),
                                Some("she".to_string()),
                                noted,
                                resolved.map(str::to_string),
                                Some(3),
                                extra,
                            )
                        };
                        let (full, lean) = (make(Some("she".to_string())), make(None));
                        let sum: i32 = full.note.features.iter().map(|f| weight(f)).sum();
                        assert_eq!(full.note.score, sum);
                        assert_eq!(lean.note.score, full.note.score);
                        assert_eq!(full.note.mention, "she");
                        assert!(lean.note.mention.is_empty() && lean.note.features.is_empty());
                        assert_eq!(
                            (lean.mention, lean.person, lean.note.resolved, lean.note.cue),
                            (full.mention, full.person, full.note.resolved, full.note.cue)
                        );
                    }
                }
            }
        }
        assert_eq!(pronoun_gender("She"), Some(Gender::Female));
        assert_eq!(pronoun_gender(" he later"), Some(Gender::Male));
        assert_eq!(pronoun_gender("they"), None);
        assert_eq!(pronoun_gender("Shelley Voss"), None);
    }

    #[test]
    fn a_candidate_that_names_no_one_loses_to_one_that_does() {
        let unnamed = Proposal::new(
            "intro-paragraph",
            Some("said".into()),
            Some("he".into()),
            None,
            None,
            &[],
        );
        let named = Proposal::new(
            "continues-speaker",
            None,
            Some("Lena Fisk".into()),
            Some("Lena Fisk".into()),
            Some(0),
            &[],
        );
        assert!(unnamed.note.features.contains(&"names-no-one"));
        assert!(named.note.score > unnamed.note.score);
        // A speech verb's own subject keeps the quotation even unnamed.
        let cue = Proposal::new(
            "cue",
            Some("said".into()),
            Some("a source".into()),
            None,
            None,
            &[],
        );
        assert!(cue.note.features.contains(&"cue-names-no-one"));
        assert!(cue.note.score > named.note.score);
    }

    #[test]
    fn the_speaker_is_who_speaks_to_an_outlet_not_the_outlet() {
        let at = |m: &str, w: &str| Attribution {
            who: w.to_string(),
            cue: "said".to_string(),
            at: m.find(w).unwrap(),
            weak: false,
        };
        let m = "Another harbour source speaking to Tide Radio said";
        let a = participle_subject(m, &at(m, "Tide Radio")).unwrap();
        assert_eq!((a.who.as_str(), a.at), ("Another harbour source", 0));
        let m = "Ola Brenn, writing in the Quay Courier, said";
        let a = participle_subject(m, &at(m, "the Quay Courier")).unwrap();
        assert_eq!(a.who, "Ola Brenn");
        // No participle, or no determiner before the phrase: no change.
        let m = "A source close to Tide Radio said";
        assert!(participle_subject(m, &at(m, "Tide Radio")).is_none());
        let m = "sources speaking to Tide Radio said";
        assert!(participle_subject(m, &at(m, "Tide Radio")).is_none());
        let text = "Port inquiry widens\n\nBy Ann Lee\n\n\
                    Another harbour source speaking to Tide Radio said, \"The agents are \
                    looking at every contract signed since the spring.\"\n";
        assert_eq!(speakers(text), [Some("Another harbour source".to_string())]);
    }

    #[test]
    fn a_description_named_later_in_its_paragraph_is_that_person() {
        let text = "Singer back on stage\n\nBy Ann Lee\n\n\
                    Mira Holt returns to the stage on Friday after a year away.\n\n\
                    According to her longtime doctor, the singer had \"remarkably good\" \
                    results and \"will sing for many more years to come.\" The note was signed by Dr. Ines Kowal, who has treated Holt \
                    since 2009.\n";
        assert_eq!(speakers(text), [Some("Ines Kowal".to_string())]);
        // Someone named before, or named later in another role, is not
        // the one described.
        let text = "Singer back on stage\n\nBy Ann Lee\n\n\
                    Mira Holt returns to the stage on Friday after a year away.\n\n\
                    According to her longtime doctor, the singer had \"remarkably good\" \
                    results and \"will sing for many more years to come.\" Promoter Ines Kowal sold every seat in a day.\n";
        assert_ne!(speakers(text), [Some("Ines Kowal".to_string())]);
    }

    #[test]
    fn a_document_speaks_for_who_sent_or_published_it() {
        let m = "a strike letter written by Ivo Marr warned";
        assert_eq!(
            document_author(m, 0, "a strike letter"),
            Some(("Ivo Marr".to_string(), 27))
        );
        let m = "reads a Monday editorial in The Quay Courier.";
        assert_eq!(
            document_author(m, 6, "a Monday editorial").map(|x| x.0),
            Some("Quay Courier".to_string())
        );
        // Not a document, or nothing named after it.
        assert_eq!(
            document_author("a neighbour in Kelso said", 0, "a neighbour"),
            None
        );
        assert_eq!(
            document_author("a strike letter sent out on Monday", 0, "a strike letter"),
            None
        );
        let text = "Race tightens\n\nBy Ann Lee\n\n\
                    Ivo Marr leads the dockers' union at the Quay yard.\n\n\
                    In addition, a strike letter written by Marr on Wednesday night \
                    warned of a long dispute: \"We can hold out for weeks, and the yard \
                    cannot hold out for days.\"\n\n\
                    \"A weathervane keeps a steadier course than this council,\" reads a \
                    Monday editorial in The Quay Courier.\n";
        assert_eq!(
            speakers(text),
            [
                Some("Ivo Marr".to_string()),
                Some("Quay Courier".to_string())
            ]
        );
    }

    #[test]
    fn a_subordinate_clause_does_not_hold_the_speaker() {
        let at = |m: &str, w: &str| Attribution {
            who: w.to_string(),
            cue: ":".to_string(),
            at: m.find(w).unwrap(),
            weak: false,
        };
        let m = "After Brenn retired in 2004, Mayor Lena Fisk issued this statement:";
        let a = main_clause_subject(m, &at(m, "After Brenn")).unwrap();
        assert_eq!((a.who.as_str(), a.at), ("Mayor Lena Fisk", 29));
        // Not a subordinate clause, or no name after the comma.
        let m = "Ola Brenn, the mayor, said:";
        assert!(main_clause_subject(m, &at(m, "Ola Brenn")).is_none());
        let m = "After Brenn retired, the town mourned:";
        assert!(main_clause_subject(m, &at(m, "After Brenn")).is_none());
        // The first word ends at any white space, and a long one is none
        // of the openers.
        let m = "Throughout\u{a0}the fog, Mayor Lena Fisk wrote:";
        let a = main_clause_subject(m, &at(m, "the fog")).unwrap();
        assert_eq!(a.who, "Mayor Lena Fisk");
        let m = "Throughoutly the fog, Mayor Lena Fisk wrote:";
        assert!(main_clause_subject(m, &at(m, "the fog")).is_none());
        let text = "Mayor remembered\n\nBy Ann Lee\n\n\
                    Former harbour master Piet Brenn ran the docks for thirty years. After \
                    Brenn retired in 2004, Governor Lena Fisk issued a short statement:\n\n\
                    \"Piet kept the cranes turning through three storms. No ship waited \
                    on his watch.\"\n";
        assert_eq!(speakers(text), [Some("Lena Fisk".to_string())]);
    }

    #[test]
    fn his_office_is_its_holders_and_his_campaign_the_surnames() {
        let text = "Payouts questioned\n\nBy Ann Lee\n\n\
                    Lena Rusk, the fisheries minister, oversees the fund. In a statement, her \
                    office said: \"These payments follow contracts signed years ago.\"\n";
        assert_eq!(speakers(text), [Some("Lena Rusk's office".to_string())]);
        let text = "Race tightens\n\nBy Ann Lee\n\n\
                    Ola Brenn won the first vote on Tuesday. His campaign said the result was \
                    \"only the beginning.\"\n";
        assert_eq!(speakers(text), [Some("the Brenn campaign".to_string())]);
    }

    #[test]
    fn a_quotation_running_on_keeps_its_speaker_over_a_later_name() {
        let text = "Payouts questioned\n\nBy Ann Lee\n\n\
                    \"It was a fair deal,\" said Ola Brenn, the agency's chief.\n\n\
                    Lena Rusk, the fisheries minister, oversees the fund. In a statement, her \
                    office said: \"These payments follow contracts signed years ago.\n\n\
                    \"We will keep working with the agency and its new chief to make sure \
                    the rules are followed.\" (Former banker Ola Brenn was named the agency's \
                    chief in May.)\n";
        assert_eq!(
            speakers(text),
            [
                Some("Ola Brenn".to_string()),
                Some("Lena Rusk's office".to_string()),
                Some("Lena Rusk's office".to_string())
            ]
        );
        assert!(weight("same-quotation") > weight("cue-of-neighbour"));
        assert!(weight("same-quotation") < weight("cue"));
    }
}
