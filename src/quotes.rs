//! Quotation marks → quotations.
//!
//! Marks: straight `"` and curly `“ ”`, mixed in one pair (`"…”`), doubled
//! apostrophes `''…''`, German `„…“`, guillemets `« »` and `‹ ›`, and single
//! marks `'…'` / `‘…’` used as quotation marks, told apart from apostrophes
//! (it's, Ukraine’s, '90s, rock 'n' roll, the students' union, runnin').
//! Single marks inside a double quotation are nested and belong to it.
//!
//! A straight mark opens at the start of a word and closes at the end of
//! one. A quotation still open at the end of its paragraph runs on when the
//! next paragraph opens with a mark (one quotation, a piece per paragraph);
//! otherwise it is unclosed: it ends with its paragraph, never later, and
//! is reported with a warning. Titles and names in quotation marks ("Ask
//! the Harbour") are not quotations.

use std::borrow::Cow;
use std::cell::Cell;

use memchr::{memchr2, memchr3};

use smallvec::SmallVec;

use crate::model::{Element, Headline, Quote, Warning};
use crate::span::Span;
use crate::text::{fold, is_space};

/// A quotation mark found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    /// Byte offset of the mark in the paragraph.
    at: usize,
    /// Its length in bytes.
    len: usize,
    /// Double (true) or single (false) family.
    double: bool,
    can_open: bool,
    can_close: bool,
}

/// Words that, just before a short quotation, say it names a thing rather
/// than reports speech.
const NAMING: &[&str] = &[
    "called",
    "dubbed",
    "so-called",
    "titled",
    "entitled",
    "named",
    "nicknamed",
    "known",
    "term",
    "word",
    "phrase",
    "label",
    "labelled",
    "labeled",
    "slogan",
    "hashtag",
    "headline",
    "show",
    "film",
    "book",
    "song",
    "album",
    "series",
    "programme",
    "program",
    "movie",
    "magazine",
    "column",
    "campaign",
    "operation",
    "game",
    "podcast",
    "play",
    "musical",
    "novel",
    "documentary",
    "newspaper",
];

fn prev_char(s: &str, at: usize) -> Option<char> {
    s[..at].chars().next_back()
}

fn next_char(s: &str, at: usize) -> Option<char> {
    s[at..].chars().next()
}

/// Chars after which a mark is at the start of a word.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(c)
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | ':'
                        | '/'
                        | '\u{201c}'
                        | '\u{2018}'
                        | '"'
                        | '\''
                        | '\u{ab}'
                        | '\u{201e}'
                        | '\u{2039}'
                        | '…'
                )
        }
    }
}

/// The marks of a paragraph, in order, found as they are asked for: a
/// paragraph of a hundred thousand marks holds none of them.
struct Marks<'a> {
    s: &'a str,
    i: usize,
    /// Where the next ASCII mark byte and the next lead byte stand, each
    /// searched again only once passed.
    ascii: usize,
    lead: usize,
}

fn marks(s: &str) -> Marks<'_> {
    let bytes = s.as_bytes();
    Marks {
        s,
        i: 0,
        ascii: memchr3(b'"', b'`', b'\'', bytes).unwrap_or(s.len()),
        lead: memchr2(0xC2, 0xE2, bytes).unwrap_or(s.len()),
    }
}

impl Iterator for Marks<'_> {
    type Item = Mark;

    fn next(&mut self) -> Option<Mark> {
        let s = self.s;
        let bytes = s.as_bytes();
        while self.i < s.len() {
            let i = self.i;
            // Every mark starts with one of these bytes (`"`, `` ` ``, `'`,
            // the lead byte of U+00AB/U+00BB, that of U+2018–U+203A): the
            // chars between are no marks, so jump over them (memchr's SIMD
            // search costs a fraction of a byte loop).
            if self.ascii < i {
                self.ascii = memchr3(b'"', b'`', b'\'', &bytes[i..]).map_or(s.len(), |k| i + k);
            }
            if self.lead < i {
                self.lead = memchr2(0xC2, 0xE2, &bytes[i..]).map_or(s.len(), |k| i + k);
            }
            let i = self.ascii.min(self.lead);
            self.i = i;
            if i >= s.len() {
                break;
            }
            let c = next_char(s, i)?;
            let len = c.len_utf8();
            let prev = prev_char(s, i);
            let mark = match c {
                '"' => Some(straight(s, i, 1, true)),
                '`' if bytes.get(i + 1) == Some(&b'`') => Some(Mark {
                    at: i,
                    len: 2,
                    double: true,
                    can_open: true,
                    can_close: false,
                }),
                '\'' if bytes.get(i + 1) == Some(&b'\'') => Some(straight(s, i, 2, true)),
                '\u{201c}' => Some(Mark {
                    at: i,
                    len,
                    double: true,
                    // Closes a German „…“ pair, or a quote whose writer used
                    // the wrong curly mark, when it stands at the end of a
                    // word.
                    can_open: true,
                    can_close: !opens_after(prev),
                }),
                '\u{201d}' => Some(Mark {
                    at: i,
                    len,
                    double: true,
                    can_open: opens_after(prev)
                        && next_char(s, i + len).is_some_and(|n| !is_space(n)),
                    can_close: true,
                }),
                '\u{201e}' | '\u{ab}' => Some(Mark {
                    at: i,
                    len,
                    double: true,
                    can_open: true,
                    can_close: false,
                }),
                '\u{bb}' => Some(Mark {
                    at: i,
                    len,
                    double: true,
                    can_open: false,
                    can_close: true,
                }),
                '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2039}' | '\u{203a}' => {
                    single(s, i, c)
                }
                _ => None,
            };
            if let Some(m) = mark {
                self.i += m.len;
                return Some(m);
            }
            self.i += len;
        }
        None
    }
}

/// A straight double mark (or `''`): opens at a word start, closes at a word end.
fn straight(s: &str, at: usize, len: usize, double: bool) -> Mark {
    let prev = prev_char(s, at);
    let next = next_char(s, at + len);
    let before_word = next.is_some_and(|c| !is_space(c));
    let after_word = prev.is_some_and(|c| !is_space(c)) && !opens_after(prev);
    Mark {
        at,
        len,
        double,
        can_open: before_word && (opens_after(prev) || !after_word),
        can_close: after_word || !before_word,
    }
}

