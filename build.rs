// The flows and locales are embedded in the binary (see src/sources.rs); rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=flows");
    println!("cargo:rerun-if-changed=locales");
}
