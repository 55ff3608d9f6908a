//! Candidates without a cue: the subject of a quotation's sentence, an
//! organisation or document that opens its clause, and the bodies and role
//! phrases a short description stands for ("the agency", "the spokesman").

use super::*;

/// The subject of the sentence that holds `quote` (absolute span) in masked
/// paragraph `m` (absolute start `base`), for words no speech verb
/// attributes: the first "he"/"she" or name in the sentence before the quote
/// that is not after a preposition, else the first such name after it in the
/// same sentence ("Granting that Rusk was "…", Vell did hint"), else the
/// subject of an earlier sentence of the paragraph ("Brenn kept his
/// distance … "I'll back her anyway"").
pub(super) fn sentence_subject(
    reg: &Registry,
    input: &str,
    m: &str,
    base: usize,
    quote: Span,
    (prev_start, last_speaker): (usize, Option<usize>),
    toks: Option<Stretch<'_>>,
) -> Option<(Option<usize>, String)> {
    let (qs, qe) = (quote.start - base, quote.end - base);
    let ms = &reg.mentions;
    let written = |x: &Mention| fold(&m[x.start() - base..x.end() - base]);
    let mut s = sentence_start(m, qs);
    // A group that acts: "the crowd roared back "…"" (the rule needs a
    // group noun, whole: where the tokens show none, it need not run).
    if let Some((a, e)) = toks
        .is_none_or(|t| t.has_word_on(s..qs, list::GROUP_NOUN))
        .then(|| last_group_subject(&m[s..qs]))
        .flatten()
    {
        return Some((None, fold(&m[s + a..s + e])));
    }
    let mut end = qs;
    for sentence in 0..3 {
        let lo = ms.partition_point(|x| x.start() < base + s);
        let hi = ms.partition_point(|x| x.start() < base + end);
        let name = ms[lo..hi]
            .iter()
            .find(|x| !x.oblique() && x.end() <= base + end);
        // An organisation or a document that opens the clause: "The
        // Harbour Gazette lately printed a note that said …", "On its
        // website, the agency lists "…"", "The petition accuses …"; "It
        // added" after one.
        // (Where the main clause starts: read once for both rules below.)
        let c = clause_start(m, s, end);
        if let Some((a, b, np)) = opening_np_at(m, c, end) {
            let person_inside = ms[lo..hi]
                .iter()
                .any(|x| x.start() >= base + a && x.start() < base + b);
            if !person_inside {
                match np {
                    Np::Body => return Some((None, fuller_body(input, base + a, &m[a..b]))),
                    Np::It if s > 0 => {
                        let ps = sentence_start(m, s - 1);
                        if let Some((a, b, Np::Body)) = opening_np(m, ps, s) {
                            return Some((None, fuller_body(input, base + a, &m[a..b])));
                        }
                    }
                    Np::It => {}
                }
            }
        }
        // A role or a description of someone in the story opening the
        // clause: "The former harbour master opened her talk …".
        if m[c..end].starts_with("The ") && name.is_none_or(|x| x.start() - base > c) {
            let words: SmallVec<[&str; 7]> = m[c..end].split_whitespace().take(7).collect();
            // (Each phrase's `usable`, read in one pass over the words.)
            let usable = usable_prefixes(&words);
            for n in (2..=words.len()).rev() {
                if !usable[n] {
                    continue;
                }
                let phrase = words[..n].join(" ");
                let at = base + c;
                let id = resolve(reg, &phrase, at, base, prev_start, last_speaker).or_else(|| {
                    is_epithet(&phrase)
                        .then(|| antecedent(reg, None, at, base, prev_start, last_speaker))
                        .flatten()
                });
                if let Some(id) = id {
                    return Some((Some(id), phrase));
                }
            }
        }
        // A pronoun that stands before any name: "She expected that …".
        let limit = name.map_or(end, |x| x.start() - base);
        if let Some((at, word, g)) = first_he_she(m, s, limit) {
            let id = antecedent(reg, Some(g), base + at, base, prev_start, last_speaker)?;
            return Some((Some(id), word.to_string()));
        }
        if let Some(x) = name {
            // "Ola Brenn and Tom Vell, found …": joint speakers.
            if let Some(end) = joint_names(m, x.end() - base) {
                return Some((None, fold(&m[x.start() - base..end])));
            }
            return Some((Some(x.person()), written(x)));
        }
        if sentence == 0 {
            let e = sentence_end(m, qe).max(qe);
            let lo = ms.partition_point(|x| x.start() < base + qe);
            let hi = ms.partition_point(|x| x.start() < base + e);
            if let Some(x) = ms[lo..hi].iter().find(|x| !x.oblique()) {
                return Some((Some(x.person()), written(x)));
            }
        }
        if s == 0 {
            break;
        }
        end = s;
        s = sentence_start(m, s - 1);
    }
    None
}

/// The first word "he", "He", "she" or "She" in `m[s..limit]` (a word: a
/// run of alphanumeric characters, the slice's ends bounding it): its
/// offset in `m`, the word and its gender. In "Then she, the one who" it is
/// "she" at 5; "shed" and "the" hold none. Read byte by byte: each of the
/// words opens with an ASCII letter, so only a character next to one of
/// those letters is decoded.
fn first_he_she(m: &str, s: usize, limit: usize) -> Option<(usize, &str, Gender)> {
    let b = m.as_bytes();
    let word_char_before = |i: usize| match b[i - 1] {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        _ => m[s..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    };
    let word_char_at = |j: usize| match b[j] {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        _ => m[j..limit]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric),
    };
    let mut i = s;
    while i < limit {
        let (len, g) = match b[i] {
            b'h' | b'H' => (2, Gender::Male),
            b's' | b'S' => (3, Gender::Female),
            // (A masked quotation, passed eight bytes at a time.)
            b'_' => {
                i = underscores_end(b, i).min(limit);
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let j = i + len;
        if j <= limit
            && b[j - 1] == b'e'
            && (len == 2 || b[i + 1] == b'h')
            && (i == s || !word_char_before(i))
            && (j == limit || !word_char_at(j))
        {
            return Some((i, &m[i..j], g));
        }
        i += 1;
    }
    None
}

/// "The Gazette" after "The Harbour Gazette", "Doe's office" after "Senator
/// Jane Doe's office": a short name of a body takes its fuller form written
/// earlier in the article (the nearest), if any.
pub(super) fn fuller_body(input: &str, at: usize, phrase: &str) -> String {
    let phrase = fold(phrase);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let tail = match words.as_slice() {
        ["The" | "the", head] if head.starts_with(char::is_uppercase) => Some(head.to_string()),
        [owner, _] if is_possessive_body(&phrase) && owner.starts_with(char::is_uppercase) => {
            Some(phrase.clone())
        }
        _ => None,
    };
    let Some(tail) = tail else {
        return phrase;
    };
    // (Within the 16 KB before: the lookup stays linear in the article
    // however many such quotes it holds.)
    let window = &input[floor(input, at.saturating_sub(16 * 1024))..at];
    match body_names(window, &tail).last() {
        Some((s, e)) => fold(&window[s..e]),
        None => phrase,
    }
}

/// The fuller names of a body ending in `tail` (folded: words with one
/// space between) in `h`, as (start, end), one after another: an optional
/// "the", one to four capitalised words (`TOK`), then `tail`'s words, each
/// gap a run of spaces and tabs or one line break ("The Harbour\nGazette",
/// not across a blank line), and a word boundary after. Exactly the matches
/// of this pattern, in order (`tests::body_names_match_their_regex` checks
/// it against the regex):
///
/// ```text
/// (?:[Tt]he GAP)? TOK (?:GAP TOK){0,3} GAP TAIL (?-u:\b)
/// GAP = (?:[ \t]+|[ \t]*\r?\n[ \t]*)      TAIL = tail, each ' ' read as GAP
/// ```
///
/// The regex was compiled once per phrase: about half the CPU time on real
/// articles. This reads words instead. A gap is a whole run of spaces, tabs,
/// CRs and LFs (each part of the pattern starts and ends with other
/// characters), so each `TOK` after the first is a whole word, and the first
/// is the longest end of a word that is one ("mcGazette" gives "Gazette");
/// "the" may end a word ("bathe"). A match starts at the first place one can,
/// with "the" before without; more words are taken before fewer ("Harbour
/// Gazette Gazette" is read whole); the next match starts where one ends.
pub(super) fn body_names<'a>(
    h: &'a str,
    tail: &'a str,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let b = h.as_bytes();
    let first = tail.split(' ').next().unwrap_or_default().as_bytes();
    debug_assert!(!tail
        .split(' ')
        .any(|w| w.is_empty() || w.contains(gap_char)));
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        // Every match holds the tail's first word at the start of a word,
        // so it starts at most five words (a "the" and four capitalised
        // words) before the first such place after `pos`.
        let f = tail_start(b, pos, first)?;
        let mut from = f;
        for _ in 0..5 {
            while from > pos && gap_byte(b[from - 1]) {
                from -= 1;
            }
            while from > pos && !gap_byte(b[from - 1]) {
                from -= 1;
            }
        }
        let mut ws = from;
        loop {
            while ws < b.len() && gap_byte(b[ws]) {
                ws += 1;
            }
            if ws > f {
                break;
            }
            let we = word_end(b, ws);
            if let Some(m) = match_in_word(h, ws, we, tail) {
                pos = m.1;
                return Some(m);
            }
            ws = we;
        }
        pos = word_end(b, f);
    })
}

