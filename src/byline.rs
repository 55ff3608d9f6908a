//! Bylines: who wrote the article, and nothing else.
//!
//! Forms: "By Jane Doe", "BY JANE DOE", "By Jane Doe and John Roe", "By Jane
//! Doe, Political Editor", "By Sam Lee, BBC News", "Words by Jane Doe",
//! "Jane Doe | 25 November 2026", "by Jane Doe (reporting)", and a bare name
//! line with a date or a role line beside it. Authors are person names only;
//! a role or an outlet goes to its own field, and when in doubt a name is left
//! out: fewer authors is better than a wrong one.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::{is_all_caps, title_case};

mod forms;

/// What a byline says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// Person names.
    pub authors: Vec<String>,
    /// An outlet or agency.
    pub organisation: Option<String>,
    /// A job title.
    pub role: Option<String>,
}

static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.{0,40}?\s)?(?i:by|words(?: and pictures)? by|written by|story by|text by|reported by)\s*:?\s+(.+)$|^(?i:by)$")
        .expect("byline regex")
});
static PIPE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z][^|•]{2,60}?)\s*[|•]\s*(.+)$").expect("byline regex"));
/// The pattern of [`STAFF`], with `{RUN}` for the bound of the words
/// before the ending.
const STAFF_PATTERN: &str = r"(?i)^(?:by\s+)?(?:our|the|a)?\s*[\w ]{RUN}(?-u:\b)(?:staff|correspondents?|reporters?|team|desk|agencies)$";
static STAFF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&STAFF_PATTERN.replace("{RUN}", "{0,30}")).expect("staff regex"));
/// [`STAFF`] with its run of words left open: thirty copies of the Unicode
/// `\w` class cost 65 M instructions to compile, one a few. It decides
/// nearly every block (see [`is_staff`]).
static STAFF_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&STAFF_PATTERN.replace("{RUN}", "*")).expect("staff regex"));
static CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:[|•·—–]|\s-\s|\d|(?-u:\b)(?:updated|published|posted|follow|email|twitter)(?-u:\b)|@|(?-u:\b)(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+\d|(?-u:\b)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)(?-u:\b))")
        .expect("cut regex")
});
/// The lower-case asides in brackets a byline drops: the spec of
/// [`forms::drop_lower_parens`].
#[cfg(test)]
static LOWER_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([a-z][^)]*\)").expect("paren regex"));

/// Defines a lowercase ASCII word list once: `$is` matches a word against
/// it by length and bytes (a `match` on byte strings, where a scan of the
/// list compared a word with each entry), and, for the tests, `$list` holds
/// the same words as strings.
macro_rules! word_list {
    ($(#[$doc:meta])* $list:ident, $is:ident: $($w:literal),+ $(,)?) => {
        $(#[$doc])*
        #[cfg(test)]
        const $list: &[&str] = &[$(as_str($w)),+];

        $(#[$doc])*
        fn $is(w: &[u8]) -> bool {
            matches!(w, $($w)|+)
        }
    };
}

/// A byte-string literal of [`word_list!`] as a `&str`.
#[cfg(test)]
const fn as_str(b: &'static [u8]) -> &'static str {
    match std::str::from_utf8(b) {
        Ok(s) => s,
        Err(_) => panic!("word lists are UTF-8"),
    }
}

word_list! {
    /// Words that make a comma part a job title.
    ROLE_WORDS, is_role_word:
    b"editor",
    b"correspondent",
    b"reporter",
    b"writer",
    b"staff",
    b"columnist",
    b"contributor",
    b"producer",
    b"chief",
    b"senior",
    b"political",
    b"technologist",
    b"analyst",
    b"director",
    b"professor",
    b"critic",
    b"journalist",
    b"author",
    b"presenter",
    b"host",
    b"anchor",
    b"intern",
    b"fellow",
    b"officer",
    b"manager",
    b"head",
    b"deputy",
    b"associate",
    b"assistant",
    b"digital",
    b"news",
    b"sports",
    b"business",
    b"science",
    b"health",
    b"economics",
    b"security",
    b"diplomatic",
    b"home",
    b"affairs",
    b"international",
    b"foreign",
    b"special",
    b"investigations",
    b"royal",
    b"entertainment",
    b"showbiz",
    b"technology",
    b"tech",
    b"culture",
    b"arts",
    b"travel",
    b"photographer",
    b"freelance",
    b"contributing",
    b"executive",
    b"managing",
    b"lead",
    b"desk",
    b"bureau",
}

word_list! {
    /// Words that make a part an organisation.
    ORG_WORDS, is_org_word:
    b"news",
    b"times",
    b"post",
    b"press",
    b"agency",
    b"associated",
    b"media",
    b"journal",
    b"herald",
    b"tribune",
    b"daily",
    b"network",
    b"radio",
    b"tv",
    b"television",
    b"magazine",
    b"group",
    b"inc",
    b"ltd",
    b"online",
    b"gazette",
    b"courier",
    b"chronicle",
    b"mail",
    b"express",
    b"observer",
    b"review",
    b"bureau",
    b"wire",
    b"service",
    b"project",
    b"institute",
    b"foundation",
    b"university",
    b"report",
    b"insider",
    b"today",
    b"weekly",
    b"standard",
    b"independent",
    b"telegraph",
    b"guardian",
    b"broadcasting",
    b"corporation",
    b"channel",
    b"studio",
    b"studios",
    b"center",
    b"centre",
}

word_list! {
    /// Lowercase words allowed inside a name ("Ludwig van Beethoven").
    PARTICLES, is_particle:
    b"de",
    b"van",
    b"von",
    b"der",
    b"den",
    b"da",
    b"di",
    b"del",
    b"della",
    b"la",
    b"le",
    b"bin",
    b"al",
    b"ibn",
    b"du",
    b"dos",
    b"das",
    b"y",
    b"st",
    b"ter",
}

word_list! {
    /// Words that never start a person's name in a byline.
    NOT_NAMES, is_not_name:
    b"our",
    b"the",
    b"a",
    b"an",
    b"staff",
    b"and",
    b"in",
    b"for",
    b"with",
    b"from",
    b"at",
    b"on",
    b"this",
    b"by",
    b"words",
    b"more",
    b"share",
    b"follow",
    b"contact",
    b"about",
    b"view",
    b"read",
    b"see",
}

/// True when `w` lowercased (`str::to_lowercase`) passes `is`, a test of
/// one of the lowercase ASCII word lists. An ASCII word is lowered into a
/// stack buffer (no listed word is longer than it), where `to_lowercase`
/// allocated a string for every word; other words take `to_lowercase`.
fn lower_is(w: &str, is: fn(&[u8]) -> bool) -> bool {
    let b = w.as_bytes();
    if !b.is_ascii() {
        return is(w.to_lowercase().as_bytes());
    }
    is(ascii_lower(b, &mut [0; LONGEST_LISTED]))
}

/// An ASCII word lowered into `buf`; empty (in no list) when it is longer
/// than any listed word.
fn ascii_lower<'b>(w: &[u8], buf: &'b mut [u8; LONGEST_LISTED]) -> &'b [u8] {
    if w.len() > buf.len() {
        return b"";
    }
    for (l, &x) in buf.iter_mut().zip(w) {
        *l = x.to_ascii_lowercase();
    }
    &buf[..w.len()]
}

/// Bytes of the longest word of the lists [`lower_is`] tests.
const LONGEST_LISTED: usize = 16;

/// Whether any word of `part` is an organisation word, any a role word, and
/// the last an organisation word: the words are the runs of alphanumeric
/// chars of `part.to_lowercase()`.
fn part_words(part: &str) -> (bool, bool, bool) {
    let (mut org, mut role, mut last_org) = (false, false, false);
    let mut check = |w: &[u8]| {
        let o = is_org_word(w);
        org |= o;
        role |= is_role_word(w);
        last_org = o;
    };
    if part.is_ascii() {
        // ASCII lowercases byte by byte and keeps its alphanumerics: each
        // run is lowered into a buffer, or is too long for any list.
        for w in part
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            check(ascii_lower(w, &mut [0; LONGEST_LISTED]));
        }
    } else {
        let lower = part.to_lowercase();
        for w in lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            check(w.as_bytes());
        }
    }
    (org, role, last_org)
}

