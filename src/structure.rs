//! Blocks → roles: headline, standfirst, byline, subheading, paragraph or
//! boilerplate of some kind. Every decision records the rule that made it.
//!
//! The article is found first: "core" blocks are prose — ten words or more
//! that end like a sentence (or carry a quotation) and no boilerplate cue.
//! The span from the first to the last core block is the body; what stands
//! before it is the head (headline, standfirst, byline, date, captions,
//! navigation) and what stands after it the tail (links, bios, comments).
//! Each region has its own rules for the blocks that are not core, decided
//! from shape (length, end punctuation), cues and neighbours.

use memchr::memchr3_iter;

use crate::boilerplate::{self, Cue};
use crate::byline;
use crate::date;
use crate::model::BoilerplateKind;
use crate::region;
use crate::segment::Block;
use crate::text;
use crate::text::{
    ends_like_sentence, last_significant, title_case_ratio, unspaced_words, word_count,
};

/// The role of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The title.
    Headline,
    /// The summary under the title.
    Standfirst,
    /// Who wrote it (possibly one of several consecutive byline blocks).
    Byline,
    /// A heading inside the body.
    Subheading,
    /// Body prose.
    Paragraph,
    /// Clutter.
    Boilerplate(BoilerplateKind),
}

impl Role {
    /// A short lowercase name for `--explain`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Standfirst => "standfirst",
            Role::Byline => "byline",
            Role::Subheading => "subheading",
            Role::Paragraph => "paragraph",
            Role::Boilerplate(k) => k.as_str(),
        }
    }
}

/// What was decided about one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The role.
    pub role: Role,
    /// The rule that decided it.
    pub rule: &'static str,
    /// A caption's credit, behind one thin pointer: a decision per block
    /// is held at once and few have a credit (24 bytes a decision in place
    /// of 40).
    pub credit: Option<Box<String>>,
}

impl Decision {
    fn new(role: Role, rule: &'static str) -> Decision {
        Decision {
            role,
            rule,
            credit: None,
        }
    }

    fn from_cue(cue: &Cue) -> Decision {
        Decision {
            role: Role::Boilerplate(cue.kind),
            rule: cue.rule,
            credit: cue.credit.as_deref().map(|c| Box::new(c.to_string())),
        }
    }
}

/// Per-block facts the rules read.
struct Facts {
    /// Words (u32, like `quotes`: one Facts per block is held at once).
    words: u32,
    sentence_end: bool,
    /// Boxed: most blocks have none, and a Facts per block is held at once
    /// (8 bytes in place of 40).
    cue: Option<Box<Cue>>,
    /// Straight or curly double quotation marks, and whether they pair up.
    quotes: u32,
    open_quote: bool,
    date_line: bool,
    repeated: bool,
    /// Title Case and no full stop at the end: a headline, even when long.
    title_like: bool,
    /// The whole block stands in square brackets: a converter's picture or
    /// link label (`[A view of the bay at dusk.]`), not prose.
    bracketed: bool,
}

fn facts(blocks: &[Block]) -> Vec<Facts> {
    // Blocks whose text another block repeats: equal texts sit side by side
    // once sorted by length and text (a hash map hashed every byte of the
    // article with SipHash; unequal lengths decide most comparisons here).
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        let (a, b) = (&blocks[a].text, &blocks[b].text);
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    });
    let mut repeated = vec![false; blocks.len()];
    for w in order.windows(2) {
        if blocks[w[0]].text == blocks[w[1]].text {
            repeated[w[0]] = true;
            repeated[w[1]] = true;
        }
    }
    blocks
        .iter()
        .zip(repeated)
        .map(|(b, repeated)| {
            let t = b.text.as_str();
            let words = word_count(t) + unspaced_words(t);
            let (quotes, open_quote) = quote_marks(t);
            Facts {
                words: u32::try_from(words).unwrap_or(u32::MAX),
                // A teaser's summary cut short ("…was the plan...") does not
                // end a sentence.
                sentence_end: ends_like_sentence(t) && !truncated(t),
                cue: boilerplate::cue(t, words).map(Box::new),
                quotes: u32::try_from(quotes).unwrap_or(u32::MAX),
                open_quote,
                date_line: words <= 12 && date::is_date_line(t),
                repeated,
                title_like: last_significant(t) != Some('.') && title_case_ratio(t) >= 0.8,
                bracketed: t.starts_with('[') && t.ends_with(']'),
            }
        })
        .collect()
}

