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
mod utf8;

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
        write_record(&mut self.inner, bytes)?;
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

/// Records this long or longer go to standard output as they are, not
/// through its buffer: an article's JSON (a few kilobytes to a few tens of
/// them, made whole by the worker) was copied into the buffer and then
/// out of it, and most of the output's bytes are in such records.
const DIRECT_RECORD: usize = 8 * 1024;

/// Write `bytes` to `out` after what it holds: a short record into its
/// buffer, a long one ([`DIRECT_RECORD`]) straight to its sink once the
/// buffer is emptied, so that the records keep their order.
fn write_record<W: Write>(out: &mut BufWriter<W>, bytes: &[u8]) -> io::Result<()> {
    if bytes.len() < DIRECT_RECORD {
        return out.write_all(bytes);
    }
    if !out.buffer().is_empty() {
        out.flush()?;
    }
    out.get_mut().write_all(bytes)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A sink that keeps each write apart.
    #[derive(Default)]
    struct Writes(Vec<Vec<u8>>);

    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.push(buf.to_vec());
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Short and long records, mixed, come out whole and in order; a long
    /// record reaches the sink as one write of its own (not copied into
    /// the buffer), after the short ones buffered before it.
    #[test]
    fn long_records_pass_the_buffer_in_order() {
        let mut out = BufWriter::with_capacity(64 * 1024, Writes::default());
        let short = |k: u8| vec![b'a' + k; 100];
        let long = |k: u8| vec![b'A' + k; DIRECT_RECORD + usize::from(k)];
        let records = [short(0), short(1), long(0), long(1), short(2), long(2)];
        for r in &records {
            write_record(&mut out, r).unwrap();
        }
        out.flush().unwrap();
        let writes = out.into_inner().ok().unwrap().0;
        assert_eq!(writes.concat(), records.concat());
        let mut expected = vec![records[..2].concat()];
        expected.extend([records[2].clone(), records[3].clone(), records[4].clone()]);
        expected.push(records[5].clone());
        assert_eq!(writes, expected);
    }
}
