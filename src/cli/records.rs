//! `--input jsonl`: records in, results out, in order, streaming.
//!
//! Each input line is a JSON object such as `{"id": "a1", "text": "…"}`
//! (field names from --id-field and --text-field). Each record gives one
//! output line: the article's object with the id as `source` (a string id
//! as is, a number or other value as its JSON text exactly as written, a
//! missing or null id as `null`), or an error record. Blank lines are
//! skipped; a UTF-8 byte-order mark opening an input is dropped. Lines are
//! read with a bounded buffer, so one huge line cannot exhaust memory.
//!
//! A distributed engine (Spark's `RDD.pipe`, Hadoop Streaming) fails a whole
//! task on a non-zero exit, so a bad *record* is an error record in the
//! stream and the exit status stays 0; only an input that cannot be read at
//! all (a missing file) exits 1. `--strict` makes bad records exit 1 too.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::process::ExitCode;

use anyhow::Result;
use serde_json::value::RawValue;

use super::args::AnalyzeArgs;
use super::inputs::{self, Fault, Input, Selection};
use super::progress::Progress;
use super::render::{Emit, Meta};
use super::term::{self, Paint};
use super::{batch, usage, Stdout};

/// One line of one input, or a fault met opening or reading it.
struct Record {
    /// The input's name for messages (`<stdin>`, a path).
    name: String,
    /// 1-based line number; 0 for a fault on the whole input.
    number: usize,
    line: Result<Vec<u8>, Fault>,
    /// For a fault on a whole file: its path (the error record's source).
    file: Option<String>,
}

impl super::batch::Weigh for Record {
    fn weight(&self) -> u64 {
        self.line.as_ref().map_or(0, |l| l.len() as u64)
    }
}

struct Done {
    source: Option<String>,
    /// The record's line, for the error record (0: the whole input).
    number: usize,
    display: String,
    bytes: u64,
    result: Result<Vec<u8>, Fault>,
}

pub fn run(args: AnalyzeArgs) -> Result<ExitCode> {
    if args.output.out.is_some() || args.output.explain || args.output.pretty {
        return Err(usage(
            "--input jsonl writes a stream to stdout; --out, --explain and --pretty do not apply",
        ));
    }
    let paint = Paint {
        on: term::stdout_color(args.run.color),
    };
    let emit = Emit::new(&args.output, paint, true).map_err(usage)?;
    if args.input.decoding() != lede::Encoding::Utf8 {
        return Err(usage(
            "--input jsonl reads UTF-8 JSON; --encoding and --lossy apply to text files only",
        ));
    }
    let selection = Selection::new(&args.input, "*.jsonl")?;
    selection.hint_stdin(!args.input.paths.is_empty(), "JSON records");
    if !selection.reads_stdin() {
        batch::stop_on_ctrl_c();
    }
    let pool = batch::pool(args.run.jobs)?;
    let mut progress = Progress::new(!args.run.quiet, || None);
    let limit = usize::try_from(args.input.max_bytes)
        .ok()
        .filter(|&n| n > 0)
        .unwrap_or(usize::MAX);
    let items = selection
        .iter()
        .flat_map(move |input| lines_of(input, limit));
    let (id_field, text_field) = (
        args.records.id_field.as_str(),
        args.records.text_field.as_str(),
    );
    let work = |record: Record| {
        let bytes = record.line.as_ref().map_or(0, |l| l.len() as u64);
        let mut source = record.file.clone();
        let result =
            analyze_record(&record, id_field, text_field, &emit, &mut source).map_err(|f| {
                if record.number == 0 {
                    return f;
                }
                let id = match (&record.file, &source) {
                    (None, Some(id)) => format!(" (id {})", serde_json::Value::String(id.clone())),
                    _ => String::new(),
                };
                Fault::new(f.kind, format!("line {}{id}: {}", record.number, f.message))
            });
        Done {
            source,
            number: record.number,
            display: record.name,
            bytes,
            result,
        }
    };
    let mut stdout = Stdout::new();
    stdout.record(&emit.prologue())?;
    // Inputs that could not be read at all (as opposed to bad records).
    let mut unreadable = 0u64;
    let outcome = batch::ordered(&pool, items, work, |done: Done| {
        progress.done(done.bytes, done.result.is_ok());
        match done.result {
            Ok(bytes) => stdout.record(&bytes)?,
            Err(fault) => {
                if done.number == 0 || fault.kind == "io" {
                    unreadable += 1;
                }
                progress.error(&done.display, &fault.message);
                let line = (done.number > 0).then_some(done.number as u64);
                if let Some(bytes) = emit.error(done.source, line, fault) {
                    stdout.record(&bytes)?;
                }
            }
        }
        Ok(())
    });
    progress.finish();
    outcome?;
    stdout.record(&emit.epilogue())?;
    stdout.flush()?;
    if !args.run.quiet {
        progress.line(&progress.summary("record", batch::interrupted()));
    }
    let failed = if args.records.strict {
        progress.failed
    } else {
        unreadable
    };
    let nothing = selection.nothing_matched();
    for message in &nothing {
        progress.line(message);
    }
    Ok(super::exit_code(failed > 0 || !nothing.is_empty()))
}

