//! The people of an article: every name run of the body, headline,
//! standfirst and captions is read once, in document order, into a registry
//! of people (canonical name, roles, gender) and their mentions, indexed by
//! surname, first name and role so that each look-up is a hash or a binary
//! search.
//!
//! Memory: a long round-up names a new person in every short paragraph, so
//! nothing here is allocated per person or per mention. A person is a
//! fixed 28-byte record; a mention 16 bytes. Texts (names, mentions as
//! written, roles) are [`Str`]s: spans of the input where the text is
//! written there as it is, else ranges of one string the registry owns.
//! A person's mention texts and roles are chains of [`Link`]s in two shared
//! Vecs; the people of a surname are a chain through [`Person::prev`]; the
//! surname and first-name maps are open-addressing [`Table`]s of u32 ids
//! whose keys are read back from those records.

use super::*;
use crate::tokens::Lists;

/// "None" for the u32 ids and links below.
pub(super) const NONE: u32 = u32::MAX;

/// Text held by the registry: `len` bytes at `at` of the input, or, when
/// `len` has its top bit set, of the registry's own string.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Str {
    at: u32,
    len: u32,
}

impl Str {
    const OWN: u32 = 1 << 31;
}

/// One text of a chain (a person's mention texts or roles), with the link
/// to the one recorded before it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Link {
    text: Str,
    prev: u32,
}

/// A person the article names.
#[derive(Debug, Clone)]
pub(super) struct Person {
    /// Name tokens of the fullest form seen, honorifics and titles removed,
    /// joined by single spaces (no token holds white space): the canonical
    /// name ([`Registry::name`]).
    name: Str,
    /// The newest of the person's mention texts ([`Registry::texts`]).
    texts: u32,
    /// The newest of the person's roles ([`Registry::roles_of`]).
    roles: u32,
    /// The person of the same surname made before this one.
    prev: u32,
    /// How many tokens the name holds (saturating; a person is made of a
    /// name of one to four tokens).
    pub(super) count: u8,
    pub(super) gender: Option<Gender>,
    /// The person's oldest mention text is their name as it now stands,
    /// held by [`Person::name`] alone: most people are first written by
    /// the name, and a link for it cost 12 bytes a person
    /// ([`Registry::texts`]). Cleared, and the text linked, when the name
    /// changes.
    name_text: bool,
    /// A mention of the person is recorded (the first one has
    /// [`Mention::first`]: a flag where its offset took 4 bytes a person).
    named: bool,
}

/// A place in the text where a person is named: 12 bytes (an article of
/// under 4 GB has offsets that fit in u32s, [`small`]).
#[derive(Debug, Clone)]
pub(super) struct Mention {
    start: u32,
    end: u32,
    /// The person's id in the low bits ([`Mention::ID`]), and the flags
    /// [`Mention::oblique`], [`Mention::subject`] and [`Mention::first`]
    /// in the top three: 12 bytes a mention, where three bools took 16.
    person: u32,
}

impl Mention {
    /// The person ids a mention holds are below this one, which stands for
    /// any larger id: an article names fewer people than that (2^29) unless
    /// it is many GiB long, and a mention of a person past it is not
    /// recorded ([`Registry::add_mention`]).
    const ID: u32 = (1 << 29) - 1;
    const OBLIQUE: u32 = 1 << 29;
    const SUBJECT: u32 = 1 << 30;
    const FIRST: u32 = 1 << 31;

    /// The mention of `person` at `span`, for [`Registry::add_mention`].
    pub(super) fn new(span: Span, person: usize, subject: bool, oblique: bool) -> Mention {
        Mention {
            start: small(span.start),
            end: small(span.end),
            person: small(person).min(Mention::ID)
                | (u32::from(oblique) * Mention::OBLIQUE)
                | (u32::from(subject) * Mention::SUBJECT),
        }
    }

    /// Named after a preposition ("out of Halden Bay", "to Ms Doe"): not a
    /// likely antecedent for a pronoun, and often a place.
    pub(super) fn oblique(&self) -> bool {
        self.person & Mention::OBLIQUE != 0
    }

    /// The first person named in its sentence who is not after a
    /// preposition or a possessive: its likely subject.
    pub(super) fn subject(&self) -> bool {
        self.person & Mention::SUBJECT != 0
    }

    /// The person's first mention (set by [`Registry::add_mention`]).
    pub(super) fn first(&self) -> bool {
        self.person & Mention::FIRST != 0
    }

    /// The person's id as a u32.
    fn id(&self) -> u32 {
        self.person & Mention::ID
    }

    /// Absolute start of the mention (name part).
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }

    pub(super) fn end(&self) -> usize {
        self.end as usize
    }

    pub(super) fn person(&self) -> usize {
        self.id() as usize
    }
}

/// The people who share one lower-case surname (8 bytes: a round-up
/// names a new surname in every short paragraph). A surname of more than
/// [`SCAN`] people also has a [`SurnameIndex`] in `Registry::indexes`,
/// which holds what a scan of its people would not find in constant time.
#[derive(Debug, Clone, Copy)]
struct Surname {
    /// The person of this surname made last (the head of the chain through
    /// [`Person::prev`]).
    last: u32,
    /// While gathering, the newest mention of these people (a chain
    /// through `Registry::surname_prev`). Once gathered, for a surname of
    /// one person (most are), the first of their mentions ([`NONE`] if
    /// none), which is all that a look-up by surname reads of them; for
    /// one of more, where their count and then their mentions stand in
    /// `Registry::surname_mentions` ([`Surname::one`]).
    mentions: u32,
}

impl Surname {
    /// Only one person has this surname (the first person made of a
    /// surname has no `prev`).
    fn one(&self, people: &[Person]) -> bool {
        people[self.last as usize].prev == NONE
    }
}

/// The people who share one lower-case first name token (16 bytes): how
/// many of them have a name of more than one token, and the xor of their
/// ids, which is the id itself when there is one.
#[derive(Debug, Clone, Copy)]
struct FirstName {
    /// A token with this key, to compare keys with.
    key: Str,
    full: u32,
    xor: u32,
}

/// How many people of one surname are scanned rather than indexed
/// (fewer in tests, so that they reach the index).
const SCAN: usize = if cfg!(test) { 2 } else { 8 };

/// A hash set of u32 ids whose keys are read back from the records the ids
/// name (open addressing, linear probing, at most 3/4 full): 11 to 22
/// bytes an entry where a map keyed by Strings took a String and a Vec
/// each. Each slot also holds 32 bits of its id's hash (the high half of
/// the Fibonacci product), so that a probe reads a record back only when
/// those bits match (a name looked up and not found, as most lone
/// capitalised words are no one's surname, passes a few slots at 3/4 full,
/// and reading each one's record back cost a hundred instructions a slot),
/// and so that growing places every id again from its stored bits instead
/// of rebuilding its key from its record. An id and its bits are held
/// side by side, in one allocation, and the first one has room for
/// [`Table::START`] slots: an article's tables (a score of surnames, a few
/// first names and roles) were each grown through two vectors of 8, 16
/// and 32 slots, six allocations a table.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// (id, mixed hash bits) a slot; [`NONE`] ids are empty.
    slots: Vec<(u32, u32)>,
    len: usize,
}

impl Table {
    /// The slots of a table's first allocation (a power of two).
    const START: usize = 32;

    /// The 32 bits of `hash` a slot keeps: the high half of its Fibonacci
    /// product.
    fn mix(hash: u64) -> u32 {
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
    }

    /// The home slot of mixed bits `m`: their high bits (a table of more
    /// than 2^32 slots takes them all, then zeros).
    fn home(&self, m: u32) -> usize {
        let bits = self.slots.len().trailing_zeros();
        ((u64::from(m) << 32) >> (64 - bits)) as usize
    }

    pub(super) fn find(&self, hash: u64, mut eq: impl FnMut(u32) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let m = Table::mix(hash);
        let mut i = self.home(m);
        loop {
            match self.slots[i] {
                (NONE, _) => return None,
                (id, bits) if bits == m && eq(id) => return Some(id),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Add `id` (not in the table yet) under `hash`.
    pub(super) fn insert(&mut self, hash: u64, id: u32) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            let size = (self.slots.len() * 2).max(Table::START);
            let old = std::mem::replace(&mut self.slots, vec![(NONE, 0); size]);
            for (x, m) in old.into_iter().filter(|&(x, _)| x != NONE) {
                self.place(m, x);
            }
        }
        self.place(Table::mix(hash), id);
        self.len += 1;
    }

    fn place(&mut self, m: u32, id: u32) {
        let mask = self.slots.len() - 1;
        let mut i = self.home(m);
        while self.slots[i].0 != NONE {
            i = (i + 1) & mask;
        }
        self.slots[i] = (id, m);
    }
}

pub(super) fn hash_key(key: &str) -> u64 {
    hash_bytes(key.as_bytes())
}

/// [`hash_key`] of a key's bytes (`Key::as_bytes`).
pub(super) fn hash_bytes(key: &[u8]) -> u64 {
    let mut h = WordHasher::default();
    h.write(key);
    h.finish()
}

/// The text of `s`, from the input or from `own`.
fn text_of<'t>(input: &'t str, own: &'t str, s: Str) -> &'t str {
    let (src, at, len) = if s.len & Str::OWN != 0 {
        (own, s.at as usize, (s.len & !Str::OWN) as usize)
    } else {
        (input, s.at as usize, s.len as usize)
    };
    src.get(at..at + len).unwrap_or("")
}

/// The last token of a canonical name.
/// (Its space found a byte at a time: a name is a few short words, and a
/// search by `rfind` or `split` cost a searcher's setup for each.)
fn surname_in(name: &str) -> &str {
    let b = name.as_bytes();
    b.iter()
        .rposition(|&c| c == b' ')
        .map_or(name, |k| &name[k + 1..])
}

/// The first token of a canonical name.
fn first_in(name: &str) -> &str {
    let b = name.as_bytes();
    b.iter()
        .position(|&c| c == b' ')
        .map_or(name, |k| &name[..k])
}

/// The people of an article and where each is named.
#[derive(Debug, Default)]
pub(super) struct Registry<'a> {
    input: &'a str,
    /// Texts that are not written in the input as they are held (names
    /// whose tokens a line break or a title separates, folded mentions,
    /// roles put together from words), each once.
    own: String,
    pub(super) people: Vec<Person>,
    pub(super) mentions: Vec<Mention>,
    /// The people's mention texts, as written (folded, less a possessive
    /// and a closing stop or comma), each once a person.
    texts: Vec<Link>,
    /// The people's roles as written, each once a person (compared
    /// lower-cased).
    roles: Vec<Link>,
    /// Each role text once, so that a role many people hold is held once.
    role_texts: Vec<Str>,
    role_table: Table,
    /// The people who share each lower-case surname. These indexes keep
    /// every look-up logarithmic, so an article of any length is read in
    /// linear time.
    surnames: Vec<Surname>,
    surname_table: Table,
    /// By surname record, for the surnames of more than [`SCAN`] people.
    indexes: HashMap<u32, SurnameIndex>,
    /// While gathering, each mention's previous mention of the same
    /// surname; emptied once gathered.
    surname_prev: Vec<u32>,
    /// Once gathered, the mention ids of each surname in document order,
    /// one surname after another (`Surname::mentions` is where each
    /// starts).
    surname_mentions: Vec<u32>,
    /// Set by [`Registry::finish`].
    gathered: bool,
    /// The last person whose surname record a look-up found, and that
    /// record: the mention recorded next is most often theirs, and its
    /// surname need not be looked up again.
    recent_group: Cell<Option<(u32, u32)>>,
    first_names: Vec<FirstName>,
    first_table: Table,
    /// Each word-final part of each role → the people who hold it: built
    /// on the first look-up by role ([`Registry::role_index`]), once the
    /// registry is gathered. (Most articles never look a role up, and
    /// built for each one it cost a String and a Vec a role word.)
    role_index: OnceCell<WordMap<String, Role>>,
    /// For each role of `role_index` (by slot), the mentions of the people
    /// who hold it: (start, person), in document order. Built on the first
    /// look-up by role, once the registry is gathered.
    pub(super) role_mentions: OnceCell<Vec<Vec<MentionId>>>,
}

/// An index into [`Registry::mentions`]: four bytes where a start and a
/// person took sixteen. (A mention takes two bytes of input or more, so
/// an article of under 8 GiB has fewer than 2^32.)
pub(super) type MentionId = u32;

/// The head of a role, before a prepositional phrase: "a joint venture
/// with the state oil company" is a venture, not a company; "spokeswoman
/// for the council" is no council. Empty for a role that is only such a
/// phrase.
pub(super) fn role_head(r: &str) -> &str {
    let head = r
        .split(' ')
        .take_while(|w| {
            !matches!(
                *w,
                "with" | "of" | "for" | "at" | "in" | "from" | "on" | "to"
            )
        })
        .map(|w| w.len() + 1)
        .sum::<usize>();
    &r[..head.saturating_sub(1).min(r.len())]
}

/// The keys a role is found by: its word-final parts that start in its
/// head ("secretary of state", "state" no), and the word-final parts of
/// the head itself ("secretary").
pub(super) fn role_keys(r: &str) -> impl Iterator<Item = &str> {
    let head = role_head(r);
    // (The starts of the head's words, read twice: no list of them.)
    let starts = move || {
        std::iter::once(0)
            .filter(move |_| !head.is_empty())
            .chain(head.match_indices(' ').map(|(k, _)| k + 1))
    };
    let full = starts().map(move |k| &r[k..]);
    let short = starts()
        .filter(move |_| head.len() < r.len())
        .map(move |k| &head[k..]);
    full.chain(short)
}

/// How many of a surname's last mentions [`Registry::by_surname`] weighs.
pub(super) const SURNAME_WINDOW: usize = 16;

/// The people who hold one role.
#[derive(Debug, Default)]
pub(super) struct Role {
    /// Person ids, ascending (u32s, [`small`]).
    pub(super) ids: Vec<u32>,
    /// Where the role's mentions are in `Registry::role_mentions`.
    pub(super) slot: usize,
}

/// Once more than [`SCAN`] people share a surname, an index of them, so
/// that finding the one a name means does not scan them all (an article
/// naming many people of one surname is read in linear time).
#[derive(Debug)]
pub(super) struct SurnameIndex {
    /// The first person made whose name has more than one token
    /// ([`NONE`] if none).
    first_full: u32,
    /// Person ids by lower-case first name token, ascending.
    pub(super) by_first: WordMap<Vec<u8>, Vec<usize>>,
    /// People named by this one word only, ascending.
    pub(super) singles: Vec<usize>,
    /// People whose first name is a one-letter initial ("J. Smith"),
    /// ascending.
    pub(super) initials: Vec<usize>,
}

impl Default for SurnameIndex {
    fn default() -> SurnameIndex {
        SurnameIndex {
            first_full: NONE,
            by_first: WordMap::default(),
            singles: Vec::new(),
            initials: Vec::new(),
        }
    }
}

impl SurnameIndex {
    /// Index person `i`, whose tokens are `len` long and whose first name
    /// is `first` (lower-case).
    pub(super) fn add(&mut self, i: usize, first: &[u8], len: usize) {
        match self.by_first.get_mut(first) {
            Some(v) => insert_sorted(v, i),
            None => {
                self.by_first.insert(first.to_vec(), vec![i]);
            }
        }
        if len == 1 {
            insert_sorted(&mut self.singles, i);
        }
        if first.len() == 1 {
            insert_sorted(&mut self.initials, i);
        }
    }

    pub(super) fn remove(&mut self, i: usize, first: &[u8]) {
        if let Some(v) = self.by_first.get_mut(first) {
            remove_sorted(v, i);
        }
        remove_sorted(&mut self.singles, i);
        remove_sorted(&mut self.initials, i);
    }
}

