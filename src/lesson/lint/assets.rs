//! Files a lesson refers to: images (`![alt](path)`) and links to local
//! files must exist and stay inside the course folder. Remote links
//! (`https:`, `mailto:`, ...) and anchors (`#section`) are not checked.

use super::{Placed, Root, Source};
use crate::lesson::files;
use crate::lesson::scan;
use pulldown_cmark::{LinkType, Parser, Tag};
use std::path::Path;

/// Where a link points.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// Another site, or an anchor in this page: nothing to check.
    Elsewhere,
    /// `/x.png`, `C:\x.png`, `file:///x.png`.
    Absolute,
    /// A path relative to the lesson file, decoded, without `?query` or `#anchor`.
    Local(String),
}

pub(super) fn check(source: &Source, root: &Root) -> Vec<Placed> {
    let body = &source.text[source.body_start..];
    let mut found = Vec::new();
    for (event, range) in Parser::new_ext(body, scan::options()).into_offset_iter() {
        let (what, dest) = match event {
            pulldown_cmark::Event::Start(Tag::Image { dest_url, .. }) => ("image", dest_url),
            pulldown_cmark::Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) if link_type != LinkType::Email => ("link", dest_url),
            _ => continue,
        };
        let line = source.text[..source.body_start + range.start]
            .matches('\n')
            .count()
            + 1;
        let dest = dest.trim();
        let problem = match classify(dest) {
            Target::Elsewhere => None,
            Target::Absolute => Some(format!(
                "{what} {dest:?} is an absolute path: use a path relative to the lesson file"
            )),
            Target::Local(rel) => local(&source.rel, &rel, root)
                .err()
                .map(|why| format!("{what} {dest:?} {why}")),
        };
        if let Some(message) = problem {
            found.push(Placed::error(line, message));
        }
    }
    found
}

fn classify(dest: &str) -> Target {
    if dest.is_empty() || dest.starts_with('#') || dest.starts_with("//") {
        return Target::Elsewhere;
    }
    if dest.starts_with(['/', '\\']) {
        return Target::Absolute;
    }
    if let Some((scheme, _)) = dest.split_once(':') {
        let is_scheme = scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
        if is_scheme {
            // One letter is a Windows drive (`C:`), not a scheme.
            return if scheme.len() == 1 || scheme.eq_ignore_ascii_case("file") {
                Target::Absolute
            } else {
                Target::Elsewhere
            };
        }
    }
    let end = dest.find(['?', '#']).unwrap_or(dest.len());
    Target::Local(percent_decode(&dest[..end]))
}

/// `%20` and the like, as a browser reads a link.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Resolve `rel` against the folder of the lesson at `lesson` (both
/// relative to the course folder) and look for it.
fn local(lesson: &str, rel: &str, root: &Root) -> Result<(), String> {
    let mut parts: Vec<&str> = lesson.split('/').collect();
    parts.pop();
    for part in rel.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(
                        "points outside the lessons folder: keep what a lesson uses inside it"
                            .to_string(),
                    );
                }
            }
            p => parts.push(p),
        }
    }
    let resolved = parts.join("/");
    if resolved.is_empty() {
        return Ok(()); // the course folder itself
    }
    let missing = || format!("does not exist (looked for {resolved} in the lessons folder)");
    match root {
        Root::Embedded => {
            if files::embedded_contains(&resolved) {
                Ok(())
            } else {
                Err(missing())
            }
        }
        Root::Dir(dir) => {
            let full = dir.join(&resolved);
            if !full.exists() {
                return Err(missing());
            }
            if !inside(dir, &full) {
                return Err(format!(
                    "points outside the lessons folder through a symbolic link ({resolved})"
                ));
            }
            Ok(())
        }
    }
}

fn inside(dir: &Path, full: &Path) -> bool {
    match (dir.canonicalize(), full.canonicalize()) {
        (Ok(d), Ok(f)) => f.starts_with(d),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_link_targets() {
        assert_eq!(classify("https://kubernetes.io/docs"), Target::Elsewhere);
        assert_eq!(classify("mailto:a@b.c"), Target::Elsewhere);
        assert_eq!(classify("#pending"), Target::Elsewhere);
        assert_eq!(classify("//cdn.example/x.png"), Target::Elsewhere);
        assert_eq!(classify("/etc/passwd"), Target::Absolute);
        assert_eq!(classify("C:\\img\\a.png"), Target::Absolute);
        assert_eq!(classify("file:///tmp/a.png"), Target::Absolute);
        assert_eq!(
            classify("img/my%20pod.png?raw=1#top"),
            Target::Local("img/my pod.png".into())
        );
        assert_eq!(classify("data:image/png;base64,AA=="), Target::Elsewhere);
        assert_eq!(classify("./x:y.png"), Target::Local("./x:y.png".into()));
    }

    #[test]
    fn relative_paths_may_climb_but_not_leave_the_folder() {
        let root = Root::Dir(std::env::temp_dir().join("kubetutor-lint-no-such-dir"));
        assert!(
            local("en/pods.md", "../../x.png", &root)
                .unwrap_err()
                .starts_with("points outside")
        );
        assert_eq!(
            local("en/pods.md", "../img/x.png", &root).unwrap_err(),
            "does not exist (looked for img/x.png in the lessons folder)"
        );
        assert!(local("pods.md", "..", &root).is_err());
    }
}