/// Parse a block that says who wrote the article explicitly ("By ...",
/// "Name | date", "Our Foreign Staff"). `None` when the block is no byline.
pub fn parse(text: &str) -> Option<Parsed> {
    // What each form needs, read off the text's ends and a few bytes
    // (nearly every line has none of it: a menu's item, a title) before
    // its words are counted.
    let b = text.as_bytes();
    let staff = may_be_staff(text);
    let (by, comma, bar) = gates(text);
    // "Name | date" opens with a capital and has a bar or a bullet.
    let pipe = b.first().is_some_and(u8::is_ascii_uppercase) && bar;
    if !(staff || by || comma.is_some() || pipe) {
        return None;
    }
    // A credit line has 12 words at most and is turned down by its own
    // count ([`credit_line`]): a block only its comma lets in (the first
    // paragraph, "The ferry to Lorn Island, late again, left at noon.") is
    // not counted to 30 first.
    if (staff || by || pipe) && words_over(text, 30) {
        return None;
    }
    if staff && is_staff(text) {
        return Some(Parsed::default());
    }
    if let Some((lead, rest)) = by.then(|| by_captures(text)).flatten() {
        let Some(rest) = rest else {
            return Some(Parsed::default()); // "By" alone: the names follow.
        };
        // A sentence that merely contains "by" is not a byline.
        let lead = lead.map_or("", |r| &text[r]);
        if lead.split_whitespace().nth(1).is_some() && crate::date::find(lead).is_none() {
            return None;
        }
        let parsed = names(&text[rest]);
        if parsed.authors.is_empty() && parsed.organisation.is_none() {
            return None;
        }
        return Some(parsed);
    }
    if let Some(parsed) = comma.and_then(|comma| credit_line(text, comma)) {
        return Some(parsed);
    }
    if !pipe {
        return None; // PIPE_DATE cannot match
    }
    let (name, tail) = pipe_date_captures(text)?;
    let tail = &text[tail];
    if crate::date::find(tail).is_none() && !tail.chars().any(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let parsed = names(&text[name]);
    (!parsed.authors.is_empty()).then_some(parsed)
}

/// What [`parse`]'s forms need of the text's bytes: [`may_be_by`], where
/// the first comma stands, and whether it has a bar or a bullet ("Ana
/// Ruiz | 3 May 2026"). A short text (a menu's "World News", most of the
/// lines asked about) is read in one pass, a byte's classes looked up in
/// a table, where the three searches had each cost a call; a longer one
/// by the searches, which jump over its bytes.
fn gates(text: &str) -> (bool, Option<usize>, bool) {
    let b = text.as_bytes();
    // [`may_be_by`] reads the first 42 chars: all of a text this short.
    if b.len() > 42 {
        // A bar, or a bullet (E2 80 A2) found by its last byte, in one
        // search where two had each read the whole paragraph.
        let bar = memchr::memchr2_iter(b'|', 0xa2, b)
            .any(|i| b[i] == b'|' || b[..i].ends_with(&[0xe2, 0x80]));
        return (may_be_by(text), memchr::memchr(b',', b), bar);
    }
    let (mut by, mut comma, mut bar) = (false, None, false);
    let mut prev = 0;
    for (i, &x) in b.iter().enumerate() {
        let class = GATE_BYTES[usize::from(x)];
        if class != 0 {
            by |= class & GATE_Y != 0 && prev & GATE_B != 0;
            if class & GATE_COMMA != 0 && comma.is_none() {
                comma = Some(i);
            }
            // A bullet is E2 80 A2: its first byte, then the two after it.
            bar |= class & GATE_BAR != 0
                || (class & GATE_E2 != 0 && b[i + 1..].starts_with(&[0x80, 0xa2]));
        }
        prev = class;
    }
    (by, comma, bar)
}

/// The classes of [`GATE_BYTES`]: a "b" or a "y" in either case, a comma,
/// a bar, and the first byte of a bullet.
const GATE_B: u8 = 1;
const GATE_Y: u8 = 2;
const GATE_COMMA: u8 = 4;
const GATE_BAR: u8 = 8;
const GATE_E2: u8 = 16;

/// Each byte's classes for [`gates`] (0 for most).
static GATE_BYTES: [u8; 256] = {
    let mut t = [0; 256];
    t[b'b' as usize] = GATE_B;
    t[b'B' as usize] = GATE_B;
    t[b'y' as usize] = GATE_Y;
    t[b'Y' as usize] = GATE_Y;
    t[b',' as usize] = GATE_COMMA;
    t[b'|' as usize] = GATE_BAR;
    t[0xe2] = GATE_E2;
    t
};

/// [`parse`] as it counted the words first and then tried each form in
/// turn: its test's reference.
#[cfg(test)]
fn parse_words_first(text: &str) -> Option<Parsed> {
    if words_over(text, 30) {
        return None;
    }
    if may_be_staff(text) && is_staff(text) {
        return Some(Parsed::default());
    }
    if let Some((lead, rest)) = may_be_by(text).then(|| by_captures(text)).flatten() {
        let Some(rest) = rest else {
            return Some(Parsed::default());
        };
        let lead = lead.map_or("", |r| &text[r]);
        if lead.split_whitespace().nth(1).is_some() && crate::date::find(lead).is_none() {
            return None;
        }
        let parsed = names(&text[rest]);
        if parsed.authors.is_empty() && parsed.organisation.is_none() {
            return None;
        }
        return Some(parsed);
    }
    if let Some(parsed) =
        memchr::memchr(b',', text.as_bytes()).and_then(|comma| credit_line(text, comma))
    {
        return Some(parsed);
    }
    if !(text.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && (memchr::memchr(b'|', text.as_bytes()).is_some() || text.contains('•')))
    {
        return None;
    }
    let (name, tail) = pipe_date_captures(text)?;
    let tail = &text[tail];
    if crate::date::find(tail).is_none() && !tail.chars().any(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let parsed = names(&text[name]);
    (!parsed.authors.is_empty()).then_some(parsed)
}

/// Has `text` more than `n` words between white space
/// ([`crate::boilerplate::words_exceed`])? Not when it has `2n` bytes or
/// fewer: `n + 1` words take a byte each and a byte of white space between
/// each two. So a short block (a menu's item, a label) is never walked.
fn words_over(text: &str, n: usize) -> bool {
    text.len() > 2 * n && crate::boilerplate::words_exceed(text, n)
}

/// A credit line with no "By" (`comma`: where its first comma stands):
/// person names, then, after a comma, the
/// outlet or agency they write for or their job ("Jane Doe, The Daily
/// Ledger", "Jo Perrin and Sam Hale, Northern Wire Service", "Ana Ruiz,
/// night editor"). Every part after the names must be an outlet (an
/// organisation word or an acronym first) or a job, so that a title with a
/// comma ("Hale, the town that waited") stays a title.
fn credit_line(text: &str, comma: usize) -> Option<Parsed> {
    let (first, tail) = (&text[..comma], &text[comma + 1..]);
    // The end first: a paragraph ends like a sentence, and is turned down
    // without its words being counted.
    if crate::text::ends_like_sentence(text)
        || words_over(text, 12)
        || first.contains(['"', '\u{201c}', '\u{201d}', ':'])
    {
        return None;
    }
    let tail_ok = tail.split([',', ';']).map(str::trim).all(|part| {
        let (org, role, _) = part_words(part);
        // "Dana Holt, a harbour pilot": an apposition, not a credit.
        let first = part.split_whitespace().next().unwrap_or("");
        !part.is_empty()
            && !first.eq_ignore_ascii_case("a")
            && !first.eq_ignore_ascii_case("an")
            && part.split_whitespace().nth(6).is_none()
            && (org || role || part.split_whitespace().next().is_some_and(is_acronym))
    });
    if !tail_ok {
        return None;
    }
    let pieces = split_and(first.trim());
    let authors: Option<Vec<String>> = pieces.iter().map(|p| clean_name(p)).collect();
    let parsed = names(text);
    (authors.is_some_and(|a| a.len() == parsed.authors.len() && !a.is_empty())
        && (parsed.organisation.is_some() || parsed.role.is_some()))
    .then_some(parsed)
}

/// The endings of [`STAFF`].
const STAFF_ENDS: &[&str] = &[
    "staff",
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "team",
    "desk",
    "agencies",
];

/// A necessary condition for [`STAFF`]: the block ends in one of its words,
/// ignoring ASCII case. When the end is not all ASCII (where `(?i)` also
/// folds KELVIN SIGN and LONG S onto k and s) the regex decides.
fn may_be_staff(text: &str) -> bool {
    let b = text.as_bytes();
    // Each ending's last letter first: `| 0x20` lowers an ASCII letter and
    // makes no other byte one, and most lines end in none of these.
    let last = b.last().map_or(0, |&x| x | 0x20);
    (matches!(last, b'f' | b't' | b's' | b'r' | b'm' | b'k')
        && STAFF_ENDS.iter().any(|e| {
            b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        }))
        || (!b.is_ascii() && has_folding_letter(b))
}

/// Does `b` hold LONG S or KELVIN SIGN, the letters `(?i)` folds onto
/// ASCII ones? [`is_staff`] leaves only such a block without an ASCII
/// ending to the regex. Found by bytes few other chars have: LONG S
/// (C5 BF) by its first, KELVIN SIGN (E2 84 AA) by its second, with the
/// bytes around it compared. E2 opens every curly quote and dash ("the
/// ferry’s last run — at noon"), and a search for it stopped, and was
/// started again, at each of them in a paragraph.
fn has_folding_letter(b: &[u8]) -> bool {
    memchr::memchr2_iter(0xc5, 0x84, b).any(|i| {
        if b[i] == 0xc5 {
            b.get(i + 1) == Some(&0xbf)
        } else {
            i > 0 && b[i - 1] == 0xe2 && b.get(i + 1) == Some(&0xaa)
        }
    })
}

/// The [`may_be_staff`] that sent every block with a char outside ASCII
/// near its end on to [`is_staff`]: its test's reference, with which the
/// pair decides the same.
#[cfg(test)]
fn may_be_staff_by_tail(text: &str) -> bool {
    let b = text.as_bytes();
    let tail = &b[b.len().saturating_sub(14 * 4)..];
    !tail.is_ascii()
        || STAFF_ENDS.iter().any(|e| {
            b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        })
}

/// `STAFF.is_match(text)`, mostly by [`STAFF_OPEN`].
///
/// A match is a lead `(?:by\s+)?(?:our|the|a)?\s*`, a run of `[\w ]`
/// and the ending, which ends the block: the one [`STAFF_ENDS`] word the
/// block ends in, ignoring ASCII case (no such word ends another). The
/// ending is always found that way unless the block holds KELVIN SIGN or
/// LONG S, the only letters `(?i)` folds onto ASCII ones; then the block
/// less its ending has at most as many chars as the block.
///
/// The lead read greedily is the longest the pattern allows (no letter of
/// its words has another fold). When it stops before the ending, the run
/// after it lies inside the run of any match of the open pattern, so the
/// open pattern matches with it too, and it is the shortest run a match can
/// have: STAFF matches when the open pattern does and that run has at most
/// 30 chars. Otherwise, when the block less its ending has at most 30
/// chars, no run is longer.
fn is_staff(text: &str) -> bool {
    let b = text.as_bytes();
    let ending = STAFF_ENDS
        .iter()
        .find(|e| b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes()))
        .map_or(0, |e| e.len());
    if ending == 0 && !text.contains(['\u{17f}', '\u{212a}']) {
        return false;
    }
    let chars = text.chars().count();
    if ending > 0 {
        let lead_bytes = staff_lead(text);
        let lead = text[..lead_bytes].chars().count();
        if lead + ending <= chars {
            return chars - lead - ending <= 30 && open_staff_run(text, lead_bytes, ending);
        }
    }
    crate::boilerplate::note_fallback();
    if chars - ending <= 30 {
        STAFF_OPEN.is_match(text)
    } else {
        STAFF.is_match(text)
    }
}

/// [`STAFF_OPEN`]`.is_match(text)` where the longest lead (`lead` bytes)
/// stops before the ending (`ending` bytes, ASCII): by the reasoning of
/// [`is_staff`], the open pattern matches when the run between them is all
/// `[\w ]` (`\w` as the regex crate reads it) and the ending starts a word
/// (`(?-u:\b)`: no ASCII word byte before it). Compiling the open pattern,
/// with its Unicode `\w`, cost a short article several million
/// instructions.
fn open_staff_run(text: &str, lead: usize, ending: usize) -> bool {
    let end = text.len() - ending;
    text[lead..end]
        .chars()
        .all(|c| c == ' ' || regex_syntax::is_word_character(c))
        && !text.as_bytes()[..end]
            .last()
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The bytes of the longest lead `(?:by\s+)?(?:our|the|a)?\s*` of `text`
/// (`\s` is Unicode White_Space, as `char::is_whitespace`).
fn staff_lead(text: &str) -> usize {
    let mut rest = text;
    let b = rest.as_bytes();
    if b.len() > 2
        && b[..2].eq_ignore_ascii_case(b"by")
        && rest[2..].starts_with(char::is_whitespace)
    {
        rest = rest[2..].trim_start_matches(char::is_whitespace);
    }
    if let Some(w) = ["our", "the", "a"].iter().find(|w| {
        rest.len() >= w.len() && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
    }) {
        rest = &rest[w.len()..];
    }
    rest = rest.trim_start_matches(char::is_whitespace);
    text.len() - rest.len()
}

/// A necessary condition for [`BY`]: "by" (either case; no other letter
/// folds onto b or y) starts within the first 41 chars, where the lead
/// `.{0,40}?\s` lets it start.
fn may_be_by(text: &str) -> bool {
    let b = text.as_bytes();
    // The first 42 chars end at byte 42 when those bytes are ASCII, and
    // take in the whole text when it has no more bytes; only otherwise
    // are they counted.
    let end = if b.len() <= 42 {
        b.len()
    } else if b[..42].is_ascii() {
        42
    } else {
        text.char_indices().nth(42).map_or(b.len(), |(i, _)| i)
    };
    // `| 0x20` lowers an ASCII letter and makes no other byte one.
    b[..end]
        .windows(2)
        .any(|w| w[0] | 0x20 == b'b' && w[1] | 0x20 == b'y')
}

/// The [`may_be_by`] that counted chars and compared each pair ignoring
/// case: its test's reference.
#[cfg(test)]
fn may_be_by_counted(text: &str) -> bool {
    let end = text.char_indices().nth(42).map_or(text.len(), |(i, _)| i);
    text.as_bytes()[..end]
        .windows(2)
        .any(|w| w.eq_ignore_ascii_case(b"by"))
}

/// A bare name line ("Ben Silverman", "Ana Ruiz 1 day ago"): a person's
/// name and perhaps a date after it. `strong` is true when something beside
/// the name (a date, a time, initials) says it is a byline on its own.
pub fn bare_name(text: &str) -> Option<(Parsed, bool)> {
    if words_over(text, 12) || !may_open_name(text) {
        return None;
    }
    bare_name_cut(text)
}

/// False when the first two words of `text` show it is no name before
/// its cut ([`cut`]) is found: a first word of ASCII letters that starts
/// in lower case, is a listed word ("The", "News") or is alone, or a
/// second that starts in lower case and is no particle, or is listed.
/// Before them, the first char past white space and the marks a name's
/// core is trimmed of must be upper case, in any script. Beyond that,
/// only words of ASCII letters between ASCII white space are judged: no
/// cut mark falls inside such a word, so the name [`clean_name`] reads
/// from the text before the cut holds each of them whole or not at all
/// (and then has fewer than two words). True where it cannot tell.
fn may_open_name(text: &str) -> bool {
    let b = text.as_bytes();
    let space = |x: u8| matches!(x, b'\t'..=b'\r' | b' ');
    let letters = |from: usize| {
        let n = b[from..]
            .iter()
            .take_while(|x| x.is_ascii_alphabetic())
            .count();
        // A word of letters alone: white space or the end after it.
        (n > 0 && b.get(from + n).is_none_or(|&x| space(x))).then_some(from + n)
    };
    let start = b.iter().take_while(|&&x| space(x)).count();
    // The name's first word starts with a capital: past white space and
    // the marks its core is trimmed of, the first char must be upper case
    // ("\u{25a1} Garden Notes" or "\u{e9}t\u{e9} Lune" is no name). A
    // cut before that char leaves a first word of marks alone, with an
    // empty core, which is no name either. Most menu lines of other
    // scripts are turned down here before their cut is searched.
    if !text[start..]
        .chars()
        .find(|&c| !c.is_whitespace() && !matches!(c, '(' | ')' | ',' | '"'))
        .is_some_and(char::is_uppercase)
    {
        return false;
    }
    match b.get(start) {
        Some(&x) if x >= 0x80 => return true, // maybe white space of more than one byte
        // A first word that opens with an ASCII mark or digit that
        // `clean_name` does not trim off ("| Home", "12 comments", "[Map]")
        // starts with no capital.
        Some(&x) if !x.is_ascii_alphabetic() && !matches!(x, b'(' | b')' | b',' | b'"') => {
            return false;
        }
        _ => {}
    }
    let Some(end0) = letters(start) else {
        return true;
    };
    let first = &text[start..end0];
    let listed = |w: &str| lower_is(w, |w| is_role_word(w) || is_org_word(w));
    if !first.as_bytes()[0].is_ascii_uppercase() || lower_is(first, is_not_name) || listed(first) {
        return false;
    }
    let next = end0 + b[end0..].iter().take_while(|&&x| space(x)).count();
    if next == b.len() {
        return false; // one word
    }
    if b[next] >= 0x80 {
        return true;
    }
    let Some(end1) = letters(next) else {
        return true;
    };
    let second = &text[next..end1];
    (second.as_bytes()[0].is_ascii_uppercase() || lower_is(second, is_particle)) && !listed(second)
}

/// [`bare_name`] less the gate [`may_open_name`]: the reference its
/// property test holds the gate to.
fn bare_name_cut(text: &str) -> Option<(Parsed, bool)> {
    let (head, strong) = bare_head(text)?;
    let name = clean_name(head)?;
    Some((
        Parsed {
            authors: vec![name],
            ..Parsed::default()
        },
        strong,
    ))
}

/// The part of a bare name line before its cut ([`cut`]), and whether
/// something after it (a date, a time) or a bracket in it makes the line
/// a byline on its own; `None` when the part cannot be a name (a comma in
/// it, a full stop at its end).
fn bare_head(text: &str) -> Option<(&str, bool)> {
    let head_end = cut(text);
    let head = text[..head_end].trim();
    if head.contains(',') || head.ends_with('.') {
        return None;
    }
    Some((head, head_end < text.len() || head.contains('(')))
}

/// Is `text` a bare name line that makes a byline: [`bare_name`] gives a
/// name that is `strong`, or `role_next()` (the line under it is a role
/// line)? The same answer as `bare_name(text).is_some_and(|(_, strong)|
/// strong || role_next())`, but the name is read last: a line with
/// nothing beside it (a menu's "Latest Stories") is turned down by the
/// line under it, without its words being judged one by one.
pub fn bare_byline(text: &str, role_next: impl FnOnce() -> bool) -> bool {
    if !may_be_bare_byline(text) {
        return false;
    }
    bare_head(text)
        .is_some_and(|(head, strong)| (strong || role_next()) && clean_name(head).is_some())
}

/// A necessary condition for [`bare_byline`] read off the first two words
/// and the word count: most lines are turned down by the words before a
/// long one's words are counted.
pub fn may_be_bare_byline(text: &str) -> bool {
    may_open_name(text) && !words_over(text, 12)
}

/// The last words of a role line ([`is_role_line`]), lower case.
const ROLE_ENDINGS: [&str; 14] = [
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "columnist",
    "contributor",
    "producer",
    "journalist",
    "critic",
    "photographer",
    "presenter",
    "staff",
    "analyst",
    "intern",
];

/// True when the block names a job and nothing else ("Games Editor",
/// "Harbour Post business reporter").
pub fn is_role_line(text: &str) -> bool {
    // The last word first, read from the end: most lines end in no
    // role's word and are turned down without their words being counted.
    // Compared ignoring ASCII case where the word was lowered: only the
    // KELVIN SIGN lowers to an ASCII letter ("k"), and no ending has one.
    let Some(last) = text.split_whitespace().next_back() else {
        return false;
    };
    let core = last.trim_matches(|c: char| !c.is_alphanumeric());
    ROLE_ENDINGS.iter().any(|e| core.eq_ignore_ascii_case(e))
        && !crate::text::ends_like_sentence(text)
        // Seven words are enough to tell: a paragraph is no role line, and
        // is not split whole.
        && text.split_whitespace().nth(6).is_none()
}

/// [`is_role_line`] with its words collected and the last lowered: its
/// test's reference.
#[cfg(test)]
fn is_role_line_lowered(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(7).collect();
    !words.is_empty()
        && words.len() <= 6
        && !crate::text::ends_like_sentence(text)
        && words.last().is_some_and(|w| {
            let lower = w.to_lowercase();
            ROLE_ENDINGS.contains(&lower.trim_matches(|c: char| !c.is_alphanumeric()))
        })
}

/// [`BY`]'s lead and rest (`None` for a bare "By"), by hand where
/// [`forms::by_hand`] admits the text.
#[allow(clippy::type_complexity)]
fn by_captures(text: &str) -> Option<(Option<Range<usize>>, Option<Range<usize>>)> {
    if forms::by_hand(text) {
        return forms::by(text);
    }
    crate::boilerplate::note_fallback();
    let c = BY.captures(text)?;
    Some((c.get(1).map(|m| m.range()), c.get(2).map(|m| m.range())))
}

/// [`PIPE_DATE`]'s name and tail, by hand where [`forms::by_hand`] admits
/// the text.
fn pipe_date_captures(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    if forms::by_hand(text) {
        return forms::pipe_date(text);
    }
    crate::boilerplate::note_fallback();
    let c = PIPE_DATE.captures(text)?;
    Some((c.get(1)?.range(), c.get(2)?.range()))
}

/// Where [`CUT`]'s first match in `text` starts, or its end.
fn cut(text: &str) -> usize {
    if forms::by_hand(text) {
        forms::cut(text)
    } else {
        crate::boilerplate::note_fallback();
        CUT.find(text).map_or(text.len(), |m| m.start())
    }
}

/// Authors, role and organisation from what follows "By".
fn names(rest: &str) -> Parsed {
    let rest = forms::drop_lower_parens(&rest[..cut(rest)]);
    let mut out = Parsed::default();
    let mut names_done = false;
    for (i, part) in rest.split([',', ';']).enumerate() {
        let part = part.trim();
        let part = part
            .strip_prefix("and ")
            .or_else(|| part.strip_prefix("& "))
            .unwrap_or(part)
            .trim();
        if part.is_empty() {
            continue;
        }
        let (any_org, is_role, last_org) = part_words(part);
        let is_org = any_org || (i > 0 && part.split_whitespace().next().is_some_and(is_acronym));
        if !names_done && !(i > 0 && (is_org || is_role)) {
            let mut any = false;
            for piece in split_and(part) {
                if let Some(name) = clean_name(piece) {
                    out.authors.push(name);
                    any = true;
                }
            }
            if any || i == 0 {
                if !any && (is_org || is_role) {
                    if is_role && !is_org {
                        out.role.get_or_insert_with(|| part.to_string());
                    } else {
                        out.organisation.get_or_insert_with(|| part.to_string());
                    }
                }
                continue;
            }
        }
        names_done = true;
        // "BBC News" is an outlet, "Political Editor" a job: the last word decides.
        let last_is_org = last_org || part.split_whitespace().next().is_some_and(is_acronym);
        if is_role && !last_is_org && !(is_org && out.role.is_some()) {
            if out.role.is_none() {
                out.role = Some(part.to_string());
            } else if out.organisation.is_none() {
                out.organisation = Some(part.to_string());
            }
        } else if out.organisation.is_none() {
            out.organisation = Some(part.to_string());
        }
    }
    out
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// The names of a part split at " and ", " & " and " AND " ("Ana Ruiz and
/// Lee Moor"), each trimmed. Every separator opens with a space, and no two
/// open at the same one: the part is read once, from space to space, where
/// each piece had been searched for all three (a searcher set up for each,
/// some 250 instructions a search).
fn split_and(part: &str) -> Vec<&str> {
    let b = part.as_bytes();
    let mut pieces = Vec::new();
    let mut from = 0;
    for at in memchr::memchr_iter(b' ', b) {
        // A space inside the separator just taken opens none.
        if at < from {
            continue;
        }
        let rest = &b[at..];
        let len = [&b" and "[..], b" & ", b" AND "]
            .into_iter()
            .find(|sep| rest.starts_with(sep))
            .map_or(0, <[u8]>::len);
        if len > 0 {
            pieces.push(part[from..at].trim());
            from = at + len;
        }
    }
    pieces.push(part[from..].trim());
    pieces
}

/// [`split_and`] as it searched the rest for each separator in turn: its
/// test's reference.
#[cfg(test)]
fn split_and_searched(part: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = part;
    loop {
        let found = [" and ", " & ", " AND "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min();
        match found {
            Some((i, len)) => {
                pieces.push(rest[..i].trim());
                rest = &rest[i + len..];
            }
            None => {
                pieces.push(rest.trim());
                return pieces;
            }
        }
    }
}

/// `text` as a person's name, or `None` when it does not look like one.
/// Names in capitals are title-cased.
pub fn clean_name(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches(['.', ':']).trim();
    // Each word is judged as it is read, so that most texts (a headline,
    // "Read more", a sentence) are turned down at their first or second
    // word, with no list of all their words built first.
    let (mut count, mut capitals, mut last_lower) = (0, 0, false);
    for (i, t) in text.split_whitespace().enumerate() {
        if i == 5 || (i == 0 && lower_is(t, is_not_name)) {
            return None;
        }
        let core = t.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '"'));
        if core.is_empty() || core.bytes().any(|c| c.is_ascii_digit() || c == b'@') {
            return None;
        }
        if lower_is(core, |w| is_role_word(w) || is_org_word(w)) {
            return None;
        }
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        if capital {
            capitals += 1;
        } else if i == 0 || !lower_is(core, is_particle) {
            return None;
        }
        // A particle ("van", "de") stands between names, never last.
        last_lower = !capital;
        if !core
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        {
            return None;
        }
        count = i + 1;
    }
    if count < 2 || last_lower || capitals < 2 {
        return None;
    }
    let mut name = String::with_capacity(text.len());
    for (i, t) in text.split_whitespace().enumerate() {
        if i > 0 {
            name.push(' ');
        }
        name.push_str(t);
    }
    Some(if is_all_caps(&name) {
        title_case(&name)
    } else {
        name
    })
}

/// The [`clean_name`] that collected every word first: the reference its
/// property test holds it to.
#[cfg(test)]
fn clean_name_collected(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches(['.', ':']).trim();
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if !(2..=5).contains(&tokens.len()) {
        return None;
    }
    if lower_is(tokens[0], is_not_name) {
        return None;
    }
    let mut capitals = 0;
    for (i, t) in tokens.iter().enumerate() {
        let core = t.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '"'));
        if core.is_empty() || core.chars().any(|c| c.is_ascii_digit() || c == '@') {
            return None;
        }
        if lower_is(core, |w| is_role_word(w) || is_org_word(w)) {
            return None;
        }
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        if capital {
            capitals += 1;
        } else if i == 0 || i == tokens.len() - 1 || !lower_is(core, is_particle) {
            return None;
        }
        if !core
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        {
            return None;
        }
    }
    if capitals < 2 {
        return None;
    }
    let name = tokens.join(" ");
    Some(if is_all_caps(&name) {
        title_case(&name)
    } else {
        name
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn authors(text: &str) -> Vec<String> {
        parse(text).map(|p| p.authors).unwrap_or_default()
    }

    #[test]
    fn by_forms() {
        assert_eq!(authors("By Jacob Paul"), ["Jacob Paul"]);
        assert_eq!(
            authors("By Jane Doe and John Roe"),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(authors("BY JANE DOE"), ["Jane Doe"]);
        assert_eq!(authors("Words by Jane Doe"), ["Jane Doe"]);
        assert_eq!(
            authors("by Ana Ruiz (reporting) and Tom Bell (photography)"),
            ["Ana Ruiz", "Tom Bell"]
        );
        assert_eq!(
            authors("By STEVEN DOE SMITH JULY 29, 2016"),
            ["Steven Doe Smith"]
        );
        assert_eq!(authors("Jane Doe | 25 November 2026"), ["Jane Doe"]);
        assert_eq!(authors("by Lucas Moor22 Dec 2016651"), ["Lucas Moor"]);
        assert_eq!(
            authors("By Jane Doe, Tom Bell and Sam Lee"),
            ["Jane Doe", "Tom Bell", "Sam Lee"]
        );
    }

    #[test]
    fn roles_and_outlets_are_not_authors() {
        let p = parse("By Jane Doe, Political Editor").unwrap();
        assert_eq!(p.authors, ["Jane Doe"]);
        assert_eq!(p.role.as_deref(), Some("Political Editor"));
        let p = parse("By Sam Lee, BBC News").unwrap();
        assert_eq!(p.authors, ["Sam Lee"]);
        assert_eq!(p.organisation.as_deref(), Some("BBC News"));
        assert_eq!(
            authors("By Nia Cole, Senior Field Archivist, Tamsin Maps, Charts, and Soundings Unit"),
            ["Nia Cole"]
        );
        assert_eq!(parse("Our Foreign Staff"), Some(Parsed::default()));
        assert!(authors("3/14/2019 9:42 AM EST BY HARBOUR DESK STAFF").is_empty());
    }

    #[test]
    fn credit_lines_name_authors_and_outlet() {
        let p = parse("Jane Doe, The Northern Press").unwrap();
        assert_eq!(p.authors, ["Jane Doe"]);
        assert_eq!(p.organisation.as_deref(), Some("The Northern Press"));
        assert_eq!(
            authors("Jo Perrin and Sam Hale, The Harbour Press"),
            ["Jo Perrin", "Sam Hale"]
        );
        let p = parse("Ana Ruiz, Evening Hour producer").unwrap();
        assert_eq!(p.authors, ["Ana Ruiz"]);
        assert_eq!(p.role.as_deref(), Some("Evening Hour producer"));
        // A title with a comma, a sentence, a place: no byline.
        assert_eq!(parse("Hale, the town that waited"), None);
        assert_eq!(parse("Jane Doe, The Northern Press, said so."), None);
        assert_eq!(parse("Maple Creek, Saskatchewan"), None);
        assert_eq!(parse("Dana Holt, a Harbour Press company"), None);
        assert_eq!(parse("Storm hits coast, Weather Service says"), None);
    }

    #[test]
    fn sentences_are_not_bylines() {
        assert_eq!(parse("The bridge was built by the council in 1990."), None);
        assert_eq!(parse("Prices rose by 5% last year"), None);
    }

    /// The gates never turn away a block their regex matches.
    #[test]
    fn gates_never_reject_a_match() {
        let mut blocks = crate::segment::fixture_blocks();
        blocks.extend(
            [
                "Our Foreign Staff",
                "by the news desk",
                "BY AGENCIES",
                "The Washington Post team",
                "By Jane Doe",
                "by",
                "BY",
                "Words and pictures by Jo Bell",
                "3/14/2019 9:42 AM EST BY HARBOUR DESK STAFF",
                "A very long lead of forty characters!! by Jane Doe",
                "A very long lead of forty characters!!! by Jane Doe",
                "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9} by Jane Doe",
                "our \u{17f}taff",
                "news de\u{212a}",
                "Jane Doe | 25 November 2026",
                "Jane Doe \u{2022} 25 November 2026",
            ]
            .map(String::from),
        );
        let (mut staff, mut by, mut pipe) = (0, 0, 0);
        for b in &blocks {
            if STAFF.is_match(b) {
                staff += 1;
                assert!(may_be_staff(b), "STAFF {b:?}");
            }
            if BY.is_match(b) {
                by += 1;
                assert!(may_be_by(b), "BY {b:?}");
            }
            if PIPE_DATE.is_match(b) {
                pipe += 1;
                assert!(
                    b.as_bytes()[0].is_ascii_uppercase() && b.contains(['|', '\u{2022}']),
                    "PIPE_DATE {b:?}"
                );
            }
        }
        assert!(staff >= 3 && by >= 10 && pipe >= 2, "{staff} {by} {pipe}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        /// Staff lines of every length around the bound of their run.
        #[test]
        fn open_staff_matches_like_bounded(
            text in crate::testing::joined(
                vec![
                    "by ", "BY", "by\t", "our ", "Our", "the ", "a ", "a", " ", "  ", "\t",
                    "\u{a0}", "Foreign ", "news ", "abcdefghij", "\u{e9}", "\u{17f}", "_", "-",
                    "staff", "STAFF", "team", "agencies", "gencies", "reporters", "reporter",
                    "correspondents", "desk", "ou", "by\u{a0}", "\u{2003}", "\u{85}", "des\u{212a}",
                    "\u{17f}taff", "\u{201d}", "The", "A", "\u{663}", "e\u{301}", "\u{2019}",
                    "9", "x-", "\u{5d0}", "\u{200d}",
                ],
                0..16,
            )
        ) {
            prop_assert_eq!(STAFF.is_match(&text), is_staff(&text), "{:?}", text);
        }
    }

    #[test]
    fn open_staff_on_blocks() {
        let mut blocks = crate::segment::fixture_blocks();
        let words = "by the way our new foreign news and politics";
        for lead in ["", "By ", "by  the ", "Our ", "a", "\u{e9} "] {
            for n in [0, 10, 25, 26, 27, 30, 31, words.len()] {
                for end in [" staff", " team", "agencies", " Reporters", " de\u{212a}"] {
                    blocks.push(format!("{lead}{}{end}", &words[..n]));
                }
            }
        }
        let (mut matched, mut open_only) = (0, 0);
        for b in &blocks {
            matched += usize::from(STAFF.is_match(b));
            open_only += usize::from(STAFF_OPEN.is_match(b) && !STAFF.is_match(b));
            assert_eq!(STAFF.is_match(b), is_staff(b), "{b:?}");
        }
        assert!(matched > 30 && open_only > 5, "{matched} {open_only}");
    }

    /// A word list and the test that replaced its lookups.
    type ListTest = (&'static [&'static str], fn(&[u8]) -> bool);

    /// Every word list with its test.
    const LISTS: [ListTest; 4] = [
        (ROLE_WORDS, is_role_word),
        (ORG_WORDS, is_org_word),
        (PARTICLES, is_particle),
        (NOT_NAMES, is_not_name),
    ];

    /// Each list's test matches exactly its words: all of them, and none
    /// of the words one byte off.
    #[test]
    fn word_tests_are_the_lists() {
        for (list, is) in LISTS {
            for w in list {
                assert!(is(w.as_bytes()), "{w}");
                assert!(w.len() <= LONGEST_LISTED, "{w}");
                assert_eq!(w.to_lowercase(), *w);
                let mut near = vec![w[1..].to_string(), format!("{w}s"), w.to_uppercase()];
                near.push(format!("{}x", &w[..w.len() - 1]));
                for n in near {
                    assert_eq!(is(n.as_bytes()), list.contains(&n.as_str()), "{n}");
                }
            }
            assert!(!is(b""));
        }
    }

    /// The list words and their pieces, in either case, with the letters
    /// Unicode lowercases into ASCII and the marks that split words.
    fn listed_words() -> impl Strategy<Value = String> {
        let mut pieces: Vec<String> = ROLE_WORDS
            .iter()
            .chain(ORG_WORDS)
            .chain(PARTICLES)
            .chain(NOT_NAMES)
            .flat_map(|w| {
                [
                    w.to_string(),
                    w.to_uppercase(),
                    w[..w.len() / 2].to_string(),
                    // KELVIN SIGN lowercases to k; LONG S and DOTTED I do not
                    // lowercase into ASCII.
                    w.replace('k', "\u{212a}").replace('s', "\u{17f}"),
                    w.replace('k', "\u{212a}").replace('i', "\u{130}"),
                ]
            })
            .collect();
        pieces.extend(
            [
                " ",
                "-",
                "'",
                ".",
                "\u{212a}",
                "\u{130}",
                "\u{17f}",
                "\u{e9}",
                "\u{c9}",
                "K",
                "s",
                "x",
                "1",
                "\u{2019}",
                "abcdefghijklmnopq",
            ]
            .map(String::from),
        );
        crate::testing::joined(pieces, 0..4)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn lower_is_is_the_list_lookup(w in listed_words()) {
            let lower = w.to_lowercase();
            for (list, is) in LISTS {
                prop_assert_eq!(lower_is(&w, is), list.contains(&lower.as_str()), "{:?}", w);
            }
        }

        #[test]
        fn part_words_are_the_lowercase_split(w in listed_words()) {
            let lower = w.to_lowercase();
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let expected = (
                words.iter().any(|w| ORG_WORDS.contains(w)),
                words.iter().any(|w| ROLE_WORDS.contains(w)),
                words.last().is_some_and(|w| ORG_WORDS.contains(w)),
            );
            prop_assert_eq!(part_words(&w), expected, "{:?}", w);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Names, particles, listed words, capitals, digits, brackets and
        /// white space of every kind, one to seven words.
        #[test]
        fn clean_name_is_the_collected_one(
            text in crate::testing::joined(
                vec![
                    "Ana ", "Ruiz", "ANA ", "RUIZ ", "van ", "de ", "la ", "von", "O\u{2019}Neil ",
                    "Jean-Luc ", "J. ", "Mc", "(Bo) ", "\"Kit\" ", "Editor ", "News ", "the ",
                    "By ", "Staff", "a2 ", "x@y ", "\u{c9}mile ", "\u{e9}t\u{e9} ", " ", "  ",
                    "\t", "\u{a0}", "\u{2003}", ".", ":", ",", "(", ")", "\"", "\u{17f}", "\u{212a}",
                    "Lee", "Kim ", "\u{3b1}", "\u{663}", "-", "'",
                ],
                0..9,
            )
        ) {
            prop_assert_eq!(clean_name(&text), clean_name_collected(&text), "{:?}", text);
        }
    }

    /// The capital gate turns down lines whose first char is no capital
    /// in any script, before their cut is searched, and passes names.
    #[test]
    fn may_open_name_wants_a_capital_first() {
        for t in [
            "\u{25a1} Garden Notes",
            "\u{e9}t\u{e9} Lune",
            "\u{bd84}\u{c57c} Moru",
            "\u{2003}\u{3b1}lma Tor",
            "( \u{2606} Wren Hale",
            "\"\"",
        ] {
            assert!(!may_open_name(t), "{t:?}");
            assert_eq!(bare_name_cut(t), None, "{t:?}");
        }
        for t in [
            "\u{c9}mile Rouen",
            "\u{2003}\u{391}lma Tor",
            "(\"Wren Hale\")",
        ] {
            assert!(may_open_name(t), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Names, listed words, particles, cut marks and white space.
        #[test]
        fn may_open_name_turns_down_no_name(
            text in crate::testing::joined(
                vec![
                    "Ana ", "Ruiz", "Lee", "van ", "de", "the ", "The ", "Our ", "News ", "editor",
                    "Editor ", "today ", "Monday", "Jan 5", " ", "  ", "\t", "\n", "\u{a0}", "|",
                    "3", "@x", " - ", "\u{2014}", ",", ".", "(", "\"", "Mc", "O\u{2019}", "\u{c9}",
                    "\u{17f}", "_", "x", "Bo", "by ", "[", "1.", "*", "-", ")", "'", "#",
                    "\u{25a1}", "\u{e9}", "\u{3b1}", "\u{391}", "\u{2003}", "\u{bd84}", "\u{130}",
                ],
                0..8,
            )
        ) {
            if !may_open_name(&text) {
                prop_assert_eq!(bare_name_cut(&text), None, "{:?}", text);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// The byline test of a bare name line reads the line under it
        /// first and decides as [`bare_name`] does; role lines are found
        /// without lowering their words; the length gate of the word
        /// count answers as the count.
        #[test]
        fn bare_bylines_and_role_lines_decide_like_their_references(
            text in crate::testing::joined(
                vec![
                    "Ana ", "Ruiz", "Lee", "van ", "de", "The ", "News ", "editor", "EDITOR",
                    "Editor ", "reporter.", "Staff", "(Reporter)", "today ", "Monday", "Jan 5",
                    " ", "  ", "\t", "\n", "\u{a0}", "|", "3", " - ", "\u{2014}", ",", ".",
                    "(", "\"", "\u{c9}", "\u{17f}", "\u{212a}", "\u{130}", "x", "Bo", "1.",
                    "-", "!", "\u{2019}", " and ", "and", " & ", "&", " AND ", "And ", " an",
                ],
                0..14,
            ),
            role in proptest::bool::ANY,
            n in 0usize..16,
        ) {
            let slow = bare_name(&text).is_some_and(|(_, strong)| strong || role);
            let mut asked = false;
            let fast = bare_byline(&text, || {
                asked = true;
                role
            });
            prop_assert_eq!(fast, slow, "{:?}", text);
            // The line under it is read only where the line cannot tell.
            if asked {
                prop_assert!(bare_name(&text).is_none_or(|(_, strong)| !strong));
            }
            prop_assert_eq!(is_role_line(&text), is_role_line_lowered(&text), "{:?}", text);
            prop_assert_eq!(split_and(&text), split_and_searched(&text), "{:?}", text);
            prop_assert_eq!(
                words_over(&text, n),
                text.split_whitespace().nth(n).is_some(),
                "{:?}",
                text
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// "by" in both cases around the 42nd char, after ASCII and
        /// longer chars; staff endings, curly quotes and folding letters.
        #[test]
        fn parse_decides_like_its_reference(
            text in crate::testing::joined(
                vec![
                    "By ", "by", "Jane", "Doe", " ", ", ", " and ", "Staff", "Our ", "desk",
                    " | ", "\u{2022}", "25 November 2026", "Harbour Post", "editor", "reporter",
                    "The ", "news ", "\u{e9}", "\u{17f}", "x", "AP", ".", " ferry ",
                ],
                0..48,
            )
        ) {
            prop_assert_eq!(parse(&text), parse_words_first(&text), "{:?}", text);
        }

        /// The one pass over a short text finds what the searches find,
        /// and a long text is searched as before.
        #[test]
        fn one_pass_gates_are_the_searches(
            text in crate::testing::joined(
                vec![
                    "by", "BY", "bY", "b", "y", "B", "Y", " ", ",", "|", "\u{2022}", "\u{2014}",
                    "\u{201c}", "\u{e2}", "\u{e9}", "Ana Ruiz", "x", "abcdefghij",
                    "\u{a2}", "\u{2122}", "\u{2032}", "\u{22}", "abcdefghijabcdefghij",
                ],
                0..24,
            )
        ) {
            let b = text.as_bytes();
            let searched = (
                may_be_by(&text),
                memchr::memchr(b',', b),
                memchr::memchr(b'|', b).is_some() || text.contains('\u{2022}'),
            );
            prop_assert_eq!(gates(&text), searched, "{:?}", text);
        }

        #[test]
        fn gates_decide_like_their_references(
            text in crate::testing::joined(
                vec![
                    "by", "BY", "bY", "b", "y", " ", "abcdefghij", "\u{e9}", "\u{201d}", "\u{2019}",
                    "\u{17f}", "\u{212a}", "\u{c5}", "\u{2084}", "\u{1f600}", "staff", "STAFF",
                    "\u{2104}", "\u{104}", "\u{212b}", "\u{17e}", "\u{144}", "\u{2122}",
                    "de\u{212a}", "team", "The ", "news ", "x",
                ],
                0..24,
            )
        ) {
            prop_assert_eq!(may_be_by(&text), may_be_by_counted(&text), "{:?}", text);
            prop_assert_eq!(
                may_be_staff(&text) && is_staff(&text),
                may_be_staff_by_tail(&text) && is_staff(&text),
                "{:?}",
                text
            );
            prop_assert_eq!(
                has_folding_letter(text.as_bytes()),
                text.contains(['\u{17f}', '\u{212a}'])
            );
        }
    }

    #[test]
    fn bare_names() {
        assert_eq!(bare_name("Alex Moor 1 day ago").map(|p| p.1), Some(true));
        assert_eq!(
            bare_name("Ben Silva").map(|p| p.0.authors),
            Some(vec!["Ben Silva".to_string()])
        );
        assert_eq!(bare_name("Richard (R.J.) Eskin").map(|p| p.1), Some(true));
        assert_eq!(bare_name("Supported by"), None);
        for no in [
            "Read more",
            "The council met",
            "Share this",
            "Ana",
            "ana Ruiz",
            "Ana ruiz",
        ] {
            assert!(!may_open_name(no), "{no:?}");
        }
        for maybe in [
            "Ana Ruiz",
            "Ana van Ruiz",
            "ANA RUIZ",
            "Ana\u{a0}Ruiz",
            "(Ana) Ruiz",
        ] {
            assert!(may_open_name(maybe), "{maybe:?}");
        }
        assert!(is_role_line("Games Editor"));
        assert!(!is_role_line("The editor said so."));
    }
}