/// `x` as a u32, for compact records: offsets and person ids of an input
/// under 4 GB fit. Past that one saturates rather than wraps: still in
/// order, and still the id of a person (there are more than u32::MAX), so
/// a look-up may be less precise there but never panics.
pub(super) fn small(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

pub(super) fn insert_sorted(v: &mut Vec<usize>, i: usize) {
    if let Err(k) = v.binary_search(&i) {
        v.insert(k, i);
    }
}

pub(super) fn remove_sorted(v: &mut Vec<usize>, i: usize) {
    if let Ok(k) = v.binary_search(&i) {
        v.remove(k);
    }
}

impl<'a> Registry<'a> {
    pub(super) fn new(input: &'a str) -> Registry<'a> {
        Registry {
            input,
            ..Registry::default()
        }
    }

    /// [`Registry::new`] with room at the start for the mentions and
    /// people of an article of some length (a few dozen mentions of a
    /// score of people: a kilobyte or two, fixed), as `gather` fills it:
    /// each list grew through four or five copies of itself (4, 8, 16, 32,
    /// 64 entries) in every article. (`finish` fits them to what they
    /// hold.)
    fn with_room(input: &'a str) -> Registry<'a> {
        let mut reg = Registry::new(input);
        reg.mentions.reserve(START_MENTIONS);
        reg.surname_prev.reserve(START_MENTIONS);
        reg.people.reserve(START_PEOPLE);
        reg.surnames.reserve(START_PEOPLE);
        // (The first names and the texts of people named, as these fill
        // in most articles: each grew through 4, 8, 16 and 32 entries.)
        reg.first_names.reserve(START_PEOPLE);
        reg.texts.reserve(START_PEOPLE);
        reg
    }

    pub(super) fn text(&self, s: Str) -> &str {
        text_of(self.input, &self.own, s)
    }

    /// Hold `s`: as its span when the input has it at byte `at`, else in
    /// the registry's own string.
    fn keep(&mut self, s: &str, at: Option<usize>) -> Str {
        // (A slice of the input at `at`, as most texts kept are, is the
        // input there without comparing it byte by byte.)
        if let Some(at) = at
            .filter(|&at| self.offset(s) == Some(at) || self.input.get(at..at + s.len()) == Some(s))
        {
            if let (Ok(at), Ok(len)) = (u32::try_from(at), u32::try_from(s.len())) {
                if len < Str::OWN {
                    return Str { at, len };
                }
            }
        }
        let at = small(self.own.len());
        self.own.push_str(s);
        Str {
            at,
            len: small(s.len()).min(Str::OWN - 1) | Str::OWN,
        }
    }

    /// Where `s`, a slice of the input, starts in it.
    fn offset(&self, s: &str) -> Option<usize> {
        let (base, p) = (self.input.as_ptr() as usize, s.as_ptr() as usize);
        (p >= base && p + s.len() <= base + self.input.len()).then(|| p - base)
    }

    /// The canonical name of person `i`.
    pub(super) fn name(&self, i: usize) -> &str {
        self.text(self.people[i].name)
    }

    pub(super) fn canonical(&self, i: usize) -> String {
        self.name(i).to_string()
    }

    pub(super) fn surname(&self, i: usize) -> &str {
        surname_in(self.name(i))
    }

    pub(super) fn first(&self, i: usize) -> &str {
        first_in(self.name(i))
    }

    /// Person `i`'s mention texts, newest first.
    pub(super) fn texts(&self, i: usize) -> impl Iterator<Item = &str> + '_ {
        let p = &self.people[i];
        chain(&self.texts, p.texts)
            .chain(p.name_text.then_some(p.name))
            .map(|s| self.text(s))
    }

    /// Person `i`'s roles as written, newest first.
    fn roles_written(&self, i: usize) -> impl Iterator<Item = &str> + '_ {
        chain(&self.roles, self.people[i].roles).map(|s| self.text(s))
    }

    /// The first role given person `i`, as written.
    pub(super) fn role(&self, i: usize) -> Option<&str> {
        self.roles_written(i).last()
    }

    /// Person `i`'s roles lower-cased, and the parts after their first
    /// word ("prime minister" of "british prime minister"): the roles the
    /// person is found by.
    pub(super) fn roles_of(&self, i: usize) -> Vec<String> {
        let keys: Vec<String> = self.roles_written(i).map(str::to_lowercase).collect();
        let extra: Vec<String> = keys
            .iter()
            .filter_map(|r| r.split_once(' ').map(|(_, rest)| rest.to_string()))
            .collect();
        keys.into_iter().chain(extra).collect()
    }

    /// Add `run` as written (folded, less a possessive and a closing stop
    /// or comma) to person `i`'s mention texts unless it is there already
    /// (`scratch` is reused, so a repeat costs nothing).
    pub(super) fn add_text(&mut self, i: usize, scratch: &mut String, run: &str) {
        let s = strip_possessive(run.trim_end_matches(['.', ',']));
        // (A run of printable ASCII words one space apart, as most are, is
        // its own folding: it is read as it is, not copied.)
        let b = s.as_bytes();
        let mut prev = b' ';
        let plain = b.last().is_none_or(|&c| c != b' ')
            && b.iter().all(|&c| {
                let ok = c > b' ' && c < 0x7f || c == b' ' && prev != b' ';
                prev = c;
                ok
            });
        let folded = if plain {
            s
        } else {
            scratch.clear();
            crate::text::fold_into(s, scratch);
            scratch.as_str()
        };
        if self.texts(i).any(|t| t == folded) {
            return;
        }
        // (Most often the mention is the name: its text is held once, and
        // as the first text, not even linked.)
        let text = if self.name(i) == folded {
            let p = &mut self.people[i];
            if p.texts == NONE && !p.name_text {
                p.name_text = true;
                return;
            }
            p.name
        } else {
            self.keep(folded, self.offset(s))
        };
        self.link_text(i, text);
    }

    /// Link person `i`'s oldest text, when it is the name held by
    /// [`Person::name`] alone, before the name changes: once a person, and
    /// a walk of the person's texts.
    fn unshare_name_text(&mut self, i: usize) {
        if !std::mem::take(&mut self.people[i].name_text) {
            return;
        }
        let id = small(self.texts.len());
        self.texts.push(Link {
            text: self.people[i].name,
            prev: NONE,
        });
        let mut at = self.people[i].texts;
        if at == NONE {
            self.people[i].texts = id;
            return;
        }
        while self.texts[at as usize].prev != NONE {
            at = self.texts[at as usize].prev;
        }
        self.texts[at as usize].prev = id;
    }

    fn link_text(&mut self, i: usize, text: Str) {
        let prev = self.people[i].texts;
        self.people[i].texts = small(self.texts.len());
        self.texts.push(Link { text, prev });
    }

    /// Add `s` to person `i`'s mention texts, repeated or not; `at` is
    /// where the input may have it.
    pub(super) fn push_text(&mut self, i: usize, s: &str, at: Option<usize>) {
        let text = self.keep(s, at);
        self.link_text(i, text);
    }

    /// Give person `i` the role `r` (as written): the first one given is
    /// the person's role; each is held once, compared lower-cased; a role
    /// of one gender gives the person that gender when they have none.
    pub(super) fn add_role(&mut self, i: usize, r: &str) {
        // (A short ASCII role, as most are, is lower-cased on the stack,
        // and compared with the roles held without lower-casing them.)
        let key = Lower::new(r);
        let key = key.as_str();
        if let Some(g) = gender_of_role(key) {
            self.people[i].gender = self.people[i].gender.or(Some(g));
        }
        if self.roles_written(i).any(|w| w == r || lowers_to(w, key)) {
            return;
        }
        let hash = hash_key(r);
        let (input, own, texts) = (self.input, &self.own, &self.role_texts);
        let found = self
            .role_table
            .find(hash, |id| text_of(input, own, texts[id as usize]) == r);
        let text = match found {
            Some(id) => self.role_texts[id as usize],
            None => {
                let text = self.keep(r, None);
                let id = small(self.role_texts.len());
                self.role_texts.push(text);
                self.role_table.insert(hash, id);
                text
            }
        };
        let prev = self.people[i].roles;
        self.people[i].roles = small(self.roles.len());
        self.roles.push(Link { text, prev });
    }

    /// The surname record of lower-case surname `last`.
    fn surname_group(&self, last: &[u8]) -> Option<usize> {
        self.surname_group_hashed(last, hash_bytes(last))
    }

    /// [`Registry::surname_group`] of `last`, whose `hash_key` is `hash`.
    fn surname_group_hashed(&self, last: &[u8], hash: u64) -> Option<usize> {
        let (input, own, people) = (self.input, &self.own, &self.people);
        let groups = &self.surnames;
        self.surname_table
            .find(hash, |g| {
                let p = &people[groups[g as usize].last as usize];
                key_is(surname_in(text_of(input, own, p.name)), last)
            })
            .map(|g| g as usize)
    }

    /// The first-name record of lower-case first name `first`.
    fn first_group(&self, first: &[u8]) -> Option<usize> {
        self.first_group_hashed(first, hash_bytes(first))
    }

    /// [`Registry::first_group`] of `first`, whose `hash_key` is `hash`.
    fn first_group_hashed(&self, first: &[u8], hash: u64) -> Option<usize> {
        let (input, own, groups) = (self.input, &self.own, &self.first_names);
        self.first_table
            .find(hash, |g| {
                key_is(text_of(input, own, groups[g as usize].key), first)
            })
            .map(|g| g as usize)
    }

    /// Count person `i` under first name `token` (key `first`): only a
    /// name of more than one token counts, so a person named by one word
    /// costs no record here.
    fn add_first(&mut self, i: usize, token: &str, first: &[u8]) {
        if self.people[i].count <= 1 {
            return;
        }
        // (Hashed once, for the look-up and the insert.)
        let hash = hash_bytes(first);
        let g = match self.first_group_hashed(first, hash) {
            Some(g) => g,
            None => {
                let key = self.keep(token, self.offset(token));
                let g = self.first_names.len();
                self.first_names.push(FirstName {
                    key,
                    full: 0,
                    xor: 0,
                });
                self.first_table.insert(hash, small(g));
                g
            }
        };
        self.first_names[g].full += 1;
        self.first_names[g].xor ^= small(i);
    }

    /// Stop counting person `i` under first name `first`.
    fn remove_first(&mut self, i: usize, first: &[u8]) {
        if self.people[i].count > 1 {
            if let Some(g) = self.first_group(first) {
                self.first_names[g].full -= 1;
                self.first_names[g].xor ^= small(i);
            }
        }
    }

    /// The canonical name of `tokens`, held as its span when the input
    /// writes the tokens so.
    fn keep_name(&mut self, tokens: &[&str]) -> Str {
        let at = self.offset(tokens[0]);
        // (Most names are written so, one space apart: their span is held
        // without joining the tokens into a String first.)
        if let Some(at) = at {
            let len = tokens.iter().map(|t| t.len() + 1).sum::<usize>() - 1;
            let written = self.input.get(at..at + len).is_some_and(|w| {
                let mut p = 0;
                // (A token that is the input at its place, as most are,
                // is not compared with it.)
                tokens.iter().all(|t| {
                    let ok = (std::ptr::eq(t.as_ptr(), w[p..].as_ptr()) && p + t.len() <= w.len()
                        || w[p..].starts_with(t))
                        && (p + t.len() == w.len() || w.as_bytes()[p + t.len()] == b' ');
                    p += t.len() + 1;
                    ok
                })
            });
            if written {
                return self.keep(&self.input[at..at + len], Some(at));
            }
        }
        let name = tokens.join(" ");
        self.keep(&name, at)
    }

    /// Find or make the person for a multi-token name.
    pub(super) fn person_for(&mut self, tokens: &[&str]) -> usize {
        // (Keys only hashed and compared: their bytes, not checked again
        // as UTF-8.)
        let first = Key::new(tokens[0]);
        let first = first.as_bytes();
        let last = Key::new(tokens[tokens.len() - 1]);
        let last = last.as_bytes();
        let count = u8::try_from(tokens.len()).unwrap_or(u8::MAX);
        // (Hashed once, for the look-up and the insert.)
        let last_hash = hash_bytes(last);
        let found = self.surname_group_hashed(last, last_hash);
        if let Some((i, g)) = found.and_then(|g| Some((self.latest_match(g, first)?, g))) {
            self.recent_group.set(Some((small(i), small(g))));
            if count > self.people[i].count {
                // The surname stays; the first name may change ("Holm" →
                // "Ola Holm").
                let old = Key::new(self.first(i));
                self.remove_first(i, old.as_bytes());
                self.unshare_name_text(i);
                self.people[i].name = self.keep_name(tokens);
                self.people[i].count = count;
                self.add_first(i, tokens[0], first);
                if let Some(ix) = self.indexes.get_mut(&small(g)) {
                    if count > 1 && (ix.first_full == NONE || small(i) < ix.first_full) {
                        ix.first_full = small(i);
                    }
                    ix.remove(i, old.as_bytes());
                    ix.add(i, first, tokens.len());
                }
            }
            return i;
        }
        let id = self.people.len();
        let name = self.keep_name(tokens);
        self.people.push(Person {
            name,
            texts: NONE,
            roles: NONE,
            prev: NONE,
            count,
            gender: None,
            name_text: false,
            named: false,
        });
        let g = match found {
            Some(g) => g,
            None => {
                let g = self.surnames.len();
                self.surnames.push(Surname {
                    last: small(id),
                    mentions: NONE,
                });
                self.surname_table.insert(last_hash, small(g));
                g
            }
        };
        self.recent_group.set(Some((small(id), small(g))));
        let s = self.surnames[g];
        self.people[id].prev = if s.last == small(id) { NONE } else { s.last };
        self.surnames[g].last = small(id);
        if let Some(ix) = self.indexes.get_mut(&small(g)) {
            if count > 1 && ix.first_full == NONE {
                ix.first_full = small(id);
            }
            ix.add(id, first, tokens.len());
        } else if self.same_surname(id).nth(SCAN).is_some() {
            let mut ix = SurnameIndex::default();
            for i in self.same_surname(id) {
                ix.add(
                    i,
                    Key::new(self.first(i)).as_bytes(),
                    self.people[i].count as usize,
                );
            }
            ix.first_full = self.scan_first_full(g);
            self.indexes.insert(small(g), ix);
        }
        self.add_first(id, tokens[0], first);
        id
    }

    /// The people of `i`'s surname made up to `i`, newest first.
    fn same_surname(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(i), |&k| {
            let p = self.people[k].prev;
            (p != NONE).then_some(p as usize)
        })
    }

    /// The first person of surname group `g` made whose name has more than
    /// one token (a name only grows), by a walk of its people: for a group
    /// of up to [`SCAN`] people; one with an index holds it there.
    fn scan_first_full(&self, g: usize) -> u32 {
        self.group_people(g)
            .filter(|&i| self.people[i].count > 1)
            .last()
            .map_or(NONE, small)
    }

    /// The people of surname group `g`, newest first.
    fn group_people(&self, g: usize) -> impl Iterator<Item = usize> + '_ {
        self.same_surname(self.surnames[g].last as usize)
    }

    /// The most recently made person of surname record `g` that a name
    /// with first name `first` (lower-case) can mean: one known by the
    /// surname alone, or one whose first name matches
    /// (`first_names_match`).
    fn latest_match(&self, g: usize, first: &[u8]) -> Option<usize> {
        // (The same first name, as most are, is found equal without
        // keying it.)
        let fits = |i: usize| {
            self.people[i].count == 1
                || key_is(self.first(i), first)
                || first_names_match(Key::new(self.first(i)).as_bytes(), first)
        };
        let ix = self.indexes.get(&small(g));
        if ix.is_none() || first.len() == 1 {
            // A few people, or an initial, which fits every first name it
            // starts: a scan.
            return self.group_people(g).find(|&i| fits(i));
        }
        let ix = ix?;
        let same = ix.by_first.get(first).and_then(|v| v.last().copied());
        let single = ix.singles.last().copied();
        let initial = ix.initials.iter().rev().copied().find(|&i| fits(i));
        same.max(single).max(initial)
    }

    /// The first person made with this full name (lower-case first name
    /// and surname).
    pub(super) fn by_full_name(&self, first: &str, last: &str) -> Option<usize> {
        let (first, last) = (first.as_bytes(), last.as_bytes());
        let g = self.surname_group(last)?;
        if let Some(ix) = self.indexes.get(&small(g)) {
            return ix.by_first.get(first)?.first().copied();
        }
        self.group_people(g)
            .filter(|&i| key_is(self.first(i), first))
            .last()
    }

    /// Record a mention (in document order).
    pub(super) fn add_mention(&mut self, mut m: Mention) {
        if m.id() == Mention::ID {
            return;
        }
        // (Every person is made under its surname by `person_for`.)
        let id = small(self.mentions.len());
        let group = match self.recent_group.get() {
            Some((p, g)) if p == m.id() => Some(g as usize),
            _ => self.surname_group(Key::new(self.surname(m.person())).as_bytes()),
        };
        let prev = match group {
            Some(g) => std::mem::replace(&mut self.surnames[g].mentions, id),
            None => NONE,
        };
        self.surname_prev.push(prev);
        let p = &mut self.people[m.person()];
        if !std::mem::replace(&mut p.named, true) {
            m.person |= Mention::FIRST;
        }
        self.mentions.push(m);
    }

    /// The person a single surname refers to at `at`: of the people with
    /// that surname named in its last [`SURNAME_WINDOW`] mentions, the one
    /// named most often (the story's subject, not a relative named once in
    /// passing: "Mr. Quist" after "Nell Quist … Mr. Quist … Mr. Quist …
    /// his brother Arlo Quist's"), the most recent on a tie.
    pub(super) fn by_surname(&self, name: &str, at: usize) -> Option<usize> {
        self.by_surname_key(Key::new(name).as_str(), at)
    }

    /// [`Registry::by_surname`] of a name whose key (`Key::new`) is `key`.
    pub(super) fn by_surname_key(&self, key: &str, at: usize) -> Option<usize> {
        self.by_surname_hashed(key.as_bytes(), hash_key(key), at)
    }

    /// [`Registry::by_surname_key`] of `key`, whose `hash_key` is `hash`
    /// (one hash for this look-up and [`Registry::by_first_name_hashed`]).
    pub(super) fn by_surname_hashed(&self, key: &[u8], hash: u64, at: usize) -> Option<usize> {
        let g = self.surname_group_hashed(key, hash)?;
        // The people named in the last mentions before `at`, newest first.
        let s = self.surnames[g];
        let window: SmallVec<[u32; SURNAME_WINDOW]> = if self.gathered && s.one(&self.people) {
            // (One person: they are the window once their first mention
            // is before `at`.)
            let first = self.mentions.get(s.mentions as usize);
            first
                .filter(|m| m.start() < at)
                .map(Mention::id)
                .into_iter()
                .collect()
        } else if self.gathered {
            let start = s.mentions as usize + 1;
            let v =
                &self.surname_mentions[start..start + self.surname_mentions[start - 1] as usize];
            let k = v.partition_point(|&id| self.mentions[id as usize].start() < at);
            v[k.saturating_sub(SURNAME_WINDOW)..k]
                .iter()
                .rev()
                .map(|&id| self.mentions[id as usize].id())
                .collect()
        } else if s.one(&self.people) {
            // (While gathering, one person: every mention of the surname
            // is theirs, so the window's vote goes to them once one is
            // before `at`; the newest one is.)
            let head = s.mentions;
            std::iter::successors((head != NONE).then_some(head), |&id| {
                let p = self.surname_prev[id as usize];
                (p != NONE).then_some(p)
            })
            .find(|&id| self.mentions[id as usize].start() < at)
            .map(|id| self.mentions[id as usize].id())
            .into_iter()
            .collect()
        } else {
            // (While gathering, every mention recorded is before `at`.)
            let head = self.surnames[g].mentions;
            std::iter::successors((head != NONE).then_some(head), |&id| {
                let p = self.surname_prev[id as usize];
                (p != NONE).then_some(p)
            })
            .filter(|&id| self.mentions[id as usize].start() < at)
            .take(SURNAME_WINDOW)
            .map(|id| self.mentions[id as usize].id())
            .collect()
        };
        let recent = window.first().map(|&last| {
            let count = |p: u32| window.iter().filter(|&&q| q == p).count();
            let mut best = (last, count(last));
            let mut seen: SmallVec<[u32; 4]> = SmallVec::new();
            for &p in &window {
                if p == last || seen.contains(&p) || seen.len() >= 4 {
                    continue;
                }
                seen.push(p);
                let c = count(p);
                if c > best.1 {
                    best = (p, c);
                }
            }
            best.0 as usize
        });
        let full = match self.indexes.get(&small(g)) {
            Some(ix) => ix.first_full,
            None => self.scan_first_full(g),
        };
        let found = recent.or((full != NONE).then_some(full as usize));
        if let Some(i) = found {
            self.recent_group.set(Some((small(i), small(g))));
        }
        found
    }

    /// "Sir Geoffrey", "Aoife": a first name that only one person has.
    pub(super) fn by_first_name(&self, name: &str) -> Option<usize> {
        self.by_first_name_key(Key::new(name).as_str())
    }

    /// [`Registry::by_first_name`] of a name whose key is `key`.
    pub(super) fn by_first_name_key(&self, key: &str) -> Option<usize> {
        self.by_first_name_hashed(key.as_bytes(), hash_key(key))
    }

    /// [`Registry::by_first_name_key`] of `key`, whose `hash_key` is `hash`.
    pub(super) fn by_first_name_hashed(&self, key: &[u8], hash: u64) -> Option<usize> {
        let g = &self.first_names[self.first_group_hashed(key, hash)?];
        (g.full == 1).then_some(g.xor as usize)
    }

    pub(super) fn by_role(&self, role: &str, at: usize) -> Option<usize> {
        let words: Vec<String> = role
            .split_whitespace()
            .map(lower_key)
            .filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "one" | "another"))
            .collect();
        words.last()?;
        // A person matches when the role is a word-final part of one of
        // theirs ("minister" of "british prime minister").
        let full = words.join(" ");
        let role = self.role_index().get(&full)?;
        // The matching person named most recently before `at`, else the
        // first one.
        let v = &self.role_mentions()[role.slot];
        let m = |&id: &MentionId| &self.mentions[id as usize];
        let k = v.partition_point(|id| m(id).start() < at);
        k.checked_sub(1)
            .map(|k| m(&v[k]).person())
            .or(role.ids.first().map(|&i| i as usize))
    }

    /// Once gathered: give back what growth by doubling left unused (the
    /// registry is held while every quotation is attributed), and turn the
    /// surnames' chains of mentions into one array sorted by surname, so
    /// that a look-up at any place is a binary search.
    pub(super) fn finish(&mut self) {
        // (This is the peak of a long article: `out` is built while the
        // chains are still held, so nothing else is, and it holds only the
        // surnames of more than one person: a surname of one keeps its
        // first mention in its record.) Each surname's chain of mentions
        // (newest first) is walked to count them all, then again, one
        // surname after another, to count its own and to fill its range
        // of `out` from the end, after the count, so that each range is in
        // document order: no list of sizes a surname.
        fn chain(head: u32, prev: &[u32]) -> impl Iterator<Item = u32> + '_ {
            std::iter::successors((head != NONE).then_some(head), move |&id| {
                let p = prev[id as usize];
                (p != NONE).then_some(p)
            })
        }
        let (prev, people) = (&self.surname_prev, &self.people);
        let total: usize = self
            .surnames
            .iter()
            .filter(|s| !s.one(people))
            .map(|s| 1 + chain(s.mentions, prev).count())
            .sum();
        let mut out = vec![0u32; total];
        let mut start = 0usize;
        for s in &mut self.surnames {
            if s.one(people) {
                s.mentions = chain(s.mentions, prev).last().unwrap_or(NONE);
                continue;
            }
            let n = chain(s.mentions, prev).count();
            out[start] = small(n);
            let mut k = start + 1 + n;
            for id in chain(s.mentions, prev) {
                k -= 1;
                out[k] = id;
            }
            s.mentions = small(start);
            start += 1 + n;
        }
        self.surname_prev = Vec::new();
        self.surname_mentions = out;
        self.gathered = true;
        if self.own.capacity() - self.own.len() > SPARE {
            self.own.shrink_to_fit();
        }
        trim(&mut self.people);
        trim(&mut self.mentions);
        trim(&mut self.texts);
        trim(&mut self.roles);
        trim(&mut self.role_texts);
        trim(&mut self.surnames);
        trim(&mut self.first_names);
    }

    /// Drop the indexes once every quotation is attributed: the summary
    /// reads the people and their texts alone.
    pub(super) fn drop_indexes(&mut self) {
        self.mentions = Vec::new();
        self.surnames = Vec::new();
        self.surname_table = Table::default();
        self.surname_mentions = Vec::new();
        self.indexes = HashMap::new();
        self.first_names = Vec::new();
        self.first_table = Table::default();
        self.role_table = Table::default();
        self.role_index = OnceCell::new();
        self.role_mentions = OnceCell::new();
        self.recent_group.set(None);
    }

    /// Every word-final part of every role ("british prime minister",
    /// "prime minister", "minister") → the people who hold it, built on
    /// the first call (roles are all given while gathering).
    pub(super) fn role_index(&self) -> &WordMap<String, Role> {
        self.role_index.get_or_init(|| self.index_roles())
    }

    /// [`Registry::role_index`], built.
    fn index_roles(&self) -> WordMap<String, Role> {
        // (The roles of `roles_of`, in its order, lower-cased one at a
        // time into one buffer: no Vec of Strings a person.)
        let mut lower = String::new();
        let mut index = WordMap::<String, Role>::default();
        let (input, own, links) = (self.input, &self.own, &self.roles);
        for (i, p) in self.people.iter().enumerate() {
            if p.roles == NONE {
                continue;
            }
            // First each role, then the part after its first word.
            for after_first in [false, true] {
                for s in chain(links, p.roles) {
                    let written = text_of(input, own, s);
                    lower.clear();
                    if written.is_ascii() {
                        lower.push_str(written);
                        lower.make_ascii_lowercase();
                    } else {
                        lower.push_str(&written.to_lowercase());
                    }
                    let r = if after_first {
                        match lower.split_once(' ') {
                            Some((_, rest)) => rest,
                            None => continue,
                        }
                    } else {
                        lower.as_str()
                    };
                    for key in role_keys(r) {
                        // (A key held already is found without a String of
                        // it.)
                        if let Some(role) = index.get_mut(key) {
                            if role.ids.last() != Some(&small(i)) {
                                role.ids.push(small(i));
                            }
                            continue;
                        }
                        let slot = index.len();
                        index.insert(
                            key.to_string(),
                            Role {
                                ids: vec![small(i)],
                                slot,
                            },
                        );
                    }
                }
            }
        }
        index
    }

    /// `role_mentions`, built on first use: every mention goes to each
    /// role its person holds, once.
    pub(super) fn role_mentions(&self) -> &[Vec<MentionId>] {
        self.role_mentions.get_or_init(|| {
            // Each person's roles, once each (a role is written again at
            // every mention that gives it).
            let slots: Vec<Vec<usize>> = (0..self.people.len())
                .map(|i| {
                    let mut s = Vec::new();
                    if self.people[i].roles == NONE {
                        return s;
                    }
                    for r in self.roles_of(i) {
                        for key in role_keys(&r) {
                            if let Some(role) = self.role_index().get(key) {
                                s.push(role.slot);
                            }
                        }
                    }
                    s.sort_unstable();
                    s.dedup();
                    s
                })
                .collect();
            // Each list at its size (grown by doubling, they held up to
            // twice their mentions).
            let mut sizes = vec![0; self.role_index().len()];
            for m in &self.mentions {
                for &slot in &slots[m.person()] {
                    sizes[slot] += 1;
                }
            }
            let mut out: Vec<Vec<_>> = sizes.into_iter().map(Vec::with_capacity).collect();
            for (id, m) in (0..).zip(&self.mentions) {
                for &slot in &slots[m.person()] {
                    out[slot].push(id);
                }
            }
            out
        })
    }
}

