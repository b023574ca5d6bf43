//! Events as kubectl lists them: `get events` in the order the API lists
//! them (by event name, which groups them by object, kubernetes issue
//! 29838), `kubectl events` (kubectl ≥ 1.26) by time, and `get events
//! --sort-by=.lastTimestamp` (kubectl pkg/cmd/get/sorter.go: events without
//! the field, the scheduler's `events.k8s.io` ones, first).
//! <https://kubernetes.io/docs/reference/kubectl/generated/kubectl_events/>

use kubetutor::kubectl::execute;
use kubetutor::sim::Cluster;

fn run(c: &mut Cluster, line: &str) -> String {
    let out = execute(c, line);
    assert!(out.ok, "{line}: {}", out.output);
    out.output
}

fn cluster() -> Cluster {
    let mut c = Cluster::new(5);
    run(
        &mut c,
        "create deployment web --image=nginx:1.27 --replicas=2",
    );
    run(&mut c, "run oops --image=ngnix:1.27");
    run(&mut c, "wait 10s");
    c
}

/// (REASON, OBJECT) of each row.
fn reasons(table: &str) -> Vec<(String, String)> {
    table
        .lines()
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (cols[2].to_string(), cols[3].to_string())
        })
        .collect()
}

fn rows(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn get_events_lists_them_in_api_order_grouped_by_object() {
    let mut c = cluster();
    let out = run(&mut c, "get events");
    assert_eq!(
        out.lines().next().unwrap(),
        "LAST SEEN   TYPE      REASON              OBJECT                      MESSAGE"
    );
    assert_eq!(
        out.lines().nth(1).unwrap(),
        "9s          Normal    Scheduled           pod/oops                    Successfully assigned default/oops to node-1"
    );
    assert_eq!(
        reasons(&out),
        rows(&[
            ("Scheduled", "pod/oops"),
            ("Pulling", "pod/oops"),
            ("Failed", "pod/oops"),
            ("Failed", "pod/oops"),
            ("BackOff", "pod/oops"),
            ("Failed", "pod/oops"),
            ("Scheduled", "pod/web-655c7c665b-fzfx7"),
            ("Pulling", "pod/web-655c7c665b-fzfx7"),
            ("Pulled", "pod/web-655c7c665b-fzfx7"),
            ("Created", "pod/web-655c7c665b-fzfx7"),
            ("Started", "pod/web-655c7c665b-fzfx7"),
            ("Scheduled", "pod/web-655c7c665b-vf62s"),
            ("Pulling", "pod/web-655c7c665b-vf62s"),
            ("Pulled", "pod/web-655c7c665b-vf62s"),
            ("Created", "pod/web-655c7c665b-vf62s"),
            ("Started", "pod/web-655c7c665b-vf62s"),
            ("SuccessfulCreate", "replicaset/web-655c7c665b"),
            ("SuccessfulCreate", "replicaset/web-655c7c665b"),
            ("ScalingReplicaSet", "deployment/web"),
        ])
    );
    // The name is the object's and the recorder's nanosecond time in hex.
    let wide = run(&mut c, "get events -o wide");
    assert!(
        wide.lines()
            .next()
            .unwrap()
            .ends_with("FIRST SEEN   COUNT   NAME")
    );
    assert!(wide.contains("default-scheduler, default-scheduler-control-plane"));
    assert!(wide.contains("spec.containers{oops}    kubelet, node-1"));
    assert!(
        wide.lines()
            .nth(1)
            .unwrap()
            .ends_with("1       oops.1816687ec64ce108")
    );
}

#[test]
fn kubectl_events_lists_them_in_the_order_they_happened() {
    let mut c = cluster();
    assert_eq!(
        run(&mut c, "events --for pod/oops"),
        "LAST SEEN   TYPE      REASON      OBJECT     MESSAGE\n\
         10s         Normal    Pulling     Pod/oops   Pulling image \"ngnix:1.27\"\n\
         9s          Normal    Scheduled   Pod/oops   Successfully assigned default/oops to node-1\n\
         9s          Warning   Failed      Pod/oops   Failed to pull image \"ngnix:1.27\": failed to pull and unpack image \"docker.io/library/ngnix:1.27\": failed to resolve reference \"docker.io/library/ngnix:1.27\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n\
         9s          Warning   Failed      Pod/oops   Error: ErrImagePull\n\
         8s          Normal    BackOff     Pod/oops   Back-off pulling image \"ngnix:1.27\"\n\
         8s          Warning   Failed      Pod/oops   Error: ImagePullBackOff\n"
    );
    let all = run(&mut c, "events");
    let times: Vec<&str> = all
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by_key(|t| std::cmp::Reverse(t.trim_end_matches('s').parse::<u32>().unwrap()));
    assert_eq!(times, sorted, "oldest first");
    assert_eq!(
        run(&mut c, "events --types Warning")
            .lines()
            .map(|l| l.split_whitespace().nth(2).unwrap())
            .collect::<Vec<_>>(),
        ["TYPE", "Failed", "Failed", "Failed"]
    );
    assert_eq!(
        run(&mut c, "events -n kube-system"),
        "No events found in kube-system namespace.\n"
    );
    let wrong = execute(&mut c, "events --types Sad");
    assert!(!wrong.ok);
    assert_eq!(wrong.output, "error: valid --types are Normal or Warning\n");
}

#[test]
fn get_events_sorted_by_last_timestamp_puts_the_schedulers_first() {
    let mut c = cluster();
    let out = run(&mut c, "get events --sort-by=.lastTimestamp");
    let r = reasons(&out);
    assert_eq!(
        &r[..5],
        rows(&[
            ("Scheduled", "pod/oops"),
            ("Scheduled", "pod/web-655c7c665b-fzfx7"),
            ("Scheduled", "pod/web-655c7c665b-vf62s"),
            ("Pulling", "pod/oops"),
            ("Pulling", "pod/web-655c7c665b-fzfx7"),
        ])
        .as_slice()
    );
    assert_eq!(r.last().unwrap().0, "Started");
    let bad = execute(&mut c, "get events --sort-by=.[");
    assert!(!bad.ok, "{}", bad.output);
}
