//! Word lists for names: titles, honorifics, stop words, role nouns, first
//! names by gender, and the heads of place and organisation names. General
//! English lists, read by [`super::names`].

use super::*;
use crate::tokens::{Lexicon, Lists};

/// The lists of [`WORDS`], one bit each.
pub(super) mod list {
    use crate::tokens::Lists;

    /// [`TITLES`](super::TITLES)
    pub(in crate::speakers) const TITLE: Lists = Lists(1);
    /// [`ROLE_NOUNS`](super::ROLE_NOUNS)
    pub(in crate::speakers) const ROLE: Lists = Lists(1 << 1);
    /// [`STOP`](super::STOP)
    pub(in crate::speakers) const STOP: Lists = Lists(1 << 2);
    /// [`NOT_PERSON_HEAD`](super::NOT_PERSON_HEAD)
    pub(in crate::speakers) const NOT_PERSON_HEAD: Lists = Lists(1 << 3);
    /// `names::NOT_PERSON`
    pub(in crate::speakers) const NOT_PERSON: Lists = Lists(1 << 4);
    /// [`MALE`](super::MALE)
    pub(in crate::speakers) const MALE: Lists = Lists(1 << 5);
    /// [`FEMALE`](super::FEMALE)
    pub(in crate::speakers) const FEMALE: Lists = Lists(1 << 6);
    /// The speech verbs of `cues::VERBS`, phrases ("went on") included.
    pub(in crate::speakers) const SPEECH_VERB: Lists = Lists(1 << 7);
    /// The first word of each speech verb, and the adverbs
    /// `cues::TAIL_ADVERBS` and "again" that may come before one.
    pub(in crate::speakers) const VERB_OPENER: Lists = Lists(1 << 8);
    /// The speech verbs after which a name is the speaker: `cues::VERBS`
    /// but `cues::OBJECT_VERBS`.
    pub(in crate::speakers) const INVERTING: Lists = Lists(1 << 9);
    /// The group nouns of `names::GROUP_NOUNS` ("supporters", "crowd").
    pub(in crate::speakers) const GROUP_NOUN: Lists = Lists(1 << 10);
    /// The first word of a speech verb of two words ("went" of "went on").
    pub(in crate::speakers) const PHRASE_HEAD: Lists = Lists(1 << 11);
    /// `names::PREPOSITIONS` and `names::ARTICLES`: after one, a name is
    /// named obliquely.
    pub(in crate::speakers) const PLACE_BEFORE: Lists = Lists(1 << 12);
    /// `cues::OBJECT_VERBS` and `names::ASKING`: after one, a name is its
    /// object.
    pub(in crate::speakers) const OBJECT_BEFORE: Lists = Lists(1 << 13);
    /// `cues::PHRASE_END`: words that end a noun phrase.
    pub(in crate::speakers) const PHRASE_END: Lists = Lists(1 << 14);
    /// `candidates::INTRO_WORDS`: words that open an introductory phrase.
    pub(in crate::speakers) const INTRO: Lists = Lists(1 << 15);
    /// `cues::OWNED_SPEECH`: the speech nouns an owner speaks through.
    pub(in crate::speakers) const SPEECH_NOUN: Lists = Lists(1 << 16);
    /// `candidates::DOC_WORDS`: nouns of documents ("memo", "report").
    pub(in crate::speakers) const DOC_WORD: Lists = Lists(1 << 17);
    /// `candidates::ORG_NOUNS`: nouns of bodies ("agency", "council").
    pub(in crate::speakers) const ORG_NOUN: Lists = Lists(1 << 18);
    /// `names::PREPOSITIONS` alone.
    pub(in crate::speakers) const PREPOSITION: Lists = Lists(1 << 19);
    /// `cues::ROLE_OPENERS`: the determiners that open a role phrase.
    pub(in crate::speakers) const ROLE_OPENER: Lists = Lists(1 << 20);
    /// `sentences::SHORT_FORMS`: abbreviations written with a stop.
    pub(in crate::speakers) const SHORT_FORM: Lists = Lists(1 << 21);
}

