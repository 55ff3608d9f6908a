//! The command line, declared with clap. Doc comments become `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use lede::Encoding;

/// Exit codes, shown in `--help` and the man page.
const EXIT_CODES: &str = "\
Exit codes:
  0    every input was read and analysed (also when stdout is closed early, as by `| head`)
  1    at least one input failed (it is reported and the batch goes on), or a directory
       held nothing to read; `check` found a difference; `lint` found a problem at or
       above --fail-on. With --input jsonl a bad record exits 0 (1 with --strict)
  2    usage error, or lede itself could not run (cannot create --out, cannot write stdout)
  130  interrupted by Ctrl-C";

const EXAMPLES: &str = "\
Examples:
  lede article.txt                  one article -> one JSON object
  cat article.txt | lede --pretty   stdin, pretty-printed
  lede archive/ > all.jsonl         a folder -> JSON Lines, sorted by path
  lede archive/ --out json/         one .json per article, mirroring the folder
  lede --input jsonl < records.jsonl   {\"id\", \"text\"} records in, results out, in order
  lede --format csv archive/ > quotes.csv   the quote table: one row per quote, with its speaker
  lede --format html a.txt > a.html the report page: roles, quotations and speakers, to look at
  lede --offsets chars a.txt        spans in code points, to slice the text in Python
  lede --explain --format json a.txt   why each block got its role and each quote its speaker
  lede check fixtures/ --bless      write the expected output beside each article
  lede lint --format github news/   GitHub Actions annotations";

/// Take plain-text news articles apart into JSON: headline, byline,
/// paragraphs, boilerplate, and quotes with their speakers.
///
/// One input prints one JSON object. Several inputs, or a directory, print
/// JSON Lines: one compact object per article, with its `source`, in path
/// order whatever the number of threads. A bad input becomes an error record
/// `{"source": …, "error": {"kind": …, "message": …}}` and the batch goes on.
#[derive(Debug, Parser)]
#[command(
    name = "lede",
    version,
    args_conflicts_with_subcommands = true,
    after_help = EXIT_CODES,
    after_long_help = format!("{EXAMPLES}\n\n{EXIT_CODES}"),
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub analyze: AnalyzeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare each article's output with its expected JSON file.
    ///
    /// The expected file of `dir/NAME.txt` is `dir/NAME.expected.json`, or
    /// `DIR/<same relative path>/NAME.expected.json` with --expected DIR.
    /// Prints each difference as a JSON pointer with the old and the new
    /// value; exits 1 on any difference or missing file. `source` is not
    /// compared. --bless writes or updates the expected files instead.
    ///
    /// Where there is no NAME.expected.json but a hand-written NAME.expect.json
    /// (the evaluation's gold format, as in the repo's fixtures/), the article
    /// is compared with it as the scorer compares; misses listed in a
    /// known-misses.txt beside it do not fail the check. Gold files are never
    /// blessed over.
    Check(CheckArgs),
    /// Report editorial problems, with rule, line:column, severity and hint.
    ///
    /// Rules: unclosed-quote (error), mismatched-quotes, doubled-word,
    /// missing-space-after-colon, boilerplate-in-body, missing-byline,
    /// missing-headline (warnings), quote-without-speaker (info),
    /// missing-body (error).
    Lint(LintArgs),
    /// Print the JSON Schema (draft 2020-12) of an article's JSON object.
    Schema,
    /// Print a shell completion script.
    ///
    /// bash: lede completions bash > /etc/bash_completion.d/lede
    /// zsh:  lede completions zsh > "${fpath[1]}/_lede"
    /// fish: lede completions fish > ~/.config/fish/completions/lede.fish
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): lede man > lede.1 && man ./lede.1
    Man {
        /// Print the page of this subcommand instead (lede man check > lede-check.1).
        #[arg(value_name = "SUBCOMMAND")]
        subcommand: Option<String>,
    },
}

/// Where articles come from and how they are read.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Files and directories to read (directories recursively); `-` or
    /// nothing reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Which files to take from directories (repeatable; default `*.txt`,
    /// or `*.jsonl` with --input jsonl). Gitignore syntax, matched against
    /// the path below the directory; `!GLOB` excludes (`--glob '!drafts/'`).
    /// Files named on the command line are always read.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,

    /// Like --glob, matching case-insensitively (`--iglob '*.TXT'`).
    #[arg(long, value_name = "GLOB")]
    pub iglob: Vec<String>,

    /// Also walk hidden files and directories (names starting with `.`).
    #[arg(long)]
    pub hidden: bool,

    /// Follow symbolic links to directories while walking (loops are
    /// detected and reported).
    #[arg(short = 'L', long)]
    pub follow: bool,

    /// Decode input as this encoding: utf-8 (strict; the default), any
    /// WHATWG label (windows-1252, iso-8859-2, shift_jis, gb18030, utf-16le,
    /// ...), latin1 (byte for byte), utf-16 (byte order from the BOM), or
    /// auto (detect). Spans then index the decoded UTF-8 text.
    #[arg(long, value_name = "NAME", default_value = "utf-8", value_parser = parse_encoding)]
    pub encoding: Encoding,

    /// Read invalid UTF-8 anyway, each bad sequence replaced by U+FFFD, with
    /// a `lossy_utf8` warning (for text cut mid-character by a renderer).
    #[arg(long, conflicts_with = "encoding")]
    pub lossy: bool,

    /// Skip inputs larger than this (an error record says so). Accepts K, M,
    /// G suffixes (powers of 1024); 0 means no limit. With --input jsonl it
    /// applies to each record line.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,
}

