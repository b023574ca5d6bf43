//! What a client reads first: `/version`, `/api`, `/apis`, the resource lists
//! of each group version, and aggregated discovery (`apidiscovery.k8s.io`
//! v2 and v2beta1, two requests instead of one per group version).
//! <https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api>

use super::kinds::{RESOURCES, ResourceInfo, groups};
use super::{GIT_VERSION, Reply, Request};
use serde_json::{Value, json};

pub fn version() -> Value {
    json!({"major": "1", "minor": "33", "gitVersion": GIT_VERSION,
        "gitCommit": "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828", "gitTreeState": "clean",
        "buildDate": "2025-05-15T08:19:35Z", "goVersion": "go1.24.2", "compiler": "gc",
        "platform": "linux/amd64"})
}

fn in_group(group: &str) -> impl Iterator<Item = &'static ResourceInfo> + '_ {
    RESOURCES.iter().filter(move |r| r.group == group)
}

/// `APIResourceList` of one group version (legacy discovery).
pub fn resource_list(group: &str, version: &str) -> Option<Value> {
    let mut list = Vec::new();
    for r in in_group(group).filter(|r| r.version == version) {
        let mut v = json!({"name": r.plural, "singularName": r.singular, "namespaced": r.namespaced,
            "kind": r.kind, "verbs": r.verbs});
        if !r.short_names.is_empty() {
            v["shortNames"] = json!(r.short_names);
        }
        if !r.categories.is_empty() {
            v["categories"] = json!(r.categories);
        }
        list.push(v);
        for s in r.subresources {
            let mut sv = json!({"name": format!("{}/{}", r.plural, s.name), "singularName": "",
                "namespaced": r.namespaced, "kind": if s.kind.is_empty() { r.kind } else { s.kind },
                "verbs": s.verbs});
            if !s.group.is_empty() {
                sv["group"] = s.group.into();
                sv["version"] = s.version.into();
            }
            list.push(sv);
        }
    }
    if list.is_empty() {
        return None;
    }
    let gv = if group.is_empty() {
        version.to_string()
    } else {
        format!("{group}/{version}")
    };
    Some(
        json!({"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": list}),
    )
}

fn group_value(name: &str) -> Value {
    let gv = json!({"groupVersion": format!("{name}/v1"), "version": "v1"});
    json!({"name": name, "versions": [gv], "preferredVersion": gv})
}

/// The aggregated discovery document of the core group (`/api`) or of the
/// named groups (`/apis`).
fn aggregated(core: bool, api_version: &str) -> Value {
    let names: Vec<&str> = if core { vec![""] } else { groups() };
    let items: Vec<Value> = names
        .into_iter()
        .map(|g| {
            let resources: Vec<Value> = in_group(g)
                .map(|r| {
                    let subs: Vec<Value> = r
                        .subresources
                        .iter()
                        .map(|s| {
                            let (sg, sv, sk) = if s.group.is_empty() {
                                (r.group, r.version, if s.kind.is_empty() { r.kind } else { s.kind })
                            } else {
                                (s.group, s.version, s.kind)
                            };
                            json!({"subresource": s.name, "responseKind": {"group": sg, "version": sv, "kind": sk},
                                "verbs": s.verbs})
                        })
                        .collect();
                    let mut v = json!({"resource": r.plural,
                        "responseKind": {"group": r.group, "version": r.version, "kind": r.kind},
                        "scope": if r.namespaced { "Namespaced" } else { "Cluster" },
                        "singularResource": r.singular, "verbs": r.verbs});
                    if !r.short_names.is_empty() {
                        v["shortNames"] = json!(r.short_names);
                    }
                    if !r.categories.is_empty() {
                        v["categories"] = json!(r.categories);
                    }
                    if !subs.is_empty() {
                        v["subresources"] = Value::Array(subs);
                    }
                    v
                })
                .collect();
            let mut meta = json!({"creationTimestamp": null});
            if !g.is_empty() {
                meta["name"] = g.into();
            }
            json!({"metadata": meta, "versions": [{"version": "v1", "resources": resources, "freshness": "Current"}]})
        })
        .collect();
    json!({"kind": "APIGroupDiscoveryList", "apiVersion": api_version, "metadata": {}, "items": items})
}

/// Which aggregated discovery version the client accepts, if any.
fn aggregated_version(req: &Request) -> Option<&'static str> {
    let accept = &req.accept;
    if !accept.contains("as=APIGroupDiscoveryList") {
        return None;
    }
    if accept.contains("v=v2;") || accept.contains("v=v2,") || accept.ends_with("v=v2") {
        Some("v2")
    } else if accept.contains("v=v2beta1") {
        Some("v2beta1")
    } else {
        None
    }
}

/// `/api` or `/apis`, aggregated when the client asks for it.
pub fn root(core: bool, req: &Request, host: &str) -> Reply {
    if let Some(v) = aggregated_version(req) {
        return Reply::Typed {
            content_type: format!(
                "application/json;g=apidiscovery.k8s.io;v={v};as=APIGroupDiscoveryList"
            ),
            body: aggregated(core, &format!("apidiscovery.k8s.io/{v}")),
        };
    }
    if core {
        return Reply::ok(json!({"kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": host}]}));
    }
    let list: Vec<Value> = groups().into_iter().map(group_value).collect();
    Reply::ok(json!({"kind": "APIGroupList", "apiVersion": "v1", "groups": list}))
}

/// `/apis/GROUP`.
pub fn group(name: &str) -> Option<Value> {
    groups().contains(&name).then(|| {
        let mut v = group_value(name);
        v["kind"] = "APIGroup".into();
        v["apiVersion"] = "v1".into();
        v
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drain_finds_the_eviction_subresource_in_core_v1() {
        // kubectl drain: CheckEvictionSupport reads /api/v1 for pods/eviction.
        let list = resource_list("", "v1").expect("core v1");
        let ev = list["resources"]
            .as_array()
            .and_then(|rs| rs.iter().find(|r| r["name"] == "pods/eviction"))
            .cloned()
            .expect("pods/eviction");
        assert_eq!(
            (
                ev["group"].as_str(),
                ev["version"].as_str(),
                ev["kind"].as_str()
            ),
            (Some("policy"), Some("v1"), Some("Eviction"))
        );
    }

    #[test]
    fn aggregated_discovery_lists_every_group_version() {
        let v = aggregated(false, "apidiscovery.k8s.io/v2");
        let names: Vec<&str> = v["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|i| i["metadata"]["name"].as_str())
            .collect();
        assert_eq!(
            names,
            [
                "apps",
                "batch",
                "storage.k8s.io",
                "events.k8s.io",
                "discovery.k8s.io",
                "coordination.k8s.io"
            ]
        );
        let deploy = &v["items"][0]["versions"][0]["resources"][0];
        assert_eq!(deploy["resource"], "deployments");
        assert_eq!(deploy["subresources"][0]["responseKind"]["kind"], "Scale");
    }
}
