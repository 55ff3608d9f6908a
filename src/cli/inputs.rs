//! Which inputs a run reads, and reading one of them with every fault named.
//!
//! Paths are taken in command-line order; a directory expands to the files
//! below it that the globs select, found by the `ignore` crate's parallel
//! walk (as ripgrep and fd do) and then sorted so that the order is the
//! paths' sorted order, component by component, whatever the thread count:
//! the same order as a depth-first walk with each directory's entries sorted
//! by name. A directory's list of paths is held while its files are read
//! (about a hundred bytes a file); the files themselves are read lazily.
//!
//! Globs have gitignore semantics, matched against the path below the
//! directory: `*.txt` matches at any depth, `sub/*.txt` only in `sub`, and
//! `!` excludes (`--glob '!drafts/'` skips a folder). `.gitignore` files are
//! not read: lede reads what it is pointed at.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Result;
use ignore::overrides::{Override, OverrideBuilder};
use ignore::WalkState;
use serde::Serialize;

use super::args::InputArgs;

/// Why one input could not be read or analysed: `kind` is a stable
/// identifier (see the README), `message` a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    /// A stable identifier: `not_found`, `binary`, `invalid_utf8`, ...
    #[schemars(schema_with = "fault_kinds")]
    pub kind: &'static str,
    /// A sentence for people.
    pub message: String,
}

/// Every `kind` a fault can have (the README's table of error kinds).
pub const FAULT_KINDS: &[&str] = &[
    "not_found",
    "permission_denied",
    "io",
    "broken_symlink",
    "symlink_loop",
    "is_directory",
    "not_a_file",
    "too_large",
    "binary",
    "invalid_utf8",
    "utf16",
    "encoding",
    "bad_record",
    "write",
    "output_is_input",
    "output_collision",
    "expected",
    "internal",
];

fn fault_kinds(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "string", "enum": FAULT_KINDS})
}

impl Fault {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Fault {
        debug_assert!(
            FAULT_KINDS.contains(&kind),
            "undocumented fault kind {kind}"
        );
        Fault {
            kind,
            message: message.into(),
        }
    }
}

/// One input to read.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// Where it stands below the directory it was found in; the file name
    /// for a file named on the command line. Used to mirror the tree.
    pub rel: PathBuf,
    /// Named on the command line (then FIFOs and devices are read too).
    pub explicit: bool,
    /// The walk found a regular file here (its directory entry's type, no
    /// `stat` of its own): it is opened first and asked its size after.
    pub regular: bool,
    /// A fault met while walking (an unreadable directory, a symlink loop).
    pub fault: Option<Fault>,
}

impl Input {
    fn stdin() -> Input {
        Input {
            path: None,
            rel: PathBuf::from("stdin"),
            explicit: true,
            regular: false,
            fault: None,
        }
    }

    /// The `source` written into the output: the path as given (joined with
    /// what the walk found), or `None` for standard input.
    pub fn source(&self) -> Option<String> {
        self.path.as_ref().map(|p| p.to_string_lossy().into_owned())
    }

    /// The name used in messages.
    pub fn display(&self) -> String {
        self.source().unwrap_or_else(|| "<stdin>".to_string())
    }
}

/// What to walk and how.
#[derive(Debug)]
pub struct Selection {
    paths: Vec<PathBuf>,
    /// The paths resolved (absolute, links followed), each directory's
    /// with its glob matcher, for [`Selection::selects`].
    roots: Vec<Option<(PathBuf, Option<Override>)>>,
    /// `--glob` and `--iglob` patterns (the default when no positive one is given).
    globs: Vec<String>,
    iglobs: Vec<String>,
    hidden: bool,
    follow: bool,
    /// Directories named on the command line in which nothing was selected.
    empty: Mutex<Vec<PathBuf>>,
}

