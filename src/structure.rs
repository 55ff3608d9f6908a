//! Blocks → roles: headline, standfirst, byline, subheading, paragraph or
//! boilerplate of some kind. Every decision records the rule that made it.
//!
//! The article is found first: "core" blocks are prose — ten words or more
//! that end like a sentence (or carry a quotation) and no boilerplate cue.
//! The span from the first to the last core block is the body; what stands
//! before it is the head (headline, standfirst, byline, date, captions,
//! navigation) and what stands after it the tail (links, bios, comments).
//! Each region has its own rules for the blocks that are not core, decided
//! from shape (length, end punctuation), cues and neighbours.

use memchr::memchr3_iter;

use crate::boilerplate::{self, Cue};
use crate::byline;
use crate::date;
use crate::model::BoilerplateKind;
use crate::region;
use crate::segment::Blocks;
use crate::text;
use crate::text::{last_significant, title_case_ratio, word_counts};

/// The role of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The title.
    Headline,
    /// The summary under the title.
    Standfirst,
    /// Who wrote it (possibly one of several consecutive byline blocks).
    Byline,
    /// A heading inside the body.
    Subheading,
    /// Body prose.
    Paragraph,
    /// Clutter.
    Boilerplate(BoilerplateKind),
}

impl Role {
    /// A short lowercase name for `--explain`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Standfirst => "standfirst",
            Role::Byline => "byline",
            Role::Subheading => "subheading",
            Role::Paragraph => "paragraph",
            Role::Boilerplate(k) => k.as_str(),
        }
    }
}

/// Role codes, one byte a block (0: not decided yet).
const HEADLINE: u8 = 1;
const STANDFIRST: u8 = 2;
const BYLINE: u8 = 3;
const SUBHEADING: u8 = 4;
const PARAGRAPH: u8 = 5;
/// A paragraph that is an item of a list (the next item may follow it).
const LIST_ITEM: u8 = 6;
/// The codes of [`Role::Paragraph`], and of the headings (headline,
/// standfirst, subheading), as [`Decisions::codes`] holds them.
pub(crate) const PARAGRAPH_CODES: [u8; 2] = [PARAGRAPH, LIST_ITEM];
pub(crate) const HEADING_CODES: [u8; 3] = [HEADLINE, STANDFIRST, SUBHEADING];
/// Boilerplate of kind `k` is `BOILERPLATE + k`'s index in [`KINDS`].
const BOILERPLATE: u8 = 16;
const KINDS: [BoilerplateKind; 9] = [
    BoilerplateKind::Caption,
    BoilerplateKind::ReadMore,
    BoilerplateKind::Media,
    BoilerplateKind::Promo,
    BoilerplateKind::Advert,
    BoilerplateKind::Credit,
    BoilerplateKind::Legal,
    BoilerplateKind::Meta,
    BoilerplateKind::Other,
];

fn code(role: Role, rule: &str) -> u8 {
    match role {
        Role::Headline => HEADLINE,
        Role::Standfirst => STANDFIRST,
        Role::Byline => BYLINE,
        Role::Subheading => SUBHEADING,
        Role::Paragraph if rule == "list-item" => LIST_ITEM,
        Role::Paragraph => PARAGRAPH,
        Role::Boilerplate(kind) => {
            let k = KINDS
                .iter()
                .position(|&x| x == kind)
                .unwrap_or(KINDS.len() - 1);
            BOILERPLATE + k as u8
        }
    }
}

/// The role of a code: read from [`ROLES`], a table of every byte's
/// ([`role_of_code`]), since the lists of the output read a role a block.
fn role_of(code: u8) -> Role {
    ROLES[usize::from(code)]
}

/// [`role_of_code`] of every byte.
static ROLES: [Role; 256] = {
    let mut t = [Role::Paragraph; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = role_of_code(c as u8);
        c += 1;
    }
    t
};

const fn role_of_code(code: u8) -> Role {
    match code {
        HEADLINE => Role::Headline,
        STANDFIRST => Role::Standfirst,
        BYLINE => Role::Byline,
        SUBHEADING => Role::Subheading,
        PARAGRAPH | LIST_ITEM => Role::Paragraph,
        c => {
            let k = c.saturating_sub(BOILERPLATE) as usize;
            Role::Boilerplate(KINDS[if k < KINDS.len() { k } else { KINDS.len() - 1 }])
        }
    }
}

/// What was decided about the blocks: a byte a block for the role, the
/// few captions' credits beside, and the rules only when asked for
/// (`--explain`).
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    roles: Vec<u8>,
    /// The rule of each block, or none at all.
    rules: Vec<&'static str>,
    /// (block, credit), in block order.
    credits: Vec<(usize, Box<str>)>,
}

impl Decisions {
    fn new(n: usize, explain: bool) -> Decisions {
        Decisions {
            roles: vec![0; n],
            rules: if explain { vec![""; n] } else { Vec::new() },
            credits: Vec::new(),
        }
    }

    /// How many blocks.
    pub fn len(&self) -> usize {
        self.roles.len()
    }

    /// No blocks.
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
    }

    /// The role of block `i`.
    pub fn role(&self, i: usize) -> Role {
        role_of(self.roles[i])
    }

    /// The roles in block order.
    pub fn roles(&self) -> impl Iterator<Item = Role> + '_ {
        self.roles.iter().map(|&c| role_of(c))
    }

    /// Each block's role code, for the lists that search them: once
    /// [`assign`] is done, each is a role's alone ([`PARAGRAPH_CODES`],
    /// [`HEADING_CODES`]).
    #[inline]
    pub(crate) fn codes(&self) -> &[u8] {
        &self.roles
    }

    /// The rule that decided block `i` (empty unless [`assign`] was asked
    /// to explain).
    pub fn rule(&self, i: usize) -> &'static str {
        self.rules.get(i).copied().unwrap_or("")
    }

    /// The credits of captions: (block, credit) in block order.
    pub fn credits(&self) -> &[(usize, Box<str>)] {
        &self.credits
    }

    fn decided(&self, i: usize) -> bool {
        self.roles[i] & ROLE != 0
    }

    /// `Some(role)` once block `i` is decided.
    fn get(&self, i: usize) -> Option<Role> {
        self.decided(i).then(|| role_of(self.roles[i] & ROLE))
    }

    fn core(&self, i: usize) -> bool {
        self.roles[i] & CORE != 0
    }

    fn captioned(&self, i: usize) -> bool {
        self.roles[i] & CAPTIONED != 0
    }

    fn set(&mut self, i: usize, role: Role, rule: &'static str) {
        self.roles[i] = (self.roles[i] & !ROLE) | code(role, rule);
        if let Some(r) = self.rules.get_mut(i) {
            *r = rule;
        }
    }

    fn set_cue(&mut self, i: usize, cue: Cue) {
        self.set(i, Role::Boilerplate(cue.kind), cue.rule);
        if let Some(credit) = cue.credit {
            self.credits.push((i, credit));
        }
    }
}

/// Fact bits: the block ends like a sentence.
const SENTENCE_END: u8 = 1;
/// A boilerplate cue matches (the cue itself is found again when the
/// block's role is decided).
const CUE: u8 = 2;
/// It has double quotation marks. This bit and [`OPEN_QUOTE`] are read
/// only where a rule asks ([`reads_quotes`]), and are left clear elsewhere.
const QUOTED: u8 = 4;
/// Its quotation marks do not pair up: a quotation runs on past it.
const OPEN_QUOTE: u8 = 8;
const DATE_LINE: u8 = 16;
/// Another block has the same text.
const REPEATED: u8 = 32;
/// Title Case and no full stop at the end: a headline, even when long.
const TITLE_LIKE: u8 = 64;
/// The whole block stands in square brackets: a converter's picture or
/// link label (`[A view of the bay at dusk.]`), not prose.
const BRACKETED: u8 = 128;

/// Bits of a role byte that hold a role code; the others carry three
/// derived facts while roles are decided:
const ROLE: u8 = 0x1f;
/// The next block is a bare picture credit.
const BEFORE_CREDIT: u8 = 0x20;
/// A short block just before a bare picture credit: the picture's caption.
const CAPTIONED: u8 = 0x40;
/// Prose that no rule takes out: the body is built around these.
const CORE: u8 = 0x80;

/// Per-block facts the rules read: two bytes a block (a text of millions
/// of one-word lines has millions of blocks), and two bits of its role
/// byte ([`CAPTIONED`], [`CORE`]).
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    /// Words, up to 255 (the rules compare with 40 at most; the few that
    /// need more count again, [`exact_words`]).
    words: u8,
    bits: u8,
}

impl Facts {
    fn words(self) -> u32 {
        u32::from(self.words)
    }
    fn has(self, bit: u8) -> bool {
        self.bits & bit != 0
    }
    fn cue(self) -> bool {
        self.has(CUE)
    }
    fn sentence_end(self) -> bool {
        self.has(SENTENCE_END)
    }
    fn date_line(self) -> bool {
        self.has(DATE_LINE)
    }
    fn repeated(self) -> bool {
        self.has(REPEATED)
    }
    fn bracketed(self) -> bool {
        self.has(BRACKETED)
    }
}

/// A block's words as the rules count them.
fn count_words(t: &str) -> usize {
    let (words, unspaced) = word_counts(t);
    words + unspaced
}

/// The exact word count of block `i` (its facts keep 255 at most):
/// inlined where the scores of the main region read it for every block,
/// and counted again, out of line, for the few blocks of 255 words or more.
#[inline]
fn exact_words(blocks: &Blocks<'_>, f: &[Facts], i: usize) -> usize {
    if f[i].words < u8::MAX {
        return usize::from(f[i].words);
    }
    count_words_of(blocks, i)
}

/// [`count_words`] of block `i`'s text.
#[inline(never)]
fn count_words_of(blocks: &Blocks<'_>, i: usize) -> usize {
    let mut scratch = String::new();
    count_words(blocks.text(i, &mut scratch))
}

