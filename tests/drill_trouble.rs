//! The drill's trouble cards (probes, OOMKilled, missing ConfigMaps): each
//! answer is what the simulator shows, among the planned choices, and obeys
//! the Kubernetes docs:
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>
//! - <https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#exceed-a-container-s-memory-limit>
//! - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/>

use kubetutor::lang::Lang;
use kubetutor::quiz::drill::card::{self, Card, Field, Policy, Trouble, category};
use kubetutor::quiz::drill::outcome::choices;
use kubetutor::quiz::drill::trouble::Why;
use kubetutor::quiz::drill::{CardOutcome, Rule, explain, outcome, words};
use kubetutor::sim::Cluster;
use kubetutor::sim::status::{pod_ready, pod_status};

fn trouble_cards() -> Vec<Card> {
    card::all()
        .into_iter()
        .filter(|c| c.trouble != Trouble::None)
        .collect()
}

/// The card replayed without the drill: its manifest on a fresh cluster.
fn replay(card: &Card) -> String {
    let mut c = Cluster::from_setup(&card.setup(), card::SEED).unwrap();
    c.advance(card.after_ms);
    let p = c.pod("default", card::NAME).expect("a bare Pod stays");
    match card.field {
        Field::Phase => p.status.phase.name().to_string(),
        Field::Status => pod_status(p),
        Field::Restarts => p.restarts().to_string(),
        Field::Ready => {
            let (r, t) = pod_ready(p);
            format!("{r}/{t}")
        }
    }
}

fn answer(trouble: Trouble, policy: Policy, after_ms: u64, field: Field) -> CardOutcome {
    let c = trouble_cards()
        .into_iter()
        .find(|c| {
            c.trouble == trouble && c.policy == policy && c.after_ms == after_ms && c.field == field
        })
        .unwrap_or_else(|| panic!("no card {trouble:?} {policy:?} {after_ms} {field:?}"));
    outcome(&c).unwrap()
}

#[test]
fn every_trouble_card_matches_the_simulator_and_offers_its_answer() {
    let cards = trouble_cards();
    assert_eq!(cards.len(), 125);
    for card in &cards {
        let key = card.key();
        let o = outcome(card).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(o.value, replay(card), "{key}: the simulator's answer");
        assert_eq!(o.choices, choices(card, &o.value), "{key}: {}", o.value);
        assert_eq!(o.choices[o.answer], o.value, "{key}");
        assert_eq!(o.pod, card::NAME);
        for lang in Lang::ALL {
            let e = explain::explain(card, o.rule, o.end.as_ref(), lang);
            assert!(e.iter().all(|p| !p.trim().is_empty()), "{key}");
            let q = words::question(card, lang);
            assert!(q.contains(&words::span(card.after_ms, lang)), "{key}: {q}");
            assert!(q.contains(card.policy.name()), "{key}: {q}");
            assert_eq!(words::hints(card, lang).len(), 2);
        }
        let end = o.end.as_ref().unwrap();
        // The docs' rules whatever the moment.
        match card.trouble {
            // A failing readiness probe never restarts; a startup probe
            // keeps the liveness probe off the slow server.
            Trouble::Readiness | Trouble::SlowStartGuarded => {
                assert_eq!(end.restarts, 0, "{key}")
            }
            Trouble::MissingConfigMapKey | Trouble::MissingConfigMapVolume => {
                assert_eq!((end.phase.as_str(), end.restarts), ("Pending", 0), "{key}")
            }
            _ => {}
        }
    }
}

#[test]
fn a_liveness_probe_that_fails_restarts_the_container() {
    // The docs' agnhost liveness example: /healthz 200 for 10 s, then 500;
    // the kubelet kills and restarts the container.
    let early = answer(Trouble::Liveness, Policy::Always, 5_000, Field::Restarts);
    assert_eq!(early.value, "0");
    assert_eq!(early.rule, Rule::Trouble(Why::ProbesPassing));
    let later = answer(Trouble::Liveness, Policy::Always, 30_000, Field::Restarts);
    assert_eq!(later.value, "1");
    assert_eq!(later.rule, Rule::Trouble(Why::LivenessRestarts));
    let long = answer(Trouble::Liveness, Policy::Always, 120_000, Field::Status);
    assert_eq!(long.value, "CrashLoopBackOff");
    assert_eq!(
        answer(Trouble::Liveness, Policy::Always, 120_000, Field::Phase).value,
        "Running"
    );
}

