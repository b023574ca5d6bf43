//! kubetutor: an interactive terminal tutor for Kubernetes fundamentals.
//!
//! The core (`lesson`, `markdown`, `sim`, `quiz`, `exercise`, `manifest`,
//! `kubectl`, `progress`) never touches the terminal; `tui` draws it and turns
//! keys into actions; `cli` is the command line.
#![forbid(unsafe_code)]

pub mod api;
pub mod bounded_read;
pub mod cli;
pub mod duration;
pub mod exercise;
pub mod kubectl;
pub mod lang;
pub mod lesson;
pub mod manifest;
pub mod markdown;
pub mod progress;
pub mod quantity;
pub mod quiz;
pub mod sim;
pub mod suggest;
pub mod text;
pub mod timestamp;
pub mod tui;
pub mod watch;
pub mod yaml_nesting;
