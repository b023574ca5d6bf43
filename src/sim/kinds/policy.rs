//! Namespace policy objects: ResourceQuota (limits on what a namespace may
//! use in total) and LimitRange (defaults and bounds per container, pod or
//! claim).
//! <https://kubernetes.io/docs/concepts/policy/resource-quotas/>
//! <https://kubernetes.io/docs/concepts/policy/limit-range/>

use crate::sim::stored::Meta;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a resource's amounts are counted: CPU in millicores, memory and
/// storage in bytes, object counts as whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Millicores,
    Bytes,
    Count,
}

/// The unit of a resource name (`requests.cpu`, `limits.memory`, `pods`,
/// `count/configmaps`, `requests.storage`).
pub fn unit_of(resource: &str) -> Unit {
    let base = resource.rsplit('.').next().unwrap_or(resource);
    match base {
        "cpu" => Unit::Millicores,
        "memory" | "storage" | "ephemeral-storage" => Unit::Bytes,
        _ => Unit::Count,
    }
}

/// Parse an amount of `resource` (`500m`, `1Gi`, `10`).
pub fn parse_amount(resource: &str, text: &str) -> Option<u64> {
    match unit_of(resource) {
        Unit::Millicores => crate::quantity::parse_cpu_millis(text).ok(),
        Unit::Bytes => crate::quantity::parse_bytes(text).ok(),
        Unit::Count => crate::quantity::parse_milli(text)
            .ok()
            .map(|m| u64::try_from(m / 1000).unwrap_or(u64::MAX)),
    }
}

/// An amount of `resource` written the way the API server writes it.
pub fn format_amount(resource: &str, amount: u64) -> String {
    match unit_of(resource) {
        Unit::Millicores => crate::quantity::format_cpu(amount),
        Unit::Bytes => crate::quantity::format_bytes(amount),
        Unit::Count => amount.to_string(),
    }
}

/// Amounts by resource name.
pub type ResourceAmounts = BTreeMap<String, u64>;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceQuotaSpec {
    pub hard: ResourceAmounts,
    /// `scopes` (`BestEffort`, `NotBestEffort`, `Terminating`, `NotTerminating`).
    pub scopes: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResourceQuotaStatus {
    pub hard: ResourceAmounts,
    pub used: ResourceAmounts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceQuota {
    pub meta: Meta,
    pub spec: ResourceQuotaSpec,
    pub status: ResourceQuotaStatus,
}

/// What a LimitRange item applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LimitType {
    Container,
    Pod,
    PersistentVolumeClaim,
}

impl LimitType {
    pub fn name(self) -> &'static str {
        match self {
            LimitType::Container => "Container",
            LimitType::Pod => "Pod",
            LimitType::PersistentVolumeClaim => "PersistentVolumeClaim",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "Container" => Some(LimitType::Container),
            "Pod" => Some(LimitType::Pod),
            "PersistentVolumeClaim" => Some(LimitType::PersistentVolumeClaim),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitRangeItem {
    pub limit_type: LimitType,
    pub max: ResourceAmounts,
    pub min: ResourceAmounts,
    /// Default limits.
    pub default: ResourceAmounts,
    pub default_request: ResourceAmounts,
    /// `maxLimitRequestRatio`, as a whole number.
    pub max_ratio: ResourceAmounts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitRangeSpec {
    pub limits: Vec<LimitRangeItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitRange {
    pub meta: Meta,
    pub spec: LimitRangeSpec,
}
