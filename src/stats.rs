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
    let mut count = 0;
    let mut pending = false;
    for s in text.split_sentence_bounds() {
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
    ABBREVIATIONS.contains(&last.to_lowercase().as_str())
}

/// Reading time in seconds for `words` words.
pub fn reading_time_seconds(words: usize) -> usize {
    (words * 60).div_ceil(WORDS_PER_MINUTE)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn counts() {
        assert_eq!(words("The council’s plan, in 2026, costs £5m."), 7);
        assert_eq!(reading_time_seconds(230), 60);
        assert_eq!(reading_time_seconds(1), 1);
    }
}
