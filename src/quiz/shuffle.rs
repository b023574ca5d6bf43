//! The order in which an `order` question shows its items: a deterministic
//! shuffle of `items` for a seed, never the right order itself (there would
//! be nothing to do).

/// `shown[p]` is the index in `items` of the item shown at position `p`.
/// For two or more items the result is never `0, 1, ..., n-1`.
pub fn shown_order(len: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut rng = SplitMix64(seed);
    // Fisher–Yates, from the end.
    for i in (1..len).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    if len >= 2 && order.iter().enumerate().all(|(p, &i)| p == i) {
        order.rotate_left(1);
    }
    order
}

/// A seed for a question: the same question shuffles the same way for the
/// same session seed, and differently from its neighbours.
pub fn seed_for(quiz_id: &str, session_seed: u64) -> u64 {
    // FNV-1a over the id, mixed with the session seed.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in quiz_id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    SplitMix64(h ^ session_seed).next()
}

struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_a_permutation_and_never_the_answer() {
        for len in 0..8 {
            for seed in 0..200 {
                let shown = shown_order(len, seed);
                let mut sorted = shown.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..len).collect::<Vec<_>>());
                if len >= 2 {
                    assert_ne!(shown, sorted, "len {len} seed {seed}");
                }
            }
        }
    }

    #[test]
    fn same_seed_same_order() {
        assert_eq!(shown_order(5, 42), shown_order(5, 42));
        let distinct: std::collections::BTreeSet<Vec<usize>> =
            (0..50).map(|s| shown_order(5, s)).collect();
        assert!(distinct.len() > 20, "only {} orders", distinct.len());
        assert_eq!(seed_for("q", 1), seed_for("q", 1));
        assert_ne!(seed_for("q", 1), seed_for("r", 1));
    }
}