impl Selection {
    /// Build from the arguments; `default_glob` applies when no --glob or
    /// --iglob selects files (only `!` exclusions were given, or none).
    pub fn new(args: &InputArgs, default_glob: &str) -> Result<Selection> {
        let positive = |g: &String| !g.starts_with('!');
        let mut globs = args.glob.clone();
        if !args.glob.iter().chain(&args.iglob).any(positive) {
            globs.insert(0, default_glob.to_string());
        }
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            args.paths.clone()
        };
        let mut selection = Selection {
            paths,
            roots: Vec::new(),
            globs,
            iglobs: args.iglob.clone(),
            hidden: args.hidden,
            follow: args.follow,
            empty: Mutex::new(Vec::new()),
        };
        // Bad globs are usage errors, found before anything runs.
        selection.overrides(Path::new("."))?;
        let mut roots = Vec::with_capacity(selection.paths.len());
        for path in &selection.paths {
            roots.push(match resolve(path) {
                Some(root) if root.is_dir() => {
                    let globs = selection.overrides(&root)?;
                    Some((root, Some(globs)))
                }
                Some(root) => Some((root, None)),
                None => None,
            });
        }
        selection.roots = roots;
        Ok(selection)
    }

    /// The glob matcher for a directory walked from `root`.
    fn overrides(&self, root: &Path) -> Result<Override> {
        let bad = |e: ignore::Error| super::usage(format!("invalid --glob or --iglob: {e}"));
        let mut builder = OverrideBuilder::new(root);
        for g in &self.globs {
            builder.add(g).map_err(bad)?;
        }
        builder.case_insensitive(true).map_err(bad)?;
        for g in &self.iglobs {
            builder.add(g).map_err(bad)?;
        }
        builder.build().map_err(bad)
    }

    /// The globs that select files, for messages.
    fn describe_globs(&self) -> String {
        let all: Vec<&str> = self
            .globs
            .iter()
            .chain(&self.iglobs)
            .map(String::as_str)
            .collect();
        all.join(" ")
    }

    /// True when standard input is one of the inputs.
    pub fn reads_stdin(&self) -> bool {
        self.paths.iter().any(|p| p.as_os_str() == "-")
    }

    /// True when the output is a stream of several articles: more than one
    /// path, or a directory.
    pub fn is_batch(&self) -> bool {
        self.paths.len() > 1 || self.paths.iter().any(|p| p.is_dir())
    }

    /// True when `path` is, or would be if it existed, an input of this
    /// selection: named on the command line, or found by the walk.
    pub fn selects(&self, path: &Path) -> bool {
        let Some(target) = resolve(path) else {
            return false;
        };
        self.roots.iter().flatten().any(|(root, globs)| {
            if *root == target {
                return true;
            }
            match (target.strip_prefix(root), globs) {
                (Ok(rel), Some(globs)) => {
                    let hidden_ok = self.hidden || !rel.iter().any(is_hidden);
                    hidden_ok && globs.matched(&target, false).is_whitelist()
                }
                _ => false,
            }
        })
    }

    /// Every input, in order; each directory is walked when it is reached.
    pub fn iter(&self) -> impl Iterator<Item = Input> + '_ {
        self.paths.iter().flat_map(move |p| self.expand(p))
    }

    /// After a run: one message for each directory named on the command
    /// line in which no file was selected (a folder of `.md` files, a glob
    /// that excludes everything). Any such directory fails the run.
    pub fn nothing_matched(&self) -> Vec<String> {
        let mut empty = self.empty.lock().map(|e| e.clone()).unwrap_or_default();
        // A count for the progress bar walks too: each directory once.
        let mut seen = std::collections::HashSet::new();
        empty.retain(|dir| seen.insert(dir.clone()));
        let hidden = if self.hidden {
            ""
        } else {
            "; hidden files need --hidden"
        };
        empty
            .iter()
            .map(|dir| {
                format!(
                    "lede: error: {}: no file to read: nothing below it matches {} (choose files with --glob or --iglob{hidden})",
                    super::term::sanitize(&dir.to_string_lossy()),
                    self.describe_globs()
                )
            })
            .collect()
    }

    /// When lede was started with no path on a terminal, say that it is
    /// reading standard input: otherwise it seems to hang.
    /// `what` is what is read: "an article", "JSON records".
    pub fn hint_stdin(&self, explicit_paths: bool, what: &str) {
        use std::io::IsTerminal;
        if !explicit_paths && io::stdin().is_terminal() {
            super::term::eprint_line(&format!(
                "lede: reading {what} from standard input (end with Ctrl-D); to read a file, pass it: lede FILE (lede --help for more)"
            ));
        }
    }

    fn expand(&self, path: &Path) -> Box<dyn Iterator<Item = Input>> {
        if path.as_os_str() == "-" {
            return Box::new(std::iter::once(Input::stdin()));
        }
        if !path.is_dir() {
            let rel = path.file_name().map_or_else(|| path.into(), PathBuf::from);
            return Box::new(std::iter::once(Input {
                path: Some(path.to_path_buf()),
                rel,
                explicit: true,
                regular: false,
                fault: None,
            }));
        }
        let found = self.walk(path);
        if found.is_empty() {
            if let Ok(mut empty) = self.empty.lock() {
                empty.push(path.to_path_buf());
            }
        }
        Box::new(found.into_iter())
    }

    /// Walk one directory in parallel; the inputs sorted by path.
    fn walk(&self, root: &Path) -> Vec<Input> {
        let Ok(globs) = self.overrides(root) else {
            return Vec::new();
        };
        let found = Mutex::new(Vec::new());
        ignore::WalkBuilder::new(root)
            .standard_filters(false)
            // Hidden names are skipped here, not by .hidden(): the ignore
            // crate lets a glob's match override that filter.
            .filter_entry({
                let hidden = self.hidden;
                move |e| hidden || e.depth() == 0 || !is_hidden(e.file_name())
            })
            .follow_links(self.follow)
            .overrides(globs.clone())
            .build_parallel()
            .run(|| {
                let (found, globs) = (&found, &globs);
                Box::new(move |entry| {
                    if let Some(input) = self.select(root, globs, entry) {
                        if let Ok(mut found) = found.lock() {
                            found.push(input);
                        }
                    }
                    WalkState::Continue
                })
            });
        let mut found = found.into_inner().unwrap_or_default();
        // Path's order compares component by component: a depth-first walk
        // with each directory's entries sorted by name (see `walk_order`).
        found.sort_by(|a, b| match (&a.path, &b.path) {
            (Some(a), Some(b)) => walk_order(a, b),
            (a, b) => a.cmp(b),
        });
        found
    }

    fn select(
        &self,
        root: &Path,
        globs: &Override,
        entry: Result<ignore::DirEntry, ignore::Error>,
    ) -> Option<Input> {
        let relative = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
        match entry {
            Ok(e) => {
                if e.depth() == 0 || e.file_type().is_some_and(|t| t.is_dir()) {
                    return None;
                }
                Some(Input {
                    path: Some(e.path().to_path_buf()),
                    rel: relative(e.path()),
                    explicit: false,
                    regular: e.file_type().is_some_and(|t| t.is_file()),
                    fault: None,
                })
            }
            Err(err) => {
                let (path, err) = unwrap_walk_error(err);
                let path = path?;
                let is_dir_error = fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
                // A loop or unreadable directory is always reported; a bad
                // entry only when it would have been an input.
                let is_loop = matches!(err, ignore::Error::Loop { .. });
                if !(is_dir_error || is_loop || globs.matched(&path, false).is_whitelist()) {
                    return None;
                }
                let fault = match &err {
                    ignore::Error::Loop { ancestor, .. } => Fault::new(
                        "symlink_loop",
                        format!(
                            "symbolic link loop: leads back to {}",
                            ancestor.to_string_lossy()
                        ),
                    ),
                    other => {
                        let io = other
                            .io_error()
                            .map_or_else(|| io::Error::other(other.to_string()), clone_io);
                        io_fault(&path, &io)
                    }
                };
                Some(Input {
                    rel: relative(&path),
                    path: Some(path),
                    explicit: false,
                    regular: false,
                    fault: Some(fault),
                })
            }
        }
    }
}

