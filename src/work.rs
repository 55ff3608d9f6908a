//! A count of the analysis' work, for checks of linear time that count
//! steps instead of timing them (`fuzz/`'s `analyze_scaled` target, which
//! runs a text and one eight times its size and compares the counts).
//!
//! A loop whose length depends on the input calls [`tick`] with the number
//! of steps it took (one per candidate compared, say). Without the
//! `work-count` feature `tick` is empty and compiles to nothing; with it,
//! each thread keeps its own count, so analyses on other threads do not
//! mix in.

#[cfg(feature = "work-count")]
thread_local! {
    static COUNT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Count `steps` units of work on this thread.
#[inline(always)]
pub fn tick(steps: u64) {
    #[cfg(feature = "work-count")]
    COUNT.with(|c| c.set(c.get().wrapping_add(steps)));
    #[cfg(not(feature = "work-count"))]
    let _ = steps;
}

/// The work counted on this thread since the last [`reset`] (always 0
/// without the `work-count` feature).
pub fn count() -> u64 {
    #[cfg(feature = "work-count")]
    return COUNT.with(std::cell::Cell::get);
    #[cfg(not(feature = "work-count"))]
    0
}

/// Start counting from zero on this thread.
pub fn reset() {
    #[cfg(feature = "work-count")]
    COUNT.with(|c| c.set(0));
}

/// Whether [`tick`] counts (the `work-count` feature is on).
pub const ENABLED: bool = cfg!(feature = "work-count");

#[cfg(all(test, feature = "work-count"))]
mod tests {
    #[test]
    fn ticks_add_up_per_thread() {
        super::reset();
        super::tick(3);
        super::tick(4);
        assert_eq!(super::count(), 7);
        std::thread::spawn(|| assert_eq!(super::count(), 0))
            .join()
            .unwrap();
        super::reset();
        assert_eq!(super::count(), 0);
    }
}
