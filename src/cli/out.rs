//! Files written by lede (--out, check --bless): atomically, never over an input.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::inputs::{Fault, Selection};

/// Write `bytes` to `target` atomically: into a temp file in the same
/// directory, then renamed over the target. On any failure the temp file
/// is removed and the target is left as it was.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".lede-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file_mut().flush()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
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
        write_atomic(&target, b"{}\n").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"{}\n");
        // A directory in the way: the write fails and nothing is left over.
        let blocked = dir.path().join("sub/b.json");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("keep"), "x").unwrap();
        assert!(write_atomic(&blocked, b"{}").is_err());
        let names: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
