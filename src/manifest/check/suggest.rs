//! "Did you mean": the closest known word by edit distance (with adjacent
//! transpositions counting as one edit, so `contianers` is one step from
//! `containers`), ignoring case.

/// Optimal string alignment distance between `a` and `b`.
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

/// The known word closest to `word`, if it is close enough to be a typo.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let limit = match word.chars().count() {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    };
    known
        .into_iter()
        .map(|k| (distance(&lower, &k.to_lowercase()), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word() {
        assert_eq!(distance("contianers", "containers"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        let fields = ["containers", "initContainers", "volumes", "restartPolicy"];
        assert_eq!(closest("contianers", fields), Some("containers"));
        assert_eq!(closest("Volumes", fields), Some("volumes"));
        assert_eq!(closest("restartpolicy", fields), Some("restartPolicy"));
        assert_eq!(closest("zzz", fields), None);
        assert_eq!(closest("Pood", ["Pod", "Node"]), Some("Pod"));
    }
}
