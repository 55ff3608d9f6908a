//! Names in one paragraph: the tokeniser that finds runs of capitalised
//! words (with their offsets), the word sets and keys every rule looks words
//! up in, and the parse of a run into titles, honorifics and name tokens.

use super::*;
use crate::tokens::{Lexicon, Lists};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// Prepositions before a name that make it an object, not a subject.
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "from", "to", "near", "for", "with", "by", "about", "on", "into", "across",
    "outside", "inside", "against", "toward", "towards", "through", "than", "like", "behind",
    "beside", "between", "among", "around", "without", "within", "despite", "via",
];

/// Articles and demonstratives: a name after one is no subject.
pub(super) const ARTICLES: &[&str] = &["a", "an", "the", "this", "that", "these", "those"];

/// Verbs of asking and thanking, whose object a name after them is, as
/// after `cues::OBJECT_VERBS`.
pub(super) const ASKING: &[&str] = &["ask", "asked", "asking", "thanked"];

/// The word before byte `at` of `text` (as `split_whitespace` reads it)
/// is on a list of `set`: one look-up of its key in the word table, where
/// a scan of each list compared it with every word.
fn word_before_on(text: &str, at: usize, set: &WordSet) -> bool {
    word_before(text, at).is_some_and(|w| has_key(set, w))
}

/// The word before byte `at` of `text`, as `split_whitespace` reads it
/// (`text[..at].split_whitespace().next_back()`): read back a byte at a
/// time while the bytes are ASCII ("to " before "Ola Holm"), where the
/// search from the back decoded a character and asked `is_whitespace` of
/// it for each byte. A byte outside ASCII met on the way ("tó ", or a
/// no-break space) hands the question to `split_whitespace`.
pub(super) fn word_before(text: &str, at: usize) -> Option<&str> {
    let b = &text.as_bytes()[..at];
    let space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
    let mut e = b.len();
    while e > 0 && space(b[e - 1]) {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && !space(b[s - 1]) && b[s - 1] < 0x80 {
        s -= 1;
    }
    // (Stopped at the start, or at ASCII white space: the word is found.
    // Only ASCII white space was passed after it.)
    if s == 0 || b[s - 1] < 0x80 {
        return (s < e).then(|| &text[s..e]);
    }
    text[..at].split_whitespace().next_back()
}

/// The lists of the word before byte `at` of `text` (as `split_whitespace`
/// reads it), by one look-up: [`after_preposition`] is its
/// `PLACE_BEFORE_WORDS` bit, and `after_object_verb` (kept as a test's
/// specification) its `OBJECT_BEFORE_WORDS` bit, where each read the word
/// back and looked it up again.
pub(super) fn lists_before(text: &str, at: usize) -> Lists {
    word_before(text, at).map_or(Lists::NONE, key_lists)
}

/// True when the word before byte `at` is a preposition or an article
/// ([`PREPOSITIONS`], [`ARTICLES`]).
pub(super) fn after_preposition(text: &str, at: usize) -> bool {
    word_before_on(text, at, &PLACE_BEFORE_WORDS)
}

/// True when the word before byte `at` is a verb whose object the name
/// after it is ("asked what he'd tell Mayor Lena Fisk, he said": Fisk is
/// no subject, and no antecedent of "he").
#[cfg(test)]
pub(super) fn after_object_verb(text: &str, at: usize) -> bool {
    word_before_on(text, at, &OBJECT_BEFORE_WORDS)
}

/// True when the words a name run holds before the name open with a
/// preposition: "In Port Avery" (a sentence opening with a place) or
/// "From Lena Fisk" is named after one, as after a lower-case "in".
/// (Most names have no words before them in their run: the empty lead
/// answers inline. A word's key is compared as bytes, not checked again
/// as UTF-8.)
#[inline]
pub(super) fn opens_with_preposition(lead: &str) -> bool {
    !lead.is_empty() && lead_preposition(lead)
}

/// [`opens_with_preposition`] of a lead that is not empty.
#[inline(never)]
fn lead_preposition(lead: &str) -> bool {
    lead.split_whitespace().next().is_some_and(|w| {
        let key = Key::new(w);
        let key = key.as_bytes();
        PREPOSITIONS.iter().any(|p| p.as_bytes() == key)
    })
}

/// [`opens_with_preposition`] as it was written: the specification it is
/// tested against.
#[cfg(test)]
pub(super) fn opens_with_preposition_spec(lead: &str) -> bool {
    lead.split_whitespace()
        .next()
        .is_some_and(|w| PREPOSITIONS.contains(&Key::new(w).as_str()))
}

/// "Quist's attacks": a possessive name is not the subject.
pub(super) fn possessive_at(text: &str, end: usize) -> bool {
    text[end..].starts_with("'s")
        || text[end..].starts_with("’s")
        || text[..end].ends_with("'s")
        || text[..end].ends_with("’s")
}

/// Nouns for people who speak as a group: "Quist supporters", "the
/// crowd", "Corporate lobbyists".
pub(super) const GROUP_NOUNS: &str = "supporters|protesters|protestors|demonstrators|backers|allies|aides|advisers|advisors|staffers|voters|fans|delegates|surrogates|loyalists|critics|opponents|lawmakers|legislators|residents|students|workers|activists|lobbyists|friends|crowds?|audience|officials|members|experts|analysts|economists|scientists|researchers|doctors|parents|teachers|neighbou?rs|colleagues|volunteers|organi[sz]ers|attendees|onlookers|spectators|marchers|prosecutors|investigators|authorities|lawyers|attorneys|agents|officers|judges|senators|regulators|diplomats|negotiators|historians|pollsters|strategists|donors|executives|employees|staff";

/// A name, or two, used as the modifier of a group noun ("Brenn
/// protesters", "Quist aides"): not the person as a subject (what
/// [`group_after`] reads by hand, kept as its specification).
#[cfg(test)]
pub(super) static GROUP_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s+(?:{GROUP_NOUNS})(?-u:\b)")).expect("group after"));

/// A group as the subject of a verb: "the fans loudly repeated", "Rival
/// growers describe", "His old neighbours have teased" (what
/// [`group_subjects`] reads by hand, kept as its specification).
#[cfg(test)]
pub(super) static GROUP_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?P<who>(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][a-z\-]*\s+){{0,2}}|(?:{TOK}\s+){{1,2}})(?:{GROUP_NOUNS}))\s+(?:[a-z]+ly\s+)?(?:have\s+|has\s+|had\s+)?[a-z]+(?:ed|s)(?-u:\b)"
    ))
    .expect("group subject")
});

/// The matches of GROUP_SUBJECT in `t`, one after another, as `find_iter`
/// finds them: (start, end of the `who` group, end). Read by hand: a
/// match opens with "the", "his", "her" or "their", or with a `TOK`, that
/// ends where white space starts, so it starts in a run of characters
/// other than white space (a chunk) at one of two places at most: the
/// determiner that ends the chunk, or the first place from which the rest
/// of the chunk is one `TOK`, each after a word boundary. What follows
/// depends only on where the chunk ends, so each is tried once: the
/// determiner's way first (as the alternation has it), then the name's,
/// the leftmost start winning. Each try reads a few chunks on, so the
/// whole is linear in `t`.
pub(super) fn group_subjects(t: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let mut cs = pos;
        loop {
            cs += cues::space_len(&t[cs..]);
            if cs >= t.len() {
                return None;
            }
            let ce = t[cs..]
                .find(char::is_whitespace)
                .map_or(t.len(), |k| cs + k);
            if let Some(m) = group_subject_in(t, cs, ce) {
                pos = m.2;
                return Some(m);
            }
            cs = ce;
        }
    })
}

/// The last match of GROUP_SUBJECT in `t`: its start and the end of its
/// `who` group.
pub(super) fn last_group_subject(t: &str) -> Option<(usize, usize)> {
    group_subjects(t).last().map(|(s, w, _)| (s, w))
}

/// The first match of GROUP_SUBJECT that starts in the chunk `t[cs..ce]`
/// (see [`group_subjects`]).
fn group_subject_in(t: &str, cs: usize, ce: usize) -> Option<(usize, usize, usize)> {
    let b = t.as_bytes();
    if ce >= t.len() {
        return None;
    }
    let boundary = |s: usize| s == 0 || !word_byte(b.get(s - 1));
    // The determiner that ends the chunk.
    let det = ["The", "the", "His", "his", "Her", "her", "Their", "their"]
        .iter()
        .filter(|d| ce - cs >= d.len() && t[..ce].ends_with(**d))
        .map(|d| ce - d.len())
        .find(|&s| boundary(s));
    // The first start of a `TOK` that runs to the end of the chunk: a
    // capital or a hyphen particle in the end made of `[\p{L}'’\-]`, a
    // pair of initials, an abbreviation.
    let mut q = ce;
    for (i, c) in t[cs..ce].char_indices().rev() {
        let at = cs + i;
        let class = if c.is_ascii() {
            c.is_ascii_alphabetic() || c == '\'' || c == '-'
        } else {
            c == '’' || non_ascii_letter(&t[at..])
        };
        if !class {
            break;
        }
        q = at;
    }
    let word = (q..ce).find(|&s| {
        boundary(s)
            && (b[s].is_ascii_uppercase()
                || b[s].is_ascii_lowercase() && hyphen_particle_len(&t[s..ce]).is_some())
    });
    let mut j = ce;
    while j >= cs + 2 && b[j - 1] == b'.' && b[j - 2].is_ascii_uppercase() {
        j -= 2;
    }
    let initials = (j..ce).step_by(2).find(|&s| boundary(s));
    let abbreviation = TOK_ABBREVIATIONS
        .iter()
        .filter(|a| ce - cs > a.len() && b[ce - 1] == b'.' && t[..ce - 1].ends_with(**a))
        .map(|a| ce - 1 - a.len())
        .find(|&s| boundary(s));
    let tok = [word, initials, abbreviation].into_iter().flatten().min();
    let by_det = det.and_then(|s| group_after_det(t, ce).map(|(w, e)| (s, w, e)));
    let by_tok = tok.and_then(|s| group_after_tok(t, ce).map(|(w, e)| (s, w, e)));
    match (by_det, by_tok) {
        (Some(d), Some(n)) if n.0 < d.0 => Some(n),
        (Some(d), _) => Some(d),
        (None, n) => n,
    }
}

/// After a determiner ending at `e`: white space, up to two small words
/// each with white space after (as many as fit, then fewer), a group noun
/// and the verb after it; the end of the noun and of the match.
fn group_after_det(t: &str, e: usize) -> Option<(usize, usize)> {
    fn words(t: &str, p: usize, j: usize) -> Option<(usize, usize)> {
        if j < 2 {
            if let Some(r) = small_word_then_space(t, p).and_then(|s| words(t, s, j + 1)) {
                return Some(r);
            }
        }
        group_noun_then_verb(t, p)
    }
    words(t, spaces_to(t, e)?, 0)
}

/// After a `TOK` ending at `e`: white space, another `TOK` and white space
/// if that way goes on, a group noun and the verb after it.
fn group_after_tok(t: &str, e: usize) -> Option<(usize, usize)> {
    let p = spaces_to(t, e)?;
    let w = cues::Who { t, b: t.as_bytes() };
    let mut found = None;
    w.tok(p, &mut |e2| {
        found = spaces_to(t, e2).and_then(|s| group_noun_then_verb(t, s));
        found.map(|_| e2)
    });
    found.or_else(|| group_noun_then_verb(t, p))
}

/// `(?:GROUP_NOUNS)\s+(?:[a-z]+ly\s+)?(?:have\s+|has\s+|had\s+)?[a-z]+(?:ed|s)(?-u:\b)`
/// at `p`: the noun is a whole run of small letters before white space,
/// the adverb and "have" are taken when the rest still fits, and the verb
/// is a whole run of small letters ending in "ed" or "s" at a word
/// boundary. The end of the noun and of the match.
fn group_noun_then_verb(t: &str, p: usize) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    let small = |p: usize| p + b[p..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    let n = small(p);
    if n == p || !WORDS.on(&b[p..n], list::GROUP_NOUN) {
        return None;
    }
    let s = spaces_to(t, n)?;
    let verb = |p: usize| {
        let e = small(p);
        let w = &b[p..e];
        ((w.len() >= 3 && w.ends_with(b"ed")) || (w.len() >= 2 && w.ends_with(b"s")))
            .then_some(e)
            .filter(|&e| !word_byte(b.get(e)))
    };
    let have_verb = |p: usize| {
        ["have", "has", "had"]
            .iter()
            .filter(|h| b[p..].starts_with(h.as_bytes()))
            .find_map(|h| spaces_to(t, p + h.len()).and_then(verb))
            .or_else(|| verb(p))
    };
    let adverb = {
        let e = small(s);
        (e - s >= 3 && b[s..e].ends_with(b"ly"))
            .then(|| spaces_to(t, e))
            .flatten()
    };
    adverb
        .and_then(have_verb)
        .or_else(|| have_verb(s))
        .map(|e| (n, e))
}

/// Bodies a person owns and that speak for them: "Rusk's office", "Quist's
/// campaign".
#[cfg(test)]
pub(super) const OWNED_BODIES: &str = "office|campaign|team|staff|camp|lawyers?|attorneys?|counsel|spokes(?:man|woman|person)|administration|government|foundation|company|firm|committee|party|family|organi[sz]ation|agency";

