//! Why a card's answer is what the simulator showed: which rule of
//! Kubernetes applied, told in both languages.
//!
//! The rule is read from the simulator's result (the pod's phase, STATUS
//! and restarts at that moment, and its node's status), not predicted: the
//! explanation can only describe what happened.

use super::card::{Behaviour, Card, Field, Image, NodeFate, Owner, Policy};
pub use super::trouble::Why;
use crate::lang::Lang;
use crate::quiz::predict::PodState;

/// The rule that explains a card's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// Pulling the image or creating the container: Pending.
    Starting,
    /// The image cannot be pulled: Pending, ErrImagePull / ImagePullBackOff.
    ImagePull,
    /// The container runs (and has never been restarted).
    Running,
    /// The container exited and restartPolicy restarts it: Running, with
    /// CrashLoopBackOff while the kubelet waits.
    Restarting,
    /// Every container exited 0 and none restarts: Succeeded / Completed.
    Succeeded,
    /// A container failed and none restarts: Failed / Error.
    Failed,
    /// The node is gone but the control plane has not noticed yet (the
    /// 50 s node-monitor grace period): the last reported state still shows.
    NotNoticed,
    /// The node controller marked the node NotReady: the pod's Ready
    /// condition is False, its phase and STATUS are what the kubelet last
    /// reported.
    NodeNotReady,
    /// After the 300 s toleration the pod was evicted; its kubelet cannot
    /// confirm, so it stays Terminating.
    Evicted,
    /// The pod had finished before the node was lost; a finished pod keeps
    /// its phase.
    FinishedBeforeLoss,
    /// The Job gave up (backoffLimit) and deleted its pod.
    JobGaveUp,
    /// The pod had finished before its node was lost; after the 300 s
    /// toleration it was evicted like any other, and with no container left
    /// to stop, the deletion completed at once.
    EvictedFinished,
    /// A trouble card's own rule ([`super::trouble`]).
    Trouble(Why),
}

impl Rule {
    /// Read the rule from what the simulator showed: the pod at the
    /// card's moment (`None`: deleted) and its node's STATUS.
    pub fn of(card: &Card, end: Option<&PodState>, node_status: &str) -> Rule {
        let Some(pod) = end else {
            // On a lost node the kubelet restarts nothing, so a Job cannot
            // reach its backoffLimit there: a pod gone from a lost node was
            // evicted after it had finished.
            return if card.node == NodeFate::Lost {
                Rule::EvictedFinished
            } else {
                Rule::JobGaveUp
            };
        };
        if pod.status == "Terminating" {
            return Rule::Evicted;
        }
        let lost = card.node == NodeFate::Lost;
        let own = own_rule(card, pod);
        if lost && matches!(own, Rule::Succeeded | Rule::Failed) {
            return Rule::FinishedBeforeLoss;
        }
        if lost && node_status == "Ready" {
            return Rule::NotNoticed;
        }
        if lost {
            return Rule::NodeNotReady;
        }
        own
    }
}

/// The rule for the pod's own state, node aside.
fn own_rule(card: &Card, pod: &PodState) -> Rule {
    match pod.phase.as_str() {
        "Pending"
            if card.image == Image::Typo
                || matches!(pod.status.as_str(), "ErrImagePull" | "ImagePullBackOff") =>
        {
            Rule::ImagePull
        }
        "Pending" => Rule::Starting,
        "Succeeded" => Rule::Succeeded,
        "Failed" => Rule::Failed,
        _ if pod.restarts == 0 && pod.status == "Running" => Rule::Running,
        _ => Rule::Restarting,
    }
}

