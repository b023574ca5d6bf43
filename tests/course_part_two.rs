//! Part two of the course (issue 14): ten lessons after part one, in Korean
//! and English, each with the same shape in both languages, a predict
//! question the simulator plays, an exercise checked in the simulator, and
//! at least half of the exercises starting from an empty editor or from a
//! broken thing to fix. Whether each predict answer and exercise solution is
//! right is proven by lint (tests/lint_course.rs lints the whole course);
//! here the course is held to the shape the issue asks for.

use kubetutor::exercise::{self, Outcome};
use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::lesson::model::{Block, Lesson, Section};
use kubetutor::quiz::predict::SEED;
use kubetutor::quiz::spec::QuizKind;

/// (lesson id, order, terms both versions use, English terms, Korean terms).
type Topic = (
    &'static str,
    f64,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

/// Part two in course order. Part one uses orders 1-17.
const PART_TWO: &[Topic] = &[
    (
        "kubectl",
        18.0,
        &["jsonpath", "--dry-run=client", "logs", "--previous", "-A"],
        &["describe", "events", "explain"],
        &["describe", "이벤트", "explain"],
    ),
    (
        "labels",
        19.0,
        &[
            "matchLabels",
            "matchExpressions",
            "nodeSelector",
            "kubectl annotate",
        ],
        &["label", "selector", "annotation", "set-based"],
        &["레이블", "셀렉터", "어노테이션", "집합성"],
    ),
    (
        "rollouts",
        20.0,
        &[
            "maxSurge",
            "maxUnavailable",
            "rollout history",
            "rollout undo",
            "--to-revision",
            "rollout pause",
            "progressDeadlineSeconds",
            "ProgressDeadlineExceeded",
        ],
        &["rolling update", "revision", "rollback"],
        &["롤링 업데이트", "리비전", "롤백"],
    ),
    (
        "services",
        21.0,
        &[
            "targetPort",
            "nodePort",
            "ClusterIP",
            "NodePort",
            "LoadBalancer",
            "clusterIP: None",
            "hello.default.svc.cluster.local",
            "kube-proxy",
            "EndpointSlice",
        ],
        &["headless", "DNS"],
        &["헤드리스", "DNS"],
    ),
    (
        "probes",
        22.0,
        &[
            "livenessProbe",
            "readinessProbe",
            "startupProbe",
            "initialDelaySeconds",
            "periodSeconds",
            "failureThreshold",
            "Liveness probe failed",
        ],
        &["liveness", "readiness", "startup probe", "restart"],
        &["활성 프로브", "준비성 프로브", "스타트업 프로브", "재시작"],
    ),
    (
        "config",
        23.0,
        &[
            "ConfigMap",
            "Secret",
            "envFrom",
            "configMapKeyRef",
            "secretKeyRef",
            "base64",
            "CreateContainerConfigError",
        ],
        &["environment variable", "mounted", "encoding"],
        &["컨피그맵", "시크릿", "환경 변수", "인코딩"],
    ),
    (
        "resources",
        24.0,
        &[
            "requests",
            "limits",
            "OOMKilled",
            "137",
            "Guaranteed",
            "Burstable",
            "BestEffort",
            "Insufficient cpu",
        ],
        &["throttled", "evict", "QoS"],
        &["스로틀링", "축출", "QoS"],
    ),
    (
        "namespaces",
        25.0,
        &[
            "kube-system",
            "kube-public",
            "kube-node-lease",
            "ResourceQuota",
            "LimitRange",
            "exceeded quota",
            "-n",
            "--namespace",
        ],
        &["namespace", "context", "quota"],
        &["네임스페이스", "컨텍스트", "쿼터"],
    ),
    (
        "workloads",
        26.0,
        &[
            "DaemonSet",
            "StatefulSet",
            "CronJob",
            "web-0",
            "concurrencyPolicy",
            "successfulJobsHistoryLimit",
            "tolerations",
        ],
        &["one Pod per node", "ordinal", "headless Service"],
        &["데몬셋", "스테이트풀셋", "크론잡", "헤드리스 서비스"],
    ),
    (
        "storage",
        27.0,
        &[
            "emptyDir",
            "PersistentVolumeClaim",
            "PersistentVolume",
            "StorageClass",
            "volumeClaimTemplates",
            "ReadWriteOnce",
            "unbound immediate PersistentVolumeClaims",
        ],
        &["provision", "bind", "reclaim"],
        &["프로비저닝", "바인딩", "반환 정책"],
    ),
];

fn catalog() -> Catalog {
    let catalog = Catalog::embedded();
    assert!(catalog.errors().is_empty(), "{:?}", catalog.errors());
    catalog
}

fn lesson<'a>(catalog: &'a Catalog, id: &str, lang: Lang) -> &'a Lesson {
    catalog
        .entry(id)
        .unwrap_or_else(|| panic!("no lesson `{id}`"))
        .version(lang)
        .unwrap_or_else(|| panic!("`{id}` has no {lang} version"))
}

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
fn the_course_has_at_least_27_lessons_in_both_languages_in_the_same_order() {
    let catalog = catalog();
    let ids = |lang: Lang| -> Vec<String> {
        catalog
            .lessons(lang)
            .map(|f| {
                assert!(!f.fallback, "{} has no {lang} version", f.lesson.id);
                f.lesson.id.clone()
            })
            .collect()
    };
    let (ko, en) = (ids(Lang::Ko), ids(Lang::En));
    assert!(en.len() >= 27, "{} lessons: {en:?}", en.len());
    assert_eq!(ko, en);
}