/// The characters of a gap in a body's name.
fn gap_char(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn gap_byte(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// The end of the word at `i` (the first gap byte from there).
fn word_end(b: &[u8], i: usize) -> usize {
    b[i..]
        .iter()
        .position(|&c| gap_byte(c))
        .map_or(b.len(), |k| i + k)
}

/// The first place after `pos` where `first` starts, after a gap byte.
fn tail_start(b: &[u8], pos: usize, first: &[u8]) -> Option<usize> {
    let mut from = pos + 1;
    loop {
        let k = from + memchr::memmem::find(b.get(from..)?, first)?;
        if gap_byte(b[k - 1]) {
            return Some(k);
        }
        from = k + 1;
    }
}

/// `[ \t]+` or `[ \t]*\r?\n[ \t]*`: one line break at most.
fn one_gap(g: &[u8]) -> bool {
    let blank = |s: &[u8]| s.iter().all(|&c| c == b' ' || c == b'\t');
    match g.iter().position(|&c| c == b'\n') {
        None => !g.is_empty() && blank(g),
        Some(i) => {
            let before = g[..i].strip_suffix(b"\r").unwrap_or(&g[..i]);
            blank(before) && blank(&g[i + 1..])
        }
    }
}

/// The word after the one that ends at `e`, as (its gap is one gap, start,
/// end), if one follows.
fn next_word(b: &[u8], e: usize) -> Option<(bool, usize, usize)> {
    if !gap_byte(*b.get(e)?) {
        return None;
    }
    let ws = e + b[e..].iter().position(|&c| !gap_byte(c))?;
    Some((one_gap(&b[e..ws]), ws, word_end(b, ws)))
}

/// A character of `[\p{L}'’\-]`, the rest of a capitalised `TOK`.
fn tok_char(c: char, at: &str) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '\'' || c == '-'
    } else {
        c == '’' || non_ascii_letter(at)
    }
}

/// Is all of `s` one `TOK` (initials "J.R.", an abbreviation "Mrs.", or a
/// capitalised word)?
fn whole_tok(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    (b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.'))
        || s.strip_suffix('.')
            .is_some_and(|a| TOK_ABBREVIATIONS.contains(&a))
        || s[1..].char_indices().all(|(i, c)| tok_char(c, &s[1 + i..]))
}

/// The first place in `h[lo..we]` (the end of a word) from which the rest
/// of the word is one `TOK`.
fn first_tok_in(h: &str, lo: usize, we: usize) -> Option<usize> {
    let s = &h[lo..we];
    let b = s.as_bytes();
    // A capitalised word: the first capital in the longest end made of
    // `[\p{L}'’\-]`.
    let mut q = s.len();
    for (i, c) in s.char_indices().rev() {
        if !tok_char(c, &s[i..]) {
            break;
        }
        q = i;
    }
    let word = b[q..]
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|k| q + k);
    // Initials: the longest end made of capital-and-stop pairs.
    let mut j = b.len();
    while j >= 2 && b[j - 1] == b'.' && b[j - 2].is_ascii_uppercase() {
        j -= 2;
    }
    let initials = (j < b.len()).then_some(j);
    // An abbreviation with its stop.
    let abbreviation = s.strip_suffix('.').and_then(|stem| {
        TOK_ABBREVIATIONS
            .iter()
            .filter(|a| stem.ends_with(*a))
            .map(|a| stem.len() - a.len())
            .min()
    });
    [word, initials, abbreviation]
        .into_iter()
        .flatten()
        .min()
        .map(|p| lo + p)
}

/// The leftmost match that starts in the word `h[lo..we]`, if one does:
/// at its first `TOK` start, or at a "the" that ends it (first when both
/// start at one place).
fn match_in_word(h: &str, lo: usize, we: usize, tail: &str) -> Option<(usize, usize)> {
    let b = h.as_bytes();
    let tok = first_tok_in(h, lo, we);
    let the = (we >= lo + 3 && matches!(&b[we - 3..we], b"the" | b"The")).then(|| we - 3);
    let after_the = |p: usize| {
        let (one, ws, w1) = next_word(b, we)?;
        (one && whole_tok(&h[ws..w1]))
            .then(|| names_on(h, w1, tail))
            .flatten()
            .map(|e| (p, e))
    };
    let from_tok = |p: usize| names_on(h, we, tail).map(|e| (p, e));
    match (the, tok) {
        (Some(t), Some(p)) if p < t => from_tok(p).or_else(|| after_the(t)),
        (Some(t), p) => after_the(t).or_else(|| p.and_then(from_tok)),
        (None, p) => p.and_then(from_tok),
    }
}

/// After a first `TOK` ending at `e`: up to three more (as many as can be),
/// then the tail; the end of the match, if any.
fn names_on(h: &str, e: usize, tail: &str) -> Option<usize> {
    let b = h.as_bytes();
    let mut ends = [e; 4];
    let mut n = 1;
    while n < 4 {
        match next_word(b, ends[n - 1]) {
            Some((true, ws, we)) if whole_tok(&h[ws..we]) => {
                ends[n] = we;
                n += 1;
            }
            _ => break,
        }
    }
    ends[..n].iter().rev().find_map(|&e| match next_word(b, e) {
        Some((true, ws, _)) => tail_at(b, ws, tail),
        _ => None,
    })
}

/// The end of `tail` read from the word start `ws`, its words one gap
/// apart, the last followed by a word boundary.
fn tail_at(b: &[u8], mut ws: usize, tail: &str) -> Option<usize> {
    let mut words = tail.split(' ').peekable();
    while let Some(w) = words.next() {
        let e = ws + w.len();
        if !b[ws..].starts_with(w.as_bytes()) {
            return None;
        }
        if words.peek().is_none() {
            return (word_byte(b.get(e - 1)) != word_byte(b.get(e))).then_some(e);
        }
        match next_word(b, e) {
            Some((true, next, _)) => ws = next,
            _ => return None,
        }
    }
    None
}

/// "As the Lanterns played": a band, a team or a party known by one plural
/// name keeps the article it is written with.
pub(super) fn with_article(who: &str, name: String) -> String {
    let the = !name.contains(' ')
        && name.ends_with('s')
        && who
            .strip_suffix(name.as_str())
            .is_some_and(|w| w.ends_with("the ") || w.ends_with("The "));
    if the {
        format!("the {name}")
    } else {
        name
    }
}

/// "the email said" after "Rusk's office mailed out a note": a document
/// speaks for the body that opens an earlier sentence of its paragraph (up
/// to three back), when one does.
pub(super) fn issuing_body(m: &str, a: &Attribution) -> Option<String> {
    let mut words = a.who.split_whitespace();
    let document = match (words.next(), words.next(), words.next()) {
        (Some(det), Some(noun), None) => {
            DETERMINERS.contains(&Key::new(det).as_str())
                && DOCUMENTS.contains(&Key::new(noun).as_str())
        }
        _ => false,
    };
    if !document {
        return None;
    }
    let mut end = sentence_start(m, a.at);
    for _ in 0..3 {
        if end == 0 {
            break;
        }
        let s = sentence_start(m, end - 1);
        if let Some((x, y, Np::Body)) = opening_np(m, s, end) {
            let phrase = fold(&m[x..y]);
            if is_possessive_body(&phrase)
                || !DOCUMENTS.iter().any(|d| phrase.to_lowercase().ends_with(d))
            {
                return Some(phrase);
            }
        }
        end = s;
    }
    None
}

/// The last words of a newspaper's name ("… Herald").
const PAPERS: &str = "News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Chronicle|Register|Mail|Express|Guardian|Observer|Star|Inquirer|Examiner|Sun";
/// The last words of an agency's name ("… Bureau").
const AGENCIES: &str = "Department|Agency|Bureau|Administration|Service|Commission";
/// A newspaper's name: "The Harbour Herald" (what `body_name_at` reads
/// with `PAPERS`, kept as its specification).
#[cfg(test)]
static PAPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[Tt]he[ \t]+)?{TOK}(?:[ \t]+{TOK}){{0,3}}[ \t]+(?:{PAPERS})(?-u:\b)"
    ))
    .expect("paper name")
});
/// An agency's name: "the Water Bureau" (what `body_name_at` reads with
/// `AGENCIES`, kept as its specification).
#[cfg(test)]
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[Tt]he[ \t]+)?{TOK}(?:[ \t]+{TOK}){{0,3}}[ \t]+(?:{AGENCIES})(?-u:\b)"
    ))
    .expect("agency name")
});

/// "the tabloid" after "the Harbour Evening Star", "the agency" after "the
/// Fisheries Department": a generic noun for a kind of body stands for the
/// nearest body of that kind named in the 16 KB before, as written.
pub(super) fn named_body(input: &str, at: usize, who: &str) -> Option<String> {
    let words: Vec<String> = who.split_whitespace().map(lower_key).collect();
    let heads = match words.as_slice() {
        [the, noun] if the == "the" => match noun.as_str() {
            "tabloid" | "newspaper" | "paper" | "daily" => PAPERS,
            "agency" | "department" => AGENCIES,
            _ => return None,
        },
        _ => return None,
    };
    let from = floor(input, at.saturating_sub(16 * 1024));
    last_match_in_runs(heads, &input[from..at.min(input.len())]).map(fold)
}

