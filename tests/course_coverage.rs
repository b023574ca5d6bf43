//! The embedded course covers every topic of the source notes, in Korean and
//! English: each topic's lesson exists in both languages, has the same shape
//! in both, and uses the topic's key terms (and the notes' analogies, told in
//! the course's own words). Every lesson has an exercise, some start from an
//! empty editor, and the Korean lessons speak to the student in one voice
//! (the style guide in lessons/README.md).

use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::lesson::model::{Block, Lesson};

/// (lesson id, terms both versions use, English terms, Korean terms).
type Topic = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

const TOPICS: &[Topic] = &[
    (
        "iac",
        &["Terraform", "CloudFormation"],
        &["blueprint", "automat", "reproduc", "version control"],
        &["설계도", "자동화", "재현", "버전 관리"],
    ),
    (
        "pods",
        &["localhost"],
        &["smallest", "sidecar", "volume", "share"],
        &["파드", "사이드카", "볼륨", "공유"],
    ),
    (
        "api-server",
        &["etcd", "kubectl"],
        &["API server", "validat"],
        &["API 서버", "비서실"],
    ),
    (
        "environments",
        &[],
        &["development", "staging", "production", "rehearsal"],
        &["개발", "스테이징", "프로덕션", "리허설"],
    ),
    (
        "declarative",
        &["YAML"],
        &[
            "imperative",
            "declarative",
            "desired state",
            "self-heal",
            "controller",
        ],
        &["명령형", "선언형", "의도한 상태", "자가 치유", "컨트롤러"],
    ),
    (
        "cluster-node-pod",
        &[],
        &["cluster", "node", "Pod", "orchestra"],
        &["클러스터", "노드", "파드", "오케스트라"],
    ),
    (
        "control-plane",
        &["etcd"],
        &["API server", "scheduler", "controller manager"],
        &["API 서버", "스케줄러", "컨트롤러 매니저"],
    ),
    (
        "node-components",
        &["kubelet", "kube-proxy", "containerd", "CRI-O"],
        &["container runtime", "heartbeat"],
        &["큐블릿", "컨테이너 런타임", "하트비트"],
    ),
    (
        "architecture",
        &[],
        &["control plane", "worker node", "master", "conductor"],
        &["컨트롤 플레인", "워커 노드", "마스터", "지휘자"],
    ),
    (
        "cni",
        &["Calico", "Flannel", "Cilium", "10.244."],
        &["IP address", "plugin", "outlet"],
        &["IP 주소", "플러그인", "콘센트"],
    ),
    (
        "cri",
        &["containerd", "CRI-O", "kubelet"],
        &["standard", "USB", "runtime"],
        &["표준", "USB", "런타임"],
    ),
    (
        "load-balancing",
        &["Service", "LoadBalancer", "ClusterIP"],
        &["endpoint", "traffic", "amusement"],
        &["엔드포인트", "트래픽", "놀이공원"],
    ),
    (
        "json-yaml",
        &["JSON", "YAML", "kubetutor convert"],
        &["comment", "indentation"],
        &["주석", "들여쓰기"],
    ),
    (
        "kubelet-cri-containerd",
        &["kubelet", "CRI", "containerd", "PodSpec", "shim", "runc"],
        &["restaurant", "chef"],
        &["레스토랑", "주방장"],
    ),
    (
        "pod-phases",
        &[
            "Pending",
            "Running",
            "Succeeded",
            "Failed",
            "Unknown",
            "CrashLoopBackOff",
            "restartPolicy",
            "kubetutor drill",
        ],
        &["phase", "STATUS"],
        &["단계", "STATUS"],
    ),
    (
        "dockershim",
        &["dockershim", "1.24", "containerd", "cri-dockerd"],
        &["Docker", "removed"],
        &["도커", "제거"],
    ),
    (
        "installing",
        &[
            "kind",
            "minikube",
            "k3s",
            "kubeadm",
            "EKS",
            "GKE",
            "AKS",
            "kubectl apply",
        ],
        &["managed"],
        &["관리형"],
    ),
];

/// The whole text of a lesson: prose and the interactive blocks' words.
fn text(lesson: &Lesson) -> String {
    let mut out = lesson.title.clone();
    for section in &lesson.sections {
        out.push('\n');
        out.push_str(&section.title);
        for block in &section.blocks {
            out.push('\n');
            match block {
                Block::Markdown(md) => out.push_str(md),
                Block::Quiz(q) => out.push_str(&format!("{:?}", q.value)),
                Block::Exercise(e) => out.push_str(&format!("{:?}", e.value)),
                Block::Cluster(c) => out.push_str(&format!("{:?}", c.value)),
                Block::Invalid { message, .. } => {
                    panic!("{}: invalid block: {message}", lesson.path)
                }
            }
        }
    }
    out
}

#[test]
fn every_topic_of_the_notes_has_its_lesson_in_both_languages() {
    let catalog = Catalog::embedded();
    assert!(catalog.errors().is_empty(), "{:?}", catalog.errors());
    // Part one (orders 1-17) is the notes' topics, one lesson each; part
    // two (tests/course_part_two.rs) follows them.
    let part_one = catalog
        .lessons(Lang::En)
        .filter(|f| f.lesson.order.is_some_and(|o| o < 18.0))
        .count();
    assert_eq!(part_one, TOPICS.len(), "one lesson per topic of the notes");
    for (id, both, en, ko) in TOPICS {
        let entry = catalog
            .entry(id)
            .unwrap_or_else(|| panic!("no lesson '{id}'"));
        for (lang, terms) in [(Lang::En, *en), (Lang::Ko, *ko)] {
            let lesson = entry
                .version(lang)
                .unwrap_or_else(|| panic!("'{id}' has no {lang} version"));
            let body = text(lesson).to_lowercase();
            for term in both.iter().chain(terms) {
                assert!(
                    body.contains(&term.to_lowercase()),
                    "{}: the {lang} lesson '{id}' never says {term:?}",
                    lesson.path
                );
            }
        }
    }
}

