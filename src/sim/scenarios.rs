//! Named setups lessons use, kept as data files under `assets/scenarios/`
//! and embedded in the binary: a description (en, ko), an optional runtime,
//! manifests applied to the default cluster, and command-language lines run
//! after them.

use include_dir::{Dir, include_dir};
use serde::Deserialize;

static DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/scenarios");

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Description {
    pub en: String,
    pub ko: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    pub description: Description,
    /// `containerd` (default) or `dockershim`.
    #[serde(default)]
    pub runtime: Option<String>,
    /// Manifest text applied to the default cluster.
    #[serde(default)]
    pub manifests: Option<String>,
    /// Command-language lines run after the manifests.
    #[serde(default)]
    pub commands: Vec<String>,
}

/// The scenario names, sorted.
pub fn names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = DIR
        .files()
        .filter_map(|f| {
            let p = f.path();
            (p.extension()? == "yaml").then_some(p.file_stem()?.to_str()?)
        })
        .collect();
    v.sort_unstable();
    v
}

/// Load a scenario by name.
pub fn get(name: &str) -> Result<Scenario, String> {
    let file = DIR.get_file(format!("{name}.yaml")).ok_or_else(|| {
        format!(
            "unknown scenario \"{name}\"{}; scenarios: {}",
            crate::kubectl::suggest::hint(name, names()),
            names().join(", ")
        )
    })?;
    let text = file
        .contents_utf8()
        .ok_or_else(|| format!("scenario {name}: not UTF-8"))?;
    let s: Scenario = serde_yaml::from_str(text).map_err(|e| format!("scenario {name}: {e}"))?;
    if s.name != name {
        return Err(format!(
            "scenario file {name}.yaml names itself {:?}",
            s.name
        ));
    }
    Ok(s)
}
