//! Word, sentence and reading-time counts.

use unicode_segmentation::UnicodeSegmentation;

/// Words a minute for the reading time.
pub const WORDS_PER_MINUTE: usize = 230;

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sir", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx",
    "dept", "est", "fig", "al",
];

/// Unicode words in `text`.
pub fn words(text: &str) -> usize {
    text.unicode_words().count()
}

/// Sentences in `text`: Unicode sentence boundaries, except after
/// abbreviations ("Mr.", "U.S.", "p.m.") that do not end a sentence.
pub fn sentences(text: &str) -> usize {
    // Nearly all paragraphs are written in Latin-1 and general punctuation
    // alone; for them the boundaries come from a copy of
    // unicode-segmentation's rules with a table lookup instead of its
    // binary search per character (a sixth of the whole analysis).
    if text.is_ascii() || text.chars().all(|c| category(c).is_some()) {
        count_sentences(SentenceBounds::new(text))
    } else {
        count_sentences(text.split_sentence_bounds())
    }
}

fn count_sentences<'a>(bounds: impl Iterator<Item = &'a str>) -> usize {
    let mut count = 0;
    let mut pending = false;
    for s in bounds {
        if s.trim().is_empty() {
            continue;
        }
        pending = true;
        if !ends_with_abbreviation(s.trim_end()) {
            count += 1;
            pending = false;
        }
    }
    count + usize::from(pending)
}

/// Sentence_Break categories (UAX #29) of the characters `category`
/// knows. OLetter has none of them, so it is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    SContinue,
    STerm,
    Close,
    Extend,
    Format,
    Other,
}

/// The Sentence_Break category of `c` as unicode-segmentation's table
/// gives it (version in Cargo.lock), for Latin-1, General Punctuation up to
/// U+203A and the byte-order mark; `None` for anything else.
fn category(c: char) -> Option<Cat> {
    use Cat::*;
    Some(match c {
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' => Sp,
        '\n' => Lf,
        '\r' => Cr,
        '!' | '?' => STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{ab}' | '\u{bb}' => Close,
        ',' | '-' | ':' | ';' => SContinue,
        '.' => ATerm,
        '0'..='9' => Numeric,
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Upper,
        'a'..='z' | '\u{aa}' | '\u{b5}' | '\u{ba}' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => {
            Lower
        }
        '\u{85}' => Sep,
        '\u{ad}' => Format,
        '\0'..='\u{ff}' => Other,
        '\u{2000}'..='\u{200a}' | '\u{202f}' => Sp,
        '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{feff}' => Format,
        '\u{200c}' | '\u{200d}' => Extend,
        '\u{2013}' | '\u{2014}' => SContinue,
        '\u{2018}'..='\u{201f}' | '\u{2039}' | '\u{203a}' => Close,
        '\u{2024}' => ATerm,
        '\u{2028}' | '\u{2029}' => Sep,
        '\u{2010}'..='\u{203a}' => Other,
        _ => return None,
    })
}

/// What the sentence rules remember of the text before a position: runs
/// of Close and of Sp collapse into one part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Eot,
    Other,
    Cr,
    Lf,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// `split_sentence_bounds` for text whose every character `category`
/// knows: the same state machine as unicode-segmentation's (sentence.rs,
/// rules SB1–SB11 as it implements them), so the same boundaries.
struct SentenceBounds<'a> {
    text: &'a str,
    pos: usize,
    state: [Part; 4],
    start: Option<usize>,
}

impl<'a> SentenceBounds<'a> {
    fn new(text: &'a str) -> Self {
        SentenceBounds {
            text,
            pos: 0,
            state: [Part::Sot; 4],
            start: None,
        }
    }

    fn cat(c: char) -> Cat {
        category(c).unwrap_or(Cat::Other)
    }