/// A single mark, or `None` when it is an apostrophe.
fn single(s: &str, at: usize, c: char) -> Option<Mark> {
    let len = c.len_utf8();
    let prev = prev_char(s, at);
    let next = next_char(s, at + len);
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    // Inside a word: it's, Ukraine’s, O'Brien.
    if letter(prev) && letter(next) {
        return None;
    }
    match c {
        '\u{2039}' => {
            return Some(Mark {
                at,
                len,
                double: false,
                can_open: true,
                can_close: false,
            })
        }
        '\u{203a}' => {
            return Some(Mark {
                at,
                len,
                double: false,
                can_open: false,
                can_close: true,
            })
        }
        _ => {}
    }
    let rest = &s[at + len..];
    // '90s, 'em, 'n' (rock 'n' roll), 'til.
    if opens_after(prev) {
        let word = prefix_while(rest, char::is_alphanumeric);
        let lower = lowercase(word);
        let after = rest[word.len()..].chars().next();
        if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty()
            || matches!(&*lower, "em" | "til" | "cause" | "bout" | "twas" | "tis")
                && !matches!(after, Some('\'' | '\u{2019}'))
            || (lower == "n" && matches!(after, Some('\'' | '\u{2019}')))
            || (lower.ends_with('s')
                && word.len() >= 3
                && word[..word.len() - 1].chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        if next.is_some_and(|n| !is_space(n)) && c != '\u{2019}' || c == '\u{2018}' {
            return Some(Mark {
                at,
                len,
                double: false,
                can_open: next.is_some_and(|n| !is_space(n)),
                can_close: false,
            });
        }
    }
    // After a word: a closing mark, or a possessive / dropped letter
    // ("the students' union", "runnin' late") when a lowercase word follows.
    if letter(prev) || prev.is_some_and(|p| matches!(p, '.' | ',' | '!' | '?' | '…')) {
        let tail = rest.trim_start_matches(is_space);
        let followed_by_lower =
            rest.starts_with(is_space) && tail.chars().next().is_some_and(char::is_lowercase);
        // Possessive plurals end in s; dropped letters in -in' ("runnin'").
        let word_start = s[..at]
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(0, |k| k + s[k..].chars().next().map_or(1, char::len_utf8));
        let word = &s[word_start..at];
        let possessive = followed_by_lower && (prev == Some('s') || word.ends_with("in"));
        // "the 'n' in rock 'n' roll": the closing half.
        let before = &s[..at];
        let n_half = ["'n", "\u{2018}n", "\u{2019}n"]
            .iter()
            .any(|x| before.ends_with(x));
        if possessive || n_half {
            return None;
        }
        return Some(Mark {
            at,
            len,
            double: false,
            can_open: false,
            can_close: true,
        });
    }
    None
}

/// A quotation found in one paragraph.
#[derive(Debug, Clone)]
struct Found {
    /// Inner span, in paragraph offsets.
    inner: Span,
    closed: bool,
    /// The paragraph opens with it and it continues a run-on quotation.
    continues: bool,
}

/// Pair the marks of one paragraph and give each quotation to `out` once
/// its pairing is final, in order of start. `running` says a quotation was
/// left open at the end of the previous paragraph. Returns whether the
/// first quotation continues it.
///
/// Double marks pair first; single marks pair outside double quotations,
/// and a single pair that a double quotation starts inside is no pair. One
/// pass over the marks does both, holding the open double mark and the
/// open single mark: a single mark while a double quotation is open lies
/// inside it (the quotation ends at its closing mark, before the next
/// opening one, or at the paragraph's end: after the single mark in every
/// case), and a single pair is crossed when a double quotation opened
/// while it was open. A single pair is given only when no double
/// quotation is open, and every double one opened since the single mark
/// crosses it, so the quotations come out in order of start.
fn pair(s: &str, running: bool, mut out: impl FnMut(Found)) -> bool {
    let mut first = true;
    let mut continues = false;
    let mut emit = |mut f: Found| {
        if std::mem::take(&mut first) && running {
            let lead = s[..f.inner.start].trim_start_matches(is_space);
            if lead.chars().nth(2).is_none() {
                f.continues = true;
                continues = true;
            }
        }
        out(f)
    };
    let mut open: Option<Mark> = None;
    let mut single: Option<Mark> = None;
    let mut crossed = false;
    for m in marks(s) {
        if m.double {
            match open {
                None => {
                    if m.can_open {
                        open = Some(m);
                        crossed |= single.is_some();
                    }
                }
                Some(o) => {
                    if m.can_close && (!m.can_open || !opens_after(prev_char(s, m.at))) {
                        emit(Found {
                            inner: Span::new(o.at + o.len, m.at),
                            closed: true,
                            continues: false,
                        });
                        open = None;
                    } else if m.can_open && opens_after(prev_char(s, m.at)) {
                        // A new opening mark: the earlier quotation was never closed.
                        emit(Found {
                            inner: Span::new(o.at + o.len, trim_end_at(s, m.at)),
                            closed: false,
                            continues: false,
                        });
                        open = Some(m);
                        crossed |= single.is_some();
                    }
                }
            }
            continue;
        }
        if open.is_some() {
            // Inside a double quotation: nested, its own.
            continue;
        }
        match single {
            None if m.can_open => {
                single = Some(m);
                crossed = false;
            }
            Some(o) if m.can_close => {
                if !crossed {
                    emit(Found {
                        inner: Span::new(o.at + o.len, m.at),
                        closed: true,
                        continues: false,
                    });
                }
                single = None;
            }
            Some(_) if m.can_open => {
                single = Some(m);
                crossed = false;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        emit(Found {
            inner: Span::new(o.at + o.len, s.len()),
            closed: false,
            continues: false,
        });
    }
    continues
}

fn trim_end_at(s: &str, at: usize) -> usize {
    s[..at].trim_end_matches(is_space).len()
}

/// Is the quotation a title, name or term rather than speech?
fn names_a_thing(s: &str, inner: Span) -> bool {
    names_a_thing_within(s, inner, NAMING_WORDS)
}

/// The words [`names_a_thing`] reads of a quotation: its rules count up to
/// six (a title has five at most), so a seventh tells a long quotation,
/// and the rest of it is never split.
const NAMING_WORDS: usize = 7;

/// [`names_a_thing`], reading the quotation's first `cap` words (of
/// [`NAMING_WORDS`] or more).
fn names_a_thing_within(s: &str, inner: Span, cap: usize) -> bool {
    let text = inner.of(s);
    let words: SmallVec<[&str; NAMING_WORDS]> = text.split_whitespace().take(cap).collect();
    // Nothing, or a lone letter or digit (an "R" next to a name, grade "A"):
    // never speech.
    if words.is_empty()
        || text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .nth(1)
            .is_none()
    {
        return true;
    }
    // A seventh word read: too long for a name after a naming word (six
    // at most) or for a title (five), so none of the rules below can hold.
    // (Reading all the words, the rules below say so themselves.)
    if cap == NAMING_WORDS && words.len() == cap {
        return false;
    }
    let before = s[..inner.start].trim_end_matches(|c: char| {
        is_space(c) || crate::text::is_open_quote(c) || c == '\u{201d}'
    });
    let prev_word = lowercase(
        before
            .rsplit(|c: char| is_space(c))
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
    );
    if words.len() <= 6 && NAMING.contains(&&*prev_word) {
        return true;
    }
    // Title Case of up to five words, not opening a sentence: a title or name.
    let sentence_start = before.is_empty() || before.ends_with(['.', ':', '!', '?']);
    // A word reported as spoken: he replied "Never".
    let spoken = matches!(
        &*prev_word,
        "said"
            | "says"
            | "replied"
            | "replies"
            | "answered"
            | "answers"
            | "shouted"
            | "told"
            | "wrote"
            | "saying"
            | "chanting"
            | "chanted"
            | "chant"
            | "chants"
            | "shouting"
            | "yelling"
            | "yelled"
            | "screaming"
            | "screamed"
            | "singing"
            | "sang"
            | "declaring"
            | "declared"
    );
    let title = words.len() <= 5
        && words.iter().all(|w| {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            core.is_empty()
                || core
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    core,
                    "of" | "the"
                        | "and"
                        | "or"
                        | "a"
                        | "an"
                        | "in"
                        | "on"
                        | "to"
                        | "for"
                        | "with"
                        | "at"
                        | "by"
                        | "from"
                        | "de"
                )
        });
    // A one-word title is told from a spoken word only by its place; a
    // longer one keeps the comma or full stop that American style puts
    // inside the marks (on "Harbour Talk Tonight." / of "Morning Tide," a).
    let end = text.trim_end();
    let several = words.len() >= 2;
    let punctuation_ok = !end.ends_with(['!', '?']) && (several || !end.ends_with(['.', ',']));
    // At the start of a sentence its first word is capitalised anyway: only
    // a title of several words shows itself ("The Long Tide" was …).
    title && punctuation_ok && (several || !sentence_start) && !spoken
}

/// Words after which "as" introduces a name or a description, not speech:
/// known as "the Drum", described as "bold", such as "synergy".
const AS_NAMING: &[&str] = &[
    "known",
    "described",
    "describe",
    "describes",
    "describing",
    "classified",
    "classify",
    "classifies",
    "referred",
    "billed",
    "branded",
    "characterized",
    "characterised",
    "such",
    "regarded",
];

/// Words that may follow a quotation in running prose without making it a
/// modifier of a noun: function words, auxiliaries, common adverbs.
const AFTER_PROSE: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "along",
    "also",
    "although",
    "among",
    "an",
    "and",
    "any",
    "are",
    "around",
    "as",
    "at",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "given",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "less",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "our",
    "out",
    "over",
    "per",
    "rather",
    "said",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "soon",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

/// A closing quotation mark (or one that closes in some house styles).
fn is_close_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{ab}' | '\u{203a}'
    )
}