/// Is `w` (a key: lower case, as the list holds it) one of
/// `cues::PHRASE_END`? One look-up where a scan of the list ran.
pub(super) fn phrase_end(w: &str) -> bool {
    WORDS.on(w.as_bytes(), list::PHRASE_END)
}

/// Is `w` (a key) one of `candidates::INTRO_WORDS`?
pub(super) fn intro_word(w: &str) -> bool {
    WORDS.on(w.as_bytes(), list::INTRO)
}

/// The one word table of the speaker rules: every list above, each word
/// once with the bits of the lists it is on. Built on first use (about
/// 1,500 words).
pub(super) static WORDS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(entries()));

/// Every word of every list, with its list.
fn entries() -> impl Iterator<Item = (&'static str, Lists)> {
    let lists: [(&[&'static str], Lists); 7] = [
        (TITLES, list::TITLE),
        (ROLE_NOUNS, list::ROLE),
        (STOP, list::STOP),
        (NOT_PERSON_HEAD, list::NOT_PERSON_HEAD),
        (NOT_PERSON, list::NOT_PERSON),
        (MALE, list::MALE),
        (FEMALE, list::FEMALE),
    ];
    let verbs = || VERBS.split('|');
    lists
        .into_iter()
        .flat_map(|(words, l)| words.iter().map(move |&w| (w, l)))
        .chain(verbs().map(|v| (v, list::SPEECH_VERB)))
        .chain(
            verbs()
                .filter_map(|v| v.split(' ').next())
                .chain(TAIL_ADVERBS.iter().copied())
                .chain(["again"])
                .map(|w| (w, list::VERB_OPENER)),
        )
        .chain(
            verbs()
                .filter_map(|v| v.split_once(' '))
                .map(|(head, _)| (head, list::PHRASE_HEAD)),
        )
        .chain(
            verbs()
                .filter(|v| !OBJECT_VERBS.contains(v))
                .map(|v| (v, list::INVERTING)),
        )
        .chain(
            PREPOSITIONS
                .iter()
                .chain(ARTICLES)
                .map(|&w| (w, list::PLACE_BEFORE)),
        )
        .chain(
            OBJECT_VERBS
                .iter()
                .chain(ASKING)
                .map(|&w| (w, list::OBJECT_BEFORE)),
        )
        .chain(PHRASE_END.iter().map(|&w| (w, list::PHRASE_END)))
        .chain(INTRO_WORDS.iter().map(|&w| (w, list::INTRO)))
        .chain(OWNED_SPEECH.iter().map(|&w| (w, list::SPEECH_NOUN)))
        .chain(DOC_WORDS.iter().map(|&w| (w, list::DOC_WORD)))
        .chain(ORG_NOUNS.iter().map(|&w| (w, list::ORG_NOUN)))
        .chain(PREPOSITIONS.iter().map(|&w| (w, list::PREPOSITION)))
        .chain(ROLE_OPENERS.iter().map(|&w| (w, list::ROLE_OPENER)))
        .chain(SHORT_FORMS.iter().map(|&w| (w, list::SHORT_FORM)))
        .chain(
            GROUP_NOUNS
                .split('|')
                .flat_map(|n| match n {
                    "crowds?" => vec!["crowd", "crowds"],
                    "neighbou?rs" => vec!["neighbours", "neighbors"],
                    "organi[sz]ers" => vec!["organisers", "organizers"],
                    n => vec![n],
                })
                .map(|w| (w, list::GROUP_NOUN)),
        )
}

/// Titles that precede a name and are not part of it.
pub(super) const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "secretary",
    "chancellor",
    "mayor",
    "judge",
    "justice",
    "general",
    "gen",
    "col",
    "colonel",
    "captain",
    "capt",
    "chief",
    "officer",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "professor",
    "prof",
    "dr",
    "doctor",
    "sir",
    "dame",
    "lord",
    "lady",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "rev",
    "reverend",
    "father",
    "sister",
    "brother",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "sheikh",
    "speaker",
    "leader",
    "commissioner",
    "ambassador",
    "attorney",
    "detective",
    "inspector",
    "sergeant",
    "sgt",
    "lieutenant",
    "lt",
    "major",
    "admiral",
    "commander",
    "superintendent",
    "constable",
    "coach",
    "manager",
    "deputy",
    "vice",
    "foreign",
    "home",
    "defence",
    "defense",
    "health",
    "state",
    "first",
    "former",
    "acting",
    "shadow",
    "labour",
    "conservative",
    "democrat",
    "democratic",
    "republican",
    "gop",
    "independent",
    "liberal",
    "front-runner",
    "frontrunner",
    "candidate",
    "nominee",
    "councillor",
    "cllr",
    "alderman",
    "congressman",
    "congresswoman",
    "assemblyman",
    "assemblywoman",
    "premier",
    "chancellor",
    "mp",
    "mep",
    "senior",
    "junior",
    "executive",
    "founder",
    "co-founder",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "sens",
    "reps",
    "house",
    "senate",
    "white",
    "new",
    "supreme",
    "court",
    "u.s.",
    "us",
    "u.k.",
    "uk",
];

/// Honorifics and their gender, when they carry one.
pub(super) const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("mr", Some(Gender::Male)),
    ("sir", Some(Gender::Male)),
    ("lord", Some(Gender::Male)),
    ("mrs", Some(Gender::Female)),
    ("ms", Some(Gender::Female)),
    ("miss", Some(Gender::Female)),
    ("dame", Some(Gender::Female)),
    ("lady", Some(Gender::Female)),
    ("dr", None),
    ("prof", None),
    ("professor", None),
    ("mx", None),
    ("rev", None),
];

