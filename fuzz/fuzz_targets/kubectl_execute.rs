#![no_main]
//! See `checks::kubectl_execute` for what this target checks.

#[path = "checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::kubectl_execute(data));