/// Count double quotation marks; `open` when they do not pair up (a
/// quotation runs on past the block).
fn quote_marks(t: &str) -> (usize, bool) {
    let (mut straight, mut open, mut close) = (0, 0, 0);
    // Only `"` and the lead bytes of the curly and angle marks can start
    // one: memchr jumps to them.
    for at in memchr3_iter(b'"', 0xC2, 0xE2, t.as_bytes()) {
        match t[at..].chars().next() {
            Some('"') => straight += 1,
            Some('\u{201c}' | '\u{201e}' | '\u{ab}') => open += 1,
            Some('\u{201d}' | '\u{bb}') => close += 1,
            _ => {}
        }
    }
    let total = straight + open + close;
    (total, total % 2 == 1 || open > close + straight)
}

impl Facts {
    /// Prose: long enough and ending like a sentence, or running a quotation on.
    fn prose(&self) -> bool {
        self.cue.is_none()
            && !self.title_like
            && !self.date_line
            && self.words >= 10
            && !self.bracketed
            && (self.sentence_end || self.open_quote || (self.quotes > 0 && self.words >= 16))
    }
}

/// The roles of all blocks.
pub fn assign(blocks: &[Block]) -> Vec<Decision> {
    let f = facts(blocks);
    let n = blocks.len();
    let bare_credit: Vec<bool> = blocks
        .iter()
        .map(|b| boilerplate::is_bare_credit(&b.text))
        .collect();
    // A short block just before a bare picture credit is the picture's caption.
    let captioned: Vec<bool> = (0..n)
        .map(|i| {
            i + 1 < n
                && bare_credit[i + 1]
                && !bare_credit[i]
                && f[i].cue.is_none()
                && f[i].words < 40
                && f[i].quotes == 0
        })
        .collect();
    let core: Vec<bool> = (0..n)
        .map(|i| f[i].prose() && !captioned[i] && !f[i].repeated)
        .collect();
    let mut out: Vec<Option<Decision>> = vec![None; n];

    // The main region: the run of blocks where prose outweighs furniture.
    let scores: Vec<f64> = (0..n)
        .map(|i| {
            let s = region_score(&f[i], core[i]);
            // Prose with no prose beside it (a teaser's summary between its
            // title and picture, a bio) counts for less than a run of it.
            let beside = prose_near(blocks, &f, &core, i);
            if core[i] && !beside {
                s * ISOLATED
            } else {
                s
            }
        })
        .collect();
    let (from, to) = region::main_region(&scores).unwrap_or((0, n));
    let mut first = (from..to).find(|&i| core[i]);
    let last = (from..to).rfind(|&i| core[i]);
    // A byline below a standfirst: the body starts after it.
    let third_core = core
        .iter()
        .enumerate()
        .filter(|(_, &c)| c)
        .nth(2)
        .map_or(n, |(i, _)| i);
    let byline_at = find_byline(blocks, &f, third_core);
    if let (Some((_, end)), Some(a)) = (byline_at, first) {
        if a < end {
            first = (end..n).find(|&i| core[i]);
        }
    }
    let (body_start, body_end) = match (first, last) {
        (Some(a), Some(b)) => (a, b + 1),
        _ => {
            // No long prose: fall back to any sentence of four words or more.
            let short = |i: usize| f[i].cue.is_none() && f[i].sentence_end && f[i].words >= 4;
            match ((0..n).find(|&i| short(i)), (0..n).rfind(|&i| short(i))) {
                (Some(a), Some(b)) => (a, b + 1),
                _ => (n, n),
            }
        }
    };

    let prose_start = body_start;
    let body_start = lead_in(&f, body_start, byline_at.map(|(_, e)| e));

    head(
        blocks,
        &f,
        &bare_credit,
        &mut out[..body_start],
        byline_at.filter(|&(_, e)| e <= body_start),
    );
    let headline_text = out
        .iter()
        .zip(blocks)
        .find(|(d, _)| d.as_ref().is_some_and(|d| d.role == Role::Headline))
        .map(|(_, b)| b.text.clone());

    for i in body_start..n {
        let fi = &f[i];
        let in_body = i < body_end;
        let d = if headline_text.as_deref() == Some(blocks[i].text.as_str()) {
            Decision::new(
                Role::Boilerplate(BoilerplateKind::Other),
                "repeats-headline",
            )
        } else if let Some(cue) = &fi.cue {
            Decision::from_cue(cue)
        } else if i < prose_start && !fi.bracketed {
            Decision::new(Role::Paragraph, "lead-in")
        } else if core[i] && !in_body {
            Decision::new(
                Role::Boilerplate(BoilerplateKind::Other),
                "outside-main-region",
            )
        } else if core[i] {
            Decision::new(Role::Paragraph, "prose")
        } else if captioned[i] {
            Decision::new(Role::Boilerplate(BoilerplateKind::Caption), "before-credit")
        } else if fi.date_line {
            Decision::new(Role::Boilerplate(BoilerplateKind::Meta), "date-line")
        } else if fi.repeated && fi.words <= 12 {
            Decision::new(
                Role::Boilerplate(BoilerplateKind::Other),
                "repeated-fragment",
            )
        } else if in_body {
            body_fragment(blocks, &f, &core, &out, i)
        } else if listed(blocks, &out, i) {
            Decision::new(Role::Paragraph, "list-item")
        } else {
            tail_fragment(&f, &out, i)
        };
        out[i] = Some(d);
    }
    out.into_iter()
        .map(|d| {
            d.unwrap_or_else(|| {
                Decision::new(Role::Boilerplate(BoilerplateKind::Other), "unassigned")
            })
        })
        .collect()
}

