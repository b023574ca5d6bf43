#![no_main]
//! See `checks::manifest_validate` for what this target checks.

#[path = "checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::manifest_validate(data));
