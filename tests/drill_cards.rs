//! Every drill card's answer is what the simulator shows (no second source
//! of truth), every card offers its answer among planned choices, and the
//! answers obey the rules of the Kubernetes docs:
//! <https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/>.

use kubetutor::lang::Lang;
use kubetutor::quiz::check::{Response, check_answer};
use kubetutor::quiz::drill::card::{
    self, Behaviour, Card, Field, Image, NodeFate, Owner, Policy, Trouble, category,
};
use kubetutor::quiz::drill::outcome::choices;
use kubetutor::quiz::drill::session::DrillSession;
use kubetutor::quiz::drill::{CardOutcome, GONE, Plan, Rule, explain, outcome, words};
use kubetutor::sim::Cluster;
use kubetutor::sim::objects::Kind;
use kubetutor::sim::status::pod_status;

/// Replay a card without the drill's code: the card's setup on a fresh
/// cluster with the card's seed, `advance`, and read the pod.
fn replay(card: &Card, pod: &str) -> (String, Option<Kind>) {
    let mut c = Cluster::from_setup(&card.setup(), card::SEED).unwrap();
    c.advance(card.after_ms);
    match c.pod("default", pod) {
        None => (GONE.to_string(), None),
        Some(p) => (
            match card.field {
                Field::Phase => p.status.phase.name().to_string(),
                Field::Status => pod_status(p),
                Field::Restarts => p.restarts().to_string(),
                Field::Ready => {
                    let (ready, total) = kubetutor::sim::status::pod_ready(p);
                    format!("{ready}/{total}")
                }
            },
            p.meta.owner.as_ref().map(|o| o.kind),
        ),
    }
}

/// What the docs say must hold whatever the timing.
fn docs_rules(card: &Card, o: &CardOutcome) {
    let key = card.key();
    let Some(end) = &o.end else {
        if card.node == NodeFate::Lost {
            // Taint-based eviction deletes every pod of the lost node once the
            // 300 s toleration is over, finished or not; a finished pod has
            // nothing to stop, so its deletion completes at once.
            // https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
            assert!(
                card.after_ms >= 300_000,
                "{key}: deleted before the toleration ended"
            );
            assert_eq!(o.rule, Rule::EvictedFinished, "{key}");
            return;
        }
        // On a healthy node only a Job deletes its own pod (backoffLimit reached).
        // https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy
        assert_eq!(card.owner, Owner::Job, "{key}");
        assert_eq!(card.policy, Policy::OnFailure, "{key}");
        assert_eq!(o.rule, Rule::JobGaveUp, "{key}");
        return;
    };
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
    if card.policy == Policy::Never
        || (card.policy == Policy::OnFailure && card.behaviour == Behaviour::ExitsZero)
        || card.image == Image::Typo
        || card.behaviour == Behaviour::KeepsRunning
    {
        assert_eq!(end.restarts, 0, "{key}: nothing restarts this container");
    }
    // https://kubernetes.io/docs/concepts/containers/images/#imagepullbackoff
    if card.image == Image::Typo {
        assert_eq!(end.phase, "Pending", "{key}: {end:?}");
        assert_ne!(end.status, "Running", "{key}");
    }
    // A current node controller never sets the Unknown phase.
    assert_ne!(end.phase, "Unknown", "{key}");
    match card.node {
        NodeFate::Healthy => {
            assert_ne!(end.status, "Terminating", "{key}");
            assert_eq!(o.node_status, "Ready", "{key}");
        }
        // https://kubernetes.io/docs/concepts/architecture/nodes/#node-controller
        // https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
        NodeFate::Lost => {
            let finished = matches!(end.phase.as_str(), "Succeeded" | "Failed");
            if card.after_ms <= 30_000 {
                assert_eq!(o.node_status, "Ready", "{key}: within the 50 s grace");
            } else {
                assert_eq!(o.node_status, "NotReady", "{key}");
            }
            // The phase and STATUS stay what the kubelet last reported until
            // the eviction: the last moment before the node went down.
            let before = o
                .timeline
                .first()
                .filter(|m| m.at_ms == 0)
                .and_then(|m| m.pod.clone())
                .unwrap_or_else(|| panic!("{key}: the pod when node-1 went down"));
            if end.status != "Terminating" {
                assert_eq!(end.phase, before.phase, "{key}");
                assert_eq!(end.status, before.status, "{key}");
                assert_eq!(end.restarts, before.restarts, "{key}");
            }
            if card.after_ms >= 360_000 && !finished {
                assert_eq!(end.status, "Terminating", "{key}: evicted after 300 s");
            }
            if finished {
                assert_eq!(o.rule, Rule::FinishedBeforeLoss, "{key}");
            }
        }
    }
    // The phase the rule names is the phase the simulator shows.
    let phase_of_rule = match o.rule {
        Rule::Succeeded => Some("Succeeded"),
        Rule::Failed => Some("Failed"),
        Rule::ImagePull | Rule::Starting => Some("Pending"),
        Rule::Running | Rule::Restarting => Some("Running"),
        _ => None,
    };
    if let Some(p) = phase_of_rule {
        assert_eq!(end.phase, p, "{key}: {:?}", o.rule);
    }
    if o.rule == Rule::Restarting {
        assert_ne!(card.policy, Policy::Never, "{key}");
    }
}