/// Is `w.to_lowercase()` the lower-case `key`? An ASCII word is compared
/// ignoring ASCII case, without a String of it ("Deputy Mayor" against
/// "deputy mayor"): `key`, lower-cased, has no ASCII capital.
fn lowers_to(w: &str, key: &str) -> bool {
    if w.is_ascii() {
        w.eq_ignore_ascii_case(key)
    } else {
        w.to_lowercase() == key
    }
}

/// The most room a gathered list keeps unused (bytes): more is given back.
const SPARE: usize = 4096;

/// Give back the room `v` holds unused when it is more than [`SPARE`]
/// bytes: the half a long article's lists may hold spare after doubling
/// is given back, but a short one's (the 64 mentions of `with_room`, a few
/// dozen of them used) is kept, where fitting each list was a copy of it
/// (a `realloc`) eight times an article.
fn trim<T>(v: &mut Vec<T>) {
    if (v.capacity() - v.len()) * std::mem::size_of::<T>() > SPARE {
        v.shrink_to_fit();
    }
}

/// The texts of a chain of links from `head`, newest first.
fn chain(links: &[Link], head: u32) -> impl Iterator<Item = Str> + '_ {
    std::iter::successors((head != NONE).then_some(head), |&k| {
        let p = links[k as usize].prev;
        (p != NONE).then_some(p)
    })
    .map(|k| links[k as usize].text)
}

#[cfg(test)]
pub(super) fn initial_match(a: &str, b: &str) -> bool {
    let (a, b) = (lower_key(a), lower_key(b));
    (a.len() == 1 && b.starts_with(&a)) || (b.len() == 1 && a.starts_with(&b))
}

#[cfg(test)]
mod registry_tests {
    use super::*;
    use proptest::prelude::*;

    /// The registry's look-ups as they were, scanning every person of a
    /// surname and every mention of each role holder.
    #[derive(Default)]
    struct Scan {
        tokens: Vec<Vec<String>>,
        by_last: HashMap<String, Vec<usize>>,
    }

    impl Scan {
        fn person_for(&mut self, tokens: &[String]) -> usize {
            let first = lower_key(&tokens[0]);
            let last = lower_key(&tokens[tokens.len() - 1]);
            let found = self.by_last.get(&last).and_then(|ids| {
                ids.iter().rev().copied().find(|&i| {
                    let p = &self.tokens[i];
                    lower_key(&p[0]) == first || p.len() == 1 || initial_match(&p[0], &tokens[0])
                })
            });
            if let Some(i) = found {
                if tokens.len() > self.tokens[i].len() {
                    self.tokens[i] = tokens.to_vec();
                }
                return i;
            }
            self.tokens.push(tokens.to_vec());
            self.by_last
                .entry(last)
                .or_default()
                .push(self.tokens.len() - 1);
            self.tokens.len() - 1
        }

        fn by_full_name(&self, first: &str, last: &str) -> Option<usize> {
            self.by_last
                .get(last)?
                .iter()
                .copied()
                .find(|&i| lower_key(&self.tokens[i][0]) == first)
        }
    }

