//! `OwnerRef`: the reference from an object to the controller that owns it.

use super::objects::Kind;
use super::stored::Oid;

/// The controller that owns an object (`metadata.ownerReferences`).
///
/// Nearly every Pod, ReplicaSet and Lease has one, so it is kept small: the
/// owner's name and uid share one allocation (`text`, split at `name_len`),
/// which makes the reference 32 bytes inline instead of 64 and one
/// allocation instead of two (issue #11's scale benchmark holds 13,000
/// `Meta`s).
#[derive(Clone, PartialEq, Eq)]
pub struct OwnerRef {
    pub kind: Kind,
    pub oid: Oid,
    /// The owner's name followed by its uid.
    text: Box<str>,
    name_len: u32,
}

impl OwnerRef {
    pub fn new(kind: Kind, name: &str, uid: &str, oid: Oid) -> Self {
        // Object names are at most 253 bytes (validation), far below u32.
        let name_len = u32::try_from(name.len()).expect("object names are short");
        OwnerRef {
            kind,
            oid,
            text: [name, uid].concat().into_boxed_str(),
            name_len,
        }
    }

    /// The owner's `metadata.name`.
    pub fn name(&self) -> &str {
        &self.text[..self.name_len as usize]
    }

    /// The owner's `metadata.uid`.
    pub fn uid(&self) -> &str {
        &self.text[self.name_len as usize..]
    }
}

impl std::fmt::Debug for OwnerRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OwnerRef")
            .field("kind", &self.kind)
            .field("name", &self.name())
            .field("uid", &self.uid())
            .field("oid", &self.oid)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_and_uid_read_back_from_the_shared_text() {
        let uid = "0f6b5c1e-8a7d-4c2b-9e3f-1a2b3c4d5e6f";
        let o = OwnerRef::new(Kind::ReplicaSet, "web-59589b7987", uid, 7);
        assert_eq!(
            (o.kind, o.name(), o.uid(), o.oid),
            (Kind::ReplicaSet, "web-59589b7987", uid, 7)
        );
        // A node's mirror pods and Lease before the node has a uid.
        let n = OwnerRef::new(Kind::Node, "control-plane", "", 1);
        assert_eq!((n.name(), n.uid()), ("control-plane", ""));
        let e = OwnerRef::new(Kind::Node, "", "", 1);
        assert_eq!((e.name(), e.uid()), ("", ""));
    }

    #[test]
    fn equality_tells_name_from_uid_and_debug_names_both() {
        let a = OwnerRef::new(Kind::Job, "ab", "c", 1);
        assert_eq!(a, OwnerRef::new(Kind::Job, "ab", "c", 1));
        assert_ne!(a, OwnerRef::new(Kind::Job, "a", "bc", 1));
        assert_ne!(a, OwnerRef::new(Kind::CronJob, "ab", "c", 1));
        assert_eq!(
            format!("{a:?}"),
            r#"OwnerRef { kind: Job, name: "ab", uid: "c", oid: 1 }"#
        );
    }

    #[test]
    fn the_reference_is_half_its_old_inline_size() {
        assert_eq!(std::mem::size_of::<OwnerRef>(), 32);
        assert_eq!(std::mem::size_of::<Option<OwnerRef>>(), 32);
        // With the compact labels (16 B each): 248 bytes before both.
        assert_eq!(std::mem::size_of::<crate::sim::stored::Meta>(), 200);
    }
}