/// Capitalised words that start sentences but never names.
pub(super) const STOP: &[&str] = &[
    "but",
    "and",
    "or",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "when",
    "while",
    "after",
    "before",
    "if",
    "as",
    "for",
    "with",
    "his",
    "her",
    "their",
    "our",
    "its",
    "so",
    "yet",
    "then",
    "now",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "asked",
    "during",
    "since",
    "until",
    "though",
    "although",
    "because",
    "meanwhile",
    "still",
    "also",
    "even",
    "according",
    "speaking",
    "referencing",
    "earlier",
    "later",
    "last",
    "next",
    "on",
    "by",
    "from",
    "to",
    "of",
    "not",
    "no",
    "yes",
    "mr.",
    "one",
    "two",
    "both",
    "all",
    "some",
    "many",
    "most",
    "every",
    "each",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "like",
    "just",
    "only",
    "once",
    "however",
    "instead",
    "indeed",
    "perhaps",
    "unless",
    "whether",
    "my",
    "your",
    "you",
    "me",
    "him",
    "them",
    "us",
    "do",
    "does",
    "did",
    "is",
    "was",
    "are",
    "were",
    "be",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "said",
    "says",
];

/// Lowercase role nouns that can stand before a name or in an appositive.
pub(super) const ROLE_NOUNS: &[&str] = &[
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "director",
    "chief",
    "executive",
    "officer",
    "manager",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "economist",
    "professor",
    "expert",
    "lawyer",
    "attorney",
    "official",
    "senator",
    "governor",
    "mayor",
    "candidate",
    "nominee",
    "founder",
    "owner",
    "resident",
    "councillor",
    "commissioner",
    "ambassador",
    "researcher",
    "scientist",
    "doctor",
    "consultant",
    "pollster",
    "historian",
    "commentator",
    "editor",
    "reporter",
    "member",
    "head",
    "campaigner",
    "activist",
    "coach",
    "captain",
    "player",
    "teacher",
    "headteacher",
    "principal",
    "student",
    "father",
    "mother",
    "son",
    "daughter",
    "brother",
    "sister",
    "wife",
    "husband",
    "friend",
    "neighbour",
    "neighbor",
    "witness",
    "chancellor",
    "speaker",
    "representative",
    "congressman",
    "congresswoman",
    "fellow",
    "partner",
    "investor",
    "organiser",
    "organizer",
    "volunteer",
    "worker",
    "nurse",
    "baker",
    "surgeon",
    "physician",
    "inspector",
    "detective",
    "superintendent",
    "sergeant",
    "general",
    "lawmaker",
    "legislator",
    "operative",
    "consultant",
    "donor",
    "supporter",
    "critic",
    "veteran",
    "ranger",
    "elder",
    "user",
    "vendor",
    "buyer",
    "mp",
    "prosecutor",
    "judge",
    "police",
    "boss",
    "premier",
    "politician",
    "writer",
    "author",
    "journalist",
    "host",
    "actress",
    "actor",
    "singer",
    "rapper",
    "star",
    "comedian",
    "musician",
    "artist",
    "director",
    "producer",
    "chef",
    "designer",
    "model",
    "athlete",
    "footballer",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "manager",
    "driver",
    "pilot",
    "farmer",
    "owner",
    "landlord",
    "tenant",
    "parent",
    "mum",
    "dad",
    "grandmother",
    "grandfather",
    "pastor",
    "priest",
    "vicar",
    "bishop",
    "delegate",
    "voter",
    "protester",
    "officer",
    "soldier",
    "survivor",
    "victim",
    "chairperson",
    "secretary-general",
    "entrepreneur",
    "businessman",
    "businesswoman",
    "billionaire",
    "novelist",
    "poet",
    "filmmaker",
    "photographer",
    "student",
    "graduate",
    "senator-elect",
    "governor-elect",
    "president-elect",
    "psychologist",
    "sociologist",
    "scholar",
    "lecturer",
    "dean",
    "researcher",
    "engineer",
    "developer",
];

