//! Streamed renderings of the analysis: JSON Lines, text, the quote table,
//! Markdown, the HTML report and `--explain`. A run writes [`Emit::prologue`]
//! once (the table's header, the page's head), then each article's bytes,
//! rendered by the workers in parallel, in input order, then
//! [`Emit::epilogue`]. File and record mode share it.

use std::borrow::Cow;

use lede::model::Warning;
use lede::render::offsets::{self, Unit};
use lede::render::{explain, html, markdown, table};

use super::args::{Format, OutputArgs};
use super::guard;
use super::human;
use super::inputs::{ErrorRecord, Fault};
use super::term::Paint;

/// What the CLI adds to an article's analysis: where it came from, and
/// warnings about how it was read.
#[derive(Debug, Default)]
pub struct Meta {
    pub source: Option<String>,
    pub warnings: Vec<Warning>,
}

/// What each article becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// One compact JSON object per line.
    Lines,
    /// The readable summary.
    Text,
    /// A quote table.
    Table(table::Dialect),
    /// The clean article.
    Markdown,
    /// The report page.
    Html,
    /// Blocks' rules and quotes' speakers: text, or JSON Lines.
    Explain { json: bool },
}

/// How a run renders its articles.
#[derive(Debug, Clone, Copy)]
pub struct Emit {
    pub style: Style,
    pub offsets: Unit,
    pub paint: Paint,
    /// Several articles in one stream (text separates them).
    pub batch: bool,
}

impl Emit {
    /// The rendering `output` asks for in a stream (the one-object and
    /// `--out` cases are the caller's), or a usage message.
    pub fn new(output: &OutputArgs, paint: Paint, batch: bool) -> Result<Emit, &'static str> {
        let format = output.format();
        if output.pretty && (format != Format::Json || output.explain) {
            return Err(
                "--pretty indents JSON; it does not apply to --explain or another --format",
            );
        }
        if output.jsonl && (format != Format::Json || output.explain) {
            return Err("--jsonl prints the JSON analysis; it does not apply to --explain or another --format");
        }
        let style = match (output.explain, format) {
            (true, Format::Json) if output.format.is_some() => Style::Explain { json: true },
            (true, Format::Json | Format::Text) => Style::Explain { json: false },
            (true, _) => return Err("--explain prints text, or JSON Lines with --format json"),
            (false, Format::Json) => Style::Lines,
            (false, Format::Text) => Style::Text,
            (false, Format::Csv) => Style::Table(table::Dialect::Csv),
            (false, Format::Tsv) => Style::Table(table::Dialect::Tsv),
            (false, Format::Markdown) => Style::Markdown,
            (false, Format::Html) => Style::Html,
        };
        Ok(Emit {
            style,
            offsets: output.offsets.unit(),
            paint,
            batch,
        })
    }

    /// What comes before the first article.
    pub fn prologue(&self) -> Vec<u8> {
        match self.style {
            Style::Table(d) => {
                let mut v = Vec::new();
                let _ = d.header(&mut v);
                v
            }
            Style::Html => html::begin().into_bytes(),
            _ => Vec::new(),
        }
    }

    /// What comes after the last article.
    pub fn epilogue(&self) -> Vec<u8> {
        match self.style {
            Style::Html => html::end().into_bytes(),
            _ => Vec::new(),
        }
    }

    /// Analyse `text`, complete the analysis with `meta`, and render it.
    pub fn article(&self, text: Cow<'_, str>, meta: Meta) -> Result<Vec<u8>, Fault> {
        if self.style == Style::Lines {
            // Written from spans (see lede::stream), which keeps the text:
            // a record's own (copied only when borrowed), a file's is not
            // here (the caller's own path).
            let text = text.into_owned();
            let bytes = text.len();
            let mut art = guard::run(|| lede::stream::analyze(text))?;
            art.set_source(meta.source);
            art.add_warnings(meta.warnings);
            art.set_offsets(self.offsets);
            let mut v = art
                .append_json(Vec::with_capacity(bytes * 2), false)
                .map_err(|e| Fault::new("internal", format!("cannot serialise the result: {e}")))?;
            v.push(b'\n');
            return Ok(v);
        }
        let text = &*text;
        let finish = |a: &mut lede::Analysis| {
            a.source = meta.source;
            a.warnings.extend(meta.warnings);
        };
        if let Style::Explain { json } = self.style {
            let (mut analysis, blocks, reasons) = guard::run(|| lede::analyze_with_reasons(text))?;
            finish(&mut analysis);
            let mut e = explain::explain(&analysis, blocks, &reasons);
            e.convert(text, self.offsets);
            return if json {
                json_line(&e)
            } else {
                Ok(human::explain(&e, self.batch, self.paint).into_bytes())
            };
        }
        let mut a = guard::run(|| lede::analyze(text))?;
        finish(&mut a);
        // The HTML page slices the input by the spans: it needs bytes.
        if self.style != Style::Html {
            offsets::convert(&mut a, text, self.offsets);
        }
        Ok(match self.style {
            Style::Lines | Style::Explain { .. } => Vec::new(),
            Style::Text => {
                let mut s = human::summary(&a, self.paint);
                if self.batch {
                    s.push('\n');
                }
                s.into_bytes()
            }
            Style::Table(d) => {
                let mut v = Vec::new();
                d.rows(&mut v, &a)
                    .map_err(|e| Fault::new("internal", e.to_string()))?;
                v
            }
            Style::Markdown => {
                let mut s = markdown::article(&a);
                if self.batch {
                    s.push_str("\n---\n\n");
                }
                s.into_bytes()
            }
            Style::Html => html::article(&a, text).into_bytes(),
        })
    }

    /// What stands in the stream in place of an input that failed (stderr
    /// reports it in every format): an error record in JSON Lines, an error
    /// box in the report page, nothing in the others.
    pub fn error(
        &self,
        source: Option<String>,
        line: Option<u64>,
        fault: Fault,
    ) -> Option<Vec<u8>> {
        match self.style {
            Style::Lines | Style::Explain { json: true } => {
                Some(ErrorRecord::line(source, line, fault))
            }
            Style::Html => {
                Some(html::error(source.as_deref(), fault.kind, &fault.message).into_bytes())
            }
            _ => None,
        }
    }
}

fn json_line(value: &impl serde::Serialize) -> Result<Vec<u8>, Fault> {
    let mut v = serde_json::to_vec(value)
        .map_err(|e| Fault::new("internal", format!("cannot serialise the result: {e}")))?;
    v.push(b'\n');
    Ok(v)
}
