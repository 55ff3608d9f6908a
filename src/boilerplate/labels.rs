//! The label rules decided by hand: fixed words, perhaps with counts and
//! white space between them, that open or make up a block ("Read more:",
//! "3 of 12", "Published", "5 min read"), or stand anywhere in it ("we use
//! cookies"). Each pattern is written as [`Step`]s, read by one small
//! matcher; the pattern stays as the rule's spec and the fallback for
//! blocks with odd folds.

use std::ops::Range;

use memchr::memchr;

use super::{digits_end, is_ascii_word, is_ws, lit_end, may_be_wide_digit, ws_end};

/// One step of a label pattern.
#[derive(Clone, Copy)]
pub(super) enum Step {
    /// One of these ASCII literals (or marks such as `×`).
    Lit(&'static [&'static str]),
    /// One of these literals, or nothing.
    Opt(&'static [&'static str]),
    /// `\s*` (0) or `\s+` (1), read to its end: no step after one opens
    /// with white space, so the longest run is the only one that can go on.
    Ws(usize),
    /// `\d+`, read to its end (no step after one opens with a digit); a
    /// digit outside ASCII there leaves the block to the pattern.
    Digits,
    /// `[a-z]+`, read to its end (a space follows it).
    Letters,
    /// `(?-u:\b)`: ASCII word bytes on one side only.
    Boundary,
    /// `$`: the end of the block.
    End,
    /// `(?:lit|…|$)` as the last step: the end of the block, or one of
    /// these (two alternatives that share every step before, read once).
    EndOr(&'static [&'static str]),
    /// `.*$`: no line break from here to the end.
    LineEnd,
    /// `.*\s*$`: nothing but white space after the first line break.
    LineThenWs,
}

use Step::*;

/// A label pattern: alternatives of steps, read from the block's start
/// (`^`) or from every byte of it, ignoring ASCII case or not.
pub(super) struct Label {
    ci: bool,
    anchored: bool,
    alts: &'static [&'static [Step]],
    /// For a label read from every byte: the bytes a match can start at
    /// (see [`first_bytes`]), `None` for any.
    firsts: Option<[bool; 256]>,
}

/// The bytes that open a literal that every alternative of `alts` starts
/// with (after word boundaries, which read no byte): a match starts at
/// one of them, so a block is read only from those. `None` when an
/// alternative opens with another step.
const fn first_bytes(alts: &[&[Step]], ci: bool) -> Option<[bool; 256]> {
    let mut t = [false; 256];
    let mut a = 0;
    while a < alts.len() {
        let steps = alts[a];
        let mut s = 0;
        while s < steps.len() && matches!(steps[s], Boundary) {
            s += 1;
        }
        if s == steps.len() {
            return None;
        }
        let Lit(lits) = steps[s] else {
            return None;
        };
        let mut k = 0;
        while k < lits.len() {
            let b = lits[k].as_bytes();
            if b.is_empty() {
                return None;
            }
            t[b[0] as usize] = true;
            if ci {
                t[b[0].to_ascii_lowercase() as usize] = true;
                t[b[0].to_ascii_uppercase() as usize] = true;
            }
            k += 1;
        }
        a += 1;
    }
    Some(t)
}

impl Label {
    /// What the rule's pattern decides on `t`, a block without odd folds
    /// ([`super::MaybeHand`]; no rule here captures): `None` when a digit
    /// outside ASCII leaves it to the pattern.
    pub(super) fn decide(&self, t: &str) -> Option<Option<Range<usize>>> {
        let starts = if self.anchored { 0..=0 } else { 0..=t.len() };
        let b = t.as_bytes();
        let opens = |p: usize| match &self.firsts {
            Some(f) => b.get(p).is_some_and(|&c| f[usize::from(c)]),
            None => true,
        };
        let mut declined = false;
        for p in starts.filter(|&p| opens(p) && t.is_char_boundary(p)) {
            for alt in self.alts {
                match run(t, p, alt, self.ci) {
                    Some(true) => return Some(Some(0..0)),
                    Some(false) => {}
                    None => declined = true,
                }
            }
        }
        (!declined).then_some(None)
    }
}