/// The words of [`OWNED_BODIES`], spelt out.
const OWNED_WORDS: &[&str] = &[
    "office",
    "campaign",
    "team",
    "staff",
    "camp",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "counsel",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "administration",
    "government",
    "foundation",
    "company",
    "firm",
    "committee",
    "party",
    "family",
    "organisation",
    "organization",
    "agency",
];

/// Is `who` a possessive name and a body it owns ("Rusk's office")?
/// Read by hand as [`POSSESSIVE_BODY`] matches: one to four `TOK`s with
/// white space between, the last followed by "'s" (a `TOK` gives letters
/// back for it: "Rusk's" is "Rusk" and "'s"), white space, up to two small
/// words (`[a-z][a-z\-]*`) each with white space after, and one of the
/// bodies, ending the text. (The regex cost some 10 ms to build.)
pub(super) fn is_possessive_body(who: &str) -> bool {
    // One to four `TOK`s from `p` (the `i`-th) and the rest.
    fn from(w: &cues::Who<'_>, p: usize, i: usize) -> bool {
        w.tok(p, &mut |e| {
            let on = owner_then_body(w.t, e)
                || (i < 3 && spaces_to(w.t, e).is_some_and(|s| from(w, s, i + 1)));
            on.then_some(e)
        })
        .is_some()
    }
    // `['’]s\s+(?:[a-z][a-z\-]*\s+){0,2}(?:BODIES)$` at `e`.
    fn owner_then_body(t: &str, e: usize) -> bool {
        let q = ["'s", "’s"]
            .iter()
            .find(|x| t[e..].starts_with(**x))
            .map(|x| e + x.len());
        q.and_then(|q| spaces_to(t, q))
            .is_some_and(|s| body_to_end(t, s, 0))
    }
    fn body_to_end(t: &str, p: usize, j: usize) -> bool {
        OWNED_WORDS.contains(&&t[p..])
            || (j < 2 && small_word_then_space(t, p).is_some_and(|s| body_to_end(t, s, j + 1)))
    }
    (who.contains("'s") || who.contains("’s"))
        && from(
            &cues::Who {
                t: who,
                b: who.as_bytes(),
            },
            0,
            0,
        )
}

/// A possessive name and a body it owns: what [`is_possessive_body`]
/// reads by hand, kept as its specification.
#[cfg(test)]
pub(super) static POSSESSIVE_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{TOK}(?:\s+{TOK}){{0,3}}['’]s\s+(?:[a-z][a-z\-]*\s+){{0,2}}(?:{OWNED_BODIES})$"
    ))
    .expect("possessive body")
});

/// `who` at byte `at` of `m` extended over the body it owns ("Rusk's" →
/// "Rusk's office"), if one follows: after an optional "'s", white space,
/// as few small words (`[a-z][a-z\-]*`, each with white space after) as
/// will do, up to two, and a body of [`OWNED_BODIES`] at a word boundary
/// (read by hand; the regex is kept in the tests of `registry`).
pub(super) fn owned_body_after(m: &str, at: usize, who: &str) -> Option<String> {
    let end = at + who.len();
    let rest = m.get(end..)?;
    let b = rest.as_bytes();
    let mut p = ["'s", "’s"]
        .iter()
        .find(|x| rest.starts_with(**x))
        .map_or(0, |x| x.len());
    p = spaces_to(rest, p)?;
    let mut body = None;
    for j in 0..=2 {
        body = OWNED_WORDS
            .iter()
            .find(|w| b[p..].starts_with(w.as_bytes()) && !word_byte(b.get(p + w.len())))
            .map(|w| p + w.len());
        if body.is_some() || j == 2 {
            break;
        }
        p = small_word_then_space(rest, p)?;
    }
    let phrase = fold(&m[at..end + body?]);
    is_possessive_body(&phrase).then_some(phrase)
}

/// Does `who` end in a group noun ("Quist supporters", "the crowd")?
/// The noun, which holds no white space, is the whole of the last word.
pub(super) fn is_group(who: &str) -> bool {
    static NOUNS: WordSet = WordSet(list::GROUP_NOUN);
    let t = who.trim_end();
    let last = t.rfind(char::is_whitespace).map_or(t, |k| {
        let c = t[k..].chars().next().map_or(1, char::len_utf8);
        &t[k + c..]
    });
    NOUNS.contains(last.as_bytes())
}

/// What `is_group` finds, as the regex it replaced: kept as its
/// specification.
#[cfg(test)]
pub(super) fn is_group_regex(who: &str) -> bool {
    static LAST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?:^|\s)(?:{GROUP_NOUNS})$")).expect("group last"));
    LAST.is_match(who.trim_end())
}

pub(super) fn possessive_or_modifier_at(text: &str, end: usize) -> bool {
    // GROUP_AFTER needs white space and then a group noun, which opens
    // with a lower-case ASCII letter.
    let rest = &text[end..];
    let t = rest.trim_start();
    possessive_at(text, end)
        || (t.len() < rest.len()
            && t.starts_with(|c: char| c.is_ascii_lowercase())
            && group_after(rest))
}

/// White space and a group noun at a word boundary at the start of
/// `rest` (GROUP_AFTER): the nouns are words of small letters, so the
/// noun is the whole run of word bytes after the white space.
pub(super) fn group_after(rest: &str) -> bool {
    let b = rest.as_bytes();
    spaces_to(rest, 0).is_some_and(|s| {
        let e = cues::word_end(b, s);
        b[s..e].iter().all(u8::is_ascii_lowercase) && WORDS.on(&b[s..e], list::GROUP_NOUN)
    })
}

/// A run of capitalised words: what `name_runs` finds, kept as the
/// specification it is tested against.
#[cfg(test)]
pub(super) static NAME_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){TOK}(?:\s+(?:{TOK}|(?:{})(?-u:\b)))*",
        RUN_PARTICLES.join("|")
    ))
    .expect("name regex")
});

/// The abbreviations of `TOK` written with a full stop, in its order.
pub(super) const TOK_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Prof",
    "Rev", "Sgt", "Capt",
];

/// The lower-case words a name run goes on over, in the order NAME_RUN
/// tries them.
#[cfg(test)]
pub(super) const RUN_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "da", "di", "del", "la", "le", "bin", "al", "du", "dos", "ter",
];

/// Is `w` one of [`RUN_PARTICLES`]? (A match on the bytes: one test of
/// the length and a compare or two, where a scan of the list compared
/// most words asked about, "the", "and", with each particle.)
fn is_run_particle(w: &[u8]) -> bool {
    matches!(
        w,
        b"de"
            | b"van"
            | b"von"
            | b"der"
            | b"da"
            | b"di"
            | b"del"
            | b"la"
            | b"le"
            | b"bin"
            | b"al"
            | b"du"
            | b"dos"
            | b"ter"
    )
}

