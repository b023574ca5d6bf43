//! A new lesson file for `kubetutor new`: its id from the title, where it
//! goes in a course folder, and a starting text (front matter, an intro, a
//! section, a `quiz` block and an `exercise` block) that loads without
//! errors and whose exercise solution is right.
//!
//! Ids are lower-case ASCII (`a-z`, `0-9`, `-`): the title's ASCII letters
//! and digits, everything else a `-`. A title with no ASCII letter or digit
//! (a Korean title, say) gets `lesson-N`, the first number not taken in the
//! folder, and `kubetutor new` says that `--id` gives a better one: an id
//! is for good (progress is saved under it), so it is not guessed from a
//! transliteration.

use crate::lang::Lang;

/// Ids longer than this are cut at a `-`.
pub const MAX_ID: usize = 48;

/// The id a title gives: `"Pods & Nodes: 101 🚀"` → `pods-nodes-101`; empty
/// when the title has no ASCII letter or digit.
pub fn slug(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::new();
    // Decomposed, `é` is `e` and a combining accent: the accent is dropped.
    for c in title.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut id = out.trim_end_matches('-').to_string();
    if id.len() > MAX_ID {
        id.truncate(MAX_ID);
        if let Some(cut) = id.rfind('-') {
            id.truncate(cut);
        }
    }
    id
}

/// Whether `id` is one `kubetutor new` accepts from `--id`: what [`slug`]
/// could give (lower-case ASCII letters, digits, single `-` inside).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID && slug(id) == id
}

/// A title on one line: control characters and runs of white space become
/// one space; trimmed.
pub fn clean_title(title: &str) -> String {
    title
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The file text of a new lesson. `title` should be [`clean_title`]d.
pub fn lesson_text(id: &str, title: &str, lang: Lang, order: u32) -> String {
    let title = clean_title(title);
    let title = title.as_str();
    let title_yaml = yaml_string(title);
    let body = match lang {
        Lang::En => EN,
        Lang::Ko => KO,
    };
    format!(
        "---\nid: {id}\ntitle: {title_yaml}\norder: {order}\nlang: {}\nsummary: {}\n---\n\n# {title}\n\n{}",
        lang.code(),
        lang.pick(
            "이 강의가 무엇을 가르치는지 한 문장으로 적으세요.",
            "One sentence on what this lesson teaches."
        ),
        body.replace("{id}", id)
    )
}

/// A YAML scalar for `s`: double-quoted, so `:`, `#` and leading symbols in
/// a title never change its meaning.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

const EN: &str = r#"Write the introduction here: what the student will learn, and why it
matters. Everything before the first `##` heading is the intro page.

## First step

Each `##` heading starts a new page the student turns with → and ←.
Explain one idea per page. Tables, lists and code blocks all work.

```quiz
id: {id}-check
kind: choice
question: Which object wraps the containers that Kubernetes runs?
choices:
  - text: Pod
    correct: true
    why: A Pod holds one or more containers that share a network address and volumes.
  - text: Node
    why: A Node is a machine that runs Pods.
  - text: Service
    why: A Service gives a set of Pods one stable address; it runs nothing itself.
explain: Replace this question with one about your lesson.
```

## Try it

An exercise: the student writes a manifest, and its checks run it on the
simulated cluster. Change the goal, the solution and the checks together.

```exercise
id: {id}-pod
goal: Run one Pod named web, labelled app=web, with the nginx:1.27 image.
starter: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels:
      app: web
  spec:
    containers:
      - name: web
        # add the image here
solution: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels:
      app: web
  spec:
    containers:
      - name: web
        image: nginx:1.27
hints:
  - Every container needs an `image`.
check:
  - object:
      kind: Pod
      name: web
      fields:
        spec.containers[0].image: "nginx:1.27"
  - pods: { selector: app=web, phase: Running, count: 1 }
```
"#;

const KO: &str = r#"여기에 도입부를 쓰세요. 학생이 무엇을 배우고 그것이 왜 중요한지
적습니다. 첫 `##` 제목 앞의 글은 모두 도입 페이지가 됩니다.

## 첫 단계

`##` 제목마다 새 페이지가 시작되고, 학생은 → 와 ← 로 넘깁니다.
한 페이지에 한 가지 개념만 설명하세요. 표, 목록, 코드 블록을 쓸 수 있습니다.

```quiz
id: {id}-check
kind: choice
question: 쿠버네티스가 실행하는 컨테이너를 감싸는 오브젝트는 무엇일까요?
choices:
  - text: 파드 (Pod)
    correct: true
    why: 파드는 네트워크 주소와 볼륨을 함께 쓰는 컨테이너 한 개 이상을 담습니다.
  - text: 노드 (Node)
    why: 노드는 파드를 실행하는 머신입니다.
  - text: 서비스 (Service)
    why: 서비스는 여러 파드에 고정된 주소 하나를 주며, 스스로 무언가를 실행하지는 않습니다.
explain: 이 질문을 강의 내용에 맞는 질문으로 바꾸세요.
```

## 해 보기

실습입니다. 학생이 매니페스트를 쓰면 검사 항목이 가상 클러스터에서 그것을
확인합니다. 목표, 정답, 검사 항목은 함께 고치세요.

```exercise
id: {id}-pod
goal: nginx:1.27 이미지로 app=web 레이블을 단 web 이라는 파드 하나를 실행하세요.
starter: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels:
      app: web
  spec:
    containers:
      - name: web
        # 여기에 이미지를 적으세요
solution: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels:
      app: web
  spec:
    containers:
      - name: web
        image: nginx:1.27
hints:
  - 컨테이너마다 `image` 가 있어야 합니다.
check:
  - object:
      kind: Pod
      name: web
      fields:
        spec.containers[0].image: "nginx:1.27"
  - pods: { selector: app=web, phase: Running, count: 1 }
```
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_titles() {
        assert_eq!(slug("Pod phases"), "pod-phases");
        assert_eq!(slug("  Pods & Nodes: 101 🚀!! "), "pods-nodes-101");
        assert_eq!(slug("kubelet → CRI → containerd"), "kubelet-cri-containerd");
        assert_eq!(slug("파드의 상태"), "");
        assert_eq!(slug("🏗️⚙️"), "");
        assert_eq!(slug("파드 (Pod) 기초"), "pod");
        assert_eq!(slug("Ünïcödé Títle"), "unicode-title");
        let long = slug(&"word ".repeat(30));
        assert!(long.len() <= MAX_ID && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn titles_are_one_clean_line() {
        assert_eq!(
            clean_title("  Pods\n\tand\x1b[31m  nodes "),
            "Pods and [31m nodes"
        );
        assert_eq!(clean_title("\u{9b}"), "");
    }

    #[test]
    fn valid_ids() {
        assert!(is_valid_id("pod-phases"));
        assert!(is_valid_id("lesson-3"));
        for bad in ["", "Pods", "a b", "a/b", "-a", "a-", "a--b", "파드", "a_b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn titles_are_quoted_in_the_front_matter() {
        let text = lesson_text("x", "Pods: \"the\" # basics", Lang::En, 3);
        assert!(text.starts_with(
            "---\nid: x\ntitle: \"Pods: \\\"the\\\" # basics\"\norder: 3\nlang: en\n"
        ));
        assert!(text.contains("\n# Pods: \"the\" # basics\n"));
    }
}
