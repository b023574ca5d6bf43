//! Field paths: `spec.template.spec.containers[0].image`.
//!
//! A path is shown the way kubectl's `field.Path` prints it: struct fields joined
//! by dots, list indices and map keys in brackets (`metadata.labels[app]`,
//! `resources.requests[cpu]`). The position map is keyed by a simpler form in
//! which map keys are written like fields ([`Path::key`]), because the YAML
//! layer does not know which mappings are structs and which are free maps.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A field of a structured object.
    Field(String),
    /// An entry of a free-form map (labels, resource lists).
    Key(String),
    /// An item of a list.
    Index(usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }

    pub fn field(&self, name: &str) -> Path {
        self.with(Seg::Field(name.to_string()))
    }

    pub fn key(&self, name: &str) -> Path {
        self.with(Seg::Key(name.to_string()))
    }

    pub fn index(&self, i: usize) -> Path {
        self.with(Seg::Index(i))
    }

    fn with(&self, seg: Seg) -> Path {
        let mut v = self.0.clone();
        v.push(seg);
        Path(v)
    }

    /// `other` appended to this path.
    pub fn join(&self, other: &Path) -> Path {
        let mut v = self.0.clone();
        v.extend(other.0.iter().cloned());
        Path(v)
    }

    pub fn parent(&self) -> Option<Path> {
        if self.0.is_empty() {
            None
        } else {
            Some(Path(self.0[..self.0.len() - 1].to_vec()))
        }
    }

    pub fn segments(&self) -> &[Seg] {
        &self.0
    }

    /// The last field or key name, if the path ends in one.
    pub fn last_name(&self) -> Option<&str> {
        match self.0.last() {
            Some(Seg::Field(n) | Seg::Key(n)) => Some(n),
            _ => None,
        }
    }

    /// The position-map key: fields and map keys alike as `.name`.
    pub fn lookup_key(&self) -> String {
        let mut out = String::new();
        for seg in &self.0 {
            match seg {
                Seg::Field(n) | Seg::Key(n) => push_name(&mut out, n),
                Seg::Index(i) => push_index(&mut out, *i),
            }
        }
        out
    }

    /// The path without list indices and map keys, as Go's JSON decoder
    /// names a struct field (`spec.containers.ports.containerPort`).
    pub fn go_field(&self) -> String {
        let names: Vec<&str> = self
            .0
            .iter()
            .filter_map(|s| match s {
                Seg::Field(n) => Some(n.as_str()),
                _ => None,
            })
            .collect();
        names.join(".")
    }
}

pub(crate) fn push_name(out: &mut String, name: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(name);
}

pub(crate) fn push_index(out: &mut String, i: usize) {
    out.push('[');
    out.push_str(&i.to_string());
    out.push(']');
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for seg in &self.0 {
            match seg {
                Seg::Field(n) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(n)?;
                }
                Seg::Key(k) => write!(f, "[{k}]")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_kubectl_field_paths() {
        let p = Path::root()
            .field("spec")
            .field("containers")
            .index(0)
            .field("resources")
            .field("requests")
            .key("cpu");
        assert_eq!(p.to_string(), "spec.containers[0].resources.requests[cpu]");
        assert_eq!(p.lookup_key(), "spec.containers[0].resources.requests.cpu");
        assert_eq!(p.go_field(), "spec.containers.resources.requests");
        assert_eq!(p.last_name(), Some("cpu"));
        assert_eq!(Path::root().index(2).to_string(), "[2]");
    }
}