/// Does `steps` match `t` from byte `p`? `None` when no path matched and
/// one met a digit outside ASCII.
fn run(t: &str, p: usize, steps: &[Step], ci: bool) -> Option<bool> {
    let b = t.as_bytes();
    let Some((step, rest)) = steps.split_first() else {
        return Some(true);
    };
    let choices = |lits: &[&str], skip: bool| {
        let mut declined = false;
        let ends = lits
            .iter()
            .filter_map(|lit| lit_end(b, p, lit, ci))
            .chain(skip.then_some(p));
        for e in ends {
            match run(t, e, rest, ci) {
                Some(true) => return Some(true),
                Some(false) => {}
                None => declined = true,
            }
        }
        (!declined).then_some(false)
    };
    match *step {
        Lit(lits) => choices(lits, false),
        Opt(lits) => choices(lits, true),
        Ws(min) => {
            let e = ws_end(t, p);
            if min > 0 && e == p {
                return Some(false);
            }
            run(t, e, rest, ci)
        }
        Digits => {
            let e = digits_end(t, p)?;
            if e == p {
                let wide = t[p..].chars().next().is_some_and(may_be_wide_digit);
                return (!wide).then_some(false);
            }
            run(t, e, rest, ci)
        }
        Letters => {
            let mut e = p;
            while b
                .get(e)
                .is_some_and(|c| c.is_ascii_lowercase() || (ci && c.is_ascii_uppercase()))
            {
                e += 1;
            }
            if e == p {
                return Some(false);
            }
            run(t, e, rest, ci)
        }
        Boundary => {
            let before = p > 0 && is_ascii_word(b[p - 1]);
            let after = b.get(p).is_some_and(|&c| is_ascii_word(c));
            if before == after {
                return Some(false);
            }
            run(t, p, rest, ci)
        }
        End => Some(p == t.len()),
        EndOr(_) if p == t.len() => Some(true),
        EndOr(lits) => choices(lits, false),
        LineEnd => Some(memchr(b'\n', &b[p..]).is_none()),
        LineThenWs => Some(memchr(b'\n', &b[p..]).is_none_or(|k| t[p + k..].chars().all(is_ws))),
    }
}

const fn ci(alts: &'static [&'static [Step]]) -> Label {
    Label {
        ci: true,
        anchored: true,
        alts,
        firsts: None,
    }
}

const fn ci_anywhere(alts: &'static [&'static [Step]]) -> Label {
    Label {
        ci: true,
        anchored: false,
        alts,
        firsts: first_bytes(alts, true),
    }
}

const fn exact(alts: &'static [&'static [Step]]) -> Label {
    Label {
        ci: false,
        anchored: true,
        alts,
        firsts: None,
    }
}

/// The marks that may follow a link or player label.
const MARKS: &[&str] = &[":", "|", "-", "\u{2013}", "\u{2014}", "\u{203a}", "\u{bb}"];

/// `caption-label`: a picture word alone, or "12 photos".
#[rustfmt::skip]
pub(super) const CAPTION_LABEL: Label = ci(&[
    &[Lit(&["photo", "image", "picture", "view photo", "view image", "photos", "gallery", "enlarge this image"]), End],
    &[Digits, Ws(1), Lit(&["photo"]), Opt(&["s"]), End],
]);

/// The words of `read-more-label`.
const READ_MORE_WORDS: &[&str] = &[
    "read",
    "read more",
    "read next",
    "more",
    "related",
    "related article",
    "related articles",
    "related stories",
    "related coverage",
    "related content",
    "see also",
    "also read",
    "also see",
    "recommended",
    "more on this story",
    "more from",
    "top stories",
    "most read",
    "most popular",
    "up next",
    "trending",
    "you might also like",
    "what to read next",
    "don't miss",
    "more stories",
    "more news",
];

/// `read-more-label`: "Read more:", "[ Related |", "See also …".
#[rustfmt::skip]
pub(super) const READ_MORE_LABEL: Label = ci(&[
    &[Opt(&["["]), Ws(0), Lit(READ_MORE_WORDS), Boundary, Ws(0), EndOr(MARKS)],
    &[Lit(&["see also"]), Ws(1)],
]);