/// A hash of a block's text, for finding repeated texts (equal hashes are
/// then compared by their texts).
fn text_hash(t: &str) -> u64 {
    let mut h: u64 = t.len() as u64;
    let mut chunks = t.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h ^ (h >> 29)
}

/// A set of text hashes: one bit for each of four buckets a block.
struct HashBits {
    words: Vec<u64>,
}

impl HashBits {
    fn new(blocks: usize) -> HashBits {
        HashBits {
            words: vec![0; blocks.max(16) / 16],
        }
    }

    /// The hash's bucket: its high bits, scaled to the set's size.
    fn bucket(&self, hash: u64) -> (usize, u64) {
        let b = ((u128::from(hash) * (self.words.len() as u128 * 64)) >> 64) as usize;
        (b / 64, 1 << (b % 64))
    }

    fn has(&self, hash: u64) -> bool {
        let (w, bit) = self.bucket(hash);
        self.words[w] & bit != 0
    }

    /// Add the hash; true when its bucket had it already.
    fn add(&mut self, hash: u64) -> bool {
        let (w, bit) = self.bucket(hash);
        let had = self.words[w] & bit != 0;
        self.words[w] |= bit;
        had
    }
}

/// The hasher of the map keyed by [`text_hash`]: the key is a hash
/// already, so one folded multiply (the 128-bit product's halves xor-ed)
/// with a key drawn per map spreads its bits over the table, where SipHash
/// cost about 140 instructions a block. The product's high half depends on
/// every bit of the key, and the key is random, so no text chosen ahead
/// can crowd one bucket.
#[derive(Clone, Copy)]
struct Folded(u64);

impl Folded {
    fn new() -> Folded {
        use std::hash::BuildHasher;
        Folded(std::collections::hash_map::RandomState::new().hash_one(0u64) | 1)
    }
}

impl std::hash::BuildHasher for Folded {
    type Hasher = FoldedHasher;
    fn build_hasher(&self) -> FoldedHasher {
        FoldedHasher { key: self.0, h: 0 }
    }
}

/// The hasher of [`Folded`]: takes one `u64`.
struct FoldedHasher {
    key: u64,
    h: u64,
}

impl std::hash::Hasher for FoldedHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed; any other bytes are still taken in.
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        let m = u128::from((x ^ self.h) ^ self.key) * 0x9e37_79b9_7f4a_7c15;
        self.h = (m as u64) ^ ((m >> 64) as u64);
    }
    fn finish(&self) -> u64 {
        self.h
    }
}

/// The texts that may repeat: those whose buckets more than one block
/// reached in two sets of [`HashBits`], each bucketed by other bits of
/// the hash. A text no other block has falls in a bucket of its own in
/// one set or the other 95 times in 100 when every text differs, and is
/// then known not to repeat without being kept (half a byte a block).
/// The sets cost a pass of folding, so without them every block may
/// repeat when keeping a first block for each text costs little: in a
/// text of 4,096 blocks or fewer (real articles and pages: a few hundred
/// kilobytes at most), or of blocks of 32 bytes or more on average (16
/// bytes a text, and the map's room to grow, is under 2x their size).
struct MayRepeat(Option<[HashBits; 2]>);

/// The other bits of a hash, for the second set.
fn remix(h: u64) -> u64 {
    h.rotate_left(32).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl MayRepeat {
    fn new(blocks: &Blocks<'_>) -> MayRepeat {
        let n = blocks.len();
        if n <= 4096 || n.saturating_mul(32) <= blocks.input().len() {
            return MayRepeat(None);
        }
        let mut seen = [HashBits::new(n), HashBits::new(n)];
        let mut twice = [HashBits::new(n), HashBits::new(n)];
        let mut scratch = String::new();
        for i in 0..n {
            let h = text_hash(blocks.text(i, &mut scratch));
            for (k, h) in [h, remix(h)].into_iter().enumerate() {
                if seen[k].add(h) {
                    twice[k].add(h);
                }
            }
        }
        MayRepeat(Some(twice))
    }

    fn has(&self, h: u64) -> bool {
        self.0
            .as_ref()
            .is_none_or(|sets| sets[0].has(h) && sets[1].has(remix(h)))
    }
}

/// The first block of each pre-key of a text ([`PreKeys::key`]: its
/// length and its first and last eight bytes), in a table of at least
/// twice as many slots as blocks, where the map keyed by the whole text's
/// hash ([`text_hash`]) cost some 60 instructions a block, and the hash a
/// pass over every text. A block whose pre-key is new has a text no block
/// before it has. One whose pre-key was seen compares its text with that
/// first block's: equal, it repeats it; else ("Read more about the
/// harbour" after "Read more about the ferries", one length) it is looked
/// up by its whole text's hash, so no text is compared with more than one
/// block here.
///
/// The table is the thread's, kept from one text to the next
/// ([`PRE_SLOTS`]): each text stamps the slots it fills, and a slot with
/// another stamp is empty, so no text clears it (zeroing a fresh table
/// cost more than the map had).
struct PreKeys {
    slots: PreSlots,
    /// The key drawn for this text (as [`Folded`]'s): the slot of a
    /// pre-key is the high bits of their folded product, so no texts
    /// chosen ahead can crowd one run of slots.
    key: u64,
    /// 64 less the size in bits of the part of the table this text uses.
    shift: u32,
}

/// The slots of [`PreKeys`] and the last stamp given.
#[derive(Default)]
struct PreSlots {
    /// Per slot: the stamp of the text that filled it, its first block,
    /// and its pre-key.
    slots: Vec<(u32, u32, u64)>,
    stamp: u32,
}

thread_local! {
    /// The thread's [`PreKeys`] table: at most 2 * [`PreKeys::MOST`]
    /// slots (128 KiB).
    static PRE_SLOTS: std::cell::RefCell<PreSlots> = std::cell::RefCell::default();
}

impl PreKeys {
    /// The most blocks a text may have to be read by pre-keys.
    const MOST: usize = 4096;

    fn new(blocks: usize, key: u64) -> PreKeys {
        let size = (2 * blocks).next_power_of_two().max(16);
        // The thread's table, taken for this text (one that is in use, which
        // never happens, leaves an empty one in its place).
        let mut slots = PRE_SLOTS
            .try_with(|p| p.try_borrow_mut().map(|mut p| std::mem::take(&mut *p)))
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        if slots.slots.len() < size {
            slots.slots.resize(size, (0, 0, 0));
        }
        slots.stamp = slots.stamp.wrapping_add(1);
        if slots.stamp == 0 {
            // Every stamp has been given: the table is cleared once.
            slots.slots.fill((0, 0, 0));
            slots.stamp = 1;
        }
        PreKeys {
            slots,
            key,
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// The pre-key of `t`: equal texts have equal pre-keys.
    fn key(t: &str) -> u64 {
        let b = t.as_bytes();
        let (head, tail) = match b.len() {
            0..8 => {
                let mut w = [0; 8];
                w[..b.len()].copy_from_slice(b);
                (u64::from_le_bytes(w), 0)
            }
            n => {
                let word =
                    |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or([0; 8]));
                (word(0), word(n - 8))
            }
        };
        let m = u128::from(head ^ 0x243f_6a88_85a3_08d3)
            * u128::from(tail ^ (b.len() as u64) ^ 0x1319_8a2e_0370_7344);
        (m as u64) ^ ((m >> 64) as u64)
    }

    /// The first block before block `i` with the pre-key of `t`, whose
    /// text may be `t`; `None` when the pre-key is new, and block `i` is
    /// kept as its first.
    fn first(&mut self, t: &str, i: usize) -> Option<usize> {
        let k = Self::key(t);
        let m = u128::from(k ^ self.key) * 0x9e37_79b9_7f4a_7c15;
        let mask = (1 << (64 - self.shift)) - 1;
        let mut at = (((m as u64) ^ ((m >> 64) as u64)) >> self.shift) as usize;
        let stamp = self.slots.stamp;
        loop {
            let (s, first, key) = self.slots.slots[at];
            if s != stamp {
                // Fewer blocks than [`PreKeys::MOST`]: `i` fits a u32.
                self.slots.slots[at] = (stamp, i as u32, k);
                return None;
            }
            if key == k {
                return Some(first as usize);
            }
            at = (at + 1) & mask;
        }
    }
}

impl Drop for PreKeys {
    /// The table goes back to the thread for the next text.
    fn drop(&mut self) {
        let slots = std::mem::take(&mut self.slots);
        let _ = PRE_SLOTS.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                *p = slots;
            }
        });
    }
}

/// What the facts found of the byline search ([`find_byline`]) in the
/// blocks before the third prose block, which all stand before the third
/// core block (core blocks are prose), where the search ends: each text
/// is read there once, for both. (Some 25,000 blocks of a run of
/// articles are asked; each was fetched again for the search.)
#[derive(Debug, Default)]
struct EarlyByline {
    /// The blocks `0..upto` were searched.
    upto: usize,
    /// The first explicit byline among them, and what it says.
    explicit: Option<(usize, byline::Parsed)>,
    /// The first that may be a bare name line, before the explicit one.
    maybe_bare: Option<usize>,
}

