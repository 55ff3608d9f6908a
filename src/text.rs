//! Small text helpers shared by the analysers.

/// White space for lede's purposes: Unicode white space plus the BOM and
/// zero-width space, which scrapers leave between words.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Append `s` to `out` with every run of white space folded to one space and
/// the ends trimmed.
pub fn fold_into(s: &str, out: &mut String) {
    let mut pending = false;
    for c in s.chars() {
        if is_space(c) {
            pending = true;
        } else {
            if pending && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            pending = false;
            out.push(c);
        }
    }
}

/// `s` with white space folded.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Opening quotation marks.
pub fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{201e}' | '\u{201a}' | '\u{ab}' | '\u{2039}'
    )
}

/// Closing quotation marks and brackets that may trail a sentence.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{203a}' | ')' | ']' | '*'
    )
}

/// The last char of `s` that is not a closing mark.
pub fn last_significant(s: &str) -> Option<char> {
    s.chars().rev().find(|&c| !is_closer(c) && !is_space(c))
}

/// True when `s` ends like a sentence: `.`, `!`, `?`, `…` or `:`, perhaps
/// followed by closing quotation marks or brackets.
pub fn ends_like_sentence(s: &str) -> bool {
    matches!(
        last_significant(s),
        Some('.' | '!' | '?' | '\u{2026}' | ':' | ';')
    )
}

/// Words as people count them: runs separated by white space that hold a
/// letter or digit.
pub fn word_count(s: &str) -> usize {
    s.split(is_space)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// True when the word starts with an uppercase letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// True when every letter is uppercase and there are at least two.
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Share of the words that start with a capital, ignoring short function
/// words, in `[0, 1]`.
pub fn title_case_ratio(s: &str) -> f32 {
    let mut caps = 0;
    let mut total = 0;
    for w in s.split(is_space) {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() || (core.len() <= 3 && core.chars().all(|c| c.is_lowercase())) {
            continue;
        }
        total += 1;
        if is_capitalised(core) {
            caps += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        caps as f32 / total as f32
    }
}

/// Title-case a name written in capitals ("JANE DOE" → "Jane Doe",
/// "O'BRIEN" → "O'Brien", "SMITH-JONES" → "Smith-Jones").
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("  a \t b\u{a0}\u{a0}c \n"), "a b c");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_like_sentence("He said so.\u{201d}"));
        assert!(ends_like_sentence("Is it? ')"));
        assert!(!ends_like_sentence("Picture: Getty"));
        assert!(!ends_like_sentence(""));
    }

    #[test]
    fn case_helpers() {
        assert!(is_all_caps("BY JANE DOE"));
        assert!(!is_all_caps("By Jane"));
        assert_eq!(title_case("JANE O'BRIEN-SMITH"), "Jane O'Brien-Smith");
        assert!(title_case_ratio("Yahoo's Sale to Verizon Leaves Shareholders") > 0.9);
        assert!(title_case_ratio("the council said the bridge would open on Monday") < 0.3);
    }

    #[test]
    fn words() {
        assert_eq!(word_count("Hello, world — 3 times"), 4);
    }
}