/// A byte that `(?-u:\b)` counts as part of a word.
pub(super) fn word_byte(b: Option<&u8>) -> bool {
    b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The first ASCII capital in `b`, eight bytes at a time: most of a text
/// is not capitals, and this scan runs over all of it.
pub(super) fn find_upper(b: &[u8]) -> Option<usize> {
    first_byte(b, |x, caps| caps & !x, u8::is_ascii_uppercase)
}

/// The first ASCII capital or byte outside ASCII in `b`, eight bytes at a
/// time, as [`find_upper`] finds capitals.
pub(super) fn find_upper_or_non_ascii(b: &[u8]) -> Option<usize> {
    // (The high bit of every byte outside ASCII let through.)
    first_byte(
        b,
        |x, caps| caps | x,
        |&c| c.is_ascii_uppercase() || c >= 0x80,
    )
}

/// The first byte of `b` that `one` accepts, eight bytes at a time: `hits`
/// takes a chunk `x` and the mask of its bytes that may be ASCII capitals
/// and gives a word whose high bit is set in each byte accepted (masked to
/// the high bits here); the tail shorter than eight is read with `one`.
#[inline(always)]
fn first_byte(
    b: &[u8],
    hits: impl Fn(u64, u64) -> u64,
    one: impl Fn(&u8) -> bool,
) -> Option<usize> {
    use crate::swar::{HIGH, ONES};
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // A byte's high bit set where it may be in 'A'..='Z': at least 'A'
        // (adding 0x3f to its low seven bits carries into bit 7) and at
        // most 'Z' (adding 0x25 does not); bytes of 0x80 and above are
        // excluded or let through by `hits`.
        let seven = x & !HIGH;
        let caps = (seven + ONES * 0x3f) & !(seven + ONES * 0x25);
        let hit = hits(x, caps) & HIGH;
        if hit != 0 {
            return Some(at + hit.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks.remainder().iter().position(one).map(|k| at + k)
}

/// Is the first character of `rest` a letter (`\p{L}`, the general
/// category the patterns' `TOK` reads)? Looked up in the ranges of the
/// class as regex-syntax holds it: parsed once, never compiled to an
/// automaton (a regex for it cost some 2 M instructions to build, on the
/// first name with a letter outside ASCII).
pub(super) fn non_ascii_letter(rest: &str) -> bool {
    static LETTERS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::Parser::new()
            .parse(r"\p{L}")
            .expect("the letter class");
        match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => {
                c.ranges().iter().map(|r| (r.start(), r.end())).collect()
            }
            _ => Vec::new(),
        }
    });
    rest.chars().next().is_some_and(|c| {
        c.is_alphabetic()
            && LETTERS
                .binary_search_by(|&(lo, hi)| {
                    if hi < c {
                        std::cmp::Ordering::Less
                    } else if lo > c {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok()
    })
}

/// The lower-case particles that `TOK` takes joined to a capitalised
/// word by a hyphen ("al-Masri", "ibn-Rushd"), in its order.
pub(super) const HYPHEN_PARTICLES: &[&str] = &[
    "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ibn", "bin", "abu", "abd",
];

/// The length of the hyphen particle and its hyphen that open `t` before
/// a capital ("al-" of "al-Masri"), if one does.
pub(super) fn hyphen_particle_len(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    // (Each particle is one to three letters: without a hyphen among the
    // four bytes after the first, none is there. Most words asked about
    // are lower-case words that end a name run.)
    if !b.iter().skip(1).take(3).any(|&c| c == b'-') {
        return None;
    }
    HYPHEN_PARTICLES
        .iter()
        .find(|w| {
            b.starts_with(w.as_bytes())
                && b.get(w.len()) == Some(&b'-')
                && b.get(w.len() + 1).is_some_and(u8::is_ascii_uppercase)
        })
        .map(|w| w.len() + 1)
}

/// The end of the `TOK` at byte `p` of `t`, if one starts there: the first
/// alternative that matches, as the regex would take it ("J." before
/// "J…", "Mrs." before "Mrs").
///
/// Most words asked about answer here, inline in the name-run scan: a
/// lower-case word with no hyphen among its first bytes ("said", "the"),
/// a byte that opens no token, or a capitalised word of ASCII letters that
/// ends at a space or a comma ("Halvorsen, 52"). The rest ("al-Masri",
/// "T.J.", "Mrs.", "Brennå", "O'Dell") are read by [`tok_end_full`]: its
/// slow paths made every call save six registers and restore them (some
/// ninety thousand calls on four megabytes of articles).
#[inline]
pub(super) fn tok_end(t: &str, p: usize) -> Option<usize> {
    let b = t.as_bytes();
    let &c = b.get(p)?;
    if c.is_ascii_lowercase() {
        // (As `tok_end_full` asks it: without a hyphen among the three
        // bytes after the first, there is no particle.)
        let hyphen = |k: usize| b.get(p + k) == Some(&b'-');
        if !(hyphen(1) || hyphen(2) || hyphen(3)) {
            return None;
        }
        return tok_end_full(t, p);
    }
    if !c.is_ascii_uppercase() {
        return None;
    }
    if b.get(p + 1) == Some(&b'.') {
        return tok_end_full(t, p);
    }
    let e = ascii_letters_end(b, p + 1);
    match b.get(e) {
        None => Some(e),
        // (A stop after two to four letters may close an abbreviation:
        // "Gen." is one token with its stop.)
        Some(b'.') if (2..=4).contains(&(e - p)) => tok_end_full(t, p),
        Some(&c) if c < 0x80 && c != b'\'' && c != b'-' => Some(e),
        _ => tok_end_full(t, p),
    }
}

/// [`tok_end`] of every kind of token, read from its first byte: what the
/// inline front answers is tested against it.
#[inline(never)]
fn tok_end_full(t: &str, p: usize) -> Option<usize> {
    let b = t.as_bytes();
    if b.get(p)?.is_ascii_lowercase() {
        // "al-Masri": the particle, its hyphen, then a capitalised word.
        // (Most lower-case words asked about end a run: without a hyphen
        // among the three bytes after the first, there is no particle.)
        // (Three compares, not an iterator taken three times: most words
        // after a name's last word, "said", "the", are asked this.)
        let hyphen = |k: usize| b.get(p + k) == Some(&b'-');
        if !(hyphen(1) || hyphen(2) || hyphen(3)) {
            return None;
        }
        let n = hyphen_particle_len(&t[p..])?;
        return Some(word_tail_end(t, p + n + 1));
    }
    if !b.get(p)?.is_ascii_uppercase() {
        return None;
    }
    if b.get(p + 1) == Some(&b'.') {
        // Initials written together ("T.J.") are one token.
        let mut e = p + 2;
        while b.get(e).is_some_and(u8::is_ascii_uppercase) && b.get(e + 1) == Some(&b'.') {
            e += 2;
        }
        return Some(e);
    }
    // [A-Z][\p{L}'’\-]*, as long as it goes: ASCII letters first.
    let e = ascii_letters_end(b, p + 1);
    // An abbreviation (all letters) with its stop is the whole run of
    // letters before a stop; no two abbreviations are the same.
    // (Each abbreviation is two to four letters long: a longer or shorter
    // word before a stop is not compared with them.)
    if b.get(e) == Some(&b'.')
        && (2..=4).contains(&(e - p))
        && TOK_ABBREVIATIONS.iter().any(|a| a.as_bytes() == &b[p..e])
    {
        return Some(e + 1);
    }
    // (Most words end at an ASCII byte that is no apostrophe or hyphen: a
    // space, a comma, a stop; `word_tail_end` reads the rest.)
    if b.get(e)
        .is_none_or(|&c| c < 0x80 && c != b'\'' && c != b'-')
    {
        return Some(e);
    }
    Some(word_tail_end(t, e))
}

/// The end of the run of ASCII letters from byte `e` of `b` (`e` itself
/// when there is none), eight bytes at a time while eight are left: a
/// name's word ("Halvorsen") is passed in a step or two, where a test a
/// byte cost a compare, a branch and a bounds check for each letter.
#[inline]
pub(super) fn ascii_letters_end(b: &[u8], mut e: usize) -> usize {
    use crate::swar::{HIGH, ONES};
    while let Some(c) = b.get(e..e + 8) {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // Each byte lower-cased by its 0x20 bit (only 'A'..='Z' and
        // 'a'..='z' land in 'a'..='z' so), then its high bit set where it
        // is at least 'a' (adding 0x1f to its low seven bits carries into
        // bit 7) and at most 'z' (adding 0x05 does not); bytes of 0x80
        // and above are no letters.
        let seven = (x | (ONES * 0x20)) & !HIGH;
        let letters = (seven + ONES * 0x1f) & !(seven + ONES * 0x05) & !x & HIGH;
        let other = !letters & HIGH;
        if other != 0 {
            return e + other.trailing_zeros() as usize / 8;
        }
        e += 8;
    }
    while b.get(e).is_some_and(u8::is_ascii_alphabetic) {
        e += 1;
    }
    e
}

/// The end of `[\p{L}'’\-]*` from byte `e` of `t`.
fn word_tail_end(t: &str, e: usize) -> usize {
    let b = t.as_bytes();
    let mut e = ascii_letters_end(b, e);
    // (Most words end at an ASCII byte that is no apostrophe or hyphen: a
    // space, a comma, a stop.)
    if b.get(e)
        .is_none_or(|&c| c < 0x80 && c != b'\'' && c != b'-')
    {
        return e;
    }
    for c in t[e..].chars() {
        let more = if c.is_ascii() {
            c.is_ascii_alphabetic() || c == '\'' || c == '-'
        } else {
            c == '’' || non_ascii_letter(&t[e..])
        };
        if !more {
            break;
        }
        e += c.len_utf8();
    }
    e
}

/// The runs of capitalised words in `text` (with particles inside them:
/// "Pierre de Vos"), as (start, end): exactly what a search for
/// `(?-u:\b)TOK(?:\s+(?:TOK|particle(?-u:\b)))*` finds, match after match,
/// but without the reverse search for each match's start that the regex
/// needs (a tenth of the speakers' time went to that pattern).
pub(super) fn name_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    name_runs_outside(text, &[]).map(|(s, e, _)| (s, e))
}

/// [`name_runs`], each run with whether it is one `TOK` alone (then it
/// holds no white space: "Officials", "Rusk’s", and a caller that parses a
/// lone word apart from a run of several need not read the run again to
/// find out; most runs are one capitalised word opening a sentence),
/// without the runs that start inside a quotation: `quoted` holds the
/// spans of `text` inside one, in order and apart. Where no run can reach
/// over a quotation's end ([`run_ends_before`]), the scan goes on from
/// there once a run starts inside it; else that run is read, as
/// [`name_runs`] reads it, and left out. (The register once found such
/// runs, reading the quotations' words, and asked of each whether it
/// started inside one.)
pub(super) fn name_runs_outside<'t>(text: &'t str, quoted: &'t [Span]) -> NameRuns<'t> {
    NameRuns {
        text,
        quoted,
        q: 0,
        pos: 0,
    }
}

/// The iterator of [`name_runs_outside`]. (Its `next` is inlined where it
/// is read: the register's loop over runs spent a tenth of its time on the
/// calls, and on the state kept apart from the loop.)
pub(super) struct NameRuns<'t> {
    text: &'t str,
    quoted: &'t [Span],
    /// The first quotation that ends after the last start read.
    q: usize,
    /// Where the search for the next run goes on.
    pos: usize,
}

impl Iterator for NameRuns<'_> {
    type Item = (usize, usize, bool);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize, bool)> {
        let (text, quoted) = (self.text, self.quoted);
        let b = text.as_bytes();
        loop {
            // A capital that starts a word (ASCII word bytes only, as `(?-u:\b)`).
            let start = loop {
                let k = self.pos + find_upper(b.get(self.pos..)?)?;
                if k == 0 || !word_byte(b.get(k - 1)) {
                    // "al-Masri": the run starts at the particle.
                    let particle = (b[k.saturating_sub(1)] == b'-')
                        .then(|| {
                            HYPHEN_PARTICLES.iter().find_map(|w| {
                                let j = k.checked_sub(1 + w.len())?;
                                (j >= self.pos
                                    && &b[j..k - 1] == w.as_bytes()
                                    && (j == 0 || !word_byte(b.get(j - 1))))
                                .then_some(j)
                            })
                        })
                        .flatten();
                    break particle.unwrap_or(k);
                }
                self.pos = k + 1;
            };
            while quoted.get(self.q).is_some_and(|s| s.end <= start) {
                self.q += 1;
            }
            let inside = quoted.get(self.q).filter(|s| s.start <= start);
            if let Some(s) = inside.filter(|s| run_ends_before(text, s.end)) {
                self.pos = s.end;
                continue;
            }
            let mut end = tok_end(text, start)?;
            let mut one = true;
            loop {
                // (Most runs end at a byte that is neither white space nor
                // the first byte of a character outside ASCII: a stop, a
                // comma.)
                let gap = match b.get(end) {
                    Some(&c) if c < 0x80 && !matches!(c, b' ' | b'\t'..=b'\r') => 0,
                    // One space and the next word, the common case.
                    Some(b' ') if b.get(end + 1).is_some_and(|&c| c.is_ascii_graphic()) => 1,
                    None => 0,
                    _ => white_space_len(&text[end..]),
                };
                if gap == 0 {
                    break;
                }
                let at = end + gap;
                let next = tok_end(text, at).or_else(|| {
                    // (Each particle starts with one of these.)
                    if !matches!(b.get(at), Some(b'd' | b'v' | b'l' | b'b' | b'a' | b't')) {
                        return None;
                    }
                    // A particle is the whole word (of `(?-u:\b)`'s bytes)
                    // that starts here: two or three letters.
                    let mut e = at + 1;
                    while e - at <= 3 && word_byte(b.get(e)) {
                        e += 1;
                    }
                    (e - at <= 3 && is_run_particle(&b[at..e])).then_some(e)
                });
                match next {
                    Some(e) => {
                        end = e;
                        one = false;
                    }
                    None => break,
                }
            }
            self.pos = end;
            if inside.is_none() {
                return Some((start, end, one));
            }
        }
    }
}

/// Whether no run of [`name_runs`] holds both the character that
/// ends at byte `to` of `text` and the one after it: `to` is the end of the
/// text, or that character is none a run holds (no letter, digit, white
/// space, apostrophe, hyphen, stop or underscore): a closing quotation mark
/// such as '"', '”' or '»'.
fn run_ends_before(text: &str, to: usize) -> bool {
    to >= text.len()
        || text
            .get(..to)
            .and_then(|t| t.chars().next_back())
            .is_some_and(|c| {
                !(c.is_alphanumeric()
                    || c.is_whitespace()
                    || matches!(c, '\'' | '’' | '-' | '.' | '_'))
            })
}

