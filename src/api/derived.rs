//! Objects the API serves that the simulator keeps in another shape:
//! EndpointSlices (`discovery.k8s.io/v1`, what kubectl 1.33's `describe
//! service` reads) from the Endpoints the endpoints controller writes, and
//! node Leases (`coordination.k8s.io/v1` in `kube-node-lease`, what
//! `describe node` shows) from each node's last heartbeat.
//! <https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/>
//! <https://kubernetes.io/docs/concepts/architecture/leases/#node-heart-beats>

use serde_json::{Value, json};

/// The generated-name suffix of a Service's EndpointSlice (from its uid).
fn suffix(uid: &str) -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in uid.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (0..5)
        .map(|i| ALPHABET[((h >> (i * 8)) % ALPHABET.len() as u64) as usize] as char)
        .collect()
}

/// The EndpointSlice of an Endpoints object (`v1` JSON).
pub fn endpoint_slice(ep: &Value) -> Value {
    let meta = &ep["metadata"];
    let service = meta["name"].as_str().unwrap_or("");
    let uid = meta["uid"].as_str().unwrap_or("");
    let mut endpoints = Vec::new();
    let mut ports = Vec::new();
    for subset in ep["subsets"].as_array().into_iter().flatten() {
        for (key, ready) in [("addresses", true), ("notReadyAddresses", false)] {
            for a in subset[key].as_array().into_iter().flatten() {
                let mut e = json!({"addresses": [a["ip"]],
                    "conditions": {"ready": ready, "serving": ready, "terminating": false}});
                if !a["nodeName"].is_null() {
                    e["nodeName"] = a["nodeName"].clone();
                }
                if !a["targetRef"].is_null() {
                    e["targetRef"] = a["targetRef"].clone();
                }
                endpoints.push(e);
            }
        }
        for p in subset["ports"].as_array().into_iter().flatten() {
            let mut port = json!({"port": p["port"], "protocol": p["protocol"]});
            port["name"] = p.get("name").cloned().unwrap_or_else(|| "".into());
            if !ports.contains(&port) {
                ports.push(port);
            }
        }
    }
    let mut labels = meta["labels"].as_object().cloned().unwrap_or_default();
    labels.insert("kubernetes.io/service-name".into(), service.into());
    labels.insert(
        "endpointslice.kubernetes.io/managed-by".into(),
        "endpointslice-controller.k8s.io".into(),
    );
    // The API server keeps its own Service's slice under the Service's name.
    let name = if service == "kubernetes" && meta["namespace"] == "default" {
        service.to_string()
    } else {
        format!("{service}-{}", suffix(uid))
    };
    json!({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
        "metadata": {"name": name, "generateName": format!("{service}-"),
            "namespace": meta["namespace"], "labels": labels, "uid": format!("{uid}-slice"),
            "resourceVersion": meta["resourceVersion"], "creationTimestamp": meta["creationTimestamp"],
            "generation": 1},
        "addressType": "IPv4", "endpoints": endpoints, "ports": ports})
}

/// The Lease a node's kubelet renews (`v1` Node JSON).
pub fn node_lease(node: &Value) -> Value {
    let meta = &node["metadata"];
    let name = meta["name"].as_str().unwrap_or("");
    let renew = node["status"]["conditions"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["type"] == "Ready"))
        .and_then(|c| c["lastHeartbeatTime"].as_str())
        .map(|t| t.replace('Z', ".000000Z"))
        .unwrap_or_default();
    let created = meta["creationTimestamp"]
        .as_str()
        .unwrap_or("")
        .replace('Z', ".000000Z");
    json!({"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
        "metadata": {"name": name, "namespace": "kube-node-lease", "uid": format!("{}-lease", meta["uid"].as_str().unwrap_or("")),
            "resourceVersion": meta["resourceVersion"], "creationTimestamp": meta["creationTimestamp"],
            "ownerReferences": [{"apiVersion": "v1", "kind": "Node", "name": name, "uid": meta["uid"]}]},
        "spec": {"holderIdentity": name, "leaseDurationSeconds": 40, "acquireTime": created, "renewTime": renew}})
}

/// The printed row of a derived object: `(columns, cells)`.
pub fn row(kind: &str, v: &Value, age: String) -> (Vec<(&'static str, u8)>, Vec<String>) {
    let name = v["metadata"]["name"].as_str().unwrap_or("").to_string();
    match kind {
        "EndpointSlice" => {
            let ports: Vec<String> = v["ports"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| p["port"].to_string())
                .collect();
            let addrs: Vec<String> = v["endpoints"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e["addresses"][0].as_str().map(str::to_string))
                .collect();
            let shown = match addrs.len() {
                0 => "<unset>".to_string(),
                n if n > 3 => format!("{} + {} more...", addrs[..3].join(","), n - 3),
                _ => addrs.join(","),
            };
            (
                vec![
                    ("NAME", 0),
                    ("ADDRESSTYPE", 0),
                    ("PORTS", 0),
                    ("ENDPOINTS", 0),
                    ("AGE", 0),
                ],
                vec![
                    name,
                    "IPv4".into(),
                    if ports.is_empty() {
                        "<unset>".into()
                    } else {
                        ports.join(",")
                    },
                    shown,
                    age,
                ],
            )
        }
        _ => (
            vec![("NAME", 0), ("HOLDER", 0), ("AGE", 0)],
            vec![
                name,
                v["spec"]["holderIdentity"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
                age,
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_carries_the_ready_and_not_ready_addresses() {
        let ep = json!({"metadata": {"name": "web", "namespace": "default", "uid": "u1", "resourceVersion": "7"},
            "subsets": [{"addresses": [{"ip": "10.244.1.2", "nodeName": "node-1"}],
                "notReadyAddresses": [{"ip": "10.244.2.2"}], "ports": [{"port": 80, "protocol": "TCP"}]}]});
        let s = endpoint_slice(&ep);
        assert_eq!(s["metadata"]["labels"]["kubernetes.io/service-name"], "web");
        assert_eq!(s["endpoints"][0]["conditions"]["ready"], true);
        assert_eq!(s["endpoints"][1]["conditions"]["ready"], false);
        assert_eq!(s["ports"][0]["port"], 80);
        let (_, cells) = row("EndpointSlice", &s, "5s".into());
        assert_eq!(
            cells[2..4],
            ["80".to_string(), "10.244.1.2,10.244.2.2".to_string()]
        );
    }
}
