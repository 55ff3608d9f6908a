//! The speakers summary: one entry per quoted person.

use super::*;

/// One entry per speaker, in order of their first quotation. The names are
/// counted first so that every record is made at its exact size: an
/// article of many people, each quoted once, holds one entry each and no
/// spare room grown by doubling. The keys borrow the quotations' names.
pub(super) fn summarise(
    people: &[Person],
    input: &str,
    quotes: &[Quote],
    speakers: &mut Vec<Speaker>,
) {
    // Speaker name → its place in `speakers`, in order of first quotation.
    let mut index: WordMap<&str, usize> = WordMap::default();
    for name in quotes.iter().filter_map(|q| q.speaker.as_deref()) {
        let next = index.len();
        index.entry(name).or_insert(next);
    }
    // The first person with each speaker's canonical name, found in one
    // pass over the people (a search per speaker grew with the square of
    // a long article).
    let mut person: Vec<Option<&Person>> = vec![None; index.len()];
    for p in people {
        if let Some(&i) = index.get(p.name.as_str()) {
            person[i].get_or_insert(p);
        }
    }
    speakers.reserve_exact(index.len());
    let first = speakers.len();
    for q in quotes {
        let Some(name) = q.speaker.as_deref() else {
            continue;
        };
        let i = index[name];
        if first + i == speakers.len() {
            let p = person[i];
            let mut mentions: Vec<String> = Vec::with_capacity(p.map_or(0, |p| p.mentions.len()));
            for m in p.iter().flat_map(|p| &p.mentions) {
                if !mentions.contains(m) {
                    mentions.push(m.clone());
                }
            }
            speakers.push(Speaker {
                name: name.to_string(),
                mentions,
                role: p.and_then(|p| p.role.clone()),
                quotes: 0,
                quoted_words: 0,
            });
        }
        let s = &mut speakers[first + i];
        s.quotes += 1;
        s.quoted_words += crate::text::word_count(q.span.of(input));
        if let Some(m) = &q.speaker_mention {
            if !s.mentions.contains(m) {
                s.mentions.push(m.clone());
            }
        }
    }
}
