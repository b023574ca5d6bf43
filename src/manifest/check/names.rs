//! Name formats, with the messages the API server gives (the wording of
//! apimachinery's `validation` package): object names, label keys and values,
//! port names, environment variable names.
//! <https://kubernetes.io/docs/concepts/overview/working-with-objects/names/>
//! <https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set>

/// A problem in English and Korean.
pub type Text = (String, String);

fn t(en: impl Into<String>, ko: impl Into<String>) -> Text {
    (en.into(), ko.into())
}

fn regex_error(msg: &str, regex: &str, examples: &[&str]) -> String {
    let mut s = format!("{msg} (e.g. ");
    for (i, e) in examples.iter().enumerate() {
        if i > 0 {
            s.push_str(" or ");
        }
        s.push_str(&format!("'{e}', "));
    }
    s.push_str(&format!("regex used for validation is '{regex}')"));
    s
}

fn max_len(n: usize) -> Text {
    t(
        format!("must be no more than {n} characters"),
        format!("{n}자를 넘을 수 없습니다"),
    )
}

fn alnum_lower(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

fn is_label(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| alnum_lower(c) || c == '-')
        && s.starts_with(alnum_lower)
        && s.ends_with(alnum_lower)
}

fn is_subdomain(s: &str) -> bool {
    !s.is_empty() && s.split('.').all(is_label)
}

pub fn dns1123_label(s: &str) -> Vec<Text> {
    let mut out = Vec::new();
    if s.chars().count() > 63 {
        out.push(max_len(63));
    }
    if !is_label(s) {
        out.push(t(
            regex_error(
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                "[a-z0-9]([-a-z0-9]*[a-z0-9])?",
                &["my-name", "123-abc"],
            ),
            "RFC 1123 레이블은 영어 소문자, 숫자, '-'만 쓸 수 있고 영숫자로 시작하고 끝나야 합니다 (예: 'my-name', '123-abc')",
        ));
    }
    out
}

pub fn dns1123_subdomain(s: &str) -> Vec<Text> {
    let mut out = Vec::new();
    if s.chars().count() > 253 {
        out.push(max_len(253));
    }
    if !is_subdomain(s) {
        out.push(t(
            regex_error(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*",
                &["example.com"],
            ),
            "RFC 1123 서브도메인은 영어 소문자, 숫자, '-', '.'만 쓸 수 있고 영숫자로 시작하고 끝나야 합니다 (예: 'example.com')",
        ));
    }
    out
}

pub fn dns1035_label(s: &str) -> Vec<Text> {
    let mut out = Vec::new();
    if s.chars().count() > 63 {
        out.push(max_len(63));
    }
    if !(is_label(s) && s.starts_with(|c: char| c.is_ascii_lowercase())) {
        out.push(t(
            regex_error(
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                "[a-z]([-a-z0-9]*[a-z0-9])?",
                &["my-name", "abc-123"],
            ),
            "DNS-1035 레이블은 영어 소문자, 숫자, '-'만 쓸 수 있고 영문자로 시작해 영숫자로 끝나야 합니다 (예: 'my-name', 'abc-123')",
        ));
    }
    out
}

fn alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

fn is_name_part(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| alnum(c) || matches!(c, '-' | '_' | '.'))
        && s.starts_with(alnum)
        && s.ends_with(alnum)
}