/// The length of the white space (`char::is_whitespace`) that opens `t`:
/// ASCII a byte at a time, a character outside ASCII decoded.
pub(super) fn white_space_len(t: &str) -> usize {
    let b = t.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c < 0x80 {
            if !matches!(c, b' ' | b'\t'..=b'\r') {
                break;
            }
            i += 1;
        } else {
            match t[i..].chars().next() {
                Some(ch) if ch.is_whitespace() => i += ch.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

pub(super) fn lower_key(s: &str) -> String {
    s.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A word list, or a union of lists, of the one word table
/// [`WORDS`](super::lexicon::WORDS): a word is looked up by one hash there
/// and its list bits tested, where each list once had a hash set of its own
/// (and a bisection of each list before that cost a tenth of the
/// analysis). Words are held as bytes, so a word lower-cased on the stack
/// is looked up without checking it again as UTF-8.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordSet(pub(super) Lists);

impl WordSet {
    /// Is `w` (exact bytes) a word of the set?
    pub(super) fn contains(&self, w: &[u8]) -> bool {
        WORDS.on(w, self.0)
    }
}

/// A map keyed by words or names, hashed the same way: SipHash's guard
/// against chosen collisions cost more than the look-ups it guards, and no
/// map here is iterated, so nothing depends on its order.
pub(super) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// FxHash: eight bytes at a time, rotate, xor, multiply.
#[derive(Default)]
pub(super) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    pub(super) fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(super) static TITLE_WORDS: WordSet = WordSet(list::TITLE);
pub(super) static ROLE_WORDS: WordSet = WordSet(list::ROLE);
pub(super) static PLACE_BEFORE_WORDS: WordSet = WordSet(list::PLACE_BEFORE);
#[cfg(test)]
pub(super) static OBJECT_BEFORE_WORDS: WordSet = WordSet(list::OBJECT_BEFORE);
pub(super) static STOP_WORDS: WordSet = WordSet(list::STOP);
/// Titles, role nouns and stop words: what a name run's word is not, if it
/// is a name.
pub(super) static NOT_NAME_WORDS: WordSet = WordSet(list::TITLE.or(list::ROLE).or(list::STOP));
pub(super) static MALE_NAMES: WordSet = WordSet(list::MALE);
pub(super) static FEMALE_NAMES: WordSet = WordSet(list::FEMALE);

/// `lower_key(w)` as the word table takes a key: little-endian words,
/// zero past the key, and its length, when it is ASCII and fits
/// ([`Lexicon::MAX_KEY`] bytes). ASCII marks are trimmed off both ends and
/// the rest is read eight bytes at a time, a short tail by two loads that
/// may overlap (no copy into a buffer, no call), and lower-cased as
/// [`padded_key`] does. (Keying a word cost more than looking it up.)
#[inline(always)]
pub(super) fn key_words(w: &str) -> Option<([u64; Lexicon::MAX_KEY / 8], usize)> {
    use crate::swar::HIGH;
    let t = trim_ascii_marks(w.as_bytes());
    let n = t.len();
    if n > Lexicon::MAX_KEY {
        return None;
    }
    let mut out = [0u64; Lexicon::MAX_KEY / 8];
    let mut high = 0;
    let mut chunks = t.chunks_exact(8);
    for (o, c) in out.iter_mut().zip(&mut chunks) {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        high |= x;
        *o = lower_ascii8(x);
    }
    let r = chunks.remainder();
    if !r.is_empty() {
        let x = if n >= 8 {
            // The last eight bytes, shifted down past those read already.
            let c = &t[n - 8..];
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])
                >> (8 * (8 - r.len()))
        } else {
            load_short(r)
        };
        high |= x;
        out[n / 8] = lower_ascii8(x);
    }
    (high & HIGH == 0).then_some((out, n))
}

/// The one to seven bytes of `r` as a little-endian word, zero above
/// them: two loads of four (or two) bytes that overlap in the middle (a
/// byte read twice is or-ed with itself).
#[inline]
fn load_short(r: &[u8]) -> u64 {
    let n = r.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
        let hi = u32::from_le_bytes([r[n - 4], r[n - 3], r[n - 2], r[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u16::from_le_bytes([r[0], r[1]]);
        let hi = u16::from_le_bytes([r[n - 2], r[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 2))
    } else {
        r.first().map_or(0, |&b| u64::from(b))
    }
}

/// The eight ASCII bytes of `x` with 'A'..='Z' lower-cased: the high bit
/// of each such byte (as `first_byte` finds them) moved to the case bit.
/// (Garbage for a byte outside ASCII: the caller gives no key then.)
#[inline]
fn lower_ascii8(x: u64) -> u64 {
    use crate::swar::{HIGH, ONES};
    let caps = x.wrapping_add(ONES * 0x3f) & !x.wrapping_add(ONES * 0x25) & HIGH;
    x | caps >> 2
}

/// Does `set` hold `lower_key(w)`? Short ASCII words are lowercased on the
/// stack rather than into a new String.
pub(super) fn has_key(set: &WordSet, w: &str) -> bool {
    if let Some((key, n)) = key_words(w) {
        return WORDS.lists_of_words(&key, n, set.0).any(set.0);
    }
    let mut buf = [0u8; Lexicon::MAX_KEY];
    let t = w.trim_matches(|c: char| !c.is_alphanumeric());
    if t.is_ascii() && t.len() <= buf.len() {
        let key = &mut buf[..t.len()];
        key.copy_from_slice(t.as_bytes());
        key.make_ascii_lowercase();
        set.contains(&*key)
    } else {
        set.contains(lower_key(w).as_bytes())
    }
}

/// Every list of [`WORDS`] that `lower_key(w)` is on, by one look-up:
/// `has_key(set, w)` is `key_lists(w).any(set.0)`, so a rule that asks
/// about one word on several lists keys and hashes it once.
pub(super) fn key_lists(w: &str) -> Lists {
    let id = match key_words(w) {
        Some((key, n)) => return WORDS.lists_of_words(&key, n, Lists(u32::MAX)),
        None => {
            let t = w.trim_matches(|c: char| !c.is_alphanumeric());
            if t.is_ascii() && t.len() <= Lexicon::MAX_KEY {
                let mut buf = [0u8; Lexicon::MAX_KEY];
                let key = &mut buf[..t.len()];
                key.copy_from_slice(t.as_bytes());
                key.make_ascii_lowercase();
                WORDS.id(key)
            } else {
                WORDS.id(lower_key(w).as_bytes())
            }
        }
    };
    WORDS.lists(id)
}

/// `lower_key(w)` zero-padded to `N` bytes (a multiple of eight), and its
/// length, when it is ASCII and fits: ASCII marks trimmed off both ends,
/// the rest copied once and lower-cased eight bytes at a time. (A
/// character outside ASCII at an end stops the trim and is then found in
/// the copy: no key.) A byte at a time, with a buffer of any size, this
/// cost a hundred instructions a word. (Kept as a test's reference:
/// [`key_words`] keys only the words a key fills, and [`Key::new`] reads
/// those.)
#[cfg(test)]
pub(super) fn padded_key<const N: usize>(w: &str) -> Option<([u8; N], usize)> {
    use crate::swar::{HIGH, ONES};
    let t = trim_ascii_marks(w.as_bytes());
    if t.len() > N {
        return None;
    }
    let mut b = [0u8; N];
    b[..t.len()].copy_from_slice(t);
    let mut high = 0;
    for c in b.chunks_exact_mut(8) {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        high |= x;
        // (As `first_byte` finds them: the high bit of each byte in
        // 'A'..='Z', moved to the case bit; garbage where a byte is not
        // ASCII, but then there is no key.)
        let caps = x.wrapping_add(ONES * 0x3f) & !x.wrapping_add(ONES * 0x25) & HIGH;
        c.copy_from_slice(&(x | caps >> 2).to_le_bytes());
    }
    (high & HIGH == 0).then_some((b, t.len()))
}

/// `lower_key(w)` written into `buf`, and its length, when it is ASCII
/// and fits, a byte at a time: the specification [`padded_key`] is tested
/// against.
#[cfg(test)]
pub(super) fn ascii_key(w: &str, buf: &mut [u8]) -> Option<usize> {
    let t = trim_ascii_marks(w.as_bytes());
    let out = buf.get_mut(..t.len())?;
    let mut high = 0;
    for (o, &c) in out.iter_mut().zip(t) {
        high |= c;
        *o = c.to_ascii_lowercase();
    }
    (high < 0x80).then_some(t.len())
}

/// [`trim_ascii_marks`] read a byte at a time from each end: the tests'
/// reference.
#[cfg(test)]
pub(super) fn trim_ascii_marks_bytewise(b: &[u8]) -> &[u8] {
    let (mut s, mut e) = (0, b.len());
    while s < e && b[s] < 0x80 && !b[s].is_ascii_alphanumeric() {
        s += 1;
    }
    while e > s && b[e - 1] < 0x80 && !b[e - 1].is_ascii_alphanumeric() {
        e -= 1;
    }
    &b[s..e]
}

/// `b` with the ASCII marks (bytes that are ASCII and not letters or
/// digits) trimmed off both ends: "(Ann)." is "Ann"; a byte outside ASCII
/// stops the trim ("«Ann»" stays as it is).
#[inline]
fn trim_ascii_marks(b: &[u8]) -> &[u8] {
    // (Most words open and end with a letter: one test of each end, by
    // the table, answers.)
    let mut t = b;
    while let [c, rest @ ..] = t {
        if !ASCII_MARK[usize::from(*c)] {
            break;
        }
        t = rest;
    }
    while let [rest @ .., c] = t {
        if !ASCII_MARK[usize::from(*c)] {
            break;
        }
        t = rest;
    }
    t
}

/// The ASCII bytes that are not letters or digits.
static ASCII_MARK: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        t[c] = !(c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// `Key::new(w).as_bytes() == key` without building the key: a word whose
/// ends, once ASCII marks are trimmed off, are ASCII is compared with
/// `key` a byte at a time, lower-cased; another is keyed. (A table probe
/// compares the key looked for with the word of each record it passes.)
pub(super) fn key_is(w: &str, key: &[u8]) -> bool {
    let t = trim_ascii_marks(w.as_bytes());
    if t.is_ascii() {
        return t.len() == key.len()
            && t.iter().zip(key).all(|(c, k)| c.to_ascii_lowercase() == *k);
    }
    Key::new(w).as_bytes() == key
}

pub(super) fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .or_else(|| s.strip_suffix('\''))
        .or_else(|| s.strip_suffix('’'))
        .unwrap_or(s)
}

/// A run of capitalised words split into (title words, honorific gender,
/// name tokens). Possessives end a run ("Ukraine's President X" → "X").
#[derive(Debug, Default)]
pub(super) struct NameParts<'a> {
    pub(super) titles: Four<&'a str>,
    pub(super) gender: Option<Gender>,
    pub(super) tokens: Four<&'a str>,
    /// The lists of each name token (`key_lists`) that the parse looked up
    /// ([`UNSET`] for one it did not; [`NameParts::lists_of`]).
    pub(super) lists: Four<Lists>,
    /// Byte offset (within the run) where the name tokens start.
    pub(super) offset: usize,
    pub(super) honorific: bool,
}

/// Lower-case words that stand inside surnames.
pub(super) const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "du", "dos", "ter",
    "bin", "al",
];

/// Do name tokens open with a surname's particle: "de Vos", "van der
/// Berg", or one capitalised at a sentence start before another ("De la
/// Cruz said")? (A lone capitalised one is a name's own: "Van Morrison".)
pub(super) fn opens_with_particle(tokens: &[&str]) -> bool {
    let lower = |w: &str| Lower::new(w).as_str().to_string();
    // (Every particle opens with a lower-case ASCII letter: a word that
    // does not is compared with none of them.)
    let particle = |w: &str| {
        w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && PARTICLES.contains(&w)
    };
    match tokens {
        [first, ..] if particle(first) => true,
        [first, second, _, ..] => {
            // (The second word first: it is seldom a particle, and the
            // first is lower-cased into a String.)
            particle(second) && PARTICLES.contains(&lower(first).as_str())
        }
        _ => false,
    }
}

/// A shorter list, on the stack while it has at most four items: a name's
/// titles or tokens (a name is of one to four tokens). [`NameParts`] is
/// made and returned for every name run, and lists of eight made it 300
/// bytes to clear and to copy.
pub(super) type Four<T> = SmallVec<[T; 4]>;

/// A short list, held on the stack while it has at most eight items (the
/// words of a name run: an allocation per run cost more than reading it).
pub(super) type Few<T> = SmallVec<[T; 8]>;

/// The words of `run.split_whitespace()` with their byte offsets, in one
/// pass.
pub(super) fn words_at(run: &str) -> Few<(usize, &str)> {
    let b = run.as_bytes();
    let mut words = Few::new();
    let mut i = 0;
    loop {
        // White space before the word (most runs: one ASCII space).
        while i < b.len() {
            match space_len(run, i) {
                Some(len) => i += len,
                None => break,
            }
        }
        if i == b.len() {
            return words;
        }
        let start = i;
        loop {
            // (Printable ASCII a byte at a time, as most of a name is:
            // "Ada Rusk" is read with one test a byte; a control byte or
            // a character outside ASCII is asked whether it is white
            // space.)
            while b.get(i).is_some_and(|&c| c > b' ' && c < 0x80) {
                i += 1;
            }
            if i == b.len() || space_len(run, i).is_some() {
                break;
            }
            i += run[i..].chars().next().map_or(1, char::len_utf8);
        }
        words.push((start, &run[start..i]));
    }
}

/// The length of the white space character (`char::is_whitespace`) at
/// byte `i` of `t` (a character boundary), if one is there.
#[inline]
fn space_len(t: &str, i: usize) -> Option<usize> {
    match t.as_bytes()[i] {
        c if c < 0x80 => matches!(c, b' ' | b'\t'..=b'\r').then_some(1),
        _ => t[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
    }
}

/// Is `run` one word of ASCII bytes: no white space, no control byte and
/// nothing outside ASCII? Then [`parse_word`] parses it (most name runs
/// are one capitalised word opening a sentence: "Officials said").
#[inline]
pub(super) fn one_ascii_word(run: &str) -> bool {
    !run.is_empty() && run.bytes().all(|b| b > b' ' && b < 0x7f)
}

/// [`parse_run`] of a run of one word (no white space), given the word's
/// lists (`key_lists(w)`), so that a caller that has looked the word up
/// already does not look it up again. A lone word is cut at no
/// preposition or possessive and has no glued lead, title or adjective
/// before it: it is a title word (no name) or the one name token.
pub(super) fn parse_word(w: &str, lists: Lists) -> NameParts<'_> {
    let mut parts = NameParts::default();
    if is_title_word(w, lists.any(NOT_NAME_WORDS.0)) {
        return parts;
    }
    push_token(&mut parts, w, lists);
    close_last_token(&mut parts);
    parts
}

/// [`parse_word`]'s one name token of the lone word `w` (of `lists`, as
/// there) and that token's lists, or `None` where it gives none: the same
/// tests read in place, with no [`NameParts`] made, filled and moved for
/// each lone capitalised word of a text ("Officials", "Monday", "Rusk's").
/// Most such words end in a letter other than an s and hold no hyphen:
/// the word itself is the token. No token it gives is a particle
/// ([`opens_with_particle`]): a lower-case word gives one only when it
/// opens with a hyphen particle and its hyphen ("al-Masri"), and no
/// particle holds a hyphen.
#[inline]
pub(super) fn lone_token(w: &str, lists: Lists) -> Option<(&str, Lists)> {
    let b = w.as_bytes();
    let &first = b.first()?;
    let lower_first = if first < 0x80 {
        first.is_ascii_lowercase()
    } else {
        w.chars().next().is_some_and(char::is_lowercase)
    };
    // (`is_title_word`, the `not_name` answer first.)
    if lists.any(NOT_NAME_WORDS.0) || (lower_first && hyphen_particle_len(w).is_none()) {
        return None;
    }
    if let Some(k) = b.iter().rposition(|&c| c == b'-') {
        if key_lists(&w[k + 1..]).any(TITLE_WORDS.0.or(ROLE_WORDS.0)) {
            return None;
        }
    }
    // (`push_token`.)
    let &last = b.last()?;
    if last.is_ascii_alphanumeric() && last != b's' {
        return Some((w, lists));
    }
    let s = strip_possessive(w);
    let t = s.trim_end_matches([',', ':', ';']);
    if t.is_empty() {
        return None;
    }
    let lists = if s.len() == w.len() { lists } else { UNSET };
    // (`close_last_token`.)
    if t.ends_with('.') && t.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        return Some((&t[..t.len() - 1], lists));
    }
    Some((t, lists))
}

/// A title, role, stop word or honorific, a lower-case word that is no
/// hyphen particle ("spokesman"), or a hyphenated title ("Vice-President",
/// "Ex-Mayor"); `not_name` tells whether `w` is on [`NOT_NAME_WORDS`].
fn is_title_word(w: &str, not_name: bool) -> bool {
    not_name
        || (w.chars().next().is_some_and(char::is_lowercase) && hyphen_particle_len(w).is_none())
        // (The last hyphen found a byte at a time: words are short, and
        // most have none.)
        || w.bytes().rposition(|b| b == b'-').is_some_and(|k| {
            let last = &w[k + 1..];
            key_lists(last).any(TITLE_WORDS.0.or(ROLE_WORDS.0))
        })
}

/// Add name token `w`, less a possessive and a closing comma, colon or
/// semicolon, unless nothing is left, with its lists: `lists`, the word's
/// ([`UNSET`] if not looked up), unless a possessive came off (the marks
/// that come off are ASCII marks, which a key leaves out, and a closing
/// stop too).
fn push_token<'a>(parts: &mut NameParts<'a>, w: &'a str, lists: Lists) {
    // (A word that ends in an ASCII letter or digit other than an s, as
    // most do, has no possessive or closing mark to come off.)
    if w.as_bytes()
        .last()
        .is_some_and(|&b| b.is_ascii_alphanumeric() && b != b's')
    {
        parts.tokens.push(w);
        parts.lists.push(lists);
        return;
    }
    let s = strip_possessive(w);
    let t = s.trim_end_matches([',', ':', ';']);
    if !t.is_empty() {
        parts.tokens.push(t);
        parts
            .lists
            .push(if s.len() == w.len() { lists } else { UNSET });
    }
}

/// Lists not looked up yet (no word is on every list).
pub(super) const UNSET: Lists = Lists(u32::MAX);

impl NameParts<'_> {
    /// The lists of name token `i` (`key_lists`), looked up now if the
    /// parse did not. (`registry::gather` reads its runs' parses through
    /// a view that has the same method.)
    #[cfg(test)]
    pub(super) fn lists_of(&self, i: usize) -> Lists {
        match self.lists[i] {
            UNSET => key_lists(self.tokens[i]),
            l => l,
        }
    }
}

