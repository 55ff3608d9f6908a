//! Files written by lede (--out, check --bless): atomically, never over an
//! input, with the mode any program would give them; and standard output,
//! whose faults are named as such.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};

use super::inputs::{self, Fault, Selection};
use super::signals::Tracked;

/// A temp file in `dir`, named `.lede-XXXXXX.tmp`, created with mode 0666
/// so that the umask decides (0644 under the usual 022), as for any file a
/// program creates; known to the signal handler while it exists.
fn temp_in(dir: &Path) -> io::Result<Tracked> {
    Tracked::create(|| {
        tempfile::Builder::new()
            .prefix(".lede-")
            .suffix(".tmp")
            .permissions(fs::Permissions::from_mode(0o666))
            .tempfile_in(dir)
    })
}

/// Write `target` atomically with what `write` puts in it: into a temp file
/// in the same directory, then renamed over the target, so a reader sees the
/// old file or the whole new one. A file that already exists keeps its
/// mode. On any failure the temp file is removed and the target is left as
/// it was.
pub fn write_atomic_with(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut tmp = temp_in(dir)?;
    if let Ok(old) = fs::metadata(target) {
        if old.is_file() {
            tmp.file().set_permissions(old.permissions())?;
        }
    }
    {
        let mut w = BufWriter::with_capacity(64 * 1024, tmp.file());
        write(&mut w)?;
        w.flush()?;
    }
    tmp.persist(target)
}

/// Write an output file atomically, naming the fault.
pub fn write_file(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Fault> {
    write_atomic_with(target, write).map_err(|e| {
        Fault::new(
            "write",
            format!(
                "cannot write {}: {}",
                target.to_string_lossy(),
                inputs::plain_io_message(&e)
            ),
        )
    })
}

/// Create the `--out` folder and make sure lede may write in it, before any
/// article is read: a folder that cannot be written is one error (exit 2),
/// not one per article.
pub fn prepare_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create --out directory {}", dir.display()))?;
    temp_in(dir)
        .map(drop)
        .with_context(|| format!("cannot write in --out directory {}", dir.display()))
}

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Notice, before Rust's start-up code runs, that lede was started with
/// standard output closed (`lede dir >&-`), so that writing to it fails
/// (see [`StdoutSink`]) instead of every result being lost with exit 0.
///
/// It has to run that early: the start-up code reopens a closed descriptor
/// 0, 1 or 2 on /dev/null before `main` (so that no file opened later takes
/// its number), after which a closed stdout looks like `>/dev/null`. An
/// ELF constructor runs before it; it only reads /proc, in safe code.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static DETECT_CLOSED_STDOUT: extern "C" fn() = {
    extern "C" fn detect() {
        if fs::read_link("/proc/self/fd/1").is_err() && Path::new("/proc/self/fd").is_dir() {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        }
    }
    detect
};

/// Standard output whose errors say that standard output was the problem
/// (a full disk, a closed descriptor), keeping the error's kind (a closed
/// pipe stays a quiet `BrokenPipe`).
pub struct StdoutSink<W> {
    inner: W,
}

impl<W: Write> StdoutSink<W> {
    pub fn new(inner: W) -> StdoutSink<W> {
        StdoutSink { inner }
    }
}

fn stdout_error(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "cannot write to standard output: {}",
            inputs::plain_io_message(&e)
        ),
    )
}

impl<W: Write> Write for StdoutSink<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if STDOUT_CLOSED.load(Ordering::Relaxed) && !buf.is_empty() {
            return Err(io::Error::other(
                "cannot write to standard output: it is closed",
            ));
        }
        self.inner.write(buf).map_err(stdout_error)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(stdout_error)
    }
}

/// Decides where each article's file goes and refuses unsafe targets.
pub struct Targets<'a> {
    selection: &'a Selection,
    taken: HashSet<PathBuf>,
}

impl<'a> Targets<'a> {
    pub fn new(selection: &'a Selection) -> Targets<'a> {
        Targets {
            selection,
            taken: HashSet::new(),
        }
    }

    /// Claim `target` for one input: refused when it is an input of this run
    /// or was already claimed by an earlier input (two inputs with the same
    /// relative path under different directories).
    pub fn claim(&mut self, target: &Path) -> Result<(), Fault> {
        if self.selection.selects(target) {
            return Err(Fault::new(
                "output_is_input",
                format!(
                    "refusing to write {}: it is, or would become, one of the inputs",
                    target.to_string_lossy()
                ),
            ));
        }
        if !self.taken.insert(target.to_path_buf()) {
            return Err(Fault::new(
                "output_collision",
                format!(
                    "{} is already written by an earlier input with the same relative path",
                    target.to_string_lossy()
                ),
            ));
        }
        Ok(())
    }
}

/// `dir/rel` with its extension replaced: `a/b.txt` → `dir/a/b.json`.
pub fn mirror(dir: &Path, rel: &Path, extension: &str) -> PathBuf {
    let mut target = dir.join(rel);
    target.set_extension(extension);
    target
}

/// `a/b.txt` → `a/b.expected.json`.
pub fn expected_name(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "stdin".into(), |s| s.to_string_lossy());
    path.with_file_name(format!("{stem}.expected.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            mirror(Path::new("o"), Path::new("a/b.txt"), "json"),
            Path::new("o/a/b.json")
        );
        assert_eq!(
            expected_name(Path::new("x/a.txt")),
            Path::new("x/a.expected.json")
        );
    }

    #[test]
    fn atomic_write_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/a.json");
        write_atomic_with(&target, |w| w.write_all(b"{}\n")).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"{}\n");
        // A directory in the way: the write fails and nothing is left over.
        let blocked = dir.path().join("sub/b.json");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("keep"), "x").unwrap();
        assert!(write_atomic_with(&blocked, |w| w.write_all(b"{}")).is_err());
        let names: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
