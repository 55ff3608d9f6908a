//! Cues: the grammatical evidence around a quotation that names its
//! speaker: a speech verb with its subject on either side (inverted or not),
//! "according to", a dash or a colon, a speech noun's owner. Works on the
//! paragraph's masked text (quotations blanked out), inside a window.

use super::*;
use crate::tokens::{Class, Lists, Scanner, Token, TokenBuf};
use std::ops::Range;

/// Speech verbs, past and present, and their -ing forms.
pub(super) const VERBS: &str = "said|says|say|saying|added|adds|adding|told|tells|telling|insisted|insists|insisting|warned|warns|warning|urged|urges|urging|explained|explains|explaining|noted|noting|argued|argues|arguing|claimed|claims|claiming|stated|declared|wrote|writes|writing|asked|asks|asking|replied|responded|continued|recalled|admitted|acknowledged|suggested|suggesting|announced|remarked|observed|conceded|complained|complaining|predicted|stressed|stressing|emphasised|emphasized|joked|quipped|tweeted|posted|pointed out|points out|went on|goes on|mused|boasted|vowed|promised|pledged|testified|shouted|cried|whispered|concluded|maintained|contended|countered|charged|alleged|cautioned|lamented|reiterated|reiterates|confirmed|denied|agreed|sighed|described|describing|called|calling|thought|believed|wondered|pleaded|begged|demanded|accused|slammed|blasted|praised|hailed|labelled|labeled|branded|dismissed|criticised|criticized|recounted|revealed|reported|answered|snapped|retorted|yelled|screamed|chanted|texted|assured|assures|forwards|forwarded|protested|protests|sang|sings|shouting|emailed|rejected|rejects|describe|announcing|stating|beamed|boomed|gushed|exclaimed|mocked|mocking|derided|deriding|echoed|ridiculed|touted|pitched|framed|scoffed|groused|griped|railed|lashed out|decried|bemoaned|cited|referred|referring|characterized|characterised|shot back|fired back|chimed in|put it|puts it|responds|replies|repeated|repeats|concludes|conclude|write|argue|insist|explain|respond|reply|ask|recalls|admits|acknowledges|suggests|announces|declares|continues|recounts|reveals|answers|retorts|vows|promises|pledges|testifies|warn|predicts|cautions|laments|boasts|quips|jokes|exclaims|muses|counters|contends|maintains|observes|remarks|concedes|complains|stresses|emphasises|emphasizes|confirms|reads|interjected|interjects|commented|blurted|asserted|asserts|clarified|clarifies|elaborated|elaborates|opined|reasoned|quoted as";

// (Read by the regexes kept as specifications of hand readers.)
#[cfg_attr(not(test), allow(dead_code))]
pub(super) static VERB_RE: &str = VERBS;

/// Verbs whose object is never the speaker ("told reporters", "praised
/// Jane Doe"): left out where the name after the verb is taken as the
/// speaker ("…," said Jane Doe).
pub(super) const OBJECT_VERBS: &[&str] = &[
    "told",
    "tells",
    "telling",
    "tell",
    "urged",
    "urges",
    "urging",
    "accused",
    "slammed",
    "blasted",
    "praised",
    "hailed",
    "labelled",
    "labeled",
    "branded",
    "dismissed",
    "criticised",
    "criticized",
    "mocked",
    "mocking",
    "derided",
    "deriding",
    "ridiculed",
    "called",
    "calling",
    "describe",
    "described",
    "describing",
    "cited",
    "referred",
    "referring",
    "characterized",
    "characterised",
    "rejected",
    "rejects",
    "forwarded",
    "forwards",
    "texted",
    "emailed",
    "assured",
    "assures",
    "begged",
    "demanded",
    "decried",
    "bemoaned",
];

/// The speech verbs after which a name is the speaker.
#[cfg(test)]
pub(super) static INVERTING_RE: LazyLock<String> = LazyLock::new(|| {
    VERBS
        .split('|')
        .filter(|v| !OBJECT_VERBS.contains(v))
        .collect::<Vec<_>>()
        .join("|")
});

/// One word of a name: an initial, an abbreviated title, a capitalised
/// word, or one joined to a lower-case particle by a hyphen ("al-Masri",
/// "el-Amin", `HYPHEN_PARTICLES`).
#[cfg(test)]
pub(super) const TOK: &str = r"(?:(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Col|Lt|Prof|Rev|Sgt|Capt)\.|[A-Z][\p{L}'’\-]*|(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|abd)-[A-Z][\p{L}'’\-]*)";

/// WHO: a pronoun, a "the ..." phrase, or a name (with titles and role words
/// before it: "RNC spokesman Sean Spicer"): the specification the hand
/// matchers (`who_then` and those built on it) are tested against.
#[cfg(test)]
pub(super) static WHO: LazyLock<String> = LazyLock::new(|| format!(r"(?-u:\b){}", &*WHO_PHRASE));

/// WHO without the word boundary it opens with.
#[cfg(test)]
pub(super) static WHO_PHRASE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?P<who>(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)(?-u:\b)|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Aa]nother)\s+(?:[\p{{L}}'’\-]+\s+){{0,3}}?[\p{{L}}\-]+|(?:{TOK}\s+){{1,2}}(?:{GROUP_NOUNS})(?-u:\b)|(?:[a-z][a-z\-]*\s+){{1,2}}(?:{GROUP_NOUNS})(?-u:\b)|(?:{TOK}\s+){{0,3}}(?:[a-z\-]+\s+){{0,2}}{TOK}(?:\s+(?:{TOK}|(?:de|van|von|der|da|di|del|la|le|bin|al)(?-u:\b)))*)"
    )
});

/// "…," X said / X says — the speaker before the verb, after the quote:
/// what `after_who_verb` finds, kept as its specification.
#[cfg(test)]
pub(super) static AFTER_WHO_VERB: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    let tail = &*AFTER_WHO_TAIL;
    Regex::new(&format!(r"^[\s,;:—–\-]*{who}{tail}")).expect("after who verb")
});
/// What follows the who-phrase in AFTER_WHO_VERB.
#[cfg(test)]
pub(super) static AFTER_WHO_TAIL: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:,\s+(?P<app>[^,]{{1,90}}),)?\s+(?:also\s+|later\s+|then\s+|once\s+|previously\s+|has\s+|had\s+|would\s+|was\s+|is\s+|reportedly\s+|recently\s+|simply\s+|quickly\s+|earlier\s+){{0,2}}(?P<verb>{VERB_RE})(?-u:\b)"
    )
});
/// AFTER_WHO_TAIL at the start of the haystack: what `after_who_tail`
/// finds, kept as the specification it is tested against.
#[cfg(test)]
pub(super) static AFTER_WHO_TAIL_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})", &*AFTER_WHO_TAIL)).expect("after who tail"));

/// Could a speech verb, or an adverb that the patterns allow before one,
/// open `t` past the white space it starts with? The word there (its
/// ASCII letters) must then be one of the adverbs or the first word of
/// a verb of VERBS: a test that rules out AFTER_WHO_TAIL and SPEECH_AFTER
/// (without their opening comma group) cheaply.
pub(super) fn verb_may_follow(t: &str) -> bool {
    static OPENERS: WordSet = WordSet(list::VERB_OPENER);
    let r = t.trim_start();
    if r.len() == t.len() {
        return false;
    }
    let n = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    OPENERS.contains(&r.as_bytes()[..n])
}

/// The who, appositive and verb groups of a match, as byte ranges.
pub(super) type WhoAppVerb = (
    std::ops::Range<usize>,
    Option<std::ops::Range<usize>>,
    std::ops::Range<usize>,
);

/// The length of the white space and marks (`,;:` and dashes) that the
/// after-patterns open with, `^[\s,;:—–\-]*`: AFTER_VERB_WHO's verb and
/// AFTER_WHO_VERB's who-phrase start there.
pub(super) fn lead_len(after: &str) -> usize {
    let rest = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-')
    });
    after.len() - rest.len()
}

/// AFTER_WHO_VERB's groups for `after`, whose who-phrase starts at byte
/// `lead`, as (who, app, verb) ranges, read by hand: the first end of
/// WHO (in the regex's order) after which the tail matches
/// (`after_who_tail`), and the tail's groups there. (Captures of the
/// whole ran the PikeVM or the backtracker over the huge pattern.)
pub(super) fn after_who_verb(after: &str, lead: usize) -> Option<WhoAppVerb> {
    let t = after.get(lead..)?;
    let mut tail = None;
    let w = who_word_then(t, &mut |w| {
        tail = Some(after_who_tail(&t[w..])?);
        Some(w)
    })?;
    let (app, verb) = tail?;
    let e = lead + w;
    let shift = |r: std::ops::Range<usize>| e + r.start..e + r.end;
    Some((lead..e, app.map(shift), shift(verb)))
}
/// '…," Ada Rusk of the Harbour Trust's board said': a name, the body
/// it is "of" (`body_after_name`) and a speech verb, after a quotation, as
/// (who, verb) ranges of `after` (the name starts at byte `lead`).
pub(super) fn name_of_body_verb(
    after: &str,
    lead: usize,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let (s, e) = name_runs(after.get(lead..)?).next()?;
    let e = lead + e;
    let parts = parse_run(&after[lead..e]);
    if s != 0 || parts.tokens.is_empty() || parts.tokens.iter().any(|t| has_key(&STOP_WORDS, t)) {
        return None;
    }
    let e2 = e + body_after_name(&after[e..])?;
    match after_who_tail(&after[e2..])? {
        (None, verb) => Some((lead..e, e2 + verb.start..e2 + verb.end)),
        _ => None,
    }
}

/// The adverbs AFTER_WHO_TAIL allows before its verb, each with white
/// space after it.
pub(super) const TAIL_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "once",
    "previously",
    "has",
    "had",
    "would",
    "was",
    "is",
    "reportedly",
    "recently",
    "simply",
    "quickly",
    "earlier",
];

/// The end of the run of ASCII word bytes (`(?-u:\w)`) from byte `p`.
pub(super) fn word_end(b: &[u8], mut p: usize) -> usize {
    while word_byte(b.get(p)) {
        p += 1;
    }
    p
}

/// The end of the speech verb of VERBS that starts at byte `p` of `t` and
/// ends at a word boundary, as `(?:VERBS)(?-u:\b)` takes it there: the
/// verbs are one word of letters or two joined by a space, so a verb fits
/// when it is the word at `p`, or that word, a space and the next (no
/// first word of two is a verb by itself, so only one can fit).
pub(super) fn verb_at(t: &str, p: usize) -> Option<usize> {
    let b = t.as_bytes();
    let e = word_end(b, p);
    if e == p {
        return None;
    }
    verb_from(b, p, e, WORDS.lists(WORDS.id(&b[p..e])))
}

/// The end of the speech verb whose first word is `b[p..e]`, a word on
/// `lists`: the word itself, or it, a space and the next word.
fn verb_from(b: &[u8], p: usize, e: usize, lists: Lists) -> Option<usize> {
    if lists.any(list::SPEECH_VERB) {
        return Some(e);
    }
    if lists.any(list::PHRASE_HEAD) && b.get(e) == Some(&b' ') {
        let e2 = word_end(b, e + 1);
        if e2 > e + 1 && WORDS.on(&b[p..e2], list::SPEECH_VERB) {
            return Some(e2);
        }
    }
    None
}

/// A speech verb found by [`verbs`]: its bytes in the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Verb<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Verb<'h> {
    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }

    pub(super) fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

/// The speech verbs of VERBS in `hay`, front to back: what
/// `(?-u:\b)(?:VERBS)(?-u:\b)` finds ([`VERB_ANY`], kept as the test's
/// specification), read off the tokens of `hay`. See [`verbs_of`].
pub(super) fn verbs(hay: &str) -> impl Iterator<Item = Verb<'_>> + '_ {
    verbs_of(hay, Scanner::new(hay, &WORDS))
}

/// The speech verbs in `hay` given its tokens (offsets into `hay`, word
/// ids from [`WORDS`]). A verb is an ASCII word (the verbs are
/// case-sensitive, lower case: "said", not "Said") or two joined by one
/// space ("went on"), bounded by bytes that are not ASCII word bytes. A
/// word token of ASCII with no capital is such a word, and its word id
/// says at once whether it is a verb or opens one; a word token without
/// the [`Class::ASCII`] bit (letters outside ASCII, as in "résaid", or a
/// token cut by the edge of `hay`) is split into its ASCII runs, each
/// looked up by its bytes.
fn verbs_of<'h>(
    hay: &'h str,
    toks: impl Iterator<Item = Token> + 'h,
) -> impl Iterator<Item = Verb<'h>> + 'h {
    let b = hay.as_bytes();
    // Only a word token outside ASCII, or one of ASCII, lower case, whose
    // id is on a verb list, can be or open a verb: every other token ("the",
    // "Vell", ",") is passed over here, in one test, and changes nothing
    // below (a verb of two words reads its second from the bytes).
    let words: &'static crate::tokens::Lexicon = &WORDS;
    let opens = list::SPEECH_VERB.or(list::PHRASE_HEAD);
    let mut toks = toks.filter(move |t| {
        t.is_word()
            && (!t.class.has(Class::ASCII)
                || t.class.has(Class::LOWER) && words.lists(t.word).any(opens))
    });
    // ASCII runs of a word token still to look at: from byte `inner.0` to
    // the token's end `inner.1`.
    let mut inner = (0, 0);
    // Where the last verb ended: a run that starts before it was its
    // second word.
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let (p, e, lists) = if inner.0 < inner.1 {
            let p = inner.0
                + b[inner.0..inner.1]
                    .iter()
                    .take_while(|&&c| c >= 0x80)
                    .count();
            let e = word_end(&b[..inner.1], p);
            // Past the run and the bytes outside ASCII after it (whole
            // chars: a run ends only at a char outside ASCII or at the end).
            inner.0 = e + b[e..inner.1].iter().take_while(|&&c| c >= 0x80).count();
            if p == e {
                continue;
            }
            (p, e, WORDS.lists(WORDS.id(&b[p..e])))
        } else {
            let t = toks.next()?;
            if !t.is_word() {
                continue;
            }
            if !t.class.has(Class::ASCII) {
                inner = (t.start as usize, t.end());
                continue;
            }
            // (A capital rules the word out: every verb is lower case.)
            let lists = if t.class.has(Class::LOWER) {
                WORDS.lists(t.word)
            } else {
                Lists::NONE
            };
            (t.start as usize, t.end(), lists)
        };
        if p < from {
            continue;
        }
        if let Some(end) = verb_from(b, p, e, lists) {
            from = end;
            return Some(Verb { hay, start: p, end });
        }
    })
}

/// The tokens of one stretch of a paragraph, read by the cue and subject
/// rules of its quotations over parts of that stretch: the text is
/// tokenised once where each look-up once ran a regex over its part. The
/// rules read `m` (a window of the masked paragraph); the tokens are those
/// of the text from byte `from` of `m` (or from before `m`) on, byte `from`
/// of `m` being byte `to` of that text: the stretch of one quotation's
/// sentence ([`Stretch::new`]), or the paragraph from its first quotation's
/// sentence on, tokenised once for all its quotations
/// ([`Stretch::of_paragraph`]). A part that starts before `from`, or ends
/// past the text the tokens were read from (`len` bytes: a paragraph is
/// tokenised up to the end of its last quotation's sentence, as no rule
/// reads further), is read by its own scan.
#[derive(Clone, Copy)]
pub(super) struct Stretch<'m> {
    m: &'m str,
    from: usize,
    to: usize,
    toks: &'m [Token],
    len: usize,
    /// The speech verbs of all the tokens, as (start, end) in their
    /// offsets ([`list_verbs`]), when they were read once for the
    /// paragraph: a part that no token or verb runs over the edges of has
    /// just those verbs that lie in it.
    verbs: Option<&'m [(u32, u32)]>,
}

/// The speech verbs of `hay` given its tokens, as (start, end) offsets into
/// it, into `out` (cleared first): what [`Stretch::verbs`] finds in a part
/// of a paragraph is read off this list, where each look-up read the part's
/// tokens again (a quotation's rules ask four or five times, of the
/// sentence before it, the words after it and the whole sentence).
pub(super) fn list_verbs(hay: &str, toks: &[Token], out: &mut Vec<(u32, u32)>) {
    out.clear();
    out.extend(verbs_of(hay, toks.iter().copied()).map(|v| (small(v.start), small(v.end))));
}

/// The tokens of a part of a [`Stretch`]: its own, or a scan of the part.
enum Source<'m, I> {
    Tokens(I),
    Scan(Scanner<'m>),
}

impl<I: Iterator<Item = Token>> Iterator for Source<'_, I> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        match self {
            Source::Tokens(i) => i.next(),
            Source::Scan(s) => s.next(),
        }
    }
}

impl<'m> Stretch<'m> {
    /// The stretch `m[range]`, its tokens filled into `buf`.
    pub(super) fn new(m: &'m str, range: Range<usize>, buf: &'m mut TokenBuf) -> Stretch<'m> {
        // (A stretch is a few sentences of at most WINDOW bytes: far
        // under the 4 GiB a TokenBuf refuses.)
        let toks = buf.fill(&m[range.clone()], &WORDS).unwrap_or(&[]);
        Stretch {
            m,
            from: range.start,
            to: 0,
            toks,
            len: range.len(),
            verbs: None,
        }
    }

    /// The window `m` that starts at byte `lo` of a paragraph whose text
    /// from byte `at` on has the tokens `toks` (offsets from `at`, word ids
    /// from [`WORDS`]), read to the end of `m`.
    #[cfg(test)]
    pub(super) fn of_paragraph(m: &'m str, lo: usize, at: usize, toks: &'m [Token]) -> Stretch<'m> {
        Stretch::of_paragraph_to(m, lo, at, toks, usize::MAX)
    }

    /// The same stretch with the speech verbs of all its tokens
    /// ([`list_verbs`]), read once.
    pub(super) fn with_verbs(self, verbs: &'m [(u32, u32)]) -> Stretch<'m> {
        Stretch {
            verbs: Some(verbs),
            ..self
        }
    }

    /// [`Stretch::of_paragraph`] whose tokens were read from the `len`
    /// bytes of the paragraph from `at` alone. `len` must end where no
    /// token of a longer reading would go on: after white space, or at the
    /// paragraph's end (a word of "Ola said. Then" read to the space after
    /// "said." is the same word read to the end).
    pub(super) fn of_paragraph_to(
        m: &'m str,
        lo: usize,
        at: usize,
        toks: &'m [Token],
        len: usize,
    ) -> Stretch<'m> {
        Stretch {
            m,
            from: at.saturating_sub(lo),
            to: lo.saturating_sub(at),
            toks,
            len,
            verbs: None,
        }
    }

    /// The range `r` of `m` in the tokens' offsets, when the tokens hold it.
    fn tokens_range(&self, r: &Range<usize>) -> Option<(usize, usize)> {
        let (lo, hi) = (
            r.start.checked_sub(self.from)? + self.to,
            r.end - self.from + self.to,
        );
        (hi <= self.len).then_some((lo, hi))
    }

    /// [`verbs`] of `m[r]` (a range inside the stretch), offsets into it.
    pub(super) fn verbs(&self, r: Range<usize>) -> impl Iterator<Item = Verb<'m>> + 'm {
        let hay = &self.m[r.clone()];
        let listed = self
            .tokens_range(&r)
            .and_then(|(lo, hi)| Some((self.listed(&r, lo, hi)?, lo)));
        let read = listed.is_none().then(|| self.read_verbs(r));
        let listed = listed.into_iter().flat_map(move |(list, lo)| {
            list.iter().map(move |&(s, e)| Verb {
                hay,
                start: s as usize - lo,
                end: e as usize - lo,
            })
        });
        listed.chain(read.into_iter().flatten())
    }

    /// The listed verbs ([`Stretch::verbs`]) that lie in the tokens'
    /// offsets `[lo, hi)`, when they are those a reading of that part
    /// alone finds: when no token and no verb runs over either edge. (A
    /// verb is read off its token, the word after it when it opens a verb
    /// of two ("went on") and where the verb before it ended, all inside
    /// the part then. "went on" cut after "went", or "unsaid" cut before
    /// "said", is read anew.)
    fn listed(&self, r: &Range<usize>, lo: usize, hi: usize) -> Option<&'m [(u32, u32)]> {
        let list = self.verbs?;
        let a = list.partition_point(|&(_, e)| e as usize <= lo);
        let b = a + list[a..].partition_point(|&(s, _)| (s as usize) < hi);
        let inside = &list[a..b];
        let over = |v: Option<&(u32, u32)>, f: &dyn Fn(usize, usize) -> bool| {
            v.is_some_and(|&(s, e)| f(s as usize, e as usize))
        };
        if over(inside.first(), &|s, _| s < lo) || over(inside.last(), &|_, e| e > hi) {
            return None;
        }
        // (A token runs over byte `x` of `m` only where the bytes either
        // side of it are both word bytes or outside ASCII, which most
        // edges, at a space or a mark, are not: the tokens are searched
        // only then, or at an edge of `m`.)
        let m = self.m.as_bytes();
        let word = |c: u8| c >= 0x80 || c.is_ascii_alphanumeric() || c == b'_';
        let cut = |x: usize, t: usize| {
            let inside = match (x.checked_sub(1).and_then(|p| m.get(p)), m.get(x)) {
                (Some(&p), Some(&c)) => word(p) && word(c),
                _ => true,
            };
            inside && {
                let i = self.toks.partition_point(|k| k.end() <= t);
                self.toks.get(i).is_some_and(|k| (k.start as usize) < t)
            }
        };
        if cut(r.start, lo) || cut(r.end, hi) {
            return None;
        }
        Some(inside)
    }

    /// [`Stretch::verbs`] read off the part's tokens (or a scan of it).
    fn read_verbs(&self, r: Range<usize>) -> impl Iterator<Item = Verb<'m>> + 'm {
        let hay = &self.m[r.clone()];
        let Some((lo, hi)) = self.tokens_range(&r) else {
            return verbs_of(hay, Source::Scan(Scanner::new(hay, &WORDS)));
        };
        let first = self.toks.partition_point(|t| t.end() <= lo);
        let toks = self.toks[first..]
            .iter()
            .take_while(move |t| (t.start as usize) < hi)
            .map(move |&t| {
                let (s, e) = ((t.start as usize).max(lo), t.end().min(hi));
                let class = if (s, e) == (t.start as usize, t.end()) {
                    t.class
                } else {
                    // Cut by an edge: looked up by its bytes.
                    Class::WORD
                };
                Token {
                    start: (s - lo) as u32,
                    len: (e - s) as u32,
                    class,
                    word: t.word,
                }
            });
        verbs_of(hay, Source::Tokens(toks))
    }

    /// Is there a speech verb in `m[r]`?
    pub(super) fn has_verb(&self, r: Range<usize>) -> bool {
        self.verbs(r).next().is_some()
    }

    /// May a rule that needs an ASCII word of `mask` (lower case, white
    /// space before it, no ASCII word byte after it) find one in `m[r]`
    /// alone? No where the tokens hold `r` and each word token in it lies
    /// whole inside, is ASCII and is on no list of `mask`; else maybe (a
    /// word cut by an edge of `r`, or one with letters outside ASCII after
    /// its ASCII head, may hold such a word).
    pub(super) fn may_have_word(&self, r: Range<usize>, mask: Lists) -> bool {
        let Some((lo, hi)) = self.tokens_range(&r) else {
            return true;
        };
        let first = self.toks.partition_point(|t| t.end() <= lo);
        self.toks[first..]
            .iter()
            .take_while(|t| (t.start as usize) < hi)
            .any(|t| {
                t.is_word()
                    && ((t.start as usize) < lo
                        || t.end() > hi
                        || !t.class.has(Class::ASCII)
                        || WORDS.lists(t.word).any(mask))
            })
    }

    /// Does a word on a list of `mask` lie whole inside `m[r]`? (A word
    /// cut by an edge of `r`, or a part the tokens do not hold, may answer
    /// either way: a gate for a rule that needs such a word, whole, with
    /// white space on both sides.)
    pub(super) fn has_word_on(&self, r: Range<usize>, mask: Lists) -> bool {
        let Some((lo, hi)) = self.tokens_range(&r) else {
            // (Not tokenised: the gate stays open.)
            return true;
        };
        let first = self.toks.partition_point(|t| t.end() <= lo);
        self.toks[first..]
            .iter()
            .take_while(|t| (t.start as usize) < hi)
            .any(|t| WORDS.lists(t.word).any(mask))
    }
}