/// The last match in `hay` of the name of a body that ends in one of the
/// `|`-separated `heads`, as `find_iter(hay).last()` finds it for
///
/// ```text
/// (?:[Tt]he[ \t]+)?TOK(?:[ \t]+TOK){0,3}[ \t]+(?:HEADS)(?-u:\b)
/// ```
///
/// (`PAPER`, `AGENCY`). Its matches hold only letters, `.`, `'`, `’`, `-`,
/// spaces and tabs, end in one of the `|`-separated `heads` at the start
/// of a word (after a space or tab), and hold at most six words with
/// spaces or tabs between (`PAPER`, `AGENCY`: "the", four `TOK`s, the
/// head). Any other character is a barrier no match crosses, so the
/// matches from the start of `hay` are the matches found run by run
/// between barriers; the runs are read from the end. In a run, each match
/// ends at a head and starts at most five words before it, so the pattern
/// runs only over the words around each head in turn, from where the last
/// match ended, each start tried in turn with [`body_name_at`]. (The
/// regexes cost some 40 M instructions to build and 6 M to run the first
/// time, on any article that names a paper or an agency.)
pub(super) fn last_match_in_runs<'h>(heads: &'h str, hay: &'h str) -> Option<&'h str> {
    let barrier =
        |c: char| !(c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | ' ' | '\t'));
    let mut end = hay.len();
    loop {
        let (start, next) = match hay[..end].char_indices().rev().find(|&(_, c)| barrier(c)) {
            Some((i, c)) => (i + c.len_utf8(), Some(i)),
            None => (0, None),
        };
        if let Some(m) = matches_in_run(heads, hay, start, end).last() {
            return Some(m);
        }
        end = next?;
    }
}

/// The end of the body's name that starts at byte `s` of `w` (see
/// [`last_match_in_runs`]), the first way the pattern matches there.
fn body_name_at(w: &cues::Who<'_>, s: usize, heads: &str) -> Option<usize> {
    let b = w.b;
    let blanks = |p: usize| {
        let n = b[p..]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        (n > 0).then_some(p + n)
    };
    let head = |p: usize| {
        heads
            .split('|')
            .find(|h| b[p..].starts_with(h.as_bytes()) && w.boundary(p + h.len()))
            .map(|h| p + h.len())
    };
    // `(?:[ \t]+TOK){i,3}[ \t]+HEADS`, more names first.
    fn names(
        w: &cues::Who<'_>,
        e: usize,
        i: usize,
        blanks: &dyn Fn(usize) -> Option<usize>,
        head: &dyn Fn(usize) -> Option<usize>,
    ) -> Option<usize> {
        let p = blanks(e)?;
        if i < 3 {
            if let Some(r) = w.tok(p, &mut |e2| names(w, e2, i + 1, blanks, head)) {
                return Some(r);
            }
        }
        head(p)
    }
    let body = |p: usize| w.tok(p, &mut |e| names(w, e, 0, &blanks, &head));
    let the = (b[s..].starts_with(b"The") || b[s..].starts_with(b"the"))
        .then(|| blanks(s + 3))
        .flatten();
    the.and_then(body).or_else(|| body(s))
}

/// The matches in `hay[start..end]`, a run between barriers (see
/// [`last_match_in_runs`]), one after another.
fn matches_in_run<'h>(
    heads: &'h str,
    hay: &'h str,
    start: usize,
    end: usize,
) -> impl Iterator<Item = &'h str> + 'h {
    let b = hay.as_bytes();
    let blank = |c: u8| c == b' ' || c == b'\t';
    // Back or on over `n` words from byte `p`, not past `lo` or `end`.
    let back = move |mut p: usize, lo: usize, n: usize| {
        for _ in 0..n {
            while p > lo && blank(b[p - 1]) {
                p -= 1;
            }
            while p > lo && !blank(b[p - 1]) {
                p -= 1;
            }
        }
        p
    };
    let on = move |mut p: usize, n: usize| {
        for _ in 0..n {
            while p < end && !blank(b[p]) {
                p += 1;
            }
            while p < end && blank(b[p]) {
                p += 1;
            }
        }
        while p < end && !blank(b[p]) {
            p += 1;
        }
        p
    };
    // The next word after a space or tab, from `p`, that starts with a head.
    let next_head = move |mut p: usize| {
        while p < end {
            let q = p + b[p..end].iter().position(|&c| blank(c))?;
            let w = q + 1;
            if w < end
                && !blank(b[w])
                && heads
                    .split('|')
                    .any(|h| b[w..end].starts_with(h.as_bytes()))
            {
                return Some(w);
            }
            p = w;
        }
        None
    };
    let mut pos = start;
    std::iter::from_fn(move || loop {
        let f = next_head(pos.max(start))?;
        let from = back(f, pos, 5);
        // Six words past the head and the character after them: every
        // match that starts by the head ends there, word boundary seen.
        let to = on(f, 6);
        let view = &hay[..hay[to..].chars().next().map_or(to, |c| to + c.len_utf8())];
        let who = cues::Who {
            t: view,
            b: view.as_bytes(),
        };
        let first = (from..=f)
            .filter(|&s| b[s].is_ascii_alphabetic())
            .find_map(|s| body_name_at(&who, s, heads).map(|e| (s, e)));
        match first {
            Some((s, e)) => {
                pos = e;
                return Some(&hay[s..e]);
            }
            None => pos = on(f, 0),
        }
    })
}

/// "the editorial board" after "the Harbour Ledger editorial board", "the
/// relief committee" after "the Lakeside Relief committee": a description
/// of a body (its head one of [`ORG_NOUNS`]) stands for the nearest earlier
/// mention of the same lower-case words after a capitalised name, which
/// names that body in full; the name as written, without "the". Looked
/// for in the 16 KB before `at`.
pub(super) fn body_by_its_name(input: &str, at: usize, who: &str) -> Option<String> {
    let words: Vec<&str> = who.split_whitespace().collect();
    let (det, rest) = words.split_first()?;
    if !det.eq_ignore_ascii_case("the")
        || rest.is_empty()
        || rest.len() > 3
        || !rest
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        || !ORG_NOUNS.contains(&rest[rest.len() - 1])
    {
        return None;
    }
    let words = rest.join(" ");
    let from = floor(input, at.saturating_sub(16 * 1024));
    let mut hay = &input[from..floor(input, at.min(input.len()))];
    // The nearest mention of the words, as a whole word, after a name.
    while let Some(i) = hay.rfind(words.as_str()) {
        let before = &hay[..i];
        hay = before;
        let after = input.as_bytes().get(from + i + words.len());
        if word_byte(after) || !before.ends_with([' ', '\t']) {
            continue;
        }
        // Up to four capitalised words just before.
        let mut name: Vec<&str> = before
            .split([' ', '\t'])
            .rev()
            .skip(1)
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| {
                        c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.' | '&')
                    })
            })
            .take(4)
            .collect();
        if name.is_empty() {
            continue;
        }
        name.reverse();
        if name[0] == "The" && name.len() > 1 {
            name.remove(0);
        }
        // The name must be more than a sentence's capitalised first word.
        if name[0] == "The" || has_key(&STOP_WORDS, name[0]) {
            return None;
        }
        return Some(fold(&format!("{} {words}", name.join(" "))));
    }
    None
}

/// What opens a clause, for [`opening_np`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Np {
    /// An organisation or a document ("The Harbour Gazette", "the agency",
    /// "The petition", "A new ferry guide").
    Body,
    /// "It", which stands for the body of the sentence before.
    It,
}

/// Nouns for written things that say what they contain.
#[cfg(test)]
pub(super) const DOC_NOUNS: &str = "statement|e-?mail|memo|letter|release|tweet|message|note|petition|lawsuit|suit|complaint|report|study|survey|poll|editorial|article|column|textbook|document|agreement|contract|filing|indictment|ruling|ad|advertisement|video|website|headline|summary|paper|motion|resolution|manifesto|proposal|transcript|piece";

/// A document phrase: what [`doc_np`] reads by hand, kept as its
/// specification.
#[cfg(test)]
pub(super) static DOC_NP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne)\s+(?:[\p{{L}}\-’']+\s+){{0,3}}?(?:{DOC_NOUNS})(?-u:\b)"
    ))
    .expect("document phrase")
});
/// A document noun alone: what [`DOC_WORDS`]`.contains` reads, kept as
/// its specification.
#[cfg(test)]
pub(super) static DOC_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:{DOC_NOUNS})$")).expect("document head"));
/// "conducted in February", "released on Monday" after a document noun:
/// what [`doc_dated`] reads by hand, kept as its specification.
#[cfg(test)]
pub(super) static DOC_DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:conducted|released|published|issued|filed|taken|carried out)\s+(?:in|on|last|this)\s+[\p{L}0-9]+(?:\s+[0-9]{1,4})?")
        .expect("document date")
});
/// What runs on from a document noun to the verb: an appositive between
/// commas, or a short participle phrase before a speech verb (what
/// [`doc_tail`] reads by hand, kept as its specification).
#[cfg(test)]
pub(super) static DOC_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<tail>,\s[^,;:]{{3,60}}|\s+(?:just\s+)?[a-z]+ed\s[^,;:]{{1,40}}?)(?:,\s+[a-z]|\s+(?:{VERB_RE})(?-u:\b))"
    ))
    .expect("document tail")
});
/// "from the centrist Harbour Institute" after a document noun: what
/// [`doc_source`] reads by hand, kept as its specification.
#[cfg(test)]
pub(super) static DOC_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s+(?:from|by|of)\s+(?:the\s+)?(?:[a-z][a-z\-]*\s+){{0,2}}(?P<org>{TOK}(?:\s+{TOK}){{0,4}})"
    ))
    .expect("document source")
});
/// A capitalised phrase: what [`caps_np`] reads by hand, kept as its
/// specification.
#[cfg(test)]
pub(super) static CAPS_NP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:[Tt]he\s+)?{TOK}(?:\s+{TOK}){{0,4}}")).expect("capitalised phrase")
});