#[test]
fn part_two_follows_part_one_in_the_order_of_the_issue() {
    let catalog = catalog();
    let order: Vec<(String, f64)> = catalog
        .lessons(Lang::En)
        .map(|f| {
            (
                f.lesson.id.clone(),
                f.lesson.order.expect("every lesson has an order"),
            )
        })
        .collect();
    let part_one_last = order
        .iter()
        .filter(|(id, _)| !PART_TWO.iter().any(|t| t.0 == id))
        .map(|(_, o)| *o)
        .fold(0.0, f64::max);
    assert_eq!(part_one_last, 17.0);
    let part_two: Vec<(&str, f64)> = order
        .iter()
        .filter(|(_, o)| *o > part_one_last)
        .map(|(id, o)| (id.as_str(), *o))
        .collect();
    let expected: Vec<(&str, f64)> = PART_TWO.iter().map(|t| (t.0, t.1)).collect();
    assert_eq!(part_two, expected);
    for (id, o, ..) in PART_TWO {
        for lang in Lang::ALL {
            assert_eq!(lesson(&catalog, id, lang).order, Some(*o), "{id} {lang}");
        }
    }
}

#[test]
fn part_two_lessons_teach_their_topics_in_both_languages() {
    let catalog = catalog();
    for (id, _, both, en, ko) in PART_TWO {
        for (lang, terms) in [(Lang::En, *en), (Lang::Ko, *ko)] {
            let l = lesson(&catalog, id, lang);
            let body = text(l).to_lowercase();
            for term in both.iter().chain(terms) {
                assert!(
                    body.contains(&term.to_lowercase()),
                    "{}: the {lang} lesson `{id}` never says {term:?}",
                    l.path
                );
            }
        }
    }
}

