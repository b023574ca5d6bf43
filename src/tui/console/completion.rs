//! Tab completion in the command bar, on top of [`crate::kubectl::complete`].
//!
//! The first Tab completes the word before the cursor: a single candidate is
//! taken at once; several extend the word to what they share and are listed.
//! The next Tabs (Shift-Tab backwards) cycle through them. Text after the
//! cursor stays where it is.

use super::Bar;
use crate::kubectl;
use crate::sim::Cluster;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// Whole lines up to the cursor, as `kubectl::complete` gives them.
    pub candidates: Vec<String>,
    /// The candidate in the line now, once cycling started.
    pub selected: Option<usize>,
    /// Bytes of the line before the word being completed.
    head_len: usize,
    /// The text after the cursor when completion began.
    tail: String,
}

impl Completion {
    /// The completed word of each candidate, for the list under the bar.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.candidates
            .iter()
            .map(|c| c.get(self.head_len..).unwrap_or(c).trim_end())
    }
}

fn common_prefix(items: &[String]) -> &str {
    let Some(first) = items.first() else {
        return "";
    };
    let mut end = first.len();
    for s in &items[1..] {
        end = first
            .char_indices()
            .zip(s.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(s.len()), |((i, _), _)| i.min(end));
    }
    &first[..end]
}

fn put(bar: &mut Bar, line: &str, tail: &str) {
    bar.input.set_parts(line, tail);
}

/// Tab (`forward`) or Shift-Tab.
pub fn step(bar: &mut Bar, cluster: &Cluster, forward: bool) {
    if let Some(c) = bar.completion.as_mut()
        && c.candidates.len() > 1
    {
        let n = c.candidates.len();
        let next = match (c.selected, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        c.selected = Some(next);
        let (line, tail) = (c.candidates[next].clone(), c.tail.clone());
        put(bar, &line, &tail);
        return;
    }
    let text = bar.input.text().to_string();
    let (partial, tail) = text.split_at(bar.input.cursor());
    let candidates = kubectl::complete(cluster, partial);
    let head_len = partial.trim_end_matches(|c: char| !c.is_whitespace()).len();
    match candidates.len() {
        1 => {
            put(bar, &candidates[0], tail);
            bar.completion = None;
        }
        _ => {
            let prefix = common_prefix(&candidates).to_string();
            let mut c = Completion {
                candidates,
                selected: None,
                head_len,
                tail: tail.to_string(),
            };
            if prefix.len() > partial.len() {
                put(bar, &prefix, tail);
            } else if !c.candidates.is_empty() {
                let i = if forward { 0 } else { c.candidates.len() - 1 };
                c.selected = Some(i);
                put(bar, &c.candidates[i], tail);
            }
            bar.completion = Some(c);
        }
    }
}