/// Is there a speech verb of VERBS in `hay`?
pub(super) fn has_verb(hay: &str) -> bool {
    verbs(hay).next().is_some()
}

/// The length of the white space that opens `t`.
pub(super) fn space_len(t: &str) -> usize {
    t.len() - t.trim_start().len()
}

/// AFTER_WHO_TAIL_AT's app and verb groups for `t`, as byte ranges, read
/// by hand: with an opening comma, the appositive runs from the white
/// space after it to the next comma (its white space given back a
/// character at a time while it is empty: an age, ", 74,", is an
/// appositive too), then white space, up to two adverbs each with white
/// space after it (as many as there are, then fewer) and a verb
/// (`verb_at`). (The regex's
/// captures cost some two thousand instructions a quotation.)
pub(super) fn after_who_tail(t: &str) -> Option<(Option<Range<usize>>, Range<usize>)> {
    match t.strip_prefix(',') {
        Some(_) => {
            let (app, p) = appositive(t)?;
            Some((Some(app), adverbs_then_verb(t, p, TAIL_ADVERBS)?))
        }
        None => Some((None, adverbs_then_verb(t, 0, TAIL_ADVERBS)?)),
    }
}

/// `,\s+(?P<app>[^,]{1,90}),` at the start of `t`: the appositive's
/// range and the end of its closing comma. It runs from the white space
/// after the opening comma to the next comma, its white space given back
/// a character at a time while it is empty (an age, ", 74,", is an
/// appositive too).
fn appositive(t: &str) -> Option<(Range<usize>, usize)> {
    let r = t.strip_prefix(',')?;
    let ws = space_len(r);
    if ws == 0 {
        return None;
    }
    let comma = ws + r[ws..].find(',')?;
    let mut start = ws;
    let mut len = r[ws..comma].chars().count();
    let mut spaces = r[..ws]
        .char_indices()
        .rev()
        .map(|(i, _)| i)
        .filter(|&i| i > 0);
    while len < 1 {
        start = spaces.next()?;
        len += 1;
    }
    if len > 90 {
        return None;
    }
    Some((1 + start..1 + comma, 1 + comma + 1))
}

/// `\s+(?:ADVERB\s+){0,2}(?P<verb>VERBS)(?-u:\b)` from byte `p` of `t`,
/// with the adverbs of `adverbs`: the verb's range. The white space is
/// taken whole (what follows opens with a letter), then as many adverbs
/// as there are (up to two), then fewer, before a verb (`verb_at`).
fn adverbs_then_verb(t: &str, p: usize, adverbs: &[&str]) -> Option<Range<usize>> {
    let ws = space_len(&t[p..]);
    if ws == 0 {
        return None;
    }
    let b = t.as_bytes();
    let mut at = [p + ws; 3];
    let mut n = 1;
    while n < 3 {
        let e = word_end(b, at[n - 1]);
        let gap = space_len(&t[e..]);
        if gap == 0 || !adverbs.iter().any(|a| a.as_bytes() == &b[at[n - 1]..e]) {
            break;
        }
        at[n] = e + gap;
        n += 1;
    }
    at[..n]
        .iter()
        .rev()
        .find_map(|&q| verb_at(t, q).map(|e| q..e))
}

/// The adverbs WHO_VERB_TAIL allows before its verb, each with white
/// space after it.
pub(super) const WHO_VERB_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "once",
    "previously",
    "has",
    "had",
    "have",
    "would",
    "was",
    "is",
    "reportedly",
    "recently",
    "simply",
    "earlier",
    "repeatedly",
    "publicly",
    "privately",
    "again",
];

/// WHO_VERB_TAIL past its who-phrase, at the start of `t`: the app and
/// verb groups, read by hand as the regex tries them: the appositive
/// first, then none; an optional comma taken first, then left.
fn who_verb_tail(t: &str) -> Option<(Option<Range<usize>>, Range<usize>)> {
    let comma_then = |p: usize| {
        t[p..]
            .starts_with(',')
            .then(|| adverbs_then_verb(t, p + 1, WHO_VERB_ADVERBS))
            .flatten()
            .or_else(|| adverbs_then_verb(t, p, WHO_VERB_ADVERBS))
    };
    appositive(t)
        .and_then(|(app, p)| Some((Some(app), comma_then(p)?)))
        .or_else(|| Some((None, comma_then(0)?)))
}

/// WHO_VERB_AT's (who, app, verb) groups at the start of `t`, read by
/// hand: the first end of the who-phrase (in the regex's order) after
/// which the tail matches, and the tail's groups there.
fn who_verb_at(t: &str) -> Option<WhoAppVerb> {
    let mut tail = None;
    let w = who_phrase_in(t, true, &mut |w| {
        tail = Some(who_verb_tail(&t[w..])?);
        Some(w)
    })?;
    let (app, verb) = tail?;
    let shift = |r: Range<usize>| w + r.start..w + r.end;
    Some((0..w, app.map(shift), shift(verb)))
}

/// The groups of each match of WHO_VERB in `hay`, match after match, read
/// by hand: the pattern opens with a word boundary and WHO, whose first
/// character is an ASCII letter or (in "-- Jane Doe") a hyphen, so each
/// place where one of these follows a word boundary is tried in turn
/// with `who_verb_at`, which nothing before it changes.
///
/// `last_verb` is where the last speech verb of `hay` starts ([`verbs`]):
/// a match holds a who-phrase before its verb, so none starts there or
/// after it. (Every verb of a match is one that [`verbs`] finds: only the
/// second word of a two-word verb could hide in another's match, and no
/// such word is a verb by itself.)
pub(super) fn who_verbs(hay: &str, last_verb: usize) -> impl Iterator<Item = WhoAppVerb> + '_ {
    let b = hay.as_bytes();
    let mut p = 0;
    std::iter::from_fn(move || {
        while p < last_verb.min(b.len()) {
            let at = p;
            p += 1;
            let after_word = at > 0 && word_byte(b.get(at - 1));
            let boundary = if b[at].is_ascii_alphabetic() {
                !after_word
            } else {
                b[at] == b'-' && after_word
            };
            if !boundary || !may_open_who(b, at) {
                continue;
            }
            if let Some((who, app, verb)) = who_verb_at(&hay[at..]) {
                let shift = |r: Range<usize>| at + r.start..at + r.end;
                p = at + verb.end;
                return Some((shift(who), app.map(shift), shift(verb)));
            }
        }
        None
    })
}

/// Could WHO_PHRASE match from byte `at` of `b`? Not where the three words
/// from there (runs of bytes other than ASCII white space, with the white
/// space between) hold only ASCII bytes and no capital, none opens with a
/// group noun, and the first does not open with a pronoun's or a
/// determiner's letters: every way of the phrase needs one of these
/// within its first three words. A pronoun ("he", "I") or a determiner
/// ("the", "their") opens it; a group noun ends "federal prosecutors" at
/// the second or third word; a name (TOK: "Vell", "J.", "Mr.", "al-Amin")
/// holds a capital and comes after at most two lower-case words ("-old
/// Vell", "former aide Vell"); white space outside ASCII, or letters,
/// may be either, so they say maybe. A gate for [`who_verbs`], which
/// tries every word of a sentence: "the costs rose" is tried, "costs
/// rose by" is not.
fn may_open_who(b: &[u8], at: usize) -> bool {
    const OPENERS: [&[u8]; 12] = [
        b"he", b"she", b"they", b"we", b"the", b"a", b"an", b"his", b"her", b"their", b"one",
        b"another",
    ];
    let rest = &b[at..];
    if OPENERS.iter().any(|w| rest.starts_with(w)) {
        return true;
    }
    // (`\s` holds U+000B, which `is_ascii_whitespace` does not.)
    let space = |c: &u8| c.is_ascii_whitespace() || *c == 0x0b;
    let mut p = at;
    for _ in 0..3 {
        let start = p;
        while let Some(c) = b.get(p).filter(|c| !space(c)) {
            if *c >= 0x80 || c.is_ascii_uppercase() {
                return true;
            }
            p += 1;
        }
        let mut e = start;
        while b.get(e).is_some_and(u8::is_ascii_lowercase) {
            e += 1;
        }
        if WORDS.on(&b[start..e], list::GROUP_NOUN) {
            return true;
        }
        while b.get(p).is_some_and(space) {
            p += 1;
        }
    }
    false
}

/// AFTER_VERB_WHO's match for `after`, whose verb starts at byte `lead`
/// (past the marks the pattern opens with), as the verb's range and the
/// end of the match, read by hand: the verb is the one inverting verb
/// that fits there (`inverting_verb_len`), the white space after it is
/// taken whole (WHO opens with a letter) and WHO is the rest.
pub(super) fn after_verb_who(after: &str, lead: usize) -> Option<(Range<usize>, usize)> {
    let len = inverting_verb_len(after.get(lead..)?)?;
    let q = lead + len + space_len(&after[lead + len..]);
    let w = who_len(&after[q..], false)?;
    Some((lead..lead + len, q + w))
}

/// "…," said X: what `after_verb_who` finds, kept as its specification.
#[cfg(test)]
pub(super) static AFTER_VERB_WHO: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    let verbs = &*INVERTING_RE;
    Regex::new(&format!(r"^[\s,;:—–\-]*(?P<verb>{verbs})\s+{who}")).expect("after verb who")
});
/// "…" — Jane Doe: what `after_dash` finds, kept as its specification.
#[cfg(test)]
pub(super) static AFTER_DASH: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    Regex::new(&format!(r"^\s*[—–\-]{{1,2}}\s*{who}\s*(?:[,.]|$)")).expect("after dash")
});
/// AFTER_DASH's who group for `after`, read by hand: WHO starts past the
/// white space, one or two dashes (as many as there are) and the white
/// space after them (it opens with a letter), and its first end (in the
/// regex's order) with a comma, a stop or the end after it past white
/// space is the match. (Its captures ran the backtracker over the huge
/// WHO pattern, thousands of instructions a quotation.)
pub(super) fn after_dash(after: &str) -> Option<std::ops::Range<usize>> {
    let mut p = after.len() - after.trim_start().len();
    for _ in 0..2 {
        match after[p..].chars().next() {
            Some(c @ ('—' | '–' | '-')) => p += c.len_utf8(),
            _ => break,
        }
    }
    if p == after.len() - after.trim_start().len() {
        return None;
    }
    let q = p + space_len(&after[p..]);
    let w = who_word_then(&after[q..], &mut |w| {
        let rest = after[q + w..].trim_start();
        (rest.is_empty() || rest.starts_with([',', '.'])).then_some(w)
    })?;
    Some(q..q + w)
}

/// X said: "…" / X said that the "…" — anywhere before the quote in its sentence.
///
/// The pattern after its opening word boundary: what `who_verbs` reads,
/// kept as its specification.
#[cfg(test)]
pub(super) static WHO_VERB_TAIL: LazyLock<String> = LazyLock::new(|| {
    let who = &*WHO_PHRASE;
    format!(
        r"{who}(?:,\s+(?P<app>[^,]{{1,90}}),)?,?\s+(?:also\s+|later\s+|then\s+|once\s+|previously\s+|has\s+|had\s+|have\s+|would\s+|was\s+|is\s+|reportedly\s+|recently\s+|simply\s+|earlier\s+|repeatedly\s+|publicly\s+|privately\s+|again\s+){{0,2}}(?P<verb>{VERB_RE})(?-u:\b)"
    )
});
#[cfg(test)]
pub(super) static WHO_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b){}", &*WHO_VERB_TAIL)).expect("who verb"));
/// WHO_VERB at the start of the haystack, less its opening word boundary
/// (which needs the byte before).
#[cfg(test)]
pub(super) static WHO_VERB_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})", &*WHO_VERB_TAIL)).expect("who verb at"));

/// The captures of each match of WHO_VERB in `hay`, match after match, with
/// the offset they are relative to: the pattern opens with a word boundary
/// and WHO, whose first character is an ASCII letter or (in "-- Jane Doe")
/// a hyphen, so each place where one of these follows a word boundary is
/// tried in turn with the anchored rest of the pattern, which nothing
/// before it changes. (An unanchored search of the huge pattern kept
/// building new lazy DFA states.) `who_verbs` reads the same by hand.
#[cfg(test)]
pub(super) fn who_verb_matches<'h>(
    who_verb_at: &'h Regex,
    hay: &'h str,
) -> impl Iterator<Item = (usize, regex::Captures<'h>)> {
    let b = hay.as_bytes();
    let mut p = 0;
    std::iter::from_fn(move || {
        while p < b.len() {
            let at = p;
            p += 1;
            let after_word = at > 0 && word_byte(b.get(at - 1));
            let boundary = if b[at].is_ascii_alphabetic() {
                !after_word
            } else {
                b[at] == b'-' && after_word
            };
            if !boundary {
                continue;
            }
            if let Some(c) = who_verb_at.captures(&hay[at..]) {
                p = at + c.get(0).map_or(0, |m| m.end());
                return Some((at, c));
            }
        }
        None
    })
}
#[cfg(test)]
pub(super) static VERB_WHO: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    let verbs = &*INVERTING_RE;
    Regex::new(&format!(r"(?-u:\b)(?P<verb>{verbs})\s+{who}")).expect("verb who")
});
/// Is all of `t` one who-phrase? WHO matched by hand (`who_then`) with
/// the end of `t` as the rest of the pattern: what WHO_EXACT matches.
pub(super) fn who_exact(t: &str) -> bool {
    who_word_then(t, &mut |e| (e == t.len()).then_some(e)).is_some()
}
/// WHO and nothing else: what `who_exact` matches, kept as its
/// specification.
#[cfg(test)]
pub(super) static WHO_EXACT: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    Regex::new(&format!(r"^(?:{who})$")).expect("who exact")
});

/// The particles a verb may take before "and" in COORDINATED ("stood up
/// and", "turned back and").
const COORDINATED_PARTICLES: &[&str] =
    &["in", "up", "out", "back", "down", "on", "over", "forward"];

/// The last run of non-white-space that ends at byte `e` of `t`, with
/// white space before it: (the start of that white space, the word).
fn word_before(t: &str, e: usize) -> Option<(usize, &str)> {
    let w = t[..e]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    let ws = t[..w].trim_end().len();
    (ws < w && w < e).then(|| (ws, &t[w..e]))
}

/// Where COORDINATED's match in `t` starts — two verbs joined by "and" at
/// the end of `t` ("she nodded and", "he looked up and") — read by hand
/// off the last three words: "and", a particle maybe, and a word of small
/// letters that ends in "ed" or "s", each with white space before it.
/// The match with the particle starts further left, so it is the one the
/// regex finds when both fit.
pub(super) fn coordinated_start(t: &str) -> Option<usize> {
    let (ws, and) = word_before(t, t.trim_end().len())?;
    if and != "and" {
        return None;
    }
    let verb_like = |w: &str| {
        w.bytes().all(|c| c.is_ascii_lowercase())
            && ((w.len() >= 2 && w.ends_with('s')) || (w.len() >= 3 && w.ends_with("ed")))
    };
    let (ws2, w2) = word_before(t, ws)?;
    let with_particle = COORDINATED_PARTICLES
        .contains(&w2)
        .then(|| word_before(t, ws2))
        .flatten()
        .filter(|&(_, w3)| verb_like(w3))
        .map(|(ws3, _)| ws3);
    with_particle.or_else(|| verb_like(w2).then_some(ws2))
}
/// What `coordinated_start` finds, kept as its specification.
#[cfg(test)]
pub(super) static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+[a-z]+(?:ed|s)(?:\s+(?:in|up|out|back|down|on|over|forward))?\s+and\s*$")
        .expect("coordinated verbs")
});

/// The adverbs ADVERB_TAIL allows at the end of a text: those of
/// [`WHO_VERB_ADVERBS`] and these.
const MORE_TRAILING_ADVERBS: &[&str] = &[
    "quickly", "finally", "further", "never", "often", "always", "even", "only", "still", "just",
];

/// Where ADVERB_TAIL's match in `t` starts: the trailing white space and
/// the run of adverbs before it ("Rusk has often  "), each a whole word
/// with white space before it, read back from the end. (Every repeat
/// opens with white space, so a match that starts earlier than the
/// trailing white space is a run of such words.)
pub(super) fn adverb_tail_start(t: &str) -> usize {
    let mut e = t.trim_end().len();
    while let Some((ws, w)) = word_before(t, e) {
        if !(WHO_VERB_ADVERBS.contains(&w) || MORE_TRAILING_ADVERBS.contains(&w)) {
            break;
        }
        e = ws;
    }
    e
}
/// What `adverb_tail_start` finds, kept as its specification.
#[cfg(test)]
pub(super) static ADVERB_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s+(?:also|later|then|once|previously|has|had|have|would|was|is|reportedly|recently|simply|earlier|repeatedly|publicly|privately|again|quickly|finally|further|never|often|always|once|had|has|even|only|still|just))*\s*$")
        .expect("adverbs")
});
/// VERB_WHO_END's verb and who groups in `hay`, read by hand: at each
/// word start in turn, a speech verb (`verb_at`), white space, "that"
/// and white space if they fit (else not), and WHO to the end of `hay`.
pub(super) fn verb_who_end(hay: &str) -> Option<(Range<usize>, Range<usize>)> {
    let b = hay.as_bytes();
    let to_end = &mut |w: usize, q: usize| {
        who_word_then(&hay[q..], &mut |e| (q + e == hay.len()).then_some(e))
            .map(|e| q..q + e)
            .filter(|_| w > 0)
    };
    (0..b.len()).find_map(|p| {
        if !b[p].is_ascii_lowercase() || (p > 0 && word_byte(b.get(p - 1))) {
            return None;
        }
        let e = verb_at(hay, p)?;
        let ws = space_len(&hay[e..]);
        let q = e + ws;
        let that = hay[q..]
            .starts_with("that")
            .then(|| q + 4 + space_len(&hay[q + 4..]));
        that.filter(|&t| t > q + 4)
            .and_then(|t| to_end(ws, t))
            .or_else(|| to_end(ws, q))
            .map(|who| (p..e, who))
    })
}
/// "…, said she": what `verb_who_end` finds, kept as its specification.
#[cfg(test)]
pub(super) static VERB_WHO_END: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    Regex::new(&format!(
        r"(?-u:\b)(?P<verb>{VERB_RE})\s+(?:that\s+)?{who}$"
    ))
    .expect("verb who end")
});
#[cfg(test)]
pub(super) static VERB_ANY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)(?:{VERB_RE})(?-u:\b)")).expect("verb"));
/// A who-phrase as the subject of a sentence: what `subjects` finds, kept
/// as the specification it is tested against.
#[cfg(test)]
pub(super) static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    Regex::new(&format!(r"(?:^|[\s(])(?:{who})(?-u:\b)")).expect("subject")
});

/// WHO at the start of the haystack: what `who_len` finds, kept as the
/// specification it is tested against.
#[cfg(test)]
pub(super) static WHO_START: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    Regex::new(&format!(r"^(?:{who})")).expect("who start")
});

/// The matches of ACCORDING — `(?-u:\b)[Aa]ccording to\s+WHO` — in `hay`,
/// match after match, as (start, end): each "ccording to" is tried in turn
/// with an anchored WHO past the white space after it, which is the match
/// the regex finds there (WHO opens with a letter). (An unanchored search
/// of the huge WHO pattern kept building new lazy DFA states.)
pub(super) fn according_matches(hay: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    const VERB: &str = "according to";
    let b = hay.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        let k = pos + hay.get(pos..)?.find(&VERB[1..])?;
        pos = k + VERB.len() - 1;
        let Some(p) = k.checked_sub(1) else { continue };
        if !matches!(b[p], b'A' | b'a') || (p > 0 && word_byte(b.get(p - 1))) {
            continue;
        }
        let after = p + VERB.len();
        let gap = hay[after..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(hay.len() - after);
        if gap == 0 {
            continue;
        }
        if let Some(w) = who_len(&hay[after + gap..], false) {
            pos = after + gap + w;
            return Some((p, pos));
        }
    })
}

/// The matches of VERB_WHO — `(?-u:\b)(?P<verb>INVERTING_RE)\s+WHO` — in
/// `hay`, match after match, as (start, verb length, end): each lower-case
/// letter at a word start is tried in turn for the one inverting verb that
/// fits there and an anchored WHO past the white space after it. (An
/// unanchored search of the huge WHO pattern kept building new lazy DFA
/// states.)
pub(super) fn verb_who_matches(hay: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let b = hay.as_bytes();
    let mut p = 0;
    std::iter::from_fn(move || {
        while p < b.len() {
            let at = p;
            p += 1;
            if !b[at].is_ascii_lowercase() || (at > 0 && word_byte(b.get(at - 1))) {
                continue;
            }
            let Some(len) = inverting_verb_len(&hay[at..]) else {
                continue;
            };
            let gap = hay[at + len..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(hay.len() - at - len);
            if let Some(w) = who_len(&hay[at + len + gap..], false) {
                p = at + len + gap + w;
                return Some((at, len, p));
            }
        }
        None
    })
}

/// WHO (and a word boundary) at the start of the haystack: what
/// `who_len(.., true)` finds, kept as its specification.
#[cfg(test)]
pub(super) static WHO_AT: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    Regex::new(&format!(r"^(?:{who})(?-u:\b)")).expect("who at")
});

