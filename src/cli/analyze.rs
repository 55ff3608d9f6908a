//! `lede [OPTIONS] [PATH...]`: analyse articles and print or write the results.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::args::{AnalyzeArgs, Format, InputKind};
use super::inputs::{self, Fault, Input, Selection};
use super::out::{self, Targets};
use super::progress::Progress;
use super::render::{Emit, Meta, Style};
use super::term::{self, Paint};
use super::{batch, guard, records, usage, Stdout};

/// How each article is rendered.
#[derive(Debug, Clone, Copy)]
enum Render {
    /// One object (the whole output), optionally pretty.
    Object { pretty: bool },
    /// A stream: JSON Lines, text, a table, Markdown, HTML, `--explain`.
    Emit(Emit),
    /// `--out DIR`: files, nothing on stdout.
    Files { pretty: bool },
}

/// What one input gave.
struct Done {
    source: Option<String>,
    display: String,
    bytes: u64,
    result: Result<Output, Fault>,
}

/// An article's rendering, ready for standard output.
/// Articles up to this size are written as JSON by the worker that
/// analysed them (quotations are attributed as the JSON is written, so this
/// is a large part of the work: done by the single writer it capped `-j`'s
/// speed-up); larger ones are written by the writer straight into standard
/// output, so their JSON (two to ten times the input) is never held. The
/// JSON held for the articles in flight stays under about 16 a thread ×
/// this × 10.
const INLINE_JSON_BYTES: u64 = 64 * 1024;

enum Output {
    /// Rendered by the worker (JSON Lines, text, files): a batch's records
    /// are small, and rendering them in parallel keeps the writer quick.
    Bytes(Vec<u8>),
    /// One article as JSON (one object, or a line of JSON Lines),
    /// serialised by the writer straight into standard output from its
    /// spans (see `lede::stream`): neither the JSON (two to ten times the
    /// input) nor the texts of the elements are held.
    Object {
        article: Box<lede::stream::Article>,
        pretty: bool,
    },
}

pub fn run(args: AnalyzeArgs) -> Result<ExitCode> {
    if args.records.input_kind == InputKind::Jsonl {
        return records::run(args);
    }
    let selection = Selection::new(&args.input, "*.txt")?;
    selection.hint_stdin(!args.input.paths.is_empty(), "an article");
    let stream = args.output.jsonl || selection.is_batch();
    if args.output.out.is_some() {
        if selection.reads_stdin() {
            return Err(usage(
                "--out needs files or directories to mirror, not standard input",
            ));
        }
        if args.output.format() != Format::Json || args.output.jsonl {
            return Err(usage(
                "--out writes JSON files; it cannot be used with another --format or --jsonl",
            ));
        }
    } else if args.output.pretty && stream {
        return Err(usage(
            "--pretty prints one object; several inputs or a directory give JSON Lines (one compact object per line)",
        ));
    }
    let paint = Paint {
        on: term::stdout_color(args.run.color),
    };
    let render = match &args.output.out {
        Some(_) => Render::Files {
            pretty: args.output.pretty,
        },
        None if args.output.format() == Format::Json && !args.output.explain && !stream => {
            Render::Object {
                pretty: args.output.pretty,
            }
        }
        None => Render::Emit(Emit::new(&args.output, paint, stream).map_err(usage)?),
    };
    let offsets = args.output.offsets.unit();
    if !selection.reads_stdin() {
        // Before the --out folder is probed with a temp file.
        batch::stop_on_ctrl_c();
    }
    let out_dir = match &args.output.out {
        Some(dir) => {
            out::prepare_dir(dir)?;
            Some(dir.as_path())
        }
        None => None,
    };
    let batch_run = stream || out_dir.is_some();
    let pool = batch::pool(args.run.jobs)?;
    let mut progress = Progress::new(batch_run && !args.run.quiet, || {
        Some(selection.iter().count() as u64)
    });
    let mut targets = Targets::new(&selection);
    let items = selection.iter().map(|input| {
        let target = out_dir.map(|dir| {
            let t = out::mirror(dir, &input.rel, "json");
            targets.claim(&t).map(|()| t)
        });
        (input, target)
    });
    let (encoding, max_bytes) = (args.input.decoding(), args.input.max_bytes);
    let work = |(input, target): (Input, Option<Result<PathBuf, Fault>>)| {
        let mut bytes = 0;
        let result = analyze_one(
            &input, target, encoding, max_bytes, render, offsets, &mut bytes,
        );
        Done {
            source: input.source(),
            display: input.display(),
            bytes,
            result,
        }
    };
    let mut stdout = Stdout::new();
    if let Render::Emit(emit) = render {
        stdout.record(&emit.prologue())?;
    }
    let outcome = batch::ordered(&pool, items, work, |done: Done| {
        progress.done(done.bytes, done.result.is_ok());
        match done.result {
            Ok(Output::Bytes(bytes)) => stdout.record(&bytes)?,
            Ok(Output::Object { article, pretty }) => {
                // A bug in the attribution done while writing fails this
                // input, not the batch (its record may be cut short).
                match guard::run(|| stdout.article(&article, pretty)) {
                    Ok(written) => written?,
                    Err(fault) => {
                        progress.failed += 1;
                        progress.error(&done.display, &fault.message);
                        stdout.record(b"\n")?;
                    }
                }
            }
            Err(fault) => {
                progress.error(&done.display, &fault.message);
                if let Some(bytes) = match render {
                    Render::Emit(emit) => emit.error(done.source, None, fault),
                    _ => None,
                } {
                    stdout.record(&bytes)?;
                }
            }
        }
        Ok(())
    });
    progress.finish();
    outcome?;
    if let Render::Emit(emit) = render {
        stdout.record(&emit.epilogue())?;
    }
    stdout.flush()?;
    if batch_run && !args.run.quiet {
        progress.line(&progress.summary("article", batch::interrupted()));
    }
    let nothing = selection.nothing_matched();
    for message in &nothing {
        progress.line(message);
    }
    if lede::stage_times::ENABLED {
        eprint!("{}", lede::stage_times::report());
    }
    Ok(super::exit_code(progress.failed > 0 || !nothing.is_empty()))
}