fn analyze_record(
    record: &Record,
    id_field: &str,
    text_field: &str,
    emit: &Emit,
    source: &mut Option<String>,
) -> Result<Vec<u8>, Fault> {
    let line = record.line.as_ref().map_err(Clone::clone)?;
    // JavaScript and Python write a lone UTF-16 surrogate as `\ud800`; serde
    // refuses it, so it becomes U+FFFD first (and the result says so).
    let (line, replaced) = match replace_lone_surrogates(line) {
        Some(fixed) => (Cow::Owned(fixed), true),
        None => (Cow::Borrowed(line.as_slice()), false),
    };
    let fields: HashMap<Cow<str>, &RawValue> = match serde_json::from_slice(&line) {
        Ok(fields) => fields,
        Err(e) => {
            *source = scan_id(&line, id_field);
            let message = if e.classify() == serde_json::error::Category::Data {
                "a record must be a JSON object".to_string()
            } else {
                format!("not valid JSON: {e}")
            };
            return Err(Fault::new("bad_record", message));
        }
    };
    *source = fields.get(id_field).and_then(|raw| id_text(raw));
    let text: Cow<str> = match fields.get(text_field) {
        Some(raw) => serde_json::from_str(raw.get()).map_err(|_| {
            Fault::new(
                "bad_record",
                format!("field \"{text_field}\" is not a string"),
            )
        })?,
        None => {
            return Err(Fault::new(
                "bad_record",
                format!("no \"{text_field}\" field (choose it with --text-field)"),
            ))
        }
    };
    // (A NUL is refused as in a file; the text is not copied again.)
    let text = inputs::decode_owned(text.into_owned().into_bytes(), lede::Encoding::Utf8)?;
    let warnings = replaced.then(|| lede::model::Warning {
        code: "lone_surrogate".into(),
        message: "the record held a lone UTF-16 surrogate escape; it was replaced by U+FFFD".into(),
        span: None,
    });
    emit.article(
        Cow::Owned(text),
        Meta {
            source: source.clone(),
            warnings: warnings.into_iter().collect(),
        },
    )
}

/// An id as `source`: a string as is, `null` as none, anything else (a
/// number, true, an object) as its JSON text exactly as written, so that
/// `12345678901234567890123` is not rounded into a float.
fn id_text(raw: &RawValue) -> Option<String> {
    let text = raw.get().trim();
    match text.as_bytes().first() {
        Some(b'"') => serde_json::from_str(text).ok(),
        _ if text == "null" => None,
        _ => Some(text.to_string()),
    }
}

