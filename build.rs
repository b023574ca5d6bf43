//! The course in `lessons/` is compiled into the binary (`include_dir!`).
//! Cargo tracks the files that exist, not new ones: this makes adding or
//! removing a lesson file rebuild the crate too.

fn main() {
    println!("cargo:rerun-if-changed=lessons");
}
