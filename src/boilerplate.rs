//! Cue patterns that mark a block as boilerplate, and of which kind.
//!
//! Every rule is general English or general web-page furniture: cue words
//! ("Read more:", "Share on", "Advertisement"), credit shapes ("Picture:
//! X", "(Image: X)", "X/Getty Images") and second-person calls to action.
//! Rules carry a word limit: a cue that could occur in real prose ("follow",
//! "newsletter") only counts in a short block. Rules are tried in
//! the rule table; the first matching rule in table order wins.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::BoilerplateKind::{self, *};

/// What a cue rule decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The kind of boilerplate.
    pub kind: BoilerplateKind,
    /// The rule's name, for `--explain`.
    pub rule: &'static str,
    /// The credit of a caption, when the rule finds one.
    pub credit: Option<String>,
}

struct Rule {
    name: &'static str,
    kind: BoilerplateKind,
    /// The block must have at most this many words.
    max_words: usize,
    pattern: &'static str,
}

const fn rule(
    name: &'static str,
    kind: BoilerplateKind,
    max_words: usize,
    pattern: &'static str,
) -> Rule {
    Rule {
        name,
        kind,
        max_words,
        pattern,
    }
}

/// Photo agencies and picture libraries whose names close a caption credit.
const AGENCIES: &str = r"(?:Getty(?:\s+Images)?|AFP|AP(?:\s+Photo)?|Reuters|PA(?:\s+(?:Wire|Images|Media))?|EPA(?:-EFE)?|Shutterstock|Alamy|Bloomberg|Xinhua|Rex(?:/Shutterstock)?|SWNS|iStock(?:photo)?|Anadolu(?:\s+Agency)?|NurPhoto|SOPA\s+Images|ZUMA(?:\s+(?:Press|Wire))?|Corbis|Sipa|WireImage|Camera\s+Press)";

