//! The `lede` binary: arguments, I/O, parallelism, exit codes. The library
//! returns data; everything that touches a terminal or a file lives here.

mod analyze;
mod args;
mod batch;
mod check;
mod generate;
mod guard;
mod human;
mod inputs;
mod lint;
mod memory;
mod out;
mod progress;
mod records;
mod render;
mod signals;
mod term;

use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, Parser};

use args::{Cli, Command};

/// Every input was read and analysed.
pub const SUCCESS: u8 = 0;
/// At least one input failed, `check` found a difference, or `lint` a problem.
pub const FAILURE: u8 = 1;
/// Usage error, or lede could not run.
pub const USAGE: u8 = 2;
/// Stopped by Ctrl-C (128 + SIGINT), SIGTERM or SIGHUP.
pub const INTERRUPTED: u8 = 130;

/// The one exit point: run, then turn the result into an exit code.
pub fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::from(SUCCESS);
            }
            if let Some(clap_err) = err.downcast_ref::<clap::Error>() {
                let _ = clap_err.print();
                return ExitCode::from(u8::try_from(clap_err.exit_code()).unwrap_or(USAGE));
            }
            term::eprint_line(&format!("lede: {}", term::sanitize(&format!("{err:#}"))));
            ExitCode::from(USAGE)
        }
    }
}

fn run() -> Result<ExitCode> {
    memory::fix_mmap_threshold();
    guard::install();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.exit_code() == 0 && !io::stdout().is_terminal() => {
            // --help and --version: their text is the output, so a closed
            // or full standard output fails the run like an analysis's
            // would (a closed pipe, `| head`, is still success).
            let mut out = Stdout::new();
            out.record(e.render().to_string().as_bytes())?;
            out.flush()?;
            return Ok(ExitCode::from(SUCCESS));
        }
        Err(e) => {
            // Usage errors go to stderr; help on a terminal in colour.
            let _ = e.print();
            return Ok(ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(USAGE)));
        }
    };
    match cli.command {
        None => analyze::run(cli.analyze),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Lint(args)) => lint::run(args),
        Some(Command::Schema) => generate::schema(),
        Some(Command::Completions { shell }) => generate::completions(shell),
        Some(Command::Man { subcommand }) => generate::man(subcommand.as_deref()),
    }
}

/// A usage error found after parsing, printed the way clap prints its own.
pub fn usage(message: impl std::fmt::Display) -> anyhow::Error {
    let err = Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message);
    anyhow::Error::new(err)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Standard output, locked and buffered: line by line on a terminal (so
/// results show as they come), in blocks otherwise.
pub struct Stdout {
    inner: BufWriter<out::StdoutSink<StdoutLock<'static>>>,
    line_buffered: bool,
}

impl Stdout {
    pub fn new() -> Stdout {
        let out = io::stdout();
        let line_buffered = out.is_terminal();
        Stdout {
            inner: BufWriter::with_capacity(64 * 1024, out::StdoutSink::new(out.lock())),
            line_buffered,
        }
    }

    /// Write one complete record (its bytes end with a newline).
    pub fn record(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.inner.write_all(bytes)?;
        if self.line_buffered {
            self.inner.flush()?;
        }
        Ok(())
    }

    /// Write `article` as one JSON record, compact or pretty, then a
    /// newline.
    pub fn article(&mut self, article: &lede::stream::Article, pretty: bool) -> io::Result<()> {
        article.write_json(&mut self.inner, pretty)?;
        self.record(b"\n")
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The exit code for a run with `failed` failures (or an interruption).
pub fn exit_code(failed: bool) -> ExitCode {
    if batch::interrupted() {
        ExitCode::from(INTERRUPTED)
    } else if failed {
        ExitCode::from(FAILURE)
    } else {
        ExitCode::from(SUCCESS)
    }
}