    fn by_role_scan(reg: &Registry, full: &str, at: usize) -> Option<usize> {
        let mut holders: Vec<usize> = (0..reg.people.len())
            .filter(|&i| {
                reg.roles_of(i)
                    .iter()
                    .any(|r| r == full || r.ends_with(&format!(" {full}")))
            })
            .collect();
        holders.sort_unstable();
        let mut best: Option<(usize, usize)> = None;
        for &i in &holders {
            let last = reg
                .mentions
                .iter()
                .rev()
                .filter(|m| m.person() == i && m.start() < at)
                .map(|m| m.start())
                .next();
            if let Some(s) = last {
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, i));
                }
            }
        }
        best.map(|(_, i)| i).or(holders.first().copied())
    }

    fn word() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "Ann", "ann", "A.", "A", "Anna", "Bob", "B.", "Bo", "Émile", "É.", "Lee", "LEE",
            "Cruz", "Ted", "T", "T.", "Lee's", "\"Ann",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        /// A word set holds what a scan of its lists finds.
        #[test]
        fn word_sets_match_a_scan(
            w in prop::sample::select([TITLES, ROLE_NOUNS, STOP, PARTICLES].concat()),
            pre in "[\"(]?",
            post in "[.,'’s]{0,2}",
            upper in any::<bool>(),
        ) {
            let w = format!("{pre}{}{post}", if upper { w.to_uppercase() } else { w.to_string() });
            let key = lower_key(&w);
            prop_assert_eq!(
                has_key(&NOT_NAME_WORDS, &w),
                TITLES.contains(&key.as_str())
                    || ROLE_NOUNS.contains(&key.as_str())
                    || STOP.contains(&key.as_str())
            );
            prop_assert_eq!(has_key(&ROLE_WORDS, &w), ROLE_NOUNS.contains(&key.as_str()));
        }

        /// The sixteen-byte capital scans find the first capital (or byte
        /// outside ASCII), in either word of a pair, in the eight-byte
        /// tail or the last bytes: mostly small letters, as in a text.
        #[test]
        fn find_upper_matches_a_scan(
            b in prop::collection::vec(
                prop_oneof![4 => b'a'..=b'z', 1 => any::<u8>()],
                0..70,
            )
        ) {
            prop_assert_eq!(find_upper(&b), b.iter().position(u8::is_ascii_uppercase));
            prop_assert_eq!(
                find_upper_or_non_ascii(&b),
                b.iter().position(|&c| c.is_ascii_uppercase() || c >= 0x80)
            );
        }

        /// The name-run scanner finds what the NAME_RUN regex finds, match
        /// for match.
        #[test]
        fn name_runs_match_the_regex(
            text in crate::testing::joined(
                vec![
                    "Ann", "ann", "A.", "A", "A.B.", "Mr.", "Mrs.", "Mr", "Mrs", "Ms.", "Sgt.",
                    "Capt.", "Cap.", "Dr", "de", "del", "dos", "van", "ter", "al", "bin", "dex",
                    "la_", "Émile", "É.", "éa", "O'Brien", "O’Neil", "Jean-Luc", "-", "'", "’",
                    "Lee's", "\"Ann", "(Bo", "9Z", "_Z", "x", "Ǆa", "Aǅ", "Aⅷ", "Aé", "A\u{300}",
                    "Zoë", "ΑΒ", "Σ", ".", ",", ";", "1", "\u{10000}",
                    " ", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{2003}", "\u{85}", "\u{1680}",
                    "\u{200b}", "\u{3000}", "\u{1c}",
                ],
                0..24,
            ),
        ) {
            let want: Vec<(usize, usize)> =
                NAME_RUN.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            prop_assert_eq!(name_runs(&text).collect::<Vec<_>>(), want);
            // A run is one `TOK` exactly where `gather` once asked whether
            // it was one word of ASCII or held no white space.
            for (s, e, one) in name_runs_outside(&text, &[]) {
                let run = &text[s..e];
                prop_assert_eq!(
                    one,
                    one_ascii_word(run) || !run.contains(char::is_whitespace),
                    "{:?}",
                    run
                );
            }
        }

        /// `appositive` finds APPOSITIVE's group.
        #[test]
        fn appositive_matches_the_regex(
            text in crate::testing::joined(
                vec![
                    ",", ", ", ", a ", ", the ", ", who was ", "a", "an", "the", "who", "who is",
                    "who was", "whois", "said", "says", "saidx", "told", "added", "who_", "x",
                    "spokeswoman for the council", "abcdefghijklmnopqrstuvwxyz0123456789", "é",
                    "Émile", "_", "1", ".", ";", ":", " ", " ", "  ", "\t", "\n", "\u{a0}",
                    "\u{2003}", "\u{85}", "\u{b}", "\u{c}", "\r", "\u{1c}",
                ],
                0..14,
            ),
        ) {
            for t in [text.clone(), format!(",{text}"), format!(", a {text}")] {
                let want = APPOSITIVE.captures(&t).map(|c| c.get(1).map(|g| (g.start(), g.end())));
                let got = appositive(&t).map(|g| {
                    let at = g.as_ptr() as usize - t.as_ptr() as usize;
                    Some((at, at + g.len()))
                });
                prop_assert_eq!(got, want);
            }
        }

        /// `next_pronouns` finds what NEXT_PRONOUN finds, match for match,
        /// and `speech_before` what SPEECH_BEFORE does.
        #[test]
        fn pronoun_and_speech_before_scans_match_the_regexes(
            text in crate::testing::joined(
                vec![
                    "he", "his", "him", "himself", "she", "her", "hers", "herself", "hershey",
                    "sh", "h", "s", "x", "_", "1", "é", "said", "says", "added", "wrote",
                    "according to", "according", "to", "xsaid", "said_", "-", ".", "'", " ",
                    " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", "\u{85}",
                ],
                0..16,
            ),
        ) {
            let want: Vec<(usize, &str)> =
                NEXT_PRONOUN.find_iter(&text).map(|m| (m.start(), m.as_str())).collect();
            prop_assert_eq!(next_pronouns(&text).collect::<Vec<_>>(), want);
            prop_assert_eq!(speech_before(&text), SPEECH_BEFORE.is_match(&text));
        }

        /// `is_group` finds what its regex finds; the gates before
        /// AFTER_WHO_TAIL_AT, SPEECH_AFTER, NEXT (in `owned_body_after`)
        /// and the possessive body pattern only rule out texts they
        /// cannot match.
        #[test]
        fn group_and_gates_match_the_regexes(
            text in crate::testing::joined(
                vec![
                    "supporters", "crowd", "crowds", "neighbors", "neighbours", "neighbrs",
                    "organizers", "organiers", "fans", "xfans", "fans_", "Quist", "the", "also",
                    "has", "had", "said", "went on", "went", "on", "pointed out", "office",
                    "campaign", "spokeswoman", "Doe", "'s", "’s", ",", ".", "-", "é", "1", " ",
                    " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", "\u{85}",
                ],
                0..10,
            ),
        ) {
            prop_assert_eq!(is_group(&text), is_group_regex(&text));
            if !(text.starts_with(',') || verb_may_follow(&text)) {
                prop_assert!(AFTER_WHO_TAIL_AT.captures(&text).is_none());
                prop_assert!(!SPEECH_AFTER.is_match(&text));
            }
            // (Joined to a name, as `owned_body_after` and
            // `is_possessive_body` read it.)
            let m = format!("Quist{text}");
            let want = {
                let re = Regex::new(&format!(
                    r"^(?:['’]s)?\s+(?:[a-z][a-z\-]*\s+){{0,2}}?(?P<body>{OWNED_BODIES})(?-u:\b)"
                ))
                .unwrap();
                re.captures(&text).and_then(|c| {
                    let phrase = fold(&m[..5 + c.get(0)?.end()]);
                    let re = Regex::new(&format!(
                        r"^{TOK}(?:\s+{TOK}){{0,3}}['’]s\s+(?:[a-z][a-z\-]*\s+){{0,2}}(?:{OWNED_BODIES})$"
                    ))
                    .unwrap();
                    re.is_match(&phrase).then_some(phrase)
                })
            };
            prop_assert_eq!(owned_body_after(&m, 0, "Quist"), want);
        }

        /// `after_dash` finds AFTER_DASH's who group.
        #[test]
        fn after_dash_matches_the_regex(
            text in crate::testing::joined(
                vec![
                    "—", "–", "-", "--", "x", "said", "told", "He", "he", "She", "the", "The",
                    "his", "wife", "spokesman", "Jane", "Doe", "J.", "Mr.", "de", "Émile",
                    "supporters", "federal", "a", "for", "city", ",", ", ", ".", ";", "\"", "’s",
                    "_", "1", " ", " ", " ", "  ", "\t", "\n", "\u{a0}",
                ],
                0..14,
            ),
        ) {
            let want = AFTER_DASH
                .captures(&text)
                .and_then(|c| c.name("who"))
                .map(|w| w.start()..w.end());
            prop_assert_eq!(after_dash(&text), want);
        }

        /// A verb-then-who match read without captures gives what its
        /// captures give.
        #[test]
        fn verb_then_who_matches_captures(
            text in crate::testing::joined(
                vec![
                    "said", "says", "told", "went on", "went", "on", "put it", "puts", "it",
                    "chimed in", "pointed out", "According to", "according to", "accordingly",
                    "He", "he", "She", "they", "I", "we", "the", "The", "a", "his", "spokesman",
                    "prime", "minister", "Jane", "Doe", "J.", "Mr.", "de", "Vos", "O'Brien",
                    "Émile", "Quist", "supporters", "federal", "prosecutors", "-", ",", ".",
                    "\"", "’s", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{2003}",
                ],
                0..16,
            ),
        ) {
            for re in [&*VERB_WHO, &*ACCORDING] {
                for v in re.find_iter(&text) {
                    let len = if std::ptr::eq(re, &*ACCORDING) {
                        Some("according to".len())
                    } else {
                        inverting_verb_len(v.as_str())
                    };
                    prop_assert!(len.is_some());
                    let got = verb_then_who(&text, v.start()..v.start() + len.unwrap_or(0), v.end(), 7)
                        .map(|a| (a.who, a.cue, a.at));
                    let want = re
                        .captures_at(&text, v.start())
                        .and_then(|c| from_caps(&c, &text, 7))
                        .map(|a| (a.who, a.cue, a.at));
                    prop_assert_eq!(got, want);
                }
            }
            let verb_at = lead_len(&text);
            if let Some(v) = AFTER_VERB_WHO.find(&text) {
                let len = inverting_verb_len(&text[verb_at..v.end()]);
                prop_assert!(len.is_some());
                let got = verb_then_who(&text, verb_at..verb_at + len.unwrap_or(0), v.end(), 7)
                    .map(|a| (a.who, a.cue, a.at));
                let want = AFTER_VERB_WHO
                    .captures(&text)
                    .and_then(|c| from_caps(&c, &text, 7))
                    .map(|a| (a.who, a.cue, a.at));
                prop_assert_eq!(got, want);
            }
        }

        /// `verb_who_matches` finds what VERB_WHO finds, match for match.
        #[test]
        fn verb_who_matches_match_the_regex(
            text in crate::testing::joined(
                vec![
                    "said", "says", "saying", "told", "went on", "went", "on", "put it", "puts",
                    "chimed in", "pointed out", "xsaid", "_said", "said,", "He", "he", "the",
                    "his", "spokesman", "Jane", "Doe", "J.", "Mr.", "de", "Émile", "supporters",
                    "federal", "-", ",", ".", "(", "\"", "’s", " ", " ", " ", "  ", "\t", "\n",
                    "\u{a0}", "\u{2003}",
                ],
                0..16,
            ),
        ) {
            let want: Vec<(usize, usize, usize)> = VERB_WHO
                .captures_iter(&text)
                .map(|c| {
                    let (m, v) = (c.get(0).unwrap(), c.name("verb").unwrap());
                    (m.start(), v.len(), m.end())
                })
                .collect();
            prop_assert_eq!(verb_who_matches(&text).collect::<Vec<_>>(), want);
        }

        /// `who_verb_matches` finds what WHO_VERB finds, match for match,
        /// and the same groups.
        #[test]
        fn who_verb_matches_match_the_regex(
            text in crate::testing::joined(
                vec![
                    "said", "says", "told", "went on", "also", "has", "He", "he", "She", "the",
                    "The", "his", "wife", "spokesman", "Jane", "Doe", "J.", "Mr.", "de", "Émile",
                    "supporters", "federal", "-", ",", ", ", ".", "(", "\"", "’s", "x", "_",
                    " ", " ", " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}",
                ],
                0..18,
            ),
        ) {
            let groups = |c: &regex::Captures<'_>, off: usize| {
                ["who", "app", "verb"]
                    .map(|g| c.name(g).map(|m| (off + m.start(), off + m.end())))
            };
            let want: Vec<_> = WHO_VERB.captures_iter(&text).map(|c| groups(&c, 0)).collect();
            let got: Vec<_> =
                who_verb_matches(&WHO_VERB_AT, &text).map(|(off, c)| groups(&c, off)).collect();
            prop_assert_eq!(got, want);
        }

        /// `after_who_verb` finds AFTER_WHO_VERB's groups.
        #[test]
        fn after_who_verb_matches_the_regex(
            text in crate::testing::joined(
                vec![
                    "said", "says", "told", "went on", "also", "has", "He", "he", "She", "the",
                    "The", "his", "wife", "spokesman", "Jane", "Doe", "J.", "Mr.", "de", "Émile",
                    "supporters", "federal", "a", "for", "city", "-", "—", ",", ", ", ".", ";",
                    "\"", "’s", " ", " ", " ", "  ", "\t", "\n", "\u{a0}",
                ],
                0..18,
            ),
        ) {
            let lead = lead_len(&text);
            let want = AFTER_WHO_VERB.captures(&text).map(|c| {
                let r = |m: regex::Match<'_>| m.start()..m.end();
                (c.name("who").map(r), c.name("app").map(r), c.name("verb").map(r))
            });
            let got = after_who_verb(&text, lead).map(|(w, a, v)| (Some(w), a, Some(v)));
            prop_assert_eq!(got, want);
        }

        /// `according_matches` finds what ACCORDING finds, match for match.
        #[test]
        fn according_matches_match_the_regex(
            text in crate::testing::joined(
                vec![
                    "According to", "according to", "accordingly", "xaccording to", "_according to",
                    "ccording to", "according", "to", "He", "he", "the", "his", "spokesman", "Jane",
                    "Doe", "J.", "Mr.", "de", "Émile", "supporters", "federal", "-", ",", ".", "(",
                    "\"", "’s", " ", " ", " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}",
                ],
                0..16,
            ),
        ) {
            let want: Vec<(usize, usize)> =
                ACCORDING.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            prop_assert_eq!(according_matches(&text).collect::<Vec<_>>(), want);
        }

        /// `subjects` finds the who of each SUBJECT match.
        #[test]
        fn subjects_match_the_regex(
            text in crate::testing::joined(
                vec![
                    "said", "He", "he", "She", "they", "I", "We", "the", "The", "a", "An", "his",
                    "spokesman", "prime", "minister", "Jane", "Doe", "J.", "Mr.", "de", "Vos",
                    "O'Brien", "Émile", "Quist", "supporters", "federal", "prosecutors", "-",
                    ",", ".", "(", ")", "_", "9", "\"", "’s", "'", " ", " ", " ", "  ", "\t",
                    "\n", "\r\n", "\u{a0}", "\u{2003}", "\u{85}",
                ],
                0..20,
            ),
        ) {
            let want: Vec<(usize, &str)> = SUBJECT
                .captures_iter(&text)
                .filter_map(|c| c.name("who"))
                .map(|w| (w.start(), w.as_str()))
                .collect();
            prop_assert_eq!(subjects(&text).collect::<Vec<_>>(), want);
        }

        /// `capitalised_mid_sentence` finds the words the character pass
        /// finds.
        #[test]
        fn capitalised_mid_sentence_matches_the_scan(
            text in crate::testing::joined(
                vec![
                    "Jane", "doe", "Doe", "É", "é", "Émile", "ΑΒ", "σ", "O’Malley", "Varga's",
                    "x-Y", "a", "B", "1", ",", ".", "'", "’", "-", "\u{a0}", "\u{c2}", " ",
                    "  ", "\t", "\n", "\u{2003}", "\u{85}", "“", "_",
                ],
                0..24,
            ),
        ) {
            let set = capitalised_mid_sentence(&text);
            prop_assert_eq!(&set, &capitalised_mid_sentence_scan(&text));
            // Asked word by word, by searches and then from the set: each
            // word of the text and each piece of one (its prefixes and
            // suffixes) is in the set or not, and so is a word made up.
            let mid = MidSentence::new(&text);
            let mut asked: Vec<&str> = vec!["Jane", "Doe", "É", "Émile", "Varga", "O", "Y", ""];
            for w in text.split(|c: char| c.is_whitespace() || c == ',') {
                for (i, _) in w.char_indices().skip(1) {
                    asked.push(&w[..i]);
                    asked.push(&w[i..]);
                }
                asked.push(w);
            }
            for w in asked {
                prop_assert_eq!(written_mid_sentence(&text, w), set.contains(w), "{:?}", w);
                prop_assert_eq!(mid.contains(w), set.contains(w), "{:?}", w);
            }
        }

        /// `words_at` finds each word where a search after the one before
        /// finds it.
        #[test]
        fn words_at_matches_split_and_find(run in "[ a\u{a0}\u{2003}\u{85}\t\n\r\x0b\x0c\x01\x1f\x7fÉ'.b]{0,24}") {
            let mut old = Vec::new();
            let mut pos = 0;
            for w in run.split_whitespace() {
                let at = run[pos..].find(w).map_or(pos, |i| pos + i);
                pos = at + w.len();
                old.push((at, w));
            }
            prop_assert_eq!(words_at(&run).to_vec(), old);
        }

        /// A look-up by surname reads the same people once gathered (an
        /// array by surname, a surname of one person its first mention)
        /// as from the chains of mentions while gathering.
        #[test]
        fn by_surname_once_gathered_matches_the_chains(
            names in prop::collection::vec(prop::collection::vec(word(), 1..4), 1..40),
            repeats in prop::collection::vec(0usize..40, 0..40),
        ) {
            let mut reg = Registry::default();
            let mut ids = Vec::new();
            for n in &names {
                ids.push(reg.person_for(&n.iter().map(String::as_str).collect::<Vec<_>>()));
            }
            // Mentions in document order: each person's, then repeats.
            let order = (0..names.len()).chain(repeats.iter().map(|&r| r % names.len()));
            for (k, i) in order.enumerate() {
                reg.add_mention(Mention::new(Span::new(10 * k, 10 * k + 5), ids[i], true, false));
            }
            let ats: Vec<usize> = (0..=10 * (names.len() + repeats.len()) + 10).step_by(5).collect();
            let ask = |reg: &Registry| -> Vec<Option<usize>> {
                names
                    .iter()
                    .flat_map(|n| ats.iter().map(move |&at| (n, at)))
                    .map(|(n, at)| reg.by_surname(&n[n.len() - 1], at))
                    .collect()
            };
            let before = ask(&reg);
            reg.finish();
            prop_assert_eq!(ask(&reg), before);
        }

        /// `ascii_key` writes the trimmed word lower-cased, into buffers
        /// of any size, leaves the rest zero, and agrees with `Key`.
        #[test]
        fn ascii_key_writes_the_lower_cased_word(
            w in crate::testing::joined(
                vec!["Ann", "ann", "ANN", "a", "Z", "z", "@", "[", "`", "{", "A.", "'", "\"", "é", "É", "1", "-", "\u{7f}", "ß", " ", "Quert-Vos"],
                0..12,
            ),
            size in prop::sample::select(vec![0usize, 3, 8, 13, 16, 64]),
        ) {
            let t = crate::speakers::names::trim_ascii_marks_bytewise(w.as_bytes());
            let want = (t.len() <= size && t.is_ascii()).then(|| t.to_ascii_lowercase());
            let mut buf = vec![0u8; size];
            let got = ascii_key(&w, &mut buf);
            prop_assert_eq!(got.map(|n| buf[..n].to_vec()), want.clone());
            if let Some(n) = got {
                prop_assert!(buf[n..].iter().all(|&c| c == 0), "{:?}", buf);
                let key = Key::new(&w);
                prop_assert_eq!(Some(key.as_str().as_bytes()), want.as_deref());
            }
        }

        /// The words before a name are found in the word table as a scan
        /// of the lists finds them.
        #[test]
        fn title_roles_match_the_spec(
            v in proptest::collection::vec("Mr\\.?|MRS|Sir|Deputy|Mayor|Dr\\.|Chief|é|", 0..4),
        ) {
            let titles: Vec<&str> = v.iter().map(String::as_str).collect();
            prop_assert_eq!(title_role(&titles), title_role_spec(&titles));
        }

        /// `lowers_to` is a compare of `to_lowercase`, as `add_role` made.
        #[test]
        fn lowers_to_matches_to_lowercase(
            w in "[aAbB ]{0,3}[KΣσςé\u{212a}]?[aAb ]{0,2}",
            r in "[aAbB ]{0,3}[KΣσςé\u{212a}]?[aAb ]{0,2}",
        ) {
            let key = r.to_lowercase();
            prop_assert_eq!(lowers_to(&w, &key), w.to_lowercase() == key);
            prop_assert_eq!(lowers_to(&r, &key), true);
            let lower = Lower::new(&r);
            prop_assert_eq!(lower.as_str(), key.as_str());
        }

        #[test]
        fn words_before_a_name_match_a_scan_of_the_lists(
            text in crate::testing::joined(
                [PREPOSITIONS, ARTICLES, ASKING, OBJECT_VERBS, &["said", "Said", "THE", "(to", "to,", "tó", "intoo", "\u{a0}", " ", "\n", "é"]].concat(),
                0..6,
            ),
        ) {
            let text = format!("{text} ");
            let prev = text.split_whitespace().next_back().map(Key::new);
            let prev = prev.as_ref().map_or("", Key::as_str);
            prop_assert_eq!(
                after_preposition(&text, text.len()),
                PREPOSITIONS.contains(&prev) || ARTICLES.contains(&prev)
            );
            prop_assert_eq!(
                after_object_verb(&text, text.len()),
                OBJECT_VERBS.contains(&prev) || ASKING.contains(&prev)
            );
            // (Both by one look-up, as gathering asks.)
            let lists = lists_before(&text, text.len());
            prop_assert_eq!(lists.any(PLACE_BEFORE_WORDS.0), after_preposition(&text, text.len()));
            prop_assert_eq!(lists.any(OBJECT_BEFORE_WORDS.0), after_object_verb(&text, text.len()));
        }

        /// The gate before `parse_run` in `gather` skips only runs that it
        /// would give no name token: one word (no white space) that is a
        /// title, a role or a stop word, with marks or a possessive on it.
        #[test]
        fn a_lone_not_name_word_has_no_name_tokens(
            w in crate::testing::joined(
                vec!["The", "But", "Mayor", "Gov.", "Mr", "Dr.", "Sir", "It's", "Ada", "Rusk", "al-", "Masri", "(", ",", "'s", "’", "-", "é", "Vice-President"],
                1..4,
            ),
        ) {
            if has_key(&NOT_NAME_WORDS, &w) {
                prop_assert!(parse_run(&w).tokens.is_empty(), "{:?}", w);
            }
        }

        /// `key_is` answers what comparing the built key does.
        #[test]
        fn key_is_matches_the_built_key(
            w in crate::testing::joined(
                vec!["Ann", "ann", "ANN", "a", "A.", "'", "’", "\"", "(", "é", "É", "Zoë", "1", "-", ".", "ß", "İ"],
                0..5,
            ),
            k in crate::testing::joined(vec!["ann", "a", "é", "zoë", "1", "-", "ss", "i̇", "Ann"], 0..3),
        ) {
            for key in [k.clone(), Key::new(&w).as_str().to_string()] {
                prop_assert_eq!(key_is(&w, key.as_bytes()), Key::new(&w).as_str() == key, "{:?} {:?}", w, key);
            }
            // (The bytes that the registry hashes and compares are those of
            // the key as text.)
            let built = Key::new(&w);
            prop_assert_eq!(built.as_bytes(), built.as_str().as_bytes());
            prop_assert_eq!(built.as_str(), lower_key(&w));
        }

        /// Finding a person through the surname's indexes gives the person
        /// a scan of everyone with that surname gives.
        #[test]
        fn person_for_matches_a_scan(
            names in prop::collection::vec(prop::collection::vec(word(), 1..4), 1..60),
            roles in prop::collection::vec(
                prop::sample::select(vec!["spokesman", "press spokesman", "minister", "prime minister"]),
                0..40,
            ),
        ) {
            let mut reg = Registry::default();
            let mut scan = Scan::default();
            for (k, n) in names.iter().enumerate() {
                let id = reg.person_for(&n.iter().map(String::as_str).collect::<Vec<_>>());
                prop_assert_eq!(id, scan.person_for(n));
                prop_assert_eq!(reg.name(id), scan.tokens[id].join(" "));
                prop_assert_eq!(reg.people[id].count as usize, scan.tokens[id].len());
                if let Some(r) = roles.get(k) {
                    reg.add_role(id, r);
                }
                reg.add_mention(Mention::new(
                    Span::new(10 * k, 10 * k + 5),
                    id,
                    true,
                    false,
                ));
                for m in &names {
                    let (f, l) = (lower_key(&m[0]), lower_key(&m[m.len() - 1]));
                    prop_assert_eq!(reg.by_full_name(&f, &l), scan.by_full_name(&f, &l));
                    // A first name one person of a fuller name has.
                    let full: Vec<usize> = (0..scan.tokens.len())
                        .filter(|&i| {
                            scan.tokens[i].len() > 1 && lower_key(&scan.tokens[i][0]) == f
                        })
                        .collect();
                    prop_assert_eq!(reg.by_first_name(&m[0]), (full.len() == 1).then(|| full[0]));
                }
            }
            for role in ["spokesman", "press spokesman", "minister", "prime minister", "mayor"] {
                for at in (0..=10 * names.len() + 10).step_by(3) {
                    prop_assert_eq!(reg.by_role(role, at), by_role_scan(&reg, role, at));
                }
            }
        }
    }
}

