//! The main region of a whole page: the run of blocks that holds the
//! article, with furniture (menus, teasers, comment threads, cookie
//! banners) on either side.
//!
//! Each block gets a score — prose counts for itself, furniture against —
//! and the region is the contiguous run with the highest sum (Kadane's
//! maximum-sum segment, one linear pass). A lone prose block far from the
//! article ("Sign up to get the best stories by email every morning.")
//! cannot pay for the menus and teasers between it and the body, so it
//! stays out; a short widget inside the article is paid for by the prose
//! around it.

/// The `[start, end)` of the contiguous run of `scores` with the highest
/// sum, or `None` when no score is positive. The scores are read once, in
/// order, as they come: none need be held. Inlined into its one caller,
/// where the scores are made a block at a time.
#[inline]
pub fn main_region(scores: impl IntoIterator<Item = f64>) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let mut sum = 0.0;
    let mut start = 0;
    for (i, s) in scores.into_iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i + 1));
        }
    }
    best.map(|(_, a, b)| (a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_run_wins() {
        // menu, body with a widget inside, teasers, a lone prose block
        let s = [
            -2.0, -2.0, 30.0, -3.0, 25.0, -2.0, -2.0, -2.0, -2.0, -2.0, -2.0, 8.0,
        ];
        assert_eq!(main_region(s), Some((2, 5)));
    }

    #[test]
    fn nothing_positive_is_no_region() {
        assert_eq!(main_region([-1.0, -2.0]), None);
        assert_eq!(main_region(Vec::new()), None);
    }

    #[test]
    fn a_near_block_joins_when_it_pays() {
        let s = [20.0, -3.0, 10.0];
        assert_eq!(main_region(s), Some((0, 3)));
    }
}
