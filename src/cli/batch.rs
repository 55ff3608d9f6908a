//! Parallel work with ordered, streamed results.
//!
//! Items are taken from a lazy iterator on the calling thread, worked on by
//! a fixed set of worker threads, and handed to the writer (on the calling
//! thread) in input order. With `-j N`, N - 1 threads are started and the
//! calling thread is the Nth: when no result is ready to write it works a
//! queued item itself instead of sleeping until a worker wakes it (a wake
//! for every article cost a tenth of a two-core run's CPU time). The
//! stages overlap: while the writer formats and writes article 7, the
//! workers are already on articles 8 and 9, so the time of writing is not
//! added to the time of working, and one slow article does not leave the
//! other threads idle until it is done (the window of earlier designs:
//! work on 32 items, wait for the slowest, then write them all while the
//! workers wait).
//!
//! Memory stays bounded: at most 16 items a thread are in flight (taken and
//! not yet written), and their inputs together hold at most
//! [`WINDOW_BYTES`]; an item larger than that is only taken when nothing
//! else is in flight, so two huge inputs are never analysed at once. The
//! order of the output never depends on timing. With one thread (`-j 1`)
//! or one input (`lede article.txt`), each item is worked and written in
//! turn on the calling thread: no thread is started.

use std::collections::{BTreeMap, VecDeque};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Condvar, Mutex};
use std::thread;

use anyhow::Result;

use super::inputs::Input;
use super::signals;

/// Input bytes the items in flight may hold (unless a single item is larger).
pub const WINDOW_BYTES: u64 = 16 << 20;

/// Items in flight a worker thread.
const ITEMS_PER_THREAD: usize = 16;

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

/// The worker threads of a run.
#[derive(Debug, Clone, Copy)]
pub struct Pool {
    threads: usize,
}

/// A pool of `jobs` worker threads (0: one per core).
pub fn pool(jobs: usize) -> Result<Pool> {
    let threads = if jobs == 0 {
        thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        jobs
    };
    Ok(Pool { threads })
}

/// Run `work` over `items` on the `pool`'s threads, giving each result to
/// `write` in input order. Stops taking items when `write` fails or Ctrl-C
/// is pressed; the items already in flight are finished (or skipped, once
/// interrupted) before it returns. A panic in `work` is raised again here
/// once the workers have stopped.
pub fn ordered<I, T, F, W>(
    pool: &Pool,
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
    let threads = pool.threads.max(1);
    let mut items = items.fuse();
    let first = items.next();
    let mut rest = items.peekable();
    let lone = first.is_some() && rest.peek().is_none();
    let mut items = first.into_iter().chain(rest).peekable();
    if threads == 1 || lone {
        // One thread, or one input (`lede article.txt`): worked and
        // written in turn on this thread, with no thread to start and one
        // malloc arena.
        for item in items {
            if interrupted() {
                break;
            }
            write(work(item))?;
        }
        return Ok(());
    }
    let most_items = threads * ITEMS_PER_THREAD;
    let stop = AtomicBool::new(false);
    let jobs = Jobs::new();
    let (done_tx, done_rx) = mpsc::channel::<(usize, thread::Result<Option<T>>)>();
    // One item, worked on whichever thread takes it.
    let run = |item: I| {
        let skip = stop.load(Ordering::Relaxed) || interrupted();
        panic::catch_unwind(AssertUnwindSafe(|| (!skip).then(|| work(item))))
    };
    thread::scope(|scope| {
        // However this closure ends (an early return included), the
        // workers are told no more jobs come, so the scope can join them.
        let _close = Closer(&jobs);
        // The calling thread works too (see below), so `threads` threads
        // work in all: one fewer is started.
        for i in 1..threads {
            let (jobs, done_tx, run) = (&jobs, done_tx.clone(), &run);
            thread::Builder::new()
                .name(format!("lede-{i}"))
                .spawn_scoped(scope, move || {
                    while let Some((seq, item)) = jobs.wait() {
                        if done_tx.send((seq, run(item))).is_err() {
                            return;
                        }
                    }
                })
                .map_err(|e| anyhow::anyhow!("cannot start worker threads: {e}"))?;
        }
        drop(done_tx);
        let mut weights: BTreeMap<usize, u64> = BTreeMap::new();
        let mut ready: BTreeMap<usize, Option<T>> = BTreeMap::new();
        let (mut taken, mut written, mut bytes) = (0usize, 0usize, 0u64);
        let mut outcome: Result<()> = Ok(());
        let mut panicked = None;
        loop {
            // Take items while the bounds allow.
            while outcome.is_ok() && panicked.is_none() && !interrupted() {
                let in_flight = taken - written;
                if in_flight >= most_items {
                    break;
                }
                let Some(next) = items.peek() else { break };
                let weight = next.weight();
                if in_flight > 0 && bytes.saturating_add(weight) > WINDOW_BYTES {
                    break;
                }
                let Some(item) = items.next() else { break };
                bytes = bytes.saturating_add(weight);
                weights.insert(taken, weight);
                jobs.push(taken, item);
                taken += 1;
            }
            if taken == written {
                break;
            }
            // The next result: one a worker finished, else a job no worker
            // has taken yet, worked here, else (every job in flight is on a
            // worker) wait. Working here rather than waiting keeps this
            // thread from being put to sleep and woken for every article,
            // which on two cores cost a tenth of the run's CPU time in
            // futex calls.
            let (seq, result) = match done_rx.try_recv() {
                Ok(done) => done,
                Err(mpsc::TryRecvError::Disconnected) => break,
                Err(mpsc::TryRecvError::Empty) => match jobs.take() {
                    Some((seq, item)) => (seq, run(item)),
                    None => match done_rx.recv() {
                        Ok(done) => done,
                        Err(_) => break,
                    },
                },
            };
            match result {
                Ok(value) => {
                    ready.insert(seq, value);
                }
                Err(payload) => {
                    stop.store(true, Ordering::Relaxed);
                    panicked.get_or_insert(payload);
                    ready.insert(seq, None);
                }
            }
            while let Some(value) = ready.remove(&written) {
                bytes = bytes.saturating_sub(weights.remove(&written).unwrap_or(0));
                written += 1;
                if let (Some(value), true, None) = (value, outcome.is_ok(), &panicked) {
                    if let Err(e) = write(value) {
                        stop.store(true, Ordering::Relaxed);
                        outcome = Err(e);
                    }
                }
            }
        }
        if let Some(payload) = panicked {
            panic::resume_unwind(payload);
        }
        outcome
    })
}

