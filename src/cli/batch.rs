//! Parallel work with ordered, streamed results.
//!
//! Items are taken from a lazy iterator in windows of a few times the
//! thread count, processed in parallel with rayon, and handed to the writer
//! in input order before the next window is taken. Memory holds one window
//! of results, however long the input; the order never depends on timing.

use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};
use rayon::prelude::*;

static STOP: AtomicBool = AtomicBool::new(false);

/// True once Ctrl-C was pressed (with [`stop_on_ctrl_c`] installed).
pub fn interrupted() -> bool {
    STOP.load(Ordering::Relaxed)
}

/// Make Ctrl-C stop the run between articles: articles being processed
/// finish (their files are renamed into place or not written at all), the
/// rest are skipped, and the run exits 130. A second Ctrl-C exits at once.
/// Only for runs that read no standard input, which Ctrl-C could not
/// interrupt otherwise.
pub fn stop_on_ctrl_c() {
    // Failing to install (a handler already exists) leaves the default:
    // the process ends at once, which is still safe for stdout.
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(super::INTERRUPTED));
        }
    });
}

/// A thread pool of `jobs` threads (0: one per core).
pub fn pool(jobs: usize) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("lede-{i}"))
        .build()
        .context("cannot start worker threads")
}

/// Run `work` over `items` on `pool`, giving each result to `write` in
/// input order. Stops early when `write` fails or Ctrl-C is pressed.
pub fn ordered<I, T, F, W>(
    pool: &rayon::ThreadPool,
    items: impl Iterator<Item = I>,
    work: F,
    mut write: W,
) -> Result<()>
where
    I: Send,
    T: Send,
    F: Fn(I) -> T + Sync,
    W: FnMut(T) -> Result<()>,
{
    let window = pool.current_num_threads().max(1) * 16;
    let mut items = items.fuse();
    let mut chunk: Vec<I> = Vec::with_capacity(window);
    loop {
        if interrupted() {
            return Ok(());
        }
        chunk.extend(items.by_ref().take(window));
        if chunk.is_empty() {
            return Ok(());
        }
        let results: Vec<Option<T>> = pool.install(|| {
            chunk
                .par_drain(..)
                .map(|item| (!interrupted()).then(|| work(item)))
                .collect()
        });
        for result in results.into_iter().flatten() {
            write(result)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        let pool = pool(4).unwrap();
        let mut seen = Vec::new();
        ordered(
            &pool,
            0..1000u64,
            |i| {
                // Later items finish first.
                std::thread::sleep(std::time::Duration::from_micros((1000 - i) % 7));
                i * 2
            },
            |r| {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
    }
}