/// The nouns of [`DOC_NOUNS`], spelt out.
pub(super) const DOC_WORDS: &[&str] = &[
    "statement",
    "email",
    "e-mail",
    "memo",
    "letter",
    "release",
    "tweet",
    "message",
    "note",
    "petition",
    "lawsuit",
    "suit",
    "complaint",
    "report",
    "study",
    "survey",
    "poll",
    "editorial",
    "article",
    "column",
    "textbook",
    "document",
    "agreement",
    "contract",
    "filing",
    "indictment",
    "ruling",
    "ad",
    "advertisement",
    "video",
    "website",
    "headline",
    "summary",
    "paper",
    "motion",
    "resolution",
    "manifesto",
    "proposal",
    "transcript",
    "piece",
];

/// The end of the participle that dates a document, at the start of `t`
/// (DOC_DATED), read by hand: white space, "conducted", "released",
/// "published", "issued", "filed", "taken" or "carried out", white space,
/// "in", "on", "last" or "this", white space, a run of letters and digits,
/// and, when they follow, white space and up to four digits: " released
/// on Monday" gives all of it.
pub(super) fn doc_dated(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let word_then_space = |p: usize, words: &[&str]| {
        words
            .iter()
            .filter(|w| t[p..].starts_with(**w))
            .find_map(|w| spaces_to(t, p + w.len()))
    };
    let p = spaces_to(t, 0)?;
    let p = word_then_space(
        p,
        &[
            "conducted",
            "released",
            "published",
            "issued",
            "filed",
            "taken",
            "carried out",
        ],
    )?;
    let p = word_then_space(p, &["in", "on", "last", "this"])?;
    let e = p + t[p..]
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c.is_alphabetic() && non_ascii_letter(&t[p + i..])))
        .map_or(t.len() - p, |(i, _)| i);
    if e == p {
        return None;
    }
    let year = spaces_to(t, e).and_then(|s| {
        let n = b[s..]
            .iter()
            .take(4)
            .take_while(|c| c.is_ascii_digit())
            .count();
        (n > 0).then_some(s + n)
    });
    Some(year.unwrap_or(e))
}

/// The end of the document phrase that opens `t` (DOC_NP), read by hand:
/// a determiner ("the", "a", "its", "one" …), white space, then as few
/// words of `[\p{L}\-’']` each with white space after it as will do (up to
/// three), and a noun of [`DOC_NOUNS`] ending at a word boundary: "A new
/// ferry report printed …" gives "A new ferry report". Two nouns never
/// both fit at one place (the longer would need a word byte where the
/// shorter needs none). (The regex and DOC_TAIL cost some 2 ms to build.)
pub(super) fn doc_np(t: &str) -> Option<usize> {
    // (A determiner with white space after it is the whole run of letters
    // that opens `t`: one look at that run, not a compare per determiner.)
    let b = t.as_bytes();
    let p = letters_end(b, 0);
    if !matches!(
        &t[..p],
        "The"
            | "the"
            | "An"
            | "an"
            | "A"
            | "a"
            | "Its"
            | "its"
            | "His"
            | "his"
            | "Her"
            | "her"
            | "Their"
            | "their"
            | "One"
            | "one"
    ) {
        return None;
    }
    let mut p = spaces_to(t, p)?;
    for words in 0..=3 {
        if let Some(n) = doc_word_at(b, p) {
            return Some(p + n);
        }
        if words == 3 {
            break;
        }
        let e = p + t[p..]
            .char_indices()
            .find(|&(i, c)| !tok_char(c, &t[p + i..]))
            .map_or(t.len() - p, |(i, _)| i);
        if e == p {
            return None;
        }
        p = spaces_to(t, e)?;
    }
    None
}

