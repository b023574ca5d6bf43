//! The schema walk: types, unknown fields (with "did you mean" and misplaced
//! indentation), required fields, enumerations, quantities and name formats.

use super::super::path::Path;
use super::super::positions::Style;
use super::super::schema::{Fmt, NEWER_FIELDS, NEWER_VALUES, Obj, Ty};
use super::names::{self, Text};
use super::served::KUBERNETES_VERSION;
use super::{Sink, repr, untag};
use crate::quantity;
use crate::suggest;
use serde_yaml::{Mapping, Value};

/// Walk `v` as a value of type `ty` at `path`. `owner` is the object that
/// holds the field.
pub fn walk(s: &mut Sink, v: &Value, ty: &Ty, path: &Path, owner: &Obj) {
    let v = untag(v);
    if v.is_null() {
        return;
    }
    match ty {
        Ty::Any => {}
        Ty::Str(fmt) => match v {
            Value::String(text) => check_format(s, path, text, *fmt),
            _ => type_error(s, v, ty, path, owner),
        },
        Ty::Enum(values) => match v {
            Value::String(text) if values.contains(&text.as_str()) => {}
            Value::String(text) => {
                s.unsupported(path, text, values);
                let field = path.last_name().unwrap_or("");
                let newer = NEWER_VALUES
                    .iter()
                    .find(|(o, f, v, _)| *o == owner.go && *f == field && v == text);
                if let Some((_, _, _, release)) = newer {
                    s.hint(
                        format!("{text:?} was added in Kubernetes {release}; kubetutor and its simulator follow Kubernetes {KUBERNETES_VERSION}"),
                        format!("{text:?}는 쿠버네티스 {release}에서 추가되었습니다. kubetutor와 시뮬레이터는 쿠버네티스 {KUBERNETES_VERSION}을 따릅니다"),
                    );
                } else if let Some(close) = suggest::closest(text, values.iter().copied()) {
                    s.hint(
                        format!("did you mean {close:?}? (values are case-sensitive)"),
                        format!("{close:?}를 쓰려던 것인가요? (값은 대소문자를 구분합니다)"),
                    );
                }
            }
            _ => type_error(s, v, ty, path, owner),
        },
        Ty::Int(go) => {
            let fits = match v {
                Value::Number(n) => match *go {
                    "int32" => n.as_i64().is_some_and(|i| i32::try_from(i).is_ok()),
                    _ => n.as_i64().is_some(),
                },
                _ => false,
            };
            if !fits {
                type_error(s, v, ty, path, owner);
            }
        }
        Ty::Bool => {
            if !v.is_bool() {
                type_error(s, v, ty, path, owner);
            }
        }
        Ty::IntOrStr => {
            if !(v.is_string() || v.as_i64().is_some()) {
                type_error(s, v, ty, path, owner);
            }
        }
        Ty::Quantity => check_quantity(s, v, path, owner, ty),
        Ty::List(item) => match v {
            Value::Sequence(items) => {
                for (i, it) in items.iter().enumerate() {
                    walk(s, it, item, &path.index(i), owner);
                }
            }
            _ => type_error(s, v, ty, path, owner),
        },
        Ty::Obj(obj) => match v {
            Value::Mapping(m) => walk_obj(s, m, obj, path, Some(owner)),
            _ => type_error(s, v, ty, path, owner),
        },
        Ty::StrMap(key_fmt, value_fmt) => match v {
            Value::Mapping(m) => {
                for (k, val) in m {
                    let key = key_text(k);
                    let entry = path.key(&key);
                    if *key_fmt != Fmt::Any {
                        let problems = format_problems(&key, *key_fmt);
                        if !problems.is_empty() {
                            // Label keys are reported on the map, config
                            // keys on their entry, as the API server does.
                            let shown = if *key_fmt == Fmt::ConfigKey {
                                &entry
                            } else {
                                path
                            };
                            let at = s.key_pos(&entry);
                            let before = s.out.len();
                            s.invalid(shown, &format!("{key:?}"), problems);
                            move_last(s, before, at);
                        }
                    }
                    match untag(val) {
                        Value::String(text) if *value_fmt == Fmt::Base64 => {
                            base64_value(s, text, &entry, owner)
                        }
                        Value::String(text) => {
                            let problems = format_problems(text, *value_fmt);
                            if !problems.is_empty() {
                                let at = s.value_pos(&entry);
                                let before = s.out.len();
                                s.invalid(path, &format!("{text:?}"), problems);
                                move_last(s, before, at);
                            }
                        }
                        Value::Null => {}
                        other => type_error(s, other, &Ty::Str(Fmt::Any), &entry, owner),
                    }
                }
            }
            _ => type_error(s, v, ty, path, owner),
        },
        Ty::QtyMap => match v {
            Value::Mapping(m) => {
                for (k, val) in m {
                    let entry = path.key(&key_text(k));
                    check_quantity(s, untag(val), &entry, owner, &Ty::Quantity);
                }
            }
            _ => type_error(s, v, ty, path, owner),
        },
    }
}