const QUALIFIED_REGEX: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QUALIFIED_MSG: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/// A label or annotation key: `[prefix/]name`.
pub fn qualified_name(s: &str) -> Vec<Text> {
    let parts: Vec<&str> = s.split('/').collect();
    let (prefix, name) = match parts.as_slice() {
        [name] => (None, *name),
        [prefix, name] => (Some(*prefix), *name),
        _ => {
            return vec![t(
                format!(
                    "{} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                    regex_error(
                        &format!("a qualified name {QUALIFIED_MSG}"),
                        QUALIFIED_REGEX,
                        &["MyName", "my.name", "123-abc"]
                    )
                ),
                "키에는 '/'를 한 번만 쓸 수 있습니다 (예: 'example.com/MyName')",
            )];
        }
    };
    let mut out = Vec::new();
    if let Some(prefix) = prefix {
        if prefix.is_empty() {
            out.push(t(
                "prefix part must be non-empty",
                "'/' 앞의 접두어가 비었습니다",
            ));
        } else {
            for (en, ko) in dns1123_subdomain(prefix) {
                out.push((format!("prefix part {en}"), format!("접두어: {ko}")));
            }
        }
    }
    if name.is_empty() {
        out.push(t("name part must be non-empty", "이름 부분이 비었습니다"));
    } else {
        if name.chars().count() > 63 {
            out.push(t(
                "name part must be no more than 63 characters",
                "이름 부분은 63자를 넘을 수 없습니다",
            ));
        }
        if !is_name_part(name) {
            out.push(t(
                regex_error(
                    &format!("name part {QUALIFIED_MSG}"),
                    QUALIFIED_REGEX,
                    &["MyName", "my.name", "123-abc"],
                ),
                "이름 부분은 영숫자, '-', '_', '.'만 쓸 수 있고 영숫자로 시작하고 끝나야 합니다 (예: 'MyName', 'my.name')",
            ));
        }
    }
    out
}

pub fn label_value(s: &str) -> Vec<Text> {
    let mut out = Vec::new();
    if s.chars().count() > 63 {
        out.push(max_len(63));
    }
    if !s.is_empty() && !is_name_part(s) {
        out.push(t(
            regex_error(
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?",
                &["MyValue", "my_value", "12345"],
            ),
            "레이블 값은 비어 있거나 영숫자, '-', '_', '.'로 이루어지고 영숫자로 시작하고 끝나야 합니다 (예: 'MyValue', 'my_value', '12345')",
        ));
    }
    out
}

/// A container port name (an IANA service name).
pub fn port_name(s: &str) -> Vec<Text> {
    let mut out = Vec::new();
    if s.chars().count() > 15 {
        out.push(max_len(15));
    }
    if !s.chars().all(|c| alnum_lower(c) || c == '-') {
        out.push(t(
            "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            "영어 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다",
        ));
    }
    if !s.chars().any(|c| c.is_ascii_lowercase()) {
        out.push(t(
            "must contain at least one letter (a-z)",
            "영문자(a-z)가 하나 이상 있어야 합니다",
        ));
    }
    if s.contains("--") {
        out.push(t(
            "must not contain consecutive hyphens",
            "하이픈을 연달아 쓸 수 없습니다",
        ));
    }
    if s.starts_with('-') || s.ends_with('-') {
        out.push(t(
            "must not begin or end with a hyphen",
            "하이픈으로 시작하거나 끝날 수 없습니다",
        ));
    }
    out
}

/// `IsConfigMapKey`: the keys of a ConfigMap's or a Secret's data.
pub fn config_key(s: &str) -> Vec<Text> {
    let mut out = Vec::new();
    if s.chars().count() > 253 {
        out.push(max_len(253));
    }
    let ok = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !ok {
        out.push(t(
            regex_error(
                "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                "[-._a-zA-Z0-9]+",
                &["key.name", "KEY_NAME", "key-name"],
            ),
            "설정 키에는 영숫자, '-', '_', '.'만 쓸 수 있습니다 (예: 'key.name', 'KEY_NAME', 'key-name')",
        ));
    }
    if s.starts_with("..") {
        out.push(t("must not start with '..'", "'..'로 시작할 수 없습니다"));
    } else if s == "." {
        out.push(t("must not be '.'", "'.'일 수 없습니다"));
    }
    out
}

/// Where Go's `base64.StdEncoding` stops decoding `s`, as the byte offset
/// its `CorruptInputError` names (`illegal base64 data at input byte N`).
pub fn base64_error(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let valid = |c: u8| c.is_ascii_alphanumeric() || c == b'+' || c == b'/';
    let skip_newlines = |mut i: usize| {
        while i < b.len() && (b[i] == b'\n' || b[i] == b'\r') {
            i += 1;
        }
        i
    };
    let mut si = 0;
    loop {
        let mut j = 0;
        while j < 4 {
            si = skip_newlines(si);
            if si == b.len() {
                return (j != 0).then(|| si - j);
            }
            let c = b[si];
            si += 1;
            if c == b'=' {
                match j {
                    0 | 1 => return Some(si - 1),
                    2 => {
                        si = skip_newlines(si);
                        if si == b.len() {
                            return Some(b.len());
                        }
                        if b[si] != b'=' {
                            return Some(si - 1);
                        }
                        si += 1;
                    }
                    _ => {}
                }
                si = skip_newlines(si);
                return (si < b.len()).then_some(si);
            }
            if !valid(c) {
                return Some(si - 1);
            }
            j += 1;
        }
    }
}