    fn push(state: [Part; 4], cat: Cat) -> [Part; 4] {
        match (state[3], cat) {
            (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => state,
            _ => [
                state[1],
                state[2],
                state[3],
                match cat {
                    Cat::Cr => Part::Cr,
                    Cat::Lf => Part::Lf,
                    Cat::Sep => Part::Sep,
                    Cat::ATerm => Part::ATerm,
                    Cat::Upper | Cat::Lower => Part::UpperLower,
                    Cat::Close => Part::ClosePlus,
                    Cat::Sp => Part::SpPlus,
                    Cat::STerm => Part::STerm,
                    _ => Part::Other,
                },
            ],
        }
    }

    /// Move over ASCII that holds no terminator or line end while the state
    /// holds none either: no rule can break there (SB1 needs the start,
    /// SB4 a line end, SB11 a terminator before it), so only the state needs
    /// to follow. Most of a paragraph is such text.
    fn skip_plain(&mut self) {
        let quiet = |p: &Part| {
            !matches!(
                p,
                Part::Sot | Part::Eot | Part::ATerm | Part::STerm | Part::Cr | Part::Lf | Part::Sep
            )
        };
        if !self.state.iter().all(quiet) {
            return;
        }
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !b.is_ascii() || matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n' | b'\x0b' | b'\x0c')
            {
                break;
            }
            self.state = Self::push(self.state, Self::cat(char::from(b)));
            self.pos += 1;
        }
    }

    /// SB8: ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
    fn sb8(state: &[Part; 4], ahead: &str) -> bool {
        let mut idx = if state[3] == Part::SpPlus { 2 } else { 3 };
        if state[idx] == Part::ClosePlus {
            idx -= 1;
        }
        if state[idx] != Part::ATerm {
            return false;
        }
        for c in ahead.chars() {
            match Self::cat(c) {
                Cat::Lower => return true,
                Cat::Upper | Cat::Sep | Cat::Cr | Cat::Lf | Cat::STerm | Cat::ATerm => {
                    return false
                }
                _ => {}
            }
        }
        false
    }

    /// SATerm Close* Sp*
    fn sb8a(state: &[Part; 4]) -> bool {
        let mut idx = if state[3] == Part::SpPlus { 2 } else { 3 };
        if state[idx] == Part::ClosePlus {
            idx -= 1;
        }
        matches!(state[idx], Part::STerm | Part::ATerm)
    }

    /// SATerm Close*
    fn sb9(state: &[Part; 4]) -> bool {
        let idx = if state[3] == Part::ClosePlus { 2 } else { 3 };
        matches!(state[idx], Part::STerm | Part::ATerm)
    }

    /// SATerm Close* Sp* ParaSep?
    fn sb11(state: &[Part; 4]) -> bool {
        let mut idx = match state[3] {
            Part::Sep | Part::Cr | Part::Lf => 2,
            _ => 3,
        };
        if state[idx] == Part::SpPlus {
            idx -= 1;
        }
        if state[idx] == Part::ClosePlus {
            idx -= 1;
        }
        matches!(state[idx], Part::STerm | Part::ATerm)
    }

    /// The next break: the byte offset of the character after it.
    fn next_break(&mut self) -> Option<usize> {
        loop {
            self.skip_plain();
            let Some(c) = self.text[self.pos..].chars().next() else {
                break;
            };
            let at = self.pos;
            let before = self.state;
            let cat = Self::cat(c);
            self.pos += c.len_utf8();
            self.state = Self::push(before, cat);
            let last = before[3];
            if last == Part::Sot {
                return Some(at); // SB1
            }
            if cat == Cat::Lf && last == Part::Cr {
                continue; // SB3
            }
            if matches!(last, Part::Sep | Part::Cr | Part::Lf) {
                return Some(at); // SB4
            }
            if matches!(cat, Cat::Extend | Cat::Format) {
                self.state = before; // SB5
                continue;
            }
            let keep = (cat == Cat::Numeric && last == Part::ATerm) // SB6
                || (cat == Cat::Upper && before[2] == Part::UpperLower && last == Part::ATerm) // SB7
                || Self::sb8(&before, &self.text[at..])
                || (matches!(cat, Cat::SContinue | Cat::STerm | Cat::ATerm) && Self::sb8a(&before))
                || (matches!(cat, Cat::Close | Cat::Sp | Cat::Sep | Cat::Cr | Cat::Lf)
                    && Self::sb9(&before))
                || (matches!(cat, Cat::Sp | Cat::Sep | Cat::Cr | Cat::Lf) && Self::sb8a(&before));
            if !keep && Self::sb11(&before) {
                return Some(at);
            }
        }
        // SB2
        if matches!(self.state[3], Part::Sot | Part::Eot) {
            None
        } else {
            self.state = [self.state[1], self.state[2], self.state[3], Part::Eot];
            Some(self.pos)
        }
    }
}