/// `read-more-stories-about`.
pub(super) const READ_MORE_STORIES: Label = ci(&[&[Lit(&["read more stories"])]]);

/// `read-more-see-more`: "See more", "See all".
pub(super) const SEE_MORE: Label = ci(&[&[Lit(&["see "]), Lit(&["more", "all"]), Boundary]]);

/// `media-listen`.
#[rustfmt::skip]
pub(super) const MEDIA_LISTEN: Label = ci(&[
    &[Lit(&["listen to "]), Lit(&["this", "the"]), Lit(&[" "]), Lit(&["article", "story"])],
    &[Lit(&["loading audio", "audio is not supported", "play audio"])],
    &[Lit(&["listen"]), Boundary],
]);

/// `media-watch`: "Watch: …", "Video | …".
#[rustfmt::skip]
pub(super) const MEDIA_WATCH: Label = ci(&[&[
    Lit(&["watch", "video", "play video", "watch video", "watch live", "live", "gallery", "audio", "podcast"]),
    Ws(0),
    Lit(&[":", "|", "-", "\u{2013}", "\u{2014}"]),
]]);

/// `media-player`: the buttons and counters of a player or gallery.
#[rustfmt::skip]
pub(super) const MEDIA_PLAYER: Label = ci(&[
    &[Digits, Ws(1), Lit(&["of"]), Ws(1), Digits, End],
    &[Lit(&["full screen", "fullscreen", "autoplay", "close", "caption", "view photos", "view gallery", "buy photo", "replay", "play", "pause", "mute", "unmute", "expand", "video not available", "video unavailable", "\u{d7}", "now playing", "up next in video"]), End],
    &[Lit(&["view this "]), Lit(&["image", "video"]), Boundary, LineEnd],
    &[Lit(&["wait "]), Digits, Lit(&[" second"]), Opt(&["s"]), Lit(&[" to continue"]), Opt(&["."]), End],
]);

/// `media-unavailable`, anywhere in the block.
#[rustfmt::skip]
pub(super) const MEDIA_UNAVAILABLE: Label = ci_anywhere(&[
    &[Lit(&["this", "the"]), Lit(&[" video is "]), Lit(&["not available", "unavailable"])],
    &[Lit(&["your browser does not support"])],
]);

/// `advert-label`: an advertising label alone.
#[rustfmt::skip]
pub(super) const ADVERT_LABEL: Label = ci(&[
    &[Lit(&["advertisement", "advertising", "advert", "ad", "sponsored", "sponsored content", "promoted", "paid content", "paid post", "partner content", "supported by", "skip ad", "ad feedback", "story continues below advertisement", "report this ad", "you may also like", "from our partners", "around the web"]), Ws(0), End],
    &[Lit(&["sponsored link"]), Opt(&["s"]), Ws(0), End],
    &[Lit(&["sponsored link"]), Opt(&["s"]), Ws(1), Lit(&["by"]), LineThenWs],
    &[Lit(&["promoted "]), Lit(&["links", "content", "stories"]), Ws(0), End],
    &[Lit(&["promoted "]), Lit(&["links", "content", "stories"]), Ws(1), Lit(&["by"]), LineThenWs],
    &[Lit(&["continue reading "]), Opt(&["the "]), Lit(&["main story"]), LineThenWs],
    &[Lit(&["taboola"]), Ws(0), End],
    &[Lit(&["taboola"]), Ws(1), Lit(&["taboola"]), Ws(0), End],
]);

/// `advert-undo`.
pub(super) const ADVERT_UNDO: Label = exact(&[&[Lit(&["Undo"]), End]]);

/// `advert-about-content`.
pub(super) const ABOUT_CONTENT: Label = ci(&[&[Lit(&["about this content"]), End]]);

/// The words that may come before [`WORK`] in `credit-reporting`.
pub(super) const WORK_LEADS: &[&str] = &["additional ", "further ", "with "];

/// The work words of `credit-reporting`.
pub(super) const WORK: &[&str] = &[
    "reporting",
    "editing",
    "writing",
    "research",
    "fact-checking",
    "compiled",
    "production",
    "translation",
    "graphics",
];

