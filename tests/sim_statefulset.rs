//! StatefulSets: ordinal names, ordered start and stop, a claim per
//! ordinal that outlives its Pod, stable DNS names through the headless
//! Service, rolling updates from the highest ordinal down, and (property)
//! ordinals always unique and contiguous from 0.
//! - <https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/>
//! - <https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/>

#[path = "support/kube.rs"]
mod kube;
use kube::*;
use kubetutor::sim::Cluster;
use kubetutor::sim::status::{pod_ready, pod_status};
use kubetutor::sim::stored::Phase;
use proptest::prelude::*;

/// The tutorial's `web` StatefulSet behind its headless `nginx` Service.
fn web(replicas: u32, policy: &str) -> String {
    format!(
        r#"
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: {replicas}
  podManagementPolicy: {policy}
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
"#
    )
}

fn created_ms(c: &Cluster, name: &str) -> u64 {
    c.pod("default", name).unwrap().meta.creation_ms
}

fn ready(c: &Cluster, name: &str) -> bool {
    c.pod("default", name)
        .is_some_and(|p| pod_ready(p).0 == 1 && pod_status(p) == "Running")
}

#[test]
fn ordered_ready_creates_each_pod_once_the_one_before_is_ready() {
    let mut c = cluster(&web(3, "OrderedReady"));
    let mut ready_at = Vec::new();
    for name in ["web-0", "web-1", "web-2"] {
        ready_at.push(until(&mut c, 30_000, |c| ready(c, name)));
    }
    c.advance(1_000);
    assert!(created_ms(&c, "web-1") >= ready_at[0]);
    assert!(created_ms(&c, "web-2") >= ready_at[1]);
    assert_eq!(pod_names(&c), ["web-0", "web-1", "web-2"]);
    let sts_events: Vec<String> = events(&c, "web")
        .into_iter()
        .filter(|(r, _)| r == "SuccessfulCreate")
        .map(|(_, m)| m)
        .collect();
    assert_eq!(
        sts_events,
        [
            "create Claim www-web-0 Pod web-0 in StatefulSet web success",
            "create Pod web-0 in StatefulSet web successful",
            "create Claim www-web-1 Pod web-1 in StatefulSet web success",
            "create Pod web-1 in StatefulSet web successful",
            "create Claim www-web-2 Pod web-2 in StatefulSet web success",
            "create Pod web-2 in StatefulSet web successful",
        ]
    );
    let pvc = run(&mut c, "get pvc");
    for n in 0..3 {
        assert!(
            pvc.lines().any(|l| l.starts_with(&format!("www-web-{n} "))
                && l.contains(" Bound ")
                && l.contains(" 1Gi ")
                && l.contains(" standard ")),
            "{pvc}"
        );
    }
    assert_eq!(
        run(&mut c, "get sts"),
        format!("NAME   READY   AGE\nweb    3/3     {}s\n", c.now() / 1000)
    );
}

#[test]
fn parallel_creates_every_pod_at_once() {
    let mut c = cluster(&web(3, "Parallel"));
    c.advance(500);
    assert_eq!(pod_names(&c), ["web-0", "web-1", "web-2"]);
}

#[test]
fn each_pod_has_a_stable_hostname_and_dns_name() {
    // basic-stateful-set: "Using Stable Network Identities".
    let mut c = cluster(&web(2, "OrderedReady"));
    apply(
        &mut c,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: dns-test\nspec:\n  containers:\n  - name: t\n    image: busybox:1.36\n    command: [sleep, '3600']\n",
    );
    until(&mut c, 30_000, |c| {
        ready(c, "web-1") && ready(c, "dns-test")
    });
    c.advance(1_000);
    assert_eq!(run(&mut c, "exec web-0 -- hostname"), "web-0\n");
    let ip = c
        .pod("default", "web-1")
        .unwrap()
        .status
        .pod_ip
        .clone()
        .unwrap();
    let out = run(&mut c, "exec dns-test -- nslookup web-1.nginx");
    assert!(
        out.contains("Name:\tweb-1.nginx.default.svc.cluster.local\n")
            && out.contains(&format!("Address: {ip}\n")),
        "{out}"
    );
    // The headless Service itself answers with every ready Pod.
    let all = run(&mut c, "exec dns-test -- nslookup nginx");
    assert_eq!(all.matches("Address: 10.244.").count(), 2, "{all}");
}

#[test]
fn a_deleted_pod_comes_back_with_its_name_and_its_data() {
    // basic-stateful-set: "Writing to Stable Storage".
    let mut c = cluster(&web(2, "OrderedReady"));
    until(&mut c, 30_000, |c| ready(c, "web-1"));
    run(
        &mut c,
        "exec web-0 -- sh -c 'echo \"$(hostname)\" > /usr/share/nginx/html/index.html'",
    );
    let claim = run(&mut c, "get pvc www-web-0 -o jsonpath={.spec.volumeName}");
    run(&mut c, "delete pod web-0");
    until(&mut c, 60_000, |c| {
        c.pod("default", "web-0")
            .is_some_and(|p| p.meta.deletion_ms.is_none() && ready(c, "web-0"))
    });
    assert_eq!(
        run(&mut c, "exec web-0 -- cat /usr/share/nginx/html/index.html"),
        "web-0\n"
    );
    assert_eq!(
        run(&mut c, "get pvc www-web-0 -o jsonpath={.spec.volumeName}"),
        claim,
        "the same claim and volume"
    );
}