#[rustfmt::skip]
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| vec![
    // Captions: a credit closes the block, or a picture word opens it.
    rule("caption-credit-label", Caption, 90, r"(?i)(?:^|[\s.|,;(])(?:picture|photo|photograph|image|illustration|pictures|photos|images|credit|photo credit|source|main image)s?\s*(?:by)?\s*:\s*([^:]{2,80})\)?$"),
    rule("caption-credit-paren", Caption, 90, r"(?i)\((?:picture|photo|photograph|image|credit|pictures|photos|images)s?:?\s+([^)]{2,60})\)\s*$"),
    rule("caption-agency", Caption, 90, const_format_agency()),
    rule("caption-photo-by", Caption, 90, r"(?i)(?:^|[|•]\s*|\s)(?:top\s+|main\s+)?(?:photo|photograph|picture|image|illustration)s?\s+by\s+([A-Z][^.]{1,60})$"),
    rule("caption-credit-word", Caption, 40, r"(?:^|[a-z.]\s*)Credit:?\s+([A-Z][\w.'’\- /]{1,60})$"),
    rule("caption-provided", Caption, 30, r"(?i)^©\s*provided by\s+(.{2,80})$"),
    rule("caption-label", Caption, 3, r"(?i)^(?:photo|image|picture|view photo|view image|photos|gallery|enlarge this image|\d+\s+photos?)$"),
    rule("caption-byline-source", Caption, 25, r"(?i)^by\s+.{2,40}\|\s*source:\s*.{2,60}$"),
    // Links to other articles.
    rule("read-more-label", ReadMore, 60, r"(?i)^\[?\s*(?:read|read more|read next|more|related|related articles?|related stories|related coverage|related content|see also|also read|also see|recommended|more on this story|more from|top stories|most read|most popular|up next|trending|you might also like|what to read next|don't miss|more stories|more news)(?-u:\b)\s*(?:[:|\-–—›»]|$)|^see also\s"),
    rule("read-more-bracket", ReadMore, 40, r"^\[(?:Read|See|Watch|Related|More)(?-u:\b)[^\]]*\]$"),
    rule("read-more-more-on", ReadMore, 6, r"(?i)^(?:more on|more from|more about|read more about|more in)\s+[\w'’ .&-]{2,60}$"),
    rule("read-more-stories-about", ReadMore, 8, r"(?i)^read more stories"),
    rule("read-more-see-more", ReadMore, 4, r#"(?i)^see (?:more|all)(?-u:\b)"#),
    // Players and galleries.
    rule("media-listen", Media, 20, r"(?i)^(?:listen to (?:this|the) (?:article|story)|loading audio|audio is not supported|play audio|listen(?-u:\b))"),
    rule("media-watch", Media, 40, r"(?i)^(?:watch|video|play video|watch video|watch live|live|gallery|audio|podcast)\s*[:|\-–—]"),
    rule("media-player", Media, 8, r"(?i)^(?:\d+\s+of\s+\d+|full screen|fullscreen|autoplay|close|caption|view photos|view gallery|buy photo|replay|play|pause|mute|unmute|expand|view this (?:image|video)(?-u:\b).*|wait \d+ seconds? to continue\.?|video (?:not available|unavailable)|×|now playing|up next in video)$"),
    rule("media-unavailable", Media, 20, r"(?i)(?:this|the) video is (?:not available|unavailable)|your browser does not support"),
    // Advertising.
    rule("advert-label", Advert, 6, r"(?i)^(?:advertisement|advertising|advert|ad|sponsored|sponsored content|sponsored links?(?:\s+by.*)?|promoted|promoted (?:links|content|stories)(?:\s+by.*)?|paid content|paid post|partner content|supported by|skip ad|ad feedback|story continues below advertisement|continue reading (?:the )?main story.*|report this ad|you may also like|from our partners|around the web|taboola(?:\s+taboola)?)\s*$"),
    rule("advert-sponsored-by", Advert, 25, r"(?i)(?:sponsored by|presented by|in partnership with|supported by|brought to you by|invented by teads)(?-u:\b).{0,60}$"),
    rule("advert-undo", Advert, 1, r"^Undo$"),
    rule("advert-about-content", Advert, 4, r"(?i)^about this content$"),
    // Wire and contributor credits.
    rule("credit-reporting", Credit, 60, r"(?i)^(?:\(?(?:additional |further |with )?(?:reporting|editing|writing|research|fact-checking|compiled|production|translation|graphics)(?: and [a-z]+)? by(?-u:\b))"),
    rule("credit-contributed", Credit, 40, r"(?i)(?-u:\b)(?:contributed (?:to )?(?:this|the) (?:report|article|story)|contributed reporting)(?-u:\b)"),
    rule("credit-reviewed", Credit, 20, r"(?i)^(?:medically |fact )?(?:reviewed|checked) by(?-u:\b)"),
    // Rights.
    rule("legal-copyright", Legal, 60, r"(?i)^(?:©|\(c\)|copyright(?-u:\b))|all rights reserved|registered in england|company (?:number|no\.?|registration)|registered office|may not be (?:published|reproduced|broadcast|redistributed)|terms (?:of|and) (?:use|service|conditions)\s*$|privacy policy\s*$"),
    // Dates and reading time.
    rule("meta-published", Meta, 25, r"(?i)^(?:published|updated|last updated|posted|first published|modified|created|originally published|this article was (?:published|updated)|posted on)(?-u:\b)"),
    rule("meta-reading-time", Meta, 8, r"(?i)^\d+\s*(?:-|\s)?(?:min|mins|minute|minutes)\s+(?:read|listen)(?-u:\b)|^(?:estimated )?reading time(?-u:\b)"),
    rule("meta-ago", Meta, 6, r"(?i)^(?:about\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$"),
    rule("meta-print-edition", Meta, 60, r"(?i)^a version of this (?:article|story) appears in print"),
    // Calls to action and page furniture.
    rule("promo-share", Promo, 8, r"(?i)^(?:share|share this(?: article| story| page)?|share on \w+(?: \w+)?|share via \w+|share (?:your|the) \w+|tweet|email|e-mail|print|save|pin it|reblog|more options|copy link|whatsapp|facebook|twitter|linkedin|reddit|flipboard|messenger|bookmark(?: it)?|all share services|\d+\s+shares?|comments?|\d+\s+comments?|comments?\s*\(\d+\)|no comments|view comments|show comments|add a comment|post comment.*|\+?\s*follow(?-u:\b).*|follow(?: us)?(?: on \w+)?|log ?in|sign ?in|register|register log in|subscribe|sign up|join|faq|faqs.*|newest \| oldest.*|\d+ people following|get \w+)\s*[.!▾]*\s*$"),
    rule("promo-numbers", Promo, 1, r"^\d{1,6}$"),
    rule("promo-call", Promo, 45, r"(?i)(?-u:\b)(?:sign up (?:for|to)|subscribe (?:to|for|now|today)|newsletters?(?-u:\b).*(?-u:\b)(?:inbox|sign|subscribe)|(?:sign|log) in to (?:comment|continue|read)|follow (?:us|him|her|them|@\w+) on|follow \w+ on (?:twitter|facebook|instagram)|is on (?:twitter|facebook|instagram)|join (?:our|the) (?:conversation|community|discussion|team|program)|download (?:our|the) \w* ?app|get (?:our|the) \w* ?app|leave a comment|commenting policy|comments? (?:are|is) (?:closed|moderated)|become a (?:member|subscriber)|support (?:our|independent) journalism|tell us what you think|your feedback|you must be logged in|opinions expressed in reader comments|check out more (?:articles|stories)|conversation powered by|please (?:review|read) our|(?:log|sign) in or (?:register|create))"),
    rule("promo-paywall", Promo, 40, r"(?i)reached your (?:limit|maximum)|free articles? (?:left|remaining|this month)|already a (?:subscriber|member)|subscribe from|unlimited access|(?:support|fund) (?:our|independent|local|quality) journalism|become an? \w+ (?:member|subscriber)|for an ad-free experience"),
    rule("promo-call-upper", Promo, 10, r"^(?:SIGN UP|SUBSCRIBE|FOLLOW US|JOIN)(?-u:\b)"),
    rule("promo-discuss", Promo, 12, r"(?i)^discuss:"),
    // Everything else a page wraps around an article.
    rule("other-cookies", Other, 60, r"(?i)(?-u:\b)we use cookies(?-u:\b)|(?-u:\b)cookie (?:policy|settings|preferences)(?-u:\b)|accept (?:all )?cookies"),
    rule("other-nav-bar", Other, 30, r"^[^|.!?]{2,30}(?:\s\|\s[^|.!?]{2,30}){2,}$"),
    rule("other-tags", Other, 40, r"(?i)^(?:tags|topics|related topics|filed under|categories|sections|keywords|subjects)\s*:?"),
    rule("other-bio", Other, 60, r"^(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+\s+(?:is|was|has been)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|producer|critic|blogger|author)(?-u:\b)"),
    rule("other-contact", Other, 30, r"(?i)^(?:contact|email|e-mail|reach)(?-u:\b).{0,60}@|^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}: \d{3}[-. ]\d{3}"),
    rule("other-nav", Other, 3, r"(?i)^(?:close|done|menu|home|search|resize text|print article|view profile|content preferences|more|next|previous|back to top|skip to content|exclusive|breaking|live|opinion|analysis|explainer|\.)$"),
]);