#[test]
fn a_failing_readiness_probe_leaves_the_pod_running_but_not_ready() {
    for after in card::TIMES_MS {
        let ready = answer(Trouble::Readiness, Policy::Always, after, Field::Ready);
        assert_eq!(ready.value, "0/1", "{after}");
        assert_eq!(ready.rule, Rule::Trouble(Why::NeverReady));
        let status = answer(Trouble::Readiness, Policy::Always, after, Field::Status);
        assert_eq!(status.value, "Running", "{after}");
    }
}

#[test]
fn a_slow_start_is_killed_by_liveness_unless_a_startup_probe_guards_it() {
    let killed = answer(
        Trouble::SlowStart,
        Policy::Always,
        15 * 60_000,
        Field::Restarts,
    );
    let n: u32 = killed.value.parse().unwrap();
    assert!(n >= 3, "{n}");
    assert_eq!(killed.rule, Rule::Trouble(Why::SlowStartKilled));
    let waiting = answer(
        Trouble::SlowStartGuarded,
        Policy::Always,
        30_000,
        Field::Ready,
    );
    assert_eq!(waiting.value, "0/1");
    assert_eq!(waiting.rule, Rule::Trouble(Why::StartupWaiting));
    let started = answer(
        Trouble::SlowStartGuarded,
        Policy::Always,
        120_000,
        Field::Ready,
    );
    assert_eq!(started.value, "1/1");
    assert_eq!(started.rule, Rule::Trouble(Why::StartupPassed));
    assert_eq!(
        answer(
            Trouble::SlowStartGuarded,
            Policy::Always,
            15 * 60_000,
            Field::Restarts
        )
        .value,
        "0"
    );
}

#[test]
fn over_the_memory_limit_the_container_is_oom_killed() {
    let never = answer(Trouble::OverMemory, Policy::Never, 30_000, Field::Status);
    assert_eq!(never.value, "OOMKilled");
    assert_eq!(
        answer(Trouble::OverMemory, Policy::Never, 30_000, Field::Phase).value,
        "Failed"
    );
    let always = answer(
        Trouble::OverMemory,
        Policy::Always,
        2 * 60_000,
        Field::Status,
    );
    assert_eq!(always.value, "CrashLoopBackOff");
    assert_eq!(always.rule, Rule::Trouble(Why::OomKilled));
    // kubectl describe's Last State: Terminated, Reason OOMKilled, Exit Code 137.
    let mut c = Cluster::from_setup(&always.card.setup(), card::SEED).unwrap();
    c.advance(always.card.after_ms);
    let p = c.pod("default", card::NAME).unwrap();
    let last = p.status.container_statuses[0].last_state.as_ref().unwrap();
    assert_eq!((last.reason.as_str(), last.exit_code), ("OOMKilled", 137));
}

#[test]
fn a_missing_configmap_keeps_the_container_from_being_created() {
    let env = answer(
        Trouble::MissingConfigMapKey,
        Policy::Always,
        30_000,
        Field::Status,
    );
    assert_eq!(env.value, "CreateContainerConfigError");
    assert_eq!(env.rule, Rule::Trouble(Why::ConfigMissing));
    let volume = answer(
        Trouble::MissingConfigMapVolume,
        Policy::Always,
        30_000,
        Field::Status,
    );
    assert_eq!(volume.value, "ContainerCreating");
    assert_eq!(volume.rule, Rule::Trouble(Why::VolumeMissing));
}

#[test]
fn the_new_categories_have_names_in_both_languages() {
    let cards = trouble_cards();
    for (cat, ko) in [
        (category::PROBES, "프로브"),
        (category::OOM_KILLED, "메모리 초과로 종료(OOMKilled)"),
        (category::MISSING_CONFIG_MAP, "없는 컨피그맵"),
    ] {
        assert!(cards.iter().any(|c| c.category() == cat), "{cat}");
        assert_eq!(words::category_name(cat, Lang::Ko), ko);
        assert_eq!(words::category_name(cat, Lang::En), cat);
    }
    assert_eq!(
        card::by_key("ready/readiness/always/2m").map(|c| c.trouble),
        Some(Trouble::Readiness)
    );
}