/// The id of a record that is not valid JSON, found leniently: the first
/// `"ID_FIELD"` followed by `:` and a string or a number. One pass.
fn scan_id(line: &[u8], id_field: &str) -> Option<String> {
    let key = serde_json::to_string(id_field).ok()?;
    let finder = memchr::memmem::Finder::new(key.as_bytes());
    for at in finder.find_iter(line) {
        let rest = &line[at + key.len()..];
        let rest = rest.trim_ascii_start();
        let Some(rest) = rest.strip_prefix(b":") else {
            continue;
        };
        let rest = rest.trim_ascii_start();
        // Only a string or a number: each parse then stops at the next quote
        // or non-digit, so the scan stays linear whatever the line holds.
        let first = rest.first().copied();
        if !(first == Some(b'"') || first.is_some_and(|b| b == b'-' || b.is_ascii_digit())) {
            continue;
        }
        let mut de = serde_json::Deserializer::from_slice(rest);
        let id: Option<Box<RawValue>> = serde::Deserialize::deserialize(&mut de).ok();
        if let Some(id) = id {
            return id_text(&id);
        }
    }
    None
}

/// `line` with every `\uD800`–`\uDFFF` escape that is not half of a
/// surrogate pair replaced by `\uFFFD`, or `None` when there is none. A
/// backslash only ever stands inside a string in JSON, so escapes are
/// found without tracking strings: each `\\` is skipped as a pair.
fn replace_lone_surrogates(line: &[u8]) -> Option<Vec<u8>> {
    fn unit(b: &[u8]) -> Option<u16> {
        if b.len() < 6 || b[0] != b'\\' || b[1] != b'u' {
            return None;
        }
        let hex = std::str::from_utf8(&b[2..6]).ok()?;
        u16::from_str_radix(hex, 16).ok()
    }
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &line[i..]) {
        let at = i + k;
        let Some(u) = unit(&line[at..]) else {
            i = at + 2; // `\\`, `\"`, `\n`...: the escaped byte is skipped too
            continue;
        };
        let len = match u {
            0xD800..=0xDBFF => match unit(&line[at + 6..]) {
                Some(0xDC00..=0xDFFF) => 12,
                _ => 0,
            },
            0xDC00..=0xDFFF => 0,
            _ => 6,
        };
        if len > 0 {
            i = at + len;
            continue;
        }
        let buf = out.get_or_insert_with(|| Vec::with_capacity(line.len()));
        buf.extend_from_slice(&line[copied..at]);
        buf.extend_from_slice(b"\\ufffd");
        copied = at + 6;
        i = at + 6;
    }
    let mut buf = out?;
    buf.extend_from_slice(&line[copied..]);
    Some(buf)
}

/// The records of one input, lazily.
fn lines_of(input: Input, limit: usize) -> Box<dyn Iterator<Item = Record>> {
    let name = input.display();
    let failed = |fault: Fault| -> Box<dyn Iterator<Item = Record>> {
        Box::new(std::iter::once(Record {
            name: name.clone(),
            number: 0,
            line: Err(fault),
            file: input.source(),
        }))
    };
    if let Some(f) = input.fault.clone() {
        return failed(f);
    }
    let reader: Box<dyn BufRead> = match &input.path {
        None => Box::new(BufReader::with_capacity(256 * 1024, io::stdin())),
        Some(path) => match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                return failed(Fault::new("is_directory", "is a directory, not a file"))
            }
            Ok(m) if !m.is_file() && !input.explicit => {
                return failed(Fault::new("not_a_file", "not a regular file"))
            }
            Err(e) => return failed(inputs::io_fault(path, &e)),
            Ok(_) => match File::open(path) {
                Ok(f) => Box::new(BufReader::with_capacity(256 * 1024, f)),
                Err(e) => return failed(inputs::io_fault(path, &e)),
            },
        },
    };
    Box::new(Lines {
        reader,
        name,
        number: 0,
        limit,
        done: false,
    })
}

/// Lines of a reader, each at most `limit` bytes kept; longer ones become a
/// `too_large` fault and their rest is skipped without being stored.
struct Lines {
    reader: Box<dyn BufRead>,
    name: String,
    number: usize,
    limit: usize,
    done: bool,
}

