//! `lede check`: golden files. Compares each article's output with its
//! expected JSON and prints what changed, field by field; `--bless` writes
//! the expected files instead.
//!
//! Two kinds of expected file are understood. `NAME.expected.json` holds
//! lede's whole output and is compared exactly (and written by --bless).
//! `NAME.expect.json`, used when there is no `NAME.expected.json`, is a
//! hand-written gold file in the evaluation's format (headline, authors,
//! paragraphs, boilerplate, quotes and speakers), compared the way the
//! scorer compares ([`lede::gold::misses`]) and never overwritten. Misses
//! listed in a `known-misses.txt` beside it (`NAME: miss`, one a line) are
//! counted but do not fail the check.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use lede::check::{diff, Change, Difference};
use serde_json::Value;

use super::args::CheckArgs;
use super::inputs::{self, Fault, Input, Selection};
use super::out;
use super::progress::Progress;
use super::term::{self, sanitize, Paint};
use super::{batch, guard, usage, Stdout};

enum Outcome {
    Same,
    /// Against a gold file: the misses not listed as known, and how many
    /// known ones there were.
    Gold {
        misses: Vec<String>,
        known: usize,
    },
    Differs(Vec<Difference>),
    Missing,
    Written {
        created: bool,
    },
}

struct Done {
    display: String,
    expected: PathBuf,
    bytes: u64,
    result: Result<Outcome, Fault>,
}

pub fn run(args: CheckArgs) -> Result<ExitCode> {
    let selection = Selection::new(&args.input, "*.txt")?;
    if args.input.paths.is_empty() || selection.reads_stdin() {
        return Err(usage(
            "lede check needs files or directories (an expected file is found from the article's path)",
        ));
    }
    batch::stop_on_ctrl_c();
    let paint = Paint {
        on: term::stdout_color(args.run.color),
    };
    let pool = batch::pool(args.run.jobs)?;
    // The list of known misses is the check's own file, not an article.
    let articles = || {
        selection
            .iter()
            .filter(|i| i.explicit || i.rel.file_name() != Some(KNOWN_MISSES.as_ref()))
    };
    let mut progress = Progress::new(!args.run.quiet, || Some(articles().count() as u64));
    let (encoding, max_bytes, bless) = (args.input.decoding(), args.input.max_bytes, args.bless);
    let expected_dir = args.expected.as_deref();
    let work = |input: Input| {
        let expected = expected_path(&input, expected_dir);
        let mut bytes = 0;
        let result = check_one(&input, &expected, encoding, max_bytes, bless, &mut bytes);
        Done {
            display: input.display(),
            expected,
            bytes,
            result,
        }
    };
    let mut stdout = Stdout::new();
    let (mut same, mut differ, mut missing, mut written) = (0u64, 0u64, 0u64, 0u64);
    let mut known_misses = 0;
    let outcome = batch::ordered(&pool, articles(), work, |done: Done| {
        progress.done(done.bytes, done.result.is_ok());
        let name = sanitize(&done.display).into_owned();
        let expected = sanitize(&done.expected.to_string_lossy()).into_owned();
        let text = match done.result {
            Err(fault) => {
                progress.error(&done.display, &fault.message);
                return Ok(());
            }
            Ok(Outcome::Same) => {
                same += 1;
                return Ok(());
            }
            Ok(Outcome::Gold { misses, known }) => {
                known_misses += known;
                if misses.is_empty() {
                    same += 1;
                    return Ok(());
                }
                differ += 1;
                render_misses(&name, &expected, &misses, paint)
            }
            Ok(Outcome::Missing) => {
                missing += 1;
                format!(
                    "{} {name}: no expected file {expected} (create it with lede check --bless)\n",
                    paint.red("missing")
                )
            }
            Ok(Outcome::Written { created }) => {
                written += 1;
                let verb = if created { "created" } else { "updated" };
                format!("{} {expected}\n", paint.green(verb))
            }
            Ok(Outcome::Differs(diffs)) => {
                differ += 1;
                render_diff(&name, &expected, &diffs, paint)
            }
        };
        stdout.record(text.as_bytes())?;
        Ok(())
    });
    progress.finish();
    outcome?;
    stdout.flush()?;
    let failed = progress.failed;
    if !args.run.quiet {
        let mut line = if bless {
            format!(
                "lede check: {}: {written} expected files written, {same} unchanged, {failed} failed",
                super::lint::count(progress.articles, "article")
            )
        } else {
            let known = match known_misses {
                0 => String::new(),
                1 => format!(" (1 known miss listed in {KNOWN_MISSES})"),
                n => format!(" ({n} known misses listed in {KNOWN_MISSES})"),
            };
            format!(
                "lede check: {}: {same} same{known}, {differ} differ, {missing} missing, {failed} failed",
                super::lint::count(progress.articles, "article")
            )
        };
        if batch::interrupted() {
            line.push_str(" (interrupted: the rest were skipped)");
        }
        progress.line(&line);
    }
    let nothing = selection.nothing_matched();
    for message in &nothing {
        progress.line(message);
    }
    Ok(super::exit_code(
        failed > 0 || differ > 0 || missing > 0 || !nothing.is_empty(),
    ))
}

