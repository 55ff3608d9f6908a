//! Time spent in each stage of the analysis, for finding where the time
//! goes (not only the instructions: two stages of the same instruction
//! count can differ twice in time, one branching on every block's facts).
//!
//! With the `stage-times` feature, [`time`] adds the wall time of each
//! call to its stage's total, summed over all threads, and `lede` prints
//! the totals to standard error when a run ends ([`report`]):
//!
//! ```sh
//! cargo build --release --features stage-times
//! target/release/lede -q -j 1 articles/ > /dev/null
//! ```
//!
//! Without it, [`time`] only calls its closure and [`report`] is empty:
//! the release build carries no clock read.

/// A stage of the analysis, each timed apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The whole analysis before writing (`stream::analyze`), the two
    /// below included.
    Analysis,
    /// Lines and blocks (`segment::segment`).
    Segment,
    /// Block roles, boilerplate, bylines and dates (`structure::assign`).
    Assign,
    /// The whole writing of an article's JSON (`Article::write_json`,
    /// `append_json`), the speakers included: they are attributed as the
    /// quotations are written.
    Write,
    /// Speaker attribution (`speakers::attribute_pieces`).
    Speakers,
}

const STAGES: [Stage; 5] = [
    Stage::Analysis,
    Stage::Segment,
    Stage::Assign,
    Stage::Write,
    Stage::Speakers,
];

#[cfg(feature = "stage-times")]
static NANOS: [std::sync::atomic::AtomicU64; 5] =
    [const { std::sync::atomic::AtomicU64::new(0) }; 5];

/// Run `f`, adding its wall time to `stage`'s total with the
/// `stage-times` feature.
#[inline(always)]
pub fn time<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    #[cfg(feature = "stage-times")]
    {
        let start = std::time::Instant::now();
        let out = f();
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        NANOS[stage as usize].fetch_add(nanos, std::sync::atomic::Ordering::Relaxed);
        out
    }
    #[cfg(not(feature = "stage-times"))]
    {
        let _ = stage;
        f()
    }
}

/// Each stage's total in seconds, in [`Stage`] order (all zero without
/// the feature).
pub fn totals() -> [(Stage, f64); 5] {
    STAGES.map(|s| {
        #[cfg(feature = "stage-times")]
        let nanos = NANOS[s as usize].load(std::sync::atomic::Ordering::Relaxed);
        #[cfg(not(feature = "stage-times"))]
        let nanos = 0u64;
        (s, nanos as f64 / 1e9)
    })
}

/// The totals as lines for standard error, the rest of the analysis and
/// of the writing given apart; empty without the feature.
pub fn report() -> String {
    if !ENABLED {
        return String::new();
    }
    let [analysis, segment, assign, write, speakers] = totals().map(|(_, t)| t);
    let rows = [
        ("segmentation", segment),
        ("roles and boilerplate", assign),
        ("rest of the analysis", analysis - segment - assign),
        ("speakers", speakers),
        ("rest of the writing", write - speakers),
    ];
    let mut out = String::from("stage times (wall, all threads):\n");
    for (name, secs) in rows {
        out.push_str(&format!("  {name:<22} {secs:8.3} s\n"));
    }
    out
}

/// Whether stages are timed (the `stage-times` feature is on).
pub const ENABLED: bool = cfg!(feature = "stage-times");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_returns_what_its_closure_gives() {
        assert_eq!(time(Stage::Segment, || 6 * 7), 42);
        assert_eq!(report().is_empty(), !ENABLED);
    }

    #[cfg(feature = "stage-times")]
    #[test]
    fn a_timed_stage_adds_its_time() {
        let before = totals()[Stage::Speakers as usize].1;
        time(Stage::Speakers, || {
            std::thread::sleep(std::time::Duration::from_millis(5))
        });
        let after = totals()[Stage::Speakers as usize].1;
        assert!(after - before >= 0.005, "{before} -> {after}");
        assert!(report().contains("speakers"));
    }
}
