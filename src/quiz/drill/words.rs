//! The words of a drill card, in Korean and English: the question, the
//! choices and what each one means, the hints.

use super::card::{Behaviour, Card, Field, Image, NodeFate, Owner, Policy, Trouble, category};
use super::outcome::GONE;
use super::trouble_words;
use crate::lang::Lang;

/// `5 s`, `2 min` / `5초`, `2분`.
pub fn span(ms: u64, lang: Lang) -> String {
    let s = ms / 1000;
    match (s >= 60 && s.is_multiple_of(60), lang) {
        (true, Lang::En) => format!("{} min", s / 60),
        (true, Lang::Ko) => format!("{}분", s / 60),
        (false, Lang::En) => format!("{s} s"),
        (false, Lang::Ko) => format!("{s}초"),
    }
}

/// What the container does, as a sentence.
fn container(card: &Card, lang: Lang) -> &'static str {
    let ko = lang == Lang::Ko;
    match (card.image, card.behaviour) {
        (Image::Typo, Behaviour::KeepsRunning) if ko => {
            "컨테이너는 웹 서버여야 하지만, 이미지 이름에 오타가 있습니다: ngnix:1.27."
        }
        (Image::Typo, Behaviour::KeepsRunning) => {
            "The container should be a web server, but its image name has a typo: ngnix:1.27."
        }
        (Image::Typo, _) if ko => {
            "컨테이너는 짧은 배치 작업을 해야 하지만, 이미지 이름에 오타가 있습니다: busybx:1.36."
        }
        (Image::Typo, _) => {
            "The container should run a short batch task, but its image name has a typo: busybx:1.36."
        }
        (_, Behaviour::ExitsZero) if ko => {
            "컨테이너(busybox:1.36)는 할 일을 마치고 바로 종료 코드 0으로 끝납니다."
        }
        (_, Behaviour::ExitsZero) => {
            "The container (busybox:1.36) does its work and exits with code 0 at once."
        }
        (_, Behaviour::ExitsOne) if ko => "컨테이너(busybox:1.36)는 바로 종료 코드 1로 실패합니다.",
        (_, Behaviour::ExitsOne) => "The container (busybox:1.36) fails at once with exit code 1.",
        (_, Behaviour::KeepsRunning) if ko => "컨테이너는 계속 실행되는 웹 서버(nginx:1.27)입니다.",
        (_, Behaviour::KeepsRunning) => {
            "The container is a web server (nginx:1.27) that keeps running."
        }
        (_, Behaviour::Crashes) if ko => {
            "컨테이너(busybox:1.36)는 시작할 때마다 5초 동안 실행되다가 종료 코드 1로 죽습니다."
        }
        (_, Behaviour::Crashes) => {
            "The container (busybox:1.36) runs for 5 seconds and then crashes with exit code 1, \
             every time it starts."
        }
    }
}