fn check_cards(owner: Owner) {
    let cards: Vec<Card> = card::all()
        .into_iter()
        .filter(|c| c.owner == owner && c.trouble == Trouble::None)
        .collect();
    assert!(!cards.is_empty());
    for card in &cards {
        let key = card.key();
        let o = outcome(card).unwrap_or_else(|e| panic!("{e}"));
        let (value, owner_kind) = replay(card, &o.pod);
        assert_eq!(
            o.value, value,
            "{key}: the drill's answer is the simulator's"
        );
        match card.owner {
            Owner::Bare => assert_eq!(o.pod, card::NAME),
            Owner::ReplicaSet => {
                assert!(matches!(owner_kind, Some(Kind::ReplicaSet) | None), "{key}")
            }
            Owner::Job => assert!(matches!(owner_kind, Some(Kind::Job) | None), "{key}"),
        }
        assert_eq!(
            o.choices,
            choices(card, &o.value),
            "{key}: the answer {:?} is one of the planned choices",
            o.value
        );
        assert_eq!(o.choices[o.answer], o.value, "{key}");
        let same: Vec<&String> = o.choices.iter().filter(|c| **c == o.value).collect();
        assert_eq!(same.len(), 1, "{key}: exactly one right choice");
        assert_eq!(
            o.timeline.last().and_then(|m| m.pod.clone()),
            o.end,
            "{key}: the timeline ends where the card looks"
        );
        docs_rules(card, &o);
        for lang in Lang::ALL {
            let e = explain::explain(card, o.rule, o.end.as_ref(), lang);
            assert!(
                !e.is_empty() && e.iter().all(|p| !p.trim().is_empty()),
                "{key}"
            );
            let q = words::question(card, lang);
            assert!(q.contains(&words::span(card.after_ms, lang)), "{key}: {q}");
            assert!(q.contains(card.policy.name()), "{key}: {q}");
        }
    }
}

#[test]
fn every_bare_pod_card_matches_the_simulator() {
    check_cards(Owner::Bare);
}

#[test]
fn every_replicaset_card_matches_the_simulator() {
    check_cards(Owner::ReplicaSet);
}

#[test]
fn every_job_card_matches_the_simulator() {
    check_cards(Owner::Job);
}

fn card(
    owner: Owner,
    policy: Policy,
    behaviour: Behaviour,
    image: Image,
    node: NodeFate,
    after_ms: u64,
    field: Field,
) -> Card {
    Card {
        owner,
        policy,
        behaviour,
        image,
        node,
        after_ms,
        field,
        trouble: Trouble::None,
    }
}

fn answer(c: Card) -> String {
    outcome(&c).unwrap().value
}

fn phase_and_status(c: Card) -> (String, String) {
    (
        answer(c.with_field(Field::Phase)),
        answer(c.with_field(Field::Status)),
    )
}

use Behaviour::*;
use Field::*;
use Image::*;
use NodeFate::*;
use Owner::*;
use Policy::*;

#[test]
fn never_and_exit_1_is_failed_with_status_error() {
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase
    let c = card(Bare, Never, ExitsOne, Pullable, Healthy, 30_000, Phase);
    assert_eq!(phase_and_status(c), ("Failed".into(), "Error".into()));
    assert_eq!(outcome(&c).unwrap().rule, Rule::Failed);
}

#[test]
fn always_and_exit_0_keeps_running_with_restarts() {
    // https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
    let c = card(Bare, Always, ExitsZero, Pullable, Healthy, 30_000, Phase);
    assert_eq!(answer(c), "Running");
    let restarts: u32 = answer(c.with_field(Restarts)).parse().unwrap();
    assert!(restarts >= 1, "{restarts}");
    assert_eq!(answer(c.with_field(Status)), "CrashLoopBackOff");
    assert_eq!(outcome(&c).unwrap().rule, Rule::Restarting);
}

#[test]
fn onfailure_and_exit_0_is_succeeded_with_status_completed() {
    let c = card(
        Bare,
        OnFailure,
        ExitsZero,
        Pullable,
        Healthy,
        2 * 60_000,
        Phase,
    );
    assert_eq!(
        phase_and_status(c),
        ("Succeeded".into(), "Completed".into())
    );
    assert_eq!(outcome(&c).unwrap().rule, Rule::Succeeded);
}

