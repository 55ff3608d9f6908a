//! How the C library's allocator holds memory for lede.
//!
//! glibc serves a block of 128 KiB or more with its own `mmap`, given back
//! to the system when freed, but only until the first such block is freed:
//! from then on it raises that threshold to the freed block's size (up to
//! 32 MiB) and serves every smaller block from the heap. A long article
//! builds and frees lists of megabytes as its analysis goes on, after
//! which the lists that grow to megabytes while its quotations are
//! attributed (people, mentions, speakers) are grown in the heap by
//! copying, each copy leaving a hole behind that the process keeps. Measured on an article of 95,000 short
//! paragraphs (10 MB, each naming a new person): peak RSS 44.4 MB with the
//! sliding threshold, 39.9 MB with it fixed; a small article is not
//! changed (its blocks are smaller than the threshold either way).
//!
//! Fixing the threshold at its starting value keeps each large block in a
//! mapping of its own: grown in place by `mremap`, unmapped when freed.

/// Keep glibc's threshold for blocks of their own mapping at 128 KiB,
/// instead of letting the first freed large block raise it.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn fix_mmap_threshold() {
    // SAFETY: mallopt only sets a tuning parameter of the allocator; it is
    // called before any other thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Other C libraries choose for themselves.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn fix_mmap_threshold() {}
