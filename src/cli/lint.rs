//! `lede lint`: editorial problems as text, JSON Lines or GitHub annotations.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use lede::lint::{Finding, Severity};
use serde::Serialize;

use super::args::{FailOn, LintArgs, LintFormat};
use super::inputs::{self, ErrorRecord, Fault, Input, Selection};
use super::progress::Progress;
use super::term::{self, sanitize, Paint};
use super::{batch, guard, Stdout};

struct Done {
    source: Option<String>,
    display: String,
    bytes: u64,
    result: Result<Vec<Finding>, Fault>,
}

/// `--format json`: one line per article.
#[derive(Serialize)]
struct Report<'a> {
    source: Option<&'a str>,
    findings: &'a [Finding],
}

pub fn run(args: LintArgs) -> Result<ExitCode> {
    let selection = Selection::new(&args.input, "*.txt")?;
    if !selection.reads_stdin() {
        batch::stop_on_ctrl_c();
    }
    let paint = Paint {
        on: args.format == LintFormat::Text && term::stdout_color(args.run.color),
    };
    let pool = batch::pool(args.run.jobs)?;
    let wanted = !args.run.quiet && selection.is_batch();
    let mut progress = Progress::new(wanted, || Some(selection.iter().count() as u64));
    let (encoding, max_bytes) = (args.input.decoding(), args.input.max_bytes);
    let work = |input: Input| {
        let mut bytes = 0;
        let result = lint_one(&input, encoding, max_bytes, &mut bytes);
        Done {
            source: input.source(),
            display: input.display(),
            bytes,
            result,
        }
    };
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let mut counts = [0u64; 3];
    let mut failing = false;
    let mut stdout = Stdout::new();
    let format = args.format;
    let outcome = batch::ordered(&pool, selection.iter(), work, |done: Done| {
        progress.done(done.bytes, done.result.is_ok());
        let text = match done.result {
            Err(fault) => {
                progress.error(&done.display, &fault.message);
                match format {
                    LintFormat::Text => String::new(),
                    LintFormat::Json => {
                        String::from_utf8_lossy(&ErrorRecord::line(done.source, None, fault))
                            .into_owned()
                    }
                    LintFormat::Github => format!(
                        "::error file={}::{}\n",
                        property(&done.display),
                        data(&fault.message)
                    ),
                }
            }
            Ok(findings) => {
                for f in &findings {
                    counts[f.severity as usize] += 1;
                    failing |= threshold.is_some_and(|t| f.severity >= t);
                }
                render(
                    format,
                    &done.display,
                    done.source.as_deref(),
                    &findings,
                    paint,
                )
            }
        };
        stdout.record(text.as_bytes())?;
        Ok(())
    });
    progress.finish();
    outcome?;
    stdout.flush()?;
    if !args.run.quiet && !batch::interrupted() {
        let [info, warning, error] = counts;
        progress.line(&format!(
            "lede lint: {} ({} failed): {}, {}, {info} info",
            count(progress.articles, "article"),
            progress.failed,
            count(error, "error"),
            count(warning, "warning"),
        ));
    }
    let nothing = selection.nothing_matched();
    for message in &nothing {
        progress.line(message);
    }
    Ok(super::exit_code(
        failing || progress.failed > 0 || !nothing.is_empty(),
    ))
}

fn lint_one(
    input: &Input,
    encoding: lede::Encoding,
    max_bytes: u64,
    count: &mut u64,
) -> Result<Vec<Finding>, Fault> {
    let bytes = inputs::read(input, max_bytes)?;
    *count = bytes.len() as u64;
    let text = inputs::decode(&bytes, encoding)?;
    guard::run(|| {
        let analysis = lede::analyze(&text);
        lede::lint::lint(&text, &analysis)
    })
}

fn render(
    format: LintFormat,
    display: &str,
    source: Option<&str>,
    findings: &[Finding],
    p: Paint,
) -> String {
    let mut s = String::new();
    match format {
        LintFormat::Json => {
            let report = Report { source, findings };
            s = serde_json::to_string(&report).unwrap_or_default();
            s.push('\n');
        }
        LintFormat::Text => {
            let name = sanitize(display);
            for f in findings {
                let severity = match f.severity {
                    Severity::Error => p.red("error"),
                    Severity::Warning => p.yellow("warning"),
                    Severity::Info => p.cyan("info"),
                };
                let _ = writeln!(
                    s,
                    "{}: {severity}[{}]: {}",
                    p.bold(&format!("{name}:{}:{}", f.line, f.column)),
                    f.rule,
                    sanitize(&f.message)
                );
                let _ = writeln!(s, "    {} {}", p.dim("hint:"), sanitize(&f.hint));
            }
        }
        LintFormat::Github => {
            for f in findings {
                let command = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let _ = writeln!(
                    s,
                    "::{command} file={},line={},col={},title={}::{} (hint: {})",
                    property(display),
                    f.line,
                    f.column,
                    property(&format!("lede {}", f.rule)),
                    data(&f.message),
                    data(&f.hint)
                );
            }
        }
    }
    s
}

/// "1 article", "2 articles".
pub fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Escape the message of a GitHub workflow command.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a GitHub workflow command.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
