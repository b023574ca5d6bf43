//! Inputs the fuzzers found (and a few written by hand), replayed through the
//! fuzz targets' own checks on every `cargo test`: a crash fixed once stays
//! fixed, without a nightly toolchain. Each target's inputs live in
//! `tests/fixtures/fuzz/<target>/`; `fuzz/README.md` says how to add one.

#[path = "../fuzz/fuzz_targets/checks.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    for input in inputs {
        let data = std::fs::read(&input).unwrap();
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            panic!("{target} fails on {}", input.display());
        }
    }
}

#[test]
fn lesson_load_inputs() {
    replay("lesson_load", checks::lesson_load);
}

#[test]
fn markdown_render_inputs() {
    replay("markdown_render", checks::markdown_render);
}

#[test]
fn manifest_validate_inputs() {
    replay("manifest_validate", checks::manifest_validate);
}

#[test]
fn kubectl_execute_inputs() {
    replay("kubectl_execute", checks::kubectl_execute);
}
