//! The output model: one struct per JSON object. The JSON schema lives here
//! and only here (`lede schema` prints the JSON Schema generated from it).
//!
//! # Wire format (`"schema": "lede/1"`)
//!
//! ```json
//! {
//!   "schema": "lede/1",
//!   "source": "articles/ferries.txt",
//!   "offsets": "bytes",
//!   "headline": {"text": "Island ferries to run all winter ...", "span": [0, 84], "quotes": []},
//!   "standfirst": null,
//!   "byline": {"text": "By Ana Lee", "authors": ["Ana Lee"], "organisation": null,
//!              "role": null, "span": [250, 260]},
//!   "dateline": null,
//!   "published": null,
//!   "subheadings": [],
//!   "paragraphs": [{"text": "Island ferries ...", "span": [262, 421]}],
//!   "boilerplate": [{"kind": "caption", "text": "... Picture: Harbour Photo", "credit": "Harbour Photo",
//!                    "span": [86, 248]}],
//!   "quotes": [{"text": "lifeline service", "paragraph": 0, "span": [318, 334],
//!               "speaker": "Ilse Varga", "speaker_mention": "Mayor Ilse Varga",
//!               "cue": "said", "quotation": 0, "closed": true}],
//!   "speakers": [{"name": "Ilse Varga", "mentions": ["Mayor Ilse Varga", "Varga"],
//!                 "role": "Mayor", "quotes": 16, "quoted_words": 230}],
//!   "stats": {"bytes": 4321, "words": 700, "sentences": 30, "paragraphs": 17,
//!             "quotes": 16, "reading_time_seconds": 168},
//!   "warnings": [{"code": "unclosed_quote", "message": "...", "span": [10, 20]}]
//! }
//! ```
//!
//! Guarantees: every `span` is `[start, end)` in UTF-8 bytes of the input as
//! read (a BOM counts; in code points or UTF-16 units when `offsets` says
//! `chars` or `utf16`), on char boundaries, and `input[start..end]` is the
//! element's original text; `text` is that text with line breaks and runs of
//! white space folded to single spaces. Elements of the article (headline,
//! standfirst, byline, subheadings, paragraphs, boilerplate) never overlap and
//! together cover every non-blank line. Fields are never omitted: absent
//! values are `null` or `[]`.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The schema tag written into every object.
pub const SCHEMA: &str = "lede/1";

/// The JSON Schema of a `schema` field: the constant [`SCHEMA`].
pub fn schema_tag(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "string", "const": SCHEMA})
}

/// Every warning `code`, with what it means (the README lists them).
pub const WARNING_CODES: &[(&str, &str)] = &[
    ("empty_input", "the input is empty or only white space"),
    ("no_body", "no body paragraph was found"),
    ("no_headline", "no headline was found"),
    ("no_byline", "no byline was found"),
    ("unclosed_quote", "a quotation has no closing mark"),
    (
        "lone_surrogate",
        "record mode: a lone UTF-16 surrogate escape was replaced by U+FFFD",
    ),
    (
        "lossy_utf8",
        "--lossy: bytes that are not UTF-8 were replaced by U+FFFD",
    ),
];

fn warning_codes(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let codes: Vec<&str> = WARNING_CODES.iter().map(|(code, _)| *code).collect();
    schemars::json_schema!({"type": "string", "enum": codes})
}

/// Everything lede finds in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    #[schemars(schema_with = "schema_tag")]
    pub schema: String,
    /// Where the article came from (a path, a record id), or `null` for stdin.
    pub source: Option<String>,
    /// The unit of every `span`: `bytes` (UTF-8, the default), `chars`
    /// (Unicode code points, as Python indexes a str) or `utf16` (UTF-16
    /// code units, as JavaScript indexes a string), chosen with `--offsets`.
    pub offsets: crate::render::offsets::Unit,
    /// The article's headline, or `null` when the text starts with the body.
    pub headline: Option<Headline>,
    /// The summary sentence under the headline ("dek"), if any.
    pub standfirst: Option<Element>,
    /// The author line.
    pub byline: Option<Byline>,
    /// "LONDON (Reuters) -" at the start of the first body paragraph.
    pub dateline: Option<Dateline>,
    /// When the article was published or updated, from a date line or byline.
    pub published: Option<Published>,
    /// Section headings inside the body.
    pub subheadings: Vec<Element>,
    /// The body, in order.
    pub paragraphs: Vec<Element>,
    /// Everything that is not the article: captions, links, widgets, ads.
    pub boilerplate: Vec<Boilerplate>,
    /// Direct and partial quotations in the body, in reading order.
    pub quotes: Vec<Quote>,
    /// One entry per person quoted, in order of first quotation.
    pub speakers: Vec<Speaker>,
    /// Counts.
    pub stats: Stats,
    /// What looked wrong.
    pub warnings: Vec<Warning>,
}

