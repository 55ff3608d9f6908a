//! Peak memory of the `lede` binary, bounded by the input (issue 14 F3).
//!
//! Each case writes an input, runs `lede FILE > /dev/null` under
//! `/usr/bin/time -f %M` (peak RSS of the child, in KB) and compares the
//! peak above the constant (lede on a tiny article: binary, tables, thread
//! stacks) with the input's size: ratios, not absolute figures, so the test
//! holds on any machine. `bench/scaling.py` measures every hostile family
//! the same way at two sizes; README "Limits and guarantees" gives figures.

use std::path::Path;
use std::process::{Command, Stdio};

/// Peak RSS in bytes of `lede PATH` with its output thrown away.
fn peak_rss(path: &Path) -> u64 {
    peak_rss_of(&[path.as_os_str()])
}

/// Peak RSS in bytes of `lede ARGS...` with its output thrown away.
fn peak_rss_of(args: &[&std::ffi::OsStr]) -> u64 {
    let time = Path::new("/usr/bin/time");
    assert!(
        time.exists(),
        "/usr/bin/time is needed to measure peak RSS (apt-get install time)"
    );
    let out = Command::new(time)
        .args(["-f", "lede-peak-kb=%M"])
        .arg(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdout(Stdio::null())
        .output()
        .expect("run /usr/bin/time lede");
    assert!(out.status.success(), "lede failed on {args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    let kb: u64 = err
        .lines()
        .find_map(|l| l.strip_prefix("lede-peak-kb="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak RSS in {err:?}"));
    kb * 1024
}

/// Peak RSS of lede on a tiny article: the constant.
fn constant(dir: &Path) -> u64 {
    let tiny = dir.join("tiny.txt");
    std::fs::write(
        &tiny,
        "Council approves bridge plan\n\nBy Jane Doe\n\nThe plan was agreed on Monday.\n",
    )
    .unwrap();
    peak_rss(&tiny)
}

/// Peak RSS of lede on a tiny article that quotes someone: the constant
/// of an input with quotations (the speakers' patterns, some 8 MB of
/// regex programs and caches, are compiled only for an article that
/// quotes someone).
fn constant_quoting(dir: &Path) -> u64 {
    let tiny = dir.join("tiny-quoting.txt");
    std::fs::write(
        &tiny,
        "Council approves bridge plan\n\nBy Jane Doe\n\nThe plan was agreed on Monday. \
         \"We will build it,\" said Sam Lee.\n",
    )
    .unwrap();
    peak_rss(&tiny)
}

/// (peak RSS above the constant) / (input bytes) for `text`.
fn ratio(name: &str, text: &str) -> f64 {
    ratio_above(name, text, constant)
}

/// (peak RSS above the constant `constant` measures) / (input bytes).
fn ratio_above(name: &str, text: &str, constant: fn(&Path) -> u64) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.txt"));
    std::fs::write(&path, text).unwrap();
    let base = constant(dir.path());
    let peak = peak_rss(&path);
    let r = peak.saturating_sub(base) as f64 / text.len() as f64;
    eprintln!(
        "{name}: {} bytes, peak {:.1} MB, constant {:.1} MB, {r:.2}x above it",
        text.len(),
        peak as f64 / 1e6,
        base as f64 / 1e6
    );
    r
}

/// One long paragraph of prose with marks that fold or are wide (bidi
/// controls, zero-width spaces, combining accents, emoji, right-to-left
/// words): the folded text is held once beside the input, and nothing is
/// split whole (a role-line test once split the whole paragraph into word
/// slices: 4-5x the input).
#[test]
fn a_long_paragraph_of_folding_prose_stays_within_3x() {
    let unit = "The \u{202e}ferry\u{202c} timetable\u{7} was \u{200b}changed\u{1} on \
                \u{2066}Friday\u{2069}, caf\u{e9}s o\u{308}pened \u{1f469}\u{200d}\u{1f467} \
                \u{5d4}\u{5de}\u{5e4}\u{5d4} late. ";
    // After a byline, as in an article: the blocks after a byline are
    // tested as role lines ("Political Editor").
    let text = format!(
        "Ferry timetable changes\n\nBy Ann Hale\n\n{}.",
        unit.repeat(4_000_000 / unit.len())
    );
    let r = ratio("folding_prose", &text);
    assert!(r <= 3.0, "peak {r:.2}x the input above the constant");
}

/// A million quotations of three bytes in one paragraph (issue 14 F1/F3):
/// they are found, attributed and written as a stream, a few bits a byte
/// of input and a window of some fifty quotations held, never a record
/// per quotation (144 + 128 bytes a quotation once: 148x a 300 kB
/// paragraph, 95x at 3 MB). Measured 1.6x above the constant at 3 MB.
#[test]
fn a_paragraph_of_a_million_quotations_stays_within_3x() {
    let text = format!(
        "Council approves bridge plan\n\nBy Jane Doe\n\n{}.",
        "\"a ".repeat(1_000_000)
    );
    let r = ratio_above("quotations", &text, constant_quoting);
    assert!(r <= 3.0, "peak {r:.2}x the input above the constant");
}

/// Quotations nested four hundred thousand deep, in double and single marks
/// by turns, then as many closing marks: the same stream, and the words
/// read around the last quotation stay bounded (the run of closing marks
/// after it was once read whole, and a role's phrases were looked for
/// in a list of every word of the paragraph: 7x at 7.5 MB). Measured
/// 2.3x above the constant at 3.6 MB (46x before the stream).
#[test]
fn quotations_nested_deep_stay_within_3x() {
    let depth = 400_000;
    let mut text = String::from(
        "Council approves bridge plan\n\nBy Jane Doe\n\nThe council met on Tuesday, and the leader said ",
    );
    for i in 0..depth {
        text.push_str(if i % 2 == 0 {
            "\u{201c}we "
        } else {
            "\u{2018}we "
        });
    }
    text.push_str("agree");
    for i in (0..depth).rev() {
        text.push(if i % 2 == 0 { '\u{201d}' } else { '\u{2019}' });
    }
    text.push_str(" at the meeting.\n");
    let r = ratio_above("nested", &text, constant_quoting);
    assert!(r <= 3.0, "peak {r:.2}x the input above the constant");
}

/// One-word lines: every line is a block, and a block costs eight bytes
/// (a u32 start and a flags byte in segment, two bytes of facts and a role
/// byte in structure; no line list, no text per block), so 3x the input
/// holds (issue 14: the 60 MB file of `word` lines peaked at 6.25 GB, 1.79
/// GB with 150-byte block records). Measured 2.5x above the constant at
/// 2 MB; at 46x and then 30x it failed. Read at 4 MB: the needle automata
/// of the boilerplate gates (about 1 MB, built once past 16 KB of blocks)
/// are a fixed cost the tiny article of the constant never builds, and
/// since round 3 that article builds no regex either, so at 2 MB they
/// alone made half a byte per input byte.
#[test]
fn one_word_lines_stay_within_3x() {
    let text = "word\n".repeat(800_000);
    let r = ratio("one_word_lines", &text);
    assert!(r <= 3.0, "peak {r:.2}x the input above the constant");
}

/// One-word paragraphs (blank lines between): the same blocks, and the
/// blank lines cost nothing.
#[test]
fn one_word_paragraphs_stay_within_3x() {
    let text = "word\n\n".repeat(400_000);
    let r = ratio("one_word_paragraphs", &text);
    assert!(r <= 3.0, "peak {r:.2}x the input above the constant");
}

/// A batch's window (16 files a thread, or 16 MiB of input) holds each
/// article's input and spans until its turn to be written, not its JSON:
/// for one-word paragraphs the JSON is about ten times the input, and 32
/// files of 240 kB with two threads peaked at 15x their total when the
/// window held JSON Lines (5.9x since).
#[test]
fn a_batch_window_holds_no_json() {
    let dir = tempfile::tempdir().unwrap();
    let base = constant(dir.path());
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let text = "word\n\n".repeat(40_000);
    for i in 0..32 {
        std::fs::write(input.join(format!("{i:02}.txt")), &text).unwrap();
    }
    let total = (32 * text.len()) as f64;
    let peak = peak_rss_of(&[
        "-q".as_ref(),
        "-j".as_ref(),
        "2".as_ref(),
        input.as_os_str(),
    ]);
    let r = peak.saturating_sub(base) as f64 / total;
    eprintln!(
        "batch: {total} bytes in 32 files, peak {:.1} MB, {r:.2}x above the constant",
        peak as f64 / 1e6
    );
    assert!(r <= 8.0, "peak {r:.2}x the inputs above the constant");
}