/// The explanation of a card's answer: the rule that applied, with the
/// card's own details, in paragraphs.
pub fn explain(card: &Card, rule: Rule, end: Option<&PodState>, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let restarts = end.map_or(0, |p| p.restarts);
    let status = end.map_or("", |p| p.status.as_str());
    let policy = card.policy.name();
    let ko = lang == Lang::Ko;
    let t = |en: String, ko_text: String| if ko { ko_text } else { en };
    out.push(match rule {
        Rule::Trouble(why) => super::trouble_words::explain(card, why, end, lang),
        Rule::Starting => t(
            "The Pod is Pending: it is bound to a node, but its container has not been created yet \
             (the image is still being pulled). kubectl shows ContainerCreating."
                .into(),
            "파드는 Pending입니다. 노드에 배정되었지만 컨테이너가 아직 만들어지지 않았습니다(이미지를 받는 중). \
             kubectl은 ContainerCreating을 보여 줍니다."
                .into(),
        ),
        Rule::ImagePull => t(
            format!(
                "The image cannot be pulled, so the container is never created and the Pod stays \
                 Pending, whatever its restartPolicy. Right after a failed pull STATUS shows \
                 ErrImagePull; while the kubelet waits to try again (10 s, 20 s, 40 s … up to \
                 5 min) it shows ImagePullBackOff, and each retry that fails shows ErrImagePull \
                 again. Now: {status}."
            ),
            format!(
                "이미지를 받을 수 없으니 컨테이너는 만들어지지 않고, restartPolicy와 상관없이 파드는 Pending에 \
                 머뭅니다. 받기에 실패한 직후 STATUS는 ErrImagePull, kubelet이 다시 시도하기 전에 기다리는 \
                 동안(10초, 20초, 40초 … 최대 5분)은 ImagePullBackOff이고, 다시 시도했다가 실패할 때마다 또 \
                 ErrImagePull이 됩니다. 지금은 {status}입니다."
            ),
        ),
        Rule::Running => match card.behaviour {
            Behaviour::Crashes => t(
                "The container started less than 5 seconds ago and has not crashed yet: the Pod is \
                 Running and STATUS is Running."
                    .into(),
                "컨테이너가 시작한 지 5초가 안 되어 아직 죽지 않았습니다. 파드는 Running, STATUS도 Running입니다."
                    .into(),
            ),
            _ => t(
                "The container keeps running, so the Pod is Running and STATUS is Running, with no \
                 restarts."
                    .into(),
                "컨테이너가 계속 실행 중이니 파드는 Running, STATUS도 Running이고 재시작은 없습니다.".into(),
            ),
        },
        Rule::Restarting => {
            let which = match (card.policy, card.behaviour) {
                (Policy::Always, Behaviour::ExitsZero) => t(
                    "restartPolicy Always restarts a container whenever it exits, even with code 0."
                        .into(),
                    "restartPolicy Always는 컨테이너가 끝나면 종료 코드가 0이어도 언제나 다시 시작합니다."
                        .into(),
                ),
                (Policy::Always, _) => t(
                    "restartPolicy Always restarts a container whenever it exits.".into(),
                    "restartPolicy Always는 컨테이너가 끝날 때마다 다시 시작합니다.".into(),
                ),
                _ => t(
                    "restartPolicy OnFailure restarts a container that exits with a non-zero code."
                        .into(),
                    "restartPolicy OnFailure는 0이 아닌 코드로 끝난 컨테이너를 다시 시작합니다.".into(),
                ),
            };
            let now = match status {
                "CrashLoopBackOff" => t(
                    "Right now the kubelet is waiting before the next restart, and kubectl shows \
                     that waiting reason: CrashLoopBackOff."
                        .into(),
                    "지금은 kubelet이 다음 재시작 전에 기다리는 중이고, kubectl은 그 대기 이유 CrashLoopBackOff를 \
                     보여 줍니다."
                        .into(),
                ),
                "Completed" | "Error" => t(
                    format!(
                        "The container has just exited, so STATUS shows the reason of that exit \
                         ({status}) until the kubelet starts it again."
                    ),
                    format!(
                        "컨테이너가 방금 끝났기 때문에, kubelet이 다시 시작할 때까지 STATUS는 그 종료 이유({status})를 \
                         보여 줍니다."
                    ),
                ),
                _ => t(
                    "Right now the restarted container is running, so STATUS is Running.".into(),
                    "지금은 다시 시작된 컨테이너가 실행 중이라 STATUS는 Running입니다.".into(),
                ),
            };
            t(
                format!(
                    "{which} The Pod stays Running: it is still bound to its node and its \
                     container is being restarted in place. The first restart is immediate; \
                     after that the kubelet waits 10 s, 20 s, 40 s … (doubling up to 5 min). \
                     {now} Restarts so far: {restarts}."
                ),
                format!(
                    "{which} 파드는 노드에 그대로 있고 컨테이너가 그 자리에서 다시 시작되므로 Running으로 남습니다. \
                     첫 재시작은 바로 일어나고, 그다음부터 kubelet은 10초, 20초, 40초 …(두 배씩, 최대 5분) \
                     기다립니다. {now} 지금까지 \
                     재시작 {restarts}번."
                ),
            )
        }
        Rule::Succeeded => t(
            format!(
                "The container exited with code 0 and restartPolicy {policy} does not restart a \
                 container that succeeded, so the Pod is Succeeded; kubectl shows the exit reason, \
                 Completed."
            ),
            format!(
                "컨테이너가 종료 코드 0으로 끝났고 restartPolicy {policy}는 성공한 컨테이너를 다시 시작하지 \
                 않으므로 파드는 Succeeded입니다. kubectl은 종료 이유 Completed를 보여 줍니다."
            ),
        ),
        Rule::Failed => t(
            "The container exited with a non-zero code and restartPolicy Never restarts nothing, \
             so the Pod is Failed; kubectl shows the exit reason, Error."
                .into(),
            "컨테이너가 0이 아닌 코드로 끝났고 restartPolicy Never는 아무것도 다시 시작하지 않으므로 파드는 \
             Failed입니다. kubectl은 종료 이유 Error를 보여 줍니다."
                .into(),
        ),
        Rule::NotNoticed => t(
            format!(
                "node-1 went down only {} ago. The control plane learns about a node only from \
                 its kubelet's heartbeats, and the node controller waits 50 s without one (the \
                 node-monitor grace period of current Kubernetes; 40 s before v1.32) before it \
                 marks the node NotReady. Until then the API still shows what the kubelet last \
                 reported: {}.",
                secs(card.after_ms),
                last_report(end, Lang::En)
            ),
            format!(
                "node-1이 멈춘 지 {}밖에 되지 않았습니다. 컨트롤 플레인은 kubelet의 하트비트로만 노드 소식을 듣고, \
                 노드 컨트롤러는 하트비트 없이 50초(현재 쿠버네티스의 노드 모니터 유예 시간, v1.32 이전에는 \
                 40초)가 지나야 노드를 NotReady로 표시합니다. 그때까지 API에는 kubelet이 마지막으로 보고한 \
                 상태가 그대로 보입니다: {}.",
                secs_ko(card.after_ms),
                last_report(end, Lang::Ko)
            ),
        ),
        Rule::NodeNotReady => t(
            format!(
                "node-1 stopped sending heartbeats. Once 50 s had passed since the last one (the \
                 node-monitor grace period; the node controller checks every 5 s), the node \
                 controller marked the node NotReady and set the Pod's Ready condition to False, \
                 so Services stop sending it traffic. It changes nothing else: the phase and the \
                 container states are written only by the kubelet, which cannot be reached, so \
                 the API keeps what it last reported: {}. The Pod is not evicted before its 300 s \
                 toleration of the unreachable taint runs out.",
                last_report(end, Lang::En)
            ),
            format!(
                "node-1이 하트비트를 보내지 않습니다. 마지막 하트비트 뒤로 50초(노드 모니터 유예 시간)가 지나자, \
                 5초마다 확인하는 노드 컨트롤러가 노드를 NotReady로 표시하고 파드의 Ready 컨디션을 False로 \
                 바꿨습니다. 그래서 서비스는 이 파드로 트래픽을 보내지 않습니다. 바뀌는 것은 그것뿐입니다. 단계와 \
                 컨테이너 상태는 kubelet만 쓰는데 kubelet에 연락이 닿지 않으니, API에는 kubelet이 마지막으로 \
                 보고한 상태가 남아 있습니다: {}. unreachable 테인트에 대한 300초 톨러레이션이 끝나기 전에는 \
                 파드가 축출되지 않습니다.",
                last_report(end, Lang::Ko)
            ),
        ),
        Rule::Evicted => t(
            "node-1 has been unreachable for more than 5 minutes: Pods tolerate the \
             node.kubernetes.io/unreachable taint for 300 s, then the taint-eviction controller \
             deletes them (TaintManagerEviction). Deleting a Pod needs its kubelet to confirm \
             that the containers stopped, and the kubelet on the dead node cannot, so the Pod \
             stays Terminating until the node comes back, its Node object is deleted, or someone \
             force-deletes it. Its phase stays what the kubelet last reported."
                .into(),
            "node-1에 5분 넘게 연락이 닿지 않았습니다. 파드는 node.kubernetes.io/unreachable 테인트를 300초 \
             동안만 견디고, 그 뒤 테인트 기반 축출 컨트롤러가 파드를 삭제합니다(TaintManagerEviction). 파드를 \
             지우려면 kubelet이 컨테이너가 멈췄다고 확인해 줘야 하는데, 죽은 노드의 kubelet은 그럴 수 없으니 \
             파드는 노드가 돌아오거나, 노드 오브젝트가 삭제되거나, 누군가 강제로 지울 때까지 Terminating으로 \
             남습니다. 단계는 kubelet이 마지막으로 보고한 그대로입니다."
                .into(),
        ),
        Rule::FinishedBeforeLoss => t(
            format!(
                "The Pod had already finished ({}) before node-1 went down. A finished Pod keeps \
                 its phase: nothing is left to run, and when its node stops reporting the node \
                 controller changes only the Pod's Ready condition, never its phase.",
                end.map_or("", |p| p.phase.as_str())
            ),
            format!(
                "파드는 node-1이 멈추기 전에 이미 끝났습니다({}). 끝난 파드는 단계를 그대로 유지합니다. 더 실행할 \
                 것이 없고, 노드가 보고를 멈춰도 노드 컨트롤러는 파드의 Ready 컨디션만 바꿀 뿐 단계는 바꾸지 않습니다.",
                end.map_or("", |p| p.phase.as_str())
            ),
        ),
        Rule::EvictedFinished => t(
            "The Pod had finished before node-1 went down. After 300 s its toleration of the \
             node.kubernetes.io/unreachable taint ran out and it was evicted like every other Pod \
             on the node: the taint-based eviction does not look at the phase. A finished Pod has \
             no running container to wait for, so its deletion completed at once and there is no \
             Pod left to show."
                .into(),
            "파드는 node-1이 멈추기 전에 이미 끝났습니다. 300초가 지나 node.kubernetes.io/unreachable \
             테인트에 대한 톨러레이션이 끝나자, 이 노드의 다른 파드들과 똑같이 축출되었습니다. 테인트 기반 축출은 \
             단계를 따지지 않습니다. 끝난 파드에는 멈출 컨테이너가 없으므로 삭제가 곧바로 끝났고, 보여 줄 파드가 \
             남아 있지 않습니다."
                .into(),
        ),
        Rule::JobGaveUp => t(
            "The container kept failing, and with restartPolicy OnFailure the kubelet restarted it \
             in the same Pod. A Job gives up after backoffLimit (6 by default) failures: it marked \
             itself Failed and deleted its running Pod, so there is no Pod left to show."
                .into(),
            "컨테이너가 계속 실패했고, restartPolicy OnFailure라서 kubelet이 같은 파드 안에서 다시 시작했습니다. \
             잡은 backoffLimit(기본 6번)만큼 실패하면 포기합니다. 잡은 스스로를 Failed로 표시하고 실행 중이던 \
             파드를 지웠으므로, 보여 줄 파드가 남아 있지 않습니다."
                .into(),
        ),
    });
    if let Some(note) = owner_note(card, rule, lang) {
        out.push(note);
    }
    if card.field == Field::Restarts && !matches!(rule, Rule::JobGaveUp | Rule::EvictedFinished) {
        out.push(restarts_note(restarts, lang));
    }
    out
}