/// The end of the WHO that starts at byte `q` of `hay`, after a white
/// space or "(" or at the start: WHO opens with an ASCII letter and a word
/// boundary, which nothing before `q` changes, so it is matched from `q` on.
pub(super) fn who_at(hay: &str, q: usize) -> Option<usize> {
    who_len(hay.get(q..)?, true).map(|e| q + e)
}

/// WHO (`WHO_PHRASE` after a word boundary) read by hand at the start of
/// `t`, as the regex takes it: the end of the first way it matches, in
/// the order the pattern tries its alternatives and repeats (greedy
/// repeats longest first, the determiner phrase's lazy one shortest
/// first). With `bounded`, a word boundary must follow too (WHO_AT),
/// which may send the match back to a shorter way. The patterns over it
/// ran a lazy automaton for `\p{L}` that kept building states: a fifth of
/// all of lede's work on real articles went to this one phrase.
///
/// Each part is a function that tries its ways of matching in order and
/// hands each end to the rest of the pattern (`k`); the first end the
/// rest accepts is the match. White space (`\s+`) is always taken whole:
/// every part after it opens with a letter or a hyphen, so giving some
/// back never helps.
pub(super) fn who_len(t: &str, bounded: bool) -> Option<usize> {
    let w = Who { t, b: t.as_bytes() };
    let mut k = |e: usize| (!bounded || w.boundary(e)).then_some(e);
    who_then(t, &mut k)
}

/// WHO at the start of `t` followed by the rest of a pattern, `k`: what
/// `k` gives for the first end of WHO (in the regex's order) that it
/// accepts. WHO's opening word boundary holds at the start of `t` when
/// `t` opens with a letter and nothing before it is a word byte, as
/// every caller has it.
pub(super) fn who_then(t: &str, k: Rest<'_>) -> Option<usize> {
    who_then_in(t, false, k)
}

/// [`who_then`] for a rest that never accepts an end followed by a
/// letter, an apostrophe or a hyphen: a comma or white space must follow
/// ("Ada Rusk, 74, said"), or the end of the text. Only whole runs of
/// letters are then offered: "Rusk" is not given back to "Rus" and "Ru",
/// which the rest would turn down one by one ([`who_phrase_in`]).
pub(super) fn who_word_then(t: &str, k: Rest<'_>) -> Option<usize> {
    who_then_in(t, true, k)
}

/// [`who_then`], or [`who_word_then`] with `whole`.
fn who_then_in(t: &str, whole: bool, k: Rest<'_>) -> Option<usize> {
    if !t.as_bytes().first()?.is_ascii_alphabetic() {
        return None;
    }
    who_phrase_in(t, whole, k)
}

/// `WHO_PHRASE` (WHO without its opening word boundary, so it may open
/// with the hyphen of a small word, "-old Rusk") at the start of `t`,
/// followed by the rest of a pattern, `k`: every end of a run of
/// letters offered, what [`who_phrase_in`] does without `whole`, kept as
/// the reference its whole-run ends are tested against.
#[cfg(test)]
pub(super) fn who_phrase_then(t: &str, k: Rest<'_>) -> Option<usize> {
    who_phrase_in(t, false, k)
}

/// [`who_phrase_then`]; with `whole`, for a rest that never accepts an
/// end followed by a letter, an apostrophe or a hyphen, only the ends of
/// whole runs of letters are offered. The ends inside a run are followed
/// by one of these, so such a rest turns each down: after "Ada Rusk, 74,
/// said" the rest is tried once, where giving back would try it after
/// "Ada Rus", "Ada Ru" and "Ada R" as well, through the names' repeat
/// each time. Inside the phrase, what follows a run (white space and the
/// next word) takes no end inside it either, so the match is the same.
fn who_phrase_in(t: &str, whole: bool, k: Rest<'_>) -> Option<usize> {
    let w = Who { t, b: t.as_bytes() };
    w.pronoun(&mut *k)
        .or_else(|| w.determiner_phrase(whole, &mut *k))
        .or_else(|| w.group_of_names(&mut *k))
        .or_else(|| w.group_of_words(&mut *k))
        .or_else(|| w.name(whole, &mut *k))
}

/// The rest of the pattern after a part: the end of the whole match, if
/// it matches from the given end of the part.
pub(super) type Rest<'a> = &'a mut dyn FnMut(usize) -> Option<usize>;

/// The text [`who_len`] reads.
#[derive(Clone, Copy)]
pub(super) struct Who<'t> {
    pub(super) t: &'t str,
    pub(super) b: &'t [u8],
}

impl Who<'_> {
    /// `(?-u:\b)` at byte `e`.
    pub(super) fn boundary(&self, e: usize) -> bool {
        e > 0 && word_byte(self.b.get(e - 1)) != word_byte(self.b.get(e))
    }

    /// The end of `\s+` from `p`, if there is white space there.
    fn gap(&self, p: usize) -> Option<usize> {
        // (Most ends tried are followed by a letter or a mark: an ASCII
        // byte that is not white space says no without decoding.)
        match self.b.get(p) {
            Some(&x) if x < 0x80 && !matches!(x, b' ' | b'\t'..=b'\r') => None,
            _ => {
                let n = space_len(&self.t[p..]);
                (n > 0).then_some(p + n)
            }
        }
    }

    /// The end of the run of characters that `class` takes from `p`.
    fn run(&self, p: usize, class: impl Fn(char, &str) -> bool) -> usize {
        let mut e = p;
        for c in self.t[p..].chars() {
            if !class(c, &self.t[e..]) {
                break;
            }
            e += c.len_utf8();
        }
        e
    }

    /// `[\p{L}'’\-]*` from `p`: its ends, longest first, down to `p`
    /// (`whole`: only the end that no letter, apostrophe or hyphen
    /// follows, the whole run; see [`who_phrase_in`]).
    fn letters_back(&self, p: usize, whole: bool, k: Rest<'_>) -> Option<usize> {
        let e = self.run(p, |c, at| letter_or(c, at, true));
        if whole {
            return k(e);
        }
        self.ends_down(p, e, k)
    }

    /// `(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)(?-u:\b)`: one at most starts
    /// the text (their first letters differ).
    fn pronoun(&self, k: Rest<'_>) -> Option<usize> {
        ["He", "he", "She", "she", "They", "they", "I", "We", "we"]
            .into_iter()
            .find(|p| self.b.starts_with(p.as_bytes()))
            .map(str::len)
            .filter(|&n| self.boundary(n))
            .and_then(k)
    }

    /// `(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Aa]nother)\s+
    /// (?:[\p{L}'’\-]+\s+){0,3}?[\p{L}\-]+`. Each determiner needs white
    /// space after it, so one at most fits ("The" and "Their", "An" and
    /// "A" and "Another" rule each other out).
    fn determiner_phrase(&self, whole: bool, k: Rest<'_>) -> Option<usize> {
        const DETS: [&str; 16] = [
            "The", "the", "An", "an", "A", "a", "His", "his", "Her", "her", "Their", "their",
            "One", "one", "Another", "another",
        ];
        let mut p = DETS
            .into_iter()
            .filter(|d| self.b.starts_with(d.as_bytes()))
            .find_map(|d| self.gap(d.len()))?;
        // The lazy repeat: no more words first, then one more at a time.
        for _ in 0..=3 {
            let e = self.run(p, |c, at| letter_or(c, at, false));
            if let Some(first) = self.t[p..e].chars().next() {
                let r = if whole {
                    k(e)
                } else {
                    self.ends_down(p + first.len_utf8(), e, &mut *k)
                };
                if r.is_some() {
                    return r;
                }
            }
            let e = self.run(p, |c, at| letter_or(c, at, true));
            if e == p {
                return None;
            }
            p = self.gap(e)?;
        }
        None
    }

    /// The ends from `max` back to `min`, a character at a time, handed
    /// to `k`: a greedy run giving back what the rest needs.
    fn ends_down(&self, min: usize, mut e: usize, k: Rest<'_>) -> Option<usize> {
        loop {
            if let Some(r) = k(e) {
                return Some(r);
            }
            if e <= min {
                return None;
            }
            e -= if self.b[e - 1] < 0x80 {
                1
            } else {
                self.t[..e].chars().next_back().map_or(1, char::len_utf8)
            };
        }
    }

    /// `TOK` at `p`, each of its ends in the order the regex tries them.
    pub(super) fn tok(&self, p: usize, k: Rest<'_>) -> Option<usize> {
        self.tok_in(p, false, k)
    }

    /// `TOK\s+` at `p`: [`Self::tok`] with only the ends white space
    /// follows handed to `k`, with the end of that white space. (Inside a
    /// run of letters only a letter, an apostrophe or a hyphen follows:
    /// those ends are not offered, where the regex would try each and
    /// fail.)
    fn tok_spaced(&self, p: usize, k: Rest<'_>) -> Option<usize> {
        self.tok_in(p, true, &mut |e| k(self.gap(e)?))
    }

    /// [`Self::tok`], or (`whole`) its ends that no letter, apostrophe or
    /// hyphen follows: [`Self::tok_spaced`] without its gap, and what [`who_phrase_in`]
    /// offers with `whole`.
    fn tok_in(&self, p: usize, whole: bool, k: Rest<'_>) -> Option<usize> {
        let b = self.b;
        let first = *b.get(p)?;
        if first.is_ascii_uppercase() {
            // `(?:[A-Z]\.)+`, most pairs first.
            let mut n = 0;
            while b.get(p + 2 * n).is_some_and(u8::is_ascii_uppercase)
                && b.get(p + 2 * n + 1) == Some(&b'.')
            {
                n += 1;
            }
            for i in (1..=n).rev() {
                if let Some(r) = k(p + 2 * i) {
                    return Some(r);
                }
            }
            // An abbreviation and its stop ("Mrs."): one fits at most, the
            // run of letters before the stop (each is letters only).
            let n = b[p..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let abbreviation = b.get(p + n) == Some(&b'.')
                && TOK_ABBREVIATIONS
                    .iter()
                    .any(|a| a.as_bytes() == &b[p..p + n]);
            if let Some(r) = abbreviation.then(|| k(p + n + 1)).flatten() {
                return Some(r);
            }
            // `[A-Z][\p{L}'’\-]*`.
            return self.letters_back(p + 1, whole, k);
        }
        // `(?:al|el|…)-[A-Z][\p{L}'’\-]*`: one particle fits at most, the
        // run of small letters before the hyphen (each is small letters
        // only).
        let n = b[p..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        let particle = b.get(p + n) == Some(&b'-')
            && b.get(p + n + 1).is_some_and(u8::is_ascii_uppercase)
            && HYPHEN_PARTICLES
                .iter()
                .any(|a| a.as_bytes() == &b[p..p + n]);
        particle
            .then(|| self.letters_back(p + n + 2, whole, k))
            .flatten()
    }

    /// `GROUP_NOUNS(?-u:\b)` at `p`: the word there (all of its word
    /// bytes, for the boundary) is one of the nouns, in small letters.
    fn group_noun(&self, p: usize, k: Rest<'_>) -> Option<usize> {
        let e = word_end(self.b, p);
        let w = &self.b[p..e];
        (e > p && w.iter().all(u8::is_ascii_lowercase) && WORDS.on(w, list::GROUP_NOUN))
            .then_some(e)
            .and_then(k)
    }

    /// `(?:TOK\s+){1,2}(?:GROUP_NOUNS)(?-u:\b)`.
    fn group_of_names(&self, k: Rest<'_>) -> Option<usize> {
        self.tok_spaced(0, &mut |s1| {
            let two = self.tok_spaced(s1, &mut |s2| self.group_noun(s2, &mut *k));
            two.or_else(|| self.group_noun(s1, &mut *k))
        })
    }

    /// The end of `[a-z][a-z\-]*` (or `[a-z\-]+` when `hyphen_first`) at `p`.
    fn small_word(&self, p: usize, hyphen_first: bool) -> Option<usize> {
        let b = self.b;
        let ok = |c: &u8| c.is_ascii_lowercase() || *c == b'-';
        let first = b.get(p)?;
        if !(first.is_ascii_lowercase() || hyphen_first && *first == b'-') {
            return None;
        }
        Some(p + 1 + b[p + 1..].iter().take_while(|c| ok(c)).count())
    }

    /// `(?:[a-z][a-z\-]*\s+){1,2}(?:GROUP_NOUNS)(?-u:\b)`.
    fn group_of_words(&self, k: Rest<'_>) -> Option<usize> {
        let s1 = self.gap(self.small_word(0, false)?)?;
        self.small_word(s1, false)
            .and_then(|e2| self.gap(e2))
            .and_then(|s2| self.group_noun(s2, &mut *k))
            .or_else(|| self.group_noun(s1, k))
    }

    /// `(?:TOK\s+){0,3}(?:[a-z\-]+\s+){0,2}TOK(?:\s+(?:TOK|PARTICLE(?-u:\b)))*`.
    fn name(&self, whole: bool, k: Rest<'_>) -> Option<usize> {
        self.names_from(0, 0, whole, k)
    }

    /// `(?:TOK\s+){i,3}` and the rest of [`Self::name`] from `p`.
    fn names_from(&self, p: usize, i: usize, whole: bool, k: Rest<'_>) -> Option<usize> {
        if i < 3 {
            let more = self.tok_spaced(p, &mut |s| self.names_from(s, i + 1, whole, &mut *k));
            if more.is_some() {
                return more;
            }
        }
        self.small_words_from(p, 0, whole, k)
    }

    /// `(?:[a-z\-]+\s+){j,2}TOK` and the particles and names after it.
    fn small_words_from(&self, p: usize, j: usize, whole: bool, k: Rest<'_>) -> Option<usize> {
        if j < 2 {
            let more = self
                .small_word(p, true)
                .and_then(|e| self.gap(e))
                .and_then(|s| self.small_words_from(s, j + 1, whole, &mut *k));
            if more.is_some() {
                return more;
            }
        }
        self.tok_in(p, whole, &mut |e| self.tail(e, whole, &mut *k))
    }

    /// `(?:\s+(?:TOK|PARTICLE(?-u:\b)))*` from `e`, greedy. At most one of
    /// the ways a word can match ends before white space (a `TOK` holds
    /// none, and its ends and a particle's differ), so only that way can
    /// take the repeat on; every other way ends the repeat where it ends.
    /// The repeat is walked forward, then its ends are offered to `k` in
    /// the order the regex would offer them (without recursion: a line of
    /// capitalised words may be long).
    fn tail(&self, e: usize, whole: bool, k: Rest<'_>) -> Option<usize> {
        // Forward: the way on at each word, offering every way before it.
        let mut stack = Vec::new();
        let mut x = e;
        while let Some(s) = self.gap(x) {
            let mut on = None;
            let mut before = None;
            self.word_ways(s, whole, &mut |y| {
                if on.is_none() && self.gap(y).is_some() {
                    on = Some(y);
                } else if on.is_none() && before.is_none() {
                    before = k(y);
                }
                None
            });
            if let Some(r) = before {
                return Some(r);
            }
            let Some(y) = on else { break };
            stack.push(x);
            x = y;
        }
        // The deepest end, then back out: the ways after the one taken, then
        // the end before the word.
        if let Some(r) = self.word_ways_at(x, whole, &mut *k).or_else(|| k(x)) {
            return Some(r);
        }
        while let Some(prev) = stack.pop() {
            let s = self.gap(prev).expect("a word was read after white space");
            let mut past = false;
            let mut found = None;
            self.word_ways(s, whole, &mut |y| {
                if found.is_none() {
                    if past {
                        found = k(y);
                    } else if self.gap(y).is_some() {
                        past = true;
                    }
                }
                None
            });
            if found.is_some() {
                return found;
            }
            if let Some(r) = k(prev) {
                return Some(r);
            }
        }
        None
    }

    /// The ways of the word after the white space at `x` (none at the end
    /// of the repeat), each handed to `k`.
    fn word_ways_at(&self, x: usize, whole: bool, k: Rest<'_>) -> Option<usize> {
        let s = self.gap(x)?;
        let mut found = None;
        self.word_ways(s, whole, &mut |y| {
            if found.is_none() {
                found = k(y);
            }
            None
        });
        found
    }

    /// Every end of `TOK|PARTICLE(?-u:\b)` at `s`, in the regex's order.
    fn word_ways(&self, s: usize, whole: bool, k: Rest<'_>) {
        self.tok_in(s, whole, &mut *k);
        // A particle with a boundary after it is the whole run of word
        // bytes at `s` (each is letters only): at most one fits.
        let e = word_end(self.b, s);
        if matches!(
            &self.b[s..e],
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
        ) {
            k(e);
        }
    }
}

/// A character of `[\p{L}'’\-]` (`apostrophes`) or of `[\p{L}\-]`; `at` is
/// the text from it on.
fn letter_or(c: char, at: &str, apostrophes: bool) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '-' || apostrophes && c == '\''
    } else {
        apostrophes && c == '’' || names::non_ascii_letter(at)
    }
}

/// The `who` of each match of SUBJECT — `(?:^|[\s(])WHO(?-u:\b)` — in
/// `hay`, as (start, text), match after match: the leftmost match is the
/// first white space or "(" (or the start) that WHO follows, so each such
/// place is tried in turn with an anchored WHO. (An unanchored search of
/// the huge WHO pattern kept building new lazy DFA states, a tenth of the
/// speakers' time; the anchored one settles into few.)
pub(super) fn subjects(hay: &str) -> impl Iterator<Item = (usize, &str)> {
    // The next place a match may start, and whether `^` is still to try.
    let mut p = 0;
    let mut at_start = true;
    std::iter::from_fn(move || {
        if std::mem::take(&mut at_start) {
            if let Some(e) = who_at(hay, 0) {
                p = e;
                return Some((0, &hay[..e]));
            }
        }
        while let Some(c) = hay.get(p..)?.chars().next() {
            let lead = p + c.len_utf8();
            if c.is_whitespace() || c == '(' {
                if let Some(e) = who_at(hay, lead) {
                    p = e;
                    return Some((lead, &hay[lead..e]));
                }
            }
            p = lead;
        }
        None
    })
}

/// The captures of the last match of `re` in `hay`: the matches are found
/// by a plain search, and only the last is run again for its groups.
/// (`captures_at` from the last match's start finds that same match, since
/// leftmost-first semantics pick a match by where it starts.)
#[cfg(test)]
pub(super) fn last_captures<'h>(re: &Regex, hay: &'h str) -> Option<regex::Captures<'h>> {
    let last = re.find_iter(hay).last()?;
    re.captures_at(hay, last.start())
}
/// The matches of a pattern that opens with `(?-u:\b)` and then a byte
/// that `opens`, front to back as a search finds them: each place such a
/// byte follows a word boundary is tried in turn with `at`, the rest of
/// the pattern anchored there, which gives the match's end and groups; the
/// search goes on from the end of each match.
fn matches_at<'h, T>(
    hay: &'h str,
    opens: impl Fn(u8) -> bool + 'h,
    mut at: impl FnMut(usize) -> Option<(usize, T)> + 'h,
) -> impl Iterator<Item = T> + 'h {
    let b = hay.as_bytes();
    let mut p = 0;
    std::iter::from_fn(move || {
        while p < b.len() {
            let q = p;
            p += 1;
            if !opens(b[q]) || (q > 0 && word_byte(b.get(q - 1))) {
                continue;
            }
            if let Some((e, found)) = at(q) {
                p = e.max(q + 1);
                return Some(found);
            }
        }
        None
    })
}

/// `(?:\s+TOK){n,3}` after a word that ends at `e`, greedy: its ends
/// handed to `k`, more words first.
fn more_toks(w: &Who<'_>, e: usize, n: usize, k: Rest<'_>) -> Option<usize> {
    (n < 3)
        .then(|| w.gap(e))
        .flatten()
        .and_then(|s| w.tok(s, &mut |e2| more_toks(w, e2, n + 1, &mut *k)))
        .or_else(|| k(e))
}

/// `(?:\s+TOK){n,3}?` after a word that ends at `e`, lazy: its ends
/// handed to `k`, fewer words first.
fn fewer_toks(w: &Who<'_>, e: usize, n: usize, k: Rest<'_>) -> Option<usize> {
    k(e).or_else(|| {
        let s = w.gap(e).filter(|_| n < 3)?;
        w.tok(s, &mut |e2| fewer_toks(w, e2, n + 1, &mut *k))
    })
}

/// `(?:[a-z\-]+\s+){j,most}?` from `q` and a speech noun `noun` reads
/// there, lazy: the end of the first noun found after fewest small words.
/// A small word is a whole run of its letters (white space must follow).
fn small_words_then(
    w: &Who<'_>,
    mut q: usize,
    most: usize,
    noun: impl Fn(usize) -> Option<usize>,
) -> Option<Range<usize>> {
    for j in 0..=most {
        if let Some(e) = noun(q) {
            return Some(q..e);
        }
        if j == most {
            break;
        }
        let e = q + w.b[q..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || **c == b'-')
            .count();
        q = w.gap(e).filter(|_| e > q)?;
    }
    None
}

/// The speech nouns POSSESSIVE_SPEECH allows: plurals are listed too
/// where the pattern has "s?".
pub(super) const OWNED_SPEECH: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "assertions",
    "remark",
    "remarks",
    "comment",
    "comments",
    "statement",
    "words",
    "conclusion",
    "warning",
    "promise",
    "pledge",
    "argument",
    "suggestion",
    "tweet",
    "tweets",
    "response",
    "reply",
    "insistence",
    "accusation",
    "allegation",
    "prediction",
    "vow",
    "complaint",
    "plea",
    "message",
    "speech",
    "testimony",
    "criticism",
    "description",
];

/// The speech nouns of PRONOUN_SPEECH: those of POSSESSIVE_SPEECH but
/// tweets, responses, replies and speeches.
fn pronoun_noun(w: &str) -> bool {
    OWNED_SPEECH.contains(&w) && !matches!(w, "tweet" | "tweets" | "response" | "reply" | "speech")
}