/// Where the expected file of an input is: `NAME.expected.json`, or the
/// gold file `NAME.expect.json` when only that one exists.
fn expected_path(input: &Input, dir: Option<&Path>) -> PathBuf {
    let full = match (dir, &input.path) {
        (Some(dir), _) => out::expected_name(&dir.join(&input.rel)),
        (None, Some(path)) => out::expected_name(path),
        (None, None) => PathBuf::from("stdin.expected.json"),
    };
    if full.exists() {
        return full;
    }
    let gold = gold_name(&full);
    if gold.is_file() {
        gold
    } else {
        full
    }
}

/// `x/a.expected.json` -> `x/a.expect.json`.
fn gold_name(expected: &Path) -> PathBuf {
    let name = expected
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let stem = name.strip_suffix(".expected.json").unwrap_or(&name);
    expected.with_file_name(format!("{stem}{GOLD_SUFFIX}"))
}

const GOLD_SUFFIX: &str = ".expect.json";
const KNOWN_MISSES: &str = "known-misses.txt";

fn is_gold(expected: &Path) -> bool {
    expected
        .file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(GOLD_SUFFIX))
}

/// Compare with a gold file; misses listed in `known-misses.txt` beside it
/// as `NAME: miss` are set apart.
fn check_gold(expected: &Path, gold: &Value, actual: &Value) -> Outcome {
    let mut misses = lede::gold::misses(gold, actual);
    let name = expected
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let name = name.strip_suffix(GOLD_SUFFIX).unwrap_or(&name).to_string();
    let list = expected.with_file_name(KNOWN_MISSES);
    let listed = std::fs::read_to_string(list).unwrap_or_default();
    let prefix = format!("{name}: ");
    let known: std::collections::HashSet<&str> = listed
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .collect();
    let before = misses.len();
    misses.retain(|m| !known.contains(m.as_str()));
    Outcome::Gold {
        known: before - misses.len(),
        misses,
    }
}

/// A gold-file report: `differs NAME: 2 misses against NAME.expect.json`
/// and one line per miss.
fn render_misses(name: &str, expected: &str, misses: &[String], p: Paint) -> String {
    let mut s = String::new();
    let plural = if misses.len() == 1 { "" } else { "es" };
    let _ = writeln!(
        s,
        "{} {name}: {} miss{plural} against the gold file {expected}",
        p.red("differs"),
        misses.len()
    );
    for m in misses {
        let _ = writeln!(s, "  {}", sanitize(m));
    }
    s
}