fn restarts_note(restarts: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "RESTARTS counts how many times the kubelet has started the container again in this \
             Pod: {restarts}."
        ),
        Lang::Ko => {
            format!(
                "RESTARTS는 kubelet이 이 파드에서 컨테이너를 다시 시작한 횟수입니다: {restarts}번."
            )
        }
    }
}

fn owner_note(card: &Card, rule: Rule, lang: Lang) -> Option<String> {
    let ko = lang == Lang::Ko;
    match card.owner {
        Owner::Bare => None,
        Owner::ReplicaSet => Some(
            if rule == Rule::Evicted {
                if ko {
                    "레플리카셋의 파드는 restartPolicy가 Always여야 합니다. 처음 파드가 축출되자 레플리카셋이 대신할 \
                     파드를 만들었지만, 이 파드들은 nodeSelector로 node-1을 요구하므로 새 파드는 node-1이 돌아올 \
                     때까지 Pending으로 기다립니다. 이 카드가 묻는 것은 처음 파드입니다."
                } else {
                    "A ReplicaSet's Pods must use restartPolicy Always. Once the original Pod was \
                     evicted, the ReplicaSet created a replacement; these Pods ask for node-1 \
                     (nodeSelector), so the replacement waits Pending until node-1 is back. This card \
                     asks about the original Pod."
                }
            } else if ko {
                "레플리카셋의 파드는 restartPolicy가 Always여야 합니다. 컨테이너 재시작은 kubelet의 일이고, \
                 레플리카셋은 파드가 사라지거나 실패했을 때만 새 파드를 만듭니다."
            } else {
                "A ReplicaSet's Pods must use restartPolicy Always. Restarting the container is the \
                 kubelet's job; the ReplicaSet only makes a new Pod when one is deleted or fails."
            }
            .to_string(),
        ),
        Owner::Job => Some(
            match (card.policy, ko) {
                (Policy::Never, false) => {
                    "A Job's Pods must use Never or OnFailure. With Never a failed Pod stays Failed, \
                     and the Job makes a new Pod to try again (up to backoffLimit, 6 by default): \
                     this card follows the first one."
                }
                (Policy::Never, true) => {
                    "잡의 파드는 restartPolicy가 Never나 OnFailure여야 합니다. Never이면 실패한 파드는 Failed로 \
                     남고, 잡이 다시 해 보려고 새 파드를 만듭니다(backoffLimit, 기본 6번까지). 이 카드는 첫 \
                     파드를 봅니다."
                }
                (_, false) => {
                    "A Job's Pods must use Never or OnFailure. With OnFailure the kubelet restarts a \
                     failed container inside the same Pod, and the Job counts those restarts \
                     against its backoffLimit (6 by default)."
                }
                (_, true) => {
                    "잡의 파드는 restartPolicy가 Never나 OnFailure여야 합니다. OnFailure이면 kubelet이 실패한 \
                     컨테이너를 같은 파드 안에서 다시 시작하고, 잡은 그 재시작을 backoffLimit(기본 6번)에 \
                     셉니다."
                }
            }
            .to_string(),
        ),
    }
}

fn last_report(end: Option<&PodState>, lang: Lang) -> String {
    match (end, lang) {
        (Some(p), Lang::En) => format!(
            "phase {}, STATUS {}, {} restart{}",
            p.phase,
            p.status,
            p.restarts,
            if p.restarts == 1 { "" } else { "s" }
        ),
        (Some(p), Lang::Ko) => format!(
            "단계 {}, STATUS {}, 재시작 {}번",
            p.phase, p.status, p.restarts
        ),
        (None, _) => String::new(),
    }
}

fn secs(ms: u64) -> String {
    match ms / 1000 {
        s if s < 120 => format!("{s} s"),
        s => format!("{} min", s / 60),
    }
}

fn secs_ko(ms: u64) -> String {
    match ms / 1000 {
        s if s < 120 => format!("{s}초"),
        s => format!("{}분", s / 60),
    }
}
