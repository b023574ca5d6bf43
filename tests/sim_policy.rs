//! ResourceQuota and LimitRange admission: the API server's `exceeded
//! quota` and `must specify` wording, quota usage, what controllers see
//! when their Pods are refused, LimitRange defaults and bounds.
//! - <https://kubernetes.io/docs/concepts/policy/resource-quotas/>
//! - <https://kubernetes.io/docs/concepts/policy/limit-range/>
//! - <https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/quota-memory-cpu-namespace/>

#[path = "support/kube.rs"]
mod kube;
use kube::*;

const QUOTA: &str = r#"
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  hard:
    pods: "2"
    requests.cpu: "1"
    requests.memory: 1Gi
    limits.cpu: "2"
    limits.memory: 2Gi
"#;

fn sized(name: &str, cpu: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests: {{cpu: {cpu}, memory: 256Mi}}\n      limits: {{cpu: \"1\", memory: 512Mi}}\n"
    )
}

#[test]
fn a_pod_over_the_quota_is_forbidden_with_the_api_servers_words() {
    let mut c = cluster(QUOTA);
    assert_eq!(apply(&mut c, &sized("first", "800m")), "pod/first created");
    assert_eq!(
        apply_fails(&mut c, &sized("second", "300m")),
        "Error from server (Forbidden): pods \"second\" is forbidden: exceeded quota: compute, requested: requests.cpu=300m, used: requests.cpu=800m, limited: requests.cpu=1"
    );
    assert_eq!(
        apply(&mut c, &sized("second", "200m")),
        "pod/second created"
    );
    assert_eq!(
        apply_fails(&mut c, &sized("third", "100m")),
        "Error from server (Forbidden): pods \"third\" is forbidden: exceeded quota: compute, requested: limits.cpu=1,pods=1,requests.cpu=100m, used: limits.cpu=2,pods=2,requests.cpu=1, limited: limits.cpu=2,pods=2,requests.cpu=1"
    );
    // Usage is charged as the Pods are admitted.
    assert_eq!(
        run(&mut c, "get quota"),
        "NAME      AGE   REQUEST                                                    LIMIT\ncompute   0s    pods: 2/2, requests.cpu: 1/1, requests.memory: 512Mi/1Gi   limits.cpu: 2/2, limits.memory: 1Gi/2Gi\n"
    );
    assert_eq!(
        run(&mut c, "describe quota compute"),
        "Name:            compute\nNamespace:       default\nResource         Used   Hard\n--------         ----   ----\nlimits.cpu       2      2\nlimits.memory    1Gi    2Gi\npods             2      2\nrequests.cpu     1      1\nrequests.memory  512Mi  1Gi\n"
    );
}

#[test]
fn a_quota_on_cpu_and_memory_needs_every_container_to_say_them() {
    // resource-quotas#compute-resource-quota: "the quota system requires
    // that every new pod sets requests and limits for those resources".
    let mut c = cluster(QUOTA);
    assert_eq!(
        apply_fails(
            &mut c,
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n"
        ),
        "Error from server (Forbidden): pods \"bare\" is forbidden: failed quota: compute: must specify limits.cpu for: app; limits.memory for: app; requests.cpu for: app; requests.memory for: app"
    );
    // A Deployment's ReplicaSet meets the same refusal, as events.
    run(&mut c, "create deployment web --image=nginx --replicas=2");
    c.advance(3_000);
    let rs = c
        .store()
        .replicasets()
        .in_namespace("default")
        .next()
        .unwrap()
        .meta
        .name
        .clone();
    let failed: Vec<String> = events(&c, &rs)
        .into_iter()
        .filter(|(r, _)| r == "FailedCreate")
        .map(|(_, m)| m)
        .collect();
    assert!(!failed.is_empty());
    assert!(failed.iter().all(|m| m.starts_with(&format!("Error creating: pods \"{rs}-"))
        && m.ends_with("\" is forbidden: failed quota: compute: must specify limits.cpu for: nginx; limits.memory for: nginx; requests.cpu for: nginx; requests.memory for: nginx")));
    assert!(run(&mut c, "get deploy web").contains("web    0/2     0            0"));
}

#[test]
fn object_counts_are_quota_too() {
    // Every namespace already holds `kube-root-ca.crt` (published by
    // kube-controller-manager), and the quota counts it: a `configmaps: 2`
    // quota leaves room for one ConfigMap of the user's.
    let mut c = cluster(
        "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: objects\nspec:\n  hard:\n    configmaps: \"2\"\n    services: \"1\"\n",
    );
    run(&mut c, "create configmap one --from-literal=a=b");
    assert_eq!(
        fails(&mut c, "create configmap two --from-literal=a=b"),
        "error: failed to create configmap: configmaps \"two\" is forbidden: exceeded quota: objects, requested: configmaps=1, used: configmaps=2, limited: configmaps=2\n"
    );
}

const LIMITS: &str = r#"
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 250m
      memory: 128Mi
    max:
      cpu: "1"
    min:
      cpu: 100m
"#;

#[test]
fn a_limit_range_fills_in_defaults_and_says_so() {
    // limit-range: "the LimitRange admission controller applies default
    // request and limit values for all Pods".
    let mut c = cluster(LIMITS);
    apply(
        &mut c,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: plain\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n",
    );
    assert_eq!(
        run(
            &mut c,
            "get pod plain -o jsonpath={.spec.containers[0].resources}"
        ),
        "{\"limits\":{\"cpu\":\"500m\",\"memory\":\"256Mi\"},\"requests\":{\"cpu\":\"250m\",\"memory\":\"128Mi\"}}"
    );
    assert_eq!(
        run(
            &mut c,
            "get pod plain -o jsonpath='{.metadata.annotations.kubernetes\\.io/limit-ranger}'"
        ),
        "LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app"
    );
    assert_eq!(
        run(&mut c, "describe limitrange defaults"),
        "Name:       defaults\nNamespace:  default\nType        Resource  Min   Max  Default Request  Default Limit  Max Limit/Request Ratio\n----        --------  ---   ---  ---------------  -------------  -----------------------\nContainer   cpu       100m  1    250m             500m           -\nContainer   memory    -     -    128Mi            256Mi          -\n"
    );
}

#[test]
fn a_limit_range_refuses_containers_outside_its_bounds() {
    let mut c = cluster(LIMITS);
    let pod = |name: &str, resources: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      {resources}\n"
        )
    };
    assert_eq!(
        apply_fails(&mut c, &pod("too-big", "limits: {cpu: \"2\"}")),
        "Error from server (Forbidden): pods \"too-big\" is forbidden: maximum cpu usage per Container is 1, but limit is 2"
    );
    assert_eq!(
        apply_fails(&mut c, &pod("too-small", "requests: {cpu: 50m}")),
        "Error from server (Forbidden): pods \"too-small\" is forbidden: minimum cpu usage per Container is 100m, but request is 50m"
    );
}