/// `credit-reporting`: "(Additional reporting by …", "Editing and
/// graphics by …".
#[rustfmt::skip]
pub(super) const CREDIT_REPORTING: Label = ci(&[
    &[Opt(&["("]), Opt(WORK_LEADS), Lit(WORK), Lit(&[" by"]), Boundary],
    &[Opt(&["("]), Opt(WORK_LEADS), Lit(WORK), Lit(&[" and "]), Letters, Lit(&[" by"]), Boundary],
]);

/// `credit-contributed`, anywhere in the block.
#[rustfmt::skip]
pub(super) const CREDIT_CONTRIBUTED: Label = ci_anywhere(&[
    &[Boundary, Lit(&["contributed "]), Opt(&["to "]), Lit(&["this", "the"]), Lit(&[" "]), Lit(&["report", "article", "story"]), Boundary],
    &[Boundary, Lit(&["contributed reporting"]), Boundary],
]);

/// `credit-reviewed`: "Medically reviewed by …".
#[rustfmt::skip]
pub(super) const CREDIT_REVIEWED: Label = ci(&[&[
    Opt(&["medically ", "fact "]), Lit(&["reviewed", "checked"]), Lit(&[" by"]), Boundary,
]]);

/// `meta-published`: "Published …", "Last updated …".
#[rustfmt::skip]
pub(super) const META_PUBLISHED: Label = ci(&[&[
    Lit(&["published", "updated", "last updated", "posted", "first published", "modified", "created", "originally published", "this article was published", "this article was updated", "posted on"]),
    Boundary,
]]);

/// `meta-reading-time`: "5 min read", "Estimated reading time".
#[rustfmt::skip]
pub(super) const META_READING_TIME: Label = ci(&[
    &[Digits, Ws(0), Opt(&["-"]), Lit(&["min", "mins", "minute", "minutes"]), Ws(1), Lit(&["read", "listen"]), Boundary],
    &[Opt(&["estimated "]), Lit(&["reading time"]), Boundary],
]);

/// The units of `meta-ago`, each perhaps with an "s".
const UNITS: &[&str] = &[
    "second", "minute", "min", "hour", "hr", "day", "week", "month",
];

/// `meta-ago`: "3 hours ago", "About 5 mins ago".
#[rustfmt::skip]
pub(super) const META_AGO: Label = ci(&[
    &[Digits, Ws(1), Lit(UNITS), Opt(&["s"]), Ws(1), Lit(&["ago"]), End],
    &[Lit(&["about"]), Ws(1), Digits, Ws(1), Lit(UNITS), Opt(&["s"]), Ws(1), Lit(&["ago"]), End],
]);

/// `meta-print-edition`.
#[rustfmt::skip]
pub(super) const PRINT_EDITION: Label = ci(&[&[
    Lit(&["a version of this "]), Lit(&["article", "story"]), Lit(&[" appears in print"]),
]]);

/// `promo-call-upper`: "SIGN UP", "JOIN" in capitals.
pub(super) const CALL_UPPER: Label = exact(&[&[
    Lit(&["SIGN UP", "SUBSCRIBE", "FOLLOW US", "JOIN"]),
    Boundary,
]]);

/// `promo-discuss`.
pub(super) const DISCUSS: Label = ci(&[&[Lit(&["discuss:"])]]);

/// `other-cookies`, anywhere in the block.
#[rustfmt::skip]
pub(super) const COOKIES: Label = ci_anywhere(&[
    &[Boundary, Lit(&["we use cookies"]), Boundary],
    &[Boundary, Lit(&["cookie "]), Lit(&["policy", "settings", "preferences"]), Boundary],
    &[Lit(&["accept "]), Opt(&["all "]), Lit(&["cookies"])],
]);

/// `other-tags`: "Tags", "Filed under" opening the block.
#[rustfmt::skip]
pub(super) const TAGS: Label = ci(&[&[Lit(&[
    "tags", "topics", "related topics", "filed under", "categories", "sections", "keywords", "subjects",
])]]);

