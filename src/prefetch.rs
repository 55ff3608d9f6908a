//! A hint to the processor to bring a cache line in ahead of its use.
//!
//! The one `unsafe` of the library: `_mm_prefetch` is an intrinsic of a
//! target feature (SSE), which Rust calls unsafe whatever the build
//! enables. The instruction reads nothing into a register and never
//! faults, at any address, and every x86_64 processor has SSE; taking a
//! reference, the function cannot even be given a bad address. Elsewhere
//! it does nothing.

/// Asks for the cache line that holds `r` to be brought in, so that a load
/// of it soon finds it in cache.
#[inline(always)]
#[allow(unsafe_code)]
pub(crate) fn prefetch<T>(r: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: see the module's note: a prefetch has no effect but on the
    // cache, and SSE is part of every x86_64 target.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(
            (r as *const T).cast(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = r;
}