/// A `[]byte` value: base64 text, which the API server decodes.
fn base64_value(s: &mut Sink, text: &str, path: &Path, owner: &Obj) {
    if let Some(at) = names::base64_error(text) {
        s.value(
            path,
            format!("illegal base64 data at input byte {at}"),
            format!("base64로 읽을 수 없는 값입니다 (입력의 {at}번 바이트에서)"),
        );
        // A Secret takes plain text under stringData, a ConfigMap under data.
        let (field, plain) = match owner.go {
            "v1.ConfigMap" => ("binaryData", "data"),
            _ => ("data", "stringData"),
        };
        s.hint(
            format!("{field} values are base64-encoded (echo -n 'text' | base64); plain text belongs under {plain}"),
            format!("{field}의 값은 base64로 인코딩해야 합니다 (echo -n 'text' | base64). 평문은 {plain} 아래에 쓰세요"),
        );
    }
}

fn move_last(s: &mut Sink, before: usize, at: super::super::positions::Pos) {
    if s.out.len() > before
        && let Some(d) = s.out.last_mut()
    {
        d.line = at.line;
        d.column = at.column;
    }
}

fn key_text(k: &Value) -> String {
    match untag(k) {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// Fields of an object: unknown ones, each known one, then required ones.
pub fn walk_obj(s: &mut Sink, m: &Mapping, obj: &Obj, path: &Path, parent: Option<&Obj>) {
    for (k, v) in m {
        let name = key_text(k);
        match obj.field(&name) {
            Some(field) => walk(s, v, &field.ty, &path.field(&name), obj),
            None => unknown_field(s, &name, m, obj, path, parent),
        }
    }
    for field in obj.fields.iter().filter(|f| f.required) {
        let present = m.get(field.name).is_some_and(|v| !untag(v).is_null());
        if !present {
            s.required(&path.field(field.name), None);
        }
    }
}

fn unknown_field(
    s: &mut Sink,
    name: &str,
    m: &Mapping,
    obj: &Obj,
    path: &Path,
    parent: Option<&Obj>,
) {
    let here = path.field(name);
    if let Some(newer) = NEWER_FIELDS
        .iter()
        .find(|n| n.owner == obj.go && n.field == name)
    {
        let shown = s.full(&here).to_string();
        let (en, ko) = match newer.release {
            Some(r) => (
                format!(
                    "field {shown:?} was added in Kubernetes {r}; a {KUBERNETES_VERSION} API server does not know it"
                ),
                format!(
                    "필드 {shown:?}는 쿠버네티스 {r}에서 추가되었습니다. {KUBERNETES_VERSION} API 서버는 이 필드를 모릅니다"
                ),
            ),
            None => (
                format!(
                    "field {shown:?} was added after Kubernetes {KUBERNETES_VERSION}; a {KUBERNETES_VERSION} API server does not know it"
                ),
                format!(
                    "필드 {shown:?}는 쿠버네티스 {KUBERNETES_VERSION} 이후에 추가되었습니다. {KUBERNETES_VERSION} API 서버는 이 필드를 모릅니다"
                ),
            ),
        };
        s.key(&here, en, ko);
        s.hint(
            format!("kubetutor and its simulator follow Kubernetes {KUBERNETES_VERSION}: leave {name} out"),
            format!("kubetutor와 시뮬레이터는 쿠버네티스 {KUBERNETES_VERSION}을 따릅니다. {name}은(는) 빼세요"),
        );
        return;
    }
    s.key(
        &here,
        format!("unknown field {:?}", here.to_string()),
        format!("알 수 없는 필드 {:?}", here.to_string()),
    );
    let under = path.last_name().unwrap_or("");
    if let (Some(parent), Some(grand)) = (parent, path.parent())
        && parent.field(name).is_some()
        && !under.is_empty()
    {
        let shown = s.full(&grand);
        let (where_en, where_ko) = if shown.segments().is_empty() {
            ("at the top level".to_string(), "맨 위 수준".to_string())
        } else {
            (format!("under {shown}"), format!("{shown} 아래"))
        };
        s.hint(
            format!("{name} is indented under {under}; it belongs {where_en}"),
            format!("{name}이(가) {under} 아래로 들여써져 있습니다. {where_ko}에 있어야 합니다"),
        );
        s.shadow(&grand.field(name));
        return;
    }
    if let Some(close) = suggest::closest(name, obj.fields.iter().map(|f| f.name)) {
        s.hint(
            format!("did you mean {close:?}?"),
            format!("{close:?}를 쓰려던 것인가요?"),
        );
        if m.get(close).is_none_or(|v| untag(v).is_null()) {
            s.shadow(&path.field(close));
        }
        return;
    }
    for field in obj.fields {
        if let Ty::Obj(child) = field.ty
            && child.field(name).is_some()
        {
            s.hint(
                format!("{name} belongs under {}", s.full(&path.field(field.name))),
                format!(
                    "{name}은(는) {} 아래에 있어야 합니다",
                    s.full(&path.field(field.name))
                ),
            );
            s.shadow(&path.field(field.name).field(name));
            return;
        }
    }
}

fn format_problems(text: &str, fmt: Fmt) -> Vec<Text> {
    match fmt {
        Fmt::Any => Vec::new(),
        Fmt::Label => names::dns1123_label(text),
        Fmt::PortName => names::port_name(text),
        Fmt::QualifiedName => names::qualified_name(text),
        Fmt::LabelValue => names::label_value(text),
        Fmt::EnvName => names::env_name(text),
        Fmt::ConfigKey => names::config_key(text),
        Fmt::Base64 => Vec::new(),
    }
}

fn check_format(s: &mut Sink, path: &Path, text: &str, fmt: Fmt) {
    let problems = format_problems(text, fmt);
    s.invalid(path, &format!("{text:?}"), problems);
}

fn check_quantity(s: &mut Sink, v: &Value, path: &Path, owner: &Obj, ty: &Ty) {
    let text = match v {
        Value::String(t) => t.clone(),
        Value::Number(n) => n.to_string(),
        Value::Null => return,
        _ => return type_error(s, v, ty, path, owner),
    };
    // A negative quantity is a quantity: what is wrong is its sign.
    if let Some(abs) = text.trim().strip_prefix('-')
        && quantity::parse_milli(abs).is_ok()
    {
        s.invalid(
            path,
            &format!("{text:?}"),
            vec![(
                "must be greater than or equal to 0".into(),
                "0 이상이어야 합니다".into(),
            )],
        );
        return;
    }
    if let Err(e) = quantity::parse_milli(&text) {
        s.value(
            path,
            e.to_string(),
            format!("{text:?}는 올바른 수량이 아닙니다 (예: 100m, 0.5, 128Mi, 1Gi)"),
        );
        let lower = text.to_ascii_lowercase();
        if lower.ends_with("mb") || lower.ends_with("gb") || lower.ends_with("kb") {
            s.hint(
                "memory units are Ki, Mi, Gi (powers of 2) or k, M, G (powers of 10), without 'B': 128Mi",
                "메모리 단위는 'B' 없이 Ki, Mi, Gi(2의 거듭제곱) 또는 k, M, G(10의 거듭제곱)입니다: 128Mi",
            );
        } else if text.ends_with("mi") || text.ends_with("gi") || text.ends_with("ki") {
            s.hint(
                "units are case-sensitive: Mi, Gi, Ki",
                "단위는 대소문자를 구분합니다: Mi, Gi, Ki",
            );
        }
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "string",
        Value::Number(_) => "number",
        Value::Bool(_) => "bool",
        Value::Sequence(_) => "array",
        Value::Mapping(_) => "object",
        Value::Null => "null",
        Value::Tagged(t) => json_kind(&t.value),
    }
}

fn kind_ko(ty: &Ty) -> &'static str {
    match ty {
        Ty::Str(_) | Ty::Enum(_) => "문자열",
        Ty::StrMap(..) => "매핑(키: 문자열)",
        Ty::Int(_) => "정수",
        Ty::Bool => "true 또는 false",
        Ty::Quantity => "수량(예: 100m, 128Mi)",
        Ty::IntOrStr => "숫자 또는 문자열",
        Ty::List(_) => "리스트",
        Ty::Obj(_) | Ty::QtyMap => "매핑(필드 묶음)",
        Ty::Any => "값",
    }
}

fn got_ko(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "문자열",
        Value::Number(_) => "숫자",
        Value::Bool(_) => "true/false 값",
        Value::Sequence(_) => "리스트",
        Value::Mapping(_) => "매핑",
        Value::Null => "빈 값",
        Value::Tagged(t) => got_ko(&t.value),
    }
}