/// `other-nav`: a navigation word alone.
#[rustfmt::skip]
pub(super) const NAV: Label = ci(&[&[
    Lit(&["close", "done", "menu", "home", "search", "resize text", "print article", "view profile", "content preferences", "more", "next", "previous", "back to top", "skip to content", "exclusive", "breaking", "live", "opinion", "analysis", "explainer", "."]),
    End,
]]);

/// `promo-numbers` by hand: one to six digits and nothing else; `None`
/// for a block whose chars outside ASCII may all be Unicode `\d`.
pub(super) fn numbers(t: &str) -> Option<Option<Range<usize>>> {
    let digit = |c: char| c.is_ascii_digit() || may_be_wide_digit(c);
    if !t.chars().all(digit) {
        return Some(None);
    }
    if !t.is_ascii() {
        return None;
    }
    Some((1..=6).contains(&t.len()).then_some(0..0))
}

/// `read-more-bracket` by hand: `^\[(?:Read|See|Watch|Related|More)(?-u:\b)[^\]]*\]$`,
/// a link in square brackets ("[Read: the harbour works]").
pub(super) fn bracket(t: &str) -> Option<Range<usize>> {
    let b = t.as_bytes();
    let opens = ["Read", "See", "Watch", "Related", "More"].iter().any(|w| {
        lit_end(b, 1, w, false).is_some_and(|e| b.get(e).is_none_or(|&c| !is_ascii_word(c)))
    });
    (b.first() == Some(&b'[') && opens && memchr(b']', b) == Some(b.len() - 1)).then_some(0..0)
}

/// `caption-provided` by hand: the credit of `(?i)^©\s*provided
/// by\s+(.{2,80})$` ("© Provided by the Courier"), on a block without odd
/// folds.
pub(super) fn provided(t: &str) -> Option<Range<usize>> {
    let x = t.strip_prefix('\u{a9}')?;
    let at = t.len() - x.len();
    let p = ws_end(t, at);
    let e = lit_end(t.as_bytes(), p, "provided by", true)?;
    super::credits::ws_then_capture(t, e, t.len(), 2, 80, |c| c != '\n')
}

/// `caption-byline-source` by hand: `(?i)^by\s+.{2,40}\|\s*source:\s*.{2,60}$`
/// ("By Jo Bell | Source: the Courier"); the credit is the whole block.
pub(super) fn byline_source(t: &str) -> Option<Range<usize>> {
    let b = t.as_bytes();
    lit_end(b, 0, "by", true)?;
    let found = memchr::memchr_iter(b'|', b).any(|bar| {
        // After the bar: `\s*source:`, then `\s*.{2,60}` to the end.
        let s = ws_end(t, bar + 1);
        lit_end(b, s, "source:", true).is_some_and(|e| ws_then_line(&t[e..], 0, 2, 60))
            && ws_then_line(&t[2..bar], 1, 2, 40)
    });
    found.then_some(0..t.len())
}

/// True when `v` is white space (at least `ws_min` chars) then `min..=max`
/// chars that are not a line break, to its end: `\s+.{2,40}` and the like.
/// The white space may give chars to the run, keeping `ws_min`; a line
/// break can only be in the white space.
fn ws_then_line(v: &str, ws_min: usize, min: usize, max: usize) -> bool {
    let i0 = ws_end(v, 0);
    let lead: Vec<char> = v[..i0].chars().collect();
    // The white space the run may take: after its last line break, and
    // leaving `ws_min`.
    let nl = lead.iter().rposition(|&c| c == '\n').map_or(0, |k| k + 1);
    let spare = lead.len().saturating_sub(nl.max(ws_min));
    if lead.len() < ws_min {
        return false;
    }
    let mut core = 0;
    for c in v[i0..].chars() {
        if c == '\n' {
            return false;
        }
        core += 1;
        if core > max {
            return false;
        }
    }
    core + spare >= min
}

#[cfg(test)]
mod tests {
    use super::super::{hand_is_pattern, has_odd_fold, RULES};
    use super::*;
    use proptest::prelude::*;