/// Common English given names borne overwhelmingly by men.
pub(super) const MALE: &[&str] = &[
    "aaron",
    "adam",
    "alan",
    "albert",
    "alexander",
    "andrew",
    "anthony",
    "archer",
    "arthur",
    "barry",
    "ben",
    "benjamin",
    "bernard",
    "bernie",
    "bill",
    "billy",
    "bob",
    "bobby",
    "brad",
    "bradley",
    "brandon",
    "brent",
    "brian",
    "bruce",
    "bryan",
    "carl",
    "carter",
    "charles",
    "charlie",
    "chester",
    "christopher",
    "chuck",
    "colin",
    "connor",
    "craig",
    "dan",
    "daniel",
    "danny",
    "darren",
    "dave",
    "david",
    "dennis",
    "derek",
    "dexter",
    "dick",
    "don",
    "donald",
    "doug",
    "douglas",
    "duncan",
    "ed",
    "eddie",
    "edward",
    "eric",
    "fletcher",
    "frank",
    "fred",
    "gary",
    "gavin",
    "geoffrey",
    "george",
    "gerald",
    "gordon",
    "graham",
    "grant",
    "greg",
    "gregory",
    "harold",
    "harry",
    "hector",
    "henry",
    "herman",
    "homer",
    "howard",
    "hunter",
    "ian",
    "jack",
    "jacob",
    "jake",
    "james",
    "jason",
    "jasper",
    "jeb",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerry",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "justin",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "larry",
    "lawrence",
    "leo",
    "lester",
    "louis",
    "luke",
    "marco",
    "mark",
    "martin",
    "matt",
    "matthew",
    "michael",
    "mike",
    "mitch",
    "mohammed",
    "muhammad",
    "nathan",
    "neil",
    "nicholas",
    "nick",
    "nigel",
    "norman",
    "oliver",
    "parker",
    "patrick",
    "paul",
    "pete",
    "peter",
    "phil",
    "philip",
    "ralph",
    "randy",
    "ray",
    "raymond",
    "reince",
    "richard",
    "rick",
    "rob",
    "robert",
    "roger",
    "ron",
    "ronald",
    "ross",
    "roy",
    "russell",
    "ryan",
    "samuel",
    "scott",
    "sean",
    "sebastian",
    "sherman",
    "simon",
    "spencer",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "ted",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tony",
    "trent",
    "trevor",
    "truman",
    "tyler",
    "victor",
    "vincent",
    "vladimir",
    "walter",
    "wayne",
    "william",
    "willie",
];