/// The path a walk error is about, and the error under its wrappers.
fn unwrap_walk_error(err: ignore::Error) -> (Option<PathBuf>, ignore::Error) {
    match err {
        ignore::Error::WithPath { path, err } => {
            let (inner, err) = unwrap_walk_error(*err);
            (inner.or(Some(path)), err)
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            unwrap_walk_error(*err)
        }
        ignore::Error::Loop { ancestor, child } => {
            (Some(child.clone()), ignore::Error::Loop { ancestor, child })
        }
        other => (None, other),
    }
}

/// `path` made absolute with symbolic links resolved, also when it does not
/// exist yet: its longest existing ancestor is canonicalised and the rest
/// appended.
fn resolve(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    loop {
        if let Ok(real) = fs::canonicalize(base) {
            let mut out = real;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return Some(out);
        }
        rest.push(base.file_name()?.to_os_string());
        base = base.parent()?;
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

fn clone_io(e: &io::Error) -> io::Error {
    match e.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), e.to_string()),
    }
}

/// Read an input's bytes, at most `max_bytes` (0: no limit).
pub fn read(input: &Input, max_bytes: u64) -> Result<Vec<u8>, Fault> {
    if let Some(f) = &input.fault {
        return Err(f.clone());
    }
    let limit = if max_bytes == 0 { u64::MAX } else { max_bytes };
    let Some(path) = &input.path else {
        return read_limited(io::stdin().lock(), limit, None).map_err(|e| match e {
            ReadError::Io(e) => io_fault(Path::new("-"), &e),
            ReadError::TooLarge => too_large(None, limit),
        });
    };
    // A file the walk saw as regular is opened, then asked its type and
    // size (`fstat`, where a `stat` by path walks the path again: 2% of
    // lede's time over a folder of small articles). It is opened without
    // blocking, so one swapped for a FIFO since the walk does not hang the
    // run; the open changes nothing else for a regular file.
    // Any other path is looked at before it is opened: opening a FIFO or a
    // device found by the walk could hang or act on the device.
    let (file, meta) = if input.regular {
        use std::os::unix::fs::OpenOptionsExt;
        let file = fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
            .map_err(|e| io_fault(path, &e))?;
        let meta = file.metadata().map_err(|e| io_fault(path, &e))?;
        (Some(file), meta)
    } else {
        (None, fs::metadata(path).map_err(|e| io_fault(path, &e))?)
    };
    if meta.is_dir() {
        return Err(Fault::new(
            "is_directory",
            "is a directory, not a file (name the directory itself to read the files in it)",
        ));
    }
    if !meta.is_file() && !input.explicit {
        return Err(Fault::new(
            "not_a_file",
            "not a regular file (a FIFO, socket or device); name it on the command line to read it",
        ));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_large(Some(meta.len()), limit));
    }
    let file = match file {
        Some(file) => file,
        None => fs::File::open(path).map_err(|e| io_fault(path, &e))?,
    };
    let hint = meta.is_file().then_some(meta.len());
    read_limited(file, limit, hint).map_err(|e| match e {
        ReadError::Io(e) => io_fault(path, &e),
        ReadError::TooLarge => too_large(None, limit),
    })
}

