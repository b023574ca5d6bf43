//! The column definitions of a server-side printed Table, as the API server
//! declares them (kubernetes pkg/printers/internalversion/printers.go,
//! `AddHandlers`): the column's own name ("Up-to-date", "Port(s)"; kubectl
//! prints it upper-cased), its type, `name` format for the object's name,
//! and priority 1 for the columns only `-o wide` shows.

use serde_json::{Value, json};

/// Headers whose column name is not simply capitalised.
const NAMES: &[(&str, &str)] = &[
    ("IP", "IP"),
    ("UP-TO-DATE", "Up-to-date"),
    ("NODE SELECTOR", "Node Selector"),
    ("NOMINATED NODE", "Nominated Node"),
    ("READINESS GATES", "Readiness Gates"),
    ("CLUSTER-IP", "Cluster-IP"),
    ("EXTERNAL-IP", "External-IP"),
    ("INTERNAL-IP", "Internal-IP"),
    ("PORT(S)", "Port(s)"),
    ("OS-IMAGE", "OS-Image"),
    ("KERNEL-VERSION", "Kernel-Version"),
    ("CONTAINER-RUNTIME", "Container-Runtime"),
    ("ADDRESSTYPE", "AddressType"),
    ("LAST SEEN", "Last Seen"),
    ("FIRST SEEN", "First Seen"),
];

/// The column's name for a printed header: `AGE` → `Age`.
pub fn name(header: &str) -> String {
    if let Some((_, n)) = NAMES.iter().find(|(h, _)| *h == header) {
        return (*n).to_string();
    }
    header
        .split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            let mut cs = lower.chars();
            cs.next()
                .map(|f| f.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Whether the column holds an integer: the counts of ReplicaSets and
/// DaemonSets (a Deployment's, a StatefulSet's and a Pod's are strings).
pub fn integer(plural: &str, header: &str) -> bool {
    matches!(
        (plural, header),
        (
            "replicasets" | "daemonsets",
            "DESIRED" | "CURRENT" | "READY" | "UP-TO-DATE" | "AVAILABLE"
        )
    )
}

/// The `columnDefinitions` of a Table of `plural`.
pub fn definitions(plural: &str, columns: &[(&'static str, u8)]) -> Vec<Value> {
    columns
        .iter()
        .map(|(header, priority)| {
            let ty = if integer(plural, header) {
                "integer"
            } else {
                "string"
            };
            let format = if *header == "NAME" { "name" } else { "" };
            json!({"name": name(header), "type": ty, "format": format,
                "description": "", "priority": priority})
        })
        .collect()
}

/// The cells of a row: integers where the column is an integer one.
pub fn cells(plural: &str, columns: &[(&'static str, u8)], cells: &[String]) -> Vec<Value> {
    cells
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let int = columns
                .get(i)
                .is_some_and(|(h, _)| integer(plural, h))
                .then(|| cell.parse::<i64>().ok())
                .flatten();
            int.map_or_else(|| Value::String(cell.clone()), Value::from)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_api_servers_printers() {
        for (header, want) in [
            ("NAME", "Name"),
            ("UP-TO-DATE", "Up-to-date"),
            ("NODE SELECTOR", "Node Selector"),
            ("PORT(S)", "Port(s)"),
            ("ADDRESSTYPE", "AddressType"),
            ("LAST SEEN", "Last Seen"),
            ("HOLDER", "Holder"),
        ] {
            assert_eq!(name(header), want);
            assert_eq!(name(header).to_uppercase(), header);
        }
    }

    #[test]
    fn a_daemonsets_counts_are_integers_a_deployments_are_not() {
        let cols = [("NAME", 0), ("DESIRED", 0), ("NODE SELECTOR", 0)];
        let row = ["kube-proxy".to_string(), "3".into(), "<none>".into()];
        assert_eq!(
            cells("daemonsets", &cols, &row),
            [json!("kube-proxy"), json!(3), json!("<none>")]
        );
        let d = definitions("deployments", &[("NAME", 0), ("UP-TO-DATE", 0)]);
        assert_eq!(d[0]["format"], "name");
        assert_eq!(d[1]["type"], "string");
        assert_eq!(definitions("daemonsets", &cols)[1]["type"], "integer");
    }
}