/// The card's question.
pub fn question(card: &Card, lang: Lang) -> String {
    if card.trouble != Trouble::None {
        return trouble_question(card, lang);
    }
    let policy = card.policy.name();
    let after = span(card.after_ms, lang);
    match lang {
        Lang::En => {
            let owner = match card.owner {
                Owner::Bare => {
                    format!("A Pod is created on its own, with restartPolicy: {policy}.")
                }
                Owner::ReplicaSet => "A ReplicaSet with 1 replica is created; its Pod template \
                                      has restartPolicy: Always."
                    .to_string(),
                Owner::Job => {
                    format!("A Job is created; its Pod template has restartPolicy: {policy}.")
                }
            };
            let made = match card.owner {
                Owner::Bare => "Pod",
                Owner::ReplicaSet => "ReplicaSet",
                Owner::Job => "Job",
            };
            let (node, when) = match card.node {
                NodeFate::Healthy => (
                    "The Pod runs on node-1 (its nodeSelector asks for node-1).".to_string(),
                    format!("{after} after the {made} was created"),
                ),
                NodeFate::Lost => (
                    format!(
                        "The Pod runs on node-1 (its nodeSelector asks for node-1). 20 s after the {made} was created, node-1 loses \
                         power: its kubelet stops reporting."
                    ),
                    format!("{after} after node-1 went down"),
                ),
            };
            let target = match card.owner {
                Owner::Bare => "the Pod",
                Owner::ReplicaSet => "the Pod the ReplicaSet created",
                Owner::Job => "the first Pod the Job created",
            };
            let ask = match card.field {
                Field::Phase => format!("what is the phase (status.phase) of {target}?"),
                Field::Status => {
                    format!("what does `kubectl get pods` show in the STATUS column for {target}?")
                }
                Field::Restarts | Field::Ready => format!(
                    "what does `kubectl get pods` show in the {} column for {target}?",
                    column(card.field)
                ),
            };
            format!("{owner} {} {node} {when}, {ask}", container(card, lang))
        }
        Lang::Ko => {
            let owner = match card.owner {
                Owner::Bare => {
                    format!("파드 하나를 단독으로 만듭니다. restartPolicy는 {policy}입니다.")
                }
                Owner::ReplicaSet => {
                    "복제본 1개짜리 레플리카셋을 만듭니다. 파드 템플릿의 restartPolicy는 \
                                      Always입니다."
                        .to_string()
                }
                Owner::Job => {
                    format!("잡을 만듭니다. 파드 템플릿의 restartPolicy는 {policy}입니다.")
                }
            };
            let made = match card.owner {
                Owner::Bare => "파드를",
                Owner::ReplicaSet => "레플리카셋을",
                Owner::Job => "잡을",
            };
            let (node, when) = match card.node {
                NodeFate::Healthy => (
                    "파드는 node-1에서 실행됩니다(nodeSelector로 node-1을 지정).".to_string(),
                    format!("{made} 만들고 {after} 뒤"),
                ),
                NodeFate::Lost => (
                    format!(
                        "파드는 node-1에서 실행됩니다(nodeSelector로 node-1을 지정). {made} 만들고 20초 뒤 node-1의 전원이 나갑니다. \
                         kubelet이 더 이상 보고하지 않습니다."
                    ),
                    format!("node-1이 멈추고 {after} 뒤"),
                ),
            };
            let target = match card.owner {
                Owner::Bare => "이 파드",
                Owner::ReplicaSet => "레플리카셋이 만든 파드",
                Owner::Job => "잡이 처음 만든 파드",
            };
            let ask = match card.field {
                Field::Phase => format!("{target}의 단계(status.phase)는 무엇일까요?"),
                Field::Status => {
                    format!("`kubectl get pods`의 STATUS 열에는 {target}에 대해 무엇이 보일까요?")
                }
                Field::Restarts | Field::Ready => format!(
                    "`kubectl get pods`의 {} 열에는 {target}에 대해 무엇이 보일까요?",
                    column(card.field)
                ),
            };
            format!("{owner} {} {node} {when}, {ask}", container(card, lang))
        }
    }
}

/// The kubectl column a field is read from.
fn column(field: Field) -> &'static str {
    match field {
        Field::Phase => "phase",
        Field::Status => "STATUS",
        Field::Restarts => "RESTARTS",
        Field::Ready => "READY",
    }
}

/// The question of a trouble card: a bare Pod on node-1, its container
/// and what is wrong around it, the moment, the field.
fn trouble_question(card: &Card, lang: Lang) -> String {
    let policy = card.policy.name();
    let after = span(card.after_ms, lang);
    let scenario = trouble_words::scenario(card.trouble, lang);
    match lang {
        Lang::En => {
            let ask = match card.field {
                Field::Phase => "what is the Pod's phase (status.phase)?".to_string(),
                f => format!(
                    "what does `kubectl get pods` show in the {} column for the Pod?",
                    column(f)
                ),
            };
            format!(
                "A Pod is created on its own, with restartPolicy: {policy}, on node-1. {scenario} \
                 {after} after the Pod was created, {ask}"
            )
        }
        Lang::Ko => {
            let ask = match card.field {
                Field::Phase => "이 파드의 단계(status.phase)는 무엇일까요?".to_string(),
                f => format!(
                    "`kubectl get pods`의 {} 열에는 이 파드에 대해 무엇이 보일까요?",
                    column(f)
                ),
            };
            format!(
                "파드 하나를 단독으로 node-1에 만듭니다. restartPolicy는 {policy}입니다. {scenario} \
                 파드를 만들고 {after} 뒤, {ask}"
            )
        }
    }
}

/// The text of a choice (its value, except for a deleted pod).
pub fn label(value: &str, lang: Lang) -> String {
    if value == GONE {
        return lang
            .pick("파드가 없음 (삭제됨)", "No Pod any more (deleted)")
            .to_string();
    }
    value.to_string()
}

