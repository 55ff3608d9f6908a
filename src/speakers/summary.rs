//! The speakers summary: one entry per quoted person.
//!
//! An article of many people, each quoted once, holds one entry each, so
//! an entry is a few u32s: its texts (names, mentions, roles) are ids of
//! one list of distinct texts, each held once ("she" and "Deputy
//! director" once for all the speakers that share them). The library's
//! `Vec<Speaker>` is made from it ([`Speakers::to_vec`]); the binary writes
//! it as the same JSON without making one ([`Speakers`] is `Serialize`).

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use super::*;

/// The speakers of an article, in order of their first quotation.
#[derive(Debug, Default)]
pub(crate) struct Speakers {
    /// The distinct texts, one after another.
    text: String,
    /// Each distinct text: (start, length) in `text`.
    texts: Vec<(u32, u32)>,
    /// `texts` by content.
    table: Table,
    list: Vec<Entry>,
    /// The text ids of the speakers' mentions, one speaker after another.
    mentions: Vec<u32>,
}

/// One speaker (20 bytes).
#[derive(Debug, Clone, Copy)]
struct Entry {
    name: u32,
    /// A text id, or [`NONE`].
    role: u32,
    /// Where the speaker's mentions end in `Speakers::mentions` (they
    /// start where the previous speaker's end).
    mentions_end: u32,
    quotes: u32,
    words: u32,
}

impl Speakers {
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    fn text(&self, id: u32) -> &str {
        let (at, len) = self.texts[id as usize];
        self.text
            .get(at as usize..(at + len) as usize)
            .unwrap_or("")
    }

    /// The id of text `s`, added when new.
    fn intern(&mut self, s: &str) -> u32 {
        let hash = hash_key(s);
        let (text, texts) = (&self.text, &self.texts);
        let get = |id: u32| {
            let (at, len) = texts[id as usize];
            text.get(at as usize..(at + len) as usize).unwrap_or("")
        };
        if let Some(id) = self.table.find(hash, |id| get(id) == s) {
            return id;
        }
        let id = small(self.texts.len());
        self.texts.push((small(self.text.len()), small(s.len())));
        self.text.push_str(s);
        self.table.insert(hash, id);
        id
    }

    /// The speakers, one by one: name, mentions, role, quotes, words.
    pub(crate) fn each(
        &self,
    ) -> impl Iterator<Item = (&str, Vec<&str>, Option<&str>, usize, usize)> + '_ {
        let mut from = 0;
        self.list.iter().map(move |e| {
            let end = e.mentions_end as usize;
            let mentions = self.mentions[from..end]
                .iter()
                .map(|&id| self.text(id))
                .collect();
            from = end;
            (
                self.text(e.name),
                mentions,
                (e.role != NONE).then(|| self.text(e.role)),
                e.quotes as usize,
                e.words as usize,
            )
        })
    }

    /// The speakers as the library's records.
    pub(crate) fn to_vec(&self) -> Vec<Speaker> {
        let mut out = Vec::with_capacity(self.len());
        out.extend(
            self.each()
                .map(|(name, mentions, role, quotes, words)| Speaker {
                    name: name.to_string(),
                    mentions: mentions.into_iter().map(str::to_string).collect(),
                    role: role.map(str::to_string),
                    quotes,
                    quoted_words: words,
                }),
        );
        out
    }
}

/// The same JSON as the list of [`Speaker`]s.
impl Serialize for Speakers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for (name, mentions, role, quotes, words) in self.each() {
            seq.serialize_element(&One {
                name,
                mentions,
                role,
                quotes,
                words,
            })?;
        }
        seq.end()
    }
}

struct One<'s> {
    name: &'s str,
    mentions: Vec<&'s str>,
    role: Option<&'s str>,
    quotes: usize,
    words: usize,
}

impl Serialize for One<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Speaker", 5)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("mentions", &self.mentions)?;
        s.serialize_field("role", &self.role)?;
        s.serialize_field("quotes", &self.quotes)?;
        s.serialize_field("quoted_words", &self.words)?;
        s.end()
    }
}

