//! The command parser: kubectl forms, flags, and errors that say what was meant.

use kubetutor::kubectl::parse::*;
use kubetutor::sim::objects::RestartPolicy;

#[test]
fn kubectl_prefix_flags_and_forms() {
    assert_eq!(
        parse("kubectl get pods -o wide -l app=web").unwrap(),
        Command::Get {
            res: Resource::Pods,
            names: vec![],
            output: Output::Wide,
            selector: Some("app=web".into()),
            scope: Scope::One("default".into()),
            show_labels: false,
            no_headers: false,
            sort_by: None
        }
    );
    assert_eq!(
        parse("get deploy/web -ojson").unwrap(),
        Command::Get {
            res: Resource::Deployments,
            names: vec!["web".into()],
            output: Output::Json,
            selector: None,
            scope: Scope::One("default".into()),
            show_labels: false,
            no_headers: false,
            sort_by: None
        }
    );
    assert_eq!(
        parse("create deployment web --image=nginx --replicas=3").unwrap(),
        Command::CreateDeployment {
            name: "web".into(),
            image: "nginx".into(),
            replicas: 3,
            port: None,
            ns: "default".into()
        }
    );
    assert_eq!(
        parse("run once --image=busybox --restart=Never -- sh -c 'sleep 5; exit 1'").unwrap(),
        Command::Run {
            name: "once".into(),
            image: "busybox".into(),
            restart: RestartPolicy::Never,
            args: vec!["sh".into(), "-c".into(), "sleep 5; exit 1".into()],
            as_command: false,
            port: None,
            labels: None,
            ns: "default".into()
        }
    );
    assert_eq!(
        parse("set image deployment/web web=nginx:1.28").unwrap(),
        Command::SetImage {
            name: "web".into(),
            pairs: vec![("web".into(), "nginx:1.28".into())],
            ns: "default".into()
        }
    );
    assert_eq!(parse("wait 5m").unwrap(), Command::Wait(300_000));
    assert_eq!(parse("  ").unwrap(), Command::Empty);
}

#[test]
fn mistakes_say_what_was_meant() {
    assert_eq!(
        parse("gte pods").unwrap_err(),
        "error: unknown command \"gte\" (did you mean \"get\"?)"
    );
    assert_eq!(
        parse("get pood").unwrap_err(),
        "error: the server doesn't have a resource type \"pood\" (did you mean \"pods\"?)"
    );
    assert_eq!(
        parse("scale deployment web --replica=3").unwrap_err(),
        "error: unknown flag: --replica (did you mean \"--replicas\"?)"
    );
    assert_eq!(
        parse("get pods -o wdie").unwrap_err(),
        "error: unable to match a printer suitable for the output format \"wdie\", allowed formats are: json,jsonpath,name,wide,yaml (did you mean \"wide\"?)"
    );
    assert_eq!(
        parse("fault node-dwn node-1").unwrap_err(),
        "error: unknown fault \"node-dwn\" (did you mean \"node-down\"?)"
    );
    assert!(
        parse("get pods -x")
            .unwrap_err()
            .contains("unknown shorthand flag: 'x'")
    );
    assert!(
        parse("run x")
            .unwrap_err()
            .contains("required flag(s) \"image\" not set")
    );
    assert!(parse("get 'pods").unwrap_err().contains("unterminated"));
    assert!(parse("wait soon").unwrap_err().contains("invalid duration"));
    assert_eq!(
        parse("-- x").unwrap_err(),
        "error: unknown command \"--\"\nRun 'help' for the commands this cluster understands."
    );
    // A word like no command points at `help` (`:foo` in the tutor).
    assert!(
        parse("foo")
            .unwrap_err()
            .ends_with("Run 'help' for the commands this cluster understands.")
    );
}

/// A flag that only looks like `--dry-run` (`--dry-runs`) sent `create
/// deployment` and `run` back into their dry-run parse for ever, until the
/// stack overflowed (found by the `kubectl_execute` fuzzer). kubectl says
/// the flag is unknown, and so do we.
#[test]
fn dry_run_lookalike_flags_are_unknown_not_parsed_again_for_ever() {
    for (line, flag) in [
        ("create deployment x --image=nginx --dry-runs", "--dry-runs"),
        (
            "create deployment x --image=nginx --dry-run-client -o yaml",
            "--dry-run-client",
        ),
        ("run x --image=nginx --dry-runX", "--dry-runX"),
    ] {
        assert_eq!(
            parse(line).unwrap_err(),
            format!("error: unknown flag: {flag}"),
            "{line}"
        );
    }
    assert!(matches!(
        parse("create deployment x --image=nginx --dry-run=client -o yaml").unwrap(),
        Command::DryRun { .. }
    ));
}