/// The facts of every block; `out`'s role bytes get [`CAPTIONED`].
fn facts(blocks: &Blocks<'_>, out: &mut Decisions) -> (Vec<Facts>, EarlyByline) {
    use std::collections::HashMap;
    let n = blocks.len();
    let may_repeat = MayRepeat::new(blocks);
    let mut f = vec![Facts::default(); n];
    // Blocks whose text another block repeats: of the texts that may
    // repeat, the first block of each is kept by the hash of its text (a
    // text of a million equal lines keeps one); a block whose hash was
    // seen compares its text with that first one. Texts that differ under
    // an equal hash are kept by their text.
    // Room for every block of an article or page from the start (a map
    // grown by doubling hashes each key again at each step), and no more
    // than 4,096 blocks' room ahead of need for a text of many.
    let folded = Folded::new();
    // A text of 4,096 blocks or fewer (every real article) finds the first
    // block of a text by [`PreKeys`] first, and only a block whose pre-key
    // another text took goes on to the map keyed by the whole text's hash.
    let mut pre = (n <= PreKeys::MOST).then(|| PreKeys::new(n, folded.0));
    let mut firsts: HashMap<u64, u32, Folded> = HashMap::with_capacity_and_hasher(
        if may_repeat.0.is_none() && pre.is_none() {
            n.min(4096)
        } else {
            0
        },
        folded,
    );
    let mut collided: HashMap<String, usize> = HashMap::new();
    let (mut scratch, mut other) = (String::new(), String::new());
    let (mut prev_bare, mut f_prev, mut prev_quotes) = (false, Facts::default(), false);
    let mut early = EarlyByline::default();
    // The byline is searched for here until the third prose block, or
    // an explicit byline.
    let (mut searching, mut prose_seen) = (!tests::late_bylines(), 0);
    // The memo place of block `i`, found (and its slot fetched) a block
    // ahead.
    let mut next_place: Option<boilerplate::MemoPlace> = None;
    for i in 0..n {
        let t = blocks.text(i, &mut scratch);
        // Every count the facts need from the words, in one pass.
        let last = last_significant(t);
        let words = blocks.words(i).unwrap_or_else(|| count_words(t));
        // A teaser's summary cut short ("…was the plan...") does not
        // end a sentence.
        let sentence_end = text::sentence_end(last) && !truncated(t);
        let place = next_place
            .take()
            .unwrap_or_else(|| boilerplate::MemoPlace::of(t, words));
        // The next block's memo slot is fetched while this one is read (a
        // block that needs a scratch for its text is not: there are few).
        if i + 1 < n {
            if let (Some(next), Some(w)) = (blocks.text_in_place(i + 1), blocks.words(i + 1)) {
                let p = boilerplate::MemoPlace::of(next, w);
                p.prefetch();
                next_place = Some(p);
            }
        }
        let (cue, bare) = boilerplate::cued_and_bare_credit_at(t, words, place);
        // The quotation marks only where a rule reads them: most prose
        // ends a sentence, and is not walked for them.
        let quotes_read = reads_quotes(sentence_end, cue, words) || tests::eager_quotes();
        let (quotes, open_quote) = if quotes_read {
            quote_marks(t)
        } else {
            (0, false)
        };
        let mut bits = [
            (sentence_end, SENTENCE_END),
            (cue, CUE),
            (quotes > 0, QUOTED),
            (open_quote, OPEN_QUOTE),
            // No rule reads the date line of a cued block, so it is not
            // looked for: prose, lead sentences, Title Case and the
            // headline's tests turn a cued block down first, and the
            // head's and body's roles take its cue first (a block of 12
            // words or fewer finds the same cue again there).
            (
                words <= 12
                    && (!cue || tests::eager_dates())
                    // Every date has a year of four digits: most short
                    // blocks have none, and are passed with no call (the
                    // run is looked for inline).
                    && date::is_date_line(t),
                DATE_LINE,
            ),
            (t.starts_with('[') && t.ends_with(']'), BRACKETED),
        ]
        .iter()
        .fold(0, |acc, &(on, bit)| if on { acc | bit } else { acc });
        // Title Case: read only where no full stop ends the block, and
        // only where a rule asks ([`needs_title`]), so a walk over the
        // words is spent on those blocks alone.
        if last != Some('.')
            && needs_title(bits, words)
            && (!lead_in_reads_title(bits, words) || tests::eager_titles())
            && text::title_like(t, words)
        {
            bits |= TITLE_LIKE;
        }
        if searching {
            // Repeats are not known yet, and prose does not read them.
            prose_seen += usize::from(Facts { words: 0, bits }.prose_of(words));
            if prose_seen >= 3 {
                searching = false;
            } else {
                early.upto = i + 1;
                if !cue {
                    if let Some(parsed) = byline::parse(t) {
                        early.explicit = Some((i, parsed));
                        searching = false;
                    } else if early.maybe_bare.is_none() && byline::may_be_bare_byline(t) {
                        early.maybe_bare = Some(i);
                    }
                }
            }
        }
        // A short block just before a bare picture credit is the
        // picture's caption.
        if i > 0 && bare {
            out.roles[i - 1] |= BEFORE_CREDIT;
        }
        if i > 0 && bare && !prev_bare {
            let p = f_prev;
            // The marks of a block before a credit whose facts did not
            // read them ("The mayor at the pier." over "Photo: Ana Ruiz")
            // are counted now.
            if !p.cue()
                && p.words() < 40
                && !(if prev_quotes {
                    p.has(QUOTED)
                } else {
                    quote_marks(blocks.text(i - 1, &mut other)).0 > 0
                })
            {
                out.roles[i - 1] |= CAPTIONED;
            }
        }
        prev_bare = bare;
        prev_quotes = quotes_read;
        // The first block with the same text, if one came before: it is
        // marked repeated now (its facts are written), and so is this one.
        let first = match pre.as_mut().map(|pre| pre.first(t, i)) {
            Some(None) => None,
            Some(Some(first)) if blocks.text(first, &mut other) == t => Some(first),
            _ => {
                let hash = text_hash(t);
                (may_repeat.has(hash))
                    .then(|| by_hash(blocks, (i, t, hash), &mut firsts, &mut collided))
                    .flatten()
            }
        };
        if let Some(first) = first {
            f[first].bits |= REPEATED;
        }
        f[i] = Facts {
            words: u8::try_from(words).unwrap_or(u8::MAX),
            bits: bits | if first.is_some() { REPEATED } else { 0 },
        };
        f_prev = f[i];
    }
    (f, early)
}

/// The first block before block `i`, whose text is `t` and its hash
/// `hash`, with the same text; else block `i` is kept as its text's first.
/// The first block of a hash is kept as a u32 (a text has fewer blocks
/// than that under 8 GiB); past it, and for a text whose hash another text
/// took, repeats are found by the text itself.
fn by_hash(
    blocks: &Blocks<'_>,
    (i, t, hash): (usize, &str, u64),
    firsts: &mut std::collections::HashMap<u64, u32, Folded>,
    collided: &mut std::collections::HashMap<String, usize>,
) -> Option<usize> {
    use std::collections::hash_map::Entry;
    let first = u32::try_from(i)
        .ok()
        .and_then(|idx| match firsts.entry(hash) {
            Entry::Vacant(v) => {
                v.insert(idx);
                Some(None)
            }
            Entry::Occupied(o) => {
                let first = *o.get() as usize;
                (blocks.text(first, &mut String::new()) == t).then_some(Some(first))
            }
        });
    first.unwrap_or_else(|| match collided.get(t) {
        Some(&first) => Some(first),
        None => {
            collided.insert(t.to_string(), i);
            None
        }
    })
}

/// Count double quotation marks; `open` when they do not pair up (a
/// quotation runs on past the block).
fn quote_marks(t: &str) -> (usize, bool) {
    let (mut straight, mut open, mut close) = (0, 0, 0);
    // Only `"` and the lead bytes of the curly and angle marks can start
    // one: memchr jumps to them, and the bytes after a lead byte tell the
    // mark without decoding it (an apostrophe, U+2019, is E2 80 99).
    let b = t.as_bytes();
    for at in memchr3_iter(b'"', 0xC2, 0xE2, b) {
        let next = |k: usize| b.get(at + k).copied().unwrap_or(0);
        match (b[at], next(1)) {
            (b'"', _) => straight += 1,
            (0xC2, 0xAB) => open += 1,  // «
            (0xC2, 0xBB) => close += 1, // »
            (0xE2, 0x80) => match next(2) {
                0x9C | 0x9E => open += 1, // “ „
                0x9D => close += 1,       // ”
                _ => {}
            },
            _ => {}
        }
    }
    let total = straight + open + close;
    (total, total % 2 == 1 || open > close + straight)
}

/// Does a rule read [`QUOTED`] and [`OPEN_QUOTE`] of a block whose facts
/// are these? [`Facts::prose`] reads them of a block of 10 words or more
/// that ends no sentence, where no cue has turned it down first.
/// ([`needs_title`] reads [`OPEN_QUOTE`] of shorter blocks too, but
/// [`TITLE_LIKE`] is read of none of fewer than 10 words that ends no
/// sentence: there the bit found or not changes nothing.) The two readers
/// of other blocks count the marks themselves: the caption over a credit
/// ([`facts`]), and [`body_fragment`].
fn reads_quotes(sentence_end: bool, cue: bool, words: usize) -> bool {
    !sentence_end && !cue && words >= 10
}

/// Does a rule read [`TITLE_LIKE`] of a block with these bits and words?
/// [`Facts::prose`] reads it of a block of 10 words or more that ends a
/// sentence, runs a quotation on, or has 16 words and a quotation; the
/// lead-in's sentences ([`lead_in`]) of one of 4 words or more that ends
/// a sentence or has 12; both only where no cue, date line or brackets
/// have turned the block down first. Elsewhere the bit is left clear.
fn needs_title(bits: u8, words: usize) -> bool {
    bits & (CUE | DATE_LINE | BRACKETED) == 0
        && words >= 4
        && (bits & (SENTENCE_END | OPEN_QUOTE) != 0 || words >= 12)
}

/// Is [`TITLE_LIKE`] of a block that [`needs_title`] left to be read
/// only by the lead-in ([`lead_in`])? A long line that ends no sentence
/// and runs no quotation on ("Harbour Ferry Timetable Winter Season Piers
/// And Fares For Every Day Of The Week") is never prose, whatever its case:
/// its Title Case is read only where the lead-in reaches it, which is
/// seldom (a third of the walks over the words were spent on such lines,
/// a menu's or a footer's, that nothing asked about).
fn lead_in_reads_title(bits: u8, words: usize) -> bool {
    needs_title(bits, words)
        && bits & (SENTENCE_END | OPEN_QUOTE) == 0
        && !(bits & QUOTED != 0 && words >= 16)
}