impl InputArgs {
    /// The decoding asked for: --encoding, or lossy UTF-8 with --lossy.
    pub fn decoding(&self) -> Encoding {
        if self.lossy {
            Encoding::Utf8Lossy
        } else {
            self.encoding
        }
    }
}

/// How a run behaves, for every subcommand.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Run")]
pub struct RunArgs {
    /// Threads to use (0: one per core).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,

    /// No progress bar and no summary line on stderr (errors are still reported).
    #[arg(short, long)]
    pub quiet: bool,

    /// Colour human-readable output: auto (on a terminal, unless NO_COLOR
    /// is set or TERM=dumb), always, never. JSON is never coloured.
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub records: RecordArgs,

    #[command(flatten)]
    pub run: RunArgs,
}

/// What the main command prints or writes.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format: json (the default); text (a readable summary with the
    /// quotations and their speakers); csv or tsv (a quote table: one row per
    /// quote, header first); markdown (the clean article); html (a
    /// self-contained report page). With --explain: text or json.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// The unit of span offsets: bytes (UTF-8, the default), chars (Unicode
    /// code points, as Python indexes a str) or utf16 (UTF-16 code units, as
    /// JavaScript indexes a string). Applies to JSON, the csv/tsv start and
    /// end columns, and --explain.
    #[arg(long, value_enum, value_name = "UNIT", default_value_t = Offsets::Bytes)]
    pub offsets: Offsets,

    /// Pretty-print the JSON object (one input only, or the files of --out).
    #[arg(long, conflicts_with = "jsonl")]
    pub pretty: bool,

    /// Print JSON Lines (one compact object per line) even for one input.
    #[arg(long)]
    pub jsonl: bool,

    /// Instead of the analysis, print each block's span, role and the rule
    /// that decided it, and each quote's speaker, candidates and why one
    /// won; as JSON Lines with --format json.
    #[arg(long, conflicts_with = "out")]
    pub explain: bool,

    /// Write one DIR/<relative path>.json per article, mirroring the input
    /// tree, atomically (temp file + rename); inputs are never overwritten.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Record mode: JSON Lines in, JSON Lines out.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Record mode")]
pub struct RecordArgs {
    /// What the inputs hold: text (one article per file), or jsonl (one
    /// JSON record per line, as {"id": …, "text": …}).
    #[arg(long = "input", value_name = "KIND", value_enum, default_value_t = InputKind::Text)]
    pub input_kind: InputKind,

    /// With --input jsonl: the field holding the record's id (copied to `source`).
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,

    /// With --input jsonl: the field holding the article text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,

    /// With --input jsonl: exit 1 when a record is bad. By default a bad
    /// record is an error record in the stream and the exit status stays 0,
    /// so that Spark or Hadoop do not fail a whole task for one record.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Look for expected files in DIR (mirroring the input tree) instead of
    /// beside each article.
    #[arg(long, value_name = "DIR")]
    pub expected: Option<PathBuf>,

    /// Write or update the expected files from the current output.
    #[arg(long)]
    pub bless: bool,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: text, json (one line per article), or github
    /// (GitHub Actions workflow commands: ::error file=…,line=…,col=…::…).
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    pub format: LintFormat,

    /// Exit 1 when a finding has this severity or a higher one.
    #[arg(long, value_name = "SEVERITY", value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
    Csv,
    Tsv,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Offsets {
    Bytes,
    Chars,
    Utf16,
}

impl Offsets {
    pub fn unit(self) -> lede::render::offsets::Unit {
        use lede::render::offsets::Unit;
        match self {
            Offsets::Bytes => Unit::Bytes,
            Offsets::Chars => Unit::Chars,
            Offsets::Utf16 => Unit::Utf16,
        }
    }
}

impl OutputArgs {
    /// The format asked for, json when none was.
    pub fn format(&self) -> Format {
        self.format.unwrap_or(Format::Json)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    Text,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Text,
    Json,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    s.parse::<Encoding>().map_err(|e| e.to_string())
}

/// `1234`, `64K`, `64M`, `1G`, `64MiB`, `64MB` (all powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("'{s}' is not a size (try 1048576, 512K, 64M or 1G)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("unknown size unit in '{s}' (use K, M or G)")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("'{s}' is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2KiB"), Ok(2048));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5X").is_err());
    }
}
