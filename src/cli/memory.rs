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
//!
//! Fixing it also fixes the heap's trim threshold at 128 KiB: each time the
//! free memory at the heap's top passes it, glibc gives it back with `brk`,
//! and the next article takes it again, page fault by page fault. Over a
//! folder of 11,059 articles (100 MB) that was 1,100 calls of `brk`, some
//! 3,100 page faults and 0.22-0.31 s of system time. A pad of 256 KiB kept
//! at the top ([`TOP_PAD`]) serves most articles from memory the one before
//! gave up: 9 calls of `brk`, 2,400 faults, 0.13-0.16 s of system time,
//! peak RSS the same (13.5 MB), and every case of `bench/scaling.py` within
//! its bar (a pad of 1 MiB raised two of them past theirs).

/// The memory glibc keeps (and takes) at the heap's top beyond what a
/// `brk` needs: at most this much more stays resident after an article.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub const TOP_PAD: i32 = 256 << 10;

/// Keep glibc's threshold for blocks of their own mapping at 128 KiB,
/// instead of letting the first freed large block raise it, and pad the
/// heap's top by [`TOP_PAD`].
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn fix_mmap_threshold() {
    // SAFETY: mallopt only sets tuning parameters of the allocator; it is
    // called before any other thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_TOP_PAD, TOP_PAD);
    }
}

/// Other C libraries choose for themselves.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn fix_mmap_threshold() {}
