//! Files as a container sees them: one tree assembled from the image, the
//! container's own writable layer and the volumes mounted into it. A
//! command that writes (`echo x > /data/f`, `touch`, `rm`) records what it
//! did, with the time since the container started, so the kubelet can
//! apply each write when its moment comes to the place that holds it (the
//! container layer, an emptyDir of the pod, a PersistentVolume).
//! <https://kubernetes.io/docs/concepts/storage/volumes/>

use std::collections::{BTreeMap, BTreeSet};

/// Files by path (relative to the root of whatever holds them).
pub type Files = BTreeMap<String, String>;

/// A change to a file, at an absolute path inside the container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FsOp {
    Write {
        path: String,
        content: String,
        append: bool,
    },
    Remove {
        path: String,
    },
    Mkdir {
        path: String,
    },
}

impl FsOp {
    pub fn path(&self) -> &str {
        match self {
            FsOp::Write { path, .. } | FsOp::Remove { path } | FsOp::Mkdir { path } => path,
        }
    }

    /// Apply to `files` with paths relative to `root` stripped.
    pub fn apply(&self, files: &mut Files, rel: &str) {
        match self {
            FsOp::Write {
                content, append, ..
            } => {
                let f = files.entry(rel.to_string()).or_default();
                if *append {
                    f.push_str(content);
                } else {
                    *f = content.clone();
                }
            }
            FsOp::Remove { .. } => {
                let prefix = format!("{rel}/");
                files.retain(|p, _| p != rel && !p.starts_with(&prefix));
            }
            FsOp::Mkdir { .. } => {
                files.entry(format!("{rel}/")).or_default();
            }
        }
    }
}

/// Normalise a path: absolute, no `.`, `..` or doubled slashes, no
/// trailing slash.
pub fn clean(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The tree a command sees, and the writes it made.
#[derive(Debug, Clone, Default)]
pub struct FsView {
    /// Absolute path -> content. A key ending in `/` is an empty directory.
    files: Files,
    /// Mount points that refuse writes (`Read-only file system`).
    read_only: BTreeSet<String>,
    /// What commands did, with the time since the container started.
    pub ops: Vec<(u64, FsOp)>,
}

impl FsView {
    pub fn new() -> Self {
        FsView::default()
    }

    /// Put `files` (relative paths) under `mount` (an absolute path).
    pub fn mount(&mut self, mount: &str, files: &Files, read_only: bool) {
        let mount = clean(mount);
        let prefix = format!("{mount}/");
        self.files
            .retain(|p, _| *p != mount && !p.starts_with(&prefix));
        self.files.insert(format!("{mount}/"), String::new());
        for (rel, content) in files {
            self.files
                .insert(clean(&format!("{mount}/{rel}")), content.clone());
        }
        if read_only {
            self.read_only.insert(mount);
        }
    }

    /// One file at an absolute path (image files, subPath mounts).
    pub fn put(&mut self, path: &str, content: &str) {
        self.files.insert(clean(path), content.to_string());
    }

    fn read_only_at(&self, path: &str) -> bool {
        self.read_only
            .iter()
            .any(|m| path == m || path.starts_with(&format!("{m}/")))
    }

    pub fn read(&self, path: &str) -> Option<&str> {
        self.files.get(&clean(path)).map(String::as_str)
    }

    pub fn is_dir(&self, path: &str) -> bool {
        let p = clean(path);
        if p == "/" {
            return true;
        }
        let prefix = format!("{p}/");
        self.files.keys().any(|k| k.starts_with(&prefix))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.read(path).is_some() || self.is_dir(path)
    }

    /// The names directly inside a directory, sorted.
    pub fn list(&self, dir: &str) -> Option<Vec<String>> {
        if !self.is_dir(dir) {
            return None;
        }
        let p = clean(dir);
        let prefix = if p == "/" {
            "/".to_string()
        } else {
            format!("{p}/")
        };
        let names: BTreeSet<String> = self
            .files
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix))
            .filter_map(|rest| rest.split('/').next())
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect();
        Some(names.into_iter().collect())
    }

    fn record(&mut self, t: u64, op: FsOp) -> Result<(), String> {
        let path = op.path().to_string();
        if self.read_only_at(&path) {
            return Err("Read-only file system".into());
        }
        if let Some(parent) = path.rsplit_once('/').map(|(p, _)| p)
            && !parent.is_empty()
            && !matches!(op, FsOp::Mkdir { .. })
            && !self.is_dir(parent)
            && !matches!(op, FsOp::Remove { .. })
        {
            // Writing into a folder that is not there.
            if !matches!(
                parent,
                "/tmp" | "/var/tmp" | "/root" | "/home" | "/var/log" | "/data"
            ) {
                return Err("No such file or directory".into());
            }
        }
        match &op {
            FsOp::Write {
                content, append, ..
            } => {
                let f = self.files.entry(path.clone()).or_default();
                if *append {
                    f.push_str(content);
                } else {
                    *f = content.clone();
                }
            }
            FsOp::Remove { .. } => {
                let prefix = format!("{path}/");
                self.files
                    .retain(|p, _| *p != path && !p.starts_with(&prefix));
            }
            FsOp::Mkdir { .. } => {
                self.files.entry(format!("{path}/")).or_default();
            }
        }
        self.ops.push((t, op));
        Ok(())
    }

    pub fn write(&mut self, path: &str, content: &str, append: bool, t: u64) -> Result<(), String> {
        self.record(
            t,
            FsOp::Write {
                path: clean(path),
                content: content.to_string(),
                append,
            },
        )
    }

    pub fn remove(&mut self, path: &str, t: u64) -> Result<(), String> {
        self.record(t, FsOp::Remove { path: clean(path) })
    }

    pub fn mkdir(&mut self, path: &str, t: u64) -> Result<(), String> {
        self.record(t, FsOp::Mkdir { path: clean(path) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mounts_shadow_what_is_below_and_can_be_read_only() {
        let mut v = FsView::new();
        v.put("/etc/config/old", "x");
        let mut cm = Files::new();
        cm.insert("color".into(), "blue".into());
        v.mount("/etc/config", &cm, true);
        assert_eq!(v.read("/etc/config/color"), Some("blue"));
        assert_eq!(v.read("/etc/config/old"), None);
        assert_eq!(v.list("/etc/config").unwrap(), ["color"]);
        assert_eq!(
            v.write("/etc/config/color", "red", false, 0).unwrap_err(),
            "Read-only file system"
        );
        v.write("/tmp/healthy", "", false, 0).unwrap();
        assert!(v.exists("/tmp/healthy"));
        v.remove("/tmp/healthy", 30_000).unwrap();
        assert!(!v.exists("/tmp/healthy"));
        assert_eq!(v.ops.len(), 2);
        assert_eq!(clean("/a//b/./c/../d/"), "/a/b/d");
    }
}