/// The (who, noun) groups of the last match of POSSESSIVE_SPEECH in
/// `hay` ("Mayor Ada Rusk's recent claim"), read by hand: a name of one
/// to four words (greedy), "'s", up to three small words (lazy) and a
/// speech noun that is a whole ASCII word.
pub(super) fn last_possessive_speech(hay: &str) -> Option<(Range<usize>, Range<usize>)> {
    let w = Who {
        t: hay,
        b: hay.as_bytes(),
    };
    let noun = |q: usize| {
        let e = word_end(w.b, q);
        OWNED_SPEECH.contains(&&hay[q..e]).then_some(e)
    };
    let opens = |c: u8| c.is_ascii_alphabetic();
    matches_at(hay, opens, |p| {
        let mut verb = None;
        let who = w.tok(p, &mut |e| {
            more_toks(&w, e, 0, &mut |e| {
                let a = ['\'', '’'].into_iter().find(|&a| hay[e..].starts_with(a))?;
                let s = e + a.len_utf8();
                let q = (w.b.get(s) == Some(&b's')).then(|| w.gap(s + 1))??;
                verb = Some(small_words_then(&w, q, 3, noun)?);
                Some(e)
            })
        })?;
        let verb = verb?;
        Some((verb.end, (p..who, verb)))
    })
    .last()
}

/// The (pronoun, noun) groups of the last match of PRONOUN_SPEECH in
/// `hay` ("her blunt warning that"), read by hand: a possessive pronoun,
/// up to two small words (lazy), a speech noun with white space after it,
/// and "that", "was" or "is" as a word.
pub(super) fn last_pronoun_speech(hay: &str) -> Option<(Range<usize>, Range<usize>)> {
    let w = Who {
        t: hay,
        b: hay.as_bytes(),
    };
    let noun = |q: usize| {
        let e = q + hay[q..].find(char::is_whitespace)?;
        let s = w.gap(e)?;
        let then = ["that", "was", "is"]
            .into_iter()
            .find(|t| hay[s..].starts_with(t) && w.boundary(s + t.len()));
        (pronoun_noun(&hay[q..e]) && then.is_some()).then_some(e)
    };
    let opens = |c: u8| matches!(c, b'H' | b'h' | b'T' | b't');
    matches_at(hay, opens, |p| {
        let who = ["his", "her", "their"].into_iter().find_map(|o| {
            let t = &hay[p + 1..];
            (t.starts_with(&o[1..]) && hay.as_bytes()[p].eq_ignore_ascii_case(&o.as_bytes()[0]))
                .then_some(p + o.len())
        })?;
        let q = w.gap(who)?;
        let verb = small_words_then(&w, q, 2, noun)?;
        // The match ends past "that", "was" or "is".
        let s = w.gap(verb.end)?;
        let e = word_end(w.b, s);
        Some((e, (p..who, verb)))
    })
    .last()
}

/// The (who, "words") groups of each match of IN_WORDS ("in Vell's own
/// words") and then of IN_THE_WORDS_OF ("in the words of Jane Doe") in
/// `hay`, read by hand.
pub(super) fn in_words(hay: &str) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
    let w = Who {
        t: hay,
        b: hay.as_bytes(),
    };
    let opens = |c: u8| c == b'I' || c == b'i';
    // `\s+(?:own\s+)?words` at `s`: "own" taken first.
    let words = move |s: usize| {
        let own = hay[s..]
            .starts_with("own")
            .then(|| w.gap(s + 3))
            .flatten()
            .filter(|&q| hay[q..].starts_with("words"));
        own.or_else(|| hay[s..].starts_with("words").then_some(s))
            .map(|q| q..q + "words".len())
    };
    // `[Ii]n\s+(?P<who>TOK(?:\s+TOK){0,3}?)(?:['’]s|['’])\s+(?:own\s+)?words`.
    let owned = matches_at(hay, opens, move |p| {
        let s = (w.b.get(p + 1) == Some(&b'n')).then(|| w.gap(p + 2))??;
        let mut verb = None;
        let who = w.tok(s, &mut |e| {
            fewer_toks(&w, e, 0, &mut |e| {
                let a = ['\'', '’'].into_iter().find(|&a| hay[e..].starts_with(a))?;
                let q = e + a.len_utf8();
                let with_s = (w.b.get(q) == Some(&b's'))
                    .then(|| w.gap(q + 1))
                    .flatten()
                    .and_then(words);
                verb = Some(with_s.or_else(|| w.gap(q).and_then(words))?);
                Some(e)
            })
        })?;
        let verb = verb?;
        Some((verb.end, (s..who, verb)))
    });
    // `[Ii]n\s+the\s+(?P<verb>words)\s+of\s+(?P<who>TOK(?:\s+TOK){0,3})`.
    let of = matches_at(hay, opens, move |p| {
        let word = |s: usize, t: &str| {
            hay[s..]
                .starts_with(t)
                .then(|| w.gap(s + t.len()))
                .flatten()
        };
        let s = (w.b.get(p + 1) == Some(&b'n')).then(|| w.gap(p + 2))??;
        let v = word(s, "the")?;
        let s = word(v, "words")?;
        let s = word(s, "of")?;
        let who = w.tok(s, &mut |e| more_toks(&w, e, 0, &mut |e| Some(e)))?;
        Some((who, (s..who, v..v + "words".len())))
    });
    owned.chain(of)
}

/// "Jane Doe's claim": what `last_possessive_speech` finds, kept as its
/// specification.
#[cfg(test)]
pub(super) static POSSESSIVE_SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?P<who>{TOK}(?:\s+{TOK}){{0,3}})['’]s\s+(?:[a-z\-]+\s+){{0,3}}?(?P<verb>claims?|assertions?|remarks?|comments?|statement|words|conclusion|warning|promise|pledge|argument|suggestion|tweets?|response|reply|insistence|accusation|allegation|prediction|vow|complaint|plea|message|speech|testimony|criticism|description)(?-u:\b)"
    ))
    .expect("possessive speech")
});
/// POSSESSIVE_SPEECH with a possessive pronoun: "His warning that …",
/// "her claim that …": what `last_pronoun_speech` finds, kept as its
/// specification.
#[cfg(test)]
pub(super) static PRONOUN_SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<who>[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z\-]+\s+){0,2}?(?P<verb>claims?|assertions?|remarks?|comments?|statement|words|conclusion|warning|promise|pledge|argument|suggestion|insistence|accusation|allegation|prediction|vow|complaint|plea|message|testimony|criticism|description)\s+(?:that|was|is)(?-u:\b)")
        .expect("pronoun speech")
});
/// "in Vell's words": `in_words` reads it, and IN_THE_WORDS_OF.
#[cfg(test)]
pub(super) static IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)[Ii]n\s+(?P<who>{TOK}(?:\s+{TOK}){{0,3}}?)(?:['’]s|['’])\s+(?:own\s+)?(?P<verb>words)"
    ))
    .expect("in X's words")
});
#[cfg(test)]
pub(super) static IN_THE_WORDS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)[Ii]n\s+the\s+(?P<verb>words)\s+of\s+(?P<who>{TOK}(?:\s+{TOK}){{0,3}})"
    ))
    .expect("in the words of")
});
#[cfg(test)]
pub(super) static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    let who = &*WHO;
    Regex::new(&format!(r"(?-u:\b)(?P<verb>[Aa]ccording to)\s+{who}")).expect("according")
});

/// An attribution: who (as written), the verb, where the mention stands.
#[derive(Debug, Clone)]
pub(super) struct Attribution {
    pub(super) who: String,
    pub(super) cue: String,
    pub(super) at: usize,
    /// Found only as the subject of a sentence that speaks: trusted only
    /// when it names a known person or is a pronoun.
    pub(super) weak: bool,
}

impl Attribution {
    /// The same with white space folded: a hard-wrapped "said\nJane Doe"
    /// reads "said Jane Doe".
    pub(super) fn folded(self) -> Attribution {
        Attribution {
            who: refold(self.who),
            cue: refold(self.cue),
            ..self
        }
    }
}

/// `fold(&s)`, reusing `s` when folding leaves it as it is: printable
/// ASCII with single spaces inside and none at either end.
pub(super) fn refold(s: String) -> String {
    let b = s.as_bytes();
    let plain = b.iter().all(|&c| (b'!'..=b'~').contains(&c) || c == b' ')
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ");
    if plain {
        s
    } else {
        fold(&s)
    }
}

#[cfg(test)]
pub(super) fn from_caps(c: &regex::Captures<'_>, hay: &str, base: usize) -> Option<Attribution> {
    from_caps_in(c, hay, 0, base)
}

/// `from_caps` for captures taken of `hay[off..]`.
#[cfg(test)]
pub(super) fn from_caps_in(
    c: &regex::Captures<'_>,
    hay: &str,
    off: usize,
    base: usize,
) -> Option<Attribution> {
    let shift = |m: regex::Match<'_>| off + m.start()..off + m.end();
    Some(from_groups(
        hay,
        shift(c.name("who")?),
        c.name("app").map(shift),
        c.name("verb").map(shift),
        base,
    ))
}

/// `from_caps` for groups given as ranges of `hay`.
pub(super) fn from_groups(
    hay: &str,
    who: std::ops::Range<usize>,
    app: Option<std::ops::Range<usize>>,
    verb: Option<std::ops::Range<usize>>,
    base: usize,
) -> Attribution {
    let cue = verb.map_or("—".to_string(), |v| hay[v].to_lowercase());
    // "his wife, Gabriela Lazar, wrote": the name in the appositive.
    if let Some(app) = app {
        let first = Key::new(hay[who.clone()].split_whitespace().next().unwrap_or(""));
        let first = first.as_str();
        let text = &hay[app.clone()];
        let name = text.trim();
        if is_full_name(name) && DETERMINERS.contains(&first) {
            return Attribution {
                weak: false,
                who: name.to_string(),
                cue,
                at: base + app.start + (text.len() - text.trim_start().len()),
            };
        }
    }
    attribution_at(hay, who, cue, base)
}

/// The attribution for the who-phrase at `who` in `hay` (at `base`), run
/// on to its head noun.
pub(super) fn attribution_at(
    hay: &str,
    who: std::ops::Range<usize>,
    cue: String,
    base: usize,
) -> Attribution {
    let end = extend_phrase(hay, &hay[who.clone()], who.end);
    Attribution {
        weak: false,
        who: hay[who.start..end].trim().to_string(),
        cue,
        at: base + who.start,
    }
}

/// The length of the verb of INVERTING_RE that opens `t`, as a pattern
/// that has `\s+` after the verb takes it: the word before the first white
/// space, or the two words of "went on" and the like (whose first word is
/// never a verb of the list by itself, so only one verb can fit).
pub(super) fn inverting_verb_len(t: &str) -> Option<usize> {
    static INVERTING: WordSet = WordSet(list::INVERTING);
    let w1 = t.find(char::is_whitespace)?;
    if INVERTING.contains(&t.as_bytes()[..w1]) {
        return Some(w1);
    }
    let rest = t[w1..].strip_prefix(' ')?;
    let len = w1 + 1 + rest.find(char::is_whitespace)?;
    INVERTING.contains(&t.as_bytes()[..len]).then_some(len)
}

/// The attribution of a match ending at `end` of a pattern that is a verb
/// (at `verb`) then `\s+` and WHO — VERB_WHO, AFTER_VERB_WHO, ACCORDING —
/// read off the match: WHO opens with a letter, so it starts past the white
/// space, and it ends the pattern. (Captures would run the PikeVM or the
/// backtracker over the huge WHO pattern.)
pub(super) fn verb_then_who(
    hay: &str,
    verb: std::ops::Range<usize>,
    end: usize,
    base: usize,
) -> Option<Attribution> {
    let who = verb.end + hay[verb.end..end].find(|c: char| !c.is_whitespace())?;
    Some(attribution_at(
        hay,
        who..end,
        hay[verb].to_lowercase(),
        base,
    ))
}

/// Words that open a role phrase as the who-patterns find it ("the
/// spokesman", "one aide", "his wife").
pub(super) const ROLE_OPENERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "one", "another"];

/// The same and "its": words that open a noun phrase.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "one", "another",
];

/// Words that end a noun phrase: function words, pronouns, adverbs.
pub(super) const PHRASE_END: &[&str] = &[
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "that",
    "who",
    "whom",
    "whose",
    "which",
    "when",
    "where",
    "while",
    "as",
    "if",
    "because",
    "than",
    "then",
    "also",
    "later",
    "once",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "not",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "these",
    "those",
    "the",
    "a",
    "an",
    "previously",
    "reportedly",
    "recently",
    "simply",
    "quickly",
    "earlier",
    "repeatedly",
    "publicly",
    "privately",
    "again",
    "still",
    "even",
    "only",
    "just",
    "never",
    "often",
    "always",
    "on",
    "in",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "about",
    "of",
    "after",
    "before",
    "into",
    "over",
    "under",
    "during",
    "since",
    "until",
];

/// A noun phrase found by a lazy pattern ("according to her former")
/// runs on to its head noun ("her former business partner"): take
/// the words after it up to punctuation or a function word or verb, six
/// words in all at most. Names and pronouns are left as they are.
pub(super) fn extend_phrase(hay: &str, who: &str, end: usize) -> usize {
    let first = Lower::new(who.split_whitespace().next().unwrap_or(""));
    if !DETERMINERS.contains(&first.as_str()) {
        return end;
    }
    let mut words = who.split_whitespace().count();
    let mut at = end;
    while words < 6 {
        let rest = &hay[at..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if gap == 0 {
            break;
        }
        let w_len = rest[gap..]
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
            .unwrap_or(rest.len() - gap);
        let w = &rest[gap..gap + w_len];
        if w.is_empty()
            || phrase_end(Lower::new(w).as_str())
            || has_verb(w)
            || w.ends_with("ed")
            || w.ends_with("ing")
        {
            break;
        }
        at += gap + w_len;
        words += 1;
    }
    // "a poll conducted in February", "a report released on Monday": a
    // document runs on over the participle that dates it.
    let head = hay[..at].rsplit(char::is_whitespace).next().unwrap_or("");
    if DOC_WORDS.contains(&head) {
        if let Some(e) = doc_dated(&hay[at..]) {
            at += e;
        }
    }
    // "an engineer familiar with the inquiry", "an aide close to the
    // senator": the phrase runs on to the next comma or stop.
    let last = hay[..at].rsplit(char::is_whitespace).next().unwrap_or("");
    let tail = hay[at..].trim_start();
    if (last == "familiar" && tail.starts_with("with "))
        || (last == "close" && tail.starts_with("to "))
    {
        let stop = tail
            .find([',', '.', ';', ':', '(', '"', '\u{201c}', '\u{201d}'])
            .unwrap_or(tail.len());
        if tail[..stop].split_whitespace().count() <= 8 {
            at = at + (hay[at..].len() - tail.len()) + tail[..stop].trim_end().len();
        }
    }
    at
}

/// A who-phrase is usable when it names someone: a pronoun, a name, or a
/// "the ..." phrase ending in a role noun.
pub(super) fn usable(who: &str) -> bool {
    let first = who.split_whitespace().next().unwrap_or("");
    // "on Twitter, writing": the object of a preposition is no subject.
    // (Each list is a bit of one look-up in WORDS, not a scan.)
    if WORDS.on(first.as_bytes(), list::PREPOSITION) {
        return false;
    }
    let key = Lower::new(first);
    let key = key.as_str();
    let role_opener = WORDS.on(key.as_bytes(), list::ROLE_OPENER);
    // "Quist supporters", "federal prosecutors": a group, its modifiers
    // names or adjectives, not pronouns or function words.
    if !role_opener && is_group(who) {
        return who
            .split_whitespace()
            .all(|w| !has_key(&STOP_WORDS, w) && !has_verb(w));
    }
    if matches!(key, "he" | "she" | "they" | "i" | "we") {
        return key != "we";
    }
    if role_opener {
        // "the Prime Minister", "a spokesman for the council", "the agency":
        // a short noun phrase, with no pronoun or verb in it — at most five
        // words (lower-case keys) after the opener, the last not a function
        // word. "a source familiar with …", "an aide close to …": the
        // phrase is judged by its head.
        let mut phrase = RolePhrase::default();
        for w in who.split_whitespace().skip(1) {
            if !phrase.read(w) {
                break;
            }
        }
        return phrase.usable();
    }
    let parts = parse_who(who);
    !parts.tokens.is_empty()
        && parts
            .tokens
            .iter()
            .all(|t| !has_key(&STOP_WORDS, t) && !is_capitals(t))
}

/// A pronoun, relative or auxiliary no role phrase holds (a key).
fn not_in_role_phrase(w: &str) -> bool {
    matches!(
        w,
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "who"
            | "which"
            | "that"
            | "when"
            | "as"
            | "if"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "had"
            | "has"
            | "have"
            | "would"
            | "will"
            | "could"
            | "should"
            | "not"
            | "did"
    )
}

/// Whether [`usable`] holds for each phrase of the first `n` of `words`
/// (words without white space, joined by a space), `n` from 2 to the
/// number of words (at most 7): `out[n]`. A phrase that opens with a role
/// opener ("The former harbour master opened …") is judged word by word,
/// each word read once for all the phrases that hold it, where asking
/// `usable` of each phrase read the first words six times over (and a
/// speech verb's look-up of each word is a scan). Any other opener asks
/// `usable` of each phrase.
pub(super) fn usable_prefixes(words: &[&str]) -> [bool; 8] {
    let mut out = [false; 8];
    let Some(&first) = words.first() else {
        return out;
    };
    let n_max = words.len().min(7);
    let key = Lower::new(first);
    let key = key.as_str();
    let role_opener = WORDS.on(key.as_bytes(), list::ROLE_OPENER);
    // (The opener decides `usable`'s first steps for every phrase alike:
    // no preposition, a role opener, no pronoun; else each is asked.)
    if WORDS.on(first.as_bytes(), list::PREPOSITION)
        || !role_opener
        || matches!(key, "he" | "she" | "they" | "i" | "we")
    {
        for (n, o) in out.iter_mut().enumerate().take(n_max + 1).skip(2) {
            *o = usable(&words[..n].join(" "));
        }
        return out;
    }
    // `usable`'s reading of the words after the opener, carried from one
    // phrase to the next: a phrase one word longer reads one word more.
    let mut phrase = RolePhrase::default();
    let mut reading = true;
    for (n, o) in out.iter_mut().enumerate().take(n_max + 1).skip(2) {
        reading = reading && phrase.read(words[n - 1]);
        *o = phrase.usable();
    }
    out
}

/// [`usable`]'s reading of a role phrase's words after its opener ("the
/// former harbour master"), a word at a time: at most five words (lower-
/// case keys), no pronoun or verb among them, the last not a function
/// word; "familiar" or "close" ends the phrase ("a source familiar with
/// …": it is judged by its head).
#[derive(Default)]
struct RolePhrase {
    words: usize,
    last_ends: bool,
    unfit: bool,
}

impl RolePhrase {
    /// Reads `w`, the next word; false when the phrase ends before it
    /// ("familiar", "close") or is already too long, and no later word
    /// changes the answer.
    fn read(&mut self, w: &str) -> bool {
        let w = Key::new(w);
        let w = w.as_str();
        if w == "familiar" || w == "close" {
            return false;
        }
        self.words += 1;
        if self.words > 5 {
            return false;
        }
        self.last_ends = phrase_end(w);
        self.unfit = self.unfit || not_in_role_phrase(w) || has_verb(w);
        true
    }

    /// Is the phrase read so far a usable role phrase?
    fn usable(&self) -> bool {
        (1..=5).contains(&self.words) && !self.last_ends && !self.unfit
    }
}

/// The longest who-phrase [`parse_who`] remembers: a cue's phrase is a
/// few words, and the copy it keeps stays bounded (and its offsets fit a
/// byte).
const PARSE_WHO_MAX: usize = 128;

/// The last phrase [`parse_who`] parsed and its parts, the titles and
/// tokens as byte ranges of the phrase, in arrays (a parse of more than
/// four of either, or with a part that is no slice of the phrase, is not
/// remembered: `valid` is false).
#[derive(Default)]
struct LastParse {
    key: String,
    valid: bool,
    titles: ([(u8, u8); 4], usize),
    gender: Option<Gender>,
    tokens: ([(u8, u8); 4], usize),
    lists: ([Lists; 4], usize),
    offset: usize,
    honorific: bool,
}

impl LastParse {
    /// Remember `parts`, the parse of `who` (at most [`PARSE_WHO_MAX`]
    /// bytes).
    fn store(&mut self, who: &str, parts: &NameParts<'_>) {
        let base = who.as_ptr() as usize;
        // Where each part stands in `who`, when it is a slice of it.
        let ranges = |parts: &[&str], out: &mut ([(u8, u8); 4], usize)| {
            out.1 = parts.len();
            parts.len() <= 4
                && parts.iter().zip(out.0.iter_mut()).all(|(s, r)| {
                    let at = (s.as_ptr() as usize).wrapping_sub(base);
                    let fits = at <= who.len() && s.len() <= who.len() - at;
                    *r = (at as u8, (at + s.len()) as u8);
                    fits
                })
        };
        self.key.clear();
        self.key.push_str(who);
        self.valid = ranges(&parts.titles, &mut self.titles)
            && ranges(&parts.tokens, &mut self.tokens)
            && parts.lists.len() <= 4;
        self.lists.1 = parts.lists.len().min(4);
        self.lists.0[..self.lists.1].copy_from_slice(&parts.lists[..self.lists.1]);
        self.gender = parts.gender;
        self.offset = parts.offset;
        self.honorific = parts.honorific;
    }

    /// The parts remembered, as slices of `who` (the same text as the key).
    fn parts<'w>(&self, who: &'w str) -> NameParts<'w> {
        let slices = |&(ref rs, n): &([(u8, u8); 4], usize)| {
            let mut out = [""; 4];
            for (o, &(a, b)) in out.iter_mut().zip(&rs[..n]) {
                *o = &who[usize::from(a)..usize::from(b)];
            }
            Four::from_buf_and_len(out, n)
        };
        NameParts {
            titles: slices(&self.titles),
            gender: self.gender,
            tokens: slices(&self.tokens),
            lists: Four::from_buf_and_len(self.lists.0, self.lists.1),
            offset: self.offset,
            honorific: self.honorific,
        }
    }
}

/// [`parse_run`] of a who-phrase, the parse of the phrase parsed last
/// remembered: a cue's phrase is parsed by [`usable`] when it is found,
/// then again by [`resolve`] when its person is looked up ("Ola Brenn" of
/// "Ola Brenn said", twice), and a description's words by `usable` and
/// `resolve` in turn too; the second parse cost as much as the first.
pub(super) fn parse_who(who: &str) -> NameParts<'_> {
    thread_local!(static LAST: std::cell::RefCell<LastParse> = std::cell::RefCell::default());
    if who.len() > PARSE_WHO_MAX {
        return parse_run(who);
    }
    LAST.with_borrow_mut(|last| {
        if last.valid && last.key == who {
            return last.parts(who);
        }
        let parts = parse_run(who);
        last.store(who, &parts);
        parts
    })
}