/// The speakers summary, tallied one quotation at a time in order, so that
/// no quotation need be held for it: one entry per speaker, in order of
/// their first quotation, with its quotations and quoted words counted and
/// the mentions its quotations wrote (each distinct (speaker, mention) pair
/// once); the person's own mentions and role are added by
/// [`Tally::finish`].
///
/// A speaker named by a person's canonical name, as most are, is held as
/// that person ([`PERSON`]): the name is read from the registry while
/// quotations are attributed, and copied into the summary's texts only by
/// [`Tally::finish`], once the registry's indexes are dropped. (An article
/// of a new person in every short paragraph held each name twice at its
/// peak, the registry's and the summary's.)
#[derive(Debug, Default)]
pub(super) struct Tally {
    out: Speakers,
    /// The speakers by name: indexes of `out.list`, whose keys are read
    /// back from each entry's name ([`Tally::name`]).
    names: Table,
    /// (speaker, mention text id) the quotations wrote, in order, but for
    /// a speaker's mention written again right after itself ("he said" a
    /// hundred times is one pair); [`Tally::finish`] drops the other
    /// repeats. Eight bytes a pair: a hash set of pairs cost four times
    /// that for an article of many speakers.
    written: Vec<(u32, u32)>,
    /// Each speaker's last written mention, or [`NONE`].
    last: Vec<u32>,
}

/// In an [`Entry`]'s `name` while tallying: the rest is a person of the
/// registry, whose canonical name the speaker's is; without it, a text id.
const PERSON: u32 = 1 << 31;

impl Tally {
    /// The name of speaker `k`.
    fn name<'t>(out: &'t Speakers, reg: &'t Registry, k: u32) -> &'t str {
        let name = out.list[k as usize].name;
        if name & PERSON != 0 {
            reg.name((name & !PERSON) as usize)
        } else {
            out.text(name)
        }
    }

    /// Count quotation `q` (its span in `input`), whose speaker is the
    /// canonical name of `person` of `reg` when one is given.
    pub(super) fn add(&mut self, input: &str, reg: &Registry, q: &Quote, person: Option<usize>) {
        let Some(name) = q.speaker.as_deref() else {
            return;
        };
        let hash = hash_key(name);
        let out = &mut self.out;
        let found = self.names.find(hash, |k| Tally::name(out, reg, k) == name);
        let k = match found {
            Some(k) => k,
            None => {
                let key = match person.filter(|&p| p < PERSON as usize && reg.name(p) == name) {
                    Some(p) => PERSON | small(p),
                    None => out.intern(name),
                };
                let k = small(out.list.len());
                out.list.push(Entry {
                    name: key,
                    role: NONE,
                    mentions_end: 0,
                    quotes: 0,
                    words: 0,
                });
                self.last.push(NONE);
                self.names.insert(hash, k);
                k
            }
        };
        let out = &mut self.out;
        let e = &mut out.list[k as usize];
        e.quotes = e.quotes.saturating_add(1);
        let words = crate::text::word_count(q.span.of(input));
        e.words = e.words.saturating_add(small(words));
        if let Some(m) = q.speaker_mention.as_deref() {
            let m = out.intern(m);
            if self.last[k as usize] != m {
                self.last[k as usize] = m;
                self.written.push((k, m));
            }
        }
    }