#[test]
fn scaling_down_removes_the_highest_ordinal_first_one_at_a_time_and_keeps_claims() {
    // statefulset#deployment-and-scaling-guarantees
    let mut c = cluster(&web(3, "OrderedReady"));
    until(&mut c, 40_000, |c| ready(c, "web-2"));
    run(&mut c, "scale sts web --replicas=1");
    let mut order = Vec::new();
    let mut both_terminating = false;
    while c.now() < 200_000 && pod_names(&c).len() > 1 {
        c.advance(100);
        let terminating = ["web-1", "web-2"]
            .iter()
            .filter(|n| {
                c.pod("default", n)
                    .is_some_and(|p| p.meta.deletion_ms.is_some())
            })
            .count();
        both_terminating |= terminating == 2;
        for n in ["web-2", "web-1"] {
            if c.pod("default", n).is_none() && !order.contains(&n) {
                order.push(n);
            }
        }
    }
    assert_eq!(order, ["web-2", "web-1"]);
    assert!(!both_terminating, "one at a time");
    assert_eq!(pod_names(&c), ["web-0"]);
    assert_eq!(
        run(&mut c, "get pvc -o name"),
        "persistentvolumeclaim/www-web-0\npersistentvolumeclaim/www-web-1\npersistentvolumeclaim/www-web-2\n"
    );
}

#[test]
fn a_rolling_update_goes_from_the_highest_ordinal_and_stops_at_the_partition() {
    // statefulset#rolling-updates, #partitions
    let mut c = cluster(&web(3, "OrderedReady"));
    until(&mut c, 40_000, |c| ready(c, "web-2"));
    apply(
        &mut c,
        &web(3, "OrderedReady")
            .replace("  serviceName: nginx\n", "  serviceName: nginx\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 1\n")
            .replace("image: nginx:1.27", "image: nginx:1.28"),
    );
    c.advance(120_000);
    let image = |c: &mut Cluster, n: &str| {
        run(
            c,
            &format!("get pod {n} -o jsonpath={{.spec.containers[0].image}}"),
        )
    };
    assert_eq!(image(&mut c, "web-2"), "nginx:1.28");
    assert_eq!(image(&mut c, "web-1"), "nginx:1.28");
    assert_eq!(image(&mut c, "web-0"), "nginx:1.27", "below the partition");
    let recreated: Vec<u64> = ["web-2", "web-1"]
        .iter()
        .map(|n| created_ms(&c, n))
        .collect();
    assert!(recreated[0] < recreated[1], "web-2 first: {recreated:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Whatever the scaling, the Pods of a StatefulSet have ordinals below
    /// the most replicas ever asked, forming 0..n under OrderedReady, where
    /// each Pod starts only once every lower one is Running and Ready
    /// (<https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#deployment-and-scaling-guarantees>); once
    /// it settles there are exactly web-0 .. web-(replicas-1), all ready.
    #[test]
    fn ordinals_are_unique_and_contiguous(
        policy in prop_oneof![Just("OrderedReady"), Just("Parallel")],
        steps in proptest::collection::vec((0u32..6, 1u64..40), 1..6),
    ) {
        let mut c = cluster(&web(2, policy));
        let mut replicas = 2;
        let mut most = 2;
        let mut seen = std::collections::BTreeSet::new();
        for (want, secs) in steps {
            run(&mut c, &format!("scale statefulset web --replicas={want}"));
            replicas = want;
            most = most.max(want);
            let end = c.now() + secs * 1000;
            while c.now() < end {
                c.advance(500);
                let mut ordinals: Vec<u32> = c
                    .store()
                    .pods()
                    .iter()
                    .filter_map(|p| p.meta.name.strip_prefix("web-"))
                    .map(|n| n.parse().unwrap())
                    .collect();
                ordinals.sort();
                let distinct: std::collections::BTreeSet<u32> = ordinals.iter().copied().collect();
                prop_assert_eq!(distinct.len(), ordinals.len());
                let n = ordinals.len() as u32;
                prop_assert!(ordinals.iter().all(|o| *o < most), "{:?}", ordinals);
                // OrderedReady: a Pod starts once every lower one runs and
                // stops once every higher one is gone, so no gaps. Parallel
                // Pods come and go independently: gaps are allowed.
                if policy == "OrderedReady" {
                    prop_assert_eq!(ordinals, (0..n).collect::<Vec<_>>());
                    // And in order: each Pod not seen before was created
                    // only once every lower ordinal was Running and Ready.
                    for p in c.store().pods().iter() {
                        let Some(i) = p.meta.name.strip_prefix("web-") else { continue };
                        if !seen.insert(p.meta.uid.clone()) {
                            continue;
                        }
                        let i: u32 = i.parse().unwrap();
                        for j in 0..i {
                            let lower = c.pod("default", &format!("web-{j}"));
                            let ready_since = lower
                                .filter(|l| l.status.phase == Phase::Running)
                                .and_then(|l| l.status.conditions.ready.as_ref())
                                .filter(|r| r.is_true())
                                .map(|r| r.transition_ms);
                            prop_assert!(
                                ready_since.is_some_and(|t| t <= p.meta.creation_ms),
                                "web-{} created at {} ms before web-{} was Running and Ready ({:?})",
                                i, p.meta.creation_ms, j, ready_since
                            );
                        }
                    }
                }
            }
        }
        c.advance(300_000);
        let names = pod_names(&c);
        let mut expected: Vec<String> = (0..replicas).map(|i| format!("web-{i}")).collect();
        expected.sort();
        prop_assert_eq!(&names, &expected);
        for n in &names {
            prop_assert!(ready(&c, n), "{} not ready", n);
        }
    }
}
