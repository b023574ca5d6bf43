//! The simulated cluster.

pub mod objects;
pub mod setup;
