//! Programs that expand to large texts, and a check that analysing them
//! costs work linear in their size (issue 14: fuzzers' own inputs stay near
//! 2 kB, the shapes that are quadratic need tens of kilobytes).
//!
//! A program is bytes split at NUL (a NUL never reaches the analysis: it
//! makes input binary). The first piece is a prefix written once; each
//! further piece is a weight byte and a unit: "repeat this unit n times,
//! then this one". Expanded to `size` bytes, the units' repeat counts are
//! their weights times one factor chosen so that the text is about `size`
//! bytes; weight byte 1 writes the unit once (byte 0 is the separator). Pieces are cut to 64 bytes and
//! decoded as lossy UTF-8.
//!
//! The check expands a program at [`SMALL`] and at eight times that, and
//! counts the analysis' work at both, in three independent measures, each
//! of which must grow at most [`RATIO`]x (plus a constant) for 8x the
//! input, where linear work grows about 8x and quadratic 64x:
//! - the user-space instructions this thread retires (a hardware counter,
//!   `perf_event_open`: nearly the same count on every run, unlike time).
//!   Virtual machines often have no such counter; then this thread's CPU
//!   time stands in (noisier; the constant allows 5 ms), and the check says
//!   so once;
//! - `lede::work::count()`, the library's own step counter (its
//!   `work-count` feature, on in this crate), where the library ticks it;
//! - heap allocations (a scan that does not allocate goes unseen here).
//!
//! Peak live heap bytes are reported,
//! and checked against `LEDE_SCALED_MEMORY` times the input when that is
//! set (issue 14 asks for 3; the library is at 20-110x for small pieces
//! until its memory work is done, so it is off by default).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Size of the smaller expansion, in bytes.
pub const SMALL: usize = 32 * 1024;
/// The larger expansion is this many times the smaller.
pub const STEP: usize = 8;
/// Allowed growth of work for `STEP` times the input.
pub const RATIO: f64 = 16.0;
/// Work that any analysis may cost on top, per byte of the larger input:
/// instructions (lede averages about 355 a byte), nanoseconds of CPU time
/// (about 80 a byte), steps, allocations. Without it, a rule that starts
/// to apply past some size (few allocations at 32 kB, many at 256 kB) would
/// look like quadratic growth; a quadratic cost at 256 kB is hundreds of
/// times these.
pub const SLACK_INSTRUCTIONS: u64 = 1_000;
pub const SLACK_NANOS: u64 = 250;
pub const SLACK_COUNT: u64 = 1;

const MAX_PIECE: usize = 64;

/// A global allocator that counts allocations and live bytes.
pub struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters are only atomics beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: same layout, as the caller promised for us.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        if new_size >= layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// A parsed program.
#[derive(Debug, Clone)]
pub struct Program {
    pub prefix: String,
    /// (weight, unit); weight 1 is "once".
    pub units: Vec<(u8, String)>,
}

impl Program {
    /// `None` when there is nothing to repeat.
    pub fn parse(data: &[u8]) -> Option<Program> {
        let mut pieces = data.split(|&b| b == 0);
        let cut = |p: &[u8]| String::from_utf8_lossy(&p[..p.len().min(MAX_PIECE)]).into_owned();
        let prefix = cut(pieces.next()?);
        let units: Vec<(u8, String)> = pieces
            .filter_map(|p| {
                let (&w, unit) = p.split_first()?;
                (!unit.is_empty()).then(|| (w, cut(unit)))
            })
            .take(16)
            .collect();
        units
            .iter()
            .any(|(w, _)| *w > 1)
            .then_some(Program { prefix, units })
    }

    /// The text of about `size` bytes.
    pub fn expand(&self, size: usize) -> String {
        let once: usize = self.prefix.len()
            + self
                .units
                .iter()
                .filter(|(w, _)| *w == 1)
                .map(|(_, u)| u.len())
                .sum::<usize>();
        let per_factor: usize = self
            .units
            .iter()
            .filter(|(w, _)| *w > 1)
            .map(|(w, u)| usize::from(*w) * u.len())
            .sum();
        let factor = (size.saturating_sub(once) / per_factor.max(1)).max(1);
        let mut text = String::with_capacity(size + MAX_PIECE * 16);
        text.push_str(&self.prefix);
        for (w, unit) in &self.units {
            let n = if *w == 1 { 1 } else { usize::from(*w) * factor };
            for _ in 0..n {
                text.push_str(unit);
            }
        }
        text
    }
}

/// A hardware counter of user-space instructions retired by this thread.
mod instructions {
    use std::cell::OnceCell;

    thread_local! {
        static FD: OnceCell<Option<i32>> = const { OnceCell::new() };
    }

    const PERF_EVENT_IOC_ENABLE: u64 = 0x2400;
    const PERF_EVENT_IOC_DISABLE: u64 = 0x2401;
    const PERF_EVENT_IOC_RESET: u64 = 0x2403;

    fn open() -> Option<i32> {
        // struct perf_event_attr (128 bytes, PERF_ATTR_SIZE_VER7), zeroed:
        // type PERF_TYPE_HARDWARE (0), size, config INSTRUCTIONS (1),
        // flags disabled | exclude_kernel | exclude_hv.
        let mut attr = [0u64; 16];
        attr[0] = 128u64 << 32;
        attr[1] = 1;
        attr[5] = 1 | (1 << 5) | (1 << 6);
        // SAFETY: `attr` is a valid, fully initialised perf_event_attr of
        // the size it states; pid 0, cpu -1: this thread on any CPU.
        let fd = unsafe { libc::syscall(libc::SYS_perf_event_open, attr.as_ptr(), 0, -1, -1, 0) };
        (fd >= 0).then_some(fd as i32)
    }