/// The end of the ASCII letters from byte `p` of `b`.
fn letters_end(b: &[u8], p: usize) -> usize {
    p + b[p..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count()
}

/// The length of the noun of [`DOC_WORDS`] at byte `p` of `b` that ends
/// at a word boundary (the first in the list's order). A noun of letters
/// only is the whole run of word bytes there, looked up once; one with a
/// hyphen ("e-mail") can only fit where a hyphen ends that run.
fn doc_word_at(b: &[u8], p: usize) -> Option<usize> {
    let e = crate::speakers::cues::word_end(b, p);
    if b.get(e) == Some(&b'-') {
        return doc_word_scan(b, p);
    }
    (e > p && WORDS.on(&b[p..e], list::DOC_WORD)).then_some(e - p)
}

/// [`doc_word_at`] read down the list: the specification it is held to.
fn doc_word_scan(b: &[u8], p: usize) -> Option<usize> {
    DOC_WORDS
        .iter()
        .find(|n| b[p..].starts_with(n.as_bytes()) && !word_byte(b.get(p + n.len())))
        .map(|n| n.len())
}

/// DOC_TAIL's `tail` group after a document noun, read by hand at the
/// start of `t`: its end. Either a comma, one white space character and
/// 3 to 60 characters other than `,;:` (as many as will do), or white
/// space, an optional "just", a small word in -ed, one white space
/// character and 1 to 40 characters other than `,;:` (as few as will
/// do); then a comma, white space and a small letter, or white space and
/// a speech verb (`verb_at`).
pub(super) fn doc_tail(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    // `(?:,\s+[a-z]|\s+(?:VERBS)(?-u:\b))` at `e`.
    let closes = |e: usize| {
        if b.get(e) == Some(&b',') {
            spaces_to(t, e + 1).is_some_and(|s| b.get(s).is_some_and(u8::is_ascii_lowercase))
        } else {
            spaces_to(t, e).is_some_and(|s| verb_at(t, s).is_some())
        }
    };
    // The ends after `lo..=hi` characters other than `,;:` from `p`.
    let ends = |p: usize, hi: usize| -> Vec<usize> {
        t[p..]
            .char_indices()
            .map(|(i, c)| (p + i + c.len_utf8(), c))
            .take_while(|&(_, c)| !matches!(c, ',' | ';' | ':'))
            .map(|(e, _)| e)
            .take(hi)
            .collect()
    };
    // One white space character at `p`: the end of it.
    if let Some(p) = t.strip_prefix(',').and_then(|_| cues::one_space_end(t, 1)) {
        let ends = ends(p, 60);
        if ends.len() >= 3 {
            if let Some(&e) = ends[2..].iter().rev().find(|&&e| closes(e)) {
                return Some(e);
            }
        }
    }
    let s = spaces_to(t, 0)?;
    // `[a-z]+ed\s[^,;:]{1,40}?` and the close at `q`.
    let participle = |q: usize| {
        let n = b[q..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        let e = q + n;
        if n < 3 || !b[q..e].ends_with(b"ed") {
            return None;
        }
        let p = cues::one_space_end(t, e)?;
        ends(p, 40).into_iter().find(|&e| closes(e))
    };
    t[s..]
        .starts_with("just")
        .then(|| spaces_to(t, s + 4))
        .flatten()
        .and_then(participle)
        .or_else(|| participle(s))
}

/// The body that issued a document, named after it: DOC_SOURCE's `org`
/// group, read by hand at the start of `t` — white space, "from", "by" or
/// "of", white space, an optional "the", up to two small words
/// (`[a-z][a-z\-]*`, each with white space after: as many as fit, then
/// fewer) and one to five `TOK`s ([`tok_run`]): " from the centrist
/// Harbour Institute put it" gives "Harbour Institute". Each part ends
/// before white space and the next opens with a letter, so white space is
/// taken whole. (The regex cost some 19 ms to build.)
pub(super) fn doc_source(t: &str) -> Option<std::ops::Range<usize>> {
    let w = cues::Who { t, b: t.as_bytes() };
    let p = spaces_to(t, 0)?;
    let q = ["from", "by", "of"]
        .iter()
        .filter(|x| t[p..].starts_with(**x))
        .find_map(|x| spaces_to(t, p + x.len()))?;
    // `(?:[a-z][a-z\-]*\s+){j,2}` and the `TOK`s from `p`.
    fn words(w: &cues::Who<'_>, p: usize, j: usize) -> Option<std::ops::Range<usize>> {
        if j < 2 {
            if let Some(r) = small_word_then_space(w.t, p).and_then(|s| words(w, s, j + 1)) {
                return Some(r);
            }
        }
        tok_run(w, p, 4).map(|e| p..e)
    }
    t[q..]
        .starts_with("the")
        .then(|| spaces_to(t, q + 3))
        .flatten()
        .and_then(|s| words(&w, s, 0))
        .or_else(|| words(&w, q, 0))
}

/// Where the word after the small word `[a-z][a-z\-]*` at byte `p` of `t`
/// and its white space starts, if one is there. (Giving back part of the
/// word never helps: white space must follow it.)
pub(super) fn small_word_then_space(t: &str, p: usize) -> Option<usize> {
    let b = t.as_bytes();
    if !b.get(p)?.is_ascii_lowercase() {
        return None;
    }
    let n = b[p + 1..]
        .iter()
        .take_while(|c| c.is_ascii_lowercase() || **c == b'-')
        .count();
    spaces_to(t, p + 1 + n)
}

/// The end of `\s+` from byte `p` of `t`, when white space is there.
pub(super) fn spaces_to(t: &str, p: usize) -> Option<usize> {
    let n = cues::space_len(&t[p..]);
    (n > 0).then_some(p + n)
}

/// `TOK(?:\s+TOK){0,more}` at byte `p` of `w` with nothing after it, as a
/// regex takes it: each `TOK` its first end in the regex's order (the
/// rest of the pattern accepts any end), and as many more as follow. Its
/// end.
pub(super) fn tok_run(w: &cues::Who<'_>, p: usize, more: usize) -> Option<usize> {
    w.tok(p, &mut |e| {
        let on = (more > 0)
            .then(|| spaces_to(w.t, e))
            .flatten()
            .and_then(|s| tok_run(w, s, more - 1));
        Some(on.unwrap_or(e))
    })
}

/// The end of the capitalised phrase that opens `t` (`CAPS_NP`: an
/// optional "the", then one to five `TOK`s with white space between, as
/// many as there are), read by hand: "The Harbour Gazette ran …" gives
/// "The Harbour Gazette"; "The cat" gives "The", a `TOK` itself. (The
/// regex cost some 19 ms to build, on the first article with a
/// quotation no cue attributes.)
pub(super) fn caps_np(t: &str) -> Option<usize> {
    let w = cues::Who { t, b: t.as_bytes() };
    let the = (t.starts_with("The") || t.starts_with("the"))
        .then(|| spaces_to(t, 3))
        .flatten();
    the.and_then(|s| tok_run(&w, s, 4))
        .or_else(|| tok_run(&w, 0, 4))
}

/// Words that open an introductory phrase ("On its website, …", "In 1991,
/// …", "Meanwhile, …") before the subject.
pub(super) const INTRO_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "before",
    "during",
    "when",
    "while",
    "as",
    "if",
    "although",
    "though",
    "because",
    "since",
    "meanwhile",
    "however",
    "still",
    "instead",
    "now",
    "then",
    "yet",
    "but",
    "and",
    "so",
    "also",
    "last",
    "this",
    "earlier",
    "later",
    "for",
    "with",
    "without",
    "despite",
    "according",
    "unlike",
    "like",
    "under",
    "from",
    "by",
    "over",
    "likewise",
    "similarly",
    "separately",
    "moreover",
    "furthermore",
    "indeed",
    "instead",
];

/// Where the main clause of `m[s..end]` starts: past white space, opening
/// marks and up to two introductory phrases that end in a comma ("On its
/// website, …", "In 1991, …", "Meanwhile, …").
pub(super) fn clause_start(m: &str, s: usize, end: usize) -> usize {
    let skip = |at: usize| {
        at + m[at..end].len()
            - m[at..end]
                .trim_start_matches(|c: char| c.is_whitespace() || crate::text::is_open_quote(c))
                .len()
    };
    let mut at = skip(s);
    for _ in 0..2 {
        // (A masked quotation that opens the clause is passed eight bytes
        // at a time: `_` is in no key, so the key of the rest of its word
        // is the word's key.)
        let from = underscores_end(m.as_bytes(), at).min(end);
        let rest = &m[from..end];
        let word = if from > at && rest.starts_with(char::is_whitespace) {
            ""
        } else {
            rest.split_whitespace().next().unwrap_or("")
        };
        let first = Key::new(word);
        let first = first.as_str();
        let intro = intro_word(first) || first.ends_with("ly");
        if !intro {
            break;
        }
        // (A comma within the first 81 bytes: the rest of the sentence need
        // not be read.)
        match m.as_bytes()[at..end.min(at + 81)]
            .iter()
            .position(|&b| b == b',')
        {
            Some(c) => at = skip(at + c + 1),
            None => break,
        }
    }
    at
}

/// The noun phrase that opens the main clause of `m[s..end]` when it names
/// an organisation or a document, or is "It": past up to two introductory
/// phrases that end in a comma, and only when a lower-case word (its verb,
/// or an adverb before it) follows. Byte range and kind.
pub(super) fn opening_np(m: &str, s: usize, end: usize) -> Option<(usize, usize, Np)> {
    opening_np_at(m, clause_start(m, s, end), end)
}

/// [`opening_np`] with the main clause's start, `at`, already found
/// (`clause_start(m, s, end)`).
fn opening_np_at(m: &str, at: usize, end: usize) -> Option<(usize, usize, Np)> {
    let t = &m[at..end];
    // Where the phrase starts in `t`: past a description before the name.
    let mut from = 0;
    let (len, np) = if t.starts_with("It ") {
        (2, Np::It)
    } else if let Some(name) = described_body(t) {
        // "The island ferry company Brightwater said": the body is the
        // name after its description.
        from = name.start;
        (name.end, Np::Body)
    } else if let Some(d) = doc_np(t) {
        // "a report from the centrist Harbour Institute put it this way":
        // the document speaks for the body that issued it.
        if let Some(o) = doc_source(&t[d..]) {
            let next = t[d + o.end..].split_whitespace().next().unwrap_or("");
            if next.starts_with(char::is_lowercase) && !matches!(next, "of" | "and" | "or") {
                let a = at + d + o.start;
                return Some((a, a + o.len(), Np::Body));
            }
        }
        // The whole subject up to its verb, as the article writes it: "One
        // such memo, seen by the Gazette, includes", "A new guide just
        // printed for ferry crews explains".
        let rest = &t[d..];
        (d + doc_tail(rest).unwrap_or(0), Np::Body)
    } else if let Some(body) = caps_np(t)
        .filter(|&e| may_own_body(t, 0, &t[..e]))
        .and_then(|e| owned_body_after(t, 0, &t[..e]))
    {
        // "Rusk's office mailed out a note": the body a person owns.
        let end = t.find(body.split_whitespace().last()?)? + body.split_whitespace().last()?.len();
        (end, Np::Body)
    } else if let Some(e) = caps_np(t) {
        let phrase = &t[..e];
        let parts = parse_run(phrase);
        let the = phrase.starts_with("The ") || phrase.starts_with("the ");
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let last = words.last().copied().unwrap_or("");
        let body = is_org_head(last)
            || (is_capitals(last) && words.len() <= 2)
            || (the && words.len() >= 2 && words[1..].iter().all(|w| !has_key(&STOP_WORDS, w)))
            || (parts.tokens.len() >= 2 && !plausible_name(&parts.tokens));
        if !body || parts.tokens.is_empty() {
            return None;
        }
        (e, Np::Body)
    } else {
        return None;
    };
    // A verb (or an adverb before it) follows: "… recently ran", "… lists".
    let next = t[len..]
        .trim_start_matches(',')
        .split_whitespace()
        .next()
        .unwrap_or("");
    let verbish = next.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            next,
            "of" | "in"
                | "at"
                | "from"
                | "to"
                | "for"
                | "with"
                | "by"
                | "on"
                | "and"
                | "or"
                | "who"
                | "which"
                | "that"
                | "whose"
        );
    verbish.then_some((at + from, at + len, np))
}

/// A description of a body ending in its kind, then the body's name: "The
/// island ferry company Brightwater", "the charity Harbour Aid" (what
/// [`described_body`] reads by hand, kept as its specification).
#[cfg(test)]
pub(super) static DESCRIBED_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[Tt]he|[Aa]n?)\s+(?:{TOK}\s+){{0,2}}(?:[a-z][a-z\-]*\s+){{0,3}}(?:{})\s+(?P<name>{TOK}(?:\s+{TOK}){{0,3}})",
        ORG_NOUNS.join("|")
    ))
    .expect("described body")
});

/// The name in a description of a body that opens `t` (DESCRIBED_BODY's
/// `name` group), read by hand: "the", "a" or "an", white space, up to two
/// `TOK`s and then up to three small words (`[a-z][a-z\-]*`), each with
/// white space after it (as many as fit, then fewer), one of
/// [`ORG_NOUNS`], white space and one to four `TOK`s ([`tok_run`]): "The
/// island ferry company Brightwater said" gives "Brightwater". A noun
/// must stand alone before white space, so one fits at most. (The regex
/// cost some 16 ms to build.)
pub(super) fn described_body(t: &str) -> Option<std::ops::Range<usize>> {
    let w = cues::Who { t, b: t.as_bytes() };
    // (A determiner, or a noun below, with white space after it is the
    // whole run of letters there: one look at that run.)
    let p = letters_end(w.b, 0);
    if !matches!(&t[..p], "The" | "the" | "An" | "an" | "A" | "a") {
        return None;
    }
    let p = spaces_to(t, p)?;
    // `(?:TOK\s+){i,2}` and the rest from `p`.
    fn names(w: &cues::Who<'_>, p: usize, i: usize) -> Option<std::ops::Range<usize>> {
        if i < 2 {
            let mut found = None;
            w.tok(p, &mut |e| {
                found = spaces_to(w.t, e).and_then(|s| names(w, s, i + 1));
                found.as_ref().map(|_| e)
            });
            if found.is_some() {
                return found;
            }
        }
        words(w, p, 0)
    }
    // `(?:[a-z][a-z\-]*\s+){j,3}`, the noun, white space and the name.
    fn words(w: &cues::Who<'_>, p: usize, j: usize) -> Option<std::ops::Range<usize>> {
        if j < 3 {
            if let Some(r) = small_word_then_space(w.t, p).and_then(|s| words(w, s, j + 1)) {
                return Some(r);
            }
        }
        let e = letters_end(w.b, p);
        if e == p || !WORDS.on(&w.b[p..e], list::ORG_NOUN) {
            return None;
        }
        let s = spaces_to(w.t, e)?;
        tok_run(w, s, 3).map(|e| s..e)
    }
    names(&w, p, 0)
}