/// A trailing full stop belongs to the sentence, not the name, unless it
/// closes an initial.
fn close_last_token(parts: &mut NameParts<'_>) {
    if let Some(last) = parts.tokens.last_mut() {
        if last.ends_with('.') && last.chars().filter(|c| c.is_alphabetic()).count() > 1 {
            *last = &last[..last.len() - 1];
        }
    }
}

pub(super) fn parse_run(run: &str) -> NameParts<'_> {
    if one_ascii_word(run) {
        return parse_word(run, key_lists(run));
    }
    if let Some((words, n)) = plain_words(run) {
        if let Some(parts) = parse_plain(&words[..n]) {
            return parts;
        }
    }
    parse_words(run)
}

/// The words of `run` and how many there are, when it is two to four
/// capitalised words of ASCII letters, each apart from the next by one
/// space ("Dana Pell", "Port Ellery Council"), as most runs of more than
/// one word are: no mark, digit, hyphen or apostrophe, and no word longer
/// than a key ([`Lexicon::MAX_KEY`]).
#[inline]
fn plain_words(run: &str) -> Option<([(usize, &str); 4], usize)> {
    let b = run.as_bytes();
    let mut words = [(0, ""); 4];
    let mut n = 0;
    let mut i = 0;
    loop {
        if n == words.len() || !b.get(i).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let start = i;
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        if i - start > Lexicon::MAX_KEY {
            return None;
        }
        words[n] = (start, &run[start..i]);
        n += 1;
        match b.get(i) {
            None => break,
            Some(b' ') => i += 1,
            Some(_) => return None,
        }
    }
    (n >= 2).then_some((words, n))
}

/// [`parse_words`] of [`plain_words`]' words, or `None` where one may be
/// glued on before the name (then `parse_words` decides). Such words hold
/// no preposition, possessive or particle (each is lower case or ends in
/// a mark), no word is a title by its case or a hyphen, and none has a
/// mark to come off a token: a title is a word on [`NOT_NAME_WORDS`], and
/// the name is what follows the last one before the last word ("Harbour
/// Board Chair Ines Kowal" → "Ines Kowal"). Each word's lists are looked
/// up once, all but the last, as `parse_words` looks them up for its cut.
fn parse_plain<'a>(words: &[(usize, &'a str)]) -> Option<NameParts<'a>> {
    let n = words.len();
    // (`glued_lead`: a capitalised adverb or label opening three words or
    // more, by its form before any look-up; "Eventually", "Pensioner".
    // No plain word is a compound modifier, which holds a hyphen.)
    if n >= 3 {
        let b = words[0].1.as_bytes();
        let w = words[0].1;
        if b.len() >= 5
            && b[1..].iter().all(u8::is_ascii_lowercase)
            && ((w.ends_with("ly") && b.len() >= 7)
                || ["er", "or", "ee", "man", "woman", "ist", "ant", "ent"]
                    .iter()
                    .any(|s| w.ends_with(s)))
        {
            return None;
        }
    }
    let mut lists = [UNSET; 4];
    for (l, (_, w)) in lists.iter_mut().zip(&words[..n - 1]) {
        *l = key_lists(w);
    }
    // (`glued_lead`'s head of a body's name before a name of two words:
    // "Kelso Courier Marta Quill".)
    if n == 4 && lists[1].any(list::NOT_PERSON_HEAD) {
        return None;
    }
    let mut parts = NameParts::default();
    let cut = (0..n - 1)
        .rev()
        .find(|&k| lists[k].any(NOT_NAME_WORDS.0))
        .map_or(0, |k| k + 1);
    for (k, (_, w)) in words[..cut].iter().enumerate() {
        // (A word of ASCII letters is keyed as itself in lower case, and
        // every honorific is lower case.)
        if let Some((_, g)) = HONORIFICS.iter().find(|(h, _)| h.eq_ignore_ascii_case(w)) {
            parts.gender = parts.gender.or(*g);
            parts.honorific = true;
        } else if !lists[k].any(STOP_WORDS.0) {
            parts.titles.push(w);
        }
    }
    let mut i = cut;
    while n - i > 2 {
        let w = words[i].1.as_bytes();
        if !["ian", "ish", "ese", "can", "ic"].iter().any(|e| {
            w.len() >= e.len() && w[w.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        }) {
            break;
        }
        parts.titles.push(words[i].1);
        i += 1;
    }
    parts.offset = words[i].0;
    for (k, (_, w)) in words.iter().enumerate().skip(i) {
        parts.tokens.push(w);
        parts.lists.push(lists[k]);
    }
    Some(parts)
}

/// [`parse_run`] of a run of any words: what [`parse_word`] answers for
/// one word is tested against it.
fn parse_words(run: &str) -> NameParts<'_> {
    let mut parts = NameParts::default();
    let all = words_at(run);
    let mut words: &[(usize, &str)] = &all;
    // "Ola Brenn of Westfold", "Jane Doe from the council", "Reyne of
    // Halvorsen University's Centre": the name is what stands before the
    // preposition — unless only titles do ("Minister of Fisheries Ola
    // Brenn"), or nothing but a possessive ("Ukraine's Minister of
    // Fisheries Ola Brenn").
    let head_is_name = |words: &[(usize, &str)]| {
        words.iter().any(|(_, w)| {
            !has_key(&NOT_NAME_WORDS, w) && w.chars().next().is_some_and(char::is_uppercase)
        }) && !words.iter().any(|(_, w)| is_possessive_word(w))
    };
    let preposition = |words: &[(usize, &str)]| {
        words
            .iter()
            .position(|(_, w)| w.chars().all(char::is_lowercase) && PREPOSITIONS.contains(w))
    };
    if let Some(k) = preposition(words).filter(|&k| head_is_name(&words[..k])) {
        words = &words[..k];
    }
    // A possessive ends what came before: keep only the words after it.
    if let Some(k) = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|(_, w)| is_possessive_word(w))
    {
        words = &words[k + 1..];
    }
    // A word glued before the name: a sentence-opening adverb ("Finally
    // Ravi Tandon agreed") or a common-noun label ("Pensioner Ida Moss
    // said"), or the outlet of a photo credit that runs into a caption
    // ("… / The Harbour Ledger Marta Quill, left, …"): the name is what
    // follows.
    words = &words[glued_lead(words)..];
    if let Some(k) = preposition(words).filter(|&k| head_is_name(&words[..k])) {
        words = &words[..k];
    }
    // Honorifics are all titles too (see the tests).
    // A hyphenated title is a title ("Vice-President", "Ex-Mayor").
    // (Each word's lists looked up once, when first asked for, and handed
    // on with its name token to `plausible_name_with`.)
    let mut lists: Few<Lists> = words.iter().map(|_| UNSET).collect();
    let mut lists_at = |k: usize| {
        if lists[k] == UNSET {
            lists[k] = key_lists(words[k].1);
        }
        lists[k]
    };
    // The name is what follows the last title, role or honorific that has a
    // word after it: "Northland Gov. Ada Rusk", "party spokesman Tom
    // Vell", "Harbour Board Chair Ines Kowal". A title as the last word is
    // part of the name ("Ada T. Rusk").
    // A particle before a capitalised word is part of the name ("Pierre
    // de Vos", "de Rosa"), not a lower-case title word.
    // So are two or three in a row ("Tomas van der Berg", "Ana de la
    // Cruz", "van der Berg said").
    let particle = |k: usize| {
        words[k..]
            .iter()
            .take(3)
            .position(|(_, w)| !PARTICLES.contains(w))
            .is_some_and(|n| {
                n > 0
                    && words[k + n]
                        .1
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
    };
    let cut = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&k| is_title_word(words[k].1, lists_at(k).any(NOT_NAME_WORDS.0)) && !particle(k))
        .map_or(0, |k| k + 1);
    for (k, (_, w)) in words[..cut].iter().enumerate() {
        // (Keys compared as bytes: not checked again as UTF-8.)
        let key = Key::new(w);
        let key = key.as_bytes();
        if let Some((_, g)) = HONORIFICS.iter().find(|(h, _)| h.as_bytes() == key) {
            parts.gender = parts.gender.or(*g);
            parts.honorific = true;
        } else if !lists_at(k).any(STOP_WORDS.0) {
            parts.titles.push(w);
        }
    }
    // Nationality and party adjectives before a two-word name.
    let mut i = cut;
    while words.len() - i > 2 {
        let key = Key::new(words[i].1);
        let key = key.as_bytes();
        if !["ian", "ish", "ese", "can", "ic"]
            .iter()
            .any(|e| key.ends_with(e.as_bytes()))
        {
            break;
        }
        parts.titles.push(words[i].1);
        i += 1;
    }
    if words.len() == 1 && is_title_word(words[0].1, lists_at(0).any(NOT_NAME_WORDS.0)) {
        return parts;
    }
    if let Some(&(at, _)) = words.get(i) {
        parts.offset = at;
    }
    // (The last word's lists are looked up when asked for: most runs
    // stop at `plausible_name_with`'s first answers.)
    for (k, (_, w)) in words.iter().enumerate().skip(i) {
        push_token(&mut parts, w, lists[k]);
    }
    close_last_token(&mut parts);
    parts
}

/// "Rusk's", "Harbour Trust’s", "the Rusks'": a possessive word.
fn is_possessive_word(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

/// How many of the first words of a name run are glued on before the
/// name rather than part of it:
/// - a capitalised adverb in -ly at a sentence start ("Eventually Ravi
///   Tandon agreed"), or a common-noun label by its suffix ("Pensioner",
///   "Retiree", "Defenseman", "Columnist": -er, -or, -ee, -man, -ist,
///   -ant, -ent), when it is not a known first name;
/// - the name of an outlet or body up to its head word ("Harbour Ledger",
///   "Kelso Courier") when a name follows it directly, as a photo credit
///   runs into a caption.
///
/// Either way the rest must be two to four capitalised words, none of them
/// a title or role ("Chester Zoo Director Ada Rusk" keeps its titles for
/// the title rule), that read as a person's name.
pub(super) fn glued_lead(words: &[(usize, &str)]) -> usize {
    let name_after = |k: usize, least: usize| {
        let rest = &words[k..];
        (least..=4).contains(&rest.len())
            && rest.iter().enumerate().all(|(i, (_, w))| {
                let capital = w.chars().next().is_some_and(char::is_uppercase)
                    || hyphen_particle_len(w).is_some();
                // (Particles inside the name: "Ines de la Mora".)
                let particle = i > 0 && PARTICLES.contains(w);
                (capital || particle) && !has_key(&NOT_NAME_WORDS, w)
            })
            && {
                let tokens: Few<&str> = rest
                    .iter()
                    .map(|(_, w)| strip_possessive(w).trim_end_matches([',', ':', ';', '.']))
                    .collect();
                plausible_name(&tokens)
            }
    };
    if words.len() >= 3 && is_glued_word(words[0].1) && name_after(1, 2) {
        return 1;
    }
    // A compound modifier ("Toronto-based", "Kremlin-backed"): before a
    // name of one word too.
    if words.len() >= 2 && is_compound_modifier(words[0].1) && name_after(1, 1) {
        return 1;
    }
    // The last head of a body's name with a name after it.
    (1..words.len().saturating_sub(2))
        .rev()
        .find(|&k| {
            let w = words[k].1;
            is_org_head(w)
                && w.starts_with(|c: char| c.is_uppercase())
                && first_name_gender(w).is_none()
                && name_after(k + 1, 2)
        })
        .map_or(0, |k| k + 1)
}

/// Is `w` a capitalised compound whose last part is a lower-case
/// participle ("Toronto-based", "Harbour-born", "Kremlin-backed")?
fn is_compound_modifier(w: &str) -> bool {
    // (The ending first, on the whole word: the last part ends as the word
    // does, and most words before a name end otherwise: "Ada" is not
    // searched for a hyphen.)
    (w.ends_with("ed") || w.ends_with("born") || w.ends_with("run"))
        && w.starts_with(|c: char| c.is_uppercase())
        && w.rsplit_once('-').is_some_and(|(_, last)| {
            last.len() >= 3
                && last.chars().all(|c| c.is_ascii_lowercase())
                && (last.ends_with("ed") || last.ends_with("born") || last.ends_with("run"))
        })
}

/// `is_compound_modifier` as it was, without the early look at the ending:
/// the specification it is tested against.
#[cfg(test)]
pub(super) fn is_compound_modifier_spec(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
        && w.rsplit_once('-').is_some_and(|(_, last)| {
            last.len() >= 3
                && last.chars().all(|c| c.is_ascii_lowercase())
                && (last.ends_with("ed") || last.ends_with("born") || last.ends_with("run"))
        })
}

/// Is `w` (capitalised) an adverb or a common-noun label by its form, and
/// no first name ("Kimberly", "Peter")?
fn is_glued_word(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 5
        || !b[0].is_ascii_uppercase()
        || !b[1..].iter().all(u8::is_ascii_lowercase)
        || has_key(&NOT_NAME_WORDS, w)
        || first_name_gender(w).is_some()
    {
        return false;
    }
    const SUFFIXES: &[&str] = &["er", "or", "ee", "man", "woman", "ist", "ant", "ent"];
    (w.ends_with("ly") && b.len() >= 7) || SUFFIXES.iter().any(|s| w.ends_with(s))
}

/// Role words written just before a name in lower case ("council leader").
/// `before` is [`lists_before`]`(text, at)`, the lists of the word before
/// the name, which the caller has looked up already: most words before a
/// name are no role, and are not read again.
pub(super) fn role_before(text: &str, at: usize, before: Lists) -> Option<String> {
    if !before.any(ROLE_WORDS.0) {
        return None;
    }
    let mut words = text[..at].split_whitespace().rev();
    let last = words.next()?;
    if last.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if let Some(w) = words.next() {
        if !has_key(&STOP_WORDS, w) && w.chars().all(|c| c.is_alphabetic() || c == '-') {
            return Some(format!("{w} {last}"));
        }
    }
    Some(last.to_string())
}

/// An appositive after a name: "Jane Doe, a spokeswoman for the council,
/// ...": what `appositive` finds, kept as the specification it is tested
/// against.
#[cfg(test)]
pub(super) static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,\s+(?:a|an|the|who is|who was)\s+([^,.;:]{2,80}?)(?:,|\s+(?:said|says|told|added|who)(?-u:\b)|\.|$)")
        .expect("appositive regex")
});

