//! Older progress files, brought up to the current schema before they are
//! read, losing nothing.
//!
//! Version 1 → 2: a lesson's `completed` meant "every section seen"; from
//! version 2 on that is `read`, and `completed` means the work is done
//! (every quiz answered and every exercise passed, or marked done), which
//! the tutor works out again from the quizzes and exercises recorded.

use serde_json::Value;

/// Bring `value` (a progress file's JSON object, version `version`) up to
/// the current schema.
pub fn migrate(value: &mut Value, version: u64) {
    if version < 2 {
        v1_to_v2(value);
    }
}

fn v1_to_v2(value: &mut Value) {
    let Some(lessons) = value.get_mut("lessons").and_then(Value::as_object_mut) else {
        return;
    };
    for lesson in lessons.values_mut() {
        let Some(lesson) = lesson.as_object_mut() else {
            continue;
        };
        if let Some(seen_all) = lesson.remove("completed")
            && !seen_all.is_null()
        {
            lesson.entry("read").or_insert(seen_all);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_completed_lesson_is_read() {
        let mut v = serde_json::json!({
            "version": 1,
            "lessons": {
                "pods": { "sections": { "0": "2025-03-01T09:10:00Z" }, "completed": "2025-03-01T09:40:00Z" },
                "iac": { "completed": null, "quizzes": {} }
            }
        });
        migrate(&mut v, 1);
        assert_eq!(v["lessons"]["pods"]["read"], "2025-03-01T09:40:00Z");
        assert!(v["lessons"]["pods"].get("completed").is_none());
        assert_eq!(
            v["lessons"]["pods"]["sections"]["0"],
            "2025-03-01T09:10:00Z"
        );
        assert!(v["lessons"]["iac"].get("read").is_none());
        let mut current = v.clone();
        migrate(&mut current, 2);
        assert_eq!(current, v, "a current file is left alone");
    }
}