    fn fd() -> Option<i32> {
        FD.with(|c| *c.get_or_init(open))
    }

    pub fn available() -> bool {
        fd().is_some()
    }

    fn thread_nanos() -> u64 {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a writable timespec.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
        t.tv_sec as u64 * 1_000_000_000 + t.tv_nsec as u64
    }

    /// Run `f` and return the instructions it retired, or without a
    /// counter the nanoseconds of CPU time it took on this thread.
    pub fn count(f: impl FnOnce()) -> u64 {
        let Some(fd) = fd() else {
            let start = thread_nanos();
            f();
            return thread_nanos() - start;
        };
        // SAFETY: ioctls on our own perf event descriptor.
        unsafe {
            libc::ioctl(fd, PERF_EVENT_IOC_RESET as _, 0);
            libc::ioctl(fd, PERF_EVENT_IOC_ENABLE as _, 0);
        }
        f();
        let mut value = 0u64;
        // SAFETY: as above; `value` is 8 writable bytes.
        unsafe {
            libc::ioctl(fd, PERF_EVENT_IOC_DISABLE as _, 0);
            libc::read(fd, (&mut value as *mut u64).cast(), 8);
        }
        value
    }
}

/// What one analysis cost.
#[derive(Debug, Clone, Copy)]
pub struct Work {
    pub bytes: usize,
    /// User-space instructions, or nanoseconds of this thread's CPU time
    /// without a hardware counter.
    pub instructions: u64,
    pub allocs: u64,
    pub steps: u64,
    /// Peak live heap bytes during the analysis, above what was live before.
    pub peak: usize,
}

impl Work {
    /// The three measures with their constants per byte, named.
    fn measures(&self) -> [(&'static str, u64, u64); 3] {
        let (name, slack) = if instructions::available() {
            ("instructions", SLACK_INSTRUCTIONS)
        } else {
            ("CPU ns", SLACK_NANOS)
        };
        [
            (name, self.instructions, slack),
            ("steps", self.steps, SLACK_COUNT),
            ("allocations", self.allocs, SLACK_COUNT),
        ]
    }

    /// The largest growth from `small` to `self` over the three measures.
    #[allow(dead_code)] // used by examples/scaled_soak.rs, not the fuzz target
    pub fn growth(&self, small: &Work) -> f64 {
        self.measures()
            .iter()
            .zip(small.measures())
            .map(|(l, s)| l.1 as f64 / s.1.max(1) as f64)
            .fold(0.0, f64::max)
    }
}

/// Analyse `text` (as the binary does, then serialise the result) and count.
pub fn measure(text: &str) -> Work {
    static WARM: std::sync::Once = std::sync::Once::new();
    WARM.call_once(|| {
        // One-off set-up (regexes, tables) is not the text's work.
        let _ = lede::analyze("Warm up\n\nBy A Writer\n\n\u{201c}Yes,\u{201d} she said.\n");
        if !instructions::available() {
            eprintln!(
                "scaled: no hardware instruction counter; measuring this thread's CPU time instead"
            );
        }
    });
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let allocs = ALLOCS.load(Ordering::Relaxed);
    lede::work::reset();
    let instructions = instructions::count(|| {
        let analysis = lede::analyze(text);
        let json = serde_json::to_vec(&analysis).expect("the analysis serialises");
        drop(json);
        drop(analysis);
    });
    Work {
        bytes: text.len(),
        instructions,
        allocs: ALLOCS.load(Ordering::Relaxed) - allocs,
        steps: lede::work::count(),
        peak: PEAK.load(Ordering::Relaxed).saturating_sub(before),
    }
}

/// Expand `program` at two sizes and check that the work grew linearly
/// (and, with `LEDE_SCALED_MEMORY=F`, that peak heap stayed under F times
/// the input plus 1 MB).
pub fn check(program: &Program) -> Result<(Work, Work), String> {
    let small_text = program.expand(SMALL);
    if lede::input::decode(small_text.as_bytes(), lede::Encoding::Utf8).is_err() {
        return Ok((measure(""), measure("")));
    }
    let small = measure(&small_text);
    drop(small_text);
    let large_text = program.expand(SMALL * STEP);
    let large = measure(&large_text);
    // The sizes are not exactly 8x apart (units are whole): scale the bound.
    let growth = large.bytes as f64 / small.bytes.max(1) as f64;
    for ((name, s, slack), (_, l, _)) in small.measures().into_iter().zip(large.measures()) {
        let bound = s as f64 * RATIO * growth / STEP as f64 + (slack * large.bytes as u64) as f64;
        if l as f64 > bound {
            return Err(format!(
                "{name} grew {:.1}x ({s} -> {l}) for {growth:.1}x the input ({} -> {} bytes): \
                 not linear. Program: {program:?}",
                l as f64 / s.max(1) as f64,
                small.bytes,
                large.bytes,
            ));
        }
    }
    if let Some(factor) = memory_factor() {
        if large.peak as f64 > factor * large.bytes as f64 + 1e6 {
            return Err(format!(
                "peak heap {} bytes, {:.1}x the {}-byte input (bound {factor}x). Program: {program:?}",
                large.peak,
                large.peak as f64 / large.bytes as f64,
                large.bytes
            ));
        }
    }
    Ok((small, large))
}

fn memory_factor() -> Option<f64> {
    std::env::var("LEDE_SCALED_MEMORY").ok()?.parse().ok()
}
