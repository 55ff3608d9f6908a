//! `--input jsonl`: records in, results out, in order, streaming.
//!
//! Each input line is a JSON object such as `{"id": "a1", "text": "…"}`
//! (field names from --id-field and --text-field). Each record gives one
//! output line: the article's object with the id as `source` (a string id
//! as is, a number or other value as its JSON text, a missing or null id as
//! `null`), or an error record. Blank lines are skipped. Lines are read with
//! a bounded buffer, so one huge line cannot exhaust memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::process::ExitCode;

use anyhow::Result;
use serde_json::Value;

use super::args::{AnalyzeArgs, Format};
use super::inputs::{self, ErrorRecord, Fault, Input, Selection};
use super::progress::Progress;
use super::{batch, guard, usage, Stdout};

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
    display: String,
    bytes: u64,
    result: Result<Vec<u8>, Fault>,
}

pub fn run(args: AnalyzeArgs) -> Result<ExitCode> {
    if args.output.out.is_some()
        || args.output.explain
        || args.output.pretty
        || args.output.format == Format::Text
    {
        return Err(usage(
            "--input jsonl writes JSON Lines to stdout; --out, --explain, --pretty and --format text do not apply",
        ));
    }
    if args.input.encoding != lede::Encoding::Utf8 {
        return Err(usage(
            "--input jsonl reads UTF-8 JSON; --encoding applies to text files only",
        ));
    }
    let selection = Selection::new(&args.input, "*.jsonl")?;
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
        let result = analyze_record(&record, id_field, text_field, &mut source).map_err(|f| {
            if record.number == 0 {
                return f;
            }
            let id = match (&record.file, &source) {
                (None, Some(id)) => format!(" (id {})", Value::String(id.clone())),
                _ => String::new(),
            };
            Fault::new(f.kind, format!("line {}{id}: {}", record.number, f.message))
        });
        Done {
            source,
            display: record.name,
            bytes,
            result,
        }
    };
    let mut stdout = Stdout::new();
    let outcome = batch::ordered(&pool, items, work, |done: Done| {
        progress.done(done.bytes, done.result.is_ok());
        match done.result {
            Ok(bytes) => stdout.record(&bytes)?,
            Err(fault) => {
                progress.error(&done.display, &fault.message);
                stdout.record(&ErrorRecord::line(done.source, fault))?;
            }
        }
        Ok(())
    });
    progress.finish();
    outcome?;
    stdout.flush()?;
    if !args.run.quiet && !batch::interrupted() {
        progress.line(&progress.summary("record"));
    }
    Ok(super::exit_code(progress.failed > 0))
}

fn analyze_record(
    record: &Record,
    id_field: &str,
    text_field: &str,
    source: &mut Option<String>,
) -> Result<Vec<u8>, Fault> {
    let line = record.line.as_ref().map_err(Clone::clone)?;
    let value: Value = serde_json::from_slice(line)
        .map_err(|e| Fault::new("bad_record", format!("not valid JSON: {e}")))?;
    let Value::Object(fields) = value else {
        return Err(Fault::new("bad_record", "a record must be a JSON object"));
    };
    *source = match fields.get(id_field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    let text = match fields.get(text_field) {
        Some(Value::String(s)) => s,
        Some(_) => {
            return Err(Fault::new(
                "bad_record",
                format!("field \"{text_field}\" is not a string"),
            ))
        }
        None => {
            return Err(Fault::new(
                "bad_record",
                format!("no \"{text_field}\" field (choose it with --text-field)"),
            ))
        }
    };
    let text = inputs::decode(text.as_bytes(), lede::Encoding::Utf8)?;
    let mut analysis = guard::run(|| lede::analyze(&text))?;
    analysis.source = source.clone();
    let mut bytes = serde_json::to_vec(&analysis)
        .map_err(|e| Fault::new("internal", format!("cannot serialise the result: {e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
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
    }
}
