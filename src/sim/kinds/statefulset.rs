//! StatefulSet: pods with stable names (`web-0`, `web-1`, ...), started and
//! stopped in order, each with its own PersistentVolumeClaims.
//! <https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/>

use super::storage::PvcSpec;
use crate::sim::objects::{LabelSelector, Labels, PodTemplate};
use crate::sim::stored::{Condition, Meta};
use serde::{Deserialize, Serialize};

/// `podManagementPolicy`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PodManagement {
    /// One pod at a time: `N` starts when `0..N` are Running and Ready;
    /// scale-down removes the highest ordinal first, one at a time.
    #[default]
    OrderedReady,
    /// All at once.
    Parallel,
}

impl PodManagement {
    pub fn name(self) -> &'static str {
        match self {
            PodManagement::OrderedReady => "OrderedReady",
            PodManagement::Parallel => "Parallel",
        }
    }
}

/// `updateStrategy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatefulSetUpdate {
    /// Pods are replaced from the highest ordinal down, one at a time,
    /// those with an ordinal `>= partition` only.
    RollingUpdate { partition: u32 },
    /// Pods are replaced only when you delete them.
    OnDelete,
}

impl Default for StatefulSetUpdate {
    fn default() -> Self {
        StatefulSetUpdate::RollingUpdate { partition: 0 }
    }
}

/// A `volumeClaimTemplates` entry: one claim per pod, named
/// `<template>-<statefulset>-<ordinal>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimTemplate {
    pub name: String,
    pub labels: Labels,
    pub spec: PvcSpec,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatefulSetSpec {
    pub replicas: u32,
    pub selector: LabelSelector,
    /// The headless Service that gives the pods their DNS names.
    pub service_name: String,
    pub template: PodTemplate,
    pub volume_claim_templates: Vec<ClaimTemplate>,
    pub pod_management_policy: PodManagement,
    pub update_strategy: StatefulSetUpdate,
    pub revision_history_limit: u32,
    pub min_ready_seconds: u32,
}

impl StatefulSetSpec {
    pub fn new(selector: LabelSelector, service_name: &str, template: PodTemplate) -> Self {
        StatefulSetSpec {
            replicas: 1,
            selector,
            service_name: service_name.to_string(),
            template,
            volume_claim_templates: Vec::new(),
            pod_management_policy: PodManagement::default(),
            update_strategy: StatefulSetUpdate::default(),
            revision_history_limit: 10,
            min_ready_seconds: 0,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatefulSetStatus {
    pub observed_generation: u64,
    pub replicas: u32,
    pub ready: u32,
    pub current: u32,
    pub updated: u32,
    pub available: u32,
    /// `controller-revision-hash` of the pods before and after an update.
    pub current_revision: String,
    pub update_revision: String,
    pub collision_count: u32,
    pub conditions: Vec<(String, Condition)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatefulSet {
    pub meta: Meta,
    pub spec: StatefulSetSpec,
    pub status: StatefulSetStatus,
}