/// Move the body's start back over the sentences that lead into the first
/// prose block: a lead that ends without a full stop ("Officials on Monday
/// confirmed the deal worth $3m to the club"), a one-line remark ("The
/// sky was clear that night!"), with picture placeholders between. It stops
/// at a byline, a title, a date, a repeated or cued block, and it leaves
/// the first text block and the one under it to the head.
fn lead_in(f: &[Facts], start: usize, byline_end: Option<usize>) -> usize {
    let floor = byline_end.unwrap_or(0);
    let first_text = (0..start).find(|&k| f[k].cue.is_none() && f[k].words >= 2);
    let Some(first_text) = first_text else {
        return start;
    };
    // The line right under a title is its standfirst, not the body's lead.
    let floor = floor.max(first_text + 2);
    let sentence = |k: usize| {
        let x = &f[k];
        x.cue.is_none()
            && !x.repeated
            && !x.date_line
            && !x.title_like
            && !x.bracketed
            && x.words >= 4
            && (x.sentence_end || x.words >= 12)
    };
    let placeholder = |k: usize| f[k].bracketed && f[k].words <= 4;
    let mut at = start;
    let mut k = start;
    while k > floor {
        k -= 1;
        if sentence(k) {
            at = k;
        } else if !placeholder(k) {
            break;
        }
    }
    at
}

/// The weight of a prose block with no prose beside it in the choice of
/// the main region.
const ISOLATED: f64 = 0.4;

/// Is there prose within three blocks of block `i`, with only short
/// blocks (an advert label, a picture's placeholder, a share line), short
/// sentences or list items between?
fn prose_near(blocks: &[Block], f: &[Facts], core: &[bool], i: usize) -> bool {
    let short =
        |j: usize| f[j].words <= 6 || (f[j].cue.is_none() && f[j].sentence_end) || blocks[j].item;
    let after = (i + 1..core.len().min(i + 4))
        .take_while(|&j| core[j] || short(j))
        .any(|j| core[j]);
    let before = (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&j| core[j] || short(j))
        .any(|j| core[j]);
    after || before
}