    /// Every rule decided by a label or by this module's own matchers
    /// agrees with its pattern on `t`; how many matched.
    fn agrees(t: &str) -> Result<usize, TestCaseError> {
        let mut found = 0;
        if !has_odd_fold(t) {
            for r in RULES.iter() {
                let m = hand_is_pattern(r.name, t).map_err(TestCaseError::fail)?;
                found += usize::from(m.is_some());
            }
        }
        Ok(found)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        /// A label read anywhere in the block, read only from the bytes
        /// its literals open with, decides as read from every byte.
        #[test]
        fn anywhere_labels_read_from_their_first_bytes_as_from_every_byte(
            text in crate::testing::joined(
                vec![
                    "We use cookies", "cookie ", "policy", "accept ", "all ", "cookies",
                    "contributed ", "to ", "this", "the", " ", "report", "contributed reporting",
                    " video is ", "not available", "your browser does not support", "x", "é",
                    "\u{663}", ".", "\n", "We", "Jo",
                ],
                0..8,
            )
        ) {
            for label in [&COOKIES, &CREDIT_CONTRIBUTED, &MEDIA_UNAVAILABLE] {
                prop_assert!(label.firsts.is_some());
                let every = Label { firsts: None, ..*label };
                prop_assert_eq!(label.decide(&text), every.decide(&text));
            }
        }
    }

    #[test]
    fn labels_by_hand_on_blocks() {
        let mut blocks = crate::segment::fixture_blocks();
        blocks.extend(
            [
                "12 photos",
                "\u{663} photos",
                "Read more:",
                "[ Related articles |",
                "See also the harbour works",
                "[Read: the harbour works]",
                "[Read] more]",
                "Listen to the story",
                "Watch live \u{2014} the launch",
                "3 of 12",
                "View this video on the site\nnext",
                "Wait 5 seconds to continue.",
                "This video is unavailable in your area",
                "Sponsored links by the Trust\n \n",
                "Sponsored links by the Trust\nand more",
                "Promoted stories",
                "Continue reading the main story",
                "Taboola \u{a0}taboola ",
                "(Additional reporting by Jo Bell; editing by Tom Hale)",
                "Fact-checking and graphics by Jo Bell",
                "Jo Bell contributed to this report.",
                "Medically reviewed by Dr Jo Bell",
                "This article was updated on Monday",
                "5-min read",
                "5 \u{a0}minutes listen",
                "About 3 hours ago",
                "A version of this article appears in print",
                "SIGN UP now",
                "Discuss: the harbour",
                "We use cookies to improve the site",
                "Filed under: Harbour",
                "Back to top",
                "\u{a9} Provided by the Courier",
                "\u{a9}provided by \u{a0} x",
                "By Jo Bell | Source: the Courier",
                "By  Jo | Bell | source:x y",
                "123456",
                "1234567",
                "7\u{b0}C",
                "\u{2070}",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for b in &blocks {
            found += agrees(b).expect("agrees");
        }
        assert!(found >= 40, "{found}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// The labels' words whole and joined, counts, marks, line breaks
        /// and white space of every kind.
        #[test]
        fn labels_by_hand_are_the_patterns(
            text in crate::testing::joined(
                vec![
                    "Read", " more", "[", "]", "Related", " articles", "see also", "See ",
                    "more", "all", "Listen", " to the ", "story", "Watch", "Video", "live",
                    ":", "|", "-", "\u{2014}", "\u{bb}", "3", "12", " of ", "\u{663}", "\u{2070}",
                    "View this ", "video", "Wait ", " seconds", " to continue", ".", "This",
                    " video is ", "unavailable", "Sponsored", " links", " by", "Promoted ",
                    "Continue reading ", "the ", "main story", "Taboola", "Advertisement", "Ad",
                    "(", "Additional ", "reporting", " and ", "graphics", "contributed ",
                    "to ", "this", " report", "Medically ", "reviewed", "Published", "updated",
                    "min", " read", "About ", " hours", " ago", "SIGN UP", "JOIN", "Discuss:",
                    "we use cookies", "accept ", "Tags", "Home", "Close", "\u{d7}", "\u{a9}",
                    " Provided by ", "By ", " Source: ", "photos", "Photo", " ", "  ", "\t",
                    "\n", "\u{a0}", "\u{2003}", "x", "_", "\u{e9}", "7", "\u{b0}",
                ],
                0..8,
            )
        ) {
            agrees(&text)?;
        }
    }
}