/// The appositive after a name, as APPOSITIVE's group captures it, read
/// by hand in the order the regex tries its ways of matching: past ", ",
/// the opening word and all the white space after it (giving it back a
/// character at a time), the shortest run of two to eighty characters
/// other than `,.;:` that a closing comma, speech word, stop or the end
/// follows. (The captures ran the backtracker, some thousands of
/// instructions a name.)
pub(super) fn appositive(rest: &str) -> Option<&str> {
    let r = rest.strip_prefix(',')?;
    let t = r.trim_start();
    if t.len() == r.len() {
        return None;
    }
    // The opening words exclude one another, each with white space after.
    let body = ["a", "an", "the", "who is", "who was"]
        .iter()
        .find_map(|w| {
            t.strip_prefix(w)
                .filter(|b| b.starts_with(char::is_whitespace))
        })?;
    let lead = body.len() - body.trim_start().len();
    // Where the group may start: past all the white space, then a
    // character less at a time (one at least stays with `\s+`).
    let starts = std::iter::once(lead).chain(
        body[..lead]
            .char_indices()
            .rev()
            .map(|(i, _)| i)
            .filter(|&i| i > 0),
    );
    let closes = |x: &str| {
        // (Asked at each character of the run, most of them letters: an
        // ASCII byte that is neither white space nor a stop, the "r" of
        // "a nurse", closes nothing, and the speech words are not looked
        // for.)
        match x.as_bytes().first() {
            None | Some(b',' | b'.') => return true,
            Some(&b) if b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r') => return false,
            _ => {}
        }
        let y = x.trim_start();
        y.len() < x.len()
            && ["said", "says", "told", "added", "who"]
                .iter()
                .any(|w| y.starts_with(w) && !word_byte(y.as_bytes().get(w.len())))
    };
    for g in starts {
        let s = &body[g..];
        let (mut p, mut n) = (0, 0);
        loop {
            if n >= 2 && closes(&s[p..]) {
                return Some(&s[..p]);
            }
            match s[p..].chars().next() {
                Some(c) if n < 80 && !matches!(c, ',' | '.' | ';' | ':') => {
                    p += c.len_utf8();
                    n += 1;
                }
                _ => break,
            }
        }
    }
    None
}

/// A match of `name_runs`, read the way a regex match is.
pub(super) struct NameRun<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
}

impl<'a> NameRun<'a> {
    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }

    pub(super) fn as_str(&self) -> &'a str {
        self.text
    }
}

/// Can a name with first name `b` mean a person with first name `a` (both
/// lower-case keys) of the same surname: the same name, or an initial of
/// the other ("J" and "jane")?
pub(super) fn first_names_match(a: &[u8], b: &[u8]) -> bool {
    a == b || (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b))
}

/// A lower-case key (`lower_key`), on the stack when it is short and
/// ASCII.
pub(super) enum Key {
    Stack([u8; Key::STACK], usize),
    Heap(String),
}

impl Key {
    /// The longest key held on the stack (a key is moved by value: a
    /// longer buffer cost its copy for every short name).
    const STACK: usize = 32;

    /// `lower_key(s)`.
    pub(super) fn new(s: &str) -> Key {
        // (Keyed as the word table keys a word, eight bytes at a time, as
        // many words as the key fills.)
        match key_words(s) {
            Some((words, n)) => Key::from_words(&words, n),
            None => Key::new_slow(s),
        }
    }

    /// [`Key::new`] of a word that [`key_words`] gives no key (a character
    /// outside ASCII, or longer than a key), out of line: its trim by
    /// characters and its `to_lowercase` stay off the common call's path.
    #[inline(never)]
    fn new_slow(s: &str) -> Key {
        let t = s.trim_matches(|c: char| !c.is_alphanumeric());
        if t.is_ascii() && t.len() <= Key::STACK {
            let mut buf = [0u8; Key::STACK];
            buf[..t.len()].copy_from_slice(t.as_bytes());
            buf[..t.len()].make_ascii_lowercase();
            Key::Stack(buf, t.len())
        } else {
            Key::Heap(t.to_lowercase())
        }
    }

    /// The key `key_words` gives as words: `n` ASCII bytes.
    pub(super) fn from_words(words: &[u64; Lexicon::MAX_KEY / 8], n: usize) -> Key {
        const _: () = assert!(Key::STACK == Lexicon::MAX_KEY);
        // (All four words are copied, without a loop or a branch on the
        // key's length: only the key's `n` bytes are ever read back.)
        let mut buf = [0u8; Key::STACK];
        for (c, w) in buf.chunks_exact_mut(8).zip(words) {
            c.copy_from_slice(&w.to_le_bytes());
        }
        Key::Stack(buf, n)
    }

    pub(super) fn as_str(&self) -> &str {
        match self {
            Key::Stack(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Key::Heap(s) => s,
        }
    }

    /// The key's bytes, not checked again as UTF-8: a key only hashed and
    /// compared ("holm" looked up as a surname) needs no `&str`, and
    /// checking each stack key cost a call per name.
    pub(super) fn as_bytes(&self) -> &[u8] {
        match self {
            Key::Stack(buf, n) => &buf[..*n],
            Key::Heap(s) => s.as_bytes(),
        }
    }
}

/// `w.to_lowercase()`, on the stack when `w` is short and ASCII.
pub(super) enum Lower {
    Stack([u8; 24], usize),
    Heap(String),
}

impl Lower {
    pub(super) fn new(w: &str) -> Lower {
        if w.is_ascii() && w.len() <= 24 {
            let mut buf = [0u8; 24];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            Lower::Stack(buf, w.len())
        } else {
            Lower::Heap(w.to_lowercase())
        }
    }

