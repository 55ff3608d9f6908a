//! Progress on stderr: a bar only when stderr is a terminal, error lines,
//! and the one-line summary at the end of a batch.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::term;

/// Counts of a run, and the bar that shows them.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    pub articles: u64,
    pub failed: u64,
    pub bytes: u64,
}

impl Progress {
    /// A bar is drawn when `wanted` (a batch, not --quiet) and stderr is a
    /// terminal; `total` gives it a length, `None` a spinner.
    pub fn new(wanted: bool, total: impl FnOnce() -> Option<u64>) -> Progress {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = match total() {
                Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr())
                    .with_style(
                        ProgressStyle::with_template(
                            "{bar:30} {pos}/{len} articles, {msg} [{elapsed_precise} < {eta}]",
                        )
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                    ),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                    .with_style(
                        ProgressStyle::with_template(
                            "{spinner} {pos} articles, {msg} [{elapsed_precise}]",
                        )
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    ),
            };
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            articles: 0,
            failed: 0,
            bytes: 0,
        }
    }

    /// Count one finished article.
    pub fn done(&mut self, bytes: u64, ok: bool) {
        self.articles += 1;
        self.bytes += bytes;
        if !ok {
            self.failed += 1;
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if self.failed > 0 {
                bar.set_message(format!("{} failed", self.failed));
            }
        }
    }

    /// Print one line on stderr without tearing the bar.
    pub fn line(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| term::eprint_line(line)),
            None => term::eprint_line(line),
        }
    }

    /// Report a failed input: `lede: error: SOURCE: MESSAGE`.
    pub fn error(&self, source: &str, message: &str) {
        self.line(&format!(
            "lede: error: {}: {}",
            term::sanitize(source),
            term::sanitize(message)
        ));
    }

    /// Remove the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// "lede: 160 articles (3 failed), 1.2 MiB in 0.84 s, 1.43 MiB/s", in
    /// binary units as --max-bytes takes them; after Ctrl-C it starts
    /// "lede: interrupted after".
    pub fn summary(&self, noun: &str, interrupted: bool) -> String {
        let seconds = self.start.elapsed().as_secs_f64();
        let mib = self.bytes as f64 / MIB;
        let rate = if seconds > 0.0 { mib / seconds } else { 0.0 };
        let plural = if self.articles == 1 { "" } else { "s" };
        let head = if interrupted {
            "lede: interrupted after"
        } else {
            "lede:"
        };
        format!(
            "{head} {} {noun}{plural} ({} failed), {} in {seconds:.2} s, {rate:.2} MiB/s",
            self.articles,
            self.failed,
            size(self.bytes)
        )
    }
}

const MIB: f64 = 1024.0 * 1024.0;

/// A size in KiB under 100 KiB, else in MiB.
fn size(bytes: u64) -> String {
    if bytes < 100 * 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", bytes as f64 / MIB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_in_binary_units() {
        let mut p = Progress::new(false, || None);
        p.done(2048, true);
        p.done(0, false);
        let s = p.summary("article", false);
        assert!(
            s.starts_with("lede: 2 articles (1 failed), 2.0 KiB in "),
            "{s}"
        );
        assert!(s.ends_with(" MiB/s"), "{s}");
        p.done(3 * 1024 * 1024, true);
        let s = p.summary("record", true);
        assert!(
            s.starts_with("lede: interrupted after 3 records (1 failed), 3.0 MiB in "),
            "{s}"
        );
    }
}