#[cfg(test)]
mod tail_tests {
    use super::*;
    use proptest::prelude::*;

    /// The pieces of AFTER_WHO_TAIL in its order, each with near misses.
    fn tail_text() -> impl Strategy<Value = String> {
        let sel = |v: Vec<&'static str>| prop::sample::select(v);
        let ws = || sel(vec!["", " ", "  ", "\t", " \u{a0}", "\u{2003}", "\n "]);
        let adverb = || {
            sel(vec![
                "",
                "also ",
                "has  ",
                "is\t",
                "isn ",
                "reportedly ",
                "then",
            ])
        };
        (
            sel(vec!["", ",", ", "]),
            ws(),
            sel(vec![
                "", "x", "xy", "xyz", "é", "x y", "a spokeswoman for the council", "x,y",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm",
            ]),
            sel(vec!["", ","]),
            ws(),
            adverb(),
            adverb(),
            adverb(),
            sel(vec![
                "said", "says", "say", "saidx", "said_", "went on", "went", "went  on",
                "pointed out", "put it", "sai", "told", "",
            ]),
            sel(vec!["", " more", "_", ".", "1", "é"]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i, j)| [a, b, c, d, e, f, g, h, i, j].concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// `after_who_tail` finds AFTER_WHO_TAIL_AT's groups.
        #[test]
        fn after_who_tail_matches_the_regex_on_random_text(
            text in crate::testing::joined(
                vec![
                    "said", "says", "say", "sai", "saidx", "said_", "told", "went on", "went",
                    "on", "pointed out", "pointed", "put it", "puts it", "also", "has", "had",
                    "is", "isn", "again", "was", "reportedly", "he", "Jane", "a spokeswoman", "x", "xy", "é",
                    "1", ",", ", ", ".", "-", "’s", " ", " ", " ", "  ", "\t", "\n",
                    "\u{a0}", "\u{2003}", "abcdefghijklmnopqrstuvwxyz0123456789",
                ],
                0..14,
            ),
        ) {
            for t in [text.clone(), format!(",{text}"), format!(" {text}")] {
                prop_assert_eq!(speech_after(&t), SPEECH_AFTER.is_match(&t), "{:?}", t);
                let want = AFTER_WHO_TAIL_AT.captures(&t).map(|c| {
                    let r = |m: regex::Match<'_>| m.start()..m.end();
                    (c.name("app").map(r), c.name("verb").map(r))
                });
                let got = after_who_tail(&t).map(|(a, v)| (a, Some(v)));
                prop_assert_eq!(got, want);
            }
        }

        /// `speaks_around`, which asks only the checks the byte after the
        /// name allows, answers what the four checks asked in turn answer,
        /// for text after the name that opens with a comma, white space or
        /// anything else ("Vesna, a nurse at the clinic, said", "Vesna
        /// later told", "said Vesna").
        #[test]
        fn speaks_around_matches_the_checks_in_turn(
            text in crate::testing::joined(
                vec![
                    "said", "says", "told", "added", "wrote", "according to", "also", "was",
                    "who", "a", "an", "the", "nurse", "Nurse", "resident", "of", "town", "Vesna", "x", "is",
                    "é", "1", ",", ", ", ".", "-", " ", "  ", "\t", "\n", "\u{a0}",
                ],
                0..14,
            ),
            before in crate::testing::joined(
                vec!["said", "says", "according to", "x", "é", " ", "\u{a0}", ",", "\n"],
                0..6,
            ),
        ) {
            for t in [text.clone(), format!(",{text}"), format!(" {text}"), format!(", {text}")] {
                prop_assert_eq!(
                    speaks_around(&t, &before),
                    speaks_around_reference(&t, &before),
                    "{:?} {:?}", t, before
                );
                prop_assert_eq!(
                    described_as_person(&t),
                    described_as_person_reference(&t),
                    "{:?}", t
                );
            }
        }

        /// The sentence bounds found with memchr are the ones a byte at a
        /// time finds, from every place in the text.
        #[test]
        fn sentence_bounds_match_the_scan(
            text in crate::testing::joined(
                vec![
                    "Mr.", "J.", "Doe.", "said.", "Yes!", "Why?", "U.S.", "a", "Ann", "é", "\"",
                    "”", ")", ".", "!", "?", " ", " ", "  ", "\t", "\n", "\u{a0}",
                ],
                0..24,
            ),
        ) {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                prop_assert_eq!(sentence_start(&text, at), sentence_start_scan(&text, at));
                for ceiling in [at, text.len(), ceil(&text, (at + 7).min(text.len()))] {
                    prop_assert_eq!(
                        sentence_end_before(&text, at, ceiling),
                        sentence_end_before_scan(&text, at, ceiling)
                    );
                }
            }
        }

        /// `oblique_after` answers what the two tests it reads the word
        /// after a name once for answer asked in turn, after every kind of
        /// byte and word ("Rusk supporters", "Rusk campaign-style", "Rusk's
        /// aides", "Rusk staff_2", "Rusk\u{a0}aides").
        #[test]
        fn oblique_after_matches_the_two_tests(
            text in crate::testing::joined(
                vec![
                    "Rusk", "Rusk's", "Rusk’s", "supporters", "campaign", "aide", "aides", "staff",
                    "said", "Staff", "x", "2", "_", "-", "'", "’", "s", ",", ".", " ", "  ", "\t",
                    "\n", "\u{a0}", "é",
                ],
                0..10,
            ),
        ) {
            for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                prop_assert_eq!(
                    oblique_after(&text, end),
                    possessive_or_modifier_at(&text, end) || modifies_body_at(&text, end),
                    "{:?} {}", text, end
                );
            }
        }

        /// A name's first and last tokens, found a byte at a time, are
        /// what `split` and `rfind` find.
        #[test]
        fn name_tokens_match_split_and_rfind(
            name in crate::testing::joined(vec!["Ada", "Rusk", "é", "’", " ", "  ", "\u{a0}", "-"], 0..6),
        ) {
            prop_assert_eq!(first_in(&name), name.split(' ').next().unwrap_or(""));
            prop_assert_eq!(surname_in(&name), name.rfind(' ').map_or(name.as_str(), |k| &name[k + 1..]));
        }

        /// `refold` gives what `fold` gives.
        #[test]
        fn refold_is_fold(
            text in crate::testing::joined(
                vec!["a", "B", "~", "!", "\u{7f}", "\u{1f}", " ", "  ", "\t", "\n", "\u{a0}", "\u{200b}", "\u{feff}", "é"],
                0..8,
            ),
        ) {
            prop_assert_eq!(refold(text.clone()), fold(&text));
        }

        #[test]
        fn after_who_tail_matches_the_regex(text in tail_text()) {
            let want = AFTER_WHO_TAIL_AT.captures(&text).map(|c| {
                let r = |m: regex::Match<'_>| m.start()..m.end();
                (c.name("app").map(r), c.name("verb").map(r))
            });
            let got = after_who_tail(&text).map(|(a, v)| (a, Some(v)));
            prop_assert_eq!(got, want);
        }
    }
}

/// Gather people and mentions from the paragraphs.
/// What `gather` reads of a name run's parse ([`NameParts`]), borrowed:
/// from the parse of a run of words, or from the one token of a lone word
/// ([`lone_token`]), which makes no `NameParts`.
struct Parts<'p, 't> {
    titles: &'p [&'t str],
    gender: Option<Gender>,
    tokens: &'p [&'t str],
    /// As [`NameParts::lists`].
    lists: &'p [Lists],
    offset: usize,
    /// `opens_with_particle(tokens)`: asked of a parse of words only.
    particle: bool,
}

