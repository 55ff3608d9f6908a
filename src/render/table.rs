//! The quote table: one row per quote of the body, for spreadsheets and
//! data frames (`--format csv`, `--format tsv`).
//!
//! Columns, in order: `source` (the path or record id; empty for stdin),
//! `paragraph` (0-based index into `paragraphs`), `quotation` (pieces of one
//! quotation that runs over several paragraphs share it, one row each),
//! `speaker`, `speaker_mention`, `cue`, `text`, `start`, `end` (the quote's
//! span, in the unit chosen with `--offsets`). A `null` is an empty field.
//! A header row comes first, once per stream.
//!
//! CSV follows RFC 4180: fields are separated by commas, records end with
//! CRLF, and a field holding a comma, a double quote, CR or LF is enclosed in
//! double quotes with its quotes doubled (`He said "no"` → `"He said ""no"""`).
//!
//! TSV has no quoting at all: fields are separated by tabs, records end with
//! LF, and a backslash, tab, LF or CR inside a field is written `\\`, `\t`,
//! `\n`, `\r` (the convention of PostgreSQL's `COPY` and of "linear TSV"), so
//! every row is one line with the same number of tabs. A double quote is an
//! ordinary character: read TSV with quoting off (Python `csv` with
//! `quoting=csv.QUOTE_NONE`, pandas with `quoting=3`).

use std::io::{self, Write};

use crate::model::Analysis;

/// The two table dialects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// RFC 4180 comma-separated values.
    Csv,
    /// Tab-separated values with backslash escapes.
    Tsv,
}

/// The column names, in order.
pub const COLUMNS: [&str; 9] = [
    "source",
    "paragraph",
    "quotation",
    "speaker",
    "speaker_mention",
    "cue",
    "text",
    "start",
    "end",
];

impl Dialect {
    fn separator(self) -> &'static [u8] {
        match self {
            Dialect::Csv => b",",
            Dialect::Tsv => b"\t",
        }
    }

    fn end_of_row(self) -> &'static [u8] {
        match self {
            Dialect::Csv => b"\r\n",
            Dialect::Tsv => b"\n",
        }
    }

    fn field(self, w: &mut impl Write, value: &str) -> io::Result<()> {
        match self {
            Dialect::Csv => {
                if value.contains([',', '"', '\r', '\n']) {
                    w.write_all(b"\"")?;
                    w.write_all(value.replace('"', "\"\"").as_bytes())?;
                    w.write_all(b"\"")
                } else {
                    w.write_all(value.as_bytes())
                }
            }
            Dialect::Tsv => {
                let mut rest = value;
                while let Some(i) = rest.find(['\\', '\t', '\n', '\r']) {
                    w.write_all(&rest.as_bytes()[..i])?;
                    w.write_all(match rest.as_bytes()[i] {
                        b'\\' => b"\\\\",
                        b'\t' => b"\\t",
                        b'\n' => b"\\n",
                        _ => b"\\r",
                    })?;
                    rest = &rest[i + 1..];
                }
                w.write_all(rest.as_bytes())
            }
        }
    }

    fn row<'a>(
        self,
        w: &mut impl Write,
        fields: impl IntoIterator<Item = &'a str>,
    ) -> io::Result<()> {
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                w.write_all(self.separator())?;
            }
            self.field(w, f)?;
        }
        w.write_all(self.end_of_row())
    }

    /// Write the header row.
    pub fn header(self, w: &mut impl Write) -> io::Result<()> {
        self.row(w, COLUMNS)
    }

    /// Write one row per quote of the body of `a`, in reading order.
    pub fn rows(self, w: &mut impl Write, a: &Analysis) -> io::Result<()> {
        let source = a.source.as_deref().unwrap_or("");
        for q in &a.quotes {
            let paragraph = q.paragraph.map(|p| p.to_string()).unwrap_or_default();
            let (quotation, start, end) = (
                q.quotation.to_string(),
                q.span.start.to_string(),
                q.span.end.to_string(),
            );
            self.row(
                w,
                [
                    source,
                    &paragraph,
                    &quotation,
                    q.speaker.as_deref().unwrap_or(""),
                    q.speaker_mention.as_deref().unwrap_or(""),
                    q.cue.as_deref().unwrap_or(""),
                    &q.text,
                    &start,
                    &end,
                ],
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(d: Dialect, v: &str) -> String {
        let mut out = Vec::new();
        d.field(&mut out, v).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(field(Dialect::Csv, "plain words"), "plain words");
        assert_eq!(field(Dialect::Csv, "a, b"), "\"a, b\"");
        assert_eq!(field(Dialect::Csv, "say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field(Dialect::Csv, "two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn tsv_escapes_separators_and_backslashes() {
        assert_eq!(
            field(Dialect::Tsv, "a\tb\nc\rd\\e \"f\""),
            "a\\tb\\nc\\rd\\\\e \"f\""
        );
    }

    /// An RFC 4180 reader for one record, to read back what was written.
    fn read_csv(line: &str) -> Vec<String> {
        let (mut fields, mut field, mut quoted, mut chars) =
            (Vec::new(), String::new(), false, line.chars().peekable());
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => fields.push(std::mem::take(&mut field)),
                (_, c) => field.push(c),
            }
        }
        fields.push(field);
        fields
    }

    fn read_tsv(line: &str) -> Vec<String> {
        line.split('\t')
            .map(|f| {
                let (mut out, mut chars) = (String::new(), f.chars());
                while let Some(c) = chars.next() {
                    if c != '\\' {
                        out.push(c);
                        continue;
                    }
                    match chars.next() {
                        Some('t') => out.push('\t'),
                        Some('n') => out.push('\n'),
                        Some('r') => out.push('\r'),
                        Some(other) => out.push(other),
                        None => {}
                    }
                }
                out
            })
            .collect()
    }

    proptest::proptest! {
        /// Any fields: written as a row and read back, they are the same.
        #[test]
        fn rows_read_back_as_written(fields in proptest::collection::vec("(\\PC|[,\"\t\r\n\\\\]){0,12}", 1..6)) {
            for d in [Dialect::Csv, Dialect::Tsv] {
                let mut out = Vec::new();
                d.row(&mut out, fields.iter().map(String::as_str)).unwrap();
                let text = String::from_utf8(out).unwrap();
                let line = text.strip_suffix(std::str::from_utf8(d.end_of_row()).unwrap()).unwrap();
                let back = match d {
                    Dialect::Csv => read_csv(line),
                    Dialect::Tsv => {
                        proptest::prop_assert!(!line.contains(['\n', '\r']));
                        read_tsv(line)
                    }
                };
                proptest::prop_assert_eq!(&back, &fields);
            }
        }
    }

    #[test]
    fn one_row_per_quote_with_a_header() {
        let a = crate::analyze(
            "Bridge opens\n\nBy Ann Lee\n\nThe bridge opened on Monday after a long wait for the town.\n\n\
             \"It is ready, at last,\" said Tom Bax, the engineer.\n",
        );
        let mut out = Vec::new();
        Dialect::Csv.header(&mut out).unwrap();
        Dialect::Csv.rows(&mut out, &a).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(rows[0], COLUMNS.join(","));
        assert_eq!(rows.len(), 1 + a.quotes.len());
        assert!(rows[1].starts_with(",1,0,Tom Bax,"), "{}", rows[1]);
        assert!(
            rows[1].contains(",\"It is ready, at last\","),
            "{}",
            rows[1]
        );
    }
}
