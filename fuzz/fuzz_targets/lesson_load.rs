#![no_main]
//! See `checks::lesson_load` for what this target checks.

#[path = "checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::lesson_load(data));