/// `IsValidPathSegmentName`: the names of RBAC objects.
pub fn path_segment(s: &str) -> Vec<Text> {
    if s == "." || s == ".." {
        return vec![t(
            format!("may not be '{s}'"),
            format!("'{s}'는 이름으로 쓸 수 없습니다"),
        )];
    }
    ["/", "%"]
        .iter()
        .filter(|c| s.contains(*c))
        .map(|c| {
            t(
                format!("may not contain '{c}'"),
                format!("'{c}'를 쓸 수 없습니다"),
            )
        })
        .collect()
}

pub fn env_name(s: &str) -> Vec<Text> {
    let ok = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        && !s.starts_with(|c: char| c.is_ascii_digit());
    if ok {
        return Vec::new();
    }
    vec![t(
        regex_error(
            "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
            "[-._a-zA-Z][-._a-zA-Z0-9]*",
            &["my.env-name", "MY_ENV.NAME", "MyEnvName1"],
        ),
        "환경 변수 이름은 영문자, 숫자, '_', '-', '.'만 쓸 수 있고 숫자로 시작할 수 없습니다 (예: 'MY_ENV.NAME')",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subdomain_message_is_the_api_servers() {
        let e = dns1123_subdomain("My_App");
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].0,
            r"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        );
        assert!(dns1123_subdomain("web-1.example").is_empty());
        assert!(!dns1123_subdomain("web.").is_empty());
    }

    #[test]
    fn labels_and_dns1035() {
        assert!(dns1123_label("123-abc").is_empty());
        assert!(!dns1123_label("a.b").is_empty());
        assert!(dns1035_label("abc-123").is_empty());
        assert!(!dns1035_label("1abc").is_empty());
        assert!(
            dns1123_label(&"a".repeat(64))[0]
                .0
                .contains("63 characters")
        );
        assert!(
            dns1123_label("my-name")
                .iter()
                .chain(&dns1035_label("-x"))
                .any(|e| e.0.contains("'my-name',  or"))
        );
    }

    #[test]
    fn qualified_names_and_values() {
        assert!(qualified_name("app.kubernetes.io/name").is_empty());
        assert!(qualified_name("pod-is-for").is_empty());
        assert!(!qualified_name("a/b/c").is_empty());
        assert!(
            qualified_name("Example.com/x")[0]
                .0
                .starts_with("prefix part")
        );
        assert!(qualified_name("-x")[0].0.starts_with("name part"));
        assert!(label_value("").is_empty());
        assert!(label_value("v1.2_b").is_empty());
        assert!(label_value("a b")[0].0.starts_with("a valid label"));
    }

    #[test]
    fn config_keys_and_base64() {
        assert!(config_key("app.properties").is_empty());
        assert!(
            config_key("a b")[0]
                .0
                .starts_with("a valid config key must consist of")
        );
        assert_eq!(config_key("..x")[0].0, "must not start with '..'");
        // Offsets as Go's encoding/base64 reports them.
        for (text, at) in [
            ("YWJj", None),
            ("YWJjZA==", None),
            ("YWJj\nZGVm", None),
            ("", None),
            ("abc", Some(0)),
            ("ab!d", Some(2)),
            ("YW Jj", Some(2)),
            ("YWJjZA", Some(4)),
            ("YWJjZA=", Some(7)),
            ("YWJjZA==x", Some(8)),
            ("=abc", Some(0)),
        ] {
            assert_eq!(base64_error(text), at, "{text:?}");
        }
    }

    #[test]
    fn port_and_env_names() {
        assert!(port_name("http").is_empty());
        assert!(port_name("web-8080").is_empty());
        assert_eq!(port_name("8080").len(), 1);
        assert!(port_name("very-long-port-name").len() == 1);
        assert!(port_name("a--b")[0].0.contains("consecutive"));
        assert!(env_name("MY_VAR.1").is_empty());
        assert!(!env_name("1VAR").is_empty());
    }
}
