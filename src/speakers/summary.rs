//! The speakers summary: one entry per quoted person.

use super::*;

/// One entry per speaker, in order of their first quotation. The names are
/// counted first so that every record is made at its exact size: an
/// article of many people, each quoted once, holds one entry each and no
/// spare room grown by doubling. The keys borrow the quotations' names.
pub(super) fn summarise(
    reg: &Registry,
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
    let mut person: Vec<Option<usize>> = vec![None; index.len()];
    for p in 0..reg.people.len() {
        if let Some(&i) = index.get(reg.name(p)) {
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
            // (A person's texts are held newest first.)
            let texts: SmallVec<[&str; 4]> = p.into_iter().flat_map(|p| reg.texts(p)).collect();
            let mut mentions: Vec<String> = Vec::with_capacity(texts.len());
            for &m in texts.iter().rev() {
                if !mentions.iter().any(|x| x == m) {
                    mentions.push(m.to_string());
                }
            }
            speakers.push(Speaker {
                name: name.to_string(),
                mentions,
                role: p.and_then(|p| reg.role(p)).map(str::to_string),
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
