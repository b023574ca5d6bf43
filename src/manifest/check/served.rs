//! What a Kubernetes v1.33 API server serves: every kind at every apiVersion
//! (from the server's discovery documents), the versions removed since v1.16
//! and the ones it keeps off by default. The table is data, `api-1.33.tsv`
//! beside this file, which names its sources.

use std::sync::LazyLock;

/// The Kubernetes release the validator follows (the simulator's too).
pub const KUBERNETES_VERSION: &str = "1.33";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub namespaced: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub api_version: &'static str,
    pub kind: &'static str,
    /// The release that stopped serving it (`1.25`).
    pub release: &'static str,
    /// The apiVersion to use instead, if there is one.
    pub instead: Option<&'static str>,
}

struct Table {
    served: Vec<Served>,
    removed: Vec<Removed>,
    off: Vec<(&'static str, &'static str)>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table {
        served: Vec::new(),
        removed: Vec::new(),
        off: Vec::new(),
    };
    for line in include_str!("api-1.33.tsv").lines() {
        let cells: Vec<&'static str> = line.split('\t').collect();
        match cells.as_slice() {
            ["served", api_version, kind, scope] => t.served.push(Served {
                api_version,
                kind,
                namespaced: *scope == "namespaced",
            }),
            ["removed", api_version, kind, release, instead] => t.removed.push(Removed {
                api_version,
                kind,
                release,
                instead: (*instead != "-").then_some(*instead),
            }),
            ["off", api_version, kind] => t.off.push((api_version, kind)),
            _ => {}
        }
    }
    t
});

/// The entry for `kind` at `api_version`, when a v1.33 server serves it.
pub fn served(kind: &str, api_version: &str) -> Option<&'static Served> {
    TABLE
        .served
        .iter()
        .find(|s| s.kind == kind && s.api_version == api_version)
}

/// Every apiVersion that serves `kind`, preferred first.
pub fn versions_of(kind: &str) -> Vec<&'static str> {
    TABLE
        .served
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.api_version)
        .collect()
}

/// When `kind` at `api_version` was removed, and what replaces it.
pub fn removed(kind: &str, api_version: &str) -> Option<&'static Removed> {
    TABLE
        .removed
        .iter()
        .find(|r| r.kind == kind && r.api_version == api_version)
}

/// Whether v1.33 has `kind` at `api_version` but serves it only when an
/// administrator turns that API version on.
pub fn off_by_default(kind: &str, api_version: &str) -> bool {
    TABLE
        .off
        .iter()
        .any(|&(v, k)| k == kind && v == api_version)
}

/// Every kind a v1.33 server knows, for "did you mean".
pub fn all_kinds() -> impl Iterator<Item = &'static str> {
    let served = TABLE.served.iter().map(|s| s.kind);
    let off = TABLE.off.iter().map(|&(_, k)| k);
    served.chain(off).chain(std::iter::once("List"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_whole() {
        assert_eq!(TABLE.served.len(), 61);
        assert_eq!(TABLE.removed.len(), 49);
        assert_eq!(TABLE.off.len(), 22);
        let text = include_str!("api-1.33.tsv");
        let rows = text.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(rows, 61 + 49 + 22, "a row the reader skipped");
    }

    #[test]
    fn kinds_of_a_v1_33_server() {
        assert_eq!(
            served(
                "ValidatingAdmissionPolicy",
                "admissionregistration.k8s.io/v1"
            )
            .map(|s| s.namespaced),
            Some(false)
        );
        assert_eq!(
            versions_of("HorizontalPodAutoscaler"),
            ["autoscaling/v2", "autoscaling/v1"]
        );
        assert_eq!(versions_of("Event"), ["v1", "events.k8s.io/v1"]);
        assert!(served("ConfigMap", "v1").is_some_and(|s| s.namespaced));
        assert!(served("CronJob", "batch/v1beta1").is_none());
        let r = removed("CronJob", "batch/v1beta1").unwrap();
        assert_eq!((r.release, r.instead), ("1.25", Some("batch/v1")));
        assert!(off_by_default("ResourceClaim", "resource.k8s.io/v1beta1"));
        assert!(all_kinds().any(|k| k == "RuntimeClass"));
        for s in &TABLE.served {
            assert!(!s.api_version.contains("alpha") && !s.api_version.contains("beta"));
        }
    }
}
