//! Signals: SIGINT (Ctrl-C), SIGTERM and SIGHUP stop a run between
//! articles; a second one ends lede at once. Either way no temp file is
//! left behind.
//!
//! Every temp file lede writes (`--out`, `check --bless`) is registered here
//! while it exists. Creating, renaming and removing one happen with the
//! registry locked, and the handler of a second signal takes that lock,
//! removes every registered file and exits while still holding it: a file
//! is then either not yet created, already renamed into place whole, or
//! removed. The handler runs on a thread of its own (ctrlc), not inside the
//! signal, so it may lock and remove files.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use tempfile::NamedTempFile;

static STOP: AtomicBool = AtomicBool::new(false);
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The registry; a panic while it was held leaves it usable.
fn temps() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPS.lock().unwrap_or_else(|e| e.into_inner())
}

/// True once a stop signal came (with [`install`] called).
pub fn interrupted() -> bool {
    STOP.load(Ordering::Relaxed)
}

/// Make SIGINT, SIGTERM and SIGHUP stop the run between articles: articles
/// being processed finish (their files are renamed into place or not
/// written at all), the rest are skipped, and the run exits 130. A second
/// signal removes the temp files being written and exits 130 at once.
/// Only for runs that read no standard input, which a signal could not
/// interrupt otherwise.
pub fn install() {
    // Failing to install (a handler already exists) leaves the default:
    // the process ends at once, which is still safe for stdout.
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            let held = temps();
            for path in held.iter() {
                let _ = std::fs::remove_file(path);
            }
            std::process::exit(i32::from(super::INTERRUPTED));
        }
    });
}

/// A temp file known to the signal handler; dropped, it is removed.
pub struct Tracked {
    file: Option<NamedTempFile>,
}

impl Tracked {
    /// Create a temp file with `create`, registered before the lock is let go.
    pub fn create(create: impl FnOnce() -> io::Result<NamedTempFile>) -> io::Result<Tracked> {
        let mut held = temps();
        let file = create()?;
        held.push(file.path().to_path_buf());
        Ok(Tracked { file: Some(file) })
    }

    pub fn file(&mut self) -> &mut std::fs::File {
        self.file
            .as_mut()
            .expect("present until persisted")
            .as_file_mut()
    }

    /// Rename into `target`.
    pub fn persist(mut self, target: &Path) -> io::Result<()> {
        let file = self.file.take().expect("present until persisted");
        let mut held = temps();
        unregister(&mut held, file.path());
        match file.persist(target) {
            Ok(_) => Ok(()),
            // Dropping the temp file (inside the lock) removes it.
            Err(e) => Err(e.error),
        }
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut held = temps();
            unregister(&mut held, file.path());
            drop(file);
        }
    }
}

fn unregister(held: &mut Vec<PathBuf>, path: &Path) {
    if let Some(i) = held.iter().rposition(|p| p == path) {
        held.swap_remove(i);
    }
}
