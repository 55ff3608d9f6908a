//! The needles of the cue rules' gates: one of them must occur in a block
//! for the rule to be tried. Read by the rule table (`super::RULES`) and by
//! `build.rs`, which compiles each list below into the needle automata
//! at build time, so the two can never drift apart.

/// `caption-credit-label`.
pub(crate) const CREDIT_LABEL: &[&str] = &[
    "picture",
    "photo",
    "image",
    "illustration",
    "credit",
    "source",
];

/// `caption-credit-paren`.
pub(crate) const CREDIT_PAREN: &[&str] = &["picture", "photo", "image", "credit"];

/// `caption-agency`.
pub(crate) const AGENCY: &[&str] = &[
    "Getty",
    "AFP",
    "AP",
    "Reuters",
    "PA",
    "Shutterstock",
    "Alamy",
    "Bloomberg",
    "Xinhua",
    "Rex",
    "SWNS",
    "iStock",
    "Anadolu",
    "NurPhoto",
    "ZUMA",
    "Corbis",
    "Sipa",
    "WireImage",
    "Camera",
];

/// `caption-photo-by`.
pub(crate) const PHOTO_BY: &[&str] = &["photo", "picture", "image", "illustration"];

/// `media-unavailable`.
pub(crate) const VIDEO_UNAVAILABLE: &[&str] = &["video is ", "your browser does not support"];

/// `advert-sponsored-by`.
pub(crate) const SPONSORED_BY: &[&str] = &[
    "sponsored by",
    "presented by",
    "in partnership with",
    "supported by",
    "brought to you by",
    "invented by teads",
];

/// `credit-contributed`.
pub(crate) const CONTRIBUTED: &[&str] = &["contributed"];

/// `legal-copyright`.
pub(crate) const COPYRIGHT: &[&str] = &[
    "©",
    "(c)",
    "copyright",
    "all rights reserved",
    "registered in england",
    "company number",
    "company no",
    "company registration",
    "registered office",
    "may not be ",
    "terms of ",
    "terms and ",
    "privacy policy",
];

/// `promo-call`.
pub(crate) const CALLS: &[&str] = &[
    "sign up for",
    "sign up to",
    "subscribe to",
    "subscribe for",
    "subscribe now",
    "subscribe today",
    "newsletter",
    " in to comment",
    " in to continue",
    " in to read",
    "follow ",
    "is on twitter",
    "is on facebook",
    "is on instagram",
    "join our ",
    "join the ",
    "download our",
    "download the",
    "get our",
    "get the",
    "leave a comment",
    "commenting policy",
    "comment is ",
    "comment are ",
    "comments is ",
    "comments are ",
    "become a ",
    "journalism",
    "tell us what you think",
    "your feedback",
    "you must be logged in",
    "opinions expressed in reader comments",
    "check out more ",
    "conversation powered by",
    "please review our",
    "please read our",
    " in or register",
    " in or create",
];

/// `promo-paywall`.
pub(crate) const PAYWALL: &[&str] = &[
    "reached your ",
    "free article",
    "already a ",
    "subscribe from",
    "unlimited access",
    "journalism",
    "become a",
    "for an ad-free experience",
];

/// `other-cookies`.
pub(crate) const COOKIES: &[&str] = &["cookie"];

/// `other-bio`.
pub(crate) const BIO: &[&str] = &[
    "reporter",
    "writer",
    "editor",
    "correspondent",
    "journalist",
    "columnist",
    "contributor",
    "producer",
    "critic",
    "blogger",
    "author",
];

/// `caption-credit-word`: its needle ignoring ASCII case; the rule's gate
/// then looks for [`CREDIT_WORD_EXACT`] on its own.
pub(crate) const CREDIT_WORD: &[&str] = &["credit"];

/// `caption-credit-word`'s exact needle.
pub(crate) const CREDIT_WORD_EXACT: &str = "Credit";

/// Facts of a block's shape that some rules' gates read, found by the
/// same pass of the automaton as the rules' needles (the lists after
/// [`FACTS_FROM`] in [`CI_GATES`]): a slash (`caption-agency`), a bar
/// (`other-nav-bar`), a colon and a space (the phone half of
/// `other-contact`), a letter that `(?i)` folds onto an ASCII one though an
/// ASCII-case comparison would not (LONG S, KELVIN SIGN: every gate is then
/// skipped), and the job words of `other-bio` in any case (a superset of
/// its exact needles, so that most blocks skip its word walk).
pub(crate) const SLASH: &[&str] = &["/"];
/// See [`SLASH`].
pub(crate) const BAR: &[&str] = &["|"];
/// See [`SLASH`].
pub(crate) const COLON_SPACE: &[&str] = &[": "];
/// See [`SLASH`].
pub(crate) const ODD_FOLD: &[&str] = &["\u{17f}", "\u{212a}"];

/// The index in [`CI_GATES`] of the first fact list ([`SLASH`]): the lists
/// before it are the rules' gates.
pub(crate) const FACTS_FROM: usize = 11;

/// The gates whose needles are compared ignoring ASCII case: gate `k` is
/// bit `k` of what the automaton that ignores ASCII case finds. The rules'
/// gates first, then the facts ([`FACTS_FROM`]).
pub(crate) const CI_GATES: &[&[&str]] = &[
    CREDIT_WORD,
    CREDIT_LABEL,
    CREDIT_PAREN,
    PHOTO_BY,
    VIDEO_UNAVAILABLE,
    SPONSORED_BY,
    CONTRIBUTED,
    COPYRIGHT,
    CALLS,
    PAYWALL,
    COOKIES,
    SLASH,
    BAR,
    COLON_SPACE,
    ODD_FOLD,
    BIO,
];

/// The gates whose needles are compared exactly (bits as for [`CI_GATES`]).
pub(crate) const EXACT_GATES: &[&[&str]] = &[AGENCY, BIO];
