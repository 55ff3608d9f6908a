//! The people of an article: every name run of the body, headline,
//! standfirst and captions is read once, in document order, into a registry
//! of people (canonical name, roles, gender) and their mentions, indexed by
//! surname, first name and role so that each look-up is a hash or a binary
//! search.

use super::*;

/// A person the article names.
#[derive(Debug, Clone, Default)]
pub(super) struct Person {
    /// Name tokens of the fullest form seen, honorifics and titles removed,
    /// joined by single spaces (no token holds white space): the canonical
    /// name.
    pub(super) name: String,
    /// How many tokens `name` holds (u32: a person record is held for
    /// every person of a long article).
    pub(super) count: u32,
    /// Every mention as written, in order.
    pub(super) mentions: Vec<String>,
    /// Roles given alongside the name, lowercased for matching.
    pub(super) roles: Vec<String>,
    /// The first role as written.
    pub(super) role: Option<String>,
    pub(super) gender: Option<Gender>,
    /// Absolute offset of the first mention, once one is recorded
    /// ([`small`]).
    pub(super) first_at: Option<u32>,
}

impl Person {
    pub(super) fn surname(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or("")
    }

    pub(super) fn first(&self) -> &str {
        self.name.split(' ').next().unwrap_or("")
    }

    pub(super) fn canonical(&self) -> String {
        self.name.clone()
    }
}

/// A place in the text where a person is named.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    /// Absolute span of the mention (name part).
    pub(super) span: Span,
    pub(super) person: usize,
    /// Named after a preposition ("out of Halden Bay", "to Ms Doe"): not a
    /// likely antecedent for a pronoun, and often a place.
    pub(super) oblique: bool,
    /// The first person named in its sentence who is not after a
    /// preposition or a possessive: its likely subject.
    pub(super) subject: bool,
    /// End of the paragraph (or other block) the mention stands in.
    pub(super) para_end: usize,
}

/// The people of an article and where each is named.
#[derive(Debug, Default)]
pub(super) struct Registry {
    pub(super) people: Vec<Person>,
    pub(super) mentions: Vec<Mention>,
    /// The people who share each lower-case surname, and the mentions of
    /// those people (one key per surname, not one per index). These
    /// indexes keep every look-up logarithmic, so an article of any length
    /// is read in linear time.
    pub(super) by_last: WordMap<String, Surname>,
    /// Person ids by lower-case first name token.
    pub(super) by_first: WordMap<String, Vec<usize>>,
    /// Each word-final part of each role → the people who hold it (built
    /// after gathering).
    pub(super) role_index: WordMap<String, Role>,
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
    let starts = |s: &str| {
        std::iter::once(0)
            .chain(s.match_indices(' ').map(|(k, _)| k + 1))
            .collect::<Vec<usize>>()
    };
    let in_head: Vec<usize> = if head.is_empty() {
        Vec::new()
    } else {
        starts(head)
    };
    let full = in_head.clone().into_iter().map(move |k| &r[k..]);
    let short = in_head
        .into_iter()
        .filter(move |_| head.len() < r.len())
        .map(move |k| &head[k..]);
    full.chain(short)
}

/// How many of a surname's last mentions [`Registry::by_surname`] weighs.
pub(super) const SURNAME_WINDOW: usize = 16;

/// The people who hold one role.
#[derive(Debug, Default)]
pub(super) struct Role {
    /// Person ids, ascending.
    pub(super) ids: Vec<usize>,
    /// Where the role's mentions are in `Registry::role_mentions`.
    pub(super) slot: usize,
}

/// The people who share one lower-case surname.
#[derive(Debug, Default)]
pub(super) struct Surname {
    /// Person ids in the order they were made.
    pub(super) ids: Vec<usize>,
    /// The mentions of these people: (start, person), in document order
    /// (u32s, [`small`]: 8 bytes a mention).
    pub(super) mentions: Vec<(u32, u32)>,
    /// Once more than `Surname::SCAN` people share the surname, an index
    /// of them, so that finding the one a name means does not scan them
    /// all (an article naming many people of one surname is read in
    /// linear time).
    pub(super) index: Option<Box<SurnameIndex>>,
}