#[test]
fn an_unpullable_image_stays_pending_between_err_image_pull_and_back_off() {
    // https://kubernetes.io/docs/concepts/containers/images/#imagepullbackoff
    let c = card(
        Bare,
        Always,
        KeepsRunning,
        Typo,
        Healthy,
        2 * 60_000,
        Status,
    );
    let o = outcome(&c).unwrap();
    assert_eq!(o.value, "ImagePullBackOff");
    assert_eq!(o.end.as_ref().unwrap().phase, "Pending");
    let statuses: Vec<&str> = o
        .timeline
        .iter()
        .filter_map(|m| m.pod.as_ref().map(|p| p.status.as_str()))
        .collect();
    assert!(statuses.contains(&"ErrImagePull"), "{statuses:?}");
    assert_eq!(o.rule, Rule::ImagePull);
}

#[test]
fn a_lost_node_leaves_the_pod_running_until_it_is_evicted() {
    // The node controller marks the node NotReady 50 s after the last
    // heartbeat and sets only the Pod's Ready condition to False: the phase
    // stays Running. 300 s after the NoExecute taint it is Terminating.
    // https://kubernetes.io/docs/concepts/architecture/nodes/#node-controller
    let early = card(Bare, Always, KeepsRunning, Pullable, Lost, 30_000, Phase);
    assert_eq!(answer(early), "Running", "nobody has noticed yet");
    assert_eq!(outcome(&early).unwrap().rule, Rule::NotNoticed);
    let later = card(
        Bare,
        Always,
        KeepsRunning,
        Pullable,
        Lost,
        2 * 60_000,
        Phase,
    );
    let o = outcome(&later).unwrap();
    assert_eq!(o.value, "Running");
    assert_eq!(o.node_status, "NotReady");
    assert_eq!(o.rule, Rule::NodeNotReady);
    assert_eq!(answer(later.with_field(Status)), "Running");
    assert!(o.timeline.iter().all(|m| {
        m.pod
            .as_ref()
            .is_none_or(|p| p.phase == "Running" && p.status == "Running")
    }));
    // https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
    let evicted = card(
        Bare,
        Always,
        KeepsRunning,
        Pullable,
        Lost,
        6 * 60_000,
        Status,
    );
    assert_eq!(answer(evicted), "Terminating");
    assert_eq!(answer(evicted.with_field(Phase)), "Running");
    // A pod whose image never came stays Pending with its last reason.
    let typo = card(Bare, Always, KeepsRunning, Typo, Lost, 2 * 60_000, Status);
    let o = outcome(&typo).unwrap();
    assert!(
        matches!(o.value.as_str(), "ErrImagePull" | "ImagePullBackOff"),
        "{}",
        o.value
    );
    assert_eq!(o.rule, Rule::NodeNotReady);
}

#[test]
fn a_jobs_pod_that_exits_0_is_succeeded_with_status_completed() {
    // https://kubernetes.io/docs/concepts/workloads/controllers/job/
    for policy in [Never, OnFailure] {
        let c = card(Job, policy, ExitsZero, Pullable, Healthy, 30_000, Phase);
        assert_eq!(
            phase_and_status(c),
            ("Succeeded".into(), "Completed".into())
        );
    }
}

#[test]
fn a_job_gives_up_after_its_backoff_limit_and_deletes_its_pod() {
    // https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy
    let c = card(
        Job,
        OnFailure,
        ExitsOne,
        Pullable,
        Healthy,
        15 * 60_000,
        Phase,
    );
    let o = outcome(&c).unwrap();
    assert_eq!(o.value, GONE);
    assert_eq!(o.rule, Rule::JobGaveUp);
    assert_eq!(
        o.timeline
            .iter()
            .rev()
            .nth(1)
            .and_then(|m| m.pod.as_ref())
            .map(|p| p.restarts),
        Some(6),
        "deleted once it reached backoffLimit 6"
    );
}

#[test]
fn cards_cover_every_category_and_both_levels() {
    let all = card::all();
    for cat in category::ALL {
        assert!(all.iter().any(|c| c.category() == cat), "{cat}");
    }
    assert!(all.iter().any(|c| c.field == Restarts));
    assert!(
        all.iter()
            .all(|c| c.owner != ReplicaSet || c.policy == Always)
    );
}

#[test]
fn the_session_checks_the_simulators_answer_as_right() {
    // Through the session's own question: its choices, the checker and the
    // observed value.
    let c = card(Bare, Never, ExitsOne, Pullable, Healthy, 30_000, Status);
    for lang in Lang::ALL {
        let mut s = DrillSession::with_plan(
            Plan {
                cards: vec![c],
                due: 0,
            },
            lang,
        );
        let q = s.question().unwrap().clone();
        let o = s.outcome().unwrap().clone();
        let right = check_answer(&q.spec, &Response::Choice(o.answer), Some(&o.value)).unwrap();
        assert!(right.correct);
        let wrong = (o.answer + 1) % q.spec.choices.len();
        let f = s.submit(&Response::Choice(wrong)).unwrap();
        assert!(!f.correct);
        assert_eq!(f.answer_text, "Error");
    }
}
