//! The speakers summary: one entry per quoted person.

use super::*;

pub(super) fn summarise(
    people: &[Person],
    input: &str,
    quotes: &[Quote],
    speakers: &mut Vec<Speaker>,
) {
    let mut index: WordMap<&str, usize> = WordMap::default();
    // Canonical name → the first person who has it, built once: a search
    // of the people for each new speaker grew with the square of a long
    // article.
    let mut by_name: WordMap<&str, &Person> = WordMap::default();
    for p in people {
        by_name.entry(p.name.as_str()).or_insert(p);
    }
    // The speakers counted first, to hold the list at its size (grown by
    // doubling, a list of many speakers held up to twice their records).
    for q in quotes {
        if let Some(name) = &q.speaker {
            let n = index.len();
            index.entry(name.as_str()).or_insert(n);
        }
    }
    speakers.reserve_exact(index.len());
    index.clear();
    for q in quotes {
        let Some(name) = &q.speaker else { continue };
        let i = if let Some(&i) = index.get(name.as_str()) {
            i
        } else {
            let person = by_name.get(name.as_str()).copied();
            let mut mentions: Vec<String> =
                Vec::with_capacity(person.map_or(0, |p| p.mentions.len()));
            if let Some(p) = person {
                for m in &p.mentions {
                    if !mentions.contains(m) {
                        mentions.push(m.clone());
                    }
                }
            }
            speakers.push(Speaker {
                name: name.clone(),
                mentions,
                role: person.and_then(|p| p.role.clone()),
                quotes: 0,
                quoted_words: 0,
            });
            index.insert(name, speakers.len() - 1);
            speakers.len() - 1
        };
        let s = &mut speakers[i];
        s.quotes += 1;
        s.quoted_words += crate::text::word_count(q.span.of(input));
        if let Some(m) = &q.speaker_mention {
            if !s.mentions.contains(m) {
                s.mentions.push(m.clone());
            }
        }
    }
}