/// Does a subject name someone known: a pronoun, a role phrase, or a name
/// the registry holds (by surname or a unique first name)?
pub(super) fn knows(reg: &Registry, w: &str) -> bool {
    let first = Key::new(w.split_whitespace().next().unwrap_or(""));
    let first = first.as_str();
    if PRONOUNS.contains(&first) || DETERMINERS.contains(&first) {
        return true;
    }
    parse_run(w).tokens.last().is_some_and(|last| {
        reg.by_surname(last, usize::MAX).is_some() || reg.by_first_name(last).is_some()
    })
}

/// Nouns for bodies that speak as one: "the department said" after "the
/// State Department", "His campaign said".
pub(super) const ORG_NOUNS: &[&str] = &[
    "department",
    "agency",
    "ministry",
    "committee",
    "commission",
    "council",
    "campaign",
    "company",
    "firm",
    "board",
    "government",
    "administration",
    "office",
    "bureau",
    "foundation",
    "institute",
    "university",
    "party",
    "union",
    "team",
    "club",
    "group",
    "organization",
    "organisation",
    "network",
    "charity",
    "hospital",
    "school",
    "court",
];

/// "His campaign said" → "the Rusk campaign": a body owned by a person
/// named through a possessive pronoun, called by that person's surname.
pub(super) fn owned_body(
    reg: &Registry,
    who: &str,
    at: usize,
    para_start: usize,
    prev_start: usize,
    last_speaker: Option<usize>,
) -> Option<String> {
    let mut words = who.split_whitespace();
    let (owner, noun) = (lower_key(words.next()?), words.next()?);
    if words.next().is_some() || !ORG_NOUNS.contains(&lower_key(noun).as_str()) {
        return None;
    }
    let gender = match owner.as_str() {
        "his" => Some(Gender::Male),
        "her" => Some(Gender::Female),
        _ => return None,
    };
    let person = antecedent(reg, gender, at, para_start, prev_start, last_speaker)?;
    let surname = reg.surname(person);
    let noun = lower_key(noun);
    // English names a campaign or an administration by the surname ("the
    // Rusk campaign"), an office by its holder ("Lena Rusk's office").
    if noun == "office" {
        return Some(format!("{}'s office", reg.canonical(person)));
    }
    (!surname.is_empty()).then(|| format!("the {surname} {noun}"))
}

/// Fuller forms of short role phrases: "the spokesman" said after "the
/// mayor's spokesman" was named, "the aide" after "A senior budget
/// committee aide". Found per head noun, each paragraph read once for it,
/// and only as far as the article is read: a head asked about in its
/// second paragraph does not read the fiftieth until a quotation there
/// asks too.
#[derive(Default)]
pub(super) struct RolePhrases {
    /// Head noun → (offset, phrase) of every determiner phrase with at
    /// least one modifier that ends in it, in document order, in the
    /// paragraphs read for it; and how many paragraphs those are.
    pub(super) by_head: WordMap<String, (Vec<(usize, String)>, usize)>,
    /// Whether the paragraphs are in document order (when they are not,
    /// every paragraph is read at once).
    sorted: Option<bool>,
}

impl RolePhrases {
    pub(super) fn fuller(
        &mut self,
        input: &str,
        paragraphs: &Spans,
        who: &str,
        at: usize,
    ) -> Option<&str> {
        let mut words = who.split_whitespace();
        let (det, head) = (words.next()?, words.next()?);
        let key = lower_key(head);
        if words.next().is_some()
            || !det.eq_ignore_ascii_case("the")
            || !(ROLE_NOUNS.contains(&key.as_str()) || ORG_NOUNS.contains(&key.as_str()))
        {
            return None;
        }
        let head = lower_key(head);
        // Every phrase before `at` lies in a paragraph that starts before
        // it (in document order).
        let sorted = *self
            .sorted
            .get_or_insert_with(|| paragraphs.iter().is_sorted());
        let upto = if sorted {
            paragraphs.partition_point(|p| p.start < at)
        } else {
            paragraphs.len()
        };
        let (found, read) = self.by_head.entry(head.clone()).or_default();
        if *read < upto {
            role_phrases_in(input, paragraphs, *read..upto, &head, found);
            *read = upto;
        }
        found
            .iter()
            .filter(|(pos, _)| *pos < at)
            .max_by_key(|(_, p)| p.len())
            .map(|(_, p)| p.as_str())
    }
}

/// The role phrases of `head` ([`RolePhrases`]) in every paragraph.
#[cfg(test)]
pub(super) fn role_phrases_for(
    input: &str,
    paragraphs: &Spans,
    head: &str,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    role_phrases_in(input, paragraphs, 0..paragraphs.len(), head, &mut out);
    out
}

/// The role phrases of `head` in paragraphs `range`, pushed onto `out`.
fn role_phrases_in(
    input: &str,
    paragraphs: &Spans,
    range: std::ops::Range<usize>,
    head: &str,
    out: &mut Vec<(usize, String)>,
) {
    // The five words before the one read, with their offsets (never the
    // paragraph's every word: a paragraph of a million words holds five).
    let mut before: std::collections::VecDeque<(usize, &str)> =
        std::collections::VecDeque::with_capacity(6);
    for p in range.map(|i| paragraphs.at(i)) {
        let text = p.of(input);
        before.clear();
        for w in text.split_whitespace() {
            let at = w.as_ptr() as usize - text.as_ptr() as usize;
            role_phrase_at(&before, (at, w), head, p.start, text, out);
            if before.len() == 5 {
                before.pop_front();
            }
            before.push_back((at, w));
        }
    }
}

