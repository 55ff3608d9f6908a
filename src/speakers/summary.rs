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
        let (text, texts) = (&self.text, &self.texts);
        self.table.insert(hash, id, |x| {
            let (at, len) = texts[x as usize];
            hash_key(text.get(at as usize..(at + len) as usize).unwrap_or(""))
        });
        id
    }

    /// The speakers, one by one: name, mentions, role, quotes, words.
    fn each(&self) -> impl Iterator<Item = (&str, Vec<&str>, Option<&str>, usize, usize)> + '_ {
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

/// One entry per speaker, in order of their first quotation: the name,
/// the person's mention texts in the order first written, then the
/// quotations' mentions of them not among those, the person's role, and
/// how many quotations and quoted words.
pub(super) fn summarise(reg: &Registry, input: &str, quotes: &[Quote]) -> Speakers {
    let mut out = Speakers::default();
    // Each quotation's speaker (an index of `out.list`, or NONE), the
    // speakers made in order of first quotation. A speaker's name is a
    // text id; `of_name[text id]` is its speaker.
    let mut of_name: Vec<u32> = Vec::new();
    let mut speaker_of: Vec<u32> = Vec::with_capacity(quotes.len());
    for q in quotes {
        let Some(name) = q.speaker.as_deref() else {
            speaker_of.push(NONE);
            continue;
        };
        let id = out.intern(name) as usize;
        if of_name.len() <= id {
            of_name.resize(id + 1, NONE);
        }
        if of_name[id] == NONE {
            of_name[id] = small(out.list.len());
            out.list.push(Entry {
                name: small(id),
                role: NONE,
                mentions_end: 0,
                quotes: 0,
                words: 0,
            });
        }
        let e = &mut out.list[of_name[id] as usize];
        e.quotes = e.quotes.saturating_add(1);
        let words = crate::text::word_count(q.span.of(input));
        e.words = e.words.saturating_add(small(words));
        speaker_of.push(of_name[id]);
    }
    // The first person with each speaker's canonical name, found in one
    // pass over the people (a search per speaker grew with the square of
    // a long article).
    let mut person: Vec<u32> = vec![NONE; out.list.len()];
    for p in 0..reg.people.len() {
        let hash = hash_key(reg.name(p));
        let (text, texts) = (&out.text, &out.texts);
        let found = out.table.find(hash, |id| {
            let (at, len) = texts[id as usize];
            text.get(at as usize..(at + len) as usize) == Some(reg.name(p))
        });
        let Some(&k) = found.and_then(|id| of_name.get(id as usize)) else {
            continue;
        };
        if k != NONE && person[k as usize] == NONE {
            person[k as usize] = small(p);
        }
    }
    drop(of_name);
    // The quotations of each speaker, grouped (a counting sort).
    let mut starts = vec![0u32; out.list.len() + 1];
    for &k in speaker_of.iter().filter(|&&k| k != NONE) {
        starts[k as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut grouped = vec![0u32; starts[starts.len() - 1] as usize];
    let mut next = starts.clone();
    for (i, &k) in (0..).zip(&speaker_of) {
        if k != NONE {
            grouped[next[k as usize] as usize] = i;
            next[k as usize] += 1;
        }
    }
    drop((next, speaker_of));
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
        for &qi in &grouped[starts[k] as usize..starts[k + 1] as usize] {
            if let Some(m) = quotes[qi as usize].speaker_mention.as_deref() {
                let id = out.intern(m);
                if !out.mentions[from..].contains(&id) {
                    out.mentions.push(id);
                }
            }
        }
        out.list[k].mentions_end = small(out.mentions.len());
    }
    out.text.shrink_to_fit();
    out.texts.shrink_to_fit();
    out.mentions.shrink_to_fit();
    out.table = Table::default();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three people quoted, each by a pronoun, all with one role: every
    /// text is held once, and the compact list writes the same JSON as the
    /// library's records made from it.
    #[test]
    fn texts_shared_by_speakers_are_held_once() {
        let text: String = ["Ilse Varro", "Odile Penn", "Runa Quist"]
            .iter()
            .map(|n| format!("Harbour pilot {n} met the board on Friday. \u{201c}We are ready,\u{201d} she said.\n\n"))
            .collect();
        let mut a = crate::analyze(&text);
        let paragraphs = std::mem::take(&mut a.paragraphs);
        let s = attribute_compact(&text, &paragraphs, &[], &mut a.quotes, None);
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