/// The interactive blocks of a section, as comparable words.
fn blocks(section: &Section) -> Vec<String> {
    section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Quiz(q) => Some(format!(
                "quiz {} {:?} {} choices, {:?} after {:?} observing {:?} expecting {:?}",
                q.value.id,
                q.value.kind,
                q.value.choices.len(),
                q.value.setup,
                q.value.after,
                q.value.observe,
                q.value.expect
            )),
            Block::Exercise(x) => Some(format!(
                "exercise {} {:?} {:?} {:?} {:?}",
                x.value.id,
                x.value.solution,
                x.value.check,
                x.value.timeout,
                x.value
                    .setup
                    .as_ref()
                    .map(|s| (&s.scenario, &s.apply, &s.commands))
            )),
            Block::Cluster(c) => Some(format!(
                "cluster {:?} {:?} {:?}",
                c.value.scenario, c.value.apply, c.value.commands
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn korean_and_english_part_two_lessons_have_the_same_shape() {
    let catalog = catalog();
    for (id, ..) in PART_TWO {
        let (ko, en) = (
            lesson(&catalog, id, Lang::Ko),
            lesson(&catalog, id, Lang::En),
        );
        assert_eq!(ko.sections.len(), en.sections.len(), "{id}: section count");
        for (i, (k, e)) in ko.sections.iter().zip(&en.sections).enumerate() {
            assert_eq!(
                blocks(k),
                blocks(e),
                "{id}: section {} differs between ko and en",
                i + 1
            );
        }
    }
}

#[test]
fn every_part_two_lesson_has_a_predict_an_exercise_and_explained_questions() {
    let catalog = catalog();
    for (id, ..) in PART_TWO {
        for lang in Lang::ALL {
            let l = lesson(&catalog, id, lang);
            let quizzes: Vec<_> = l.quizzes().collect();
            assert!(
                quizzes.len() >= 3,
                "{}: {} questions",
                l.path,
                quizzes.len()
            );
            let mut kinds: Vec<&str> = quizzes.iter().map(|q| q.value.kind.name()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            assert!(kinds.len() >= 2, "{}: question kinds {kinds:?}", l.path);
            let predicts = quizzes
                .iter()
                .filter(|q| q.value.kind == QuizKind::Predict)
                .count();
            assert!(predicts >= 1, "{}: no predict question", l.path);
            for q in &quizzes {
                assert!(
                    q.value.explain.is_some(),
                    "{}:{}: no explain",
                    l.path,
                    q.line
                );
                if q.value.kind == QuizKind::Predict {
                    assert!(
                        q.value.expect.is_some(),
                        "{}:{}: a predict with no expect for lint to prove",
                        l.path,
                        q.line
                    );
                }
                for c in &q.value.choices {
                    assert!(
                        c.why.is_some(),
                        "{}:{}: choice {:?} without why",
                        l.path,
                        q.line,
                        c.text
                    );
                }
            }
            assert!(l.exercises().count() >= 1, "{}: no exercise", l.path);
            let last = l.sections.last().unwrap();
            assert!(
                last.exercises().count() >= 1,
                "{}: the exercise closes the lesson",
                l.path
            );
        }
    }
}

/// Issue 14: the cluster pane is used in every section where something
/// happens. A section whose prose asks for a command in the pane (`` `:get
/// pods` ``) brings its own cluster, so the command meets the cluster the
/// text describes; an exercise section brings it with the exercise's setup.
#[test]
fn every_section_that_asks_for_a_command_sets_up_the_cluster_it_describes() {
    let catalog = catalog();
    let mut missing = Vec::new();
    for (id, ..) in PART_TWO {
        for lang in Lang::ALL {
            let l = lesson(&catalog, id, lang);
            let mut with_cluster = 0;
            for s in &l.sections {
                let prose: String = s
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Markdown(md) => Some(md.as_str()),
                        _ => None,
                    })
                    .collect();
                let set_up = s.cluster().is_some() || s.exercises().next().is_some();
                if set_up {
                    with_cluster += 1;
                }
                if asks_for_a_command(&prose) && !set_up {
                    missing.push(format!("{}: {}", l.path, s.title));
                }
            }
            assert!(
                with_cluster * 2 > l.sections.len(),
                "{}: the cluster is set up in {with_cluster} of {} sections",
                l.path,
                l.sections.len()
            );
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Whether the prose asks for a command in the pane: a code span that
/// starts with `:` and a word (`` `:get pods` ``).
fn asks_for_a_command(prose: &str) -> bool {
    prose
        .match_indices("`:")
        .any(|(i, _)| prose[i + 2..].starts_with(|c: char| c.is_ascii_lowercase()))
}

/// Issue 14: at least half of part two's exercises start from an empty
/// editor (a starter of comments, with hints that build up to the answer)
/// or from a broken thing to fix (a starter of whole objects, which the
/// simulator shows failing).
#[test]
fn at_least_half_of_the_exercises_start_empty_or_broken() {
    let catalog = catalog();
    let mut empty = Vec::new();
    let mut broken = Vec::new();
    let mut other = Vec::new();
    for (id, ..) in PART_TWO {
        let l = lesson(&catalog, id, Lang::En);
        for s in &l.sections {
            for x in s.exercises() {
                let spec = &x.value;
                let comments_only = spec.starter.lines().all(|line| {
                    let line = line.trim();
                    line.is_empty() || line.starts_with('#')
                });
                let run = exercise::run(
                    spec,
                    s.cluster().map(|c| &c.value),
                    &spec.starter,
                    Lang::En,
                    SEED,
                );
                assert_ne!(
                    run.outcome,
                    Outcome::Passed,
                    "{}: the starter of {} already passes",
                    l.path,
                    spec.id
                );
                if comments_only {
                    assert!(
                        !spec.starter.trim().is_empty() && spec.hints.len() >= 3,
                        "{}: {} starts empty: it says what to write and has 3 hints",
                        l.path,
                        spec.id
                    );
                    empty.push(spec.id.clone());
                } else if whole_objects(&spec.starter) {
                    broken.push(spec.id.clone());
                } else {
                    other.push(spec.id.clone());
                }
            }
        }
    }
    let total = empty.len() + broken.len() + other.len();
    assert!(total >= PART_TWO.len(), "{total} exercises");
    assert!(
        (empty.len() + broken.len()) * 2 >= total,
        "empty {empty:?}, broken {broken:?}, other {other:?}"
    );
    // Both kinds are there: writing from nothing and repairing.
    assert!(empty.len() >= 2, "from an empty editor: {empty:?}");
    assert!(broken.len() >= 2, "broken things to fix: {broken:?}");
}

/// Every YAML document of the text is a whole object (apiVersion, kind and
/// a name), not a fragment to complete.
fn whole_objects(text: &str) -> bool {
    let docs: Vec<serde_yaml::Value> = text
        .split("\n---")
        .filter(|d| !d.trim().is_empty())
        .map(|d| serde_yaml::from_str(d).unwrap_or(serde_yaml::Value::Null))
        .collect();
    !docs.is_empty()
        && docs.iter().all(|d| {
            d.get("apiVersion").is_some()
                && d.get("kind").is_some()
                && d.get("metadata").and_then(|m| m.get("name")).is_some()
        })
}

/// The Korean lessons speak in the course's one voice: requests in 해요체,
/// never 하십시오체.
#[test]
fn korean_part_two_lessons_speak_in_one_voice() {
    let catalog = catalog();
    for (id, ..) in PART_TWO {
        let l = lesson(&catalog, id, Lang::Ko);
        let body = text(l);
        assert!(body.contains("세요"), "{}: no 해요체 request", l.path);
        assert!(!body.contains("십시오"), "{}: 하십시오체", l.path);
        assert!(
            !body.replace("노트북", "").contains("노트"),
            "{}: speaks of notes",
            l.path
        );
    }
    for (id, ..) in PART_TWO {
        let l = lesson(&catalog, id, Lang::En);
        assert!(
            !text(l).to_lowercase().contains("the notes"),
            "{}: speaks of the notes",
            l.path
        );
    }
}

/// The command-bar lines a section's prose asks the student to type: inline
/// code that starts with `:` (placeholders such as `NAME` left out).
fn suggested_commands(section: &Section) -> Vec<String> {
    let mut out = Vec::new();
    for block in &section.blocks {
        let Block::Markdown(md) = block else { continue };
        for (i, span) in md.split('`').enumerate() {
            let Some(line) = span.strip_prefix(':') else {
                continue;
            };
            if i % 2 == 1 && !line.is_empty() && !line.contains("NAME") {
                out.push(line.to_string());
            }
        }
    }
    out
}

/// Every command a part-two lesson asks for in its prose is one the
/// simulator serves, in the cluster of that section (or the default cluster
/// when the section sets none up): a kind, verb or flag it does not know would
/// answer the student with an error that no Kubernetes cluster gives.
#[test]
fn every_command_a_part_two_lesson_suggests_is_served_by_the_simulator() {
    let catalog = catalog();
    let unserved = [
        "doesn't have a resource type",
        "is not simulated",
        "unknown command",
        "unknown flag",
        "unknown shorthand flag",
    ];
    let mut problems = Vec::new();
    for (id, ..) in PART_TWO {
        for lang in Lang::ALL {
            let lesson = lesson(&catalog, id, lang);
            for section in &lesson.sections {
                let commands = suggested_commands(section);
                if commands.is_empty() {
                    continue;
                }
                let setup = section
                    .blocks
                    .iter()
                    .find_map(|b| match b {
                        Block::Cluster(c) => Some(c.value.clone()),
                        _ => None,
                    })
                    .unwrap_or_default();
                let mut cluster = kubetutor::sim::Cluster::from_setup(&setup, SEED)
                    .unwrap_or_else(|e| panic!("{id} {lang} `{}`: {e}", section.title));
                cluster.advance(60_000);
                for line in commands {
                    let out = kubetutor::kubectl::execute(&mut cluster, &line);
                    if unserved.iter().any(|u| out.output.contains(u)) {
                        problems.push(format!(
                            "{id} ({lang}) `{}`: :{line} -> {}",
                            section.title,
                            out.output.trim_end()
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