impl Parts<'_, '_> {
    /// As [`NameParts::lists_of`].
    fn lists_of(&self, i: usize) -> Lists {
        match self.lists[i] {
            UNSET => key_lists(self.tokens[i]),
            l => l,
        }
    }
}

/// The mentions a registry has room for before it grows.
const START_MENTIONS: usize = 64;
/// The people (and surnames) a registry has room for before it grows.
const START_PEOPLE: usize = 32;

/// The register of the people `input` names in `spans` (paragraphs and
/// other blocks, in order), read outside quotations: `quotations(p, out)`
/// pushes onto `out` the spans of block `p`'s bytes inside one (from its
/// start, in order) and returns `true`, or returns `false` and pushes none
/// (a block of very many), and then `inside` says whether a byte lies
/// inside one.
pub(super) fn gather<'a>(
    input: &'a str,
    spans: impl IntoIterator<Item = Span>,
    mut quotations: impl FnMut(Span, &mut Vec<Span>) -> bool,
    inside: &dyn Fn(usize) -> bool,
) -> Registry<'a> {
    let mut reg = Registry::with_room(input);
    let mut scratch = String::new();
    let mid_sentence = MidSentence::new(input);
    let mut votes = Votes::default();
    let mut quoted = Vec::new();
    for p in spans {
        let text = p.of(input);
        quoted.clear();
        let listed = quotations(p, &mut quoted);
        let mut last_mention_at: Option<usize> = None;
        let first_mention = reg.mentions.len();
        // (Runs that start inside a quotation name no one the register
        // keeps: they are not read.)
        for (run_start, run_end, one_word) in name_runs_outside(text, &quoted) {
            let m = NameRun {
                start: run_start,
                end: run_end,
                text: &text[run_start..run_end],
            };
            if !listed && inside(p.start + m.start()) {
                continue;
            }
            // A lone word that is a title, a role or a stop word ("The",
            // "But", "Mayor") names no one: `parse_run` would give it no
            // name token, and most runs are such a word opening a sentence.
            // (A run of one ASCII word, most of them, is looked up once
            // for the gate and the parse.)
            // (A lone word's key, kept for its look-ups as a surname.)
            let mut word_key = None;
            // (A lone word's one token and its lists, held here: most runs
            // are one word, and a `NameParts` made for each cost more than
            // the few tests that give its token.)
            let lone: [&str; 1];
            let lone_lists: [Lists; 1];
            let parsed: NameParts;
            // (A run of one word outside ASCII, "Brennå" or "Rusk’s", is
            // read as one of ASCII is: its `parse_run` is `parse_word`'s
            // too, and it was looked up once for the gate and once more in
            // the parse.)
            // (A run of one `TOK`, as `name_runs_outside` says, is one
            // word, of ASCII or not: no `TOK` holds white space.)
            let parts = if one_word {
                let lists = match key_words(m.as_str()) {
                    Some((key, n)) => {
                        word_key = Some((key, n));
                        WORDS.lists_of_words(&key, n, Lists(u32::MAX))
                    }
                    None => key_lists(m.as_str()),
                };
                let Some((token, lists)) = lone_token(m.as_str(), lists) else {
                    continue;
                };
                lone = [token];
                lone_lists = [lists];
                Parts {
                    tokens: &lone,
                    lists: &lone_lists,
                    titles: &[],
                    gender: None,
                    offset: 0,
                    // (No lone token is a particle: see `lone_token`.)
                    particle: false,
                }
            } else {
                parsed = parse_run(m.as_str());
                Parts {
                    tokens: &parsed.tokens,
                    lists: &parsed.lists,
                    titles: &parsed.titles,
                    gender: parsed.gender,
                    offset: parsed.offset,
                    particle: opens_with_particle(&parsed.tokens),
                }
            };
            if parts.tokens.is_empty() {
                continue;
            }
            let start = p.start + m.start() + parts.offset;
            let name_end = p.start + m.end();
            // "de Vos" after "Pierre de Vos": a surname with its particle.
            let particle_surname = parts.particle;
            if !particle_surname
                && parts.tokens.len() >= 2
                && parts.tokens.len() <= 4
                && plausible_name_with(parts.tokens, parts.lists)
            {
                let id = reg.person_for(parts.tokens);
                reg.add_text(id, &mut scratch, m.as_str());
                let person = &mut reg.people[id];
                person.gender = person.gender.or(parts.gender);
                if let Some(r) = title_role(parts.titles) {
                    reg.add_role(id, &r);
                }
                // (The word before the name, looked up once for its role
                // and for a preposition or verb before it.)
                let before = lists_before(text, m.start());
                if let Some(r) = role_before(text, m.start(), before) {
                    reg.add_role(id, &r);
                }
                if let Some(app) = appositive(&text[m.end()..]) {
                    reg.add_role(id, &fold(app.trim()));
                }
                let oblique = before.any(OBLIQUE_BEFORE)
                    || opens_with_preposition(&m.as_str()[..parts.offset])
                    || oblique_after(text, m.end());
                let subject = !oblique
                    && last_mention_at.is_none_or(|prev| prev < sentence_start(text, m.start()));
                if !oblique {
                    last_mention_at = Some(m.start());
                }
                reg.add_mention(Mention::new(
                    Span::new(start, name_end),
                    id,
                    subject,
                    oblique,
                ));
            } else if !particle_surname
                && (3..=5).contains(&parts.tokens.len())
                // (`is_org_head` of the last token.)
                && parts.lists_of(parts.tokens.len() - 1).any(list::NOT_PERSON_HEAD)
                && plausible_name_with(
                    &parts.tokens[..parts.tokens.len() - 1],
                    &parts.lists[..parts.tokens.len() - 1],
                )
            {
                // "The Ada Rusk Hour", "the Jane Doe Foundation": the
                // person the body is named after, mentioned obliquely.
                let tokens = &parts.tokens[..parts.tokens.len() - 1];
                let id = reg.person_for(tokens);
                let at = reg.offset(tokens[0]);
                reg.push_text(id, &fold(&tokens.join(" ")), at);
                let len: usize = tokens.iter().map(|t| t.len() + 1).sum::<usize>() - 1;
                reg.add_mention(Mention::new(
                    Span::new(start, (start + len).min(name_end)),
                    id,
                    false,
                    true,
                ));
            } else if let Some(last) = (parts.tokens.len() == 1
                && !particle_surname
                && parts.offset == 0
                // (`shared_surname` wants " and " next: asked first, it
                // spares most lone names the look-up of the word before.)
                && text[m.end()..].starts_with(" and ")
                && !after_preposition(text, m.start()))
            .then(|| shared_surname(&text[m.end()..], parts.tokens[0]))
            .flatten()
            {
                // "Nell and Arlo Quist": Nell Quist too.
                let tokens = [parts.tokens[0], last];
                let id = reg.person_for(&tokens);
                reg.add_text(id, &mut scratch, m.as_str());
                let oblique = lists_before(text, m.start()).any(OBLIQUE_BEFORE)
                    || opens_with_preposition(&m.as_str()[..parts.offset]);
                let subject = !oblique
                    && last_mention_at.is_none_or(|prev| prev < sentence_start(text, m.start()));
                if !oblique {
                    last_mention_at = Some(m.start());
                }
                reg.add_mention(Mention::new(
                    Span::new(start, name_end),
                    id,
                    subject,
                    oblique,
                ));
            } else if parts.tokens.len() == 1 || particle_surname {
                let surname = parts.tokens[parts.tokens.len() - 1];
                // (Keyed, read as text and hashed once, for both look-ups.)
                let key = match word_key {
                    // (The token is the whole run: its key is the run's.)
                    Some((words, n)) if surname.len() == m.as_str().len() => {
                        Key::from_words(&words, n)
                    }
                    _ => Key::new(surname),
                };
                // (Its bytes: only hashed and compared.)
                let key = key.as_bytes();
                let hash = hash_bytes(key);
                // A lone name that speaks ("Holm said", "said Holm") is a
                // person even when the article never gives the full name.
                let known = reg.by_surname_hashed(key, hash, start).or_else(|| {
                    if let Some(id) = reg.by_first_name_hashed(key, hash) {
                        return Some(id);
                    }
                    // (or who is described as a person: "Vesna, who was
                    // cheered …" — places take "which" and "where").
                    let after = &text[m.end()..];
                    // (SPEECH_AFTER opens with a comma, or white space and
                    // an adverb or a verb.)
                    let speaks = || {
                        speaks_around(
                            after,
                            &text[floor(text, m.start().saturating_sub(24))..m.start()],
                        )
                    };
                    // (A particle's surname of more than one token is asked
                    // nothing more; `plausible_name_with` is asked last: it
                    // costs more than the look at the context, which most
                    // lone words fail.)
                    (parts.tokens.len() == 1
                        // (A test of the word itself that `plausible_name_with`
                        // implies, asked before the context: "NASA", "Google".)
                        && lone_name_may_be(surname, parts.lists[0])
                        && speaks()
                        && (sentence_start(text, m.start()) < m.start()
                            || (after.starts_with(',') && described_as_person(after))
                            || mid_sentence.contains(surname))
                        && plausible_name_with(parts.tokens, parts.lists)
                        && !parts
                            .lists_of(parts.lists.len() - 1)
                            .any(ROLE_WORDS.0.or(TITLE_WORDS.0)))
                    .then(|| reg.person_for(parts.tokens))
                });
                if let Some(id) = known {
                    reg.people[id].gender = reg.people[id].gender.or(parts.gender);
                    reg.add_text(id, &mut scratch, m.as_str());
                    // "Mayor Fisk": a title before a surname is a role too.
                    if let Some(t) = title_role(parts.titles) {
                        reg.add_role(id, &t);
                    }
                    let oblique = lists_before(text, m.start()).any(OBLIQUE_BEFORE)
                        || opens_with_preposition(&m.as_str()[..parts.offset])
                        || oblique_after(text, m.end());
                    let subject = !oblique
                        && last_mention_at
                            .is_none_or(|prev| prev < sentence_start(text, m.start()));
                    if !oblique {
                        last_mention_at = Some(m.start());
                    }
                    reg.add_mention(Mention::new(
                        Span::new(start, name_end),
                        id,
                        subject,
                        oblique,
                    ));
                }
            }
        }
        // (A pronoun inside a quotation is no vote.)
        let inside_block = |at: usize| {
            if listed {
                let at = at - p.start;
                let k = quoted.partition_point(|q| q.end <= at);
                quoted.get(k).is_some_and(|q| q.start <= at)
            } else {
                inside(at)
            }
        };
        votes.cast(input, inside_block, &reg, first_mention, p.end);
    }
    votes.count(&mut reg);
    reg.finish();
    reg
}

/// The words after which a name is named obliquely: a preposition or an
/// article (`after_preposition`), or a verb whose object it is
/// (`after_object_verb`).
const OBLIQUE_BEFORE: Lists = list::PLACE_BEFORE.or(list::OBJECT_BEFORE);

/// Bodies and staff that a name before them only modifies: "the Rusk
/// campaign", "a Rusk spokesman", "Kim administration officials".
const BODY_AFTER_NAME: &[&str] = &[
    "campaign",
    "administration",
    "camp",
    "team",
    "staff",
    "office",
    "government",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "lawyer",
    "lawyers",
];

/// `possessive_or_modifier_at(text, end) || modifies_body_at(text, end)`:
/// is the name that ends at byte `end` of `text` possessive, or the
/// modifier of a group or a body after it ("Rusk supporters", "the Rusk
/// campaign")? Both read the word after the name; most names are followed
/// by a mark ("Rusk," "Rusk.") or by one space and a lower-case word
/// ("Rusk said"), and then that word is read once here, for both lists.
/// (Asked in turn, each trimmed the white space and found the word's end
/// again: some two hundred instructions a mention.)
pub(super) fn oblique_after(text: &str, end: usize) -> bool {
    let (head, b) = text.as_bytes().split_at(end);
    // (`possessive_at` where the byte after the name is ASCII and no
    // apostrophe: only the name's own end is asked.)
    let possessive = || head.ends_with(b"'s") || head.ends_with("’s".as_bytes());
    match b.first() {
        // A mark or a letter: no white space, so no group or body after
        // the name; only a possessive it ends with ("Rusk's").
        Some(&c) if c < 0x80 && !matches!(c, b' ' | b'\t'..=b'\r' | b'\'') => {
            return possessive();
        }
        // One space and a word of small ASCII letters that ends at a byte
        // no reading takes into a word (an ASCII letter or digit, an
        // underscore or a hyphen): the word both read.
        Some(b' ') if b.get(1).is_some_and(u8::is_ascii_lowercase) => {
            let k = 1 + b[1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
            if !b
                .get(k)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
            {
                let w = &b[1..k];
                return possessive() || WORDS.on(w, list::GROUP_NOUN) || is_body_after_name(w);
            }
        }
        _ => {}
    }
    possessive_or_modifier_at(text, end) || modifies_body_at(text, end)
}

/// Is `w` one of [`BODY_AFTER_NAME`], as bytes (the word [`oblique_after`]
/// read, not checked again as UTF-8)?
fn is_body_after_name(w: &[u8]) -> bool {
    BODY_AFTER_NAME.iter().any(|b| b.as_bytes() == w)
}

/// Is the name that ends at byte `end` of `text` the modifier of a body
/// named by a lower-case noun after it ("the Rusk campaign said", "a
/// Rusk aide told")? Then it is no subject: the body is.
pub(super) fn modifies_body_at(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let t = rest.trim_start_matches([' ', '\t']);
    if t.len() == rest.len() {
        return false;
    }
    let word = t
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .next()
        .unwrap_or("");
    is_body_after_name(word.as_bytes())
}

/// Does a lone name speak, or is it described as a person, by the text
/// `after` it and the up to 24 bytes `before` it ("Holm said", "Holm, a
/// nurse, …", "Holm, who …", "said Holm")? Three of the four checks open
/// with a comma, and the fourth after a comma or white space, so the byte
/// after the name picks the checks that can hold: most lone words ("Kelso
/// lies", "Kelso.") are followed by neither a comma nor a verb.
pub(super) fn speaks_around(after: &str, before: &str) -> bool {
    if after.starts_with(',') {
        described_as_person(after)
            || speech_after(after)
            || relative_who_after(after)
            || speech_before(before)
    } else {
        (verb_may_follow(after) && speech_after(after)) || speech_before(before)
    }
}

/// `speaks_around` as the four checks were first asked, in turn, kept as
/// the specification it is tested against.
#[cfg(test)]
pub(super) fn speaks_around_reference(after: &str, before: &str) -> bool {
    described_as_person(after)
        || ((after.starts_with(',') || verb_may_follow(after)) && speech_after(after))
        || relative_who_after(after)
        || speech_before(before)
}

/// ", a resident of Kelso, was …", ", 34, a nurse at the clinic, said":
/// an appositive whose head is a role noun for a person ("resident",
/// "nurse", [`ROLE_NOUNS`]) and that a comma closes, after a lone name:
/// the name is a person's even where it opens its sentence ("Yuni, a
/// resident of …, was watching …"). The head is the last word before a
/// preposition, or the last word.
pub(super) fn described_as_person(after: &str) -> bool {
    let Some(app) = appositive(after) else {
        return false;
    };
    // (`after.find(app)`: the appositive is a slice of `after` a few bytes
    // in, after the comma, the white space and the article, so the first
    // place its text is written is there or at one of those few bytes
    // before it, each compared; no searcher is built. A long run of white
    // space before it is searched for as before.)
    let at = app.as_ptr() as usize - after.as_ptr() as usize;
    let first = if at <= 16 {
        (0..at)
            .find(|&i| after.as_bytes()[i..].starts_with(app.as_bytes()))
            .unwrap_or(at)
    } else {
        after.find(app).unwrap_or(at)
    };
    if !after[first + app.len()..].starts_with(',') {
        return false;
    }
    // (The head's key looked up in the word table, where `ROLE_NOUNS`
    // are the role list: no String lower-cased for it, and no scan.)
    app.split_whitespace()
        .take_while(|w| !matches!(*w, "of" | "in" | "at" | "for" | "from" | "with" | "who"))
        .last()
        .is_some_and(|h| has_key(&ROLE_WORDS, h))
}

/// [`described_as_person`] as it was written, a search for the
/// appositive and its head lower-cased into a String and compared with
/// each role noun: the specification it is tested against.
#[cfg(test)]
pub(super) fn described_as_person_reference(after: &str) -> bool {
    let Some(app) = appositive(after) else {
        return false;
    };
    let closed = after
        .find(app)
        .is_some_and(|i| after[i + app.len()..].starts_with(','));
    let head = app
        .split_whitespace()
        .take_while(|w| !matches!(*w, "of" | "in" | "at" | "for" | "from" | "with" | "who"))
        .last()
        .map(lower_key);
    closed && head.is_some_and(|h| ROLE_NOUNS.contains(&h.as_str()))
}

/// ", who was cheered", ",\u{a0}who spoke": a relative clause about a
/// person opens right after the name, whatever the white space after the
/// comma (a non-breaking space is common in pasted text).
pub(super) fn relative_who_after(after: &str) -> bool {
    let Some(r) = after.strip_prefix(',') else {
        return false;
    };
    let t = r.trim_start();
    t.len() < r.len()
        && t.strip_prefix("who")
            .is_some_and(|x| x.starts_with(char::is_whitespace))
}

/// The title words written before a name, honorifics left out, as one
/// role ("Deputy Mayor" of "Deputy Mayor Lena Fisk"), if any.
/// (Joined as they are found: no Vec of the words first, for each name
/// gathered.)
/// (Most names have no title: the empty list answers inline, without the
/// call. Each word's key is compared as bytes: checked as UTF-8 once per
/// honorific compared, it cost a call of `from_utf8` for each.)
#[inline]
pub(super) fn title_role(titles: &[&str]) -> Option<String> {
    if titles.is_empty() {
        return None;
    }
    title_role_of(titles)
}

/// [`title_role`] of a list of titles that is not empty.
#[inline(never)]
fn title_role_of(titles: &[&str]) -> Option<String> {
    let mut role: Option<String> = None;
    for w in titles {
        let key = Key::new(w);
        let key = key.as_bytes();
        if HONORIFICS.iter().any(|(h, _)| h.as_bytes() == key) {
            continue;
        }
        match &mut role {
            Some(r) => {
                r.push(' ');
                r.push_str(w);
            }
            None => role = Some((*w).to_string()),
        }
    }
    role
}

/// [`title_role`] as it was written, a Vec of the words joined: the
/// specification it is tested against.
#[cfg(test)]
pub(super) fn title_role_spec(titles: &[&str]) -> Option<String> {
    let t: Vec<&str> = titles
        .iter()
        .copied()
        .filter(|w| {
            let key = Key::new(w);
            !HONORIFICS.iter().any(|(h, _)| *h == key.as_str())
        })
        .collect();
    (!t.is_empty()).then(|| t.join(" "))
}

/// The surname that a lone first name shares with the full name joined
/// to it by "and": in "Nell and Arlo Quist received a letter", `after` is
/// the text after "Nell" and the result is "Quist". The pair must be the
/// subject of a clause (a lower-case word follows; the caller also wants
/// the first name alone in its run and after no preposition, so "the
/// Office for Trade and Rural Affairs said" gives nothing), and a known
/// first name or a plausible one stand first.
pub(super) fn shared_surname<'t>(after: &'t str, first: &str) -> Option<&'t str> {
    let rest = after.strip_prefix(" and ")?;
    let mut words = rest.splitn(4, ' ');
    let (second, last) = (words.next()?, words.next()?);
    let next = words.next().unwrap_or("");
    if !(first_name_gender(first).is_some()
        || next.starts_with(|c: char| c.is_lowercase()) && !last.ends_with([',', '.', ';', ':']))
    {
        return None;
    }
    let last = last.trim_end_matches([',', '.', ';', ':']);
    let capital = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && w.len() > 1
    };
    (capital(first)
        && capital(second)
        && capital(last)
        && !last.ends_with("'s")
        && plausible_name(&[first, second, last])
        && !has_key(&ROLE_WORDS, first)
        && !has_key(&TITLE_WORDS, first))
    .then_some(last)
}

