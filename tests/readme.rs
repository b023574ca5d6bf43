//! The README tells the truth about the tool: the two commands for a fresh
//! machine, every key of the tutor (the same table the help overlay shows),
//! and every subcommand of the command line.

use clap::CommandFactory;
use kubetutor::cli::Cli;
use kubetutor::tui::i18n::KEYS;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable")
}

#[test]
fn names_the_two_commands_for_a_fresh_machine() {
    let readme = readme();
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("\ncargo test "));
    // .ci/run runs the README's test command.
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(ci.lines().any(|l| l.trim() == "cargo test"), "{ci}");
}

#[test]
fn lists_every_key_of_the_help_overlay() {
    let readme = readme();
    for k in KEYS {
        let row = format!("| `{}` | {} |", k.keys, k.en);
        assert!(readme.contains(&row), "README.md has no row {row}");
    }
}

#[test]
fn lists_every_subcommand() {
    let readme = readme();
    let cli = Cli::command();
    let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
    assert!(names.len() >= 11, "{names:?}");
    for name in names {
        assert!(
            readme.contains(&format!("| `kubetutor {name}")),
            "README.md's command table has no `kubetutor {name}`"
        );
    }
}

#[test]
fn states_the_kubernetes_version_the_validator_follows() {
    let readme = readme();
    let version = format!("Kubernetes v{}", kubetutor::manifest::KUBERNETES_VERSION);
    assert!(
        readme.contains(&format!("`validate` follows {version}")),
        "README.md does not say `validate` follows {version}"
    );
}