#[test]
fn korean_and_english_lessons_have_the_same_shape() {
    let catalog = Catalog::embedded();
    for (id, ..) in TOPICS {
        let entry = catalog.entry(id).unwrap();
        let (ko, en) = (entry.ko.as_ref().unwrap(), entry.en.as_ref().unwrap());
        assert_eq!(ko.order, en.order, "{id}: order");
        assert_eq!(ko.sections.len(), en.sections.len(), "{id}: section count");
        for (i, (k, e)) in ko.sections.iter().zip(&en.sections).enumerate() {
            let ids = |s: &kubetutor::lesson::model::Section| -> Vec<String> {
                s.blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Quiz(q) => Some(format!("quiz {} {:?}", q.value.id, q.value.kind)),
                        Block::Exercise(x) => Some(format!("exercise {}", x.value.id)),
                        Block::Cluster(c) => Some(format!("cluster {:?}", c.value.scenario)),
                        _ => None,
                    })
                    .collect()
            };
            assert_eq!(
                ids(k),
                ids(e),
                "{id}: section {} blocks differ between ko and en",
                i + 1
            );
        }
    }
}

#[test]
fn every_chapter_has_something_to_do() {
    // At least 3 quiz questions of at least 2 kinds per chapter, each with
    // an explanation and a `why` on every choice.
    let catalog = Catalog::embedded();
    for (id, ..) in TOPICS {
        for lang in Lang::ALL {
            let lesson = catalog.entry(id).unwrap().version(lang).unwrap();
            let quizzes: Vec<_> = lesson.quizzes().collect();
            assert!(
                quizzes.len() >= 3,
                "{}: {} quizzes",
                lesson.path,
                quizzes.len()
            );
            let mut kinds: Vec<_> = quizzes.iter().map(|q| q.value.kind).collect();
            kinds.sort_by_key(|k| k.name());
            kinds.dedup();
            assert!(kinds.len() >= 2, "{}: quiz kinds {kinds:?}", lesson.path);
            for q in &quizzes {
                assert!(
                    q.value.explain.is_some(),
                    "{}:{}: quiz without explain",
                    lesson.path,
                    q.line
                );
                for c in &q.value.choices {
                    assert!(
                        c.why.is_some(),
                        "{}:{}: choice {:?} without why",
                        lesson.path,
                        q.line,
                        c.text
                    );
                }
            }
        }
    }
}

/// Issue 13: an exercise in every lesson, in both languages, and at least
/// four that start from an empty editor (a starter of comments only), so
/// the student writes a whole manifest, not one value.
#[test]
fn every_lesson_has_an_exercise_and_some_start_empty() {
    let catalog = Catalog::embedded();
    let mut empty = Vec::new();
    for (id, ..) in TOPICS {
        let entry = catalog.entry(id).unwrap();
        for lang in Lang::ALL {
            let lesson = entry.version(lang).unwrap();
            let exercises: Vec<_> = lesson.exercises().collect();
            assert!(!exercises.is_empty(), "{}: no exercise", lesson.path);
            for e in exercises {
                let blank = e.value.starter.lines().all(|l| {
                    let l = l.trim();
                    l.is_empty() || l.starts_with('#')
                });
                if blank && lang == Lang::En {
                    empty.push(e.value.id.clone());
                }
                // A starter of comments only still says what to write.
                if blank {
                    assert!(
                        !e.value.starter.trim().is_empty(),
                        "{}: exercise {} starts with nothing at all",
                        lesson.path,
                        e.value.id
                    );
                    assert!(
                        e.value.hints.len() >= 3,
                        "{}: exercise {} starts empty with fewer than 3 hints",
                        lesson.path,
                        e.value.id
                    );
                }
            }
        }
    }
    assert!(
        empty.len() >= 4,
        "exercises from an empty editor: {empty:?}"
    );
}

/// Issue 13: the Korean lessons ask the student to do things in one voice,
/// polite 해요체 requests (`해 보세요`), never the formal 하십시오체
/// (`해 보십시오`), and never both in one lesson. Questions and exposition
/// are 합니다체, which this count leaves alone.
#[test]
fn korean_lessons_speak_to_the_student_in_one_voice() {
    let catalog = Catalog::embedded();
    let mut mixed = Vec::new();
    for (id, ..) in TOPICS {
        let lesson = catalog.entry(id).unwrap().version(Lang::Ko).unwrap();
        let body = text(lesson);
        let formal = body.matches("십시오").count();
        let polite = body.matches("세요").count();
        assert!(polite > 0, "{}: no 해요체 request at all", lesson.path);
        if formal > 0 {
            mixed.push(format!(
                "{}: {formal} 하십시오체 and {polite} 해요체 instructions",
                lesson.path
            ));
        }
    }
    assert!(mixed.is_empty(), "{}", mixed.join("\n"));
}