/// The words written capitalised inside a sentence somewhere in an
/// article (after a lower-case word or a comma), asked about one word at
/// a time: names, not common nouns that happened to start a sentence
/// ("Opponents say …"). Most articles ask about a few words or none, so
/// the first [`MidSentence::SEARCHES`] questions are each answered by a
/// search for the word's bytes (`memmem`, a fraction of an instruction a
/// byte) and its context at each place found; only an article that asks
/// more has its whole set built ([`capitalised_mid_sentence`], once):
/// time stays linear in the input whatever is asked.
pub(super) struct MidSentence<'a> {
    input: &'a str,
    asked: Cell<u32>,
    set: OnceCell<HashSet<&'a str, BuildHasherDefault<WordHasher>>>,
}

impl<'a> MidSentence<'a> {
    /// How many questions are answered by a search before the set is
    /// built.
    const SEARCHES: u32 = 4;

    pub(super) fn new(input: &'a str) -> MidSentence<'a> {
        MidSentence {
            input,
            asked: Cell::new(0),
            set: OnceCell::new(),
        }
    }

    /// Is `w` written capitalised inside a sentence somewhere in the
    /// input: is it in `capitalised_mid_sentence(input)`?
    pub(super) fn contains(&self, w: &str) -> bool {
        if let Some(set) = self.set.get() {
            return set.contains(w);
        }
        if self.asked.get() >= MidSentence::SEARCHES {
            return self
                .set
                .get_or_init(|| capitalised_mid_sentence(self.input))
                .contains(w);
        }
        self.asked.set(self.asked.get() + 1);
        written_mid_sentence(self.input, w)
    }
}

/// Is `w` one of the words [`capitalised_mid_sentence`] gathers from
/// `input`, found by a search for its bytes? The set holds a word that
/// opens with a capital straight after white space (spaces, tabs,
/// no-break spaces) after a lower-case letter or a comma, as far as it
/// runs (letters, digits, apostrophes, hyphens), and each prefix of it
/// that ends before an apostrophe or a hyphen: so `w` is in it when it
/// opens with a capital, holds nothing but those characters, and is
/// written somewhere in such a place with no letter or digit after it.
pub(super) fn written_mid_sentence(input: &str, w: &str) -> bool {
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase)
        || !chars.all(|d| d.is_alphanumeric() || matches!(d, '\'' | '’' | '-'))
    {
        return false;
    }
    // (A match of a whole UTF-8 word starts and ends on character
    // boundaries.)
    memchr::memmem::find_iter(input.as_bytes(), w.as_bytes()).any(|k| {
        !input[k + w.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
            && mid_sentence_at(input, k)
    })
}

/// Does byte `k` of `input` follow white space (spaces, tabs, no-break
/// spaces, at least one) that follows a lower-case letter or a comma, as
/// a word inside a sentence does ("the chair, Ada Lind")?
fn mid_sentence_at(input: &str, k: usize) -> bool {
    let b = input.as_bytes();
    let gap_before = |j: usize| {
        if j >= 1 && matches!(b[j - 1], b' ' | b'\t') {
            Some(j - 1)
        } else if j >= 2 && b[j - 2..j] == [0xc2, 0xa0] {
            Some(j - 2)
        } else {
            None
        }
    };
    let Some(mut j) = gap_before(k) else {
        return false;
    };
    while let Some(i) = gap_before(j) {
        j = i;
    }
    input[..j]
        .chars()
        .next_back()
        .is_some_and(|p| p.is_lowercase() || p == ',')
}

/// The words written capitalised inside a sentence somewhere in `input`
/// (after a lower-case word or a comma): names, not common nouns that
/// happened to start a sentence ("Opponents say …"). Only a capital (an
/// ASCII one, or a character outside ASCII that is upper-case) straight
/// after a space, tab or no-break space can start one, and such capitals
/// are few, so they are found eight bytes at a time and the gap before
/// each is read backwards to the character before it. (A character by
/// character pass cost more than its look-ups.)
pub(super) fn capitalised_mid_sentence(
    input: &str,
) -> HashSet<&str, BuildHasherDefault<WordHasher>> {
    let b = input.as_bytes();
    let mut out = HashSet::default();
    let mut pos = 0;
    while let Some(k) = b
        .get(pos..)
        .and_then(find_upper_or_non_ascii)
        .map(|k| pos + k)
    {
        let Some(c) = input[k..].chars().next() else {
            break;
        };
        pos = k + c.len_utf8();
        if !c.is_uppercase() || !mid_sentence_at(input, k) {
            continue;
        }
        // The word and each prefix of it that ends before a mark
        // ("Varga" of "Varga's", "O’Malley").
        let mut end = pos;
        for d in input[end..].chars() {
            if !(d.is_alphanumeric() || matches!(d, '\'' | '’' | '-')) {
                break;
            }
            if !d.is_alphanumeric() {
                out.insert(&input[k..end]);
            }
            end += d.len_utf8();
        }
        out.insert(&input[k..end]);
        pos = end;
    }
    out
}

/// The character-by-character pass `capitalised_mid_sentence` replaced,
/// kept as its specification.
#[cfg(test)]
pub(super) fn capitalised_mid_sentence_scan(
    input: &str,
) -> HashSet<&str, BuildHasherDefault<WordHasher>> {
    let mut out = HashSet::default();
    let mut prev_char: Option<char> = None;
    let mut gap = false;
    let mut iter = input.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if matches!(c, ' ' | '\t' | '\u{a0}') {
            gap = true;
            continue;
        }
        let after_word = gap && prev_char.is_some_and(|p| p.is_lowercase() || p == ',');
        gap = false;
        if after_word && c.is_uppercase() {
            // The word and each prefix of it that ends before a mark
            // ("Varga" of "Varga's", "O’Malley").
            let mut end = at + c.len_utf8();
            let mut last = c;
            while let Some(&(i, d)) = iter.peek() {
                if !(d.is_alphanumeric() || matches!(d, '\'' | '’' | '-')) {
                    break;
                }
                if !d.is_alphanumeric() {
                    out.insert(&input[at..i]);
                }
                end = i + d.len_utf8();
                last = d;
                iter.next();
            }
            out.insert(&input[at..end]);
            prev_char = Some(last);
            continue;
        }
        prev_char = Some(c);
    }
    out
}

/// A speech verb right after a name ("Holm said", "Holm, 45, told"):
/// what `speech_after` finds, kept as the specification it is tested
/// against.
#[cfg(test)]
pub(super) static SPEECH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:,\s+[^,]{{1,40}},)?\s+(?:(?:also|later|then|again|has|had|was|is)\s+){{0,2}}(?:{VERB_RE})(?-u:\b)"
    ))
    .expect("speech after")
});
/// The adverbs SPEECH_AFTER allows before its verb, each with white space
/// after it.
const SPEECH_ADVERBS: &[&str] = &["also", "later", "then", "again", "has", "had", "was", "is"];

/// Does SPEECH_AFTER match `t`, read by hand? With an opening comma, an
/// aside runs from the white space after it to the next comma: 1 to 40
/// characters, and when the comma follows the white space at once, the
/// aside may take back white space from it ("Holm,  , said" has " "), so
/// a run of two or more characters there will do. Then white space, up to
/// two of the adverbs each with white space after it (as many as there
/// are, then fewer) and a speech verb (`verb_at`). (The regex cost some
/// eight million instructions to build, and a search per lone name.)
pub(super) fn speech_after(t: &str) -> bool {
    let mut p = 0;
    if let Some(r) = t.strip_prefix(',') {
        let ws = space_len(r);
        let Some(comma) = r[ws..].find(',').map(|c| ws + c) else {
            return false;
        };
        let len = r[ws..comma].chars().count();
        let fits = if len == 0 {
            r[..ws].chars().nth(1).is_some()
        } else {
            len <= 40
        };
        if ws == 0 || !fits {
            return false;
        }
        p = 1 + comma + 1;
    }
    let ws = space_len(&t[p..]);
    if ws == 0 {
        return false;
    }
    p += ws;
    let b = t.as_bytes();
    for _ in 0..3 {
        if verb_at(t, p).is_some() {
            return true;
        }
        let e = word_end(b, p);
        let gap = space_len(&t[e..]);
        if gap == 0 || !SPEECH_ADVERBS.iter().any(|a| a.as_bytes() == &b[p..e]) {
            return false;
        }
        p = e + gap;
    }
    false
}

/// A speech verb right before a name ("said Holm"): what `speech_before`
/// finds, kept as the specification it is tested against.
#[cfg(test)]
pub(super) static SPEECH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:said|says|added|wrote|according to)\s+$").expect("speech before")
});

/// Does `hay` end in one of SPEECH_BEFORE's verbs, a word of its own, and
/// white space? (The white space runs to the end, so the verb ends where
/// it starts.)
pub(super) fn speech_before(hay: &str) -> bool {
    // (Each verb ends in a "d", an "s", an "e" or an "o", and white space
    // must follow it: most texts before a lone name end in another word
    // and a space ("in Kelso", "Mayor Kelso"), or in no white space at
    // all, and are turned away by a look at their last bytes, before the
    // trim by characters and the five compares.)
    let b = hay.as_bytes();
    let mut e = b.len();
    while e > 0 && matches!(b[e - 1], b' ' | b'\t'..=b'\r') {
        e -= 1;
    }
    let last = e.checked_sub(1).map(|k| b[k]);
    if e == b.len() && last.is_none_or(|c| c < 0x80)
        || e < b.len() && last.is_some_and(|c| c < 0x80 && !matches!(c, b'd' | b's' | b'e' | b'o'))
    {
        return false;
    }
    let t = hay.trim_end();
    t.len() < hay.len()
        && ["said", "says", "added", "wrote", "according to"]
            .iter()
            .any(|w| {
                t.ends_with(w)
                    && (t.len() == w.len() || !word_byte(t.as_bytes().get(t.len() - w.len() - 1)))
            })
}

/// The pronoun that next refers back to a subject in its own sentence,
/// before anyone else is named: "Quist said she …" (not inside quotes).
/// What `next_pronouns` finds, kept as the specification it is tested
/// against.
#[cfg(test)]
pub(super) static NEXT_PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(?P<m>he|his|him|himself)|(?P<f>she|her|hers|herself))(?-u:\b)")
        .expect("pronoun regex")
});

/// The matches of NEXT_PRONOUN in `tail`, as (start, word), match after
/// match: the pattern's words open with "h" or "s" and end at a word
/// boundary, so each is a whole word (ASCII letters, digits and "_") that
/// starts with one of those letters after a boundary.
pub(super) fn next_pronouns(tail: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = tail.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        // (Each pronoun has an "h" first, or second after an "s": only the
        // "h"s are searched for, half as many hits as "h" and "s", and a
        // word whose "h" is elsewhere is passed over whole.)
        while let Some(k) = memchr::memchr(b'h', b.get(pos..)?) {
            let h = pos + k;
            let starts = |i: usize| i == 0 || !word_byte(b.get(i - 1));
            let at = if starts(h) {
                Some(h)
            } else if h > pos && b[h - 1] == b's' && starts(h - 1) {
                Some(h - 1)
            } else {
                None
            };
            let mut e = h + 1;
            while word_byte(b.get(e)) {
                e += 1;
            }
            pos = e;
            let Some(at) = at else {
                continue;
            };
            let w = &tail[at..e];
            if matches!(
                w,
                "he" | "his" | "him" | "himself" | "she" | "her" | "hers" | "herself"
            ) {
                return Some((at, w));
            }
        }
        None
    })
}

/// The pronouns that follow people's subject mentions, which give a
/// gender to a person that neither a first name nor a title nor a role
/// gives one ("Kel Quert said she would go": Kel is a woman). One u32 a
/// pronoun found, the person's id and whether it was "she", where two
/// counts a person took 8 bytes for everyone the article names (a
/// mention's person id fits in 29 bits, [`Mention::ID`]).
#[derive(Debug, Default)]
struct Votes(Vec<u32>);

