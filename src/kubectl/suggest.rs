//! "Did you mean ...?": the closest known word to a mistyped one.

/// Edit distance (insertions, deletions, substitutions, adjacent swaps).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// The closest candidate, if it is close enough to be what was meant: the
/// word is a prefix of it, or a few edits away (1 for short words, 2 up to
/// eight letters, 3 beyond).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = word.to_ascii_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = if c.starts_with(&w) && w.len() >= 2 {
            0
        } else {
            distance(&w, c)
        };
        let limit = match c.chars().count() {
            0..=3 => 1,
            4..=8 => 2,
            _ => 3,
        };
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// ` (did you mean "x"?)` or nothing.
pub fn hint<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!(" (did you mean \"{c}\"?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word() {
        let cmds = ["get", "describe", "delete", "scale", "rollout"];
        assert_eq!(closest("gte", cmds), Some("get"));
        assert_eq!(closest("descrbe", cmds), Some("describe"));
        assert_eq!(closest("rolout", cmds), Some("rollout"));
        assert_eq!(closest("desc", cmds), Some("describe"));
        assert_eq!(closest("xyz", cmds), None);
        assert_eq!(distance("pods", "pdos"), 1);
        assert_eq!(hint("pood", ["pods", "nodes"]), " (did you mean \"pods\"?)");
    }
}