/// Common English given names borne overwhelmingly by women.
pub(super) const FEMALE: &[&str] = &[
    "abigail",
    "alice",
    "alison",
    "amanda",
    "amber",
    "amy",
    "andrea",
    "angela",
    "ann",
    "anna",
    "anne",
    "barbara",
    "betty",
    "beverly",
    "brenda",
    "carol",
    "caroline",
    "catherine",
    "charlotte",
    "cheryl",
    "christina",
    "christine",
    "cynthia",
    "deborah",
    "debra",
    "denise",
    "diana",
    "diane",
    "donna",
    "dorothy",
    "eleanor",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "esther",
    "evelyn",
    "frances",
    "gabriela",
    "ginger",
    "gloria",
    "grace",
    "hannah",
    "harper",
    "heather",
    "helen",
    "hillary",
    "jane",
    "janet",
    "janice",
    "jennifer",
    "jessica",
    "joan",
    "joanne",
    "joyce",
    "judith",
    "judy",
    "julia",
    "julie",
    "juniper",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kathryn",
    "kelly",
    "kimberly",
    "laura",
    "lauren",
    "linda",
    "lisa",
    "louise",
    "lucy",
    "margaret",
    "maria",
    "marie",
    "marilyn",
    "martha",
    "mary",
    "maureen",
    "megan",
    "melania",
    "melissa",
    "michelle",
    "nancy",
    "natalie",
    "nicola",
    "nicole",
    "olivia",
    "pamela",
    "patricia",
    "paula",
    "piper",
    "rachel",
    "rebecca",
    "renee",
    "ruth",
    "sandra",
    "sara",
    "sarah",
    "sharon",
    "shirley",
    "sophie",
    "stephanie",
    "summer",
    "susan",
    "teresa",
    "theresa",
    "victoria",
    "virginia",
    "wendy",
];