/// Find the attribution of the quote at `[qs, qe)` (masked paragraph
/// offsets, marks excluded) in masked paragraph `m`.
/// `known` says whether a bare subject names someone the article knows:
/// only such a subject is taken from a sentence that merely speaks.
pub(super) fn attribution_for(
    m: &str,
    qs: usize,
    qe: usize,
    known: &dyn Fn(&str) -> bool,
) -> Option<Attribution> {
    // One token buffer per thread, reused from quotation to quotation.
    thread_local!(static TOKENS: std::cell::Cell<TokenBuf> = std::cell::Cell::default());
    let mut buf = TOKENS.take();
    let found = attribution_in(m, qs, qe, known, None, &mut buf);
    TOKENS.set(buf);
    found
}

/// [`attribution_for`] with the tokens of the quotation's paragraph
/// already read: `para` holds the window `m`.
pub(super) fn attribution_with(
    m: &str,
    qs: usize,
    qe: usize,
    known: &dyn Fn(&str) -> bool,
    para: Stretch<'_>,
) -> Option<Attribution> {
    attribution_in(m, qs, qe, known, Some(para), &mut TokenBuf::new())
}

/// Where the words after a quotation ending at `qe` of masked text `m`
/// start: past the closing mark(s) and the punctuation the quote text
/// leaves out ("fit,” Walker said": the comma stands inside the marks),
/// within WINDOW bytes (a run of thousands of marks leads in to no one,
/// and the words read around the quotation stay bounded).
pub(super) fn after_marks(m: &str, qe: usize) -> usize {
    let limit = floor(m, (qe + WINDOW).min(m.len()));
    m[qe..limit]
        .char_indices()
        .find(|&(_, c)| {
            !matches!(
                c,
                '"' | '\''
                    | '\u{201d}'
                    | '\u{2019}'
                    | '\u{bb}'
                    | '\u{203a}'
                    | '\u{201c}'
                    | ','
                    | ';'
                    | '.'
                    | '!'
                    | '?'
                    | ' '
            )
        })
        .map_or(limit, |(i, _)| qe + i)
}

/// The end of what the cue rules of a quotation ending at `qe` of masked
/// text `m` read there ([`attribution_in`]: the sentence the words after
/// it open), moved on past the next white space byte so that no word runs
/// over it (or `m`'s end): a paragraph's tokens are read up to here from
/// its last quotation ("…," Ola said. ¶ Then she left the quay.": the
/// second sentence is no quotation's).
pub(super) fn cue_reading_end(m: &str, qe: usize) -> usize {
    let after_start = after_marks(m, qe);
    let end = sentence_end(m, after_start).max(after_start);
    memchr::memchr2(b' ', b'\n', &m.as_bytes()[end..]).map_or(m.len(), |k| end + k + 1)
}

/// A fixed word searched for in the words around a quotation ("in her
/// words", "according to", "Vell's"), its searcher built once:
/// `str::contains` sets up a searcher on every call, which costs more than
/// a short sentence takes to read.
type Needle = LazyLock<memchr::memmem::Finder<'static>>;
static WORDS_NEEDLE: Needle = LazyLock::new(|| memchr::memmem::Finder::new("words"));
static ACCORDING_NEEDLE: Needle = LazyLock::new(|| memchr::memmem::Finder::new("ccording to"));
static APOSTROPHE_S: Needle = LazyLock::new(|| memchr::memmem::Finder::new("'s"));
static CURLY_S: Needle = LazyLock::new(|| memchr::memmem::Finder::new("’s"));
static ER_NEEDLE: Needle = LazyLock::new(|| memchr::memmem::Finder::new("er "));

/// Does `hay` hold the needle?
fn has_needle(hay: &str, needle: &Needle) -> bool {
    needle.find(hay.as_bytes()).is_some()
}

/// [`attribution_for`]: every verb look-up reads the tokens of `para`, or,
/// without them, those of the quotation's sentence read into `buf`.
fn attribution_in(
    m: &str,
    qs: usize,
    qe: usize,
    known: &dyn Fn(&str) -> bool,
    para: Option<Stretch<'_>>,
    buf: &mut TokenBuf,
) -> Option<Attribution> {
    let after_start = after_marks(m, qe);
    let after = &m[after_start..sentence_end(m, after_start).max(after_start)];
    let after = &after[..floor(after, 160.min(after.len()))];
    // A quotation that ends with a full stop ends its sentence: what follows
    // is a new sentence, not its attribution (but "." — Jane Doe is).
    // ("with...," he said: a comma after the marks keeps the sentence open.)
    let closed_sentence = (m[..qe].ends_with('.') || m[qe..after_start].contains('.'))
        && !m[qe..after_start].contains(',');
    // Cheap gates first: each pattern below needs a speech verb (VERB_ANY
    // finds every verb they can), a dash, "ccording to" or a possessive
    // "'s", so where that is missing the pattern cannot match.
    // Past the marks both open with, AFTER_VERB_WHO needs a verb, which
    // starts with a lower-case ASCII letter, and AFTER_WHO_VERB a who-phrase,
    // which starts with an ASCII letter.
    let verb_at = lead_len(after);
    let lead = &after[verb_at..];
    let lead_lower = lead.starts_with(|c: char| c.is_ascii_lowercase());
    let lead_letter = lead.starts_with(|c: char| c.is_ascii_alphabetic());
    let verb_after = !closed_sentence
        && lead_letter
        && para.map_or_else(
            || has_verb(after),
            |p| p.has_verb(after_start..after_start + after.len()),
        );
    let dash_after = after.trim_start().starts_with(['—', '–', '-']);
    // AFTER_VERB_WHO, AFTER_WHO_VERB (or a name of a body and a verb),
    // AFTER_DASH in turn, each read by hand.
    let found = (verb_after && lead_lower)
        .then(|| after_verb_who(after, verb_at))
        .flatten()
        .and_then(|(v, e)| verb_then_who(after, v, e, after_start))
        .filter(|a| usable(&a.who))
        .or_else(|| {
            verb_after
                .then(|| {
                    after_who_verb(after, verb_at)
                        .map(|(who, app, verb)| {
                            from_groups(after, who, app, Some(verb), after_start)
                        })
                        .or_else(|| {
                            name_of_body_verb(after, verb_at).map(|(who, verb)| {
                                from_groups(after, who, None, Some(verb), after_start)
                            })
                        })
                })
                .flatten()
                .filter(|a| usable(&a.who))
        });
    if found.is_some() {
        return found;
    }
    if let Some(a) = dash_after
        .then(|| after_dash(after))
        .flatten()
        .map(|who| from_groups(after, who, None, None, after_start))
        .filter(|a| usable(&a.who))
    {
        return Some(Attribution {
            cue: "—".to_string(),
            ..a
        });
    }
    let s = sentence_start(m, qs);
    let before = &m[s..qs];
    // Every verb look-up from here on reads the tokens of the sentence
    // around the quotation (the end as `rest` and `after` take it).
    let stretch = match para {
        Some(p) => p,
        None => Stretch::new(m, s..sentence_end(m, after_start).max(after_start), buf),
    };
    // The owner of a speech noun needs the noun: where the tokens show
    // none, it is not looked for.
    let owner_speech = stretch.may_have_word(s..qs, list::SPEECH_NOUN);
    // "in Vell's words, "…"", "in the words of Jane Doe, "…"".
    if has_needle(before, &WORDS_NEEDLE) {
        if let Some(a) = in_words(before)
            .map(|(who, verb)| from_groups(before, who, None, Some(verb), s))
            .filter(|a| usable(&a.who))
            .last()
        {
            return Some(a);
        }
    }
    let according = |t: &str| has_needle(t, &ACCORDING_NEEDLE);
    // (The last match: every one gives an attribution.)
    if let Some(a) = according(before)
        .then(|| according_matches(before).last())
        .flatten()
        .and_then(|(v, e)| verb_then_who(before, v..v + "according to".len(), e, s))
    {
        return Some(a);
    }
    // The speech verbs of the sentence before the quotation, read once
    // for the three rules below that look for them (each read them anew).
    let verbs: SmallVec<[Verb<'_>; 8]> = stretch.verbs(s..qs).collect();
    // "adding she "rather doubts"": a speaker between a verb and the quote.
    let bare =
        before.trim_end_matches(|c: char| c.is_whitespace() || crate::text::is_open_quote(c));

    // Only a pronoun is taken, and the pronoun would be the last word of
    // `bare` (the pattern ends at its end): without one, the pattern need
    // not run.
    let ends_in_pronoun = bare
        .split_whitespace()
        .next_back()
        .is_some_and(|w| PRONOUNS.contains(&Key::new(w).as_str()));
    if let Some((verb, who)) = (ends_in_pronoun && !verbs.is_empty())
        .then(|| verb_who_end(bare))
        .flatten()
    {
        let a = from_groups(bare, who, None, Some(verb), s);
        // Only a pronoun: in "Varga said Quist "sank the ferry plan"" the
        // name after the verb is who the words are about.
        if PRONOUNS.contains(&Key::new(&a.who).as_str()) {
            return Some(a);
        }
    }
    // "Per the club's bylaws, … "…"": the body whose document it is.
    if let Some(a) = per_source(before, s) {
        return Some(a);
    }
    // "He was described as "fearless"", "she was told it was "…"": the
    // subject of a passive speech verb just before the quotation is spoken
    // about or to; the speaker is the agent after "by", or no one named
    // (unless a cue later in the sentence names one: "… was branded "…"
    // by fans, Rusk wrote").
    let passive = verbs
        .last()
        .and_then(|v| passive_cue(before, v.start()..v.end(), s));
    // The speaker before the verb: "X said that the "…"" — the nearest one.
    // ("said X" before a quote is rarely an inversion: "X said Y's "…"".)
    // (The last verb whose subject is usable: the verbs are read from the
    // last, as the subject of each costs a search back through the
    // sentence, and the first found is the one a forward reading keeps.)
    let best = passive
        .is_none()
        .then(|| {
            verbs
                .iter()
                .rev()
                .filter_map(|v| {
                    // (A participle with no subject just before it, as
                    // after an object phrase "… sent a note to supporters
                    // saying", belongs to the subject of its clause.)
                    let (at, who) = who_before(m, s, s + v.start()).or_else(|| {
                        v.as_str()
                            .ends_with("ing")
                            .then(|| clause_subject(m, s, s + v.start(), known))
                            .flatten()
                            // (A possessive owns a noun: "Lund's warning".)
                            .filter(|(_, w)| !w.ends_with("'s") && !w.ends_with("’s"))
                    })?;
                    // "her union mailed a leaflet to members saying": a participle
                    // belongs to the subject of its clause, not to the object just
                    // before it.
                    // "when Rusk voters heckled his talk, chanting": a group that
                    // acts before a participle is its subject.
                    let (at, who) = if v.as_str().ends_with("ing") {
                        let (at, who) = if is_object(m, s, at, &who) {
                            clause_subject(m, s, at, known).unwrap_or((at, who))
                        } else {
                            (at, who)
                        };
                        // (A group noun, whole, is what the rule needs.)
                        let group = stretch
                            .has_word_on(s..s + v.start(), list::GROUP_NOUN)
                            .then(|| last_group_subject(&m[s..s + v.start()]))
                            .flatten();
                        match group {
                            Some((a, e)) if s + a > at => (s + a, m[s + a..s + e].to_string()),
                            _ => (at, who),
                        }
                    } else {
                        (at, who)
                    };
                    Some(Attribution {
                        who,
                        cue: v.as_str().to_lowercase(),
                        at,
                        weak: false,
                    })
                })
                .find(|a| usable(&a.who))
        })
        .flatten();
    if let Some(b) = best {
        // "Her rivals say … despite Dr Ivo Strand's conclusion that her
        // budget was "wildly hopeful"": the owner of a
        // speech noun between the verb and the quote is nearer.
        return Some(
            owner_speech
                .then(|| owner_of_speech(before, s))
                .flatten()
                .filter(|o| o.at > b.at + b.who.len())
                .unwrap_or(b),
        );
    }
    // Later in the same sentence, after other words: "... the "force" he said".
    let end = if closed_sentence {
        after_start
    } else {
        sentence_end(m, after_start)
    };
    let rest = &m[after_start..end.max(after_start)];
    let verb_rest = stretch.has_verb(after_start..end.max(after_start));
    // ACCORDING, WHO_VERB, VERB_WHO in turn. ACCORDING's verb is
    // "[Aa]ccording to" and VERB_WHO's one of INVERTING_RE, at the start of
    // the match; WHO_VERB needs captures.
    if according(rest) {
        let found = according_matches(rest)
            .filter_map(|(v, e)| verb_then_who(rest, v..v + "according to".len(), e, after_start))
            .find(|a| usable(&a.who));
        if found.is_some() {
            return found;
        }
    }
    if verb_rest {
        // (`verb_rest`: the stretch has a verb there.)
        let last_verb = stretch
            .verbs(after_start..end.max(after_start))
            .last()
            .map_or(0, |v| v.start());
        let found = who_verbs(rest, last_verb)
            .map(|(who, app, verb)| from_groups(rest, who, app, Some(verb), after_start))
            .find(|a| usable(&a.who))
            .or_else(|| {
                verb_who_matches(rest)
                    .filter_map(|(v, len, e)| verb_then_who(rest, v..v + len, e, after_start))
                    .find(|a| usable(&a.who))
            });
        if found.is_some() {
            return found;
        }
    }
    if passive.is_some() {
        return passive;
    }
    // The owner of a speech noun: "Varga's recent assertion that
    // "hundreds"", "Director Jane Doe's conclusion that it was "careless"".
    if let Some(a) = owner_speech.then(|| owner_of_speech(before, s)).flatten() {
        return Some(a);
    }
    // The subject of a sentence that speaks: "X, who ..., later told them
    // "…"", "X leaned in and boomed: "…"".
    let sentence = s..end.max(after_start);
    let speaks = stretch
        .verbs(sentence.clone())
        .next()
        .map(|v| v.as_str().to_lowercase());
    let colon = before
        .trim_end_matches(|c: char| c.is_whitespace() || crate::text::is_open_quote(c))
        .ends_with(':');
    // "Among her rules for new singers: "…"": with no verb before the
    // colon, the owner the lead-in names.
    if colon {
        // (A speech noun the pronoun owns is no verb: "Her reply to
        // critics:".)
        if let Some(a) = possessive_pronoun(before, s).filter(|a| {
            let owned = before[a.at - s..].split_whitespace().nth(1).unwrap_or("");
            stretch
                .verbs(sentence.clone())
                .all(|v| v.as_str() == owned.trim_end_matches(':'))
        }) {
            return Some(Attribution {
                cue: ":".to_string(),
                ..a
            });
        }
    }
    if speaks.is_some() || colon {
        let subject = subjects(before)
            .map(|(at, w)| (at, w.trim()))
            .find(|(_, w)| usable(w) && known(w));
        if let Some((at, who)) = subject {
            return Some(Attribution {
                who: who.to_string(),
                cue: speaks.unwrap_or_else(|| ":".to_string()),
                at: s + at,
                weak: true,
            });
        }
    }
    None
}

/// The owner of a speech noun in `before` (masked text from byte `s`):
/// "Varga's recent assertion that", "Director Jane Doe's conclusion that".
/// "His warning that the ice was "…"": a possessive pronoun too, as the
/// pronoun it stands for ("he").
pub(super) fn owner_of_speech(before: &str, s: usize) -> Option<Attribution> {
    let named = (has_needle(before, &APOSTROPHE_S) || has_needle(before, &CURLY_S))
        .then(|| last_possessive_speech(before))
        .flatten()
        .map(|(who, verb)| from_groups(before, who, None, Some(verb), s))
        .filter(|a| usable(&a.who));
    let pronoun = last_pronoun_speech(before).and_then(|(who, verb)| {
        Some(Attribution {
            who: subject_pronoun(&before[who.clone()])?.to_string(),
            cue: before[verb].to_lowercase(),
            at: s + who.start,
            weak: false,
        })
    });
    // The nearer of the two.
    match (named, pronoun) {
        (Some(n), Some(p)) => Some(if p.at > n.at { p } else { n }),
        (n, p) => n.or(p),
    }
}

/// The subject pronoun of a possessive one ("his" → "he").
pub(super) fn subject_pronoun(w: &str) -> Option<&'static str> {
    match Key::new(w).as_str() {
        "his" => Some("he"),
        "her" => Some("she"),
        "their" => Some("they"),
        _ => None,
    }
}

/// A possessive pronoun that owns the noun phrase a short lead-in opens
/// with ("Among her rules for new singers:", "Their advice to
/// newcomers:"), as the subject pronoun: one of the first three words of
/// `before` (masked text from byte `s`, a sentence of twelve words at
/// most).
pub(super) fn possessive_pronoun(before: &str, s: usize) -> Option<Attribution> {
    if before.split_whitespace().nth(12).is_some() {
        return None;
    }
    let mut at = 0;
    for w in before.split_inclusive(char::is_whitespace).take(3) {
        let word = w.trim_end();
        if let Some(p) = subject_pronoun(word).filter(|_| {
            word.chars().all(char::is_alphabetic)
                && !before[at + w.len()..].trim_start().starts_with('_')
        }) {
            return Some(Attribution {
                who: p.to_string(),
                cue: ":".to_string(),
                at: s + at,
                weak: false,
            });
        }
        at += w.len();
    }
    None
}

/// Is the speech verb at `verb` of `hay` passive: a past participle after
/// a form of "be" or "get", adverbs between them aside ("was described",
/// "were later told", "is widely quoted")? The "-ing" forms ("was
/// saying") and present tenses are active.
pub(super) fn is_passive(hay: &str, verb: std::ops::Range<usize>) -> bool {
    let v = &hay[verb.clone()];
    if v.ends_with("ing") || (v.ends_with('s') && !v.ends_with("ss")) || v.contains(' ') {
        return false;
    }
    for w in hay[..verb.start].split_whitespace().rev().take(3) {
        let k = Key::new(w);
        let k = k.as_str();
        if matches!(
            k,
            "was" | "were" | "is" | "are" | "be" | "been" | "being" | "get" | "got" | "gets"
        ) {
            return true;
        }
        let adverb = (k.ends_with("ly") && k.len() > 3)
            || matches!(
                k,
                "also" | "later" | "then" | "once" | "often" | "never" | "first" | "again"
            );
        if !adverb || w.len() != k.len() {
            return false;
        }
    }
    false
}

/// The attribution of a quotation after a passive speech verb at `verb`
/// of `before` (masked text from byte `s`): its agent after "by" ("was
/// described by a rival as"), or an empty who when no one is named.
pub(super) fn passive_cue(
    before: &str,
    verb: std::ops::Range<usize>,
    s: usize,
) -> Option<Attribution> {
    if !is_passive(before, verb.clone()) {
        return None;
    }
    let cue = before[verb.clone()].to_lowercase();
    let rest = &before[verb.end..];
    let agent = rest.find(" by ").and_then(|k| {
        let q = k + " by ".len();
        let w = who_len(&rest[q..], false)?;
        let a = attribution_at(rest, q..q + w, cue.clone(), s + verb.end);
        usable(&a.who).then_some(a)
    });
    Some(agent.unwrap_or(Attribution {
        who: String::new(),
        cue,
        at: s + verb.start,
        weak: false,
    }))
}

/// "Per the club's bylaws, … "…"", "as per the council": the source a
/// sentence of `before` (masked text from byte `s`) cites, or the owner of
/// the document it cites. "Per" opens the sentence or a clause ("as per",
/// ", per"), and a determiner or a capital follows ("per cent" is no
/// source).
pub(super) fn per_source(before: &str, s: usize) -> Option<Attribution> {
    let b = before.as_bytes();
    let mut from = 0;
    // ("er " is in most sentences, "other ", "after ": its searcher is
    // built once, not by `str::find` at each call.)
    while let Some(k) = ER_NEEDLE.find(&b[from..]).map(|k| from + k) {
        from = k + 3;
        let Some(p) = k.checked_sub(1) else { continue };
        if !matches!(b[p], b'P' | b'p') || (p > 0 && word_byte(b.get(p - 1))) {
            continue;
        }
        let lead = before[..p].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}')
        });
        let opens = lead.is_empty()
            || lead.ends_with(',')
            || (b[p] == b'P' && lead.ends_with(['.', '!', '?']))
            || lead.ends_with(" as")
            || lead == "as"
            || lead == "As";
        let q = k + 3;
        let next = before[q..].split_whitespace().next().unwrap_or("");
        let fits = next.starts_with(|c: char| c.is_uppercase())
            || DETERMINERS.contains(&Key::new(next).as_str());
        if !opens || !fits {
            continue;
        }
        let Some(w) = who_len(&before[q..], false) else {
            continue;
        };
        let mut a = attribution_at(before, q..q + w, "per".to_string(), s);
        // The owner of a document: "the club's bylaws" → "the club".
        if let Some(i) = a.who.find("'s").or_else(|| a.who.find("’s")) {
            a.who.truncate(i);
        }
        if usable(&a.who) {
            return Some(a);
        }
    }
    None
}

/// The end of a list of full names joined to the one that ends at byte
/// `end` of `m` (", Ola Brenn and Tom Vell", " and Ines Kowal"), if one
/// follows.
pub(super) fn joint_names(m: &str, end: usize) -> Option<usize> {
    let rest = m.get(end..)?;
    // The pattern opens with ", " and a capital or "and", or with blanks
    // and "and".
    let blanks = |r: &str| r.len() - r.trim_start_matches([' ', '\t']).len();
    let may = match rest.strip_prefix(',') {
        Some(r) => {
            let b = blanks(r);
            b > 0
                && (r[b..].starts_with("and")
                    || r[b..].starts_with(|c: char| c.is_ascii_uppercase()))
        }
        None => {
            let b = blanks(rest);
            b > 0 && rest[b..].starts_with("and")
        }
    };
    if !may {
        return None;
    }
    let found = joint_end(rest)?;
    is_full_name(rest[..found].rsplit(" and ").next()?.trim()).then_some(end + found)
}

/// The end of `[ \t]+` from byte `p` of `b`, if there are blanks there.
fn blanks_end(b: &[u8], p: usize) -> Option<usize> {
    let n = b
        .get(p..)?
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    (n > 0).then_some(p + n)
}