/// A piece of the article: its folded text and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Element {
    /// The text, white space folded.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// The headline, with any quotations it carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    /// The text, white space folded.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
    /// Quoted words in the headline (`paragraph` is `null` for these).
    pub quotes: Vec<Quote>,
}

/// The author line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Byline {
    /// The whole line as written, white space folded.
    pub text: String,
    /// Person names only: no "By", roles, outlets or dates.
    pub authors: Vec<String>,
    /// An outlet or agency named in the byline ("BBC News").
    pub organisation: Option<String>,
    /// A role named in the byline ("Political Editor").
    pub role: Option<String>,
    /// Where it stands in the input (first to last line when it spans several).
    pub span: Span,
}

/// A dateline opening the first body paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dateline {
    /// The dateline as written, including its dash.
    pub text: String,
    /// "LONDON", "KYIV, Ukraine".
    pub place: String,
    /// "Reuters", "AP", when named.
    pub agency: Option<String>,
    /// The date the dateline gives ("March 3"), as written, when it has one.
    pub date: Option<String>,
    /// Where it stands in the input (inside the first paragraph's span).
    pub span: Span,
}

/// A publication date or time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// ISO 8601: `2026-11-25`, or `2026-11-25T14:05` when a time is given.
    pub iso: String,
    /// The date as written.
    pub text: String,
    /// Where the date stands in the input.
    pub span: Span,
}

/// Kinds of boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// A picture or video caption, usually with a credit.
    Caption,
    /// "Read more:", "Related:", links to other articles.
    ReadMore,
    /// Audio or video player text: "Listen to this article".
    Media,
    /// Newsletter, subscribe, follow, share, comments, app promotion.
    Promo,
    /// Advertising and sponsorship.
    Advert,
    /// Wire and contributor credits: "Reporting by ...; Editing by ...".
    Credit,
    /// Copyright and rights notices.
    Legal,
    /// Timestamps, "Updated", reading time.
    Meta,
    /// Any other clutter: tags, navigation, author bios, chart labels.
    Other,
}

impl BoilerplateKind {
    /// The name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::Caption => "caption",
            BoilerplateKind::ReadMore => "read_more",
            BoilerplateKind::Media => "media",
            BoilerplateKind::Promo => "promo",
            BoilerplateKind::Advert => "advert",
            BoilerplateKind::Credit => "credit",
            BoilerplateKind::Legal => "legal",
            BoilerplateKind::Meta => "meta",
            BoilerplateKind::Other => "other",
        }
    }
}

/// One block of boilerplate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Boilerplate {
    /// What kind of clutter it is.
    pub kind: BoilerplateKind,
    /// The text, white space folded.
    pub text: String,
    /// For captions: who took or supplied the picture ("Getty", "AP").
    pub credit: Option<String>,
    /// Where it stands in the input.
    pub span: Span,
}

/// A direct or partial quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The words between the marks, marks excluded, white space folded.
    pub text: String,
    /// 0-based index into `paragraphs`; `null` for a quote in the headline.
    pub paragraph: Option<usize>,
    /// The words between the marks in the input.
    pub span: Span,
    /// The speaker's canonical (fullest) name, or `null` when not said.
    pub speaker: Option<String>,
    /// How the speaker was named where this quote was attributed ("he").
    pub speaker_mention: Option<String>,
    /// The attribution verb or phrase ("said", "according to").
    pub cue: Option<String>,
    /// Pieces of one quotation that runs over several paragraphs share this
    /// number; every quotation has its own.
    pub quotation: usize,
    /// False when the quotation has no closing mark in its paragraph.
    pub closed: bool,
}

/// A person quoted in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// The canonical (fullest) name.
    pub name: String,
    /// Every way the article names this person, in order of appearance.
    pub mentions: Vec<String>,
    /// A role stated alongside the name ("Prime Minister").
    pub role: Option<String>,
    /// How many quotes are attributed to this person.
    pub quotes: usize,
    /// How many words those quotes hold.
    pub quoted_words: usize,
}

/// Counts over the article.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Stats {
    /// Bytes of input.
    pub bytes: usize,
    /// Words in the body paragraphs (Unicode word segmentation).
    pub words: usize,
    /// Sentences in the body paragraphs.
    pub sentences: usize,
    /// Body paragraphs.
    pub paragraphs: usize,
    /// Quotes found in the body.
    pub quotes: usize,
    /// Boilerplate blocks.
    pub boilerplate: usize,
    /// Reading time of the body at 230 words a minute, in whole seconds.
    pub reading_time_seconds: usize,
}

/// Something that looked wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    /// A stable identifier: `empty_input`, `no_body`, `unclosed_quote`, ...
    /// (every code is in the schema's enum and in `WARNING_CODES`).
    #[schemars(schema_with = "warning_codes")]
    pub code: String,
    /// A sentence for people.
    pub message: String,
    /// Where, when it is about one place.
    pub span: Option<Span>,
}