/// Common English given names whose bearers are overwhelmingly of one
/// gender: a general list, used only when the article itself says nothing.
pub(super) fn first_name_gender(first: &str) -> Option<Gender> {
    // (One look-up for both lists.)
    let lists = key_lists(first);
    if lists.any(MALE_NAMES.0) {
        Some(Gender::Male)
    } else if lists.any(FEMALE_NAMES.0) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a role's word gives ("spokeswoman", "king"), if one does.
/// Each word is matched by its bytes (a test of its length, then a
/// compare), and a role of ASCII is split at ASCII white space without
/// decoding it: a scan of the two lists for each word of each role given
/// cost some 500 instructions a role.
pub(super) fn gender_of_role(role: &str) -> Option<Gender> {
    let of = |w: &[u8]| match w {
        b"spokesman" | b"chairman" | b"congressman" | b"father" | b"son" | b"brother"
        | b"husband" | b"king" | b"prince" | b"assemblyman" => Some(Gender::Male),
        b"spokeswoman" | b"chairwoman" | b"congresswoman" | b"mother" | b"daughter" | b"sister"
        | b"wife" | b"queen" | b"princess" | b"assemblywoman" => Some(Gender::Female),
        _ => None,
    };
    if role.is_ascii() {
        // (ASCII white space as `char::is_whitespace` reads it.)
        return role
            .as_bytes()
            .split(|&c| matches!(c, b' ' | b'\t'..=b'\r'))
            .find_map(of);
    }
    role.split_whitespace().find_map(|w| of(w.as_bytes()))
}

/// [`gender_of_role`] as it was written, a scan of the two lists: the
/// specification it is tested against.
#[cfg(test)]
pub(super) fn gender_of_role_spec(role: &str) -> Option<Gender> {
    let male = [
        "spokesman",
        "chairman",
        "congressman",
        "father",
        "son",
        "brother",
        "husband",
        "king",
        "prince",
        "assemblyman",
    ];
    let female = [
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "mother",
        "daughter",
        "sister",
        "wife",
        "queen",
        "princess",
        "assemblywoman",
    ];
    role.split_whitespace().find_map(|w| {
        if male.contains(&w) {
            Some(Gender::Male)
        } else if female.contains(&w) {
            Some(Gender::Female)
        } else {
            None
        }
    })
}

// Heads of place and organisation names: a person's name never ends
// in one ("Harbour House", "Rusk Organization"), though it may hold one
// elsewhere ("Ada Hall Rusk", "Tom Bell").
pub(super) const NOT_PERSON_HEAD: &[&str] = &[
    "house",
    "party",
    "city",
    "county",
    "state",
    "states",
    "street",
    "road",
    "avenue",
    "university",
    "college",
    "school",
    "council",
    "committee",
    "commission",
    "department",
    "ministry",
    "office",
    "agency",
    "authority",
    "administration",
    "board",
    "news",
    "times",
    "post",
    "journal",
    "magazine",
    "review",
    "channel",
    "company",
    "corporation",
    "bank",
    "group",
    "court",
    "church",
    "hospital",
    "centre",
    "center",
    "club",
    "union",
    "association",
    "organization",
    "organisation",
    "institution",
    "fund",
    "trust",
    "coalition",
    "alliance",
    "movement",
    "police",
    "force",
    "army",
    "navy",
    "kingdom",
    "republic",
    "island",
    "islands",
    "river",
    "inc",
    "corp",
    "ltd",
    "day",
    "week",
    "year",
    "airport",
    "museum",
    "hall",
    "square",
    "park",
    "valley",
    "festival",
    "awards",
    "cup",
    "league",
    "market",
    "service",
    "services",
    "foundation",
    "institute",
    "project",
    "program",
    "programme",
    "network",
    "media",
    "press",
    "act",
    "bill",
    "plan",
    "summit",
    "war",
    "campaign",
    "senate",
    "congress",
    "parliament",
    "tv",
    "radio",
    "show",
    "tower",
    "hotel",
    "stadium",
    "bridge",
    "prize",
    "award",
    "treaty",
    "accord",
    "convention",
    "conference",
    "forum",
    "studios",
    "records",
    "books",
    "online",
    "daily",
    "weekly",
    "gazette",
    "herald",
    "tribune",
    "telegraph",
    "chronicle",
    "courier",
    "register",
    "bulletin",
    "dispatch",
    "inquirer",
    "examiner",
    "sentinel",
    // Outlets and photo agencies, whose names run into a caption's name
    // ("… / The Harbour Ledger Marta Quill").
    "ledger",
    "guardian",
    "observer",
    "mirror",
    "express",
    "standard",
    "wire",
    "images",
    "photos",
    "pictures",
    "photography",
];

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `gender_of_role` gives what the scan of its lists gives.
        #[test]
        fn gender_of_role_matches_the_spec(
            v in proptest::collection::vec(
                "son|sons|king|queen|wife|chairwoman|spokesman|mother|é|aide|Son|",
                0..4,
            ),
            gap in "[ \t\n\x0b\u{a0}\u{2003}]{1,2}",
        ) {
            let role = v.join(&gap);
            proptest::prop_assert_eq!(gender_of_role(&role), gender_of_role_spec(&role));
        }
    }

    /// Each list of WORDS holds exactly the words of its source list: a
    /// word of the list is found on it, and the words of the other lists
    /// are on it only when the source list holds them too.
    #[test]
    fn every_list_is_its_words() {
        let lists: Vec<(Lists, Vec<&str>)> = vec![
            (list::TITLE, TITLES.to_vec()),
            (list::ROLE, ROLE_NOUNS.to_vec()),
            (list::STOP, STOP.to_vec()),
            (list::NOT_PERSON_HEAD, NOT_PERSON_HEAD.to_vec()),
            (list::NOT_PERSON, NOT_PERSON.to_vec()),
            (list::MALE, MALE.to_vec()),
            (list::FEMALE, FEMALE.to_vec()),
            (list::SPEECH_VERB, VERBS.split('|').collect()),
            (
                list::INVERTING,
                VERBS
                    .split('|')
                    .filter(|v| !OBJECT_VERBS.contains(v))
                    .collect(),
            ),
            (list::DOC_WORD, DOC_WORDS.to_vec()),
            (list::ORG_NOUN, ORG_NOUNS.to_vec()),
            (list::PREPOSITION, PREPOSITIONS.to_vec()),
            (list::ROLE_OPENER, ROLE_OPENERS.to_vec()),
            (list::SHORT_FORM, SHORT_FORMS.to_vec()),
        ];
        let every: Vec<&str> = lists.iter().flat_map(|(_, w)| w.iter().copied()).collect();
        for (l, words) in &lists {
            for w in &every {
                assert!(w.len() <= Lexicon::MAX_KEY, "{w} is longer than any key");
                assert_eq!(
                    WORDS.on(w.as_bytes(), *l),
                    words.contains(w),
                    "{w} on {l:?}"
                );
            }
        }
        assert!(WORDS.on(b"went on", list::SPEECH_VERB));
        assert!(WORDS.on(b"went", list::PHRASE_HEAD) && !WORDS.on(b"went", list::SPEECH_VERB));
        // No word that opens a verb of two words is a verb by itself, so at
        // most one verb fits at a word (`cues::verb_at`, `cues::verbs`).
        for v in VERBS.split('|') {
            assert!(
                !(WORDS.on(v.as_bytes(), list::PHRASE_HEAD)
                    && WORDS.on(v.as_bytes(), list::SPEECH_VERB)),
                "{v}"
            );
        }
        assert!(WORDS.on(b"went", list::VERB_OPENER));
        assert!(WORDS.on(b"again", list::VERB_OPENER));
        assert!(WORDS.on(b"crowds", list::GROUP_NOUN) && WORDS.on(b"crowd", list::GROUP_NOUN));
        assert!(!WORDS.on(b"crowds?", list::GROUP_NOUN));
        assert!(!WORDS.on(b"zyzzyva", list::STOP.or(list::TITLE)));
    }

    /// The look-ups that replaced scans of PHRASE_END and INTRO_WORDS
    /// answer as the scans did: for every word of every list, for each with
    /// a letter added or dropped, and for case, marks and long words.
    #[test]
    fn phrase_end_and_intro_lookups_are_the_scans() {
        let mut probes: Vec<String> = entries().map(|(w, _)| w.to_string()).collect();
        let more: Vec<String> = probes
            .iter()
            .flat_map(|w| {
                let mut cut = w.chars();
                cut.next_back();
                [format!("{w}s"), cut.as_str().to_string(), w.to_uppercase()]
            })
            .collect();
        probes.extend(more);
        probes.extend(["", "and.", "'and", "x".repeat(40).as_str()].map(String::from));
        for w in &probes {
            assert_eq!(phrase_end(w), PHRASE_END.contains(&w.as_str()), "{w:?}");
            assert_eq!(intro_word(w), INTRO_WORDS.contains(&w.as_str()), "{w:?}");
            // (The scans of `cues::usable` and `candidates` that became
            // look-ups.)
            let on = |l| WORDS.on(w.as_bytes(), l);
            assert_eq!(
                on(list::PREPOSITION),
                PREPOSITIONS.contains(&w.as_str()),
                "{w:?}"
            );
            assert_eq!(
                on(list::ROLE_OPENER),
                ROLE_OPENERS.contains(&w.as_str()),
                "{w:?}"
            );
            assert_eq!(on(list::ORG_NOUN), ORG_NOUNS.contains(&w.as_str()), "{w:?}");
            assert_eq!(on(list::DOC_WORD), DOC_WORDS.contains(&w.as_str()), "{w:?}");
            assert_eq!(
                on(list::SHORT_FORM),
                SHORT_FORMS.contains(&w.as_str()),
                "{w:?}"
            );
        }
    }
}