fn analyze_one(
    input: &Input,
    target: Option<Result<PathBuf, Fault>>,
    encoding: lede::Encoding,
    max_bytes: u64,
    render: Render,
    offsets: lede::render::offsets::Unit,
    count: &mut u64,
) -> Result<Output, Fault> {
    let target = target.transpose()?;
    let bytes = inputs::read(input, max_bytes)?;
    *count = bytes.len() as u64;
    let meta = || Meta {
        source: input.source(),
        warnings: inputs::lossy_warning(&bytes, encoding)
            .into_iter()
            .collect(),
    };
    let (pretty, lines) = match render {
        Render::Object { pretty } | Render::Files { pretty } => (pretty, false),
        Render::Emit(emit) if emit.style == Style::Lines => (false, true),
        Render::Emit(emit) => {
            let text = inputs::decode(&bytes, encoding)?;
            return emit.article(text, meta()).map(Output::Bytes);
        }
    };
    let meta = meta();
    let text = inputs::decode_owned(bytes, encoding)?;
    let mut article = guard::run(|| lede::stream::analyze(text))?;
    article.set_source(meta.source);
    article.add_warnings(meta.warnings);
    article.set_offsets(offsets);
    match (render, target) {
        (Render::Files { .. }, Some(target)) => {
            // Streamed into the file: no buffer of the whole JSON.
            out::write_file(&target, |w| {
                article.write_json(&mut *w, pretty)?;
                w.write_all(b"\n")
            })?;
            Ok(Output::Bytes(Vec::new()))
        }
        (Render::Files { .. }, None) => Err(Fault::new("internal", "no output path")),
        _ => {
            debug_assert!(lines || matches!(render, Render::Object { .. }));
            if *count <= INLINE_JSON_BYTES {
                // Written here, in parallel, under the guard: the writer
                // only copies the bytes.
                let json = Vec::with_capacity(*count as usize * 4);
                let mut json = guard::run(|| article.append_json(json, pretty))?
                    .map_err(|e| Fault::new("internal", format!("cannot write JSON: {e}")))?;
                json.push(b'\n');
                return Ok(Output::Bytes(json));
            }
            Ok(Output::Object {
                article: Box::new(article),
                pretty,
            })
        }
    }
}