/// The phrase of `head` ending at `word` (at `at` in `text`, which starts
/// at `base`), after the words `before` it, pushed onto `out`.
fn role_phrase_at<'t>(
    before: &std::collections::VecDeque<(usize, &'t str)>,
    (at, w): (usize, &'t str),
    head: &str,
    base: usize,
    text: &str,
    out: &mut Vec<(usize, String)>,
) {
    let bare = w.trim_end_matches([',', '.', ';', ':']);
    if !bare.eq_ignore_ascii_case(head) {
        return;
    }
    // Walk back over at most four modifiers to a determiner (the word just
    // before the head is a modifier, never a determiner itself: "a move
    // the company made" holds no phrase for "company" but "the company").
    let modifier = before.back().map(|&(_, w)| Lower::new(w)).is_some_and(|w| {
        !matches!(w.as_str(), "the" | "a" | "an" | "one" | "another")
            && !PHRASE_END.contains(&w.as_str())
    });
    if !modifier {
        return;
    }
    for back in 2..=5 {
        let Some(j) = before.len().checked_sub(back) else {
            break;
        };
        let (start, det) = before[j];
        let key = Lower::new(det);
        let key = key.as_str();
        if matches!(key, "the" | "a" | "an" | "one" | "another") {
            let end = at + bare.len();
            out.push((base + start, fold(&text[start..end])));
            break;
        }
        let ok = det
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
            && !PHRASE_END.contains(&key);
        if !ok {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    /// Paragraphs for the role phrases: determiners, modifiers, the heads
    /// asked about, marks.
    fn role_paragraphs() -> impl Strategy<Value = Vec<String>> {
        proptest::collection::vec(
            proptest::string::string_regex(
                "((the|The|a|harbour|chief|mayor's|spokesman|spokesman,|company|aide|said|\\.| |  ){0,12})",
            )
            .expect("role text"),
            1..6,
        )
    }

    proptest::proptest! {
        /// Paragraphs read for a head only as far as the place asked about
        /// give what reading every paragraph at once gave, whatever the
        /// order of the places asked about.
        #[test]
        fn role_phrases_read_as_far_as_asked_are_all_of_them(
            paragraphs in role_paragraphs(),
            asks in proptest::collection::vec((0usize..3, 0usize..400), 1..8),
        ) {
            let input = paragraphs.join("\n\n");
            let mut spans = Vec::new();
            let mut at = 0;
            for p in &paragraphs {
                spans.push(Span::new(at, at + p.len()));
                at += p.len() + 2;
            }
            let spans = Spans::of(input.len(), spans.into_iter());
            let mut phrases = RolePhrases::default();
            for (head, at) in asks {
                let who = ["the spokesman", "The company", "the aide"][head];
                let all = role_phrases_for(&input, &spans, &lower_key(&who[4..]));
                let want = all
                    .iter()
                    .filter(|(pos, _)| *pos < at)
                    .max_by_key(|(_, p)| p.len())
                    .map(|(_, p)| p.clone());
                let got = phrases.fuller(&input, &spans, who, at).map(str::to_string);
                proptest::prop_assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn a_body_description_stands_for_the_body_named_with_it_before() {
        let text = "A letter from the Harbour Ledger editorial board ran on Sunday. \
                    The editorial board writes that the port must reopen.";
        let opening = "The Harbour Ledger editorial board ran a letter. The editorial board writes";
        assert_eq!(
            body_by_its_name(opening, opening.len() - 26, "The editorial board").as_deref(),
            Some("Harbour Ledger editorial board")
        );
        let at = text.find("The editorial board writes").unwrap();
        assert_eq!(
            body_by_its_name(text, at, "The editorial board").as_deref(),
            Some("Harbour Ledger editorial board")
        );
        // Only a name before the same words: a lower-case modifier names no
        // body, nor does a sentence's first word.
        let plain = "The harbour company cut jobs. The company said it was sorry.";
        let at = plain.find("The company said").unwrap();
        assert_eq!(body_by_its_name(plain, at, "the company"), None);
        let opening = "The company cut jobs. Later the company said it was sorry.";
        let at = opening.find("the company said").unwrap();
        assert_eq!(body_by_its_name(opening, at, "the company"), None);
        // A person's description is not a body's.
        assert_eq!(body_by_its_name(text, at, "the rookie defender"), None);
    }

    /// The pattern `body_names` reads by hand, as it was compiled per phrase:
    /// the specification the hand reading is compared with.
    fn spec(tail: &str) -> Regex {
        let sep = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)";
        Regex::new(&format!(
            r"(?:[Tt]he{sep})?{TOK}(?:{sep}{TOK}){{0,3}}{sep}{}(?-u:\b)",
            regex::escape(tail).replace(' ', sep)
        ))
        .expect("spec")
    }

    fn check(h: &str, tail: &str, re: &Regex) {
        let want: Vec<(usize, usize)> = re.find_iter(h).map(|m| (m.start(), m.end())).collect();
        let got: Vec<(usize, usize)> = body_names(h, tail).collect();
        assert_eq!(got, want, "window {h:?}, tail {tail:?}");
    }

    /// Words and gaps that meet each part of the pattern and its edges:
    /// "the" ending a word, capitals inside a word, initials, abbreviations,
    /// letters outside ASCII, tails inside longer words, blank lines, CRs.
    const WORDS: &[&str] = &[
        "The",
        "the",
        "bathe",
        "Harbour",
        "Gazette",
        "Gazette",
        "Gazettes",
        "Gazette's",
        "mcGazette",
        "J.R.",
        "Doe's",
        "office",
        "THE",
        "Bathe",
        "Gazette-Post",
        "McHarbour",
        "J.",
        "xJ.R.",
        "J.R",
        "Mr.",
        "Mrs.",
        "xMrs.",
        "Mrs",
        "Dr.",
        "Jr.",
        "Rev.",
        "St.",
        "Élan",
        "Ölberg",
        "élan",
        "O’Neil",
        "O'Neil",
        "Doe",
        "Doe’s",
        "offices",
        "office,",
        "said",
        "a",
        "and",
        "Harbour,",
        "(Harbour",
        "\"Gazette",
        "Gazette.",
        "Gazette_x",
        "Gazette1",
        "Café",
        "Café's",
        "Zoë",
        "A",
        "B.",
        "X-ray",
        "-",
        "’",
        "Κόσμος",
        "Straße",
        "Gazette’",
    ];
    const GAPS: &[&str] = &[
        " ", " ", " ", "  ", "\t", " \t ", "\n", " \n ", "\r\n", "\t\r\n\t", "\n\n", " \n \n",
        "\r", " \r \n", "\r\r\n", "\u{a0}", "\x0c", "", ", ", ". ", "\u{2003}",
    ];
    const TAILS: &[&str] = &[
        "Gazette",
        "Gazettes",
        "Harbour",
        "Doe's office",
        "Doe’s office",
        "Café",
        "Gazette’",
        "J.R.",
        "Gazette-Post",
        "Κόσμος",
        "The",
    ];

    #[test]
    fn body_names_match_their_regex() {
        let specs: Vec<(&str, Regex)> = TAILS.iter().map(|t| (*t, spec(t))).collect();
        // A fixed xorshift: the same windows on every run.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let mut windows = 0;
        for round in 0..6000 {
            let mut h = String::new();
            let len = 1 + next(if round % 10 == 0 { 60 } else { 14 });
            for _ in 0..len {
                // Mostly the tails' words and capitals one space apart, so
                // that most windows hold a match or come near one.
                let w = match next(3) {
                    0 => WORDS[next(WORDS.len())],
                    _ => WORDS[..12][next(12)],
                };
                h.push_str(w);
                h.push_str(if next(3) == 0 {
                    GAPS[next(GAPS.len())]
                } else {
                    " "
                });
            }
            // Start or end the window inside a word sometimes.
            let cut = next(4);
            let h = match cut {
                0 => h.trim_end_matches(gap_char).to_string(),
                1 => h.chars().skip(1 + next(3)).collect(),
                _ => h,
            };
            for (tail, re) in &specs {
                check(&h, tail, re);
            }
            windows += 1;
        }
        assert_eq!(windows, 6000);
    }

    #[test]
    fn body_names_on_invented_windows() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "The Harbour Gazette ran it. Then the Gazette said so.",
                "Gazette",
                &["The Harbour Gazette"],
            ),
            // Four capitalised words at most before the tail, "the" before.
            (
                "in the Port Wick Harbour Evening Daily Gazette today",
                "Gazette",
                &["Wick Harbour Evening Daily Gazette"],
            ),
            // One line break between words, not a blank line.
            (
                "By the Harbour\nGazette and the Harbour\n\nGazette",
                "Gazette",
                &["the Harbour\nGazette"],
            ),
            // The tail needs a word boundary after it.
            (
                "Harbour Gazettes, Harbour Gazette-Post",
                "Gazette",
                &["Harbour Gazette"],
            ),
            // A capital inside a word starts a name ("mcHarbour" gives "Harbour").
            ("bathe mcHarbour Gazette", "Gazette", &["Harbour Gazette"]),
            (
                "Senator Jane Doe's office said",
                "Doe's office",
                &["Senator Jane Doe's office"],
            ),
            ("no such name here", "Gazette", &[]),
        ];
        for (h, tail, want) in cases {
            let got: Vec<&str> = body_names(h, tail).map(|(s, e)| &h[s..e]).collect();
            assert_eq!(&got, want, "{h:?}");
            check(h, tail, &spec(tail));
        }
    }

    #[test]
    fn fuller_body_takes_the_nearest_fuller_name_before() {
        let text = "The Harbour Gazette printed it. The Coast Gazette did not. \"It is late,\" the Gazette said.";
        let at = text.find("the Gazette said").unwrap();
        assert_eq!(fuller_body(text, at, "the Gazette"), "The Coast Gazette");
        // Nothing fuller written before: the phrase as it is, folded.
        assert_eq!(fuller_body(text, 10, "the  Gazette"), "the Gazette");
        let text = "Senator Jane Doe's office wrote. \"No,\" Doe's office said.";
        let at = text.rfind("Doe's office").unwrap();
        assert_eq!(
            fuller_body(text, at, "Doe's office"),
            "Senator Jane Doe's office"
        );
    }

    #[test]
    fn a_named_body_is_the_last_match_of_its_pattern() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let heads = [
            "Herald", "Post", "Sun", "Sunday", "Bureau", "Posts", "Post's",
        ];
        let mut found = 0;
        for round in 0..4000 {
            let mut h = String::new();
            for _ in 0..1 + next(if round % 10 == 0 { 50 } else { 12 }) {
                h.push_str(match next(3) {
                    0 => heads[next(heads.len())],
                    1 => WORDS[next(WORDS.len())],
                    _ => WORDS[..12][next(12)],
                });
                h.push_str(if next(3) == 0 {
                    GAPS[next(GAPS.len())]
                } else {
                    " "
                });
            }
            for (re, list) in [(&*PAPER, PAPERS), (&*AGENCY, AGENCIES)] {
                let want = re.find_iter(&h).last().map(|m| m.as_str());
                assert_eq!(last_match_in_runs(list, &h), want, "{h:?}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 500, "{found} windows with a name");
        let text = "The Harbour Herald said so, and the Coast Post. \"No,\" the paper said.";
        let at = text.find("the paper said").unwrap();
        assert_eq!(
            named_body(text, at, "the paper").as_deref(),
            Some("the Coast Post")
        );
    }

    /// Words drawn from `words`, each followed by a gap from `gaps`: the
    /// shape the phrase readers walk, word by word.
    fn spaced(
        words: Vec<&'static str>,
        gaps: Vec<&'static str>,
        len: std::ops::Range<usize>,
    ) -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            (
                proptest::sample::select(words),
                proptest::sample::select(gaps),
            ),
            len,
        )
        .prop_map(|v| v.into_iter().flat_map(|(w, g)| [w, g]).collect())
    }

    /// The words, marks and white space the noun-phrase readers turn on:
    /// "the" alone and inside words, initials, abbreviations, hyphen
    /// particles, capitals with letters outside ASCII and apostrophes,
    /// the lexicon's nouns for bodies and documents, and small words.
    fn np_text() -> impl proptest::strategy::Strategy<Value = String> {
        crate::testing::joined(
            vec![
                "The",
                "the",
                "bathe",
                "A",
                "a",
                "An",
                "an",
                "Its",
                "his",
                "Her",
                "Their",
                "One",
                "J.",
                "J.R.",
                "J.R",
                "Mr.",
                "Mrs",
                "Dr.",
                "al-Masri",
                "al-",
                "Harbour",
                "Gazette",
                "O’Neil",
                "Ann'",
                "Lee-",
                "Zoë",
                "Élan",
                "é",
                "’",
                "'",
                "-",
                "x",
                "company",
                "charity",
                "office",
                "board",
                "report",
                "e-mail",
                "email",
                "memo",
                "ad",
                "ads",
                "advertisement",
                "from",
                "by",
                "of",
                "island",
                "ferry",
                "just",
                "printed",
                "said",
                "says",
                "seen",
                "told",
                "Rusk's",
                "Rusk",
                "’s",
                "_",
                "9",
                ",",
                ".",
                ";",
                ":",
                " ",
                " ",
                " ",
                "  ",
                "\t",
                "\n",
                "\u{a0}",
                "\u{2003}",
            ],
            0..14,
        )
    }

    /// The word-by-word reading `first_he_she` replaced: every piece up to
    /// and with one character that is not alphanumeric, its word trimmed.
    fn first_he_she_by_words(m: &str, s: usize, limit: usize) -> Option<(usize, &str, Gender)> {
        let mut at = s;
        for w in m[s..limit].split_inclusive(|c: char| !c.is_alphanumeric()) {
            let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            match word {
                "he" | "He" => return Some((at, word, Gender::Male)),
                "she" | "She" => return Some((at, word, Gender::Female)),
                _ => {}
            }
            at += w.len();
        }
        None
    }

    /// `clause_start` as it read before: the first comma of the whole rest
    /// found, then its distance and the intro word tested.
    fn clause_start_by_find(m: &str, s: usize, end: usize) -> usize {
        let skip = |at: usize| {
            at + m[at..end].len()
                - m[at..end]
                    .trim_start_matches(|c: char| {
                        c.is_whitespace() || crate::text::is_open_quote(c)
                    })
                    .len()
        };
        let mut at = skip(s);
        for _ in 0..2 {
            let first = Key::new(m[at..end].split_whitespace().next().unwrap_or(""));
            let first = first.as_str();
            let intro = INTRO_WORDS.contains(&first) || first.ends_with("ly");
            match m[at..end].find(',') {
                Some(c) if intro && c <= 80 => at = skip(at + c + 1),
                _ => break,
            }
        }
        at
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `clause_start` skips the intro phrases the whole-rest reading
        /// skipped, a comma at byte 80 or 81 of the rest included.
        #[test]
        fn clause_start_is_the_whole_rest_reading(
            text in crate::testing::joined(
                vec![
                    "However", "Later", "quickly", "Then", "“", "\"", " ", "  ", "\n", ",", ", ",
                    "é", "Zoë", "the port", "x", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ly",
                    "In", "At", "Yesterday", "Meanwhile", "_", "________", "___________",
                ],
                0..14,
            ),
            a in 0usize..64,
            z in 0usize..64,
        ) {
            let (s, e) = char_slice(&text, a, z);
            proptest::prop_assert_eq!(
                clause_start(&text, s, e),
                clause_start_by_find(&text, s, e),
                "{:?} {}..{}", text, s, e
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `doc_word_at` finds the noun the scan down DOC_WORDS finds.
        #[test]
        fn doc_word_at_is_the_list_scan(
            text in crate::testing::joined(
                vec![
                    "memo", "e-mail", "email", "e", "-", "mail", "report", "Report", "reports",
                    "note", "note-taking", "ad", "ads", "_", "’", "é", " ", "2", "x",
                ],
                0..5,
            ),
            at in 0usize..8,
        ) {
            let b = text.as_bytes();
            let p = at.min(b.len());
            proptest::prop_assert_eq!(doc_word_at(b, p), doc_word_scan(b, p), "{:?} {}", text, p);
        }
    }

    /// A slice of `text` on char boundaries, its ends picked by `a` and
    /// `z` among the boundaries, in order.
    fn char_slice(text: &str, a: usize, z: usize) -> (usize, usize) {
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let (s, e) = (cuts[a % cuts.len()], cuts[z % cuts.len()]);
        (s.min(e), s.max(e))
    }

    #[test]
    fn he_or_she_is_a_whole_word_within_the_slice() {
        let t = "Then she, the one who shed tears; He";
        assert_eq!(
            first_he_she(t, 0, t.len()),
            Some((5, "she", Gender::Female))
        );
        // The slice's start bounds a word too: "she" from its "h" on.
        assert_eq!(first_he_she(t, 6, t.len()), Some((6, "he", Gender::Male)));
        assert_eq!(first_he_she(t, 8, t.len()), Some((34, "He", Gender::Male)));
        // The slice's ends bound a word: "shed" cut at "she".
        assert_eq!(first_he_she(t, 22, 25), Some((22, "she", Gender::Female)));
        assert_eq!(first_he_she(t, 0, 4), None);
        assert_eq!(
            first_he_she("éhe ßhe he", 0, 12),
            Some((10, "he", Gender::Male))
        );
        assert_eq!(first_he_she("SHE sHe", 0, 7), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `first_he_she` finds what the word-by-word reading found, for
        /// every slice of the text on character boundaries.
        #[test]
        fn first_he_she_is_the_word_by_word_reading(
            text in crate::testing::joined(
                vec![
                    "he", "He", "HE", "she", "She", "sHe", "shed", "the", "h", "s", "e",
                    "é", "ß", "Zoë", "9", "_", "’", "'", "-", ",", ".", " ", " ", "\n",
                    "\u{a0}", "\u{2003}", "あ", "_________", "________________",
                ],
                0..12,
            ),
            a in 0usize..64,
            z in 0usize..64,
        ) {
            let (s, e) = char_slice(&text, a, z);
            proptest::prop_assert_eq!(
                first_he_she(&text, s, e),
                first_he_she_by_words(&text, s, e),
                "{:?} {}..{}", text, s, e
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `caps_np` ends where CAPS_NP's match does.
        #[test]
        fn caps_np_is_the_regex_match(
            text in proptest::strategy::Union::new([
                np_text().boxed(),
                spaced(
                    vec![
                        "The", "the", "Harbour", "Gazette", "J.", "J.R.", "Mrs", "Mr.", "Dr.",
                        "al-Masri", "O’Neil", "Zoë", "Élan", "x", "é", "'", "-",
                    ],
                    vec![" ", " ", " ", " ", "  ", "\n", "", ","],
                    0..8,
                )
                .boxed(),
            ]),
        ) {
            let want = CAPS_NP.find(&text).map(|m| m.end());
            proptest::prop_assert_eq!(caps_np(&text), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `doc_source` finds DOC_SOURCE's `org` group.
        #[test]
        fn doc_source_is_the_regex_group(
            lead in proptest::sample::select(vec![" from ", " by  ", "\tof ", " from the ", " of", ""]),
            rest in np_text(),
        ) {
            let text = format!("{lead}{rest}");
            let want = DOC_SOURCE.captures(&text).map(|c| c.name("org").map(|o| o.range()));
            proptest::prop_assert_eq!(doc_source(&text).map(Some), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `described_body` finds DESCRIBED_BODY's `name` group.
        #[test]
        fn described_body_is_the_regex_group(
            lead in proptest::sample::select(vec!["The ", "the\n", "A ", "An  ", "a", ""]),
            rest in proptest::strategy::Union::new([
                np_text().boxed(),
                spaced(
                    vec![
                        "Harbour", "Gazette", "J.", "Mr.", "Zoë", "island", "ferry", "old",
                        "x-ray", "company", "charity", "board", "boards", "é", "-",
                    ],
                    vec![" ", " ", " ", " ", "  ", "\n", "", ","],
                    0..9,
                )
                .boxed(),
            ]),
        ) {
            let text = format!("{lead}{rest}");
            let want = DESCRIBED_BODY.captures(&text).map(|c| c.name("name").map(|o| o.range()));
            proptest::prop_assert_eq!(described_body(&text).map(Some), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `doc_np` ends where DOC_NP's match does.
        #[test]
        fn doc_np_is_the_regex_match(
            lead in proptest::sample::select(vec!["The ", "its\n", "A ", "One  ", "Her", ""]),
            rest in proptest::strategy::Union::new([
                np_text().boxed(),
                spaced(
                    vec![
                        "new", "ferry", "Élan", "o’clock", "x-y", "report", "e-mail", "ad",
                        "ads", "memo", "memos", "_", "é",
                    ],
                    vec![" ", " ", " ", " ", "  ", "\n", "", ","],
                    0..6,
                )
                .boxed(),
            ]),
        ) {
            let text = format!("{lead}{rest}");
            let want = DOC_NP.find(&text).map(|m| m.end());
            proptest::prop_assert_eq!(doc_np(&text), want, "{:?}", text);
        }

        /// `doc_tail` ends where DOC_TAIL's `tail` group does: appositives
        /// up to and past 60 characters, participles, "just", verbs.
        #[test]
        fn doc_tail_is_the_regex_group(
            lead in proptest::sample::select(vec![", ", ",\n", ",", " ", "  just ", " just", ""]),
            rest in crate::testing::joined(
                vec![
                    "printed", "seen", "ed", "just", "said", "says", "told", "went on", "went",
                    "on", "by", "the", "Gazette", "é", "ferry", "crews", "for", "X", ",", ";",
                    ":", ".", " ", " ", " ", "\n", "\u{a0}", "abcdefghij", "_", "a", "ab",
                    "ab, c", ", ",
                ],
                0..24,
            ),
        ) {
            let text = format!("{lead}{rest}");
            let want = DOC_TAIL.captures(&text).map(|c| c.name("tail").map(|x| x.end()));
            proptest::prop_assert_eq!(doc_tail(&text).map(Some), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]
        /// `doc_dated` ends where DOC_DATED's match does, and DOC_WORDS
        /// holds what DOC_HEAD matches.
        #[test]
        fn doc_dated_is_the_regex_match(
            v in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "released", "carried", "out", "carried out", "taken", "on", "in", "this",
                        "Monday", "Zoë", "2024", "20245", "9", "May1", "é", "_", "-", "report",
                        "e-mail", "ads", "ad",
                    ]),
                    proptest::sample::select(vec![" ", " ", " ", "  ", "\n", "", ",", "\u{a0}"]),
                ),
                0..7,
            ),
            lead in proptest::sample::select(vec![" ", " released ", "\tissued  on ", ""]),
        ) {
            let body: String = v.into_iter().flat_map(|(w, g)| [w, g]).collect();
            let text = format!("{lead}{body}");
            let want = DOC_DATED.find(&text).map(|m| m.end());
            proptest::prop_assert_eq!(doc_dated(&text), want, "{:?}", text);
            let head = text.trim();
            proptest::prop_assert_eq!(DOC_WORDS.contains(&head), DOC_HEAD.is_match(head));
        }
    }
}