enum ReadError {
    Io(io::Error),
    TooLarge,
}

/// Read all of `reader`, at most `limit` bytes. A file's `size` (from its
/// `fstat`) is read at once into a buffer of that size: `read_to_end`
/// alone starts at 8 KiB a read and doubles, so an article of 20 KB took
/// four reads where two do (its bytes, then the end). Zeroing the buffer
/// first costs less than the calls it saves. Whatever the file holds past
/// that size (it grew since) is read after, within the limit; a file that
/// shrank ends early.
fn read_limited(
    mut reader: impl Read,
    limit: u64,
    size: Option<u64>,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    if let Some(size) = size.filter(|&s| s <= limit.min(1 << 30)) {
        bytes.resize(usize::try_from(size).unwrap_or(0), 0);
        let mut filled = 0;
        while filled < bytes.len() {
            match reader.read(&mut bytes[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(ReadError::Io(e)),
            }
        }
        bytes.truncate(filled);
    }
    let room = limit.saturating_add(1).saturating_sub(bytes.len() as u64);
    reader
        .take(room)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// [`read_limited`] as it was: `read_to_end` from an empty buffer, the
/// reference its test holds it to.
#[cfg(test)]
fn read_limited_reference(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

pub fn too_large(size: Option<u64>, limit: u64) -> Fault {
    let message = match size {
        Some(size) => lede::InputError::TooLarge { size, limit }.to_string(),
        None => format!(
            "input is over the limit of {limit} bytes (raise it with --max-bytes, 0 for no limit)"
        ),
    };
    Fault::new("too_large", message)
}

/// Decode bytes as asked, naming the fault.
pub fn decode(bytes: &[u8], encoding: lede::Encoding) -> Result<std::borrow::Cow<'_, str>, Fault> {
    lede::input::decode(bytes, encoding).map_err(input_fault)
}

/// [`decode`] for bytes given up: UTF-8 is checked once and not copied.
pub fn decode_owned(bytes: Vec<u8>, encoding: lede::Encoding) -> Result<String, Fault> {
    let bytes = match encoding {
        lede::Encoding::Utf8 | lede::Encoding::Utf8Lossy | lede::Encoding::Auto => {
            match super::utf8::valid_text(bytes) {
                Ok(text) => return Ok(text),
                Err(bytes) => bytes,
            }
        }
        _ => bytes,
    };
    lede::input::decode_owned(bytes, encoding).map_err(input_fault)
}

fn input_fault(e: lede::InputError) -> Fault {
    let kind = match e {
        lede::InputError::Binary { .. } => "binary",
        lede::InputError::InvalidUtf8 { .. } => "invalid_utf8",
        lede::InputError::Utf16 { .. } => "utf16",
        lede::InputError::TooLarge { .. } => "too_large",
        lede::InputError::UnknownEncoding(_) => "encoding",
    };
    Fault::new(kind, e.to_string())
}

/// The warning an article gets when `--lossy` replaced bytes, if it did.
pub fn lossy_warning(bytes: &[u8], encoding: lede::Encoding) -> Option<lede::model::Warning> {
    if encoding != lede::Encoding::Utf8Lossy {
        return None;
    }
    let offset = lede::input::first_invalid_utf8(bytes)?;
    Some(lede::model::Warning {
        code: "lossy_utf8".into(),
        message: format!(
            "invalid UTF-8 from byte offset {offset} of the input was replaced by U+FFFD (--lossy)"
        ),
        span: None,
    })
}

/// `Path::cmp`'s order for two paths of one walk (the same root, then
/// names: no `.`, `..` or empty component), from their bytes: where they
/// first differ, the end of a path comes first, then a separator, then
/// the other bytes in their order. `Path::cmp` parses both into
/// components at each comparison, which cost some 500 instructions a
/// comparison (sorting a walk of a thousand files cost about as much as
/// analysing a short article): `reports/a-b` comes after `reports/a/z`
/// either way, since the name `a` is a prefix of `a-b`.
fn walk_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let rank = |s: &[u8]| {
        s.get(same).map(|&x| {
            if x < 0x80 && std::path::is_separator(char::from(x)) {
                0
            } else {
                u16::from(x) + 1
            }
        })
    };
    rank(a).cmp(&rank(b))
}

/// Name an I/O error on `path`, telling broken links and loops apart.
pub fn io_fault(path: &Path, e: &io::Error) -> Fault {
    if let Some(f) = link_fault(path) {
        return f;
    }
    let kind = match e.kind() {
        io::ErrorKind::NotFound => "not_found",
        io::ErrorKind::PermissionDenied => "permission_denied",
        io::ErrorKind::IsADirectory => "is_directory",
        _ => "io",
    };
    Fault::new(kind, plain_io_message(e))
}

/// The error's text without Rust's " (os error N)" tail.
pub fn plain_io_message(e: &io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// When `path` is a symbolic link that cannot be followed: a dangling one
/// or a loop. Follows the chain by hand, at most 40 links (as the kernel).
fn link_fault(path: &Path) -> Option<Fault> {
    let mut current = path.to_path_buf();
    let mut seen: Vec<PathBuf> = Vec::new();
    for _ in 0..40 {
        let meta = fs::symlink_metadata(&current).ok()?;
        if !meta.file_type().is_symlink() {
            return None;
        }
        if seen.contains(&current) {
            break;
        }
        seen.push(current.clone());
        let target = fs::read_link(&current).ok()?;
        let next = match current.parent() {
            Some(dir) if target.is_relative() => dir.join(&target),
            _ => target.clone(),
        };
        if fs::symlink_metadata(&next).is_err() {
            return Some(Fault::new(
                "broken_symlink",
                format!(
                    "broken symbolic link: its target {} does not exist",
                    target.to_string_lossy()
                ),
            ));
        }
        current = next;
    }
    (!seen.is_empty()).then(|| Fault::new("symlink_loop", "symbolic link loop"))
}

/// What a failed input writes into a JSON Lines stream.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorRecord {
    /// Always `lede/1`, as in an article's object.
    #[schemars(schema_with = "lede::model::schema_tag")]
    pub schema: &'static str,
    /// The input's path or record id, as `source` would be.
    pub source: Option<String>,
    /// Record mode: the record's 1-based line in its input (also when its
    /// id could not be read); `null` for a whole input.
    pub line: Option<u64>,
    /// What went wrong.
    pub error: Fault,
}

impl ErrorRecord {
    /// The record as one line of JSON, newline included.
    pub fn line(source: Option<String>, line: Option<u64>, error: Fault) -> Vec<u8> {
        let record = ErrorRecord {
            schema: lede::model::SCHEMA,
            source,
            line,
            error,
        };
        let mut bytes = serde_json::to_vec(&record).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A relative path of names a walk finds: letters, marks that sort
    /// below and above the separator, a char from 0x80.
    fn walked() -> impl Strategy<Value = PathBuf> {
        let name = prop::collection::vec(
            prop::sample::select(vec!["a", "b", "ab", "-", ".", "0", " ", "z~", "\u{e9}"]),
            1..4,
        )
        .prop_map(|parts| parts.concat())
        .prop_filter("a name", |n| n != "." && n != "..");
        prop::collection::vec(name, 1..4).prop_map(|names| names.iter().collect())
    }

    /// A file the walk saw as regular is read by the open-then-`fstat`
    /// path; one swapped for a FIFO since (here: marked regular by hand) is
    /// turned away as not a file, without waiting for a writer.
    #[test]
    fn a_walked_regular_file_is_read_and_a_swapped_fifo_does_not_hang() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let file = dir.join("a.txt");
        fs::write(&file, "Some words.\n").unwrap();
        let walked = |path: &Path| Input {
            path: Some(path.to_path_buf()),
            rel: PathBuf::from("x"),
            explicit: false,
            regular: true,
            fault: None,
        };
        assert_eq!(read(&walked(&file), 0).unwrap(), b"Some words.\n");
        assert_eq!(read(&walked(&file), 5).unwrap_err().kind, "too_large");
        let fifo = dir.join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(read(&walked(&fifo), 0).unwrap_err().kind, "not_a_file");
        }
    }

    /// A reader that gives at most `step` bytes a call, with an
    /// interruption before each, as a pipe or a slow file may.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
        interrupted: bool,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.interrupted = !self.interrupted;
            if self.interrupted {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let n = buf.len().min(self.step).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    /// Said as the reference says it: the bytes, or too large.
    fn outcome(r: Result<Vec<u8>, ReadError>) -> Result<Vec<u8>, &'static str> {
        r.map_err(|e| match e {
            ReadError::TooLarge => "too large",
            ReadError::Io(_) => "io",
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// Read at its `fstat` size, a file gives the bytes (or the too
        /// large) that reading to its end gives: whatever its real length
        /// against that size (grown since, shrunk since, the same), the
        /// limit (0 = none is the caller's; here any) and how the reader
        /// hands its bytes over.
        #[test]
        fn a_sized_read_is_a_read_to_the_end(
            len in 0usize..3_000,
            size_off in -40i64..40,
            limit in prop::sample::select(vec![0u64, 1, 7, 100, 999, 1_000, 2_999, u64::MAX]),
            step in prop::sample::select(vec![1usize, 3, 64, 4_096]),
            known in any::<bool>(),
        ) {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 + 1) as u8).collect();
            let size = known.then(|| (len as i64 + size_off).max(0) as u64);
            let trickle = || Trickle { bytes: &bytes, step, interrupted: false };
            prop_assert_eq!(
                outcome(read_limited(trickle(), limit, size)),
                outcome(read_limited_reference(trickle(), limit))
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4_000))]
        /// `walk_order` is `Path::cmp` for paths under one root, however
        /// the root is written.
        #[test]
        fn walk_order_is_path_order(
            root in prop::sample::select(vec!["r", "r/", "./r", "/tmp/r", "r//s", "r-s"]),
            a in walked(),
            b in walked(),
        ) {
            let (a, b) = (Path::new(root).join(a), Path::new(root).join(b));
            prop_assert_eq!(walk_order(&a, &b), a.cmp(&b), "{:?} {:?}", a, b);
        }
    }
}