impl Facts {
    /// Prose: long enough and ending like a sentence, or running a quotation on.
    fn prose(self) -> bool {
        self.prose_of(usize::from(self.words))
    }

    /// [`Facts::prose`] of a block of `words` words with these bits.
    fn prose_of(self, words: usize) -> bool {
        !self.cue()
            && !self.has(TITLE_LIKE)
            && !self.date_line()
            && words >= 10
            && !self.bracketed()
            && (self.sentence_end() || self.has(OPEN_QUOTE) || (self.has(QUOTED) && words >= 16))
    }

    /// A sentence that leads into the body ([`lead_in`]).
    fn lead_sentence(self) -> bool {
        !self.cue()
            && !self.repeated()
            && !self.date_line()
            && !self.has(TITLE_LIKE)
            && !self.bracketed()
            && self.words() >= 4
            && (self.sentence_end() || self.words() >= 12)
    }
}

/// The roles of all blocks; with `explain`, the rule of each too.
pub fn assign(blocks: &Blocks<'_>, explain: bool) -> Decisions {
    let n = blocks.len();
    let mut out = Decisions::new(n, explain);
    let (f, early) = facts(blocks, &mut out);
    for (i, fi) in f.iter().enumerate() {
        if fi.prose() && !out.captioned(i) && !fi.repeated() {
            out.roles[i] |= CORE;
        }
    }

    // The main region: the run of blocks where prose outweighs furniture.
    let scores = (0..n).map(|i| {
        let s = region_score(f[i], out.core(i), exact_words(blocks, &f, i));
        // Prose with no prose beside it (a teaser's summary between its
        // title and picture, a bio) counts for less than a run of it
        // (looked for around prose alone).
        if out.core(i) && !prose_near(blocks, &f, &out, i) {
            s * ISOLATED
        } else {
            s
        }
    });
    let (from, to) = region::main_region(scores).unwrap_or((0, n));
    let mut first = (from..to).find(|&i| out.core(i));
    let last = (from..to).rfind(|&i| out.core(i));
    // A byline below a standfirst: the body starts after it.
    let third_core = (0..n).filter(|&i| out.core(i)).nth(2).unwrap_or(n);
    let byline_at = find_byline(blocks, &f, third_core, early);
    if let (Some((_, end)), Some(a)) = (byline_at, first) {
        if a < end {
            first = (end..n).find(|&i| out.core(i));
        }
    }
    let (body_start, body_end) = match (first, last) {
        (Some(a), Some(b)) => (a, b + 1),
        _ => {
            // No long prose: fall back to any sentence of four words or more.
            let short = |i: usize| !f[i].cue() && f[i].sentence_end() && f[i].words() >= 4;
            match ((0..n).find(|&i| short(i)), (0..n).rfind(|&i| short(i))) {
                (Some(a), Some(b)) => (a, b + 1),
                _ => (n, n),
            }
        }
    };

    let prose_start = body_start;
    let body_start = lead_in(blocks, &f, body_start, byline_at.map(|(_, e)| e));

    head(
        blocks,
        &f,
        &mut out,
        body_start,
        byline_at.filter(|&(_, e)| e <= body_start),
    );
    let headline_text = (0..n)
        .find(|&i| out.get(i) == Some(Role::Headline))
        .map(|i| blocks.text_owned(i));

    let mut scratch = String::new();
    for i in body_start..n {
        let fi = f[i];
        let in_body = i < body_end;
        // Folded (into one buffer for all) only where a rule below may read
        // it: a repeated or cued block, or one left to `body_fragment`.
        // Most body blocks are prose, which none reads.
        let t = if fi.repeated() || fi.cue() || (in_body && !out.core(i)) {
            blocks.text(i, &mut scratch)
        } else {
            ""
        };
        // (A block that repeats the headline's text is a repeated block.)
        if fi.repeated() && headline_text.as_deref() == Some(t) {
            out.set(
                i,
                Role::Boilerplate(BoilerplateKind::Other),
                "repeats-headline",
            );
        } else if let Some(cue) = fi
            .cue()
            .then(|| boilerplate::cue(t, fi.words as usize))
            .flatten()
        {
            out.set_cue(i, cue);
        } else if i < prose_start && !fi.bracketed() {
            out.set(i, Role::Paragraph, "lead-in");
        } else if out.core(i) && !in_body {
            out.set(
                i,
                Role::Boilerplate(BoilerplateKind::Other),
                "outside-main-region",
            );
        } else if out.core(i) {
            out.set(i, Role::Paragraph, "prose");
        } else if out.captioned(i) {
            out.set(
                i,
                Role::Boilerplate(BoilerplateKind::Caption),
                "before-credit",
            );
        } else if fi.date_line() {
            out.set(i, Role::Boilerplate(BoilerplateKind::Meta), "date-line");
        } else if fi.repeated() && fi.words() <= 12 {
            out.set(
                i,
                Role::Boilerplate(BoilerplateKind::Other),
                "repeated-fragment",
            );
        } else if in_body {
            let (role, rule) = body_fragment(blocks, t, &f, &out, i);
            out.set(i, role, rule);
        } else if listed(blocks, &out, i) {
            out.set(i, Role::Paragraph, "list-item");
        } else {
            let (role, rule) = tail_fragment(&f, &out, i);
            out.set(i, role, rule);
        }
    }
    for i in 0..n {
        if !out.decided(i) {
            out.set(i, Role::Boilerplate(BoilerplateKind::Other), "unassigned");
        }
        out.roles[i] &= ROLE;
    }
    out
}

/// Move the body's start back over the sentences that lead into the first
/// prose block: a lead that ends without a full stop ("Officials on Monday
/// confirmed the deal worth $3m to the club"), a one-line remark ("The
/// sky was clear that night!"), with picture placeholders between. It stops
/// at a byline, a title, a date, a repeated or cued block, and it leaves
/// the first text block and the one under it to the head.
fn lead_in(blocks: &Blocks<'_>, f: &[Facts], start: usize, byline_end: Option<usize>) -> usize {
    let floor = byline_end.unwrap_or(0);
    let first_text = (0..start).find(|&k| !f[k].cue() && f[k].words() >= 2);
    let Some(first_text) = first_text else {
        return start;
    };
    // The line right under a title is its standfirst, not the body's lead.
    let floor = floor.max(first_text + 2);
    // The Title Case of a long line that ends no sentence is read here,
    // where the facts left it ([`lead_in_reads_title`]), and with the
    // facts' test: no full stop at its end.
    let mut scratch = String::new();
    let mut sentence = |k: usize| {
        f[k].lead_sentence()
            && !(lead_in_reads_title(f[k].bits, usize::from(f[k].words))
                && !tests::eager_titles()
                && {
                    let t = blocks.text(k, &mut scratch);
                    last_significant(t) != Some('.')
                        && text::title_like(t, exact_words(blocks, f, k))
                })
    };
    let placeholder = |k: usize| f[k].bracketed() && f[k].words() <= 4;
    let mut at = start;
    let mut k = start;
    while k > floor {
        k -= 1;
        if sentence(k) {
            at = k;
        } else if !placeholder(k) {
            break;
        }
    }
    at
}

/// The weight of a prose block with no prose beside it in the choice of
/// the main region.
const ISOLATED: f64 = 0.4;

/// Is there prose within three blocks of block `i`, with only short
/// blocks (an advert label, a picture's placeholder, a share line), short
/// sentences or list items between?
#[inline]
fn prose_near(blocks: &Blocks<'_>, f: &[Facts], out: &Decisions, i: usize) -> bool {
    let short =
        |j: usize| f[j].words() <= 6 || (!f[j].cue() && f[j].sentence_end()) || blocks.item(j);
    let after = (i + 1..f.len().min(i + 4))
        .take_while(|&j| out.core(j) || short(j))
        .any(|j| out.core(j));
    let before = (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&j| out.core(j) || short(j))
        .any(|j| out.core(j));
    after || before
}

/// The text ends in an ellipsis right after a word: a summary cut short
/// ("…after a long debate over the...").
fn truncated(t: &str) -> bool {
    // Inside quotation marks an ellipsis is the speaker's; one standing
    // apart after a sentence ("… the café. …") cuts no word short.
    let t = t.trim_end_matches(text::is_space);
    let Some(cut) = t.strip_suffix("...").or_else(|| t.strip_suffix('\u{2026}')) else {
        return false;
    };
    cut.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// A block's weight in the choice of the main region: prose for, by its
/// words; furniture against.
fn region_score(f: Facts, core: bool, words: usize) -> f64 {
    let w = words as f64;
    if core {
        w
    } else if f.cue() {
        -(3.0 + w)
    } else if f.sentence_end() && f.words() >= 4 {
        0.3 * w
    } else {
        -(3.0 + 0.3 * w)
    }
}

/// Phrases of a caption (lower case, ASCII): who is where, doing what,
/// left or right. In groups by their first two bytes ([`caption_group`]).
const CAPTION_WORDS: [&str; 20] = [
    "(l)",
    "(r)",
    "(c)",
    "(left)",
    "(right)",
    "(centre)",
    "(center)",
    "(pictured)",
    "(file)",
    " pictured",
    " poses ",
    " pose ",
    " left, ",
    " right, ",
    " seen here",
    " in this photo",
    " in this image",
    "clockwise from",
    "from left",
    "file photo",
];

/// The phrases of [`CAPTION_WORDS`] that may open where the first two
/// bytes are `first` and `next`, both lowered by `| 0x20`.
fn caption_group(first: u8, next: u8) -> &'static [&'static str] {
    match (first, next) {
        (b'(', _) => &CAPTION_WORDS[..9],
        (b' ', b'p') => &CAPTION_WORDS[9..12],
        (b' ', b'l') => &CAPTION_WORDS[12..13],
        (b' ', b'r') => &CAPTION_WORDS[13..14],
        (b' ', b's') => &CAPTION_WORDS[14..15],
        (b' ', b'i') => &CAPTION_WORDS[15..17],
        (b'c', b'l') => &CAPTION_WORDS[17..18],
        (b'f', b'r') => &CAPTION_WORDS[18..19],
        (b'f', b'i') => &CAPTION_WORDS[19..],
        _ => &[],
    }
}