impl<'a> Iterator for SentenceBounds<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.start.is_none() {
            self.start = Some(self.next_break()?);
        }
        let end = self.next_break()?;
        let start = self.start.replace(end)?;
        Some(&self.text[start..end])
    }
}

fn ends_with_abbreviation(s: &str) -> bool {
    let Some(body) = s.strip_suffix('.') else {
        return false;
    };
    let last = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .next()
        .unwrap_or("");
    if last.is_empty() {
        return false;
    }
    // Initialisms: "U.S", "p.m", "a.m", "J" (a middle initial).
    if last
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
    {
        return true;
    }
    // `to_lowercase` without its allocation: the abbreviations are ASCII,
    // and the one non-ASCII letter that lowercases into ASCII (KELVIN SIGN,
    // to `k`) is in none of them (test `abbreviations_match_like_lowercase`).
    ABBREVIATIONS.iter().any(|a| last.eq_ignore_ascii_case(a))
}

/// Reading time in seconds for `words` words.
pub fn reading_time_seconds(words: usize) -> usize {
    (words * 60).div_ceil(WORDS_PER_MINUTE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith went to the U.S. on Monday. He left at 5 p.m. and slept."),
            2
        );
        assert_eq!(sentences("One. Two! Three?"), 3);
        assert_eq!(sentences("No full stop"), 1);
        assert_eq!(sentences(""), 0);
    }

    /// The characters `category` knows, some it does not, and the words
    /// and marks that make sentences and abbreviations.
    fn sentence_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => prop::char::range('\0', '\u{ff}').prop_map(String::from),
            2 => prop::char::range('\u{2000}', '\u{203c}').prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
            1 => Just("\u{feff}".to_string()),
            6 => prop::sample::select(vec![
                " ", ". ", ".", "! ", "? ", "\n", "\r\n", "\u{201d} ", " \u{201c}", "Mr. ",
                "U.S. ", "p.m. ", "said", "The", "Jane", "a", "3", ".\u{201d}", ")", "\u{a0}",
            ])
            .prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn fast_bounds_are_unicode_segmentations(text in sentence_text()) {
            if text.chars().all(|c| category(c).is_some()) {
                let fast: Vec<&str> = SentenceBounds::new(&text).collect();
                let slow: Vec<&str> = text.split_sentence_bounds().collect();
                prop_assert_eq!(fast, slow);
            }
        }

    }

    #[test]
    fn every_known_character_in_every_position() {
        // Each character after and before each other kind of character
        // the rules tell apart.
        let known: Vec<char> = ('\0'..='\u{ff}')
            .chain('\u{2000}'..='\u{203a}')
            .chain(['\u{feff}'])
            .collect();
        let probes = [
            "a", "A", "1", ".", "!", ",", " ", "\n", "\r", "\u{201d}", "\u{ad}",
        ];
        for &c in &known {
            assert!(category(c).is_some(), "{c:?}");
            for l in probes {
                for r in probes {
                    for text in [
                        format!("{l}{c}{r}"),
                        format!("x.{l}{c}{r}a"),
                        format!("x. {c}{l}{r}b"),
                        format!("X.{c}{r} a"),
                    ] {
                        let fast: Vec<&str> = SentenceBounds::new(&text).collect();
                        let slow: Vec<&str> = text.split_sentence_bounds().collect();
                        assert_eq!(fast, slow, "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn abbreviations_match_like_lowercase() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if !c.is_ascii() && c.to_lowercase().all(|l| l.is_ascii()) {
                let lower: String = c.to_lowercase().collect();
                assert!(
                    ABBREVIATIONS.iter().all(|a| !a.contains(lower.as_str())),
                    "{c:?}"
                );
            }
        }
        for w in [
            "Mr", "MRS", "Sept", "ST", "dr", "Inc", "U", "mrx", "m", "ml",
        ] {
            assert_eq!(
                ABBREVIATIONS.contains(&w.to_lowercase().as_str()),
                ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a)),
                "{w}"
            );
        }
    }

    #[test]
    fn counts() {
        assert_eq!(words("The council’s plan, in 2026, costs £5m."), 7);
        assert_eq!(reading_time_seconds(230), 60);
        assert_eq!(reading_time_seconds(1), 1);
    }
}
