//! "Did you mean …?": the closest known word to a mistyped one. One measure
//! for every place that suggests: kubectl commands, kinds and flags, manifest
//! fields and values, lesson and exercise ids.

/// Optimal string alignment distance: insertions, deletions, substitutions,
/// and adjacent swaps as one edit (so `contianers` is one step from
/// `containers`).
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
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// The candidate closest to `word` (ignoring case), if it is close enough to
/// be what was meant: `word` (two letters or more) begins it, or it is a few
/// edits away — 1 for words of up to three letters, 2 up to eight, 3 beyond.
/// Ties go to the first candidate.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let lower = c.to_lowercase();
        let d = if w.chars().count() >= 2 && lower.starts_with(&w) && lower != w {
            0
        } else {
            distance(&w, &lower)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word() {
        assert_eq!(distance("contianers", "containers"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("pods", "pdos"), 1);
        let fields = ["containers", "initContainers", "volumes", "restartPolicy"];
        assert_eq!(closest("contianers", fields), Some("containers"));
        assert_eq!(closest("Volumes", fields), Some("volumes"));
        assert_eq!(closest("restartpolicy", fields), Some("restartPolicy"));
        assert_eq!(closest("zzz", fields), None);
        assert_eq!(closest("Pood", ["Pod", "Node"]), Some("Pod"));
        let cmds = ["get", "describe", "delete", "scale", "rollout"];
        assert_eq!(closest("gte", cmds), Some("get"));
        assert_eq!(closest("descrbe", cmds), Some("describe"));
        assert_eq!(closest("rolout", cmds), Some("rollout"));
        assert_eq!(closest("desc", cmds), Some("describe"));
        assert_eq!(closest("xyz", cmds), None);
        assert_eq!(closest("frist", ["first", "second"]), Some("first"));
    }
}