fn check_one(
    input: &Input,
    expected: &Path,
    encoding: lede::Encoding,
    max_bytes: u64,
    bless: bool,
    count: &mut u64,
) -> Result<Outcome, Fault> {
    let bytes = inputs::read(input, max_bytes)?;
    *count = bytes.len() as u64;
    let text = inputs::decode(&bytes, encoding)?;
    let mut analysis = guard::run(|| lede::analyze(&text))?;
    analysis
        .warnings
        .extend(inputs::lossy_warning(&bytes, encoding));
    // `source` depends on how the path was spelled: it is not compared.
    let mut actual = serde_json::to_value(&analysis)
        .map_err(|e| Fault::new("internal", format!("cannot serialise the result: {e}")))?;
    if let Some(fields) = actual.as_object_mut() {
        fields.insert("source".into(), Value::Null);
    }
    let old = match std::fs::read(expected) {
        Ok(old) => Some(old),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(Fault::new(
                "expected",
                format!(
                    "cannot read {}: {}",
                    expected.to_string_lossy(),
                    inputs::plain_io_message(&e)
                ),
            ))
        }
    };
    let old: Option<Value> = match old {
        None => None,
        Some(bytes) => match serde_json::from_slice(&bytes) {
            Ok(v) => Some(v),
            // A broken expected file can be blessed over; otherwise say so.
            Err(_) if bless => None,
            Err(e) => {
                return Err(Fault::new(
                    "expected",
                    format!("{} is not valid JSON: {e}", expected.to_string_lossy()),
                ))
            }
        },
    };
    if is_gold(expected) {
        // Hand-written: compared, never blessed over.
        return match &old {
            Some(gold) => Ok(check_gold(expected, gold, &actual)),
            None => Err(Fault::new(
                "expected",
                format!("{} is not valid JSON", expected.to_string_lossy()),
            )),
        };
    }
    let differences = match &old {
        Some(old) => {
            let mut old = old.clone();
            if let Some(fields) = old.as_object_mut() {
                fields.insert("source".into(), Value::Null);
            }
            diff(&old, &actual)
        }
        None => Vec::new(),
    };
    if bless {
        if old.is_some() && differences.is_empty() {
            return Ok(Outcome::Same);
        }
        let mut bytes = serde_json::to_vec_pretty(&actual)
            .map_err(|e| Fault::new("internal", format!("cannot serialise the result: {e}")))?;
        bytes.push(b'\n');
        out::write_file(expected, |w| w.write_all(&bytes))?;
        return Ok(Outcome::Written {
            created: old.is_none(),
        });
    }
    Ok(match old {
        None => Outcome::Missing,
        Some(_) if differences.is_empty() => Outcome::Same,
        Some(_) => Outcome::Differs(differences),
    })
}

/// A difference report:
///
/// ```text
/// differs fixtures/a.txt: 2 differences from fixtures/a.expected.json
///   /paragraphs/3/text
///     - "old words"
///     + "new words"
///   spans moved by -1 byte: /byline /paragraphs/0 /paragraphs/1
/// ```
///
/// A span whose two ends moved by the same amount (text inserted or
/// deleted before it) is listed on one line per amount, not one per number.
fn render_diff(name: &str, expected: &str, diffs: &[Difference], p: Paint) -> String {
    let mut s = String::new();
    let plural = if diffs.len() == 1 { "" } else { "s" };
    let _ = writeln!(
        s,
        "{} {name}: {} difference{plural} from {expected}",
        p.red("differs"),
        diffs.len()
    );
    let mut moved: Vec<(i64, Vec<&str>)> = Vec::new();
    let mut i = 0;
    while i < diffs.len() {
        if let Some((element, delta)) = span_shift(&diffs[i..]) {
            match moved.iter_mut().find(|(d, _)| *d == delta) {
                Some((_, list)) => list.push(element),
                None => moved.push((delta, vec![element])),
            }
            i += 2;
            continue;
        }
        let d = &diffs[i];
        i += 1;
        let (label, old, new) = match &d.change {
            Change::Changed { old, new } => ("", Some(old), Some(new)),
            Change::Added { new } => (" (added)", None, Some(new)),
            Change::Removed { old } => (" (removed)", Some(old), None),
        };
        let _ = writeln!(s, "  {}{}", p.bold(&sanitize(&d.path)), p.dim(label));
        if let Some(old) = old {
            let _ = writeln!(s, "    {}", p.red(&format!("- {}", brief(old))));
        }
        if let Some(new) = new {
            let _ = writeln!(s, "    {}", p.green(&format!("+ {}", brief(new))));
        }
    }
    for (delta, elements) in moved {
        let unit = if delta.abs() == 1 { "byte" } else { "bytes" };
        let _ = writeln!(
            s,
            "  {} {}",
            p.dim(&format!("spans moved by {delta:+} {unit}:")),
            sanitize(&elements.join(" "))
        );
    }
    s
}

/// When `diffs` starts with `E/span/0` and `E/span/1` both moved by the same
/// amount: `E` and the amount.
fn span_shift(diffs: &[Difference]) -> Option<(&str, i64)> {
    let [a, b, ..] = diffs else { return None };
    let element = a.path.strip_suffix("/span/0")?;
    if b.path.strip_suffix("/span/1") != Some(element) {
        return None;
    }
    let delta = |d: &Difference| match &d.change {
        Change::Changed { old, new } => Some(new.as_i64()? - old.as_i64()?),
        _ => None,
    };
    let (da, db) = (delta(a)?, delta(b)?);
    (da == db && da != 0).then_some((element, da))
}

/// A value as compact JSON, cut to a readable length.
fn brief(v: &Value) -> String {
    const MAX: usize = 160;
    let text = v.to_string();
    let text = sanitize(&text);
    if text.chars().count() <= MAX {
        text.into_owned()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}
