//! The API server's rules for a Service's spec: ports required (unless
//! headless or ExternalName), port ranges, named target ports, unique port
//! names and port/protocol pairs, nodePort range and type.
//! <https://kubernetes.io/docs/concepts/services-networking/service/>

use super::super::path::Path;
use super::pod::port_range;
use super::rules::{get, items, str_of};
use super::{Sink, names};
use serde_yaml::Value;
use std::collections::HashSet;

pub fn service(s: &mut Sink, doc: &Value) {
    let Some(spec) = get(doc, "spec").filter(|v| v.is_mapping()) else {
        return;
    };
    let path = &Path::root().field("spec");
    let ty = str_of(spec, "type").unwrap_or("ClusterIP");
    let headless = str_of(spec, "clusterIP") == Some("None");
    if ty == "ExternalName" {
        match str_of(spec, "externalName") {
            None | Some("") => s.required(&path.field("externalName"), None),
            Some(name) => {
                let problems = names::dns1123_subdomain(name.trim_end_matches('.'));
                s.invalid(&path.field("externalName"), &format!("{name:?}"), problems);
            }
        }
    }
    if let Some(ip) = str_of(spec, "clusterIP")
        && !ip.is_empty()
        && ip != "None"
        && ip.parse::<std::net::IpAddr>().is_err()
    {
        // The API server checks clusterIPs, of which clusterIP is the first.
        let at = s.value_pos(&path.field("clusterIP"));
        let shown = path.field("clusterIPs").index(0);
        s.at(
            at,
            &shown,
            format!("Invalid value: {ip:?}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
            format!("잘못된 값 {ip:?}: 올바른 IP 주소여야 합니다 (예: 10.9.8.7, 2001:db8::ffff)"),
        );
        s.hint(
            "clusterIP is an IP address, None (a headless Service) or left out (one is assigned)",
            "clusterIP에는 IP 주소나 None(헤드리스 서비스)을 쓰거나, 비워 두면 자동으로 정해집니다",
        );
    }
    let ports = items(spec, "ports");
    if ports.is_empty() && !headless && ty != "ExternalName" {
        s.required(&path.field("ports"), None);
    }
    let mut names = HashSet::new();
    let mut pairs = HashSet::new();
    for (i, p) in ports.iter().enumerate() {
        let ppath = path.field("ports").index(i);
        port_range(s, p, &ppath.field("port"), "port");
        match get(p, "targetPort") {
            Some(Value::Number(_)) => port_range(s, p, &ppath.field("targetPort"), "targetPort"),
            Some(Value::String(n)) => {
                let problems = names::port_name(n);
                s.invalid(&ppath.field("targetPort"), &format!("{n:?}"), problems);
            }
            _ => {}
        }
        match str_of(p, "name") {
            Some(n) if !names.insert(n.to_string()) => {
                s.duplicate(&ppath.field("name"), &format!("{n:?}"))
            }
            None if ports.len() > 1 => s.required(&ppath.field("name"), None),
            _ => {}
        }
        if let Some(port) = get(p, "port").and_then(Value::as_i64) {
            let proto = str_of(p, "protocol").unwrap_or("TCP");
            if !pairs.insert((port, proto.to_string())) {
                s.duplicate(&ppath, &format!("\"{port}/{proto}\""));
            }
        }
        if let Some(np) = get(p, "nodePort").and_then(Value::as_i64) {
            let npath = ppath.field("nodePort");
            if ty == "ClusterIP" {
                s.forbidden(
                    &npath,
                    "may not be used when `type` is 'ClusterIP'",
                    "type이 'ClusterIP'인 서비스에는 nodePort를 쓸 수 없습니다",
                );
            } else if !(30000..=32767).contains(&np) {
                s.invalid(
                    &npath,
                    &np.to_string(),
                    vec![(
                        "provided port is not in the valid range. The range of valid ports is 30000-32767".into(),
                        "nodePort는 30000에서 32767 사이여야 합니다".into(),
                    )],
                );
            }
        }
    }
}
