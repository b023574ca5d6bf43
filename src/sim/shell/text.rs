//! The text filters a pipeline feeds (`env | grep APP`, `ls | wc -l`):
//! `grep`, `sort`, `head`, `tail`, `wc`, `uniq`, reading standard input or
//! their files, with busybox's options and messages.
//!
//! `grep` patterns go through the `regex` crate: an extended pattern
//! (`-E`, `egrep`) is close to its syntax; a basic one has `\|`, `\(`,
//! `\)`, `\{`, `\}`, `\+`, `\?` as its operators and the bare characters
//! as literals, translated first.

use super::*;

impl Eval<'_> {
    /// The lines a filter reads: its files, or standard input.
    fn input(&mut self, files: &[&String], tool: &str) -> Result<Vec<String>, i32> {
        if files.is_empty() {
            return Ok(self
                .stdin
                .as_deref()
                .unwrap_or("")
                .lines()
                .map(str::to_string)
                .collect());
        }
        let mut out = Vec::new();
        for path in files {
            match self.host.fs().read(path).map(str::to_string) {
                Some(text) => out.extend(text.lines().map(str::to_string)),
                None => {
                    self.err(&format!("{tool}: {path}: No such file or directory"));
                    return Err(if tool == "grep" { 2 } else { 1 });
                }
            }
        }
        Ok(out)
    }

    /// `grep`, `sort`, `head`, `tail`, `wc`, `uniq`, and `cat` with no file;
    /// `None` for any other program.
    pub(super) fn filter(&mut self, name: &str, args: &[String]) -> Option<i32> {
        let (flags, words): (Vec<&String>, Vec<&String>) =
            args.iter().partition(|a| a.starts_with('-') && a.len() > 1);
        let flag = |c: char| flags.iter().any(|f| !f.starts_with("--") && f.contains(c));
        Some(match name {
            "cat" if words.is_empty() => {
                let lines = self.input(&[], name).unwrap_or_default();
                lines.iter().for_each(|l| self.out(l));
                0
            }
            "grep" | "egrep" | "fgrep" => self.grep(name, args),
            "sort" => match self.input(&words, name) {
                Ok(mut lines) => {
                    if flag('n') {
                        lines.sort_by(|a, b| leading_number(a).total_cmp(&leading_number(b)));
                    } else {
                        lines.sort();
                    }
                    if flag('r') {
                        lines.reverse();
                    }
                    if flag('u') {
                        lines.dedup();
                    }
                    lines.iter().for_each(|l| self.out(l));
                    0
                }
                Err(code) => code,
            },
            "head" | "tail" => {
                let (count, files) = count_option(args);
                match self.input(&files, name) {
                    Ok(lines) => {
                        let n = count.min(lines.len());
                        let picked = if name == "head" {
                            &lines[..n]
                        } else {
                            &lines[lines.len() - n..]
                        };
                        picked.iter().for_each(|l| self.out(l));
                        0
                    }
                    Err(code) => code,
                }
            }
            "wc" => match self.input(&words, name) {
                Ok(lines) => {
                    let words_n: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
                    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
                    let line = match (flag('l'), flag('w'), flag('c')) {
                        (true, false, false) => lines.len().to_string(),
                        (false, true, false) => words_n.to_string(),
                        (false, false, true) => bytes.to_string(),
                        _ => format!("{:>9} {:>9} {:>9}", lines.len(), words_n, bytes),
                    };
                    self.out(&line);
                    0
                }
                Err(code) => code,
            },
            "uniq" => match self.input(&words, name) {
                Ok(mut lines) => {
                    lines.dedup();
                    lines.iter().for_each(|l| self.out(l));
                    0
                }
                Err(code) => code,
            },
            _ => return None,
        })
    }

    /// `grep [-ivcqnwEF] PATTERN [FILE...]`: 0 when a line matched, 1
    /// when none did, 2 on an error (busybox's codes).
    fn grep(&mut self, name: &str, args: &[String]) -> i32 {
        let mut opts = String::new();
        let mut rest = Vec::new();
        let mut patterns = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if a == "-e" {
                patterns.extend(it.next().cloned());
            } else if a.starts_with('-') && a.len() > 1 && rest.is_empty() && patterns.is_empty() {
                opts.push_str(&a[1..]);
            } else {
                rest.push(a);
            }
        }
        if patterns.is_empty() {
            if rest.is_empty() {
                self.err("Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...");
                return 2;
            }
            patterns.push(rest.remove(0).clone());
        }
        let extended = opts.contains('E') || name == "egrep";
        let fixed = opts.contains('F') || name == "fgrep";
        let mut source = patterns
            .iter()
            .map(|p| {
                if fixed {
                    regex::escape(p)
                } else if extended {
                    p.clone()
                } else {
                    basic_to_extended(p)
                }
            })
            .collect::<Vec<_>>()
            .join("|");
        if opts.contains('w') {
            source = format!(r"\b(?:{source})\b");
        }
        if opts.contains('i') {
            source = format!("(?i){source}");
        }
        let Ok(re) = regex::Regex::new(&source) else {
            self.err(&format!("grep: bad regex '{}'", patterns.join("|")));
            return 2;
        };
        let lines = match self.input(&rest, "grep") {
            Ok(lines) => lines,
            Err(code) => return code,
        };
        let invert = opts.contains('v');
        let hits: Vec<(usize, String)> = lines
            .into_iter()
            .enumerate()
            .filter(|(_, l)| re.is_match(l) != invert)
            .collect();
        if opts.contains('c') {
            self.out(&hits.len().to_string());
        } else if !opts.contains('q') {
            for (i, l) in &hits {
                if opts.contains('n') {
                    self.out(&format!("{}:{l}", i + 1));
                } else {
                    self.out(l);
                }
            }
        }
        if hits.is_empty() { 1 } else { 0 }
    }
}

/// `head -n 5`, `head -5`, `tail -n2`: the count (10 by default) and the
/// files named.
fn count_option(args: &[String]) -> (usize, Vec<&String>) {
    let mut count = 10;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-n" {
            count = it.next().and_then(|n| n.parse().ok()).unwrap_or(count);
        } else if let Some(n) = a.strip_prefix("-n").or_else(|| a.strip_prefix('-')) {
            count = n.parse().unwrap_or(count);
        } else {
            files.push(a);
        }
    }
    (count, files)
}

fn leading_number(line: &str) -> f64 {
    let t = line.trim_start();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(t.len());
    t[..end].parse().unwrap_or(0.0)
}

/// A basic (POSIX BRE) pattern as the `regex` crate's syntax.
fn basic_to_extended(p: &str) -> String {
    let mut out = String::new();
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(op @ ('|' | '(' | ')' | '{' | '}' | '+' | '?')) => out.push(op),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push_str(r"\\"),
            },
            '|' | '(' | ')' | '{' | '}' | '+' | '?' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::basic_to_extended;

    #[test]
    fn basic_patterns_keep_their_operators_escaped() {
        assert_eq!(basic_to_extended(r"a\|b"), "a|b");
        assert_eq!(basic_to_extended("a|b"), r"a\|b");
        assert_eq!(basic_to_extended(r"^\(x\)$"), "^(x)$");
        assert_eq!(basic_to_extended("a.b*"), "a.b*");
    }
}