    pub(super) fn as_str(&self) -> &str {
        match self {
            Lower::Stack(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Lower::Heap(s) => s,
        }
    }
}

/// Is `w` the head of a place or organisation name ("House", "Show")?
pub(super) fn is_org_head(w: &str) -> bool {
    static HEADS: WordSet = WordSet(list::NOT_PERSON_HEAD);
    has_key(&HEADS, w)
}

/// Names are capitalised words without digits; a run of place or
/// organisation words is not a person ("New York", "White House").
/// Words that never stand in a person's name at all.
pub(super) const NOT_PERSON: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "america",
    "europe",
    "africa",
    "asia",
    // "New York", "New Jersey": York is a surname too (James York).
    "new",
    "middle",
    "eastern",
    "western",
    "northern",
    "southern",
    "zealand",
    "united",
    "national",
    "international",
    "federal",
    "democrats",
    "republicans",
    "facebook",
    "twitter",
    "google",
];

pub(super) fn plausible_name(tokens: &[&str]) -> bool {
    let lists: Few<Lists> = tokens.iter().map(|t| key_lists(t)).collect();
    plausible_name_with(tokens, &lists)
}

/// [`plausible_name`] of `tokens` whose lists (`key_lists` of each) are
/// `lists` where the parse of the run looked them up ([`UNSET`] where not).
/// May the lone name token `t` (of lists `l`, or [`UNSET`]) pass
/// [`plausible_name_with`]? `false` only where it cannot: a word on a list
/// no name word is on ("America", "Google"), or a word of ASCII capitals
/// ("NASA"). A test of its lists and a few of its bytes, asked
/// before the context of a lone word that is no known name (a quarter of
/// such words fail so, and the look at the context cost some three
/// hundred and fifty instructions each).
#[inline]
pub(super) fn lone_name_may_be(t: &str, l: Lists) -> bool {
    const NEVER: Lists = list::NOT_PERSON.or(list::STOP).or(list::NOT_PERSON_HEAD);
    // (Most words have a small letter second: then only the lists are
    // asked.)
    let b = t.as_bytes();
    !(l != UNSET && l.any(NEVER)
        || b.get(1).is_some_and(u8::is_ascii_uppercase) && b.iter().all(u8::is_ascii_uppercase))
}

pub(super) fn plausible_name_with(tokens: &[&str], lists: &[Lists]) -> bool {
    if tokens.is_empty() {
        return false;
    }
    // (Pushed one by one: a collect through `extend` was a call that cost
    // more than the loop.)
    let mut all = Four::new();
    for (t, &l) in tokens.iter().zip(lists) {
        all.push(if l == UNSET { key_lists(t) } else { l });
    }
    let lists = all;
    const NEVER: Lists = list::NOT_PERSON.or(list::STOP);
    // (A plain token, as most are, is ASCII letters with a lower-case one
    // second: "Dana", "McKee". It holds a letter, no digit and no stop,
    // is more than an initial and is not in capitals, so of the tests
    // below only its lists are asked of it, where each test read it by
    // characters. Its bit is set here, for the first 64 tokens.)
    let mut plain = 0u64;
    for (i, t) in tokens.iter().enumerate().take(64) {
        let b = t.as_bytes();
        if b.len() >= 2
            && b[0].is_ascii_alphabetic()
            && b[1].is_ascii_lowercase()
            && ascii_letters_end(b, 2) == b.len()
        {
            plain |= 1 << i;
        }
    }
    let is_plain = |i: usize| i < 64 && plain & (1 << i) != 0;
    // "N.S.", "S.": initials alone (a province, a cut abbreviation) are no
    // one's name.
    // (A piece of two characters or more answers: no count of them all. A
    // token without a stop, as most are, is its one piece: "Ada" is not
    // split.)
    let initials_only = plain == 0
        && tokens.iter().all(|t| {
            if !t.as_bytes().contains(&b'.') {
                return t.chars().nth(1).is_none();
            }
            t.trim_end_matches('.')
                .split('.')
                .all(|piece| piece.chars().nth(1).is_none())
        });
    if initials_only {
        return false;
    }
    // A surname that is also a common word ("Ada May", "Tom Will") after a
    // known first name.
    let n = tokens.len();
    let word_surname = |i: usize| {
        i + 1 == n
            && n >= 2
            && lists[i].any(list::STOP)
            && lists[i - 1].any(list::MALE.or(list::FEMALE))
    };
    // (`is_org_head` of the last token.)
    !lists[n - 1].any(list::NOT_PERSON_HEAD)
        && tokens.iter().enumerate().all(|(i, t)| {
            if is_plain(i) {
                return !lists[i].any(NEVER) || word_surname(i);
            }
            // (A letter or digit in it: what is left once the rest is
            // trimmed off both ends is not empty.)
            t.chars().any(char::is_alphanumeric)
                && !t.bytes().any(|b| b.is_ascii_digit())
                && (!lists[i].any(NEVER) || word_surname(i))
                && !is_capitals(t)
        })
}

/// `plausible_name` as it was, a look-up per question: the specification
/// the one-look-up-a-token version is tested against.
#[cfg(test)]
pub(super) fn plausible_name_spec(tokens: &[&str]) -> bool {
    let Some(last) = tokens.last() else {
        return false;
    };
    static NEVER: WordSet = WordSet(list::NOT_PERSON.or(list::STOP));
    let initials_only = tokens.iter().all(|t| {
        t.trim_end_matches('.')
            .split('.')
            .all(|piece| piece.chars().count() <= 1)
    });
    let n = tokens.len();
    let word_surname = |i: usize| {
        i + 1 == n
            && n >= 2
            && has_key(&STOP_WORDS, tokens[i])
            && first_name_gender(tokens[i - 1]).is_some()
    };
    !initials_only
        && !is_org_head(last)
        && tokens.iter().enumerate().all(|(i, t)| {
            !t.trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
                && !t.chars().any(|c| c.is_ascii_digit())
                && (!has_key(&NEVER, t) || word_surname(i))
                && !is_capitals(t)
        })
}

/// A word in capitals ("DECATUR", "RNC"): a place or an acronym, not a name.
/// Initials written together ("T.J.", "J.R.") are part of a name.
#[inline]
pub(super) fn is_capitals(t: &str) -> bool {
    // (A lower-case letter first: most words have one, near the start.)
    if t.chars().any(char::is_lowercase) {
        return false;
    }
    let initials = t.contains('.')
        && t.trim_end_matches('.')
            .split('.')
            .all(|piece| piece.chars().count() == 1);
    !initials && t.chars().filter(|c| c.is_alphabetic()).count() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name tokens of a run.
    fn name(run: &str) -> Vec<&str> {
        parse_run(run).tokens.to_vec()
    }

    use crate::testing::speakers;

    #[test]
    fn particles_in_a_row_belong_to_the_name() {
        assert_eq!(name("Tomas van der Berg"), ["Tomas", "van", "der", "Berg"]);
        assert_eq!(name("Ana de la Cruz"), ["Ana", "de", "la", "Cruz"]);
        assert_eq!(
            name("President Ana de la Cruz"),
            ["Ana", "de", "la", "Cruz"]
        );
        assert!(opens_with_particle(&["van", "der", "Berg"]));
        assert!(opens_with_particle(&["De", "la", "Cruz"]));
        // A capitalised particle alone is the name's own.
        assert!(!opens_with_particle(&["Van", "Morrison"]));
        let text = "Harbour vote\n\n\
            Its chair, Tomas van der Berg, said the vote was \"close\".\n\n\
            \"We will ask again,\" van der Berg said.\n\n\
            Ana de la Cruz, a skipper, was not persuaded. \"Ask all you like,\" De la Cruz said.\n";
        assert_eq!(
            speakers(text),
            [
                Some("Tomas van der Berg".to_string()),
                Some("Tomas van der Berg".to_string()),
                Some("Ana de la Cruz".to_string())
            ]
        );
    }

    #[test]
    fn an_opening_adverb_or_label_is_no_part_of_the_name() {
        assert_eq!(name("Finally Ravi Tandon"), ["Ravi", "Tandon"]);
        assert_eq!(name("Pensioner Ida Moss"), ["Ida", "Moss"]);
        assert_eq!(name("Retiree Ida Moss"), ["Ida", "Moss"]);
        assert_eq!(name("Columnist Ida Moss"), ["Ida", "Moss"]);
        // A first name of that form stays ("Kimberly", "Spencer"), and so
        // does a short word; a title keeps its own rule.
        assert_eq!(name("Kimberly Ann Moss"), ["Kimberly", "Ann", "Moss"]);
        assert_eq!(name("Spencer Ola Moss"), ["Spencer", "Ola", "Moss"]);
        assert_eq!(name("Holly Ann Moss"), ["Holly", "Ann", "Moss"]);
        assert_eq!(parse_run("Mayor Ida Moss").titles.to_vec(), ["Mayor"]);
        // A body's name is not cut to a "name" ("Leicester City Council").
        assert_eq!(
            name("Leicester City Council"),
            ["Leicester", "City", "Council"]
        );
        let text = "Shop petition\n\n\
            Finally Ravi Tandon, who runs the shop, agreed. \"It filled up fast,\" Mr Tandon said.\n";
        assert_eq!(speakers(text), [Some("Ravi Tandon".to_string())]);
    }

    #[test]
    fn a_name_stands_before_the_body_it_is_of() {
        assert_eq!(name("Reyne of Halvorsen University's Centre"), ["Reyne"]);
        assert_eq!(name("Ola Brenn of Westfold"), ["Ola", "Brenn"]);
        // A possessive before the preposition ends the head instead.
        assert_eq!(name("Westfold's Mayor Ola Brenn of Kell"), ["Ola", "Brenn"]);
    }

    #[test]
    fn hyphen_particles_and_compound_modifiers() {
        assert_eq!(name("Abu Karim al-Masri"), ["Abu", "Karim", "al-Masri"]);
        assert_eq!(name("al-Shabaab"), ["al-Shabaab"]);
        assert_eq!(
            name_runs("the group al-Shabaab said").collect::<Vec<_>>(),
            [(10, 20)]
        );
        // Not inside a word.
        assert_eq!(name_runs("total-Masri").collect::<Vec<_>>(), [(6, 11)]);
        assert_eq!(name("Toronto-based Ada Rusk"), ["Ada", "Rusk"]);
        assert_eq!(name("Kremlin-backed al-Shabaab"), ["al-Shabaab"]);
        // A hyphenated name stays whole.
        assert_eq!(name("Jean-Luc Picard"), ["Jean-Luc", "Picard"]);
        let text = "Attack\n\n\
            \"We warned them,\" said Dr. Abu Karim al-Masri, a surgeon.\n";
        assert_eq!(speakers(text), [Some("Abu Karim al-Masri".to_string())]);
    }

    #[test]
    fn an_outlet_glued_before_a_caption_name_is_cut_off() {
        assert_eq!(name("The Harbour Ledger Marta Quill"), ["Marta", "Quill"]);
        assert_eq!(
            name("Kelso Courier Ines de la Mora"),
            ["Ines", "de", "la", "Mora"]
        );
        // A name with a body's word inside it stays whole.
        assert_eq!(name("Ada Hall Rusk"), ["Ada", "Hall", "Rusk"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `word_before` finds the word `split_whitespace` finds last,
        /// before every place of a text of ASCII and other white space,
        /// words and letters outside ASCII.
        #[test]
        fn word_before_matches_split_whitespace(
            text in "[ \t\n\r\x0b\x0c\x1ca-cB,.\u{a0}\u{85}\u{2003}é’]{0,12}",
        ) {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                proptest::prop_assert_eq!(
                    word_before(&text, at),
                    text[..at].split_whitespace().next_back(),
                    "at {}", at
                );
            }
        }

        /// `plausible_name`, one look-up a token, answers as its
        /// specification's look-up a question does; `key_lists` holds each
        /// word's sets as `has_key` finds them.
        #[test]
        fn plausible_names_and_key_lists_match_the_look_ups(
            v in proptest::collection::vec(
                crate::testing::joined(
                    vec![
                        "Ada", "ADA", "May", "may", "Will", "Tom", "Lena", "Rusk", "House", "Hall",
                        "New", "York", "The", "the", "Mayor", "mayor", "Gov.", "J.", "T.J.",
                        "N.S.", "S", ".", "'s", "’", "-", "2", "é", "É", "Zoë", "RNC", "(", ",",
                        "McKee", "aB", "q", "Q",
                    ],
                    0..3,
                ),
                0..5,
            ),
        ) {
            let tokens: Vec<&str> = v.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(plausible_name(&tokens), plausible_name_spec(&tokens));
            for t in &tokens {
                let lists = key_lists(t);
                for set in [
                    &TITLE_WORDS, &ROLE_WORDS, &STOP_WORDS, &NOT_NAME_WORDS, &MALE_NAMES,
                    &FEMALE_NAMES, &PLACE_BEFORE_WORDS,
                ] {
                    proptest::prop_assert_eq!(lists.any(set.0), has_key(set, t), "{:?}", t);
                }
            }
        }

        /// The run of ASCII letters found eight bytes at a time ends where
        /// a test a byte ends it, from any start, among bytes on either
        /// side of each letter range and outside ASCII.
        #[test]
        fn ascii_letters_end_matches_a_test_a_byte(
            b in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(b"@AZ[`az{ \x7f\x80\xc1\xda\xe1\xfa\xff".to_vec()),
                    proptest::prelude::any::<u8>(),
                    b'a'..=b'z',
                    b'A'..=b'Z',
                ],
                0..40,
            ),
            start in 0usize..41,
        ) {
            let start = start.min(b.len());
            let mut want = start;
            while b.get(want).is_some_and(u8::is_ascii_alphabetic) {
                want += 1;
            }
            proptest::prop_assert_eq!(ascii_letters_end(&b, start), want);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// The runs that start outside the quotations are the runs of the
        /// whole text that start outside them, whether the scan goes on
        /// from a quotation's end or reads the run that starts inside:
        /// quotations of any bounds, closed by marks a run holds or not.
        #[test]
        fn runs_outside_quotations_are_the_runs_that_start_outside(
            text in crate::testing::joined(
                vec![
                    "Ann", "ann", "A.", "Mr.", "de", "al", "-", "'", "’", "\"", "”", "“", "»",
                    "«", "Lee's", "O’Neil", "Émile", "é", ".", ",", "1", "_", " ", "  ", "\n",
                    "\u{a0}",
                ],
                0..30,
            ),
            cuts in proptest::collection::vec(0usize..120, 0..8),
        ) {
            let quoted = crate::testing::spans_between(&text, cuts);
            let inside = |at: usize| quoted.iter().any(|q| q.start <= at && at < q.end);
            let want: Vec<_> = name_runs_outside(&text, &[])
                .filter(|&(s, _, _)| !inside(s))
                .collect();
            proptest::prop_assert_eq!(
                name_runs_outside(&text, &quoted).collect::<Vec<_>>(),
                want,
                "{:?} {:?}",
                text,
                quoted
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `key_words` is `padded_key`'s key as words, and the word table
        /// finds in it the lists of `lower_key(w)`, through `key_lists` and
        /// `has_key`: words of 0 to 40 bytes, marks at either end, capitals,
        /// characters outside ASCII.
        #[test]
        fn compound_modifier_matches_the_spec(
            w in crate::testing::joined(
                vec!["Toronto", "T", "a", "-", "based", "ed", "born", "run", "d", "Ed", "é", "É", "-ed"],
                0..5,
            ),
        ) {
            proptest::prop_assert_eq!(is_compound_modifier(&w), is_compound_modifier_spec(&w), "{:?}", w);
        }

        #[test]
        fn key_words_are_the_lower_cased_key(
            w in crate::testing::joined(
                vec![
                    "a", "A", "Z", "z", "@", "[", "`", "{", "the", "The", "MAYOR", "mayor",
                    "spokesman", "said", "Ann", ".", "'", "(", "-", "0", "9", "é", "É", "\u{7f}",
                ],
                0..14,
            ),
        ) {
            // The trim by table is the trim a byte at a time.
            let b = w.as_bytes();
            proptest::prop_assert_eq!(trim_ascii_marks(b), trim_ascii_marks_bytewise(b), "{:?}", w);
            let words = key_words(&w);
            let padded = padded_key::<{ Lexicon::MAX_KEY }>(&w);
            proptest::prop_assert_eq!(words.is_some(), padded.is_some(), "{:?}", w);
            if let (Some((k, n)), Some((b, m))) = (words, padded) {
                proptest::prop_assert_eq!(n, m);
                let mut bytes = [0u8; Lexicon::MAX_KEY];
                for (c, x) in bytes.chunks_exact_mut(8).zip(k) {
                    c.copy_from_slice(&x.to_le_bytes());
                }
                proptest::prop_assert_eq!(bytes, b, "{:?}", w);
            }
            let spec = WORDS.lists(WORDS.id(lower_key(&w).as_bytes()));
            proptest::prop_assert_eq!(key_lists(&w), spec, "{:?}", w);
            for set in [&TITLE_WORDS, &ROLE_WORDS, &STOP_WORDS, &NOT_NAME_WORDS, &MALE_NAMES] {
                proptest::prop_assert_eq!(has_key(set, &w), spec.any(set.0), "{:?}", w);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// A run of one ASCII word is parsed by `parse_word` as the general
        /// parse parses it: titles, roles, stop words and honorifics with
        /// their marks, hyphenated titles and particles, possessives,
        /// initials and closing stops. Runs of any words carry each name
        /// token's lists as `key_lists` gives them.
        #[test]
        fn one_word_parses_as_the_general_parse(
            w in crate::testing::joined(
                vec![
                    "Ada", "Rusk", "The", "the", "Mayor", "Gov", "Mr", "Sir", "Vice", "al",
                    "de", "of", "J", "T", "X", "May", "Ex", "-", ".", ",", ":", ";", "'s",
                    "'", "(", "é", "2", "ly", "Eventually", "Pensioner", "spokesman", " ",
                    "’s", "House", "Hall", "ADA", "Google", "A7", "In", "From", "é",
                ],
                0..5,
            ),
        ) {
            let general = parse_words(&w);
            // Each name token's lists are the ones it would be looked up in.
            for run in [parse_run(&w), general] {
                for (i, t) in run.tokens.iter().enumerate() {
                    proptest::prop_assert!(run.lists[i] == UNSET || run.lists[i] == key_lists(t));
                    proptest::prop_assert_eq!(run.lists_of(i), key_lists(t), "{:?}", w);
                }
                proptest::prop_assert_eq!(
                    plausible_name_with(&run.tokens, &run.lists),
                    plausible_name(&run.tokens)
                );
            }
            // Where the gate before a lone word's context turns a token
            // away, the test it stands for would have.
            for run in [parse_run(&w), parse_words(&w)] {
                for (i, &t) in run.tokens.iter().enumerate() {
                    for l in [run.lists[i], UNSET, key_lists(t)] {
                        proptest::prop_assert!(
                            lone_name_may_be(t, l) || !plausible_name_with(&[t], &[l]),
                            "{:?} {:?}", w, t
                        );
                    }
                }
            }
            // The words a run holds before its name open with a
            // preposition as the code it replaces finds.
            for run in [parse_run(&w), parse_words(&w)] {
                let lead = &w[..run.offset];
                proptest::prop_assert_eq!(
                    opens_with_preposition(lead),
                    opens_with_preposition_spec(lead)
                );
            }
            for lead in [w.as_str(), ""] {
                proptest::prop_assert_eq!(
                    opens_with_preposition(lead),
                    opens_with_preposition_spec(lead)
                );
            }
            let general = parse_words(&w);
            // A lone word's one token, read in place, is `parse_word`'s.
            if !w.is_empty() && !w.contains(char::is_whitespace) {
                let lists = key_lists(&w);
                let word = parse_word(&w, lists);
                // (Nor is it a particle, which `gather` does not ask.)
                proptest::prop_assert!(
                    lone_token(&w, lists).is_none_or(|(t, _)| !opens_with_particle(&[t]))
                );
                proptest::prop_assert_eq!(
                    lone_token(&w, lists).map(|(t, l)| (vec![t], vec![l])),
                    (!word.tokens.is_empty()).then(|| (word.tokens.to_vec(), word.lists.to_vec())),
                    "{:?}", w
                );
            }
            // (Any one word, not only one of ASCII: `gather` parses a
            // lone word outside ASCII by `lone_token` too.)
            if !w.is_empty() && !w.contains(char::is_whitespace) {
                proptest::prop_assert_eq!(
                    format!("{:?}", parse_word(&w, key_lists(&w))),
                    format!("{:?}", general),
                    "{:?}", w
                );
            }
            proptest::prop_assert_eq!(format!("{:?}", parse_run(&w)), format!("{:?}", general));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `parse_plain`, where it answers, is `parse_words`: runs of
        /// capitalised words with honorifics, titles, stop words,
        /// adjectives, glued leads, heads of bodies and first names, and
        /// words that are not plain (lower case, marks, digits, a double
        /// space), which `plain_words` turns away.
        #[test]
        fn plain_runs_parse_as_the_general_parse(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Ada", "Rusk", "Mr", "Mrs", "Dr", "MS", "Professor", "Sir", "The", "But",
                    "Mayor", "Gov", "Chair", "Board", "Council", "Courier", "Eventually",
                    "Finally", "Pensioner", "Retiree", "Kimberly", "Peter", "Northian",
                    "Danish", "Veltese", "Amerucan", "Nordic", "X", "J", "De", "Van",
                    "Harbour", "VELL", "Ravi", "Tandon", "Quill", "van", "de", "of",
                    "Rusk's", "J.", "Ola-Brenn", "Ida2", "", "Vice", "Minister", "Ines",
                ]),
                0..6,
            ),
            sep in proptest::sample::select(vec![" ", " ", " ", "  "]),
        ) {
            let w = words.join(sep);
            let plain = plain_words(&w);
            if let Some((found, n)) = plain {
                proptest::prop_assert!((2..=4).contains(&n));
                for (at, word) in &found[..n] {
                    proptest::prop_assert_eq!(&w[*at..*at + word.len()], *word);
                }
                if let Some(parts) = parse_plain(&found[..n]) {
                    proptest::prop_assert_eq!(
                        format!("{:?}", parts),
                        format!("{:?}", parse_words(&w)),
                        "{:?}", w
                    );
                }
            }
            proptest::prop_assert_eq!(format!("{:?}", parse_run(&w)), format!("{:?}", parse_words(&w)));
        }
    }

    /// `plain_words` takes the plain runs and turns the rest away, and
    /// `parse_plain` answers for a title before a name.
    #[test]
    fn plain_runs() {
        let (words, n) = plain_words("Mayor Moss").unwrap();
        assert_eq!(&words[..n], [(0, "Mayor"), (6, "Moss")]);
        let parts = parse_plain(&words[..n]).unwrap();
        assert_eq!(parts.titles.to_vec(), ["Mayor"]);
        assert_eq!(parts.tokens.to_vec(), ["Moss"]);
        assert_eq!(parts.offset, 6);
        let (words, n) = plain_words("Ida Moss").unwrap();
        assert_eq!(
            parse_plain(&words[..n]).unwrap().tokens.to_vec(),
            ["Ida", "Moss"]
        );
        for run in [
            "Ida",
            "Ida  Moss",
            "Ida Moss's",
            "Ida de Moss",
            "A B C D E",
            "Ida Moss2",
        ] {
            assert!(plain_words(run).is_none(), "{run:?}");
        }
        assert!(parse_plain(&plain_words("Pensioner Ida Moss").unwrap().0[..3]).is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `is_possessive_body` is POSSESSIVE_BODY's `is_match`: names of
        /// one to five `TOK`s, possessives glued on or apart, small words
        /// and bodies, and text after the body.
        #[test]
        fn possessive_bodies_are_the_regex_matches(
            v in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "Rusk", "Rusk's", "Rusk’s", "Lena", "J.", "J.R.'s", "Mr.", "al-Masri's",
                        "Zoë’s", "'s", "’s", "x's", "old", "press", "x-y", "office", "lawyers",
                        "lawyer", "spokeswoman", "spokes", "camp", "campaign", "_", "é",
                    ]),
                    proptest::sample::select(vec![" ", " ", " ", "  ", "\n", "", ","]),
                ),
                1..7,
            ),
            cut in proptest::bool::ANY,
        ) {
            let mut text: String = v.into_iter().flat_map(|(w, g)| [w, g]).collect();
            if cut {
                text = text.trim_end().to_string();
            }
            proptest::prop_assert_eq!(
                is_possessive_body(&text),
                POSSESSIVE_BODY.is_match(&text),
                "{:?}",
                text
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `group_subjects` finds GROUP_SUBJECT's matches and `who` groups,
        /// match for match; `group_after` is GROUP_AFTER's `is_match`.
        #[test]
        fn group_subjects_are_the_regex_matches(
            v in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "the", "The", "Their", "his", "xthe", "é-the", "bathe", "Rusk", "J.R.",
                        "Mr.", "xMr.", "al-Masri", "Zoë", "aB", "éB", "old", "fans", "fans", "crowd",
                        "crowds", "staff", "staffer", "loudly", "ly", "has", "have", "had",
                        "cheered", "says", "s", "ed", "cheers_", "cheersX", "é", ",", "-",
                    ]),
                    proptest::sample::select(vec![" ", " ", " ", " ", "  ", "\n", "", ",", "\u{a0}"]),
                ),
                0..12,
            ),
        ) {
            let text: String = v.into_iter().flat_map(|(w, g)| [w, g]).collect();
            let want: Vec<(usize, usize, usize)> = GROUP_SUBJECT
                .find_iter(&text)
                .map(|m| {
                    let c = GROUP_SUBJECT.captures_at(&text, m.start()).expect("match");
                    (m.start(), c.name("who").expect("who").end(), m.end())
                })
                .collect();
            let got: Vec<(usize, usize, usize)> = group_subjects(&text).collect();
            proptest::prop_assert_eq!(&got, &want, "{:?}", text);
            proptest::prop_assert_eq!(group_after(&text), GROUP_AFTER.is_match(&text));
        }
    }

    /// The gate before the particle list leaves `hyphen_particle_len` as
    /// the list alone finds it: every particle, cut or grown by a letter,
    /// before a hyphen or not, before a capital or not.
    #[test]
    fn hyphen_particles_are_found_past_the_gate() {
        let spec = |t: &str| {
            let b = t.as_bytes();
            HYPHEN_PARTICLES
                .iter()
                .find(|w| {
                    b.starts_with(w.as_bytes())
                        && b.get(w.len()) == Some(&b'-')
                        && b.get(w.len() + 1).is_some_and(u8::is_ascii_uppercase)
                })
                .map(|w| w.len() + 1)
        };
        for p in HYPHEN_PARTICLES
            .iter()
            .chain(&["", "a", "x", "abcd", "ibnx"])
        {
            for cut in 0..=p.len() {
                for tail in ["-Masri", "-masri", "Masri", "-", "", " -M", "--M", "é-M"] {
                    for grow in ["", "a"] {
                        let t = format!("{}{grow}{tail}", &p[..cut]);
                        assert_eq!(hyphen_particle_len(&t), spec(&t), "{t:?}");
                    }
                }
            }
        }
    }

    /// `tok_end` compares only words of two to four letters with the
    /// abbreviations: each is that long, and is letters only.
    /// The match on bytes holds the particles of the list and no other
    /// word of up to three lower-case letters.
    #[test]
    fn run_particles_are_the_list() {
        let letters = b'a'..=b'z';
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..3 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .filter(|w| w.len() < 3)
                .flat_map(|w| {
                    letters.clone().map(move |c| {
                        let mut x = w.clone();
                        x.push(c);
                        x
                    })
                })
                .collect();
            words.extend(longer);
        }
        words.sort();
        words.dedup();
        assert_eq!(words.len(), 1 + 26 + 26 * 26 + 26 * 26 * 26);
        for w in &words {
            let listed = RUN_PARTICLES.iter().any(|p| p.as_bytes() == w.as_slice());
            assert_eq!(
                is_run_particle(w),
                listed,
                "{:?}",
                String::from_utf8_lossy(w)
            );
        }
    }

    #[test]
    fn abbreviations_are_two_to_four_letters() {
        for a in TOK_ABBREVIATIONS {
            assert!((2..=4).contains(&a.len()), "{a}");
            assert!(a.bytes().all(|c| c.is_ascii_alphabetic()), "{a}");
            assert_eq!(tok_end(&format!("{a}. Vos"), 0), Some(a.len() + 1), "{a}");
        }
        assert_eq!(tok_end("Mrsx. Vos", 0), Some(4));
    }

    proptest::proptest! {
        /// The inline front of `tok_end` answers as the full reading does,
        /// at every byte of texts built from the pieces tokens are made of
        /// (capitals, stops, hyphens, apostrophes, particles, letters
        /// outside ASCII).
        #[test]
        fn tok_end_is_the_full_reading(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "A", "Z", "Vos", "Halvorsen", "Mrs", "Gen", "Dr", "Sept", "Abcde", "T", "J",
                    ".", "-", "'", "’", "al", "el", "ibn", "bin", "x", "said", "é", "Å", "ø",
                    " ", ",", "\u{a0}", "1", "_", "Quist", "abcdefgh",
                ]),
                0..14,
            ),
        ) {
            let t: String = pieces.concat();
            for p in 0..=t.len() + 1 {
                if t.is_char_boundary(p.min(t.len())) {
                    proptest::prop_assert_eq!(tok_end(&t, p), tok_end_full(&t, p), "{:?} at {}", t, p);
                }
            }
        }
    }

    /// `padded_key` is `ascii_key` zero-padded, for every ASCII byte (and
    /// a few characters outside ASCII) at every place of a key, at both
    /// ends, and for keys just short of, at and past the buffer's size.
    #[test]
    fn padded_keys_are_the_byte_at_a_time_keys() {
        let chars = (0u8..0x80)
            .map(char::from)
            .chain(['é', 'É', '’', 'ß', '\u{a0}']);
        for c in chars {
            for len in 0..36 {
                for at in 0..=len {
                    let mut w: String = "Ab".repeat(len).chars().take(len).collect();
                    w.insert(at, c);
                    let check = |got: Option<(Vec<u8>, usize)>, size: usize| {
                        let mut buf = vec![0u8; size];
                        let want = ascii_key(&w, &mut buf).map(|n| buf[..n].to_vec());
                        assert_eq!(got.as_ref().map(|(b, n)| b[..*n].to_vec()), want, "{w:?}");
                        if let Some((b, n)) = got {
                            assert!(b[n..].iter().all(|&x| x == 0), "{w:?}");
                        }
                    };
                    check(padded_key::<32>(&w).map(|(b, n)| (b.to_vec(), n)), 32);
                    check(padded_key::<8>(&w).map(|(b, n)| (b.to_vec(), n)), 8);
                }
            }
        }
    }

    /// `non_ascii_letter` is `^\p{L}` on every character up to U+3FFFF
    /// (and a few past), and on the empty text.
    #[test]
    fn letters_are_the_regex_class() {
        let re = Regex::new(r"^\p{L}").expect("letter");
        let mut letters = 0;
        for c in (0..0x40000u32)
            .chain([0xE0100, 0x10FFFF])
            .filter_map(char::from_u32)
        {
            let s = c.to_string();
            assert_eq!(non_ascii_letter(&s), re.is_match(&s), "{c:?}");
            letters += usize::from(re.is_match(&s));
        }
        assert!(letters > 100_000, "{letters}");
        assert!(!non_ascii_letter(""));
    }
}