impl Votes {
    /// Read the pronoun after each subject mention from `from` on, which
    /// are those of the paragraph (or other block) that ends at `end`:
    /// the first one outside quotations up to the next mention, the end of
    /// the paragraph and the end of the sentence, whichever comes first.
    /// Regions between mentions do not overlap, so the whole pass is
    /// linear, and no window cuts a word or depends on the line endings.
    fn cast(
        &mut self,
        input: &str,
        inside: impl Fn(usize) -> bool,
        reg: &Registry,
        from: usize,
        end: usize,
    ) {
        for i in from..reg.mentions.len() {
            let m = &reg.mentions[i];
            // (A gender once given is never taken back, so a person who
            // has one needs no vote.)
            if !m.subject() || reg.people[m.person()].gender.is_some() {
                continue;
            }
            let limit = reg
                .mentions
                .get(i + 1)
                .map_or(end, |n| n.start().clamp(m.end(), end.max(m.end())));
            let tail = &input[m.end()..limit.max(m.end())];
            let tail = &tail[..sentence_end_before(tail, 0, tail.len())];
            // Which group matched is which word did: the two lists do not
            // share a word.
            if let Some((_, w)) = next_pronouns(tail).find(|&(at, _)| !inside(m.end() + at)) {
                let she = !matches!(w, "he" | "his" | "him" | "himself");
                self.0.push(m.id() << 1 | u32::from(she));
            }
        }
    }

    /// Give each person who has no gender yet the one of a common first
    /// name, else the one most of their pronouns give.
    fn count(mut self, reg: &mut Registry) {
        self.0.sort_unstable();
        let mut votes = self.0.into_iter().peekable();
        for i in 0..reg.people.len() {
            let (mut he, mut she) = (0usize, 0usize);
            while let Some(v) = votes.next_if(|&v| (v >> 1) as usize == i) {
                if v & 1 == 0 {
                    he += 1;
                } else {
                    she += 1;
                }
            }
            if reg.people[i].gender.is_some() {
                continue;
            }
            // A common first name outweighs a few pronouns: "Gabriela Lazar
            // wrote that he …" speaks of someone else.
            // (`first_name_gender`, by one look-up of the name.)
            let by_name = (reg.people[i].count > 1)
                .then(|| {
                    let lists = key_lists(reg.first(i));
                    if lists.any(MALE_NAMES.0) {
                        Some(Gender::Male)
                    } else if lists.any(FEMALE_NAMES.0) {
                        Some(Gender::Female)
                    } else {
                        None
                    }
                })
                .flatten();
            reg.people[i].gender = by_name.or(match he.cmp(&she) {
                std::cmp::Ordering::Greater => Some(Gender::Male),
                std::cmp::Ordering::Less => Some(Gender::Female),
                std::cmp::Ordering::Equal => None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::speakers;

    mod table {
        use super::*;
        use proptest::prelude::*;
        use std::collections::HashMap as Reference;

        /// Each key's id after inserting `keys` (the unseen ones) into a
        /// Table, hashed by `hash`, and after each insert every key looked
        /// up: a Table finds exactly what a map finds, across its growths.
        fn check(keys: &[String], hash: impl Fn(&str) -> u64) {
            let mut table = Table::default();
            let mut ids: Vec<&str> = Vec::new();
            let mut reference: Reference<&str, u32> = Reference::new();
            for k in keys {
                let found = table.find(hash(k), |id| ids[id as usize] == k);
                assert_eq!(found, reference.get(k.as_str()).copied(), "{k}");
                if found.is_none() {
                    let id = small(ids.len());
                    ids.push(k);
                    reference.insert(k, id);
                    table.insert(hash(k), id);
                }
                for (key, &id) in &reference {
                    let got = table.find(hash(key), |x| ids[x as usize] == *key);
                    assert_eq!(got, Some(id), "{key}");
                }
            }
            assert_eq!(table.len, reference.len());
            assert!(table.len * 4 <= table.slots.len() * 3);
        }

        proptest! {
            #[test]
            fn table_finds_what_a_map_finds(keys in prop::collection::vec("[a-e]{0,4}", 0..120)) {
                check(&keys, hash_key);
                // Few hashes for many keys: ids share their stored bits and
                // home slots, and only the records tell them apart.
                check(&keys, |k| k.len() as u64);
                check(&keys, |_| 0);
            }
        }
    }

    /// Paragraph spans of `text` (blocks split at blank lines).
    fn blocks(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut at = 0;
        for b in text.split("\n\n") {
            out.push(Span::new(at, at + b.len()));
            at += b.len() + 2;
        }
        out
    }

    /// An invented surname, distinct for each `i`.
    fn surname(mut i: usize) -> String {
        let mut s = String::from("Q");
        for _ in 0..3 {
            s.push(char::from(b'a' + (i % 26) as u8));
            i /= 26;
        }
        s + "ert"
    }

    /// A long round-up, a new person in each paragraph: nothing is held
    /// per person but fixed records; a name, a mention and a role written
    /// in the input as held are spans of it, and a role many share is held
    /// once.
    #[test]
    fn people_cost_fixed_records_and_no_text_of_their_own() {
        assert!(std::mem::size_of::<Person>() <= 24);
        assert!(std::mem::size_of::<Mention>() <= 12);
        let text: String = (0..300)
            .map(|i| format!("Chief engineer Tova {} spoke on Friday.\n\n", surname(i)))
            .collect();
        let reg = gather(&text, blocks(&text), |_, _| true, &|_| false);
        assert_eq!(reg.people.len(), 300);
        assert_eq!(reg.mentions.len(), 300);
        assert_eq!(reg.name(7), format!("Tova {}", surname(7)));
        assert_eq!(reg.texts(7).collect::<Vec<_>>(), [reg.name(7)]);
        // (Each first written by the name: no text linked.)
        assert!(reg.texts.is_empty(), "{} links", reg.texts.len());
        assert_eq!(reg.role(7), Some("Chief engineer"));
        assert_eq!(reg.roles_of(7), ["chief engineer", "engineer"]);
        assert!(reg.own.len() <= "Chief engineer".len(), "{:?}", reg.own);
        assert_eq!(reg.role_texts.len(), 1);
        assert_eq!(reg.by_surname(&surname(7), usize::MAX), Some(7));
        assert_eq!(reg.by_role("the chief engineer", text.len()), Some(299));
    }

    /// A registry starts with room for the mentions and people of an
    /// article of some length, and grows past it.
    #[test]
    fn a_registry_starts_with_room_for_an_article() {
        let reg = Registry::with_room("");
        assert!(reg.mentions.capacity() >= START_MENTIONS);
        assert!(reg.surname_prev.capacity() >= START_MENTIONS);
        assert!(reg.people.capacity() >= START_PEOPLE);
        assert!(reg.surnames.capacity() >= START_PEOPLE);
        assert!(reg.first_names.capacity() >= START_PEOPLE);
        assert!(reg.texts.capacity() >= START_PEOPLE);
        let text: String = (0..START_MENTIONS + 1)
            .map(|i| format!("Tova {} spoke on Friday.\n\n", surname(i)))
            .collect();
        let reg = gather(&text, blocks(&text), |_, _| true, &|_| false);
        assert_eq!(reg.mentions.len(), START_MENTIONS + 1);
    }

    /// A gathered list keeps at most `SPARE` bytes of room unused: a short
    /// one keeps its room, a long one gives back what doubling left.
    #[test]
    fn a_gathered_list_keeps_little_room_unused() {
        let mut v: Vec<u32> = Vec::with_capacity(64);
        v.push(1);
        trim(&mut v);
        assert_eq!(v.capacity(), 64);
        let mut v: Vec<u32> = Vec::with_capacity(4 * SPARE);
        v.extend(0..3);
        trim(&mut v);
        assert!((v.capacity() - v.len()) * 4 <= SPARE, "{}", v.capacity());
        let text: String = (0..2000)
            .map(|i| format!("Tova {} spoke on Friday.\n\n", surname(i)))
            .collect();
        let reg = gather(&text, blocks(&text), |_, _| true, &|_| false);
        let spare = |cap: usize, len: usize, size: usize| (cap - len) * size;
        assert!(
            spare(
                reg.mentions.capacity(),
                reg.mentions.len(),
                size_of::<Mention>()
            ) <= SPARE
        );
        assert!(spare(reg.people.capacity(), reg.people.len(), size_of::<Person>()) <= SPARE);
    }

    /// A person's gender from the pronouns after their subject mentions:
    /// the majority over the article, none on a tie, a pronoun inside a
    /// quotation not counted, and a common first name before any pronoun;
    /// the quotations listed for each block or asked of byte by byte.
    #[test]
    fn pronouns_after_subjects_give_a_gender_by_majority() {
        let text = "Vrel Quert said she would go.\n\nQuert said she agreed.\n\n\
                    Quert said he did not.\n\nTiv Ossa said he left.\n\n\
                    Ossa said she stayed.\n\nMo Ruun said \"she\" was late.\n\n\
                    John Ilo said she left.\n\nQeb Arro spoke. He sat.";
        let quoted = text.find("\"she\"").expect("quoted");
        let mut listed = |p: Span, out: &mut Vec<Span>| {
            if p.start <= quoted && quoted + 5 <= p.end {
                out.push(Span::new(quoted - p.start, quoted + 5 - p.start));
            }
            true
        };
        let inside = |at: usize| (quoted..quoted + 5).contains(&at);
        for reg in [
            gather(text, blocks(text), &mut listed, &|_| false),
            gather(text, blocks(text), |_, _| false, &inside),
        ] {
            let gender = |name: &str| {
                let i = (0..reg.people.len()).find(|&i| reg.name(i) == name);
                reg.people[i.expect(name)].gender
            };
            assert_eq!(gender("Vrel Quert"), Some(Gender::Female));
            assert_eq!(gender("Tiv Ossa"), None);
            assert_eq!(gender("Mo Ruun"), None);
            assert_eq!(gender("John Ilo"), Some(Gender::Male));
            // (A pronoun in the next sentence is not the subject's.)
            assert_eq!(gender("Qeb Arro"), None);
        }
    }

    /// A mention holds its person and its flags in one u32; one of a
    /// person past the ids it can hold is not recorded.
    #[test]
    fn a_mention_packs_its_person_and_flags() {
        let m = Mention::new(Span::new(3, 9), 77, true, false);
        assert_eq!(
            (m.person(), m.subject(), m.oblique(), m.first()),
            (77, true, false, false)
        );
        let m = Mention::new(Span::new(3, 9), (1 << 29) - 2, false, true);
        assert_eq!(
            (m.person(), m.subject(), m.oblique()),
            ((1 << 29) - 2, false, true)
        );
        let mut reg = Registry::default();
        reg.add_mention(Mention::new(Span::new(3, 9), 1 << 29, true, true));
        reg.add_mention(Mention::new(Span::new(3, 9), usize::MAX, true, true));
        assert!(reg.mentions.is_empty());
    }

    /// A person first written by a name that later grows ("Quert", then
    /// "Tova Quert") keeps the shorter text, oldest, behind the newer ones.
    #[test]
    fn a_first_text_held_as_the_name_survives_a_fuller_name() {
        let text = "Quert said the ferry was late.\n\nThe skipper, Quert, agreed.\n\nTova Quert then spoke.";
        let reg = gather(text, blocks(text), |_, _| true, &|_| false);
        assert_eq!(reg.people.len(), 1);
        assert_eq!(reg.name(0), "Tova Quert");
        assert_eq!(reg.texts(0).collect::<Vec<_>>(), ["Tova Quert", "Quert"]);
        // (Only the first of the person's three mentions is marked first.)
        let first: Vec<bool> = reg.mentions.iter().map(Mention::first).collect();
        assert_eq!(first, [true, false, false]);
    }

    /// A name the input splits over a line is held once, joined by a space;
    /// a surname's people are found at any place once gathered.
    #[test]
    fn a_name_over_a_line_break_is_held_joined() {
        let text =
            "Tova\nQuert spoke first.\n\nLater Tova Quert and Ivo Quert spoke.\n\nQuert agreed.";
        let reg = gather(text, blocks(text), |_, _| true, &|_| false);
        assert_eq!(reg.name(0), "Tova Quert");
        assert_eq!(reg.own, "Tova Quert");
        let later = text.find("Later").expect("later");
        let agreed = text.find("Quert agreed").expect("agreed");
        assert_eq!(reg.by_surname("Quert", later), Some(0));
        // (The one named most often in the window: Tova, twice.)
        assert_eq!(reg.by_surname("Quert", agreed), Some(0));
        assert_eq!(reg.by_surname("Quert", 0), Some(0));
        assert_eq!(reg.by_full_name("ivo", "quert"), Some(1));
        assert_eq!(reg.people.len(), 2);
        assert_eq!(reg.by_first_name("Ivo"), Some(1));
        assert_eq!(reg.by_first_name("Tova"), Some(0));
    }

    #[test]
    fn a_relative_who_after_any_white_space_makes_a_lone_name_a_person() {
        assert!(relative_who_after(", who won"));
        assert!(relative_who_after(",\u{a0}who won"));
        assert!(!relative_who_after(", whose plan"));
        assert!(!relative_who_after(" who won"));
        // A lone name that opens its sentence, then ",\u{a0}who": a person,
        // so "she" is hers, not the last woman who spoke.
        let text = "Awards night\n\nBy Ann Lee\n\n\
                    The best speeches came from Dana Roe and Mira who both won awards.\n\n\
                    In her speech, Roe spoke of courage: \"Be bold and then be bolder,\" she said.\n\n\
                    Mira,\u{a0}who was honoured with the top award, spoke about self-love. \
                    \"Love yourself first, always,\" she said.\n";
        assert_eq!(
            speakers(text),
            [Some("Dana Roe".to_string()), Some("Mira".to_string())]
        );
    }

    #[test]
    fn a_name_before_a_body_noun_is_no_subject() {
        // The byte match holds each body, and no cut or longer word but
        // those that are bodies too ("camp" of "campaign", "aides").
        for w in BODY_AFTER_NAME {
            let longer = format!("{w}s");
            let cuts = (0..=w.len()).map(|k| &w[..k]);
            for x in cuts.chain([longer.as_str(), "said"]) {
                assert_eq!(
                    is_body_after_name(x.as_bytes()),
                    BODY_AFTER_NAME.contains(&x),
                    "{x}"
                );
            }
        }
        assert!(modifies_body_at("the Rusk campaign said", 8));
        assert!(modifies_body_at("a Rusk aide told", 6));
        assert!(!modifies_body_at("Rusk campaigned", 4));
        assert!(!modifies_body_at("Rusk, campaign chief", 4));
        // "he" opening the next paragraph is the subject's, not the name
        // that only modifies "campaign".
        let text = "A new chief\n\nBy Ann Lee\n\n\
                    Tom Rusk has hired John Brenn to run the race for him.\n\n\
                    The Rusk campaign did not answer calls. But on Thursday, Brenn \
                    called the race \"a long series of small steps.\"\n\n\
                    \"My job is to win this nomination,\" he vowed.\n";
        assert_eq!(
            speakers(text),
            [
                Some("John Brenn".to_string()),
                Some("John Brenn".to_string())
            ]
        );
    }

    #[test]
    fn a_lone_name_described_as_a_person_is_one_even_opening_its_sentence() {
        assert!(described_as_person(
            ", a baker in the old town, was closing"
        ));
        assert!(described_as_person(", a retired nurse at the clinic, said"));
        // A place, or an appositive no comma closes, is no evidence.
        assert!(!described_as_person(", a town of 4,000 people, lies"));
        assert!(!described_as_person(", a baker in the old town said"));
        let text = "Storm floods the old town\n\nBy Ann Lee\n\n\
                    The harbour board met in the town hall on Monday.\n\n\
                    Few boats had left the quay before the storm.\n\n\
                    Yuna, a baker in the old town, was closing her shop when the sirens \
                    began.\n\n\
                    \"By the time I found my keys the street was a river,\" she said.\n";
        assert_eq!(speakers(text), [Some("Yuna".to_string())]);
    }
}