/// `json: cannot unmarshal <kind> into Go struct field <Owner>.<path> of type <go>`,
/// the decoder's wording, with a hint about quotes or list dashes.
fn type_error(s: &mut Sink, v: &Value, ty: &Ty, path: &Path, owner: &Obj) {
    s.shadow(path);
    // Go's decoder names the number only where it cannot fit a number type.
    let got = match (v, ty) {
        (Value::Number(n), Ty::Int(_) | Ty::Quantity | Ty::IntOrStr) => format!("number {n}"),
        (other, _) => json_kind(other).to_string(),
    };
    let go = ty.go_name();
    let field = path.go_field();
    s.value(
        path,
        format!(
            "json: cannot unmarshal {got} into Go struct field {}.{field} of type {go}",
            owner.struct_name()
        ),
        format!(
            "값의 형식이 맞지 않습니다 (필요: {}, 실제: {})",
            kind_ko(ty),
            got_ko(v)
        ),
    );
    let key = path.last_name().unwrap_or("value").to_string();
    // How the fixed line is written: `key: "raw"`, or `"raw"` for a list item.
    let line = |raw: &str| match path.last_name() {
        Some(k) => format!("{k}: \"{raw}\""),
        None => format!("\"{raw}\""),
    };
    let quoted = s.pos.style(&s.full(path)) == Some(Style::Quoted);
    let retyped = s.pos.retyped(&s.full(path)).map(str::to_string);
    match (ty, v) {
        (Ty::Str(_) | Ty::Enum(_) | Ty::StrMap(..), Value::Number(_) | Value::Bool(_)) => {
            let shown = repr(v);
            match retyped {
                Some(raw) if raw != shown => s.hint(
                    format!("kubectl reads `{raw}` as {shown}: quote it: {}", line(&raw)),
                    format!(
                        "kubectl은 `{raw}`를 {shown}(으)로 읽습니다. 따옴표로 감싸세요: {}",
                        line(&raw)
                    ),
                ),
                raw => {
                    let raw = raw.unwrap_or(shown);
                    s.hint(
                        format!("quote it: {}", line(&raw)),
                        format!("따옴표로 감싸세요: {}", line(&raw)),
                    )
                }
            }
        }
        (Ty::Int(_) | Ty::IntOrStr, Value::String(t))
            if quoted && t.trim().parse::<i64>().is_ok() =>
        {
            s.hint(
                format!("remove the quotes: {key}: {}", t.trim()),
                format!("따옴표를 지우세요: {key}: {}", t.trim()),
            )
        }
        (Ty::Bool, Value::String(t)) if matches!(t.as_str(), "true" | "false") => s.hint(
            format!("remove the quotes: {key}: {t}"),
            format!("따옴표를 지우세요: {key}: {t}"),
        ),
        (Ty::Int(_), Value::String(_)) => s.hint(
            format!("{key} takes a whole number"),
            format!("{key}에는 정수를 써야 합니다"),
        ),
        (Ty::List(_), _) => s.hint(
            format!("{key} is a list: write each item on its own line starting with '- '"),
            format!("{key}는 리스트입니다. 항목마다 '- '로 시작하는 줄을 쓰세요"),
        ),
        (Ty::Obj(_) | Ty::QtyMap | Ty::StrMap(..), Value::Sequence(_)) => s.hint(
            format!("{key} holds fields, not a list: remove the '- '"),
            format!("{key}에는 리스트가 아니라 필드가 옵니다. '- '를 지우세요"),
        ),
        (Ty::Obj(_) | Ty::QtyMap | Ty::StrMap(..), _) => s.hint(
            format!("{key} holds fields: put them on the next lines, indented under {key}:"),
            format!("{key}에는 필드가 옵니다. 다음 줄부터 {key}: 아래로 들여써서 쓰세요"),
        ),
        _ => {}
    }
}
