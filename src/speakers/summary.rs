//! The speakers summary: one entry per quoted person.

use super::*;

/// The speakers summary, tallied one quotation at a time in order, so that
/// no quotation need be held for it: an entry per speaker, in order of
/// their first quotation, with the mentions the quotations wrote; the
/// person's own mentions and role are added by [`Tally::finish`].
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Speaker name → its place in `speakers`.
    index: WordMap<String, usize>,
    speakers: Vec<Speaker>,
}

impl Tally {
    /// Count quotation `q` (its span in `input`).
    pub(super) fn add(&mut self, input: &str, q: &Quote) {
        let Some(name) = q.speaker.as_deref() else {
            return;
        };
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                let i = self.speakers.len();
                self.index.insert(name.to_string(), i);
                self.speakers.push(Speaker {
                    name: name.to_string(),
                    mentions: Vec::new(),
                    role: None,
                    quotes: 0,
                    quoted_words: 0,
                });
                i
            }
        };
        let s = &mut self.speakers[i];
        s.quotes += 1;
        s.quoted_words += crate::text::word_count(q.span.of(input));
        if let Some(m) = &q.speaker_mention {
            if !s.mentions.contains(m) {
                s.mentions.push(m.clone());
            }
        }
    }

    /// The entries, each with the mentions of the first person who bears
    /// its name (found in one pass over the people: a search per speaker
    /// grew with the square of a long article) before those its
    /// quotations wrote, and that person's role.
    pub(super) fn finish(self, people: &[Person]) -> Vec<Speaker> {
        let Tally {
            index,
            mut speakers,
        } = self;
        let mut person: Vec<Option<&Person>> = vec![None; speakers.len()];
        for p in people {
            if let Some(&i) = index.get(p.name.as_str()) {
                person[i].get_or_insert(p);
            }
        }
        drop(index);
        for (s, p) in speakers.iter_mut().zip(person) {
            let Some(p) = p else {
                continue;
            };
            let written = std::mem::take(&mut s.mentions);
            let mut mentions: Vec<String> = Vec::with_capacity(p.mentions.len() + written.len());
            for m in &p.mentions {
                if !mentions.contains(m) {
                    mentions.push(m.clone());
                }
            }
            for m in written {
                if !mentions.contains(&m) {
                    mentions.push(m);
                }
            }
            s.mentions = mentions;
            s.role = p.role.clone();
        }
        speakers.shrink_to_fit();
        speakers
    }
}