/// What a choice means, shown when it is picked.
pub fn meaning(field: Field, value: &str, lang: Lang) -> Option<String> {
    let ko = lang == Lang::Ko;
    let t = |en: &str, k: &str| Some(if ko { k } else { en }.to_string());
    if value == GONE {
        return t(
            "There is no Pod object any more: it was deleted and its deletion completed.",
            "파드 오브젝트가 더 이상 없습니다. 삭제되었고 삭제가 끝났습니다.",
        );
    }
    match (field, value) {
        (Field::Phase, "Pending") => t(
            "accepted by the cluster, but not every container has been created yet \
             (waiting for a node, or for its image).",
            "클러스터가 받아들였지만 아직 모든 컨테이너가 만들어지지 않았습니다(노드나 이미지를 기다리는 중).",
        ),
        (Field::Phase, "Running") => t(
            "bound to a node, every container created, at least one running or being \
             restarted.",
            "노드에 배정되었고 모든 컨테이너가 만들어졌으며, 적어도 하나가 실행 중이거나 재시작 중입니다.",
        ),
        (Field::Phase, "Succeeded") => t(
            "every container exited with code 0 and none will be restarted.",
            "모든 컨테이너가 종료 코드 0으로 끝났고 다시 시작되지 않습니다.",
        ),
        (Field::Phase, "Failed") => t(
            "every container has stopped, at least one with an error, and none will be \
             restarted.",
            "모든 컨테이너가 멈췄고 적어도 하나는 오류로 끝났으며, 다시 시작되지 않습니다.",
        ),
        (Field::Phase, "Unknown") => t(
            "the phase the API defines for a Pod whose state cannot be obtained. Older \
             clusters set it when a node stopped reporting; a current node controller leaves \
             the phase alone and only sets the Pod's Ready condition to False.",
            "파드의 상태를 알 수 없을 때를 위해 API가 정의한 단계입니다. 예전 클러스터는 노드가 보고를 멈추면 \
             이 단계로 바꿨지만, 지금의 노드 컨트롤러는 단계를 그대로 두고 파드의 Ready 컨디션만 False로 바꿉니다.",
        ),
        (Field::Status, "ContainerCreating") => t(
            "the kubelet is still preparing the container (pulling the image).",
            "kubelet이 아직 컨테이너를 준비하는 중입니다(이미지 받는 중).",
        ),
        (Field::Status, "Running") => t(
            "the container is running right now.",
            "컨테이너가 지금 실행 중입니다.",
        ),
        (Field::Status, "Completed") => t(
            "the container's last run ended with exit code 0.",
            "컨테이너의 마지막 실행이 종료 코드 0으로 끝났습니다.",
        ),
        (Field::Status, "Error") => t(
            "the container's last run ended with a non-zero exit code.",
            "컨테이너의 마지막 실행이 0이 아닌 종료 코드로 끝났습니다.",
        ),
        (Field::Status, "CrashLoopBackOff") => t(
            "the container keeps exiting, and the kubelet is waiting before it \
             restarts it again.",
            "컨테이너가 계속 끝나서, kubelet이 다시 시작하기 전에 기다리는 중입니다.",
        ),
        (Field::Status, "ErrImagePull") => t(
            "the last attempt to pull the image has just failed.",
            "이미지를 받으려는 마지막 시도가 방금 실패했습니다.",
        ),
        (Field::Status, "ImagePullBackOff") => t(
            "pulls keep failing, and the kubelet is waiting before the next try.",
            "이미지 받기가 계속 실패해서, kubelet이 다음 시도 전에 기다리는 중입니다.",
        ),
        (Field::Status, "Pending") => t(
            "kubectl has nothing more specific to show, so it prints the phase.",
            "kubectl이 더 구체적으로 보여 줄 것이 없어서 단계를 그대로 보여 줍니다.",
        ),
        (Field::Status, "Unknown") => t(
            "kubectl prints Unknown only for a Pod being deleted whose status.reason is \
             NodeLost, which no current controller sets; a Pod on a lost node keeps the STATUS \
             its kubelet last reported.",
            "kubectl은 삭제 중이면서 status.reason이 NodeLost인 파드에만 Unknown을 보여 주는데, 지금의 \
             컨트롤러는 그 이유를 쓰지 않습니다. 연락이 끊긴 노드의 파드는 kubelet이 마지막으로 보고한 STATUS를 \
             그대로 보여 줍니다.",
        ),
        (Field::Status, "CreateContainerConfigError") => t(
            "the kubelet cannot build the container's configuration (a ConfigMap, a Secret or \
             one of their keys is missing), so it has not created the container.",
            "kubelet이 컨테이너 설정을 만들 수 없어서(컨피그맵이나 시크릿, 그 키가 없음) 컨테이너를 만들지 \
             않았습니다.",
        ),
        (Field::Status, "OOMKilled") => t(
            "the container's last run was killed for using more memory than its limit.",
            "컨테이너의 마지막 실행이 메모리 제한보다 많이 써서 강제로 끝났습니다.",
        ),
        (Field::Ready, "0/1") => t(
            "the Pod's one container is not ready: a Service sends it no traffic.",
            "파드의 컨테이너 하나가 준비되지 않았습니다. 서비스가 트래픽을 보내지 않습니다.",
        ),
        (Field::Ready, "1/1") => t(
            "the Pod's one container is ready to serve.",
            "파드의 컨테이너 하나가 요청을 받을 준비가 되었습니다.",
        ),
        (Field::Status, "Terminating") => t(
            "the Pod has been deleted and waits for its kubelet to confirm that its \
             containers stopped.",
            "파드가 삭제되었고, kubelet이 컨테이너가 멈췄다고 확인해 주기를 기다립니다.",
        ),
        _ => None,
    }
}

