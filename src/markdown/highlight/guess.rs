//! The language of a code block whose fence names none (study notes often
//! write a bare ```` ``` ```` around a manifest): JSON when the block is one
//! JSON object or array, YAML when it is a YAML mapping that reads like one
//! (its first line is a plain `key:`, and it has at least two keys), else
//! plain. Only whole-block parses count, so prose is never coloured as code.

use super::Language;

/// The most lines a block may have to be guessed at (a bound on the work
/// done for one block; manifests in lessons are far shorter).
const MAX_LINES: usize = 2_000;

pub(crate) fn guess(code: &str) -> Language {
    if code.lines().count() > MAX_LINES {
        return Language::Plain;
    }
    let first = code
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    let Some(first) = first else {
        return Language::Plain;
    };
    if first.starts_with(['{', '['])
        && serde_json::from_str::<serde_json::Value>(code)
            .is_ok_and(|v| v.is_object() || v.is_array())
    {
        return Language::Json;
    }
    if is_key_line(first) && looks_like_yaml(code) {
        return Language::Yaml;
    }
    Language::Plain
}

/// `apiVersion: v1`, `metadata:`: an ASCII key, a colon, then a space or
/// nothing.
fn is_key_line(line: &str) -> bool {
    let Some((key, rest)) = line.split_once(':') else {
        return false;
    };
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && (rest.is_empty() || rest.starts_with(' '))
}

fn looks_like_yaml(code: &str) -> bool {
    let keys = code
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']) && is_key_line(l.trim_end()))
        .count();
    keys >= 2
        && crate::yaml_nesting::check(code).is_ok()
        && serde_yaml::from_str::<serde_yaml::Value>(code).is_ok_and(|v| v.is_mapping())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_without_a_fence_language() {
        let yaml = "# Nginx 파드를 정의하는 설정 파일\napiVersion: v1\nkind: Pod\nmetadata:\n  name: my-pod\n";
        assert_eq!(guess(yaml), Language::Yaml);
        let json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\"\n}";
        assert_eq!(guess(json), Language::Json);
        assert_eq!(guess("[1, 2]"), Language::Json);
    }

    #[test]
    fn prose_and_commands_stay_plain() {
        for code in [
            "",
            "kubectl get pods",
            "kubelet -> CRI -> containerd",
            "역할: 클러스터의 관문\n설명: 모든 요청",
            "Note: one key only",
            "Note: a\nthis line is not yaml: at: all: [",
            "{ not json",
            "- a\n- b",
            "$ kubectl get pods\nNAME   READY",
            "http://example.com: x\nb: c",
        ] {
            assert_eq!(guess(code), Language::Plain, "{code:?}");
        }
    }

    #[test]
    fn huge_blocks_are_not_guessed() {
        let yaml = "a: 1\n".repeat(MAX_LINES + 1);
        assert_eq!(guess(&yaml), Language::Plain);
    }
}