/// Endings of adjectives: a quoted word with one is speech describing the
/// noun after it, not a term.
const ADJECTIVE_ENDINGS: &[&str] = &[
    "able", "ible", "ful", "ous", "ive", "ent", "ant", "ic", "al", "est", "some", "less",
];

/// `w.to_lowercase()`, borrowed where that is `w` itself: a word with no
/// ASCII capital and no char from 0x80, as most words beside a quotation
/// are ("said", "the", "called"), which the rules only compare with their
/// lists.
fn lowercase(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// The chars of `s` from its start while `keep` holds for them: what
/// `s.chars().take_while(keep)` collects, read in place.
fn prefix_while(s: &str, keep: impl Fn(char) -> bool) -> &str {
    &s[..s.find(|c: char| !keep(c)).unwrap_or(s.len())]
}

/// The lower-cased word ending at the end of `before`, stripped of
/// punctuation, and the text before it.
fn last_word(before: &str) -> (Cow<'_, str>, &str) {
    let t = before.trim_end_matches(is_space);
    // Look back a bounded window only: a paragraph of quotations with no
    // spaces between them stays linear.
    let mut from = t.len().saturating_sub(64);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let cut = t[from..].rfind(is_space).map_or(from, |i| {
        from + i + t[from + i..].chars().next().map_or(1, char::len_utf8)
    });
    let w = lowercase(t[cut..].trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
    (w, &t[..cut])
}

/// Is a short quotation a term the writer cites rather than words someone
/// says? Three shapes, none of which reported speech takes:
/// - a naming word before it, past an article or "as": what critics call
///   the "green wall"; a town known as "the Hollow"; fees described as
///   "steep";
/// - wrapped alone in brackets: the year's word ("grit");
/// - modifying the noun after it: the "fair share" plan, "low tide" fees.
fn cited_term(s: &str, inner: Span) -> bool {
    cited_term_within(s, inner, 5)
}

/// [`cited_term`], counting the quotation's words up to `cap` (five or
/// more: a fifth word says no as well as a hundred, and a long quotation
/// is not split to its end).
fn cited_term_within(s: &str, inner: Span, cap: usize) -> bool {
    let text = inner.of(s).trim();
    let words = text.split_whitespace().take(cap).count();
    if words == 0 || words > 4 || text.ends_with(['.', '!', '?', ',']) {
        return false;
    }
    let before = s[..inner.start].trim_end_matches(|c: char| {
        is_space(c) || crate::text::is_open_quote(c) || c == '\u{201d}'
    });
    let (mut prev, mut rest) = last_word(before);
    // After a pronoun, "to" or a modal the quotation is a verb with its
    // object (they "outsource" work), not a term before a noun.
    let verb_slot = matches!(
        &*prev,
        "to" | "can"
            | "could"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "may"
            | "might"
            | "must"
            | "not"
            | "i"
            | "we"
            | "you"
            | "they"
            | "he"
            | "she"
            | "it"
            | "who"
            | "that"
    );
    for _ in 0..2 {
        if matches!(&*prev, "a" | "an" | "the") {
            (prev, rest) = last_word(rest);
        }
    }
    if prev == "as" {
        let (w, _) = last_word(rest);
        if AS_NAMING.contains(&&*w) {
            return true;
        }
    } else if matches!(&*prev, "call" | "calls" | "called") || NAMING.contains(&&*prev) {
        return true;
    }
    let after_start = s[inner.end..]
        .char_indices()
        .find(|&(_, c)| !is_close_mark(c))
        .map_or(s.len(), |(i, _)| inner.end + i);
    let after = &s[after_start..];
    if before.ends_with('(') && after.starts_with(')') {
        return true;
    }
    // A noun follows directly: "trim" cuts, the "quiet zone" rules.
    let next = prefix_while(after.trim_start_matches(is_space), |c| {
        c.is_alphabetic() || c == '-'
    });
    let lower_next = next.chars().next().is_some_and(char::is_lowercase);
    // A quoted adjective or a fragment ending in a function word is still
    // someone's words qualifying the noun (an "unbeatable" offer, she
    // "stumbled into" law): only a noun-like term is cited.
    let last = lowercase(
        text.rsplit(is_space)
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric()),
    );
    // Words strung with commas are a description ("weeks, not months").
    let qualifies = text.contains(',')
        || last.ends_with("ed")
        || AFTER_PROSE.contains(&&*last)
        || ADJECTIVE_ENDINGS.iter().any(|e| last.ends_with(e));
    // Guillemets and low marks belong to languages the word lists don't
    // cover ("« non » hier").
    let english_marks = !s[..inner.start]
        .trim_end_matches(is_space)
        .ends_with(['\u{ab}', '\u{bb}', '\u{201e}', '\u{2039}', '\u{203a}']);
    english_marks
        && !verb_slot
        && lower_next
        && !qualifies
        && words <= 3
        && !next.ends_with("ly")
        && !next.ends_with("ing")
        && !next.ends_with("ed")
        && !AFTER_PROSE.contains(&next)
}

/// Does `text` hold seven words or more with two ASCII letters or digits
/// among them, read up to where both are known? Then neither
/// [`names_a_thing`] (no rule past six words, and a lone letter needs
/// fewer than two) nor [`cited_term`] (none past four words) holds, and
/// neither is asked: most quotations are such sentences, where splitting
/// off their first words cost more than the rest of finding them.
fn plainly_long(text: &str) -> bool {
    let b = text.as_bytes();
    let (mut words, mut in_word) = (0, false);
    let mut i = 0;
    while i < b.len() && words < NAMING_WORDS {
        let x = b[i];
        // White space as `split_whitespace` reads it.
        let space = if x < 0x80 {
            i += 1;
            x <= b' ' && matches!(x, b' ' | b'\t'..=b'\r')
        } else {
            let Some(c) = text[i..].chars().next() else {
                return false;
            };
            i += c.len_utf8();
            c.is_whitespace()
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words >= NAMING_WORDS
        && b.iter()
            .filter(|x| x.is_ascii_alphanumeric())
            .nth(1)
            .is_some()
}

/// The quotations of one paragraph (see [`pair`]), each with whether it
/// is speech, given to `out` in order. Returns whether the first continues
/// a quotation left open in the paragraph before.
///
/// Not speech: a closed quotation that names a thing or cites a term, or
/// that stands in a list of three or more short terms with only commas,
/// "and" or "or" between them (words put on a list: "tidy," "gusty" and
/// "brisk"). Whether a quotation is in such a list is known once the run
/// it belongs to has three members or has ended, so at most the first two
/// of a run wait.
fn paragraph_quotes(s: &str, running: bool, mut out: impl FnMut(Found, bool)) -> bool {
    let short = |f: &Found| f.closed && f.inner.of(s).split_whitespace().nth(4).is_none();
    let joined = |a: &Found, b: &Found| {
        a.inner.end <= b.inner.start
            && s[a.inner.end..b.inner.start]
                .split(|c: char| {
                    is_space(c)
                        || matches!(c, ',' | '"' | '\'')
                        || crate::text::is_open_quote(c)
                        || is_close_mark(c)
                })
                .all(|w| matches!(w, "" | "and" | "or"))
    };
    let mut give = |f: Found, term: bool| {
        let skip = f.closed
            && !f.continues
            && (term
                || !plainly_long(f.inner.of(s))
                    && (names_a_thing(s, f.inner) || cited_term(s, f.inner)));
        out(f, !skip)
    };
    // The run so far: its length, its first members while it has fewer
    // than three, and its last member.
    let mut run = 0usize;
    let mut waiting: SmallVec<[Found; 2]> = SmallVec::new();
    let mut last: Option<Found> = None;
    let continues = pair(s, running, |f| {
        let goes_on = last
            .as_ref()
            .is_some_and(|l| short(l) && short(&f) && joined(l, &f));
        if !goes_on {
            for w in waiting.drain(..) {
                give(w, false);
            }
            run = 0;
        }
        run += 1;
        last = Some(f.clone());
        if run >= 3 {
            for w in waiting.drain(..) {
                give(w, true);
            }
            give(f, true);
        } else {
            waiting.push(f);
        }
    });
    for w in waiting.drain(..) {
        give(w, false);
    }
    continues
}

/// A quotation, or the piece of one in a paragraph, as found: its span
/// (trimmed, absolute) and paragraph, whether it is closed in its
/// paragraph, and whether it continues the quotation before it (a piece
/// of one that runs over paragraphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) span: Span,
    pub(crate) paragraph: usize,
    pub(crate) closed: bool,
    pub(crate) runs_on: bool,
}

impl Piece {
    /// The number of the quotation this piece belongs to, with `begun` the
    /// quotations begun before it (counted on): a piece that runs on from
    /// the previous paragraph continues the last one.
    pub(crate) fn number(&self, begun: &mut usize) -> usize {
        if !self.runs_on {
            *begun += 1;
        }
        *begun - 1
    }

    /// The library's record of this piece of quotation `quotation`, not
    /// yet attributed.
    pub(crate) fn to_quote(self, input: &str, quotation: usize) -> Quote {
        Quote {
            text: fold(self.span.of(input)),
            paragraph: Some(self.paragraph),
            span: self.span,
            speaker: None,
            speaker_mention: None,
            cue: None,
            quotation,
            closed: self.closed,
        }
    }
}

/// Find the quotations of the paragraphs (their spans, in order), and give
/// each to `each` as soon as it is found; warnings about unclosed ones are
/// pushed onto `warnings`. Holds one paragraph's open marks and the last
/// unclosed quotation, nothing per quotation.
pub(crate) fn each_piece(
    input: &str,
    paragraphs: impl IntoIterator<Item = Span>,
    warnings: &mut Vec<Warning>,
    mut each: impl FnMut(Piece),
) {
    let mut running = false;
    let mut any = false;
    // The last unclosed quotation of the paragraph before (its span), and
    // of this one.
    let mut before: Option<Span> = None;
    for (pi, p) in paragraphs.into_iter().enumerate() {
        let s = p.of(input);
        let mut unclosed: Option<Span> = None;
        let mut was_running = false;
        let continues = paragraph_quotes(s, running, |f, speech| {
            if !speech {
                return;
            }
            let Some(span) = quote_span(s, p.start, f.inner) else {
                return;
            };
            each(Piece {
                span,
                paragraph: pi,
                closed: f.closed,
                runs_on: f.continues && any,
            });
            any = true;
            if !f.closed {
                was_running = true;
                unclosed = Some(span);
            }
        });
        if running && !continues {
            if let Some(span) = before {
                warn_unclosed(input, span, warnings);
            }
        }
        running = was_running;
        before = unclosed;
    }
    if running {
        if let Some(span) = before {
            warn_unclosed(input, span, warnings);
        }
    }
}

/// Find the quotations in the paragraphs and in the headline.
pub fn find(
    input: &str,
    paragraphs: &[Element],
    headline: Option<&Headline>,
) -> (Vec<Quote>, Vec<Quote>, Vec<Warning>) {
    let mut quotes = Vec::new();
    let mut warnings = Vec::new();
    let mut quotation = 0usize;
    each_piece(
        input,
        paragraphs.iter().map(|p| p.span),
        &mut warnings,
        |piece| quotes.push(piece.to_quote(input, piece.number(&mut quotation))),
    );
    // Kept to the end of the run: no room to spare from doubling.
    quotes.shrink_to_fit();
    let head_quotes = headline.map_or_else(Vec::new, |h| headline_quotes(input, h.span));
    (quotes, head_quotes, warnings)
}

/// The quotations of the headline at `span` (`paragraph` is `None`, each
/// its own quotation).
pub(crate) fn headline_quotes(input: &str, span: Span) -> Vec<Quote> {
    let s = span.of(input);
    let mut out: Vec<Quote> = Vec::new();
    pair(s, false, |f| {
        if let Some(q) = quote_span(s, span.start, f.inner) {
            out.push(Quote {
                text: fold(q.of(input)),
                paragraph: None,
                span: q,
                speaker: None,
                speaker_mention: None,
                cue: None,
                quotation: out.len(),
                closed: f.closed,
            });
        }
    });
    out
}

fn warn_unclosed(input: &str, span: Span, warnings: &mut Vec<Warning>) {
    let preview: String = fold(span.of(input)).chars().take(40).collect();
    warnings.push(Warning {
        code: "unclosed_quote".to_string(),
        message: format!("quotation is not closed by the end of its paragraph: \"{preview}…\""),
        span: Some(span),
    });
}

/// A quotation's span from its inner span (in `s`, which starts at `base`):
/// trimmed of white space and of a trailing `,` `;` `:`; `None` when no
/// letter or digit is left.
fn quote_span(s: &str, base: usize, inner: Span) -> Option<Span> {
    let raw = inner.of(s);
    let lead = raw.len() - raw.trim_start_matches(is_space).len();
    let trimmed = raw
        .trim_end_matches(|c: char| is_space(c) || matches!(c, ',' | ';' | ':'))
        .trim_start_matches(is_space);
    if !trimmed.chars().any(char::is_alphanumeric) {
        return None;
    }
    let start = base + inner.start + lead;
    Some(Span::new(start, start + trimmed.len()))
}

/// The quotations of an article, found once and read back in order:
/// whichever is the smaller of a list of them (8 bytes a quotation,
/// [`Listed`]: what real text, a quotation every kilobyte or so, takes)
/// and two bits a byte of input (what a text of many short quotations
/// takes: nothing a quotation). The list never grows past the size of the
/// bits: where doubling it would, the bits take over. In the bits, a bit per byte says whether it lies inside a
/// quotation (two quotations never touch: a mark stands between), a
/// second at a quotation's first byte that it is closed, and at the byte
/// just past it (inside no quotation, and no quotation's first byte) that
/// it continues the quotation before it. Built from [`each_piece`], read
/// back by [`PieceSet::within`] and [`PieceSet::cursor`].
#[derive(Debug, Default, Clone)]
pub(crate) struct PieceSet {
    /// The input's length in bytes.
    bytes: usize,
    count: usize,
    list: Vec<Listed>,
    /// The bits, once the list would be larger.
    inside: Vec<u64>,
    flags: Vec<u64>,
}

/// One piece of the list, in 8 bytes: its start as a u32, and its length
/// with its two flags in the top bits of another (the list is only kept
/// for an input under 4 GiB, and pieces under 1 GiB, [`Listed::of`]).
#[derive(Debug, Clone, Copy)]
struct Listed {
    start: u32,
    /// The length ([`Listed::LEN`]), [`Listed::CLOSED`] and
    /// [`Listed::RUNS_ON`].
    len: u32,
}

impl Listed {
    const LEN: u32 = (1 << 30) - 1;
    const CLOSED: u32 = 1 << 30;
    const RUNS_ON: u32 = 1 << 31;

    fn end(self) -> usize {
        self.start as usize + (self.len & Listed::LEN) as usize
    }

    fn span(self) -> Span {
        Span::new(self.start as usize, self.end())
    }

    fn closed(self) -> bool {
        self.len & Listed::CLOSED != 0
    }

    fn runs_on(self) -> bool {
        self.len & Listed::RUNS_ON != 0
    }

    /// `p`, when its end fits in a u32 and its length under
    /// [`Listed::LEN`].
    fn of(p: &Piece) -> Option<Listed> {
        let start = u32::try_from(p.span.start).ok()?;
        u32::try_from(p.span.end).ok()?;
        let len = u32::try_from(p.span.len())
            .ok()
            .filter(|&l| l <= Listed::LEN)?;
        Some(Listed {
            start,
            len: len
                | (u32::from(p.closed) * Listed::CLOSED)
                | (u32::from(p.runs_on) * Listed::RUNS_ON),
        })
    }
}

fn bit(words: &[u64], at: usize) -> bool {
    words.get(at / 64).is_some_and(|w| w >> (at % 64) & 1 == 1)
}

fn set(words: &mut [u64], at: usize) {
    words[at / 64] |= 1 << (at % 64);
}

impl PieceSet {
    /// An empty set for an input of `len` bytes.
    pub(crate) fn new(len: usize) -> PieceSet {
        PieceSet {
            bytes: len,
            ..PieceSet::default()
        }
    }

    /// Add a piece (after every piece before it).
    pub(crate) fn push(&mut self, p: Piece) {
        self.count += 1;
        if self.inside.is_empty() {
            let words = self.bytes / 64 + 1;
            let bits = 2 * words * 8;
            let size = std::mem::size_of::<Listed>();
            let listed = Listed::of(&p);
            if let Some(l) = listed.filter(|_| self.list.len() < self.list.capacity()) {
                self.list.push(l);
                return;
            }
            // Full: grow by doubling, or to the size of the bits when
            // doubling would pass it (a piece every 40 bytes or so: a
            // list of up to twice that would take the bits' room).
            let grown = (self.list.capacity() * 2).max(16).min(bits / size);
            if let Some(l) = listed.filter(|_| grown > self.list.len()) {
                self.list.reserve_exact(grown - self.list.len());
                self.list.push(l);
                return;
            }
            self.inside = vec![0; words];
            self.flags = vec![0; words];
            for l in std::mem::take(&mut self.list) {
                self.set_bits(l.span(), l.closed(), l.runs_on());
            }
        }
        self.set_bits(p.span, p.closed, p.runs_on);
    }

    fn set_bits(&mut self, span: Span, closed: bool, runs_on: bool) {
        for at in span.start..span.end {
            set(&mut self.inside, at);
        }
        if closed {
            set(&mut self.flags, span.start);
        }
        if runs_on {
            set(&mut self.flags, span.end);
        }
    }

    /// How many pieces.
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// True when byte `at` lies inside a quotation (the reference
    /// [`InsideCursor::inside`] is held to).
    #[cfg(test)]
    pub(crate) fn inside(&self, at: usize) -> bool {
        if self.inside.is_empty() {
            let k = self.list.partition_point(|l| l.start as usize <= at);
            return k > 0 && at < self.list[k - 1].end();
        }
        bit(&self.inside, at)
    }

    /// Says which bytes lie inside a quotation, for places asked mostly in
    /// document order, as the speaker register asks them word by word.
    pub(crate) fn cursor(&self) -> InsideCursor<'_> {
        InsideCursor {
            set: self,
            k: Cell::new(0),
        }
    }

    /// The first byte at or after `from` whose inside bit is `value`
    /// (`None` past the end).
    fn next(&self, from: usize, value: bool) -> Option<usize> {
        let mut w = from / 64;
        let flip = if value { 0 } else { u64::MAX };
        let mut word = (*self.inside.get(w)? ^ flip) & (u64::MAX << (from % 64));
        loop {
            if word != 0 {
                return Some(w * 64 + word.trailing_zeros() as usize);
            }
            w += 1;
            word = *self.inside.get(w)? ^ flip;
        }
    }

    /// The pieces that start in `[from, to)`, in order (`paragraph` is 0:
    /// the caller knows it).
    pub(crate) fn within(&self, from: usize, to: usize) -> impl Iterator<Item = Piece> + '_ {
        let piece = |span: Span, closed: bool, runs_on: bool| Piece {
            span,
            paragraph: 0,
            closed,
            runs_on,
        };
        let mut k = self.list.partition_point(|l| (l.start as usize) < from);
        let mut at = from;
        std::iter::from_fn(move || {
            if self.inside.is_empty() {
                let &l = self.list.get(k).filter(|l| (l.start as usize) < to)?;
                k += 1;
                return Some(piece(l.span(), l.closed(), l.runs_on()));
            }
            let start = self.next(at, true).filter(|&s| s < to)?;
            let end = self.next(start, false).unwrap_or(self.inside.len() * 64);
            at = end;
            Some(piece(
                Span::new(start, end),
                bit(&self.flags, start),
                bit(&self.flags, end),
            ))
        })
    }
}

