//! `cluster` blocks and the `setup` of predict questions and exercises:
//! built on the simulator one part at a time, in the order the tutor builds
//! them (scenario, runtime, `apply`, each command), so a failure names the
//! line of the part that failed.

use super::locate::Block;
use super::{Placed, manifests};
use crate::kubectl;
use crate::manifest::{self, path::Path};
use crate::quiz::predict::SEED;
use crate::sim::Cluster;
use crate::sim::ops::kubectl_name;
use crate::sim::runtime::RuntimeKind;
use crate::sim::scenarios;
use crate::sim::setup::Setup;

/// What checking a setup found; `ok` when the tutor can build it.
#[derive(Debug, Default)]
pub(super) struct Checked {
    pub ok: bool,
    pub findings: Vec<Placed>,
}

/// Check `setup`, written at `base` in `block` (the root for a `cluster`
/// block, `setup` in a quiz or exercise). `what` starts every message.
pub(super) fn check(setup: &Setup, block: &Block, base: &Path, what: &str) -> Checked {
    let mut found = Vec::new();
    let ok = build(setup, block, base, what, &mut found);
    if ok && let Err(e) = Cluster::from_setup(setup, SEED) {
        // Whatever the step-by-step build missed, the tutor would meet.
        found.push(Placed::error(
            block.line(base),
            format!("{what}: the simulator cannot set this up: {e}"),
        ));
        return Checked {
            ok: false,
            findings: found,
        };
    }
    Checked {
        ok: ok && !found.iter().any(|p| p.severity == super::Severity::Error),
        findings: found,
    }
}

fn build(setup: &Setup, block: &Block, base: &Path, what: &str, found: &mut Vec<Placed>) -> bool {
    let key = |k: &str| base.field(k);
    let mut cluster = Cluster::new(SEED);
    if let Some(name) = &setup.scenario {
        let line = block.line(&key("scenario"));
        if let Err(e) = scenarios::get(name) {
            found.push(Placed::error(line, format!("{what}: {e}")));
            return false;
        }
        let only = Setup {
            scenario: Some(name.clone()),
            ..Setup::default()
        };
        if let Err(e) = cluster.apply_setup(&only) {
            found.push(Placed::error(
                line,
                format!("{what}: scenario \"{name}\" cannot be set up: {e}"),
            ));
            return false;
        }
    }
    if let Some(r) = &setup.runtime {
        match RuntimeKind::parse(r) {
            Some(kind) => cluster.set_runtime(kind),
            None => {
                found.push(Placed::error(
                    block.line(&key("runtime")),
                    format!("{what}: runtime \"{r}\" is unknown: use containerd or dockershim"),
                ));
                return false;
            }
        }
    }
    if let Some(text) = &setup.apply
        && !apply(&mut cluster, text, block, &key("apply"), what, found)
    {
        return false;
    }
    for (i, line) in setup.commands.iter().enumerate() {
        let at = block.line(&key("commands").index(i));
        let command = line.trim();
        if command.is_empty() || command.starts_with('#') {
            continue;
        }
        if let Err(e) = kubectl::parse::parse(command) {
            found.push(Placed::error(
                at,
                format!(
                    "{what}: command `{command}` does not parse: {}",
                    without_error_prefix(&e)
                ),
            ));
            return false;
        }
        if let Ok(kubectl::parse::Command::Apply { file, .. }) = kubectl::parse::parse(command)
            && let Some(problem) = kubectl::files::lesson_path_problem(&file)
        {
            found.push(Placed::error(
                at,
                format!(
                    "{what}: command `{command}` reads \"{file}\", {problem}: a lesson's commands read only files inside the lesson folder, by a relative path"
                ),
            ));
            return false;
        }
        let outcome = kubectl::execute_in(&mut cluster, line, setup.files());
        if !outcome.ok {
            found.push(Placed::error(
                at,
                format!(
                    "{what}: command `{command}` fails: {}",
                    without_error_prefix(outcome.output.trim())
                ),
            ));
            return false;
        }
    }
    true
}

/// Validate the manifest, then apply each object the way `kubectl apply`
/// does; a refused object is reported at its document's line.
fn apply(
    cluster: &mut Cluster,
    text: &str,
    block: &Block,
    at: &Path,
    what: &str,
    found: &mut Vec<Placed>,
) -> bool {
    let loaded = manifest::load(text);
    let what_apply = format!("{what}: apply");
    found.extend(manifests::placed(&loaded, block, at, &what_apply));
    if loaded.has_errors() {
        return false;
    }
    let mut any = false;
    let mut ok = true;
    for doc in &loaded.documents {
        let Some(obj) = doc.object.clone() else {
            continue;
        };
        any = true;
        let name = kubectl_name(obj.kind(), &obj.meta.name);
        if let Err(e) = cluster.apply(obj) {
            ok = false;
            found.push(Placed::error(
                block.text_line(at, doc.line),
                format!("{what_apply}: the API server refuses {name}: {e}"),
            ));
        }
    }
    if !any {
        found.push(Placed::error(
            block.line(at),
            format!("{what_apply}: no object the simulator runs (no objects passed to apply)"),
        ));
        return false;
    }
    ok
}

fn without_error_prefix(text: &str) -> &str {
    text.strip_prefix("error: ").unwrap_or(text)
}
