//! Generated names and ids: `generateName` suffixes, the `pod-template-hash`
//! of a Deployment's template, UIDs and container ids. All drawn from the
//! seeded RNG or from a hash, so runs are repeatable.

use super::clock::Rng;
use super::objects::PodTemplate;

/// The alphabet Kubernetes uses for generated names: no vowels (no words)
/// and no look-alike characters.
const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

/// A 5-character `generateName` suffix (`x2x4q`).
pub fn suffix(rng: &mut Rng) -> String {
    (0..5)
        .map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize] as char)
        .collect()
}

/// A 5-character suffix derived from `text` (a uid): names the API gives an
/// object's parts (`kube-api-access-xxxxx`) without drawing from the RNG.
pub fn suffix_from(text: &str) -> String {
    let mut rng = Rng::new(u64::from(fnv32a(text.as_bytes())) << 16 | 0x5a5a);
    suffix(&mut rng)
}

/// A version-4 style UID (`1b4e28ba-2fa1-4d2e-9f5c-8a6b0e7c3d21`).
pub fn uid(rng: &mut Rng) -> String {
    let a = rng.next_u64();
    let b = rng.next_u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0x0fff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// A UID derived from `text` (for objects the cluster makes on behalf of
/// another, without drawing from the RNG).
pub fn uid_from(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    uid(&mut Rng::new(h))
}

/// 64 hex digits: a container or image digest.
pub fn hex64(rng: &mut Rng) -> String {
    (0..4).map(|_| format!("{:016x}", rng.next_u64())).collect()
}

/// 64 hex digits expanded from a seed (a container id).
pub fn hex64_from(seed: u64) -> String {
    hex64(&mut Rng::new(seed))
}

/// A sha256-looking digest (64 hex digits) derived from `text`.
pub fn digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    hex64_from(h)
}

/// FNV-1a, 32 bits.
fn fnv32a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The `pod-template-hash` label value: a hash of the template, written with
/// the name alphabet (like the Deployment controller's `ComputeHash`).
pub fn template_hash(template: &PodTemplate) -> String {
    let text = serde_json::to_string(template).unwrap_or_default();
    let h = fnv32a(text.as_bytes());
    h.to_string()
        .bytes()
        .map(|b| ALPHABET[usize::from(b) % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::objects::ContainerSpec;

    #[test]
    fn generated_names_use_the_safe_alphabet() {
        let mut rng = Rng::new(3);
        let s = suffix(&mut rng);
        assert_eq!(s.len(), 5);
        assert!(s.bytes().all(|b| ALPHABET.contains(&b)), "{s}");
        let u = uid(&mut rng);
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
    }

    #[test]
    fn template_hash_changes_with_the_template() {
        let mut t = PodTemplate::default();
        t.spec
            .containers
            .push(ContainerSpec::new("nginx", "nginx:1.27"));
        let a = template_hash(&t);
        assert_eq!(a, template_hash(&t.clone()));
        t.spec.containers[0].image = "nginx:1.28".into();
        assert_ne!(a, template_hash(&t));
        assert!(a.len() >= 8 && a.len() <= 10, "{a}");
    }

    /// The hash is computed from the template's serialized form, so the form
    /// of its label maps must never change: these values were computed when
    /// labels were a `BTreeMap` and must stay as they are.
    #[test]
    fn template_hash_of_a_labelled_template_is_pinned() {
        let mut t = PodTemplate::default();
        t.spec
            .containers
            .push(ContainerSpec::new("nginx", "nginx:1.27"));
        assert_eq!(template_hash(&t), "59589b7987");
        t.labels = [("tier", "web"), ("app", "shop")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        t.annotations.insert("note".into(), "x".into());
        t.spec.node_selector.insert("disktype".into(), "ssd".into());
        assert_eq!(template_hash(&t), "758684dc7");
    }
}
