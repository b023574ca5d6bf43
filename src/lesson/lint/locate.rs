//! Lines inside an interactive block: where a key, a list item, or a line
//! of a manifest written as a `|` block scalar sits in the lesson file.
//!
//! The block's YAML is read a second time with the manifest module's
//! position scanner (saphyr events carry spans), so flow and block styles
//! alike give the line of the key at fault. Anything not found falls back
//! to its nearest written ancestor, then to the opening fence.

use crate::lesson::scan::Fence;
use crate::manifest::path::Path;
use crate::manifest::positions::{self, PosMap, Style};

#[derive(Debug)]
pub(super) struct Block {
    /// The line of the opening fence.
    pub fence_line: usize,
    content: String,
    content_line: usize,
    map: Option<PosMap>,
}

impl Block {
    pub(super) fn new(fence: &Fence) -> Block {
        let scan = positions::scan(&fence.content, fence.content_line - 1);
        Block {
            fence_line: fence.content_line - 1,
            content: fence.content.clone(),
            content_line: fence.content_line,
            map: scan.docs.into_iter().next(),
        }
    }

    /// A block with no text to look into: every line is the fence's.
    pub(super) fn at(fence_line: usize) -> Block {
        Block {
            fence_line,
            content: String::new(),
            content_line: fence_line + 1,
            map: None,
        }
    }

    /// The nearest path at or above `path` that is written in the block.
    fn written(&self, path: &Path) -> Option<(&PosMap, Path)> {
        let map = self.map.as_ref()?;
        let mut p = Some(path.clone());
        while let Some(cur) = p {
            if cur.segments().is_empty() {
                return None;
            }
            if map.style(&cur).is_some() {
                return Some((map, cur));
            }
            p = cur.parent();
        }
        None
    }

    /// The file line of `path`'s key (a list item's first line); else of
    /// its nearest written ancestor; else of the opening fence.
    pub(super) fn line(&self, path: &Path) -> usize {
        match self.written(path) {
            Some((map, p)) => map.key(&p).line,
            None => self.fence_line,
        }
    }

    /// The file line of line `n` (1-based) of the text at `path`: exact
    /// for a literal block scalar (`key: |`), whose text starts on the
    /// line after its key; the value's line for a scalar written on one
    /// line; the key's line otherwise (a folded `>` scalar moves lines).
    pub(super) fn text_line(&self, path: &Path, n: usize) -> usize {
        let Some((map, p)) = self.written(path) else {
            return self.fence_line;
        };
        let key = map.key(&p);
        if &p != path {
            return key.line;
        }
        match map.style(&p) {
            Some(Style::Block) if self.literal_after(key.line, key.column) => key.line + n.max(1),
            Some(Style::Plain | Style::Quoted) => map.value(&p).line,
            _ => key.line,
        }
    }

    /// Whether the key at (`line`, `column`) is followed by `: |`.
    fn literal_after(&self, line: usize, column: usize) -> bool {
        let Some(text) = line
            .checked_sub(self.content_line)
            .and_then(|i| self.content.lines().nth(i))
        else {
            return false;
        };
        let rest: String = text.chars().skip(column.saturating_sub(1)).collect();
        rest.split_once(':')
            .is_some_and(|(_, after)| after.trim_start().starts_with('|'))
    }
}

/// `a.b[2].c` as a path (tests and callers that name fixed keys).
pub(super) fn path(text: &str) -> Path {
    let mut out = Path::root();
    for part in text.split('.') {
        let (name, rest) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            out = out.field(name);
        }
        for index in rest.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out = out.index(i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::scan::FenceKind;

    fn block(content: &str, fence_line: usize) -> Block {
        Block::new(&Fence {
            kind: FenceKind::Exercise,
            start: 0,
            end: 0,
            content: content.to_string(),
            content_line: fence_line + 1,
            closed: true,
        })
    }

    #[test]
    fn keys_items_and_block_scalar_lines() {
        let b = block(
            "id: x\nsolution: |\n  apiVersion: v1\n  kind: Pod\nsetup:\n  commands:\n    - wait 1s\n    - bad\ncheck:\n  - pods: { count: 1 }\n",
            10,
        );
        assert_eq!(b.line(&path("id")), 11);
        assert_eq!(b.line(&path("setup.commands[1]")), 18);
        assert_eq!(b.line(&path("check[0]")), 20);
        // Missing keys fall back to the nearest ancestor, then the fence.
        assert_eq!(b.line(&path("setup.apply")), 15);
        assert_eq!(b.line(&path("starter")), 10);
        // Line 2 of the solution is `kind: Pod`.
        assert_eq!(b.text_line(&path("solution"), 2), 14);
        assert_eq!(b.text_line(&path("solution"), 1), 13);
        assert_eq!(path("a.b[2][3].c").to_string(), "a.b[2][3].c");
    }

    #[test]
    fn folded_and_inline_scalars_map_to_their_key_or_value() {
        let b = block("apply: >\n  a\n  b\nsolution: \"x: 1\"\n", 1);
        assert_eq!(b.text_line(&path("apply"), 2), 2);
        assert_eq!(b.text_line(&path("solution"), 1), 5);
        assert_eq!(Block::at(7).line(&path("choices[0]")), 7);
    }
}
