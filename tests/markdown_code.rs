//! Fenced code: frames, highlighting for YAML, JSON and shell (snapshots of
//! the styled spans), plain text for other languages, wrapping.

mod markdown_support;

use kubetutor::markdown::{Language, Theme, highlight_code, render};
use markdown_support::*;
use ratatui::text::Text;

const YAML: &str = r#"```yaml
---
# 웹 서버 파드
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web, tier: "front"}
spec:
  restartPolicy: Never   # 한 번만
  terminationGracePeriodSeconds: 30
  hostNetwork: false
  containers:
    - name: nginx
      image: 'nginx:1.25'
      args: ["-g", "daemon off;"]
      command:
        - sh
        - -c
        - |
          echo start
          exit 0
  nodeSelector: ~
```"#;

const JSON: &str = r#"```json
{
  "kind": "Pod",
  "spec": {
    "replicas": 3,
    "ratio": -0.5e2,
    "ready": true,
    "node": null,
    "ports": [80, 443]
  }
}
```"#;

const BASH: &str = r#"```bash
$ kubectl get pods -n kube-system --watch
# 파드 하나를 지웁니다
kubectl delete pod "$POD" && echo deleted || exit 1
NS=dev kubectl apply -f - <<END
kind: Namespace
END
```"#;

const CONSOLE: &str = r#"```console
$ kubectl get pods
NAME   READY   STATUS    RESTARTS   AGE
web    1/1     Running   0          5s
```"#;

fn colored(md: &str, width: u16) -> Text<'static> {
    let text = render(md, width, &Theme::colored());
    assert_fits(&text, usize::from(width));
    text
}

#[test]
fn yaml_highlighting() {
    insta::assert_snapshot!(styled(&colored(YAML, 60)));
}

#[test]
fn json_highlighting() {
    insta::assert_snapshot!(styled(&colored(JSON, 60)));
}

#[test]
fn bash_highlighting() {
    insta::assert_snapshot!(styled(&colored(BASH, 60)));
}

#[test]
fn console_output_lines_are_not_commands() {
    insta::assert_snapshot!(styled(&colored(CONSOLE, 60)));
}

#[test]
fn other_languages_are_plain() {
    let theme = Theme::colored();
    let text = render("```rust\nfn main() { let x = \"s\"; }\n```", 60, &theme);
    let row = &text.lines[1];
    // Frame, padding and code: the code itself is one span in the code style.
    let code: Vec<_> = row
        .spans
        .iter()
        .filter(|s| s.content.contains("fn main"))
        .collect();
    assert_eq!(code.len(), 1);
    assert_eq!(code[0].style, theme.code_text);
    assert_eq!(code[0].content, "fn main() { let x = \"s\"; }");
}

#[test]
fn frame_carries_the_language_and_has_its_style() {
    let theme = Theme::colored();
    let text = render("```yaml\na: 1\n```", 30, &theme);
    assert_eq!(lines(&text), ["╭─ yaml ─╮", "│ a: 1   │", "╰────────╯"]);
    // The label is cut only when the pane is too narrow for it.
    let text = render("```yaml\na: 1\n```", 8, &theme);
    assert_eq!(lines(&text), ["╭─ ya… ╮", "│ a: 1 │", "╰──────╯"]);
    assert_eq!(text.lines[0].spans[0].style, theme.code_frame);
    assert_eq!(text.lines[0].spans[1].style, theme.code_label);
}

#[test]
fn long_code_lines_wrap_with_a_marker_and_never_overflow() {
    let md = "```yaml\n        command: [\"sh\", \"-c\", \"echo 파드가 시작되었습니다 && sleep 3600\"]\n```";
    let text = render(md, 36, &Theme::plain());
    assert_eq!(
        lines(&text),
        [
            "╭─ yaml ───────────────────────────╮",
            "│         command: [\"sh\", \"-c\",    │",
            "│ ↪ \"echo 파드가 시작되었습니다 && │",
            "│ ↪ sleep 3600\"]                   │",
            "╰──────────────────────────────────╯",
        ]
    );
    for w in 1..=40u16 {
        assert_fits(&render(md, w, &Theme::colored()), usize::from(w));
    }
}

#[test]
fn highlight_code_gives_one_line_per_source_line() {
    let theme = Theme::colored();
    let lines = highlight_code("a: 1\nb: \"x\"\n", Language::Yaml, &theme);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].spans[0].style, theme.syntax.key);
    assert_eq!(
        lines[1].spans.last().map(|s| s.style),
        Some(theme.syntax.string)
    );
}
