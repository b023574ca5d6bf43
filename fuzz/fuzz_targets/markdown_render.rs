#![no_main]
//! See `checks::markdown_render` for what this target checks.

#[path = "checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::markdown_render(data));