/// `caption-agency`: a credit ending in a photo agency, "X/Getty Images".
fn const_format_agency() -> &'static str {
    static P: LazyLock<String> = LazyLock::new(|| {
        format!(
            r"(?:^|[\s(/|:]){AGENCIES}(?:\s*/\s*[\w .'-]{{1,40}})?\)?\s*$|^[A-Z .'-]{{3,40}}/{AGENCIES}(?-u:\b)"
        )
    });
    P.as_str()
}

static EACH: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|r| Regex::new(r.pattern).expect("cue rule compiles"))
        .collect()
});

/// The boilerplate cue of a block of `words` words, if any.
pub fn cue(text: &str, words: usize) -> Option<Cue> {
    // Rules in table order, only those whose word limit the block meets:
    // long paragraphs try few rules, and each compiled regex keeps its own
    // prefilter and DFA (a RegexSet of them all falls back to the PikeVM).
    let index =
        (0..RULES.len()).find(|&i| words <= RULES[i].max_words && EACH[i].is_match(text))?;
    let rule = &RULES[index];
    let credit = if rule.kind == Caption {
        caption_credit(&EACH[index], text)
    } else {
        None
    };
    Some(Cue {
        kind: rule.kind,
        rule: rule.name,
        credit,
    })
}

fn caption_credit(re: &Regex, text: &str) -> Option<String> {
    let caps = re.captures(text)?;
    let credit = match caps.get(1) {
        Some(m) => m.as_str(),
        None => {
            // The agency rule: the credit is the last slash- or space-led run.
            let m = caps.get(0)?.as_str();
            m.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '|' | ':'))
        }
    };
    let credit = credit
        .trim()
        .trim_end_matches(')')
        .trim_end_matches(['.', ' '])
        .trim();
    (!credit.is_empty()).then(|| credit.to_string())
}