    /// The speakers: each with the mention texts of the first person who
    /// bears its name, in the order first written, then the mentions its
    /// quotations wrote that are not among those, and that person's role.
    pub(super) fn finish(self, reg: &Registry) -> Speakers {
        let Tally {
            mut out,
            names,
            mut written,
            last,
        } = self;
        drop(last);
        // Each pair once, where first written: sorted by pair, then (a
        // stable sort) by speaker alone, the first of equal pairs stays
        // first.
        let mut order: Vec<u32> = (0..small(written.len())).collect();
        order.sort_by_key(|&i| (written[i as usize], i));
        order.dedup_by_key(|i| written[*i as usize]);
        order.sort_unstable();
        written = order.iter().map(|&i| written[i as usize]).collect();
        drop(order);
        // The first person with each speaker's canonical name, found in one
        // pass over the people (a search per speaker grew with the square
        // of a long article).
        // (Most people are quoted nowhere: a person whose name is of no
        // speaker's length, modulo 64, is not hashed.)
        let lengths = (0..small(out.list.len())).fold(0u64, |set, k| {
            set | 1 << (Tally::name(&out, reg, k).len() % 64)
        });
        let mut person: Vec<u32> = vec![NONE; out.list.len()];
        for p in 0..reg.people.len() {
            let name = reg.name(p);
            if lengths & 1 << (name.len() % 64) == 0 {
                continue;
            }
            let found = names.find(hash_key(name), |k| Tally::name(&out, reg, k) == name);
            if let Some(k) = found.filter(|&k| person[k as usize] == NONE) {
                person[k as usize] = small(p);
            }
        }
        drop(names);
        // The names held as people become texts.
        for k in 0..out.list.len() {
            let name = out.list[k].name;
            if name & PERSON != 0 {
                out.list[k].name = out.intern(reg.name((name & !PERSON) as usize));
            }
        }
        // The written mentions of each speaker, grouped (a counting sort).
        let mut starts = vec![0u32; out.list.len() + 1];
        for &(k, _) in &written {
            starts[k as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut grouped = vec![0u32; written.len()];
        let mut next = starts.clone();
        for &(k, m) in &written {
            grouped[next[k as usize] as usize] = m;
            next[k as usize] += 1;
        }
        drop((next, written));
        for k in 0..out.list.len() {
            let from = out.mentions.len();
            let p = person[k];
            if p != NONE {
                // (A person's texts are held newest first.)
                let texts: SmallVec<[&str; 4]> = reg.texts(p as usize).collect();
                for &m in texts.iter().rev() {
                    let id = out.intern(m);
                    if !out.mentions[from..].contains(&id) {
                        out.mentions.push(id);
                    }
                }
                if let Some(r) = reg.role(p as usize) {
                    out.list[k].role = out.intern(r);
                }
            }
            for &m in &grouped[starts[k] as usize..starts[k + 1] as usize] {
                if !out.mentions[from..].contains(&m) {
                    out.mentions.push(m);
                }
            }
            out.list[k].mentions_end = small(out.mentions.len());
        }
        out.text.shrink_to_fit();
        out.texts.shrink_to_fit();
        out.mentions.shrink_to_fit();
        out.list.shrink_to_fit();
        out.table = Table::default();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// While quotations are tallied, a speaker named by a person's
    /// canonical name holds no copy of it: the names are read from the
    /// registry, and a speaker found again by the same name (with or without
    /// its person) is the same speaker; the names become texts at the end.
    #[test]
    fn person_names_are_not_copied_while_tallying() {
        let text: String = ["Ilse Varro", "Odile Penn", "Runa Quist"]
            .iter()
            .map(|n| format!("Harbour pilot {n} met the board.\n\n"))
            .collect();
        let spans: Vec<Span> = text
            .split_inclusive("\n\n")
            .scan(0, |at, p| {
                *at += p.len();
                Some(Span::new(*at - p.len(), *at - 2))
            })
            .collect();
        let reg = gather(&text, spans.iter().copied(), |_, _| true, &|_| false);
        assert_eq!(reg.people.len(), 3);
        let quote = |p: usize| Quote {
            text: String::new(),
            paragraph: Some(p),
            span: Span::new(spans[p].start, spans[p].start + 13),
            speaker: Some(reg.canonical(p)),
            speaker_mention: Some("she".to_string()),
            cue: None,
            quotation: p,
            closed: true,
        };
        let mut tally = Tally::default();
        for p in 0..3 {
            tally.add(&text, &reg, &quote(p), Some(p));
        }
        // The second person again, named without the person.
        tally.add(&text, &reg, &quote(1), None);
        assert_eq!(tally.out.len(), 3);
        // Only "she" is held as text.
        assert_eq!(tally.out.text, "she");
        let v = tally.finish(&reg).to_vec();
        let names: Vec<&str> = v.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ilse Varro", "Odile Penn", "Runa Quist"]);
        assert_eq!(v[1].quotes, 2);
        assert_eq!(v[1].mentions, ["Odile Penn", "she"]);
        assert_eq!(v[1].role.as_deref(), Some("Harbour pilot"));
    }

    /// Three people quoted, each by a pronoun, all with one role: every
    /// text is held once, and the compact list writes the same JSON as the
    /// library's records made from it.
    #[test]
    fn texts_shared_by_speakers_are_held_once() {
        let text: String = ["Ilse Varro", "Odile Penn", "Runa Quist"]
            .iter()
            .map(|n| format!("Harbour pilot {n} met the board on Friday. \u{201c}We are ready,\u{201d} she said.\n\n"))
            .collect();
        let a = crate::analyze(&text);
        let paragraphs = Spans::of(text.len(), a.paragraphs.iter().map(|p| p.span));
        let pieces = piece_set(&text, &a.quotes);
        let s = attribute_pieces(
            &text,
            &Lf::default(),
            &paragraphs,
            &[],
            &pieces,
            None,
            &mut |_| {},
        );
        assert_eq!(s.len(), 3);
        let v = s.to_vec();
        assert_eq!(v[1].name, "Odile Penn");
        assert_eq!(v[1].mentions, ["Odile Penn", "she"]);
        assert_eq!(v[1].role.as_deref(), Some("Harbour pilot"));
        assert_eq!((v[1].quotes, v[1].quoted_words), (1, 3));
        // Three names, "she" and the role: five texts.
        assert_eq!(s.texts.len(), 5);
        assert_eq!(
            serde_json::to_string(&s).expect("json"),
            serde_json::to_string(&v).expect("json")
        );
        assert_eq!(v, crate::analyze(&text).speakers);
    }
}