/// Which bytes lie inside a quotation, read with a cursor into the list
/// (or the bits, when the set keeps bits): the register asks
/// at every word in order ("Ada Lind said", then "Lind", then "said"), and
/// a quotation comes about once a kilobyte, so the piece an answer needs
/// is almost always the one the last answer read, or the next. A place
/// before the cursor (a look back to an earlier sentence) or past it is
/// walked to a few pieces at most, and then searched for in the list on
/// that side, so no order of places costs more than a search each.
pub(crate) struct InsideCursor<'a> {
    set: &'a PieceSet,
    /// How many pieces start at or before the place last asked.
    k: Cell<usize>,
}

impl InsideCursor<'_> {
    /// The steps taken forward before the rest of the list is searched.
    const STEPS: usize = 4;

    /// True when byte `at` lies inside a quotation.
    pub(crate) fn inside(&self, at: usize) -> bool {
        let set = self.set;
        if !set.inside.is_empty() {
            return bit(&set.inside, at);
        }
        let list = &set.list;
        let starts = |l: &Listed| l.start as usize <= at;
        let mut k = self.k.get();
        if k > 0 && !starts(&list[k - 1]) {
            let mut steps = 0;
            while k > 0 && !starts(&list[k - 1]) {
                k -= 1;
                steps += 1;
                if steps == Self::STEPS {
                    k = list[..k].partition_point(starts);
                    break;
                }
            }
        } else {
            let mut steps = 0;
            while list.get(k).is_some_and(starts) {
                k += 1;
                steps += 1;
                if steps == Self::STEPS {
                    k += list[k..].partition_point(starts);
                    break;
                }
            }
        }
        self.k.set(k);
        k > 0 && at < list[k - 1].end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        paragraph_quotes(s, false, |f, speech| {
            if speech {
                out.extend(quote_span(s, 0, f.inner).map(|q| fold(q.of(s))));
            }
        });
        out
    }

    #[test]
    fn straight_curly_and_mixed() {
        assert_eq!(texts(r#""Yes," she said. "No.""#), ["Yes", "No."]);
        assert_eq!(texts("“Yes,” she said."), ["Yes"]);
        assert_eq!(texts("\"We will be ready,” he said."), ["We will be ready"]);
        assert_eq!(
            texts("He said ''I wish him well,'' and left."),
            ["I wish him well"]
        );
        assert_eq!(texts("He replied „Nein“ and left."), ["Nein"]);
        assert_eq!(texts("Il a dit « non » hier."), ["non"]);
    }

    #[test]
    fn british_singles_and_apostrophes() {
        assert_eq!(
            texts("to send a 'reassurance force' to Kyiv"),
            ["reassurance force"]
        );
        assert_eq!(
            texts("It's the council’s plan from the '90s, rock 'n' roll, O'Brien said."),
            Vec::<String>::new()
        );
        assert_eq!(
            texts("the students' union said it was 'deeply worried' about fees"),
            ["deeply worried"]
        );
        assert_eq!(
            texts("‘We are runnin' out of time,’ she said."),
            ["We are runnin' out of time"]
        );
    }

    #[test]
    fn nested_quotes_belong_to_the_outer() {
        assert_eq!(
            texts("“He told me ‘never again’ and left,” she said."),
            ["He told me ‘never again’ and left"]
        );
    }

    #[test]
    fn unclosed_stays_in_paragraph() {
        let mut f = Vec::new();
        pair("He added: \"The boats will keep running all", false, |q| {
            f.push(q)
        });
        assert_eq!(f.len(), 1);
        assert!(!f[0].closed);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// The cursor answers as the search over the list does, for any
        /// pieces and any order of places asked: in order, a step back, a
        /// jump far ahead or far back.
        #[test]
        fn the_cursor_answers_as_the_search_does(
            shapes in proptest::collection::vec((1usize..40, 0usize..30), 0..60),
            moves in proptest::collection::vec(
                proptest::prop_oneof![-20i64..40, -3000i64..3000], 0..300),
        ) {
            let mut set = PieceSet::new(1 << 20);
            let mut at = 0;
            for (gap, len) in shapes {
                at += gap;
                set.push(Piece {
                    span: Span::new(at, at + len),
                    paragraph: 0,
                    closed: true,
                    runs_on: false,
                });
                at += len;
            }
            proptest::prop_assert!(set.inside.is_empty());
            let cursor = set.cursor();
            let mut place = 0i64;
            for m in moves {
                place = (place + m).max(0);
                let p = place as usize;
                proptest::prop_assert_eq!(cursor.inside(p), set.inside(p), "{}", p);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// Reading the first [`NAMING_WORDS`] words of a quotation judges
        /// it as reading all of them did.
        #[test]
        fn names_are_judged_from_the_first_words(
            before in crate::testing::joined(
                vec!["the film ", "titled ", "said ", "He said. ", "", "called "], 0..3),
            quote in crate::testing::joined(
                vec!["The", "Long", "Tide", "of", "a", "x", "R", "7", " ", "  ", "\u{a0}",
                     "never", "again", ".", ",", "!", "\u{e9}"],
                0..24),
        ) {
            let s = format!("{before}\u{201c}{quote}\u{201d} next");
            let start = before.len() + 3;
            let inner = Span::new(start, start + quote.len());
            proptest::prop_assert_eq!(
                names_a_thing(&s, inner),
                names_a_thing_within(&s, inner, usize::MAX)
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// A quotation [`plainly_long`] passes is neither a thing's name
        /// nor a cited term; and it passes the ASCII sentences of seven
        /// words.
        #[test]
        fn plainly_long_quotations_are_no_names_or_terms(
            before in crate::testing::joined(
                vec!["the film ", "known as ", "said ", "He said. ", "", "called ", "a "], 0..3),
            quote in crate::testing::joined(
                vec!["The", "Long", "Tide", "of", "a", "x", "R", "7", " ", "  ", "\u{a0}",
                     "\t", "\u{b}", "\u{1c}", "\u{85}", "-", ".", ",", "!", "\u{e9}",
                     "\u{2003}"],
                0..24),
            after in crate::testing::joined(vec![" plan", ")", " the", ""], 0..2),
        ) {
            let s = format!("{before}\u{201c}{quote}\u{201d}{after}");
            let start = before.len() + 3;
            let inner = Span::new(start, start + quote.len());
            if plainly_long(inner.of(&s)) {
                proptest::prop_assert!(!names_a_thing(&s, inner));
                proptest::prop_assert!(!cited_term(&s, inner));
            }
        }
    }

    #[test]
    fn seven_ascii_words_are_plainly_long() {
        assert!(plainly_long("we will keep the boats running all"));
        assert!(plainly_long(" a b c d e f g "));
        assert!(!plainly_long("we will keep the boats running"));
        assert!(!plainly_long("- - - - - - - - a"));
        assert!(plainly_long(
            "caf\u{e9} is where we\u{2019}ll keep them all"
        ));
        assert!(!plainly_long("a\u{2003}b\u{a0}c d e f"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// Counting a quotation's words up to five judges it a cited term
        /// as counting all of them did.
        #[test]
        fn terms_are_judged_from_five_words(
            before in crate::testing::joined(
                vec!["known as ", "the ", "a ", "called ", "to ", "(", "", "they "], 0..3),
            quote in crate::testing::joined(
                vec!["green", "wall", "fair", "share", "able", "x", " ", "  ", "\u{a0}",
                     "and", ".", ",", "\u{e9}"],
                0..16),
            after in crate::testing::joined(
                vec![" plan", " rules", ")", " quickly", " the", "", " cuts"], 0..2),
        ) {
            let s = format!("{before}\u{201c}{quote}\u{201d}{after}");
            let start = before.len() + 3;
            let inner = Span::new(start, start + quote.len());
            proptest::prop_assert_eq!(
                cited_term(&s, inner),
                cited_term_within(&s, inner, usize::MAX)
            );
        }
    }

    #[test]
    fn cited_terms_are_not_quotes() {
        let none = Vec::<String>::new();
        // A naming word past an article or "as".
        assert_eq!(texts("what critics call the \"green wall\" plan"), none);
        assert_eq!(texts("a cove known as \"the Hollow\" by locals"), none);
        assert_eq!(texts("the levy was described as \"steep\" by owners"), none);
        assert_eq!(texts("Words such as \"synergy\" grate."), none);
        // Alone in brackets.
        assert_eq!(
            texts("the dictionary's pick (\"grit\") was no surprise"),
            none
        );
        // A term modifying the noun after it.
        assert_eq!(texts("it paid \"storm reserve\" fees twice"), none);
        assert_eq!(texts("the usual \"big fish\" story"), none);
        // A list of three or more short terms.
        assert_eq!(
            texts("The list named \"tidy,\" \"gusty,\" \"brisk\" and \"snug.\""),
            none
        );
        // Speech all the same: an adjective or a fragment before its noun,
        // a lone quoted word, two words side by side.
        assert_eq!(texts("an \"unbeatable\" offer"), ["unbeatable"]);
        assert_eq!(texts("a \"practical\" fix"), ["practical"]);
        assert_eq!(texts("firms that \"offshore\" jobs"), ["offshore"]);
        assert_eq!(texts("\"days, not weeks\" away"), ["days, not weeks"]);
        assert_eq!(texts("\"well prepared\" crews"), ["well prepared"]);
        assert_eq!(texts("she \"stumbled into\" law"), ["stumbled into"]);
        assert_eq!(texts("He called it \"a mess.\""), ["a mess."]);
        assert_eq!(
            texts("words like \"soon\" and \"later\""),
            ["soon", "later"]
        );
        assert_eq!(
            texts("the result was \"grim\" and \"final\"."),
            ["grim", "final"]
        );
    }

    #[test]
    fn titles_are_not_quotes() {
        assert_eq!(
            texts("He told the hosts of \"Morning Joe\" he was running."),
            Vec::<String>::new()
        );
        assert_eq!(
            texts("so-called \"smart motorways\" are unsafe"),
            Vec::<String>::new()
        );
        assert_eq!(texts("Britain is \"ready\" to act"), ["ready"]);
        // American style keeps the comma or stop inside the marks.
        assert_eq!(
            texts("She said so on \u{201c}Harbour Talk Tonight,\u{201d} a local show."),
            Vec::<String>::new()
        );
        assert_eq!(
            texts("She said so in an interview with \u{201c}Harbour Talk Tonight.\u{201d}"),
            Vec::<String>::new()
        );
        // A title of several words at the start of a sentence.
        assert_eq!(
            texts("It sold well. ''The Quiet Ferry'' was shortlisted for a prize."),
            Vec::<String>::new()
        );
        assert_eq!(texts("the \"Stay or Go\" crowd"), Vec::<String>::new());
        // Speech all the same: a chant, an answer, a one-word reply.
        assert_eq!(
            texts("The crowd was chanting \"Save Our Ferry, Save Our Town\" all night."),
            ["Save Our Ferry, Save Our Town"]
        );
        assert_eq!(texts("\"Never,\" she said."), ["Never"]);
        assert_eq!(texts("an \"R\" next to his name"), Vec::<String>::new());
        assert_eq!(texts("He replied \"Absolutely.\""), ["Absolutely."]);
    }

    /// A listed piece takes 8 bytes, and the list (capacity included)
    /// never takes more than the two bits a byte it stands for: many short
    /// pieces end in the bits, not in a list up to twice their size.
    #[test]
    fn piece_list_stays_under_the_bits() {
        assert_eq!(std::mem::size_of::<Listed>(), 8);
        for len in [1_000, 64_000, 1_000_000] {
            let bits = 2 * (len / 64 + 1) * 8;
            let mut set = PieceSet::new(len);
            // One 3-byte piece every 8 bytes: 8 bytes a piece is 1 a
            // byte, past the bits' quarter byte.
            for start in (0..len - 4).step_by(8) {
                set.push(Piece {
                    span: Span::new(start, start + 3),
                    paragraph: 0,
                    closed: true,
                    runs_on: false,
                });
                let held = set.list.capacity() * std::mem::size_of::<Listed>()
                    + (set.inside.len() + set.flags.len()) * 8;
                assert!(held <= bits, "{len}: {held} bytes held, bits {bits}");
            }
            assert!(set.list.is_empty() && !set.inside.is_empty());
            assert_eq!(set.len(), (len - 4).div_ceil(8));
            assert!(set.inside(8) && !set.inside(11));
            // One every 48 bytes, a sixth of a byte a byte: a list, which
            // grows to the bits' size rather than past it.
            let mut set = PieceSet::new(len);
            for start in (0..len - 4).step_by(48) {
                set.push(Piece {
                    span: Span::new(start, start + 3),
                    paragraph: 0,
                    closed: false,
                    runs_on: true,
                });
                assert!(set.list.capacity() * std::mem::size_of::<Listed>() <= bits);
            }
            assert!(!set.list.is_empty() && set.inside.is_empty(), "{len}");
            assert!(set.inside(48) && !set.inside(51));
            assert!(set.within(40, 60).all(|p| p.runs_on && !p.closed));
        }
    }

    /// The set gives back every piece as found, and says which bytes lie
    /// inside one.
    #[test]
    fn piece_set_gives_back_the_pieces() {
        let input = "A \"bold\" plan\n\n\u{201c}We will\n   build it,\u{201d} she said. \"And  more\n\n\u{201c}It  runs on\" and on.\n\n\"Never closed\n";
        let paragraphs = [Span::new(15, 62), Span::new(64, 87), Span::new(89, 102)];
        let mut warnings = Vec::new();
        let mut pieces = Vec::new();
        each_piece(input, paragraphs, &mut warnings, |p| pieces.push(p));
        assert_eq!(pieces.len(), 4, "{pieces:?}");
        assert!(pieces[2].runs_on && !pieces[1].closed && pieces[0].closed);
        assert_eq!(warnings.len(), 1);
        // As a list (few pieces for the input's length) and as bits (the
        // list would hold them too, so the bits are made first).
        for bits in [false, true] {
            let len = input.len();
            let mut set = PieceSet::new(len);
            if bits {
                set.inside = vec![0; len / 64 + 1];
                set.flags = vec![0; len / 64 + 1];
            }
            for &p in &pieces {
                set.push(p);
            }
            assert_eq!(set.inside.is_empty(), !bits);
            assert_eq!(set.list.is_empty(), bits);
            let back: Vec<Piece> = paragraphs
                .iter()
                .enumerate()
                .flat_map(|(pi, p)| {
                    set.within(p.start, p.end)
                        .map(move |q| Piece { paragraph: pi, ..q })
                })
                .collect();
            assert_eq!(back, pieces);
            for at in 0..input.len() {
                let want = pieces.iter().any(|p| p.span.start <= at && at < p.span.end);
                assert_eq!(set.inside(at), want, "{at}");
            }
        }
    }

    proptest::proptest! {
        /// [`lowercase`] is `to_lowercase`, and [`prefix_while`] what
        /// `chars().take_while` collects, on words of ASCII and of chars
        /// from 0x80 (a capital whose lower case is longer, digits,
        /// hyphens, marks).
        #[test]
        fn borrowed_words_are_the_collected_ones(
            w in crate::testing::joined(
                vec!["a", "Zb", "7", "-", "'", "\u{e9}", "\u{c9}", "\u{130}", "\u{3a3}", "\u{2019}", " ", "x."],
                0..10,
            )
        ) {
            proptest::prop_assert_eq!(&*lowercase(&w), w.to_lowercase());
            for keep in [char::is_alphanumeric as fn(char) -> bool, |c: char| c.is_alphabetic() || c == '-'] {
                let collected: String = w.chars().take_while(|&c| keep(c)).collect();
                proptest::prop_assert_eq!(prefix_while(&w, keep), collected);
            }
        }
    }
}