/// Hints for a card, from the most general to the most specific.
pub fn hints(card: &Card, lang: Lang) -> Vec<String> {
    let ko = lang == Lang::Ko;
    let t = |en: &str, k: &str| if ko { k } else { en }.to_string();
    let first = match card.category() {
        _ if card.trouble != Trouble::None => trouble_words::hint(card.trouble, lang),
        category::IMAGE_PULL => t(
            "Can the container start at all? Look at the image name.",
            "컨테이너가 시작할 수는 있을까요? 이미지 이름을 보세요.",
        ),
        category::NODE_LOSS => t(
            "The control plane waits 50 s without heartbeats before it marks a node NotReady \
             (only the Pods' Ready condition changes then), and Pods tolerate an unreachable node \
             for 300 s before they are evicted.",
            "컨트롤 플레인은 하트비트 없이 50초를 기다린 뒤 노드를 NotReady로 표시하고(이때 바뀌는 것은 파드의 \
             Ready 컨디션뿐입니다), 파드는 연락이 끊긴 노드를 300초 동안 견딘 뒤 축출됩니다.",
        ),
        _ => match card.policy {
            Policy::Always => t(
                "restartPolicy Always restarts a container whenever it exits, even with code 0.",
                "restartPolicy Always는 컨테이너가 끝나면 종료 코드가 0이어도 언제나 다시 시작합니다.",
            ),
            Policy::OnFailure => t(
                "restartPolicy OnFailure restarts a container only when it exits with a non-zero \
                 code.",
                "restartPolicy OnFailure는 0이 아닌 코드로 끝난 컨테이너만 다시 시작합니다.",
            ),
            Policy::Never => t(
                "restartPolicy Never restarts nothing: the first exit is final.",
                "restartPolicy Never는 아무것도 다시 시작하지 않습니다. 첫 종료가 마지막입니다.",
            ),
        },
    };
    let second = match card.field {
        Field::Phase => t(
            "There are five phases: Pending, Running, Succeeded, Failed, Unknown.",
            "단계는 다섯 가지입니다: Pending, Running, Succeeded, Failed, Unknown.",
        ),
        Field::Status => t(
            "STATUS shows a container's waiting or terminated reason when there is one, \
             Terminating for a deleted Pod, and the phase otherwise.",
            "STATUS는 컨테이너의 대기 이유나 종료 이유가 있으면 그것을, 삭제된 파드면 Terminating을, 아니면 \
             단계를 보여 줍니다.",
        ),
        Field::Ready => t(
            "READY counts the Pod's ready containers: a running container without a readiness \
             probe is ready; with one, it is ready while the probe succeeds.",
            "READY는 파드에서 준비된 컨테이너 수입니다. 준비성 프로브가 없는 컨테이너는 실행 중이면 준비된 \
             것이고, 있으면 프로브가 성공하는 동안 준비된 것입니다.",
        ),
        Field::Restarts => t(
            "The first restart is immediate; after that the kubelet waits 10 s, 20 s, 40 s … up \
             to 5 min.",
            "첫 재시작은 바로 일어나고, 그다음부터 kubelet은 10초, 20초, 40초 … 최대 5분을 기다립니다.",
        ),
    };
    vec![first, second]
}

/// A category's name for the reader.
pub fn category_name(category: &str, lang: Lang) -> String {
    match (category, lang) {
        (category::RESTART_POLICY, Lang::Ko) => "재시작 정책(restartPolicy)".into(),
        (category::IMAGE_PULL, Lang::Ko) => "이미지 받기".into(),
        (category::NODE_LOSS, Lang::Ko) => "노드 유실".into(),
        (category::OWNER, Lang::Ko) => "소유자(owner)".into(),
        (category::PROBES, Lang::Ko) => "프로브".into(),
        (category::OOM_KILLED, Lang::Ko) => "메모리 초과로 종료(OOMKilled)".into(),
        (category::MISSING_CONFIG_MAP, Lang::Ko) => "없는 컨피그맵".into(),
        (other, _) => other.to_string(),
    }
}
