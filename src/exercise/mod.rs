//! Manifest exercises: the `exercise` block ([`spec`]), and the runner that
//! checks a submitted manifest in a simulated cluster.
//!
//! # For a caller (the TUI editor, `kubetutor check`, lint)
//!
//! ```no_run
//! use kubetutor::exercise::{self, course};
//! use kubetutor::lang::Lang;
//! use kubetutor::lesson::Catalog;
//! let catalog = Catalog::embedded();
//! let found = course::find(&catalog, "pods-first-pod", Lang::En).unwrap();
//! let text = std::fs::read_to_string("pod.yaml").unwrap();
//! let report = exercise::run(found.spec, found.section_setup, &text, Lang::En, 1);
//! print!("{}", report.render());
//! if report.passed() { /* record it */ }
//! ```
//!
//! [`run`] never panics and is deterministic for a seed. Its [`Report`]
//! holds the diagnostics (each with line, column, path, message and hint in
//! both languages) when the text is invalid; otherwise every check as a
//! [`CheckResult`] (its [`label`](CheckResult::label), what was
//! [`seen`](report::CheckResult::seen), ✓/✗), the simulated time it took,
//! and the [`Cluster`](crate::sim::Cluster) as it ended, for the cluster pane.
//!
//! [`course`] finds exercises in a [`Catalog`](crate::lesson::Catalog) (by
//! id, in course order, with the section's `cluster` block).

pub mod checks;
pub mod course;
pub mod disruption;
pub mod fields;
pub mod recovery;
pub mod report;
pub mod runner;
pub mod seen;
pub mod spec;

pub use report::{CheckResult, Outcome, Report};
pub use runner::run;
pub use seen::Seen;