/// `TOK(?:[ \t]+TOK){1,3}` — a full name — at byte `p`, each end handed
/// to `k` in the regex's order (more words first). The blanks are taken
/// whole: a word opens with a letter.
fn full_name_then(w: &Who<'_>, p: usize, k: Rest<'_>) -> Option<usize> {
    fn more(w: &Who<'_>, e: usize, n: usize, k: Rest<'_>) -> Option<usize> {
        (n < 4)
            .then(|| blanks_end(w.b, e))
            .flatten()
            .and_then(|s| w.tok(s, &mut |e2| more(w, e2, n + 1, &mut *k)))
            .or_else(|| (n >= 2).then(|| k(e)).flatten())
    }
    w.tok(p, &mut |e| more(w, e, 1, &mut *k))
}

/// The end of JOINT's match at the start of `rest`, read by hand:
/// `(?:,[ \t]+FULL)*,?[ \t]+and[ \t]+FULL(?-u:\b)` with FULL a full name
/// (`full_name_then`). Of the ends of a FULL in the repeat, only one can
/// go on, to a comma or to blanks, "and" and a blank: the last word of a
/// name ends at its run of letters (or its stops), and a name that is
/// followed by blanks and "and" cannot take "and" as a word. So the
/// repeat is walked forward, one way only. And the ending cannot follow
/// an earlier turn of the repeat, since a name, not "and", comes after
/// its comma: it is tried after the last turn only.
fn joint_end(rest: &str) -> Option<usize> {
    let w = Who {
        t: rest,
        b: rest.as_bytes(),
    };
    let b = w.b;
    let goes_on = |f: usize| {
        let on = b.get(f) == Some(&b',')
            || blanks_end(b, f).is_some_and(|s| {
                b[s..].starts_with(b"and") && matches!(b.get(s + 3), Some(b' ' | b'\t'))
            });
        on.then_some(f)
    };
    let mut e = 0;
    while let Some(f) = (b.get(e) == Some(&b','))
        .then(|| blanks_end(b, e + 1))
        .flatten()
        .and_then(|s| full_name_then(&w, s, &mut |f| goes_on(f)))
    {
        e = f;
    }
    let ending = |p: usize| {
        let s = blanks_end(b, p)?;
        let s = blanks_end(b, s + 3).filter(|_| b[s..].starts_with(b"and"))?;
        full_name_then(&w, s, &mut |f| w.boundary(f).then_some(f))
    };
    (b.get(e) == Some(&b','))
        .then(|| ending(e + 1))
        .flatten()
        .or_else(|| ending(e))
}
/// What `joint_end` finds, kept as its specification.
#[cfg(test)]
static JOINT: LazyLock<Regex> = LazyLock::new(|| {
    let full = format!(r"{TOK}(?:[ \t]+{TOK}){{1,3}}");
    Regex::new(&format!(
        r"^(?:,[ \t]+{full})*,?[ \t]+and[ \t]+{full}(?-u:\b)"
    ))
    .expect("joint names")
});

/// Is the phrase `who` at byte `at` of `m` (sentence start `s`) an object:
/// a "the/a …" or lower-case phrase right after a lower-case word that is
/// not a conjunction ("posted a video for volunteers")?
pub(super) fn is_object(m: &str, s: usize, at: usize, who: &str) -> bool {
    let word = who.split_whitespace().next().unwrap_or("");
    let first = Key::new(word);
    let first = first.as_str();
    // "replied to Kowal's post on the forum writing": after a
    // preposition, whatever its form — but "with Kowal saying" is Kowal's
    // (the subject of an absolute phrase).
    if m[s..at]
        .split_whitespace()
        .next_back()
        .is_some_and(|p| PREPOSITIONS.contains(&p) && p != "with")
    {
        return true;
    }
    let lower_phrase = !PRONOUNS.contains(&first)
        && who
            .split_whitespace()
            .all(|w| w.starts_with(char::is_lowercase));
    if !lower_phrase && !matches!(first, "a" | "an" | "the" | "her" | "his" | "their") {
        return false;
    }
    let prev = m[s..at].split_whitespace().next_back().unwrap_or("");
    prev.chars().all(|c| c.is_lowercase() || c == '-')
        && !prev.is_empty()
        && !matches!(
            prev,
            "and" | "or" | "but" | "when" | "while" | "as" | "after" | "because"
        )
}

/// The first speaker-like phrase of the clause that holds byte `at`: after
/// the last ", when" / ", as" / "; " before it, else from the sentence
/// start `s`.
pub(super) fn clause_subject(
    m: &str,
    s: usize,
    at: usize,
    known: &dyn Fn(&str) -> bool,
) -> Option<(usize, String)> {
    let mut from = s + last_clause_boundary(&m[s..at]).unwrap_or(0);
    // "Even after Quist left the hall, her campaign …": past an
    // introductory clause.
    let first = Key::new(m[from..at].split_whitespace().next().unwrap_or(""));
    let first = first.as_str();
    if intro_word(first) || first == "even" {
        if let Some(c) = m[from..at].find(", ") {
            from += c + 2;
        }
    }
    subjects(&m[from..at])
        .map(|(w_start, w)| {
            // "Quist responded to Ivo Strand's": a name ends at the first
            // lower-case word after it (particles aside).
            let text = w.trim();
            let mut end = text.len();
            let det =
                DETERMINERS.contains(&Key::new(text.split(' ').next().unwrap_or("")).as_str());
            if text.starts_with(char::is_uppercase) && !det {
                let mut pos = 0usize;
                for word in text.split_whitespace() {
                    let at = pos + text[pos..].find(word).unwrap_or(0);
                    if word.starts_with(char::is_lowercase) && !PARTICLES.contains(&word) {
                        end = text[..at].trim_end().len();
                        break;
                    }
                    pos = at + word.len();
                }
            }
            // "A Harbour Court judge …": a determiner phrase runs on over
            // the capitalised words of a name after it (the pattern stops
            // at the shortest phrase).
            if det {
                let lead = w.len() - w.trim_start().len();
                let hay = &m[from..at];
                let mut e = w_start + lead + text.len();
                while let Some(n) = hay[e..]
                    .strip_prefix(' ')
                    .filter(|r| r.starts_with(|c: char| c.is_uppercase()))
                    .map(|r| r.find([' ', ',', ';', ':']).unwrap_or(r.len()))
                {
                    e += 1 + n;
                }
                return (from + w_start, &hay[w_start + lead..e]);
            }
            (from + w_start, &text[..end])
        })
        .find(|(_, w)| usable(w) && known(w))
        .map(|(at, w)| (at, w.to_string()))
}

/// The words after a comma that open a clause in CLAUSE_BOUNDARY.
const CLAUSE_OPENERS: &[&str] = &[
    "when", "as", "while", "after", "because", "although", "though", "since",
];

/// The end of the one white-space character at byte `p` of `t`, if one
/// stands there ("," then " when" has one at 1).
pub(super) fn one_space_end(t: &str, p: usize) -> Option<usize> {
    t[p..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map(|c| p + c.len_utf8())
}

/// The end of the last clause boundary in `t`: ", when " and the like
/// (a comma, white space, a word of CLAUSE_OPENERS and one white-space
/// character) or "; " (a semicolon and one). Matches cannot overlap (each
/// opens with its mark and holds no other), so the last is the one a
/// search from the front ends on.
pub(super) fn last_clause_boundary(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    (0..b.len()).rev().find_map(|p| match b[p] {
        b';' => one_space_end(t, p + 1),
        b',' => {
            let q = p + 1 + space_len(&t[p + 1..]);
            (q > p + 1)
                .then(|| {
                    CLAUSE_OPENERS
                        .iter()
                        .filter(|w| t[q..].starts_with(*w))
                        .find_map(|w| one_space_end(t, q + w.len()))
                })
                .flatten()
        }
        _ => None,
    })
}
/// What `last_clause_boundary` finds, kept as its specification.
#[cfg(test)]
static CLAUSE_BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:,\s+(?:when|as|while|after|because|although|though|since)\s|;\s)")
        .expect("clause boundary")
});

/// A who-phrase that is a name of two or more capitalised words, as
/// written between commas ("Its director, Jane Doe, said").
pub(super) fn is_full_name(s: &str) -> bool {
    // (The phrase is parsed only once it reads as a who-phrase.)
    who_exact(s) && {
        let parts = parse_who(s);
        parts.tokens.len() >= 2
            && parts
                .tokens
                .iter()
                .all(|t| t.chars().next().is_some_and(char::is_uppercase))
    }
}

/// The length of a body's name after a person's, as in "Ada Rusk of the
/// Halvorsen University's Centre for Policy" or "Tom Vell from Harbour
/// Radio": `t` opens with white space, "of", "from" or "at", and the name
/// of the body runs over capitalised words (possessives included) and the
/// function words inside such names, to its last capitalised word, twelve
/// words at most. None when no capitalised word follows.
pub(super) fn body_after_name(t: &str) -> Option<usize> {
    let r = t.trim_start();
    if r.len() == t.len() {
        return None;
    }
    let prep = ["of", "from", "at"]
        .into_iter()
        .find(|p| r.starts_with(p) && r[p.len()..].starts_with([' ', '\t']))?;
    let mut p = t.len() - r.len() + prep.len();
    let mut end = None;
    // Lower-case words still allowed after a possessive: the body's own
    // part ("the Harbour Trust's grants committee").
    let mut owned = 0;
    for _ in 0..12 {
        let rest = &t[p..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if gap == 0 {
            break;
        }
        let w_len = rest[gap..]
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '_'))
            .unwrap_or(rest.len() - gap);
        let w = &rest[gap..gap + w_len];
        if w.starts_with(|c: char| c.is_uppercase()) && !w.ends_with('.') {
            p += gap + w_len;
            end = Some(p);
            owned = if w.ends_with("'s") || w.ends_with("’s") {
                2
            } else {
                0
            };
        } else if owned > 0
            && w.chars().all(|c| c.is_lowercase() || c == '-')
            && !phrase_end(w)
            && !has_verb(w)
        {
            p += gap + w_len;
            end = Some(p);
            owned -= 1;
        } else if matches!(w, "the" | "of" | "for" | "and" | "on" | "in" | "&") {
            p += gap + w_len;
        } else {
            break;
        }
    }
    end
}

/// The person written last in `region` before a body they belong to
/// ("Ada Rusk of Kestrel University's Centre for Housing Studies",
/// `body_after_name`) that runs to the end of `region`: (start, name).
/// A title, a body's own name ("the University of Tessaly") or a lone
/// word that is no name is no such person.
/// Does `region` hold " of ", " from " or " at ", the words that link a
/// name to its body ("Ada Rusk of the Harbour Trust")? Each space is read
/// once, where three searches of the region each set up a searcher.
fn links_body(region: &str) -> bool {
    let b = region.as_bytes();
    memchr::memchr_iter(b' ', b).any(|i| {
        let w = &b[i + 1..];
        w.starts_with(b"of ") || w.starts_with(b"from ") || w.starts_with(b"at ")
    })
}

pub(super) fn name_before_body(region: &str) -> Option<(usize, &str)> {
    let region = region.trim_end();
    if !links_body(region) {
        return None;
    }
    let runs: Few<(usize, usize)> = name_runs(region).collect();
    runs.iter().rev().find_map(|&(s, e)| {
        let run = &region[s..e];
        let parts = parse_run(run);
        let person = !parts.tokens.is_empty()
            && plausible_name(&parts.tokens)
            && parts.tokens.iter().all(|t| !has_key(&NOT_NAME_WORDS, t))
            && !run.ends_with("'s")
            && !run.ends_with("’s");
        (person && body_after_name(&region[e..]).is_some_and(|n| e + n == region.len()))
            .then_some((s, run))
    })
}

/// Does a who-phrase hold two noun phrases joined by a preposition that
/// never stands inside a name or title ("The Globe by Ada Rusk", "Ola
/// Brenn to Harbour Radio")? "of", "for", "from" and "at" can ("Minister
/// for Fisheries Ola Brenn", "Tom Vell of Harbour Radio").
///
/// A phrase that opens with a preposition ("on Facebook") is no subject
/// either: it is the object of the word before.
pub(super) fn two_phrases(who: &str) -> bool {
    let first = who.split_whitespace().next().unwrap_or("");
    PREPOSITIONS.contains(&first)
        || who.split_whitespace().skip(1).any(|w| {
            matches!(
                w,
                "by" | "to"
                    | "with"
                    | "about"
                    | "on"
                    | "in"
                    | "into"
                    | "than"
                    | "like"
                    | "against"
                    | "via"
                    | "through"
                    | "after"
                    | "before"
                    | "during"
                    | "toward"
                    | "towards"
            )
        })
}

/// The speaker written just before a verb at `verb` (masked paragraph
/// offsets), not before `lo`: the longest run of words ending at the verb
/// (past adverbs and an appositive) that reads as one who-phrase.
pub(super) fn who_before(m: &str, lo: usize, verb: usize) -> Option<(usize, String)> {
    let pre = &m[lo..verb];
    let mut end = lo + adverb_tail_start(pre);
    // "Ms. Rusk nodded and said", "Brenn stood up and roared": the
    // subject of the first of two joined verbs.
    if let Some(c) = coordinated_start(&m[lo..end]) {
        end = lo + c;
    }
    // "Its director, Jane Doe, said": the name between the commas; "Jane
    // Doe, a spokeswoman for the council, said": skip the appositive.
    let head = m[lo..end].trim_end();
    if let Some(inner) = head.strip_suffix(',') {
        if let Some(k) = inner.rfind(',') {
            let between = inner[k + 1..].trim();
            if is_full_name(between) {
                let start = lo + k + 1 + (inner[k + 1..].len() - inner[k + 1..].trim_start().len());
                return Some((start, between.to_string()));
            }
            // "Vell, the author of "Salt Roads," about …, said": the
            // first stretch between commas that is a speaker, whatever the
            // appositives after it.
            let mut off = 0;
            for seg in inner.split(',') {
                let t = seg.trim();
                if !t.is_empty() && who_exact(t) && usable(t) {
                    let start = lo + off + (seg.len() - seg.trim_start().len());
                    return Some((start, t.to_string()));
                }
                off += seg.len() + 1;
            }
            if inner.len() - k <= 100 {
                end = lo + k;
            }
        }
    }
    let region = &m[lo..end];
    // "Reyne of Halvorsen University's Centre said": the person before a
    // body they are "of", "from" or "at", however long its name.
    if let Some((at, who)) = name_before_body(region) {
        return Some((lo + at, who.to_string()));
    }
    let mut best: Option<usize> = None;
    // ("Tom Vell of Harbour Radio North", "a spokesperson for the group":
    // go on past "of" or "for", and the head noun before it, to the start
    // of the phrase.)
    let mut past_preposition = false;
    let tail = region.trim_end();
    // The classes of the words read so far, the last word's at the end:
    // each candidate is one word longer than the one before, so each word
    // is read once ("Ola Brenn", then "pilot Ola Brenn": only "pilot" is
    // new), where a who-phrase parse of each candidate read them all again.
    let mut classes = [0u16; WHO_BEFORE_WORDS];
    let starts = last_word_starts(region);
    for (i, &st) in starts.iter().enumerate() {
        let cand = &tail[st..];
        let word_end = cand.find(char::is_whitespace).unwrap_or(cand.len());
        classes[WHO_BEFORE_WORDS - 1 - i] = word_class(&cand[..word_end]);
        if who_words(&classes[WHO_BEFORE_WORDS - 1 - i..]) && !two_phrases(cand) {
            best = Some(st);
            past_preposition = false;
        } else if best.is_some() {
            if ["of ", "from ", "at ", "for "]
                .iter()
                .any(|p| cand.starts_with(p))
            {
                past_preposition = true;
            } else if std::mem::take(&mut past_preposition) {
                // The head noun: one more word may open the phrase.
            } else {
                break;
            }
        }
    }
    best.map(|st| (lo + st, region[st..].trim_end().to_string()))
}

/// How many words back from a verb [`who_before`] reads for its subject.
const WHO_BEFORE_WORDS: usize = 7;

/// A word (a run of chars other than white space) opens with an ASCII
/// letter, as WHO's first word must (`who_then`).
const W_ALPHA: u16 = 1;
/// The word is a pronoun of WHO ("she").
const W_PRONOUN: u16 = 1 << 1;
/// The word is a determiner of WHO ("the", "Another").
const W_DET: u16 = 1 << 2;
/// `[\p{L}'’\-]+`: a word between a determiner and the last word.
const W_LETTERS_APOS: u16 = 1 << 3;
/// `[\p{L}\-]+`: the last word after a determiner.
const W_LETTERS: u16 = 1 << 4;
/// All of the word is one `TOK` ("Vell", "J.R.", "Mrs.", "al-Amin").
const W_TOK: u16 = 1 << 5;
/// `[a-z\-]+`: a small word before a name's `TOK`.
const W_SMALL: u16 = 1 << 6;
/// `[a-z][a-z\-]*`: a small word before a group noun.
const W_SMALL_LETTER: u16 = 1 << 7;
/// A group noun ("voters").
const W_GROUP: u16 = 1 << 8;
/// A particle a name goes on over ("van").
const W_PARTICLE: u16 = 1 << 9;

/// The classes of word `w` that WHO's parts read (`W_*`): whether a run
/// of words is one who-phrase is then a matter of the classes alone, as
/// each part of WHO takes whole words between runs of white space.
fn word_class(w: &str) -> u16 {
    let b = w.as_bytes();
    let Some(&first) = b.first() else {
        return 0;
    };
    let mut c = 0;
    if first.is_ascii_alphabetic() {
        c |= W_ALPHA;
    }
    if matches!(
        b,
        b"He" | b"he" | b"She" | b"she" | b"They" | b"they" | b"I" | b"We" | b"we"
    ) {
        c |= W_PRONOUN;
    }
    if matches!(
        b,
        b"The"
            | b"the"
            | b"An"
            | b"an"
            | b"A"
            | b"a"
            | b"His"
            | b"his"
            | b"Her"
            | b"her"
            | b"Their"
            | b"their"
            | b"One"
            | b"one"
            | b"Another"
            | b"another"
    ) {
        c |= W_DET;
    }
    // `[\p{L}'’\-]` and `[\p{L}\-]` over the whole word, in one reading.
    // (A `TOK`'s letters after its capital, or after a particle, its
    // hyphen and its capital, are the first of these: the bytes before
    // them are in the class too, so the whole word is.)
    let (mut letters_apos, mut letters) = (true, true);
    for (i, ch) in w.char_indices() {
        if ch.is_ascii() {
            if !(ch.is_ascii_alphabetic() || ch == '-') {
                letters = false;
                letters_apos &= ch == '\'';
            }
        } else if ch == '’' {
            letters = false;
        } else if !names::non_ascii_letter(&w[i..]) {
            letters = false;
            letters_apos = false;
        }
        if !letters_apos {
            break;
        }
    }
    if letters_apos {
        c |= W_LETTERS_APOS;
    }
    if letters {
        c |= W_LETTERS;
    }
    let tok = if first.is_ascii_uppercase() {
        // `[A-Z][\p{L}'’\-]*`, `(?:[A-Z]\.)+`, or an abbreviation and
        // its stop.
        letters_apos
            || b.len().is_multiple_of(2)
                && b.chunks(2)
                    .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
            || b.split_last().is_some_and(|(&stop, a)| {
                stop == b'.' && TOK_ABBREVIATIONS.iter().any(|x| x.as_bytes() == a)
            })
    } else {
        // `(?:al|el|…)-[A-Z][\p{L}'’\-]*`.
        let n = b.iter().take_while(|x| x.is_ascii_lowercase()).count();
        letters_apos
            && b.get(n) == Some(&b'-')
            && b.get(n + 1).is_some_and(u8::is_ascii_uppercase)
            && HYPHEN_PARTICLES.iter().any(|x| x.as_bytes() == &b[..n])
    };
    if tok {
        c |= W_TOK;
    }
    if b.iter().all(|x| x.is_ascii_lowercase() || *x == b'-') {
        c |= W_SMALL;
        if first.is_ascii_lowercase() {
            c |= W_SMALL_LETTER;
        }
    }
    if b.iter().all(u8::is_ascii_lowercase) && WORDS.on(b, list::GROUP_NOUN) {
        c |= W_GROUP;
    }
    if matches!(
        b,
        b"de" | b"van" | b"von" | b"der" | b"da" | b"di" | b"del" | b"la" | b"le" | b"bin" | b"al"
    ) {
        c |= W_PARTICLE;
    }
    c
}

/// Are words of classes `w` ([`word_class`]), in order, one who-phrase:
/// what [`who_exact`] says of their text? WHO's ways, each over whole
/// words: a pronoun; a determiner, up to three words and a last one; one
/// or two `TOK`s, or small words, and a group noun; up to three `TOK`s,
/// up to two small words, a `TOK`, and `TOK`s or particles after it.
fn who_words(w: &[u16]) -> bool {
    let n = w.len();
    let Some(&first) = w.first() else {
        return false;
    };
    if first & W_ALPHA == 0 {
        return false;
    }
    let all = |r: Range<usize>, class: u16| w[r].iter().all(|&x| x & class != 0);
    if n == 1 && first & W_PRONOUN != 0 {
        return true;
    }
    if (2..=5).contains(&n)
        && first & W_DET != 0
        && all(1..n - 1, W_LETTERS_APOS)
        && w[n - 1] & W_LETTERS != 0
    {
        return true;
    }
    if (2..=3).contains(&n)
        && w[n - 1] & W_GROUP != 0
        && (all(0..n - 1, W_TOK) || all(0..n - 1, W_SMALL_LETTER))
    {
        return true;
    }
    // The name: where the `TOK`s and particles that end it start.
    let tail = w
        .iter()
        .rposition(|&x| x & (W_TOK | W_PARTICLE) == 0)
        .map_or(0, |i| i + 1);
    for a in 0..=3.min(n) {
        if a > 0 && w[a - 1] & W_TOK == 0 {
            break;
        }
        for t in a..n.min(a + 3) {
            if t > a && w[t - 1] & W_SMALL == 0 {
                break;
            }
            if w[t] & W_TOK != 0 && t + 1 >= tail {
                return true;
            }
        }
    }
    false
}

/// The starts of the last [`WHO_BEFORE_WORDS`] words of `region` (runs of
/// chars other than white space), the last first: read back from the end,
/// so a sentence of forty words before "said" costs seven words, not a
/// list of all forty ("Late on Friday the harbour pilot Ola Brenn said":
/// "said" is preceded by "Brenn", "Ola", "pilot", … "on").
fn last_word_starts(region: &str) -> SmallVec<[usize; WHO_BEFORE_WORDS]> {
    let mut starts = SmallVec::new();
    let mut chars = region.char_indices().rev().peekable();
    while let Some((i, c)) = chars.next() {
        if starts.len() == WHO_BEFORE_WORDS {
            break;
        }
        // A word starts where a char other than white space has white
        // space, or nothing, before it.
        if !c.is_whitespace() && chars.peek().is_none_or(|&(_, p)| p.is_whitespace()) {
            starts.push(i);
        }
    }
    starts
}

