//! The construction of the needle automata's flat tables (see
//! `super::Scan`) from the gates' needles ([`super::needles`]): `build.rs`
//! runs it and writes the tables as statics the crate includes, so nothing
//! is built at run time; the unit tests run it again and compare.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

/// One automaton's flat table (the layout `super::Scan` documents), with
/// only the entries its states use (the crate pads it with zeros).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Table {
    /// Twice each byte's class.
    pub(crate) class2: [u8; 256],
    pub(crate) trans: Vec<u16>,
    pub(crate) stride: usize,
    /// The gates (bits by index in the gate list) whose needles end in
    /// each state, by state number.
    pub(crate) gates_at: Vec<u64>,
    /// The length in bytes of the longest needle.
    pub(crate) longest: usize,
}

/// The longest needle the automata look for: a longer one is cut to its
/// first [`LONGEST`] bytes (at a character's start). A gate only lets a
/// rule's own test run, so a cut needle lets through a few more blocks
/// ("your browser doe…" without "s not support") and rejects none that
/// the whole needle let through. Short needles keep the automata small,
/// and let `super::Scan` read a block of a few needles' length as two
/// halves side by side, the first running on past the middle by the
/// longest needle.
pub(crate) const LONGEST: usize = 16;

/// The needles of `gates`, each cut to [`LONGEST`] bytes and then kept
/// once, and the gates (bits by index in `gates`) each opens.
pub(crate) fn needle_list<'a>(gates: &[&[&'a str]]) -> (Vec<&'a str>, Vec<u64>) {
    assert!(gates.len() <= 64, "gate bits fit a u64");
    let mut needles: Vec<&str> = Vec::new();
    let mut bits: Vec<u64> = Vec::new();
    for (k, list) in gates.iter().enumerate() {
        for &n in list.iter() {
            let cut = (0..=LONGEST.min(n.len()))
                .rev()
                .find(|&i| n.is_char_boundary(i))
                .unwrap_or(0);
            let n = &n[..cut];
            match needles.iter().position(|&m| m == n) {
                Some(at) => bits[at] |= 1 << k,
                None => {
                    needles.push(n);
                    bits.push(1 << k);
                }
            }
        }
    }
    (needles, bits)
}

/// The flat table of the needles of `gates`, ignoring ASCII case (`ci`) or
/// not. Panics when the states and classes do not fit a `u16` table.
pub(crate) fn table(gates: &[&[&str]], ci: bool) -> Table {
    let (needles, bits) = needle_list(gates);
    // Standard match semantics: every needle's every end is a match
    // state, as an overlapping search sees them.
    let dfa = DFA::builder()
        .ascii_case_insensitive(ci)
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Unanchored)
        .prefilter(false)
        .build(&needles)
        .expect("gate needles build");
    let start = dfa
        .start_state(Anchored::No)
        .expect("the DFA searches unanchored");
    // State numbers by DFA state id (an index into its table).
    let mut number: Vec<Option<usize>> = Vec::new();
    let put = |number: &mut Vec<Option<usize>>, sid: StateID, n: usize| {
        let at = sid.as_usize();
        if number.len() <= at {
            number.resize(at + 1, None);
        }
        match number[at] {
            Some(_) => false,
            None => {
                number[at] = Some(n);
                true
            }
        }
    };
    put(&mut number, start, 0);
    // Only one byte of each of the shared groups is stepped: they have
    // the same column.
    let (group, firsts) = shared_columns(&needles, ci);
    let mut states = vec![start];
    let mut next: Vec<Vec<StateID>> = Vec::new();
    let mut i = 0;
    while i < states.len() {
        let row: Vec<StateID> = firsts
            .iter()
            .map(|&b| dfa.next_state(Anchored::No, states[i], b))
            .collect();
        for &n in &row {
            if put(&mut number, n, states.len()) {
                states.push(n);
            }
        }
        next.push(row);
        i += 1;
    }
    // Classes: bytes whose columns are equal.
    let mut class2 = [0u8; 256];
    let mut reps: Vec<usize> = Vec::new();
    for b in 0..256 {
        let g = usize::from(group[b]);
        let c = match reps.iter().position(|&r| {
            let h = usize::from(group[r]);
            h == g || next.iter().all(|row| row[h] == row[g])
        }) {
            Some(c) => c,
            None => {
                reps.push(b);
                reps.len() - 1
            }
        };
        class2[b] = u8::try_from(2 * c).expect("at most 128 classes");
    }
    let stride = 2 * reps.len();
    assert!(
        states.len() * stride <= usize::from(u16::MAX) + 1,
        "{} states of {stride} entries overflow a u16 table",
        states.len()
    );
    let gates_at: Vec<u64> = states
        .iter()
        .map(|&sid| {
            if !(dfa.is_special(sid) && dfa.is_match(sid)) {
                return 0;
            }
            (0..dfa.match_len(sid))
                .map(|k| bits[dfa.match_pattern(sid, k).as_usize()])
                .fold(0, |a, r| a | r)
        })
        .collect();
    let entry = |sid: StateID| {
        let n = number[sid.as_usize()].expect("every state was numbered");
        let marked = dfa.is_special(sid) && dfa.is_match(sid);
        u16::try_from(n * stride + usize::from(marked)).expect("fits by the check above")
    };
    let mut trans = vec![0u16; states.len() * stride];
    for (s, row) in next.iter().enumerate() {
        for (c, &b) in reps.iter().enumerate() {
            let e = entry(row[usize::from(group[b])]);
            // From a marked state the mark stays (see `super::Scan`).
            trans[s * stride + 2 * c] = e;
            trans[s * stride + 2 * c + 1] = e | 1;
        }
    }
    Table {
        class2,
        trans,
        stride,
        gates_at,
        longest: needles.iter().map(|n| n.len()).max().unwrap_or(1),
    }
}

/// Bytes that step every state of the needle automaton alike, found from
/// the needles alone: each byte's group (numbered in byte order) and the
/// first byte of each group. A byte in no needle leads every state back to
/// the start (nothing can go on with it), and under `ci` a letter goes
/// where its other case goes; every other byte is a group of its own.
pub(crate) fn shared_columns(needles: &[&str], ci: bool) -> ([u8; 256], Vec<u8>) {
    let mut used = [false; 256];
    for &b in needles.iter().flat_map(|n| n.as_bytes()) {
        used[usize::from(b)] = true;
        if ci {
            used[usize::from(b.to_ascii_lowercase())] = true;
            used[usize::from(b.to_ascii_uppercase())] = true;
        }
    }
    let mut group = [0u8; 256];
    let mut firsts: Vec<u8> = Vec::new();
    let mut unused: Option<u8> = None;
    for b in 0..=255u8 {
        let same = if !used[usize::from(b)] {
            unused
        } else if ci && b.is_ascii_lowercase() {
            Some(group[usize::from(b.to_ascii_uppercase())])
        } else {
            None
        };
        group[usize::from(b)] = match same {
            Some(g) => g,
            None => {
                let g = u8::try_from(firsts.len()).expect("at most 256 groups");
                firsts.push(b);
                if !used[usize::from(b)] {
                    unused = Some(g);
                }
                g
            }
        };
    }
    (group, firsts)
}
