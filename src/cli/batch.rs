//! Parallel work with ordered, streamed results.
//!
//! Items are taken from a lazy iterator in windows, processed in parallel
//! with rayon, and handed to the writer in input order before the next
//! window is taken. A window ends at 16 items a thread or at
//! [`WINDOW_BYTES`] of input, whichever comes first (an item larger than
//! that is a window of its own), so memory holds the results of one
//! window's worth of input however long the run, and two huge inputs are
//! never analysed at once. The order never depends on timing.

use std::path::Path;

use anyhow::{Context, Result};
use rayon::prelude::*;

use super::inputs::Input;
use super::signals;

/// Input bytes a window may hold (unless a single item is larger).
pub const WINDOW_BYTES: u64 = 16 << 20;

/// The size of an item of work, in input bytes, known before it is read
/// (0 when unknown).
pub trait Weigh {
    fn weight(&self) -> u64;
}

impl Weigh for Input {
    fn weight(&self) -> u64 {
        self.path
            .as_deref()
            .and_then(|p: &Path| p.metadata().ok())
            .map_or(0, |m| m.len())
    }
}

impl<A: Weigh, B> Weigh for (A, B) {
    fn weight(&self) -> u64 {
        self.0.weight()
    }
}

/// True once Ctrl-C, SIGTERM or SIGHUP came (see [`signals::install`]).
pub fn interrupted() -> bool {
    signals::interrupted()
}

/// Make Ctrl-C, SIGTERM and SIGHUP stop the run between articles; see
/// [`signals::install`].
pub fn stop_on_ctrl_c() {
    signals::install();
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
    I: Send + Weigh,
    T: Send,
    F: Fn(I) -> T + Sync,
    W: FnMut(T) -> Result<()>,
{
    let window = pool.current_num_threads().max(1) * 16;
    let mut items = items.fuse().peekable();
    let mut chunk: Vec<I> = Vec::with_capacity(window);
    loop {
        if interrupted() {
            return Ok(());
        }
        let mut bytes = 0u64;
        while chunk.len() < window {
            let Some(next) = items.peek() else { break };
            let weight = next.weight();
            if !chunk.is_empty() && bytes.saturating_add(weight) > WINDOW_BYTES {
                break;
            }
            bytes = bytes.saturating_add(weight);
            chunk.extend(items.next());
        }
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

    impl Weigh for u64 {
        fn weight(&self) -> u64 {
            *self
        }
    }

    /// Items of `WINDOW_BYTES / 2 + 1` bytes go one window each; small
    /// ones fill a window of 16 a thread.
    #[test]
    fn windows_are_bounded_by_bytes() {
        let pool = pool(2).unwrap();
        let windows = |items: Vec<u64>| {
            let live = std::sync::atomic::AtomicUsize::new(0);
            let most = std::sync::atomic::AtomicUsize::new(0);
            ordered(
                &pool,
                items.into_iter(),
                |w| {
                    let n = live.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                    most.fetch_max(n, std::sync::atomic::Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(2));
                    live.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    w
                },
                |_| Ok(()),
            )
            .unwrap();
            most.into_inner()
        };
        // Two items over half the budget are never worked on together.
        assert_eq!(windows(vec![WINDOW_BYTES / 2 + 1; 6]), 1);
        // An item larger than the budget is still processed.
        assert_eq!(windows(vec![WINDOW_BYTES * 3]), 1);
        // Small items run in parallel.
        assert_eq!(windows(vec![10; 64]), 2);
    }

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
