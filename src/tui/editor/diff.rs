//! What the solution (Ctrl-G) would replace in the student's text: a line
//! diff by longest common subsequence, shown before the student confirms.
//! Manifests are short; past [`MAX_LINES`] lines a side the diff is not
//! worked out (the count of lines is shown instead), so memory stays small.

/// Lines compared at most per side (the table is `old × new`).
pub const MAX_LINES: usize = 400;

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Same(String),
    Removed(String),
    Added(String),
}

/// The changes turning `old` into `new`, line by line; `None` when either
/// side is longer than [`MAX_LINES`].
pub fn line_diff(old: &str, new: &str) -> Option<Vec<Change>> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    if a.len() > MAX_LINES || b.len() > MAX_LINES {
        return None;
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(Change::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // A changed line reads as the old one removed, then the new one.
            out.push(Change::Removed(a[i].to_string()));
            i += 1;
        } else {
            out.push(Change::Added(b[j].to_string()));
            j += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_is_removed_then_added() {
        let d = line_diff("a\nb\nc\n", "a\nB\nc\nd\n").unwrap();
        assert_eq!(
            d,
            [
                Change::Same("a".into()),
                Change::Removed("b".into()),
                Change::Added("B".into()),
                Change::Same("c".into()),
                Change::Added("d".into()),
            ]
        );
        assert_eq!(line_diff("", "").unwrap(), []);
        let long = "x\n".repeat(MAX_LINES + 1);
        assert_eq!(line_diff(&long, "x"), None);
    }
}
