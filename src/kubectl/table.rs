//! Column alignment the way kubectl does it: Go's `text/tabwriter`. Cells
//! end with a tab; a column block is a run of consecutive lines that have a
//! cell in that column, and is as wide as its widest cell plus padding. The
//! last cell of a line is never padded. Widths are display widths, so Korean
//! text and emoji line up.

use unicode_width::UnicodeWidthStr;

/// `kubectl get`: minimum width 6, padding 3.
pub const GET: (usize, usize) = (6, 3);
/// `kubectl describe`: minimum width 0, padding 2.
pub const DESCRIBE: (usize, usize) = (0, 2);

/// Align tab-separated `text` (lines end with `\n`).
pub fn tabwrite(text: &str, (minwidth, padding): (usize, usize)) -> String {
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut widths = Vec::new();
    format(
        &lines,
        0,
        lines.len(),
        &mut widths,
        minwidth,
        padding,
        &mut out,
    );
    out
}

fn write_lines(lines: &[Vec<&str>], from: usize, to: usize, widths: &[usize], out: &mut String) {
    for line in &lines[from..to] {
        for (j, cell) in line.iter().enumerate() {
            out.push_str(cell);
            if j + 1 < line.len() && j < widths.len() {
                let w = UnicodeWidthStr::width(*cell);
                out.extend(std::iter::repeat_n(' ', widths[j].saturating_sub(w)));
            }
        }
        out.push('\n');
    }
}

fn format(
    lines: &[Vec<&str>],
    mut line0: usize,
    line1: usize,
    widths: &mut Vec<usize>,
    minwidth: usize,
    padding: usize,
    out: &mut String,
) {
    let column = widths.len();
    let mut this = line0;
    while this < line1 {
        if column + 1 >= lines[this].len() {
            this += 1;
            continue;
        }
        write_lines(lines, line0, this, widths, out);
        line0 = this;
        let mut width = minwidth;
        while this < line1 && column + 1 < lines[this].len() {
            width = width.max(UnicodeWidthStr::width(lines[this][column]) + padding);
            this += 1;
        }
        widths.push(width);
        format(lines, line0, this, widths, minwidth, padding, out);
        widths.pop();
        line0 = this;
    }
    write_lines(lines, line0, line1, widths, out);
}

/// A `kubectl get` table: header and rows, aligned.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut text = header.join("\t");
    text.push('\n');
    text.push_str(&body(rows));
    tabwrite(&text, GET)
}

/// `--no-headers`: the rows alone, their columns as wide as the rows need.
pub fn rows_only(rows: &[Vec<String>]) -> String {
    tabwrite(&body(rows), GET)
}

fn body(rows: &[Vec<String>]) -> String {
    let mut text = String::new();
    for r in rows {
        text.push_str(&r.join("\t"));
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_like_kubectl_get() {
        let out = table(
            &["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
            &[
                vec![
                    "web-1".into(),
                    "1/1".into(),
                    "Running".into(),
                    "0".into(),
                    "5s".into(),
                ],
                vec![
                    "crash-demo".into(),
                    "0/1".into(),
                    "CrashLoopBackOff".into(),
                    "3 (9s ago)".into(),
                    "2m".into(),
                ],
            ],
        );
        assert_eq!(
            out,
            "NAME         READY   STATUS             RESTARTS     AGE\n\
             web-1        1/1     Running            0            5s\n\
             crash-demo   0/1     CrashLoopBackOff   3 (9s ago)   2m\n"
        );
    }

    #[test]
    fn blocks_end_at_lines_without_that_column() {
        let text = "Name:\tweb\nService Account:\tdefault\nIPs:\n  IP:\t10.244.1.2\nControlled By:\tReplicaSet/web\n";
        assert_eq!(
            tabwrite(text, DESCRIBE),
            "Name:             web\nService Account:  default\nIPs:\n  IP:           10.244.1.2\nControlled By:  ReplicaSet/web\n"
        );
    }

    #[test]
    fn korean_cells_are_measured_by_display_width() {
        let out = table(&["이름", "X"], &[vec!["가".into(), "1".into()]]);
        assert_eq!(out, "이름   X\n가     1\n");
    }
}
