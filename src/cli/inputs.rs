//! Which inputs a run reads, and reading one of them with every fault named.
//!
//! Paths are taken in command-line order; a directory expands to the files
//! below it that match the globs, walked depth-first with the entries of
//! each directory sorted by name (so the order is the paths' sorted order,
//! component by component, whatever the thread count). The walk is lazy:
//! a run over 100,000 files never holds their list.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
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
    /// A fault met while walking (an unreadable directory, a symlink loop).
    pub fault: Option<Fault>,
}

impl Input {
    fn stdin() -> Input {
        Input {
            path: None,
            rel: PathBuf::from("stdin"),
            explicit: true,
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
#[derive(Debug, Clone)]
pub struct Selection {
    paths: Vec<PathBuf>,
    /// The paths resolved (absolute, links followed), for [`Selection::selects`].
    roots: Vec<Option<PathBuf>>,
    globs: GlobSet,
    hidden: bool,
    follow: bool,
}

impl Selection {
    /// Build from the arguments; `default_glob` applies when no --glob is given.
    pub fn new(args: &InputArgs, default_glob: &str) -> Result<Selection> {
        let mut builder = GlobSetBuilder::new();
        let patterns: Vec<&str> = if args.glob.is_empty() {
            vec![default_glob]
        } else {
            args.glob.iter().map(String::as_str).collect()
        };
        for p in patterns {
            let glob = Glob::new(p).map_err(|e| super::usage(format!("invalid --glob: {e}")))?;
            builder.add(glob);
        }
        let globs = builder
            .build()
            .with_context(|| "cannot build the --glob set".to_string())?;
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            args.paths.clone()
        };
        let roots = paths.iter().map(|p| resolve(p)).collect();
        Ok(Selection {
            paths,
            roots,
            globs,
            hidden: args.hidden,
            follow: args.follow,
        })
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
        self.roots.iter().flatten().any(|root| {
            if *root == target {
                return true;
            }
            match target.strip_prefix(root) {
                Ok(rel) if root.is_dir() => {
                    self.globs.is_match(rel) && (self.hidden || !rel.iter().any(is_hidden))
                }
                _ => false,
            }
        })
    }

    /// Every input, lazily, in order.
    pub fn iter(&self) -> impl Iterator<Item = Input> + '_ {
        self.paths.iter().flat_map(move |p| self.expand(p))
    }

    fn expand<'a>(&'a self, path: &'a Path) -> Box<dyn Iterator<Item = Input> + 'a> {
        if path.as_os_str() == "-" {
            return Box::new(std::iter::once(Input::stdin()));
        }
        if !path.is_dir() {
            let rel = path.file_name().map_or_else(|| path.into(), PathBuf::from);
            return Box::new(std::iter::once(Input {
                path: Some(path.to_path_buf()),
                rel,
                explicit: true,
                fault: None,
            }));
        }
        let walk = walkdir::WalkDir::new(path)
            .follow_links(self.follow)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(move |e| e.depth() == 0 || self.hidden || !is_hidden(e.file_name()));
        Box::new(walk.filter_map(move |entry| self.select(path, entry)))
    }

    fn select(&self, root: &Path, entry: walkdir::Result<walkdir::DirEntry>) -> Option<Input> {
        match entry {
            Ok(e) => {
                if e.file_type().is_dir() {
                    return None;
                }
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(e.path())
                    .to_path_buf();
                self.globs.is_match(&rel).then(|| Input {
                    path: Some(e.path().to_path_buf()),
                    rel,
                    explicit: false,
                    fault: None,
                })
            }
            Err(err) => {
                let path = err.path()?.to_path_buf();
                let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                let is_dir_error = fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
                // A loop or unreadable directory is always reported; a bad
                // entry only when it would have been an input.
                if !(is_dir_error || err.loop_ancestor().is_some() || self.globs.is_match(&rel)) {
                    return None;
                }
                let fault = if let Some(ancestor) = err.loop_ancestor() {
                    Fault::new(
                        "symlink_loop",
                        format!(
                            "symbolic link loop: leads back to {}",
                            ancestor.to_string_lossy()
                        ),
                    )
                } else {
                    let io = err
                        .io_error()
                        .map_or_else(|| io::Error::other(err.to_string()), clone_io);
                    io_fault(&path, &io)
                };
                Some(Input {
                    path: Some(path),
                    rel,
                    explicit: false,
                    fault: Some(fault),
                })
            }
        }
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
    // Look before opening: opening a FIFO found by the walk would hang.
    let meta = fs::metadata(path).map_err(|e| io_fault(path, &e))?;
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
    let file = fs::File::open(path).map_err(|e| io_fault(path, &e))?;
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

fn read_limited(reader: impl Read, limit: u64, size: Option<u64>) -> Result<Vec<u8>, ReadError> {
    let capacity = size.unwrap_or(0).min(limit).min(1 << 30);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0) + 1);
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
    lede::input::decode(bytes, encoding).map_err(|e| {
        let kind = match e {
            lede::InputError::Binary { .. } => "binary",
            lede::InputError::InvalidUtf8 { .. } => "invalid_utf8",
            lede::InputError::Utf16 { .. } => "utf16",
            lede::InputError::TooLarge { .. } => "too_large",
            lede::InputError::UnknownEncoding(_) => "encoding",
        };
        Fault::new(kind, e.to_string())
    })
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