impl Surname {
    /// How many people of one surname are scanned rather than indexed
    /// (fewer in tests, so that they reach the index).
    const SCAN: usize = if cfg!(test) { 2 } else { 8 };
}

#[derive(Debug, Default)]
pub(super) struct SurnameIndex {
    /// Person ids by lower-case first name token, ascending.
    pub(super) by_first: WordMap<String, Vec<usize>>,
    /// People named by this one word only, ascending.
    pub(super) singles: Vec<usize>,
    /// People whose first name is a one-letter initial ("J. Smith"),
    /// ascending.
    pub(super) initials: Vec<usize>,
}

impl SurnameIndex {
    /// Index person `i`, whose tokens are `len` long and whose first name
    /// is `first` (lower-case).
    pub(super) fn add(&mut self, i: usize, first: &str, len: usize) {
        match self.by_first.get_mut(first) {
            Some(v) => insert_sorted(v, i),
            None => {
                self.by_first.insert(first.to_string(), vec![i]);
            }
        }
        if len == 1 {
            insert_sorted(&mut self.singles, i);
        }
        if first.len() == 1 {
            insert_sorted(&mut self.initials, i);
        }
    }

    pub(super) fn remove(&mut self, i: usize, first: &str) {
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

/// `map.entry(key.to_string()).or_default().push(x)`, with the key copied
/// only when it is new.
pub(super) fn push_at<T>(map: &mut WordMap<String, Vec<T>>, key: &str, x: T) {
    match map.get_mut(key) {
        Some(v) => v.push(x),
        None => {
            map.insert(key.to_string(), vec![x]);
        }
    }
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

impl Registry {
    /// Find or make the person for a multi-token name.
    pub(super) fn person_for(&mut self, tokens: &[&str]) -> usize {
        let first = Key::new(tokens[0]);
        let first = first.as_str();
        let last = Key::new(tokens[tokens.len() - 1]);
        let last = last.as_str();
        let found = self.latest_match(first, last);
        if let Some(i) = found {
            if tokens.len() > self.people[i].count as usize {
                // The surname stays; the first name may change ("Holm" →
                // "Ola Holm").
                let old = Key::new(self.people[i].first());
                let old = old.as_str();
                if let Some(v) = self.by_first.get_mut(old) {
                    v.retain(|&x| x != i);
                }
                push_at(&mut self.by_first, first, i);
                if let Some(ix) = self.by_last.get_mut(last).and_then(|g| g.index.as_mut()) {
                    ix.remove(i, old);
                    ix.add(i, first, tokens.len());
                }
                self.people[i].name = tokens.join(" ");
                self.people[i].count = small(tokens.len());
            }
            return i;
        }
        let id = self.people.len();
        self.people.push(Person {
            name: tokens.join(" "),
            count: small(tokens.len()),
            ..Person::default()
        });
        if !self.by_last.contains_key(last) {
            self.by_last.insert(last.to_string(), Surname::default());
        }
        let Some(g) = self.by_last.get_mut(last) else {
            return id;
        };
        g.ids.push(id);
        if let Some(ix) = g.index.as_mut() {
            ix.add(id, first, tokens.len());
        } else if g.ids.len() > Surname::SCAN {
            let mut ix = SurnameIndex::default();
            for &i in &g.ids {
                let p = &self.people[i];
                ix.add(i, Key::new(p.first()).as_str(), p.count as usize);
            }
            g.index = Some(Box::new(ix));
        }
        push_at(&mut self.by_first, first, id);
        id
    }

    /// The most recently made person of surname `last` that a name with
    /// first name `first` (both lower-case) can mean: one known by the
    /// surname alone, or one whose first name matches
    /// (`first_names_match`).
    pub(super) fn latest_match(&self, first: &str, last: &str) -> Option<usize> {
        let g = self.by_last.get(last)?;
        let fits = |i: usize| {
            let p = &self.people[i];
            p.count == 1 || first_names_match(Key::new(p.first()).as_str(), first)
        };
        let Some(ix) = g.index.as_deref().filter(|_| first.len() != 1) else {
            // A few people, or an initial, which fits every first name it
            // starts: a scan.
            return g.ids.iter().rev().copied().find(|&i| fits(i));
        };
        let same = ix.by_first.get(first).and_then(|v| v.last().copied());
        let single = ix.singles.last().copied();
        let initial = ix.initials.iter().rev().copied().find(|&i| fits(i));
        same.max(single).max(initial)
    }

    /// The first person made with this full name (lower-case first name
    /// and surname).
    pub(super) fn by_full_name(&self, first: &str, last: &str) -> Option<usize> {
        let g = self.by_last.get(last)?;
        match g.index.as_deref() {
            Some(ix) => ix.by_first.get(first)?.first().copied(),
            None => g
                .ids
                .iter()
                .copied()
                .find(|&i| Key::new(self.people[i].first()).as_str() == first),
        }
    }

    /// Record a mention (in document order).
    pub(super) fn add_mention(&mut self, m: Mention) {
        let key = Key::new(self.people[m.person].surname());
        // (Every person is made under its surname by `person_for`.)
        if let Some(g) = self.by_last.get_mut(key.as_str()) {
            g.mentions.push((small(m.span.start), small(m.person)));
        }
        self.people[m.person]
            .first_at
            .get_or_insert(small(m.span.start));
        self.mentions.push(m);
    }

    /// The person a single surname refers to at `at`: of the people with
    /// that surname named in its last [`SURNAME_WINDOW`] mentions, the one
    /// named most often (the story's subject, not a relative named once in
    /// passing: "Mr. Quist" after "Nell Quist … Mr. Quist … Mr. Quist …
    /// his brother Arlo Quist's"), the most recent on a tie.
    pub(super) fn by_surname(&self, name: &str, at: usize) -> Option<usize> {
        let key = Key::new(name);
        let key = key.as_str();
        let recent = self.by_last.get(key).and_then(|g| {
            let v = &g.mentions;
            let k = v.partition_point(|&(start, _)| (start as usize) < at);
            let last = v[k.checked_sub(1)?].1 as usize;
            let window = &v[k.saturating_sub(SURNAME_WINDOW)..k];
            let count = |p: usize| window.iter().filter(|&&(_, q)| q as usize == p).count();
            let mut best = (last, count(last));
            let mut seen: SmallVec<[usize; 4]> = SmallVec::new();
            for p in window.iter().rev().map(|&(_, p)| p as usize) {
                if p == last || seen.contains(&p) || seen.len() >= 4 {
                    continue;
                }
                seen.push(p);
                let c = count(p);
                if c > best.1 {
                    best = (p, c);
                }
            }
            Some(best.0)
        });
        recent.or_else(|| {
            self.by_last
                .get(key)?
                .ids
                .iter()
                .copied()
                .find(|&i| self.people[i].count > 1)
        })
    }

    /// "Sir Geoffrey", "Aoife": a first name that only one person has.
    pub(super) fn by_first_name(&self, name: &str) -> Option<usize> {
        let key = Key::new(name);
        let mut ids = self
            .by_first
            .get(key.as_str())?
            .iter()
            .copied()
            .filter(|&i| self.people[i].count > 1);
        match (ids.next(), ids.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
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
        let role = self.role_index.get(&full)?;
        // The matching person named most recently before `at`, else the
        // first one.
        let v = &self.role_mentions()[role.slot];
        let m = |&id: &MentionId| &self.mentions[id as usize];
        let k = v.partition_point(|id| m(id).span.start < at);
        k.checked_sub(1)
            .map(|k| m(&v[k]).person)
            .or(role.ids.first().copied())
    }

    /// Give back what growth by doubling left unused, once the registry is
    /// gathered: it is held while every quotation is attributed, and an
    /// article of many people, each named once, would otherwise hold up to
    /// twice its records (and four slots for a person's one mention).
    pub(super) fn shrink(&mut self) {
        for p in &mut self.people {
            p.name.shrink_to_fit();
            p.mentions.shrink_to_fit();
            p.roles.shrink_to_fit();
            p.mentions.iter_mut().for_each(String::shrink_to_fit);
            p.roles.iter_mut().for_each(String::shrink_to_fit);
            if let Some(r) = p.role.as_mut() {
                r.shrink_to_fit();
            }
        }
        self.people.shrink_to_fit();
        self.mentions.shrink_to_fit();
        for g in self.by_last.values_mut() {
            g.ids.shrink_to_fit();
            g.mentions.shrink_to_fit();
        }
        self.by_last.shrink_to_fit();
        self.by_first.values_mut().for_each(Vec::shrink_to_fit);
        self.by_first.shrink_to_fit();
    }

    /// Every word-final part of every role ("british prime minister",
    /// "prime minister", "minister") → the people who hold it.
    pub(super) fn index_roles(&mut self) {
        for (i, p) in self.people.iter().enumerate() {
            for r in &p.roles {
                for key in role_keys(r) {
                    let slot = self.role_index.len();
                    let role = self.role_index.entry(key.to_string()).or_insert(Role {
                        ids: Vec::new(),
                        slot,
                    });
                    if role.ids.last() != Some(&i) {
                        role.ids.push(i);
                    }
                }
            }
        }
    }

    /// `role_mentions`, built on first use: every mention goes to each
    /// role its person holds, once.
    pub(super) fn role_mentions(&self) -> &[Vec<MentionId>] {
        self.role_mentions.get_or_init(|| {
            // Each person's roles, once each (a role is written again at
            // every mention that gives it).
            let slots: Vec<Vec<usize>> = self
                .people
                .iter()
                .map(|p| {
                    let mut s = Vec::new();
                    for r in &p.roles {
                        for key in role_keys(r) {
                            if let Some(role) = self.role_index.get(key) {
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
            let mut sizes = vec![0; self.role_index.len()];
            for m in &self.mentions {
                for &slot in &slots[m.person] {
                    sizes[slot] += 1;
                }
            }
            let mut out: Vec<Vec<_>> = sizes.into_iter().map(Vec::with_capacity).collect();
            for (id, m) in (0..).zip(&self.mentions) {
                for &slot in &slots[m.person] {
                    out[slot].push(id);
                }
            }
            out
        })
    }
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
                reg.people[i]
                    .roles
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
                .filter(|m| m.person == i && m.span.start < at)
                .map(|m| m.span.start)
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

        /// The eight-byte capital scan finds the first capital.
        #[test]
        fn find_upper_matches_a_scan(b in prop::collection::vec(any::<u8>(), 0..40)) {
            prop_assert_eq!(find_upper(&b), b.iter().position(u8::is_ascii_uppercase));
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
                    "\u{2003}", "\u{85}",
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
            prop_assert_eq!(
                capitalised_mid_sentence(&text),
                capitalised_mid_sentence_scan(&text)
            );
        }

        /// `words_at` finds each word where a search after the one before
        /// finds it.
        #[test]
        fn words_at_matches_split_and_find(run in "[ a\u{a0}\u{2003}\t\nÉ'.b]{0,24}") {
            let mut old = Vec::new();
            let mut pos = 0;
            for w in run.split_whitespace() {
                let at = run[pos..].find(w).map_or(pos, |i| pos + i);
                pos = at + w.len();
                old.push((at, w));
            }
            prop_assert_eq!(words_at(&run).to_vec(), old);
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
                prop_assert_eq!(&reg.people[id].name, &scan.tokens[id].join(" "));
                prop_assert_eq!(reg.people[id].count as usize, scan.tokens[id].len());
                if let Some(r) = roles.get(k) {
                    reg.people[id].roles.push(r.to_string());
                }
                reg.add_mention(Mention {
                    span: Span::new(10 * k, 10 * k + 5),
                    person: id,
                    oblique: false,
                    subject: true,
                    para_end: 10 * k + 9,
                });
                for m in &names {
                    let (f, l) = (lower_key(&m[0]), lower_key(&m[m.len() - 1]));
                    prop_assert_eq!(reg.by_full_name(&f, &l), scan.by_full_name(&f, &l));
                }
            }
            reg.index_roles();
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
                    "is", "isn", "reportedly", "he", "Jane", "a spokeswoman", "x", "xy", "é",
                    "1", ",", ", ", ".", "-", "’s", " ", " ", " ", "  ", "\t", "\n",
                    "\u{a0}", "\u{2003}", "abcdefghijklmnopqrstuvwxyz0123456789",
                ],
                0..14,
            ),
        ) {
            for t in [text.clone(), format!(",{text}"), format!(" {text}")] {
                let want = AFTER_WHO_TAIL_AT.captures(&t).map(|c| {
                    let r = |m: regex::Match<'_>| m.start()..m.end();
                    (c.name("app").map(r), c.name("verb").map(r))
                });
                let got = after_who_tail(&t).map(|(a, v)| (a, Some(v)));
                prop_assert_eq!(got, want);
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
pub(super) fn gather(input: &str, spans: &[Span], inside: &dyn Fn(usize) -> bool) -> Registry {
    let mut reg = Registry::default();
    let mut scratch = String::new();
    let mut mid_sentence: Option<HashSet<&str, BuildHasherDefault<WordHasher>>> = None;
    for p in spans {
        let text = p.of(input);
        let mut last_mention_at: Option<usize> = None;
        for (run_start, run_end) in name_runs(text) {
            let m = NameRun {
                start: run_start,
                end: run_end,
                text: &text[run_start..run_end],
            };
            let abs = p.start + m.start();
            if inside(abs) {
                continue;
            }
            let parts = parse_run(m.as_str());
            if parts.tokens.is_empty() {
                continue;
            }
            let start = p.start + m.start() + parts.offset;
            let name_end = p.start + m.end();
            // "de Vos" after "Pierre de Vos": a surname with its particle.
            let particle_surname = opens_with_particle(&parts.tokens);
            if !particle_surname
                && parts.tokens.len() >= 2
                && parts.tokens.len() <= 4
                && plausible_name(&parts.tokens)
            {
                let id = reg.person_for(&parts.tokens);
                let person = &mut reg.people[id];
                add_mention_text(&mut person.mentions, &mut scratch, m.as_str());
                person.gender = person.gender.or(parts.gender);
                let mut roles: Vec<String> = Vec::new();
                roles.extend(title_role(&parts.titles));
                if let Some(r) = role_before(text, m.start()) {
                    roles.push(r);
                }
                if let Some(app) = appositive(&text[m.end()..]) {
                    roles.push(fold(app.trim()));
                }
                for r in roles {
                    let key = r.to_lowercase();
                    // "Prime Minister" from "British Prime Minister": the
                    // role without a nationality adjective is matched too.
                    if person.role.is_none() {
                        person.role = Some(r.clone());
                    }
                    if let Some(g) = gender_of_role(&key) {
                        person.gender = person.gender.or(Some(g));
                    }
                    // Each role once: it is matched as a set.
                    if !person.roles.contains(&key) {
                        person.roles.push(key);
                    }
                }
                let oblique = after_preposition(text, m.start())
                    || after_object_verb(text, m.start())
                    || opens_with_preposition(&m.as_str()[..parts.offset])
                    || possessive_or_modifier_at(text, m.end())
                    || modifies_body_at(text, m.end());
                let subject = !oblique
                    && last_mention_at.is_none_or(|prev| prev < sentence_start(text, m.start()));
                if !oblique {
                    last_mention_at = Some(m.start());
                }
                reg.add_mention(Mention {
                    span: Span::new(start, name_end),
                    person: id,
                    subject,
                    oblique,
                    para_end: p.end,
                });
            } else if !particle_surname
                && (3..=5).contains(&parts.tokens.len())
                && is_org_head(parts.tokens[parts.tokens.len() - 1])
                && plausible_name(&parts.tokens[..parts.tokens.len() - 1])
            {
                // "The Ada Rusk Hour", "the Jane Doe Foundation": the
                // person the body is named after, mentioned obliquely.
                let tokens = &parts.tokens[..parts.tokens.len() - 1];
                let id = reg.person_for(tokens);
                reg.people[id].mentions.push(fold(&tokens.join(" ")));
                let len: usize = tokens.iter().map(|t| t.len() + 1).sum::<usize>() - 1;
                reg.add_mention(Mention {
                    span: Span::new(start, (start + len).min(name_end)),
                    person: id,
                    subject: false,
                    oblique: true,
                    para_end: p.end,
                });
            } else if let Some(last) = (parts.tokens.len() == 1
                && !particle_surname
                && parts.offset == 0
                && !after_preposition(text, m.start()))
            .then(|| shared_surname(&text[m.end()..], parts.tokens[0]))
            .flatten()
            {
                // "Nell and Arlo Quist": Nell Quist too.
                let tokens = [parts.tokens[0], last];
                let id = reg.person_for(&tokens);
                add_mention_text(&mut reg.people[id].mentions, &mut scratch, m.as_str());
                let oblique = after_preposition(text, m.start())
                    || after_object_verb(text, m.start())
                    || opens_with_preposition(&m.as_str()[..parts.offset]);
                let subject = !oblique
                    && last_mention_at.is_none_or(|prev| prev < sentence_start(text, m.start()));
                if !oblique {
                    last_mention_at = Some(m.start());
                }
                reg.add_mention(Mention {
                    span: Span::new(start, name_end),
                    person: id,
                    subject,
                    oblique,
                    para_end: p.end,
                });
            } else if parts.tokens.len() == 1 || particle_surname {
                let surname = parts.tokens[parts.tokens.len() - 1];
                // A lone name that speaks ("Holm said", "said Holm") is a
                // person even when the article never gives the full name.
                let known = reg.by_surname(surname, start).or_else(|| {
                    if let Some(id) = reg.by_first_name(surname) {
                        return Some(id);
                    }
                    // (or who is described as a person: "Vesna, who was
                    // cheered …" — places take "which" and "where").
                    let after = &text[m.end()..];
                    // (SPEECH_AFTER opens with a comma, or white space and
                    // an adverb or a verb.)
                    let speaks = described_as_person(after)
                        || ((after.starts_with(',') || verb_may_follow(after))
                            && SPEECH_AFTER.is_match(after))
                        || relative_who_after(after)
                        || speech_before(
                            &text[floor(text, m.start().saturating_sub(24))..m.start()],
                        );
                    (speaks
                        && parts.tokens.len() == 1
                        && (sentence_start(text, m.start()) < m.start()
                            || described_as_person(after)
                            || mid_sentence
                                .get_or_insert_with(|| capitalised_mid_sentence(input))
                                .contains(surname))
                        && plausible_name(&parts.tokens)
                        && !has_key(&ROLE_WORDS, surname)
                        && !has_key(&TITLE_WORDS, surname))
                    .then(|| reg.person_for(&parts.tokens))
                });
                if let Some(id) = known {
                    reg.people[id].gender = reg.people[id].gender.or(parts.gender);
                    add_mention_text(&mut reg.people[id].mentions, &mut scratch, m.as_str());
                    // "Mayor Fisk": a title before a surname is a role too.
                    let title = title_role(&parts.titles);
                    if let Some(t) = title {
                        let person = &mut reg.people[id];
                        let key = t.to_lowercase();
                        if let Some(g) = gender_of_role(&key) {
                            person.gender = person.gender.or(Some(g));
                        }
                        person.role.get_or_insert(t);
                        if !person.roles.contains(&key) {
                            person.roles.push(key);
                        }
                    }
                    let oblique = after_preposition(text, m.start())
                        || after_object_verb(text, m.start())
                        || opens_with_preposition(&m.as_str()[..parts.offset])
                        || possessive_or_modifier_at(text, m.end())
                        || modifies_body_at(text, m.end());
                    let subject = !oblique
                        && last_mention_at
                            .is_none_or(|prev| prev < sentence_start(text, m.start()));
                    if !oblique {
                        last_mention_at = Some(m.start());
                    }
                    reg.add_mention(Mention {
                        span: Span::new(start, name_end),
                        person: id,
                        subject,
                        oblique,
                        para_end: p.end,
                    });
                }
            }
        }
    }
    infer_genders(input, inside, &mut reg);
    // Roles reached through words inside the role: "prime minister" from
    // "british prime minister".
    for p in &mut reg.people {
        let extra: Vec<String> = p
            .roles
            .iter()
            .filter_map(|r| r.split_once(' ').map(|(_, rest)| rest.to_string()))
            .collect();
        p.roles.extend(extra);
    }
    reg.index_roles();
    reg.shrink();
    reg
}

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
    BODY_AFTER_NAME.contains(&word)
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
pub(super) fn title_role(titles: &[&str]) -> Option<String> {
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
    let gap_before = |j: usize| {
        if j >= 1 && matches!(b[j - 1], b' ' | b'\t') {
            Some(j - 1)
        } else if j >= 2 && b[j - 2..j] == [0xc2, 0xa0] {
            Some(j - 2)
        } else {
            None
        }
    };
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
        if !c.is_uppercase() {
            continue;
        }
        let Some(mut j) = gap_before(k) else {
            continue;
        };
        while let Some(i) = gap_before(j) {
            j = i;
        }
        if !input[..j]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_lowercase() || p == ',')
        {
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

/// A speech verb right after a name ("Holm said", "Holm, 45, told").
pub(super) static SPEECH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:,\s+[^,]{{1,40}},)?\s+(?:(?:also|later|then|again|has|had|was|is)\s+){{0,2}}(?:{VERB_RE})(?-u:\b)"
    ))
    .expect("speech after")
});
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
        while let Some(k) = memchr::memchr2(b'h', b's', b.get(pos..)?) {
            let at = pos + k;
            pos = at + 1;
            if at > 0 && word_byte(b.get(at - 1)) {
                continue;
            }
            let mut e = pos;
            while word_byte(b.get(e)) {
                e += 1;
            }
            pos = e;
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

/// Give a gender to each person whose honorifics and roles gave none: from
/// the pronouns that follow them as subjects (a majority over the article),
/// else from a common first name.
pub(super) fn infer_genders(input: &str, inside: &dyn Fn(usize) -> bool, reg: &mut Registry) {
    let mut votes = vec![(0u32, 0u32); reg.people.len()];
    for (i, m) in reg.mentions.iter().enumerate() {
        if !m.subject || reg.people[m.person].gender.is_some() {
            continue;
        }
        // Up to the next mention, the end of the paragraph and the end of
        // the sentence, whichever comes first: regions between mentions do
        // not overlap, so the whole pass is linear, and no window cuts a
        // word or depends on the line endings.
        let limit = reg.mentions.get(i + 1).map_or(m.para_end, |n| {
            n.span.start.clamp(m.span.end, m.para_end.max(m.span.end))
        });
        let tail = &input[m.span.end..limit.max(m.span.end)];
        let tail = &tail[..sentence_end_before(tail, 0, tail.len())];
        // Which group matched is which word did: the two lists do not
        // share a word.
        for (start, w) in next_pronouns(tail) {
            let abs = m.span.end + start;
            if inside(abs) {
                continue;
            }
            if matches!(w, "he" | "his" | "him" | "himself") {
                votes[m.person].0 += 1;
            } else {
                votes[m.person].1 += 1;
            }
            break;
        }
    }
    for (p, (he, she)) in reg.people.iter_mut().zip(votes) {
        if p.gender.is_some() {
            continue;
        }
        // A common first name outweighs a few pronouns: "Gabriela Lazar
        // wrote that he …" speaks of someone else.
        let by_name = (p.count > 1)
            .then(|| first_name_gender(p.first()))
            .flatten();
        p.gender = by_name.or(if he > she {
            Some(Gender::Male)
        } else if she > he {
            Some(Gender::Female)
        } else {
            None
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::speakers;

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