impl Iterator for Lines {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            let mut line = Vec::new();
            let mut size = 0usize;
            let mut seen = false;
            loop {
                let available = match self.reader.fill_buf() {
                    Ok(b) => b,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.done = true;
                        self.number += 1;
                        return Some(Record {
                            name: self.name.clone(),
                            number: self.number,
                            line: Err(Fault::new("io", inputs::plain_io_message(&e))),
                            file: None,
                        });
                    }
                };
                if available.is_empty() {
                    self.done = true;
                    break;
                }
                seen = true;
                let (piece, used, end) = match memchr::memchr(b'\n', available) {
                    Some(i) => (&available[..i], i + 1, true),
                    None => (available, available.len(), false),
                };
                size += piece.len();
                if size <= self.limit {
                    line.extend_from_slice(piece);
                } else if !line.is_empty() {
                    line = Vec::new();
                }
                self.reader.consume(used);
                if end {
                    break;
                }
            }
            if !seen {
                return None;
            }
            self.number += 1;
            if size > self.limit {
                return Some(Record {
                    name: self.name.clone(),
                    number: self.number,
                    line: Err(inputs::too_large(Some(size as u64), self.limit as u64)),
                    file: None,
                });
            }
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            if self.number == 1 && line.starts_with(lede::input::BOM.as_bytes()) {
                line.drain(..lede::input::BOM.len());
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Record {
                name: self.name.clone(),
                number: self.number,
                line: Ok(line),
                file: None,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &'static [u8], limit: usize) -> Vec<Result<Vec<u8>, &'static str>> {
        Lines {
            reader: Box::new(text),
            name: "t".into(),
            number: 0,
            limit,
            done: false,
        }
        .map(|r| r.line.map_err(|f| f.kind))
        .collect()
    }

    #[test]
    fn bounded_lines() {
        assert_eq!(
            lines(b"ab\r\n\n  \ncdefgh\nij", 4),
            [Ok(b"ab".to_vec()), Err("too_large"), Ok(b"ij".to_vec())]
        );
        assert!(lines(b"", 4).is_empty());
        assert_eq!(
            lines(b"\xef\xbb\xbf{}\n\xef\xbb\xbf{}", 9),
            [Ok(b"{}".to_vec()), Ok(b"\xef\xbb\xbf{}".to_vec())],
            "only the input's first line loses its BOM"
        );
    }

    #[test]
    fn lone_surrogates_are_replaced_and_pairs_kept() {
        let fix =
            |s: &str| replace_lone_surrogates(s.as_bytes()).map(|v| String::from_utf8(v).unwrap());
        assert_eq!(fix(r#"{"t": "a\ud83d\ude00b"}"#), None);
        assert_eq!(fix(r#"{"t": "a\\ud800 \n"}"#), None);
        assert_eq!(
            fix(r#"{"t": "a\ud800b"}"#).as_deref(),
            Some(r#"{"t": "a\ufffdb"}"#)
        );
        assert_eq!(
            fix(r#"{"t": "\uDC00\ud800\ud800\udc00"}"#).as_deref(),
            Some(r#"{"t": "\ufffd\ufffd\ud800\udc00"}"#)
        );
        assert_eq!(
            fix(r#"{"t": "end\ud800"}"#).as_deref(),
            Some(r#"{"t": "end\ufffd"}"#)
        );
    }

    #[test]
    fn ids_are_kept_as_written() {
        let raw = |s: &str| RawValue::from_string(s.to_string()).unwrap();
        assert_eq!(
            id_text(&raw("12345678901234567890123")).as_deref(),
            Some("12345678901234567890123")
        );
        assert_eq!(id_text(&raw("1.50")).as_deref(), Some("1.50"));
        assert_eq!(id_text(&raw(r#""a\"b""#)).as_deref(), Some("a\"b"));
        assert_eq!(id_text(&raw("null")), None);
        assert_eq!(
            scan_id(br#"{"id": 00042, "text": "oops"#, "id").as_deref(),
            None
        );
        assert_eq!(
            scan_id(br#"{"text": "x", "id" : "k-9", "#, "id").as_deref(),
            Some("k-9")
        );
        assert_eq!(
            scan_id(br#"{"id": 17, "text": "unterminated"#, "id").as_deref(),
            Some("17")
        );
        assert_eq!(scan_id(br#"{"id": [1], "text": "#, "id"), None);
    }
}