/// The text ends in an ellipsis right after a word: a summary cut short
/// ("…after a long debate over the...").
fn truncated(t: &str) -> bool {
    // Inside quotation marks an ellipsis is the speaker's; one standing
    // apart after a sentence ("… the café. …") cuts no word short.
    let t = t.trim_end_matches(text::is_space);
    let Some(cut) = t.strip_suffix("...").or_else(|| t.strip_suffix('\u{2026}')) else {
        return false;
    };
    cut.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// A block's weight in the choice of the main region: prose for, by its
/// words; furniture against.
fn region_score(f: &Facts, core: bool) -> f64 {
    let w = f.words as f64;
    if core {
        w
    } else if f.cue.is_some() {
        -(3.0 + w)
    } else if f.sentence_end && f.words >= 4 {
        0.3 * w
    } else {
        -(3.0 + 0.3 * w)
    }
}

/// A caption describes a picture: who is where, doing what, left or right.
fn caption_words(t: &str) -> bool {
    let lower = t.to_lowercase();
    [
        "(l)",
        "(r)",
        "(c)",
        "(left)",
        "(right)",
        "(centre)",
        "(center)",
        " pictured",
        "(pictured)",
        " poses ",
        " pose ",
        "clockwise from",
        "from left",
        " left, ",
        " right, ",
        " seen here",
        "file photo",
        "(file)",
        " in this photo",
        " in this image",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A non-prose block inside the body.
fn body_fragment(
    blocks: &[Block],
    f: &[Facts],
    core: &[bool],
    out: &[Option<Decision>],
    i: usize,
) -> Decision {
    let fi = &f[i];
    let t = blocks[i].text.as_str();
    if fi.open_quote && fi.words >= 3 {
        return Decision::new(Role::Paragraph, "quotation-runs-on");
    }
    if fi.sentence_end && fi.words >= 2 && !caption_words(t) {
        return Decision::new(Role::Paragraph, "short-sentence");
    }
    if listed(blocks, out, i) {
        return Decision::new(Role::Paragraph, "list-item");
    }
    if caption_words(t) || fi.words >= 13 {
        return Decision::new(Role::Boilerplate(BoilerplateKind::Caption), "body-caption");
    }
    let prev_prose = i > 0
        && out[i - 1]
            .as_ref()
            .is_some_and(|d| d.role == Role::Paragraph || d.role == Role::Subheading);
    let next_prose = core.get(i + 1).copied().unwrap_or(false)
        || f.get(i + 1)
            .is_some_and(|n| n.sentence_end && n.cue.is_none() && n.words >= 2);
    if prev_prose && next_prose && fi.words >= 1 && last_significant(t) != Some(',') {
        return Decision::new(Role::Subheading, "between-paragraphs");
    }
    if fi.words >= 4 {
        Decision::new(Role::Boilerplate(BoilerplateKind::Caption), "body-fragment")
    } else {
        Decision::new(Role::Boilerplate(BoilerplateKind::Other), "body-fragment")
    }
}

/// A list item in the article (steps, ingredients, a race calendar): a
/// paragraph introduces the list ("You will need:") and the items follow it.
fn listed(blocks: &[Block], out: &[Option<Decision>], i: usize) -> bool {
    blocks[i].item
        && i > 0
        && out[i - 1].as_ref().is_some_and(|d| {
            d.role == Role::Paragraph
                && (d.rule == "list-item" || last_significant(&blocks[i - 1].text) == Some(':'))
        })
}

/// A non-prose block after the body.
fn tail_fragment(f: &[Facts], out: &[Option<Decision>], i: usize) -> Decision {
    let fi = &f[i];
    let follows_paragraph = i > 0
        && out[i - 1]
            .as_ref()
            .is_some_and(|d| d.role == Role::Paragraph);
    if follows_paragraph && fi.sentence_end && fi.words >= 3 {
        return Decision::new(Role::Paragraph, "closing-sentence");
    }
    // A last short paragraph after a widget: the nearest block that is not
    // boilerplate is a paragraph.
    // Only a widget of a few blocks stands between: past that the page's
    // furniture has begun.
    let last_content = out[i.saturating_sub(3)..i]
        .iter()
        .rev()
        .flatten()
        .find(|d| !matches!(d.role, Role::Boilerplate(_)));
    if fi.sentence_end && fi.words >= 6 && last_content.is_some_and(|d| d.role == Role::Paragraph) {
        return Decision::new(Role::Paragraph, "closing-sentence");
    }
    Decision::new(Role::Boilerplate(BoilerplateKind::Other), "tail")
}

/// Roles in the head: everything before the first body paragraph.
fn head(
    blocks: &[Block],
    f: &[Facts],
    bare_credit: &[bool],
    out: &mut [Option<Decision>],
    byline_at: Option<(usize, usize)>,
) {
    let n = out.len();
    // Headline: the first heading the converter marked as one (`# Title`,
    // `*** Title ***`, a line left of lynx's margin), else the first block
    // that reads like a title.
    let marked = (0..n).find(|&i| {
        blocks[i].heading
            && f[i].cue.is_none()
            && f[i].words >= 2
            && byline_at.is_none_or(|(s, e)| i < s || i >= e)
    });
    let headline = marked.or_else(|| {
        (0..n).find(|&i| {
            let fi = &f[i];
            fi.cue.is_none()
                && !fi.date_line
                && byline_at.is_none_or(|(s, e)| i < s || i >= e)
                && fi.words >= 3
                && fi.words <= 40
                && (!fi.sentence_end
                    || matches!(last_significant(&blocks[i].text), Some('?' | '!'))
                    || title_case_ratio(&blocks[i].text) >= 0.7)
        })
    });
    let headline = headline.or_else(|| {
        // A one- or two-word title is still a title when nothing else is.
        (0..n)
            .find(|&i| {
                f[i].cue.is_none()
                    && !f[i].date_line
                    && f[i].words >= 1
                    && byline_at.is_none_or(|(s, _)| i < s)
            })
            .filter(|&i| i + 1 == n || f[i + 1].words > f[i].words)
            .filter(|_| n > 0 && blocks.len() > n)
            .filter(|&i| i == 0)
    });
    if let Some(h) = headline {
        out[h] = Some(Decision::new(Role::Headline, "first-title"));
    }
    if let Some((s, e)) = byline_at {
        for slot in &mut out[s..e] {
            *slot = Some(Decision::new(Role::Byline, "byline"));
        }
    }
    let mut standfirst_done = false;
    for i in 0..n {
        if out[i].is_some() {
            continue;
        }
        let fi = &f[i];
        let t = blocks[i].text.as_str();
        let after_headline = headline.is_some_and(|h| i > h);
        let d = if let Some(cue) = &fi.cue {
            Decision::from_cue(cue)
        } else if fi.date_line {
            Decision::new(Role::Boilerplate(BoilerplateKind::Meta), "date-line")
        } else if bare_credit.get(i + 1).copied().unwrap_or(false) {
            Decision::new(Role::Boilerplate(BoilerplateKind::Caption), "before-credit")
        } else if after_headline
            && !standfirst_done
            && fi.words >= 6
            && !caption_words(t)
            && !fi.repeated
        {
            standfirst_done = true;
            Decision::new(Role::Standfirst, "under-headline")
        } else if fi.words >= 3 && !fi.repeated {
            Decision::new(Role::Boilerplate(BoilerplateKind::Caption), "head-fragment")
        } else {
            Decision::new(Role::Boilerplate(BoilerplateKind::Other), "head-fragment")
        };
        out[i] = Some(d);
    }
}

/// The blocks `[start, end)` that make the byline, if any: an explicit
/// byline ("By ...") first, else a bare name with a date or a role line.
fn find_byline(blocks: &[Block], f: &[Facts], n: usize) -> Option<(usize, usize)> {
    let mut explicit_parse = None;
    let explicit = (0..n).find(|&i| {
        f[i].cue.is_none() && {
            explicit_parse = byline::parse(&blocks[i].text);
            explicit_parse.is_some()
        }
    });
    let start = explicit.or_else(|| {
        (0..n).find(|&i| {
            f[i].cue.is_none()
                && byline::bare_name(&blocks[i].text).is_some_and(|(_, strong)| {
                    strong || (i + 1 < n && byline::is_role_line(&blocks[i + 1].text))
                })
        })
    })?;
    let mut end = start + 1;
    // "By" alone, then the name; then role lines.
    let parsed = if explicit == Some(start) {
        explicit_parse
    } else {
        byline::parse(&blocks[start].text)
    };
    if parsed.is_some_and(|p| p.authors.is_empty())
        && blocks[start].text.eq_ignore_ascii_case("by")
        && end < n
        && byline::bare_name(&blocks[end].text).is_some()
    {
        end += 1;
    }
    while end < n && byline::is_role_line(&blocks[end].text) {
        end += 1;
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`quote_marks`] a char at a time: the reference.
    fn quote_marks_chars(t: &str) -> (usize, bool) {
        let (mut straight, mut open, mut close) = (0, 0, 0);
        for c in t.chars() {
            match c {
                '"' => straight += 1,
                '\u{201c}' | '\u{201e}' | '\u{ab}' => open += 1,
                '\u{201d}' | '\u{bb}' => close += 1,
                _ => {}
            }
        }
        let total = straight + open + close;
        (total, total % 2 == 1 || open > close + straight)
    }

    proptest! {
        #[test]
        fn quote_marks_by_memchr(
            text in crate::testing::joined(
                vec![
                    "\"", "\u{201c}", "\u{201d}", "\u{201e}", "\u{ab}", "\u{bb}", "\u{a0}",
                    "\u{2019}", "\u{e9}", "a", " ", "'",
                ],
                0..20,
            )
        ) {
            prop_assert_eq!(quote_marks(&text), quote_marks_chars(&text));
        }
    }

    #[test]
    fn a_lead_without_a_full_stop_opens_the_body() {
        let text = "Home\n\nNews\n\nSport\n\nHarbour ferry to run all winter\n\nBy Jane Doe\n\n\
                    The harbour ferry will keep running through the winter months for the first time in its history\n\n\
                    [photo]\n\n\
                    The operator said on Monday that a trial last year had shown enough people used the service in the cold months to pay for it.\n\n\
                    Until now the boats stopped at the end of October, leaving commuters with a long drive around the bay every morning.\n";
        let blocks = crate::segment::segment(text, 0).blocks;
        let roles: Vec<Role> = assign(&blocks).into_iter().map(|d| d.role).collect();
        let at = |prefix: &str| {
            let i = blocks
                .iter()
                .position(|b| b.text.starts_with(prefix))
                .unwrap();
            roles[i]
        };
        assert_eq!(at("The harbour ferry"), Role::Paragraph, "{roles:?}");
        assert_eq!(at("The operator"), Role::Paragraph, "{roles:?}");
        assert_eq!(at("Harbour ferry"), Role::Headline, "{roles:?}");
        assert_ne!(at("Home"), Role::Paragraph, "{roles:?}");
    }

    #[test]
    fn repeated_blocks_are_marked_every_time() {
        let text = "Share\n\nA\n\nShare\n\nB\n\nAb\n\nShare\n\nab\n\nA";
        let blocks = crate::segment::segment(text, 0).blocks;
        let repeated: Vec<bool> = facts(&blocks).iter().map(|f| f.repeated).collect();
        assert_eq!(
            repeated,
            [true, true, true, false, false, true, false, true],
            "{:?}",
            blocks.iter().map(|b| &b.text).collect::<Vec<_>>()
        );
    }
}
