//! A manifest written inside a block (`apply`, `solution`) checked with
//! [`crate::manifest::load`], its problems placed on lesson-file lines.

use super::Placed;
use super::locate::Block;
use crate::manifest::path::Path;
use crate::manifest::{Diagnostic, Loaded};

/// Every diagnostic of `loaded` (the text at `at` in `block`) as a finding
/// on the lesson line it points to: errors stay errors, warnings warnings.
/// `what` starts each message (`exercise `web`: solution`).
pub(super) fn placed(loaded: &Loaded, block: &Block, at: &Path, what: &str) -> Vec<Placed> {
    loaded
        .diagnostics
        .iter()
        .map(|d| {
            let line = block.text_line(at, d.line);
            let message = format!("{what}: {}", describe(d));
            if d.is_error() {
                Placed::error(line, message)
            } else {
                Placed::warning(line, message)
            }
        })
        .collect()
}

/// `spec.replicas: Invalid value: -1` (the field path when there is one).
pub(super) fn describe(d: &Diagnostic) -> String {
    if d.path.is_empty() {
        d.message.clone()
    } else {
        format!("{}: {}", d.path, d.message)
    }
}