/// The queue of jobs not yet taken. The lock is held only to push or pop
/// (never while waiting: a worker waits on the condition variable), so
/// the calling thread always sees a queued job, and works it rather than
/// sleeping while it waits for a worker to finish one.
struct Jobs<I> {
    queue: Mutex<(VecDeque<(usize, I)>, bool)>,
    queued: Condvar,
}

impl<I> Jobs<I> {
    fn new() -> Self {
        Jobs {
            queue: Mutex::new((VecDeque::new(), false)),
            queued: Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (VecDeque<(usize, I)>, bool)> {
        // Work runs outside the lock and its panics are caught, so a
        // poisoned lock still holds a sound queue.
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn push(&self, seq: usize, item: I) {
        self.lock().0.push_back((seq, item));
        self.queued.notify_one();
    }

    /// The next job, if one is queued.
    fn take(&self) -> Option<(usize, I)> {
        self.lock().0.pop_front()
    }

    /// The next job, waiting for one; `None` once the queue is closed.
    fn wait(&self) -> Option<(usize, I)> {
        let mut queue = self.lock();
        loop {
            if let Some(job) = queue.0.pop_front() {
                return Some(job);
            }
            if queue.1 {
                return None;
            }
            queue = self.queued.wait(queue).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// No more jobs come: waiting workers return.
    fn close(&self) {
        self.lock().1 = true;
        self.queued.notify_all();
    }
}

/// Closes the queue when dropped.
struct Closer<'a, I>(&'a Jobs<I>);

impl<I> Drop for Closer<'_, I> {
    fn drop(&mut self) {
        self.0.close();
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

    /// With two threads, one worker is started and the calling thread is
    /// the other: two items are worked on at once (each waits, up to a
    /// time limit, until the other has begun), and by no third thread.
    #[test]
    fn the_calling_thread_is_one_of_the_workers() {
        use std::sync::atomic::AtomicUsize;
        use std::time::{Duration, Instant};
        let pool = pool(2).unwrap();
        let begun = AtomicUsize::new(0);
        let names = Mutex::new(std::collections::BTreeSet::new());
        let mut met = Vec::new();
        ordered(
            &pool,
            0..2u64,
            |_| {
                let name = thread::current().name().unwrap_or("").to_string();
                names.lock().unwrap().insert(name);
                begun.fetch_add(1, Ordering::SeqCst);
                let until = Instant::now() + Duration::from_secs(10);
                while begun.load(Ordering::SeqCst) < 2 && Instant::now() < until {
                    thread::sleep(Duration::from_millis(1));
                }
                begun.load(Ordering::SeqCst) >= 2
            },
            |both| {
                met.push(both);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(met, [true, true], "the two items ran one after the other");
        let here = thread::current().name().unwrap_or("").to_string();
        let names = names.into_inner().unwrap();
        let expected: std::collections::BTreeSet<String> =
            [here, "lede-1".to_string()].into_iter().collect();
        assert_eq!(names, expected);
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

    /// The writer and the workers overlap: work starts while an earlier
    /// result is being written (a design that works on a window, then
    /// writes it while the workers wait, never does).
    #[test]
    fn workers_keep_working_while_the_writer_writes() {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
        let pool = pool(2).unwrap();
        let writing = AtomicBool::new(false);
        let overlapped = AtomicUsize::new(0);
        ordered(
            &pool,
            0..64u64,
            |i| {
                if writing.load(SeqCst) {
                    overlapped.fetch_add(1, SeqCst);
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
                i
            },
            |_| {
                writing.store(true, SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(3));
                writing.store(false, SeqCst);
                Ok(())
            },
        )
        .unwrap();
        assert!(overlapped.into_inner() > 0);
    }

    /// A failed write stops the run: it is the result, and nothing is
    /// written after it.
    #[test]
    fn a_failed_write_stops_the_run() {
        let pool = pool(2).unwrap();
        let mut seen = Vec::new();
        let outcome = ordered(
            &pool,
            0..500u64,
            |i| i,
            |r| {
                seen.push(r);
                if r == 5 {
                    anyhow::bail!("disk full")
                }
                Ok(())
            },
        );
        assert_eq!(outcome.unwrap_err().to_string(), "disk full");
        assert_eq!(seen, vec![0, 1, 2, 3, 4, 5]);
    }

    /// A panic in the work is raised again in the caller once the workers
    /// have stopped, and the results before it were written.
    #[test]
    fn a_panic_in_the_work_reaches_the_caller() {
        let pool = pool(2).unwrap();
        let seen = std::sync::Mutex::new(Vec::new());
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            ordered(
                &pool,
                0..100u64,
                |i| {
                    assert!(i != 40, "boom");
                    i
                },
                |r| {
                    seen.lock().unwrap().push(r);
                    Ok(())
                },
            )
        }));
        assert!(outcome.is_err());
        let seen = seen.into_inner().unwrap();
        assert!(seen.len() <= 40 && seen.iter().copied().eq(0..seen.len() as u64));
    }
}