/// [`last_word_starts`] as it was read, all the words' starts listed
/// forwards and the last seven taken: its specification.
#[cfg(test)]
fn last_word_starts_all(region: &str) -> Vec<usize> {
    let starts: Vec<usize> = region
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || region[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    starts
        .iter()
        .rev()
        .take(WHO_BEFORE_WORDS)
        .copied()
        .collect()
}

/// The who-phrase of the attribution of quotation `q` in masked text `m`
/// (for the unit tests of this module and `mod.rs`).
#[cfg(test)]
pub(super) fn who(m: &str, q: &str) -> Option<String> {
    let qs = m.find(q).unwrap();
    attribution_for(m, qs, qs + q.len(), &|_| true).map(|a| a.who)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::speakers;

    #[test]
    fn a_person_of_a_body_speaks_not_the_body() {
        let body = |t: &'static str| body_after_name(t).map(|n| &t[..n]);
        assert_eq!(
            body(" of Halvorsen University's Centre said"),
            Some(" of Halvorsen University's Centre")
        );
        assert_eq!(
            body(" of the University of Tessaly's Institute for Rural Policy said"),
            Some(" of the University of Tessaly's Institute for Rural Policy")
        );
        assert_eq!(body_after_name(" of them said"), None);
        assert_eq!(body_after_name(" said"), None);
        assert_eq!(
            who(
                "Reyne of Halvorsen University's Centre said the case was \"rare\".",
                "rare"
            )
            .as_deref(),
            Some("Reyne")
        );
        assert_eq!(
            who(
                "Ada Rusk of the University of Tessaly's Institute for Rural Policy said it was \"late\".",
                "late"
            )
            .as_deref(),
            Some("Ada Rusk")
        );
        assert_eq!(
            who(
                "\"It is late,\" Ada Rusk of the Harbour Trust's board said.",
                "It is late"
            )
            .as_deref(),
            Some("Ada Rusk")
        );
        // A title or a body before "of" is no such person.
        assert_ne!(
            who(
                "The Minister of Harbours Ola Brenn said it was \"late\".",
                "late"
            )
            .as_deref(),
            Some("The Minister")
        );
        let text = "Study\n\n\
            Lise Morel of Kestrel University's Centre for Housing Studies said the case was \"rare\".\n";
        assert_eq!(speakers(text), [Some("Lise Morel".to_string())]);
    }

    #[test]
    fn an_age_between_name_and_verb_is_an_appositive() {
        assert_eq!(
            who("\"Never,\" Mr. Ellery, 74, told me.", "Never").as_deref(),
            Some("Mr. Ellery")
        );
        assert_eq!(
            who("\"Never,\" Ola Brenn, 9, said.", "Never").as_deref(),
            Some("Ola Brenn")
        );
    }

    #[test]
    fn the_verbs_before_a_quotation_are_read_once_for_every_rule() {
        // The pronoun between the last verb and the quotation.
        assert_eq!(
            who(
                "Ola Brenn smiled, adding she \"rather doubts\" it.",
                "rather doubts"
            )
            .as_deref(),
            Some("she")
        );
        // No verb before the quotation: none of the three rules reads one.
        assert_eq!(
            who("The ferry was \"a disgrace.\"", "a disgrace.").as_deref(),
            None
        );
    }

    #[test]
    fn the_subject_of_a_passive_speech_verb_is_not_the_speaker() {
        assert!(is_passive("He was described", 7..16));
        assert!(is_passive("They were later told", 16..20));
        assert!(!is_passive("He was saying", 7..13));
        assert!(!is_passive("He described", 3..12));
        // No one named: an empty who.
        assert_eq!(
            who(
                "Ada Rusk was described in a profile as \"fearless.\"",
                "fearless."
            )
            .as_deref(),
            Some("")
        );
        // The agent after "by".
        assert_eq!(
            who(
                "Rusk was described by a rival as \"fearless.\"",
                "fearless."
            )
            .as_deref(),
            Some("a rival")
        );
        // A cue later in the sentence names the speaker.
        assert_eq!(
            who(
                "The boat was branded \"a wreck\" by fans, Ola Brenn wrote.",
                "a wreck"
            )
            .as_deref(),
            Some("Ola Brenn")
        );
        let text = "Ice race\n\n\
            Ada Rusk, who won the race twice, was described in a profile as \"fearless.\" \
            \"Fearless people drill test holes,\" she said.\n";
        assert_eq!(speakers(text), [None, Some("Ada Rusk".to_string())]);
    }

    #[test]
    fn a_possessive_pronoun_owns_a_speech_noun_or_a_lead_in() {
        assert_eq!(
            who(
                "His warning that the ice was \"thin\" drew a crowd.",
                "thin"
            )
            .as_deref(),
            Some("he")
        );
        assert_eq!(
            who(
                "Among her rules for new singers: \"Breathe first.\"",
                "Breathe first."
            )
            .as_deref(),
            Some("she")
        );
        // The owned noun may be a speech noun; another verb makes the
        // sentence no lead-in.
        assert_eq!(
            who("Her reply to critics: \"Read it.\"", "Read it.").as_deref(),
            Some("she")
        );
        assert_ne!(
            who("Her fans chanted: \"More!\"", "More!").as_deref(),
            Some("she")
        );
        // Not deep inside a long lead-in.
        assert_eq!(
            possessive_pronoun("The headline hits readers where their homes are:", 0)
                .map(|a| a.who),
            None
        );
        let text = "Choir\n\n\
            Ida Moss has led the choir for a decade. Among her rules for new singers: \"Breathe first.\"\n";
        assert_eq!(speakers(text), [Some("Ida Moss".to_string())]);
    }

    #[test]
    fn per_cites_a_source_or_the_owner_of_a_document() {
        assert_eq!(
            who(
                "Per the club's bylaws, the race stops when ice is \"unsafe.\"",
                "unsafe."
            )
            .as_deref(),
            Some("the club")
        );
        assert_eq!(
            who(
                "The race stops, per Ada Rusk, when ice is \"unsafe.\"",
                "unsafe."
            )
            .as_deref(),
            Some("Ada Rusk")
        );
        // "per cent" cites no one.
        assert_eq!(
            per_source("Rents rose 9 per cent, a rise called", 0).map(|a| a.who),
            None
        );
    }

    #[test]
    fn a_who_phrase_is_one_noun_phrase() {
        assert!(two_phrases("The Globe by Ada Rusk"));
        assert!(two_phrases("on Facebook"));
        assert!(!two_phrases("Tom Vell of Harbour Radio"));
        assert!(!two_phrases("Harbour Trust senior manager Ines Kowal"));
        // The object of a preposition after a quotation is no speaker.
        assert!(!usable("on Twitter"));
        assert!(usable("Ada Rusk"));
        assert_eq!(
            who(
                "He voiced his \"anger\" on Twitter, writing that it was late.",
                "anger"
            )
            .as_deref(),
            Some("He")
        );
        // A document sent "to" one outlet "by" a person: the person.
        assert_eq!(
            who(
                "A statement sent to The Ledger by Ada Rusk, who chairs the board, said \"we will appeal.\"",
                "we will appeal."
            )
            .as_deref(),
            Some("Ada Rusk")
        );
    }

    #[test]
    fn a_participle_after_an_object_belongs_to_the_clause_subject() {
        // The object of "on" is no subject; "with" opens an absolute
        // phrase whose subject speaks.
        assert_eq!(
            who(
                "Rusk replied to the post on the forum writing, \"Not this year.\"",
                "Not this year."
            )
            .as_deref(),
            Some("Rusk")
        );
        assert_eq!(
            who(
                "The board met in June, with Rusk saying it was \"ready.\"",
                "ready."
            )
            .as_deref(),
            Some("Rusk")
        );
        assert_eq!(
            who(
                "Her campaign posted a video for volunteers saying: \"Thank you all!\"",
                "Thank you all!"
            )
            .as_deref(),
            Some("Her campaign")
        );
    }

    /// Text for the verb finders: verbs and pieces of verbs, capitals,
    /// letters outside ASCII glued on, digits, `_`, and the marks and
    /// white space between them.
    fn verb_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::string::string_regex(
            "((said|says|went|on|pointed|out|quoted|as|told|Said|put|it|saidé|ésaid|é|_|9|x|\\.|,|’|\"| |  |\n)){0,14}",
        )
        .expect("verb text")
    }

    proptest::proptest! {
        /// `usable_prefixes` says of each phrase of the first words what
        /// `usable` says of it, read alone.
        #[test]
        fn usable_prefixes_are_usable_of_each_phrase(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "The", "the", "A", "an", "Another", "his", "Ola", "Brenn", "former",
                    "harbour", "master", "pilot", "spokesman", "familiar", "close", "Close",
                    "of", "for", "with", "to", "she", "it", "who", "was", "has", "said",
                    "says", "told", "opened", "voters", "supporters", "talks,", "board.",
                    "Quay", "é", "-", "council's",
                ]),
                0..8,
            ),
        ) {
            let got = usable_prefixes(&words);
            for (n, &g) in got.iter().enumerate().take(words.len() + 1).skip(2) {
                let phrase = words[..n].join(" ");
                proptest::prop_assert_eq!(g, usable(&phrase), "{:?}", phrase);
            }
            for &g in got.iter().skip(words.len() + 1).chain(got.iter().take(2)) {
                proptest::prop_assert!(!g);
            }
        }
    }

    proptest::proptest! {
        /// `verbs` over the tokens finds what VERB_ANY finds, over a whole
        /// text and over any stretch of it cut from a longer tokenised one.
        #[test]
        fn verbs_are_the_regex_matches(text in verb_text(), a in 0usize..80, z in 0usize..80) {
            let want = |hay: &str| -> Vec<(usize, usize)> {
                VERB_ANY.find_iter(hay).map(|v| (v.start(), v.end())).collect()
            };
            let got: Vec<(usize, usize)> = verbs(&text).map(|v| (v.start(), v.end())).collect();
            proptest::prop_assert_eq!(&got, &want(&text));
            proptest::prop_assert_eq!(has_verb(&text), !got.is_empty());
            let (a, z) = (floor(&text, a.min(text.len())), floor(&text, z.min(text.len())));
            let (lo, hi) = (a.min(z), a.max(z));
            let mut buf = TokenBuf::new();
            let stretch = Stretch::new(&text, 0..text.len(), &mut buf);
            let cut: Vec<(usize, usize)> =
                stretch.verbs(lo..hi).map(|v| (v.start(), v.end())).collect();
            proptest::prop_assert_eq!(&cut, &want(&text[lo..hi]));
            proptest::prop_assert_eq!(stretch.has_verb(lo..hi), !cut.is_empty());
            // The same read off the tokens of the whole text, as a window
            // of it that starts at `lo` (offsets into the window).
            let para = Stretch::of_paragraph(&text[lo..], lo, 0, buf.tokens());
            let cut: Vec<(usize, usize)> =
                para.verbs(0..hi - lo).map(|v| (v.start(), v.end())).collect();
            proptest::prop_assert_eq!(&cut, &want(&text[lo..hi]));
            // And off the tokens of the text from `hi` on, as the whole
            // text's window (from `lo`: a part before the tokens is read by
            // a scan).
            let mut late = TokenBuf::new();
            let toks = late.fill(&text[hi..], &WORDS).unwrap_or(&[]);
            let para = Stretch::of_paragraph(&text, 0, hi, toks);
            let cut: Vec<(usize, usize)> =
                para.verbs(lo..text.len()).map(|v| (v.start(), v.end())).collect();
            proptest::prop_assert_eq!(&cut, &want(&text[lo..]));
            let cut: Vec<(usize, usize)> =
                para.verbs(hi..text.len()).map(|v| (v.start(), v.end())).collect();
            proptest::prop_assert_eq!(&cut, &want(&text[hi..]));
            // And off the verbs listed once for those tokens (a part cut
            // inside a word or a verb of two words is read anew).
            let mut listed = Vec::new();
            list_verbs(&text[hi..], toks, &mut listed);
            let para = para.with_verbs(&listed);
            for (from, to) in [(lo, text.len()), (hi, text.len())] {
                let cut: Vec<(usize, usize)> =
                    para.verbs(from..to).map(|v| (v.start(), v.end())).collect();
                proptest::prop_assert_eq!(&cut, &want(&text[from..to]));
            }
            // And off the verbs listed for the whole text, over any part.
            let mut listed = Vec::new();
            list_verbs(&text, buf.tokens(), &mut listed);
            let whole: Vec<(usize, usize)> = listed.iter().map(|&(s, e)| (s as usize, e as usize)).collect();
            proptest::prop_assert_eq!(&whole, &want(&text));
            let para = Stretch::of_paragraph(&text, 0, 0, buf.tokens()).with_verbs(&listed);
            let cut: Vec<(usize, usize)> =
                para.verbs(lo..hi).map(|v| (v.start(), v.end())).collect();
            proptest::prop_assert_eq!(&cut, &want(&text[lo..hi]));
            proptest::prop_assert_eq!(para.has_verb(lo..hi), !cut.is_empty());
            let para = Stretch::of_paragraph(&text[lo..], lo, 0, buf.tokens()).with_verbs(&listed);
            let cut: Vec<(usize, usize)> =
                para.verbs(0..hi - lo).map(|v| (v.start(), v.end())).collect();
            proptest::prop_assert_eq!(&cut, &want(&text[lo..hi]));
            // And off the tokens of the stretch from `lo` alone.
            let mut own = TokenBuf::new();
            let from = Stretch::new(&text, lo..text.len(), &mut own);
            let cut: Vec<(usize, usize)> =
                from.verbs(lo..hi).map(|v| (v.start(), v.end())).collect();
            proptest::prop_assert_eq!(&cut, &want(&text[lo..hi]));
            for v in verbs(&text) {
                proptest::prop_assert_eq!(verb_at(&text, v.start()), Some(v.end()));
            }
        }
    }

    proptest::proptest! {
        /// A paragraph's tokens read only up to white space answer every
        /// look-up as those read to its end: a part they hold from them
        /// (the same tokens), a part past them by a scan, or with the gate
        /// open.
        #[test]
        fn tokens_read_to_white_space_answer_as_all(
            text in verb_text(),
            a in 0usize..80,
            z in 0usize..80,
            e in 0usize..80,
            w in 0usize..80,
        ) {
            let cut = |x: usize| floor(&text, x.min(text.len()));
            let (a, z) = (cut(a), cut(z));
            let (lo, hi) = (a.min(z), a.max(z));
            let e = cut(e);
            let end = text.as_bytes()[e..]
                .iter()
                .position(|&b| b == b' ' || b == b'\n')
                .map_or(text.len(), |k| e + k + 1);
            let mut all = TokenBuf::new();
            let all = all.fill(&text, &WORDS).unwrap_or(&[]);
            let mut part = TokenBuf::new();
            let part = part.fill(&text[..end], &WORDS).unwrap_or(&[]);
            let held = all.iter().take_while(|t| (t.start as usize) < end).count();
            proptest::prop_assert_eq!(part, &all[..held]);
            // As the window of the paragraph from `w` (at most `lo`).
            let w = cut(w.min(lo));
            let whole = Stretch::of_paragraph(&text[w..], w, 0, all);
            let short = Stretch::of_paragraph_to(&text[w..], w, 0, part, end);
            let (lo, hi) = (lo - w, hi - w);
            let spans = |s: &Stretch<'_>| -> Vec<(usize, usize)> {
                s.verbs(lo..hi).map(|v| (v.start(), v.end())).collect()
            };
            proptest::prop_assert_eq!(spans(&short), spans(&whole));
            for mask in [list::SPEECH_NOUN, list::GROUP_NOUN] {
                if hi + w <= end {
                    proptest::prop_assert_eq!(
                        short.has_word_on(lo..hi, mask),
                        whole.has_word_on(lo..hi, mask)
                    );
                    proptest::prop_assert_eq!(
                        short.may_have_word(lo..hi, mask),
                        whole.may_have_word(lo..hi, mask)
                    );
                } else {
                    proptest::prop_assert!(short.has_word_on(lo..hi, mask));
                    proptest::prop_assert!(short.may_have_word(lo..hi, mask));
                }
            }
        }
    }

    #[test]
    fn a_paragraph_is_tokenised_to_the_sentence_after_its_last_quotation() {
        let m = "Asked, Ola said: \"____\" and went on. Then she left the quay.";
        let qe = m.find("\" and").unwrap();
        assert_eq!(
            &m[..cue_reading_end(m, qe)],
            "Asked, Ola said: \"____\" and went on. "
        );
        // (A quotation that ends its sentence: the words after it are read.)
        let m = "Ola said: \"____.\" Then she left. Later";
        let qe = m.find(".\"").unwrap() + 1;
        assert_eq!(
            &m[..cue_reading_end(m, qe)],
            "Ola said: \"____.\" Then she left. "
        );
        let m = "\"__\" said Ola.";
        assert_eq!(cue_reading_end(m, 3), m.len());
    }

    /// Text for the group-subject rule: determiners, capitals, group
    /// nouns (whole, glued to other words, cut), verbs that fit and marks.
    fn group_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::string::string_regex(
            "((the|The|his|Their|Vell|J\\.|al-Tor|fans|crowd|crowds|staff|fansé|xfans|fans_|loudly|has|cheered|chants|sang|é|,|\\.|’| |  |\n)){0,16}",
        )
        .expect("group text")
    }

    proptest::proptest! {
        /// The group-noun gate never hides a group subject: where the rule
        /// finds one in a range, a group noun lies whole in its tokens, read
        /// off the whole text or off a stretch from the range's start.
        #[test]
        fn the_group_noun_gate_keeps_every_group_subject(
            text in group_text(),
            a in 0usize..90,
            z in 0usize..90,
        ) {
            let (a, z) = (floor(&text, a.min(text.len())), floor(&text, z.min(text.len())));
            let (lo, hi) = (a.min(z), a.max(z));
            if last_group_subject(&text[lo..hi]).is_some() {
                let mut buf = TokenBuf::new();
                let toks = buf.fill(&text, &WORDS).unwrap_or(&[]);
                let para = Stretch::of_paragraph(&text, 0, 0, toks);
                proptest::prop_assert!(para.has_word_on(lo..hi, list::GROUP_NOUN), "{:?}", &text[lo..hi]);
                // The tokens from the range's start on, as a window from
                // before it.
                let mut own = TokenBuf::new();
                let toks = own.fill(&text[lo..], &WORDS).unwrap_or(&[]);
                let w = floor(&text, lo / 2);
                let para = Stretch::of_paragraph(&text[w..], w, lo, toks);
                proptest::prop_assert!(para.has_word_on(lo - w..hi - w, list::GROUP_NOUN));
                let mut own = TokenBuf::new();
                let from = Stretch::new(&text, lo..text.len(), &mut own);
                proptest::prop_assert!(from.has_word_on(lo..hi, list::GROUP_NOUN), "{:?}", &text[lo..hi]);
            }
        }
    }

    /// Text for the owner patterns: names, possessives, pronouns, small
    /// words, speech nouns (whole, capitalised, glued to letters outside
    /// ASCII or to `_`, cut) and what may follow them.
    fn owner_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::string::string_regex(
            "((Vell|Ada Rusk|J\\.|'s|’s|his|Her|their|blunt|recent|claim|claims|Claim|warningé|warning|warn|words|_|that|was|is|é|,|\\.|“| |  |\n)){0,16}",
        )
        .expect("owner text")
    }

    proptest::proptest! {
        /// The speech-noun gate never hides an owner: where
        /// `owner_of_speech` finds one in a range, the gate is open, read
        /// off the whole text's tokens, off those from the range's start,
        /// or off a stretch from there.
        #[test]
        fn the_speech_noun_gate_keeps_every_owner(
            text in owner_text(),
            a in 0usize..90,
            z in 0usize..90,
        ) {
            let (a, z) = (floor(&text, a.min(text.len())), floor(&text, z.min(text.len())));
            let (lo, hi) = (a.min(z), a.max(z));
            if owner_of_speech(&text[lo..hi], 0).is_some() {
                let mut buf = TokenBuf::new();
                let toks = buf.fill(&text, &WORDS).unwrap_or(&[]);
                let para = Stretch::of_paragraph(&text, 0, 0, toks);
                proptest::prop_assert!(para.may_have_word(lo..hi, list::SPEECH_NOUN), "{:?}", &text[lo..hi]);
                let mut own = TokenBuf::new();
                let toks = own.fill(&text[lo..], &WORDS).unwrap_or(&[]);
                let para = Stretch::of_paragraph(&text, 0, lo, toks);
                proptest::prop_assert!(para.may_have_word(lo..hi, list::SPEECH_NOUN));
                let mut own = TokenBuf::new();
                let from = Stretch::new(&text, lo..text.len(), &mut own);
                proptest::prop_assert!(from.may_have_word(lo..hi, list::SPEECH_NOUN));
            }
        }
    }

    /// The verbs listed once for a text are those a reading of any part of
    /// it finds, where the part cuts a verb of two words ("went on") or a
    /// word ("unsaid") as well.
    #[test]
    fn listed_verbs_are_those_of_every_part() {
        let text = "Ola went on, unsaid, then pointed out: saidé and said it";
        let mut buf = TokenBuf::new();
        let toks = buf.fill(text, &WORDS).unwrap_or(&[]);
        let mut listed = Vec::new();
        list_verbs(text, toks, &mut listed);
        let para = Stretch::of_paragraph(text, 0, 0, toks).with_verbs(&listed);
        for lo in 0..=text.len() {
            for hi in lo..=text.len() {
                if !text.is_char_boundary(lo) || !text.is_char_boundary(hi) {
                    continue;
                }
                let got: Vec<(usize, usize)> =
                    para.verbs(lo..hi).map(|v| (v.start(), v.end())).collect();
                let want: Vec<(usize, usize)> = VERB_ANY
                    .find_iter(&text[lo..hi])
                    .map(|v| (v.start(), v.end()))
                    .collect();
                assert_eq!(got, want, "{:?}", &text[lo..hi]);
            }
        }
    }

    #[test]
    fn the_speech_noun_gate_reads_words_whole_and_ascii() {
        let t = "Ada Rusk's recent claim that, and then warnings, warné";
        let mut buf = TokenBuf::new();
        let toks = buf.fill(t, &WORDS).unwrap_or(&[]);
        let para = Stretch::of_paragraph(t, 0, 0, toks);
        assert!(owner_of_speech(&t[..29], 0).is_some());
        assert!(para.may_have_word(0..29, list::SPEECH_NOUN));
        // "warnings" is no speech noun.
        assert!(!para.may_have_word(29..49, list::SPEECH_NOUN));
        // A word cut by the range's edge, or with letters outside ASCII,
        // leaves it open.
        assert!(para.may_have_word(29..45, list::SPEECH_NOUN));
        assert!(para.may_have_word(49..t.len(), list::SPEECH_NOUN));
    }

    #[test]
    fn the_group_noun_gate_reads_whole_words() {
        let t = "Later the crowd cheered, and xfans chanted";
        let mut buf = TokenBuf::new();
        let toks = buf.fill(t, &WORDS).unwrap_or(&[]);
        let para = Stretch::of_paragraph(t, 0, 0, toks);
        assert!(last_group_subject(&t[..24]).is_some());
        assert!(para.has_word_on(0..24, list::GROUP_NOUN));
        // No group noun after the comma: "xfans" is another word.
        assert!(!para.has_word_on(24..t.len(), list::GROUP_NOUN));
    }

    /// Text for the who-phrase reader: words of every part of WHO (pronouns
    /// inside longer words, determiners, initials, abbreviations, hyphen
    /// particles, group nouns, name particles, capitals with letters
    /// outside ASCII and apostrophes), and the marks and white space
    /// between them.
    fn who_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::string::string_regex(
            "(He|he|Hey|She|They|I|It|We|the|The|Their|An|A|another|his|her|One|J\\.|J\\.R\\.|J\\.R|Mr\\.|Mrs|Dr\\.|al-Masri|ash-Sham|bin|al|de|van|del|Zoë|O’Neil|Ann'|Lee-|Rusk|Vell|é|’|supporters|crowds|crowd|fans|staff|staffers|voters_|old|fierce|-x|said|'|,|\\.|9|_|\\(| |  |\n|\u{a0}){0,12}",
        )
        .expect("who text")
    }

    proptest::proptest! {
        /// With a rest that turns down every end followed by a letter, an
        /// apostrophe or a hyphen (AFTER_WHO_TAIL, WHO_VERB's tail, the
        /// end of the text, AFTER_DASH's close), offering only the ends of
        /// whole runs finds what offering each end finds.
        #[test]
        fn whole_run_ends_find_what_every_end_finds(
            text in proptest::string::string_regex(
                "(He|he|She|the|The|An|a|his|One|J\\.|J\\.R\\.|Mr\\.|Mrs|al-Masri|bin|de|van|Zoë|O’Neil|Ann'|Ann's|Lee-|Rusk|Ruskx|Vell|é|’|-|crowds|staff|old|former|said|says|also|, 74,|,|\\.|9| |  |\n|\u{a0}){0,12}",
            )
            .expect("whole text")
        ) {
            let t = text.as_str();
            let rests: [&dyn Fn(usize) -> Option<usize>; 4] = [
                &|w| after_who_tail(&t[w..]).map(|_| w),
                &|w| who_verb_tail(&t[w..]).map(|_| w),
                &|w| (w == t.len()).then_some(w),
                &|w| {
                    let rest = t[w..].trim_start();
                    (rest.is_empty() || rest.starts_with([',', '.'])).then_some(w)
                },
            ];
            for (i, rest) in rests.iter().enumerate() {
                let want = who_phrase_then(t, &mut |w| rest(w));
                let got = who_phrase_in(t, true, &mut |w| rest(w));
                proptest::prop_assert_eq!(got, want, "rest {} of {:?}", i, t);
            }
        }
    }

    proptest::proptest! {
        /// `who_len` finds what WHO_START and WHO_AT find.
        #[test]
        fn who_len_is_the_regex_match(text in who_text()) {
            let start = WHO_START.find(&text).map(|m| m.end());
            proptest::prop_assert_eq!(who_len(&text, false), start, "{:?}", text);
            let at = WHO_AT.find(&text).map(|m| m.end());
            proptest::prop_assert_eq!(who_len(&text, true), at, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// `after_verb_who` finds AFTER_VERB_WHO's verb and match end.
        #[test]
        fn after_verb_who_is_the_regex_match(
            text in crate::testing::joined(
                vec![
                    "said", "says", "saying", "told", "went on", "went", "on", "put it", "puts",
                    "chimed in", "xsaid", "He", "he", "the", "his", "spokesman", "Jane", "Doe",
                    "J.", "Mr.", "de", "Émile", "supporters", "federal", "-", "—", ",", ";", ":",
                    ".", "\"", "’s", "_", "1", " ", " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}",
                ],
                0..14,
            ),
        ) {
            let want = AFTER_VERB_WHO.captures(&text).map(|c| {
                let v = c.name("verb").map(|v| v.start()..v.end());
                (v, c.get(0).map(|m| m.end()))
            });
            let got = after_verb_who(&text, lead_len(&text)).map(|(v, e)| (Some(v), Some(e)));
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// `who_verbs` (its gate, `may_open_who`, above all) finds
        /// WHO_VERB's matches in runs of lower-case words, with a name, a
        /// group noun, a pronoun or a determiner here and there, and white
        /// space of every kind.
        #[test]
        fn who_verbs_pass_over_plain_words_as_the_regex_does(
            text in crate::testing::joined(
                vec![
                    "said", "says", "went on", "rose", "costs", "by", "former", "aide", "ex-aide",
                    "wife", "federal", "crowd", "prosecutors", "Vell", "al-Amin", "J.", "I", "one",
                    "another", "an", "x2", "-", "-old", " ", " ", "  ", "\t", "\u{b}", "\n",
                    "\u{a0}", ",", ".", "’s",
                ],
                0..16,
            ),
        ) {
            let r = |m: regex::Match<'_>| m.start()..m.end();
            let want: Vec<_> = WHO_VERB
                .captures_iter(&text)
                .map(|c| (c.name("who").map(r), c.name("app").map(r), c.name("verb").map(r)))
                .collect();
            let got: Vec<_> =
                who_verbs(&text, text.len()).map(|(w, a, v)| (Some(w), a, Some(v))).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// `who_verbs` finds WHO_VERB's matches and groups, match for
        /// match: appositives (empty, long, ages), a comma before the
        /// verb, adverbs, and who-phrases that open with a hyphen.
        #[test]
        fn who_verbs_are_the_regex_matches(
            text in crate::testing::joined(
                vec![
                    "said", "says", "told", "went on", "also", "has", "have", "again", "quickly",
                    "He", "he", "She", "the", "The", "his", "wife", "spokesman", "Jane", "Doe",
                    "J.", "Mr.", "de", "Émile", "supporters", "federal", "old", "-", "-old",
                    ",", ", ", ",,", ", 74,", ".", "(", "\"", "’s", "x", "_", " ", " ", "  ",
                    "\t", "\n", "\u{a0}", "\u{2003}",
                ],
                0..18,
            ),
        ) {
            let r = |m: regex::Match<'_>| m.start()..m.end();
            let want: Vec<_> = WHO_VERB
                .captures_iter(&text)
                .map(|c| (c.name("who").map(r), c.name("app").map(r), c.name("verb").map(r)))
                .collect();
            let got: Vec<_> =
                who_verbs(&text, text.len()).map(|(w, a, v)| (Some(w), a, Some(v))).collect();
            proptest::prop_assert_eq!(&got, &want, "{:?}", text);
            // Bounded by the last verb, as attribution_in calls it.
            let last = verbs(&text).last().map_or(0, |v| v.start());
            let got: Vec<_> =
                who_verbs(&text, last).map(|(w, a, v)| (Some(w), a, Some(v))).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// `verb_who_end` finds VERB_WHO_END's verb and who groups.
        #[test]
        fn verb_who_end_is_the_regex_match(
            text in crate::testing::joined(
                vec![
                    "said", "says", "saying", "told", "went on", "went", "on", "xsaid", "that",
                    "thatx", "He", "he", "she", "the", "his", "spokesman", "Jane", "Doe", "J.",
                    "de", "Émile", "supporters", "-", ",", ".", "\"", "’s", "_", " ", " ",
                    "  ", "\t", "\n", "\u{a0}",
                ],
                0..14,
            ),
        ) {
            let r = |m: regex::Match<'_>| m.start()..m.end();
            let want = VERB_WHO_END
                .captures(&text)
                .map(|c| (c.name("verb").map(r), c.name("who").map(r)));
            let got = verb_who_end(&text).map(|(v, w)| (Some(v), Some(w)));
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// `last_word_starts` reads back from the end the starts that a
        /// forward listing of every word keeps.
        #[test]
        fn the_last_word_starts_are_those_of_a_forward_listing(
            text in crate::testing::joined(
                vec!["Ola", "Brenn", "said", "\u{a0}", "\u{2003}", " ", "  ", "\n", "é", "_", ",", ""],
                0..16,
            )
        ) {
            proptest::prop_assert_eq!(
                last_word_starts(&text).to_vec(),
                last_word_starts_all(&text),
                "{:?}",
                text
            );
        }

        /// `has_needle` and `links_body` find what `str::contains` finds.
        #[test]
        fn needles_are_str_contains(
            text in crate::testing::joined(
                vec![
                    "words", "word", "ccording to", "according  to", "ccording", " to", "'s",
                    "’s", "’", "'", "s", " of ", "of ", " of", " from ", "from", " at ", "at ",
                    " ", "  ", "\u{a0}", "Vell", "x", "er ", "per", "Per ", "e", "r",
                ],
                0..12,
            )
        ) {
            for (needle, word) in [
                (&WORDS_NEEDLE, "words"),
                (&ACCORDING_NEEDLE, "ccording to"),
                (&APOSTROPHE_S, "'s"),
                (&CURLY_S, "’s"),
            ] {
                proptest::prop_assert_eq!(has_needle(&text, needle), text.contains(word));
            }
            // (`per_source` reads each "er " in turn.)
            for from in 0..=text.len() {
                if text.is_char_boundary(from) {
                    proptest::prop_assert_eq!(
                        ER_NEEDLE.find(&text.as_bytes()[from..]),
                        text[from..].find("er ")
                    );
                }
            }
            proptest::prop_assert_eq!(
                links_body(&text),
                text.contains(" of ") || text.contains(" from ") || text.contains(" at "),
                "{:?}",
                text
            );
        }

        /// `parse_who` gives what `parse_run` gives, for a phrase parsed
        /// just before (its parts rebuilt from the ranges remembered, in
        /// a copy of the text) as for one not.
        #[test]
        fn parse_who_is_parse_run(a in who_text(), b in who_text()) {
            let again = a.clone();
            for w in [&a, &again, &b, &a, &b, &b] {
                proptest::prop_assert_eq!(
                    format!("{:?}", parse_who(w)),
                    format!("{:?}", parse_run(w)),
                    "{:?}",
                    w
                );
            }
        }

        /// `who_exact` matches what WHO_EXACT matches.
        #[test]
        fn who_exact_is_the_regex_match(text in who_text()) {
            proptest::prop_assert_eq!(who_exact(&text), WHO_EXACT.is_match(&text), "{:?}", text);
        }

        /// `who_words`, over the classes of the words `who_before` reads
        /// back from the end, says what `who_exact` says of each run of
        /// last words.
        #[test]
        fn who_words_is_who_exact(text in proptest::strategy::Union::new([
            proptest::strategy::Strategy::boxed(who_text()),
            proptest::strategy::Strategy::boxed(crate::testing::joined(
                vec![
                    "He", "he", "I", "We", "the", "The", "a", "An", "another", "His", "their",
                    "One", "Rusk", "Vell", "O’Neil", "Ann'", "Lee-", "J.", "J.R.", "J.R", "A.",
                    "Mr.", "Mrs", "Prof.", "Dr.x", "al-Masri", "ibn-Tor", "al-", "el-x", "bin",
                    "de", "van", "la", "del", "Émile", "é", "ß", "x2", "9", "_", "-", "-old",
                    "old", "fierce", "ex-aide", "aide", "crowd", "voters", "staff", "fans",
                    "Fans", "supporters", "said", "'", "’s", ",", ".", "(", " ", " ", "  ",
                    "\n", "\t", "\u{a0}", "\u{2003}",
                ],
                0..14,
            )),
        ])) {
            let tail = text.trim_end();
            let mut classes = [0u16; WHO_BEFORE_WORDS];
            for (i, &st) in last_word_starts(&text).iter().enumerate() {
                let cand = &tail[st..];
                let word_end = cand.find(char::is_whitespace).unwrap_or(cand.len());
                classes[WHO_BEFORE_WORDS - 1 - i] = word_class(&cand[..word_end]);
                proptest::prop_assert_eq!(
                    who_words(&classes[WHO_BEFORE_WORDS - 1 - i..]),
                    who_exact(cand),
                    "{:?}",
                    cand
                );
            }
        }

        /// `adverb_tail_start` and `coordinated_start` find where
        /// ADVERB_TAIL's and COORDINATED's matches start.
        #[test]
        fn verb_tails_are_the_regex_matches(
            text in crate::testing::joined(
                vec![
                    "also", "has", "had", "once", "just", "xhas", "hasx", "Has", "nodded",
                    "walks", "s", "ed", "red", "Asked", "up", "back", "forward", "and", "andy",
                    "Rusk", "é", ",", ".", "_", "9", " ", " ", "  ", "\t", "\n", "\u{a0}",
                    "\u{2003}",
                ],
                0..12,
            ),
        ) {
            let tail = ADVERB_TAIL.find(&text).map(|m| m.start());
            proptest::prop_assert_eq!(Some(adverb_tail_start(&text)), tail, "{:?}", text);
            let joined = COORDINATED.find(&text).map(|m| m.start());
            proptest::prop_assert_eq!(coordinated_start(&text), joined, "{:?}", text);
        }

        /// `last_clause_boundary` ends where CLAUSE_BOUNDARY's last match
        /// ends.
        #[test]
        fn last_clause_boundary_is_the_regex_match(
            text in crate::testing::joined(
                vec![
                    ",", ";", "when", "as", "asx", "after", "although", "though", "since",
                    "While", "x", "é", " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}",
                ],
                0..14,
            ),
        ) {
            let want = CLAUSE_BOUNDARY.find_iter(&text).last().map(|m| m.end());
            proptest::prop_assert_eq!(last_clause_boundary(&text), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// `joint_end` finds where JOINT's match ends.
        #[test]
        fn joint_end_is_the_regex_match(
            lead in proptest::sample::select(vec![", ", " and ", ", and ", ",", " ", ""]),
            text in crate::testing::joined(
                vec![
                    "Ola", "Brenn", "Tom", "J.", "J.R.", "Mr.", "Mr", "al-Masri", "Zoë", "O’Neil",
                    "Vell's", "and", "andy", "the", "x", ",", ", ", ",,", ".", "é", "_", "9",
                    " ", " ", " ", "  ", "\t", "\n",
                ],
                0..14,
            ),
        ) {
            let text = format!("{lead}{text}");
            let want = JOINT.find(&text).map(|m| m.end());
            proptest::prop_assert_eq!(joint_end(&text), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// `last_possessive_speech`, `last_pronoun_speech` and `in_words`
        /// find the groups of the last match of POSSESSIVE_SPEECH and of
        /// PRONOUN_SPEECH, and of every match of IN_WORDS then
        /// IN_THE_WORDS_OF.
        #[test]
        fn owner_patterns_are_the_regex_matches(
            text in crate::testing::joined(
                vec![
                    "Ada", "Vell", "J.", "Mr.", "al-Masri", "Zoë", "Vell's", "’s", "'s", "'",
                    "’", "s", "His", "his", "her", "Hers", "their", "in", "In", "the", "of",
                    "own", "words", "wordsx", "claim", "claims", "claimx", "reply", "tweets",
                    "warning", "that", "thatx", "was", "is", "recent", "sharp-eyed", "x-", "é",
                    ",", ".", "_", "9", " ", " ", " ", "  ", "\t", "\n", "\u{a0}",
                ],
                0..16,
            ),
        ) {
            let r = |m: regex::Match<'_>| m.start()..m.end();
            let last = |re: &Regex| {
                last_captures(re, &text)
                    .map(|c| (c.name("who").map(r).unwrap(), c.name("verb").map(r).unwrap()))
            };
            proptest::prop_assert_eq!(
                last_possessive_speech(&text), last(&POSSESSIVE_SPEECH), "{:?}", text
            );
            proptest::prop_assert_eq!(
                last_pronoun_speech(&text), last(&PRONOUN_SPEECH), "{:?}", text
            );
            let want: Vec<_> = [&*IN_WORDS, &*IN_THE_WORDS_OF]
                .into_iter()
                .flat_map(|re| re.captures_iter(&text))
                .map(|c| (c.name("who").map(r).unwrap(), c.name("verb").map(r).unwrap()))
                .collect();
            let got: Vec<_> = in_words(&text).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    #[test]
    fn owner_patterns_read_their_groups() {
        let t = "Mayor Ada Vell's sharply worded claim that";
        let (who, verb) = last_possessive_speech(t).unwrap();
        assert_eq!((&t[who], &t[verb]), ("Mayor Ada Vell", "claim"));
        let t = "and their first public warning was";
        let (who, verb) = last_pronoun_speech(t).unwrap();
        assert_eq!((&t[who], &t[verb]), ("their", "warning"));
        let t = "In Vell's own words, and in the words of Ada Rusk,";
        let got: Vec<_> = in_words(t).map(|(w, v)| (&t[w], &t[v])).collect();
        assert_eq!(got, [("Vell", "words"), ("Ada Rusk", "words")]);
    }

    #[test]
    fn joint_names_run_over_a_list_of_full_names() {
        let m = "Ada Rusk, Ola Brenn and Tom J. Vell said";
        let end = joint_names(m, "Ada Rusk".len()).map(|e| &m[..e]);
        assert_eq!(end, Some("Ada Rusk, Ola Brenn and Tom J. Vell"));
        // A single word after "and" is no full name.
        assert_eq!(joint_names("Ada Rusk and Vell said", 8), None);
        assert_eq!(joint_end(" and Tom Vell's"), Some(" and Tom Vell's".len()));
        assert_eq!(joint_end(" and Tom Zoë."), Some(" and Tom Zo".len()));
    }

    #[test]
    fn who_verbs_take_lower_case_words_before_a_name() {
        for (text, who) in [
            (
                "costs rose as federal aide Jane Doe said",
                "federal aide Jane Doe",
            ),
            ("costs rose, ex-aide al-Amin said", "ex-aide al-Amin"),
            (
                "costs rose and federal prosecutors said",
                "and federal prosecutors",
            ),
            ("costs rose\u{b}and she said", "she"),
            ("costs rose\u{a0}by Vell said", "rose\u{a0}by Vell"),
        ] {
            let got: Vec<_> = who_verbs(text, text.len())
                .map(|(w, _, _)| &text[w])
                .collect();
            let want: Vec<_> = WHO_VERB
                .captures_iter(text)
                .map(|c| &text[c.name("who").unwrap().range()])
                .collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(got, [who], "{text:?}");
        }
        // The gate: a who-phrase needs a capital, a pronoun, a determiner
        // or a group noun within its first three words.
        let b = b"costs rose by far";
        assert!(!may_open_who(b, 0));
        assert!(may_open_who(b"costs by Far", 0));
        assert!(!may_open_who(b"costs rose by far Vell", 0));
        assert!(may_open_who(b"costs rose staff", 0));
        assert!(may_open_who(b"costs\xc2\xa0rose", 0));
        assert!(may_open_who(b"her costs", 0));
    }

    #[test]
    fn who_verbs_read_appositives_and_commas() {
        let text = "Ada Vell, 74, has said and the aide, later said";
        let got: Vec<_> = who_verbs(text, text.len())
            .map(|(w, a, v)| (&text[w], a.map(|a| &text[a]), &text[v]))
            .collect();
        assert_eq!(
            got,
            [("Ada Vell", Some("74"), "said"), ("the aide", None, "said"),]
        );
    }

    #[test]
    fn who_len_reads_each_part_of_the_phrase() {
        for (text, start, at) in [
            ("He said", Some("He"), Some("He")),
            ("Hey there", Some("Hey"), Some("Hey")),
            ("the old mayor said", Some("the old"), Some("the old")),
            (
                "Ada Vell's fans said",
                Some("Ada Vell's fans"),
                Some("Ada Vell's fans"),
            ),
            ("Ada Vell's said", Some("Ada Vell's"), Some("Ada Vell's")),
            ("Ada Vell' said", Some("Ada Vell'"), Some("Ada Vell")),
            (
                "Ada Vell fans said",
                Some("Ada Vell fans"),
                Some("Ada Vell fans"),
            ),
            (
                "angry local voters said",
                Some("angry local voters"),
                Some("angry local voters"),
            ),
            (
                "J.R. Rusk de Vos said",
                Some("J.R. Rusk de Vos"),
                Some("J.R. Rusk de Vos"),
            ),
            ("Zoë said", Some("Zoë"), Some("Zo")),
            ("9 said", None, None),
        ] {
            let n = |e: Option<usize>| e.map(|e| &text[..e]);
            assert_eq!(n(who_len(text, false)), start, "{text:?}");
            assert_eq!(n(who_len(text, true)), at, "{text:?}");
            assert_eq!(n(WHO_START.find(text).map(|m| m.end())), start, "{text:?}");
            assert_eq!(n(WHO_AT.find(text).map(|m| m.end())), at, "{text:?}");
        }
        // A long line of capitals is read without recursion.
        let long = "Ab ".repeat(50_000) + "Zoë";
        assert_eq!(who_len(&long, false), Some(long.len()));
    }

    #[test]
    fn the_speech_nouns_are_those_of_the_owner_patterns() {
        let nouns = |re: &Regex| {
            let p = re.as_str();
            let group = &p[p.find("(?P<verb>").unwrap() + 9..];
            let group = &group[..group.find(')').unwrap()];
            let mut all: Vec<String> = group
                .split('|')
                .flat_map(|n| match n.strip_suffix("s?") {
                    Some(one) => vec![one.to_string(), format!("{one}s")],
                    None => vec![n.to_string()],
                })
                .collect();
            all.sort();
            all
        };
        let mut owned: Vec<String> = OWNED_SPEECH.iter().map(|n| n.to_string()).collect();
        owned.sort();
        assert_eq!(nouns(&POSSESSIVE_SPEECH), owned);
        let pronoun: Vec<String> = owned.into_iter().filter(|n| pronoun_noun(n)).collect();
        assert_eq!(nouns(&PRONOUN_SPEECH), pronoun);
        let before = "Later her reply was that the plan";
        assert!(owner_of_speech(before, 0).is_none());
        let a = owner_of_speech("His warning that the ice was ", 0).unwrap();
        assert_eq!((a.who.as_str(), a.cue.as_str()), ("he", "warning"));
    }
}