/// True when the block is nothing but a picture credit ("Photo by X",
/// "Credit Jane Doe", "Getty Images"): it makes the block before it a caption.
pub fn is_bare_credit(text: &str) -> bool {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:(?:top |main )?(?:photo|photograph|picture|image|credit|photos)s?(?: by)?:?\s+[\w .,'’/&-]{{2,60}}|{AGENCIES}(?:/[\w .'-]+)?|[A-Z .'-]{{3,40}}/{AGENCIES})$"
        ))
        .expect("bare credit compiles")
    });
    text.split_whitespace().count() <= 10 && BARE.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::word_count;

    fn kind(text: &str) -> Option<BoilerplateKind> {
        cue(text, word_count(text)).map(|c| c.kind)
    }

    fn credit(text: &str) -> Option<String> {
        cue(text, word_count(text)).and_then(|c| c.credit)
    }

    #[test]
    fn captions_and_credits() {
        let t = "The mayor (L) greets the minister outside the town hall. Picture: Getty";
        assert_eq!(kind(t), Some(Caption));
        assert_eq!(credit(t).as_deref(), Some("Getty"));
        assert_eq!(
            credit("Flood water in the square (Image: PA)").as_deref(),
            Some("PA")
        );
        assert_eq!(
            credit("Crowds at the gate. Photo: AP").as_deref(),
            Some("AP")
        );
        assert_eq!(
            credit("The harbour at dusk. Credit: Reuters").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            credit("A fisherman mends nets. Photograph: Ana Ruiz/The Courier").as_deref(),
            Some("Ana Ruiz/The Courier")
        );
        assert_eq!(kind("JOHN SMITH/AFP/Getty Images"), Some(Caption));
        assert_eq!(kind("Photo by Ana Ruiz"), Some(Caption));
    }

    #[test]
    fn links_widgets_and_calls() {
        assert_eq!(
            kind("Read more: Council votes on the bridge"),
            Some(ReadMore)
        );
        assert_eq!(kind("READ MORE: Bridge plans delayed"), Some(ReadMore));
        assert_eq!(kind("Related: Ten years of the bridge"), Some(ReadMore));
        assert_eq!(kind("MORE: What the bridge means"), Some(ReadMore));
        assert_eq!(kind("Listen to this article Loading audio..."), Some(Media));
        assert_eq!(kind("Watch: the bridge opens"), Some(Media));
        assert_eq!(kind("Share on Facebook"), Some(Promo));
        assert_eq!(
            kind("Sign up to our daily newsletter for the latest news"),
            Some(Promo)
        );
        assert_eq!(kind("Advertisement"), Some(Advert));
        assert_eq!(
            kind("Reporting by Ana Ruiz; Editing by Tom Bell"),
            Some(Credit)
        );
        assert_eq!(
            kind("© 2026 Northfield Courier. All rights reserved."),
            Some(Legal)
        );
        assert_eq!(kind("Published 3 hours ago"), Some(Meta));
        assert_eq!(kind("5 min read"), Some(Meta));
    }

    #[test]
    fn prose_is_not_boilerplate() {
        for t in [
            "More than 500 people attended the meeting on Tuesday, the council said.",
            "She said the newsletter she runs had grown to 4,000 readers this year.",
            "The photo was taken on Tuesday, police said.",
            "He was a reporter for twenty years before he ran for office, and he said so.",
        ] {
            assert_eq!(kind(t), None, "{t}");
        }
    }

    #[test]
    fn bare_credits() {
        assert!(is_bare_credit("Photo by Ana Ruiz/The Courier"));
        assert!(is_bare_credit("Credit Harry Ward"));
        assert!(is_bare_credit("Getty Images"));
        assert!(!is_bare_credit("The council met on Tuesday."));
    }
}