/// A caption describes a picture: who is where, doing what, left or right.
/// The phrases are found in the text's bytes, ignoring ASCII case, in one
/// pass: where one of their first bytes stands, the few that open with it
/// and the byte after it are compared. Lowering a char outside ASCII gives
/// an ASCII letter only for the KELVIN SIGN ("k") and the capital I with a
/// dot (an "i" and a combining dot, and no phrase has an "i" before a byte
/// from 0x80 or at its end): a phrase found in the bytes is found in the
/// lowered text too, and only a text with a KELVIN SIGN and no phrase in
/// its bytes ("cloc\u{212a}wise from left") is lowered whole.
fn caption_words(t: &str) -> bool {
    let b = t.as_bytes();
    let at = |p: usize, w: &str| {
        b.get(p..p + w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
    };
    // Most bytes open no phrase: a table of the few that may (after the
    // `| 0x20` below), and of the first byte of a KELVIN SIGN, passes them
    // with one look-up.
    static OPENS: [bool; 256] = {
        let mut t = [false; 256];
        let mut x = 0;
        while x < 256 {
            t[x] = matches!(x as u8 | 0x20, b'(' | b' ' | b'c' | b'f') || x == 0xe2;
            x += 1;
        }
        t
    };
    let mut kelvin = false;
    for p in 0..b.len() {
        if !OPENS[usize::from(b[p])] {
            continue;
        }
        if b[p] == 0xe2 {
            kelvin |= b[p + 1..].starts_with(&[0x84, 0xaa]);
            continue;
        }
        // Each phrase's second byte is a letter: `| 0x20` lowers an ASCII
        // letter and makes no other byte one, so a phrase that matches at
        // `p` has its first two bytes there, lowered.
        let next = b.get(p + 1).map_or(0, |&x| x | 0x20);
        let phrases = caption_group(b[p] | 0x20, next);
        if phrases.iter().any(|w| at(p, w)) {
            return true;
        }
    }
    kelvin && caption_words_lowered(t)
}

/// [`caption_words`] on the text lowered whole: its reference, and its
/// reading of a text with a KELVIN SIGN.
fn caption_words_lowered(t: &str) -> bool {
    let lower = t.to_lowercase();
    CAPTION_WORDS.iter().any(|w| lower.contains(w))
}

/// A non-prose block inside the body, whose text is `t`.
fn body_fragment(
    blocks: &Blocks<'_>,
    t: &str,
    f: &[Facts],
    out: &Decisions,
    i: usize,
) -> (Role, &'static str) {
    let fi = f[i];
    // The block's marks are counted here ([`reads_quotes`]), or read
    // from the facts where the tests had every block's counted.
    let open_quote = || {
        if tests::eager_quotes() {
            fi.has(OPEN_QUOTE)
        } else {
            quote_marks(t).1
        }
    };
    if fi.words() >= 3 && open_quote() {
        return (Role::Paragraph, "quotation-runs-on");
    }
    if fi.sentence_end() && fi.words() >= 2 && !caption_words(t) {
        return (Role::Paragraph, "short-sentence");
    }
    if listed(blocks, out, i) {
        return (Role::Paragraph, "list-item");
    }
    // A block of 13 words or more is a caption whatever its words: the
    // phrases are looked for only in a shorter one.
    if fi.words() >= 13 || caption_words(t) {
        return (Role::Boilerplate(BoilerplateKind::Caption), "body-caption");
    }
    let prev_prose = i > 0
        && out
            .get(i - 1)
            .is_some_and(|r| r == Role::Paragraph || r == Role::Subheading);
    let next_prose = f
        .get(i + 1)
        .is_some_and(|n| out.core(i + 1) || (n.sentence_end() && !n.cue() && n.words() >= 2));
    if prev_prose && next_prose && fi.words() >= 1 && last_significant(t) != Some(',') {
        return (Role::Subheading, "between-paragraphs");
    }
    if fi.words() >= 4 {
        (Role::Boilerplate(BoilerplateKind::Caption), "body-fragment")
    } else {
        (Role::Boilerplate(BoilerplateKind::Other), "body-fragment")
    }
}

/// A list item in the article (steps, ingredients, a race calendar): a
/// paragraph introduces the list ("You will need:") and the items follow it.
fn listed(blocks: &Blocks<'_>, out: &Decisions, i: usize) -> bool {
    blocks.item(i)
        && i > 0
        && match out.roles[i - 1] & ROLE {
            LIST_ITEM => true,
            PARAGRAPH => {
                let mut scratch = String::new();
                last_significant(blocks.text(i - 1, &mut scratch)) == Some(':')
            }
            _ => false,
        }
}

/// A non-prose block after the body.
fn tail_fragment(f: &[Facts], out: &Decisions, i: usize) -> (Role, &'static str) {
    let fi = f[i];
    let follows_paragraph = i > 0 && out.get(i - 1) == Some(Role::Paragraph);
    if follows_paragraph && fi.sentence_end() && fi.words() >= 3 {
        return (Role::Paragraph, "closing-sentence");
    }
    // A last short paragraph after a widget: the nearest block that is not
    // boilerplate is a paragraph.
    // Only a widget of a few blocks stands between: past that the page's
    // furniture has begun.
    let last_content = (i.saturating_sub(3)..i)
        .rev()
        .filter_map(|k| out.get(k))
        .find(|r| !matches!(r, Role::Boilerplate(_)));
    if fi.sentence_end() && fi.words() >= 6 && last_content == Some(Role::Paragraph) {
        return (Role::Paragraph, "closing-sentence");
    }
    (Role::Boilerplate(BoilerplateKind::Other), "tail")
}

/// Roles in the head: the blocks before `n`, the first body paragraph.
fn head(
    blocks: &Blocks<'_>,
    f: &[Facts],
    out: &mut Decisions,
    n: usize,
    byline_at: Option<(usize, usize)>,
) {
    let mut scratch = String::new();
    // Headline: the first heading the converter marked as one (`# Title`,
    // `*** Title ***`, a line left of lynx's margin), else the first block
    // that reads like a title.
    let marked = (0..n).find(|&i| {
        blocks.heading(i)
            && !f[i].cue()
            && f[i].words() >= 2
            && byline_at.is_none_or(|(s, e)| i < s || i >= e)
    });
    let headline = marked.or_else(|| {
        (0..n).find(|&i| {
            let fi = f[i];
            !fi.cue()
                && !fi.date_line()
                && byline_at.is_none_or(|(s, e)| i < s || i >= e)
                && fi.words() >= 3
                && fi.words() <= 40
                && (!fi.sentence_end() || {
                    let t = blocks.text(i, &mut scratch);
                    matches!(last_significant(t), Some('?' | '!')) || title_case_ratio(t) >= 0.7
                })
        })
    });
    let headline = headline.or_else(|| {
        // A one- or two-word title is still a title when nothing else is.
        (0..n)
            .find(|&i| {
                !f[i].cue()
                    && !f[i].date_line()
                    && f[i].words() >= 1
                    && byline_at.is_none_or(|(s, _)| i < s)
            })
            .filter(|&i| i + 1 == n || exact_words(blocks, f, i + 1) > exact_words(blocks, f, i))
            .filter(|_| n > 0 && blocks.len() > n)
            .filter(|&i| i == 0)
    });
    if let Some(h) = headline {
        out.set(h, Role::Headline, "first-title");
    }
    if let Some((s, e)) = byline_at {
        for i in s..e {
            out.set(i, Role::Byline, "byline");
        }
    }
    let mut standfirst_done = false;
    for (i, &fi) in f.iter().enumerate().take(n) {
        if out.decided(i) {
            continue;
        }
        let after_headline = headline.is_some_and(|h| i > h);
        let standfirst_next = after_headline && !standfirst_done && fi.words() >= 6;
        // Folded only where a rule below reads it: a cue's, a standfirst's.
        let t = if fi.cue() || standfirst_next {
            blocks.text(i, &mut scratch)
        } else {
            ""
        };
        if let Some(cue) = fi
            .cue()
            .then(|| boilerplate::cue(t, fi.words as usize))
            .flatten()
        {
            out.set_cue(i, cue);
        } else if fi.date_line() {
            out.set(i, Role::Boilerplate(BoilerplateKind::Meta), "date-line");
        } else if out.roles[i] & BEFORE_CREDIT != 0 {
            out.set(
                i,
                Role::Boilerplate(BoilerplateKind::Caption),
                "before-credit",
            );
        } else if standfirst_next && !fi.repeated() && !caption_words(t) {
            standfirst_done = true;
            out.set(i, Role::Standfirst, "under-headline");
        } else if fi.words() >= 3 && !fi.repeated() {
            out.set(
                i,
                Role::Boilerplate(BoilerplateKind::Caption),
                "head-fragment",
            );
        } else {
            out.set(
                i,
                Role::Boilerplate(BoilerplateKind::Other),
                "head-fragment",
            );
        }
    }
}

/// The blocks `[start, end)` that make the byline, if any: an explicit
/// byline ("By ...") first, else a bare name with a date or a role line.
fn find_byline(
    blocks: &Blocks<'_>,
    f: &[Facts],
    n: usize,
    early: EarlyByline,
) -> Option<(usize, usize)> {
    let (mut scratch, mut next) = (String::new(), String::new());
    // The blocks the facts searched, as far as `n`.
    let (mut explicit, mut explicit_parse) = match early.explicit {
        Some((i, parsed)) if i < n => (Some(i), Some(parsed)),
        _ => (None, None),
    };
    // The first block that may be a bare name line: where the search for
    // one starts when no block is an explicit byline. Its name and the
    // line under it are read only then (more than a third of articles have
    // an explicit byline, and menus of Title Case items stand before it).
    let mut maybe_bare = early.maybe_bare.filter(|&i| i < n);
    let from = if explicit.is_some() {
        n
    } else {
        early.upto.min(n)
    };
    for i in (from..n).filter(|&i| !f[i].cue()) {
        let t = blocks.text(i, &mut scratch);
        explicit_parse = byline::parse(t);
        if explicit_parse.is_some() {
            explicit = Some(i);
            break;
        }
        if maybe_bare.is_none() && byline::may_be_bare_byline(t) {
            maybe_bare = Some(i);
        }
    }
    let bare = || {
        (maybe_bare?..n).filter(|&i| !f[i].cue()).find(|&i| {
            byline::bare_byline(blocks.text(i, &mut scratch), || {
                i + 1 < n && byline::is_role_line(blocks.text(i + 1, &mut next))
            })
        })
    };
    let start = explicit.or_else(bare)?;
    let mut end = start + 1;
    // "By" alone, then the name; then role lines.
    let parsed = if explicit == Some(start) {
        explicit_parse
    } else {
        byline::parse(blocks.text(start, &mut scratch))
    };
    if parsed.is_some_and(|p| p.authors.is_empty())
        && blocks.text(start, &mut scratch).eq_ignore_ascii_case("by")
        && end < n
        && byline::bare_name(blocks.text(end, &mut next)).is_some()
    {
        end += 1;
    }
    while end < n && byline::is_role_line(blocks.text(end, &mut scratch)) {
        end += 1;
    }
    Some((start, end))
}

/// Stands in for the tests' switch in a build without them.
#[cfg(not(test))]
mod tests {
    /// Date lines are looked for in cued blocks too: never outside the
    /// tests.
    #[inline(always)]
    pub(super) fn eager_dates() -> bool {
        false
    }

    /// Quotation marks are counted in every block: never outside the
    /// tests.
    #[inline(always)]
    pub(super) fn eager_quotes() -> bool {
        false
    }

    /// Title Case is read by the facts where the lead-in may read it too:
    /// never outside the tests.
    #[inline(always)]
    pub(super) fn eager_titles() -> bool {
        false
    }

    /// The byline is searched for after the facts, not with them: never
    /// outside the tests.
    #[inline(always)]
    pub(super) fn late_bylines() -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::cell::Cell;

    thread_local! {
        static EAGER_DATES: Cell<bool> = const { Cell::new(false) };
        static EAGER_QUOTES: Cell<bool> = const { Cell::new(false) };
        static EAGER_TITLES: Cell<bool> = const { Cell::new(false) };
        static LATE_BYLINES: Cell<bool> = const { Cell::new(false) };
    }

    /// Look for date lines in cued blocks too, as before the gate.
    pub(super) fn eager_dates() -> bool {
        EAGER_DATES.with(Cell::get)
    }

    /// Count the quotation marks of every block, as before the gate.
    pub(super) fn eager_quotes() -> bool {
        EAGER_QUOTES.with(Cell::get)
    }

    /// Read Title Case in the facts of every block a rule reads it of,
    /// as before the lead-in read it of long lines itself.
    pub(super) fn eager_titles() -> bool {
        EAGER_TITLES.with(Cell::get)
    }

    /// Search for the byline after the facts, every block read again,
    /// as before the facts searched the blocks before the third prose.
    pub(super) fn late_bylines() -> bool {
        LATE_BYLINES.with(Cell::get)
    }

    /// The roles and rules of `text` with `eager` off (as analysis runs)
    /// and on: the switch that makes facts read in every block.
    fn roles_off_and_on(
        eager: &'static std::thread::LocalKey<Cell<bool>>,
        text: &str,
    ) -> [Vec<(Role, &'static str)>; 2] {
        let blocks = crate::segment::segment(text, 0);
        [false, true].map(|on| {
            eager.with(|c| c.set(on));
            let d = assign(&blocks, true);
            eager.with(|c| c.set(false));
            (0..d.len()).map(|i| (d.role(i), d.rule(i))).collect()
        })
    }

    /// [`roles_off_and_on`] of the blocks `picks` of `pieces`, joined as
    /// paragraphs.
    fn picked_off_and_on(
        eager: &'static std::thread::LocalKey<Cell<bool>>,
        pieces: &[&str],
        picks: &[usize],
    ) -> [Vec<(Role, &'static str)>; 2] {
        let text: Vec<&str> = picks.iter().map(|&k| pieces[k]).collect();
        roles_off_and_on(eager, &text.join("\n\n"))
    }

    /// The rules of the blocks `picks` of `pieces`, after asserting that
    /// they are the same with the switch `eager` off and on.
    fn picked_rules(
        eager: &'static std::thread::LocalKey<Cell<bool>>,
        pieces: &[&str],
        picks: &[usize],
    ) -> Vec<&'static str> {
        let [off, on] = picked_off_and_on(eager, pieces, picks);
        assert_eq!(off, on);
        off.into_iter().map(|(_, r)| r).collect()
    }

    /// The roles and rules of `text` with quotation marks counted where a
    /// rule reads them, and in every block.
    fn roles_with_eager_quotes(text: &str) -> [Vec<(Role, &'static str)>; 2] {
        roles_off_and_on(&EAGER_QUOTES, text)
    }

    /// Blocks whose quotation marks decide a role: a quotation that runs
    /// on, short ones before a credit, a quoted title.
    const QUOTE_PIECES: [&str; 16] = [
        "Harbour ferry to run all winter",
        "By Jane Doe",
        "Photo: Ana Ruiz",
        "The mayor at the pier.",
        "\"The mayor,\" at the pier.",
        "\u{201c}We will keep the boats going,\u{201d} she said.",
        "\u{201c}We will keep the boats going through every cold month of the year and past it,",
        "\"Every boat, every day\" is the promise of the harbour board this winter season",
        "The harbour ferry will keep its boats on the water through every cold month this winter.",
        "The operator said on Monday that a trial had shown enough people used the boats in the cold.",
        "\u{ab}The boats stay\u{bb}",
        "Three \"quoted\" words here",
        "\u{201e}Open quote with no close and more than ten words to make it long enough",
        "Share this article",
        "\u{201c}We will keep the boats going all winter long now,",
        "\u{201c}Keep the boats going all winter,",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// The gate on quotation marks changes no role and no rule.
        #[test]
        fn quotes_are_counted_where_they_are_read(
            picks in proptest::collection::vec(0usize..16, 1..16)
        ) {
            let text: Vec<&str> = picks.iter().map(|&k| QUOTE_PIECES[k]).collect();
            let [gated, eager] = roles_with_eager_quotes(&text.join("\n\n"));
            prop_assert_eq!(gated, eager);
        }
    }

    /// Blocks around the body's start: long lines that end no sentence,
    /// in Title Case or not, that the lead-in takes in or stops at, with
    /// a headline, a byline, placeholders and prose.
    const TITLE_PIECES: [&str; 15] = [
        "Harbour ferry to run all winter",
        "By Jane Doe",
        "[Picture of the pier]",
        "Harbour Ferry Timetable For The Winter Season With Piers And Fares Listed",
        "the harbour ferry timetable for the winter season with piers and fares listed",
        "Officials on Monday confirmed the ferry deal worth $3m to the harbour board and the town",
        "Officials On Monday Confirmed The Ferry Deal Worth Three Million To The Harbour Board",
        "Officials On Monday Confirmed The Ferry Deal Worth Three Million To The Board...",
        "The Ferry Deal Was Signed On Monday By The Mayor And The Board Of The Harbour.",
        "Harbour Ferry \"Timetable\" For The Winter Season With Piers And Fares Listed Here Today",
        "The harbour ferry will keep its boats on the water through every cold month this winter.",
        "The operator said on Monday that a trial had shown enough people used the boats in the cold.",
        "Will The Harbour Ferry Keep Running Through Every Cold Month Of This Winter?",
        "HARBOUR FERRY TIMETABLE FOR THE WINTER SEASON WITH PIERS AND FARES LISTED",
        "Share this article",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// Title Case read by the lead-in where the facts leave it
        /// changes no role and no rule.
        #[test]
        fn titles_are_read_where_they_are_read(
            picks in proptest::collection::vec(0usize..15, 1..14)
        ) {
            let [lazy, eager] = picked_off_and_on(&EAGER_TITLES, &TITLE_PIECES, &picks);
            prop_assert_eq!(lazy, eager);
        }
    }

    /// The lead-in reads a long line's Title Case and takes in one that is
    /// not, which the facts no longer read.
    #[test]
    fn the_lead_in_reads_title_case_of_long_lines() {
        let rules = |picks: &[usize]| picked_rules(&EAGER_TITLES, &TITLE_PIECES, picks);
        // Lower case: a lead sentence; Title Case: the lead-in stops at it.
        let lower = rules(&[0, 1, 2, 14, 5, 10, 11]);
        let title = rules(&[0, 1, 2, 14, 6, 10, 11]);
        assert_eq!(lower[4], "lead-in", "{lower:?}");
        assert_ne!(title[4], "lead-in", "{title:?}");
    }

    /// The pieces reach every reader of the marks: a caption over a
    /// credit, a quotation that runs on in the body, and prose that
    /// ends no sentence but runs a quotation on.
    #[test]
    fn quote_pieces_reach_the_readers() {
        let rules: Vec<&str> = [
            vec![0, 1, 8, 3, 2, 9, 6, 9, 8],
            vec![0, 1, 8, 4, 2, 9, 12, 8, 9],
            vec![0, 1, 8, 15, 9, 6],
        ]
        .iter()
        .flat_map(|picks| {
            let text: Vec<&str> = picks.iter().map(|&k: &usize| QUOTE_PIECES[k]).collect();
            let [gated, _] = roles_with_eager_quotes(&text.join("\n\n"));
            gated.into_iter().map(|(_, r)| r).collect::<Vec<_>>()
        })
        .collect();
        assert!(rules.contains(&"before-credit"), "{rules:?}");
        assert!(rules.contains(&"quotation-runs-on"), "{rules:?}");
        assert!(rules.contains(&"prose"), "{rules:?}");
    }

    /// [`find_byline`] as it read each block's bare name in the pass that
    /// looked for an explicit byline: its test's reference.
    fn find_byline_one_pass(blocks: &Blocks<'_>, f: &[Facts], n: usize) -> Option<usize> {
        let (mut scratch, mut next) = (String::new(), String::new());
        let mut bare = None;
        for i in (0..n).filter(|&i| !f[i].cue()) {
            let t = blocks.text(i, &mut scratch);
            if byline::parse(t).is_some() {
                return Some(i);
            }
            if bare.is_none()
                && byline::bare_byline(t, || {
                    i + 1 < n && byline::is_role_line(blocks.text(i + 1, &mut next))
                })
            {
                bare = Some(i);
            }
        }
        bare
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// The bare name is looked for after the explicit byline, from the
        /// first block that may be one: the same start as in one pass.
        #[test]
        fn bylines_start_where_one_pass_found_them(
            picks in proptest::collection::vec(0usize..10, 1..12),
            cut in 0usize..12,
        ) {
            let pieces = [
                "By Jane Doe",
                "Jane Doe",
                "Ana Ruiz 3 May 2021",
                "Harbour Post reporter",
                "World News",
                "Share this article",
                "Tom Hale | 4 June 2020",
                "The ferry will keep its boats on the water through every cold month this winter.",
                "Latest Stories",
                "Dana Holt (writer)",
            ];
            let text: Vec<&str> = picks.iter().map(|&k| pieces[k]).collect();
            let text = text.join("\n\n");
            let blocks = crate::segment::segment(&text, 0);
            let (f, early) = facts(&blocks, &mut Decisions::new(blocks.len(), false));
            let n = cut.min(blocks.len());
            prop_assert_eq!(
                find_byline(&blocks, &f, n, early).map(|(start, _)| start),
                find_byline_one_pass(&blocks, &f, n)
            );
        }
    }

    /// Bylines, names and role lines around prose (three sentences and a
    /// quotation that runs on), so that the byline stands before, among
    /// and after the first three prose blocks.
    const BYLINE_PIECES: [&str; 14] = [
        "By Jane Doe",
        "Jane Doe",
        "Ana Ruiz 3 May 2021",
        "Harbour Post reporter",
        "World News",
        "Share this article",
        "Tom Hale | 4 June 2020",
        "The ferry will keep its boats on the water through every cold month this winter.",
        "The operator said on Monday that a trial had shown enough people used the boats.",
        "Fares will stay as they are until the spring, when the board looks at them again.",
        "\u{201c}We will keep the boats going through every cold month of the year and past it,",
        "Latest Stories",
        "Dana Holt (writer)",
        "Jo Perrin, Northern Wire Service",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// The byline searched for with the facts, before the third prose
        /// block, is the one searched for after them.
        #[test]
        fn bylines_searched_with_the_facts_are_those_searched_after(
            picks in proptest::collection::vec(0usize..14, 1..14)
        ) {
            let [early, late] = picked_off_and_on(&LATE_BYLINES, &BYLINE_PIECES, &picks);
            prop_assert_eq!(early, late);
        }
    }

    /// A byline after the third prose block is found by the search after
    /// the facts, and one before it by the facts: both are bylines.
    #[test]
    fn bylines_before_and_after_the_third_prose_block() {
        let rules = |picks: &[usize]| picked_rules(&LATE_BYLINES, &BYLINE_PIECES, picks);
        assert_eq!(rules(&[4, 0, 7, 8, 9])[1], "byline");
        let late = rules(&[4, 7, 8, 8, 0, 9, 10]);
        assert!(late.contains(&"byline"), "{late:?}");
    }

    /// The roles and rules of `text` with and without date lines looked
    /// for in cued blocks.
    fn roles_with_eager_dates(text: &str) -> [Vec<(Role, &'static str)>; 2] {
        roles_off_and_on(&EAGER_DATES, text)
    }

    /// Cued blocks that are date lines, and blocks around them.
    const DATED_CUES: [&str; 4] = [
        "\u{a9} 12 March 2024",
        "3 May 2021 AP",
        "Updated: 3 May 2021",
        "Share this article",
    ];

    #[test]
    fn some_cued_blocks_are_date_lines() {
        let dated_cues = DATED_CUES
            .iter()
            .filter(|t| boilerplate::cue(t, count_words(t)).is_some() && date::is_date_line(t))
            .count();
        assert!(dated_cues >= 2, "{dated_cues}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// The gate on date lines changes no role and no rule.
        #[test]
        fn cued_blocks_need_no_date_line(
            picks in proptest::collection::vec(0usize..10, 1..14)
        ) {
            let pieces = [
                DATED_CUES[0],
                DATED_CUES[1],
                DATED_CUES[2],
                DATED_CUES[3],
                "Harbour ferry to run all winter",
                "By Jane Doe",
                "12 March 2024",
                "The harbour ferry will keep its boats on the water through every cold month this winter.",
                "The operator said on Monday that a trial had shown enough people used the boats in the cold.",
                "Tags",
            ];
            let text: Vec<&str> = picks.iter().map(|&k| pieces[k]).collect();
            let [gated, eager] = roles_with_eager_dates(&text.join("\n\n"));
            prop_assert_eq!(gated, eager);
        }
    }

    /// [`quote_marks`] a char at a time: the reference.
    fn quote_marks_chars(t: &str) -> (usize, bool) {
        let (mut straight, mut open, mut close) = (0, 0, 0);
        for c in t.chars() {
            match c {
                '"' => straight += 1,
                '\u{201c}' | '\u{201e}' | '\u{ab}' => open += 1,
                '\u{201d}' | '\u{bb}' => close += 1,
                _ => {}
            }
        }
        let total = straight + open + close;
        (total, total % 2 == 1 || open > close + straight)
    }

    proptest! {
        #[test]
        fn quote_marks_by_memchr(
            text in crate::testing::joined(
                vec![
                    "\"", "\u{201c}", "\u{201d}", "\u{201e}", "\u{ab}", "\u{bb}", "\u{a0}",
                    "\u{2019}", "\u{e9}", "a", " ", "'",
                ],
                0..20,
            )
        ) {
            prop_assert_eq!(quote_marks(&text), quote_marks_chars(&text));
        }
    }

    #[test]
    fn a_lead_without_a_full_stop_opens_the_body() {
        let text = "Home\n\nNews\n\nSport\n\nHarbour ferry to run all winter\n\nBy Jane Doe\n\n\
                    The harbour ferry will keep running through the winter months for the first time in its history\n\n\
                    [photo]\n\n\
                    The operator said on Monday that a trial last year had shown enough people used the service in the cold months to pay for it.\n\n\
                    Until now the boats stopped at the end of October, leaving commuters with a long drive around the bay every morning.\n";
        let blocks = crate::segment::segment(text, 0);
        let roles: Vec<Role> = assign(&blocks, false).roles().collect();
        let texts = blocks.texts();
        let at = |prefix: &str| {
            let i = texts.iter().position(|t| t.starts_with(prefix)).unwrap();
            roles[i]
        };
        assert_eq!(at("The harbour ferry"), Role::Paragraph, "{roles:?}");
        assert_eq!(at("The operator"), Role::Paragraph, "{roles:?}");
        assert_eq!(at("Harbour ferry"), Role::Headline, "{roles:?}");
        assert_ne!(at("Home"), Role::Paragraph, "{roles:?}");
    }

    #[test]
    fn repeated_blocks_are_marked_every_time() {
        let text = "Share\n\nA\n\nShare\n\nB\n\nAb\n\nShare\n\nab\n\nA";
        let blocks = crate::segment::segment(text, 0);
        let repeated: Vec<bool> = facts(&blocks, &mut Decisions::new(blocks.len(), false))
            .0
            .iter()
            .map(|f| f.repeated())
            .collect();
        assert_eq!(
            repeated,
            [true, true, true, false, false, true, false, true],
            "{:?}",
            blocks.texts()
        );
    }

    /// Each block of `text` is marked repeated exactly when another block
    /// has the same folded text, compared pair by pair.
    fn repeats_are_equal_texts(text: &str) -> Result<(), TestCaseError> {
        let blocks = crate::segment::segment(text, 0);
        let texts = blocks.texts();
        let repeated: Vec<bool> = facts(&blocks, &mut Decisions::new(blocks.len(), false))
            .0
            .iter()
            .map(|f| f.repeated())
            .collect();
        for (i, t) in texts.iter().enumerate() {
            let again = texts.iter().enumerate().any(|(j, u)| j != i && u == t);
            prop_assert_eq!(repeated[i], again, "{:?}", texts);
        }
        Ok(())
    }

    proptest! {
        /// A block is repeated when another block has the same folded text
        /// (compared pair by pair here), whether it is one line or several,
        /// with markup or not.
        #[test]
        fn repeated_is_an_equal_text_elsewhere(
            text in crate::testing::joined(
                vec!["a", "b", "a b", "a  b", "a\nb", "> a", "*a*", "\n\n", "\n\n", "\n\n"],
                0..40,
            )
        ) {
            repeats_are_equal_texts(&text)?;
        }
    }

    /// Texts of one length with the same first and last eight bytes share
    /// a pre-key: the test below reaches the texts' own comparison.
    #[test]
    fn equal_ends_share_a_pre_key() {
        let key = PreKeys::key;
        assert_eq!(
            key("Ana Ruiz on the pier at noon"),
            key("Ana Ruiz on the quay at noon")
        );
        assert_ne!(
            key("Ana Ruiz on the pier at noon"),
            key("Ana Ruiz on the pier at dawn")
        );
        assert_ne!(key("Ana"), key("Ana "));
    }

    /// Inside the body, a fragment of 13 words or more is a caption
    /// without its phrases being looked for, a short one with a caption's
    /// phrase is one too, and a short one without is not.
    #[test]
    fn body_captions_by_length_or_phrase() {
        let text = [
            "# Ferry to the north",
            "The ferry left the harbour at noon with every seat taken by families going north.",
            "The crossing took four hours in calm weather and the captain spoke to each passenger.",
            "Tickets for the spring sailings go on sale next month at the harbour office in town.",
            "Harbour ferry timetable winter season piers and fares for every day of the week",
            "The operator said it would add a second boat to the route if demand stayed this high.",
            "Ana Ruiz (left) with the harbour master",
            "A new pier for the larger boat is planned for the north side of the bay next year.",
            "Harbour news today",
            "The town council will vote on the money for the pier at its meeting in the autumn.",
        ]
        .join("\n\n");
        let blocks = crate::segment::segment(&text, 0);
        let roles = assign(&blocks, true);
        let rules: Vec<&str> = (0..roles.len()).map(|i| roles.rule(i)).collect();
        assert_eq!(rules[4], "body-caption", "{rules:?}");
        assert_eq!(rules[6], "body-caption", "{rules:?}");
        assert_ne!(rules[8], "body-caption", "{rules:?}");
        assert!(caption_words(&blocks.text_owned(6)));
        assert!(!caption_words(&blocks.text_owned(4)));
    }

    /// The thread's pre-key table is kept from text to text: the slots an
    /// earlier text filled are empty to the next, also when the stamps
    /// run out and start again.
    #[test]
    fn pre_keys_of_one_text_are_not_seen_by_the_next() {
        let repeated = |text: &str| -> Vec<bool> {
            let blocks = crate::segment::segment(text, 0);
            let f = facts(&blocks, &mut Decisions::new(blocks.len(), false)).0;
            f.iter().map(|f| f.repeated()).collect()
        };
        let twice = "Ana Ruiz\n\nThe pier\n\nAna Ruiz\n\nThe pier";
        let once = "The pier\n\nAna Ruiz\n\nNoon";
        PRE_SLOTS.with_borrow_mut(|p| p.stamp = u32::MAX - 2);
        for _ in 0..4 {
            assert_eq!(repeated(twice), [true, true, true, true]);
            assert_eq!(repeated(once), [false, false, false]);
        }
        assert_eq!(PRE_SLOTS.with_borrow(|p| p.stamp), 6);
    }

    proptest! {
        /// Repeats are found as by comparing every pair of texts when
        /// several texts share a pre-key (one length, the same ends), and
        /// some of them repeat, as one line or folded from two.
        #[test]
        fn texts_that_share_a_pre_key_repeat_only_when_equal(
            text in crate::testing::joined(
                vec![
                    "Ana Ruiz on the pier at noon",
                    "Ana Ruiz on the quay at noon",
                    "Ana Ruiz on the\npier at noon",
                    "Ana Ruiz on the dock at noon",
                    "Ana Ruiz",
                    "Ana Ruiz at noon",
                    "Ana",
                    "\n\n",
                    "\n\n",
                    "\n\n",
                ],
                0..40,
            )
        ) {
            repeats_are_equal_texts(&text)?;
        }
    }

    /// Past 4,096 short blocks, texts are first sifted by two sets of
    /// hash buckets: a text seen once stays out of the map, and every text
    /// seen twice is still found, plain or folded from several lines.
    #[test]
    fn many_short_blocks_find_their_repeats_through_the_hash_sets() {
        let mut text = String::new();
        for i in 0..9000 {
            match i % 5 {
                // Repeats (each number twice, far apart), in two shapes
                // that fold to the same text.
                0 => text.push_str(&format!("w{}\n\n", i % 3000)),
                1 => text.push_str(&format!("w{}  x\n\n", (i / 5) % 700)),
                2 => text.push_str(&format!("w{}\nx\n\n", (i / 5) % 700)),
                // Texts seen once.
                _ => text.push_str(&format!("u{i}\n\n")),
            }
        }
        let blocks = crate::segment::segment(&text, 0);
        assert!(blocks.len() > 4096 && blocks.len() * 32 > text.len());
        let texts = blocks.texts();
        let mut count = std::collections::HashMap::new();
        for t in &texts {
            *count.entry(t.as_str()).or_insert(0) += 1;
        }
        let f = facts(&blocks, &mut Decisions::new(blocks.len(), false)).0;
        let mut repeated = 0;
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(f[i].repeated(), count[t.as_str()] > 1, "{t:?}");
            repeated += usize::from(f[i].repeated());
        }
        assert!(repeated > 3000, "{repeated}");
        let sets = MayRepeat::new(&blocks);
        assert!(sets.0.is_some());
        let once = texts.iter().filter(|t| count[t.as_str()] == 1).count();
        let sifted = texts
            .iter()
            .filter(|t| count[t.as_str()] == 1 && !sets.has(text_hash(t)))
            .count();
        // Most texts seen once are known to be unique without the map.
        assert!(once >= 3600 && sifted * 10 > once * 9, "{sifted} of {once}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// The one pass over the bytes finds what lowering the text finds.
        #[test]
        fn caption_words_are_found_as_in_the_lowered_text(
            text in crate::testing::joined(
                vec!["(", ")", " ", "L", "l", "R", "c", "C", "left", "RIGHT", ",", "pictured",
                     "Pose", "s", "File", "photo", "image", "in this", "from", "clockwise",
                     "seen here", "centre", "\u{130}", "\u{212a}", "\u{e9}", "\u{a0}", "I", "i"],
                0..14,
            )
        ) {
            proptest::prop_assert_eq!(caption_words(&text), caption_words_lowered(&text));
        }
    }

    /// Each phrase is in the group of its first two bytes, and in no other.
    #[test]
    fn each_caption_phrase_is_in_its_group() {
        for w in CAPTION_WORDS {
            let b = w.as_bytes();
            assert!(
                caption_group(b[0] | 0x20, b[1] | 0x20).contains(&w),
                "{w:?}"
            );
            let groups = (0..=255u8)
                .flat_map(|f| (0..=255u8).map(move |n| (f, n)))
                .filter(|&(f, n)| caption_group(f, n).contains(&w))
                .count();
            assert_eq!(groups, 256 - 255 * usize::from(b[0] != b'('), "{w:?}");
        }
        // A KELVIN SIGN for the "k" of "clockwise", and no phrase else.
        assert!(caption_words("Crew on deck, cloc\u{212a}wise from left"));
        assert!(!caption_words("A \u{212a}iosk by the pier"));
        assert!(caption_words("The \u{212a}iosk (left) by the pier"));
    }

    /// [`TITLE_LIKE`] is left clear where [`needs_title`] says no rule
    /// reads it: there both readers answer the same with it set or clear.
    #[test]
    fn title_case_is_read_only_where_it_is_found() {
        for bits in 0..=u8::MAX {
            for words in 0..=u8::MAX {
                if needs_title(bits, usize::from(words)) {
                    continue;
                }
                let clear = Facts {
                    words,
                    bits: bits & !TITLE_LIKE,
                };
                let set = Facts {
                    words,
                    bits: bits | TITLE_LIKE,
                };
                assert_eq!(clear.prose(), set.prose(), "{bits:#x} {words}");
                assert_eq!(
                    clear.lead_sentence(),
                    set.lead_sentence(),
                    "{bits:#x} {words}"
                );
            }
        }
        // Where the lead-in reads it itself, prose does not read it.
        for bits in 0..=u8::MAX {
            for words in 0..=u8::MAX {
                if lead_in_reads_title(bits, usize::from(words)) {
                    let clear = Facts {
                        words,
                        bits: bits & !TITLE_LIKE,
                    };
                    let set = Facts {
                        words,
                        bits: bits | TITLE_LIKE,
                    };
                    assert_eq!(clear.prose(), set.prose(), "{bits:#x} {words}");
                }
            }
        }
        assert!(lead_in_reads_title(0, 12));
        assert!(!lead_in_reads_title(SENTENCE_END, 12));
        assert!(!lead_in_reads_title(QUOTED, 16));
        // And it is read where a rule needs it.
        assert!(needs_title(SENTENCE_END, 10));
        assert!(needs_title(0, 12));
        assert!(!needs_title(SENTENCE_END | CUE, 20));
    }

    #[test]
    fn a_role_is_kept_in_one_byte_and_rules_only_when_explained() {
        let roles = [
            Role::Headline,
            Role::Standfirst,
            Role::Byline,
            Role::Subheading,
            Role::Paragraph,
        ]
        .into_iter()
        .chain(KINDS.iter().map(|&k| Role::Boilerplate(k)));
        for role in roles {
            assert_eq!(role_of(code(role, "x")), role);
        }
        assert_eq!(code(Role::Paragraph, "list-item"), LIST_ITEM);
        let text = "Ferry to run all winter\n\nBy Jane Doe\n\nThe harbour ferry will keep running through the winter months for the first time.\n\nShare this article\n";
        let blocks = crate::segment::segment(text, 0);
        let lean = assign(&blocks, false);
        let explained = assign(&blocks, true);
        assert_eq!(
            lean.roles().collect::<Vec<_>>(),
            explained.roles().collect::<Vec<_>>()
        );
        assert!((0..lean.len()).all(|i| lean.rule(i).is_empty()));
        assert!((0..explained.len()).all(|i| !explained.rule(i).is_empty()));
        assert_eq!(explained.rule(1), "byline");
    }
}
