//! The order in which a question shows what it lists.
//!
//! - `order` questions: a deterministic shuffle of `items` for a seed,
//!   never the right order itself (there would be nothing to do):
//!   [`shown_order`].
//! - `choice`, `multi` and `predict` questions: the choices shuffled for
//!   display ([`choice_order`]), unless the question opts out with
//!   `shuffle: false` (choices with a natural order, like `0, 1, 2, 3`).
//!   Authors write the right choice wherever they like; where it is shown
//!   is the engine's business, so pressing `1` every time scores what
//!   guessing scores.
//!
//! A question's seed comes from the student's install seed (kept in the
//! progress file) and the question's id, and nothing else
//! ([`seed_for`]): the same student sees the same order on every visit and
//! in both languages (the Korean and English files share ids and list their
//! choices in the same order), and another student sees another order.
//! Answers are always checked by choice identity (an index into the
//! lesson's `choices`), never by the position shown.

/// `shown[p]` is the index in `items` of the item shown at position `p`.
/// For two or more items the result is never `0, 1, ..., n-1`.
pub fn shown_order(len: usize, seed: u64) -> Vec<usize> {
    let mut order = permutation(len, SplitMix64(seed));
    if len >= 2 && order.iter().enumerate().all(|(p, &i)| p == i) {
        order.rotate_left(1);
    }
    order
}

/// `shown[p]` is the index in `choices` of the choice shown at position
/// `p`: a uniform shuffle for the seed (the lesson's own order is one of
/// the possible orders, as likely as any other).
pub fn choice_order(len: usize, seed: u64) -> Vec<usize> {
    // Another stream than `shown_order`'s, so the two never move together.
    permutation(len, SplitMix64(seed ^ 0x6a09_e667_f3bc_c909))
}

/// Where choice `index` is shown (0-based), in `shown`; an empty `shown`
/// is the lesson's own order.
pub fn position_of(shown: &[usize], index: usize) -> usize {
    if shown.is_empty() {
        return index;
    }
    shown.iter().position(|&i| i == index).unwrap_or(index)
}

/// The choice shown at `position` (0-based); an empty `shown` is the
/// lesson's own order.
pub fn index_at(shown: &[usize], position: usize) -> usize {
    shown.get(position).copied().unwrap_or(position)
}

/// Fisher–Yates, from the end.
fn permutation(len: usize, mut rng: SplitMix64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    for i in (1..len).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// A seed for a question: the same question shuffles the same way for the
/// same install (or session) seed, and differently from its neighbours.
pub fn seed_for(quiz_id: &str, session_seed: u64) -> u64 {
    // FNV-1a over the id, mixed with the session seed.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in quiz_id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    SplitMix64(h ^ session_seed).next()
}

/// A fresh random seed for a new install: from the standard library's
/// per-process random hash keys (seeded by the operating system), the
/// time and the process id. Not for cryptography; only so that two
/// students' orders differ.
pub fn fresh_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    h.write_u128(now);
    h.write_u32(std::process::id());
    h.finish()
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

    #[test]
    fn every_position_is_as_likely_for_the_first_choice() {
        // Over many seeds choice 0 lands on each of 4 positions about a
        // quarter of the time (the lesson's order is not favoured).
        let mut at = [0u32; 4];
        for seed in 0..4000 {
            at[position_of(&choice_order(4, seed_for("q", seed)), 0)] += 1;
        }
        for n in at {
            assert!((900..1100).contains(&n), "{at:?}");
        }
    }

    #[test]
    fn positions_and_indices_agree() {
        let shown = vec![2, 0, 1];
        assert_eq!(index_at(&shown, 0), 2);
        assert_eq!(position_of(&shown, 2), 0);
        assert_eq!(position_of(&[], 1), 1);
        assert_eq!(index_at(&[], 1), 1);
        assert_ne!(fresh_seed(), fresh_seed());
    }
}
